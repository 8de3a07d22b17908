#include "sim/kernel/ledger.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace wijksim::kernel {

Ledger::Ledger(std::size_t months, std::size_t pockets, std::size_t items)
    : months_(months), pockets_(pockets), items_(items), cells_(months * pockets * items, 0) {}

void Ledger::transfer(Month month, PocketId from, PocketId to, ItemId item, Cents amount) {
  book(month, from, item, amount);
  book(month, to, item, -amount);
}

void Ledger::merge(const Ledger& other) {
  if (other.cells_.size() != cells_.size()) throw std::logic_error("Ledger::merge: ledgers differ in shape");
  std::transform(cells_.begin(), cells_.end(), other.cells_.begin(), cells_.begin(), std::plus<>());
}

Cents Ledger::item_year(PocketId pocket, ItemId item, std::uint32_t year) const {
  Cents sum = 0;
  const Month end = static_cast<Month>(std::min<std::size_t>(months_, (std::size_t{year} + 1) * 12U));
  for (Month m = year * 12U; m < end; ++m) sum += at(m, pocket, item);
  return sum;
}

Cents Ledger::pocket_year(PocketId pocket, std::uint32_t year) const {
  Cents sum = 0;
  for (ItemId i = 0; i < items_; ++i) sum += item_year(pocket, i, year);
  return sum;
}

Cents Ledger::month_total(Month month) const {
  const auto first = cells_.begin() + static_cast<std::ptrdiff_t>(month * items_ * pockets_);
  return std::accumulate(first, first + static_cast<std::ptrdiff_t>(items_ * pockets_), Cents{0});
}

Cents Ledger::total() const { return std::accumulate(cells_.begin(), cells_.end(), Cents{0}); }

}  // namespace wijksim::kernel
