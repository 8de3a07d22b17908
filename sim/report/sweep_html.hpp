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
/// and a table of the alternatives, best NPV first.
std::string sweep_html(const sim::CompareResult& result, Lang lang);

/// Tornado chart: per input, the societal NPV at its low and its high end around the base, widest swing on top.
std::string tornado_html(const sim::CompareResult& result, const std::vector<sim::TornadoRow>& rows, Lang lang);

}  // namespace wijksim::report
