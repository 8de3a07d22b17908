// Household dynamics throughput (household-months per second) and memory (bytes per household) at
// 10k, 100k and 1M households, one thread. Results are recorded in bench/results/<machine>.md.
#include <benchmark/benchmark.h>

#include <memory>

#include "agents/network.hpp"
#include "common/fixtures.hpp"
#include "scenarios/loader.hpp"
#include "sim/batch/compare.hpp"
#include "sim/engine/paired.hpp"

namespace {

using namespace wijksim;

scenarios::ScenarioDef bench_scenario(std::int64_t households, std::uint32_t months) {
  auto def = testing::small_scenario(static_cast<std::uint32_t>(households), months);
  def.run.warmup_months = 0;
  return def;
}

// A scenario's world on its own (its teams work if it has any), or paired with its own zero alternative.
std::unique_ptr<sim::PairedWorlds> alone(const scenarios::ScenarioDef& def, unsigned threads) {
  return std::make_unique<sim::PairedWorlds>(def, std::span<const scenarios::ScenarioDef* const>{}, 0, threads);
}
std::unique_ptr<sim::PairedWorlds> paired(const scenarios::ScenarioDef& def, unsigned threads) {
  return std::make_unique<sim::PairedWorlds>(def, 0, threads);
}

// Steps worlds month by month and reports household-months per second (of one world); new ones are built
// outside the timing when the horizon is reached. Returns the last for further counters.
template <class Make>
std::unique_ptr<sim::PairedWorlds> time_months(benchmark::State& state, const scenarios::ScenarioDef& def,
                                               unsigned threads, Make make) {
  auto runner = make(def, threads);
  std::int64_t months = 0;
  for (auto _ : state) {
    if (runner->finished()) {
      state.PauseTiming();
      runner = make(def, threads);
      state.ResumeTiming();
    }
    runner->step();
    ++months;
  }
  state.counters["household_months_per_s"] =
      benchmark::Counter(static_cast<double>(months * state.range(0)), benchmark::Counter::kIsRate);
  return runner;
}

// Steps the default scenario's households month by month (generation is outside the timing).
void BM_HouseholdMonths(benchmark::State& state) {
  const auto worlds = time_months(state, bench_scenario(state.range(0), 600), static_cast<unsigned>(state.range(1)), alone);
  const sim::World& world = worlds->zero();
  state.counters["bytes_per_household"] =
      world.population().bytes_per_household() + agents::graph_bytes_per_household(world.network());
}
BENCHMARK(BM_HouseholdMonths)
    ->ArgsProduct({{10'000, 100'000, 1'000'000}, {1}})
    ->Args({100'000, 2})
    ->ArgNames({"households", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

// The same month with a generalist team of 4 FTE per 10,000 households (as scenarios/wijkteam.toml) acting:
// finding, triage, casework, referrals, costs. Compare with BM_HouseholdMonths taken in the same run.
scenarios::ScenarioDef team_scenario(std::int64_t households, std::uint32_t months) {
  auto def = bench_scenario(households, months);
  services::TeamDef& team = def.teams.emplace_back();
  team.fte = 4.0 * static_cast<double>(households) / 10'000.0;
  team.finding.outreach_visits = 2.0;
  return def;
}

void BM_TeamMonths(benchmark::State& state) { time_months(state, team_scenario(state.range(0), 600), 1, alone); }
BENCHMARK(BM_TeamMonths)->Arg(100'000)->ArgName("households")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

// A paired run (zero alternative and the team project in lockstep), counting the project's household-months.
void BM_PairedMonths(benchmark::State& state) { time_months(state, team_scenario(state.range(0), 600), 1, paired); }
BENCHMARK(BM_PairedMonths)->Arg(100'000)->ArgName("households")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

// A whole run as `wijksim run` does it: generation, network, 36 warm-up and 120 horizon months.
void BM_FullRun(benchmark::State& state) {
  auto def = bench_scenario(state.range(0), 120);
  def.run.warmup_months = 36;
  for (auto _ : state) {
    const auto world = alone(def, 1);
    world->run();
    benchmark::DoNotOptimize(world->zero().ledger().total());
  }
  state.counters["household_months_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * state.range(0) * (120 + 36)), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FullRun)->Arg(100'000)->ArgName("households")->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

// One replication of `wijksim compare` on the shipped wijkteam scenario (10,000 households, warm-up and 120 months,
// zero alternative and the team in lockstep): the unit of work the batch spreads over threads.
void BM_CompareReplication(benchmark::State& state) {
  scenarios::ScenarioDef def = scenarios::load_scenario(scenarios::resolve_scenario("wijkteam"));
  def.run.households = static_cast<std::uint32_t>(state.range(0));
  const sim::CompareRequest req = sim::make_request({def}, "continuous", 1, 1);
  std::uint32_t r = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sim::run_replication(req, r++));
  state.counters["replications_per_s"] = benchmark::Counter(static_cast<double>(r), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CompareReplication)->Arg(10'000)->ArgName("households")->Unit(benchmark::kMillisecond)->Iterations(5);

BENCHMARK_MAIN();
