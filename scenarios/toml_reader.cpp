#include "scenarios/toml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <iterator>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace wijksim::scenarios::detail {
namespace {

using kernel::Range;

const char* type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

[[noreturn]] void fail_at(const toml::node& n, std::string key, std::string message) {
  fail(origin_of(n.source()), std::move(key), std::move(message));
}

[[noreturn]] void fail_type(const toml::node& n, std::string key, std::string_view expected) {
  fail_at(n, std::move(key), "expected " + std::string(expected) + ", got " + type_name(n));
}

std::string bound_text(double x) {
  if (x >= kernel::kUnbounded) return "inf";
  if (x <= -kernel::kUnbounded) return "-inf";
  return format_number(x);
}

void check_range(const toml::node& n, const std::string& key, double x, Range r) {
  if (x >= r.min && x <= r.max) return;  // false for NaN too
  fail_at(n, key,
          "value " + format_number(x) + " is out of range [" + bound_text(r.min) + ", " + bound_text(r.max) + "]");
}

// --- Leaf values -------------------------------------------------------------------------------

void read_number(const toml::node& n, const std::string& key, double& out, Range r) {
  double x = 0.0;
  if (const auto* f = n.as_floating_point()) {
    x = f->get();
  } else if (const auto* i = n.as_integer()) {
    x = static_cast<double>(i->get());
  } else {
    fail_type(n, key, "a number");
  }
  check_range(n, key, x, r);
  out = x;
}

template <std::integral T>
void read_number(const toml::node& n, const std::string& key, T& out, Range r) {
  const auto* i = n.as_integer();
  if (!i && n.is_floating_point())
    fail_at(n, key, "expected an integer, got " + toml_float(n.as_floating_point()->get()));
  if (!i) fail_type(n, key, "an integer");
  // The type's own limits narrow the declared range (a Range may be wider than the type).
  const Range limits{std::max(r.min, static_cast<double>(std::numeric_limits<T>::min())),
                     std::min(r.max, static_cast<double>(std::numeric_limits<T>::max()))};
  check_range(n, key, static_cast<double>(i->get()), limits);
  out = static_cast<T>(i->get());
}

void read_flag(const toml::node& n, const std::string& key, bool& out) {
  const auto* b = n.as_boolean();
  if (!b) fail_type(n, key, "true or false");
  out = b->get();
}

void read_text(const toml::node& n, const std::string& key, std::string& out) {
  const auto* s = n.as_string();
  if (!s) fail_type(n, key, "a string");
  // A NUL would end the text early wherever it is passed on as a C string (a file name, a label).
  if (s->get().find('\0') != std::string::npos) fail_at(n, key, "a string with a NUL character (\\u0000)");
  out = s->get();
}

template <class Options>
void read_choice(const toml::node& n, const std::string& key, std::string& out, const Options& options) {
  std::string value;
  read_text(n, key, value);
  const std::vector<std::string> names(std::begin(options), std::end(options));
  if (std::find(names.begin(), names.end(), value) != names.end()) {
    out = std::move(value);
    return;
  }
  std::vector<std::string> quoted;
  for (const std::string& name : names) quoted.push_back('"' + name + '"');
  const auto suggestion = closest_name(value, names);
  fail_at(n, key,
          "unknown choice '" + value + "'" + (suggestion ? "; did you mean '" + *suggestion + "'?" : "") +
              " (options: " + join(quoted, ", ") + ")");
}

template <class Values>
void read_list(const toml::node& n, const std::string& key, Values& values, Range r) {
  const auto* array = n.as_array();
  if (!array) fail_type(n, key, "an array of numbers");
  Values out = values;
  if constexpr (requires { out.resize(std::size_t{}); }) {
    out.resize(array->size());
  } else if (array->size() != out.size()) {
    fail_at(n, key, "expected " + std::to_string(out.size()) + " values, got " + std::to_string(array->size()));
  }
  for (std::size_t i = 0; i < out.size(); ++i) read_number((*array)[i], element_key(key, i), out[i], r);
  values = std::move(out);
}

std::string unknown_key_message(std::string_view key, std::span<const std::string> known) {
  std::string message = "unknown key '" + std::string(key) + "'";
  if (const auto suggestion = closest_name(key, known)) return message + "; did you mean '" + *suggestion + "'?";
  return message + "; valid keys: " + join(known, ", ");
}

// --- The visitor -------------------------------------------------------------------------------

/// Reads one level of a Def. In table mode it reads every key of a TOML table; in path mode (overrides)
/// it follows the remaining segments of one dotted key to the value that sets it.
class Reader {
 public:
  Reader(const toml::table& table, std::string path, Origins& origins)
      : table_(&table), path_(std::move(path)), origins_(origins) {}
  Reader(std::span<const std::string> rest, const toml::node& value, std::string path, Origins& origins)
      : rest_(rest), value_(&value), path_(std::move(path)), origins_(origins) {}

