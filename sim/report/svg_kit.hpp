#pragma once
// The small SVG toolkit every chart of the reports shares (report.html, decision.html, sweep.html, tornado.html):
// an Svg canvas, value, index and category axes with round ticks, a Panel that draws in data units, legends. So
// every chart draws axes, bands, bars, ticks and legends the same way, in one number format per axis.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/labels/labels.hpp"
#include "sim/mkba/mkba.hpp"

namespace wijksim::report::kit {

using labels::Lang;
using sim::Stat;

constexpr std::string_view kInk = "#333333";

inline std::string esc(std::string_view in) { return labels::xml_escape(in); }


/// A rectangle in pixels.
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};
/// An interval in data units; lo is drawn left (x) or at the bottom (y), and may exceed hi to reverse an axis.
struct Range {
  double lo = 0, hi = 1;
};
struct Tick {
  double at;
  std::string label;
};
/// What an axis shows: its range, ticks with labels, title (with the unit), and whether it measures values
/// (then it gets grid lines and a zero line) or counts indices and categories.
struct Axis {
  Range range;
  std::vector<Tick> ticks;
  std::string title;
  bool values = true;
};

/// Smallest and largest finite value of some series, widened to include zero when asked.
inline Range data_range(std::initializer_list<std::span<const double>> series, bool with_zero) {
  double lo = with_zero ? 0.0 : INFINITY, hi = with_zero ? 0.0 : -INFINITY;
  for (const auto s : series)
    for (const double v : s)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo)) return {0.0, 1.0};
  if (hi - lo < 1e-9) {
    const double pad = std::max(1.0, std::fabs(hi) * 0.1);
    return {lo - pad, hi + pad};
  }
  return {lo, hi};
}

/// A round step (1, 2 or 5 times a power of ten) giving about `target` intervals over the span.
inline double nice_step(double span, int target) {
  const double raw = span / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  return (norm < 1.5 ? 1.0 : norm < 3.0 ? 2.0 : norm < 7.0 ? 5.0 : 10.0) * magnitude;
}

/// A value axis over the data with round ticks (about `target` intervals); euros get euro labels, counts plain
/// numbers.
inline Axis value_axis(Range data, std::string title, bool euros, Lang lang, int target = 5) {
  const double step = nice_step(data.hi - data.lo, target);
  Axis axis{{std::floor(data.lo / step) * step, std::ceil(data.hi / step) * step}, {}, std::move(title)};
  const double largest = std::max(std::fabs(axis.range.lo), std::fabs(axis.range.hi));
  const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  const auto intervals = static_cast<int>(std::lround((axis.range.hi - axis.range.lo) / step));
  for (int i = 0; i <= intervals; ++i) {
    const double v = axis.range.lo + step * i;
    const double at = std::fabs(v) < step * 1e-6 ? 0.0 : v;
    axis.ticks.push_back({at, euros ? labels::euro_tick(at, step, largest, lang) : labels::number_text(at, decimals, lang)});
  }
  return axis;
}

/// An axis over indices 0..count-1 (years, months), ticked at a round step giving at most max_ticks ticks.
inline Axis index_axis(std::size_t count, std::string title, std::size_t max_ticks = 12) {
  Axis axis{{-0.5, static_cast<double>(count) - 0.5}, {}, std::move(title), false};
  constexpr std::array<std::size_t, 8> kSteps{1, 2, 3, 6, 12, 24, 60, 120};
  const auto fits = std::find_if(kSteps.begin(), kSteps.end(), [&](std::size_t s) { return count / s < max_ticks; });
  const std::size_t step = fits == kSteps.end() ? kSteps.back() : *fits;
  for (std::size_t i = 0; i < count; i += step) axis.ticks.push_back({static_cast<double>(i), std::to_string(i)});
  return axis;
}

