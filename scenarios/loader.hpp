#pragma once
// The one place TOML becomes a ScenarioDef. A scenario file may extend another (`extends = "x.toml"`) and
// command-line overrides (`--set key.path=value`) are applied on top; every key is checked against the
// Defs' visit lists, and every error names file, line and dotted key.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario_def.hpp"

namespace wijksim::scenarios {

/// What the loader reads at most (README, "Limits"): beyond them a file is refused before it is parsed.
namespace limits {
inline constexpr std::size_t kFileBytes = std::size_t{4} << 20;  ///< bytes of one scenario file (4 MiB)
inline constexpr std::size_t kLineBytes = 4096;                 ///< bytes of one line
inline constexpr std::size_t kKeyParts = 32;                    ///< parts of a dotted key or table header
inline constexpr std::size_t kNesting = 32;                     ///< arrays, inline tables and brackets open at once
inline constexpr std::size_t kExtends = 32;                     ///< files in an `extends` chain, the first included
}  // namespace limits

/// A scenario that cannot be loaded; what() reads `FILE:LINE: KEY: MESSAGE`, control characters escaped.
struct ScenarioError : std::runtime_error {
  ScenarioError(std::string file_name, std::uint32_t line_number, std::string dotted_key, std::string text);

  std::string file;        ///< scenario file, `--set` for overrides
  std::uint32_t line = 0;  ///< 1-based line in file, 0 if unknown
  std::string key;         ///< dotted key such as `dynamics.escalation.eviction`, "" if none
  std::string message;     ///< what is wrong, without the location
};

/// Load a scenario file, following `extends`, then apply overrides of the form `key.path=value`.
ScenarioDef load_scenario(const std::filesystem::path& file, std::span<const std::string> overrides = {});

/// Load the default scenario compiled into the binary (scenarios/default.toml), then apply overrides.
ScenarioDef load_default_scenario(std::span<const std::string> overrides = {});

/// Load a scenario from text; `name` stands for the file name in errors and locates relative `extends`.
ScenarioDef load_scenario_text(std::string_view text, const std::string& name,
                               std::span<const std::string> overrides = {});

/// An existing path as is; otherwise a shipped scenario by name (`deprived_district` or `deprived_district.toml`)
/// from ./scenarios/ or the source tree's scenarios folder. A miss names the closest shipped scenario.
std::filesystem::path resolve_scenario(std::string_view arg);

/// A scenario by file or shipped name: the file resolve_scenario finds, else the shipped scenario of that name
/// from the copy compiled into the binary (so shipped names work from any folder and any install).
ScenarioDef load_named_scenario(std::string_view arg, std::span<const std::string> overrides = {});

/// The names of the shipped scenarios (scenarios/*.toml, compiled into the binary), sorted.
std::vector<std::string> shipped_scenario_names();

/// The text of the shipped scenario `name` or `name.toml` as compiled into the binary, or none.
std::optional<std::string_view> shipped_scenario_text(std::string_view name);

/// A scenario with what `wijksim validate` reports besides its values.
struct LoadedScenario {
  ScenarioDef def;
  std::string name;                   ///< the file, or `x.toml (embedded)` for a shipped scenario's built-in copy
  std::vector<std::string> set_keys;  ///< keys a file of the chain or an override sets, as for --set (`teams.0.fte`), sorted
  std::string extends;                ///< the file's own `extends`, as written ("" = none)
  std::optional<ScenarioDef> parent;  ///< the scenario it extends (none without `extends`)
};

/// Load as load_named_scenario ("" = the embedded default), keeping the keys set and the parent scenario.
LoadedScenario load_scenario_report(std::string_view arg, std::span<const std::string> overrides = {});

/// The scenario as complete TOML, every field followed by a comment with its meaning; loads back identically.
std::string to_toml(const ScenarioDef& def);

/// Every dotted key of the schema; elements of arrays of tables appear as `population.neighbourhoods[].name`.
std::vector<std::string> scenario_keys();

}  // namespace wijksim::scenarios
