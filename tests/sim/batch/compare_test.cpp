// The comparison engine: requests, paired replications, checkpoints, folding in replication order.
#include "sim/batch/compare.hpp"

#include <gtest/gtest.h>

#include "common/cli.hpp"
#include "common/fixtures.hpp"
#include "common/worlds.hpp"
#include "scenarios/loader.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::sim {
namespace {

using testing::fresh_dir;
using testing::small_team_scenario;

CompareRequest small_request(std::uint32_t replications, unsigned threads, const std::string& mode = "continuous") {
  scenarios::ScenarioDef def = small_team_scenario(1500, 24, 3.0);
  def.run.warmup_months = 12;
  return make_request({def}, mode, replications, threads);
}

TEST(CompareRequest, ZeroAlternativeAndModes) {
  const CompareRequest both = small_request(2, 1, "both");
  EXPECT_TRUE(both.zero.teams.empty());
  ASSERT_EQ(both.alternatives.size(), 2u);
  EXPECT_EQ(both.alternatives[0].mode, Mode::Continuous);
  EXPECT_EQ(both.alternatives[0].def.teams[0].active_months, 0u);
  EXPECT_EQ(both.alternatives[1].mode, Mode::Cohort);
  EXPECT_EQ(both.alternatives[1].def.teams[0].active_months, 12u);  // one year of approach [S004 §4.4]
  EXPECT_EQ(both.alternatives[1].label, "small_team (cohort)");
  EXPECT_DOUBLE_EQ(both.discount_rate, 0.0225);  // the standard rate [Werkgroep discontovoet 2020]
}

TEST(CompareRequest, RefusesScenariosThatCannotBePaired) {
  const scenarios::ScenarioDef team = small_team_scenario(1500, 24);
  scenarios::ScenarioDef no_team = team;
  no_team.teams.clear();
  EXPECT_THROW(make_request({no_team}, "continuous", 2, 1), scenarios::ScenarioError);
  scenarios::ScenarioDef other_district = team;
  other_district.run.households = 1600;
  try {
    make_request({team, other_district}, "continuous", 2, 1);
    FAIL() << "expected an error";
  } catch (const scenarios::ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("share one zero alternative"), std::string::npos) << e.what();
  }
  EXPECT_THROW(make_request({team}, "sometimes", 2, 1), scenarios::ScenarioError);
  // Alternatives may differ in their teams and MKBA settings.
  scenarios::ScenarioDef bigger = team;
  bigger.teams[0].fte = 8.0;
  bigger.mkba.risk_premium = 0.0;
  EXPECT_EQ(make_request({team, bigger}, "continuous", 2, 1).alternatives.size(), 2u);
}

TEST(CompareRun, ZeroWorldIsTheUnpairedZeroAlternative) {
  const CompareRequest req = small_request(1, 1);
  const ReplicationOutcome o = run_replication(req, 0);
  ASSERT_EQ(o.worlds.size(), 2u);
  const World alone = testing::run_world(req.zero);
  for (std::uint32_t y = 0; y < 2; ++y)
    for (PocketId p = 0; p < services::kPocketCount; ++p)
      EXPECT_EQ(o.worlds[0].pockets[y * services::kPocketCount + p], alone.ledger().pocket_year(p, y));
  // The project paid for its team; the zero alternative paid nothing.
  Cents project_team = 0, zero_team = 0;
  for (Cents c : o.worlds[1].team) project_team += c;
  for (Cents c : o.worlds[0].team) zero_team += c;
  EXPECT_GT(project_team, 0);
  EXPECT_EQ(zero_team, 0);
  EXPECT_GT(o.worlds[1].intakes, 0);
  // Households are conserved in every month of both worlds.
  for (const WorldOutcome& w : o.worlds)
    for (std::size_t m = 0; m < 24; ++m) {
      std::int64_t n = 0;
      for (std::size_t l = 0; l < 4; ++l) n += w.levels[m * 4 + l];
      EXPECT_EQ(n, 1500);
    }
}

TEST(CompareRun, CohortTeamCostsFallInTheFirstYearOnly) {
  const CompareRequest req = small_request(1, 1, "cohort");
  const ReplicationOutcome o = run_replication(req, 0);
  Cents year0 = 0, later = 0;
  for (PocketId p = 0; p < services::kPocketCount; ++p) {
    year0 += o.worlds[1].team[p];
    later += o.worlds[1].team[services::kPocketCount + p];
  }
  EXPECT_GT(year0, 0);
  EXPECT_EQ(later, 0);
}

