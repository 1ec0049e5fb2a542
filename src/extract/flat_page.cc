// Steps 1-3 of the cascade: flatten, prune, score (see extractor.cc).
//
// Flattening is one explicit-stack walk over <body> that drops what never
// carries text (script, style, form controls, embeds) and gives every element
// a verdict from its tag and its class/id/role tokens (vocabulary.h); text
// nodes get their script-aware word count once, credited to their nearest
// unit ancestor. Pruning is one bottom-up pass (raw, link, hint and
// long-paragraph words per subtree) and one top-down pass that prunes a
// subtree with a boilerplate verdict unless a safeguard keeps it. Measuring
// sums the kept words bottom-up and gives each paragraph unit's score to its
// ancestors, readability-style.
#include "flat_page.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "saring/class_words.h"
#include "saring/simd.h"
#include "saring/text.h"

namespace saring::extract::detail {

using text::count_words;

TagTable::TagTable() {
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

static_assert(sizeof(void*) != 8 || sizeof(NodeInfo) == 48, "NodeInfo grew (see flat_page.h)");

const TagTable& tags() {
  static const TagTable t;
  return t;
}

namespace {

// An id that spells the heading its element opens with ("cookies" over
// <h2>Cookies</h2>, "s-meta-options" over "Meta options") is that heading's
// anchor: like the longer slugs is_slug() knows, it names the section's
// topic, not the element's role.
bool id_spells_heading(const Node* n, std::string_view id) {
  // A heading's own id spells it too (<h3 id="h-social-benefits">).
  const Node* heading = is_heading(n->tag) ? n : nullptr;
  // The heading opens the element: among its first children, but for empty
  // anchors (<span id="...">).
  int before = 0;
  for (const Node* c = n->first_child(); c && before < 3 && !heading; c = c->next_sibling()) {
    if (c->type != NodeType::element || !c->first_child()) continue;
    if (is_heading(c->tag)) {
      heading = c;
      break;
    }
    ++before;
  }
  if (!heading) return false;
  std::string title = html::inner_text(heading);
  if (title.size() > 200) return false;
  // Both as their words, lowercased, joined by one space.
  std::string spelled;
  for (size_t i = 0; i < title.size();) {
    auto word_byte = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(title[k])); };
    while (i < title.size() && !word_byte(i)) ++i;
    size_t start = i;
    while (i < title.size() && word_byte(i)) ++i;
    if (i == start) break;
    if (!spelled.empty()) spelled += ' ';
    for (size_t k = start; k < i; ++k) spelled += static_cast<char>(std::tolower(static_cast<unsigned char>(title[k])));
  }
  if (spelled.empty()) return false;
  std::string named;
  html::for_each_word(id, [&](std::string_view w) {
    if (!named.empty()) named += ' ';
    named += w;
  });
  // The id may carry a prefix ("s-", "section-") before the heading's words.
  return named.size() >= spelled.size() &&
         named.compare(named.size() - spelled.size(), spelled.size(), spelled) == 0 &&
         (named.size() == spelled.size() || named[named.size() - spelled.size() - 1] == ' ');
}

// Commas (',', U+FF0C) and ideographic commas and full stops (U+3001,
// U+3002) in s. Runs over every kept paragraph's text, so 16 bytes are tested
// at once (simd.h) for the three bytes that can start one; only the few hits
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
  for (; i + 16 <= n; i += 16) {
    const simd::Bytes16 v = simd::Bytes16::load(p + i);
    for (uint32_t m = (v.eq(',') | v.eq('\xEF') | v.eq('\xE3')).mask(); m; m &= m - 1)
      count += at(i + simd::first_bit(m));
  }
  for (; i < n; ++i) count += at(i);
  return count;
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

}  // namespace

Page::Page(const html::Document& doc, const ExtractOptions& options, bool trust_tags_only)
    : options_(options), vocab_(vocabulary()), th_(vocab_.thresholds()),
      trust_tags_only_(trust_tags_only) {
  const Node* start = doc.body();
  if (!start) start = doc.html();
  if (!start) start = doc.root();
  nodes.reserve(doc.node_count());  // one allocation: the vector never moves
  tally_.reserve(doc.node_count());
  flatten(start);
  prune();
  measure();
  collect_titles(doc);
  std::vector<Tally>().swap(tally_);
  std::vector<int32_t>().swap(h1s_);
  std::vector<int32_t>().swap(weak_named_);
  std::unordered_set<std::string_view>().swap(controlled_);
  std::unordered_map<std::string_view, const Node*>().swap(parks_);
  std::unordered_map<std::string_view, std::string_view>().swap(moves_);
  std::unordered_set<const Node*>().swap(parks_read_);
}

