#include "viz/flows_view.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "agents/level.hpp"

namespace wijksim::viz {

namespace {

using agents::Level;

constexpr std::array<float, agents::kLevelCount> kColumnWeight{0.30F, 0.24F, 0.21F, 0.25F};
constexpr std::array<Label, kAwayKinds> kAwayLabels{Label::Evicted, Label::Placed, Label::Admitted,
                                                    Label::NursingHome, Label::Detained};
constexpr std::array<sim::Counted, kAwayKinds> kAwayEvents{sim::Counted::Evictions, sim::Counted::Placements,
                                                           sim::Counted::Admissions, sim::Counted::NursingHome,
                                                           sim::Counted::Detentions};
constexpr float kHeader = 40.0F;

/// A fixed place in the unit square for each household, so a dot keeps its spot within a column.
sf::Vector2f jitter(std::size_t h) {
  std::uint64_t z = h * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  const auto unit = [](std::uint64_t bits) { return static_cast<float>(bits & 0xFFFFFF) / 16777216.0F; };
  return {unit(z), unit(z >> 32)};
}

/// Row of the red column's away part for an escalated household, if it is away.
std::optional<std::size_t> away_kind(const agents::Population& pop, kernel::HouseholdId h) {
  if (pop.housing[h] == agents::Housing::Evicted) return 0;
  if (pop.youth[h] == agents::YouthEscalation::Placement) return 1;
  switch (pop.intramural[h]) {
    case agents::Intramural::MentalHealthAdmission: return 2;
    case agents::Intramural::NursingHome: return 3;
    case agents::Intramural::Detention: return 4;
    default: return std::nullopt;
  }
}

sf::Vector2f inside(const sf::FloatRect& r, sf::Vector2f unit, float margin) {
  return {r.left + margin + unit.x * std::max(0.0F, r.width - 2 * margin),
          r.top + margin + unit.y * std::max(0.0F, r.height - 2 * margin)};
}

void add_square(sf::VertexArray& v, sf::Vector2f centre, float size, sf::Color colour) {
  const float h = size / 2.0F;
  const float x = std::round(centre.x - h), y = std::round(centre.y - h);
  v.append({{x, y}, colour});
  v.append({{x + size, y}, colour});
  v.append({{x + size, y + size}, colour});
  v.append({{x, y + size}, colour});
}

/// Point on a quadratic Bezier curve.
sf::Vector2f bezier(sf::Vector2f a, sf::Vector2f control, sf::Vector2f b, float t) {
  const float u = 1.0F - t;
  return u * u * a + 2.0F * u * t * control + t * t * b;
}

}  // namespace

void FlowsView::lay_out(const sf::FloatRect& area) {
  area_ = area;
  arc_band_ = std::round(area.height * 0.15F);
  const float gap = 10.0F;
  const float top = area.top + arc_band_ + kHeader;
  const float height = area.height - 2 * arc_band_ - kHeader;
  const float width = area.width - gap * (agents::kLevelCount - 1);
  bottom_ = top + height;
  float x = area.left;
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    columns_[l].box = {x, top, width * kColumnWeight[l], height};
    x += width * kColumnWeight[l] + gap;
  }
  // The red column: households in crisis at home above, escalated households in their rows below.
  Column& red = columns_[agents::index(Level::Red)];
  const float home = std::round(red.box.height * 0.4F);
  const float row = (red.box.height - home) / kAwayKinds;
  for (std::size_t k = 0; k < kAwayKinds; ++k)
    red.away[k] = {red.box.left, red.box.top + home + row * static_cast<float>(k) + 14.0F, red.box.width, row - 14.0F};
  red.box.height = home;
}

sf::Vector2f FlowsView::target(const Alternative& alt, std::size_t dot) const {
  const kernel::HouseholdId h = static_cast<kernel::HouseholdId>(dot * alt.stride());
  const agents::Population& pop = alt.run().project().population();
  const Level level = pop.last_level[h];
  const Column& column = columns_[agents::index(level)];
  const auto away = level == Level::Red ? away_kind(pop, h) : std::nullopt;
  return inside(away ? column.away[*away] : column.box, jitter(h), dot_);
}

