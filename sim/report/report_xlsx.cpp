// mkba.xlsx: reads a CompareResult, writes four sheets through libxlsxwriter. Every sheet is a long table with one
// frozen header row, so it filters and pivots in a spreadsheet program.
#include "sim/report/report_xlsx.hpp"

#include "sim/batch/decision.hpp"
#include "sim/report/decision.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <charconv>
#include <ctime>
#include <optional>
#include <vector>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

namespace wijksim::report {

using namespace labels;  // the reports speak in the shared labels
namespace {

using services::kPocketCount;
using sim::AlternativeResult;
using sim::CompareResult;
using sim::Scope;
using sim::Stat;

/// The text with its first letter in upper case (labels shared with the charts start in lower case).
std::string capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// The creation time in every workbook's properties: 2021-01-01 00:00 UTC (the standard discount rate's year).
constexpr std::time_t kCreated = 1609459200;

/// A workbook being written, with its number formats; freed without writing if never closed.
class Book {
 public:
  explicit Book(const std::filesystem::path& file) : file_(file), book_(workbook_new(file.string().c_str())) {
    if (book_ == nullptr) throw std::runtime_error(fmt::format("mkba.xlsx: cannot create workbook {}", file_.string()));
    // The document's creation time is a fixed date, not the clock's: the same inputs give the same bytes.
    lxw_doc_properties properties{};
    properties.created = kCreated;
    check(workbook_set_properties(book_, &properties));
    header = add_format();
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    euro = number_format("\"€ \"#,##0");
    ratio = number_format("0.00");
    percent = number_format("0%");
    rate = number_format("0.0%");
    count = number_format("#,##0");
    decimal = number_format("#,##0.0");
    decimal4 = number_format("0.0000");
    general = nullptr;
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  ~Book() {
    if (book_ != nullptr) lxw_workbook_free(book_);
  }

  lxw_worksheet* add_sheet(std::string_view name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, std::string(name).c_str());
    if (sheet == nullptr)
      throw std::runtime_error(fmt::format("mkba.xlsx: cannot add sheet '{}' to {}", name, file_.string()));
    return sheet;
  }
  /// Throw on a libxlsxwriter error.
  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR)
      throw std::runtime_error(fmt::format("mkba.xlsx: cannot write {}: {}", file_.string(), lxw_strerror(error)));
  }
  /// Write the file and free the workbook.
  void close() { check(workbook_close(std::exchange(book_, nullptr))); }

  lxw_format *header, *euro, *ratio, *percent, *rate, *count, *decimal, *decimal4, *general;

 private:
  lxw_format* add_format() {
    lxw_format* format = workbook_add_format(book_);
    if (format == nullptr) throw std::runtime_error(fmt::format("mkba.xlsx: out of memory writing {}", file_.string()));
    return format;
  }
  lxw_format* number_format(const char* code) {
    lxw_format* format = add_format();
    format_set_num_format(format, code);
    return format;
  }

  std::filesystem::path file_;
  lxw_workbook* book_;
};

/// A column of a sheet: its header and width in characters.
struct Column {
  std::string title;
  double width;
};