inline const ClassFacts& Page::class_facts(std::string_view cls, std::string_view id) {
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

inline void Page::add_text(const Node* n, int32_t parent) {
  const int32_t index = static_cast<int32_t>(nodes.size());
  const uint8_t inherited = parent >= 0 ? (nodes[parent].flags & (kInLink | kInComments)) : 0;
  // The nearest unit ancestor owns a text's words (parents come first).
  const int32_t unit_of =
      parent < 0 ? -1 : ((nodes[parent].flags & kUnit) ? parent : tally_[parent].unit_of);
  const std::string_view text = n->text();
  const uint32_t words = is_short_blank(text) ? 0 : static_cast<uint32_t>(count_words(text));
  NodeInfo& info = nodes.emplace_back();
  info.node = n;
  info.parent = parent;
  info.end = index + 1;
  info.flags = kText | inherited;
  info.raw_words = words;
  tally_.push_back(Tally{unit_of});
  if (unit_of >= 0 && !(inherited & kInLink)) tally_[unit_of].own += words;
}

// React's streamed server rendering sends the shell of a page with empty
// placeholders and then the parts, parked in <div hidden id="S:n"> at the end
// of the body until a script moves each in: `$RC("B:x","S:n")` puts part n in
// the boundary <template id="B:x">, `$RS("S:n","P:y")` in <template id="P:y">
// (boundaries and parts are counted apart, so the calls pair them where
// they are; a placeholder without a call, as in an archive that dropped the
// page's scripts, takes the part of its own number, which is most often
// its own). Reads the calls in one script's text into `moves`: a
// placeholder's id to its part's number.
static void read_stream_moves(std::string_view script,
                              std::unordered_map<std::string_view, std::string_view>& moves) {
  // The two quoted ids of a call that starts at `at` (after "$RC(").
  auto quoted = [&](size_t& at, std::string_view& out) {
    if (at >= script.size() || (script[at] != '"' && script[at] != '\'')) return false;
    size_t close = script.find(script[at], at + 1);
    if (close == std::string_view::npos) return false;
    out = script.substr(at + 1, close - at - 1);
    at = close + 1;
    return true;
  };
  for (size_t at = script.find("$R"); at != std::string_view::npos; at = script.find("$R", at)) {
    at += 2;
    if (at + 1 >= script.size() || (script[at] != 'C' && script[at] != 'S') ||
        script[at + 1] != '(')
      continue;
    const bool boundary = script[at] == 'C';
    size_t p = at + 2;
    std::string_view first, second;
    if (!quoted(p, first) || p >= script.size() || script[p] != ',' || !quoted(++p, second))
      continue;
    std::string_view place = boundary ? first : second, part = boundary ? second : first;
    if (!is_placeholder_id(place) || place[0] != (boundary ? 'B' : 'P') || !is_streamed_id(part))
      continue;
    moves.emplace(place, part.substr(2));
  }
}

// Reading a part in its placeholder's place puts the page's sections back in
// order, inside the container that holds them. Returns the part to read
// instead of `placeholder`, or null; each part is read once.
inline const Node* Page::take_park(const Node* placeholder, const Node* start) {
  std::string_view id = placeholder->attr("id");
  if (!is_placeholder_id(id)) return nullptr;
  if (!parks_found_) {
    // Parks before the first placeholder were read where they stand already.
    parks_found_ = true;
    bool after = false;
    html::walk(start, [&](const Node* n) {
      if (n == placeholder) after = true;
      if (!n->is_element()) {
        const Node* up = n->parent();
        if (n->type == NodeType::text && up && up->tag == Tag::script)
          read_stream_moves(n->text(), moves_);
        return false;
      }
      std::string_view pid = n->attr("id");
      if (after && is_streamed_id(pid) && n->has_attr("hidden")) parks_.emplace(pid.substr(2), n);
      return true;
    });
  }
  auto move = moves_.find(id);
  auto it = parks_.find(move != moves_.end() ? move->second : id.substr(2));
  if (it == parks_.end() || !parks_read_.insert(it->second).second) return nullptr;
  return it->second;
}

inline void Page::flatten(const Node* start) {
  const TagTable& tt = tags();
  // Appends the entry of an element; false when it is dropped (nothing added).
  auto add_element = [&](const Node* n, int32_t parent) -> bool {
    size_t t = ti(n->tag);
    // An accordion's question is a button inside a heading (<button> or
    // role="button"): its words are the heading's.
    const bool in_heading = parent >= 0 && is_heading(nodes[parent].node->tag);
    if (tt.drop[t] && !(n->tag == Tag::button && in_heading)) {
      // A dropped button may still name the panel it opens.
      if (n->tag == Tag::button) {
        std::string_view panel = n->attr("aria-controls");
        if (!panel.empty()) controlled_.insert(panel);
      }
      return false;
    }
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
        case 13:
          if (name_is(nm, "aria-controls") && !a.value.empty()) controlled_.insert(a.value);
          break;
        default: break;
      }
    }
    if (!style.empty() && hidden_style(style)) hidden = true;
    const ClassFacts* named = &class_facts(cls, id);
    ClassFacts class_only;  // rare: judged without the id, not worth a cache entry
    if (named->verdict != Verdict::none && named->verdict != Verdict::hidden && !id.empty() &&
        id_spells_heading(n, id)) {
      class_only = vocab_.analyze(cls, {});
      named = &class_only;
    }
    const ClassFacts& facts = *named;
    Verdict cv = facts.verdict;
    // A tab bar holds its labels; an element marked "tablist" with more words
    // holds the panels too (an accordion so marked up): a weak name.
    bool weak_role = false;
    // role="dialog" is as sure a marker as a "modal" class (see carries_page),
    // also beside a class that names the box less surely ("cookie-banner").
    const bool dialog_role = role == "dialog" || role == "alertdialog";
    if (cv == Verdict::none && !role.empty() && !(in_heading && role == "button")) {
      cv = vocab_.classify({}, {}, role);
      weak_role = role == "tablist";
    }
    // Tab panels and accordions are hidden until clicked, not boilerplate.
    // So is a hidden panel that a button before it opens (aria-controls).
    bool disclosure = facts.disclosure || role == "tabpanel" || is_streamed_id(id) ||
                      ((cv == Verdict::hidden || hidden) && !id.empty() &&
                       controlled_.count(id) != 0);
    if (disclosure && (cv == Verdict::hidden || hidden)) {
      cv = Verdict::none;
      hidden = false;
    }
    // The page's opening block is text even as a <header>.
    if (facts.hero && cv == Verdict::none) v = Verdict::none;
    if (cv == Verdict::hidden || hidden) {
      v = Verdict::hidden;
    } else if (cv != Verdict::none && (v == Verdict::none || cv == Verdict::comments)) {
      v = cv;
      info.flags |= kByClass;
      if (facts.strong || dialog_role) info.flags |= kStrong;
      info.weak_name = facts.weak || weak_role;
      info.notice = facts.notice;
      if (facts.weak && !cls.empty()) weak_named_.push_back(static_cast<int32_t>(nodes.size()));
      info.dialog = dialog_role;
    }
    if (n->tag == Tag::body || n->tag == Tag::html) v = Verdict::none;
    // Table parts are judged by their content: "sticky-header" on a data
    // table says how it scrolls, not that it is the page header.
    if ((info.flags & kByClass) && v != Verdict::hidden && tt.table_part[t]) {
      v = Verdict::none;
      info.flags &= static_cast<uint8_t>(~(kByClass | kStrong));
    }
    info.verdict = v;
    const int8_t class_weight = facts.weight;
    if (itemprop == "articleBody" || facts.hint) info.flags |= kHint;
    if (facts.lead) leads.push_back(static_cast<int32_t>(nodes.size()));
    else if (facts.description) descriptions.push_back(static_cast<int32_t>(nodes.size()));
    if (facts.ingredients && v != Verdict::hidden) ingredients.push_back(static_cast<int32_t>(nodes.size()));
    if (tt.unit[t] || is_heading(n->tag)) info.flags |= kUnit;
    if (v == Verdict::comments) info.flags |= kInComments;
    if (n->tag == Tag::h1) h1s_.push_back(static_cast<int32_t>(nodes.size()));
    nodes.push_back(info);
    tally_.push_back(Tally{unit_of});
    tally_.back().class_weight = class_weight;
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
  stack.push_back(Frame{start->first_child(), 0});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const Node* child = frame.next;
    if (!child) {
      nodes[frame.index].end = static_cast<int32_t>(nodes.size());
      stack.pop_back();
      continue;
    }
    frame.next = child->next_sibling();
    const int32_t parent = frame.index;
    if (child->type == NodeType::text) {
      add_text(child, parent);
    } else if (child->type == NodeType::element) {
      const Node* e = child;
      if (e->tag == Tag::template_) {
        if (const Node* park = take_park(e, start)) e = park;
      } else if (!parks_.empty() && is_streamed_id(e->attr("id")) &&
                 !parks_read_.insert(e).second) {
        continue;  // a park read already, in its placeholder's place
      }
      const int32_t index = static_cast<int32_t>(nodes.size());
      if (add_element(e, parent)) stack.push_back(Frame{e->first_child(), index});
    }
  }
}

