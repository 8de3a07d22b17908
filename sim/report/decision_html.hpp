#pragma once
// decision.html, and the first section of report.html when a comparison has two or more alternatives: every
// alternative in one sortable table (team budget a year, the three ratios with intervals, societal NPV, payback per
// scope, the municipality's and the largest other pocket's budget after two years, who pays and who gains most),
// best per column and dominated alternatives marked; what each step along the efficiency frontier buys, and what
// one setting buys; the chart of value against budget; and a plain-language summary.
#include <string>

#include "sim/batch/compare.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::report {

/// The decision as a <section id="decision"> (with its own <h2> unless `standalone`, where the page's <h1> says it).
std::string decision_section(const sim::CompareResult& result, labels::Lang lang, bool standalone = false);
/// decision.html: the section as a page of its own.
std::string decision_html(const sim::CompareResult& result, labels::Lang lang);

}  // namespace wijksim::report
