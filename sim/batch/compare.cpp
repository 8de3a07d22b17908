#include "sim/batch/compare.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <future>
#include <limits>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "scenarios/loader.hpp"
#include "sim/batch/thread_pool.hpp"
#include "sim/engine/paired.hpp"

namespace wijksim::sim {

namespace fs = std::filesystem;
using services::Item;
using services::kPocketCount;

namespace {

constexpr std::array<Item, 3> kTeamItems{Item::TeamStaff, Item::TeamOther, Item::CustomBudget};
/// The checkpoint format: a JSON object {"schema", "replication", "worlds": [{"pockets", "team", "levels", "flows",
/// "events", "intakes"}, ...]} of integers. Version 1 was a line-based text format.
constexpr std::string_view kSchema = "wijksim-replication/2";
using Json = nlohmann::ordered_json;

[[noreturn]] void damaged(const std::string& source, const std::string& what) {
  throw std::runtime_error(fmt::format("{}: not a usable replication checkpoint: {}", source, what));
}

/// The member `key` of an object; a missing member is a damaged checkpoint.
const Json& member(const Json& object, std::string_view key, const std::string& source) {
  const auto it = object.find(key);
  if (it == object.end()) damaged(source, fmt::format("'{}' is missing", key));
  return *it;
}

std::int64_t integer(const Json& value, std::string_view key, const std::string& source) {
  // Whole numbers only: a fraction or an unsigned beyond int64 is no count of this program's.
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
    damaged(source, fmt::format("'{}' is out of range", key));
  if (!value.is_number_integer()) damaged(source, fmt::format("'{}' is not a whole number", key));
  return value.get<std::int64_t>();
}

std::vector<std::int64_t> integers(const Json& world, std::string_view key, const std::string& source) {
  const Json& array = member(world, key, source);
  if (!array.is_array()) damaged(source, fmt::format("'{}' is not an array", key));
  std::vector<std::int64_t> values;
  values.reserve(array.size());
  for (const Json& v : array) values.push_back(integer(v, key, source));
  return values;
}

WorldOutcome outcome_of(const World& world) {
  WorldOutcome o;
  const Ledger& ledger = world.ledger();
  const std::size_t years = ledger.years();
  for (std::uint32_t y = 0; y < years; ++y)
    for (PocketId p = 0; p < kPocketCount; ++p) {
      o.pockets.push_back(ledger.pocket_year(p, y));
      Cents team = 0;
      for (const Item item : kTeamItems) team += ledger.item_year(p, services::id(item), y);
      o.team.push_back(team);
    }
  o.events.assign(kCountedCount, 0);
  for (const MonthRecord& rec : world.records()) {
    o.levels.insert(o.levels.end(), rec.levels.begin(), rec.levels.end());
    for (const auto& row : rec.flows) o.flows.insert(o.flows.end(), row.begin(), row.end());
    for (std::size_t e = 0; e < kCountedCount; ++e) o.events[e] += rec.events[e];
  }
  for (const auto& month : world.team_records())
    for (const services::TeamMonth& t : month) o.intakes += t.intake_self + t.intake_signal + t.intake_outreach;
  return o;
}

double euros(Cents c) { return static_cast<double>(c) / 100.0; }

}  // namespace

CompareRequest make_request(const std::vector<scenarios::ScenarioDef>& projects, const std::string& mode,
                            std::uint32_t replications, unsigned threads) {
  if (projects.empty()) throw scenarios::ScenarioError("", 0, "", "compare needs at least one project scenario");
  CompareRequest req;
  req.zero = zero_alternative(projects.front());
  req.zero.name = zero_name(req.zero);
  req.zero.label.clear();
  req.replications = replications;
  req.threads = threads;
  req.discount_rate = projects.front().mkba.discount_rate();
  for (const scenarios::ScenarioDef& def : projects) {
    if (def.teams.empty())
      throw scenarios::ScenarioError(def.name, 0, "teams", fmt::format(
          "scenario '{}' has no [[teams]]: it is a zero alternative; compare needs a project alternative with a team "
          "(e.g. wijkteam)", def.name));
    // Names and MKBA settings (discounting, ranges) may differ per alternative; everything else is shared.
    scenarios::ScenarioDef zero = zero_alternative(def);
    zero.name = req.zero.name;
    zero.description = req.zero.description;
    zero.label = req.zero.label;
    zero.mkba = req.zero.mkba;
    if (zero != req.zero)
      throw scenarios::ScenarioError(def.name, 0, "", fmt::format(
          "scenarios '{}' and '{}' differ outside their teams (district, dynamics, prices, run or mkba settings): "
          "project alternatives must share one zero alternative", projects.front().name, def.name));
    for (std::size_t m = 0; m < kModeNames.size(); ++m) {
      if (mode != kModeNames[m] && mode != "both") continue;
      Alternative alt{def, static_cast<Mode>(m), fmt::format("{} ({})", def.name, kModeNames[m])};
      if (alt.mode == Mode::Cohort)
        for (services::TeamDef& team : alt.def.teams) {
          team.active_months = def.mkba.cohort_months;
          team.lead_months = def.mkba.cohort_lead_months;  // at full strength: ramp-up done before month 0
        }
      req.alternatives.push_back(std::move(alt));
    }
  }
  if (req.alternatives.empty())
    throw scenarios::ScenarioError("--mode", 0, "mkba.mode", fmt::format("unknown mode '{}': continuous, cohort or both", mode));
  return req;
}

ReplicationOutcome run_replication(const CompareRequest& req, std::uint32_t replication, std::size_t first,
                                   std::size_t count) {
  // One warm-up; every project alternative starts from a copy of it and steps in lockstep with the zero
  // alternative on the same random numbers (docs/MODEL.md §13). A project alternative
  // reads the zero alternative and never another project, so it does not matter which of them run here.
  const std::size_t end = std::min(req.alternatives.size(), first + std::min(count, req.alternatives.size()));
  std::vector<const scenarios::ScenarioDef*> defs;
  for (std::size_t a = first; a < end; ++a) defs.push_back(&req.alternatives[a].def);
  PairedWorlds worlds(req.zero, defs, replication, 1);
  worlds.run();
  ReplicationOutcome out;
  out.replication = replication;
  out.worlds.push_back(outcome_of(worlds.zero()));
  for (std::size_t a = 0; a < worlds.projects(); ++a) out.worlds.push_back(outcome_of(worlds.project(a)));
  return out;
}

std::string outcome_text(const ReplicationOutcome& outcome) {
  Json worlds = Json::array();
  for (const WorldOutcome& w : outcome.worlds) {
    Json world;
    world["pockets"] = w.pockets;
    world["team"] = w.team;
    world["levels"] = w.levels;
    world["flows"] = w.flows;
    world["events"] = w.events;
    world["intakes"] = w.intakes;
    worlds.push_back(std::move(world));
  }
  Json text;
  text["schema"] = kSchema;
  text["replication"] = outcome.replication;
  text["worlds"] = std::move(worlds);
  return text.dump() + "\n";
}

ReplicationOutcome parse_outcome(const std::string& text, const std::string& source) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& e) {
    damaged(source, fmt::format("not JSON or cut short ({})", e.what()));
  }
  if (!json.is_object()) damaged(source, "not a JSON object");
  const Json& schema = member(json, "schema", source);
  if (!schema.is_string() || schema.get<std::string>() != kSchema)
    damaged(source, fmt::format("schema {} where {} was expected", schema.dump(), kSchema));
  ReplicationOutcome o;
  const std::int64_t replication = integer(member(json, "replication", source), "replication", source);
  if (replication < 0 || replication > UINT32_MAX) damaged(source, "'replication' is out of range");
  o.replication = static_cast<std::uint32_t>(replication);
  const Json& worlds = member(json, "worlds", source);
  if (!worlds.is_array()) damaged(source, "'worlds' is not an array");
  for (const Json& world : worlds) {
    if (!world.is_object()) damaged(source, "a world is not an object");
    WorldOutcome w;
    w.pockets = integers(world, "pockets", source);
    w.team = integers(world, "team", source);
    w.levels = integers(world, "levels", source);
    w.flows = integers(world, "flows", source);
    w.events = integers(world, "events", source);
    w.intakes = integer(member(world, "intakes", source), "intakes", source);
    o.worlds.push_back(std::move(w));
  }
  return o;
}

