#include "agents/generator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wijksim::agents {

Neighbourhoods place_neighbourhoods(const PopulationDef& def, std::size_t n) {
  const auto& defs = def.neighbourhoods;
  double total = 0.0;
  for (const auto& nb : defs) total += nb.share;
  std::vector<std::size_t> counts(defs.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t placed = 0;
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const double exact = static_cast<double>(n) * defs[i].share / total;
    counts[i] = static_cast<std::size_t>(std::floor(exact));
    placed += counts[i];
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  // Largest remainders get the households left over; ties go to the earlier neighbourhood.
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t k = 0; placed < n; ++k, ++placed) ++counts[remainders[k % remainders.size()].second];

  Neighbourhoods hoods;
  hoods.first.push_back(0);
  for (std::size_t i = 0; i < defs.size(); ++i) {
    hoods.first.push_back(hoods.first.back() + static_cast<kernel::HouseholdId>(counts[i]));
    hoods.deprivation.push_back(defs[i].deprivation);
  }
  return hoods;
}

namespace {

std::uint8_t initial_severity(const PrevalenceDef& prev, double scale, double u) {
  // Scale the three prevalences by the same factor, keeping them ordered and below 1.
  const auto p = [&](std::size_t k) { return std::min(0.95, prev.at_least[k] * scale); };
  if (u < p(2)) return 3;
  if (u < p(1)) return 2;
  if (u < p(0)) return 1;
  return 0;
}

Income initial_income(const PopulationDef& def, HouseholdType type, double deprivation, kernel::DrawStream& draws) {
  if (type == HouseholdType::Elderly) return Income::Pension;
  const double welfare = def.initial_welfare * (1.0 + def.deprivation_welfare * deprivation);
  if (kernel::bernoulli(draws, welfare)) return Income::Welfare;
  return kernel::bernoulli(draws, def.employed_share[index(type)]) ? Income::Work : Income::Other;
}

}  // namespace

void init_household(Population& pop, kernel::HouseholdId h, const PopulationDef& def, const DynamicsDef& dynamics,
                    double deprivation, kernel::DrawStream& draws, std::optional<HouseholdType> kept_type) {
  const auto drawn = static_cast<HouseholdType>(kernel::categorical(draws, def.type_shares));
  const HouseholdType type = kept_type.value_or(drawn);
  const auto t = index(type);
  pop.type[h] = type;
  pop.adults[h] = kernel::bernoulli(draws, def.single_adult_share[t]) ? 1 : 2;
  pop.children[h] = type == HouseholdType::Family
                        ? static_cast<std::uint8_t>(std::min<std::uint32_t>(9, 1 + kernel::poisson(draws, def.children_mean - 1.0)))
                        : 0;
  const double capacity =
      kernel::normal(draws, def.capacity_mean - def.deprivation_capacity * deprivation, def.capacity_sd);
  pop.capacity[h] = byte_from_unit(std::clamp(capacity, 0.02, 1.0));
  std::uint8_t traits = 0;
  const double id_share =
      def.intellectual_disability * (1.0 + def.deprivation_intellectual_disability * deprivation);
  if (kernel::bernoulli(draws, id_share)) traits |= kIntellectualDisability;
  if (kernel::bernoulli(draws, def.physical_disability[t])) traits |= kPhysicalDisability;
  pop.traits[h] = traits;

  pop.income[h] = initial_income(def, type, deprivation, draws);
  pop.income_months[h] = static_cast<std::uint16_t>(
      pop.income[h] == Income::Welfare ? std::min(240.0, kernel::exponential(draws, def.initial_welfare_months)) : 0.0);

  // Problems start where they would accumulate: more in deprived neighbourhoods and with low capacity (the
  // same relative effect of capacity as on worsening, normalised at the mean capacity).
  const double low_capacity = dynamics.modifiers.low_capacity_worsen;
  const double scale = (1.0 + def.deprivation_prevalence * deprivation) *
                       (1.0 + low_capacity * (1.0 - unit_from_byte(pop.capacity[h]))) /
                       (1.0 + low_capacity * (1.0 - def.capacity_mean));
  for (std::size_t d = 0; d < kDomainCount; ++d) {
    const double u = draws.uniform();
    const double type_factor = std::min(2.0, dynamics.domains[d].type_factor[t]);
    pop.severity[d][h] = type_factor > 0.0 ? initial_severity(def.prevalence[d], scale * type_factor, u) : 0;
  }
  if (pop.income[h] == Income::Welfare) {
    auto& fin = pop.severity[index(Domain::Finances)][h];
    fin = std::max<std::uint8_t>(fin, 1);
  }
  pop.housing[h] = Housing::Housed;
  pop.youth[h] = YouthEscalation::None;
  pop.intramural[h] = Intramural::None;
  pop.flags[h] = 0;
  pop.shock[h] = 0;
  pop.debt_months[h] = 0;
  pop.trust[h] = byte_from_unit(kernel::normal(draws, def.trust_mean - 0.2 * deprivation, 0.15));
  pop.support[h] = Support::NotKnown;
  pop.care[h] = 0;
  pop.waiting[h] = 0;
  pop.relapse_months[h] = 0;
  pop.relapse_domains[h] = 0;
  pop.events[h] = 0;
}

Population generate_population(const PopulationDef& def, const DynamicsDef& dynamics, const Neighbourhoods& hoods,
                               const kernel::Rng& rng) {
  Population pop(hoods.first.back());
  for (std::size_t n = 0; n < hoods.count(); ++n) {
    for (kernel::HouseholdId h = hoods.begin(n); h < hoods.end(n); ++h) {
      pop.neighbourhood[h] = static_cast<std::uint16_t>(n);
      kernel::DrawStream draws(rng, h, 0, kernel::Purpose::Generate);
      init_household(pop, h, def, dynamics, hoods.deprivation[n], draws);
      pop.last_level[h] = Level::Green;
      pop.laws[h] = 0;
    }
  }
  return pop;
}

}  // namespace wijksim::agents
