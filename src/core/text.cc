// Script-aware word counting and normalisation. Unicode categories come from
// utf8proc (Debian's libutf8proc); ASCII is handled inline because it is the
// bulk of most inputs.
//
// count_words() and collapse_whitespace() run on every text node of every
// page, so both have ASCII fast paths that give the same answers as the
// per-code-point definitions: count_words() classifies 16 ASCII bytes at
// once (a simd::Bytes16 block) and counts word starts as bits of a mask;
// collapse_whitespace() copies runs of non-space bytes whole (their ends
// found 16 bytes at a time) and decodes only the few lead bytes that can
// begin a Unicode space (U+00A0, U+1680, U+2000-U+200B, U+2028, U+2029,
// U+202F, U+205F, U+3000, U+FEFF: the Zs category plus the extras of
// is_space()).
#include "saring/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include "saring/simd.h"
#include "saring/utf8.h"

namespace saring::text {

bool is_unspaced_script(char32_t cp) {
  if (cp < 0x0E00) return false;  // Latin, Greek, Cyrillic, Arabic, ...: one test
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||   // Thai, Lao
         (cp >= 0x0F00 && cp <= 0x0FFF) ||   // Tibetan
         (cp >= 0x1000 && cp <= 0x109F) ||   // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||   // Khmer
         (cp >= 0x3040 && cp <= 0x30FF) ||   // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // CJK compatibility
         (cp >= 0xFF66 && cp <= 0xFF9F) ||   // halfwidth Katakana
         (cp >= 0x20000 && cp <= 0x2FA1F);   // CJK extensions B+
}

namespace detail {

bool is_word_char_nonascii(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

bool is_space_nonascii(char32_t cp) {
  if (cp == 0x00A0 || cp == 0x200B || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029) return true;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

}  // namespace detail

namespace {

// U+00AD marks where a word may be hyphenated at a line break; it is not
// visible otherwise, so words run through it and collapsed text drops it.
constexpr char32_t kSoftHyphen = 0x00AD;

inline bool is_soft_hyphen(const unsigned char* s, size_t n, size_t i) {
  return s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xAD;
}

template <class OnWord>
void for_each_word(std::string_view s, OnWord&& on_word) {
  size_t pos = 0, start = std::string_view::npos;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);
    if (cp == kSoftHyphen) continue;  // inside a word, it does not end it
    bool word = is_word_char(cp);
    if (word && is_unspaced_script(cp)) {
      if (start != std::string_view::npos) on_word(s.substr(start, here - start));
      start = std::string_view::npos;
      on_word(s.substr(here, pos - here));
      continue;
    }
    if (word) {
      if (start == std::string_view::npos) start = here;
    } else if (start != std::string_view::npos) {
      on_word(s.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) on_word(s.substr(start));
}

}  // namespace

namespace {

// Byte classes: ASCII word characters, ASCII spaces, other ASCII, and lead
// bytes (C2, E1, E2, E3, EF) that may begin a non-ASCII space.
enum : uint8_t { kOther = 0, kWord = 1, kSpace = 2, kMaybeSpace = 3, kHigh = 4 };

struct ByteClasses {
  uint8_t c[256] = {};
  constexpr ByteClasses() {
    for (int b = 0; b < 256; ++b) {
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_')
        c[b] = kWord;
      else if (b == ' ' || (b >= '\t' && b <= '\r'))
        c[b] = kSpace;
      else if (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF)
        c[b] = kMaybeSpace;
      else if (b >= 0x80)
        c[b] = kHigh;
    }
  }
};
constexpr ByteClasses kBytes;

// Byte length of the white space (is_space) at s[i], or 0.
inline size_t space_length(const unsigned char* s, size_t n, size_t i) {
  uint8_t k = kBytes.c[s[i]];
  if (k == kSpace) return 1;
  if (k != kMaybeSpace) return 0;
  unsigned char c = s[i];
  if (c == 0xC2) return i + 1 < n && s[i + 1] == 0xA0 ? 2 : 0;
  if (i + 2 >= n) return 0;
  unsigned char c1 = s[i + 1], c2 = s[i + 2];
  switch (c) {
    case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0;  // U+1680
    case 0xE2:
      if (c1 == 0x80) {
        // U+2000-U+200B, U+2028, U+2029, U+202F
        return (c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF ? 3 : 0;
      }
      return c1 == 0x81 && c2 == 0x9F ? 3 : 0;  // U+205F
    case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0;  // U+3000
    case 0xEF: return c1 == 0xBB && c2 == 0xBF ? 3 : 0;  // U+FEFF
    default: return 0;
  }
}

// Bits set in a 16-bit mask, without a library call (baseline x86-64 has
// no POPCNT instruction).
inline size_t popcount16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

// Bit k set when byte k of the block is an ASCII word character (letter,
// digit, '_'); OR-ing 0x20 folds the capitals onto a-z.
inline unsigned ascii_word_mask(simd::Bytes16 v) {
  const simd::Bytes16 folded = v | simd::Bytes16::splat(0x20);
  return (folded.in_range('a', 'z') | v.in_range('0', '9') | v.eq('_')).mask();
}

// For append_collapsed's runs: bit k set when byte k of the 16 at p may end
// a run of non-space bytes, as its byte loop decides: a space other than ' ',
// a lead byte of kMaybeSpace, or a ' ' followed by a byte of either kind
// (p[16] is read for the last).
inline unsigned run_stop_mask(const unsigned char* p) {
  const simd::Bytes16 v = simd::Bytes16::load(p);
  const unsigned blank = v.eq(' ').mask();
  const unsigned control = v.in_range('\t', '\r').mask();
  const unsigned lead =
      (v.eq('\xC2') | v.eq('\xE1') | v.eq('\xE2') | v.eq('\xE3') | v.eq('\xEF')).mask();
  const uint8_t last = kBytes.c[p[16]];
  const unsigned next =
      ((blank | control | lead) >> 1) | (last == kSpace || last == kMaybeSpace ? 0x8000u : 0u);
  return control | lead | (blank & next);
}

}  // namespace

size_t count_words(std::string_view sv) {
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  size_t count = 0, pos = 0;
  unsigned in_word = 0;  // 1 when the previous character was a word character
  while (pos < n) {
    if (pos + 16 <= n) {
      const simd::Bytes16 v = simd::Bytes16::load(s + pos);
      const unsigned high = v.mask();  // bytes >= 0x80
      const unsigned len = high ? simd::first_bit(high) : 16u;  // ASCII bytes first
      if (len) {
        unsigned words = ascii_word_mask(v) & ((1u << len) - 1);
        unsigned starts = words & ~((words << 1) | in_word);
        count += popcount16(starts);
        in_word = (words >> (len - 1)) & 1u;
        pos += len;
        continue;
      }
    }
    unsigned char c = s[pos];
    if (c < 0x80) {
      unsigned w = kBytes.c[c] == kWord;
      count += w & ~in_word;
      in_word = w;
      ++pos;
      continue;
    }
    char32_t cp = utf8::next(sv, pos);
    if (cp == kSoftHyphen) continue;  // "Mit\u00ADtel" is one word
    bool w = is_word_char(cp);
    if (w && is_unspaced_script(cp)) {
      ++count;
      in_word = 0;
      continue;
    }
    count += w && !in_word;
    in_word = w;
  }
  return count;
}

bool has_words(std::string_view s, size_t at_least) {
  // Chunks keep the early exit cheap on long texts.
  constexpr size_t kChunk = 4096;
  size_t seen = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = std::min(s.size(), pos + kChunk);
    // Never split a UTF-8 sequence or a word: extend to the next ASCII non-word byte.
    while (end < s.size() &&
           (static_cast<unsigned char>(s[end]) >= 0x80 || kBytes.c[static_cast<unsigned char>(s[end])] == kWord))
      ++end;
    seen += count_words(s.substr(pos, end - pos));
    if (seen >= at_least) return true;
    pos = end;
  }
  return seen >= at_least;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for_each_word(s, [&](std::string_view w) { out.push_back(to_lower(w)); });
  return out;
}

std::string collapse_whitespace(std::string_view sv) {
  std::string out;
  out.reserve(sv.size());
  append_collapsed(out, sv);
  return out;
}

void append_collapsed(std::string& out, std::string_view sv) {
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  const size_t base = out.size();
  bool pending_space = false;
  size_t i = 0;
  while (i < n) {
    size_t sp = space_length(s, n, i);
    if (sp) {
      pending_space = out.size() > base;
      i += sp;
      continue;
    }
    if (is_soft_hyphen(s, n, i)) {
      i += 2;
      continue;
    }
    // A run of non-space bytes: continuation bytes never start a space, and
    // invalid bytes are copied as they are, as the per-code-point loop did.
    // A single ' ' between two non-space bytes stays as it is, so it joins
    // the run: one append per stretch of ordinary text, not per word.
    size_t j = i + 1;
    while (j < n) {
      if (j + 17 <= n) {  // whole blocks while none of their bytes can end the run
        const unsigned stop = run_stop_mask(s + j);
        if (!stop) {
          j += 16;
          continue;
        }
        j += simd::first_bit(stop);
      }
      uint8_t k = kBytes.c[s[j]];
      if (k == kSpace) {
        if (s[j] == ' ' && j + 1 < n) {
          uint8_t next = kBytes.c[s[j + 1]];
          if (next == kWord || next == kOther || next == kHigh) {
            j += 2;
            continue;
          }
        }
        break;
      }
      if (k == kMaybeSpace && (space_length(s, n, j) || is_soft_hyphen(s, n, j))) break;
      ++j;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(sv.data() + i, j - i);
    i = j;
  }
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.resize(s.size());
  size_t pos = 0;
  // ASCII written in place; the first non-ASCII byte switches to appending.
  for (; pos < s.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x80) break;
    out[pos] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (pos == s.size()) return out;
  out.resize(pos);
  while (pos < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++pos;
      continue;
    }
    char32_t cp = utf8::next(s, pos);
    utf8::append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
  }
  return out;
}

namespace {

// Whether code point `cp` may change, or make its neighbour change, under
// NFC: marks and combining classes, conjoining Hangul jamo, composition
// exclusions, and decompositions that do not compose back (a singleton such
// as U+212B ANGSTROM SIGN, or one that starts with a mark). Precomposed
// letters ("é", "й", "ệ") are stable.
bool may_change_under_nfc(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x1100 && cp <= 0x11FF) return true;
  const auto code = static_cast<utf8proc_int32_t>(cp);
  const utf8proc_property_t* p = utf8proc_get_property(code);
  if (p->combining_class != 0 || p->comp_exclusion) return true;
  if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME) {
    return true;
  }
  // No canonical decomposition: nothing to compose back.
  if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX) return false;
  utf8proc_int32_t parts[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(code, parts, 8, UTF8PROC_DECOMPOSE, &last);
  return n == 1 || n < 0 || n > 8 || utf8proc_get_property(parts[0])->combining_class != 0;
}

// may_change_under_nfc() for the two-byte range U+0300 to U+07FF (marks,
// Greek, Cyrillic, Armenian, Hebrew, Arabic, ...), looked up once per
// process: most text in those scripts is stable letters.
bool may_change_two_byte(char32_t cp) {
  static const auto table = [] {
    std::array<bool, 0x800 - 0x300> t{};
    for (char32_t c = 0x300; c < 0x800; ++c) t[c - 0x300] = may_change_under_nfc(c);
    return t;
  }();
  return table[cp - 0x300];
}

}  // namespace

bool to_nfc(std::string& s) {
  // One pass over the bytes: ASCII and lead bytes below 0xCC start no code
  // point at or above U+0300; lead bytes 0xE4-0xE9 (CJK ideographs, U+4000 to
  // U+9FFF) and 0xEB-0xED (Hangul syllables and later jamo, U+B000 to U+D7FF)
  // start stable ones, and so do U+2002 to U+20BF (general punctuation and
  // currency signs: curly quotes, dashes, the euro).
  bool maybe = false;
  for (size_t pos = 0; pos < s.size() && !maybe;) {
    if (pos + 16 <= s.size()) {  // 16 bytes at a time to the next lead byte >= 0xCC
      const uint32_t stop = ~simd::Bytes16::load(s.data() + pos).le(0xCB).mask() & 0xFFFFu;
      if (stop == 0) {
        pos += 16;
        continue;
      }
      pos += simd::first_bit(stop);
    }
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0xCC) {
      ++pos;
      continue;
    }
    if ((lead >= 0xE4 && lead <= 0xE9) || (lead >= 0xEB && lead <= 0xED)) {
      pos += 3;  // a truncated last sequence only ends the loop
      continue;
    }
    if (lead == 0xE2 && pos + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[pos + 1]);
      const auto b2 = static_cast<unsigned char>(s[pos + 2]);
      // Not U+2000 and U+2001, which NFC maps to U+2002 and U+2003.
      if (b1 >= 0x80 && b1 <= 0x82 && b2 >= 0x80 && b2 <= 0xBF && !(b1 == 0x80 && b2 <= 0x81)) {
        pos += 3;
        continue;
      }
    }
    char32_t cp = utf8::next(s, pos);
    maybe = cp >= 0x300 && cp < 0x800 ? may_change_two_byte(cp) : may_change_under_nfc(cp);
  }
  if (!maybe) return false;
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  bool changed = false;
  if (n >= 0 && (static_cast<size_t>(n) != s.size() || std::memcmp(out, s.data(), s.size()) != 0)) {
    s.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
    changed = true;
  }
  std::free(out);
  return changed;
}

