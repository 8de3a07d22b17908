#pragma once
// Calibration of the zero alternative: each target of the scenario's [targets] table beside the simulated value
// (docs/MODEL.md §9). Most figures come from the world's own tallies and records; those that follow households over
// months (hidden debt, the aftermath of an eviction, families at red, child protection) are gathered by a CalibrationObserver.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/paired.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

struct CalibrationResult {
  std::string name;      ///< target name, as in [targets.<name>]
  std::string measures;  ///< what the figure is
  double low = 0.0;      ///< accepted range
  double high = 0.0;
  double simulated = 0.0;
  std::string source;    ///< sourcebook tag
  bool ok = false;
};

/// Follows the households of the zero alternative (PairedWorlds::zero) month by month for the figures that need
/// their history. Observe the worlds before their first month.
class CalibrationObserver : public MonthObserver {
 public:
  explicit CalibrationObserver(const World& world);
  void after_month(const PairedWorlds& worlds, Month m) override;

  /// Share of household-months with a problematic debt (finances serious or crisis).
  double problematic_debt() const;
  /// Share of household-months with a problematic debt that have debt help.
  double debt_in_view() const;
  /// Mean months a problematic debt lasted when money help first started (NaN: no start).
  double time_to_help() const;
  /// Mean public money in the 24 months from an eviction above the 12 months before, EUR (NaN: no eviction).
  double eviction_aftermath() const;
  /// Public money a year of a family at red (12 x its mean monthly cost), EUR.
  double red_family_cost() const;
  /// Running child-protection measures (supervision order or placement) per 1,000 households, month average.
  double youth_protection() const;

 private:
  static constexpr Month kWindow = 24;  ///< months of an eviction's aftermath
  struct Aftermath {
    Month start = 0;
    double baseline = 0.0;  ///< cents a month before the eviction
    double excess = 0.0;    ///< cents so far
  };
  std::vector<std::int64_t> last_cost_;         ///< cost_year after the previous month
  std::vector<std::int64_t> history_;           ///< [month mod 12][household] public money of the month
  std::vector<std::uint16_t> last_care_;        ///< care bits after the previous month
  std::vector<std::uint8_t> helped_;            ///< money help started in this debt spell
  std::vector<std::int32_t> open_;              ///< index into windows_ of a household's open aftermath, or -1
  std::vector<Aftermath> windows_;
  std::int64_t debt_months_ = 0, debt_in_view_months_ = 0, help_starts_ = 0, help_wait_ = 0;
  double aftermath_sum_ = 0.0;
  std::int64_t aftermaths_ = 0;
  double red_family_cost_ = 0.0;
  std::int64_t red_family_months_ = 0;
  std::int64_t protection_months_ = 0;
  std::int64_t problem_debt_months_ = 0;
  std::int64_t household_months_ = 0;
  Month months_ = 0;
};

/// Every enabled target of the world's scenario, evaluated on its finished run (and the observer of its months).
std::vector<CalibrationResult> calibrate(const World& world, const CalibrationObserver& observer);

/// The scenario's own world run through its horizon with a CalibrationObserver, then calibrate(); threads = 0
/// uses every core. progress(months done, warm-up first) when given.
std::vector<CalibrationResult> calibrate_scenario(const scenarios::ScenarioDef& def, unsigned threads,
                                                  const std::function<void(std::uint32_t)>& progress = {});

/// The results as a JSON array of {name, measures, target_low, target_high, simulated, source, ok}.
std::string calibration_json(const std::vector<CalibrationResult>& results);
/// The results as an aligned text table.
std::string calibration_table(const std::vector<CalibrationResult>& results);
/// The targets of a scenario as a Markdown table (name, range, what it measures, source), for docs/MODEL.md §9.
std::string targets_markdown(const scenarios::TargetsDef& targets);

}  // namespace wijksim::sim
