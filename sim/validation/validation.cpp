#include "sim/validation/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <cmath>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "scenarios/loader.hpp"
#include "sim/batch/thread_pool.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::sim {

namespace fs = std::filesystem;
using agents::Housing;
using agents::Income;
using agents::Population;
using agents::Support;

// ---------------------------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------------------------

std::vector<CatalogueEntry> list_scenarios(const fs::path& dir) {
  std::vector<CatalogueEntry> out;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error))
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      out.push_back({entry.path().stem().string(), entry.path(), "", 0});
  if (error) throw scenarios::ScenarioError(dir.string(), 0, "", "cannot list the scenario folder: " + error.message());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (CatalogueEntry& e : out) {
    const scenarios::ScenarioDef def = scenarios::load_scenario(e.file);
    e.description = def.description;
    e.teams = def.teams.size();
  }
  return out;
}

std::string scenarios_listing(std::span<const CatalogueEntry> entries) {
  std::size_t width = 0;
  for (const auto& e : entries) width = std::max(width, e.name.size());
  std::string out;
  for (const bool approaches : {false, true}) {
    out += approaches ? "\nApproaches (with a team; `wijksim validate-model` validates each against its sources):\n"
                      : "Districts (zero alternatives, no team):\n";
    for (const auto& e : entries)
      if (e.approach() == approaches) out += fmt::format("  {:<{}}  {}\n", e.name, width, e.description);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Process observer
// ---------------------------------------------------------------------------------------------------------------

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint16_t kOffences = agents::kOffenceProperty | agents::kOffenceThreat | agents::kOffenceAssault;
constexpr std::uint16_t kWmo = (1U << static_cast<unsigned>(services::Trajectory::WmoHouseholdHelp)) |
                               (1U << static_cast<unsigned>(services::Trajectory::WmoDayActivities)) |
                               (1U << static_cast<unsigned>(services::Trajectory::WmoIndividualSupport));

bool housing_question(const Population& pop, HouseholdId h) {
  return pop.sev(agents::Domain::Housing, h) >= 1 || pop.housing[h] != Housing::Housed ||
         (pop.events[h] & agents::kEvictionListed) != 0;
}

std::uint8_t trajectories(std::uint16_t care) { return static_cast<std::uint8_t>(std::popcount(care)); }

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

}  // namespace

ProcessObserver::ProcessObserver(const PairedWorlds& worlds, std::size_t alternative)
    : alternative_(alternative),
      households_(worlds.project(alternative).population().size()),
      support_(worlds.project(alternative).population().support),
      care_(worlds.project(alternative).population().care),
      spell_start_(households_, -1),
      client_of_(households_, -1) {
  const World& project = worlds.project(alternative);
  const std::size_t years = (project.def().run.months + 11) / 12;
  for (auto& c : cost_) c.assign(years * households_, 0);
  for (const services::Team& team : project.teams()) withdrawn_.emplace_back(team.def().cofinanciers.size(), -1);
}

void ProcessObserver::admit(const Population& pop, HouseholdId h, Month m) {
  ++admissions_;
  if (client_of_[h] >= 0) {
    ++readmissions_;
    return;
  }
  Client c;
  c.h = h;
  c.intake = m;
  c.housing_question = housing_question(pop, h);
  c.eviction_at_stake = pop.housing[h] == Housing::EvictionPending || (pop.events[h] & agents::kEvictionListed) != 0;
  c.welfare = pop.income[h] == Income::Welfare;
  c.trajectories = trajectories(care_[h]);
  c.level = static_cast<std::uint8_t>(agents::index(pop.last_level[h]));
  client_of_[h] = static_cast<std::int32_t>(clients_.size());
  clients_.push_back(c);
}

void ProcessObserver::after_month(const PairedWorlds& worlds, Month m) {
  const World& zero = worlds.zero();
  const World& project = worlds.project(alternative_);
  const Population& pop = project.population();
  for (HouseholdId h = 0; h < households_; ++h) {
    const Support now = pop.support[h], before = support_[h];
    if (now == Support::Active && before != Support::Active) {
      if (before == Support::Monitoring) {
        ++reactivations_;  // a monitored household slipped back: the same case again, no intake
      } else {
        admit(pop, h, m);
      }
      spell_start_[h] = static_cast<std::int32_t>(m);
    } else if (now != Support::Active && before == Support::Active && spell_start_[h] >= 0) {
      ++spells_;
      spell_months_ += static_cast<std::int64_t>(m) - spell_start_[h];
      if (client_of_[h] >= 0) {
        Client& c = clients_[static_cast<std::size_t>(client_of_[h])];
        if (c.first_spell < 0) c.first_spell = static_cast<std::int32_t>(m - c.intake);
      }
      spell_start_[h] = -1;
    }
  }
  follow(zero, project, m);
  const std::array<const World*, 2> both{&project, &zero};
  for (std::size_t w = 0; w < 2; ++w) {
    const Population& p = both[w]->population();
    if (month_in_year(m) == 10) {
      const std::size_t base = static_cast<std::size_t>(year_of(m)) * households_;
      std::copy(p.cost_year.begin(), p.cost_year.end(), cost_[w].begin() + static_cast<std::ptrdiff_t>(base));
    }
    for (HouseholdId h = 0; h < households_; ++h) wmo_months_[w] += (p.care[h] & kWmo) != 0 ? 1 : 0;
    if (!both[w]->provider_records().empty())
      for (const services::ProviderMonth& pm : both[w]->provider_records().back()) provider_waiting_[w] += pm.waiting;
  }
  withdrawals(project, m);
  support_ = pop.support;
  care_ = pop.care;
}

void ProcessObserver::follow(const World& zero, const World& project, Month m) {
  const std::array<const Population*, 2> pops{&project.population(), &zero.population()};
  for (Client& c : clients_) {
    if (m <= c.intake || m - c.intake > 36) continue;  // the longest follow-up is 36 months
    const Month d = m - c.intake;
    for (std::size_t w = 0; w < 2; ++w) {
      const Population& p = *pops[w];
      if (c.renewed[w] >= 0) continue;
      if (p.events[c.h] & agents::kRenewed) {
        c.renewed[w] = static_cast<std::int32_t>(d);  // a new household: its follow-up ends here
        continue;
      }
      if (d <= 12) {
        c.offences_12m[w] += (p.events[c.h] & kOffences) != 0 ? 1 : 0;
        c.evicted_12m[w] += (p.events[c.h] & agents::kEviction) != 0 ? 1 : 0;
      }
      if (d == 3) c.housing_question_3m[w] = housing_question(p, c.h);
      if (d == 6) c.trajectories_6m[w] = trajectories(p.care[c.h]);
      if (d == 12) c.level_12m[w] = static_cast<std::uint8_t>(agents::index(p.last_level[c.h]));
      if (c.welfare && d <= 36 && c.welfare_exit[w] < 0 && p.income[c.h] != Income::Welfare)
        c.welfare_exit[w] = static_cast<std::int32_t>(d);
    }
  }
}

void ProcessObserver::withdrawals(const World& project, Month m) {
  if (month_in_year(m) != 11) return;
  const auto& teams = project.teams();
  for (std::size_t t = 0; t < teams.size() && t < withdrawn_.size(); ++t)
    for (std::size_t j = 0; j < withdrawn_[t].size(); ++j)
      if (withdrawn_[t][j] < 0 && !teams[t].cofinancing()[j]) withdrawn_[t][j] = static_cast<std::int32_t>(year_of(m));
}

namespace {

/// Sums over the months and teams of a world's team records.
struct TeamTotals {
  double team_months = 0, fte = 0, fte_effective = 0, cases = 0, case_hours = 0, waiting = 0;
  double capacity_hours = 0, load_hours = 0, work_hours = 0;  ///< client hours: available, cases, besides casework
  std::int64_t intake_self = 0, intake_signal = 0, intake_outreach = 0, newly_found = 0, referrals = 0, refused = 0;
  std::int64_t closed = 0, relapses = 0, visits = 0, visits_home = 0, evictions_stopped = 0, mandate_grants = 0;
  std::int64_t intake() const { return intake_self + intake_signal + intake_outreach; }
};

TeamTotals team_totals(const World& project) {
  TeamTotals t;
  for (const auto& month : project.team_records()) {
    bool working = false;
    for (std::size_t i = 0; i < month.size(); ++i) {
      const services::TeamMonth& tm = month[i];
      const auto& hours = project.teams()[i].def().hours;
      working = working || tm.fte > 0.0;
      t.fte += tm.fte;
      t.fte_effective += tm.fte_effective;
      t.capacity_hours += tm.capacity_hours;
      t.load_hours += tm.load_hours;
      t.work_hours += tm.work_hours;
      for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
        t.cases += static_cast<double>(tm.caseload[l]);
        t.case_hours += static_cast<double>(tm.caseload[l]) * hours[l];
      }
      t.waiting += static_cast<double>(tm.waiting);
      t.intake_self += tm.intake_self;
      t.intake_signal += tm.intake_signal;
      t.intake_outreach += tm.intake_outreach;
      t.newly_found += tm.newly_found;
      t.referrals += tm.referrals;
      t.refused += tm.refused;
      t.closed += tm.closed;
      t.relapses += tm.relapses;
      t.visits += tm.visits;
      t.visits_home += tm.visits_home;
      t.evictions_stopped += tm.evictions_stopped;
      t.mandate_grants += tm.mandate_grants;
    }
    t.team_months += working ? 1.0 : 0.0;
  }
  return t;
}

std::array<std::int64_t, kCountedCount> event_totals(const World& world) {
  std::array<std::int64_t, kCountedCount> out{};
  for (const MonthRecord& rec : world.records())
    for (std::size_t e = 0; e < kCountedCount; ++e) out[e] += rec.events[e];
  return out;
}

/// Money a world's ledger holds on the given items over all pockets and years, EUR.
double item_total(const World& world, std::initializer_list<services::Item> items) {
  const Ledger& ledger = world.ledger();
  Cents sum = 0;
  for (std::uint32_t y = 0; y < ledger.years(); ++y)
    for (PocketId p = 0; p < services::kPocketCount; ++p)
      for (const services::Item item : items) sum += ledger.item_year(p, services::id(item), y);
  return static_cast<double>(sum) / 100.0;
}

/// Share of clients for which `count` says yes, over those `include` admits; NaN for none.
template <class Client, class Include, class Count>
double share(const std::vector<Client>& clients, Include include, Count count) {
  double n = 0, yes = 0;
  for (const Client& c : clients) {
    if (!include(c)) continue;
    ++n;
    yes += count(c) ? 1.0 : 0.0;
  }
  return ratio(yes, n);
}

}  // namespace

