// report.html and mkba.xlsx from a small hand-built CompareResult: the page is well-formed XML (read with pugixml),
// every chart has drawn data, labels follow the language; the workbook unzips into the four sheets and its summary
// reads back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "common/xml.hpp"
#include "sim/batch/decision.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/labels/labels.hpp"
#include "sim/report/decision.hpp"
#include "sim/report/decision_html.hpp"
#include "sim/report/report_html.hpp"
#include "sim/report/report_xlsx.hpp"
#include "sim/report/sweep_html.hpp"

namespace wijksim {
namespace {

using testing::all;
using testing::attr;
using testing::inner_text;
using testing::Node;
using testing::parse_xml;
using testing::Xml;

using labels::Lang;
using services::kPocketCount;
using services::Pocket;
using sim::Stat;

// ---------------------------------------------------------------------------------------------------------------
// The fixture: a comparison of 2 alternatives over 3 years (36 months), one with a static estimate.

constexpr std::size_t kYears = 3, kMonths = 36;
constexpr double kSocietalRatio = 1.35;

Stat stat(double mean, double half_width) { return {mean, half_width / 2.0, mean - half_width, mean + half_width, 20}; }

std::size_t at(Pocket p) { return services::id(p); }

sim::AlternativeResult alternative(const sim::CompareResult& r, double scale, std::string label) {
  sim::AlternativeResult a;
  a.label = std::move(label);
  a.scenario = "team";
  a.discount_rate = r.discount_rate;
  a.cost_by_year = r.zero_cost_by_year;
  a.diff_by_year.resize(kYears);
  a.team_by_year.resize(kYears);
  for (std::size_t y = 0; y < kYears; ++y) {
    const double grow = static_cast<double>(y + 1);
    auto& team = a.team_by_year[y];
    team[at(Pocket::MunicipalitySocialWork)] = stat(180'000, 0);
    team[at(Pocket::HealthInsurer)] = stat(20'000, 0);
    auto& diff = a.diff_by_year[y];
    diff[at(Pocket::MunicipalitySocialWork)] = stat(200'000, 15'000);
    diff[at(Pocket::HealthInsurer)] = stat(20'000 - 70'000 * grow * scale, 25'000);
    diff[at(Pocket::MunicipalityYouth)] = stat(-60'000 * grow * scale, 30'000);
    diff[at(Pocket::MunicipalityWorkIncome)] = stat(25'000 - 10'000 * grow, 12'000);
    diff[at(Pocket::Household)] = stat(-8'000 * grow, 4'000);
    diff[at(Pocket::NonMonetary)] = stat(-40'000 * grow * scale, 20'000);
    for (std::size_t p = 0; p < kPocketCount; ++p) a.cost_by_year[y][p].mean += diff[p].mean;
    double net = 0;
    for (const Stat& s : diff) net -= s.mean;
    a.net_by_year.push_back(stat(net, 50'000));
    const double previous = a.cumulative_discounted.empty() ? 0.0 : a.cumulative_discounted.back();
    a.cumulative_discounted.push_back(previous + net / std::pow(1.0 + r.discount_rate, static_cast<double>(y)));
  }
  a.payback_year = sim::payback_year(a.cumulative_discounted);
  // The MKBA's split of the mean differences: the team's items, then extra care or avoided costs.
  a.investment_by_year = a.team_by_year;
  a.extra_care_by_year.resize(kYears);
  a.avoided_by_year.resize(kYears);
  for (std::size_t y = 0; y < kYears; ++y)
    for (std::size_t p = 0; p < kPocketCount; ++p) {
      const double other = a.diff_by_year[y][p].mean - a.team_by_year[y][p].mean;
      a.extra_care_by_year[y][p] = stat(std::max(other, 0.0), 0);
      a.avoided_by_year[y][p] = stat(std::max(-other, 0.0), 0);
    }
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    double npv = 0, budget = 0;
    for (std::size_t y = 0; y < kYears; ++y) {
      npv -= a.diff_by_year[y][p].mean / std::pow(1.0 + r.discount_rate, static_cast<double>(y));
      budget -= y < 2 ? a.diff_by_year[y][p].mean : 0.0;
    }
    a.npv_by_pocket[p] = stat(npv, std::fabs(npv) * 0.3);
    a.budget_after_2y[p] = stat(budget, std::fabs(budget) * 0.3);
  }
  a.ratio = {stat(kSocietalRatio * scale, 0.2), stat(1.1 * scale, 0.2), stat(0.45 * scale, 0.1)};
  a.npv = {stat(350'000 * scale, 200'000), stat(90'000 * scale, 150'000), stat(-420'000, 60'000)};
  a.pv_cost = {stat(1e6, 1e5), stat(1e6, 1e5), stat(8e5, 1e5)};
  a.pv_benefit = {stat(1.35e6, 1e5), stat(1.1e6, 1e5), stat(3.6e5, 1e5)};
  a.p_above_1 = {0.85, 0.6, 0.0};
  a.intakes = stat(150, 12);
  a.team_cost = stat(600'000, 0);
  for (std::size_t e = 0; e < sim::kCountedCount; ++e) a.events_diff[e] = stat(-static_cast<double>(e) * scale, 1.5);
  for (std::size_t m = 0; m < kMonths; ++m) {
    auto levels = r.zero_levels[m];
    const double shift = 0.5 * static_cast<double>(m) * scale;
    levels[1] += shift, levels[2] -= shift * 0.6, levels[3] -= shift * 0.4;
    a.levels.push_back(levels);
    auto flows = r.zero_flows[m];
    flows[2][1] += 2.0 * scale, flows[3][2] += 0.5 * scale;
    a.flows.push_back(flows);
  }
  return a;
}

sim::StaticEstimate static_estimate() {
  sim::StaticEstimate e;
  e.team = "wijkteam";
  e.households = 328;
  e.households_by_severity = {160, 100, 68};
  e.fte = 3.56;
  e.cost_year0 = 420'000;
  e.discount_rate = 0.055;
  e.cost_by_pocket[at(Pocket::MunicipalitySocialWork)] = 420'000;
  e.benefit_by_pocket[at(Pocket::MunicipalityYouth)] = 260'000;
  e.benefit_by_pocket[at(Pocket::HealthInsurer)] = 190'000;
  e.benefit_by_pocket[at(Pocket::HousingCorporation)] = 60'000;
  e.pv_cost = {420'000, 420'000, 420'000};
  e.pv_benefit = {510'000, 510'000, 260'000};
  e.npv = {90'000, 90'000, -160'000};
  e.ratio = {1.21, 1.21, 0.62};
  return e;
}

/// Increments between every pair of alternatives, as the fold writes them: here the differences of the means with an
/// interval of their own.
void add_increments(sim::CompareResult& r) {
  r.increments.clear();
  for (std::size_t a = 0; a < r.alternatives.size(); ++a)
    for (std::size_t b = a + 1; b < r.alternatives.size(); ++b) {
      const sim::AlternativeResult &from = r.alternatives[a], &to = r.alternatives[b];
      sim::Increment inc;
      inc.from = a, inc.to = b;
      inc.budget = stat(sim::budget_stat(to).mean - sim::budget_stat(from).mean, 1'000);
      for (std::size_t s = 0; s < 3; ++s) inc.npv[s] = stat(to.npv[s].mean - from.npv[s].mean, 50'000);
      inc.pv_cost = stat(to.pv_cost[0].mean - from.pv_cost[0].mean, 10'000);
      inc.pv_benefit = stat(to.pv_benefit[0].mean - from.pv_benefit[0].mean, 10'000);
      inc.ratio = stat(inc.pv_cost.mean > 0 ? inc.pv_benefit.mean / inc.pv_cost.mean : NAN, 0.3);
      inc.p_better = inc.npv[0].mean > 0 ? 0.8 : 0.2;
      r.increments.push_back(inc);
    }
}

sim::CompareResult fixture() {
  sim::CompareResult r;
  r.zero_name = "district & co";
  r.district = {"Oost & co", "West"};  // an ampersand must be escaped
  r.discount_real = 0.025, r.risk_premium = 0.03;
  r.discount_basis = scenarios::DiscountBasis::Source;
  r.replications = 20;
  r.households = 1000;
  r.months = kMonths;
  r.seed = 7;
  r.discount_rate = 0.055;
  r.zero_cost_by_year.resize(kYears);
  for (std::size_t y = 0; y < kYears; ++y)
    for (std::size_t p = 0; p < kPocketCount; ++p)
      r.zero_cost_by_year[y][p] =
          stat(100'000.0 * static_cast<double>(p + 1) + 5'000.0 * static_cast<double>(y), 9'000);
  for (std::size_t m = 0; m < kMonths; ++m) {
    const double t = static_cast<double>(m);
    r.zero_levels.push_back({600 - t, 250, 100 + 0.6 * t, 50 + 0.4 * t});
    std::array<std::array<double, 4>, 4> flows{};
    for (std::size_t f = 0; f < 4; ++f)
      for (std::size_t to = 0; to < 4; ++to) flows[f][to] = f == to ? 200.0 : 3.0 + static_cast<double>(f + to);
    r.zero_flows.push_back(flows);
  }
  r.alternatives.push_back(alternative(r, 1.0, "team (continuous)"));
  r.alternatives.push_back(alternative(r, 0.7, "team (cohort)"));
  r.alternatives[1].mode = sim::Mode::Cohort;
  r.alternatives[0].static_estimate = static_estimate();
  add_increments(r);
  r.inputs = {{"households", "1000", ""}, {"discount_rate", "0.055", "[S004 fn 13]"}, {"team.0.name", "wijkteam <noord>", ""}};
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// report.html

TEST(ReportXmlChecker, RejectsBrokenMarkup) {
  EXPECT_NO_THROW(parse_xml("<!DOCTYPE html><a x=\"1\"><b/>t &amp; u &#233;</a>"));
  EXPECT_THROW(parse_xml("<a><b></a>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<a>t & u</a>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<a x=1></a>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<a x=\"1\" x=\"2\"></a>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<a>&nbsp;</a>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<a></a><b></b>"), std::runtime_error);
  EXPECT_THROW(parse_xml("<meta charset=\"utf-8\"><a></a>"), std::runtime_error);
}

TEST(ReportHtml, IsWellFormedXml) {
  for (const Lang lang : {Lang::En, Lang::Nl}) {
    const std::string html = report::report_html(fixture(), lang);
    Xml xml;
    ASSERT_NO_THROW(xml = parse_xml(html)) << html.substr(0, 200);
    const Node root = xml.root;
    EXPECT_STREQ(root.name(), "html");
    EXPECT_EQ(attr(root, "lang"), lang == Lang::Nl ? "nl" : "en");
    for (const Node script : all(root, "script")) EXPECT_TRUE(attr(script, "src").empty()) << "external script";
    for (const Node link : all(root, "link")) ADD_FAILURE() << "external resource " << attr(link, "href");
    EXPECT_NE(inner_text(root).find("Oost & co"), std::string::npos);
  }
}

/// Whether one of the words occurs in the text as a whole word (letters around it end the word).
bool has_word(const std::string& text, std::initializer_list<std::string_view> words) {
  std::string word;
  for (const char ch : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      continue;
    }
    if (std::find(words.begin(), words.end(), word) != words.end()) return true;
    word.clear();
  }
  return false;
}

/// Drawn shapes of a chart whose geometry is non-empty and finite.
std::size_t drawn_shapes(Node svg) {
  std::size_t count = 0;
  const auto finite = [](const std::string& s) {
    return !s.empty() && s.find("nan") == std::string::npos && s.find("inf") == std::string::npos;
  };
  for (const Node r : all(svg, "rect"))
    if (finite(attr(r, "x")) && std::stod(attr(r, "width")) > 0 && std::stod(attr(r, "height")) > 0) ++count;
  for (const Node p : all(svg, "path"))
    if (finite(attr(p, "d")) && attr(p, "d").find_first_of("0123456789") != std::string::npos) ++count;
  for (const Node c : all(svg, "circle"))
    if (finite(attr(c, "cx")) && finite(attr(c, "cy"))) ++count;
  return count;
}

TEST(ReportHtml, EveryChartHasData) {
  const Xml xml = parse_xml(report::report_html(fixture(), Lang::En));
  std::multiset<std::string> names;
  for (const Node svg : all(xml.root, "svg")) {
    ASSERT_EQ(attr(svg, "class"), "chart");
    const std::string name = attr(svg, "data-chart");
    names.insert(name);
    EXPECT_GE(drawn_shapes(svg), 12U) << name;
    for (const Node t : all(svg, "text")) EXPECT_FALSE(has_word(inner_text(t), {"nan", "inf"})) << name;
  }
  for (const char* name : {"pocket_costs", "wrong_pocket", "npv_by_pocket", "cumulative_net", "levels", "level_flows"})
    EXPECT_EQ(names.count(name), 2U) << name;
  EXPECT_EQ(names.count("static_vs_dynamic"), 1U);  // only the first alternative has a static estimate
  EXPECT_EQ(names.count("frontier"), 1U);           // two alternatives: the decision comes first
}

/// The chart of an alternative by name.
Node chart(Node root, const std::string& name, const std::string& alternative) {
  for (const Node svg : all(root, "svg"))
    if (attr(svg, "data-chart") == name && attr(svg, "data-alternative") == alternative) return svg;
  throw std::runtime_error("no chart " + name);
}

TEST(ReportHtml, WrongPocketChartHatchesEveryTeamPayment) {
  const Xml xml = parse_xml(report::report_html(fixture(), Lang::En));
  const Node svg = chart(xml.root, "wrong_pocket", "0");
  std::size_t hatched = 0;
  for (const Node r : all(svg, "rect")) hatched += attr(r, "fill").starts_with("url(#") ? 1 : 0;
  // Two paying pockets in each of three years, plus the legend's sample.
  EXPECT_EQ(hatched, 2 * kYears + 1);
  EXPECT_NE(inner_text(svg).find("Municipality: social work and teams"), std::string::npos);
}

TEST(ReportHtml, CumulativeChartMarksThePaybackYear) {
  const sim::CompareResult r = fixture();
  ASSERT_TRUE(r.alternatives[0].payback_year.has_value());
  const Xml xml = parse_xml(report::report_html(r, Lang::En));
  const std::string label = inner_text(chart(xml.root, "cumulative_net", "0"));
  EXPECT_NE(label.find("payback: year " + std::to_string(*r.alternatives[0].payback_year)), std::string::npos);
}

TEST(ReportHtml, LabelsFollowTheLanguage) {
  const std::string nl = report::report_html(fixture(), Lang::Nl);
  for (const char* dutch : {"Maatschappelijke ratio", "Gemeente: Wmo", "Zorgverzekeraar", "Huishouden", "Lichtoranje",
                            "Wie betaalt en wie profiteert", "1,35", "euro per jaar", "nulalternatief"})
    EXPECT_NE(nl.find(dutch), std::string::npos) << dutch;
  for (const char* english : {"Societal ratio", "Health insurer", "Light orange", "EUR per year", "(continuous)"})
    EXPECT_EQ(nl.find(english), std::string::npos) << english;
  EXPECT_NE(nl.find("team (doorlopend)"), std::string::npos) << "the alternative's heading names its mode in Dutch";
  const std::string en = report::report_html(fixture(), Lang::En);
  for (const char* english : {"Societal ratio", "Municipality: Wmo", "Health insurer", "Household", "Light orange",
                              "Who pays and who gains", "1.35", "EUR per year", "zero alternative"})
    EXPECT_NE(en.find(english), std::string::npos) << english;
  for (const char* dutch : {"Zorgverzekeraar", "Lichtoranje", "Maatschappelijke"})
    EXPECT_EQ(en.find(dutch), std::string::npos) << dutch;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels and numbers

TEST(ReportLabels, NumbersForPeople) {
  EXPECT_EQ(labels::euro_text(1'234'567, Lang::En), "€ 1.2 mln");
  EXPECT_EQ(labels::euro_text(1'234'567, Lang::Nl), "€ 1,2 mln");
  EXPECT_EQ(labels::euro_text(-12'345.4, Lang::Nl), "€ -12.345");
  EXPECT_EQ(labels::euro_text(-12'345.4, Lang::En), "€ -12,345");
  EXPECT_EQ(labels::euro_text(-0.2, Lang::En), "€ 0");
  EXPECT_EQ(labels::euro_text(2.5e9, Lang::Nl), "€ 2,5 mld");
  EXPECT_EQ(labels::number_text(1234.5678, 2, Lang::Nl), "1.234,57");
  EXPECT_EQ(labels::ratio_text(1.345, Lang::En), "1.34");  // 1.345 is stored just below
  EXPECT_EQ(labels::percent_text(0.856, Lang::En), "86%");
  EXPECT_EQ(labels::ratio_text(NAN, Lang::Nl), "n.v.t.");
  EXPECT_EQ(labels::interval_text(stat(2, 1), [](double v) { return labels::ratio_text(v, Lang::Nl); }),
            "2,00 [1,00 \u2013 3,00]");
}

TEST(ReportLabels, LanguagesAndNames) {
  EXPECT_EQ(labels::lang_from_name("nl"), Lang::Nl);
  EXPECT_EQ(labels::lang_from_name("en"), Lang::En);
  EXPECT_FALSE(labels::lang_from_name("de").has_value());
  EXPECT_EQ(labels::pocket_label(Pocket::MunicipalityWmo, Lang::Nl), "Gemeente: Wmo");
  EXPECT_EQ(labels::pocket_label(Pocket::HealthInsurer, Lang::En), "Health insurer");
  EXPECT_EQ(labels::scope_label(sim::Scope::Municipal, Lang::Nl), "Gemeentelijk");
  EXPECT_EQ(labels::level_label(agents::Level::LightOrange, Lang::Nl), "Lichtoranje");
  for (const Lang lang : {Lang::En, Lang::Nl}) {
    std::set<std::string_view> names;
    for (std::size_t p = 0; p < kPocketCount; ++p) names.insert(labels::pocket_label(static_cast<Pocket>(p), lang));
    EXPECT_EQ(names.size(), kPocketCount);
    for (auto t = 0U; t < static_cast<unsigned>(labels::Text::Count); ++t)
      EXPECT_FALSE(labels::text(static_cast<labels::Text>(t), lang).empty()) << t;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// mkba.xlsx

using testing::Workbook;

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("wijksim_report_" + std::to_string(::getpid()) + "_" + name);
}

TEST(ReportXlsx, SummaryReadsBack) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("summary.xlsx");
  report::write_xlsx(r, Lang::En, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  EXPECT_EQ(book.sheets, (std::vector<std::string>{"Comparison", "Summary", "Per pocket", "Per year", "MKBA formulas",
                                                   "Inputs"}));
  const std::size_t summary = book.sheet("Summary");
  EXPECT_EQ(book.cells[summary].at("A1"), "Alternative");
  const int row = book.row_of(summary, "team (continuous)", "Societal ratio");
  ASSERT_GT(row, 1);
  const std::string mean = "C" + std::to_string(row);
  EXPECT_TRUE(book.is_number[summary].at(mean));
  EXPECT_DOUBLE_EQ(std::stod(book.cells[summary].at(mean)), kSocietalRatio);
  EXPECT_DOUBLE_EQ(std::stod(book.cells[summary].at("F" + std::to_string(row))), 0.85);
  const int municipal = book.row_of(summary, "team (cohort)", "Municipal ratio");
  ASSERT_GT(municipal, row);
  EXPECT_DOUBLE_EQ(std::stod(book.cells[summary].at("C" + std::to_string(municipal))), 0.45 * 0.7);
  bool found = false;  // the general rows leave column A empty
  for (const auto& [ref, value] : book.cells[summary])
    if (value == "Replications") found = book.cells[summary].at("C" + ref.substr(1)) == "20";
  EXPECT_TRUE(found);
  // Payback in each scope, not only the societal one.
  for (const char* scope : {"Payback, societal", "Payback, financial", "Payback, municipal"})
    EXPECT_GT(book.row_of(summary, "team (continuous)", scope), 1) << scope;
}

TEST(ReportXlsx, SheetsHoldEveryRowAsNumbers) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("rows.xlsx");
  report::write_xlsx(r, Lang::Nl, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  EXPECT_EQ(book.sheets, (std::vector<std::string>{"Vergelijking", "Samenvatting", "Per financier", "Per jaar",
                                                   "MKBA-formules", "Invoer"}));
  const std::size_t per_pocket = 2, per_year = 3, inputs = 5;
  EXPECT_EQ(book.rows(per_pocket), 1 + 2 * kPocketCount);           // header, alternatives x pockets
  EXPECT_EQ(book.rows(per_year), 1 + 3 * kPocketCount * kYears);  // header, zero and alternatives x pockets x years
  EXPECT_EQ(book.rows(inputs), 1 + r.inputs.size());
  const int youth = book.row_of(per_pocket, "team (doorlopend)", "Gemeente: jeugdhulp");  // the mode in Dutch too
  ASSERT_GT(youth, 1);
  EXPECT_TRUE(book.is_number[per_pocket].at("C" + std::to_string(youth)));
  EXPECT_DOUBLE_EQ(std::stod(book.cells[per_pocket].at("C" + std::to_string(youth))),
                   r.alternatives[0].npv_by_pocket[at(Pocket::MunicipalityYouth)].mean);
  EXPECT_TRUE(book.is_number[inputs].at("B2"));  // "1000" is written as a number
  EXPECT_FALSE(book.is_number[inputs].at("B4"));
  EXPECT_EQ(book.cells[inputs].at("B4"), "wijkteam <noord>");
  EXPECT_EQ(book.cells[inputs].at("C3"), "[S004 fn 13]");  // the source column
}

TEST(ReportXlsx, SameInputsGiveTheSameBytesWhateverTheClock) {
  const auto a = temp_file("same_a.xlsx"), b = temp_file("same_b.xlsx");
  report::write_xlsx(fixture(), Lang::En, a);
  // Past a second boundary: a workbook stamped with the clock would differ now.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  report::write_xlsx(fixture(), Lang::En, b);
  const auto bytes = [](const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_TRUE(bytes(a) == bytes(b)) << "the workbooks differ";
  const std::string core = testing::run("unzip -p '" + a.string() + "' docProps/core.xml");
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-01-01T00:00:00Z</dcterms:created>"),
            std::string::npos)
      << core;
}

TEST(ReportXlsx, ErrorNamesTheFile) {
  const auto file = temp_file("no_such_dir") / "mkba.xlsx";
  try {
    report::write_xlsx(fixture(), Lang::En, file);
    FAIL() << "no error for " << file;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Every HTML table: as many cells per row as its header, and values under their headers

/// A tornado run: the base, then each input's low and high end (as `sweep --tornado` names them).
sim::CompareResult tornado_fixture() {
  sim::CompareResult r = fixture();
  const sim::AlternativeResult base = r.alternatives[0];
  const auto variant = [&](std::string name, double npv) {
    sim::AlternativeResult a = base;
    a.scenario = std::move(name);
    a.label = a.scenario + " (continuous)";
    a.npv[0] = stat(npv, 100'000);
    return a;
  };
  // Team size: both ends about a million below the base (-1.0 and -1.1 million from 350,000); turnover: a wide
  // swing around it (+-300,000); the discount rate moves little.
  r.alternatives = {variant("base", 350'000),
                    variant("teams.0.fte=2", -650'000),
                    variant("teams.0.fte=6", -750'000),
                    variant("teams.0.turnover.yearly=0.05", 650'000),
                    variant("teams.0.turnover.yearly=0.25", 50'000),
                    variant("mkba.discount_real=-0.0325", 400'000),
                    variant("mkba.discount_real=0.0225", 300'000)};
  r.alternatives[5].discount_rate = 0.0;
  r.alternatives[6].discount_rate = 0.055;
  add_increments(r);
  return r;
}

/// Every table of the page has a header, and every row as many cells (colspans counted) as the header.
void expect_rectangular_tables(const std::string& html, const std::string& page) {
  const Xml xml = parse_xml(html);
  const auto found = testing::tables(xml.root);
  EXPECT_FALSE(found.empty()) << page;
  for (std::size_t t = 0; t < found.size(); ++t) {
    const testing::Table& table = found[t];
    ASSERT_FALSE(table.header.empty()) << page << " table " << t << " has no header";
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      EXPECT_EQ(testing::width(table.rows[r]), testing::width(table.header))
          << page << " table " << t << " row " << r << ": first cell '"
          << (table.rows[r].empty() ? "" : table.rows[r][0].text) << "'";
  }
}

TEST(HtmlTables, EveryRowHasAsManyCellsAsItsHeader) {
  const sim::CompareResult r = fixture(), t = tornado_fixture();
  for (const Lang lang : {Lang::En, Lang::Nl}) {
    expect_rectangular_tables(report::report_html(r, lang), "report.html");
    expect_rectangular_tables(report::decision_html(r, lang), "decision.html");
    expect_rectangular_tables(report::sweep_html(r, lang), "sweep.html");
    expect_rectangular_tables(report::tornado_html(t, sim::tornado_rows(t), lang), "tornado.html");
  }
  // One alternative: the report has no decision section, and its tables hold still.
  sim::CompareResult one = fixture();
  one.alternatives.resize(1);
  add_increments(one);
  expect_rectangular_tables(report::report_html(one, Lang::En), "report.html (one alternative)");
}

/// The number a cell sorts by.
double value_of(const testing::Cell& cell) { return cell.value.empty() ? std::nan("") : std::stod(cell.value); }

TEST(DecisionHtml, ValuesSitUnderTheirHeaders) {
  const sim::CompareResult r = fixture();
  const Xml xml = parse_xml(report::decision_html(r, Lang::En));
  const testing::Table table = testing::tables(xml.root).front();
  ASSERT_EQ(table.rows.size(), r.alternatives.size());
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    const auto& cells = table.rows[row];
    const sim::AlternativeResult& a = r.alternatives.at(std::stoul(table.row_alternative[row]));
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Team budget a year")]), sim::budget_stat(a).mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Societal NPV")]), a.npv[0].mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Societal ratio")]), a.ratio[0].mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Financial ratio")]), a.ratio[1].mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Municipal ratio")]), a.ratio[2].mean);
    EXPECT_EQ(cells[table.column("Payback, societal")].text,
              a.payback_by_scope[0] ? "year " + std::to_string(*a.payback_by_scope[0]) : "none");
    EXPECT_NE(cells[table.column("Alternative")].text.find(a.scenario), std::string::npos);
    EXPECT_NE(cells[table.column("Pays most")].text.find("Municipality: social work and teams"), std::string::npos);
  }
}

TEST(SweepHtml, EachValueSitsUnderItsHeader) {
  // The sweep table once put the number and the name in one cell, so every value sat one column left of its header.
  const sim::CompareResult r = fixture();
  const Xml xml = parse_xml(report::sweep_html(r, Lang::En));
  const testing::Table table = testing::tables(xml.root).front();
  ASSERT_EQ(table.header.size(), 9U);
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    const auto& cells = table.rows[row];
    const std::size_t i = std::stoul(table.row_alternative[row]);
    const sim::AlternativeResult& a = r.alternatives[i];
    EXPECT_EQ(cells[table.column("#")].text, std::to_string(i + 1));
    EXPECT_EQ(cells[table.column("Alternative")].text, "team (" + std::string(i == 0 ? "continuous" : "cohort") + ")");
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Team budget a year")]), sim::budget_stat(a).mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Societal NPV")]), a.npv[0].mean);
    EXPECT_DOUBLE_EQ(value_of(cells[table.column("Municipal ratio")]), a.ratio[2].mean);
    EXPECT_NE(cells[table.column("Payback, municipal")].text, "");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The decision

/// Alternatives at (budget a year, societal NPV), over ten years.
sim::CompareResult points(const std::vector<std::pair<double, double>>& at) {
  sim::CompareResult r = fixture();
  const sim::AlternativeResult model = r.alternatives[0];
  r.alternatives.clear();
  for (std::size_t i = 0; i < at.size(); ++i) {
    sim::AlternativeResult a = model;
    a.scenario = "teams.0.fte=" + std::to_string(i + 2);
    a.label = a.scenario + " (continuous)";
    a.team_cost = stat(at[i].first * static_cast<double>(a.net_by_year.size()), 0);
    a.npv[0] = stat(at[i].second, 100'000);
    a.pv_cost[0] = stat(at[i].first * 5, 0);
    a.pv_benefit[0] = stat(at[i].first * 5 + at[i].second, 0);
    a.ratio[0] = stat(a.pv_benefit[0].mean / a.pv_cost[0].mean, 0.2);
    r.alternatives.push_back(a);
  }
  add_increments(r);
  return r;
}

TEST(Decision, DominanceFrontierAndSteps) {
  // 0: cheap and good; 1: dearer, worse (dominated by 0); 2: dearest, best; 3: cheapest but a loss (dominated by the
  // zero alternative, which costs nothing and loses nothing).
  const sim::CompareResult r = points({{100'000, 1e6}, {200'000, 5e5}, {300'000, 2e6}, {50'000, -1e5}});
  const sim::Decision d = sim::decide(r);
  ASSERT_EQ(d.rows.size(), 4U);
  EXPECT_EQ(d.rows[0].alternative, 3U);  // by budget
  EXPECT_EQ(d.rows[0].dominated_by, sim::kZero);
  EXPECT_EQ(d.rows[1].alternative, 0U);
  EXPECT_FALSE(d.rows[1].dominated_by.has_value());
  EXPECT_EQ(d.rows[2].alternative, 1U);
  EXPECT_EQ(d.rows[2].dominated_by, 0U);
  EXPECT_EQ(d.frontier, (std::vector<std::size_t>{0, 2}));
  ASSERT_EQ(d.steps.size(), 2U);
  EXPECT_EQ(d.steps[0].from, sim::kZero);
  EXPECT_DOUBLE_EQ(d.steps[0].increment.npv[0].mean, 1e6);  // from the zero alternative: the alternative itself
  EXPECT_EQ(d.steps[1].from, 0U);
  EXPECT_EQ(d.steps[1].to, 2U);
  EXPECT_DOUBLE_EQ(d.steps[1].increment.npv[0].mean, 1e6);
  EXPECT_DOUBLE_EQ(d.steps[1].increment.budget.mean, 200'000);
  // The step in the other direction is the same step reversed.
  const sim::Increment back = sim::increment(r, 2, 0);
  EXPECT_DOUBLE_EQ(back.npv[0].mean, -1e6);
  EXPECT_DOUBLE_EQ(back.npv[0].ci_low, -d.steps[1].increment.npv[0].ci_high);
  // The summary's choice: the highest NPV among ratios above 1 over the whole interval.
  EXPECT_EQ(d.choice, 2U);
  EXPECT_EQ(d.verdict, sim::Verdict::Supported);
  EXPECT_EQ(d.runner_up, 0U);
}

TEST(Decision, SummaryStatesTheChoiceTheMunicipalityAndTheUncertainty) {
  const sim::CompareResult r = points({{100'000, 1e6}, {200'000, 5e5}, {300'000, 2e6}, {50'000, -1e5}});
  const sim::Decision d = sim::decide(r);
  const std::string en = report::decision_summary(r, d, Lang::En);
  for (const char* part : {"The figures support team 4 FTE", "€ 2.0 mln", "The municipality pays",
                           "Main uncertainty", "team 2 FTE", "5.5% a year, the rate of the 2014 sources"})
    EXPECT_NE(en.find(part), std::string::npos) << part << "\n" << en;
  const std::string nl = report::decision_summary(r, d, Lang::Nl);
  for (const char* part : {"De cijfers pleiten voor team 4 fte", "€ 2,0 mln", "De gemeente betaalt",
                           "Grootste onzekerheid", "Discontovoet: 5,5%"})
    EXPECT_NE(nl.find(part), std::string::npos) << part << "\n" << nl;
  EXPECT_EQ(en, report::decision_summary(r, d, Lang::En)) << "deterministic";
  // None above 1: the summary says so and names the least unfavourable.
  const sim::CompareResult poor = points({{100'000, -1e5}, {200'000, -3e5}});
  std::string none = report::decision_summary(poor, sim::decide(poor), Lang::En);
  EXPECT_NE(none.find("No alternative pays off"), std::string::npos) << none;
}

TEST(DecisionHtml, FrontierLabelsAreWordsAndNeverOverlap) {
  // Twelve alternatives close together: their labels must still stand apart, each in words.
  std::vector<std::pair<double, double>> at;
  for (int i = 0; i < 12; ++i) at.emplace_back(200'000 + 1'000 * i, 1e6 + 10'000 * (i % 3));
  const sim::CompareResult r = points(at);
  const Xml xml = parse_xml(report::decision_html(r, Lang::En));
  Node chart;
  for (const Node svg : all(xml.root, "svg"))
    if (attr(svg, "data-chart") == "frontier") chart = svg;
  ASSERT_TRUE(chart);
  std::vector<double> ys;
  std::string labels;
  for (const Node t : all(chart, "text"))
    if (attr(t, "class") == "point-label") {
      ys.push_back(std::stod(attr(t, "y")));
      labels += inner_text(t) + "\n";
    }
  ASSERT_EQ(ys.size(), 13U);  // the zero alternative and twelve
  std::sort(ys.begin(), ys.end());
  for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_GE(ys[i] - ys[i - 1], 16.0) << labels;
  EXPECT_NE(labels.find("team 13 FTE"), std::string::npos) << labels;
  EXPECT_EQ(labels.find("teams.0"), std::string::npos) << "no raw keys: " << labels;
}

// ---------------------------------------------------------------------------------------------------------------
// Tornado

TEST(Tornado, RanksByTheLargestDeviationFromTheBase) {
  const auto rows = sim::tornado_rows(tornado_fixture());
  ASSERT_EQ(rows.size(), 3U);
  // Team size's ends lie 1.0 and 1.1 million below the base, 100,000 apart: it ranks first although its low-high
  // swing is the smallest but one.
  EXPECT_EQ(rows[0].key, "teams.0.fte");
  EXPECT_EQ(rows[1].key, "teams.0.turnover.yearly");
  EXPECT_EQ(rows[2].key, "mkba.discount_real");
  EXPECT_LT(rows[0].swing(), rows[1].swing());
  EXPECT_DOUBLE_EQ(rows[0].deviation(), 1.1e6);
}

TEST(Tornado, BarsNeverOverlapAndSpeakInWordsAndOneFormat) {
  const sim::CompareResult r = tornado_fixture();
  const Xml xml = parse_xml(report::tornado_html(r, sim::tornado_rows(r), Lang::En));
  Node chart;
  for (const Node svg : all(xml.root, "svg"))
    if (attr(svg, "data-chart") == "tornado") chart = svg;
  ASSERT_TRUE(chart);
  struct Bar {
    double x0, x1, y0, y1;
  };
  std::vector<Bar> bars;
  for (const Node rect : all(chart, "rect"))
    if (!attr(rect, "data-end").empty()) {
      const double x = std::stod(attr(rect, "x")), y = std::stod(attr(rect, "y"));
      bars.push_back({x, x + std::stod(attr(rect, "width")), y, y + std::stod(attr(rect, "height"))});
    }
  ASSERT_EQ(bars.size(), 6U);
  for (std::size_t i = 0; i < bars.size(); ++i)
    for (std::size_t j = i + 1; j < bars.size(); ++j) {
      const Bar &a = bars[i], &b = bars[j];
      const bool overlap = a.x0 < b.x1 - 1e-6 && b.x0 < a.x1 - 1e-6 && a.y0 < b.y1 - 1e-6 && b.y0 < a.y1 - 1e-6;
      EXPECT_FALSE(overlap) << "bars " << i << " and " << j;
    }
  const std::string text = inner_text(chart);
  for (const char* words : {"team size", "2 FTE / 6 FTE", "staff turnover", "5% / 25%", "discount rate", "0% / 5.5%"})
    EXPECT_NE(text.find(words), std::string::npos) << words << "\n" << text;
  EXPECT_EQ(text.find("teams.0"), std::string::npos) << "no raw keys";
  // Tick labels: one unit for the whole axis (not "€ 750,000" beside "€ 1.5 mln").
  std::size_t ticks = 0, in_mln = 0;
  for (const Node t : all(chart, "text")) {
    const std::string s = inner_text(t);
    if (s.starts_with("€ ") && s != "€ 0") ++ticks, in_mln += s.ends_with(" mln") ? 1 : 0;
  }
  EXPECT_GT(ticks, 3U);
  EXPECT_TRUE(in_mln == 0 || in_mln == ticks) << in_mln << " of " << ticks << " ticks in millions";
}

// ---------------------------------------------------------------------------------------------------------------
// Charts: gains above zero, level axes from zero

TEST(ReportHtml, LevelChartsStartAtZero) {
  const Xml xml = parse_xml(report::report_html(fixture(), Lang::En));
  Node svg;
  for (const Node s : all(xml.root, "svg"))
    if (attr(s, "data-chart") == "levels" && attr(s, "data-alternative") == "0") svg = s;
  ASSERT_TRUE(svg);
  std::size_t zeros = 0;
  for (const Node t : all(svg, "text")) zeros += inner_text(t) == "0" ? 1 : 0;
  EXPECT_GE(zeros, 4U) << "every level's panel has a 0 tick";
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook's formulas and comparison sheet

/// The cells of a range "L12:L40" (one column).
std::vector<std::string> column_range(const std::string& range) {
  const std::size_t colon = range.find(':');
  const std::string a = range.substr(0, colon), b = range.substr(colon + 1);
  const std::size_t digits = a.find_first_of("0123456789");
  const std::string col = a.substr(0, digits);
  std::vector<std::string> out;
  for (int row = std::stoi(a.substr(digits)); row <= std::stoi(b.substr(digits)); ++row) out.push_back(col + std::to_string(row));
  return out;
}

TEST(ReportXlsx, FormulasRecomputeTheMkba) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("formulas.xlsx");
  report::write_xlsx(r, Lang::En, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  const std::size_t f = book.sheet("MKBA formulas");
  const auto& formulas = book.formulas[f];
  // The discount rate is the sum of its two parts, and each alternative's rate refers to it.
  bool rate_found = false;
  for (const auto& [ref, formula] : formulas)
    if (formula == "B4+B5") rate_found = std::fabs(book.number(f, ref) - 0.055) < 1e-12;
  EXPECT_TRUE(rate_found);
  for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
    const sim::AlternativeResult& alt = r.alternatives[a];
    const int row = [&] {
      for (int x = 1; x < 200; ++x) {
        const auto it = book.cells[f].find("A" + std::to_string(x));
        if (it != book.cells[f].end() && it->second == alt.label && formulas.count("C" + std::to_string(x))) return x;
      }
      return 0;
    }();
    ASSERT_GT(row, 0) << alt.label;
    const std::string n = std::to_string(row);
    // What the formulas must give: the discounted mean costs and benefits.
    std::array<double, 3> cost{}, benefit{};
    for (std::size_t y = 0; y < kYears; ++y)
      for (std::size_t p = 0; p < kPocketCount; ++p) {
        const double df = 1.0 / std::pow(1.055, static_cast<double>(y));
        for (std::size_t s = 0; s < 3; ++s)
          if (sim::in_scope(static_cast<sim::Scope>(s), static_cast<Pocket>(p))) {
            cost[s] += (alt.investment_by_year[y][p].mean + alt.extra_care_by_year[y][p].mean) * df;
            benefit[s] += alt.avoided_by_year[y][p].mean * df;
          }
      }
    for (std::size_t s = 0; s < 3; ++s) {
      const std::array<char, 4> cols{static_cast<char>('C' + 4 * s), static_cast<char>('D' + 4 * s),
                                     static_cast<char>('E' + 4 * s), static_cast<char>('F' + 4 * s)};
      const std::string pv_cost = std::string(1, cols[0]) + n, pv_benefit = std::string(1, cols[1]) + n;
      const std::string npv = std::string(1, cols[2]) + n, ratio = std::string(1, cols[3]) + n;
      ASSERT_TRUE(formulas.count(pv_cost) && formulas.count(npv) && formulas.count(ratio)) << alt.label << " " << s;
      EXPECT_NEAR(book.number(f, pv_cost), cost[s], 1e-6 * cost[s]);
      EXPECT_NEAR(book.number(f, pv_benefit), benefit[s], 1e-6 * benefit[s] + 1e-6);
      EXPECT_NEAR(book.number(f, npv), benefit[s] - cost[s], 1e-6 * cost[s]);
      EXPECT_NEAR(book.number(f, ratio), benefit[s] / cost[s], 1e-9);
      EXPECT_EQ(formulas.at(npv), std::string(1, cols[1]) + n + "-" + std::string(1, cols[0]) + n);
      // The sum the formula names adds up to its cached value: the references point at the data rows.
      const std::string& sum = formulas.at(pv_cost);
      const std::size_t open = sum.find('('), comma = sum.find(','), close = sum.find(')');
      double total = 0;
      if (s == 0) {
        for (const std::string& ref : column_range(sum.substr(open + 1, close - open - 1))) total += book.number(f, ref);
      } else {
        const auto values = column_range(sum.substr(open + 1, comma - open - 1));
        const auto flags = column_range(sum.substr(comma + 1, close - comma - 1));
        for (std::size_t i = 0; i < values.size(); ++i) total += book.number(f, values[i]) * book.number(f, flags[i]);
      }
      EXPECT_NEAR(total, book.number(f, pv_cost), 1e-6 * cost[s]) << sum;
    }
  }
}

TEST(ReportXlsx, ComparisonSheetComesFirst) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("comparison.xlsx");
  report::write_xlsx(r, Lang::En, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  ASSERT_EQ(book.sheets.front(), "Comparison");
  EXPECT_EQ(book.cells[0].at("A1"), "#");
  EXPECT_EQ(book.cells[0].at("B1"), "Alternative");
  EXPECT_EQ(book.cells[0].at("C1"), "Team budget a year");
  const sim::Decision d = sim::decide(r);
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    const sim::AlternativeResult& a = r.alternatives[d.rows[i].alternative];
    const std::string n = std::to_string(i + 2);
    EXPECT_EQ(book.cells[0].at("B" + n), a.label);
    EXPECT_DOUBLE_EQ(book.number(0, "C" + n), sim::budget_stat(a).mean);
    EXPECT_DOUBLE_EQ(book.number(0, "F" + n), a.ratio[0].mean);
    EXPECT_DOUBLE_EQ(book.number(0, "L" + n), a.ratio[2].mean);
    EXPECT_DOUBLE_EQ(book.number(0, "O" + n), a.npv[0].mean);
  }
  bool summary = false;
  for (const auto& [ref, value] : book.cells[0]) summary = summary || value.starts_with("The figures");
  EXPECT_TRUE(summary);
}

}  // namespace
}  // namespace wijksim
