#pragma once
// Care as usual: which households use which trajectories, and when they stop. This is the zero
// alternative of every comparison. Hazards per month.
#include <array>
#include <string>

#include "agents/domains.hpp"
#include "services/price_list.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::services {

/// Trajectories households use on their own initiative or by referral in care as usual.
enum class Trajectory : std::uint8_t {
  YouthAmbulatory,
  MentalHealthBasic,
  MentalHealthSpecialist,
  DebtHelpLight,
  DebtRestructuring,
  WmoHouseholdHelp,
  WmoDayActivities,
  WmoIndividualSupport,
  GeneralSocialWork,
  Reintegration,
};
inline constexpr std::size_t kTrajectoryCount = 10;
inline constexpr std::array<std::string_view, kTrajectoryCount> kTrajectoryNames{
    "youth_ambulatory", "mental_health_basic", "mental_health_specialist", "debt_help_light",
    "debt_restructuring", "wmo_household_help", "wmo_day_activities",     "wmo_individual_support",
    "general_social_work", "reintegration"};
/// The price-list item each trajectory is booked on.
inline constexpr std::array<Item, kTrajectoryCount> kTrajectoryItems{
    Item::YouthAmbulatory, Item::MentalHealthBasic, Item::MentalHealthSpecialist, Item::DebtHelpLight,
    Item::DebtRestructuring, Item::WmoHouseholdHelp, Item::WmoDayActivities, Item::WmoIndividualSupport,
    Item::GeneralSocialWork, Item::Reintegration};

/// When a trajectory starts and ends.
struct TrajectoryDef {
  std::string domain = "finances";       ///< domain whose severity qualifies
  std::uint32_t min_severity = 2;        ///< severity from which the household may start
  double start = 0.05;                   ///< start hazard per month while qualifying
  double ends_ongoing = 0.05;            ///< end hazard while still qualifying
  double ends_resolved = 0.25;           ///< end hazard once below min_severity
  std::array<double, agents::kTypeCount> type_factor{1.0, 1.0, 1.0};  ///< start multiplier by type (0: never)

  bool operator==(const TrajectoryDef&) const = default;
  template <class V> void visit(V& v) {
    v.choice("domain", domain, agents::kDomainNames, "qualifying domain");
    v.field("min_severity", min_severity, kernel::Range{1, 3}, "severity from which the household may start");
    v.field("start", start, kernel::kProbability, "start hazard per month while qualifying");
    v.field("ends_ongoing", ends_ongoing, kernel::kProbability, "end hazard per month while qualifying");
    v.field("ends_resolved", ends_resolved, kernel::kProbability, "end hazard per month once below min_severity");
    v.list("type_factor", type_factor, kernel::Range{0.0, 20.0}, "start multiplier for family, elderly, other");
  }
};

struct CareDef {
  // Start and ongoing-end hazards: assumptions, calibrated to the law-use and cost targets [S003].
  std::array<TrajectoryDef, kTrajectoryCount> trajectories{
      TrajectoryDef{"parenting", 1, 0.2986, 0.057, 0.2, {1, 0, 0}},           // about 1 in 10 young people [S003] # assumption (calibrated: start)
      TrajectoryDef{"mental_health", 2, 0.1356, 0.0475, 0.25, {1, 0.6, 1}},    // # assumption (calibrated: start)
      TrajectoryDef{"mental_health", 2, 0.0565, 0.019, 0.15, {1, 0.6, 1}},    // # assumption (calibrated: start)
      TrajectoryDef{"finances", 2, 0.003347, 0.0475, 0.2, {1, 0.5, 1}},          // people reach help late [S000] # assumption (calibrated: start)
      TrajectoryDef{"finances", 3, 0.002461, 0.0266, 0.1, {1, 0.5, 1}},         // statutory restructuring ~3 years # assumption (calibrated: start)
      TrajectoryDef{"health", 1, 0.008372, 0.0095, 0.05, {0.3, 1, 0.4}},         // # assumption (calibrated: start)
      TrajectoryDef{"participation", 2, 0.0813, 0.019, 0.1, {0.3, 1, 0.6}},   // # assumption (calibrated: start)
      TrajectoryDef{"mental_health", 2, 0.1949, 0.019, 0.1, {1, 0.8, 1}},     // # assumption (calibrated: start)
      TrajectoryDef{"finances", 2, 0.0718, 0.057, 0.2, {1, 0.6, 1}},          // 80% of team clients have money problems [S000] # assumption (calibrated: start)
      TrajectoryDef{"participation", 2, 0.0678, 0.057, 0.2, {0.6, 0, 1}},     // welfare clients only # assumption (calibrated: start)
  };


