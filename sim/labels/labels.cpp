#include "sim/labels/labels.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace wijksim::labels {
namespace {

/// One label in both languages.
struct Pair {
  std::string_view en, nl;
};
std::string_view pick(const Pair& pair, Lang lang) { return lang == Lang::Nl ? pair.nl : pair.en; }

constexpr std::array<Pair, services::kPocketCount> kPockets{{
    {"Municipality: Wmo", "Gemeente: Wmo"},
    {"Municipality: youth care", "Gemeente: jeugdhulp"},
    {"Municipality: work and income", "Gemeente: werk en inkomen"},
    {"Municipality: debt help", "Gemeente: schuldhulpverlening"},
    {"Municipality: social work and teams", "Gemeente: sociaal werk en teams"},
    {"National government", "Rijksoverheid"},
    {"Health insurer", "Zorgverzekeraar"},
    {"Long-term care (Wlz)", "Langdurige zorg (Wlz)"},
    {"Justice and safety", "Justitie en veiligheid"},
    {"Housing corporation", "Woningcorporatie"},
    {"Benefits agency (UWV)", "Uitkeringsinstantie (UWV)"},
    {"Household", "Huishouden"},
    {"Employers and society", "Werkgevers en samenleving"},
    {"Non-monetary (wellbeing)", "Niet-monetair (welzijn)"},
}};

constexpr std::array<Pair, 3> kScopes{
    {{"Societal", "Maatschappelijk"}, {"Financial", "Financieel"}, {"Municipal", "Gemeentelijk"}}};

constexpr std::array<Pair, 3> kRatios{{{"Societal ratio", "Maatschappelijke ratio"},
                                       {"Financial ratio", "Financiële ratio"},
                                       {"Municipal ratio", "Gemeentelijke ratio"}}};

constexpr std::array<Pair, agents::kLevelCount> kLevels{
    {{"Green", "Groen"}, {"Light orange", "Lichtoranje"}, {"Orange", "Oranje"}, {"Red", "Rood"}}};

constexpr std::array<Pair, sim::kCountedCount> kEvents{{
    {"Evictions", "Huisuitzettingen"},
    {"Eviction listings", "Aangezegde ontruimingen"},
    {"Out-of-home placements", "Uithuisplaatsingen"},
    {"Supervision orders", "Ondertoezichtstellingen"},
    {"Admissions (mental health)", "Opnames (ggz)"},
    {"Nursing-home admissions", "Verpleeghuisopnames"},
    {"Detentions", "Detenties"},
    {"Offences", "Delicten"},
    {"Entries into welfare", "Instroom in de bijstand"},
    {"Job losses", "Baanverlies"},
    {"Households replaced (moves)", "Vervangen huishoudens (verhuizing)"},
}};

constexpr std::array<Pair, 2> kModes{{{"continuous", "doorlopend"}, {"cohort", "cohort"}}};

/// A text with the key it belongs to, so the table's order is checked at compile time.
struct Entry {
  Text key;
  Pair pair;
};
constexpr std::array kTexts{
    Entry{Text::ReportTitle, {"Social cost-benefit analysis (MKBA)", "Maatschappelijke kosten-batenanalyse (MKBA)"}},
    Entry{Text::Intro,
          {"{} project alternative(s) compared with the zero alternative \u201c{}\u201d: {} paired replications of {} "
           "households over {} months, discount rate {}.",
           "{} projectalternatief/-alternatieven vergeleken met het nulalternatief \u201c{}\u201d: {} gepaarde "
           "herhalingen met {} huishoudens over {} maanden, discontovoet {}."}},
    Entry{Text::SignNote,
          {"Gain = zero alternative minus project: a positive amount means the pocket is better off with the project, "
           "a negative amount that it pays more. Amounts in euros (EUR); intervals are 95% confidence intervals of "
           "the mean over the replications.",
           "Saldo = nulalternatief min project: een positief bedrag betekent dat de financier er met het project op "
           "vooruitgaat, een negatief bedrag dat hij meer betaalt. Bedragen in euro; intervallen zijn 95%-"
           "betrouwbaarheidsintervallen van het gemiddelde over de herhalingen."}},
    Entry{Text::Alternative, {"Alternative", "Alternatief"}},
    Entry{Text::AlternativeMode, {"Scenario \u201c{}\u201d, {} mode", "Scenario \u201c{}\u201d, modus {}"}},
    Entry{Text::KeyFigures, {"Key figures", "Kerncijfers"}},
    Entry{Text::ShareAbove1, {"{} of replications above 1", "{} van de herhalingen boven 1"}},
    Entry{Text::ShareAbove1Header, {"Share of replications with ratio > 1", "Aandeel herhalingen met ratio > 1"}},
    Entry{Text::Npv, {"Net present value", "Netto contante waarde"}},
    Entry{Text::Payback, {"Payback year (societal)", "Terugverdienjaar (maatschappelijk)"}},
    Entry{Text::PaybackYear, {"year {}", "jaar {}"}},
    Entry{Text::PaybackNone, {"not within the horizon", "niet binnen de looptijd"}},
    Entry{Text::PerHousehold,
          {"Societal NPV per household in the district", "Maatschappelijke NCW per huishouden in de wijk"}},
    Entry{Text::PerIntake,
          {"Societal NPV per household taken in by the team",
           "Maatschappelijke NCW per huishouden begeleid door het team"}},
    Entry{Text::TeamCost, {"Team cost, whole horizon (undiscounted)", "Teamkosten, hele looptijd (onverdisconteerd)"}},
    Entry{Text::Intakes, {"Households taken in by the team", "Huishoudens begeleid door het team"}},
    Entry{Text::Pocket, {"Pocket (financier)", "Financier"}},
    Entry{Text::NpvGain, {"Net present value of the gain", "Netto contante waarde van het saldo"}},
    Entry{Text::BudgetAfter2y, {"Budget effect after 2 years", "Budgeteffect na 2 jaar"}},
    Entry{Text::Ci95, {"95% CI", "95%-BI"}},
    Entry{Text::PaidForTeam, {"Paid for the team", "Betaald aan het team"}},
    Entry{Text::Total, {"Total, {}", "Totaal {}"}},
    Entry{Text::Mean, {"Mean", "Gemiddelde"}},
    Entry{Text::Events,
          {"Events over the horizon: project minus zero alternative",
           "Gebeurtenissen over de looptijd: project min nulalternatief"}},
    Entry{Text::Event, {"Event", "Gebeurtenis"}},
    Entry{Text::Difference, {"Difference (project - zero)", "Verschil (project - nul)"}},
    Entry{Text::Charts, {"Charts", "Grafieken"}},
    Entry{Text::Inputs, {"Inputs", "Invoer"}},
    Entry{Text::Input, {"Input", "Invoer"}},
    Entry{Text::Value, {"Value", "Waarde"}},
    Entry{Text::NotAvailable, {"n/a", "n.v.t."}},
    Entry{Text::None, {"none", "geen"}},
    Entry{Text::ChartPocketCosts,
          {"Gain per pocket: zero alternative minus project", "Saldo per financier: nulalternatief min project"}},
    Entry{Text::CaptionPocketCosts,
          {"Per year. Line: mean; band: 95% CI. Above zero the pocket is better off than without the project, below "
           "zero it pays more. Each panel has its own scale.",
           "Per jaar. Lijn: gemiddelde; band: 95%-BI. Boven nul gaat de financier erop vooruit tegenover zonder "
           "project, onder nul betaalt hij meer. Elk paneel heeft een eigen schaal."}},
    Entry{Text::ChartWrongPocket,
          {"Who pays and who gains (the wrong pocket)", "Wie betaalt en wie profiteert (het verkeerde-zakprobleem)"}},
    Entry{Text::CaptionWrongPocket,
          {"Per year, mean over the replications. Below zero: what a pocket pays for the team (hatched) and for extra "
           "care (plain); above zero: the costs it avoids. Diamond: net for society.",
           "Per jaar, gemiddeld over de herhalingen. Onder nul: wat een financier aan het team betaalt (gearceerd) en "
           "aan extra zorg (effen); boven nul: de kosten die hij vermijdt. Ruit: saldo voor de samenleving."}},
    Entry{Text::ChartNpvPockets, {"Net present value per pocket", "Netto contante waarde per financier"}},
    Entry{Text::CaptionNpvPockets,
          {"Discounted gain over the whole horizon; whiskers: 95% CI. Right of zero the pocket gains, left of zero it "
           "pays.",
           "Verdisconteerd saldo over de hele looptijd; snorharen: 95%-BI. Rechts van nul wint de financier, links van "
           "nul betaalt hij."}},
    Entry{Text::ChartLevels, {"Households per problem level", "Huishoudens per probleemniveau"}},
    Entry{
        Text::CaptionLevels,
        {"Mean number of households per month. Solid: project; dashed: zero alternative. Each panel has its own "
         "scale; every axis starts at zero, so a small change looks small.",
         "Gemiddeld aantal huishoudens per maand. Doorgetrokken: project; gestreept: nulalternatief. Elk paneel heeft "
         "een eigen schaal; elke as begint bij nul, dus een kleine verandering ziet er klein uit."}},
    Entry{Text::ChartFlows, {"Moves between problem levels", "Overgangen tussen probleemniveaus"}},
    Entry{Text::CaptionFlows,
          {"Mean households per month moving from a level (row) to another level (column) in the project; below each "
           "number the difference from the zero alternative. Darker: more households.",
           "Gemiddeld aantal huishoudens per maand dat in het project van een niveau (rij) naar een ander niveau "
           "(kolom) gaat; eronder het verschil met het nulalternatief. Donkerder: meer huishoudens."}},
    Entry{Text::ChartStatic,
          {"Static MKBA-tool estimate beside the simulation", "Statische schatting (MKBA-tool) naast de simulatie"}},
    Entry{Text::CaptionStatic,
          {"The static estimate counts one year of approach with benefits in years 1-9, using assumed attribution and "
           "relapse; the simulation counts what happened in the paired worlds. Where they part ways, the dynamics "
           "matter.",
           "De statische schatting rekent met een jaar aanpak en baten in jaar 1-9, met aangenomen attributie en "
           "terugval; de simulatie telt wat er in de gepaarde werelden gebeurde. Waar ze uiteenlopen, doet de "
           "dynamiek ertoe."}},
    Entry{Text::ChartCumulative,
          {"Cumulative discounted net for society", "Cumulatief verdisconteerd saldo voor de samenleving"}},
    Entry{Text::CaptionCumulative,
          {"Bars: net gain per year (undiscounted) with 95% CI; line: running sum of the discounted net; the dashed "
           "line marks the payback year.",
           "Staven: saldo per jaar (onverdisconteerd) met 95%-BI; lijn: lopende som van het verdisconteerde saldo; de "
           "stippellijn markeert het terugverdienjaar."}},
    Entry{Text::Year, {"year", "jaar"}},
    Entry{Text::Month, {"month", "maand"}},
    Entry{Text::EurPerYear, {"EUR per year", "euro per jaar"}},
    Entry{Text::Eur, {"EUR", "euro"}},
    Entry{Text::Households, {"households", "huishoudens"}},
    Entry{Text::Ratio, {"benefit / cost", "baten / kosten"}},
    Entry{Text::Project, {"project", "project"}},
    Entry{Text::ZeroAlternative, {"zero alternative", "nulalternatief"}},
    Entry{Text::Band, {"95% CI", "95%-BI"}},
    Entry{Text::AvoidedCosts, {"avoided costs", "vermeden kosten"}},
    Entry{Text::ExtraCare, {"extra care", "extra zorg"}},
    Entry{Text::NetSociety, {"net for society", "saldo samenleving"}},
    Entry{Text::Static, {"static (MKBA tool)", "statisch (MKBA-tool)"}},
    Entry{Text::Dynamic, {"simulation", "simulatie"}},
    Entry{Text::NetPerYear, {"net per year", "saldo per jaar"}},
    Entry{Text::CumulativeDiscounted, {"cumulative, discounted", "cumulatief, verdisconteerd"}},
    Entry{Text::PaybackMark, {"payback", "terugverdiend"}},
    Entry{Text::FromLevel, {"from", "van"}},
    Entry{Text::ToLevel, {"to", "naar"}},
    Entry{Text::Fte, {"FTE", "fte"}},
    Entry{Text::StaticReach,
          {"Static estimate for team \u201c{}\u201d: {} households in one year, {} FTE.",
           "Statische schatting voor team \u201c{}\u201d: {} huishoudens in een jaar, {} fte."}},
    Entry{Text::StaticNote, {"Ratios", "Ratio's"}},
    Entry{Text::NoStatic,
          {"No static estimate was made for this alternative.",
           "Voor dit alternatief is geen statische schatting gemaakt."}},
    Entry{Text::SheetSummary, {"Summary", "Samenvatting"}},
    Entry{Text::SheetPerPocket, {"Per pocket", "Per financier"}},
    Entry{Text::SheetPerYear, {"Per year", "Per jaar"}},
    Entry{Text::SheetInputs, {"Inputs", "Invoer"}},
    Entry{Text::Measure, {"Measure", "Grootheid"}},
    Entry{Text::CiLow, {"95% CI low", "95%-BI onder"}},
    Entry{Text::CiHigh, {"95% CI high", "95%-BI boven"}},
    Entry{Text::Cost, {"Cost", "Kosten"}},
    Entry{Text::Replications, {"Replications", "Herhalingen"}},
    Entry{Text::Months, {"Months", "Maanden"}},
    Entry{Text::DiscountRate, {"Discount rate", "Discontovoet"}},
    Entry{Text::PocketNpv, {"NPV: {}", "NCW: {}"}},
    Entry{Text::NpvPerHousehold, {"NPV per household in the district", "NCW per huishouden in de wijk"}},
    Entry{Text::NpvPerIntake, {"NPV per household taken in", "NCW per begeleid huishouden"}},
    Entry{Text::Generated, {"Written by wijksim compare.", "Gemaakt met wijksim compare."}},
    Entry{Text::PocketsLeftOut, {"Left out (no difference): {}.", "Weggelaten (geen verschil): {}."}},
    Entry{Text::BreakEven, {"break-even (1.0)", "break-even (1,0)"}},
    Entry{Text::DecisionTitle, {"Decision: which alternative, and why", "Beslissing: welk alternatief, en waarom"}},
    Entry{Text::DecisionIntro,
          {"{} alternatives compared with the zero alternative \u201c{}\u201d: {} paired replications of {} households "
           "over {} years (MKBA years 0-{}).",
           "{} alternatieven vergeleken met het nulalternatief \u201c{}\u201d: {} gepaarde herhalingen met {} "
           "huishoudens over {} jaar (MKBA-jaren 0-{})."}},
    Entry{Text::DecisionSummary, {"In short", "In het kort"}},
    Entry{Text::DecisionTable, {"All alternatives", "Alle alternatieven"}},
    Entry{Text::DecisionTableNote,
          {"Ordered by team budget; click a column header to sort. Green: best in its column. Grey rows are dominated: "
           "another alternative, or the zero alternative, costs no more and yields a higher societal net present value. "
           "Amounts are gains: positive means that pocket is better off with the alternative.",
           "Gesorteerd op teambudget; klik op een kolomkop om te sorteren. Groen: beste in de kolom. Grijze rijen zijn "
           "gedomineerd: een ander alternatief, of het nulalternatief, kost niet meer en levert een hogere "
           "maatschappelijke netto contante waarde op. Bedragen zijn saldi: positief betekent dat die financier erop "
           "vooruitgaat met het alternatief."}},
    Entry{Text::ColTeamBudget, {"Team budget a year", "Teambudget per jaar"}},
    Entry{Text::ColNpvSocietal, {"Societal NPV [95% CI]", "Maatschappelijke NCW [95%-BI]"}},
    Entry{Text::ColRatio, {"{} [95% CI]", "{} [95%-BI]"}},
    Entry{Text::ColPayback, {"Payback, {}", "Terugverdiend, {}"}},
    Entry{Text::ColMunicipal2y, {"Municipality after 2 years", "Gemeente na 2 jaar"}},
    Entry{Text::ColOther2y, {"Largest other pocket after 2 years", "Grootste andere financier na 2 jaar"}},
    Entry{Text::ColPaysMost, {"Pays most (NPV)", "Betaalt het meest (NCW)"}},
    Entry{Text::ColGainsMost, {"Gains most (NPV)", "Wint het meest (NCW)"}},
    Entry{Text::DominatedBy, {"dominated by {}", "gedomineerd door {}"}},
    Entry{Text::Best, {"best in this column", "beste in deze kolom"}},
    Entry{Text::IncrementTitle, {"What each extra step buys", "Wat elke extra stap oplevert"}},
    Entry{Text::IncrementNote,
          {"Steps along the efficiency frontier, cheapest first, from the zero alternative on. Each step is computed "
           "in every replication against the step before it (paired: same households, same random numbers), so its "
           "interval is that of the step itself. Incremental ratio: the extra present value of benefits over the extra "
           "present value of costs (societal).",
           "Stappen langs de efficiëntiegrens, goedkoopste eerst, vanaf het nulalternatief. Elke stap is in elke "
           "herhaling berekend tegen de stap ervoor (gepaard: dezelfde huishoudens, dezelfde toevalsgetallen), dus het "
           "interval is dat van de stap zelf. Incrementele ratio: de extra contante waarde van de baten gedeeld door de "
           "extra contante waarde van de kosten (maatschappelijk)."}},
    Entry{Text::ColStep, {"Step", "Stap"}},
    Entry{Text::ColExtraBudget, {"Extra team budget a year", "Extra teambudget per jaar"}},
    Entry{Text::ColExtraNpv, {"Extra societal NPV [95% CI]", "Extra maatschappelijke NCW [95%-BI]"}},
    Entry{Text::ColIncRatio, {"Incremental ratio [95% CI]", "Incrementele ratio [95%-BI]"}},
    Entry{Text::ColExtraMunicipal, {"Extra municipal NPV", "Extra gemeentelijke NCW"}},
    Entry{Text::ColShareBetter, {"Replications where it pays", "Herhalingen waarin het loont"}},
    Entry{Text::StepFrom, {"From {} to {}", "Van {} naar {}"}},
    Entry{Text::StepSentence,
          {"{}: {} a year buys {} societal NPV, incremental ratio {} [{} \u2013 {}].",
           "{}: {} per jaar levert {} maatschappelijke NCW op, incrementele ratio {} [{} \u2013 {}]."}},
    Entry{Text::StepSentenceNoRatio,
          {"{}: {} a year buys {} societal NPV; no incremental ratio, as in some replications the step does not raise "
           "society's costs (less extra care outweighs the larger team).",
           "{}: {} per jaar levert {} maatschappelijke NCW op; geen incrementele ratio, want in sommige herhalingen "
           "verhoogt de stap de maatschappelijke kosten niet (minder extra zorg weegt op tegen het grotere team)."}},
    Entry{Text::SettingEffectsTitle, {"What one setting buys", "Wat één instelling oplevert"}},
    Entry{Text::SettingEffectsNote,
          {"Alternatives that differ in this one setting only, everything else equal: the mean step over those pairs, "
           "computed per replication.",
           "Alternatieven die alleen in deze ene instelling verschillen, al het andere gelijk: de gemiddelde stap over "
           "die paren, per herhaling berekend."}},
    Entry{Text::SettingStep, {"{} instead of {}", "{} in plaats van {}"}},
    Entry{Text::ColPairs, {"Pairs", "Paren"}},
    Entry{Text::FrontierTitle,
          {"Value against budget: the efficiency frontier", "Waarde tegen budget: de efficiëntiegrens"}},
    Entry{Text::FrontierCaption,
          {"Societal net present value (whiskers: 95% CI) against the team budget a year. The line joins the zero "
           "alternative and the alternatives no other dominates, cheapest first; hollow grey points are dominated. "
           "Numbers as in the table.",
           "Maatschappelijke netto contante waarde (strepen: 95%-BI) tegen het teambudget per jaar. De lijn verbindt "
           "het nulalternatief en de alternatieven die door geen ander gedomineerd worden, goedkoopste eerst; holle "
           "grijze punten zijn gedomineerd. Nummers als in de tabel."}},
    Entry{Text::NoSteps,
          {"No alternative lies on the frontier beyond the zero alternative: none yields a positive societal net "
           "present value.",
           "Geen alternatief ligt voorbij het nulalternatief op de grens: geen enkel levert een positieve "
           "maatschappelijke netto contante waarde op."}},
    Entry{Text::AlternativeDetails, {"Details per alternative", "Details per alternatief"}},
    Entry{Text::SumChoice,
          {"The figures support {}: of the alternatives whose societal ratio stays above 1 over its whole 95% interval, "
           "it yields the highest societal net present value, {} [{} \u2013 {}] (ratio {} [{} \u2013 {}]), for a team "
           "budget of {} a year.",
           "De cijfers pleiten voor {}: van de alternatieven waarvan de maatschappelijke ratio over het hele "
           "95%-interval boven 1 blijft, levert het de hoogste maatschappelijke netto contante waarde op, {} [{} \u2013 "
           "{}] (ratio {} [{} \u2013 {}]), voor een teambudget van {} per jaar."}},
    Entry{Text::SumLean,
          {"The figures lean towards {}, with the highest societal net present value, {} [{} \u2013 {}] (ratio {} "
           "[{} \u2013 {}]), for a team budget of {} a year; but no alternative's societal ratio stays above 1 over "
           "its whole 95% interval.",
           "De cijfers neigen naar {}, met de hoogste maatschappelijke netto contante waarde, {} [{} \u2013 {}] "
           "(ratio {} [{} \u2013 {}]), voor een teambudget van {} per jaar; maar bij geen enkel alternatief blijft de "
           "maatschappelijke ratio over het hele 95%-interval boven 1."}},
    Entry{Text::SumNone,
          {"No alternative pays off for society: every societal ratio is below 1 on average, so the figures support "
           "care as usual (the zero alternative) or another design. The least unfavourable is {}, {} [{} \u2013 {}] "
           "(ratio {} [{} \u2013 {}]) for a team budget of {} a year.",
           "Geen alternatief betaalt zich maatschappelijk terug: elke maatschappelijke ratio ligt gemiddeld onder 1, "
           "dus de cijfers pleiten voor de gebruikelijke zorg (het nulalternatief) of een ander ontwerp. Het minst "
           "ongunstig is {}, {} [{} \u2013 {}] (ratio {} [{} \u2013 {}]) voor een teambudget van {} per jaar."}},
    Entry{Text::SumMunicipalityPays,
          {"The municipality pays: its own net present value is {} (municipal ratio {}) and its budget after two years "
           "{}; {} gains most ({}).",
           "De gemeente betaalt: haar eigen netto contante waarde is {} (gemeentelijke ratio {}) en haar budget na "
           "twee jaar {}; {} wint het meest ({})."}},
    Entry{Text::SumMunicipalityGains,
          {"The municipality gains too: its own net present value is {} (municipal ratio {}) and its budget after two "
           "years {}; {} gains most ({}).",
           "Ook de gemeente wint: haar eigen netto contante waarde is {} (gemeentelijke ratio {}) en haar budget na "
           "twee jaar {}; {} wint het meest ({})."}},
    Entry{Text::SumUncertainty,
          {"Main uncertainty: in {} of the replications the societal ratio stays below 1",
           "Grootste onzekerheid: in {} van de herhalingen blijft de maatschappelijke ratio onder 1"}},
    Entry{Text::SumUncertaintySize,
          {"Main uncertainty: the societal ratio stays above 1 in every replication, so what is uncertain is the size "
           "of the gain, {} to {} (95% interval)",
           "Grootste onzekerheid: de maatschappelijke ratio blijft in elke herhaling boven 1, dus onzeker is de omvang "
           "van de winst, {} tot {} (95%-interval)"}},
    Entry{Text::SumTwin,
          {"; {} cannot be told apart from it (difference in societal NPV {} [{} \u2013 {}])",
           "; {} is er niet van te onderscheiden (verschil in maatschappelijke NCW {} [{} \u2013 {}])"}},
    Entry{Text::SumRunnerUp,
          {"; the next best, {}, yields {} [{} \u2013 {}] less",
           "; de op een na beste, {}, levert {} [{} \u2013 {}] minder op"}},
    Entry{Text::SumDiscount, {"Discount rate: {}.", "Discontovoet: {}."}},
    Entry{Text::DiscountUsed, {"Discount rate", "Discontovoet"}},
    Entry{Text::SheetComparison, {"Comparison", "Vergelijking"}},
    Entry{Text::SheetFormulas, {"MKBA formulas", "MKBA-formules"}},
    Entry{Text::YearNote,
          {"Years are MKBA years: year 0 is the project's first year, as in the sources [S004 §4.4] and the "
           "visualiser.",
           "Jaren zijn MKBA-jaren: jaar 0 is het eerste jaar van het project, zoals in de bronnen [S004 §4.4] en de "
           "visualisatie."}},
    Entry{Text::SourceNote,
          {"Source or note in the scenario file", "Bron of toelichting in het scenariobestand"}},
};
static_assert(kTexts.size() == static_cast<std::size_t>(Text::Count));
constexpr bool texts_in_order() {
  for (std::size_t i = 0; i < kTexts.size(); ++i)
    if (static_cast<std::size_t>(kTexts[i].key) != i) return false;
  return true;
}
static_assert(texts_in_order(), "kTexts must list every Text in the enum's order");

/// Digits of a non-negative number with grouped thousands and the language's marks.
std::string grouped(double magnitude, int decimals, Lang lang) {
  const std::string plain = fmt::format("{:.{}f}", magnitude, decimals);
  const std::size_t point = plain.find('.');
  const std::string whole = plain.substr(0, point);
  const char group = lang == Lang::Nl ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
    out += whole[i];
  }
  if (point != std::string::npos) out += (lang == Lang::Nl ? ',' : '.') + plain.substr(point + 1);
  return out;
}

}  // namespace

