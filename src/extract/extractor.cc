// Main-content extraction as a staged cascade.
//
// 1. Flatten. One explicit-stack walk over <body> copies the tree into a
//    vector of NodeInfo in document order (each entry knows its parent and the
//    end of its subtree), dropping what never carries text (script, style,
//    forms controls, embeds) and giving every element a verdict from its tag
//    and its class/id/role tokens (vocabulary.h). Text nodes get their
//    script-aware word count once, credited to their nearest unit ancestor.
// 2. Prune. One bottom-up pass gives each subtree its raw word count (and
//    link, hint and long-paragraph words); a top-down pass prunes a subtree
//    with a boilerplate verdict unless it carries most of the page's words (a
//    safeguard against wrappers named "has-sidebar" or similar). A second
//    bottom-up pass sums the kept words, link words and unit words.
// 3. Score (readability's idea, our weights). Each block element that owns
//    enough non-link text is a "paragraph unit"; its score (1 per segment,
//    commas, length points) goes to its parent, half to the grandparent and a
//    sixth to the great-grandparent. Containers get tag and class weights,
//    content hints (itemprop=articleBody, entry-content, <article>), and are
//    scaled by (1 - link density). The best container, possibly replaced by
//    an ancestor shared by other strong candidates, plus the siblings that
//    look like part of it, form the main content.
// 4. Collect. A walk over the chosen subtrees turns inline runs into blocks
//    (paragraph, heading, list item, quote, code, table, image), then residual
//    filters drop link-heavy blocks, boilerplate phrases, photo credits,
//    editor initials and repeated blocks.
// 5. Cascade. When the main result is short against the page's good text,
//    the nearest ancestor holding much more good text is collected instead
//    (stage wider); when that also fails, every kept block of the body
//    (stage body).
//
// Nothing recurses over the DOM, and no regular expression runs per node.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "saring/view_map.h"
#include "saring/extract.h"
#include "saring/text.h"
#include "saring/utf8.h"
#include "vocabulary.h"

namespace saring::extract {

namespace {

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

  TagTable() {
    for (Tag t : {Tag::head, Tag::title, Tag::meta, Tag::link, Tag::base, Tag::script,
                  Tag::style, Tag::template_, Tag::iframe, Tag::svg, Tag::math,
                  Tag::canvas, Tag::object, Tag::embed, Tag::input, Tag::button, Tag::select,
                  Tag::textarea, Tag::label, Tag::option, Tag::dialog, Tag::menu, Tag::source,
                  Tag::video, Tag::audio}) {
      drop[idx(t)] = true;
    }
    for (Tag t : {Tag::html, Tag::body, Tag::p, Tag::div, Tag::section, Tag::article, Tag::main,
                  Tag::header, Tag::footer, Tag::nav, Tag::aside, Tag::h1, Tag::h2, Tag::h3,
                  Tag::h4, Tag::h5, Tag::h6, Tag::ul, Tag::ol, Tag::li, Tag::dl, Tag::dt, Tag::dd,
                  Tag::blockquote, Tag::pre, Tag::table, Tag::thead, Tag::tbody, Tag::tfoot,
                  Tag::tr, Tag::td, Tag::th, Tag::caption, Tag::figure, Tag::figcaption,
                  Tag::address, Tag::details, Tag::summary, Tag::center, Tag::form, Tag::hr}) {
      block[idx(t)] = true;
    }
    for (Tag t : {Tag::p, Tag::pre, Tag::td, Tag::blockquote, Tag::dd, Tag::li, Tag::div,
                  Tag::section, Tag::article, Tag::main, Tag::center, Tag::th, Tag::dt, Tag::form, Tag::body}) {
      unit[idx(t)] = true;
    }
    // <noscript> is usually "enable JavaScript" or a tracking pixel, but some
    // sites put their whole crawler view there: boilerplate with safeguards.
    for (Tag t : {Tag::nav, Tag::aside, Tag::footer, Tag::header, Tag::noscript}) {
      verdict[idx(t)] = Verdict::boilerplate;
    }
    verdict[idx(Tag::figcaption)] = Verdict::caption;
    for (Tag t : {Tag::table, Tag::thead, Tag::tbody, Tag::tfoot, Tag::tr, Tag::td, Tag::th}) {
      table_part[idx(t)] = true;
    }
    const TagWeights& w = vocabulary().thresholds().tag_weights;
    weight[idx(Tag::div)] = w.div;
    weight[idx(Tag::article)] = w.article;
    weight[idx(Tag::main)] = w.main;
    weight[idx(Tag::section)] = w.section;
    for (Tag t : {Tag::pre, Tag::td, Tag::blockquote}) weight[idx(t)] = w.text_block;
    for (Tag t : {Tag::address, Tag::ol, Tag::ul, Tag::dl, Tag::dd, Tag::dt, Tag::li, Tag::form}) {
      weight[idx(t)] = w.list;
    }
    for (Tag t : {Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6, Tag::th}) {
      weight[idx(t)] = w.heading;
    }
  }
  static size_t idx(Tag t) { return static_cast<size_t>(t); }
};

const TagTable& tags() {
  static const TagTable t;
  return t;
}

size_t ti(Tag t) { return static_cast<size_t>(t); }

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

struct NodeInfo {
  const Node* node = nullptr;
  int32_t parent = -1;
  int32_t end = 0;          // one past the last descendant
  uint8_t flags = 0;
  Verdict verdict = Verdict::none;
  uint32_t raw_words = 0;   // all words in the subtree, pruned or not
  uint32_t words = 0;       // kept words
  uint32_t link_words = 0;  // kept words inside links
  uint32_t own_words = 0;   // unit: non-link words owned directly (inline descendants)
  uint32_t own_commas = 0;
  uint32_t own_segments = 0;
  uint32_t prose_words = 0;  // kept words in long, link-light units of the subtree
  uint32_t unit_words = 0;   // kept non-link words in units of min_paragraph_words or more
  float score = 0;
  float base = 0;  // the tag/class/hint part of score
  int8_t class_weight = 0;  // Vocabulary::class_weight of class + id
  bool scored = false;
};

bool is_heading(Tag t) { return t >= Tag::h1 && t <= Tag::h6; }

// Commas (',', U+FF0C) and ideographic commas and full stops (U+3001,
// U+3002) in s. Runs over every kept paragraph's text, so 16 bytes are tested
// at once (SSE2) for the three bytes that can start one; only the few hits
// are looked at one by one. Each position is judged alone, exactly as the
// byte loop below does, so both paths give the same count.
size_t count_commas(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto at = [&](size_t i) -> size_t {
    unsigned char c = p[i];
    if (c == ',') return 1;
    if (c == 0xEF) return i + 2 < n && p[i + 1] == 0xBC && p[i + 2] == 0x8C;  // U+FF0C
    if (c == 0xE3) return i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x81 || p[i + 2] == 0x82);
    return 0;
  };
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), ef = _mm_set1_epi8(static_cast<char>(0xEF)),
                e3 = _mm_set1_epi8(static_cast<char>(0xE3));
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, comma),
                               _mm_or_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(v, e3)));
    for (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m; m &= m - 1)
      count += at(i + static_cast<size_t>(__builtin_ctz(m)));
  }
