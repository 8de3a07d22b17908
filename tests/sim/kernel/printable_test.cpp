#include "sim/kernel/printable.hpp"

#include <gtest/gtest.h>

namespace wijksim::kernel {
namespace {

TEST(Printable, EscapesTerminalControls) {
  EXPECT_EQ(printable("\x1b[31mred\x1b[0m"), "\\u001B[31mred\\u001B[0m");
  EXPECT_EQ(printable(std::string_view("a\0b", 3)), "a\\u0000b");
  EXPECT_EQ(printable("line\nnext\ttab\rback\x7f"), "line\\nnext\\ttab\\rback\\u007F");
  EXPECT_EQ(printable("csi \xc2\x9b"), "csi \\u009B");  // U+009B in UTF-8
}

TEST(Printable, KeepsOrdinaryText) {
  EXPECT_EQ(printable("scenarios/wijkteam.toml:12: teams.0.fte"), "scenarios/wijkteam.toml:12: teams.0.fte");
  EXPECT_EQ(printable("Zuid \xc3\xa9\xc3\xa0 \xe2\x82\xac"), "Zuid \xc3\xa9\xc3\xa0 \xe2\x82\xac");  // é à €
  EXPECT_EQ(printable("\xc2\xa0"), "\xc2\xa0");  // U+00A0 is no control
}

}  // namespace
}  // namespace wijksim::kernel
