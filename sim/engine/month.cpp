// The month of a world, written once as a readable list (MODEL.md "What happens in a month").
#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <thread>
#include <vector>

#include "agents/level.hpp"
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

void World::simulate_month(std::uint32_t t, bool record, const World* zero, std::span<const std::uint8_t> follows) {
  agents::StepContext month_ctx{rng_, t, hoods_.deprivation};
  month_ctx.support = support_effects_;
  month_ctx.followed = follows;
  if (care_.effects.active != 0) month_ctx.care = &care_.effects;
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
    for (HouseholdId first = r.begin; first < r.end; first += kBlock) {
      const agents::HouseholdRange b{first, std::min<HouseholdId>(r.end, first + kBlock)};
      agents::StepContext ctx = month_ctx;
      // A world following its zero alternative simulates few households: they mix their draws on demand.
      if (zero == nullptr) {
        for (HouseholdId h = b.begin; h < b.end; ++h) bases[h - first] = rng_.at(h, t).base();
        ctx.draw_bases = std::span<const std::uint64_t>(bases.data(), b.end - b.begin);
      }
      ctx.first = first;
      // Households following the zero alternative take its month (step_paired); the systems skip them.
      if (zero != nullptr) agents::copy_followed(zero->pop_, pop_, b.begin, b.end, follows, agents::FollowedColumns::BeforeCare);
      agents::life_events(pop_, b, dyn.life_events, ctx);                 // 1. life events
      agents::progress_domains(pop_, b, dyn, ctx);                        // 2. domain progression
      agents::escalate(pop_, b, dyn, def.population, ctx);                // 3. escalation ladders
      agents::update_income(pop_, b, dyn.income, ctx, out.income);        // 4. income
      services::find(pop_, b, finding_, ctx, out.teams);                  // 5. finding: requests and signals
      if (zero != nullptr) agents::copy_followed(zero->pop_, pop_, b.begin, b.end, follows, agents::FollowedColumns::Care);
      services::use_care(pop_, b, care_, ctx, out.providers);             // 6. care as usual (requests to providers)
      classify(pop_, b, def.level, out.record);                           //    problem level and flows
      if (!record) continue;  // warm-up: nothing is booked or counted (yearly costs and laws start at month 0)
      services::account(pop_, b, prices_, out.care);                      // 7. accounting
      count_events(pop_, b, out.record);
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (unsigned c = 1; c < chunks; ++c) helpers.emplace_back(work, c);
    work(0);
  }
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
