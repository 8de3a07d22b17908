#include "sim/io/csv.hpp"

#include <cmath>
#include <fmt/format.h>

namespace wijksim::sim {

std::string number_text(double x) { return std::isfinite(x) ? fmt::format("{}", x) : "null"; }

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvWriter::put(std::string_view s, bool first) {
  separate(first);
  text_ += csv_field(s);
}

void CsvWriter::put(Quoted q, bool first) {
  separate(first);
  text_ += '"';
  for (const char c : q.text) {
    if (c == '"') text_ += '"';
    text_ += c;
  }
  text_ += '"';
}

void CsvWriter::put(double x, bool first) {
  separate(first);
  text_ += number_text(x);
}

}  // namespace wijksim::sim
