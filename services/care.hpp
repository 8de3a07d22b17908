#pragma once
// Care as usual (the zero alternative): households start and end trajectories according to their state,
// and every euro of their month is booked to an item (and, through the price table, to its payers).
#include <array>
#include <vector>

#include "agents/dynamics.hpp"
#include "agents/population.hpp"
#include "services/care_def.hpp"
#include "services/team_def.hpp"
#include "services/price_list.hpp"
#include "sim/kernel/ledger.hpp"

namespace wijksim::services {

/// The price list resolved for booking: cents per month (running items) or per event (one-off items),
/// and the payer split of every item.
struct PriceTable {
  std::array<kernel::Cents, kItemCount> cents{};           ///< per month or per event
  std::array<kernel::PocketId, kItemCount> payer{};
  std::array<kernel::PocketId, kItemCount> second_payer{};
  std::array<double, kItemCount> second_share{};        ///< 0 when the item has one payer
  std::array<bool, kItemCount> public_money{};          ///< paid from a public budget (not the household, employers or non-monetary)
  std::array<bool, kItemCount> concentration{};         ///< paid from the welfare, youth or safety budgets, where costs concentrate [S003]
  kernel::Cents quality_of_life_per_crisis_month = 0;      ///< non-monetary loss per domain in crisis per month
  kernel::Cents productivity_per_month = 0;                ///< productivity loss per month of a household in work at mental health >= 2
  std::uint8_t gp_min_severity = 1;                     ///< health or mental-health severity from which the GP item is booked

  static PriceTable from(const PriceListDef& prices, const CareDef& care);
  kernel::Cents operator[](Item i) const { return cents[static_cast<std::size_t>(i)]; }
  /// Book the month's total of one item to its payer(s); a split rounds the second share, the first payer
  /// takes the rest, so the parts add up exactly.
  void book(kernel::Ledger& ledger, kernel::Month month, Item item, kernel::Cents total) const;
};

/// Money per item and cost per level gathered over a range of households in one month.
struct CareAccumulator {
  std::array<kernel::Cents, kItemCount> items{};                  ///< cents per item (before the payer split)
  std::array<kernel::Cents, agents::kLevelCount> level_cost{};    ///< public money by level
  std::array<std::int64_t, agents::kLevelCount> level_months{};///< household-months by level
  void merge(const CareAccumulator& o);
};

/// Bits of Population::laws: the three laws of the use table [S003] (youth, Wmo, welfare), and three provisions
/// whose use is a calibration target of its own (household help, debt help, mental-health care).
enum Law : std::uint8_t {
  kYouthLaw = 1U << 0,
  kWmo = 1U << 1,
  kWelfareLaw = 1U << 2,
  kHouseholdHelp = 1U << 3,
  kDebtHelp = 1U << 4,
  kMentalHealthCare = 1U << 5,
};
inline constexpr std::uint8_t kThreeLaws = kYouthLaw | kWmo | kWelfareLaw;
inline constexpr std::size_t kUseBits = 6;

/// A household that wants to start a trajectory at a provider with a limited number of places.
struct CareRequest {
  kernel::HouseholdId h;
  std::uint8_t trajectory;
};

/// What the household pass hands to the providers (per range, in household order).
struct ProviderInbox {
  std::vector<CareRequest> requests;                     ///< new entries for the providers' waiting lists
  std::array<std::int64_t, kTrajectoryCount> running{};  ///< households running each trajectory
  std::array<std::int64_t, kTrajectoryCount> dropped{};  ///< waiting households that gave up this month
  void merge(const ProviderInbox& o);
};

/// Care rules resolved for the hot loop (domain names looked up once).
struct CareRules {
  struct Rule {
    std::size_t domain;
    std::uint8_t min_severity;
    std::array<double, agents::kTypeCount> start;  ///< start hazard by type
    std::array<double, agents::kTypeCount> start_heavy;  ///< start hazard by type for orange and red households
    double ends_ongoing, ends_resolved;
    bool signalled;  ///< a money or housing trajectory: a partner's signal raises its start
  };
  std::array<Rule, kTrajectoryCount> rules{};
  /// Trajectories a domain at a severity qualifies for: qualifies[domain][severity] (bit per trajectory).
  std::array<std::array<std::uint16_t, agents::kMaxSeverity + 1>, agents::kDomainCount> qualifies{};
  std::uint16_t limited = 0;                          ///< trajectories whose provider has a limited number of places
  std::array<double, kTrajectoryCount> drop_out{};    ///< chance per month a waiting household gives up
  agents::CareEffects effects;                        ///< effect of each running trajectory on its domain
  double trust_start = 0.0, crisis_start = 1.0, signal_start = 1.0;  ///< CareDef's start modifiers
  std::uint8_t early_end_months = 0;                  ///< CareDef::early_end_months
  static CareRules from(const CareDef& def, const ProvidersDef& providers);
};

/// Ends trajectory t of household h. When the household still qualifies for it (the problem is still there), the
/// end is early: its domain's relapse risk is raised for rules.early_end_months months.
void end_trajectory(agents::Population& pop, kernel::HouseholdId h, Trajectory t, const CareRules& rules);

/// Trajectories a household qualifies for now (re-integration only on welfare).
std::uint16_t qualifying(const agents::Population& pop, kernel::HouseholdId h, const CareRules& rules);

/// Start and end care-as-usual trajectories. A start at a provider with limited places becomes a request for
/// its waiting list; waiting households may give up, or leave the list when they no longer qualify.
/// Reads severity, type, income, last_level, waiting; writes care, waiting, inbox.
void use_care(agents::Population& pop, agents::Households hs, const CareRules& rules, const agents::StepContext& ctx,
              ProviderInbox& inbox);

/// Book the month of every household: running costs from its state, one-off costs from its events.
/// Reads state, events and last_level (this month's level); writes cost_year (public money only: the
/// budgets whose concentration the sources describe), laws and the accumulator.
void account(agents::Population& pop, agents::HouseholdRange r, const PriceTable& prices, CareAccumulator& acc);

}  // namespace wijksim::services
