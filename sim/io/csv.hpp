#pragma once
// The one CSV writer of every file the project writes (README "Outputs"): RFC 4180 fields, comma-separated,
// one row a line ended by "\n" (not CRLF: the tidy files are read by pandas, R and Excel, which take either).
// A field is quoted only when it holds a comma, a double quote, CR or LF, with inner quotes doubled, so ordinary
// names and numbers are written as they are and a team called `Noord, "oost"` stays one field.
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wijksim::sim {

/// A text field written between quotes whatever it holds (free-text columns, e.g. financiers.csv's event).
struct Quoted {
  std::string_view text;
};

/// A number as the CSV and JSON files write it: the shortest text that reads back as x; `null` for a
/// non-finite number (NaN, infinity).
std::string number_text(double x);

/// A field as RFC 4180 wants it: as it is, or quoted with inner quotes doubled when it holds `,`, `"`, CR or LF.
std::string csv_field(std::string_view text);

/// The text of a CSV file (or of some of its rows), built row by row.
class CsvWriter {
 public:
  CsvWriter() = default;
  /// A file starting with its header line.
  template <class... Names> explicit CsvWriter(const Names&... header) { row(header...); }

  /// Append one row: text (quoted when needed), Quoted text, integers, doubles (number_text) and optional
  /// integers (empty when absent).
  template <class... Fields> CsvWriter& row(const Fields&... fields) {
    bool first = true;
    ((put(fields, first), first = false), ...);
    text_ += '\n';
    return *this;
  }

  const std::string& text() const& { return text_; }
  std::string text() && { return std::move(text_); }

 private:
  void separate(bool first) {
    if (!first) text_ += ',';
  }
  void put(std::string_view s, bool first);
  void put(const char* s, bool first) { put(std::string_view(s), first); }
  void put(const std::string& s, bool first) { put(std::string_view(s), first); }
  void put(Quoted q, bool first);
  void put(double x, bool first);
  template <std::integral T> void put(T n, bool first) {
    separate(first);
    text_ += std::to_string(n);
  }
  template <std::integral T> void put(const std::optional<T>& n, bool first) {
    separate(first);
    if (n) text_ += std::to_string(*n);
  }

  std::string text_;
};

}  // namespace wijksim::sim
