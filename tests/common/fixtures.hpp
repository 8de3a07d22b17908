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

}  // namespace wijksim::testing
