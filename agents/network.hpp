#pragma once
// The informal social network: households tied within and across neighbourhoods, held as a Boost.Graph
// compressed sparse row graph (both directions of each tie stored), vertices are HouseholdIds.
#include <cstdint>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include "agents/agents_def.hpp"
#include "agents/generator.hpp"
#include "agents/population.hpp"
#include "sim/kernel/rng.hpp"

namespace wijksim::agents {

using SocialGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                       boost::no_property, std::uint32_t, std::uint32_t>;

/// Draw the ties: each household starts Poisson(mean_ties / 2) ties, inside its neighbourhood with
/// probability within_neighbourhood, else anywhere. Reads NetworkDef; writes nothing in the population.
SocialGraph build_social_network(const NetworkDef& def, const Neighbourhoods& hoods, const kernel::Rng& rng);

/// Network strength from the ties: supportive ties are ties to households that were green or light orange
/// last month, discounted by the household's own isolation (participation severity);
/// strength = s / (s + half_strength_ties). Reads last_level, severity; writes network.
void update_network_strength(Population& pop, const SocialGraph& graph, const NetworkDef& def);

/// Bytes held by the graph per household.
double graph_bytes_per_household(const SocialGraph& graph);

}  // namespace wijksim::agents
