// Internal: the date vocabulary (month and weekday names, zones, connector
// words) as lookup tables keyed by folded words. Built once, read-only after.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace saring::date::detail {

struct Vocabulary {
  std::unordered_map<std::string, int> months;    // folded name -> 1..12
  std::unordered_map<std::string, int> weekdays;  // folded name -> 1..7 (Mon..Sun)
  std::unordered_map<std::string, int> zones;     // folded abbreviation -> UTC offset in minutes
  std::unordered_set<std::string> time_connectors;   // words between a date and its time ("at", "pukul")
  std::unordered_set<std::string> date_fillers;      // words inside a date ("de", "of")
  std::unordered_set<std::string> year_suffixes;     // "г.", "r.", "года" after a year
  std::unordered_set<std::string> ordinal_suffixes;  // "st", "th", "er", ...
  std::unordered_set<std::string> weekday_suffixes;  // "feira" (Portuguese weekdays)
  std::unordered_set<std::string> time_suffixes;     // "uhr", "h", "hs" (ignored after a time)
  std::unordered_set<std::string> am_words, pm_words;
  std::unordered_set<std::string> mdy_languages;     // lowercase BCP 47 tags read as m/d/y
};

// The shared tables (built on first use, thread-safe).
const Vocabulary& vocabulary();

// Case-folds and strips diacritics so "Março", "MARCO" and "marco" meet:
// Unicode case folding, decomposition, marks removed, plus a few letters
// that do not decompose (Turkish dotless i, Polish l with stroke, ...).
std::string fold(std::string_view word);

}  // namespace saring::date::detail
