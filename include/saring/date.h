// Multilingual date parsing: one date expression, a date inside a longer line,
// or a date in a URL path, normalised to ISO 8601.
//
// Output forms (never anything else):
//   "2021-10-20T12:47:00+07:00"  date, time and zone were all given
//   "2021-10-20T12:47:00"        date and time, no zone
//   "2021-10-20"                 date only
// A zone without a time is dropped (a zone alone says nothing about the day).
//
// Understood: month and weekday names (full, abbreviated, with or without
// diacritics, any case, Russian/Polish/Czech genitives) in English,
// Indonesian, Malay, German, French, Spanish, Portuguese, Italian, Dutch,
// Polish, Russian, Ukrainian, Turkish, Swedish, Danish, Norwegian, Czech,
// Romanian and Finnish; CJK "2021年10月20日" / Korean "2021년 10월 20일";
// ISO 8601, RFC 2822/1123, dd.mm.yyyy, d/m/y and m/d/y; times "12:47",
// "10.30 WIB", "pukul 12:47", "14h30", "2:47 PM"; zone abbreviations (WIB,
// CEST, EDT, ...), "+0700", "+07:00", "GMT+7". The vocabulary lives in one
// table: src/meta/date_vocabulary.cc.
//
// Never invents: relative dates ("2 hours ago"), month-and-year only, two-digit
// years, ambiguous d/m vs m/d without a hint, impossible days (31 April) and
// years outside [min_year, max_year] all give nullopt.
//
//   saring::date::parse("Rabu, 20 Oktober 2021 - 12:47 WIB")
//       -> "2021-10-20T12:47:00+07:00"
//   saring::date::find("Published on 3 March 2020 by Jane")
//       -> Found{"2020-03-03", 13, 25}
//   saring::date::from_url("https://x.com/2021/10/20/story") -> "2021-10-20"
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace saring::date {

// How strict to be. All functions are pure and thread-safe.
struct DateOptions {
  // When false, only expressions with a time of day are accepted.
  bool allow_date_only = true;
  // BCP 47 language of the page (e.g. "en-US", "id", "de"), used only to
  // decide whether "03/04/2021" is 3 April (most languages) or March 4
  // (en, en-US and a few others). Empty: such dates are accepted only when a
  // value above 12 settles the order or the separator is a dot (dd.mm.yyyy).
  std::string language_hint;
  // Accepted years; max_year 0 means the current year + 1.
  int min_year = 1995;
  int max_year = 0;
};

// Parses ONE date expression into ISO 8601 (see the file comment). Text
// around the expression may only be words and punctuation (no other digits),
// so "Updated: 3 March 2020" parses but "3 March 2020 - 5 April 2021" does
// not. nullopt when there is no date or it is ambiguous.
std::optional<std::string> parse(std::string_view text, const DateOptions& options = {});

// A date found inside longer text: its ISO form and the byte span [begin, end)
// of the expression that gave it (weekday, time and zone included).
struct Found {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

// The first plausible date expression inside `text`, e.g. in
// "Rabu, 20 Oktober 2021 - 12:47 WIB | Penulis: Budi".
std::optional<Found> find(std::string_view text, const DateOptions& options = {});

// Date from a URL path: /2021/10/20/, /2021/oct/20/, /20211020/,
// /2021-10-20-slug. A year and month alone give nullopt.
std::optional<std::string> from_url(std::string_view url, const DateOptions& options = {});

}  // namespace saring::date
