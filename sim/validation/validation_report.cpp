// The validation report (docs/VALIDATION.md): the catalogue's approaches with the figures their sources give,
// the simulated process figures beside them, the MKBA of the compare engine, where model and source differ,
// and every assumption of every scenario file.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <utility>

#include "scenarios/loader.hpp"
#include "sim/engine/paired.hpp"
#include "sim/labels/labels.hpp"
#include "sim/validation/validation.hpp"

namespace wijksim::sim {

namespace fs = std::filesystem;
using services::Pocket;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The approaches of SOURCEBOOK §4 in the catalogue. `differences` explains, in words that do not depend on the
// simulated numbers, why the model's figure and the source's part ways; the tables carry the numbers.
const std::vector<Approach>& approach_table() {
  static const std::vector<Approach> table{
      {"wijkteam",
       "generalist neighbourhood team (sociaal wijkteam)",
       {{"Newly found households, share of those taken in", "18% in the MKBA-tool example [S004]", "newly_found_share",
         Unit::Share, 0.18, 0.18},
        {"Wmo clients with the team against without", "+14% on average with teams [S001]", "wmo_clients_change",
         Unit::Share, 0.14, 0.14},
        {"Evictions prevented, per household taken in",
         "1-12% of households, net after 50% attribution [S004 Table 4.7]", "evictions_prevented_per_client",
         Unit::Share, 0.01, 0.12},
        {"Supervision orders, placements, admissions, nursing home and detentions prevented, per household taken in",
         "3-18% of families or elderly, net after 50% attribution [S004 Table 4.7]", "escalations_prevented_per_client",
         Unit::Share, 0.03, 0.18},
        {"Cases per FTE at work", "integrated work needs roughly 8-30 per FTE [S002]", "cases_per_fte", Unit::Count,
         8.0, 30.0}},
       "The team's figures with a tag (caseload norms, effect sizes, substitution) are inputs; what comes out is how "
       "many "
       "households the finding channels bring and what the effects prevent against the zero alternative. Newly found "
       "means unknown to care at first contact; in the model almost every household with a serious problem already "
       "runs a trajectory of care as usual (its zero alternative is calibrated on the use of the three laws [S003], "
       "not "
       "on who is in view of services), so few households the team finds are new to care and the share is far below "
       "the tool example's 18%. Table 4.7 of [S004] counts prevented escalations net after 50% "
       "attribution over the households a team reaches in a year of observation; the model counts the difference from "
       "the zero alternative over ten years per household ever taken in, without attribution (the paired zero "
       "alternative replaces it). The Wmo figure of [S001] compares municipalities with and without teams; the model "
       "compares one district with and without its team, so only the suction of newly found households and referrals "
       "add Wmo clients, and substitution takes some away."},
      {"team_mandate",
       "team with mandate and custom budget",
       {{"Evictions stopped, per FTE a year", "crisis team: 68 of 70 at stake stopped by 2.9 FTE in a year [S003]",
         "evictions_stopped_per_fte_year", Unit::Count, 68.0 / 2.9, 68.0 / 2.9},
        {"Custom budget spent, per FTE a year", "up to 20,000 a year per intensive coach [S003]",
         "custom_budget_per_fte_year", Unit::Eur, kNaN, 20000.0},
        {"Evictions prevented, per household taken in", "1-12% of households [S004 Table 4.7]",
         "evictions_prevented_per_client", Unit::Share, 0.01, 0.12},
        {"Cases per FTE at work", "integrated work needs roughly 8-30 per FTE [S002]", "cases_per_fte", Unit::Count,
         8.0, 30.0}},
       "A generalist team meets few evictions: it stops only those of its own active cases, and most households on an "
       "eviction list are not its cases. The crisis team's 68 stopped evictions are a team that works from the "
       "eviction "
       "lists themselves and takes them in at once (see eviction_crisis_team). The custom budget is spent in the model "
       "only on clearing rent arrears when an eviction is stopped, so much of the budget is left over; the sources' "
       "custom solutions (any provision, a "
       "purchase, a debt settlement) are not modelled, and the mandate's other effect, granting youth-law and Wmo "
       "provisions on the spot, adds care (and costs) without an effect of its own because care as usual has no effect "
       "on hazards beyond the calibrated ones (MODEL.md §16); the Wmo pocket can gain all the same, because fewer "
       "evictions mean fewer shelter places, which it pays."},
      {"multi_problem_families",
       "multi-problem family approach (MPG)",
       {{"Families taken in, per coach (FTE) a year", "5-10 families a year per coach [S004]",
         "admissions_per_fte_year", Unit::Count, 5.0, 10.0},
        {"Families per coach at a time", "5-10 [S004]; about 8 for chronically dysregulated families [S002]",
         "cases_per_fte", Unit::Count, 5.0, 10.0},
        {"Supervision orders, placements, admissions, nursing home and detentions prevented, per family taken in",
         "3-18% of families, net after 50% attribution [S004 Table 4.7]", "escalations_prevented_per_client",
         Unit::Share, 0.03, 0.18}},
       "The caseload is an input (160 hours a year per family), so families per coach at a time follow from it; the "
       "number taken in a year also depends on how long a family stays, which the model decides by its closure rules "
       "(stable for three months, or a year at most). The model's heaviest families are orange and red households "
       "with children; it has no separate child-protection track, so the coach's effect is the generic casework "
       "effect of [S001] (11-25%) applied to every domain, not the larger effects intensive family programmes claim. "
       "Prevented placements and supervision orders are few in a district of 10,000 households because the youth "
       "ladder is rare (about 2 placements a year in the zero alternative)."},
      {"eviction_crisis_team",
       "crisis team (eviction prevention)",
       {{"Cases taken in, per FTE a year", "188 cases by 2.9 FTE in a year [S003]", "admissions_per_fte_year",
         Unit::Count, 188.0 / 2.9, 188.0 / 2.9},
        {"Share of cases with an eviction at stake at intake", "70 of 188 [S003]", "eviction_at_stake_share",
         Unit::Share, 70.0 / 188.0, 70.0 / 188.0},
        {"Evictions stopped, per FTE a year", "68 of 70 at stake stopped by 2.9 FTE [S003]",
         "evictions_stopped_per_fte_year", Unit::Count, 68.0 / 2.9, 68.0 / 2.9},
        {"Evictions prevented against the zero alternative, per FTE a year",
         "the source counts stopped evictions, not a counterfactual (68 by 2.9 FTE) [S003]",
         "evictions_prevented_per_fte_year", Unit::Count, 68.0 / 2.9, 68.0 / 2.9},
        {"Arrears cleared from the budget, per FTE a year", "37,501 for 15 cases by 2.9 FTE [S003]",
         "custom_budget_per_fte_year", Unit::Eur, 37501.0 / 2.9, 37501.0 / 2.9}},
       "The district of 10,000 households has far fewer eviction listings than the municipality the source's team "
       "served, so the team was sized to 1 FTE (an assumption); per FTE the figures are then comparable in kind. "
       "Stopped evictions are not prevented evictions: in the model a pending eviction is also settled without help "
       "half of the time each month (dynamics.escalation.eviction_settled), so the net number prevented against the "
       "zero alternative is well below the number stopped, and some stopped households are listed again later. The "
       "source reports gross stops without a counterfactual. The source's team also took 118 other crises a year; "
       "the model's crisis team finds those when they ask for help at a crisis or after an energy cut-off. Because "
       "listings and cut-offs are acted on at once (urgent_signals) while requests queue, the waiting list is full "
       "most of the time and many self-referred crises give up or are turned away; the source reports no waiting "
       "list. The budget for arrears (scaled to 1 FTE) runs out after five cases a year; later stops become payment "
       "plans. The high ratios come from the evictions prevented: in the model an eviction costs the housing "
       "corporation eviction and re-letting (7,200 [S003]) and, for the nine in ten who go to a shelter, supported "
       "housing at 50,000 a year [S003] on the Wmo until they are rehoused (about five months on average, "
       "dynamics.escalation.rehoused), besides the worse mental health that follows; the source reports no MKBA "
       "of its crisis team to set beside it."},
      {"process_coordinators",
       "process coordinators for stuck cases",
       {{"Stuck cases taken on, per senior (FTE) a year", "58 taken on by 5 seniors in 8 months [S003]",
         "admissions_per_fte_year", Unit::Count, 58.0 * 12.0 / 8.0 / 5.0, 58.0 * 12.0 / 8.0 / 5.0},
        {"Months a case is worked on", "1-6 months each [S003]", "case_months", Unit::Count, 1.0, 6.0},
        {"Cases with fewer professionals (trajectories) six months after intake", "fewer professionals in 80% [S003]",
         "fewer_trajectories_6m", Unit::Share, 0.80, 0.80}},
       "The model counts care-as-usual trajectories, not professionals: a stuck case with 10-20 professionals has at "
       "most ten trajectories here, and mental-health care, debt restructuring and the escalated states (placement, "
       "admission) cannot be substituted (MODEL.md §10.6). The share of trajectories ended at intake (47%) comes from "
       "one "
       "family in the source and is applied to every case, which is generous; the share of cases with fewer "
       "trajectories six months on is also shaped by care as usual ending and starting trajectories of its own, which "
       "the zero alternative's column shows. Stuck cases are found here through partner signals among households "
       "running two or more trajectories; the source's cases were reported by professionals."},
      {"early_debt_signalling",
       "early debt signalling with outreach (Vroeg Eropaf)",
       {{"Visits that find someone home", "4 of 10 [S003]", "at_home_share", Unit::Share, 0.4, 0.4},
        {"Of those at home, taken in", "1 of 4 opens up [S003]", "opens_up_share", Unit::Share, 0.25, 0.25},
        {"Households taken in per 10 visits", "1 of 10 [S003]", "intake_per_10_visits", Unit::Count, 1.0, 1.0},
        {"Newly found households, share of those taken in",
         "five of six households with problematic debt are not in "
         "view [S000]",
         "newly_found_share", Unit::Share, 5.0 / 6.0, 5.0 / 6.0}},
       "The funnel's two shares are inputs, so the simulated shares reproduce them up to chance; the last step is "
       "lower "
       "because a household that opens up but is outside the team's target (green) is referred on instead of taken "
       "in. The visits are limited by the early signals of the month: with 20 visits per FTE-month and about one in "
       "twenty households with serious money problems on an arrears list each month, the team visits most of them. "
       "Each visit takes 1.5 of the team's client hours (an assumption, MODEL.md §10.4), so at 20 visits per FTE-month "
       "visits take about a third of the debt worker's hours, and with one intake in about twenty visits the caseload "
       "stays small. Few of the households it "
       "takes in are new to care, against five in six households with problematic debt out of view in [S000]: in the "
       "model a household whose money problem is serious usually runs light debt help or social work already. The "
       "sources give the funnel but no effect sizes for Vroeg Eropaf; the generic casework effects are used."},
      {"youth_16_27",
       "youth 16-27 team (Team 16+)",
       {{"Young people per FTE at a time", "caseload 20-25 [S002]", "cases_per_fte", Unit::Count, 20.0, 25.0},
        {"Housing question at the start", "85% [S002]", "housing_question_start", Unit::Share, 0.85, 0.85},
        {"Housing question after 1-3 months (3 months)", "47% [S002]", "housing_question_3m", Unit::Share, 0.47, 0.47}},
       "The model has no ages: young people of 16-27 are approximated by 'other' households (neither families nor "
       "elderly), which include adults of every age. Their housing question at the start is the model's housing domain "
       "(severity at least mild) or a housing status other than housed; the share is far below the source's 85% "
       "because the model's 'other' households are mostly settled adults whose problems lie in money, participation "
       "and mental health, while the source's young people often have no home of their own. The source's fall from 85% "
       "to 47% in 1-3 months is a team result; in the model the housing question of the households taken in hardly "
       "moves in three months, with or without the team (the zero alternative's column), because the team has no "
       "housing to offer: it lowers the hazards of arrears and eviction, and the housing domain improves at its own "
       "slow rate. Only the difference between the two columns is the team's."},
      {"turning_18",
       "turning-18 team (Team8tien)",
       {{"Cases in a year", "36 [S003]", "admissions_year", Unit::Count, 36.0, 36.0},
        {"Cases closed within a year of intake", "26 of 36 in the year [S003]", "closed_12m_share", Unit::Share,
         26.0 / 36.0, 26.0 / 36.0},
        {"Kept off the street, share of cases (evicted within 12 months: zero alternative minus team)",
         "9 of 36 [S003]", "kept_housed_share", Unit::Share, 9.0 / 36.0, 9.0 / 36.0}},
       "The model has no ages and no 18th birthday; young people turning 18 are approximated by families with children "
       "found through school and eviction signals, which brings in households whose problems are those of the parents "
       "as much as the youngster's. 'Kept off the street' in the source counts young people who were at risk of "
       "homelessness and stayed housed; the model can only count evictions prevented against the zero alternative, "
       "which are rare among families, so the simulated share is far below the source's. The team's size follows from "
       "its cost (107,500 a year) and its caseload from the generic norms, so its intake is set by the district and "
       "the norms rather than by the source's 36 cases."},
      {"intensive_case_management",
       "intensive case management of welfare clients (Zoveel Meer)",
       {{"Clients per coach", "30, at most 35 [S003]", "cases_per_fte", Unit::Count, 30.0, 35.0},
        {"Clients who left welfare within 3 years", "5 of 30 left benefit, 2 more part-time [S003]", "welfare_exit_36m",
         Unit::Share, 5.0 / 30.0, 7.0 / 30.0},
        {"The same households without the coach (zero alternative)",
         "usual exit 5-10% a year for clients long on benefit, under 4% for care-unit clients [S003]",
         "welfare_exit_36m_zero", Unit::Share, kNaN, kNaN}},
       "The welfare exits of the model are calibrated to the duration-dependent exit table of [S003]; the coach's "
       "effect "
       "works through the participation and finance domains (the generic 11-25% of [S001]) and through the level, not "
       "on the exit hazard itself. The source's clients were long-term clients picked for the programme; the model's "
       "coach takes any welfare household with problems in two or more domains that comes into view, including recent "
       "entrants whose exit chances are high anyway, so the exit share of the coach's clients is higher than the "
       "source's and mostly also happens without the coach (zero alternative column). Part-time work is not modelled. "
       "The coach's custom budget is not spent (the model spends custom budgets only on rent arrears under a "
       "mandate)."},
      {"high_impact_offenders",
       "high-impact offenders approach (Top600)",
       {{"Fewer offences in the 12 months after intake", "recidivism down 30-50% [S002]", "offence_reduction",
         Unit::Share, 0.30, 0.50},
        {"Cost of the approach per person a year", "5.16 million for about 1,000 persons: about 5,160 [S002]",
         "cost_per_client_year", Unit::Eur, 5160.0, 5160.0}},
       "The model has offences and detention as rare events of households with two or more serious problems, not "
       "criminal careers; a high-impact offender is approximated by such a household after an offence the police "
       "signal. The team's effect on offences is the generic casework effect (13% less delinquency [S001], here 15% "
       "on the participation domain that drives the offence hazard), so the recidivism fall of 30-50% that the source "
       "reports for a mandatory approach with 40 partners is not reproduced; offences after intake are also few, so "
       "the figure is noisy. A district of 10,000 households has only a handful of such households a year, so the "
       "team of 1 FTE holds fewer than its ten places most of the time (ramp-up and vacancies add to that), and its "
       "cost per household is above the source's 5,160."},
      {"school_as_workplace",
       "school as workplace (SAW)",
       {{"Contacts referred on (light or heavy care) instead of helped by the team",
         "3.8% light + 0.5% heavy care [S002]", "referred_share", Unit::Share, 0.043, 0.043},
        {"Cost per student a year", "15 [S002]", "cost_per_family_year", Unit::Eur, kNaN, kNaN}},
       "The model has no schools or students; students are families with children signalled by school, and the "
       "professionals' time at the school is a team of 1 FTE at frontline cost, so the cost per family helped is "
       "far above the source's 15 per student (which covers only the coordination; the 40 professionals are paid by "
       "their own organisations). Contacts are referred on when they are red (outside the target); the source's low "
       "referral share describes students who are mostly not in crisis, which the model's school signal (a serious "
       "parenting problem) does not select. One FTE is too little for what the school signals bring: a waiting list "
       "forms and contacts are turned away when it is full."},
      {"elderly_team",
       "elderly-focused neighbourhood team",
       {{"Share of the money gains that lands with the municipality", "the municipality gains little [S004 Fig. 4.9]",
         "gain_share_municipality", Unit::Share, kNaN, kNaN},
        {"Share of the money gains with the insurer, long-term care and the elderly themselves",
         "most benefits go to insurers, long-term care and the elderly [S004 Fig. 4.9]", "gain_share_elderly_pockets",
         Unit::Share, 0.5, 1.0}},
       "Elderly households reach orange or red mostly through health and participation problems; a nursing-home "
       "admission is the main escalation the team can prevent, and it is paid by long-term care, so the wrong-pocket "
       "pattern of [S004] follows from the payer mapping of the price list (MODEL.md §8), not from the team. Elderly "
       "households rarely ask for help and the GP signal is weak in the model, so even with light-orange households "
       "in its target the team of 2 FTE works below its capacity. Collective elderly work (groups, buddies) is not "
       "modelled."},
      {"neighbourhood_lump_sum",
       "neighbourhood lump-sum pilot (Oss)",
       {{"Cases whose costs fell (year after intake against the year before)", "18 of 32 [S002]", "cost_fell_share",
         Unit::Share, 18.0 / 32.0, 18.0 / 32.0},
        {"Cases whose costs in the year after intake are below the zero alternative's",
         "no counterfactual in the source", "cost_below_zero_share", Unit::Share, kNaN, kNaN},
        {"Wellbeing", "from 3.5 to 8.3 of 10 [S002]", "self_reliant_12m", Unit::Share, kNaN, kNaN}},
       "The source's 18 of 32 compares a household's costs before and after; in the model, households are taken in at "
       "a bad moment, so many of them cost less a year later with or without the team (regression to the mean), as "
       "the share below the zero alternative shows. The lump sum is modelled as four pockets co-financing the team "
       "and sharing their joint net saving by contribution each year (the pooled settlement, MODEL.md §14.1); the Wmo "
       "budget itself stays with care as usual. Wellbeing is not in the model; the share of households self-reliant "
       "(green or light orange) a year after intake stands beside it without a comparison."},
      {"replacement_funding",
       "team with replacement (\"new for old\") funding",
       {{"Households waiting for the replaced Wmo provisions (mean a month)",
         "replacement cashes savings; additional money may turn into shorter waiting lists [S004 §5.2]",
         "provider_waiting", Unit::Count, kNaN, kNaN},
        {"The same without the team (zero alternative)", "", "provider_waiting_zero", Unit::Count, kNaN, kNaN}},
       "The places the team's budget takes are fixed once at the start, and the providers' capacity is an assumption "
       "(about the highest use in a run of the default district), so the waiting lists in the project world are a "
       "consequence of that choice. The team's substitution frees some places; whether that is enough to absorb the "
       "cut is what the waiting list shows. A household waiting for a place is not billed for it and, since care as "
       "usual has no effect on hazards beyond the calibrated ones (MODEL.md §16), waiting costs it nothing in the "
       "model either; so the cut shows as a saving on the Wmo pocket, which real waiting would not be. The sources "
       "give no figures for replacement funding, only the "
       "argument that it is a precondition for cashing in savings [S004 §5.2]."},
      {"team_cofinanced",
       "team co-financed by the health insurer and the housing corporation",
       {{"Replications in which the insurer withdraws", "the insurer gains but may also contribute [S004 Fig. 4.9]",
         "withdrawn_health_insurer", Unit::Share, kNaN, kNaN},
        {"Year of the insurer's withdrawal, counted from year 0 (when it withdraws)", "",
         "withdrawal_year_health_insurer", Unit::Count, kNaN, kNaN},
        {"Replications in which the housing corporation withdraws",
         "housing corporations co-invest mainly where the team came from neighbourhood policy [S004 Fig. 4.9]",
         "withdrawn_housing_corporation", Unit::Share, kNaN, kNaN},
        {"Year of the housing corporation's withdrawal, counted from year 0 (when it withdraws)", "",
         "withdrawal_year_housing_corporation", Unit::Count, kNaN, kNaN}},
       "The financier module judges a pocket's yearly balance against the zero alternative, its contribution included; "
       "a co-financier whose own savings in the first years stay below its share of the team's cost withdraws after "
       "two "
       "negative years, although the team's benefits for it grow later (the ramp-up of [S004 §4.4] and effects that "
       "build over time). This is the wrong-pocket problem the sources describe; the shares and the patience are "
       "assumptions, and a longer patience or a pooled budget (neighbourhood_lump_sum) changes the outcome."},
      {"mkba_tool_example",
       "the MKBA-tool's example team",
       {{"Households reached in a year", "328 by 3.6 FTE [S004 App.2]", "admissions_year", Unit::Count, 328.0, 328.0},
        {"Newly found households, share of those taken in", "18% [S004]", "newly_found_share", Unit::Share, 0.18,
         0.18}},
       "The tool's 328 households follow from its caseloads (600/150/75 per FTE) and the reach it is given; the "
       "simulated team takes in what its finding channels bring at the caseload norms of [S004 Table 3.10], with cases "
       "lasting months, so it takes in fewer households a year than the tool assumes it reaches. The example team is "
       "the default team of the code (no outreach, no custom budget); its other settings are the defaults of "
       "services/team_def.hpp."},
  };
  return table;
}

}  // namespace

