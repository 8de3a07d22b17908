#pragma once
// The decision in words: alternatives and steps named for people, and the plain-language summary of the verdict
// (sim/batch/decision.hpp computes it).
#include <cstddef>
#include <string>

#include "sim/batch/compare.hpp"
#include "sim/batch/decision.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::report {

using labels::Lang;
using sim::Decision;
using sim::DecisionRow;
using sim::kZero;
using sim::Step;
using sim::Verdict;

/// The alternative in words, as every page and sheet names it ("team 6 FTE, with mandate (continuous)"); the mode
/// only when the comparison has alternatives of both modes.
std::string alternative_title(const sim::CompareResult& result, std::size_t alternative, Lang lang);
/// The step's name: "From team 4 FTE to team 6 FTE".
std::string step_title(const sim::CompareResult& result, const Step& step, Lang lang);
/// The plain-language summary: the choice the figures support, what the municipality pays, who gains most, the
/// main uncertainty and the discount rate. Deterministic text from the numbers.
std::string decision_summary(const sim::CompareResult& result, const Decision& decision, Lang lang);

}  // namespace wijksim::report
