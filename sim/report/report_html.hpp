#pragma once
// report.html of `wijksim compare`: one self-contained page (inline CSS and SVG, no scripts, XHTML-compatible
// markup) with per alternative the ratios, NPV and budget effect per pocket, payback and per-household figures,
// and the charts: extra cost per pocket with confidence bands, who pays and who gains (the wrong pocket), NPV per
// pocket, problem levels and the moves between them, the static MKBA-tool estimate beside the simulation, and the
// cumulative discounted net with the payback year. Every chart is an <svg class="chart" data-chart="<name>">.
#include <string>

#include "sim/batch/compare.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::report {

using labels::Lang;

/// The whole report page for a comparison, in the language.
std::string report_html(const sim::CompareResult& result, Lang lang);

}  // namespace wijksim::report
