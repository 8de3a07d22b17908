#include "viz/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace wijksim::viz {

void Ui::begin_frame(sf::Vector2f mouse, bool pressed, bool held) {
  mouse_ = mouse;
  pressed_ = pressed;
  held_ = held;
  over_ = false;
  next_ = 0;
  if (!held_) dragging_ = -1;
}

bool Ui::button(Canvas& c, const sf::FloatRect& box, std::string_view text, bool lit) {
  ++next_;
  const bool over = box.contains(mouse_);
  over_ = over_ || over;
  const sf::Color fill = lit ? palette::kTeam : (over ? sf::Color{222, 228, 240} : sf::Color{246, 246, 248});
  c.rect(box, fill);
  c.frame(box, over ? palette::kTeam : palette::kZero);
  const auto outer = c.current_region();
  c.region(box, "button");
  c.text(c.fit(text, 14, box.width - 6.0F), {box.left + box.width / 2.0F, box.top + box.height / 2.0F - 9.0F}, 14,
         lit ? sf::Color::White : palette::kText, Align::Centre);
  c.region(outer.first, outer.second);
  const bool clicked = over && pressed_;
  if (clicked) pressed_ = false;
  return clicked;
}

bool Ui::checkbox(Canvas& c, const sf::FloatRect& box, sf::Color colour, bool checked) {
  ++next_;
  const bool over = box.contains(mouse_);
  over_ = over_ || over;
  c.rect(box, checked ? colour : sf::Color{246, 246, 248});
  c.frame(box, over ? palette::kTeam : palette::kBar, checked ? 1.0F : 2.0F);
  if (!checked) {
    // Not taken in: crossed out.
    c.line({box.left + 5.0F, box.top + 5.0F}, {box.left + box.width - 5.0F, box.top + box.height - 5.0F}, palette::kMuted, 2.0F);
    c.line({box.left + box.width - 5.0F, box.top + 5.0F}, {box.left + 5.0F, box.top + box.height - 5.0F}, palette::kMuted, 2.0F);
  }
  const bool clicked = over && pressed_;
  if (clicked) pressed_ = false;
  return clicked;
}

bool Ui::slider(Canvas& c, const sf::FloatRect& box, std::string_view text, double& value, double lo, double hi,
                double step, std::string_view value_text) {
  const int id = next_++;
  const bool over = box.contains(mouse_);
  over_ = over_ || over;
  if (over && pressed_) {
    dragging_ = id;
    pressed_ = false;
  }
  // The label sits above the track; the value to its right.
  const auto outer = c.current_region();
  c.region(box, "slider");
  const float value_w = c.text(value_text, {box.left + box.width, box.top}, 12, palette::kText, Align::Right, true);
  c.text(c.fit(text, 12, box.width - value_w - 6.0F), {box.left, box.top}, 12, palette::kMuted);
  c.region(outer.first, outer.second);
  const float track_y = box.top + box.height - 8.0F;
  const sf::FloatRect track{box.left + 6.0F, track_y - 2.0F, box.width - 12.0F, 4.0F};
  c.rect(track, palette::kGrid);
  bool changed = false;
  if (dragging_ == id && hi > lo) {
    const double share = std::clamp(static_cast<double>((mouse_.x - track.left) / track.width), 0.0, 1.0);
    const double next = std::clamp(lo + std::round(share * (hi - lo) / step) * step, lo, hi);
    changed = next != value;
    value = next;
  }
  const auto share = static_cast<float>(hi > lo ? std::clamp((value - lo) / (hi - lo), 0.0, 1.0) : 0.0);
  c.rect({track.left, track.top, track.width * share, track.height}, palette::kTeam);
  const float knob_x = track.left + track.width * share;
  c.rect({knob_x - 5.0F, track_y - 8.0F, 10.0F, 16.0F}, dragging_ == id || over ? palette::kTeam : palette::kBar);
  return changed;
}

}  // namespace wijksim::viz
