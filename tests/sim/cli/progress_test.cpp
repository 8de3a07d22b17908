#include "sim/cli/progress.hpp"

#include <gtest/gtest.h>

namespace wijksim::sim {
namespace {

TEST(ProgressBar, ShowsShareDoneAndEta) {
  const std::string half = ProgressBar::render(60, 120, "months", 3.0);
  EXPECT_NE(half.find(" 50%"), std::string::npos) << half;
  EXPECT_NE(half.find("60/120 months"), std::string::npos) << half;
  EXPECT_NE(half.find("ETA 3.0s"), std::string::npos) << half;  // as long again as it took so far
  EXPECT_NE(half.find("[###############...............]"), std::string::npos) << half;
  const std::string done = ProgressBar::render(120, 120, "months", 6.0);
  EXPECT_NE(done.find("100%"), std::string::npos) << done;
  EXPECT_NE(done.find("ETA 0.0s"), std::string::npos) << done;
}

TEST(ProgressBar, EtaOfAResumedRunCountsOnlyThisSession) {
  // 100 of 200 were done before; 20 more took 4 s: 80 left at 5 a second.
  const std::string resumed = ProgressBar::render(120, 200, "replications", 4.0, 100);
  EXPECT_NE(resumed.find("ETA 16.0s"), std::string::npos) << resumed;
  EXPECT_NE(resumed.find("120/200 replications"), std::string::npos) << resumed;
}

}  // namespace
}  // namespace wijksim::sim
