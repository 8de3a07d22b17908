// wijksim-viz with bad input and without a display: every loader error is exit 2 with the file and line, a missing
// or unreachable display is exit 1 with a message (checked before SFML, which would abort), counts have maxima.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string err;
};

/// Run wijksim-viz in `dir` with `env` before it (e.g. `env -u DISPLAY`), without an X server of its own.
Result run_viz(const fs::path& dir, const std::string& env, const std::string& args) {
  const fs::path err = dir / "err.txt";
  const std::string command = "cd '" + dir.string() + "' && ASAN_OPTIONS=detect_leaks=0 " + env + " " +
                              WIJKSIM_VIZ_BINARY + " " + args + " > /dev/null 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("wijksim_viz_hostile_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(VizHostile, NoDisplayIsExitOneWithAMessage) {
  const fs::path dir = fresh("no_display");
  const Result r = run_viz(dir, "env -u DISPLAY", "--screenshot shot.png");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "error: no display (DISPLAY is not set)")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "shot.png"));
  fs::remove_all(dir);
}

#if defined(WIJKSIM_VIZ_X11)
TEST(VizHostile, UnreachableDisplayIsExitOneWithAMessage) {
  const fs::path dir = fresh("dead_display");
  const Result r = run_viz(dir, "DISPLAY=:97", "");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "error: cannot open display ':97'")) << r.err;
  fs::remove_all(dir);
}
#endif

TEST(VizHostile, EveryLoaderErrorIsExitTwoNamingFileAndLine) {
  const fs::path dir = fresh("loader");
  write(dir / "bracket.toml", "x = [\n[\n1, 2 3\n]\n]\n");
  std::string key = "a";
  for (int i = 0; i < 40000; ++i) key += ".a";
  write(dir / "dotted.toml", "name = \"x\"\n" + key + " = 1\n");
  write(dir / "kmsg.toml", "name = \"x\"\nextends = \"/proc/kmsg\"\n");
  // Checked before the display: bad input is exit 2 also where no window could open.
  for (const auto& [file, message] : {std::pair{"bracket.toml", "error: bracket.toml:3: "},
                                      std::pair{"dotted.toml", "error: dotted.toml:2: a dotted key of more than 32"},
                                      std::pair{"kmsg.toml", "error: kmsg.toml:2: extends: '/proc/kmsg': a file of the "
                                                             "system"}}) {
    const Result r = run_viz(dir, "env -u DISPLAY", std::string(file) + " --compare " + file);
    EXPECT_EQ(r.code, 2) << file << ": " << r.err;
    EXPECT_TRUE(contains(r.err, message)) << r.err;
  }
  fs::remove_all(dir);
}

TEST(VizHostile, CountsAndOutputsAreCheckedFirst) {
  const fs::path dir = fresh("counts");
  const Result frames = run_viz(dir, "env -u DISPLAY", "--bench-frames 4294967295");
  EXPECT_EQ(frames.code, 2);
  EXPECT_TRUE(contains(frames.err, "--bench-frames: expected a whole number from 0 to 100000, got '4294967295'"))
      << frames.err;
  const Result households = run_viz(dir, "env -u DISPLAY", "--households ''");
  EXPECT_EQ(households.code, 2);
  EXPECT_TRUE(contains(households.err, "--households: expected a whole number")) << households.err;
  const Result shot = run_viz(dir, "env -u DISPLAY", "--screenshot /proc/x.png");
  EXPECT_EQ(shot.code, 2);
  EXPECT_TRUE(contains(shot.err, "error: --screenshot: /proc/x.png is in a folder of the system")) << shot.err;
  fs::remove_all(dir);
}

}  // namespace
