// The month, written once as a readable list (docs/MODEL.md §6): the paired driver's
// month over all worlds, and within it the month of one world, step by step. Nothing else steps a world.
#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "agents/level.hpp"
#include "sim/batch/thread_pool.hpp"
#include "sim/engine/paired.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

namespace {

constexpr HouseholdId kBlock = 1024;  ///< households per cache block

struct ChunkResult {
  MonthRecord record;
  agents::IncomeStats income;
  services::CareAccumulator care;
  services::ProviderInbox providers;
  services::TeamInbox teams;
};

void count_events(const agents::Population& pop, agents::HouseholdRange r, MonthRecord& rec) {
  using namespace agents;
  static constexpr std::array<std::pair<std::uint16_t, Counted>, 11> kMap{{
      {kEviction, Counted::Evictions}, {kEvictionListed, Counted::EvictionListings}, {kPlacement, Counted::Placements},
      {kSupervisionOrder, Counted::SupervisionOrders}, {kAdmission, Counted::Admissions},
      {kNursingHome, Counted::NursingHome}, {kDetention, Counted::Detentions},
      {kOffenceProperty | kOffenceThreat | kOffenceAssault, Counted::Offences}, {kWelfareEntry, Counted::WelfareEntries},
      {kJobLoss, Counted::JobLosses}, {kRenewed, Counted::Renewals}}};
  for (HouseholdId h = r.begin; h < r.end; ++h) {
    const std::uint16_t ev = pop.events[h];
    if (ev == 0) continue;
    for (const auto& [bits, counted] : kMap)
      if (ev & bits) ++rec.events[static_cast<std::size_t>(counted)];
  }
}

// Derive this month's level, count the flow from last month's, remember it.
void classify(agents::Population& pop, agents::HouseholdRange r, const agents::LevelDef& def, MonthRecord& rec) {
  for (HouseholdId h = r.begin; h < r.end; ++h) {
    const agents::Level now = agents::level_of(pop, h, def);
    const auto from = agents::index(pop.last_level[h]), to = agents::index(now);
    ++rec.levels[to];
    ++rec.flows[from][to];
    pop.last_level[h] = now;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// The month of paired worlds
// ---------------------------------------------------------------------------------------------------------------

void PairedWorlds::step() {
  if (finished()) return;
  const Month m = zero_->month();
  // Start of the month in every world: the yearly network update; team rules (the financiers may have changed
  // a team last year).
  zero_->begin_month();
  for (const auto& project : projects_) project->begin_month();
  // Project households equal to their zero twin now live the same month there (their draws are the same, and only
  // the teams make worlds differ): their month is copied instead of simulated again.
  plan_followers();
#ifdef WIJKSIM_VALIDATE
  std::vector<World> shadows;
  for (const auto& project : projects_) shadows.push_back(*project);
#endif
  // Steps 1-7 in the zero alternative, then in each project world (which copies its followers from it).
  zero_->simulate_month(zero_->def_->run.warmup_months + m, true);
  for (std::size_t a = 0; a < projects_.size(); ++a) {
    World& project = *projects_[a];
    std::vector<std::uint8_t>& follows = follows_[a];
    // A household renewed this month is simulated: renewal resets the care that finding reads.
    for (std::size_t h = 0; h < follows.size(); ++h)
      if (zero_->pop_.events[h] & agents::kRenewed) follows[h] = 0;
    followers_[a] = static_cast<std::size_t>(std::count(follows.begin(), follows.end(), std::uint8_t{1}));
    project.simulate_month(project.def_->run.warmup_months + m, true, zero_.get(), follows);
  }
#ifdef WIJKSIM_VALIDATE
  for (World& shadow : shadows) shadow.simulate_month(shadow.def_->run.warmup_months + m, true);
  check_followers_against_shadows(shadows);
#endif
  // Closing: the half-year (laws used) and the year (cost concentration); the month is done.
  zero_->end_month();
  for (const auto& project : projects_) project->end_month();
  // 8. Financiers: at a year's end, pooled settlement and the co-financiers' and municipality's reviews.
  for (std::size_t a = 0; a < projects_.size(); ++a) financiers_[a].review(*zero_, *projects_[a], m);
  for (MonthObserver* o : observers_) o->after_month(*this, m);
  if (month_in_year(m) == 11)
    for (MonthObserver* o : observers_) o->after_year(*this, year_of(m));
}

// ---------------------------------------------------------------------------------------------------------------
// The month of one world
// ---------------------------------------------------------------------------------------------------------------

void World::warm_up(std::uint32_t months, const std::function<void(std::uint32_t)>& progress) {
  // Everyone counts as green before the first month; network strength then follows the true levels. Warm-up
  // months run steps 1-6 but book nothing: yearly costs and laws start at month 0.
  agents::update_network_strength(pop_, graph_, def_->network);
  for (std::uint32_t t = 0; t < months; ++t) {
    if (t % 12 == 0) agents::update_network_strength(pop_, graph_, def_->network);
    simulate_month(t, false);
    if (progress) progress(t + 1);
  }
  agents::update_network_strength(pop_, graph_, def_->network);
  std::fill(pop_.cost_year.begin(), pop_.cost_year.end(), 0);
  std::fill(pop_.budget_year.begin(), pop_.budget_year.end(), 0);
  std::fill(pop_.laws.begin(), pop_.laws.end(), 0);
}

void World::begin_month() {
  if (month_ % 12 == 0 && month_ > 0) {
    agents::update_network_strength(pop_, graph_, def_->network);
    std::fill(pop_.cost_year.begin(), pop_.cost_year.end(), 0);  // a new year's money
    std::fill(pop_.budget_year.begin(), pop_.budget_year.end(), 0);
  }
  refresh_team_rules();
}

void World::end_month() {
  if (month_in_year(month_) % 6 == 5) close_half_year();
  if (month_in_year(month_) == 11) close_year();
  ++month_;
}

void World::simulate_month(std::uint32_t t, bool record, const World* zero, std::span<const std::uint8_t> follows) {
  agents::StepContext month_ctx{rng_, t, hoods_.deprivation};
  month_ctx.support = support_effects_;
  const bool copies = zero != nullptr && !follows.empty();
  month_ctx.care = &care_.effects;
  const scenarios::ScenarioDef& def = *def_;
  const auto& dyn = def.dynamics;
  const std::uint32_t n = static_cast<std::uint32_t>(pop_.size());
  const unsigned chunks = std::max(1U, std::min<unsigned>(threads_, n));
  std::vector<ChunkResult> results(chunks);

  auto work = [&](unsigned c) {
    const agents::HouseholdRange r{static_cast<HouseholdId>(std::uint64_t{n} * c / chunks),
                                   static_cast<HouseholdId>(std::uint64_t{n} * (c + 1) / chunks)};
    ChunkResult& out = results[c];
    // Blocks small enough to stay in cache while every system passes over them; each household's
    // (household, month) mix is done once per block and shared by the systems.
    std::array<std::uint64_t, kBlock> bases;
    std::vector<HouseholdId> own;  // a following world's households that are not copied
    for (HouseholdId first = r.begin; first < r.end; first += kBlock) {
      const agents::HouseholdRange b{first, std::min<HouseholdId>(r.end, first + kBlock)};
      agents::StepContext ctx = month_ctx;
      ctx.first = first;
      // Steps 1-4 and care use simulate the whole block, or in a world following its zero alternative only the
      // households it does not copy (few: they mix their draws on demand).
      agents::Households simulated(b);
      if (copies) {
        own.clear();
        for (HouseholdId h = b.begin; h < b.end; ++h)
          if (follows[h] == 0) own.push_back(h);
        simulated = agents::Households(b, own);
      } else {
        for (HouseholdId h = b.begin; h < b.end; ++h) bases[h - first] = rng_.at(h, t).base();
        ctx.draw_bases = std::span<const std::uint64_t>(bases.data(), b.end - b.begin);
      }
      if (copies) agents::copy_followed(zero->pop_, pop_, b.begin, b.end, own, agents::Written::Month);
      agents::life_events(pop_, simulated, dyn.life_events, ctx);               // 1. life events
      agents::progress_domains(pop_, simulated, dyn, ctx);                      // 2. domain progression
      agents::escalate(pop_, simulated, dyn, def.population, ctx);              // 3. escalation ladders
      agents::update_income(pop_, simulated, dyn.income, ctx, out.income);      // 4. income
      services::find(pop_, b, finding_, ctx, out.teams);                        // 5. finding: requests and signals
      if (copies) agents::copy_followed(zero->pop_, pop_, b.begin, b.end, own, agents::Written::Care);
      services::use_care(pop_, simulated, care_, ctx, out.providers);           // 6. care as usual (requests)
      classify(pop_, b, def.level, out.record);                                 //    problem level and flows
      if (!record) continue;  // warm-up: nothing is booked or counted (yearly costs and laws start at month 0)
      services::account(pop_, b, prices_, out.care);                            // 7. accounting
      count_events(pop_, b, out.record);
    }
  };
  pool_->parallel_for(chunks, [&](std::size_t c) { work(static_cast<unsigned>(c)); });
  // 6. Services act on what the household pass raised, on one thread, in household order (chunks are in
  // household order, so the merged inboxes do not depend on the thread count).
  services::ProviderInbox provider_inbox;
  services::TeamInbox team_inbox;
  for (const ChunkResult& r : results) {
    provider_inbox.merge(r.providers);
    team_inbox.merge(r.teams);
  }
  act_services(provider_inbox, team_inbox, record);
  if (!record) return;

  // Merge the chunks (integer sums: the order does not matter) and book the month.
  MonthRecord& rec = records_.emplace_back();
  services::CareAccumulator care;
  for (const ChunkResult& r : results) {
    for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
      rec.levels[l] += r.record.levels[l];
      for (std::size_t k = 0; k < agents::kLevelCount; ++k) rec.flows[l][k] += r.record.flows[l][k];
    }
    for (std::size_t e = 0; e < kCountedCount; ++e) rec.events[e] += r.record.events[e];
    tallies_.income.merge(r.income);
    care.merge(r.care);
  }
  tallies_.care.merge(care);
  for (std::size_t i = 0; i < services::kItemCount; ++i)
    if (care.items[i] != 0) prices_.book(ledger_, month_, static_cast<services::Item>(i), care.items[i]);
#ifdef WIJKSIM_VALIDATE
  validate_month(rec, care);
#endif
}

void World::act_services(services::ProviderInbox& providers, services::TeamInbox& teams, bool record) {
  providers_.enqueue(pop_, providers);
  if (record) {
    services::TeamWorld tw{pop_, providers_, care_, ledger_, rng_, def_->run.warmup_months + month_, month_};
    std::vector<services::Contact> contacts, early;
    for (std::size_t i = 0; i < teams_.size(); ++i) {
      const auto mine = [i](const services::Contact& c) { return c.team == i; };
      contacts.clear();
      early.clear();
      std::copy_if(teams.contacts.begin(), teams.contacts.end(), std::back_inserter(contacts), mine);
      std::copy_if(teams.early.begin(), teams.early.end(), std::back_inserter(early), mine);
      const std::int64_t escalations = i < teams.escalations_waiting.size() ? teams.escalations_waiting[i] : 0;
      teams_[i].act(tw, contacts, early, escalations);
    }
  }
  providers_.serve(pop_, providers);
  if (!record) return;
  auto& team_month = team_records_.emplace_back();
  for (const services::Team& team : teams_) team_month.push_back(team.last_month());
  provider_records_.push_back(providers_.last_month());
}

void World::validate_month(const MonthRecord& rec, const services::CareAccumulator& care) const {
  // Heavy invariant checks (WIJKSIM_VALIDATE, on in Debug builds).
  std::int64_t households = 0;
  for (auto n : rec.levels) households += n;
  if (households != static_cast<std::int64_t>(pop_.size())) throw std::logic_error("households not conserved");
  Cents charged = 0;
  for (auto c : care.items) charged += c;
  for (const services::Team& team : teams_) charged += team.last_month().cost;
  if (charged != ledger_.month_total(month_)) throw std::logic_error("ledger does not balance with the charges");
  for (const auto& column : pop_.severity)
    for (auto s : column)
      if (s > agents::kMaxSeverity) throw std::logic_error("severity out of range");
}

}  // namespace wijksim::sim
