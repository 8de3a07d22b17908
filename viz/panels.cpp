#include "viz/panels.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <string>

#include "agents/level.hpp"
#include "sim/mkba/mkba.hpp"

namespace wijksim::viz {

namespace {

using agents::Level;
using services::NodeKind;
using services::Pocket;

float f(double x) { return static_cast<float>(x); }
std::string str(std::string_view s) { return std::string(s); }

// ---- Services ---------------------------------------------------------------------------------------------

/// One team: caseload hours by level against capacity, waiting list, intake by source.
void draw_team(Canvas& c, const services::Team& team, const sf::FloatRect& r) {
  const services::TeamMonth& m = team.last_month();
  const services::TeamDef& def = team.def();
  const Lang lang = c.lang();
  const float name_w = c.text(c.fit(fmt::format("{} · {} {}", def.name, decimal_text(team.fte(), 1, lang),
                                            c.tr(Label::Fte)), 14, r.width * 0.6F, true),
                              {r.left, r.top}, 14, palette::kTeam, Align::Left, true);
  c.text(c.fit(c.tr(Label::Caseload), 11, r.width - name_w - 12.0F), {r.left + r.width, r.top + 2.0F}, 11,
         palette::kMuted, Align::Right);
  // Caseload: client hours a month of the cases at each level, and of the monitored households.
  const float bar_y = r.top + 20.0F, bar_h = 16.0F;
  const double scale = std::max({m.capacity_hours, m.load_hours, 1.0}) * 1.15;
  const float width = r.width * (r.width < 520.0F ? 0.45F : 0.62F);
  float x = r.left;
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    const float w = width * f(static_cast<double>(m.caseload[l]) * def.hours[l] / 12.0 / scale);
    c.rect({x, bar_y, w, bar_h}, level_colour(static_cast<Level>(l)));
    x += w;
  }
  const float rest = width * f(std::max(0.0, m.load_hours - (x - r.left) / width * scale) / scale);
  c.rect({x, bar_y, rest, bar_h}, palette::kGrid);
  const float cap_x = r.left + width * f(m.capacity_hours / scale);
  c.line({cap_x, bar_y - 3.0F}, {cap_x, bar_y + bar_h + 3.0F}, palette::kBar, 2.0F);
  const float note_w = r.width - width - 8.0F;
  c.text(c.fit(fmt::format("{} / {} {} {}", count_text(m.load_hours, lang), count_text(m.capacity_hours, lang),
                           c.tr(Label::HoursMonth), c.tr(Label::Capacity)), 12, note_w),
         {r.left + width + 8.0F, bar_y}, 12, palette::kText);
  // Waiting list against its maximum.
  const float wait_y = bar_y + bar_h + 6.0F;
  const double most = std::max<double>(1.0, def.max_waiting);
  c.rect({r.left, wait_y + 3.0F, width, 8.0F}, palette::kGrid);
  c.rect({r.left, wait_y + 3.0F, width * f(std::min(1.0, static_cast<double>(m.waiting) / most)), 8.0F},
         palette::kCost);
  c.text(c.fit(fmt::format("{} {} / {} max", c.tr(Label::Waiting), m.waiting, def.max_waiting), 12, note_w),
         {r.left + width + 8.0F, wait_y - 1.0F}, 12, palette::kText);
  c.text(c.fit(fmt::format("{}: {} {} · {} {} · {} {} · {} {}", c.tr(Label::Intake), c.tr(Label::IntakeSelf),
                           m.intake_self, c.tr(Label::IntakeSignal), m.intake_signal, c.tr(Label::IntakeOutreach),
                           m.intake_outreach, c.tr(Label::Referrals), m.referrals),
               12, r.width),
         {r.left, wait_y + 15.0F}, 12, palette::kText);
}

struct NodeSpot {
  sf::FloatRect box;
  NodeKind kind;
};

/// Boxes of the graph's vertices: teams on the left, providers in the middle, escalation sinks on the right.
std::vector<NodeSpot> lay_out_graph(const services::ReferralGraph& g, const sf::FloatRect& r) {
  std::array<std::size_t, 3> count{};
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) ++count[static_cast<std::size_t>(g[v].kind)];
  const std::array<float, 3> left{0.0F, 0.25F, 0.68F}, width{0.17F, 0.34F, 0.32F};
  std::array<std::size_t, 3> seen{};
  std::vector<NodeSpot> spots;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const auto k = static_cast<std::size_t>(g[v].kind);
    const float row = r.height / static_cast<float>(std::max<std::size_t>(count[k], 1));
    const float h = std::min(row - 3.0F, 22.0F);
    const float y = r.top + row * static_cast<float>(seen[k]++) + (row - h) / 2.0F;
    spots.push_back({{r.left + r.width * left[k], y, r.width * width[k], h}, g[v].kind});
  }
  return spots;
}

