// report.html: reads a CompareResult, writes one page of HTML with inline SVG charts. The charts share one small
// SVG toolkit (Svg canvas, Axis, Panel, legend) so every chart draws axes, bands, bars and legends the same way.
#include "sim/report/report_html.hpp"

#include "sim/report/decision_html.hpp"
#include "sim/report/page.hpp"
#include "sim/report/svg_kit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace wijksim::report {

using namespace labels;  // the reports speak in the shared labels
using namespace kit;     // and draw with the shared SVG toolkit
namespace {

using services::kPocketCount;
using services::Pocket;
using sim::AlternativeResult;
using sim::CompareResult;
using sim::Scope;
using sim::Stat;

/// A format string of the label table filled in.
template <class... Args>
std::string say(Text key, Lang lang, const Args&... args) {
  return fmt::format(fmt::runtime(text(key, lang)), args...);
}

/// A number with an explicit sign: "+1.5", "-0.3", "0.0".
std::string signed_text(double value, int decimals, Lang lang) {
  const std::string shown = number_text(value, decimals, lang);
  const bool zero = shown.find_first_not_of("0.,") == std::string::npos;
  return zero || shown.front() == '-' ? shown : "+" + shown;
}

/// The text with its first letter in lower case ("Municipal" after "Total, ").
std::string lowered(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

Pocket pocket_at(std::size_t p) { return static_cast<Pocket>(p); }

// ---------------------------------------------------------------------------------------------------------------
// Colours: municipal pockets in blues (the municipality reads as one payer), the others each their own hue.

constexpr std::array<std::string_view, kPocketCount> kPocketColors{
    "#08306b", "#2171b5", "#6baed6", "#9ecae1", "#0b1f3a", "#756bb1", "#2ca25f",
    "#a1d99b", "#636363", "#e6550d", "#fdae6b", "#d6616b", "#8c6d31", "#e7ba52"};
constexpr std::array<std::string_view, agents::kLevelCount> kLevelColors{"#43a047", "#f6bf4f", "#ef6c00", "#c62828"};
constexpr std::string_view kProjectColor = "#1f5fa8";
constexpr std::string_view kStaticColor = "#9e9e9e";

/// A <figure> around a chart with its title and caption.
std::string figure(Text title, Text caption, std::string svg, Lang lang, std::string_view note = "") {
  return fmt::format("<figure><h4>{}</h4>\n{}\n<figcaption>{}{}{}</figcaption></figure>\n", esc(text(title, lang)), svg,
                     esc(text(caption, lang)), note.empty() ? "" : " ", esc(note));
}

// ---------------------------------------------------------------------------------------------------------------
// The charts.

/// Pockets whose difference from the zero alternative is not zero in some year, largest total first.
std::vector<std::size_t> pockets_with_difference(const AlternativeResult& a) {
  std::vector<std::size_t> out;
  std::array<double, kPocketCount> size{};
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    for (const auto& year : a.diff_by_year)
      size[p] += std::fabs(year[p].mean) + std::fabs(year[p].ci_high - year[p].ci_low);
    if (size[p] > 0.5) out.push_back(p);
  }
  std::stable_sort(out.begin(), out.end(), [&](std::size_t l, std::size_t r) { return size[l] > size[r]; });
  return out;
}

/// The pockets' names joined with commas.
std::string pocket_list(const std::vector<std::size_t>& pockets, Lang lang) {
  std::string out;
  for (const std::size_t p : pockets) out += (out.empty() ? "" : ", ") + std::string(pocket_label(pocket_at(p), lang));
  return out;
}

/// (a) Extra cost per pocket per year with 95% bands, one small panel per pocket.
std::string chart_pocket_costs(const AlternativeResult& a, std::size_t alt, Lang lang) {
  const std::vector<std::size_t> shown = pockets_with_difference(a);
  std::vector<std::size_t> left_out;
  for (std::size_t p = 0; p < kPocketCount; ++p)
    if (std::find(shown.begin(), shown.end(), p) == shown.end()) left_out.push_back(p);
  constexpr std::size_t kCols = 3;
  constexpr double kCellW = 372, kCellH = 250;
  const std::size_t rows = std::max<std::size_t>(1, (shown.size() + kCols - 1) / kCols);
  Svg svg("pocket_costs", alt, kCellW * kCols, kCellH * static_cast<double>(rows) + 30,
          text(Text::ChartPocketCosts, lang));
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const std::size_t p = shown[i];
    // Gains (zero minus project), as every chart and table shows money: positive means the pocket is better off.
    const std::vector<Stat> gains = [&] {
      std::vector<Stat> g;
      for (const auto& year : a.diff_by_year)
        g.push_back({-year[p].mean, year[p].sd, -year[p].ci_high, -year[p].ci_low, year[p].n});
      return g;
    }();
    const Columns d = columns(gains.size(), [&](std::size_t y) -> const Stat& { return gains[y]; });
    const std::size_t row = i / kCols;
    const Box area{kCellW * static_cast<double>(i % kCols) + 88, kCellH * static_cast<double>(row) + 62, kCellW - 110,
                   kCellH - 120};
    Panel panel(
        svg, area, index_axis(d.mean.size(), std::string(text(Text::Year, lang))),
        value_axis(data_range({d.lo, d.hi, d.mean}, true), std::string(text(Text::EurPerYear, lang)), true, lang, 3),
        pocket_label(pocket_at(p), lang));
    panel.zero_line();
    panel.band(d.lo, d.hi, fill(kPocketColors[p], 0.22));
    panel.line(d.mean, stroke(kPocketColors[p], 2.5));
  }
  const std::array<LegendEntry, 2> keys{{{std::string(text(Text::Mean, lang)), kInk, Swatch::Line},
                                         {std::string(text(Text::Band, lang)), kInk, Swatch::Band}}};
  legend(svg, 20, kCellH * static_cast<double>(rows) + 16, svg.width() - 40, keys);
  const std::string note = left_out.empty() ? "" : say(Text::PocketsLeftOut, lang, pocket_list(left_out, lang));
  return figure(Text::ChartPocketCosts, Text::CaptionPocketCosts, std::move(svg).finish(), lang, note);
}

