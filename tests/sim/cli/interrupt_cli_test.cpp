// Interrupts, concurrent runs and half-finished work folders of `compare` and `run`: SIGTERM and SIGINT say how to
// resume (exit 143 and 130), a resumed run writes the same bytes, one process per output folder, and every
// half-state gets a message that says what to do.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <thread>

#include "common/cli.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Small enough for the sanitizer build, long enough (several seconds in Release) to be interrupted between
// checkpoints.
const std::string kJob = "compare --households 1500 --months 36 --set run.warmup_months=12 --replications 8 --threads 1";

std::size_t checkpoints(const fs::path& work) {
  std::error_code error;
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(work / "replications", error)) n += e.path().extension() == ".json";
  return n;
}

/// Every file of a finished comparison but the manifest (which records wall time and threads).
void expect_same_files(const fs::path& a, const fs::path& b) {
  std::set<std::string> names_a, names_b;
  for (const auto& e : fs::directory_iterator(a)) names_a.insert(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(b)) names_b.insert(e.path().filename().string());
  EXPECT_EQ(names_a, names_b);
  names_a.erase("manifest.json");
  for (const std::string& f : names_a) EXPECT_TRUE(slurp(a / f) == slurp(b / f)) << f << " differs";
}

/// Each moment at which the run is interrupted: when its work folder is set up, after the first checkpoint,
/// halfway, and once every checkpoint is there (while the files are written).
struct Moment {
  const char* name;
  std::function<bool(const fs::path& work)> reached;
};

TEST(Interrupts, CompareInterruptedBySignalsAtAnyMomentResumesToIdenticalFiles) {
  const fs::path dir = fresh_dir("interrupt_compare");
  const auto start = Clock::now();
  ASSERT_EQ(run_cli(kJob + " --out whole", dir).exit_code, 0);
  const std::vector<Moment> moments{
      {"set up", [](const fs::path& w) { return fs::exists(w / "job.txt"); }},
      {"first checkpoint", [](const fs::path& w) { return checkpoints(w) >= 1; }},
      {"halfway", [](const fs::path& w) { return checkpoints(w) >= 4; }},
      {"last checkpoint", [](const fs::path& w) { return checkpoints(w) >= 8; }},
  };
  int interrupted = 0;
  for (const int signal : {SIGTERM, SIGINT}) {
    for (const Moment& m : moments) {
      SCOPED_TRACE(std::string(m.name) + (signal == SIGTERM ? " SIGTERM" : " SIGINT"));
      const std::string out = "cut" + std::to_string(signal) + "_" + std::to_string(&m - moments.data());
      const fs::path work = dir / (out + ".partial");
      // The first run is interrupted at the moment, then a resume is interrupted at the next checkpoint too.
      BackgroundCli run(kJob + " --out " + out, dir, out + ".log", out + ".err");
      if (run.wait_for([&] { return m.reached(work); })) run.signal(signal);
      const int code = run.wait();
      const std::string err = slurp(dir / (out + ".err"));
      if (fs::exists(work)) {
        ++interrupted;
        EXPECT_EQ(code, 128 + signal) << err;
        EXPECT_NE(err.find("interrupted: every finished replication is kept in " + out + ".partial/replications; "
                           "`wijksim compare --resume " + out + "` finishes the run"),
                  std::string::npos)
            << err;
        EXPECT_FALSE(fs::exists(dir / out));
        const std::size_t before = checkpoints(work);
        BackgroundCli resume("compare --resume " + out, dir, out + ".log", out + ".err");
        if (resume.wait_for([&] { return checkpoints(work) > before; })) resume.signal(signal);
        resume.wait();
      } else {
        // The signal came while the files were written: they are complete, and the run says so.
        EXPECT_EQ(code, 0) << err;
      }
      if (fs::exists(work)) {
        const CliResult resumed = run_cli("compare --resume " + out, dir);
        ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
      }
      ASSERT_TRUE(fs::exists(dir / out));
      EXPECT_FALSE(fs::exists(work));
      expect_same_files(dir / "whole", dir / out);
    }
  }
  EXPECT_GE(interrupted, 4) << "too few runs were caught between checkpoints to test anything";
  std::printf("[ timing ] interrupted and resumed %d of 8 runs in %.1f s\n", interrupted,
              std::chrono::duration<double>(Clock::now() - start).count());
  fs::remove_all(dir);
}

/// Whether process `pid` has a handler for `signal` (SigCgt in /proc/<pid>/status).
bool catches(pid_t pid, int signal) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("SigCgt:")) return (std::stoull(line.substr(7), nullptr, 16) >> (signal - 1)) & 1U;
  return false;
}

