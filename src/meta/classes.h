// Internal: what class and id attributes say to the metadata fields, and
// page furniture.
//
// An element's class and id are split into words (saring/class_words.h);
// each word, and each pair of adjacent words joined by '-', is looked up in
// the class/id word lists of the vocabulary (author, byline block,
// furniture), and date words are searched inside the words. Class
// strings repeat across a page, so answers are cached per class string
// (ClassFlags). Furniture uses them to judge an element relative to the main
// heading, ClassedElements to list byline and date candidates lazily.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "meta_vocabulary.h"
#include "saring/class_words.h"
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

// The class/id word lists of the vocabulary compiled into one lookup: an
// OpenTable (FNV-1a) from word to kClass* bits, the lengths of hyphenated
// words (pairs of words are only built when one could match), and the date substrings by first byte.
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
    // Most words are no word of the lists: a (first byte, length) bitmap
    // rejects them before any hashing.
    if (w.empty() || !may_be_word(static_cast<unsigned char>(w[0]), w.size())) return 0;
    const uint8_t* bits = words_.find(w);
    return bits ? *bits : 0;
  }
  bool pair_length(size_t n) const { return n < 64 && (pair_lengths_ & (1ull << n)); }
  // Whether a word starting with byte c and `len` bytes long may be the part
  // before the '-' of a hyphenated word of the lists.
  bool may_head_pair(unsigned char c, size_t len) const {
    return len < 64 && (pair_heads_[c] & (1ull << len));
  }
  // Whether a (lowercase) word contains a date substring.
  bool has_substring(std::string_view word) const {
    for (size_t i = 0; i < word.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      if (!(substring_firsts_[c >> 6] & (1ull << (c & 63)))) continue;
      for (const auto& w : substrings_[c]) {
        if (word.size() - i >= w.size() && word.compare(i, w.size(), w) == 0) return true;
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
      if (const size_t dash = w.find('-'); dash != std::string::npos) {
        pair_lengths_ |= 1ull << w.size();
        if (dash > 0) pair_heads_[static_cast<unsigned char>(w[0])] |= 1ull << dash;
      }
      first_len_[static_cast<unsigned char>(w[0])] |= 1ull << w.size();
      *words_.try_emplace(w).first |= bit;  // views the vocabulary's words, which live on
    }
  }
  OpenTable<std::string_view, uint8_t, WordKeys> words_{256};  // 256 slots for well under 128 words
  unsigned long long pair_lengths_ = 0;
  uint64_t first_len_[256] = {};  // bit n of [c]: a word of n bytes starts with c
  uint64_t pair_heads_[256] = {};  // bit n of [c]: a hyphenated word starts with c and n bytes before '-' 
  std::vector<std::string> substrings_[256];
  uint64_t substring_firsts_[4] = {};  // bit c: some substring starts with byte c
};

inline const ClassTables& class_tables() {
  static const ClassTables t(meta_vocabulary());
  return t;
}

// A word kept for the pair that straddles class and id (len 0: none).
struct PairWord {
  uint8_t len = 0;
  char text[63];
};

// The per-document class cache (include/saring/view_map.h): the bits of a
// class string and its last word when that may start a pair.
struct ClassAnswer {
  uint8_t bits = 0;
  PairWord last;
};
using ClassCache = ViewMap<ClassAnswer>;

class ClassFlags {
 public:
  explicit ClassFlags(const MetaVocabulary& v) : t_(class_tables()) {}

