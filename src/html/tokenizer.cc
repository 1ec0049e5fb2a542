// saring's HTML5 tokenizer (the front half of Backend::native).
//
// How it works. The input is valid UTF-8 without NUL bytes (parse() repairs
// both), so the tokenizer never has to look at a byte above 0x7F: every
// delimiter of HTML is ASCII. Instead of the specification's
// character-at-a-time state machine it runs one bulk scan per token:
//   - text: a 16-byte block scan (simd.h) for '<', '&' and
//     CR; a '<' that cannot open markup ("a < b") stays text. The token is a
//     view into the input unless a character reference or a CR occurred,
//     in which case the run is decoded into a reused buffer;
//   - tags: name to the first space, '/' or '>'; attributes with the same
//     rules as the spec's attribute states (a name may start with '=';
//     values double-, single- or unquoted; missing spaces between
//     attributes are tolerated); duplicate names keep the first (hashed
//     once a tag has many attributes, so 100,000 attributes stay linear);
//     an end-of-file inside a tag drops the tag, as HTML5 does. Names and
//     unquoted values are scanned with a byte-class table whose stop
//     classes include the NUL that follows the input (its PaddedText's
//     padding; the input holds no NUL), so those loops have no bounds
//     check; quoted values are found with the block scan, which also tells
//     whether they need decoding. Attributes go straight into the token
//     (views into the input, or into a buffer when lowercased or decoded);
//   - comments ("<!--" to "-->" or "--!>", "<!-->" and "<!--->" empty),
//     bogus comments ("<?", "<!x", "</1"), doctypes (name, public and
//     system ids for the quirks decision), CDATA sections as text when the
//     tree builder says we are in svg/math;
//   - rcdata (title, textarea), rawtext (style, xmp, iframe, noembed,
//     noframes), script data (with the escaped "<!--" / "<script>" states
//     that decide whether "</script>" ends the element) and plaintext: one
//     scan for the appropriate end tag, compared case-insensitively.
// Character references follow HTML5: numeric ones with the windows-1252
// remapping of 0x80-0x9F, U+FFFD for 0, surrogates and values past
// U+10FFFF; named ones from the standard table (entities.inc), longest
// match, legacy names without ';', and the attribute-value exception.
#include "tokenizer.h"

#include <strings.h>

#include <algorithm>
#include <cstring>

#include "saring/open_table.h"
#include "saring/simd.h"
#include "saring/view_map.h"

namespace saring::html::detail {
namespace {

struct Entity {
  std::string_view name;   // with ';' unless it is a legacy form
  std::string_view value;  // UTF-8
};

constexpr Entity kEntities[] = {
#include "entities.inc"
};

// Longest entity name (with ';') in the table.
constexpr size_t kMaxEntityName = 32;
// Longest legacy name (without ';').
constexpr size_t kMaxLegacyName = 6;

// windows-1252 meanings of numeric references 0x80-0x9F (0: keep as is).
constexpr uint16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// kEntities in a hash table built once: a reference costs one hash of its
// few bytes and, usually, one compare, where a binary search over the names
// of its first letter made several.
struct EntityKeys : OpenTableTraits<std::string_view> {
  static uint64_t hash(std::string_view name) { return view_hash(name); }
};
using EntityTable = OpenTable<std::string_view, const Entity*, EntityKeys>;

const EntityTable& entity_table() {
  static const EntityTable table = [] {
    EntityTable t(2 * std::size(kEntities));
    for (const Entity& e : kEntities) *t.try_emplace(e.name).first = &e;
    return t;
  }();
  return table;
}

const Entity* find_entity(std::string_view name) {
  const Entity* const* e = entity_table().find(name);
  return e ? *e : nullptr;
}

inline bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline bool is_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_upper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }
inline char lower(char c) { return is_upper(c) ? static_cast<char>(c | 0x20) : c; }

// Byte classes for the loops inside a tag (names, unquoted values): one
// table load per byte instead of a chain of comparisons.
// kEnd is the NUL that follows the input (PaddedText): every loop that
// stops at it needs no separate bounds check.
enum : uint8_t { kSpace = 1, kSlash = 2, kGt = 4, kEq = 8, kUpper = 16, kEnd = 32 };
struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (unsigned char c : {' ', '\n', '\t', '\r', '\f'}) of[c] = kSpace;
    of[static_cast<unsigned char>('/')] = kSlash;
    of[static_cast<unsigned char>('>')] = kGt;
    of[static_cast<unsigned char>('=')] = kEq;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kUpper;
    of[0] = kEnd;
  }
};
constexpr ByteClasses kByteClasses;
inline uint8_t byte_class(char c) { return kByteClasses.of[static_cast<unsigned char>(c)]; }

