#include "sim/cli/interrupts.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace wijksim::cli {
namespace {

// What the handler reads: lock-free atomics only (a handler may use nothing else).
std::atomic<int> g_signal{0};
std::atomic<bool> g_abandon{false};
std::atomic<const std::string*> g_message{nullptr};

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free &&
              std::atomic<const std::string*>::is_always_lock_free);

[[noreturn]] void leave(int signal) {
  if (const std::string* message = g_message.load()) {
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message->data(), message->size());
  }
  ::_exit(Interrupts::exit_code(signal));
}

extern "C" void on_signal(int signal) {
  g_signal.store(signal);
  if (g_abandon.load()) leave(signal);
}

struct sigaction g_previous_int {}, g_previous_term {};

}  // namespace

Interrupts::Interrupts() {
  g_signal.store(0);
  g_abandon.store(false);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a held signal must not make a write fail
  ::sigaction(SIGINT, &action, &g_previous_int);
  ::sigaction(SIGTERM, &action, &g_previous_term);
}

Interrupts::~Interrupts() {
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
  g_abandon.store(false);
  g_message.store(nullptr);
}

void Interrupts::abandon_with(std::string message) {
  hold();
  g_message.store(nullptr);
  message_ = std::move(message);
  g_message.store(&message_);
  g_abandon.store(true);
  if (const int signal = g_signal.load()) leave(signal);
}

void Interrupts::hold() { g_abandon.store(false); }

int Interrupts::held() const { return g_signal.load(); }

}  // namespace wijksim::cli
