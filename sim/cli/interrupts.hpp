#pragma once
// SIGINT and SIGTERM while a command works on files. A signal is either held, for the command to act on when
// its files are in a consistent state, or ends the process at once with a message said beforehand (the files
// on disk being consistent at every moment then: checkpoints are written whole or not at all).
#include <string>

namespace wijksim::cli {

class Interrupts {
 public:
  /// Installs the handlers; signals are held until abandon_with.
  Interrupts();
  /// Restores the handlers that were there before.
  ~Interrupts();
  Interrupts(const Interrupts&) = delete;
  Interrupts& operator=(const Interrupts&) = delete;

  /// From now on a signal prints `message` on stderr and ends the process with exit code 128 + signal (130 for
  /// SIGINT, 143 for SIGTERM); a signal held before does so now.
  void abandon_with(std::string message);
  /// From now on a signal is held (see held()).
  void hold();
  /// The signal that arrived while held, 0 if none.
  int held() const;

  /// The exit code for a process ended by `signal`.
  static int exit_code(int signal) { return 128 + signal; }

 private:
  std::string message_;
};

}  // namespace wijksim::cli