Figures ProcessObserver::finish(const World& zero, const World& project) const {
  Figures f;
  const TeamTotals t = team_totals(project);
  const double team_years = t.team_months / 12.0, fte_years = t.fte / 12.0;
  const Month months = project.def().run.months;
  f["fte"] = ratio(t.fte, t.team_months);
  f["team_years"] = team_years;
  const double team_cost =
      item_total(project, {services::Item::TeamStaff, services::Item::TeamOther, services::Item::CustomBudget});
  f["team_cost_year"] = ratio(team_cost, team_years);
  f["custom_budget_year"] = ratio(item_total(project, {services::Item::CustomBudget}), team_years);
  f["custom_budget_per_fte_year"] = ratio(item_total(project, {services::Item::CustomBudget}), fte_years);
  const auto intake = static_cast<double>(t.intake());
  f["intake_year"] = ratio(intake, team_years);
  f["intake_self_share"] = ratio(static_cast<double>(t.intake_self), intake);
  f["intake_signal_share"] = ratio(static_cast<double>(t.intake_signal), intake);
  f["intake_outreach_share"] = ratio(static_cast<double>(t.intake_outreach), intake);
  const auto admissions = static_cast<double>(admissions_);
  f["admissions_year"] = ratio(admissions, team_years);
  f["admissions_per_fte_year"] = ratio(admissions, fte_years);
  f["clients"] = static_cast<double>(clients_.size());
  f["newly_found_share"] = ratio(static_cast<double>(t.newly_found), admissions);
  f["caseload"] = ratio(t.cases, t.team_months);
  f["cases_per_fte"] = ratio(t.cases, t.fte_effective);
  f["hours_per_case_year"] = ratio(t.case_hours, t.cases);
  f["utilisation"] = ratio(t.load_hours + t.work_hours, t.capacity_hours);
  f["work_share"] = ratio(t.work_hours, t.load_hours + t.work_hours);
  f["waiting"] = ratio(t.waiting, t.team_months);
  f["refused_year"] = ratio(static_cast<double>(t.refused), team_years);
  f["case_months"] = ratio(static_cast<double>(spell_months_), static_cast<double>(spells_));
  f["closed_year"] = ratio(static_cast<double>(t.closed), team_years);
  f["closed_share"] = ratio(static_cast<double>(t.closed), admissions + static_cast<double>(reactivations_));
  f["relapse_share"] = ratio(static_cast<double>(t.relapses), static_cast<double>(t.closed));
  f["referrals_year"] = ratio(static_cast<double>(t.referrals), team_years);
  f["referred_share"] = ratio(static_cast<double>(t.referrals), static_cast<double>(t.referrals) + intake);
  f["visits_year"] = ratio(static_cast<double>(t.visits), team_years);
  f["at_home_share"] = ratio(static_cast<double>(t.visits_home), static_cast<double>(t.visits));
  f["opens_up_share"] = ratio(static_cast<double>(t.intake_outreach), static_cast<double>(t.visits_home));
  f["intake_per_10_visits"] = ratio(10.0 * static_cast<double>(t.intake_outreach), static_cast<double>(t.visits));
  f["evictions_stopped_year"] = ratio(static_cast<double>(t.evictions_stopped), team_years);
  f["evictions_stopped_per_fte_year"] = ratio(static_cast<double>(t.evictions_stopped), fte_years);
  f["mandate_grants_year"] = ratio(static_cast<double>(t.mandate_grants), team_years);

  // Escalations prevented over the horizon: the zero alternative's count minus the project's.
  const auto zero_events = event_totals(zero), project_events = event_totals(project);
  const auto prevented = [&](Counted e) {
    return static_cast<double>(zero_events[static_cast<std::size_t>(e)] - project_events[static_cast<std::size_t>(e)]);
  };
  for (std::size_t e = 0; e < kCountedCount; ++e)
    f[std::string(kCountedNames[e]) + "_prevented"] = prevented(static_cast<Counted>(e));
  const auto n_clients = static_cast<double>(clients_.size());
  f["evictions_prevented_per_fte_year"] = ratio(prevented(Counted::Evictions), fte_years);
  f["evictions_prevented_per_client"] = ratio(prevented(Counted::Evictions), n_clients);
  f["escalations_prevented_per_client"] =
      ratio(prevented(Counted::Placements) + prevented(Counted::SupervisionOrders) + prevented(Counted::Admissions) +
                prevented(Counted::NursingHome) + prevented(Counted::Detentions),
            n_clients);

  // The households taken in, followed in both worlds; a follow-up counts only when it fits in the horizon and
  // neither world renewed the household before.
  const auto kept = [](const Client& c, Month d) {  // no new household in its place within d months, in either world
    return std::all_of(c.renewed.begin(), c.renewed.end(),
                       [d](std::int32_t at) { return at < 0 || static_cast<Month>(at) > d; });
  };
  const auto followed = [months, kept](const Client& c, Month d) { return c.intake + d < months && kept(c, d); };
  const auto any = [](const Client&) { return true; };
  f["housing_question_start"] = share(clients_, any, [](const Client& c) { return c.housing_question; });
  f["eviction_at_stake_share"] = share(clients_, any, [](const Client& c) { return c.eviction_at_stake; });
  f["welfare_at_intake_share"] = share(clients_, any, [](const Client& c) { return c.welfare; });
  f["closed_12m_share"] = share(
      clients_, [&](const Client& c) { return followed(c, 12); },
      [](const Client& c) { return c.first_spell >= 0 && c.first_spell <= 12; });
  f["self_reliant_start"] = share(clients_, any, [](const Client& c) { return c.level <= 1; });
  for (std::size_t w = 0; w < 2; ++w) {
    const std::string suffix = w == 0 ? "" : "_zero";
    f["housing_question_3m" + suffix] = share(
        clients_, [&](const Client& c) { return followed(c, 3); },
        [w](const Client& c) { return c.housing_question_3m[w]; });
    f["welfare_exit_36m" + suffix] = share(
        clients_, [&](const Client& c) { return c.welfare && followed(c, 36); },
        [w](const Client& c) { return c.welfare_exit[w] >= 0; });
    f["evicted_12m" + suffix] = share(
        clients_, [&](const Client& c) { return followed(c, 12); },
        [w](const Client& c) { return c.evicted_12m[w] > 0; });
    f["fewer_trajectories_6m" + suffix] = share(
        clients_, [&](const Client& c) { return c.trajectories > 0 && followed(c, 6); },
        [w](const Client& c) { return c.trajectories_6m[w] < c.trajectories; });
    f["self_reliant_12m" + suffix] = share(
        clients_, [&](const Client& c) { return followed(c, 12); },
        [w](const Client& c) { return c.level_12m[w] <= 1; });
    double offences = 0, n = 0;
    for (const Client& c : clients_)
      if (followed(c, 12)) {
        offences += c.offences_12m[w];
        ++n;
      }
    f["offences_12m" + suffix] = ratio(offences, n);
  }
  f["offence_reduction"] = f["offences_12m_zero"] > 0.0 ? 1.0 - f["offences_12m"] / f["offences_12m_zero"] : kNaN;
  f["kept_housed_share"] = f["evicted_12m_zero"] - f["evicted_12m"];

  // Costs of a household January-November: the year after intake against the year before (as a before-after
  // study measures), and against the same household in the zero alternative.
  const std::size_t years = cost_[0].size() / std::max<std::size_t>(households_, 1);
  const auto cost_at = [&](std::size_t w, std::size_t y, HouseholdId h) { return cost_[w][y * households_ + h]; };
  const auto in_window = [&](const Client& c) {
    const std::size_t y = year_of(c.intake);
    return y >= 1 && 12 * (y + 1) + 10 < months && y + 1 < years &&
           kept(c, static_cast<Month>(12 * (y + 1) + 10) - c.intake);
  };
  f["cost_fell_share"] = share(clients_, in_window, [&](const Client& c) {
    const std::size_t y = year_of(c.intake);
    return cost_at(0, y + 1, c.h) < cost_at(0, y - 1, c.h);
  });
  f["cost_below_zero_share"] = share(clients_, in_window, [&](const Client& c) {
    const std::size_t y = year_of(c.intake);
    return cost_at(0, y + 1, c.h) < cost_at(1, y + 1, c.h);
  });
  f["wmo_clients_change"] =
      wmo_months_[1] > 0 ? static_cast<double>(wmo_months_[0]) / static_cast<double>(wmo_months_[1]) - 1.0 : kNaN;
  f["provider_waiting"] = ratio(static_cast<double>(provider_waiting_[0]), static_cast<double>(months));
  f["provider_waiting_zero"] = ratio(static_cast<double>(provider_waiting_[1]), static_cast<double>(months));
  for (std::size_t i = 0; i < withdrawn_.size(); ++i)
    for (std::size_t j = 0; j < withdrawn_[i].size(); ++j) {
      const std::string pocket = project.teams()[i].def().cofinanciers[j].pocket;
      f["withdrawn_" + pocket] = withdrawn_[i][j] >= 0 ? 1.0 : 0.0;
      f["withdrawal_year_" + pocket] = withdrawn_[i][j] >= 0 ? static_cast<double>(withdrawn_[i][j]) : kNaN;
    }
  return f;
}

