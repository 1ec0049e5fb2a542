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

// is_ascii steps 64 and 16 bytes at a time: one non-ASCII byte is seen at
// every offset of inputs around those sizes.
TEST(Utf8, IsAsciiSeesANonAsciiByteAtEveryOffset) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{15}, size_t{16}, size_t{17}, size_t{63},
                      size_t{64}, size_t{65}, size_t{150}}) {
    std::string s(size, 'a');
    EXPECT_TRUE(utf8::is_ascii(s)) << size;
    for (size_t at = 0; at < size; ++at) {
      s[at] = static_cast<char>(0x80 + at % 128);
      EXPECT_FALSE(utf8::is_ascii(s)) << size << " " << at;
      s[at] = 0x7F;
      EXPECT_TRUE(utf8::is_ascii(s)) << size << " " << at;
      s[at] = 'a';
    }
  }
}