double punctuation_ratio(std::string_view s) {
  size_t total = 0, punct = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (is_space(cp)) continue;
    ++total;
    if (!is_word_char(cp)) ++punct;
  }
  return total ? static_cast<double>(punct) / static_cast<double>(total) : 0.0;
}

bool is_sentence_stop(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case ';': case 0x3002: case 0xFF01: case 0xFF1F:
    case 0xFF0E: case 0x203C: case 0x061F: case 0x0964:
      return true;
    default:
      return false;
  }
}

bool is_closing_mark(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019: case 0x00BB:
    case 0x300D: case 0x300F: case 0xFF09: case '*':
      return true;
    default:
      return false;
  }
}

namespace {

// The last code point of non-empty `s`, and where it starts.
char32_t last_code_point(std::string_view s, size_t& start) {
  start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t pos = start;
  return utf8::next(s, pos);
}

}  // namespace

std::string_view trim_closing(std::string_view s) {
  while (!s.empty()) {
    size_t start;
    char32_t cp = last_code_point(s, start);
    if (!is_space(cp) && !is_closing_mark(cp)) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

bool ends_on_stop(std::string_view s) {
  if (s.empty()) return false;
  size_t start;
  return is_sentence_stop(last_code_point(s, start));
}

}  // namespace saring::text