void append_utf8(uint32_t cp, std::string& out) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6));
    b[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12));
    b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18));
    b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(b, n);
}

// First position in [p, end) holding a, b or c; `end` when none.
inline const char* find3(const char* p, const char* end, char a, char b, char c) {
  while (end - p >= 16) {
    const simd::Bytes16 v = simd::Bytes16::load(p);
    if (uint32_t hits = (v.eq(a) | v.eq(b) | v.eq(c)).mask()) return p + simd::first_bit(hits);
    p += 16;
  }
  while (p < end && *p != a && *p != b && *p != c) ++p;
  return p;
}

inline const char* find2(const char* p, const char* end, char a, char b) {
  return find3(p, end, a, b, b);
}

inline bool tag_name_end(char c) { return is_space(c) || c == '/' || c == '>'; }

uint64_t hash_name(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Tags with up to this many attributes are checked for duplicate names by
// comparison; past it a set of name hashes answers first (linear overall).
constexpr size_t kLinearAttrCheck = 16;

}  // namespace

const char* decode_char_ref(const char* p, const char* end, bool in_attribute, std::string& out) {
  if (p >= end) return p;
  if (*p == '#') {
    const char* q = p + 1;
    bool hex = q < end && (*q | 0x20) == 'x';
    if (hex) ++q;
    const char* digits = q;
    uint32_t v = 0;
    bool overflow = false;
    for (; q < end; ++q) {
      uint32_t d;
      if (is_digit(*q)) d = *q - '0';
      else if (hex && (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f') d = (*q | 0x20) - 'a' + 10;
      else break;
      v = v * (hex ? 16 : 10) + d;
      if (v > 0x10FFFF) {
        overflow = true;
        v = 0x110000;
      }
    }
    if (q == digits) return p;  // "&#" or "&#x" without digits is text
    if (q < end && *q == ';') ++q;
    if (overflow || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      v = 0xFFFD;
    } else if (v >= 0x80 && v <= 0x9F && kWindows1252[v - 0x80]) {
      v = kWindows1252[v - 0x80];
    }
    append_utf8(v, out);
    return q;
  }
  if (!is_alnum(*p)) return p;
  const char* q = p;
  while (q < end && is_alnum(*q)) ++q;
  size_t run = static_cast<size_t>(q - p);
  char buf[kMaxEntityName + 1];
  if (q < end && *q == ';' && run + 1 <= kMaxEntityName) {
    std::memcpy(buf, p, run);
    buf[run] = ';';
    if (const Entity* e = find_entity(std::string_view(buf, run + 1))) {
      out.append(e->value);
      return q + 1;
    }
  }
  for (size_t len = std::min(run, kMaxLegacyName); len >= 2; --len) {
    if (const Entity* e = find_entity(std::string_view(p, len))) {
      const char* after = p + len;
      if (in_attribute && after < end && (*after == '=' || is_alnum(*after))) return p;
      out.append(e->value);
      return after;
    }
  }
  return p;
}

void decode_text(std::string_view s, bool in_attribute, std::string& out) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* q = find2(p, end, '&', '\r');
    out.append(p, q - p);
    if (q == end) return;
    if (*q == '\r') {
      out.push_back('\n');
      p = q + 1;
      if (p < end && *p == '\n') ++p;
      continue;
    }
    const char* r = decode_char_ref(q + 1, end, in_attribute, out);
    if (r == q + 1) out.push_back('&');
    p = r;
  }
}

void Tokenizer::reset(const PaddedText& input) {
  p_ = input.data();
  end_ = p_ + input.size();
  readable_end_ = end_ + input.padding();
  mode_ = Mode::data;
  foreign_ = false;
}

