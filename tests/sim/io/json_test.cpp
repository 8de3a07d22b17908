// The JSON files through nlohmann::ordered_json: numbers as before (whole numbers without decimals, non-finite as
// null), keys in the order written, a Def's keys in schema order, text that is not UTF-8 written, not thrown on.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "common/fixtures.hpp"
#include "common/worlds.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/io/def_json.hpp"
#include "sim/io/json.hpp"
#include "sim/io/run_output.hpp"

namespace wijksim::sim {
namespace {

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

TEST(Json, NumbersAsTheFilesWriteThem) {
  EXPECT_EQ(json_number(3.0).dump(), "3");
  EXPECT_TRUE(json_number(3.0).is_number_integer());
  EXPECT_EQ(json_number(-1234.0).dump(), "-1234");
  EXPECT_EQ(json_number(-0.0).dump(), "0");
  EXPECT_EQ(json_number(0.055).dump(), "0.055");
  EXPECT_EQ(json_number(1.0 / 3.0).get<double>(), 1.0 / 3.0);
  EXPECT_TRUE(json_number(1e16).is_number_float()) << "beyond 1e16 a double, as the shortest text writes it";
  EXPECT_TRUE(json_number(std::nan("")).is_null());
  EXPECT_TRUE(json_number(std::numeric_limits<double>::infinity()).is_null());
  EXPECT_TRUE(json_number(-std::numeric_limits<double>::infinity()).is_null());
}

TEST(Json, TextIsIndentedEndsWithANewlineAndSurvivesBadUtf8) {
  Json j;
  j["b"] = 1;
  j["a"] = json_number(std::nan(""));
  j["text"] = std::string("caf\xc3\xa9 \"quoted\"\n");
  EXPECT_EQ(json_text(j), "{\n  \"b\": 1,\n  \"a\": null,\n  \"text\": \"caf\xc3\xa9 \\\"quoted\\\"\\n\"\n}\n");
  Json bad;
  bad["command"] = std::string("wijksim run \xff\xfe");
  std::string text;
  ASSERT_NO_THROW(text = json_text(bad));
  EXPECT_EQ(Json::parse(text)["command"], "wijksim run \xef\xbf\xbd\xef\xbf\xbd");
}

TEST(Json, DefKeysInSchemaOrder) {
  scenarios::ScenarioDef def = testing::small_team_scenario(300, 12);
  def.teams.front().name = "Noord \"oost\"";
  const Json j = def_to_json(def);
  const std::vector<std::string> top{"name",      "description", "label",      "run",        "population",
                                     "network",   "dynamics",    "level",      "prices",     "care",
                                     "providers", "teams",       "financiers", "mkba",       "mkba_tool",
                                     "targets"};
  EXPECT_EQ(keys(j), top);
  EXPECT_EQ(keys(j["run"]), (std::vector<std::string>{"households", "months", "warmup_months", "seed"}));
  EXPECT_EQ(j["run"]["seed"], 12345);
  EXPECT_TRUE(j["run"]["seed"].is_number_integer());
  EXPECT_EQ(j["teams"].size(), 1U);
  EXPECT_EQ(j["teams"][0]["name"], "Noord \"oost\"");
  EXPECT_EQ(j["teams"][0]["fte"], 4) << "a whole double is written as an integer";
  EXPECT_EQ(j["teams"][0]["hours"], Json::parse("[4, 8, 30, 120]"));
  EXPECT_EQ(j["mkba"]["discount_real"].get<double>(), -0.01);
  EXPECT_TRUE(j["mkba"]["sensitivity"].is_array());
}

TEST(Json, RunManifestReadsBack) {
  const scenarios::ScenarioDef def = testing::small_scenario(200, 6);
  const World world = testing::run_world(def);
  const auto dir = std::filesystem::temp_directory_path() / ("wijksim_json_manifest_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  write_run(world, {"wijksim run --seed 12345", 1, std::nan("")}, dir);
  std::ifstream in(dir / "manifest.json");
  const Json m = Json::parse(in);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(keys(m), (std::vector<std::string>{"tool", "version", "git_hash", "command", "seed", "replication",
                                                "households", "months", "threads", "wall_seconds", "scenario"}));
  EXPECT_EQ(m["seed"], 12345);
  EXPECT_EQ(m["households"], 200);
  EXPECT_EQ(m["months"], 6);
  EXPECT_TRUE(m["wall_seconds"].is_null()) << "a non-finite number is null";
  EXPECT_EQ(m["scenario"], def_to_json(def));
}

Stat stat(double mean) { return {mean, 0.5, mean - 1.0, mean + 1.0, 3}; }

TEST(Json, MkbaJsonKeepsKeysOrderAndNull) {
  CompareResult r;
  r.zero_name = "zero \"A\"";
  r.replications = 3;
  r.households = 100;
  r.months = 24;
  r.seed = 7;
  r.discount_rate = 0.055;
  AlternativeResult a;
  a.label = "team (continuous)";
  a.scenario = "team";
  a.discount_rate = 0.055;
  a.ratio = {stat(1.5), stat(std::nan("")), stat(0.25)};
  a.p_above_1 = {1.0, 0.0, 0.0};
  a.npv = {stat(1000.0), stat(200.0), stat(-50.0)};
  a.net_by_year = {stat(10.0), stat(20.0)};
  a.cumulative_discounted = {10.0, 28.95};
  a.payback_year = 0;
  a.payback_by_scope = {0U, std::nullopt, 1U};
  a.intakes = stat(0.0);
  r.alternatives = {a, a};
  r.alternatives[1].label = "team (cohort)";
  r.alternatives[1].mode = Mode::Cohort;
  r.increments.resize(1);  // the one pair, (0, 1)
  r.increments[0].to = 1;
  const Json j = Json::parse(mkba_json(r));
  const std::vector<std::string> members{"alternative", "scenario", "mode", "label", "alternative_discount_rate",
                                         "team_budget_per_year", "ratios", "ratio_of_mean_pv", "npv", "pv_cost",
                                         "pv_benefit", "npv_by_pocket", "budget_after_2y", "payback_year",
                                         "payback_year_by_scope", "per_household", "team_cost", "net_by_year",
                                         "static_estimate"};
  std::vector<std::string> top{"schema",        "zero_alternative", "replications",  "households",
                               "months",        "seed",             "discount_rate", "discount_basis",
                               "discount_source", "discount_real",  "risk_premium"};
  top.insert(top.end(), members.begin(), members.end());
  top.push_back("alternatives");
  top.push_back("decision");
  EXPECT_EQ(keys(j), top);
  ASSERT_EQ(j["alternatives"].size(), 2U);
  EXPECT_EQ(keys(j["alternatives"][1]), members);
  EXPECT_EQ(j["alternatives"][1]["mode"], "cohort");
  EXPECT_EQ(j["schema"], "wijksim-mkba/1");
  EXPECT_EQ(j["zero_alternative"], "zero \"A\"");
  EXPECT_EQ(keys(j["ratios"]["societal"]), (std::vector<std::string>{"mean", "sd", "ci_low", "ci_high", "p_above_1"}));
  EXPECT_EQ(j["ratios"]["societal"]["mean"].get<double>(), 1.5);
  EXPECT_TRUE(j["ratios"]["financial"]["mean"].is_null());
  EXPECT_EQ(j["payback_year_by_scope"], Json::parse(R"({"societal": 0, "financial": null, "municipal": 1})"));
  EXPECT_TRUE(j["per_household"]["npv_societal_per_household_taken_in"].is_null()) << "nobody taken in";
  EXPECT_EQ(j["per_household"]["npv_societal"], 10);
  EXPECT_EQ(keys(j["npv_by_pocket"]).size(), services::kPocketCount);
  EXPECT_EQ(keys(j["net_by_year"][1]),
            (std::vector<std::string>{"year", "mean", "sd", "ci_low", "ci_high", "cumulative_discounted"}));
  EXPECT_EQ(j["net_by_year"][1]["cumulative_discounted"].get<double>(), 28.95);
  EXPECT_TRUE(j["static_estimate"].is_null());
  EXPECT_EQ(keys(j["decision"]), (std::vector<std::string>{"rule", "by_budget", "frontier", "steps", "setting_effects",
                                                           "choice", "verdict"}));
}

}  // namespace
}  // namespace wijksim::sim
