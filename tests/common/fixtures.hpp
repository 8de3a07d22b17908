#pragma once
// Shared test fixtures: small scenarios built from the code defaults (no TOML needed).
#include "scenarios/scenario_def.hpp"

namespace wijksim::testing {

/// The code-default scenario with three neighbourhoods, shrunk to n households and m months.
inline scenarios::ScenarioDef small_scenario(std::uint32_t households = 2000, std::uint32_t months = 24) {
  scenarios::ScenarioDef def;
  def.population.neighbourhoods = {{"A", 0.5, 0.1}, {"B", 0.3, 0.4}, {"C", 0.2, 0.8}};
  def.run.households = households;
  def.run.months = months;
  def.run.warmup_months = 12;
  def.run.seed = 12345;
  return def;
}

/// small_scenario with one neighbourhood team of the code defaults serving every neighbourhood, a short
/// warm-up, and no staff turnover (so capacity follows the settings alone).
inline scenarios::ScenarioDef small_team_scenario(std::uint32_t households = 5000, std::uint32_t months = 24,
                                                  double fte = 4.0) {
  scenarios::ScenarioDef def = small_scenario(households, months);
  def.name = "small_team";
  def.run.warmup_months = 24;
  services::TeamDef team;
  team.fte = fte;
  team.turnover.yearly = 0.0;
  def.teams.push_back(team);
  return def;
}

}  // namespace wijksim::testing