#endif
  for (; i < n; ++i) count += at(i);
  return count;
}

// Turns '\n' and '\r' into ' ' in place. Every text node of the chosen
// content passes here, and most 16-byte runs hold no line break: SSE2 finds
// the few that do.
void breaks_to_spaces(char* p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    unsigned m = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr))));
    for (; m; m &= m - 1) p[i + static_cast<size_t>(__builtin_ctz(m))] = ' ';
  }
#endif
  for (; i < n; ++i)
    if (p[i] == '\n' || p[i] == '\r') p[i] = ' ';
}

// Whether a style attribute hides the element (display:none or
// visibility:hidden, with or without the space, any case), in one pass:
// only positions holding 'd' or 'v' (either case) can start one.
bool hidden_style(std::string_view style) {
  static constexpr std::string_view kHiding[] = {"display:none", "display: none",
                                                 "visibility:hidden", "visibility: hidden"};
  for (size_t i = 0; i < style.size(); ++i) {
    char c = static_cast<char>(style[i] | 0x20);
    if (c != 'd' && c != 'v') continue;
    for (std::string_view needle : kHiding) {
      if (needle[0] != c || style.size() - i < needle.size()) continue;
      size_t j = 1;
      for (; j < needle.size(); ++j) {
        char a = style[i + j];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
        if (a != needle[j]) break;
      }
      if (j == needle.size()) return true;
    }
  }
  return false;
}

// True for a text of fewer than 16 bytes of ASCII white space: the
// indentation between tags, a good share of all text nodes, which has no
// words; checking costs less than a call to count_words (whose 16-byte SIMD
// step does not apply to such short texts).
bool is_short_blank(std::string_view s) {
  if (s.size() >= 16) return false;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  return true;
}

// Script-aware word count (text::count_words has the ASCII fast path).
using text::count_words;

// ---- the flattened page -----------------------------------------------------

// Per-page caches keyed by class strings (include/saring/view_map.h).
template <class V>
using ClassCache = ViewMap<V>;

class Page {
 public:
  Page(const html::Document& doc, const ExtractOptions& options)
      : options_(options), vocab_(vocabulary()), th_(vocab_.thresholds()) {
    const Node* start = doc.body();
    if (!start) start = doc.html();
    if (!start) start = doc.root();
    nodes.reserve(doc.node_count());  // one allocation: the vector never moves
    tally_.reserve(doc.node_count());
    flatten(start);
    prune();
    measure();
    collect_titles(doc);
  }

  // What class and id say about an element. Class lists repeat across a page
  // (every card, every comment), so facts are cached per distinct class
  // string when the element has no id, and the class half (ClassPart) when
  // it has one.
  ClassCache<ClassFacts> class_cache_;
  ClassCache<ClassPart> part_cache_;
  ClassFacts scratch_;

  const ClassFacts& class_facts(std::string_view cls, std::string_view id) {
    static const ClassFacts kNone;
    if (cls.empty() && id.empty()) return kNone;
    if (!id.empty() && !is_slug(id)) {
      static const ClassPart kNoPart;
      const ClassPart* cp = &kNoPart;
      if (!cls.empty()) {
        auto [part, inserted] = part_cache_.try_emplace(cls);
        if (inserted) *part = vocab_.analyze_part(cls, true);
        cp = part;
      }
      scratch_ = vocab_.combine(*cp, vocab_.analyze_part(id, false), cls);
      return scratch_;
    }
    auto [facts, inserted] = class_cache_.try_emplace(cls);
    if (inserted) *facts = vocab_.analyze(cls, id);
    return *facts;
  }

  // The page's own title, as <title> (whole and split at " - ", " | ", ...)
  // and every <h1>: a body block repeating it is furniture.
  std::unordered_set<std::string> titles;

  std::vector<NodeInfo> nodes;
  const ExtractOptions& options_;
  const Vocabulary& vocab_;
  const Thresholds& th_;
  uint64_t good_words = 0;  // words in paragraph units outside pruned subtrees

 private:
  // Per-entry counts that only pruning and measuring read, filled while
  // flattening and in prune()'s one bottom-up pass.
  struct Tally {
    int32_t unit_of = -1;     // nearest ancestor entry with kUnit, or -1
    uint32_t own = 0;         // unit: non-link words owned directly, pruned or not
    uint32_t hint_words = 0;  // words under content-hint containers (entry-content, ...)
    uint32_t raw_links = 0;   // words inside links, pruned or not
    uint32_t long_count = 0;  // long paragraphs (own >= long_paragraph_words) in the subtree
    uint32_t long_words = 0;  // ... and their words
  };
  std::vector<Tally> tally_;  // parallel to nodes
  std::vector<int32_t> h1s_;  // entries of <h1> elements

  // Appends the entry of a text node (a leaf; half of all entries, so
  // written straight into place rather than through add_element's checks).
  void add_text(const Node* n, int32_t parent) {
    const int32_t index = static_cast<int32_t>(nodes.size());
    const uint8_t inherited = parent >= 0 ? (nodes[parent].flags & (kInLink | kInComments)) : 0;
    // The nearest unit ancestor owns a text's words (parents come first).
    const int32_t unit_of =
        parent < 0 ? -1 : ((nodes[parent].flags & kUnit) ? parent : tally_[parent].unit_of);
    const uint32_t words =
        is_short_blank(n->text) ? 0 : static_cast<uint32_t>(count_words(n->text));
    NodeInfo& info = nodes.emplace_back();
    info.node = n;
    info.parent = parent;
    info.end = index + 1;
    info.flags = kText | inherited;
    info.raw_words = words;
    tally_.push_back(Tally{unit_of});
    if (unit_of >= 0 && !(inherited & kInLink)) tally_[unit_of].own += words;
  }

