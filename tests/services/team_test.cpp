// One team on a hand-made population (docs/MODEL.md §10): intake, waiting list, outreach funnel,
// mandate, closure and monitoring, turnover and the team's bookings. The effects of these mechanisms on a
// whole world, against the zero alternative, are tested in tests/sim/paired_test.cpp.
#include "services/team.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "services/pockets.hpp"

namespace wijksim::services {
namespace {

using agents::Domain;
using agents::Level;
using agents::Support;

TEST(NameSet, ParsesPlusJoinedNamesAndReportsTheFirstUnknownPart) {
  const NameSet levels = parse_name_set("orange+red", agents::kLevelNames);
  EXPECT_EQ(levels.bits, (1U << agents::index(Level::Orange)) | (1U << agents::index(Level::Red)));
  EXPECT_TRUE(levels.unknown.empty());
  const NameSet bad = parse_name_set("orange+purple+blue", agents::kLevelNames);
  EXPECT_EQ(bad.unknown, "purple");
  EXPECT_EQ(bad.bits, 1U << agents::index(Level::Orange));
  EXPECT_EQ(parse_name_set("work_income+adult_mental_health", kDisciplineNames).bits, 0b1001U);
}

/// A team of the code defaults with full capacity from the first month and no turnover, on ten households.
class TeamTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kHouseholds = 10;

  TeamTest() {
    def.ramp_months = 0;
    def.turnover.yearly = 0.0;
    def.casework.extra_care_new = 0.0;  // no suction unless a test asks for it
    def.work = WorkDef{0.0, 0.0, 0.0, 0.0, 0.0};  // casework hours only unless a test asks for the rest
  }

  Team make() const {
    const ReferralGraph g = build_referral_graph({def}, agents::EscalationDef{});
    return Team(def, 0, routes_of(g, 0, CareDef{}));
  }

  /// One month of the team; `contacts` come in as partner signals.
  const TeamMonth& act(Team& team, kernel::Month month, const std::vector<kernel::HouseholdId>& contacts,
                       const std::vector<kernel::HouseholdId>& early = {}) {
    std::vector<Contact> in, out;
    for (const auto h : contacts) in.push_back({h, 0, Source::Signal});
    for (const auto h : early) out.push_back({h, 0, Source::Outreach});
    TeamWorld w{pop, providers, care, ledger, rng, month + 24, month};
    team.act(w, in, out, 0);
    return team.last_month();
  }

  /// A household at a level, with its worst problem in finances.
  void set_level(kernel::HouseholdId h, Level level) {
    pop.last_level[h] = level;
    pop.severity[agents::index(Domain::Finances)][h] = static_cast<std::uint8_t>(agents::index(level));
  }