sf::Color route_colour(services::RouteKind kind) {
  switch (kind) {
    case services::RouteKind::Mandate: return palette::kSaving;
    case services::RouteKind::Escalation: return palette::kCost;
    default: return palette::kTeam;
  }
}

void draw_edges(Canvas& c, const Alternative& alt, const std::vector<NodeSpot>& spots) {
  const services::ReferralGraph& g = alt.graph();
  const auto& traffic = alt.edge_traffic();
  double most = 1.0;
  for (const double t : traffic) most = std::max(most, t);
  // Quiet edges first, lit ones on top.
  for (const bool lit_pass : {false, true}) {
    std::size_t k = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
      const double t = k < traffic.size() ? traffic[k] : 0.0;
      ++k;
      if ((t > 0.0) != lit_pass) continue;
      const sf::FloatRect& a = spots[boost::source(e, g)].box;
      const sf::FloatRect& b = spots[boost::target(e, g)].box;
      const bool same_column = spots[boost::source(e, g)].kind == spots[boost::target(e, g)].kind;
      const sf::Vector2f from{a.left + a.width, a.top + a.height / 2.0F};
      const sf::Vector2f to{same_column ? b.left + b.width : b.left, b.top + b.height / 2.0F};
      const sf::Vector2f control = same_column ? sf::Vector2f{from.x + 28.0F, (from.y + to.y) / 2.0F}
                                               : sf::Vector2f{(from.x + to.x) / 2.0F, (from.y + to.y) / 2.0F};
      std::vector<sf::Vector2f> points;
      for (int i = 0; i <= 12; ++i) {
        const float s = static_cast<float>(i) / 12.0F, u = 1.0F - s;
        points.push_back(u * u * from + 2.0F * u * s * control + s * s * to);
      }
      const sf::Color colour = route_colour(g[e].kind);
      if (!lit_pass) {
        c.polyline(points, with_alpha(colour, 45), 1.0F);
        continue;
      }
      c.polyline(points, with_alpha(colour, 210), 1.5F + 4.0F * f(std::sqrt(t / most)));
      const sf::Vector2f mid = points[same_column ? 6 : 9];
      c.text(count_text(t, c.lang()), {mid.x + 2.0F, mid.y - 14.0F}, 10, colour);
    }
  }
}

void draw_nodes(Canvas& c, const Alternative& alt, const std::vector<NodeSpot>& spots) {
  const services::ReferralGraph& g = alt.graph();
  const auto& providers = alt.run().project().provider_records();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const services::RouteNode& node = g[v];
    const sf::FloatRect& box = spots[v].box;
    const sf::Color fill = node.kind == NodeKind::Team       ? palette::kTeam
                           : node.kind == NodeKind::Provider ? sf::Color{236, 240, 248}
                                                             : sf::Color{252, 226, 222};
    c.rect(box, fill);
    std::string text = node.kind == NodeKind::Team ? node.name : node_name(node.name, c.lang());
    if (node.kind == NodeKind::Provider) {
      // Running trajectories, and the waiting list of providers with a limited number of places.
      text += "  " + count_text(alt.running()[node.index], c.lang());
      if (!providers.empty() && providers.back()[node.index].capacity > 0)
        text += fmt::format(" · {} {}", c.tr(Label::Waiting), providers.back()[node.index].waiting);
    }
    const unsigned size = box.height >= 18.0F ? 11U : 10U;
    c.text(c.fit(text, size, box.width - 6.0F), {box.left + 4.0F, box.top + (box.height - static_cast<float>(size)) / 2.0F - 2.0F}, size,
           node.kind == NodeKind::Team ? sf::Color::White : palette::kText);
  }
}

// ---- Money ------------------------------------------------------------------------------------------------

constexpr std::array<services::Item, 3> kTeamItems{services::Item::TeamStaff, services::Item::TeamOther,
                                                   services::Item::CustomBudget};

/// Money of a pocket in a world: cumulative, or this year (the year of the last month simulated).
double pocket_money(const Series& s, const sim::World& w, Pocket p, MoneyView view) {
  if (view == MoneyView::Cumulative) {
    double sum = 0.0;
    for (const double x : s.totals[services::id(p)]) sum += x;
    return sum;
  }
  if (w.month() == 0) return 0.0;
  return kernel::to_eur(w.ledger().pocket_year(services::id(p), kernel::year_of(w.month() - 1)));
}

double team_money(const Series& s, Pocket p) {
  double sum = 0.0;
  for (const services::Item i : kTeamItems) sum += s.totals[services::id(p)][services::id(i)];
  return sum;
}

