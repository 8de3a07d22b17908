#include "sim/validation/calibration.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
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

double events_per_10000_a_year(const World& w, Counted counted) {
  std::int64_t n = 0;
  for (const MonthRecord& r : w.records()) n += r.events[static_cast<std::size_t>(counted)];
  const double household_years = static_cast<double>(w.population().size()) * static_cast<double>(w.records().size()) / 12.0;
  return household_years > 0.0 ? 10000.0 * static_cast<double>(n) / household_years : 0.0;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint16_t kDebtHelp = (1U << static_cast<unsigned>(services::Trajectory::DebtHelpLight)) |
                                    (1U << static_cast<unsigned>(services::Trajectory::DebtRestructuring));
constexpr std::uint16_t kMoneyHelp = kDebtHelp | (1U << static_cast<unsigned>(services::Trajectory::GeneralSocialWork));

}  // namespace

CalibrationObserver::CalibrationObserver(const World& world)
    : last_cost_(world.population().size(), 0),
      history_(12 * world.population().size(), 0),
      last_care_(world.population().care),
      helped_(world.population().size(), 0),
      open_(world.population().size(), -1) {}

void CalibrationObserver::after_month(const PairedWorlds& worlds, Month m) {
  const agents::Population& pop = worlds.zero().population();
  const std::size_t n = pop.size();
  const std::size_t slot = static_cast<std::size_t>(m % 12) * n;
  const bool new_year = month_in_year(m) == 0;
  const auto& fin = pop.severity[agents::index(agents::Domain::Finances)];
  for (HouseholdId h = 0; h < n; ++h) {
    // This month's public money (the year's money starts again in January).
    const std::int64_t month_cost = pop.cost_year[h] - (new_year ? 0 : last_cost_[h]);
    last_cost_[h] = pop.cost_year[h];
    const bool renewed = (pop.events[h] & agents::kRenewed) != 0;
    // Hidden debt: in view when debt help runs; the first money help of a debt spell ends its wait.
    problem_debt_months_ += fin[h] >= 2 ? 1 : 0;
    if (fin[h] >= 2 && pop.intramural[h] == agents::Intramural::None) {
      ++debt_months_;
      debt_in_view_months_ += (pop.care[h] & kDebtHelp) != 0 ? 1 : 0;
    }
    if (pop.debt_months[h] == 0 || renewed) helped_[h] = 0;
    const auto started = static_cast<std::uint16_t>(pop.care[h] & ~last_care_[h] & kMoneyHelp);
    if (started != 0 && pop.debt_months[h] > 0 && !helped_[h] && !renewed) {
      ++help_starts_;
      help_wait_ += pop.debt_months[h];
      helped_[h] = 1;
    }
    last_care_[h] = pop.care[h];
    // The aftermath of an eviction: money above the household's own monthly cost of the year before.
    if (open_[h] >= 0) {
      Aftermath& a = windows_[static_cast<std::size_t>(open_[h])];
      if (renewed) {
        open_[h] = -1;
      } else {
        a.excess += static_cast<double>(month_cost) - a.baseline;
        if (m + 1 - a.start == kWindow) {
          aftermath_sum_ += a.excess;
          ++aftermaths_;
          open_[h] = -1;
        }
      }
    } else if ((pop.events[h] & agents::kEviction) != 0) {
      const std::size_t past = std::min<std::size_t>(months_, 12);
      double before = 0.0;
      for (std::size_t k = 0; k < 12; ++k) before += static_cast<double>(history_[k * n + h]);
      Aftermath a{m, past > 0 ? before / static_cast<double>(past) : 0.0, 0.0};
      a.excess = static_cast<double>(month_cost) - a.baseline;
      open_[h] = static_cast<std::int32_t>(windows_.size());
      windows_.push_back(a);
    }
    history_[slot + h] = month_cost;
  }
  // Families at red, and running child-protection measures.
  for (HouseholdId h = 0; h < n; ++h) {
    if (pop.type[h] == agents::HouseholdType::Family && pop.last_level[h] == agents::Level::Red) {
      red_family_cost_ += static_cast<double>(history_[slot + h]);
      ++red_family_months_;
    }
    protection_months_ += pop.youth[h] != agents::YouthEscalation::None ? 1 : 0;
  }
  household_months_ += static_cast<std::int64_t>(n);
  ++months_;
}

double CalibrationObserver::problematic_debt() const { return ratio(problem_debt_months_, household_months_); }
double CalibrationObserver::debt_in_view() const { return ratio(debt_in_view_months_, debt_months_); }
double CalibrationObserver::time_to_help() const {
  return help_starts_ > 0 ? static_cast<double>(help_wait_) / static_cast<double>(help_starts_) : kNaN;
}
double CalibrationObserver::eviction_aftermath() const {
  return aftermaths_ > 0 ? aftermath_sum_ / 100.0 / static_cast<double>(aftermaths_) : kNaN;
}
double CalibrationObserver::red_family_cost() const {
  return red_family_months_ > 0 ? 12.0 * red_family_cost_ / 100.0 / static_cast<double>(red_family_months_) : kNaN;
}
double CalibrationObserver::youth_protection() const {
  return household_months_ > 0 ? 1000.0 * static_cast<double>(protection_months_) / static_cast<double>(household_months_)
                               : kNaN;
}

