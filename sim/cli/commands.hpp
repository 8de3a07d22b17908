#pragma once
// What the commands of the command line share: simulation options, time stamps, the command line itself,
// and the commands that live in their own files.
#include <CLI/CLI.hpp>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader.hpp"
#include "sim/cli/options.hpp"

namespace wijksim::cli {

constexpr int kBadInput = 2;

/// Options shared by the commands that simulate.
struct SimOptions {
  std::string scenario;                  ///< file or shipped name; empty = embedded default
  std::optional<std::uint32_t> households, months;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  std::vector<std::string> sets;

  void add_to(CLI::App& cmd) {
    cmd.add_option("scenario", scenario, "Scenario file or shipped name (default: the embedded default scenario)");
    add_run_options(cmd);
  }

  /// The options besides the scenario.
  void add_run_options(CLI::App& cmd) {
    cmd.add_option("--households", households, "Override run.households")->check(whole_number(1, maxima::kHouseholds));
    cmd.add_option("--months", months, "Override run.months")->check(whole_number(1, maxima::kMonths));
    cmd.add_option("--seed", seed, "Override run.seed")->check(whole_number(0, UINT64_MAX));
    cmd.add_option("--threads", threads, "Worker threads (0 = all cores; at most 4 per core)")
        ->default_val(0)
        ->check(whole_number(0, maxima::threads(), " (4 x cores)"));
    cmd.add_option("--set", sets, "Override any value: key.path=value (repeatable)");
  }

  /// --set values and the run overrides as key=value.
  std::vector<std::string> overrides() const {
    std::vector<std::string> out = sets;
    if (households) out.push_back(fmt::format("run.households={}", *households));
    if (months) out.push_back(fmt::format("run.months={}", *months));
    if (seed) out.push_back(fmt::format("run.seed={}", *seed));
    return out;
  }

  scenarios::ScenarioDef load() const { return load_named(scenario, overrides()); }

  /// A scenario by file or shipped name ("" = the embedded default) with overrides.
  static scenarios::ScenarioDef load_named(const std::string& name, const std::vector<std::string>& overrides) {
    if (name.empty()) return scenarios::load_default_scenario(overrides);
    return scenarios::load_named_scenario(name, overrides);
  }
};

inline std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

/// The default output folder `out/<name>-<timestamp>`; `name` must be a slug (output_path.hpp).
inline std::filesystem::path default_output(const std::string& name) {
  return std::filesystem::path("out") / fmt::format("{}-{}", name, timestamp());
}

inline std::string command_line(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

/// Options of `wijksim compare` and `wijksim sweep`.
struct CompareOptions {
  SimOptions sim;
  std::vector<std::string> scenarios;  ///< project scenarios (default: wijkteam)
  std::optional<std::uint32_t> replications;
  std::string mode;                    ///< empty: the scenario's mkba.mode
  std::string lang = "en";
  std::optional<std::string> discount; ///< standard, source, or a total rate (replaces real rate and risk premium)
  std::string out, resume;
  std::vector<std::string> grid;       ///< sweep: key=v1,v2,...
  bool tornado = false;                ///< sweep: one-way sensitivity over the scenario's ranges

  void add_to(CLI::App& cmd, bool sweep);
};

/// `wijksim compare`; `wijksim sweep`; `wijksim mkba-tool`.
int cmd_compare(const CompareOptions& opt, const std::string& cmdline);
int cmd_sweep(const CompareOptions& opt, const std::string& cmdline);

}  // namespace wijksim::cli