struct PocketRow {
  Pocket pocket;
  double difference;
  bool pays_team;
};

std::vector<PocketRow> pocket_rows(const Alternative& alt, MoneyView view) {
  std::vector<PocketRow> rows;
  for (std::size_t i = 0; i < services::kPocketCount; ++i) {
    const auto p = static_cast<Pocket>(i);
    const double project = pocket_money(alt.project_series(), alt.run().project(), p, view);
    const double zero = pocket_money(alt.zero_series(), alt.run().zero(), p, view);
    const bool used = std::fabs(alt.project_series().totals[i][0]) + std::fabs(project) + std::fabs(zero) > 0.0;
    if (used || team_money(alt.project_series(), p) > 0.0)
      rows.push_back({p, project - zero, team_money(alt.project_series(), p) > 0.0});
  }
  return rows;
}

// ---- Time series ------------------------------------------------------------------------------------------

struct Line {
  std::vector<double> values;
  sf::Color colour;
  bool dotted;
  float width = 0.0F;  ///< pixels; 0: 2 solid, 1.5 dotted
};

/// Where a chart's plot is and how months and values map onto it.
struct Chart {
  sf::FloatRect plot;
  double lo = 0.0, hi = 1.0;
  std::size_t horizon = 1;
  float x(std::size_t month) const {
    return plot.left + plot.width * static_cast<float>(month) / static_cast<float>(std::max<std::size_t>(horizon, 1));
  }
  float y(double value) const { return plot.top + plot.height * f(1.0 - (value - lo) / (hi - lo)); }
};

/// Lines over the horizon in a box with a value axis on the left and year ticks below; a line at zero when the
/// values change sign.
Chart draw_chart(Canvas& c, const sf::FloatRect& box, const std::vector<Line>& lines, std::size_t horizon,
                 bool from_zero, const std::function<std::string(double)>& value_text) {
  double lo = from_zero ? 0.0 : 1e300, hi = -1e300;
  for (const Line& line : lines)
    for (const double v : line.values) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (hi < lo) lo = hi = 0.0;
  if (hi - lo < 1e-9) hi = lo + 1.0;
  const double pad = (hi - lo) * 0.08;
  hi += pad;
  if (!from_zero) lo -= pad;
  const float axis = 74.0F;
  const Chart chart{{box.left + axis, box.top, box.width - axis - 4.0F, box.height - 16.0F}, lo, hi, horizon};
  const sf::FloatRect& plot = chart.plot;
  c.rect(plot, sf::Color{250, 250, 252});
  c.frame(plot, palette::kGrid);
  c.text(c.fit(value_text(hi), 11, axis - 6.0F), {plot.left - 4.0F, plot.top - 2.0F}, 11, palette::kMuted, Align::Right);
  c.text(c.fit(value_text(lo), 11, axis - 6.0F), {plot.left - 4.0F, plot.top + plot.height - 13.0F}, 11,
         palette::kMuted, Align::Right);
  if (lo < 0.0 && hi > 0.0) {
    c.line({plot.left, chart.y(0.0)}, {plot.left + plot.width, chart.y(0.0)}, palette::kZero, 1.0F);
    if (chart.y(0.0) - plot.top > 24.0F && plot.top + plot.height - chart.y(0.0) > 24.0F)
      c.text("0", {plot.left - 4.0F, chart.y(0.0) - 7.0F}, 11, palette::kMuted, Align::Right);
  }
  for (std::size_t m = 0; m <= horizon; m += 12) {
    c.line({chart.x(m), plot.top + plot.height}, {chart.x(m), plot.top + plot.height + 4.0F}, palette::kMuted);
    if (horizon <= 144 || m % 24 == 0)  // every year up to twelve years, then every other
      c.text(fmt::format("{}", m / 12), {chart.x(m), plot.top + plot.height + 3.0F}, 10, palette::kMuted, Align::Centre);
  }
  c.text(c.fit(c.tr(Label::Year), 10, axis - 14.0F), {plot.left - 8.0F, plot.top + plot.height + 3.0F}, 10,
         palette::kMuted, Align::Right);
  for (const Line& line : lines) {
    std::vector<sf::Vector2f> points;
    for (std::size_t m = 0; m < line.values.size(); ++m) points.push_back({chart.x(m + 1), chart.y(line.values[m])});
    if (points.size() == 1) points.push_back({chart.x(0), points.front().y});
    c.polyline(points, line.colour, line.width > 0.0F ? line.width : (line.dotted ? 1.5F : 2.0F), line.dotted);
  }
  return chart;
}

