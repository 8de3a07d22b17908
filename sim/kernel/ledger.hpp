#pragma once
// The ledger is the one place money moves. Every amount is booked with (month, pocket, item);
// totals per year and pocket are derived from it, never kept on the side.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/ids.hpp"
#include "sim/kernel/money.hpp"

namespace wijksim::kernel {

/// Index of a pocket (financier) in the scenario's pocket list.
using PocketId = std::uint16_t;
/// Index of a cost item in the scenario's price list.
using ItemId = std::uint16_t;

/// Dense ledger of cents per (month, item, pocket). Bookings are integer, so merging partial ledgers
/// in any order gives identical totals.
class Ledger {
 public:
  Ledger() = default;
  Ledger(std::size_t months, std::size_t pockets, std::size_t items);

  /// Book an amount (may be negative) on (month, pocket, item).
  void book(Month month, PocketId pocket, ItemId item, Cents amount) { cells_[index(month, pocket, item)] += amount; }
  /// Double entry: move money from one pocket to another under one item (from pays, to receives).
  void transfer(Month month, PocketId from, PocketId to, ItemId item, Cents amount);
  /// Add every cell of another ledger of the same shape.
  void merge(const Ledger& other);

  /// Amount booked on one cell.
  Cents at(Month month, PocketId pocket, ItemId item) const { return cells_[index(month, pocket, item)]; }
  /// Total of a pocket over one MKBA year (12 months).
  Cents pocket_year(PocketId pocket, std::uint32_t year) const;
  /// Total of an item paid by a pocket over one year.
  Cents item_year(PocketId pocket, ItemId item, std::uint32_t year) const;
  /// Total of a month over all pockets and items.
  Cents month_total(Month month) const;
  /// Same shape and the same amount in every cell.
  bool operator==(const Ledger&) const = default;
  /// Total of everything booked.
  Cents total() const;

  std::size_t months() const { return months_; }
  std::size_t pockets() const { return pockets_; }
  std::size_t items() const { return items_; }
  std::size_t years() const { return (months_ + 11) / 12; }

 private:
  std::size_t index(Month month, PocketId pocket, ItemId item) const {
    return (static_cast<std::size_t>(month) * items_ + item) * pockets_ + pocket;
  }
  std::size_t months_ = 0, pockets_ = 0, items_ = 0;
  std::vector<Cents> cells_;
};

}  // namespace wijksim::kernel
