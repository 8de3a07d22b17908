// wijksim-viz: households, services and money flowing, live, for trainers and planners.
// Exit codes: 0 success, 1 failure while running (no display, no font, cannot write), 2 bad input.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "scenarios/loader.hpp"
#include "sim/cli/options.hpp"
#include "sim/io/output_path.hpp"
#include "sim/kernel/printable.hpp"
#include "viz/app.hpp"
#include "viz/display.hpp"

namespace {

using namespace wijksim;

constexpr int kBadInput = 2;

constexpr const char* kDescription =
    "wijksim-viz: households, services and money flowing between problem levels, live.\n"
    "Without a scenario it shows the shipped `wijkteam` scenario (the default district plus one\n"
    "neighbourhood team), so a team is on screen. Each configuration is paired with its zero\n"
    "alternative (same households, same random numbers, no team).\n"
    "Keys: Space play/pause, Right step, +/- speed, R reset, S new seed, T team on/off, M mandate,\n"
    "Up/Down FTE, Y money cumulative/this year, J J-curve, W save configuration, C split screen, Tab side, L language, P screenshot,\n"
    "H help, Esc quit.\n"
    "Headless (no user input, works under xvfb-run): --months N --screenshot FILE.png and/or --frames DIR.";

/// The configurations named on the command line, with the overrides applied to each.
std::vector<scenarios::ScenarioDef> load_configurations(const viz::Options& o) {
  std::vector<std::string> overrides = o.sets;
  if (o.households) overrides.push_back(fmt::format("run.households={}", *o.households));
  if (o.seed) overrides.push_back(fmt::format("run.seed={}", *o.seed));
  if (o.bench_frames > 0) overrides.push_back(fmt::format("run.months={}", std::max(120U, o.bench_frames + 2)));
  std::vector<scenarios::ScenarioDef> defs;
  defs.push_back(scenarios::load_scenario(scenarios::resolve_scenario(o.scenario.empty() ? "wijkteam" : o.scenario),
                                          overrides));
  if (!o.compare.empty())
    defs.push_back(scenarios::load_scenario(scenarios::resolve_scenario(o.compare), overrides));
  return defs;
}

/// Two configurations are shown on the same households when everything that makes the households and their
/// months is equal: size, seed, population, network, dynamics, levels, care as usual and providers.
std::vector<std::string_view> household_differences(const scenarios::ScenarioDef& a, const scenarios::ScenarioDef& b) {
  std::vector<std::string_view> differ;
  if (a.run.households != b.run.households) differ.emplace_back("run.households");
  if (a.run.seed != b.run.seed) differ.emplace_back("run.seed");
  if (!(a.population == b.population)) differ.emplace_back("population");
  if (!(a.network == b.network)) differ.emplace_back("network");
  if (!(a.dynamics == b.dynamics)) differ.emplace_back("dynamics");
  if (!(a.level == b.level)) differ.emplace_back("level");
  if (!(a.care == b.care)) differ.emplace_back("care");
  if (!(a.providers == b.providers)) differ.emplace_back("providers");
  return differ;
}

/// Where headless output goes, checked before anything is simulated.
void check_outputs(const viz::Options& o) {
  if (!o.screenshot.empty()) sim::check_output_file(o.screenshot, "--screenshot");
  if (!o.save_as.empty()) sim::check_output_file(o.save_as, "--save-as");
  if (!o.team_figures.empty()) sim::check_output_file(o.team_figures, "--team-figures");
  std::error_code error;
  if (!o.frames.empty() && !std::filesystem::is_directory(o.frames, error))
    sim::check_output_folder(o.frames, "--frames");
}

/// DejaVu Sans from fonts-dejavu-core; false with a message when it is missing.
bool load_fonts(viz::Fonts& fonts) {
  const auto regular = viz::find_font(false);
  if (!regular || !fonts.regular.loadFromFile(regular->string())) {
    std::cerr << "error: font DejaVuSans.ttf not found (looked in /usr/share/fonts/truetype/dejavu and other font "
                 "folders); install it with: sudo apt-get install fonts-dejavu-core\n";
    return false;
  }
  const auto bold = viz::find_font(true);
  if (!bold || !fonts.bold.loadFromFile(bold->string())) fonts.bold = fonts.regular;
  return true;
}

/// Mesa's software renderer (llvmpipe, as under Xvfb) allocates and frees large buffers on every draw call.
/// With glibc's default thresholds each one is a fresh mmap, and the page faults cost more than the drawing;
/// keeping them on the heap made frames about five times faster.
void keep_large_buffers_on_heap() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_large_buffers_on_heap();
  viz::Options o;
  std::string lang = "en";
  CLI::App cli(kDescription, "wijksim-viz");
  cli.add_option("scenario", o.scenario, "Scenario file or shipped name (default: wijkteam)");
  cli.add_option("--compare", o.compare, "A second configuration shown beside the first (A/B split screen)");
  cli.add_option("--lang", lang, "Labels: nl or en")->check(CLI::IsMember({"nl", "en"}))->default_val("en");
  cli.add_option("--seed", o.seed, "Override run.seed")->check(cli::whole_number(0, UINT64_MAX));
  cli.add_option("--households", o.households, "Override run.households (dots: all up to 10,000, a sample above)")
      ->check(cli::whole_number(1, cli::maxima::kHouseholds));
  cli.add_option("--set", o.sets, "Override any scenario value: key.path=value (repeatable)");
  cli.add_option("--months", o.months, "Headless: months to simulate before the screenshot (default 12)")
      ->check(cli::whole_number(1, cli::maxima::kMonths));
  cli.add_option("--screenshot", o.screenshot, "Headless: write this PNG after --months and exit");
  cli.add_option("--frames", o.frames, "Headless: write a numbered PNG sequence (6 frames a month) to this folder");
  cli.add_option("--keys", o.keys, "Headless: keys pressed before the first month, e.g. m,up,c,h (names as in help)")
      ->delimiter(',')
      ->check([](const std::string& name) {
        return viz::key_from_name(name) ? std::string() : "unknown key '" + name + "'";
      });
  cli.add_option("--mouse", o.mouse, "Headless: mouse at x,y (pixels) to show a household's or pocket's tip")
      ->delimiter(',')
      ->expected(2);
  cli.add_flag("--present", o.present, "Presenter mode: large fonts, one panel (keys 1-5, Shift adds a second), "
               "a caption line (F toggles)");
  cli.add_option("--script", o.script, "Workshop script for presenter mode: [[step]] tables (month, caption, pause, "
                 "panels, team, mandate, fte, lang, present)");
  cli.add_option("--save-as", o.save_as, "W saves the configuration to this TOML file (default: a timestamped name)");
  cli.add_option("--team-figures", o.team_figures,
                 "Headless: write the first team's figures every month as CSV (the rows of teams_by_month.csv)");
  cli.add_flag("--check-text", o.check_text,
               "Headless: draw every view (1280x720 and 1600x900, en and nl, single and split, panels, tips, help) "
               "after --months (default 24) and list every text that leaves its panel; exit 1 if any does");
  cli.add_flag("--check-inject", o.check_inject,
               "With --check-text: draw each panel's title again, doubled and unmeasured, so the check must fail");
  cli.add_option("--bench-frames", o.bench_frames, "Frame-time benchmark: frames per measurement; prints fps")
      ->check(cli::whole_number(0, cli::maxima::kFrames));
  cli.add_option("--width", o.width, "Window width in pixels")->default_val(1600)->check(CLI::Range(640U, 7680U));
  cli.add_option("--height", o.height, "Window height in pixels")->default_val(900)->check(CLI::Range(480U, 4320U));
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli::print_parse_error(cli, e) == 0 ? 0 : kBadInput;
  }
  o.lang = *viz::lang_from_name(lang);
  std::vector<scenarios::ScenarioDef> defs;
  try {
    defs = load_configurations(o);
    if (defs.size() == 2) {
      const auto differ = household_differences(defs[0], defs[1]);
      if (!differ.empty())
        throw scenarios::ScenarioError(
            o.compare, 0, std::string(differ.front()),
            fmt::format("not the same district as '{}' ({} differ): the split screen shows two configurations on "
                        "the same households, so both need the same households, seed and district",
                        defs[0].name, fmt::join(differ, ", ")));
    }
    if (!o.script.empty()) {
      sim::check_input_file(o.script, "--script");
      o.steps = viz::load_script(o.script);
    }
    check_outputs(o);
  } catch (const scenarios::ScenarioError& e) {
    std::cerr << "error: " << e.what() << "\n";  // escaped by ScenarioError
    return kBadInput;
  } catch (const viz::ScriptError& e) {
    std::cerr << "error: " << kernel::printable(e.what()) << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    // Whatever else a scenario file made go wrong is still bad input, said without a crash.
    std::cerr << "error: " << kernel::printable(e.what()) << "\n";
    return kBadInput;
  }
  if (!viz::display_available()) return 1;
  viz::Fonts fonts;
  if (!load_fonts(fonts)) return 1;
  try {
    viz::App app(o, fonts, defs);
    if (o.bench_frames > 0) return app.run_bench();
    if (o.check_text) return app.run_text_check();
    if (o.headless()) return app.run_headless();
    return app.run_window();
  } catch (const std::exception& e) {
    std::cerr << "error: " << kernel::printable(e.what()) << "\n";
    return 1;
  }
}
