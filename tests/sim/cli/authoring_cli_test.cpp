// Writing one's own scenario from the command line: shipped names in `extends` from a folder outside the project,
// a minimal team, `init` and `validate --diff`.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include "common/cli.hpp"

namespace wijksim {
namespace {

namespace fs = std::filesystem;
using testing::fresh_dir;
using testing::run_cli;
using testing::slurp;

using testing::write_file;

/// The lines of `text` after the line starting with `from` (both sections of a `validate --diff`).
std::string after(const std::string& text, const std::string& from) {
  const auto at = text.find(from);
  return at == std::string::npos ? "(missing: " + from + ")" : text.substr(at);
}

TEST(AuthoringCli, ExtendsAShippedNameFromAnEmptyFolderOutsideTheProject) {
  const auto dir = fresh_dir("authoring_extends");
  for (const std::string target : {"deprived_district", "deprived_district.toml"}) {
    write_file(dir / "mine.toml", "extends = \"" + target + "\"\nname = \"mine\"\n");
    const auto r = run_cli("validate mine.toml --diff", dir);
    ASSERT_EQ(r.exit_code, 0) << target << r.err;
    EXPECT_NE(r.out.find("Changes against its parent (" + target + "):\n  name: \"deprived_district\" -> \"mine\"\n"
                         "Changes against the default"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("population.neighbourhoods.0.name: \"Centrum\" -> \"Oost\""), std::string::npos) << r.out;
  }
  write_file(dir / "mine.toml", "extends = \"deprived_distrct\"\n");
  const auto miss = run_cli("validate mine.toml", dir);
  EXPECT_EQ(miss.exit_code, 2);
  EXPECT_TRUE(std::regex_search(miss.err, std::regex(R"(mine\.toml:1: extends: cannot open 'deprived_distrct'.*)"
                                                     R"(did you mean 'deprived_district'\?)")))
      << miss.err;
  fs::remove_all(dir);
}

/// The lines of a run's summary from the first team table on, without the timing.
std::string team_figures(const std::string& out) {
  const auto from = out.find("Team '");
  const auto to = out.find("Simulated ");
  if (from == std::string::npos || to == std::string::npos) return "(no team figures in: " + out + ")";
  return out.substr(from, to - from);
}

TEST(AuthoringCli, ATeamNamingOnlyFteAndTargetIsTheGeneralistTeam) {
  const auto dir = fresh_dir("authoring_minimal_team");
  write_file(dir / "minimal.toml", "extends = \"default\"\n\n[[teams]]\nfte = 4.0\ntarget = \"orange+red\"\n");
  const std::string run = " --households 2000 --months 24 --seed 11 --threads 2";
  const auto minimal = run_cli("run minimal.toml --out a" + run, dir);
  const auto wijkteam = run_cli("run wijkteam --out b" + run, dir);
  ASSERT_EQ(minimal.exit_code, 0) << minimal.err;
  ASSERT_EQ(wijkteam.exit_code, 0) << wijkteam.err;
  EXPECT_NE(team_figures(minimal.out).find("intake outreach"), std::string::npos) << minimal.out;
  EXPECT_EQ(team_figures(minimal.out), team_figures(wijkteam.out));
  EXPECT_EQ(slurp(dir / "a" / "pockets_by_year.csv"), slurp(dir / "b" / "pockets_by_year.csv"));
  // validate notes the team keys left at a default that costs or changes nothing; wijkteam sets them all but one.
  const auto notes = run_cli("validate minimal.toml --diff", dir);
  ASSERT_EQ(notes.exit_code, 0) << notes.err;
  for (const char* key : {"teams.0.finding.police_signal = 0.0", "teams.0.mandate.enabled = false",
                          "teams.0.mandate.custom_budget = 0.0", "teams.0.urgent_signals = false",
                          "teams.0.cofinanciers (none)"})
    EXPECT_NE(notes.out.find(std::string("# note: ") + key + " (not set, the default)"), std::string::npos)
        << key << "\n" << notes.out;
  EXPECT_EQ(notes.out.find("note: teams.0.other_costs"), std::string::npos) << notes.out;
  EXPECT_EQ(notes.out.find("note: teams.0.finding.outreach_visits"), std::string::npos) << notes.out;
  const auto shipped = run_cli("validate wijkteam", dir);
  ASSERT_EQ(shipped.exit_code, 0) << shipped.err;
  EXPECT_EQ(std::regex_search(shipped.out, std::regex("# note: teams\\.0\\.(?!cofinanciers)")), false) << shipped.out;
  fs::remove_all(dir);
}

TEST(AuthoringCli, InitOutputValidatesUnchangedAndDiffListsExactlyTheEditedKey) {
  const auto dir = fresh_dir("authoring_init");
  const auto init = run_cli("init mine.toml", dir);
  ASSERT_EQ(init.exit_code, 0) << init.err;
  std::string text = slurp(dir / "mine.toml");
  EXPECT_NE(text.find("\nextends = \"default\"\n"), std::string::npos) << text;
  // Every key of the parent, commented out with its meaning and range; the source note of default.toml.
  EXPECT_NE(text.find("\n# [run]  # size, horizon and seed\n# households = 10000  # households in the district; "
                      "range 1 .. 20000000; [MODEL.md default]"),
            std::string::npos)
      << text.substr(0, 3000);
  EXPECT_NE(text.find("\n# [[teams]]\n# fte = 4.0  # staff in FTE; range 0 .. 10000"), std::string::npos);
  const auto diff = run_cli("validate mine.toml --diff", dir);
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("Changes against its parent (default):\n  (nothing)\n"
                          "Changes against the default scenario:\n  (nothing)\n"),
            std::string::npos)
      << diff.out;
  // Uncomment the table and edit one key: the diff lists exactly that key, against the parent and the default.
  text = std::regex_replace(text, std::regex("\n# \\[run\\]"), "\n[run]");
  text = std::regex_replace(text, std::regex("\n# households = 10000 "), "\nhouseholds = 2500 ");
  write_file(dir / "mine.toml", text);
  const auto edited = run_cli("validate mine.toml --diff", dir);
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_NE(edited.out.find("Changes against its parent (default):\n  run.households: 10000 -> 2500\n"
                            "Changes against the default scenario:\n  run.households: 10000 -> 2500\n"),
            std::string::npos)
      << edited.out;
  EXPECT_EQ(after(edited.out, "Changes against its parent").size(),
            std::string("Changes against its parent (default):\n  run.households: 10000 -> 2500\n"
                        "Changes against the default scenario:\n  run.households: 10000 -> 2500\n")
                .size())
      << edited.out;
  fs::remove_all(dir);
}

TEST(AuthoringCli, InitFromAShippedScenarioInDutch) {
  const auto dir = fresh_dir("authoring_init_nl");
  const auto init = run_cli("init --from team_mandate --lang nl eigen.toml", dir);
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const std::string text = slurp(dir / "eigen.toml");
  EXPECT_NE(text.find("# Eigen scenario, begonnen met `wijksim init` vanuit team_mandate."), std::string::npos);
  EXPECT_NE(text.find("\nextends = \"team_mandate\"\n"), std::string::npos);
  EXPECT_NE(text.find("# enabled = true  # mandaat ("), std::string::npos) << text;
  EXPECT_NE(text.find("; bereik "), std::string::npos);
  const auto diff = run_cli("validate eigen.toml --diff", dir);
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("Changes against its parent (team_mandate):\n  (nothing)\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("teams.0.mandate.enabled: (none) -> true"), std::string::npos) << diff.out;
  fs::remove_all(dir);
}

TEST(AuthoringCli, InitRefusesAnExistingFileAndBadInputWritesNothing) {
  const auto dir = fresh_dir("authoring_init_refuse");
  write_file(dir / "taken.toml", "name = \"mine\"\n");
  const auto taken = run_cli("init taken.toml", dir);
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_NE(taken.err.find("taken.toml already exists; nothing written"), std::string::npos) << taken.err;
  EXPECT_EQ(slurp(dir / "taken.toml"), "name = \"mine\"\n");
  for (const std::string args : {"init --from deprived_distrct new.toml", "init --lang de new.toml",
                                 "init no_such_folder/new.toml"}) {
    const auto r = run_cli(args, dir);
    EXPECT_EQ(r.exit_code, 2) << args << r.err;
    EXPECT_FALSE(fs::exists(dir / "new.toml")) << args;
  }
  EXPECT_NE(run_cli("init --from deprived_distrct new.toml", dir).err.find("did you mean 'deprived_district'?"),
            std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // only taken.toml
  fs::remove_all(dir);
}

}  // namespace
}  // namespace wijksim
