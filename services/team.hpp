#pragma once
// Neighbourhood teams (docs/MODEL.md §10: steps 5, 6 and 8 of the month): finding households in the household pass, then on one
// thread, in household order: waiting list, intake, casework, mandate, referrals along the graph, closure
// and monitoring, ramp-up, turnover and the team's costs on the ledger.
#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

#include "agents/dynamics.hpp"
#include "agents/population.hpp"
#include "services/care.hpp"
#include "services/providers.hpp"
#include "services/referral_graph.hpp"
#include "services/team_def.hpp"
#include "sim/kernel/ledger.hpp"
#include "sim/kernel/rng.hpp"

namespace wijksim::services {

/// How a household came into view of a team.
enum class Source : std::uint8_t { Self, Signal, Outreach };

/// A household coming into view of a team this month.
struct Contact {
  kernel::HouseholdId h;
  std::uint8_t team;
  Source source;
};

/// What the household pass hands to the teams (per range, in household order).
struct TeamInbox {
  std::vector<Contact> contacts;  ///< asked for help or signalled by a partner
  std::vector<Contact> early;     ///< on an early-signal list: candidates for outreach visits
  std::vector<std::int64_t> escalations_waiting;  ///< per team: escalations of households on its waiting list
  void merge(const TeamInbox& o);
};

/// A team's intake group (FindingDef household_types, income, min_trajectories) as bit sets.
struct IntakeGroup {
  std::uint32_t types = 0;             ///< bit per agents::HouseholdType
  std::uint32_t incomes = 0;           ///< bit per agents::Income
  std::uint32_t min_trajectories = 0;  ///< running care-as-usual trajectories needed
  bool everyone = true;                ///< every household is in the group (the defaults)
  static IntakeGroup of(const FindingDef& f);
  bool contains(const agents::Population& pop, kernel::HouseholdId h) const;
};

/// Finding resolved for the household pass.
struct FindingRules {
  std::vector<FindingDef> teams;             ///< per team
  std::vector<bool> outreach;                ///< per team: does outreach visits
  std::vector<std::int16_t> team_of_hood;    ///< first staffed team serving each neighbourhood, -1 none
  bool any() const { return !teams.empty(); }
};

/// Step 5. Households with a serious problem may come into view of their neighbourhood's team: partners
/// signal them (eviction list, energy cut-off, school, GP, police), they ask themselves (more with trust and at
/// a crisis), or they land on an early-signal list that outreach visits work through. Households outside the
/// team's intake group are not found by it.
/// Reads severity, events, trust, support, team, children, intramural, type, income, care; writes the inbox.
void find(const agents::Population& pop, agents::HouseholdRange r, const FindingRules& rules,
          const agents::StepContext& ctx, TeamInbox& inbox);

/// One month of one team, for outputs.
struct TeamMonth {
  std::array<std::int64_t, agents::kLevelCount> caseload{};  ///< active cases by level
  std::int64_t monitoring = 0, waiting = 0;
  std::int64_t intake_self = 0, intake_signal = 0, intake_outreach = 0;
  std::int64_t newly_found = 0;          ///< intakes not known to care before
  std::int64_t referrals = 0;            ///< referrals to providers (out-of-target contacts and cases)
  std::int64_t refused = 0;              ///< contacts turned away (out of target with no route, or list full)
  std::int64_t waiting_dropouts = 0, escalations_waiting = 0;
  std::int64_t closed = 0, relapses = 0;
  std::int64_t visits = 0, visits_home = 0;
  std::int64_t evictions_stopped = 0, mandate_grants = 0;
  std::int64_t substituted = 0, extra_care = 0;
  std::int64_t departures = 0;
  double fte = 0.0, fte_effective = 0.0;      ///< paid FTE (after financier decisions), FTE at work
  double capacity_hours = 0.0, load_hours = 0.0;  ///< client hours this month; load = cases and monitoring
  double work_hours = 0.0;                        ///< hours of visits, contacts, intake, referrals, network meetings
  double utilisation = 0.0;                       ///< (load + work hours) / capacity hours (0 without capacity)
  kernel::Cents cost = 0;                         ///< booked this month (staff, other, friction, custom budget)
};
/// Names of the TeamMonth metrics in output order, and the values in that order.
std::span<const std::string_view> team_metric_names();
std::vector<double> team_metric_values(const TeamMonth& m);

/// What a team needs from the world for its month.
struct TeamWorld {
  agents::Population& pop;
  Providers& providers;
  const CareRules& care;
  kernel::Ledger& ledger;
  const kernel::Rng& rng;
  kernel::Month draw_month;    ///< month of the random source (warm-up months first)
  kernel::Month month;         ///< month of the horizon (ledger and ramp-up)
};

class Team {
 public:
  Team(const TeamDef& def, std::size_t index, const TeamRoutes& routes);

  /// The month's work after the household pass: contacts and early signals are this team's (household order).
  void act(TeamWorld& w, std::span<const Contact> contacts, std::span<const Contact> early, std::int64_t escalations_waiting);

  /// Effects on hazards of active and monitored cases.
  const agents::SupportEffect& active_effect() const { return active_; }
  const agents::SupportEffect& monitoring_effect() const { return monitoring_; }

