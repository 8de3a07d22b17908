#include "services/team.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>

namespace wijksim::services {

using agents::Domain;
using agents::Level;
using agents::Population;
using agents::Support;
using kernel::HouseholdId;
using kernel::Purpose;

NameSet parse_name_set(std::string_view text, std::span<const std::string_view> names) {
  NameSet set;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('+', start), text.size());
    const std::string_view part = text.substr(start, end - start);
    const auto it = std::find(names.begin(), names.end(), part);
    if (it == names.end()) {
      if (set.unknown.empty()) set.unknown = std::string(part);
    } else {
      set.bits |= 1U << static_cast<unsigned>(it - names.begin());
    }
    start = end + 1;
  }
  return set;
}

namespace {

// Per-household draws of the services (Purpose::Service), each at its own index.
enum ServiceDraw : std::uint32_t {
  kWaitDropOut = 0,
  kAccept = 1,          // + domain
  kAtHome = 10,
  kOpensUp = 11,
  kStopEviction = 12,
  kVisitOrder = 13,
  kLeaverClient = 14,
  kLeaverQuits = 15,
  kSubstitute = 20,     // + trajectory
  kExtraCare = 40,      // + trajectory
};

// Per-household draws of finding (Purpose::Finding).
enum FindingDraw : std::uint32_t { kHousingList, kEnergy, kSchool, kGp, kSelf, kEarly, kPolice };

constexpr std::uint16_t kOffenceEvents = agents::kOffenceProperty | agents::kOffenceThreat | agents::kOffenceAssault;

constexpr std::uint16_t kEscalationEvents = agents::kEviction | agents::kPlacement | agents::kSupervisionOrder |
                                            agents::kAdmission | agents::kDetention | agents::kNursingHome;

/// Trajectories a team can replace by its own work or the network [S004 §3]: light debt help, re-integration,
/// day activities, general social work, youth and parenting help, household help and other Wmo support.
/// Not mental-health care.
constexpr std::uint16_t kSubstitutable = [] {
  std::uint16_t bits = 0;
  for (const Trajectory t : {Trajectory::DebtHelpLight, Trajectory::Reintegration, Trajectory::WmoDayActivities,
                             Trajectory::GeneralSocialWork, Trajectory::YouthAmbulatory, Trajectory::WmoHouseholdHelp,
                             Trajectory::WmoIndividualSupport})
    bits = static_cast<std::uint16_t>(bits | (1U << static_cast<unsigned>(t)));
  return bits;
}();

std::uint8_t worst_severity(const Population& pop, HouseholdId h) {
  std::uint8_t worst = 0;
  for (const auto& column : pop.severity) worst = std::max(worst, column[h]);
  return worst;
}

// The domain with the highest severity among those a team can refer (the first on a tie).
std::optional<std::size_t> worst_routed_domain(const Population& pop, HouseholdId h, const TeamRoutes& routes) {
  std::optional<std::size_t> best;
  for (std::size_t d = 0; d < agents::kDomainCount; ++d)
    if (routes.provider[d] && (!best || pop.severity[d][h] > pop.severity[*best][h])) best = d;
  return best;
}

// Not known to care before: no trajectory running or waited for, never a team case.
bool unknown_to_care(const Population& pop, HouseholdId h) {
  return pop.care[h] == 0 && pop.waiting[h] == 0 && pop.support[h] == Support::NotKnown;
}

double draw(const kernel::Rng& rng, HouseholdId h, kernel::Month t, std::uint32_t index) {
  return rng.uniform(h, t, Purpose::Service, index);
}

}  // namespace

IntakeGroup IntakeGroup::of(const FindingDef& f) {
  IntakeGroup g;
  g.types = parse_name_set(f.household_types, agents::kTypeNames).bits;
  g.incomes = parse_name_set(f.income, kIncomeNames).bits;
  g.min_trajectories = f.min_trajectories;
  g.everyone = g.types == (1U << agents::kTypeCount) - 1 && g.incomes == (1U << kIncomeNames.size()) - 1 &&
               g.min_trajectories == 0;
  return g;
}

bool IntakeGroup::contains(const Population& pop, HouseholdId h) const {
  if (everyone) return true;
  return (types & (1U << agents::index(pop.type[h]))) != 0 &&
         (incomes & (1U << static_cast<unsigned>(pop.income[h]))) != 0 &&
         static_cast<std::uint32_t>(std::popcount(pop.care[h])) >= min_trajectories;
}

