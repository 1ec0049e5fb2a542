// Script-aware word counting and normalisation. Unicode categories come from
// utf8proc (Debian's libutf8proc); ASCII is handled inline because it is the
// bulk of most inputs.
#include "saring/text.h"

#include <utf8proc.h>

#include "saring/utf8.h"

namespace saring::text {

bool is_unspaced_script(char32_t cp) {
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

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
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

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x00A0 || cp == 0x200B || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029) return true;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

namespace {

template <class OnWord>
void for_each_word(std::string_view s, OnWord&& on_word) {
  size_t pos = 0, start = std::string_view::npos;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);
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

size_t count_words(std::string_view s) {
  size_t n = 0;
  for_each_word(s, [&](std::string_view) { ++n; });
  return n;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for_each_word(s, [&](std::string_view w) { out.push_back(to_lower(w)); });
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.data() + here, pos - here);
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
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

}  // namespace saring::text
