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

TEST(Text, NormalizesToNfc) {
  std::string combining = "Cafe\xCC\x81 au lait";  // e + U+0301
  EXPECT_TRUE(saring::text::to_nfc(combining));
  EXPECT_EQ(combining, "Caf\xC3\xA9 au lait");
  // U+09DF is excluded from composition: NFC spells it U+09AF U+09BC.
  std::string bengali = "\xE0\xA7\x9F";
  EXPECT_TRUE(saring::text::to_nfc(bengali));
  EXPECT_EQ(bengali, "\xE0\xA6\xAF\xE0\xA6\xBC");
  // Hangul jamo compose into a syllable.
  std::string jamo = "\xE1\x84\x80\xE1\x85\xA1";  // U+1100 U+1161
  EXPECT_TRUE(saring::text::to_nfc(jamo));
  EXPECT_EQ(jamo, "\xEA\xB0\x80");  // U+AC00
  // A singleton decomposition: EN QUAD is EN SPACE; other punctuation stays.
  std::string quad = "a\xE2\x80\x80" "b \xE2\x80\x9Cq\xE2\x80\x9D";
  EXPECT_TRUE(saring::text::to_nfc(quad));
  EXPECT_EQ(quad, "a\xE2\x80\x82" "b \xE2\x80\x9Cq\xE2\x80\x9D");
  // Two-byte scripts (their table): a Cyrillic letter and its breve
  // compose; the Greek numeral sign U+0374 is a singleton for U+02B9.
  std::string cyrillic = "\xD0\xB8\xCC\x86";  // U+0438 U+0306
  EXPECT_TRUE(saring::text::to_nfc(cyrillic));
  EXPECT_EQ(cyrillic, "\xD0\xB9");  // U+0439
  std::string numeral = "\xCE\xB1\xCD\xB4";  // U+03B1 U+0374
  EXPECT_TRUE(saring::text::to_nfc(numeral));
  EXPECT_EQ(numeral, "\xCE\xB1\xCA\xB9");
  // Already NFC: unchanged, whatever the script.
  for (std::string s : {"plain ASCII", "Caf\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
                        "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9",
                        "Vi\xE1\xBB\x87t Nam", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1",
                        "\xE2\x80\x94 \xE2\x82\xAC" "5 \xE2\x80\xA6"}) {
    std::string before = s;
    EXPECT_FALSE(saring::text::to_nfc(s)) << before;
    EXPECT_EQ(s, before);
  }
}

TEST(Text, SentenceEndsBehindClosingMarksAndSpace) {
  // Quotes, brackets and white space (a no-break space too) after the stop.
  EXPECT_EQ(text::trim_closing("He left.\xE2\x80\x9D \xC2\xA0"), "He left.");
  EXPECT_EQ(text::trim_closing("(as planned.)\n"), "(as planned.");
  EXPECT_EQ(text::trim_closing(" \xE2\x80\x9D "), "");
  EXPECT_TRUE(text::ends_on_stop(text::trim_closing("\"Sit well.\"")));
  EXPECT_TRUE(text::ends_on_stop("\xE6\xA1\x8C\xE5\xAD\x90\xE3\x80\x82"));  // full-width stop
  EXPECT_TRUE(text::ends_on_stop("Why?"));
  EXPECT_FALSE(text::ends_on_stop("Read more"));
  EXPECT_FALSE(text::ends_on_stop(text::trim_closing("Chairs (new)")));
  EXPECT_FALSE(text::ends_on_stop(""));
  // A truncated sequence at the end is not read past the string's start.
  EXPECT_FALSE(text::ends_on_stop("\x80\x80"));
}