/// One sheet written row by row, left to right.
class Sheet {
 public:
  Sheet(Book& book, std::string_view name, std::span<const Column> columns)
      : book_(book), sheet_(book.add_sheet(name)) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      book_.check(worksheet_set_column(sheet_, col, col, columns[i].width, nullptr));
      book_.check(worksheet_write_string(sheet_, 0, col, columns[i].title.c_str(), book_.header));
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }
  /// Start the next row.
  Sheet& row() {
    ++row_, col_ = 0;
    return *this;
  }
  Sheet& text(std::string_view s) {
    book_.check(worksheet_write_string(sheet_, row_, col_++, std::string(s).c_str(), nullptr));
    return *this;
  }
  /// A number in the format; a value that is not finite (an undefined ratio) is written as "n/a".
  Sheet& number(double value, lxw_format* format, Lang lang) {
    if (!std::isfinite(value)) return text(report::text(Text::NotAvailable, lang));
    book_.check(worksheet_write_number(sheet_, row_, col_++, value, format));
    return *this;
  }
  /// Mean, 95% CI low and high.
  Sheet& stat(const Stat& s, lxw_format* format, Lang lang) {
    return number(s.mean, format, lang).number(s.ci_low, format, lang).number(s.ci_high, format, lang);
  }
  Sheet& skip(lxw_col_t columns = 1) {
    col_ = static_cast<lxw_col_t>(col_ + columns);
    return *this;
  }
  /// A formula with the value it gives (cached, so a reader that does not compute sees the result too); a result
  /// that is not finite is cached as "n/a", which the formula also gives then.
  Sheet& formula(const std::string& f, double cached, lxw_format* format, Lang lang) {
    const lxw_error e = std::isfinite(cached)
                            ? worksheet_write_formula_num(sheet_, row_, col_, f.c_str(), format, cached)
                            : worksheet_write_formula_str(sheet_, row_, col_, f.c_str(), format,
                                                          std::string(report::text(Text::NotAvailable, lang)).c_str());
    book_.check(e);
    ++col_;
    return *this;
  }
  /// A row of headers in the middle of the sheet (the next row).
  Sheet& headers(std::span<const std::string> titles) {
    row();
    for (const std::string& t : titles) book_.check(worksheet_write_string(sheet_, row_, col_++, t.c_str(), book_.header));
    return *this;
  }
  /// The current row as Excel numbers it (1-based) and a cell reference in it ("C12").
  lxw_row_t excel_row() const { return row_ + 1; }
  static std::string ref(lxw_col_t col, lxw_row_t excel_row) {
    std::string letters;
    for (unsigned c = col + 1U; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(excel_row);
  }

 private:
  Book& book_;
  lxw_worksheet* sheet_;
  lxw_row_t row_ = 0;
  lxw_col_t col_ = 0;
};

std::string label(Text key, Lang lang) { return std::string(text(key, lang)); }

std::string lowered(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}
std::string_view say(Lang lang, std::string_view en, std::string_view nl) { return lang == Lang::Nl ? nl : en; }
std::string pocket_name(std::size_t p, Lang lang) { return std::string(pocket_label(static_cast<services::Pocket>(p), lang)); }

/// What each pocket paid for the teams over the horizon (undiscounted).
std::array<double, kPocketCount> team_paid(const AlternativeResult& a) {
  std::array<double, kPocketCount> paid{};
  for (const auto& year : a.team_by_year)
    for (std::size_t p = 0; p < kPocketCount; ++p) paid[p] += year[p].mean;
  return paid;
}

