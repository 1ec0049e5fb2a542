#include "saring/utf8.h"

#include <gtest/gtest.h>

using namespace saring;

TEST(Utf8, AcceptsWellFormed) {
  EXPECT_TRUE(utf8::is_valid("plain ascii"));
  EXPECT_TRUE(utf8::is_valid("Jakarta – Rabu, 20 Oktober 2021"));
  EXPECT_TRUE(utf8::is_valid("\xF0\x9F\x98\x80"));  // emoji
}

TEST(Utf8, RejectsOverlongSurrogateAndTruncated) {
  EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8::is_valid("abc\xE2\x82"));       // truncated
  EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // > U+10FFFF
}

TEST(Utf8, RepairReplacesEachBadByte) {
  std::string fixed = utf8::make_valid("a\xFF" "b\xC3");
  EXPECT_EQ(fixed, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_TRUE(utf8::is_valid(fixed));
}

TEST(Utf8, NextAndAppendRoundTrip) {
  std::string s = "é中😀";
  size_t pos = 0;
  std::string out;
  while (pos < s.size()) utf8::append(out, utf8::next(s, pos));
  EXPECT_EQ(out, s);
  EXPECT_EQ(utf8::length(s), 3u);
}
