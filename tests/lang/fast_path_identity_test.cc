// Differential test: the cached tokenizer (default path) against fastText's
// own predictLine (IdentifyOptions::use_predict_line) on generated texts. Both
// must give the same codes in the same order and bit-equal scores, whatever
// the state of the per-thread token cache.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "saring/lang.h"
#include "saring/text.h"

using namespace saring;

namespace {

const lang::LanguageIdentifier& model() {
  static auto loaded =
      lang::LanguageIdentifier::load(std::string(SARING_DATA_DIR) + "/lid.176.ftz");
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.error().describe();
    std::abort();
  }
  return *loaded.value();
}

// Words of several scripts; some are in the model's vocabulary, most are not.
const std::vector<std::string>& word_pool() {
  static const std::vector<std::string> pool = {
      "the", "and", "of", "city", "council", "announced", "road", "year", "weather", "is",
      "der", "die", "und", "Straße", "nächstes", "Jahr", "über", "ist", "ein", "Wetter",
      "le", "la", "les", "mairie", "annoncé", "l'année", "prochaine", "été", "où", "français",
      "el", "de", "que", "año", "ciudad", "niño", "está", "pequeño", "más", "también",
      "Городской", "совет", "объявил", "о", "планах", "дороги", "году", "и", "в", "не",
      "Η", "πόλη", "ανακοίνωσε", "νέο", "δρόμο", "και", "του", "στο", "είναι", "για",
      "المدينة", "أعلنت", "عن", "خطط", "طريق", "جديد", "في", "من", "على", "إلى",
      "העירייה", "הודיעה", "על", "כביש", "חדש", "של", "את", "זה", "לא", "הוא",
      "市政府", "宣布了", "一项新的", "道路建设计划", "预计明年完工", "的", "是", "在", "我们", "中国",
      "東京", "ひらがな", "カタカナ", "です", "ます", "日本語", "の", "は", "を", "に",
      "รัฐบาลประกาศแผนการ", "สร้างถนน", "สายใหม่", "ซึ่ง", "จะ", "แล้วเสร็จ", "ในปีหน้า",
      "नगर", "परिषद", "ने", "नई", "सड़क", "की", "योजना", "घोषणा", "है", "और",
      "서울시는", "새로운", "도로", "건설", "계획을", "발표했다", "그리고", "이", "가", "는",
      "Pemerintah", "kota", "mengumumkan", "rencana", "pembangunan", "jalan", "baru", "yang",
      "ok", "a", "I", "x", "123", "2024", "3.14", "e-mail", "co-op", "naïve", "😀", "🇫🇷",
  };
  return pool;
}

// Tokens fastText treats specially: labels, label look-alikes, the
// end-of-sentence token (which ends the line), the n-gram brackets.
const std::vector<std::string>& special_pool() {
  static const std::vector<std::string> pool = {
      "__label__en", "__label__de", "__label__", "__label__xx", "__label__zh", "</s>",
      "</s>x", "<", ">", "<s>", "<>", "__LABEL__en", "_label_en", "label__en", "x__label__en",
  };
  return pool;
}

const std::vector<std::string>& punctuation_pool() {
  static const std::vector<std::string> pool = {
      ".", ",", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]", "-", "—", "–", "…",
      "«", "»", "“", "”", "、", "。", "，", "！", "؟", "·", "•", "/", "\\", "|", "#", "@",
  };
  return pool;
}

// Byte runs that may separate tokens: fastText's separators, other control
// bytes, and bytes that are not separators at all.
const std::vector<std::string>& separator_pool() {
  static const std::vector<std::string> pool = {
      " ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\r", std::string(1, '\0'),
      std::string("\0\0", 2), "\x01", "\x1f", "\x7f", "\xc2\xa0", "\xe3\x80\x80", "",
  };
  return pool;
}