  void flatten(const Node* start) {
    const TagTable& tt = tags();
    // Appends the entry of an element; false when it is dropped (nothing added).
    auto add_element = [&](const Node* n, int32_t parent) -> bool {
      size_t t = ti(n->tag);
      if (tt.drop[t]) return false;
      NodeInfo info;
      info.node = n;
      info.parent = parent;
      uint8_t inherited = parent >= 0 ? (nodes[parent].flags & (kInLink | kInComments)) : 0;
      int32_t unit_of =
          parent < 0 ? -1 : ((nodes[parent].flags & kUnit) ? parent : tally_[parent].unit_of);
      info.flags = inherited | (n->tag == Tag::a ? kInLink : 0);
      Verdict v = tt.verdict[t];
      // One pass over the attributes.
      std::string_view cls, id, role, style, itemprop;
      bool hidden = false;
      for (uint32_t k = 0; k < n->attr_count; ++k) {
        const html::Attribute& a = n->attrs[k];
        // Dispatch on the name's length first: most attributes (href, src,
        // data-*) match none of these, and each test is one fixed-size compare.
        const std::string_view nm = a.name;
        switch (nm.size()) {
          case 2: if (name_is(nm, "id")) id = a.value; break;
          case 4: if (name_is(nm, "role")) role = a.value; break;
          case 5:
            if (name_is(nm, "class")) cls = a.value;
            else if (name_is(nm, "style")) style = a.value;
            break;
          case 6: if (name_is(nm, "hidden")) hidden = true; break;
          case 8: if (name_is(nm, "itemprop")) itemprop = a.value; break;
          case 11:
            if (name_is(nm, "aria-hidden") && a.value == "true") hidden = true;
            break;
          default: break;
        }
      }
      if (!style.empty() && hidden_style(style)) hidden = true;
      const ClassFacts& facts = class_facts(cls, id);
      Verdict cv = facts.verdict;
      if (cv == Verdict::none && !role.empty()) cv = vocab_.classify({}, {}, role);
      // Tab panels and accordions are hidden until clicked, not boilerplate.
      bool disclosure = facts.disclosure || role == "tabpanel" || is_streamed_id(id);
      if (disclosure && (cv == Verdict::hidden || hidden)) {
        cv = Verdict::none;
        hidden = false;
      }
      if (cv == Verdict::hidden || hidden) {
        v = Verdict::hidden;
      } else if (cv != Verdict::none && (v == Verdict::none || cv == Verdict::comments)) {
        v = cv;
        info.flags |= kByClass;
        if (facts.strong) info.flags |= kStrong;
      }
      if (n->tag == Tag::body || n->tag == Tag::html) v = Verdict::none;
      // Table parts are judged by their content: "sticky-header" on a data
      // table says how it scrolls, not that it is the page header.
      if ((info.flags & kByClass) && v != Verdict::hidden && tt.table_part[t]) {
        v = Verdict::none;
        info.flags &= static_cast<uint8_t>(~(kByClass | kStrong));
      }
      info.verdict = v;
      info.class_weight = facts.weight;
      if (itemprop == "articleBody" || facts.hint) info.flags |= kHint;
      if (tt.unit[t] || is_heading(n->tag)) info.flags |= kUnit;
      if (v == Verdict::comments) info.flags |= kInComments;
      if (n->tag == Tag::h1) h1s_.push_back(static_cast<int32_t>(nodes.size()));
      nodes.push_back(info);
      tally_.push_back(Tally{unit_of});
      return true;
    };
    if (start->type == NodeType::text) {
      add_text(start, -1);
      return;
    }
    if (start->type != NodeType::element || !add_element(start, -1)) return;
    // Iterative pre-order: the stack holds the path from `start` to the node
    // whose children are being visited; each frame has the entry of its
    // element and the next child to visit.
    struct Frame {
      const Node* next;
      int32_t index;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame{start->first_child, 0});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const Node* child = frame.next;
      if (!child) {
        nodes[frame.index].end = static_cast<int32_t>(nodes.size());
        stack.pop_back();
        continue;
      }
      frame.next = child->next_sibling;
      const int32_t parent = frame.index;
      if (child->type == NodeType::text) {
        add_text(child, parent);
      } else if (child->type == NodeType::element) {
        const int32_t index = static_cast<int32_t>(nodes.size());
        if (add_element(child, parent)) stack.push_back(Frame{child->first_child, index});
      }
    }
  }

  void collect_titles(const html::Document& doc) {
    auto add = [&](std::string_view raw) {
      std::string t = text::collapse_whitespace(raw);
      if (t.empty() || t.size() > 400) return;
      titles.insert(t);
      for (std::string_view sep : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 "}) {
        size_t at = t.find(sep);
        if (at != std::string::npos && at > 0) {
          titles.insert(t.substr(0, at));
          titles.insert(t.substr(at + sep.size()));
        }
      }
    };
    if (const Node* head = doc.head()) {
      html::walk(head, [&](const Node* n) {
        if (n->is(Tag::title)) {
          add(html::inner_text(n));
          return false;
        }
        return true;
      });
    }
    for (int32_t i : h1s_) {
      std::string s;
      for (int32_t k = static_cast<int32_t>(i) + 1; k < nodes[i].end; ++k) {
        if (nodes[k].flags & kText) s.append(nodes[k].node->text);
      }
      add(s);
    }
  }

  // Decides which subtrees are pruned, from counts made before pruning.
  // Two passes: one bottom-up (children come after their parent in document
  // order, so a reverse walk sees every subtree complete), then one
  // top-down that prunes and, for kept text, credits its unit (measure()
  // continues from there).
  void prune() {
    if (nodes.empty()) return;
    // Forum threads and Q&A pages: their content is a list of posts marked up
    // like comments. When comment sections hold nearly all of the page's prose
    // and nothing outside them reads like an article, they are the content.
    uint64_t comment_prose = 0;   // long-paragraph words in comment sections
    bool marked_article = false;  // a content hint outside the comments
    for (size_t i = nodes.size(); i-- > 0;) {
      NodeInfo& n = nodes[i];
      Tally& t = tally_[i];
      if ((n.flags & kText) && (n.flags & kInLink)) t.raw_links = n.raw_words;
      if (n.flags & kHint) t.hint_words = std::max(t.hint_words, n.raw_words);
      if (t.own >= th_.long_paragraph_words) {
        t.long_count += 1;
        t.long_words += t.own;
      }
      int32_t p = n.parent;
      if (n.flags & kInComments) {
        // The outermost comment sections (text nodes carry no verdict).
        if (n.verdict == Verdict::comments && (p < 0 || !(nodes[p].flags & kInComments)))
          comment_prose += t.long_words;
      } else if ((n.flags & kHint) && n.raw_words >= th_.prune_safeguard_hint_words) {
        marked_article = true;
      }
      if (p >= 0 && i > 0) {
        Tally& pt = tally_[p];
        nodes[p].raw_words += n.raw_words;
        pt.hint_words += t.hint_words;
        pt.raw_links += t.raw_links;
        pt.long_count += t.long_count;
        pt.long_words += t.long_words;
      }
    }
    double total = nodes[0].raw_words;
    double total_long = tally_[0].long_words;
    double outside = total_long - static_cast<double>(comment_prose);
    bool comments_are_content = !marked_article && comment_prose >= th_.forum_min_prose_words &&
                                outside < th_.forum_outside_prose_share * comment_prose;
    for (size_t i = 0; i < nodes.size(); ++i) {
      NodeInfo& n = nodes[i];
      if (n.flags & kPruned) {  // under a pruned element, marked below
        continue;
      }
      if (n.flags & kText) {
        // Kept text: its nearest unit ancestor owns its words.
        int32_t u = tally_[i].unit_of;
        if (u < 0 || (n.flags & kInLink)) continue;
        nodes[u].own_words += n.raw_words;
        nodes[u].own_commas += static_cast<uint32_t>(count_commas(n.node->text));
        // A new segment starts at the unit's first text and after each <br>.
        const Node* prev = n.node->prev_sibling;
        if (nodes[u].own_segments == 0 || (prev && prev->is(Tag::br))) ++nodes[u].own_segments;
        continue;
      }
      if (n.verdict == Verdict::none) continue;
      if (comments_are_content && n.verdict == Verdict::comments) continue;
      const Tally& t = tally_[i];
      // Hidden subtrees are kept only with real paragraph structure (the
      // streamed HTML of script-rendered pages); a hidden one-blob copy of
      // the article (text-to-speech, SEO) stays out.
      bool structured = n.verdict != Verdict::hidden ||
                        t.long_count >= th_.prune_safeguard_long_paragraphs;
      double share = n.verdict == Verdict::comments ? th_.prune_safeguard_share_comments
                                                    : th_.prune_safeguard_share;
      bool carries_page = n.raw_words >= th_.prune_safeguard_min_words &&
                          n.raw_words >= share * total;
      // A subtree holding the marked article body is not boilerplate, whatever
      // its class says ("widget Blog", "l-sidebar-fixed", "article modal").
      bool holds_article = structured && t.hint_words >= th_.prune_safeguard_hint_words;
      // Nor is one made of several long paragraphs holding much of the page's
      // prose: a layout class ("sidebar-first-only", "has-widgets") said too much.
      bool holds_prose = !(n.flags & kStrong) &&
                         (n.verdict == Verdict::boilerplate || n.verdict == Verdict::hidden) &&
                         t.long_count >= th_.prune_safeguard_long_paragraphs &&
                         t.long_words >= th_.prune_safeguard_prose_share * total_long;
      // A class name alone does not make link-free prose boilerplate
      // ("hub--header" holding the introduction).
      bool plain_prose = (n.flags & kByClass) && !(n.flags & kStrong) &&
                         n.verdict == Verdict::boilerplate &&
                         n.raw_words >= th_.prune_safeguard_prose_words &&
                         t.raw_links <= th_.prune_safeguard_prose_links * n.raw_words &&
                         t.long_count >= 2;
      if (!carries_page && !holds_article && !holds_prose && !plain_prose) n.flags |= kPruned;
#ifdef SARING_EXTRACT_TRACE  // debugging aid: -DSARING_EXTRACT_TRACE, then TRACE_PRUNE=1
      if (getenv("TRACE_PRUNE") && (n.flags & kPruned)) fprintf(stderr, "prune %s.%s#%s v=%d raw=%u hint=%u\n", std::string(n.node->name).c_str(), std::string(n.node->attr("class")).c_str(), std::string(n.node->attr("id")).c_str(), (int)n.verdict, n.raw_words, t.hint_words);
#endif
      // The whole subtree goes with it, marked in one sweep.
      if (n.flags & kPruned) {
        for (int32_t k = static_cast<int32_t>(i) + 1; k < n.end; ++k) nodes[k].flags |= kPruned;
      }
    }
  }

  // Kept words, link words and paragraph units (own_words, own_commas and
  // own_segments were counted by prune()).
  void measure() {
    // Bottom-up sums of the kept subtrees; units with enough words add theirs
    // to unit_words (and long ones to prose_words) of themselves and every
    // ancestor. The units are listed for scoring, last first.
    std::vector<int32_t> units;
    for (size_t i = nodes.size(); i-- > 0;) {
      NodeInfo& n = nodes[i];
      if (n.flags & kPruned) continue;
      if (n.flags & kText) {
        n.words = n.raw_words;
        if (n.flags & kInLink) n.link_words = n.raw_words;
      } else if ((n.flags & kUnit) && n.own_words >= th_.min_paragraph_words) {
        units.push_back(static_cast<int32_t>(i));
        n.unit_words += n.own_words;
        if (!is_heading(n.node->tag) && n.own_words >= th_.long_paragraph_words)
          n.prose_words += n.own_words;
      }
      if (n.parent >= 0) {
        NodeInfo& p = nodes[n.parent];
        p.words += n.words;
        p.link_words += n.link_words;
        p.unit_words += n.unit_words;
        p.prose_words += n.prose_words;
      }
    }
    // Scores from paragraph units, in document order (the float sums must
    // add up in the same order every time).
    for (size_t k = units.size(); k-- > 0;) {
      const int32_t i = units[k];
      NodeInfo& n = nodes[i];
      if (is_heading(n.node->tag)) continue;
      good_words += n.own_words;
      double segments = std::max<uint32_t>(1, n.own_segments);
      double score = segments + n.own_commas +
                     std::min(n.own_words / th_.words_per_length_point,
                              th_.max_length_points * segments);
      bool generic = n.node->tag == Tag::div || n.node->tag == Tag::section ||
                     n.node->tag == Tag::article || n.node->tag == Tag::main ||
                     n.node->tag == Tag::body || n.node->tag == Tag::td ||
                     n.node->tag == Tag::form || n.node->tag == Tag::center;
      if (generic) add_score(i, score);
      int32_t a = n.parent;
      // Readability's propagation: parent 1, grandparent 1/2, then 1/(3 level).
      for (int level = 0; a >= 0 && level < th_.score_levels; ++level, a = nodes[a].parent) {
        double divisor = level == 0 ? 1 : (level == 1 ? 2 : level * 3);
        add_score(a, score / divisor);
      }
    }
  }

  void add_score(int32_t i, double s) {
    NodeInfo& n = nodes[i];
    if (!n.scored) {
      n.scored = true;
      const Node* e = n.node;
      double init = tags().weight[ti(e->tag)];
      init += th_.class_weight * n.class_weight;
      if (n.flags & kHint) init += th_.class_weight;
      n.score = static_cast<float>(init);
      n.base = static_cast<float>(init);
    }
    n.score += static_cast<float>(s);
  }
};

