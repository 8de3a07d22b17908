#pragma once
// sweep.html and tornado.html of `wijksim sweep`: self-contained pages (inline SVG) that let a planner see which
// team configuration gives most for a budget, and which inputs move the result most.
#include <string>
#include <vector>

#include "sim/batch/compare.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::report {

using labels::Lang;

/// Societal NPV (with its 95% interval) and societal ratio of every alternative against the team's yearly budget,
/// and a table of the alternatives, best NPV first: budget, NPV, the three ratios, payback (societal, municipal).
std::string sweep_html(const sim::CompareResult& result, Lang lang);

/// Tornado chart: per input (in words), the societal NPV at its low and its high end around the base, the largest
/// deviation from the base on top; two ends on the same side of the base each take half the row, so bars never
/// overlap; and the same as a table.
std::string tornado_html(const sim::CompareResult& result, const std::vector<sim::TornadoRow>& rows, Lang lang);

}  // namespace wijksim::report