std::span<const Approach> approaches() { return approach_table(); }

const Approach* find_approach(std::string_view scenario) {
  for (const Approach& a : approach_table())
    if (a.scenario == scenario) return &a;
  return nullptr;
}

namespace {

/// "-0" and friends as "0".
std::string unsigned_zero(std::string s) {
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.,%") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string thousands(double x) {
  const auto v = static_cast<long long>(std::llround(std::fabs(x)));
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return unsigned_zero((x < 0 ? "-" : "") + out);
}

std::string number(double x, Unit unit) {
  if (!std::isfinite(x)) return "n/a";
  switch (unit) {
    case Unit::Share:
      return unsigned_zero(fmt::format("{:.1f}%", 100.0 * x));
    case Unit::Eur:
      return thousands(x);
    case Unit::Ratio:
      return unsigned_zero(fmt::format("{:.2f}", x));
    case Unit::Count:
      break;
  }
  const double a = std::fabs(x);
  return unsigned_zero(a >= 100.0  ? fmt::format("{:.0f}", x)
                       : a >= 10.0 ? fmt::format("{:.1f}", x)
                                   : fmt::format("{:.2f}", x));
}

/// Money in the MKBA tables: 2.09 M, 534 k, 612.
std::string money(double x) {
  if (!std::isfinite(x)) return "n/a";
  const double a = std::fabs(x);
  if (a >= 1e6) return unsigned_zero(fmt::format("{:.2f} M", x / 1e6));
  if (a >= 1e3) return unsigned_zero(fmt::format("{:.0f} k", x / 1e3));
  return unsigned_zero(fmt::format("{:.0f}", x));
}

std::string with_ci(const Stat& s, const std::function<std::string(double)>& f) {
  if (s.n == 0 || !std::isfinite(s.mean)) return "n/a";
  if (s.n < 2 || !(s.sd > 0.0)) return f(s.mean);
  return fmt::format("{} [{}, {}]", f(s.mean), f(s.ci_low), f(s.ci_high));
}

std::string stat_text(const Stat& s, Unit unit) {
  return with_ci(s, [unit](double x) { return number(x, unit); });
}

Stat stat_of(const std::map<std::string, Stat>& figures, std::string_view name) {
  const auto it = figures.find(std::string(name));
  return it == figures.end() ? Stat{} : it->second;
}

/// Markdown table cell text: no pipes, no line breaks.
std::string cell(std::string s) {
  for (char& c : s)
    if (c == '|' || c == '\n') c = c == '|' ? '/' : ' ';
  return s;
}

std::string pocket_label(std::size_t p) { return std::string(services::kPocketNames[p]); }

}  // namespace

