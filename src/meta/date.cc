// Date parsing by token patterns.
//
// The text is cut into tokens: digit runs (with their value and width), words
// (folded: lowercase, no diacritics; each CJK character is a word of its own)
// and single punctuation characters, each remembering its byte span and
// whether white space preceded it. A handful of small matchers then try, at
// every token, the shapes dates take on the web:
//
//   2021-10-20[T12:47[:00][.000][Z|+07:00]]    year first, numeric
//   20.10.2021 / 10/20/2021 / 20-10-2021        day or month first, numeric
//   [Rabu,] 20[.|th] [de] Oktober[,] [de] 2021  day first, month name
//   [Wed,] October 20[th], 2021                 month name first
//   2021 Oct 20 / 2021. október 20.             year first, month name
//   2021年10月20日 / 2021년 10월 20일            CJK
//
// optionally followed by a time (after connectors such as ",", "-", "at",
// "pukul", "um", "à", "às") with AM/PM and a zone, or preceded by a time
// ("10:30 AM, March 3, 2020"). Month/weekday/zone names come from the
// vocabulary table (date_vocabulary.cc), so the matchers know no language.
// Working on tokens instead of one giant regular expression keeps each shape
// readable, makes byte spans exact, and lets every candidate be validated
// (calendar, year range, d/m order) before it is accepted. Anything doubtful
// is rejected: we never invent a date.
#include "saring/date.h"

#include <re2/re2.h>

#include <cstdio>
#include <ctime>
#include <vector>

#include "date_vocabulary.h"
#include "saring/text.h"
#include "saring/url.h"
#include "saring/utf8.h"

namespace saring::date {
namespace {

using detail::fold;
using detail::Vocabulary;
using detail::vocabulary;

enum class Kind : uint8_t { num, word, punct };

struct Token {
  Kind kind;
  size_t begin, end;   // byte span in the input
  bool space_before;   // white space between this token and the previous one
  int digits = 0;      // for numbers
  long value = 0;      // for numbers (capped)
  std::string key;     // folded word, or the punctuation character
};

bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
// Letters of spaced scripts (Latin, Cyrillic, ...); CJK characters are words
// of one character each.
bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return text::is_word_char(cp) && !text::is_unspaced_script(cp) && !text::is_space(cp);
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t pos = 0;
  bool space = false;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = utf8::next(s, pos);
    if (text::is_space(cp)) {
      space = true;
      continue;
    }
    Token t{Kind::punct, start, pos, space, 0, 0, {}};
    space = false;
    if (is_ascii_digit(cp)) {
      t.kind = Kind::num;
      long v = cp - '0';
      int digits = 1;
      size_t p = pos;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
        if (digits < 12) v = v * 10 + (s[p] - '0');
        ++digits;
        ++p;
      }
      pos = p;
      t.end = pos;
      t.digits = digits;
      t.value = v;
    } else if (is_letter(cp)) {
      // A run of letters; an apostrophe between letters stays inside (jum'at).
      t.kind = Kind::word;
      size_t p = pos;
      while (p < s.size()) {
        size_t q = p;
        char32_t c = utf8::next(s, q);
        if (is_letter(c)) {
          p = q;
          continue;
        }
        if (is_apostrophe(c) && q < s.size()) {
          size_t r = q;
          char32_t d = utf8::next(s, r);
          if (is_letter(d)) {
            p = q;
            continue;
          }
        }
        break;
      }
      pos = p;
      t.end = pos;
      t.key = fold(s.substr(start, pos - start));
    } else if (text::is_word_char(cp)) {
      // One CJK (or other unspaced-script) character, e.g. 年 月 日.
      t.kind = Kind::word;
      t.key = std::string(s.substr(start, pos - start));
    } else {
      t.key = std::string(s.substr(start, pos - start));
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Broken-down result of a match.
struct Parts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  bool has_zone = false;
  int offset = 0;  // minutes east of UTC
};

struct Match {
  Parts parts;
  size_t first = 0, last = 0;  // token range [first, last)
};

int current_year() {
  static const int year = [] {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
  }();
  return year;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap(y)) return 29;
  return kDays[m - 1];
}

bool valid_date(int y, int m, int d, const DateOptions& o) {
  int max_year = o.max_year > 0 ? o.max_year : current_year() + 1;
  return y >= o.min_year && y <= max_year && m >= 1 && m <= 12 && d >= 1 &&
         d <= days_in_month(y, m);
}

