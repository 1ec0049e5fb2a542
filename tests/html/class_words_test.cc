// The class/id tokenizer shared by extract and meta (saring/class_words.h):
// its splitting rules case by case, and agreement with a byte-by-byte
// reading of the same rules on random values (every block boundary of the
// 16-byte path, both class-length limits).
#include "saring/class_words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using saring::html::ClassName;

std::vector<std::string> words(std::string_view value) {
  std::vector<std::string> out;
  saring::html::for_each_word(value, [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

std::vector<std::string> classes(std::string_view value) {
  std::vector<std::string> out;
  saring::html::for_each_class(value, [&](const ClassName& c) { out.emplace_back(c.text); });
  return out;
}

using V = std::vector<std::string>;

TEST(ClassWords, CaseIsLoweredNotSplit) {
  EXPECT_EQ(words("postAuthor"), V({"postauthor"}));
  EXPECT_EQ(words("ENTRY-Content"), V({"entry", "content"}));
}

TEST(ClassWords, DigitsStayInWords) {
  EXPECT_EQ(words("h1 col6"), V({"h1", "col6"}));
  EXPECT_EQ(words("col-md-6"), V({"col", "md", "6"}));
}

TEST(ClassWords, DashesUnderscoresAndPunctuationSeparate) {
  EXPECT_EQ(words("post_share--buttons"), V({"post", "share", "buttons"}));
  EXPECT_EQ(words("md:flex author.name"), V({"flex", "author", "name"}));
  EXPECT_EQ(classes("post_Meta  by-line\tx"), V({"post-meta", "by-line", "x"}));
}

TEST(ClassWords, VariantPrefixesAreConditionsNotNames) {
  // Utility classes: only what follows the last ':' names anything.
  EXPECT_EQ(words("print:break-inside-avoid xl:hidden"), V({"break", "inside", "avoid", "hidden"}));
  EXPECT_EQ(words("[&>*+*]:mt-5 md:hover:underline"), V({"mt", "5", "underline"}));
  EXPECT_EQ(classes("print:share-box lg:"), V({"share-box"}));
}

TEST(ClassWords, NonAsciiBytesSeparate) {
  EXPECT_EQ(words("caf\xC3\xA9-date"), V({"caf", "date"}));
  EXPECT_EQ(words("\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80"), V());  // "автор"
  EXPECT_EQ(words("by\xE2\x80\x94line"), V({"by", "line"}));
}

TEST(ClassWords, ClassFacts) {
  std::vector<ClassName> seen;
  std::vector<std::string> texts;
  saring::html::for_each_class("read-more plain a_b", [&](const ClassName& c) {
    seen.push_back(c);
    texts.emplace_back(c.text);
  });
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen[0].dashed);
  EXPECT_EQ(seen[0].non_word, 1ull << 4);  // the '-' of "read-more"
  EXPECT_FALSE(seen[1].dashed);
  EXPECT_EQ(seen[1].non_word, 0u);
  EXPECT_TRUE(seen[2].dashed);  // '_' is read as '-'
  EXPECT_EQ(texts[2], "a-b");
}

TEST(ClassWords, LongClassesAndWordsAreSkipped) {
  const std::string long_class(96, 'a');
  EXPECT_EQ(words("x " + long_class + " y"), V({"x", "y"}));
  EXPECT_EQ(words(std::string(95, 'a')).size(), 0u);  // a 95-byte word: too long a word
  const std::string w63(63, 'b');
  EXPECT_EQ(words(w63 + "-c"), V({w63, "c"}));
  EXPECT_EQ(words(std::string(64, 'b') + "-c"), V({"c"}));
}

// The rules read byte by byte, as the header states them.
std::vector<std::string> reference_words(std::string_view value) {
  std::vector<std::string> out;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && space(value[i])) ++i;
    const size_t b = i;
    while (i < value.size() && !space(value[i])) ++i;
    if (i == b || i - b >= 96) continue;
    std::string cls(value.substr(b, i - b)), word;
    if (size_t colon = cls.rfind(':'); colon != std::string::npos) cls.erase(0, colon + 1);
    for (char& c : cls) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    cls.push_back(' ');
    for (char c : cls) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.push_back(c);
      } else {
        if (!word.empty() && word.size() < 64) out.push_back(word);
        word.clear();
      }
    }
  }
  return out;
}

TEST(ClassWords, AgreesWithByteByByteRules) {
  std::mt19937 rng(7);
  const std::string alphabet = "aZz09-_ :.\t\n\r\f\xC3\xA9Qm";
  for (int round = 0; round < 3000; ++round) {
    std::string value;
    const size_t n = rng() % 140;
    for (size_t k = 0; k < n; ++k) {
      // Long runs of one letter now and then, to reach both length limits.
      if (rng() % 40 == 0) value.append(rng() % 100, 'k');
      else value.push_back(alphabet[rng() % alphabet.size()]);
    }
    ASSERT_EQ(words(value), reference_words(value)) << value;
  }
}

}  // namespace
