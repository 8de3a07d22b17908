#include "services/care.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace wijksim::services {

using agents::Domain;
using agents::Population;

PriceTable PriceTable::from(const PriceListDef& prices, const CareDef& care) {
  PriceTable t;
  for (std::size_t i = 0; i < kPricedItemCount; ++i) {
    const ItemDef& item = prices.items[i];
    t.cents[i] = is_one_off(static_cast<Item>(i)) ? kernel::to_cents(item.eur) : kernel::monthly_cents(item.eur);
    t.payer[i] = id(pocket_from_name(item.payer).value_or(Pocket::MunicipalitySocialWork));
    const auto second = pocket_from_name(item.second_payer);
    t.second_payer[i] = second ? id(*second) : t.payer[i];
    t.second_share[i] = second ? item.second_share : 0.0;
    const auto is_public = [](kernel::PocketId p) {
      const auto pocket = static_cast<Pocket>(p);
      return is_money(pocket) && pocket != Pocket::Household && pocket != Pocket::EmployersSociety;
    };
    t.public_money[i] = is_public(t.payer[i]) && (t.second_share[i] == 0.0 || is_public(t.second_payer[i]));
    // The budgets over which "4% of households use 55%" is measured: welfare, youth and safety [S003].
    const auto concentrated = [](kernel::PocketId p) {
      const auto pocket = static_cast<Pocket>(p);
      return pocket == Pocket::MunicipalityWorkIncome || pocket == Pocket::NationalGovernment ||
             pocket == Pocket::MunicipalityYouth || pocket == Pocket::Justice;
    };
    t.concentration[i] = t.public_money[i] && concentrated(t.payer[i]);
  }
  t.quality_of_life_per_crisis_month = kernel::monthly_cents(care.quality_of_life_loss * prices[Item::QualityOfLife].eur);
  t.productivity_per_month = kernel::monthly_cents(care.productivity_loss_share * prices[Item::ProductivityLoss].eur);
  t.gp_min_severity = static_cast<std::uint8_t>(care.gp_users_min_severity);
  return t;
}

void PriceTable::book(kernel::Ledger& ledger, kernel::Month month, Item item, kernel::Cents total) const {
  const auto i = static_cast<std::size_t>(item);
  const auto second = static_cast<kernel::Cents>(std::llround(static_cast<double>(total) * second_share[i]));
  ledger.book(month, payer[i], id(item), total - second);
  if (second != 0) ledger.book(month, second_payer[i], id(item), second);
}

void CareAccumulator::merge(const CareAccumulator& o) {
  for (std::size_t i = 0; i < kItemCount; ++i) items[i] += o.items[i];
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    level_cost[l] += o.level_cost[l];
    level_months[l] += o.level_months[l];
  }
}

void ProviderInbox::merge(const ProviderInbox& o) {
  requests.insert(requests.end(), o.requests.begin(), o.requests.end());
  for (std::size_t t = 0; t < kTrajectoryCount; ++t) {
    running[t] += o.running[t];
    dropped[t] += o.dropped[t];
  }
}

CareRules CareRules::from(const CareDef& def, const ProvidersDef& providers) {
  CareRules r;
  for (std::size_t t = 0; t < kTrajectoryCount; ++t) {
    const TrajectoryDef& td = def.trajectories[t];
    auto& rule = r.rules[t];
    rule.domain = agents::domain_index(td.domain);
    rule.min_severity = static_cast<std::uint8_t>(td.min_severity);
    for (std::size_t k = 0; k < agents::kTypeCount; ++k) {
      rule.start[k] = td.start * td.type_factor[k];
      rule.start_heavy[k] = std::min(1.0, rule.start[k] * def.not_self_reliant_start);
    }
    rule.ends_ongoing = td.ends_ongoing;
    rule.ends_resolved = td.ends_resolved;
    rule.signalled = rule.domain == agents::index(Domain::Finances) || rule.domain == agents::index(Domain::Housing);
    for (std::size_t s = rule.min_severity; s <= agents::kMaxSeverity; ++s)
      r.qualifies[rule.domain][s] |= static_cast<std::uint16_t>(1U << t);
    const ProviderDef& p = providers.providers[t];
    if (p.capacity > 0) r.limited |= static_cast<std::uint16_t>(1U << t);
    r.drop_out[t] = p.drop_out;
    r.effects.domain[t] = static_cast<std::uint8_t>(rule.domain);
    r.effects.improve[t] = 1.0 + p.effect;
    r.effects.worsen[t] = 1.0 - p.protect;
    if (p.effect != 0.0 || p.protect != 0.0) r.effects.active |= static_cast<std::uint16_t>(1U << t);
  }
  r.effects.early_end_worsen = def.early_end_worsen;
  r.trust_start = def.trust_start;
  r.crisis_start = def.crisis_start;
  r.signal_start = def.signal_start;
  r.early_end_months = static_cast<std::uint8_t>(std::min<std::uint32_t>(def.early_end_months, 255));
  return r;
}

