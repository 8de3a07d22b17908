#pragma once
// Settings of households: who they are (PopulationDef), who they know (NetworkDef), how their month goes
// (DynamicsDef) and how their problem level is read off their state (LevelDef).
// Units: hazards are probabilities per month; shares are fractions 0..1.
#include <array>
#include <string>
#include <vector>

#include "agents/domains.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::agents {

using kernel::kNonNegative;
using kernel::kProbability;
using kernel::kShare;
using kernel::Range;

/// One neighbourhood (district part) with its deprivation.
struct NeighbourhoodDef {
  std::string name = "wijk";  ///< label in outputs
  double share = 1.0;         ///< share of the scenario's households living here (normalised over neighbourhoods)
  double deprivation = 0.0;   ///< 0 average Dutch neighbourhood .. 1 most deprived (scales hazards and initial problems)

  bool operator==(const NeighbourhoodDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("name", name, "label in outputs");
    v.field("share", share, Range{0.0, 1.0e6}, "relative share of households (normalised)");
    v.field("deprivation", deprivation, kShare, "0 average .. 1 most deprived");
  }
};

/// Share of households starting with severity >= 1, >= 2 and 3 in one domain, in an average neighbourhood.
struct PrevalenceDef {
  std::array<double, 3> at_least{0.1, 0.03, 0.005};  ///< P(severity>=1), P(>=2), P(=3); must not increase

  bool operator==(const PrevalenceDef&) const = default;
  template <class V> void visit(V& v) { v.list("at_least", at_least, kProbability, "P(sev>=1), P(sev>=2), P(sev=3)"); }
};

struct PopulationDef {
  std::array<double, kTypeCount> type_shares{0.32, 0.30, 0.38};        ///< family/elderly/other # assumption (CBS-like)
  std::array<double, kTypeCount> single_adult_share{0.2, 0.55, 0.6};   ///< one parent / one person # assumption
  double children_mean = 1.8;                  ///< children per family # assumption
  double capacity_mean = 0.65;                 ///< capacity to act ("doenvermogen"), 0..1 # assumption
  double capacity_sd = 0.18;                   ///< spread of capacity # assumption
  double deprivation_capacity = 0.15;          ///< capacity lost at deprivation 1 # assumption
  double intellectual_disability = 0.05;       ///< share with (mild) intellectual disability # assumption
  double deprivation_intellectual_disability = 1.0;  ///< relative increase at deprivation 1 # assumption
  std::array<double, kTypeCount> physical_disability{0.04, 0.25, 0.06};  ///< share by type # assumption
  std::array<double, kTypeCount> employed_share{0.93, 0.0, 0.88};        ///< adults in work (rest: other income) # assumption (calibrated: stationary mix)
  double initial_welfare = 0.056;              ///< share on welfare benefit at start (average neighbourhood) # [S003] 51-77 per 1000
  double initial_welfare_months = 60.0;       ///< mean months on benefit so far of those on welfare at start # assumption (calibrated: stationary durations)
  double deprivation_welfare = 3.25;           ///< relative increase of welfare at deprivation 1 # assumption
  double deprivation_prevalence = 2.0;         ///< relative increase of initial problems at deprivation 1 # assumption (calibrated)
  double trust_mean = 0.6;                     ///< trust in services, 0..1 # assumption
  std::array<PrevalenceDef, kDomainCount> prevalence{
      // Set to the model's stationary state (scaled by deprivation and type factors), so a short warm-up suffices.
      PrevalenceDef{{0.163, 0.072, 0.029}},  // finances: 17% risky debt, 7.6% problematic [S000]
      PrevalenceDef{{0.076, 0.025, 0.0074}}, // parenting (families only) # assumption (calibrated)
      PrevalenceDef{{0.091, 0.032, 0.0099}}, // participation # assumption (calibrated)
      PrevalenceDef{{0.084, 0.027, 0.0056}}, // mental health # assumption (calibrated)
      PrevalenceDef{{0.038, 0.015, 0.0045}}, // housing # assumption (calibrated)
      PrevalenceDef{{0.108, 0.050, 0.0216}}, // health (more among elderly) # assumption (calibrated)
  };
  std::vector<NeighbourhoodDef> neighbourhoods{NeighbourhoodDef{}};  ///< at least one

