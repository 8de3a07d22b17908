#include "sim/io/compare_output.hpp"

#include <cmath>
#include <fmt/format.h>
#include <functional>

#include "sim/batch/decision.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/json.hpp"

namespace wijksim::sim {

using services::kPocketCount;
using services::kPocketNames;

namespace {

Json stat_json(const Stat& s) {
  Json j;
  j["mean"] = json_number(s.mean);
  j["sd"] = json_number(s.sd);
  j["ci_low"] = json_number(s.ci_low);
  j["ci_high"] = json_number(s.ci_high);
  return j;
}

Json year_json(const std::optional<std::uint32_t>& y) { return y ? Json(*y) : Json(nullptr); }

Json pockets_json(const std::array<Stat, kPocketCount>& stats) {
  Json j = Json::object();
  for (std::size_t p = 0; p < kPocketCount; ++p) j[std::string(kPocketNames[p])] = stat_json(stats[p]);
  return j;
}

/// One value per scope: {"societal": ..., "financial": ..., "municipal": ...}.
template <class Value> Json scopes_json(const std::array<Value, 3>& values, const std::function<Json(std::size_t)>& f) {
  Json j = Json::object();
  for (std::size_t s = 0; s < values.size(); ++s) j[kScopeNames[s]] = f(s);
  return j;
}

Json stats_json(const std::array<Stat, 3>& stats) {
  return scopes_json(stats, [&](std::size_t s) { return stat_json(stats[s]); });
}

Json static_json(const std::optional<StaticEstimate>& e) {
  if (!e) return nullptr;
  Json j;
  j["team"] = e->team;
  j["households"] = json_number(e->households);
  j["fte"] = json_number(e->fte);
  j["cost_year0"] = json_number(e->cost_year0);
  j["ratios"] = scopes_json(e->ratio, [&](std::size_t s) { return json_number(e->ratio[s]); });
  j["npv"] = scopes_json(e->npv, [&](std::size_t s) { return json_number(e->npv[s]); });
  return j;
}

/// The figures of one alternative, as members of `j`.
void alternative_members(Json& j, const AlternativeResult& a, const CompareResult& r) {
  const double households = static_cast<double>(r.households);
  j["alternative"] = a.label;
  j["scenario"] = a.scenario;
  j["mode"] = kModeNames[static_cast<std::size_t>(a.mode)];
  j["label"] = a.caption;
  j["alternative_discount_rate"] = json_number(a.discount_rate);
  j["team_budget_per_year"] = stat_json(budget_stat(a));
  j["ratios"] = scopes_json(a.ratio, [&](std::size_t s) {
    Json stat = stat_json(a.ratio[s]);
    stat["p_above_1"] = json_number(a.p_above_1[s]);
    return stat;
  });
  // The ratio of the mean present values, which the workbook's formulas recompute; "ratios" holds the mean of each
  // replication's own ratio.
  j["ratio_of_mean_pv"] = scopes_json(a.ratio, [&](std::size_t s) {
    return json_number(a.pv_cost[s].mean > 0.0 ? a.pv_benefit[s].mean / a.pv_cost[s].mean : std::nan(""));
  });
  j["npv"] = stats_json(a.npv);
  j["pv_cost"] = stats_json(a.pv_cost);
  j["pv_benefit"] = stats_json(a.pv_benefit);
  j["npv_by_pocket"] = pockets_json(a.npv_by_pocket);
  j["budget_after_2y"] = pockets_json(a.budget_after_2y);
  j["payback_year"] = year_json(a.payback_year);
  j["payback_year_by_scope"] = scopes_json(a.payback_by_scope, [&](std::size_t s) { return year_json(a.payback_by_scope[s]); });
  const double per_taken_in = a.intakes.mean > 0.0 ? a.npv[0].mean / a.intakes.mean : std::nan("");
  Json& per_household = j["per_household"];
  per_household["npv_societal"] = json_number(a.npv[0].mean / households);
  per_household["team_cost"] = json_number(a.team_cost.mean / households);
  per_household["households_taken_in"] = json_number(a.intakes.mean);
  per_household["npv_societal_per_household_taken_in"] = json_number(per_taken_in);
  j["team_cost"] = stat_json(a.team_cost);
  Json net = Json::array();
  for (std::size_t y = 0; y < a.net_by_year.size(); ++y) {
    const Stat& s = a.net_by_year[y];
    Json year;
    year["year"] = y;
    year["mean"] = json_number(s.mean);
    year["sd"] = json_number(s.sd);
    year["ci_low"] = json_number(s.ci_low);
    year["ci_high"] = json_number(s.ci_high);
    year["cumulative_discounted"] = json_number(a.cumulative_discounted[y]);
    net.push_back(std::move(year));
  }
  j["net_by_year"] = std::move(net);
  j["static_estimate"] = static_json(a.static_estimate);
}

std::string zero_label(const CompareResult& r) { return fmt::format("{} (zero)", r.zero_name); }

Json increment_json(const CompareResult& r, const Increment& inc) {
  Json j;
  j["from"] = inc.from == kZero ? Json(nullptr) : Json(r.alternatives[inc.from].label);
  j["to"] = r.alternatives[inc.to].label;
  j["team_budget_per_year"] = stat_json(inc.budget);
  j["npv"] = stats_json(inc.npv);
  j["pv_cost_societal"] = stat_json(inc.pv_cost);
  j["pv_benefit_societal"] = stat_json(inc.pv_benefit);
  j["incremental_ratio_societal"] = stat_json(inc.ratio);
  j["p_npv_higher"] = json_number(inc.p_better);
  return j;
}

constexpr std::array<const char*, 3> kVerdictNames{"supported", "lean", "none"};

/// The decision between the alternatives (README "mkba.json"): dominance, frontier and its steps, one-setting
/// effects, and the verdict of the summary.
Json decision_json(const CompareResult& r) {
  const Decision d = decide(r);
  Json j;
  j["rule"] = "dominated: another alternative (or the zero alternative: no budget, NPV 0) has no higher team budget "
              "a year and a higher societal NPV, or the same NPV for less; frontier: the others by budget";
  Json rows = Json::array();
  for (const DecisionRow& row : d.rows) {
    Json one;
    one["alternative"] = r.alternatives[row.alternative].label;
    one["dominated_by"] = !row.dominated_by               ? Json(nullptr)
                          : *row.dominated_by == kZero    ? Json("zero alternative")
                                                          : Json(r.alternatives[*row.dominated_by].label);
    rows.push_back(std::move(one));
  }
  j["by_budget"] = std::move(rows);
  Json frontier = Json::array();
  for (const std::size_t i : d.frontier) frontier.push_back(r.alternatives[i].label);
  j["frontier"] = std::move(frontier);
  Json steps = Json::array();
  for (const Step& s : d.steps) steps.push_back(increment_json(r, s.increment));
  j["steps"] = std::move(steps);
  Json effects = Json::array();
  for (const SettingEffect& e : r.setting_effects) {
    Json one;
    one["key"] = e.key;
    one["from"] = e.from;
    one["to"] = e.to;
    one["pairs"] = e.pairs;
    Json inc = increment_json(r, e.effect);
    inc.erase("from");
    inc.erase("to");
    one.update(inc);
    effects.push_back(std::move(one));
  }
  j["setting_effects"] = std::move(effects);
  j["choice"] = r.alternatives.empty() ? Json(nullptr) : Json(r.alternatives[d.choice].label);
  j["verdict"] = kVerdictNames[static_cast<std::size_t>(d.verdict)];
  return j;
}

}  // namespace

std::string mkba_json(const CompareResult& r) {
  Json j;
  j["schema"] = "wijksim-mkba/1";
  j["zero_alternative"] = r.zero_name;
  j["replications"] = r.replications;
  j["households"] = r.households;
  j["months"] = r.months;
  j["seed"] = r.seed;
  j["discount_rate"] = json_number(r.discount_rate);
  j["discount_basis"] = scenarios::kDiscountBasisNames[static_cast<std::size_t>(r.discount_basis)];
  j["discount_source"] = r.discount_basis == scenarios::DiscountBasis::Standard ? Json("Werkgroep discontovoet 2020")
                         : r.discount_basis == scenarios::DiscountBasis::Source ? Json("S004 fn 13")
                                                                                : Json(nullptr);
  j["discount_real"] = json_number(r.discount_real);
  j["risk_premium"] = json_number(r.risk_premium);
  if (!r.alternatives.empty()) alternative_members(j, r.alternatives.front(), r);
  Json alternatives = Json::array();
  for (const AlternativeResult& a : r.alternatives) {
    Json one;
    alternative_members(one, a, r);
    alternatives.push_back(std::move(one));
  }
  j["alternatives"] = std::move(alternatives);
  if (!r.alternatives.empty()) j["decision"] = decision_json(r);
  return json_text(j);
}

std::string compare_pockets_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "pocket", "year", "measure", "mean", "sd", "ci_low", "ci_high");
  const auto rows = [&](const std::string& label, const auto& by_year, std::string_view measure) {
    for (std::size_t y = 0; y < by_year.size(); ++y)
      for (std::size_t p = 0; p < kPocketCount; ++p) {
        const Stat& s = by_year[y][p];
        csv.row(label, kPocketNames[p], y, measure, s.mean, s.sd, s.ci_low, s.ci_high);
      }
  };
  rows(zero_label(r), r.zero_cost_by_year, "cost");
  for (const AlternativeResult& a : r.alternatives) {
    rows(a.label, a.cost_by_year, "cost");
    rows(a.label, a.diff_by_year, "difference");
    rows(a.label, a.team_by_year, "team");
  }
  return std::move(csv).text();
}