std::string verdict(const SourceFigure& figure, const Stat& simulated) {
  if (simulated.n == 0 || !std::isfinite(simulated.mean)) return "";
  const double x = simulated.mean;
  const bool has_low = std::isfinite(figure.low), has_high = std::isfinite(figure.high);
  if (!has_low && !has_high) return "";
  if (has_low && has_high && figure.low == figure.high)
    return figure.low != 0.0 ? fmt::format("x {:.2f} of the source", x / figure.low) : "";
  if (has_low && x < figure.low) return "below";
  if (has_high && x > figure.high) return "above";
  return "within";
}

std::optional<std::string> first_difference(std::string_view expected, std::string_view actual) {
  if (expected == actual) return std::nullopt;
  std::size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  const auto line_at = [](std::string_view text, std::size_t pos) {
    const std::size_t begin = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t from = begin == std::string_view::npos || pos == 0 ? 0 : begin + 1;
    const std::size_t end = text.find('\n', from);
    return std::string(text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
  };
  return fmt::format("first difference at line {}:\n  expected: {}\n  actual:   {}", line,
                     i < expected.size() ? line_at(expected, i) : "(end of file)",
                     i < actual.size() ? line_at(actual, i) : "(end of file)");
}

// ---------------------------------------------------------------------------------------------------------------
// Running the catalogue
// ---------------------------------------------------------------------------------------------------------------

namespace {

/// One catalogue scenario with its results.
struct ScenarioRun {
  CatalogueEntry entry;
  scenarios::ScenarioDef def;
  scenarios::FileNotes notes;
  AlternativeResult mkba;
  std::map<std::string, Stat> figures;
};

/// A scenario's zero alternative (without name, description and MKBA settings) and its mode: scenarios with equal
/// keys run in one compare request.
using ZeroKey = std::pair<scenarios::ScenarioDef, std::string>;
ZeroKey zero_key(const scenarios::ScenarioDef& def) {
  scenarios::ScenarioDef zero = zero_alternative(def);
  zero.name.clear();
  zero.description.clear();
  zero.mkba = scenarios::MkbaDef{};
  return {std::move(zero), def.mkba.mode};
}

/// Figures the report derives from the MKBA: who gains, and the team's cost per household.
void add_mkba_figures(ScenarioRun& run) {
  double gains = 0, municipal = 0, elderly = 0;
  for (std::size_t p = 0; p < services::kPocketCount; ++p) {
    const auto pocket = static_cast<Pocket>(p);
    if (!services::is_money(pocket)) continue;
    const double g = std::max(0.0, run.mkba.npv_by_pocket[p].mean);
    gains += g;
    if (services::is_municipal(pocket)) municipal += g;
    if (pocket == Pocket::HealthInsurer || pocket == Pocket::LongTermCare || pocket == Pocket::Household) elderly += g;
  }
  const auto single = [](double x) { return Stat{x, 0.0, x, x, std::isfinite(x) ? 1U : 0U}; };
  run.figures["gain_share_municipality"] = single(gains > 0 ? municipal / gains : kNaN);
  run.figures["gain_share_elderly_pockets"] = single(gains > 0 ? elderly / gains : kNaN);
  const Stat cost = stat_of(run.figures, "team_cost_year"), cases = stat_of(run.figures, "caseload");
  run.figures["cost_per_client_year"] = single(cases.mean > 0 ? cost.mean / cases.mean : kNaN);
  const Stat clients = stat_of(run.figures, "admissions_year");
  run.figures["cost_per_family_year"] = single(clients.mean > 0 ? cost.mean / clients.mean : kNaN);
}

void log_line(const ValidationOptions& opt, const std::string& text) {
  if (opt.log) opt.log(text);
}

std::vector<ScenarioRun> run_catalogue(const ValidationOptions& opt) {
  std::vector<std::string> overrides;
  if (opt.households) overrides.push_back(fmt::format("run.households={}", *opt.households));
  if (opt.months) overrides.push_back(fmt::format("run.months={}", *opt.months));
  std::vector<ScenarioRun> runs;
  for (const CatalogueEntry& e : list_scenarios(opt.dir)) {
    if (!e.approach()) continue;
    runs.push_back({e, scenarios::load_scenario(e.file, overrides), scenarios::read_file_notes(e.file), {}, {}});
  }
  // Scenarios that share a zero alternative run together: one warm-up and one zero world per replication.
  std::vector<std::vector<std::size_t>> groups;
  std::vector<ZeroKey> keys;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ZeroKey key = zero_key(runs[i].def);
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
      keys.push_back(std::move(key));
      groups.push_back({i});
    } else {
      groups[static_cast<std::size_t>(it - keys.begin())].push_back(i);
    }
  }
  // The checkpoints live only while their group is folded; the folder goes whatever happens.
  struct WorkFolder {
    fs::path path;
    ~WorkFolder() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  };
  const WorkFolder folder{(opt.work.empty() ? fs::temp_directory_path() : opt.work) /
                          fmt::format("wijksim-validate-{}", ::getpid())};
  const fs::path& work = folder.path;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<scenarios::ScenarioDef> defs;
    std::string names;
    for (const std::size_t i : groups[g]) {
      defs.push_back(runs[i].def);
      names += (names.empty() ? "" : ", ") + runs[i].entry.name;
    }
    const CompareRequest req = make_request(defs, defs.front().mkba.mode, opt.replications, opt.threads);
    const fs::path dir = work / fmt::format("group-{}", g);
    log_line(opt,
             fmt::format("group {} of {} ({}): {} paired replications", g + 1, groups.size(), names, opt.replications));
    fs::remove_all(dir);  // no checkpoints of an earlier run
    run_replications(req, dir);
    const CompareResult result = fold_replications(req, dir);
    const auto figures = process_figures(req, opt.replications);
    // One alternative per scenario in the scenario's mode (the first if a scenario asks for both).
    std::size_t a = 0;
    for (const std::size_t i : groups[g]) {
      while (a < req.alternatives.size() && req.alternatives[a].def.name != runs[i].def.name) ++a;
      runs[i].mkba = result.alternatives.at(a);
      runs[i].figures = figures.at(a);
      add_mkba_figures(runs[i]);
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing the report
// ---------------------------------------------------------------------------------------------------------------

std::string ratio_text(const AlternativeResult& r, Scope s) {
  return with_ci(r.ratio[static_cast<std::size_t>(s)], [](double x) { return number(x, Unit::Ratio); });
}

std::string payback_text(const std::optional<std::uint32_t>& year) {
  return year ? fmt::format("year {}", *year) : "none";
}

/// Pockets paying for the team, with their shares of the team money over the horizon.
std::string payers_text(const AlternativeResult& r) {
  std::array<double, services::kPocketCount> paid{};
  double total = 0;
  for (const auto& year : r.team_by_year)
    for (std::size_t p = 0; p < services::kPocketCount; ++p) {
      paid[p] += year[p].mean;
      total += year[p].mean;
    }
  std::string out;
  for (std::size_t p = 0; p < services::kPocketCount; ++p)
    if (paid[p] > 0.005 * total)
      out += fmt::format("{}{} {:.0f}%", out.empty() ? "" : ", ", pocket_label(p), 100.0 * paid[p] / total);
  return out.empty() ? "none" : out;
}

/// The money pocket with the largest discounted gain.
std::string top_gainer(const AlternativeResult& r) {
  std::size_t best = 0;
  for (std::size_t p = 1; p < services::kPocketCount; ++p)
    if (services::is_money(static_cast<Pocket>(p)) && r.npv_by_pocket[p].mean > r.npv_by_pocket[best].mean) best = p;
  return fmt::format("{} ({})", pocket_label(best), money(r.npv_by_pocket[best].mean));
}

std::string summary(const std::vector<ScenarioRun>& runs) {
  std::string out =
      "| scenario | approach | FTE | utilisation | societal ratio [95% CI] | financial | municipal | payback (societal) | "
      "pays for the team | gains most (NPV) |\n|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ScenarioRun& r : runs) {
    const Approach* a = find_approach(r.entry.name);
    out += fmt::format("| [{}](#{}) | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", r.entry.name, r.entry.name,
                       a ? a->title : "(not in the approach table)",
                       number(stat_of(r.figures, "fte").mean, Unit::Count),
                       number(stat_of(r.figures, "utilisation").mean, Unit::Share), ratio_text(r.mkba, Scope::Societal),
                       ratio_text(r.mkba, Scope::Financial), ratio_text(r.mkba, Scope::Municipal),
                       payback_text(r.mkba.payback_year), payers_text(r.mkba), top_gainer(r.mkba));
  }
  return out;
}

std::string source_section(const ScenarioRun& r, const Approach* a) {
  if (!a) return "No source figures are registered for this scenario (sim/validation_report.cpp, approach_table).\n";
  std::string out = "| figure | the source | simulated [95% CI] | simulated against the source |\n|---|---|---|---|\n";
  for (const SourceFigure& f : a->figures) {
    const Stat s = stat_of(r.figures, f.metric);
    out += fmt::format("| {} | {} | {} | {} |\n", cell(std::string(f.what)),
                       cell(f.source.empty() ? "—" : std::string(f.source)), stat_text(s, f.unit), verdict(f, s));
  }
  return out;
}

/// A row of the team's process figures: label, figure, unit, and its zero-alternative twin (or "").
struct ProcessRow {
  std::string_view label, metric;
  Unit unit;
  std::string_view zero = "";
  bool only_if_nonzero = false;  ///< left out when the figure is 0 or undefined in every replication
};

constexpr std::array<ProcessRow, 39> kProcessRows{{
    {"Paid FTE (mean while the team works)", "fte", Unit::Count},
    {"Team cost a year (staff, other, friction, custom budget), EUR", "team_cost_year", Unit::Eur},
    {"Contacts accepted a year (taken in or put on the waiting list)", "intake_year", Unit::Count},
    {"  of which asked themselves", "intake_self_share", Unit::Share},
    {"  of which signalled by a partner", "intake_signal_share", Unit::Share},
    {"  of which found by outreach", "intake_outreach_share", Unit::Share, "", true},
    {"Households taken in a year", "admissions_year", Unit::Count},
    {"Households taken in per FTE a year", "admissions_per_fte_year", Unit::Count},
    {"Different households taken in over the horizon", "clients", Unit::Count},
    {"Newly found (unknown to care), share of those taken in", "newly_found_share", Unit::Share},
    {"Active cases (mean)", "caseload", Unit::Count},
    {"Active cases per FTE at work", "cases_per_fte", Unit::Count},
    {"Client hours a year per active case (norm at the case's level)", "hours_per_case_year", Unit::Count},
    {"Utilisation: client hours used (cases, monitoring, visits, contacts, intake, referrals, meetings) / available",
     "utilisation", Unit::Share},
    {"  of the hours used, work besides casework (visits, contacts, intake, referrals, meetings)", "work_share",
     Unit::Share},
    {"Months a case stays active (ended spells)", "case_months", Unit::Count},
    {"Waiting list (mean)", "waiting", Unit::Count},
    {"Contacts turned away a year (out of target without a route, or list full)", "refused_year", Unit::Count},
    {"Referred on, share of contacts handled", "referred_share", Unit::Share},
    {"Cases closed a year", "closed_year", Unit::Count},
    {"Households whose first case closed within 12 months of intake", "closed_12m_share", Unit::Share},
    {"Relapses within 12 months, share of closures", "relapse_share", Unit::Share},
    {"Outreach visits a year", "visits_year", Unit::Count, "", true},
    {"  someone at home", "at_home_share", Unit::Share, "", true},
    {"  of those, taken in", "opens_up_share", Unit::Share, "", true},
    {"Evictions stopped a year (mandate)", "evictions_stopped_year", Unit::Count, "", true},
    {"Mandate grants a year", "mandate_grants_year", Unit::Count, "", true},
    {"Custom budget spent a year, EUR", "custom_budget_year", Unit::Eur, "", true},
    {"Housing question at intake (housing domain at least mild, or not housed)", "housing_question_start", Unit::Share},
    {"  3 months after intake", "housing_question_3m", Unit::Share, "housing_question_3m_zero"},
    {"Eviction at stake at intake", "eviction_at_stake_share", Unit::Share},
    {"Evicted within 12 months of intake", "evicted_12m", Unit::Share, "evicted_12m_zero"},
    {"On welfare at intake", "welfare_at_intake_share", Unit::Share},
    {"  left welfare within 36 months", "welfare_exit_36m", Unit::Share, "welfare_exit_36m_zero"},
    {"Offences per household in the 12 months after intake", "offences_12m", Unit::Count, "offences_12m_zero"},
    {"Fewer care trajectories 6 months after intake (of those running any)", "fewer_trajectories_6m", Unit::Share,
     "fewer_trajectories_6m_zero"},
    {"Self-reliant (green or light orange) 12 months after intake", "self_reliant_12m", Unit::Share,
     "self_reliant_12m_zero"},
    {"Costs of the year after intake below the year before", "cost_fell_share", Unit::Share},
    {"Households with Wmo care, against the zero alternative", "wmo_clients_change", Unit::Share},
}};

bool nonzero(const Stat& s) { return s.n > 0 && std::isfinite(s.mean) && s.mean != 0.0; }

std::string process_section(const ScenarioRun& r) {
  std::string out = "| figure | with the team [95% CI] | the same households without it |\n|---|---|---|\n";
  for (const ProcessRow& row : kProcessRows) {
    const Stat s = stat_of(r.figures, row.metric);
    if (row.only_if_nonzero && !nonzero(s)) continue;
    const std::string zero = row.zero.empty() ? "—" : stat_text(stat_of(r.figures, row.zero), row.unit);
    out += fmt::format("| {} | {} | {} |\n", row.label, stat_text(s, row.unit), zero);
  }
  // Escalations prevented over the horizon, and co-financiers' withdrawals.
  std::string prevented;
  for (std::size_t e = 0; e < kCountedCount; ++e) {
    const auto name = std::string(kCountedNames[e]);
    if (name == "renewals" || name == "job_losses" || name == "welfare_entries") continue;
    prevented += fmt::format("{}{} {}", prevented.empty() ? "" : "; ", name,
                             stat_text(stat_of(r.figures, name + "_prevented"), Unit::Count));
  }
  out += fmt::format(
      "\nEscalations and events prevented over the horizon (zero alternative minus project, whole "
      "district): {}.\n",
      prevented);
  for (const auto& cf : r.def.teams.front().cofinanciers) {
    const Stat w = stat_of(r.figures, "withdrawn_" + cf.pocket), y = stat_of(r.figures, "withdrawal_year_" + cf.pocket);
    out += fmt::format(
        "Co-financier {} ({:.0f}%): withdraws in {} of the replications{}.\n", cf.pocket, 100.0 * cf.share,
        number(w.mean, Unit::Share),
        y.n > 0 ? fmt::format(", in year {} on average (counted from year 0)", number(y.mean, Unit::Count)) : "");
  }
  return out;
}

std::string mkba_section(const ScenarioRun& r) {
  const AlternativeResult& m = r.mkba;
  std::string out = "| scope | ratio [95% CI] | P(ratio > 1) | NPV [95% CI], EUR | payback |\n|---|---|---|---|---|\n";
  for (std::size_t s = 0; s < 3; ++s)
    out += fmt::format("| {} | {} | {:.0f}% | {} | {} |\n", kScopeNames[s], ratio_text(m, static_cast<Scope>(s)),
                       100.0 * m.p_above_1[s], with_ci(m.npv[s], money), payback_text(m.payback_by_scope[s]));
  out +=
      fmt::format("\nTeam cost over the horizon {} (undiscounted); households taken in (compare) {}. Paid by: {}.\n\n",
                  money(m.team_cost.mean), number(m.intakes.mean, Unit::Count), payers_text(m));
  out += "| pocket | NPV of the gain [95% CI], EUR | budget effect after 2 years |\n|---|---|---|\n";
  for (std::size_t p = 0; p < services::kPocketCount; ++p) {
    if (std::fabs(m.npv_by_pocket[p].mean) < 500.0) continue;
    out += fmt::format("| {} | {} | {} |\n", pocket_label(p), with_ci(m.npv_by_pocket[p], money),
                       money(m.budget_after_2y[p].mean));
  }
  return out;
}

std::string values_table(const std::vector<scenarios::MarkedValue>& values) {
  std::string out = "| line | key | value | note |\n|---|---|---|---|\n";
  for (const scenarios::MarkedValue& v : values)
    out += fmt::format("| {} | `{}` | `{}` | {} |\n", v.line, v.key, cell(v.value), cell(v.comment));
  return out;
}

std::string scenario_section(const ScenarioRun& r, const fs::path& dir) {
  const Approach* a = find_approach(r.entry.name);
  std::string out = fmt::format("<a id=\"{}\"></a>\n## {}: {}\n\n", r.entry.name, r.entry.name,
                                a ? std::string(a->title) : r.def.description);
  out += fmt::format("`scenarios/{}` — {}\n\n", fs::relative(r.entry.file, dir).generic_string(), r.def.description);
  for (const std::string& line : r.notes.header) out += "> " + line + "\n";
  out += "\n### Beside the sources\n\n" + source_section(r, a);
  out += "\n### The team at work\n\n" + process_section(r);
  out += "\n### MKBA (wijksim compare, " + r.def.mkba.mode + ")\n\n" + mkba_section(r);
  out += "\n### Where the model and the source differ\n\n";
  out += a ? std::string(a->differences) + "\n" : "Not written yet.\n";
  out += fmt::format("\n### Assumptions in this file ({} values; {} values cite a source)\n\n",
                     r.notes.assumptions.size(), r.notes.sourced.size());
  out += values_table(r.notes.assumptions);
  if (!r.notes.unmarked.empty())
    out += "\nValues with neither a source tag nor the word assumption:\n\n" + values_table(r.notes.unmarked);
  return out + "\n";
}

}  // namespace

