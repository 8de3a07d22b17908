#pragma once
// All households of one world as dense columns (struct of arrays). Outside code refers to a household
// by its HouseholdId (the row). The problem level is not stored: it is derived (level.hpp); last_level
// only remembers last month's level to count flows.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "agents/domains.hpp"
#include "sim/kernel/ids.hpp"

namespace wijksim::agents {

/// Trait bits (Population::traits).
enum Trait : std::uint8_t { kIntellectualDisability = 1U << 0, kPhysicalDisability = 1U << 1 };

/// State flags (Population::flags).
enum Flag : std::uint8_t {
  kExitedWelfare = 1U << 0,  ///< in work after leaving welfare (relapse clock = income_months)
  kInShelter = 1U << 1,      ///< evicted and in shelter (else homeless / staying with others)
  kNewlyFound = 1U << 2,     ///< taken in by a team without being known to care before (suction, substitution)
};

/// Things that happened to a household this month (Population::events), read by accounting and outputs.
enum Event : std::uint16_t {
  kJobLoss = 1U << 0,
  kSeparation = 1U << 1,
  kArrears = 1U << 2,          ///< fell into rent arrears
  kEvictionListed = 1U << 3,   ///< on the housing corporation's eviction list
  kEviction = 1U << 4,
  kSupervisionOrder = 1U << 5,
  kPlacement = 1U << 6,
  kAdmission = 1U << 7,
  kNursingHome = 1U << 8,
  kDetention = 1U << 9,
  kOffenceProperty = 1U << 10,
  kOffenceThreat = 1U << 11,
  kOffenceAssault = 1U << 12,
  kElectricityCutoff = 1U << 13,
  kRenewed = 1U << 14,         ///< a new household took this place
  kWelfareEntry = 1U << 15,
};

/// Capacity, trust and network strength are stored as 0..255 for 0..1.
constexpr double unit_from_byte(std::uint8_t b) { return static_cast<double>(b) * (1.0 / 255.0); }
inline std::uint8_t byte_from_unit(double x) {
  const double c = x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
  return static_cast<std::uint8_t>(c * 255.0 + 0.5);
}

struct Population {
  // Who the household is.
  std::vector<HouseholdType> type;          ///< family, elderly, other
  std::vector<std::uint8_t> adults;         ///< 1 or 2
  std::vector<std::uint8_t> children;       ///< children at home
  std::vector<std::uint16_t> neighbourhood; ///< index into the scenario's neighbourhoods
  std::vector<std::uint8_t> capacity;       ///< capacity to act, 0..255
  std::vector<std::uint8_t> traits;         ///< Trait bits
  // Problems.
  std::array<std::vector<std::uint8_t>, kDomainCount> severity;  ///< per domain, 0..3
  // Income, housing, escalations.
  std::vector<Income> income;
  std::vector<std::uint16_t> income_months; ///< months in the current income status
  std::vector<Housing> housing;
  std::vector<YouthEscalation> youth;
  std::vector<Intramural> intramural;
  std::vector<std::uint8_t> flags;          ///< Flag bits
  // Relations.
  std::vector<std::uint8_t> network;        ///< informal network strength, 0..255
  std::vector<std::uint8_t> trust;          ///< trust in services, 0..255
  // Support.
  std::vector<Support> support;             ///< team support status
  std::vector<std::uint8_t> team;           ///< index of the team in the scenario (meaningful when support is not NotKnown)
  std::vector<std::uint16_t> care;          ///< running care-as-usual trajectories (bit per services::Trajectory)
  std::vector<std::uint16_t> waiting;       ///< trajectories waited for on a provider's list (same bits)
  // Month bookkeeping.
  std::vector<std::uint16_t> events;        ///< Event bits of this month
  std::vector<Level> last_level;            ///< level at the end of last month (for flows)
  std::vector<std::uint8_t> laws;           ///< laws used this half-year (bit 0 youth, 1 Wmo, 2 welfare)
  std::vector<std::int64_t> cost_year;      ///< money booked for this household this year, cents

  explicit Population(std::size_t n = 0) { resize(n); }
  void resize(std::size_t n);
  std::size_t size() const { return type.size(); }
  std::uint8_t sev(Domain d, kernel::HouseholdId h) const { return severity[index(d)][h]; }
  /// Raw pointers to the severity columns, for hot loops: a byte store may alias anything, so reading
  /// through the vectors would reload their data pointers after every store.
  std::array<std::uint8_t*, kDomainCount> severity_columns() {
    std::array<std::uint8_t*, kDomainCount> c;
    for (std::size_t d = 0; d < kDomainCount; ++d) c[d] = severity[d].data();
    return c;
  }
  /// Bytes held per household by the columns (capacity, not size).
  double bytes_per_household() const;
};

/// Following a paired world (sim::step_paired): `same[h]` becomes 1 where household h's state in `a` equals
/// its state in `b` in every column but the yearly bookkeeping (laws, cost_year), which no system reads.
void mark_same(const Population& a, const Population& b, std::vector<std::uint8_t>& same);

/// Which columns copy_followed copies: the household's month up to finding, or the care columns that care
/// use writes after finding.
enum class FollowedColumns { BeforeCare, Care };

/// Copies the columns `which` of the households in [begin, end) marked in `follows` from `from` into `to`.
/// last_level, laws and cost_year are never copied: the copying world's own classification and accounting
/// write them.
void copy_followed(const Population& from, Population& to, kernel::HouseholdId begin, kernel::HouseholdId end,
                   std::span<const std::uint8_t> follows, FollowedColumns which);

}  // namespace wijksim::agents
