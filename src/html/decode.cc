// Charset decoding: raw page bytes to valid UTF-8.
//
// Order of trust, as browsers do it (WHATWG "encoding sniffing"), with one
// deliberate exception:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE) wins outright;
//   2. the HTTP Content-Type charset, then a <meta charset> / http-equiv
//      found by a small prescan of the first 4 KB (not a full parse:
//      attributes are read the way the HTML spec's prescan reads them);
//   3. otherwise valid UTF-8 is UTF-8 (checking is fast and a legacy
//      encoding almost never produces valid multi-byte UTF-8 by chance);
//   4. otherwise uchardet guesses; windows-1252 when it has no answer.
// The exception: a declared single- or double-byte legacy charset is
// overridden when the bytes are valid UTF-8 and contain non-ASCII, because
// pages that say iso-8859-1 while serving UTF-8 are common and the reverse
// mistake is nearly impossible. A declared UTF-8 whose bytes are not valid
// UTF-8 is checked with the detector, which may pick a legacy charset.
//
// Labels map to canonical names through kCharsetLabels (browsers' choices:
// latin1/ascii are windows-1252, gb2312/gbk are gb18030, shift_jis is
// windows-31j, euc-kr is windows-949). glibc's iconv converts; each invalid
// byte becomes U+FFFD and is counted. Converters and the detector are
// cached per thread.
#include <errno.h>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "saring/html.h"
#include "saring/utf8.h"

