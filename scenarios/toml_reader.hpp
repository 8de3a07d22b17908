#pragma once
// Internal to the loader: reading TOML into a ScenarioDef by walking the Defs' visit lists.
// Only the loader's source files include this header (it pulls in toml++).
#include <string_view>

#include <toml++/toml.h>

#include "scenarios/loader_detail.hpp"
#include "scenarios/scenario_def.hpp"

namespace wijksim::scenarios::detail {

/// Origin of a TOML node (line 0 for overrides, whose line means nothing to the user).
Origin origin_of(const toml::source_region& source);

/// Read every key of `root` into `def`, which keeps its values for absent keys; unknown keys are errors.
void read_tree(const toml::table& root, ScenarioDef& def, Origins& origins);

/// Set one dotted key of `def` (numeric segments index arrays) to `value`.
void read_override(std::string_view dotted_key, const toml::node& value, ScenarioDef& def, Origins& origins);

}  // namespace wijksim::scenarios::detail