void write_outcome(const ReplicationOutcome& outcome, const fs::path& file) {
  const fs::path tmp = fs::path(file).concat(".tmp");
  {
    std::ofstream out(tmp);
    out << outcome_text(outcome);
    out.flush();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", tmp.string()));
  }
  fs::rename(tmp, file);  // a checkpoint is there whole or not at all
}

ReplicationOutcome read_outcome(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read the replication checkpoint", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_outcome(text.str(), file.string());
}

fs::path checkpoint_file(const fs::path& dir, std::uint32_t replication) {
  return dir / fmt::format("replication-{:06}.json", replication);
}

std::vector<std::uint32_t> missing_replications(const CompareRequest& req, const fs::path& dir) {
  std::vector<std::uint32_t> todo;
  for (std::uint32_t r = 0; r < req.replications; ++r)
    if (!fs::exists(checkpoint_file(dir, r))) todo.push_back(r);
  return todo;
}

void run_replications(const CompareRequest& req, const fs::path& dir,
                      const std::function<void(std::uint32_t done)>& progress) {
  fs::create_directories(dir);
  const std::vector<std::uint32_t> todo = missing_replications(req, dir);
  std::atomic<std::uint32_t> done{req.replications - static_cast<std::uint32_t>(todo.size())};
  const auto work = [&](std::size_t i) {
    write_outcome(run_replication(req, todo[i]), checkpoint_file(dir, todo[i]));
    ++done;
  };
  unsigned threads = req.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : req.threads;
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(todo.size(), 1)));
  ThreadPool pool(threads);
  // The replications run on the pool's workers; this thread reports progress until they are done.
  std::future<void> all = pool.start_parallel_for(todo.size(), work);
  using std::chrono::milliseconds;
  for (auto s = all.wait_for(milliseconds(0)); s != std::future_status::ready; s = all.wait_for(milliseconds(100)))
    if (progress) progress(done);
  all.get();  // rethrows the failure of a replication
  if (progress) progress(done);
}

