// Page metadata from the DOM.
//
// One walk over the document collects every signal (the <html lang>, <title>,
// <meta> pairs, canonical link, JSON-LD blocks, <h1>s, <time>s, itemprop
// elements, rel=author links and elements whose class/id looks like a byline
// or a date). Each field is then decided by trying its sources in a fixed
// order of trust (docs/metadata.md): JSON-LD, OpenGraph/article:*, Twitter,
// Dublin Core/itemprop/<meta name>, <time> and classed elements, text around
// the title, the URL. The first source that yields a value surviving its
// cleaning wins; a value that does not look right (an author that is a URL,
// a date out of range) is skipped rather than repaired.
//
// Two ideas carry most of the accuracy. First, page furniture (footers,
// sidebars, comments, related posts) is judged relative to the main heading:
// only the wrappers between an element and the lowest ancestor it shares with
// the title can make it furniture, so a site-wide "has-sidebar" class never
// hides the article's byline. Second, what a reader sees near the title
// confirms or replaces markup: the visible <h1> is the title when it shares
// words with the metadata title; a visible byline ("By A and B") is preferred
// to the same names listed as data; a date shown under the title is used
// when no markup states a publication date.
//
// Most of the work is done only when a field's decision reaches it: the
// walk records candidates (classed elements, <meta> values as written) and
// the class/id word lists, visible dates, byline text pieces and cleaned
// <meta> contents are worked out on first use, so a page whose JSON-LD or
// <meta> names author and date never pays for them. JSON-LD is parsed into a
// DOM holding only the keys read here (long unread strings are emptied
// before nlohmann's lexer sees them). Every such shortcut gives the answers
// the full computation gives; nothing is cached across documents.
#include "saring/view_map.h"
#include "saring/meta.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "meta_vocabulary.h"
#include "saring/date.h"
#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::meta {
namespace {

using detail::meta_vocabulary;
using detail::MetaVocabulary;
using html::Node;
using html::Tag;
using json = nlohmann::json;

// ---- small text helpers ----------------------------------------------------

std::string squash(std::string_view s) { return text::collapse_whitespace(s); }

// Decodes the character references that survive in attribute values and
// JSON-LD strings of pages that escape twice ("Q&amp;A", "Full &#038; Part").
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
      {"nbsp", " "}, {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"rsquo", "\u2019"},
      {"lsquo", "\u2018"}, {"rdquo", "\u201D"}, {"ldquo", "\u201C"}, {"hellip", "\u2026"}};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (!name.empty() && name[0] == '#') {
      long cp = -1;
      if (name.size() > 1 && (name[1] == 'x' || name[1] == 'X'))
        cp = std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16);
      else
        cp = std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
      if (cp > 0 && cp <= 0x10FFFF) {
        utf8::append(out, static_cast<char32_t>(cp));
        done = true;
      }
    } else {
      for (const auto& [n, r] : kNamed)
        if (n == name) {
          out.append(r);
          done = true;
          break;
        }
    }
    if (done) i = semi + 1;
    else out.push_back(s[i++]);
  }
  return out;
}

// Collapsed, entity-decoded value of an attribute or JSON string.
std::string clean_value(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return squash(s);  // nothing to decode: no copy
  return squash(decode_entities(s));
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// text::to_lower(s) == lit and text::to_lower(s) contains lit, for a
// lowercase ASCII `lit`, without building the lowered string when s is ASCII
// (then to_lower only lowers A-Z); other text goes through to_lower itself.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool ascii_lower_equals(const char* s, std::string_view lit) {
  for (size_t i = 0; i < lit.size(); ++i)
    if (ascii_lower(s[i]) != lit[i]) return false;
  return true;
}
bool lower_equals(std::string_view s, std::string_view lit) {
  if (!is_ascii(s)) return text::to_lower(s) == lit;
  return s.size() == lit.size() && ascii_lower_equals(s.data(), lit);
}
bool lower_contains(std::string_view s, std::string_view lit) {
  if (!is_ascii(s)) return text::to_lower(s).find(lit) != std::string::npos;
  if (lit.empty()) return true;
  for (size_t i = 0; i + lit.size() <= s.size(); ++i)
    if (ascii_lower(s[i]) == lit[0] && ascii_lower_equals(s.data() + i, lit)) return true;
  return false;
}

// Lowercase, letters and digits only: for comparing titles and site names.
std::string key_of(std::string_view s) {
  std::string lower = text::to_lower(s);
  std::string out;
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t start = pos;
    char32_t cp = utf8::next(lower, pos);
    if (text::is_word_char(cp)) out.append(lower, start, pos - start);
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return text::to_lower(s.substr(0, prefix.size())) == prefix;
}

bool is_block(const Node* n) {
  switch (n->tag) {
    case Tag::p: case Tag::div: case Tag::br: case Tag::li: case Tag::ul: case Tag::ol:
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
    case Tag::tr: case Tag::td: case Tag::th: case Tag::table: case Tag::section:
    case Tag::article: case Tag::header: case Tag::footer: case Tag::dd: case Tag::dt:
    case Tag::blockquote: case Tag::figure: case Tag::figcaption: case Tag::address:
    case Tag::hr: case Tag::pre: case Tag::main: case Tag::aside: case Tag::nav:
      return true;
    default:
      return false;
  }
}

bool is_hidden_text_container(const Node* n) {
  return n->is(Tag::script) || n->is(Tag::style) || n->is(Tag::noscript) ||
         n->is(Tag::template_) || n->is(Tag::svg) || n->is(Tag::math) || n->is(Tag::select) ||
         n->is(Tag::button);
}

// Visible text of a subtree: blocks and <br> separate words, scripts and
// styles are skipped; stops collecting after `limit` bytes.
// With `spaced`, every element boundary separates words (for bylines such as
// <span>Jane Doe</span><span>May 3, 2021</span>).
std::string node_text(const Node* node, size_t limit = 2000, bool spaced = false) {
  std::string out;
  html::walk(node, [&](const Node* n) {
    if (out.size() >= limit) return false;
    if (n->is_text()) {
      out.append(n->text);
      if (spaced) out.push_back(' ');
      return false;
    }
    if (n != node && n->is_element() && is_hidden_text_container(n)) return false;
    if (n->is_element() && (spaced || is_block(n)) && !out.empty() && out.back() != ' ')
      out.push_back(' ');
    return true;
  });
  return squash(out);
}

std::string class_and_id(const Node* n) {
  std::string s(n->attr("class"));
  std::string_view id = n->attr("id");
  if (!id.empty()) {
    s.push_back(' ');
    s.append(id);
  }
  return s;
}

// What an element's class and id (lowercased, joined by a space, under 300
// bytes) say for the four class/id word lists. Worked out once per element;
// class strings repeat across a page (every card, every comment), so
// elements without an id share one answer per distinct class string.
enum : uint8_t { kClassAuthor = 1, kClassDate = 2, kClassDateBlock = 4, kClassSkip = 8 };

