#include "sim/engine/world.hpp"

#include <gtest/gtest.h>

#include "common/fixtures.hpp"
#include "common/worlds.hpp"
#include "sim/validation/calibration.hpp"
#include "sim/io/run_output.hpp"

namespace wijksim::sim {
namespace {

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string all_csv(const World& w) { return levels_csv(w) + flows_csv(w) + pockets_csv(w); }

TEST(World, HouseholdsAreConservedEveryMonth) {
  const auto def = testing::small_scenario(3000, 36);
  const World w = testing::run_world(def, 0, 2);
  ASSERT_EQ(w.records().size(), 36U);
  std::array<std::int64_t, agents::kLevelCount> previous{};
  for (std::size_t m = 0; m < w.records().size(); ++m) {
    const MonthRecord& rec = w.records()[m];
    std::int64_t total = 0;
    for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
      total += rec.levels[l];
      std::int64_t into = 0, out_of = 0;
      for (std::size_t k = 0; k < agents::kLevelCount; ++k) {
        into += rec.flows[k][l];
        out_of += rec.flows[l][k];
      }
      EXPECT_EQ(into, rec.levels[l]) << "month " << m;           // flows arrive in this month's levels
      if (m > 0) {
        EXPECT_EQ(out_of, previous[l]) << "month " << m;  // and leave last month's
      }
    }
    EXPECT_EQ(total, 3000) << "month " << m;
    previous = rec.levels;
  }
}

TEST(World, LedgerBalancesWithTheBookedItems) {
  const auto def = testing::small_scenario(2000, 24);
  const World w = testing::run_world(def, 0, 1);
  const Ledger& ledger = w.ledger();
  Cents by_pocket = 0, by_item = 0, by_month = 0;
  for (std::uint32_t y = 0; y < ledger.years(); ++y)
    for (PocketId p = 0; p < ledger.pockets(); ++p) {
      by_pocket += ledger.pocket_year(p, y);
      Cents items = 0;
      for (ItemId i = 0; i < ledger.items(); ++i) items += ledger.item_year(p, i, y);
      EXPECT_EQ(items, ledger.pocket_year(p, y));
      by_item += items;
    }
  for (Month m = 0; m < ledger.months(); ++m) by_month += ledger.month_total(m);
  EXPECT_EQ(by_pocket, ledger.total());
  EXPECT_EQ(by_item, ledger.total());
  EXPECT_EQ(by_month, ledger.total());
  // Every item booked equals what the households were charged (per item, before the payer split).
  Cents charged = 0;
  for (auto c : w.tallies().care.items) charged += c;
  EXPECT_EQ(charged, ledger.total());
  EXPECT_GT(ledger.total(), 0);
}

TEST(World, SameSeedGivesIdenticalOutputWhateverTheThreadCount) {
  const auto def = testing::small_scenario(4000, 24);
  const World one = testing::run_world(def, 0, 1), two = testing::run_world(def, 0, 2),
              three = testing::run_world(def, 0, 3);
  EXPECT_EQ(all_csv(one), all_csv(two));
  EXPECT_EQ(all_csv(one), all_csv(three));
  EXPECT_EQ(calibration_json(calibrate_scenario(def, 1)), calibration_json(calibrate_scenario(def, 2)));
}

TEST(World, DifferentSeedOrReplicationGivesDifferentOutput) {
  auto def = testing::small_scenario(2000, 12);
  const World a = testing::run_world(def, 0, 1), b = testing::run_world(def, 1, 1);
  auto other = def;
  other.run.seed += 1;
  const World c = testing::run_world(other, 0, 1);
  EXPECT_NE(all_csv(a), all_csv(b));
  EXPECT_NE(all_csv(a), all_csv(c));
}

// A fixed run hashed to a stored constant: any change in the model's results shows up here (Debug and
// Release alike). When a change of the model is intended, update the constant in the same commit.
TEST(World, GoldenHashOfAFixedRun) {
  const auto def = testing::small_scenario(2000, 24);
  const World w = testing::run_world(def, 0, 2);
  EXPECT_EQ(fnv1a(all_csv(w)), 0xe3dd83fce1e6baf8ULL) << std::hex << "0x" << fnv1a(all_csv(w));
}

}  // namespace
}  // namespace wijksim::sim
