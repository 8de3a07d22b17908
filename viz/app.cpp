#include "viz/app.hpp"

#include "scenarios/loader.hpp"

#include <SFML/OpenGL.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <iostream>

namespace wijksim::viz {

namespace {

constexpr std::array<double, 7> kSpeeds{0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0};  ///< months a second
constexpr float kTitle = 44.0F, kBar = 92.0F;
constexpr int kFramesPerMonth = 6;  ///< frames of a --frames sequence per month (the glide)

/// How long a glide of the dots lasts at a playback speed, seconds.
float glide_seconds(double months_a_second) { return static_cast<float>(std::min(0.6, 0.8 / months_a_second)); }

std::string renderer_name() {
  using GetString = const GLubyte* (*)(GLenum);
  const auto get = reinterpret_cast<GetString>(sf::Context::getFunction("glGetString"));
  const GLubyte* name = get != nullptr ? get(GL_RENDERER) : nullptr;
  return name != nullptr ? std::string(reinterpret_cast<const char*>(name)) : "unknown";
}

/// A texture of the window's size with the window's view, to draw views off screen.
void make_texture(sf::RenderTexture& texture, sf::Vector2u size) {
  if (!texture.create(size.x, size.y)) throw std::runtime_error("cannot create a texture to draw on");
  texture.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y))));
}

}  // namespace

std::optional<sf::Keyboard::Key> key_from_name(std::string_view name) {
  using K = sf::Keyboard;
  static constexpr std::array<std::pair<std::string_view, K::Key>, 32> kKeys{{
      {"space", K::Space}, {"right", K::Right}, {"n", K::N}, {"plus", K::Add}, {"minus", K::Subtract},
      {"r", K::R}, {"s", K::S}, {"t", K::T}, {"m", K::M}, {"up", K::Up}, {"down", K::Down}, {"y", K::Y},
      {"c", K::C}, {"tab", K::Tab}, {"l", K::L}, {"h", K::H}, {"f1", K::F1}, {"p", K::P}, {"f12", K::F12},
      {"q", K::Q}, {"j", K::J}, {"w", K::W}, {"f", K::F}, {"1", K::Num1}, {"2", K::Num2}, {"3", K::Num3},
      {"4", K::Num4}, {"5", K::Num5}, {"6", K::Num6}, {"7", K::Num7}, {"8", K::Num8}, {"9", K::Num9}}};
  for (const auto& [n, key] : kKeys)
    if (n == name) return key;
  return std::nullopt;
}

App::App(const Options& options, const Fonts& fonts, const std::vector<scenarios::ScenarioDef>& configurations)
    : options_(options), fonts_(fonts), lang_(options.lang), seed_(configurations.front().run.seed) {
  const char* names[] = {"A", "B"};
  for (std::size_t i = 0; i < configurations.size() && i < 2; ++i)
    alts_.push_back(std::make_unique<Alternative>(configurations[i], fmt::format("{}: {}", names[i], configurations[i].name)));
  split_ = alts_.size() == 2;
  present_ = options.present || !options.steps.empty();
}

std::vector<std::size_t> App::shown() const {
  if (split_) return {0, 1};
  return {0};
}

void App::step_all() {
  for (auto& alt : alts_) alt->step();
  since_step_ = 0.0F;
}

void App::set_progress(float t) {
  for (FlowsView& view : flows_) view.set_progress(t);
}

void App::reset(std::uint64_t seed) {
  seed_ = seed;
  for (auto& alt : alts_) alt->reset(seed);
  status_ = fmt::format("{} {}", label(Label::Seed, lang_), seed);
}

void App::toggle_split() {
  if (alts_.size() == 1) {
    // B starts as a copy of A's configuration and catches up with A's month on the same households.
    auto copy = std::make_unique<Alternative>(alts_[0]->def(), fmt::format("B: {}", alts_[0]->def().name));
    while (copy->month() < alts_[0]->month()) copy->step();
    alts_.push_back(std::move(copy));
    split_ = true;
  } else {
    split_ = !split_;
  }
  side_ = split_ ? side_ : 0;
}

// ---- Drawing -----------------------------------------------------------------------------------------------

std::vector<std::string> App::draw_checked(sf::RenderTarget& target) {
  std::vector<std::string> found;
  overflows_ = &found;
  ui_.begin_frame(mouse_, false, false);
  draw(target);
  overflows_ = nullptr;
  return found;
}

