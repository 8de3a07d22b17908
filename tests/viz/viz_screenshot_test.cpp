// wijksim-viz headless under Xvfb: the screenshots have the window's size, are not blank, show the four
// level colours in the flows panel(s) and carry text, also for every approach of the scenario catalogue; bad input
// exits with code 2.
#include <SFML/Graphics/Image.hpp>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <map>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr unsigned kWidth = 1600, kHeight = 900;
// Layout of the window (viz/app.cpp): title bar, control bar, flows panel in the top 60% of the left 55%.
constexpr unsigned kTitle = 44, kBar = 92;
// The level colours of the dots (viz/canvas.cpp level_colour): green, light orange, orange, red.
const std::array<sf::Color, 4> kLevels{sf::Color{46, 160, 67}, sf::Color{255, 196, 100}, sf::Color{240, 125, 20},
                                       sf::Color{205, 30, 38}};

struct Box {
  unsigned left, top, width, height;
};

/// Exit code of a shell command.
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Run wijksim-viz under a fresh X server; the viz process alone ignores leaks inside Mesa and X.
int run_viz(const std::string& args) {
  const std::string xvfb = WIJKSIM_XVFB_RUN;
  const std::string screen = "-screen 0 " + std::to_string(kWidth) + "x" + std::to_string(kHeight) + "x24";
  return run("ASAN_OPTIONS=detect_leaks=0 " + xvfb + " -a -s \"" + screen + "\" " + WIJKSIM_VIZ_BINARY + " " + args +
             " > /dev/null");
}

fs::path out_file(const std::string& name) { return fs::temp_directory_path() / ("wijksim_viz_test_" + name); }

std::size_t count_exact(const sf::Image& image, const Box& box, sf::Color colour) {
  std::size_t n = 0;
  for (unsigned y = box.top; y < box.top + box.height; ++y)
    for (unsigned x = box.left; x < box.left + box.width; ++x) n += image.getPixel(x, y) == colour ? 1 : 0;
  return n;
}

std::size_t count_near(const sf::Image& image, const Box& box, sf::Color colour, int tolerance) {
  std::size_t n = 0;
  for (unsigned y = box.top; y < box.top + box.height; ++y)
    for (unsigned x = box.left; x < box.left + box.width; ++x) {
      const sf::Color p = image.getPixel(x, y);
      n += std::abs(p.r - colour.r) + std::abs(p.g - colour.g) + std::abs(p.b - colour.b) <= tolerance ? 1 : 0;
    }
  return n;
}

std::size_t distinct_colours(const sf::Image& image) {
  std::set<std::uint32_t> seen;
  for (unsigned y = 0; y < image.getSize().y; y += 3)
    for (unsigned x = 0; x < image.getSize().x; x += 3) seen.insert(image.getPixel(x, y).toInteger());
  return seen.size();
}

/// The flows panel of one half (or of the whole window): the top 60% of the left 55% below the title.
Box flows_box(unsigned left, unsigned width) {
  const unsigned content = kHeight - kTitle - kBar;
  return {left, kTitle, width * 55 / 100, content * 60 / 100};
}

void expect_screenshot(const sf::Image& image, const std::vector<Box>& flows) {
  ASSERT_EQ(image.getSize().x, kWidth);
  ASSERT_EQ(image.getSize().y, kHeight);
  EXPECT_GT(distinct_colours(image), 200U) << "the screenshot looks blank";
  // White title text on the dark title bar.
  EXPECT_GT(count_near(image, {0, 0, 600, kTitle}, sf::Color::White, 30), 400U) << "no title text";
  for (const Box& box : flows) {
    for (std::size_t l = 0; l < kLevels.size(); ++l)
      EXPECT_GT(count_exact(image, box, kLevels[l]), 10U) << "level colour " << l << " missing in the flows panel";
    // Dark text (panel title, level names, counts) inside the flows panel.
    EXPECT_GT(count_near(image, box, sf::Color{20, 20, 30}, 30), 300U) << "no text in the flows panel";
  }
}

bool have_xvfb() { return !std::string(WIJKSIM_XVFB_RUN).empty() && fs::exists(WIJKSIM_XVFB_RUN); }

