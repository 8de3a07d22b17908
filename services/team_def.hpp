#pragma once
// Settings of a neighbourhood team and its variants (docs/MODEL.md §10-11), of the providers that carry
// care as usual, and of the financier module. Hazards are per month; shares are fractions 0..1.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agents/domains.hpp"
#include "services/care_def.hpp"
#include "services/pockets.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::services {

/// The disciplines a team can hold; each works on one domain [S004 §3].
inline constexpr std::size_t kDisciplineCount = 6;
inline constexpr std::array<std::string_view, kDisciplineCount> kDisciplineNames{
    "work_income", "youth", "welfare", "adult_mental_health", "housing", "care"};
/// The domain each discipline works on (same order as agents::Domain: finances, parenting, participation,
/// mental health, housing, health).
inline constexpr std::array<agents::Domain, kDisciplineCount> kDisciplineDomain{
    agents::Domain::Finances, agents::Domain::Parenting,  agents::Domain::Participation,
    agents::Domain::MentalHealth, agents::Domain::Housing, agents::Domain::Health};

/// Names joined by '+' ("orange+red") parsed into a bit set over `names`; nullopt names the first unknown part.
struct NameSet {
  std::uint32_t bits = 0;
  std::string unknown;  ///< first part that is not a name (empty when all parse)
};
NameSet parse_name_set(std::string_view text, std::span<const std::string_view> names);

/// Income statuses by name, in the order of agents::Income.
inline constexpr std::array<std::string_view, 5> kIncomeNames{"work", "unemployed", "welfare", "pension", "other"};

/// How a team finds households (docs/MODEL.md §10.2).
struct FindingDef {
  std::array<double, 2> self_referral{0.004, 0.02};  ///< per month at worst severity 2, 3, for trust 0.5 (scales with trust) # assumption
  double housing_signal = 0.9;     ///< share of eviction lists the housing corporation passes on (about 2 weeks ahead) [S003] coverage # assumption
  double energy_signal = 0.5;      ///< share of energy cut-offs signalled # assumption
  double school_signal = 0.01;     ///< per month, families with a serious parenting problem signalled by school (absence) # assumption
  double gp_signal = 0.005;        ///< per month, households with serious mental or physical problems signalled by the GP # assumption
  double early_signal = 0.05;      ///< per month, households with serious money problems on an early-signal list (arrears, refused debt help) # assumption
  double outreach_visits = 2.0;    ///< home visits per FTE-month after early signals (0 = no outreach); the generalist team's # assumption
  double at_home = 0.4;            ///< share of visits where someone is home [S003: 4 of 10]
  double opens_up = 0.25;          ///< share of those at home who open up [S003: 1 of 4]
  double police_signal = 0.0;      ///< share of this month's offences the police signal to the team (0 = none) # assumption
  // The team's intake group: households outside it are not found by this team at all (no signal, request or
  // visit reaches it). The defaults take every household, as before these settings existed.
  std::string household_types = "family+elderly+other";          ///< '+'-joined household types found
  std::string income = "work+unemployed+welfare+pension+other";  ///< '+'-joined income statuses found
  std::uint32_t min_trajectories = 0;  ///< care-as-usual trajectories running at least, to be found (0 = any)

  bool operator==(const FindingDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("self_referral", self_referral, kernel::kProbability, "per month at worst severity 2, 3 (trust 0.5)");
    v.field("housing_signal", housing_signal, kernel::kShare, "share of eviction listings signalled to the team");
    v.field("energy_signal", energy_signal, kernel::kShare, "share of energy cut-offs signalled");
    v.field("school_signal", school_signal, kernel::kProbability, "per month, serious parenting problem signalled by school");
    v.field("gp_signal", gp_signal, kernel::kProbability, "per month, serious mental/physical problem signalled by GP");
    v.field("early_signal", early_signal, kernel::kProbability, "per month, serious money problem on an early-signal list");
    v.field("outreach_visits", outreach_visits, kernel::Range{0.0, 1000.0}, "home visits per FTE-month");
    v.field("at_home", at_home, kernel::kShare, "share of visits where someone is home");
    v.field("opens_up", opens_up, kernel::kShare, "share of those at home who open up");
    v.field("police_signal", police_signal, kernel::kShare, "share of offences signalled by the police");
    v.text("household_types", household_types, "'+'-joined household types found: family, elderly, other");
    v.text("income", income, "'+'-joined income statuses found: work, unemployed, welfare, pension, other");
    v.field("min_trajectories", min_trajectories, kernel::Range{0, 10}, "running care trajectories needed to be found");
  }
};

