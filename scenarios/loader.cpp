#include "scenarios/loader.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include <toml++/toml.h>

#include "scenarios/loader_detail.hpp"
#include "scenarios/toml_reader.hpp"

#ifndef WIJKSIM_SCENARIO_DIR
#define WIJKSIM_SCENARIO_DIR "scenarios"
#endif

namespace wijksim::scenarios {
namespace detail {
extern const std::string_view kEmbeddedDefault;  // generated from scenarios/default.toml
}  // namespace detail

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kEmbeddedName = "default.toml (embedded)";

/// A scenario text with the name used in errors and the folder its `extends` is relative to.
struct Document {
  std::string text;
  std::string name;      ///< file name in errors
  fs::path folder;       ///< base of a relative `extends`
  std::string identity;  ///< equal for the same file, to detect cycles
};

std::string location_text(const std::string& file, std::uint32_t line, const std::string& key,
                          const std::string& message) {
  std::string out = file;
  if (line > 0) {
    out += ':';  // appended, not `":" + ...`: that trips GCC 12's -Wrestrict false positive
    out += std::to_string(line);
  }
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

/// The dotted key a line of TOML text defines (table header above it + the text before '='), or "" when the
/// line holds no key; used to name the key of a syntax error.
std::string key_at_line(const std::string& text, std::uint32_t line) {
  const auto trim = [](const std::string& x) {
    const auto first = x.find_first_not_of(" \t\r");
    const auto last = x.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : x.substr(first, last - first + 1);
  };
  std::istringstream in(text);
  std::string current, table;
  for (std::uint32_t n = 1; n <= line && std::getline(in, current); ++n) {
    const std::string t = trim(current);
    if (n < line && !t.empty() && t.front() == '[') table = trim(t.substr(t.find_first_not_of('['), t.find(']') - t.find_first_not_of('[')));
  }
  const auto eq = current.find('=');
  if (eq == std::string::npos) return table;
  const std::string key = trim(current.substr(0, eq));
  if (key.empty() || key.front() == '#') return table;
  return table.empty() ? key : table + "." + key;
}

Document embedded_default() {
  return Document{std::string(detail::kEmbeddedDefault), std::string(kEmbeddedName), fs::path(),
                  std::string(kEmbeddedName)};
}

std::optional<Document> file_document(const fs::path& file) {
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  const fs::path name = file.lexically_normal();
  const fs::path canonical = fs::weakly_canonical(file, error);
  return Document{text.str(), name.string(), name.parent_path(), error ? name.string() : canonical.string()};
}

toml::table parse_document(const Document& doc) {
  try {
    return toml::parse(doc.text, std::string(doc.name));
  } catch (const toml::parse_error& e) {
    const std::uint32_t line = e.source().begin.line;
    throw ScenarioError(doc.name, line, key_at_line(doc.text, line), std::string(e.description()));
  }
}

/// Deep merge: tables key by key; values and arrays (including arrays of tables) replaced by `top`'s.
/// Nodes are moved, not copied, so they keep their source lines.
void merge_into(toml::table& base, toml::table&& top) {
  for (auto&& [key, node] : top) {
    toml::table* below = base.get_as<toml::table>(key.str());
    if (below && node.is_table()) {
      merge_into(*below, std::move(*node.as_table()));
    } else {
      base.insert_or_assign(key, std::move(node));
    }
  }
}

/// The document an `extends` names, relative to the extending document's folder.
Document parent_document(const Document& child, const std::string& target, const detail::Origin& at) {
  if (auto doc = file_document(child.folder / target)) return std::move(*doc);
  // A scenario outside the scenarios folder can still extend the shipped default.
  if (target == "default.toml") return embedded_default();
  detail::fail(at, "extends", "cannot open '" + target + "'");
}

/// The document's tree with its `extends` chain merged underneath; `chain` holds the documents being loaded.
toml::table load_tree(const Document& doc, std::vector<const Document*>& chain) {
  toml::table tree = parse_document(doc);
  const toml::node* extends = tree.get("extends");
  if (!extends) return tree;
  const detail::Origin at = detail::origin_of(extends->source());
  const auto* target = extends->as_string();
  if (!target) detail::fail(at, "extends", "expected a file name string");

  const Document parent = parent_document(doc, target->get(), at);
  const auto same = [&](const Document* d) { return d->identity == parent.identity; };
  if (std::any_of(chain.begin(), chain.end(), same)) {
    std::vector<std::string> names;
    for (const Document* d : chain) names.push_back(d->name);
    names.push_back(parent.name);
    detail::fail(at, "extends", "extends cycle: " + detail::join(names, " -> "));
  }
  chain.push_back(&parent);
  toml::table base = load_tree(parent, chain);
  chain.pop_back();

  tree.erase("extends");
  merge_into(base, std::move(tree));
  return base;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

/// The override's value as TOML, or as a string when it is not valid TOML (`--set name=my_run`).
toml::table parse_override_value(const std::string& key, const std::string& text) {
  const std::string file(detail::kOverrideFile);
  try {
    toml::table parsed = toml::parse("value = " + text, file);
    if (parsed.size() == 1 && parsed.contains("value")) return parsed;
  } catch (const toml::parse_error&) {
    // not TOML: taken as a string below
  }
  try {
    return toml::parse("value = " + detail::toml_string(text), file);
  } catch (const toml::parse_error& e) {
    detail::fail(detail::Origin{file, 0}, key, std::string(e.description()));
  }
}

void apply_override(const std::string& assignment, ScenarioDef& def, detail::Origins& origins) {
  const std::size_t equals = assignment.find('=');
  const std::string key = trim(std::string_view(assignment).substr(0, equals));
  if (equals == std::string::npos || key.empty())
    detail::fail(detail::Origin{std::string(detail::kOverrideFile), 0}, key,
                 "expected key=value, got '" + assignment + "'");
  const toml::table holder = parse_override_value(key, trim(std::string_view(assignment).substr(equals + 1)));
  detail::read_override(key, *holder.get("value"), def, origins);
}

ScenarioDef load_document(const Document& doc, std::span<const std::string> overrides) {
  std::vector<const Document*> chain{&doc};
  const toml::table tree = load_tree(doc, chain);
  ScenarioDef def;
  detail::Origins origins;
  detail::read_tree(tree, def, origins);
  for (const std::string& assignment : overrides) apply_override(assignment, def, origins);
  detail::check_scenario(def, origins, doc.name);
  return def;
}

/// Stems of the .toml files in the source tree's scenarios folder, sorted.
std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(WIJKSIM_SCENARIO_DIR, error))
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

ScenarioError::ScenarioError(std::string file_name, std::uint32_t line_number, std::string dotted_key,
                             std::string text)
    : std::runtime_error(location_text(file_name, line_number, dotted_key, text)),
      file(std::move(file_name)),
      line(line_number),
      key(std::move(dotted_key)),
      message(std::move(text)) {}

ScenarioDef load_scenario(const std::filesystem::path& file, std::span<const std::string> overrides) {
  const std::optional<Document> doc = file_document(file);
  if (!doc) throw ScenarioError(file.string(), 0, "", "cannot open scenario file");
  return load_document(*doc, overrides);
}

ScenarioDef load_default_scenario(std::span<const std::string> overrides) {
  return load_document(embedded_default(), overrides);
}

ScenarioDef load_scenario_text(std::string_view text, const std::string& name,
                               std::span<const std::string> overrides) {
  const fs::path path(name);
  return load_document(Document{std::string(text), name, path.parent_path(), name}, overrides);
}

std::filesystem::path resolve_scenario(std::string_view arg) {
  fs::path given(arg);
  std::error_code error;
  if (fs::is_regular_file(given, error)) return given;
  if (!given.has_parent_path()) {
    const fs::path file = given.extension() == ".toml" ? given : fs::path(std::string(arg) + ".toml");
    for (const fs::path& folder : {fs::path("scenarios"), fs::path(WIJKSIM_SCENARIO_DIR)})
      if (fs::is_regular_file(folder / file, error)) return folder / file;
  }
  const std::vector<std::string> shipped = shipped_scenarios();
  std::string message = "scenario not found";
  if (const auto suggestion = detail::closest_name(given.stem().string(), shipped))
    message += "; did you mean '" + *suggestion + "'?";
  throw ScenarioError(std::string(arg), 0, "", message + "; shipped scenarios: " + detail::join(shipped, ", "));
}

}  // namespace wijksim::scenarios
