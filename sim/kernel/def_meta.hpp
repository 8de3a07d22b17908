#pragma once
// Vocabulary for describing settings structs (...Def). Each Def lists its fields once, in a
// `template <class V> void visit(V& v)` member, with unit, range and meaning. The scenario loader,
// the printer of merged scenarios and the documentation all walk that one list:
//
//   v.field(key, double|int|uint32|uint64 &value, Range, doc)   number with inclusive range
//   v.flag(key, bool &value, doc)                                 boolean
//   v.text(key, std::string &value, doc)                          free text
//   v.choice(key, std::string &value, std::span<const std::string_view> options, doc)
//   v.list(key, std::array<double, N> | std::vector<double> &values, Range, doc)
//   v.table(key, SubDef &sub, doc)                                nested table (SubDef has visit)
//   v.tables(key, std::vector<SubDef> &subs, doc)                 array of tables
#include <limits>

namespace wijksim::kernel {

/// Inclusive range of a numeric setting.
struct Range {
  double min;
  double max;
};

inline constexpr double kUnbounded = std::numeric_limits<double>::max();
inline constexpr Range kProbability{0.0, 1.0};
inline constexpr Range kShare{0.0, 1.0};
inline constexpr Range kNonNegative{0.0, kUnbounded};
inline constexpr Range kEur{0.0, 1.0e9};
inline constexpr Range kMultiplier{0.0, 100.0};
inline constexpr Range kSignedEffect{-100.0, 100.0};

}  // namespace wijksim::kernel