  TeamDef def;
  agents::Population pop{kHouseholds};
  Providers providers{ProvidersDef{}};
  CareRules care = CareRules::from(CareDef{}, ProvidersDef{});
  kernel::Ledger ledger{36, kPocketCount, kItemCount};
  kernel::Rng rng{20140101, 0};
};

TEST_F(TeamTest, EffectsAreWeakerInADomainWithoutItsDiscipline) {
  def.casework.disciplines = "work_income+youth+welfare+housing+care";
  const Team team = make();
  const auto mh = agents::index(Domain::MentalHealth), fin = agents::index(Domain::Finances);
  const CaseworkDef& cw = def.casework;
  EXPECT_DOUBLE_EQ(team.active_effect().improve[fin], 1.0 + cw.improve[0]);
  EXPECT_DOUBLE_EQ(team.active_effect().worsen[fin], 1.0 - cw.escalation[0]);
  EXPECT_DOUBLE_EQ(team.active_effect().improve[mh], 1.0 + cw.improve[3] * cw.without_discipline);
  EXPECT_DOUBLE_EQ(team.active_effect().worsen[mh], 1.0 - cw.escalation[3] * cw.without_discipline);
  EXPECT_DOUBLE_EQ(team.monitoring_effect().improve[fin], 1.0 + cw.improve[0] * cw.monitoring_effect);
  EXPECT_DOUBLE_EQ(team.monitoring_effect().network, cw.network_activation * cw.monitoring_effect);
  EXPECT_GT(team.active_effect().improve[fin], team.active_effect().improve[mh]);
  EXPECT_LT(team.active_effect().worsen[fin], team.active_effect().worsen[mh]);
}

TEST_F(TeamTest, AFullTeamKeepsAWaitingListAndTakesInWhenRoomFrees) {
  // 0.1 FTE = 10 client hours a month: exactly one red household (120 hours a year).
  def.fte = 0.1;
  def.max_waiting = 1;
  def.waiting_drop_out = 0.0;
  Team team = make();
  set_level(0, Level::Red);
  set_level(1, Level::Red);
  set_level(2, Level::Orange);
  const TeamMonth m0 = act(team, 0, {0, 1, 2});
  EXPECT_EQ(m0.caseload[agents::index(Level::Red)], 1);
  EXPECT_EQ(m0.waiting, 1);
  EXPECT_EQ(m0.refused, 1);        // the list is full
  EXPECT_EQ(m0.intake_signal, 2);  // taken in now or on the list
  EXPECT_DOUBLE_EQ(m0.capacity_hours, 10.0);
  EXPECT_EQ(pop.support[0], Support::Active);
  EXPECT_EQ(pop.support[1], Support::Waiting);
  EXPECT_EQ(pop.support[2], Support::NotKnown);
  // The first household leaves (a new household takes its place): the second is taken in from the list.
  pop.support[0] = Support::NotKnown;
  const TeamMonth m1 = act(team, 1, {});
  EXPECT_EQ(m1.waiting, 0);
  EXPECT_EQ(m1.caseload[agents::index(Level::Red)], 1);
  EXPECT_EQ(pop.support[1], Support::Active);
  EXPECT_EQ(pop.team[1], 0);
}

// Outreach visits take hours from the same client hours as the cases (WorkDef::visit_hours): on paired households
// (the same contact and early signals), a team that visits has no room left for a red household that a team
// without visits takes in at once.
TEST_F(TeamTest, VisitsUseHoursAndLowerCaseworkCapacity) {
  def.fte = 0.1;                       // 10 client hours a month: one red household (120 hours a year)
  def.finding.outreach_visits = 40.0;  // 4 visits a month at 0.1 FTE
  def.finding.at_home = 0.0;           // nobody home: the visits find no one, they only take time
  def.work.visit_hours = 1.5;
  def.max_waiting = 5;
  def.waiting_drop_out = 0.0;
  set_level(0, Level::Red);
  const std::vector<kernel::HouseholdId> early{5, 6, 7, 8, 9};
  Team visiting = make();
  const TeamMonth v = act(visiting, 0, {0}, early);
  EXPECT_EQ(v.visits, 4);
  EXPECT_DOUBLE_EQ(v.work_hours, 6.0);
  EXPECT_EQ(v.caseload[agents::index(Level::Red)], 0);  // 6 of 10 hours went to visits
  EXPECT_EQ(v.waiting, 1);
  EXPECT_EQ(pop.support[0], Support::Waiting);
  EXPECT_DOUBLE_EQ(v.utilisation, 0.6);

  // The same household and signals, a team that makes no visits: the red household is taken in at once.
  for (auto& s : pop.support) s = Support::NotKnown;
  def.finding.outreach_visits = 0.0;
  Team desk = make();
  const TeamMonth d = act(desk, 0, {0}, early);
  EXPECT_EQ(d.visits, 0);
  EXPECT_DOUBLE_EQ(d.work_hours, 0.0);
  EXPECT_EQ(d.caseload[agents::index(Level::Red)], 1);
  EXPECT_EQ(pop.support[0], Support::Active);
  EXPECT_DOUBLE_EQ(d.utilisation, 1.0);
}

// Contacts, intake, referrals and network meetings each take their hours; utilisation = (load + work) / capacity.
TEST_F(TeamTest, ContactsIntakeReferralsAndMeetingsTakeHours) {
  def.fte = 1.0;  // 100 client hours a month
  def.work = WorkDef{1.5, 0.5, 3.0, 1.0, 4.0};
  def.casework.referral_acceptance = 1.0;
  Team team = make();
  set_level(0, Level::Orange);  // taken in: contact, intake and 2.5 hours a month of casework
  set_level(1, Level::Green);   // out of target: a contact and a referral for its worst domain
  pop.severity[agents::index(Domain::Finances)][1] = 1;
  const TeamMonth m = act(team, 0, {0, 1});
  EXPECT_EQ(m.caseload[agents::index(Level::Orange)], 1);
  EXPECT_EQ(m.referrals, 1);
  // network 4 · 1 FTE + 2 contacts · 0.5 + 1 intake · 3 + 1 referral · 1 = 9 hours
  EXPECT_DOUBLE_EQ(m.work_hours, 9.0);
  EXPECT_DOUBLE_EQ(m.load_hours, 2.5);
  EXPECT_DOUBLE_EQ(m.utilisation, 11.5 / 100.0);
}

// An urgent signal (urgent_signals) is taken in at once even when the team is full; a request still waits.
TEST_F(TeamTest, UrgentSignalsAreTakenInAboveCapacity) {
  def.fte = 0.1;  // 10 client hours a month: one red household
  def.urgent_signals = true;
  Team team = make();
  for (kernel::HouseholdId h = 0; h < 3; ++h) set_level(h, Level::Red);
  const TeamMonth m0 = act(team, 0, {0, 1});  // two partner signals
  EXPECT_EQ(m0.caseload[agents::index(Level::Red)], 2);
  EXPECT_EQ(m0.waiting, 0);
  EXPECT_DOUBLE_EQ(m0.load_hours, 20.0);  // above the 10 hours of capacity
  // A request of its own waits, and nobody comes off the list while the load is above capacity.
  TeamWorld w{pop, providers, care, ledger, rng, 25, 1};
  const std::vector<Contact> self{{2, 0, Source::Self}};
  team.act(w, self, {}, 0);
  EXPECT_EQ(team.last_month().waiting, 1);
  EXPECT_EQ(pop.support[2], Support::Waiting);

  // Without urgent_signals the second signal waits its turn.
  def.urgent_signals = false;
  for (auto& s : pop.support) s = Support::NotKnown;
  Team queued = make();
  const TeamMonth q = act(queued, 0, {0, 1});
  EXPECT_EQ(q.caseload[agents::index(Level::Red)], 1);
  EXPECT_EQ(q.waiting, 1);
}

TEST_F(TeamTest, AHouseholdUnknownToCareTakenInAtOnceIsNewlyFound) {
  Team team = make();
  set_level(0, Level::Orange);  // no care, no waiting, not known to a team
  const TeamMonth m = act(team, 0, {0});
  EXPECT_EQ(m.newly_found, 1);
  EXPECT_TRUE(pop.flags[0] & agents::kNewlyFound);
}

// Whether a household is newly found is judged at first contact and kept while it waits (docs/MODEL.md §10.6): a
// household unknown to care that had to wait for room is still newly found when it is taken in.
TEST_F(TeamTest, AHouseholdUnknownToCareThatHadToWaitIsStillNewlyFound) {
  def.fte = 0.1;  // room for one red household
  def.waiting_drop_out = 0.0;
  Team team = make();
  set_level(0, Level::Red);
  set_level(1, Level::Red);  // no care, no waiting, not known to a team
  EXPECT_EQ(act(team, 0, {0, 1}).newly_found, 1);
  ASSERT_EQ(pop.support[1], Support::Waiting);
  pop.support[0] = Support::NotKnown;  // room frees
  const TeamMonth m1 = act(team, 1, {});
  ASSERT_EQ(pop.support[1], Support::Active);
  EXPECT_EQ(m1.newly_found, 1);
  EXPECT_TRUE(pop.flags[1] & agents::kNewlyFound);
}

TEST_F(TeamTest, OutreachVisitsFollowTheFunnel) {
  def.fte = 2.0;
  def.finding.outreach_visits = 2.0;  // 4 visits a month
  def.finding.at_home = 1.0;
  def.finding.opens_up = 1.0;
  Team team = make();
  std::vector<kernel::HouseholdId> early;
  for (kernel::HouseholdId h = 0; h < kHouseholds; ++h) {
    set_level(h, Level::Orange);
    early.push_back(h);
  }
  const TeamMonth m = act(team, 0, {}, early);
  EXPECT_EQ(m.visits, 4);
  EXPECT_EQ(m.visits_home, 4);
  EXPECT_EQ(m.intake_outreach, 4);
  EXPECT_EQ(m.caseload[agents::index(Level::Orange)], 4);

  // Nobody at home: visits, but no intake.
  def.finding.at_home = 0.0;
  Team closed_doors = make();
  for (auto& s : pop.support) s = Support::NotKnown;
  const TeamMonth n = act(closed_doors, 0, {}, early);
  EXPECT_EQ(n.visits, 4);
  EXPECT_EQ(n.visits_home, 0);
  EXPECT_EQ(n.intake_outreach, 0);
}

TEST_F(TeamTest, OutOfTargetContactsAreReferredOn) {
  def.casework.referral_acceptance = 1.0;
  Team team = make();
  set_level(0, Level::LightOrange);  // finances at 1: out of target
  pop.severity[agents::index(Domain::Finances)][0] = 2;
  const TeamMonth m = act(team, 0, {0});
  EXPECT_EQ(m.referrals, 1);
  EXPECT_EQ(m.intake_signal, 0);
  EXPECT_EQ(pop.support[0], Support::NotKnown);
  EXPECT_TRUE(pop.care[0] & (1U << static_cast<unsigned>(Trajectory::DebtHelpLight)));
}

TEST_F(TeamTest, MandateStopsPendingEvictionsAndClearsArrearsFromTheBudget) {
  def.mandate.enabled = true;
  def.mandate.stop_eviction = 1.0;
  def.mandate.custom_budget = 3000.0;  // enough for one case
  def.mandate.arrears_cost = 2500.0;
  Team team = make();
  for (kernel::HouseholdId h : {0U, 1U}) {
    set_level(h, Level::Red);
    pop.housing[h] = agents::Housing::EvictionPending;
  }
  const TeamMonth m = act(team, 0, {0, 1});
  EXPECT_EQ(m.evictions_stopped, 2);
  EXPECT_EQ(pop.housing[0], agents::Housing::Housed);  // arrears paid from the budget
  EXPECT_EQ(pop.sev(Domain::Finances, 0), 2);
  EXPECT_EQ(pop.housing[1], agents::Housing::Arrears);  // budget spent: a payment plan
  EXPECT_EQ(ledger.at(0, id(Pocket::MunicipalitySocialWork), id(Item::CustomBudget)), kernel::to_cents(2500.0));

  // Without mandate nothing is stopped.
  def.mandate.enabled = false;
  Team plain = make();
  set_level(2, Level::Red);
  pop.housing[2] = agents::Housing::EvictionPending;
  EXPECT_EQ(act(plain, 0, {2}).evictions_stopped, 0);
  EXPECT_EQ(pop.housing[2], agents::Housing::EvictionPending);
}

TEST_F(TeamTest, ClosedCasesAreMonitoredAndTakenInAgainWhenTheySlipBack) {
  for (const std::uint32_t monitoring : {12U, 0U}) {
    SCOPED_TRACE(monitoring);
    def.casework.monitoring_months = monitoring;
    def.casework.close_after_stable = 3;
    Team team = make();
    const kernel::HouseholdId h = monitoring > 0 ? 1 : 2;  // a fresh household per round
    set_level(h, Level::Orange);
    act(team, 0, {h});
    ASSERT_EQ(pop.support[h], Support::Active);
    pop.last_level[h] = Level::Green;
    std::int64_t closed = 0;
    for (kernel::Month m = 1; m <= 3; ++m) closed += act(team, m, {}).closed;
    EXPECT_EQ(closed, 1);
    EXPECT_EQ(pop.support[h], monitoring > 0 ? Support::Monitoring : Support::Closed);
    EXPECT_EQ(team.last_month().monitoring, monitoring > 0 ? 1 : 0);
    // Back at orange: a relapse; a monitored household is a case again at once.
    pop.last_level[h] = Level::Orange;
    const TeamMonth back = act(team, 4, {});
    EXPECT_EQ(back.relapses, 1);
    EXPECT_EQ(pop.support[h], monitoring > 0 ? Support::Active : Support::Closed);
    EXPECT_EQ(back.caseload[agents::index(Level::Orange)], monitoring > 0 ? 1 : 0);
  }
}

TEST_F(TeamTest, CostsAreBookedOnThePayersByTheirShares) {
  def.fte = 2.0;
  def.cost_per_fte = 60000.0;
  def.other_costs = 12000.0;
  def.friction_share = 0.1;
  def.cofinanciers.push_back({"health_insurer", 0.25, 2});
  Team team = make();
  const auto insurer = id(Pocket::HealthInsurer), social = id(Pocket::MunicipalitySocialWork);
  // First year: staff 10,000 a month; other costs 1,000 plus friction 1,000.
  EXPECT_EQ(act(team, 0, {}).cost, kernel::to_cents(12000.0));
  EXPECT_EQ(ledger.at(0, insurer, id(Item::TeamStaff)), kernel::to_cents(2500.0));
  EXPECT_EQ(ledger.at(0, social, id(Item::TeamStaff)), kernel::to_cents(7500.0));
  EXPECT_EQ(ledger.at(0, insurer, id(Item::TeamOther)), kernel::to_cents(500.0));
  EXPECT_EQ(ledger.at(0, social, id(Item::TeamOther)), kernel::to_cents(1500.0));
  // No friction after the first year.
  EXPECT_EQ(act(team, 12, {}).cost, kernel::to_cents(11000.0));
  // The co-financier withdraws: the team shrinks by its share and the municipality pays the rest.
  team.withdraw(0);
  EXPECT_DOUBLE_EQ(team.fte(), 1.5);
  EXPECT_FALSE(team.cofinancing()[0]);
  ASSERT_EQ(team.payers().size(), 1U);
  EXPECT_EQ(team.payers()[0].first, Pocket::MunicipalitySocialWork);
  EXPECT_EQ(act(team, 13, {}).cost, kernel::to_cents(7500.0 + 1000.0));
  EXPECT_EQ(ledger.at(13, insurer, id(Item::TeamStaff)), 0);
  EXPECT_EQ(ledger.at(13, social, id(Item::TeamStaff)), kernel::to_cents(7500.0));
}

TEST_F(TeamTest, LeaversOpenVacanciesAndAZeroFteTeamDoesNothing) {
  def.fte = 3.0;
  def.other_costs = 0.0;           // staff and friction only in the cost below
  def.turnover.yearly = 0.999999;  // about two in three leave each month
  def.turnover.vacancy_months = 3;
  Team team = make();
  const TeamMonth m = act(team, 0, {});
  ASSERT_GT(m.departures, 0) << "the draws of this seed give a leaver in month 0";
  EXPECT_DOUBLE_EQ(m.fte, 3.0);
  EXPECT_DOUBLE_EQ(m.fte_effective, 3.0 - static_cast<double>(m.departures));
  EXPECT_DOUBLE_EQ(m.capacity_hours, m.fte_effective * def.hours_per_fte / 12.0);
  EXPECT_EQ(m.cost, kernel::to_cents(m.fte_effective * def.cost_per_fte / 12.0) +
                        kernel::to_cents(def.friction_share * 3.0 * def.cost_per_fte / 12.0));

  def.fte = 0.0;
  def.other_costs = 50000.0;
  Team empty = make();
  const TeamMonth z = act(empty, 0, {});
  EXPECT_FALSE(empty.staffed());
  EXPECT_EQ(z.cost, 0);
  EXPECT_EQ(z.departures, 0);
  EXPECT_DOUBLE_EQ(z.capacity_hours, 0.0);
}

// Finding (docs/MODEL.md §10.2) with a team's intake group and the police signal, on a hand-made population
// in one neighbourhood; every household has a serious money problem, so it can be found.
class FindingTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kHouseholds = 200;