std::vector<std::map<std::string, Stat>> process_figures(const CompareRequest& req, std::uint32_t replications,
                                                         const std::function<void(std::uint32_t)>& progress) {
  std::vector<std::vector<Figures>> by_replication(replications);
  std::atomic<std::uint32_t> done{0};
  std::mutex progress_mutex;
  const auto work = [&](std::size_t r) {
    // The same worlds as the compare engine's replication r: one warm-up, every alternative in lockstep.
    std::vector<const scenarios::ScenarioDef*> defs;
    for (const Alternative& alt : req.alternatives) defs.push_back(&alt.def);
    PairedWorlds worlds(req.zero, defs, r, 1);
    std::vector<ProcessObserver> observers;
    for (std::size_t a = 0; a < worlds.projects(); ++a) observers.emplace_back(worlds, a);
    for (ProcessObserver& o : observers) worlds.observe(o);
    worlds.run();
    for (std::size_t a = 0; a < worlds.projects(); ++a)
      by_replication[r].push_back(observers[a].finish(worlds.zero(), worlds.project(a)));
    const std::uint32_t now = ++done;
    const std::lock_guard lock(progress_mutex);
    if (progress) progress(now);
  };
  unsigned threads = req.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : req.threads;
  threads = std::min(threads, std::max(1U, replications));
  // This thread takes replications as well: the pool needs one worker fewer.
  ThreadPool pool(threads - 1);
  pool.parallel_for(replications, work);
  // Fold in replication order, so the result does not depend on the thread count.
  std::vector<std::map<std::string, Accumulator>> acc(req.alternatives.size());
  for (const auto& rep : by_replication)
    for (std::size_t a = 0; a < rep.size(); ++a)
      for (const auto& [name, value] : rep[a]) {
        Accumulator& x = acc[a][name];
        if (std::isfinite(value)) x.add(value);
      }
  std::vector<std::map<std::string, Stat>> out(acc.size());
  for (std::size_t a = 0; a < acc.size(); ++a)
    for (const auto& [name, x] : acc[a]) out[a][name] = x.stat();
  return out;
}

}  // namespace wijksim::sim