void Tokenizer::set_mode(Mode mode, std::string_view end_name) {
  mode_ = mode;
  end_name_.assign(end_name);
}

void Tokenizer::skip_newline() {
  if (p_ < end_ && *p_ == '\n') {
    ++p_;
  } else if (p_ < end_ && *p_ == '\r') {
    ++p_;
    if (p_ < end_ && *p_ == '\n') ++p_;
  }
}

// Whether the '<' at q opens markup (a tag, end tag, comment, doctype or
// bogus comment) rather than being text ("a < b").
inline bool Tokenizer::opens_markup(const char* q) const {
  if (q + 1 >= end_) return false;
  const char n = q[1];
  return is_alpha(n) || n == '!' || n == '?' || (n == '/' && q + 2 < end_);
}

// Most text runs hold no reference and no CR: they are views into the input
// found by one scan, in a function light enough to need no stack frame; a
// run that needs decoding is handed to decode_text_token() at its first '&'
// or CR.
void Tokenizer::text_token(Token& t) {
  const char* start = p_;
  const char* q = p_;
  for (;;) {
    q = find3(q, end_, '<', '&', '\r');
    if (q == end_) break;
    if (*q != '<') return decode_text_token(t, start, q);
    if (opens_markup(q)) break;
    ++q;
  }
  p_ = q;
  t.type = TokenType::text;
  t.text = std::string_view(start, q - start);
}

void Tokenizer::decode_text_token(Token& t, const char* start, const char* q) {
  text_buf_.clear();
  const char* copied = start;
  while (q != end_) {
    const char c = *q;
    if (c == '<') {
      if (opens_markup(q)) break;
      ++q;
    } else {
      text_buf_.append(copied, q - copied);
      if (c == '\r') {
        text_buf_.push_back('\n');
        ++q;
        if (q < end_ && *q == '\n') ++q;
      } else {
        const char* r = decode_char_ref(q + 1, end_, false, text_buf_);
        if (r == q + 1) text_buf_.push_back('&');
        q = r;
      }
      copied = q;
    }
    q = find3(q, end_, '<', '&', '\r');
  }
  text_buf_.append(copied, q - copied);
  p_ = q;
  t.type = TokenType::text;
  t.text = text_buf_;
}

// Position of the '<' of the end tag closing the current rcdata / rawtext /
// script element, or end_ when it never comes.
const char* Tokenizer::find_end_tag(const char* from, bool script) const {
  auto is_end_tag = [&](const char* r, std::string_view name) {
    return static_cast<size_t>(end_ - r) > name.size() + 2 && r[1] == '/' &&
           strncasecmp(r + 2, name.data(), name.size()) == 0 &&
           tag_name_end(r[2 + name.size()]);
  };
  auto is_script_start = [&](const char* r) {
    return end_ - r > 7 && strncasecmp(r + 1, "script", 6) == 0 && tag_name_end(r[7]);
  };
  const char* r = from;
  int state = 0;  // 0 script data, 1 escaped, 2 double escaped
  const char* dash_min = from;  // "--" of "-->" may not start before this
  while (r < end_) {
    if (state == 0) {
      r = static_cast<const char*>(std::memchr(r, '<', end_ - r));
      if (!r) return end_;
      if (is_end_tag(r, end_name_)) return r;
      if (script && end_ - r >= 4 && r[1] == '!' && r[2] == '-' && r[3] == '-') {
        state = 1;
        dash_min = r + 2;
        r += 4;
        continue;
      }
      ++r;
      continue;
    }
    r = find2(r, end_, '<', '>');
    if (r == end_) return end_;
    if (*r == '>') {
      if (r - 2 >= dash_min && r[-1] == '-' && r[-2] == '-') state = 0;
      ++r;
      continue;
    }
    if (state == 1) {
      if (is_end_tag(r, end_name_)) return r;
      if (is_script_start(r)) {
        state = 2;
        r += 7;
        continue;
      }
    } else if (is_end_tag(r, "script")) {
      state = 1;
      r += 8;
      continue;
    }
    ++r;
  }
  return end_;
}

