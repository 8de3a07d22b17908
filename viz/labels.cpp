#include "viz/labels.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace wijksim::viz {

namespace {

struct Entry {
  Label key;
  std::string_view en, nl;
};

constexpr std::array<Entry, static_cast<std::size_t>(Label::Count)> kLabels{{
    {Label::Title, "wijksim: households, services and money", "wijksim: huishoudens, hulp en geld"},
    {Label::Month, "month", "maand"},
    {Label::Year, "year", "jaar"},
    {Label::Flows, "Problem levels: every dot is a household", "Probleemniveaus: elke stip is een huishouden"},
    {Label::Services, "Services: teams, providers, referrals", "Hulp: teams, aanbieders, verwijzingen"},
    {Label::Money, "Money per pocket: with team minus zero alternative",
     "Geld per portemonnee: met team min nulalternatief"},
    {Label::TimeSeries, "Over time  [J: J-curve]", "In de tijd  [J: J-curve]"},
    {Label::Households, "households", "huishoudens"},
    {Label::Escalated, "escalated (away from home)", "geëscaleerd (uit huis)"},
    {Label::AtHome, "at home", "thuis"},
    {Label::Worse, "worse", "slechter"},
    {Label::Better, "better", "beter"},
    {Label::Evicted, "evicted", "uitgezet"},
    {Label::Placed, "child placed", "kind uit huis"},
    {Label::Admitted, "admitted (GGZ)", "opgenomen (GGZ)"},
    {Label::NursingHome, "nursing home", "verpleeghuis"},
    {Label::Detained, "detained", "gedetineerd"},
    {Label::Showing, "showing 1 in {} households", "1 op {} huishoudens getoond"},
    {Label::Caseload, "caseload (client hours a month by level)", "caseload (cliënturen per maand per niveau)"},
    {Label::Capacity, "capacity", "capaciteit"},
    {Label::Waiting, "waiting", "wachtend"},
    {Label::Intake, "intake this month", "instroom deze maand"},
    {Label::IntakeSelf, "self", "zelf"},
    {Label::IntakeSignal, "signal", "signaal"},
    {Label::IntakeOutreach, "outreach", "outreach"},
    {Label::Providers, "Providers", "Aanbieders"},
    {Label::Running, "running", "lopend"},
    {Label::ReferralGraph, "Referral graph (lit: referrals and escalations this month)",
     "Verwijsgraaf (oplichtend: verwijzingen en escalaties deze maand)"},
    {Label::Team, "team", "team"},
    {Label::Provider, "provider", "aanbieder"},
    {Label::Escalation, "escalation", "escalatie"},
    {Label::NoTeam, "no team in this configuration", "geen team in deze configuratie"},
    {Label::Pocket, "pocket", "portemonnee"},
    {Label::ExtraCost, "pays more", "betaalt meer"},
    {Label::Saving, "saves", "bespaart"},
    {Label::Cumulative, "cumulative since month 0", "cumulatief sinds maand 0"},
    {Label::PerYear, "this year", "dit jaar"},
    {Label::PaysForTeam, "pays for the team", "betaalt het team"},
    {Label::FinancierEvents, "Financiers", "Financiers"},
    {Label::Project, "with team", "met team"},
    {Label::Zero, "zero alternative", "nulalternatief"},
    {Label::CostPerMonth, "cost per month, all pockets (EUR)", "kosten per maand, alle portemonnees (EUR)"},
    {Label::LevelsPerMonth, "households in light orange, orange and red", "huishoudens in lichtoranje, oranje en rood"},
    {Label::Play, "Play", "Start"},
    {Label::Pause, "Pause", "Pauze"},
    {Label::Step, "Step", "Stap"},
    {Label::Slower, "Slower", "Trager"},
    {Label::Faster, "Faster", "Sneller"},
    {Label::Reset, "Reset", "Opnieuw"},
    {Label::NewSeed, "New seed", "Nieuw toeval"},
    {Label::TeamOn, "Team: on", "Team: aan"},
    {Label::TeamOff, "Team: off", "Team: uit"},
    {Label::MandateOn, "Mandate: on", "Mandaat: aan"},
    {Label::MandateOff, "Mandate: off", "Mandaat: uit"},
    {Label::Fte, "FTE", "fte"},
    {Label::Norm, "orange cases per FTE", "oranje casussen per fte"},
    {Label::Outreach, "outreach visits per FTE-month", "outreachbezoeken per fte-maand"},
    {Label::Budget, "custom budget EUR/year", "maatwerkbudget EUR/jaar"},
    {Label::Split, "A/B", "A/B"},
    {Label::Help, "Help", "Help"},
    {Label::Screenshot, "Screenshot", "Schermafdruk"},
    {Label::Language, "NL", "EN"},
    {Label::Speed, "{} months/s", "{} maanden/s"},
    {Label::Seed, "seed", "seed"},
    {Label::Side, "controls:", "knoppen:"},
    {Label::Configuration, "configuration", "configuratie"},
    {Label::Finished, "end of horizon", "einde looptijd"},
    {Label::HelpTitle, "Keys and mouse", "Toetsen en muis"},
    {Label::HelpKeys,
     "Space  play / pause\n"
     "Right or N  one month\n"
     "+ / -  faster / slower\n"
     "R  reset (same seed, current settings)\n"
     "S  new seed\n"
     "T  team on / off\n"
     "M  mandate on / off\n"
     "Up / Down  FTE +0.5 / -0.5\n"
     "6 7 8 9  team takes in green / light orange / orange / red\n"
     "Y  money: cumulative / this year\n"
     "J  over time / J-curve\n"
     "C  A/B split screen on / off\n"
     "Tab  controls act on configuration A / B\n"
     "L  Nederlands / English\n"
     "P or F12  screenshot (PNG in the current folder)\n"
     "W  save the configuration (scenario TOML)\n"
     "F  presenter mode; 1-5 panel, Shift+1-5 a second\n"
     "H or F1  this help\n"
     "Esc or Q  quit",
     "Spatie  start / pauze\n"
     "Rechts of N  één maand\n"
     "+ / -  sneller / trager\n"
     "R  opnieuw (zelfde seed, huidige instellingen)\n"
     "S  nieuwe seed\n"
     "T  team aan / uit\n"
     "M  mandaat aan / uit\n"
     "Omhoog / Omlaag  fte +0,5 / -0,5\n"
     "6 7 8 9  team neemt groen / lichtoranje / oranje / rood op\n"
     "Y  geld: cumulatief / dit jaar\n"
     "J  in de tijd / J-curve\n"
     "C  A/B gesplitst scherm aan / uit\n"
     "Tab  knoppen werken op configuratie A / B\n"
     "L  Nederlands / English\n"
     "P of F12  schermafdruk (PNG in de huidige map)\n"
     "W  configuratie opslaan (scenario-TOML)\n"
     "F  presentatiemodus; 1-5 paneel, Shift+1-5 een tweede\n"
     "H of F1  deze hulp\n"
     "Esc of Q  stoppen"},
    {Label::HelpMouse,
     "Mouse: buttons and sliders in the bottom bar; hover a dot for the household,\n"
     "hover a pocket for its items.",
     "Muis: knoppen en schuifjes onderin; wijs een stip aan voor het huishouden,\n"
     "wijs een portemonnee aan voor de posten."},
    {Label::Support, "team", "team"},
    {Label::Severity, "severity per domain (0-3)", "ernst per domein (0-3)"},
    {Label::History, "level, last months", "niveau, laatste maanden"},
    {Label::Income, "income", "inkomen"},
    {Label::Housing, "housing", "wonen"},
    {Label::Type, "household", "huishouden"},
    {Label::Items, "items, cumulative", "posten, cumulatief"},
    {Label::PaidZero, "zero alt.", "nulalt."},
    {Label::PaidProject, "with team", "met team"},
    {Label::Difference, "difference", "verschil"},
    {Label::MonthsShort, "months", "maanden"},
    {Label::HoursMonth, "h/month", "u/maand"},
    {Label::Referrals, "referrals", "verwijzingen"},
    {Label::FteNow, "FTE now", "fte nu"},
    {Label::Saved, "saved", "opgeslagen"},
    {Label::Legend, "red bar: pays more than without the team; green bar: saves",
     "rode balk: betaalt meer dan zonder team; groene balk: bespaart"},
    {Label::DotsMove, "dots move when a household changes level", "stippen bewegen als een huishouden van niveau wisselt"},
    {Label::NetForSociety, "net, all money pockets", "netto, alle geldportemonnees"},
    {Label::JCurve, "Prevention over time: the J-curve  [J]", "Preventie in de tijd: de J-curve  [J]"},
    {Label::JCurveNote, "net gain of the team (zero alternative minus with team), cumulative, discounted at {} a year",
     "netto opbrengst van het team (nulalternatief min met team), cumulatief, verdisconteerd tegen {} per jaar"},
    {Label::Society, "Society", "Maatschappij"},
    {Label::PaybackAt, "paid back: month {}", "terugverdiend: maand {}"},
    {Label::NotPaidBack, "not paid back yet", "nog niet terugverdiend"},
    {Label::LevelsDifference, "households per level: with team minus zero alternative",
     "huishoudens per niveau: met team min nulalternatief"},
    {Label::CostLines, "solid: with team, dotted: zero alternative", "doorgetrokken: met team, gestippeld: nulalternatief"},
    {Label::NoDifference, "no difference with the zero alternative", "geen verschil met het nulalternatief"},
    {Label::Target, "levels taken in", "doelgroep"},
    {Label::MorePockets, "+ {} smaller pockets", "+ {} kleinere portemonnees"},
    {Label::SavedConfiguration, "configuration saved as", "configuratie opgeslagen als"},
    {Label::CannotWrite, "cannot write", "kan niet schrijven"},
}};

constexpr bool labels_in_order() {
  for (std::size_t i = 0; i < kLabels.size(); ++i)
    if (static_cast<std::size_t>(kLabels[i].key) != i) return false;
  return true;
}
static_assert(labels_in_order(), "kLabels must follow the order of Label");

using Pair = std::array<std::string_view, 2>;

/// Short pocket names for narrow places (legends).
constexpr std::array<Pair, services::kPocketCount> kPocketsShort{{
    {"Mun. Wmo", "Gem. Wmo"},
    {"Mun. youth", "Gem. jeugd"},
    {"Mun. work & income", "Gem. werk en inkomen"},
    {"Mun. debt help", "Gem. schuldhulp"},
    {"Mun. social work", "Gem. sociaal werk"},
    {"National gov.", "Rijk"},
    {"Health insurer", "Zorgverzekeraar"},
    {"Long-term care", "Wlz"},
    {"Justice", "Justitie"},
    {"Housing corp.", "Corporatie"},
    {"UWV", "UWV"},
    {"Household", "Huishouden"},
    {"Employers, society", "Werkgevers, samenleving"},
    {"QALY", "QALY"},
}};

constexpr std::array<Pair, 5> kSupport{
    {{"not known", "niet bekend"}, {"waiting", "wacht"}, {"active case", "actieve casus"},
     {"monitoring", "monitoring"}, {"closed", "afgesloten"}}};

constexpr std::array<Pair, agents::kTypeCount> kTypes{{{"family", "gezin"}, {"elderly", "oudere"}, {"other", "overig"}}};
constexpr std::array<Pair, 5> kIncomes{
    {{"work", "werk"}, {"unemployed (UWV)", "werkloos (WW)"}, {"welfare", "bijstand"}, {"pension", "pensioen"},
     {"other", "overig"}}};
constexpr std::array<Pair, 4> kHousing{
    {{"housed", "woont"}, {"rent arrears", "huurachterstand"}, {"eviction pending", "uitzetting dreigt"},
     {"evicted", "uitgezet"}}};
constexpr std::array<Pair, agents::kDomainCount> kDomains{{{"finances", "financiën"},
                                                          {"parenting", "opvoeding"},
                                                          {"participation", "participatie"},
                                                          {"mental health", "psychisch"},
                                                          {"housing", "wonen"},
                                                          {"health", "gezondheid"}}};
/// Providers and sinks of the referral graph: schema name, English, Dutch.
constexpr std::array<std::array<std::string_view, 3>, 19> kNodes{{
    {"youth_ambulatory", "youth care", "jeugdhulp"},
    {"mental_health_basic", "basic mental health", "basis-GGZ"},
    {"mental_health_specialist", "specialist mental health", "specialistische GGZ"},
    {"debt_help_light", "debt help (light)", "schuldhulp (licht)"},
    {"debt_restructuring", "debt restructuring", "schuldsanering"},
    {"wmo_household_help", "household help (Wmo)", "huishoudelijke hulp (Wmo)"},
    {"wmo_day_activities", "day activities (Wmo)", "dagbesteding (Wmo)"},
    {"wmo_individual_support", "individual support (Wmo)", "individuele begeleiding (Wmo)"},
    {"general_social_work", "general social work", "algemeen maatschappelijk werk"},
    {"reintegration", "re-integration", "re-integratie"},
    {"housing_corporation", "housing corporation", "woningcorporatie"},
    {"eviction", "eviction", "huisuitzetting"},
    {"shelter", "shelter", "opvang"},
    {"supervision_order", "supervision order", "ondertoezichtstelling"},
    {"out_of_home_placement", "out-of-home placement", "uithuisplaatsing"},
    {"mental_health_admission", "mental-health admission", "GGZ-opname"},
    {"nursing_home", "nursing home", "verpleeghuis"},
    {"police_justice", "police, justice", "politie, justitie"},
    {"detention", "detention", "detentie"},
}};

std::string_view pick(const Pair& p, Lang lang) { return lang == Lang::Nl ? p[1] : p[0]; }

// Swap the English marks for the Dutch ones: "1,234.5" becomes "1.234,5".
std::string localise(std::string text, Lang lang) {
  if (lang == Lang::En) return text;
  for (char& c : text) c = c == ',' ? '.' : (c == '.' ? ',' : c);
  return text;
}

}  // namespace