TEST(Interrupts, RunEndedBySignalLeavesNothing) {
  const fs::path dir = fresh_dir("interrupt_run");
  // Simulating 400,000 households takes seconds even in an optimised build; the signal comes once the run has its
  // handler (before, the process is still starting and would simply be ended).
  BackgroundCli run("run --households 400000 --months 120 --out r", dir, "log", "err");
  ASSERT_TRUE(run.wait_for([&] { return catches(run.pid(), SIGTERM); })) << slurp(dir / "err");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  run.signal(SIGTERM);
  EXPECT_EQ(run.wait(), 143);
  EXPECT_NE(slurp(dir / "err").find("interrupted: nothing was written"), std::string::npos) << slurp(dir / "err");
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.insert(e.path().filename().string());
  EXPECT_EQ(left, (std::set<std::string>{"err", "log"}));  // no r, no .r.tmp-<pid>
  fs::remove_all(dir);
}

// --- One process per output folder -----------------------------------------------------------------

TEST(Interrupts, SecondProcessOnTheSameFolderNamesTheFirst) {
  const fs::path dir = fresh_dir("interrupt_lock");
  BackgroundCli first(kJob + " --out busy", dir, "log", "err");
  ASSERT_TRUE(first.wait_for([&] { return fs::exists(dir / "busy.partial" / "job.txt"); })) << slurp(dir / "err");
  const std::string pid = "(pid " + std::to_string(first.pid()) + ")";
  const CliResult again = run_cli(kJob + " --out busy", dir);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("error: --out: another wijksim process " + pid + " is working on busy.partial"),
            std::string::npos)
      << again.err;
  const CliResult resume = run_cli("compare --resume busy", dir);
  EXPECT_EQ(resume.exit_code, 2);
  EXPECT_NE(resume.err.find("error: --resume: another wijksim process " + pid + " is working on busy.partial"),
            std::string::npos)
      << resume.err;
  first.signal(SIGTERM);
  EXPECT_EQ(first.wait(), 143);
  // Once it has ended, the folder is free: the interrupted run resumes.
  const CliResult resumed = run_cli("compare --resume busy", dir);
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  fs::remove_all(dir);
}

// --- Half-states -----------------------------------------------------------------------------------

/// Start a run and end it with SIGKILL once it has `n` checkpoints: a work folder as a crash leaves it.
void killed_run(const fs::path& dir, const std::string& out, std::size_t n) {
  BackgroundCli run(kJob + " --out " + out, dir, out + ".log", out + ".err");
  const fs::path work = dir / (out + ".partial");
  ASSERT_TRUE(run.wait_for([&] { return checkpoints(work) >= n; }));
  run.signal(SIGKILL);
  run.wait();
}

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) paths.insert(entry.path().string());
  return paths;
}

TEST(Interrupts, EveryHalfStateSaysWhatToDoAndWritesNothing) {
  const fs::path dir = fresh_dir("interrupt_half");
  // A work folder without job.txt, with an empty one, with a damaged one.
  fs::create_directory(dir / "bare.partial");
  fs::create_directory(dir / "empty.partial");
  write_file(dir / "empty.partial" / "job.txt", "");
  fs::create_directory(dir / "damaged.partial");
  write_file(dir / "damaged.partial" / "job.txt", "kind compare\nmode\n");
  const std::set<std::string> before = listing(dir);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"bare", "bare.partial holds a run that cannot be resumed: there is no job.txt (the run stopped before it was "
               "set up); remove bare.partial and start again"},
      {"empty", "empty.partial holds a run that cannot be resumed: empty.partial/job.txt is empty; remove "
                "empty.partial and start again"},
      {"damaged", "damaged.partial holds a run that cannot be resumed: damaged.partial/job.txt is damaged ("},
  };
  for (const auto& [out, message] : cases) {
    // The same message whether the folder is met by a new run or by --resume.
    for (const std::string& args : {kJob + " --out " + out, "compare --resume " + out}) {
      const CliResult r = run_cli(args, dir);
      EXPECT_EQ(r.exit_code, 2) << args;
      EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    }
  }
  EXPECT_EQ(listing(dir), before) << "a refused run wrote something";
  fs::remove_all(dir);
}

TEST(Interrupts, DamagedCheckpointIsNamedAndRemovingItRecovers) {
  const fs::path dir = fresh_dir("interrupt_checkpoint");
  ASSERT_EQ(run_cli(kJob + " --out whole", dir).exit_code, 0);
  killed_run(dir, "cut", 3);
  const fs::path bad = fs::path("cut.partial") / "replications" / "replication-000001.json";
  write_file(dir / bad, "{\"schema\": \"wijksim-replication/2\", \"replicat");
  write_file(dir / "cut.partial" / "replications" / "replication-000002.json.tmp", "half a checkpo");
  const CliResult damaged = run_cli("compare --resume cut", dir);
  EXPECT_EQ(damaged.exit_code, 2);
  EXPECT_NE(damaged.err.find("error: --resume: " + bad.string() + ": not a usable replication checkpoint"),
            std::string::npos)
      << damaged.err;
  EXPECT_NE(damaged.err.find("remove that file and resume with `wijksim compare --resume cut` (its replication is "
                             "computed again)"),
            std::string::npos)
      << damaged.err;
  fs::remove(dir / bad);
  const CliResult resumed = run_cli("compare --resume cut", dir);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_same_files(dir / "whole", dir / "cut");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace wijksim::testing
