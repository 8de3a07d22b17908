// The batch over the ranks of an MPI job (Boost.MPI over Open MPI). Only each rank's main thread talks MPI
// (MPI_THREAD_FUNNELED); its worker threads compute slices in a SlicePool.
#include <fmt/format.h>
#include <mpi.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/mpi/request.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <numeric>
#include <thread>

#include "sim/batch/cluster.hpp"
#include "sim/batch/slices.hpp"

namespace wijksim::sim {

namespace fs = std::filesystem;
namespace mpi = boost::mpi;

namespace {

constexpr int kTagSlice = 1;   // rank 0 to a rank: {replication, first, count} to compute; count 0: stop
constexpr int kTagReport = 2;  // a rank to rank 0: a finished slice, or empty: a request for the first slice
// How long a rank's main thread sleeps between looks for messages. Open MPI's blocking calls spin on a core,
// which the rank's worker threads need; a slice takes far longer than this.
constexpr auto kPoll = std::chrono::milliseconds(2);
constexpr std::uint64_t kNoJob = UINT64_MAX;

using SliceMessage = std::array<std::uint32_t, 3>;

/// Launchers set these: Open MPI's mpirun (OMPI_*), PMIx (Open MPI, srun --mpi=pmix), PMI-2 (srun --mpi=pmi2).
bool started_by_mpi_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

/// Wait for a nonblocking call to complete, sleeping between looks (see kPoll).
void wait_quietly(MPI_Request& request) {
  int done = 0;
  while (MPI_Test(&request, &done, MPI_STATUS_IGNORE) == MPI_SUCCESS && done == 0) std::this_thread::sleep_for(kPoll);
}

/// Send and wait for the send to complete, sleeping between looks.
template <typename T>
void send_quietly(const mpi::communicator& world, int dest, int tag, const T* values, std::size_t count) {
  mpi::request request = world.isend(dest, tag, values, static_cast<int>(count));
  while (!request.test()) std::this_thread::sleep_for(kPoll);
}

/// Rank 0's text (std::nullopt: none) on every rank. MPI_Ibcast because Boost.MPI 1.74 has no nonblocking
/// collectives, and a blocking broadcast would spin on the waiting ranks while rank 0 prepares the job.
std::optional<std::string> broadcast(const mpi::communicator& world, const std::optional<std::string>& text) {
  std::uint64_t size = text ? text->size() : kNoJob;
  MPI_Request request;
  MPI_Ibcast(&size, 1, MPI_UINT64_T, 0, world, &request);
  wait_quietly(request);
  if (size == kNoJob) return std::nullopt;
  std::string body = world.rank() == 0 ? *text : std::string(size, '\0');
  MPI_Ibcast(body.data(), static_cast<int>(size), MPI_CHAR, 0, world, &request);
  wait_quietly(request);
  return body;
}

/// Every rank's worker threads, on rank 0 (elsewhere empty).
std::vector<unsigned> gather_threads(const mpi::communicator& world, unsigned threads) {
  std::vector<unsigned> by_rank(world.rank() == 0 ? static_cast<std::size_t>(world.size()) : 0);
  MPI_Request request;
  MPI_Igather(&threads, 1, MPI_UNSIGNED, by_rank.data(), 1, MPI_UNSIGNED, 0, world, &request);
  wait_quietly(request);
  return by_rank;
}

/// A finished slice on the wire: "slice <replication> <first> <count>", then the checkpoint text.
std::string report_text(const FinishedSlice& f) {
  return fmt::format("slice {} {} {}\n", f.slice.replication, f.slice.first, f.slice.count) + outcome_text(f.outcome);
}

FinishedSlice parse_report(const std::string& text, int source) {
  const std::string where = fmt::format("slice from rank {}", source);
  FinishedSlice f;
  const std::size_t end = text.find('\n');
  if (end == std::string::npos ||
      std::sscanf(text.c_str(), "slice %u %u %u", &f.slice.replication, &f.slice.first, &f.slice.count) != 3)
    throw std::runtime_error(where + ": not a slice");
  f.outcome = parse_outcome(text.substr(end + 1), where);
  return f;
}

/// The text rank 0 prints when the job is torn down. Set before the handler is installed and not changed while
/// it is, so the handler may read it.
std::string g_stopped;

extern "C" void print_stopped(int signal) {
  [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, g_stopped.data(), g_stopped.size());
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

/// While alive, rank 0 prints `message` if it is ended by a signal: when a rank dies, mpirun (and srun with
/// --kill-on-bad-exit) end the others with SIGTERM; Ctrl-C reaches them as SIGINT.
class StoppedMessage {
 public:
  explicit StoppedMessage(std::string message) {
    g_stopped = std::move(message);
    term_ = std::signal(SIGTERM, print_stopped);
    int_ = std::signal(SIGINT, print_stopped);
  }
  ~StoppedMessage() {
    std::signal(SIGTERM, term_);
    std::signal(SIGINT, int_);
  }
  StoppedMessage(const StoppedMessage&) = delete;
  StoppedMessage& operator=(const StoppedMessage&) = delete;

 private:
  void (*term_)(int) = SIG_DFL;
  void (*int_)(int) = SIG_DFL;
};

}  // namespace

struct Cluster::Mpi {
  // abort_on_exception off: a rank that fails says why before it ends the job (Cluster::abort); and rank 0 leaves
  // with an exception on bad input after telling the other ranks, which must then finalise, not abort.
  mpi::environment environment{mpi::threading::funneled, false};
  mpi::communicator world;
  unsigned node_ranks = 1;  ///< ranks on this rank's node (sharing its memory)

