// Work units of a distributed batch: planning slices, putting replications together again, the slice pool.
#include "sim/batch/slices.hpp"

#include <gtest/gtest.h>

#include "common/fixtures.hpp"

namespace wijksim::sim {
namespace {

/// A sweep-like request: one zero alternative and three project alternatives of different team sizes.
CompareRequest three_alternatives() {
  scenarios::ScenarioDef small = testing::small_team_scenario(1000, 24, 2.0);
  small.run.warmup_months = 12;
  scenarios::ScenarioDef medium = small, large = small;
  medium.teams[0].fte = 4.0;
  large.teams[0].fte = 8.0;
  return make_request({small, medium, large}, "continuous", 2, 1);
}

TEST(PlanSlices, WholeReplicationsWhenThereAreEnoughForEveryThread) {
  const std::vector<ReplicationSlice> slices = plan_slices({2, 5, 7}, 4, 3);
  const std::vector<ReplicationSlice> expected{{2, 0, 4}, {5, 0, 4}, {7, 0, 4}};
  EXPECT_EQ(slices, expected);
  EXPECT_TRUE(plan_slices({}, 4, 3).empty());
}

TEST(PlanSlices, FewReplicationsAreCutIntoSlicesOfAlternatives) {
  // Two replications for eight threads: four slices each, every alternative exactly once per replication.
  const std::vector<ReplicationSlice> slices = plan_slices({0, 1}, 6, 8);
  ASSERT_EQ(slices.size(), 8u);
  for (std::uint32_t r = 0; r < 2; ++r) {
    std::uint32_t next = 0;
    for (const ReplicationSlice& s : slices)
      if (s.replication == r) {
        EXPECT_EQ(s.first, next);
        EXPECT_GE(s.count, 1u);
        next += s.count;
      }
    EXPECT_EQ(next, 6u);
  }
  // Never more slices than alternatives.
  EXPECT_EQ(plan_slices({0}, 2, 16).size(), 2u);
}

TEST(SliceAssembler, SlicesMakeTheSameReplicationAsOneRun) {
  const CompareRequest req = three_alternatives();
  const ReplicationOutcome whole = run_replication(req, 1);
  ASSERT_EQ(whole.worlds.size(), 4u);
  SliceAssembler assembler(3);
  // Out of order, as slices come back from different ranks.
  EXPECT_FALSE(assembler.add({1, 2, 1}, run_replication(req, 1, 2, 1)));
  EXPECT_EQ(assembler.open(), 1u);
  const std::optional<ReplicationOutcome> joined = assembler.add({1, 0, 2}, run_replication(req, 1, 0, 2));
  ASSERT_TRUE(joined);
  EXPECT_EQ(outcome_text(*joined), outcome_text(whole));
  EXPECT_EQ(assembler.open(), 0u);
  // A whole replication passes straight through.
  const std::optional<ReplicationOutcome> direct = assembler.add({1, 0, 3}, run_replication(req, 1));
  ASSERT_TRUE(direct);
  EXPECT_EQ(outcome_text(*direct), outcome_text(whole));
}

TEST(SliceAssembler, RefusesOutcomesThatDoNotFit) {
  const CompareRequest req = three_alternatives();
  SliceAssembler assembler(3);
  const ReplicationOutcome first_two = run_replication(req, 0, 0, 2);
  EXPECT_THROW(assembler.add({1, 0, 2}, first_two), std::runtime_error);  // another replication
  EXPECT_THROW(assembler.add({0, 0, 1}, first_two), std::runtime_error);  // more worlds than the slice
  EXPECT_THROW(assembler.add({0, 2, 2}, first_two), std::runtime_error);  // past the last alternative
  // Slices of one replication that disagree on the zero alternative cannot be paired.
  ASSERT_FALSE(assembler.add({0, 0, 2}, first_two));
  ReplicationOutcome last = run_replication(req, 0, 2, 1);
  last.worlds.front().intakes += 1;
  EXPECT_THROW(assembler.add({0, 2, 1}, last), std::runtime_error);
}

TEST(SlicePool, ComputesWhatItIsGivenOnItsThreads) {
  const CompareRequest req = three_alternatives();
  SlicePool pool(req, 2);
  EXPECT_EQ(pool.threads(), 2u);
  const std::vector<ReplicationSlice> given{{0, 0, 3}, {1, 0, 1}, {1, 1, 2}};
  for (const ReplicationSlice& s : given) pool.give(s);
  EXPECT_EQ(pool.busy(), 3u);
  std::vector<FinishedSlice> finished;
  while (finished.size() < given.size())
    for (FinishedSlice& f : pool.collect(std::chrono::milliseconds(100))) finished.push_back(std::move(f));
  EXPECT_EQ(pool.busy(), 0u);
  for (const FinishedSlice& f : finished)
    EXPECT_EQ(outcome_text(f.outcome),
              outcome_text(run_replication(req, f.slice.replication, f.slice.first, f.slice.count)));
}

}  // namespace
}  // namespace wijksim::sim