TEST(VizScreenshot, DefaultViewShowsLevelsAndText) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path png = out_file("default.png");
  fs::remove(png);
  ASSERT_EQ(run_viz("--households 2000 --months 6 --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  expect_screenshot(image, {flows_box(0, kWidth)});
}

TEST(VizScreenshot, SplitScreenShowsBothConfigurations) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path png = out_file("split.png");
  fs::remove(png);
  const std::string compare = std::string(WIJKSIM_VIZ_DATA) + "/wijkteam_mandate.toml";
  ASSERT_EQ(run_viz("--households 2000 --months 6 --lang nl --compare " + compare + " --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  // Each half starts with a 28-pixel header naming its configuration.
  Box left = flows_box(0, kWidth / 2), right = flows_box(kWidth / 2, kWidth / 2);
  left.top += 28;
  right.top += 28;
  expect_screenshot(image, {left, right});
}

TEST(VizScreenshot, FramesWriteANumberedSequence) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path dir = out_file("frames");
  fs::remove_all(dir);
  ASSERT_EQ(run_viz("--households 1000 --months 1 --width 800 --height 600 --frames " + dir.string()), 0);
  // The state before the first month, then six frames of the month's glide.
  for (int i = 0; i <= 6; ++i) {
    const fs::path frame = dir / ("frame_0000" + std::to_string(i) + ".png");
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(frame.string())) << frame;
    EXPECT_EQ(image.getSize(), sf::Vector2u(800, 600));
  }
  EXPECT_FALSE(fs::exists(dir / "frame_00007.png"));
}

TEST(VizScreenshot, LiveControlsByKeysKeepRunning) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path png = out_file("keys.png");
  fs::remove(png);
  // Mandate on and FTE up in A, money per year, split screen with B's team off and FTE down, Dutch, help overlay.
  ASSERT_EQ(run_viz("--households 1500 --months 4 --keys m,up,up,y,c,tab,t,down,l,h --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  ASSERT_EQ(image.getSize(), sf::Vector2u(kWidth, kHeight));
  EXPECT_GT(distinct_colours(image), 200U);
  // The help overlay: a white box in the middle with dark text.
  EXPECT_GT(count_near(image, {kWidth / 2 - 300, kHeight / 2 - 200, 600, 400}, sf::Color{20, 20, 30}, 30), 500U);
}

// Every approach of the scenario catalogue (a shipped scenario with a [[teams]] table) opens in the visualiser and
// runs a few months headless: the screenshot shows the four level colours and text like the default view.
std::vector<std::string> catalogue_scenarios() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(WIJKSIM_VIZ_SCENARIOS)) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);)
      if (line.rfind("[[teams]]", 0) == 0) {
        names.push_back(entry.path().stem().string());
        break;
      }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class VizCatalogue : public ::testing::TestWithParam<std::string> {};

TEST_P(VizCatalogue, ApproachRunsHeadlessAndShowsTheLevels) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path png = out_file("catalogue_" + GetParam() + ".png");
  fs::remove(png);
  ASSERT_EQ(run_viz(GetParam() + " --households 2000 --months 6 --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  expect_screenshot(image, {flows_box(0, kWidth)});
}

TEST(VizCatalogue, TheCatalogueIsNotEmpty) { EXPECT_GE(catalogue_scenarios().size(), 15U); }

INSTANTIATE_TEST_SUITE_P(Catalogue, VizCatalogue, ::testing::ValuesIn(catalogue_scenarios()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(VizCommandLine, UnknownScenarioIsBadInput) {
  EXPECT_EQ(run(std::string(WIJKSIM_VIZ_BINARY) + " no_such_scenario --screenshot /dev/null 2> /dev/null"), 2);
}

TEST(VizCommandLine, UnknownKeyIsBadInput) {
  EXPECT_EQ(run(std::string(WIJKSIM_VIZ_BINARY) + " --keys m,nokey --screenshot /dev/null 2> /dev/null"), 2);
}

}  // namespace

// ---- Layout and the J-curve ------------------------------------------------------------------------------

TEST(VizLayout, NoTextLeavesItsPanelInAnyView) {
  // Both sizes, both languages, single and split, over time and J-curve, tips and help (viz/app.cpp
  // run_text_check): every text's drawn bounds lie inside its panel, bar, widget or tip.
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  EXPECT_EQ(run_viz("--check-text --months 36"), 0);
}

TEST(VizLayout, TheCheckFindsTextDrawnUnmeasured) {
  // Every panel's title drawn again, doubled and without measuring: the same check must fail.
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  EXPECT_EQ(run_viz("--check-text --check-inject --households 1000 --months 2"), 1);
}

TEST(VizJCurve, KeyJShowsTheRunningNetLine) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path with = out_file("jcurve.png"), without = out_file("overtime.png");
  ASSERT_EQ(run_viz("--households 2000 --months 36 --keys j --screenshot " + with.string()), 0);
  ASSERT_EQ(run_viz("--households 2000 --months 36 --screenshot " + without.string()), 0);
  sf::Image a, b;
  ASSERT_TRUE(a.loadFromFile(with.string()));
  ASSERT_TRUE(b.loadFromFile(without.string()));
  // The lower left panel: society's line is drawn thick in the bar colour (viz/canvas.hpp palette::kBar).
  const unsigned content = kHeight - kTitle - kBar;
  const Box lower{0, kTitle + content * 60 / 100 + 40, kWidth * 55 / 100, content * 40 / 100 - 60};
  const sf::Color line{30, 40, 60};
  EXPECT_GT(count_near(a, lower, line, 12), 400U);
  EXPECT_LT(count_near(b, lower, line, 12), 100U);
}

// ---- W: the configuration leaves the window --------------------------------------------------------------

using Figures = std::map<std::pair<int, std::string>, double>;

/// The rows of one team in a teams_by_month.csv: (month, metric) -> value.
Figures read_team_figures(const fs::path& file, const std::string& team) {
  Figures figures;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t comma = line.find(','); ; comma = line.find(',', start)) {
      cells.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (cells.size() == 4 && cells[1] == team) figures[{std::stoi(cells[0]), cells[2]}] = std::stod(cells[3]);
  }
  return figures;
}