// ASCII lowercase of every byte.
constexpr struct AsciiLower {
  char c[256] = {};
  constexpr AsciiLower() {
    for (int b = 0; b < 256; ++b) c[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  char operator[](unsigned char b) const { return c[b]; }
} kLower{};

// The class/id word lists of the vocabulary compiled into one lookup: an
// open-addressing table (FNV-1a, linear probing, at most half full) from
// word to kClass* bits, the lengths of hyphenated words (pairs of parts are
// only built when one could match), and the date substrings by first byte.
class ClassTables {
 public:
  explicit ClassTables(const MetaVocabulary& v) {
    slots_.resize(256);
    add_all(v.author_class_words, kClassAuthor);
    add_all(v.date_block_words, kClassDateBlock);
    add_all(v.skip_class_words, kClassSkip);
    for (const auto& w : v.date_class_substrings) {
      if (w.empty()) continue;
      unsigned char c = static_cast<unsigned char>(w[0]);
      substrings_[c].push_back(w);
      substring_firsts_[c >> 6] |= 1ull << (c & 63);
    }
  }

  // Whether some word of the lists has `len` bytes and starts with the
  // (lowercase) byte c.
  bool may_be_word(unsigned char c, size_t len) const {
    return len < 64 && (first_len_[c] & (1ull << len));
  }
  uint8_t find(std::string_view w) const {
    // Most parts are no word of the lists: a (first byte, length) bitmap
    // rejects them before any hashing.
    if (w.empty() || !may_be_word(static_cast<unsigned char>(w[0]), w.size())) return 0;
    size_t i = hash(w) & (slots_.size() - 1);
    while (slots_[i].bits) {
      if (slots_[i].word == w) return slots_[i].bits;
      i = (i + 1) & (slots_.size() - 1);
    }
    return 0;
  }
  bool pair_length(size_t n) const { return n < 64 && (pair_lengths_ & (1ull << n)); }
  // Whether the ASCII-lowercased `part` contains a date substring; `part`
  // as written (not lowercased).
  bool has_substring(std::string_view part) const {
    for (size_t i = 0; i < part.size(); ++i) {
      const unsigned char c = kLower[static_cast<unsigned char>(part[i])];
      if (!(substring_firsts_[c >> 6] & (1ull << (c & 63)))) continue;
      for (const auto& w : substrings_[c]) {
        if (part.size() - i < w.size()) continue;
        size_t k = 1;
        while (k < w.size() && kLower[static_cast<unsigned char>(part[i + k])] == w[k]) ++k;
        if (k == w.size()) return true;
      }
    }
    return false;
  }

 private:
  struct Slot {
    std::string word;
    uint8_t bits = 0;
  };
  static size_t hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  void add_all(const detail::WordSet& set, uint8_t bit) {
    for (const auto& w : set.words()) {
      if (w.empty() || w.size() >= 64) continue;  // WordSet never matches those
      if (w.find('-') != std::string::npos) pair_lengths_ |= 1ull << w.size();
      first_len_[static_cast<unsigned char>(w[0])] |= 1ull << w.size();
      size_t i = hash(w) & (slots_.size() - 1);
      while (slots_[i].bits && slots_[i].word != w) i = (i + 1) & (slots_.size() - 1);
      slots_[i].word = w;
      slots_[i].bits |= bit;
    }
  }
  std::vector<Slot> slots_;  // 256 slots for well under 128 words
  unsigned long long pair_lengths_ = 0;
  uint64_t first_len_[256] = {};  // bit n of [c]: a word of n bytes starts with c
  std::vector<std::string> substrings_[256];
  uint64_t substring_firsts_[4] = {};  // bit c: some substring starts with byte c
};

const ClassTables& class_tables() {
  static const ClassTables t(meta_vocabulary());
  return t;
}

// The per-document class cache (include/saring/view_map.h).
using ClassCache = ViewMap<uint8_t>;

class ClassFlags {
 public:
  explicit ClassFlags(const MetaVocabulary& v) : t_(class_tables()) {}

  // The answer for "cls id" is the answer for cls (cached), OR the answer
  // for id alone, OR the lookup of the one pair that straddles them (the
  // last part of cls joined to the first part of id): every part and every
  // adjacent pair is looked up on its own, so the key splits there exactly.
  // Without `want_date` the kClassDate bit is left out (0): the date
  // substring search, a third of the work, is done only for callers that
  // read that bit.
  uint8_t of(std::string_view cls, std::string_view id, bool want_date) {
    if (cls.empty() && id.empty()) return 0;
    if (id.empty()) return of_class(cls, want_date);
    if (cls.size() + 1 + id.size() >= 300) return 0;
    uint8_t f = compute(id, want_date);
    if (cls.empty()) return f;
    f |= of_class(cls, want_date);
    return f | straddling_pair(cls, id);
  }
  // As of(attr("class"), attr("id"), want_date) in one pass over the attributes.
  uint8_t of(const Node* n, bool want_date) {
    std::string_view cls, id;
    bool has_class = false, has_id = false;
    for (uint32_t k = 0; k < n->attr_count; ++k) {
      const std::string_view nm = n->attrs[k].name;
      if (!has_class && name_is(nm, "class")) {
        cls = n->attrs[k].value;
        has_class = true;
      } else if (!has_id && name_is(nm, "id")) {
        id = n->attrs[k].value;
        has_id = true;
      }
    }
    return of(cls, id, want_date);
  }

 private:
  // Cached answers carry kDateKnown once their kClassDate bit is worked out.
  static constexpr uint8_t kDateKnown = 0x80;
  uint8_t of_class(std::string_view cls, bool want_date) {
    auto [value, inserted] = by_class_.try_emplace(cls);
    if (inserted) {
      *value = static_cast<uint8_t>(compute(cls, want_date) | (want_date ? kDateKnown : 0));
    } else if (want_date && !(*value & kDateKnown)) {
      if (has_date_substring(cls)) *value |= kClassDate;
      *value |= kDateKnown;
    }
    return static_cast<uint8_t>(*value & ~kDateKnown);
  }

  static bool is_sep(char c) { return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n'; }

  // The lookup of (last part of cls) + '-' + (first part of id), lowercased.
  uint8_t straddling_pair(std::string_view cls, std::string_view id) const {
    size_t e = cls.size();
    while (e > 0 && is_sep(cls[e - 1])) --e;
    if (e == 0) return 0;
    size_t b = e;
    while (b > 0 && !is_sep(cls[b - 1])) --b;
    size_t s = 0;
    while (s < id.size() && is_sep(id[s])) ++s;
    if (s == id.size()) return 0;
    size_t t = s;
    while (t < id.size() && !is_sep(id[t])) ++t;
    const size_t a_len = e - b, b_len = t - s, len = a_len + 1 + b_len;
    if (!t_.pair_length(len)) return 0;
    char pair[64];
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    for (size_t i = 0; i < a_len; ++i) pair[i] = lower(cls[b + i]);
    pair[a_len] = '-';
    for (size_t i = 0; i < b_len; ++i) pair[a_len + 1 + i] = lower(id[s + i]);
    return t_.find(std::string_view(pair, len));
  }

  // The parts of the key (a class or an id value, split at white space, '-'
  // and '_', ASCII-lowercased) and each pair of adjacent parts joined by '-'
  // are looked up in the word lists; the date substrings hold no separator,
  // so they are searched part by part. One pass over the bytes as written:
  // a part is lowercased (into a small buffer) only when its first byte and
  // length could make a word of the lists, and a pair only when its length
  // could; most parts are neither.
  uint8_t compute(std::string_view key, bool want_date) {
    if (key.empty() || key.size() >= 300) return 0;
    // Separators: ' ', '-', '_', '\t', '\n'.
    static constexpr struct Sep {
      bool c[256] = {};
      constexpr Sep() { c[' '] = c['-'] = c['_'] = c['\t'] = c['\n'] = true; }
    } kSep{};
    const auto& lower = kLower;
    auto sep = [](char c) { return kSep.c[static_cast<unsigned char>(c)]; };
    auto lowered = [&](size_t b, size_t len, char* out) {
      for (size_t k = 0; k < len; ++k) out[k] = lower[static_cast<unsigned char>(key[b + k])];
    };
    uint8_t f = 0;
    size_t prev = 0, prev_len = 0;  // the previous part in key
    bool have_prev = false;
    char buf[64];
    const size_t n = key.size();
    size_t i = 0;
    while (i < n) {
      while (i < n && sep(key[i])) ++i;
      if (i == n) break;
      const size_t b = i;
      while (i < n && !sep(key[i])) ++i;
      const size_t len = i - b;
      if (t_.may_be_word(static_cast<unsigned char>(lower[static_cast<unsigned char>(key[b])]), len)) {
        lowered(b, len, buf);
        f |= t_.find(std::string_view(buf, len));
      }
      if (have_prev && t_.pair_length(prev_len + 1 + len)) {
        lowered(prev, prev_len, buf);
        buf[prev_len] = '-';
        lowered(b, len, buf + prev_len + 1);
        f |= t_.find(std::string_view(buf, prev_len + 1 + len));
      }
      if (want_date && !(f & kClassDate) && t_.has_substring(key.substr(b, len))) f |= kClassDate;
      prev = b;
      prev_len = len;
      have_prev = true;
    }
    return f;
  }

  // The kClassDate bit of compute(key, true) alone.
  bool has_date_substring(std::string_view key) const {
    if (key.empty() || key.size() >= 300) return false;
    size_t i = 0;
    while (i < key.size()) {
      while (i < key.size() && is_sep(key[i])) ++i;
      const size_t b = i;
      while (i < key.size() && !is_sep(key[i])) ++i;
      if (i > b && t_.has_substring(key.substr(b, i - b))) return true;
    }
    return false;
  }

  const ClassTables& t_;
  ClassCache by_class_;
};

bool has_ancestor(const Node* n, const std::function<bool(const Node*)>& pred) {
  for (const Node* p = n->parent; p; p = p->parent)
    if (p->is_element() && pred(p)) return true;
  return false;
}

// Page furniture: footer/nav/aside elements and blocks whose class/id says
// comments, related posts, sidebar... Judged relative to an anchor (the main
// heading): only the ancestors below the lowest one shared with the anchor
// count, so a <body class="has-sidebar"> or a wrapper around the whole
// article never turns the article itself into furniture. Results per element
// are cached; one Furniture serves one document.
// A small map from nodes to a byte, for the per-document memos: open
// addressing over a power-of-two table kept at most half full, hashed by
// multiplying the pointer (no modulo, no node allocation per entry).
class NodeBytes {
 public:
  NodeBytes() : slots_(64) {}
  // The value stored for n, or -1.
  int find(const Node* n) const {
    size_t i = slot(n);
    while (slots_[i].node) {
      if (slots_[i].node == n) return slots_[i].value;
      i = (i + 1) & (slots_.size() - 1);
    }
    return -1;
  }
  // Stores `value` for n unless n already has one.
  void insert(const Node* n, uint8_t value) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    size_t i = slot(n);
    while (slots_[i].node) {
      if (slots_[i].node == n) return;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = {n, value};
    ++used_;
  }
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    used_ = 0;
  }

 private:
  struct Slot {
    const Node* node = nullptr;
    uint8_t value = 0;
  };
  size_t slot(const Node* n) const {
    uint64_t h = reinterpret_cast<uintptr_t>(n) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32) & (slots_.size() - 1);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.node) insert(s.node, s.value);
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

class Furniture {
 public:
  explicit Furniture(ClassFlags& flags) : flags_(flags) {}

  void set_anchor(const Node* anchor) {
    anchor_.clear();
    for (const Node* p = anchor; p; p = p->parent) anchor_.insert(p, 1);
    verdict_.clear();
  }

  // The verdict of n's nearest deciding ancestor, memoised per ancestor so
  // that the walks over the text around the title stay linear.
  bool operator()(const Node* n) {
    path_.clear();
    bool f = false;
    const Node* p = n->parent;
    for (; p; p = p->parent) {
      if (!p->is_element() || p->is(Tag::body) || p->is(Tag::html)) break;
      int known = verdict_.find(p);
      if (known >= 0) {
        f = known != 0;
        break;
      }
      if (anchor_.find(p) >= 0) {
        verdict_.insert(p, 0);
        break;
      }
      if (own(p)) {
        f = true;
        verdict_.insert(p, 1);
        break;
      }
      path_.push_back(p);
    }
    for (const Node* q : path_) verdict_.insert(q, f ? 1 : 0);
    return f;
  }

 private:
  bool own(const Node* p) {
    // An <article>'s own footer or aside holds its byline and dates.
    bool f = (p->is(Tag::footer) || p->is(Tag::aside)) ? !inside_article(p) : p->is(Tag::nav);
    return f || (flags_.of(p, /*want_date=*/false) & kClassSkip);
  }

  static bool inside_article(const Node* n) {
    for (const Node* p = n->parent; p; p = p->parent)
      if (p->is(Tag::article)) return true;
    return false;
  }

  ClassFlags& flags_;
  NodeBytes anchor_;   // the anchor and its ancestors
  NodeBytes verdict_;  // memo: 1 furniture, 0 not
  std::vector<const Node*> path_;
};

bool is_url_like(std::string_view s) {
  return s.find("://") != std::string_view::npos || starts_with_ci(s, "www.") ||
         s.find(".com/") != std::string_view::npos;
}

// ---- signals ---------------------------------------------------------------

// A <meta> key (lowercase) and its content. Most <meta>s are never asked
// for (viewport, robots, verification tokens...), so the content is cleaned
// (clean_value) on first use; `raw` points into the document.
struct MetaEntry {
  MetaEntry(std::string k, std::string_view r) : key(std::move(k)), raw(r) {}
  std::string key;
  std::string_view raw;
  const std::string& content() const {
    if (!cleaned) cleaned = clean_value(raw);
    return *cleaned;
  }

 private:
  mutable std::optional<std::string> cleaned;
};

// text::to_lower(squash(k)) for a <meta> key: most keys are ASCII without
// white space, which squash leaves alone and to_lower only lowers A-Z.
std::string lower_key(std::string_view k) {
  std::string out(k);
  for (char& c : out) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || b == ' ' || (b >= '\t' && b <= '\r')) return text::to_lower(squash(k));
    c = ascii_lower(c);
  }
  return out;
}

