#pragma once
// The processes of one batch (`compare`, `sweep`): one process, or the ranks of an MPI job when wijksim was
// started by an MPI launcher (mpirun, mpiexec, srun) and built with WIJKSIM_MPI.
//
// Rank 0 owns the job folder: it hands slices of work out on demand (each rank asks for one per thread and asks
// again when one is done), computes slices itself with its own threads, writes every checkpoint and folds them
// exactly as a single process does, so the files do not depend on the number of ranks or threads. The other
// ranks get the job from rank 0 as text and send back each finished slice; they touch no file.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sim/batch/compare.hpp"

namespace wijksim::sim {

class Cluster {
 public:
  /// Joins the MPI job when started by an MPI launcher (and built with MPI); otherwise a single process.
  Cluster();
  ~Cluster();  // leaves the MPI job (MPI_Finalize)
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  unsigned rank() const;
  unsigned size() const;
  bool root() const { return rank() == 0; }
  bool distributed() const { return size() > 1; }

  /// Worker threads of this rank for `--threads requested`. 0: as a single process, all cores; under MPI, the
  /// CPUs this rank may run on (its binding), at most the node's cores shared out over the ranks on the node.
  /// Warns on stderr when asked for more threads than the rank's binding allows.
  unsigned threads(unsigned requested) const;

  /// Rank 0: give the job to the other ranks, or std::nullopt when there is nothing to do (bad input).
  void share_job(const std::optional<std::string>& job) const;
  /// The other ranks: the job rank 0 shared, or std::nullopt.
  std::optional<std::string> receive_job() const;

  /// Rank 0: run every replication without a checkpoint in dir over all ranks (rank 0's share on `threads`
  /// threads) and checkpoint each; progress(replications done). If the job is torn down meanwhile (a rank died,
  /// the job was cancelled), `stopped` is printed on stderr. Returns the threads over all ranks.
  unsigned run(const CompareRequest& req, const std::filesystem::path& dir, unsigned threads,
               const std::string& stopped, const std::function<void(std::uint32_t done)>& progress) const;
  /// The other ranks: compute the slices rank 0 hands out on `threads` threads until it says stop.
  void serve(const CompareRequest& req, unsigned threads) const;

  /// Print the message on stderr and end every rank of the job (MPI_Abort); a single process exits with 1.
  [[noreturn]] void abort(const std::string& message) const;

 private:
  struct Mpi;
  std::unique_ptr<Mpi> mpi_;  ///< null for a single process
};

}  // namespace wijksim::sim