void Tokenizer::special_text_token(Token& t) {
  const char* start = p_;
  const bool rc = mode_ == Mode::rcdata;
  const char* e;
  switch (mode_) {
    case Mode::plaintext: e = end_; break;
    case Mode::script: e = find_end_tag(start, true); break;
    default: e = find_end_tag(start, false); break;
  }
  if (mode_ != Mode::plaintext) mode_ = Mode::data;
  p_ = e;
  t.type = TokenType::text;
  std::string_view s(start, e - start);
  t.text = s;
  if (std::memchr(s.data(), '\r', s.size()) || (rc && std::memchr(s.data(), '&', s.size()))) {
    text_buf_.clear();
    if (rc) {
      decode_text(s, false, text_buf_);
    } else {
      for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
          text_buf_.push_back('\n');
          if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
          text_buf_.push_back(s[i]);
        }
      }
    }
    t.text = text_buf_;
  }
}

bool Tokenizer::duplicate_attr(const std::vector<Attribute>& attrs, std::string_view name) {
  if (attrs.size() > kLinearAttrCheck) {
    auto it = hash_set_.find(hash_name(name));
    return it != hash_set_.end() && attrs[it->second].name == name;
  }
  // Names are never empty: most differ in length or first byte, which is
  // checked before memcmp is called.
  for (const Attribute& a : attrs)
    if (a.name.size() == name.size() && a.name[0] == name[0] &&
        std::memcmp(a.name.data(), name.data(), name.size()) == 0)
      return true;
  return false;
}

void Tokenizer::rebase_attrs(std::vector<Attribute>& attrs, const char* old_base,
                             size_t old_size) const {
  const uintptr_t lo = reinterpret_cast<uintptr_t>(old_base), hi = lo + old_size;
  auto rebase = [&](std::string_view& v) {
    const uintptr_t at = reinterpret_cast<uintptr_t>(v.data());
    if (at >= lo && at < hi) v = std::string_view(attr_buf_.data() + (at - lo), v.size());
  };
  for (Attribute& a : attrs) {
    rebase(a.name);
    rebase(a.value);
  }
}