std::string compare_npv_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "pocket", "measure", "mean", "sd", "ci_low", "ci_high");
  for (const AlternativeResult& a : r.alternatives)
    for (std::size_t p = 0; p < kPocketCount; ++p) {
      const Stat& npv = a.npv_by_pocket[p];
      const Stat& budget = a.budget_after_2y[p];
      csv.row(a.label, kPocketNames[p], "npv", npv.mean, npv.sd, npv.ci_low, npv.ci_high);
      csv.row(a.label, kPocketNames[p], "budget_after_2y", budget.mean, budget.sd, budget.ci_low, budget.ci_high);
    }
  return std::move(csv).text();
}

std::string compare_ratios_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "scope", "measure", "mean", "sd", "ci_low", "ci_high", "p_above_1", "payback_year");
  for (const AlternativeResult& a : r.alternatives)
    for (std::size_t s = 0; s < 3; ++s) {
      const std::optional<std::uint32_t>& payback = a.payback_by_scope[s];
      const auto stat_row = [&](std::string_view measure, const Stat& x, const auto& p_above_1, const auto& year) {
        csv.row(a.label, kScopeNames[s], measure, x.mean, x.sd, x.ci_low, x.ci_high, p_above_1, year);
      };
      stat_row("ratio", a.ratio[s], a.p_above_1[s], payback);
      stat_row("npv", a.npv[s], "", payback);
      stat_row("pv_cost", a.pv_cost[s], "", "");
      stat_row("pv_benefit", a.pv_benefit[s], "", "");
    }
  return std::move(csv).text();
}

