// `wijksim compare`, `sweep` and `mkba-tool` through the command line: files, determinism across thread
// counts, kill and resume, bad input.
#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <thread>

#include "common/cli.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;

// A small comparison: the default district with its team, 1,000 households, two years, short warm-up.
const std::string kSmall = "--households 1000 --months 24 --set run.warmup_months=12 --replications 3";
const std::vector<std::string> kFiles{"mkba.json", "report.html", "decision.html", "mkba.xlsx", "manifest.json", "pockets_by_year.csv",
                                      "npv_by_pocket.csv", "ratios.csv", "net_by_year.csv", "levels_by_month.csv",
                                      "flows_by_month.csv", "events.csv", "replications.csv"};
// Files that must not depend on threads, timing or interruption (the manifest records timings).
const std::vector<std::string> kDeterministic{"mkba.json", "pockets_by_year.csv", "npv_by_pocket.csv", "ratios.csv",
                                              "net_by_year.csv", "levels_by_month.csv", "flows_by_month.csv",
                                              "events.csv", "replications.csv", "report.html", "decision.html",
                                              "mkba.xlsx"};

void expect_same_files(const fs::path& a, const fs::path& b) {
  for (const std::string& f : kDeterministic) EXPECT_EQ(slurp(a / f), slurp(b / f)) << f << " differs";
}

TEST(CompareCli, WritesEveryFileAndPrintsTheMkbaTable) {
  const auto dir = fresh_dir("cli_compare_files");
  const CliResult r = run_cli("compare " + kSmall + " --threads 1 --out run", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& f : kFiles) EXPECT_TRUE(fs::exists(dir / "run" / f)) << f;
  EXPECT_FALSE(fs::exists(dir / "run.partial"));
  EXPECT_FALSE(fs::exists(dir / "run" / "replications"));  // checkpoints are gone once the run is complete
  for (const char* text : {"MKBA: wijkteam (continuous) against the zero alternative 'Centrum+Noord+Zuid without teams'", "municipality_social_work", "health_insurer", "societal",
                           "financial", "municipal", "NPV", "payback"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
  const std::string json = slurp(dir / "run" / "mkba.json");
  EXPECT_NE(json.find("\"replications\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"households\": 1000"), std::string::npos);
  EXPECT_NE(json.find("\"discount_rate\": 0.0225"), std::string::npos);  // the standard rate
  EXPECT_NE(json.find("\"discount_basis\": \"standard\""), std::string::npos);
  EXPECT_NE(json.find("\"discount_source\": \"Werkgroep discontovoet 2020\""), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "run" / "notes.json"));  // the job's notes stay in the work folder
  // One line per replication and scope.
  const std::string rows = slurp(dir / "run" / "replications.csv");
  EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 1 + 3 * 3);
}

TEST(CompareCli, SameFilesWithOneAndTwoThreads) {
  const auto dir = fresh_dir("cli_compare_threads");
  ASSERT_EQ(run_cli("compare " + kSmall + " --threads 1 --out one", dir).exit_code, 0);
  ASSERT_EQ(run_cli("compare " + kSmall + " --threads 2 --out two", dir).exit_code, 0);
  expect_same_files(dir / "one", dir / "two");
}

TEST(CompareCli, KilledRunResumesToIdenticalOutput) {
  const auto dir = fresh_dir("cli_compare_resume");
  const std::string args = "compare --households 1500 --months 36 --set run.warmup_months=12 --replications 10 --threads 1";
  ASSERT_EQ(run_cli(args + " --out whole", dir).exit_code, 0);
  // Start the same run in the background and kill it (SIGKILL) once a few replications are checkpointed.
  const std::string start = "cd '" + dir.string() + "' && ('" + std::string(WIJKSIM_BINARY) + "' " + args +
                            " --out cut >/dev/null 2>&1 & echo $! > pid)";
  ASSERT_EQ(std::system(start.c_str()), 0);
  const fs::path checkpoints = dir / "cut.partial" / "replications";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  auto done = [&] {
    if (!fs::exists(checkpoints)) return std::size_t{0};
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(checkpoints)) n += e.path().extension() == ".json" ? 1 : 0;
    return n;
  };
  while (done() < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const pid_t pid = std::stoi(slurp(dir / "pid"));
  ASSERT_EQ(::kill(pid, SIGKILL), 0) << "the run finished before it could be killed";
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_FALSE(fs::exists(dir / "cut")) << "killed before it finished: no output folder yet";
  ASSERT_GE(done(), 3u);
  ASSERT_LT(done(), 10u);
  // A new run with the same --out is refused while the interrupted one waits; --resume finishes it.
  const CliResult again = run_cli(args + " --out cut", dir);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--resume"), std::string::npos) << again.err;
  const CliResult resumed = run_cli("compare --resume cut --threads 2", dir);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_same_files(dir / "whole", dir / "cut");
  // Nothing left to resume.
  const CliResult twice = run_cli("compare --resume cut", dir);
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("nothing to resume"), std::string::npos) << twice.err;
}

