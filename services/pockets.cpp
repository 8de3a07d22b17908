#include "services/pockets.hpp"

namespace wijksim::services {

std::optional<Pocket> pocket_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kPocketCount; ++i)
    if (kPocketNames[i] == name) return static_cast<Pocket>(i);
  return std::nullopt;
}

}  // namespace wijksim::services
