#include "sim/io/output_path.hpp"

#include <fmt/format.h>
#include <linux/magic.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "scenarios/loader.hpp"

namespace wijksim::sim {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(std::string_view option, const std::string& message) {
  throw scenarios::ScenarioError(std::string(option), 0, "", message);
}

/// The path made absolute with every link of its existing part resolved.
fs::path resolved(const fs::path& path) {
  std::error_code error;
  fs::path out = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? fs::absolute(path).lexically_normal() : out;
}

bool system_place(const fs::path& absolute) {
  for (const std::string_view root : {"/proc", "/sys", "/dev"}) {
    const std::string text = absolute.string();
    if (text == root || (text.starts_with(root) && text.size() > root.size() && text[root.size()] == '/'))
      return true;
  }
  return false;
}

/// The kernel's file systems, wherever they are mounted.
bool pseudo_file_system(const fs::path& existing) {
  struct statfs info {};
  if (::statfs(existing.c_str(), &info) != 0) return false;
  const auto type = static_cast<unsigned long>(info.f_type);
  return type == PROC_SUPER_MAGIC || type == SYSFS_MAGIC || type == DEBUGFS_MAGIC || type == TRACEFS_MAGIC ||
         type == CGROUP_SUPER_MAGIC || type == CGROUP2_SUPER_MAGIC;
}

/// Checks shared by folders and files: a name, within the limits, not a place of the system.
void check_place(const fs::path& path, std::string_view option, std::string_view what) {
  if (path.empty()) refuse(option, fmt::format("an empty path names no {}", what));
  const fs::path name = path.lexically_normal().filename();
  if (name.empty() || name == "." || name == "..")
    refuse(option, fmt::format("'{}' names no new {}", path.string(), what));
  if (name.string().size() > kMaxOutputName)
    refuse(option, fmt::format("the {} name has {} bytes; at most {}", what, name.string().size(), kMaxOutputName));
  const fs::path absolute = resolved(path);
  if (absolute.string().size() > kMaxOutputPath)
    refuse(option, fmt::format("the path has {} bytes once absolute; at most {}", absolute.string().size(),
                               kMaxOutputPath));
  if (system_place(absolute))
    refuse(option, fmt::format("{} is in a folder of the system ({}), not a place for output", path.string(),
                               absolute.string()));
}

/// The parent must be a folder this process may write in (or, with create_parents, the nearest existing one).
void check_parent(const fs::path& path, std::string_view option, bool create_parents) {
  const fs::path parent = fs::absolute(path.lexically_normal()).parent_path();
  std::error_code error;
  fs::path existing = parent;
  while (!fs::exists(fs::symlink_status(existing, error)) && existing != existing.parent_path())
    existing = existing.parent_path();
  if (!create_parents && existing != parent)
    refuse(option, fmt::format("folder {} does not exist; create it first", parent.string()));
  if (!fs::is_directory(existing, error))
    refuse(option, fmt::format("{} is not a folder{}", existing.string(),
                               fs::exists(existing, error) ? "" : " (a link to nothing)"));
  if (pseudo_file_system(existing))
    refuse(option, fmt::format("{} is on a file system of the kernel, not a place for output", existing.string()));
  if (::access(existing.c_str(), W_OK | X_OK) != 0)
    refuse(option, fmt::format("cannot write in folder {}: {}", existing.string(), std::strerror(errno)));
}

}  // namespace

std::string slug(std::string_view name) {
  std::string out;
  bool gap = false;
  for (const char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '-';
    gap = false;
    out += c;
    if (out.size() >= 64) break;
  }
  return out.empty() ? "scenario" : out;
}

void check_output_folder(const fs::path& folder, std::string_view option, bool create_parents) {
  check_place(folder, option, "folder");
  std::error_code error;
  const fs::file_status status = fs::symlink_status(folder, error);
  if (fs::is_symlink(status) && !fs::exists(folder, error))
    refuse(option, fmt::format("{} is a link to nothing; choose another folder", folder.string()));
  if (fs::exists(status))
    refuse(option, fmt::format("output folder {} already exists; choose another with {}", folder.string(), option));
  check_parent(folder, option, create_parents);
}

void check_output_file(const fs::path& file, std::string_view option) {
  check_place(file, option, "file");
  std::error_code error;
  const fs::file_status status = fs::status(file, error);
  if (fs::exists(status) && !fs::is_regular_file(status))
    refuse(option, fmt::format("{} exists and is not a regular file", file.string()));
  if (fs::is_symlink(fs::symlink_status(file, error)) && !fs::exists(status))
    refuse(option, fmt::format("{} is a link to nothing", file.string()));
  check_parent(file, option, false);
}

void check_input_file(const fs::path& file, std::string_view option) {
  std::error_code error;
  if (!fs::exists(file, error)) refuse(option, fmt::format("{} does not exist", file.string()));
  if (!fs::is_regular_file(file, error) || system_place(resolved(file)))
    refuse(option, fmt::format("{} is not a regular file", file.string()));
  if (::access(file.c_str(), R_OK) != 0)
    refuse(option, fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
}

}  // namespace wijksim::sim
