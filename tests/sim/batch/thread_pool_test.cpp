// The project's thread pool: every index once, exceptions back to the caller, nesting, shutdown.
#include "sim/batch/thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace wijksim::sim {
namespace {

/// How often each index of [0, n) was run by one parallel_for on a pool of `workers`.
std::vector<int> runs_per_index(unsigned workers, std::size_t n) {
  ThreadPool pool(workers);
  std::vector<std::atomic<int>> runs(n);
  pool.parallel_for(n, [&](std::size_t i) { ++runs[i]; });
  std::vector<int> out;
  for (const auto& r : runs) out.push_back(r.load());
  return out;
}

TEST(ThreadPool, ParallelForRunsEveryIndexExactlyOnce) {
  for (const unsigned workers : {0U, 1U, 2U, 7U})
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{1000}})
      EXPECT_EQ(runs_per_index(workers, n), std::vector<int>(n, 1)) << workers << " workers, " << n << " indices";
}

TEST(ThreadPool, ResultsWrittenByIndexDoNotDependOnTheWorkers) {
  const auto squares = [](unsigned workers) {
    ThreadPool pool(workers);
    std::vector<std::uint64_t> out(500);
    pool.parallel_for(out.size(), [&](std::size_t i) { out[i] = std::uint64_t{i} * i; });
    return out;
  };
  EXPECT_EQ(squares(0), squares(1));
  EXPECT_EQ(squares(1), squares(4));
}

TEST(ThreadPool, UsesTheWorkersAndTheCallingThread) {
  // Each index waits until two threads are inside the loop: with one worker that needs the caller as well.
  ThreadPool pool(1);
  std::atomic<int> inside{0};
  pool.parallel_for(2, [&](std::size_t) {
    ++inside;
    while (inside.load() < 2) std::this_thread::yield();
  });
  EXPECT_EQ(inside.load(), 2);
}

TEST(ThreadPool, TheExceptionOfTheLowestFailingIndexReachesTheCaller) {
  for (const unsigned workers : {0U, 1U, 3U}) {
    ThreadPool pool(workers);
    std::atomic<int> after_failure{0};
    try {
      pool.parallel_for(200, [&](std::size_t i) {
        if (i == 40 || i == 41 || i == 150) throw std::runtime_error("index " + std::to_string(i));
        if (i > 150) ++after_failure;
      });
      ADD_FAILURE() << "no exception with " << workers << " workers";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "index 40") << workers << " workers";
    }
    // Indices stop being handed out after the first failure: at most one per thread starts past index 41.
    EXPECT_LE(after_failure.load(), static_cast<int>(workers) + 1);
    // The pool is still usable after a failed loop.
    EXPECT_EQ(runs_per_index(workers, 10), std::vector<int>(10, 1));
  }
}

TEST(ThreadPool, NestedParallelForFinishesWhenEveryWorkerIsBusy) {
  // One outer index per thread, each held until every worker and the caller are inside the outer loop; then
  // each runs an inner loop on the same pool, whose helpers cannot start: the callers must do it all.
  for (const unsigned workers : {1U, 2U, 4U}) {
    ThreadPool pool(workers);
    const std::size_t threads = workers + 1;
    std::atomic<std::size_t> inside{0};
    std::vector<std::vector<int>> inner(threads, std::vector<int>(50, 0));
    pool.parallel_for(threads, [&](std::size_t o) {
      ++inside;
      while (inside.load() < threads) std::this_thread::yield();
      pool.parallel_for(inner[o].size(), [&](std::size_t i) { inner[o][i] += 1; });
    });
    for (const auto& row : inner) EXPECT_EQ(row, std::vector<int>(50, 1)) << workers << " workers";
  }
}

TEST(ThreadPool, SubmittedTasksRunOnWorkersAndCarryTheirExceptions) {
  ThreadPool pool(2);
  std::atomic<int> sum{0};
  std::vector<std::future<void>> futures;
  for (int k = 1; k <= 10; ++k) futures.push_back(pool.submit([&sum, k] { sum += k; }));
  for (auto& f : futures) f.get();
  EXPECT_EQ(sum.load(), 55);
  std::future<void> failing = pool.submit([] { throw std::logic_error("task failed"); });
  EXPECT_THROW(failing.get(), std::logic_error);
}

TEST(ThreadPool, WithoutWorkersTasksRunOnTheCallingThread) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.workers(), 0U);
  const auto caller = std::this_thread::get_id();
  std::thread::id ran_on;
  pool.submit([&] { ran_on = std::this_thread::get_id(); }).get();
  EXPECT_EQ(ran_on, caller);
  std::future<void> loop = pool.start_parallel_for(3, [&](std::size_t) { EXPECT_EQ(std::this_thread::get_id(), caller); });
  EXPECT_EQ(loop.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  loop.get();
}

TEST(ThreadPool, StartedLoopLeavesTheCallerFreeAndRethrowsOnGet) {
  ThreadPool pool(2);
  std::vector<std::atomic<int>> runs(300);
  std::future<void> all = pool.start_parallel_for(runs.size(), [&](std::size_t i) { ++runs[i]; });
  all.get();
  for (const auto& r : runs) EXPECT_EQ(r.load(), 1);

  std::future<void> failing = pool.start_parallel_for(100, [](std::size_t i) {
    if (i % 10 == 7) throw std::out_of_range(std::to_string(i));
  });
  try {
    failing.get();
    ADD_FAILURE() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "7");
  }
  EXPECT_NO_THROW(pool.start_parallel_for(0, [](std::size_t) {}).get());
}

TEST(ThreadPool, DestructionFinishesRunningWorkAndDropsTheRest) {
  std::atomic<bool> submitted{false}, release{false};
  std::atomic<int> started{0}, finished{0};
  std::future<void> running, waiting, loop;
  {
    // The running task is let go once the pool has dropped what waits (the waiting task's future is then
    // ready), so the pool is stopping by the time its one worker is free again.
    const std::jthread releaser([&] {
      while (!submitted) std::this_thread::yield();
      waiting.wait();
      release = true;
    });
    ThreadPool pool(1);
    running = pool.submit([&] {
      ++started;
      while (!release) std::this_thread::yield();
      ++finished;
    });
    loop = pool.start_parallel_for(5, [&](std::size_t) { ++started; });
    waiting = pool.submit([&] { ++started; });
    submitted = true;
    while (started.load() == 0) std::this_thread::yield();
  }
  EXPECT_EQ(finished.load(), 1);
  EXPECT_EQ(started.load(), 1);
  running.get();
  for (std::future<void>* f : {&loop, &waiting}) {
    try {
      f->get();
      ADD_FAILURE() << "a dropped task ran";
    } catch (const std::future_error& e) {
      EXPECT_EQ(e.code(), std::future_errc::broken_promise);
    }
  }
}

}  // namespace
}  // namespace wijksim::sim