std::vector<CalibrationResult> calibrate(const World& w, const CalibrationObserver& o) {
  const Tallies& t = w.tallies();
  const auto& income = t.income;
  const double half_years = static_cast<double>(std::max<std::int64_t>(1, t.half_years)) *
                            static_cast<double>(w.population().size());
  const auto per_1000 = [&](services::Law bit) {
    return 1000.0 * static_cast<double>(t.uses[static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(bit)))]) /
           half_years;
  };
  const std::map<std::string, double, std::less<>> simulated{
      {"green_share", green_share(w)},
      {"laws_none", static_cast<double>(t.laws[0]) / half_years},
      {"laws_one", static_cast<double>(t.laws[1]) / half_years},
      {"laws_several", static_cast<double>(t.laws[2]) / half_years},
      {"youth_use", per_1000(services::kYouthLaw)},
      {"youth_protection", o.youth_protection()},
      {"wmo_use", per_1000(services::kWmo)},
      {"household_help_use", per_1000(services::kHouseholdHelp)},
      {"welfare_use", per_1000(services::kWelfareLaw)},
      {"debt_help_use", per_1000(services::kDebtHelp)},
      {"problematic_debt", o.problematic_debt()},
      {"debt_in_view", o.debt_in_view()},
      {"debt_time_to_help", o.time_to_help()},
      {"evictions", events_per_10000_a_year(w, Counted::Evictions)},
      {"eviction_aftermath", o.eviction_aftermath()},
      {"top4_cost_share", mean(t.top4_share)},
      {"top1_cost_share", mean(t.top1_share)},
      {"orange_cost", level_cost_a_year(w, agents::Level::Orange)},
      {"red_cost", level_cost_a_year(w, agents::Level::Red)},
      {"red_family_cost", o.red_family_cost()},
      {"welfare_exit_year1", yearly(income.welfare_exits[0], income.welfare_at_risk[0])},
      {"welfare_exit_year2", yearly(income.welfare_exits[1], income.welfare_at_risk[1])},
      {"welfare_exit_year3", yearly(income.welfare_exits[2], income.welfare_at_risk[2])},
      {"welfare_exit_year5", yearly(income.welfare_exits[4], income.welfare_at_risk[4])},
      {"relapse_1y", relapse_within(income, 1)},
      {"relapse_2y", relapse_within(income, 2)},
  };
  // Walk the targets in schema order, pairing each with its simulated value by name.
  struct Collect {
    const std::map<std::string, double, std::less<>>& values;
    std::vector<CalibrationResult> out;
    void table(std::string_view key, const scenarios::TargetDef& target, const char* measures) {
      if (!target.enabled) return;
      const auto it = values.find(key);
      if (it == values.end()) throw std::logic_error(fmt::format("target {} has no simulated value", key));
      const double value = it->second;
      out.push_back({std::string(key), measures, target.low, target.high, value, target.source,
                     value >= target.low && value <= target.high});
    }
  } collect{simulated, {}};
  auto targets = w.def().targets;
  targets.visit(collect);
  return collect.out;
}

std::vector<CalibrationResult> calibrate_scenario(const scenarios::ScenarioDef& def, unsigned threads,
                                                  const std::function<void(std::uint32_t)>& progress) {
  // The scenario's own world, teams included if it has any (calibration is meant for zero alternatives).
  PairedWorlds worlds(def, {}, 0, threads, progress);
  CalibrationObserver observer(worlds.zero());
  struct Progress : MonthObserver {
    const std::function<void(std::uint32_t)>& report;
    std::uint32_t warmup;
    Progress(const std::function<void(std::uint32_t)>& r, std::uint32_t w) : report(r), warmup(w) {}
    void after_month(const PairedWorlds&, Month m) override {
      if (report) report(warmup + m + 1);
    }
  } bar{progress, def.run.warmup_months};
  worlds.observe(observer);
  worlds.observe(bar);
  worlds.run();
  return calibrate(worlds.zero(), observer);
}

std::string calibration_json(const std::vector<CalibrationResult>& results) {
  Json out = Json::array();
  for (const CalibrationResult& r : results) {
    Json target;
    target["name"] = r.name;
    target["measures"] = r.measures;
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
  out += "\nWhat each target measures:\n";
  for (const auto& r : results) out += fmt::format("  {:<20} {}\n", r.name, r.measures);
  return out;
}

std::string targets_markdown(const scenarios::TargetsDef& targets) {
  struct Rows {
    std::string out = "| target | range | what it measures | source |\n|--------|-------|------------------|--------|\n";
    void table(std::string_view key, const scenarios::TargetDef& t, const char* measures) {
      out += fmt::format("| {} | {} – {}{} | {} | {} |\n", key, figure(t.low), figure(t.high),
                         t.enabled ? "" : " (not checked)", measures, t.source);
    }
  } rows;
  auto copy = targets;
  copy.visit(rows);
  return rows.out;
}

}  // namespace wijksim::sim
