#include "sim/kernel/rng.hpp"

#include <cmath>
#include <numbers>

namespace wijksim::kernel {

double normal(DrawStream& s) {
  // 1 - u keeps the argument of the log in (0, 1].
  const double u1 = 1.0 - s.uniform();
  const double u2 = s.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double exponential(DrawStream& s, double mean) { return -mean * std::log(1.0 - s.uniform()); }

std::uint32_t poisson(DrawStream& s, double mean) {
  // Inversion by sequential search: exact, one uniform per draw, cost grows with the mean.
  const double u = s.uniform();
  double p = std::exp(-mean);
  double cdf = p;
  std::uint32_t k = 0;
  while (u >= cdf && k < 10000U) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
    if (p <= 0.0 && cdf < u) break;  // underflow guard for large means
  }
  return k;
}

std::size_t categorical(double u, std::span<const double> weights) {
  double total = 0.0;
  for (double w : weights) total += w;
  double acc = 0.0;
  const double target = u * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    if (target < acc) return i;
  }
  return weights.empty() ? 0 : weights.size() - 1;
}

std::size_t categorical(DrawStream& s, std::span<const double> weights) { return categorical(s.uniform(), weights); }

}  // namespace wijksim::kernel
