#pragma once
// Providers of care as usual with a limited number of places serve their waiting lists first in, first out
// (docs/MODEL.md §11). Providers without a limit start trajectories at once (care.cpp); only the limited
// ones keep a list here. Runs after the household pass, on one thread, in household order.
#include <array>
#include <cstdint>
#include <deque>

#include "agents/population.hpp"
#include "services/care.hpp"
#include "services/team_def.hpp"

namespace wijksim::services {

/// One month of one provider, for outputs.
struct ProviderMonth {
  std::int64_t running = 0;   ///< households in the trajectory after this month's admissions
  std::int64_t waiting = 0;   ///< households on the waiting list
  std::int64_t admitted = 0;  ///< taken off the list this month
  std::int64_t dropped = 0;   ///< gave up waiting this month
  std::int64_t capacity = 0;  ///< places (0 = no limit)
};

class Providers {
 public:
  Providers() = default;
  explicit Providers(const ProvidersDef& def);

  /// Places of a provider (0 = no limit).
  std::uint32_t capacity(Trajectory t) const { return capacity_[static_cast<std::size_t>(t)]; }
  /// Remove places (replacement funding); a provider keeps at least one place.
  void shrink(Trajectory t, std::uint32_t places);
  /// Households waiting for a provider (entries still valid).
  std::size_t waiting(Trajectory t) const;

  /// Put this month's requests from the household pass at the back of the lists.
  void enqueue(const agents::Population& pop, const ProviderInbox& inbox);
  /// A referral or suction start: joins the list of a limited provider, starts at once at any other.
  /// Returns true when the trajectory started now.
  bool request(agents::Population& pop, kernel::HouseholdId h, Trajectory t);
  /// Start a trajectory now whatever the list (a team's mandate); takes the household off the list.
  void grant(agents::Population& pop, kernel::HouseholdId h, Trajectory t);
  /// Admit from the lists while places are free. running = households in each trajectory before admission.
  void serve(agents::Population& pop, const ProviderInbox& inbox);

  const std::array<ProviderMonth, kTrajectoryCount>& last_month() const { return month_; }

 private:
  std::array<std::uint32_t, kTrajectoryCount> capacity_{};
  std::array<std::deque<kernel::HouseholdId>, kTrajectoryCount> lists_;
  std::array<std::int64_t, kTrajectoryCount> granted_{};  ///< started outside the list this month (counted as running)
  std::array<ProviderMonth, kTrajectoryCount> month_{};
};

}  // namespace wijksim::services
