// MKBA-tool mode against hand computations: the tool's example reach and FTE [S004 App.2], each benefit line
// as quantity x price x attribution x (1 - relapse), NPV and ratios of a small custom input, derived reach.
#include "sim/mkba/mkba_tool.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "scenarios/loader.hpp"

namespace wijksim::sim {
namespace {

using services::id;
using services::Pocket;

constexpr auto kSocietal = static_cast<std::size_t>(Scope::Societal);
constexpr auto kFinancial = static_cast<std::size_t>(Scope::Financial);
constexpr auto kMunicipal = static_cast<std::size_t>(Scope::Municipal);

scenarios::ScenarioDef example() {
  return scenarios::load_scenario(std::string(WIJKSIM_SCENARIO_DIR) + "/mkba_tool_example.toml");
}

TEST(MkbaTool, ExampleReachAndFteAsTheTool) {
  const StaticEstimate e = mkba_tool_estimate(example());
  // 328 households: 157.44 families, 101.68 elderly, 68.88 other, split by the severity shares by type.
  const double single = 157.44 * 0.02 + 101.68 * 0.04 + 68.88 * 0.04;        // 9.9712
  const double self_reliant = 157.44 * 0.20 + 101.68 * 0.50 + 68.88 * 0.32;  // 104.3696
  const double not_self = 157.44 * 0.78 + 101.68 * 0.46 + 68.88 * 0.64;      // 213.6592
  EXPECT_DOUBLE_EQ(e.households, 328.0);
  EXPECT_NEAR(e.households_by_severity[0], single, 1e-9);
  EXPECT_NEAR(e.households_by_severity[1], self_reliant, 1e-9);
  EXPECT_NEAR(e.households_by_severity[2], not_self, 1e-9);
  EXPECT_NEAR(single + self_reliant + not_self, 328.0, 1e-9);
  const double fte = single / 600.0 + self_reliant / 150.0 + not_self / 75.0;
  EXPECT_NEAR(e.fte, fte, 1e-12);
  EXPECT_NEAR(e.fte, 3.56, 0.005);                         // the tool's figure before rounding
  EXPECT_DOUBLE_EQ(std::round(e.fte * 10.0) / 10.0, 3.6);  // and as the tool shows it
  EXPECT_EQ(e.team, "voorbeeldteam");
}

TEST(MkbaTool, ExampleCostsByHand) {
  const StaticEstimate e = mkba_tool_estimate(example());
  const double staff = e.fte * 65000.0;
  EXPECT_NEAR(e.costs.staff, staff, 1e-6);
  EXPECT_NEAR(e.costs.other, 20000.0, 1e-9);
  EXPECT_NEAR(e.costs.friction, 0.1 * staff, 1e-6);
  EXPECT_NEAR(e.costs.one_off, 0.0, 1e-9);
  // 18% of 328 newly found, 2,400 of extra care each, 30% of it replaced by the team.
  EXPECT_NEAR(e.costs.extra_care, 328.0 * 0.18 * 2400.0 * 0.7, 1e-6);
  EXPECT_NEAR(e.cost_year0, staff * 1.1 + 20000.0 + 328.0 * 0.18 * 2400.0 * 0.7, 1e-6);
  // The team has no co-financiers: municipal social work pays it; the extra care falls on debt help.
  EXPECT_NEAR(e.cost_by_pocket[id(Pocket::MunicipalitySocialWork)], staff * 1.1 + 20000.0, 1e-6);
  EXPECT_NEAR(e.cost_by_pocket[id(Pocket::MunicipalityDebtHelp)], e.costs.extra_care, 1e-6);
}

/// One default effect line of the example, computed by hand.
struct Line {
  const char* name;
  double households;  // reached households the line's shares apply to, times the share
  double price;
  std::uint32_t years;
  double kept;  // 1 - relapse, or 1 where the price already allows for relapse
};

TEST(MkbaTool, EachBenefitLineIsQuantityTimesPriceAfterAttributionAndRelapse) {
  const StaticEstimate e = mkba_tool_estimate(example());
  const double families = 157.44, elderly = 101.68, other = 68.88;
  const Line lines[] = {
      {"eviction prevented", 328.0 * 0.02, 7200.0, 1, 0.8},
      {"emergency home avoided", 328.0 * 0.02, 4800.0, 1, 0.8},
      {"supervision order prevented", families * 0.06, 8900.0, 1, 0.8},
      {"child protection board avoided", families * 0.06, 3500.0, 1, 0.8},
      {"admission prevented", elderly * 0.06, 95000.0, 1, 0.8},
      {"youth care avoided", families * 0.04, 5000.0, 1, 0.8},
      {"mental-health care avoided", (elderly + other) * 0.04, 7000.0, 1, 0.8},
      {"exit from welfare", (families + other) * 0.05, 3906.0, 7, 1.0},
  };
  ASSERT_EQ(e.benefits.size(), std::size(lines) + 1);  // the effect lines, then the care substituted
  for (std::size_t i = 0; i < std::size(lines); ++i) {
    const StaticBenefit& b = e.benefits[i];
    const Line& l = lines[i];
    EXPECT_EQ(b.name, l.name);
    EXPECT_NEAR(b.quantity, l.households * 0.5 * l.kept, 1e-9) << l.name;
    EXPECT_DOUBLE_EQ(b.price, l.price) << l.name;
    double pv = 0.0;
    for (std::uint32_t y = 1; y <= l.years; ++y) pv += l.households * 0.5 * l.kept * l.price / std::pow(1.0225, y);  // the standard rate
    EXPECT_NEAR(b.pv, pv, 1e-6) << l.name;
  }
  // The eviction line in numbers: 328 x 2% x 50% x 80% = 2.624 households x 7,200 = 18,892.80 a year.
  EXPECT_NEAR(e.benefits[0].quantity * e.benefits[0].price, 18892.8, 1e-6);
  // Care substituted in the 82% known households: 10% of 1,200 a year, in year 0.
  const StaticBenefit& substituted = e.benefits.back();
  EXPECT_EQ(substituted.first_year, 0u);
  EXPECT_NEAR(substituted.pv, 328.0 * 0.82 * 0.1 * 1200.0, 1e-6);
}

/// A small input whose every figure is easy by hand: 100 families, all multiple and not self-reliant,
/// 50 per FTE -> 2 FTE; a health insurer co-finances a quarter of the team.
scenarios::ScenarioDef small_input() {
  scenarios::ScenarioDef def;
  def.name = "small";
  services::TeamDef team;
  team.cost_per_fte = 50000.0;
  team.other_costs = 10000.0;
  team.friction_share = 0.1;
  services::CoFinancierDef insurer;
  insurer.pocket = "health_insurer";
  insurer.share = 0.25;
  team.cofinanciers.push_back(insurer);
  def.teams.push_back(team);
  scenarios::MkbaToolDef& t = def.mkba_tool;
  t.households = 100.0;
  t.type_shares = {1.0, 0.0, 0.0};
  t.severity[0] = {0.0, 0.0, 1.0};
  t.caseload = {600.0, 150.0, 50.0};
  t.share_additional = 1.0;
  t.one_off_costs = 5000.0;
  t.newly_found_share = 0.2;
  t.extra_care_new = 1000.0;
  t.substitution_new = 0.5;
  t.existing_care = 500.0;
  t.substitution_existing = 0.1;
  t.care_pocket = "municipality_debt_help";
  t.attribution = 0.5;
  t.relapse = 0.2;
  // Youth: 100 x 10% x 50% x 80% = 4 households x 10,000 in years 1-3.
  // Non-monetary: 100 x 5% x 50% = 2.5 households x 20,000 in year 1 (relapse already in the price).
  t.effects = {{"youth", "municipality_youth", {0.1, 0.0, 0.0}, 10000.0, 3, false},
               {"quality of life", "non_monetary", {0.05, 0.0, 0.0}, 20000.0, 1, true}};
  return def;
}

/// Hand-computed appraisal of small_input at discount rate r.
void expect_small_input(double r) {
  scenarios::ScenarioDef def = small_input();
  def.mkba.discount_real = r;
  def.mkba.risk_premium = 0.0;
  const StaticEstimate e = mkba_tool_estimate(def);
  const double d1 = 1.0 / (1.0 + r), d2 = d1 * d1, d3 = d2 * d1;
  EXPECT_NEAR(e.fte, 2.0, 1e-12);
  // Team 100,000 + 10,000 + friction 10,000 + one-off 5,000 = 125,000; extra care 20 x 1,000 x 50% = 10,000.
  EXPECT_NEAR(e.cost_year0, 135000.0, 1e-6);
  const double youth = 40000.0 * (d1 + d2 + d3), quality = 50000.0 * d1, substituted = 80.0 * 0.1 * 500.0;
  const double cost_municipal = 0.75 * 125000.0 + 10000.0;
  EXPECT_NEAR(e.pv_cost[kSocietal], 135000.0, 1e-6);
  EXPECT_NEAR(e.pv_cost[kFinancial], 135000.0, 1e-6);
  EXPECT_NEAR(e.pv_cost[kMunicipal], cost_municipal, 1e-6);
  EXPECT_NEAR(e.npv[kSocietal], youth + quality + substituted - 135000.0, 1e-6);
  EXPECT_NEAR(e.npv[kFinancial], youth + substituted - 135000.0, 1e-6);
  EXPECT_NEAR(e.npv[kMunicipal], youth + substituted - cost_municipal, 1e-6);
  EXPECT_NEAR(e.ratio[kSocietal], (youth + quality + substituted) / 135000.0, 1e-12);
  EXPECT_NEAR(e.ratio[kMunicipal], (youth + substituted) / cost_municipal, 1e-12);
  EXPECT_NEAR(e.cost_by_pocket[id(Pocket::HealthInsurer)], 31250.0, 1e-6);
  EXPECT_NEAR(e.benefit_by_pocket[id(Pocket::MunicipalityYouth)], youth, 1e-6);
  // Budgets after two years, undiscounted: years 0 and 1.
  EXPECT_NEAR(e.budget_after_2y[id(Pocket::MunicipalitySocialWork)], -93750.0, 1e-6);
  EXPECT_NEAR(e.budget_after_2y[id(Pocket::HealthInsurer)], -31250.0, 1e-6);
  EXPECT_NEAR(e.budget_after_2y[id(Pocket::MunicipalityDebtHelp)], substituted - 10000.0, 1e-6);
  EXPECT_NEAR(e.budget_after_2y[id(Pocket::MunicipalityYouth)], 40000.0, 1e-6);
  EXPECT_NEAR(e.budget_after_2y[id(Pocket::NonMonetary)], 50000.0, 1e-6);
  ASSERT_EQ(e.benefit_by_year.size(), 10u);
  EXPECT_NEAR(e.benefit_by_year[0], substituted, 1e-9);
  EXPECT_NEAR(e.benefit_by_year[1], 90000.0, 1e-9);
  EXPECT_NEAR(e.benefit_by_year[3], 40000.0, 1e-9);
  EXPECT_NEAR(e.benefit_by_year[4], 0.0, 1e-9);
}

TEST(MkbaTool, NpvByHandWithoutDiscounting) {
  expect_small_input(0.0);
  const StaticEstimate e = mkba_tool_estimate([] {
    auto def = small_input();
    def.mkba.discount_real = 0.0;
    def.mkba.risk_premium = 0.0;
    return def;
  }());
  EXPECT_NEAR(e.npv[kSocietal], 120000.0 + 50000.0 + 4000.0 - 135000.0, 1e-6);  // 39,000
}

TEST(MkbaTool, NpvByHandAtFiveAndAHalfPercent) { expect_small_input(0.055); }

TEST(MkbaTool, ShareAdditionalCountsOnlyNewMoney) {
  scenarios::ScenarioDef def = small_input();
  def.mkba_tool.share_additional = 0.5;
  const StaticEstimate e = mkba_tool_estimate(def);
  EXPECT_NEAR(e.costs.staff, 50000.0, 1e-9);
  EXPECT_NEAR(e.costs.other, 5000.0, 1e-9);
  EXPECT_NEAR(e.costs.friction, 10000.0, 1e-9);  // friction on the whole team
}

TEST(MkbaTool, DerivedReachFillsTheTeamsFte) {
  scenarios::ScenarioDef def = example();
  def.mkba_tool.households = 0.0;
  const StaticEstimate e = mkba_tool_estimate(def);
  EXPECT_NEAR(e.fte, def.teams.front().fte, 1e-12);
  // 3.6 FTE carry 3.6 / 3.5612 x 328 households.
  const double per_household = (9.9712 / 600.0 + 104.3696 / 150.0 + 213.6592 / 75.0) / 328.0;
  EXPECT_NEAR(e.households, 3.6 / per_household, 1e-6);
}

TEST(MkbaTool, AScenarioWithoutATeamIsAnError) {
  const scenarios::ScenarioDef def = scenarios::load_default_scenario();
  try {
    mkba_tool_estimate(def);
    FAIL() << "expected a ScenarioError";
  } catch (const scenarios::ScenarioError& err) {
    EXPECT_EQ(err.key, "teams");
    EXPECT_NE(err.message.find("needs a team"), std::string::npos) << err.what();
    EXPECT_NE(std::string(err.what()).find("default"), std::string::npos) << err.what();
  }
}

TEST(MkbaTool, TableShowsReachCostsLinesAndRatios) {
  const StaticEstimate e = mkba_tool_estimate(example());
  const std::string table = mkba_tool_table(e);
  for (const char* part :
       {"voorbeeldteam", "3.56", "328.00", "multiple, not self-reliant", "eviction prevented", "exit from welfare",
        "2.62 x     7,200", "municipality_social_work", "societal", "financial", "municipal", "2.25% a year",
        "Werkgroep discontovoet 2020"})
    EXPECT_NE(table.find(part), std::string::npos) << "missing '" << part << "' in\n" << table;
}

}  // namespace
}  // namespace wijksim::sim
