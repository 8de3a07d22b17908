#pragma once
// `wijksim calibrate --fit`: multiplies chosen hazards of a scenario by factors that bring its calibration targets
// within range (docs/MODEL.md §9), searched with NLopt's Subplex on the logarithms of the factors.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/validation/calibration.hpp"

namespace wijksim::sim {

/// A setting the fit may change: a number or list of numbers of the scenario (as for --set), multiplied by one factor
/// between `low` and `high` (every entry of a list by the same factor).
struct FreeSetting {
  std::string key;
  double low = 0.25;
  double high = 4.0;
};

/// The hazards `calibrate --fit` frees when none are named: care start hazards, welfare entry, the eviction and youth
/// ladders and the eviction's shock (docs/MODEL.md §9).
std::vector<FreeSetting> default_free_settings();

/// Parses `key`, `key=low:high` (factor bounds); throws std::invalid_argument with the text on a bad one.
FreeSetting parse_free_setting(const std::string& text);

/// Throws std::invalid_argument (naming the key) for a free setting that names no number of `def`, or one that is 0.
void check_free_settings(const scenarios::ScenarioDef& def, const std::vector<FreeSetting>& free);

/// How far the results lie from their targets: the sum over targets of the squared distance outside the range in
/// range widths, plus a small pull (0.02 per squared width) towards the middle; a missing value counts 100.
double calibration_loss(const std::vector<CalibrationResult>& results);

struct FitResult {
  scenarios::ScenarioDef fitted;                                    ///< the scenario with the fitted values
  std::vector<std::pair<std::string, std::vector<double>>> values;  ///< each free setting's fitted values
  std::vector<double> factors;                                      ///< the factor of each free setting
  std::vector<CalibrationResult> results;                           ///< calibration of the fitted scenario
  double loss = 0.0;
  std::uint32_t evaluations = 0;
};

/// Searches factors of the free settings that minimise calibration_loss for `def` (each evaluation one calibration
/// run with the scenario's seed, so the search is deterministic), at most `evaluations` runs; stops early when every
/// target holds and the loss no longer improves. `progress(evaluations done, best loss)` after each run. Throws
/// std::invalid_argument for a key that names no number.
FitResult fit_scenario(const scenarios::ScenarioDef& def, const std::vector<FreeSetting>& free, std::uint32_t evaluations,
                       unsigned threads, const std::function<void(std::uint32_t, double)>& progress = {});

/// The scenario file that holds a fit: a header with the fit's residuals (each target, its range and the fitted
/// value), `extends` the fitted file, and the fitted values.
std::string fit_file(const FitResult& fit, const std::string& extends, const std::string& name);

}  // namespace wijksim::sim
