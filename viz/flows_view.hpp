#pragma once
// The flows panel: the four problem levels as columns, every drawn household a dot in its level's column
// (escalated households in the red column's "away" rows), dots gliding to their new column when a household
// changes level, and arcs whose width is the number of transitions in the last three months.
#include <SFML/Graphics.hpp>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "viz/alternative.hpp"
#include "viz/canvas.hpp"

namespace wijksim::viz {

/// Where an escalated household is away from home (rows of the red column).
inline constexpr std::size_t kAwayKinds = 5;

class FlowsView {
 public:
  /// Place the dots of `alt` in `area` for its current month; a new month starts the glide from the old places.
  void update(const Alternative& alt, const sf::FloatRect& area);
  /// How far the glide has gone, 0 (old places) to 1 (new places).
  void set_progress(float t) { progress_ = t < 0.0F ? 0.0F : (t > 1.0F ? 1.0F : t); }
  /// Draw columns, arcs and dots.
  void draw(Canvas& c, const Alternative& alt) const;
  /// The dot under a point, if any.
  std::optional<std::size_t> dot_at(sf::Vector2f p) const;

  /// Where dot `dot` is drawn now (mid-glide included).
  sf::Vector2f position(std::size_t dot) const;

 private:
  struct Column {
    sf::FloatRect box;                          ///< where its dots live
    std::array<sf::FloatRect, kAwayKinds> away; ///< red column only: escalated rows
  };
  void lay_out(const sf::FloatRect& area);
  sf::Vector2f target(const Alternative& alt, std::size_t dot) const;
  void draw_columns(Canvas& c, const Alternative& alt) const;
  void draw_arcs(Canvas& c, const Alternative& alt) const;
  void draw_dots(Canvas& c) const;

  sf::FloatRect area_;
  std::array<Column, agents::kLevelCount> columns_{};
  float arc_band_ = 0.0F, bottom_ = 0.0F, dot_ = 3.0F;
  std::vector<sf::Vector2f> from_, to_;
  std::vector<std::uint8_t> moved_;
  std::vector<sf::Color> colour_;
  mutable sf::VertexArray vertices_{sf::Quads};
  std::ptrdiff_t month_ = -2;
  std::uint64_t generation_ = 0;
  float progress_ = 1.0F;
};

}  // namespace wijksim::viz
