#include "sim/cli/progress.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace wijksim::sim {

ProgressBar::ProgressBar(std::uint64_t total, std::string label)
    : total_(total), label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_draw_() {}

ProgressBar::~ProgressBar() {
  if (enabled_) std::fputs("\r\033[K", stderr);
}

std::string ProgressBar::render(std::uint64_t done, std::uint64_t total, const std::string& label, double elapsed_s,
                                std::uint64_t resumed_at) {
  constexpr int kWidth = 30;
  const double frac = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  const double here = static_cast<double>(done - std::min(done, resumed_at));
  const double eta = here == 0.0 ? 0.0 : elapsed_s * static_cast<double>(total - std::min(total, done)) / here;
  return fmt::format("[{}] {:3.0f}%  {}/{} {}  elapsed {:.1f}s  ETA {:.1f}s", bar, 100.0 * frac, done, total, label,
                     elapsed_s, eta);
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  if (!started_) {
    started_ = true;
    resumed_at_ = done;
  }
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::fputs(("\r\033[K" + render(done, total_, label_, elapsed, resumed_at_)).c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace wijksim::sim
