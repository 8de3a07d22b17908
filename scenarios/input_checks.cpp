// What the loader refuses before toml++ sees a text: files that are not plain scenario files, and texts whose
// size, lines, keys or nesting go beyond the limits of loader.hpp.
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "scenarios/loader.hpp"
#include "scenarios/loader_detail.hpp"

namespace wijksim::scenarios::detail {
namespace {

namespace fs = std::filesystem;

/// File systems whose files only look like files: the kernel's views (their sizes mean nothing and reading may
/// block or never end).
bool pseudo_file_system(const struct statfs& fs_info) {
  switch (static_cast<unsigned long>(fs_info.f_type)) {
    case PROC_SUPER_MAGIC:
    case SYSFS_MAGIC:
    case DEBUGFS_MAGIC:
    case TRACEFS_MAGIC:
    case SECURITYFS_MAGIC:
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC:
    case BPF_FS_MAGIC:
    case EFIVARFS_MAGIC:
      return true;
    default:
      return false;
  }
}

bool under(const fs::path& path, std::string_view folder) {
  const std::string text = path.string();
  return text == folder || (text.starts_with(folder) && text.size() > folder.size() && text[folder.size()] == '/');
}

/// The file's path with links resolved, as far as it exists.
fs::path resolved(const fs::path& file) {
  std::error_code error;
  const fs::path path = fs::weakly_canonical(fs::absolute(file, error), error);
  return error ? file : path;
}

std::string size_text(std::uintmax_t bytes) { return fmt::format("{} bytes", bytes); }

std::string too_large(std::uintmax_t bytes) {
  return fmt::format("the file has {}; a scenario file has at most {} ({} MiB)", size_text(bytes),
                     size_text(limits::kFileBytes), limits::kFileBytes >> 20);
}

/// Closes a file descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string_view error_text(int code) {
  // strerror_r's GNU form returns the text; it may or may not use the buffer.
  static thread_local char buffer[128];
  return ::strerror_r(code, buffer, sizeof buffer);
}

}  // namespace

FileText read_scenario_file(const fs::path& file) {
  FileText out;
  const fs::path path = resolved(file);
  if (under(path, "/proc") || under(path, "/sys")) {
    out.problem = fmt::format("a file of the system ({}), not a scenario file", path.string());
    return out;
  }
  struct stat before {};
  if (::stat(file.c_str(), &before) != 0) {
    out.missing = errno == ENOENT || errno == ENOTDIR;
    out.problem = fmt::format("cannot open: {}", error_text(errno));
    return out;
  }
  if (!S_ISREG(before.st_mode)) {
    out.problem = "not a regular file (a folder, device, FIFO or socket), not a scenario file";
    return out;
  }
  struct statfs fs_info {};
  if (::statfs(file.c_str(), &fs_info) == 0 && pseudo_file_system(fs_info)) {
    out.problem = "a file of the kernel's /proc or /sys file systems, not a scenario file";
    return out;
  }
  if (static_cast<std::uintmax_t>(before.st_size) > limits::kFileBytes) {
    out.problem = too_large(static_cast<std::uintmax_t>(before.st_size));
    return out;
  }
  // Non-blocking: should the file have been replaced by a FIFO since, opening it must not wait for a writer.
  const Descriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  struct stat opened {};
  if (fd.get() < 0 || ::fstat(fd.get(), &opened) != 0) {
    out.problem = fmt::format("cannot open: {}", error_text(errno));
    return out;
  }
  if (!S_ISREG(opened.st_mode) || opened.st_ino != before.st_ino || opened.st_dev != before.st_dev) {
    out.problem = "changed while it was opened; not read";
    return out;
  }
  // Read up to one byte more than allowed, so that a file that grew since it was measured is still refused; the
  // buffer starts at the measured size (most files are a few KB) and grows only if the file did.
  std::string text(std::min(static_cast<std::size_t>(opened.st_size), limits::kFileBytes) + 1, '\0');
  std::size_t size = 0;
  while (size <= limits::kFileBytes) {
    if (size == text.size()) text.resize(std::min(2 * text.size(), limits::kFileBytes + 1));
    const ssize_t n = ::read(fd.get(), text.data() + size, text.size() - size);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      out.problem = fmt::format("cannot read: {}", error_text(errno));
      return out;
    }
    size += static_cast<std::size_t>(n);
  }
  if (size > limits::kFileBytes) {
    out.problem = too_large(size);
    return out;
  }
  text.resize(size);
  out.text = std::move(text);
  out.read = true;
  return out;
}