namespace {

/// Streaming aggregates of one alternative; fed one replication at a time, in replication order.
struct AlternativeAccumulator {
  std::vector<std::array<Accumulator, kPocketCount>> cost, diff, team, investment, extra_care, avoided;
  std::array<Accumulator, kPocketCount> npv_by_pocket, budget_after_2y;
  std::array<Accumulator, 3> ratio, npv, pv_cost, pv_benefit;
  std::array<std::uint64_t, 3> above_1{};
  std::vector<Accumulator> net_by_year;
  Accumulator intakes, team_cost;
  std::array<Accumulator, kCountedCount> events;
  std::vector<std::int64_t> levels, flows;

  explicit AlternativeAccumulator(std::size_t years)
      : cost(years), diff(years), team(years), investment(years), extra_care(years), avoided(years),
        net_by_year(years) {}
};

/// What one replication's appraisal of an alternative gives the increments: its budget and present values.
struct Figures {
  double budget = 0.0;            ///< team budget a year
  std::array<double, 3> npv{};
  double pv_cost = 0.0, pv_benefit = 0.0;  ///< societal
};
/// `to` minus `from` of one replication, or the mean of several such differences.
Figures difference(const Figures& from, const Figures& to) {
  Figures d{to.budget - from.budget, {}, to.pv_cost - from.pv_cost, to.pv_benefit - from.pv_benefit};
  for (std::size_t s = 0; s < 3; ++s) d.npv[s] = to.npv[s] - from.npv[s];
  return d;
}

/// Streaming aggregates of an increment.
struct IncrementAccumulator {
  Accumulator budget, pv_cost, pv_benefit, ratio;
  std::array<Accumulator, 3> npv;
  std::uint64_t better = 0, n = 0;

