// Quality filters: Gopher repetition, Gopher quality, C4, FineWeb.
//
// How it works. The text is scanned once into lines (trimmed, with a flag
// for a blank line before them) and once into word units (runs of letters and
// digits; each CJK/Thai/... character is a unit of its own, as
// saring::text::count_words counts them), each word carrying its length in
// code points, whether it has a letter, and a 64-bit hash. Every rule is then
// a cheap computation over those arrays: duplicate lines and paragraphs and
// n-grams are found with open-addressing hash sets of 64-bit hashes (no
// strings are built), n-gram hashes are combined from word hashes. C4's line
// rules walk the lines once, building the filtered text; FineWeb's rules then
// measure that text. No regular expression runs on the hot path (the
// optional bad-words list is one RE2 alternation over the whole text).
//
// Thresholds and their sources are in include/saring/filter.h; the phrase
// and punctuation tables in vocabulary.h.
#include <re2/re2.h>
#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "filter_internal.h"
#include "saring/filter.h"
#include "saring/open_table.h"
#include "saring/text.h"
#include "saring/utf8.h"
#include "vocabulary.h"

namespace saring::filter {
namespace {

// ---- Small helpers ------------------------------------------------------------

inline size_t idx(Rule r) { return static_cast<size_t>(r); }

char32_t decode_at(std::string_view s, size_t& pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  return utf8::next(s, pos);
}

std::string_view trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t p = b;
    if (!text::is_space(decode_at(s, p))) break;
    b = p;
  }
  size_t e = s.size();
  while (e > b) {
    size_t st = e - 1;
    while (st > b && (static_cast<unsigned char>(s[st]) & 0xC0) == 0x80) --st;
    size_t p = st;
    char32_t cp = decode_at(s, p);
    if (p != e || !text::is_space(cp)) break;
    e = st;
  }
  return s.substr(b, e - b);
}

char32_t last_cp(std::string_view s) {
  if (s.empty()) return 0;
  size_t st = s.size() - 1;
  while (st > 0 && (static_cast<unsigned char>(s[st]) & 0xC0) == 0x80) --st;
  size_t p = st;
  char32_t cp = decode_at(s, p);
  return p == s.size() ? cp : utf8::kReplacement;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool ends_with_ellipsis(std::string_view line) {
  return ends_with(line, vocab::kEllipsisAscii) || ends_with(line, vocab::kEllipsisChar);
}

bool is_terminal(char32_t cp) {
  if (cp < 0x80) return cp == '.' || cp == '?' || cp == '!' || cp == '"';  // kTerminalPunct's ASCII part
  if (cp < 0x37E) return false;                                              // below its smallest non-ASCII mark
  for (char32_t t : vocab::kTerminalPunct)
    if (cp == t) return true;
  return false;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}

inline uint64_t hash_bytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

inline uint64_t mix_in(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  return h * 0xFF51AFD7ED558CCDULL;
}

// Occurrences of 64-bit hashes (words, n-grams) in one document: a fixed
// table, reset to twice the items it will see. Hashes are random already;
// folding the high bits in spreads hashes that differ only there.
struct Occurrences {
  uint32_t count = 0;
  uint32_t first = 0;  // the position given with the first occurrence
};
struct HashKeys : OpenTableTraits<uint64_t> {
  static uint64_t hash(uint64_t key) { return key ^ (key >> 29); }
  static constexpr bool kFixedCapacity = true;
};
using HashCounter = OpenTable<uint64_t, Occurrences, HashKeys>;

void reset_for(HashCounter& counter, size_t items) { counter.reset(std::max<size_t>(16, items * 2)); }

// Counts one occurrence of `key` (0 is stored as 1, the empty key) at
// position `at`; the entry stays where it is until the next reset.
const Occurrences& add_occurrence(HashCounter& counter, uint64_t key, uint32_t at) {
  auto [entry, added] = counter.try_emplace(key ? key : 1);
  if (added) entry->first = at;
  ++entry->count;
  return *entry;
}

// ---- Document model -----------------------------------------------------------

struct Line {
  std::string_view text;  // trimmed, non-empty
  size_t cps = 0;
  bool blank_before = false;  // a blank line separates it from the previous line
};

struct Word {
  uint32_t begin, len, cps;
  bool alpha;
  bool unspaced;
  uint64_t hash;
};

void split_lines(std::string_view text, std::vector<Line>& out) {
  out.clear();
  bool blank = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view t = trim(text.substr(start, nl - start));
    if (t.empty()) {
      blank = true;
    } else {
      out.push_back(Line{t, utf8::length(t), blank && !out.empty()});
      blank = false;
    }
    start = nl + 1;
  }
}

