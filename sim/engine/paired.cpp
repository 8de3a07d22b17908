#include "sim/engine/paired.hpp"

#include <stdexcept>

namespace wijksim::sim {

scenarios::ScenarioDef zero_alternative(const scenarios::ScenarioDef& project) {
  scenarios::ScenarioDef zero = project;
  zero.teams.clear();
  return zero;
}

PairedWorlds::PairedWorlds(const scenarios::ScenarioDef& zero, std::span<const scenarios::ScenarioDef* const> projects,
                           std::uint64_t replication, unsigned threads,
                           const std::function<void(std::uint32_t)>& warmup_progress)
    : zero_(std::make_unique<World>(zero, replication, threads, warmup_progress)) {
  add_projects(projects, replication);
}

PairedWorlds::PairedWorlds(const scenarios::ScenarioDef& scenario, std::uint64_t replication, unsigned threads,
                           const std::function<void(std::uint32_t)>& warmup_progress) {
  if (scenario.teams.empty()) {
    zero_ = std::make_unique<World>(scenario, replication, threads, warmup_progress);
    return;
  }
  own_zero_ = std::make_unique<scenarios::ScenarioDef>(zero_alternative(scenario));
  zero_ = std::make_unique<World>(*own_zero_, replication, threads, warmup_progress);
  const scenarios::ScenarioDef* const project = &scenario;
  add_projects({&project, 1}, replication);
}

void PairedWorlds::add_projects(std::span<const scenarios::ScenarioDef* const> projects, std::uint64_t replication) {
  for (const scenarios::ScenarioDef* def : projects) {
    projects_.push_back(std::make_unique<World>(*zero_, *def, replication));
    financiers_.emplace_back(*def);
  }
  follows_.resize(projects_.size());
  followers_.resize(projects_.size());
}

void PairedWorlds::run() {
  while (!finished()) step();
}

void PairedWorlds::plan_followers() {
  for (std::size_t a = 0; a < projects_.size(); ++a) {
    follows_[a].clear();
    // Both worlds are at the start of the same month here (the yearly network update included).
    if (copying_ == Copying::Followers && zero_->can_lead(*projects_[a]))
      agents::mark_same(zero_->pop_, projects_[a]->pop_, follows_[a]);
  }
}

void PairedWorlds::check_followers_against_shadows(const std::vector<World>& shadows) const {
  // WIJKSIM_VALIDATE: each project world stepped without the copy must equal the one that copied.
  for (std::size_t a = 0; a < projects_.size(); ++a) {
    const World& copied = *projects_[a];
    const World& shadow = shadows[a];
    bool same = copied.ledger_ == shadow.ledger_ && copied.records_ == shadow.records_;
    agents::for_each_column([&](const auto& column) {
      same = same && copied.pop_.*column.member == shadow.pop_.*column.member;
    });
    if (!same)
      throw std::logic_error("paired driver: a project world that copied its followers differs from the same world "
                             "simulated in full");
  }
}

}  // namespace wijksim::sim
