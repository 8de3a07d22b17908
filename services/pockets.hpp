#pragma once
// The pockets (financiers), docs/MODEL.md §8. Every cost item names its payer among these.
#include <array>
#include <optional>
#include <string_view>

#include "sim/kernel/ledger.hpp"

namespace wijksim::services {

enum class Pocket : kernel::PocketId {
  MunicipalityWmo,
  MunicipalityYouth,
  MunicipalityWorkIncome,
  MunicipalityDebtHelp,
  MunicipalitySocialWork,
  NationalGovernment,
  HealthInsurer,
  LongTermCare,
  Justice,
  HousingCorporation,
  BenefitsAgency,
  Household,
  EmployersSociety,
  NonMonetary,
};
inline constexpr std::size_t kPocketCount = 14;
inline constexpr std::array<std::string_view, kPocketCount> kPocketNames{
    "municipality_wmo",       "municipality_youth", "municipality_work_income", "municipality_debt_help",
    "municipality_social_work", "national_government", "health_insurer",        "long_term_care",
    "justice",                "housing_corporation", "benefits_agency",          "household",
    "employers_society",      "non_monetary"};

constexpr kernel::PocketId id(Pocket p) { return static_cast<kernel::PocketId>(p); }
/// Municipal pockets count in the municipal ratio.
constexpr bool is_municipal(Pocket p) { return id(p) <= id(Pocket::MunicipalitySocialWork); }
/// Money pockets count in the financial ratio; non-monetary value is kept apart.
constexpr bool is_money(Pocket p) { return p != Pocket::NonMonetary; }
/// Pocket by name, if it exists.
std::optional<Pocket> pocket_from_name(std::string_view name);

}  // namespace wijksim::services