/// One segment of a stacked bar: which pocket, how much, and whether it is a team payment.
struct Segment {
  std::size_t pocket;
  double value;
  bool team;
};
/// Per year: team payments (negative), extra care (negative) and avoided costs (positive) by pocket.
std::vector<std::vector<Segment>> wrong_pocket_segments(const AlternativeResult& a) {
  std::vector<std::vector<Segment>> years(a.diff_by_year.size());
  for (std::size_t y = 0; y < years.size(); ++y)
    for (std::size_t p = 0; p < kPocketCount; ++p) {
      const double team = y < a.team_by_year.size() ? a.team_by_year[y][p].mean : 0.0;
      const double avoided = team - a.diff_by_year[y][p].mean;  // zero minus project, team items left out
      if (team != 0.0) years[y].push_back({p, -team, true});
      if (std::fabs(avoided) > 0.5) years[y].push_back({p, avoided, false});
    }
  return years;
}

/// (b) Who pays and who gains, per year: stacked bars below and above zero, and the net for society.
std::string chart_wrong_pocket(const AlternativeResult& a, std::size_t alt, Lang lang) {
  const auto years = wrong_pocket_segments(a);
  std::vector<double> tops, bottoms;
  std::array<bool, kPocketCount> used{};
  bool any_team = false;
  for (const auto& segments : years) {
    double up = 0, down = 0;
    for (const Segment& s : segments) {
      (s.value > 0 ? up : down) += s.value;
      used[s.pocket] = true;
      any_team = any_team || s.team;
    }
    tops.push_back(up), bottoms.push_back(down);
  }
  const Columns net = columns(a.net_by_year.size(), [&](std::size_t y) -> const Stat& { return a.net_by_year[y]; });
  Svg svg("wrong_pocket", alt, 1116, 430, text(Text::ChartWrongPocket, lang));
  svg.define_hatch();
  Panel panel(
      svg, {96, 40, 700, 330}, index_axis(years.size(), std::string(text(Text::Year, lang))),
      value_axis(data_range({tops, bottoms, net.mean}, true), std::string(text(Text::EurPerYear, lang)), true, lang));
  for (std::size_t y = 0; y < years.size(); ++y) {
    double up = 0, down = 0;
    const double x = static_cast<double>(y);
    for (const Segment& s : years[y]) {
      double& base = s.value > 0 ? up : down;
      panel.rect(x - 0.32, x + 0.32, base, base + s.value,
                 fill(kPocketColors[s.pocket]) + " stroke=\"#ffffff\" stroke-width=\"0.5\"");
      if (s.team)
        panel.rect(x - 0.32, x + 0.32, base, base + s.value, fmt::format("fill=\"url(#{})\"", svg.id("hatch")));
      base += s.value;
    }
    panel.diamond(x, net.mean[y], 6, fill("#111111") + " stroke=\"#ffffff\" stroke-width=\"1\"");
  }
  panel.zero_line();
  std::vector<LegendEntry> keys;
  for (std::size_t p = 0; p < kPocketCount; ++p)
    if (used[p]) keys.push_back({std::string(pocket_label(pocket_at(p), lang)), kPocketColors[p]});
  if (any_team) keys.push_back({std::string(text(Text::PaidForTeam, lang)), "#777777", Swatch::Hatch});
  keys.push_back({std::string(text(Text::NetSociety, lang)), "#111111", Swatch::Diamond});
  legend(svg, 830, 50, kOnePerRow, keys);
  return figure(Text::ChartWrongPocket, Text::CaptionWrongPocket, std::move(svg).finish(), lang);
}