namespace saring::html {
namespace {

struct CharsetLabel {
  std::string_view label;      // lowercase, as found in pages and headers
  std::string_view canonical;  // our name for it (DecodedText::charset)
  const char* iconv_name;      // glibc iconv's name
};

// Every charset label we recognise. Unknown labels are ignored (the next
// source in the order of trust decides).
constexpr CharsetLabel kCharsetLabels[] = {
    {"utf-8", "utf-8", "UTF-8"},
    {"utf8", "utf-8", "UTF-8"},
    {"unicode-1-1-utf-8", "utf-8", "UTF-8"},
    {"x-unicode20utf8", "utf-8", "UTF-8"},
    {"utf-16", "utf-16le", "UTF-16LE"},
    {"utf-16le", "utf-16le", "UTF-16LE"},
    {"unicode", "utf-16le", "UTF-16LE"},
    {"ucs-2", "utf-16le", "UTF-16LE"},
    {"utf-16be", "utf-16be", "UTF-16BE"},
    {"windows-1252", "windows-1252", "CP1252"},
    {"cp1252", "windows-1252", "CP1252"},
    {"x-cp1252", "windows-1252", "CP1252"},
    {"iso-8859-1", "windows-1252", "CP1252"},
    {"iso8859-1", "windows-1252", "CP1252"},
    {"iso_8859-1", "windows-1252", "CP1252"},
    {"iso88591", "windows-1252", "CP1252"},
    {"iso_8859-1:1987", "windows-1252", "CP1252"},
    {"latin1", "windows-1252", "CP1252"},
    {"latin-1", "windows-1252", "CP1252"},
    {"l1", "windows-1252", "CP1252"},
    {"ascii", "windows-1252", "CP1252"},
    {"us-ascii", "windows-1252", "CP1252"},
    {"ansi_x3.4-1968", "windows-1252", "CP1252"},
    {"iso-ir-100", "windows-1252", "CP1252"},
    {"ibm819", "windows-1252", "CP1252"},
    {"cp819", "windows-1252", "CP1252"},
    {"csisolatin1", "windows-1252", "CP1252"},
    {"x-user-defined", "windows-1252", "CP1252"},
    {"iso-8859-15", "iso-8859-15", "ISO-8859-15"},
    {"iso8859-15", "iso-8859-15", "ISO-8859-15"},
    {"iso_8859-15", "iso-8859-15", "ISO-8859-15"},
    {"latin9", "iso-8859-15", "ISO-8859-15"},
    {"l9", "iso-8859-15", "ISO-8859-15"},
    {"iso-8859-2", "iso-8859-2", "ISO-8859-2"},
    {"iso8859-2", "iso-8859-2", "ISO-8859-2"},
    {"iso_8859-2", "iso-8859-2", "ISO-8859-2"},
    {"latin2", "iso-8859-2", "ISO-8859-2"},
    {"l2", "iso-8859-2", "ISO-8859-2"},
    {"iso-8859-3", "iso-8859-3", "ISO-8859-3"},
    {"iso-8859-4", "iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "iso-8859-5", "ISO-8859-5"},
    {"iso8859-5", "iso-8859-5", "ISO-8859-5"},
    {"cyrillic", "iso-8859-5", "ISO-8859-5"},
    {"iso-8859-6", "iso-8859-6", "ISO-8859-6"},
    {"arabic", "iso-8859-6", "ISO-8859-6"},
    {"iso-8859-7", "iso-8859-7", "ISO-8859-7"},
    {"iso8859-7", "iso-8859-7", "ISO-8859-7"},
    {"greek", "iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "iso-8859-8", "ISO-8859-8"},
    {"iso-8859-8-i", "iso-8859-8", "ISO-8859-8"},
    {"hebrew", "iso-8859-8", "ISO-8859-8"},
    {"iso-8859-9", "windows-1254", "CP1254"},
    {"iso8859-9", "windows-1254", "CP1254"},
    {"latin5", "windows-1254", "CP1254"},
    {"iso-8859-10", "iso-8859-10", "ISO-8859-10"},
    {"iso-8859-13", "iso-8859-13", "ISO-8859-13"},
    {"iso-8859-14", "iso-8859-14", "ISO-8859-14"},
    {"iso-8859-16", "iso-8859-16", "ISO-8859-16"},
    {"iso-8859-11", "windows-874", "CP874"},
    {"tis-620", "windows-874", "CP874"},
    {"windows-874", "windows-874", "CP874"},
    {"dos-874", "windows-874", "CP874"},
    {"windows-1250", "windows-1250", "CP1250"},
    {"cp1250", "windows-1250", "CP1250"},
    {"x-cp1250", "windows-1250", "CP1250"},
    {"windows-1251", "windows-1251", "CP1251"},
    {"cp1251", "windows-1251", "CP1251"},
    {"x-cp1251", "windows-1251", "CP1251"},
    {"windows-1253", "windows-1253", "CP1253"},
    {"cp1253", "windows-1253", "CP1253"},
    {"windows-1254", "windows-1254", "CP1254"},
    {"cp1254", "windows-1254", "CP1254"},
    {"windows-1255", "windows-1255", "CP1255"},
    {"cp1255", "windows-1255", "CP1255"},
    {"windows-1256", "windows-1256", "CP1256"},
    {"cp1256", "windows-1256", "CP1256"},
    {"windows-1257", "windows-1257", "CP1257"},
    {"cp1257", "windows-1257", "CP1257"},
    {"windows-1258", "windows-1258", "CP1258"},
    {"cp1258", "windows-1258", "CP1258"},
    {"koi8-r", "koi8-r", "KOI8-R"},
    {"koi8r", "koi8-r", "KOI8-R"},
    {"koi8", "koi8-r", "KOI8-R"},
    {"koi", "koi8-r", "KOI8-R"},
    {"cskoi8r", "koi8-r", "KOI8-R"},
    {"koi8-u", "koi8-u", "KOI8-U"},
    {"koi8-ru", "koi8-u", "KOI8-U"},
    {"ibm866", "ibm866", "CP866"},
    {"cp866", "ibm866", "CP866"},
    {"866", "ibm866", "CP866"},
    {"macintosh", "macintosh", "MACINTOSH"},
    {"mac", "macintosh", "MACINTOSH"},
    {"x-mac-roman", "macintosh", "MACINTOSH"},
    {"gb18030", "gb18030", "GB18030"},
    {"gbk", "gb18030", "GB18030"},
    {"gb2312", "gb18030", "GB18030"},
    {"gb_2312", "gb18030", "GB18030"},
    {"gb_2312-80", "gb18030", "GB18030"},
    {"x-gbk", "gb18030", "GB18030"},
    {"cp936", "gb18030", "GB18030"},
    {"ms936", "gb18030", "GB18030"},
    {"windows-936", "gb18030", "GB18030"},
    {"chinese", "gb18030", "GB18030"},
    {"csgb2312", "gb18030", "GB18030"},
    {"euc-cn", "gb18030", "GB18030"},
    {"iso-ir-58", "gb18030", "GB18030"},
    {"hz-gb-2312", "hz-gb-2312", "HZ"},
    {"big5", "big5", "BIG5-HKSCS"},
    {"big5-hkscs", "big5", "BIG5-HKSCS"},
    {"cn-big5", "big5", "BIG5-HKSCS"},
    {"csbig5", "big5", "BIG5-HKSCS"},
    {"x-x-big5", "big5", "BIG5-HKSCS"},
    {"shift_jis", "shift_jis", "CP932"},
    {"shift-jis", "shift_jis", "CP932"},
    {"sjis", "shift_jis", "CP932"},
    {"x-sjis", "shift_jis", "CP932"},
    {"ms_kanji", "shift_jis", "CP932"},
    {"csshiftjis", "shift_jis", "CP932"},
    {"windows-31j", "shift_jis", "CP932"},
    {"ms932", "shift_jis", "CP932"},
    {"cp932", "shift_jis", "CP932"},
    {"euc-jp", "euc-jp", "EUC-JP"},
    {"x-euc-jp", "euc-jp", "EUC-JP"},
    {"eucjp", "euc-jp", "EUC-JP"},
    {"iso-2022-jp", "iso-2022-jp", "ISO-2022-JP"},
    {"csiso2022jp", "iso-2022-jp", "ISO-2022-JP"},
    {"euc-kr", "euc-kr", "CP949"},
    {"euckr", "euc-kr", "CP949"},
    {"cseuckr", "euc-kr", "CP949"},
    {"windows-949", "euc-kr", "CP949"},
    {"cp949", "euc-kr", "CP949"},
    {"uhc", "euc-kr", "CP949"},
    {"korean", "euc-kr", "CP949"},
    {"ks_c_5601-1987", "euc-kr", "CP949"},
    {"ks_c_5601-1989", "euc-kr", "CP949"},
    {"ksc5601", "euc-kr", "CP949"},
    {"ksc_5601", "euc-kr", "CP949"},
    {"iso-ir-149", "euc-kr", "CP949"},
    {"csksc56011987", "euc-kr", "CP949"},
    {"iso-2022-kr", "iso-2022-kr", "ISO-2022-KR"},
    {"viscii", "viscii", "VISCII"},
    {"tcvn", "tcvn", "TCVN"},
};

// Limits of the sniffing steps.
constexpr size_t kMetaPrescanBytes = 4096;         // as in the HTML spec
constexpr size_t kDetectorBytes = 256u * 1024u;    // enough for uchardet to settle
constexpr std::string_view kFallbackCharset = "windows-1252";
// Bytes that are not valid UTF-8 are still read as UTF-8 (with U+FFFD for
// the bad ones) when at most this share of their non-ASCII bytes is bad:
// a few stray bytes in a UTF-8 page, not a legacy encoding.
constexpr double kMostlyUtf8MaxBadShare = 0.05;
constexpr std::string_view kUtf8 = "utf-8";

const CharsetLabel* find_label(std::string_view raw) {
  // Trim blanks and quotes, lowercase.
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t' || raw.front() == '"' ||
                          raw.front() == '\'' || raw.front() == '\n' || raw.front() == '\r'))
    raw.remove_prefix(1);
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '"' ||
                          raw.back() == '\'' || raw.back() == '\n' || raw.back() == '\r' ||
                          raw.back() == ';'))
    raw.remove_suffix(1);
  if (raw.empty() || raw.size() > 40) return nullptr;
  char buf[40];
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view label(buf, raw.size());
  for (const CharsetLabel& l : kCharsetLabels)
    if (l.label == label) return &l;
  return nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// The charset named in a Content-Type value: "text/html; charset=Shift_JIS".
std::string_view charset_from_content_type(std::string_view v) {
  for (size_t i = 0; i + 7 <= v.size(); ++i) {
    if (!iequals(v.substr(i, 7), "charset")) continue;
    size_t j = i + 7;
    while (j < v.size() && is_space(v[j])) ++j;
    if (j >= v.size() || v[j] != '=') continue;
    ++j;
    while (j < v.size() && is_space(v[j])) ++j;
    if (j < v.size() && (v[j] == '"' || v[j] == '\'')) {
      char q = v[j++];
      size_t e = v.find(q, j);
      return v.substr(j, e == std::string_view::npos ? std::string_view::npos : e - j);
    }
    size_t e = j;
    while (e < v.size() && !is_space(v[e]) && v[e] != ';') ++e;
    return v.substr(j, e - j);
  }
  return {};
}

// Prescan of the first bytes for <meta charset=...> or
// <meta http-equiv=content-type content="...; charset=...">. Comments are
// skipped; attribute values may be quoted or bare.
const CharsetLabel* prescan_meta(std::string_view head) {
  size_t i = 0;
  const size_t n = head.size();
  while (i < n) {
    size_t lt = head.find('<', i);
    if (lt == std::string_view::npos) return nullptr;
    if (head.substr(lt, 4) == "<!--") {
      size_t end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) return nullptr;
      i = end + 3;
      continue;
    }
    i = lt + 1;
    if (lt + 6 > n || !iequals(head.substr(lt + 1, 4), "meta") ||
        !(is_space(head[lt + 5]) || head[lt + 5] == '/'))
      continue;
    i = lt + 5;
    std::string_view charset, http_equiv, content;
    while (i < n) {
      while (i < n && (is_space(head[i]) || head[i] == '/')) ++i;
      if (i >= n || head[i] == '>') break;
      size_t ns = i;
      while (i < n && !is_space(head[i]) && head[i] != '=' && head[i] != '>' && head[i] != '/') ++i;
      std::string_view name = head.substr(ns, i - ns);
      while (i < n && is_space(head[i])) ++i;
      std::string_view value;
      if (i < n && head[i] == '=') {
        ++i;
        while (i < n && is_space(head[i])) ++i;
        if (i < n && (head[i] == '"' || head[i] == '\'')) {
          char q = head[i++];
          size_t e = head.find(q, i);
          if (e == std::string_view::npos) e = n;
          value = head.substr(i, e - i);
          i = e + 1;
        } else {
          size_t vs = i;
          while (i < n && !is_space(head[i]) && head[i] != '>') ++i;
          value = head.substr(vs, i - vs);
        }
      }
      if (iequals(name, "charset")) charset = value;
      else if (iequals(name, "http-equiv")) http_equiv = value;
      else if (iequals(name, "content")) content = value;
    }
    if (!charset.empty()) {
      if (const CharsetLabel* l = find_label(charset)) return l;
    }
    if (iequals(http_equiv, "content-type") && !content.empty()) {
      if (const CharsetLabel* l = find_label(charset_from_content_type(content))) return l;
    }
  }
  return nullptr;
}