// Cohort mode measures one year of a team already at full strength [S004 §4.4]: the team worked its lead-in in the
// last warm-up months, so at month 0 its capacity is full (ramp-up done) and its caseload is that of a team at work,
// and its costs fall in year 0 only, without first-year friction. Paired: the continuous alternative is the same
// team starting at month 0 in the same worlds.
TEST(CompareRun, CohortTeamIsAtFullStrengthFromMonthZeroAndCostsYearZeroOnly) {
  scenarios::ScenarioDef def = small_team_scenario(3000, 36, 3.0);
  def.run.warmup_months = 60;
  def.mkba.cohort_lead_months = 48;
  const CompareRequest req = make_request({def}, "both", 1, 1);
  ASSERT_EQ(req.alternatives[1].mode, Mode::Cohort);
  EXPECT_EQ(req.alternatives[1].def.teams[0].lead_months, 48u);
  EXPECT_EQ(req.alternatives[0].def.teams[0].lead_months, 0u);
  const std::array<const scenarios::ScenarioDef*, 2> defs{&req.alternatives[0].def, &req.alternatives[1].def};
  PairedWorlds worlds(req.zero, defs, 0, 1);
  // Nothing of the lead-in's casework reaches month 0: the households are as in the zero alternative, save which
  // of them the team knows.
  for (std::size_t d = 0; d < agents::kDomainCount; ++d)
    EXPECT_EQ(worlds.project(1).population().severity[d], worlds.zero().population().severity[d]);
  EXPECT_EQ(worlds.project(1).population().housing, worlds.zero().population().housing);
  worlds.run();
  const World& continuous = worlds.project(0);
  const World& cohort = worlds.project(1);
  const auto cases = [](const services::TeamMonth& t) {
    return static_cast<double>(t.caseload[0] + t.caseload[1] + t.caseload[2] + t.caseload[3]);
  };
  const services::TeamDef& team = def.teams[0];
  const services::TeamMonth& c0 = cohort.team_records()[0][0];
  const services::TeamMonth& n0 = continuous.team_records()[0][0];
  // Full strength at month 0: no ramp-up left; the new team starts at ramp_start.
  EXPECT_DOUBLE_EQ(c0.capacity_hours, 3.0 * team.hours_per_fte / 12.0);
  EXPECT_DOUBLE_EQ(n0.capacity_hours, 3.0 * team.hours_per_fte / 12.0 * team.ramp_start);
  // The caseload at month 0 is already at steady state: about what the new team carries in its third year.
  double steady = 0.0;
  for (std::size_t m = 24; m < 36; ++m) steady += cases(continuous.team_records()[m][0]) / 12.0;
  EXPECT_GT(cases(c0), 0.7 * steady) << "steady " << steady;
  EXPECT_GT(cases(c0), 3.0 * cases(n0));
  EXPECT_GT(c0.load_hours, 3.0 * n0.load_hours);
  // Team costs in year 0 only, staff and other costs without friction; none afterwards.
  const auto team_cost = [&](const World& w, std::uint32_t y) {
    Cents c = 0;
    for (PocketId p = 0; p < services::kPocketCount; ++p)
      for (const services::Item i : {services::Item::TeamStaff, services::Item::TeamOther})
        c += w.ledger().item_year(p, services::id(i), y);
    return c;
  };
  EXPECT_EQ(team_cost(cohort, 0),
            (kernel::to_cents(3.0 * team.cost_per_fte / 12.0) + kernel::to_cents(team.other_costs / 12.0)) * 12);
  EXPECT_EQ(team_cost(cohort, 1), 0);
  EXPECT_EQ(team_cost(cohort, 2), 0);
  EXPECT_GT(team_cost(continuous, 1), 0);
}

TEST(CompareRun, CheckpointRoundTrip) {
  const auto dir = fresh_dir("checkpoint_roundtrip");
  const ReplicationOutcome o = run_replication(small_request(1, 1), 3);
  write_outcome(o, checkpoint_file(dir, 3));
  EXPECT_FALSE(std::filesystem::exists(checkpoint_file(dir, 3).string() + ".tmp"));
  const ReplicationOutcome back = read_outcome(checkpoint_file(dir, 3));
  EXPECT_EQ(back.replication, 3u);
  ASSERT_EQ(back.worlds.size(), o.worlds.size());
  for (std::size_t w = 0; w < o.worlds.size(); ++w) {
    EXPECT_EQ(back.worlds[w].pockets, o.worlds[w].pockets);
    EXPECT_EQ(back.worlds[w].team, o.worlds[w].team);
    EXPECT_EQ(back.worlds[w].levels, o.worlds[w].levels);
    EXPECT_EQ(back.worlds[w].flows, o.worlds[w].flows);
    EXPECT_EQ(back.worlds[w].events, o.worlds[w].events);
    EXPECT_EQ(back.worlds[w].intakes, o.worlds[w].intakes);
  }
  // A cut-short checkpoint is refused, not folded.
  const std::string text = testing::slurp(checkpoint_file(dir, 3));
  testing::write_file(dir / "cut.txt", text.substr(0, text.size() / 2));
  EXPECT_THROW(read_outcome(dir / "cut.txt"), std::runtime_error);
}

