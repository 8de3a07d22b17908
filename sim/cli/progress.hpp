#pragma once
// A progress bar with ETA on stderr, shown only when stderr is a terminal.
#include <chrono>
#include <cstdint>
#include <string>

namespace wijksim::sim {

class ProgressBar {
 public:
  /// total: units of work; label: what is counted ("months", "replications").
  ProgressBar(std::uint64_t total, std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  /// Report units done so far (redraws at most ten times a second).
  void update(std::uint64_t done);
  /// The bar text for a given state (exposed for tests); `resumed_at` units were done before this bar started
  /// (a resumed run), so the ETA counts only the pace of this session.
  static std::string render(std::uint64_t done, std::uint64_t total, const std::string& label, double elapsed_s,
                            std::uint64_t resumed_at = 0);

 private:
  std::uint64_t total_;
  std::string label_;
  bool enabled_;
  bool started_ = false;
  std::uint64_t resumed_at_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace wijksim::sim