/// Horizontal bars per category, one or more series side by side, with optional 95% whiskers.
struct BarSeries {
  std::string label;
  std::vector<double> value, lo, hi;  ///< lo and hi empty: no whiskers
  std::string_view color;             ///< empty: the pocket colour of each category
  std::vector<std::size_t> pockets;   ///< the category's pocket, for the colour
};
void horizontal_bars(Panel& panel, std::span<const BarSeries> series) {
  const double thickness = 0.7 / static_cast<double>(series.size());
  for (std::size_t s = 0; s < series.size(); ++s)
    for (std::size_t i = 0; i < series[s].value.size(); ++i) {
      const double at = static_cast<double>(i) - 0.35 + thickness * (static_cast<double>(s) + 0.5);
      const std::string_view color = series[s].color.empty() ? kPocketColors[series[s].pockets[i]] : series[s].color;
      panel.rect(0, series[s].value[i], at - thickness * 0.45, at + thickness * 0.45, fill(color));
      if (!series[s].lo.empty()) panel.whisker(at, series[s].lo[i], series[s].hi[i], true);
    }
  panel.zero_line();
}

/// Labels of the pockets.
std::vector<std::string> pocket_names(const std::vector<std::size_t>& pockets, Lang lang) {
  std::vector<std::string> out;
  for (const std::size_t p : pockets) out.emplace_back(pocket_label(pocket_at(p), lang));
  return out;
}

/// The height of a horizontal bar chart with this many categories.
double bars_height(std::size_t categories) { return 90 + 30 * static_cast<double>(categories); }

/// (b2) Net present value per pocket with 95% whiskers.
std::string chart_npv_pockets(const AlternativeResult& a, std::size_t alt, Lang lang) {
  std::vector<std::size_t> shown;
  for (std::size_t p = 0; p < kPocketCount; ++p)
    if (std::fabs(a.npv_by_pocket[p].mean) > 0.5 ||
        std::fabs(a.npv_by_pocket[p].ci_high - a.npv_by_pocket[p].ci_low) > 0.5)
      shown.push_back(p);
  BarSeries bars{"", {}, {}, {}, "", shown};
  for (const std::size_t p : shown) {
    const Stat& s = a.npv_by_pocket[p];
    bars.value.push_back(s.mean), bars.lo.push_back(s.ci_low), bars.hi.push_back(s.ci_high);
  }
  const double height = bars_height(shown.size());
  Svg svg("npv_by_pocket", alt, 1116, height, text(Text::ChartNpvPockets, lang));
  Panel panel(
      svg, {290, 30, 780, height - 80},
      value_axis(data_range({bars.value, bars.lo, bars.hi}, true), std::string(text(Text::Eur, lang)), true, lang),
      category_axis(pocket_names(shown, lang)));
  horizontal_bars(panel, std::span(&bars, 1));
  return figure(Text::ChartNpvPockets, Text::CaptionNpvPockets, std::move(svg).finish(), lang);
}

