#include "viz/canvas.hpp"

#include <array>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace wijksim::viz {

sf::Color level_colour(agents::Level level) {
  static const std::array<sf::Color, agents::kLevelCount> kColours{
      sf::Color{46, 160, 67}, sf::Color{255, 196, 100}, sf::Color{240, 125, 20}, sf::Color{205, 30, 38}};
  return kColours[agents::index(level)];
}

sf::Color with_alpha(sf::Color c, std::uint8_t alpha) {
  c.a = alpha;
  return c;
}

std::optional<std::filesystem::path> find_font(bool bold) {
  const char* file = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  for (const char* folder : {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                             "/usr/local/share/fonts", "/usr/share/fonts/truetype"}) {
    const std::filesystem::path path = std::filesystem::path(folder) / file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return std::nullopt;
}

sf::String utf8(std::string_view s) { return sf::String::fromUtf8(s.begin(), s.end()); }

Canvas::Canvas(sf::RenderTarget& target, const Fonts& fonts, Lang lang)
    : target_(target), fonts_(fonts), lang_(lang) {}

sf::FloatRect Canvas::measure(std::string_view s, unsigned size, bool bold) {
  text_.setFont(bold ? fonts_.bold : fonts_.regular);
  text_.setString(utf8(s));
  // Glyphs rasterised at the zoomed size and scaled back stay sharp when a view enlarges the drawing.
  text_.setCharacterSize(static_cast<unsigned>(std::lround(static_cast<float>(size) * zoom_)));
  text_.setScale(1.0F / zoom_, 1.0F / zoom_);
  const sf::FloatRect local = text_.getLocalBounds();
  return {local.left / zoom_, local.top / zoom_, local.width / zoom_, local.height / zoom_};
}

float Canvas::text_width(std::string_view s, unsigned size, bool bold) { return measure(s, size, bold).width; }

std::string Canvas::fit(std::string_view s, unsigned size, float max_width, bool bold) {
  std::string out(s);
  if (text_width(out, size, bold) <= max_width) return out;
  while (!out.empty()) {
    // Drop one UTF-8 code point: its continuation bytes (10xxxxxx), then its lead byte.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0U) == 0x80U) out.pop_back();
    if (!out.empty()) out.pop_back();
    if (text_width(out + "…", size, bold) <= max_width) break;
  }
  out += "…";
  fitted_.emplace_back(out, std::string(s));
  return out;
}

std::vector<std::string> Canvas::wrap(std::string_view s, unsigned size, float max_width, bool bold) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find(' ', start), s.size());
    const std::string_view word = s.substr(start, end - start);
    const std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (line.empty() || text_width(joined, size, bold) <= max_width) {
      line = joined;
    } else {
      lines.push_back(fit(line, size, max_width, bold));
      line = std::string(word);
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(fit(line, size, max_width, bold));
  return lines;
}

float Canvas::paragraph(std::string_view s, sf::Vector2f pos, unsigned size, float max_width, sf::Color colour,
                        std::size_t max_lines, bool bold) {
  std::vector<std::string> lines = wrap(s, size, max_width, bold);
  if (lines.size() > max_lines && max_lines > 0) {
    // The rest goes on the last line, shortened; its tip shows the whole text.
    std::string last = lines[max_lines - 1];
    for (std::size_t i = max_lines; i < lines.size(); ++i) last += " " + lines[i];
    lines.resize(max_lines);
    lines.back() = fit(last, size, max_width, bold);
    fitted_.emplace_back(lines.back(), std::string(s));
  }
  const float step = std::round(static_cast<float>(size) * 1.3F);
  for (std::size_t i = 0; i < lines.size(); ++i)
    text(lines[i], {pos.x, pos.y + step * static_cast<float>(i)}, size, colour, Align::Left, bold);
  return step * static_cast<float>(lines.size());
}

void Canvas::region(const sf::FloatRect& bounds, std::string_view name) {
  region_ = bounds;
  region_name_ = std::string(name);
}

