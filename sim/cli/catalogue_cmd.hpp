#pragma once
// `wijksim scenarios` (the shipped scenarios, one line each) and `wijksim validate-model` (docs/VALIDATION.md:
// every approach of the catalogue beside its sources, with its MKBA).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace wijksim::cli {

/// The two commands, registered on the app; run() executes the one that was given.
class CatalogueCommands {
 public:
  explicit CatalogueCommands(CLI::App& app);
  /// Whether one of the two commands was given.
  bool given() const;
  /// Run the command given; exit code.
  int run() const;

 private:
  CLI::App* scenarios_ = nullptr;
  CLI::App* validate_ = nullptr;
  std::string dir_, out_, check_;
  std::uint32_t replications_ = 10;
  std::optional<std::uint32_t> households_, months_;
  unsigned threads_ = 0;
};

}  // namespace wijksim::cli
