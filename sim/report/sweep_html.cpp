// sweep.html and tornado.html: one page each, inline SVG, XHTML-compatible markup.
#include "sim/report/sweep_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wijksim::report {

using namespace labels;  // the reports speak in the shared labels
namespace {

using sim::AlternativeResult;
using sim::CompareResult;
using sim::Stat;

constexpr double kW = 900, kH = 420, kLeft = 110, kRight = 30, kTop = 40, kBottom = 60;
constexpr std::string_view kBlue = "#1f5fa8", kOrange = "#ef6c00", kInk = "#333333", kGrid = "#dddddd";

std::string esc(std::string_view in) { return xml_escape(in); }

std::string c(double v) { return fmt::format("{:.1f}", v); }
std::string_view say(Lang lang, std::string_view en, std::string_view nl) { return lang == Lang::Nl ? nl : en; }

/// A linear scale from data to pixels.
struct Scale {
  double lo, hi, from, to;
  double operator()(double v) const { return from + (v - lo) / (hi - lo) * (to - from); }
};

/// Round limits around the data (with zero when asked), so ticks fall on round numbers.
std::pair<double, double> nice_limits(double lo, double hi, bool with_zero) {
  if (with_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0.0, 1.0};
  if (hi - lo < 1e-9) hi = lo + std::max(1.0, std::fabs(lo) * 0.2);
  const double step = std::pow(10.0, std::floor(std::log10((hi - lo) / 4)));
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step};
}

std::string page(std::string_view title, std::string_view intro, const std::string& body, Lang lang) {
  return fmt::format(
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" xml:lang=\"{0}\">\n<head>\n"
      "<meta charset=\"utf-8\"/>\n<title>{1}</title>\n<style>body{{font-family:sans-serif;color:#333;margin:2em;"
      "max-width:1000px}} table{{border-collapse:collapse}} td,th{{padding:3px 10px;border-bottom:1px solid #ddd;"
      "text-align:right}} td:first-child,th:first-child{{text-align:left}} svg text{{font-size:12px;fill:#333}}"
      "</style>\n</head>\n<body>\n<h1>{1}</h1>\n<p>{2}</p>\n{3}</body>\n</html>\n",
      lang_name(lang), esc(title), esc(intro), body);
}

/// A point with a vertical 95% interval, numbered to match the table.
struct Point {
  double x;
  Stat y;
};

/// Scatter of points with whiskers; a dashed reference line at y = ref when given.
std::string scatter(std::string_view name, const std::vector<Point>& points, const std::string& x_title,
                    const std::string& y_title, bool euros_y, std::optional<double> ref, Lang lang) {
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  for (const Point& p : points) {
    xlo = std::min(xlo, p.x), xhi = std::max(xhi, p.x);
    for (const double v : {p.y.ci_low, p.y.ci_high, p.y.mean})
      if (std::isfinite(v)) ylo = std::min(ylo, v), yhi = std::max(yhi, v);
  }
  if (ref) ylo = std::min(ylo, *ref), yhi = std::max(yhi, *ref);
  const auto [x0, x1] = nice_limits(xlo, xhi, true);
  const auto [y0, y1] = nice_limits(ylo, yhi, euros_y);
  const Scale sx{x0, x1, kLeft, kW - kRight}, sy{y0, y1, kH - kBottom, kTop};
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{}\" width=\"{}\" "
                                "height=\"{}\" viewBox=\"0 0 {} {}\">\n",
                                name, kW, kH, kW, kH);
  for (int i = 0; i <= 4; ++i) {
    const double xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
    svg += fmt::format("<path d=\"M{} {}V{}\" stroke=\"{}\"/>\n", c(sx(xv)), c(kTop), c(kH - kBottom), kGrid);
    svg += fmt::format("<path d=\"M{} {}H{}\" stroke=\"{}\"/>\n", c(kLeft), c(sy(yv)), c(kW - kRight), kGrid);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", c(sx(xv)), c(kH - kBottom + 18),
                       esc(euro_text(xv, lang)));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", c(kLeft - 8), c(sy(yv) + 4),
                       esc(euros_y ? euro_text(yv, lang) : ratio_text(yv, lang)));
  }
  if (ref)
    svg += fmt::format("<path d=\"M{} {}H{}\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n", c(kLeft),
                       c(sy(*ref)), c(kW - kRight), kInk);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    if (!std::isfinite(p.y.mean)) continue;
    const double px = sx(p.x);
    svg += fmt::format("<path d=\"M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}\" stroke=\"{5}\" stroke-width=\"1.5\"/>\n", c(px),
                       c(sy(p.y.ci_low)), c(sy(p.y.ci_high)), c(px - 4), c(px + 4), kBlue);
    svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>\n", c(px), c(sy(p.y.mean)), kBlue);
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", c(px + 8), c(sy(p.y.mean) - 6), i + 1);
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", c((kLeft + kW - kRight) / 2),
                     c(kH - 14), esc(x_title));
  svg += fmt::format("<text x=\"18\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {})\">{}</text>\n",
                     c((kTop + kH - kBottom) / 2), c((kTop + kH - kBottom) / 2), esc(y_title));
  return svg + "</svg>\n";
}

}  // namespace