namespace {

// Care of trajectories `ended` stopped while the household still qualified: raise their domains' relapse risk.
void mark_early_end(Population& pop, kernel::HouseholdId h, std::uint16_t ended, const CareRules& rules) {
  if (ended == 0 || rules.early_end_months == 0) return;
  pop.relapse_months[h] = rules.early_end_months;
  for (unsigned bits = ended; bits != 0; bits &= bits - 1)
    pop.relapse_domains[h] |=
        static_cast<std::uint8_t>(1U << rules.rules[static_cast<std::size_t>(std::countr_zero(bits))].domain);
}

}  // namespace

void end_trajectory(Population& pop, kernel::HouseholdId h, Trajectory t, const CareRules& rules) {
  const auto bit = static_cast<std::uint16_t>(1U << static_cast<unsigned>(t));
  pop.care[h] &= static_cast<std::uint16_t>(~bit);
  mark_early_end(pop, h, static_cast<std::uint16_t>(qualifying(pop, h, rules) & bit), rules);
}

namespace {

// Waiting households give up with the provider's drop-out hazard, or leave the list once they no longer
// qualify. Returns the bits still waited for.
std::uint16_t keep_waiting(std::uint16_t waiting, std::uint16_t qualifies, const CareRules& rules,
                           const kernel::HouseholdMonthDraws& draws, ProviderInbox& inbox) {
  waiting &= qualifies;
  for (unsigned bits = waiting; bits != 0; bits &= bits - 1) {
    const auto t = static_cast<std::uint32_t>(std::countr_zero(bits));
    if (draws.uniform(kernel::Purpose::CareUse, kTrajectoryCount + t) < rules.drop_out[t]) {
      waiting &= static_cast<std::uint16_t>(~(1U << t));
      ++inbox.dropped[t];
    }
  }
  return waiting;
}

/// The start hazard of a trajectory this month (hidden need: trust, a crisis and a partner's signal raise it).
double start_hazard(const CareRules::Rule& rule, std::size_t type, bool heavy, std::uint8_t severity, double trust,
                    double signal, const CareRules& rules) {
  double p = (heavy ? rule.start_heavy[type] : rule.start[type]) * trust;
  if (severity == agents::kMaxSeverity) p *= rules.crisis_start;
  if (rule.signalled) p *= signal;
  return p;
}

}  // namespace

std::uint16_t qualifying(const Population& pop, kernel::HouseholdId h, const CareRules& rules) {
  constexpr auto kReintegration = static_cast<std::uint16_t>(1U << static_cast<unsigned>(Trajectory::Reintegration));
  std::uint16_t qualifies = 0;
  for (std::size_t d = 0; d < agents::kDomainCount; ++d) qualifies |= rules.qualifies[d][pop.severity[d][h]];
  // Re-integration is a welfare instrument: it only runs for households on welfare.
  if (pop.income[h] != agents::Income::Welfare) qualifies &= static_cast<std::uint16_t>(~kReintegration);
  return qualifies;
}

