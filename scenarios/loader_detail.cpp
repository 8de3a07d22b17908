#include "scenarios/loader_detail.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#include "scenarios/loader.hpp"

namespace wijksim::scenarios::detail {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool is_bare_key(std::string_view key) {
  const auto bare = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  return !key.empty() && std::all_of(key.begin(), key.end(), bare);
}

std::string escape(char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\t': return "\\t";
    case '\r': return "\\r";
    default: break;
  }
  const auto code = static_cast<unsigned char>(c);
  if (code >= 0x20 && code != 0x7f) return std::string(1, c);
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(code));
  return buffer;
}

}  // namespace

void fail(const Origin& origin, std::string key, std::string message) {
  throw ScenarioError(origin.file, origin.line, std::move(key), std::move(message));
}

std::string join_key(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out(path);
  out += '.';
  out += key;
  return out;
}

std::string element_key(std::string_view path, std::size_t index) { return join_key(path, std::to_string(index)); }

std::string join(std::span<const std::string> items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string format_number(double x) {
  if (std::isfinite(x) && x == std::trunc(x) && std::abs(x) < 1e15)
    return std::to_string(static_cast<long long>(x));
  // Plain decimals read best for the usual magnitudes (0.0008, not 8e-04); exponents beyond them.
  const bool plain = std::abs(x) >= 1e-6 && std::abs(x) < 1e15;
  char buffer[64];
  const auto result = plain ? std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed)
                            : std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

std::string toml_float(double x) {
  std::string text = format_number(x);
  // Integral values would read back as TOML integers; keep them visibly floats.
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) out += escape(c);
  out += '"';
  return out;
}

std::string toml_text(std::string_view s) {
  std::string one_line = toml_string(s);
  if (one_line.size() <= kTextLineBytes) return one_line;
  std::string out = "\"\"\"\n";
  std::size_t line = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    // Never inside a UTF-8 character; a space right after a cut is escaped, as the line-ending backslash eats the
    // whitespace that follows it.
    const bool cut = line >= kTextLineBytes && (byte & 0xC0) != 0x80;
    if (cut) {
      out += "\\\n";
      line = 0;
    }
    const std::string unit = cut && byte == ' ' ? std::string("\\u0020") : escape(s[i]);
    out += unit;
    line += unit.size();
  }
  return out + "\"\"\"";
}

std::string toml_key(std::string_view key) { return is_bare_key(key) ? std::string(key) : toml_string(key); }

std::optional<std::string> closest_name(std::string_view name, std::span<const std::string> known) {
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& candidate : known) {
    const std::size_t distance = edit_distance(name, candidate);
    if (!best || distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (!best || best_distance > std::max<std::size_t>(2, name.size() / 3)) return std::nullopt;
  return *best;
}

const ShippedText* find_shipped(std::string_view name) {
  if (name.ends_with(".toml")) name.remove_suffix(5);
  for (const ShippedText& shipped : shipped_texts())
    if (shipped.name == name) return &shipped;
  return nullptr;
}

std::vector<std::string> shipped_names() {
  std::vector<std::string> names;
  for (const ShippedText& shipped : shipped_texts()) names.emplace_back(shipped.name);
  return names;
}

std::string shipped_hint(std::string_view name) {
  if (name.ends_with(".toml")) name.remove_suffix(5);
  const std::vector<std::string> names = shipped_names();
  std::string out;
  if (const auto suggestion = closest_name(name, names)) out += "; did you mean '" + *suggestion + "'?";
  return out + "; shipped scenarios: " + join(names, ", ");
}

}  // namespace wijksim::scenarios::detail
