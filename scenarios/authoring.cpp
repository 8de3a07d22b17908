#include "scenarios/authoring.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <type_traits>

#include "scenarios/file_notes.hpp"
#include "scenarios/loader_detail.hpp"

namespace wijksim::scenarios {
namespace {

namespace fs = std::filesystem;

/// One line of a scenario written out: a table header or a value.
struct Entry {
  bool header = false;  ///< a `[table]` or `[[array]]` line
  std::string text;     ///< header: `[[teams]]`; value: the TOML value
  std::string key;      ///< value: key as for --set (`teams.0.fte`); header: its TOML key (`teams.finding`)
  std::string name;     ///< value: the key within its table
  std::string doc;      ///< the schema's one line of meaning
  std::string range;    ///< allowed values ("" for free text)
};

std::string bound_text(double x) {
  if (x >= kernel::kUnbounded) return "inf";
  if (x <= -kernel::kUnbounded) return "-inf";
  return detail::format_number(x);
}

std::string range_text(kernel::Range r) { return bound_text(r.min) + " .. " + bound_text(r.max); }

template <class Values>
std::string array_text(const Values& values) {
  std::vector<std::string> parts;
  for (const double x : values) parts.push_back(detail::toml_float(x));
  return "[" + detail::join(parts, ", ") + "]";
}

enum class Part { Values, Tables };

template <class Def>
void collect_body(std::vector<Entry>& out, const std::string& set_path, const std::string& toml_path, Def& def);

/// Walks one level of a Def, values first (pass Values), then sub-tables (pass Tables), as a TOML file orders them.
class Collector {
 public:
  Collector(std::vector<Entry>& out, const std::string& set_path, const std::string& toml_path, Part part)
      : out_(out), set_path_(set_path), toml_path_(toml_path), part_(part) {}

  template <class T>
  void field(std::string_view key, const T& value, kernel::Range range, const char* doc) {
    if constexpr (std::is_floating_point_v<T>) {
      add(key, detail::toml_float(value), doc, range_text(range));
    } else {
      add(key, std::to_string(value), doc, range_text(range));
    }
  }
  void flag(std::string_view key, bool value, const char* doc) { add(key, value ? "true" : "false", doc, "true, false"); }
  void text(std::string_view key, const std::string& value, const char* doc) {
    add(key, detail::toml_string(value), doc, "");
  }
  template <class Options>
  void choice(std::string_view key, const std::string& value, const Options& options, const char* doc) {
    std::vector<std::string> names(std::begin(options), std::end(options));
    add(key, detail::toml_string(value), doc, detail::join(names, ", "));
  }
  template <class Values>
  void list(std::string_view key, const Values& values, kernel::Range range, const char* doc) {
    add(key, array_text(values), doc, "each " + range_text(range));
  }
  template <class Sub>
  void table(std::string_view key, Sub& sub, const char* doc) {
    if (part_ == Part::Tables) sub_table("[", key, detail::join_key(set_path_, key), sub, doc, "]");
  }
  template <class Sub>
  void tables(std::string_view key, std::vector<Sub>& subs, const char* doc) {
    if (part_ != Part::Tables) return;
    for (std::size_t i = 0; i < subs.size(); ++i)
      sub_table("[[", key, detail::element_key(detail::join_key(set_path_, key), i), subs[i], doc, "]]");
  }

 private:
  void add(std::string_view key, std::string value, const char* doc, std::string range) {
    if (part_ == Part::Values)
      out_.push_back(Entry{false, std::move(value), detail::join_key(set_path_, key), detail::toml_key(key), doc,
                           std::move(range)});
  }
  template <class Sub>
  void sub_table(const char* open, std::string_view key, const std::string& set_path, Sub& sub, const char* doc,
                 const char* close) {
    const std::string toml_path = detail::join_key(toml_path_, detail::toml_key(key));
    out_.push_back(Entry{true, open + toml_path + close, toml_path, "", doc, ""});
    collect_body(out_, set_path, toml_path, sub);
  }