/// (c1) Households per level per month, project (solid) against the zero alternative (dashed), a panel per level.
std::string chart_levels(const CompareResult& r, const AlternativeResult& a, std::size_t alt, Lang lang) {
  constexpr double kCellW = 279;
  Svg svg("levels", alt, kCellW * agents::kLevelCount, 300, text(Text::ChartLevels, lang));
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    std::vector<double> project, zero;
    for (const auto& month : a.levels) project.push_back(month[l]);
    for (const auto& month : r.zero_levels) zero.push_back(month[l]);
    Panel panel(
        svg, {kCellW * static_cast<double>(l) + 62, 56, kCellW - 82, 170},
        index_axis(std::max(project.size(), zero.size()), std::string(text(Text::Month, lang)), 6),
        value_axis(data_range({project, zero}, true), std::string(text(Text::Households, lang)), false, lang, 4),
        level_label(static_cast<agents::Level>(l), lang));
    panel.line(zero, stroke(kLevelColors[l], 2, true));
    panel.line(project, stroke(kLevelColors[l], 2.5));
  }
  const std::array<LegendEntry, 2> keys{{{std::string(text(Text::Project, lang)), kInk, Swatch::Line},
                                         {std::string(text(Text::ZeroAlternative, lang)), kInk, Swatch::Dashed}}};
  legend(svg, 62, 288, svg.width() - 80, keys);
  return figure(Text::ChartLevels, Text::CaptionLevels, std::move(svg).finish(), lang);
}

using FlowMatrix = std::array<std::array<double, agents::kLevelCount>, agents::kLevelCount>;
/// Mean over the months of the households moving [from][to] per month.
FlowMatrix mean_flows(const std::vector<FlowMatrix>& months) {
  FlowMatrix out{};
  for (const FlowMatrix& m : months)
    for (std::size_t f = 0; f < agents::kLevelCount; ++f)
      for (std::size_t t = 0; t < agents::kLevelCount; ++t) out[f][t] += m[f][t] / static_cast<double>(months.size());
  return out;
}

/// (c2) The moves between levels as a matrix: project per month, and its difference from the zero alternative.
std::string chart_flows(const CompareResult& r, const AlternativeResult& a, std::size_t alt, Lang lang) {
  const FlowMatrix project = mean_flows(a.flows), zero = mean_flows(r.zero_flows);
  double largest = 0;
  for (std::size_t f = 0; f < agents::kLevelCount; ++f)
    for (std::size_t t = 0; t < agents::kLevelCount; ++t)
      if (f != t) largest = std::max(largest, project[f][t]);
  constexpr double kLeft = 170, kTop = 64, kCell = 150, kRowH = 58;
  Svg svg("level_flows", alt, kLeft + kCell * agents::kLevelCount + 20, kTop + kRowH * agents::kLevelCount + 20,
          text(Text::ChartFlows, lang));
  svg.text(kLeft, 18, fmt::format("{} \u2192", text(Text::ToLevel, lang)), "class=\"unit\"");
  svg.text(10, kTop - 10, fmt::format("{} \u2193", text(Text::FromLevel, lang)), "class=\"unit\"");
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    const std::string_view name = level_label(static_cast<agents::Level>(l), lang);
    const double y = kTop + kRowH * static_cast<double>(l);
    svg.add(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" {}/>",
                        c(kLeft + kCell * static_cast<double>(l) + 4), c(kTop - 30), c(kCell - 8),
                        fill(kLevelColors[l])));
    svg.text(kLeft + kCell * (static_cast<double>(l) + 0.5), kTop - 8, name, "text-anchor=\"middle\" class=\"ptitle\"");
    svg.add(fmt::format("<rect x=\"10\" y=\"{}\" width=\"6\" height=\"{}\" {}/>", c(y + 4), c(kRowH - 8),
                        fill(kLevelColors[l])));
    svg.text(24, y + kRowH / 2 + 4, name, "class=\"ptitle\"");
  }
  for (std::size_t f = 0; f < agents::kLevelCount; ++f)
    for (std::size_t t = 0; t < agents::kLevelCount; ++t) {
      const double x = kLeft + kCell * static_cast<double>(t), y = kTop + kRowH * static_cast<double>(f);
      const double shade = f == t || largest <= 0 ? 0.0 : 0.1 + 0.8 * project[f][t] / largest;
      const std::string_view color = f == t ? "#eeeeee" : kProjectColor;
      svg.add(
          fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {} stroke=\"#ffffff\" stroke-width=\"2\"/>",
                      c(x), c(y), c(kCell), c(kRowH), fill(color, f == t ? 1.0 : shade)));
      const std::string_view ink = shade > 0.5 ? "#ffffff" : "#222222";
      svg.text(x + kCell / 2, y + 25, number_text(project[f][t], 1, lang),
               fmt::format("text-anchor=\"middle\" class=\"big\" style=\"fill:{}\"", ink));
      svg.text(x + kCell / 2, y + 44, fmt::format("({})", signed_text(project[f][t] - zero[f][t], 1, lang)),
               fmt::format("text-anchor=\"middle\" style=\"fill:{}\"", ink));
    }
  return figure(Text::ChartFlows, Text::CaptionFlows, std::move(svg).finish(), lang);
}

