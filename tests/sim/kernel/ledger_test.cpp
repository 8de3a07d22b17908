#include "sim/kernel/ledger.hpp"

#include <gtest/gtest.h>

namespace wijksim::kernel {
namespace {

TEST(Ledger, YearTotalsAreSumsOfBookedCells) {
  Ledger ledger(24, 3, 2);
  ledger.book(0, 0, 0, 100);
  ledger.book(11, 0, 1, 250);
  ledger.book(12, 0, 0, 7);
  ledger.book(23, 2, 1, -40);
  EXPECT_EQ(ledger.pocket_year(0, 0), 350);
  EXPECT_EQ(ledger.pocket_year(0, 1), 7);
  EXPECT_EQ(ledger.pocket_year(2, 1), -40);
  EXPECT_EQ(ledger.item_year(0, 1, 0), 250);
  EXPECT_EQ(ledger.total(), 317);
  EXPECT_EQ(ledger.years(), 2U);
}

TEST(Ledger, TransferIsDoubleEntry) {
  Ledger ledger(12, 2, 1);
  ledger.transfer(3, 0, 1, 0, 5000);
  EXPECT_EQ(ledger.at(3, 0, 0), 5000);
  EXPECT_EQ(ledger.at(3, 1, 0), -5000);
  EXPECT_EQ(ledger.month_total(3), 0);
}

TEST(Ledger, MergeInAnyOrderGivesTheSameTotals) {
  Ledger a(12, 2, 2), b(12, 2, 2), ab(12, 2, 2), ba(12, 2, 2);
  a.book(1, 0, 1, 333);
  b.book(1, 0, 1, 667);
  b.book(5, 1, 0, 12);
  ab.merge(a);
  ab.merge(b);
  ba.merge(b);
  ba.merge(a);
  for (PocketId p = 0; p < 2; ++p) EXPECT_EQ(ab.pocket_year(p, 0), ba.pocket_year(p, 0));
  EXPECT_EQ(ab.at(1, 0, 1), 1000);
  EXPECT_THROW(ab.merge(Ledger(1, 1, 1)), std::logic_error);
}

TEST(Money, CentsRoundHalfAwayFromZero) {
  EXPECT_EQ(to_cents(14000.0), 1400000);
  EXPECT_EQ(to_cents(0.005), 1);
  EXPECT_EQ(to_cents(-0.005), -1);
  EXPECT_EQ(monthly_cents(14000.0), 116667);
  EXPECT_DOUBLE_EQ(to_eur(1234), 12.34);
}

}  // namespace
}  // namespace wijksim::kernel
