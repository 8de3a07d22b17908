#include "scenarios/loader.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <vector>

#include <toml++/toml.h>

#include "scenarios/loader_detail.hpp"
#include "scenarios/toml_reader.hpp"
#include "sim/kernel/printable.hpp"

#ifndef WIJKSIM_SCENARIO_DIR
#define WIJKSIM_SCENARIO_DIR "scenarios"
#endif

namespace wijksim::scenarios {
namespace {

namespace fs = std::filesystem;

/// A scenario text with the name used in errors and the folder its `extends` is relative to.
struct Document {
  std::string text;
  std::string name;       ///< file name in errors
  fs::path folder;        ///< base of a relative `extends`
  std::string identity;   ///< equal for the same file, to detect cycles
  bool shipped = false;   ///< compiled into the binary: its `extends` names shipped scenarios only
};

std::string location_text(const std::string& file, std::uint32_t line, const std::string& key,
                          const std::string& message) {
  std::string out = kernel::printable(file);
  if (line > 0) {
    out += ':';  // appended, not `":" + ...`: that trips GCC 12's -Wrestrict false positive
    out += std::to_string(line);
  }
  out += ": ";
  if (!key.empty()) out += kernel::printable(key) + ": ";
  return out + kernel::printable(message);
}

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// The dotted key a line of TOML text defines (table header above it + the text before '='), or "" when the
/// line holds no key; used to name the key of a syntax error. A guess from the lines alone: any text gives an
/// answer, never an error.
std::string key_at_line(std::string_view text, std::uint32_t line) {
  std::string_view current;
  std::string table;
  std::size_t start = 0;
  for (std::uint32_t n = 1; n <= line && start <= text.size(); ++n) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    current = text.substr(start, end - start);
    start = end + 1;
    const std::string_view t = trimmed(current);
    const std::size_t close = t.find(']');
    // A header: `[name]` or `[[name]]`; a line that only starts with '[' (inside an array) is none.
    if (n < line && t.starts_with('[') && close != std::string_view::npos) {
      const std::size_t open = t.find_first_not_of('[');
      if (open < close) table = std::string(trimmed(t.substr(open, close - open)));
    }
  }
  const auto eq = current.find('=');
  if (eq == std::string_view::npos) return table;
  const std::string key(trimmed(current.substr(0, eq)));
  if (key.empty() || key.front() == '#' || key.front() == '[') return table;
  return table.empty() ? key : table + "." + key;
}

/// A shipped scenario from the copy compiled into the binary, named `deprived_district.toml (embedded)` in errors.
Document shipped_document(const detail::ShippedText& shipped) {
  std::string name = std::string(shipped.name) + ".toml (embedded)";
  return Document{std::string(shipped.text), name, fs::path(), name, true};
}

Document embedded_default() { return shipped_document(*detail::find_shipped("default")); }

Document file_document(const fs::path& file, detail::FileText&& read) {
  const fs::path name = file.lexically_normal();
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(file, error);
  return Document{std::move(read.text), name.string(), name.parent_path(), error ? name.string() : canonical.string()};
}

toml::table parse_document(const Document& doc) {
  detail::check_scenario_text(doc.text, doc.name);
  try {
    return toml::parse(doc.text, std::string(doc.name));
  } catch (const toml::parse_error& e) {
    const std::uint32_t line = e.source().begin.line;
    throw ScenarioError(doc.name, line, key_at_line(doc.text, line), std::string(e.description()));
  }
}

/// Deep merge: tables key by key; values and arrays (including arrays of tables) replaced by `top`'s.
/// Nodes are moved, not copied, so they keep their source lines. Recursion is bounded by the key and nesting limits.
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

/// The document an `extends` names: a file relative to the extending document's folder (`x` also as `x.toml`),
/// else a shipped scenario by name or file name (`deprived_district`, `deprived_district.toml`). A shipped
/// document's own `extends` names shipped scenarios only, so they resolve the same from any folder.
Document parent_document(const Document& child, const std::string& target, const detail::Origin& at) {
  if (target.find('\0') != std::string::npos) detail::fail(at, "extends", "a file name with a NUL character");
  if (!child.shipped) {
    std::vector<fs::path> candidates{child.folder / target};
    if (fs::path(target).extension().empty()) candidates.push_back(child.folder / (target + ".toml"));
    for (const fs::path& file : candidates) {
      detail::FileText read = detail::read_scenario_file(file);
      if (read.read) return file_document(file, std::move(read));
      if (!read.missing) detail::fail(at, "extends", "'" + target + "': " + read.problem);
    }
  }
  if (const detail::ShippedText* shipped = detail::find_shipped(target)) return shipped_document(*shipped);
  detail::fail(at, "extends", "cannot open '" + target + "': no such file " +
                                  (child.shipped ? std::string("among the shipped scenarios")
                                                 : "next to " + child.name + ", nor a shipped scenario") +
                                  detail::shipped_hint(fs::path(target).filename().string()));
}

/// The `extends` target of a tree, if any, and where it is written.
std::optional<std::pair<std::string, detail::Origin>> extends_of(const toml::table& tree) {
  const toml::node* extends = tree.get("extends");
  if (!extends) return std::nullopt;
  const detail::Origin at = detail::origin_of(extends->source());
  const auto* target = extends->as_string();
  if (!target) detail::fail(at, "extends", "expected a file name string");
  return std::pair{target->get(), at};
}

/// The document's tree with its `extends` chain merged underneath. The chain is followed in a loop, at most
/// limits::kExtends files deep, each file parsed once; a file that comes back is a cycle.
toml::table load_tree(const Document& doc) {
  std::vector<Document> chain{doc};
  // A deque never moves its elements, and toml++ nodes keep their source lines only when moved, not when copied.
  std::deque<toml::table> trees;
  trees.push_back(parse_document(doc));
  while (const auto extends = extends_of(trees.back())) {
    const auto& [target, at] = *extends;
    Document parent = parent_document(chain.back(), target, at);
    const auto same = [&](const Document& d) { return d.identity == parent.identity; };
    if (std::any_of(chain.begin(), chain.end(), same) || chain.size() >= limits::kExtends) {
      std::vector<std::string> names;
      for (const Document& d : chain) names.push_back(d.name);
      names.push_back(parent.name);
      const bool cycle = std::any_of(chain.begin(), chain.end(), same);
      detail::fail(at, "extends", cycle ? "extends cycle: " + detail::join(names, " -> ")
                                        : "more than " + std::to_string(limits::kExtends) +
                                              " files extend each other: " + names.front() + " -> ... -> " +
                                              names.back());
    }
    trees.push_back(parse_document(parent));
    chain.push_back(std::move(parent));
  }
  // The root of the chain first, each file merged on top of the one it extends.
  toml::table base = std::move(trees.back());
  for (std::size_t i = trees.size() - 1; i-- > 0;) {
    trees[i].erase("extends");
    merge_into(base, std::move(trees[i]));
  }
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
  const std::string assignment = "value = " + text;
  detail::check_scenario_text(assignment, file);
  try {
    toml::table parsed = toml::parse(assignment, file);
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

/// A document's scenario and the origin of every value set.
struct Loaded {
  ScenarioDef def;
  detail::Origins origins;
};

Loaded load_document_with_origins(const Document& doc, std::span<const std::string> overrides) {
  const toml::table tree = load_tree(doc);
  Loaded out;
  detail::read_tree(tree, out.def, out.origins);
  for (const std::string& assignment : overrides) apply_override(assignment, out.def, out.origins);
  detail::check_scenario(out.def, out.origins, doc.name);
  return out;
}

ScenarioDef load_document(const Document& doc, std::span<const std::string> overrides) {
  return load_document_with_origins(doc, overrides).def;
}

/// The scenario file a command-line argument names: an existing path as is, else `x` or `x.toml` in ./scenarios/
/// or the source tree's scenarios folder; none if neither.
std::optional<fs::path> find_scenario_file(std::string_view arg) {
  const fs::path given(arg);
  std::error_code error;
  // Anything else that exists by that name goes to the loader, which says why it is not a scenario file.
  if (fs::is_regular_file(given, error) || (fs::exists(given, error) && !fs::is_directory(given, error))) return given;
  if (!given.has_parent_path()) {
    const fs::path file = given.extension() == ".toml" ? given : fs::path(std::string(arg) + ".toml");
    for (const fs::path& folder : {fs::path("scenarios"), fs::path(WIJKSIM_SCENARIO_DIR)})
      if (fs::is_regular_file(folder / file, error)) return folder / file;
  }
  return std::nullopt;
}

[[noreturn]] void scenario_not_found(std::string_view arg) {
  throw ScenarioError(std::string(arg), 0, "", "scenario not found" + detail::shipped_hint(fs::path(arg).stem().string()));
}

/// The document a command-line argument names: a file as find_scenario_file finds it, else a shipped scenario
/// from the copy compiled into the binary.
Document named_document(std::string_view arg) {
  if (const auto file = find_scenario_file(arg)) {
    detail::FileText read = detail::read_scenario_file(*file);
    if (!read.read)
      throw ScenarioError(file->string(), 0, "", read.missing ? "cannot open scenario file" : read.problem);
    return file_document(*file, std::move(read));
  }
  const fs::path given(arg);
  const detail::ShippedText* shipped = given.has_parent_path() ? nullptr : detail::find_shipped(arg);
  if (!shipped) scenario_not_found(arg);
  return shipped_document(*shipped);
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
  detail::FileText read = detail::read_scenario_file(file);
  if (!read.read) throw ScenarioError(file.string(), 0, "", read.missing ? "cannot open scenario file" : read.problem);
  return load_document(file_document(file, std::move(read)), overrides);
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
  if (const auto file = find_scenario_file(arg)) return *file;
  scenario_not_found(arg);
}

ScenarioDef load_named_scenario(std::string_view arg, std::span<const std::string> overrides) {
  return load_document(named_document(arg), overrides);
}

std::vector<std::string> shipped_scenario_names() { return detail::shipped_names(); }

std::optional<std::string_view> shipped_scenario_text(std::string_view name) {
  const detail::ShippedText* shipped = detail::find_shipped(name);
  if (!shipped) return std::nullopt;
  return shipped->text;
}

LoadedScenario load_scenario_report(std::string_view arg, std::span<const std::string> overrides) {
  const Document doc = arg.empty() ? embedded_default() : named_document(arg);
  Loaded loaded = load_document_with_origins(doc, overrides);
  LoadedScenario out{std::move(loaded.def), doc.name, {}, "", std::nullopt};
  for (const auto& [key, origin] : loaded.origins) out.set_keys.push_back(key);
  const toml::table tree = parse_document(doc);
  if (const auto extends = extends_of(tree)) {
    out.extends = extends->first;
    out.parent = load_document(parent_document(doc, extends->first, extends->second), {});
  }
  return out;
}

}  // namespace wijksim::scenarios
