// to_toml and scenario_keys (scenarios/toml_writer.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

using testing::contains;
using testing::shipped;

/// Printing, loading the print and printing again gives the same text.
void expect_round_trip(const ScenarioDef& def) {
  const std::string printed = to_toml(def);
  const ScenarioDef reloaded = load_scenario_text(printed, "printed.toml");
  EXPECT_EQ(to_toml(reloaded), printed);
}

TEST(ToToml, RoundTripOfTheCodeDefaults) { expect_round_trip(ScenarioDef{}); }

TEST(ToToml, RoundTripOfTheShippedScenarios) {
  expect_round_trip(load_scenario(shipped("default.toml")));
  expect_round_trip(load_scenario(shipped("deprived_district.toml")));
}

TEST(ToToml, RoundTripOfAwkwardValues) {
  ScenarioDef def;
  def.name = "quote \" backslash \\ tab \t newline \n end";
  def.description = "§ unicode é";
  def.network.mean_ties = 0.1 + 0.2;              // not a short decimal
  def.prices.items[0].eur = 123456789.125;
  def.dynamics.escalation.eviction = 1e-9;
  def.run.seed = 9'000'000'000'000'000ull;
  def.population.neighbourhoods = {agents::NeighbourhoodDef{"a", 0.0, 0.5}, agents::NeighbourhoodDef{"b", 2.0, 1.0}};
  expect_round_trip(def);
  const ScenarioDef reloaded = load_scenario_text(to_toml(def), "printed.toml");
  EXPECT_EQ(reloaded.name, def.name);
  EXPECT_EQ(reloaded.network.mean_ties, def.network.mean_ties);
  EXPECT_EQ(reloaded.run.seed, def.run.seed);
}

TEST(ToToml, LongTextsStayWithinTheLineLimit) {
  // A description written over many lines in its file is one value; printed on one line it would be refused when
  // read back (a resumed run reads its scenarios so).
  ScenarioDef def;
  std::string text;
  for (int i = 0; text.size() < 3 * limits::kLineBytes; ++i) text += "word \"" + std::to_string(i) + "\"\t é \n";
  def.description = text;
  def.label = std::string(5000, ' ') + "x" + std::string(5000, ' ');  // spaces wherever a line is cut
  const std::string toml = to_toml(def);
  std::size_t longest = 0;
  for (std::size_t start = 0; start < toml.size();) {
    const std::size_t end = std::min(toml.find('\n', start), toml.size());
    longest = std::max(longest, end - start);
    start = end + 1;
  }
  EXPECT_LT(longest, limits::kLineBytes);
  const ScenarioDef reloaded = load_scenario_text(toml, "printed.toml");
  EXPECT_EQ(reloaded.description, def.description);
  EXPECT_EQ(reloaded.label, def.label);
  expect_round_trip(def);
}

TEST(ToToml, EveryFieldCarriesItsDoc) {
  const std::string printed = to_toml(ScenarioDef{});
  EXPECT_TRUE(contains(printed, "\n[dynamics.escalation]  # escalation ladders\n")) << printed;
  const std::string households = std::to_string(RunDef{}.households);
  EXPECT_TRUE(contains(printed, "\nhouseholds = " + households + "  # households in the district\n"));
  EXPECT_TRUE(contains(printed, "  # eviction pending -> evicted\n"));
  EXPECT_TRUE(contains(printed, "\n[[population.neighbourhoods]]  # neighbourhoods of the district\n"));
  EXPECT_TRUE(contains(printed, "\npayer = \"municipality_work_income\"  # pocket that pays\n"));
}

TEST(ToToml, ValuesComeBeforeSubTables) {
  // CareDef lists its trajectories before its own values; the printer must still put the values under [care].
  const std::string printed = to_toml(ScenarioDef{});
  const auto care = printed.find("\n[care]");
  const auto value = printed.find("\nproductivity_loss_share = ");
  const auto first_trajectory = printed.find("\n[care.youth_ambulatory]");
  ASSERT_NE(care, std::string::npos);
  EXPECT_LT(care, value);
  EXPECT_LT(value, first_trajectory);
}

TEST(ScenarioKeys, ListsEveryValueOnce) {
  const std::vector<std::string> keys = scenario_keys();
  for (const char* key : {"name", "run.households", "dynamics.escalation.eviction", "population.neighbourhoods[].share",
                          "population.prevalence_finances.at_least", "prices.quality_of_life.second_share",
                          "care.reintegration.type_factor", "targets.relapse_2y.enabled"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  // One value line per key in the print of the code defaults with one element in every array of tables.
  ScenarioDef def;
  def.teams.emplace_back().cofinanciers.emplace_back();
  def.mkba.sensitivity.emplace_back();
  def.mkba_tool.effects.resize(1);  // the code default holds several effect lines
  std::istringstream printed(to_toml(def));
  std::size_t value_lines = 0;
  for (std::string line; std::getline(printed, line);) value_lines += line.find(" = ") != std::string::npos ? 1u : 0u;
  EXPECT_EQ(value_lines, keys.size());
}

}  // namespace
}  // namespace wijksim::scenarios
