#pragma once
// Small helpers to write JSON by hand (the outputs are flat; no JSON library needed).
#include <string>
#include <string_view>

namespace wijksim::sim {

/// A JSON string literal with escapes.
std::string json_string(std::string_view s);
/// A JSON number: shortest round-trip form; non-finite numbers become null.
std::string json_number(double x);

}  // namespace wijksim::sim