/// What the team does with a case (docs/MODEL.md §10.3-10.8).
struct CaseworkDef {
  std::string disciplines = "work_income+youth+welfare+adult_mental_health+housing+care";  ///< '+'-joined disciplines
  /// Improvement hazards multiplied by 1 + improve[discipline] for the domain of a discipline the team holds
  /// [S001 §4.4: effects are small, 11-25%].
  std::array<double, kDisciplineCount> improve{0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
  /// Worsening and escalation hazards multiplied by 1 - escalation[discipline] [S001 §4.4: 11-25%; 13% delinquency].
  std::array<double, kDisciplineCount> escalation{0.15, 0.15, 0.15, 0.15, 0.15, 0.15};
  double without_discipline = 0.3;     ///< share of the effect in a domain whose discipline the team lacks [S004: youth-only team less effective] # assumption
  double substitution_existing = 0.1;  ///< running substitutable trajectories ended at intake, known households [S004 Table 4.5]
  double substitution_new = 0.3;       ///< the same for newly found households [S004 Table 4.5]
  double extra_care_new = 0.3;         ///< newly found: chance each qualifying substitutable trajectory is started (suction) [S001: +14% Wmo clients] # assumption
  double network_activation = 0.1;     ///< network strength added while supported [S004: 20% planned, 10% realised]
  double referral_acceptance = 0.8;    ///< chance a provider accepts a team referral (graph edge) # assumption
  std::uint32_t close_after_stable = 3;///< months at green or light orange before a case closes # assumption
  std::uint32_t max_case_months = 24;  ///< a case closes after this long at the latest # assumption
  std::uint32_t monitoring_months = 12;///< "pilot light" after closure; 0 = none [S004 §3] length # assumption
  double monitoring_effect = 0.5;      ///< share of the casework effect kept during monitoring # assumption
  double monitoring_hours = 4.0;       ///< hours a year per monitored household [S004 Table 3.10, green row]

  bool operator==(const CaseworkDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("disciplines", disciplines, "'+'-joined: work_income, youth, welfare, adult_mental_health, housing, care");
    v.list("improve", improve, kernel::Range{0.0, 10.0}, "improvement hazard added per discipline (work_income..care)");
    v.list("escalation", escalation, kernel::kShare, "worsening/escalation hazard removed per discipline");
    v.field("without_discipline", without_discipline, kernel::kShare, "share of effect in a domain without its discipline");
    v.field("substitution_existing", substitution_existing, kernel::kShare, "substitutable trajectories ended, known households");
    v.field("substitution_new", substitution_new, kernel::kShare, "substitutable trajectories ended, newly found households");
    v.field("extra_care_new", extra_care_new, kernel::kShare, "newly found: chance a qualifying trajectory is added");
    v.field("network_activation", network_activation, kernel::kShare, "network strength added while supported");
    v.field("referral_acceptance", referral_acceptance, kernel::kShare, "chance a provider accepts a team referral");
    v.field("close_after_stable", close_after_stable, kernel::Range{1, 120}, "stable months before closure");
    v.field("max_case_months", max_case_months, kernel::Range{1, 240}, "longest case in months");
    v.field("monitoring_months", monitoring_months, kernel::Range{0, 240}, "months of monitoring after closure");
    v.field("monitoring_effect", monitoring_effect, kernel::kShare, "share of the effect kept while monitoring");
    v.field("monitoring_hours", monitoring_hours, kernel::Range{0.0, 2000.0}, "hours a year per monitored household");
  }
};

/// Hours a team spends besides the casework of its caseload norm (docs/MODEL.md §10.4): taken from the same
/// client hours a month, so they lower the room for cases. Monitoring contacts are `casework.monitoring_hours`.
struct WorkDef {
  double visit_hours = 1.5;     ///< hours per outreach visit (travel, the door, a note), whether or not someone is home # assumption
  double contact_hours = 0.5;   ///< hours per request or partner signal handled (triage, also when referred on or refused) # assumption
  double intake_hours = 3.0;    ///< hours per household taken in: intake and assessment (a kitchen-table talk and a plan) # assumption
  double referral_hours = 1.0;  ///< hours per referral to a provider (call, form, warm hand-over) # assumption
  double network_hours = 4.0;   ///< hours per FTE-month in network meetings and case consultation with partners # assumption

