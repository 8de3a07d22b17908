// Printing a ScenarioDef as TOML and listing the schema's keys; both walk the Defs' visit lists.
#include <string>
#include <type_traits>
#include <vector>

#include "scenarios/loader.hpp"
#include "scenarios/loader_detail.hpp"

namespace wijksim::scenarios {
namespace {

using detail::join_key;

template <class Values>
std::string array_text(const Values& values) {
  std::string out = "[";
  for (const double x : values) out += (out.size() > 1 ? ", " : "") + detail::toml_float(x);
  return out + "]";
}

/// A TOML table is written in two passes, because its plain keys must come before its sub-tables.
enum class Part { Values, Tables };

template <class Def>
void write_body(std::string& out, const std::string& path, Def& def);

/// Writes one level of a Def: either its values or its sub-tables.
class Writer {
 public:
  Writer(std::string& out, const std::string& path, Part part) : out_(out), path_(path), part_(part) {}

  template <class T>
  void field(std::string_view key, const T& value, kernel::Range, const char* doc) {
    if constexpr (std::is_floating_point_v<T>) {
      line(key, detail::toml_float(value), doc);
    } else {
      line(key, std::to_string(value), doc);
    }
  }
  void flag(std::string_view key, bool value, const char* doc) { line(key, value ? "true" : "false", doc); }
  void text(std::string_view key, const std::string& value, const char* doc) {
    line(key, detail::toml_text(value), doc);
  }
  template <class Options>
  void choice(std::string_view key, const std::string& value, const Options&, const char* doc) {
    line(key, detail::toml_string(value), doc);
  }
  template <class Values>
  void list(std::string_view key, const Values& values, kernel::Range, const char* doc) {
    line(key, array_text(values), doc);
  }
  template <class Sub>
  void table(std::string_view key, Sub& sub, const char* doc) {
    if (part_ == Part::Tables) sub_table("[", key, sub, doc, "]");
  }
  template <class Sub>
  void tables(std::string_view key, std::vector<Sub>& subs, const char* doc) {
    if (part_ != Part::Tables) return;
    for (Sub& sub : subs) sub_table("[[", key, sub, doc, "]]");
  }

 private:
  void line(std::string_view key, const std::string& value, const char* doc) {
    if (part_ == Part::Values) out_ += detail::toml_key(key) + " = " + value + "  # " + doc + "\n";
  }
  template <class Sub>
  void sub_table(const char* open, std::string_view key, Sub& sub, const char* doc, const char* close) {
    const std::string path = join_key(path_, detail::toml_key(key));
    out_ += "\n" + (open + path + close) + "  # " + doc + "\n";
    write_body(out_, path, sub);
  }

  std::string& out_;
  const std::string& path_;
  Part part_;
};

template <class Def>
void write_body(std::string& out, const std::string& path, Def& def) {
  Writer values(out, path, Part::Values);
  def.visit(values);
  Writer tables(out, path, Part::Tables);
  def.visit(tables);
}

/// Collects the dotted key of every value in the schema.
class KeyLister {
 public:
  KeyLister(std::vector<std::string>& keys, std::string path) : keys_(keys), path_(std::move(path)) {}

  template <class... Rest>
  void field(std::string_view key, Rest&&...) { add(key); }
  template <class... Rest>
  void flag(std::string_view key, Rest&&...) { add(key); }
  template <class... Rest>
  void text(std::string_view key, Rest&&...) { add(key); }
  template <class... Rest>
  void choice(std::string_view key, Rest&&...) { add(key); }
  template <class... Rest>
  void list(std::string_view key, Rest&&...) { add(key); }
  template <class Sub>
  void table(std::string_view key, Sub& sub, const char*) {
    KeyLister inner(keys_, join_key(path_, key));
    sub.visit(inner);
  }
  template <class Sub>
  void tables(std::string_view key, std::vector<Sub>&, const char*) {
    Sub element{};
    KeyLister inner(keys_, join_key(path_, key) + "[]");
    element.visit(inner);
  }

 private:
  void add(std::string_view key) { keys_.push_back(join_key(path_, key)); }

  std::vector<std::string>& keys_;
  std::string path_;
};

}  // namespace

std::string to_toml(const ScenarioDef& def) {
  ScenarioDef copy = def;  // visit is not const
  std::string out = "# wijksim scenario, fully merged (defaults, extends and overrides)\n";
  write_body(out, "", copy);
  return out;
}

std::vector<std::string> scenario_keys() {
  ScenarioDef def;
  std::vector<std::string> keys;
  KeyLister lister(keys, "");
  def.visit(lister);
  return keys;
}

}  // namespace wijksim::scenarios
