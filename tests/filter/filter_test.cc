// Tests for the Gopher, C4 and FineWeb quality rules. Every text here was
// written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "saring/filter.h"
#include "saring/filter_toml.h"

namespace saring::filter {
namespace {

// Plain prose that every family should keep.
const std::string kProse =
    "The old harbour town wakes slowly in winter, when the fishing boats stay tied to the quay and the cafes open late.\n\n"
    "Most mornings begin with the baker, who has kept the same ovens burning for thirty years and still refuses to "
    "sell bread before it has cooled.\n\n"
    "Visitors often ask why the lighthouse is painted green instead of the usual red and white stripes. The answer, "
    "according to the harbour master, is that a shipment of paint arrived with the wrong label in 1952.\n\n"
    "Nobody wanted to waste it, so the tower has been green ever since, and the town is rather proud of that accident.\n\n"
    "In the evening the wind turns, the gulls settle on the breakwater, and the smell of smoked fish drifts over "
    "the narrow streets that lead up the hill to the church.";

double figure(const FilterResult& r, std::string_view name) {
  for (const auto& f : r.figures)
    if (f.name == name) return f.value;
  ADD_FAILURE() << "no figure " << name;
  return -1;
}

bool has_figure(const FilterResult& r, std::string_view name) {
  for (const auto& f : r.figures)
    if (f.name == name) return true;
  return false;
}

TEST(RuleNames, RoundTrip) {
  for (size_t i = 0; i < kRuleCount; ++i) {
    Rule r = static_cast<Rule>(i);
    auto back = rule_from_name(rule_name(r));
    ASSERT_TRUE(back.ok()) << rule_name(r);
    EXPECT_EQ(back.value(), r);
  }
  EXPECT_FALSE(rule_from_name("gopher_quality:nonsense").ok());
}

TEST(Evaluate, KeepsProseAndReportsFigures) {
  FilterOptions opts;
  auto r = evaluate(kProse, "en", opts);
  EXPECT_TRUE(r.kept) << r.reason;
  EXPECT_TRUE(r.reason.empty());
  EXPECT_GT(figure(r, "gopher_quality.word_count"), 100);
  EXPECT_GT(figure(r, "gopher_quality.stop_words"), 10);
  EXPECT_GT(figure(r, "c4.sentences"), 4);
  EXPECT_DOUBLE_EQ(figure(r, "gopher_repetition.dup_line_frac"), 0.0);
  EXPECT_GT(figure(r, "fineweb.line_punct_ratio"), 0.99);
  EXPECT_FALSE(r.text_changed);
  EXPECT_EQ(r.text, kProse);
  // Deterministic.
  auto again = evaluate(kProse, "en", opts);
  ASSERT_EQ(again.figures.size(), r.figures.size());
  for (size_t i = 0; i < r.figures.size(); ++i) EXPECT_EQ(again.figures[i].value, r.figures[i].value);
}

TEST(GopherQuality, TooShort) {
  FilterOptions opts;
  auto r = evaluate("A short note that ends here. It has few words. Then it stops.", "en", opts);
  EXPECT_FALSE(r.kept);
  EXPECT_EQ(r.reason, "gopher_quality:word_count");
  // Switching the rule off lets the next rule decide.
  ASSERT_TRUE(set_option(opts, "disable", "gopher_quality:word_count").ok());
  auto r2 = evaluate("A short note that ends here. It has few words. Then it stops.", "en", opts);
  EXPECT_NE(r2.reason, "gopher_quality:word_count");
}

TEST(GopherQuality, HugeInputIsRejectedCheaply) {
  FilterOptions opts;
  std::string huge;
  huge.reserve(3'000'000);
  while (huge.size() < 2'900'000) huge += "Words of a very long page go on and on. ";
  auto r = evaluate(huge, "en", opts);
  EXPECT_FALSE(r.kept);
  EXPECT_EQ(r.reason, "gopher_quality:word_count");
  EXPECT_GT(figure(r, "gopher_quality.word_count"), 100000);
}

TEST(GopherQuality, EmptyAndInvalidInput) {
  FilterOptions opts;
  auto r = evaluate("", "en", opts);
  EXPECT_FALSE(r.kept);
  EXPECT_FALSE(r.reason.empty());
  auto r2 = evaluate(std::string("\xff\xfe\xfd", 3) + kProse, "en", opts);
  EXPECT_TRUE(r2.kept) << r2.reason;
}

TEST(GopherQuality, StopWordsAreEnglishOnly) {
  // Sixty words of English-looking text without any of Gopher's stop words.
  std::string text;
  const char* words[] = {"green", "quiet", "harbour", "boats", "sail", "north", "again", "under", "grey", "skies"};
  for (int s = 0; s < 8; ++s) {
    for (int i = 0; i < 8; ++i) text += std::string(words[(s * 3 + i) % 10]) + (i == 7 ? ". " : " ");
    text += "\n";
  }
  FilterOptions opts;
  ASSERT_TRUE(set_option(opts, "gopher_repetition.enabled", "false").ok());
  auto en = evaluate(text, "en", opts);
  EXPECT_EQ(en.reason, "gopher_quality:stop_words");
  auto id = evaluate(text, "id", opts);
  EXPECT_NE(id.reason, "gopher_quality:stop_words");
  // A per-language list turns the rule on for that language.
  ASSERT_TRUE(set_option(opts, "languages.id.gopher_quality.stop_words", "yang,dan,di").ok());
  EXPECT_EQ(evaluate(text, "id", opts).reason, "gopher_quality:stop_words");
}

TEST(GopherQuality, BulletsAndEllipses) {
  FilterOptions opts;
  std::string bullets;
  for (int i = 0; i < 20; ++i)
    bullets += "- item number " + std::to_string(i) + " of the long list with the words we need\n";
  ASSERT_TRUE(set_option(opts, "gopher_repetition.enabled", "false").ok());
  EXPECT_EQ(evaluate(bullets, "en", opts).reason, "gopher_quality:bullet_lines");

  std::string ell;
  for (int i = 0; i < 20; ++i) ell += "and then line " + std::to_string(i) + " went on...\n";
  EXPECT_EQ(evaluate(ell, "en", opts).reason, "gopher_quality:ellipsis_ratio");
  ASSERT_TRUE(set_option(opts, "gopher_quality.max_symbol_word_ratio", "1").ok());
  EXPECT_EQ(evaluate(ell, "en", opts).reason, "gopher_quality:ellipsis_lines");
}

TEST(GopherRepetition, RepeatedLinesAndNgrams) {
  FilterOptions opts;
  std::string rep;
  for (int i = 0; i < 10; ++i) rep += "Subscribe to our newsletter for the latest updates and offers.\n";
  rep += kProse;
  auto r = evaluate(rep, "en", opts);
  EXPECT_FALSE(r.kept);
  EXPECT_EQ(r.reason.substr(0, 18), "gopher_repetition:");

  // Repeated phrase inside one paragraph: caught by n-gram rules.
  std::string ng = kProse + "\n\n";
  for (int i = 0; i < 30; ++i) ng += "buy cheap shoes online now ";
  ng += ".";
  auto r2 = evaluate(ng, "en", opts);
  EXPECT_FALSE(r2.kept);
  EXPECT_TRUE(r2.reason == "gopher_repetition:top_ngram" || r2.reason == "gopher_repetition:dup_ngram") << r2.reason;
  EXPECT_GT(figure(r2, "gopher_repetition.top_2_gram_char_frac"), 0.1);
}

// The n-gram figures against a direct computation of Gopher's definitions:
// top n-gram (n = 2..4): characters of the most frequent n-gram times its
// count; duplicated n-grams (n = 5..10): characters of the words covered by
// any n-gram that occurred before. Small vocabularies make every kind of
// repetition, at every n.
TEST(GopherRepetition, NgramFiguresMatchADirectCount) {
  FilterOptions opts;
  ASSERT_TRUE(set_option(opts, "disable",
                         "gopher_repetition:dup_para_frac,gopher_repetition:dup_para_char_frac,"
                         "gopher_repetition:dup_line_frac,gopher_repetition:dup_line_char_frac,"
                         "gopher_repetition:top_ngram,gopher_repetition:dup_ngram")
                  .ok());
  uint64_t seed = 42;
  auto next = [&](uint64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % bound;
  };
  for (int doc = 0; doc < 300; ++doc) {
    const uint64_t vocab = 2 + next(doc % 3 == 0 ? 4 : 40);
    std::vector<std::string> words;
    size_t n_words = 1 + next(400);
    for (size_t i = 0; i < n_words; ++i) {
      // Repeat a run of earlier words now and then: long duplicated n-grams.
      if (i > 20 && next(10) == 0) {
        size_t from = next(i - 12), len = 5 + next(8);
        for (size_t k = 0; k < len && words.size() < n_words; ++k) words.push_back(words[from + k]);
        i = words.size() - 1;
        continue;
      }
      words.push_back(std::string(1 + next(3), static_cast<char>('a' + next(std::min<uint64_t>(vocab, 26)))) +
                      std::to_string(next(vocab)));
    }
    std::string text;
    for (size_t i = 0; i < words.size(); ++i) text += (i ? (i % 17 == 0 ? "\n" : " ") : "") + words[i];
    FilterResult r = evaluate(text, "en", opts);

    double total = 0;
    for (const auto& w : words) total += static_cast<double>(w.size());
    auto gram = [&](size_t i, size_t n) {
      std::string g;
      for (size_t k = 0; k < n; ++k) g += words[i + k] + ' ';
      return g;
    };
    for (size_t n = 2; n <= 4; ++n) {
      std::map<std::string, std::pair<size_t, size_t>> counts;  // gram -> (count, first)
      for (size_t i = 0; i + n <= words.size(); ++i) {
        auto [it, fresh] = counts.try_emplace(gram(i, n), 0, i);
        ++it->second.first;
      }
      size_t best = 0, first = 0;
      for (const auto& [g, cf] : counts)
        if (cf.first > best || (cf.first == best && cf.second < first)) best = cf.first, first = cf.second;
      double want = 0;
      if (best >= 2) {
        size_t chars = 0;
        for (size_t k = first; k < first + n; ++k) chars += words[k].size();
        want = static_cast<double>(chars * best) / total;
      }
      EXPECT_DOUBLE_EQ(figure(r, "gopher_repetition.top_" + std::to_string(n) + "_gram_char_frac"), want)
          << "doc " << doc << " n " << n;
    }
    for (size_t n = 5; n <= 10; ++n) {
      std::set<std::string> seen;
      std::vector<bool> covered(words.size(), false);
      for (size_t i = 0; i + n <= words.size(); ++i)
        if (!seen.insert(gram(i, n)).second)
          for (size_t k = i; k < i + n; ++k) covered[k] = true;
      double chars = 0;
      for (size_t k = 0; k < words.size(); ++k)
        if (covered[k]) chars += static_cast<double>(words[k].size());
      EXPECT_DOUBLE_EQ(figure(r, "gopher_repetition.dup_" + std::to_string(n) + "_gram_char_frac"),
                       chars / total)
          << "doc " << doc << " n " << n;
    }
  }
}

TEST(C4, LineRulesEditTheText) {
  FilterOptions opts;
  std::string text = kProse +
                     "\n\nPlease enable JavaScript in your browser to see the comments below.\n"
                     "Share this\n"
                     "By using this site you agree to our privacy policy and terms of use.\n"
                     "As the historians noted[3], the harbour flooded twice in one decade[citation needed].";
  auto r = evaluate(text, "en", opts);
  ASSERT_TRUE(r.kept) << r.reason;
  EXPECT_TRUE(r.text_changed);
  EXPECT_EQ(r.lines_removed, 3u);
  EXPECT_EQ(r.text.find("JavaScript"), std::string::npos);
  EXPECT_EQ(r.text.find("Share this"), std::string::npos);
  EXPECT_EQ(r.text.find("privacy"), std::string::npos);
  EXPECT_NE(r.text.find("historians noted, the harbour flooded twice in one decade."), std::string::npos);
  EXPECT_NE(r.text.find("The old harbour town"), std::string::npos);
  // Paragraph breaks survive.
  EXPECT_NE(r.text.find(".\n\nMost mornings"), std::string::npos);
}

TEST(C4, DocumentRules) {
  FilterOptions opts;
  auto lorem = evaluate(kProse + "\nLorem ipsum dolor sit amet, consectetur adipiscing elit.", "en", opts);
  EXPECT_EQ(lorem.reason, "c4:lorem_ipsum");
  EXPECT_EQ(lorem.text.substr(0, 20), kProse.substr(0, 20));  // rejected: input returned
  auto curly = evaluate(kProse + "\nThe function returns { value: 1 } to the caller.", "en", opts);
  EXPECT_EQ(curly.reason, "c4:curly_bracket");
  // Fewer than three sentences once line rules ran.
  ASSERT_TRUE(set_option(opts, "gopher_quality.enabled", "false").ok());
  auto few = evaluate("Menu\nHome\nThis line is a complete sentence with enough words.\nContact", "en", opts);
  EXPECT_EQ(few.reason, "c4:too_few_sentences");
  ASSERT_TRUE(set_option(opts, "c4.min_sentences", "1").ok());
  EXPECT_NE(evaluate("Menu\nHome\nThis line is a complete sentence with enough words.\nContact", "en", opts).reason,
            "c4:too_few_sentences");
}

TEST(C4, SentencesSkipAbbreviations) {
  FilterOptions opts;
  ASSERT_TRUE(set_option(opts, "gopher_quality.enabled", "false").ok());
  ASSERT_TRUE(set_option(opts, "fineweb.enabled", "false").ok());
  // Two sentences, with periods after "Mr." and "J." that end none.
  auto two = evaluate("Mr. J. Smith of the harbour office went home early today. He said the tide was late.", "en", opts);
  EXPECT_EQ(two.reason, "c4:too_few_sentences");
  EXPECT_DOUBLE_EQ(figure(two, "c4.sentences"), 2.0);
  auto three = evaluate("The tide came in late. The boats waited by the quay! Did anyone see the harbour master?", "en", opts);
  EXPECT_TRUE(three.kept) << three.reason;
  EXPECT_DOUBLE_EQ(figure(three, "c4.sentences"), 3.0);
}

TEST(C4, BadWordsOnlyWhenConfigured) {
  FilterOptions opts;
  std::string text = kProse + "\nThe baker called the gull a frumplesnatch, which nobody understood.";
  EXPECT_TRUE(evaluate(text, "en", opts).kept);
  ASSERT_TRUE(set_option(opts, "c4.bad_words", "frumplesnatch,grobble").ok());
  EXPECT_EQ(evaluate(text, "en", opts).reason, "c4:bad_words");
  // Whole words only for spaced scripts.
  ASSERT_TRUE(set_option(opts, "c4.bad_words", "frumple").ok());
  EXPECT_TRUE(evaluate(text, "en", opts).kept);
}

TEST(FineWeb, ShortLinesAndDuplicates) {
  FilterOptions opts;
  ASSERT_TRUE(set_option(opts, "c4.enabled", "false").ok());
  std::string menu = kProse + "\n";
  for (int i = 0; i < 50; ++i) menu += "Link " + std::to_string(i) + "\n";
  ASSERT_TRUE(set_option(opts, "gopher_quality.enabled", "false").ok());
  ASSERT_TRUE(set_option(opts, "gopher_repetition.enabled", "false").ok());
  auto r = evaluate(menu, "en", opts);
  EXPECT_EQ(r.reason, "fineweb:line_punct_ratio") << figure(r, "fineweb.line_punct_ratio");
  ASSERT_TRUE(set_option(opts, "fineweb.min_line_punct_ratio", "0").ok());
  EXPECT_EQ(evaluate(menu, "en", opts).reason, "fineweb:short_line_ratio");

  std::string dup = kProse + "\nRead more about the harbour in our archive.\nRead more about the harbour in our archive.";
  EXPECT_EQ(evaluate(dup, "en", opts).reason, "fineweb:char_dup_ratio");
  ASSERT_TRUE(set_option(opts, "fineweb.max_char_dup_ratio", "0.1").ok());
  EXPECT_TRUE(evaluate(dup, "en", opts).kept);
}

// Chinese text (written for this test): measured per character, no
// word-length rule, CJK sentence ends count as terminal punctuation.
const std::string kChinese =
    "这个小镇在冬天醒得很慢，渔船都停在码头边，咖啡馆也很晚才开门。\n"
    "每天早上，面包师傅总是第一个起床，他已经用同一个烤炉工作了三十年。\n"
    "游客常常问为什么灯塔被漆成绿色，而不是常见的红白条纹。\n"
    "据港务长说，一九五二年运来的一批油漆贴错了标签，大家不愿意浪费。\n"
    "从那以后，灯塔一直是绿色的，镇上的人反而为这个意外感到骄傲。\n"
    "傍晚风向改变，海鸥落在防波堤上，熏鱼的香味飘过通往山顶教堂的窄街。";

TEST(Languages, ChineseIsMeasuredPerCharacter) {
  FilterOptions opts;
  auto r = evaluate(kChinese, "zh", opts);
  EXPECT_TRUE(r.kept) << r.reason;
  EXPECT_GT(figure(r, "gopher_quality.word_count"), 150);
  EXPECT_FALSE(has_figure(r, "gopher_quality.stop_words"));
  // Auto mode recognises the script even without the language code.
  EXPECT_TRUE(evaluate(kChinese, "", opts).kept);
  // Forcing spaced words breaks it (one "word" per clause): the switch works.
  ASSERT_TRUE(set_option(opts, "languages.zh.word_mode", "spaced").ok());
  EXPECT_FALSE(evaluate(kChinese, "zh", opts).kept);
  EXPECT_TRUE(evaluate(kChinese, "ja", opts).kept);
}

TEST(Options, LayeringAndErrors) {
  FilterOptions opts;
  ASSERT_TRUE(set_option(opts, "languages.de.c4.min_words_per_line", "3").ok());
  ASSERT_TRUE(set_option(opts, "c4.min_sentences", "7").ok());  // default set after the override
  EXPECT_EQ(opts.for_language("de").c4.min_words_per_line, 3u);
  EXPECT_EQ(opts.for_language("de").c4.min_sentences, 7u);
  EXPECT_EQ(opts.for_language("fr").c4.min_words_per_line, 5u);
  EXPECT_EQ(opts.for_language("en").gopher_quality.stop_words.size(), 8u);
  EXPECT_TRUE(opts.for_language("fr").gopher_quality.stop_words.empty());
  EXPECT_DOUBLE_EQ(opts.for_language("ko").gopher_quality.min_mean_word_length, 1.0);  // FineWeb-2's Korean bound
  ASSERT_TRUE(set_option(opts, "gopher_repetition.max_dup_ngram_char_frac", "0.3,0.3,0.3,0.3,0.3,0.3").ok());
  EXPECT_DOUBLE_EQ(opts.rules.gopher_repetition.max_dup_ngram_char_frac[5], 0.3);

  EXPECT_FALSE(set_option(opts, "c4.min_words_per_lines", "3").ok());
  EXPECT_FALSE(set_option(opts, "c4.min_words_per_line", "three").ok());
  EXPECT_FALSE(set_option(opts, "fineweb.max_short_line_ratio", "-1").ok());
  EXPECT_FALSE(set_option(opts, "gopher_repetition.max_top_ngram_char_frac", "0.1,0.2").ok());
  EXPECT_FALSE(set_option(opts, "disable", "c4:nope").ok());
  EXPECT_FALSE(set_option(opts, "languages..c4.enabled", "false").ok());
  EXPECT_FALSE(set_option(opts, "word_mode", "sideways").ok());
}

TEST(Options, FromToml) {
  auto parsed = toml::parse(R"(
disable = ["c4:terminal_punct"]
[fineweb]
max_char_dup_ratio = 0.1
enabled = true
[gopher_quality]
min_words = 20
[languages.zh.c4]
min_words_per_line = 10
)");
  FilterOptions opts;
  auto st = apply_toml(opts, parsed);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  EXPECT_TRUE(opts.rules.disabled.test(static_cast<size_t>(Rule::c4_terminal_punct)));
  EXPECT_DOUBLE_EQ(opts.rules.fineweb.max_char_dup_ratio, 0.1);
  EXPECT_EQ(opts.rules.gopher_quality.min_words, 20u);
  EXPECT_EQ(opts.for_language("zh").c4.min_words_per_line, 10u);
  EXPECT_EQ(opts.for_language("zh").gopher_quality.min_words, 20u);

  FilterOptions bad;
  EXPECT_FALSE(apply_toml(bad, toml::parse("[c4]\nmin_words_per_line = \"x\"\n")).ok());
  EXPECT_FALSE(apply_toml(bad, toml::parse("[c4]\nunknown = 1\n")).ok());
}

// bounds() names, for each enabled rule, the figure it cuts and where; the
// figures are those evaluate() reports.
TEST(Bounds, FollowTheRulesAndNameReportedFigures) {
  FilterOptions options;
  auto find = [](const std::vector<Bound>& all, std::string_view figure) -> const Bound* {
    for (const auto& b : all)
      if (b.figure == figure) return &b;
    return nullptr;
  };
  auto all = bounds(options.rules);
  const Bound* words = find(all, "gopher_quality.word_count");
  ASSERT_NE(words, nullptr);
  EXPECT_EQ(words->reason, "gopher_quality:word_count");
  EXPECT_EQ(words->min, 50.0);
  EXPECT_EQ(words->max, 100000.0);
  ASSERT_NE(find(all, "fineweb.char_dup_ratio"), nullptr);
  EXPECT_TRUE(find(all, "fineweb.char_dup_ratio")->max_inclusive);
  EXPECT_FALSE(words->max_inclusive);

  // Kept prose carries every figure: each bound names one of them.
  auto kept = evaluate(kProse, "en", options);
  ASSERT_TRUE(kept.kept);
  for (const auto& b : bounds(options.for_language("en"))) EXPECT_TRUE(has_figure(kept, b.figure)) << b.figure;

  ASSERT_TRUE(set_option(options, "gopher_quality.min_words", "20").ok());
  ASSERT_TRUE(set_option(options, "disable", "fineweb:list_ratio").ok());
  ASSERT_TRUE(set_option(options, "c4.enabled", "false").ok());
  all = bounds(options.rules);
  EXPECT_EQ(find(all, "gopher_quality.word_count")->min, 20.0);
  EXPECT_EQ(find(all, "fineweb.list_ratio"), nullptr);
  EXPECT_EQ(find(all, "c4.sentences"), nullptr);
  EXPECT_NE(find(all, "fineweb.short_line_ratio"), nullptr);
}

}  // namespace
}  // namespace saring::filter