double link_density(const NodeInfo& n) {
  return n.words == 0 ? 0.0 : static_cast<double>(n.link_words) / n.words;
}

// ---- collecting blocks --------------------------------------------------------

struct RawBlock {
  Block block;
  size_t text_bytes = 0;
  size_t link_bytes = 0;
  // count_words(block.text), when the collector could tell it from its text
  // nodes' word counts (see Collector::append_text).
  size_t words = 0;
  bool words_known = false;
};

class Collector {
 public:
  Collector(const Page& page, bool comments_mode)
      : page_(page), nodes_(page.nodes), opt_(page.options_), comments_mode_(comments_mode),
        plain_(!opt_.include_links && !opt_.include_formatting) {}

  std::vector<RawBlock> out;

  void collect(int32_t root) {
    const TagTable& tt = tags();
    std::vector<int32_t> open;  // element entries whose subtree we are inside
    int32_t end = nodes_[root].end;
    int32_t i = root;
    while (i < end) {
      while (!open.empty() && nodes_[open.back()].end <= i) {
        leave(open.back());
        open.pop_back();
      }
      const NodeInfo& n = nodes_[i];
      if (skipped(n) && i != root) {
        i = n.end;
        continue;
      }
      if (n.flags & kText) {
        append_text(n);
        ++i;
        continue;
      }
      const Node* e = n.node;
      Tag t = e->tag;
      if (t == Tag::table) {
        int decision = table_kind(i);
        if (decision != 0) {  // data table: emit or drop as a whole
          flush();
          if (opt_.include_tables) emit_table(i);
          i = n.end;
          continue;
        }
      }
      if (t == Tag::img) {
        if (opt_.include_images && !comments_mode_) emit_image(e);
        i = n.end;
        continue;
      }
      if (t == Tag::br) {
        buf_.push_back('\n');
        tail_ = '\n';
        i = n.end;
        continue;
      }
      if (tt.block[ti(t)]) flush();
      enter(i);
      open.push_back(i);
      ++i;
    }
    while (!open.empty()) {
      leave(open.back());
      open.pop_back();
    }
    flush();
  }

