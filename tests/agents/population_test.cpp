#include "agents/population.hpp"

#include <gtest/gtest.h>

#include "agents/generator.hpp"
#include "common/fixtures.hpp"

namespace wijksim::agents {
namespace {

TEST(Neighbourhoods, SharesSplitHouseholdsExactly) {
  auto def = testing::small_scenario().population;
  const Neighbourhoods hoods = place_neighbourhoods(def, 1001);
  ASSERT_EQ(hoods.count(), 3U);
  EXPECT_EQ(hoods.first.back(), 1001U);
  EXPECT_EQ(hoods.end(0) - hoods.begin(0), 501U);  // 500.5 rounds up by the largest remainder
  EXPECT_EQ(hoods.end(1) - hoods.begin(1), 300U);
  EXPECT_EQ(hoods.end(2) - hoods.begin(2), 200U);
  EXPECT_DOUBLE_EQ(hoods.deprivation[2], 0.8);
}

TEST(Generator, TypesAndTraitsFollowTheScenario) {
  const auto scenario = testing::small_scenario(50000);
  const auto hoods = place_neighbourhoods(scenario.population, scenario.run.households);
  const Population pop = generate_population(scenario.population, scenario.dynamics, hoods, kernel::Rng(1, 0));
  ASSERT_EQ(pop.size(), 50000U);
  std::array<double, kTypeCount> types{};
  double pension = 0, elderly = 0, children = 0, families = 0;
  for (kernel::HouseholdId h = 0; h < pop.size(); ++h) {
    types[index(pop.type[h])] += 1;
    if (pop.type[h] == HouseholdType::Elderly) {
      elderly += 1;
      pension += pop.income[h] == Income::Pension ? 1 : 0;
    }
    if (pop.type[h] == HouseholdType::Family) {
      families += 1;
      children += pop.children[h];
      EXPECT_GE(pop.children[h], 1);
    } else {
      EXPECT_EQ(pop.children[h], 0);
      EXPECT_EQ(pop.severity[index(Domain::Parenting)][h], 0);
    }
    for (const auto& column : pop.severity) EXPECT_LE(column[h], kMaxSeverity);
  }
  for (std::size_t t = 0; t < kTypeCount; ++t)
    EXPECT_NEAR(types[t] / 50000.0, scenario.population.type_shares[t], 0.01) << kTypeNames[t];
  EXPECT_DOUBLE_EQ(pension, elderly);
  EXPECT_NEAR(children / families, scenario.population.children_mean, 0.05);
}

TEST(Generator, DeprivationRaisesProblemsAndWelfare) {
  auto scenario = testing::small_scenario(40000);
  scenario.population.neighbourhoods = {{"rich", 0.5, 0.0}, {"poor", 0.5, 1.0}};
  const auto hoods = place_neighbourhoods(scenario.population, scenario.run.households);
  const Population pop = generate_population(scenario.population, scenario.dynamics, hoods, kernel::Rng(2, 0));
  std::array<double, 2> welfare{}, serious{};
  for (kernel::HouseholdId h = 0; h < pop.size(); ++h) {
    const auto n = pop.neighbourhood[h];
    welfare[n] += pop.income[h] == Income::Welfare ? 1 : 0;
    serious[n] += pop.severity[index(Domain::Finances)][h] >= 2 ? 1 : 0;
  }
  EXPECT_GT(welfare[1], 1.5 * welfare[0]);
  EXPECT_GT(serious[1], 1.5 * serious[0]);
}

TEST(Population, StaysUnderTwoHundredBytesPerHousehold) {
  Population pop(100000);
  EXPECT_LT(pop.bytes_per_household(), 200.0);
  EXPECT_GT(pop.bytes_per_household(), 20.0);
}

}  // namespace
}  // namespace wijksim::agents
