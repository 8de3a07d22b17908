#pragma once
// Drawing helpers shared by every panel: the palette, fonts found on the system, text with alignment,
// rectangles, thick lines and panel frames, all on one sf::RenderTarget.
#include <SFML/Graphics.hpp>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "agents/domains.hpp"
#include "viz/labels.hpp"

namespace wijksim::viz {

namespace palette {
inline const sf::Color kBackground{238, 238, 232};
inline const sf::Color kPanel{255, 255, 255};
inline const sf::Color kText{20, 20, 30};
inline const sf::Color kMuted{100, 100, 112};
inline const sf::Color kGrid{215, 215, 222};
inline const sf::Color kSaving{40, 150, 70};
inline const sf::Color kCost{200, 45, 45};
inline const sf::Color kTeam{40, 110, 190};
inline const sf::Color kBar{30, 40, 60};
inline const sf::Color kZero{150, 150, 160};
}  // namespace palette

/// The colour of a problem level: green, light orange, orange, red.
sf::Color level_colour(agents::Level level);
/// A colour with another alpha.
sf::Color with_alpha(sf::Color c, std::uint8_t alpha);

/// A TrueType font from Debian's fonts-dejavu-core (regular or bold), searched in the usual folders.
std::optional<std::filesystem::path> find_font(bool bold);

enum class Align : std::uint8_t { Left, Centre, Right };

/// The fonts of the window; the bold one falls back to the regular one.
struct Fonts {
  sf::Font regular, bold;
};

class Canvas {
 public:
  Canvas(sf::RenderTarget& target, const Fonts& fonts, Lang lang);

  /// Draw UTF-8 text with its top at pos.y, aligned on pos.x; returns its width in pixels.
  float text(std::string_view s, sf::Vector2f pos, unsigned size, sf::Color colour = palette::kText,
             Align align = Align::Left, bool bold = false);
  /// The text, shortened with an ellipsis when it is wider than max_width pixels.
  std::string fit(std::string_view s, unsigned size, float max_width, bool bold = false);
  /// Width in pixels of UTF-8 text.
  float text_width(std::string_view s, unsigned size, bool bold = false);
  /// A filled rectangle.
  void rect(const sf::FloatRect& r, sf::Color fill);
  /// The outline of a rectangle, drawn inside it.
  void frame(const sf::FloatRect& r, sf::Color outline, float thickness = 1.0F);
  /// A straight line of some thickness.
  void line(sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness = 1.0F);
  /// A line through points; dotted draws every other segment.
  void polyline(const std::vector<sf::Vector2f>& points, sf::Color colour, float thickness, bool dotted = false);
  /// A white panel with a title; returns the area below the title.
  sf::FloatRect panel(const sf::FloatRect& r, std::string_view title, unsigned size = 16);

  Lang lang() const { return lang_; }
  /// The fixed text in the window's language.
  std::string_view tr(Label key) const { return label(key, lang_); }
  sf::RenderTarget& target() { return target_; }

 private:
  sf::RenderTarget& target_;
  const Fonts& fonts_;
  Lang lang_;
  sf::Text text_;
  sf::RectangleShape rect_;
  sf::VertexArray strip_{sf::Quads};
};

/// Convert UTF-8 to SFML's string.
sf::String utf8(std::string_view s);

}  // namespace wijksim::viz
