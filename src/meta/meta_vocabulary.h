// Internal: the metadata vocabulary (meta names in order of trust, JSON-LD
// types, class/id patterns, author prefixes and roles, title separators).
// One table, built once; meta.cc knows no names of its own.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace saring::meta::detail {

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
  std::unordered_set<std::string> person_types;   // Person

  // class/id/itemprop patterns (RE2, case-insensitive, matched on the
  // attribute values joined by spaces).
  std::unique_ptr<RE2> author_class;   // byline, author, ...
  std::unique_ptr<RE2> date_class;        // published, post-date, ...
  std::unique_ptr<RE2> date_block_class;  // byline, meta: may hold a date
  std::unique_ptr<RE2> updated_class;  // updated, modified (a date, but not the first)
  std::unique_ptr<RE2> skip_class;     // comments, related posts, sidebars

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
  size_t max_author_chars = 120;
  size_t max_author_words = 12;
  size_t max_candidates = 500;      // elements per kind looked at
  size_t max_jsonld_bytes = 2u << 20;
  size_t text_date_window = 4000;   // bytes of visible text after the title searched for a date
};

const MetaVocabulary& meta_vocabulary();

}  // namespace saring::meta::detail
