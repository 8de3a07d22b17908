#pragma once
// mkba.xlsx of `wijksim compare` (libxlsxwriter): sheets Summary (ratios with CI and share above 1, NPV per scope
// and pocket, payback, per-household figures, replications, households, discount rate), Per pocket (NPV and budget
// effect after 2 years with CI), Per year (cost and difference from the zero alternative with CI, per alternative,
// pocket and year) and Inputs. Numbers are stored as numbers with euro, ratio and percentage formats; the header row
// of every sheet is frozen. Sheet names and labels follow the language.
#include <filesystem>

#include "sim/batch/compare.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::report {

using labels::Lang;

/// Write the workbook to `file`; throws std::runtime_error naming the file when libxlsxwriter fails.
void write_xlsx(const sim::CompareResult& result, Lang lang, const std::filesystem::path& file);

}  // namespace wijksim::report