void TeamInbox::merge(const TeamInbox& o) {
  contacts.insert(contacts.end(), o.contacts.begin(), o.contacts.end());
  early.insert(early.end(), o.early.begin(), o.early.end());
  if (escalations_waiting.size() < o.escalations_waiting.size()) escalations_waiting.resize(o.escalations_waiting.size());
  for (std::size_t i = 0; i < o.escalations_waiting.size(); ++i) escalations_waiting[i] += o.escalations_waiting[i];
}

void find(const Population& pop, agents::HouseholdRange r, const FindingRules& rules, const agents::StepContext& ctx,
          TeamInbox& inbox) {
  if (!rules.any()) return;
  inbox.escalations_waiting.resize(rules.teams.size());
  std::vector<IntakeGroup> groups;
  groups.reserve(rules.teams.size());
  for (const FindingDef& f : rules.teams) groups.push_back(IntakeGroup::of(f));
  for (HouseholdId h = r.begin; h < r.end; ++h) {
    const Support s = pop.support[h];
    if (s == Support::Waiting) {
      if (pop.events[h] & kEscalationEvents) ++inbox.escalations_waiting[pop.team[h]];
      continue;
    }
    if (s == Support::Active || s == Support::Monitoring) continue;
    if (pop.intramural[h] != agents::Intramural::None) continue;
    const std::uint8_t worst = worst_severity(pop, h);
    if (worst < 2) continue;  // signals and requests start from a serious problem
    const std::int16_t team = rules.team_of_hood[pop.neighbourhood[h]];
    if (team < 0) continue;
    if (!groups[static_cast<std::size_t>(team)].contains(pop, h)) continue;  // outside the team's intake group
    const FindingDef& f = rules.teams[static_cast<std::size_t>(team)];
    const kernel::HouseholdMonthDraws draws = ctx.draws(h);
    const auto u = [&draws](FindingDraw i) { return draws.uniform(Purpose::Finding, i); };
    const std::uint16_t ev = pop.events[h];
    const bool signalled =
        ((ev & agents::kEvictionListed) && u(kHousingList) < f.housing_signal) ||
        ((ev & agents::kElectricityCutoff) && u(kEnergy) < f.energy_signal) ||
        (pop.children[h] > 0 && pop.sev(Domain::Parenting, h) >= 2 && u(kSchool) < f.school_signal) ||
        ((pop.sev(Domain::MentalHealth, h) >= 2 || pop.sev(Domain::Health, h) >= 2) && u(kGp) < f.gp_signal) ||
        ((ev & kOffenceEvents) && u(kPolice) < f.police_signal);
    const auto t = static_cast<std::uint8_t>(team);
    if (signalled) {
      inbox.contacts.push_back({h, t, Source::Signal});
    } else if (u(kSelf) < f.self_referral[worst - 2] * 2.0 * agents::unit_from_byte(pop.trust[h])) {
      inbox.contacts.push_back({h, t, Source::Self});
    } else if (rules.outreach[static_cast<std::size_t>(team)] && pop.sev(Domain::Finances, h) >= 2 &&
               u(kEarly) < f.early_signal) {
      inbox.early.push_back({h, t, Source::Outreach});
    }
  }
}

namespace {

constexpr std::array<std::string_view, 29> kMetricNames{
    "caseload_green", "caseload_light_orange", "caseload_orange", "caseload_red", "monitoring", "waiting",
    "intake_self", "intake_signal", "intake_outreach", "newly_found", "referrals", "refused", "waiting_dropouts",
    "escalations_waiting", "closed", "relapses", "visits", "visits_home", "evictions_stopped", "mandate_grants",
    "substituted", "extra_care", "departures", "fte", "fte_effective", "capacity_hours", "load_hours", "work_hours",
    "utilisation"};

}  // namespace

std::span<const std::string_view> team_metric_names() { return kMetricNames; }

