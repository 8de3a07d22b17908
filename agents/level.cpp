#include "agents/level.hpp"

namespace wijksim::agents {

bool self_reliant(const Population& p, sim::HouseholdId h, const LevelDef& def) {
  double burden = detail::benefit_burden(p, h, def);
  for (const auto& column : p.severity) burden += def.burden[column[h]];
  return burden <= detail::carried(p, h, def);
}

}  // namespace wijksim::agents