void App::draw(sf::RenderTarget& target) {
  if (present_) return draw_presenter(target);
  const sf::Vector2f size = target.getView().getSize();
  target.clear(palette::kBackground);
  Canvas c(target, fonts_, lang_);
  c.check_into(overflows_);
  c.inject_unmeasured(options_.check_inject);
  c.region({0.0F, 0.0F, size.x, kTitle}, "title bar");
  draw_title(c, size);
  const std::vector<std::size_t> sides = shown();
  const float content_h = size.y - kTitle - kBar;
  const float half = size.x / static_cast<float>(sides.size());
  for (std::size_t s : sides) draw_side(c, s, {half * static_cast<float>(s), kTitle, half, content_h});
  c.region({0.0F, size.y - kBar, size.x, kBar}, "control bar");
  draw_controls(c, {0.0F, size.y - kBar, size.x, kBar});
  if (help_) {
    draw_help(c, size);
  } else {
    draw_tips(c, mouse_, shown());
  }
}

void App::draw_presenter(sf::RenderTarget& target) {
  const sf::View window_view = target.getView();
  const sf::Vector2f size = window_view.getSize();
  target.clear(palette::kBackground);
  const float caption_h = std::round(size.y * 0.1F);
  {
    // The caption line: the trainer's words for this step, and the month.
    Canvas c(target, fonts_, lang_);
    c.check_into(overflows_);
    c.region({0.0F, 0.0F, size.x, caption_h}, "caption line");
    c.rect({0.0F, 0.0F, size.x, caption_h}, palette::kBar);
    const Alternative& a = *alts_.front();
    const unsigned big = caption_h >= 80.0F ? 26U : 21U;
    const float month_w =
        c.text(fmt::format("{} {} / {}", c.tr(Label::Month), a.month(), a.def().run.months),
               {size.x - 16.0F, (caption_h - static_cast<float>(big)) / 2.0F - 3.0F}, big, sf::Color::White, Align::Right, true);
    const std::string caption = caption_.empty() ? std::string(c.tr(Label::Title)) : caption_;
    const float width = size.x - month_w - 56.0F;
    const unsigned font = c.wrap(caption, big, width, true).size() > 1 ? big - 4 : big;
    const float line_h = std::round(static_cast<float>(font) * 1.3F);
    const float lines = std::min<float>(2.0F, static_cast<float>(c.wrap(caption, font, width, true).size()));
    c.paragraph(caption, {18.0F, std::round((caption_h - line_h * lines) / 2.0F)}, font, width, sf::Color::White, 2, true);
  }
  // One panel, or two side by side (with the split screen on and one panel: A's and B's), enlarged by a view.
  std::vector<std::pair<std::size_t, PanelKind>> slots;
  if (split_ && panels_.size() == 1) {
    slots = {{0, panels_.front()}, {1, panels_.front()}};
  } else {
    for (const PanelKind k : panels_) slots.emplace_back(split_ ? side_ : 0, k);
  }
  const float zoom = std::clamp(size.y / 600.0F, 1.0F, 3.0F);
  const float slot_w = size.x / static_cast<float>(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto [side, kind] = slots[i];
    const sf::FloatRect px{slot_w * static_cast<float>(i), caption_h, slot_w, size.y - caption_h};
    sf::View view(sf::FloatRect(px.left / zoom, px.top / zoom, px.width / zoom, px.height / zoom));
    view.setViewport({px.left / size.x, px.top / size.y, px.width / size.x, px.height / size.y});
    target.setView(view);
    Canvas c(target, fonts_, lang_);
    c.set_zoom(zoom);
    c.check_into(overflows_);
    c.inject_unmeasured(options_.check_inject);
    sf::FloatRect r{px.left / zoom + 4.0F, px.top / zoom + 4.0F, px.width / zoom - 8.0F, px.height / zoom - 8.0F};
    if (split_) {
      c.region({r.left, r.top, r.width, 24.0F}, "side header");
      c.rect({r.left, r.top, r.width, 24.0F}, side == 0 ? palette::kTeam : palette::kBar);
      c.text(c.fit(side_title(side, c), 14, r.width - 16.0F, true), {r.left + 8.0F, r.top + 3.0F}, 14,
             sf::Color::White, Align::Left, true);
      r.top += 28.0F;
      r.height -= 28.0F;
    }
    draw_panel(c, side, kind, r, 16);
    if (px.contains(mouse_)) draw_tips(c, mouse_ / zoom, {side});
    else if (pinned_ && pinned_->first == side && kind == PanelKind::Flows) draw_tips(c, {-100.0F, -100.0F}, {side});
  }
  target.setView(window_view);
  if (help_) {
    Canvas c(target, fonts_, lang_);
    c.check_into(overflows_);
    draw_help(c, size);
  }
}

