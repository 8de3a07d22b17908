// Care as usual works (docs/MODEL.md §6): a provider's effect lowers its domain's severity, waiting for care lets
// problems escalate, care that ends early comes back. Each test runs the same households with the same random
// numbers twice, once without the mechanism.
#include <bit>
#include <cstdint>
#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "scenarios/def_values.hpp"
#include "scenarios/loader.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::sim {
namespace {

/// Severity-months per domain and escalations of the zero world, month by month.
struct Load : MonthObserver {
  std::array<std::int64_t, agents::kDomainCount> severity{};
  std::int64_t escalations = 0;
  void after_month(const PairedWorlds& worlds, Month /*m*/) override {
    const agents::Population& pop = worlds.zero().population();
    for (std::size_t d = 0; d < agents::kDomainCount; ++d)
      for (const std::uint8_t s : pop.severity[d]) severity[d] += s;
    constexpr unsigned kEscalations = agents::kEviction | agents::kSupervisionOrder | agents::kPlacement |
                                      agents::kAdmission | agents::kDetention;
    for (const std::uint16_t e : pop.events) escalations += std::popcount(static_cast<unsigned>(e & kEscalations));
  }
  std::int64_t total() const {
    std::int64_t t = 0;
    for (const auto s : severity) t += s;
    return t;
  }
};

Load simulate(const scenarios::ScenarioDef& def) {
  PairedWorlds worlds(def, {}, 0, 1);
  Load load;
  worlds.observe(load);
  worlds.run();
  return load;
}

scenarios::ScenarioDef district(std::uint32_t households = 6000) {
  auto def = scenarios::load_default_scenario();
  def.run.households = households;
  def.run.warmup_months = 60;
  def.run.months = 60;
  return def;
}

void set(scenarios::ScenarioDef& def, const std::string& key, double value) {
  const std::vector<double> v{value};
  ASSERT_TRUE(scenarios::set_numbers(def, key, v)) << key;
}

const std::vector<std::string> kMoneyProviders{"debt_help_light", "debt_restructuring", "general_social_work"};

TEST(CareMechanisms, ProvidersEffectLowersItsDomainsSeverity) {
  const auto with = district();
  auto without = with;
  for (const auto& p : kMoneyProviders) {
    set(without, "providers." + p + ".effect", 0.0);
    set(without, "providers." + p + ".protect", 0.0);
  }
  const auto finances = agents::index(agents::Domain::Finances);
  const Load a = simulate(with), b = simulate(without);
  // Debt help and social work improve money trouble: fewer severity-months of finances with them at work.
  EXPECT_LT(static_cast<double>(a.severity[finances]), 0.97 * static_cast<double>(b.severity[finances]))
      << "with effect " << a.severity[finances] << ", without " << b.severity[finances];
}

TEST(CareMechanisms, WaitingLongerRaisesEscalations) {
  // Few places at the providers whose care protects against escalations: households wait, untreated, meanwhile.
  const auto open = district();
  auto scarce = open;
  for (const std::string p : {"youth_ambulatory", "mental_health_basic", "mental_health_specialist", "debt_help_light",
                              "debt_restructuring", "general_social_work"})
    set(scarce, "providers." + p + ".capacity", 3.0);
  const Load a = simulate(open), b = simulate(scarce);
  EXPECT_GT(static_cast<double>(b.escalations), 1.05 * static_cast<double>(a.escalations))
      << "unlimited places " << a.escalations << ", three places each " << b.escalations;
  EXPECT_GT(b.total(), a.total());
}

TEST(CareMechanisms, EndingCareEarlyRaisesRelapse) {
  // Care that ends while its problem is still there (ends_ongoing): with the relapse risk the problems come back more.
  auto relapse = district();
  set(relapse, "care.early_end_worsen", 3.0);
  auto no_relapse = relapse;
  set(no_relapse, "care.early_end_worsen", 1.0);
  const Load a = simulate(relapse), b = simulate(no_relapse);
  EXPECT_GT(static_cast<double>(a.total()), 1.01 * static_cast<double>(b.total()))
      << "with relapse " << a.total() << ", without " << b.total();
}

}  // namespace
}  // namespace wijksim::sim
