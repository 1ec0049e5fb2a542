// Internal: the flattened page that every stage of the cascade reads
// (flat_page.cc builds it, choose.cc, collect.cc and filter.cc read it).
//
// The DOM under <body> is copied into one vector of NodeInfo in document
// order, each entry knowing its parent and the end of its subtree, so every
// later pass is a loop over an array: bottom-up passes walk it backwards
// (children come after their parent), a subtree is a range of indices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "saring/extract.h"
#include "saring/html.h"
#include "saring/view_map.h"
#include "vocabulary.h"

namespace saring::extract::detail {

using html::Node;
using html::NodeType;
using html::Tag;

constexpr size_t kTagCount = static_cast<size_t>(Tag::count_);

// Per-tag roles, built once.
struct TagTable {
  bool drop[kTagCount] = {};       // never carries content
  bool block[kTagCount] = {};      // starts a new block of text
  bool unit[kTagCount] = {};       // paragraph-like scoring unit
  Verdict verdict[kTagCount] = {};  // boilerplate by tag alone
  double weight[kTagCount] = {};   // readability-style tag weight
  bool table_part[kTagCount] = {};  // table, rows and cells

  TagTable();
  static size_t idx(Tag t) { return static_cast<size_t>(t); }
};


const TagTable& tags();

inline size_t ti(Tag t) { return static_cast<size_t>(t); }

enum : uint8_t {
  kText = 1,
  kInLink = 2,
  kPruned = 4,
  kHint = 8,        // content hint: itemprop=articleBody, content class
  kUnit = 16,       // scores as a paragraph unit
  kByClass = 32,    // the verdict comes from class/id/role, not from the tag
  kStrong = 64,     // a boilerplate verdict that prose does not override
  kInComments = 128,  // a comment section (verdict comments) or inside one
};

// 48 bytes: there is one for nearly every node under <body>. What only
// the constructor needs is in Page::Tally.
struct NodeInfo {
  const Node* node = nullptr;
  int32_t parent = -1;
  int32_t end = 0;          // one past the last descendant
  uint8_t flags = 0;
  Verdict verdict = Verdict::none;
  bool scored = false;
  bool weak_name : 1 = false;  // boilerplate by weak class tokens only (ClassFacts::weak)
  bool dialog : 1 = false;     // role="dialog": a box over the page, whatever it holds
  bool repeated : 1 = false;   // weak_name, with a class that min_cards elements share
  bool notice : 1 = false;     // named like a notice box (ClassFacts::notice)
  uint32_t raw_words = 0;   // all words in the subtree, pruned or not
  uint32_t words = 0;       // kept words
  uint32_t link_words = 0;  // kept words inside links
  uint32_t prose_words = 0;  // kept words in long, link-light units of the subtree
  uint32_t unit_words = 0;   // kept non-link words in units of min_paragraph_words or more
  float score = 0;
  float base = 0;  // the tag/class/hint part of score
};

inline bool is_heading(Tag t) { return t >= Tag::h1 && t <= Tag::h6; }

// Per-page caches keyed by class strings (include/saring/view_map.h).
template <class V>
using ClassCache = ViewMap<V>;

// The page flattened, pruned and scored (steps 1-3 of the cascade).
class Page {
 public:
  // With `trust_tags_only`, class and id names prune nothing but the strong
  // markers (overlays, consent, sign-up): the retry of a page whose text
  // all sat under names like "sidebar_content" or "item-caption".
  Page(const html::Document& doc, const ExtractOptions& options, bool trust_tags_only = false);

  // The page's own title, as <title> (whole and split at " - ", " | ", ...)
  // and every <h1>: a body block repeating it is furniture.
  std::unordered_set<std::string> titles;