std::vector<double> team_metric_values(const TeamMonth& m) {
  std::vector<double> v;
  for (const auto c : m.caseload) v.push_back(static_cast<double>(c));
  for (const std::int64_t x : {m.monitoring, m.waiting, m.intake_self, m.intake_signal, m.intake_outreach,
                               m.newly_found, m.referrals, m.refused, m.waiting_dropouts, m.escalations_waiting,
                               m.closed, m.relapses, m.visits, m.visits_home, m.evictions_stopped, m.mandate_grants,
                               m.substituted, m.extra_care, m.departures})
    v.push_back(static_cast<double>(x));
  for (const double x : {m.fte, m.fte_effective, m.capacity_hours, m.load_hours, m.work_hours, m.utilisation})
    v.push_back(x);
  return v;
}

Team::Team(const TeamDef& def, std::size_t index, const TeamRoutes& routes)
    : def_(def), index_(index), routes_(routes), fte_(def.fte), paying_(def.cofinanciers.size(), true) {
  target_ = parse_name_set(def.target, agents::kLevelNames).bits;
  disciplines_ = parse_name_set(def.casework.disciplines, kDisciplineNames).bits;
  substitutable_ = kSubstitutable;
  const CaseworkDef& cw = def.casework;
  for (std::size_t k = 0; k < kDisciplineCount; ++k) {
    const std::size_t d = agents::index(kDisciplineDomain[k]);
    const double share = (disciplines_ & (1U << k)) ? 1.0 : cw.without_discipline;
    active_.improve[d] = 1.0 + cw.improve[k] * share;
    active_.worsen[d] = 1.0 - cw.escalation[k] * share;
    monitoring_.improve[d] = 1.0 + cw.improve[k] * share * cw.monitoring_effect;
    monitoring_.worsen[d] = 1.0 - cw.escalation[k] * share * cw.monitoring_effect;
  }
  active_.network = cw.network_activation;
  monitoring_.network = cw.network_activation * cw.monitoring_effect;
}

void Team::withdraw(std::size_t cofinancier) {
  if (cofinancier >= paying_.size() || !paying_[cofinancier]) return;
  paying_[cofinancier] = false;
  set_fte(fte_ * (1.0 - def_.cofinanciers[cofinancier].share));
}

void Team::set_mandate(bool enabled, const TeamRoutes& routes) {
  def_.mandate.enabled = enabled;
  routes_ = routes;
}

void Team::set_target(std::uint32_t level_bits) {
  target_ = level_bits & ((1U << agents::kLevelCount) - 1U);
  std::string text;
  for (std::size_t l = 0; l < agents::kLevelCount; ++l)
    if ((target_ & (1U << l)) != 0) text += (text.empty() ? "" : "+") + std::string(agents::kLevelNames[l]);
  def_.target = text;
}

void Team::set_custom_budget(double eur_a_year) {
  const double budget = std::max(0.0, eur_a_year);
  budget_left_ = std::max(0.0, budget_left_ + budget - def_.mandate.custom_budget);
  def_.mandate.custom_budget = budget;
}

std::vector<std::pair<Pocket, double>> Team::payers() const {
  std::vector<std::pair<Pocket, double>> out;
  double rest = 1.0;
  for (std::size_t i = 0; i < paying_.size(); ++i) {
    if (!paying_[i]) continue;
    const CoFinancierDef& c = def_.cofinanciers[i];
    out.emplace_back(pocket_from_name(c.pocket).value_or(Pocket::MunicipalitySocialWork), c.share);
    rest -= c.share;
  }
  out.emplace_back(Pocket::MunicipalitySocialWork, std::max(0.0, rest));
  return out;
}

double Team::effective_fte() const {
  return std::max(0.0, fte_ - static_cast<double>(vacancies_.size()));
}

double Team::capacity_hours(kernel::Month month) const {
  // Ramp-up: a new team builds its caseload over about three years [S004 §4.4].
  const double ramp = def_.ramp_months == 0
                          ? 1.0
                          : def_.ramp_start + (1.0 - def_.ramp_start) *
                                                  std::min(1.0, static_cast<double>(month) / def_.ramp_months);
  return effective_fte() * def_.hours_per_fte / 12.0 * ramp;
}

double Team::hours_of(const Population& pop, HouseholdId h) const {
  return def_.hours[agents::index(pop.last_level[h])] / 12.0;
}

bool Team::has_room(const Population& pop, HouseholdId h) const {
  // The month's hours: cases and monitoring, the work besides casework so far, and this household's intake.
  return load_ + work_ + hours_of(pop, h) + def_.work.intake_hours <= capacity_hours_now_;
}

