#pragma once
// The social price list ([S003], docs/MODEL.md §7.10) with a payer per item. The payer mapping is the model's
// (the sources do not say who pays each item); a scenario can remap any payer.
#include <array>
#include <string>
#include <string_view>

#include "services/pockets.hpp"
#include "sim/kernel/def_meta.hpp"
#include "sim/kernel/ledger.hpp"

namespace wijksim::services {

enum class Item : kernel::ItemId {
  WelfareBenefit,
  WelfareRunningCosts,
  UnemploymentBenefit,
  Reintegration,
  YouthAmbulatory,
  SupervisionOrder,
  ChildProtectionBoard,
  OutOfHomePlacement,
  MentalHealthBasic,
  MentalHealthSpecialist,
  MentalHealthAdmission,
  GeneralPractitioner,
  DebtHelpLight,
  DebtRestructuring,
  WmoHouseholdHelp,
  WmoDayActivities,
  WmoIndividualSupport,
  GeneralSocialWork,
  Shelter,
  EmergencyHome,
  Eviction,
  Bailiff,
  Reletting,
  ElectricityCutoff,
  OffenceProperty,
  OffenceThreat,
  OffenceAssault,
  Detention,
  NursingHome,
  ProductivityLoss,
  QualityOfLife,
  // Booked by teams and financiers, not priced by the list (their amounts come from the team's settings).
  TeamStaff,
  TeamOther,
  CustomBudget,
  PooledSettlement,
};
/// Items priced by the price list (the first kPricedItemCount of Item).
inline constexpr std::size_t kPricedItemCount = 31;
/// All ledger items.
inline constexpr std::size_t kItemCount = 35;
inline constexpr std::array<std::string_view, kItemCount> kItemNames{
    "welfare_benefit",   "welfare_running_costs", "unemployment_benefit",   "reintegration",
    "youth_ambulatory",  "supervision_order",     "child_protection_board", "out_of_home_placement",
    "mental_health_basic", "mental_health_specialist", "mental_health_admission", "general_practitioner",
    "debt_help_light",   "debt_restructuring",    "wmo_household_help",     "wmo_day_activities",
    "wmo_individual_support", "general_social_work",
    "shelter",           "emergency_home",        "eviction",               "bailiff",
    "reletting",         "electricity_cutoff",    "offence_property",       "offence_threat",
    "offence_assault",   "detention",             "nursing_home",           "productivity_loss",
    "quality_of_life",   "team_staff",            "team_other",             "custom_budget",
    "pooled_settlement"};

constexpr kernel::ItemId id(Item i) { return static_cast<kernel::ItemId>(i); }

/// One price-list item: an amount, and who pays it (optionally split with a second payer).
struct ItemDef {
  double eur = 0.0;                 ///< EUR a year (running items) or EUR per event (one-off items)
  std::string payer;                ///< pocket that pays
  std::string second_payer;         ///< optional pocket sharing the cost ("" = none)
  double second_share = 0.0;        ///< share paid by the second payer

  bool operator==(const ItemDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("eur", eur, kernel::kEur, "EUR a year (running) or per event (one-off)");
    v.choice("payer", payer, kPocketNames, "pocket that pays");
    v.choice("second_payer", second_payer, kPocketNamesOrNone, "optional pocket sharing the cost");
    v.field("second_share", second_share, kernel::kShare, "share paid by the second payer");
  }
  static constexpr std::array<std::string_view, kPocketCount + 1> kPocketNamesOrNone = [] {
    std::array<std::string_view, kPocketCount + 1> a{};
    a[0] = "";
    for (std::size_t i = 0; i < kPocketCount; ++i) a[i + 1] = kPocketNames[i];
    return a;
  }();
};

/// True for items booked per event rather than per year.
constexpr bool is_one_off(Item i) {
  switch (i) {
    case Item::Eviction:
    case Item::Bailiff:
    case Item::Reletting:
    case Item::ElectricityCutoff:
    case Item::Shelter:
    case Item::OffenceProperty:
    case Item::OffenceThreat:
    case Item::OffenceAssault:
      return true;
    default:
      return false;
  }
}

struct PriceListDef {
  std::array<ItemDef, kPricedItemCount> items{
      ItemDef{14000, "municipality_work_income", "national_government", 0.25},  // [S003]; split # assumption [S003 §5]
      ItemDef{2900, "municipality_work_income", "", 0},      // [S003]
      ItemDef{18000, "benefits_agency", "", 0},               // # assumption (UWV benefit)
      ItemDef{3000, "municipality_work_income", "", 0},      // # assumption
      ItemDef{7500, "municipality_youth", "", 0},             // [S003] youth care without placement
      ItemDef{8900, "municipality_youth", "", 0},             // [S003] supervision order under 1 year
      ItemDef{3500, "justice", "", 0},                        // [S003] child protection board per family a year
      ItemDef{40000, "municipality_youth", "", 0},            // [S003] per placement, taken as a year
      ItemDef{1500, "health_insurer", "", 0},                 // # assumption
      ItemDef{7000, "health_insurer", "", 0},                 // # assumption
      ItemDef{100000, "health_insurer", "", 0},               // # assumption (clinic about 275 a day)
      ItemDef{300, "health_insurer", "", 0},                  // # assumption
      ItemDef{1200, "municipality_debt_help", "", 0},         // # assumption
      ItemDef{3000, "municipality_debt_help", "", 0},         // # assumption
      ItemDef{4000, "municipality_wmo", "", 0},               // # assumption
      ItemDef{8000, "municipality_wmo", "", 0},               // # assumption
      ItemDef{9000, "municipality_wmo", "", 0},               // # assumption (individual support, about 3 hours a week)
      ItemDef{1500, "municipality_social_work", "", 0},       // # assumption
      ItemDef{50000, "municipality_wmo", "", 0},              // [S003] supported housing after eviction
      ItemDef{4800, "municipality_wmo", "", 0},               // [S003] emergency home 400 a month
      ItemDef{6000, "housing_corporation", "", 0},            // [S003]
      ItemDef{200, "household", "", 0},                       // [S003]
      ItemDef{1200, "housing_corporation", "", 0},            // [S003]
      ItemDef{790, "household", "", 0},                       // [S003]
      ItemDef{1400, "justice", "", 0},                        // [S003]
      ItemDef{2700, "justice", "", 0},                        // [S003]
      ItemDef{5500, "justice", "", 0},                        // [S003]
      ItemDef{80000, "justice", "", 0},                       // [S003] over 80,000 a year
      ItemDef{95000, "long_term_care", "", 0},                // # assumption (nursing home with treatment, about 260 a day)
      ItemDef{6000, "employers_society", "", 0},              // # assumption (sick leave from stress, a year)
      ItemDef{20000, "non_monetary", "", 0},                  // [S004 §4.3] per healthy life-year
  };

  bool operator==(const PriceListDef&) const = default;
  template <class V> void visit(V& v) {
    for (std::size_t i = 0; i < kPricedItemCount; ++i) v.table(kItemNames[i], items[i], "price-list item");
  }
  const ItemDef& operator[](Item i) const { return items[static_cast<std::size_t>(i)]; }
};

}  // namespace wijksim::services
