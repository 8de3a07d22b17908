#pragma once
// MKBA-tool mode (docs/MODEL.md "MKBA-tool mode"; [S004 App.2]): the static spreadsheet estimate of one year of a
// team's approach, on the scenario's inputs, as a deterministic calculator. Shown beside the dynamic result
// so a user sees where a static estimate and the simulated dynamics part ways.
#include <array>
#include <string>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/mkba/mkba.hpp"

namespace wijksim::sim {

/// One benefit line of the static estimate: quantity x price, after attribution and relapse.
struct StaticBenefit {
  std::string name;          ///< e.g. "eviction prevented"
  services::Pocket pocket{}; ///< who gains
  double quantity = 0.0;     ///< households (after attribution and relapse)
  double price = 0.0;        ///< EUR per household per year
  std::uint32_t years = 1;   ///< years the benefit lasts, from year 1
  double pv = 0.0;           ///< present value, EUR
  std::uint32_t first_year = 1;  ///< first year of the benefit (0 only for care substituted during the approach)
  bool relapse_included = false; ///< the price already allows for relapse, so the tool's relapse was not applied
};

/// The costs of one year of approach, all in year 0, EUR.
struct StaticCosts {
  double staff = 0.0;       ///< FTE x cost per FTE x share additional
  double other = 0.0;       ///< the team's other costs x share additional
  double friction = 0.0;    ///< friction share x FTE x cost per FTE
  double one_off = 0.0;     ///< one-off costs
  double extra_care = 0.0;  ///< newly found households x extra care x (1 - substitution of new)
  double team() const { return staff + other + friction + one_off; }
  double total() const { return team() + extra_care; }
};

/// The static estimate of one team (the first team of the scenario).
struct StaticEstimate {
  std::string team;                                   ///< the team's name
  double households = 0.0;                            ///< reach in one year
  std::array<double, 3> households_by_severity{};     ///< single problem, multiple self-reliant, multiple not self-reliant
  double fte = 0.0;                                   ///< sum over severities of households / caseload
  double cost_year0 = 0.0;                            ///< staff, other, friction, one-off and extra care, EUR
  StaticCosts costs;                                  ///< cost_year0 by kind
  double cost_per_fte = 0.0;                          ///< EUR a year, from the team
  double newly_found = 0.0;                           ///< households newly found
  double attribution = 0.0, relapse = 0.0;            ///< as applied to the effect lines
  std::vector<double> benefit_by_year;                ///< years 0..9, EUR (year 0: only care substituted by the team)
  std::vector<StaticBenefit> benefits;                ///< the effect lines in order, then the care substituted
  PocketEuros cost_by_pocket{}, benefit_by_pocket{};  ///< present values, EUR
  PocketEuros budget_after_2y{};                      ///< benefit minus cost over years 0 and 1, undiscounted
  double discount_rate = 0.0;
  scenarios::DiscountBasis discount_basis = scenarios::DiscountBasis::Standard;  ///< which rate that is
  std::array<double, 3> pv_cost{}, pv_benefit{}, npv{}, ratio{};  ///< per Scope
};

/// The static estimate on the scenario's inputs (its [mkba_tool] section and its first team).
/// Throws scenarios::ScenarioError when the scenario has no team.
StaticEstimate mkba_tool_estimate(const scenarios::ScenarioDef& def);

/// The estimate as a text table for the console.
std::string mkba_tool_table(const StaticEstimate& estimate);

}  // namespace wijksim::sim