/// Households per level in the project world minus the zero alternative, month by month.
std::vector<double> level_difference(const Series& project, const Series& zero, Level level) {
  std::vector<double> v;
  for (std::size_t m = 0; m < std::min(project.levels.size(), zero.levels.size()); ++m)
    v.push_back(project.levels[m][agents::index(level)] - zero.levels[m][agents::index(level)]);
  return v;
}

/// A colour per pocket for the J-curve's lines.
sf::Color pocket_colour(Pocket p) {
  static const std::array<sf::Color, services::kPocketCount> kColours{{
      {31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {148, 103, 189}, {140, 86, 75}, {227, 119, 194},
      {127, 127, 127}, {188, 189, 34}, {23, 190, 207}, {214, 39, 40}, {174, 199, 232}, {255, 152, 150},
      {152, 223, 138}, {197, 176, 213}}};
  return kColours[services::id(p)];
}

void put_tip_box(Canvas& c, sf::FloatRect& box, sf::Vector2f mouse) {
  const sf::Vector2f size = c.target().getView().getSize();
  box.left = mouse.x + 16.0F + box.width > size.x ? mouse.x - 16.0F - box.width : mouse.x + 16.0F;
  box.top = std::clamp(mouse.y + 12.0F, 4.0F, std::max(4.0F, size.y - box.height - 4.0F));
  c.region(box, "tip");
  c.rect({box.left + 3.0F, box.top + 3.0F, box.width, box.height}, sf::Color{0, 0, 0, 60});
  c.rect(box, sf::Color{255, 255, 250});
  c.frame(box, palette::kBar);
}

}  // namespace

void draw_services(Canvas& c, const Alternative& alt, const sf::FloatRect& area) {
  const auto& teams = alt.run().project().teams();
  float y = area.top;
  if (teams.empty()) {
    c.text(c.tr(Label::NoTeam), {area.left, y}, 14, palette::kMuted);
    y += 24.0F;
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(teams.size(), 2); ++i) {
    draw_team(c, teams[i], {area.left, y, area.width, 72.0F});
    y += 76.0F;
  }
  c.text(c.fit(c.tr(Label::ReferralGraph), 12, area.width), {area.left, y}, 12, palette::kMuted);
  const sf::FloatRect graph{area.left, y + 18.0F, area.width - 30.0F, area.top + area.height - y - 18.0F};
  const std::vector<NodeSpot> spots = lay_out_graph(alt.graph(), graph);
  draw_edges(c, alt, spots);
  draw_nodes(c, alt, spots);
}