  void add(const Figures& d) {
    budget.add(d.budget);
    for (std::size_t s = 0; s < 3; ++s) npv[s].add(d.npv[s]);
    pv_cost.add(d.pv_cost);
    pv_benefit.add(d.pv_benefit);
    // The incremental ratio is defined only where the step costs more; NaN is left out of the statistics.
    ratio.add(d.pv_cost > 0.0 ? d.pv_benefit / d.pv_cost : std::numeric_limits<double>::quiet_NaN());
    better += d.npv[0] > 0.0 ? 1U : 0U;
    ++n;
  }
  Increment finish(std::size_t from, std::size_t to) const {
    Increment inc;
    inc.from = from, inc.to = to;
    inc.budget = budget.stat();
    for (std::size_t s = 0; s < 3; ++s) inc.npv[s] = npv[s].stat();
    inc.pv_cost = pv_cost.stat();
    inc.pv_benefit = pv_benefit.stat();
    // A ratio over only the replications in which the step costs more would flatter it: defined in all, or none.
    inc.ratio = ratio.count() == n ? ratio.stat() : Accumulator{}.stat();
    inc.p_better = n > 0 ? static_cast<double>(better) / static_cast<double>(n) : 0.0;
    return inc;
  }
};

/// Pairs of alternatives that differ in one setting only, grouped by the setting and its two values.
struct SettingGroup {
  std::string key, from, to;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  IncrementAccumulator acc;
};

std::vector<SettingGroup> setting_groups(const CompareRequest& req) {
  std::vector<std::map<std::string, std::string>> settings;
  for (const Alternative& alt : req.alternatives) {
    const auto flat = flat_settings(alt.def);
    settings.emplace_back(flat.begin(), flat.end());
  }
  std::vector<SettingGroup> groups;
  for (std::size_t a = 0; a < settings.size(); ++a)
    for (std::size_t b = a + 1; b < settings.size(); ++b) {
      std::vector<std::string> differ;
      std::set<std::string> keys;
      for (const auto& [key, value] : settings[a]) keys.insert(key);
      for (const auto& [key, value] : settings[b]) keys.insert(key);
      for (const std::string& key : keys) {
        const auto va = settings[a].find(key), vb = settings[b].find(key);
        const std::string x = va == settings[a].end() ? "" : va->second, y = vb == settings[b].end() ? "" : vb->second;
        if (x != y) differ.push_back(key);
        if (differ.size() > 1) break;
      }
      if (differ.size() != 1) continue;
      const std::string& key = differ.front();
      const std::string from = settings[a].count(key) ? settings[a].at(key) : "";
      const std::string to = settings[b].count(key) ? settings[b].at(key) : "";
      const auto same = [&](const SettingGroup& g) { return g.key == key && g.from == from && g.to == to; };
      auto group = std::find_if(groups.begin(), groups.end(), same);
      if (group == groups.end()) group = groups.insert(groups.end(), SettingGroup{key, from, to, {}, {}});
      group->pairs.emplace_back(a, b);
    }
  return groups;
}

void add_sums(std::vector<std::int64_t>& sums, const std::vector<std::int64_t>& values) {
  if (sums.empty()) sums.assign(values.size(), 0);
  if (sums.size() != values.size()) throw std::runtime_error("checkpoints of different shapes");
  for (std::size_t i = 0; i < values.size(); ++i) sums[i] += values[i];
}

using LevelMeans = std::vector<std::array<double, agents::kLevelCount>>;
using FlowMeans = std::vector<std::array<std::array<double, agents::kLevelCount>, agents::kLevelCount>>;
constexpr std::size_t kL = agents::kLevelCount;

LevelMeans level_means(const std::vector<std::int64_t>& sums, std::uint32_t n) {
  LevelMeans out(sums.size() / kL);
  for (std::size_t m = 0; m < out.size(); ++m)
    for (std::size_t l = 0; l < kL; ++l) out[m][l] = static_cast<double>(sums[m * kL + l]) / n;
  return out;
}

FlowMeans flow_means(const std::vector<std::int64_t>& sums, std::uint32_t n) {
  FlowMeans out(sums.size() / (kL * kL));
  for (std::size_t m = 0; m < out.size(); ++m)
    for (std::size_t from = 0; from < kL; ++from)
      for (std::size_t to = 0; to < kL; ++to) out[m][from][to] = static_cast<double>(sums[(m * kL + from) * kL + to]) / n;
  return out;
}

template <std::size_t N>
std::array<Stat, N> stats(const std::array<Accumulator, N>& acc) {
  std::array<Stat, N> out;
  for (std::size_t i = 0; i < N; ++i) out[i] = acc[i].stat();
  return out;
}

template <std::size_t N>
std::vector<std::array<Stat, N>> stats(const std::vector<std::array<Accumulator, N>>& acc) {
  std::vector<std::array<Stat, N>> out;
  for (const auto& a : acc) out.push_back(stats(a));
  return out;
}

void fold_alternative(AlternativeAccumulator& acc, const WorldOutcome& zero, const WorldOutcome& project, double rate,
                      Appraisal& appraisal_out, Figures& figures_out) {
  const std::size_t years = acc.cost.size();
  PairedYears paired{std::vector<PocketEuros>(years), std::vector<PocketEuros>(years)};
  double team_total = 0.0;
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t p = 0; p < kPocketCount; ++p) {
      const std::size_t i = y * kPocketCount + p;
      const double invest = euros(project.team[i] - zero.team[i]);
      const double diff = euros(project.pockets[i] - zero.pockets[i]);
      paired.investment[y][p] = invest;
      paired.other[y][p] = diff - invest;
      const CostBenefit split = split_difference(invest, diff - invest);
      acc.cost[y][p].add(euros(project.pockets[i]));
      acc.diff[y][p].add(diff);
      acc.team[y][p].add(euros(project.team[i]));
      acc.investment[y][p].add(invest);
      acc.extra_care[y][p].add(split.cost - invest);
      acc.avoided[y][p].add(split.benefit);
      team_total += euros(project.team[i]);
    }
  const Appraisal a = appraise(paired, rate);
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    acc.npv_by_pocket[p].add(a.npv_by_pocket[p]);
    acc.budget_after_2y[p].add(a.budget_after_2y[p]);
  }
  for (std::size_t s = 0; s < 3; ++s) {
    acc.ratio[s].add(a.ratio[s]);
    acc.npv[s].add(a.npv[s]);
    acc.pv_cost[s].add(a.pv_cost[s]);
    acc.pv_benefit[s].add(a.pv_benefit[s]);
    acc.above_1[s] += a.ratio[s] > 1.0 ? 1U : 0U;
  }
  for (std::size_t y = 0; y < years; ++y) acc.net_by_year[y].add(a.net_by_year[y]);
  acc.intakes.add(static_cast<double>(project.intakes));
  acc.team_cost.add(team_total);
  for (std::size_t e = 0; e < kCountedCount; ++e)
    acc.events[e].add(static_cast<double>(project.events[e] - zero.events[e]));
  add_sums(acc.levels, project.levels);
  add_sums(acc.flows, project.flows);
  appraisal_out = a;
  figures_out = {team_total / static_cast<double>(std::max<std::size_t>(years, 1)), a.npv, a.pv_cost[0],
                 a.pv_benefit[0]};
}

