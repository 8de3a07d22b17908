#pragma once
// What every HTML page of the reports shares: the page's head with the one style sheet, the click-to-sort script of
// the decision tables (inline, so pages stay self-contained; the tables read fine without it), the page's end.
#include <string>
#include <string_view>

#include "sim/labels/labels.hpp"

namespace wijksim::report {

/// "<!DOCTYPE html> ... <body>" with the shared style sheet and the sort script, XHTML-compatible markup.
std::string page_start(std::string_view title, labels::Lang lang);
/// "</body></html>".
std::string page_end();

}  // namespace wijksim::report
