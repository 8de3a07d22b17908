#pragma once
// Files and console tables of `wijksim run`.
#include <filesystem>
#include <functional>
#include <string>

#include "sim/engine/paired.hpp"
#include "sim/engine/world.hpp"

namespace wijksim::sim {

/// What the manifest records about a run besides the scenario.
struct RunInfo {
  std::string command;        ///< the command line
  unsigned threads = 1;       ///< worker threads used
  double wall_seconds = 0.0;  ///< wall time of the simulation
};

/// Write manifest.json, levels_by_month.csv, flows_by_month.csv and pockets_by_year.csv into dir,
/// atomically: into a temporary sibling folder first, renamed to dir when complete.
void write_run(const World& world, const RunInfo& info, const std::filesystem::path& dir);

/// Households per level (start, middle, end of the horizon) and cost per pocket per year, as text.
std::string run_summary(const World& world);

/// A run with teams: the project world's files (as write_run) plus teams_by_month.csv,
/// providers_by_month.csv, pockets_vs_zero_by_year.csv and financiers.csv, atomically.
void write_paired_run(const PairedWorlds& run, const RunInfo& info, const std::filesystem::path& dir);
/// The project's summary plus the teams' year-end figures and each pocket's difference from the zero alternative.
std::string paired_summary(const PairedWorlds& run);
std::string teams_csv(const PairedWorlds& run);
std::string providers_csv(const World& world);
std::string pockets_vs_zero_csv(const PairedWorlds& run);
std::string financiers_csv(const PairedWorlds& run);

/// CSV bodies, exposed for tests.
std::string levels_csv(const World& world);
std::string flows_csv(const World& world);
std::string pockets_csv(const World& world);

/// Write a folder atomically: fill(tmp) writes the files into a temporary sibling, then it is renamed.
void write_folder_atomically(const std::filesystem::path& dir,
                             const std::function<void(const std::filesystem::path&)>& fill);
/// Write a text file.
void write_text(const std::filesystem::path& file, const std::string& text);

/// Version string and git hash of this build.
std::string version();
std::string git_hash();

}  // namespace wijksim::sim