AlternativeResult finish(const AlternativeAccumulator& acc, const Alternative& alt, std::uint32_t n, double rate) {
  AlternativeResult r;
  r.label = alt.label;
  r.scenario = alt.def.name;
  r.caption = alt.def.label;
  r.mode = alt.mode;
  r.discount_rate = rate;
  r.cost_by_year = stats(acc.cost);
  r.diff_by_year = stats(acc.diff);
  r.team_by_year = stats(acc.team);
  r.investment_by_year = stats(acc.investment);
  r.extra_care_by_year = stats(acc.extra_care);
  r.avoided_by_year = stats(acc.avoided);
  r.npv_by_pocket = stats(acc.npv_by_pocket);
  r.budget_after_2y = stats(acc.budget_after_2y);
  r.ratio = stats(acc.ratio);
  r.npv = stats(acc.npv);
  r.pv_cost = stats(acc.pv_cost);
  r.pv_benefit = stats(acc.pv_benefit);
  for (std::size_t s = 0; s < 3; ++s) r.p_above_1[s] = static_cast<double>(acc.above_1[s]) / n;
  double running = 0.0;
  for (std::size_t y = 0; y < acc.net_by_year.size(); ++y) {
    r.net_by_year.push_back(acc.net_by_year[y].stat());
    running += r.net_by_year.back().mean * discount_factor(rate, static_cast<std::uint32_t>(y));
    r.cumulative_discounted.push_back(running);
  }
  r.payback_year = payback_year(r.cumulative_discounted);
  // Payback per scope on the mean pocket differences of that scope.
  for (std::size_t s = 0; s < 3; ++s) {
    std::vector<double> cumulative;
    double run = 0.0;
    for (std::size_t y = 0; y < r.diff_by_year.size(); ++y) {
      double gain = 0.0;
      for (std::size_t p = 0; p < kPocketCount; ++p)
        if (in_scope(static_cast<Scope>(s), static_cast<services::Pocket>(p))) gain -= r.diff_by_year[y][p].mean;
      run += gain * discount_factor(rate, static_cast<std::uint32_t>(y));
      cumulative.push_back(run);
    }
    r.payback_by_scope[s] = payback_year(cumulative);
  }
  r.intakes = acc.intakes.stat();
  r.team_cost = acc.team_cost.stat();
  r.events_diff = stats(acc.events);
  r.levels = level_means(acc.levels, n);
  r.flows = flow_means(acc.flows, n);
  return r;
}