std::size_t Team::planned_visits(std::size_t early) const {
  return std::min(early, static_cast<std::size_t>(std::lround(def_.finding.outreach_visits * effective_fte())));
}

void Team::act(TeamWorld& w, std::span<const Contact> contacts, std::span<const Contact> early,
               std::int64_t escalations_waiting) {
  month_ = TeamMonth{};
  month_.escalations_waiting = escalations_waiting;
  if (def_.active_months > 0 && w.month >= def_.active_months) return wind_down(w);
  if (kernel::month_in_year(w.month) == 0) budget_left_ = def_.mandate.custom_budget;
  turnover(w);
  capacity_hours_now_ = capacity_hours(age(w));
  review_closed(w);
  review_cases(w);
  load_ = 0.0;
  for (const Case& c : cases_) load_ += hours_of(w.pop, c.h);
  for (const Closed& c : closed_)
    if (w.pop.support[c.h] == Support::Monitoring) load_ += def_.casework.monitoring_hours / 12.0;
  // Network meetings and the month's outreach visits are planned: their hours are set aside before intake.
  work_ = def_.work.network_hours * effective_fte() +
          static_cast<double>(planned_visits(early.size())) * def_.work.visit_hours;
  review_waiting(w);
  for (const Contact& c : contacts) triage(w, c);
  outreach(w, early);
  for (Case& c : cases_) casework(w, c);

  for (const Case& c : cases_) ++month_.caseload[agents::index(w.pop.last_level[c.h])];
  for (const Closed& c : closed_) month_.monitoring += w.pop.support[c.h] == Support::Monitoring ? 1 : 0;
  month_.waiting = static_cast<std::int64_t>(waiting_.size());
  month_.fte = fte_;
  month_.fte_effective = effective_fte();
  month_.capacity_hours = capacity_hours_now_;
  month_.load_hours = load_;
  month_.work_hours = work_;
  month_.utilisation = capacity_hours_now_ > 0.0 ? (load_ + work_) / capacity_hours_now_ : 0.0;
  book_costs(w);
}

void Team::take_over(const Team& led, kernel::Month months) {
  cases_ = led.cases_;
  closed_ = led.closed_;
  waiting_ = led.waiting_;
  vacancies_ = led.vacancies_;
  age_offset_ = led.age_offset_ + months;
}

void Team::wind_down(TeamWorld& w) {
  // The approach ran its months (the cohort of [S004 §4.4]): cases, waiting list and monitoring end, and
  // households go back to care as usual; no staff, no costs from now on.
  Population& pop = w.pop;
  for (const Case& c : cases_)
    if (pop.support[c.h] == Support::Active && pop.team[c.h] == index_) pop.support[c.h] = Support::Closed;
  for (const HouseholdId h : waiting_)
    if (pop.support[h] == Support::Waiting && pop.team[h] == index_) pop.support[h] = Support::NotKnown;
  for (const Closed& c : closed_)
    if (pop.support[c.h] == Support::Monitoring && pop.team[c.h] == index_) pop.support[c.h] = Support::Closed;
  cases_.clear();
  waiting_.clear();
  closed_.clear();
  vacancies_.clear();
  fte_ = 0.0;
  load_ = work_ = capacity_hours_now_ = 0.0;
}

void Team::turnover(TeamWorld& w) {
  std::erase_if(vacancies_, [&](kernel::Month filled) { return filled <= age(w); });
  const auto staff = static_cast<std::uint32_t>(std::ceil(fte_ - 1e-9));
  if (staff == 0 || def_.turnover.yearly <= 0.0) return;
  const double monthly = 1.0 - std::pow(1.0 - std::min(def_.turnover.yearly, 0.999999), 1.0 / 12.0);
  kernel::DrawStream s(w.rng, team_draw_id(index_), w.draw_month, Purpose::Service);
  std::uint32_t leavers = 0;
  for (std::uint32_t i = 0; i < staff; ++i) leavers += s.uniform() < monthly ? 1U : 0U;
  if (leavers == 0) return;
  month_.departures = leavers;
  for (std::uint32_t i = 0; i < leavers; ++i)
    if (def_.turnover.vacancy_months > 0) vacancies_.push_back(age(w) + def_.turnover.vacancy_months);
  // The leavers' clients retell their story to someone new: trust is lost, and some quit [S002].
  const double share = std::min(1.0, static_cast<double>(leavers) / staff);
  std::erase_if(cases_, [&](const Case& c) {
    if (draw(w.rng, c.h, w.draw_month, kLeaverClient) >= share) return false;
    auto& trust = w.pop.trust[c.h];
    trust = agents::byte_from_unit(agents::unit_from_byte(trust) - def_.turnover.lost_trust);
    if (draw(w.rng, c.h, w.draw_month, kLeaverQuits) >= def_.turnover.drop_out) return false;
    w.pop.support[c.h] = Support::Closed;
    return true;
  });
}

