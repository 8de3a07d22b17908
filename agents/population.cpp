#include "agents/population.hpp"

#include <algorithm>
#include <type_traits>

namespace wijksim::agents {

namespace {
template <class F> void for_each_column(Population& p, F&& f) {
  f(p.type); f(p.adults); f(p.children); f(p.neighbourhood); f(p.capacity); f(p.traits);
  for (auto& s : p.severity) f(s);
  f(p.income); f(p.income_months); f(p.housing); f(p.youth); f(p.intramural); f(p.flags);
  f(p.network); f(p.trust); f(p.support); f(p.team); f(p.care); f(p.waiting); f(p.events); f(p.last_level); f(p.laws); f(p.cost_year);
}
// The columns of a household's month in two groups (state up to finding; care), paired between two
// populations. last_level, laws and cost_year are left to each world's own classification and accounting.
template <class From, class To, class F> void for_each_state_column(From& a, To& b, F&& f) {
  f(a.type, b.type); f(a.adults, b.adults); f(a.children, b.children); f(a.neighbourhood, b.neighbourhood);
  f(a.capacity, b.capacity); f(a.traits, b.traits);
  for (std::size_t d = 0; d < kDomainCount; ++d) f(a.severity[d], b.severity[d]);
  f(a.income, b.income); f(a.income_months, b.income_months); f(a.housing, b.housing); f(a.youth, b.youth);
  f(a.intramural, b.intramural); f(a.flags, b.flags); f(a.network, b.network); f(a.trust, b.trust);
  f(a.support, b.support); f(a.team, b.team); f(a.events, b.events);
}

template <class From, class To, class F> void for_each_care_column(From& a, To& b, F&& f) {
  f(a.care, b.care); f(a.waiting, b.waiting);
}

}  // namespace

void mark_same(const Population& a, const Population& b, std::vector<std::uint8_t>& same) {
  const std::size_t n = a.size();
  same.assign(n, 1);
  // Column by column over raw pointers, so each comparison is a plain loop the compiler vectorises.
  std::uint8_t* const out = same.data();
  const auto compare = [out, n](const auto& x, const auto& y) {
    const auto* const xp = x.data();
    const auto* const yp = y.data();
    for (std::size_t h = 0; h < n; ++h) out[h] &= static_cast<std::uint8_t>(xp[h] == yp[h]);
  };
  for_each_state_column(a, b, compare);
  for_each_care_column(a, b, compare);
  compare(a.last_level, b.last_level);
}

void copy_followed(const Population& from, Population& to, kernel::HouseholdId begin, kernel::HouseholdId end,
                   std::span<const std::uint8_t> follows, FollowedColumns which) {
  // Most households follow: copy the whole range column by column and put back the few that do not.
  std::vector<kernel::HouseholdId> own;
  for (kernel::HouseholdId h = begin; h < end; ++h)
    if (follows[h] == 0) own.push_back(h);
  std::vector<std::int64_t> kept(own.size());
  const auto copy = [&](const auto& src, auto& dst) {
    using T = std::remove_cvref_t<decltype(dst[0])>;
    for (std::size_t i = 0; i < own.size(); ++i) kept[i] = static_cast<std::int64_t>(dst[own[i]]);
    std::copy(src.begin() + begin, src.begin() + end, dst.begin() + begin);
    for (std::size_t i = 0; i < own.size(); ++i) dst[own[i]] = static_cast<T>(kept[i]);
  };
  if (which == FollowedColumns::BeforeCare) {
    for_each_state_column(from, to, copy);
  } else {
    for_each_care_column(from, to, copy);
  }
}

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
