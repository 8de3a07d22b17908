#include "sim/batch/thread_pool.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <utility>

namespace wijksim::sim {

/// One parallel_for: the indices still to hand out, the threads inside it and the first failure.
struct ThreadPool::Loop {
  Loop(std::size_t count, std::function<void(std::size_t)> fn, bool settles)
      : n(count), body(std::move(fn)), async(settles) {}

  const std::size_t n;
  const std::function<void(std::size_t)> body;
  const bool async;                 ///< started by start_parallel_for: `done` is settled by the last thread out
  std::atomic<std::size_t> next{0};  ///< the next index to hand out (n or more: none left)
  std::mutex mutex;
  std::condition_variable idle;  ///< `running` dropped to zero
  std::size_t running = 0;       ///< threads inside run_indices
  std::size_t failed = std::numeric_limits<std::size_t>::max();  ///< lowest index that threw
  std::exception_ptr failure;                                     ///< its exception
  std::promise<void> done;
  bool settled = false;

  /// Under `mutex`: the loop's outcome into `done`.
  void settle() {
    settled = true;
    if (failure) done.set_exception(std::exchange(failure, nullptr));
    else done.set_value();
  }
};

ThreadPool::ThreadPool(unsigned workers) {
  threads_.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) threads_.emplace_back([this](const std::stop_token& stop) { work(stop); });
}

ThreadPool::~ThreadPool() {
  stopping_ = true;
  std::deque<std::function<void()>> dropped;  // destroyed outside the lock: their futures break
  {
    const std::lock_guard lock(mutex_);
    dropped.swap(queue_);
  }
  // Stop them all before the first join, so no worker takes another task meanwhile.
  for (std::jthread& t : threads_) t.request_stop();
}

std::future<void> ThreadPool::submit(std::function<void()> task) {
  auto job = std::make_shared<std::packaged_task<void()>>(std::move(task));
  std::future<void> result = job->get_future();
  if (threads_.empty()) (*job)();
  else enqueue([job] { (*job)(); });
  return result;
}

void ThreadPool::parallel_for(std::size_t n, const std::function<void(std::size_t)>& body) {
  if (n == 0) return;
  if (n == 1) return body(0);  // nothing to share (a world's month on one thread)
  const auto loop = std::make_shared<Loop>(n, body, false);
  // The caller takes indices too, so one index fewer than the helpers would cover alone.
  const std::size_t helpers = std::min<std::size_t>(threads_.size(), n - 1);
  for (std::size_t h = 0; h < helpers; ++h) enqueue([this, loop] { run_indices(*loop, true); });
  run_indices(*loop, false);
  // Every index has been handed out: wait only for those other threads are still running. Helpers that start
  // later find nothing left.
  std::unique_lock lock(loop->mutex);
  loop->idle.wait(lock, [&] { return loop->running == 0; });
  // Taken out of the loop, which a late helper may still hold, so that the exception ends with the caller.
  if (loop->failure) std::rethrow_exception(std::exchange(loop->failure, nullptr));
}

std::future<void> ThreadPool::start_parallel_for(std::size_t n, std::function<void(std::size_t)> body) {
  const auto loop = std::make_shared<Loop>(n, std::move(body), true);
  std::future<void> result = loop->done.get_future();
  if (n == 0) {
    loop->done.set_value();
  } else if (threads_.empty()) {
    run_indices(*loop, false);
  } else {
    const std::size_t helpers = std::min<std::size_t>(threads_.size(), n);
    for (std::size_t h = 0; h < helpers; ++h) enqueue([this, loop] { run_indices(*loop, true); });
  }
  return result;
}

void ThreadPool::run_indices(Loop& loop, bool on_worker) const {
  {
    const std::lock_guard lock(loop.mutex);
    ++loop.running;
  }
  // A stopping pool leaves the rest of a loop to the thread that called parallel_for (a started loop is abandoned).
  while (!(on_worker && stopping_)) {
    const std::size_t i = loop.next++;
    if (i >= loop.n) break;
    try {
      loop.body(i);
    } catch (...) {
      const std::lock_guard lock(loop.mutex);
      if (i < loop.failed) {
        loop.failed = i;
        loop.failure = std::current_exception();
      }
      loop.next = loop.n;  // start no further index
    }
  }
  const std::lock_guard lock(loop.mutex);
  if (--loop.running > 0) return;
  loop.idle.notify_all();
  if (loop.async && !loop.settled && loop.next >= loop.n) loop.settle();
}

void ThreadPool::enqueue(std::function<void()> task) {
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  queued_.notify_one();
}

void ThreadPool::work(const std::stop_token& stop) {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      if (!queued_.wait(lock, stop, [this] { return !queue_.empty(); }) || stop.stop_requested()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

}  // namespace wijksim::sim
