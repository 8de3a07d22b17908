#pragma once
// The problem level, derived from a household's state exactly as [S004 §2.2] defines it (docs/MODEL.md §5):
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
inline bool escalated(const Population& p, kernel::HouseholdId h) {
  return p.housing[h] == Housing::Evicted || p.youth[h] == YouthEscalation::Placement ||
         p.intramural[h] != Intramural::None;
}

namespace detail {
/// Burden a household can carry.
inline double carried(const Population& p, kernel::HouseholdId h, const LevelDef& def) {
  return def.threshold + def.capacity_weight * unit_from_byte(p.capacity[h]) +
         def.network_weight * unit_from_byte(p.network[h]);
}
/// Burden of living on a benefit.
inline double benefit_burden(const Population& p, kernel::HouseholdId h, const LevelDef& def) {
  return p.income[h] == Income::Welfare || p.income[h] == Income::Unemployed ? def.benefit_burden : 0.0;
}
}  // namespace detail

/// The household's problem level now (inline: it runs for every household every month).
inline Level level_of(const Population& p, kernel::HouseholdId h, const LevelDef& def) {
  if (escalated(p, h)) return Level::Red;
  std::uint32_t problems = 0, crises = 0;
  double burden = detail::benefit_burden(p, h, def);
  for (const auto& column : p.severity) {
    const std::uint8_t s = column[h];
    problems += s >= 1 ? 1U : 0U;
    crises += s == kMaxSeverity ? 1U : 0U;
    burden += def.burden[s];
  }
  if (crises >= def.crisis_domains_red) return Level::Red;
  if (problems <= 1) return Level::Green;
  return burden <= detail::carried(p, h, def) ? Level::LightOrange : Level::Orange;
}


}  // namespace wijksim::agents