inline void Page::collect_titles(const html::Document& doc) {
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
      if (nodes[k].flags & kText) s.append(nodes[k].node->text());
    }
    add(s);
  }
}

// A <header> inside an article or a section, without the page's headline
// (<h1>), heads that part of the text: a section's title and introduction,
// an accordion item's question. Judged by its tag alone.
inline bool Page::is_section_header(size_t i) const {
  const NodeInfo& n = nodes[i];
  if (n.node->tag != Tag::header || n.verdict != Verdict::boilerplate || (n.flags & kByClass))
    return false;
  // Without a heading, a header made of links is a post's author, date and
  // permalink.
  if (2 * tally_[i].raw_links >= n.raw_words) {
    bool titled = false;
    for (int32_t k = static_cast<int32_t>(i) + 1; k < n.end && !titled; ++k)
      titled = is_heading(nodes[k].node->tag);
    if (!titled) return false;
  }
  auto h1 = std::lower_bound(h1s_.begin(), h1s_.end(), static_cast<int32_t>(i));
  if (h1 != h1s_.end() && *h1 < n.end) return false;
  for (int32_t a = n.parent; a > 0; a = nodes[a].parent) {
    Tag t = nodes[a].node->tag;
    if (t == Tag::article || t == Tag::section) return true;
  }
  return false;
}

