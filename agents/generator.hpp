#pragma once
// Population generation: neighbourhoods, types, sizes, traits, income, initial problems.
#include <optional>
#include <vector>

#include "agents/agents_def.hpp"
#include "agents/population.hpp"
#include "sim/kernel/rng.hpp"

namespace wijksim::agents {

/// Neighbourhoods as contiguous id ranges with their deprivation (households of a neighbourhood are
/// adjacent, so outputs and network ties can address them by range).
struct Neighbourhoods {
  std::vector<kernel::HouseholdId> first;  ///< first household of each neighbourhood; first.back() sentinel = N
  std::vector<double> deprivation;      ///< 0..1 per neighbourhood

  std::size_t count() const { return deprivation.size(); }
  kernel::HouseholdId begin(std::size_t n) const { return first[n]; }
  kernel::HouseholdId end(std::size_t n) const { return first[n + 1]; }
};

/// Split n households over the neighbourhoods by their shares (largest remainder, exact).
Neighbourhoods place_neighbourhoods(const PopulationDef& def, std::size_t n);

/// Generate every household of the population. Reads PopulationDef and the domains' type factors;
/// writes every column except network (see network.hpp).
Population generate_population(const PopulationDef& def, const DynamicsDef& dynamics, const Neighbourhoods& hoods,
                               const kernel::Rng& rng);

/// (Re)initialise one household in place from its draw stream; used at generation and when a new household
/// takes the place of a dissolved one. Leaves the bookkeeping columns last_level, cost_year and laws alone,
/// so a renewal counts as a flow from the old household's level and the place's year stays on the books.
/// A new household in a renewed place keeps the type of the one before (a home for the elderly goes to
/// elderly), so the mix of types stays as generated; pass std::nullopt to draw the type.
void init_household(Population& pop, kernel::HouseholdId h, const PopulationDef& def, const DynamicsDef& dynamics,
                    double deprivation, kernel::DrawStream& draws, std::optional<HouseholdType> type = std::nullopt);

}  // namespace wijksim::agents
