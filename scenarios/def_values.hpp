#pragma once
// Numbers of a scenario by dotted key (as for --set), and scenario files that set a few of them on top of another
// scenario: what `wijksim calibrate --fit` reads and writes.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::scenarios {

/// A numeric setting: its value (one number) or values (a list), and its allowed range.
struct Numbers {
  std::vector<double> values;
  kernel::Range range{0.0, 0.0};
  bool list = false;
};

/// The numeric setting at `key` (`care.debt_help_light.start`, `teams.0.fte`, `dynamics.finances.improve`), or none
/// when there is no such number.
std::optional<Numbers> numbers_at(const ScenarioDef& def, std::string_view key);

/// Sets the numeric setting at `key` to `values` (one value for a number, as many as it holds for a list), each
/// clamped to the setting's range and rounded for whole-number settings. False when there is no such number.
bool set_numbers(ScenarioDef& def, std::string_view key, std::span<const double> values);

/// A scenario file: the comment lines of `header`, `extends = "<extends>"`, `name = "<name>"`, then each (key,
/// value) as `key = value` with the value written as a TOML number or array of numbers.
std::string overrides_file(std::string_view header, std::string_view extends, std::string_view name,
                           std::span<const std::pair<std::string, std::vector<double>>> values);

}  // namespace wijksim::scenarios
