// `mpirun wijksim compare|sweep` on loopback: the same files as one process whatever the ranks and threads,
// a rank killed mid-run and the run resumed, bad input reported once.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <functional>
#include <thread>
#include <tuple>

#include "common/cli.hpp"

namespace wijksim::testing {
namespace {

namespace fs = std::filesystem;

// Open MPI refuses root (CI, these machines) unless told. Sanitizer build: Open MPI keeps allocations it never
// frees (its runtime, hwloc, libevent); the suppressions name those libraries only, so leaks in wijksim are still
// reported. They match only with the slow unwinder, as Open MPI is built without frame pointers.
const std::string kEnvironment =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
    "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0 "
    "LSAN_OPTIONS=suppressions=" +
    std::string(WIJKSIM_LSAN_SUPPRESSIONS);

const std::string kSmall = "--households 1000 --months 24 --set run.warmup_months=12 --replications 4";
// Files that must not depend on ranks, threads, timing or interruption (the manifest records timings).
const std::vector<std::string> kDeterministic{
    "mkba.json",           "pockets_by_year.csv", "npv_by_pocket.csv", "ratios.csv",       "net_by_year.csv",
    "levels_by_month.csv", "flows_by_month.csv",  "events.csv",        "replications.csv", "report.html"};

/// The command line of `mpirun -np ranks wijksim ARGS`, with `prefix` (e.g. timeout) before mpirun.
std::string mpirun(unsigned ranks, const std::string& args, const std::string& prefix = "") {
  return kEnvironment + " " + prefix + "'" + std::string(WIJKSIM_MPIEXEC) + "' --oversubscribe --bind-to none -np " +
         std::to_string(ranks) + " '" + std::string(WIJKSIM_BINARY) + "' " + args;
}

/// Run mpirun in cwd, bounded in time so a hanging job fails the test instead of the suite.
CliResult run_mpi(unsigned ranks, const std::string& args, const fs::path& cwd) {
  const fs::path out = cwd / "mpirun.out", err = cwd / "mpirun.err";
  const std::string cmd = "cd '" + cwd.string() + "' && " + mpirun(ranks, args, "timeout 300 ") + " >'" + out.string() +
                          "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  CliResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  fs::remove(out);
  fs::remove(err);
  return r;
}

void expect_same_files(const fs::path& a, const fs::path& b, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> files = kDeterministic;
  files.insert(files.end(), extra.begin(), extra.end());
  for (const std::string& f : files) {
    ASSERT_TRUE(fs::exists(b / f)) << (b / f);
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f << " differs between " << a.filename() << " and " << b.filename();
  }
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::size_t checkpoints(const fs::path& dir) {
  std::size_t n = 0;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".json" ? 1 : 0;
  return n;
}

/// The process with parent `parent` whose environment says it is MPI rank `rank`; 0 if none.
pid_t child_rank(pid_t parent, int rank) {
  const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  for (const auto& e : fs::directory_iterator("/proc")) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const std::string stat = slurp(e.path() / "stat");
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos || std::atoi(stat.c_str() + close + 4) != parent) continue;
    std::string environ = slurp(e.path() / "environ");
    std::replace(environ.begin(), environ.end(), '\0', '\n');
    if (("\n" + environ).find("\n" + wanted + "\n") != std::string::npos) return std::stoi(name);
  }
  return 0;
}

TEST(DistributedCompare, SameFilesForOneProcessTwoRanksAndTwoThreads) {
  const auto dir = fresh_dir("mpi_compare");
  const CliResult one = run_cli("compare " + kSmall + " --threads 1 --out one", dir);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult ranks = run_mpi(2, "compare " + kSmall + " --threads 1 --out ranks", dir);
  ASSERT_EQ(ranks.exit_code, 0) << ranks.err;
  const CliResult threads = run_mpi(1, "compare " + kSmall + " --threads 2 --out threads", dir);
  ASSERT_EQ(threads.exit_code, 0) << threads.err;
  expect_same_files(dir / "one", dir / "ranks");
  expect_same_files(dir / "one", dir / "threads");
  // Rank 0 alone prints the table and writes the files; the manifest records the ranks.
  EXPECT_EQ(count(ranks.out, "MKBA: wijkteam (continuous)"), 1u) << ranks.out;
  EXPECT_NE(ranks.out.find("on 2 ranks, 2 thread(s)"), std::string::npos) << ranks.out;
  EXPECT_NE(slurp(dir / "ranks" / "manifest.json").find("\"ranks\": 2,"), std::string::npos);
  EXPECT_NE(slurp(dir / "one" / "manifest.json").find("\"ranks\": 1,"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "ranks.partial"));
}

TEST(DistributedSweep, SameFilesForOneProcessTwoRanksAndTwoThreads) {
  const auto dir = fresh_dir("mpi_sweep");
  const std::string sweep =
      "sweep wijkteam --households 1000 --months 24 --set run.warmup_months=12 "
      "--replications 3 --grid team.fte=2,6 --grid team.target=orange,orange+red";
  ASSERT_EQ(run_cli(sweep + " --threads 1 --out one", dir).exit_code, 0);
  // Ranks, threads per rank; four threads for three replications cut replications into slices of cells.
  const std::vector<std::tuple<unsigned, unsigned, std::string>> runs{
      {2, 1, "ranks"}, {1, 2, "threads"}, {2, 2, "slices"}};
  for (const auto& [ranks, threads, out] : runs) {
    const CliResult r = run_mpi(ranks, sweep + " --threads " + std::to_string(threads) + " --out " + out, dir);
    ASSERT_EQ(r.exit_code, 0) << out << "\n" << r.err;
    expect_same_files(dir / "one", dir / out, {"sweep.csv", "sweep.html"});
  }
}

TEST(DistributedCompare, KilledRankStopsTheRunAndResumeFinishesIt) {
  const auto dir = fresh_dir("mpi_resume");
  const std::string args = "compare --households 2000 --months 36 --replications 8 --threads 1";
  ASSERT_EQ(run_cli(args + " --out whole", dir).exit_code, 0);
  // Two ranks in the background; the shell records mpirun's process id and, at the end, its exit code.
  const std::string start = "cd '" + dir.string() + "' && ( (" + mpirun(2, args + " --out cut") +
                            " >out 2>err & echo $! >pid; wait $!; echo $? >rc) & )";
  ASSERT_EQ(std::system(start.c_str()), 0);
  const fs::path done = dir / "cut.partial" / "replications";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  const auto wait_for = [&](const std::function<bool()>& ready) {
    while (!ready() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return ready();
  };
  // Once rank 0 has checkpointed a replication, rank 1 is past MPI's start-up and holds a slice of the queue.
  // Rank 1 hangs first (a stuck node), so the run cannot end without it while rank 0 checkpoints what it
  // computes itself; then rank 1 dies.
  ASSERT_TRUE(wait_for([&] { return checkpoints(done) >= 1; })) << slurp(dir / "err");
  const pid_t rank1 = child_rank(std::stoi(slurp(dir / "pid")), 1);
  ASSERT_GT(rank1, 0) << "rank 1 not found";
  ASSERT_EQ(::kill(rank1, SIGSTOP), 0);
  ASSERT_TRUE(wait_for([&] { return checkpoints(done) >= 3; })) << slurp(dir / "err");
  ASSERT_EQ(::kill(rank1, SIGKILL), 0);
  ASSERT_TRUE(wait_for([&] { return !slurp(dir / "rc").empty(); }));
  // The job stops with the reason and what to do next; the checkpoints stay, no output folder appears.
  EXPECT_NE(std::atoi(slurp(dir / "rc").c_str()), 0);
  const std::string err = slurp(dir / "err");
  EXPECT_NE(err.find("the MPI job was ended before the run was complete"), std::string::npos) << err;
  EXPECT_NE(err.find("`wijksim compare --resume cut`"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "cut"));
  ASSERT_LT(checkpoints(done), 8u);
  // Resume with another number of ranks.
  const CliResult resumed = run_mpi(3, "compare --resume cut --threads 1", dir);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_same_files(dir / "whole", dir / "cut");
}

TEST(DistributedCompare, BadInputIsReportedOnceAndNothingWritten) {
  const auto dir = fresh_dir("mpi_bad");
  const CliResult r = run_mpi(2, "compare default --out x", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count(r.err, "has no [[teams]]"), 1u) << r.err;
  EXPECT_FALSE(fs::exists(dir / "x"));
  EXPECT_FALSE(fs::exists(dir / "x.partial"));
}

}  // namespace
}  // namespace wijksim::testing
