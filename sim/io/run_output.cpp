#include "sim/io/run_output.hpp"

#include <fmt/format.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include "sim/io/csv.hpp"
#include "sim/io/def_json.hpp"
#include "sim/io/json.hpp"

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
  CsvWriter csv("month", "level", "households");
  for (std::size_t m = 0; m < w.records().size(); ++m)
    for (std::size_t l = 0; l < agents::kLevelCount; ++l) csv.row(m, agents::kLevelNames[l], w.records()[m].levels[l]);
  return std::move(csv).text();
}

std::string flows_csv(const World& w) {
  CsvWriter csv("month", "from", "to", "households");
  for (std::size_t m = 0; m < w.records().size(); ++m)
    for (std::size_t a = 0; a < agents::kLevelCount; ++a)
      for (std::size_t b = 0; b < agents::kLevelCount; ++b)
        csv.row(m, agents::kLevelNames[a], agents::kLevelNames[b], w.records()[m].flows[a][b]);
  return std::move(csv).text();
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
  CsvWriter csv("year", "pocket", "item", "eur");
  for (std::uint32_t y = 0; y < ledger.years(); ++y)
    for (PocketId p = 0; p < services::kPocketCount; ++p)
      for (ItemId i = 0; i < services::kItemCount; ++i) {
        const Cents c = ledger.item_year(p, i, y);
        if (c != 0) csv.row(y, services::kPocketNames[p], services::kItemNames[i], eur_text(c));
      }
  return std::move(csv).text();
}

namespace {

std::string manifest_json(const World& w, const RunInfo& info) {
  Json manifest;
  manifest["tool"] = "wijksim";
  manifest["version"] = version();
  manifest["git_hash"] = git_hash();
  manifest["command"] = info.command;
  manifest["seed"] = w.def().run.seed;
  manifest["replication"] = 0;
  manifest["households"] = w.population().size();
  manifest["months"] = w.records().size();
  manifest["threads"] = info.threads;
  manifest["wall_seconds"] = json_number(info.wall_seconds);
  manifest["scenario"] = def_to_json(w.def());
  return json_text(manifest);
}

void write_world_files(const World& w, const RunInfo& info, const fs::path& tmp) {
  write_text(tmp / "manifest.json", manifest_json(w, info));
  write_text(tmp / "levels_by_month.csv", levels_csv(w));
  write_text(tmp / "flows_by_month.csv", flows_csv(w));
  write_text(tmp / "pockets_by_year.csv", pockets_csv(w));
}

/// Escalations whose difference from the zero alternative is reported as "prevented".
constexpr std::array<std::pair<Counted, std::string_view>, 6> kPrevented{{
    {Counted::Evictions, "evictions_prevented"}, {Counted::Placements, "placements_prevented"},
    {Counted::SupervisionOrders, "supervision_orders_prevented"}, {Counted::Admissions, "admissions_prevented"},
    {Counted::NursingHome, "nursing_home_prevented"}, {Counted::Detentions, "detentions_prevented"}}};

std::string metric_text(double x) {
  if (x == static_cast<double>(static_cast<std::int64_t>(x))) return fmt::format("{}", static_cast<std::int64_t>(x));
  return fmt::format("{:.4f}", x);
}

}  // namespace

void write_run(const World& w, const RunInfo& info, const fs::path& dir) {
  write_folder_atomically(dir, [&](const fs::path& tmp) { write_world_files(w, info, tmp); });
}

std::string teams_csv(const PairedWorlds& run) {
  const World& p = run.project();
  const World& z = run.zero();
  CsvWriter csv("month", "team", "metric", "value");
  const auto names = services::team_metric_names();
  for (std::size_t m = 0; m < p.team_records().size(); ++m) {
    const auto& teams = p.team_records()[m];
    for (std::size_t i = 0; i < teams.size(); ++i) {
      const auto values = services::team_metric_values(teams[i]);
      for (std::size_t k = 0; k < values.size(); ++k)
        csv.row(m, p.teams()[i].def().name, names[k], metric_text(values[k]));
    }
    for (const auto& [counted, name] : kPrevented) {
      const auto e = static_cast<std::size_t>(counted);
      csv.row(m, "all", name, z.records()[m].events[e] - p.records()[m].events[e]);
    }
  }
  return std::move(csv).text();
}

