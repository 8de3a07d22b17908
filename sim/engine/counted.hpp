#pragma once
// The escalations and other events a world counts per month (MonthRecord::events), with their names in outputs.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wijksim::sim {

/// Escalations and other events counted per month (indices into MonthRecord::events).
enum class Counted : std::uint8_t { Evictions, EvictionListings, Placements, SupervisionOrders, Admissions,
                                    NursingHome, Detentions, Offences, WelfareEntries, JobLosses, Renewals };
inline constexpr std::size_t kCountedCount = 11;
inline constexpr std::array<std::string_view, kCountedCount> kCountedNames{
    "evictions", "eviction_listings", "placements", "supervision_orders", "admissions", "nursing_home",
    "detentions", "offences", "welfare_entries", "job_losses", "renewals"};

}  // namespace wijksim::sim
