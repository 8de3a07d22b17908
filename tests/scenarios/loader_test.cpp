#include "scenarios/loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

using testing::contains;
using testing::error_of;
using testing::expect_error;
using testing::fixture;
using testing::shipped;

// --- Shipped scenarios ---------------------------------------------------------------------------

TEST(Loader, DefaultScenarioLoads) {
  const ScenarioDef def = load_scenario(shipped("default.toml"));
  EXPECT_EQ(def.name, "default");
  EXPECT_EQ(def.run.households, 10000u);
  ASSERT_EQ(def.population.neighbourhoods.size(), 3u);
  EXPECT_EQ(def.population.neighbourhoods[2].name, "Zuid");
  EXPECT_DOUBLE_EQ(def.population.neighbourhoods[2].deprivation, 0.35);
}

TEST(Loader, EmbeddedDefaultEqualsTheFile) {
  EXPECT_EQ(to_toml(load_default_scenario()), to_toml(load_scenario(shipped("default.toml"))));
}

TEST(Loader, DeprivedDistrictExtendsTheDefault) {
  const ScenarioDef def = load_scenario(shipped("deprived_district.toml"));
  EXPECT_EQ(def.name, "deprived_district");
  EXPECT_TRUE(contains(def.description, "30%"));
  EXPECT_EQ(def.run.households, 10000u);
  // The child's array of tables replaces the parent's three neighbourhoods.
  ASSERT_EQ(def.population.neighbourhoods.size(), 2u);
  EXPECT_EQ(def.population.neighbourhoods[0].name, "Oost");
  EXPECT_DOUBLE_EQ(def.population.neighbourhoods[0].share, 0.6);
  EXPECT_DOUBLE_EQ(def.population.neighbourhoods[1].deprivation, 0.7);
  // Tables merge key by key: `enabled` comes from the parent.
  EXPECT_DOUBLE_EQ(def.targets.green_share.low, 0.65);
  EXPECT_DOUBLE_EQ(def.targets.green_share.high, 0.75);
  EXPECT_EQ(def.targets.green_share.source, "S004 §2.2");
  EXPECT_TRUE(def.targets.green_share.enabled);
  // Everything else is inherited.
  const ScenarioDef base = load_scenario(shipped("default.toml"));
  EXPECT_EQ(def.run.months, base.run.months);
  EXPECT_DOUBLE_EQ(def.dynamics.escalation.eviction, base.dynamics.escalation.eviction);
  EXPECT_DOUBLE_EQ(def.targets.laws_none.low, base.targets.laws_none.low);
}

TEST(Loader, ExtendsChainsThroughSeveralFiles) {
  const ScenarioDef def = load_scenario(fixture("child_of_deprived.toml"));
  EXPECT_EQ(def.name, "child_of_deprived");
  EXPECT_EQ(def.run.months, 60u);
  EXPECT_EQ(def.run.households, 10000u);
  ASSERT_EQ(def.population.neighbourhoods.size(), 2u);
  EXPECT_DOUBLE_EQ(def.targets.green_share.low, 0.65);
}

TEST(Loader, MissingDefaultExtendsTheEmbeddedDefault) {
  const ScenarioDef def = load_scenario_text("extends = \"default.toml\"\nname = \"x\"\n", "/nowhere/x.toml");
  EXPECT_EQ(def.name, "x");
  EXPECT_EQ(def.population.neighbourhoods.size(), 3u);
}

TEST(Loader, AbsentKeysKeepTheCodeDefaults) {
  const ScenarioDef def = load_scenario_text("[run]\nmonths = 24\n", "small.toml");
  EXPECT_EQ(def.run.months, 24u);
  ScenarioDef expected;
  expected.run.months = 24;
  EXPECT_EQ(to_toml(def), to_toml(expected));
}

TEST(Loader, IntegersAreAcceptedForFloats) {
  const ScenarioDef def = load_scenario_text("[network]\nmean_ties = 7\n", "ints.toml");
  EXPECT_DOUBLE_EQ(def.network.mean_ties, 7.0);
}

// --- Malformed files -------------------------------------------------------------------------------

TEST(LoaderErrors, BadTomlSyntax) {
  const ScenarioError e = error_of([] { load_scenario(fixture("bad_syntax.toml")); });
  expect_error(e, "bad_syntax.toml", 5, "run.households", "");
  EXPECT_FALSE(e.message.empty());
}

