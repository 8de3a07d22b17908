// operator== of the Defs against the comparison it replaced (the scenarios' to_toml texts): every value the schema
// lists, changed on its own, makes two scenarios unequal both ways; equal values, -0.0 against 0.0 included,
// compare equal both ways.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

/// Changes the value number `target` (counting in visit order, nested tables included) and records its key.
class ChangeOne {
 public:
  ChangeOne(std::size_t target, std::string path = "") : target_(target), path_(std::move(path)) {}

  template <class T> void field(std::string_view key, T& value, kernel::Range, const char*) {
    if (hit(key)) value = static_cast<T>(value + 1);
  }
  void flag(std::string_view key, bool& value, const char*) {
    if (hit(key)) value = !value;
  }
  void text(std::string_view key, std::string& value, const char*) {
    if (hit(key)) value += "x";
  }
  template <class Options> void choice(std::string_view key, std::string& value, const Options&, const char*) {
    text(key, value, nullptr);
  }
  template <class List> void list(std::string_view key, List& values, kernel::Range, const char*) {
    if (!hit(key)) return;
    if constexpr (requires { values.push_back(0.0); }) {
      if (values.empty()) {
        values.push_back(0.5);
        return;
      }
    }
    values.back() += 0.5;
  }
  template <class Sub> void table(std::string_view key, Sub& sub, const char*) {
    ChangeOne inner(target_ - seen_, path_ + std::string(key) + ".");
    sub.visit(inner);
    seen_ += inner.seen_;
    if (!inner.changed_.empty()) changed_ = inner.changed_;
  }
  template <class Sub> void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    for (std::size_t i = 0; i < subs.size(); ++i) table(std::string(key) + "." + std::to_string(i), subs[i], nullptr);
  }

  std::size_t seen() const { return seen_; }
  const std::string& changed() const { return changed_; }

 private:
  bool hit(std::string_view key) {
    const bool now = seen_++ == target_;
    if (now) changed_ = path_ + std::string(key);
    return now;
  }
  std::size_t target_;
  std::string path_;
  std::size_t seen_ = 0;
  std::string changed_;
};

/// A scenario with every array of tables filled: two teams with co-financiers, a sensitivity range.
ScenarioDef full_scenario() {
  ScenarioDef def = load_scenario(testing::shipped("team_cofinanced.toml"));
  def.teams.push_back(def.teams.front());
  def.mkba.sensitivity.push_back({"teams.0.fte", "2.0", "6.0"});
  return def;
}

TEST(DefEquality, EveryValueOnItsOwnMakesScenariosUnequalAsTheirTextsDo) {
  const ScenarioDef base = full_scenario();
  ASSERT_GE(base.teams.front().cofinanciers.size(), 1U);
  const std::string base_text = to_toml(base);
  EXPECT_TRUE(base == ScenarioDef(base));
  ChangeOne count(SIZE_MAX);
  ScenarioDef(base).visit(count);
  ASSERT_GT(count.seen(), 500U);
  for (std::size_t k = 0; k < count.seen(); ++k) {
    ScenarioDef changed = base;
    ChangeOne change(k);
    changed.visit(change);
    ASSERT_FALSE(change.changed().empty()) << k;
    EXPECT_FALSE(changed == base) << change.changed();
    EXPECT_NE(to_toml(changed), base_text) << change.changed();
  }
}

TEST(DefEquality, NegativeZeroEqualsZeroAsInTheText) {
  ScenarioDef a = full_scenario();
  ScenarioDef b = a;
  a.financiers.cut_below = 0.0;
  b.financiers.cut_below = -0.0;
  ASSERT_TRUE(std::signbit(b.financiers.cut_below));
  EXPECT_TRUE(a == b);
  EXPECT_EQ(to_toml(a), to_toml(b));
  // The nearest different doubles differ in both.
  b.financiers.cut_below = std::nextafter(0.0, 1.0);
  EXPECT_FALSE(a == b);
  EXPECT_NE(to_toml(a), to_toml(b));
  b = a;
  b.network.mean_ties = std::nextafter(a.network.mean_ties, 100.0);
  EXPECT_FALSE(a == b);
  EXPECT_NE(to_toml(a), to_toml(b));
}

TEST(DefEquality, LoadedTwiceIsEqual) {
  for (const char* file : {"default.toml", "wijkteam.toml", "team_cofinanced.toml", "mkba_tool_example.toml"})
    EXPECT_TRUE(load_scenario(testing::shipped(file)) == load_scenario(testing::shipped(file))) << file;
  EXPECT_FALSE(load_scenario(testing::shipped("default.toml")) == load_scenario(testing::shipped("wijkteam.toml")));
}

}  // namespace
}  // namespace wijksim::scenarios
