#pragma once
// Internal to the loader's source files: where values came from, text helpers for keys, numbers and
// strings, name suggestions and the cross-field checks. No toml++ here.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "scenarios/scenario_def.hpp"

namespace wijksim::scenarios::detail {

/// File name used in errors about command-line overrides.
inline constexpr std::string_view kOverrideFile = "--set";

/// Where a value came from.
struct Origin {
  std::string file;        ///< scenario file or `--set`
  std::uint32_t line = 0;  ///< 1-based line, 0 if unknown
};

/// Origin of every value read, by dotted key; keys left at their code default are absent.
using Origins = std::map<std::string, Origin, std::less<>>;

/// A scenario file's text, read within the limits of loader.hpp.
struct FileText {
  std::string text;
  bool read = false;     ///< the text is there
  bool missing = false;  ///< no such file (the shipped default may stand in for it)
  std::string problem;   ///< why it was not read (without the file's name)
};
/// Read a scenario file: only a regular file outside /proc and /sys, of at most limits::kFileBytes, is opened
/// (without blocking) and read.
FileText read_scenario_file(const std::filesystem::path& file);
/// Refuse a text (a ScenarioError naming `name` and the line) with a NUL byte, or beyond the limits on size, line
/// length, dotted key parts or nesting; toml++ never sees such a text.
void check_scenario_text(std::string_view text, const std::string& name);

/// Throw a ScenarioError at an origin.
[[noreturn]] void fail(const Origin& origin, std::string key, std::string message);

/// `path.key`, or `key` at the top level.
std::string join_key(std::string_view path, std::string_view key);
/// `path.index`: an element of an array.
std::string element_key(std::string_view path, std::size_t index);
/// `items` joined with a separator.
std::string join(std::span<const std::string> items, std::string_view separator);

/// Shortest text that reads back as x; integral values below 1e15 without exponent.
std::string format_number(double x);
/// A TOML float literal for x (always reads back as a float, and as exactly x).
std::string toml_float(double x);
/// A TOML basic string literal for s, quoted and escaped.
std::string toml_string(std::string_view s);
/// A TOML string value for s: a basic string, or for a long one a multi-line basic string cut into lines of about
/// kTextLineBytes with line-ending backslashes (which read back as nothing), so no line nears limits::kLineBytes.
std::string toml_text(std::string_view s);
inline constexpr std::size_t kTextLineBytes = 1000;
/// A TOML key: bare if possible, quoted otherwise.
std::string toml_key(std::string_view key);

/// The known name closest to `name` by edit distance, if within max(2, length/3); ties go to the first.
std::optional<std::string> closest_name(std::string_view name, std::span<const std::string> known);

/// Checks that involve more than one field; errors point at the origin of the offending key (or `file`).
void check_scenario(ScenarioDef& def, const Origins& origins, const std::string& file);

}  // namespace wijksim::scenarios::detail