struct Signals {
  std::string lang;
  std::string title_tag;
  std::vector<MetaEntry> metas;
  std::string canonical;
  std::vector<std::string> jsonld_texts;
  std::vector<const Node*> h1s;
  std::vector<const Node*> times;
  std::vector<const Node*> itemprop_author;
  std::vector<const Node*> itemprop_date;
  std::vector<const Node*> itemprop_headline;
  std::vector<const Node*> rel_author;
  // Every element with a class or id, in document order. What their words
  // say is worked out only when a later step asks (ClassedElements): most
  // pages settle author and date from markup and never look at them.
  std::vector<const Node*> classed;
};

// The elements whose class/id names an author (author_elements), a date
// (date_elements) or a byline/meta block (date_blocks), in document order,
// at most `cap` of each kind; an element naming both a date and a block is a
// date element while that list has room. Read through cursors that work out
// class flags only as far as the caller reads: the first byline or date
// element usually settles the question.
class ClassedElements {
 public:
  enum class Kind { author_elements, date_elements, date_blocks };
  ClassedElements(const Signals& s, ClassFlags& flags, size_t cap)
      : s_(s), flags_(flags), cap_(cap) {}

  class Cursor {
   public:
    Cursor(const ClassedElements& e, Kind kind) : e_(e), kind_(kind) {}
    // The next element of the list, or nullptr at its end.
    const Node* next() {
      const auto& all = e_.s_.classed;
      while (i_ < all.size() && taken_ < e_.cap_) {
        const Node* n = all[i_++];
        bool take;
        if (kind_ == Kind::author_elements) {
          take = e_.flags_.of(n, /*want_date=*/false) & kClassAuthor;
        } else {
          const uint8_t f = e_.flags_.of(n, /*want_date=*/true);
          const bool date = (f & kClassDate) && dates_ < e_.cap_;  // in date_elements
          if (date) ++dates_;
          take = kind_ == Kind::date_elements ? date : !date && (f & kClassDateBlock);
        }
        if (take) {
          ++taken_;
          return n;
        }
      }
      return nullptr;
    }

   private:
    const ClassedElements& e_;
    Kind kind_;
    size_t i_ = 0, taken_ = 0, dates_ = 0;
  };
  Cursor cursor(Kind kind) const { return Cursor(*this, kind); }

 private:
  const Signals& s_;
  ClassFlags& flags_;
  size_t cap_;
};

Signals collect(const html::Document& doc, const MetaVocabulary& v) {
  Signals s;
  const size_t cap = v.max_candidates;
  if (const Node* h = doc.html()) s.lang = std::string(h->attr("lang"));
  html::walk(doc.root(), [&](const Node* n) {
    if (!n->is_element()) return n->type == html::NodeType::document;
    switch (n->tag) {
      case Tag::title:
        if (s.title_tag.empty() && !has_ancestor(n, [](const Node* p) { return p->is(Tag::svg); }))
          s.title_tag = node_text(n, 2000);
        return false;
      case Tag::meta: {
        // One pass over the attributes; the first of each name counts, as in attr().
        enum { kContent, kValue, kProperty, kName, kItemprop, kHttpEquiv, kCharset, kCount };
        std::string_view a[kCount];
        bool seen[kCount] = {};
        for (uint32_t k = 0; k < n->attr_count; ++k) {
          const std::string_view nm = n->attrs[k].name;
          int which = name_is(nm, "content")      ? kContent
                      : name_is(nm, "value")      ? kValue
                      : name_is(nm, "property")   ? kProperty
                      : name_is(nm, "name")       ? kName
                      : name_is(nm, "itemprop")   ? kItemprop
                      : name_is(nm, "http-equiv") ? kHttpEquiv
                      : name_is(nm, "charset")    ? kCharset
                                                  : kCount;
          if (which == kCount || seen[which]) continue;
          seen[which] = true;
          a[which] = n->attrs[k].value;
        }
        std::string_view content = a[kContent];
        if (content.empty()) content = a[kValue];
        if (!content.empty())
          for (std::string_view k : {a[kProperty], a[kName], a[kItemprop], a[kHttpEquiv]})
            if (!k.empty()) s.metas.emplace_back(lower_key(k), content);
        if (s.itemprop_date.size() < cap &&
            (lower_equals(a[kItemprop], "datepublished") || lower_equals(a[kItemprop], "datecreated")))
          s.itemprop_date.push_back(n);
        if (a[kCharset].empty() && s.lang.empty() && lower_equals(a[kHttpEquiv], "content-language"))
          s.lang = std::string(a[kContent]);
        return false;
      }
      case Tag::link: {
        if (s.canonical.empty() && lower_equals(n->attr("rel"), "canonical"))
          s.canonical = std::string(n->attr("href"));
        return false;
      }
      case Tag::script: {
        if (lower_contains(n->attr("type"), "ld+json")) {
          s.jsonld_texts.push_back(html::inner_text(n));
        }
        return false;
      }
      case Tag::style: case Tag::noscript: case Tag::template_: case Tag::svg:
        return false;
      case Tag::h1:
        if (s.h1s.size() < 20) s.h1s.push_back(n);
        break;
      case Tag::time:
        if (s.times.size() < cap) s.times.push_back(n);
        break;
      default:
        break;
    }
    // One pass over the attributes (the first of each name counts, as in attr()).
    std::string_view itemprop, rel, cls, id;
    bool has_itemprop = false, has_rel = false, has_class = false, has_id = false;
    for (uint32_t k = 0; k < n->attr_count; ++k) {
      const html::Attribute& a = n->attrs[k];
      // By length first: one fixed-size compare per attribute at most.
      const std::string_view nm = a.name;
      if (nm.size() == 5 && name_is(nm, "class")) {
        if (!has_class) cls = a.value;
        has_class = true;
      } else if (nm.size() == 2 && name_is(nm, "id")) {
        if (!has_id) id = a.value;
        has_id = true;
      } else if (nm.size() == 8 && name_is(nm, "itemprop")) {
        if (!has_itemprop) itemprop = a.value;
        has_itemprop = true;
      } else if (nm.size() == 3 && name_is(nm, "rel")) {
        if (!has_rel) rel = a.value;
        has_rel = true;
      }
    }
    if (!itemprop.empty()) {
      if (lower_contains(itemprop, "author") || lower_equals(itemprop, "creator")) {
        if (s.itemprop_author.size() < cap) s.itemprop_author.push_back(n);
      } else if (lower_equals(itemprop, "datepublished") || lower_equals(itemprop, "datecreated")) {
        if (s.itemprop_date.size() < cap) s.itemprop_date.push_back(n);
      } else if (lower_equals(itemprop, "headline")) {
        if (s.itemprop_headline.size() < 10) s.itemprop_headline.push_back(n);
      }
    }
    if ((n->is(Tag::a) || n->is(Tag::link)) && !rel.empty()) {
      if (lower_contains(rel, "author") && s.rel_author.size() < cap) s.rel_author.push_back(n);
    }
    if (!cls.empty() || !id.empty()) s.classed.push_back(n);
    return true;
  });
  return s;
}

std::vector<std::string> meta_values(const Signals& s, std::string_view key) {
  std::vector<std::string> out;
  for (const MetaEntry& m : s.metas)
    if (m.key == key) out.push_back(m.content());
  return out;
}

std::optional<std::string> first_meta(const Signals& s, const std::vector<std::string>& keys,
                                      std::string* which = nullptr) {
  for (const auto& key : keys)
    for (const MetaEntry& m : s.metas)
      if (m.key == key && !m.content().empty()) {
        if (which) *which = key;
        return m.content();
      }
  return std::nullopt;
}

// ---- JSON-LD ---------------------------------------------------------------

// The parsed blocks and every object in them, flattened. `objects` point
// into `docs` (reserved up front, so they never move) instead of copying
// each object out of its block.
struct JsonLd {
  std::vector<json> docs;                        // the parsed blocks
  std::vector<const json*> objects;              // every object, flattened
  std::unordered_map<std::string, size_t> by_id;  // "@id" -> index
};

