#include "sim/engine/financiers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace wijksim::sim {

namespace {

using services::Item;
using services::Pocket;

constexpr std::array<Item, 3> kTeamItems{Item::TeamStaff, Item::TeamOther, Item::CustomBudget};

/// What a pocket paid for teams in a year.
Cents team_money(const Ledger& ledger, PocketId pocket, std::uint32_t year) {
  Cents sum = 0;
  for (const Item item : kTeamItems) sum += ledger.item_year(pocket, services::id(item), year);
  return sum;
}

/// Net saving of a pocket in a year: its cost in the zero alternative minus its cost in the project.
Cents saving(const World& zero, const World& project, PocketId pocket, std::uint32_t year) {
  return zero.ledger().pocket_year(pocket, year) - project.ledger().pocket_year(pocket, year);
}

}  // namespace

FinancierModule::FinancierModule(const scenarios::ScenarioDef& project) {
  for (const services::TeamDef& team : project.teams) negative_years_.emplace_back(team.cofinanciers.size(), 0U);
}

void FinancierModule::review(const World& zero, World& project, Month m) {
  if (month_in_year(m) != 11 || project.teams().empty()) return;
  const services::FinanciersDef& fin = project.def().financiers;
  if (fin.pooled) settle_pool(zero, project, year_of(m));
  if (fin.enabled) review_year(zero, project, year_of(m));
}

void FinancierModule::settle_pool(const World& zero, World& project, std::uint32_t year) {
  // Pooled budget: the pockets that paid for the teams share their joint net saving by contribution
  // [S002; S004]. Settled on the last month of the year as transfers between those pockets (double entry, so
  // the settlements add up to zero).
  std::vector<std::pair<PocketId, Cents>> paid;
  Cents contributions = 0, pool = 0;
  for (PocketId p = 0; p < services::kPocketCount; ++p) {
    const Cents c = team_money(project.ledger(), p, year);
    if (c <= 0) continue;
    paid.emplace_back(p, c);
    contributions += c;
    pool += saving(zero, project, p, year);
  }
  if (paid.size() < 2) return;
  const Month month = year * 12 + 11;
  // Every pocket but the last settles with the last: it receives the difference between its share of the pool
  // and its own saving (its cost falls), or pays it.
  const PocketId counterpart = paid.back().first;
  for (std::size_t i = 0; i + 1 < paid.size(); ++i) {
    const auto [pocket, contribution] = paid[i];
    const Cents target = static_cast<Cents>(
        std::llround(static_cast<double>(pool) * static_cast<double>(contribution) / static_cast<double>(contributions)));
    project.ledger_for_settlement().transfer(month, pocket, counterpart, services::id(Item::PooledSettlement),
                                             saving(zero, project, pocket, year) - target);
  }
  events_.push_back({year, "all", fmt::format("pooled settlement over {} pockets", paid.size())});
}

void FinancierModule::review_year(const World& zero, World& project, std::uint32_t year) {
  const services::FinanciersDef& fin = project.def().financiers;
  auto& teams = project.teams();
  // Co-financiers judge their own pocket: its saving against the zero alternative, their contribution included.
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const services::TeamDef& def = teams[i].def();
    for (std::size_t j = 0; j < def.cofinanciers.size(); ++j) {
      if (!teams[i].cofinancing()[j]) continue;
      const auto pocket = services::id(services::pocket_from_name(def.cofinanciers[j].pocket).value_or(Pocket::HealthInsurer));
      auto& streak = negative_years_[i][j];
      streak = saving(zero, project, pocket, year) < 0 ? streak + 1 : 0;
      if (streak < def.cofinanciers[j].patience) continue;
      teams[i].withdraw(j);
      events_.push_back({year, def.name, fmt::format("{} withdraws after {} negative years; team now {:.2f} FTE",
                                                     def.cofinanciers[j].pocket, streak, teams[i].fte())});
    }
  }
  // The municipality reviews the team every few years on the municipal ratio of that period.
  if (fin.municipal_review_years == 0 || (year + 1) % fin.municipal_review_years != 0) return;
  Cents cost = 0, net = 0;
  for (std::uint32_t y = year + 1 - fin.municipal_review_years; y <= year; ++y)
    for (PocketId p = 0; p < services::kPocketCount; ++p) {
      if (!services::is_municipal(static_cast<Pocket>(p))) continue;
      cost += team_money(project.ledger(), p, y);
      net += saving(zero, project, p, y);
    }
  if (cost <= 0) return;
  const double ratio = static_cast<double>(net + cost) / static_cast<double>(cost);
  const double factor = (fin.cut_below > 0.0 && ratio < fin.cut_below)     ? 1.0 - fin.resize_step
                        : (fin.grow_above > 0.0 && ratio > fin.grow_above) ? 1.0 + fin.resize_step
                                                                           : 1.0;
  if (factor == 1.0) return;
  for (services::Team& team : teams) {
    team.set_fte(team.fte() * factor);
    events_.push_back({year, team.def().name,
                       fmt::format("municipal ratio {:.2f}: municipality {} the team to {:.2f} FTE", ratio,
                                   factor < 1.0 ? "cuts" : "grows", team.fte())});
  }
}

}  // namespace wijksim::sim