void App::draw_title(Canvas& c, sf::Vector2f size) {
  c.rect({0.0F, 0.0F, size.x, kTitle}, palette::kBar);
  c.text(c.tr(Label::Title), {14.0F, 9.0F}, 20, sf::Color::White, Align::Left, true);
  const Alternative& a = *alts_.front();
  const std::string when =
      fmt::format("{} {} / {}  ({} {})   {} {}{}", c.tr(Label::Month), a.month(), a.def().run.months,
                  c.tr(Label::Year), a.month() == 0 ? 0 : kernel::year_of(a.month() - 1), c.tr(Label::Seed), seed_,
                  a.finished() ? fmt::format("   · {}", c.tr(Label::Finished)) : std::string());
  c.text(when, {size.x - 14.0F, 12.0F}, 16, sf::Color::White, Align::Right);
}

std::string App::side_title(std::size_t side, const Canvas& c) const {
  // The configuration's name and what its controls are set to now, so a header never claims a setting that
  // was switched off.
  const Alternative& alt = *alts_[side];
  if (!alt.has_team()) return fmt::format("{} · {}", alt.name(), c.tr(Label::NoTeam));
  const TeamControls& ctl = alt.controls();
  return fmt::format("{} · {} · {} {} · {}", alt.name(), c.tr(ctl.on ? Label::TeamOn : Label::TeamOff),
                     decimal_text(ctl.on ? alt.run().project().teams().front().fte() : 0.0, 1, c.lang()),
                     c.tr(Label::Fte), c.tr(ctl.mandate ? Label::MandateOn : Label::MandateOff));
}

void App::draw_side(Canvas& c, std::size_t side, const sf::FloatRect& area) {
  sf::FloatRect r = area;
  const unsigned title = split_ ? 13U : 16U;
  if (split_) {
    // Which configuration this half shows, and whether the controls act on it.
    const bool active = side == side_;
    c.region({r.left + 4.0F, r.top + 4.0F, r.width - 8.0F, 24.0F}, "side header");
    c.rect({r.left + 4.0F, r.top + 4.0F, r.width - 8.0F, 24.0F}, active ? palette::kTeam : palette::kGrid);
    c.text(c.fit(side_title(side, c), 14, r.width - 24.0F, true), {r.left + 12.0F, r.top + 7.0F}, 14,
           active ? sf::Color::White : palette::kText, Align::Left, true);
    r.top += 28.0F;
    r.height -= 28.0F;
  }
  const float pad = 4.0F;
  const float left_w = std::round(r.width * 0.55F), right_w = r.width - left_w;
  const float flows_h = std::round(r.height * 0.6F), services_h = std::round(r.height * 0.5F);
  const auto slot = [&](float x, float y, float w, float h) { return sf::FloatRect{x + pad, y + pad, w - 2 * pad, h - 2 * pad}; };
  draw_panel(c, side, PanelKind::Flows, slot(r.left, r.top, left_w, flows_h), title);
  draw_panel(c, side, jcurve_ ? PanelKind::JCurve : PanelKind::OverTime,
             slot(r.left, r.top + flows_h, left_w, r.height - flows_h), title);
  draw_panel(c, side, PanelKind::Services, slot(r.left + left_w, r.top, right_w, services_h), title);
  draw_panel(c, side, PanelKind::Money, slot(r.left + left_w, r.top + services_h, right_w, r.height - services_h),
             title);
}

void App::draw_panel(Canvas& c, std::size_t side, PanelKind kind, const sf::FloatRect& r, unsigned title) {
  const Alternative& alt = *alts_[side];
  static constexpr std::array<Label, 5> kTitles{Label::Flows, Label::Services, Label::Money, Label::TimeSeries,
                                                Label::JCurve};
  const sf::FloatRect inner = c.panel(r, c.tr(kTitles[static_cast<std::size_t>(kind)]), title);
  switch (kind) {
    case PanelKind::Flows: {
      FlowsView& view = flows_[side];
      view.update(alt, inner);
      view.draw(c, alt);
      if (alt.stride() > 1)
        c.text(c.fit(fmt::format(fmt::runtime(c.tr(Label::Showing)), alt.stride()), 11, inner.width * 0.5F),
               {inner.left, inner.top}, 11, palette::kMuted);
      break;
    }
    case PanelKind::Services: draw_services(c, alt, inner); break;
    case PanelKind::Money: pockets_[side] = draw_money(c, alt, inner, money_); break;
    case PanelKind::OverTime: draw_time_series(c, alt, inner); break;
    case PanelKind::JCurve: draw_j_curve(c, alt, inner); break;
  }
}