void Team::review_closed(TeamWorld& w) {
  // Relapse watch for a year after closure; monitored households that slip back are taken in again at once
  // (the "pilot light" [S004 §3]).
  std::erase_if(closed_, [&](const Closed& c) {
    Population& pop = w.pop;
    const bool mine = pop.team[c.h] == index_;
    const bool monitored = mine && pop.support[c.h] == Support::Monitoring;
    if (!monitored && pop.support[c.h] != Support::Closed) return true;  // renewed, or taken in again
    const bool watched = age(w) - c.at <= 12;
    if (pop.last_level[c.h] >= Level::Orange) {
      if (watched) ++month_.relapses;
      if (monitored) {
        pop.support[c.h] = Support::Active;
        cases_.push_back({c.h, age(w)});
        return true;
      }
      if (watched) return true;
    }
    if (monitored && age(w) >= c.monitored_until) pop.support[c.h] = Support::Closed;
    return !watched && !(monitored && age(w) < c.monitored_until);
  });
}

void Team::review_cases(TeamWorld& w) {
  const CaseworkDef& cw = def_.casework;
  std::erase_if(cases_, [&](Case& c) {
    Population& pop = w.pop;
    if (pop.support[c.h] != Support::Active || pop.team[c.h] != index_) return true;  // renewed or quit
    c.stable = pop.last_level[c.h] <= Level::LightOrange ? static_cast<std::uint16_t>(c.stable + 1) : 0;
    const bool stable = c.stable >= cw.close_after_stable;
    if (!stable && age(w) - c.start < cw.max_case_months) return false;
    ++month_.closed;
    if (stable) {
      // Closed because the household is stable: monitored, and watched for relapse.
      pop.support[c.h] = cw.monitoring_months > 0 ? Support::Monitoring : Support::Closed;
      closed_.push_back({c.h, age(w), age(w) + cw.monitoring_months});
    } else {
      // Closed at the longest case duration without being stable: no pilot light, no relapse watch.
      pop.support[c.h] = Support::Closed;
    }
    return true;
  });
}

void Team::review_waiting(TeamWorld& w) {
  Population& pop = w.pop;
  std::erase_if(waiting_, [&](HouseholdId h) {
    if (pop.support[h] != Support::Waiting || pop.team[h] != index_) return true;
    if (draw(w.rng, h, w.draw_month, kWaitDropOut) >= def_.waiting_drop_out) return false;
    pop.support[h] = Support::NotKnown;
    ++month_.waiting_dropouts;
    return true;
  });
  while (!waiting_.empty() && has_room(pop, waiting_.front())) {
    const HouseholdId h = waiting_.front();
    waiting_.pop_front();
    admit(w, h);
  }
}