void use_care(Population& pop, agents::Households hs, const CareRules& rules, const agents::StepContext& ctx,
              ProviderInbox& inbox) {
  constexpr std::uint16_t kSignals = agents::kArrears | agents::kEvictionListed | agents::kElectricityCutoff;
  hs.for_each([&](kernel::HouseholdId h) {
    if (pop.intramural[h] != agents::Intramural::None) return;  // care inside the institution
    // The raised relapse risk after an early end runs out.
    if (pop.relapse_months[h] > 0 && --pop.relapse_months[h] == 0) pop.relapse_domains[h] = 0;
    const std::uint16_t qualifies = qualifying(pop, h, rules);
    const bool on_welfare = pop.income[h] == agents::Income::Welfare;
    std::uint16_t care = pop.care[h];
    const std::uint16_t waited = pop.waiting[h];
    if (waited != 0) pop.waiting[h] = keep_waiting(waited, qualifies, rules, ctx.draws(h), inbox);
    // Those on a list this month do not ask again (a household that gave up asks again next month at the earliest).
    std::uint16_t candidates = (care | qualifies) & static_cast<std::uint16_t>(~waited);
    if (candidates == 0) return;  // nothing runs and nothing qualifies: no draw needed
    const std::size_t type = agents::index(pop.type[h]);
    // Last month's level: households that cannot cope are more often in view of services; trust and a partner's
    // signal bring a problem in view sooner (hidden need).
    const bool heavy = pop.last_level[h] >= agents::Level::Orange;
    const double trust = 1.0 + rules.trust_start * (2.0 * agents::unit_from_byte(pop.trust[h]) - 1.0);
    const double signal = (pop.events[h] & kSignals) != 0 ? rules.signal_start : 1.0;
    std::uint16_t ended_early = 0;
    const kernel::HouseholdMonthDraws draws = ctx.draws(h);
    while (candidates != 0) {
      const auto t = static_cast<std::size_t>(std::countr_zero(candidates));
      const auto bit = static_cast<std::uint16_t>(1U << t);
      candidates &= static_cast<std::uint16_t>(~bit);
      const auto& rule = rules.rules[t];
      const double u = draws.uniform(kernel::Purpose::CareUse, static_cast<std::uint32_t>(t));
      const bool eligible = t != static_cast<std::size_t>(Trajectory::Reintegration) || on_welfare;
      if (care & bit) {
        if (!eligible || u < ((qualifies & bit) ? rule.ends_ongoing : rule.ends_resolved)) {
          care &= static_cast<std::uint16_t>(~bit);
          if (eligible && (qualifies & bit)) ended_early |= bit;
        }
      } else if (u < start_hazard(rule, type, heavy, pop.severity[rule.domain][h], trust, signal, rules)) {
        if (rules.limited & bit) {
          inbox.requests.push_back({h, static_cast<std::uint8_t>(t)});
          pop.waiting[h] |= bit;
        } else {
          care |= bit;
        }
      }
    }
    pop.care[h] = care;
    mark_early_end(pop, h, ended_early, rules);
    for (unsigned bits = care & rules.limited; bits != 0; bits &= bits - 1) ++inbox.running[static_cast<std::size_t>(std::countr_zero(bits))];
  });
}

