#pragma once
// Command-line pieces shared by wijksim and wijksim-viz: counts with documented maxima, and parse errors
// printed with control characters escaped.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <fmt/format.h>
#include <sstream>
#include <string>
#include <thread>

#include "sim/kernel/printable.hpp"

namespace wijksim::cli {

/// The documented maxima of the counts on the command line (README, "Limits").
namespace maxima {
inline constexpr std::uint64_t kHouseholds = 20'000'000;  ///< as run.households
inline constexpr std::uint64_t kMonths = 1200;            ///< as run.months
inline constexpr std::uint64_t kReplications = 100'000;   ///< as mkba.replications
inline constexpr std::uint64_t kGridCells = 1000;         ///< alternatives of one sweep
inline constexpr std::uint64_t kFrames = 100'000;         ///< frames of one wijksim-viz --bench-frames measurement
/// Worker threads: four per core (more only take turns and cost memory).
inline std::uint64_t threads() { return 4 * std::uint64_t{std::max(1U, std::thread::hardware_concurrency())}; }
}  // namespace maxima

/// A CLI11 check: a whole number in [min, max], written in digits only (an empty value is no number);
/// `why` names where the maximum comes from.
inline CLI::Validator whole_number(std::uint64_t min, std::uint64_t max, const std::string& why = "") {
  return CLI::Validator(
      [min, max, why](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        if (digits && error == std::errc() && end == text.data() + text.size() && value >= min && value <= max)
          return {};
        return fmt::format("expected a whole number from {} to {}{}, got '{}'", min, max, why,
                           kernel::printable(text));
      },
      fmt::format("{}..{}", min, max));
}

/// Print a parse error as CLI11 would, with control characters escaped; returns CLI11's exit code for it
/// (0 for --help and --version, which are printed as they are).
inline int print_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  std::ostringstream out, err;
  const int code = app.exit(e, out, err);
  std::fputs(out.str().c_str(), stdout);
  std::string text = err.str();
  if (code != 0) {
    std::string escaped;
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      escaped += kernel::printable(std::string_view(text).substr(start, end - start));
      if (end < text.size()) escaped += '\n';
      start = end + 1;
    }
    text = std::move(escaped);
  }
  std::fputs(text.c_str(), stderr);
  return code;
}

}  // namespace wijksim::cli
