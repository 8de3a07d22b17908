#pragma once
// Work units of a distributed batch: a replication, or a slice of its project alternatives (the zero alternative
// is run with every slice). Planned in replication order, computed by a pool of threads on each rank, and put
// together again into whole replications before they are checkpointed, so the checkpoints - and everything
// folded from them - are the same however the work was cut and wherever it ran.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "sim/batch/compare.hpp"
#include "sim/batch/thread_pool.hpp"

namespace wijksim::sim {

/// Replication `replication`, project alternatives [first, first + count) and the zero alternative.
struct ReplicationSlice {
  std::uint32_t replication = 0;
  std::uint32_t first = 0;
  std::uint32_t count = 0;

  bool operator==(const ReplicationSlice&) const = default;
};

/// The slices for the replications still to do, in replication order. A replication is cut into slices of
/// alternatives only when there are fewer replications than worker threads (a sweep with many cells and few
/// replications), because each slice repeats the warm-up and the zero alternative.
std::vector<ReplicationSlice> plan_slices(const std::vector<std::uint32_t>& todo, std::size_t alternatives,
                                          unsigned workers);

/// Collects finished slices and gives back each replication whole once its last slice is in.
class SliceAssembler {
 public:
  explicit SliceAssembler(std::size_t alternatives) : alternatives_(alternatives) {}
  /// Throws std::runtime_error when the outcome does not fit the slice, or when two slices of one replication
  /// disagree on the zero alternative (which would break the pairing).
  std::optional<ReplicationOutcome> add(const ReplicationSlice& slice, ReplicationOutcome outcome);
  /// Replications with some slices in and others still out.
  std::size_t open() const { return partial_.size(); }

 private:
  struct Partial {
    ReplicationOutcome outcome;  ///< the zero alternative, then every project alternative (empty until in)
    std::size_t missing = 0;     ///< alternatives not in yet
  };
  std::size_t alternatives_;
  std::map<std::uint32_t, Partial> partial_;
};

struct FinishedSlice {
  ReplicationSlice slice;
  ReplicationOutcome outcome;  ///< the zero alternative, then the slice's alternatives
};

/// Worker threads (a ThreadPool) that run the slices given to them and keep the finished ones until collected.
/// The caller's thread stays free for messages, checkpoints and the progress bar. Destruction lets the running
/// slices finish and drops the waiting ones.
class SlicePool {
 public:
  SlicePool(const CompareRequest& req, unsigned threads);
  SlicePool(const SlicePool&) = delete;
  SlicePool& operator=(const SlicePool&) = delete;

  unsigned threads() const { return pool_.workers(); }
  /// Slices given and not collected yet (waiting, running or finished).
  std::size_t busy() const;
  void give(const ReplicationSlice& slice);
  /// The slices finished so far, waiting up to `wait` for the first; rethrows the failure of a slice.
  std::vector<FinishedSlice> collect(std::chrono::milliseconds wait);

 private:
  void run(const ReplicationSlice& slice);

  const CompareRequest& req_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;  ///< a slice finished or failed
  std::vector<FinishedSlice> finished_slices_;
  std::exception_ptr failure_;
  std::size_t busy_ = 0;
  ThreadPool pool_;  ///< last: stopped and joined before the members above go
};

}  // namespace wijksim::sim
