#include "sim/world.hpp"

#include <algorithm>
#include <bit>
#include <functional>
#include <thread>

namespace wijksim::sim {

namespace {

unsigned resolve_threads(unsigned threads) {
  if (threads != 0) return threads;
  return std::max(1U, std::thread::hardware_concurrency());
}

// Share of the year's money carried by the costliest fraction of households.
double top_share(const std::vector<std::int64_t>& cost, double fraction) {
  std::vector<std::int64_t> sorted(cost);
  const auto k = static_cast<std::ptrdiff_t>(std::max<double>(1.0, fraction * static_cast<double>(sorted.size())));
  std::nth_element(sorted.begin(), sorted.begin() + k - 1, sorted.end(), std::greater<>());
  std::int64_t top = 0, all = 0;
  for (std::ptrdiff_t i = 0; i < k; ++i) top += sorted[static_cast<std::size_t>(i)];
  for (auto c : sorted) all += c;
  return all == 0 ? 0.0 : static_cast<double>(top) / static_cast<double>(all);
}

}  // namespace

World::World(const scenarios::ScenarioDef& def, std::uint64_t replication, unsigned threads,
             const std::function<void(std::uint32_t)>& warmup_progress)
    : def_(def),
      rng_(def.run.seed, replication),
      threads_(resolve_threads(threads)),
      hoods_(agents::place_neighbourhoods(def.population, def.run.households)),
      pop_(agents::generate_population(def.population, def.dynamics, hoods_, rng_)),
      graph_(agents::build_social_network(def.network, hoods_, rng_)),
      prices_(services::PriceTable::from(def.prices, def.care)),
      care_(services::CareRules::from(def.care)),
      ledger_(def.run.months, services::kPocketCount, services::kItemCount) {
  records_.reserve(def.run.months);
  // Everyone counts as green before the first month; network strength then follows the true levels.
  agents::update_network_strength(pop_, graph_, def_.network);
  for (std::uint32_t t = 0; t < def_.run.warmup_months; ++t) {
    if (t % 12 == 0) agents::update_network_strength(pop_, graph_, def_.network);
    simulate_month(t, false);
    if (warmup_progress) warmup_progress(t + 1);
  }
  agents::update_network_strength(pop_, graph_, def_.network);
  std::fill(pop_.cost_year.begin(), pop_.cost_year.end(), 0);
  std::fill(pop_.laws.begin(), pop_.laws.end(), 0);
}

void World::step() {
  if (finished()) return;
  if (month_ % 12 == 0 && month_ > 0) agents::update_network_strength(pop_, graph_, def_.network);
  simulate_month(def_.run.warmup_months + month_, true);
  if (month_in_year(month_) % 6 == 5) close_half_year();
  if (month_in_year(month_) == 11) close_year();
  ++month_;
}

void World::run(const std::function<void(std::uint32_t)>& progress) {
  while (!finished()) {
    step();
    if (progress) progress(month_);
  }
}

void World::close_half_year() {
  for (const std::uint8_t laws : pop_.laws) {
    const int used = std::popcount(laws);
    ++tallies_.laws[static_cast<std::size_t>(std::min(used, 2))];
  }
  ++tallies_.half_years;
  std::fill(pop_.laws.begin(), pop_.laws.end(), 0);
}

void World::close_year() {
  tallies_.top1_share.push_back(top_share(pop_.cost_year, 0.01));
  tallies_.top4_share.push_back(top_share(pop_.cost_year, 0.04));
  std::fill(pop_.cost_year.begin(), pop_.cost_year.end(), 0);
}

}  // namespace wijksim::sim