std::string providers_csv(const World& w) {
  CsvWriter csv("month", "provider", "metric", "value");
  for (std::size_t m = 0; m < w.provider_records().size(); ++m)
    for (std::size_t t = 0; t < services::kTrajectoryCount; ++t) {
      const services::ProviderMonth& pm = w.provider_records()[m][t];
      if (pm.capacity == 0) continue;  // no limit: no list to report
      for (const auto& [name, value] : std::array<std::pair<std::string_view, std::int64_t>, 5>{
               {{"capacity", pm.capacity}, {"running", pm.running}, {"waiting", pm.waiting},
                {"admitted", pm.admitted}, {"dropped", pm.dropped}}})
        csv.row(m, services::kTrajectoryNames[t], name, value);
    }
  return std::move(csv).text();
}

std::string pockets_vs_zero_csv(const PairedWorlds& run) {
  const Ledger& z = run.zero().ledger();
  const Ledger& p = run.project().ledger();
  CsvWriter csv("year", "pocket", "zero_eur", "project_eur", "difference_eur");
  for (std::uint32_t y = 0; y < p.years(); ++y)
    for (PocketId k = 0; k < services::kPocketCount; ++k) {
      const Cents zc = z.pocket_year(k, y), pc = p.pocket_year(k, y);
      csv.row(y, services::kPocketNames[k], eur_text(zc), eur_text(pc), eur_text(pc - zc));
    }
  return std::move(csv).text();
}

std::string financiers_csv(const PairedWorlds& run) {
  // The event is free text, always quoted.
  CsvWriter csv("year", "team", "event");
  for (const FinancierEvent& e : run.financier_events()) csv.row(e.year, e.team, Quoted{e.what});
  return std::move(csv).text();
}

void write_paired_run(const PairedWorlds& run, const RunInfo& info, const fs::path& dir) {
  write_folder_atomically(dir, [&](const fs::path& tmp) {
    write_world_files(run.project(), info, tmp);
    write_text(tmp / "teams_by_month.csv", teams_csv(run));
    write_text(tmp / "providers_by_month.csv", providers_csv(run.project()));
    write_text(tmp / "pockets_vs_zero_by_year.csv", pockets_vs_zero_csv(run));
    write_text(tmp / "financiers.csv", financiers_csv(run));
  });
}