void FlowsView::update(const Alternative& alt, const sf::FloatRect& area) {
  const bool relaid = area != area_;
  if (relaid) lay_out(area);
  const auto month = static_cast<std::ptrdiff_t>(alt.month());
  const bool snap = relaid || alt.generation() != generation_ || from_.size() != alt.dots();
  if (!snap && month == month_) return;
  const float dense = std::sqrt(area.width * area.height * 0.3F / static_cast<float>(std::max<std::size_t>(alt.dots(), 1)));
  dot_ = std::clamp(std::floor(dense), 2.0F, 6.0F);
  from_.resize(alt.dots());
  to_.resize(alt.dots());
  moved_.assign(alt.dots(), 0);
  colour_.resize(alt.dots());
  for (std::size_t i = 0; i < alt.dots(); ++i) {
    const sf::Vector2f next = target(alt, i);
    from_[i] = snap ? next : position(i);
    moved_[i] = !snap && month > 0 && alt.dot_level(i, month - 1) != alt.dot_level(i, month - 2) ? 1 : 0;
    to_[i] = next;
    colour_[i] = level_colour(alt.dot_level(i, month - 1));
  }
  progress_ = snap ? 1.0F : 0.0F;
  month_ = month;
  generation_ = alt.generation();
}

sf::Vector2f FlowsView::position(std::size_t dot) const {
  // Ease in and out so the glide reads as a move, not a jump.
  const float t = progress_ * progress_ * (3.0F - 2.0F * progress_);
  return from_[dot] + (to_[dot] - from_[dot]) * t;
}

std::optional<std::size_t> FlowsView::dot_at(sf::Vector2f p) const {
  std::optional<std::size_t> best;
  float best_d = (dot_ + 3.0F) * (dot_ + 3.0F);
  for (std::size_t i = 0; i < to_.size(); ++i) {
    const sf::Vector2f d = position(i) - p;
    const float d2 = d.x * d.x + d.y * d.y;
    if (d2 < best_d) {
      best_d = d2;
      best = i;
    }
  }
  return best;
}

void FlowsView::draw(Canvas& c, const Alternative& alt) const {
  draw_columns(c, alt);
  draw_arcs(c, alt);
  draw_dots(c);
}

void FlowsView::draw_columns(Canvas& c, const Alternative& alt) const {
  const auto& levels = alt.levels_now();
  const double all = std::max(1.0, levels[0] + levels[1] + levels[2] + levels[3]);
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    const Column& col = columns_[l];
    const auto level = static_cast<Level>(l);
    const float x = col.box.left + col.box.width / 2.0F;
    const float y = col.box.top - kHeader;
    const unsigned size = col.box.width < 110.0F ? 12U : 15U;
    c.text(c.fit(level_name(level, c.lang()), size, col.box.width + 8.0F, true), {x, y}, size, palette::kText,
           Align::Centre, true);
    c.text(c.fit(count_text(levels[l], c.lang()) + fmt::format(" ({:.1f}%)", 100.0 * levels[l] / all), size - 2,
                 col.box.width + 8.0F),
           {x, y + 19.0F}, size - 2, palette::kMuted, Align::Centre);
    c.rect(col.box, with_alpha(level_colour(level), 28));
    c.frame(col.box, with_alpha(level_colour(level), 120));
  }
  // The away rows: who is escalated where, and how many left home this month.
  const Column& red = columns_[agents::index(Level::Red)];
  const sim::MonthRecord* rec = alt.run().project().records().empty() ? nullptr : &alt.run().project().records().back();
  c.text(c.tr(Label::AtHome), {red.box.left + 4.0F, red.box.top + 2.0F}, 11, palette::kMuted);
  for (std::size_t k = 0; k < kAwayKinds; ++k) {
    const sf::FloatRect& r = red.away[k];
    c.rect(r, with_alpha(level_colour(Level::Red), 45));
    std::string text(c.tr(kAwayLabels[k]));
    if (rec != nullptr) text += fmt::format("  +{}", rec->events[static_cast<std::size_t>(kAwayEvents[k])]);
    c.text(c.fit(text, 11, area_.left + area_.width - r.left - 2.0F), {r.left + 2.0F, r.top - 14.0F}, 11, palette::kText);
  }
}

