#pragma once
// Words on the screen in English and Dutch (`--lang en|nl`), and numbers and euros written for people.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agents/domains.hpp"
#include "services/pockets.hpp"
#include "services/price_list.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::viz {

/// The reports' languages and level names; the window keeps its own shorter texts for narrow panels.
using labels::Lang;
using labels::lang_from_name;

/// Every fixed text of the window.
enum class Label : std::uint8_t {
  Title, Month, Year, Flows, Services, Money, TimeSeries, Households, Escalated, AtHome, Worse, Better,
  Evicted, Placed, Admitted, NursingHome, Detained, Showing, Caseload, Capacity, Waiting, Intake, IntakeSelf,
  IntakeSignal, IntakeOutreach, Providers, Running, ReferralGraph, Team, Provider, Escalation, NoTeam, Pocket,
  ExtraCost, Saving, Cumulative, PerYear, PaysForTeam, FinancierEvents, Project, Zero, CostPerMonth, LevelsPerMonth,
  Play, Pause, Step, Slower, Faster, Reset, NewSeed, TeamOn, TeamOff, MandateOn, MandateOff, Fte, Norm, Outreach,
  Budget, Split, Help, Screenshot, Language, Speed, Seed, Side, Configuration, Finished, HelpTitle, HelpKeys,
  HelpMouse, Support, Severity, History, Income, Housing, Type, Items, PaidZero, PaidProject, Difference,
  MonthsShort, HoursMonth, Referrals, FteNow, Saved, Legend, DotsMove, NetForSociety, JCurve, JCurveNote, Society, PaybackAt, NotPaidBack, LevelsDifference,
  CostLines, NoDifference, Target, MorePockets, SavedConfiguration, CannotWrite, Count
};
/// A text in the language.
std::string_view label(Label key, Lang lang);

/// Name of a problem level ("Light orange" / "Lichtoranje"), as in the reports.
inline std::string_view level_name(agents::Level level, Lang lang) { return labels::level_label(level, lang); }
/// Name of a pocket as in the reports ("Health insurer" / "Zorgverzekeraar").
std::string_view pocket_name(services::Pocket pocket, Lang lang);
/// A shorter name of a pocket for narrow places ("Mun. Wmo" / "Gem. Wmo").
std::string_view pocket_short_name(services::Pocket pocket, Lang lang);
/// Name of a ledger item as in the reports ("team staff" / "teampersoneel").
std::string_view item_name(services::Item item, Lang lang);
/// Name of a support status ("waiting" / "wacht").
std::string_view support_name(agents::Support support, Lang lang);

/// Name of a household type, income status, housing status, problem domain (short).
std::string_view type_name(agents::HouseholdType type, Lang lang);
std::string_view income_name(agents::Income income, Lang lang);
std::string_view housing_name(agents::Housing housing, Lang lang);
std::string_view domain_name(agents::Domain domain, Lang lang);
/// Name of a provider or escalation sink of the referral graph by its schema name ("debt help light").
std::string node_name(std::string_view schema_name, Lang lang);

/// A whole number with grouped thousands: "12,345" / "12.345".
std::string count_text(double value, Lang lang);
/// Euros for people: "€ 950", "€ 12.3k", "€ -1.25 mln" (Dutch: "€ 12,3k", "€ -1,25 mln").
std::string short_euro_text(double eur, Lang lang);
/// A number with `decimals` decimals and the language's decimal mark.
std::string decimal_text(double value, int decimals, Lang lang);

}  // namespace wijksim::viz
