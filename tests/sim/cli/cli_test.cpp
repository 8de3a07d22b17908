// End-to-end tests of the wijksim command line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "common/cli.hpp"

namespace wijksim {
namespace {

namespace fs = std::filesystem;
using testing::fresh_dir;
using testing::run_cli;
using testing::slurp;

const fs::path kData = fs::path(WIJKSIM_TEST_DATA) / "scenarios";

TEST(Cli, RunWritesTheOutputFilesAndASummary) {
  const auto dir = fresh_dir("run");
  const auto r = run_cli("run --households 1500 --months 24 --seed 7 --out result", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"manifest.json", "levels_by_month.csv", "flows_by_month.csv", "pockets_by_year.csv"})
    EXPECT_TRUE(fs::exists(dir / "result" / f)) << f;
  EXPECT_EQ(slurp(dir / "result" / "levels_by_month.csv").substr(0, 24), "month,level,households\n0");
  EXPECT_EQ(slurp(dir / "result" / "flows_by_month.csv").substr(0, 24), "month,from,to,households");
  EXPECT_EQ(slurp(dir / "result" / "pockets_by_year.csv").substr(0, 20), "year,pocket,item,eur");
  const std::string manifest = slurp(dir / "result" / "manifest.json");
  EXPECT_NE(manifest.find("\"seed\": 7"), std::string::npos);
  EXPECT_NE(manifest.find("\"households\": 1500"), std::string::npos);
  EXPECT_NE(manifest.find("\"git_hash\""), std::string::npos);
  EXPECT_NE(r.out.find("Households per level"), std::string::npos);
  EXPECT_NE(r.out.find("municipality_work_income"), std::string::npos);
  // A second run into the same folder is refused, and nothing is overwritten.
  const auto again = run_cli("run --households 1500 --months 24 --out result", dir);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(slurp(dir / "result" / "manifest.json"), manifest);
  fs::remove_all(dir);
}

TEST(Cli, RunOutputDoesNotDependOnThreads) {
  const auto dir = fresh_dir("threads");
  ASSERT_EQ(run_cli("run --households 3000 --months 24 --threads 1 --out one", dir).exit_code, 0);
  ASSERT_EQ(run_cli("run --households 3000 --months 24 --threads 2 --out two", dir).exit_code, 0);
  for (const char* f : {"levels_by_month.csv", "flows_by_month.csv", "pockets_by_year.csv"})
    EXPECT_EQ(slurp(dir / "one" / f), slurp(dir / "two" / f)) << f;
  fs::remove_all(dir);
}

struct BadInput {
  const char* name;       ///< test name
  std::string args;       ///< command line after `wijksim`
  std::string expect;     ///< regex the error message must match (file, line, key)
};

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, ExitsWithTwoNamesFileLineAndKeyAndWritesNothing) {
  const auto dir = fresh_dir(std::string("bad_") + GetParam().name);
  const auto r = run_cli(GetParam().args + " --out result", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex(GetParam().expect))) << r.err;
  EXPECT_FALSE(fs::exists(dir / "result"));
  EXPECT_FALSE(fs::exists(dir / "out"));
  fs::remove_all(dir);
}

std::string file(const char* name) { return "run '" + (kData / name).string() + "'"; }

INSTANTIATE_TEST_SUITE_P(
    Scenarios, CliBadInput,
    ::testing::Values(
        BadInput{"syntax", file("bad_syntax.toml"), R"(bad_syntax\.toml:5: run\.households: )"},
        BadInput{"misspelt", file("misspelt_key.toml"), R"(misspelt_key\.toml:\d+: .*did you mean)"},
        BadInput{"type", file("wrong_type.toml"), R"(wrong_type\.toml:\d+: [a-z_.]+: expected)"},
        BadInput{"range", file("out_of_range.toml"), R"(out_of_range\.toml:\d+: [a-z_.]+: .*out of range)"},
        BadInput{"probability", file("probability_above_one.toml"), R"(probability_above_one\.toml:\d+: [a-z_.]+: .*\[0, 1\])"},
        BadInput{"negative", file("negative_count.toml"), R"(negative_count\.toml:\d+: run\.households: .*out of range)"},
        BadInput{"extends", file("missing_extends.toml"), R"(missing_extends\.toml:\d+: extends: cannot open)"},
        BadInput{"set_unknown", "run --set run.housholds=5", R"(--set: run\.housholds: .*did you mean 'households')"},
        BadInput{"set_range", "run --households 0", R"(--households: expected a whole number from 1 to 20000000, got '0')"},
        BadInput{"no_scenario", "run no_such_scenario", R"(no_such_scenario.*not found)"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Cli, GraphPrintsDotThatGraphvizRenders) {
  const auto dir = fresh_dir("graph");
  const auto r = run_cli("graph wijkteam --set teams.0.mandate.enabled=true", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("digraph G {", 0), 0U);
  EXPECT_NE(r.out.find("label=\"wijkteam\""), std::string::npos);
  EXPECT_NE(r.out.find("stop eviction"), std::string::npos);
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "graphviz (dot) is not installed";
  testing::write_file(dir / "graph.dot", r.out);
  const std::string cmd = "dot -Tsvg '" + (dir / "graph.dot").string() + "' -o '" + (dir / "graph.svg").string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_NE(slurp(dir / "graph.svg").find("<svg"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_cli("run --no-such-flag").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
  EXPECT_EQ(run_cli("--help").exit_code, 0);
}

TEST(Cli, CalibrateFitRefusesBadSettingsBeforeAnyRun) {
  for (const char* bad : {"--free no.such.key", "--free name", "--free run.seed=1:2x", "--free care.trust_start=0:1",
                          "--evaluations 0", "--out /no/such/folder/fitted.toml"}) {
    const auto r = run_cli(std::string("calibrate --fit ") + bad);
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << bad;
  }
  const auto r = run_cli("calibrate --fit --free no.such.key");
  EXPECT_NE(r.err.find("no.such.key"), std::string::npos) << r.err;
}

TEST(Cli, ValidatePrintsTheMergedScenario) {
  const auto r = run_cli("validate deprived_district --set run.households=777");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("households = 777"), std::string::npos);
  EXPECT_NE(r.out.find("Oost"), std::string::npos);
  EXPECT_NE(r.out.find("[dynamics.escalation]"), std::string::npos);
}

// The calibration acceptance: every target of the default and the deprived district is met.
class CliCalibration : public ::testing::TestWithParam<std::string> {};

TEST_P(CliCalibration, EveryTargetIsOk) {
  const auto r = run_cli("calibrate " + GetParam() + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json targets = nlohmann::json::parse(r.out);
  ASSERT_TRUE(targets.is_array()) << r.out;
  for (const auto& target : targets) EXPECT_EQ(target.at("ok"), true) << target.dump();
  EXPECT_GE(targets.size(), 8U) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Shipped, CliCalibration, ::testing::Values("", "deprived_district"),
                         [](const auto& p) { return p.param.empty() ? std::string("default") : p.param; });

}  // namespace
}  // namespace wijksim
