#pragma once
// The paired driver (docs/MODEL.md "Social cost-benefit accounting"): a zero alternative and its project
// alternatives, made from one warm-up and stepped in lockstep on common random numbers, so each pocket's
// difference is known every month. Every command steps worlds through it: `run` (a scenario alone, or with its own
// zero alternative), `compare` and `sweep` (one per replication), `validate-model`, `calibrate` and the visualiser.
// The order of a month is in month.cpp; what watches the months is a MonthObserver.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/engine/financiers.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

/// The scenario without its teams: the zero alternative of a project scenario.
scenarios::ScenarioDef zero_alternative(const scenarios::ScenarioDef& project);

class PairedWorlds;

/// Watches the months of paired worlds: progress bars, the process figures of validate-model, the visualiser.
class MonthObserver {
 public:
  virtual ~MonthObserver() = default;
  /// After month m of the horizon in every world (at a year's end: after the year's closing and the financiers).
  virtual void after_month(const PairedWorlds& worlds, Month m) = 0;
  /// After the last month of year y, following after_month of that month.
  virtual void after_year(const PairedWorlds& /*worlds*/, std::uint32_t /*year*/) {}
};

/// Whether project households the teams never touched take their month from the zero alternative.
enum class Copying : std::uint8_t {
  Followers,  ///< a project household equal to its zero twin at the start of a month is copied, not simulated
  Off,        ///< every world simulates every household (the reference the copy must equal; tests)
};

class PairedWorlds {
 public:
  /// One warm-up of `zero` (a scenario without teams), then one project world per scenario of `projects`
  /// starting from it; their scenarios differ from `zero` only in teams (and MKBA settings). Every scenario must
  /// outlive the worlds. threads = 0 uses the hardware's count; warmup_progress(months done) after each warm-up
  /// month.
  PairedWorlds(const scenarios::ScenarioDef& zero, std::span<const scenarios::ScenarioDef* const> projects,
               std::uint64_t replication, unsigned threads,
               const std::function<void(std::uint32_t)>& warmup_progress = {});
  /// A scenario with its own zero alternative (the scenario without teams) as its only project; a scenario
  /// without teams runs alone, as the zero alternative.
  PairedWorlds(const scenarios::ScenarioDef& scenario, std::uint64_t replication, unsigned threads,
               const std::function<void(std::uint32_t)>& warmup_progress = {});

  /// Step one month in every world (month.cpp), then tell the observers.
  void step();
  /// Step to the end of the horizon.
  void run();
  bool finished() const { return zero_->finished(); }
  /// The next month to step (months of the horizon done so far).
  Month month() const { return zero_->month(); }

  const World& zero() const { return *zero_; }
  std::size_t projects() const { return projects_.size(); }
  const World& project(std::size_t a = 0) const { return *projects_.at(a); }
  World& project(std::size_t a = 0) { return *projects_.at(a); }
  /// The world a one-scenario run describes: its project, or the zero alternative when it has no teams.
  const World& scenario_world() const { return projects_.empty() ? *zero_ : *projects_.front(); }
  const std::vector<FinancierEvent>& financier_events(std::size_t a = 0) const { return financiers_.at(a).events(); }
  /// Households of project `a` whose last month was copied from the zero alternative.
  std::size_t followers(std::size_t a = 0) const { return followers_.at(a); }

  /// Watch every later month; the observer must outlive the worlds or be removed first.
  void observe(MonthObserver& observer) { observers_.push_back(&observer); }
  void forget(MonthObserver& observer) { std::erase(observers_, &observer); }
  void set_copying(Copying copying) { copying_ = copying; }

 private:
  void add_projects(std::span<const scenarios::ScenarioDef* const> projects, std::uint64_t replication);
  /// For each project world, which households follow the zero alternative this month (empty: none).
  void plan_followers();
  void check_followers_against_shadows(const std::vector<World>& shadows) const;

  std::unique_ptr<scenarios::ScenarioDef> own_zero_;  ///< the zero alternative's scenario when made here
  std::unique_ptr<World> zero_;
  std::vector<std::unique_ptr<World>> projects_;
  std::vector<FinancierModule> financiers_;
  std::vector<MonthObserver*> observers_;
  std::vector<std::vector<std::uint8_t>> follows_;  ///< per project, per household: copied this month
  std::vector<std::size_t> followers_;              ///< per project: households copied last month
  Copying copying_ = Copying::Followers;
};

}  // namespace wijksim::sim
