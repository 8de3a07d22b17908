#include "services/care.hpp"

#include <gtest/gtest.h>

#include "services/pockets.hpp"

namespace wijksim::services {
namespace {

TEST(PriceTable, RunningItemsAreMonthlyAndOneOffsPerEvent) {
  const PriceTable t = PriceTable::from(PriceListDef{}, CareDef{});
  EXPECT_EQ(t[Item::WelfareBenefit], kernel::monthly_cents(14000));  // [S003]
  EXPECT_EQ(t[Item::Eviction], kernel::to_cents(6000));              // [S003]
  EXPECT_EQ(t.payer[id(Item::Eviction)], id(Pocket::HousingCorporation));
}

TEST(PriceTable, SplitBookingAddsUpExactly) {
  const PriceTable t = PriceTable::from(PriceListDef{}, CareDef{});
  kernel::Ledger ledger(1, kPocketCount, kItemCount);
  t.book(ledger, 0, Item::WelfareBenefit, 1000001);  // odd cents: the rounding must not lose a cent
  const auto municipal = ledger.at(0, id(Pocket::MunicipalityWorkIncome), id(Item::WelfareBenefit));
  const auto national = ledger.at(0, id(Pocket::NationalGovernment), id(Item::WelfareBenefit));
  EXPECT_EQ(municipal + national, 1000001);
  EXPECT_EQ(national, 250000);
}

TEST(PriceTable, ScenarioCanRemapPayers) {
  PriceListDef prices;
  prices.items[id(Item::Eviction)].payer = "municipality_wmo";
  const PriceTable t = PriceTable::from(prices, CareDef{});
  EXPECT_EQ(t.payer[id(Item::Eviction)], id(Pocket::MunicipalityWmo));
}

TEST(Pockets, NamesRoundTrip) {
  for (std::size_t i = 0; i < kPocketCount; ++i)
    EXPECT_EQ(pocket_from_name(kPocketNames[i]), static_cast<Pocket>(i));
  EXPECT_FALSE(pocket_from_name("nobody").has_value());
  EXPECT_TRUE(is_municipal(Pocket::MunicipalityYouth));
  EXPECT_FALSE(is_municipal(Pocket::HealthInsurer));
  EXPECT_FALSE(is_money(Pocket::NonMonetary));
}

class AccountTest : public ::testing::Test {
 protected:
  agents::Population pop{1};
  PriceTable prices = PriceTable::from(PriceListDef{}, CareDef{});
  CareAccumulator acc;
  void account_once() { account(pop, {0, 1}, prices, acc); }
};

TEST_F(AccountTest, WelfareHouseholdPaysBenefitAndRunningCosts) {
  pop.income[0] = agents::Income::Welfare;
  account_once();
  EXPECT_EQ(acc.items[id(Item::WelfareBenefit)], prices[Item::WelfareBenefit]);
  EXPECT_EQ(acc.items[id(Item::WelfareRunningCosts)], prices[Item::WelfareRunningCosts]);
  EXPECT_EQ(pop.cost_year[0], prices[Item::WelfareBenefit] + prices[Item::WelfareRunningCosts]);
  EXPECT_EQ(pop.laws[0], kWelfareLaw);
}

TEST_F(AccountTest, EvictionBooksItsOneOffCostsOnce) {
  pop.events[0] = agents::kEviction;
  pop.housing[0] = agents::Housing::Evicted;
  pop.flags[0] = agents::kInShelter;
  account_once();
  EXPECT_EQ(acc.items[id(Item::Eviction)], prices[Item::Eviction]);
  EXPECT_EQ(acc.items[id(Item::Reletting)], prices[Item::Reletting]);
  EXPECT_EQ(acc.items[id(Item::Shelter)], prices[Item::Shelter]);
  EXPECT_EQ(pop.laws[0], kWmo);
}

TEST_F(AccountTest, NonMonetaryLossIsKeptOutOfPublicMoney) {
  pop.severity[agents::index(agents::Domain::MentalHealth)][0] = 3;
  pop.intramural[0] = agents::Intramural::MentalHealthAdmission;
  account_once();
  EXPECT_GT(acc.items[id(Item::QualityOfLife)], 0);
  EXPECT_EQ(pop.cost_year[0], prices[Item::MentalHealthAdmission] + prices[Item::GeneralPractitioner]);
}

TEST(UseCare, TrajectoriesStartOnlyWhenQualifyingAndEndWhenResolved) {
  agents::Population pop(2000);
  CareDef def;
  def.trust_start = 0.0;  // hidden need off: every qualifying household starts at once
  for (auto& t : def.trajectories) {
    t.start = 1.0;
    t.ends_resolved = 1.0;
    t.ends_ongoing = 0.0;
  }
  const CareRules rules = CareRules::from(def, ProvidersDef{});
  ProviderInbox inbox;
  const kernel::Rng rng(1, 0);
  const std::vector<double> deprivation{0.0};
  for (kernel::HouseholdId h = 0; h < 1000; ++h) {
    pop.type[h] = agents::HouseholdType::Other;
    pop.severity[agents::index(agents::Domain::Finances)][h] = 2;  // qualifies for light debt help
  }
  use_care(pop, agents::HouseholdRange{0, 2000}, rules, {rng, 0, deprivation}, inbox);
  const auto debt = 1U << static_cast<unsigned>(Trajectory::DebtHelpLight);
  for (kernel::HouseholdId h = 0; h < 2000; ++h) EXPECT_EQ((pop.care[h] & debt) != 0, h < 1000) << h;
  for (kernel::HouseholdId h = 0; h < 1000; ++h) pop.severity[agents::index(agents::Domain::Finances)][h] = 0;
  use_care(pop, agents::HouseholdRange{0, 2000}, rules, {rng, 1, deprivation}, inbox);
  for (kernel::HouseholdId h = 0; h < 2000; ++h) EXPECT_EQ(pop.care[h], 0) << h;
}

}  // namespace
}  // namespace wijksim::services