std::string sweep_html(const CompareResult& r, Lang lang) {
  std::vector<Point> npv, ratio;
  for (const AlternativeResult& a : r.alternatives) {
    npv.push_back({sim::team_budget_per_year(a), a.npv[0]});
    ratio.push_back({sim::team_budget_per_year(a), a.ratio[0]});
  }
  const std::string budget(say(lang, "Team budget per year (EUR)", "Teambudget per jaar (EUR)"));
  std::string body = fmt::format("<h2>{}</h2>\n", esc(say(lang, "Net present value against budget", "Netto contante waarde tegen budget")));
  body += scatter("sweep_npv", npv, budget, std::string(say(lang, "Societal NPV (EUR, 95% interval)", "Maatschappelijke NCW (EUR, 95%-interval)")), true, 0.0, lang);
  body += fmt::format("<h2>{}</h2>\n", esc(say(lang, "Societal ratio against budget", "Maatschappelijke ratio tegen budget")));
  body += scatter("sweep_ratio", ratio, budget, std::string(say(lang, "Societal ratio (benefit / cost)", "Maatschappelijke ratio (baten / kosten)")), false, 1.0, lang);
  std::vector<std::size_t> order(r.alternatives.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return r.alternatives[a].npv[0].mean > r.alternatives[b].npv[0].mean;
  });
  body += fmt::format("<table>\n<tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                      esc(say(lang, "alternative", "alternatief")), esc(budget),
                      esc(say(lang, "societal NPV [95%]", "maatschappelijke NCW [95%]")),
                      esc(say(lang, "societal ratio [95%]", "maatschappelijke ratio [95%]")),
                      esc(say(lang, "financial ratio", "financiële ratio")));
  for (const std::size_t i : order) {
    const AlternativeResult& a = r.alternatives[i];
    body += fmt::format("<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", i + 1,
                        esc(alternative_label(a.scenario, a.mode, lang)),
                        esc(euro_text(sim::team_budget_per_year(a), lang)),
                        esc(interval_text(a.npv[0], [lang](double v) { return euro_text(v, lang); })),
                        esc(interval_text(a.ratio[0], [lang](double v) { return ratio_text(v, lang); })),
                        esc(ratio_text(a.ratio[1].mean, lang)));
  }
  body += "</table>\n";
  const std::string intro = fmt::format(
      fmt::runtime(say(lang, "{} alternatives, each paired with the zero alternative '{}' over {} replications of {} households. "
                             "Points are numbered as in the table; whiskers are 95% intervals of the mean.",
                       "{} alternatieven, elk gepaard met het nulalternatief '{}' over {} replicaties van {} huishoudens. "
                       "Punten zijn genummerd als in de tabel; de strepen zijn 95%-intervallen van het gemiddelde.")),
      r.alternatives.size(), r.zero_name, r.replications, r.households);
  return page(say(lang, "wijksim sweep: which team for which budget", "wijksim sweep: welk team voor welk budget"), intro, body, lang);
}

