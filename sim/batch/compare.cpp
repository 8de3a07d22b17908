#include "sim/batch/compare.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "scenarios/loader.hpp"
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
  req.zero.name = fmt::format("{} without teams", projects.front().name);
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
    zero.mkba = req.zero.mkba;
    if (zero != req.zero)
      throw scenarios::ScenarioError(def.name, 0, "", fmt::format(
          "scenarios '{}' and '{}' differ outside their teams (district, dynamics, prices, run or mkba settings): "
          "project alternatives must share one zero alternative", projects.front().name, def.name));
    for (std::size_t m = 0; m < kModeNames.size(); ++m) {
      if (mode != kModeNames[m] && mode != "both") continue;
      Alternative alt{def, static_cast<Mode>(m), fmt::format("{} ({})", def.name, kModeNames[m])};
      if (alt.mode == Mode::Cohort)
        for (services::TeamDef& team : alt.def.teams) team.active_months = def.mkba.cohort_months;
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
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint32_t> done{req.replications - static_cast<std::uint32_t>(todo.size())};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&] {
    for (std::size_t i = next++; i < todo.size(); i = next++) {
      try {
        write_outcome(run_replication(req, todo[i]), checkpoint_file(dir, todo[i]));
        ++done;
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = todo.size();
      }
    }
  };
  unsigned threads = req.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : req.threads;
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(todo.size(), 1)));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    while (done < req.replications && !failure) {
      if (progress) progress(done);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      const std::lock_guard lock(failure_mutex);
      if (failure) break;
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (progress) progress(done);
}

namespace {

/// Streaming aggregates of one alternative; fed one replication at a time, in replication order.
struct AlternativeAccumulator {
  std::vector<std::array<Accumulator, kPocketCount>> cost, diff, team;
  std::array<Accumulator, kPocketCount> npv_by_pocket, budget_after_2y;
  std::array<Accumulator, 3> ratio, npv, pv_cost, pv_benefit;
  std::array<std::uint64_t, 3> above_1{};
  std::vector<Accumulator> net_by_year;
  Accumulator intakes, team_cost;
  std::array<Accumulator, kCountedCount> events;
  std::vector<std::int64_t> levels, flows;

  explicit AlternativeAccumulator(std::size_t years)
      : cost(years), diff(years), team(years), net_by_year(years) {}
};

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
                      Appraisal& appraisal_out) {
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
      acc.cost[y][p].add(euros(project.pockets[i]));
      acc.diff[y][p].add(diff);
      acc.team[y][p].add(euros(project.team[i]));
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
}

AlternativeResult finish(const AlternativeAccumulator& acc, const Alternative& alt, std::uint32_t n, double rate) {
  AlternativeResult r;
  r.label = alt.label;
  r.scenario = alt.def.name;
  r.mode = alt.mode;
  r.discount_rate = rate;
  r.cost_by_year = stats(acc.cost);
  r.diff_by_year = stats(acc.diff);
  r.team_by_year = stats(acc.team);
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

}  // namespace

CompareResult fold_replications(const CompareRequest& req, const fs::path& dir,
                                const std::function<void(const ReplicationRow&)>& row) {
  const std::size_t years = (req.zero.run.months + 11) / 12;
  std::vector<AlternativeAccumulator> acc(req.alternatives.size(), AlternativeAccumulator(years));
  std::vector<std::array<Accumulator, kPocketCount>> zero_cost(years);
  std::vector<std::int64_t> zero_levels, zero_flows;
  for (std::uint32_t r = 0; r < req.replications; ++r) {
    const ReplicationOutcome o = read_outcome(checkpoint_file(dir, r));
    if (o.replication != r || o.worlds.size() != req.alternatives.size() + 1 ||
        o.worlds.front().pockets.size() != years * kPocketCount)
      throw std::runtime_error(fmt::format("{} does not belong to this comparison", checkpoint_file(dir, r).string()));
    const WorldOutcome& zero = o.worlds.front();
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t p = 0; p < kPocketCount; ++p) zero_cost[y][p].add(euros(zero.pockets[y * kPocketCount + p]));
    add_sums(zero_levels, zero.levels);
    add_sums(zero_flows, zero.flows);
    for (std::size_t a = 0; a < req.alternatives.size(); ++a) {
      Appraisal appraisal;
      fold_alternative(acc[a], zero, o.worlds[a + 1], req.alternatives[a].def.mkba.discount_rate(), appraisal);
      if (row) {
        double team = 0.0;
        for (const Cents c : o.worlds[a + 1].team) team += euros(c);
        row({r, a, appraisal.npv, appraisal.ratio, team});
      }
    }
  }
  CompareResult result;
  result.zero_name = req.zero.name;
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
  for (std::size_t a = 0; a < req.alternatives.size(); ++a) {
    const Alternative& alt = req.alternatives[a];
    result.alternatives.push_back(finish(acc[a], alt, req.replications, alt.def.mkba.discount_rate()));
  }
  result.inputs = compare_inputs(req);
  return result;
}

std::vector<std::pair<std::string, std::string>> compare_inputs(const CompareRequest& req) {
  const scenarios::ScenarioDef& z = req.zero;
  std::vector<std::pair<std::string, std::string>> in{
      {"zero_alternative", z.name},
      {"households", std::to_string(z.run.households)},
      {"months", std::to_string(z.run.months)},
      {"warmup_months", std::to_string(z.run.warmup_months)},
      {"seed", std::to_string(z.run.seed)},
      {"replications", std::to_string(req.replications)},
      {"discount_real", fmt::format("{}", z.mkba.discount_real)},
      {"risk_premium", fmt::format("{}", z.mkba.risk_premium)},
      {"discount_rate", fmt::format("{}", req.discount_rate)},
      {"discount_basis", std::string(scenarios::kDiscountBasisNames[static_cast<std::size_t>(z.mkba.discount_basis())])},
  };
  for (std::size_t a = 0; a < req.alternatives.size(); ++a) {
    const Alternative& alt = req.alternatives[a];
    in.emplace_back(fmt::format("alternative.{}", a), alt.label);
    for (std::size_t t = 0; t < alt.def.teams.size(); ++t) {
      const services::TeamDef& team = alt.def.teams[t];
      const std::string key = fmt::format("alternative.{}.teams.{}", a, t);
      in.emplace_back(key + ".name", team.name);
      in.emplace_back(key + ".fte", fmt::format("{}", team.fte));
      in.emplace_back(key + ".cost_per_fte", fmt::format("{}", team.cost_per_fte));
      in.emplace_back(key + ".other_costs", fmt::format("{}", team.other_costs));
      in.emplace_back(key + ".target", team.target);
      in.emplace_back(key + ".disciplines", team.casework.disciplines);
      in.emplace_back(key + ".outreach_visits", fmt::format("{}", team.finding.outreach_visits));
      in.emplace_back(key + ".mandate", team.mandate.enabled ? "true" : "false");
      in.emplace_back(key + ".funding", team.funding);
      in.emplace_back(key + ".active_months", std::to_string(team.active_months));
    }
    in.emplace_back(fmt::format("alternative.{}.financiers", a), alt.def.financiers.enabled ? "on" : "off");
  }
  return in;
}

}  // namespace wijksim::sim
