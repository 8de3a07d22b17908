// sweep.html and tornado.html: one page each, inline SVG drawn with the shared toolkit, XHTML-compatible markup.
#include "sim/report/sweep_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/batch/decision.hpp"
#include "sim/io/csv.hpp"
#include "sim/report/decision.hpp"
#include "sim/report/page.hpp"
#include "sim/report/svg_kit.hpp"

namespace wijksim::report {

using namespace labels;  // the reports speak in the shared labels
using namespace kit;     // and draw with the shared SVG toolkit
namespace {

using sim::AlternativeResult;
using sim::CompareResult;
using sim::Stat;

constexpr std::string_view kBlue = "#1f5fa8", kOrange = "#ef6c00";

std::string_view say(Lang lang, std::string_view en, std::string_view nl) { return lang == Lang::Nl ? nl : en; }

std::string data_value(double x) { return std::isfinite(x) ? sim::number_text(x) : ""; }
std::string num(const std::string& shown, double value) {
  return fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", data_value(value), esc(shown));
}
std::string payback(const std::optional<std::uint32_t>& year, Lang lang) {
  return year ? fmt::format(fmt::runtime(text(Text::PaybackYear, lang)), *year) : std::string(text(Text::None, lang));
}

/// The ends of the reference line: from the lowest budget (or zero) to the highest.
double panel_lo(const std::vector<double>& xs) { return xs.empty() ? 0.0 : std::min(0.0, *std::min_element(xs.begin(), xs.end())); }
double panel_hi(const std::vector<double>& xs) { return xs.empty() ? 1.0 : *std::max_element(xs.begin(), xs.end()); }

/// A point with a vertical 95% interval, numbered to match the table.
struct Point {
  double x;
  Stat y;
};

/// Points with whiskers against the team budget, each with its number; a dashed reference line at y = ref.
std::string scatter(std::string_view name, const std::vector<Point>& points, const std::string& x_title,
                    const std::string& y_title, bool euros_y, double ref, Lang lang) {
  std::vector<double> xs, ys{ref};
  for (const Point& p : points) {
    xs.push_back(p.x);
    ys.insert(ys.end(), {p.y.ci_low, p.y.ci_high, p.y.mean});
  }
  Svg svg(name, 0, 960, 440, y_title);
  Panel panel(svg, {110, 30, 810, 340}, value_axis(data_range({xs}, true), x_title, true, lang, 4),
              value_axis(data_range({ys}, true), y_title, euros_y, lang));
  panel.zero_line();
  panel.segment(panel_lo(xs), ref, panel_hi(xs), ref, stroke(kInk, 1.5, true));
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    if (!std::isfinite(p.y.mean)) continue;
    const double px = panel.px(p.x);
    if (std::isfinite(p.y.ci_low + p.y.ci_high))
      svg.add(fmt::format("<path d=\"M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}\" {5}/>", c(px), c(panel.py(p.y.ci_low)),
                          c(panel.py(p.y.ci_high)), c(px - 4), c(px + 4), stroke(kBlue, 1.5)));
    panel.dot(p.x, p.y.mean, 5, fill(kBlue));
  }
  // Each point's number beside it; points at the same budget have their numbers spread so none hides another.
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<bool> done(points.size(), false);
  for (const std::size_t i : order) {
    if (done[i] || !std::isfinite(points[i].y.mean)) continue;
    std::vector<std::size_t> group;
    for (std::size_t j = i; j < points.size(); ++j)
      if (!done[j] && std::isfinite(points[j].y.mean) && std::fabs(panel.px(points[j].x) - panel.px(points[i].x)) < 4)
        group.push_back(j), done[j] = true;
    std::vector<double> wanted;
    for (const std::size_t j : group) wanted.push_back(panel.py(points[j].y.mean) + 4);
    const std::vector<double> at = spread(wanted, 13, 30, 370);
    for (std::size_t g = 0; g < group.size(); ++g)
      svg.text(panel.px(points[group[g]].x) + 9, at[g], std::to_string(group[g] + 1));
  }
  return std::move(svg).finish() + "\n";
}

}  // namespace

