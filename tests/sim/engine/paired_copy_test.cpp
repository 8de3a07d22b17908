// The paired driver copies the month of every household the project's teams never reached from the zero
// alternative instead of simulating it again (Copying::Followers). These tests step the same project both ways and
// require identical worlds: records, team months, ledger cells and every household column of kColumns.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/fixtures.hpp"
#include "common/worlds.hpp"
#include "sim/engine/paired.hpp"
#include "sim/io/run_output.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {
namespace {

void expect_same_population(const agents::Population& a, const agents::Population& b) {
  agents::for_each_column([&](const auto& column) { EXPECT_EQ(a.*column.member, b.*column.member) << column.name; });
}

void expect_same_world(const World& a, const World& b) {
  EXPECT_EQ(levels_csv(a), levels_csv(b));
  EXPECT_EQ(flows_csv(a), flows_csv(b));
  EXPECT_EQ(pockets_csv(a), pockets_csv(b));
  ASSERT_EQ(a.team_records().size(), b.team_records().size());
  for (std::size_t m = 0; m < a.team_records().size(); ++m)
    for (std::size_t t = 0; t < a.team_records()[m].size(); ++t)
      EXPECT_EQ(services::team_metric_values(a.team_records()[m][t]), services::team_metric_values(b.team_records()[m][t]))
          << "month " << m << " team " << t;
  const Ledger& la = a.ledger();
  const Ledger& lb = b.ledger();
  for (Month m = 0; m < la.months(); ++m)
    for (PocketId p = 0; p < la.pockets(); ++p)
      for (ItemId i = 0; i < la.items(); ++i) ASSERT_EQ(la.at(m, p, i), lb.at(m, p, i)) << m << ' ' << p << ' ' << i;
  expect_same_population(a.population(), b.population());
  // The calibration tallies read what accounting booked (income tallies count only simulated households).
  const Tallies& ta = a.tallies();
  const Tallies& tb = b.tallies();
  EXPECT_EQ(ta.care.items, tb.care.items);
  EXPECT_EQ(ta.care.level_cost, tb.care.level_cost);
  EXPECT_EQ(ta.care.level_months, tb.care.level_months);
  EXPECT_EQ(ta.laws, tb.laws);
  EXPECT_EQ(ta.half_years, tb.half_years);
  EXPECT_EQ(ta.top1_share, tb.top1_share);
  EXPECT_EQ(ta.top4_share, tb.top4_share);
}

std::size_t reached(const World& w) {
  std::size_t n = 0;
  for (const agents::Support s : w.population().support) n += s != agents::Support::NotKnown ? 1 : 0;
  return n;
}

// Steps `project` next to its zero alternative twice from one warm-up: copying the followers, and in full.
void expect_following_changes_nothing(const scenarios::ScenarioDef& project, bool copies) {
  const scenarios::ScenarioDef zero_def = zero_alternative(project);
  const std::array<const scenarios::ScenarioDef*, 1> projects{&project};
  PairedWorlds followed(zero_def, projects, 3, 1), alone(zero_def, projects, 3, 1);
  alone.set_copying(Copying::Off);
  std::int64_t copied = 0;
  while (!followed.finished()) {
    followed.step();
    alone.step();
    copied += static_cast<std::int64_t>(followed.followers());
    EXPECT_EQ(alone.followers(), 0U);
  }
  EXPECT_EQ(copied > 0, copies);
  EXPECT_GT(reached(alone.project()), 40U) << "the team should reach households, or the test shows nothing";
  expect_same_world(followed.project(), alone.project());
  expect_same_world(followed.zero(), alone.zero());
}

TEST(PairedCopy, FollowingTheZeroAlternativeGivesTheSameProjectWorld) {
  // A busy team over three years (three yearly network updates spread its effect to neighbours): outreach,
  // mandate with a custom budget, turnover, monitoring.
  auto def = testing::small_team_scenario(3000, 36, 6.0);
  services::TeamDef& team = def.teams[0];
  team.target = "light_orange+orange+red";
  team.finding.outreach_visits = 10.0;
  team.mandate.enabled = true;
  team.mandate.custom_budget = 40000.0;
  team.turnover.yearly = 0.3;
  expect_following_changes_nothing(def, true);
}

TEST(PairedCopy, TwoTeamsInDifferentNeighbourhoods) {
  auto def = testing::small_team_scenario(3000, 36, 3.0);
  def.teams[0].neighbourhood = "B";
  services::TeamDef second = def.teams[0];
  second.name = "second";
  second.neighbourhood = "C";
  second.finding.outreach_visits = 5.0;
  def.teams.push_back(second);
  expect_following_changes_nothing(def, true);
}

TEST(PairedCopy, AnIntakeGroupThatReadsCare) {
  // Finding reads running care (min_trajectories) and signals (police, urgent intake): a followed household must
  // be found on its care from before this month's care use, as when it is simulated.
  auto def = testing::small_team_scenario(3000, 36, 4.0);
  services::TeamDef& team = def.teams[0];
  team.target = "light_orange+orange+red";
  team.finding.min_trajectories = 1;
  team.finding.police_signal = 0.5;
  team.finding.household_types = "family+other";
  team.urgent_signals = true;
  expect_following_changes_nothing(def, true);
}

TEST(PairedCopy, ProvidersWithLimitedPlacesAreSimulatedInFull) {
  // Waiting lists order households against each other, so nothing may be copied; the result is the same.
  auto def = testing::small_team_scenario(3000, 24, 6.0);
  for (auto& provider : def.providers.providers) provider.capacity = 40;
  expect_following_changes_nothing(def, false);
}

TEST(PairedCopy, TheZeroAlternativeIsUntouched) {
  auto def = testing::small_team_scenario(2000, 24, 6.0);
  const scenarios::ScenarioDef zero_def = zero_alternative(def);
  const std::array<const scenarios::ScenarioDef*, 1> projects{&def};
  PairedWorlds paired(zero_def, projects, 1, 1);
  paired.run();
  expect_same_world(paired.zero(), testing::run_world(zero_def, 1, 1));
}

}  // namespace
}  // namespace wijksim::sim
