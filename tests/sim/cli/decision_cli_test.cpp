// A planner's comparison through the command line: `wijksim compare` of four team configurations writes decision.html
// with the table, the steps and the frontier; every HTML table the project writes has as many cells per row as its
// header, and the values under the headers are those of mkba.json; the discount rate is the standard one by default
// and the sources' on request; the workbook's formulas give mkba.json's present values.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/cli.hpp"
#include "common/xml.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSmall = "--households 1000 --months 24 --set run.warmup_months=12 --replications 3";
const fs::path kExamples = fs::path(WIJKSIM_SCENARIO_DIR) / ".." / "docs" / "examples" / "deprived";

std::string four_teams() {
  std::string files;
  for (const char* f : {"team_4fte.toml", "team_6fte.toml", "team_6fte_mandate.toml", "team_8fte_wide.toml"})
    files += " '" + (kExamples / f).string() + "'";
  return files;
}

/// Every table of the page: a header, and as many cells in each row.
void expect_rectangular(const fs::path& page) {
  const Xml xml = parse_xml(slurp(page));
  for (const Table& t : tables(xml.root)) {
    ASSERT_FALSE(t.header.empty()) << page;
    for (const auto& row : t.rows) EXPECT_EQ(width(row), width(t.header)) << page << ": " << row.front().text;
  }
}

double value(const Cell& c) { return c.value.empty() ? std::nan("") : std::stod(c.value); }
/// A number of mkba.json; NaN for null (undefined).
double number(const json& j) { return j.is_null() ? std::nan("") : j.get<double>(); }
/// The cell holds the value, or is empty where mkba.json has null.
void expect_value(const Cell& cell, const json& j) {
  if (j.is_null()) {
    EXPECT_TRUE(cell.value.empty()) << cell.text;
  } else {
    EXPECT_DOUBLE_EQ(value(cell), j.get<double>()) << cell.text;
  }
}

/// A shared comparison of the four configurations, run once.
class FourTeams : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("cli_decision");
    // The full district over five years, so the teams have time to pay off (whether they do is the model's).
    result_ = run_cli("compare" + four_teams() +
                          " --households 10000 --months 60 --set run.warmup_months=12 --replications 3 --out run",
                      dir_);
  }
  static fs::path dir_;
  static CliResult result_;
};
fs::path FourTeams::dir_;
CliResult FourTeams::result_;

TEST_F(FourTeams, WritesDecisionPageWithTableStepsAndFrontier) {
  ASSERT_EQ(result_.exit_code, 0) << result_.err;
  const fs::path run = dir_ / "run";
  const Xml xml = parse_xml(slurp(run / "decision.html"));
  const std::string text = inner_text(xml.root);
  for (const char* part : {"All alternatives", "What each extra step buys", "In short", "team 4 FTE", "team 6 FTE with mandate",
                           "team 8 FTE, light orange too", "District Oost and West without teams", "2.25% a year",
                           "Werkgroep discontovoet 2020"})
    EXPECT_NE(text.find(part), std::string::npos) << part;
  bool frontier = false;
  for (const Node svg : all(xml.root, "svg")) frontier = frontier || attr(svg, "data-chart") == "frontier";
  EXPECT_TRUE(frontier);
  // report.html starts with the same decision.
  const std::string report = slurp(run / "report.html");
  EXPECT_LT(report.find("id=\"decision\""), report.find("id=\"alternative-0\""));
}