void App::draw_tips(Canvas& c, sf::Vector2f mouse, const std::vector<std::size_t>& sides) {
  // A click on a household pins its tip, which then follows the household; a click elsewhere lets go.
  if (click_ && !ui_.busy()) {
    pinned_.reset();
    for (const std::size_t side : sides)
      if (const auto dot = flows_[side].dot_at(mouse)) pinned_ = {side, *dot};
    click_ = false;
  }
  if (pinned_ && std::find(sides.begin(), sides.end(), pinned_->first) != sides.end() &&
      pinned_->second < alts_[pinned_->first]->dots()) {
    const auto [side, dot] = *pinned_;
    const sf::Vector2f at = flows_[side].position(dot);
    c.rect({at.x - 4.0F, at.y - 4.0F, 8.0F, 8.0F}, palette::kBar);
    draw_household_tip(c, *alts_[side], dot, at);
    return;
  }
  for (std::size_t side : sides) {
    if (const auto dot = flows_[side].dot_at(mouse)) return draw_household_tip(c, *alts_[side], *dot, mouse);
    for (const auto& [row, pocket] : pockets_[side])
      if (row.contains(mouse)) return draw_pocket_tip(c, *alts_[side], pocket, mouse);
  }
  // A text shortened to fit: its whole wording.
  for (const auto& [where, full] : c.shortened())
    if (where.contains(mouse)) return draw_text_tip(c, full, mouse);
}

void App::draw_controls(Canvas& c, const sf::FloatRect& bar) {
  c.rect(bar, sf::Color{226, 228, 234});
  c.line({bar.left, bar.top}, {bar.left + bar.width, bar.top}, palette::kZero);
  const float y = bar.top + 8.0F, h = 30.0F;
  float x = bar.left + 10.0F;
  const auto button = [&](float w, std::string_view text, bool lit = false) {
    const bool clicked = ui_.button(c, {x, y, w, h}, text, lit);
    x += w + 6.0F;
    return clicked;
  };
  if (button(84.0F, c.tr(playing_ ? Label::Pause : Label::Play), playing_)) playing_ = !playing_;
  if (button(64.0F, c.tr(Label::Step))) step_all();
  if (button(70.0F, c.tr(Label::Slower))) speed_ = speed_ > 0 ? speed_ - 1 : 0;
  if (button(70.0F, c.tr(Label::Faster))) speed_ = std::min(speed_ + 1, kSpeeds.size() - 1);
  if (button(80.0F, c.tr(Label::Reset))) reset(seed_);
  if (button(104.0F, c.tr(Label::NewSeed))) reset(seed_ + 1);
  if (button(52.0F, c.tr(Label::Split), split_)) toggle_split();
  if (button(46.0F, c.tr(Label::Language))) lang_ = lang_ == Lang::En ? Lang::Nl : Lang::En;
  if (button(60.0F, c.tr(Label::Help), help_)) help_ = !help_;
  if (button(124.0F, c.tr(Label::Screenshot))) shot_ = true;
  std::string speed = fmt::format(fmt::runtime(c.tr(Label::Speed)), decimal_text(kSpeeds[speed_], kSpeeds[speed_] < 1.0 ? 1 : 0, lang_));
  if (!status_.empty()) speed += "   ·   " + status_;
  c.text(speed, {x + 8.0F, y + 6.0F}, 14, palette::kText);
  draw_team_controls(c, {bar.left + 10.0F, y + h + 8.0F, bar.width - 20.0F, h + 8.0F});
}