void summary_rows(Sheet& sheet, const Book& book, const CompareResult& r, const AlternativeResult& a, Lang lang) {
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(ratio_label(static_cast<Scope>(s), lang))
        .stat(a.ratio[s], book.ratio, lang)
        .number(a.p_above_1[s], book.percent, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(fmt::format("{} ({})", text(Text::Npv, lang), scope_label(static_cast<Scope>(s), lang)))
        .stat(a.npv[s], book.euro, lang);
  for (std::size_t s = 0; s < 3; ++s) {
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(fmt::format(fmt::runtime(text(Text::ColPayback, lang)), lowered(scope_label(static_cast<Scope>(s), lang))));
    if (a.payback_by_scope[s])
      sheet.number(*a.payback_by_scope[s], book.count, lang);
    else
      sheet.text(text(Text::PaybackNone, lang));
  }
  sheet.row()
      .text(alternative_label(a.scenario, a.caption, a.mode, lang))
      .text(text(Text::NpvPerHousehold, lang))
      .number(r.households > 0 ? a.npv[0].mean / r.households : NAN, book.euro, lang);
  sheet.row()
      .text(alternative_label(a.scenario, a.caption, a.mode, lang))
      .text(text(Text::NpvPerIntake, lang))
      .number(a.intakes.mean > 0 ? a.npv[0].mean / a.intakes.mean : NAN, book.euro, lang);
  sheet.row().text(alternative_label(a.scenario, a.caption, a.mode, lang)).text(text(Text::TeamCost, lang)).stat(a.team_cost, book.euro, lang);
  sheet.row().text(alternative_label(a.scenario, a.caption, a.mode, lang)).text(capitalized(text(Text::Intakes, lang))).stat(a.intakes, book.decimal, lang);
  for (std::size_t p = 0; p < kPocketCount; ++p)
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(fmt::format(fmt::runtime(text(Text::PocketNpv, lang)),
                          pocket_label(static_cast<services::Pocket>(p), lang)))
        .stat(a.npv_by_pocket[p], book.euro, lang);
  if (!a.static_estimate) return;
  const sim::StaticEstimate& e = *a.static_estimate;
  const std::string prefix = capitalized(text(Text::Static, lang)) + ": ";
  sheet.row().text(alternative_label(a.scenario, a.caption, a.mode, lang)).text(prefix + label(Text::Fte, lang)).number(e.fte, book.ratio, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(prefix + std::string(ratio_label(static_cast<Scope>(s), lang)))
        .number(e.ratio[s], book.ratio, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.caption, a.mode, lang))
        .text(prefix + fmt::format("{} ({})", text(Text::Npv, lang), scope_label(static_cast<Scope>(s), lang)))
        .number(e.npv[s], book.euro, lang);
}

void write_summary(Book& book, const CompareResult& r, Lang lang) {
  const std::array<Column, 6> columns{{{label(Text::Alternative, lang), 34},
                                       {label(Text::Measure, lang), 48},
                                       {label(Text::Mean, lang), 16},
                                       {label(Text::CiLow, lang), 16},
                                       {label(Text::CiHigh, lang), 16},
                                       {label(Text::ShareAbove1Header, lang), 28}}};
  Sheet sheet(book, text(Text::SheetSummary, lang), columns);
  sheet.row().skip().text(capitalized(text(Text::ZeroAlternative, lang))).text(r.zero_name);
  sheet.row().skip().text(text(Text::Replications, lang)).number(r.replications, book.count, lang);
  sheet.row().skip().text(capitalized(text(Text::Households, lang))).number(r.households, book.count, lang);
  sheet.row().skip().text(text(Text::Months, lang)).number(r.months, book.count, lang);
  sheet.row().skip().text(text(Text::DiscountRate, lang)).number(r.discount_rate, book.rate, lang)
      .skip(2).text(discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang));
  for (const AlternativeResult& a : r.alternatives) summary_rows(sheet, book, r, a, lang);
}

void write_per_pocket(Book& book, const CompareResult& r, Lang lang) {
  const std::string npv = label(Text::NpvGain, lang), budget = label(Text::BudgetAfter2y, lang);
  const std::array<Column, 9> columns{{{label(Text::Alternative, lang), 34},
                                       {label(Text::Pocket, lang), 36},
                                       {npv, 18},
                                       {npv + ", " + label(Text::CiLow, lang), 18},
                                       {npv + ", " + label(Text::CiHigh, lang), 18},
                                       {budget, 18},
                                       {budget + ", " + label(Text::CiLow, lang), 18},
                                       {budget + ", " + label(Text::CiHigh, lang), 18},
                                       {label(Text::PaidForTeam, lang), 18}}};
  Sheet sheet(book, text(Text::SheetPerPocket, lang), columns);
  for (const AlternativeResult& a : r.alternatives) {
    const auto paid = team_paid(a);
    for (std::size_t p = 0; p < kPocketCount; ++p)
      sheet.row()
          .text(alternative_label(a.scenario, a.caption, a.mode, lang))
          .text(pocket_label(static_cast<services::Pocket>(p), lang))
          .stat(a.npv_by_pocket[p], book.euro, lang)
          .stat(a.budget_after_2y[p], book.euro, lang)
          .number(paid[p], book.euro, lang);
  }
}