/// Index of the pair (from, to), from < to, in the list (0,1), (0,2), ..., (1,2), ... of n alternatives.
std::size_t pair_index(std::size_t from, std::size_t to, std::size_t n) { return from * (2 * n - from - 1) / 2 + (to - from - 1); }

/// A statistic of the opposite difference.
Stat negated(const Stat& s) { return {-s.mean, s.sd, -s.ci_high, -s.ci_low, s.n}; }

}  // namespace

CompareResult fold_replications(const CompareRequest& req, const fs::path& dir,
                                const std::function<void(const ReplicationRow&)>& row) {
  const std::size_t years = (req.zero.run.months + 11) / 12;
  const std::size_t n_alt = req.alternatives.size();
  std::vector<AlternativeAccumulator> acc(n_alt, AlternativeAccumulator(years));
  std::vector<IncrementAccumulator> pairs(n_alt * (n_alt - 1) / 2);
  std::vector<SettingGroup> groups = setting_groups(req);
  std::vector<std::array<Accumulator, kPocketCount>> zero_cost(years);
  std::vector<std::int64_t> zero_levels, zero_flows;
  std::vector<Figures> figures(n_alt);
  for (std::uint32_t r = 0; r < req.replications; ++r) {
    const ReplicationOutcome o = read_outcome(checkpoint_file(dir, r));
    if (o.replication != r || o.worlds.size() != n_alt + 1 ||
        o.worlds.front().pockets.size() != years * kPocketCount)
      throw std::runtime_error(fmt::format("{} does not belong to this comparison", checkpoint_file(dir, r).string()));
    const WorldOutcome& zero = o.worlds.front();
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t p = 0; p < kPocketCount; ++p) zero_cost[y][p].add(euros(zero.pockets[y * kPocketCount + p]));
    add_sums(zero_levels, zero.levels);
    add_sums(zero_flows, zero.flows);
    for (std::size_t a = 0; a < n_alt; ++a) {
      Appraisal appraisal;
      fold_alternative(acc[a], zero, o.worlds[a + 1], req.alternatives[a].def.mkba.discount_rate(), appraisal,
                       figures[a]);
      if (row) {
        double team = 0.0;
        for (const Cents c : o.worlds[a + 1].team) team += euros(c);
        row({r, a, appraisal.npv, appraisal.ratio, team});
      }
    }
    // Increments within this replication: the alternatives share its households and random numbers.
    for (std::size_t a = 0; a < n_alt; ++a)
      for (std::size_t b = a + 1; b < n_alt; ++b) pairs[pair_index(a, b, n_alt)].add(difference(figures[a], figures[b]));
    for (SettingGroup& g : groups) {
      Figures mean;
      for (const auto& [a, b] : g.pairs) {
        const Figures d = difference(figures[a], figures[b]);
        const double w = 1.0 / static_cast<double>(g.pairs.size());
        mean.budget += w * d.budget, mean.pv_cost += w * d.pv_cost, mean.pv_benefit += w * d.pv_benefit;
        for (std::size_t s = 0; s < 3; ++s) mean.npv[s] += w * d.npv[s];
      }
      g.acc.add(mean);
    }
  }
  CompareResult result;
  result.zero_name = req.zero.name;
  for (const agents::NeighbourhoodDef& n : req.zero.population.neighbourhoods) result.district.push_back(n.name);
  result.replications = req.replications;
  result.households = req.zero.run.households;
  result.months = req.zero.run.months;
  result.seed = req.zero.run.seed;
  result.discount_rate = req.discount_rate;
  result.discount_real = req.zero.mkba.discount_real;
  result.risk_premium = req.zero.mkba.risk_premium;
  result.discount_basis = req.zero.mkba.discount_basis();
  result.zero_cost_by_year = stats(zero_cost);
  result.zero_levels = level_means(zero_levels, req.replications);
  result.zero_flows = flow_means(zero_flows, req.replications);
  for (std::size_t a = 0; a < n_alt; ++a) {
    const Alternative& alt = req.alternatives[a];
    result.alternatives.push_back(finish(acc[a], alt, req.replications, alt.def.mkba.discount_rate()));
  }
  for (std::size_t a = 0; a < n_alt; ++a)
    for (std::size_t b = a + 1; b < n_alt; ++b) result.increments.push_back(pairs[pair_index(a, b, n_alt)].finish(a, b));
  for (const SettingGroup& g : groups)
    result.setting_effects.push_back(
        {g.key, g.from, g.to, g.pairs.size(), g.acc.finish(g.pairs.front().first, g.pairs.front().second)});
  result.inputs = compare_inputs(req);
  return result;
}

