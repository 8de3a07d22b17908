// wijksim: the command line. Commands: run, calibrate, validate, init, graph, compare, sweep, mkba-tool, scenarios,
// validate-model.
// Exit codes: 0 success, 1 failure while running, 2 bad input (scenario or command line).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader.hpp"
#include "sim/cli/authoring_cmd.hpp"
#include "sim/cli/catalogue_cmd.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/interrupts.hpp"
#include "sim/io/output_path.hpp"
#include "services/referral_graph.hpp"
#include "sim/validation/calibration.hpp"
#include "sim/validation/fit.hpp"
#include "sim/engine/district_reach.hpp"
#include "sim/mkba/mkba_tool.hpp"
#include "sim/cli/progress.hpp"
#include "sim/io/run_output.hpp"
#include "sim/engine/paired.hpp"

namespace fs = std::filesystem;
using namespace wijksim;
using namespace wijksim::cli;

namespace {

/// The progress bar of a run: the warm-up first (half the work of a default run), then the months.
class MonthsBar : public sim::MonthObserver {
 public:
  MonthsBar(const scenarios::ScenarioDef& def, std::string label)
      : warmup_(def.run.warmup_months), bar_(def.run.warmup_months + def.run.months, std::move(label)) {}
  std::function<void(std::uint32_t)> warmup() {
    return [this](std::uint32_t done) { bar_.update(done); };
  }
  void after_month(const sim::PairedWorlds& /*worlds*/, sim::Month m) override { bar_.update(warmup_ + m + 1); }