bool Tokenizer::tag(Token& t) {
  const char* lt = p_;
  const char* q = lt + 1;
  if (q >= end_) {
    text_token(t);  // a lone '<' at the end
    return true;
  }
  char c = *q;
  if (c == '!') {
    if (end_ - q >= 3 && q[1] == '-' && q[2] == '-') {
      comment(t, q + 3);
      return true;
    }
    if (end_ - q >= 8 && strncasecmp(q + 1, "doctype", 7) == 0) {
      doctype(t, q + 8);
      return true;
    }
    if (end_ - q >= 8 && std::memcmp(q + 1, "[CDATA[", 7) == 0 && foreign()) {
      const char* s = q + 8;
      const char* e = s;
      for (;;) {
        e = static_cast<const char*>(std::memchr(e, ']', end_ - e));
        if (!e || (end_ - e >= 3 && e[1] == ']' && e[2] == '>')) break;
        ++e;
      }
      t.type = TokenType::text;
      t.text = std::string_view(s, (e ? e : end_) - s);
      p_ = e ? e + 3 : end_;
      return true;
    }
    bogus_comment(t, q + 1);
    return true;
  }
  if (c == '?') {
    bogus_comment(t, q);
    return true;
  }
  bool end_tag = c == '/';
  if (end_tag) {
    ++q;
    if (q >= end_) {
      text_token(t);
      return true;
    }
    if (*q == '>') {
      p_ = q + 1;  // "</>" is dropped
      return false;
    }
    if (!is_alpha(*q)) {
      bogus_comment(t, q);
      return true;
    }
  } else if (!is_alpha(c)) {
    text_token(t);
    return true;
  }
  const char* name = q;
  // The classes of the name's bytes are OR-ed together (one instruction a
  // byte) and tested for kUpper once at the end.
  uint8_t seen = 0;
  for (uint8_t cls; !((cls = byte_class(*q)) & (kSpace | kSlash | kGt | kEnd)); ++q)
    seen |= cls;
  const bool upper = (seen & kUpper) != 0;
  if (q >= end_) {  // end of input inside a tag: the tag is dropped
    p_ = end_;
    t.type = TokenType::eof;
    return true;
  }
  size_t name_len = static_cast<size_t>(q - name);
  // Names with capitals, and names too close to the end of the input's
  // padding for kNameReadable, go to name_buf_ (whose capacity is at least
  // that).
  if (upper || readable_end_ - name < static_cast<ptrdiff_t>(kNameReadable)) {
    name_buf_.assign(name, name_len);
    for (char& ch : name_buf_) ch = lower(ch);
    t.name = name_buf_;
  } else {
    t.name = std::string_view(name, name_len);
  }
  // Start tags' attributes go straight into t.attrs (cleared by next()):
  // views into the input, or into attr_buf_ for lowercased names and
  // decoded values. Should attr_buf_ reallocate, the views already made into
  // it are moved over (rebase_attrs; rare, it is reused across tags).
  std::vector<Attribute>& attrs = t.attrs;
  attr_buf_.clear();
  if (!hash_set_.empty()) {
    // clear() costs the bucket count: after a tag with thousands of
    // attributes, start afresh rather than pay that on every later tag.
    if (hash_set_.bucket_count() > 64) hash_set_ = {};
    else hash_set_.clear();
  }
  auto dropped_at_eof = [&] {  // end of input inside a tag: the tag is dropped
    p_ = end_;
    t.type = TokenType::eof;
    attrs.clear();
    return true;
  };
  bool self_closing = false;
  for (;;) {
    for (uint8_t cls; (cls = byte_class(*q)) & (kSpace | kSlash); ++q)
      if ((cls & kSlash) && q[1] == '>') self_closing = true;  // q[1]: at most the NUL
    if (q >= end_) return dropped_at_eof();
    if (*q == '>') {
      ++q;
      break;
    }
    self_closing = false;
    const char* an = q++;
    uint8_t aseen = byte_class(*an);
    for (uint8_t cls; !((cls = byte_class(*q)) & (kSpace | kSlash | kGt | kEq | kEnd)); ++q)
      aseen |= cls;
    const bool aupper = (aseen & kUpper) != 0;
    const size_t an_len = static_cast<size_t>(q - an);
    const char* r = q;
    while (byte_class(*r) & kSpace) ++r;
    bool has_value = *r == '=';  // r == end_: the NUL
    const char* value = nullptr;
    const char* value_end = nullptr;
    bool value_decode = false;  // holds '&' or CR
    if (has_value) {
      ++r;
      while (byte_class(*r) & kSpace) ++r;
      if (r >= end_) return dropped_at_eof();
      if (*r == '"' || *r == '\'') {
        // One scan finds the closing quote and whether the value needs
        // decoding; past a '&' or CR only the quote is looked for.
        const char quote = *r;
        const char* close = find3(r + 1, end_, quote, '&', '\r');
        if (close < end_ && *close != quote) {
          value_decode = true;
          close = static_cast<const char*>(std::memchr(close, quote, end_ - close));
        } else if (close == end_) {
          close = nullptr;
        }
        if (!close) return dropped_at_eof();
        value = r + 1;
        value_end = close;
        q = close + 1;
      } else {
        value = r;
        while (!(byte_class(*r) & (kSpace | kGt | kEnd))) ++r;
        value_end = r;
        value_decode = find2(value, value_end, '&', '\r') != value_end;
        q = r;
      }
    }
    if (end_tag) continue;  // end tags' attributes are dropped
    std::string_view aname(an, an_len);
    size_t aname_off = 0;  // in attr_buf_, when lowercased
    if (aupper) {
      const char* old_base = attr_buf_.data();
      const size_t off = aname_off = attr_buf_.size();
      attr_buf_.resize(off + an_len);
      if (attr_buf_.data() != old_base) rebase_attrs(attrs, old_base, off);
      char* dst = attr_buf_.data() + off;
      for (size_t i = 0; i < an_len; ++i) dst[i] = lower(an[i]);
      aname = std::string_view(dst, an_len);
    }
    if (duplicate_attr(attrs, aname)) continue;
    std::string_view avalue(an, 0);  // no value: empty
    if (value) {
      avalue = std::string_view(value, value_end - value);
      if (value_decode) {
        const char* old_base = attr_buf_.data();
        const size_t off = attr_buf_.size();
        decode_text(avalue, true, attr_buf_);
        if (attr_buf_.data() != old_base) {
          rebase_attrs(attrs, old_base, off);
          if (aupper) aname = std::string_view(attr_buf_.data() + aname_off, an_len);
        }
        avalue = std::string_view(attr_buf_.data() + off, attr_buf_.size() - off);
      }
    }
    attrs.push_back({aname, avalue});
    if (attrs.size() > kLinearAttrCheck) {
      if (hash_set_.empty()) {
        for (uint32_t i = 0; i < attrs.size(); ++i) hash_set_.emplace(hash_name(attrs[i].name), i);
      } else {
        hash_set_.emplace(hash_name(aname), static_cast<uint32_t>(attrs.size() - 1));
      }
    }
  }
  p_ = q;
  t.type = end_tag ? TokenType::end_tag : TokenType::start_tag;
  t.self_closing = self_closing;
  return true;
}