// UTF-8 with each invalid byte replaced by U+FFFD; returns how many.
size_t repair_utf8(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size() + 16);
  size_t invalid = 0, pos = 0;
  while (pos < in.size()) {
    size_t start = pos;
    char32_t cp = utf8::next(in, pos);
    if (cp == utf8::kReplacement && pos - start == 1) {
      ++invalid;
      utf8::append(out, utf8::kReplacement);
    } else {
      out.append(in.data() + start, pos - start);
    }
  }
  return invalid;
}

// True when `bytes` (known not to be valid UTF-8) is UTF-8 with a few
// stray bytes rather than another encoding.
bool mostly_utf8(std::string_view bytes) {
  size_t non_ascii = 0, bad = 0, pos = 0;
  while (pos < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t cp = utf8::next(bytes, pos);
    non_ascii += pos - start;
    if (cp == utf8::kReplacement && pos - start == 1) ++bad;
  }
  return bad <= kMostlyUtf8MaxBadShare * static_cast<double>(non_ascii);
}

// Cached iconv converters, one per charset per thread.
struct Converters {
  std::unordered_map<std::string, iconv_t> by_name;
  ~Converters() {
    for (auto& [name, cd] : by_name)
      if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
  iconv_t get(const char* name) {
    auto it = by_name.find(name);
    if (it != by_name.end()) {
      if (it->second != reinterpret_cast<iconv_t>(-1))
        iconv(it->second, nullptr, nullptr, nullptr, nullptr);  // reset state
      return it->second;
    }
    iconv_t cd = iconv_open("UTF-8", name);
    by_name.emplace(name, cd);
    return cd;
  }
};

thread_local Converters t_converters;

// Converts with iconv; false when the charset is unavailable.
bool convert(std::string_view in, const char* iconv_name, std::string& out, size_t& invalid) {
  iconv_t cd = t_converters.get(iconv_name);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  if (in.empty()) return true;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t used = 0;
  static constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";
  while (true) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    size_t rc = iconv(cd, src_left ? &src : nullptr, src_left ? &src_left : nullptr, &dst, &dst_left);
    used = out.size() - dst_left;
    if (rc != static_cast<size_t>(-1)) {
      if (src_left == 0) {
        // Flush any shift state (ISO-2022-*).
        dst = out.data() + used;
        dst_left = out.size() - used;
        if (iconv(cd, nullptr, nullptr, &dst, &dst_left) != static_cast<size_t>(-1)) {
          used = out.size() - dst_left;
          break;
        }
        if (errno != E2BIG) break;
        out.resize(out.size() * 2);
        continue;
      }
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2 + 16);
    } else if (errno == EILSEQ || errno == EINVAL) {
      // Invalid (or, at the end, truncated) sequence: one byte becomes U+FFFD.
      if (out.size() - used < 3) out.resize(out.size() * 2 + 16);
      std::memcpy(out.data() + used, kReplacementUtf8, 3);
      used += 3;
      ++invalid;
      ++src;
      --src_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      if (src_left == 0) break;
    } else {
      return false;
    }
  }
  out.resize(used);
  return true;
}