  // The answer for "cls id" is the answer for cls (cached), OR the answer
  // for id alone, OR the lookup of the one pair that straddles them (the
  // last word of cls joined to the first word of id): every word and every
  // adjacent pair is looked up on its own, so the key splits there exactly.
  // Without `want_date` the kClassDate bit is left out (0): the date
  // substring search, a third of the work, is done only for callers that
  // read that bit.
  uint8_t of(std::string_view cls, std::string_view id, bool want_date) {
    if (cls.empty() && id.empty()) return 0;
    if (id.empty()) return bits_of(*of_class(cls, want_date));
    if (cls.size() + 1 + id.size() >= 300) return 0;
    PairWord first;
    uint8_t f = compute(id, want_date, nullptr, &first);
    if (cls.empty()) return f;
    const ClassAnswer* a = of_class(cls, want_date);
    return f | bits_of(*a) | straddling_pair(a->last, first);
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
  static uint8_t bits_of(const ClassAnswer& a) { return static_cast<uint8_t>(a.bits & ~kDateKnown); }
  // The cached answer for a class string (valid until the next insertion).
  const ClassAnswer* of_class(std::string_view cls, bool want_date) {
    auto [value, inserted] = by_class_.try_emplace(cls);
    if (inserted) {
      value->bits = static_cast<uint8_t>(compute(cls, want_date, &value->last, nullptr) |
                                         (want_date ? kDateKnown : 0));
    } else if (want_date && !(value->bits & kDateKnown)) {
      if (has_date_substring(cls)) value->bits |= kClassDate;
      value->bits |= kDateKnown;
    }
    return value;
  }

  // The last word of the class joined by '-' to the first word of the id,
  // looked up.
  uint8_t straddling_pair(const PairWord& head, const PairWord& tail) const {
    if (head.len == 0 || tail.len == 0 || !t_.pair_length(head.len + 1u + tail.len)) return 0;
    char pair[64 + 1 + 64];
    std::memcpy(pair, head.text, head.len);
    pair[head.len] = '-';
    std::memcpy(pair + head.len + 1, tail.text, tail.len);
    return t_.find(std::string_view(pair, head.len + 1u + tail.len));
  }

  // The words of the key (html::for_each_word) and each pair of adjacent
  // words joined by '-' are looked up in the word lists; the date substrings
  // are searched word by word. A word is kept for the next pair only when it
  // may start one. `last` receives the last word when it may start a pair,
  // `first` the first word.
  uint8_t compute(std::string_view key, bool want_date, PairWord* last, PairWord* first) {
    if (key.empty() || key.size() >= 300) return 0;
    uint8_t f = 0;
    char buf[64 + 1 + 64];  // the previous word, then '-' and the word
    size_t prev_len = 0;    // 0: no previous word that may start a pair
    html::for_each_word(key, [&](std::string_view w) {
      const auto c = static_cast<unsigned char>(w[0]);
      if (t_.may_be_word(c, w.size())) f |= t_.find(w);
      if (prev_len && t_.pair_length(prev_len + 1 + w.size())) {
        buf[prev_len] = '-';
        std::memcpy(buf + prev_len + 1, w.data(), w.size());
        f |= t_.find(std::string_view(buf, prev_len + 1 + w.size()));
      }
      if (want_date && !(f & kClassDate) && t_.has_substring(w)) f |= kClassDate;
      if (first && first->len == 0) {
        std::memcpy(first->text, w.data(), w.size());
        first->len = static_cast<uint8_t>(w.size());
      }
      prev_len = 0;
      if (t_.may_head_pair(c, w.size())) {
        std::memcpy(buf, w.data(), w.size());
        prev_len = w.size();
      }
    });
    if (last && prev_len) {
      std::memcpy(last->text, buf, prev_len);
      last->len = static_cast<uint8_t>(prev_len);
    }
    return f;
  }

  // The kClassDate bit of compute(key, true) alone.
  bool has_date_substring(std::string_view key) const {
    if (key.empty() || key.size() >= 300) return false;
    bool found = false;
    html::for_each_word(key, [&](std::string_view w) { found = found || t_.has_substring(w); });
    return found;
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
    for (const Node* p = anchor; p; p = p->parent()) anchor_.try_emplace(p);
    verdict_.clear();
  }

  // The verdict of n's nearest deciding ancestor, memoised per ancestor so
  // that the walks over the text around the title stay linear.
  bool operator()(const Node* n) {
    path_.clear();
    bool f = false;
    const Node* p = n->parent();
    for (; p; p = p->parent()) {
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
    for (const Node* p = n->parent(); p; p = p->parent())
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
