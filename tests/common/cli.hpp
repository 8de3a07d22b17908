#pragma once
// Run the wijksim binary from a test and capture exit code, stdout and stderr.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace wijksim::testing {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Run `wijksim ARGS` (ARGS already shell-quoted) in the working directory `cwd`.
inline CliResult run_cli(const std::string& args, const std::filesystem::path& cwd = std::filesystem::temp_directory_path()) {
  static int counter = 0;
  const auto base = std::filesystem::temp_directory_path() /
                    ("wijksim_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  const std::string cmd = "cd '" + cwd.string() + "' && '" + std::string(WIJKSIM_BINARY) + "' " + args + " >'" +
                          base.string() + ".out' 2>'" + base.string() + ".err'";
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(base.string() + ".out");
  r.err = slurp(base.string() + ".err");
  std::filesystem::remove(base.string() + ".out");
  std::filesystem::remove(base.string() + ".err");
  return r;
}

/// A fresh empty folder for one test.
inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

inline std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("wijksim_test_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace wijksim::testing
