#pragma once
// Any Def (with a visit member) as a JSON object, for manifests: its keys in schema order.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "sim/io/json.hpp"
#include "sim/kernel/def_meta.hpp"

namespace wijksim::sim {

template <class Def> Json def_to_json(Def def);

/// Visitor filling a JSON object with a Def's fields.
class DefJsonWriter {
 public:
  explicit DefJsonWriter(Json& object) : object_(object) {}

  template <class T> void field(std::string_view key, const T& value, kernel::Range, const char*) {
    if constexpr (std::is_floating_point_v<T>) {
      put(key, json_number(value));
    } else {
      put(key, value);
    }
  }
  void flag(std::string_view key, const bool& value, const char*) { put(key, value); }
  void text(std::string_view key, const std::string& value, const char*) { put(key, value); }
  template <class Options> void choice(std::string_view key, const std::string& value, const Options&, const char*) {
    put(key, value);
  }
  template <class List> void list(std::string_view key, const List& values, kernel::Range, const char*) {
    Json array = Json::array();
    for (const double x : values) array.push_back(json_number(x));
    put(key, std::move(array));
  }
  template <class Sub> void table(std::string_view key, Sub& sub, const char*) { put(key, def_to_json(sub)); }
  template <class Sub> void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    Json array = Json::array();
    for (Sub& sub : subs) array.push_back(def_to_json(sub));
    put(key, std::move(array));
  }

 private:
  void put(std::string_view key, Json value) { object_[std::string(key)] = std::move(value); }
  Json& object_;
};

/// A Def as a JSON object (visit is not const: the Def is taken by value).
template <class Def> Json def_to_json(Def def) {
  Json object = Json::object();
  DefJsonWriter writer(object);
  def.visit(writer);
  return object;
}

}  // namespace wijksim::sim