// The object keys whose values anything in this file reads (flatten,
// json_string, collect_names, the pick_* steps and extract_metadata). The
// SAX filter (prepare_jsonld, parse_jsonld) drops the values of every other
// key, so reads go through ReadKey: it can only be made from a listed
// literal, checked at compile time, and reading a new key does not compile
// until the key is added here.
constexpr std::string_view kReadKeys[] = {
    "@type", "@id", "@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "name",
    "givenName", "familyName", "headline", "datePublished", "dateCreated", "uploadDate",
    "dateModified", "author", "creator", "publisher", "description", "image", "url",
    "keywords", "articleSection"};

// Whether the SAX filter must keep the value of key `k`.
constexpr bool is_read_key(std::string_view k) {
  for (std::string_view r : kReadKeys)
    if (k == r) return true;
  return false;
}

struct ReadKey {
  // consteval: a key that is not in kReadKeys is a compile-time error.
  consteval ReadKey(const char* k) : name(k) {
    if (!is_read_key(k)) throw "JSON-LD key read but not listed in kReadKeys";
  }
  const char* name;
};

json::const_iterator find_key(const json& o, ReadKey k) { return o.find(k.name); }
bool has_key(const json& o, ReadKey k) { return o.contains(k.name); }

std::vector<std::string> types_of(const json& o) {
  std::vector<std::string> out;
  auto it = find_key(o, "@type");
  if (it == o.end()) return out;
  if (it->is_string()) out.push_back(text::to_lower(it->get<std::string>()));
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) out.push_back(text::to_lower(t.get<std::string>()));
  for (auto& t : out) {  // "schema:NewsArticle", "http://schema.org/Article"
    size_t cut = t.find_last_of(":/");
    if (cut != std::string::npos) t = t.substr(cut + 1);
  }
  return out;
}

bool has_type(const json& o, const std::unordered_set<std::string>& set) {
  for (const auto& t : types_of(o))
    if (set.count(t)) return true;
  return false;
}

void flatten(const json& j, JsonLd& out, int depth) {
  if (depth > 8 || out.objects.size() > 500) return;
  if (j.is_array()) {
    for (const auto& e : j) flatten(e, out, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (has_key(j, "@type") || has_key(j, "@id")) {
    out.objects.push_back(&j);
    auto id = find_key(j, "@id");
    if (id != j.end() && id->is_string()) out.by_id.emplace(id->get<std::string>(), out.objects.size() - 1);
  }
  for (ReadKey k : {ReadKey("@graph"), ReadKey("mainEntity"), ReadKey("mainEntityOfPage"),
                    ReadKey("itemListElement")}) {
    auto it = find_key(j, k);
    if (it != j.end() && (it->is_array() || it->is_object())) flatten(*it, out, depth + 1);
  }
}


// Where the JSON string whose contents start at `b` ends (its closing quote),
// or npos when it does not end. memchr finds each quote; a quote is escaped
// when an odd run of backslashes precedes it (they pair up from the left, as
// a byte-by-byte reading that skips the byte after each backslash finds).
size_t json_string_end(std::string_view t, size_t b) {
  while (b < t.size()) {
    const void* q = std::memchr(t.data() + b, '"', t.size() - b);
    if (!q) return std::string_view::npos;
    const size_t p = static_cast<size_t>(static_cast<const char*>(q) - t.data());
    size_t k = p;
    while (k > b && t[k - 1] == '\\') --k;
    if ((p - k) % 2 == 0) return p;
    b = p + 1;
  }
  return std::string_view::npos;
}

// Whether any JSON parser must accept `contents` between quotes: no control
// characters, only one-character escapes (none of the four-hex-digit kind),
// valid UTF-8.
bool plain_json_string(std::string_view contents) {
  unsigned char control = 0, backslash = 0;  // whole-string flags: a loop GCC vectorises
  for (char ch : contents) {
    const auto c = static_cast<unsigned char>(ch);
    control |= c < 0x20;
    backslash |= c == '\\';
  }
  if (control) return false;
  if (backslash)
    for (size_t i = 0; i < contents.size(); ++i) {
      if (contents[i] != '\\') continue;
      if (++i == contents.size()) return false;
      if (std::string_view("\"\\/bfnrt").find(contents[i]) == std::string_view::npos) return false;
    }
  return utf8::is_valid(contents);
}

enum class Prepared { too_deep, same, emptied };

// One pass over a JSON-LD block before nlohmann parses it:
//  - too_deep when brackets outside strings nest deeper than `depth_limit`;
//  - with `empty`, long string values under keys nothing reads
//    ("articleBody", ...) are emptied into `out` (emptied), since nlohmann's
//    lexer spends tens of instructions per byte on them. Only a value of a
//    key free of escapes and not in is_read_key(), that the parser is
//    certain to accept, is emptied, so the block parses, or fails at the same
//    token, exactly as before; a '/' outside strings (a comment) ends the
//    emptying (not the depth count).
Prepared prepare_jsonld(std::string_view t, size_t depth_limit, bool empty, std::string& out) {
  constexpr size_t kMinEmptied = 16;  // shorter values are not worth a copy
  auto skip_ws = [&](size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    return i;
  };
  size_t depth = 0, i = 0, copied = 0;
  bool changed = false;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '"') {
      const size_t key_b = i + 1, key_e = json_string_end(t, key_b);
      if (key_e == std::string_view::npos) break;  // the rest is inside a string
      i = key_e + 1;
      if (!empty) continue;
      size_t j = skip_ws(i);
      if (j == t.size() || t[j] != ':') continue;  // a value, not a key
      j = skip_ws(j + 1);
      if (j == t.size() || t[j] != '"') {
        i = j;
        continue;
      }
      const size_t val_b = j + 1, val_e = json_string_end(t, val_b);
      if (val_e == std::string_view::npos) break;
      i = val_e + 1;
      if (val_e - val_b < kMinEmptied) continue;
      std::string_view key = t.substr(key_b, key_e - key_b);
      if (key.find('\\') != std::string_view::npos || is_read_key(key)) continue;
      if (!plain_json_string(t.substr(val_b, val_e - val_b))) continue;
      if (!changed) out.reserve(t.size());
      out.append(t.substr(copied, val_b - copied));
      copied = val_e;
      changed = true;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > depth_limit) return Prepared::too_deep;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == '/') {
      empty = false;
    }
    ++i;
  }
  if (!changed) return Prepared::same;
  out.append(t.substr(copied));
  return Prepared::emptied;
}

// Builds the DOM of a JSON-LD block as nlohmann's own DOM parser does (same
// values, same handling of repeated keys), except that the values of keys
// nothing here reads (is_read_key) are consumed and dropped: they cost no
// allocation. Lookups of read keys answer as on the full DOM, since no code
// here iterates over an object's members. sax_parse() fails exactly when
// json::parse() would give a discarded value.
class ReadKeysBuilder {
 public:
  explicit ReadKeysBuilder(json& root) : root_(root) {}
  bool null() { return value(json(nullptr)); }
  bool boolean(bool b) { return value(json(b)); }
  bool number_integer(json::number_integer_t x) { return value(json(x)); }
  bool number_unsigned(json::number_unsigned_t x) { return value(json(x)); }
  bool number_float(json::number_float_t x, const json::string_t&) { return value(json(x)); }
  bool string(json::string_t& s) { return value(json(s)); }
  bool binary(json::binary_t& b) { return value(json::binary(b)); }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (skip_depth_) return true;
    if (!is_read_key(k)) {
      skip_next_ = true;
      return true;
    }
    element_ = &(*stack_.back())[k];
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const json::exception&) { return false; }

 private:
  bool value(json&& v) {
    if (skip_depth_) return true;
    if (skip_next_) {
      skip_next_ = false;
      return true;
    }
    place(std::move(v));
    return true;
  }
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(v));
      return &stack_.back()->back();
    }
    *element_ = std::move(v);
    return element_;
  }
  bool open(json::value_t t) {
    if (skip_depth_) {
      ++skip_depth_;
      return true;
    }
    if (skip_next_) {
      skip_next_ = false;
      skip_depth_ = 1;
      return true;
    }
    stack_.push_back(place(json(t)));
    return true;
  }
  bool close() {
    if (skip_depth_) {
      --skip_depth_;
      return true;
    }
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> stack_;   // the open objects and arrays
  json* element_ = nullptr;    // where the value of the last key goes
  size_t skip_depth_ = 0;      // > 0: inside a dropped object or array
  bool skip_next_ = false;     // the next value belongs to a dropped key
};

JsonLd parse_jsonld(const Signals& s, const MetaVocabulary& v) {
  JsonLd out;
  out.docs.reserve(s.jsonld_texts.size());
  for (const std::string& raw : s.jsonld_texts) {
    if (raw.size() > v.max_jsonld_bytes) continue;
    std::string_view t = raw;
    std::string emptied;
    // Some sites wrap the block in CDATA comments (every junk string below
    // holds "<![CDATA[" or "]]>": without those there is nothing to remove,
    // and the depth check and the emptying share one pass).
    std::string unwrapped;
    if (raw.find("<![CDATA[") == std::string::npos && raw.find("]]>") == std::string::npos) {
      Prepared p = prepare_jsonld(raw, v.max_jsonld_depth, true, emptied);
      if (p == Prepared::too_deep) continue;
      if (p == Prepared::emptied) t = emptied;
    } else {
      if (prepare_jsonld(raw, v.max_jsonld_depth, false, emptied) == Prepared::too_deep) continue;
      unwrapped = raw;
      for (std::string_view junk : {"/*<![CDATA[*/", "/*]]>*/", "<![CDATA[", "]]>"}) {
        size_t p;
        while ((p = unwrapped.find(junk)) != std::string::npos) unwrapped.erase(p, junk.size());
      }
      t = unwrapped;
      if (prepare_jsonld(unwrapped, std::numeric_limits<size_t>::max(), true, emptied) ==
          Prepared::emptied)
        t = emptied;
    }
    json j;
    ReadKeysBuilder builder(j);
    if (!json::sax_parse(t.data(), t.data() + t.size(), &builder, nlohmann::json::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/true))
      continue;
    out.docs.push_back(std::move(j));
    flatten(out.docs.back(), out, 0);
  }
  return out;
}

