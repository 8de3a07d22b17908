#include "sim/engine/world.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <thread>

#include "sim/batch/thread_pool.hpp"

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
    : World(def, replication, threads, def.run.warmup_months, warmup_progress) {}

World::World(const scenarios::ScenarioDef& def, std::uint64_t replication, unsigned threads,
             std::uint32_t warmup_months, const std::function<void(std::uint32_t)>& warmup_progress)
    : def_(&def),
      rng_(def.run.seed, replication),
      threads_(resolve_threads(threads)),
      pool_(std::make_shared<ThreadPool>(threads_ - 1)),
      hoods_(agents::place_neighbourhoods(def.population, def.run.households)),
      pop_(agents::generate_population(def.population, def.dynamics, hoods_, rng_)),
      graph_(agents::build_social_network(def.network, hoods_, rng_)),
      prices_(services::PriceTable::from(def.prices, def.care)),
      care_(services::CareRules::from(def.care, def.providers)),
      providers_(def.providers),
      ledger_(def.run.months, services::kPocketCount, services::kItemCount) {
  records_.reserve(def.run.months);
  warm_up(warmup_months, warmup_progress);
  setup_teams();
}

World::World(const World& zero, const scenarios::ScenarioDef& project) : World(zero) {
  def_ = &project;
  setup_teams();
}

Month World::lead_months(const scenarios::ScenarioDef& project) {
  Month lead = 0;
  for (const services::TeamDef& team : project.teams) lead = std::max(lead, team.lead_months);
  return std::min({lead, project.run.warmup_months, project.run.months});
}

World::World(const World& zero, const scenarios::ScenarioDef& project, std::uint64_t replication)
    : World(zero, project) {
  const Month lead = lead_months(project);
  if (lead == 0) return;
  // The lead-in: the zero alternative `lead` months before month 0 (the same warm-up, cut short), with the
  // project's teams working and never ending, stepped on the warm-up's draw months. Its bookings and records are
  // thrown away; only the teams' caseloads carry over, so no effect of the lead-in's casework reaches month 0.
  scenarios::ScenarioDef lead_def = project;
  for (services::TeamDef& team : lead_def.teams) team.active_months = team.lead_months = 0;
  const World start(*zero.def_, replication, zero.threads_, zero.def_->run.warmup_months - lead, {});
  World led(start, lead_def);
  for (Month i = 0; i < lead; ++i) {
    led.begin_month();
    led.simulate_month(zero.def_->run.warmup_months - lead + i, true);
    led.end_month();
  }
  for (std::size_t i = 0; i < teams_.size(); ++i) teams_[i].take_over(led.teams_[i], lead);
  // The households the teams know (active, waiting, monitored, closed) have that status here too.
  for (HouseholdId h = 0; h < pop_.size(); ++h) {
    if (led.pop_.support[h] == agents::Support::NotKnown) continue;
    pop_.support[h] = led.pop_.support[h];
    pop_.team[h] = led.pop_.team[h];
    pop_.flags[h] = static_cast<std::uint8_t>((pop_.flags[h] & ~agents::kNewlyFound) |
                                              (led.pop_.flags[h] & agents::kNewlyFound));
  }
  refresh_team_rules();
}

void World::setup_teams() {
  const scenarios::ScenarioDef& def = *def_;
  teams_.clear();
  const services::ReferralGraph graph = services::build_referral_graph(def.teams, def.dynamics.escalation);
  for (std::size_t i = 0; i < def.teams.size(); ++i)
    teams_.emplace_back(def.teams[i], i, services::routes_of(graph, i, def.care));
  // Replacement funding ("new for old") takes the team's yearly cost out of the named providers' places
  // [S004 §5.2], shared equally.
  for (const services::TeamDef& team : def.teams) {
    if (team.funding != "replacement") continue;
    const auto replaced = services::parse_name_set(team.replaces, services::kTrajectoryNames).bits;
    const int count = std::popcount(replaced);
    if (count == 0) continue;
    // The yearly cost the team books (a team without staff books nothing, team.cpp).
    const double cost = team.fte > 0.0 ? team.fte * team.cost_per_fte + team.other_costs : 0.0;
    for (unsigned bits = replaced; bits != 0; bits &= bits - 1) {
      const auto t = static_cast<services::Trajectory>(std::countr_zero(bits));
      const double place = def.prices[services::kTrajectoryItems[static_cast<std::size_t>(t)]].eur;
      const double places = place > 0.0 ? cost / count / place : 0.0;
      providers_.shrink(t, static_cast<std::uint32_t>(std::lround(places)));
    }
  }
  refresh_team_rules();
}

void World::refresh_team_rules() {
  // Finding goes to the first staffed team serving a neighbourhood; effects are per team and status.
  finding_ = services::FindingRules{};
  support_effects_.clear();
  if (teams_.empty()) return;
  finding_.team_of_hood.assign(hoods_.count(), -1);
  for (std::size_t i = 0; i < teams_.size(); ++i) {
    const services::Team& team = teams_[i];
    finding_.teams.push_back(team.def().finding);
    finding_.outreach.push_back(team.def().finding.outreach_visits > 0.0);
    // A team whose staff is gone (financiers cut it to 0 FTE) no longer works on its cases.
    support_effects_.push_back(team.staffed() ? team.active_effect() : agents::SupportEffect{});
    support_effects_.push_back(team.staffed() ? team.monitoring_effect() : agents::SupportEffect{});
    if (!team.staffed()) continue;
    for (std::size_t n = 0; n < hoods_.count(); ++n) {
      const bool serves = team.def().neighbourhood.empty() || team.def().neighbourhood == def_->population.neighbourhoods[n].name;
      if (serves && finding_.team_of_hood[n] < 0) finding_.team_of_hood[n] = static_cast<std::int16_t>(i);
    }
  }
}

bool World::can_lead(const World& project) const {
  return care_.limited == 0 && project.care_.limited == 0 && pop_.size() == project.pop_.size() &&
         rng_ == project.rng_ && month_ == project.month_;
}

void World::close_half_year() {
  for (const std::uint8_t laws : pop_.laws) {
    const int used = std::popcount(static_cast<unsigned>(laws & services::kThreeLaws));
    ++tallies_.laws[static_cast<std::size_t>(std::min(used, 2))];
    for (std::size_t b = 0; b < services::kUseBits; ++b) tallies_.uses[b] += (laws >> b) & 1U;
  }
  ++tallies_.half_years;
  std::fill(pop_.laws.begin(), pop_.laws.end(), 0);
}

void World::close_year() {
  // The year's money stays readable until the next year begins (begin_month), for month observers.
  tallies_.top1_share.push_back(top_share(pop_.budget_year, 0.01));
  tallies_.top4_share.push_back(top_share(pop_.budget_year, 0.04));
}

}  // namespace wijksim::sim
