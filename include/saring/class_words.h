// The words of class and id attributes: the one tokenizer behind every
// class/id vocabulary (main-text extraction and metadata), and the furniture
// words those vocabularies share.
//
// A class or id value is split at ASCII white space into classes; each class
// is lowercased (ASCII A-Z only) with '_' read as '-'; its words are the runs
// of ASCII letters and digits in it. Every other byte separates words: '-',
// '_', '.', and every byte of a non-ASCII character. Letter case does not
// split ("postAuthor" is the one word "postauthor"), digits do not either
// ("h1", "col6"; "col-md-6" is "col", "md", "6").
//
//   "Entry-Content post_Meta" -> classes "entry-content", "post-meta"
//                             -> words "entry", "content", "post", "meta"
//
// Class strings are read on every element that has one, so a class is
// split, lowercased and given its word mask 16 bytes per step (simd.h).
// A class with variant prefixes ("print:hidden", "md:flex-col") is read as
// the part after its last ':' ("hidden", "flex-col").
// Classes of 96 bytes or more, and words of 64 bytes or more, are skipped:
// no vocabulary word is that long. Part of the html area (header only): both
// meta and extract read class/id words, and html is the area both link.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "saring/simd.h"

namespace saring::html {

// One class of a class or id value, as for_each_class hands it over.
struct ClassName {
  std::string_view text;   // lowercased, '_' read as '-'; valid during the callback only
  uint64_t non_word = 0;   // bit k: byte k is no word byte [a-z0-9]; only when text.size() < 64
  bool dashed = false;     // holds a '-'
};

namespace detail {

// Byte tables of the tokenizer: white space ends a class; word bytes are
// [a-z0-9] (after lowercasing).
struct ClassBytes {
  bool space[256] = {};
  bool word[256] = {};
  constexpr ClassBytes() {
    for (int c = 0; c < 256; ++c) word[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) space[c] = true;
  }
};
inline constexpr ClassBytes kClassBytes;

}  // namespace detail

// The class/id words that mark page furniture for every reader of class
// words: navigation and footers, sidebars, sharing and ads, promotions,
// related and popular lists, newsletters, breadcrumbs, cookie notices.
// Extract prunes subtrees so named (with more words of its own, in
// src/extract/vocabulary.cc); meta skips them when it looks for bylines and
// dates (with kCommentWords, widgets and teasers).
inline constexpr std::string_view kFurnitureWords[] = {
    "nav", "menu", "footer", "sidebar", "share", "social", "cookie", "ad", "ads", "advert",
    "promo", "related", "recommended", "more-stories", "trending", "popular", "newsletter",
    "breadcrumb", "breadcrumbs"};

// The class/id words of comment sections (comment lists, Disqus, replies)
// and of their kin on shop pages, customer reviews (by name or by the widget
// that shows them), in several languages: furniture to meta, a section that
// extract keeps out of the main text and returns as comments when asked.
// "review" alone stays out: an article may be a review.
inline constexpr std::string_view kCommentWords[] = {
    "comment", "comments", "commentlist", "comment-list", "disqus", "respond", "reply", "replies",
    "discussion", "discuss", "talkback", "komentar", "kommentare", "commentaires", "comentarios",
    "livefyre", "coral", "fb-comments", "responses", "reviews", "customer-reviews",
    "product-reviews", "jdgm", "yotpo", "okendo", "trustpilot"};

// Calls fn(const ClassName&) for each class of `value`, in order.
template <class Fn>
void for_each_class(std::string_view value, Fn&& fn) {
  char buf[96 + 16];
  const char* p = value.data();
  const size_t n = value.size();
  size_t i = 0;
  while (i < n) {
    if (detail::kClassBytes.space[static_cast<unsigned char>(p[i])]) {
      ++i;
      continue;
    }
    size_t len = 0;
    ClassName name;
    uint32_t dashes = 0;
    while (i < n) {
      const bool whole = i + 16 <= n;
      const simd::Bytes16 v =
          whole ? simd::Bytes16::load(p + i) : simd::Bytes16::load_partial(p + i, n - i);
      const uint32_t past_end = whole ? 0 : 0xFFFFu & (0xFFFFu << (n - i));  // bytes beyond the value
      const uint32_t stop =
          (v.eq(' ') | v.eq('\t') | v.eq('\n') | v.eq('\r') | v.eq('\f')).mask() | past_end;
      const unsigned k = stop ? simd::first_bit(stop) : 16u;  // class bytes in this block
      const simd::Bytes16 m = v.ascii_lower().replace('_', '-');
      if (len < 96) m.store(buf + len);
      const uint32_t keep = (1u << k) - 1;
      const uint32_t word = (m.in_range('a', 'z') | m.in_range('0', '9')).mask();
      if (len < 64) name.non_word |= static_cast<uint64_t>(~word & keep) << len;
      dashes |= m.eq('-').mask() & keep;
      len += k;
      i += k;
      if (k < 16) break;
    }
    name.dashed = dashes != 0;
    if (len >= 96) continue;
    name.text = std::string_view(buf, len);
    // A utility class with variants ("print:break-inside-avoid",
    // "md:flex"): the prefixes are conditions, not names; only the utility
    // after the last ':' names anything.
    if (size_t colon = name.text.rfind(':'); colon != std::string_view::npos) {
      name.text.remove_prefix(colon + 1);
      if (name.text.empty()) continue;
      name.non_word = 0;  // rare: worked out again byte by byte
      for (size_t k = 0; k < name.text.size() && k < 64; ++k)
        if (!detail::kClassBytes.word[static_cast<unsigned char>(name.text[k])]) name.non_word |= uint64_t{1} << k;
      name.dashed = name.text.find('-') != std::string_view::npos;
    }
    fn(name);
  }
}

// Calls fn(std::string_view) for each word of one class, in order.
template <class Fn>
void for_each_word(const ClassName& name, Fn&& fn) {
  const std::string_view c = name.text;
  if (c.size() >= 64) {  // no mask: a byte loop
    size_t i = 0;
    while (i < c.size()) {
      while (i < c.size() && !detail::kClassBytes.word[static_cast<unsigned char>(c[i])]) ++i;
      const size_t start = i;
      while (i < c.size() && detail::kClassBytes.word[static_cast<unsigned char>(c[i])]) ++i;
      if (i > start && i - start < 64) fn(c.substr(start, i - start));
    }
    return;
  }
  if (name.non_word == 0) {  // the common one-word class
    if (!c.empty()) fn(c);
    return;
  }
  // The words are the runs of zero bits of non_word.
  for (uint64_t rest = ~name.non_word & ((1ull << c.size()) - 1); rest;) {
    const unsigned start = static_cast<unsigned>(__builtin_ctzll(rest));
    const unsigned len = static_cast<unsigned>(__builtin_ctzll(~(rest >> start)));
    fn(c.substr(start, len));
    rest &= ~(((1ull << len) - 1) << start);
  }
}

// Calls fn(std::string_view) for each word of a class or id value, in order
// across its classes.
template <class Fn>
void for_each_word(std::string_view value, Fn&& fn) {
  for_each_class(value, [&](const ClassName& name) { for_each_word(name, fn); });
}

}  // namespace saring::html