Increment increment(const CompareResult& result, std::size_t from, std::size_t to) {
  const std::size_t n = result.alternatives.size();
  if (from == to || from >= n || to >= n) throw std::out_of_range("increment: no such pair of alternatives");
  if (from < to) return result.increments.at(pair_index(from, to, n));
  Increment inc = result.increments.at(pair_index(to, from, n));
  inc.from = from, inc.to = to;
  inc.budget = negated(inc.budget);
  for (Stat& s : inc.npv) s = negated(s);
  inc.pv_cost = negated(inc.pv_cost);
  inc.pv_benefit = negated(inc.pv_benefit);
  inc.p_better = 1.0 - inc.p_better;  // ties (no change at all) count as not better both ways; rare with money
  return inc;
}

namespace {

/// Flattens a Def into (key path, value) pairs.
class Flattener {
 public:
  Flattener(std::vector<std::pair<std::string, std::string>>& out, std::string path) : out_(out), path_(std::move(path)) {}
  template <class T> void field(std::string_view key, const T& value, kernel::Range, const char*) {
    put(key, fmt::format("{}", value));
  }
  void flag(std::string_view key, const bool& value, const char*) { put(key, value ? "true" : "false"); }
  void text(std::string_view key, const std::string& value, const char*) { put(key, value); }
  template <class Options> void choice(std::string_view key, const std::string& value, const Options&, const char*) {
    put(key, value);
  }
  template <class List> void list(std::string_view key, const List& values, kernel::Range, const char*) {
    std::string text;
    for (const double x : values) text += fmt::format("{}{}", text.empty() ? "" : ",", x);
    put(key, text);
  }
  template <class Sub> void table(std::string_view key, Sub& sub, const char*) {
    if (skipped(key)) return;
    Flattener inner(out_, path(key));
    sub.visit(inner);
  }
  template <class Sub> void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    if (skipped(key)) return;
    for (std::size_t i = 0; i < subs.size(); ++i) {
      Flattener inner(out_, fmt::format("{}.{}", path(key), i));
      subs[i].visit(inner);
    }
  }