/// A category axis, the first category at the top (for horizontal bars).
inline Axis category_axis(const std::vector<std::string>& names) {
  Axis axis{{static_cast<double>(names.size()) - 0.5, -0.5}, {}, "", false};
  for (std::size_t i = 0; i < names.size(); ++i) axis.ticks.push_back({static_cast<double>(i), names[i]});
  return axis;
}

/// A number for an SVG coordinate (always a decimal point).
inline std::string c(double v) { return fmt::format("{:.1f}", v); }

/// Paint attributes.
inline std::string fill(std::string_view color, double opacity = 1.0) {
  return opacity < 1.0 ? fmt::format("fill=\"{}\" fill-opacity=\"{}\"", color, opacity)
                       : fmt::format("fill=\"{}\"", color);
}
inline std::string stroke(std::string_view color, double width, bool dashed = false) {
  return fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}", color, width,
                     dashed ? " stroke-dasharray=\"6 4\"" : "");
}

/// One <svg class="chart"> being drawn.
class Svg {
 public:
  Svg(std::string_view name, std::size_t alternative, double width, double height, std::string_view title)
      : prefix_(fmt::format("{}-{}", name, alternative)), width_(width) {
    out_ = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{}\" data-alternative=\"{}\" "
        "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\"><title>{}</title>\n",
        name, alternative, width, height, width, height, esc(title));
  }
  /// A document-wide unique id for a pattern or clip path of this chart.
  std::string id(std::string_view local) const { return prefix_ + "-" + std::string(local); }
  double width() const { return width_; }
  void add(std::string_view element) {
    out_ += element;
    out_ += '\n';
  }
  void text(double x, double y, std::string_view s, std::string_view attrs = "") {
    add(fmt::format("<text x=\"{}\" y=\"{}\" {}>{}</text>", c(x), c(y), attrs, esc(s)));
  }
  /// The diagonal white stripes laid over the bars of team payments.
  void define_hatch() {
    add(
        fmt::format("<defs><pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                    "patternTransform=\"rotate(45)\"><rect x=\"0\" y=\"0\" width=\"2.5\" height=\"6\" fill=\"#ffffff\" "
                    "fill-opacity=\"0.7\"/></pattern></defs>",
                    id("hatch")));
  }
  std::string finish() && { return std::move(out_) + "</svg>"; }

 private:
  std::string prefix_, out_;
  double width_;
};

/// A plot area inside an Svg with its axes; draws in data units.
class Panel {
 public:
  /// Draws the grid, the axes with their ticks and titles, and the panel title above the area.
  Panel(Svg& svg, Box area, Axis x, Axis y, std::string_view title = "")
      : svg_(svg), area_(area), x_(std::move(x)), y_(std::move(y)) {
    if (!title.empty()) svg_.text(area_.x, area_.y - 24, title, "class=\"ptitle\"");
    if (!y_.title.empty()) svg_.text(area_.x, area_.y - 8, y_.title, "class=\"unit\"");
    for (const Tick& t : y_.ticks) {
      if (y_.values) segment(x_.range.lo, t.at, x_.range.hi, t.at, "stroke=\"#e3e3e3\" stroke-width=\"1\"");
      svg_.text(area_.x - 6, py(t.at) + 4, t.label, "text-anchor=\"end\"");
    }
    for (const Tick& t : x_.ticks) {
      if (x_.values) segment(t.at, y_.range.lo, t.at, y_.range.hi, "stroke=\"#e3e3e3\" stroke-width=\"1\"");
      svg_.text(px(t.at), area_.y + area_.h + 15, t.label, "text-anchor=\"middle\"");
    }
    if (!x_.title.empty())
      svg_.text(area_.x + area_.w / 2, area_.y + area_.h + 32, x_.title, "text-anchor=\"middle\" class=\"unit\"");
    svg_.add(fmt::format("<path d=\"M{} {}V{}H{}\" {}/>", c(area_.x), c(area_.y), c(area_.y + area_.h),
                         c(area_.x + area_.w), stroke("#9a9a9a", 1)));
  }
  double px(double v) const { return area_.x + area_.w * (v - x_.range.lo) / (x_.range.hi - x_.range.lo); }
  double py(double v) const { return area_.y + area_.h * (y_.range.hi - v) / (y_.range.hi - y_.range.lo); }

