// Behaviour of the monthly dynamics, each mechanism on its own with everything else fixed.
#include "agents/dynamics.hpp"

#include <cmath>
#include <gtest/gtest.h>

#include "agents/agents_def.hpp"

namespace wijksim::agents {
namespace {

constexpr kernel::HouseholdId kN = 20000;

class DynamicsTest : public ::testing::Test {
 protected:
  Population pop{kN};
  DynamicsDef def;
  PopulationDef popdef;
  kernel::Rng rng{77, 0};
  std::vector<double> deprivation{0.0};
  void SetUp() override {
    for (kernel::HouseholdId h = 0; h < kN; ++h) {
      pop.type[h] = HouseholdType::Other;
      pop.adults[h] = 1;
      pop.capacity[h] = byte_from_unit(0.6);
      pop.network[h] = byte_from_unit(0.5);
      pop.income[h] = Income::Other;
    }
  }
  StepContext ctx(kernel::Month t) { return StepContext{rng, t, deprivation}; }
  std::size_t count(auto&& pred) {
    std::size_t n = 0;
    for (kernel::HouseholdId h = 0; h < kN; ++h) n += pred(h) ? 1 : 0;
    return n;
  }
};

TEST_F(DynamicsTest, CouplingMakesAProblemSpreadToOtherDomains) {
  // Half the households have a mental-health crisis; finances worsen more often there.
  for (kernel::HouseholdId h = 0; h < kN / 2; ++h) pop.severity[index(Domain::MentalHealth)][h] = 3;
  for (kernel::Month t = 0; t < 12; ++t) progress_domains(pop, HouseholdRange{0, kN}, def, ctx(t));
  const auto fin = index(Domain::Finances);
  std::size_t with = 0, without = 0;
  for (kernel::HouseholdId h = 0; h < kN; ++h) (h < kN / 2 ? with : without) += pop.severity[fin][h] > 0 ? 1 : 0;
  EXPECT_GT(with, without * 3 / 2) << with << " vs " << without;
}

TEST_F(DynamicsTest, ParentingNeverWorsensWithoutChildren) {
  for (kernel::Month t = 0; t < 24; ++t) progress_domains(pop, HouseholdRange{0, kN}, def, ctx(t));
  EXPECT_EQ(count([&](auto h) { return pop.severity[index(Domain::Parenting)][h] > 0; }), 0U);
}

TEST_F(DynamicsTest, OnlyHouseholdsInMoneyTroubleFallIntoArrearsAndGetEvicted) {
  for (kernel::HouseholdId h = 0; h < kN / 2; ++h) pop.severity[index(Domain::Finances)][h] = 3;
  std::size_t evictions_rich = 0, evictions_poor = 0;
  for (kernel::Month t = 0; t < 36; ++t) {
    for (kernel::HouseholdId h = 0; h < kN / 2; ++h) pop.severity[index(Domain::Finances)][h] = 3;  // stays in crisis
    escalate(pop, HouseholdRange{0, kN}, def, popdef, ctx(t));
    for (kernel::HouseholdId h = 0; h < kN; ++h)
      if (pop.events[h] & kEviction) (h < kN / 2 ? evictions_poor : evictions_rich) += 1;
    std::fill(pop.events.begin(), pop.events.end(), 0);
  }
  EXPECT_EQ(evictions_rich, 0U);
  EXPECT_GT(evictions_poor, 0U);
  EXPECT_EQ(count([&](auto h) { return h >= kN / 2 && pop.housing[h] != Housing::Housed; }), 0U);
}

TEST_F(DynamicsTest, WelfareExitFallsWithYearsOnBenefit) {
  for (kernel::HouseholdId h = 0; h < kN; ++h) {
    pop.income[h] = Income::Welfare;
    pop.income_months[h] = h < kN / 2 ? 0 : 72;  // first year vs seventh year on benefit
  }
  IncomeStats stats;
  std::int64_t on_welfare_months = 0;
  for (kernel::Month t = 0; t < 6; ++t) {
    on_welfare_months += static_cast<std::int64_t>(count([&](auto h) { return pop.income[h] == Income::Welfare; }));
    update_income(pop, HouseholdRange{0, kN}, def.income, ctx(t), stats);
  }
  const auto left = [&](kernel::HouseholdId lo, kernel::HouseholdId hi) {
    std::size_t n = 0;
    for (auto h = lo; h < hi; ++h) n += pop.income[h] != Income::Welfare ? 1 : 0;
    return n;
  };
  EXPECT_GT(left(0, kN / 2), 3 * left(kN / 2, kN));
  EXPECT_GT(stats.welfare_exits[0], stats.welfare_exits[6]);
  EXPECT_EQ(stats.welfare_at_risk[0] + stats.welfare_at_risk[6], on_welfare_months);
}

TEST_F(DynamicsTest, JobLossOnlyHitsHouseholdsInWork) {
  for (kernel::HouseholdId h = 0; h < kN / 2; ++h) pop.income[h] = Income::Work;
  def.life_events.job_loss.hazard = 0.05;
  for (kernel::Month t = 0; t < 6; ++t) life_events(pop, HouseholdRange{0, kN}, def.life_events, ctx(t));
  EXPECT_GT(count([&](auto h) { return h < kN / 2 && pop.income[h] == Income::Unemployed; }), 1000U);
  EXPECT_EQ(count([&](auto h) { return h >= kN / 2 && pop.income[h] == Income::Unemployed; }), 0U);
}

TEST_F(DynamicsTest, AFinishedNursingHomeStayMakesRoomForAHouseholdOfTheSameType) {
  for (kernel::HouseholdId h = 0; h < kN; ++h) {
    pop.type[h] = HouseholdType::Elderly;
    pop.intramural[h] = Intramural::NursingHome;
  }
  def.escalation.nursing_home_ends = 1.0;
  escalate(pop, HouseholdRange{0, kN}, def, popdef, ctx(0));
  EXPECT_EQ(count([&](auto h) { return pop.events[h] & kRenewed; }), kN);
  EXPECT_EQ(count([&](auto h) { return pop.type[h] == HouseholdType::Elderly; }), kN);
  EXPECT_EQ(count([&](auto h) { return pop.intramural[h] == Intramural::NursingHome; }), 0U);
}

TEST(MonthlyHazard, CompoundsToTheYearlyFigure) {
  for (double yearly : {0.0, 0.1, 0.4, 0.9}) {
    const double m = monthly_hazard(yearly);
    EXPECT_NEAR(1.0 - std::pow(1.0 - m, 12.0), yearly, 1e-12);
  }
}

}  // namespace
}  // namespace wijksim::agents
