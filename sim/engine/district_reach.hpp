#pragma once
// The reach of a static MKBA-tool estimate taken from the district itself (docs/MODEL.md "MKBA-tool mode", A):
// the household types and severities of the households the scenario's first team would take in, read from the
// zero alternative after its warm-up, instead of the tool's example [S004 App.2].
#include "scenarios/scenario_def.hpp"

namespace wijksim::sim {

/// Households of the district by the tool's types and severities, counted after the warm-up of the zero
/// alternative (replication 0), among those in the first team's target levels, intake group and neighbourhood.
struct DistrictReach {
  std::array<std::array<double, scenarios::kToolSeverityCount>, scenarios::kToolTypeCount> households{};
  double total() const;
};

/// Count the reach of `def`'s first team in its district. Throws scenarios::ScenarioError without a team.
DistrictReach district_reach(const scenarios::ScenarioDef& def);

/// `def` with `[mkba_tool]` type and severity shares from the district when `mkba_tool.reach` is "district" (a type
/// the team reaches no household of keeps the example's severity shares; no household at all keeps all of them);
/// `def` unchanged when it is "example".
scenarios::ScenarioDef with_district_reach(const scenarios::ScenarioDef& def);

}  // namespace wijksim::sim