TEST(LoaderErrors, MisspeltKeySuggestsTheClosestKey) {
  const ScenarioError e = error_of([] { load_scenario(fixture("misspelt_key.toml")); });
  expect_error(e, "misspelt_key.toml", 5, "dynamics.escalation.evction",
               "unknown key 'evction'; did you mean 'eviction'?");
}

TEST(LoaderErrors, MisspeltTableSuggestsTheClosestKey) {
  const ScenarioError e = error_of([] { load_scenario_text("\n[dynamics.escalaton]\neviction = 0.3\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "dynamics.escalaton", "unknown key 'escalaton'; did you mean 'escalation'?");
}

TEST(LoaderErrors, MisspeltExtends) {
  const ScenarioError e = error_of([] { load_scenario_text("name = \"x\"\nextend = \"default.toml\"\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "extend", "did you mean 'extends'?");
}

TEST(LoaderErrors, FarOffKeyListsTheValidKeys) {
  const ScenarioError e = error_of([] { load_scenario_text("[run]\nzzzzzzzzzz = 1\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "run.zzzzzzzzzz", "unknown key 'zzzzzzzzzz'; valid keys: households, months,");
}

TEST(LoaderErrors, StringWhereANumberIsExpected) {
  const ScenarioError e = error_of([] { load_scenario(fixture("wrong_type.toml")); });
  expect_error(e, "wrong_type.toml", 4, "run.households", "expected an integer, got a string");
}

TEST(LoaderErrors, TableWhereAValueIsExpected) {
  const ScenarioError e = error_of([] { load_scenario(fixture("table_for_value.toml")); });
  expect_error(e, "table_for_value.toml", 3, "run.households", "expected an integer, got a table");
}

TEST(LoaderErrors, ValueWhereATableIsExpected) {
  const ScenarioError e = error_of([] { load_scenario_text("name = \"x\"\nnetwork = 5\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "network", "expected a table, got an integer");
}

TEST(LoaderErrors, ValueOutOfRange) {
  const ScenarioError e = error_of([] { load_scenario(fixture("out_of_range.toml")); });
  expect_error(e, "out_of_range.toml", 4, "network.mean_ties", "value 500 is out of range [0, 100]");
}

TEST(LoaderErrors, ProbabilityAboveOne) {
  const ScenarioError e = error_of([] { load_scenario(fixture("probability_above_one.toml")); });
  expect_error(e, "probability_above_one.toml", 4, "dynamics.escalation.eviction", "value 1.5 is out of range [0, 1]");
}

TEST(LoaderErrors, NegativeCount) {
  const ScenarioError e = error_of([] { load_scenario(fixture("negative_count.toml")); });
  expect_error(e, "negative_count.toml", 3, "run.households", "value -5 is out of range [1, 20000000]");
}

TEST(LoaderErrors, FloatWhereAnIntegerIsExpected) {
  const ScenarioError e = error_of([] { load_scenario(fixture("float_for_integer.toml")); });
  expect_error(e, "float_for_integer.toml", 3, "run.months", "expected an integer, got 2.5");
}

TEST(LoaderErrors, ArrayLengthMismatch) {
  const ScenarioError e = error_of([] { load_scenario(fixture("array_length.toml")); });
  expect_error(e, "array_length.toml", 4, "population.type_shares", "expected 3 values, got 2");
}

TEST(LoaderErrors, ArrayElementOutOfRange) {
  const ScenarioError e =
      error_of([] { load_scenario_text("[population]\nemployed_share = [0.5,\n 1.5, 0.5]\n", "t.toml"); });
  expect_error(e, "t.toml", 3, "population.employed_share.1", "value 1.5 is out of range [0, 1]");
}

TEST(LoaderErrors, UnknownChoiceListsTheOptions) {
  const ScenarioError e = error_of([] { load_scenario(fixture("unknown_choice.toml")); });
  expect_error(e, "unknown_choice.toml", 4, "prices.shelter.payer", "unknown choice 'municipality_wm'");
  EXPECT_TRUE(contains(e.message, "did you mean 'municipality_wmo'?")) << e.what();
  EXPECT_TRUE(contains(e.message, "\"health_insurer\"")) << e.what();
}

TEST(LoaderErrors, EmptyArrayOfTables) {
  const ScenarioError e = error_of([] { load_scenario_text("[population]\nneighbourhoods = []\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "population.neighbourhoods", "expected at least one table");
}

TEST(LoaderErrors, UnknownKeyInAnArrayOfTables) {
  const ScenarioError e = error_of([] {
    load_scenario_text(
        "[[population.neighbourhoods]]\nname = \"a\"\n[[population.neighbourhoods]]\nshare = 1\nshaer = 2\n", "t.toml");
  });
  expect_error(e, "t.toml", 5, "population.neighbourhoods.1.shaer", "did you mean 'share'?");
}

TEST(LoaderErrors, MissingExtendsFile) {
  const ScenarioError e = error_of([] { load_scenario(fixture("missing_extends.toml")); });
  expect_error(e, "missing_extends.toml", 3, "extends", "cannot open 'nowhere.toml'");
}

TEST(LoaderErrors, ExtendsCycle) {
  const ScenarioError e = error_of([] { load_scenario(fixture("cycle_a.toml")); });
  expect_error(e, "cycle_b.toml", 4, "extends", "extends cycle: ");
  EXPECT_TRUE(contains(e.message, "cycle_a.toml -> ")) << e.what();
  EXPECT_TRUE(contains(e.message, "cycle_b.toml -> ")) << e.what();
}

TEST(LoaderErrors, ErrorInAParentNamesTheParent) {
  const ScenarioError e = error_of([] {
    load_scenario_text("extends = \"" + fixture("negative_count.toml") + "\"\nname = \"child\"\n", "child.toml");
  });
  expect_error(e, "negative_count.toml", 3, "run.households", "out of range");
}

TEST(LoaderErrors, MissingFile) {
  const ScenarioError e = error_of([] { load_scenario(fixture("no_such_file.toml")); });
  expect_error(e, "no_such_file.toml", 0, "", "cannot open");
}

// --- Cross-field checks ----------------------------------------------------------------------------

TEST(LoaderChecks, PrevalenceMustNotIncrease) {
  const ScenarioError e = error_of([] { load_scenario(fixture("increasing_prevalence.toml")); });
  expect_error(e, "increasing_prevalence.toml", 3, "population.prevalence_housing.at_least", "must not increase");
}

TEST(LoaderChecks, TypeSharesMustNotAllBeZero) {
  const ScenarioError e = error_of([] { load_scenario_text("[population]\ntype_shares = [0, 0, 0]\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "population.type_shares", "must not all be zero");
}

TEST(LoaderChecks, NeighbourhoodSharesMustNotAllBeZero) {
  const ScenarioError e = error_of([] {
    const std::string text = "\n[[population.neighbourhoods]]\nshare = 0\n[[population.neighbourhoods]]\nshare = 0\n";
    load_scenario_text(text, "t.toml");
  });
  expect_error(e, "t.toml", 2, "population.neighbourhoods", "must not all be zero");
}

TEST(LoaderChecks, CalibrationLowMustNotExceedHigh) {
  const ScenarioError e = error_of([] { load_scenario_text("[targets.red_cost]\nlow = 300000\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "targets.red_cost", "low 300000 is above high 250000");
}

TEST(LoaderChecks, OverrideCanBreakACrossFieldRule) {
  const std::vector<std::string> overrides{"targets.green_share.high=0.1"};
  const ScenarioError e = error_of([&] { load_default_scenario(overrides); });
  // low comes from the file, so the error points there.
  expect_error(e, "default.toml (embedded)", e.line, "targets.green_share", "is above high 0.1");
  EXPECT_GT(e.line, 0u);
}

// --- Overrides ---------------------------------------------------------------------------------------

ScenarioDef deprived_with(const std::vector<std::string>& overrides) {
  return load_scenario(shipped("deprived_district.toml"), overrides);
}

TEST(Overrides, SetNumbersStringsAndFlags) {
  const ScenarioDef def = deprived_with({"run.households=5000", "name=\"my run\"", "description=bare_word",
                                         "targets.red_cost.enabled = false", "dynamics.escalation.eviction=0.4"});
  EXPECT_EQ(def.run.households, 5000u);
  EXPECT_EQ(def.name, "my run");
  EXPECT_EQ(def.description, "bare_word");
  EXPECT_FALSE(def.targets.red_cost.enabled);
  EXPECT_DOUBLE_EQ(def.dynamics.escalation.eviction, 0.4);
}

TEST(Overrides, IndexIntoArrayOfTables) {
  const ScenarioDef def = deprived_with({"population.neighbourhoods.0.deprivation=0.9"});
  ASSERT_EQ(def.population.neighbourhoods.size(), 2u);
  EXPECT_DOUBLE_EQ(def.population.neighbourhoods[0].deprivation, 0.9);
  EXPECT_EQ(def.population.neighbourhoods[0].name, "Oost");
  EXPECT_DOUBLE_EQ(def.population.neighbourhoods[1].deprivation, 0.7);
}

TEST(Overrides, IndexIntoCodeDefaultArray) {
  const std::vector<std::string> overrides{"population.neighbourhoods.0.name=Oud-West"};
  const ScenarioDef def = load_scenario_text("", "empty.toml", overrides);
  ASSERT_EQ(def.population.neighbourhoods.size(), 1u);
  EXPECT_EQ(def.population.neighbourhoods[0].name, "Oud-West");
}

TEST(Overrides, IndexIntoList) {
  const ScenarioDef def = deprived_with({"population.type_shares.1=0.5"});
  EXPECT_DOUBLE_EQ(def.population.type_shares[1], 0.5);
  EXPECT_DOUBLE_EQ(def.population.type_shares[0], 0.32);
}

TEST(Overrides, WholeTablesAndArrays) {
  const ScenarioDef def = deprived_with({"targets.green_share={low=0.5, high=0.6}",
                                         "population.neighbourhoods=[{name=\"a\", share=1.0}]",
                                         "population.type_shares=[0.2, 0.3, 0.5]"});
  EXPECT_DOUBLE_EQ(def.targets.green_share.low, 0.5);
  EXPECT_EQ(def.targets.green_share.source, "S004 §2.2");
  ASSERT_EQ(def.population.neighbourhoods.size(), 1u);
  EXPECT_EQ(def.population.neighbourhoods[0].name, "a");
  EXPECT_DOUBLE_EQ(def.population.type_shares[2], 0.5);
}

TEST(Overrides, LaterOverridesWin) {
  const ScenarioDef def = deprived_with({"run.months=12", "run.months=24"});
  EXPECT_EQ(def.run.months, 24u);
}

TEST(OverrideErrors, UnknownKey) {
  const ScenarioError e = error_of([] { deprived_with({"dynamics.escalation.evction=0.3"}); });
  expect_error(e, "--set", 0, "dynamics.escalation.evction", "unknown key 'evction'; did you mean 'eviction'?");
}

TEST(OverrideErrors, UnknownTable) {
  const ScenarioError e = error_of([] { deprived_with({"dynamics.escalaton.eviction=0.3"}); });
  expect_error(e, "--set", 0, "dynamics.escalaton", "did you mean 'escalation'?");
}

TEST(OverrideErrors, ExtendsCannotBeOverridden) {
  const ScenarioError e = error_of([] { deprived_with({"extends=default.toml"}); });
  expect_error(e, "--set", 0, "extends", "unknown key 'extends'");
}

TEST(OverrideErrors, BadValue) {
  const ScenarioError e = error_of([] { deprived_with({"run.households=lots"}); });
  expect_error(e, "--set", 0, "run.households", "expected an integer, got a string");
}

TEST(OverrideErrors, OutOfRange) {
  const ScenarioError e = error_of([] { deprived_with({"population.neighbourhoods.1.deprivation=2"}); });
  expect_error(e, "--set", 0, "population.neighbourhoods.1.deprivation", "value 2 is out of range [0, 1]");
}

TEST(OverrideErrors, IndexOutOfRange) {
  const ScenarioError e = error_of([] { deprived_with({"population.neighbourhoods.2.share=1"}); });
  expect_error(e, "--set", 0, "population.neighbourhoods.2.share", "index 2 is out of range");
}

TEST(OverrideErrors, IndexIsNotANumber) {
  const ScenarioError e = error_of([] { deprived_with({"population.neighbourhoods.first.share=1"}); });
  expect_error(e, "--set", 0, "population.neighbourhoods.first.share", "expected an element index");
}

TEST(OverrideErrors, KeyBelowAValue) {
  const ScenarioError e = error_of([] { deprived_with({"run.households.count=1"}); });
  expect_error(e, "--set", 0, "run.households.count", "'run.households' holds a value, not a table");
}

TEST(OverrideErrors, MissingEquals) {
  const ScenarioError e = error_of([] { deprived_with({"run.households"}); });
  expect_error(e, "--set", 0, "run.households", "expected key=value");
}

// --- Finding scenarios ------------------------------------------------------------------------------

TEST(ResolveScenario, ExistingPathIsReturnedAsIs) {
  EXPECT_EQ(resolve_scenario(fixture("cycle_a.toml")), std::filesystem::path(fixture("cycle_a.toml")));
}

TEST(ResolveScenario, ShippedScenarioByName) {
  const std::filesystem::path by_name = resolve_scenario("deprived_district");
  EXPECT_EQ(by_name.filename(), "deprived_district.toml");
  EXPECT_TRUE(std::filesystem::exists(by_name));
  EXPECT_EQ(std::filesystem::canonical(resolve_scenario("deprived_district.toml")),
            std::filesystem::canonical(by_name));
}

TEST(ResolveScenario, UnknownNameListsShippedScenarios) {
  const ScenarioError e = error_of([] { resolve_scenario("deprived_distrct"); });
  expect_error(e, "deprived_distrct", 0, "", "scenario not found");
  EXPECT_TRUE(contains(e.message, "did you mean 'deprived_district'?")) << e.what();
  EXPECT_TRUE(contains(e.message, "shipped scenarios: default, deprived_district")) << e.what();
}

// --- extends: a relative file first, then a shipped scenario by name ---------------------------------

/// A fresh empty folder outside the project, removed at the end of the test.
class OutsideFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("wijksim_extends_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto path = folder_ / name;
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path folder_;
};

TEST_F(OutsideFolder, ExtendsAShippedScenarioByNameOrFileName) {
  const ScenarioDef shipped_def = load_scenario(shipped("deprived_district.toml"));
  for (const std::string target : {"deprived_district", "deprived_district.toml"}) {
    const auto file = write("mine.toml", "extends = \"" + target + "\"\nname = \"mine\"\n");
    ScenarioDef def = load_scenario(file);
    EXPECT_EQ(def.name, "mine") << target;
    def.name = shipped_def.name;
    EXPECT_EQ(to_toml(def), to_toml(shipped_def)) << target;
  }
}

TEST_F(OutsideFolder, ShippedScenariosExtendShippedScenariosFromAnyFolder) {
  // wijkteam extends "default.toml": from the built-in copy, not from a default.toml in this folder.
  write("default.toml", "name = \"not the shipped default\"\n[run]\nhouseholds = 7\n");
  const auto file = write("mine.toml", "extends = \"wijkteam\"\n");
  const ScenarioDef def = load_scenario(file);
  EXPECT_EQ(def.name, "wijkteam");
  EXPECT_EQ(to_toml(def), to_toml(load_scenario(shipped("wijkteam.toml"))));
}

TEST_F(OutsideFolder, ARelativeFileWinsOverAShippedName) {
  write("deprived_district.toml", "extends = \"default\"\nname = \"local\"\n[run]\nhouseholds = 1234\n");
  for (const std::string target : {"deprived_district", "deprived_district.toml"}) {
    const ScenarioDef def = load_scenario(write("mine.toml", "extends = \"" + target + "\"\n"));
    EXPECT_EQ(def.name, "local") << target;
    EXPECT_EQ(def.run.households, 1234u) << target;
  }
}

TEST_F(OutsideFolder, AMisspeltNameGetsASuggestion) {
  const auto file = write("mine.toml", "name = \"mine\"\nextends = \"deprived_distrct\"\n");
  const ScenarioError e = error_of([&] { load_scenario(file); });
  expect_error(e, "mine.toml", 2, "extends", "cannot open 'deprived_distrct'");
  EXPECT_TRUE(contains(e.message, "did you mean 'deprived_district'?")) << e.what();
  EXPECT_TRUE(contains(e.message, "shipped scenarios: default, deprived_district")) << e.what();
}

TEST(ShippedScenarios, EveryShippedFileIsBuiltInAndEqualToItsFile) {
  std::vector<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(WIJKSIM_SCENARIO_DIR))
    if (entry.path().extension() == ".toml") on_disk.push_back(entry.path().stem().string());
  std::sort(on_disk.begin(), on_disk.end());
  EXPECT_EQ(shipped_scenario_names(), on_disk);
  for (const std::string& name : on_disk) {
    const auto text = shipped_scenario_text(name);
    ASSERT_TRUE(text.has_value()) << name;
    EXPECT_EQ(std::string(*text), testing::read_text(shipped(name + ".toml"))) << name;
  }
  EXPECT_FALSE(shipped_scenario_text("no_such_scenario").has_value());
}

TEST(ShippedScenarios, LoadNamedScenarioTakesShippedNames) {
  EXPECT_EQ(to_toml(load_named_scenario("team_mandate")), to_toml(load_scenario(shipped("team_mandate.toml"))));
  const ScenarioError e = error_of([] { load_named_scenario("team_mandat"); });
  EXPECT_TRUE(contains(e.message, "did you mean 'team_mandate'?")) << e.what();
}

}  // namespace
}  // namespace wijksim::scenarios