void split_words(std::string_view s, std::vector<Word>& out) {
  out.clear();
  size_t pos = 0, start = std::string_view::npos;
  uint32_t cps = 0;
  bool alpha = false;
  auto close = [&](size_t end) {
    out.push_back(Word{uint32_t(start), uint32_t(end - start), cps, alpha, false,
                       hash_bytes(s.substr(start, end - start))});
    start = std::string_view::npos;
  };
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = decode_at(s, pos);
    bool word = text::is_word_char(cp);
    if (word && cp >= 0x80 && text::is_unspaced_script(cp)) {
      if (start != std::string_view::npos) close(here);
      out.push_back(Word{uint32_t(here), uint32_t(pos - here), 1, is_letter(cp), true,
                         hash_bytes(s.substr(here, pos - here))});
      continue;
    }
    if (word) {
      if (start == std::string_view::npos) {
        start = here;
        cps = 0;
        alpha = false;
      }
      ++cps;
      alpha = alpha || is_letter(cp);
    } else if (start != std::string_view::npos) {
      close(here);
    }
  }
  if (start != std::string_view::npos) close(s.size());
}

std::string normalize_language(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

bool decide_unspaced(const Rules& rules, std::string_view lang, const std::vector<Word>& words) {
  if (rules.word_mode == "unspaced") return true;
  if (rules.word_mode == "spaced") return false;
  for (std::string_view l : vocab::kUnspacedLanguages)
    if (lang == l) return true;
  if (words.empty()) return false;
  size_t n = 0;
  for (const Word& w : words) n += w.unspaced;
  return static_cast<double>(n) >= vocab::kUnspacedShare * static_cast<double>(words.size());
}

struct Doc {
  std::string_view text;
  std::vector<Line> lines;
  std::vector<Word> words;
  size_t word_cps = 0;
  size_t line_cps = 0;
  bool unspaced = false;
};

void build_doc(std::string_view text, const Rules& rules, std::string_view lang, Doc& d) {
  d.text = text;
  split_lines(text, d.lines);
  split_words(text, d.words);
  d.word_cps = 0;
  for (const Word& w : d.words) d.word_cps += w.cps;
  d.line_cps = 0;
  for (const Line& l : d.lines) d.line_cps += l.cps;
  d.unspaced = decide_unspaced(rules, lang, d.words);
}

double ratio(double num, double den) { return den > 0 ? num / den : 0.0; }

// ---- Gopher repetition --------------------------------------------------------

struct DupCount {
  size_t elements = 0, dup_elements = 0, dup_chars = 0;
};

// Duplicates among hashed items (the first occurrence is not a duplicate).
template <class Items>
DupCount find_duplicates(const Items& items) {
  DupCount dc;
  HashCounter seen;
  reset_for(seen, items.size());
  for (const auto& [hash, cps] : items) {
    ++dc.elements;
    if (add_occurrence(seen, hash, 0).count > 1) {
      ++dc.dup_elements;
      dc.dup_chars += cps;
    }
  }
  return dc;
}


std::optional<Rule> gopher_repetition(const Doc& d, const GopherRepetitionRules& r,
                                      const std::bitset<kRuleCount>& off, FilterResult& res) {
  // Paragraphs: runs of lines between blank lines.
  std::vector<std::pair<uint64_t, size_t>> paras, lines;
  for (size_t i = 0; i < d.lines.size();) {
    size_t j = i + 1;
    size_t cps = d.lines[i].cps;
    while (j < d.lines.size() && !d.lines[j].blank_before) cps += d.lines[j++].cps;
    const char* b = d.lines[i].text.data();
    const char* e = d.lines[j - 1].text.data() + d.lines[j - 1].text.size();
    paras.emplace_back(hash_bytes(std::string_view(b, size_t(e - b))), cps);
    i = j;
  }
  for (const Line& l : d.lines) lines.emplace_back(hash_bytes(l.text), l.cps);

  DupCount pd = find_duplicates(paras);
  double para_frac = ratio(double(pd.dup_elements), double(pd.elements));
  double para_char = ratio(double(pd.dup_chars), double(d.line_cps));
  res.figures.push_back({"gopher_repetition.dup_para_frac", para_frac});
  res.figures.push_back({"gopher_repetition.dup_para_char_frac", para_char});
  if (!off.test(idx(Rule::gr_dup_para_frac)) && para_frac > r.max_dup_para_frac) return Rule::gr_dup_para_frac;
  if (!off.test(idx(Rule::gr_dup_para_char_frac)) && para_char > r.max_dup_para_char_frac)
    return Rule::gr_dup_para_char_frac;

  DupCount ld = find_duplicates(lines);
  double line_frac = ratio(double(ld.dup_elements), double(ld.elements));
  double line_char = ratio(double(ld.dup_chars), double(d.line_cps));
  res.figures.push_back({"gopher_repetition.dup_line_frac", line_frac});
  res.figures.push_back({"gopher_repetition.dup_line_char_frac", line_char});
  if (!off.test(idx(Rule::gr_dup_line_frac)) && line_frac > r.max_dup_line_frac) return Rule::gr_dup_line_frac;
  if (!off.test(idx(Rule::gr_dup_line_char_frac)) && line_char > r.max_dup_line_char_frac)
    return Rule::gr_dup_line_char_frac;

  static constexpr std::string_view kTopNames[] = {"gopher_repetition.top_2_gram_char_frac",
                                                   "gopher_repetition.top_3_gram_char_frac",
                                                   "gopher_repetition.top_4_gram_char_frac"};
  static constexpr std::string_view kDupNames[] = {
      "gopher_repetition.dup_5_gram_char_frac", "gopher_repetition.dup_6_gram_char_frac",
      "gopher_repetition.dup_7_gram_char_frac", "gopher_repetition.dup_8_gram_char_frac",
      "gopher_repetition.dup_9_gram_char_frac", "gopher_repetition.dup_10_gram_char_frac"};
  const auto& w = d.words;
  const double total = double(d.word_cps);
  HashCounter counter;
  auto scaled = [&](size_t n) {
    if (!d.unspaced) return n;
    return std::max<size_t>(1, static_cast<size_t>(std::lround(double(n) * r.unspaced_ngram_scale)));
  };
  // ngram[i] holds the hash of the `have`-word n-gram starting at word i;
  // growing it to n words costs one mix per position, so all nine n-gram
  // sizes together cost O(words * largest n) at worst, O(words * 10) here.
  std::vector<uint64_t> ngram(w.size());
  for (size_t i = 0; i < w.size(); ++i) ngram[i] = w[i].hash;
  size_t have = 1;
  auto grow_to = [&](size_t n) {
    for (; have < n; ++have)
      for (size_t i = 0; i + have < w.size(); ++i) ngram[i] = mix_in(ngram[i], w[i + have].hash);
  };

  for (size_t k = 0; k < 3; ++k) {
    size_t n = scaled(k + 2);
    double frac = 0.0;
    if (w.size() >= n) {
      grow_to(n);
      reset_for(counter, w.size());
      // The most frequent n-gram, ties to the earliest: tracked as counts
      // grow (a key's first position never changes), so the table is never
      // scanned. Same answer as comparing the final counts.
      uint32_t best_count = 0, best_first = 0;
      for (size_t i = 0; i + n <= w.size(); ++i) {
        const Occurrences& o = add_occurrence(counter, ngram[i], uint32_t(i));
        if (o.count > best_count || (o.count == best_count && o.first < best_first)) {
          best_count = o.count;
          best_first = o.first;
        }
      }
      if (best_count >= 2) {
        size_t chars = 0;
        for (size_t i = best_first; i < best_first + n; ++i) chars += w[i].cps;
        frac = ratio(double(chars) * best_count, total);
      }
    }
    res.figures.push_back({kTopNames[k], frac});
    if (!off.test(idx(Rule::gr_top_ngram)) && frac > r.max_top_ngram_char_frac[k]) return Rule::gr_top_ngram;
  }

  // Duplicated n-grams for growing n. An n-gram that occurs once in the
  // document cannot be part of a duplicated longer n-gram starting at the
  // same word, so each pass looks only at the positions whose n-gram
  // occurred at least twice in the pass before (`live`, ascending); on
  // ordinary prose that leaves a handful after the first pass. The figures
  // are those of counting every position.
  std::vector<uint32_t> live(w.size());
  for (size_t i = 0; i < w.size(); ++i) live[i] = uint32_t(i);
  std::vector<const Occurrences*> entry_of;  // live[x]'s n-gram's entry
  for (size_t k = 0; k < 6; ++k) {
    size_t n = scaled(k + 5);
    double frac = 0.0;
    if (w.size() >= n) {
      // Grow the live positions' hashes to n words (dead ones are never read again).
      for (; have < n; ++have)
        for (uint32_t i : live)
          if (i + have < w.size()) ngram[i] = mix_in(ngram[i], w[i + have].hash);
      while (!live.empty() && live.back() + n > w.size()) live.pop_back();
      reset_for(counter, live.size());
      entry_of.resize(live.size());
      size_t covered_end = 0, dup_chars = 0;
      for (size_t x = 0; x < live.size(); ++x) {
        size_t i = live[x];
        entry_of[x] = &add_occurrence(counter, ngram[i], uint32_t(i));
        if (entry_of[x]->count > 1) {
          for (size_t j = std::max(i, covered_end); j < i + n; ++j) dup_chars += w[j].cps;
          covered_end = i + n;
        }
      }
      frac = ratio(double(dup_chars), total);
      size_t kept = 0;
      for (size_t x = 0; x < live.size(); ++x)
        if (entry_of[x]->count > 1) live[kept++] = live[x];
      live.resize(kept);
    }
    res.figures.push_back({kDupNames[k], frac});
    if (!off.test(idx(Rule::gr_dup_ngram)) && frac > r.max_dup_ngram_char_frac[k]) return Rule::gr_dup_ngram;
  }
  return std::nullopt;
}

// ---- Gopher quality -----------------------------------------------------------

size_t count_substr(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + needle.size())) ++n;
  return n;
}

