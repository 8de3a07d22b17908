#pragma once
// The scenario catalogue and its validation report (`wijksim scenarios`, `wijksim validate-model`). Every shipped
// scenario with a team is an approach of the catalogue. Each runs paired with its zero alternative through the
// compare engine (the MKBA), and the same replications are observed month by month for process figures (intake,
// caseloads, outreach funnel, escalations prevented, what happens to the households taken in), which the report
// sets beside the figures the sourcebook gives for the approach. The report is deterministic: fixed seed, no
// times, no thread counts.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/file_notes.hpp"
#include "scenarios/scenario_def.hpp"
#include "sim/batch/compare.hpp"
#include "sim/mkba/mkba.hpp"
#include "sim/engine/paired.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

// ---------------------------------------------------------------------------------------------------------------
// The catalogue: shipped scenario files
// ---------------------------------------------------------------------------------------------------------------

/// One shipped scenario file.
struct CatalogueEntry {
  std::string name;  ///< file stem, the name `wijksim` commands accept
  std::filesystem::path file;
  std::string description;  ///< the scenario's `description`
  std::size_t teams = 0;    ///< [[teams]] in the merged scenario; an approach has at least one
  bool approach() const { return teams > 0; }
};

/// Every *.toml file of dir, by name, each loaded (and so validated). Throws scenarios::ScenarioError for a file
/// that does not load.
std::vector<CatalogueEntry> list_scenarios(const std::filesystem::path& dir);

/// `wijksim scenarios`: districts (no team) first, then the approaches, one line each: name and description.
std::string scenarios_listing(std::span<const CatalogueEntry> entries);

// ---------------------------------------------------------------------------------------------------------------
// Process figures: one project world observed beside its zero alternative
// ---------------------------------------------------------------------------------------------------------------

/// Process figures of one alternative in one replication by name (docs/MODEL.md §18.3); NaN where a
/// figure is not defined (no households taken in, no visits).
using Figures = std::map<std::string, double>;

/// Watches a project world and its zero alternative after every month: the households the teams take in (their
/// state at intake and their follow-up in both worlds), case spells, Wmo clients, costs per household per year
/// and co-financiers' withdrawals. Call after both worlds (and the financier module) finished month m.
class ProcessObserver : public MonthObserver {
 public:
  /// Start watching project world `alternative` of `worlds` before its first month.
  ProcessObserver(const PairedWorlds& worlds, std::size_t alternative);
  void after_month(const PairedWorlds& worlds, Month m) override;
  /// The figures of the run, from this record, the teams' monthly records and both worlds' events and ledgers.
  Figures finish(const World& zero, const World& project) const;

 private:
  /// One household taken in by a team for the first time in the horizon, followed in both worlds
  /// (index 0 the project, 1 the zero alternative).
  struct Client {
    HouseholdId h = 0;
    Month intake = 0;
    bool housing_question = false;                ///< housing severity >= 1 or not housed, at intake
    bool eviction_at_stake = false;               ///< listed for eviction or eviction pending at intake
    bool welfare = false;                         ///< on welfare at intake
    std::uint8_t trajectories = 0;                ///< care-as-usual trajectories running the month before intake
    std::uint8_t level = 0;                       ///< level at intake
    std::array<std::int32_t, 2> renewed{-1, -1};  ///< months after intake when a new household took its place
    std::array<bool, 2> housing_question_3m{};
    std::array<std::int32_t, 2> offences_12m{}, evicted_12m{};
    std::array<std::int32_t, 2> welfare_exit{-1, -1};  ///< months after intake of the first month off welfare
    std::array<std::uint8_t, 2> trajectories_6m{};
    std::array<std::uint8_t, 2> level_12m{};
    std::int32_t first_spell = -1;  ///< months from intake to the end of the first active spell
  };

  void admit(const agents::Population& pop, HouseholdId h, Month m);
  void follow(const World& zero, const World& project, Month m);
  void withdrawals(const World& project, Month m);

  std::size_t alternative_;
  std::size_t households_;
  std::vector<agents::Support> support_;   ///< project, last month
  std::vector<std::uint16_t> care_;        ///< project, last month
  std::vector<std::int32_t> spell_start_;  ///< month the running active spell began
  std::vector<std::int32_t> client_of_;    ///< index into clients_, -1
  std::vector<Client> clients_;
  std::array<std::vector<std::int64_t>, 2> cost_;   ///< [world][year * households + h]: cents January-November
  std::array<std::int64_t, 2> wmo_months_{};        ///< household-months with a Wmo trajectory
  std::array<std::int64_t, 2> provider_waiting_{};  ///< household-months on providers' waiting lists
  std::int64_t admissions_ = 0, readmissions_ = 0, reactivations_ = 0, spells_ = 0, spell_months_ = 0;
  std::vector<std::vector<std::int32_t>> withdrawn_;  ///< [team][co-financier]: year withdrawn, -1
};

/// The process figures of every alternative of req over replications 0..replications-1 (the same worlds as the
/// compare engine's replications), in parallel over req.threads and folded in replication order.
/// progress(done) is called after each replication.
std::vector<std::map<std::string, Stat>> process_figures(const CompareRequest& req, std::uint32_t replications,
                                                         const std::function<void(std::uint32_t)>& progress = {});

// ---------------------------------------------------------------------------------------------------------------
// What the sources report per approach
// ---------------------------------------------------------------------------------------------------------------

/// How a figure is printed.
enum class Unit : std::uint8_t { Share, Count, Eur, Ratio };

/// One figure the sourcebook reports for an approach, and the simulated figure set beside it.
struct SourceFigure {
  std::string_view what;    ///< the figure
  std::string_view source;  ///< what the source says, with its tag
  std::string_view metric;  ///< the simulated figure (a Figures name)
  Unit unit = Unit::Count;
  double low = std::numeric_limits<double>::quiet_NaN();  ///< the source's range (NaN: words, no number)
  double high = std::numeric_limits<double>::quiet_NaN();
};

/// A catalogue approach: its scenario, its source figures and where model and sources part ways.
struct Approach {
  std::string_view scenario;  ///< file stem
  std::string_view title;     ///< the approach's name in SOURCEBOOK §4
  std::vector<SourceFigure> figures;
  std::string_view differences;  ///< where the model and the source differ, and why
};

/// The approaches the report knows, in no particular order; find one by scenario name (null: none).
std::span<const Approach> approaches();
const Approach* find_approach(std::string_view scenario);

/// "within", "below", "above" the source's range, "x 1.23 of the source" for a single figure, or "" when either
/// side has no number.
std::string verdict(const SourceFigure& figure, const Stat& simulated);

// ---------------------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------------------

struct ValidationOptions {
  std::filesystem::path dir;                    ///< scenario folder (the catalogue)
  std::uint32_t replications = 10;              ///< paired replications per scenario (MKBA and process figures)
  std::optional<std::uint32_t> households;      ///< overrides run.households of every scenario
  std::optional<std::uint32_t> months;          ///< overrides run.months
  unsigned threads = 0;                         ///< worker threads (0 = all cores); does not change the report
  std::filesystem::path work;                   ///< where the checkpoint folder is made and removed ("": temp folder)
  std::function<void(const std::string&)> log;  ///< progress lines (stderr); may be empty
};

/// The whole of docs/VALIDATION.md.
std::string validation_report(const ValidationOptions& opt);

/// The first line where two texts differ (1-based) with both lines, for a "not up to date" message; nullopt
/// when they are equal.
std::optional<std::string> first_difference(std::string_view expected, std::string_view actual);

}  // namespace wijksim::sim