  bool operator==(const PopulationDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("type_shares", type_shares, kShare, "family, elderly, other (normalised)");
    v.list("single_adult_share", single_adult_share, kShare, "one-parent/one-person share by type");
    v.field("children_mean", children_mean, Range{1.0, 10.0}, "children per family");
    v.field("capacity_mean", capacity_mean, kShare, "mean capacity to act 0..1");
    v.field("capacity_sd", capacity_sd, Range{0.0, 1.0}, "spread of capacity to act");
    v.field("deprivation_capacity", deprivation_capacity, kShare, "capacity lost at deprivation 1");
    v.field("intellectual_disability", intellectual_disability, kShare, "share with intellectual disability");
    v.field("deprivation_intellectual_disability", deprivation_intellectual_disability, Range{0.0, 10.0},
            "relative increase at deprivation 1");
    v.list("physical_disability", physical_disability, kShare, "share with physical disability by type");
    v.list("employed_share", employed_share, kShare, "share in work by type");
    v.field("initial_welfare", initial_welfare, kShare, "share on welfare benefit at start");
    v.field("initial_welfare_months", initial_welfare_months, Range{0.0, 240.0}, "mean months on benefit so far at start");
    v.field("deprivation_welfare", deprivation_welfare, Range{0.0, 10.0}, "relative increase at deprivation 1");
    v.field("deprivation_prevalence", deprivation_prevalence, Range{0.0, 10.0}, "relative increase at deprivation 1");
    v.field("trust_mean", trust_mean, kShare, "mean trust in services 0..1");
    for (std::size_t d = 0; d < kDomainCount; ++d)
      v.table(std::string("prevalence_") + std::string(kDomainNames[d]), prevalence[d], "initial prevalence");
    v.tables("neighbourhoods", neighbourhoods, "neighbourhoods of the district");
  }
};

/// Social network: random ties, mostly within the neighbourhood.
struct NetworkDef {
  double mean_ties = 6.0;              ///< ties per household # assumption
  double within_neighbourhood = 0.8;   ///< share of ties inside the own neighbourhood # assumption
  double half_strength_ties = 2.0;     ///< supportive ties giving network strength 0.5 # assumption
  double isolation_per_participation = 0.25;  ///< ties lost per participation severity step (share) # assumption

  bool operator==(const NetworkDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("mean_ties", mean_ties, Range{0.0, 100.0}, "ties per household");
    v.field("within_neighbourhood", within_neighbourhood, kShare, "share of ties inside the neighbourhood");
    v.field("half_strength_ties", half_strength_ties, Range{0.1, 100.0}, "supportive ties for strength 0.5");
    v.field("isolation_per_participation", isolation_per_participation, kShare,
            "share of ties that stop supporting per participation severity step");
  }
};

/// A life event: monthly hazard for eligible households and the domains it hits (+1 severity each).
struct LifeEventDef {
  double hazard = 0.001;                       ///< per month for eligible households
  std::array<double, kDomainCount> hits{};     ///< probability that each domain worsens by one step
  double deprivation = 0.5;                    ///< relative increase of the hazard at deprivation 1

  bool operator==(const LifeEventDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("hazard", hazard, kProbability, "per month");
    v.list("hits", hits, kProbability, "chance each domain worsens one step (finances..health)");
    v.field("deprivation", deprivation, Range{0.0, 10.0}, "relative increase at deprivation 1");
  }
};

