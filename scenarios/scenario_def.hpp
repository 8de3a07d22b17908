#pragma once
// A scenario as plain settings structs. Only the loader (loader.hpp) turns TOML into these; the
// simulation reads nothing else.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agents/agents_def.hpp"
#include "scenarios/mkba_tool_def.hpp"
#include "services/care_def.hpp"
#include "services/price_list.hpp"
#include "services/team_def.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::scenarios {

/// Size, horizon and seed of a run.
struct RunDef {
  std::uint32_t households = 10000;   ///< households in the district [MODEL.md default]
  std::uint32_t months = 120;         ///< horizon in months (MKBA years 0..9) [S004 §4.4]
  std::uint32_t warmup_months = 120;  ///< months simulated before month 0 to settle the initial state # assumption (calibrated)
  std::uint64_t seed = 20140101;      ///< seed of the random source

  bool operator==(const RunDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("households", households, kernel::Range{1, 20'000'000}, "households in the district");
    v.field("months", months, kernel::Range{1, 1200}, "horizon in months");
    v.field("warmup_months", warmup_months, kernel::Range{0, 600}, "months simulated before month 0");
    v.field("seed", seed, kernel::Range{0, 9.0e15}, "seed of the random source");
  }
};

/// A calibration target: a range for one simulated figure, with its source.
struct TargetDef {
  double low = 0.0;      ///< lower end of the accepted range
  double high = 1.0;     ///< upper end of the accepted range
  std::string source;    ///< sourcebook tag
  bool enabled = true;   ///< checked by `wijksim calibrate`

  bool operator==(const TargetDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("low", low, kernel::Range{-1.0e12, 1.0e12}, "lower end of the accepted range");
    v.field("high", high, kernel::Range{-1.0e12, 1.0e12}, "upper end of the accepted range");
    v.text("source", source, "sourcebook tag");
    v.flag("enabled", enabled, "checked by wijksim calibrate");
  }
};

/// Targets for the zero alternative (`[targets]`), from the sourcebook and the national figures of its §7. Every
/// target is one table here: name, range, what it measures (the visit's text) and source. `wijksim calibrate`
/// checks them, `--fit` fits hazard multipliers to them, and docs/MODEL.md §9 shows them. A scenario may replace any
/// range with its own district's figures.
struct TargetsDef {
  TargetDef green_share{0.82, 0.88, "S004 §2.2", true};          ///< about 85% green nationally
  TargetDef laws_none{0.76, 0.84, "S003", true};                 ///< about 80% use none of youth, Wmo, welfare
  TargetDef laws_one{0.13, 0.21, "S003", true};                  ///< about 17% use one
  TargetDef laws_several{0.015, 0.05, "S003", true};             ///< about 3% use several
  TargetDef youth_use{28, 45, "S003; CBS", true};                ///< youth law per 1,000 households: 35 nationally [S003]
  TargetDef youth_protection{2.5, 5.5, "CBS", true};             ///< 29,000 running measures / 7.7 M households [CBS]
  TargetDef wmo_use{90, 125, "S003; CBS", true};                 ///< Wmo per 1,000 households: 103 [S003], 118-119 in 2023 [CBS]
  TargetDef household_help_use{30, 65, "CBS", true};             ///< 15-30 per 1,000 inhabitants [CBS], about 2.2 per household
  TargetDef welfare_use{58, 80, "S003", true};                   ///< welfare per 1,000 households: 69 nationally [S003]
  TargetDef debt_help_use{8, 18, "S000", true};                  ///< 7.6% problematic debt, one in six in view [S000]
  TargetDef problematic_debt{0.06, 0.09, "S000", true};          ///< 7.6% of households have problematic debt [S000]
  TargetDef debt_in_view{0.12, 0.22, "S000", true};              ///< five of six problematic debts not in view [S000]
  TargetDef debt_time_to_help{48, 72, "S000", true};             ///< help after about five years of debt [S000]
  TargetDef evictions{4, 9, "Aedes", true};                      ///< about 6 per 10,000 households a year [Aedes]
  TargetDef eviction_aftermath{35000, 70000, "S003", true};      ///< seven cases: median 49,290, mean 66,554 [S003]
  TargetDef top4_cost_share{0.48, 0.62, "S003", true};           ///< costliest 4% carry about 55%
  TargetDef top1_cost_share{0.24, 0.36, "S003", true};           ///< costliest 1% carry about 30%
  TargetDef orange_cost{27000, 44000, "S003", true};             ///< EUR a year, about 30-40k incl. benefit (+-10%)
  TargetDef red_cost{90000, 250000, "S004 §2.3; S003", true};    ///< EUR a year, about 100k or more
  TargetDef red_family_cost{90000, 160000, "S004; S003", true};  ///< top families over 100,000 [S004], 120,000 [S003]; -10% as red_cost
  TargetDef welfare_exit_year1{0.33, 0.47, "S003", true};        ///< about 40%
  TargetDef welfare_exit_year2{0.17, 0.29, "S003", true};        ///< about 23%
  TargetDef welfare_exit_year3{0.13, 0.25, "S003", true};        ///< about 19%
  TargetDef welfare_exit_year5{0.08, 0.18, "S003", true};        ///< about 13%
  TargetDef relapse_1y{0.19, 0.31, "S003", true};                ///< about 25% back on benefit within a year
  TargetDef relapse_2y{0.35, 0.49, "S003", true};                ///< about 42% within two years

