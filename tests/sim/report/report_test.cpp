// report.html and mkba.xlsx from a small hand-built CompareResult: the page is well-formed XML (read with pugixml),
// every chart has drawn data, labels follow the language; the workbook unzips into the four sheets and its summary
// reads back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "sim/labels/labels.hpp"
#include "sim/report/report_html.hpp"
#include "sim/report/report_xlsx.hpp"

namespace wijksim {
namespace {

using labels::Lang;
using services::kPocketCount;
using services::Pocket;
using sim::Stat;

// ---------------------------------------------------------------------------------------------------------------
// XML through pugixml, with the checks of well-formedness pugixml leaves out: one root element and nothing but
// white space beside it, unique attributes, entities known or numeric.

using Node = pugi::xml_node;

/// A parsed document and its one root element.
struct Xml {
  std::shared_ptr<pugi::xml_document> doc;
  Node root;
};

/// Every element below (and including) e with the name, in document order.
void collect(Node e, std::string_view name, std::vector<Node>& out) {
  if (e.type() == pugi::node_element && e.name() == name) out.push_back(e);
  for (Node child : e.children()) collect(child, name, out);
}
std::vector<Node> all(Node e, std::string_view name) {
  std::vector<Node> out;
  collect(e, name, out);
  return out;
}
/// All text inside e, children included.
std::string inner_text(Node e) {
  if (e.type() == pugi::node_pcdata || e.type() == pugi::node_cdata) return e.value();
  std::string out;
  for (Node child : e.children()) out += inner_text(child);
  return out;
}
std::string attr(Node e, const char* key) { return e.attribute(key).value(); }

/// Every '&' of raw (undecoded) text starts a known or a numeric entity.
void check_entities(std::string_view raw) {
  for (std::size_t at = raw.find('&'); at != std::string_view::npos; at = raw.find('&', at + 1)) {
    const std::size_t semi = raw.find(';', at);
    const std::string_view entity = raw.substr(at + 1, semi == std::string_view::npos ? 0 : semi - at - 1);
    const bool named = entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" || entity == "apos";
    const bool decimal = entity.size() > 1 && entity[0] == '#' &&
                         entity.find_first_not_of("0123456789", 1) == std::string_view::npos;
    const bool hex = entity.size() > 2 && entity.substr(0, 2) == "#x" &&
                     entity.find_first_not_of("0123456789abcdefABCDEF", 2) == std::string_view::npos;
    if (!named && !decimal && !hex) throw std::runtime_error("bare '&' or unknown entity: '" + std::string(raw) + "'");
  }
}

/// Attributes unique per element, entities in text and attributes valid, below (and including) e.
void check_raw(Node e) {
  if (e.type() == pugi::node_pcdata) check_entities(e.value());
  std::set<std::string_view> names;
  for (const pugi::xml_attribute a : e.attributes()) {
    if (!names.insert(a.name()).second) throw std::runtime_error(std::string("duplicate attribute ") + a.name());
    check_entities(a.value());
  }
  for (Node child : e.children()) check_raw(child);
}

/// The document; throws std::runtime_error at the first fault.
Xml parse_xml(std::string_view text) {
  constexpr unsigned kOptions = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment;
  pugi::xml_document raw;  // entities left as written, to check them
  const pugi::xml_parse_result checked = raw.load_buffer(text.data(), text.size(), kOptions & ~pugi::parse_escapes);
  if (!checked) throw std::runtime_error(std::string(checked.description()) + " at offset " +
                                         std::to_string(checked.offset));
  Node root;
  for (Node child : raw.children()) {
    const bool blank = child.type() == pugi::node_pcdata &&
                       std::string_view(child.value()).find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (child.type() == pugi::node_element && !root) root = child;
    else if (child.type() == pugi::node_element || (child.type() == pugi::node_pcdata && !blank))
      throw std::runtime_error("content after the root element");
  }
  if (!root) throw std::runtime_error("no root element");
  check_raw(raw);
  Xml xml{std::make_shared<pugi::xml_document>(), {}};
  xml.doc->load_buffer(text.data(), text.size(), kOptions);
  xml.root = xml.doc->document_element();
  return xml;
}

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

sim::CompareResult fixture() {
  sim::CompareResult r;
  r.zero_name = "district & co";  // an ampersand must be escaped
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
  r.inputs = {{"households", "1000"}, {"discount_rate", "0.055"}, {"team.0.name", "wijkteam <noord>"}};
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
    EXPECT_EQ(all(root, "script").size(), 0U);
    for (const Node link : all(root, "link")) ADD_FAILURE() << "external resource " << attr(link, "href");
    EXPECT_NE(inner_text(root).find("district & co"), std::string::npos);
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

/// Standard output of a command; fails the test when it exits non-zero.
std::string run(const std::string& command) {
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (status != 0) throw std::runtime_error(command + " exited with " + std::to_string(status));
  return out;
}

/// A workbook read back: sheet names in order and each sheet's cells by reference ("B3"), text or number.
struct Workbook {
  std::vector<std::string> sheets;
  std::vector<std::map<std::string, std::string>> cells;
  std::vector<std::map<std::string, bool>> is_number;

  explicit Workbook(const std::filesystem::path& file) {
    const std::string unzip = "unzip -p '" + file.string() + "' ";
    const Xml workbook = parse_xml(run(unzip + "xl/workbook.xml"));
    for (const Node s : all(workbook.root, "sheet")) sheets.push_back(attr(s, "name"));
    std::vector<std::string> strings;
    const Xml shared_strings = parse_xml(run(unzip + "xl/sharedStrings.xml"));
    for (const Node si : all(shared_strings.root, "si")) strings.push_back(inner_text(si));
    for (std::size_t i = 1; i <= sheets.size(); ++i) {
      auto& sheet = cells.emplace_back();
      auto& numeric = is_number.emplace_back();
      const Xml xml = parse_xml(run(unzip + "xl/worksheets/sheet" + std::to_string(i) + ".xml"));
      for (const Node c : all(xml.root, "c")) {
        const auto v = all(c, "v");
        if (v.empty()) continue;
        const bool shared = attr(c, "t") == "s";
        const std::string value = v[0].child_value();
        sheet[attr(c, "r")] = shared ? strings.at(std::stoul(value)) : value;
        numeric[attr(c, "r")] = attr(c, "t").empty();
      }
    }
  }
  /// The row number (1-based) of the first row whose column A and B hold these texts; 0 if none.
  int row_of(std::size_t sheet, const std::string& a, const std::string& b) const {
    for (int row = 1; row < 2000; ++row) {
      const auto ca = cells[sheet].find("A" + std::to_string(row)), cb = cells[sheet].find("B" + std::to_string(row));
      if (ca != cells[sheet].end() && cb != cells[sheet].end() && ca->second == a && cb->second == b) return row;
    }
    return 0;
  }
  std::size_t rows(std::size_t sheet) const {
    std::set<std::string> numbers;
    for (const auto& [ref, value] : cells[sheet]) numbers.insert(ref.substr(ref.find_first_of("0123456789")));
    return numbers.size();
  }
};

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("wijksim_report_" + std::to_string(::getpid()) + "_" + name);
}

TEST(ReportXlsx, SummaryReadsBack) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("summary.xlsx");
  report::write_xlsx(r, Lang::En, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  EXPECT_EQ(book.sheets, (std::vector<std::string>{"Summary", "Per pocket", "Per year", "Inputs"}));
  EXPECT_EQ(book.cells[0].at("A1"), "Alternative");
  const int row = book.row_of(0, "team (continuous)", "Societal ratio");
  ASSERT_GT(row, 1);
  const std::string mean = "C" + std::to_string(row);
  EXPECT_TRUE(book.is_number[0].at(mean));
  EXPECT_DOUBLE_EQ(std::stod(book.cells[0].at(mean)), kSocietalRatio);
  EXPECT_DOUBLE_EQ(std::stod(book.cells[0].at("F" + std::to_string(row))), 0.85);
  const int municipal = book.row_of(0, "team (cohort)", "Municipal ratio");
  ASSERT_GT(municipal, row);
  EXPECT_DOUBLE_EQ(std::stod(book.cells[0].at("C" + std::to_string(municipal))), 0.45 * 0.7);
  bool found = false;  // the general rows leave column A empty
  for (const auto& [ref, value] : book.cells[0])
    if (value == "Replications") found = book.cells[0].at("C" + ref.substr(1)) == "20";
  EXPECT_TRUE(found);
}

TEST(ReportXlsx, SheetsHoldEveryRowAsNumbers) {
  const sim::CompareResult r = fixture();
  const auto file = temp_file("rows.xlsx");
  report::write_xlsx(r, Lang::Nl, file);
  const Workbook book(file);
  std::filesystem::remove(file);
  EXPECT_EQ(book.sheets, (std::vector<std::string>{"Samenvatting", "Per financier", "Per jaar", "Invoer"}));
  EXPECT_EQ(book.rows(1), 1 + 2 * kPocketCount);           // header, alternatives x pockets
  EXPECT_EQ(book.rows(2), 1 + 3 * kPocketCount * kYears);  // header, zero and alternatives x pockets x years
  EXPECT_EQ(book.rows(3), 1 + r.inputs.size());
  const int youth = book.row_of(1, "team (doorlopend)", "Gemeente: jeugdhulp");  // the mode in Dutch too
  ASSERT_GT(youth, 1);
  EXPECT_TRUE(book.is_number[1].at("C" + std::to_string(youth)));
  EXPECT_DOUBLE_EQ(std::stod(book.cells[1].at("C" + std::to_string(youth))),
                   r.alternatives[0].npv_by_pocket[at(Pocket::MunicipalityYouth)].mean);
  EXPECT_TRUE(book.is_number[3].at("B2"));  // "1000" is written as a number
  EXPECT_FALSE(book.is_number[3].at("B4"));
  EXPECT_EQ(book.cells[3].at("B4"), "wijkteam <noord>");
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

}  // namespace
}  // namespace wijksim
