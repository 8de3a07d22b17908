#include "sim/kernel/rng.hpp"

#include <array>
#include <cmath>
#include <gtest/gtest.h>
#include <vector>

namespace wijksim::kernel {
namespace {

constexpr std::size_t kDraws = 200000;

struct Moments {
  double mean = 0.0, variance = 0.0;
};

template <class F> Moments moments(F&& draw) {
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double x = draw(i);
    sum += x;
    sum2 += x * x;
  }
  const double n = static_cast<double>(kDraws);
  return {sum / n, sum2 / n - (sum / n) * (sum / n)};
}

TEST(Rng, DrawIsAPureFunctionOfItsCounters) {
  const Rng a(42, 3), b(42, 3);
  EXPECT_EQ(a.bits(17, 5, Purpose::Domain, 2), b.bits(17, 5, Purpose::Domain, 2));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), a.bits(17, 5, Purpose::Domain, 3));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), a.bits(18, 5, Purpose::Domain, 2));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), a.bits(17, 6, Purpose::Domain, 2));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), a.bits(17, 5, Purpose::Income, 2));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), Rng(42, 4).bits(17, 5, Purpose::Domain, 2));
  EXPECT_NE(a.bits(17, 5, Purpose::Domain, 2), Rng(43, 3).bits(17, 5, Purpose::Domain, 2));
}

TEST(Rng, KnownValueIsStableAcrossBuilds) {
  // Guards against accidental changes of the mixing function (which would change every result).
  EXPECT_EQ(Rng(1, 0).bits(0, 0, Purpose::Test, 0), Rng(1, 0).bits(0, 0, Purpose::Test, 0));
  EXPECT_EQ(mix64(0), 0U);
  EXPECT_EQ(mix64(1), 0x4179b061e0c0e0d0ULL);
}

TEST(Rng, UniformHasMeanHalfAndVarianceOneTwelfth) {
  const Rng rng(7, 0);
  const auto m = moments([&](std::size_t i) { return rng.uniform(i, 0, Purpose::Test); });
  EXPECT_NEAR(m.mean, 0.5, 0.005);
  EXPECT_NEAR(m.variance, 1.0 / 12.0, 0.002);
}

TEST(Rng, UniformHalvesAreUniformAndUncorrelated) {
  const Rng rng(9, 1);
  double sum_lo = 0, sum_hi = 0, sum_prod = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const auto b = rng.bits(i, 3, Purpose::Test);
    sum_lo += unit_lo(b);
    sum_hi += unit_hi(b);
    sum_prod += unit_lo(b) * unit_hi(b);
  }
  const double n = kDraws;
  EXPECT_NEAR(sum_lo / n, 0.5, 0.005);
  EXPECT_NEAR(sum_hi / n, 0.5, 0.005);
  EXPECT_NEAR(sum_prod / n - (sum_lo / n) * (sum_hi / n), 0.0, 0.002);
}

TEST(Rng, UniformFillsTenBinsEvenly) {
  const Rng rng(11, 0);
  std::array<double, 10> bins{};
  for (std::size_t i = 0; i < kDraws; ++i) bins[static_cast<std::size_t>(rng.uniform(0, static_cast<Month>(i), Purpose::Test) * 10)] += 1;
  double chi2 = 0;
  const double expected = kDraws / 10.0;
  for (double b : bins) chi2 += (b - expected) * (b - expected) / expected;
  EXPECT_LT(chi2, 27.9);  // 99.9% quantile of chi-square with 9 degrees of freedom
}

TEST(Distributions, NormalHasMeanAndVariance) {
  const Rng rng(3, 0);
  const auto m = moments([&](std::size_t i) {
    DrawStream s(rng, i, 0, Purpose::Test);
    return normal(s, 2.0, 3.0);
  });
  EXPECT_NEAR(m.mean, 2.0, 0.03);
  EXPECT_NEAR(m.variance, 9.0, 0.15);
}

TEST(Distributions, ExponentialHasMeanAndVariance) {
  const Rng rng(4, 0);
  const auto m = moments([&](std::size_t i) {
    DrawStream s(rng, i, 0, Purpose::Test);
    return exponential(s, 5.0);
  });
  EXPECT_NEAR(m.mean, 5.0, 0.05);
  EXPECT_NEAR(m.variance, 25.0, 0.8);
}

TEST(Distributions, PoissonHasMeanEqualToVariance) {
  const Rng rng(5, 0);
  for (double mean : {0.5, 3.0, 12.0}) {
    const auto m = moments([&](std::size_t i) {
      DrawStream s(rng, i, 0, Purpose::Test);
      return static_cast<double>(poisson(s, mean));
    });
    EXPECT_NEAR(m.mean, mean, 0.02 * mean + 0.01) << "mean " << mean;
    EXPECT_NEAR(m.variance, mean, 0.04 * mean + 0.02) << "mean " << mean;
  }
}

TEST(Distributions, BernoulliAndCategoricalFollowTheirWeights) {
  const Rng rng(6, 0);
  const std::array<double, 3> weights{1.0, 2.0, 7.0};
  std::array<double, 3> counts{};
  double hits = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    DrawStream s(rng, i, 1, Purpose::Test);
    hits += bernoulli(s, 0.3) ? 1 : 0;
    counts[categorical(s, weights)] += 1;
  }
  EXPECT_NEAR(hits / kDraws, 0.3, 0.005);
  EXPECT_NEAR(counts[0] / kDraws, 0.1, 0.005);
  EXPECT_NEAR(counts[1] / kDraws, 0.2, 0.005);
  EXPECT_NEAR(counts[2] / kDraws, 0.7, 0.005);
}

TEST(Distributions, DrawStreamIsReproducible) {
  const Rng rng(8, 2);
  DrawStream a(rng, 5, 9, Purpose::Generate), b(rng, 5, 9, Purpose::Generate);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.bits(), b.bits());
}

}  // namespace
}  // namespace wijksim::kernel
