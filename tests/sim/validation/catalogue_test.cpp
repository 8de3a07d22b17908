// The scenario catalogue (docs/MODEL.md §18): every approach file loads, cites its sources and marks
// every assumption; `wijksim scenarios` lists exactly the files present; each approach's own mechanism does what
// its file says in a short paired run; the validation report is deterministic and `--check` finds a stale copy.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "common/cli.hpp"
#include "common/fixtures.hpp"
#include "scenarios/loader.hpp"
#include "services/team.hpp"
#include "sim/engine/paired.hpp"
#include "sim/validation/validation.hpp"

namespace wijksim::sim {
namespace {

namespace fs = std::filesystem;
using agents::HouseholdType;
using agents::Support;
using testing::CliResult;
using testing::run_cli;

const fs::path kDir = WIJKSIM_SCENARIO_DIR;

/// The approaches of the issue that asked for the catalogue; each must be a shipped scenario with a team.
const std::vector<std::string> kRequired{"wijkteam",
                                         "team_mandate",
                                         "multi_problem_families",
                                         "eviction_crisis_team",
                                         "process_coordinators",
                                         "early_debt_signalling",
                                         "youth_16_27",
                                         "turning_18",
                                         "intensive_case_management",
                                         "high_impact_offenders",
                                         "school_as_workplace",
                                         "elderly_team",
                                         "neighbourhood_lump_sum",
                                         "replacement_funding",
                                         "team_cofinanced"};

std::vector<CatalogueEntry> approaches_shipped() {
  std::vector<CatalogueEntry> out;
  for (const CatalogueEntry& e : list_scenarios(kDir))
    if (e.approach()) out.push_back(e);
  return out;
}

TEST(Catalogue, EveryRequiredApproachIsShippedWithATeam) {
  std::set<std::string> names;
  for (const CatalogueEntry& e : approaches_shipped()) names.insert(e.name);
  for (const std::string& name : kRequired) EXPECT_TRUE(names.contains(name)) << name << " is missing";
}

TEST(Catalogue, EveryApproachHasSourceFiguresAndEveryEntryAFile) {
  std::set<std::string> shipped;
  for (const CatalogueEntry& e : approaches_shipped()) {
    shipped.insert(e.name);
    const Approach* a = find_approach(e.name);
    ASSERT_NE(a, nullptr) << e.name << " has no entry in the approach table (sim/validation_report.cpp)";
    EXPECT_FALSE(a->figures.empty()) << e.name;
    EXPECT_GT(a->differences.size(), 200U) << e.name << ": say where model and source differ";
    for (const SourceFigure& f : a->figures) EXPECT_FALSE(f.metric.empty()) << e.name << ": " << f.what;
  }
  for (const Approach& a : approaches()) EXPECT_TRUE(shipped.contains(std::string(a.scenario))) << a.scenario;
}

// Sourced inputs carry their tag, every other value says "assumption" [issue: no tuning to make an approach pay].
TEST(Catalogue, EveryApproachFileCitesItsSourcesAndMarksEveryValue) {
  for (const CatalogueEntry& e : approaches_shipped()) {
    SCOPED_TRACE(e.name);
    const scenarios::FileNotes notes = scenarios::read_file_notes(e.file);
    ASSERT_GE(notes.header.size(), 3U) << "a header saying what the approach is, its source and what is assumed";
    std::string header;
    for (const auto& line : notes.header) header += line + "\n";
    EXPECT_NE(header.find("[S00"), std::string::npos) << "the header names the source tag";
    EXPECT_TRUE(header.find("assum") != std::string::npos || header.find("Assum") != std::string::npos)
        << "the header says which values are assumed";
    for (const scenarios::MarkedValue& v : notes.unmarked)
      ADD_FAILURE() << e.file.filename().string() << ":" << v.line << ": " << v.key << " = " << v.value
                    << " has neither a source tag nor the word assumption";
    EXPECT_FALSE(notes.sourced.empty());
  }
}

TEST(Catalogue, ScenariosCommandListsExactlyTheFilesPresent) {
  const CliResult r = run_cli("scenarios");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, bool> listed;  // name -> listed under the approaches
  bool in_approaches = false;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Approaches")) in_approaches = true;
    if (!line.starts_with("  ")) continue;
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    EXPECT_FALSE(listed.contains(name)) << name << " listed twice";
    listed[name] = in_approaches;
  }
  std::map<std::string, bool> expected;
  for (const auto& entry : fs::directory_iterator(kDir))
    if (entry.path().extension() == ".toml") {
      const auto def = scenarios::load_scenario(entry.path());
      expected[entry.path().stem().string()] = !def.teams.empty();
    }
  EXPECT_EQ(listed, expected);
  EXPECT_NE(r.out.find("A district of 10,000 households"), std::string::npos) << "one line each with its description";
}

TEST(Catalogue, UnknownHouseholdTypeOrIncomeIsBadInput) {
  const auto error = [](const std::string& set) {
    try {
      scenarios::load_scenario(kDir / "youth_16_27.toml", std::vector<std::string>{set});
    } catch (const scenarios::ScenarioError& e) {
      return e.key + ": " + e.message;
    }
    return std::string("no error");
  };
  const std::string types = error("teams.0.finding.household_types=other+young");
  EXPECT_NE(types.find("teams.0.finding.household_types: 'young' is not a household type"), std::string::npos) << types;
  const std::string income = error("teams.0.finding.income=welfare+salary");
  EXPECT_NE(income.find("teams.0.finding.income: 'salary' is not a known income status"), std::string::npos) << income;
}

// The teaching path (docs/TEACHING.md): its configurations load, and every screenshot it shows exists.
TEST(Catalogue, TeachingConfigurationsLoadAndScreenshotsExist) {
  const fs::path docs = kDir.parent_path() / "docs";
  std::size_t configurations = 0;
  for (const auto& entry : fs::directory_iterator(docs / "teaching")) {
    if (entry.path().extension() != ".toml") continue;
    EXPECT_FALSE(scenarios::load_scenario(entry.path()).teams.empty()) << entry.path();
    ++configurations;
  }
  EXPECT_GE(configurations, 2U);
  const std::string text = testing::slurp(docs / "TEACHING.md");
  std::size_t images = 0;
  for (std::size_t at = text.find("](img/"); at != std::string::npos; at = text.find("](img/", at + 1)) {
    const std::size_t end = text.find(')', at);
    const fs::path image = docs / text.substr(at + 2, end - at - 2);
    EXPECT_TRUE(fs::exists(image)) << image;
    ++images;
  }
  EXPECT_EQ(images, 5U) << "five exercises, a screenshot each";
}

// ---------------------------------------------------------------------------------------------------------------
// Each approach in a short paired run: its own mechanism does what the file says.
// ---------------------------------------------------------------------------------------------------------------

struct Observed {
  Figures figures;
  std::set<HouseholdType> types;           ///< types of the households the team worked with
  std::set<std::uint16_t> neighbourhoods;  ///< their neighbourhoods
  double fte_after_active = -1.0;          ///< paid FTE in the last month
  std::vector<services::TeamMonth> team_months;  ///< the first team's record of every month
  /// [pocket][year]: cost in the zero alternative minus cost in the project, and what the pocket paid for teams
  /// (team items), in cents.
  std::vector<std::vector<Cents>> saving, team_paid;
};

Observed observe(const std::string& name, std::uint32_t households = 3000, std::uint32_t months = 36) {
  const std::vector<std::string> overrides{"run.households=" + std::to_string(households),
                                           "run.months=" + std::to_string(months), "run.warmup_months=60"};
  const scenarios::ScenarioDef def = scenarios::load_scenario(kDir / (name + ".toml"), overrides);
  PairedWorlds run(def, 0, 1);
  ProcessObserver observer(run, 0);
  run.observe(observer);
  Observed o;
  while (!run.finished()) {
    run.step();
    const agents::Population& pop = run.project().population();
    for (HouseholdId h = 0; h < pop.size(); ++h)
      if (pop.support[h] == Support::Active || pop.support[h] == Support::Waiting) {
        o.types.insert(pop.type[h]);
        o.neighbourhoods.insert(pop.neighbourhood[h]);
      }
  }
  o.figures = observer.finish(run.zero(), run.project());
  o.fte_after_active = run.project().team_records().back().front().fte;
  for (const auto& month : run.project().team_records()) o.team_months.push_back(month.front());
  const Ledger& zero = run.zero().ledger();
  const Ledger& project = run.project().ledger();
  for (PocketId p = 0; p < services::kPocketCount; ++p) {
    auto& saving = o.saving.emplace_back();
    auto& paid = o.team_paid.emplace_back();
    for (std::uint32_t y = 0; y < project.years(); ++y) {
      saving.push_back(zero.pocket_year(p, y) - project.pocket_year(p, y));
      Cents team = 0;
      for (const services::Item item : {services::Item::TeamStaff, services::Item::TeamOther, services::Item::CustomBudget})
        team += project.item_year(p, services::id(item), y);
      paid.push_back(team);
    }
  }
  return o;
}

double figure(const Observed& o, const std::string& name) {
  const auto it = o.figures.find(name);
  return it == o.figures.end() ? std::nan("") : it->second;
}

TEST(CatalogueRun, IntakeGroupsHoldTheirTypes) {
  EXPECT_EQ(observe("youth_16_27").types, std::set<HouseholdType>{HouseholdType::Other});
  EXPECT_EQ(observe("multi_problem_families").types, std::set<HouseholdType>{HouseholdType::Family});
  EXPECT_EQ(observe("elderly_team").types, std::set<HouseholdType>{HouseholdType::Elderly});
  const Observed wijkteam = observe("wijkteam");
  EXPECT_EQ(wijkteam.types.size(), 3U) << "a generalist team sees every type";
}

TEST(CatalogueRun, WelfareCoachTakesInWelfareClients) {
  const Observed o = observe("intensive_case_management");
  EXPECT_GT(figure(o, "clients"), 5.0);
  // The filter acts when a household is found; a few leave welfare while on the waiting list.
  EXPECT_GE(figure(o, "welfare_at_intake_share"), 0.9);
}

TEST(CatalogueRun, SingleChannelTeamsFindOnlyThroughTheirChannel) {
  const Observed police = observe("high_impact_offenders", 6000);
  EXPECT_GT(figure(police, "clients"), 0.0);
  EXPECT_DOUBLE_EQ(figure(police, "intake_signal_share"), 1.0) << "found only by police signals";
  const Observed outreach = observe("early_debt_signalling");
  EXPECT_GT(figure(outreach, "visits_year"), 0.0);
  EXPECT_DOUBLE_EQ(figure(outreach, "intake_outreach_share"), 1.0) << "found only by home visits";
  EXPECT_NEAR(figure(outreach, "at_home_share"), 0.4, 0.1) << "4 of 10 at home [S003]";
}

TEST(CatalogueRun, CrisisTeamActsOnEvictionListsAtOnce) {
  const Observed o = observe("eviction_crisis_team", 6000);
  EXPECT_GT(figure(o, "evictions_stopped_year"), 0.0);
  EXPECT_GT(figure(o, "eviction_at_stake_share"), 0.1) << "eviction listings are taken in at once, not queued";
  // Every stopped eviction clears its arrears (2,500 EUR [S003]) from the year's custom budget (12,900 EUR) while
  // the budget lasts: min(stops, 5) cases paid a year.
  const scenarios::ScenarioDef def = scenarios::load_scenario(kDir / "eviction_crisis_team.toml");
  const double arrears = def.teams.front().mandate.arrears_cost, budget = def.teams.front().mandate.custom_budget;
  ASSERT_GT(arrears, 0.0);
  const auto per_year = static_cast<std::int64_t>(budget / arrears);
  double spent = 0.0;
  std::int64_t stops = 0;
  for (std::size_t y = 0; y * 12 < o.team_months.size(); ++y) {
    std::int64_t year_stops = 0;
    for (std::size_t m = y * 12; m < std::min(o.team_months.size(), y * 12 + 12); ++m)
      year_stops += o.team_months[m].evictions_stopped;
    stops += year_stops;
    spent += arrears * static_cast<double>(std::min(year_stops, per_year));
  }
  ASSERT_GT(stops, 0) << "the crisis team must stop evictions";
  EXPECT_NEAR(figure(o, "custom_budget_year"), spent / 3.0, 1e-6) << "arrears cleared from the custom budget";
  EXPECT_NEAR(figure(o, "evictions_stopped_year"), static_cast<double>(stops) / 3.0, 1e-9);
}

TEST(CatalogueRun, LumpSumPilotServesOneNeighbourhoodForFiveYears) {
  const Observed o = observe("neighbourhood_lump_sum", 3000, 72);
  ASSERT_EQ(o.neighbourhoods.size(), 1U);
  EXPECT_EQ(*o.neighbourhoods.begin(), 2U) << "Zuid, the third neighbourhood of the default district";
  EXPECT_DOUBLE_EQ(o.fte_after_active, 0.0) << "the team winds down after 60 months";
  EXPECT_NEAR(figure(o, "team_years"), 5.0, 1e-9);
}

// Each co-financier pays its share of the team and withdraws at the first yearly review after `patience` years in
// a row in which its own pocket, its contribution included, lost against the zero alternative.
TEST(CatalogueRun, CoFinanciersJudgeTheirPocket) {
  const Observed o = observe("team_cofinanced", 3000, 48);
  const scenarios::ScenarioDef def = scenarios::load_scenario(kDir / "team_cofinanced.toml");
  const auto& cofinanciers = def.teams.front().cofinanciers;
  ASSERT_EQ(cofinanciers.size(), 2U);
  Cents team_year0 = 0;
  for (const auto& paid : o.team_paid) team_year0 += paid[0];
  ASSERT_GT(team_year0, 0);
  std::size_t withdrawals = 0;
  for (const services::CoFinancierDef& c : cofinanciers) {
    SCOPED_TRACE(c.pocket);
    const auto pocket = services::id(*services::pocket_from_name(c.pocket));
    // Nobody withdraws before the second review: year 0 is paid by shares.
    EXPECT_NEAR(static_cast<double>(o.team_paid[pocket][0]) / static_cast<double>(team_year0), c.share, 1e-6);
    std::optional<std::uint32_t> year;
    std::uint32_t streak = 0;
    for (std::uint32_t y = 0; y < o.saving[pocket].size() && !year; ++y) {
      streak = o.saving[pocket][y] < 0 ? streak + 1 : 0;
      if (streak >= c.patience) year = y;
    }
    EXPECT_EQ(figure(o, "withdrawn_" + c.pocket), year ? 1.0 : 0.0);
    if (year) {
      ++withdrawals;
      EXPECT_EQ(figure(o, "withdrawal_year_" + c.pocket), static_cast<double>(*year));
      // After the withdrawal the pocket pays nothing more for the team.
      for (std::uint32_t y = *year + 1; y < o.team_paid[pocket].size(); ++y) EXPECT_EQ(o.team_paid[pocket][y], 0) << y;
    } else {
      EXPECT_TRUE(std::isnan(figure(o, "withdrawal_year_" + c.pocket)));
    }
  }
  // The insurer pays 15% of a team whose savings fall mostly elsewhere: its pocket loses, and it must withdraw.
  EXPECT_GE(withdrawals, 1U);
}

// ---------------------------------------------------------------------------------------------------------------
// The process observer on a small team scenario
// ---------------------------------------------------------------------------------------------------------------

TEST(ProcessObserver, CountsAgreeWithTheTeamsAndTheEventRecords) {
  const scenarios::ScenarioDef def = testing::small_team_scenario(3000, 24, 3.0);
  PairedWorlds run(def, 0, 1);
  ProcessObserver observer(run, 0);
  run.observe(observer);
  // First intakes by hand: household -> (housing question, on welfare) at intake.
  std::map<HouseholdId, std::pair<bool, bool>> clients;
  std::vector<Support> before = run.project().population().support;
  while (!run.finished()) {
    run.step();
    const agents::Population& pop = run.project().population();
    for (HouseholdId h = 0; h < pop.size(); ++h) {
      if (pop.support[h] == Support::Active && before[h] != Support::Active && before[h] != Support::Monitoring &&
          !clients.contains(h)) {
        const bool housing = pop.sev(agents::Domain::Housing, h) >= 1 || pop.housing[h] != agents::Housing::Housed ||
                             (pop.events[h] & agents::kEvictionListed) != 0;
        clients[h] = {housing, pop.income[h] == agents::Income::Welfare};
      }
      before[h] = pop.support[h];
    }
  }
  Figures f = observer.finish(run.zero(), run.project());
  EXPECT_GT(f["clients"], 10.0);
  EXPECT_NEAR(f["intake_self_share"] + f["intake_signal_share"] + f["intake_outreach_share"], 1.0, 1e-12);
  EXPECT_NEAR(f["team_years"], 2.0, 1e-12);
  EXPECT_NEAR(f["fte"], 3.0, 1e-12);
  // Admissions tracked from the households' support equal the team's intake when nobody waits or is refused.
  std::int64_t intake = 0, zero_evictions = 0, project_evictions = 0;
  for (const auto& month : run.project().team_records())
    intake += month.front().intake_self + month.front().intake_signal + month.front().intake_outreach;
  for (const auto& rec : run.zero().records()) zero_evictions += rec.events[0];
  for (const auto& rec : run.project().records()) project_evictions += rec.events[0];
  EXPECT_NEAR(f["intake_year"] * f["team_years"], static_cast<double>(intake), 1e-9);
  EXPECT_LE(f["admissions_year"], f["intake_year"] + 1e-9);
  EXPECT_DOUBLE_EQ(f["evictions_prevented"], static_cast<double>(zero_evictions - project_evictions));
  // The households taken in, counted by hand: active for the first time, not back from monitoring.
  EXPECT_EQ(f["clients"], static_cast<double>(clients.size()));
  double housing = 0, welfare = 0;
  for (const auto& [h, at_intake] : clients) {
    housing += at_intake.first ? 1.0 : 0.0;
    welfare += at_intake.second ? 1.0 : 0.0;
  }
  EXPECT_DOUBLE_EQ(f["housing_question_start"], housing / static_cast<double>(clients.size()));
  EXPECT_DOUBLE_EQ(f["welfare_at_intake_share"], welfare / static_cast<double>(clients.size()));
  EXPECT_GT(housing, 0.0);
  EXPECT_LT(housing, static_cast<double>(clients.size()));
}

// ---------------------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------------------

/// A catalogue folder with the default district and one small approach without source figures.
fs::path tiny_catalogue() {
  const fs::path dir = testing::fresh_dir("tiny_catalogue");
  fs::copy_file(kDir / "default.toml", dir / "default.toml");
  testing::write_file(dir / "tiny_team.toml", R"(# A tiny team for the report test [S004]. Assumed: everything else.
extends = "default.toml"
name = "tiny_team"
description = "A tiny team"

[[teams]]                                   # the team
name = "tiny"                               # label in outputs
fte = 1.0                                   # assumption
cost_per_fte = 65000.0                      # [S003]
)");
  return dir;
}

TEST(ValidationReport, DoesNotDependOnTheThreadCount) {
  ValidationOptions opt;
  opt.dir = tiny_catalogue();
  opt.replications = 2;
  opt.households = 400;
  opt.months = 24;
  opt.threads = 1;
  const std::string one = validation_report(opt);
  opt.threads = 2;
  EXPECT_EQ(validation_report(opt), one);
  EXPECT_NE(one.find("## tiny_team: A tiny team"), std::string::npos);
  EXPECT_NE(one.find("No source figures are registered"), std::string::npos);
  EXPECT_NE(one.find("| 8 | `teams.0.fte` | `1.0` | assumption |"), std::string::npos) << "assumptions listed";
  EXPECT_NE(one.find("## Assumptions of the default district"), std::string::npos);
  EXPECT_NE(one.find("2 paired replications of 400 households x 24 months"), std::string::npos);
}

TEST(ValidationReport, CheckFindsAStaleCopy) {
  const fs::path dir = tiny_catalogue();
  const std::string args = "validate-model --dir '" + dir.string() + "' --replications 1 --households 300 --months 12";
  const fs::path file = dir / "VALIDATION.md";
  ASSERT_EQ(run_cli(args + " --out '" + file.string() + "'").exit_code, 0);
  const CliResult same = run_cli(args + " --check '" + file.string() + "'");
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("is up to date"), std::string::npos);
  std::string text = testing::slurp(file);
  text.replace(text.find("A tiny team"), 11, "A tidy team");
  testing::write_file(file, text);
  const CliResult stale = run_cli(args + " --check '" + file.string() + "'");
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.err.find("is out of date"), std::string::npos) << stale.err;
  EXPECT_NE(stale.err.find("A tidy team"), std::string::npos) << "the differing line is shown";
  EXPECT_NE(stale.err.find("Regenerate it with: wijksim validate-model --out"), std::string::npos);
}

