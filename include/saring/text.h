// Script-aware text measures shared by extract, clean and the quality filters.
// Whitespace word counts fail on Chinese, Japanese, Thai, Lao, Khmer and
// Burmese text, which does not separate words with spaces; here each such
// character counts as a word-sized unit instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace saring::text {

// True for code points of scripts written without spaces between words
// (Han, Hiragana, Katakana, Hangul syllables are spaced but dense, Thai, Lao,
// Khmer, Myanmar, Tibetan).
bool is_unspaced_script(char32_t cp);

namespace detail {
bool is_word_char_nonascii(char32_t cp);
bool is_space_nonascii(char32_t cp);
}  // namespace detail

// True for Unicode letters and digits (a fast approximation: ASCII
// alphanumerics plus every non-ASCII code point that is not punctuation,
// a symbol or a space).
inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  return detail::is_word_char_nonascii(cp);
}

// True for Unicode white space, including NBSP and the zero-width space.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return detail::is_space_nonascii(cp);
}

// Counts words: runs of word characters, where each character of an unspaced
// script counts as one word of its own. A soft hyphen (U+00AD) does not end
// a word.
size_t count_words(std::string_view s);

// count_words(s) >= at_least, stopping early on long texts.
bool has_words(std::string_view s, size_t at_least);

// Splits into lowercase word tokens the same way count_words counts them.
std::vector<std::string> words(std::string_view s);

// Collapses runs of white space (Unicode-aware) into one ASCII space and trims
// both ends; drops soft hyphens (U+00AD), which are invisible but for line
// breaking.
std::string collapse_whitespace(std::string_view s);

// collapse_whitespace(s) appended to `out` (no temporary string).
void append_collapsed(std::string& out, std::string_view s);

// ASCII + Latin-1 + basic Unicode lowercasing good enough for matching and
// hashing (full case folding is not needed for either).
std::string to_lower(std::string_view s);

// Puts valid UTF-8 `s` in Unicode normalization form C in place (canonical
// composition: "e" + U+0301 -> "é", Bengali U+09DF -> U+09AF U+09BC), so
// that text which looks the same is the same bytes; returns whether it
// changed. Text that cannot change (no code point at or above U+0300 that
// combines, decomposes or is excluded from composition) is left untouched
// without a copy.
bool to_nfc(std::string& s);

// A code point that ends a sentence: '.', '!', '?', ';' and their
// full-width, CJK, Arabic and Devanagari forms, "‼".
bool is_sentence_stop(char32_t cp);

// A closing quote or bracket, which may follow a sentence's stop ("...end.”").
bool is_closing_mark(char32_t cp);

// `s` without its trailing white space and closing marks: what is left of a
// sentence's end once its stop is reached.
std::string_view trim_closing(std::string_view s);

// Whether the last code point of `s` is a sentence stop (see trim_closing
// for the marks that may follow one).
bool ends_on_stop(std::string_view s);

// Share of characters that are punctuation or symbols, over non-space chars.
double punctuation_ratio(std::string_view s);

}  // namespace saring::text