void App::draw_team_controls(Canvas& c, const sf::FloatRect& row) {
  Alternative& alt = *alts_[side_];
  float x = row.left;
  if (split_) {
    c.text(fmt::format("{} {} [Tab]", c.tr(Label::Side), alt.name().substr(0, 1)), {x, row.top + 10.0F}, 13,
           palette::kTeam, Align::Left, true);
    x += 140.0F;
  }
  if (!alt.has_team()) {
    c.text(c.tr(Label::NoTeam), {x, row.top + 10.0F}, 14, palette::kMuted);
    return;
  }
  TeamControls& ctl = alt.controls();
  bool changed = false;
  if (ui_.button(c, {x, row.top + 4.0F, 110.0F, 30.0F}, c.tr(ctl.on ? Label::TeamOn : Label::TeamOff), ctl.on)) {
    ctl.on = !ctl.on;
    changed = true;
  }
  x += 116.0F;
  if (ui_.button(c, {x, row.top + 4.0F, 130.0F, 30.0F}, c.tr(ctl.mandate ? Label::MandateOn : Label::MandateOff),
                 ctl.mandate)) {
    ctl.mandate = !ctl.mandate;
    changed = true;
  }
  x += 136.0F;
  // Levels taken in: one box per level in its colour; the last one cannot be unchecked.
  const float target_w = c.text(c.fit(c.tr(Label::Target), 12, 90.0F), {x, row.top + 2.0F}, 12, palette::kMuted);
  for (std::size_t l = 0; l < agents::kLevelCount; ++l) {
    const std::uint32_t bit = 1U << l;
    if (ui_.checkbox(c, {x + 4.0F * static_cast<float>(l) + 26.0F * static_cast<float>(l), row.top + 16.0F, 24.0F, 20.0F},
                     level_colour(static_cast<agents::Level>(l)), (ctl.target & bit) != 0) &&
        (ctl.target & ~bit) != 0) {
      ctl.target ^= bit;
      changed = true;
    }
  }
  x += std::max(target_w, 4.0F * 30.0F) + 16.0F;
  const float w = std::max(140.0F, (row.left + row.width - x) / 4.0F - 16.0F);
  const auto slider = [&](Label name, double& value, double lo, double hi, double step, const std::string& text) {
    changed = ui_.slider(c, {x, row.top, w, row.height}, c.tr(name), value, lo, hi, step, text) || changed;
    x += w + 16.0F;
  };
  // With the team off it works 0 FTE; the slider keeps the FTE it gets back when switched on.
  slider(Label::Fte, ctl.fte, 0.0, 20.0, 0.5,
         ctl.on ? decimal_text(ctl.fte, 1, lang_)
                : fmt::format("{} ({})", decimal_text(0.0, 1, lang_), decimal_text(ctl.fte, 1, lang_)));
  slider(Label::Norm, ctl.norm, 10.0, 100.0, 1.0, count_text(ctl.norm, lang_));
  slider(Label::Outreach, ctl.outreach, 0.0, 20.0, 0.5, decimal_text(ctl.outreach, 1, lang_));
  slider(Label::Budget, ctl.budget, 0.0, 200000.0, 5000.0, short_euro_text(ctl.budget, lang_));
  if (changed) alt.apply_controls();
}

// ---- Input and loops ---------------------------------------------------------------------------------------

void App::on_key(sf::Keyboard::Key key) {
  using K = sf::Keyboard;
  TeamControls& ctl = alts_[side_]->controls();
  const auto team_change = [&](auto&& change) {
    if (!alts_[side_]->has_team()) return;
    change();
    alts_[side_]->apply_controls();
  };
  switch (key) {
    case K::Space: playing_ = !playing_; break;
    case K::Right: case K::N: step_all(); break;
    case K::Add: case K::Equal: speed_ = std::min(speed_ + 1, kSpeeds.size() - 1); break;
    case K::Subtract: case K::Hyphen: speed_ = speed_ > 0 ? speed_ - 1 : 0; break;
    case K::R: reset(seed_); break;
    case K::S: reset(seed_ + 1); break;
    case K::T: team_change([&] { ctl.on = !ctl.on; }); break;
    case K::M: team_change([&] { ctl.mandate = !ctl.mandate; }); break;
    case K::Up: team_change([&] { ctl.fte = std::min(20.0, ctl.fte + 0.5); }); break;
    case K::Down: team_change([&] { ctl.fte = std::max(0.0, ctl.fte - 0.5); }); break;
    case K::J: jcurve_ = !jcurve_; break;
    case K::Y: money_ = money_ == MoneyView::Cumulative ? MoneyView::Year : MoneyView::Cumulative; break;
    case K::C: toggle_split(); break;
    case K::Tab: side_ = split_ ? 1 - side_ : 0; break;
    case K::L: lang_ = lang_ == Lang::En ? Lang::Nl : Lang::En; break;
    case K::P: case K::F12: shot_ = true; break;
    case K::W: save_configuration(); break;
    case K::F: present_ = !present_; break;
    case K::Num6: case K::Num7: case K::Num8: case K::Num9: {
      const std::uint32_t bit = 1U << static_cast<unsigned>(key - K::Num6);
      team_change([&] {
        if ((ctl.target & ~bit) != 0) ctl.target ^= bit;
      });
      break;
    }
    case K::Num1: case K::Num2: case K::Num3: case K::Num4: case K::Num5: {
      const auto kind = static_cast<PanelKind>(key - K::Num1);
      if (shift_ && panels_.size() == 1 && panels_.front() != kind) {
        panels_.push_back(kind);
      } else {
        panels_ = {kind};
      }
      present_ = true;
      break;
    }
    case K::H: case K::F1: help_ = !help_; break;
    case K::Escape: case K::Q: quit_ = true; break;
    default: break;
  }
}

