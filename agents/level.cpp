#include "agents/level.hpp"

namespace wijksim::agents {

bool self_reliant(const Population& p, sim::HouseholdId h, const LevelDef& def) {
  double burden = 0.0;
  for (const auto& column : p.severity) burden += def.burden[column[h]];
  if (p.income[h] == Income::Welfare || p.income[h] == Income::Unemployed) burden += def.benefit_burden;
  const double carried =
      def.threshold + def.capacity_weight * unit_from_byte(p.capacity[h]) + def.network_weight * unit_from_byte(p.network[h]);
  return burden <= carried;
}

Level level_of(const Population& p, sim::HouseholdId h, const LevelDef& def) {
  if (escalated(p, h)) return Level::Red;
  std::uint32_t problems = 0, crises = 0;
  for (const auto& column : p.severity) {
    problems += column[h] >= 1 ? 1U : 0U;
    crises += column[h] == kMaxSeverity ? 1U : 0U;
  }
  if (crises >= def.crisis_domains_red) return Level::Red;
  if (problems <= 1) return Level::Green;
  return self_reliant(p, h, def) ? Level::LightOrange : Level::Orange;
}

}  // namespace wijksim::agents
