#pragma once
// Settings of MKBA-tool mode (docs/MODEL.md "MKBA-tool mode"; [S004 App.2]): the inputs of
// the tool's input screen [S004 App.2] for a static estimate of one year of a team's approach. The team's cost
// per FTE, other costs and friction share come from the scenario's first team; everything else is here.
// Lists by household type are families, elderly, other; lists by severity are single problem, multiple problems
// but self-reliant, multiple problems and not self-reliant.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "services/pockets.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::scenarios {

/// Household types and severities of the tool's input screen [S004 App.2].
inline constexpr std::size_t kToolTypeCount = 3;
inline constexpr std::size_t kToolSeverityCount = 3;
inline constexpr std::array<std::string_view, kToolTypeCount> kToolTypeNames{"families", "elderly", "other"};
inline constexpr std::array<std::string_view, kToolSeverityCount> kToolSeverityNames{
    "single problem", "multiple, self-reliant", "multiple, not self-reliant"};

/// Severity shares of one household type.
using SeverityShares = std::array<double, kToolSeverityCount>;
/// One value per household type.
using TypeValues = std::array<double, kToolTypeCount>;

/// One effect line: a share of the reached households of each type in whom an escalation (or a cost) is
/// avoided, valued at a price a year, for some years from year 1. Shares are gross (as observed); the tool
/// applies attribution and relapse to them.
struct EffectLineDef {
  std::string name = "effect";             ///< label in the table
  std::string pocket = "municipality_wmo"; ///< pocket that gains
  TypeValues share{0.0, 0.0, 0.0};          ///< share of reached households by type (families, elderly, other)
  double eur = 0.0;                         ///< EUR per household a year
  std::uint32_t years = 1;                  ///< years the benefit lasts, from year 1
  bool relapse_included = false;            ///< the amount already allows for relapse: the tool's relapse is not applied

  bool operator==(const EffectLineDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("name", name, "label in the table");
    v.choice("pocket", pocket, services::kPocketNames, "pocket that gains");
    v.list("share", share, kernel::kShare, "share of reached households by type: families, elderly, other");
    v.field("eur", eur, kernel::kEur, "EUR per household a year");
    v.field("years", years, kernel::Range{1, 9}, "years the benefit lasts, from year 1");
    v.flag("relapse_included", relapse_included, "the amount already allows for relapse (not applied again)");
  }
};

/// Default effect lines. The figures of [S004 Table 4.7] are net, after 50% attribution; the shares below
/// are those figures divided by 0.5, so attribution is applied once, by the tool. Each takes the low end
/// of its sourced range.
inline std::vector<EffectLineDef> default_effect_lines() {
  return {
      // [S004 Table 4.7] evictions prevented in 1-12% of households (low end, net) -> 2% gross.
      {"eviction prevented", "housing_corporation", {0.02, 0.02, 0.02}, 7200.0, 1, false},  // [S003] eviction 6,000 + re-letting 1,200
      {"emergency home avoided", "municipality_wmo", {0.02, 0.02, 0.02}, 4800.0, 1, false},  // [S003] 400 a month; a year # assumption
      // [S004 Table 4.7] supervision orders/placements/admissions prevented in 3-18% of families or elderly
      // (low end, net) -> 6% gross; for families priced as the cheapest of them, a supervision order.
      {"supervision order prevented", "municipality_youth", {0.06, 0.0, 0.0}, 8900.0, 1, false},  // [S003]
      {"child protection board avoided", "justice", {0.06, 0.0, 0.0}, 3500.0, 1, false},          // [S003]
      {"admission prevented", "long_term_care", {0.0, 0.06, 0.0}, 95000.0, 1, false},  // price # assumption (nursing home)
      // [S004 Table 4.7] second-line care avoided in 2-6% of households (low end, net) -> 4% gross.
      {"youth care avoided", "municipality_youth", {0.04, 0.0, 0.0}, 5000.0, 1, false},               // [S003]
      {"mental-health care avoided", "health_insurer", {0.0, 0.04, 0.04}, 7000.0, 1, false},  // price # assumption
      // Share # assumption; value of one exit 27,339 over 7 years incl. relapse [S003 App.2] -> 3,906 a year.
      {"exit from welfare", "municipality_work_income", {0.05, 0.0, 0.05}, 3906.0, 7, true},
  };
}