bool equals_lower(std::string_view word, std::string_view lower_target) {
  if (word.size() != lower_target.size()) {
    // Non-ASCII words may change length when lowercased; compare slowly.
    for (char c : word)
      if (static_cast<unsigned char>(c) >= 0x80) return text::to_lower(word) == lower_target;
    return false;
  }
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return text::to_lower(word) == lower_target;
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != static_cast<unsigned char>(lower_target[i])) return false;
  }
  return true;
}

std::optional<Rule> gopher_quality(const Doc& d, const GopherQualityRules& r,
                                   const std::bitset<kRuleCount>& off, FilterResult& res) {
  const size_t n = d.words.size();
  res.figures.push_back({"gopher_quality.word_count", double(n)});
  if (!off.test(idx(Rule::gq_word_count)) &&
      (n < r.min_words || (r.max_words > 0 && n > r.max_words)))
    return Rule::gq_word_count;

  double mean = ratio(double(d.word_cps), double(n));
  res.figures.push_back({"gopher_quality.mean_word_length", mean});
  if (!d.unspaced && !off.test(idx(Rule::gq_mean_word_length)) &&
      (mean < r.min_mean_word_length || mean > r.max_mean_word_length))
    return Rule::gq_mean_word_length;

  const double denom = double(std::max<size_t>(n, 1));
  double hash_ratio = double(count_substr(d.text, "#")) / denom;
  double ell_ratio = double(count_substr(d.text, vocab::kEllipsisAscii) +
                            count_substr(d.text, vocab::kEllipsisChar)) / denom;
  res.figures.push_back({"gopher_quality.hash_ratio", hash_ratio});
  res.figures.push_back({"gopher_quality.ellipsis_ratio", ell_ratio});
  if (!off.test(idx(Rule::gq_hash_ratio)) && hash_ratio > r.max_symbol_word_ratio) return Rule::gq_hash_ratio;
  if (!off.test(idx(Rule::gq_ellipsis_ratio)) && ell_ratio > r.max_symbol_word_ratio)
    return Rule::gq_ellipsis_ratio;

  size_t bullets = 0, ellipsis_lines = 0;
  for (const Line& l : d.lines) {
    for (std::string_view b : vocab::kBullets)
      if (starts_with(l.text, b)) {
        ++bullets;
        break;
      }
    ellipsis_lines += ends_with_ellipsis(l.text);
  }
  double bullet_ratio = ratio(double(bullets), double(d.lines.size()));
  double ell_lines = ratio(double(ellipsis_lines), double(d.lines.size()));
  res.figures.push_back({"gopher_quality.bullet_lines_ratio", bullet_ratio});
  res.figures.push_back({"gopher_quality.ellipsis_lines_ratio", ell_lines});
  if (!off.test(idx(Rule::gq_bullet_lines)) && bullet_ratio > r.max_bullet_lines_ratio)
    return Rule::gq_bullet_lines;
  if (!off.test(idx(Rule::gq_ellipsis_lines)) && ell_lines > r.max_ellipsis_lines_ratio)
    return Rule::gq_ellipsis_lines;

  size_t alpha = 0;
  for (const Word& w : d.words) alpha += w.alpha;
  double alpha_ratio = ratio(double(alpha), double(n));
  res.figures.push_back({"gopher_quality.alpha_words_ratio", alpha_ratio});
  if (!off.test(idx(Rule::gq_alpha_words)) && alpha_ratio < r.min_alpha_words_ratio)
    return Rule::gq_alpha_words;

  if (!r.stop_words.empty()) {
    size_t max_len = 0;
    for (const auto& s : r.stop_words) max_len = std::max(max_len, s.size());
    size_t stops = 0;
    for (const Word& w : d.words) {
      if (w.len > max_len * 2) continue;  // lowercasing at most doubles UTF-8 length
      std::string_view ws = d.text.substr(w.begin, w.len);
      for (const auto& s : r.stop_words)
        if (equals_lower(ws, s)) {
          ++stops;
          break;
        }
    }
    res.figures.push_back({"gopher_quality.stop_words", double(stops)});
    if (!off.test(idx(Rule::gq_stop_words)) && stops < r.min_stop_words) return Rule::gq_stop_words;
  }
  return std::nullopt;
}

