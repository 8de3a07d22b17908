#pragma once
// A workshop script for presenter mode (`--script workshop.toml`): steps that apply when the simulation reaches
// their month: pause, show a caption, switch the panels shown, switch the team or the mandate, set FTE, change
// the language. The file format is documented in README.md (wijksim-viz, presenter mode).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "viz/labels.hpp"

namespace wijksim::viz {

/// What presenter mode shows in a slot.
enum class PanelKind : std::uint8_t { Flows, Services, Money, OverTime, JCurve };
/// Names as in scripts: flows, services, money, over_time, j_curve.
std::optional<PanelKind> panel_from_name(std::string_view name);
std::string_view panel_name(PanelKind kind);

struct ScriptStep {
  std::uint32_t month = 0;             ///< applies when this many months have been simulated
  std::optional<std::string> caption;  ///< shown in presenter mode's caption line ("" clears it)
  bool pause = false;                  ///< stop playing (Space goes on)
  std::vector<PanelKind> panels;       ///< one or two; empty: unchanged
  std::optional<bool> team, mandate, present, split;
  std::optional<std::size_t> side;     ///< the controls act on A (0) or B (1)
  std::optional<double> fte;
  std::optional<Lang> lang;
};

/// Bad script input: the message names the file, line and key.
class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Read a script: `[[step]]` tables with month (required), caption, pause, panels, split, side, team, mandate,
/// fte, lang, present; months in order. Throws ScriptError.
std::vector<ScriptStep> load_script(const std::filesystem::path& file);

}  // namespace wijksim::viz