std::string sweep_html(const CompareResult& r, Lang lang) {
  std::vector<Point> npv, ratio;
  for (const AlternativeResult& a : r.alternatives) {
    npv.push_back({sim::budget_stat(a).mean, a.npv[0]});
    ratio.push_back({sim::budget_stat(a).mean, a.ratio[0]});
  }
  const std::string budget = std::string(text(Text::ColTeamBudget, lang)) + " (EUR)";
  std::string body = fmt::format(
      "<p>{}</p>\n<p class=\"note discount\">{}: {}.</p>\n",
      esc(fmt::format(fmt::runtime(say(lang,
                                       "{} alternatives, each paired with the zero alternative \u201c{}\u201d over {} "
                                       "replications of {} households. Points are numbered as in the table; whiskers "
                                       "are 95% intervals of the mean. decision.html ranks them and shows what each "
                                       "step buys.",
                                       "{} alternatieven, elk gepaard met het nulalternatief \u201c{}\u201d over {} "
                                       "herhalingen met {} huishoudens. Punten zijn genummerd als in de tabel; de strepen "
                                       "zijn 95%-intervallen van het gemiddelde. decision.html rangschikt ze en toont "
                                       "wat elke stap oplevert.")),
                      r.alternatives.size(), zero_label(r.district, lang), r.replications,
                      number_text(r.households, 0, lang))),
      esc(text(Text::DiscountUsed, lang)),
      esc(discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang)));
  body += fmt::format("<h2>{}</h2>\n", esc(say(lang, "Net present value against budget", "Netto contante waarde tegen budget")));
  body += scatter("sweep_npv", npv, budget, std::string(text(Text::ColNpvSocietal, lang)), true, 0.0, lang);
  body += fmt::format("<h2>{}</h2>\n", esc(say(lang, "Societal ratio against budget", "Maatschappelijke ratio tegen budget")));
  body += scatter("sweep_ratio", ratio, budget,
                  std::string(say(lang, "Societal ratio (benefit / cost)", "Maatschappelijke ratio (baten / kosten)")), false,
                  1.0, lang);
  std::vector<std::size_t> order(r.alternatives.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return r.alternatives[a].npv[0].mean > r.alternatives[b].npv[0].mean;
  });
  const std::vector<std::string> titles{
      "#",
      std::string(text(Text::Alternative, lang)),
      std::string(text(Text::ColTeamBudget, lang)),
      std::string(text(Text::ColNpvSocietal, lang)),
      fmt::format(fmt::runtime(text(Text::ColRatio, lang)), ratio_label(sim::Scope::Societal, lang)),
      std::string(ratio_label(sim::Scope::Financial, lang)),
      std::string(ratio_label(sim::Scope::Municipal, lang)),
      fmt::format(fmt::runtime(text(Text::ColPayback, lang)), say(lang, "societal", "maatschappelijk")),
      fmt::format(fmt::runtime(text(Text::ColPayback, lang)), say(lang, "municipal", "gemeentelijk"))};
  body += fmt::format("<h2>{}</h2>\n<table class=\"decision sortable\"><thead><tr>",
                      esc(say(lang, "Alternatives, highest societal NPV first", "Alternatieven, hoogste maatschappelijke NCW eerst")));
  for (const std::string& t : titles) body += fmt::format("<th>{}</th>", esc(t));
  body += "</tr></thead><tbody>\n";
  const auto eur = [lang](double v) { return euro_text(v, lang); };
  const auto rat = [lang](double v) { return ratio_text(v, lang); };
  for (const std::size_t i : order) {
    const AlternativeResult& a = r.alternatives[i];
    const std::string title = alternative_title(r, i, lang);
    body += fmt::format("<tr data-alternative=\"{}\">", i);
    body += num(std::to_string(i + 1), static_cast<double>(i + 1));
    body += fmt::format("<td data-v=\"{}\">{}</td>", esc(title), esc(title));
    body += num(eur(sim::budget_stat(a).mean), sim::budget_stat(a).mean);
    body += num(interval_text(a.npv[0], eur), a.npv[0].mean);
    body += num(interval_text(a.ratio[0], rat), a.ratio[0].mean);
    body += num(rat(a.ratio[1].mean), a.ratio[1].mean);
    body += num(rat(a.ratio[2].mean), a.ratio[2].mean);
    for (const std::size_t s : {0U, 2U}) {
      const auto& y = a.payback_by_scope[s];
      body += num(payback(y, lang), y ? static_cast<double>(*y) : 1e9);
    }
    body += "</tr>\n";
  }
  body += "</tbody></table>\n";
  return page_start(say(lang, "wijksim sweep: which team for which budget", "wijksim sweep: welk team voor welk budget"), lang) +
         body + page_end();
}

