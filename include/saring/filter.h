// Document quality filters with the published rules and default thresholds of
// Gopher (quality and repetition; Rae et al. 2021, "Scaling Language Models:
// Methods, Analysis & Insights from Training Gopher", appendix A / table A1),
// C4 (Raffel et al. 2020, section 2.2, and its reference code, TFDS
// c4_utils.py) and FineWeb (Penedo et al. 2024; datatrove's
// FineWebQualityFilter, which produced the dataset).
//
// One call, evaluate(), runs the four rule families in FineWeb's pipeline
// order (Gopher repetition, Gopher quality, C4, FineWeb) and returns kept or
// rejected, the first failing rule ("gopher_quality:word_count"), the figures
// it computed (for the output's quality metadata) and, because C4 works on
// lines, the text with C4's dropped lines removed.
//
//   saring::filter::FilterOptions options;                 // published defaults
//   SARING_CHECK(saring::filter::set_option(options, "c4.min_words_per_line", "3"));
//   auto result = saring::filter::evaluate(text, "en", options);
//   if (!result.kept) log(result.reason);                  // "c4:too_few_sentences"
//
// Every rule can be switched off (`disable`, by rule name) or retuned, for all
// languages or per language (`languages.<code>.<key>`; FineWeb-2 publishes
// tuned per-language thresholds that can be entered this way). Built in:
// Gopher's stop words for English, FineWeb-2's word-length bounds for Korean. Text in scripts
// written without spaces (Chinese, Japanese, Thai, ...) is measured with
// saring::text's script-aware word units (one character = one word); for it
// the mean-word-length rule is off, since its bounds assume spaced words.
//
// Pure and thread-safe: evaluate() reads the options and the text only.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "saring/result.h"

