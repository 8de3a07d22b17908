#pragma once
// Where a command may write, checked before any work: a refused place is bad input (exit 2) and nothing is
// written. A scenario's name is a label, never a path: default output folders use a slug of it.
#include <filesystem>
#include <string>
#include <string_view>

namespace wijksim::sim {

/// Bytes of an output folder's own name: room is left for the `.partial` work folder of compare and sweep and the
/// `.<name>.tmp-<pid>` temporary folder of run within the file system's 255.
inline constexpr std::size_t kMaxOutputName = 200;
/// Bytes of an output path once absolute, leaving room below PATH_MAX for the files inside.
inline constexpr std::size_t kMaxOutputPath = 3800;

/// A name for files and folders: letters, digits, '-' and '_' only (every other run of bytes becomes one '-'),
/// at most 64 bytes, never empty ("scenario").
std::string slug(std::string_view name);

/// Throws a ScenarioError naming `option` unless `folder` is a new folder this process may create: it does not
/// exist (not even as a dangling link), its name and path are within the limits above, it is not under /proc,
/// /sys or /dev, and its parent is a writable folder. With `create_parents` the parent may be missing, and then
/// the nearest folder that exists above it must be writable (the default `out/`).
void check_output_folder(const std::filesystem::path& folder, std::string_view option, bool create_parents = false);

/// As check_output_folder for a file that is written whole (replaced if it exists as a regular file).
void check_output_file(const std::filesystem::path& file, std::string_view option);

/// Throws a ScenarioError naming `option` unless `file` is a regular file this process can read.
void check_input_file(const std::filesystem::path& file, std::string_view option);

}  // namespace wijksim::sim