// uchardet's guess, or nullptr.
const CharsetLabel* detect(std::string_view bytes) {
  struct Detector {
    uchardet_t ud = uchardet_new();
    ~Detector() {
      if (ud) uchardet_delete(ud);
    }
  };
  thread_local Detector t_detector;
  if (!t_detector.ud) return nullptr;
  uchardet_reset(t_detector.ud);
  std::string_view sample = bytes.substr(0, kDetectorBytes);
  if (uchardet_handle_data(t_detector.ud, sample.data(), sample.size()) != 0) return nullptr;
  uchardet_data_end(t_detector.ud);
  const char* name = uchardet_get_charset(t_detector.ud);
  return name ? find_label(name) : nullptr;
}

const CharsetLabel* label_for(std::string_view canonical) { return find_label(canonical); }

// Decodes `bytes` as `label` into `out`, UTF-8 and the rest alike.
// `known_valid`, when given, is utf8::is_valid(bytes) already computed by the
// caller, so a UTF-8 page is not validated twice. `owner`, when given, is a
// string the caller gives up; if `bytes` is all of it and valid UTF-8, it is
// moved into `out` instead of copied.
void decode_as(std::string_view bytes, const CharsetLabel& label, DecodedText& out,
               const bool* known_valid = nullptr, std::string* owner = nullptr) {
  out.charset = std::string(label.canonical);
  if (label.canonical == kUtf8) {
    if (known_valid ? *known_valid : utf8::is_valid(bytes)) {
      if (owner && owner->data() == bytes.data() && owner->size() == bytes.size())
        out.utf8 = std::move(*owner);
      else
        out.utf8.assign(bytes);
    } else {
      out.invalid_bytes = repair_utf8(bytes, out.utf8);
    }
    return;
  }
  size_t invalid = 0;
  if (!convert(bytes, label.iconv_name, out.utf8, invalid)) {
    // The C library cannot convert it: read the bytes as UTF-8.
    out.charset = std::string(kUtf8);
    out.invalid_bytes = repair_utf8(bytes, out.utf8);
    return;
  }
  out.invalid_bytes = invalid;
  if (!utf8::is_valid(out.utf8)) out.utf8 = utf8::make_valid(out.utf8);
}

