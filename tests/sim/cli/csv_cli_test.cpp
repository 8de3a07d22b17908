// The CSV files of `wijksim run` and `wijksim compare` for a scenario and a team whose names hold a comma and
// quotes: every file reads back with an RFC 4180 reader, every row has the header's number of fields, and the
// names come back whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/cli.hpp"
#include "common/csv_reader.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;

const std::string kScenario = "Noord, \"oost\"";
const std::string kTeam = "team, \"A\"";
// The names as shell arguments (single-quoted; they hold no single quote).
const std::string kNames = "--set 'name=" + kScenario + "' --set 'teams.0.name=" + kTeam + "'";

/// Reads every CSV file of a folder; returns how many fields of column `column` equal `value`, over all files.
std::size_t check_folder(const fs::path& dir, const std::string& column, const std::string& value) {
  std::size_t files = 0, found = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    CsvRows rows;
    EXPECT_NO_THROW(rows = read_csv(slurp(entry.path()))) << name;
    if (rows.empty()) {
      ADD_FAILURE() << name << " is empty";
      continue;
    }
    const auto& header = rows.front();
    for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_EQ(rows[r].size(), header.size()) << name << " row " << r;
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == column)
        for (std::size_t r = 1; r < rows.size(); ++r) found += rows[r][c] == value ? 1 : 0;
  }
  EXPECT_GE(files, 4U) << dir;
  return found;
}

TEST(CsvCli, RunWritesATeamNameWithCommaAndQuotesAsOneField) {
  const auto dir = fresh_dir("cli_csv_run");
  const CliResult r = run_cli("run wijkteam --households 500 --months 24 --set run.warmup_months=12 " + kNames +
                              " --out run", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(check_folder(dir / "run", "team", kTeam), 24U);
}

TEST(CsvCli, CompareWritesAScenarioNameWithCommaAndQuotesAsOneField) {
  const auto dir = fresh_dir("cli_csv_compare");
  const CliResult r = run_cli("compare wijkteam --households 500 --months 24 --set run.warmup_months=12 "
                              "--replications 2 " + kNames + " --set 'population.neighbourhoods.0.name=" + kScenario +
                              "' --out cmp", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Every file names the alternative; replications.csv three times per replication.
  EXPECT_GT(check_folder(dir / "cmp", "alternative", kScenario + " (continuous)"), 2U * 3U);
  // The zero alternative is named after the district's neighbourhoods.
  EXPECT_GT(check_folder(dir / "cmp", "alternative", kScenario + "+Noord+Zuid without teams (zero)"), 0U);
}

}  // namespace
}  // namespace wijksim::testing