 private:
  bool skipped(const NodeInfo& n) const {
    if (!(n.flags & kPruned)) return false;
    if (comments_mode_ && n.verdict == Verdict::comments) return false;
    if (comments_mode_ && n.parent >= 0 && !(nodes_[n.parent].flags & kPruned)) return true;
    // Inside a comment root: only skip what is pruned for another reason.
    if (comments_mode_) return n.verdict != Verdict::none;
    return true;
  }

  void enter(int32_t i) {
    const Node* e = nodes_[i].node;
    Tag t = e->tag;
    if (is_heading(t)) {
      heading_ = static_cast<int>(t) - static_cast<int>(Tag::h1) + 1;
    } else if (t == Tag::ul || t == Tag::ol || t == Tag::menu) {
      lists_.push_back(t == Tag::ol);
    } else if (t == Tag::li) {
      ++items_;
    } else if (t == Tag::blockquote) {
      ++quotes_;
    } else if (t == Tag::pre) {
      ++pre_;
    } else if (t == Tag::a) {
      if (opt_.include_links && !pre_) {
        link_marks_.push_back(buf_.size());
        buf_.push_back('[');
      }
      ++links_;
    } else if (opt_.include_formatting && !pre_) {
      std::string_view mark = format_mark(t);
      if (!mark.empty()) {
        format_marks_.push_back(buf_.size());
        buf_.append(mark);
      }
    }
  }

  void leave(int32_t i) {
    const Node* e = nodes_[i].node;
    Tag t = e->tag;
    const TagTable& tt = tags();
    if (t == Tag::a) {
      if (opt_.include_links && !pre_ && !link_marks_.empty()) {
        size_t start = link_marks_.back();
        link_marks_.pop_back();
        std::string_view href = e->attr("href");
        bool has_text = buf_.find_first_not_of(" \t\r\n", start + 1) != std::string::npos;
        if (has_text && !href.empty() && href.substr(0, 11) != "javascript:") {
          buf_.append("](");
          buf_.append(href);
          buf_.push_back(')');
        } else {
          buf_.erase(start, 1);
        }
      }
      if (links_ > 0) --links_;
      return;
    }
    if (opt_.include_formatting && !pre_) {
      std::string_view mark = format_mark(t);
      if (!mark.empty() && !format_marks_.empty()) {
        size_t start = format_marks_.back();
        format_marks_.pop_back();
        bool has_text = buf_.find_first_not_of(" \t\r\n", start + mark.size()) != std::string::npos;
        if (has_text) {
          // Keep the closing mark tight against the text.
          size_t trail = buf_.size();
          while (trail > start && (buf_[trail - 1] == ' ' || buf_[trail - 1] == '\n')) --trail;
          std::string tail = buf_.substr(trail);
          buf_.resize(trail);
          buf_.append(mark);
          buf_.append(tail);
        } else {
          buf_.erase(start, mark.size());
        }
        return;
      }
    }
    if (tt.block[ti(t)]) flush();
    if (is_heading(t)) {
      heading_ = 0;
    } else if (t == Tag::ul || t == Tag::ol || t == Tag::menu) {
      if (!lists_.empty()) lists_.pop_back();
    } else if (t == Tag::li) {
      if (items_ > 0) --items_;
    } else if (t == Tag::blockquote) {
      if (quotes_ > 0) --quotes_;
    } else if (t == Tag::pre) {
      if (pre_ > 0) --pre_;
    }
  }

  static std::string_view format_mark(Tag t) {
    switch (t) {
      case Tag::b: case Tag::strong: return "**";
      case Tag::i: case Tag::em: return "*";
      case Tag::code: case Tag::kbd: case Tag::samp: case Tag::tt: return "`";
      default: return {};
    }
  }

  // ASCII bytes that text::count_words counts as word characters (tests/extract
  // checks the two agree).
  static bool ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  void append_text(const NodeInfo& n) {
    std::string_view s = n.node->text;
    // The block's words, from the text nodes' counts (made while flattening)
    // instead of counting the block's text again: white space collapsing
    // changes no word count, so the block has the sum of its texts' words,
    // less one where a word runs on from one text into the next ("<b>Ex</b>
    // ample"). That is decided on ASCII bytes; two non-ASCII bytes meeting
    // (a script word, or bytes that might form one character) leave the count
    // to filter_blocks.
    if (!s.empty()) {
      unsigned char head = static_cast<unsigned char>(s.front());
      unsigned char tail = static_cast<unsigned char>(tail_);
      bool head_word = head >= 0x80 || ascii_word(head);
      bool tail_word = tail >= 0x80 || ascii_word(tail);
      if (head_word && tail_word) {
        if (head < 0x80 && tail < 0x80) words_ -= 1;  // the two halves are one word
        else words_known_ = false;
      }
      words_ += n.raw_words;
      tail_ = s.back();
    }
    if (pre_ > 0) {
      buf_.append(s);
    } else {
      // Source line breaks are spaces; only <br> breaks a line.
      size_t from = buf_.size();
      buf_.append(s);
      breaks_to_spaces(buf_.data() + from, s.size());
    }
    text_bytes_ += s.size();
    if (links_ > 0) link_bytes_ += s.size();
  }

