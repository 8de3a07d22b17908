#include "sim/engine/district_reach.hpp"

#include "scenarios/loader.hpp"
#include "services/team.hpp"
#include "sim/engine/paired.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

namespace {

// The tool's severity classes from the level: single problem (green with one problem domain), multiple and
// self-reliant (light orange), multiple and not self-reliant (orange, red); -1 for a household without problems.
int tool_severity(const agents::Population& pop, HouseholdId h) {
  switch (pop.last_level[h]) {
    case agents::Level::Green: {
      int problems = 0;
      for (const auto& column : pop.severity) problems += column[h] >= 1 ? 1 : 0;
      return problems == 1 ? 0 : -1;
    }
    case agents::Level::LightOrange: return 1;
    default: return 2;
  }
}

}  // namespace

double DistrictReach::total() const {
  double n = 0.0;
  for (const auto& type : households)
    for (const double x : type) n += x;
  return n;
}

DistrictReach district_reach(const scenarios::ScenarioDef& def) {
  if (def.teams.empty())
    throw scenarios::ScenarioError(def.name, 0, "teams", "the MKBA-tool estimate needs a team ([[teams]])");
  const services::TeamDef& team = def.teams.front();
  const scenarios::ScenarioDef zero = zero_alternative(def);
  const World world(zero, 0, 1);
  const agents::Population& pop = world.population();
  const std::uint32_t target = services::parse_name_set(team.target, agents::kLevelNames).bits;
  const services::IntakeGroup group = services::IntakeGroup::of(team.finding);
  DistrictReach reach;
  for (HouseholdId h = 0; h < pop.size(); ++h) {
    if ((target & (1U << agents::index(pop.last_level[h]))) == 0 || !group.contains(pop, h)) continue;
    if (!team.neighbourhood.empty() && def.population.neighbourhoods[pop.neighbourhood[h]].name != team.neighbourhood)
      continue;
    const int s = tool_severity(pop, h);
    if (s < 0) continue;
    reach.households[agents::index(pop.type[h])][static_cast<std::size_t>(s)] += 1.0;
  }
  return reach;
}

scenarios::ScenarioDef with_district_reach(const scenarios::ScenarioDef& def) {
  if (def.mkba_tool.reach != "district") return def;
  const DistrictReach reach = district_reach(def);
  const double n = reach.total();
  scenarios::ScenarioDef out = def;
  if (n <= 0.0) return out;
  for (std::size_t t = 0; t < scenarios::kToolTypeCount; ++t) {
    double of_type = 0.0;
    for (const double x : reach.households[t]) of_type += x;
    out.mkba_tool.type_shares[t] = of_type / n;
    if (of_type <= 0.0) continue;
    for (std::size_t s = 0; s < scenarios::kToolSeverityCount; ++s)
      out.mkba_tool.severity[t][s] = reach.households[t][s] / of_type;
  }
  return out;
}

}  // namespace wijksim::sim
