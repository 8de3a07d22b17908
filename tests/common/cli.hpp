#pragma once
// Run the wijksim binary from a test and capture exit code, stdout and stderr.
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

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

/// `wijksim ARGS` started in `cwd` without waiting, its output in the files `out` and `err` of `cwd`.
class BackgroundCli {
 public:
  BackgroundCli(const std::string& args, const std::filesystem::path& cwd, const std::string& out = "spawn.out",
                const std::string& err = "spawn.err") {
    const std::string cmd = "cd '" + cwd.string() + "' && exec '" + std::string(WIJKSIM_BINARY) + "' " + args +
                            " >'" + out + "' 2>'" + err + "'";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  BackgroundCli(const BackgroundCli&) = delete;
  BackgroundCli& operator=(const BackgroundCli&) = delete;
  ~BackgroundCli() {
    if (!code_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }

  pid_t pid() const { return pid_; }
  /// Poll until `ready()` (true), or until the process ends by itself or 300 s pass (false).
  bool wait_for(const std::function<bool()>& ready) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
    while (std::chrono::steady_clock::now() < deadline) {
      if (ready()) return true;
      if (ended()) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
  void signal(int number) const { ::kill(pid_, number); }
  /// Its exit code, or 128 + the signal that ended it.
  int wait() {
    int status = 0;
    if (!code_ && ::waitpid(pid_, &status, 0) == pid_) code_ = decode(status);
    return code_.value_or(-1);
  }

 private:
  bool ended() {
    int status = 0;
    if (!code_ && ::waitpid(pid_, &status, WNOHANG) == pid_) code_ = decode(status);
    return code_.has_value();
  }
  static int decode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

  pid_t pid_ = -1;
  std::optional<int> code_;
};

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