  void flush() {
    if (buf_.empty()) return;
    RawBlock rb;
    Block& b = rb.block;
    if (pre_ > 0) {
      b.kind = BlockKind::code;
      // Keep the code's lines; trim blank lines around it.
      size_t first = buf_.find_first_not_of("\r\n");
      size_t last = buf_.find_last_not_of(" \t\r\n");
      if (first != std::string::npos && last != std::string::npos && last >= first) {
        b.text = buf_.substr(first, last - first + 1);
      }
    } else {
      if (heading_ > 0) {
        b.kind = BlockKind::heading;
        b.level = heading_;
      } else if (items_ > 0 && !lists_.empty()) {
        b.kind = BlockKind::list_item;
        b.level = static_cast<int>(lists_.size());
        b.ordered = lists_.back();
      } else if (quotes_ > 0) {
        b.kind = BlockKind::quote;
      } else {
        b.kind = BlockKind::paragraph;
      }
      b.text = collapse_lines(buf_);
    }
    if (comments_mode_) b.kind = BlockKind::comment;
    rb.text_bytes = text_bytes_;
    rb.link_bytes = link_bytes_;
    // Links and formatting add marks and URLs to the text; code keeps its own.
    rb.words = words_;
    rb.words_known = words_known_ && plain_ && pre_ == 0;
    words_ = 0;
    words_known_ = true;
    tail_ = ' ';
    buf_.clear();
    text_bytes_ = link_bytes_ = 0;
    link_marks_.clear();
    format_marks_.clear();
    if (b.text.empty()) return;
    out.push_back(std::move(rb));
  }

  // Each line whitespace-collapsed, empty lines dropped, written straight
  // into the result.
  static std::string collapse_lines(std::string_view s) {
    std::string result;
    result.reserve(s.size());
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t nl = s.find('\n', pos);
      if (nl == std::string_view::npos) nl = s.size();
      size_t mark = result.size();
      if (mark) result.push_back('\n');
      size_t start = result.size();
      text::append_collapsed(result, s.substr(pos, nl - pos));
      if (result.size() == start) result.resize(mark);
      pos = nl + 1;
    }
    return result;
  }

  // 0: layout table (walk through it); 1: data table.
  int table_kind(int32_t t) const {
    const NodeInfo& table = nodes_[t];
    uint32_t max_cell = 0;
    size_t rows = 0;
    for (int32_t i = t + 1; i < table.end; ++i) {
      const NodeInfo& n = nodes_[i];
      if (n.flags & kText) continue;
      Tag tag = n.node->tag;
      if (tag == Tag::table) return 0;
      if (tag == Tag::tr) ++rows;
      if (tag == Tag::td || tag == Tag::th) max_cell = std::max(max_cell, n.words);
      if (tag == Tag::p || tag == Tag::div || is_heading(tag) || tag == Tag::ul ||
          tag == Tag::blockquote) {
        if (n.words >= page_.th_.min_paragraph_words * 4) return 0;
      }
    }
    if (max_cell >= page_.th_.layout_table_cell_words) return 0;
    if (rows == 0) return 0;
    return 1;
  }

  std::string subtree_text(int32_t root) const {
    std::string s;
    const int32_t end = nodes_[root].end;
    for (int32_t i = root + 1; i < end;) {
      const NodeInfo& n = nodes_[i];
      if (n.flags & kPruned) {
        i = n.end;
        continue;
      }
      if (n.flags & kText) {
        s.append(n.node->text);
      } else if (n.node->tag == Tag::br || tags().block[ti(n.node->tag)]) {
        s.push_back(' ');
      }
      ++i;
    }
    return text::collapse_whitespace(s);
  }

  void emit_table(int32_t t) {
    RawBlock rb;
    Block& b = rb.block;
    b.kind = BlockKind::table;
    const int32_t end = nodes_[t].end;
    for (int32_t i = t + 1; i < end;) {
      const NodeInfo& n = nodes_[i];
      if ((n.flags & kPruned) || (n.flags & kText)) {
        i = (n.flags & kPruned) ? n.end : i + 1;
        continue;
      }
      Tag tag = n.node->tag;
      if (tag == Tag::caption) {
        i = n.end;
        continue;
      }
      if (tag == Tag::tr) {
        std::vector<std::string> row;
        bool any = false;
        for (int32_t c = i + 1; c < n.end; c = nodes_[c].end) {
          const NodeInfo& cell = nodes_[c];
          if (cell.flags & kText) continue;
          if (cell.node->tag != Tag::td && cell.node->tag != Tag::th) continue;
          if (cell.flags & kPruned) continue;
          row.push_back(subtree_text(c));
          if (!row.back().empty()) any = true;
          rb.text_bytes += row.back().size();
        }
        if (any) b.rows.push_back(std::move(row));
        i = n.end;
        continue;
      }
      ++i;
    }
    if (b.rows.empty()) return;
    out.push_back(std::move(rb));
  }

  void emit_image(const Node* e) {
    std::string_view src = e->attr("src");
    if (src.empty() || src.substr(0, 5) == "data:") src = e->attr("data-src");
    if (src.empty()) return;
    flush();
    RawBlock rb;
    rb.block.kind = BlockKind::image;
    rb.block.src = std::string(src);
    rb.block.alt = text::collapse_whitespace(e->attr("alt"));
    out.push_back(std::move(rb));
  }

  const Page& page_;
  const std::vector<NodeInfo>& nodes_;
  const ExtractOptions& opt_;
  bool comments_mode_;
  bool plain_;  // neither links nor formatting marks go into the text
  std::string buf_;
  size_t words_ = 0;          // words in buf_ (when words_known_)
  bool words_known_ = true;
  char tail_ = ' ';           // the last byte put in buf_ (a space when empty)
  size_t text_bytes_ = 0, link_bytes_ = 0;
  int heading_ = 0;
  std::vector<bool> lists_;
  int items_ = 0, quotes_ = 0, pre_ = 0, links_ = 0;
  std::vector<size_t> link_marks_, format_marks_;
};

// Editor initials alone on a line: "(abc)", "[ABC/DEF]", "(ant/rd)".
bool is_initials_line(std::string_view s) {
  if (s.size() < 3 || s.size() > 24) return false;
  char open = s.front(), close = s.back();
  if (!((open == '(' && close == ')') || (open == '[' && close == ']'))) return false;
  size_t letters = 0;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
    } else if (c != '/' && c != ' ' && c != '.' && c != ',' && c != '-' && c != '*') {
      return false;
    }
  }
  return letters >= 2 && letters <= 12;
}


// Kept blocks and their content_words(), counted while filtering.
struct Filtered {
  std::vector<Block> blocks;
  size_t words = 0;
};

size_t block_words(const Block& b) {
  if (b.kind != BlockKind::table) return count_words(b.text);
  size_t n = 0;
  for (const auto& row : b.rows) {
    for (const auto& cell : row) n += count_words(cell);
  }
  return n;
}