struct LifeEventsDef {
  double job_loss_per_serious_problem = 3.9;  ///< job-loss hazard multiplier added per domain at severity >= 2 # assumption (calibrated)
  // Job loss: adults in work [S000: sudden loss of income drives debt]. Hazards # assumption.
  LifeEventDef job_loss{0.0013, {0.6, 0.0, 0.5, 0.2, 0.0, 0.0}, 1.0};  // hazard # assumption (calibrated)
  LifeEventDef separation{0.0008, {0.5, 0.4, 0.2, 0.4, 0.3, 0.0}, 0.5};   ///< couples # assumption
  LifeEventDef illness{0.0015, {0.2, 0.1, 0.4, 0.2, 0.0, 0.9}, 0.5};      ///< # assumption
  LifeEventDef bereavement{0.0015, {0.1, 0.0, 0.5, 0.5, 0.0, 0.2}, 0.0};  ///< elderly couples # assumption

  bool operator==(const LifeEventsDef&) const = default;
  template <class V> void visit(V& v) {
    v.table("job_loss", job_loss, "adults in work lose their job");
    v.field("job_loss_per_serious_problem", job_loss_per_serious_problem, Range{0.0, 20.0},
            "job-loss multiplier added per serious problem");
    v.table("separation", separation, "couples separate");
    v.table("illness", illness, "serious illness");
    v.table("bereavement", bereavement, "elderly lose their partner");
  }
};

/// Progression of one domain.
struct DomainDef {
  std::array<double, 3> worsen{0.002, 0.01, 0.02};  ///< hazard of one step up from severity 0, 1, 2
  std::array<double, 3> improve{0.03, 0.04, 0.08};  ///< hazard of one step down from severity 1, 2, 3
  std::array<double, kDomainCount> coupling{};      ///< added to the worsening multiplier per severity step of each domain
  std::array<double, kTypeCount> type_factor{1.0, 1.0, 1.0};  ///< worsening multiplier by type (0: not applicable)

  bool operator==(const DomainDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("worsen", worsen, kProbability, "hazard of one step up from severity 0, 1, 2");
    v.list("improve", improve, kProbability, "hazard of one step down from severity 1, 2, 3");
    v.list("coupling", coupling, Range{0.0, 10.0}, "worsening multiplier added per severity step of finances..health");
    v.list("type_factor", type_factor, Range{0.0, 20.0}, "worsening multiplier for family, elderly, other");
  }
};

/// How traits and circumstances modify domain hazards (linear multipliers; the improvement multiplier is
/// clamped at 0.05 from below).
struct ModifiersDef {
  double low_capacity_worsen = 1.0;      ///< worsening multiplier added at capacity 0 (vs 1) # assumption
  double capacity_improve = 0.8;         ///< improvement multiplier change per unit capacity around 0.5 # assumption
  double network_improve = 0.6;          ///< improvement multiplier change per unit network strength around 0.5 # assumption
  double deprivation_worsen = 0.37;      ///< worsening multiplier added at deprivation 1 # assumption (calibrated)
  double intellectual_disability_worsen = 0.6;  ///< worsening multiplier added with intellectual disability # assumption
  double physical_disability_health = 1.5;      ///< health worsening multiplier added with physical disability # assumption
  double welfare_finances = 2.0;         ///< finances worsening multiplier added on welfare or unemployment # assumption

  bool operator==(const ModifiersDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("low_capacity_worsen", low_capacity_worsen, Range{0.0, 20.0}, "added worsening at capacity 0");
    v.field("capacity_improve", capacity_improve, Range{0.0, 5.0}, "improvement change per unit capacity");
    v.field("network_improve", network_improve, Range{0.0, 5.0}, "improvement change per unit network");
    v.field("deprivation_worsen", deprivation_worsen, Range{0.0, 20.0}, "added worsening at deprivation 1");
    v.field("intellectual_disability_worsen", intellectual_disability_worsen, Range{0.0, 20.0},
            "added worsening with intellectual disability");
    v.field("physical_disability_health", physical_disability_health, Range{0.0, 20.0},
            "added health worsening with physical disability");
    v.field("welfare_finances", welfare_finances, Range{0.0, 20.0}, "added finances worsening without work income");
  }
};