namespace {

/// A light scan of TOML's lexical structure: enough to tell strings and comments from keys and brackets, so
/// that the limits count only what toml++ would nest or split.
class TextScan {
 public:
  TextScan(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  void run() {
    for (i_ = 0; i_ < text_.size(); ++i_) {
      const char c = text_[i_];
      if (c == '\n') {
        new_line();
        continue;
      }
      if (i_ - line_start_ >= limits::kLineBytes)
        refuse(fmt::format("line longer than {} bytes", limits::kLineBytes));
      switch (state_) {
        case State::code: code(c); break;
        case State::comment: break;
        case State::basic: basic(c); break;
        case State::literal: if (c == '\'') state_ = State::code; break;
        case State::multi_basic: multi_basic(c); break;
        case State::multi_literal: if (starts("'''")) close_multi(); break;
      }
    }
  }

 private:
  enum class State { code, comment, basic, literal, multi_basic, multi_literal };

  [[noreturn]] void refuse(const std::string& message) const { throw ScenarioError(name_, line_, "", message); }

  bool starts(std::string_view token) const { return text_.substr(i_).starts_with(token); }

  void new_line() {
    ++line_;
    line_start_ = i_ + 1;
    dots_ = 0;
    // Single-line strings and comments end with the line (an unterminated string is toml++'s to report).
    if (state_ != State::multi_basic && state_ != State::multi_literal) state_ = State::code;
  }

  void code(char c) {
    switch (c) {
      case '#': state_ = State::comment; break;
      case '"': open_string(State::basic, State::multi_basic, "\"\"\""); break;
      case '\'': open_string(State::literal, State::multi_literal, "'''"); break;
      case '[':
      case '{':
        dots_ = 0;
        if (++depth_ > limits::kNesting)
          refuse(fmt::format("more than {} arrays, tables or headers' brackets inside each other", limits::kNesting));
        break;
      case ']':
      case '}':
        dots_ = 0;
        if (depth_ > 0) --depth_;
        break;
      case '=':
      case ',':
        dots_ = 0;
        break;
      case '.':
        // Dots between two separators split a key (a value has one at most: 1.5, a time's fraction).
        if (++dots_ >= limits::kKeyParts)
          refuse(fmt::format("a dotted key of more than {} parts", limits::kKeyParts));
        break;
      default: break;
    }
  }

  void open_string(State single, State multi, std::string_view triple) {
    if (starts(triple)) {
      state_ = multi;
      i_ += 2;
    } else {
      state_ = single;
    }
  }

  void basic(char c) {
    if (c == '\\' && i_ + 1 < text_.size() && text_[i_ + 1] != '\n') ++i_;  // an escaped character
    else if (c == '"') state_ = State::code;
  }

  void multi_basic(char c) {
    if (c == '\\' && i_ + 1 < text_.size() && text_[i_ + 1] != '\n') ++i_;
    else if (starts("\"\"\"")) close_multi();
  }

  /// At the closing triple quote: up to two more quotes belong to the string.
  void close_multi() {
    const char quote = text_[i_];
    i_ += 2;
    for (int extra = 0; extra < 2 && i_ + 1 < text_.size() && text_[i_ + 1] == quote; ++extra) ++i_;
    state_ = State::code;
  }

  std::string_view text_;
  const std::string& name_;
  std::size_t i_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
  std::size_t depth_ = 0;
  std::size_t dots_ = 0;
  State state_ = State::code;
};

}  // namespace

void check_scenario_text(std::string_view text, const std::string& name) {
  if (text.size() > limits::kFileBytes) throw ScenarioError(name, 0, "", too_large(text.size()));
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const auto line = static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    throw ScenarioError(name, line, "", "a NUL byte in the text; a scenario file is UTF-8 text");
  }
  TextScan(text, name).run();
}

}  // namespace wijksim::scenarios::detail
