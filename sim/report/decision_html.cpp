// decision.html and report.html's first section: reads a CompareResult and its Decision, writes tables, the
// frontier chart and the summary.
#include "sim/report/decision_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/io/csv.hpp"
#include "sim/report/decision.hpp"
#include "sim/report/page.hpp"
#include "sim/report/svg_kit.hpp"

namespace wijksim::report {

using namespace labels;
using namespace kit;
namespace {

using services::Pocket;
using sim::AlternativeResult;
using sim::CompareResult;
using sim::Scope;
using sim::Stat;

constexpr std::size_t kSocietal = 0, kMunicipal = 2;
constexpr std::string_view kFrontierColor = "#1f5fa8", kDominatedColor = "#9e9e9e";

template <class... Args>
std::string say(Text key, Lang lang, const Args&... args) {
  return fmt::format(fmt::runtime(text(key, lang)), args...);
}
std::string_view say(Lang lang, std::string_view en, std::string_view nl) { return lang == Lang::Nl ? nl : en; }

std::string lowered(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

/// The value a cell sorts by and a test reads back: the number as the JSON files write it; empty when undefined.
std::string data_value(double x) { return std::isfinite(x) ? sim::number_text(x) : ""; }

/// An amount that a narrow column may not break: "€ 16.5 mln" with no-break spaces (an interval still breaks at
/// its dash).
std::string unbroken(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool joins = s[i] == ' ' && ((i > 0 && s.substr(0, i).ends_with("\u20ac")) || s.substr(i + 1).starts_with("mln") ||
                                      s.substr(i + 1).starts_with("mld") || s.substr(i + 1).starts_with("bn"));
    out += joins ? "\u00a0" : std::string(1, s[i]);
  }
  return out;
}

/// A table cell: the shown text, a 95% interval below it when given, the sort value, and the mark of the best.
std::string cell(const std::string& shown, double value, bool best = false, const std::string& interval = "",
                 const std::string& title = "") {
  return fmt::format("<td class=\"num{}\" data-v=\"{}\"{}>{}{}</td>", best ? " best" : "", data_value(value),
                     title.empty() ? "" : fmt::format(" title=\"{}\"", esc(title)), esc(unbroken(shown)),
                     interval.empty() ? "" : fmt::format("<span class=\"ci\">{}</span>", esc(unbroken(interval))));
}
std::string text_cell(const std::string& shown, const std::string& sort_value) {
  return fmt::format("<td data-v=\"{}\">{}</td>", esc(sort_value), esc(shown));
}

std::string euro_interval(const Stat& s, Lang lang) {
  return fmt::format("[{} \u2013 {}]", euro_text(s.ci_low, lang), euro_text(s.ci_high, lang));
}
std::string ratio_interval(const Stat& s, Lang lang) {
  if (!std::isfinite(s.ci_low) || !std::isfinite(s.ci_high)) return "";  // an undefined ratio has no interval
  return fmt::format("[{} \u2013 {}]", ratio_text(s.ci_low, lang), ratio_text(s.ci_high, lang));
}
std::string signed_euro(double v, Lang lang) {
  const std::string shown = euro_text(v, lang);
  return v > 0.0 && shown != "€ 0" ? fmt::format("+{}", shown) : shown;
}

std::string payback_text(const std::optional<std::uint32_t>& year, Lang lang) {
  return year ? say(Text::PaybackYear, lang, *year) : std::string(text(Text::None, lang));
}
/// Payback sorts by year; never paying back sorts after every year.
double payback_value(const std::optional<std::uint32_t>& year) { return year ? static_cast<double>(*year) : 1e9; }

std::string pocket_amount(std::size_t p, double amount, Lang lang) {
  return fmt::format("{}: {}", pocket_label(static_cast<Pocket>(p), lang), euro_text(amount, lang));
}

/// Which row is best in a column: the highest (or lowest) finite value, none when fewer than two rows.
template <class Get>
std::optional<std::size_t> best_row(const std::vector<DecisionRow>& rows, Get value, bool highest) {
  if (rows.size() < 2) return std::nullopt;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double v = value(rows[i]);
    if (!std::isfinite(v)) continue;
    if (!best || (highest ? v > value(rows[*best]) : v < value(rows[*best]))) best = i;
  }
  return best;
}

std::string header(const std::vector<std::string>& titles) {
  std::string out = "<thead><tr>";
  for (const std::string& t : titles) out += fmt::format("<th>{}</th>", esc(t));
  return out + "</tr></thead>";
}

/// The table of all alternatives, in order of team budget.
std::string alternatives_table(const CompareResult& r, const Decision& d, Lang lang) {
  std::vector<std::string> titles{"#", std::string(text(Text::Alternative, lang)), std::string(text(Text::ColTeamBudget, lang))};
  for (std::size_t s = 0; s < 3; ++s)
    titles.push_back(say(Text::ColRatio, lang, ratio_label(static_cast<Scope>(s), lang)));
  titles.emplace_back(text(Text::ColNpvSocietal, lang));
  for (std::size_t s = 0; s < 3; ++s)
    titles.push_back(say(Text::ColPayback, lang, lowered(scope_label(static_cast<Scope>(s), lang))));
  for (const Text t : {Text::ColMunicipal2y, Text::ColOther2y, Text::ColPaysMost, Text::ColGainsMost})
    titles.emplace_back(text(t, lang));
  const auto alt = [&](const DecisionRow& row) -> const AlternativeResult& { return r.alternatives[row.alternative]; };
  std::array<std::optional<std::size_t>, 3> best_ratio, best_payback;
  for (std::size_t s = 0; s < 3; ++s) {
    best_ratio[s] = best_row(d.rows, [&](const DecisionRow& x) { return alt(x).ratio[s].mean; }, true);
    best_payback[s] = best_row(d.rows, [&](const DecisionRow& x) {
      const auto& y = alt(x).payback_by_scope[s];
      return y ? static_cast<double>(*y) : NAN;
    }, false);
  }
  const auto best_npv = best_row(d.rows, [&](const DecisionRow& x) { return alt(x).npv[kSocietal].mean; }, true);
  const auto best_municipal = best_row(d.rows, [](const DecisionRow& x) { return x.municipal_2y; }, true);
  const std::string best = std::string(text(Text::Best, lang));
  std::vector<std::size_t> number_of(r.alternatives.size());
  for (std::size_t i = 0; i < d.rows.size(); ++i) number_of[d.rows[i].alternative] = i + 1;
  std::string out = "<div class=\"wide\"><table class=\"decision sortable alternatives\">" + header(titles) + "<tbody>\n";
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    const DecisionRow& row = d.rows[i];
    const AlternativeResult& a = alt(row);
    std::string tags;
    if (row.dominated_by) {
      // By its number in this table (the words are in the tag's title): the column stays narrow.
      const std::string by = *row.dominated_by == kZero ? std::string(text(Text::ZeroAlternative, lang))
                                                        : fmt::format("#{}", number_of[*row.dominated_by]);
      tags += fmt::format("<span class=\"tag dom\" title=\"{}\">{}</span>",
                          esc(say(Text::DominatedBy, lang, alternative_title(r, *row.dominated_by, lang))),
                          esc(say(Text::DominatedBy, lang, by)));
    }
    if (row.alternative == d.choice)
      tags += fmt::format("<span class=\"tag front\">{}</span>", esc(say(lang, "the summary's choice", "keuze in de samenvatting")));
    const std::string classes = std::string(row.dominated_by ? "dominated" : "") +
                                (row.alternative == d.choice ? (row.dominated_by ? " chosen" : "chosen") : "");
    out += fmt::format("<tr{} data-alternative=\"{}\">", classes.empty() ? "" : fmt::format(" class=\"{}\"", classes),
                       row.alternative);
    out += cell(std::to_string(i + 1), static_cast<double>(i + 1));
    out += fmt::format("<td data-v=\"{}\">{}{}</td>", esc(alternative_title(r, row.alternative, lang)),
                       esc(alternative_title(r, row.alternative, lang)), tags);
    out += cell(euro_text(row.budget.mean, lang), row.budget.mean, false, euro_interval(row.budget, lang));
    for (std::size_t s = 0; s < 3; ++s)
      out += cell(ratio_text(a.ratio[s].mean, lang), a.ratio[s].mean, best_ratio[s] == i, ratio_interval(a.ratio[s], lang),
                  best_ratio[s] == i ? best : "");
    out += cell(euro_text(a.npv[kSocietal].mean, lang), a.npv[kSocietal].mean, best_npv == i,
                euro_interval(a.npv[kSocietal], lang), best_npv == i ? best : "");
    for (std::size_t s = 0; s < 3; ++s)
      out += cell(payback_text(a.payback_by_scope[s], lang), payback_value(a.payback_by_scope[s]), best_payback[s] == i,
                  "", best_payback[s] == i ? best : "");
    out += cell(euro_text(row.municipal_2y, lang), row.municipal_2y, best_municipal == i, "",
                best_municipal == i ? best : "");
    out += text_cell(pocket_amount(row.other_pocket, a.budget_after_2y[row.other_pocket].mean, lang),
                     sim::number_text(a.budget_after_2y[row.other_pocket].mean));
    out += text_cell(pocket_amount(row.pays_most, a.npv_by_pocket[row.pays_most].mean, lang),
                     sim::number_text(a.npv_by_pocket[row.pays_most].mean));
    out += text_cell(pocket_amount(row.gains_most, a.npv_by_pocket[row.gains_most].mean, lang),
                     sim::number_text(a.npv_by_pocket[row.gains_most].mean));
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

/// One row of a step table: the step's name, then its figures.
std::string step_row(const std::string& name, const sim::Increment& inc, Lang lang, const std::string& pairs = "") {
  std::string out = fmt::format("<tr><td data-v=\"{}\">{}</td>", esc(name), esc(name));
  if (!pairs.empty()) out += cell(pairs, std::stod(pairs));
  out += cell(signed_euro(inc.budget.mean, lang), inc.budget.mean, false, euro_interval(inc.budget, lang));
  out += cell(signed_euro(inc.npv[kSocietal].mean, lang), inc.npv[kSocietal].mean, false,
              euro_interval(inc.npv[kSocietal], lang));
  out += cell(ratio_text(inc.ratio.mean, lang), inc.ratio.mean, false, ratio_interval(inc.ratio, lang));
  out += cell(signed_euro(inc.npv[kMunicipal].mean, lang), inc.npv[kMunicipal].mean, false,
              euro_interval(inc.npv[kMunicipal], lang));
  out += cell(percent_text(inc.p_better, lang), inc.p_better);
  return out + "</tr>\n";
}

std::vector<std::string> step_titles(Text first, Lang lang, bool pairs) {
  std::vector<std::string> titles{std::string(text(first, lang))};
  if (pairs) titles.emplace_back(text(Text::ColPairs, lang));
  for (const Text t : {Text::ColExtraBudget, Text::ColExtraNpv, Text::ColIncRatio, Text::ColExtraMunicipal,
                       Text::ColShareBetter})
    titles.emplace_back(text(t, lang));
  return titles;
}

/// "From A to B: +€ 130,000 a year buys +€ 0.4 mln societal NPV, incremental ratio 1.60 [1.20 – 2.00]."
std::string step_sentence(const std::string& name, const sim::Increment& inc, Lang lang) {
  if (!std::isfinite(inc.ratio.mean))
    return say(Text::StepSentenceNoRatio, lang, name, signed_euro(inc.budget.mean, lang),
               signed_euro(inc.npv[kSocietal].mean, lang));
  return say(Text::StepSentence, lang, name, signed_euro(inc.budget.mean, lang), signed_euro(inc.npv[kSocietal].mean, lang),
             ratio_text(inc.ratio.mean, lang), ratio_text(inc.ratio.ci_low, lang), ratio_text(inc.ratio.ci_high, lang));
}

std::string steps_part(const CompareResult& r, const Decision& d, Lang lang) {
  std::string out = fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n", esc(text(Text::IncrementTitle, lang)),
                                esc(text(Text::IncrementNote, lang)));
  if (d.steps.empty()) return out + fmt::format("<p>{}</p>\n", esc(text(Text::NoSteps, lang)));
  out += "<ul class=\"steps\">\n";
  for (const Step& s : d.steps) out += fmt::format("<li>{}</li>\n", esc(step_sentence(step_title(r, s, lang), s.increment, lang)));
  out += "</ul>\n<table class=\"decision steps-table\">" + header(step_titles(Text::ColStep, lang, false)) + "<tbody>\n";
  for (const Step& s : d.steps) out += step_row(step_title(r, s, lang), s.increment, lang);
  out += "</tbody></table>\n";
  // The alternatives off the frontier, by their numbers in the table (which names them).
  std::vector<std::size_t> number_of(r.alternatives.size());
  for (std::size_t i = 0; i < d.rows.size(); ++i) number_of[d.rows[i].alternative] = i + 1;
  std::string off;
  for (const DecisionRow& row : d.rows)
    if (row.dominated_by)
      off += fmt::format("{}#{} ({})", off.empty() ? "" : ", ", number_of[row.alternative],
                         say(Text::DominatedBy, lang,
                             *row.dominated_by == kZero ? std::string(text(Text::ZeroAlternative, lang))
                                                        : fmt::format("#{}", number_of[*row.dominated_by])));
  if (!off.empty())
    out += fmt::format("<p class=\"note\">{}: {}.</p>\n", esc(say(lang, "Not on the frontier", "Niet op de grens")), esc(off));
  return out;
}

std::string setting_effects_part(const CompareResult& r, Lang lang) {
  if (r.setting_effects.empty()) return "";
  std::string out = fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n<ul class=\"steps\">\n",
                                esc(text(Text::SettingEffectsTitle, lang)), esc(text(Text::SettingEffectsNote, lang)));
  std::string rows;
  for (const sim::SettingEffect& e : r.setting_effects) {
    const std::string name = say(Text::SettingStep, lang, setting_text(e.key, e.to, lang), setting_text(e.key, e.from, lang));
    out += fmt::format("<li>{}</li>\n", esc(step_sentence(name, e.effect, lang)));
    rows += step_row(name, e.effect, lang, std::to_string(e.pairs));
  }
  return out + "</ul>\n<table class=\"decision sortable\">" + header(step_titles(Text::ColStep, lang, true)) +
         "<tbody>\n" + rows + "</tbody></table>\n";
}