  FindingTest() {
    for (kernel::HouseholdId h = 0; h < kHouseholds; ++h) {
      pop.type[h] = static_cast<agents::HouseholdType>(h % 3);
      pop.income[h] = static_cast<agents::Income>(h % 5);
      pop.severity[agents::index(Domain::Finances)][h] = 2;
      pop.trust[h] = 255;
    }
    // Every household asks for help this month unless a filter keeps it out.
    finding.self_referral = {1.0, 1.0};
    finding.energy_signal = finding.school_signal = finding.gp_signal = finding.early_signal = 0.0;
  }

  /// Contacts of one month: household ids in order.
  std::vector<kernel::HouseholdId> contacts(const FindingDef& f, std::vector<Source>* sources = nullptr) const {
    FindingRules rules;
    rules.teams = {f};
    rules.outreach = {false};
    rules.team_of_hood = {0};
    const std::vector<double> deprivation{0.0};
    const agents::StepContext ctx{rng, 30, deprivation};
    TeamInbox inbox;
    find(pop, {0, static_cast<kernel::HouseholdId>(kHouseholds)}, rules, ctx, inbox);
    std::vector<kernel::HouseholdId> out;
    for (const Contact& c : inbox.contacts) {
      out.push_back(c.h);
      if (sources) sources->push_back(c.source);
    }
    return out;
  }

