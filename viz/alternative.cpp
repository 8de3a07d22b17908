#include "viz/alternative.hpp"

#include <algorithm>
#include <bit>
#include <string_view>

namespace wijksim::viz {

namespace {

using services::NodeKind;
using sim::Counted;

TeamControls controls_of(const services::TeamDef& team) {
  TeamControls c;
  c.on = team.fte > 0.0;
  c.fte = team.fte;
  const double orange = team.hours[agents::index(agents::Level::Orange)];
  c.norm = orange > 0.0 ? team.hours_per_fte / orange : 40.0;
  c.outreach = team.finding.outreach_visits;
  c.mandate = team.mandate.enabled;
  c.budget = team.mandate.custom_budget;
  c.target = services::parse_name_set(team.target, agents::kLevelNames).bits;
  return c;
}

/// The counted event that feeds an escalation sink of the referral graph (by the sink's name).
std::optional<Counted> sink_event(std::string_view sink) {
  static constexpr std::array<std::pair<std::string_view, Counted>, 9> kSinks{{
      {"housing_corporation", Counted::EvictionListings}, {"eviction", Counted::Evictions},
      {"shelter", Counted::Evictions}, {"supervision_order", Counted::SupervisionOrders},
      {"out_of_home_placement", Counted::Placements}, {"mental_health_admission", Counted::Admissions},
      {"nursing_home", Counted::NursingHome}, {"police_justice", Counted::Offences},
      {"detention", Counted::Detentions}}};
  for (const auto& [name, event] : kSinks)
    if (name == sink) return event;
  return std::nullopt;
}

bool team_client(agents::Support s) {
  return s == agents::Support::Waiting || s == agents::Support::Active || s == agents::Support::Monitoring;
}

/// Count a household's running trajectories (bit per trajectory).
void add_running(std::array<double, services::kTrajectoryCount>& running, std::uint16_t care) {
  for (unsigned b = care; b != 0; b &= b - 1) running[static_cast<std::size_t>(std::countr_zero(b))] += 1.0;
}

/// Book one world's month into its series.
void add_month(Series& s, const sim::World& world, kernel::Month m) {
  s.levels.emplace_back();
  for (std::size_t l = 0; l < agents::kLevelCount; ++l)
    s.levels.back()[l] = static_cast<double>(world.records().back().levels[l]);
  double cost = 0.0;
  s.pockets.emplace_back();
  for (kernel::PocketId p = 0; p < services::kPocketCount; ++p)
    for (kernel::ItemId i = 0; i < services::kItemCount; ++i) {
      const double eur = kernel::to_eur(world.ledger().at(m, p, i));
      s.totals[p][i] += eur;
      s.pockets.back()[p] += eur;
      if (services::is_money(static_cast<services::Pocket>(p))) cost += eur;
    }
  s.cost.push_back(cost);
}

/// Client hours a month per level for a caseload norm (orange households per FTE), from the scenario's hours.
std::array<double, agents::kLevelCount> hours_for_norm(const services::TeamDef& base, double norm) {
  const double orange = base.hours[agents::index(agents::Level::Orange)];
  const double scale = orange > 0.0 ? base.hours_per_fte / norm / orange : 1.0;
  std::array<double, agents::kLevelCount> hours = base.hours;
  for (double& h : hours) h *= scale;
  return hours;
}

}  // namespace

Alternative::Alternative(const scenarios::ScenarioDef& def, std::string name)
    : def_(std::make_unique<scenarios::ScenarioDef>(def)), name_(std::move(name)) {
  if (has_team()) controls_ = controls_of(def_->teams.front());
  const std::size_t n = def_->run.households;
  stride_ = std::max<std::size_t>(1, (n + kMaxDots - 1) / kMaxDots);
  dots_ = (n + stride_ - 1) / stride_;
  build();
}

void Alternative::reset(std::uint64_t seed) {
  def_->run.seed = seed;
  build();
}

void Alternative::build() {
  // Always a project world beside the zero alternative, even for a configuration without a team (the window
  // shows one project; the team may be switched on later).
  zero_def_ = std::make_unique<scenarios::ScenarioDef>(sim::zero_alternative(*def_));
  const scenarios::ScenarioDef* const project = def_.get();
  run_ = std::make_unique<sim::PairedWorlds>(*zero_def_, std::span(&project, 1), 0, 1);
  if (has_team()) applied_ = controls_of(def_->teams.front());
  apply_controls();
  rebuild_graph();
  const agents::Population& pop = run_->project().population();
  known_care_.resize(pop.size());
  initial_levels_ = {};
  running_ = {};
  for (std::size_t h = 0; h < pop.size(); ++h) {
    add_running(running_, pop.care[h]);
    known_care_[h] = static_cast<std::uint16_t>(pop.care[h] | pop.waiting[h]);
    initial_levels_[agents::index(pop.last_level[h])] += 1.0;
  }
  ++generation_;
  project_ = Series{};
  zero_ = Series{};
  history_.clear();
  record_history();
}

void Alternative::rebuild_graph() {
  std::vector<services::TeamDef> defs;
  for (const services::Team& team : run_->project().teams()) defs.push_back(team.def());
  graph_ = services::build_referral_graph(defs, def_->dynamics.escalation);
  traffic_.assign(boost::num_edges(graph_), 0.0);
}

void Alternative::apply_controls() {
  if (!has_team()) return;
  services::Team& team = run_->project().teams().front();
  const services::TeamDef& base = def_->teams.front();
  if (controls_.on != applied_.on || controls_.fte != applied_.fte) team.set_fte(controls_.on ? controls_.fte : 0.0);
  if (controls_.norm != applied_.norm && controls_.norm > 0.0) {
    team.set_hours(hours_for_norm(base, controls_.norm));
  }
  if (controls_.outreach != applied_.outreach) team.set_outreach_visits(controls_.outreach);
  if (controls_.budget != applied_.budget) team.set_custom_budget(controls_.budget);
  if (controls_.target != applied_.target && controls_.target != 0) team.set_target(controls_.target);
  if (controls_.mandate != applied_.mandate) {
    // The mandate is a set of edges in the referral graph: rebuild it and read the team's routes again.
    std::vector<services::TeamDef> defs;
    for (const services::Team& t : run_->project().teams()) defs.push_back(t.def());
    defs.front().mandate.enabled = controls_.mandate;
    const services::ReferralGraph g = services::build_referral_graph(defs, def_->dynamics.escalation);
    team.set_mandate(controls_.mandate, services::routes_of(g, 0, def_->care));
    rebuild_graph();
  }
  applied_ = controls_;
}

scenarios::ScenarioDef Alternative::configuration() const {
  scenarios::ScenarioDef def = *def_;
  if (!has_team()) return def;
  services::TeamDef& team = def.teams.front();
  const services::TeamDef& base = def_->teams.front();
  const TeamControls start = controls_of(base);
  team.fte = controls_.on ? controls_.fte : 0.0;
  if (controls_.norm != start.norm && controls_.norm > 0.0) team.hours = hours_for_norm(base, controls_.norm);
  team.finding.outreach_visits = controls_.outreach;
  team.mandate.enabled = controls_.mandate;
  team.mandate.custom_budget = controls_.budget;
  if (controls_.target != start.target && controls_.target != 0) {
    team.target.clear();
    for (std::size_t l = 0; l < agents::kLevelCount; ++l)
      if ((controls_.target & (1U << l)) != 0)
        team.target += (team.target.empty() ? "" : "+") + std::string(agents::kLevelNames[l]);
  }
  return def;
}

void Alternative::step() {
  if (finished()) return;
  run_->step();
  if (has_team() && controls_.on) {
    // The financier module may have resized the team: the slider follows.
    const double fte = run_->project().teams().front().fte();
    controls_.fte = applied_.fte = fte;
  }
  record_month();
  record_history();
  record_traffic();
}

void Alternative::record_month() {
  const kernel::Month m = month() - 1;
  add_month(project_, run_->project(), m);
  add_month(zero_, run_->zero(), m);
}

const std::array<double, agents::kLevelCount>& Alternative::levels_now() const {
  return project_.levels.empty() ? initial_levels_ : project_.levels.back();
}

void Alternative::record_history() {
  const agents::Population& pop = run_->project().population();
  for (std::size_t i = 0; i < dots_; ++i) history_.push_back(pop.last_level[i * stride_]);
}

agents::Level Alternative::dot_level(std::size_t i, std::ptrdiff_t m) const {
  return history_[static_cast<std::size_t>(m + 1) * dots_ + i];
}

void Alternative::record_traffic() {
  // New trajectories (started or waited for) this month, in all households and in each team's clients.
  const sim::World& world = run_->project();
  const agents::Population& pop = world.population();
  const std::size_t teams = world.teams().size();
  std::array<double, services::kTrajectoryCount> started{};
  std::vector<std::array<double, services::kTrajectoryCount>> referred(teams);
  running_ = {};
  for (std::size_t h = 0; h < pop.size(); ++h) {
    add_running(running_, pop.care[h]);
    const auto bits = static_cast<std::uint16_t>(pop.care[h] | pop.waiting[h]);
    const auto fresh = static_cast<unsigned>(bits & ~known_care_[h]);
    known_care_[h] = bits;
    const bool client = team_client(pop.support[h]) && pop.team[h] < teams;
    for (unsigned b = fresh; b != 0; b &= b - 1) {
      const auto t = static_cast<std::size_t>(std::countr_zero(b));
      started[t] += 1.0;
      if (client) referred[pop.team[h]][t] += 1.0;
    }
  }
  const sim::MonthRecord& rec = world.records().back();
  std::size_t k = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(graph_))) {
    const services::RouteNode& from = graph_[boost::source(e, graph_)];
    const services::RouteNode& to = graph_[boost::target(e, graph_)];
    double value = 0.0;
    if (from.kind == NodeKind::Team && to.kind == NodeKind::Provider) {
      value = referred[from.index][to.index];
    } else if (from.kind == NodeKind::Team) {
      value = static_cast<double>(world.team_records().back()[from.index].evictions_stopped);
    } else if (to.kind == NodeKind::Provider) {
      value = started[to.index];
    } else if (const auto event = sink_event(to.name)) {
      value = static_cast<double>(rec.events[static_cast<std::size_t>(*event)]);
    }
    traffic_[k++] = value;
  }
}

}  // namespace wijksim::viz
