// A compact JSON writer. Our own because output bytes must be identical
// across runs, thread counts and library versions: numbers go through
// std::to_chars (shortest round-trip form), strings are escaped the same way
// every time, and invalid UTF-8 is replaced, so every line we write parses.
#include <charconv>
#include <cmath>

#include "saring/io.h"
#include "saring/utf8.h"

namespace saring::io {

void append_json_string(std::string& out, std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string repaired;
  if (!utf8::is_valid(s)) {
    repaired = utf8::make_valid(s);
    s = repaired;
  }
  out += '"';
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[7];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      case '\b': esc = "\\b"; break;
      case '\f': esc = "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          buf[0] = '\\'; buf[1] = 'u'; buf[2] = '0'; buf[3] = '0';
          buf[4] = kHex[c >> 4]; buf[5] = kHex[c & 15]; buf[6] = 0;
          esc = buf;
        }
    }
    if (esc != nullptr) {
      out.append(s.data() + run, i - run);
      out += esc;
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void JsonWriter::begin_object() {
  comma();
  out_ += '{';
  first_.push_back(true);
}
void JsonWriter::end_object() {
  out_ += '}';
  if (!first_.empty()) first_.pop_back();
}
void JsonWriter::begin_array() {
  comma();
  out_ += '[';
  first_.push_back(true);
}
void JsonWriter::end_array() {
  out_ += ']';
  if (!first_.empty()) first_.pop_back();
}
void JsonWriter::key(std::string_view k) {
  comma();
  append_json_string(out_, k);
  out_ += ':';
  after_key_ = true;
}
void JsonWriter::string(std::string_view s) {
  comma();
  append_json_string(out_, s);
}
void JsonWriter::integer(int64_t v) {
  comma();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::number(double v) {
  comma();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}
void JsonWriter::boolean(bool v) {
  comma();
  out_ += v ? "true" : "false";
}
void JsonWriter::null() {
  comma();
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

void JsonWriter::fields(const MetaFields& f) {
  begin_object();
  for (const auto& [k, v] : f) {
    key(k);
    value(v);
  }
  end_object();
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
