#pragma once
// Reading the HTML pages and the workbook's XML back in tests: well-formed XML through pugixml (with the checks of
// well-formedness pugixml leaves out), and every <table> as its header and rows of cells, for the check that each
// row has as many cells as its header and that a value sits under its header.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace wijksim::testing {

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
inline void collect(Node e, std::string_view name, std::vector<Node>& out) {
  if (e.type() == pugi::node_element && e.name() == name) out.push_back(e);
  for (Node child : e.children()) collect(child, name, out);
}
inline std::vector<Node> all(Node e, std::string_view name) {
  std::vector<Node> out;
  collect(e, name, out);
  return out;
}
/// All text inside e, children included.
inline std::string inner_text(Node e) {
  if (e.type() == pugi::node_pcdata || e.type() == pugi::node_cdata) return e.value();
  std::string out;
  for (Node child : e.children()) out += inner_text(child);
  return out;
}
inline std::string attr(Node e, const char* key) { return e.attribute(key).value(); }

/// Every '&' of raw (undecoded) text starts a known or a numeric entity.
inline void check_entities(std::string_view raw) {
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
inline void check_raw(Node e) {
  if (e.type() == pugi::node_pcdata) check_entities(e.value());
  std::set<std::string_view> names;
  for (const pugi::xml_attribute a : e.attributes()) {
    if (!names.insert(a.name()).second) throw std::runtime_error(std::string("duplicate attribute ") + a.name());
    check_entities(a.value());
  }
  for (Node child : e.children()) check_raw(child);
}

/// The document; throws std::runtime_error at the first fault.
inline Xml parse_xml(std::string_view text) {
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
// Tables

/// A cell: its text and the value it sorts by (data-v), and how many columns it spans.
struct Cell {
  std::string text, value;
  std::size_t span = 1;
};
/// A table: the header cells (thead, or the first row), every other row, and the row's data-alternative if any.
struct Table {
  std::vector<Cell> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> row_alternative;
  /// The column of the header that starts with `title`; throws when none does.
  std::size_t column(std::string_view title) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (std::string_view(header[i].text).starts_with(title)) return i;
    throw std::runtime_error("no column " + std::string(title));
  }
};

inline std::size_t width(const std::vector<Cell>& cells) {
  std::size_t n = 0;
  for (const Cell& c : cells) n += c.span;
  return n;
}

/// Every table of a page, in document order.
inline std::vector<Table> tables(Node root) {
  std::vector<Table> out;
  for (const Node table : all(root, "table")) {
    Table t;
    bool first = true;
    for (const Node tr : all(table, "tr")) {
      std::vector<Cell> cells;
      for (Node c = tr.first_child(); c; c = c.next_sibling()) {
        if (std::string_view(c.name()) != "td" && std::string_view(c.name()) != "th") continue;
        const std::string span = attr(c, "colspan");
        cells.push_back({inner_text(c), attr(c, "data-v"), span.empty() ? 1U : std::stoul(span)});
      }
      const bool header = first && (all(tr, "th").size() == cells.size());
      if (header) {
        t.header = std::move(cells);
      } else {
        t.rows.push_back(std::move(cells));
        t.row_alternative.push_back(attr(tr, "data-alternative"));
      }
      first = false;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks, unzipped

/// Standard output of a command; fails the test when it exits non-zero.
inline std::string run(const std::string& command) {
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
  std::vector<std::map<std::string, std::string>> formulas;  ///< per sheet: cell -> formula (without '=')

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
      auto& sheet_formulas = formulas.emplace_back();
      const Xml xml = parse_xml(run(unzip + "xl/worksheets/sheet" + std::to_string(i) + ".xml"));
      for (const Node c : all(xml.root, "c")) {
        if (const auto f = all(c, "f"); !f.empty()) sheet_formulas[attr(c, "r")] = f[0].child_value();
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
  /// The sheet with this name; throws when there is none.
  std::size_t sheet(const std::string& name) const {
    for (std::size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i] == name) return i;
    throw std::runtime_error("no sheet " + name);
  }
  /// The cell's number; NaN when it holds none.
  double number(std::size_t sheet, const std::string& ref) const {
    const auto it = cells[sheet].find(ref);
    return it != cells[sheet].end() && is_number[sheet].at(ref) ? std::stod(it->second) : std::nan("");
  }
  std::size_t rows(std::size_t sheet) const {
    std::set<std::string> numbers;
    for (const auto& [ref, value] : cells[sheet]) numbers.insert(ref.substr(ref.find_first_of("0123456789")));
    return numbers.size();
  }
};

}  // namespace wijksim::testing
