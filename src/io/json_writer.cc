// The one JSON writer of records. Our own because output bytes must be
// identical across runs, thread counts and library versions: numbers go
// through std::to_chars (shortest round-trip form), strings are escaped the
// same way every time, and invalid UTF-8 is replaced, so every line we write
// parses.
//
// Strings are most of the bytes written (a page's text), so escaping copies
// runs of plain bytes whole: next_special() finds the next byte that may need
// an escape, 16 bytes per step (simd::Bytes16). Such a byte is a control character,
// '"', '\\', DEL, or the lead byte of a line break beyond ASCII that
// str.splitlines() splits on: 0xC2 (U+0085 NEL) and 0xE2 (U+2028, U+2029).
// Other characters with those lead bytes (no-break space, typographic quotes)
// are copied after a look at the bytes that follow.
#include <array>
#include <charconv>
#include <cmath>

#include "saring/io.h"
#include "saring/simd.h"
#include "saring/utf8.h"

namespace saring::io {
namespace {

constexpr unsigned char kNextLineLead = 0xC2;       // U+0085 = C2 85
constexpr unsigned char kLineSeparatorLead = 0xE2;  // U+2028 = E2 80 A8, U+2029 = E2 80 A9

constexpr bool may_need_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == kNextLineLead ||
         c == kLineSeparatorLead;
}

// may_need_escape() as a table, for the bytes the block scan leaves.
constexpr auto kMayNeedEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = may_need_escape(static_cast<unsigned char>(c));
  return t;
}();

// Position of the first byte at or after `i` for which may_need_escape()
// holds, or s.size().
[[gnu::always_inline]] inline size_t next_special(std::string_view s, size_t i) {
  for (; i + 16 <= s.size(); i += 16) {
    const simd::Bytes16 v = simd::Bytes16::load(s.data() + i);
    const simd::Bytes16 hit = v.le(0x1F) | v.eq('"') | v.eq('\\') | v.eq(0x7F) |
                              v.eq(static_cast<char>(kNextLineLead)) |
                              v.eq(static_cast<char>(kLineSeparatorLead));
    if (uint32_t mask = hit.mask()) return i + simd::first_bit(mask);
  }
  for (; i < s.size(); ++i)
    if (kMayNeedEscape[static_cast<unsigned char>(s[i])]) return i;
  return s.size();
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string repaired;
  if (!utf8::is_valid(s)) {
    repaired = utf8::make_valid(s);
    s = repaired;
  }
  out += '"';
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = next_special(s, 0); i < s.size(); i = next_special(s, i)) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    size_t width = 1;
    char buf[7];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      case '\b': esc = "\\b"; break;
      case '\f': esc = "\\f"; break;
      // Valid UTF-8 here, so a lead byte has its continuation bytes.
      case kNextLineLead:
        if (s[i + 1] == '\x85') {
          esc = "\\u0085";
          width = 2;
        }
        break;
      case kLineSeparatorLead:
        if (s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
          esc = s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
          width = 3;
        }
        break;
      default:  // the other control characters and DEL
        buf[0] = '\\'; buf[1] = 'u'; buf[2] = '0'; buf[3] = '0';
        buf[4] = kHex[c >> 4]; buf[5] = kHex[c & 15]; buf[6] = 0;
        esc = buf;
    }
    if (esc != nullptr) {
      out.append(s.data() + run, i - run);
      out += esc;
      run = i + width;
    }
    i += width;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(2 * first_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  if (indented_) newline();
}

void JsonWriter::close(char bracket) {
  bool empty = first_.empty() || first_.back();
  if (!first_.empty()) first_.pop_back();
  if (indented_ && !empty) newline();
  out_ += bracket;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
}
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
}
void JsonWriter::end_array() { close(']'); }
void JsonWriter::key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_ += indented_ ? ": " : ":";
  after_key_ = true;
}
void JsonWriter::string(std::string_view s) {
  before_value();
  append_json_string(out_, s);
}
void JsonWriter::string_or_null(const std::optional<std::string>& s) {
  if (s) string(*s);
  else null();
}
void JsonWriter::integer(int64_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::number(double v) {
  before_value();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}
void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::value(const MetaValue& v) {
  struct Visit {
    JsonWriter& w;
    void operator()(std::monostate) { w.null(); }
    void operator()(bool b) { w.boolean(b); }
    void operator()(int64_t i) { w.integer(i); }
    void operator()(double d) { w.number(d); }
    void operator()(const std::string& s) { w.string(s); }
    void operator()(const std::vector<std::string>& list) {
      w.begin_array();
      for (const auto& s : list) w.string(s);
      w.end_array();
    }
  };
  std::visit(Visit{*this}, v);
}

void JsonWriter::members(const MetaFields& f) {
  for (const auto& [k, v] : f) {
    key(k);
    value(v);
  }
}

void JsonWriter::fields(const MetaFields& f) {
  begin_object();
  members(f);
  end_object();
}

void write_page_record(JsonWriter& w, const Record& record) {
  w.begin_object();
  w.key("url");
  if (record.url.empty()) w.null();
  else w.string(record.url);
  w.members(record.metadata);
  w.key("text");
  w.string(record.text);
  w.key("source");
  w.string(record.source.path);
  w.end_object();
}

std::string JsonWriter::take() {
  std::string out = std::move(out_);
  clear();
  return out;
}

void JsonWriter::clear() {
  out_.clear();
  first_.clear();
  after_key_ = false;
}

}  // namespace saring::io