  bool operator==(const WorkDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("visit_hours", visit_hours, kernel::Range{0.0, 100.0}, "hours per outreach visit");
    v.field("contact_hours", contact_hours, kernel::Range{0.0, 100.0}, "hours per request or signal handled");
    v.field("intake_hours", intake_hours, kernel::Range{0.0, 200.0}, "hours per household taken in (intake and assessment)");
    v.field("referral_hours", referral_hours, kernel::Range{0.0, 100.0}, "hours per referral to a provider");
    v.field("network_hours", network_hours, kernel::Range{0.0, 200.0}, "hours per FTE-month in network meetings");
  }
};

/// Mandate and custom budget.
struct MandateDef {
  bool enabled = false;          ///< may grant youth/Wmo provisions on the spot and stop evictions [S002; S003]
  double stop_eviction = 0.97;   ///< chance a pending eviction of a case is stopped [S003: 68 of 70 prevented]
  double custom_budget = 0.0;    ///< EUR a year for custom solutions (e.g. clearing rent arrears) [S003: 20,000 per coach]
  double arrears_cost = 2500.0;  ///< EUR to clear rent arrears and stop an eviction [S003]

  bool operator==(const MandateDef&) const = default;
  template <class V> void visit(V& v) {
    v.flag("enabled", enabled, "grant youth/Wmo provisions on the spot, stop evictions");
    v.field("stop_eviction", stop_eviction, kernel::kProbability, "chance a pending eviction of a case is stopped");
    v.field("custom_budget", custom_budget, kernel::kEur, "EUR a year");
    v.field("arrears_cost", arrears_cost, kernel::kEur, "EUR to clear rent arrears and stop an eviction");
  }
};

/// Staff turnover.
struct TurnoverDef {
  double yearly = 0.13;               ///< share of staff leaving a year [S002: almost half within five years]
  std::uint32_t vacancy_months = 3;   ///< months before a leaver is replaced # assumption
  double lost_trust = 0.2;            ///< trust lost by the leaver's clients (they retell their story) [S002] size # assumption
  double drop_out = 0.2;              ///< chance a leaver's client quits the team # assumption

  bool operator==(const TurnoverDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("yearly", yearly, kernel::kProbability, "share of staff leaving a year");
    v.field("vacancy_months", vacancy_months, kernel::Range{0, 60}, "months before a leaver is replaced");
    v.field("lost_trust", lost_trust, kernel::kShare, "trust lost by the leaver's clients");
    v.field("drop_out", drop_out, kernel::kShare, "chance a leaver's client quits");
  }
};

/// A co-financier of a team: a pocket paying a share of its costs.
struct CoFinancierDef {
  std::string pocket = "health_insurer";  ///< who pays
  double share = 0.1;                     ///< share of the team's costs # assumption
  std::uint32_t patience = 2;             ///< negative yearly balances in a row before withdrawing # assumption

