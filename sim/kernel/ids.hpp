#pragma once
// Handles used across the simulation. Outside code refers to households by id, never by pointer.
#include <cstdint>

namespace wijksim::kernel {

/// Index of a household in the Population (0..N-1); stable for the whole run.
using HouseholdId = std::uint32_t;
/// Month since the start of the run (0 = first month of year 0).
using Month = std::uint32_t;

/// MKBA year of a month (year 0 = months 0..11).
constexpr std::uint32_t year_of(Month m) { return m / 12U; }
/// Month within its year, 0..11.
constexpr std::uint32_t month_in_year(Month m) { return m % 12U; }

}  // namespace wijksim::kernel