TEST_F(FourTeams, EveryTableIsRectangularAndItsValuesAreThoseOfMkbaJson) {
  ASSERT_EQ(result_.exit_code, 0) << result_.err;
  const fs::path run = dir_ / "run";
  expect_rectangular(run / "decision.html");
  expect_rectangular(run / "report.html");
  const json mkba = json::parse(slurp(run / "mkba.json"));
  const Table table = tables(parse_xml(slurp(run / "decision.html")).root).front();
  ASSERT_EQ(table.rows.size(), 4U);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const json& a = mkba["alternatives"].at(std::stoul(table.row_alternative[r]));
    const auto& cells = table.rows[r];
    expect_value(cells[table.column("Team budget a year")], a["team_budget_per_year"]["mean"]);
    expect_value(cells[table.column("Societal NPV")], a["npv"]["societal"]["mean"]);
    expect_value(cells[table.column("Societal ratio")], a["ratios"]["societal"]["mean"]);
    expect_value(cells[table.column("Financial ratio")], a["ratios"]["financial"]["mean"]);
    expect_value(cells[table.column("Municipal ratio")], a["ratios"]["municipal"]["mean"]);
    const json& payback = a["payback_year_by_scope"]["municipal"];
    EXPECT_EQ(cells[table.column("Payback, municipal")].text,
              payback.is_null() ? "none" : "year " + std::to_string(payback.get<int>()));
    EXPECT_NE(cells[table.column("Alternative")].text.find(a["label"].get<std::string>()), std::string::npos);
  }
  // The steps of mkba.json's decision are the rows of the steps table, in order (the table with a "Step" column
  // and no "Pairs"; the one-setting effects have pairs).
  const json& steps = mkba["decision"]["steps"];
  const auto all_tables = tables(parse_xml(slurp(run / "decision.html")).root);
  const auto step_table = std::find_if(all_tables.begin(), all_tables.end(), [](const Table& t) {
    return t.header.size() > 1 && t.header[0].text == "Step" && t.header[1].text != "Pairs";
  });
  if (steps.empty()) {
    EXPECT_EQ(step_table, all_tables.end());
    EXPECT_NE(slurp(run / "decision.html").find("No alternative lies on the frontier"), std::string::npos);
    return;
  }
  ASSERT_NE(step_table, all_tables.end());
  ASSERT_EQ(step_table->rows.size(), steps.size());
  for (std::size_t s = 0; s < steps.size(); ++s) {
    expect_value(step_table->rows[s][step_table->column("Extra societal NPV")], steps[s]["npv"]["societal"]["mean"]);
    expect_value(step_table->rows[s][step_table->column("Incremental ratio")],
                 steps[s]["incremental_ratio_societal"]["mean"]);
  }
}

TEST_F(FourTeams, StandardDiscountRateNamedInEveryOutput) {
  ASSERT_EQ(result_.exit_code, 0) << result_.err;
  const fs::path run = dir_ / "run";
  const json mkba = json::parse(slurp(run / "mkba.json"));
  EXPECT_EQ(mkba["discount_rate"].get<double>(), 0.0225);
  EXPECT_EQ(mkba["discount_basis"], "standard");
  EXPECT_EQ(mkba["discount_source"], "Werkgroep discontovoet 2020");
  for (const char* page : {"report.html", "decision.html"})
    EXPECT_NE(slurp(run / page).find("2.25% a year, the standard discount rate"), std::string::npos) << page;
  EXPECT_NE(result_.out.find("2.25% (the Dutch standard since 2021"), std::string::npos) << result_.out;
}

TEST_F(FourTeams, WorkbookFormulasGiveMkbaJsonsPresentValues) {
  ASSERT_EQ(result_.exit_code, 0) << result_.err;
  const fs::path run = dir_ / "run";
  const json mkba = json::parse(slurp(run / "mkba.json"));
  const Workbook book(run / "mkba.xlsx");
  EXPECT_EQ(book.sheets.front(), "Comparison");
  const std::size_t f = book.sheet("MKBA formulas");
  std::size_t checked = 0;
  for (const json& a : mkba["alternatives"]) {
    // The results row of the alternative: its words in column A and a formula in column C.
    for (int row = 1; row < 200; ++row) {
      const std::string n = std::to_string(row);
      const auto it = book.cells[f].find("A" + n);
      if (it == book.cells[f].end() || it->second != a["label"].get<std::string>() || !book.formulas[f].count("C" + n))
        continue;
      const std::array<const char*, 3> scopes{"societal", "financial", "municipal"};
      for (std::size_t s = 0; s < 3; ++s) {
        const auto col = [&](int k) { return std::string(1, static_cast<char>('C' + 4 * s + k)) + n; };
        const double pv_cost = a["pv_cost"][scopes[s]]["mean"].get<double>();
        const double pv_benefit = a["pv_benefit"][scopes[s]]["mean"].get<double>();
        EXPECT_TRUE(book.formulas[f].count(col(0)) && book.formulas[f].count(col(3)));
        EXPECT_NEAR(book.number(f, col(0)), pv_cost, 1e-9 * std::fabs(pv_cost) + 1e-6) << scopes[s];
        EXPECT_NEAR(book.number(f, col(1)), pv_benefit, 1e-9 * std::fabs(pv_benefit) + 1e-6) << scopes[s];
        EXPECT_NEAR(book.number(f, col(2)), number(a["npv"][scopes[s]]["mean"]), 1e-9 * std::fabs(pv_cost) + 1e-6);
        if (!a["ratio_of_mean_pv"][scopes[s]].is_null()) {
          EXPECT_NEAR(book.number(f, col(3)), a["ratio_of_mean_pv"][scopes[s]].get<double>(), 1e-9) << scopes[s];
        }
      }
      ++checked;
      break;
    }
  }
  EXPECT_EQ(checked, 4U);
}