/// Value against budget: every alternative's societal NPV with its interval over its team budget a year, the frontier
/// through the zero alternative, and each point's number and words in a column beside the plot.
std::string frontier_chart(const CompareResult& r, const Decision& d, Lang lang) {
  struct Point {
    std::size_t number;
    double x;
    Stat y;
    bool frontier;
    std::string label;
  };
  std::vector<Point> points{{0, 0.0, {0, 0, 0, 0, 0}, true, std::string(text(Text::ZeroAlternative, lang))}};
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    const DecisionRow& row = d.rows[i];
    points.push_back({i + 1, row.budget.mean, r.alternatives[row.alternative].npv[kSocietal], !row.dominated_by,
                      alternative_title(r, row.alternative, lang)});
  }
  std::vector<double> xs, ys;
  std::size_t longest = 0;
  for (const Point& p : points) {
    xs.push_back(p.x);
    ys.insert(ys.end(), {p.y.mean, p.y.ci_low, p.y.ci_high});
    longest = std::max(longest, p.label.size() + 4);
  }
  constexpr double kRow = 17, kLeft = 100, kTop = 40, kPlotW = 600;
  const double plot_h = std::max(330.0, kRow * static_cast<double>(points.size()) + 30);
  const double label_x = kLeft + kPlotW + 56;
  const double width = std::max(1116.0, label_x + 6.8 * static_cast<double>(longest) + 20);
  const double height = kTop + plot_h + 62;
  Svg svg("frontier", 0, width, height, text(Text::FrontierTitle, lang));
  Panel panel(svg, {kLeft, kTop, kPlotW, plot_h},
              value_axis(data_range({xs}, true), std::string(text(Text::ColTeamBudget, lang)) + " (EUR)", true, lang, 4),
              value_axis(data_range({ys}, true), std::string(text(Text::ColNpvSocietal, lang)), true, lang));
  panel.zero_line();
  // The frontier: the zero alternative, then the alternatives on it by budget.
  std::string d_path = fmt::format("M{} {}", c(panel.px(0)), c(panel.py(0)));
  for (const Point& p : points)
    if (p.number > 0 && p.frontier) d_path += fmt::format("L{} {}", c(panel.px(p.x)), c(panel.py(p.y.mean)));
  svg.add(fmt::format("<path class=\"frontier-line\" d=\"{}\" {}/>", d_path, stroke(kFrontierColor, 2)));
  std::vector<double> wanted;
  for (const Point& p : points) {
    const double px = panel.px(p.x), py = panel.py(p.y.mean);
    wanted.push_back(py + 4);
    if (!std::isfinite(px + py)) continue;
    const std::string_view color = p.frontier ? kFrontierColor : kDominatedColor;
    if (p.number > 0 && std::isfinite(p.y.ci_low + p.y.ci_high))
      svg.add(fmt::format("<path d=\"M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}\" {5}/>", c(px), c(panel.py(p.y.ci_low)),
                          c(panel.py(p.y.ci_high)), c(px - 4), c(px + 4), stroke(color, 1.3)));
    svg.add(fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"8\" {}/>", c(px), c(py),
                        p.frontier ? fill(color) : fmt::format("fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"", color)));
    svg.text(px, py + 3.5, std::to_string(p.number),
             fmt::format("text-anchor=\"middle\" style=\"font-size:10px;fill:{}\"", p.frontier ? "#ffffff" : "#555555"));
  }
  const std::vector<double> at = spread(wanted, kRow, kTop + 10, kTop + plot_h);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    const double px = panel.px(p.x), py = panel.py(p.y.mean);
    if (std::isfinite(px + py))
      svg.add(fmt::format("<path d=\"M{} {}L{} {}\" {}/>", c(px + 9), c(py), c(label_x - 6), c(at[i] - 4),
                          stroke("#c4c4c4", 1)));
    svg.text(label_x, at[i], fmt::format("{}  {}", p.number, p.label), "class=\"point-label\"");
  }
  const std::array<LegendEntry, 2> keys{
      {{std::string(say(lang, "on the frontier", "op de grens")), kFrontierColor, Swatch::Dot},
       {std::string(say(lang, "dominated (hollow)", "gedomineerd (hol)")), kDominatedColor, Swatch::Dot}}};
  legend(svg, kLeft, height - 8, kPlotW, keys);
  return fmt::format("<figure><h4>{}</h4>\n{}\n<figcaption>{}</figcaption></figure>\n", esc(text(Text::FrontierTitle, lang)),
                     std::move(svg).finish(), esc(text(Text::FrontierCaption, lang)));
}

}  // namespace

