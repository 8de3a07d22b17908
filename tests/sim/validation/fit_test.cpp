#include "sim/validation/fit.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <stdexcept>
#include <unistd.h>

#include "scenarios/loader.hpp"

namespace fs = std::filesystem;

namespace wijksim::sim {
namespace {

bool all_ok(const std::vector<CalibrationResult>& results) {
  return !results.empty() && std::all_of(results.begin(), results.end(), [](const auto& r) { return r.ok; });
}

TEST(Fit, MeetsLocalTargetsAndTheWrittenScenarioPassesCalibrate) {
  const fs::path source = fs::path(WIJKSIM_TEST_DATA) / "scenarios" / "local_targets.toml";
  const scenarios::ScenarioDef def = scenarios::load_scenario(source);
  ASSERT_FALSE(all_ok(calibrate_scenario(def, 1, {}))) << "the national hazards should miss the local figures";

  const std::vector<FreeSetting> free{{"care.debt_help_light.start", 0.2, 5.0},
                                      {"care.wmo_household_help.start", 0.2, 5.0}};
  const FitResult fit = fit_scenario(def, free, 150, 1);
  ASSERT_EQ(fit.results.size(), 2U);
  EXPECT_TRUE(all_ok(fit.results)) << fit_file(fit, source.string(), "local_fitted");
  EXPECT_GT(fit.factors[0], 1.0);  // more debt help than nationally: a higher start hazard
  EXPECT_GT(fit.factors[1], 1.0);  // more household help: a higher one
  EXPECT_LE(fit.evaluations, 150U);

  // The written scenario loads to exactly the fitted one and passes calibrate on its own.
  const fs::path dir = fs::temp_directory_path() / ("wijksim-fit-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path written = dir / "local_fitted.toml";
  std::ofstream(written) << fit_file(fit, fs::absolute(source).string(), "local_fitted");
  scenarios::ScenarioDef reloaded = scenarios::load_scenario(written);
  reloaded.name = fit.fitted.name;
  EXPECT_TRUE(reloaded == fit.fitted);
  EXPECT_TRUE(all_ok(calibrate_scenario(reloaded, 1, {})));
  fs::remove_all(dir);
}

TEST(Fit, LossCountsDistanceOutsideTheRangeInWidths) {
  std::vector<CalibrationResult> r{{"a", "", 10.0, 20.0, 15.0, "", true}};
  EXPECT_DOUBLE_EQ(calibration_loss(r), 0.0);  // in the middle
  r[0].simulated = 20.0;                       // at the edge: only the pull to the middle, 0.02 x 0.5^2
  EXPECT_DOUBLE_EQ(calibration_loss(r), 0.005);
  r[0].simulated = 25.0;                       // half a width outside: 0.5^2 + 0.02 x 1^2
  EXPECT_DOUBLE_EQ(calibration_loss(r), 0.27);
  r[0].simulated = std::numeric_limits<double>::quiet_NaN();
  EXPECT_DOUBLE_EQ(calibration_loss(r), 100.0);
}

TEST(Fit, FreeSettingsParseWithOrWithoutBounds) {
  const FreeSetting plain = parse_free_setting("care.youth_ambulatory.start");
  EXPECT_EQ(plain.key, "care.youth_ambulatory.start");
  EXPECT_DOUBLE_EQ(plain.low, 0.25);
  EXPECT_DOUBLE_EQ(plain.high, 4.0);
  const FreeSetting bounded = parse_free_setting("dynamics.escalation.eviction=0.5:2");
  EXPECT_DOUBLE_EQ(bounded.low, 0.5);
  EXPECT_DOUBLE_EQ(bounded.high, 2.0);
  for (const char* bad : {"", "=1:2", "k=1", "k=a:2", "k=0:2", "k=2:1", "k=1:2x", "k=-1:2", "k=1:inf"})
    EXPECT_THROW(parse_free_setting(bad), std::invalid_argument) << bad;
}

TEST(Fit, RefusesKeysThatNameNoNumberOrAZero) {
  scenarios::ScenarioDef def = scenarios::load_default_scenario();
  EXPECT_THROW(fit_scenario(def, {{"care.no_such_thing"}}, 1, 1), std::invalid_argument);
  EXPECT_THROW(fit_scenario(def, {{"name"}}, 1, 1), std::invalid_argument);
  def.dynamics.escalation.offence = 0.0;
  EXPECT_THROW(fit_scenario(def, {{"dynamics.escalation.offence"}}, 1, 1), std::invalid_argument);
  EXPECT_THROW(fit_scenario(def, {}, 1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace wijksim::sim
