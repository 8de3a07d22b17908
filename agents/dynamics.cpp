#include "agents/dynamics.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "agents/generator.hpp"

namespace wijksim::agents {

using kernel::Purpose;

void IncomeStats::merge(const IncomeStats& o) {
  for (std::size_t i = 0; i < welfare_at_risk.size(); ++i) {
    welfare_at_risk[i] += o.welfare_at_risk[i];
    welfare_exits[i] += o.welfare_exits[i];
  }
  for (std::size_t i = 0; i < relapse_at_risk.size(); ++i) {
    relapse_at_risk[i] += o.relapse_at_risk[i];
    relapse_returns[i] += o.relapse_returns[i];
  }
}

double monthly_hazard(double yearly) { return 1.0 - std::pow(1.0 - std::min(yearly, 0.999999), 1.0 / 12.0); }

namespace {

void worsen(Population& pop, Domain d, kernel::HouseholdId h, std::uint8_t steps = 1) {
  auto& s = pop.severity[index(d)][h];
  s = static_cast<std::uint8_t>(std::min<int>(kMaxSeverity, s + steps));
}

void raise_to(Population& pop, Domain d, kernel::HouseholdId h, std::uint8_t floor) {
  auto& s = pop.severity[index(d)][h];
  s = std::max(s, floor);
}

bool in_institution(const Population& pop, kernel::HouseholdId h) { return pop.intramural[h] != Intramural::None; }

std::uint32_t serious_problems(const Population& pop, kernel::HouseholdId h) {
  std::uint32_t n = 0;
  for (const auto& column : pop.severity) n += column[h] >= 2 ? 1U : 0U;
  return n;
}


// Apply an event's hits: each domain worsens one step with its own probability.
void apply_hits(Population& pop, kernel::HouseholdId h, const LifeEventDef& ev, kernel::DrawStream& draws) {
  for (std::size_t d = 0; d < kDomainCount; ++d) {
    if (draws.uniform() < ev.hits[d]) worsen(pop, static_cast<Domain>(d), h);
  }
  if (pop.type[h] != HouseholdType::Family) pop.severity[index(Domain::Parenting)][h] = 0;
}

}  // namespace

void life_events(Population& pop, Households hs, const LifeEventsDef& def, const StepContext& ctx) {
  // No household's events can add up to more than this (deprivation 1, every domain serious): a draw above
  // it means no event, without working out the household's own hazards.
  const auto at_most = [](const LifeEventDef& e) { return e.hazard * (1.0 + e.deprivation); };
  const double bound = at_most(def.job_loss) * (1.0 + def.job_loss_per_serious_problem * kDomainCount) +
                       at_most(def.separation) + at_most(def.illness) + at_most(def.bereavement);
  hs.for_each([&](kernel::HouseholdId h) {
    pop.events[h] = 0;
    if (in_institution(pop, h)) return;
    // One uniform chooses at most one event: the hazards are small, so they are laid end to end.
    const double u = ctx.draws(h).uniform(Purpose::LifeEvent);
    if (u >= bound) return;
    const double dep = ctx.deprivation_of(pop, h);
    const auto hazard = [dep](const LifeEventDef& e) { return e.hazard * (1.0 + e.deprivation * dep); };
    const bool couple = pop.adults[h] == 2;
    double edge = 0.0;
    const LifeEventDef* event = nullptr;
    std::uint16_t bit = 0;
    if (pop.income[h] == Income::Work &&
        u < (edge += hazard(def.job_loss) * (1.0 + def.job_loss_per_serious_problem * serious_problems(pop, h)))) {
      event = &def.job_loss, bit = kJobLoss;
      pop.income[h] = Income::Unemployed;
      pop.income_months[h] = 0;
      pop.flags[h] &= static_cast<std::uint8_t>(~kExitedWelfare);
    } else if (couple && pop.type[h] != HouseholdType::Elderly && u < (edge += hazard(def.separation))) {
      event = &def.separation, bit = kSeparation;
      pop.adults[h] = 1;
    } else if (u < (edge += hazard(def.illness))) {
      event = &def.illness;
    } else if (couple && pop.type[h] == HouseholdType::Elderly && u < (edge += hazard(def.bereavement))) {
      event = &def.bereavement;
      pop.adults[h] = 1;
    }
    if (event == nullptr) return;
    pop.events[h] |= bit;
    kernel::DrawStream draws(ctx.rng, h, ctx.t, Purpose::LifeEvent);
    draws.bits();  // index 0 chose the event
    apply_hits(pop, h, *event, draws);
  });
}

namespace {

// Per-call tables: worsening hazard by type, domain and severity (type factor included), improvement by
// domain and severity, and the coupling matrix by source domain.
struct DomainTables {
  std::array<std::array<std::array<double, 3>, kDomainCount>, kTypeCount> worsen{};
  std::array<std::array<double, 3>, kDomainCount> improve{};
  std::array<std::array<double, kDomainCount>, kDomainCount> coupling_from{};  ///< [source][target]

