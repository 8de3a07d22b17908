#include "services/referral_graph.hpp"

#include <boost/graph/graphviz.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <sstream>

namespace wijksim::services {

namespace {

using Vertex = ReferralGraph::vertex_descriptor;

/// Escalation sinks (red states of the escalation ladders, docs/MODEL.md §6.3) and the partners that raise them.
enum Sink : std::size_t { kHousingCorporation, kEviction, kShelter, kSupervision, kPlacement, kAdmission,
                          kNursingHome, kPolice, kDetention, kSinkCount };
constexpr std::array<std::string_view, kSinkCount> kSinkNames{
    "housing_corporation", "eviction", "shelter", "supervision_order", "out_of_home_placement",
    "mental_health_admission", "nursing_home", "police_justice", "detention"};

/// Youth-law and Wmo trajectories: the ones a mandate lets a team grant on the spot [S002].
constexpr std::array<Trajectory, 4> kMandateTrajectories{Trajectory::YouthAmbulatory, Trajectory::WmoHouseholdHelp,
                                                         Trajectory::WmoDayActivities, Trajectory::WmoIndividualSupport};

}  // namespace

ReferralGraph build_referral_graph(const std::vector<TeamDef>& teams, const agents::EscalationDef& e) {
  ReferralGraph g;
  std::vector<Vertex> team_v, provider_v, sink_v;
  for (std::size_t i = 0; i < teams.size(); ++i) team_v.push_back(add_vertex({NodeKind::Team, teams[i].name, i}, g));
  for (std::size_t t = 0; t < kTrajectoryCount; ++t)
    provider_v.push_back(add_vertex({NodeKind::Provider, std::string(kTrajectoryNames[t]), t}, g));
  for (std::size_t s = 0; s < kSinkCount; ++s)
    sink_v.push_back(add_vertex({NodeKind::Sink, std::string(kSinkNames[s]), s}, g));

  // Teams refer to every provider; with mandate the youth-law and Wmo routes become direct grants, and the
  // team can stop an eviction at the housing corporation.
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const TeamDef& team = teams[i];
    for (std::size_t t = 0; t < kTrajectoryCount; ++t) {
      const bool granted = team.mandate.enabled &&
                           std::find(kMandateTrajectories.begin(), kMandateTrajectories.end(),
                                     static_cast<Trajectory>(t)) != kMandateTrajectories.end();
      if (granted)
        add_edge(team_v[i], provider_v[t], Route{RouteKind::Mandate, 1.0, "grant"}, g);
      else
        add_edge(team_v[i], provider_v[t], Route{RouteKind::Referral, team.casework.referral_acceptance, "refer"}, g);
    }
    if (team.mandate.enabled)
      add_edge(team_v[i], sink_v[kHousingCorporation], Route{RouteKind::Mandate, team.mandate.stop_eviction, "stop eviction"}, g);
  }
  const auto ladder = [&](Vertex from, Vertex to, double hazard, const char* label) {
    add_edge(from, to, Route{RouteKind::Escalation, hazard, label}, g);
  };
  // The escalation ladders (docs/MODEL.md §6.3) (hazards per month at the step's severity).
  ladder(provider_v[static_cast<std::size_t>(Trajectory::DebtHelpLight)],
         provider_v[static_cast<std::size_t>(Trajectory::DebtRestructuring)], 1.0, "finances crisis");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::DebtRestructuring)], sink_v[kHousingCorporation],
         e.arrears[1], "rent arrears");
  ladder(sink_v[kHousingCorporation], sink_v[kEviction], e.eviction_list * e.eviction, "eviction list");
  ladder(sink_v[kEviction], sink_v[kShelter], e.supported_housing, "supported housing");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::YouthAmbulatory)], sink_v[kSupervision], e.supervision,
         "parenting crisis");
  ladder(sink_v[kSupervision], sink_v[kPlacement], e.placement, "placement");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::MentalHealthBasic)],
         provider_v[static_cast<std::size_t>(Trajectory::MentalHealthSpecialist)], 1.0, "mental-health crisis");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::MentalHealthSpecialist)], sink_v[kAdmission], e.admission,
         "admission");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::WmoHouseholdHelp)], sink_v[kNursingHome], e.nursing_home,
         "frail elderly");
  ladder(provider_v[static_cast<std::size_t>(Trajectory::GeneralSocialWork)], sink_v[kPolice], e.offence, "offence");
  ladder(sink_v[kPolice], sink_v[kDetention], e.detention_given_offence, "detention");
  return g;
}

std::string to_dot(const ReferralGraph& g, const std::string& title) {
  std::ostringstream out;
  const auto vertex_writer = [&g](std::ostream& os, Vertex v) {
    const RouteNode& n = g[v];
    const char* shape = n.kind == NodeKind::Team ? "box, style=filled, fillcolor=\"#9ecae1\""
                        : n.kind == NodeKind::Provider ? "ellipse"
                                                       : "octagon, style=filled, fillcolor=\"#fcbba1\"";
    os << fmt::format("[label=\"{}\", shape={}]", n.name, shape);
  };
  const auto edge_writer = [&g](std::ostream& os, ReferralGraph::edge_descriptor e) {
    const Route& r = g[e];
    const char* style = r.kind == RouteKind::Mandate ? "bold, color=\"#238b45\""
                        : r.kind == RouteKind::Escalation ? "dashed, color=\"#cb181d\""
                                                          : "solid";
    os << fmt::format("[label=\"{} {:.3g}\", style={}]", r.label, r.acceptance, style);
  };
  const auto graph_writer = [&title](std::ostream& os) {
    os << fmt::format("label=\"{}\";\nrankdir=LR;\n", title);
  };
  boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
  return out.str();
}

TeamRoutes routes_of(const ReferralGraph& g, std::size_t team, const CareDef& care) {
  TeamRoutes routes;
  Vertex team_v = boost::graph_traits<ReferralGraph>::null_vertex();
  for (const Vertex v : boost::make_iterator_range(vertices(g)))
    if (g[v].kind == NodeKind::Team && g[v].index == team) team_v = v;
  if (team_v == boost::graph_traits<ReferralGraph>::null_vertex()) return routes;
  for (const auto e : boost::make_iterator_range(out_edges(team_v, g))) {
    const RouteNode& to = g[target(e, g)];
    const Route& r = g[e];
    if (to.kind == NodeKind::Sink && r.kind == RouteKind::Mandate) routes.stops_evictions = true;
    if (to.kind != NodeKind::Provider) continue;
    if (r.kind == RouteKind::Mandate) routes.mandate |= static_cast<std::uint16_t>(1U << to.index);
    // Re-integration is for welfare clients only: a team sends participation problems to day activities.
    if (static_cast<Trajectory>(to.index) == Trajectory::Reintegration) continue;
    const std::size_t d = agents::domain_index(care.trajectories[to.index].domain);
    if (!routes.provider[d] || static_cast<std::size_t>(*routes.provider[d]) > to.index) {
      routes.provider[d] = static_cast<Trajectory>(to.index);
      routes.acceptance[d] = r.kind == RouteKind::Mandate ? 1.0 : r.acceptance;
    }
  }
  return routes;
}

}  // namespace wijksim::services