 private:
  std::string path(std::string_view key) const { return path_.empty() ? std::string(key) : path_ + "." + std::string(key); }
  /// Names and words for people, how a comparison is run, and calibration targets are no settings of an
  /// alternative.
  bool skipped(std::string_view key) const {
    const std::string full = path(key);
    static const std::set<std::string> kSkipped{"name", "description", "label", "calibration", "mkba.mode",
                                               "mkba.replications", "mkba.sensitivity"};
    const bool team_name = full.starts_with("teams.") && full.ends_with(".name") &&
                           std::count(full.begin(), full.end(), '.') == 2;
    return kSkipped.count(full) > 0 || team_name;
  }
  void put(std::string_view key, std::string value) {
    if (!skipped(key)) out_.emplace_back(path(key), std::move(value));
  }
  std::vector<std::pair<std::string, std::string>>& out_;
  std::string path_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> flat_settings(const scenarios::ScenarioDef& def) {
  std::vector<std::pair<std::string, std::string>> out;
  scenarios::ScenarioDef copy = def;  // visit is not const
  Flattener flattener(out, "");
  copy.visit(flattener);
  return out;
}

std::string zero_name(const scenarios::ScenarioDef& def) {
  std::string names;
  for (const agents::NeighbourhoodDef& n : def.population.neighbourhoods)
    if (!n.name.empty()) names += (names.empty() ? "" : "+") + n.name;
  return fmt::format("{} without teams", names.empty() ? std::string("district") : names);
}

std::vector<Input> compare_inputs(const CompareRequest& req) {
  const scenarios::ScenarioDef& z = req.zero;
  std::vector<Input> in{
      {"zero_alternative", z.name, ""},
      {"households", std::to_string(z.run.households), ""},
      {"months", std::to_string(z.run.months), ""},
      {"warmup_months", std::to_string(z.run.warmup_months), ""},
      {"seed", std::to_string(z.run.seed), ""},
      {"replications", std::to_string(req.replications), ""},
      {"mkba.discount_real", fmt::format("{}", z.mkba.discount_real), ""},
      {"mkba.risk_premium", fmt::format("{}", z.mkba.risk_premium), ""},
      {"discount_rate", fmt::format("{}", req.discount_rate), ""},
      {"discount_basis", std::string(scenarios::kDiscountBasisNames[static_cast<std::size_t>(z.mkba.discount_basis())]), ""},
  };
  // Effect sizes and what the team may do: the settings a planner checks first.
  const auto effect = [](const std::string& key) {
    for (const char* part : {".casework.improve", ".casework.escalation", ".casework.without_discipline",
                             ".casework.substitution_existing", ".casework.substitution_new", ".casework.extra_care_new",
                             ".casework.network_activation", ".casework.monitoring_effect", ".mandate.stop_eviction",
                             ".mandate.custom_budget", ".mandate.arrears_cost", ".finding.at_home", ".finding.opens_up"})
      if (key.ends_with(part)) return true;
    return false;
  };
  for (std::size_t a = 0; a < req.alternatives.size(); ++a) {
    const Alternative& alt = req.alternatives[a];
    in.push_back({fmt::format("alternative.{}", a), alt.label, ""});
    for (std::size_t t = 0; t < alt.def.teams.size(); ++t) {
      const services::TeamDef& team = alt.def.teams[t];
      const std::string key = fmt::format("alternative.{}.teams.{}", a, t);
      in.push_back({key + ".name", team.name, ""});
      in.push_back({key + ".fte", fmt::format("{}", team.fte), ""});
      in.push_back({key + ".cost_per_fte", fmt::format("{}", team.cost_per_fte), ""});
      in.push_back({key + ".other_costs", fmt::format("{}", team.other_costs), ""});
      in.push_back({key + ".target", team.target, ""});
      in.push_back({key + ".disciplines", team.casework.disciplines, ""});
      in.push_back({key + ".outreach_visits", fmt::format("{}", team.finding.outreach_visits), ""});
      in.push_back({key + ".mandate", team.mandate.enabled ? "true" : "false", ""});
      in.push_back({key + ".funding", team.funding, ""});
      in.push_back({key + ".active_months", std::to_string(team.active_months), ""});
    }
    for (const auto& [key, value] : flat_settings(alt.def))
      if (key.starts_with("teams.") && effect(key)) in.push_back({fmt::format("alternative.{}.{}", a, key), value, ""});
    in.push_back({fmt::format("alternative.{}.financiers", a), alt.def.financiers.enabled ? "on" : "off", ""});
  }
  for (const auto& [key, value] : flat_settings(z))
    if (key.starts_with("prices.") && (key.ends_with(".eur") || key.ends_with(".payer"))) in.push_back({key, value, ""});
  return in;
}

void with_sources(std::vector<Input>& inputs, const CompareRequest& req,
                  const std::vector<std::map<std::string, std::string>>& notes) {
  if (notes.empty()) return;
  // Alternatives in request order come from the project scenarios in order, one or two (both modes) each.
  std::vector<std::size_t> scenario_of;
  for (std::size_t a = 0, s = 0; a < req.alternatives.size(); ++a) {
    if (a > 0 && req.alternatives[a].def.name != req.alternatives[a - 1].def.name) ++s;
    scenario_of.push_back(std::min(s, notes.size() - 1));
  }
  const auto note = [&](std::size_t s, const std::string& key) {
    const auto it = notes[s].find(key);
    return it == notes[s].end() ? std::string() : it->second;
  };
  for (Input& input : inputs) {
    if (input.key.starts_with("alternative.")) {
      // alternative.<a>.teams.<t>.<key> and alternative.<a>.teams.<t>.<short key> of the listing above.
      const std::size_t dot = input.key.find('.', 12);
      if (dot == std::string::npos) continue;
      const std::size_t a = std::stoul(input.key.substr(12, dot - 12));
      if (a >= scenario_of.size()) continue;
      std::string key = input.key.substr(dot + 1);
      static const std::map<std::string, std::string> kShort{{"disciplines", "casework.disciplines"},
                                                             {"outreach_visits", "finding.outreach_visits"},
                                                             {"mandate", "mandate.enabled"}};
      const std::size_t last = key.rfind('.');
      if (last != std::string::npos && kShort.count(key.substr(last + 1)))
        key = key.substr(0, last + 1) + kShort.at(key.substr(last + 1));
      input.source = note(scenario_of[a], key);
    } else {
      input.source = note(0, input.key);
    }
  }
}

}  // namespace wijksim::sim