  agents::Population pop{kHouseholds};
  FindingDef finding;
  kernel::Rng rng{20140101, 0};
};

TEST_F(FindingTest, TheDefaultIntakeGroupTakesEveryHousehold) {
  const IntakeGroup g = IntakeGroup::of(FindingDef{});
  EXPECT_TRUE(g.everyone);
  EXPECT_EQ(g.types, 0b111U);
  EXPECT_EQ(g.incomes, 0b11111U);
  EXPECT_EQ(contacts(finding).size(), kHouseholds);
  // Naming every type and income explicitly is the same group.
  FindingDef explicit_all = finding;
  explicit_all.household_types = "other+family+elderly";
  explicit_all.income = "pension+work+other+welfare+unemployed";
  EXPECT_TRUE(IntakeGroup::of(explicit_all).everyone);
}

TEST_F(FindingTest, HouseholdsOutsideTheTypesAreNotFound) {
  finding.household_types = "family";
  const auto found = contacts(finding);
  ASSERT_FALSE(found.empty());
  for (const auto h : found) EXPECT_EQ(pop.type[h], agents::HouseholdType::Family) << h;
  EXPECT_EQ(found.size(), (kHouseholds + 2) / 3);
}

TEST_F(FindingTest, HouseholdsOutsideTheIncomeStatusesAreNotFound) {
  finding.income = "welfare+unemployed";
  const auto found = contacts(finding);
  EXPECT_EQ(found.size(), 2 * kHouseholds / 5);
  for (const auto h : found)
    EXPECT_TRUE(pop.income[h] == agents::Income::Welfare || pop.income[h] == agents::Income::Unemployed) << h;
}

