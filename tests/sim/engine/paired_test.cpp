// Paired worlds and the team mechanisms they compare (docs/MODEL.md §10-14 and §17). Each mechanism test builds worlds from one warm-up (common random numbers) that differ in
// exactly one setting of the team, and checks the direction of the effect. Settings shared by both arms
// may be strong so that the direction is unmistakable; sizes stay small for the sanitizer build.
#include "sim/engine/paired.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/fixtures.hpp"
#include "common/worlds.hpp"
#include "scenarios/loader.hpp"
#include "sim/io/run_output.hpp"

namespace wijksim::sim {
namespace {

using services::Item;
using services::Pocket;
using services::TeamMonth;
using services::Trajectory;

constexpr std::array<Item, 3> kTeamItems{Item::TeamStaff, Item::TeamOther, Item::CustomBudget};

/// The zero alternative of `a` and two project worlds, `a` and `b`, all from one warm-up.
class Variants {
 public:
  Variants(scenarios::ScenarioDef first, scenarios::ScenarioDef second)
      : def_a_(std::move(first)), def_b_(std::move(second)), def_zero_(zero_alternative(def_a_)),
        worlds_(def_zero_, std::array{&def_a_, &def_b_}, 0, 2), zero(worlds_.zero()), a(worlds_.project(0)),
        b(worlds_.project(1)) {}
  Variants(const Variants&) = delete;
  Variants& operator=(const Variants&) = delete;

  void step() { worlds_.step(); }
  void run() { worlds_.run(); }

 private:
  const scenarios::ScenarioDef def_a_, def_b_, def_zero_;
  PairedWorlds worlds_;