PocketRows draw_money(Canvas& c, const Alternative& alt, const sf::FloatRect& area, MoneyView view) {
  const Lang lang = c.lang();
  const std::string when = view == MoneyView::Cumulative
                               ? str(c.tr(Label::Cumulative))
                               : fmt::format("{} ({} {})", c.tr(Label::PerYear), c.tr(Label::Year),
                                             alt.month() == 0 ? 0 : kernel::year_of(alt.month() - 1));
  c.text(when + "  [Y]", {area.left, area.top}, 13, palette::kText, Align::Left, true);
  c.text(c.fit(c.tr(Label::Legend), 11, area.width), {area.left, area.top + 18.0F}, 11, palette::kMuted);
  const std::vector<PocketRow> all = pocket_rows(alt, view);
  double net = 0.0;
  for (const PocketRow& r : all)
    if (services::is_money(r.pocket)) net += r.difference;
  const float name_w = std::min(215.0F, area.width * 0.42F), value_w = std::min(86.0F, area.width * 0.2F);
  const float top = area.top + 38.0F;
  const float footer = 58.0F;
  // Rows of at least 14 pixels: when not all pockets fit, the largest differences and the pockets paying the team
  // are shown, in their usual order, and a last line counts the others (their tip: the money panel of one side).
  constexpr float kMinRow = 14.0F;
  const float room = area.height - (top - area.top) - footer;
  std::vector<PocketRow> rows = all;
  std::size_t hidden = 0;
  const auto fit_rows = static_cast<std::size_t>(std::max(1.0F, std::floor(room / kMinRow)));
  if (rows.size() > fit_rows) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (rows[a].pays_team != rows[b].pays_team) return rows[a].pays_team;
      return std::fabs(rows[a].difference) > std::fabs(rows[b].difference);
    });
    std::vector<bool> keep(rows.size(), false);
    for (std::size_t k = 0; k + 1 < fit_rows && k < order.size(); ++k) keep[order[k]] = true;
    std::vector<PocketRow> kept;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (keep[i]) kept.push_back(rows[i]);
    hidden = rows.size() - kept.size();
    rows = std::move(kept);
  }
  const float row_h = std::min(22.0F, room / static_cast<float>(rows.size() + (hidden > 0 ? 1 : 0)));
  const float bars_left = area.left + name_w, bars_w = area.width - name_w - value_w;
  const float axis = bars_left + bars_w / 2.0F;
  double most = 1.0;
  for (const PocketRow& r : rows) most = std::max(most, std::fabs(r.difference));
  PocketRows hits;
  float y = top;
  const unsigned font = row_h >= 18.0F ? 12U : 11U;
  const float text_y = (row_h - static_cast<float>(font) - 3.0F) / 2.0F;
  for (const PocketRow& r : rows) {
    const sf::FloatRect row{area.left, y, area.width, row_h};
    hits.emplace_back(row, r.pocket);
    if (r.pays_team) c.rect({area.left, y + 1.0F, name_w - 6.0F, row_h - 2.0F}, sf::Color{222, 234, 250});
    const std::string_view long_name = pocket_name(r.pocket, lang);
    const float name_room = name_w - 10.0F;
    const std::string_view name =
        c.text_width(long_name, font, r.pays_team) <= name_room ? long_name : pocket_short_name(r.pocket, lang);
    c.text(c.fit(name, font, name_room, r.pays_team), {area.left + 3.0F, y + text_y}, font,
           r.pays_team ? palette::kTeam : palette::kText, Align::Left, r.pays_team);
    const float w = bars_w / 2.0F * f(std::fabs(r.difference) / most);
    const bool more = r.difference > 0.0;
    c.rect({more ? axis : axis - w, y + 2.0F, w, row_h - 4.0F}, more ? palette::kCost : palette::kSaving);
    c.text(c.fit(fmt::format("{}{}", more ? "+" : "", short_euro_text(r.difference, lang)), font, value_w - 4.0F),
           {area.left + area.width, y + text_y}, font,
           more ? palette::kCost : (r.difference < 0.0 ? palette::kSaving : palette::kMuted), Align::Right);
    y += row_h;
  }
  if (hidden > 0) {
    c.text(c.fit(fmt::format(fmt::runtime(c.tr(Label::MorePockets)), hidden), 11, name_w - 6.0F),
           {area.left + 3.0F, y + text_y}, 11, palette::kMuted);
    y += row_h;
  }
  c.line({axis, top - 2.0F}, {axis, y + 2.0F}, palette::kBar);
  const float saves_w = c.text(c.fit(std::string("← ") + str(c.tr(Label::Saving)), 11, axis - area.left - 50.0F),
                               {axis - 6.0F, y + 2.0F}, 11, palette::kSaving, Align::Right);
  c.text(c.fit(str(c.tr(Label::ExtraCost)) + " →", 11, area.left + area.width - axis - 8.0F), {axis + 6.0F, y + 2.0F},
         11, palette::kCost);
  c.text(c.fit(str(c.tr(Label::PaysForTeam)), 11, axis - 6.0F - saves_w - 10.0F - area.left - 3.0F, true),
         {area.left + 3.0F, y + 2.0F}, 11, palette::kTeam, Align::Left, true);
  // The net: the figure always whole, its words shortened when the panel is narrow.
  const sf::Color net_colour = net > 0.0 ? palette::kCost : palette::kSaving;
  const float net_w = c.text(fmt::format("{}{}", net > 0.0 ? "+" : "", short_euro_text(net, lang)),
                             {area.left + area.width, y + 18.0F}, 12, net_colour, Align::Right, true);
  c.text(c.fit(fmt::format("{}:", c.tr(Label::NetForSociety)), 12, area.width - net_w - 8.0F, true),
         {area.left, y + 18.0F}, 12, net_colour, Align::Left, true);
  // Co-financiers withdrawing, municipal resizing, pooled settlements: the last ones.
  const auto& events = alt.run().financier_events();
  float ey = y + 36.0F;
  for (std::size_t i = events.size() > 2 ? events.size() - 2 : 0; i < events.size(); ++i) {
    c.text(c.fit(fmt::format("{} {}: {} — {}", c.tr(Label::Year), events[i].year, events[i].team, events[i].what),
                 11, area.width),
           {area.left, ey}, 11, palette::kCost);
    ey += 14.0F;
  }
  return hits;
}

