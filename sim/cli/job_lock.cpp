#include "sim/cli/job_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <string>
#include <utility>

#include "scenarios/loader.hpp"

namespace wijksim::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLockFile = "lock";

[[noreturn]] void refuse(std::string_view option, const std::string& message) {
  throw scenarios::ScenarioError(std::string(option), 0, "", message);
}

long read_pid(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  return n > 0 ? std::strtol(text, nullptr, 10) : 0;
}

void write_pid(int fd) {
  const std::string text = fmt::format("{}\n", ::getpid());
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
    throw std::runtime_error(fmt::format("cannot write the lock file: {}", std::strerror(errno)));
}

}  // namespace

std::string JobLock::busy(const fs::path& work, long pid, std::string_view option) {
  return fmt::format("another wijksim process{} is working on {}; wait for it to finish (or end it){}",
                     pid > 0 ? fmt::format(" (pid {})", pid) : "", work.string(),
                     option == "--out" ? ", or choose another --out" : "");
}

JobLock::JobLock(JobLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), file_(std::move(other.file_)) {}

JobLock& JobLock::operator=(JobLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    file_ = std::move(other.file_);
  }
  return *this;
}

JobLock::~JobLock() {
  if (fd_ >= 0) ::close(fd_);
}

JobLock JobLock::create(const fs::path& work, std::string_view option) {
  const fs::path tmp = fs::path(work.string() + fmt::format(".new-{}", ::getpid()));
  std::error_code error;
  fs::remove_all(tmp, error);
  if (!fs::create_directory(tmp, error) || error)
    refuse(option, fmt::format("cannot create {}: {}", tmp.string(), error.message()));
  JobLock lock;
  lock.fd_ = ::open((tmp / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock.fd_ < 0 || ::flock(lock.fd_, LOCK_EX | LOCK_NB) != 0) {
    fs::remove_all(tmp, error);
    refuse(option, fmt::format("cannot lock {}: {}", (tmp / kLockFile).string(), std::strerror(errno)));
  }
  write_pid(lock.fd_);
  // Into place only if nothing is there: another process may have started on the same folder meanwhile.
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, work.c_str(), RENAME_NOREPLACE) != 0) {
    const int code = errno;
    fs::remove_all(tmp, error);
    if (code == EEXIST) {
      const std::optional<long> pid = holder(work);
      refuse(option, pid ? busy(work, *pid, option) : fmt::format("{} appeared while this run started", work.string()));
    }
    refuse(option, fmt::format("cannot create {}: {}", work.string(), std::strerror(code)));
  }
  lock.file_ = work / kLockFile;
  return lock;
}

JobLock JobLock::take(const fs::path& work, std::string_view option) {
  JobLock lock;
  lock.file_ = work / kLockFile;
  lock.fd_ = ::open(lock.file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock.fd_ < 0) refuse(option, fmt::format("cannot open {}: {}", lock.file_.string(), std::strerror(errno)));
  if (::flock(lock.fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) refuse(option, busy(work, read_pid(lock.fd_), option));
    refuse(option, fmt::format("cannot lock {}: {}", lock.file_.string(), std::strerror(errno)));
  }
  write_pid(lock.fd_);
  return lock;
}

std::optional<long> JobLock::holder(const fs::path& work) {
  const int fd = ::open((work / kLockFile).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<long> pid;
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) pid = read_pid(fd);
  ::close(fd);  // releases the shared lock if it was taken
  return pid;
}

void JobLock::remove_file() {
  if (!file_.empty()) {
    std::error_code error;
    fs::remove(file_, error);
  }
}

}  // namespace wijksim::cli
