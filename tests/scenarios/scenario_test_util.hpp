#pragma once
// Helpers shared by the scenario loader tests.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>

#include "scenarios/loader.hpp"

namespace wijksim::scenarios::testing {

/// Path of a fixture in tests/data/scenarios.
inline std::string fixture(std::string_view name) {
  return std::string(WIJKSIM_TEST_DATA "/scenarios/") + std::string(name);
}

/// Path of a shipped scenario in scenarios/.
inline std::string shipped(std::string_view name) { return std::string(WIJKSIM_SCENARIO_DIR "/") + std::string(name); }

/// The whole text of a file.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The ScenarioError thrown by `load` (a test failure if none is thrown).
inline ScenarioError error_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return ScenarioError("", 0, "", "");
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// The error names the file (by its last part), the line and the key, and its message contains `message`;
/// what() reads `FILE:LINE: KEY: MESSAGE`.
inline void expect_error(const ScenarioError& e, std::string_view file, std::uint32_t line, std::string_view key,
                         std::string_view message) {
  const std::string what = e.what();
  EXPECT_TRUE(e.file.ends_with(file)) << e.file;
  EXPECT_EQ(e.line, line) << what;
  EXPECT_EQ(e.key, key) << what;
  EXPECT_TRUE(contains(e.message, message)) << what;
  const std::string location = line > 0 ? std::string(file) + ":" + std::to_string(line) : std::string(file);
  const std::string prefix = location + ": " + (key.empty() ? "" : std::string(key) + ": ");
  EXPECT_TRUE(contains(what, prefix)) << what << "\n  does not contain " << prefix;
  EXPECT_TRUE(what.ends_with(e.message)) << what;
}

}  // namespace wijksim::scenarios::testing
