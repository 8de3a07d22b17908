// mkba.xlsx: reads a CompareResult, writes four sheets through libxlsxwriter. Every sheet is a long table with one
// frozen header row, so it filters and pivots in a spreadsheet program.
#include "sim/report/report_xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <charconv>
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

/// A workbook being written, with its number formats; freed without writing if never closed.
class Book {
 public:
  explicit Book(const std::filesystem::path& file) : file_(file), book_(workbook_new(file.string().c_str())) {
    if (book_ == nullptr) throw std::runtime_error(fmt::format("mkba.xlsx: cannot create workbook {}", file_.string()));
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

  lxw_format *header, *euro, *ratio, *percent, *rate, *count, *decimal, *general;

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

 private:
  Book& book_;
  lxw_worksheet* sheet_;
  lxw_row_t row_ = 0;
  lxw_col_t col_ = 0;
};

std::string label(Text key, Lang lang) { return std::string(text(key, lang)); }

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
        .text(alternative_label(a.scenario, a.mode, lang))
        .text(ratio_label(static_cast<Scope>(s), lang))
        .stat(a.ratio[s], book.ratio, lang)
        .number(a.p_above_1[s], book.percent, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.mode, lang))
        .text(fmt::format("{} ({})", text(Text::Npv, lang), scope_label(static_cast<Scope>(s), lang)))
        .stat(a.npv[s], book.euro, lang);
  sheet.row().text(alternative_label(a.scenario, a.mode, lang)).text(text(Text::Payback, lang));
  if (a.payback_year)
    sheet.number(*a.payback_year, book.count, lang);
  else
    sheet.text(text(Text::PaybackNone, lang));
  sheet.row()
      .text(alternative_label(a.scenario, a.mode, lang))
      .text(text(Text::NpvPerHousehold, lang))
      .number(r.households > 0 ? a.npv[0].mean / r.households : NAN, book.euro, lang);
  sheet.row()
      .text(alternative_label(a.scenario, a.mode, lang))
      .text(text(Text::NpvPerIntake, lang))
      .number(a.intakes.mean > 0 ? a.npv[0].mean / a.intakes.mean : NAN, book.euro, lang);
  sheet.row().text(alternative_label(a.scenario, a.mode, lang)).text(text(Text::TeamCost, lang)).stat(a.team_cost, book.euro, lang);
  sheet.row().text(alternative_label(a.scenario, a.mode, lang)).text(capitalized(text(Text::Intakes, lang))).stat(a.intakes, book.decimal, lang);
  for (std::size_t p = 0; p < kPocketCount; ++p)
    sheet.row()
        .text(alternative_label(a.scenario, a.mode, lang))
        .text(fmt::format(fmt::runtime(text(Text::PocketNpv, lang)),
                          pocket_label(static_cast<services::Pocket>(p), lang)))
        .stat(a.npv_by_pocket[p], book.euro, lang);
  if (!a.static_estimate) return;
  const sim::StaticEstimate& e = *a.static_estimate;
  const std::string prefix = capitalized(text(Text::Static, lang)) + ": ";
  sheet.row().text(alternative_label(a.scenario, a.mode, lang)).text(prefix + label(Text::Fte, lang)).number(e.fte, book.ratio, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.mode, lang))
        .text(prefix + std::string(ratio_label(static_cast<Scope>(s), lang)))
        .number(e.ratio[s], book.ratio, lang);
  for (std::size_t s = 0; s < 3; ++s)
    sheet.row()
        .text(alternative_label(a.scenario, a.mode, lang))
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
  sheet.row().skip().text(text(Text::DiscountRate, lang)).number(r.discount_rate, book.rate, lang);
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
          .text(alternative_label(a.scenario, a.mode, lang))
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
            .text(alternative_label(a.scenario, a.mode, lang))
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
  const std::array<Column, 2> columns{{{label(Text::Input, lang), 44}, {label(Text::Value, lang), 40}}};
  Sheet sheet(book, text(Text::SheetInputs, lang), columns);
  for (const auto& [key, value] : r.inputs) {
    sheet.row().text(key);
    if (const auto number = as_number(value))
      sheet.number(*number, book.general, lang);
    else
      sheet.text(value);
  }
}

}  // namespace

void write_xlsx(const CompareResult& result, Lang lang, const std::filesystem::path& file) {
  Book book(file);
  write_summary(book, result, lang);
  write_per_pocket(book, result, lang);
  write_per_year(book, result, lang);
  write_inputs(book, result, lang);
  book.close();
}

}  // namespace wijksim::report
