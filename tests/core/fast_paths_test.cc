// Differential tests: the ASCII/SIMD fast paths of count_words,
// collapse_whitespace, to_lower and utf8::is_valid against straightforward
// per-code-point definitions, on every code point and on random bytes
// (valid and invalid UTF-8, runs that cross 16- and 64-byte blocks).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "saring/text.h"
#include "saring/utf8.h"

using namespace saring;

namespace {

size_t reference_count_words(std::string_view s) {
  size_t n = 0, pos = 0;
  bool in_word = false;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (cp == 0x00AD) continue;  // a soft hyphen neither ends nor starts a word
    bool w = text::is_word_char(cp);
    if (w && text::is_unspaced_script(cp)) {
      ++n;
      in_word = false;
      continue;
    }
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

std::string reference_collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);
    if (text::is_space(cp)) {
      pending = !out.empty();
      continue;
    }
    if (cp == 0x00AD) continue;  // soft hyphens are dropped
    if (pending) out.push_back(' ');
    pending = false;
    out.append(s.data() + here, pos - here);
  }
  return out;
}

bool reference_valid(std::string_view sv) {
  size_t pos = 0;
  while (pos < sv.size()) {
    size_t before = pos;
    char32_t cp = utf8::next(sv, pos);
    if (cp == utf8::kReplacement) {
      // A real U+FFFD is three bytes EF BF BD.
      if (pos - before != 3) return false;
    }
  }
  return true;
}

std::string random_text(std::mt19937& rng, size_t len) {
  static const char* pieces[] = {"a", "Z", "9", "_", " ", "\t", "\n", ",", ".", "-", "word",
                                 "\xC2\xA0", "\xE2\x80\x83", "\xE2\x80\x8B", "\xE3\x80\x80",
                                 "\xEF\xBB\xBF", "\xE1\x9A\x80", "\xE2\x81\x9F", "\xC3\xA9",
                                 "\xE4\xB8\xAD", "\xE0\xB8\x81", "\xF0\x9F\x98\x80", "\xFF",
                                 "\xC2", "\xE2\x80", "\x80", "\xED\xA0\x80", "\xC0\xAF",
                                 "\xD0\x96", "\xE2\x80\x94", "\xEF\xBC\x8C"};
  std::uniform_int_distribution<size_t> pick(0, sizeof(pieces) / sizeof(pieces[0]) - 1);
  std::uniform_int_distribution<int> run(1, 40);
  std::string s;
  while (s.size() < len) {
    if (rng() % 4 == 0) {
      s.append(static_cast<size_t>(run(rng)), static_cast<char>('a' + rng() % 26));
    } else {
      s += pieces[pick(rng)];
    }
  }
  return s;
}

}  // namespace

TEST(FastPaths, EveryCodePointCountsAndCollapsesAsDefined) {
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string one;
    utf8::append(one, cp);
    for (const std::string& s : {one, "ab " + one + " cd", "x" + one + "y",
                                 std::string(17, 'k') + one + std::string(20, ' ') + "z"}) {
      ASSERT_EQ(text::count_words(s), reference_count_words(s)) << std::hex << static_cast<uint32_t>(cp);
      ASSERT_EQ(text::collapse_whitespace(s), reference_collapse(s)) << std::hex << static_cast<uint32_t>(cp);
    }
  }
}

TEST(FastPaths, RandomBytesMatchTheDefinitions) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 20000; ++round) {
    std::string s = random_text(rng, rng() % 300);
    ASSERT_EQ(text::count_words(s), reference_count_words(s)) << s;
    ASSERT_EQ(text::collapse_whitespace(s), reference_collapse(s)) << s;
    ASSERT_EQ(utf8::is_valid(s), reference_valid(s)) << s;
    for (size_t k : {0, 1, 5, 20, 1000}) {
      ASSERT_EQ(text::has_words(s, k), text::count_words(s) >= k) << s;
    }
  }
}

TEST(FastPaths, EverySpaceAtEveryOffsetOfARun) {
  // Runs are scanned 16 bytes at a time: each kind of space, and the bytes
  // that only look like one, at every offset of a long run and its end.
  for (std::string_view piece : {" ", "  ", "\t", " \n", "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x83",
                                 "\xE2\x80\x99", " \xE2\x80\x99", " \xE3\x80\x80", "\xEF\xBB\xBF"}) {
    for (size_t at = 0; at <= 40; ++at) {
      std::string s = std::string(at, 'w') + std::string(piece) + std::string(40 - at, 'v');
      ASSERT_EQ(text::collapse_whitespace(s), reference_collapse(s)) << at;
      s.resize(at + piece.size());
      ASSERT_EQ(text::collapse_whitespace(s), reference_collapse(s)) << at;
    }
  }
}

TEST(FastPaths, LongTextsAcrossBlocks) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string s = random_text(rng, 5000 + rng() % 9000);
    ASSERT_EQ(text::count_words(s), reference_count_words(s));
    ASSERT_EQ(text::collapse_whitespace(s), reference_collapse(s));
    ASSERT_EQ(utf8::is_valid(s), reference_valid(s));
    for (size_t k : {10, 20, 900, 5000}) ASSERT_EQ(text::has_words(s, k), text::count_words(s) >= k);
  }
  // Long valid ASCII and non-ASCII runs with one bad byte at every offset.
  std::string ascii(200, 'a');
  for (size_t at = 0; at < ascii.size(); ++at) {
    std::string bad = ascii;
    bad[at] = '\xFF';
    ASSERT_FALSE(utf8::is_valid(bad)) << at;
  }
  ASSERT_TRUE(utf8::is_valid(ascii));
}

TEST(FastPaths, ToLowerAsciiAndBeyond) {
  EXPECT_EQ(text::to_lower("Hello WORLD"), "hello world");
  EXPECT_EQ(text::to_lower("ÜBER Straße"), "über straße");
  EXPECT_EQ(text::to_lower(""), "");
  EXPECT_EQ(text::to_lower("ABC\xFF" "DEF"), "abc\xEF\xBF\xBD" "def");
}