void write_per_year(Book& book, const CompareResult& r, Lang lang) {
  const std::string cost = label(Text::Cost, lang), diff = label(Text::Difference, lang);
  const std::array<Column, 10> columns{{{label(Text::Alternative, lang), 34},
                                        {label(Text::Pocket, lang), 36},
                                        {capitalized(text(Text::Year, lang)), 8},
                                        {cost, 16},
                                        {cost + ", " + label(Text::CiLow, lang), 16},
                                        {cost + ", " + label(Text::CiHigh, lang), 16},
                                        {diff, 18},
                                        {diff + ", " + label(Text::CiLow, lang), 18},
                                        {diff + ", " + label(Text::CiHigh, lang), 18},
                                        {label(Text::PaidForTeam, lang), 16}}};
  Sheet sheet(book, text(Text::SheetPerYear, lang), columns);
  const std::string zero = fmt::format("{} ({})", r.zero_name, text(Text::ZeroAlternative, lang));
  for (std::size_t p = 0; p < kPocketCount; ++p)
    for (std::size_t y = 0; y < r.zero_cost_by_year.size(); ++y)
      sheet.row()
          .text(zero)
          .text(pocket_label(static_cast<services::Pocket>(p), lang))
          .number(static_cast<double>(y), book.count, lang)
          .stat(r.zero_cost_by_year[y][p], book.euro, lang);
  for (const AlternativeResult& a : r.alternatives)
    for (std::size_t p = 0; p < kPocketCount; ++p)
      for (std::size_t y = 0; y < a.cost_by_year.size(); ++y) {
        sheet.row()
            .text(alternative_label(a.scenario, a.caption, a.mode, lang))
            .text(pocket_label(static_cast<services::Pocket>(p), lang))
            .number(static_cast<double>(y), book.count, lang)
            .stat(a.cost_by_year[y][p], book.euro, lang);
        if (y < a.diff_by_year.size()) sheet.stat(a.diff_by_year[y][p], book.euro, lang);
        if (y < a.team_by_year.size()) sheet.number(a.team_by_year[y][p].mean, book.euro, lang);
      }
}