  bool operator==(const CoFinancierDef&) const = default;
  template <class V> void visit(V& v) {
    v.choice("pocket", pocket, kPocketNames, "pocket that co-finances");
    v.field("share", share, kernel::kShare, "share of the team's costs");
    v.field("patience", patience, kernel::Range{1, 50}, "negative years in a row before withdrawing");
  }
};

inline constexpr std::array<std::string_view, 2> kFundingModes{"additional", "replacement"};

/// One team. A scenario holds zero or more; none is the zero alternative. Its defaults are the documented
/// generalist team of scenarios/wijkteam.toml (docs/MODEL.md §10.11): a `[[teams]]` naming only `fte` and `target`
/// is that team.
struct TeamDef {
  std::string name = "wijkteam";     ///< label in outputs
  double fte = 4.0;                  ///< staff in FTE # assumption (one generalist team for a district)
  double cost_per_fte = 65000.0;     ///< EUR a year [S003]
  double other_costs = 20000.0;      ///< EUR a year besides staff (housing, ICT, training); the generalist team's # assumption
  double friction_share = 0.1;       ///< friction costs in the first year as a share of staff costs [S004 §4.2] size # assumption
  double hours_per_fte = 1200.0;     ///< client hours per FTE a year [S004 Table 3.10]
  std::array<double, agents::kLevelCount> hours{4.0, 8.0, 30.0, 120.0};  ///< hours a year per household by level [S004 Table 3.10]
  std::string target = "orange+red"; ///< '+'-joined levels the team takes in ("the art is not to pick up everything" [S000])
  std::uint32_t max_waiting = 50;    ///< longest waiting list # assumption
  bool urgent_signals = false;       ///< partner signals (an eviction two weeks ahead [S003]) taken in at once, above capacity if need be
  double waiting_drop_out = 0.05;    ///< chance per month a waiting household gives up # assumption
  std::uint32_t ramp_months = 36;    ///< months to full caseload [S004 §4.4: about three years]
  double ramp_start = 0.5;           ///< share of full capacity in the first month # assumption
  std::string funding = "additional";///< "additional" or "replacement" ("new for old") [S004 §5.2]
  std::string replaces;              ///< '+'-joined providers whose budgets shrink by the team's cost (replacement)
  std::string neighbourhood;         ///< neighbourhood served ("" = all)
  std::uint32_t active_months = 0;   ///< months the team works, then winds down (0 = the whole horizon; 12 = the cohort of [S004 §4.4])
  std::uint32_t lead_months = 0;     ///< months the team worked before month 0, in the warm-up (0 = a new team; compare --mode cohort sets mkba.cohort_lead_months)
  FindingDef finding;
  CaseworkDef casework;
  WorkDef work;
  MandateDef mandate;
  TurnoverDef turnover;
  std::vector<CoFinancierDef> cofinanciers;  ///< the municipality (social work) pays the rest

  bool operator==(const TeamDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("name", name, "label in outputs");
    v.field("fte", fte, kernel::Range{0.0, 10000.0}, "staff in FTE");
    v.field("cost_per_fte", cost_per_fte, kernel::kEur, "EUR a year");
    v.field("other_costs", other_costs, kernel::kEur, "EUR a year besides staff");
    v.field("friction_share", friction_share, kernel::Range{0.0, 5.0}, "first-year friction as share of staff costs");
    v.field("hours_per_fte", hours_per_fte, kernel::Range{1.0, 3000.0}, "client hours per FTE a year");
    v.list("hours", hours, kernel::Range{0.0, 2000.0}, "hours a year per household: green, light orange, orange, red");
    v.text("target", target, "'+'-joined levels taken in: green, light_orange, orange, red");
    v.field("max_waiting", max_waiting, kernel::Range{0, 1000000}, "longest waiting list");
    v.flag("urgent_signals", urgent_signals, "partner signals taken in at once, even above capacity");
    v.field("waiting_drop_out", waiting_drop_out, kernel::kProbability, "chance per month a waiting household gives up");
    v.field("ramp_months", ramp_months, kernel::Range{0, 240}, "months to full caseload");
    v.field("ramp_start", ramp_start, kernel::kShare, "share of full capacity in the first month");
    v.choice("funding", funding, kFundingModes, "additional or replacement");
    v.text("replaces", replaces, "'+'-joined providers whose budgets shrink (replacement)");
    v.text("neighbourhood", neighbourhood, "neighbourhood served (empty = all)");
    v.field("active_months", active_months, kernel::Range{0, 1200}, "months the team works, then winds down (0 = whole horizon)");
    v.field("lead_months", lead_months, kernel::Range{0, 600}, "months the team worked before month 0 (0 = a new team)");
    v.table("finding", finding, "how the team finds households");
    v.table("casework", casework, "what the team does with a case");
    v.table("work", work, "hours for visits, contacts, intake, referrals and network meetings");
    v.table("mandate", mandate, "mandate and custom budget");
    v.table("turnover", turnover, "staff turnover");
    v.tables("cofinanciers", cofinanciers, "pockets paying a share of the team");
  }
};

/// One provider of care as usual (a trajectory of CareDef): places, queue and effect. Care that runs works on its
/// domain: improvement more likely, worsening and the escalation ladders starting in the domain less likely.
struct ProviderDef {
  std::uint32_t capacity = 0;   ///< places (0 = no limit) # assumption
  double drop_out = 0.05;       ///< chance per month a waiting household gives up # assumption
  double effect = 0.25;         ///< improvement hazard of the trajectory's domain multiplied by 1 + effect while it runs # assumption
  double protect = 0.15;        ///< worsening and ladder-entry hazards of the domain multiplied by 1 - protect # assumption