std::optional<std::string> json_string(const json& o, ReadKey key) {
  auto it = find_key(o, key);
  if (it == o.end()) return std::nullopt;
  if (it->is_string()) {
    std::string s = clean_value(it->get<std::string>());
    if (!s.empty()) return s;
  }
  if (it->is_array() && !it->empty() && (*it)[0].is_string()) {
    std::string s = clean_value((*it)[0].get<std::string>());
    if (!s.empty()) return s;
  }
  return std::nullopt;
}

// Name(s) of a person-ish value: string, {name}, {@id} reference, or arrays.
// With `skip_types`, objects of those types (organisations) are left out.
void collect_names(const json& a, const JsonLd& ld, std::vector<std::string>& out, int depth,
                   const std::unordered_set<std::string>* skip_types = nullptr) {
  if (depth > 4 || out.size() > 10) return;
  if (a.is_string()) {
    out.push_back(clean_value(a.get<std::string>()));
  } else if (a.is_array()) {
    for (const auto& e : a) collect_names(e, ld, out, depth + 1, skip_types);
  } else if (a.is_object()) {
    if (skip_types && has_type(a, *skip_types)) return;
    if (auto n = json_string(a, "name")) {
      out.push_back(*n);
      return;
    }
    std::string given = json_string(a, "givenName").value_or("");
    std::string family = json_string(a, "familyName").value_or("");
    if (!given.empty() || !family.empty()) {
      out.push_back(squash(given + " " + family));
      return;
    }
    auto id = find_key(a, "@id");
    if (id != a.end() && id->is_string()) {
      auto it = ld.by_id.find(id->get<std::string>());
      if (it != ld.by_id.end() && ld.objects[it->second] != &a) {
        const json& target = *ld.objects[it->second];
        if (has_key(target, "name")) collect_names(target, ld, out, depth + 1, skip_types);
      }
    }
  }
}

// The object the page is about: an Article-like type first, then a WebPage.
const json* main_object(const JsonLd& ld, const MetaVocabulary& v) {
  for (const json* o : ld.objects)
    if (has_type(*o, v.article_types)) return o;
  return nullptr;
}
const json* page_object(const JsonLd& ld, const MetaVocabulary& v) {
  for (const json* o : ld.objects)
    if (has_type(*o, v.page_types)) return o;
  return nullptr;
}

// ---- title -----------------------------------------------------------------

std::vector<std::string> split_title(std::string_view title, const MetaVocabulary& v) {
  std::vector<std::string> parts;
  std::string rest(title);
  while (true) {
    size_t best = std::string::npos, len = 0;
    for (const auto& sep : v.title_separators) {
      size_t p = rest.find(sep);
      if (p != std::string::npos && (best == std::string::npos || p < best)) {
        best = p;
        len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    parts.push_back(squash(rest.substr(0, best)));
    rest = rest.substr(best + len);
  }
  parts.push_back(squash(rest));
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }),
              parts.end());
  return parts;
}

bool same_site(std::string_view part, std::string_view sitename) {
  std::string a = key_of(part), b = key_of(sitename);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  // "Example News" vs "examplenews.com"
  if (b.size() >= 4 && a.find(b) != std::string::npos && a.size() <= b.size() + 6) return true;
  if (a.size() >= 4 && b.find(a) != std::string::npos && b.size() <= a.size() + 6) return true;
  return false;
}

std::string host_of(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p + 3);
  size_t end = url.find_first_of("/?#:");
  std::string host = text::to_lower(url.substr(0, end));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

// ---- author ----------------------------------------------------------------

std::string strip_prefixes(std::string s, const MetaVocabulary& v) {
  bool changed = true;
  for (int round = 0; changed && round < 3; ++round) {
    changed = false;
    s = squash(s);
    while (!s.empty() && (s[0] == ':' || s[0] == '-' || s[0] == '|' || s[0] == ',')) s.erase(0, 1);
    s = squash(s);
    std::string lower = text::to_lower(s);
    for (const auto& p : v.author_prefixes) {
      if (lower.rfind(p, 0) != 0) continue;
      size_t n = p.size();
      bool boundary = n == s.size() || p.back() == ':' || s[n] == ' ' || s[n] == ':' ||
                      s[n] == '\xC2' /* nbsp */;
      if (!boundary) continue;
      s = s.substr(n);
      changed = true;
      break;
    }
  }
  return squash(s);
}

}  // namespace

std::optional<std::string> clean_author(std::string_view raw) {
  const MetaVocabulary& v = meta_vocabulary();
  std::string s = squash(raw);
  if (s.empty() || s.size() > 1000) return std::nullopt;
  // Profile URLs are not names (…/author/jane-doe is still not "Jane Doe").
  if (is_url_like(s)) return std::nullopt;
  {
    std::string lower = text::to_lower(s);
    for (const auto& p : v.not_author_prefixes)
      if (lower.rfind(p, 0) == 0) return std::nullopt;
    // Unfilled templates: "{{author}}", "page.head.extra.author".
    if (s.find('{') != std::string::npos || s.find('}') != std::string::npos) return std::nullopt;
    if (s.find(' ') == std::string::npos && std::count(s.begin(), s.end(), '.') >= 2) return std::nullopt;
  }
  s = strip_prefixes(s, v);
  // Cut where the byline goes on with something else: a date, "| Updated", …
  if (auto d = date::find(s); d && d->begin > 0) s = s.substr(0, d->begin);
  std::string lower = text::to_lower(s);
  size_t cut = std::string::npos;
  for (const auto& w : v.author_cut_words) {
    size_t p = lower.find(w);
    if (p != std::string::npos && p > 0 && p < cut) cut = p;
  }
  if (cut != std::string::npos) s = s.substr(0, cut);
  s = squash(s);
  // Trailing roles and punctuation.
  for (int i = 0; i < 2; ++i) {
    std::string before = s;
    RE2::Replace(&s, *v.author_role, "");
    s = squash(s);
    while (!s.empty() && std::string_view(",;:|-/").find(s.back()) != std::string_view::npos)
      s.pop_back();
    s = squash(s);
    if (s == before) break;
  }
  // Surrounding quotes: "\"Jane Doe\"".
  for (std::string_view q : {"\"", "'", "\u201C", "\u201D", "\u00AB", "\u00BB"}) {
    if (s.size() >= 2 * q.size() && s.compare(0, q.size(), q) == 0) s = squash(s.substr(q.size()));
    if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0)
      s = squash(s.substr(0, s.size() - q.size()));
  }
  if (s.empty() || s.size() > v.max_author_chars) return std::nullopt;
  if (s[0] == '@') return std::nullopt;  // a handle, not a name
  if (s.find('@') != std::string::npos && s.find('.') != std::string::npos) return std::nullopt;
  if (is_url_like(s)) return std::nullopt;
  if (v.not_authors.count(text::to_lower(s))) return std::nullopt;
  {  // "Jun 2 Written By": a label left at the end means the name is elsewhere
    std::string lower = text::to_lower(s);
    for (const auto& label : v.byline_labels)
      if (lower.size() > label.size() && lower.compare(lower.size() - label.size(), label.size(), label) == 0 &&
          lower[lower.size() - label.size() - 1] == ' ')
        return std::nullopt;
  }
  if (text::count_words(s) > v.max_author_words) return std::nullopt;
  // Mostly digits or punctuation: not a name.
  size_t letters = 0, total = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (text::is_space(cp)) continue;
    ++total;
    if (text::is_word_char(cp) && !(cp >= '0' && cp <= '9')) ++letters;
  }
  if (total == 0 || letters * 2 < total) return std::nullopt;
  return s;
}

