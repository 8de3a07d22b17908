#include "sim/run_output.hpp"

#include <fmt/format.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include "sim/def_json.hpp"
#include "sim/json.hpp"

#ifndef WIJKSIM_VERSION
#define WIJKSIM_VERSION "0.0.0"
#endif
#ifndef WIJKSIM_GIT_HASH
#define WIJKSIM_GIT_HASH "unknown"
#endif

namespace wijksim::sim {

namespace fs = std::filesystem;

std::string version() { return WIJKSIM_VERSION; }
std::string git_hash() { return WIJKSIM_GIT_HASH; }

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void write_folder_atomically(const fs::path& dir, const std::function<void(const fs::path&)>& fill) {
  if (fs::exists(dir)) throw std::runtime_error("output folder already exists: " + dir.string());
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  fs::create_directories(parent);
  const fs::path tmp = parent / fmt::format(".{}.tmp-{}", dir.filename().string(), ::getpid());
  fs::remove_all(tmp);
  fs::create_directory(tmp);
  try {
    fill(tmp);
    fs::rename(tmp, dir);
  } catch (...) {
    fs::remove_all(tmp);
    throw;
  }
}

std::string levels_csv(const World& w) {
  std::string out = "month,level,households\n";
  for (std::size_t m = 0; m < w.records().size(); ++m)
    for (std::size_t l = 0; l < agents::kLevelCount; ++l)
      out += fmt::format("{},{},{}\n", m, agents::kLevelNames[l], w.records()[m].levels[l]);
  return out;
}

std::string flows_csv(const World& w) {
  std::string out = "month,from,to,households\n";
  for (std::size_t m = 0; m < w.records().size(); ++m)
    for (std::size_t a = 0; a < agents::kLevelCount; ++a)
      for (std::size_t b = 0; b < agents::kLevelCount; ++b)
        out += fmt::format("{},{},{},{}\n", m, agents::kLevelNames[a], agents::kLevelNames[b],
                           w.records()[m].flows[a][b]);
  return out;
}

namespace {

std::string eur_text(Cents c) {
  // Exact decimal text of a cents amount (no floating point).
  const Cents a = c < 0 ? -c : c;
  return fmt::format("{}{}.{:02d}", c < 0 ? "-" : "", a / 100, a % 100);
}

}  // namespace

std::string pockets_csv(const World& w) {
  const Ledger& ledger = w.ledger();
  std::string out = "year,pocket,item,eur\n";
  for (std::uint32_t y = 0; y < ledger.years(); ++y)
    for (PocketId p = 0; p < ledger.pockets(); ++p)
      for (ItemId i = 0; i < ledger.items(); ++i) {
        const Cents c = ledger.item_year(p, i, y);
        if (c != 0)
          out += fmt::format("{},{},{},{}\n", y, services::kPocketNames[p], services::kItemNames[i], eur_text(c));
      }
  return out;
}

namespace {

std::string manifest_json(const World& w, const RunInfo& info) {
  return fmt::format(
      "{{\n  \"tool\": \"wijksim\",\n  \"version\": {},\n  \"git_hash\": {},\n  \"command\": {},\n"
      "  \"seed\": {},\n  \"replication\": 0,\n  \"households\": {},\n  \"months\": {},\n  \"threads\": {},\n"
      "  \"wall_seconds\": {},\n  \"scenario\": {}\n}}\n",
      json_string(version()), json_string(git_hash()), json_string(info.command), w.def().run.seed,
      w.population().size(), w.records().size(), info.threads, json_number(info.wall_seconds),
      def_to_json(w.def(), 2));
}

}  // namespace

void write_run(const World& w, const RunInfo& info, const fs::path& dir) {
  write_folder_atomically(dir, [&](const fs::path& tmp) {
    write_text(tmp / "manifest.json", manifest_json(w, info));
    write_text(tmp / "levels_by_month.csv", levels_csv(w));
    write_text(tmp / "flows_by_month.csv", flows_csv(w));
    write_text(tmp / "pockets_by_year.csv", pockets_csv(w));
  });
}

std::string run_summary(const World& w) {
  std::string out = fmt::format("Scenario '{}': {}\n\n", w.def().name, w.def().description);
  const auto& recs = w.records();
  if (recs.empty()) return out;
  const std::array<std::size_t, 3> at{0, recs.size() / 2, recs.size() - 1};
  out += fmt::format("Households per level ({} households)\n{:<14}", w.population().size(), "month");
  for (auto m : at) out += fmt::format("{:>10}", m);
  out += "\n";
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    out += fmt::format("{:<14}", agents::kLevelNames[l]);
    for (auto m : at)
      out += fmt::format("{:>9.1f}%", 100.0 * static_cast<double>(recs[m].levels[l]) /
                                          static_cast<double>(w.population().size()));
    out += "\n";
  }
  const Ledger& ledger = w.ledger();
  out += "\nCost per pocket per year (EUR thousand)\n";
  out += fmt::format("{:<26}", "pocket");
  for (std::uint32_t y = 0; y < ledger.years(); ++y) out += fmt::format("{:>8}", fmt::format("y{}", y));
  out += "\n";
  std::vector<Cents> money_total(ledger.years(), 0);
  for (PocketId p = 0; p < ledger.pockets(); ++p) {
    out += fmt::format("{:<26}", services::kPocketNames[p]);
    for (std::uint32_t y = 0; y < ledger.years(); ++y) {
      const Cents c = ledger.pocket_year(p, y);
      if (services::is_money(static_cast<services::Pocket>(p))) money_total[y] += c;
      out += fmt::format("{:>8.0f}", to_eur(c) / 1000.0);
    }
    out += "\n";
  }
  out += fmt::format("{:<26}", "total money");
  for (auto c : money_total) out += fmt::format("{:>8.0f}", to_eur(c) / 1000.0);
  out += "\n(non_monetary is healthy life-years lost, valued in EUR; it is kept out of the money total.)\n";
  return out;
}

}  // namespace wijksim::sim