std::string random_token(std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 99);
  int k = kind(rng);
  if (k < 68) return word_pool()[rng() % word_pool().size()];
  if (k < 70) return special_pool()[rng() % special_pool().size()];
  if (k < 85) return punctuation_pool()[rng() % punctuation_pool().size()];
  if (k < 92) {  // a random word in a random alphabet
    static const std::vector<std::string> letters = {"a", "e", "k", "t", "é", "ß", "ж", "λ",
                                                     "ب", "ש", "中", "の", "ก", "क", "한"};
    std::string w;
    size_t n = 1 + rng() % 12;
    for (size_t i = 0; i < n; ++i) w += letters[rng() % letters.size()];
    return w;
  }
  if (k < 95) {  // a very long token
    std::string w;
    size_t n = 100 + rng() % 3000;
    for (size_t i = 0; i < n; ++i) w.push_back(static_cast<char>('a' + rng() % 26));
    if (rng() % 2) w += "ü中";
    return w;
  }
  if (k < 98) {  // invalid UTF-8 and stray high bytes
    static const std::vector<std::string> bad = {"\xff", "\x80", "\xc3", "ab\xe2\x82", "\xed\xa0\x80",
                                                 "\xf4\x90\x80\x80", "x\xc0\xafy"};
    return bad[rng() % bad.size()];
  }
  return std::to_string(rng() % 100000);
}

std::string random_text(std::mt19937& rng) {
  std::string text;
  size_t tokens = rng() % 8 == 0 ? rng() % 4 : rng() % 400;
  for (size_t i = 0; i < tokens; ++i) {
    if (i > 0 || rng() % 4 == 0) text += separator_pool()[rng() % separator_pool().size()];
    text += random_token(rng);
  }
  if (rng() % 3 == 0) text += separator_pool()[rng() % separator_pool().size()];
  return text;
}

// The text for a failure message (the start of it: generated texts are long).
std::string show(const std::string& text) {
  constexpr size_t kShown = 200;
  return std::to_string(text.size()) + " bytes: " +
         testing::PrintToString(text.size() > kShown ? text.substr(0, kShown) + "..." : text);
}

// Same codes, same order, bit-equal scores.
void expect_same(const std::vector<lang::Guess>& fast, const std::vector<lang::Guess>& ref,
                 const std::string& text) {
  ASSERT_EQ(fast.size(), ref.size()) << show(text);
  for (size_t i = 0; i < ref.size(); ++i) {
    EXPECT_EQ(fast[i].code, ref[i].code) << i << " " << show(text);
    EXPECT_EQ(std::bit_cast<uint64_t>(fast[i].score), std::bit_cast<uint64_t>(ref[i].score))
        << i << " " << fast[i].score << " vs " << ref[i].score << " "
        << show(text);
  }
}

std::vector<lang::Guess> reference(const std::string& text, int k, lang::IdentifyOptions o) {
  o.use_predict_line = true;
  return model().identify_top(text, k, o);
}

}  // namespace

TEST(FastPathIdentity, GeneratedTextsGiveTheSameAnswer) {
  std::mt19937 rng(20261129);
  const int ks[] = {1, 3, 176, 500};
  const size_t max_bytes[] = {2 * 1024, 2 * 1024, 100, 1 << 20};
  size_t compared = 0, non_empty = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string text = random_text(rng);
    lang::IdentifyOptions o;
    o.max_bytes = max_bytes[rng() % 4];
    o.min_words = rng() % 3 == 0 ? 0 : 3;
    int k = ks[rng() % 4];
    auto ref = reference(text, k, o);
    auto fast = model().identify_top(text, k, o);
    expect_same(fast, ref, text);
    ++compared;
    if (!ref.empty()) ++non_empty;
    if (HasFailure()) break;
  }
  // The generator must exercise the model, not only the too-short exit.
  EXPECT_GT(non_empty, compared / 2);
}

TEST(FastPathIdentity, EdgeCases) {
  lang::IdentifyOptions o;
  o.min_words = 0;
  const std::string long_token(5000, 'q');
  const std::vector<std::string> texts = {
      "",
      " ",
      "\n",
      std::string("\0", 1),
      "\t\v\f\r\n \x01",
      "</s>",
      "</s> Die Stadtverwaltung kündigte Pläne an",
      "The city council </s> Die Stadtverwaltung kündigte Pläne an",
      "The city council</s> Die Stadtverwaltung </s>x kündigte",
      "__label__en",
      "__label__en __label__de Le gouvernement a présenté hier un projet",
      "Le gouvernement\ta\vprésenté\fhier\run\nprojet\0de loi",
      long_token,
      "word " + long_token + " Wort " + long_token,
      std::string(3000, ' ') + "Das ist ein kurzer deutscher Satz",
      "市政府宣布了一项新的道路建设计划，预计明年完工。市政府宣布了一项新的道路建设计划。",
  };
  // A line far longer than fastText's MAX_LINE_SIZE (1024 tokens).
  std::string many;
  for (int i = 0; i < 5000; ++i) many += word_pool()[static_cast<size_t>(i) % word_pool().size()] + " ";
  lang::IdentifyOptions unbounded = o;
  unbounded.max_bytes = many.size();
  expect_same(model().identify_top(many, 3, unbounded), reference(many, 3, unbounded), many);
  for (const auto& text : texts) {
    for (int k : {1, 3, 176}) expect_same(model().identify_top(text, k, o), reference(text, k, o), text);
  }
  // max_bytes cutting inside a multi-byte character, at every offset.
  const std::string greek = "Η πόλη ανακοίνωσε νέο δρόμο και του στο είναι για";
  for (size_t cut = 1; cut < greek.size(); ++cut) {
    lang::IdentifyOptions c = o;
    c.max_bytes = cut;
    expect_same(model().identify_top(greek, 3, c), reference(greek, 3, c), greek);
  }
}

