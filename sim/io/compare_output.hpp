#pragma once
// Machine-readable outputs of `wijksim compare`: mkba.json, the tidy CSV files and the console table.
// The human-facing report.html and mkba.xlsx are written by sim/report.
#include <string>

#include "sim/batch/compare.hpp"

namespace wijksim::sim {

/// mkba.json (schema in README "mkba.json"): the first alternative's figures at the top level, every
/// alternative in `alternatives[]`. Holds no timings or thread counts, so reruns give identical files.
std::string mkba_json(const CompareResult& result);

/// Tidy CSV bodies (long format, one header line).
std::string compare_pockets_csv(const CompareResult& result);    ///< pockets_by_year.csv
std::string compare_npv_csv(const CompareResult& result);        ///< npv_by_pocket.csv
std::string compare_ratios_csv(const CompareResult& result);     ///< ratios.csv
std::string compare_net_csv(const CompareResult& result);        ///< net_by_year.csv
std::string compare_levels_csv(const CompareResult& result);     ///< levels_by_month.csv
std::string compare_flows_csv(const CompareResult& result);      ///< flows_by_month.csv
std::string compare_events_csv(const CompareResult& result);     ///< events.csv
/// Header and one row of replications.csv.
std::string replications_csv_header();
std::string replications_csv_row(const ReplicationRow& row, const std::string& alternative_label);

/// A sweep: per alternative (grid cell) the team's yearly budget against NPV and ratios.
std::string sweep_csv(const CompareResult& result);
std::string sweep_table(const CompareResult& result);
/// Team budget of an alternative: mean team cost per year of the horizon, EUR.
double team_budget_per_year(const AlternativeResult& a);

/// One input of a one-way sensitivity: societal NPV and ratio at its low and high end.
struct TornadoRow {
  std::string key, low, high;
  double npv_low = 0.0, npv_high = 0.0, ratio_low = 0.0, ratio_high = 0.0;
  double base_npv = 0.0, base_ratio = 0.0;
  double rate_low = 0.0, rate_high = 0.0;  ///< the discount rate at each end (an input over mkba.* changes it)
  double swing() const;      ///< |npv_high - npv_low|
  double deviation() const;  ///< the larger of |npv_low - base_npv| and |npv_high - base_npv|
};
/// Rows of a tornado run (alternatives "base", then "key=low", "key=high" per range), the largest deviation from the
/// base first: an input whose both ends lie far below the base ranks high even when its ends lie close together.
std::vector<TornadoRow> tornado_rows(const CompareResult& result);
std::string tornado_csv(const std::vector<TornadoRow>& rows);
std::string tornado_table(const std::vector<TornadoRow>& rows);

/// The MKBA table per pocket and the ratios, for the console.
std::string compare_table(const CompareResult& result);

}  // namespace wijksim::sim
