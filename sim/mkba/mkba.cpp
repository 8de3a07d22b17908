#include "sim/mkba/mkba.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace wijksim::sim {

using services::Pocket;

double discount_factor(double rate, std::uint32_t year) { return 1.0 / std::pow(1.0 + rate, static_cast<double>(year)); }

double present_value(std::span<const double> by_year, double rate) {
  double pv = 0.0;
  for (std::size_t y = 0; y < by_year.size(); ++y) pv += by_year[y] * discount_factor(rate, static_cast<std::uint32_t>(y));
  return pv;
}

bool in_scope(Scope scope, Pocket pocket) {
  switch (scope) {
    case Scope::Societal: return true;
    case Scope::Financial: return services::is_money(pocket);
    case Scope::Municipal: return services::is_municipal(pocket);
  }
  return false;
}

CostBenefit split_difference(double investment, double other_difference) {
  return {investment + std::max(other_difference, 0.0), std::max(-other_difference, 0.0)};
}

Appraisal appraise(const PairedYears& years, double rate) {
  Appraisal a;
  a.net_by_year.assign(years.years(), 0.0);
  a.cumulative_discounted.assign(years.years(), 0.0);
  double running = 0.0;
  for (std::size_t y = 0; y < years.years(); ++y) {
    const double df = discount_factor(rate, static_cast<std::uint32_t>(y));
    for (std::size_t p = 0; p < services::kPocketCount; ++p) {
      const auto pocket = static_cast<Pocket>(p);
      const double invest = years.investment[y][p], other = years.other[y][p];
      const CostBenefit cb = split_difference(invest, other);
      const double gain = -(invest + other);
      for (std::size_t s = 0; s < 3; ++s) {
        if (!in_scope(static_cast<Scope>(s), pocket)) continue;
        a.pv_cost[s] += cb.cost * df;
        a.pv_benefit[s] += cb.benefit * df;
      }
      a.npv_by_pocket[p] += gain * df;
      if (y < 2) a.budget_after_2y[p] += gain;
      a.net_by_year[y] += gain;
    }
    running += a.net_by_year[y] * df;
    a.cumulative_discounted[y] = running;
  }
  for (std::size_t s = 0; s < 3; ++s) {
    a.npv[s] = a.pv_benefit[s] - a.pv_cost[s];
    a.ratio[s] = a.pv_cost[s] > 0.0 ? a.pv_benefit[s] / a.pv_cost[s] : std::numeric_limits<double>::quiet_NaN();
  }
  return a;
}

std::optional<std::uint32_t> payback_year(std::span<const double> cumulative_discounted) {
  std::optional<std::uint32_t> year;
  for (std::size_t y = 0; y < cumulative_discounted.size(); ++y) {
    if (cumulative_discounted[y] < 0.0) {
      year.reset();
    } else if (!year) {
      year = static_cast<std::uint32_t>(y);
    }
  }
  return year;
}

void Accumulator::add(double x) {
  if (!std::isfinite(x)) return;
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

Stat Accumulator::stat() const {
  Stat s;
  s.n = n_;
  if (n_ == 0) {
    s.mean = s.sd = s.ci_low = s.ci_high = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  s.mean = mean_;
  s.sd = n_ > 1 ? std::sqrt(m2_ / static_cast<double>(n_ - 1)) : 0.0;
  const double half = n_ > 1 ? t_quantile_975(n_ - 1) * s.sd / std::sqrt(static_cast<double>(n_)) : 0.0;
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  return s;
}

double t_quantile_975(std::uint64_t df) {
  const boost::math::students_t dist(static_cast<double>(df));
  return boost::math::quantile(dist, 0.975);
}

}  // namespace wijksim::sim
