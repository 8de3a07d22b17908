#pragma once
// One project configuration paired with its zero alternative (sim::PairedWorlds), as the window sees it:
// live team controls, the referral graph with this month's traffic on its edges, money totals per pocket
// and item, and the level history of the households drawn as dots.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "services/price_list.hpp"
#include "services/referral_graph.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::viz {

/// At most this many households are drawn; above it a systematic sample (every k-th household).
inline constexpr std::size_t kMaxDots = 10'000;

/// Settings of the configuration's first team that a trainer changes while the simulation runs.
struct TeamControls {
  bool on = true;          ///< team at work (off: 0 FTE)
  double fte = 0.0;        ///< paid FTE when on
  double norm = 40.0;      ///< caseload norm: orange households per FTE (scales the hours per level)
  double outreach = 0.0;   ///< home visits per FTE-month
  bool mandate = false;    ///< may grant provisions on the spot and stop evictions
  double budget = 0.0;     ///< custom budget, EUR a year
  std::uint32_t target = 0b1100;  ///< levels taken in, bit i for agents::Level i (default orange and red)
};

/// Money booked per pocket and item over the months simulated so far, EUR.
using ItemTotals = std::array<std::array<double, services::kItemCount>, services::kPocketCount>;

/// One world's series, one entry per month simulated.
struct Series {
  std::vector<std::array<double, agents::kLevelCount>> levels;  ///< households per level
  std::vector<double> cost;                                     ///< EUR booked on the money pockets
  ItemTotals totals{};                                          ///< cumulative per pocket and item
  std::vector<std::array<double, services::kPocketCount>> pockets;  ///< EUR booked per pocket in each month
};

class Alternative {
 public:
  /// Build both worlds of `def` (warm-up included); `name` is shown above its half of a split screen.
  Alternative(const scenarios::ScenarioDef& def, std::string name);

  /// Rebuild from month 0 with `seed`, keeping the current controls.
  void reset(std::uint64_t seed);
  /// Simulate one month in both worlds.
  void step();
  bool finished() const { return run_->finished(); }
  kernel::Month month() const { return run_->project().month(); }

  const std::string& name() const { return name_; }
  const scenarios::ScenarioDef& def() const { return *def_; }
  const sim::PairedWorlds& run() const { return *run_; }
  bool has_team() const { return !def_->teams.empty(); }

  TeamControls& controls() { return controls_; }
  const TeamControls& controls() const { return controls_; }
  /// Apply the controls to the first team of the project world (from next month).
  void apply_controls();
  /// The configuration as on screen: the scenario with the controls written into its first team and the current
  /// seed, so that a run of it from month 0 is this window's run when the controls were set before month 1.
  scenarios::ScenarioDef configuration() const;

  const services::ReferralGraph& graph() const { return graph_; }
  /// Traffic on each edge of graph() this month, in the order of boost::edges.
  const std::vector<double>& edge_traffic() const { return traffic_; }

  /// Households in each trajectory of care as usual in the project world (last month simulated).
  const std::array<double, services::kTrajectoryCount>& running() const { return running_; }
  const Series& project_series() const { return project_; }
  /// Households per level in the project world now (the end of the warm-up before the first month).
  const std::array<double, agents::kLevelCount>& levels_now() const;
  /// Changes at every reset: views snap instead of animating.
  std::uint64_t generation() const { return generation_; }
  const Series& zero_series() const { return zero_; }

  /// Households drawn: every stride-th household.
  std::size_t stride() const { return stride_; }
  std::size_t dots() const { return dots_; }
  /// Level of dot i at the end of month m (m = -1 is the end of the warm-up).
  agents::Level dot_level(std::size_t i, std::ptrdiff_t m) const;
  /// Months of history kept (month() + 1, the warm-up's end included).
  std::size_t history_months() const { return history_.size() / std::max<std::size_t>(dots_, 1); }

 private:
  void build();
  void record_month();
  void record_history();
  void record_traffic();
  void rebuild_graph();

  std::unique_ptr<scenarios::ScenarioDef> def_;
  std::unique_ptr<scenarios::ScenarioDef> zero_def_;  ///< def_ without its teams
  std::string name_;
  std::unique_ptr<sim::PairedWorlds> run_;
  TeamControls controls_;
  TeamControls applied_;
  services::ReferralGraph graph_;
  std::vector<double> traffic_;
  std::array<double, services::kTrajectoryCount> running_{};
  std::vector<std::uint16_t> known_care_;  ///< care and waiting bits of each household last month
  Series project_, zero_;
  std::size_t stride_ = 1, dots_ = 0;
  std::vector<agents::Level> history_;     ///< level per dot per month, month-major
  std::array<double, agents::kLevelCount> initial_levels_{};  ///< households per level after the warm-up
  std::uint64_t generation_ = 0;
};

}  // namespace wijksim::viz