TEST(CompareCli, BadInputIsRefusedAndNothingWritten) {
  const auto dir = fresh_dir("cli_compare_bad");
  const CliResult zero = run_cli("compare default --out x", dir);
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("has no [[teams]]"), std::string::npos) << zero.err;
  const CliResult lang = run_cli("compare --lang fr --out x", dir);
  EXPECT_EQ(lang.exit_code, 2);
  EXPECT_NE(lang.err.find("unknown language 'fr'"), std::string::npos) << lang.err;
  const CliResult mode = run_cli("compare --mode sometimes --out x", dir);
  EXPECT_EQ(mode.exit_code, 2);
  EXPECT_NE(mode.err.find("unknown mode 'sometimes'"), std::string::npos) << mode.err;
  const CliResult resume = run_cli("compare --resume nowhere", dir);
  EXPECT_EQ(resume.exit_code, 2);
  EXPECT_NE(resume.err.find("no interrupted run at nowhere"), std::string::npos) << resume.err;
  const CliResult grid = run_cli("sweep --grid team.fte --out x", dir);
  EXPECT_EQ(grid.exit_code, 2);
  EXPECT_NE(grid.err.find("is not key=v1,v2"), std::string::npos) << grid.err;
  EXPECT_FALSE(fs::exists(dir / "x"));
  EXPECT_FALSE(fs::exists(dir / "x.partial"));
  fs::create_directory(dir / "taken");
  const CliResult taken = run_cli("compare --out taken", dir);
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_NE(taken.err.find("already exists"), std::string::npos) << taken.err;
}

TEST(CompareCli, CohortAndContinuousModesSideBySide) {
  const auto dir = fresh_dir("cli_compare_modes");
  const CliResult r = run_cli("compare " + kSmall + " --mode both --out both", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string json = slurp(dir / "both" / "mkba.json");
  EXPECT_NE(json.find("\"alternative\": \"wijkteam (continuous)\""), std::string::npos);
  EXPECT_NE(json.find("\"alternative\": \"wijkteam (cohort)\""), std::string::npos);
}

TEST(SweepCli, GridGivesOneAlternativePerCell) {
  const auto dir = fresh_dir("cli_sweep_grid");
  const CliResult r = run_cli("sweep wijkteam " + kSmall + " --grid team.fte=2,6 --grid team.target=orange,orange+red "
                              "--out grid", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = slurp(dir / "grid" / "sweep.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 4) << csv;
  EXPECT_NE(csv.find("teams.0.fte=6 teams.0.target=orange+red (continuous)"), std::string::npos) << csv;
  EXPECT_TRUE(fs::exists(dir / "grid" / "sweep.html"));
  EXPECT_TRUE(fs::exists(dir / "grid" / "mkba.json"));
}

TEST(SweepCli, TornadoOverTheDeclaredRanges) {
  const auto dir = fresh_dir("cli_sweep_tornado");
  const CliResult r = run_cli("sweep wijkteam --tornado --households 800 --months 24 --set run.warmup_months=12 "
                              "--replications 2 --out tornado", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = slurp(dir / "tornado" / "tornado.csv");
  // wijkteam.toml declares six ranges.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 6) << csv;
  EXPECT_NE(csv.find("teams.0.fte,2.0,6.0,"), std::string::npos) << csv;
  EXPECT_TRUE(fs::exists(dir / "tornado" / "tornado.html"));
  const CliResult none = run_cli("sweep default --tornado --out none", dir);
  EXPECT_EQ(none.exit_code, 2);
}

TEST(MkbaToolCli, ExampleGivesTheToolsFte) {
  const CliResult r = run_cli("mkba-tool mkba_tool_example");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3.56"), std::string::npos) << r.out;
}

// The static estimate reads its reach from the district (mkba_tool.reach = "district"): the deprived district's
// households in the team's target are another mix of types than the default district's, so the estimates
// differ; with the example's shares (reach = "example") the two districts give the same estimate.
TEST(MkbaToolCli, TheReachComesFromTheDistrict) {
  const CliResult deprived = run_cli("mkba-tool deprived_district");
  const CliResult plain = run_cli("mkba-tool default");
  ASSERT_EQ(deprived.exit_code, 0) << deprived.err;
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(deprived.out.find("has no team"), std::string::npos) << deprived.out;
  const auto table = [](const std::string& out) { return out.substr(out.find("\n\n")); };
  EXPECT_NE(table(deprived.out), table(plain.out));
  const CliResult deprived_example = run_cli("mkba-tool deprived_district --set mkba_tool.reach=example");
  const CliResult plain_example = run_cli("mkba-tool default --set mkba_tool.reach=example");
  ASSERT_EQ(deprived_example.exit_code, 0) << deprived_example.err;
  const auto body = [](const std::string& out) { return out.substr(out.find("has no team") + 11); };
  const std::string d = body(deprived_example.out), p = body(plain_example.out);
  EXPECT_EQ(d.substr(d.find('\n')), p.substr(p.find('\n')));
}

}  // namespace
}  // namespace wijksim::testing