namespace saring::filter {

// Every individual rule, by family. The name of each (rule_name()) is the
// rejection reason and the key used to switch it off.
enum class Rule : uint8_t {
  // Gopher quality
  gq_word_count,         // "gopher_quality:word_count"
  gq_mean_word_length,   // "gopher_quality:mean_word_length"
  gq_hash_ratio,         // "gopher_quality:hash_ratio"
  gq_ellipsis_ratio,     // "gopher_quality:ellipsis_ratio"
  gq_bullet_lines,       // "gopher_quality:bullet_lines"
  gq_ellipsis_lines,     // "gopher_quality:ellipsis_lines"
  gq_alpha_words,        // "gopher_quality:alpha_words"
  gq_stop_words,         // "gopher_quality:stop_words"
  // Gopher repetition
  gr_dup_para_frac,      // "gopher_repetition:dup_para_frac"
  gr_dup_para_char_frac, // "gopher_repetition:dup_para_char_frac"
  gr_dup_line_frac,      // "gopher_repetition:dup_line_frac"
  gr_dup_line_char_frac, // "gopher_repetition:dup_line_char_frac"
  gr_top_ngram,          // "gopher_repetition:top_2_gram" .. top_4_gram (one switch)
  gr_dup_ngram,          // "gopher_repetition:dup_5_gram" .. dup_10_gram (one switch)
  // C4: line rules (drop the line) and document rules (reject the document)
  c4_long_word_lines,    // "c4:long_word_lines"      line: a word > max_word_length
  c4_terminal_punct,     // "c4:terminal_punct"       line: no terminal punctuation
  c4_short_lines,        // "c4:short_lines"          line: < min_words_per_line words
  c4_javascript_lines,   // "c4:javascript_lines"     line: mentions "javascript"
  c4_policy_lines,       // "c4:policy_lines"         line: terms of use, cookies, ...
  c4_citations,          // "c4:citations"            edit: removes [1], [edit], [citation needed]
  c4_lorem_ipsum,        // "c4:lorem_ipsum"          document
  c4_curly_bracket,      // "c4:curly_bracket"        document
  c4_too_few_sentences,  // "c4:too_few_sentences"    document, after line filtering
  c4_bad_words,          // "c4:bad_words"            document; off by default (no list shipped)
  // FineWeb
  fw_empty,              // "fineweb:empty"
  fw_line_punct_ratio,   // "fineweb:line_punct_ratio"
  fw_short_line_ratio,   // "fineweb:short_line_ratio"
  fw_char_dup_ratio,     // "fineweb:char_dup_ratio"
  fw_list_ratio,         // "fineweb:list_ratio"
  count_
};

inline constexpr size_t kRuleCount = static_cast<size_t>(Rule::count_);

// "gopher_quality:word_count" etc.
std::string_view rule_name(Rule rule);
// Inverse of rule_name() (exact names only).
Result<Rule> rule_from_name(std::string_view name);

// Gopher quality rules (MassiveText, Rae et al. 2021, section A.1.1). A
// document is rejected when a figure falls outside its bound.
struct GopherQualityRules {
  bool enabled = true;
  size_t min_words = 50;                 // "between 50 and 100,000 words"
  size_t max_words = 100000;              // 0: no upper bound
  double min_mean_word_length = 3.0;     // "mean word length ... 3 to 10 characters"
  double max_mean_word_length = 10.0;
  double max_symbol_word_ratio = 0.1;    // '#' and ellipsis each, per word
  double max_bullet_lines_ratio = 0.9;   // "more than 90% of lines starting with a bullet"
  double max_ellipsis_lines_ratio = 0.3; // "more than 30% ending with an ellipsis"
  double min_alpha_words_ratio = 0.8;    // "80% of words ... at least one alphabetic character"
  size_t min_stop_words = 2;             // "at least two of the following English words"
  // Occurrences are counted (as datatrove does), case-insensitively. A bare
  // struct holds Gopher's English list; FilterOptions() keeps it for "en"
  // only and empties it for every other language, since Gopher published no
  // list for them (an empty list switches the rule off). Set
  // `languages.<code>.gopher_quality.stop_words` to turn it on elsewhere.
  std::vector<std::string> stop_words = {"the", "be", "to", "of", "and", "that", "have", "with"};
};

// Gopher repetition rules (Rae et al. 2021, table A1). Line and paragraph
// character fractions are over the characters of the document's non-empty
// lines (trimmed); n-gram character fractions are over the characters of
// its words (spaces and punctuation not counted), so the measures do not
// depend on formatting. Lines are non-empty lines; paragraphs are separated
// by blank lines.
struct GopherRepetitionRules {
  bool enabled = true;
  double max_dup_line_frac = 0.30;       // duplicate line fraction
  double max_dup_para_frac = 0.30;       // duplicate paragraph fraction
  double max_dup_line_char_frac = 0.20;  // duplicate line character fraction
  double max_dup_para_char_frac = 0.20;  // duplicate paragraph character fraction
  // Characters in the most frequent n-gram, n = 2, 3, 4.
  std::array<double, 3> max_top_ngram_char_frac = {0.20, 0.18, 0.16};
  // Characters in all duplicated n-grams (each counted once), n = 5 .. 10.
  std::array<double, 6> max_dup_ngram_char_frac = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};
  // Our adaptation for text measured per character (CJK, Thai, ...): an
  // n-gram of words is taken as an n-gram of round(n * scale) characters,
  // since such words average about two characters. Gopher published no
  // setting for these scripts (datatrove segments them into words instead).
  double unspaced_ngram_scale = 2.0;
};

// The compiled form of C4Rules::bad_words (an RE2 alternation), built by
// set_option(); opaque.
class BadWordsMatcher;

// C4 rules (Raffel et al. 2020, section 2.2; thresholds from the reference
// implementation, TFDS c4_utils.py: _MIN_WORDS_PER_LINE = 5,
// _MIN_NUM_SENTENCES = 3, _MAX_WORD_LENGTH = 1000). Line rules remove lines
// and the document goes on; document rules reject it.
struct C4Rules {
  bool enabled = true;
  size_t min_words_per_line = 5;
  size_t max_word_length = 1000;         // in characters
  size_t min_sentences = 3;              // counted on the kept lines
  // Words matched whole and case-insensitively (CJK/Thai: as substrings).
  // C4 used the LDNOOBW list; we ship none, so the rule is off by default.
  std::vector<std::string> bad_words;
  // Compiled bad_words; set_option("c4.bad_words", ...) fills it. When null
  // and bad_words is not empty, evaluate() compiles the list per call.
  std::shared_ptr<const BadWordsMatcher> bad_words_matcher;
};