std::string format(const Parts& p) {
  char buf[48];
  if (p.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
  } else if (!p.has_zone) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day,
                  p.hour, p.minute, p.second);
  } else {
    int off = p.offset < 0 ? -p.offset : p.offset;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", p.year, p.month,
                  p.day, p.hour, p.minute, p.second, p.offset < 0 ? '-' : '+', off / 60, off % 60);
  }
  return buf;
}

// Whether the language hint reads numeric dates month first.
int numeric_order(const std::string& hint) {  // 1 = m/d/y, 0 = d/m/y, -1 = unknown
  if (hint.empty()) return -1;
  std::string h = text::to_lower(hint);
  return vocabulary().mdy_languages.count(h) ? 1 : 0;
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& toks, const DateOptions& o, bool strict)
      : s_(text), t_(toks), o_(o), v_(vocabulary()), strict_(strict) {}

  // Longest date expression starting at token i.
  std::optional<Match> at(size_t i) const {
    if (auto m = time_then_date(i)) return m;
    size_t j = i;
    if (is_weekday(j)) {
      ++j;
      j = skip_after_weekday(j);
    }
    auto d = date_at(j);
    if (!d) return std::nullopt;
    d->first = i;
    with_time(*d);
    return d;
  }

 private:
  std::string_view s_;
  const std::vector<Token>& t_;
  const DateOptions& o_;
  const Vocabulary& v_;
  bool strict_;

  bool ok(size_t i) const { return i < t_.size(); }
  bool num(size_t i, int min_digits, int max_digits) const {
    return ok(i) && t_[i].kind == Kind::num && t_[i].digits >= min_digits &&
           t_[i].digits <= max_digits;
  }
  bool punct(size_t i, std::string_view chars) const {
    if (!ok(i) || t_[i].kind != Kind::punct) return false;
    const std::string& k = t_[i].key;
    if (k.size() == 1) return chars.find(k[0]) != std::string_view::npos;
    // Dashes other than '-' count as '-'.
    if (k == "\xE2\x80\x93" || k == "\xE2\x80\x94" || k == "\xE2\x88\x92")
      return chars.find('-') != std::string_view::npos;
    return false;
  }
  bool word(size_t i) const { return ok(i) && t_[i].kind == Kind::word; }
  bool word_is(size_t i, std::string_view w) const { return word(i) && t_[i].key == w; }
  bool glued(size_t i) const { return ok(i) && !t_[i].space_before; }
  int month(size_t i) const {
    if (!word(i)) return 0;
    auto it = v_.months.find(t_[i].key);
    return it == v_.months.end() ? 0 : it->second;
  }
  bool is_weekday(size_t i) const { return word(i) && v_.weekdays.count(t_[i].key); }

  size_t skip_after_weekday(size_t j) const {
    if (punct(j, "-") && glued(j) && word(j + 1) && v_.weekday_suffixes.count(t_[j + 1].key))
      j += 2;
    if (punct(j, ",.")) ++j;
    return j;
  }

  // Numeric glue check: a numeric date must not be part of a longer number
  // chain such as a version "1.2.2021.5" or an IP address.
  bool clean_edges(size_t first, size_t last) const {
    if (first > 0 && glued(first) && punct(first - 1, "./-:") && first >= 2 &&
        glued(first - 1) && t_[first - 2].kind == Kind::num)
      return false;
    if (first > 0 && glued(first) && t_[first - 1].kind != Kind::punct) return false;
    if (ok(last) && glued(last) && punct(last, "./-") && ok(last + 1) && glued(last + 1) &&
        t_[last + 1].kind == Kind::num)
      return false;
    if (ok(last) && glued(last) && t_[last].kind == Kind::num) return false;
    return true;
  }

  std::optional<Match> make(int y, int m, int d, size_t first, size_t last) const {
    if (!valid_date(y, m, d, o_)) return std::nullopt;
    Match r;
    r.parts.year = y;
    r.parts.month = m;
    r.parts.day = d;
    r.first = first;
    r.last = last;
    return r;
  }

  std::optional<Match> date_at(size_t i) const {
    if (!ok(i)) return std::nullopt;
    if (auto m = year_first_numeric(i)) return m;
    if (auto m = day_month_numeric(i)) return m;
    if (auto m = day_first_named(i)) return m;
    if (auto m = month_first_named(i)) return m;
    if (auto m = year_first_named(i)) return m;
    if (auto m = cjk(i)) return m;
    return std::nullopt;
  }

  // 2021-10-20, 2021/10/20, 2021.10.20, and (strict mode) 20211020.
  std::optional<Match> year_first_numeric(size_t i) const {
    if (num(i, 4, 4) && punct(i + 1, "-/.") && glued(i + 1) && num(i + 2, 1, 2) && glued(i + 2) &&
        punct(i + 3, t_[i + 1].key) && glued(i + 3) && num(i + 4, 1, 2) && glued(i + 4)) {
      if (!clean_edges(i, i + 5)) return std::nullopt;
      return make(t_[i].value, t_[i + 2].value, t_[i + 4].value, i, i + 5);
    }
    if (strict_ && num(i, 8, 8)) {
      long v = t_[i].value;
      if (!clean_edges(i, i + 1)) return std::nullopt;
      return make(v / 10000, (v / 100) % 100, v % 100, i, i + 1);
    }
    return std::nullopt;
  }

  // 20.10.2021, 10/20/2021, 20-10-2021 (also "20. 10. 2021").
  std::optional<Match> day_month_numeric(size_t i) const {
    if (!num(i, 1, 2) || !punct(i + 1, "./-") || !glued(i + 1)) return std::nullopt;
    char sep = t_[i + 1].key[0];
    if (t_[i + 1].key.size() > 1) return std::nullopt;
    bool spaced_ok = sep == '.';
    if (!num(i + 2, 1, 2) || (!glued(i + 2) && !spaced_ok)) return std::nullopt;
    if (!punct(i + 3, std::string_view(&sep, 1)) || !glued(i + 3)) return std::nullopt;
    if (!num(i + 4, 4, 4) || (!glued(i + 4) && !spaced_ok)) return std::nullopt;
    if (!clean_edges(i, i + 5)) return std::nullopt;
    int a = static_cast<int>(t_[i].value), b = static_cast<int>(t_[i + 2].value);
    int y = static_cast<int>(t_[i + 4].value);
    bool dmy;
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) dmy = false;
    else if (a > 12 && b > 12) return std::nullopt;
    else if (a == b) dmy = true;
    else {
      int order = numeric_order(o_.language_hint);
      if (order == 1) dmy = false;
      else if (order == 0) dmy = true;
      else if (sep == '.') dmy = true;  // dd.mm.yyyy is never American
      else return std::nullopt;         // 03/04/2021 without a hint: unsure
    }
    return dmy ? make(y, b, a, i, i + 5) : make(y, a, b, i, i + 5);
  }

  // Skips an ordinal marker after a day number: "20th", "1er", "20.", "1º".
  size_t skip_ordinal(size_t j) const {
    if (word(j) && glued(j) && v_.ordinal_suffixes.count(t_[j].key)) return j + 1;
    if (punct(j, ".") && glued(j)) return j + 1;
    return j;
  }

  // [day] [.|th] [de|of] Month[.] [,|-|/] [de] Year
  std::optional<Match> day_first_named(size_t i) const {
    if (!num(i, 1, 2)) return std::nullopt;
    if (i > 0 && glued(i) && t_[i - 1].kind == Kind::num) return std::nullopt;
    size_t j = skip_ordinal(i + 1);
    if (punct(j, "-/") && glued(j)) ++j;
    if (word(j) && v_.date_fillers.count(t_[j].key)) ++j;
    int m = month(j);
    if (!m) return std::nullopt;
    ++j;
    if (punct(j, ".") && glued(j)) ++j;
    if (punct(j, ",-/")) ++j;
    if (word(j) && v_.date_fillers.count(t_[j].key)) ++j;
    if (!num(j, 4, 4)) return std::nullopt;
    if (ok(j + 1) && glued(j + 1) && t_[j + 1].kind == Kind::num) return std::nullopt;
    return make(t_[j].value, m, t_[i].value, i, j + 1);
  }

  // Month[.] day[th][,] Year
  std::optional<Match> month_first_named(size_t i) const {
    int m = month(i);
    if (!m) return std::nullopt;
    size_t j = i + 1;
    if (punct(j, ".") && glued(j)) ++j;
    if (punct(j, "-/") ) ++j;
    if (!num(j, 1, 2)) return std::nullopt;
    size_t d = j;
    j = skip_ordinal(j + 1);
    if (punct(j, ",-/")) ++j;
    if (!num(j, 4, 4)) return std::nullopt;
    if (ok(j + 1) && glued(j + 1) && t_[j + 1].kind == Kind::num) return std::nullopt;
    return make(t_[j].value, m, t_[d].value, i, j + 1);
  }

  // 2021 Oct 20, 2021-Oct-20, 2021. október 20.
  std::optional<Match> year_first_named(size_t i) const {
    if (!num(i, 4, 4)) return std::nullopt;
    size_t j = i + 1;
    if (punct(j, ".,-/")) ++j;
    int m = month(j);
    if (!m) return std::nullopt;
    ++j;
    if (punct(j, ".") && glued(j)) ++j;
    if (punct(j, "-/")) ++j;
    if (!num(j, 1, 2)) return std::nullopt;
    if (ok(j + 1) && glued(j + 1) && t_[j + 1].kind == Kind::num) return std::nullopt;
    size_t end = j + 1;
    if (punct(end, ".") && glued(end) && !(ok(end + 1) && glued(end + 1) && t_[end + 1].kind == Kind::num))
      ++end;
    return make(t_[i].value, m, t_[j].value, i, end);
  }

  // 2021年10月20日, 2021년 10월 20일
  std::optional<Match> cjk(size_t i) const {
    if (!num(i, 4, 4)) return std::nullopt;
    static const std::string kY[] = {"年", "년"}, kM[] = {"月", "월"}, kD[] = {"日", "일"};
    for (int k = 0; k < 2; ++k) {
      if (word_is(i + 1, kY[k]) && num(i + 2, 1, 2) && word_is(i + 3, kM[k]) && num(i + 4, 1, 2) &&
          word_is(i + 5, kD[k]))
        return make(t_[i].value, t_[i + 2].value, t_[i + 4].value, i, i + 6);
    }
    return std::nullopt;
  }

  // ---- times ----

  struct Time {
    int hour = 0, minute = 0, second = 0;
    bool has_zone = false;
    bool dotted = false;  // "10.30": only a time next to "pukul" or a zone
    int offset = 0;
    size_t last = 0;  // one past the last token
  };

  // HH:MM[:SS[.fff]] / HH.MM / HHhMM / HH時MM分 (HH시 MM분), then AM/PM,
  // "Uhr", zone. `dot_ok`: whether "10.30" may be read as a time here.
  std::optional<Time> time_at(size_t i, bool dot_ok) const {
    if (!num(i, 1, 2)) return std::nullopt;
    size_t j = i + 1;
    bool colon = punct(j, ":") && glued(j);
    bool dot = dot_ok && punct(j, ".") && glued(j);
    bool h = word(j) && glued(j) && (t_[j].key == "h" || t_[j].key == "ч");
    bool cjk = word(j) && (t_[j].key == "時" || t_[j].key == "시");
    if (!colon && !dot && !h && !cjk) return std::nullopt;
    if (cjk ? !num(j + 1, 1, 2) : (!num(j + 1, 2, 2) || !glued(j + 1))) return std::nullopt;
    Time t;
    t.dotted = dot;
    t.hour = static_cast<int>(t_[i].value);
    t.minute = static_cast<int>(t_[j + 1].value);
    j += 2;
    if (cjk && (word_is(j, "分") || word_is(j, "분"))) ++j;
    if (colon && punct(j, ":") && glued(j) && num(j + 1, 2, 2) && glued(j + 1)) {
      t.second = static_cast<int>(t_[j + 1].value);
      j += 2;
      if (punct(j, ".,") && glued(j) && num(j + 1, 1, 9) && glued(j + 1)) j += 2;  // fraction
    }
    if (ok(j) && glued(j) && t_[j].kind == Kind::num) return std::nullopt;  // 12:345
    // AM / PM, also "a.m." and "p.m."
    int ampm = 0;
    if (word(j) && (v_.am_words.count(t_[j].key) || v_.pm_words.count(t_[j].key))) {
      ampm = v_.am_words.count(t_[j].key) ? 1 : 2;
      ++j;
    } else if (word(j) && (t_[j].key == "a" || t_[j].key == "p") && punct(j + 1, ".") &&
               glued(j + 1) && word_is(j + 2, "m") && glued(j + 2)) {
      ampm = t_[j].key == "a" ? 1 : 2;
      j += 3;
      if (punct(j, ".") && glued(j)) ++j;
    }
    if (ampm) {
      if (t.hour < 1 || t.hour > 12) return std::nullopt;
      if (ampm == 1 && t.hour == 12) t.hour = 0;
      if (ampm == 2 && t.hour < 12) t.hour += 12;
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    if (t.second == 60) t.second = 59;  // leap second: keep the minute
    if (word(j) && v_.time_suffixes.count(t_[j].key)) ++j;
    t.last = j;
    zone_at(t);
    return t;
  }

  // Reads a zone at t.last (updating t.last when one is found).
  void zone_at(Time& t) const {
    size_t j = t.last;
    bool paren = punct(j, "(") && word(j + 1) && v_.zones.count(t_[j + 1].key) && punct(j + 2, ")");
    if (paren) ++j;
    if (word(j)) {
      auto it = v_.zones.find(t_[j].key);
      if (it == v_.zones.end()) return;
      if (t_[j].key == "z" && !glued(j)) return;  // a lone "Z" word is not a zone
      int off = it->second;
      ++j;
      if (paren && punct(j, ")")) ++j;
      // GMT+7, UTC+07:00, GMT+0700
      if ((t_[j - 1].key == "gmt" || t_[j - 1].key == "utc") && punct(j, "+-") && glued(j)) {
        int sign = t_[j].key == "+" ? 1 : -1;
        if (auto o = numeric_offset(j + 1)) {
          off = sign * o->first;
          j = o->second;
        }
      }
      t.has_zone = true;
      t.offset = off;
      t.last = j;
      return;
    }
    if (punct(j, "+-") && num(j + 1, 2, 4) && glued(j + 1)) {
      int sign = t_[j].key == "+" ? 1 : -1;
      if (auto o = numeric_offset(j + 1)) {
        t.has_zone = true;
        t.offset = sign * o->first;
        t.last = o->second;
      }
    }
  }

  // "07:00", "0700", "07", "7" at j -> (minutes, next token).
  std::optional<std::pair<int, size_t>> numeric_offset(size_t j) const {
    if (!num(j, 1, 4)) return std::nullopt;
    int h = 0, m = 0;
    size_t next = j + 1;
    if (t_[j].digits <= 2) {
      h = static_cast<int>(t_[j].value);
      if (punct(next, ":") && glued(next) && num(next + 1, 2, 2) && glued(next + 1)) {
        m = static_cast<int>(t_[next + 1].value);
        next += 2;
      }
    } else if (t_[j].digits == 4) {
      h = static_cast<int>(t_[j].value / 100);
      m = static_cast<int>(t_[j].value % 100);
    } else {
      return std::nullopt;
    }
    if (h > 14 || m > 59) return std::nullopt;
    return std::make_pair(h * 60 + m, next);
  }

  // Date followed by a time: "20 Oktober 2021 - 12:47 WIB", "2021-10-20T12:47Z".
  void with_time(Match& d) const {
    size_t j = d.last;
    if (word(j) && v_.year_suffixes.count(t_[j].key)) {  // "2021 г.", "2021 r."
      ++j;
      if (punct(j, ".") && glued(j)) ++j;
      d.last = j;
    }
    int skipped = 0;
    bool connector_word = false;
    while (ok(j) && skipped < 4) {
      if (punct(j, ",-|/@(") || t_[j].key == "\xC2\xB7" || t_[j].key == "\xE2\x80\xA2") {
        ++j;
        ++skipped;
        continue;
      }
      if (word(j) && v_.time_connectors.count(t_[j].key)) {
        ++j;
        ++skipped;
        connector_word = true;
        if (punct(j, ".") && glued(j)) ++j;  // "godz.", "kl."
        continue;
      }
      if (is_weekday(j)) {  // "20 Ekim 2021 Çarşamba 14:30"
        ++j;
        ++skipped;
        continue;
      }
      break;
    }
    auto t = time_at(j, true);
    if (!t || (t->dotted && !t->has_zone && !connector_word)) return;
    d.parts.hour = t->hour;
    d.parts.minute = t->minute;
    d.parts.second = t->second;
    d.parts.has_zone = t->has_zone;
    d.parts.offset = t->offset;
    d.last = t->last;
  }

  // Time before the date: "10:30 AM, March 3, 2020", "12:47 WIB 20/10/2021".
  std::optional<Match> time_then_date(size_t i) const {
    if (!num(i, 1, 2)) return std::nullopt;
    auto t = time_at(i, false);
    if (!t) return std::nullopt;
    size_t j = t->last;
    int skipped = 0;
    while (ok(j) && skipped < 2 &&
           (punct(j, ",-|/") || word_is(j, "on") || word_is(j, "le") || word_is(j, "am"))) {
      ++j;
      ++skipped;
    }
    if (is_weekday(j)) j = skip_after_weekday(j + 1);
    auto d = date_at(j);
    if (!d) return std::nullopt;
    d->parts.hour = t->hour;
    d->parts.minute = t->minute;
    d->parts.second = t->second;
    d->parts.has_zone = t->has_zone;
    d->parts.offset = t->offset;
    d->first = i;
    return d;
  }
};

