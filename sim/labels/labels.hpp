#pragma once
// Labels and number formats for people, in English and Dutch (`--lang en|nl`): pocket, scope, level and event
// names, the report's headings, captions and column headers, and numbers with the language's decimal mark.
// Used by report.html and mkba.xlsx; the console table may use them too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agents/domains.hpp"
#include "services/pockets.hpp"
#include "agents/level.hpp"
#include "sim/engine/counted.hpp"
#include "scenarios/scenario_def.hpp"
#include "sim/mkba/mkba.hpp"

namespace wijksim::labels {

enum class Lang : std::uint8_t { En, Nl };

/// Language by its command-line name ("en", "nl"); none for anything else.
std::optional<Lang> lang_from_name(std::string_view name);
/// The language's name as used in `lang="..."` ("en", "nl").
std::string_view lang_name(Lang lang);

/// Name of a pocket (financier), e.g. "Municipality: Wmo" / "Gemeente: Wmo".
std::string_view pocket_label(services::Pocket pocket, Lang lang);
/// Name of a ledger item, e.g. "team staff" / "teampersoneel" (services::kItemNames in words).
std::string_view item_label(services::Item item, Lang lang);
/// Name of a ratio's scope: "Societal" / "Maatschappelijk", ...
std::string_view scope_label(sim::Scope scope, Lang lang);
/// Name of a scope's ratio: "Societal ratio" / "Maatschappelijke ratio", ...
std::string_view ratio_label(sim::Scope scope, Lang lang);
/// Name of a problem level: "Green" / "Groen", ...
std::string_view level_label(agents::Level level, Lang lang);
/// Name of a counted event: "Evictions" / "Huisuitzettingen", ...
std::string_view event_label(sim::Counted event, Lang lang);
/// Name of a comparison mode: "continuous" / "doorlopend", "cohort" / "cohort".
std::string_view mode_label(sim::Mode mode, Lang lang);
/// An alternative in words: its scenario's label (caption) when it has one; a sweep's or tornado's cell
/// (`teams.0.fte=6 teams.0.mandate.enabled=true`) as its settings in words ("team 6 FTE, with mandate"); else the
/// scenario's name.
std::string alternative_words(std::string_view name, std::string_view caption, Lang lang);
/// An alternative's heading: its words and the mode, "<words> (<mode>)", in the report's language.
std::string alternative_label(std::string_view name, std::string_view caption, sim::Mode mode, Lang lang);
/// The zero alternative named after its district: "District Centrum, Noord and Zuid without teams".
std::string zero_label(const std::vector<std::string>& district, Lang lang);

/// A setting and its value in words: `teams.0.fte`, "6" -> "team 6 FTE" / "team 6 fte";
/// `teams.0.mandate.enabled`, "true" -> "with mandate" / "met mandaat"; `teams.0.target`, "orange+red" ->
/// "takes in orange and red". A key without words of its own reads as its path: "team casework substitution
/// existing = 0.2". `team.` stands for `teams.0.`.
std::string setting_text(std::string_view key, std::string_view value, Lang lang);
/// The setting alone ("team size", "staff turnover") and its value alone ("6 FTE", "5%").
std::string setting_name(std::string_view key, Lang lang);
std::string setting_value(std::string_view key, std::string_view value, Lang lang);
/// The settings of a sweep's or tornado's cell name ("key=value key=value"); none for any other name.
std::optional<std::vector<std::pair<std::string, std::string>>> settings_of_name(std::string_view name);

/// The discount rate in words with its basis: "2.25% a year, the Dutch standard rate since 2021 (-1% risk-free
/// plus 3.25% risk premium) [Werkgroep discontovoet 2020]"; the sources' 5.5% [S004 fn 13]; or another rate.
std::string discount_text(double rate, double real, double premium, scenarios::DiscountBasis basis, Lang lang);
/// Why that rate: one sentence for the report.
std::string discount_reason(scenarios::DiscountBasis basis, Lang lang);
/// The basis's tag for files: "Werkgroep discontovoet 2020", "S004 fn 13", or "" for another rate.
std::string_view discount_source(scenarios::DiscountBasis basis);

/// Every other text of the reports. Entries holding `{}` are fmt format strings (see text()).
enum class Text : std::uint8_t {
  ReportTitle,
  Intro,
  SignNote,
  Alternative,
  AlternativeMode,
  KeyFigures,
  ShareAbove1,
  ShareAbove1Header,
  Npv,
  Payback,
  PaybackYear,
  PaybackNone,
  PerHousehold,
  PerIntake,
  TeamCost,
  Intakes,
  Pocket,
  NpvGain,
  BudgetAfter2y,
  Ci95,
  PaidForTeam,
  Total,
  Mean,
  Events,
  Event,
  Difference,
  Charts,
  Inputs,
  Input,
  Value,
  NotAvailable,
  None,
  ChartPocketCosts,
  CaptionPocketCosts,
  ChartWrongPocket,
  CaptionWrongPocket,
  ChartNpvPockets,
  CaptionNpvPockets,
  ChartLevels,
  CaptionLevels,
  ChartFlows,
  CaptionFlows,
  ChartStatic,
  CaptionStatic,
  ChartCumulative,
  CaptionCumulative,
  Year,
  Month,
  EurPerYear,
  Eur,
  Households,
  Ratio,
  Project,
  ZeroAlternative,
  Band,
  AvoidedCosts,
  ExtraCare,
  NetSociety,
  Static,
  Dynamic,
  NetPerYear,
  CumulativeDiscounted,
  PaybackMark,
  FromLevel,
  ToLevel,
  Fte,
  StaticReach,
  StaticNote,
  NoStatic,
  SheetSummary,
  SheetPerPocket,
  SheetPerYear,
  SheetInputs,
  Measure,
  CiLow,
  CiHigh,
  Cost,
  Replications,
  Months,
  DiscountRate,
  PocketNpv,
  NpvPerHousehold,
  NpvPerIntake,
  Generated,
  PocketsLeftOut,
  BreakEven,
  DecisionTitle,
  DecisionIntro,
  DecisionSummary,
  DecisionTable,
  DecisionTableNote,
  ColTeamBudget,
  ColNpvSocietal,
  ColRatio,
  ColPayback,
  ColMunicipal2y,
  ColOther2y,
  ColPaysMost,
  ColGainsMost,
  DominatedBy,
  Best,
  IncrementTitle,
  IncrementNote,
  ColStep,
  ColExtraBudget,
  ColExtraNpv,
  ColIncRatio,
  ColExtraMunicipal,
  ColShareBetter,
  StepFrom,
  StepSentence,
  StepSentenceNoRatio,
  SettingEffectsTitle,
  SettingEffectsNote,
  SettingStep,
  ColPairs,
  FrontierTitle,
  FrontierCaption,
  NoSteps,
  AlternativeDetails,
  SumChoice,
  SumLean,
  SumNone,
  SumMunicipalityPays,
  SumMunicipalityGains,
  SumUncertainty,
  SumUncertaintySize,
  SumTwin,
  SumRunnerUp,
  SumDiscount,
  DiscountUsed,
  SheetComparison,
  SheetFormulas,
  YearNote,
  SourceNote,
  Count
};
/// A text in the language.
std::string_view text(Text key, Lang lang);

/// A number with `decimals` decimals and grouped thousands: "12,345.6" / "12.345,6"; "n/a" / "n.v.t." for NaN.
std::string number_text(double value, int decimals, Lang lang);
/// Euros for people: "€ 12,345", "€ -1.2 mln", "€ 3.4 bn" / "€ 12.345", "€ -1,2 mln", "€ 3,4 mld".
std::string euro_text(double value, Lang lang);
/// A ratio with two decimals: "1.45" / "1,45".
std::string ratio_text(double value, Lang lang);
/// A share 0..1 as a whole percentage: "72%".
std::string percent_text(double share, Lang lang);
/// A rate 0..1 as a percentage with up to two decimals: "2.25%", "5.5%", "0%".
std::string rate_text(double rate, Lang lang);
/// A tick label of a euro axis whose ticks are `step` apart and reach `largest` in size: every tick of one axis in
/// one unit and with one number of decimals ("€ 0.5 mln", "€ 1.0 mln"; "€ 250,000").
std::string euro_tick(double value, double step, double largest, Lang lang);
/// Text made safe for XML content and attribute values (& < > ").
std::string xml_escape(std::string_view text);
/// A mean with its 95% interval: "1.45 [1.20 – 1.70]", each number formatted by `format`.
template <class Format>
std::string interval_text(const sim::Stat& stat, Format format) {
  return format(stat.mean) + " [" + format(stat.ci_low) + " \u2013 " + format(stat.ci_high) + "]";
}

}  // namespace wijksim::labels
