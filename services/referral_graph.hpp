#pragma once
// The referral graph (docs/MODEL.md §12): teams, providers and escalation sinks as vertices; referral,
// mandate and escalation routes as edges. Teams refer along their out-edges; escalation ladders are paths.
#include <boost/graph/adjacency_list.hpp>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "agents/agents_def.hpp"
#include "services/care_def.hpp"
#include "services/team_def.hpp"

namespace wijksim::services {

enum class NodeKind : std::uint8_t { Team, Provider, Sink };
enum class RouteKind : std::uint8_t {
  Referral,    ///< a team refers; the household joins the provider's list, accepted with `acceptance`
  Mandate,     ///< only a team with mandate: granted on the spot, no list
  Escalation,  ///< a ladder step, taken with hazard `acceptance` per month
};

struct RouteNode {
  NodeKind kind = NodeKind::Sink;
  std::string name;
  std::size_t index = 0;  ///< team index, Trajectory, or sink number
};

struct Route {
  RouteKind kind = RouteKind::Referral;
  double acceptance = 1.0;  ///< referral: chance of acceptance; escalation: hazard per month
  std::string label;
};

using ReferralGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, RouteNode, Route>;

/// Build the graph of a scenario's teams and providers with the escalation ladders of `escalation`.
ReferralGraph build_referral_graph(const std::vector<TeamDef>& teams, const agents::EscalationDef& escalation);

/// Graphviz DOT text of the graph.
std::string to_dot(const ReferralGraph& g, const std::string& title);

/// Where a team sends a problem in each domain, read from its out-edges.
struct TeamRoutes {
  std::array<std::optional<Trajectory>, agents::kDomainCount> provider{};  ///< first provider working on the domain
  std::array<double, agents::kDomainCount> acceptance{};
  std::uint16_t mandate = 0;      ///< trajectories the team may grant on the spot (bit per Trajectory)
  bool stops_evictions = false;   ///< mandate edge to the eviction sink
};
TeamRoutes routes_of(const ReferralGraph& g, std::size_t team, const CareDef& care);

}  // namespace wijksim::services