TEST(DecisionCli, SourcesRateOnRequest) {
  const auto dir = fresh_dir("cli_discount");
  const CliResult source = run_cli("compare wijkteam " + kSmall + " --discount source --out source", dir);
  ASSERT_EQ(source.exit_code, 0) << source.err;
  const json mkba = json::parse(slurp(dir / "source" / "mkba.json"));
  EXPECT_EQ(mkba["discount_rate"].get<double>(), 0.055);
  EXPECT_EQ(mkba["discount_basis"], "source");
  EXPECT_EQ(mkba["discount_source"], "S004 fn 13");
  EXPECT_NE(slurp(dir / "source" / "report.html").find("5.5% a year, the rate of the 2014 sources"), std::string::npos);
  // A rate of its own, and the same through the scenario's two parts.
  const CliResult own = run_cli("compare wijkteam " + kSmall + " --discount 0.03 --out own", dir);
  ASSERT_EQ(own.exit_code, 0) << own.err;
  EXPECT_EQ(json::parse(slurp(dir / "own" / "mkba.json"))["discount_basis"], "custom");
  const CliResult set = run_cli("compare wijkteam " + kSmall +
                                " --set mkba.discount_real=0.025 --set mkba.risk_premium=0.03 --out set", dir);
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(json::parse(slurp(dir / "set" / "mkba.json"))["discount_basis"], "source");
  const CliResult bad = run_cli("compare wijkteam " + kSmall + " --discount soon --out bad", dir);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("standard (2.25%), source (5.5%)"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir / "bad"));
}

TEST(DecisionCli, SweepAndTornadoPagesSpeakInWordsWithRectangularTables) {
  const auto dir = fresh_dir("cli_sweep_pages");
  const CliResult sweep = run_cli("sweep wijkteam --grid team.fte=2,4 --grid team.mandate.enabled=false,true " + kSmall +
                                  " --out sweep", dir);
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  for (const char* page : {"sweep.html", "decision.html", "report.html"}) expect_rectangular(dir / "sweep" / page);
  const json mkba = json::parse(slurp(dir / "sweep" / "mkba.json"));
  const Table table = tables(parse_xml(slurp(dir / "sweep" / "sweep.html")).root).front();
  ASSERT_EQ(table.rows.size(), 4U);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::size_t i = std::stoul(table.row_alternative[r]);
    const json& a = mkba["alternatives"].at(i);
    const auto& cells = table.rows[r];
    EXPECT_EQ(cells[table.column("#")].text, std::to_string(i + 1));
    expect_value(cells[table.column("Team budget a year")], a["team_budget_per_year"]["mean"]);
    expect_value(cells[table.column("Municipal ratio")], a["ratios"]["municipal"]["mean"]);
  }
  const std::string page = slurp(dir / "sweep" / "sweep.html") + slurp(dir / "sweep" / "decision.html");
  EXPECT_NE(page.find("team 4 FTE, with mandate"), std::string::npos);
  EXPECT_EQ(page.find("teams.0."), std::string::npos) << "no raw keys for people";
  // The one-setting effects: the mandate at each team size, the team size with and without the mandate.
  EXPECT_EQ(mkba["decision"]["setting_effects"].size(), 2U);
  const CliResult tornado = run_cli("sweep wijkteam --tornado " + kSmall + " --out tornado", dir);
  ASSERT_EQ(tornado.exit_code, 0) << tornado.err;
  expect_rectangular(dir / "tornado" / "tornado.html");
  const std::string tornado_page = slurp(dir / "tornado" / "tornado.html");
  EXPECT_NE(tornado_page.find("team size"), std::string::npos);
  EXPECT_EQ(tornado_page.find("teams.0."), std::string::npos) << "no raw keys for people";
}

}  // namespace
}  // namespace wijksim::testing