  std::vector<Entry>& out_;
  const std::string& set_path_;
  const std::string& toml_path_;
  Part part_;
};

template <class Def>
void collect_body(std::vector<Entry>& out, const std::string& set_path, const std::string& toml_path, Def& def) {
  Collector values(out, set_path, toml_path, Part::Values);
  def.visit(values);
  Collector tables(out, set_path, toml_path, Part::Tables);
  def.visit(tables);
}

std::vector<Entry> entries_of(const ScenarioDef& def) {
  ScenarioDef copy = def;  // visit is not const
  std::vector<Entry> out;
  collect_body(out, "", "", copy);
  return out;
}

/// A team setting whose default costs or changes nothing, and what that default means.
struct NothingDefault {
  std::string_view key;  ///< below `teams.<i>.`
  bool (*is_nothing)(const services::TeamDef&);
  std::string_view meaning;
};

constexpr std::array kNothingDefaults{
    NothingDefault{"other_costs", [](const services::TeamDef& t) { return t.other_costs == 0.0; },
                   "the team costs nothing besides its staff"},
    NothingDefault{"urgent_signals", [](const services::TeamDef& t) { return !t.urgent_signals; },
                   "partner signals wait their turn like every other contact"},
    NothingDefault{"finding.outreach_visits", [](const services::TeamDef& t) { return t.finding.outreach_visits == 0.0; },
                   "no home visits: outreach finds nobody"},
    NothingDefault{"finding.police_signal", [](const services::TeamDef& t) { return t.finding.police_signal == 0.0; },
                   "the police signal no offences to the team"},
    NothingDefault{"mandate.enabled", [](const services::TeamDef& t) { return !t.mandate.enabled; },
                   "no mandate: no provisions granted on the spot, no evictions stopped"},
    NothingDefault{"mandate.custom_budget", [](const services::TeamDef& t) { return t.mandate.custom_budget == 0.0; },
                   "no custom budget"},
    NothingDefault{"cofinanciers", [](const services::TeamDef& t) { return t.cofinanciers.empty(); },
                   "no co-financiers: the municipality (social work) pays the whole team"},
};

/// The file next to `folder` that `extends = target` names, if there is one (`x` also as `x.toml`).
std::optional<fs::path> relative_parent(const fs::path& folder, const std::string& target) {
  std::vector<fs::path> candidates{folder / target};
  if (fs::path(target).extension().empty()) candidates.push_back(folder / (target + ".toml"));
  std::error_code error;
  for (const fs::path& file : candidates)
    if (fs::is_regular_file(file, error)) return file;
  return std::nullopt;
}

}  // namespace

std::map<std::string, std::string> scenario_values(const ScenarioDef& def) {
  std::map<std::string, std::string> out;
  for (Entry& e : entries_of(def))
    if (!e.header) out.emplace(std::move(e.key), std::move(e.text));
  return out;
}

std::vector<ValueChange> scenario_diff(const ScenarioDef& from, const ScenarioDef& to) {
  const auto before = scenario_values(from);
  const auto after = scenario_values(to);
  std::vector<ValueChange> out;
  auto b = before.begin();
  auto a = after.begin();
  while (b != before.end() || a != after.end()) {
    if (a == after.end() || (b != before.end() && b->first < a->first)) {
      out.push_back({b->first, b->second, ""});
      ++b;
    } else if (b == before.end() || a->first < b->first) {
      out.push_back({a->first, "", a->second});
      ++a;
    } else {
      if (b->second != a->second) out.push_back({a->first, b->second, a->second});
      ++a;
      ++b;
    }
  }
  return out;
}

std::vector<std::string> fallback_notes(const LoadedScenario& loaded) {
  const auto values = scenario_values(loaded.def);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < loaded.def.teams.size(); ++i) {
    for (const NothingDefault& d : kNothingDefaults) {
      const std::string key = detail::join_key(detail::element_key("teams", i), d.key);
      const bool set = std::binary_search(loaded.set_keys.begin(), loaded.set_keys.end(), key);
      if (set || !d.is_nothing(loaded.def.teams[i])) continue;
      const auto value = values.find(key);
      out.push_back(key + (value == values.end() ? std::string(" (none)") : " = " + value->second) +
                    " (not set, the default): " + std::string(d.meaning));
    }
  }
  return out;
}

std::map<std::string, std::string> scenario_value_notes(std::string_view arg) {
  std::map<std::string, std::string> notes;
  std::optional<fs::path> file;
  const detail::ShippedText* shipped = nullptr;
  try {
    file = resolve_scenario(arg);
  } catch (const ScenarioError&) {
    shipped = detail::find_shipped(arg);
  }
  // The file's own notes first; a value set again lower in the chain keeps the note of the file that sets it last.
  for (std::size_t depth = 0; depth < limits::kExtends && (file || shipped); ++depth) {
    FileNotes n;
    try {
      n = file ? read_file_notes(*file) : read_notes_text(std::string(shipped->text));
    } catch (const ScenarioError&) {
      break;
    }
    for (const auto* list : {&n.sourced, &n.assumptions, &n.unmarked})
      for (const MarkedValue& v : *list)
        if (!v.comment.empty()) notes.emplace(v.key, v.comment);
    if (n.extends.empty()) break;
    // As the loader resolves `extends`: a file next to this one first, then a shipped scenario.
    std::optional<fs::path> next = file ? relative_parent(file->parent_path(), n.extends) : std::nullopt;
    shipped = next ? nullptr : detail::find_shipped(n.extends);
    file = next;
  }
  return notes;
}

std::string scenario_template(const ScenarioDef& parent, std::string_view extends,
                              const std::map<std::string, std::string>& notes, const TemplateWords& words) {
  std::string out;
  for (const std::string& line : words.header) out += line.empty() ? "#\n" : "# " + line + "\n";
  out += "extends = " + detail::toml_string(extends) + "\n";
  const auto value_line = [&](const Entry& e) {
    std::string line = "# " + e.name + " = " + e.text + "  # " + words.meaning(e.key, e.doc);
    if (!e.range.empty()) line += "; " + words.range + " " + e.range;
    if (const auto note = notes.find(e.key); note != notes.end()) line += "; " + note->second;
    return line + "\n";
  };
  for (const Entry& e : entries_of(parent)) {
    if (e.header) {
      out += "\n# " + e.text + "  # " + words.meaning(e.key, e.doc) + "\n";
    } else {
      out += value_line(e);
    }
  }
  if (parent.teams.empty()) {
    // The example team: the generalist team (the TeamDef defaults), of which only these two keys need be named.
    ScenarioDef with_team = parent;
    with_team.teams.emplace_back();
    out += "\n# " + words.team_intro + "\n# [[teams]]\n";
    for (const Entry& e : entries_of(with_team))
      if (e.key == "teams.0.fte" || e.key == "teams.0.target") out += value_line(e);
  }
  return out;
}

}  // namespace wijksim::scenarios