// A class of weak tokens that many elements share ("listing__header" on
// every card) names a part of each item of a list, not the site's one
// header or search box: where it holds a heading or a link, that is the
// item's title (a card's header of plain spans is its label).
inline void Page::mark_repeated() {
  if (weak_named_.size() < th_.min_cards) return;
  auto cls = [&](int32_t i) { return nodes[i].node->attr("class"); };
  std::vector<int32_t> by_class = weak_named_;
  std::stable_sort(by_class.begin(), by_class.end(),
                   [&](int32_t a, int32_t b) { return cls(a) < cls(b); });
  for (size_t a = 0, b; a < by_class.size(); a = b) {
    for (b = a + 1; b < by_class.size() && cls(by_class[b]) == cls(by_class[a]); ++b) {}
    if (b - a < th_.min_cards) continue;
    for (size_t k = a; k < b; ++k) {
      const int32_t i = by_class[k];
      bool titled = tally_[i].raw_links > 0;
      for (int32_t d = i; d < nodes[i].end && !titled; ++d) titled = is_heading(nodes[d].node->tag);
      nodes[i].repeated = titled;
    }
  }
}

// A box whose words sit in a row of children of one class (reviews,
// questions and answers, related stories, author cards) repeats a widget:
// its paragraphs are items, not the page's prose. Single wrappers are
// stepped through to reach the row.
inline bool Page::is_repeated_widget(size_t i) const {
  int32_t box = static_cast<int32_t>(i);
  for (int level = 0; level <= th_.repeated_widget_wrappers; ++level) {
    std::vector<std::pair<std::string_view, uint32_t>> items;  // class, words
    int32_t only = -1;
    size_t elements = 0;
    for (int32_t c = box + 1; c < nodes[box].end; c = nodes[c].end) {
      const NodeInfo& cn = nodes[c];
      if ((cn.flags & kText) || cn.raw_words == 0) continue;
      ++elements;
      only = c;
      std::string_view cls = cn.node->attr("class");
      if (!cls.empty()) items.emplace_back(cls, cn.raw_words);
    }
    if (elements == 1) {
      box = only;
      continue;
    }
    std::sort(items.begin(), items.end());
    for (size_t a = 0, b; a < items.size(); a = b) {
      uint64_t words = 0;
      for (b = a; b < items.size() && items[b].first == items[a].first; ++b) words += items[b].second;
      if (b - a >= th_.repeated_widget_items && 2 * words >= nodes[box].raw_words) return true;
    }
    return false;
  }
  return false;
}

