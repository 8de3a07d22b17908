#include "scenarios/def_values.hpp"

#include "scenarios/loader_detail.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace wijksim::scenarios {

namespace {

/// A value for a setting of type T: within the range, whole numbers rounded.
template <class T> T fitted(double x, kernel::Range range) {
  const double c = std::clamp(x, range.min, range.max);
  if constexpr (std::is_integral_v<T>) return static_cast<T>(std::llround(c));
  else return static_cast<T>(c);
}

/// Walks a Def's visit list with the dotted path of each field, stopping at `wanted`; with `assign`, it writes
/// those values there.
class NumberFinder {
 public:
  explicit NumberFinder(std::string_view wanted, std::span<const double> assign = {})
      : wanted_(wanted), assign_(assign) {}

  template <class T> void field(std::string_view key, T& value, kernel::Range range, const char*) {
    if (!at(key)) return;
    if (assign_.size() == 1) value = fitted<T>(assign_[0], range);
    found_ = Numbers{{static_cast<double>(value)}, range, false};
  }
  void flag(std::string_view, bool&, const char*) {}
  void text(std::string_view, std::string&, const char*) {}
  template <class Options> void choice(std::string_view, std::string&, const Options&, const char*) {}
  template <class List> void list(std::string_view key, List& values, kernel::Range range, const char*) {
    if (!at(key)) return;
    if (!assign_.empty() && assign_.size() == values.size()) {
      using T = std::decay_t<decltype(values[0])>;
      for (std::size_t i = 0; i < values.size(); ++i) values[i] = fitted<T>(assign_[i], range);
    }
    found_ = Numbers{std::vector<double>(values.begin(), values.end()), range, true};
  }
  template <class Sub> void table(std::string_view key, Sub& sub, const char*) {
    const std::string outer = path_;
    path_ = detail::join_key(outer, key);
    if (wanted_.starts_with(path_ + ".")) sub.visit(*this);
    path_ = outer;
  }
  template <class Sub> void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    const std::string outer = path_;
    for (std::size_t i = 0; i < subs.size(); ++i) {
      path_ = detail::join_key(outer, std::string(key) + "." + std::to_string(i));
      if (wanted_.starts_with(path_ + ".")) subs[i].visit(*this);
    }
    path_ = outer;
  }
  const std::optional<Numbers>& found() const { return found_; }

 private:
  bool at(std::string_view key) const { return detail::join_key(path_, key) == wanted_; }
  std::string_view wanted_;
  std::span<const double> assign_;
  std::string path_;
  std::optional<Numbers> found_;
};

}  // namespace

std::optional<Numbers> numbers_at(const ScenarioDef& def, std::string_view key) {
  ScenarioDef copy = def;  // visit is not const
  NumberFinder finder(key);
  copy.visit(finder);
  return finder.found();
}

bool set_numbers(ScenarioDef& def, std::string_view key, std::span<const double> values) {
  NumberFinder finder(key, values);
  def.visit(finder);
  const auto& found = finder.found();
  return found.has_value() && found->values.size() == values.size();
}

std::string overrides_file(std::string_view header, std::string_view extends, std::string_view name,
                           std::span<const std::pair<std::string, std::vector<double>>> values) {
  std::string out;
  std::size_t start = 0;
  while (start <= header.size() && !header.empty()) {
    const std::size_t end = std::min(header.find('\n', start), header.size());
    out += "# " + std::string(header.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  out += "extends = " + detail::toml_string(extends) + "\n";
  out += "name = " + detail::toml_string(name) + "\n\n";
  for (const auto& [key, numbers] : values) {
    std::vector<std::string> parts;
    for (const double x : numbers) parts.push_back(detail::toml_float(x));
    out += key + " = " + (numbers.size() == 1 ? parts.front() : "[" + detail::join(parts, ", ") + "]") + "\n";
  }
  return out;
}

}  // namespace wijksim::scenarios