  Mpi() {
    MPI_Comm node;
    MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, world.rank(), MPI_INFO_NULL, &node);
    int size = 1;
    MPI_Comm_size(node, &size);
    MPI_Comm_free(&node);
    node_ranks = static_cast<unsigned>(size);
  }
};

Cluster::Cluster() {
  if (started_by_mpi_launcher()) mpi_ = std::make_unique<Mpi>();
}

Cluster::~Cluster() = default;

unsigned Cluster::rank() const { return mpi_ ? static_cast<unsigned>(mpi_->world.rank()) : 0; }

unsigned Cluster::size() const { return mpi_ ? static_cast<unsigned>(mpi_->world.size()) : 1; }

unsigned Cluster::threads(unsigned requested) const {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  if (!mpi_) return requested == 0 ? cores : requested;
  // Launchers bind ranks to CPUs (Open MPI binds to one core when there are at most two ranks; Slurm to the
  // task's --cpus-per-task): more threads than that only take turns.
  cpu_set_t set;
  CPU_ZERO(&set);
  const unsigned bound = sched_getaffinity(0, sizeof set, &set) == 0 ? static_cast<unsigned>(CPU_COUNT(&set)) : cores;
  if (requested == 0) return std::max(1U, std::min(bound, cores / mpi_->node_ranks));
  if (requested > bound)
    fmt::print(stderr,
               "warning: rank {} may run on {} CPU(s) only but was given {} threads; start mpirun with "
               "--bind-to none (or --map-by slot:PE={}), srun with --cpus-per-task={}\n",
               rank(), bound, requested, requested, requested);
  return requested;
}

void Cluster::share_job(const std::optional<std::string>& job) const {
  if (distributed()) broadcast(mpi_->world, job);
}

std::optional<std::string> Cluster::receive_job() const { return broadcast(mpi_->world, std::nullopt); }

unsigned Cluster::run(const CompareRequest& req, const fs::path& dir, unsigned threads, const std::string& stopped,
                      const std::function<void(std::uint32_t done)>& progress) const {
  if (!distributed()) {
    run_replications(req, dir, progress);
    return threads;
  }
  const mpi::communicator& world = mpi_->world;
  fs::create_directories(dir);
  const std::vector<std::uint32_t> todo = missing_replications(req, dir);
  const std::vector<unsigned> by_rank = gather_threads(world, threads);
  const unsigned all_threads = std::accumulate(by_rank.begin(), by_rank.end(), 0U);
  const std::vector<ReplicationSlice> planned = plan_slices(todo, req.alternatives.size(), all_threads);
  std::deque<ReplicationSlice> queue(planned.begin(), planned.end());
  std::uint32_t done = req.replications - static_cast<std::uint32_t>(todo.size());
  // Each other rank asks once per thread; a request is open until it is answered with stop.
  std::size_t open_requests = all_threads - threads;
  const StoppedMessage on_signal(stopped);
  SliceAssembler assembler(req.alternatives.size());
  SlicePool pool(req, threads);
  const auto record = [&](const ReplicationSlice& slice, ReplicationOutcome outcome) {
    if (auto whole = assembler.add(slice, std::move(outcome))) {
      write_outcome(*whole, checkpoint_file(dir, whole->replication));
      ++done;
    }
  };
  while (done < req.replications || open_requests > 0) {
    while (pool.busy() < pool.threads() && !queue.empty()) {
      pool.give(queue.front());
      queue.pop_front();
    }
    while (const auto status = world.iprobe(mpi::any_source, kTagReport)) {
      std::string text(static_cast<std::size_t>(status->count<char>().value_or(0)), '\0');
      world.recv(status->source(), kTagReport, text.data(), static_cast<int>(text.size()));
      if (!text.empty()) {
        FinishedSlice finished = parse_report(text, status->source());
        record(finished.slice, std::move(finished.outcome));
      }
      SliceMessage next{0, 0, 0};
      if (queue.empty()) {
        --open_requests;
      } else {
        next = {queue.front().replication, queue.front().first, queue.front().count};
        queue.pop_front();
      }
      send_quietly(world, status->source(), kTagSlice, next.data(), next.size());
    }
    for (FinishedSlice& finished : pool.collect(kPoll)) record(finished.slice, std::move(finished.outcome));
    if (progress) progress(done);
  }
  return all_threads;
}

void Cluster::serve(const CompareRequest& req, unsigned threads) const {
  const mpi::communicator& world = mpi_->world;
  gather_threads(world, threads);
  SlicePool pool(req, threads);
  for (unsigned t = 0; t < threads; ++t) send_quietly<char>(world, 0, kTagReport, nullptr, 0);
  unsigned unanswered = threads;  // requests (and finished slices) rank 0 has not answered yet
  unsigned open = threads;        // threads not told to stop
  while (open > 0) {
    while (unanswered > 0 && world.iprobe(0, kTagSlice)) {
      SliceMessage slice;
      world.recv(0, kTagSlice, slice.data(), static_cast<int>(slice.size()));
      --unanswered;
      if (slice[2] == 0)
        --open;
      else
        pool.give({slice[0], slice[1], slice[2]});
    }
    for (const FinishedSlice& finished : pool.collect(kPoll)) {
      const std::string text = report_text(finished);
      send_quietly(world, 0, kTagReport, text.data(), text.size());
      ++unanswered;
    }
  }
}

void Cluster::abort(const std::string& message) const {
  fmt::print(stderr, "{}", message);
  std::fflush(stderr);
  if (mpi_) mpi_->world.abort(1);
  std::_Exit(1);
}

}  // namespace wijksim::sim
