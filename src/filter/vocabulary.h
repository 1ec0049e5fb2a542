// The quality filters' vocabulary in one place: punctuation sets, bullet
// glyphs, C4's phrase lists, languages written without spaces. Internal to
// src/filter.
#pragma once

#include <string_view>

namespace saring::filter::vocab {

// Line endings that count as "terminal punctuation". C4 (TFDS c4_utils.py
// _END_MARKS) used . ? ! and the double quote; we add the closing curly quote
// (C4's paper says "end quotation mark") and sentence ends of other scripts
// (CJK full stop and full-width marks, Arabic question mark, Devanagari
// danda, Ethiopic, Myanmar, Armenian, Greek question mark). FineWeb's newer
// datatrove code uses a similarly multilingual set.
inline constexpr char32_t kTerminalPunct[] = {
    U'.', U'?', U'!', U'"', U'\u201D',             // ASCII marks, right double quote
    U'\u3002', U'\uFF01', U'\uFF1F', U'\uFF0E', U'\uFF61',  // 。！？．｡
    U'\u061F', U'\u06D4',                          // Arabic ؟ ۔
    U'\u0964', U'\u0965',                          // Devanagari । ॥
    U'\u1362', U'\u1367', U'\u1368',               // Ethiopic
    U'\u104A', U'\u104B',                          // Myanmar
    U'\u0589', U'\u037E',                          // Armenian full stop, Greek question mark
};

// Words whose trailing period ends no sentence (C4 sentence counting;
// lowercase, at most 5 letters). C4 used NLTK's Punkt, which learns these.
inline constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "prof", "inc", "ltd", "co", "no", "gen", "col",
    "lt", "sgt", "rev", "fig", "vol", "pp", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "e", "i", "g",
};

// FineWeb's stop characters (datatrove FineWebQualityFilter, the version
// FineWeb ran: . ' " ! ?) plus the multilingual marks above.
inline constexpr char32_t kFineWebExtraStop[] = {U'\''};

// Ellipsis forms: three ASCII dots or U+2026.
inline constexpr std::string_view kEllipsisAscii = "...";
inline constexpr std::string_view kEllipsisChar = "\u2026";

// Bullet glyphs that start a "bullet line" (Gopher). datatrove checks
// U+2022 and '-'; we also accept the other common list markers.
inline constexpr std::string_view kBullets[] = {
    "\u2022", "-", "*", "\u2023", "\u25E6", "\u25AA", "\u25CF", "\u00B7", "\u2013", "\u2043", "\u25A0",
};

// C4: lines containing any of these (lowercased) are dropped (TFDS
// c4_utils.py _POLICY_SUBSTRINGS).
inline constexpr std::string_view kPolicySubstrings[] = {
    "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies",
};
inline constexpr std::string_view kJavascript = "javascript";
inline constexpr std::string_view kLoremIpsum = "lorem ipsum";

// C4 citation markers removed from lines: [digits], [edit], [citation needed].
inline constexpr std::string_view kCitationWords[] = {"[edit]", "[citation needed]"};

// Languages written without spaces between words (ISO 639-1/3 codes from
// fastText lid.176): their text is measured per character.
inline constexpr std::string_view kUnspacedLanguages[] = {
    "zh", "ja", "th", "lo", "km", "my", "bo", "yue", "wuu", "dz",
};

// In word_mode "auto", text counts as unspaced when at least this share of
// its word units are characters of unspaced scripts.
inline constexpr double kUnspacedShare = 0.5;

// The English stop words of Gopher's quality filter (Rae et al. 2021, A.1.1).
inline constexpr std::string_view kGopherEnglishStopWords = "the,be,to,of,and,that,have,with";

// Built-in per-language overrides, applied before any user setting (which
// can replace them). Sources: Gopher for English; FineWeb-2's tuned
// configs/kor_Hang.yml for Korean word lengths (Hangul words are dense, so
// Gopher's 3..10 rejects ordinary Korean prose).
struct LanguageDefault {
  std::string_view language, key, value;
};
inline constexpr LanguageDefault kLanguageDefaults[] = {
    {"en", "gopher_quality.stop_words", kGopherEnglishStopWords},
    {"ko", "gopher_quality.min_mean_word_length", "1"},
    {"ko", "gopher_quality.max_mean_word_length", "6"},
};

}  // namespace saring::filter::vocab
