// The CSV writer (RFC 4180 quoting) and the CSV files of run, compare, sweep and tornado: names with commas and
// quotes read back as one field each, every row has as many fields as the header, ordinary fields are unquoted.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "common/csv_reader.hpp"
#include "common/fixtures.hpp"
#include "sim/engine/paired.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/run_output.hpp"

namespace wijksim::sim {
namespace {

using testing::CsvRows;
using testing::read_csv;

const std::string kAwkward = "Noord, \"oost\"\nen west";  // a comma, quotes and a line break

/// Every row of a CSV text has the header's number of fields; returns the rows.
CsvRows rectangular(const std::string& text, const std::string& what) {
  CsvRows rows;
  EXPECT_NO_THROW(rows = read_csv(text)) << what;
  if (rows.empty()) {
    ADD_FAILURE() << what << " reads back as no rows";
    return {{""}};
  }
  for (std::size_t r = 1; r < rows.size(); ++r)
    EXPECT_EQ(rows[r].size(), rows.front().size()) << what << " row " << r;
  return rows;
}

/// Rows whose field `column` (by header name) equals value.
std::size_t rows_with(const CsvRows& rows, const std::string& column, const std::string& value) {
  std::size_t c = 0;
  while (c < rows.front().size() && rows.front()[c] != column) ++c;
  EXPECT_LT(c, rows.front().size()) << "no column " << column;
  std::size_t n = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) n += c < rows[r].size() && rows[r][c] == value ? 1 : 0;
  return n;
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("wijkteam"), "wijkteam");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a b;c"), "a b;c");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
}

TEST(CsvWriter, WritesRowsOfMixedFields) {
  CsvWriter csv("name", "count", "value", "year", "note");
  csv.row("a", 3, 0.25, std::optional<std::uint32_t>{2}, Quoted{"x"});
  csv.row(kAwkward, -7, std::nan(""), std::optional<std::uint32_t>{}, Quoted{"said \"no\""});
  csv.row("b", std::uint64_t{18446744073709551615ULL}, 1e-7, std::optional<std::uint32_t>{0}, Quoted{""});
  EXPECT_EQ(csv.text(), "name,count,value,year,note\n"
                        "a,3,0.25,2,\"x\"\n"
                        "\"Noord, \"\"oost\"\"\nen west\",-7,null,,\"said \"\"no\"\"\"\n"
                        "b,18446744073709551615,1e-07,0,\"\"\n");
  const CsvRows rows = rectangular(csv.text(), "mixed");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[2][0], kAwkward);
  EXPECT_EQ(rows[2][4], "said \"no\"");
}

TEST(CsvWriter, NumbersAreShortestAndNonFiniteIsNull) {
  EXPECT_EQ(number_text(3.0), "3");
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(-1234.5), "-1234.5");
  EXPECT_EQ(number_text(1e16), "1e+16");
  EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(number_text(std::nan("")), "null");
}

TEST(CsvWriter, ReaderRejectsBrokenFiles) {
  EXPECT_NO_THROW(read_csv("a,\"b,c\"\n"));
  EXPECT_THROW(read_csv("a,b\"c\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,\"b\"c\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,\"b\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,b"), std::runtime_error);
  EXPECT_EQ(read_csv("a,,\n").front().size(), 3U);
}

// A run with a team whose name needs quoting: teams_by_month.csv and financiers.csv keep it one field.
TEST(RunCsv, TeamNameWithCommaAndQuotesReadsBack) {
  scenarios::ScenarioDef def = testing::small_team_scenario(600, 24, 2.0);
  def.teams.front().name = kAwkward;
  def.teams.front().cofinanciers.push_back({});
  def.financiers.enabled = true;
  PairedWorlds run(def, 0, 1);
  run.run();
  const CsvRows teams = rectangular(teams_csv(run), "teams_by_month.csv");
  EXPECT_EQ(teams.front(), (std::vector<std::string>{"month", "team", "metric", "value"}));
  EXPECT_GT(rows_with(teams, "team", kAwkward), 24U);
  EXPECT_EQ(rows_with(teams, "team", "all"), 24U * 6U);
  rectangular(financiers_csv(run), "financiers.csv");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"levels", levels_csv(run.project())},
           {"flows", flows_csv(run.project())},
           {"pockets", pockets_csv(run.project())},
           {"providers", providers_csv(run.project())},
           {"pockets_vs_zero", pockets_vs_zero_csv(run)}})
    rectangular(text, name);
  // Ordinary fields are written as they are: no quotes anywhere in a file of names and numbers.
  EXPECT_EQ(levels_csv(run.project()).find('"'), std::string::npos);
}

