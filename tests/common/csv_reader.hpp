#pragma once
// A small RFC 4180 reader for tests: rows of fields, quoted fields with doubled quotes, commas and line breaks
// inside quotes. Throws std::runtime_error on a malformed file (a quote inside an unquoted field, text after a
// closing quote, an unterminated quoted field, a last row without its line break).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wijksim::testing {

using CsvRows = std::vector<std::vector<std::string>>;

inline CsvRows read_csv(std::string_view text) {
  CsvRows rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  const auto fail = [&](const std::string& what) {
    throw std::runtime_error(what + " at offset " + std::to_string(i));
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) fail("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') fail("text after a closing quote");
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"') fail("quote inside an unquoted field");
        field += text[i++];
      }
    }
    if (i >= text.size()) fail("last row without a line break");
    row.push_back(std::move(field));
    field.clear();
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (text[i] == '\r') ++i;
    if (i >= text.size() || text[i] != '\n') fail("CR without LF");
    ++i;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

}  // namespace wijksim::testing
