#include "agents/population.hpp"

#include <algorithm>
#include <type_traits>

namespace wijksim::agents {

namespace {

/// Bytes of the members kColumns names: equal to sizeof(Population) only when every member is listed.
constexpr std::size_t listed_bytes() {
  std::size_t bytes = 0;
  for_each_column([&bytes](const auto& column) { bytes += sizeof(typename std::remove_cvref_t<decltype(column)>::Type); });
  return bytes;
}

}  // namespace

static_assert(listed_bytes() == sizeof(Population),
              "a member of Population is missing from kColumns (agents/population.hpp): list every column once");

void mark_same(const Population& a, const Population& b, std::vector<std::uint8_t>& same) {
  const std::size_t n = a.size();
  same.assign(n, 1);
  // Vector by vector over raw pointers, so each comparison is a plain loop the compiler vectorises.
  std::uint8_t* const out = same.data();
  for_each_column([&](const auto& column) {
    if (column.written == Written::Books) return;
    const auto& theirs = b.*column.member;
    std::size_t i = 0;
    for_each_vector(a.*column.member, [&](const auto& mine) {
      const auto* const xp = mine.data();
      const auto* const yp = index_vector(theirs, i++).data();
      for (std::size_t h = 0; h < n; ++h) out[h] &= static_cast<std::uint8_t>(xp[h] == yp[h]);
    });
  });
}

void copy_followed(const Population& from, Population& to, kernel::HouseholdId begin, kernel::HouseholdId end,
                   std::span<const kernel::HouseholdId> own, Written which) {
  // Most households follow: copy the whole range vector by vector and put back the few that do not.
  std::vector<std::int64_t> kept(own.size());
  for_each_column([&](const auto& column) {
    if (column.written != which) return;
    const auto& source = from.*column.member;
    std::size_t i = 0;
    for_each_vector(to.*column.member, [&](auto& dst) {
      using T = typename std::remove_cvref_t<decltype(dst)>::value_type;
      const auto& src = index_vector(source, i++);
      for (std::size_t k = 0; k < own.size(); ++k) kept[k] = static_cast<std::int64_t>(dst[own[k]]);
      std::copy(src.begin() + begin, src.begin() + end, dst.begin() + begin);
      for (std::size_t k = 0; k < own.size(); ++k) dst[own[k]] = static_cast<T>(kept[k]);
    });
  });
}

void Population::resize(std::size_t n) {
  for_each_column([this, n](const auto& column) {
    for_each_vector(this->*column.member, [n](auto& v) { v.assign(n, {}); });
  });
}

double Population::bytes_per_household() const {
  std::size_t bytes = 0;
  for_each_column([this, &bytes](const auto& column) {
    for_each_vector(this->*column.member, [&bytes](const auto& v) { bytes += v.capacity() * sizeof(v[0]); });
  });
  return size() == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(size());
}

}  // namespace wijksim::agents