std::string compare_net_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "year", "mean", "sd", "ci_low", "ci_high", "cumulative_discounted");
  for (const AlternativeResult& a : r.alternatives)
    for (std::size_t y = 0; y < a.net_by_year.size(); ++y) {
      const Stat& s = a.net_by_year[y];
      csv.row(a.label, y, s.mean, s.sd, s.ci_low, s.ci_high, a.cumulative_discounted[y]);
    }
  return std::move(csv).text();
}

std::string compare_levels_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "month", "level", "households");
  const auto rows = [&](const std::string& label, const auto& levels) {
    for (std::size_t m = 0; m < levels.size(); ++m)
      for (std::size_t l = 0; l < agents::kLevelCount; ++l) csv.row(label, m, agents::kLevelNames[l], levels[m][l]);
  };
  rows(zero_label(r), r.zero_levels);
  for (const AlternativeResult& a : r.alternatives) rows(a.label, a.levels);
  return std::move(csv).text();
}

std::string compare_flows_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "month", "from", "to", "households");
  const auto rows = [&](const std::string& label, const auto& flows) {
    for (std::size_t m = 0; m < flows.size(); ++m)
      for (std::size_t f = 0; f < agents::kLevelCount; ++f)
        for (std::size_t t = 0; t < agents::kLevelCount; ++t)
          csv.row(label, m, agents::kLevelNames[f], agents::kLevelNames[t], flows[m][f][t]);
  };
  rows(zero_label(r), r.zero_flows);
  for (const AlternativeResult& a : r.alternatives) rows(a.label, a.flows);
  return std::move(csv).text();
}

std::string compare_events_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "event", "measure", "mean", "sd", "ci_low", "ci_high");
  for (const AlternativeResult& a : r.alternatives) {
    for (std::size_t e = 0; e < kCountedCount; ++e) {
      const Stat& s = a.events_diff[e];
      csv.row(a.label, kCountedNames[e], "difference", s.mean, s.sd, s.ci_low, s.ci_high);
    }
    csv.row(a.label, "households_taken_in", "count", a.intakes.mean, a.intakes.sd, a.intakes.ci_low, a.intakes.ci_high);
  }
  return std::move(csv).text();
}

