#pragma once
// The financier module (docs/MODEL.md "Financiers"): at each year end, pooled settlement and the co-financiers'
// and the municipality's reviews of one project world against its paired zero alternative (step 8 of the month).
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

/// What the financier module did in a year, for outputs.
struct FinancierEvent {
  std::uint32_t year;
  std::string team;
  std::string what;  ///< e.g. "health_insurer withdraws", "municipality cuts to 3.0 FTE", "pooled settlement"
};

class FinancierModule {
 public:
  explicit FinancierModule(const scenarios::ScenarioDef& project);
  /// Step 8 of month m of the horizon, after both worlds stepped it: at a year's end, settle the pool and review.
  void review(const World& zero, World& project, Month m);
  const std::vector<FinancierEvent>& events() const { return events_; }

 private:
  void review_year(const World& zero, World& project, std::uint32_t year);
  void settle_pool(const World& zero, World& project, std::uint32_t year);

  std::vector<std::vector<std::uint32_t>> negative_years_;  ///< per team, per co-financier: negative years in a row
  std::vector<FinancierEvent> events_;
};

}  // namespace wijksim::sim