 private:
  std::uint32_t warmup_;
  sim::ProgressBar bar_;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int cmd_run(const SimOptions& opt, const std::string& out_arg, const std::string& cmdline) {
  // A signal while loading or simulating ends the run at once (nothing is written yet); while the files are
  // written it waits, and the folder is removed again.
  Interrupts interrupts;
  interrupts.abandon_with("\ninterrupted: nothing was written\n");
  const scenarios::ScenarioDef def = opt.load();
  // The scenario's name is a label: only its slug goes into the default folder's name.
  const fs::path out = out_arg.empty() ? default_output(sim::slug(def.name)) : fs::path(out_arg);
  sim::check_output_folder(out, "--out", out_arg.empty());
  // A scenario with teams runs paired with its zero alternative (same households and random numbers).
  const bool paired = !def.teams.empty();
  const auto start = std::chrono::steady_clock::now();
  MonthsBar bar(def, paired ? "months (warm-up first; project and zero alternative)" : "months (warm-up first)");
  sim::PairedWorlds worlds(def, 0, opt.threads, bar.warmup());
  worlds.observe(bar);
  worlds.run();
  worlds.forget(bar);
  const double wall = seconds_since(start);
  const sim::World& world = worlds.scenario_world();
  interrupts.hold();
  if (paired) {
    sim::write_paired_run(worlds, {cmdline, world.threads(), wall}, out);
  } else {
    sim::write_run(world, {cmdline, world.threads(), wall}, out);
  }
  if (const int signal = interrupts.held()) {
    fs::remove_all(out);
    fmt::print(stderr, "\ninterrupted: nothing was written\n");
    return Interrupts::exit_code(signal);
  }
  fmt::print("{}\n", paired ? sim::paired_summary(worlds) : sim::run_summary(world));
  fmt::print("Simulated {} households x {} months{} in {:.2f} s on {} thread(s).\nWrote {}\n",
             world.population().size(), def.run.months, paired ? ", project and zero alternative," : "", wall,
             world.threads(), out.string());
  return 0;
}

int cmd_calibrate(const SimOptions& opt, bool json, bool markdown) {
  const scenarios::ScenarioDef def = opt.load();
  if (markdown) {
    fmt::print("{}", sim::targets_markdown(def.targets));
    return 0;
  }
  sim::ProgressBar bar(def.run.warmup_months + def.run.months, "months (warm-up first)");
  const auto results =
      sim::calibrate_scenario(def, opt.threads, [&bar](std::uint32_t done) { bar.update(done); });
  if (json) {
    fmt::print("{}", sim::calibration_json(results));
  } else {
    fmt::print("Calibration of the zero alternative: scenario '{}', {} households, {} months, seed {}\n\n{}", def.name,
               def.run.households, def.run.months, def.run.seed, sim::calibration_table(results));
    std::size_t failed = 0;
    for (const auto& r : results) failed += r.ok ? 0 : 1;
    fmt::print("\n{} of {} targets within range.\n", results.size() - failed, results.size());
  }
  return 0;
}

/// `calibrate --fit`: fits the free hazards to the scenario's targets and writes the fitted scenario.
struct FitOptions {
  bool fit = false;
  std::vector<std::string> free;
  std::string out;
  std::uint32_t evaluations = 400;
};

int cmd_fit(const SimOptions& opt, const FitOptions& fo, bool json) {
  const scenarios::ScenarioDef def = opt.load();
  std::vector<sim::FreeSetting> free;
  try {
    for (const std::string& f : fo.free) free.push_back(sim::parse_free_setting(f));
    if (free.empty()) free = sim::default_free_settings();
    sim::check_free_settings(def, free);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kBadInput;
  }
  const fs::path out = fo.out.empty() ? fs::path(def.name + "-fitted.toml") : fs::path(fo.out);
  // Everything that can fail before the search does.
  if (fs::exists(out)) {
    fmt::print(stderr, "error: {} already exists; choose another file with --out\n", out.string());
    return kBadInput;
  }
  const fs::path folder = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  if (!fs::is_directory(folder)) {
    fmt::print(stderr, "error: --out {}: the folder {} does not exist\n", out.string(), folder.string());
    return kBadInput;
  }
  std::string extends = "default.toml";
  if (!opt.scenario.empty()) {
    try {
      const fs::path parent = fs::absolute(scenarios::resolve_scenario(opt.scenario));
      const fs::path rel = parent.lexically_relative(fs::absolute(folder));
      extends = rel.empty() ? parent.string() : rel.string();
    } catch (const scenarios::ScenarioError&) {
      // No file here: the scenario loaded from the binary's copy, which `extends` finds by name anywhere.
      if (!scenarios::shipped_scenario_text(opt.scenario)) throw;
      extends = fs::path(opt.scenario).stem().string();
    }
  }
  sim::ProgressBar bar(fo.evaluations, "calibration runs (stops early when every target holds)");
  const sim::FitResult fit = sim::fit_scenario(def, free, fo.evaluations, opt.threads,
                                               [&bar](std::uint32_t done, double) { bar.update(done); });
  bar.update(fo.evaluations);
  std::string text = sim::fit_file(fit, extends, def.name + "-fitted");
  if (!opt.overrides().empty()) {
    std::string note = "# Fitted with these overrides, which this file does not hold:";
    for (const std::string& o : opt.overrides()) note += " --set " + o;
    text = note + "\n" + text;
  }
  sim::write_text(out, text);
  if (json) {
    fmt::print("{}", sim::calibration_json(fit.results));
  } else {
    fmt::print("Fitted {} settings of '{}' in {} calibration runs (loss {:.4g}).\n\n{}", free.size(), def.name,
               fit.evaluations, fit.loss, sim::calibration_table(fit.results));
    std::size_t failed = 0;
    for (const auto& r : fit.results) failed += r.ok ? 0 : 1;
    fmt::print("\n{} of {} targets within range. Wrote {} (check it with: wijksim calibrate {})\n",
               fit.results.size() - failed, fit.results.size(), out.string(), out.string());
  }
  return 0;
}

int cmd_mkba_tool(const std::string& file, const std::vector<std::string>& sets) {
  scenarios::ScenarioDef def = SimOptions::load_named(file.empty() ? "wijkteam" : file, sets);
  if (def.teams.empty()) {
    // A district without a team (a zero alternative): the estimate of the generalist team in that district.
    def.teams = SimOptions::load_named("wijkteam", {}).teams;
    fmt::print("# {} has no team: the estimate is that of the team of wijkteam in this district.\n", def.name);
  }
  const scenarios::ScenarioDef reached = sim::with_district_reach(def);
  if (def.mkba_tool.reach == "district")
    fmt::print("# Reach: type and severity shares of the district's households in the team's target "
               "(mkba_tool.reach = \"district\").\n");
  fmt::print("{}", sim::mkba_tool_table(sim::mkba_tool_estimate(reached)));
  return 0;
}

int cmd_graph(const std::string& file, const std::vector<std::string>& sets) {
  const scenarios::ScenarioDef def = SimOptions::load_named(file, sets);
  const auto graph = services::build_referral_graph(def.teams, def.dynamics.escalation);
  fmt::print("{}", services::to_dot(graph, fmt::format("wijksim referral graph: {}", def.name)));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wijksim: households and social support services in the Dutch social domain, month by month"};
  app.require_subcommand(1);
  app.set_version_flag("--version", sim::version() + " (" + sim::git_hash() + ")");

  SimOptions run_opt;
  std::string out;
  auto* run = app.add_subcommand(
      "run", "Run one scenario and write its outputs (a scenario with teams runs paired with its zero alternative)");
  run_opt.add_to(*run);
  run->add_option("--out", out, "Output folder, new, in an existing folder (default out/<scenario>-<timestamp>)");

  SimOptions cal_opt;
  bool json = false;
  auto* cal = app.add_subcommand("calibrate", "Compare the zero alternative with the sourcebook's targets");
  cal_opt.add_to(*cal);
  cal->add_flag("--json", json, "Print a JSON array instead of a table");
  bool markdown = false;
  cal->add_flag("--markdown", markdown, "Print the scenario's targets as a Markdown table (no run)");
  FitOptions fit_opt;
  cal->add_flag("--fit", fit_opt.fit,
                "Fit hazard factors to the targets (NLopt Subplex) and write the fitted scenario (see --free, --out)");
  cal->add_option("--free", fit_opt.free,
                  "With --fit: a setting to fit, KEY or KEY=LOW:HIGH (factor bounds, default 0.25:4); repeatable; "
                  "default: the care start hazards, welfare entry, the eviction and youth ladders and the eviction's shock");
  cal->add_option("--out", fit_opt.out, "With --fit: the scenario file to write (default <name>-fitted.toml)");
  cal->add_option("--evaluations", fit_opt.evaluations, "With --fit: at most this many calibration runs")
      ->check(CLI::Range(1, 100000))
      ->default_val(400);

  std::string vfile;
  std::vector<std::string> vsets;
  bool vdiff = false;
  auto* val = app.add_subcommand("validate", "Check a scenario file and print it merged, with a note for every team "
                                             "key left at a default that costs or changes nothing");
  val->add_option("file", vfile, "Scenario file or shipped name (default: the embedded default)");
  val->add_option("--set", vsets, "Override any value: key.path=value (repeatable)");
  val->add_flag("--diff", vdiff,
                "Instead of the merged scenario: the keys it changes against its parent and against the default, "
                "with old and new values");

  std::string ifile, ifrom = "default", ilang = "en";
  auto* init = app.add_subcommand(
      "init", "Write a scenario file to start from: it extends --from and holds every key of it commented out, "
              "with value, meaning, range and source");
  init->add_option("file", ifile, "The scenario file to write (must not exist)")->required();
  init->add_option("--from", ifrom, "Scenario to start from: shipped name or file")->default_val("default");
  init->add_option("--lang", ilang, "Language of the comments: en or nl")->default_val("en");

  std::string gfile;
  std::vector<std::string> gsets;
  auto* graph = app.add_subcommand(
      "graph", "Print the referral graph (teams, providers, escalation sinks) as Graphviz DOT; e.g. | dot -Tsvg");
  graph->add_option("scenario", gfile, "Scenario file or shipped name (default: the embedded default)");
  graph->add_option("--set", gsets, "Override any value: key.path=value (repeatable)");

  CompareOptions cmp_opt;
  auto* cmp = app.add_subcommand(
      "compare", "Social cost-benefit analysis (MKBA) per pocket: paired replications of the zero alternative and "
                 "project alternatives; writes report.html, mkba.xlsx, mkba.json and CSV files");
  cmp_opt.add_to(*cmp, false);

  CompareOptions sweep_opt;
  auto* sweep = app.add_subcommand(
      "sweep", "Every combination of --grid values (or --tornado: the scenario's sensitivity ranges), each paired "
               "against the same zero alternative; NPV and ratios against team budget");
  sweep_opt.add_to(*sweep, true);

  std::string tfile;
  std::vector<std::string> tsets;
  auto* tool = app.add_subcommand(
      "mkba-tool", "The static MKBA-tool estimate (SOURCEBOOK §6) of a scenario's first team: FTE from caseloads, "
                   "benefits as quantity x price, attribution, relapse, NPV over years 0-9");
  tool->add_option("scenario", tfile, "Scenario with a team (file or shipped name; default: wijkteam)");
  tool->add_option("--set", tsets, "Override any value: key.path=value (repeatable)");

  CatalogueCommands catalogue(app);  // `scenarios` and `validate-model`

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return print_parse_error(app, e) == 0 ? 0 : kBadInput;
  }

  try {
    const std::string cmdline = command_line(argc, argv);
    if (*run) return cmd_run(run_opt, out, cmdline);
    if (*cal) return fit_opt.fit ? cmd_fit(cal_opt, fit_opt, json) : cmd_calibrate(cal_opt, json, markdown);
    if (*val) return cmd_validate(vfile, vsets, vdiff);
    if (*init) return cmd_init(ifile, ifrom, ilang);
    if (*graph) return cmd_graph(gfile, gsets);
    if (*cmp) return cmd_compare(cmp_opt, cmdline);
    if (*sweep) return cmd_sweep(sweep_opt, cmdline);
    if (*tool) return cmd_mkba_tool(tfile, tsets);
    if (catalogue.given()) return catalogue.run();
  } catch (const scenarios::ScenarioError& e) {
    fmt::print(stderr, "error: {}\n", e.what());  // escaped by ScenarioError
    return kBadInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", kernel::printable(e.what()));
    return 1;
  }
  return 0;
}