namespace {

// Title segments between separators, as byte ranges of `t`.
std::vector<std::pair<size_t, size_t>> title_segments(const std::string& t, const MetaVocabulary& v) {
  std::vector<std::pair<size_t, size_t>> segs;
  size_t start = 0, pos = 0;
  while (pos < t.size()) {
    size_t best = std::string::npos, len = 0;
    for (const auto& sep : v.title_separators) {
      size_t p = t.find(sep, pos);
      if (p != std::string::npos && (best == std::string::npos || p < best)) {
        best = p;
        len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    segs.emplace_back(start, best);
    start = pos = best + len;
  }
  segs.emplace_back(start, t.size());
  return segs;
}

// Drops site-name segments (any of `sites`) at either end, then, when
// `heuristic`, up to two short trailing segments ("Story | Section | Site").
std::string strip_site(std::string_view title, const std::vector<std::string_view>& sites,
                       bool heuristic, const MetaVocabulary& v) {
  std::string t = squash(title);
  auto segs = title_segments(t, v);
  if (segs.size() < 2) return t;
  auto seg = [&](size_t k) { return std::string_view(t).substr(segs[k].first, segs[k].second - segs[k].first); };
  auto is_site = [&](size_t k) {
    for (auto site : sites)
      if (!site.empty() && same_site(seg(k), site)) return true;
    return false;
  };
  size_t lo = 0, hi = segs.size() - 1;
  while (hi > lo && is_site(hi)) --hi;
  while (lo < hi && is_site(lo)) ++lo;
  for (int round = 0; heuristic && round < 2 && hi > lo; ++round) {
    size_t last_words = text::count_words(seg(hi));
    size_t head_words = text::count_words(
        std::string_view(t).substr(segs[lo].first, segs[hi - 1].second - segs[lo].first));
    if (last_words > 4 || head_words < last_words + 2) break;
    --hi;
  }
  return squash(std::string_view(t).substr(segs[lo].first, segs[hi].second - segs[lo].first));
}

}  // namespace

std::string clean_title(std::string_view title, std::string_view sitename) {
  return strip_site(title, {sitename}, /*heuristic=*/true, meta_vocabulary());
}

namespace {

struct Heading {
  const Node* node;
  std::string text;
};

// Visible main headings, best first: <h1>s inside <article>/<main>, then
// those outside page furniture, then the rest.
std::vector<Heading> h1_candidates(const Signals& s, Furniture& furn, const MetaVocabulary& v) {
  std::vector<Heading> in_main, plain, furniture;
  for (const Node* h : s.h1s) {
    std::string t = node_text(h, v.max_title_chars * 2);
    // Anchor marks that documentation generators append ("Quickstart¶").
    for (bool again = true; again;) {
      again = false;
      for (const auto& mark : v.heading_anchor_marks)
        if (t.size() > mark.size() && t.compare(t.size() - mark.size(), mark.size(), mark) == 0) {
          t = squash(t.substr(0, t.size() - mark.size()));
          again = true;
        }
    }
    if (t.empty() || t.size() > v.max_title_chars) continue;
    if (v.furniture_titles.count(text::to_lower(t))) continue;
    bool main = has_ancestor(h, [](const Node* p) { return p->is(Tag::article) || p->is(Tag::main); });
    if (main) in_main.push_back({h, t});
    else if (!furn(h)) plain.push_back({h, t});
    else furniture.push_back({h, t});
  }
  std::vector<Heading> out = in_main;
  out.insert(out.end(), plain.begin(), plain.end());
  out.insert(out.end(), furniture.begin(), furniture.end());
  return out;
}

std::optional<std::string> pick_title(const Signals& s, const json* article,
                                      const std::vector<Heading>& h1s, const std::string& sitename,
                                      const std::string& host, const MetaVocabulary& v) {
  // Metadata title: JSON-LD headline, og:title, twitter:title, <title>.
  std::vector<std::string> meta_titles;
  if (article) {
    if (auto h = json_string(*article, "headline")) meta_titles.push_back(*h);
    else if (auto n = json_string(*article, "name")) meta_titles.push_back(*n);
  }
  for (const auto& k : v.title_keys)
    for (const auto& val : meta_values(s, k)) meta_titles.push_back(val);
  if (!s.title_tag.empty()) meta_titles.push_back(s.title_tag);

  std::string site = sitename;
  if (site.empty()) site = host;
  std::vector<std::string_view> sites = {sitename, host};


  // 1. an <h1> that the metadata confirms (equal to a title or one of its parts)
  //    (keys of the metadata titles and of their parts are worked out when
  //    first compared and kept for the next <h1>)
  struct TitleKeys {
    std::optional<std::string> key;
    std::optional<std::vector<std::string>> parts;
  };
  std::vector<TitleKeys> title_keys(meta_titles.size());
  for (const auto& raw : h1s) {
    Heading h{raw.node, strip_site(raw.text, sites, false, v)};
    std::string hk = key_of(h.text);
    if (hk.empty()) continue;
    for (size_t k = 0; k < meta_titles.size(); ++k) {
      TitleKeys& tk = title_keys[k];
      if (!tk.key) tk.key = key_of(meta_titles[k]);
      if (*tk.key == hk) return h.text;
      if (!tk.parts) {
        tk.parts.emplace();
        for (const auto& part : split_title(meta_titles[k], v)) tk.parts->push_back(key_of(part));
      }
      for (const auto& pk : *tk.parts)
        if (pk == hk && !same_site(h.text, site)) return h.text;
    }
  }
  // 2. the first plausible <h1> that is not the site name and, when the page
  //    has a metadata title, shares enough words with it (a heading with
  //    nothing in common with the title is a banner, a logo or a promo).
  auto overlap = [](const std::string& a, const std::string& b) {
    auto wa = text::words(a), wb = text::words(b);
    std::unordered_set<std::string> sb(wb.begin(), wb.end());
    size_t common = 0;
    for (const auto& w : wa) common += sb.count(w);
    return wa.empty() ? 0.0 : static_cast<double>(common) / static_cast<double>(wa.size());
  };
  for (const auto& raw : h1s) {
    Heading h{raw.node, strip_site(raw.text, sites, false, v)};
    if (!meta_titles.empty()) {
      double best = 0;
      for (const auto& m : meta_titles) best = std::max(best, overlap(h.text, m));
      if (best < v.min_h1_title_overlap) continue;
    }
    if (same_site(h.text, site)) continue;
    if (text::count_words(h.text) < 1) continue;
    return h.text;
  }
  // 3. the metadata title without the site name
  for (const auto& m : meta_titles) {
    std::string t = strip_site(m, sites, true, v);
    if (!t.empty() && t.size() <= v.max_title_chars) return t;
  }
  if (!s.itemprop_headline.empty()) {
    std::string t = node_text(s.itemprop_headline.front(), v.max_title_chars);
    if (!t.empty()) return t;
  }
  return std::nullopt;
}

// ---- dates -------------------------------------------------------------------

std::optional<std::string> parse_date(std::string_view value, const date::DateOptions& o) {
  if (value.empty()) return std::nullopt;
  if (auto d = date::parse(value, o)) return d;
  // Values such as "Published: 2021-10-20" or with trailing junk.
  if (value.size() < 200)
    if (auto f = date::find(value, o)) return f->iso;
  return std::nullopt;
}

struct DatePick {
  std::string iso;
  std::string source;
};

// Published date from markup: JSON-LD, then <meta> names, then itemprop.
std::optional<DatePick> published_date(const Signals& s, const json* article, const json* page,
                                       const date::DateOptions& dopt, const MetaVocabulary& v) {
  for (const json* o : {article, page}) {
    if (!o) continue;
    for (ReadKey k : {ReadKey("datePublished"), ReadKey("dateCreated"), ReadKey("uploadDate")})
      if (auto val = json_string(*o, k))
        if (auto d = parse_date(*val, dopt)) return DatePick{*d, "json-ld"};
  }
  for (const auto& key : v.published_keys)
    for (const auto& val : meta_values(s, key))
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "meta:" + key};
  for (const Node* n : s.itemprop_date) {
    if (n->is(Tag::meta)) continue;
    for (std::string_view val : {n->attr("content"), n->attr("datetime")})
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "itemprop"};
    if (auto d = parse_date(node_text(n, 300), dopt)) return DatePick{*d, "itemprop"};
  }
  for (const MetaEntry& m : s.metas) {
    const std::string& k = m.key;
    if (!RE2::PartialMatch(k, *v.generic_date_key) || RE2::PartialMatch(k, *v.not_published_key))
      continue;
    if (auto d = parse_date(m.content(), dopt)) return DatePick{*d, "meta:" + k};
  }
  return std::nullopt;
}

// Last-modification date from markup.
std::optional<DatePick> modified_date(const Signals& s, const json* article, const json* page,
                                      const date::DateOptions& dopt, const MetaVocabulary& v) {
  for (const json* o : {article, page}) {
    if (!o) continue;
    if (auto val = json_string(*o, "dateModified"))
      if (auto d = parse_date(*val, dopt)) return DatePick{*d, "json-ld:modified"};
  }
  for (const auto& key : v.modified_keys)
    for (const auto& val : meta_values(s, key))
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "meta:" + key};
  return std::nullopt;
}

// Dates a reader sees: <time> elements (published-looking ones first),
// elements whose class/id says date/published/byline, and, when `text` is
// set, the lines of visible text around the main <h1>. In document order
// within each group, furniture (comments, sidebars, footers) skipped.
// With `first_only`, stops as soon as the first entry of the full list is
// known (the caller wants only that one).
std::vector<DatePick> visible_dates(const Signals& s, const ClassedElements& classed, const Node* heading,
                                    Furniture& furn, const date::DateOptions& dopt, bool text,
                                    bool first_only, const MetaVocabulary& v) {
  std::vector<DatePick> out;
  const size_t kMax = 8;
  std::vector<DatePick> later;
  for (const Node* t : s.times) {
    if (out.size() >= kMax) break;
    if (furn(t)) continue;
    std::string ci = text::to_lower(class_and_id(t) + " " + std::string(t->attr("itemprop")));
    bool updated = RE2::PartialMatch(ci, *v.updated_class);
    bool published = t->has_attr("pubdate") || ci.find("publish") != std::string::npos ||
                     ci.find("posted") != std::string::npos || ci.find("created") != std::string::npos;
    std::optional<std::string> d = parse_date(t->attr("datetime"), dopt);
    if (!d) d = parse_date(node_text(t, 300, true), dopt);
    if (!d) continue;
    if (published && !updated) {
      out.push_back({*d, "time"});
      if (first_only) return out;
    } else {
      later.push_back({*d, updated ? "time:modified" : "time"});
    }
  }
  out.insert(out.end(), later.begin(), later.end());
  if (first_only && !out.empty()) return out;
  for (auto kind : {ClassedElements::Kind::date_elements, ClassedElements::Kind::date_blocks}) {
    auto cursor = classed.cursor(kind);
    while (const Node* n = cursor.next()) {
      if (out.size() >= kMax) break;
      if (furn(n)) continue;
      std::string t = node_text(n, 400, true);
      if (t.empty() || t.size() > 400) continue;
      bool updated = RE2::PartialMatch(class_and_id(n), *v.updated_class);
      if (auto f = date::find(t, dopt)) {
        out.push_back({f->iso, updated ? "element:modified" : "element"});
        if (first_only) return out;
      }
    }
  }
  if (!text || out.size() >= kMax) return out;
  const Node* h = heading;
  if (!h) return out;
  std::string window;
  auto next_after = [](const Node* x) -> const Node* {
    while (x && !x->next_sibling) x = x->parent;
    return x ? x->next_sibling : nullptr;
  };
  // A byline just before the heading, then the heading and what follows it.
  if (h->prev_sibling) {
    std::string before = node_text(h->prev_sibling, 300);
    if (before.size() < 300) window = before + " \n ";
  }
  window += node_text(h, 500) + " \n ";
  const Node* n = next_after(h);
  while (n && window.size() < v.text_date_window) {
    if (n->is_element() && (is_hidden_text_container(n) || furn(n))) {
      n = next_after(n);
      continue;
    }
    if (n->is_text()) {
      window.append(n->text);
      window.push_back(' ');
    } else if (n->is_element() && is_block(n)) {
      window.append(" \n ");
    }
    n = n->first_child ? n->first_child : next_after(n);
  }
  // Line by line, so a date cannot be glued together from two lines.
  size_t start = 0;
  while (start < window.size() && out.size() < kMax) {
    size_t end = window.find('\n', start);
    if (end == std::string::npos) end = window.size();
    std::string_view line(window.data() + start, end - start);
    if (auto f = date::find(line, dopt)) {
      out.push_back({f->iso, "text"});
      if (first_only) return out;
    }
    start = end + 1;
  }
  return out;
}

