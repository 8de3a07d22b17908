#pragma once
// Counter-based random numbers. Every draw is a pure function of
// (seed, replication, household, month, purpose, index): there is no generator state to share,
// so paired worlds see the same draws, and results do not depend on thread count or order.
// Distributions are written here (not <random>), so output is identical on every standard library.
#include <cstdint>
#include <span>

#include "sim/kernel/ids.hpp"

namespace wijksim::kernel {

/// What a draw is for. Each purpose is an independent stream; never reuse a purpose for two things.
enum class Purpose : std::uint32_t {
  Generate = 1,      ///< population generation (type, size, traits, initial state)
  Network = 2,       ///< social network ties
  LifeEvent = 3,     ///< job loss, separation, illness, bereavement
  Domain = 4,        ///< domain progression (index = domain)
  Escalation = 5,    ///< escalation ladders and their exits
  Income = 6,        ///< welfare entry/exit, unemployment, re-employment
  CareUse = 7,       ///< care-as-usual trajectory starts and ends
  Renewal = 8,       ///< a new household taking a dissolved household's place
  Finding = 9,       ///< self-referral, signals, outreach (services)
  Service = 10,      ///< service decisions (acceptance, drop-out, effect)
  Test = 99,         ///< reserved for tests
};

/// A 64-bit mixing function with full avalanche (each input bit flips about half the output bits).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

/// 53-bit uniform in [0, 1) from 64 random bits.
constexpr double unit53(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }
/// 32-bit uniform in [0, 1) from the low half of 64 random bits.
constexpr double unit_lo(std::uint64_t bits) { return static_cast<double>(bits & 0xffffffffULL) * 0x1.0p-32; }
/// 32-bit uniform in [0, 1) from the high half of 64 random bits.
constexpr double unit_hi(std::uint64_t bits) { return static_cast<double>(bits >> 32) * 0x1.0p-32; }

/// The draws of one household in one month: (seed, replication, household, month) are mixed once into a
/// base, and each (purpose, index) costs one more mix, like a SplitMix64 counter.
class HouseholdMonthDraws {
 public:
  explicit constexpr HouseholdMonthDraws(std::uint64_t base) : base_(base) {}
  /// The mixed (seed, replication, household, month), for caching.
  constexpr std::uint64_t base() const { return base_; }
  /// 64 random bits for (purpose, index).
  constexpr std::uint64_t bits(Purpose purpose, std::uint32_t index = 0) const {
    const std::uint64_t tag = (static_cast<std::uint64_t>(purpose) << 32) | index;
    return mix64(base_ + (tag + 1) * 0x9e3779b97f4a7c15ULL);
  }
  constexpr double uniform(Purpose purpose, std::uint32_t index = 0) const { return unit53(bits(purpose, index)); }

 private:
  std::uint64_t base_;
};

/// The one random source of a replication. Cheap to copy; holds only the key.
class Rng {
 public:
  constexpr Rng(std::uint64_t seed, std::uint64_t replication)
      : key_(mix64(mix64(seed ^ 0x5851f42d4c957f2dULL) ^ (replication * 0x9e3779b97f4a7c15ULL + 0x2545f4914f6cdd1dULL))) {}

  constexpr bool operator==(const Rng&) const = default;

  /// The draws of (household, month); reuse it when a system needs several draws of one household.
  constexpr HouseholdMonthDraws at(std::uint64_t household, Month month) const {
    const std::uint64_t h = mix64(household * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL);
    return HouseholdMonthDraws(mix64(key_ ^ h ^ (static_cast<std::uint64_t>(month) * 0xbf58476d1ce4e5b9ULL)));
  }
  /// 64 random bits for (household, month, purpose, index).
  constexpr std::uint64_t bits(std::uint64_t household, Month month, Purpose purpose, std::uint32_t index = 0) const {
    return at(household, month).bits(purpose, index);
  }
  /// Uniform in [0, 1) with 53 bits.
  constexpr double uniform(std::uint64_t household, Month month, Purpose purpose, std::uint32_t index = 0) const {
    return unit53(bits(household, month, purpose, index));
  }

 private:
  std::uint64_t key_;
};

/// Successive draws for one (household, month, purpose): index 0, 1, 2, ... Still a pure function of its counters.
class DrawStream {
 public:
  constexpr DrawStream(const Rng& rng, std::uint64_t household, Month month, Purpose purpose)
      : rng_(rng), household_(household), month_(month), purpose_(purpose) {}
  constexpr std::uint64_t bits() { return rng_.bits(household_, month_, purpose_, next_++); }
  constexpr double uniform() { return unit53(bits()); }

 private:
  Rng rng_;
  std::uint64_t household_;
  Month month_;
  Purpose purpose_;
  std::uint32_t next_ = 0;
};

// Distributions: free functions over a DrawStream.

/// True with probability p.
inline bool bernoulli(DrawStream& s, double p) { return s.uniform() < p; }
/// Standard normal (Box-Muller, one value per two uniforms).
double normal(DrawStream& s);
/// Normal with mean and standard deviation.
inline double normal(DrawStream& s, double mean, double sd) { return mean + sd * normal(s); }
/// Exponential with the given mean.
double exponential(DrawStream& s, double mean);
/// Poisson with the given mean (inversion; mean up to a few hundred).
std::uint32_t poisson(DrawStream& s, double mean);
/// Index i with probability weights[i] / sum(weights).
std::size_t categorical(DrawStream& s, std::span<const double> weights);
/// Index i with probability weights[i] / sum(weights), from a given uniform.
std::size_t categorical(double u, std::span<const double> weights);
/// Integer in [0, n).
inline std::uint64_t below(DrawStream& s, std::uint64_t n) {
  return static_cast<std::uint64_t>(s.uniform() * static_cast<double>(n));
}

}  // namespace wijksim::kernel
