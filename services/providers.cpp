#include "services/providers.hpp"

#include <algorithm>

namespace wijksim::services {

namespace {

constexpr std::uint16_t bit(Trajectory t) { return static_cast<std::uint16_t>(1U << static_cast<unsigned>(t)); }
constexpr std::uint16_t bit(std::size_t t) { return static_cast<std::uint16_t>(1U << t); }

}  // namespace

Providers::Providers(const ProvidersDef& def) {
  for (std::size_t t = 0; t < kTrajectoryCount; ++t) capacity_[t] = def.providers[t].capacity;
}

void Providers::shrink(Trajectory t, std::uint32_t places) {
  auto& c = capacity_[static_cast<std::size_t>(t)];
  if (c == 0) return;  // unlimited: nothing to shrink (the loader rejects this combination)
  c = c > places ? c - places : 1U;
}

std::size_t Providers::waiting(Trajectory t) const { return lists_[static_cast<std::size_t>(t)].size(); }

void Providers::enqueue(const agents::Population& pop, const ProviderInbox& inbox) {
  // Entries of households that gave up or left since they joined are dropped first, so a household that
  // asks again joins at the back.
  for (std::size_t t = 0; t < kTrajectoryCount; ++t) {
    auto& list = lists_[t];
    std::erase_if(list, [&](kernel::HouseholdId h) { return (pop.waiting[h] & bit(t)) == 0; });
  }
  for (const CareRequest& r : inbox.requests) lists_[r.trajectory].push_back(r.h);
  granted_.fill(0);
}

bool Providers::request(agents::Population& pop, kernel::HouseholdId h, Trajectory t) {
  const auto b = bit(t);
  if ((pop.care[h] | pop.waiting[h]) & b) return false;
  if (capacity(t) == 0) {
    pop.care[h] |= b;
    return true;
  }
  pop.waiting[h] |= b;
  lists_[static_cast<std::size_t>(t)].push_back(h);
  return false;
}

void Providers::grant(agents::Population& pop, kernel::HouseholdId h, Trajectory t) {
  const auto b = bit(t);
  if (pop.care[h] & b) return;
  pop.waiting[h] &= static_cast<std::uint16_t>(~b);  // its list entry is skipped when reached
  pop.care[h] |= b;
  ++granted_[static_cast<std::size_t>(t)];
}

void Providers::serve(agents::Population& pop, const ProviderInbox& inbox) {
  for (std::size_t t = 0; t < kTrajectoryCount; ++t) {
    ProviderMonth& m = month_[t];
    m = ProviderMonth{};
    m.capacity = capacity_[t];
    m.dropped = inbox.dropped[t];
    std::int64_t running = inbox.running[t] + granted_[t];
    auto& list = lists_[t];
    while (capacity_[t] > 0 && running < capacity_[t] && !list.empty()) {
      const kernel::HouseholdId h = list.front();
      list.pop_front();
      if ((pop.waiting[h] & bit(t)) == 0) continue;  // gave up, left or was granted meanwhile
      pop.waiting[h] &= static_cast<std::uint16_t>(~bit(t));
      pop.care[h] |= bit(t);
      ++running;
      ++m.admitted;
    }
    std::erase_if(list, [&](kernel::HouseholdId h) { return (pop.waiting[h] & bit(t)) == 0; });
    m.running = running;
    m.waiting = static_cast<std::int64_t>(list.size());
  }
}

}  // namespace wijksim::services