std::string paired_summary(const PairedWorlds& run) {
  const World& p = run.project();
  std::string out = run_summary(p);
  const auto& recs = p.team_records();
  if (recs.empty()) return out;
  // Teams at the end of each year.
  for (std::size_t i = 0; i < p.teams().size(); ++i) {
    out += fmt::format("\nTeam '{}' at the end of each year (intake and outcomes over the year)\n{:<22}",
                       p.teams()[i].def().name, "");
    const std::uint32_t years = static_cast<std::uint32_t>((recs.size() + 11) / 12);
    for (std::uint32_t y = 0; y < years; ++y) out += fmt::format("{:>7}", fmt::format("y{}", y));
    out += "\n";
    const auto row = [&](std::string_view label, auto&& value, bool sum, int decimals = 0) {
      out += fmt::format("{:<22}", label);
      for (std::uint32_t y = 0; y < years; ++y) {
        double v = 0.0;
        const std::size_t last = std::min<std::size_t>(recs.size(), (std::size_t{y} + 1) * 12) - 1;
        if (sum) {
          for (std::size_t m = std::size_t{y} * 12; m <= last; ++m) v += value(recs[m][i]);
        } else {
          v = value(recs[last][i]);
        }
        out += fmt::format("{:>7.{}f}", v, decimals);
      }
      out += "\n";
    };
    using services::TeamMonth;
    row("FTE at work", [](const TeamMonth& t) { return t.fte_effective; }, false, 1);
    row("cases (orange+red)", [](const TeamMonth& t) { return static_cast<double>(t.caseload[2] + t.caseload[3]); }, false);
    row("cases (other)", [](const TeamMonth& t) { return static_cast<double>(t.caseload[0] + t.caseload[1]); }, false);
    row("monitoring", [](const TeamMonth& t) { return static_cast<double>(t.monitoring); }, false);
    row("waiting list", [](const TeamMonth& t) { return static_cast<double>(t.waiting); }, false);
    row("intake self", [](const TeamMonth& t) { return static_cast<double>(t.intake_self); }, true);
    row("intake signal", [](const TeamMonth& t) { return static_cast<double>(t.intake_signal); }, true);
    row("intake outreach", [](const TeamMonth& t) { return static_cast<double>(t.intake_outreach); }, true);
    row("referrals", [](const TeamMonth& t) { return static_cast<double>(t.referrals); }, true);
    row("closed", [](const TeamMonth& t) { return static_cast<double>(t.closed); }, true);
    row("relapses", [](const TeamMonth& t) { return static_cast<double>(t.relapses); }, true);
    row("evictions stopped", [](const TeamMonth& t) { return static_cast<double>(t.evictions_stopped); }, true);
    // Utilisation over the year: client hours used (cases, monitoring and the work besides casework) / available.
    out += fmt::format("{:<22}", "utilisation %");
    for (std::uint32_t y = 0; y < years; ++y) {
      double used = 0.0, available = 0.0;
      for (std::size_t m = std::size_t{y} * 12; m < std::min<std::size_t>(recs.size(), (std::size_t{y} + 1) * 12); ++m) {
        used += recs[m][i].load_hours + recs[m][i].work_hours;
        available += recs[m][i].capacity_hours;
      }
      out += fmt::format("{:>7.0f}", available > 0.0 ? 100.0 * used / available : 0.0);
    }
    out += "\n";
  }
  // Escalations prevented and money against the zero alternative.
  const World& z = run.zero();
  out += "\nEscalations over the horizon: zero alternative -> project (prevented)\n";
  for (const auto& [counted, name] : kPrevented) {
    std::int64_t zero = 0, project = 0;
    for (std::size_t m = 0; m < p.records().size(); ++m) {
      zero += z.records()[m].events[static_cast<std::size_t>(counted)];
      project += p.records()[m].events[static_cast<std::size_t>(counted)];
    }
    out += fmt::format("  {:<20}{:>8} -> {:<8} ({})\n", kCountedNames[static_cast<std::size_t>(counted)], zero, project,
                       zero - project);
  }
  out += "\nProject minus zero alternative per pocket per year (EUR thousand; negative = saving)\n";
  out += fmt::format("{:<26}", "pocket");
  const Ledger& pl = p.ledger();
  for (std::uint32_t y = 0; y < pl.years(); ++y) out += fmt::format("{:>8}", fmt::format("y{}", y));
  out += fmt::format("{:>9}\n", "total");
  std::vector<Cents> money(pl.years() + 1, 0);
  for (PocketId k = 0; k < services::kPocketCount; ++k) {
    out += fmt::format("{:<26}", services::kPocketNames[k]);
    Cents total = 0;
    for (std::uint32_t y = 0; y < pl.years(); ++y) {
      const Cents d = pl.pocket_year(k, y) - z.ledger().pocket_year(k, y);
      total += d;
      if (services::is_money(static_cast<services::Pocket>(k))) money[y] += d;
      out += fmt::format("{:>8.0f}", to_eur(d) / 1000.0);
    }
    if (services::is_money(static_cast<services::Pocket>(k))) money.back() += total;
    out += fmt::format("{:>9.0f}\n", to_eur(total) / 1000.0);
  }
  out += fmt::format("{:<26}", "total money");
  for (auto c : money) out += fmt::format("{:>8.0f}", to_eur(c) / 1000.0);
  out += "\n";
  for (const FinancierEvent& e : run.financier_events())
    out += fmt::format("Year {}: {}: {}\n", e.year, e.team, e.what);
  return out;
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
  for (PocketId p = 0; p < services::kPocketCount; ++p) {
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
