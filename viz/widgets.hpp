#pragma once
// A small immediate-mode widget set: buttons and sliders drawn and hit-tested in the same call, fed with
// the mouse state of the frame.
#include <SFML/Graphics.hpp>
#include <string>
#include <string_view>

#include "viz/canvas.hpp"

namespace wijksim::viz {

class Ui {
 public:
  /// Mouse state for the coming frame: position, a press since the last frame, button held.
  void begin_frame(sf::Vector2f mouse, bool pressed, bool held);
  /// A push button; true when clicked this frame.
  bool button(Canvas& c, const sf::FloatRect& box, std::string_view text, bool lit = false);
  /// A horizontal slider from lo to hi in steps of `step`; true when the value changed this frame.
  bool slider(Canvas& c, const sf::FloatRect& box, std::string_view text, double& value, double lo, double hi,
              double step, std::string_view value_text);
  /// A check box filled with `colour` when checked; true when clicked this frame.
  bool checkbox(Canvas& c, const sf::FloatRect& box, sf::Color colour, bool checked);
  /// True while the mouse is over a widget or drags a slider.
  bool busy() const { return over_ || dragging_ >= 0; }

 private:
  sf::Vector2f mouse_;
  bool pressed_ = false, held_ = false, over_ = false;
  int next_ = 0, dragging_ = -1;
};

}  // namespace wijksim::viz
