#pragma once
// One simulated world: a population under care as usual, stepped month by month, with its ledger and
// the month-by-month records that outputs and calibration read.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "agents/dynamics.hpp"
#include "agents/generator.hpp"
#include "agents/network.hpp"
#include "agents/population.hpp"
#include "scenarios/scenario_def.hpp"
#include "services/care.hpp"
#include "services/providers.hpp"
#include "services/referral_graph.hpp"
#include "services/team.hpp"
#include "sim/kernel/ledger.hpp"
#include "sim/engine/counted.hpp"
#include "sim/kernel/rng.hpp"

namespace wijksim::sim {

class ThreadPool;

// The kernel's vocabulary, used unqualified throughout the engine and what is built on it.
using kernel::Cents;
using kernel::HouseholdId;
using kernel::ItemId;
using kernel::Ledger;
using kernel::Month;
using kernel::month_in_year;
using kernel::PocketId;
using kernel::Rng;
using kernel::to_eur;
using kernel::year_of;

/// What one month of the horizon looked like.
struct MonthRecord {
  std::array<std::int64_t, agents::kLevelCount> levels{};                           ///< households per level
  std::array<std::array<std::int64_t, agents::kLevelCount>, agents::kLevelCount> flows{};  ///< [from][to]
  std::array<std::int64_t, kCountedCount> events{};

  bool operator==(const MonthRecord&) const = default;
};

/// Running tallies for calibration of the zero alternative (integers; merged order-free).
struct Tallies {
  agents::IncomeStats income;
  services::CareAccumulator care;                     ///< money per item over the horizon
  std::array<std::int64_t, 3> laws{};                 ///< household-half-years using none, one, several of the three laws
  std::array<std::int64_t, services::kUseBits> uses{};  ///< household-half-years using each bit of services::Law
  std::int64_t half_years = 0;
  /// Per year, the share of the welfare, youth and safety budgets carried by the costliest 1% and 4% [S003].
  std::vector<double> top1_share, top4_share;
};

/// One world: a population under care as usual (and, in a project alternative, teams), its ledger and the
/// records of its months. Its month is stepped by PairedWorlds (paired.hpp), whose order is written in month.cpp.
class World {
 public:
  /// Generate the population and network and run the warm-up. threads = 0 uses the hardware's count;
  /// warmup_progress(months done) is called after every warm-up month.
  World(const scenarios::ScenarioDef& def, std::uint64_t replication, unsigned threads,
        const std::function<void(std::uint32_t)>& warmup_progress = {});
  /// A project alternative starting from a zero alternative's state (same households, network, warm-up and
  /// random source): the paired world of docs/MODEL.md §13. `project` must outlive the world.
  World(const World& zero, const scenarios::ScenarioDef& project);
  /// A project alternative whose teams worked `lead_months` before month 0 (lead_months of its teams; a cohort at
  /// full strength, docs/MODEL.md §17): the project's teams work through the last `lead_months` warm-up months in a
  /// world of their own on the same random numbers, and this world (a copy of `zero` at month 0) takes over their
  /// cases, waiting lists and monitored households, with the households as the zero alternative has them.
  World(const World& zero, const scenarios::ScenarioDef& project, std::uint64_t replication);
  /// Months the teams of `project` worked before month 0: the longest lead_months, at most the warm-up and horizon.
  static Month lead_months(const scenarios::ScenarioDef& project);

  Month month() const { return month_; }
  bool finished() const { return month_ >= def_->run.months; }
  const scenarios::ScenarioDef& def() const { return *def_; }
  const agents::Population& population() const { return pop_; }
  const agents::SocialGraph& network() const { return graph_; }
  const Ledger& ledger() const { return ledger_; }
  const std::vector<MonthRecord>& records() const { return records_; }
  const Tallies& tallies() const { return tallies_; }
  unsigned threads() const { return threads_; }
  /// Teams of this world (empty in the zero alternative); financiers change their FTE and co-financing.
  const std::vector<services::Team>& teams() const { return teams_; }
  std::vector<services::Team>& teams() { return teams_; }
  const services::Providers& providers() const { return providers_; }
  /// Per month of the horizon: each team's month, and each provider's month.
  const std::vector<std::vector<services::TeamMonth>>& team_records() const { return team_records_; }
  const std::vector<std::array<services::ProviderMonth, services::kTrajectoryCount>>& provider_records() const {
    return provider_records_;
  }
  /// Book on this world's ledger (the financier module's settlements).
  Ledger& ledger_for_settlement() { return ledger_; }

 private:
  friend class PairedWorlds;  // steps the world (month.cpp)

  /// Whether a project alternative may copy unchanged households from this zero alternative instead of
  /// simulating them: only while households touch each other through nothing but the project's teams, that is,
  /// no provider has a limited number of places (waiting lists order households).
  bool can_lead(const World& project) const;
  // The parts of a month (month.cpp).
  /// Generate and warm up for `warmup_months` (the lead-in of a cohort starts before the end of the warm-up).
  World(const scenarios::ScenarioDef& def, std::uint64_t replication, unsigned threads, std::uint32_t warmup_months,
        const std::function<void(std::uint32_t)>& warmup_progress);
  void warm_up(std::uint32_t months, const std::function<void(std::uint32_t)>& progress);
  void begin_month();
  void simulate_month(std::uint32_t t, bool record, const World* zero = nullptr,
                      std::span<const std::uint8_t> follows = {});
  void act_services(services::ProviderInbox& providers, services::TeamInbox& teams, bool record);
  void end_month();
  void close_half_year();
  void close_year();
  void validate_month(const MonthRecord& rec, const services::CareAccumulator& care) const;
  void setup_teams();
  void refresh_team_rules();

  const scenarios::ScenarioDef* def_;
  Rng rng_;
  unsigned threads_;
  /// threads_ - 1 workers for a month's household chunks (the stepping thread takes one too); shared with the
  /// copies of this world (its project alternatives), which are stepped one after another.
  std::shared_ptr<ThreadPool> pool_;
  agents::Neighbourhoods hoods_;
  agents::Population pop_;
  agents::SocialGraph graph_;
  services::PriceTable prices_;
  services::CareRules care_;
  services::Providers providers_;
  std::vector<services::Team> teams_;
  services::FindingRules finding_;
  std::vector<agents::SupportEffect> support_effects_;
  std::vector<std::vector<services::TeamMonth>> team_records_;
  std::vector<std::array<services::ProviderMonth, services::kTrajectoryCount>> provider_records_;
  Ledger ledger_;
  std::vector<MonthRecord> records_;
  Tallies tallies_;
  Month month_ = 0;
};

}  // namespace wijksim::sim