void draw_time_series(Canvas& c, const Alternative& alt, const sf::FloatRect& area) {
  const std::size_t horizon = alt.def().run.months;
  const Series& project = alt.project_series();
  const Series& zero = alt.zero_series();
  const float top_h = std::round(area.height * 0.52F);
  c.text(c.fit(c.tr(Label::LevelsDifference), 12, area.width), {area.left, area.top}, 12, palette::kText);
  // The difference with the zero alternative: on an axis of its own the team's effect is visible, where the two
  // worlds' lines of hundreds of households each would lie on top of each other.
  std::vector<Line> levels;
  for (const Level l : {Level::LightOrange, Level::Orange, Level::Red})
    levels.push_back({level_difference(project, zero, l), level_colour(l), false});
  const Lang lang = c.lang();
  draw_chart(c, {area.left, area.top + 18.0F, area.width, top_h - 22.0F}, levels, horizon, false,
             [lang](double v) { return (v > 0.0 ? "+" : "") + count_text(v, lang); });
  const float y = area.top + top_h + 4.0F;
  std::string cost_title = fmt::format("{} ({})", c.tr(Label::CostPerMonth), c.tr(Label::CostLines));
  if (!project.cost.empty())
    cost_title += fmt::format(":  {} {}  ·  {} {}", c.tr(Label::Project), short_euro_text(project.cost.back(), lang),
                              c.tr(Label::Zero), short_euro_text(zero.cost.back(), lang));
  c.text(c.fit(cost_title, 12, area.width), {area.left, y}, 12, palette::kText);
  const std::vector<Line> cost{{zero.cost, palette::kZero, true}, {project.cost, palette::kTeam, false}};
  draw_chart(c, {area.left, y + 18.0F, area.width, area.top + area.height - y - 18.0F}, cost, horizon, false,
             [lang](double v) { return short_euro_text(v, lang); });
}

JCurve j_curve(const Alternative& alt) {
  JCurve j;
  const double rate = alt.def().mkba.discount_rate();
  const auto& project = alt.project_series().pockets;
  const auto& zero = alt.zero_series().pockets;
  std::array<double, services::kPocketCount> running{};
  for (std::size_t m = 0; m < std::min(project.size(), zero.size()); ++m) {
    const double df = sim::discount_factor(rate, kernel::year_of(static_cast<kernel::Month>(m)));
    double society = 0.0;
    for (std::size_t p = 0; p < services::kPocketCount; ++p) {
      running[p] += (zero[m][p] - project[m][p]) * df;
      if (sim::in_scope(sim::Scope::Societal, static_cast<Pocket>(p))) society += running[p];
    }
    j.pockets.push_back(running);
    j.society.push_back(society);
  }
  // Paid back: the running net was below zero (the team cost something) and has stayed at or above it since.
  const bool invested = std::any_of(j.society.begin(), j.society.end(), [](double x) { return x < -0.5; });
  if (const auto k = sim::payback_year(j.society); k && invested) j.payback_month = *k + 1;
  return j;
}

void draw_j_curve(Canvas& c, const Alternative& alt, const sf::FloatRect& area) {
  const Lang lang = c.lang();
  const JCurve j = j_curve(alt);
  const double rate = alt.def().mkba.discount_rate();
  const std::string note =
      fmt::format(fmt::runtime(c.tr(Label::JCurveNote)), decimal_text(rate * 100.0, 2, lang) + "%");
  const float note_h = c.paragraph(note, {area.left, area.top}, 12, area.width, palette::kText, 2);
  // Lines: every pocket that has booked a difference, thin; society, thick, on top.
  std::vector<std::pair<Pocket, double>> used;
  for (std::size_t p = 0; p < services::kPocketCount; ++p) {
    double most = 0.0;
    for (const auto& month : j.pockets) most = std::max(most, std::fabs(month[p]));
    if (most > 0.5) used.emplace_back(static_cast<Pocket>(p), j.pockets.back()[p]);
  }
  std::sort(used.begin(), used.end(), [](const auto& a, const auto& b) { return std::fabs(a.second) > std::fabs(b.second); });
  std::vector<Line> lines;
  for (const auto& [p, last] : used) {
    std::vector<double> v;
    for (const auto& month : j.pockets) v.push_back(month[services::id(p)]);
    lines.push_back({std::move(v), pocket_colour(p), false, 1.5F});
  }
  lines.push_back({j.society, palette::kBar, false, 3.5F});
  const float legend_w = std::clamp(area.width * 0.36F, 150.0F, 300.0F);
  const float top = area.top + note_h + 6.0F;
  const sf::FloatRect box{area.left, top, area.width - legend_w - 10.0F, area.top + area.height - top};
  const Chart chart = draw_chart(c, box, lines, alt.def().run.months, false,
                                 [lang](double v) { return short_euro_text(v, lang); });
  // The payback month, marked from the month the running net turns and stays positive.
  if (j.payback_month) {
    const float x = chart.x(*j.payback_month);
    c.line({x, chart.plot.top}, {x, chart.plot.top + chart.plot.height}, palette::kSaving, 2.0F);
    const std::string mark = fmt::format(fmt::runtime(c.tr(Label::PaybackAt)), *j.payback_month);
    const float w = c.text_width(mark, 12, true);
    const bool left = x + 4.0F + w > chart.plot.left + chart.plot.width;
    c.text(c.fit(mark, 12, chart.plot.width - 8.0F, true), {left ? x - 4.0F : x + 4.0F, chart.plot.top + 3.0F}, 12,
           palette::kSaving, left ? Align::Right : Align::Left, true);
  }
  // Legend: society first, then the pockets by the size of their running net.
  const float lx = area.left + area.width - legend_w, value_w = 72.0F;
  float y = top;
  const auto row = [&](sf::Color colour, std::string_view name, double value, bool bold) {
    c.rect({lx, y + 4.0F, 10.0F, 10.0F}, colour);
    c.text(c.fit(name, 12, legend_w - value_w - 18.0F, bold), {lx + 14.0F, y}, 12, palette::kText, Align::Left, bold);
    c.text(c.fit((value > 0.0 ? "+" : "") + short_euro_text(value, lang), 12, value_w, bold), {lx + legend_w, y}, 12,
           value > 0.0 ? palette::kSaving : (value < 0.0 ? palette::kCost : palette::kMuted), Align::Right, bold);
    y += 17.0F;
  };
  row(palette::kBar, c.tr(Label::Society), j.society.empty() ? 0.0 : j.society.back(), true);
  const bool none = used.empty();
  c.text(c.fit(j.payback_month ? fmt::format(fmt::runtime(c.tr(Label::PaybackAt)), *j.payback_month)
                               : std::string(c.tr(none ? Label::NoDifference : Label::NotPaidBack)),
               11, legend_w - 14.0F),
         {lx + 14.0F, y}, 11, j.payback_month ? palette::kSaving : palette::kMuted);
  y += 19.0F;
  std::size_t shown = 0;
  for (const auto& [p, last] : used) {
    if (y + 17.0F > area.top + area.height - 14.0F && shown + 1 < used.size()) break;
    const std::string_view name = pocket_name(p, lang);
    row(pocket_colour(p), c.text_width(name, 12) <= legend_w - value_w - 18.0F ? name : pocket_short_name(p, lang), last,
        false);
    ++shown;
  }
  if (shown < used.size())
    c.text(c.fit(fmt::format("+ {}", used.size() - shown), 11, legend_w), {lx + 14.0F, y}, 11, palette::kMuted);
}