int run_cli(const std::string& args) { return run(std::string(WIJKSIM_CLI_BINARY) + " " + args + " > /dev/null"); }

TEST(VizSave, KeyWWritesAScenarioThatRunsTheSameTeam) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path toml = out_file("saved.toml"), figures = out_file("team.csv");
  const fs::path run_dir = out_file("saved_run"), plain_dir = out_file("plain_run");
  fs::remove_all(run_dir);
  fs::remove_all(plain_dir);
  // FTE up twice, the mandate on and light orange taken in before month 1, then W; twelve months on seed 7.
  ASSERT_EQ(run_viz("wijkteam --households 2000 --seed 7 --set run.months=12 --months 12 --keys up,up,m,7,w --save-as " +
                    toml.string() + " --team-figures " + figures.string()),
            0);
  ASSERT_TRUE(fs::exists(toml));
  EXPECT_EQ(run_cli("validate " + toml.string()), 0);
  ASSERT_EQ(run_cli("run " + toml.string() + " --out " + run_dir.string()), 0);
  ASSERT_EQ(run_cli("run wijkteam --households 2000 --seed 7 --months 12 --out " + plain_dir.string()), 0);
  const Figures window = read_team_figures(figures, "wijkteam");
  const Figures batch = read_team_figures(run_dir / "teams_by_month.csv", "wijkteam");
  const Figures plain = read_team_figures(plain_dir / "teams_by_month.csv", "wijkteam");
  ASSERT_EQ(window.size(), batch.size());
  ASSERT_GT(window.size(), 12U * 10U);
  std::size_t differ_from_plain = 0;
  for (const auto& [key, value] : window) {
    ASSERT_TRUE(batch.count(key)) << key.first << " " << key.second;
    // The batch writes four decimals.
    EXPECT_NEAR(value, batch.at(key), 1e-4 + 1e-6 * std::fabs(value)) << "month " << key.first << " " << key.second;
    if (plain.count(key) && std::fabs(plain.at(key) - value) > 1e-4) ++differ_from_plain;
  }
  // The controls went into the file: the shipped scenario as it is runs another team.
  EXPECT_GT(differ_from_plain, 10U);
}

// ---- Presenter mode and workshop scripts -------------------------------------------------------------------

TEST(VizPresenter, AScriptOfThreeStepsRunsHeadless) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found";
  const fs::path png = out_file("presenter.png");
  const std::string script = std::string(WIJKSIM_VIZ_SCENARIOS) + "/../docs/teaching/workshops/1-team-or-not.toml";
  ASSERT_EQ(run_viz("wijkteam --households 2000 --months 40 --script " + script + " --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  // The caption line across the top in the bar colour, no control bar at the bottom (presenter mode).
  EXPECT_GT(count_exact(image, {0, 0, kWidth, 80}, sf::Color{30, 40, 60}), kWidth * 40U);
  EXPECT_EQ(count_exact(image, {0, kHeight - 60, kWidth, 60}, sf::Color{226, 228, 234}), 0U);
  // The third step shows the J-curve of A and of B: society's line in the left half.
  EXPECT_GT(count_near(image, {0, 200, kWidth / 2, kHeight - 220}, sf::Color{30, 40, 60}, 12), 300U);
}

TEST(VizPresenter, ABadScriptIsBadInputNamingFileLineAndKey) {
  const std::string script = std::string(WIJKSIM_VIZ_DATA) + "/bad_script.toml";
  const fs::path err = out_file("script.err");
  EXPECT_EQ(run(std::string(WIJKSIM_VIZ_BINARY) + " --months 1 --screenshot " + out_file("never.png").string() +
                " --script " + script + " 2> " + err.string()),
            2);
  std::ifstream in(err);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("bad_script.toml:7: panels: unknown panel"), std::string::npos) << text;
}

TEST(VizCommandLine, SplitOfTwoDistrictsIsRefused) {
  // The split screen claims the same households on both sides: another district is bad input, said so.
  const fs::path err = out_file("district.err");
  EXPECT_EQ(run(std::string(WIJKSIM_VIZ_BINARY) + " wijkteam --compare deprived_district --months 1 --screenshot " +
                out_file("never.png").string() + " 2> " + err.string()),
            2);
  std::ifstream in(err);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("not the same district"), std::string::npos) << text;
}