std::string validation_report(const ValidationOptions& opt) {
  const std::vector<ScenarioRun> runs = run_catalogue(opt);
  const scenarios::ScenarioDef& first = runs.empty() ? scenarios::ScenarioDef{} : runs.front().def;
  std::string out = "# Validation of the scenario catalogue\n\n";
  out +=
      "Generated by `wijksim validate-model --out docs/VALIDATION.md`; do not edit by hand. The test "
      "`validation_report_up_to_date` (Release builds) runs `wijksim validate-model --check docs/VALIDATION.md` and "
      "fails when this file is out of date with the scenarios or the model.\n\n";
  out += fmt::format(
      "Every shipped scenario with a team is an approach of the catalogue (`wijksim scenarios` lists them). Each runs "
      "{} paired replications of {} households x {} months (seed {}) against its zero alternative, the same district "
      "without the team: the MKBA comes from the compare engine (`wijksim compare`, discount rate {}), and the "
      "process figures are observed in the same replications, month by month, in both worlds. "
      "Figures are means over the replications with a 95% interval of the mean where they vary. Nothing was tuned to "
      "make an approach pay off: sourced inputs carry their tag in the scenario file, every other input says "
      "`# assumption` and is listed under its scenario below; the inputs of the default district are listed at the "
      "end.\n\n",
      opt.replications, first.run.households, first.run.months, first.run.seed,
      labels::discount_text(first.mkba.discount_rate(), first.mkba.discount_real, first.mkba.risk_premium,
                            first.mkba.discount_basis(), labels::Lang::En));
  out +=
      "How to read the comparisons: \"x 0.50 of the source\" means the simulated figure is half the source's; "
      "\"within\", \"below\", \"above\" compare with a range the source gives. A source figure describes one team "
      "in one place and year, usually without a counterfactual; the model's figure is the same approach in the "
      "default district of 10,000 households, against its zero alternative. Differences are expected and "
      "explained per approach. \"The same households without it\" follows the households the team took in through "
      "the zero alternative, where no team touched them.\n\n";
  out += "## Summary\n\n" + summary(runs) + "\n";
  for (const ScenarioRun& r : runs) out += scenario_section(r, opt.dir);
  const fs::path base = opt.dir / "default.toml";
  if (fs::exists(base)) {
    const scenarios::FileNotes notes = scenarios::read_file_notes(base);
    out += fmt::format(
        "## Assumptions of the default district (`scenarios/default.toml`, inherited by every scenario)\n\n"
        "{} values are assumptions, {} cite a source. Calibrated values are assumptions fitted to the "
        "zero alternative's targets (`wijksim calibrate`, docs/MODEL.md §9), never to a team's result.\n\n",
        notes.assumptions.size(), notes.sourced.size());
    out += values_table(notes.assumptions);
  }
  return out;
}

}  // namespace wijksim::sim
