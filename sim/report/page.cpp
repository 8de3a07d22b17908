#include "sim/report/page.hpp"

#include <fmt/format.h>

namespace wijksim::report {
namespace {

constexpr std::string_view kStyle = R"(
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #222; max-width: 1500px; margin: 24px auto;
       padding: 0 16px; line-height: 1.45; }
h1 { font-size: 26px; margin-bottom: 4px; }
h2 { font-size: 22px; margin-top: 40px; border-bottom: 3px solid #1f5fa8; padding-bottom: 4px; }
h3 { font-size: 17px; margin-top: 28px; }
h4 { font-size: 15px; margin: 26px 0 6px; }
p.sub, p.note, figcaption { color: #555; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 10px 12px; background: #fafafa; }
.card .k { font-size: 13px; color: #555; }
.card .v { font-size: 26px; font-weight: 600; }
.card .d { font-size: 12px; color: #666; }
.pos { color: #1b7a3a; } .neg { color: #b3261e; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; width: 100%; }
table.narrow { width: auto; }
th { text-align: left; border-bottom: 2px solid #999; padding: 4px 8px; font-weight: 600; }
td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 2px solid #999; }
.sw { display: inline-block; width: 11px; height: 11px; margin-right: 6px; border-radius: 2px; }
figure { margin: 10px 0 24px; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-size: 12px; fill: #333; }
svg.chart text.ptitle { font-weight: 600; font-size: 13px; }
svg.chart text.unit { fill: #666; font-style: italic; }
svg.chart text.mark { font-weight: 600; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; }
svg.chart text.big { font-size: 17px; font-weight: 600; }
details { margin: 30px 0; } summary { font-weight: 600; cursor: pointer; }
div.wide { overflow-x: auto; }
table.decision { font-size: 13px; }
table.alternatives td:nth-child(2) { min-width: 170px; }
table.alternatives td:nth-last-child(-n+3) { min-width: 120px; }
table.alternatives td.num { white-space: normal; }
table.decision td, table.decision th { padding: 4px 6px; vertical-align: top; }
table.sortable th { cursor: pointer; }
table.sortable th::after { content: " \2195"; color: #aaa; font-weight: 400; }
td.best { background: #dff1e4; font-weight: 600; }
tr.dominated td { color: #888; background: #f4f4f4; }
tr.chosen td:first-child, tr.chosen td:nth-child(2) { font-weight: 700; }
span.tag { display: inline-block; font-size: 11px; border-radius: 3px; padding: 0 5px; margin-left: 4px; }
span.tag.dom { background: #e0e0e0; color: #555; } span.tag.front { background: #d6e6f7; color: #1f5fa8; }
span.ci { display: block; color: #666; font-size: 11px; }
div.summary { border-left: 5px solid #1f5fa8; background: #f3f7fc; padding: 10px 16px; margin: 14px 0; font-size: 15px; }
ul.steps li { margin: 4px 0; }
details.alternative > summary { font-size: 18px; margin-top: 18px; padding: 6px 0; border-bottom: 2px solid #1f5fa8; }
)";

/// Sorts a table.sortable by the clicked column: cells carry their value in data-v (numbers compare as numbers,
/// an empty value sorts last). In CDATA so the page stays well-formed XML.
constexpr std::string_view kSortScript = R"(//<![CDATA[
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var down = th.getAttribute("data-order") === "up";
        var key = function (row) {
          var v = row.cells[column].getAttribute("data-v");
          if (v === null || v === "") return null;
          var x = parseFloat(v);
          return isNaN(x) ? v : x;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || y === null) return x === y ? 0 : (x === null ? 1 : -1);
          var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
          return down ? -c : c;
        });
        th.setAttribute("data-order", down ? "down" : "up");
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
});
//]]>)";

}  // namespace

std::string page_start(std::string_view title, labels::Lang lang) {
  return fmt::format(
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" xml:lang=\"{0}\">\n<head>\n"
      "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      "<title>{1}</title>\n<style>{2}</style>\n<script>{3}</script>\n</head>\n<body>\n<h1>{1}</h1>\n",
      labels::lang_name(lang), labels::xml_escape(title), kStyle, kSortScript);
}

std::string page_end() { return "</body>\n</html>\n"; }

}  // namespace wijksim::report
