// C++ string literals for whatever text a schema holds. The compiled round trip of these is
// in tests/codegen_compile; here the exact spelling.

#include "codegen/cpp_literal.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tempest::codegen {
namespace {

TEST(StringLiteral, PlainTextIsQuoted) {
  EXPECT_EQ(string_literal("users"), R"("users")");
  EXPECT_EQ(string_literal(""), R"("")");
  EXPECT_EQ(string_literal("it's a b/c"), R"("it's a b/c")");
}

TEST(StringLiteral, QuotesAndBackslashesAreEscaped) {
  EXPECT_EQ(string_literal(R"(a"b\c)"), R"("a\"b\\c")");
  EXPECT_EQ(string_literal("ends in \\"), R"("ends in \\")");
}

TEST(StringLiteral, ControlCharactersAreEscaped) {
  EXPECT_EQ(string_literal("a\nb\tc\rd"), R"("a\nb\tc\rd")");
  // Octal with three digits, so that a following digit is not read as part of the escape.
  EXPECT_EQ(string_literal(std::string("\x01"
                                       "7",
                                       2)),
            R"("\0017")");
  EXPECT_EQ(string_literal(std::string("a\0b", 3)), R"("a\000b")");
  EXPECT_EQ(string_literal("\x7f"), R"("\177")");
}

TEST(StringLiteral, TrigraphsAreBroken) {
  // (Written "?\?" here for the same reason.)
  EXPECT_EQ(string_literal("?\?="), R"("?\?=")");
  EXPECT_EQ(string_literal("?\?\?/"), R"("?\?\?/")");
  EXPECT_EQ(string_literal("a?b?"), R"("a?b?")");
}

TEST(StringLiteral, Utf8IsKeptAndOtherBytesEscaped) {
  EXPECT_EQ(string_literal("ключ 🚀 é"), "\"ключ 🚀 é\"");
  EXPECT_EQ(string_literal("\xff"), R"("\377")");
  EXPECT_EQ(string_literal("a\xd0"), R"("a\320")");                        // truncated sequence
  EXPECT_EQ(string_literal("\xc0\xaf"), R"("\300\257")");                  // overlong '/'
  EXPECT_EQ(string_literal("\xed\xa0\x80"), R"("\355\240\200")");          // UTF-16 surrogate
  EXPECT_EQ(string_literal("\xf4\x90\x80\x80"), R"("\364\220\200\200")");  // above U+10FFFF
  EXPECT_EQ(string_literal("\xd0\xba\xff"), "\"к\\377\"");
}

using Literals = std::vector<std::string>;

TEST(ReadableLiteral, OneLineTextIsAnOrdinaryLiteral) {
  EXPECT_EQ(readable_literal("SELECT 1"), Literals{R"("SELECT 1")"});
  EXPECT_EQ(readable_literal("a\tb"), Literals{R"("a\tb")"});
  EXPECT_EQ(readable_literal(""), Literals{R"("")"});
}

TEST(ReadableLiteral, MultiLineTextIsARawString) {
  EXPECT_EQ(readable_literal("UPDATE posts\nSET a = \"b\\\"\n\tWHERE c"),
            Literals{"R\"tempest(UPDATE posts\nSET a = \"b\\\"\n\tWHERE c)tempest\""});
  EXPECT_EQ(readable_literal("a ?\?/\nb"), Literals{"R\"tempest(a ?\?/\nb)tempest\""});
}

TEST(ReadableLiteral, FallsBackToOneLiteralPerLine) {
  EXPECT_EQ(readable_literal("a\n)tempest\"b"), (Literals{R"("a\n")", R"(")tempest\"b")"}));
  EXPECT_EQ(readable_literal("a\r\nb\n"), (Literals{R"("a\r\n")", R"("b\n")"}));
  EXPECT_EQ(readable_literal("a\n\x01"), (Literals{R"("a\n")", R"("\001")"}));
  EXPECT_EQ(readable_literal("a\n\xff"), (Literals{R"("a\n")", R"("\377")"}));
}

}  // namespace
}  // namespace tempest::codegen