void draw_household_tip(Canvas& c, const Alternative& alt, std::size_t dot, sf::Vector2f mouse) {
  const agents::Population& pop = alt.run().project().population();
  const auto h = static_cast<kernel::HouseholdId>(dot * alt.stride());
  const Lang lang = c.lang();
  std::vector<std::string> lines{
      fmt::format("{} {} · {} · {}+{}", c.tr(Label::Type), h, type_name(pop.type[h], lang), pop.adults[h],
                  pop.children[h]),
      fmt::format("{} · {}: {}", level_name(pop.last_level[h], lang), c.tr(Label::Support),
                  support_name(pop.support[h], lang)),
      fmt::format("{}: {} · {}: {}", c.tr(Label::Income), income_name(pop.income[h], lang), c.tr(Label::Housing),
                  housing_name(pop.housing[h], lang)),
      str(c.tr(Label::Severity))};
  for (std::size_t d = 0; d < agents::kDomainCount; d += 2)
    lines.push_back(fmt::format("  {} {}   {} {}", domain_name(static_cast<agents::Domain>(d), lang), pop.severity[d][h],
                                domain_name(static_cast<agents::Domain>(d + 1), lang), pop.severity[d + 1][h]));
  lines.push_back(str(c.tr(Label::History)));
  float width = 0.0F;
  for (const std::string& s : lines) width = std::max(width, c.text_width(s, 12));
  sf::FloatRect box{0.0F, 0.0F, std::max(width, 250.0F) + 16.0F, 16.0F * static_cast<float>(lines.size()) + 28.0F};
  put_tip_box(c, box, mouse);
  float y = box.top + 6.0F;
  for (const std::string& s : lines) {
    c.text(s, {box.left + 8.0F, y}, 12, palette::kText, Align::Left, y == box.top + 6.0F);
    y += 16.0F;
  }
  // The level in each of the last months, oldest on the left.
  const auto months = static_cast<std::ptrdiff_t>(alt.history_months()) - 1;
  const std::ptrdiff_t first = std::max<std::ptrdiff_t>(-1, months - 36);
  float x = box.left + 8.0F;
  for (std::ptrdiff_t m = first; m < months; ++m) {
    c.rect({x, y + 2.0F, 6.0F, 14.0F}, level_colour(alt.dot_level(dot, m)));
    x += 7.0F;
  }
}