// FineWeb rules (datatrove FineWebQualityFilter, the code FineWeb was made
// with). Empty lines are ignored, so paragraphs separated by blank lines
// measure the same as single newlines.
struct FineWebRules {
  bool enabled = true;
  double min_line_punct_ratio = 0.12;    // lines ending in terminal punctuation
  bool line_punct_exclude_zero = false;  // datatrove's option: a ratio of 0 passes
  double max_short_line_ratio = 0.67;    // lines of <= short_line_length chars
  size_t short_line_length = 30;
  // Characters in duplicated lines over all non-newline characters. 0.01 is
  // datatrove's default, which FineWeb ran with; the FineWeb blog post
  // rounds it as 0.1. Rejects when >= the bound.
  double max_char_dup_ratio = 0.01;
  double max_newline_word_ratio = 0.3;   // line breaks per word: "list-like"
};

// The thresholds for one language (or for all).
struct Rules {
  GopherQualityRules gopher_quality;
  GopherRepetitionRules gopher_repetition;
  C4Rules c4;
  FineWebRules fineweb;
  std::bitset<kRuleCount> disabled;      // individual rules switched off
  // How words are measured: "auto" decides from the text (mostly CJK/Thai
  // characters -> unspaced), "spaced" or "unspaced" force it.
  std::string word_mode = "auto";
};

// All filter settings: rules for every language, plus per-language
// overrides. Build it with set_option() (or apply_toml() in
// saring/filter_toml.h) so that overrides are layered correctly whatever the
// order the keys come in.
struct FilterOptions {
  FilterOptions();

  Rules rules;  // the defaults

  // Resolved rules per language code (lowercase, e.g. "zh", "en"): `rules`
  // with that language's overrides applied. Maintained by set_option().
  std::map<std::string, Rules, std::less<>> per_language;
  // The overrides themselves, in the order given, replayed on top of `rules`
  // whenever a default changes.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>> overrides;

  // The rules that apply to `language` (falls back to `rules`).
  const Rules& for_language(std::string_view language) const;
};

// Sets one option from text. Keys (all optional):
//   "<family>.enabled"                      family = gopher_quality, gopher_repetition, c4, fineweb
//   "<family>.<threshold>"                  as the struct fields above, e.g. "fineweb.max_short_line_ratio"
//   "gopher_repetition.max_top_ngram_char_frac" / "max_dup_ngram_char_frac": "0.2,0.18,0.16"
//   "gopher_quality.stop_words", "c4.bad_words": comma-separated list
//   "disable" / "enable": comma-separated rule names ("c4:terminal_punct,fineweb:list_ratio")
//   "word_mode": "auto" | "spaced" | "unspaced"
//   "languages.<code>.<any key above>"      override for one language
// Values: integers, decimals, true/false, or comma-separated lists.
// Unknown keys and malformed values are errors (ErrorCode::invalid_input).
Status set_option(FilterOptions& options, std::string_view key, std::string_view value);

// Every setting of `options` as text, one "key=value" line per setting, the
// default rules first and then each language's resolved rules, in a fixed
// order: equal settings give equal text however they were reached (the run
// fingerprint of saring/pipeline.h is built on it).
std::string describe(const FilterOptions& options);

// One computed measure, e.g. {"gopher_quality.word_count", 812}.
struct Figure {
  std::string_view name;  // static storage
  double value = 0.0;
};

// What evaluate() decided.
struct FilterResult {
  bool kept = true;
  // First failing rule, "family:rule" (rule_name()); empty when kept.
  std::string reason;
  // The figures computed, in a fixed order (families stop at their first
  // failure, so a rejected document may carry fewer).
  std::vector<Figure> figures;
  // Kept: the text after C4's line rules (equal to the input when C4 is off
  // or changed nothing: text_changed false). Rejected: the input unmodified.
  std::string text;
  bool text_changed = false;
  size_t lines_removed = 0;  // by C4's line rules
};

// Where a rule cuts one figure, for reports: a document whose figure is
// below `min` or above `max` is rejected with `reason` (FineWeb's
// char_dup_ratio already at `max`).
struct Bound {
  std::string_view figure;  // a Figure name, e.g. "gopher_quality.word_count"
  std::string_view reason;  // the rule's name
  std::optional<double> min, max;
};

// The bounds of the enabled rules of `rules`, in evaluation order.
std::vector<Bound> bounds(const Rules& rules);

// Runs the enabled rule families in order: Gopher repetition, Gopher quality,
// C4 (which may drop lines), FineWeb (on C4's output). `language` is an ISO
// 639 code from language ID ("en", "zh", ...); it picks per-language rules
// and, for scripts without spaces, the word measure. Never fails: empty or
// odd input is simply rejected with a reason.
FilterResult evaluate(std::string_view text, std::string_view language, const FilterOptions& options);

}  // namespace saring::filter