  template <class T>
  void field(std::string_view key, T& value, Range range, const char*) {
    if (const toml::node* n = scalar(key)) read_number(*n, join_key(path_, key), value, range);
  }
  void flag(std::string_view key, bool& value, const char*) {
    if (const toml::node* n = scalar(key)) read_flag(*n, join_key(path_, key), value);
  }
  void text(std::string_view key, std::string& value, const char*) {
    if (const toml::node* n = scalar(key)) read_text(*n, join_key(path_, key), value);
  }
  template <class Options>
  void choice(std::string_view key, std::string& value, const Options& options, const char*) {
    if (const toml::node* n = scalar(key)) read_choice(*n, join_key(path_, key), value, options);
  }
  template <class Values>
  void list(std::string_view key, Values& values, Range range, const char*) {
    if (const toml::node* n = leaf(key)) return read_list(*n, join_key(path_, key), values, range);
    if (!below(key)) return;
    if (rest_.size() > 2) not_a_table(join_key(path_, key) + "." + rest_[1]);
    const std::size_t i = index_below(key, values.size());
    origins_[join_key(path_, key)] = origin_of(value_->source());
    read_number(*value_, element_key(join_key(path_, key), i), values[i], range);
  }
  template <class Sub>
  void table(std::string_view key, Sub& sub, const char*) {
    if (const toml::node* n = leaf(key)) return read_table(*n, join_key(path_, key), sub);
    if (below(key)) descend(join_key(path_, key), rest_.subspan(1), sub);
  }
  template <class Sub>
  void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    if (const toml::node* n = leaf(key)) return read_tables(*n, join_key(path_, key), subs);
    if (!below(key)) return;
    const std::size_t i = index_below(key, subs.size());
    descend(element_key(join_key(path_, key), i), rest_.subspan(2), subs[i]);
  }

  /// Offer `key` in "did you mean" suggestions although the schema does not list it.
  void suggest_also(std::string_view key) { hints_.emplace_back(key); }

  /// After the visit: every key of the table, or the override's key, must have been among the known ones.
  void finish() const {
    if (table_) {
      for (auto&& [key, node] : *table_)
        if (!is_known(key.str())) unknown(key.source().path ? key.source() : node.source(), key.str());
    } else if (!is_known(rest_[0])) {
      unknown(value_->source(), rest_[0]);
    }
  }

 private:
  /// The node that sets `key` at this level, if any; records `key` as known and the node's origin.
  const toml::node* leaf(std::string_view key) {
    known_.emplace_back(key);
    const toml::node* n = table_ ? table_->get(key) : (rest_.size() == 1 && rest_[0] == key ? value_ : nullptr);
    if (n) origins_[join_key(path_, key)] = origin_of(n->source());
    return n;
  }
  /// Path mode: the override's key continues below `key`.
  bool below(std::string_view key) const { return value_ && rest_.size() > 1 && rest_[0] == key; }
  /// Like leaf, for keys that hold a single value and so cannot have keys below them.
  const toml::node* scalar(std::string_view key) {
    if (below(key)) not_a_table(join_key(path_, key));
    return leaf(key);
  }
  bool is_known(std::string_view key) const { return std::find(known_.begin(), known_.end(), key) != known_.end(); }

