#pragma once
// Writing one's own scenario from the command line: `wijksim init` (a commented starting point) and
// `wijksim validate` (check, notes on team keys left at defaults that do nothing, and `--diff`).
#include <string>
#include <vector>

namespace wijksim::cli {

/// `wijksim validate [FILE] [--set ...] [--diff]`: the merged scenario (or, with `diff`, the keys it changes
/// against its parent and against the default), after a note for every team key left at a default that costs or
/// changes nothing.
int cmd_validate(const std::string& file, const std::vector<std::string>& sets, bool diff);

/// `wijksim init [--from NAME] [--lang nl|en] FILE`: writes FILE, a scenario extending NAME (default: the default
/// scenario) with every key of NAME commented out. FILE must not exist (exit 2, nothing written).
int cmd_init(const std::string& file, const std::string& from, const std::string& lang);

}  // namespace wijksim::cli