std::string decision_section(const CompareResult& r, Lang lang, bool standalone) {
  const Decision d = decide(r);
  const std::size_t years = r.alternatives.empty() ? 0 : r.alternatives.front().net_by_year.size();
  std::string out = "<section id=\"decision\">\n";
  if (!standalone) out += fmt::format("<h2>{}</h2>\n", esc(text(Text::DecisionTitle, lang)));
  out += fmt::format("<p class=\"sub\">{}</p>\n",
                     esc(say(Text::DecisionIntro, lang, r.alternatives.size(), zero_label(r.district, lang),
                             r.replications, number_text(r.households, 0, lang), years, years == 0 ? 0 : years - 1)));
  out += fmt::format("<p class=\"note discount\">{}: {}. {}</p>\n", esc(text(Text::DiscountUsed, lang)),
                     esc(discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang)),
                     esc(discount_reason(r.discount_basis, lang)));
  out += fmt::format("<h3>{}</h3>\n<div class=\"summary\"><p>{}</p></div>\n", esc(text(Text::DecisionSummary, lang)),
                     esc(decision_summary(r, d, lang)));
  out += fmt::format("<h3>{}</h3>\n<p class=\"note\">{}</p>\n", esc(text(Text::DecisionTable, lang)),
                     esc(text(Text::DecisionTableNote, lang)));
  out += alternatives_table(r, d, lang);
  out += frontier_chart(r, d, lang);
  out += steps_part(r, d, lang);
  out += setting_effects_part(r, lang);
  return out + "</section>\n";
}

std::string decision_html(const CompareResult& r, Lang lang) {
  return page_start(text(Text::DecisionTitle, lang), lang) + decision_section(r, lang, true) +
         fmt::format("<p class=\"note\">{}</p>\n", esc(text(Text::Generated, lang))) + page_end();
}

}  // namespace wijksim::report