/// Escalation ladders and their exits. Hazards per month.
struct EscalationDef {
  // Eviction ladder: finances crisis -> rent arrears -> eviction list -> eviction -> shelter or homeless.
  std::array<double, 2> arrears{0.01076, 0.04303};      ///< housed -> arrears at finances 2, 3 # assumption (calibrated)
  double arrears_cured = 0.12;                    ///< arrears -> housed when finances <= 1 # assumption
  double arrears_cured_in_crisis = 0.03;          ///< arrears -> housed while finances >= 2 # assumption
  double eviction_list = 0.02501;                    ///< arrears -> eviction pending at finances 3 # assumption (calibrated)
  double eviction = 0.2;                          ///< pending -> evicted (list comes ~2 weeks ahead [S003]) # assumption
  double eviction_settled = 0.5;                  ///< pending -> arrears (settled, payment plan) # assumption
  double supported_housing = 0.143;               ///< evicted households that need supported housing (one of seven cases [S003]); the rest an emergency home
  double rehoused = 0.19;                         ///< evicted -> housed # assumption (calibrated)
  // Shocks: an eviction, an out-of-home placement or an admission raises the worsening hazards of every domain for
  // some months, fading out linearly (they replace floors on the severity).
  std::uint32_t shock_months = 12;                ///< months a shock lasts # assumption
  double shock_worsen = 4.312;                      ///< added to the worsening multipliers at the start of a shock # assumption (calibrated)
  // Youth: parenting crisis -> supervision order (OTS) -> out-of-home placement.
  double supervision = 0.1495;                      ///< none -> supervision at parenting 3 # assumption (calibrated)
  double placement = 0.1001;                       ///< supervision -> placement at parenting 3 # assumption (calibrated)
  double supervision_ends = 0.05;                 ///< supervision ends once parenting <= 1 # assumption
  double placement_ends = 0.03288;                   ///< placement ends, back to supervision # assumption (calibrated)
  // Adults: mental-health crisis -> admission; elderly health crisis -> nursing home; offences -> detention.
  double admission = 0.03;                        ///< mental health 3 -> admission # assumption
  double admission_ends = 0.2;                    ///< admission ends # assumption
  double nursing_home = 0.01;                     ///< elderly at health 3 -> nursing home # assumption
  double nursing_home_ends = 0.03;                ///< stay ends (death); a new household moves in # assumption
  double offence = 0.004;                         ///< per month for households with two or more serious problems # assumption
  std::array<double, 3> offence_kind{0.6, 0.25, 0.15};  ///< property, threat, assault [S003 prices] # assumption shares
  double detention_given_offence = 0.12;          ///< an offence leads to detention # assumption
  double detention_ends = 0.12;                   ///< detention ends # assumption
  double electricity_cutoff = 0.01;               ///< energy cut off per month at finances 3 # assumption

