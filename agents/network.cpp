#include "agents/network.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace wijksim::agents {

SocialGraph build_social_network(const NetworkDef& def, const Neighbourhoods& hoods, const kernel::Rng& rng) {
  const std::uint32_t n = hoods.first.back();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(static_cast<std::size_t>(def.mean_ties * n * 1.05) + 16);
  for (std::size_t nb = 0; nb < hoods.count(); ++nb) {
    const std::uint32_t lo = hoods.begin(nb), hi = hoods.end(nb);
    for (std::uint32_t h = lo; h < hi; ++h) {
      kernel::DrawStream draws(rng, h, 0, kernel::Purpose::Network);
      const std::uint32_t ties = kernel::poisson(draws, def.mean_ties / 2.0);
      for (std::uint32_t k = 0; k < ties; ++k) {
        const bool local = kernel::bernoulli(draws, def.within_neighbourhood);
        const std::uint32_t span = local ? hi - lo : n;
        const std::uint32_t other = (local ? lo : 0) + static_cast<std::uint32_t>(kernel::below(draws, span));
        if (other == h) continue;
        edges.emplace_back(h, other);
        edges.emplace_back(other, h);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return SocialGraph(boost::edges_are_sorted, edges.begin(), edges.end(), n);
}

void update_network_strength(Population& pop, const SocialGraph& graph, const NetworkDef& def) {
  const auto participation = index(Domain::Participation);
  for (std::uint32_t h = 0; h < pop.size(); ++h) {
    double supportive = 0.0;
    for (auto e : boost::make_iterator_range(boost::out_edges(h, graph))) {
      const auto other = boost::target(e, graph);
      const Level l = pop.last_level[other];
      if (l == Level::Green || l == Level::LightOrange) supportive += 1.0;
    }
    const double isolation = std::max(0.0, 1.0 - def.isolation_per_participation * pop.severity[participation][h]);
    supportive *= isolation;
    pop.network[h] = byte_from_unit(supportive / (supportive + def.half_strength_ties));
  }
}

double graph_bytes_per_household(const SocialGraph& graph) {
  const auto n = boost::num_vertices(graph);
  if (n == 0) return 0.0;
  const double bytes = static_cast<double>(boost::num_edges(graph) * sizeof(std::uint32_t) +
                                           (n + 1) * sizeof(std::uint32_t));
  return bytes / static_cast<double>(n);
}

}  // namespace wijksim::agents