  /// The rectangle between two x and two y values.
  void rect(double x0, double x1, double y0, double y1, std::string_view attrs) {
    if (!std::isfinite(x0 + x1 + y0 + y1)) return;
    const double left = std::min(px(x0), px(x1)), top = std::min(py(y0), py(y1));
    svg_.add(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>", c(left), c(top),
                         c(std::fabs(px(x1) - px(x0))), c(std::fabs(py(y1) - py(y0))), attrs));
  }
  void segment(double x0, double y0, double x1, double y1, std::string_view attrs) {
    if (!std::isfinite(x0 + x1 + y0 + y1)) return;
    svg_.add(fmt::format("<path d=\"M{} {}L{} {}\" {}/>", c(px(x0)), c(py(y0)), c(px(x1)), c(py(y1)), attrs));
  }
  /// A line through the points (x = index), broken where a value is not finite.
  void line(std::span<const double> ys, std::string_view attrs) {
    std::string d;
    bool pen_down = false;
    for (std::size_t i = 0; i < ys.size(); ++i) {
      pen_down = pen_down && std::isfinite(ys[i]);
      if (!std::isfinite(ys[i])) continue;
      d += fmt::format("{}{} {}", pen_down ? "L" : "M", c(px(static_cast<double>(i))), c(py(ys[i])));
      pen_down = true;
    }
    if (!d.empty()) svg_.add(fmt::format("<path d=\"{}\" {}/>", d, attrs));
  }
  /// The area between a low and a high series (x = index).
  void band(std::span<const double> lo, std::span<const double> hi, std::string_view attrs) {
    std::string d;
    for (std::size_t i = 0; i < lo.size(); ++i)
      if (std::isfinite(lo[i]))
        d += fmt::format("{}{} {}", d.empty() ? "M" : "L", c(px(static_cast<double>(i))), c(py(lo[i])));
    for (std::size_t i = hi.size(); i-- > 0;)
      if (std::isfinite(hi[i])) d += fmt::format("L{} {}", c(px(static_cast<double>(i))), c(py(hi[i])));
    if (!d.empty()) svg_.add(fmt::format("<path d=\"{}Z\" {}/>", d, attrs));
  }
  void diamond(double x, double y, double r, std::string_view attrs) {
    if (!std::isfinite(x + y)) return;
    svg_.add(fmt::format("<path d=\"M{} {}l{} {}l{} {}l{} {}Z\" {}/>", c(px(x)), c(py(y) - r), c(r), c(r), c(-r), c(r),
                         c(-r), c(-r), attrs));
  }
  void dot(double x, double y, double r, std::string_view attrs) {
    if (!std::isfinite(x + y)) return;
    svg_.add(fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>", c(px(x)), c(py(y)), c(r), attrs));
  }
  /// A vertical mark across the whole area with a label at its top.
  void mark_x(double x, std::string_view label) {
    segment(x, y_.range.lo, x, y_.range.hi, stroke(kInk, 1.5, true));
    svg_.text(px(x) + 4, area_.y + 12, label, "class=\"mark\"");
  }
  /// A horizontal or vertical 95% interval: a line with short caps.
  void whisker(double at, double lo, double hi, bool horizontal) {
    const std::string ink = stroke(kInk, 1.2);
    const double cap = 0.12;
    if (horizontal) {
      segment(lo, at, hi, at, ink);
      segment(lo, at - cap, lo, at + cap, ink);
      segment(hi, at - cap, hi, at + cap, ink);
    } else {
      segment(at, lo, at, hi, ink);
      segment(at - cap, lo, at + cap, lo, ink);
      segment(at - cap, hi, at + cap, hi, ink);
    }
  }
  /// The line at value zero of the value axes, where it lies inside the area.
  void zero_line() {
    if (y_.values && y_.range.lo * y_.range.hi < 0) segment(x_.range.lo, 0, x_.range.hi, 0, stroke("#555555", 1));
    if (x_.values && x_.range.lo * x_.range.hi < 0) segment(0, y_.range.lo, 0, y_.range.hi, stroke("#555555", 1));
  }

 private:
  Svg& svg_;
  Box area_;
  Axis x_, y_;
};