std::string replications_csv_header() {
  return CsvWriter("replication", "alternative", "scope", "npv", "ratio", "team_cost").text();
}

std::string replications_csv_row(const ReplicationRow& row, const std::string& label) {
  CsvWriter csv;
  for (std::size_t s = 0; s < 3; ++s)
    csv.row(row.replication, label, kScopeNames[s], row.npv[s], row.ratio[s], row.team_cost);
  return std::move(csv).text();
}

namespace {

std::string eur(double x) {
  if (!std::isfinite(x)) return "-";
  const double a = std::abs(x);
  if (a >= 1e6) return fmt::format("{:.2f} M", x / 1e6);
  if (a >= 1e3) return fmt::format("{:.0f} k", x / 1e3);
  return fmt::format("{:.0f}", x);
}

std::string interval(const Stat& s, const std::function<std::string(double)>& f) {
  return fmt::format("{:>9} [{:>9}, {:>9}]", f(s.mean), f(s.ci_low), f(s.ci_high));
}

std::string ratio_text(double x) { return std::isfinite(x) ? fmt::format("{:.2f}", x) : "-"; }

/// "2.25% (standard since 2021 [Werkgroep discontovoet 2020])" for the console.
std::string discount_line(const CompareResult& r) {
  const std::string rate = fmt::format("{:g}%", std::round(r.discount_rate * 1e6) / 1e4);
  switch (r.discount_basis) {
    case scenarios::DiscountBasis::Standard: return rate + " (the Dutch standard since 2021 [Werkgroep discontovoet 2020])";
    case scenarios::DiscountBasis::Source: return rate + " (the sources' rate [S004 fn 13])";
    case scenarios::DiscountBasis::Custom: break;
  }
  return rate + " (set for this run)";
}

}  // namespace

std::string compare_table(const CompareResult& r) {
  std::string out;
  for (const AlternativeResult& a : r.alternatives) {
    out += fmt::format("MKBA: {} against the zero alternative '{}', {} paired replications of {} households x {} months,"
                       " discount rate {}\n"
                       "EUR; gain = zero alternative minus project (positive: the pocket is better off); [95% CI]\n\n",
                       a.label, r.zero_name, r.replications, r.households, r.months, discount_line(r));
    out += fmt::format("{:<26} {:>31} {:>31} {:>10}\n", "pocket", "NPV of the gain", "budget effect after 2 years",
                       "pays team");
    for (std::size_t p = 0; p < kPocketCount; ++p) {
      double team = 0.0;
      for (const auto& year : a.team_by_year) team += year[p].mean;
      out += fmt::format("{:<26} {} {} {:>10}\n", kPocketNames[p], interval(a.npv_by_pocket[p], eur),
                         interval(a.budget_after_2y[p], eur), team > 0.0 ? eur(team) : "");
    }
    out += fmt::format("\n{:<12} {:>26} {:>8} {:>31} {:>8}\n", "ratio", "benefit / cost [95% CI]", "P(>1)",
                       "net present value", "payback");
    for (std::size_t s = 0; s < 3; ++s) {
      const Stat& q = a.ratio[s];
      const auto& pb = a.payback_by_scope[s];
      out += fmt::format("{:<12} {:>6} [{:>6}, {:>6}] {:>7.0f}% {} {:>8}\n", kScopeNames[s], ratio_text(q.mean),
                         ratio_text(q.ci_low), ratio_text(q.ci_high), a.p_above_1[s] * 100.0, interval(a.npv[s], eur),
                         pb ? fmt::format("year {}", *pb) : "none");
    }
    out += fmt::format("\nTeam cost {} over the horizon; {} households taken in; societal NPV {} per household in the "
                       "district.\n",
                       eur(a.team_cost.mean), eur(a.intakes.mean), eur(a.npv[0].mean / r.households));
    if (a.static_estimate) {
      const StaticEstimate& e = *a.static_estimate;
      out += fmt::format("Static MKBA-tool estimate on the same inputs: {:.2f} FTE for {:.0f} households; ratios "
                         "societal {}, financial {}, municipal {}.\n",
                         e.fte, e.households, ratio_text(e.ratio[0]), ratio_text(e.ratio[1]), ratio_text(e.ratio[2]));
    }
    out += "\n";
  }
  return out;
}

double team_budget_per_year(const AlternativeResult& a) {
  return a.net_by_year.empty() ? 0.0 : a.team_cost.mean / static_cast<double>(a.net_by_year.size());
}

