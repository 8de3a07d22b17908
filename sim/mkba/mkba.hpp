#pragma once
// Social cost-benefit arithmetic (docs/MODEL.md §17; [S004 §4]): discounting,
// net present value, the three ratios, payback, and statistics over replications. Pure functions on
// plain numbers, so each can be checked against a hand computation.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "services/pockets.hpp"

namespace wijksim::sim {

/// Euros per pocket (services::kPocketCount entries).
using PocketEuros = std::array<double, services::kPocketCount>;

/// Discount factor of year y (year 0 undiscounted): 1 / (1 + rate)^y.
double discount_factor(double rate, std::uint32_t year);
/// Present value of a series of yearly amounts (year 0 first).
double present_value(std::span<const double> by_year, double rate);

/// How long the teams of a project alternative work: the whole horizon (continuous), or one year with the
/// effects followed to the end of the horizon (cohort, as the 13 MKBAs of [S004 §4.4]).
enum class Mode : std::uint8_t { Continuous, Cohort };
inline constexpr std::array<const char*, 2> kModeNames{"continuous", "cohort"};

/// Which pockets a ratio counts.
enum class Scope : std::uint8_t { Societal, Financial, Municipal };
inline constexpr std::array<const char*, 3> kScopeNames{"societal", "financial", "municipal"};
bool in_scope(Scope scope, services::Pocket pocket);

/// Costs and benefits of one pocket in one year, split from the project-minus-zero difference:
/// investment (team items, always a cost) plus the net difference of every other item, which is extra care
/// (a cost) when positive and an avoided cost (a benefit) when negative.
struct CostBenefit {
  double cost = 0.0;     ///< EUR: investment plus extra care
  double benefit = 0.0;  ///< EUR: avoided costs
};
CostBenefit split_difference(double investment, double other_difference);

/// Per year and pocket: the project's investment (team items) and the difference of all other items
/// (project minus zero), in euros. [year][pocket].
struct PairedYears {
  std::vector<PocketEuros> investment;
  std::vector<PocketEuros> other;
  std::size_t years() const { return investment.size(); }
};

/// The MKBA of one replication.
struct Appraisal {
  std::array<double, 3> pv_cost{}, pv_benefit{};  ///< per scope
  std::array<double, 3> npv{};                     ///< per scope: pv_benefit - pv_cost
  std::array<double, 3> ratio{};                   ///< per scope: pv_benefit / pv_cost (NaN when no cost)
  PocketEuros npv_by_pocket{};                     ///< discounted, zero minus project (positive: the pocket gains)
  PocketEuros budget_after_2y{};                   ///< years 0 and 1 undiscounted, zero minus project
  std::vector<double> net_by_year;                 ///< societal, undiscounted, zero minus project
  std::vector<double> cumulative_discounted;       ///< societal, running sum of discounted net
};
Appraisal appraise(const PairedYears& years, double rate);

/// First year from which the running discounted net stays at or above zero to the end; none if it never does.
std::optional<std::uint32_t> payback_year(std::span<const double> cumulative_discounted);

/// Mean, sample standard deviation and 95% confidence interval of the mean (Student t, R - 1 degrees of freedom).
struct Stat {
  double mean = 0.0, sd = 0.0, ci_low = 0.0, ci_high = 0.0;
  std::uint64_t n = 0;  ///< values that entered (undefined ratios are left out)
};
/// Streaming mean and variance (Welford), fed in replication order so results do not depend on threads.
class Accumulator {
 public:
  void add(double x);
  Stat stat() const;
  std::uint64_t count() const { return n_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0, m2_ = 0.0;
};
/// Two-sided 97.5% Student t quantile for df degrees of freedom (the 95% interval's multiplier).
double t_quantile_975(std::uint64_t df);

}  // namespace wijksim::sim