  bool operator==(const TargetsDef&) const = default;
  template <class V> void visit(V& v) {
    v.table("green_share", green_share, "share of green household-months");
    v.table("laws_none", laws_none, "share of households using none of youth law, Wmo, welfare in a half-year");
    v.table("laws_one", laws_one, "share using exactly one of the three");
    v.table("laws_several", laws_several, "share using two or three");
    v.table("youth_use", youth_use, "households with youth care (ambulatory, supervision order or placement) per 1,000, a half-year");
    v.table("wmo_use", wmo_use, "households with a Wmo provision (household help, day activities, support, shelter) per 1,000, a half-year");
    v.table("youth_protection", youth_protection, "running child-protection measures (supervision order or out-of-home placement) per 1,000 households, month average");
    v.table("household_help_use", household_help_use, "households with Wmo household help per 1,000, a half-year");
    v.table("welfare_use", welfare_use, "households on welfare per 1,000, a half-year");
    v.table("debt_help_use", debt_help_use, "households in debt help (light or statutory) per 1,000, a half-year");
    v.table("problematic_debt", problematic_debt, "share of household-months with a problematic debt (finances serious or crisis)");
    v.table("debt_in_view", debt_in_view, "share of household-months with a problematic debt (finances serious or crisis) that have debt help");
    v.table("debt_time_to_help", debt_time_to_help, "months of money trouble (finances at least risky) when money help (debt help or social work) first starts");
    v.table("evictions", evictions, "evictions per 10,000 households a year");
    v.table("eviction_aftermath", eviction_aftermath, "public money in the 24 months from an eviction above the household's cost in the 12 months before, EUR");
    v.table("top4_cost_share", top4_cost_share, "share of the welfare, youth and safety budgets carried by the costliest 4% of households, a year");
    v.table("top1_cost_share", top1_cost_share, "same for the costliest 1%");
    v.table("orange_cost", orange_cost, "public money a year of a household at orange, EUR");
    v.table("red_cost", red_cost, "public money a year of a household at red, EUR");
    v.table("red_family_cost", red_family_cost, "public money a year of a family at red, EUR");
    v.table("welfare_exit_year1", welfare_exit_year1, "welfare exit in the first year on benefit");
    v.table("welfare_exit_year2", welfare_exit_year2, "welfare exit in the second year");
    v.table("welfare_exit_year3", welfare_exit_year3, "welfare exit in the third year");
    v.table("welfare_exit_year5", welfare_exit_year5, "welfare exit in the fifth year");
    v.table("relapse_1y", relapse_1y, "back on benefit within a year of an exit to work");
    v.table("relapse_2y", relapse_2y, "back on benefit within two years of an exit to work");
  }
};

/// One input range for one-way sensitivity (tornado): the value of `key` at the low and the high end.
struct SensitivityDef {
  std::string key;    ///< key path as for --set, e.g. "teams.0.fte"
  std::string low;    ///< value at the low end
  std::string high;   ///< value at the high end

  bool operator==(const SensitivityDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("key", key, "key path as for --set, e.g. teams.0.fte");
    v.text("low", low, "value at the low end");
    v.text("high", high, "value at the high end");
  }
};

inline constexpr std::array<std::string_view, 3> kMkbaModes{"continuous", "cohort", "both"};

/// A discount rate as its two parts: a real (risk-free) rate and a risk premium, both a year.
struct DiscountParts {
  double real, premium;
};
/// The Dutch standard discount rate in force since 1 January 2021: 2.25% real, a risk-free rate of -1% plus a risk
/// premium of 3.25% [Werkgroep discontovoet 2020].
inline constexpr DiscountParts kStandardDiscount{-0.01, 0.0325};
/// The rate of the sources (2014): 2.5% real plus a 3% risk premium, 5.5% [S004 fn 13].
inline constexpr DiscountParts kSourceDiscount{0.025, 0.03};
/// Which rate a scenario discounts at: the standard rate, the sources' rate, or another one set for the run.
enum class DiscountBasis : std::uint8_t { Standard, Source, Custom };
inline constexpr std::array<std::string_view, 3> kDiscountBasisNames{"standard", "source", "custom"};

