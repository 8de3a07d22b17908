#include "services/referral_graph.hpp"

#include <gtest/gtest.h>

namespace wijksim::services {
namespace {

std::size_t count_routes(const ReferralGraph& g, RouteKind kind) {
  std::size_t n = 0;
  for (const auto e : boost::make_iterator_range(edges(g))) n += g[e].kind == kind ? 1 : 0;
  return n;
}

TEST(ReferralGraph, TeamsReferToEveryProviderAndLaddersArePaths) {
  std::vector<TeamDef> teams(2);
  teams[1].name = "crisis";
  const ReferralGraph g = build_referral_graph(teams, agents::EscalationDef{});
  EXPECT_EQ(num_vertices(g), 2 + kTrajectoryCount + 9);
  EXPECT_EQ(count_routes(g, RouteKind::Referral), 2 * kTrajectoryCount);
  EXPECT_EQ(count_routes(g, RouteKind::Mandate), 0U);
  EXPECT_EQ(count_routes(g, RouteKind::Escalation), 11U);
  // The eviction ladder: housing corporation -> eviction -> shelter.
  std::vector<std::string> ladder;
  for (const auto e : boost::make_iterator_range(edges(g)))
    if (g[e].kind == RouteKind::Escalation && g[source(e, g)].name == "housing_corporation")
      ladder.push_back(g[target(e, g)].name);
  EXPECT_EQ(ladder, std::vector<std::string>{"eviction"});
}

TEST(ReferralGraph, MandateAddsGrantsAndStopsEvictions) {
  std::vector<TeamDef> teams(1);
  teams[0].mandate.enabled = true;
  const ReferralGraph g = build_referral_graph(teams, agents::EscalationDef{});
  // Youth-law and Wmo trajectories are granted; the rest stay referrals; one edge stops evictions.
  EXPECT_EQ(count_routes(g, RouteKind::Mandate), 4U + 1U);
  const TeamRoutes r = routes_of(g, 0, CareDef{});
  const auto bit = [](Trajectory t) { return 1U << static_cast<unsigned>(t); };
  EXPECT_EQ(r.mandate, bit(Trajectory::YouthAmbulatory) | bit(Trajectory::WmoHouseholdHelp) |
                           bit(Trajectory::WmoDayActivities) | bit(Trajectory::WmoIndividualSupport));
  EXPECT_TRUE(r.stops_evictions);
  EXPECT_DOUBLE_EQ(r.acceptance[agents::index(agents::Domain::Parenting)], 1.0);
}

TEST(ReferralGraph, RoutesSendEachDomainToItsFirstProvider) {
  std::vector<TeamDef> teams(1);
  teams[0].casework.referral_acceptance = 0.6;
  const TeamRoutes r = routes_of(build_referral_graph(teams, agents::EscalationDef{}), 0, CareDef{});
  using agents::Domain;
  EXPECT_EQ(r.provider[agents::index(Domain::Finances)], Trajectory::DebtHelpLight);
  EXPECT_EQ(r.provider[agents::index(Domain::Parenting)], Trajectory::YouthAmbulatory);
  EXPECT_EQ(r.provider[agents::index(Domain::Participation)], Trajectory::WmoDayActivities);  // not re-integration
  EXPECT_EQ(r.provider[agents::index(Domain::MentalHealth)], Trajectory::MentalHealthBasic);
  EXPECT_EQ(r.provider[agents::index(Domain::Health)], Trajectory::WmoHouseholdHelp);
  EXPECT_FALSE(r.provider[agents::index(Domain::Housing)].has_value());
  EXPECT_DOUBLE_EQ(r.acceptance[agents::index(Domain::Finances)], 0.6);
  EXPECT_EQ(r.mandate, 0U);
  EXPECT_FALSE(r.stops_evictions);
}

TEST(ReferralGraph, DotNamesEveryVertexAndEdge) {
  std::vector<TeamDef> teams(1);
  teams[0].mandate.enabled = true;
  const ReferralGraph g = build_referral_graph(teams, agents::EscalationDef{});
  const std::string dot = to_dot(g, "test");
  EXPECT_EQ(dot.rfind("digraph G {", 0), 0U);
  for (const auto v : boost::make_iterator_range(vertices(g)))
    EXPECT_NE(dot.find("label=\"" + g[v].name + "\""), std::string::npos) << g[v].name;
  std::size_t arrows = 0;
  for (std::size_t at = dot.find("->"); at != std::string::npos; at = dot.find("->", at + 2)) ++arrows;
  EXPECT_EQ(arrows, num_edges(g));
  EXPECT_NE(dot.find("stop eviction"), std::string::npos);
}

}  // namespace
}  // namespace wijksim::services