std::string tornado_html(const CompareResult& r, const std::vector<sim::TornadoRow>& rows, Lang lang) {
  const auto is_discount = [](const sim::TornadoRow& t) {
    return t.key == "mkba.discount_real" || t.key == "mkba.risk_premium";
  };
  // Each input in words: its name, and each end's value (an input over the discount shows the rate it gives).
  const auto name = [&](const sim::TornadoRow& t) {
    return is_discount(t) ? std::string(say(lang, "discount rate", "discontovoet")) : setting_name(t.key, lang);
  };
  const auto end_text = [&](const sim::TornadoRow& t, bool high) {
    return is_discount(t) ? rate_text(high ? t.rate_high : t.rate_low, lang)
                          : setting_value(t.key, high ? t.high : t.low, lang);
  };
  constexpr double kRowH = 40, kTop = 56, kLeft = 330, kWidth = 560;
  std::vector<double> values;
  for (const sim::TornadoRow& t : rows) values.insert(values.end(), {t.npv_low, t.npv_high, t.base_npv});
  const double height = kTop + kRowH * static_cast<double>(std::max<std::size_t>(rows.size(), 1)) + 70;
  Svg svg("tornado", 0, kLeft + kWidth + 40, height, say(lang, "One-way sensitivity", "Eenzijdige gevoeligheid"));
  Panel panel(svg, {kLeft, kTop, kWidth, kRowH * static_cast<double>(std::max<std::size_t>(rows.size(), 1))},
              value_axis(data_range({values}, true), std::string(say(lang, "Societal NPV (EUR)", "Maatschappelijke NCW (euro)")),
                         true, lang, 5),
              Axis{{static_cast<double>(rows.size()) - 0.5, -0.5}, {}, "", false});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const sim::TornadoRow& t = rows[i];
    const double at = static_cast<double>(i);
    // Ends on opposite sides of the base share the row's full height; ends on the same side each get half of it, so
    // the two bars never lie on top of one another.
    const bool same_side = (t.npv_low - t.base_npv) * (t.npv_high - t.base_npv) > 0;
    const auto bar = [&](double v, std::string_view color, double top, double bottom, bool high) {
      const double x0 = panel.px(std::min(v, t.base_npv)), x1 = panel.px(std::max(v, t.base_npv));
      const double y0 = std::min(panel.py(top), panel.py(bottom)), y1 = std::max(panel.py(top), panel.py(bottom));
      if (!std::isfinite(x0 + x1)) return;
      svg.add(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {} data-end=\"{}\"><title>{} = {}: {}</title></rect>",
                          c(x0), c(y0), c(std::max(x1 - x0, 1.0)), c(y1 - y0), fill(color), high ? "high" : "low",
                          esc(name(t)), esc(end_text(t, high)), esc(euro_text(v, lang))));
    };
    if (same_side) {
      bar(t.npv_low, kOrange, at - 0.36, at - 0.02, false);
      bar(t.npv_high, kBlue, at + 0.02, at + 0.36, true);
    } else {
      bar(t.npv_low, kOrange, at - 0.34, at + 0.34, false);
      bar(t.npv_high, kBlue, at - 0.34, at + 0.34, true);
    }
    svg.text(kLeft - 10, panel.py(at) - 2, name(t), "text-anchor=\"end\" class=\"ptitle\"");
    svg.text(kLeft - 10, panel.py(at) + 13,
             fmt::format("{} / {}", end_text(t, false), end_text(t, true)), "text-anchor=\"end\" class=\"unit\"");
  }
  if (!rows.empty()) {
    const double x = rows.front().base_npv;
    svg.add(fmt::format("<path d=\"M{0} {1}V{2}\" {3}/>", c(panel.px(x)), c(kTop - 6),
                        c(kTop + kRowH * static_cast<double>(rows.size())), stroke(kInk, 2)));
  }
  const std::array<LegendEntry, 3> keys{{{std::string(say(lang, "low end", "lage waarde")), kOrange},
                                         {std::string(say(lang, "high end", "hoge waarde")), kBlue},
                                         {std::string(say(lang, "base", "basis")), kInk, Swatch::Line}}};
  legend(svg, kLeft, 20, kWidth, keys);
  std::string body = fmt::format(
      "<p>{}</p>\n<p class=\"note discount\">{}: {}.</p>\n",
      esc(fmt::format(
          fmt::runtime(say(lang,
                           "Societal net present value when one input is at the low or the high end of its range and the "
                           "rest stays at base (black line: {}); the input that moves the result furthest from the base "
                           "on top. {} replications, zero alternative \u201c{}\u201d.",
                           "Maatschappelijke netto contante waarde als één invoer aan de lage of hoge kant van zijn bereik "
                           "staat en de rest op de basis (zwarte lijn: {}); de invoer die de uitkomst het verst van de "
                           "basis brengt bovenaan. {} herhalingen, nulalternatief \u201c{}\u201d.")),
          rows.empty() ? "-" : euro_text(rows.front().base_npv, lang), r.replications, zero_label(r.district, lang))),
      esc(text(Text::DiscountUsed, lang)),
      esc(discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang)));
  body += "<figure>" + std::move(svg).finish() + "</figure>\n";
  const std::vector<std::string> titles{std::string(say(lang, "Input", "Invoer")),
                                        std::string(say(lang, "Low end", "Lage waarde")),
                                        std::string(say(lang, "Societal NPV, low end", "Maatschappelijke NCW, laag")),
                                        std::string(say(lang, "High end", "Hoge waarde")),
                                        std::string(say(lang, "Societal NPV, high end", "Maatschappelijke NCW, hoog")),
                                        std::string(say(lang, "Largest deviation from base", "Grootste afwijking van de basis"))};
  body += "<table class=\"decision sortable\"><thead><tr>";
  for (const std::string& t : titles) body += fmt::format("<th>{}</th>", esc(t));
  body += "</tr></thead><tbody>\n";
  for (const sim::TornadoRow& t : rows)
    body += fmt::format("<tr><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td>{}<td data-v=\"{}\">{}</td>{}{}</tr>\n",
                        esc(name(t)), esc(name(t)), esc(t.low), esc(end_text(t, false)),
                        num(euro_text(t.npv_low, lang), t.npv_low), esc(t.high), esc(end_text(t, true)),
                        num(euro_text(t.npv_high, lang), t.npv_high), num(euro_text(t.deviation(), lang), t.deviation()));
  body += "</tbody></table>\n";
  return page_start(say(lang, "wijksim tornado: one-way sensitivity", "wijksim tornado: eenzijdige gevoeligheid"), lang) +
         body + page_end();
}

}  // namespace wijksim::report
