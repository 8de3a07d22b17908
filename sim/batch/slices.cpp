#include "sim/batch/slices.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace wijksim::sim {

std::vector<ReplicationSlice> plan_slices(const std::vector<std::uint32_t>& todo, std::size_t alternatives,
                                          unsigned workers) {
  if (todo.empty() || alternatives == 0) return {};
  // Enough slices per replication to give every worker thread something, never more than one per alternative.
  const std::size_t per_replication =
      std::clamp<std::size_t>((workers + todo.size() - 1) / todo.size(), 1, alternatives);
  std::vector<ReplicationSlice> slices;
  slices.reserve(todo.size() * per_replication);
  for (const std::uint32_t r : todo)
    for (std::size_t s = 0; s < per_replication; ++s) {
      const std::size_t first = s * alternatives / per_replication;
      const std::size_t end = (s + 1) * alternatives / per_replication;
      slices.push_back({r, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(end - first)});
    }
  return slices;
}

std::optional<ReplicationOutcome> SliceAssembler::add(const ReplicationSlice& slice, ReplicationOutcome outcome) {
  if (outcome.replication != slice.replication || outcome.worlds.size() != 1 + std::size_t{slice.count} ||
      slice.count == 0 || std::size_t{slice.first} + slice.count > alternatives_)
    throw std::runtime_error(fmt::format("the outcome of replication {} does not fit its slice (alternatives {}-{})",
                                         slice.replication, slice.first, slice.first + slice.count));
  if (slice.count == alternatives_) return outcome;
  auto [it, fresh] = partial_.try_emplace(slice.replication);
  Partial& p = it->second;
  if (fresh) {
    p.outcome.replication = slice.replication;
    p.outcome.worlds.resize(1 + alternatives_);
    p.outcome.worlds.front() = std::move(outcome.worlds.front());
    p.missing = alternatives_;
  } else if (p.outcome.worlds.front() != outcome.worlds.front()) {
    throw std::runtime_error(
        fmt::format("two slices of replication {} disagree on the zero alternative", slice.replication));
  }
  for (std::size_t a = 0; a < slice.count; ++a)
    p.outcome.worlds[1 + slice.first + a] = std::move(outcome.worlds[1 + a]);
  p.missing -= slice.count;
  if (p.missing > 0) return std::nullopt;
  ReplicationOutcome whole = std::move(p.outcome);
  partial_.erase(it);
  return whole;
}

SlicePool::SlicePool(const CompareRequest& req, unsigned threads) : req_(req), pool_(std::max(1U, threads)) {}

std::size_t SlicePool::busy() const {
  const std::lock_guard lock(mutex_);
  return busy_;
}

void SlicePool::give(const ReplicationSlice& slice) {
  {
    const std::lock_guard lock(mutex_);
    ++busy_;
  }
  // run() keeps its own failure for collect(), so the task's future is not needed.
  pool_.submit([this, slice] { run(slice); });
}

std::vector<FinishedSlice> SlicePool::collect(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  finished_.wait_for(lock, wait, [this] { return !finished_slices_.empty() || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  std::vector<FinishedSlice> out;
  out.swap(finished_slices_);
  busy_ -= out.size();
  return out;
}

void SlicePool::run(const ReplicationSlice& slice) {
  try {
    FinishedSlice done{slice, run_replication(req_, slice.replication, slice.first, slice.count)};
    const std::lock_guard lock(mutex_);
    finished_slices_.push_back(std::move(done));
  } catch (...) {
    const std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
  }
  finished_.notify_all();
}

}  // namespace wijksim::sim