std::optional<Lang> lang_from_name(std::string_view name) {
  if (name == "en") return Lang::En;
  if (name == "nl") return Lang::Nl;
  return std::nullopt;
}
std::string_view lang_name(Lang lang) { return lang == Lang::Nl ? "nl" : "en"; }

namespace {
constexpr std::array<Pair, services::kItemCount> kItems{{
    {"welfare benefit", "bijstandsuitkering"},
    {"welfare running costs", "uitvoeringskosten bijstand"},
    {"unemployment benefit", "WW-uitkering"},
    {"re-integration", "re-integratie"},
    {"youth care", "jeugdhulp"},
    {"supervision order", "ondertoezichtstelling"},
    {"child protection board", "Raad voor de Kinderbescherming"},
    {"out-of-home placement", "uithuisplaatsing"},
    {"basic mental health", "basis-GGZ"},
    {"specialist mental health", "specialistische GGZ"},
    {"mental-health admission", "GGZ-opname"},
    {"general practitioner", "huisarts"},
    {"debt help (light)", "schuldhulp (licht)"},
    {"debt restructuring", "schuldsanering"},
    {"household help (Wmo)", "huishoudelijke hulp (Wmo)"},
    {"day activities (Wmo)", "dagbesteding (Wmo)"},
    {"individual support (Wmo)", "individuele begeleiding (Wmo)"},
    {"general social work", "algemeen maatschappelijk werk"},
    {"shelter", "opvang"},
    {"emergency home", "noodwoning"},
    {"eviction", "huisuitzetting"},
    {"bailiff", "deurwaarder"},
    {"reletting", "herverhuur"},
    {"electricity cut-off", "afsluiting energie"},
    {"property offence", "vermogensdelict"},
    {"threat", "bedreiging"},
    {"assault", "mishandeling"},
    {"detention", "detentie"},
    {"nursing home", "verpleeghuis"},
    {"productivity loss", "productiviteitsverlies"},
    {"quality of life", "kwaliteit van leven"},
    {"team staff", "teampersoneel"},
    {"team other costs", "overige teamkosten"},
    {"custom budget", "maatwerkbudget"},
    {"pooled settlement", "verrekening gedeeld budget"},
}};
}  // namespace

