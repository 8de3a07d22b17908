#include "sim/validation/calibration.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scenarios/loader.hpp"

namespace fs = std::filesystem;

namespace wijksim::sim {
namespace {

std::size_t target_count(const scenarios::TargetsDef& targets) {
  struct Count {
    std::size_t n = 0;
    void table(std::string_view, const scenarios::TargetDef&, const char*) { ++n; }
  } count;
  auto copy = targets;
  copy.visit(count);
  return count.n;
}

// docs/MODEL.md shows the targets exactly as `wijksim calibrate --markdown` prints them for the default scenario.
TEST(Targets, ModelDocumentRendersTheTargetsTable) {
  const fs::path doc = fs::path(WIJKSIM_TEST_DATA) / ".." / ".." / "docs" / "MODEL.md";
  std::ifstream in(doc);
  ASSERT_TRUE(in) << doc;
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  const std::string begin = "<!-- targets: wijksim calibrate --markdown -->\n", end = "<!-- end of targets -->";
  const auto a = s.find(begin), b = s.find(end);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_EQ(s.substr(a + begin.size(), b - a - begin.size()),
            targets_markdown(scenarios::load_default_scenario().targets))
      << "regenerate the table in docs/MODEL.md §9.1 with: wijksim calibrate --markdown";
}

TEST(Targets, JsonListsEveryEnabledTargetWithWhatItMeasures) {
  auto def = scenarios::load_default_scenario();
  def.run.households = 1500;
  def.run.warmup_months = 12;
  def.run.months = 24;
  def.targets.evictions.enabled = false;
  const auto results = calibrate_scenario(def, 1, {});
  EXPECT_EQ(results.size(), target_count(def.targets) - 1);
  const auto json = nlohmann::json::parse(calibration_json(results));
  ASSERT_EQ(json.size(), results.size());
  for (const auto& t : json) {
    EXPECT_NE(t["name"], "evictions");
    EXPECT_FALSE(t["measures"].get<std::string>().empty());
    EXPECT_FALSE(t["source"].get<std::string>().empty());
    EXPECT_LE(t["target_low"].get<double>(), t["target_high"].get<double>());
  }
}

}  // namespace
}  // namespace wijksim::sim