  double not_self_reliant_start = 7.403;    ///< start hazards multiplied for orange and red households [S004 §2.3: the less self-reliant, the more care] # assumption (size)
  // Hidden need: problems exist before care does [S000: five of six problematic debts are not in view; people reach
  // social work after about five years of debt]. A start hazard grows with trust, with a crisis in the domain and,
  // for money and housing, with a partner's signal (arrears, an eviction notice, an energy cut-off) this month.
  double trust_start = 0.5;               ///< start hazards x (1 + trust_start (2 trust - 1)) # assumption
  double crisis_start = 2.0;              ///< start hazards x this when the domain is in crisis # assumption
  double signal_start = 3.0;              ///< money and housing start hazards x this in a month with a signal # assumption
  // Ending care while the problem is still there leads to relapse [S000; S004: care that ends early comes back].
  std::uint32_t early_end_months = 6;     ///< months of raised relapse risk after care ended early # assumption
  double early_end_worsen = 1.5;          ///< worsening hazard of its domain x this meanwhile # assumption
  double productivity_loss_share = 1.0;   ///< share of the productivity-loss item a year for a household in work at mental health >= 2 # assumption
  double quality_of_life_loss = 0.15;     ///< healthy life-years lost per year per domain in crisis # assumption
  std::uint32_t gp_users_min_severity = 1;      ///< GP item for households with health or mental health at this severity # assumption

  bool operator==(const CareDef&) const = default;
  template <class V> void visit(V& v) {
    for (std::size_t t = 0; t < kTrajectoryCount; ++t) v.table(kTrajectoryNames[t], trajectories[t], "trajectory");
    v.field("not_self_reliant_start", not_self_reliant_start, kernel::Range{0.0, 20.0},
            "start-hazard multiplier for orange and red households");
    v.field("trust_start", trust_start, kernel::Range{0.0, 1.0}, "start hazards x (1 + trust_start (2 trust - 1))");
    v.field("crisis_start", crisis_start, kernel::Range{0.0, 20.0}, "start-hazard multiplier at a crisis in the domain");
    v.field("signal_start", signal_start, kernel::Range{0.0, 20.0},
            "money and housing start-hazard multiplier in a month with a partner's signal");
    v.field("early_end_months", early_end_months, kernel::Range{0, 120}, "months of raised relapse risk after an early end");
    v.field("early_end_worsen", early_end_worsen, kernel::Range{1.0, 20.0},
            "worsening multiplier of the domain whose care ended early");
    v.field("productivity_loss_share", productivity_loss_share, kernel::Range{0.0, 5.0},
            "share of productivity-loss item a year for a household in work at mental health >= 2");
    v.field("quality_of_life_loss", quality_of_life_loss, kernel::Range{0.0, 1.0},
            "healthy life-years lost per year per domain in crisis");
    v.field("gp_users_min_severity", gp_users_min_severity, kernel::Range{1.0, 3.0},
            "GP item from this health or mental-health severity");
  }
  const TrajectoryDef& operator[](Trajectory t) const { return trajectories[static_cast<std::size_t>(t)]; }
};

}  // namespace wijksim::services
