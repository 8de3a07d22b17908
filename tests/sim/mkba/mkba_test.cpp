// MKBA arithmetic against hand computations: discounting, NPV, the three ratios, payback, intervals.
#include "sim/mkba/mkba.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace wijksim::sim {
namespace {

using services::id;
using services::Pocket;

TEST(Discounting, FactorsAndPresentValue) {
  EXPECT_DOUBLE_EQ(discount_factor(0.055, 0), 1.0);
  EXPECT_DOUBLE_EQ(discount_factor(0.055, 2), 1.0 / (1.055 * 1.055));
  EXPECT_DOUBLE_EQ(discount_factor(0.0, 7), 1.0);
  const std::vector<double> flows{100.0, 100.0, 100.0};
  EXPECT_NEAR(present_value(flows, 0.1), 100.0 + 100.0 / 1.1 + 100.0 / 1.21, 1e-9);
  EXPECT_DOUBLE_EQ(present_value(flows, 0.0), 300.0);
}

TEST(Discounting, SplitOfADifference) {
  // Investment is always a cost; other items: extra care is a cost, avoided care a benefit.
  EXPECT_EQ(split_difference(1000.0, 200.0).cost, 1200.0);
  EXPECT_EQ(split_difference(1000.0, 200.0).benefit, 0.0);
  EXPECT_EQ(split_difference(0.0, -300.0).cost, 0.0);
  EXPECT_EQ(split_difference(0.0, -300.0).benefit, 300.0);
}

/// Three years, four pockets, 10% discounting: the team paid by municipal social work in years 0 and 1;
/// youth saves from year 1; the insurer spends a little more first, then saves; non-monetary value gains;
/// debt help spends more in year 0.
PairedYears small_ledger() {
  PairedYears y{std::vector<PocketEuros>(3), std::vector<PocketEuros>(3)};
  y.investment[0][id(Pocket::MunicipalitySocialWork)] = 1000.0;
  y.investment[1][id(Pocket::MunicipalitySocialWork)] = 1000.0;
  const auto set = [&](Pocket p, double y0, double y1, double y2) {
    y.other[0][id(p)] = y0;
    y.other[1][id(p)] = y1;
    y.other[2][id(p)] = y2;
  };
  set(Pocket::MunicipalityYouth, 0.0, -800.0, -1500.0);
  set(Pocket::HealthInsurer, 200.0, -300.0, -600.0);
  set(Pocket::NonMonetary, 0.0, -100.0, -400.0);
  set(Pocket::MunicipalityDebtHelp, 300.0, 0.0, 0.0);
  return y;
}

TEST(Appraisal, RatiosAndNpvEqualHandComputation) {
  const Appraisal a = appraise(small_ledger(), 0.1);
  const double d1 = 1.0 / 1.1, d2 = 1.0 / 1.21;
  // Costs: the team (1000 + 1000/1.1), the insurer's extra 200 and debt help's extra 300 in year 0.
  const double cost_all = 1000.0 + 1000.0 * d1 + 200.0 + 300.0;
  const double cost_municipal = 1000.0 + 1000.0 * d1 + 300.0;
  const double benefit_societal = (800.0 + 300.0 + 100.0) * d1 + (1500.0 + 600.0 + 400.0) * d2;
  const double benefit_financial = (800.0 + 300.0) * d1 + (1500.0 + 600.0) * d2;
  const double benefit_municipal = 800.0 * d1 + 1500.0 * d2;
  const auto s = static_cast<std::size_t>(Scope::Societal), f = static_cast<std::size_t>(Scope::Financial),
             m = static_cast<std::size_t>(Scope::Municipal);
  EXPECT_NEAR(a.pv_cost[s], cost_all, 1e-9);
  EXPECT_NEAR(a.pv_cost[f], cost_all, 1e-9);
  EXPECT_NEAR(a.pv_cost[m], cost_municipal, 1e-9);
  EXPECT_NEAR(a.ratio[s], benefit_societal / cost_all, 1e-12);
  EXPECT_NEAR(a.ratio[f], benefit_financial / cost_all, 1e-12);
  EXPECT_NEAR(a.ratio[m], benefit_municipal / cost_municipal, 1e-12);
  EXPECT_NEAR(a.npv[s], benefit_societal - cost_all, 1e-9);
  EXPECT_NEAR(a.npv[m], benefit_municipal - cost_municipal, 1e-9);
  // Per pocket: discounted gain; budget effect after two years undiscounted.
  EXPECT_NEAR(a.npv_by_pocket[id(Pocket::MunicipalitySocialWork)], -(1000.0 + 1000.0 * d1), 1e-9);
  EXPECT_NEAR(a.npv_by_pocket[id(Pocket::HealthInsurer)], -200.0 + 300.0 * d1 + 600.0 * d2, 1e-9);
  EXPECT_DOUBLE_EQ(a.budget_after_2y[id(Pocket::MunicipalityYouth)], 800.0);
  EXPECT_DOUBLE_EQ(a.budget_after_2y[id(Pocket::HealthInsurer)], 100.0);
  EXPECT_DOUBLE_EQ(a.budget_after_2y[id(Pocket::MunicipalitySocialWork)], -2000.0);
  // Net per year (undiscounted) and its running discounted sum; payback in year 2.
  ASSERT_EQ(a.net_by_year.size(), 3u);
  EXPECT_DOUBLE_EQ(a.net_by_year[0], -1500.0);
  EXPECT_DOUBLE_EQ(a.net_by_year[1], 200.0);
  EXPECT_DOUBLE_EQ(a.net_by_year[2], 2500.0);
  EXPECT_NEAR(a.cumulative_discounted[2], -1500.0 + 200.0 * d1 + 2500.0 * d2, 1e-9);
  EXPECT_EQ(payback_year(a.cumulative_discounted), std::optional<std::uint32_t>(2));
  // The NPV of all pockets is the societal NPV, whatever the split into costs and benefits.
  double sum = 0.0;
  for (double x : a.npv_by_pocket) sum += x;
  EXPECT_NEAR(sum, a.npv[s], 1e-9);
}

TEST(Appraisal, NoDiscountingAndNoCost) {
  const Appraisal a = appraise(small_ledger(), 0.0);
  EXPECT_NEAR(a.ratio[0], (1200.0 + 2500.0) / 2500.0, 1e-12);
  PairedYears none{std::vector<PocketEuros>(2), std::vector<PocketEuros>(2)};
  EXPECT_TRUE(std::isnan(appraise(none, 0.055).ratio[0]));  // no cost: no ratio
}

TEST(Payback, FirstYearFromWhichItStaysPositive) {
  EXPECT_EQ(payback_year(std::vector<double>{-1.0, 2.0, -0.5, 1.0}), std::optional<std::uint32_t>(3));
  EXPECT_EQ(payback_year(std::vector<double>{1.0, 2.0}), std::optional<std::uint32_t>(0));
  EXPECT_FALSE(payback_year(std::vector<double>{-1.0, -2.0}).has_value());
  EXPECT_FALSE(payback_year(std::vector<double>{}).has_value());
}

TEST(Interval, MeanSdAndStudentTInterval) {
  Accumulator acc;
  for (double x : {1.0, 2.0, 3.0, 4.0, 10.0}) acc.add(x);
  const Stat s = acc.stat();
  // Mean 4; squared deviations 9 + 4 + 1 + 0 + 36 = 50; sample variance 50 / 4.
  EXPECT_DOUBLE_EQ(s.mean, 4.0);
  EXPECT_NEAR(s.sd, std::sqrt(12.5), 1e-12);
  EXPECT_NEAR(t_quantile_975(4), 2.776445105, 1e-8);  // table value, 4 degrees of freedom
  const double half = 2.776445105 * std::sqrt(12.5) / std::sqrt(5.0);
  EXPECT_NEAR(s.ci_low, 4.0 - half, 1e-7);
  EXPECT_NEAR(s.ci_high, 4.0 + half, 1e-7);
  EXPECT_EQ(s.n, 5u);
  EXPECT_NEAR(t_quantile_975(1000000), 1.959964, 1e-5);
}

TEST(Interval, UndefinedValuesAreLeftOut) {
  Accumulator acc;
  acc.add(2.0);
  acc.add(std::nan(""));
  const Stat s = acc.stat();
  EXPECT_EQ(s.n, 1u);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.ci_low, 2.0);  // one value: no spread
  EXPECT_TRUE(std::isnan(Accumulator{}.stat().mean));
}

}  // namespace
}  // namespace wijksim::sim
