#pragma once
// The project's one thread pool: the replications of `compare` and `sweep`, the slices of a distributed batch, the
// process figures of `validate-model` and the household chunks of a world's month all run on it. A fixed number
// of workers takes tasks from one queue; a loop over an index range hands out its indices through an atomic
// counter, so a fast worker simply takes more of them. Which thread runs an index never changes a result: the
// callers write each index's result to its own place and fold them in index order.
//
// Rules of use:
// - parallel_for may be nested (called from a task or a loop body running on the same pool): the calling thread
//   works through the indices itself and never waits for a worker to become free, only for indices other threads
//   are already running.
// - A task must not wait for the future of another task or loop of its own pool (it may wait for nothing that
//   needs a free worker): with every worker waiting, nothing would run.
// - Destroy the pool from outside its own tasks. Destruction lets running tasks and loop indices finish, starts
//   nothing new and joins; the futures of what never started report std::future_errc::broken_promise.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace wijksim::sim {

class ThreadPool {
 public:
  /// Starts `workers` threads. With none, every task and loop runs on the thread that submits it.
  explicit ThreadPool(unsigned workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

  /// Runs `task` on a worker, in submission order; the future carries its exception.
  std::future<void> submit(std::function<void()> task);

  /// Calls body(i) exactly once for every i in [0, n), on the workers and the calling thread, and returns when
  /// every call has returned. After a call throws, no further index starts; once the running ones are done, the
  /// exception of the lowest index that threw is rethrown (the same one whatever the number of workers, if the
  /// body is deterministic: indices start in increasing order).
  void parallel_for(std::size_t n, const std::function<void(std::size_t)>& body);

  /// parallel_for on the workers only, leaving the calling thread free (progress, messages) until it waits on the
  /// returned future, which then rethrows as parallel_for does. `body` is copied; what it refers to must stay
  /// alive until the future is ready or the pool is gone.
  std::future<void> start_parallel_for(std::size_t n, std::function<void(std::size_t)> body);

 private:
  struct Loop;
  /// Takes indices of `loop` until none is left (or, on a worker, until the pool stops).
  void run_indices(Loop& loop, bool on_worker) const;
  void enqueue(std::function<void()> task);
  void work(const std::stop_token& stop);

  std::mutex mutex_;
  std::condition_variable_any queued_;  ///< a task was queued (or the pool stops)
  std::deque<std::function<void()>> queue_;
  std::atomic<bool> stopping_{false};
  std::vector<std::jthread> threads_;  ///< last: joined before the members above go
};

}  // namespace wijksim::sim