namespace {

bool running(const Population& pop, kernel::HouseholdId h, Trajectory t) {
  return (pop.care[h] & (1U << static_cast<unsigned>(t))) != 0;
}

std::uint8_t laws_in_use(const Population& pop, kernel::HouseholdId h) {
  std::uint8_t laws = 0;
  if (running(pop, h, Trajectory::YouthAmbulatory) || pop.youth[h] != agents::YouthEscalation::None) laws |= kYouthLaw;
  if (running(pop, h, Trajectory::WmoHouseholdHelp) || running(pop, h, Trajectory::WmoDayActivities) ||
      running(pop, h, Trajectory::WmoIndividualSupport) || (pop.flags[h] & agents::kInShelter))
    laws |= kWmo;
  if (pop.income[h] == agents::Income::Welfare) laws |= kWelfareLaw;
  if (running(pop, h, Trajectory::WmoHouseholdHelp)) laws |= kHouseholdHelp;
  if (running(pop, h, Trajectory::DebtHelpLight) || running(pop, h, Trajectory::DebtRestructuring)) laws |= kDebtHelp;
  if (running(pop, h, Trajectory::MentalHealthBasic) || running(pop, h, Trajectory::MentalHealthSpecialist))
    laws |= kMentalHealthCare;
  return laws;
}

// Adds one household's month to the accumulator and sums its public money.
struct HouseholdBill {
  CareAccumulator& acc;
  const PriceTable& prices;
  kernel::Cents money = 0;   ///< public money
  kernel::Cents budget = 0;  ///< of it, on the welfare, youth and safety budgets
  void add(Item item, std::int64_t units = 1) {
    const kernel::Cents c = prices[item] * units;
    add_cents(item, c);
  }
  void add_cents(Item item, kernel::Cents c) {
    const auto i = static_cast<std::size_t>(item);
    acc.items[i] += c;
    if (prices.public_money[i]) money += c;
    if (prices.concentration[i]) budget += c;
  }
};

using Severities = std::array<std::uint8_t, agents::kDomainCount>;

void bill_running(const Population& pop, kernel::HouseholdId h, const Severities& sev, HouseholdBill& bill) {
  using agents::Income;
  using agents::Intramural;
  switch (pop.income[h]) {
    case Income::Welfare:
      if (pop.intramural[h] != Intramural::Detention) {
        bill.add(Item::WelfareBenefit);
        bill.add(Item::WelfareRunningCosts);
      }
      break;
    case Income::Unemployed: bill.add(Item::UnemploymentBenefit); break;
    default: break;
  }
  // Inside an institution its own price covers care: trajectories pause (they resume after the stay).
  const bool inside = pop.intramural[h] != Intramural::None;
  for (unsigned bits = inside ? 0U : pop.care[h]; bits != 0; bits &= bits - 1)
    bill.add(kTrajectoryItems[static_cast<std::size_t>(std::countr_zero(bits))]);
  // Youth care is per child: a second child in care doubles the item (more are rare).
  if (!inside && running(pop, h, Trajectory::YouthAmbulatory) && pop.children[h] > 1) bill.add(Item::YouthAmbulatory);
  switch (pop.youth[h]) {
    case agents::YouthEscalation::Supervision:
      bill.add(Item::SupervisionOrder);
      bill.add(Item::ChildProtectionBoard);
      break;
    case agents::YouthEscalation::Placement:
      bill.add(Item::SupervisionOrder);
      bill.add(Item::OutOfHomePlacement, pop.children[h] > 1 ? 2 : 1);
      break;
    default: break;
  }
  switch (pop.intramural[h]) {
    case Intramural::MentalHealthAdmission: bill.add(Item::MentalHealthAdmission); break;
    case Intramural::NursingHome: bill.add(Item::NursingHome); break;
    case Intramural::Detention: bill.add(Item::Detention); break;
    default: break;
  }
  // Supported housing is paid once, at the eviction (bill_events); the others live in an emergency home.
  if (pop.housing[h] == agents::Housing::Evicted && !(pop.flags[h] & agents::kInShelter)) bill.add(Item::EmergencyHome);
  const auto gp = bill.prices.gp_min_severity;
  const auto health = sev[agents::index(Domain::Health)], mental = sev[agents::index(Domain::MentalHealth)];
  if (health >= gp || mental >= gp) bill.add(Item::GeneralPractitioner);
  if (pop.income[h] == Income::Work && mental >= 2)
    bill.add_cents(Item::ProductivityLoss, bill.prices.productivity_per_month);
  std::int64_t crises = 0;
  for (const auto s : sev) crises += s == agents::kMaxSeverity ? 1 : 0;
  if (crises > 0) bill.add_cents(Item::QualityOfLife, crises * bill.prices.quality_of_life_per_crisis_month);
}

void bill_events(const Population& pop, kernel::HouseholdId h, HouseholdBill& bill) {
  const std::uint16_t ev = pop.events[h];
  if (ev == 0) return;
  if (ev & agents::kEviction) {
    bill.add(Item::Eviction);
    bill.add(Item::Bailiff);
    bill.add(Item::Reletting);
    if (pop.flags[h] & agents::kInShelter) bill.add(Item::Shelter);
  }
  if (ev & agents::kOffenceProperty) bill.add(Item::OffenceProperty);
  if (ev & agents::kOffenceThreat) bill.add(Item::OffenceThreat);
  if (ev & agents::kOffenceAssault) bill.add(Item::OffenceAssault);
  if (ev & agents::kElectricityCutoff) bill.add(Item::ElectricityCutoff);
}

// True when the household's month costs nothing: no problem, no care, no benefit, no escalation, no event.
bool costs_nothing(const Population& pop, kernel::HouseholdId h, const Severities& sev) {
  std::uint8_t any_severity = 0;
  for (const auto s : sev) any_severity |= s;
  const auto income = pop.income[h];
  return any_severity == 0 && pop.care[h] == 0 && pop.events[h] == 0 &&
         (income == agents::Income::Work || income == agents::Income::Pension || income == agents::Income::Other) &&
         pop.youth[h] == agents::YouthEscalation::None && pop.intramural[h] == agents::Intramural::None &&
         pop.housing[h] != agents::Housing::Evicted;
}

}  // namespace

void account(Population& pop, agents::HouseholdRange r, const PriceTable& prices, CareAccumulator& acc) {
  const auto column = pop.severity_columns();
  for (kernel::HouseholdId h = r.begin; h < r.end; ++h) {
    const auto level = agents::index(pop.last_level[h]);
    ++acc.level_months[level];
    Severities sev;
    for (std::size_t d = 0; d < agents::kDomainCount; ++d) sev[d] = column[d][h];
    if (costs_nothing(pop, h, sev)) continue;
    HouseholdBill bill{acc, prices};
    bill_running(pop, h, sev, bill);
    bill_events(pop, h, bill);
    pop.cost_year[h] += bill.money;
    pop.budget_year[h] += bill.budget;
    pop.laws[h] |= laws_in_use(pop, h);
    acc.level_cost[level] += bill.money;
  }
}

}  // namespace wijksim::services
