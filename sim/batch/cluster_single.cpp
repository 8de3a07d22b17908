// The batch in one process: the build without MPI (WIJKSIM_MPI off or Boost.MPI not installed).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "sim/batch/cluster.hpp"

namespace wijksim::sim {

struct Cluster::Mpi {};

Cluster::Cluster() = default;
Cluster::~Cluster() = default;

unsigned Cluster::rank() const { return 0; }
unsigned Cluster::size() const { return 1; }

unsigned Cluster::threads(unsigned requested) const {
  return requested == 0 ? std::max(1U, std::thread::hardware_concurrency()) : requested;
}

void Cluster::share_job(const std::optional<std::string>& /*job*/) const {}

std::optional<std::string> Cluster::receive_job() const { return std::nullopt; }

unsigned Cluster::run(const CompareRequest& req, const std::filesystem::path& dir, unsigned threads,
                      const std::string& /*stopped*/, const std::function<void(std::uint32_t done)>& progress) const {
  run_replications(req, dir, progress);
  return threads;
}

void Cluster::serve(const CompareRequest& /*req*/, unsigned /*threads*/) const {}

void Cluster::abort(const std::string& message) const {
  fmt::print(stderr, "{}", message);
  std::fflush(stderr);
  std::_Exit(1);
}

}  // namespace wijksim::sim
