#pragma once
// Paired worlds (MODEL.md "Social cost-benefit accounting"): the zero alternative and a project alternative
// stepped in lockstep from one warm-up with common random numbers, so the difference per pocket is known
// every month. The financier module (yearly reviews) reads both ledgers and acts on the project's teams.
#include <functional>
#include <memory>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

/// The scenario without its teams: the zero alternative of a project scenario.
scenarios::ScenarioDef zero_alternative(const scenarios::ScenarioDef& project);

/// What the financier module did in a year, for outputs.
struct FinancierEvent {
  std::uint32_t year;
  std::string team;
  std::string what;  ///< e.g. "health_insurer withdraws", "municipality cuts to 3.0 FTE", "pooled settlement"
};

/// The financier module (MODEL.md "Pockets"): at each year end, pooled settlement and the co-financiers'
/// and the municipality's reviews of one project world against its paired zero alternative.
class FinancierModule {
 public:
  explicit FinancierModule(const scenarios::ScenarioDef& project);
  /// Call after both worlds stepped month m of the horizon.
  void after_month(const World& zero, World& project, Month m);
  const std::vector<FinancierEvent>& events() const { return events_; }

 private:
  void review_year(const World& zero, World& project, std::uint32_t year);
  void settle_pool(const World& zero, World& project, std::uint32_t year);

  std::vector<std::vector<std::uint32_t>> negative_years_;  ///< per team, per co-financier: negative years in a row
  std::vector<FinancierEvent> events_;
};

class PairedRun {
 public:
  /// Build both worlds from one warm-up. `project` must outlive the run.
  PairedRun(const scenarios::ScenarioDef& project, std::uint64_t replication, unsigned threads,
            const std::function<void(std::uint32_t)>& warmup_progress = {});

  void step();
  void run(const std::function<void(std::uint32_t)>& progress = {});
  bool finished() const { return project_->finished(); }

  const World& zero() const { return *zero_; }
  const World& project() const { return *project_; }
  World& project() { return *project_; }
  const std::vector<FinancierEvent>& financier_events() const { return financiers_.events(); }

 private:
  std::unique_ptr<scenarios::ScenarioDef> zero_def_;
  std::unique_ptr<World> zero_, project_;
  FinancierModule financiers_;
};

}  // namespace wijksim::sim
