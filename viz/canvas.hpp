#pragma once
// Drawing helpers shared by every panel: the palette, fonts found on the system, text with alignment,
// rectangles, thick lines and panel frames, all on one sf::RenderTarget.
#include <SFML/Graphics.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  /// The text broken into lines no wider than max_width at spaces (a word wider than that is shortened).
  std::vector<std::string> wrap(std::string_view s, unsigned size, float max_width, bool bold = false);
  /// Draw wrapped text, at most max_lines lines (the last one shortened when more would follow); returns the
  /// height used.
  float paragraph(std::string_view s, sf::Vector2f pos, unsigned size, float max_width, sf::Color colour,
                  std::size_t max_lines, bool bold = false);
  /// Text is drawn for a view that enlarges the drawing this many times (presenter mode): glyphs are made at
  /// the screen's size, so they stay sharp.
  void set_zoom(float zoom) { zoom_ = zoom; }
  /// Bounds of UTF-8 text as drawn at the origin.
  sf::FloatRect measure(std::string_view s, unsigned size, bool bold = false);
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

  /// Texts drawn from now on belong to this region (a panel, a bar, a tip): checked against it when checking.
  void region(const sf::FloatRect& bounds, std::string_view name);
  /// The current region and its name, to put back after a widget's own.
  std::pair<sf::FloatRect, std::string> current_region() const { return {region_, region_name_}; }
  /// Record every text that leaves its region in `overflows` (one line each), until called with nullptr.
  void check_into(std::vector<std::string>* overflows) { overflows_ = overflows; }
  /// A fault for the check to find: every panel draws its title a second time, twice over and unmeasured.
  void inject_unmeasured(bool on) { inject_ = on; }
  /// Texts drawn shortened with an ellipsis: where they are and their full wording (for a tip on hover).
  const std::vector<std::pair<sf::FloatRect, std::string>>& shortened() const { return shortened_; }

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
  sf::FloatRect region_{0.0F, 0.0F, 1e9F, 1e9F};
  std::string region_name_ = "window";
  std::vector<std::string>* overflows_ = nullptr;
  bool inject_ = false;
  float zoom_ = 1.0F;
  std::vector<std::pair<std::string, std::string>> fitted_;  ///< shortened text, full text (this frame)
  std::vector<std::pair<sf::FloatRect, std::string>> shortened_;
};

/// Convert UTF-8 to SFML's string.
sf::String utf8(std::string_view s);

}  // namespace wijksim::viz