Stat stat(double mean) { return {mean, 1.0, mean - 2.0, mean + 2.0, 4}; }

/// A comparison of one alternative over two years whose names need quoting.
CompareResult awkward_result() {
  CompareResult r;
  r.zero_name = "district, \"west\"";
  r.replications = 4;
  r.households = 100;
  r.months = 24;
  r.zero_cost_by_year.resize(2);
  r.zero_levels.resize(24);
  r.zero_flows.resize(24);
  AlternativeResult a;
  a.label = kAwkward + " (continuous)";
  a.scenario = "teams.0.name=a,b";
  a.cost_by_year.resize(2);
  a.diff_by_year.resize(2);
  a.team_by_year.resize(2);
  a.net_by_year = {stat(1.0), stat(2.0)};
  a.cumulative_discounted = {1.0, 2.9};
  a.payback_year = 1;
  a.payback_by_scope = {1U, std::nullopt, std::nullopt};
  a.ratio = {stat(1.2), stat(std::nan("")), stat(0.5)};
  a.p_above_1 = {1.0, 0.0, 0.0};
  a.levels.resize(24);
  a.flows.resize(24);
  r.alternatives.push_back(a);
  AlternativeResult low = a, high = a;
  low.label = "teams.0.name=a,b";
  low.scenario = "teams.0.name=a,b";
  high.label = "teams.0.name=\"c\"";
  high.scenario = "teams.0.name=\"c\"";
  r.alternatives.push_back(low);
  r.alternatives.push_back(high);
  return r;
}

TEST(CompareCsv, EveryFileReadsBackWithItsNames) {
  const CompareResult r = awkward_result();
  const std::vector<std::pair<std::string, std::function<std::string(const CompareResult&)>>> files{
      {"pockets_by_year", compare_pockets_csv}, {"npv_by_pocket", compare_npv_csv},
      {"ratios", compare_ratios_csv},           {"net_by_year", compare_net_csv},
      {"levels_by_month", compare_levels_csv},  {"flows_by_month", compare_flows_csv},
      {"events", compare_events_csv},           {"sweep", sweep_csv}};
  for (const auto& [name, write] : files) {
    const CsvRows rows = rectangular(write(r), name);
    EXPECT_GT(rows_with(rows, "alternative", r.alternatives.front().label), 0U) << name;
  }
  EXPECT_GT(rows_with(read_csv(compare_pockets_csv(r)), "alternative", "district, \"west\" (zero)"), 0U);
  const CsvRows ratios = read_csv(compare_ratios_csv(r));
  EXPECT_EQ(ratios[1][7], "1") << "p_above_1";  // written as a number field, not quoted
  EXPECT_EQ(ratios[5][3], "null") << "a ratio that is not defined";

  const std::string replications =
      replications_csv_header() + replications_csv_row({3, 0, {1.0, 2.0, 3.0}, {0.5, 0.6, 0.7}, 99.5}, kAwkward);
  const CsvRows rows = rectangular(replications, "replications");
  EXPECT_EQ(rows_with(rows, "alternative", kAwkward), 3U);

  const std::vector<TornadoRow> tornado = tornado_rows(r);
  ASSERT_EQ(tornado.size(), 1U);
  const CsvRows t = rectangular(tornado_csv(tornado), "tornado");
  EXPECT_EQ(t[1][0], "teams.0.name");
  EXPECT_EQ(t[1][1], "a,b");
  EXPECT_EQ(t[1][2], "\"c\"");
}

}  // namespace
}  // namespace wijksim::sim