void Tokenizer::comment(Token& t, const char* s) {
  t.type = TokenType::comment;
  if (s < end_ && *s == '>') {
    t.text = {};
    p_ = s + 1;
    return;
  }
  if (end_ - s >= 2 && s[0] == '-' && s[1] == '>') {
    t.text = {};
    p_ = s + 2;
    return;
  }
  for (const char* r = s; (r = static_cast<const char*>(std::memchr(r, '-', end_ - r))); ++r) {
    if (end_ - r >= 3 && r[1] == '-' && r[2] == '>') {
      t.text = std::string_view(s, r - s);
      p_ = r + 3;
      return;
    }
    if (end_ - r >= 4 && r[1] == '-' && r[2] == '!' && r[3] == '>') {
      t.text = std::string_view(s, r - s);
      p_ = r + 4;
      return;
    }
  }
  t.text = std::string_view(s, end_ - s);
  p_ = end_;
}

void Tokenizer::bogus_comment(Token& t, const char* s) {
  t.type = TokenType::comment;
  const char* e = static_cast<const char*>(std::memchr(s, '>', end_ - s));
  t.text = std::string_view(s, (e ? e : end_) - s);
  p_ = e ? e + 1 : end_;
}

void Tokenizer::doctype(Token& t, const char* s) {
  t.type = TokenType::doctype;
  t.force_quirks = false;
  t.has_public_id = t.has_system_id = false;
  t.public_id = t.system_id = {};
  const char* e = static_cast<const char*>(std::memchr(s, '>', end_ - s));
  if (!e) {
    t.force_quirks = true;
    e = end_;
  }
  p_ = e < end_ ? e + 1 : end_;
  const char* q = s;
  while (q < e && is_space(*q)) ++q;
  const char* n = q;
  while (q < e && !is_space(*q)) ++q;
  name_buf_.assign(n, q - n);
  for (char& ch : name_buf_) ch = lower(ch);
  t.name = name_buf_;
  if (n == q) t.force_quirks = true;
  // PUBLIC "id" "id" | SYSTEM "id"
  while (q < e && is_space(*q)) ++q;
  auto quoted = [&](std::string_view& out) {
    while (q < e && is_space(*q)) ++q;
    if (q >= e || (*q != '"' && *q != '\'')) return false;
    const char* close = static_cast<const char*>(std::memchr(q + 1, *q, e - q - 1));
    if (!close) {  // the '>' ended the id (HTML5: missing quote, quirks)
      out = std::string_view(q + 1, e - q - 1);
      t.force_quirks = true;
      q = e;
      return true;
    }
    out = std::string_view(q + 1, close - q - 1);
    q = close + 1;
    return true;
  };
  if (e - q >= 6 && strncasecmp(q, "public", 6) == 0) {
    q += 6;
    t.has_public_id = quoted(t.public_id);
    if (!t.has_public_id) t.force_quirks = true;
    else t.has_system_id = quoted(t.system_id);
  } else if (e - q >= 6 && strncasecmp(q, "system", 6) == 0) {
    q += 6;
    t.has_system_id = quoted(t.system_id);
    if (!t.has_system_id) t.force_quirks = true;
  }
}

}  // namespace saring::html::detail
