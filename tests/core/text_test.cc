#include "saring/text.h"

#include <gtest/gtest.h>

using namespace saring;

TEST(Text, CountsSpacedWords) {
  EXPECT_EQ(text::count_words("Hello, world! It's 2021."), 5u);
  EXPECT_EQ(text::count_words("Über die Brücke"), 3u);
}

TEST(Text, CountsUnspacedScriptsPerCharacter) {
  EXPECT_EQ(text::count_words("東京は晴れ"), 5u);
  EXPECT_EQ(text::count_words("ภาษาไทย"), 7u);
  EXPECT_EQ(text::count_words("abc 中文"), 3u);
}

TEST(Text, CollapsesUnicodeWhitespace) {
  EXPECT_EQ(text::collapse_whitespace("  a\t\n b\xC2\xA0 c  "), "a b c");
  EXPECT_EQ(text::collapse_whitespace(""), "");
}

TEST(Text, SoftHyphensJoinWordsAndVanishWhenCollapsed) {
  EXPECT_EQ(text::count_words("Wein\xC2\xADwirt\xC2\xADschaft am Hang"), 3u);
  EXPECT_EQ(text::collapse_whitespace(" Wein\xC2\xADwirt\xC2\xADschaft \xC2\xAD am\xC2\xAD "), "Weinwirtschaft am");
}

TEST(Text, LowercasesBeyondAscii) {
  EXPECT_EQ(text::to_lower("ÄÖÜ ABC Привет"), "äöü abc привет");
}

TEST(Text, WordsAreLowercaseTokens) {
  auto w = text::words("The CAT, the cat.");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[1], "cat");
}

TEST(Text, PunctuationRatio) {
  EXPECT_DOUBLE_EQ(text::punctuation_ratio("ab!!"), 0.5);
  EXPECT_DOUBLE_EQ(text::punctuation_ratio(""), 0.0);
}