  std::vector<NodeInfo> nodes;
  const ExtractOptions& options_;
  const Vocabulary& vocab_;
  const Thresholds& th_;
  uint64_t good_words = 0;  // words in paragraph units outside pruned subtrees
  // Whether some subtree was pruned by its class or id name alone (not a
  // strong marker): only then can trust_tags_only find more.
  bool pruned_by_name = false;
  // Elements named like a standfirst (see find_lead), in document order.
  std::vector<int32_t> leads;
  // Elements named like a description and not a standfirst, in document order.
  std::vector<int32_t> descriptions;
  // Elements named like a recipe's ingredient list (ClassFacts::ingredients),
  // in document order; the outermost of nested ones only.
  std::vector<int32_t> ingredients;

 private:
  // The steps of the constructor are declared inline: they are defined in
  // flat_page.cc, their only caller, and compile into it as one function.

  // What class and id say about an element. Class lists repeat across a page
  // (every card, every comment), so facts are cached per distinct class
  // string when the element has no id, and the class half (ClassPart) when
  // it has one.
  ClassCache<ClassFacts> class_cache_;
  ClassCache<ClassPart> part_cache_;
  ClassFacts scratch_;
  bool trust_tags_only_ = false;
  inline const ClassFacts& class_facts(std::string_view cls, std::string_view id);

  // Per-entry counts that only pruning, measuring and scoring read, filled
  // while flattening and in prune()'s passes; freed when the constructor
  // is done, before the later stages allocate theirs.
  struct Tally {
    int32_t unit_of = -1;     // nearest ancestor entry with kUnit, or -1
    uint32_t own = 0;         // unit: non-link words owned directly, pruned or not
    uint32_t hint_words = 0;  // words under content-hint containers (entry-content, ...)
    uint32_t raw_links = 0;   // words inside links, pruned or not
    uint32_t long_count = 0;  // long paragraphs (own >= long_paragraph_words) in the subtree
    uint32_t long_words = 0;  // ... and their words
    uint32_t own_words = 0;   // unit: kept non-link words owned directly (inline descendants)
    uint32_t own_commas = 0;
    uint32_t own_segments = 0;
    int8_t class_weight = 0;  // Vocabulary::class_weight of class + id
  };
  std::vector<Tally> tally_;  // parallel to nodes
  std::vector<int32_t> h1s_;  // entries of <h1> elements
  std::vector<int32_t> weak_named_;  // entries with weak_name and a class
  // Ids that a control so far names in aria-controls: the panels it opens.
  // A set: a page may hold thousands of controls and of hidden panels.
  std::unordered_set<std::string_view> controlled_;
  // React's streamed parts (<div hidden id="S:n">) by n, found on the first
  // placeholder; each placeholder's part, from the page's scripts; the parts
  // read so far, in a placeholder's place or where they stand, so that none
  // is read twice.
  std::unordered_map<std::string_view, const Node*> parks_;
  std::unordered_map<std::string_view, std::string_view> moves_;
  std::unordered_set<const Node*> parks_read_;
  bool parks_found_ = false;
  inline const Node* take_park(const Node* placeholder, const Node* start);

  // Appends the entry of a text node (a leaf; half of all entries, so
  // written straight into place rather than through add_element's checks).
  inline void add_text(const Node* n, int32_t parent);

  inline void flatten(const Node* start);
  inline void collect_titles(const html::Document& doc);

  // Decides which subtrees are pruned, from counts made before pruning.
  // Two passes: one bottom-up (children come after their parent in document
  // order, so a reverse walk sees every subtree complete), then one
  // top-down that prunes and, for kept text, credits its unit (measure()
  // continues from there).
  inline void prune();
  inline bool is_repeated_widget(size_t i) const;
  inline bool is_section_header(size_t i) const;
  inline bool opens_admonition(size_t i) const;
  inline void mark_repeated();

  // Kept words, link words and paragraph units (own_words, own_commas and
  // own_segments were counted by prune()).
  inline void measure();
  inline void add_score(int32_t i, double s);
};

inline double link_density(const NodeInfo& n) {
  return n.words == 0 ? 0.0 : static_cast<double>(n.link_words) / n.words;
}

}  // namespace saring::extract::detail
