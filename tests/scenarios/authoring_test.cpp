// The pieces of writing one's own scenario: values by key, diffs, notes on defaults that do nothing, templates.
#include "scenarios/authoring.hpp"

#include <gtest/gtest.h>

#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

using testing::contains;
using testing::shipped;

TemplateWords english() {
  TemplateWords w;
  w.header = {"test"};
  w.range = "range";
  w.team_intro = "a team";
  w.meaning = [](const std::string&, const std::string& doc) { return doc; };
  return w;
}

TEST(Authoring, ATeamNamingOnlyFteAndTargetIsWijkteamsTeam) {
  const ScenarioDef minimal = load_scenario_text(
      "extends = \"default\"\n[[teams]]\nfte = 4.0\ntarget = \"orange+red\"\n", "minimal.toml");
  const ScenarioDef wijkteam = load_scenario(shipped("wijkteam.toml"));
  ASSERT_EQ(minimal.teams.size(), 1u);
  EXPECT_TRUE(minimal.teams == wijkteam.teams);
  EXPECT_EQ(minimal.teams[0].other_costs, 20000.0);
  EXPECT_EQ(minimal.teams[0].finding.outreach_visits, 2.0);
}

TEST(Authoring, DiffListsChangedKeysWithOldAndNewValues) {
  const ScenarioDef base = load_default_scenario();
  EXPECT_TRUE(scenario_diff(base, base).empty());
  ScenarioDef changed = base;
  changed.run.seed = 5;
  changed.teams.emplace_back();
  const auto diff = scenario_diff(base, changed);
  ASSERT_FALSE(diff.empty());
  // In key order: run.seed changed, then every key of the new team (none before).
  EXPECT_EQ(diff.front().key, "run.seed");
  EXPECT_EQ(diff.front().before, "20140101");
  EXPECT_EQ(diff.front().after, "5");
  EXPECT_EQ(diff[1].key, "teams.0.active_months");
  EXPECT_EQ(diff[1].before, "");
  EXPECT_EQ(diff[1].after, "0");
  EXPECT_EQ(scenario_values(changed).size(), scenario_values(base).size() + scenario_diff(base, changed).size() - 1);
}

TEST(Authoring, FallbackNotesNameOnlyUnsetKeysThatDoNothing) {
  LoadedScenario loaded = load_scenario_report("wijkteam");
  auto notes = fallback_notes(loaded);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_TRUE(notes[0].starts_with("teams.0.cofinanciers (none) (not set, the default)")) << notes[0];
  loaded = load_scenario_report("wijkteam", std::vector<std::string>{"teams.0.other_costs=0"});
  EXPECT_EQ(fallback_notes(loaded).size(), 1u);  // set to 0 on purpose: no note
}

TEST(Authoring, TemplateLoadsBackAsItsParent) {
  for (const std::string name : {"default", "wijkteam", "deprived_district"}) {
    const ScenarioDef parent = load_named_scenario(name);
    const std::string text = scenario_template(parent, name, scenario_value_notes(name), english());
    const ScenarioDef back = load_scenario_text(text, "/nonexistent/template.toml");
    EXPECT_TRUE(scenario_diff(parent, back).empty()) << name;
    EXPECT_TRUE(contains(text, "# cost_per_fte = 65000.0  # EUR a year; range 0 .. ") == (name == "wijkteam"))
        << name;
  }
}

TEST(Authoring, ValueNotesFollowShippedNames) {
  const auto notes = scenario_value_notes("team_mandate");
  ASSERT_TRUE(notes.contains("teams.0.mandate.enabled"));
  EXPECT_TRUE(contains(notes.at("teams.0.mandate.enabled"), "[S002]"));
  ASSERT_TRUE(notes.contains("run.households"));  // from default.toml, which team_mandate extends
}

}  // namespace
}  // namespace wijksim::scenarios