  bool operator==(const EscalationDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("arrears", arrears, kProbability, "housed -> arrears at finances 2, 3");
    v.field("arrears_cured", arrears_cured, kProbability, "arrears -> housed when finances <= 1");
    v.field("arrears_cured_in_crisis", arrears_cured_in_crisis, kProbability, "arrears -> housed while finances >= 2");
    v.field("eviction_list", eviction_list, kProbability, "arrears -> eviction pending at finances 3");
    v.field("eviction", eviction, kProbability, "eviction pending -> evicted");
    v.field("eviction_settled", eviction_settled, kProbability, "eviction pending -> arrears");
    v.field("supported_housing", supported_housing, kShare, "evicted households that need supported housing");
    v.field("rehoused", rehoused, kProbability, "evicted -> housed");
    v.field("shock_months", shock_months, kernel::Range{0, 120}, "months an escalation's shock lasts");
    v.field("shock_worsen", shock_worsen, kernel::Range{0.0, 20.0}, "added to worsening multipliers at a shock's start");
    v.field("supervision", supervision, kProbability, "supervision order at parenting 3");
    v.field("placement", placement, kProbability, "supervision -> out-of-home placement at parenting 3");
    v.field("supervision_ends", supervision_ends, kProbability, "supervision order ends once parenting <= 1");
    v.field("placement_ends", placement_ends, kProbability, "placement ends");
    v.field("admission", admission, kProbability, "mental health 3 -> admission");
    v.field("admission_ends", admission_ends, kProbability, "admission ends");
    v.field("nursing_home", nursing_home, kProbability, "elderly at health 3 -> nursing home");
    v.field("nursing_home_ends", nursing_home_ends, kProbability, "nursing-home stay ends (household renewed)");
    v.field("offence", offence, kProbability, "offence per month with two or more serious problems");
    v.list("offence_kind", offence_kind, kShare, "shares property, threat, assault");
    v.field("detention_given_offence", detention_given_offence, kProbability, "offence -> detention");
    v.field("detention_ends", detention_ends, kProbability, "detention ends");
    v.field("electricity_cutoff", electricity_cutoff, kProbability, "energy cut off per month at finances 3");
  }
};

/// Income dynamics: unemployment benefit, welfare entry and exit with duration dependence, relapse.
struct IncomeDef {
  /// Yearly exit from welfare in years 1..7+ on benefit [S003: 40, 23, 19, 15, 13, 11%; 7+ assumption]
  std::array<double, 7> welfare_exit_by_year{0.40, 0.23, 0.19, 0.15, 0.13, 0.11, 0.08};
  double exit_to_work_share = 0.45;          ///< exits that go to work [S003: about half of exits in early years]
  /// Cumulative return to welfare after an exit to work, within 1..5 years [S003: 25, 42, 43, 44, 45%]
  std::array<double, 5> relapse_cumulative{0.25, 0.42, 0.43, 0.44, 0.45};
  double unemployment_benefit_months = 14.0; ///< mean months of unemployment benefit (UWV) # assumption
  double reemployment = 0.06;                ///< unemployed -> work per month # assumption
  double welfare_after_unemployment = 0.6967;  ///< share entering welfare when unemployment benefit ends # assumption (calibrated)
  double welfare_entry_other = 0.06139;        ///< other income -> welfare per month at finances >= 2 # assumption (calibrated)
  double work_from_other = 0.01;             ///< other income -> work per month # assumption
  double low_capacity_exit = 0.5;            ///< welfare exit multiplier lost at capacity 0 # assumption
  double serious_problem_exit = 0.3;         ///< welfare exit multiplier lost per other domain at severity >= 2 # assumption (calibrated)
  double exit_calibration = 1.4;             ///< scales exit so the simulated exits match the S003 table # assumption (calibrated)

  bool operator==(const IncomeDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("welfare_exit_by_year", welfare_exit_by_year, kProbability, "yearly exit in years 1..7+ on benefit");
    v.field("exit_to_work_share", exit_to_work_share, kShare, "share of exits that go to work");
    v.list("relapse_cumulative", relapse_cumulative, kProbability, "cumulative relapse within 1..5 years");
    v.field("unemployment_benefit_months", unemployment_benefit_months, Range{1.0, 60.0}, "mean months of UWV benefit");
    v.field("reemployment", reemployment, kProbability, "unemployed -> work per month");
    v.field("welfare_after_unemployment", welfare_after_unemployment, kShare, "share to welfare after UWV");
    v.field("welfare_entry_other", welfare_entry_other, kProbability, "other income -> welfare at finances >= 2");
    v.field("work_from_other", work_from_other, kProbability, "other income -> work per month");
    v.field("low_capacity_exit", low_capacity_exit, kShare, "exit multiplier lost at capacity 0");
    v.field("serious_problem_exit", serious_problem_exit, kShare, "exit multiplier lost per serious problem");
    v.field("exit_calibration", exit_calibration, Range{0.1, 10.0}, "scale of welfare exit hazards");
  }
};

