// Internal: the metadata vocabulary (meta names in order of trust, JSON-LD
// types, class/id patterns, author prefixes and roles, title separators).
// One table, built once; meta.cc knows no names of its own.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <initializer_list>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace saring::meta::detail {

// A small set of short lowercase words, looked up without hashing: a length
// and first-letter filter, then a compare. Class/id checks run on every
// element of a page, so this matters.
class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<const char*> words) {
    for (const char* w : words) add(w);
  }
  void add(std::string_view w) {
    words_.emplace_back(w);
    if (!w.empty()) first_[static_cast<unsigned char>(w[0])] = true;
    if (w.size() < sizeof lengths_ * 8) lengths_ |= 1ull << w.size();
  }
  // False when no word of the set has this many bytes (a cheap pre-check).
  bool may_have_length(size_t n) const { return n < sizeof lengths_ * 8 && (lengths_ & (1ull << n)); }
  const std::vector<std::string>& words() const { return words_; }
  bool contains(std::string_view w) const {
    if (w.empty() || w.size() >= sizeof lengths_ * 8 || !(lengths_ & (1ull << w.size())) ||
        !first_[static_cast<unsigned char>(w[0])])
      return false;
    for (const auto& x : words_)
      if (x == w) return true;
    return false;
  }

 private:
  std::vector<std::string> words_;
  unsigned long long lengths_ = 0;
  bool first_[256] = {};
};

struct MetaVocabulary {
  // <meta> keys (name/property/itemprop, lowercase), most trusted first.
  std::vector<std::string> title_keys;
  std::vector<std::string> published_keys;
  std::unique_ptr<RE2> generic_date_key;   // other keys naming a publication date
  std::unique_ptr<RE2> not_published_key;  // ... unless they name an update or expiry
  std::vector<std::string> modified_keys;
  std::vector<std::string> author_keys;
  std::vector<std::string> sitename_keys;
  std::vector<std::string> description_keys;
  std::vector<std::string> image_keys;
  std::vector<std::string> tag_keys;
  std::vector<std::string> language_keys;

  // JSON-LD @type values.
  std::unordered_set<std::string> article_types;  // Article, NewsArticle, ...
  std::unordered_set<std::string> page_types;     // WebPage, ItemPage, ...
  std::unordered_set<std::string> site_types;     // WebSite, Organization, ...
  // A Question is the subject of a Q&A page, but not when it is one of an
  // FAQ's (an FAQPage, or several Questions on the page).
  std::unordered_set<std::string> question_types;  // Question
  std::unordered_set<std::string> faq_types;       // FAQPage
  // og:type values of pages that are not articles (home, shop and section
  // pages).
  std::unordered_set<std::string> landing_og_types;  // website

  // class/id vocabulary (lowercase), see meta_vocabulary.cc for how words
  // are matched.
  WordSet author_class_words;   // byline, author, ...
  std::vector<std::string> date_class_substrings;        // date, time, publish, ...
  WordSet date_block_words;     // byline, meta: may hold a date
  WordSet skip_class_words;     // comments, related posts, sidebars
  std::unique_ptr<RE2> updated_class;  // updated, modified (a date, but not the first)

  // Author cleaning.
  std::vector<std::string> author_prefixes;  // folded, longest first: "written by", "by", "oleh"
  std::unique_ptr<RE2> author_role;          // trailing roles: "staff writer", "editor"
  std::unordered_set<std::string> not_authors;  // "admin", "staff", "anonymous"
  // Credits that name someone other than the author ("Updated by", "Photo by").
  std::vector<std::string> not_author_prefixes;
  std::vector<std::string> author_cut_words;    // " on ", " updated " (rest is not the name)
  // Labels that introduce a byline in visible text ("by", "written by").
  std::unordered_set<std::string> byline_labels;
  // Lowercase words allowed inside names ("van", "de", "and").
  std::unordered_set<std::string> name_particles;
  size_t max_byline_words = 12;
  size_t max_byline_pieces = 9;  // text pieces joined into one byline ("A", ",", "B", "and", "C")
  // Pieces that join names in a byline.
  std::unordered_set<std::string> name_connectors;
  size_t byline_pieces_after = 60;   // text pieces after the title searched for a byline
  size_t byline_pieces_before = 12;  // and before it

  // Title cleaning: separators between a story and a site name.
  std::vector<std::string> title_separators;
  // Marks appended to headings by documentation generators ("¶", "#").
  std::vector<std::string> heading_anchor_marks;
  // h1 texts that are page furniture, not titles ("menu", "search").
  std::unordered_set<std::string> furniture_titles;

  // Limits.
  size_t max_title_chars = 400;
  // Share of an unconfirmed <h1>'s words that must appear in some metadata
  // title for the <h1> to be taken as the title.
  double min_h1_title_overlap = 0.35;
  // Share of a metadata title's words that such an <h1> must hold: one word
  // of a long title is a name the title mentions, not the page's name.
  double min_h1_title_cover = 0.1;
  size_t max_author_chars = 120;
  size_t max_author_words = 12;
  size_t max_candidates = 500;      // elements per kind looked at
  size_t max_jsonld_bytes = 2u << 20;
  // JSON-LD nested deeper than this is skipped: copying such a value recurses
  // once per level (a crafted page crashed the process); real blocks stay < 20.
  size_t max_jsonld_depth = 64;
  size_t text_date_window = 4000;   // bytes of visible text after the title searched for a date
};

const MetaVocabulary& meta_vocabulary();

}  // namespace saring::meta::detail
