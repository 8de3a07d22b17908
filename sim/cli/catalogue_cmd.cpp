// `wijksim scenarios` and `wijksim validate-model`: the scenario catalogue and its validation report.
#include "sim/cli/catalogue_cmd.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/cli/commands.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/run_output.hpp"
#include "sim/validation/validation.hpp"

namespace wijksim::cli {

namespace fs = std::filesystem;

namespace {

/// The report's settings; the command prints them so a user knows what --check compares against.
constexpr std::uint32_t kReplications = 10;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw scenarios::ScenarioError("--check", 0, "", fmt::format("cannot read {}", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

CatalogueCommands::CatalogueCommands(CLI::App& app) {
  scenarios_ = app.add_subcommand("scenarios",
                                  "List the shipped scenarios, one line each: the districts (zero "
                                  "alternatives) and the catalogue of approaches (scenarios with a team)");
  scenarios_->add_option("--dir", dir_, "Scenario folder (default: the shipped scenarios)");

  validate_ =
      app.add_subcommand("validate-model",
                         "Run every approach of the catalogue against its zero alternative and write the validation "
                         "report (process figures beside the sourcebook's, MKBA, assumptions): docs/VALIDATION.md");
  validate_->add_option("--out", out_, "Write the report to this file (default: print it)");
  validate_->add_option("--check", check_, "Compare the report with this file; exit 1 with the first difference");
  validate_->add_option("--dir", dir_, "Scenario folder (default: the shipped scenarios)");
  validate_->add_option("--replications", replications_, "Paired replications per scenario")
      ->default_val(kReplications)
      ->check(whole_number(1, maxima::kReplications));
  validate_->add_option("--households", households_, "Override run.households of every scenario")
      ->check(whole_number(1, maxima::kHouseholds));
  validate_->add_option("--months", months_, "Override run.months of every scenario")
      ->check(whole_number(1, maxima::kMonths));
  validate_->add_option("--threads", threads_, "Worker threads (0 = all cores, at most 4 per core); the report does "
                                               "not depend on it")
      ->default_val(0)
      ->check(whole_number(0, maxima::threads(), " (4 x cores)"));
}

bool CatalogueCommands::given() const { return scenarios_->parsed() || validate_->parsed(); }

int CatalogueCommands::run() const {
  const fs::path dir = dir_.empty() ? fs::path(WIJKSIM_SCENARIO_DIR) : fs::path(dir_);
  if (scenarios_->parsed()) {
    fmt::print("Shipped scenarios ({}):\n\n{}", dir.string(), sim::scenarios_listing(sim::list_scenarios(dir)));
    return 0;
  }
  // Where the report goes, and what it is checked against, before the scenarios run (minutes).
  if (!check_.empty()) sim::check_input_file(check_, "--check");
  if (!out_.empty()) sim::check_output_file(out_, "--out");
  const auto start = std::chrono::steady_clock::now();
  sim::ValidationOptions opt;
  opt.dir = dir;
  opt.replications = replications_;
  opt.households = households_;
  opt.months = months_;
  opt.threads = threads_;
  opt.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  const std::string report = sim::validation_report(opt);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "validate-model: {} replications per scenario in {:.1f} s\n", replications_, seconds);
  if (!check_.empty()) {
    const auto difference = sim::first_difference(read_text(check_), report);
    if (!difference) {
      fmt::print("{} is up to date.\n", check_);
      return 0;
    }
    fmt::print(
        stderr,
        "error: {} is out of date with the scenarios or the model; {}\nRegenerate it with: wijksim validate-model "
        "--out {}\n",
        check_, *difference, check_);
    return 1;
  }
  if (out_.empty()) {
    fmt::print("{}", report);
  } else {
    sim::write_text(out_, report);
    fmt::print("Wrote {}\n", out_);
  }
  return 0;
}

}  // namespace wijksim::cli
