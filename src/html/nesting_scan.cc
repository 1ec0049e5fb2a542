// Nesting guard (see nesting_scan.h).
//
// One pass with memchr over '<', keeping a stack of open tag names packed
// into 8-byte integers. The rules are chosen so the count overestimates what
// an HTML5 tree builder keeps open, never underestimates it by much:
//   - void elements (br, img, ...) never open; comments and the content of
//     raw-text elements (script, style, textarea, title, ...) are skipped;
//   - a start tag of p/li/td/... on top of the same name replaces it;
//   - an end tag pops only when it matches the top, or an element just below
//     a run of implicitly-closed elements (p, li, td, ...); any other end
//     tag is ignored (a mis-nested </b> does not pop, although the adoption
//     agency algorithm may, so the count stays on the high side).
// flatten_nesting() runs the same matcher and drops the start tags that
// would go past the limit, and at the limit the end tags that match nothing.
#include "nesting_scan.h"

#include <strings.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace saring::html::detail {
namespace {

constexpr uint64_t pack(const char* s, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n && i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return v | (static_cast<uint64_t>(n < 255 ? n : 255) << 56);
}
constexpr uint64_t packc(const char* s) {
  size_t n = 0;
  while (s[n]) ++n;
  return pack(s, n);
}

// The matcher's vocabulary.
constexpr uint64_t kVoid[] = {packc("area"),  packc("base"),  packc("br"),     packc("col"),
                              packc("embed"), packc("hr"),    packc("img"),    packc("input"),
                              packc("link"),  packc("meta"),  packc("param"),  packc("source"),
                              packc("track"), packc("wbr"),   packc("keygen"), packc("frame")};
constexpr uint64_t kRawText[] = {packc("script"),  packc("style"),    packc("textarea"),
                                 packc("title"),   packc("xmp"),      packc("iframe"),
                                 packc("noembed"), packc("noframes"), packc("plaintext")};
constexpr uint64_t kImpliedEnd[] = {
    packc("p"),  packc("li"), packc("dt"), packc("dd"),    packc("option"), packc("optgroup"),
    packc("tr"), packc("td"), packc("th"), packc("tbody"), packc("thead"),  packc("tfoot"),
    packc("rt"), packc("rp")};
// How many implicitly-closed elements an end tag may pop through.
constexpr size_t kCloseSearch = 8;

template <size_t N>
bool in(const uint64_t (&set)[N], uint64_t v) {
  for (uint64_t x : set)
    if (x == v) return true;
  return false;
}

bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Skips the contents of a raw-text element (script, style, ...) whose name is
// name[0..n): returns the position after "</" of the matching end tag
// (compared case-insensitively), or `end` when there is none.
const char* skip_raw_text(const char* p, const char* end, const char* name, size_t n) {
  for (const char* r = p; (r = static_cast<const char*>(std::memchr(r, '<', end - r))); ++r) {
    if (end - r > static_cast<ptrdiff_t>(n + 2) && r[1] == '/' && strncasecmp(r + 2, name, n) == 0) {
      return r + 2;
    }
  }
  return end;
}

// `p` points at the '!' of "<!". Returns where scanning goes on: after the
// closing "-->" of a comment (the end of input when it never closes), or `p`
// itself for other markup declarations.
const char* skip_comment(const char* p, const char* end) {
  if (end - p < 3 || p[1] != '-' || p[2] != '-') return p;
  const char* close = p + 3;
  while ((close = static_cast<const char*>(std::memchr(close, '>', end - close)))) {
    if (close - p >= 4 && close[-1] == '-' && close[-2] == '-') return close + 1;
    ++close;
  }
  return end;
}

// The next '<' from p that may open a tag (comments skipped), or null when
// none is left with a character after it.
const char* next_markup(const char* p, const char* end) {
  for (;;) {
    const char* lt = static_cast<const char*>(std::memchr(p, '<', end - p));
    if (!lt || lt + 1 >= end) return nullptr;
    if (lt[1] != '!') return lt;
    p = skip_comment(lt + 1, end);
  }
}

// Reads a tag name from p up to space, '/' or '>': its length in n and its
// first sizeof name bytes, lower-cased, in name. Returns the end of the name.
const char* read_tag_name(const char* p, const char* end, char (&name)[8], size_t& n) {
  n = 0;
  while (p < end && *p != '>' && *p != '/' && !is_space(*p)) {
    if (n < sizeof name) name[n] = (*p >= 'A' && *p <= 'Z') ? static_cast<char>(*p | 0x20) : *p;
    ++n;
    ++p;
  }
  return p;
}

// End of the tag starting at p (just past its name): the '>' outside quotes.
const char* tag_end(const char* p, const char* end) {
  while (p < end && *p != '>') {
    if (*p == '"' || *p == '\'') {
      const char* q = static_cast<const char*>(std::memchr(p + 1, *p, end - p - 1));
      if (!q) return end;
      p = q;
    }
    ++p;
  }
  return p < end ? p + 1 : end;
}

// Shared scanner. Without `out` it returns the maximum depth (stopping at
// `limit`); with `out` it copies the input minus the dropped tags.
size_t scan(std::string_view html, size_t limit, std::string* out) {
  const char* const begin = html.data();
  const char* p = begin;
  const char* const end = p + html.size();
  const char* copied = begin;  // input before this is already in `out`
  auto drop = [&](const char* from, const char* to) {
    out->append(copied, from - copied);
    copied = to;
  };
  std::vector<uint64_t> stack;
  size_t max_depth = 0;
  char name[8];
  while (p < end) {
    const char* lt = next_markup(p, end);
    if (!lt) break;
    p = lt + 1;
    bool closing = *p == '/';
    if (closing) ++p;
    if (p >= end || !is_alpha(*p)) continue;
    size_t n;
    const char* q = read_tag_name(p, end, name, n);
    uint64_t tag = pack(name, n);
    p = q;
    if (closing) {
      size_t depth = stack.size();
      bool matched = false;
      for (size_t k = 0; k < kCloseSearch && k < depth; ++k) {
        uint64_t open = stack[depth - 1 - k];
        if (open == tag) {
          stack.resize(depth - 1 - k);
          matched = true;
          break;
        }
        if (!in(kImpliedEnd, open)) break;
      }
      if (!matched && out && depth >= limit) {
        drop(lt, tag_end(p, end));
        p = copied;
      }
      continue;
    }
    if (in(kVoid, tag)) continue;
    if (in(kRawText, tag)) {
      // Skip to the matching end tag, compared case-insensitively.
      p = skip_raw_text(p, end, name, n < sizeof name ? n : sizeof name);
      continue;
    }
    if (!stack.empty() && stack.back() == tag && in(kImpliedEnd, tag)) continue;
    if (stack.size() >= limit) {
      if (!out) return stack.size();
      drop(lt, tag_end(p, end));
      p = copied;
      continue;
    }
    stack.push_back(tag);
    if (stack.size() > max_depth) max_depth = stack.size();
  }
  if (out) out->append(copied, end - copied);
  return max_depth;
}

// Attribute guard. libxml2's HTML parser compares each attribute of a start
// tag with all the earlier ones (its duplicate check), so one tag with
// 30,000 attributes costs it 20 s; MyHTML is linear. This scanner walks the
// start tags as the nesting scanner does (comments and raw-text elements
// skipped) and tokenizes their attributes the way an HTML5 tokenizer does:
// a name up to space, '/', '>' or '='; then, after '=', a quoted value or an
// unquoted one up to space or '>'. Without `out` it returns the largest
// attribute count of one tag, or with Count::all_tags the start tags and
// attributes of the whole input (stopping at `limit`); with `out` it copies
// the input with the attributes past the first `limit` of each tag removed.
enum class Count { most_per_tag, all_tags };
size_t scan_attributes(std::string_view html, size_t limit, std::string* out,
                       Count what = Count::most_per_tag) {
  const char* const begin = html.data();
  const char* p = begin;
  const char* const end = p + html.size();
  const char* copied = begin;
  size_t most = 0, all = 0;
  char name[8];
  while (p < end) {
    const char* lt = next_markup(p, end);
    if (!lt) break;
    p = lt + 1;
    if (*p == '/' || !is_alpha(*p)) continue;  // end tags carry no attributes
    size_t n;
    const char* q = read_tag_name(p, end, name, n);
    size_t count = 0;
    const char* cut = q;  // end of the limit-th attribute (of the name when limit is 0)
    while (q < end) {
      while (q < end && (is_space(*q) || *q == '/')) ++q;
      if (q >= end || *q == '>') break;
      ++q;  // the first character of a name may be anything, '=' included
      while (q < end && !is_space(*q) && *q != '/' && *q != '>' && *q != '=') ++q;
      const char* r = q;
      while (r < end && is_space(*r)) ++r;
      if (r < end && *r == '=') {
        ++r;
        while (r < end && is_space(*r)) ++r;
        if (r < end && (*r == '"' || *r == '\'')) {
          const char* c = static_cast<const char*>(std::memchr(r + 1, *r, end - r - 1));
          q = c ? c + 1 : end;
        } else {
          q = r;
          while (q < end && !is_space(*q) && *q != '>') ++q;
        }
      }
      if (++count == limit) cut = q;
      if (!out && what == Count::most_per_tag && count >= limit) return count;
    }
    if (count > most) most = count;
    all += 1 + count;
    if (what == Count::all_tags && all >= limit) return all;
    if (out && count > limit) {
      out->append(copied, cut - copied);
      copied = q;  // the '>' (or the end of the input) is kept
    }
    p = q;
    if (in(kRawText, pack(name, n))) {
      p = skip_raw_text(p, end, name, n < sizeof name ? n : sizeof name);
    }
  }
  if (out) out->append(copied, end - copied);
  return what == Count::all_tags ? all : most;
}

}  // namespace

size_t max_attributes(std::string_view html, size_t limit) {
  return scan_attributes(html, limit, nullptr);
}

size_t count_tags_and_attributes(std::string_view html, size_t limit) {
  return scan_attributes(html, limit, nullptr, Count::all_tags);
}

std::string limit_attributes(std::string_view html, size_t limit) {
  std::string out;
  out.reserve(html.size());
  scan_attributes(html, limit, &out);
  return out;
}

size_t estimate_nesting(std::string_view html, size_t limit) { return scan(html, limit, nullptr); }

std::string flatten_nesting(std::string_view html, size_t limit) {
  std::string out;
  out.reserve(html.size());
  scan(html, limit, &out);
  return out;
}

}  // namespace saring::html::detail