// ---- C4 -----------------------------------------------------------------------

// Removes C4's citation markers: "[<digits>]", "[edit]", "[citation needed]".
bool remove_citations(std::string_view line, std::string& out) {
  if (line.find('[') == std::string_view::npos) return false;
  out.clear();
  bool changed = false;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '[') {
      size_t j = i + 1;
      while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
      if (j < line.size() && line[j] == ']') {
        i = j + 1;
        changed = true;
        continue;
      }
      bool matched = false;
      for (std::string_view w : vocab::kCitationWords)
        if (starts_with(line.substr(i), w)) {
          i += w.size();
          matched = changed = true;
          break;
        }
      if (matched) continue;
    }
    out.push_back(line[i++]);
  }
  return changed;
}

size_t count_whitespace_tokens(std::string_view s, size_t max_word_cps, bool& too_long) {
  size_t n = 0, pos = 0, cur = 0;
  bool in = false;
  too_long = false;
  while (pos < s.size()) {
    char32_t cp = decode_at(s, pos);
    if (text::is_space(cp)) {
      in = false;
      continue;
    }
    if (!in) {
      ++n;
      in = true;
      cur = 0;
    }
    if (++cur > max_word_cps) too_long = true;
  }
  return n;
}

// Sentences in a line: a run of terminal marks (closing quotes and brackets
// may follow) that ends the line or is followed by white space ends one.
bool is_closer(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U')' || cp == U']' || cp == U'\u201D' || cp == U'\u2019' ||
         cp == U'\u300D' || cp == U'\u300F' || cp == U'\uFF09';
}

