#pragma once
// A scenario's world stepped to the end of its horizon through the paired driver, for tests of whole runs.
#include <cstdint>

#include "scenarios/scenario_def.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::testing {

/// `def` stepped on its own (as `wijksim run` steps a scenario without teams; its teams work if it has any).
/// `def` must outlive the returned world.
inline sim::World run_world(const scenarios::ScenarioDef& def, std::uint64_t replication = 0, unsigned threads = 1) {
  sim::PairedWorlds worlds(def, {}, replication, threads);
  worlds.run();
  return worlds.zero();
}

}  // namespace wijksim::testing