 public:
  const World& zero;
  World& a;
  World& b;
};

/// Sum of a metric of the first team over months [from, to).
template <class F>
double team_sum(const World& w, F metric, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  double s = 0.0;
  to = std::min(to, w.team_records().size());
  for (std::size_t m = from; m < to; ++m) s += static_cast<double>(metric(w.team_records()[m].at(0)));
  return s;
}

template <class F>
double team_mean(const World& w, F metric) {
  return team_sum(w, metric) / static_cast<double>(w.team_records().size());
}

std::int64_t events(const World& w, Counted counted) {
  std::int64_t n = 0;
  for (const MonthRecord& r : w.records()) n += r.events[static_cast<std::size_t>(counted)];
  return n;
}

/// Money booked on `items` by all pockets, in one year (or all years).
Cents spent(const World& w, std::initializer_list<Item> items, std::uint32_t year) {
  Cents c = 0;
  for (const Item item : items)
    for (PocketId p = 0; p < services::kPocketCount; ++p) c += w.ledger().item_year(p, services::id(item), year);
  return c;
}
Cents spent(const World& w, std::initializer_list<Item> items) {
  Cents c = 0;
  for (std::uint32_t y = 0; y < w.ledger().years(); ++y) c += spent(w, items, y);
  return c;
}

/// Sum of the mental-health severity over all households.
std::int64_t mental_health(const World& w) {
  std::int64_t s = 0;
  for (const auto x : w.population().severity[agents::index(agents::Domain::MentalHealth)]) s += x;
  return s;
}

bool has_event(const PairedWorlds& run, const std::string& part) {
  return std::any_of(run.financier_events().begin(), run.financier_events().end(),
                     [&](const FinancierEvent& e) { return e.what.find(part) != std::string::npos; });
}

std::string all_csv(const World& w) { return levels_csv(w) + flows_csv(w) + pockets_csv(w); }

// --- Mechanisms ------------------------------------------------------------------------------------------

TEST(TeamEffect, OutreachFindsNewHouseholdsAndBringsExtraCareInTheFirstYear) {
  auto a = testing::small_team_scenario(5000, 24, 10.0);
  services::TeamDef& team = a.teams[0];
  // A wide funnel (every early signal can be visited, everyone is home and opens up) and a target that
  // includes light orange, so that outreach reaches households not known to care. Substitution is off in
  // both arms: it ends trajectories and would work against the suction this test isolates.
  team.target = "light_orange+orange+red";
  team.finding.early_signal = 1.0;
  team.finding.at_home = 1.0;
  team.finding.opens_up = 1.0;
  team.casework.substitution_existing = 0.0;
  team.casework.substitution_new = 0.0;
  team.casework.extra_care_new = 1.0;
  team.finding.outreach_visits = 0.0;
  auto b = a;
  b.teams[0].finding.outreach_visits = 20.0;
  Variants v(a, b);
  v.run();

  const auto outreach = [](const TeamMonth& t) { return t.intake_outreach; };
  const auto visits = [](const TeamMonth& t) { return t.visits; };
  const auto newly = [](const TeamMonth& t) { return t.newly_found; };
  const auto extra = [](const TeamMonth& t) { return t.extra_care; };
  EXPECT_EQ(team_sum(v.a, visits), 0.0);
  EXPECT_EQ(team_sum(v.a, outreach), 0.0);
  EXPECT_GT(team_sum(v.b, visits), 0.0);
  EXPECT_GT(team_sum(v.b, outreach), 0.0);
  EXPECT_GT(team_sum(v.b, newly), team_sum(v.a, newly));
  EXPECT_GT(team_sum(v.b, extra, 0, 12), team_sum(v.a, extra, 0, 12));
  // Suction shows in the first year's money for Wmo and debt help.
  const auto suction = {Item::WmoHouseholdHelp, Item::WmoDayActivities, Item::WmoIndividualSupport,
                        Item::DebtHelpLight, Item::DebtRestructuring};
  EXPECT_GT(spent(v.b, suction, 0), spent(v.a, suction, 0));
}

TEST(TeamEffect, BindingCapacityGrowsTheWaitingListAndEscalationsWhileWaiting) {
  auto a = testing::small_team_scenario(5000, 24, 0.5);
  a.teams[0].max_waiting = 100000;
  auto b = a;
  b.teams[0].fte = 20.0;
  Variants v(a, b);
  v.run();

  const auto& small = v.a.team_records();
  EXPECT_GT(small[23][0].waiting, small[3][0].waiting);
  EXPECT_GT(small[23][0].waiting, 10);
  const auto escalations = [](const TeamMonth& t) { return t.escalations_waiting; };
  EXPECT_GT(team_sum(v.a, escalations), 0.0);
  EXPECT_GT(team_sum(v.a, escalations), team_sum(v.b, escalations));
  EXPECT_LT(v.b.team_records()[23][0].waiting, small[23][0].waiting);
}

TEST(TeamEffect, MandateStopsEvictions) {
  auto a = scenarios::load_scenario(scenarios::resolve_scenario("deprived_district"));
  a.run.households = 8000;
  a.run.months = 36;
  a.run.warmup_months = 24;
  services::TeamDef team;
  team.fte = 10.0;
  team.turnover.yearly = 0.0;
  a.teams.push_back(team);
  auto b = a;
  b.teams[0].mandate.enabled = true;
  b.teams[0].mandate.custom_budget = 50000.0;
  Variants v(a, b);
  v.run();

  const auto stopped = [](const TeamMonth& t) { return t.evictions_stopped; };
  EXPECT_EQ(team_sum(v.a, stopped), 0.0);
  EXPECT_GT(team_sum(v.b, stopped), 0.0);
  EXPECT_GT(events(v.a, Counted::Evictions), 0);
  EXPECT_LT(events(v.b, Counted::Evictions), events(v.a, Counted::Evictions));
  // Arrears were cleared from the custom budget, never more than the budget in a year.
  EXPECT_EQ(spent(v.a, {Item::CustomBudget}), 0);
  EXPECT_GT(spent(v.b, {Item::CustomBudget}), 0);
  for (std::uint32_t y = 0; y < v.b.ledger().years(); ++y)
    EXPECT_LE(spent(v.b, {Item::CustomBudget}, y), kernel::to_cents(50000.0)) << "year " << y;
}

TEST(TeamEffect, WithoutAdultMentalHealthTheMentalHealthEffectIsWeaker) {
  auto a = testing::small_team_scenario(5000, 36, 10.0);
  const std::size_t mh = 3;  // adult_mental_health in kDisciplineNames
  ASSERT_EQ(services::kDisciplineNames[mh], "adult_mental_health");
  a.teams[0].casework.improve[mh] = 2.0;
  a.teams[0].casework.escalation[mh] = 0.8;
  auto b = a;
  b.teams[0].casework.disciplines = "work_income+youth+welfare+housing+care";
  Variants v(a, b);
  // Mean mental-health severity over all household-months of the horizon.
  std::int64_t zero = 0, full = 0, without = 0;
  while (!v.zero.finished()) {
    v.step();
    zero += mental_health(v.zero);
    full += mental_health(v.a);
    without += mental_health(v.b);
  }
  const double household_months = 5000.0 * 36.0;
  const double reduction_full = static_cast<double>(zero - full) / household_months;
  const double reduction_without = static_cast<double>(zero - without) / household_months;
  EXPECT_GT(reduction_full, 0.0);
  EXPECT_LT(reduction_without, reduction_full);
}

TEST(TeamEffect, MonitoringPreventsRelapses) {
  auto a = testing::small_team_scenario(5000, 36, 8.0);
  auto& cw = a.teams[0].casework;
  // Strong casework, fully kept while monitoring.
  cw.escalation.fill(0.9);
  cw.improve.fill(2.0);
  cw.monitoring_effect = 1.0;
  cw.monitoring_months = 12;
  auto b = a;
  b.teams[0].casework.monitoring_months = 0;
  Variants v(a, b);
  v.run();

  const auto relapses = [](const TeamMonth& t) { return t.relapses; };
  const auto closed = [](const TeamMonth& t) { return t.closed; };
  const auto monitoring = [](const TeamMonth& t) { return t.monitoring; };
  EXPECT_GT(team_sum(v.a, monitoring), 0.0);
  EXPECT_EQ(team_sum(v.b, monitoring), 0.0);
  EXPECT_GT(team_sum(v.b, relapses), 0.0);
  EXPECT_LT(team_sum(v.a, relapses), team_sum(v.b, relapses));
  // About the same number of cases is closed.
  EXPECT_GT(team_sum(v.b, closed), 0.0);
  EXPECT_NEAR(team_sum(v.a, closed), team_sum(v.b, closed), 0.2 * team_sum(v.b, closed));
}

TEST(TeamEffect, TurnoverLowersCapacity) {
  auto a = testing::small_team_scenario(5000, 36, 8.0);
  a.teams[0].turnover.yearly = 0.0;
  auto b = a;
  b.teams[0].turnover.yearly = 0.5;
  Variants v(a, b);
  v.run();

  const auto departures = [](const TeamMonth& t) { return t.departures; };
  const auto fte = [](const TeamMonth& t) { return t.fte; };
  const auto at_work = [](const TeamMonth& t) { return t.fte_effective; };
  const auto hours = [](const TeamMonth& t) { return t.capacity_hours; };
  EXPECT_EQ(team_sum(v.a, departures), 0.0);
  EXPECT_GT(team_sum(v.b, departures), 0.0);
  EXPECT_DOUBLE_EQ(team_mean(v.a, at_work), 8.0);
  EXPECT_LT(team_mean(v.b, at_work), team_mean(v.a, at_work));
  EXPECT_LT(team_mean(v.b, hours), team_mean(v.a, hours));
  // Leavers open vacancies; the paid FTE does not change.
  EXPECT_DOUBLE_EQ(team_mean(v.b, fte), 8.0);
}

TEST(TeamEffect, ReplacementFundingShrinksTheProviderBudget) {
  auto a = testing::small_team_scenario(5000, 36, 4.0);
  const std::uint32_t places = 150;  // fewer than the households asking, with and without the cut
  a.providers.providers[static_cast<std::size_t>(Trajectory::WmoHouseholdHelp)].capacity = places;
  a.teams[0].replaces = "wmo_household_help";
  a.teams[0].funding = "additional";
  auto b = a;
  b.teams[0].funding = "replacement";
  Variants v(a, b);
  v.run();

  const Trajectory help = Trajectory::WmoHouseholdHelp;
  EXPECT_EQ(v.zero.providers().capacity(help), places);
  EXPECT_EQ(v.a.providers().capacity(help), places);  // additional money leaves the provider alone
  // The team's yearly cost in places of household help.
  const services::TeamDef& t = b.teams[0];
  const auto cut = static_cast<std::uint32_t>(
      std::lround((t.fte * t.cost_per_fte + t.other_costs) / b.prices[Item::WmoHouseholdHelp].eur));
  ASSERT_GT(cut, 0U);
  EXPECT_EQ(v.b.providers().capacity(help), places - cut);
  EXPECT_LT(v.b.providers().capacity(help), v.zero.providers().capacity(help));
  EXPECT_LT(spent(v.b, {Item::WmoHouseholdHelp}), spent(v.a, {Item::WmoHouseholdHelp}));
}

// --- Financiers ------------------------------------------------------------------------------------------

scenarios::ScenarioDef cofinanced(double share, std::uint32_t patience) {
  auto def = testing::small_team_scenario(4000, 24, 4.0);
  services::CoFinancierDef c;
  c.pocket = "housing_corporation";
  c.share = share;
  c.patience = patience;
  def.teams[0].cofinanciers.push_back(c);
  return def;
}

TEST(Financiers, AWithdrawingCoFinancierShrinksTheTeam) {
  auto def = cofinanced(0.3, 1);
  def.financiers.enabled = true;
  PairedWorlds run(def, 0, 2);
  run.run();

  // The housing corporation pays 30% of the team and saves far less: it withdraws after year 0.
  ASSERT_TRUE(has_event(run, "housing_corporation withdraws")) << financiers_csv(run);
  EXPECT_EQ(run.financier_events().front().year, 0U);
  EXPECT_FALSE(run.project().teams()[0].cofinancing()[0]);
  const auto& recs = run.project().team_records();
  for (std::size_t m = 0; m < 12; ++m) EXPECT_DOUBLE_EQ(recs[m][0].fte, 4.0) << "month " << m;
  for (std::size_t m = 12; m < 24; ++m) EXPECT_NEAR(recs[m][0].fte, 4.0 * 0.7, 1e-9) << "month " << m;
  const auto cost = [](const TeamMonth& t) { return t.cost; };
  EXPECT_LT(team_sum(run.project(), cost, 12, 24), team_sum(run.project(), cost, 0, 12));
  // It pays nothing after withdrawing.
  const auto housing = services::id(Pocket::HousingCorporation);
  EXPECT_GT(run.project().ledger().item_year(housing, services::id(Item::TeamStaff), 0), 0);
  EXPECT_EQ(run.project().ledger().item_year(housing, services::id(Item::TeamStaff), 1), 0);
}

TEST(Financiers, PooledSettlementSumsToZeroAndSharesSavingsByContribution) {
  auto def = cofinanced(0.3, 1);
  def.financiers.pooled = true;
  PairedWorlds run(def, 0, 2);
  run.run();

  EXPECT_TRUE(has_event(run, "pooled settlement")) << financiers_csv(run);
  const Ledger& p = run.project().ledger();
  const Ledger& z = run.zero().ledger();
  const auto settlement = services::id(Item::PooledSettlement);
  Cents moved = 0;
  for (std::uint32_t y = 0; y < p.years(); ++y) {
    Cents sum = 0;
    for (PocketId k = 0; k < services::kPocketCount; ++k) {
      sum += p.item_year(k, settlement, y);
      moved += std::abs(p.item_year(k, settlement, y));
    }
    EXPECT_EQ(sum, 0) << "year " << y;
    // After settlement each payer's net saving is the pool's saving in proportion to its contribution.
    const auto social = services::id(Pocket::MunicipalitySocialWork), housing = services::id(Pocket::HousingCorporation);
    const auto team_money = [&](PocketId k) {
      Cents c = 0;
      for (const Item item : kTeamItems) c += p.item_year(k, services::id(item), y);
      return static_cast<double>(c);
    };
    const auto saving = [&](PocketId k) { return static_cast<double>(z.pocket_year(k, y) - p.pocket_year(k, y)); };
    const double pool = saving(social) + saving(housing);
    const double contributions = team_money(social) + team_money(housing);
    EXPECT_NEAR(saving(housing), pool * team_money(housing) / contributions, 2.0) << "year " << y;
    EXPECT_NEAR(saving(social), pool * team_money(social) / contributions, 2.0) << "year " << y;
  }
  EXPECT_GT(moved, 0);
}

// --- Zero alternative, determinism, ledger -----------------------------------------------------------------

TEST(PairedWorlds, AZeroFteTeamGivesTheZeroAlternativeByteForByte) {
  // Whatever else it is set to do, a team without staff finds, treats and costs nothing.
  auto def = testing::small_team_scenario(3000, 24, 0.0);
  services::TeamDef& team = def.teams[0];
  team.finding.outreach_visits = 20.0;
  team.mandate.enabled = true;
  team.mandate.custom_budget = 50000.0;
  team.other_costs = 20000.0;
  team.turnover.yearly = 0.5;
  PairedWorlds run(def, 0, 2);
  run.run();
  EXPECT_EQ(levels_csv(run.project()), levels_csv(run.zero()));
  EXPECT_EQ(flows_csv(run.project()), flows_csv(run.zero()));
  EXPECT_EQ(pockets_csv(run.project()), pockets_csv(run.zero()));
  EXPECT_EQ(run.project().ledger().total(), run.zero().ledger().total());
  const auto cost = [](const TeamMonth& t) { return t.cost; };
  EXPECT_EQ(team_sum(run.project(), cost), 0.0);
  // And the same as a world that never heard of teams.
  const auto zero_def = zero_alternative(def);
  const World alone = testing::run_world(zero_def);
  EXPECT_EQ(all_csv(alone), all_csv(run.project()));
}

// Replacement funding takes the yearly cost the team books out of the providers' places; a team without staff
// books nothing (not even its other costs), so it takes no places either and its run is the zero alternative.
TEST(PairedWorlds, AZeroFteTeamWithReplacementFundingGivesTheZeroAlternative) {
  auto def = testing::small_team_scenario(3000, 24, 0.0);
  def.providers.providers[static_cast<std::size_t>(Trajectory::WmoHouseholdHelp)].capacity = 100;
  def.teams[0].funding = "replacement";
  def.teams[0].replaces = "wmo_household_help";
  def.teams[0].other_costs = 20000.0;
  PairedWorlds run(def, 0, 2);
  run.run();
  EXPECT_EQ(run.project().providers().capacity(Trajectory::WmoHouseholdHelp),
            run.zero().providers().capacity(Trajectory::WmoHouseholdHelp));
  EXPECT_EQ(spent(run.project(), {Item::WmoHouseholdHelp}), spent(run.zero(), {Item::WmoHouseholdHelp}));
  EXPECT_TRUE(all_csv(run.project()) == all_csv(run.zero()));
}

TEST(PairedWorlds, ZeroFteCliRunEqualsTheZeroAlternativeRun) {
  namespace fs = std::filesystem;
  using testing::slurp;
  const auto dir = testing::fresh_dir("paired_zero_fte");
  const auto team = testing::run_cli("run wijkteam --set teams.0.fte=0 --households 2000 --months 24 --out A", dir);
  ASSERT_EQ(team.exit_code, 0) << team.err;
  const auto zero = testing::run_cli("run --households 2000 --months 24 --out B", dir);
  ASSERT_EQ(zero.exit_code, 0) << zero.err;
  for (const char* f : {"levels_by_month.csv", "flows_by_month.csv", "pockets_by_year.csv"}) {
    ASSERT_TRUE(fs::exists(dir / "A" / f)) << f;
    EXPECT_EQ(slurp(dir / "A" / f), slurp(dir / "B" / f)) << f;
  }
  EXPECT_EQ(slurp(dir / "A" / "teams_by_month.csv").rfind("month,team,metric,value\n0,wijkteam,", 0), 0U);
  EXPECT_EQ(slurp(dir / "A" / "pockets_vs_zero_by_year.csv").rfind("year,pocket,zero_eur,project_eur,difference_eur\n", 0),
            0U);
  EXPECT_FALSE(fs::exists(dir / "B" / "teams_by_month.csv"));
  fs::remove_all(dir);
}

TEST(PairedWorlds, OutputDoesNotDependOnThreads) {
  // Every team path at once: outreach, mandate with budget, turnover, a co-financier, reviews, pooling;
  // a team and providers short of places, so that the order of contacts and requests matters.
  auto def = cofinanced(0.2, 1);
  services::TeamDef& team = def.teams[0];
  team.fte = 1.5;
  team.finding.outreach_visits = 10.0;
  team.mandate.enabled = true;
  team.mandate.custom_budget = 20000.0;
  team.turnover.yearly = 0.3;
  team.max_waiting = 20;
  for (const Trajectory t : {Trajectory::WmoHouseholdHelp, Trajectory::DebtHelpLight, Trajectory::YouthAmbulatory})
    def.providers.providers[static_cast<std::size_t>(t)].capacity = 40;
  def.financiers.enabled = true;
  def.financiers.pooled = true;
  PairedWorlds one(def, 0, 1), two(def, 0, 2);
  one.run();
  two.run();
  EXPECT_EQ(teams_csv(one), teams_csv(two));
  EXPECT_EQ(pockets_vs_zero_csv(one), pockets_vs_zero_csv(two));
  EXPECT_EQ(levels_csv(one.project()), levels_csv(two.project()));
  EXPECT_EQ(financiers_csv(one), financiers_csv(two));
  EXPECT_EQ(providers_csv(one.project()), providers_csv(two.project()));
}

TEST(PairedWorlds, LedgerBalancesWithTeamCostsAndTheCoFinancierPaysItsShare) {
  const double share = 0.3;
  auto def = cofinanced(share, 1);  // financiers off: the co-financier never withdraws
  services::TeamDef& team = def.teams[0];
  team.other_costs = 20000.0;
  team.mandate.enabled = true;
  team.mandate.custom_budget = 30000.0;
  PairedWorlds run(def, 0, 2);
  run.run();
  const World& w = run.project();
  const Ledger& ledger = w.ledger();

  // What the team reported it cost equals the team items on the ledger ...
  Cents reported = 0;
  for (const auto& month : w.team_records()) reported += month.at(0).cost;
  Cents booked = 0;
  for (const Item item : kTeamItems) booked += spent(w, {item});
  EXPECT_GT(reported, 0);
  EXPECT_EQ(booked, reported);
  // ... and everything on the ledger is either a care charge or a team cost.
  Cents charged = 0;
  for (const auto c : w.tallies().care.items) charged += c;
  EXPECT_EQ(ledger.total(), charged + reported);

  // Every month the co-financier pays its share of the team items, the municipality the rest.
  const auto housing = services::id(Pocket::HousingCorporation);
  const auto social = services::id(Pocket::MunicipalitySocialWork);
  for (Month m = 0; m < ledger.months(); ++m) {
    const TeamMonth& t = w.team_records()[m].at(0);
    Cents cofinancier = 0, municipality = 0;
    for (const Item item : kTeamItems) {
      cofinancier += ledger.at(m, housing, services::id(item));
      municipality += ledger.at(m, social, services::id(item));
    }
    EXPECT_EQ(cofinancier + municipality, t.cost) << "month " << m;
    // Each booking rounds to the cent: staff, other costs, and one per eviction stopped from the budget.
    const double bookings = 2.0 + static_cast<double>(t.evictions_stopped);
    EXPECT_NEAR(static_cast<double>(cofinancier), share * static_cast<double>(t.cost), 0.5 * bookings)
        << "month " << m;
  }
}

// --- Scenario checks of teams ------------------------------------------------------------------------------

scenarios::ScenarioError load_error(std::vector<std::string> overrides) {
  try {
    scenarios::load_scenario(scenarios::resolve_scenario("wijkteam"), overrides);
  } catch (const scenarios::ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return scenarios::ScenarioError("", 0, "", "");
}

TEST(TeamScenario, ShippedWijkteamLoadsWithOneTeam) {
  const auto def = scenarios::load_scenario(scenarios::resolve_scenario("wijkteam"));
  ASSERT_EQ(def.teams.size(), 1U);
  EXPECT_EQ(def.teams[0].name, "wijkteam");
  EXPECT_TRUE(zero_alternative(def).teams.empty());
}

TEST(TeamScenario, AnUnknownTargetLevelNamesTheKey) {
  const auto e = load_error({"teams.0.target=purple"});
  EXPECT_EQ(e.key, "teams.0.target");
  EXPECT_NE(e.message.find("'purple' is not a level"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("teams.0.target: "), std::string::npos) << e.what();
  // One bad part of a '+'-joined list is enough.
  EXPECT_EQ(load_error({"teams.0.target=orange+purple"}).key, "teams.0.target");
}

TEST(TeamScenario, ReplacingAProviderWithoutPlacesNamesTheKey) {
  const auto e = load_error({"teams.0.funding=replacement", "teams.0.replaces=wmo_household_help"});
  EXPECT_EQ(e.key, "teams.0.replaces");
  EXPECT_NE(e.message.find("wmo_household_help"), std::string::npos) << e.what();
  EXPECT_NE(e.message.find("providers.wmo_household_help.capacity"), std::string::npos) << e.what();
  // With a limit on places the same team loads.
  EXPECT_NO_THROW(scenarios::load_scenario(
      scenarios::resolve_scenario("wijkteam"),
      std::vector<std::string>{"teams.0.funding=replacement", "teams.0.replaces=wmo_household_help",
                               "providers.wmo_household_help.capacity=400"}));
  // Replacement without providers is refused too.
  EXPECT_EQ(load_error({"teams.0.funding=replacement"}).key, "teams.0.replaces");
}

}  // namespace
}  // namespace wijksim::sim
