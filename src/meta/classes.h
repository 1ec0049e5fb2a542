// Internal: what class and id attributes say to the metadata fields, and
// page furniture.
//
// An element's class and id are split into parts at white space, '-' and '_'
// and lowercased; each part, and each pair of adjacent parts joined by '-',
// is looked up in the class/id word lists of the vocabulary (author, byline
// block, furniture), and date words are searched inside the parts. Class
// strings repeat across a page, so answers are cached per class string
// (ClassFlags). Furniture uses them to judge an element relative to the main
// heading, ClassedElements to list byline and date candidates lazily.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "meta_vocabulary.h"
#include "saring/html.h"
#include "saring/open_table.h"
#include "saring/view_map.h"
#include "signals.h"

namespace saring::meta::detail {

// What an element's class and id (lowercased, joined by a space, under 300
// bytes) say for the four class/id word lists. Worked out once per element;
// class strings repeat across a page (every card, every comment), so
// elements without an id share one answer per distinct class string.
enum : uint8_t { kClassAuthor = 1, kClassDate = 2, kClassDateBlock = 4, kClassSkip = 8 };

// ASCII lowercase of every byte.
struct AsciiLower {
  char c[256] = {};
  constexpr AsciiLower() {
    for (int b = 0; b < 256; ++b) c[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  char operator[](unsigned char b) const { return c[b]; }
};
inline constexpr AsciiLower kLower{};

// The class/id word lists of the vocabulary compiled into one lookup: an
// OpenTable (FNV-1a) from word to kClass* bits, the lengths of hyphenated words (pairs of parts are
// only built when one could match), and the date substrings by first byte.
class ClassTables {
 public:
  explicit ClassTables(const MetaVocabulary& v) {
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
    const uint8_t* bits = words_.find(w);
    return bits ? *bits : 0;
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
  struct WordKeys : OpenTableTraits<std::string_view> {
    static uint64_t hash(std::string_view w) {
      uint32_t h = 2166136261u;
      for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
      return h;
    }
  };
  void add_all(const detail::WordSet& set, uint8_t bit) {
    for (const auto& w : set.words()) {
      if (w.empty() || w.size() >= 64) continue;  // WordSet never matches those
      if (w.find('-') != std::string::npos) pair_lengths_ |= 1ull << w.size();
      first_len_[static_cast<unsigned char>(w[0])] |= 1ull << w.size();
      *words_.try_emplace(w).first |= bit;  // views the vocabulary's words, which live on
    }
  }
  OpenTable<std::string_view, uint8_t, WordKeys> words_{256};  // 256 slots for well under 128 words
  unsigned long long pair_lengths_ = 0;
  uint64_t first_len_[256] = {};  // bit n of [c]: a word of n bytes starts with c
  std::vector<std::string> substrings_[256];
  uint64_t substring_firsts_[4] = {};  // bit c: some substring starts with byte c
};

inline const ClassTables& class_tables() {
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

// The per-document memos of Furniture map nodes to a byte; a node pointer
// is hashed by one multiply.
struct NodeKeys : OpenTableTraits<const Node*> {
  static uint64_t hash(const Node* n) {
    return (reinterpret_cast<uintptr_t>(n) * 0x9E3779B97F4A7C15ull) >> 32;
  }
};
using NodeBytes = OpenTable<const Node*, uint8_t, NodeKeys>;

// Page furniture: footer/nav/aside elements and blocks whose class/id says
// comments, related posts, sidebar... Judged relative to an anchor (the main
// heading): only the ancestors below the lowest one shared with the anchor
// count, so a <body class="has-sidebar"> or a wrapper around the whole
// article never turns the article itself into furniture. Results per element
// are cached; one Furniture serves one document.
class Furniture {
 public:
  explicit Furniture(ClassFlags& flags) : flags_(flags) {}

  void set_anchor(const Node* anchor) {
    anchor_.clear();
    for (const Node* p = anchor; p; p = p->parent) anchor_.try_emplace(p);
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
      if (const uint8_t* known = verdict_.find(p)) {
        f = *known != 0;
        break;
      }
      if (anchor_.find(p)) {
        remember(p, false);
        break;
      }
      if (own(p)) {
        f = true;
        remember(p, true);
        break;
      }
      path_.push_back(p);
    }
    for (const Node* q : path_) remember(q, f);
    return f;
  }

 private:
  // Records the verdict of p unless it has one.
  void remember(const Node* p, bool furniture) {
    auto [v, inserted] = verdict_.try_emplace(p);
    if (inserted) *v = furniture ? 1 : 0;
  }

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
  NodeBytes anchor_{64};   // the anchor and its ancestors
  NodeBytes verdict_{64};  // memo: 1 furniture, 0 not
  std::vector<const Node*> path_;
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

}  // namespace saring::meta::detail
