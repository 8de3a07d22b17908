// Providers with limited places (services/providers.hpp): waiting lists first in, first out; places never
// exceeded; households that gave up are skipped and asking again means the back of the list; referrals join the
// list of a limited provider and start at once elsewhere; a mandate grant starts at once and takes a place;
// replacement funding shrinks the places but leaves one.
#include "services/providers.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace wijksim::services {
namespace {

using kernel::HouseholdId;

constexpr Trajectory kLimited = Trajectory::WmoHouseholdHelp;
constexpr Trajectory kFree = Trajectory::DebtHelpLight;
constexpr std::size_t kL = static_cast<std::size_t>(kLimited);

std::uint16_t bit(Trajectory t) { return static_cast<std::uint16_t>(1U << static_cast<unsigned>(t)); }

class ProvidersTest : public ::testing::Test {
 protected:
  agents::Population pop{10};
  Providers providers = make(2);

  static Providers make(std::uint32_t places) {
    ProvidersDef def;
    def.providers[kL].capacity = places;
    return Providers(def);
  }
  bool waits(HouseholdId h) const { return (pop.waiting[h] & bit(kLimited)) != 0; }
  bool runs(HouseholdId h) const { return (pop.care[h] & bit(kLimited)) != 0; }

  /// The household pass asking for places: each household's waiting bit set and a request in the inbox.
  ProviderInbox asking(const std::vector<HouseholdId>& households) {
    ProviderInbox inbox;
    for (const HouseholdId h : households) {
      pop.waiting[h] |= bit(kLimited);
      inbox.requests.push_back({h, static_cast<std::uint8_t>(kLimited)});
    }
    return inbox;
  }
  /// One month of the providers: this month's requests queued, then places filled; `running` households in the
  /// trajectory before admission.
  const ProviderMonth& month(ProviderInbox inbox, std::int64_t running) {
    inbox.running[kL] = running;
    providers.enqueue(pop, inbox);
    providers.serve(pop, inbox);
    return providers.last_month()[kL];
  }
};

TEST_F(ProvidersTest, ServesTheWaitingListFirstInFirstOut) {
  const ProviderMonth& m = month(asking({7, 2, 5, 0}), 0);
  EXPECT_TRUE(runs(7));
  EXPECT_TRUE(runs(2));
  EXPECT_FALSE(runs(5));
  EXPECT_FALSE(runs(0));
  EXPECT_FALSE(waits(7));
  EXPECT_TRUE(waits(5));
  EXPECT_EQ(m.admitted, 2);
  EXPECT_EQ(m.running, 2);
  EXPECT_EQ(m.waiting, 2);
  EXPECT_EQ(m.capacity, 2);
  // A place frees up (the pass counts one running): the head of the list, 5, goes before 0 and before a newcomer.
  const ProviderMonth& next = month(asking({1}), 1);
  EXPECT_EQ(next.admitted, 1);
  EXPECT_TRUE(runs(5));
  EXPECT_FALSE(runs(0));
  EXPECT_FALSE(runs(1));
  EXPECT_EQ(providers.waiting(kLimited), 2U);
}

TEST_F(ProvidersTest, NeverAdmitsBeyondItsPlaces) {
  const ProviderMonth& full = month(asking({1, 2, 3}), 2);
  EXPECT_EQ(full.admitted, 0);
  EXPECT_EQ(full.running, 2);
  EXPECT_EQ(full.waiting, 3);
  for (const HouseholdId h : {1, 2, 3}) EXPECT_FALSE(runs(h));
  // More running than places (places removed meanwhile): still nobody admitted.
  EXPECT_EQ(month({}, 5).admitted, 0);
  const ProviderMonth& freed = month({}, 0);
  EXPECT_EQ(freed.admitted, 2);
  EXPECT_EQ(freed.running, 2);
  EXPECT_EQ(freed.waiting, 1);
}

TEST_F(ProvidersTest, HouseholdsThatGaveUpAreSkippedAndAskingAgainMeansTheBack) {
  month(asking({1, 2, 3, 4}), 2);  // full: all four wait
  // The household pass: 1 and 3 give up (their waiting bit cleared, counted as dropped).
  pop.waiting[1] &= static_cast<std::uint16_t>(~bit(kLimited));
  pop.waiting[3] &= static_cast<std::uint16_t>(~bit(kLimited));
  ProviderInbox gave_up;
  gave_up.dropped[kL] = 2;
  const ProviderMonth& m = month(gave_up, 2);
  EXPECT_EQ(m.dropped, 2);
  EXPECT_EQ(m.waiting, 2) << "2 and 4 are left";
  // A month later 1 asks again and a place is free: 2 is first, 1 is behind 4.
  EXPECT_EQ(month(asking({1}), 1).admitted, 1);
  EXPECT_TRUE(runs(2));
  EXPECT_EQ(month({}, 1).admitted, 1);
  EXPECT_TRUE(runs(4));
  EXPECT_FALSE(runs(1));
  EXPECT_FALSE(runs(3));
  EXPECT_EQ(providers.waiting(kLimited), 1U);
  // A household that gave up after its turn came is skipped, not admitted.
  pop.waiting[1] &= static_cast<std::uint16_t>(~bit(kLimited));
  ProviderInbox skip;
  providers.serve(pop, skip);  // no enqueue: the stale entry is still on the list when places are filled
  EXPECT_FALSE(runs(1));
  EXPECT_EQ(providers.last_month()[kL].admitted, 0);
  EXPECT_EQ(providers.waiting(kLimited), 0U);
}

TEST_F(ProvidersTest, ReferralsJoinALimitedListAndStartElsewhereAtOnce) {
  EXPECT_TRUE(providers.request(pop, 3, kFree));
  EXPECT_NE(pop.care[3] & bit(kFree), 0);
  EXPECT_FALSE(providers.request(pop, 3, kFree)) << "already running";
  EXPECT_FALSE(providers.request(pop, 4, kLimited));
  EXPECT_TRUE(waits(4));
  EXPECT_FALSE(runs(4));
  EXPECT_FALSE(providers.request(pop, 4, kLimited)) << "already waiting: no second entry";
  EXPECT_EQ(providers.waiting(kLimited), 1U);
  EXPECT_EQ(providers.waiting(kFree), 0U);
  // The referral joined the list before this month's requests of the household pass: it goes first.
  const ProviderMonth& m = month(asking({6}), 1);
  EXPECT_EQ(m.admitted, 1);
  EXPECT_TRUE(runs(4));
  EXPECT_FALSE(runs(6));
}

TEST_F(ProvidersTest, AGrantStartsAtOnceAndTakesAPlace) {
  month(asking({1, 2}), 2);  // full
  ProviderInbox inbox;
  providers.enqueue(pop, inbox);
  providers.grant(pop, 2, kLimited);  // a team's mandate for a household on the list
  providers.grant(pop, 2, kLimited);  // granted twice: counted once
  EXPECT_TRUE(runs(2));
  EXPECT_FALSE(waits(2));
  inbox.running[kL] = 1;  // one of the two places freed up this month
  providers.serve(pop, inbox);
  const ProviderMonth& m = providers.last_month()[kL];
  EXPECT_EQ(m.admitted, 0) << "the grant took the free place";
  EXPECT_EQ(m.running, 2);
  EXPECT_EQ(m.waiting, 1);
  EXPECT_FALSE(runs(1));
}

TEST_F(ProvidersTest, ReplacementFundingShrinksThePlacesButLeavesOne) {
  Providers five = make(5);
  five.shrink(kLimited, 2);
  EXPECT_EQ(five.capacity(kLimited), 3U);
  five.shrink(kLimited, 10);
  EXPECT_EQ(five.capacity(kLimited), 1U);
  five.shrink(kFree, 3);
  EXPECT_EQ(five.capacity(kFree), 0U) << "a provider without a limit stays without one";
  providers.shrink(kLimited, 1);
  const ProviderMonth& m = month(asking({1, 2}), 0);
  EXPECT_EQ(m.capacity, 1);
  EXPECT_EQ(m.admitted, 1);
}

TEST_F(ProvidersTest, UnlimitedProvidersKeepNoList) {
  const ProviderMonth& m = providers.last_month()[static_cast<std::size_t>(kFree)];
  month({}, 0);
  EXPECT_EQ(m.capacity, 0);
  EXPECT_EQ(m.waiting, 0);
  EXPECT_EQ(m.admitted, 0);
}

}  // namespace
}  // namespace wijksim::services
