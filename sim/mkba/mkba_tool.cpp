// MKBA-tool mode: reads a scenario's [mkba_tool] inputs and its first team, writes a StaticEstimate.
// One year of approach: all costs in year 0, effect lines valued as quantity x price from year 1,
// discounted over MKBA years 0..9 (docs/MODEL.md "MKBA-tool mode"; [S004 App.2]).
#include "sim/mkba/mkba_tool.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "scenarios/loader.hpp"

namespace wijksim::sim {

using scenarios::EffectLineDef;
using scenarios::kToolSeverityCount;
using scenarios::kToolTypeCount;
using scenarios::MkbaToolDef;
using services::Pocket;

namespace {

constexpr std::uint32_t kYears = 10;  // MKBA years 0..9 [S004 §4.4]

/// Yearly amounts per pocket, [year][pocket].
struct Flows {
  std::vector<PocketEuros> cost = std::vector<PocketEuros>(kYears);
  std::vector<PocketEuros> benefit = std::vector<PocketEuros>(kYears);
};

[[noreturn]] void fail(const scenarios::ScenarioDef& def, const std::string& key, const std::string& message) {
  throw scenarios::ScenarioError(def.name, 0, key, message);
}

/// The pocket a name in the tool's settings stands for.
Pocket pocket_named(const scenarios::ScenarioDef& def, const std::string& name, const std::string& key) {
  if (const auto pocket = services::pocket_from_name(name)) return *pocket;
  fail(def, key, "'" + name + "' is not a pocket");
}

/// The share of all reached households in each severity (type shares times severity shares by type).
std::array<double, kToolSeverityCount> severity_mix(const MkbaToolDef& tool) {
  std::array<double, kToolSeverityCount> mix{};
  for (std::size_t t = 0; t < kToolTypeCount; ++t)
    for (std::size_t s = 0; s < kToolSeverityCount; ++s) mix[s] += tool.type_shares[t] * tool.severity[t][s];
  return mix;
}

/// FTE one reached household takes: the sum over severities of its share / caseload.
double fte_per_household(const MkbaToolDef& tool) {
  const auto mix = severity_mix(tool);
  double fte = 0.0;
  for (std::size_t s = 0; s < kToolSeverityCount; ++s) fte += mix[s] / tool.caseload[s];
  return fte;
}

/// Households reached: as set, or (0) as many as the team's FTE carries at the caseloads.
double reach(const MkbaToolDef& tool, const services::TeamDef& team) {
  if (tool.households > 0.0) return tool.households;
  const double per_household = fte_per_household(tool);
  return per_household > 0.0 ? team.fte / per_household : 0.0;
}

/// The costs of one year of approach, all in year 0.
StaticCosts costs_of(const MkbaToolDef& tool, const services::TeamDef& team, double fte, double newly_found) {
  StaticCosts c;
  c.staff = fte * team.cost_per_fte * tool.share_additional;
  c.other = team.other_costs * tool.share_additional;
  // Friction comes with forming the whole team, moved staff included, so it is taken on the full staff cost.
  c.friction = team.friction_share * fte * team.cost_per_fte;
  c.one_off = tool.one_off_costs;
  c.extra_care = newly_found * tool.extra_care_new * (1.0 - tool.substitution_new);
  return c;
}

/// Each pocket's share of the team's cost: its co-financiers' shares, the rest on municipal social work.
PocketEuros team_shares(const scenarios::ScenarioDef& def) {
  PocketEuros shares{};
  double rest = 1.0;
  const services::TeamDef& team = def.teams.front();
  for (std::size_t i = 0; i < team.cofinanciers.size(); ++i) {
    const auto& c = team.cofinanciers[i];
    shares[services::id(pocket_named(def, c.pocket, "teams.0.cofinanciers." + std::to_string(i) + ".pocket"))] +=
        c.share;
    rest -= c.share;
  }
  shares[services::id(Pocket::MunicipalitySocialWork)] += rest;
  return shares;
}

/// Books a line's amount a year into its years and returns its present value.
double book(StaticBenefit& line, Flows& flows, double rate) {
  double pv = 0.0;
  const double amount = line.quantity * line.price;
  for (std::uint32_t y = line.first_year; y < line.first_year + line.years && y < kYears; ++y) {
    flows.benefit[y][services::id(line.pocket)] += amount;
    pv += amount * discount_factor(rate, y);
  }
  return pv;
}

/// One effect line: reached households in the line's shares, credited for attribution and (unless the
/// amount already allows for it) relapse.
StaticBenefit effect_line(const scenarios::ScenarioDef& def, std::size_t i, const std::array<double, 3>& by_type) {
  const MkbaToolDef& tool = def.mkba_tool;
  const EffectLineDef& line = tool.effects[i];
  double reached = 0.0;
  for (std::size_t t = 0; t < kToolTypeCount; ++t) reached += by_type[t] * line.share[t];
  const double kept = line.relapse_included ? 1.0 : 1.0 - tool.relapse;
  StaticBenefit b;
  b.name = line.name;
  b.pocket = pocket_named(def, line.pocket, "mkba_tool.effects." + std::to_string(i) + ".pocket");
  b.quantity = reached * tool.attribution * kept;
  b.price = line.eur;
  b.years = line.years;
  b.relapse_included = line.relapse_included;
  return b;
}

/// Care the team's own help replaces in the households it already knew, during the year of approach.
StaticBenefit substituted_care(const scenarios::ScenarioDef& def, double known) {
  const MkbaToolDef& tool = def.mkba_tool;
  StaticBenefit b;
  b.name = "care substituted (known households)";
  b.pocket = pocket_named(def, tool.care_pocket, "mkba_tool.care_pocket");
  b.quantity = known * tool.substitution_existing;
  b.price = tool.existing_care;
  b.years = 1;
  b.first_year = 0;
  return b;
}

/// Year 0 costs by pocket: the team by its financiers' shares, the extra care on the care pocket.
void book_costs(const scenarios::ScenarioDef& def, const StaticCosts& costs, Flows& flows) {
  const PocketEuros shares = team_shares(def);
  for (std::size_t p = 0; p < services::kPocketCount; ++p) flows.cost[0][p] += costs.team() * shares[p];
  flows.cost[0][services::id(pocket_named(def, def.mkba_tool.care_pocket, "mkba_tool.care_pocket"))] +=
      costs.extra_care;
}

/// Present value of one pocket's column of yearly amounts.
double pocket_pv(const std::vector<PocketEuros>& by_year, std::size_t pocket, double rate) {
  std::vector<double> column(by_year.size());
  for (std::size_t y = 0; y < by_year.size(); ++y) column[y] = by_year[y][pocket];
  return present_value(column, rate);
}

/// Per pocket and per scope: present values, budget effect after two years, NPV and ratios.
void appraise_flows(const Flows& flows, StaticEstimate& e) {
  for (std::size_t p = 0; p < services::kPocketCount; ++p) {
    e.cost_by_pocket[p] = pocket_pv(flows.cost, p, e.discount_rate);
    e.benefit_by_pocket[p] = pocket_pv(flows.benefit, p, e.discount_rate);
    for (std::size_t y = 0; y < 2; ++y) e.budget_after_2y[p] += flows.benefit[y][p] - flows.cost[y][p];
    for (std::size_t s = 0; s < 3; ++s) {
      if (!in_scope(static_cast<Scope>(s), static_cast<Pocket>(p))) continue;
      e.pv_cost[s] += e.cost_by_pocket[p];
      e.pv_benefit[s] += e.benefit_by_pocket[p];
    }
  }
  for (std::size_t s = 0; s < 3; ++s) {
    e.npv[s] = e.pv_benefit[s] - e.pv_cost[s];
    e.ratio[s] = e.pv_cost[s] > 0.0 ? e.pv_benefit[s] / e.pv_cost[s] : std::numeric_limits<double>::quiet_NaN();
  }
  e.benefit_by_year.assign(kYears, 0.0);
  for (std::size_t y = 0; y < kYears; ++y)
    for (const double amount : flows.benefit[y]) e.benefit_by_year[y] += amount;
}

/// Reach by type and severity, and the FTE it takes.
void fill_reach(const MkbaToolDef& tool, double households, StaticEstimate& e) {
  e.households = households;
  for (std::size_t t = 0; t < kToolTypeCount; ++t)
    for (std::size_t s = 0; s < kToolSeverityCount; ++s)
      e.households_by_severity[s] += households * tool.type_shares[t] * tool.severity[t][s];
  e.fte = 0.0;
  for (std::size_t s = 0; s < kToolSeverityCount; ++s) e.fte += e.households_by_severity[s] / tool.caseload[s];
}

// --- The console table ----------------------------------------------------------------------------------

/// Whole euros with thousands separators: -1234567.8 -> "-1,234,568".
std::string eur(double x) {
  if (!std::isfinite(x)) return "n/a";
  const std::string digits = fmt::format("{:.0f}", std::fabs(x));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (x < 0.0 && out != "0" ? "-" : "") + out;
}

std::string percent(double share) { return fmt::format("{:g}%", share * 100.0); }

std::string ratio_text(double r) { return std::isfinite(r) ? fmt::format("{:.2f}", r) : "n/a"; }

/// The years a line lasts: "1" or "1-7".
std::string years_text(const StaticBenefit& b) {
  const std::uint32_t last = b.first_year + b.years - 1;
  return last == b.first_year ? std::to_string(last) : fmt::format("{}-{}", b.first_year, last);
}

std::string reach_rows(const StaticEstimate& e) {
  std::string out = fmt::format("Reach (households in one year)\n");
  for (std::size_t s = 0; s < kToolSeverityCount; ++s)
    out += fmt::format("  {:<46}{:>14.2f}\n", scenarios::kToolSeverityNames[s], e.households_by_severity[s]);
  out += fmt::format("  {:<46}{:>14.2f}\n", "total", e.households);
  out += fmt::format("  {:<46}{:>14}\n", "newly found", fmt::format("{:.2f}", e.newly_found));
  return out + fmt::format("{:<48}{:>12.2f}\n\n", "FTE (households / caseload by severity)", e.fte);
}

std::string cost_rows(const StaticEstimate& e) {
  const StaticCosts& c = e.costs;
  std::string out = fmt::format("{:<48}{:>12}\n", "Costs of one year of approach (year 0)", "EUR");
  const auto row = [&](const std::string& label, double amount) {
    out += fmt::format("  {:<46}{:>14}\n", label, eur(amount));
  };
  row(fmt::format("staff ({:.2f} FTE x {})", e.fte, eur(e.cost_per_fte)), c.staff);
  row("other team costs", c.other);
  row("friction", c.friction);
  row("one-off", c.one_off);
  row("extra care for newly found households", c.extra_care);
  row("total", c.total());
  return out + "\n";
}

std::string benefit_rows(const StaticEstimate& e) {
  std::string out = fmt::format("Benefits (quantity after attribution {} and relapse {})\n", percent(e.attribution),
                                percent(e.relapse));
  out += fmt::format("  {:<36}{:>9} x {:>9} {:>7}  {:<26}{:>12}\n", "line", "quantity", "EUR/year", "years", "pocket",
                     "PV EUR");
  bool marked = false;
  for (const StaticBenefit& b : e.benefits) {
    marked = marked || b.relapse_included;
    out +=
        fmt::format("  {:<36}{:>9.2f} x {:>9} {:>7}  {:<26}{:>12}\n", b.name + (b.relapse_included ? " *" : ""),
                    b.quantity, eur(b.price), years_text(b), services::kPocketNames[services::id(b.pocket)], eur(b.pv));
  }
  if (marked) out += "  * the price already allows for relapse: attribution only\n";
  out += "  care substituted is the team's own doing in year 0: neither attribution nor relapse\n";
  return out + "\n";
}

std::string pocket_rows(const StaticEstimate& e) {
  static constexpr std::array<const char*, 3> kBasis{
      "the Dutch standard rate since 2021 [Werkgroep discontovoet 2020]", "the sources' rate [S004 fn 13]",
      "set for this run"};
  std::string out = fmt::format("Per pocket (present values at {:g}% a year, {}; after 2 years undiscounted)\n",
                                std::round(e.discount_rate * 1e6) / 1e4,
                                kBasis[static_cast<std::size_t>(e.discount_basis)]);
  out += fmt::format("  {:<26}{:>12}{:>12}{:>12}{:>16}\n", "pocket", "cost", "benefit", "net", "after 2 years");
  for (std::size_t p = 0; p < services::kPocketCount; ++p) {
    if (e.cost_by_pocket[p] == 0.0 && e.benefit_by_pocket[p] == 0.0) continue;
    out += fmt::format("  {:<26}{:>12}{:>12}{:>12}{:>16}\n", services::kPocketNames[p], eur(e.cost_by_pocket[p]),
                       eur(e.benefit_by_pocket[p]), eur(e.benefit_by_pocket[p] - e.cost_by_pocket[p]),
                       eur(e.budget_after_2y[p]));
  }
  return out + "\n";
}

std::string scope_rows(const StaticEstimate& e) {
  std::string out = fmt::format("Ratios and net present value (years 0-9)\n");
  out += fmt::format("  {:<26}{:>12}{:>12}{:>12}{:>16}\n", "scope", "PV cost", "PV benefit", "NPV", "benefit/cost");
  for (std::size_t s = 0; s < 3; ++s)
    out += fmt::format("  {:<26}{:>12}{:>12}{:>12}{:>16}\n", kScopeNames[s], eur(e.pv_cost[s]), eur(e.pv_benefit[s]),
                       eur(e.npv[s]), ratio_text(e.ratio[s]));
  return out;
}

}  // namespace

StaticEstimate mkba_tool_estimate(const scenarios::ScenarioDef& def) {
  if (def.teams.empty())
    fail(def, "teams",
         "the MKBA-tool estimate needs a team (it takes cost per FTE, other costs and friction from the first "
         "[[teams]] table); this scenario has none");
  const MkbaToolDef& tool = def.mkba_tool;
  const services::TeamDef& team = def.teams.front();
  StaticEstimate e;
  e.team = team.name;
  e.discount_rate = def.mkba.discount_rate();
  e.discount_basis = def.mkba.discount_basis();
  e.attribution = tool.attribution;
  e.relapse = tool.relapse;
  e.cost_per_fte = team.cost_per_fte;
  fill_reach(tool, reach(tool, team), e);
  e.newly_found = e.households * tool.newly_found_share;
  e.costs = costs_of(tool, team, e.fte, e.newly_found);
  e.cost_year0 = e.costs.total();

  Flows flows;
  book_costs(def, e.costs, flows);
  std::array<double, 3> by_type{};
  for (std::size_t t = 0; t < kToolTypeCount; ++t) by_type[t] = e.households * tool.type_shares[t];
  for (std::size_t i = 0; i < tool.effects.size(); ++i) e.benefits.push_back(effect_line(def, i, by_type));
  e.benefits.push_back(substituted_care(def, e.households - e.newly_found));
  for (StaticBenefit& b : e.benefits) b.pv = book(b, flows, e.discount_rate);
  appraise_flows(flows, e);
  return e;
}

std::string mkba_tool_table(const StaticEstimate& e) {
  std::string out = fmt::format("MKBA-tool estimate (static, one year of approach): team '{}'\n\n", e.team);
  return out + reach_rows(e) + cost_rows(e) + benefit_rows(e) + pocket_rows(e) + scope_rows(e);
}

}  // namespace wijksim::sim