void draw_pocket_tip(Canvas& c, const Alternative& alt, Pocket pocket, sf::Vector2f mouse) {
  const Lang lang = c.lang();
  const auto& project = alt.project_series().totals[services::id(pocket)];
  const auto& zero = alt.zero_series().totals[services::id(pocket)];
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < services::kItemCount; ++i)
    if (project[i] != 0.0 || zero[i] != 0.0) items.push_back(i);
  const float col = 100.0F, name_w = 210.0F;
  sf::FloatRect box{0.0F, 0.0F, name_w + 3 * col + 16.0F, 16.0F * static_cast<float>(items.size()) + 48.0F};
  put_tip_box(c, box, mouse);
  c.text(c.fit(fmt::format("{} — {}", pocket_name(pocket, lang), c.tr(Label::Items)), 13, box.width - 16.0F, true),
         {box.left + 8.0F, box.top + 6.0F}, 13, palette::kText, Align::Left, true);
  float y = box.top + 26.0F;
  const float right = box.left + 8.0F + name_w;
  c.text(c.tr(Label::PaidZero), {right + col, y}, 11, palette::kMuted, Align::Right);
  c.text(c.tr(Label::PaidProject), {right + 2 * col, y}, 11, palette::kMuted, Align::Right);
  c.text(c.tr(Label::Difference), {right + 3 * col, y}, 11, palette::kMuted, Align::Right);
  for (const std::size_t i : items) {
    y += 16.0F;
    const double diff = project[i] - zero[i];
    c.text(c.fit(item_name(static_cast<services::Item>(i), lang), 12, name_w - 4.0F), {box.left + 8.0F, y}, 12,
           palette::kText);
    c.text(short_euro_text(zero[i], lang), {right + col, y}, 12, palette::kText, Align::Right);
    c.text(short_euro_text(project[i], lang), {right + 2 * col, y}, 12, palette::kText, Align::Right);
    c.text(short_euro_text(diff, lang), {right + 3 * col, y}, 12,
           diff > 0.0 ? palette::kCost : (diff < 0.0 ? palette::kSaving : palette::kMuted), Align::Right);
  }
}

void draw_text_tip(Canvas& c, std::string_view text, sf::Vector2f mouse) {
  const float width = std::min(c.text_width(text, 13), 460.0F);
  const std::vector<std::string> lines = c.wrap(text, 13, width);
  sf::FloatRect box{0.0F, 0.0F, width + 16.0F, 17.0F * static_cast<float>(lines.size()) + 10.0F};
  put_tip_box(c, box, mouse);
  float y = box.top + 5.0F;
  for (const std::string& line : lines) {
    c.text(line, {box.left + 8.0F, y}, 13, palette::kText);
    y += 17.0F;
  }
}

void draw_help(Canvas& c, sf::Vector2f window) {
  c.rect({0.0F, 0.0F, window.x, window.y}, sf::Color{0, 0, 0, 140});
  const std::string_view keys = c.tr(Label::HelpKeys);
  const auto lines = static_cast<float>(std::count(keys.begin(), keys.end(), '\n') + 1);
  const float row = std::min(24.0F, (window.y - 52.0F - 64.0F - 16.0F) / lines);
  const float height = 52.0F + row * lines + 60.0F;
  const sf::FloatRect box{window.x / 2.0F - 330.0F, std::max(4.0F, window.y / 2.0F - height / 2.0F), 660.0F, height};
  c.region(box, "help");
  c.rect(box, palette::kPanel);
  c.frame(box, palette::kBar, 2.0F);
  c.text(c.tr(Label::HelpTitle), {box.left + 20.0F, box.top + 14.0F}, 20, palette::kText, Align::Left, true);
  float y = box.top + 52.0F;
  std::size_t start = 0;
  while (start < keys.size()) {
    const std::size_t end = std::min(keys.find('\n', start), keys.size());
    const std::string_view line = keys.substr(start, end - start);
    // "Key  meaning": the key in bold in its own column.
    const std::size_t split = line.find("  ");
    c.text(line.substr(0, split), {box.left + 20.0F, y}, 15, palette::kTeam, Align::Left, true);
    if (split != std::string_view::npos)
      c.text(c.fit(line.substr(split + 2), 15, box.width - 220.0F), {box.left + 200.0F, y}, 15, palette::kText);
    y += row;
    start = end + 1;
  }
  const std::string_view mouse = c.tr(Label::HelpMouse);
  const std::size_t br = mouse.find('\n');
  c.text(mouse.substr(0, br), {box.left + 20.0F, y + 8.0F}, 13, palette::kMuted);
  if (br != std::string_view::npos) c.text(mouse.substr(br + 1), {box.left + 20.0F, y + 26.0F}, 13, palette::kMuted);
}

}  // namespace wijksim::viz