std::string_view label(Label key, Lang lang) {
  const Entry& e = kLabels[static_cast<std::size_t>(key)];
  return lang == Lang::Nl ? e.nl : e.en;
}

std::string_view pocket_name(services::Pocket pocket, Lang lang) { return labels::pocket_label(pocket, lang); }
std::string_view pocket_short_name(services::Pocket pocket, Lang lang) {
  return pick(kPocketsShort[services::id(pocket)], lang);
}
std::string_view support_name(agents::Support support, Lang lang) {
  return pick(kSupport[static_cast<std::size_t>(support)], lang);
}

std::string_view type_name(agents::HouseholdType type, Lang lang) { return pick(kTypes[agents::index(type)], lang); }
std::string_view income_name(agents::Income income, Lang lang) {
  return pick(kIncomes[static_cast<std::size_t>(income)], lang);
}
std::string_view housing_name(agents::Housing housing, Lang lang) {
  return pick(kHousing[static_cast<std::size_t>(housing)], lang);
}
std::string_view domain_name(agents::Domain domain, Lang lang) { return pick(kDomains[agents::index(domain)], lang); }

std::string node_name(std::string_view schema_name, Lang lang) {
  for (const auto& node : kNodes)
    if (node[0] == schema_name) return std::string(lang == Lang::Nl ? node[2] : node[1]);
  return std::string(schema_name);
}

std::string_view item_name(services::Item item, Lang lang) { return labels::item_label(item, lang); }

std::string count_text(double value, Lang lang) {
  const long long whole = std::llround(value);
  const std::string digits = fmt::format("{}", whole < 0 ? -whole : whole);
  std::string grouped = whole < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return localise(grouped, lang);
}

std::string decimal_text(double value, int decimals, Lang lang) {
  return localise(fmt::format("{:.{}f}", value, decimals), lang);
}

std::string short_euro_text(double eur, Lang lang) {
  if (std::fabs(eur) < 0.5) eur = 0.0;  // no "€ -0"
  const double size = std::fabs(eur);
  if (size >= 1e6) return "€ " + decimal_text(eur / 1e6, size >= 1e8 ? 0 : 2, lang) + " mln";
  if (size >= 1e4) return "€ " + decimal_text(eur / 1e3, 0, lang) + "k";
  if (size >= 1e3) return "€ " + decimal_text(eur / 1e3, 1, lang) + "k";
  return "€ " + decimal_text(eur, 0, lang);
}

}  // namespace wijksim::viz
