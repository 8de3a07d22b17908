#pragma once
// Labels and number formats for people, in English and Dutch (`--lang en|nl`): pocket, scope, level and event
// names, the report's headings, captions and column headers, and numbers with the language's decimal mark.
// Used by report.html and mkba.xlsx; the console table may use them too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agents/domains.hpp"
#include "services/pockets.hpp"
#include "agents/level.hpp"
#include "sim/engine/counted.hpp"
#include "sim/mkba/mkba.hpp"

namespace wijksim::labels {

enum class Lang : std::uint8_t { En, Nl };

/// Language by its command-line name ("en", "nl"); none for anything else.
std::optional<Lang> lang_from_name(std::string_view name);
/// The language's name as used in `lang="..."` ("en", "nl").
std::string_view lang_name(Lang lang);

/// Name of a pocket (financier), e.g. "Municipality: Wmo" / "Gemeente: Wmo".
std::string_view pocket_label(services::Pocket pocket, Lang lang);
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
/// An alternative's heading: "<scenario> (<mode>)" with the mode in the report's language.
std::string alternative_label(std::string_view scenario, sim::Mode mode, Lang lang);

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
/// Text made safe for XML content and attribute values (& < > ").
std::string xml_escape(std::string_view text);
/// A mean with its 95% interval: "1.45 [1.20 – 1.70]", each number formatted by `format`.
template <class Format>
std::string interval_text(const sim::Stat& stat, Format format) {
  return format(stat.mean) + " [" + format(stat.ci_low) + " \u2013 " + format(stat.ci_high) + "]";
}

}  // namespace wijksim::labels