void Team::triage(TeamWorld& w, const Contact& c) {
  Population& pop = w.pop;
  const HouseholdId h = c.h;
  const Support s = pop.support[h];
  if (s == Support::Active || s == Support::Waiting || s == Support::Monitoring) return;
  if (c.source != Source::Outreach) work_ += def_.work.contact_hours;  // a visit's hours are set aside already
  // "The art is not to pick up everything" [S000]: households outside the target are referred on.
  if ((target_ & (1U << agents::index(pop.last_level[h]))) == 0) {
    const auto domain = worst_routed_domain(pop, h, routes_);
    if (domain && refer(w, h, *domain)) {
      ++month_.referrals;
    } else {
      ++month_.refused;
    }
    return;
  }
  // An urgent signal (an eviction two weeks ahead [S003]) does not queue: the load may go above capacity, which
  // then holds back intake from the waiting list until it falls.
  const bool urgent = def_.urgent_signals && c.source == Source::Signal;
  const bool now = urgent || (waiting_.empty() && has_room(pop, h));
  if (!now && waiting_.size() >= def_.max_waiting) {
    ++month_.refused;
    return;
  }
  switch (c.source) {
    case Source::Self: ++month_.intake_self; break;
    case Source::Signal: ++month_.intake_signal; break;
    case Source::Outreach: ++month_.intake_outreach; break;
  }
  if (now) {
    admit(w, h);
  } else {
    // Whether it is newly found is judged now, at first contact, and kept while it waits.
    if (unknown_to_care(pop, h)) {
      pop.flags[h] |= agents::kNewlyFound;
    } else {
      pop.flags[h] &= static_cast<std::uint8_t>(~agents::kNewlyFound);
    }
    pop.support[h] = Support::Waiting;
    pop.team[h] = static_cast<std::uint8_t>(index_);
    waiting_.push_back(h);
  }
}

void Team::outreach(TeamWorld& w, std::span<const Contact> early) {
  const std::size_t visits = planned_visits(early.size());
  if (visits == 0) return;
  // Visit a random subset of the early signals (order by a draw of each household, ties by id).
  std::vector<std::pair<double, HouseholdId>> order;
  order.reserve(early.size());
  for (const Contact& c : early) order.emplace_back(draw(w.rng, c.h, w.draw_month, kVisitOrder), c.h);
  const std::size_t n = std::min(visits, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end());
  for (std::size_t i = 0; i < n; ++i) {
    const HouseholdId h = order[i].second;
    ++month_.visits;
    // The funnel [S003]: of 10 visits 4 are home; of those 1 opens up.
    if (draw(w.rng, h, w.draw_month, kAtHome) >= def_.finding.at_home) continue;
    ++month_.visits_home;
    if (draw(w.rng, h, w.draw_month, kOpensUp) >= def_.finding.opens_up) continue;
    triage(w, {h, static_cast<std::uint8_t>(index_), Source::Outreach});
  }
}

void Team::admit(TeamWorld& w, HouseholdId h) {
  Population& pop = w.pop;
  // Newly found: not known to care before (judged at first contact for households from the waiting list).
  const bool newly = pop.support[h] == Support::Waiting ? (pop.flags[h] & agents::kNewlyFound) != 0
                                                         : unknown_to_care(pop, h);
  pop.support[h] = Support::Active;
  pop.team[h] = static_cast<std::uint8_t>(index_);
  if (newly) {
    pop.flags[h] |= agents::kNewlyFound;
    ++month_.newly_found;
  } else {
    pop.flags[h] &= static_cast<std::uint8_t>(~agents::kNewlyFound);
  }
  cases_.push_back({h, age(w)});
  load_ += hours_of(pop, h);
  work_ += def_.work.intake_hours;
  const CaseworkDef& cw = def_.casework;
  // Substitution in a known household: the team or the network replaces part of its running trajectories
  // [S004 Table 4.5: 10% in existing cases].
  for (unsigned bits = pop.care[h] & substitutable_; bits != 0; bits &= bits - 1) {
    const auto t = static_cast<std::uint32_t>(std::countr_zero(bits));
    if (draw(w.rng, h, w.draw_month, kSubstitute + t) < cw.substitution_existing) {
      end_trajectory(pop, h, static_cast<Trajectory>(t), w.care);  // replaced while the problem is there: early
      ++month_.substituted;
    }
  }
  // Suction: a newly found household brings extra care at first [S001: +14% Wmo clients; S004], of which the
  // team replaces a share itself [S004 Table 4.5: 30% in newly found cases].
  if (!newly) return;
  const std::uint16_t wanted = qualifying(pop, h, w.care) & substitutable_ & static_cast<std::uint16_t>(~pop.care[h]);
  for (unsigned bits = wanted; bits != 0; bits &= bits - 1) {
    const auto t = static_cast<std::uint32_t>(std::countr_zero(bits));
    if (draw(w.rng, h, w.draw_month, kExtraCare + t) >= cw.extra_care_new) continue;
    if (draw(w.rng, h, w.draw_month, kSubstitute + t) < cw.substitution_new) {
      ++month_.substituted;
      continue;
    }
    ++month_.extra_care;
    if (routes_.mandate & (1U << t)) {
      w.providers.grant(pop, h, static_cast<Trajectory>(t));
      ++month_.mandate_grants;
    } else {
      w.providers.request(pop, h, static_cast<Trajectory>(t));
    }
  }
}