void App::apply_due_steps() {
  while (next_step_ < options_.steps.size() && options_.steps[next_step_].month <= alts_.front()->month())
    apply_step(options_.steps[next_step_++]);
}

void App::apply_step(const ScriptStep& step) {
  if (step.present) present_ = *step.present;
  if (step.caption) caption_ = *step.caption;
  if (step.pause) playing_ = false;
  if (!step.panels.empty()) panels_ = step.panels;
  if (step.lang) lang_ = *step.lang;
  if (step.split && *step.split != split_) toggle_split();
  if (step.side) side_ = split_ ? *step.side : 0;
  Alternative& alt = *alts_[side_];
  if (!alt.has_team()) return;
  TeamControls& ctl = alt.controls();
  if (step.team) ctl.on = *step.team;
  if (step.mandate) ctl.mandate = *step.mandate;
  if (step.fte) ctl.fte = *step.fte;
  alt.apply_controls();
}

std::string App::screenshot_name() const {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  return fmt::format("wijksim-viz-{}-m{:03}.png", stamp, alts_.front()->month());
}

void App::save_configuration() {
  const Alternative& alt = *alts_[side_];
  std::string file = options_.save_as;
  if (file.empty()) {
    file = screenshot_name();
    file.replace(file.size() - 4, 4, ".toml");
  }
  const scenarios::ScenarioDef def = alt.configuration();
  const TeamControls& ctl = alt.controls();
  std::ofstream out(file);
  out << fmt::format("# Saved by wijksim-viz from '{}' at month {}: the team controls as set in the window{}.\n"
                     "# Check it with `wijksim validate {}`; run it with `wijksim run {}` or `wijksim compare`.\n",
                     alt.def().name, alt.month(),
                     alt.has_team() ? fmt::format(" (team {}, {} FTE, norm {}, outreach {}, mandate {}, budget {})",
                                                  ctl.on ? "on" : "off", ctl.fte, ctl.norm, ctl.outreach,
                                                  ctl.mandate ? "on" : "off", ctl.budget)
                                    : std::string(),
                     file, file)
      << scenarios::to_toml(def);
  out.close();
  status_ = out ? fmt::format("{}: {}", label(Label::SavedConfiguration, lang_), file)
                : fmt::format("{}: {}", label(Label::CannotWrite, lang_), file);
  std::cout << status_ << "\n";
}

bool App::save_png(const std::string& file, sf::Vector2u size) {
  sf::RenderTexture texture;
  if (!texture.create(size.x, size.y)) return false;
  texture.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y))));
  ui_.begin_frame(mouse_, false, false);
  draw(texture);
  texture.display();
  return texture.getTexture().copyToImage().saveToFile(file);
}

int App::run_window() {
  sf::RenderWindow window(sf::VideoMode(options_.width, options_.height), "wijksim-viz");
  window.setFramerateLimit(60);
  sf::Clock clock;
  bool pressed = false;
  while (window.isOpen() && !quit_) {
    sf::Event event;
    while (window.pollEvent(event)) {
      if (event.type == sf::Event::Closed) quit_ = true;
      if (event.type == sf::Event::Resized)
        window.setView(sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(event.size.width),
                                              static_cast<float>(event.size.height))));
      if (event.type == sf::Event::KeyPressed) {
        shift_ = event.key.shift;
        on_key(event.key.code);
      }
      if (event.type == sf::Event::MouseMoved)
        mouse_ = window.mapPixelToCoords({event.mouseMove.x, event.mouseMove.y});
      if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left) {
        pressed = true;
        click_ = true;
      }
    }
    const float dt = clock.restart().asSeconds();
    since_step_ += dt;
    apply_due_steps();
    const double speed = kSpeeds[speed_];
    if (playing_ && since_step_ >= static_cast<float>(1.0 / speed) && !alts_.front()->finished()) step_all();
    set_progress(since_step_ / glide_seconds(speed));
    ui_.begin_frame(mouse_, pressed, sf::Mouse::isButtonPressed(sf::Mouse::Left));
    pressed = false;
    draw(window);
    window.display();
    if (shot_) {
      shot_ = false;
      const std::string file = screenshot_name();
      status_ = save_png(file, window.getSize()) ? fmt::format("{}: {}", label(Label::Saved, lang_), file)
                                                 : "screenshot failed";
    }
  }
  return 0;
}

