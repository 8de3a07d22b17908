#pragma once
// Names shared by households, services and scenarios: problem domains, household types, problem levels.
#include <array>
#include <cstdint>
#include <string_view>

namespace wijksim::agents {

/// The six problem domains of a household [S004 §2.2, adapted: housing and physical health are domains,
/// intellectual disability is a trait].
enum class Domain : std::uint8_t { Finances, Parenting, Participation, MentalHealth, Housing, Health };
inline constexpr std::size_t kDomainCount = 6;
inline constexpr std::array<std::string_view, kDomainCount> kDomainNames{
    "finances", "parenting", "participation", "mental_health", "housing", "health"};

/// Severity of a domain: 0 none, 1 mild, 2 serious, 3 crisis.
inline constexpr std::uint8_t kMaxSeverity = 3;

/// Household types [S004 §2.2].
enum class HouseholdType : std::uint8_t { Family, Elderly, Other };
inline constexpr std::size_t kTypeCount = 3;
inline constexpr std::array<std::string_view, kTypeCount> kTypeNames{"family", "elderly", "other"};

/// Problem levels [S004 §2.2].
enum class Level : std::uint8_t { Green, LightOrange, Orange, Red };
inline constexpr std::size_t kLevelCount = 4;
inline constexpr std::array<std::string_view, kLevelCount> kLevelNames{"green", "light_orange", "orange", "red"};

/// Income status.
enum class Income : std::uint8_t { Work, Unemployed, Welfare, Pension, Other };
/// Housing status (the eviction ladder).
enum class Housing : std::uint8_t { Housed, Arrears, EvictionPending, Evicted };
/// Escalation of the children: supervision order (OTS), out-of-home placement.
enum class YouthEscalation : std::uint8_t { None, Supervision, Placement };
/// Intramural stay of an adult: mental-health admission, nursing home, detention.
enum class Intramural : std::uint8_t { None, MentalHealthAdmission, NursingHome, Detention };
/// Support by a team (services): not known, waiting, active case, monitoring, closed.
enum class Support : std::uint8_t { NotKnown, Waiting, Active, Monitoring, Closed };

constexpr std::size_t index(Domain d) { return static_cast<std::size_t>(d); }
/// Index of the domain with this name (names are checked by the loader; an unknown name gives 0, finances).
constexpr std::size_t domain_index(std::string_view name) {
  for (std::size_t d = 0; d < kDomainCount; ++d)
    if (kDomainNames[d] == name) return d;
  return 0;
}
constexpr std::size_t index(HouseholdType t) { return static_cast<std::size_t>(t); }
constexpr std::size_t index(Level l) { return static_cast<std::size_t>(l); }

}  // namespace wijksim::agents