TEST(ValidationReport, FirstDifferenceNamesTheLine) {
  EXPECT_FALSE(first_difference("a\nb\n", "a\nb\n"));
  const auto d = first_difference("a\nb\nc\n", "a\nB\nc\n");
  ASSERT_TRUE(d);
  EXPECT_NE(d->find("line 2"), std::string::npos) << *d;
  EXPECT_NE(d->find("expected: b"), std::string::npos) << *d;
  EXPECT_NE(d->find("actual:   B"), std::string::npos) << *d;
  EXPECT_NE(first_difference("a\n", "a\nmore\n")->find("(end of file)"), std::string::npos);
}

TEST(ValidationReport, VerdictComparesWithTheSourceRange) {
  const auto stat = [](double x) { return Stat{x, 0.0, x, x, 1}; };
  const SourceFigure range{"f", "s", "m", Unit::Share, 0.1, 0.2};
  EXPECT_EQ(verdict(range, stat(0.05)), "below");
  EXPECT_EQ(verdict(range, stat(0.15)), "within");
  EXPECT_EQ(verdict(range, stat(0.25)), "above");
  const SourceFigure point{"f", "s", "m", Unit::Count, 4.0, 4.0};
  EXPECT_EQ(verdict(point, stat(2.0)), "x 0.50 of the source");
  EXPECT_EQ(verdict(SourceFigure{"f", "s", "m"}, stat(1.0)), "");
  EXPECT_EQ(verdict(range, Stat{}), "");
}

}  // namespace
}  // namespace wijksim::sim
