// scenarios/default.toml must stay equal to the defaults in the code and must spell out every key.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

using testing::shipped;

/// The lines of `a` and `b` that differ, as `line N: a | b`.
std::string line_diff(const std::string& a, const std::string& b) {
  std::istringstream in_a(a);
  std::istringstream in_b(b);
  std::string diff;
  std::string line_a;
  std::string line_b;
  for (int n = 1; std::getline(in_a, line_a) && std::getline(in_b, line_b); ++n)
    if (line_a != line_b) diff += "line " + std::to_string(n) + ": " + line_a + "  |  " + line_b + "\n";
  return diff;
}

TEST(DefaultToml, EqualsTheCodeDefaultsExceptNeighbourhoods) {
  const ScenarioDef file = load_scenario(shipped("default.toml"));
  ScenarioDef code;
  // The intended differences: the file's three neighbourhoods and its description.
  code.population.neighbourhoods = file.population.neighbourhoods;
  code.description = file.description;
  const std::string from_file = to_toml(file);
  const std::string from_code = to_toml(code);
  EXPECT_TRUE(from_file == from_code) << "default.toml | code:\n" << line_diff(from_file, from_code);
}

TEST(DefaultToml, TopAndNeighbourhoods) {
  const ScenarioDef file = load_scenario(shipped("default.toml"));
  EXPECT_EQ(file.name, "default");
  EXPECT_EQ(file.description,
            "A district of 10,000 households with the Dutch average mix (about 85% green) [S004 §2.2]");
  const auto& n = file.population.neighbourhoods;
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].name, "Centrum");
  EXPECT_DOUBLE_EQ(n[0].share, 0.35);
  EXPECT_DOUBLE_EQ(n[0].deprivation, 0.15);
  EXPECT_EQ(n[1].name, "Noord");
  EXPECT_DOUBLE_EQ(n[1].share, 0.40);
  EXPECT_DOUBLE_EQ(n[1].deprivation, 0.05);
  EXPECT_EQ(n[2].name, "Zuid");
  EXPECT_DOUBLE_EQ(n[2].share, 0.25);
  EXPECT_DOUBLE_EQ(n[2].deprivation, 0.35);
}

/// Dotted keys of the `key = value` lines of a TOML file written with [a.b] and [[a.b]] headers.
std::set<std::string> keys_written(const std::string& path) {
  std::set<std::string> keys;
  std::ifstream in(path);
  std::string line;
  std::string table, array;
  while (std::getline(in, line)) {
    if (line.rfind("[[", 0) == 0) {
      array = line.substr(2, line.find("]]") - 2);
      table = array + "[]";
    } else if (line.rfind('[', 0) == 0) {
      table = line.substr(1, line.find(']') - 1);
      // [teams.finding] after [[teams]] is a table of the array's last element.
      if (!array.empty() && table.rfind(array + ".", 0) == 0) table = array + "[]" + table.substr(array.size());
    } else if (const auto equals = line.find(" = "); equals != std::string::npos && line[0] != '#') {
      const std::string key = line.substr(0, equals);
      keys.insert(table.empty() ? key : table + "." + key);
    }
  }
  return keys;
}

bool team_key(const std::string& key) {
  return key.rfind("teams[]", 0) == 0 || key.rfind("mkba.sensitivity[]", 0) == 0;
}

// The default district is the zero alternative: it has no team, so the team keys (and the sensitivity ranges
// over them) are documented in wijkteam.toml.
TEST(DefaultToml, WritesEveryKeyOfTheSchema) {
  const std::set<std::string> written = keys_written(shipped("default.toml"));
  for (const std::string& key : scenario_keys()) {
    if (!team_key(key)) {
      EXPECT_TRUE(written.contains(key)) << "default.toml lacks " << key;
    }
  }
  const std::vector<std::string> all = scenario_keys();
  for (const std::string& key : written)
    EXPECT_NE(std::find(all.begin(), all.end(), key), all.end()) << "default.toml has unknown key " << key;
}

TEST(WijkteamToml, WritesEveryTeamKey) {
  const std::set<std::string> written = keys_written(shipped("wijkteam.toml"));
  for (const std::string& key : scenario_keys()) {
    if (team_key(key) && key.find("cofinanciers[]") == std::string::npos) {
      EXPECT_TRUE(written.contains(key)) << "wijkteam.toml lacks " << key;
    }
  }
}

TEST(DefaultToml, EveryValueHasATrailingComment) {
  std::ifstream in(shipped("default.toml"));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find(" = ") == std::string::npos || line[0] == '#') continue;
    EXPECT_NE(line.find("  # "), std::string::npos) << "default.toml:" << number << ": " << line;
  }
}

}  // namespace
}  // namespace wijksim::scenarios
