#include "scenarios/file_notes.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <string_view>

#include "scenarios/loader.hpp"
#include "scenarios/loader_detail.hpp"

namespace wijksim::scenarios {

namespace fs = std::filesystem;

namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Position of the comment '#' outside a string, or npos.
std::size_t comment_start(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == '#' && !quoted) return i;
  }
  return std::string_view::npos;
}

/// Key paths as for --set: tables by name, elements of arrays of tables by index ("teams.0.finding").
class TablePath {
 public:
  /// A `[table]` or `[[array]]` header line (its text between the brackets).
  void header(const std::string& inner, bool array) {
    path_.clear();
    std::string dotted;
    std::size_t start = 0;
    while (start <= inner.size()) {
      const std::size_t end = std::min(inner.find('.', start), inner.size());
      const std::string part = trim(std::string_view(inner).substr(start, end - start));
      if (!dotted.empty()) dotted += '.';
      dotted += part;
      if (!path_.empty()) path_ += '.';
      path_ += part;
      if (end == inner.size() && array) {
        // A new element: its own nested arrays count from 0 again.
        std::erase_if(count_, [&](const auto& kv) { return kv.first.rfind(dotted + ".", 0) == 0; });
        ++count_[dotted];
      }
      if (const auto it = count_.find(dotted); it != count_.end()) {
        path_ += '.';
        path_ += std::to_string(it->second - 1);
      }
      start = end + 1;
    }
  }
  std::string key(const std::string& name) const { return path_.empty() ? name : path_ + "." + name; }

 private:
  std::map<std::string, int> count_;  ///< elements so far of each array of tables
  std::string path_;
};

/// Values that need no source: what a file is called and where it starts from, "none" strings, and the two
/// ends of a sensitivity range (their `key` line carries the source).
bool exempt(const std::string& key, const std::string& value) {
  if (key == "name" || key == "description" || key == "label" || key == "extends" || value == "\"\"") return true;
  const bool team_name = key.rfind("teams.", 0) == 0 && key.size() > 5 && key.ends_with(".name") &&
                         std::count(key.begin(), key.end(), '.') == 2;
  const bool range_end = key.rfind("mkba.sensitivity.", 0) == 0 && (key.ends_with(".low") || key.ends_with(".high"));
  return team_name || range_end;
}

/// The sourcebook's reports [S000]..[S004], MODEL.md, and the national statistics and guidelines of SOURCEBOOK §7.
bool cites_source(const std::string& comment) {
  for (const char* tag : {"[S00", "[MODEL.md", "[Werkgroep discontovoet", "[CBS", "[Aedes"})
    if (comment.find(tag) != std::string::npos) return true;
  return false;
}

/// The text of a TOML string value as written (`"default.toml"` -> default.toml).
std::string unquoted(const std::string& value) {
  return value.size() >= 2 && value.front() == '"' && value.back() == '"' ? value.substr(1, value.size() - 2) : value;
}

}  // namespace

FileNotes read_file_notes(const fs::path& file) {
  detail::FileText read = detail::read_scenario_file(file);
  if (!read.read) throw ScenarioError(file.string(), 0, "", read.missing ? "cannot open" : read.problem);
  return read_notes_text(std::move(read.text));
}

FileNotes read_notes_text(std::string text_in) {
  std::istringstream in(std::move(text_in));
  FileNotes notes;
  TablePath tables;
  std::string line;
  std::uint32_t number = 0;
  bool in_header = true;
  while (std::getline(in, line)) {
    ++number;
    const std::string text = trim(line);
    if (in_header && text.rfind('#', 0) == 0) {
      notes.header.push_back(trim(std::string_view(text).substr(1)));
      continue;
    }
    in_header = false;
    if (text.empty() || text[0] == '#') continue;
    const std::size_t hash = comment_start(text);
    const std::string code = trim(std::string_view(text).substr(0, hash));
    const std::string comment = hash == std::string::npos ? "" : trim(std::string_view(text).substr(hash + 1));
    if (code.rfind("[[", 0) == 0) {
      tables.header(trim(std::string_view(code).substr(2, code.size() - 4)), true);
      continue;
    }
    if (code.rfind('[', 0) == 0) {
      tables.header(trim(std::string_view(code).substr(1, code.size() - 2)), false);
      continue;
    }
    const std::size_t eq = code.find('=');
    if (eq == std::string::npos) continue;
    MarkedValue v{number, tables.key(trim(std::string_view(code).substr(0, eq))),
                  trim(std::string_view(code).substr(eq + 1)), comment};
    if (v.key == "extends") notes.extends = unquoted(v.value);
    if (lower(comment).find("assumption") != std::string::npos) {
      notes.assumptions.push_back(std::move(v));
    } else if (cites_source(comment)) {
      notes.sourced.push_back(std::move(v));
    } else if (!exempt(v.key, v.value)) {
      notes.unmarked.push_back(std::move(v));
    }
  }
  return notes;
}

std::map<std::string, std::string> value_notes(const fs::path& file) {
  std::map<std::string, std::string> notes;
  fs::path current = file;
  // The file's own notes first; a value set again lower in the chain keeps the note of the file that sets it last.
  for (std::size_t depth = 0; depth < limits::kExtends && !current.empty(); ++depth) {
    FileNotes n;
    try {
      n = read_file_notes(current);
    } catch (const ScenarioError&) {
      break;
    }
    for (const auto* list : {&n.sourced, &n.assumptions, &n.unmarked})
      for (const MarkedValue& v : *list)
        if (!v.comment.empty()) notes.emplace(v.key, v.comment);
    current = n.extends.empty() ? fs::path() : current.parent_path() / n.extends;
  }
  return notes;
}

}  // namespace wijksim::scenarios
