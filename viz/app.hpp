#pragma once
// The visualiser's window: one or two configurations (A/B split screen), each paired with the zero
// alternative, drawn as four panels with a control bar; played live, or headless to PNG files, or timed.
#include <SFML/Graphics.hpp>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario_def.hpp"
#include "viz/alternative.hpp"
#include "viz/canvas.hpp"
#include "viz/flows_view.hpp"
#include "viz/panels.hpp"
#include "viz/script.hpp"
#include "viz/widgets.hpp"

namespace wijksim::viz {

/// The command line of wijksim-viz.
struct Options {
  std::string scenario;                    ///< file or shipped name; empty: the shipped `wijkteam`
  std::string compare;                     ///< second configuration for the split screen; empty: none
  Lang lang = Lang::En;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> households;
  std::optional<std::uint32_t> months;     ///< headless: months to simulate before the screenshot
  std::string screenshot;                  ///< headless: PNG written after `months`
  std::string frames;                      ///< headless: folder for a numbered PNG sequence
  std::vector<std::string> keys;           ///< headless: keys pressed before the first month (scripted demos)
  std::vector<float> mouse;                ///< headless: mouse position x,y in pixels (shows the tip there)
  unsigned bench_frames = 0;               ///< frame-time benchmark: frames per measurement
  unsigned width = 1600, height = 900;     ///< window size in pixels
  std::vector<std::string> sets;           ///< scenario overrides key.path=value
  std::string save_as;                     ///< W writes the configuration here; empty: a timestamped name
  std::string team_figures;                ///< headless: CSV of the first team's figures, every month
  bool present = false;                    ///< start in presenter mode
  std::string script;                      ///< workshop script (presenter mode), see viz/script.hpp
  std::vector<ScriptStep> steps;           ///< the script, loaded
  bool check_text = false;                 ///< headless: draw every view and report text leaving its panel
  bool check_inject = false;               ///< with check_text: also draw each panel's title unmeasured (a fault)
  bool headless() const { return !screenshot.empty() || !frames.empty() || !team_figures.empty() || check_text; }
};

/// A key by its name in --keys ("space", "m", "up", "tab", ...); none for an unknown name.
std::optional<sf::Keyboard::Key> key_from_name(std::string_view name);

class App {
 public:
  /// The configurations to show (one, or two for the split screen), already loaded.
  App(const Options& options, const Fonts& fonts, const std::vector<scenarios::ScenarioDef>& configurations);

  /// The interactive window; returns the exit code.
  int run_window();
  /// Simulate, write the screenshot and/or the frame sequence, exit.
  int run_headless();
  /// Draw every view (sizes, languages, single and split, panels, tips, help) and list text leaving its panel;
  /// returns 0 when none does.
  int run_text_check();
  /// Time drawing only, then drawing with a month simulated every frame; print frames per second.
  int run_bench();

 private:
  void draw(sf::RenderTarget& target);
  /// One frame drawn for the text check: the texts that leave their panels.
  std::vector<std::string> draw_checked(sf::RenderTarget& target);
  void draw_title(Canvas& c, sf::Vector2f size);
  std::string side_title(std::size_t side, const Canvas& c) const;
  void draw_side(Canvas& c, std::size_t side, const sf::FloatRect& area);
  void draw_panel(Canvas& c, std::size_t side, PanelKind kind, const sf::FloatRect& r, unsigned title);
  void draw_presenter(sf::RenderTarget& target);
  void draw_tips(Canvas& c, sf::Vector2f mouse, const std::vector<std::size_t>& sides);
  void apply_due_steps();
  void apply_step(const ScriptStep& step);
  void draw_controls(Canvas& c, const sf::FloatRect& bar);
  void draw_team_controls(Canvas& c, const sf::FloatRect& row);
  void on_key(sf::Keyboard::Key key);
  void step_all();
  void reset(std::uint64_t seed);
  void toggle_split();
  void set_progress(float t);
  bool save_png(const std::string& file, sf::Vector2u size);
  std::string screenshot_name() const;
  void save_configuration();
  void write_team_figures(const std::string& file) const;
  std::vector<std::size_t> shown() const;

  Options options_;
  const Fonts& fonts_;
  std::vector<std::unique_ptr<Alternative>> alts_;
  std::array<FlowsView, 2> flows_;
  std::array<PocketRows, 2> pockets_;
  Ui ui_;
  Lang lang_;
  std::uint64_t seed_;
  bool playing_ = false, help_ = false, split_ = false, quit_ = false, shot_ = false, jcurve_ = false;
  std::vector<std::string>* overflows_ = nullptr;  ///< text check: where overflowing text is listed
  bool present_ = false, shift_ = false, click_ = false;
  std::vector<PanelKind> panels_{PanelKind::Flows};  ///< presenter mode: one panel, or two side by side
  std::string caption_;                               ///< presenter mode: the caption line
  std::size_t next_step_ = 0;                         ///< first script step not applied yet
  std::optional<std::pair<std::size_t, std::size_t>> pinned_;  ///< side and dot of a pinned household
  std::size_t speed_ = 2, side_ = 0;
  MoneyView money_ = MoneyView::Cumulative;
  float since_step_ = 10.0F;
  sf::Vector2f mouse_{-100.0F, -100.0F};
  std::string status_;
};

}  // namespace wijksim::viz