bool same_day(const std::string& a, const std::string& b) {
  return a.size() >= 10 && b.size() >= 10 && a.compare(0, 10, b, 0, 10) == 0;
}

// The decision: a publication date stated in markup (JSON-LD, <meta>,
// itemprop) first; then the first date a reader sees near the title; then
// the URL. A modification date is used only when options ask for the latest
// date and the page shows it: alone it is not a publication date.
// Each source is consulted only when the decision can still depend on it.
std::optional<DatePick> pick_date(const Signals& s, const ClassedElements& classed, const json* article,
                                  const json* page, const Node* heading, Furniture& furn,
                                  std::string_view url, const date::DateOptions& dopt,
                                  const MetaOptions& options, const MetaVocabulary& v) {
  auto pub = published_date(s, article, page, dopt, v);
  // Asked for the latest date: a modification date the page also shows.
  if (!options.original_date)
    if (auto mod = modified_date(s, article, page, dopt, v)) {
      std::vector<DatePick> vis = visible_dates(s, classed, heading, furn, dopt,
                                                options.extensive_date_search, false, v);
      for (const auto& d : vis)
        if (same_day(d.iso, mod->iso)) return mod;
    }
  if (pub) return pub;
  std::vector<DatePick> vis = visible_dates(s, classed, heading, furn, dopt,
                                            options.extensive_date_search, true, v);
  if (!vis.empty()) return vis.front();
  if (options.date_from_url && !url.empty())
    if (auto d = date::from_url(url, dopt)) return DatePick{*d, "url"};
  // A modification date alone says when the page changed, not when it was
  // published: not a publication date.
  return std::nullopt;
}

// ---- author ------------------------------------------------------------------

// Whether `s` is only ASCII white space (then squash(s) is empty): the
// indentation between tags, most text nodes of a page.
bool ascii_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && (c < '\t' || c > '\r')) return false;
  return true;
}

// Text pieces (text nodes, in document order) after the main heading, up to
// `max_bytes` or `max_pieces`, and before it (nearest first), skipping
// scripts and furniture.
std::vector<std::string> pieces_after(const Node* h, Furniture& furn, size_t max_bytes,
                                      size_t max_pieces) {
  std::vector<std::string> out;
  if (!h) return out;
  auto next_after = [](const Node* x) -> const Node* {
    while (x && !x->next_sibling) x = x->parent;
    return x ? x->next_sibling : nullptr;
  };
  size_t bytes = 0;
  const Node* n = next_after(h);
  while (n && bytes < max_bytes && out.size() < max_pieces) {
    if (n->is_element() && (is_hidden_text_container(n) || furn(n))) {
      n = next_after(n);
      continue;
    }
    if (n->is_text() && !ascii_blank(n->text)) {
      std::string t = squash(n->text);
      if (!t.empty()) {
        bytes += t.size();
        out.push_back(std::move(t));
      }
    }
    n = n->first_child ? n->first_child : next_after(n);
  }
  return out;
}

std::vector<std::string> pieces_before(const Node* h, Furniture& furn, size_t max_pieces) {
  std::vector<std::string> out;
  if (!h) return out;
  // Reverse document order: previous sibling's deepest last descendant, else parent.
  auto prev = [](const Node* x) -> const Node* {
    if (x->prev_sibling) {
      x = x->prev_sibling;
      while (x->last_child && !(x->is_element() && is_hidden_text_container(x))) x = x->last_child;
      return x;
    }
    return x->parent;
  };
  const Node* n = prev(h);
  size_t steps = 0;
  while (n && out.size() < max_pieces && steps++ < 400) {
    if (n->is_element() && (n->is(Tag::body) || n->is(Tag::head))) break;
    if (n->is_text() && !ascii_blank(n->text) &&
        !(n->parent && is_hidden_text_container(n->parent)) && !furn(n)) {
      std::string t = squash(n->text);
      if (!t.empty()) out.push_back(std::move(t));
    }
    n = prev(n);
  }
  return out;
}

// The text pieces around the main heading that bylines are read from,
// gathered on first use: a page whose markup names its author never needs them.
class Pieces {
 public:
  Pieces(const Node* heading, Furniture& furn, const MetaVocabulary& v)
      : h_(heading), furn_(furn), v_(v) {}
  const std::vector<std::string>& after() {
    // The byline scan reads at most byline_pieces_after labels, each followed
    // by up to max_byline_pieces name pieces: later pieces are never read.
    if (!have_after_)
      after_ = pieces_after(h_, furn_, v_.text_date_window,
                            v_.byline_pieces_after + v_.max_byline_pieces);
    have_after_ = true;
    return after_;
  }
  const std::vector<std::string>& before() {
    if (!have_before_) before_ = pieces_before(h_, furn_, v_.byline_pieces_before);
    have_before_ = true;
    return before_;
  }

 private:
  const Node* h_;
  Furniture& furn_;
  const MetaVocabulary& v_;
  bool have_after_ = false, have_before_ = false;
  std::vector<std::string> after_, before_;
};

// Whether a cleaned author string looks like people's names: a few words,
// each capitalised or a name particle ("van", "de", "and").
bool name_like(std::string_view name, const MetaVocabulary& v) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.empty() || words.size() > v.max_byline_words) return false;
  size_t capitalised = 0;
  for (const auto& w : words) {
    if (v.name_particles.count(text::to_lower(w))) continue;
    size_t pos = 0;
    char32_t first = utf8::next(w, pos);
    std::string one = w.substr(0, pos);
    if (text::to_lower(one) != one) ++capitalised;       // an uppercase letter
    else if (first < 0x80) return false;                 // a lowercase Latin word: prose
  }
  return capitalised > 0;
}

// A byline in visible text: a piece that is a label ("By", "Written by:")
// followed by a name piece, or a piece "By Jane Doe" itself.
// What a text piece says as a byline label: text::to_lower(piece) without
// trailing ':' and ' ' is a label ("Written by:"), starts with a label and
// then ' ' or ':' ("By Jane Doe"), or neither. Pieces are often whole
// paragraphs: ASCII ones are compared in place, without lowering a copy of
// the paragraph.
enum class LabelKind { none, label, labelled };
// The longest label and the bytes labels start with, for label_kind().
struct LabelIndex {
  explicit LabelIndex(const MetaVocabulary& v) {
    for (const auto& label : v.byline_labels) {
      longest = std::max(longest, label.size());
      if (!label.empty()) first[static_cast<unsigned char>(label[0])] = true;
    }
  }
  size_t longest = 0;
  bool first[256] = {};
};
LabelKind label_kind(std::string_view piece, const LabelIndex& index, const MetaVocabulary& v) {
  size_t t = piece.size();  // without trailing ':' and ' ' (which lowering keeps)
  while (t > 0 && (piece[t - 1] == ':' || piece[t - 1] == ' ')) --t;
  // A label equal to the lowered piece, or its prefix, starts with the same
  // byte; an ASCII first byte lowers to an ASCII byte, whatever follows.
  if (t > 0 && static_cast<unsigned char>(piece[0]) < 0x80 &&
      !index.first[static_cast<unsigned char>(ascii_lower(piece[0]))])
    return LabelKind::none;
  if (!is_ascii(piece)) {
    std::string lower = text::to_lower(piece);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    if (v.byline_labels.count(lower)) return LabelKind::label;
    for (const auto& label : v.byline_labels)
      if (lower.size() > label.size() + 1 && lower.compare(0, label.size(), label) == 0 &&
          (lower[label.size()] == ' ' || lower[label.size()] == ':'))
        return LabelKind::labelled;
    return LabelKind::none;
  }
  if (t <= index.longest) {
    std::string lower(piece.substr(0, t));
    for (char& c : lower) c = ascii_lower(c);
    if (v.byline_labels.count(lower)) return LabelKind::label;
  }
  for (const auto& label : v.byline_labels)
    if (t > label.size() + 1 && ascii_lower_equals(piece.data(), label) &&
        (piece[label.size()] == ' ' || piece[label.size()] == ':'))
      return LabelKind::labelled;
  return LabelKind::none;
}