/// The value as a number when the whole text is one, else none.
std::optional<double> as_number(std::string_view s) {
  double value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

void write_inputs(Book& book, const CompareResult& r, Lang lang) {
  const std::array<Column, 3> columns{
      {{label(Text::Input, lang), 52}, {label(Text::Value, lang), 30}, {label(Text::SourceNote, lang), 70}}};
  Sheet sheet(book, text(Text::SheetInputs, lang), columns);
  for (const sim::Input& input : r.inputs) {
    sheet.row().text(input.key);
    if (const auto number = as_number(input.value))
      sheet.number(*number, book.general, lang);
    else
      sheet.text(input.value);
    if (!input.source.empty()) sheet.text(input.source);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison: the decision page as a sheet.

std::vector<std::string> with_interval(const std::string& title, Lang lang) {
  return {title, title + ", " + label(Text::CiLow, lang), title + ", " + label(Text::CiHigh, lang)};
}

void step_rows(Sheet& sheet, const Book& book, const std::string& name, const sim::Increment& inc, Lang lang,
               std::optional<std::size_t> pairs = std::nullopt) {
  sheet.row().text(name);
  if (pairs) sheet.number(static_cast<double>(*pairs), book.count, lang);
  sheet.stat(inc.budget, book.euro, lang)
      .stat(inc.npv[0], book.euro, lang)
      .stat(inc.ratio, book.ratio, lang)
      .stat(inc.npv[2], book.euro, lang)
      .number(inc.p_better, book.percent, lang);
}

std::vector<std::string> step_headers(const std::string& first, bool pairs, Lang lang) {
  std::vector<std::string> t{first};
  if (pairs) t.push_back(label(Text::ColPairs, lang));
  for (const Text key : {Text::ColExtraBudget, Text::ColExtraNpv, Text::ColIncRatio, Text::ColExtraMunicipal}) {
    std::string title = label(key, lang);
    if (const auto bracket = title.find(" ["); bracket != std::string::npos) title.erase(bracket);
    const auto three = with_interval(title, lang);
    t.insert(t.end(), three.begin(), three.end());
  }
  t.push_back(label(Text::ColShareBetter, lang));
  return t;
}

void write_comparison(Book& book, const CompareResult& r, Lang lang) {
  const sim::Decision d = sim::decide(r);
  std::vector<std::string> titles{"#", label(Text::Alternative, lang)};
  const auto add = [&](std::vector<std::string> more) { titles.insert(titles.end(), more.begin(), more.end()); };
  add(with_interval(label(Text::ColTeamBudget, lang), lang));
  for (std::size_t s = 0; s < 3; ++s) add(with_interval(std::string(ratio_label(static_cast<Scope>(s), lang)), lang));
  add(with_interval(fmt::format("{} ({})", text(Text::Npv, lang), lowered(scope_label(Scope::Societal, lang))), lang));
  for (std::size_t s = 0; s < 3; ++s)
    titles.push_back(fmt::format(fmt::runtime(text(Text::ColPayback, lang)), lowered(scope_label(static_cast<Scope>(s), lang))));
  add({label(Text::ColMunicipal2y, lang), label(Text::ColOther2y, lang), label(Text::BudgetAfter2y, lang),
       label(Text::ColPaysMost, lang), label(Text::NpvGain, lang), label(Text::ColGainsMost, lang),
       label(Text::NpvGain, lang), std::string(say(lang, "Dominated by", "Gedomineerd door")),
       std::string(say(lang, "The summary's choice", "Keuze in de samenvatting"))});
  std::vector<Column> columns;
  for (std::size_t i = 0; i < titles.size(); ++i) columns.push_back({titles[i], i == 0 ? 5.0 : i == 1 ? 40.0 : 15.0});
  Sheet sheet(book, text(Text::SheetComparison, lang), columns);
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    const sim::DecisionRow& row = d.rows[i];
    const AlternativeResult& a = r.alternatives[row.alternative];
    sheet.row().number(static_cast<double>(i + 1), book.count, lang).text(alternative_title(r, row.alternative, lang));
    sheet.stat(row.budget, book.euro, lang);
    for (std::size_t s = 0; s < 3; ++s) sheet.stat(a.ratio[s], book.ratio, lang);
    sheet.stat(a.npv[0], book.euro, lang);
    for (std::size_t s = 0; s < 3; ++s) {
      if (a.payback_by_scope[s])
        sheet.number(*a.payback_by_scope[s], book.count, lang);
      else
        sheet.text(text(Text::PaybackNone, lang));
    }
    sheet.number(row.municipal_2y, book.euro, lang)
        .text(pocket_name(row.other_pocket, lang))
        .number(a.budget_after_2y[row.other_pocket].mean, book.euro, lang)
        .text(pocket_name(row.pays_most, lang))
        .number(a.npv_by_pocket[row.pays_most].mean, book.euro, lang)
        .text(pocket_name(row.gains_most, lang))
        .number(a.npv_by_pocket[row.gains_most].mean, book.euro, lang)
        .text(row.dominated_by ? alternative_title(r, *row.dominated_by, lang) : "")
        .text(row.alternative == d.choice ? say(lang, "yes", "ja") : "");
  }
  sheet.row();
  sheet.row().text(label(Text::DecisionSummary, lang)).text(decision_summary(r, d, lang));
  sheet.row();
  const auto step_titles = step_headers(label(Text::ColStep, lang), false, lang);
  sheet.headers(step_titles);
  for (const sim::Step& step : d.steps) step_rows(sheet, book, step_title(r, step, lang), step.increment, lang);
  if (r.setting_effects.empty()) return;
  sheet.row();
  const auto effect_titles = step_headers(label(Text::SettingEffectsTitle, lang), true, lang);
  sheet.headers(effect_titles);
  for (const sim::SettingEffect& e : r.setting_effects)
    step_rows(sheet, book,
              fmt::format(fmt::runtime(text(Text::SettingStep, lang)), setting_text(e.key, e.to, lang),
                          setting_text(e.key, e.from, lang)),
              e.effect, lang, e.pairs);
}

// ---------------------------------------------------------------------------------------------------------------
// MKBA formulas: present values, NPVs and ratios computed by the spreadsheet from each alternative's mean
// investment, extra care and avoided costs per pocket and year, so a planner can change the discount rate, the team's
// cost or a pocket's prices and see the MKBA follow.

/// The Excel row (1-based) of each input cell of the formulas sheet.
struct FormulaInputs {
  lxw_row_t real = 0, premium = 0, rate = 0, team_factor = 0;
  std::array<lxw_row_t, kPocketCount> pocket{};  ///< the pocket's price factor
};

void write_formulas(Book& book, const CompareResult& r, Lang lang) {
  const std::array<Column, 13> columns{{{label(Text::Alternative, lang), 40},
                                        {label(Text::Pocket, lang), 34},
                                        {capitalized(text(Text::Year, lang)), 12},
                                        {std::string(scope_label(Scope::Municipal, lang)), 12},
                                        {std::string(say(lang, "Money", "Geld")), 10},
                                        {std::string(say(lang, "Investment", "Investering")), 14},
                                        {capitalized(text(Text::ExtraCare, lang)), 14},
                                        {capitalized(text(Text::AvoidedCosts, lang)), 14},
                                        {std::string(say(lang, "Discount factor", "Disconteringsfactor")), 14},
                                        {label(Text::Cost, lang), 14},
                                        {std::string(say(lang, "Benefit", "Baten")), 14},
                                        {std::string(say(lang, "Discounted cost", "Verdisconteerde kosten")), 16},
                                        {std::string(say(lang, "Discounted benefit", "Verdisconteerde baten")), 16}}};
  // The first row names the sheet; the columns' titles head the data rows further down.
  std::array<Column, 13> widths;
  for (std::size_t i = 0; i < widths.size(); ++i) widths[i] = {i == 0 ? label(Text::SheetFormulas, lang) : "", columns[i].width};
  Sheet sheet(book, text(Text::SheetFormulas, lang), widths);
  sheet.row().text(say(lang,
                       "The MKBA in formulas, from each alternative's mean investment, extra care and avoided costs per "
                       "pocket and year (below). Change the discount rate, the team cost factor or a pocket's price "
                       "factor: present values, NPVs and ratios recompute. The factors scale the simulated amounts; the "
                       "simulation is not run again, so households do not respond to the change. The ratios here are "
                       "those of the mean present values (mkba.json: ratio_of_mean_pv).",
                       "De MKBA in formules, uit de gemiddelde investering, extra zorg en vermeden kosten per financier "
                       "en jaar van elk alternatief (hieronder). Verander de discontovoet, de factor voor de teamkosten "
                       "of de prijsfactor van een financier: contante waarden, NCW's en ratio's rekenen mee. De factoren "
                       "schalen de gesimuleerde bedragen; de simulatie loopt niet opnieuw, dus huishoudens reageren niet "
                       "op de wijziging. De ratio's hier zijn die van de gemiddelde contante waarden (mkba.json: "
                       "ratio_of_mean_pv)."));
  FormulaInputs in;
  sheet.row();
  sheet.row().text(say(lang, "Real (risk-free) discount rate", "Reële (risicovrije) discontovoet"))
      .number(r.discount_real, book.rate, lang)
      .text(discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang));
  in.real = sheet.excel_row();
  sheet.row().text(say(lang, "Risk premium", "Risicopremie")).number(r.risk_premium, book.rate, lang);
  in.premium = sheet.excel_row();
  sheet.row().text(label(Text::DiscountRate, lang))
      .formula(fmt::format("={}+{}", Sheet::ref(1, in.real), Sheet::ref(1, in.premium)), r.discount_rate, book.rate, lang);
  in.rate = sheet.excel_row();
  sheet.row().text(say(lang, "Team cost factor (1 = as simulated)", "Factor teamkosten (1 = zoals gesimuleerd)"))
      .number(1.0, book.ratio, lang);
  in.team_factor = sheet.excel_row();
  sheet.row();
  const std::array<std::string, 4> pocket_titles{label(Text::Pocket, lang),
                                                 std::string(say(lang, "Price factor (1 = as simulated)",
                                                                 "Prijsfactor (1 = zoals gesimuleerd)")),
                                                 std::string(scope_label(Scope::Municipal, lang)),
                                                 std::string(say(lang, "Money", "Geld"))};
  sheet.headers(pocket_titles);
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    const auto pocket = static_cast<services::Pocket>(p);
    sheet.row().text(pocket_name(p, lang)).number(1.0, book.ratio, lang)
        .number(services::is_municipal(pocket) ? 1.0 : 0.0, book.count, lang)
        .number(services::is_money(pocket) ? 1.0 : 0.0, book.count, lang);
    in.pocket[p] = sheet.excel_row();
  }
  // The results block, one row per alternative, then the data rows it sums.
  sheet.row();
  std::vector<std::string> result_titles{label(Text::Alternative, lang), label(Text::DiscountRate, lang)};
  for (std::size_t s = 0; s < 3; ++s) {
    const std::string scope = lowered(scope_label(static_cast<Scope>(s), lang));
    for (const std::string_view what : {say(lang, "PV cost", "CW kosten"), say(lang, "PV benefit", "CW baten"),
                                        say(lang, "NPV", "NCW"), say(lang, "ratio", "ratio")})
      result_titles.push_back(fmt::format("{} {}", what, scope));
  }
  sheet.headers(result_titles);
  const lxw_row_t first_result = sheet.excel_row() + 1;
  const std::size_t years = r.alternatives.empty() ? 0 : r.alternatives.front().investment_by_year.size();
  // Data rows start after the results block, a blank row and the data headers.
  const lxw_row_t first_data = first_result + static_cast<lxw_row_t>(r.alternatives.size()) + 2;
  for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
    const AlternativeResult& alt = r.alternatives[a];
    const lxw_row_t row = first_result + static_cast<lxw_row_t>(a);
    const lxw_row_t f = first_data + static_cast<lxw_row_t>(a * kPocketCount * years);
    const lxw_row_t l = f + static_cast<lxw_row_t>(kPocketCount * years) - 1;
    // What the formulas give with every factor at 1, summed in the order of the rows.
    std::array<double, 3> pv_cost{}, pv_benefit{};
    for (std::size_t p = 0; p < kPocketCount; ++p)
      for (std::size_t y = 0; y < years; ++y) {
        const double df = 1.0 / std::pow(1.0 + alt.discount_rate, static_cast<double>(y));
        const double cost = alt.investment_by_year[y][p].mean + alt.extra_care_by_year[y][p].mean;
        const double benefit = alt.avoided_by_year[y][p].mean;
        for (std::size_t s = 0; s < 3; ++s)
          if (sim::in_scope(static_cast<Scope>(s), static_cast<services::Pocket>(p)))
            pv_cost[s] += cost * df, pv_benefit[s] += benefit * df;
      }
    sheet.row().text(alternative_title(r, a, lang));
    if (alt.discount_rate == r.discount_rate)
      sheet.formula(fmt::format("={}", Sheet::ref(1, in.rate)), alt.discount_rate, book.rate, lang);
    else
      sheet.number(alt.discount_rate, book.rate, lang);
    const auto range = [&](lxw_col_t col) { return fmt::format("{}:{}", Sheet::ref(col, f), Sheet::ref(col, l)); };
    for (std::size_t s = 0; s < 3; ++s) {
      // Societal: every pocket; financial: the money pockets (column E); municipal: the five (column D).
      const auto sum = [&](lxw_col_t col) {
        return s == 0 ? fmt::format("=SUM({})", range(col))
                      : fmt::format("=SUMPRODUCT({},{})", range(col), range(s == 1 ? 4 : 3));
      };
      const auto col = static_cast<lxw_col_t>(2 + 4 * s);
      sheet.formula(sum(11), pv_cost[s], book.euro, lang)
          .formula(sum(12), pv_benefit[s], book.euro, lang)
          .formula(fmt::format("={}-{}", Sheet::ref(col + 1, row), Sheet::ref(col, row)), pv_benefit[s] - pv_cost[s],
                   book.euro, lang)
          .formula(fmt::format("=IF({0}>0,{1}/{0},\"{2}\")", Sheet::ref(col, row), Sheet::ref(col + 1, row),
                               text(Text::NotAvailable, lang)),
                   pv_cost[s] > 0 ? pv_benefit[s] / pv_cost[s] : NAN, book.ratio, lang);
    }
  }
  sheet.row();
  std::vector<std::string> data_titles;
  for (const Column& column : columns) data_titles.push_back(column.title);
  sheet.headers(data_titles);
  for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
    const AlternativeResult& alt = r.alternatives[a];
    const std::string rate = fmt::format("$B${}", first_result + static_cast<lxw_row_t>(a));
    for (std::size_t p = 0; p < kPocketCount; ++p)
      for (std::size_t y = 0; y < years; ++y) {
        const auto pocket = static_cast<services::Pocket>(p);
        const double inv = alt.investment_by_year[y][p].mean, extra = alt.extra_care_by_year[y][p].mean;
        const double avoided = alt.avoided_by_year[y][p].mean;
        const double df = 1.0 / std::pow(1.0 + alt.discount_rate, static_cast<double>(y));
        sheet.row().text(alternative_title(r, a, lang)).text(pocket_name(p, lang))
            .number(static_cast<double>(y), book.count, lang)
            .number(services::is_municipal(pocket) ? 1.0 : 0.0, book.count, lang)
            .number(services::is_money(pocket) ? 1.0 : 0.0, book.count, lang)
            .number(inv, book.euro, lang).number(extra, book.euro, lang).number(avoided, book.euro, lang);
        const lxw_row_t x = sheet.excel_row();
        const std::string price = "$B$" + std::to_string(in.pocket[p]);
        sheet.formula(fmt::format("=1/(1+{})^{}", rate, Sheet::ref(2, x)), df, book.decimal4, lang)
            .formula(fmt::format("=$B${}*{}+{}*{}", in.team_factor, Sheet::ref(5, x), price, Sheet::ref(6, x)), inv + extra,
                     book.euro, lang)
            .formula(fmt::format("={}*{}", price, Sheet::ref(7, x)), avoided, book.euro, lang)
            .formula(fmt::format("={}*{}", Sheet::ref(9, x), Sheet::ref(8, x)), (inv + extra) * df, book.euro, lang)
            .formula(fmt::format("={}*{}", Sheet::ref(10, x), Sheet::ref(8, x)), avoided * df, book.euro, lang);
      }
  }
}

}  // namespace

void write_xlsx(const CompareResult& result, Lang lang, const std::filesystem::path& file) {
  Book book(file);
  write_comparison(book, result, lang);
  write_summary(book, result, lang);
  write_per_pocket(book, result, lang);
  write_per_year(book, result, lang);
  write_formulas(book, result, lang);
  write_inputs(book, result, lang);
  book.close();
}

}  // namespace wijksim::report