// An inline element between two runs of words in the same parent: a word
// or two of a sentence, whatever its class says.
static bool is_in_sentence(const Node* e) {
  switch (e->tag) {
    case Tag::a: case Tag::span: case Tag::abbr: case Tag::em: case Tag::strong:
    case Tag::b: case Tag::i: case Tag::code: case Tag::mark:
      break;
    default:
      return false;
  }
  auto words = [](const Node* t) {
    return t && t->is_text() && text::has_words(t->text(), 1);
  };
  return words(e->prev_sibling()) && words(e->next_sibling());
}

// Whether the first words under entry i are an admonition's label. The
// label opens the box: it is looked for among its first few entries (a
// heading or a bold word, an icon, the text).
inline bool Page::opens_admonition(size_t i) const {
  constexpr int32_t kLabelDepth = 8;
  const int32_t end = std::min(nodes[i].end, static_cast<int32_t>(i) + 1 + kLabelDepth);
  for (int32_t k = static_cast<int32_t>(i) + 1; k < end; ++k) {
    if ((nodes[k].flags & kText) && nodes[k].raw_words > 0)
      return vocab_.opens_admonition(nodes[k].node->text());
  }
  return false;
}

inline void Page::prune() {
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
  mark_repeated();
  double total = nodes[0].raw_words;
  double total_long = tally_[0].long_words;
  double outside = total_long - static_cast<double>(comment_prose);
  bool comments_are_content = !marked_article && comment_prose >= th_.forum_min_prose_words &&
                              outside < th_.forum_outside_prose_share * comment_prose;
  // With trust_tags_only: whether an entry or an ancestor is boilerplate by
  // its tag (<footer>, <nav>, ...), set parents first in document order.
  std::vector<bool> in_tag_furniture(trust_tags_only_ ? nodes.size() : 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    NodeInfo& n = nodes[i];
    if (n.flags & kPruned) {  // under a pruned element, marked below
      continue;
    }
    if (trust_tags_only_) {
      in_tag_furniture[i] = (n.parent >= 0 && in_tag_furniture[n.parent]) ||
                            (n.verdict == Verdict::boilerplate && !(n.flags & kByClass));
    }
    if (n.flags & kText) {
      // Kept text: its nearest unit ancestor owns its words.
      int32_t u = tally_[i].unit_of;
      if (u < 0 || (n.flags & kInLink)) continue;
      Tally& unit = tally_[u];
      unit.own_words += n.raw_words;
      unit.own_commas += static_cast<uint32_t>(count_commas(n.node->text()));
      // A new segment starts at the unit's first text and after each <br>.
      const Node* prev = n.node->prev_sibling();
      if (unit.own_segments == 0 || (prev && prev->is(Tag::br))) ++unit.own_segments;
      continue;
    }
    if (n.verdict == Verdict::none) continue;
    if (comments_are_content && n.verdict == Verdict::comments) continue;
    if (is_section_header(i)) continue;
    const Tally& t = tally_[i];
    // Hidden subtrees are kept only with real paragraph structure (the
    // streamed HTML of script-rendered pages); a hidden one-blob copy of
    // the article (text-to-speech, SEO) stays out.
    bool structured = n.verdict != Verdict::hidden ||
                      t.long_count >= th_.prune_safeguard_long_paragraphs;
    double share = n.verdict == Verdict::comments ? th_.prune_safeguard_share_comments
                                                  : th_.prune_safeguard_share;
    // A dialog (terms of service, cookie settings) is a box over the page and
    // a <footer> its foot, however many of its words they hold: a shop's
    // footer prints its financing terms and legal notes in long paragraphs.
    const bool footer = n.node->is(Tag::footer);
    bool carries_page = !n.dialog && !footer && n.raw_words >= th_.prune_safeguard_min_words &&
                        n.raw_words >= share * total;
    // A subtree holding the marked article body is not boilerplate, whatever
    // its class says ("widget Blog", "l-sidebar-fixed", "article modal").
    bool holds_article = structured && t.hint_words >= th_.prune_safeguard_hint_words;
    // Nor is one made of several long paragraphs holding much of the page's
    // prose: a layout class ("sidebar-first-only", "has-widgets") said too much.
    // A <footer>'s long paragraphs are its fine print.
    bool holds_prose = !(n.flags & kStrong) && !footer &&
                       (n.verdict == Verdict::boilerplate || n.verdict == Verdict::hidden) &&
                       t.long_count >= th_.prune_safeguard_long_paragraphs &&
                       t.long_words >= th_.prune_safeguard_prose_share * total_long;
    // A class name alone does not make link-free prose boilerplate
    // ("hub--header" holding the introduction).
    bool plain_prose = (n.flags & kByClass) && !(n.flags & kStrong) &&
                       n.verdict == Verdict::boilerplate &&
                       n.raw_words >= th_.prune_safeguard_prose_words &&
                       t.raw_links <= th_.prune_safeguard_prose_links * n.raw_words &&
                       t.long_count >= 2 && !is_repeated_widget(i);
    // A search box holds a few words; a subtree so named with more is the
    // search's results. Nor is a part of every card so named (mark_repeated).
    bool shows_more = n.weak_name && n.verdict == Verdict::boilerplate &&
                      (n.raw_words > th_.weak_name_max_words || n.repeated);
    // A few words named like furniture in the middle of a sentence are part
    // of it: a glossary term's tooltip, a linked word ("one or more <a
    // class=tooltip>Pods</a> in your cluster").
    bool in_sentence = (n.flags & kByClass) && !(n.flags & kStrong) &&
                       n.verdict == Verdict::boilerplate &&
                       n.raw_words <= th_.in_sentence_max_words && is_in_sentence(n.node);
    // A box named like a notice ("alert alert-info") that opens with "Note:",
    // "Tip" or "See also" is a side note of the text, as documentation puts
    // between its paragraphs. Asked last: it reads the box's first text.
    // Another box so opening ("related-posts" under "See also") still goes.
    auto admonition = [&] {
      return n.notice && !(n.flags & kStrong) && n.verdict == Verdict::boilerplate &&
             opens_admonition(i);
    };
    if (!carries_page && !holds_article && !holds_prose && !plain_prose && !shows_more &&
        !in_sentence && !admonition()) {
      bool by_name = (n.flags & kByClass) && !(n.flags & kStrong);
      if (by_name) pruned_by_name = true;
      // Inside a <footer>, <nav>, ... that carries a nearly empty page, the
      // names still count.
      bool trusted = trust_tags_only_ && by_name && !in_tag_furniture[i];
      if (!trusted) n.flags |= kPruned;
    }
#ifdef SARING_EXTRACT_TRACE  // debugging aid: -DSARING_EXTRACT_TRACE, then TRACE_PRUNE=1
    if (getenv("TRACE_PRUNE") && (n.flags & kPruned)) fprintf(stderr, "prune %s.%s#%s v=%d raw=%u hint=%u\n", std::string(n.node->name()).c_str(), std::string(n.node->attr("class")).c_str(), std::string(n.node->attr("id")).c_str(), (int)n.verdict, n.raw_words, t.hint_words);
#endif
    // The whole subtree goes with it, marked in one sweep, but for a
    // recipe's ingredient lists: a print area or a sidebar may hold them.
    if (n.flags & kPruned) {
      for (int32_t k = static_cast<int32_t>(i) + 1; k < n.end; ++k) {
        if (!ingredients.empty() && std::binary_search(ingredients.begin(), ingredients.end(), k)) {
          k = nodes[k].end - 1;
          continue;
        }
        nodes[k].flags |= kPruned;
      }
    }
  }
}

inline void Page::measure() {
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
    } else if ((n.flags & kUnit) && tally_[i].own_words >= th_.min_paragraph_words) {
      const uint32_t own_words = tally_[i].own_words;
      units.push_back(static_cast<int32_t>(i));
      n.unit_words += own_words;
      if (!is_heading(n.node->tag) && own_words >= th_.long_paragraph_words)
        n.prose_words += own_words;
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
    const Tally& t = tally_[i];
    good_words += t.own_words;
    double segments = std::max<uint32_t>(1, t.own_segments);
    double score = segments + t.own_commas +
                   std::min(t.own_words / th_.words_per_length_point,
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

inline void Page::add_score(int32_t i, double s) {
  NodeInfo& n = nodes[i];
  if (!n.scored) {
    n.scored = true;
    const Node* e = n.node;
    double init = tags().weight[ti(e->tag)];
    init += th_.class_weight * tally_[i].class_weight;
    if (n.flags & kHint) init += th_.class_weight;
    n.score = static_cast<float>(init);
    n.base = static_cast<float>(init);
  }
  n.score += static_cast<float>(s);
}

}  // namespace saring::extract::detail