/// (d) The static MKBA-tool estimate beside the simulation: ratios, and NPV per pocket.
std::string chart_static(const AlternativeResult& a, std::size_t alt, Lang lang) {
  const sim::StaticEstimate& e = *a.static_estimate;
  std::vector<std::string> scopes;
  BarSeries ratio_static{std::string(text(Text::Static, lang)), {}, {}, {}, kStaticColor, {}};
  BarSeries ratio_dynamic{std::string(text(Text::Dynamic, lang)), {}, {}, {}, kProjectColor, {}};
  for (std::size_t s = 0; s < 3; ++s) {
    scopes.emplace_back(scope_label(static_cast<Scope>(s), lang));
    ratio_static.value.push_back(e.ratio[s]);
    ratio_dynamic.value.push_back(a.ratio[s].mean);
    ratio_dynamic.lo.push_back(a.ratio[s].ci_low), ratio_dynamic.hi.push_back(a.ratio[s].ci_high);
  }
  std::vector<std::size_t> pockets;
  BarSeries npv_static{ratio_static.label, {}, {}, {}, kStaticColor, {}};
  BarSeries npv_dynamic{ratio_dynamic.label, {}, {}, {}, kProjectColor, {}};
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    const double fixed = e.benefit_by_pocket[p] - e.cost_by_pocket[p];
    if (std::fabs(fixed) < 0.5 && std::fabs(a.npv_by_pocket[p].mean) < 0.5) continue;
    pockets.push_back(p);
    npv_static.value.push_back(fixed);
    npv_dynamic.value.push_back(a.npv_by_pocket[p].mean);
    npv_dynamic.lo.push_back(a.npv_by_pocket[p].ci_low), npv_dynamic.hi.push_back(a.npv_by_pocket[p].ci_high);
  }
  static constexpr std::array<double, 1> kBreakEven{1.0};  // always on the ratio axis
  // Ratios on top, NPV per pocket below, both with their categories at the same left edge.
  constexpr double kRow = 34, kLeft = 290, kWidth = 780;
  const double npv_top = 50 + 3 * kRow + 90;
  const double height = npv_top + kRow * static_cast<double>(pockets.size()) + 80;
  Svg svg("static_vs_dynamic", alt, 1116, height, text(Text::ChartStatic, lang));
  const std::array ratios{ratio_static, ratio_dynamic};
  Panel top(
      svg, {kLeft, 50, kWidth, 3 * kRow},
      value_axis(
          data_range({ratio_static.value, ratio_dynamic.value, ratio_dynamic.lo, ratio_dynamic.hi, kBreakEven}, true),
          std::string(text(Text::Ratio, lang)), false, lang, 8),
      category_axis(scopes), text(Text::StaticNote, lang));
  horizontal_bars(top, ratios);
  top.mark_x(1.0, text(Text::BreakEven, lang));
  const std::array npvs{npv_static, npv_dynamic};
  Panel bottom(svg, {kLeft, npv_top, kWidth, kRow * static_cast<double>(pockets.size())},
               value_axis(data_range({npv_static.value, npv_dynamic.value, npv_dynamic.lo, npv_dynamic.hi}, true),
                          std::string(text(Text::Eur, lang)), true, lang, 8),
               category_axis(pocket_names(pockets, lang)), text(Text::NpvGain, lang));
  horizontal_bars(bottom, npvs);
  const std::array<LegendEntry, 2> keys{{{ratio_static.label, kStaticColor}, {ratio_dynamic.label, kProjectColor}}};
  legend(svg, kLeft, height - 14, kWidth, keys);
  const std::string reach =
      say(Text::StaticReach, lang, e.team, number_text(e.households, 0, lang), number_text(e.fte, 2, lang));
  return figure(Text::ChartStatic, Text::CaptionStatic, std::move(svg).finish(), lang, reach);
}

