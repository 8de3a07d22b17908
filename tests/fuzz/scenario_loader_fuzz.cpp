// libFuzzer over the scenario loader: whatever the bytes, loading gives a scenario or a ScenarioError; never a
// crash, a hang, unbounded memory or another exception (libFuzzer reports each of those). The input is the text
// of a scenario file; after a NUL byte, each further NUL-separated part is a `--set` override.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t end = input.find('\0');
  const std::string_view text = input.substr(0, end);
  std::vector<std::string> overrides;
  for (std::size_t start = end; start != std::string_view::npos && start < input.size();) {
    const std::size_t next = input.find('\0', start + 1);
    overrides.emplace_back(input.substr(start + 1, next == std::string_view::npos ? next : next - start - 1));
    start = next;
  }
  try {
    wijksim::scenarios::load_scenario_text(text, "fuzz.toml", overrides);
  } catch (const wijksim::scenarios::ScenarioError&) {
    // bad input, reported as it should be
  }
  return 0;
}