  [[noreturn]] void unknown(const toml::source_region& source, std::string_view key) const {
    std::vector<std::string> names = known_;
    names.insert(names.end(), hints_.begin(), hints_.end());
    fail(origin_of(source), join_key(path_, key), unknown_key_message(key, names));
  }
  [[noreturn]] void not_a_table(const std::string& key) const {
    fail(origin_of(value_->source()), override_key(), "'" + key + "' holds a value, not a table");
  }
  std::string override_key() const { return join_key(path_, join(rest_, ".")); }

  /// Path mode: the array index that follows `key` in the override's key, checked against the size.
  std::size_t index_below(std::string_view key, std::size_t size) const {
    const std::string& text = rest_[1];
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), index);
    if (error != std::errc{} || end != text.data() + text.size())
      fail(origin_of(value_->source()), override_key(), "expected an element index after '" + std::string(key) +
                                                            "', got '" + text + "'");
    if (index >= size)
      fail(origin_of(value_->source()), override_key(),
           "index " + text + " is out of range: '" + std::string(key) + "' has " + std::to_string(size) + " elements");
    return index;
  }

  template <class Sub>
  void read_table(const toml::node& n, std::string path, Sub& sub) {
    const auto* t = n.as_table();
    if (!t) fail_type(n, std::move(path), "a table");
    Reader reader(*t, std::move(path), origins_);
    sub.visit(reader);
    reader.finish();
  }
  template <class Sub>
  void read_tables(const toml::node& n, const std::string& path, std::vector<Sub>& subs) {
    const auto* array = n.as_array();
    if (!array) fail_type(n, path, "an array of tables");
    if (array->empty()) fail_at(n, path, "expected at least one table");
    // Elements start from the code default of one element; the array replaces the defaults entirely.
    std::vector<Sub> out(array->size());
    for (std::size_t i = 0; i < out.size(); ++i) read_table((*array)[i], element_key(path, i), out[i]);
    subs = std::move(out);
  }
  template <class Sub>
  void descend(std::string path, std::span<const std::string> rest, Sub& sub) {
    if (rest.empty()) return read_table(*value_, std::move(path), sub);
    Reader reader(rest, *value_, std::move(path), origins_);
    sub.visit(reader);
    reader.finish();
  }

  const toml::table* table_ = nullptr;  // table mode
  std::span<const std::string> rest_;   // path mode: segments from this level down
  const toml::node* value_ = nullptr;   // path mode: the override's value
  std::string path_;
  Origins& origins_;
  std::vector<std::string> known_;
  std::vector<std::string> hints_;
};

std::vector<std::string> split_key(std::string_view dotted) {
  std::vector<std::string> segments;
  for (std::size_t start = 0;;) {
    const std::size_t dot = dotted.find('.', start);
    segments.emplace_back(dotted.substr(start, dot - start));
    if (dot == std::string_view::npos) return segments;
    start = dot + 1;
  }
}

}  // namespace

Origin origin_of(const toml::source_region& source) {
  Origin origin{source.path ? *source.path : std::string("(scenario)"), source.begin.line};
  if (origin.file == kOverrideFile) origin.line = 0;
  return origin;
}

void read_tree(const toml::table& root, ScenarioDef& def, Origins& origins) {
  Reader reader(root, "", origins);
  reader.suggest_also("extends");  // consumed by the loader before reading; `extend = ...` should still get a hint
  def.visit(reader);
  reader.finish();
}

void read_override(std::string_view dotted_key, const toml::node& value, ScenarioDef& def, Origins& origins) {
  const std::vector<std::string> segments = split_key(dotted_key);
  if (std::any_of(segments.begin(), segments.end(), [](const std::string& s) { return s.empty(); }))
    fail(origin_of(value.source()), std::string(dotted_key), "expected a dotted key such as run.households");
  Reader reader(segments, value, "", origins);
  def.visit(reader);
  reader.finish();
}

}  // namespace wijksim::scenarios::detail
