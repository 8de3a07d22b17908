#include "sim/validation/calibration.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numeric>

#include "sim/io/json.hpp"

namespace wijksim::sim {

namespace {

double mean(const std::vector<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double ratio(std::int64_t a, std::int64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

// Yearly probability from a monthly event count and the household-months at risk.
double yearly(std::int64_t events, std::int64_t at_risk) { return 1.0 - std::pow(1.0 - ratio(events, at_risk), 12.0); }

double green_share(const World& w) {
  std::int64_t green = 0, all = 0;
  for (const auto& rec : w.records()) {
    green += rec.levels[0];
    for (auto n : rec.levels) all += n;
  }
  return ratio(green, all);
}

// Public cost of a year spent at a level: 12 x the mean cost of a household-month at that level.
double level_cost_a_year(const World& w, agents::Level level) {
  const auto l = agents::index(level);
  return 12.0 * to_eur(w.tallies().care.level_cost[l]) /
         std::max<double>(1.0, static_cast<double>(w.tallies().care.level_months[l]));
}

double relapse_within(const agents::IncomeStats& s, std::size_t years) {
  double stay = 1.0;
  for (std::size_t y = 0; y < years; ++y) stay *= 1.0 - yearly(s.relapse_returns[y], s.relapse_at_risk[y]);
  return 1.0 - stay;
}

}  // namespace

std::vector<CalibrationResult> calibrate(const World& w) {
  const Tallies& t = w.tallies();
  const auto& income = t.income;
  const double half_years = static_cast<double>(std::max<std::int64_t>(1, t.half_years)) *
                            static_cast<double>(w.population().size());
  // (target name, simulated value): the order of CalibrationDef::visit.
  std::vector<std::pair<std::string, double>> simulated{
      {"green_share", green_share(w)},
      {"laws_none", static_cast<double>(t.laws[0]) / half_years},
      {"laws_one", static_cast<double>(t.laws[1]) / half_years},
      {"laws_several", static_cast<double>(t.laws[2]) / half_years},
      {"top4_cost_share", mean(t.top4_share)},
      {"top1_cost_share", mean(t.top1_share)},
      {"orange_cost", level_cost_a_year(w, agents::Level::Orange)},
      {"red_cost", level_cost_a_year(w, agents::Level::Red)},
      {"welfare_exit_year1", yearly(income.welfare_exits[0], income.welfare_at_risk[0])},
      {"welfare_exit_year2", yearly(income.welfare_exits[1], income.welfare_at_risk[1])},
      {"welfare_exit_year3", yearly(income.welfare_exits[2], income.welfare_at_risk[2])},
      {"welfare_exit_year5", yearly(income.welfare_exits[4], income.welfare_at_risk[4])},
      {"relapse_1y", relapse_within(income, 1)},
      {"relapse_2y", relapse_within(income, 2)},
  };
  // Walk the targets in schema order, pairing each with its simulated value by name.
  struct Collect {
    const std::vector<std::pair<std::string, double>>& values;
    std::vector<CalibrationResult> out;
    void table(std::string_view key, const scenarios::TargetDef& target, const char*) {
      if (!target.enabled) return;
      for (const auto& [name, value] : values) {
        if (name != key) continue;
        out.push_back({name, target.low, target.high, value, target.source, value >= target.low && value <= target.high});
      }
    }
  } collect{simulated, {}};
  auto calibration = w.def().calibration;
  calibration.visit(collect);
  return collect.out;
}

std::string calibration_json(const std::vector<CalibrationResult>& results) {
  Json out = Json::array();
  for (const CalibrationResult& r : results) {
    Json target;
    target["name"] = r.name;
    target["target_low"] = json_number(r.low);
    target["target_high"] = json_number(r.high);
    target["simulated"] = json_number(r.simulated);
    target["source"] = r.source;
    target["ok"] = r.ok;
    out.push_back(std::move(target));
  }
  return json_text(out);
}

namespace {
// Large amounts as whole numbers, shares with four significant digits.
std::string figure(double x) { return std::fabs(x) >= 1000.0 ? fmt::format("{:.0f}", x) : fmt::format("{:.4g}", x); }
}  // namespace

std::string calibration_table(const std::vector<CalibrationResult>& results) {
  std::string out = fmt::format("{:<20} {:>12} {:>12} {:>12}  {:<18} {}\n", "target", "low", "high", "simulated",
                                "source", "result");
  for (const auto& r : results) {
    out += fmt::format("{:<20} {:>12} {:>12} {:>12}  {:<18} {}\n", r.name, figure(r.low), figure(r.high),
                       figure(r.simulated), r.source, r.ok ? "ok" : "FAIL");
  }
  return out;
}

}  // namespace wijksim::sim
