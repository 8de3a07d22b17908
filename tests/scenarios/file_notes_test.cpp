// The notes of a scenario file (scenarios/file_notes.hpp): header, and each value sourced, assumed or unmarked, under
// its key as for --set.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/cli.hpp"
#include "scenarios/file_notes.hpp"
#include "scenarios/loader.hpp"

namespace wijksim::scenarios {
namespace {

namespace fs = std::filesystem;

TEST(FileNotes, ReadKeysAndMarks) {
  const fs::path dir = testing::fresh_dir("notes");
  testing::write_file(dir / "x.toml", R"(# An approach [S003].
# Assumed: the rest.
extends = "default.toml"
name = "x"

[[teams]]                     # the team
name = "t"                    # label
fte = 2.0                     # assumption
cost_per_fte = 65000.0        # [S003] frontline staff
replaces = ""                 # none

[teams.finding]
police_signal = 0.5           # coverage

[[teams.cofinanciers]]
share = 0.1                   # [S004] with a tag; assumption besides

[[teams.cofinanciers]]
share = 0.2                   # [S004]

[[mkba.sensitivity]]
key = "teams.0.fte"           # assumption
low = "1.0"
)");
  const FileNotes notes = read_file_notes(dir / "x.toml");
  EXPECT_EQ(notes.header, (std::vector<std::string>{"An approach [S003].", "Assumed: the rest."}));
  std::vector<std::string> assumed, sourced, unmarked;
  for (const auto& v : notes.assumptions) assumed.push_back(v.key);
  for (const auto& v : notes.sourced) sourced.push_back(v.key);
  for (const auto& v : notes.unmarked) unmarked.push_back(v.key);
  EXPECT_EQ(assumed,
            (std::vector<std::string>{"teams.0.fte", "teams.0.cofinanciers.0.share", "mkba.sensitivity.0.key"}));
  EXPECT_EQ(sourced, (std::vector<std::string>{"teams.0.cost_per_fte", "teams.0.cofinanciers.1.share"}));
  EXPECT_EQ(unmarked, (std::vector<std::string>{"teams.0.finding.police_signal"}));
  EXPECT_EQ(notes.assumptions.front().line, 8U);
  EXPECT_EQ(notes.assumptions.front().value, "2.0");
}

TEST(FileNotes, MissingFileIsAScenarioError) {
  EXPECT_THROW(read_file_notes(testing::fresh_dir("notes_missing") / "none.toml"), ScenarioError);
}

}  // namespace
}  // namespace wijksim::scenarios
