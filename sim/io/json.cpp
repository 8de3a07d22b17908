#include "sim/io/json.hpp"

#include <cmath>
#include <cstdint>

namespace wijksim::sim {

Json json_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  // Below 1e16 a whole number has an exact int64 and is printed without exponent or decimals.
  if (x == std::trunc(x) && std::abs(x) < 1e16) return static_cast<std::int64_t>(x);
  return x;
}

std::string json_text(const Json& value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace wijksim::sim
