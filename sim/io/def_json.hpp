#pragma once
// Any Def (with a visit member) as a JSON object, for manifests.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/json.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::sim {

/// Visitor writing a Def as JSON (keys in schema order).
class DefJsonWriter {
 public:
  explicit DefJsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  template <class T> void field(std::string_view key, const T& value, kernel::Range, const char*) {
    put_key(key);
    out_ += json_number(static_cast<double>(value));
  }
  void flag(std::string_view key, const bool& value, const char*) {
    put_key(key);
    out_ += value ? "true" : "false";
  }
  void text(std::string_view key, const std::string& value, const char*) {
    put_key(key);
    out_ += json_string(value);
  }
  template <class Options> void choice(std::string_view key, const std::string& value, const Options&, const char*) {
    text(key, value, nullptr);
  }
  template <class List> void list(std::string_view key, const List& values, kernel::Range, const char*) {
    put_key(key);
    out_ += "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out_ += ", ";
      out_ += json_number(values[i]);
    }
    out_ += "]";
  }
  template <class Sub> void table(std::string_view key, Sub& sub, const char*) {
    put_key(key);
    DefJsonWriter(out_, indent_ + 2).write_object(sub);
  }
  template <class Sub> void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    put_key(key);
    out_ += "[";
    for (std::size_t i = 0; i < subs.size(); ++i) {
      if (i) out_ += ", ";
      DefJsonWriter(out_, indent_ + 2).write_object(subs[i]);
    }
    out_ += "]";
  }

  /// Write a whole Def as an object: its keys indented by indent + 2, the closing brace by indent.
  template <class Def> void write_object(Def& def) {
    out_ += "{";
    DefJsonWriter inner(out_, indent_);
    def.visit(inner);
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_), ' ');
    out_ += '}';
  }

 private:
  void put_key(std::string_view key) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(static_cast<std::size_t>(indent_ + 2), ' ');
    out_ += json_string(key);
    out_ += ": ";
  }
  std::string& out_;
  int indent_;
  bool first_ = true;
};

/// A Def as a JSON object text.
template <class Def> std::string def_to_json(Def def, int indent = 0) {
  std::string out;
  DefJsonWriter(out, indent).write_object(def);
  return out;
}

}  // namespace wijksim::sim