bool has_digit_run(std::string_view s, size_t run);

std::optional<Found> scan(std::string_view text, const DateOptions& options, bool strict) {
  // Every date shape has digits: most lines of text can be skipped at once.
  // Years come from number tokens of ASCII digits, so with min_year >= 1000
  // a date needs a run of at least four digits.
  if (!has_digit_run(text, options.min_year >= 1000 ? 4 : 1)) return std::nullopt;
  std::vector<Token> toks = tokenize(text);
  Matcher m(text, toks, options, strict);
  for (size_t i = 0; i < toks.size(); ++i) {
    auto r = m.at(i);
    if (!r) continue;
    if (!options.allow_date_only && r->parts.hour < 0) continue;
    Found f;
    f.iso = format(r->parts);
    f.begin = toks[r->first].begin;
    f.end = toks[r->last - 1].end;
    return f;
  }
  return std::nullopt;
}

bool has_digit_run(std::string_view s, size_t run) {
  size_t len = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++len >= run) return true;
    } else {
      len = 0;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> parse(std::string_view text, const DateOptions& options) {
  constexpr size_t kMaxExpression = 256;  // one expression, not a paragraph
  if (text.empty() || text.size() > kMaxExpression) return std::nullopt;
  auto f = scan(text, options, /*strict=*/true);
  if (!f) return std::nullopt;
  if (has_digit_run(text.substr(0, f->begin), 1) || has_digit_run(text.substr(f->end), 1)) return std::nullopt;
  return f->iso;
}

std::optional<Found> find(std::string_view text, const DateOptions& options) {
  return scan(text, options, /*strict=*/false);
}

std::optional<std::string> from_url(std::string_view url, const DateOptions& options) {
  // Only the path: drop scheme+host, query and fragment.
  std::string_view path = url::path(url);
  if (path.empty()) return std::nullopt;
  std::string lower = text::to_lower(path);

  static const RE2 kSlashed(R"(/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$|[-_.]|[a-z]))");
  static const RE2 kNamed(R"(/((?:19|20)\d\d)/([a-z]{3,9})/(\d{1,2})(?:/|$))");
  static const RE2 kCompact(R"((?:^|[/_-])((?:19|20)\d\d)([-_]?)(\d\d)([-_]?)(\d\d)(?:$|[/_.-]))");
  int y = 0, m = 0, d = 0;
  std::string month_name, sep1, sep2;
  std::string ys, ms, ds;
  if (RE2::PartialMatch(lower, kSlashed, &ys, &ms, &ds)) {
    y = std::stoi(ys);
    m = std::stoi(ms);
    d = std::stoi(ds);
  } else if (RE2::PartialMatch(lower, kNamed, &ys, &month_name, &ds)) {
    auto it = vocabulary().months.find(fold(month_name));
    if (it == vocabulary().months.end()) return std::nullopt;
    y = std::stoi(ys);
    m = it->second;
    d = std::stoi(ds);
  } else if (RE2::PartialMatch(lower, kCompact, &ys, &sep1, &ms, &sep2, &ds)) {
    if (sep1 != sep2) return std::nullopt;  // 2021-1020 is not a date
    y = std::stoi(ys);
    m = std::stoi(ms);
    d = std::stoi(ds);
  } else {
    return std::nullopt;
  }
  if (!valid_date(y, m, d, options)) return std::nullopt;
  Parts p;
  p.year = y;
  p.month = m;
  p.day = d;
  return format(p);
}

}  // namespace saring::date
