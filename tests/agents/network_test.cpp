#include "agents/network.hpp"

#include <gtest/gtest.h>

#include "common/fixtures.hpp"

namespace wijksim::agents {
namespace {

TEST(SocialNetwork, TiesAreSymmetricWithoutSelfLoops) {
  const auto scenario = testing::small_scenario(5000);
  const auto hoods = place_neighbourhoods(scenario.population, scenario.run.households);
  const SocialGraph g = build_social_network(scenario.network, hoods, kernel::Rng(3, 0));
  ASSERT_EQ(boost::num_vertices(g), 5000U);
  std::size_t local = 0, all = 0;
  for (std::uint32_t v = 0; v < 5000; ++v) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const auto w = boost::target(e, g);
      EXPECT_NE(v, w);
      EXPECT_TRUE(boost::edge(w, v, g).second) << v << "->" << w;
      const auto hood = [&](std::uint32_t h) { return h < hoods.end(0) ? 0 : (h < hoods.end(1) ? 1 : 2); };
      local += hood(v) == hood(w) ? 1 : 0;
      ++all;
    }
  }
  EXPECT_NEAR(static_cast<double>(all) / 5000.0, scenario.network.mean_ties, 0.3);
  EXPECT_GT(static_cast<double>(local) / static_cast<double>(all), scenario.network.within_neighbourhood);
}

TEST(SocialNetwork, StrengthGrowsWithSupportiveTies) {
  const auto scenario = testing::small_scenario(3000);
  const auto hoods = place_neighbourhoods(scenario.population, scenario.run.households);
  const SocialGraph g = build_social_network(scenario.network, hoods, kernel::Rng(4, 0));
  Population pop(3000);
  update_network_strength(pop, g, scenario.network);  // everyone green: every tie supports
  const auto before = pop.network;
  for (auto& l : pop.last_level) l = Level::Red;      // nobody can support
  update_network_strength(pop, g, scenario.network);
  for (std::uint32_t h = 0; h < 3000; ++h) {
    EXPECT_EQ(pop.network[h], 0);
    if (boost::out_degree(h, g) > 0) {
      EXPECT_GT(before[h], 0);
    }
  }
  EXPECT_LT(graph_bytes_per_household(g), 60.0);
}

}  // namespace
}  // namespace wijksim::agents