// A checkpoint that is damaged, of an older format or not a checkpoint at all is refused with an error naming the
// file, never folded.
TEST(CompareRun, DamagedOrForeignCheckpointIsRefusedNamingTheFile) {
  const auto dir = fresh_dir("checkpoint_damaged");
  const ReplicationOutcome o = run_replication(small_request(1, 1), 0);
  const std::string text = outcome_text(o);
  EXPECT_EQ(text.rfind("{\"schema\":\"wijksim-replication/2\",\"replication\":0,\"worlds\":[", 0), 0U) << text.substr(0, 80);
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(parse_outcome(text, "x").worlds, o.worlds);
  const auto replace = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    const std::size_t at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? t : t.replace(at, from.size(), to);
  };
  const std::vector<std::pair<std::string, std::string>> bad{
      {"cut short", text.substr(0, text.size() - 20)},
      {"empty", ""},
      {"the text format of version 1", "wijksim-replication 1\nreplication 0\nworlds 0\nend\n"},
      {"another schema", replace("wijksim-replication/2", "wijksim-replication/3")},
      {"foreign JSON", R"({"name": "wijkteam", "fte": 4})"},
      {"an array", "[1, 2, 3]"},
      {"no worlds", replace("\"worlds\"", "\"world\"")},
      {"a fraction", replace("\"intakes\":", "\"intakes\":0.5,\"x\":")},
      {"text for a number", replace("\"levels\":[", "\"levels\":[\"many\",")},
      {"a negative replication", replace("\"replication\":0", "\"replication\":-1")},
  };
  for (const auto& [what, content] : bad) {
    const auto file = dir / "replication-000000.json";
    testing::write_file(file, content);
    try {
      read_outcome(file);
      ADD_FAILURE() << what << ": no error";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()).rfind(file.string() + ": ", 0), 0U) << what << ": " << e.what();
    }
  }
  try {
    read_outcome(dir / "no_such_checkpoint.json");
    ADD_FAILURE() << "no error for a missing file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_checkpoint.json"), std::string::npos) << e.what();
  }
}

TEST(CompareRun, SameResultWithOneAndTwoThreads) {
  const auto one = fresh_dir("compare_threads_1"), two = fresh_dir("compare_threads_2");
  run_replications(small_request(4, 1), one);
  run_replications(small_request(4, 2), two);
  const CompareResult a = fold_replications(small_request(4, 1), one);
  const CompareResult b = fold_replications(small_request(4, 2), two);
  EXPECT_EQ(mkba_json(a), mkba_json(b));
  EXPECT_EQ(compare_pockets_csv(a), compare_pockets_csv(b));
  EXPECT_EQ(a.replications, 4u);
  EXPECT_EQ(a.alternatives[0].ratio[0].n, 4u);  // every replication paid for a team: every ratio defined
}