/// (e) Net per year with 95% whiskers, the running discounted net, and the payback year.
std::string chart_cumulative(const AlternativeResult& a, std::size_t alt, Lang lang) {
  const Columns net = columns(a.net_by_year.size(), [&](std::size_t y) -> const Stat& { return a.net_by_year[y]; });
  Svg svg("cumulative_net", alt, 1116, 420, text(Text::ChartCumulative, lang));
  Panel panel(svg, {96, 40, 980, 310}, index_axis(net.mean.size(), std::string(text(Text::Year, lang))),
              value_axis(data_range({net.lo, net.hi, a.cumulative_discounted}, true),
                         std::string(text(Text::Eur, lang)), true, lang));
  for (std::size_t y = 0; y < net.mean.size(); ++y) {
    const double x = static_cast<double>(y);
    panel.rect(x - 0.3, x + 0.3, 0, net.mean[y], fill(net.mean[y] >= 0 ? "#8fc3a0" : "#e3a39b"));
    panel.whisker(x, net.lo[y], net.hi[y], false);
  }
  panel.zero_line();
  panel.line(a.cumulative_discounted, stroke(kProjectColor, 3));
  for (std::size_t y = 0; y < a.cumulative_discounted.size(); ++y)
    panel.dot(static_cast<double>(y), a.cumulative_discounted[y], 4, fill(kProjectColor));
  if (a.payback_year)
    panel.mark_x(static_cast<double>(*a.payback_year),
                 fmt::format("{}: {}", text(Text::PaybackMark, lang), say(Text::PaybackYear, lang, *a.payback_year)));
  const std::array<LegendEntry, 3> keys{
      {{std::string(text(Text::NetPerYear, lang)), "#8fc3a0"},
       {std::string(text(Text::CumulativeDiscounted, lang)), kProjectColor, Swatch::Line},
       {std::string(text(Text::Band, lang)), kInk, Swatch::Line}}};
  legend(svg, 96, 408, 980, keys);
  return figure(Text::ChartCumulative, Text::CaptionCumulative, std::move(svg).finish(), lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Tables and figures in text.

/// A table cell with a number: right-aligned, coloured by sign when asked.
std::string num_cell(const std::string& shown, double value, bool signed_colour) {
  const char* tone = !signed_colour || !std::isfinite(value) || std::fabs(value) < 0.5 ? ""
                     : value > 0                                                       ? " pos"
                                                                                       : " neg";
  return fmt::format("<td class=\"num{}\">{}</td>", tone, esc(shown));
}
std::string euro_cells(const Stat& s, Lang lang) {
  const auto eur = [lang](double v) { return euro_text(v, lang); };
  return num_cell(eur(s.mean), s.mean, true) + num_cell(eur(s.ci_low) + " \u2013 " + eur(s.ci_high), 0, false);
}

/// A key figure: label, big value, and a line of detail.
std::string card(std::string_view label, const std::string& value, double tone, const std::string& detail) {
  const char* cls = !std::isfinite(tone) ? "" : tone >= 0 ? " pos" : " neg";
  return fmt::format(
      "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v{}\">{}</div><div class=\"d\">{}</div></div>\n",
      esc(label), cls, esc(value), esc(detail));
}

std::string key_figures(const CompareResult& r, const AlternativeResult& a, Lang lang) {
  const auto eur = [lang](double v) { return euro_text(v, lang); };
  const auto ratio = [lang](double v) { return ratio_text(v, lang); };
  std::string out = "<div class=\"cards\">\n";
  for (std::size_t s = 0; s < 3; ++s) {
    const Stat& q = a.ratio[s];
    out += card(ratio_label(static_cast<Scope>(s), lang), ratio(q.mean), q.mean - 1.0,
                fmt::format("{} {} \u2013 {}; {}", text(Text::Ci95, lang), ratio(q.ci_low), ratio(q.ci_high),
                            say(Text::ShareAbove1, lang, percent_text(a.p_above_1[s], lang))));
  }
  out += card(fmt::format("{} ({})", text(Text::Npv, lang), scope_label(Scope::Societal, lang)), eur(a.npv[0].mean),
              a.npv[0].mean,
              fmt::format("{} {} \u2013 {}", text(Text::Ci95, lang), eur(a.npv[0].ci_low), eur(a.npv[0].ci_high)));
  out += card(text(Text::Payback, lang),
              a.payback_year ? say(Text::PaybackYear, lang, *a.payback_year) : std::string(text(Text::None, lang)),
              a.payback_year ? 1.0 : -1.0, a.payback_year ? "" : std::string(text(Text::PaybackNone, lang)));
  const double per_household = r.households > 0 ? a.npv[0].mean / r.households : NAN;
  const double per_intake = a.intakes.mean > 0 ? a.npv[0].mean / a.intakes.mean : NAN;
  out += card(text(Text::PerHousehold, lang), eur(per_household), per_household, "");
  out += card(text(Text::PerIntake, lang), eur(per_intake), per_intake,
              fmt::format("{}: {}", text(Text::Intakes, lang), number_text(a.intakes.mean, 0, lang)));
  out +=
      card(text(Text::TeamCost, lang), eur(a.team_cost.mean), NAN,
           fmt::format("{} {} \u2013 {}", text(Text::Ci95, lang), eur(a.team_cost.ci_low), eur(a.team_cost.ci_high)));
  return out + "</div>\n";
}

/// NPV, budget effect after 2 years and team payments per pocket, with totals per scope.
std::string pocket_table(const AlternativeResult& a, Lang lang) {
  std::string out = fmt::format(
      "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
      esc(text(Text::Pocket, lang)), esc(text(Text::NpvGain, lang)), esc(text(Text::Ci95, lang)),
      esc(text(Text::BudgetAfter2y, lang)), esc(text(Text::Ci95, lang)), esc(text(Text::PaidForTeam, lang)));
  std::array<double, kPocketCount> team{};
  for (const auto& year : a.team_by_year)
    for (std::size_t p = 0; p < kPocketCount; ++p) team[p] += year[p].mean;
  for (std::size_t p = 0; p < kPocketCount; ++p)
    out += fmt::format("<tr><td><span class=\"sw\" style=\"background:{}\"></span>{}</td>{}{}{}</tr>\n",
                       kPocketColors[p], esc(pocket_label(pocket_at(p), lang)), euro_cells(a.npv_by_pocket[p], lang),
                       euro_cells(a.budget_after_2y[p], lang),
                       num_cell(team[p] != 0.0 ? euro_text(team[p], lang) : "", 0, false));
  for (const Scope scope : {Scope::Municipal, Scope::Financial, Scope::Societal}) {
    double budget = 0, paid = 0;
    for (std::size_t p = 0; p < kPocketCount; ++p)
      if (sim::in_scope(scope, pocket_at(p))) budget += a.budget_after_2y[p].mean, paid += team[p];
    out += fmt::format("<tr class=\"total\"><td>{}</td>{}{}<td></td>{}</tr>\n",
                       esc(say(Text::Total, lang, lowered(scope_label(scope, lang)))),
                       euro_cells(a.npv[static_cast<std::size_t>(scope)], lang),
                       num_cell(euro_text(budget, lang), budget, true), num_cell(euro_text(paid, lang), 0, false));
  }
  return out + "</tbody></table>\n";
}

/// Escalations and other events, project minus zero, over the horizon.
std::string events_table(const AlternativeResult& a, Lang lang) {
  std::string out =
      fmt::format("<table class=\"narrow\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                  esc(text(Text::Event, lang)), esc(text(Text::Difference, lang)), esc(text(Text::Ci95, lang)));
  const auto count = [lang](double v) { return number_text(v, 1, lang); };
  for (std::size_t e = 0; e < sim::kCountedCount; ++e) {
    const Stat& s = a.events_diff[e];
    out += fmt::format("<tr><td>{}</td>{}{}</tr>\n", esc(event_label(static_cast<sim::Counted>(e), lang)),
                       num_cell(count(s.mean), -s.mean, true),
                       num_cell(count(s.ci_low) + " \u2013 " + count(s.ci_high), 0, false));
  }
  return out + "</tbody></table>\n";
}

std::string alternative_section(const CompareResult& r, std::size_t i, Lang lang) {
  const AlternativeResult& a = r.alternatives[i];
  const std::string heading = fmt::format("{} {}: {}", text(Text::Alternative, lang), i + 1,
                                          alternative_label(a.scenario, a.caption, a.mode, lang));
  // With several alternatives the decision section comes first and each alternative's details fold away.
  const bool folded = r.alternatives.size() > 1;
  std::string out = folded ? fmt::format("<details class=\"alternative\" id=\"alternative-{}\"><summary>{}</summary>\n", i,
                                         esc(heading))
                           : fmt::format("<section id=\"alternative-{}\"><h2>{}</h2>\n", i, esc(heading));
  out += fmt::format("<p class=\"sub\">{}</p>\n", esc(say(Text::AlternativeMode, lang, a.scenario, mode_label(a.mode, lang))));
  out += fmt::format("<h3>{}</h3>\n", esc(text(Text::KeyFigures, lang))) + key_figures(r, a, lang);
  out += fmt::format("<h3>{}</h3>\n", esc(text(Text::ChartNpvPockets, lang))) + pocket_table(a, lang);
  out += chart_wrong_pocket(a, i, lang) + chart_npv_pockets(a, i, lang) + chart_cumulative(a, i, lang);
  out += chart_pocket_costs(a, i, lang) + chart_levels(r, a, i, lang) + chart_flows(r, a, i, lang);
  out += a.static_estimate ? chart_static(a, i, lang)
                           : fmt::format("<h4>{}</h4><p>{}</p>\n", esc(text(Text::ChartStatic, lang)),
                                         esc(text(Text::NoStatic, lang)));
  out += fmt::format("<h3>{}</h3>\n", esc(text(Text::Events, lang))) + events_table(a, lang);
  return out + (folded ? "</details>\n" : "</section>\n");
}

std::string inputs_section(const CompareResult& r, Lang lang) {
  std::string out = fmt::format(
      "<details><summary>{}</summary><table class=\"narrow\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
      "</tr></thead><tbody>\n",
      esc(text(Text::Inputs, lang)), esc(text(Text::Input, lang)), esc(text(Text::Value, lang)),
      esc(text(Text::SourceNote, lang)));
  for (const sim::Input& input : r.inputs)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(input.key), esc(input.value),
                       esc(input.source));
  return out + "</tbody></table></details>\n";
}


}  // namespace

std::string report_html(const CompareResult& r, Lang lang) {
  std::string out = page_start(text(Text::ReportTitle, lang), lang);
  const std::string rate = discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang);
  out += fmt::format("<p>{}</p>\n<p class=\"note discount\">{}</p>\n<p class=\"note\">{} {}</p>\n",
                     esc(say(Text::Intro, lang, r.alternatives.size(), zero_label(r.district, lang), r.replications,
                             number_text(r.households, 0, lang), r.months, rate)),
                     esc(discount_reason(r.discount_basis, lang)), esc(text(Text::SignNote, lang)),
                     esc(text(Text::YearNote, lang)));
  if (r.alternatives.size() > 1)
    out += decision_section(r, lang) + fmt::format("<h2>{}</h2>\n", esc(text(Text::AlternativeDetails, lang)));
  for (std::size_t i = 0; i < r.alternatives.size(); ++i) out += alternative_section(r, i, lang);
  out += inputs_section(r, lang);
  return out + fmt::format("<p class=\"note\">{}</p>\n", esc(text(Text::Generated, lang))) + page_end();
}

}  // namespace wijksim::report