std::optional<std::string> byline_author(Pieces& pieces, const MetaVocabulary& v) {
  const LabelIndex index(v);
  auto scan = [&](const std::vector<std::string>& pieces, size_t limit, bool forward)
      -> std::optional<std::string> {
    for (size_t i = 0; i < pieces.size() && i < limit; ++i) {
      const LabelKind kind = label_kind(pieces[i], index, v);
      if (kind == LabelKind::label) {
        // label alone: the name is the next piece in reading order, and
        // further names joined by ",", "and", "&" ("A, B, and C").
        if (!forward) {
          size_t j = i == 0 ? pieces.size() : i - 1;
          if (j < pieces.size())
            if (auto a = clean_author(pieces[j]); a && name_like(*a, v)) return a;
          continue;
        }
        std::string joined;
        bool want_name = true;  // name (connector name)*
        for (size_t j = i + 1; j < pieces.size() && j < i + 1 + v.max_byline_pieces; ++j) {
          const std::string& p = pieces[j];
          bool connector = v.name_connectors.count(text::to_lower(p)) > 0;
          if (want_name) {
            if (connector) break;
            if (joined.empty() ? !clean_author(p).has_value() : !name_like(p, v)) break;
          } else if (!connector) {
            break;
          }
          if (!joined.empty() && p[0] != ',') joined.push_back(' ');
          joined += p;
          want_name = connector;
        }
        // A trailing connector is not part of the names.
        while (!joined.empty()) {
          size_t cut = joined.find_last_of(' ');
          std::string tail = text::to_lower(cut == std::string::npos ? joined : joined.substr(cut + 1));
          if (!v.name_connectors.count(tail) && joined.back() != ',') break;
          joined = cut == std::string::npos ? std::string() : squash(joined.substr(0, cut));
          while (!joined.empty() && joined.back() == ',') joined.pop_back();
        }
        if (!joined.empty())
          if (auto a = clean_author(joined); a && name_like(*a, v)) return a;
        continue;
      }
      if (kind == LabelKind::labelled)
        if (auto a = clean_author(pieces[i]); a && name_like(*a, v)) return a;
    }
    return std::nullopt;
  };
  if (auto a = scan(pieces.after(), v.byline_pieces_after, true)) return a;
  return scan(pieces.before(), v.byline_pieces_before, false);
}

std::optional<std::string> pick_author(const Signals& s, const ClassedElements& classed, const JsonLd& ld,
                                       const json* article, const json* page, Furniture& furn,
                                       Pieces& pieces, const MetaVocabulary& v) {
  // Markup often lists authors as data; the page shows them as a byline
  // ("A and B"). When a visible byline holds exactly these names, use it.
  auto prefer_visible = [&](const std::string& joined,
                            const std::vector<std::string>& names) -> std::optional<std::string> {
    if (names.size() < 2) return joined;
    auto b = byline_author(pieces, v);
    if (!b) return joined;
    std::string bk = key_of(*b), jk;
    for (const auto& n : names) {
      auto c = clean_author(n);
      if (c && bk.find(key_of(*c)) == std::string::npos) return joined;
      if (c) jk += key_of(*c);
    }
    return bk.size() <= jk.size() + 12 ? *b : joined;
  };
  auto join_clean = [](const std::vector<std::string>& names) -> std::optional<std::string> {
    std::vector<std::string> kept;
    for (const auto& n : names)
      if (auto c = clean_author(n))
        if (std::find(kept.begin(), kept.end(), *c) == kept.end()) kept.push_back(*c);
    if (kept.empty()) return std::nullopt;
    std::string out;
    for (const auto& k : kept) {
      if (!out.empty()) out += ", ";
      out += k;
    }
    return out;
  };
  // 1. JSON-LD author of the main object (people; organisations only later).
  std::optional<std::string> organisation;
  for (const json* o : {article, page}) {
    if (!o) continue;
    for (ReadKey k : {ReadKey("author"), ReadKey("creator")}) {
      auto it = find_key(*o, k);
      if (it == o->end()) continue;
      std::vector<std::string> names;
      collect_names(*it, ld, names, 0, &v.site_types);
      if (auto a = join_clean(names)) return prefer_visible(*a, names);
      if (!organisation) {
        std::vector<std::string> all;
        collect_names(*it, ld, all, 0);
        organisation = join_clean(all);
      }
    }
  }
  // 2-4. meta names.
  for (const auto& key : v.author_keys) {
    std::vector<std::string> vals = meta_values(s, key);
    if (vals.empty()) continue;
    if (auto a = join_clean(vals)) return prefer_visible(*a, vals);
  }
  // 5. itemprop=author elements (their itemprop=name child when present).
  for (const Node* n : s.itemprop_author) {
    if (furn(n)) continue;
    std::string name;
    html::walk(n, [&](const Node* c) {
      if (!name.empty()) return false;
      if (c != n && c->is_element() && text::to_lower(c->attr("itemprop")) == "name") {
        name = c->is(Tag::meta) ? squash(c->attr("content")) : node_text(c, 200);
        return false;
      }
      return true;
    });
    if (name.empty()) name = n->is(Tag::meta) ? squash(n->attr("content")) : node_text(n, 300);
    if (auto a = clean_author(name)) return a;
  }
  // rel=author links.
  for (const Node* n : s.rel_author) {
    if (furn(n)) continue;
    if (auto a = clean_author(node_text(n, 200, true))) return a;
  }
  // A byline in the text around the title: "By Jane Doe", "Written by" + name.
  if (auto a = byline_author(pieces, v)) return a;
  // Elements whose class/id says byline/author.
  auto cursor = classed.cursor(ClassedElements::Kind::author_elements);
  while (const Node* n = cursor.next()) {
    if (furn(n)) continue;
    std::string t = node_text(n, 400, true);
    if (t.empty() || t.size() > 300) continue;
    if (auto a = clean_author(t)) return a;
  }
  if (organisation) return organisation;
  for (const Node* n : s.rel_author)
    if (auto a = clean_author(node_text(n, 200, true))) return a;
  return std::nullopt;
}

void add_tags(std::vector<std::string>& tags, std::string_view value) {
  size_t start = 0;
  while (start <= value.size() && tags.size() < 50) {
    size_t end = value.find_first_of(",;", start);
    if (end == std::string_view::npos) end = value.size();
    std::string t = squash(value.substr(start, end - start));
    if (!t.empty() && t.size() <= 100 && std::find(tags.begin(), tags.end(), t) == tags.end())
      tags.push_back(t);
    start = end + 1;
  }
}

}  // namespace

Metadata extract_metadata(const html::Document& doc, std::string_view url, const MetaOptions& options) {
  const MetaVocabulary& v = meta_vocabulary();
  Metadata m;
  ClassFlags class_flags(v);
  Signals s = collect(doc, v);
  ClassedElements classed(s, class_flags, v.max_candidates);
  JsonLd ld = parse_jsonld(s, v);
  const json* article = main_object(ld, v);
  const json* page = page_object(ld, v);

  // URL
  if (!url.empty()) m.url = std::string(url);
  else if (s.canonical.find("://") != std::string::npos) m.url = s.canonical;
  else if (auto og = first_meta(s, {"og:url"}); og && og->find("://") != std::string::npos) m.url = *og;
  std::string page_url = m.url.value_or("");

  // Language hint
  if (!s.lang.empty()) m.language_hint = squash(s.lang);
  else if (auto l = first_meta(s, v.language_keys)) m.language_hint = *l;
  date::DateOptions dopt;
  if (m.language_hint) {
    dopt.language_hint = *m.language_hint;
    std::replace(dopt.language_hint.begin(), dopt.language_hint.end(), '_', '-');
  }

  // Site name
  for (const json* o : ld.objects) {
    if (!has_type(*o, v.site_types)) continue;
    if (auto n = json_string(*o, "name")) {
      m.sitename = *n;
      break;
    }
  }
  if (auto og = first_meta(s, {"og:site_name"})) m.sitename = *og;  // OpenGraph names the site best
  if (!m.sitename) {
    if (article) {
      auto pub = find_key(*article, "publisher");
      if (pub != article->end()) {
        std::vector<std::string> names;
        collect_names(*pub, ld, names, 0);
        if (!names.empty() && !names[0].empty()) m.sitename = names[0];
      }
    }
  }
  if (!m.sitename)
    if (auto n = first_meta(s, v.sitename_keys); n && (*n)[0] != '@' && !is_url_like(*n)) m.sitename = *n;

  std::string host = host_of(page_url);
  Furniture furn(class_flags);
  std::vector<Heading> h1s = h1_candidates(s, furn, v);
  const Node* heading = h1s.empty() ? nullptr : h1s.front().node;
  if (heading) furn.set_anchor(heading);
  m.title = pick_title(s, article, h1s, m.sitename.value_or(""), host, v);

  Pieces pieces(heading, furn, v);
  m.author = pick_author(s, classed, ld, article, page, furn, pieces, v);

  if (auto d = pick_date(s, classed, article, page, heading, furn, page_url, dopt, options, v)) {
    m.date = d->iso;
    m.date_source = d->source;
  }

  // Description, image
  if (auto d = first_meta(s, v.description_keys)) m.description = *d;
  else if (article) m.description = json_string(*article, "description");
  if (auto i = first_meta(s, v.image_keys)) m.image = *i;
  else if (article) {
    auto it = find_key(*article, "image");
    if (it != article->end()) {
      const json* img = &*it;
      if (img->is_array() && !img->empty()) img = &(*img)[0];
      if (img->is_string()) m.image = img->get<std::string>();
      else if (img->is_object()) m.image = json_string(*img, "url");
    }
  }

  // Page type
  if (article) {
    auto t = find_key(*article, "@type");
    if (t != article->end() && t->is_string()) m.page_type = t->get<std::string>();
    else if (t != article->end() && t->is_array() && !t->empty() && (*t)[0].is_string())
      m.page_type = (*t)[0].get<std::string>();
  }
  if (!m.page_type)
    if (auto og = first_meta(s, {"og:type"})) m.page_type = *og;
  if (!m.page_type && page) {
    auto t = find_key(*page, "@type");
    if (t != page->end() && t->is_string()) m.page_type = t->get<std::string>();
  }

  // Tags
  for (const auto& key : v.tag_keys)
    for (const auto& val : meta_values(s, key)) add_tags(m.tags, val);
  if (article) {
    for (ReadKey k : {ReadKey("keywords"), ReadKey("articleSection")}) {
      auto it = find_key(*article, k);
      if (it == article->end()) continue;
      if (it->is_string()) add_tags(m.tags, it->get<std::string>());
      if (it->is_array())
        for (const auto& e : *it)
          if (e.is_string()) add_tags(m.tags, e.get<std::string>());
    }
  }
  return m;
}

}  // namespace saring::meta