// True when `before` (the text before a period) ends with an abbreviation
// from the vocabulary or a single capital letter.
bool ends_in_abbreviation(std::string_view before) {
  size_t start = before.size();
  while (start > 0) {
    unsigned char c = static_cast<unsigned char>(before[start - 1]);
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) break;
    --start;
  }
  std::string_view word = before.substr(start);
  if (word.empty()) return false;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() > 5) return false;
  char lower[6] = {};
  for (size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char>(word[i] | 0x20);
  std::string_view lw(lower, word.size());
  for (std::string_view a : vocab::kAbbreviations)
    if (lw == a) return true;
  return false;
}

size_t count_sentences(std::string_view line) {
  size_t n = 0, pos = 0;
  while (pos < line.size()) {
    char32_t cp = decode_at(line, pos);
    if (!is_terminal(cp) || cp == U'"' || cp == U'\u201D') continue;
    size_t p = pos;
    while (p < line.size()) {
      size_t q = p;
      char32_t next = decode_at(line, q);
      if (!is_terminal(next) && !is_closer(next)) break;
      p = q;
    }
    if (p >= line.size()) {
      ++n;
      break;
    }
    size_t q = p;
    char32_t next = decode_at(line, q);
    // CJK full stops need no space after them; a period after an
    // abbreviation or an initial ("Mr.", "J.") ends no sentence.
    if (cp == U'\u3002' || cp == U'\uFF01' || cp == U'\uFF1F') ++n;
    else if (text::is_space(next) && !(cp == U'.' && ends_in_abbreviation(line.substr(0, pos - 1)))) ++n;
    pos = p;
  }
  return n;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

std::optional<Rule> c4(const Doc& d, const C4Rules& r, const std::bitset<kRuleCount>& off, FilterResult& res) {
  std::string out;
  out.reserve(d.text.size());
  std::string scratch;
  size_t removed = 0, sentences = 0;
  bool pending_blank = false;
  bool changed = false;
  for (const Line& l : d.lines) {
    pending_blank = pending_blank || l.blank_before;
    std::string_view line = l.text;
    bool too_long = false;
    size_t ws_words = count_whitespace_tokens(line, r.max_word_length, too_long);
    if (too_long && !off.test(idx(Rule::c4_long_word_lines))) {
      ++removed;
      continue;
    }
    if (!off.test(idx(Rule::c4_citations)) && remove_citations(line, scratch)) {
      line = scratch;
      changed = true;
    }
    if (!off.test(idx(Rule::c4_terminal_punct)) && (!is_terminal(last_cp(line)) || ends_with_ellipsis(line))) {
      ++removed;
      continue;
    }
    size_t words = d.unspaced ? text::count_words(line) : ws_words;
    if (!off.test(idx(Rule::c4_short_lines)) && words < r.min_words_per_line) {
      ++removed;
      continue;
    }
    std::string lower = text::to_lower(line);
    if (!off.test(idx(Rule::c4_lorem_ipsum)) && contains(lower, vocab::kLoremIpsum)) return Rule::c4_lorem_ipsum;
    if (!off.test(idx(Rule::c4_javascript_lines)) && contains(lower, vocab::kJavascript)) {
      ++removed;
      continue;
    }
    if (!off.test(idx(Rule::c4_curly_bracket)) && contains(line, "{")) return Rule::c4_curly_bracket;
    if (!off.test(idx(Rule::c4_policy_lines))) {
      bool policy = false;
      for (std::string_view p : vocab::kPolicySubstrings) policy = policy || contains(lower, p);
      if (policy) {
        ++removed;
        continue;
      }
    }
    sentences += count_sentences(line);
    if (!out.empty()) out.append(pending_blank ? "\n\n" : "\n");
    pending_blank = false;
    out.append(line);
  }
  res.lines_removed = removed;
  res.figures.push_back({"c4.lines_removed", double(removed)});
  res.figures.push_back({"c4.sentences", double(sentences)});
  res.text_changed = changed || removed > 0 || out != d.text;
  res.text = std::move(out);
  if (!off.test(idx(Rule::c4_too_few_sentences)) && sentences < r.min_sentences) return Rule::c4_too_few_sentences;

  if (!off.test(idx(Rule::c4_bad_words)) && !r.bad_words.empty()) {
    std::shared_ptr<const BadWordsMatcher> m = r.bad_words_matcher;
    if (!m) {
      auto built = compile_bad_words(r.bad_words);
      if (built.ok()) m = built.value();
    }
    if (m && m->matches(text::to_lower(res.text))) return Rule::c4_bad_words;
  }
  return std::nullopt;
}

// ---- FineWeb ------------------------------------------------------------------

std::optional<Rule> fineweb(const Doc& d, const FineWebRules& r, const std::bitset<kRuleCount>& off,
                            FilterResult& res) {
  const size_t n = d.lines.size();
  if (n == 0) {
    if (!off.test(idx(Rule::fw_empty))) return Rule::fw_empty;
    return std::nullopt;
  }
  size_t punct = 0, short_lines = 0;
  for (const Line& l : d.lines) {
    char32_t c = last_cp(l.text);
    bool stop = is_terminal(c);
    for (char32_t x : vocab::kFineWebExtraStop) stop = stop || c == x;
    punct += stop;
    short_lines += l.cps <= r.short_line_length;
  }
  double punct_ratio = ratio(double(punct), double(n));
  double short_ratio = ratio(double(short_lines), double(n));
  res.figures.push_back({"fineweb.line_punct_ratio", punct_ratio});
  res.figures.push_back({"fineweb.short_line_ratio", short_ratio});
  if (!off.test(idx(Rule::fw_line_punct_ratio)) && punct_ratio < r.min_line_punct_ratio &&
      !(punct_ratio == 0.0 && r.line_punct_exclude_zero))
    return Rule::fw_line_punct_ratio;
  if (!off.test(idx(Rule::fw_short_line_ratio)) && short_ratio > r.max_short_line_ratio)
    return Rule::fw_short_line_ratio;

  std::vector<std::pair<uint64_t, size_t>> lines;
  lines.reserve(n);
  for (const Line& l : d.lines) lines.emplace_back(hash_bytes(l.text), l.cps);
  DupCount dc = find_duplicates(lines);
  double dup_ratio = ratio(double(dc.dup_chars), double(d.line_cps));
  res.figures.push_back({"fineweb.char_dup_ratio", dup_ratio});
  if (!off.test(idx(Rule::fw_char_dup_ratio)) && dup_ratio >= r.max_char_dup_ratio) return Rule::fw_char_dup_ratio;

  double list_ratio = d.words.empty() ? double(n) : double(n - 1) / double(d.words.size());
  res.figures.push_back({"fineweb.list_ratio", list_ratio});
  if (!off.test(idx(Rule::fw_list_ratio)) && list_ratio > r.max_newline_word_ratio) return Rule::fw_list_ratio;
  return std::nullopt;
}

}  // namespace

