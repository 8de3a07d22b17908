#pragma once
// `wijksim compare`: R paired replications of the zero alternative and each project alternative with common
// random numbers, in parallel over replications, each replication checkpointed; aggregated in replication
// order into a CompareResult (memory does not grow with R), which the report writers turn into files.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "sim/mkba/mkba.hpp"
#include "sim/mkba/mkba_tool.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {


/// One project alternative: a scenario with teams, in one mode.
struct Alternative {
  scenarios::ScenarioDef def;  ///< as run (cohort mode: every team's active_months set)
  Mode mode = Mode::Continuous;
  std::string label;           ///< "<scenario> (<mode>)"
};

/// What a comparison is asked to do.
struct CompareRequest {
  scenarios::ScenarioDef zero;             ///< the zero alternative (no teams)
  std::vector<Alternative> alternatives;   ///< at least one
  std::uint32_t replications = 20;
  unsigned threads = 0;                    ///< worker threads over replications (0 = all cores)
  double discount_rate = 0.0225;           ///< real rate plus risk premium (the zero alternative's)
};

/// Build the request from project scenarios (all must share one zero alternative) and the mode
/// ("continuous", "cohort" or "both"). Throws scenarios::ScenarioError on a scenario without teams or
/// scenarios whose zero alternatives differ.
CompareRequest make_request(const std::vector<scenarios::ScenarioDef>& projects, const std::string& mode,
                            std::uint32_t replications, unsigned threads);

/// Aggregates of one alternative over the replications. Money in euros; "gain" is zero minus project
/// (positive: the pocket or society is better off).
struct AlternativeResult {
  std::string label, scenario;  ///< "<scenario> (<mode>)" for files; the scenario's name
  std::string caption;          ///< the scenario's own label for people (`label = ...`), may be empty
  Mode mode = Mode::Continuous;
  double discount_rate = 0.0;                                          ///< this alternative's (real + risk premium)
  std::vector<std::array<Stat, services::kPocketCount>> cost_by_year;  ///< [year][pocket] cost in this alternative
  std::vector<std::array<Stat, services::kPocketCount>> diff_by_year;  ///< [year][pocket] project minus zero
  std::vector<std::array<Stat, services::kPocketCount>> team_by_year;  ///< [year][pocket] paid for the teams
  /// [year][pocket] the MKBA's split of the difference (docs/MODEL.md §17), per replication then averaged:
  /// investment (team items, project minus zero), extra care (a cost) and avoided costs (a benefit).
  std::vector<std::array<Stat, services::kPocketCount>> investment_by_year, extra_care_by_year, avoided_by_year;
  std::array<Stat, services::kPocketCount> npv_by_pocket;              ///< discounted gain
  std::array<Stat, services::kPocketCount> budget_after_2y;            ///< gain over years 0-1, undiscounted
  std::array<Stat, 3> ratio, npv, pv_cost, pv_benefit;                 ///< per Scope
  std::array<double, 3> p_above_1{};                                   ///< share of replications with ratio > 1
  std::vector<Stat> net_by_year;                                       ///< societal gain per year, undiscounted
  std::vector<double> cumulative_discounted;                           ///< of the mean net, per year
  std::optional<std::uint32_t> payback_year;                           ///< societal, on the mean
  std::array<std::optional<std::uint32_t>, 3> payback_by_scope;
  Stat intakes;                                  ///< households taken in by the teams over the horizon
  Stat team_cost;                                ///< undiscounted, all years
  std::array<Stat, kCountedCount> events_diff;   ///< escalations and events over the horizon, project minus zero
  std::vector<std::array<double, agents::kLevelCount>> levels;  ///< [month] mean households per level
  std::vector<std::array<std::array<double, agents::kLevelCount>, agents::kLevelCount>> flows;  ///< [month][from][to] mean
  std::optional<StaticEstimate> static_estimate; ///< the MKBA-tool estimate on the same inputs (set by the caller)
};

/// One alternative against another in the same replications (paired), `to` minus `from`: computed per replication,
/// so the intervals are those of the increment itself.
struct Increment {
  std::size_t from = 0, to = 0;  ///< alternatives (indices into CompareResult::alternatives)
  Stat budget;                   ///< team budget a year, EUR (team cost over the horizon / years)
  std::array<Stat, 3> npv;       ///< per Scope
  Stat pv_cost, pv_benefit;      ///< societal
  Stat ratio;                    ///< societal: extra PV benefit / extra PV cost; undefined (NaN) unless the step costs
                                 ///< society more in every replication
  double p_better = 0.0;         ///< share of replications in which the societal NPV grows
};

/// The effect of changing one setting with every other setting equal: the mean over the pairs of alternatives that
/// differ only there (e.g. the mandate at each team size of a sweep), per replication.
struct SettingEffect {
  std::string key, from, to;     ///< key path as for --set, and its two values
  std::size_t pairs = 0;         ///< pairs of alternatives averaged
  Increment effect;              ///< from/to: the first pair
};

/// An input recorded with a result (Inputs sheet, the report's inputs): key, value and what the scenario file says
/// of it (its comment: a source tag such as [S003], or "assumption"; empty when not known).
struct Input {
  std::string key, value, source;
};