int App::run_headless() {
  const sf::Vector2u size{options_.width, options_.height};
  const std::uint32_t months = std::min(options_.months.value_or(12), alts_.front()->def().run.months);
  std::size_t frame = 0;
  const auto write_frame = [&]() {
    const std::string file = fmt::format("{}/frame_{:05}.png", options_.frames, frame++);
    if (!save_png(file, size)) throw std::runtime_error("cannot write " + file);
  };
  for (const std::string& name : options_.keys) on_key(*key_from_name(name));
  if (options_.mouse.size() == 2) mouse_ = {options_.mouse[0], options_.mouse[1]};
  if (!options_.frames.empty()) {
    std::filesystem::create_directories(options_.frames);
    write_frame();
  }
  apply_due_steps();
  for (std::uint32_t m = 0; m < months; ++m) {
    step_all();
    apply_due_steps();
    for (int k = 1; k <= kFramesPerMonth && !options_.frames.empty(); ++k) {
      set_progress(static_cast<float>(k) / kFramesPerMonth);
      write_frame();
    }
  }
  set_progress(1.0F);
  if (!options_.screenshot.empty() && !save_png(options_.screenshot, size)) {
    std::cerr << "error: cannot write " << options_.screenshot << "\n";
    return 1;
  }
  if (!options_.team_figures.empty()) write_team_figures(options_.team_figures);
  if (!options_.screenshot.empty()) std::cout << "wrote " << options_.screenshot << "\n";
  if (!options_.frames.empty()) std::cout << "wrote " << frame << " frames to " << options_.frames << "\n";
  return 0;
}

void App::write_team_figures(const std::string& file) const {
  // The first team of the configuration the controls act on, in the rows of `wijksim run`'s teams_by_month.csv.
  const sim::World& world = alts_[side_]->run().project();
  std::ofstream out(file);
  out << "month,team,metric,value\n";
  const auto names = services::team_metric_names();
  for (std::size_t m = 0; m < world.team_records().size(); ++m) {
    if (world.team_records()[m].empty()) continue;
    const std::vector<double> values = services::team_metric_values(world.team_records()[m].front());
    for (std::size_t k = 0; k < names.size() && k < values.size(); ++k)
      out << fmt::format("{},{},{},{}\n", m, world.teams().front().def().name, names[k], values[k]);
  }
  if (!out) throw std::runtime_error("cannot write " + file);
}

