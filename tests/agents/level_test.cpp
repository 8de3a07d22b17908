#include "agents/level.hpp"

#include <gtest/gtest.h>

namespace wijksim::agents {
namespace {

class LevelTest : public ::testing::Test {
 protected:
  Population pop{1};
  LevelDef def;
  void set(std::array<std::uint8_t, kDomainCount> sev, double capacity = 0.5, double network = 0.5) {
    for (std::size_t d = 0; d < kDomainCount; ++d) pop.severity[d][0] = sev[d];
    pop.capacity[0] = byte_from_unit(capacity);
    pop.network[0] = byte_from_unit(network);
  }
  Level level() const { return level_of(pop, 0, def); }
};

TEST_F(LevelTest, NoOrOneProblemIsGreen) {
  set({0, 0, 0, 0, 0, 0});
  EXPECT_EQ(level(), Level::Green);
  set({3, 0, 0, 0, 0, 0});
  EXPECT_EQ(level(), Level::Green);
}

TEST_F(LevelTest, TwoProblemsAreOrangeOnlyWhenTheHouseholdCannotCarryThem) {
  set({1, 0, 1, 0, 0, 0}, 0.7, 0.7);
  EXPECT_EQ(level(), Level::LightOrange);
  set({3, 0, 2, 2, 0, 0}, 0.1, 0.0);
  EXPECT_EQ(level(), Level::Orange);
  // The same problems with more capacity and network are carried.
  def.capacity_weight = 10.0;
  set({3, 0, 2, 2, 0, 0}, 1.0, 1.0);
  EXPECT_EQ(level(), Level::LightOrange);
}

TEST_F(LevelTest, EscalationOrManyCrisesAreRed) {
  set({0, 0, 0, 0, 0, 0});
  pop.housing[0] = Housing::Evicted;
  EXPECT_EQ(level(), Level::Red);
  pop.housing[0] = Housing::Housed;
  pop.youth[0] = YouthEscalation::Placement;
  EXPECT_EQ(level(), Level::Red);
  pop.youth[0] = YouthEscalation::Supervision;  // a supervision order alone is not an escalation to red
  EXPECT_EQ(level(), Level::Green);
  pop.youth[0] = YouthEscalation::None;
  pop.intramural[0] = Intramural::Detention;
  EXPECT_EQ(level(), Level::Red);
  pop.intramural[0] = Intramural::None;
  std::array<std::uint8_t, kDomainCount> crises{};
  for (std::uint32_t k = 0; k < def.crisis_domains_red; ++k) crises[k] = kMaxSeverity;
  set(crises, 1.0, 1.0);
  EXPECT_EQ(level(), Level::Red);
}

}  // namespace
}  // namespace wijksim::agents