/// How a legend entry is drawn.
enum class Swatch : std::uint8_t { Box, Hatch, Line, Dashed, Band, Diamond, Dot };
struct LegendEntry {
  std::string label;
  std::string_view color;
  Swatch swatch = Swatch::Box;
};

/// A legend's max_width that puts every entry on its own row.
constexpr double kOnePerRow = 0;
/// Legend entries laid out from (x, y) to the right, wrapping at max_width; returns the height used.
inline double legend(Svg& svg, double x, double y, double max_width, std::span<const LegendEntry> entries) {
  constexpr double kRow = 18, kCharWidth = 6.4;
  double cx = x, cy = y;
  for (const LegendEntry& e : entries) {
    const double w = 26 + kCharWidth * static_cast<double>(e.label.size()) + 14;
    if (cx > x && cx + w > x + max_width) cx = x, cy += kRow;
    const std::string mid = c(cy - 4);
    switch (e.swatch) {
      case Swatch::Box:
      case Swatch::Hatch:
        svg.add(
            fmt::format("<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"11\" {}/>", c(cx), c(cy - 10), fill(e.color)));
        if (e.swatch == Swatch::Hatch)
          svg.add(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"11\" fill=\"url(#{})\"/>", c(cx),
                              c(cy - 10), svg.id("hatch")));
        break;
      case Swatch::Band:
        svg.add(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"11\" {}/>", c(cx), c(cy - 10),
                            fill(e.color, 0.25)));
        break;
      case Swatch::Line:
      case Swatch::Dashed:
        svg.add(
            fmt::format("<path d=\"M{} {}h18\" {}/>", c(cx), mid, stroke(e.color, 2.5, e.swatch == Swatch::Dashed)));
        break;
      case Swatch::Diamond:
        svg.add(fmt::format("<path d=\"M{} {}l5 5l-5 5l-5 -5Z\" {}/>", c(cx + 9), c(cy - 9), fill(e.color)));
        break;
      case Swatch::Dot:
        svg.add(fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" {}/>", c(cx + 9), mid, fill(e.color)));
        break;
    }
    svg.text(cx + 24, cy, e.label);
    cx += w;
  }
  return cy - y + kRow;
}

/// Mean, low and high of a series of Stats as three columns.
struct Columns {
  std::vector<double> mean, lo, hi;
};
template <class Get>
inline Columns columns(std::size_t count, Get get) {
  Columns out;
  for (std::size_t i = 0; i < count; ++i) {
    const Stat& s = get(i);
    out.mean.push_back(s.mean), out.lo.push_back(s.ci_low), out.hi.push_back(s.ci_high);
  }
  return out;
}



/// Labels placed as near their wanted heights as the others allow, never on top of one another: y values in pixels,
/// `gap` apart at least, within [top, bottom] (when they fit).
inline std::vector<double> spread(const std::vector<double>& wanted, double gap, double top, double bottom) {
  std::vector<std::size_t> order(wanted.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return wanted[a] < wanted[b]; });
  std::vector<double> placed(wanted.size());
  double previous = top - gap;
  for (const std::size_t i : order) previous = placed[i] = std::max(wanted[i], previous + gap);
  double next = bottom + gap;
  for (auto it = order.rbegin(); it != order.rend(); ++it) next = placed[*it] = std::min(placed[*it], next - gap);
  return placed;
}

}  // namespace wijksim::report::kit