/// Settings of the social cost-benefit analysis (docs/MODEL.md §17).
struct MkbaDef {
  double discount_real = kStandardDiscount.real;     ///< real (risk-free) discount rate a year [Werkgroep discontovoet 2020]
  double risk_premium = kStandardDiscount.premium;   ///< risk premium added to it [Werkgroep discontovoet 2020]
  std::string mode = "continuous";     ///< continuous (team all horizon), cohort (one year of approach [S004 §4.4]) or both
  std::uint32_t replications = 20;     ///< paired replications of `wijksim compare` # assumption
  std::uint32_t cohort_months = 12;    ///< months the team works in cohort mode [S004 §4.4]
  std::uint32_t cohort_lead_months = 48;  ///< cohort mode: months the team worked before month 0, so it is at full strength [S004 §4.4: about three years to full caseload] plus a year # assumption
  std::vector<SensitivityDef> sensitivity;  ///< one-way ranges for the tornado chart

  bool operator==(const MkbaDef&) const = default;
  template <class V> void visit(V& v) {
    v.field("discount_real", discount_real, kernel::Range{-0.05, 0.5}, "real (risk-free) discount rate a year");
    v.field("risk_premium", risk_premium, kernel::Range{0.0, 0.5}, "risk premium added to the discount rate");
    v.choice("mode", mode, kMkbaModes, "continuous, cohort or both");
    v.field("replications", replications, kernel::Range{1, 100000}, "paired replications of wijksim compare");
    v.field("cohort_months", cohort_months, kernel::Range{1, 1200}, "months the team works in cohort mode");
    v.field("cohort_lead_months", cohort_lead_months, kernel::Range{0, 600}, "cohort mode: months the team worked before month 0");
    v.tables("sensitivity", sensitivity, "one-way ranges for the tornado chart");
  }
  /// Real rate plus risk premium, rounded to 1e-12 so that -1% + 3.25% is 0.0225 exactly as written.
  double discount_rate() const { return std::round((discount_real + risk_premium) * 1e12) / 1e12; }
  /// Standard or Source when both parts are those of that rate; Custom otherwise.
  DiscountBasis discount_basis() const {
    const auto is = [this](DiscountParts p) { return discount_real == p.real && risk_premium == p.premium; };
    return is(kStandardDiscount) ? DiscountBasis::Standard : is(kSourceDiscount) ? DiscountBasis::Source
                                                                                 : DiscountBasis::Custom;
  }
};

struct ScenarioDef {
  std::string name = "default";       ///< short name, used in output folder names
  std::string description;            ///< one line for listings
  std::string label;                  ///< the alternative in words for reports (empty: from the name or settings)
  RunDef run;
  agents::PopulationDef population;
  agents::NetworkDef network;
  agents::DynamicsDef dynamics;
  agents::LevelDef level;
  services::PriceListDef prices;
  services::CareDef care;
  services::ProvidersDef providers;
  std::vector<services::TeamDef> teams;   ///< none: the zero alternative
  services::FinanciersDef financiers;
  MkbaDef mkba;
  MkbaToolDef mkba_tool;                ///< MKBA-tool mode: the static spreadsheet estimate [S004 App.2]
  TargetsDef targets;

  /// Every field equal, nested Defs included (each Def compares all its fields, which are exactly the fields its
  /// visit lists). Two scenarios are equal exactly when their to_toml texts are, with one exception: a NaN, which
  /// no loaded scenario holds (ranges reject it), is unequal to itself here but prints as the same text. -0.0
  /// and 0.0 are equal both ways (both print as 0.0); other doubles print as their shortest round-trip text,
  /// which tells every two values apart.
  bool operator==(const ScenarioDef&) const = default;
  template <class V> void visit(V& v) {
    v.text("name", name, "short name, used in output folder names");
    v.text("description", description, "one line for listings");
    v.text("label", label, "the alternative in words for reports, e.g. \"team of 6 FTE with mandate\"");
    v.table("run", run, "size, horizon and seed");
    v.table("population", population, "households");
    v.table("network", network, "social network");
    v.table("dynamics", dynamics, "monthly dynamics");
    v.table("level", level, "self-reliance and problem level");
    v.table("prices", prices, "price list and payers");
    v.table("care", care, "care as usual");
    v.table("providers", providers, "providers of care as usual: places, waiting lists, effects");
    v.tables("teams", teams, "neighbourhood teams (none: the zero alternative)");
    v.table("financiers", financiers, "financier module: co-financing reviews, team resizing, pooled budget");
    v.table("mkba", mkba, "social cost-benefit analysis: discounting, mode, replications, sensitivity");
    v.table("mkba_tool", mkba_tool, "MKBA-tool mode: reach, costs and effects of the static estimate");
    v.table("targets", targets, "calibration targets of the zero alternative");
  }
};

}  // namespace wijksim::scenarios
