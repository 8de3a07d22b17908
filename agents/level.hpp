#pragma once
// The problem level, derived from a household's state exactly as SOURCEBOOK §1 defines it:
// red: escalated (evicted, child placed out of home, admitted, nursing home, detained) or in crisis in
//      crisis_domains_red or more domains;
// green: at most one domain with a problem (severity >= 1);
// light orange / orange: two or more problem domains, self-reliant or not. A household is self-reliant when
//      the burden of its domains (sum of burden[severity], plus benefit_burden when living on a benefit)
//      is at most what it can carry:
//      threshold + capacity_weight * capacity + network_weight * network (a ZRM-like reading).
#include "agents/agents_def.hpp"
#include "agents/population.hpp"

namespace wijksim::agents {

/// True when the household is in an escalated state.
inline bool escalated(const Population& p, sim::HouseholdId h) {
  return p.housing[h] == Housing::Evicted || p.youth[h] == YouthEscalation::Placement ||
         p.intramural[h] != Intramural::None;
}

/// True when the household can carry its problems itself (ZRM-like self-reliance).
bool self_reliant(const Population& p, sim::HouseholdId h, const LevelDef& def);

/// The household's problem level now.
Level level_of(const Population& p, sim::HouseholdId h, const LevelDef& def);

}  // namespace wijksim::agents