TEST_F(FindingTest, MinTrajectoriesKeepsHouseholdsWithFewerOut) {
  pop.care[3] = 0b11;     // two trajectories
  pop.care[4] = 0b100;    // one
  pop.care[5] = 0b10101;  // three
  finding.min_trajectories = 2;
  EXPECT_EQ(contacts(finding), (std::vector<kernel::HouseholdId>{3, 5}));
}

// A filter only removes households: the others are found exactly as without it (their draws are their own).
TEST_F(FindingTest, AFilterKeepsTheContactsOfTheHouseholdsInTheGroup) {
  finding.self_referral = {0.3, 0.3};
  const auto all = contacts(finding);
  finding.household_types = "elderly+other";
  const auto some = contacts(finding);
  std::vector<kernel::HouseholdId> expected;
  for (const auto h : all)
    if (pop.type[h] != agents::HouseholdType::Family) expected.push_back(h);
  EXPECT_EQ(some, expected);
  EXPECT_LT(some.size(), all.size());
}

TEST_F(FindingTest, ThePoliceSignalOffencesWhenTheTeamAsks) {
  finding.self_referral = {0.0, 0.0};
  pop.events[7] = agents::kOffenceThreat;
  pop.events[8] = agents::kOffenceProperty;
  EXPECT_TRUE(contacts(finding).empty()) << "police_signal 0: no signal";
  finding.police_signal = 1.0;
  std::vector<Source> sources;
  EXPECT_EQ(contacts(finding, &sources), (std::vector<kernel::HouseholdId>{7, 8}));
  EXPECT_EQ(sources, (std::vector<Source>{Source::Signal, Source::Signal}));
}

}  // namespace
}  // namespace wijksim::services