  bool operator==(const ProviderDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("capacity", capacity, kernel::Range{0, 1.0e8}, "places (0 = no limit)");
    v.field("drop_out", drop_out, kernel::kProbability, "chance per month a waiting household gives up");
    v.field("effect", effect, kernel::Range{0.0, 10.0}, "improvement hazard added while the trajectory runs");
    v.field("protect", protect, kernel::kShare, "share taken off the domain's worsening hazards while it runs");
  }
};

struct ProvidersDef {
  // Effects of care as usual (assumptions): small for general support, as social work's 11-25% [S001 §4.4];
  // larger where the care resolves the problem itself (debt help clears debts, specialist care treats).
  std::array<ProviderDef, kTrajectoryCount> providers{
      ProviderDef{0, 0.05, 0.25, 0.20},  // youth_ambulatory # assumption
      ProviderDef{0, 0.05, 0.25, 0.15},  // mental_health_basic # assumption
      ProviderDef{0, 0.05, 0.50, 0.25},  // mental_health_specialist # assumption
      ProviderDef{0, 0.05, 1.00, 0.25},  // debt_help_light # assumption
      ProviderDef{0, 0.05, 2.00, 0.50},  // debt_restructuring # assumption
      ProviderDef{0, 0.05, 0.00, 0.20},  // wmo_household_help: slows decline # assumption
      ProviderDef{0, 0.05, 0.25, 0.15},  // wmo_day_activities # assumption
      ProviderDef{0, 0.05, 0.25, 0.15},  // wmo_individual_support # assumption
      ProviderDef{0, 0.05, 0.20, 0.15},  // general_social_work [S001 §4.4] # assumption
      ProviderDef{0, 0.05, 0.25, 0.10},  // reintegration # assumption
  };
  bool operator==(const ProvidersDef&) const = default;
  template <class V> void visit(V& v) {
    for (std::size_t t = 0; t < kTrajectoryCount; ++t) v.table(kTrajectoryNames[t], providers[t], "provider");
  }
  const ProviderDef& operator[](Trajectory t) const { return providers[static_cast<std::size_t>(t)]; }
};

/// The financier module (docs/MODEL.md §14): yearly reviews of co-financing and of the team's size.
struct FinanciersDef {
  bool enabled = false;                    ///< co-financiers review and may withdraw; the municipality may resize
  bool pooled = false;                     ///< pooled budget: co-financiers and the municipality share net savings by contribution
  std::uint32_t municipal_review_years = 4;///< the municipality reviews the team every this many years (0 = never) # assumption
  double cut_below = 0.0;                  ///< municipal ratio below which the team is cut (0 = never) # assumption
  double grow_above = 0.0;                 ///< municipal ratio above which the team grows (0 = never) # assumption
  double resize_step = 0.25;               ///< share of FTE cut or added at a review # assumption

  bool operator==(const FinanciersDef&) const = default;
  template <class V> void visit(V& v) {
    v.flag("enabled", enabled, "co-financiers review yearly; the municipality may resize the team");
    v.flag("pooled", pooled, "pooled budget: net savings shared by contribution");
    v.field("municipal_review_years", municipal_review_years, kernel::Range{0, 50}, "years between municipal reviews");
    v.field("cut_below", cut_below, kernel::Range{0.0, 100.0}, "municipal ratio below which the team is cut");
    v.field("grow_above", grow_above, kernel::Range{0.0, 100.0}, "municipal ratio above which the team grows");
    v.field("resize_step", resize_step, kernel::kShare, "share of FTE cut or added at a review");
  }
};

}  // namespace wijksim::services