std::string tornado_html(const CompareResult& r, const std::vector<sim::TornadoRow>& rows, Lang lang) {
  const double row_h = 34, top = 50, height = top + row_h * static_cast<double>(rows.size()) + 50;
  double lo = INFINITY, hi = -INFINITY;
  for (const sim::TornadoRow& t : rows)
    for (const double v : {t.npv_low, t.npv_high, t.base_npv}) lo = std::min(lo, v), hi = std::max(hi, v);
  const auto [x0, x1] = nice_limits(lo, hi, true);
  const double left = 300;
  const Scale sx{x0, x1, left, kW - kRight};
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"tornado\" "
                                "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">\n",
                                kW, c(height), kW, c(height));
  for (int i = 0; i <= 4; ++i) {
    const double v = x0 + (x1 - x0) * i / 4;
    svg += fmt::format("<path d=\"M{} {}V{}\" stroke=\"{}\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       c(sx(v)), c(top - 10), c(height - 40), kGrid, c(sx(v)), c(height - 22), esc(euro_text(v, lang)));
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const sim::TornadoRow& t = rows[i];
    const double y = top + row_h * static_cast<double>(i);
    const auto bar = [&](double v, std::string_view color, const std::string& label) {
      const double a = sx(std::min(v, t.base_npv)), b = sx(std::max(v, t.base_npv));
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>\n", c(a),
                         c(y + 4), c(std::max(b - a, 1.0)), c(row_h - 10), color, esc(label));
    };
    bar(t.npv_low, kOrange, fmt::format("{} = {}: {}", t.key, t.low, euro_text(t.npv_low, lang)));
    bar(t.npv_high, kBlue, fmt::format("{} = {}: {}", t.key, t.high, euro_text(t.npv_high, lang)));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} ({} / {})</text>\n", c(left - 8), c(y + row_h / 2 + 2),
                       esc(t.key), esc(t.low), esc(t.high));
  }
  if (!rows.empty())
    svg += fmt::format("<path d=\"M{0} {1}V{2}\" stroke=\"{3}\" stroke-width=\"2\"/>\n", c(sx(rows.front().base_npv)),
                       c(top - 10), c(height - 40), kInk);
  svg += fmt::format("<rect x=\"{}\" y=\"12\" width=\"14\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"21\">{}</text>\n"
                     "<rect x=\"{}\" y=\"12\" width=\"14\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"21\">{}</text>\n",
                     c(left), kOrange, c(left + 20), esc(say(lang, "low end", "lage waarde")), c(left + 140), kBlue,
                     c(left + 160), esc(say(lang, "high end", "hoge waarde")));
  svg += "</svg>\n";
  const std::string intro = fmt::format(
      fmt::runtime(say(lang, "Societal net present value when one input is at the low or the high end of its range and the "
                             "rest stays at base (black line: {}); widest swing on top. {} replications, zero alternative '{}'.",
                       "Maatschappelijke netto contante waarde als één invoer aan de lage of hoge kant van zijn bereik staat "
                       "en de rest op de basis (zwarte lijn: {}); grootste uitslag bovenaan. {} replicaties, nulalternatief '{}'.")),
      rows.empty() ? "-" : euro_text(rows.front().base_npv, lang), r.replications, r.zero_name);
  return page(say(lang, "wijksim tornado: one-way sensitivity", "wijksim tornado: eenzijdige gevoeligheid"), intro, svg, lang);
}

}  // namespace wijksim::report