FilterResult evaluate(std::string_view text, std::string_view language, const FilterOptions& options) {
  std::string lang = normalize_language(language);
  const Rules& rules = options.for_language(lang);
  const auto& off = rules.disabled;
  FilterResult res;
  res.figures.reserve(40);

  std::string valid;
  if (!utf8::is_valid(text)) {
    valid = utf8::make_valid(text);
    text = valid;
  }
  // A document over Gopher's word limit is rejected before any table is
  // built, so a huge input costs one counting pass, not gigabytes. (Only a
  // text of more bytes than max_words can have more words than that.)
  const auto& gq = rules.gopher_quality;
  if (gq.enabled && gq.max_words > 0 && !off.test(idx(Rule::gq_word_count)) && text.size() > gq.max_words) {
    size_t n = text::count_words(text);
    if (n > gq.max_words) {
      res.figures.push_back({"gopher_quality.word_count", double(n)});
      res.kept = false;
      res.reason = std::string(rule_name(Rule::gq_word_count));
      res.text.assign(text.data(), text.size());
      return res;
    }
  }

  Doc doc;
  build_doc(text, rules, lang, doc);

  auto reject = [&](Rule r) {
    res.kept = false;
    res.reason = std::string(rule_name(r));
    res.text.assign(text.data(), text.size());  // rejected: the input, unmodified
    res.text_changed = false;
  };

  if (rules.gopher_repetition.enabled)
    if (auto f = gopher_repetition(doc, rules.gopher_repetition, off, res)) {
      reject(*f);
      return res;
    }
  if (rules.gopher_quality.enabled)
    if (auto f = gopher_quality(doc, rules.gopher_quality, off, res)) {
      reject(*f);
      return res;
    }
  if (rules.c4.enabled) {
    auto f = c4(doc, rules.c4, off, res);
    if (f) {
      reject(*f);
      return res;
    }
    if (res.text_changed) {
      build_doc(res.text, rules, lang, doc);
    }
  }
  if (!res.text_changed) res.text.assign(text.data(), text.size());
  if (rules.fineweb.enabled)
    if (auto f = fineweb(doc, rules.fineweb, off, res)) {
      reject(*f);
      return res;
    }
  return res;
}

}  // namespace saring::filter
