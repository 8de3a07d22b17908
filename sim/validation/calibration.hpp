#pragma once
// Calibration of the zero alternative: each target of the scenario's [calibration] table beside the
// simulated value.
#include <string>
#include <vector>

#include "sim/engine/world.hpp"

namespace wijksim::sim {

struct CalibrationResult {
  std::string name;     ///< target name, as in [calibration.<name>]
  double low = 0.0;     ///< accepted range
  double high = 0.0;
  double simulated = 0.0;
  std::string source;   ///< sourcebook tag
  bool ok = false;
};

/// Every enabled target of the world's scenario, evaluated on its finished run.
std::vector<CalibrationResult> calibrate(const World& world);

/// The results as a JSON array of {name, target_low, target_high, simulated, source, ok}.
std::string calibration_json(const std::vector<CalibrationResult>& results);
/// The results as an aligned text table.
std::string calibration_table(const std::vector<CalibrationResult>& results);

}  // namespace wijksim::sim