struct DynamicsDef {
  LifeEventsDef life_events;
  // Domain progression: every value an assumption, calibrated to the level pyramid and cost targets [S003, S004].
  std::array<DomainDef, kDomainCount> domains{
      // finances: fed by participation (work) and mental health
      DomainDef{{0.00257, 0.01026, 0.01711}, {0.04106, 0.04106, 0.08213}, {0, 0.065, 0.195, 0.195, 0.13, 0.065}, {1.0, 0.6, 1.0}},
      // parenting: families only; fed by finances and mental health
      DomainDef{{0.00169, 0.00705, 0.01129}, {0.035, 0.035, 0.07}, {0.195, 0, 0.065, 0.26, 0.13, 0.065}, {1.0, 0.0, 0.0}},
      // participation: isolation and work; fed by health and mental health
      DomainDef{{0.00169, 0.00705, 0.01129}, {0.04, 0.04, 0.08}, {0.13, 0.065, 0, 0.26, 0.065, 0.195}, {0.8, 1.6, 1.0}},
      // mental health: fed by finances, parenting and housing
      DomainDef{{0.00184, 0.00705, 0.01129}, {0.04, 0.035, 0.09}, {0.195, 0.195, 0.13, 0, 0.195, 0.13}, {1.0, 0.8, 1.1}},
      // housing: fed by finances
      DomainDef{{0.00071, 0.00564, 0.01129}, {0.045, 0.045, 0.07}, {0.26, 0.065, 0.065, 0.13, 0, 0}, {1.0, 0.6, 1.0}},
      // health: mostly elderly
      DomainDef{{0.00141, 0.00564, 0.00846}, {0.035, 0.03, 0.05}, {0.065, 0, 0.065, 0.195, 0.065, 0}, {0.6, 2.5, 0.8}},
  };
  ModifiersDef modifiers;
  EscalationDef escalation;
  IncomeDef income;

  bool operator==(const DynamicsDef&) const = default;
  template <class V> void visit(V& v) {
    v.table("life_events", life_events, "life events");
    for (std::size_t d = 0; d < kDomainCount; ++d) v.table(std::string(kDomainNames[d]), domains[d], "domain progression");
    v.table("modifiers", modifiers, "modifiers of domain hazards");
    v.table("escalation", escalation, "escalation ladders");
    v.table("income", income, "income dynamics");
  }
};

/// Self-reliance (ZRM-like) and the problem level.
struct LevelDef {
  std::array<double, 4> burden{0.0, 0.15, 0.5, 1.0};  ///< burden of a domain at severity 0..3 # assumption
  double threshold = 1.475;         ///< burden a household with capacity 0 and no network can carry # assumption (calibrated)
  double capacity_weight = 0.6876;   ///< extra burden carried per unit capacity # assumption (calibrated)
  double network_weight = 0.5;     ///< extra burden carried per unit network strength # assumption
  double benefit_burden = 1.173;    ///< burden of depending on a benefit (ZRM income domain "limited") # assumption (calibrated)
  std::uint32_t crisis_domains_red = 4;  ///< crisis domains that make a household red ("several") [S004 §2.2] # assumption (calibrated): four

  bool operator==(const LevelDef&) const = default;
  template <class V> void visit(V& v) {
    v.list("burden", burden, Range{0.0, 10.0}, "burden of a domain at severity 0..3");
    v.field("threshold", threshold, Range{0.0, 10.0}, "burden carried at capacity 0 and no network");
    v.field("capacity_weight", capacity_weight, Range{0.0, 10.0}, "extra burden carried per unit capacity");
    v.field("network_weight", network_weight, Range{0.0, 10.0}, "extra burden carried per unit network");
    v.field("benefit_burden", benefit_burden, Range{0.0, 10.0}, "burden of depending on welfare or unemployment benefit");
    v.field("crisis_domains_red", crisis_domains_red, Range{1.0, 6.0}, "crisis domains that make a household red");
  }
};

}  // namespace wijksim::agents
