#pragma once
// Money is kept exactly as integer euro cents, so totals never depend on summation order
// (and so not on thread count).
#include <cmath>
#include <cstdint>

namespace wijksim::kernel {

/// An amount of money in euro cents.
using Cents = std::int64_t;

/// EUR (possibly fractional) to cents, rounded half away from zero.
inline Cents to_cents(double eur) { return static_cast<Cents>(std::llround(eur * 100.0)); }
/// Cents to EUR, for reporting only (never for accumulation).
constexpr double to_eur(Cents c) { return static_cast<double>(c) / 100.0; }
/// A yearly amount in EUR as a monthly amount in cents (rounded once, at set-up).
inline Cents monthly_cents(double eur_a_year) { return to_cents(eur_a_year / 12.0); }

}  // namespace wijksim::kernel
