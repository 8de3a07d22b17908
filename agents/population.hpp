#pragma once
// All households of one world as dense columns (struct of arrays). Outside code refers to a household
// by its HouseholdId (the row). The problem level is not stored: it is derived (level.hpp); last_level
// only remembers last month's level to count flows.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <tuple>
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
  return static_cast<std::uint8_t>(c * 255.0 + 0.5);  // NOLINT(bugprone-incorrect-roundings): c >= 0
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
  std::vector<std::uint8_t> shock;          ///< months left of an escalation's shock (eviction, placement, admission)
  std::vector<std::uint8_t> debt_months;    ///< months of money trouble, finances at least risky (0 below; at most 255)
  // Relations.
  std::vector<std::uint8_t> network;        ///< informal network strength, 0..255
  std::vector<std::uint8_t> trust;          ///< trust in services, 0..255
  // Support.
  std::vector<Support> support;             ///< team support status
  std::vector<std::uint8_t> team;           ///< index of the team in the scenario (meaningful when support is not NotKnown)
  std::vector<std::uint16_t> care;          ///< running care-as-usual trajectories (bit per services::Trajectory)
  std::vector<std::uint16_t> waiting;       ///< trajectories waited for on a provider's list (same bits)
  std::vector<std::uint8_t> relapse_months; ///< months left of the raised relapse risk after care ended early
  std::vector<std::uint8_t> relapse_domains;///< domains (bit per Domain) whose care ended early
  // Month bookkeeping.
  std::vector<std::uint16_t> events;        ///< Event bits of this month
  std::vector<Level> last_level;            ///< level at the end of last month (for flows)
  std::vector<std::uint8_t> laws;           ///< laws used this half-year (bit 0 youth, 1 Wmo, 2 welfare)
  std::vector<std::int64_t> cost_year;      ///< public money booked for this household this year, cents
  std::vector<std::int64_t> budget_year;    ///< of it, on the welfare, youth and justice budgets, cents

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

/// Who writes a column during a month, which decides how a paired world treats it (sim::PairedWorlds): the
/// households of a project world whose state equals their zero-alternative twin at the start of a month live the
/// same month there, so their columns are copied from the twin instead of simulated again.
enum class Written : std::uint8_t {
  Month,    ///< by steps 1-4 (life events, domains, escalation, income): copied from the twin before finding (5)
  Care,     ///< by care use after finding (6): copied from the twin after finding, which reads the month's state
  Level,    ///< by each world's own classification: compared with the twin, never copied
  Books,    ///< by each world's own accounting (laws and money of the year): neither compared nor copied
};

/// One column of Population: a member (a vector, or an array of vectors such as the severities), its name for
/// outputs and checks, and who writes it.
template <class Member>
struct Column {
  using Type = Member;
  Member Population::*member;
  std::string_view name;
  Written written;
};

/// Every column of Population, once. Resizing, the paired copy and comparison, the byte count and the tests
/// walk this list; the static_assert in population.cpp fails when a column is added to Population but not here.
inline constexpr auto kColumns = std::make_tuple(
    Column<std::vector<HouseholdType>>{&Population::type, "type", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::adults, "adults", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::children, "children", Written::Month},
    Column<std::vector<std::uint16_t>>{&Population::neighbourhood, "neighbourhood", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::capacity, "capacity", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::traits, "traits", Written::Month},
    Column<std::array<std::vector<std::uint8_t>, kDomainCount>>{&Population::severity, "severity", Written::Month},
    Column<std::vector<Income>>{&Population::income, "income", Written::Month},
    Column<std::vector<std::uint16_t>>{&Population::income_months, "income_months", Written::Month},
    Column<std::vector<Housing>>{&Population::housing, "housing", Written::Month},
    Column<std::vector<YouthEscalation>>{&Population::youth, "youth", Written::Month},
    Column<std::vector<Intramural>>{&Population::intramural, "intramural", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::flags, "flags", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::shock, "shock", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::debt_months, "debt_months", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::network, "network", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::trust, "trust", Written::Month},
    Column<std::vector<Support>>{&Population::support, "support", Written::Month},
    Column<std::vector<std::uint8_t>>{&Population::team, "team", Written::Month},
    Column<std::vector<std::uint16_t>>{&Population::events, "events", Written::Month},
    Column<std::vector<std::uint16_t>>{&Population::care, "care", Written::Care},
    Column<std::vector<std::uint16_t>>{&Population::waiting, "waiting", Written::Care},
    Column<std::vector<std::uint8_t>>{&Population::relapse_months, "relapse_months", Written::Care},
    Column<std::vector<std::uint8_t>>{&Population::relapse_domains, "relapse_domains", Written::Care},
    Column<std::vector<Level>>{&Population::last_level, "last_level", Written::Level},
    Column<std::vector<std::uint8_t>>{&Population::laws, "laws", Written::Books},
    Column<std::vector<std::int64_t>>{&Population::cost_year, "cost_year", Written::Books},
    Column<std::vector<std::int64_t>>{&Population::budget_year, "budget_year", Written::Books});

/// Calls f(column) for every entry of kColumns.
template <class F>
constexpr void for_each_column(F&& f) {
  std::apply([&f](const auto&... column) { (f(column), ...); }, kColumns);
}

/// Calls f(vector) for the vector a column member holds, or for each vector of an array member.
template <class Member, class F>
void for_each_vector(Member& member, F&& f) {
  if constexpr (requires { member.data()->data(); }) {
    for (auto& v : member) f(v);
  } else {
    f(member);
  }
}

/// The i-th vector of a column member: the member itself when it is one vector.
template <class Member>
decltype(auto) index_vector(Member& member, std::size_t i) {
  if constexpr (requires { member.data()->data(); }) {
    return (member[i]);
  } else {
    return (member);
  }
}

/// Following a paired world (sim::PairedWorlds): `same[h]` becomes 1 where household h's state in `a` equals
/// its state in `b` in every column but the Books columns, which no system reads.
void mark_same(const Population& a, const Population& b, std::vector<std::uint8_t>& same);

/// Copies the columns written at `which` (Written::Month or Written::Care) of the households in [begin, end)
/// from `from` into `to`, except the households listed in `own` (ascending), which the world simulates itself.
void copy_followed(const Population& from, Population& to, kernel::HouseholdId begin, kernel::HouseholdId end,
                   std::span<const kernel::HouseholdId> own, Written which);

}  // namespace wijksim::agents
