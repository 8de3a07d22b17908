// Hostile and careless input through the command line (issue "Hardening"): every case gives exit 2 with a message
// naming the file and line, the key or the option, and writes nothing. How long each takes (the promise is 5
// seconds) is measured by bench/hostile_input.sh, not asserted here.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <string>

#include "common/cli.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;

/// Every path below `dir`, to see that nothing was written.
std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) paths.insert(entry.path().string());
  return paths;
}

std::string dotted(std::size_t parts) {
  std::string key = "a";
  for (std::size_t i = 1; i < parts; ++i) key += ".a";
  return key;
}

/// A chain of `files` scenario files, chain_<i> extending chain_<i+1>; the last one extends chain_0 with `cycle`.
void extends_chain(const fs::path& dir, int files, bool cycle) {
  for (int i = 0; i < files; ++i) {
    const int next = i + 1 < files || !cycle ? i + 1 : 0;
    write_file(dir / ("chain_" + std::to_string(i) + ".toml"),
               "extends = \"chain_" + std::to_string(next) + ".toml\"\nname = \"chain\"\n");
  }
}

/// A scenario child.toml extending `target`.
std::function<void(const fs::path&)> extending(const std::string& target) {
  return [target](const fs::path& dir) { write_file(dir / "child.toml", "name = \"child\"\nextends = \"" + target + "\"\n"); };
}

// ESC as the shell writes it: `$(printf '\033')`.
const std::string kEsc = "\"$(printf '\\033')\"";

struct Hostile {
  const char* name;                                ///< test name
  std::function<void(const fs::path&)> setup;      ///< files the case needs in its folder
  std::string args;                                ///< command line after `wijksim`
  std::string expect;                              ///< regex the message must match
};

void no_files(const fs::path& /*dir*/) {}

void PrintTo(const Hostile& c, std::ostream* os) { *os << c.name; }

class HostileInput : public ::testing::TestWithParam<Hostile> {};

TEST_P(HostileInput, ExitsWithTwoNamingTheCulpritQuicklyAndWritesNothing) {
  const Hostile& c = GetParam();
  const fs::path dir = fresh_dir(std::string("hostile_") + c.name);
  c.setup(dir);
  const std::set<std::string> before = listing(dir);
  const auto start = std::chrono::steady_clock::now();
  const CliResult r = run_cli(c.args, dir);
  // Reported, not asserted (bench/hostile_input.sh collects these lines).
  std::printf("[ timing ] %s: exit %d in %.3f s\n", c.name, r.exit_code,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex(c.expect))) << r.err << "\ndoes not match " << c.expect;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "a raw escape byte reached the terminal: " << r.err;
  EXPECT_EQ(listing(dir), before) << "something was written";
  fs::remove_all(dir);
}

const std::string kLongKey = dotted(40000);  // an 80 KB line