std::string_view item_label(services::Item item, Lang lang) { return pick(kItems[services::id(item)], lang); }

std::string_view pocket_label(services::Pocket pocket, Lang lang) { return pick(kPockets[services::id(pocket)], lang); }
std::string_view scope_label(sim::Scope scope, Lang lang) {
  return pick(kScopes[static_cast<std::size_t>(scope)], lang);
}
std::string_view ratio_label(sim::Scope scope, Lang lang) {
  return pick(kRatios[static_cast<std::size_t>(scope)], lang);
}
std::string_view level_label(agents::Level level, Lang lang) {
  return pick(kLevels[static_cast<std::size_t>(level)], lang);
}
std::string_view event_label(sim::Counted event, Lang lang) {
  return pick(kEvents[static_cast<std::size_t>(event)], lang);
}
std::string_view mode_label(sim::Mode mode, Lang lang) { return pick(kModes[static_cast<std::size_t>(mode)], lang); }

std::string_view text(Text key, Lang lang) { return pick(kTexts[static_cast<std::size_t>(key)].pair, lang); }

std::string number_text(double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) return std::string(text(Text::NotAvailable, lang));
  const std::string digits = grouped(std::fabs(value), decimals, lang);
  // No minus sign on a value that rounds to zero.
  const bool negative = value < 0.0 && digits.find_first_not_of("0.,") != std::string::npos;
  return negative ? "-" + digits : digits;
}