  explicit DomainTables(const DynamicsDef& def) {
    for (std::size_t d = 0; d < kDomainCount; ++d) {
      const DomainDef& dd = def.domains[d];
      for (std::size_t t = 0; t < kTypeCount; ++t)
        for (std::size_t s = 0; s < 3; ++s) worsen[t][d][s] = dd.worsen[s] * dd.type_factor[t];
      improve[d] = dd.improve;
      for (std::size_t o = 0; o < kDomainCount; ++o) coupling_from[o][d] = dd.coupling[o];
    }
  }
};

}  // namespace

void progress_domains(Population& pop, Households hs, const DynamicsDef& def, const StepContext& ctx) {
  const auto& m = def.modifiers;
  const DomainTables tables(def);
  const double m_shock_worsen = def.escalation.shock_worsen;
  const double shock_months = std::max(1.0, static_cast<double>(def.escalation.shock_months));
  constexpr auto kFinances = index(Domain::Finances), kHealth = index(Domain::Health);
  const auto column = pop.severity_columns();
  hs.for_each([&](kernel::HouseholdId h) {
    if (pop.intramural[h] == Intramural::NursingHome) return;  // out of the community
    std::array<std::uint8_t, kDomainCount> sev;
    for (std::size_t d = 0; d < kDomainCount; ++d) sev[d] = column[d][h];
    const auto& worsen = tables.worsen[index(pop.type[h])];
    const double capacity = unit_from_byte(pop.capacity[h]);
    const SupportEffect* support = ctx.support_of(pop, h);
    const double network = std::min(1.0, unit_from_byte(pop.network[h]) + (support ? support->network : 0.0));
    const bool no_work_income = pop.income[h] == Income::Welfare || pop.income[h] == Income::Unemployed;
    // Household-wide multipliers ...
    const double base_worsen = (1.0 + m.deprivation_worsen * ctx.deprivation_of(pop, h)) *
                               (1.0 + m.low_capacity_worsen * (1.0 - capacity)) *
                               ((pop.traits[h] & kIntellectualDisability) ? 1.0 + m.intellectual_disability_worsen : 1.0);
    const double improve_mult =
        std::max(0.05, 1.0 + m.capacity_improve * (capacity - 0.5) + m.network_improve * (network - 0.5));
    // ... and per domain: each domain with a problem adds to the worsening of the others (most households
    // have none or one, so summing over the problem domains only is cheap).
    std::array<double, kDomainCount> mult;
    mult.fill(1.0);
    for (std::size_t o = 0; o < kDomainCount; ++o) {
      if (sev[o] == 0) continue;
      for (std::size_t d = 0; d < kDomainCount; ++d) mult[d] += tables.coupling_from[o][d] * sev[o];
    }
    for (double& x : mult) x *= base_worsen;
    if (pop.traits[h] & kPhysicalDisability) mult[kHealth] *= 1.0 + m.physical_disability_health;
    if (no_work_income) mult[kFinances] *= 1.0 + m.welfare_finances;
    // Support and care change the hazards of the domains they work on.
    std::array<double, kDomainCount> improve;
    improve.fill(improve_mult);
    if (support != nullptr) {
      for (std::size_t d = 0; d < kDomainCount; ++d) {
        mult[d] *= support->worsen[d];
        improve[d] *= support->improve[d];
      }
    }
    if (ctx.care != nullptr) {
      for (unsigned bits = pop.care[h] & ctx.care->active; bits != 0; bits &= bits - 1) {
        const auto t = static_cast<std::size_t>(std::countr_zero(bits));
        improve[ctx.care->domain[t]] *= ctx.care->improve[t];
        mult[ctx.care->domain[t]] *= ctx.care->worsen[t];
      }
      // Care that ended while the problem was still there: the problem comes back more easily for a while.
      if (pop.relapse_months[h] > 0)
        for (unsigned bits = pop.relapse_domains[h]; bits != 0; bits &= bits - 1)
          mult[static_cast<std::size_t>(std::countr_zero(bits))] *= ctx.care->early_end_worsen;
    }
    // The shock of an eviction, placement or admission raises every worsening hazard, fading out linearly.
    if (pop.shock[h] > 0) {
      const double shock = 1.0 + m_shock_worsen * static_cast<double>(pop.shock[h]) / shock_months;
      for (double& x : mult) x *= shock;
      --pop.shock[h];
    }
    // Three 64-bit draws give the six uniforms (two 32-bit halves each). One uniform per domain: low values
    // worsen, high values improve (the two never overlap while both hazards stay below one half).
    // (All three are mixed before any is used, so the independent mixes overlap in the pipeline.)
    const kernel::HouseholdMonthDraws draws = ctx.draws(h);
    const std::array<std::uint64_t, 3> bits{draws.bits(Purpose::Domain, 0), draws.bits(Purpose::Domain, 1),
                                            draws.bits(Purpose::Domain, 2)};
    for (std::size_t d = 0; d < kDomainCount; ++d) {
      const double u = (d % 2 == 0) ? kernel::unit_lo(bits[d / 2]) : kernel::unit_hi(bits[d / 2]);
      const std::uint8_t s = sev[d];
      if (s < kMaxSeverity && u < worsen[d][s] * mult[d]) {
        column[d][h] = static_cast<std::uint8_t>(s + 1);
      } else if (s > 0 && u > 1.0 - tables.improve[d][s - 1] * improve[d]) {
        column[d][h] = static_cast<std::uint8_t>(s - 1);
      }
    }
    // Floors that are part of the situation itself (money trouble on a benefit; no home while evicted). The
    // escalations' other consequences are shocks that fade (escalate), not floors.
    if (no_work_income) raise_to(pop, Domain::Finances, h, 1);
    if (pop.housing[h] == Housing::Evicted) raise_to(pop, Domain::Housing, h, 2);
    // How long the household has had money trouble (hidden need: help comes after years of debt [S000]).
    auto& debt = pop.debt_months[h];
    debt = column[kFinances][h] >= 1 ? static_cast<std::uint8_t>(std::min(255, debt + 1)) : std::uint8_t{0};
  });
}

namespace {

// Each ladder draws from its own fixed index, and only when it can move, so paired worlds keep
// their draws aligned and quiet households cost no draws.
enum LadderDraw : std::uint32_t { kHousingDraw, kShelterDraw, kYouthDraw, kIntramuralDraw, kOffenceDraw,
                                  kOffenceKindDraw, kDetentionDraw, kCutoffDraw };

double draw(const StepContext& ctx, kernel::HouseholdId h, LadderDraw which) {
  return ctx.draws(h).uniform(Purpose::Escalation, which);
}

// Support and care running in a domain lower the entry hazards of the ladder that starts there.
double entry_factor(const Population& pop, kernel::HouseholdId h, const StepContext& ctx, Domain d) {
  const SupportEffect* support = ctx.support_of(pop, h);
  double f = support != nullptr ? support->worsen[index(d)] : 1.0;
  if (ctx.care != nullptr)
    for (unsigned bits = pop.care[h] & ctx.care->active; bits != 0; bits &= bits - 1) {
      const auto t = static_cast<std::size_t>(std::countr_zero(bits));
      if (ctx.care->domain[t] == index(d)) f *= ctx.care->worsen[t];
    }
  return f;
}

// An escalation's shock starts (or starts again).
void start_shock(Population& pop, kernel::HouseholdId h, const EscalationDef& e) {
  pop.shock[h] = static_cast<std::uint8_t>(std::min<std::uint32_t>(e.shock_months, 255));
}

void housing_ladder(Population& pop, kernel::HouseholdId h, const EscalationDef& e, const StepContext& ctx) {
  const std::uint8_t fin = pop.sev(Domain::Finances, h);
  if (pop.housing[h] == Housing::Housed && fin < 2) return;
  const double u = draw(ctx, h, kHousingDraw);
  const double entry = entry_factor(pop, h, ctx, Domain::Finances);
  switch (pop.housing[h]) {
    case Housing::Housed:
      if (fin >= 2 && u < e.arrears[fin - 2] * entry) {
        pop.housing[h] = Housing::Arrears;
        pop.events[h] |= kArrears;
      }
      break;
    case Housing::Arrears:
      if (u < (fin <= 1 ? e.arrears_cured : e.arrears_cured_in_crisis)) {
        pop.housing[h] = Housing::Housed;
      } else if (fin == kMaxSeverity && u > 1.0 - e.eviction_list * entry) {
        pop.housing[h] = Housing::EvictionPending;
        pop.events[h] |= kEvictionListed;
      }
      break;
    case Housing::EvictionPending:
      if (u < e.eviction) {
        pop.housing[h] = Housing::Evicted;
        pop.events[h] |= kEviction;
        // One of seven evicted households needs supported housing [S003]; the others an emergency home.
        if (draw(ctx, h, kShelterDraw) < e.supported_housing) pop.flags[h] |= kInShelter;
        raise_to(pop, Domain::Housing, h, 3);
        worsen(pop, Domain::MentalHealth, h);
        start_shock(pop, h, e);
      } else if (u < e.eviction + e.eviction_settled) {
        pop.housing[h] = Housing::Arrears;
      }
      break;
    case Housing::Evicted:
      if (u < e.rehoused) {
        pop.housing[h] = Housing::Housed;
        pop.flags[h] &= static_cast<std::uint8_t>(~kInShelter);
        pop.severity[index(Domain::Housing)][h] = 2;
      }
      break;
  }
}

void youth_ladder(Population& pop, kernel::HouseholdId h, const EscalationDef& e, const StepContext& ctx) {
  const std::uint8_t par = pop.sev(Domain::Parenting, h);
  if (pop.children[h] == 0 || (pop.youth[h] == YouthEscalation::None && par < kMaxSeverity)) return;
  const double u = draw(ctx, h, kYouthDraw);
  const double entry = entry_factor(pop, h, ctx, Domain::Parenting);
  switch (pop.youth[h]) {
    case YouthEscalation::None:
      if (par == kMaxSeverity && u < e.supervision * entry) {
        pop.youth[h] = YouthEscalation::Supervision;
        pop.events[h] |= kSupervisionOrder;
      }
      break;
    case YouthEscalation::Supervision:
      if (par == kMaxSeverity && u < e.placement * entry) {
        pop.youth[h] = YouthEscalation::Placement;
        pop.events[h] |= kPlacement;
        start_shock(pop, h, e);
      } else if (par <= 1 && u > 1.0 - e.supervision_ends) {
        pop.youth[h] = YouthEscalation::None;
      }
      break;
    case YouthEscalation::Placement:
      if (u < e.placement_ends) pop.youth[h] = YouthEscalation::Supervision;
      break;
  }
}


void offences(Population& pop, kernel::HouseholdId h, const EscalationDef& e, const StepContext& ctx) {
  if (serious_problems(pop, h) < 2 ||
      draw(ctx, h, kOffenceDraw) >= e.offence * entry_factor(pop, h, ctx, Domain::Participation))
    return;
  static constexpr std::array<std::uint16_t, 3> kKinds{kOffenceProperty, kOffenceThreat, kOffenceAssault};
  pop.events[h] |= kKinds[kernel::categorical(draw(ctx, h, kOffenceKindDraw), e.offence_kind)];
  if (draw(ctx, h, kDetentionDraw) < e.detention_given_offence) {
    pop.intramural[h] = Intramural::Detention;
    pop.events[h] |= kDetention;
  }
}

void renew(Population& pop, kernel::HouseholdId h, const PopulationDef& popdef, const DynamicsDef& def,
           const StepContext& ctx) {
  kernel::DrawStream draws(ctx.rng, h, ctx.t, Purpose::Renewal);
  init_household(pop, h, popdef, def, ctx.deprivation_of(pop, h), draws, pop.type[h]);
  pop.events[h] |= kRenewed;
}

void intramural_ladder(Population& pop, kernel::HouseholdId h, const DynamicsDef& def, const PopulationDef& popdef,
                       const StepContext& ctx) {
  const EscalationDef& e = def.escalation;
  const bool mental_crisis = pop.sev(Domain::MentalHealth, h) == kMaxSeverity;
  const bool frail = pop.type[h] == HouseholdType::Elderly && pop.sev(Domain::Health, h) == kMaxSeverity;
  if (pop.intramural[h] == Intramural::None && !mental_crisis && !frail) {
    offences(pop, h, e, ctx);
    return;
  }
  const double u = draw(ctx, h, kIntramuralDraw);
  switch (pop.intramural[h]) {
    case Intramural::None:
      if (mental_crisis && u < e.admission * entry_factor(pop, h, ctx, Domain::MentalHealth)) {
        pop.intramural[h] = Intramural::MentalHealthAdmission;
        pop.events[h] |= kAdmission;
        start_shock(pop, h, e);
      } else if (frail && u > 1.0 - e.nursing_home * entry_factor(pop, h, ctx, Domain::Health)) {
        pop.intramural[h] = Intramural::NursingHome;
        pop.events[h] |= kNursingHome;
      } else {
        offences(pop, h, e, ctx);
      }
      break;
    case Intramural::MentalHealthAdmission:
      if (u < e.admission_ends) {
        pop.intramural[h] = Intramural::None;
        pop.severity[index(Domain::MentalHealth)][h] = 2;
      }
      break;
    case Intramural::NursingHome:
      if (u < e.nursing_home_ends) renew(pop, h, popdef, def, ctx);
      break;
    case Intramural::Detention:
      if (u < e.detention_ends) pop.intramural[h] = Intramural::None;
      break;
  }
}

}  // namespace

void escalate(Population& pop, Households hs, const DynamicsDef& def, const PopulationDef& popdef,
              const StepContext& ctx) {
  const auto column = pop.severity_columns();
  hs.for_each([&](kernel::HouseholdId h) {
    // Every ladder starts from a serious problem or an escalated state: quiet households are skipped.
    std::uint8_t worst = 0;
    for (const auto* c : column) worst = std::max(worst, c[h]);
    if (worst < 2 && pop.housing[h] == Housing::Housed && pop.youth[h] == YouthEscalation::None &&
        pop.intramural[h] == Intramural::None)
      return;
    housing_ladder(pop, h, def.escalation, ctx);
    youth_ladder(pop, h, def.escalation, ctx);
    intramural_ladder(pop, h, def, popdef, ctx);
    if (pop.sev(Domain::Finances, h) == kMaxSeverity && pop.housing[h] != Housing::Evicted &&
        draw(ctx, h, kCutoffDraw) < def.escalation.electricity_cutoff)
      pop.events[h] |= kElectricityCutoff;
  });
}

namespace {

void enter_welfare(Population& pop, kernel::HouseholdId h) {
  pop.income[h] = Income::Welfare;
  pop.income_months[h] = 0;
  pop.flags[h] &= static_cast<std::uint8_t>(~kExitedWelfare);
  pop.events[h] |= kWelfareEntry;
  raise_to(pop, Domain::Finances, h, 1);
}

// Monthly hazards of the income dynamics, worked out once per call (the yearly figures need a pow each).
struct IncomeHazards {
  std::array<double, 7> exit{};                 ///< welfare exit by year of duration (calibration scale included)
  std::array<double, 5> relapse{};              ///< return to welfare by year since an exit to work
  std::array<double, kDomainCount> problems{};  ///< exit multiplier for 0..5 other serious problems