// Drops residual boilerplate blocks and repeats; returns the kept blocks.
Filtered filter_blocks(std::vector<RawBlock>&& raw, const Page& page,
                                 bool keep_links = false) {
  const ExtractOptions& opt = page.options_;
  const Vocabulary& vocab = page.vocab_;
  const Thresholds& th = vocab.thresholds();
  double max_ld = opt.focus == Focus::precision ? th.max_block_link_density_precision
                                                : th.max_block_link_density;
  // Pages without prose (listings, indexes, schedules) are made of links.
  if (opt.focus != Focus::precision && page.nodes.size() > 0 &&
      page.nodes[0].prose_words < th.listing_max_prose_words) {
    max_ld = std::max(max_ld, th.listing_link_density);
  }
  if (keep_links) max_ld = 1.0;
  auto density = [](const RawBlock& rb) {
    return rb.text_bytes ? static_cast<double>(rb.link_bytes) / rb.text_bytes : 0.0;
  };
  // A list of links between two prose paragraphs is part of the text (the
  // patches a report lists, the sources it names); at the edges it is a
  // "related" list. first_prose / last_prose bound the inside.
  size_t first_prose = raw.size(), last_prose = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    const RawBlock& rb = raw[i];
    if (rb.block.kind == BlockKind::paragraph && density(rb) <= max_ld &&
        rb.text_bytes >= th.inner_list_prose_bytes) {
      first_prose = std::min(first_prose, i);
      last_prose = i;
    }
  }
  Filtered result;
  std::vector<Block>& out = result.blocks;
  out.reserve(raw.size());  // never reallocates: `seen` views the kept texts
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < raw.size(); ++i) {
    RawBlock& rb = raw[i];
    Block& b = rb.block;
    if (b.kind == BlockKind::image || b.kind == BlockKind::table) {
      result.words += block_words(b);
      out.push_back(std::move(b));
      continue;
    }
    if (b.kind != BlockKind::code) {
      size_t words = rb.words_known ? rb.words : count_words(b.text);
      if (words == 0) continue;
      bool inner_list = b.kind == BlockKind::list_item && i > first_prose && i < last_prose &&
                        opt.focus != Focus::precision;
      if (density(rb) > max_ld && !inner_list) continue;
      if (vocab.is_boilerplate_line(b.text, words)) continue;
      if (vocab.is_credit_line(b.text, words)) continue;
      if (is_initials_line(b.text)) continue;
      if (b.kind != BlockKind::heading && page.titles.count(b.text)) continue;
      if (seen.count(b.text)) continue;
      result.words += words;
      out.push_back(std::move(b));
      seen.insert(out.back().text);
      continue;
    }
    result.words += count_words(b.text);
    out.push_back(std::move(b));
  }
  return result;
}


// The readability-style choice of the main container and its siblings.
std::vector<int32_t> choose_main(const Page& page) {
  const auto& nodes = page.nodes;
  const Thresholds& th = page.th_;
  auto final_score = [&](int32_t i) {
    const NodeInfo& n = nodes[i];
    return n.score * (1.0 - link_density(n));
  };
  int32_t top = -1;
  double top_score = 0;
  // The scored, kept entries and their final scores, in document order.
  std::vector<std::pair<int32_t, double>> candidates;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NodeInfo& n = nodes[i];
    if (!n.scored || (n.flags & kPruned)) continue;
    double s = final_score(static_cast<int32_t>(i));
    candidates.emplace_back(static_cast<int32_t>(i), s);
    if (top < 0 || s >= top_score) {
      top = static_cast<int32_t>(i);
      top_score = s;
    }
  }
  if (top < 0) return {};
  // Readability's alternative candidates: when several strong candidates
  // share an ancestor, the content is split across them.
  {
    std::vector<int32_t> alts;
    for (const auto& [i, s] : candidates) {
      if (i != top && s >= th.ancestor_score_share * top_score) alts.push_back(i);
    }
    if (alts.size() >= th.ancestor_min_candidates) {
      for (int32_t a = nodes[top].parent; a > 0; a = nodes[a].parent) {
        size_t count = 0;
        for (int32_t c : alts) {
          if (c > a && c < nodes[a].end) ++count;
        }
        if (count >= th.ancestor_min_candidates) {
          top = a;
          break;
        }
      }
    }
  }
  // Climb while the parent holds a better score (its content contains ours);
  // compared on what the text earned, so a parent's class name ("page",
  // "content") alone does not pull the choice up.
  {
    auto earned = [&](int32_t i) {
      const NodeInfo& n = nodes[i];
      return (n.score - n.base + ((n.flags & kHint) ? th.class_weight : 0.0)) *
             (1.0 - link_density(n));
    };
    double last = earned(top);
    double threshold = last / 3;
    for (int32_t a = nodes[top].parent; a > 0; a = nodes[a].parent) {
      if (!nodes[a].scored) continue;
      double s = earned(a);
      if (s < threshold) break;
      if (s > last) {
        top = a;
        break;
      }
      last = s;
    }
  }
  // Only child of its parent: the parent is the container.
  while (nodes[top].parent > 0) {
    int32_t p = nodes[top].parent;
    int elements = 0;
    for (int32_t c = p + 1; c < nodes[p].end; c = nodes[c].end) {
      const NodeInfo& n = nodes[c];
      if ((n.flags & kText) && n.words == 0) continue;
      ++elements;
    }
    if (elements != 1) break;
    top = p;
  }
  top_score = final_score(top);
#ifdef SARING_EXTRACT_TRACE
  if (getenv("TRACE_PRUNE")) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].scored && final_score(i) > 5) fprintf(stderr, "cand %zu %s.%s#%s score=%.1f final=%.1f words=%u\n", i, std::string(nodes[i].node->name).c_str(), std::string(nodes[i].node->attr("class")).c_str(), std::string(nodes[i].node->attr("id")).c_str(), nodes[i].score, final_score(i), nodes[i].words);
    }
    fprintf(stderr, "top %d\n", top);
  }