std::string sweep_csv(const CompareResult& r) {
  CsvWriter csv("alternative", "team_budget_per_year", "npv_societal_mean", "npv_societal_ci_low",
                "npv_societal_ci_high", "ratio_societal_mean", "ratio_societal_ci_low", "ratio_societal_ci_high",
                "ratio_financial_mean", "ratio_municipal_mean", "p_above_1_societal", "payback_year");
  for (const AlternativeResult& a : r.alternatives)
    csv.row(a.label, team_budget_per_year(a), a.npv[0].mean, a.npv[0].ci_low, a.npv[0].ci_high, a.ratio[0].mean,
            a.ratio[0].ci_low, a.ratio[0].ci_high, a.ratio[1].mean, a.ratio[2].mean, a.p_above_1[0], a.payback_year);
  return std::move(csv).text();
}

std::string sweep_table(const CompareResult& r) {
  std::string out = fmt::format("Sweep: {} alternatives against the zero alternative '{}', {} paired replications; "
                                "EUR, [95% CI]\n\n{:<44} {:>12} {:>31} {:>22} {:>9}\n",
                                r.alternatives.size(), r.zero_name, r.replications, "alternative", "budget/year",
                                "societal NPV", "societal ratio", "financial");
  for (const AlternativeResult& a : r.alternatives)
    out += fmt::format("{:<44} {:>12} {} {:>6} [{:>5}, {:>5}] {:>9}\n", a.label, eur(team_budget_per_year(a)),
                       interval(a.npv[0], eur), ratio_text(a.ratio[0].mean), ratio_text(a.ratio[0].ci_low),
                       ratio_text(a.ratio[0].ci_high), ratio_text(a.ratio[1].mean));
  return out;
}

double TornadoRow::swing() const { return std::abs(npv_high - npv_low); }
double TornadoRow::deviation() const { return std::max(std::abs(npv_low - base_npv), std::abs(npv_high - base_npv)); }

std::vector<TornadoRow> tornado_rows(const CompareResult& r) {
  std::vector<TornadoRow> rows;
  if (r.alternatives.empty()) return rows;
  const AlternativeResult& base = r.alternatives.front();
  const auto value_of = [](const std::string& scenario) { return scenario.substr(scenario.find('=') + 1); };
  for (std::size_t a = 1; a + 1 < r.alternatives.size(); a += 2) {
    const AlternativeResult& lo = r.alternatives[a];
    const AlternativeResult& hi = r.alternatives[a + 1];
    TornadoRow row;
    row.key = lo.scenario.substr(0, lo.scenario.find('='));
    row.low = value_of(lo.scenario);
    row.high = value_of(hi.scenario);
    row.npv_low = lo.npv[0].mean;
    row.npv_high = hi.npv[0].mean;
    row.ratio_low = lo.ratio[0].mean;
    row.ratio_high = hi.ratio[0].mean;
    row.base_npv = base.npv[0].mean;
    row.base_ratio = base.ratio[0].mean;
    row.rate_low = lo.discount_rate;
    row.rate_high = hi.discount_rate;
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const TornadoRow& a, const TornadoRow& b) { return a.deviation() > b.deviation(); });
  return rows;
}

std::string tornado_csv(const std::vector<TornadoRow>& rows) {
  CsvWriter csv("key", "low", "high", "npv_low", "npv_high", "ratio_low", "ratio_high", "base_npv", "base_ratio");
  for (const TornadoRow& t : rows)
    csv.row(t.key, t.low, t.high, t.npv_low, t.npv_high, t.ratio_low, t.ratio_high, t.base_npv, t.base_ratio);
  return std::move(csv).text();
}

std::string tornado_table(const std::vector<TornadoRow>& rows) {
  if (rows.empty()) return "No sensitivity ranges.\n";
  std::string out = fmt::format("One-way sensitivity of the societal NPV (base {} EUR, ratio {}), largest deviation from the base first\n\n"
                                "{:<40} {:>12} {:>12} {:>12} {:>12}\n",
                                eur(rows.front().base_npv), ratio_text(rows.front().base_ratio), "input", "low", "NPV low",
                                "high", "NPV high");
  for (const TornadoRow& t : rows)
    out += fmt::format("{:<40} {:>12} {:>12} {:>12} {:>12}\n", t.key, t.low, eur(t.npv_low), t.high, eur(t.npv_high));
  return out;
}

}  // namespace wijksim::sim