struct CompareResult {
  std::string zero_name;                   ///< for files: "<neighbourhoods> without teams"
  std::vector<std::string> district;       ///< the district's neighbourhoods, for people
  std::uint32_t replications = 0, households = 0, months = 0;
  std::uint64_t seed = 0;
  double discount_rate = 0.0;
  double discount_real = 0.0, risk_premium = 0.0;  ///< its two parts
  scenarios::DiscountBasis discount_basis = scenarios::DiscountBasis::Standard;
  std::vector<std::array<Stat, services::kPocketCount>> zero_cost_by_year;  ///< [year][pocket]
  std::vector<std::array<double, agents::kLevelCount>> zero_levels;          ///< [month] mean
  std::vector<std::array<std::array<double, agents::kLevelCount>, agents::kLevelCount>> zero_flows;
  std::vector<AlternativeResult> alternatives;
  std::vector<Increment> increments;       ///< every pair from < to, in order (0,1), (0,2), ..., (1,2), ...
  std::vector<SettingEffect> setting_effects;  ///< one-setting changes found among the alternatives
  /// Inputs for the record: households, months, seed, discount rate, teams' FTE and costs, prices and effect sizes
  std::vector<Input> inputs;
};

/// What one replication leaves for the aggregates: integers only (cents, counts), so it is checkpointed
/// exactly and folded the same way whatever the thread count.
struct WorldOutcome {
  std::vector<Cents> pockets;            ///< [year * pockets + pocket] cost
  std::vector<Cents> team;               ///< [year * pockets + pocket] paid for the teams
  std::vector<std::int64_t> levels;      ///< [month * 4 + level] households
  std::vector<std::int64_t> flows;       ///< [(month * 4 + from) * 4 + to] households
  std::vector<std::int64_t> events;      ///< [event] over the horizon
  std::int64_t intakes = 0;              ///< households taken in by the teams

  bool operator==(const WorldOutcome&) const = default;
};
struct ReplicationOutcome {
  std::uint32_t replication = 0;
  std::vector<WorldOutcome> worlds;      ///< the zero alternative first, then each project alternative
};

/// Run one replication: one warm-up, the zero alternative and the project alternatives [first, first + count)
/// in lockstep (by default all of them). Every world's outcome is the same whichever alternatives run beside it,
/// so a replication may be computed in slices of alternatives and put together again.
ReplicationOutcome run_replication(const CompareRequest& req, std::uint32_t replication, std::size_t first = 0,
                                   std::size_t count = SIZE_MAX);
/// Checkpoint file of a replication in a folder: `replication-<r>.json` (six digits).
std::filesystem::path checkpoint_file(const std::filesystem::path& dir, std::uint32_t replication);
/// Write a checkpoint atomically (temporary name, then rename); read one back.
void write_outcome(const ReplicationOutcome& outcome, const std::filesystem::path& file);
ReplicationOutcome read_outcome(const std::filesystem::path& file);
/// The checkpoint's text, and back: one line of JSON, {"schema": "wijksim-replication/2", "replication",
/// "worlds": [{"pockets", "team", "levels", "flows", "events", "intakes"}, ...]}, integers only. Also what the
/// ranks of a distributed batch send to rank 0. parse_outcome throws std::runtime_error naming `source` (the file)
/// for text that is not such a checkpoint: cut short, damaged, another schema or version.
std::string outcome_text(const ReplicationOutcome& outcome);
ReplicationOutcome parse_outcome(const std::string& text, const std::string& source);

/// The replications of req without a checkpoint in dir, in order.
std::vector<std::uint32_t> missing_replications(const CompareRequest& req, const std::filesystem::path& dir);
/// Run every replication that has no checkpoint in dir yet, over req.threads workers, checkpointing each.
/// progress(replications done) is called from the calling thread about ten times a second.
void run_replications(const CompareRequest& req, const std::filesystem::path& dir,
                      const std::function<void(std::uint32_t done)>& progress = {});

/// One replication's appraisal of one alternative (replications.csv).
struct ReplicationRow {
  std::uint32_t replication;
  std::size_t alternative;
  std::array<double, 3> npv, ratio;  ///< per Scope
  double team_cost;                  ///< EUR, all years
};
/// Fold the checkpoints of dir in replication order into the result (streamed: one replication in memory).
/// row(...) is called per replication and alternative.
CompareResult fold_replications(const CompareRequest& req, const std::filesystem::path& dir,
                                const std::function<void(const ReplicationRow&)>& row = {});
/// The increment from one alternative to another (from != to; reversed when from > to).
Increment increment(const CompareResult& result, std::size_t from, std::size_t to);
/// A scenario's settings as (key path, value) pairs, in schema order; names, labels and descriptions left out.
std::vector<std::pair<std::string, std::string>> flat_settings(const scenarios::ScenarioDef& def);
/// The name of a zero alternative for files: "<neighbourhood>+<neighbourhood> without teams".
std::string zero_name(const scenarios::ScenarioDef& def);

/// The inputs recorded with a result (Inputs sheet): the run, the discount rate, per alternative its teams' size,
/// costs and effect sizes, and the price list with its payers. Sources are left empty (see with_sources).
std::vector<Input> compare_inputs(const CompareRequest& req);
/// Fill each input's source from the notes of the scenario files, one map (key path -> comment) per project scenario
/// in request order: `alternative.<a>.teams.<t>.<key>` reads the notes of alternative a's scenario, other keys
/// (prices, mkba.*) those of the first.
void with_sources(std::vector<Input>& inputs, const CompareRequest& req,
                  const std::vector<std::map<std::string, std::string>>& notes);

}  // namespace wijksim::sim