INSTANTIATE_TEST_SUITE_P(
    Issue, HostileInput,
    ::testing::Values(
        // The loader: stack overflow in toml++, recursion, a crash in the error's key lookup.
        Hostile{"dotted_key", [](const fs::path& d) { write_file(d / "big.toml", "name = \"x\"\n" + kLongKey + " = 1\n"); },
                "validate big.toml", R"(^error: big\.toml:2: a dotted key of more than 32 parts)"},
        Hostile{"dotted_header", [](const fs::path& d) { write_file(d / "big.toml", "[" + kLongKey + "]\n"); },
                "run big.toml --out x", R"(^error: big\.toml:1: a dotted key of more than 32 parts)"},
        Hostile{"dotted_array_header",
                [](const fs::path& d) { write_file(d / "big.toml", "name = \"x\"\n[[" + kLongKey.substr(0, 4000) + "]]\n"); },
                "compare big.toml --out x", R"(^error: big\.toml:2: a dotted key of more than 32 parts)"},
        Hostile{"long_line",
                [](const fs::path& d) { write_file(d / "long.toml", "name = \"x\"\ndescription = \"" + std::string(5000, 'x') + "\"\n"); },
                "run long.toml --out x", R"(^error: long\.toml:2: line longer than 4096 bytes)"},
        Hostile{"extends_chain", [](const fs::path& d) { extends_chain(d, 10000, false); }, "validate chain_0.toml",
                R"(^error: chain_31\.toml:1: extends: more than 32 files extend each other: chain_0\.toml -> \.\.\. -> chain_32\.toml)"},
        Hostile{"extends_cycle", [](const fs::path& d) { extends_chain(d, 10000, true); }, "run chain_0.toml --out x",
                R"(^error: chain_31\.toml:1: extends: more than 32 files)"},
        Hostile{"short_cycle", [](const fs::path& d) { extends_chain(d, 3, true); }, "run chain_0.toml --out x",
                R"(^error: chain_2\.toml:1: extends: extends cycle: chain_0\.toml -> chain_1\.toml -> chain_2\.toml -> chain_0\.toml)"},
        Hostile{"bracket_line", [](const fs::path& d) { write_file(d / "bracket.toml", "x = [\n[\n1, 2 3\n]\n]\n"); },
                "run bracket.toml --out x", R"(^error: bracket\.toml:3: .*comma)"},
        // Files that are not scenarios.
        Hostile{"extends_huge",
                [](const fs::path& d) {
                  extending("huge.toml")(d);
                  { std::ofstream touch(d / "huge.toml"); }
                  fs::resize_file(d / "huge.toml", std::uintmax_t{1} << 30);
                },
                "run child.toml --out x",
                R"(^error: child\.toml:2: extends: 'huge\.toml': the file has 1073741824 bytes; a scenario file has at most 4194304 bytes)"},
        Hostile{"extends_kmsg", extending("/proc/kmsg"), "run child.toml --out x",
                R"(^error: child\.toml:2: extends: '/proc/kmsg': a file of the system .*not a scenario file)"},
        Hostile{"extends_mem", extending("/proc/self/mem"), "run child.toml --out x",
                R"(^error: child\.toml:2: extends: '/proc/self/mem': a file of the system)"},
        Hostile{"extends_fifo",
                [](const fs::path& d) {
                  extending("pipe.toml")(d);
                  ::mkfifo((d / "pipe.toml").c_str(), 0600);
                },
                "run child.toml --out x", R"(^error: child\.toml:2: extends: 'pipe\.toml': not a regular file)"},
        Hostile{"scenario_fifo", [](const fs::path& d) { ::mkfifo((d / "pipe.toml").c_str(), 0600); },
                "run pipe.toml --out x", R"(^error: pipe\.toml: not a regular file)"},
        Hostile{"extends_nul", extending("default.toml\\u0000.txt"), "run child.toml --out x",
                R"(^error: child\.toml:2: extends: a file name with a NUL character)"},
        Hostile{"escape_in_key",
                [](const fs::path& d) { write_file(d / "esc.toml", "\"\\u001b[31mred\\u001b[0m\" = 1\n"); },
                "run esc.toml --out x", R"(^error: esc\.toml:1: \\u001B\[31mred\\u001B\[0m: unknown key)"},
        Hostile{"escape_in_file_name", no_files, "validate 'x'" + kEsc + "']2;title.toml'",
                R"(^error: x\\u001B\]2;title\.toml: scenario not found)"},
        Hostile{"escape_in_option", no_files, "compare --lang " + kEsc + "'[2J' --out x",
                R"(^error: --lang: .*unknown language '\\u001B\[2J')"},
        Hostile{"escape_in_argument", no_files, "run --seed " + kEsc + "'[2J' --out x",
                R"(^--seed: .*got '\\u001B\[2J')"},
        // Unbounded work.
        Hostile{"replications", no_files, "compare --replications 4294967295 --out x",
                R"(^--replications: expected a whole number from 1 to 100000, got '4294967295')"},
        Hostile{"grid", no_files,
                "sweep --out x --grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10 "
                "--grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10 "
                "--grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10 "
                "--grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10 "
                "--grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10 "
                "--grid team.fte=1,2,3,4,5,6,7,8,9,10 --grid team.fte=1,2,3,4,5,6,7,8,9,10",
                R"(^error: --grid: the grid has more than 1000 combinations)"},
        Hostile{"threads", no_files, "run --threads 4294967295 --out x",
                R"(^--threads: expected a whole number from 0 to \d+ \(4 x cores\), got '4294967295')"},
        Hostile{"compare_threads", no_files, "compare --threads 100000 --out x", R"(^--threads: .*4 x cores)"},
        Hostile{"households_empty", no_files, "run --households '' --out x",
                R"(^--households: expected a whole number from 1 to 20000000, got '')"},
        Hostile{"households_huge", no_files, "compare --households 4294967295 --out x",
                R"(^--households: expected a whole number from 1 to 20000000)"},
        Hostile{"months", no_files, "run --months 99999 --out x", R"(^--months: expected a whole number from 1 to 1200)"},
        Hostile{"validate_model_replications", no_files, "validate-model --replications 0",
                R"(^--replications: expected a whole number from 1)"},
        // Checks before the work: the output folder.
        Hostile{"run_out_proc", no_files, "run --out /proc/x", R"(^error: --out: /proc/x is in a folder of the system)"},
        Hostile{"run_out_under_file", [](const fs::path& d) { write_file(d / "f", ""); }, "run --out f/x",
                R"(^error: --out: .*/f is not a folder)"},
        Hostile{"run_out_dangling_link", [](const fs::path& d) { fs::create_symlink("nowhere", d / "link"); },
                "run --out link", R"(^error: --out: link is a link to nothing)"},
        Hostile{"run_out_long_name", no_files, "run --out " + std::string(300, 'n'),
                R"(^error: --out: the folder name has 300 bytes; at most 200)"},
        Hostile{"run_out_missing_parent", no_files, "run --out no/such/x",
                R"(^error: --out: folder .*/no/such does not exist; create it first)"},
        Hostile{"compare_out_proc", no_files, "compare --out /proc/x", R"(^error: --out: /proc/x is in a folder of the system)"},
        Hostile{"compare_out_under_file", [](const fs::path& d) { write_file(d / "f", ""); }, "compare --out f/x",
                R"(^error: --out: .*/f is not a folder)"},
        Hostile{"sweep_out_sys", no_files, "sweep --grid team.fte=2,4 --out /sys/x",
                R"(^error: --out: /sys/x is in a folder of the system)"},
        Hostile{"validate_model_check_missing", no_files, "validate-model --check /missing.md",
                R"(^error: --check: /missing\.md does not exist)"},
        Hostile{"validate_model_out_proc", no_files, "validate-model --out /proc/x.md",
                R"(^error: --out: /proc/x\.md is in a folder of the system)"},
        Hostile{"validate_model_out_folder", [](const fs::path& d) { fs::create_directory(d / "docs"); },
                "validate-model --out docs", R"(^error: --out: docs exists and is not a regular file)"}),
    [](const ::testing::TestParamInfo<Hostile>& param) { return std::string(param.param.name); });

