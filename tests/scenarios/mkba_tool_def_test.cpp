// The [mkba_tool] settings: the shipped example loads as the tool's input screen, effect lines replace the
// defaults, and shares of a whole must add up to 1.
#include "scenarios/mkba_tool_def.hpp"

#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

using testing::error_of;
using testing::expect_error;

TEST(MkbaToolDef, ExampleIsTheToolsInputScreen) {
  const ScenarioDef def = load_scenario(resolve_scenario("mkba_tool_example"));
  const MkbaToolDef& t = def.mkba_tool;
  EXPECT_DOUBLE_EQ(t.households, 328.0);
  EXPECT_EQ(t.type_shares, (TypeValues{0.48, 0.31, 0.21}));
  EXPECT_EQ(t.severity[0], (SeverityShares{0.02, 0.20, 0.78}));
  EXPECT_EQ(t.severity[1], (SeverityShares{0.04, 0.50, 0.46}));
  EXPECT_EQ(t.severity[2], (SeverityShares{0.04, 0.32, 0.64}));
  EXPECT_EQ(t.caseload, (SeverityShares{600.0, 150.0, 75.0}));
  ASSERT_EQ(def.teams.size(), 1u);
  EXPECT_EQ(t.effects.size(), default_effect_lines().size());
}

TEST(MkbaToolDef, EffectLinesReplaceTheDefaults) {
  const std::string text =
      "[[mkba_tool.effects]]\nname = \"x\"\npocket = \"justice\"\nshare = [0.1, 0.2, 0.3]\neur = 100\nyears = 2\n";
  const ScenarioDef def = load_scenario_text(text, "t.toml");
  ASSERT_EQ(def.mkba_tool.effects.size(), 1u);
  const EffectLineDef& line = def.mkba_tool.effects[0];
  EXPECT_EQ(line.name, "x");
  EXPECT_EQ(line.pocket, "justice");
  EXPECT_EQ(line.share, (TypeValues{0.1, 0.2, 0.3}));
  EXPECT_EQ(line.years, 2u);
  EXPECT_FALSE(line.relapse_included);
}

TEST(MkbaToolDef, TypeSharesMustAddUpToOne) {
  const ScenarioError e =
      error_of([] { load_scenario_text("[mkba_tool]\ntype_shares = [0.5, 0.3, 0.3]\n", "t.toml"); });
  expect_error(e, "t.toml", 2, "mkba_tool.type_shares", "shares must add up to 1, got [0.5, 0.3, 0.3] (sum 1.1)");
}

TEST(MkbaToolDef, SeveritySharesOfATypeMustAddUpToOne) {
  const ScenarioError e =
      error_of([] { load_scenario_text("[mkba_tool]\n\nseverity_elderly = [0.1, 0.1, 0.1]\n", "t.toml"); });
  expect_error(e, "t.toml", 3, "mkba_tool.severity_elderly", "shares must add up to 1");
}

TEST(MkbaToolDef, UnknownPocketOfAnEffectLine) {
  const ScenarioError e =
      error_of([] { load_scenario_text("[[mkba_tool.effects]]\npocket = \"housing\"\n", "t.toml"); });
  EXPECT_EQ(e.key, "mkba_tool.effects.0.pocket");
  EXPECT_NE(e.message.find("unknown choice 'housing'"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace wijksim::scenarios
