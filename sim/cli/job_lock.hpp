#pragma once
// One process per output folder: `compare`, `sweep` and `--resume` hold an advisory lock (flock) on the job's
// work folder while they work on it. The folder's `lock` file holds the owner's process id, so that a second
// process can say which one it waits for.
#include <filesystem>
#include <optional>
#include <string_view>

namespace wijksim::cli {

class JobLock {
 public:
  JobLock() = default;  ///< holds nothing
  JobLock(JobLock&& other) noexcept;
  JobLock& operator=(JobLock&& other) noexcept;
  JobLock(const JobLock&) = delete;
  JobLock& operator=(const JobLock&) = delete;
  ~JobLock();  ///< releases the lock

  /// Create the work folder with the lock held from its first moment (made under a temporary name, then renamed
  /// into place); throws a ScenarioError naming `option` when the folder exists meanwhile or cannot be made.
  static JobLock create(const std::filesystem::path& work, std::string_view option);
  /// Lock an existing work folder; throws a ScenarioError naming `option` and the other process when it is held.
  static JobLock take(const std::filesystem::path& work, std::string_view option);
  /// The process id of whoever holds the lock of `work` (0 when it is held but the id is unreadable), or
  /// std::nullopt when nobody holds it.
  static std::optional<long> holder(const std::filesystem::path& work);

  /// The message for a folder whose lock another process holds (pid 0: unknown); `option` says what was given.
  static std::string busy(const std::filesystem::path& work, long pid, std::string_view option);

  /// Remove the lock file, before the work folder becomes the output folder; the lock is held until destruction.
  void remove_file();

 private:
  int fd_ = -1;
  std::filesystem::path file_;
};

}  // namespace wijksim::cli