int App::run_text_check() {
  const std::uint32_t months = std::min(options_.months.value_or(24), alts_.front()->def().run.months);
  for (std::uint32_t m = 0; m < months; ++m) step_all();
  if (alts_.size() == 1) toggle_split();  // B beside A, on A's month
  set_progress(1.0F);
  std::vector<std::string> overflows;
  std::size_t views = 0;
  const bool was_split = split_;
  for (const sf::Vector2u size : {sf::Vector2u{1280, 720}, sf::Vector2u{1600, 900}}) {
    sf::RenderTexture texture;
    make_texture(texture, size);
    for (const Lang lang : {Lang::En, Lang::Nl})
      for (const bool split : {false, true})
        for (const bool jcurve : {false, true})
          for (const bool help : {false, true})
            for (int hover = 0; hover < 3; ++hover) {
              if (help && hover > 0) continue;
              lang_ = lang;
              split_ = split;
              jcurve_ = jcurve;
              money_ = jcurve ? MoneyView::Year : MoneyView::Cumulative;
              help_ = help;
              mouse_ = {-100.0F, -100.0F};
              ui_.begin_frame(mouse_, false, false);
              draw(texture);  // lays out the dots and pocket rows for this view
              if (hover == 1) {
                // A household: the first dot found on a grid over the window.
                for (unsigned py = static_cast<unsigned>(kTitle); py < size.y && mouse_.x < 0.0F; py += 7)
                  for (unsigned px = 0; px < size.x / 2; px += 7) {
                    const sf::Vector2f at{static_cast<float>(px), static_cast<float>(py)};
                    if (flows_[0].dot_at(at)) {
                      mouse_ = at;
                      break;
                    }
                  }
              } else if (hover == 2 && !pockets_[split ? 1 : 0].empty()) {
                // A pocket: the last row of the rightmost money panel, where the tip has least room.
                const sf::FloatRect row = pockets_[split ? 1 : 0].back().first;
                mouse_ = {row.left + row.width - 4.0F, row.top + row.height / 2.0F};
              }
              const std::string view = fmt::format("{}x{} {} {} {} {}{}", size.x, size.y, lang == Lang::Nl ? "nl" : "en",
                                                   split ? "split" : "single", jcurve ? "j-curve" : "over-time",
                                                   help ? "help" : "", hover == 1 ? "household-tip" : hover == 2 ? "pocket-tip" : "");
              const std::vector<std::string> found = draw_checked(texture);
              ++views;
              for (const std::string& line : found) overflows.push_back(fmt::format("{}: {}", view, line));
            }
  }
  // Presenter mode: each panel alone and two pairs, single and split, with a caption of two lines and more.
  caption_ = "A caption as long as a trainer might type it, so that it has to be wrapped onto a second line and "
             "shortened there, in both window sizes and both languages, and longer still";
  present_ = true;
  help_ = false;
  const std::vector<std::vector<PanelKind>> sets{{PanelKind::Flows}, {PanelKind::Services}, {PanelKind::Money},
                                                 {PanelKind::OverTime}, {PanelKind::JCurve},
                                                 {PanelKind::Flows, PanelKind::JCurve}, {PanelKind::Services, PanelKind::Money}};
  for (const sf::Vector2u size : {sf::Vector2u{1280, 720}, sf::Vector2u{1600, 900}}) {
    sf::RenderTexture texture;
    make_texture(texture, size);
    for (const Lang lang : {Lang::En, Lang::Nl})
      for (const bool split : {false, true})
        for (const auto& set : sets) {
          lang_ = lang;
          split_ = split;
          panels_ = set;
          mouse_ = {-100.0F, -100.0F};
          const std::vector<std::string> found = draw_checked(texture);
          ++views;
          std::string names;
          for (const PanelKind k : set) names += std::string(names.empty() ? "" : "+") + std::string(panel_name(k));
          for (const std::string& line : found)
            overflows.push_back(fmt::format("{}x{} {} {} presenter {}: {}", size.x, size.y, lang == Lang::Nl ? "nl" : "en",
                                            split ? "split" : "single", names, line));
        }
  }
  present_ = false;
  caption_.clear();
  split_ = was_split;
  for (const std::string& line : overflows) std::cout << line << "\n";
  std::cout << fmt::format("text check: {} views drawn, {} texts leave their panel\n", views, overflows.size());
  return overflows.empty() ? 0 : 1;
}

int App::run_bench() {
  sf::RenderWindow window(sf::VideoMode(options_.width, options_.height), "wijksim-viz bench");
  window.setVerticalSyncEnabled(false);
  window.setFramerateLimit(0);
  // A month first, so the dots glide and the charts have data.
  step_all();
  const auto measure = [&](bool simulate) {
    const auto start = std::chrono::steady_clock::now();
    for (unsigned i = 0; i < options_.bench_frames; ++i) {
      sf::Event event;
      while (window.pollEvent(event)) {
      }
      if (simulate && !alts_.front()->finished()) step_all();
      set_progress(static_cast<float>(i % 10) / 10.0F);
      ui_.begin_frame(mouse_, false, false);
      draw(window);
      window.display();
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const double draw_only = measure(false);
  const std::uint32_t before = alts_.front()->month();
  const double with_sim = measure(true);
  const double frames = options_.bench_frames;
  std::cout << fmt::format("renderer: {}\n", renderer_name());
  std::cout << fmt::format("window {}x{}, households {}, dots drawn {}, configurations {}\n", window.getSize().x,
                           window.getSize().y, alts_.front()->def().run.households, alts_.front()->dots(), alts_.size());
  std::cout << fmt::format("drawing only:            {:7.1f} fps ({:.2f} ms a frame, {} frames)\n", frames / draw_only,
                           1000.0 * draw_only / frames, options_.bench_frames);
  std::cout << fmt::format("drawing + simulation:    {:7.1f} fps ({:.2f} ms a frame, {} months simulated in both "
                           "worlds)\n",
                           frames / with_sim, 1000.0 * with_sim / frames, alts_.front()->month() - before);
  return 0;
}

}  // namespace wijksim::viz
