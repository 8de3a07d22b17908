// The loader's limits (scenarios/input_checks.cpp): files that are not scenario files and texts beyond the
// limits are refused with the file, the line and the limit, before toml++ parses them, and quickly.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_test_util.hpp"

namespace wijksim::scenarios {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::error_of;
using testing::expect_error;

fs::path fresh_folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("wijksim_limits_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

/// `parts` copies of `a` joined by dots.
std::string dotted(std::size_t parts) {
  std::string key = "a";
  for (std::size_t i = 1; i < parts; ++i) key += ".a";
  return key;
}

/// The error of loading `text` as `name` (bench/hostile_input.sh times these cases against the 5 seconds promised).
ScenarioError text_error(const std::string& text, const std::string& name = "hostile.toml") {
  return error_of([&] { load_scenario_text(text, name); });
}

// --- Limits on the text ----------------------------------------------------------------------------

TEST(InputChecks, DottedKeyOfManyPartsIsRefusedBeforeParsing) {
  // 40,000 parts overflowed toml++'s stack; as a key, a table header and an array-of-tables header.
  for (const std::string& text : {dotted(40000) + " = 1", "[" + dotted(40000) + "]", "[[" + dotted(40000) + "]]"})
    expect_error(text_error("name = \"x\"\n" + text.substr(0, 4000) + "\n"), "hostile.toml", 2, "",
                 "a dotted key of more than 32 parts");
  // Up to the limit the key reaches toml++ and the schema, which does not know it.
  const ScenarioError within = text_error(dotted(limits::kKeyParts) + " = 1\n");
  EXPECT_TRUE(contains(within.message, "unknown key 'a'")) << within.what();
}

TEST(InputChecks, LongLineIsRefused) {
  const std::string text = "description = \"" + std::string(limits::kLineBytes, 'x') + "\"\n";
  expect_error(text_error("name = \"x\"\n\n" + text), "hostile.toml", 3, "", "line longer than 4096 bytes");
}

TEST(InputChecks, DeepNestingIsRefused) {
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  expect_error(text_error("x = " + deep + "\n"), "hostile.toml", 1, "",
               "more than 32 arrays, tables or headers' brackets inside each other");
  const std::string tables = "x = " + std::string(40, '{') + std::string(40, '}');
  expect_error(text_error(tables), "hostile.toml", 1, "", "inside each other");
}

TEST(InputChecks, DotsAndBracketsInsideStringsAndCommentsAreText) {
  const std::string many_dots(3000, '.');
  const std::string brackets(100, '[');
  const ScenarioDef def = load_scenario_text("name = \"x\"  # " + many_dots + brackets + "\ndescription = '" +
                                                 many_dots + brackets + "'\nlabel = \"\"\"\n" + many_dots + "\n" +
                                                 brackets + "\n\"\"\"\n",
                                             "strings.toml");
  EXPECT_EQ(def.description, many_dots + brackets);
}

TEST(InputChecks, NulIsRefused) {
  expect_error(text_error(std::string("name = \"x\"\n# \0\n", 14)), "hostile.toml", 2, "", "a NUL byte");
  expect_error(text_error("name = \"a\\u0000b\"\n"), "hostile.toml", 1, "name", "a string with a NUL character");
}

TEST(InputChecks, TooLargeTextIsRefused) {
  const std::string text = "name = \"x\"\n" + std::string(limits::kFileBytes, '#');
  expect_error(text_error(text), "hostile.toml", 0, "", "a scenario file has at most 4194304 bytes (4 MiB)");
}

TEST(InputChecks, BracketLineBeforeASyntaxErrorNamesFileAndLine) {
  // A line holding only '[' inside a multi-line array, then a syntax error: the key lookup of the error used to
  // throw std::out_of_range (basic_string::substr) instead of the scenario error.
  for (const std::string& text : {std::string("x = [\n[\n1, 2 3\n]\n]\n"), std::string("x = [\n  [\n]\n= 4\n"),
                                  std::string("[\n[[\n[]\n]]\n=\n")}) {
    const ScenarioError e = text_error(text);
    EXPECT_EQ(e.file, "hostile.toml") << e.what();
    EXPECT_GT(e.line, 0u) << e.what();
  }
}

TEST(InputChecks, ControlCharactersInMessagesAreEscaped) {
  const ScenarioError e = text_error("\"\\u001b[31mred\\u001b[0m\" = 1\n");
  const std::string what = e.what();
  EXPECT_EQ(what.find('\x1b'), std::string::npos) << what;
  EXPECT_TRUE(contains(what, "\\u001B[31mred")) << what;
  const ScenarioError bell = error_of([] { load_scenario("bell\a\x1b]0;title\a.toml"); });
  EXPECT_EQ(std::string(bell.what()).find_first_of("\a\x1b"), std::string::npos) << bell.what();
}

// --- Files that are not scenario files -------------------------------------------------------------

/// The error of loading a scenario that extends `target`.
ScenarioError extends_error(const fs::path& dir, const std::string& target) {
  write(dir / "child.toml", "name = \"child\"\nextends = \"" + target + "\"\n");
  return error_of([&] { load_scenario(dir / "child.toml"); });
}

TEST(InputChecks, ExtendsRefusesLargeAndSpecialFiles) {
  const fs::path dir = fresh_folder("special");
  // A 1 GB file (sparse) was read whole.
  { std::ofstream(dir / "huge.toml"); }
  fs::resize_file(dir / "huge.toml", std::uintmax_t{1} << 30);
  expect_error(extends_error(dir, "huge.toml"), "child.toml", 2, "extends",
               "'huge.toml': the file has 1073741824 bytes; a scenario file has at most 4194304");
  // /proc/kmsg blocked forever; /proc/self/mem loaded as an empty parent.
  for (const char* system : {"/proc/kmsg", "/proc/self/mem", "/sys/kernel/mm/transparent_hugepage/enabled"})
    expect_error(extends_error(dir, system), "child.toml", 2, "extends", "not a scenario file");
  // A FIFO would block on opening; a folder is no file.
  ASSERT_EQ(::mkfifo((dir / "fifo.toml").c_str(), 0600), 0);
  expect_error(extends_error(dir, "fifo.toml"), "child.toml", 2, "extends", "not a regular file");
  fs::create_directory(dir / "folder.toml");
  expect_error(extends_error(dir, "folder.toml"), "child.toml", 2, "extends", "not a regular file");
  // A NUL cut the path short.
  write(dir / "a", "name = \"a\"\n");
  expect_error(extends_error(dir, "a\\u0000b"), "child.toml", 2, "extends", "a file name with a NUL character");
  fs::remove_all(dir);
}

TEST(InputChecks, SpecialFilesAreRefusedAsScenarios) {
  const fs::path dir = fresh_folder("special_direct");
  ASSERT_EQ(::mkfifo((dir / "fifo.toml").c_str(), 0600), 0);
  expect_error(error_of([&] { load_scenario(dir / "fifo.toml"); }), "fifo.toml", 0, "", "not a regular file");
  expect_error(error_of([] { load_scenario("/proc/self/mem"); }), "/proc/self/mem", 0, "", "not a scenario file");
  expect_error(error_of([] { load_scenario("/dev/zero"); }), "/dev/zero", 0, "", "not a regular file");
  fs::remove_all(dir);
}

TEST(InputChecks, LongExtendsChainStopsAtTheLimit) {
  // 10,000 files extending each other crashed the recursive loader (tests/sim/cli/hostile_input_test.cpp has them
  // all); past the limit the count makes no difference.
  const fs::path dir = fresh_folder("chain");
  constexpr int kFiles = 100;
  for (int i = 0; i < kFiles; ++i)
    write(dir / ("chain_" + std::to_string(i) + ".toml"),
          "name = \"chain\"\nextends = \"chain_" + std::to_string(i + 1) + ".toml\"\n");
  const ScenarioError e = error_of([&] { load_scenario(dir / "chain_0.toml"); });
  expect_error(e, "chain_31.toml", 2, "extends", "more than 32 files extend each other: ");
  EXPECT_TRUE(contains(e.message, "chain_0.toml -> ... -> ")) << e.what();
  // A chain within the limit loads.
  write(dir / ("chain_" + std::to_string(limits::kExtends - 1) + ".toml"), "name = \"root\"\n");
  EXPECT_EQ(load_scenario(dir / "chain_0.toml").name, "chain");
  fs::remove_all(dir);
}

TEST(InputChecks, LongExtendsCycleIsNamed) {
  const fs::path dir = fresh_folder("cycle");
  constexpr int kFiles = 20;
  for (int i = 0; i < kFiles; ++i)
    write(dir / ("c" + std::to_string(i) + ".toml"),
          "name = \"c\"\nextends = \"c" + std::to_string((i + 1) % kFiles) + ".toml\"\n");
  const ScenarioError e = error_of([&] { load_scenario(dir / "c0.toml"); });
  expect_error(e, "c19.toml", 2, "extends", "extends cycle: ");
  EXPECT_TRUE(contains(e.message, "c19.toml -> ")) << e.what();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace wijksim::scenarios