void FlowsView::draw_arcs(Canvas& c, const Alternative& alt) const {
  // Transitions of the last three months, worse above the columns, better below.
  const auto& records = alt.run().project().records();
  std::array<std::array<double, agents::kLevelCount>, agents::kLevelCount> flows{};
  double most = 1.0;
  for (std::size_t m = records.size() >= 3 ? records.size() - 3 : 0; m < records.size(); ++m)
    for (std::size_t a = 0; a < agents::kLevelCount; ++a)
      for (std::size_t b = 0; b < agents::kLevelCount; ++b) flows[a][b] += static_cast<double>(records[m].flows[a][b]);
  for (std::size_t a = 0; a < agents::kLevelCount; ++a)
    for (std::size_t b = 0; b < agents::kLevelCount; ++b)
      if (a != b) most = std::max(most, flows[a][b]);
  const float max_width = std::max(4.0F, arc_band_ * 0.22F);
  for (std::size_t a = 0; a < agents::kLevelCount; ++a)
    for (std::size_t b = 0; b < agents::kLevelCount; ++b) {
      if (a == b || flows[a][b] <= 0.0) continue;
      const bool worse = b > a;
      const float span = static_cast<float>(worse ? b - a : a - b);
      const float offset = (worse ? 1.0F : -1.0F) * 10.0F;
      const float xa = columns_[a].box.left + columns_[a].box.width / 2.0F + offset;
      const float xb = columns_[b].box.left + columns_[b].box.width / 2.0F - offset;
      const float y0 = worse ? columns_[0].box.top - kHeader : bottom_;
      const float lift = arc_band_ * (0.25F + 0.18F * span) * (worse ? -1.0F : 1.0F);
      const sf::Vector2f from{xa, y0}, to{xb, y0}, control{(xa + xb) / 2.0F, y0 + 2.0F * lift};
      std::vector<sf::Vector2f> points;
      for (int i = 0; i <= 24; ++i) points.push_back(bezier(from, control, to, static_cast<float>(i) / 24.0F));
      const float width = std::max(1.5F, max_width * static_cast<float>(std::sqrt(flows[a][b] / most)));
      const sf::Color colour = with_alpha(level_colour(static_cast<Level>(b)), 190);
      c.polyline(points, colour, width);
      // An arrow head at the destination.
      const sf::Vector2f tip{xb, y0 + (worse ? -2.0F : 2.0F)};
      const float head = width / 2.0F + 5.0F, dir = worse ? -1.0F : 1.0F;
      c.polyline({{tip.x - head, tip.y + dir * head * 1.3F}, tip, {tip.x + head, tip.y + dir * head * 1.3F}}, colour, 2.0F);
      const sf::Vector2f apex = bezier(from, control, to, 0.5F);
      const float label_y = worse ? std::max(area_.top, apex.y - 15.0F) : std::min(apex.y + 3.0F, bottom_ + arc_band_ - 13.0F);
      c.text(count_text(flows[a][b], c.lang()), {apex.x, label_y}, 11, palette::kText, Align::Centre);
    }
  const float right = area_.left + area_.width;
  c.text(std::string("↑ ") + std::string(c.tr(Label::Worse)), {right, area_.top}, 12, palette::kCost, Align::Right);
  c.text(std::string("↓ ") + std::string(c.tr(Label::Better)), {right, area_.top + area_.height - 16.0F}, 12,
         palette::kSaving, Align::Right);
}

void FlowsView::draw_dots(Canvas& c) const {
  vertices_.clear();
  for (std::size_t i = 0; i < to_.size(); ++i)
    if (!moved_[i]) add_square(vertices_, position(i), dot_, colour_[i]);
  // Households that changed level this month glide on top with a dark rim.
  for (std::size_t i = 0; i < to_.size(); ++i)
    if (moved_[i]) add_square(vertices_, position(i), dot_ + 2.0F, palette::kBar);
  for (std::size_t i = 0; i < to_.size(); ++i)
    if (moved_[i]) add_square(vertices_, position(i), dot_, colour_[i]);
  c.target().draw(vertices_);
}

}  // namespace wijksim::viz