TEST(CompareRun, ExistingCheckpointsAreNotRunAgain) {
  const auto dir = fresh_dir("compare_resume_engine");
  const CompareRequest req = small_request(3, 1);
  // A checkpoint of replication 1 with a marker value: a rerun would overwrite it.
  ReplicationOutcome fake = run_replication(req, 1);
  fake.worlds[1].intakes = 123456;
  write_outcome(fake, checkpoint_file(dir, 1));
  run_replications(req, dir);
  EXPECT_EQ(read_outcome(checkpoint_file(dir, 1)).worlds[1].intakes, 123456);
  EXPECT_TRUE(std::filesystem::exists(checkpoint_file(dir, 0)));
  EXPECT_TRUE(std::filesystem::exists(checkpoint_file(dir, 2)));
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// A fixed paired comparison hashed to a stored constant: any change in a team's or the zero alternative's results,
// or in the MKBA arithmetic, shows up here (Debug and Release alike). When a change of the model is intended,
// update the constant in a commit of its own that says which change moved it.
TEST(CompareRun, GoldenHashOfAFixedComparison) {
  scenarios::ScenarioDef def = small_team_scenario(1500, 36, 3.0);
  def.run.warmup_months = 24;
  def.teams[0].finding.outreach_visits = 4.0;
  def.teams[0].mandate.enabled = true;
  def.teams[0].mandate.custom_budget = 20000.0;
  const CompareRequest req = make_request({def}, "both", 3, 2);
  const auto dir = fresh_dir("compare_golden");
  run_replications(req, dir);
  const CompareResult r = fold_replications(req, dir);
  const std::string all = compare_pockets_csv(r) + compare_ratios_csv(r) + compare_events_csv(r) + compare_levels_csv(r);
  EXPECT_EQ(fnv1a(all), 0x3734f70e33ee4f3bULL) << std::hex << "0x" << fnv1a(all);
}

/// Hand-made checkpoints: two replications, two years, no discounting; the team paid by municipal social work.
TEST(CompareFold, MeansIntervalsAndRatiosEqualHandComputation) {
  const auto dir = fresh_dir("compare_fold_hand");
  scenarios::ScenarioDef def = small_team_scenario(100, 24);
  def.mkba.discount_real = 0.0;
  def.mkba.risk_premium = 0.0;
  const CompareRequest req = make_request({def}, "continuous", 2, 1);
  const auto sw = services::id(services::Pocket::MunicipalitySocialWork);
  const auto youth = services::id(services::Pocket::MunicipalityYouth);
  const std::size_t P = services::kPocketCount;
  // Replication r: team 1000 EUR in year 0; youth in the zero alternative 3000 a year, in the project
  // 3000 - 800 (r = 0) or 3000 - 1600 (r = 1) in year 1.
  for (std::uint32_t r = 0; r < 2; ++r) {
    ReplicationOutcome o;
    o.replication = r;
    WorldOutcome zero, project;
    for (WorldOutcome* w : {&zero, &project}) {
      w->pockets.assign(2 * P, 0);
      w->team.assign(2 * P, 0);
      w->levels.assign(24 * 4, 25);
      w->flows.assign(24 * 16, 0);
      w->events.assign(kCountedCount, 0);
      w->pockets[youth] = w->pockets[P + youth] = 300000;
    }
    project.pockets[sw] = project.team[sw] = 100000;
    project.pockets[P + youth] -= r == 0 ? 80000 : 160000;
    project.intakes = 10;
    o.worlds = {zero, project};
    write_outcome(o, checkpoint_file(dir, r));
  }
  const CompareResult res = fold_replications(req, dir);
  const AlternativeResult& a = res.alternatives.at(0);
  // Societal ratio per replication: 800 / 1000 and 1600 / 1000; mean 1.2, sd sqrt(0.32), t(1) = 12.706.
  EXPECT_NEAR(a.ratio[0].mean, 1.2, 1e-12);
  EXPECT_NEAR(a.ratio[0].sd, std::sqrt(0.32), 1e-12);
  const double half = 12.706204736 * std::sqrt(0.32) / std::sqrt(2.0);
  EXPECT_NEAR(a.ratio[0].ci_low, 1.2 - half, 1e-6);
  EXPECT_NEAR(a.ratio[0].ci_high, 1.2 + half, 1e-6);
  EXPECT_DOUBLE_EQ(a.p_above_1[0], 0.5);
  EXPECT_NEAR(a.ratio[2].mean, 1.2, 1e-12);  // all of it municipal
  EXPECT_NEAR(a.npv[0].mean, 200.0, 1e-9);
  EXPECT_NEAR(a.npv_by_pocket[youth].mean, 1200.0, 1e-9);
  EXPECT_NEAR(a.npv_by_pocket[sw].mean, -1000.0, 1e-9);
  EXPECT_NEAR(a.budget_after_2y[youth].mean, 1200.0, 1e-9);
  EXPECT_NEAR(a.diff_by_year[1][youth].mean, -1200.0, 1e-9);
  EXPECT_NEAR(a.cost_by_year[0][sw].mean, 1000.0, 1e-9);
  EXPECT_NEAR(res.zero_cost_by_year[1][youth].mean, 3000.0, 1e-9);
  EXPECT_EQ(a.payback_year, std::optional<std::uint32_t>(1));
  EXPECT_NEAR(a.intakes.mean, 10.0, 1e-12);
  EXPECT_DOUBLE_EQ(a.levels[5][2], 25.0);
  // The JSON carries the schema's keys.
  const std::string json = mkba_json(res);
  for (const char* key : {"\"ratios\"", "\"societal\"", "\"p_above_1\"", "\"npv_by_pocket\"", "\"budget_after_2y\"",
                          "\"payback_year\": 1", "\"discount_rate\": 0", "\"replications\": 2", "\"households\": 100",
                          "\"net_by_year\"", "\"municipality_youth\""})
    EXPECT_NE(json.find(key), std::string::npos) << key;
}

}  // namespace
}  // namespace wijksim::sim