#endif
  // Siblings that belong to the article.
  std::vector<int32_t> chosen;
  int32_t parent = nodes[top].parent;
  if (parent < 0) return {top};
  double threshold = std::max(th.sibling_min_score, top_score * th.sibling_score_share);
  std::string_view top_class = nodes[top].node->attr("class");
  for (int32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    const NodeInfo& n = nodes[c];
    if (c == top) {
      chosen.push_back(c);
      continue;
    }
    if ((n.flags & kText) || (n.flags & kPruned) || n.words == 0) continue;
    double bonus = 0;
    if (!top_class.empty() && n.node->attr("class") == top_class) {
      bonus = top_score * th.sibling_same_class_bonus;
    }
    // Siblings join on what their text earned, not on their class names.
    double earned = (n.score - n.base) * (1.0 - link_density(n));
    if (n.scored && final_score(c) + bonus >= threshold && earned >= th.sibling_min_earned) {
      chosen.push_back(c);
      continue;
    }
    Tag t = n.node->tag;
    // A wrapper around prose (the lead paragraph in its own box) joins like a <p>.
    if (t != Tag::p && n.prose_words >= th.sibling_paragraph_words &&
        n.prose_words >= th.sibling_prose_share * n.words &&
        link_density(n) < th.sibling_link_density) {
      chosen.push_back(c);
      continue;
    }
    if (t == Tag::p || is_heading(t) || t == Tag::ul || t == Tag::ol || t == Tag::blockquote ||
        t == Tag::pre || t == Tag::table) {
      double ld = link_density(n);
      if (is_heading(t) || t == Tag::table || t == Tag::pre) {
        // Structure next to the article: keep when it sits between kept parts.
        if (ld < th.sibling_link_density && !chosen.empty()) chosen.push_back(c);
        continue;
      }
      if (n.words >= th.sibling_paragraph_words && ld < th.sibling_link_density) {
        chosen.push_back(c);
      } else if (n.words > 0 && n.link_words == 0 && t == Tag::p) {
        std::string_view last;
        // Short paragraphs that end like a sentence.
        int32_t lt = n.end - 1;
        while (lt > c && !(nodes[lt].flags & kText)) --lt;
        if (lt > c) last = nodes[lt].node->text;
        while (!last.empty() && (last.back() == ' ' || last.back() == '\n')) last.remove_suffix(1);
        if (!last.empty() && (last.back() == '.' || last.back() == '!' || last.back() == '?')) {
          chosen.push_back(c);
        }
      }
    }
  }
  // Headings and structure collected before the first real part are dropped
  // when nothing precedes them; trailing ones after the last scored part too.
  while (!chosen.empty() && chosen.back() != top && !nodes[chosen.back()].scored &&
         is_heading(nodes[chosen.back()].node->tag)) {
    chosen.pop_back();
  }
  // Expansion: an article split over several containers (lead, body parts,
  // boxes) sits under a common ancestor; climb while what the ancestor adds
  // is mostly prose rather than links and short furniture.
  {
    uint64_t in_words = 0, in_links = 0, in_prose = 0, in_units = 0;
    for (int32_t c : chosen) {
      in_words += nodes[c].words;
      in_links += nodes[c].link_words;
      in_prose += nodes[c].prose_words;
      in_units += nodes[c].unit_words;
    }
    int32_t a = nodes[top].parent;
    for (int level = 0; a > 0 && level < th.expand_levels; ++level, a = nodes[a].parent) {
      const NodeInfo& an = nodes[a];
      double out_words = static_cast<double>(an.words) - in_words;
      double out_links = static_cast<double>(an.link_words) - in_links;
      double out_prose = static_cast<double>(an.prose_words) - in_prose;
      double out_units = static_cast<double>(an.unit_words) - in_units;
      if (out_words <= 0) continue;
      bool adds_prose = out_prose >= th.expand_min_prose_words &&
                        out_prose >= th.expand_prose_share * out_words &&
                        out_links <= th.expand_max_link_density * out_words;
      // Landing pages: many sections of short paragraphs and headings; the
      // ancestor adds at least half again as much text, little of it links.
      bool adds_sections = out_units >= th.expand_sections_ratio * static_cast<double>(in_words) &&
                           out_units >= th.expand_prose_share * out_words &&
                           out_links <= th.expand_sections_link_density * out_words;
      if (!adds_prose && !adds_sections) break;
      chosen.assign(1, a);
      in_words = an.words;
      in_links = an.link_words;
      in_prose = an.prose_words;
      in_units = an.unit_words;
    }
  }
  return chosen;
}

std::vector<RawBlock> collect(const Page& page, const std::vector<int32_t>& roots, bool comments) {
  Collector c(page, comments);
  for (int32_t r : roots) c.collect(r);
  return std::move(c.out);
}

double main_share(Focus f, const Thresholds& th) {
  switch (f) {
    case Focus::precision: return th.min_main_share_precision;
    case Focus::recall: return th.min_main_share_recall;
    default: return th.min_main_share;
  }
}

}  // namespace

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::main: return "main";
    case Stage::wider: return "wider";
    case Stage::body: return "body";
  }
  return "main";
}

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::quote: return "quote";
    case BlockKind::code: return "code";
    case BlockKind::table: return "table";
    case BlockKind::image: return "image";
    case BlockKind::comment: return "comment";
  }
  return "paragraph";
}

Content extract_content(const html::Document& doc, const ExtractOptions& options) {
  Content content;
  content.stage = Stage::body;
  Page page(doc, options);
  if (page.nodes.empty()) return content;
  const Thresholds& th = page.th_;
  const auto& nodes = page.nodes;

  double want_share = main_share(options.focus, th);
  auto enough = [&](size_t words) {
    return words >= th.min_main_words && words >= want_share * static_cast<double>(page.good_words);
  };

  std::vector<int32_t> main = choose_main(page);
  Filtered blocks;
  if (!main.empty()) {
    blocks = filter_blocks(collect(page, main, false), page);
    content.stage = Stage::main;
  }
  size_t words = blocks.words;
  if (main.empty() || !enough(words)) {
    // Stage 2: the nearest ancestor of the main choice holding much more text.
    Filtered wider;
    if (!main.empty()) {
      for (int32_t a = nodes[main.front()].parent; a > 0; a = nodes[a].parent) {
        if (nodes[a].words - nodes[a].link_words >= 2 * std::max<size_t>(words, 1)) {
          wider = filter_blocks(collect(page, {a}, false), page);
          break;
        }
      }
    }
    size_t wider_words = wider.words;
    if (wider_words > words && enough(wider_words)) {
      blocks = std::move(wider);
      content.stage = Stage::wider;
    } else {
      Filtered body = filter_blocks(collect(page, {0}, false), page);
      if (body.words > words) {
        blocks = std::move(body);
        content.stage = Stage::body;
      } else if (wider_words > words) {
        blocks = std::move(wider);
        content.stage = Stage::wider;
      }
    }
  }
  // Last resort: a page whose content is a list of links (a product grid, a
  // category index) has nothing left after the link filter; then its kept
  // blocks are the answer, links and all.
  if (blocks.words < th.min_main_words && options.focus != Focus::precision) {
    Filtered linked = filter_blocks(collect(page, {0}, false), page, true);
    if (linked.words > blocks.words) {
      blocks = std::move(linked);
      content.stage = Stage::body;
    }
  }
  content.blocks = std::move(blocks.blocks);

  if (options.include_comments) {
    std::vector<int32_t> roots;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const NodeInfo& n = nodes[i];
      if (n.verdict != Verdict::comments || !(n.flags & kPruned)) continue;
      if (n.parent >= 0 && (nodes[n.parent].flags & kPruned)) continue;
      roots.push_back(static_cast<int32_t>(i));
    }
    content.comments = filter_blocks(collect(page, roots, true), page).blocks;
  }
  return content;
}

}  // namespace saring::extract
