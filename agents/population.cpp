#include "agents/population.hpp"

namespace wijksim::agents {

namespace {
template <class F> void for_each_column(Population& p, F&& f) {
  f(p.type); f(p.adults); f(p.children); f(p.neighbourhood); f(p.capacity); f(p.traits);
  for (auto& s : p.severity) f(s);
  f(p.income); f(p.income_months); f(p.housing); f(p.youth); f(p.intramural); f(p.flags);
  f(p.network); f(p.trust); f(p.support); f(p.team); f(p.care); f(p.waiting); f(p.events); f(p.last_level); f(p.laws); f(p.cost_year);
}
}  // namespace

void Population::resize(std::size_t n) {
  for_each_column(*this, [n](auto& column) { column.assign(n, {}); });
}

double Population::bytes_per_household() const {
  std::size_t bytes = 0;
  for_each_column(const_cast<Population&>(*this),
                  [&bytes](auto& column) { bytes += column.capacity() * sizeof(column[0]); });
  return size() == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(size());
}

}  // namespace wijksim::agents