/// The tool's inputs: A reach, B costs, C effects [S004 App.2].
inline constexpr std::array<std::string_view, 2> kToolReachNames{"district", "example"};

struct MkbaToolDef {
  std::string reach = "district";  ///< type and severity shares: of the district's households in the team's target ("district"), or as written below ("example") # assumption
  double households = 0.0;  ///< households reached in one year (0 = as many as the first team's FTE carries) # assumption
  TypeValues type_shares{0.48, 0.31, 0.21};  ///< share of families, elderly, other [S004 App.2]
  /// Shares by severity (single, multiple self-reliant, multiple not self-reliant) per type [S004 App.2].
  std::array<SeverityShares, kToolTypeCount> severity{{
      {0.02, 0.20, 0.78},  // families
      {0.04, 0.50, 0.46},  // elderly
      {0.04, 0.32, 0.64},  // other
  }};
  SeverityShares caseload{600.0, 150.0, 75.0};  ///< households per FTE by severity [S004 App.2]
  double share_additional = 1.0;          ///< share of the team's running costs that is new money # assumption
  double one_off_costs = 0.0;             ///< EUR once, in year 0 (e.g. ICT, training) # assumption
  double newly_found_share = 0.18;        ///< share of reached households newly found [S004 App.2 example]
  double extra_care_new = 2400.0;         ///< EUR of care started per newly found household # assumption (two light debt-help trajectories of the price list)
  double existing_care = 1200.0;          ///< EUR a year of substitutable care per known household # assumption (one light debt-help trajectory)
  double substitution_new = 0.3;          ///< share of newly found households' extra care the team replaces [S004 Table 4.5]
  double substitution_existing = 0.1;     ///< share of known households' substitutable care the team replaces [S004 Table 4.5]
  std::string care_pocket = "municipality_debt_help";  ///< pays the extra care and gains the substituted care [S004 Fig. 4.9]
  double attribution = 0.5;               ///< share of an observed effect credited to the team [S004]
  double relapse = 0.2;                   ///< share of effects lost to relapse [S004]
  std::vector<EffectLineDef> effects = default_effect_lines();  ///< effect lines (C) [S004 Table 4.7; S003]

  bool operator==(const MkbaToolDef&) const = default;
  template <class V> void visit(V& v) {
    v.choice("reach", reach, kToolReachNames, "type and severity shares: district (from the district) or example (as written)");
    v.field("households", households, kernel::Range{0.0, 1.0e8}, "households reached in one year (0 = as the team's FTE carries)");
    v.list("type_shares", type_shares, kernel::kShare, "share of families, elderly, other");
    v.list("severity_families", severity[0], kernel::kShare, "families by severity: single, multiple self-reliant, multiple not");
    v.list("severity_elderly", severity[1], kernel::kShare, "elderly by severity");
    v.list("severity_other", severity[2], kernel::kShare, "other households by severity");
    v.list("caseload", caseload, kernel::Range{1.0, 1.0e6}, "households per FTE by severity");
    v.field("share_additional", share_additional, kernel::kShare, "share of the team's running costs that is new money");
    v.field("one_off_costs", one_off_costs, kernel::kEur, "EUR once, in year 0");
    v.field("newly_found_share", newly_found_share, kernel::kShare, "share of reached households newly found");
    v.field("extra_care_new", extra_care_new, kernel::kEur, "EUR of care started per newly found household");
    v.field("existing_care", existing_care, kernel::kEur, "EUR a year of substitutable care per known household");
    v.field("substitution_new", substitution_new, kernel::kShare, "share of newly found households' extra care replaced");
    v.field("substitution_existing", substitution_existing, kernel::kShare, "share of known households' care replaced");
    v.choice("care_pocket", care_pocket, services::kPocketNames, "pocket of the extra and the substituted care");
    v.field("attribution", attribution, kernel::kShare, "share of an observed effect credited to the team");
    v.field("relapse", relapse, kernel::kShare, "share of effects lost to relapse");
    v.tables("effects", effects, "effect lines: name, pocket, share by type, EUR a year, years");
  }
};

}  // namespace wijksim::scenarios