float Canvas::text(std::string_view s, sf::Vector2f pos, unsigned size, sf::Color colour, Align align, bool bold) {
  const sf::FloatRect ink = measure(s, size, bold);
  const float width = ink.width;
  // Right and centred text is placed by its glyphs' bounds (the first glyph's bearing included), so that it
  // ends at pos.x, not a pixel beyond.
  const float ink_right = ink.left + width;
  const float x = align == Align::Left ? pos.x - std::min(0.0F, ink.left)
                                       : (align == Align::Centre ? pos.x - ink_right / 2.0F : pos.x - ink_right);
  text_.setFillColor(colour);
  // Whole screen pixels keep small glyphs sharp.
  const float px = (align == Align::Right ? std::floor(x * zoom_) : std::ceil(x * zoom_ - 0.01F)) / zoom_;
  text_.setPosition(px, std::round(pos.y * zoom_) / zoom_);
  target_.draw(text_);
  const sf::FloatRect drawn = text_.getGlobalBounds();
  if (!fitted_.empty()) {
    const auto full = std::find_if(fitted_.begin(), fitted_.end(), [&](const auto& f) { return f.first == s; });
    if (full != fitted_.end()) shortened_.emplace_back(drawn, full->second);
  }
  // Half a pixel of slack for rounding to whole pixels.
  constexpr float kSlack = 0.5F;
  if (overflows_ != nullptr && drawn.width > 0.0F &&
      (drawn.left < region_.left - kSlack || drawn.top < region_.top - kSlack ||
       drawn.left + drawn.width > region_.left + region_.width + kSlack ||
       drawn.top + drawn.height > region_.top + region_.height + kSlack))
    overflows_->push_back(fmt::format("\"{}\" [{:.0f},{:.0f} {:.0f}x{:.0f}] leaves {} [{:.0f},{:.0f} {:.0f}x{:.0f}]", s,
                                      drawn.left, drawn.top, drawn.width, drawn.height, region_name_, region_.left,
                                      region_.top, region_.width, region_.height));
  return width;
}

void Canvas::rect(const sf::FloatRect& r, sf::Color fill) {
  rect_.setPosition(r.left, r.top);
  rect_.setSize({r.width, r.height});
  rect_.setFillColor(fill);
  rect_.setOutlineThickness(0.0F);
  target_.draw(rect_);
}

void Canvas::frame(const sf::FloatRect& r, sf::Color outline, float thickness) {
  rect_.setPosition(r.left + thickness, r.top + thickness);
  rect_.setSize({std::max(0.0F, r.width - 2 * thickness), std::max(0.0F, r.height - 2 * thickness)});
  rect_.setFillColor(sf::Color::Transparent);
  rect_.setOutlineColor(outline);
  rect_.setOutlineThickness(thickness);
  target_.draw(rect_);
}

void Canvas::line(sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness) {
  polyline({a, b}, colour, thickness);
}

void Canvas::polyline(const std::vector<sf::Vector2f>& points, sf::Color colour, float thickness, bool dotted) {
  strip_.clear();
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    if (dotted && i % 2 == 1) continue;
    const sf::Vector2f d = points[i + 1] - points[i];
    const float length = std::hypot(d.x, d.y);
    if (length <= 0.0F) continue;
    const sf::Vector2f n{-d.y / length * thickness / 2.0F, d.x / length * thickness / 2.0F};
    for (const sf::Vector2f p : {points[i] + n, points[i + 1] + n, points[i + 1] - n, points[i] - n})
      strip_.append(sf::Vertex(p, colour));
  }
  target_.draw(strip_);
}

sf::FloatRect Canvas::panel(const sf::FloatRect& r, std::string_view title, unsigned size) {
  region(r, title);
  rect(r, palette::kPanel);
  frame(r, palette::kGrid);
  text(fit(title, size, r.width - 20.0F, true), {r.left + 10.0F, r.top + 6.0F}, size, palette::kText, Align::Left, true);
  if (inject_) text(std::string(title) + " " + std::string(title), {r.left + 10.0F, r.top + 6.0F}, size);
  const float head = static_cast<float>(size) + 16.0F;
  return {r.left + 8.0F, r.top + head, r.width - 16.0F, r.height - head - 6.0F};
}

}  // namespace wijksim::viz