// decode_to_utf8(), with the bytes' owner when the caller gives it up.
DecodedText decode(std::string_view bytes, std::string_view http_charset, std::string* owner) {
  DecodedText out;
  // 1. Byte-order marks.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.source = CharsetSource::bom;
    decode_as(bytes.substr(3), *label_for(kUtf8), out);
    return out;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    out.source = CharsetSource::bom;
    decode_as(bytes.substr(2), *label_for(bytes[0] == '\xFF' ? "utf-16le" : "utf-16be"), out);
    return out;
  }
  // 2. Declarations: HTTP header, then <meta>. A <meta> cannot declare
  // UTF-16 (the page would not be readable as ASCII to find it).
  const CharsetLabel* declared = nullptr;
  CharsetSource source = CharsetSource::fallback;
  if (!http_charset.empty()) {
    std::string_view cs = charset_from_content_type(http_charset);
    declared = find_label(cs.empty() ? http_charset : cs);
    if (declared) source = CharsetSource::http;
  }
  if (!declared) {
    declared = prescan_meta(bytes.substr(0, kMetaPrescanBytes));
    if (declared) {
      source = CharsetSource::meta;
      if (declared->canonical.starts_with("utf-16")) declared = label_for(kUtf8);
    }
  }
  bool valid_utf8 = utf8::is_valid(bytes);
  if (declared) {
    bool declared_utf8 = declared->canonical == kUtf8;
    bool declared_utf16 = declared->canonical.starts_with("utf-16");
    if (!declared_utf8 && !declared_utf16 && valid_utf8 && !utf8::is_ascii(bytes)) {
      // A legacy charset declared for bytes that are valid UTF-8.
      out.source = CharsetSource::detected;
      decode_as(bytes, *label_for(kUtf8), out, &valid_utf8, owner);
      return out;
    }
    if (declared_utf8 && !valid_utf8 && !mostly_utf8(bytes)) {
      const CharsetLabel* guess = detect(bytes);
      if (guess && guess->canonical != kUtf8 && !guess->canonical.starts_with("utf-16")) {
        out.source = CharsetSource::detected;
        decode_as(bytes, *guess, out, &valid_utf8, owner);
        return out;
      }
    }
    out.source = source;
    decode_as(bytes, *declared, out, &valid_utf8, owner);
    return out;
  }
  // 3. Undeclared valid UTF-8 (pure ASCII included), or nearly valid.
  if (valid_utf8 || mostly_utf8(bytes)) {
    out.source = utf8::is_ascii(bytes) ? CharsetSource::fallback : CharsetSource::detected;
    decode_as(bytes, *label_for(kUtf8), out, &valid_utf8, owner);
    return out;
  }
  // 4. The detector, then the browsers' default.
  if (const CharsetLabel* guess = detect(bytes)) {
    out.source = CharsetSource::detected;
    decode_as(bytes, *guess, out, &valid_utf8, owner);
    return out;
  }
  out.source = CharsetSource::fallback;
  decode_as(bytes, *label_for(kFallbackCharset), out, &valid_utf8, owner);
  return out;
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, std::string_view http_charset) {
  return decode(bytes, http_charset, nullptr);
}

DecodedText decode_to_utf8_owned(std::string&& bytes, std::string_view http_charset) {
  return decode(bytes, http_charset, &bytes);
}

}  // namespace saring::html