  const TeamDef& def() const { return def_; }
  double fte() const { return fte_; }
  /// Change the paid FTE (financier decisions), from next month.
  void set_fte(double fte) { fte_ = fte < 0.0 ? 0.0 : fte; }
  /// Co-financing shares still paid, per cofinancier of the def.
  const std::vector<bool>& cofinancing() const { return paying_; }
  /// A co-financier stops paying; the team shrinks by its share.
  void withdraw(std::size_t cofinancier);
  /// Pockets paying the team with their shares (municipality social work pays the rest).
  std::vector<std::pair<Pocket, double>> payers() const;
  const TeamMonth& last_month() const { return month_; }

  // Live controls (wijksim-viz): settings changed mid-run, in effect from the next month.
  /// Client hours a year per household by level (the caseload norm).
  void set_hours(const std::array<double, agents::kLevelCount>& hours) { def_.hours = hours; }
  /// Home visits per FTE-month after early signals (0 = no outreach).
  void set_outreach_visits(double visits) { def_.finding.outreach_visits = visits < 0.0 ? 0.0 : visits; }
  /// Mandate on or off, with the team's routes read from a referral graph built for that setting.
  void set_mandate(bool enabled, const TeamRoutes& routes);
  /// Custom budget in EUR a year; what is left this year changes by the difference.
  void set_custom_budget(double eur_a_year);
  /// Levels taken in, one bit per level (bit i: agents::Level i); others are referred on. The def's `target`
  /// text follows, so def() still describes the team.
  void set_target(std::uint32_t level_bits);
  std::uint32_t target() const { return target_; }
  bool staffed() const { return fte_ > 0.0; }
  /// The team worked `months` before month 0 of the horizon (a cohort's lead-in, docs/MODEL.md §17): its clock
  /// (ramp-up, friction, case and monitoring months, vacancies) runs that far ahead of the horizon's months.
  void carry_on(kernel::Month months) { age_offset_ += months; }
  /// Take over the cases, waiting list, closed and monitored households and vacancies of the same team that worked
  /// `months` before month 0 in a lead-in world (its settings may differ: it had no end).
  void take_over(const Team& led, kernel::Month months);
  /// Months the team has worked at horizon month `month`.
  kernel::Month age(kernel::Month month) const { return month + age_offset_; }

 private:
  struct Case {
    kernel::HouseholdId h;
    kernel::Month start;
    std::uint16_t stable = 0;   ///< months in a row at green or light orange
    std::uint8_t referred = 0;  ///< domains already referred (bit per domain)
  };
  struct Closed {
    kernel::HouseholdId h;
    kernel::Month at;
    kernel::Month monitored_until;
  };

  kernel::Month age(const TeamWorld& w) const { return age(w.month); }
  double effective_fte() const;
  double capacity_hours(kernel::Month month) const;
  double hours_of(const agents::Population& pop, kernel::HouseholdId h) const;
  void wind_down(TeamWorld& w);
  void turnover(TeamWorld& w);
  void review_cases(TeamWorld& w);
  void review_closed(TeamWorld& w);
  void review_waiting(TeamWorld& w);
  void triage(TeamWorld& w, const Contact& c);
  void outreach(TeamWorld& w, std::span<const Contact> early);
  void admit(TeamWorld& w, kernel::HouseholdId h);
  void casework(TeamWorld& w, Case& c);
  bool refer(TeamWorld& w, kernel::HouseholdId h, std::size_t domain);
  bool has_room(const agents::Population& pop, kernel::HouseholdId h) const;
  /// Outreach visits this month: outreach_visits per FTE at work, at most one per early signal.
  std::size_t planned_visits(std::size_t early) const;
  void book_costs(TeamWorld& w);
  /// Book an amount on the team's payers by their shares (the municipality takes the rounding rest).
  void book_split(TeamWorld& w, Item item, kernel::Cents total);

  TeamDef def_;
  std::size_t index_;
  TeamRoutes routes_;
  std::uint32_t target_ = 0;       ///< level bits taken in
  std::uint32_t disciplines_ = 0;  ///< discipline bits held
  std::uint16_t substitutable_ = 0;///< trajectories the team can replace [S004]
  agents::SupportEffect active_, monitoring_;
  double fte_;
  std::vector<bool> paying_;
  std::vector<kernel::Month> vacancies_;  ///< month each open vacancy is filled
  double budget_left_ = 0.0;           ///< custom budget left this year, EUR
  std::vector<Case> cases_;
  std::vector<Closed> closed_;         ///< closed in the last 12 months (relapse watch; monitoring)
  std::deque<kernel::HouseholdId> waiting_;
  double load_ = 0.0;                  ///< client hours a month of the current cases and monitored households
  double work_ = 0.0;                  ///< hours spent this month besides casework (WorkDef)
  double capacity_hours_now_ = 0.0;    ///< client hours a month available this month
  TeamMonth month_;
  kernel::Month age_offset_ = 0;       ///< months worked before month 0 of the horizon (carry_on)
};

/// Household id used for a team's own draws (turnover): far above any household.
constexpr std::uint64_t team_draw_id(std::size_t team) { return 0xFFFF'FFFF'0000ULL + team; }

}  // namespace wijksim::services