// The cache is emptied when full; answers must not depend on what it holds.
TEST(FastPathIdentity, AnswersDoNotDependOnCacheState) {
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) texts.push_back(random_text(rng));
  std::vector<std::vector<lang::Guess>> cold;
  for (const auto& t : texts) cold.push_back(model().identify_top(t, 3));
  // A hundred thousand distinct tokens: the cache turns over several times.
  for (int i = 0; i < 100; ++i) {
    std::string filler;
    for (int j = 0; j < 1000; ++j) filler += "tok" + std::to_string(i * 1000 + j) + " ";
    lang::IdentifyOptions big;
    big.max_bytes = filler.size();
    (void)model().identify_top(filler, 1, big);
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    expect_same(model().identify_top(texts[i], 3), cold[i], texts[i]);
    expect_same(model().identify_top(texts[i], 3), reference(texts[i], 3, {}), texts[i]);
  }
}

TEST(FastPathIdentity, SameAnswersFromManyThreads) {
  std::mt19937 rng(11);
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(random_text(rng));
  std::vector<std::vector<lang::Guess>> expected;
  for (const auto& t : texts) expected.push_back(reference(t, 3, {}));
  std::vector<std::thread> threads;
  std::vector<std::vector<std::vector<lang::Guess>>> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < texts.size(); ++i) {
        got[t].push_back(model().identify_top(texts[(i + 37 * t) % texts.size()], 3));
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    for (size_t i = 0; i < texts.size(); ++i) {
      size_t j = (i + 37 * t) % texts.size();
      expect_same(got[t][i], expected[j], texts[j]);
    }
  }
}

// Two loaded models used in turn from one thread: each answer must come from
// its own model's ids (the per-thread cache is tied to one instance).
TEST(FastPathIdentity, TwoInstancesInOneThread) {
  auto other = lang::LanguageIdentifier::load(std::string(SARING_DATA_DIR) + "/lid.176.ftz");
  ASSERT_TRUE(other.ok());
  std::mt19937 rng(3);
  for (int i = 0; i < 100; ++i) {
    std::string text = random_text(rng);
    const lang::LanguageIdentifier& which = i % 2 ? model() : *other.value();
    expect_same(which.identify_top(text, 3), reference(text, 3, {}), text);
  }
}

// identify_top() answers only when count_words() over the first max_bytes
// reaches min_words; it counts a short prefix first and the whole only when
// needed. The decision must equal the plain full count, on both sides of the
// threshold and for unspaced scripts (one word per character).
TEST(FastPathIdentity, MinWordsDecisionEqualsTheFullCount) {
  std::mt19937 rng(5);
  size_t answered = 0, refused = 0;
  for (int i = 0; i < 400; ++i) {
    std::string t = random_text(rng);
    size_t words = text::count_words(t.substr(0, std::min(t.size(), size_t{2048})));
    // Small thresholds (settled by the prefix) and words-1, words, words+1.
    for (size_t min_words : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{10}, size_t{20},
                             words > 1 ? words - 1 : 1, words, words + 1}) {
      lang::IdentifyOptions o;
      o.min_words = min_words;
      bool expect_answer = words >= o.min_words;
      EXPECT_EQ(!model().identify_top(t, 1, o).empty(), expect_answer) << show(t) << " " << words;
      (expect_answer ? answered : refused)++;
    }
  }
  EXPECT_GT(answered, 100u);
  EXPECT_GT(refused, 100u);
}