  explicit IncomeHazards(const IncomeDef& def) {
    for (std::size_t y = 0; y < exit.size(); ++y)
      exit[y] = monthly_hazard(def.welfare_exit_by_year[y]) * def.exit_calibration;
    for (std::size_t y = 0; y < relapse.size(); ++y) {
      const double before = y == 0 ? 0.0 : def.relapse_cumulative[y - 1];
      relapse[y] = monthly_hazard(1.0 - (1.0 - def.relapse_cumulative[y]) / (1.0 - before));
    }
    for (std::size_t k = 0; k < problems.size(); ++k)
      problems[k] = std::pow(1.0 - def.serious_problem_exit, static_cast<double>(k));
  }
};

double welfare_exit_hazard(const Population& pop, kernel::HouseholdId h, const IncomeDef& def, const IncomeHazards& hz,
                           std::size_t year) {
  const double capacity = unit_from_byte(pop.capacity[h]);
  // Serious problems besides money (money trouble comes with living on welfare).
  const std::uint32_t serious = serious_problems(pop, h) - (pop.sev(Domain::Finances, h) >= 2 ? 1U : 0U);
  return hz.exit[year] * (1.0 - def.low_capacity_exit * (1.0 - capacity)) * hz.problems[serious];
}

}  // namespace

void update_income(Population& pop, Households hs, const IncomeDef& def, const StepContext& ctx, IncomeStats& stats) {
  const double benefit_ends = 1.0 / def.unemployment_benefit_months;
  const IncomeHazards hazards(def);
  hs.for_each([&](kernel::HouseholdId h) {
    if (in_institution(pop, h)) return;  // income is frozen during a stay
    auto& months = pop.income_months[h];
    // Pensions and ordinary jobs do not change here: no draw needed.
    const bool quiet = pop.income[h] == Income::Pension || (pop.income[h] == Income::Work && !(pop.flags[h] & kExitedWelfare));
    if (quiet) {
      if (months < 65535) ++months;
      return;
    }
    const double u = ctx.draws(h).uniform(Purpose::Income);
    switch (pop.income[h]) {
      case Income::Work:
        if (pop.flags[h] & kExitedWelfare) {
          const std::size_t year = std::min<std::size_t>(months / 12U, 4);
          ++stats.relapse_at_risk[year];
          if (u < hazards.relapse[year]) {
            ++stats.relapse_returns[year];
            enter_welfare(pop, h);
            return;
          }
          if (months >= 60) pop.flags[h] &= static_cast<std::uint8_t>(~kExitedWelfare);
        }
        break;
      case Income::Unemployed:
        if (u < def.reemployment) {
          pop.income[h] = Income::Work;
          months = 0;
          return;
        }
        if (u > 1.0 - benefit_ends) {
          // Benefit ends: some households fall back on welfare, others on a partner's or other income.
          // Households with serious money problems have no buffer to fall back on.
          if (pop.sev(Domain::Finances, h) >= 2 ||
              kernel::unit_lo(ctx.draws(h).bits(Purpose::Income, 1)) < def.welfare_after_unemployment) {
            enter_welfare(pop, h);
          } else {
            pop.income[h] = Income::Other;
            months = 0;
          }
          return;
        }
        break;
      case Income::Welfare: {
        const std::size_t year = std::min<std::size_t>(months / 12U, 6);
        ++stats.welfare_at_risk[year];
        if (u < welfare_exit_hazard(pop, h, def, hazards, year)) {
          ++stats.welfare_exits[year];
          const bool to_work = kernel::unit_lo(ctx.draws(h).bits(Purpose::Income, 1)) < def.exit_to_work_share;
          pop.income[h] = to_work ? Income::Work : Income::Other;
          if (to_work) pop.flags[h] |= kExitedWelfare;
          months = 0;
          return;
        }
        break;
      }
      case Income::Other:
        if (pop.sev(Domain::Finances, h) >= 2 && u < def.welfare_entry_other) {
          enter_welfare(pop, h);
          return;
        }
        if (u > 1.0 - def.work_from_other) {
          pop.income[h] = Income::Work;
          months = 0;
          return;
        }
        break;
      case Income::Pension:
        break;
    }
    if (months < 65535) ++months;
  });
}

}  // namespace wijksim::agents