std::string euro_text(double value, Lang lang) {
  if (!std::isfinite(value)) return std::string(text(Text::NotAvailable, lang));
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e9) return "€ " + number_text(value / 1e9, 1, lang) + (lang == Lang::Nl ? " mld" : " bn");
  if (magnitude >= 1e6) return "€ " + number_text(value / 1e6, magnitude >= 1e8 ? 0 : 1, lang) + " mln";
  return "€ " + number_text(value, 0, lang);
}

std::string ratio_text(double value, Lang lang) { return number_text(value, 2, lang); }

std::string xml_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (const char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string percent_text(double share, Lang lang) {
  if (!std::isfinite(share)) return std::string(text(Text::NotAvailable, lang));
  return number_text(share * 100.0, 0, lang) + "%";
}

std::string rate_text(double rate, Lang lang) {
  if (!std::isfinite(rate)) return std::string(text(Text::NotAvailable, lang));
  const double percent = rate * 100.0;
  int decimals = 0;
  while (decimals < 2 && std::fabs(percent * std::pow(10.0, decimals) - std::round(percent * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  return number_text(percent, decimals, lang) + "%";
}

std::string euro_tick(double v, double step, double largest, Lang lang) {
  if (std::fabs(v) < step * 1e-6) return "€ 0";
  const double unit = largest >= 1e6 ? 1e6 : 1.0;
  // As many decimals as the step needs (0.25 mln: two), the same for every tick of the axis.
  int decimals = 0;
  const double scaled = step / unit;
  while (decimals < 3 && std::fabs(scaled * std::pow(10.0, decimals) - std::round(scaled * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  return "€ " + number_text(v / unit, decimals, lang) + (unit > 1.0 ? " mln" : "");
}

std::string_view discount_source(scenarios::DiscountBasis basis) {
  switch (basis) {
    case scenarios::DiscountBasis::Standard: return "Werkgroep discontovoet 2020";
    case scenarios::DiscountBasis::Source: return "S004 fn 13";
    case scenarios::DiscountBasis::Custom: return "";
  }
  return "";
}

std::string discount_text(double rate, double real, double premium, scenarios::DiscountBasis basis, Lang lang) {
  const std::string parts = fmt::format(fmt::runtime(lang == Lang::Nl ? "{} reëel plus {} risicopremie"
                                                                       : "{} real plus {} risk premium"),
                                        rate_text(real, lang), rate_text(premium, lang));
  switch (basis) {
    case scenarios::DiscountBasis::Standard:
      return fmt::format(fmt::runtime(lang == Lang::Nl
                                          ? "{} per jaar, de standaarddiscontovoet voor MKBA's sinds 2021 ({}) [{}]"
                                          : "{} a year, the standard discount rate of Dutch MKBAs since 2021 ({}) [{}]"),
                         rate_text(rate, lang), parts, discount_source(basis));
    case scenarios::DiscountBasis::Source:
      return fmt::format(fmt::runtime(lang == Lang::Nl ? "{} per jaar, de discontovoet van de bronnen uit 2014 ({}) [{}]"
                                                       : "{} a year, the rate of the 2014 sources ({}) [{}]"),
                         rate_text(rate, lang), parts, discount_source(basis));
    case scenarios::DiscountBasis::Custom:
      return fmt::format(fmt::runtime(lang == Lang::Nl ? "{} per jaar, voor deze berekening ingesteld ({})"
                                                       : "{} a year, set for this run ({})"),
                         rate_text(rate, lang), parts);
  }
  return rate_text(rate, lang);
}

std::string discount_reason(scenarios::DiscountBasis basis, Lang lang) {
  switch (basis) {
    case scenarios::DiscountBasis::Standard:
      return lang == Lang::Nl
                 ? "MKBA's die na 1 januari 2021 beginnen, gebruiken deze discontovoet [Werkgroep discontovoet 2020]; "
                   "de bronnen (2014) rekenden met 5,5% [S004 fn 13], wat `--discount source` nabootst."
                 : "MKBAs started after 1 January 2021 use this rate [Werkgroep discontovoet 2020]; the sources (2014) "
                   "used 5.5% [S004 fn 13], which `--discount source` reproduces.";
    case scenarios::DiscountBasis::Source:
      return lang == Lang::Nl
                 ? "Gekozen om de bronnen na te bootsen; sinds 2021 is 2,25% de standaard [Werkgroep discontovoet 2020], "
                   "en een hogere discontovoet weegt latere baten lichter."
                 : "Chosen to reproduce the sources; since 2021 the standard is 2.25% [Werkgroep discontovoet 2020], "
                   "and a higher rate weighs later benefits less.";
    case scenarios::DiscountBasis::Custom:
      return lang == Lang::Nl
                 ? "Niet de standaard van 2,25% [Werkgroep discontovoet 2020] en niet de 5,5% van de bronnen [S004 fn "
                   "13]: de uitkomsten zijn daarmee niet direct vergelijkbaar."
                 : "Neither the standard 2.25% [Werkgroep discontovoet 2020] nor the sources' 5.5% [S004 fn 13]: the "
                   "results do not compare directly with either.";
  }
  return "";
}

}  // namespace wijksim::labels