// --- A scenario's name is a label ------------------------------------------------------------------

TEST(HostileInput, ScenarioNameNeverLeavesTheOutputFolder) {
  const fs::path dir = fresh_dir("hostile_name");
  const std::string escape = "wijksim-escape-" + std::to_string(::getpid());
  write_file(dir / "up.toml", "name = \"../../../" + escape + "\"\nextends = \"default.toml\"\n");
  write_file(dir / "abs.toml", "name = \"/" + escape + "/x\"\nextends = \"" + std::string(WIJKSIM_SCENARIO_DIR) +
                                   "/wijkteam.toml\"\n");
  const std::string small = " --households 300 --months 12 --set run.warmup_months=1";
  const CliResult run = run_cli("run up.toml" + small, dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const CliResult compare = run_cli("compare abs.toml" + small + " --replications 2", dir);
  ASSERT_EQ(compare.exit_code, 0) << compare.err;
  // Both folders are inside out/, named by the slug of the name.
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir / "out")) names.insert(entry.path().filename().string());
  ASSERT_EQ(names.size(), 2u);
  EXPECT_TRUE(names.begin()->starts_with("compare-")) << *names.begin();
  EXPECT_TRUE(names.rbegin()->starts_with(escape + "-")) << *names.rbegin();
  for (const std::string& name : names) {
    EXPECT_NE(name.find(escape), std::string::npos) << name;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
              std::string::npos)
        << name;
  }
  // Nothing where the name points.
  for (const fs::path& place : {fs::path("/"), dir.parent_path(), dir}) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(place, error))
      EXPECT_EQ(entry.path().filename().string().find(escape), std::string::npos) << entry.path();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace wijksim::testing