bool Team::refer(TeamWorld& w, HouseholdId h, std::size_t domain) {
  const auto& provider = routes_.provider[domain];
  if (!provider) return false;
  const auto bit = static_cast<std::uint16_t>(1U << static_cast<unsigned>(*provider));
  if ((w.pop.care[h] | w.pop.waiting[h]) & bit) return false;
  work_ += def_.work.referral_hours;  // the call and the hand-over take hours whether the provider accepts or not
  if (routes_.mandate & bit) {
    w.providers.grant(w.pop, h, *provider);
    ++month_.mandate_grants;
    return true;
  }
  if (draw(w.rng, h, w.draw_month, kAccept + static_cast<std::uint32_t>(domain)) >= routes_.acceptance[domain])
    return false;
  w.providers.request(w.pop, h, *provider);
  return true;
}

void Team::casework(TeamWorld& w, Case& c) {
  Population& pop = w.pop;
  const HouseholdId h = c.h;
  // Mandate: stop a pending eviction; with a custom budget the arrears are cleared [S003: about 2,500 a case].
  if (routes_.stops_evictions && pop.housing[h] == agents::Housing::EvictionPending &&
      draw(w.rng, h, w.draw_month, kStopEviction) < def_.mandate.stop_eviction) {
    ++month_.evictions_stopped;
    if (budget_left_ >= def_.mandate.arrears_cost && def_.mandate.arrears_cost > 0.0) {
      budget_left_ -= def_.mandate.arrears_cost;
      book_split(w, Item::CustomBudget, kernel::to_cents(def_.mandate.arrears_cost));
      pop.housing[h] = agents::Housing::Housed;
      auto& fin = pop.severity[agents::index(Domain::Finances)][h];
      fin = std::min<std::uint8_t>(fin, 2);
    } else {
      pop.housing[h] = agents::Housing::Arrears;  // a payment plan instead of eviction
    }
  }
  // Mandate: grant youth-law and Wmo provisions the household waits for, on the spot.
  for (unsigned bits = pop.waiting[h] & routes_.mandate; bits != 0; bits &= bits - 1) {
    w.providers.grant(pop, h, static_cast<Trajectory>(std::countr_zero(bits)));
    ++month_.mandate_grants;
  }
  // Serious problems in a domain whose discipline the team lacks are referred along the graph, once a case.
  for (std::size_t k = 0; k < kDisciplineCount; ++k) {
    const std::size_t d = agents::index(kDisciplineDomain[k]);
    const auto bit = static_cast<std::uint8_t>(1U << d);
    if ((disciplines_ & (1U << k)) || (c.referred & bit) || pop.severity[d][h] < 2) continue;
    c.referred |= bit;
    if (refer(w, h, d)) ++month_.referrals;
  }
}

void Team::book_split(TeamWorld& w, Item item, kernel::Cents total) {
  if (total == 0) return;
  const auto payers = this->payers();
  kernel::Cents rest = total;
  for (std::size_t i = 0; i + 1 < payers.size(); ++i) {
    const auto part = static_cast<kernel::Cents>(std::llround(static_cast<double>(total) * payers[i].second));
    w.ledger.book(w.month, id(payers[i].first), id(item), part);
    rest -= part;
  }
  w.ledger.book(w.month, id(payers.back().first), id(item), rest);
  month_.cost += total;
}

void Team::book_costs(TeamWorld& w) {
  if (!staffed()) return;  // a team without staff has no other costs either
  const double staff = effective_fte() * def_.cost_per_fte / 12.0;
  // Friction in the first year: project lead, registration, old caseloads [S004 §4.2].
  const double friction = age(w) < 12 ? def_.friction_share * fte_ * def_.cost_per_fte / 12.0 : 0.0;
  book_split(w, Item::TeamStaff, kernel::to_cents(staff));
  book_split(w, Item::TeamOther, kernel::to_cents(def_.other_costs / 12.0 + friction));
}

}  // namespace wijksim::services
