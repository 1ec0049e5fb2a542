// saring's HTML5 tree builder (Backend::native), driving tokenizer.cc and
// emitting straight into a DocumentBuilder.
//
// How it works. The builder follows the insertion modes of the WHATWG tree
// construction algorithm (initial ... in body, the table modes, in select,
// foreign content) with the rules that shape the tree text extraction sees:
// implied html/head/body, head-only elements, void elements, p closed by
// block starts, li/dd/dt/option auto-closing, headings closing headings,
// table structure (implied tbody/tr, cells closing cells and rows), end tags
// closing only what is open and in scope, svg/math with self-closing tags
// and the HTML break-out list, nested a/form/button, </br> as <br>, the
// list of active formatting elements (re-opened after a block closed them),
// quirks mode (from the doctype) deciding whether <table> closes a <p>,
// scripting disabled (so <noscript> holds markup, as MyHTML does; an
// <iframe> in it is not raw text up to "</iframe>": empty in the body,
// dropped in the head).
//
// The DocumentBuilder appends to the current element; where HTML5 moves
// nodes after creating them the builder is asked to (clone_element,
// reparent, move_children, reset_open):
//   - the adoption agency algorithm (a formatting element closed while a
//     block opened inside it is still open, "<a><div>x</a>y") runs as
//     HTML5 says, within a per-document budget of moved nodes and only
//     where the tree mirrors the stack (no depth-cap flattening); outside
//     that, the element is only taken off the stack of open elements
//     without moving anything (a "zombie", closed as soon as it is the
//     current node again), so the text after the block is still outside it;
//   - a second <html> or <body> start tag adds its attributes.
// Two rules are approximated:
//   - foster parenting: text and non-table elements inside a table stay
//     where they appear (HTML5 moves them in front of the table); the
//     insertion mode stays the table's, so the table's structure is intact;
//   - </head> keeps <head> open until something that belongs to the body
//     comes, so head-only elements between </head> and <body> land in head
//     as in HTML5 (whitespace there goes to head, not between head and body).
//
// Linear time. Every element on the stack records, at push, the index of
// the nearest element at or below it of each kind a scan would stop at
// (scope boundaries of the default, list-item, button and table scopes,
// special elements, HTML elements under foreign content, the element that
// decides the insertion mode), and each tag name keeps a chain of its open
// elements (the topmost index per name, plus a link to the next one
// below). "Is X in scope" is then "topmost X >= the nearest boundary": O(1)
// whatever the depth. Pops are paid for by pushes. The list of active
// formatting elements is capped (kMaxFormatting) so re-opening stays
// bounded. 100,000-deep nesting and 1,000,000 unclosed tags need no
// flattening retry.
//
// Per token, the cost is kept low: a tag name resolves to its element id
// through a perfect hash over the name packed into two words (one probe),
// in-body tokens skip the insertion-mode switch, and the tokenizer asks
// whether the current node is foreign only when a CDATA section comes.
#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <strings.h>
#include <unordered_map>

#include "backends.h"
#include "tokenizer.h"

namespace saring::html::detail {
namespace {

using NodeId = DocumentBuilder::NodeId;

// ---- Element vocabulary -------------------------------------------------------

// Element ids: 0 .. Tag::count_-1 are the public Tag values, then the
// extra HTML elements the tree builder must recognise.
enum : uint16_t {
  kApplet = static_cast<uint16_t>(Tag::count_),
  kArea, kBasefont, kBgsound, kBig, kCol, kColgroup, kDir, kFieldset, kFrame, kFrameset,
  kHgroup, kImage, kKeygen, kListing, kMarquee, kNobr, kNoembed, kNoframes, kOptgroup,
  kParam, kPlaintext, kRb, kRp, kRt, kRtc, kRuby, kSearch, kStrike, kTrack, kWbr, kXmp,
  kVar, kNumIds,
  kUnknown = 0xFFFF
};
constexpr const char* kExtraNames[] = {
    "applet", "area", "basefont", "bgsound", "big", "col", "colgroup", "dir", "fieldset",
    "frame", "frameset", "hgroup", "image", "keygen", "listing", "marquee", "nobr", "noembed",
    "noframes", "optgroup", "param", "plaintext", "rb", "rp", "rt", "rtc", "ruby", "search",
    "strike", "track", "wbr", "xmp", "var"};
static_assert(std::size(kExtraNames) == kNumIds - kApplet, "kExtraNames must follow the ids");

constexpr uint16_t id(Tag t) { return static_cast<uint16_t>(t); }

// Element properties (bit flags), from the HTML5 tree construction section.
enum : uint32_t {
  kSpecial = 1u << 0,        // "special" category
  kFormatting = 1u << 1,     // formatting elements (adoption agency)
  kScope = 1u << 2,          // boundary of "has an element in scope"
  kImpliedEnd = 1u << 3,     // closed by "generate implied end tags"
  kClosesP = 1u << 4,        // start tag closes an open <p> (block starts)
  kBlockEnd = 1u << 5,       // end tag: close if in scope (the address..ul list)
  kModeAnchor = 1u << 6,     // decides "reset the insertion mode"
  kHeading = 1u << 7,
  kHeadOnly = 1u << 8,       // processed by the in-head rules
  kBreakout = 1u << 9,       // leaves svg/math content
  kTableScope = 1u << 10,    // boundary of table scope (html, table, template)
  kTablePart = 1u << 11,     // only meaningful inside a table (ignored in body)
};

// A name of up to 16 bytes packed into two words that are equal exactly when
// the names are (given the length): its bytes in order, zero-padded. The
// lookup below then compares integers instead of calling memcmp on
// candidates. Token names come with kNameReadable readable bytes
// (tokenizer.h), so they are packed with two loads and a mask; other
// strings are copied into a padded buffer first.
struct PackedName {
  uint64_t a = 0, b = 0;
  uint32_t len = 0;
};
inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
// kLowBytes[n]: a mask keeping the first n bytes of a little-endian word.
constexpr uint64_t kLowBytes[9] = {0,
                                   0xFF,
                                   0xFFFF,
                                   0xFFFFFF,
                                   0xFFFFFFFF,
                                   0xFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFFFull,
                                   ~uint64_t{0}};
// `p` has kNameReadable readable bytes; n in 1..16.
inline PackedName pack_padded(const char* p, size_t n) {
  static_assert(kNameReadable >= 16, "pack_padded reads 16 bytes");
  PackedName k;
  k.len = static_cast<uint32_t>(n);
  if (n <= 8) {
    k.a = load64(p) & kLowBytes[n];
  } else {
    k.a = load64(p);
    k.b = load64(p + 8) & kLowBytes[n - 8];
  }
  return k;
}
inline PackedName pack_name(std::string_view s) {  // s.size() in 1..16
  char buf[kNameReadable] = {};
  std::memcpy(buf, s.data(), s.size());
  return pack_padded(buf, s.size());
}
struct ElementTable {
  std::array<uint32_t, kNumIds> flags{};
  std::array<std::string_view, kNumIds> names{};
  // Name lookup: a perfect hash. index[slot(name)] is the id of the only
  // known name that can be there (0: none), whose packed key is then
  // compared: one probe, hit or miss. The multiplier is searched for once,
  // deterministically, when the table is built.
  static constexpr int kIndexBits = 11;
  std::array<uint8_t, size_t{1} << kIndexBits> index{};
  std::array<PackedName, kNumIds> keys{};
  uint64_t multiplier = 0;
  size_t slot(const PackedName& k) const {
    return static_cast<size_t>(((k.a ^ (k.b * 0x9E3779B97F4A7C15ull) ^ k.len) * multiplier) >>
                               (64 - kIndexBits));
  }
  static_assert(kNumIds <= 256, "ids must fit the uint8_t index");

  void set(std::initializer_list<uint16_t> ids, uint32_t f) {
    for (uint16_t i : ids) flags[i] |= f;
  }
  ElementTable() {
    for (uint16_t i = 1; i < id(Tag::count_); ++i) names[i] = tag_name(static_cast<Tag>(i));
    for (uint16_t i = kApplet; i < kNumIds; ++i) names[i] = kExtraNames[i - kApplet];
    for (uint16_t i = 1; i < kNumIds; ++i) {
      assert(!names[i].empty() && names[i].size() <= kMaxNameLength);
      keys[i] = pack_name(names[i]);
    }
    // Odd multipliers from a fixed LCG until no two names share a slot
    // (a few dozen tries at most, once per process).
    uint64_t m = 0x9E3779B97F4A7C15ull;
    for (int tries = 0;; ++tries) {
      assert(tries < (1 << 20));
      multiplier = m | 1;
      index.fill(0);
      bool clash = false;
      for (uint16_t i = 1; i < kNumIds && !clash; ++i) {
        uint8_t& at = index[slot(keys[i])];
        clash = at != 0;
        at = static_cast<uint8_t>(i);
      }
      if (!clash) break;
      m = m * 6364136223846793005ull + 1442695040888963407ull;
    }
    using T = Tag;
    set({id(T::address), kApplet, kArea, id(T::article), id(T::aside), id(T::base), kBasefont,
         kBgsound, id(T::blockquote), id(T::body), id(T::br), id(T::button), id(T::caption),
         id(T::center), kCol, kColgroup, id(T::dd), id(T::details), kDir, id(T::div),
         id(T::dl), id(T::dt), id(T::embed), kFieldset, id(T::figcaption), id(T::figure),
         id(T::footer), id(T::form), kFrame, kFrameset, id(T::h1), id(T::h2), id(T::h3),
         id(T::h4), id(T::h5), id(T::h6), id(T::head), id(T::header), kHgroup, id(T::hr),
         id(T::html), id(T::iframe), id(T::img), id(T::input), kKeygen, id(T::li),
         id(T::link), kListing, id(T::main), kMarquee, id(T::menu), id(T::meta), id(T::nav),
         kNoembed, kNoframes, id(T::noscript), id(T::object), id(T::ol), id(T::p), kParam,
         kPlaintext, id(T::pre), id(T::script), kSearch, id(T::section), id(T::select),
         id(T::source), id(T::style), id(T::summary), id(T::table), id(T::tbody), id(T::td),
         id(T::template_), id(T::textarea), id(T::tfoot), id(T::th), id(T::thead),
         id(T::title), id(T::tr), kTrack, id(T::ul), kWbr, kXmp},
        kSpecial);
    set({id(T::a), id(T::b), kBig, id(T::code), id(T::em), id(T::font), id(T::i), kNobr,
         id(T::s), id(T::small), kStrike, id(T::strong), id(T::tt), id(T::u)},
        kFormatting);
    set({kApplet, id(T::caption), id(T::html), id(T::table), id(T::td), id(T::th), kMarquee,
         id(T::object), id(T::template_)},
        kScope);
    set({id(T::html), id(T::table), id(T::template_)}, kTableScope);
    set({id(T::dd), id(T::dt), id(T::li), kOptgroup, id(T::option), id(T::p), kRb, kRp, kRt,
         kRtc},
        kImpliedEnd);
    set({id(T::address), id(T::article), id(T::aside), id(T::blockquote), id(T::center),
         id(T::details), id(T::dialog), kDir, id(T::div), id(T::dl), kFieldset,
         id(T::figcaption), id(T::figure), id(T::footer), id(T::header), kHgroup, id(T::main),
         id(T::menu), id(T::nav), id(T::ol), id(T::p), kSearch, id(T::section),
         id(T::summary), id(T::ul)},
        kClosesP);
    set({id(T::address), id(T::article), id(T::aside), id(T::blockquote), id(T::button),
         id(T::center), id(T::details), id(T::dialog), kDir, id(T::div), id(T::dl), kFieldset,
         id(T::figcaption), id(T::figure), id(T::footer), id(T::header), kHgroup, kListing,
         id(T::main), id(T::menu), id(T::nav), id(T::ol), id(T::pre), kSearch,
         id(T::section), id(T::summary), id(T::ul)},
        kBlockEnd);
    set({id(T::select), id(T::td), id(T::th), id(T::tr), id(T::tbody), id(T::thead),
         id(T::tfoot), id(T::caption), kColgroup, id(T::table), id(T::template_), id(T::head),
         id(T::body), kFrameset, id(T::html)},
        kModeAnchor);
    set({id(T::h1), id(T::h2), id(T::h3), id(T::h4), id(T::h5), id(T::h6)}, kHeading);
    set({id(T::caption), kCol, kColgroup, id(T::tbody), id(T::thead), id(T::tfoot), id(T::tr),
         id(T::td), id(T::th)},
        kTablePart);
    set({id(T::base), kBasefont, kBgsound, id(T::link), id(T::meta), kNoframes,
         id(T::script), id(T::style), id(T::template_), id(T::title)},
        kHeadOnly);
    set({id(T::b), kBig, id(T::blockquote), id(T::body), id(T::br), id(T::center),
         id(T::code), id(T::dd), id(T::div), id(T::dl), id(T::dt), id(T::em), id(T::embed),
         id(T::h1), id(T::h2), id(T::h3), id(T::h4), id(T::h5), id(T::h6), id(T::head),
         id(T::hr), id(T::i), id(T::img), id(T::li), kListing, id(T::menu), id(T::meta), kNobr,
         id(T::ol), id(T::p), id(T::pre), kRuby, id(T::s), id(T::small), id(T::span),
         id(T::strong), kStrike, id(T::sub), id(T::sup), id(T::table), id(T::tt), id(T::u),
         id(T::ul), kVar},
        kBreakout);
  }

  // `name` is a token's name (kNameReadable bytes readable at its start).
  uint16_t lookup(std::string_view name) const {
    if (name.empty() || name.size() > kMaxNameLength) return kUnknown;
    const PackedName k = pack_padded(name.data(), name.size());
    const uint16_t i = index[slot(k)];
    const PackedName& c = keys[i];  // keys[0] is all zero: never equal (len 0)
    return c.a == k.a && c.b == k.b && c.len == k.len ? i : static_cast<uint16_t>(kUnknown);
  }
  // Longest element name ("blockquote", "figcaption"); pack_name takes 16.
  static constexpr size_t kMaxNameLength = 10;
};

const ElementTable& elements() {
  static const ElementTable table;
  return table;
}

// Doctype public identifiers (lowercase prefixes) that put a page in quirks
// mode (HTML5 "initial" insertion mode; the common ones).
constexpr std::string_view kQuirksPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer",
    "-//netscape comm. corp.//dtd",
    "-//o'reilly and associates//dtd html",
    "-//softquad software//dtd hotmetal pro",
    "-//softquad//dtd hotmetal pro",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};
constexpr std::string_view kQuirksPublicExact[] = {
    "-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"};
// Quirks only without a system identifier.
constexpr std::string_view kQuirksWithoutSystem[] = {"-//w3c//dtd html 4.01 frameset//",
                                                     "-//w3c//dtd html 4.01 transitional//"};

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && strncasecmp(s.data(), prefix.data(), prefix.size()) == 0;
}
bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool quirks_doctype(const Token& t) {
  if (t.force_quirks || t.name != "html") return true;
  if (t.has_system_id &&
      equals_ci(t.system_id, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return true;
  if (!t.has_public_id) return false;
  for (std::string_view p : kQuirksPublicExact)
    if (equals_ci(t.public_id, p)) return true;
  for (std::string_view p : kQuirksPublicPrefixes)
    if (starts_with_ci(t.public_id, p)) return true;
  if (!t.has_system_id)
    for (std::string_view p : kQuirksWithoutSystem)
      if (starts_with_ci(t.public_id, p)) return true;
  return false;
}

// Cap on the list of active formatting elements after the last marker
// (HTML5 has none; the cap keeps re-opening them bounded).
constexpr size_t kMaxFormatting = 64;
// Noah's Ark clause: at most this many identical formatting entries.
constexpr int kNoahsArk = 3;
// The adoption agency's outer loop count (HTML5's).
constexpr int kAdoptionOuterLoops = 8;
// Nodes the adoption agency may move or re-depth per document: a base plus
// this many per input byte. Past it, it falls back to the "zombie" (see the
// file comment), so a hostile page cannot make it quadratic.
constexpr int64_t kAdoptionBudgetBase = 1000000;
constexpr int64_t kAdoptionBudgetPerByte = 4;
// A stack of open elements deeper than this is a deep page's: it is then
// reserved at once for every element the page's work budget allows (address
// space; only the entries written become resident), so that it never holds
// two copies while it grows. At most kMaxReservedStack entries are reserved.
constexpr size_t kSmallStack = 4096;
constexpr uint64_t kMaxReservedStack = uint64_t{1} << 24;
// How far the chain of same-named open elements is followed to unlink one.
constexpr int kMaxChainWalk = 64;

enum class Ns : uint8_t { html, svg, math };

enum class Mode : uint8_t {
  initial, before_html, before_head, in_head, in_head_noscript, after_head, in_body, text,
  in_table, in_caption, in_column_group, in_table_body, in_row, in_cell, in_select,
  in_select_in_table, in_frameset
};

uint64_t hash_name(std::string_view s, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}
// Keys of the same-name chains: element ids below kNumIds; hashed names
// (with the top bits set, so they never collide with ids) for unknown HTML
// names and for foreign elements.
uint64_t html_key(uint16_t element, std::string_view name) {
  return element != kUnknown ? element : (hash_name(name, 0) | (1ull << 63)) & ~(1ull << 62);
}
uint64_t foreign_key(std::string_view name) { return hash_name(name, 0x5bd1e995) | (3ull << 62); }

bool all_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') return false;
  return true;
}
size_t space_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
                          s[i] == '\f'))
    ++i;
  return i;
}

struct Open {
  uint64_t key;
  int32_t prev_same;       // next open element below with the same key, -1
  int32_t bound_default;   // nearest scope boundary at or below, -1
  int32_t bound_list;      // ... for list-item scope
  int32_t bound_button;    // ... for button scope
  int32_t bound_table;     // ... for table scope
  int32_t special;         // nearest special element at or below
  int32_t special_li;      // ... special except address, div, p (li/dd/dt search)
  int32_t html_below;      // nearest HTML element at or below
  int32_t anchor;          // nearest mode-deciding element at or below
  uint32_t serial;         // tells a re-used stack slot from the original
  uint16_t id;             // element id (kUnknown for others and foreign)
  Ns ns;
  bool zombie;             // taken off the stack logically (see the file comment)
  bool html_ip;            // HTML integration point (svg foreignObject/desc/title, ...)
  bool mathml_tip;         // MathML text integration point (mi, mo, mn, ms, mtext)
  NodeId node;
};

struct Formatting {
  uint32_t serial;  // of the stack entry it was last opened as
  int32_t index;    // its stack index
  uint16_t id;
  bool marker;
  NodeId node;  // element to clone when re-opening
};

// Per-thread buffers, reused across pages.
struct State {
  Tokenizer tokenizer;
  Token token;
  std::vector<Open> stack;
  std::vector<Formatting> formatting;
  std::array<int32_t, kNumIds> top_small;
  std::unordered_map<uint64_t, int32_t> top_large;
};

class TreeBuilder {
 public:
  TreeBuilder(State& s, DocumentBuilder& b, const ParseOptions& o)
      : s_(s), b_(b), o_(o), el_(elements()), stack_(s.stack), fmt_(s.formatting) {
    stack_.clear();
    fmt_.clear();
    s_.top_small.fill(-1);
    if (s_.top_large.bucket_count() > 4096) s_.top_large = {};
    else s_.top_large.clear();
  }

  void run(const PaddedText& html) {
    Tokenizer& tk = s_.tokenizer;
    Token& t = s_.token;
    tk.reset(html);
    budget_ = kAdoptionBudgetBase + kAdoptionBudgetPerByte * static_cast<int64_t>(html.size());
    // Every open element is a node of the budget; the token that crosses it
    // may add a few more.
    deep_stack_ = static_cast<size_t>(
        std::min(work_budget(o_, html.size()), kMaxReservedStack) + kSmallStack);
    tk.set_foreign_query(
        [](const void* self) {
          const TreeBuilder& b = *static_cast<const TreeBuilder*>(self);
          return !b.stack_.empty() && b.stack_.back().ns != Ns::html;
        },
        this);
    for (;;) {
      tk.next(t);
      process(t);
      if (t.type == TokenType::eof || b_.over_budget()) break;  // budget: see parse_with_native
    }
    tk.set_foreign_query(nullptr, nullptr);  // `this` does not outlive the page
  }

 private:
  State& s_;
  DocumentBuilder& b_;
  const ParseOptions& o_;
  const ElementTable& el_;
  std::vector<Open>& stack_;
  std::vector<Formatting>& fmt_;
  Mode mode_ = Mode::initial;
  Mode original_ = Mode::in_body;  // for Mode::text
  bool quirks_ = false;
  bool head_seen_ = false;
  bool body_seen_ = false;
  int32_t form_ = -1;  // form element pointer (stack index + serial)
  uint32_t form_serial_ = 0;
  uint32_t next_serial_ = 1;
  // Work the adoption agency may still spend on moving nodes (see can_restructure).
  int64_t budget_ = 0;
  size_t deep_stack_ = 0;  // entries reserved for a deep stack (kSmallStack)
  std::vector<Open> region_;
  std::vector<char> drop_;
  std::vector<NodeId> nodes_;

  // ---- stack -----------------------------------------------------------------
  uint32_t flags(uint16_t e) const { return e < kNumIds ? el_.flags[e] : 0; }
  bool is_html(const Open& o, uint16_t e) const { return o.ns == Ns::html && o.id == e; }
  bool current_is(uint16_t e) const { return !stack_.empty() && is_html(stack_.back(), e); }
  bool current_has(uint32_t f) const {
    return !stack_.empty() && stack_.back().ns == Ns::html && (flags(stack_.back().id) & f);
  }

  int32_t top_of(uint64_t key) const {
    if (key < kNumIds) return s_.top_small[key];
    auto it = s_.top_large.find(key);
    return it == s_.top_large.end() ? -1 : it->second;
  }
  void set_top(uint64_t key, int32_t index) {
    if (key < kNumIds) s_.top_small[key] = index;
    else s_.top_large[key] = index;
  }

  bool in_scope_at(int32_t index, int32_t Open::*bound) const {
    return index >= 0 && !stack_.empty() && index >= stack_.back().*bound;
  }
  bool in_scope(uint16_t e) const { return in_scope_at(s_.top_small[e], &Open::bound_default); }
  bool in_button_scope(uint16_t e) const {
    return in_scope_at(s_.top_small[e], &Open::bound_button);
  }
  bool in_list_scope(uint16_t e) const { return in_scope_at(s_.top_small[e], &Open::bound_list); }
  bool in_table_scope(uint16_t e) const {
    return in_scope_at(s_.top_small[e], &Open::bound_table);
  }

  NodeId push(uint16_t e, std::string_view name, Ns ns, const Attribute* attrs,
                   size_t n, bool html_ip = false, bool mathml_tip = false) {
    Tag tag = Tag::other;
    if (ns == Ns::html && e < id(Tag::count_)) tag = static_cast<Tag>(e);
    else if (ns == Ns::svg && name == "svg") tag = Tag::svg;
    else if (ns == Ns::math && name == "math") tag = Tag::math;
    Open o;
    o.node = b_.start_element(tag, name, attrs, n);
    o.key = ns == Ns::html ? html_key(e, name) : foreign_key(name);
    o.serial = next_serial_++;
    o.id = ns == Ns::html ? e : static_cast<uint16_t>(kUnknown);
    o.ns = ns;
    o.zombie = false;
    o.html_ip = html_ip;
    o.mathml_tip = mathml_tip;
    link(o);
    return o.node;
  }

  // Pushes `o` (key, id, ns, flags, serial, node set) on the stack, linking
  // it into its same-name chain and computing the nearest-boundary fields.
  void link(Open o) {
    int32_t idx = static_cast<int32_t>(stack_.size());
    const Open* parent = stack_.empty() ? nullptr : &stack_.back();
    if (!o.zombie) {
      o.prev_same = top_of(o.key);
      set_top(o.key, idx);
    }
    const uint16_t e = o.id;
    const Ns ns = o.ns;
    uint32_t f = ns == Ns::html ? flags(e) : 0;
    bool foreign_boundary = ns != Ns::html && (o.html_ip || o.mathml_tip);
    auto inherit = [&](bool is, int32_t Open::*field) {
      o.*field = is ? idx : (parent ? parent->*field : -1);
    };
    bool scope = (f & kScope) || foreign_boundary;
    inherit(scope, &Open::bound_default);
    inherit(scope || (ns == Ns::html && (e == id(Tag::ol) || e == id(Tag::ul))),
            &Open::bound_list);
    inherit(scope || (ns == Ns::html && e == id(Tag::button)), &Open::bound_button);
    inherit(f & kTableScope, &Open::bound_table);
    bool special = (f & kSpecial) || foreign_boundary;
    inherit(special, &Open::special);
    inherit(special && !(ns == Ns::html && (e == id(Tag::address) || e == id(Tag::div) ||
                                            e == id(Tag::p))),
            &Open::special_li);
    inherit(ns == Ns::html, &Open::html_below);
    inherit(f & kModeAnchor, &Open::anchor);
    if (stack_.size() == stack_.capacity() && stack_.size() >= kSmallStack) {
      stack_.reserve(std::max(deep_stack_, 2 * stack_.size()));
    }
    stack_.push_back(o);
  }

  bool is_special(const Open& o) const {
    return o.ns == Ns::html ? (flags(o.id) & kSpecial) != 0 : (o.html_ip || o.mathml_tip);
  }

  NodeId insert(uint16_t e, const Token& t) {
    return push(e, t.name, Ns::html, t.attrs.data(), t.attrs.size());
  }
  NodeId insert_implied(uint16_t e) {
    return push(e, el_.names[e], Ns::html, nullptr, 0);
  }
  void insert_void(uint16_t e, const Token& t) {
    insert(e, t);
    pop();
  }

  void pop() {
    Open& o = stack_.back();
    if (!o.zombie) set_top(o.key, o.prev_same);
    stack_.pop_back();
    b_.end_element();
    while (!stack_.empty() && stack_.back().zombie) {
      stack_.pop_back();
      b_.end_element();
    }
  }
  // Pops until the element at `index` is popped.
  void pop_to(int32_t index) {
    while (static_cast<int32_t>(stack_.size()) > index && index >= 0) pop();
  }
  void pop_until_html(uint16_t e) { pop_to(s_.top_small[e]); }

  // Takes the element at `index` off the stack logically (see the file comment).
  void make_zombie(int32_t index) {
    Open& o = stack_[index];
    if (top_of(o.key) == index) {
      set_top(o.key, o.prev_same);
    } else {
      // Unlink from the middle of its chain when the chain is short.
      int32_t above = top_of(o.key);
      for (int steps = 0; above >= 0 && steps < kMaxChainWalk; ++steps) {
        if (stack_[above].prev_same == index) {
          stack_[above].prev_same = o.prev_same;
          break;
        }
        above = stack_[above].prev_same;
      }
      if (above < 0 || stack_[above].prev_same != o.prev_same) return;  // leave it be
    }
    o.zombie = true;
    if (index == static_cast<int32_t>(stack_.size()) - 1) {
      o.zombie = false;  // pop() restores nothing for it: already unlinked
      stack_.pop_back();
      b_.end_element();
      while (!stack_.empty() && stack_.back().zombie) {
        stack_.pop_back();
        b_.end_element();
      }
    }
  }

  void generate_implied_end(uint16_t except = kUnknown) {
    while (!stack_.empty() && stack_.back().ns == Ns::html &&
           (flags(stack_.back().id) & kImpliedEnd) && stack_.back().id != except)
      pop();
  }
  void close_p_in_button_scope() {
    if (!in_button_scope(id(Tag::p))) return;
    generate_implied_end(id(Tag::p));
    pop_until_html(id(Tag::p));
  }

  // ---- active formatting elements -------------------------------------------------
  bool on_stack(const Formatting& f) const {
    return f.index >= 0 && f.index < static_cast<int32_t>(stack_.size()) &&
           stack_[f.index].serial == f.serial && !stack_[f.index].zombie;
  }
  void push_marker() { fmt_.push_back({0, -1, kUnknown, true, 0}); }
  void clear_to_marker() {
    while (!fmt_.empty()) {
      bool m = fmt_.back().marker;
      fmt_.pop_back();
      if (m) break;
    }
  }
  static bool same_attrs(const Node& a, const Node& b) {
    if (a.attr_count != b.attr_count) return false;
    for (uint32_t i = 0; i < a.attr_count; ++i)
      if (b.attr(a.attrs[i].name) != a.attrs[i].value || !b.has_attr(a.attrs[i].name))
        return false;
    return true;
  }
  void push_formatting(uint16_t e, NodeId node) {
    size_t after_marker = fmt_.size();
    while (after_marker > 0 && !fmt_[after_marker - 1].marker) --after_marker;
    int same = 0;
    size_t earliest = fmt_.size();
    for (size_t i = fmt_.size(); i-- > after_marker;) {
      if (fmt_[i].id == e && same_attrs(b_.node(fmt_[i].node), b_.node(node))) {
        ++same;
        earliest = i;
      }
    }
    if (same >= kNoahsArk) fmt_.erase(fmt_.begin() + static_cast<ptrdiff_t>(earliest));
    if (fmt_.size() - after_marker >= kMaxFormatting)
      fmt_.erase(fmt_.begin() + static_cast<ptrdiff_t>(after_marker));
    const Open& o = stack_.back();
    fmt_.push_back({o.serial, static_cast<int32_t>(stack_.size() - 1), e, false, node});
  }
  // Called before most text and start tags in body; nearly always there is
  // nothing to re-open, so that test is inlined and the work is not.
  void reconstruct_formatting() {
    if (fmt_.empty() || fmt_.back().marker || on_stack(fmt_.back())) return;
    reopen_formatting();
  }
  [[gnu::noinline]] void reopen_formatting() {
    size_t i = fmt_.size() - 1;
    while (i > 0 && !fmt_[i - 1].marker && !on_stack(fmt_[i - 1])) --i;
    for (; i < fmt_.size(); ++i) {
      const Node& n = b_.node(fmt_[i].node);  // its name and attributes outlive the push
      NodeId clone = push(fmt_[i].id, n.name(), Ns::html, n.attrs, n.attr_count);
      fmt_[i].node = clone;
      fmt_[i].serial = stack_.back().serial;
      fmt_[i].index = static_cast<int32_t>(stack_.size() - 1);
    }
  }
  // Index in fmt_ of the last entry for element `e` after the last marker.
  int find_formatting(uint16_t e) const {
    for (size_t i = fmt_.size(); i-- > 0;) {
      if (fmt_[i].marker) return -1;
      if (fmt_[i].id == e) return static_cast<int>(i);
    }
    return -1;
  }

  // The adoption agency algorithm (HTML5 "in body", end tag of a formatting
  // element). Returns false when the end tag is to be treated as "any other
  // end tag".
  bool adoption_agency(uint16_t e) {
    if (current_is(e)) {
      uint32_t serial = stack_.back().serial;
      bool listed = false;
      for (size_t i = fmt_.size(); i-- > 0 && !fmt_[i].marker;)
        if (fmt_[i].serial == serial) listed = true;
      if (!listed) {
        pop();
        return true;
      }
    }
    for (int outer = 0; outer < kAdoptionOuterLoops; ++outer) {
      int fi = find_formatting(e);
      if (fi < 0) return outer > 0;
      Formatting f = fmt_[fi];
      if (!on_stack(f)) {
        fmt_.erase(fmt_.begin() + fi);
        return true;
      }
      if (f.index < stack_.back().bound_default) return true;  // not in scope: ignored
      if (stack_.back().special <= f.index) {  // no furthest block
        fmt_.erase(fmt_.begin() + fi);
        pop_to(f.index);
        return true;
      }
      int32_t fb = f.index + 1;
      while (!is_special(stack_[fb])) ++fb;
      if (!can_restructure(f.index)) {
        fmt_.erase(fmt_.begin() + fi);
        make_zombie(f.index);  // see the file comment
        return true;
      }
      restructure(fi, fb);
    }
    return true;
  }

  // Moving nodes is done only while its cost stays within the document's
  // budget and where the tree mirrors the stack (no depth-cap flattening).
  bool can_restructure(int32_t f) const {
    if (f < 1) return false;
    int64_t region = static_cast<int64_t>(stack_.size()) - f;
    if (region > budget_) return false;
    const uint16_t top = b_.node(stack_.back().node).depth;
    const uint16_t ca = b_.node(stack_[f - 1].node).depth;
    return top < o_.max_depth &&
           static_cast<int64_t>(top) - ca ==
               static_cast<int64_t>(stack_.size()) - f;
  }

  int fmt_index_of(uint32_t serial) const {
    for (size_t i = fmt_.size(); i-- > 0 && !fmt_[i].marker;)
      if (fmt_[i].serial == serial) return static_cast<int>(i);
    return -1;
  }

  // One iteration of the adoption agency's outer loop with formatting
  // element fmt_[fi] and furthest block stack_[fb].
  void restructure(int fi, int32_t fb) {
    const int32_t f = fmt_[fi].index;
    const NodeId fb_node = stack_[fb].node;
    std::vector<Open>& region = region_;
    region.assign(stack_.begin() + f, stack_.end());
    drop_.assign(region.size(), 0);
    const int32_t rb = fb - f;
    size_t bookmark = static_cast<size_t>(fi);
    NodeId last = fb_node;
    int64_t cost = static_cast<int64_t>(region.size());
    int inner = 0;
    for (int32_t r = rb - 1; r >= 1; --r) {
      ++inner;
      Open& x = region[r];
      int xi = x.zombie ? -1 : fmt_index_of(x.serial);
      if (inner > 3 && xi >= 0) {
        fmt_.erase(fmt_.begin() + xi);
        if (static_cast<size_t>(xi) < bookmark) --bookmark;
        if (xi < fi) --fi;
        xi = -1;
      }
      if (xi < 0) {
        drop_[r] = 1;
        continue;
      }
      NodeId clone = b_.clone_element(x.node);
      x.node = clone;
      x.serial = next_serial_++;
      fmt_[xi].node = clone;
      fmt_[xi].serial = x.serial;
      if (last == fb_node) bookmark = static_cast<size_t>(xi) + 1;
      cost += static_cast<int64_t>(b_.reparent(last, clone));
      last = clone;
    }
    cost += static_cast<int64_t>(b_.reparent(last, stack_[f - 1].node));
    const NodeId f_clone = b_.clone_element(region[0].node);
    cost += static_cast<int64_t>(b_.move_children(fb_node, f_clone));
    cost += static_cast<int64_t>(b_.reparent(f_clone, fb_node));
    Open f_open = region[0];
    f_open.node = f_clone;
    f_open.serial = next_serial_++;
    f_open.zombie = false;
    Formatting entry = fmt_[fi];
    entry.node = f_clone;
    entry.serial = f_open.serial;
    fmt_.erase(fmt_.begin() + fi);
    if (static_cast<size_t>(fi) < bookmark) --bookmark;
    fmt_.insert(fmt_.begin() + static_cast<ptrdiff_t>(std::min(bookmark, fmt_.size())), entry);
    // The new stack above f: the old one without f and the dropped
    // elements, with f's clone right above the furthest block.
    while (static_cast<int32_t>(stack_.size()) > f) {
      const Open& o = stack_.back();
      if (!o.zombie) set_top(o.key, o.prev_same);
      stack_.pop_back();
    }
    nodes_.clear();
    for (int32_t r = 1; r < static_cast<int32_t>(region.size()); ++r) {
      if (drop_[r]) continue;
      link(region[r]);
      nodes_.push_back(region[r].node);
      if (r == rb) {
        link(f_open);
        nodes_.push_back(f_clone);
      }
    }
    b_.reset_open(static_cast<size_t>(f), nodes_.data(), nodes_.size());
    // Stack indices above f moved: refresh the formatting list and the form pointer.
    for (int32_t i = f; i < static_cast<int32_t>(stack_.size()); ++i) {
      const Open& o = stack_[i];
      if (o.ns == Ns::html && (flags(o.id) & kFormatting)) {
        int k = fmt_index_of(o.serial);
        if (k >= 0) fmt_[k].index = i;
      }
      if (o.serial == form_serial_) form_ = i;
    }
    budget_ -= cost;
  }

  // A second <html> / <body> start tag adds its new attributes to the element.
  bool merge_attributes(size_t index, const Token& t) {
    if (index < stack_.size() && !t.attrs.empty())
      b_.add_attributes(stack_[index].node, t.attrs.data(), t.attrs.size());
    return true;
  }

  // ---- insertion modes ---------------------------------------------------------
  void reset_mode() {
    if (stack_.empty()) {
      mode_ = Mode::before_html;
      return;
    }
    int32_t a = stack_.back().anchor;
    if (a < 0) {
      mode_ = Mode::in_body;
      return;
    }
    switch (stack_[a].id) {
      case id(Tag::select): {
        int32_t table = s_.top_small[id(Tag::table)];
        mode_ = table >= 0 && table < a ? Mode::in_select_in_table : Mode::in_select;
        return;
      }
      case id(Tag::td):
      case id(Tag::th): mode_ = Mode::in_cell; return;
      case id(Tag::tr): mode_ = Mode::in_row; return;
      case id(Tag::tbody):
      case id(Tag::thead):
      case id(Tag::tfoot): mode_ = Mode::in_table_body; return;
      case id(Tag::caption): mode_ = Mode::in_caption; return;
      case kColgroup: mode_ = Mode::in_column_group; return;
      case id(Tag::table): mode_ = Mode::in_table; return;
      case id(Tag::head): mode_ = Mode::in_head; return;
      case kFrameset: mode_ = Mode::in_frameset; return;
      case id(Tag::html): mode_ = head_seen_ ? Mode::after_head : Mode::before_head; return;
      default: mode_ = Mode::in_body; return;
    }
  }

  void text_element(const Token& t, uint16_t e, Tokenizer::Mode m) {
    insert(e, t);
    s_.tokenizer.set_mode(m, t.name);
    original_ = mode_;
    mode_ = Mode::text;
  }

  void add_comment(const Token& t) {
    if (o_.keep_comments) b_.add_comment(t.text);
  }

  void ensure_html() {
    if (stack_.empty()) insert_implied(id(Tag::html));
  }
  void close_head() {
    int32_t h = s_.top_small[id(Tag::head)];
    if (h >= 0) pop_to(h);
  }
  void start_body(const Token* t) {
    close_head();
    ensure_html();
    if (t) insert(id(Tag::body), *t);
    else insert_implied(id(Tag::body));
    body_seen_ = true;
    mode_ = Mode::in_body;
  }

  // Dispatcher: foreign content or the current insertion mode.
  bool use_foreign(const Token& t, uint16_t e) const {
    if (stack_.empty()) return false;
    const Open& c = stack_.back();
    if (c.ns == Ns::html || t.type == TokenType::eof) return false;
    bool start = t.type == TokenType::start_tag;
    if (c.mathml_tip && ((start && t.name != "mglyph" && t.name != "malignmark") ||
                         t.type == TokenType::text))
      return false;
    if (c.ns == Ns::math && start && t.name == "svg" &&
        b_.node(c.node).name() == "annotation-xml")
      return false;
    if (c.html_ip && (start || t.type == TokenType::text)) return false;
    (void)e;
    return true;
  }

  void process(Token& t) {
    uint16_t e = (t.type == TokenType::start_tag || t.type == TokenType::end_tag)
                     ? el_.lookup(t.name)
                     : static_cast<uint16_t>(kUnknown);
    for (int guard = 0; guard < 16; ++guard) {  // reprocessing never loops this often
      if (use_foreign(t, e)) {
        if (foreign(t, e)) return;
        continue;
      }
      // Most tokens of a page come in body: dispatched here, they skip
      // step()'s switch and its register saves.
      if (mode_ == Mode::in_body) {
        if (in_body(t, e)) return;
        continue;
      }
      if (step(t, e)) return;
    }
  }

  // Foreign content rules; false to reprocess in the insertion mode.
  bool foreign(Token& t, uint16_t e) {
    switch (t.type) {
      case TokenType::text: b_.add_text(t.text); return true;
      case TokenType::comment: add_comment(t); return true;
      case TokenType::doctype: return true;
      case TokenType::start_tag: {
        bool breakout = e != kUnknown && (flags(e) & kBreakout);
        if (e == id(Tag::font) &&
            (t.has_attr("color") || t.has_attr("face") || t.has_attr("size")))
          breakout = true;
        if (breakout) {
          while (!stack_.empty() && stack_.back().ns != Ns::html && !stack_.back().html_ip &&
                 !stack_.back().mathml_tip)
            pop();
          return false;
        }
        insert_foreign(t, stack_.back().ns);
        return true;
      }
      case TokenType::end_tag: {
        int32_t k = top_of(foreign_key(t.name));
        if (k >= 0 && k > stack_.back().html_below) {
          pop_to(k);
          return true;
        }
        // Not in the foreign run: the insertion mode's rules decide.
        return step(t, e), true;
      }
      case TokenType::eof: return false;
    }
    return true;
  }

  void insert_foreign(const Token& t, Ns ns) {
    std::string_view n = t.name;
    bool html_ip = false, tip = false;
    if (ns == Ns::svg) {
      html_ip = n == "foreignobject" || n == "desc" || n == "title";
    } else if (ns == Ns::math) {
      tip = n == "mi" || n == "mo" || n == "mn" || n == "ms" || n == "mtext";
      if (n == "annotation-xml") {
        std::string_view enc = t.attr("encoding");
        html_ip = equals_ci(enc, "text/html") || equals_ci(enc, "application/xhtml+xml");
      }
    }
    push(kUnknown, n, ns, t.attrs.data(), t.attrs.size(), html_ip, tip);
    if (t.self_closing) pop();
  }

  // One token in the current insertion mode; false to reprocess.
  bool step(Token& t, uint16_t e) {
    switch (mode_) {
      case Mode::initial: return initial(t);
      case Mode::before_html: return before(t, e, id(Tag::html));
      case Mode::before_head: return before(t, e, id(Tag::head));
      case Mode::in_head: return in_head(t, e);
      case Mode::in_head_noscript: return in_head_noscript(t, e);
      case Mode::after_head: return after_head(t, e);
      case Mode::in_body: return in_body(t, e);
      case Mode::text: return text_mode(t);
      case Mode::in_table: return in_table(t, e);
      case Mode::in_caption: return in_caption(t, e);
      case Mode::in_column_group: return in_column_group(t, e);
      case Mode::in_table_body: return in_table_body(t, e);
      case Mode::in_row: return in_row(t, e);
      case Mode::in_cell: return in_cell(t, e);
      case Mode::in_select: return in_select(t, e, false);
      case Mode::in_select_in_table: return in_select(t, e, true);
      case Mode::in_frameset: return in_frameset(t, e);
    }
    return true;
  }

  // A text token's leading white space, which several insertion modes treat
  // apart from the rest: dropped, or inserted at the current node. True when
  // the token was all white space.
  static bool drop_leading_space(Token& t) {
    t.text.remove_prefix(space_prefix(t.text));
    return t.text.empty();
  }
  bool insert_leading_space(Token& t) {
    size_t k = space_prefix(t.text);
    if (k) b_.add_text(t.text.substr(0, k));
    t.text.remove_prefix(k);
    return t.text.empty();
  }

  // Tokens the head and column-group modes take alike: a text's leading white
  // space is inserted, a comment added, a doctype ignored. True when `t` is
  // used up; a text keeps its rest for the mode's "anything else".
  bool take_space_comment_doctype(Token& t) {
    switch (t.type) {
      case TokenType::text: return insert_leading_space(t);
      case TokenType::comment: add_comment(t); return true;
      case TokenType::doctype: return true;
      default: return false;
    }
  }

  bool initial(Token& t) {
    if (t.type == TokenType::text) {
      if (drop_leading_space(t)) return true;
    } else if (t.type == TokenType::comment) {
      return true;
    } else if (t.type == TokenType::doctype) {
      quirks_ = quirks_doctype(t);
      mode_ = Mode::before_html;
      return true;
    }
    quirks_ = true;
    mode_ = Mode::before_html;
    return false;
  }

  // Before <html> and before <head>: white space, doctypes and stray end tags
  // are dropped until `opens` (html, then head) starts, given or implied by
  // anything else. Comments and a second <html>'s attributes are kept only
  // once html is open.
  bool before(Token& t, uint16_t e, uint16_t opens) {
    const bool html_open = opens == id(Tag::head);
    switch (t.type) {
      case TokenType::doctype: return true;
      case TokenType::comment:
        if (html_open) add_comment(t);
        return true;
      case TokenType::text: {
        if (drop_leading_space(t)) return true;
        break;
      }
      case TokenType::start_tag:
        if (e == opens) {
          insert(e, t);
          opened(opens);
          return true;
        }
        if (html_open && e == id(Tag::html)) return merge_attributes(0, t);
        break;
      case TokenType::end_tag:
        if (e != id(Tag::head) && e != id(Tag::body) && e != id(Tag::html) && e != id(Tag::br))
          return true;
        break;
      case TokenType::eof: break;
    }
    insert_implied(opens);
    opened(opens);
    return false;
  }

  // Moves on once `opens` (html or head) is open.
  void opened(uint16_t opens) {
    if (opens == id(Tag::html)) {
      mode_ = Mode::before_head;
      return;
    }
    head_seen_ = true;
    mode_ = Mode::in_head;
  }

  // Head-only start tags (also used from after_head, in_body and the table modes).
  bool head_start(Token& t, uint16_t e) {
    switch (e) {
      case id(Tag::base):
      case kBasefont:
      case kBgsound:
      case id(Tag::link):
      case id(Tag::meta): insert_void(e, t); return true;
      case id(Tag::title): text_element(t, e, Tokenizer::Mode::rcdata); return true;
      case kNoframes:
      case id(Tag::style): text_element(t, e, Tokenizer::Mode::rawtext); return true;
      case id(Tag::script): text_element(t, e, Tokenizer::Mode::script); return true;
      case id(Tag::template_):
        insert(e, t);
        push_marker();
        mode_ = Mode::in_body;
        return true;
      default: return false;
    }
  }

  bool end_template() {
    int32_t k = s_.top_small[id(Tag::template_)];
    if (k < 0) return true;
    generate_implied_end();
    pop_to(k);
    clear_to_marker();
    reset_mode();
    return true;
  }

  // A second <html> in the head modes adds its new attributes; a second
  // <head> is ignored.
  bool repeated_html_or_head(Token& t, uint16_t e) {
    return e == id(Tag::head) || merge_attributes(0, t);
  }

  bool in_head(Token& t, uint16_t e) {
    if (take_space_comment_doctype(t)) return true;
    switch (t.type) {
      case TokenType::start_tag:
        if (e == id(Tag::html) || e == id(Tag::head)) return repeated_html_or_head(t, e);
        if (head_start(t, e)) return true;
        if (e == id(Tag::noscript)) {
          insert(e, t);
          mode_ = Mode::in_head_noscript;
          return true;
        }
        break;
      case TokenType::end_tag:
        if (e == id(Tag::head)) {
          mode_ = Mode::after_head;  // head stays open until the body starts
          return true;
        }
        if (e == id(Tag::template_)) return end_template();
        if (e != id(Tag::body) && e != id(Tag::html) && e != id(Tag::br)) return true;
        break;
      default: break;  // end of input, the rest of a text
    }
    mode_ = Mode::after_head;
    return false;
  }

  bool in_head_noscript(Token& t, uint16_t e) {
    switch (t.type) {
      case TokenType::doctype: return true;
      case TokenType::comment: add_comment(t); return true;
      case TokenType::text:
        if (all_space(t.text)) {
          b_.add_text(t.text);
          return true;
        }
        break;
      case TokenType::start_tag:
        // An iframe here is dropped: in the body it would hold raw text (see
        // in_body's iframe).
        if (e == id(Tag::html) || e == id(Tag::head) || e == id(Tag::noscript) ||
            e == id(Tag::iframe))
          return true;
        if (e == kBasefont || e == kBgsound || e == id(Tag::link) || e == id(Tag::meta) ||
            e == kNoframes || e == id(Tag::style))
          return head_start(t, e);
        break;
      case TokenType::end_tag:
        if (e == id(Tag::noscript)) {
          pop();
          mode_ = Mode::in_head;
          return true;
        }
        if (e != id(Tag::br)) return true;
        break;
      case TokenType::eof: break;
    }
    pop();  // the noscript
    mode_ = Mode::in_head;
    return false;
  }

  bool after_head(Token& t, uint16_t e) {
    if (take_space_comment_doctype(t)) return true;
    switch (t.type) {
      case TokenType::start_tag:
        if (e == id(Tag::html) || e == id(Tag::head)) return repeated_html_or_head(t, e);
        if (e == id(Tag::body)) {
          start_body(&t);
          return true;
        }
        if (e == kFrameset) {
          close_head();
          insert(e, t);
          mode_ = Mode::in_frameset;
          return true;
        }
        if (e != kUnknown && (flags(e) & kHeadOnly)) {
          // HTML5 re-opens head for these; ours is still open when it exists.
          Mode keep = mode_;
          head_start(t, e);
          if (mode_ == Mode::text) original_ = keep;
          return true;
        }
        break;
      case TokenType::end_tag:
        if (e == id(Tag::template_)) return end_template();
        if (e != id(Tag::body) && e != id(Tag::html) && e != id(Tag::br)) return true;
        break;
      default: break;  // end of input, the rest of a text
    }
    start_body(nullptr);
    return false;
  }

  bool text_mode(Token& t) {
    if (t.type == TokenType::text) {
      b_.add_text(t.text);
      return true;
    }
    if (!stack_.empty()) pop();
    mode_ = original_;
    return t.type != TokenType::eof;
  }

  bool in_frameset(Token& t, uint16_t e) {
    switch (t.type) {
      case TokenType::text: {
        // Only whitespace is kept.
        std::string spaces;
        for (char c : t.text)
          if (c == ' ' || c == '\n' || c == '\t' || c == '\f') spaces.push_back(c);
        if (!spaces.empty()) b_.add_text(spaces);
        return true;
      }
      case TokenType::comment: add_comment(t); return true;
      case TokenType::start_tag:
        if (e == kFrameset) insert(e, t);
        else if (e == kFrame) insert_void(e, t);
        else if (e == kNoframes) text_element(t, e, Tokenizer::Mode::rawtext);
        return true;
      case TokenType::end_tag:
        if (e == kFrameset && !current_is(id(Tag::html)) && stack_.size() > 1) pop();
        return true;
      default: return true;
    }
  }

  void insert_text_in_body(std::string_view text) {
    reconstruct_formatting();
    b_.add_text(text);
  }

  bool in_body(Token& t, uint16_t e) {
    switch (t.type) {
      case TokenType::text: insert_text_in_body(t.text); return true;
      case TokenType::comment: add_comment(t); return true;
      case TokenType::doctype: return true;
      case TokenType::eof: return true;
      case TokenType::start_tag: body_start(t, e); return true;
      case TokenType::end_tag: body_end(t, e); return true;
    }
    return true;
  }

  void body_start(Token& t, uint16_t e) {
    using T = Tag;
    if (e == kUnknown) {
      reconstruct_formatting();
      push(kUnknown, t.name, Ns::html, t.attrs.data(), t.attrs.size());
      return;
    }
    uint32_t f = flags(e);
    if (f & kHeadOnly) {
      head_start(t, e);
      return;
    }
    if (f & kClosesP) {
      close_p_in_button_scope();
      insert(e, t);
      return;
    }
    if (f & kHeading) {
      close_p_in_button_scope();
      if (current_has(kHeading)) pop();
      insert(e, t);
      return;
    }
    if (f & kFormatting) {
      if (e == id(T::a) && find_formatting(e) >= 0) {
        int fi = find_formatting(e);
        uint32_t serial = fmt_[fi].serial;
        adoption_agency(e);
        // Whatever remains of that <a> leaves the list and the stack.
        for (size_t i = 0; i < fmt_.size(); ++i)
          if (!fmt_[i].marker && fmt_[i].serial == serial) {
            fmt_.erase(fmt_.begin() + static_cast<ptrdiff_t>(i));
            break;
          }
        int32_t k = s_.top_small[e];
        if (k >= 0 && stack_[k].serial == serial) make_zombie(k);
      } else if (e == kNobr) {
        reconstruct_formatting();
        if (in_scope(kNobr)) adoption_agency(kNobr);
      }
      reconstruct_formatting();
      NodeId n = insert(e, t);
      push_formatting(e, n);
      return;
    }
    if (f & kTablePart) return;  // ignored in body
    switch (e) {
      case id(T::html): merge_attributes(0, t); return;
      case id(T::body):
        if (stack_.size() >= 2 && is_html(stack_[1], id(T::body)) &&
            s_.top_small[id(T::template_)] < 0)
          merge_attributes(1, t);
        return;
      case id(T::head):
      case kFrameset:
      case kFrame: return;  // ignored in body, as are the table parts above
      case id(T::pre):
      case kListing:
        close_p_in_button_scope();
        insert(e, t);
        s_.tokenizer.skip_newline();
        return;
      case id(T::form):
        if (form_ >= 0 && s_.top_small[id(T::template_)] < 0) return;
        close_p_in_button_scope();
        insert(e, t);
        form_ = static_cast<int32_t>(stack_.size() - 1);
        form_serial_ = stack_.back().serial;
        return;
      case id(T::li): {
        int32_t k = s_.top_small[e];
        if (k >= 0 && k >= stack_.back().special_li) {
          generate_implied_end(e);
          pop_to(k);
        }
        close_p_in_button_scope();
        insert(e, t);
        return;
      }
      case id(T::dd):
      case id(T::dt): {
        int32_t k = std::max(s_.top_small[id(T::dd)], s_.top_small[id(T::dt)]);
        if (k >= 0 && k >= stack_.back().special_li) {
          generate_implied_end(stack_[k].id);
          pop_to(k);
        }
        close_p_in_button_scope();
        insert(e, t);
        return;
      }
      case kPlaintext:
        close_p_in_button_scope();
        insert(e, t);
        s_.tokenizer.set_mode(Tokenizer::Mode::plaintext, t.name);
        return;
      case id(T::button):
        if (in_scope(e)) {
          generate_implied_end();
          pop_until_html(e);
        }
        reconstruct_formatting();
        insert(e, t);
        return;
      case kApplet:
      case kMarquee:
      case id(T::object):
        reconstruct_formatting();
        insert(e, t);
        push_marker();
        return;
      case id(T::table):
        if (!quirks_) close_p_in_button_scope();
        insert(e, t);
        mode_ = Mode::in_table;
        return;
      case kArea:
      case id(T::br):
      case id(T::embed):
      case id(T::img):
      case kKeygen:
      case kWbr:
      case id(T::input):
        reconstruct_formatting();
        insert_void(e, t);
        return;
      case kImage:
        reconstruct_formatting();
        push(id(T::img), "img", Ns::html, t.attrs.data(), t.attrs.size());
        pop();
        return;
      case kParam:
      case id(T::source):
      case kTrack: insert_void(e, t); return;
      case id(T::hr):
        close_p_in_button_scope();
        insert_void(e, t);
        return;
      case id(T::textarea):
        insert(e, t);
        s_.tokenizer.skip_newline();
        s_.tokenizer.set_mode(Tokenizer::Mode::rcdata, t.name);
        original_ = mode_;
        mode_ = Mode::text;
        return;
      case kXmp:
        close_p_in_button_scope();
        reconstruct_formatting();
        text_element(t, e, Tokenizer::Mode::rawtext);
        return;
      case id(T::iframe):
        // Inside <noscript> an iframe holds no raw text: a browser that runs
        // scripts never parses it there, and a tag manager's self-closed
        // "<noscript><iframe .../></noscript>" would swallow the rest of the page.
        if (s_.top_small[id(T::noscript)] >= 0) {
          insert_void(e, t);
          return;
        }
        text_element(t, e, Tokenizer::Mode::rawtext);
        return;
      case kNoembed: text_element(t, e, Tokenizer::Mode::rawtext); return;
      case id(T::select):
        reconstruct_formatting();
        insert(e, t);
        mode_ = (mode_ == Mode::in_table || mode_ == Mode::in_caption ||
                 mode_ == Mode::in_table_body || mode_ == Mode::in_row || mode_ == Mode::in_cell)
                    ? Mode::in_select_in_table
                    : Mode::in_select;
        return;
      case kOptgroup:
      case id(T::option):
        if (current_is(id(T::option))) pop();
        reconstruct_formatting();
        insert(e, t);
        return;
      case kRb:
      case kRtc:
        if (in_scope(kRuby)) generate_implied_end();
        insert(e, t);
        return;
      case kRp:
      case kRt:
        if (in_scope(kRuby)) generate_implied_end(kRtc);
        insert(e, t);
        return;
      case id(T::svg):
      case id(T::math):
        reconstruct_formatting();
        insert_foreign(t, e == id(T::svg) ? Ns::svg : Ns::math);
        return;
      default:
        reconstruct_formatting();
        insert(e, t);
        return;
    }
  }

  // "Any other end tag" in body.
  void other_end(const Token& t, uint16_t e) {
    int32_t k = top_of(html_key(e, t.name));
    if (k < 0 || stack_.empty() || k < stack_.back().special) return;
    generate_implied_end(e);
    pop_to(k);
  }

  void body_end(Token& t, uint16_t e) {
    using T = Tag;
    if (e == kUnknown) {
      other_end(t, e);
      return;
    }
    uint32_t f = flags(e);
    if (f & kBlockEnd) {
      if (!in_scope(e)) return;
      generate_implied_end();
      pop_until_html(e);
      return;
    }
    if (f & kHeading) {
      int32_t k = -1;
      for (uint16_t h = id(T::h1); h <= id(T::h6); ++h) k = std::max(k, s_.top_small[h]);
      if (!in_scope_at(k, &Open::bound_default)) return;
      generate_implied_end();
      pop_to(k);
      return;
    }
    if (f & kFormatting) {
      if (!adoption_agency(e)) other_end(t, e);
      return;
    }
    switch (e) {
      case id(T::body):
      case id(T::html): return;  // content after </body> still goes to body
      case id(T::template_): end_template(); return;
      case id(T::form): {
        int32_t k = form_;
        form_ = -1;
        if (k < 0 || k >= static_cast<int32_t>(stack_.size()) ||
            stack_[k].serial != form_serial_ || stack_[k].zombie || k < stack_.back().bound_default)
          return;
        generate_implied_end();
        if (k == static_cast<int32_t>(stack_.size()) - 1) pop();
        else make_zombie(k);
        return;
      }
      case id(T::p):
        if (!in_button_scope(e)) {
          insert_implied(e);  // </p> without <p>: an empty paragraph
          pop();
          return;
        }
        generate_implied_end(e);
        pop_until_html(e);
        return;
      case id(T::li):
        if (!in_list_scope(e)) return;
        generate_implied_end(e);
        pop_until_html(e);
        return;
      case id(T::dd):
      case id(T::dt):
        if (!in_scope(e)) return;
        generate_implied_end(e);
        pop_until_html(e);
        return;
      case kApplet:
      case kMarquee:
      case id(T::object):
        if (!in_scope(e)) return;
        generate_implied_end();
        pop_until_html(e);
        clear_to_marker();
        return;
      case id(T::br): {
        t.attrs.clear();
        reconstruct_formatting();
        insert_implied(e);
        pop();
        return;
      }
      default: other_end(t, e); return;
    }
  }

  // ---- tables ------------------------------------------------------------------
  void clear_to_table_context() {
    while (!stack_.empty() && !current_is(id(Tag::table)) && !current_is(id(Tag::template_)) &&
           !current_is(id(Tag::html)))
      pop();
  }
  void clear_to_table_body_context() {
    while (!stack_.empty() && !current_is(id(Tag::tbody)) && !current_is(id(Tag::tfoot)) &&
           !current_is(id(Tag::thead)) && !current_is(id(Tag::template_)) &&
           !current_is(id(Tag::html)))
      pop();
  }
  void clear_to_row_context() {
    while (!stack_.empty() && !current_is(id(Tag::tr)) && !current_is(id(Tag::template_)) &&
           !current_is(id(Tag::html)))
      pop();
  }
  bool table_section(uint16_t e) const {
    return e == id(Tag::tbody) || e == id(Tag::thead) || e == id(Tag::tfoot);
  }
  // Sections, rows, cells, captions and columns: only meaningful in a table.
  bool table_part(uint16_t e) const { return flags(e) & kTablePart; }
  bool close_table() {
    if (!in_table_scope(id(Tag::table))) return false;
    pop_until_html(id(Tag::table));
    reset_mode();
    return true;
  }

  bool in_table(Token& t, uint16_t e) {
    using T = Tag;
    switch (t.type) {
      case TokenType::text:
        if (all_space(t.text)) b_.add_text(t.text);
        else insert_text_in_body(t.text);  // HTML5 fosters it before the table
        return true;
      case TokenType::comment: add_comment(t); return true;
      case TokenType::doctype: return true;
      case TokenType::eof: return true;
      case TokenType::start_tag:
        switch (e) {
          case id(T::caption):
            clear_to_table_context();
            push_marker();
            insert(e, t);
            mode_ = Mode::in_caption;
            return true;
          case kColgroup:
            clear_to_table_context();
            insert(e, t);
            mode_ = Mode::in_column_group;
            return true;
          case kCol:
            clear_to_table_context();
            insert_implied(kColgroup);
            mode_ = Mode::in_column_group;
            return false;
          case id(T::tbody):
          case id(T::tfoot):
          case id(T::thead):
            clear_to_table_context();
            insert(e, t);
            mode_ = Mode::in_table_body;
            return true;
          case id(T::td):
          case id(T::th):
          case id(T::tr):
            clear_to_table_context();
            insert_implied(id(T::tbody));
            mode_ = Mode::in_table_body;
            return false;
          case id(T::table): return !close_table();
          case id(T::style):
          case id(T::script):
          case id(T::template_): head_start(t, e); return true;
          case id(T::input):
            if (equals_ci(t.attr("type"), "hidden")) {
              insert_void(e, t);
              return true;
            }
            break;
          case id(T::form):
            if (form_ >= 0 || s_.top_small[id(T::template_)] >= 0) return true;
            insert(e, t);
            form_ = static_cast<int32_t>(stack_.size() - 1);
            form_serial_ = stack_.back().serial;
            pop();
            return true;
          default: break;
        }
        body_start(t, e);  // HTML5 fosters it; we insert in place
        return true;
      case TokenType::end_tag:
        switch (e) {
          case id(T::table): close_table(); return true;
          case id(T::body):
          case id(T::html): return true;
          case id(T::template_): end_template(); return true;
          default:
            if (!table_part(e)) body_end(t, e);  // a stray table part is ignored
            return true;
        }
    }
    return true;
  }

  bool close_caption() {
    if (!in_table_scope(id(Tag::caption))) return false;
    generate_implied_end();
    pop_until_html(id(Tag::caption));
    clear_to_marker();
    mode_ = Mode::in_table;
    return true;
  }

  bool in_caption(Token& t, uint16_t e) {
    using T = Tag;
    if (t.type == TokenType::start_tag && table_part(e)) return !close_caption();
    if (t.type == TokenType::end_tag) {
      if (e == id(T::caption)) {
        close_caption();
        return true;
      }
      if (e == id(T::table)) return !close_caption();
      if (e == id(T::body) || e == kCol || e == kColgroup || e == id(T::html) ||
          table_section(e) || e == id(T::td) || e == id(T::th) || e == id(T::tr))
        return true;
    }
    return in_body(t, e);
  }

  bool in_column_group(Token& t, uint16_t e) {
    if (take_space_comment_doctype(t)) return true;
    switch (t.type) {
      case TokenType::start_tag:
        if (e == kCol) {
          insert_void(e, t);
          return true;
        }
        if (e == id(Tag::template_)) {
          head_start(t, e);
          return true;
        }
        break;
      case TokenType::end_tag:
        if (e == kColgroup) {
          if (current_is(kColgroup)) {
            pop();
            mode_ = Mode::in_table;
          }
          return true;
        }
        if (e == kCol) return true;
        if (e == id(Tag::template_)) return end_template();
        break;
      case TokenType::eof: return true;
      default: break;  // the rest of a text
    }
    if (!current_is(kColgroup)) return true;
    pop();
    mode_ = Mode::in_table;
    return false;
  }

  // Closes the open tbody, thead or tfoot back to the table; false when none
  // is in table scope.
  bool close_table_section() {
    if (!in_table_scope(id(Tag::tbody)) && !in_table_scope(id(Tag::thead)) &&
        !in_table_scope(id(Tag::tfoot)))
      return false;
    clear_to_table_body_context();
    pop();
    mode_ = Mode::in_table;
    return true;
  }

  bool in_table_body(Token& t, uint16_t e) {
    using T = Tag;
    if (t.type == TokenType::start_tag) {
      if (e == id(T::tr)) {
        clear_to_table_body_context();
        insert(e, t);
        mode_ = Mode::in_row;
        return true;
      }
      if (e == id(T::th) || e == id(T::td)) {
        clear_to_table_body_context();
        insert_implied(id(T::tr));
        mode_ = Mode::in_row;
        return false;
      }
      if (e == id(T::caption) || e == kCol || e == kColgroup || table_section(e))
        return !close_table_section();
    } else if (t.type == TokenType::end_tag) {
      if (table_section(e)) {
        if (in_table_scope(e)) close_table_section();
        return true;
      }
      if (e == id(T::table)) return !close_table_section();
      if (e == id(T::body) || e == id(T::caption) || e == kCol || e == kColgroup ||
          e == id(T::html) || e == id(T::td) || e == id(T::th) || e == id(T::tr))
        return true;
    }
    return in_table(t, e);
  }

  bool close_row() {
    if (!in_table_scope(id(Tag::tr))) return false;
    clear_to_row_context();
    pop();
    mode_ = Mode::in_table_body;
    return true;
  }

  bool in_row(Token& t, uint16_t e) {
    using T = Tag;
    if (t.type == TokenType::start_tag) {
      if (e == id(T::th) || e == id(T::td)) {
        clear_to_row_context();
        insert(e, t);
        mode_ = Mode::in_cell;
        push_marker();
        return true;
      }
      if (e == id(T::caption) || e == kCol || e == kColgroup || table_section(e) ||
          e == id(T::tr))
        return !close_row();
    } else if (t.type == TokenType::end_tag) {
      if (e == id(T::tr)) {
        close_row();
        return true;
      }
      if (e == id(T::table)) return !close_row();
      if (table_section(e)) {
        if (!in_table_scope(e)) return true;
        return !close_row();
      }
      if (e == id(T::body) || e == id(T::caption) || e == kCol || e == kColgroup ||
          e == id(T::html) || e == id(T::td) || e == id(T::th))
        return true;
    }
    return in_table(t, e);
  }

  void close_cell() {
    generate_implied_end();
    while (!stack_.empty() && !current_is(id(Tag::td)) && !current_is(id(Tag::th))) pop();
    if (!stack_.empty()) pop();
    clear_to_marker();
    mode_ = Mode::in_row;
  }

  bool in_cell(Token& t, uint16_t e) {
    using T = Tag;
    if (t.type == TokenType::end_tag) {
      if (e == id(T::td) || e == id(T::th)) {
        if (!in_table_scope(e)) return true;
        generate_implied_end();
        pop_until_html(e);
        clear_to_marker();
        mode_ = Mode::in_row;
        return true;
      }
      if (e == id(T::body) || e == id(T::caption) || e == kCol || e == kColgroup ||
          e == id(T::html))
        return true;
      if (e == id(T::table) || table_section(e) || e == id(T::tr)) {
        if (!in_table_scope(e)) return true;
        close_cell();
        return false;
      }
    } else if (t.type == TokenType::start_tag) {
      if (table_part(e)) {
        if (!in_table_scope(id(T::td)) && !in_table_scope(id(T::th))) return true;
        close_cell();
        return false;
      }
    }
    return in_body(t, e);
  }

  // Closes the open <select> and everything in it; false when none is open.
  bool close_select() {
    if (s_.top_small[id(Tag::select)] < 0) return false;
    pop_until_html(id(Tag::select));
    reset_mode();
    return true;
  }

  bool in_select(Token& t, uint16_t e, bool in_table) {
    using T = Tag;
    bool table_tag = e == id(T::caption) || e == id(T::table) || table_section(e) ||
                     e == id(T::tr) || e == id(T::td) || e == id(T::th);
    switch (t.type) {
      case TokenType::text: b_.add_text(t.text); return true;
      case TokenType::comment: add_comment(t); return true;
      case TokenType::doctype: return true;
      case TokenType::eof: return true;
      case TokenType::start_tag:
        if (in_table && table_tag) {
          pop_until_html(id(T::select));
          reset_mode();
          return false;
        }
        switch (e) {
          case id(T::html): return true;
          case id(T::option):
            if (current_is(e)) pop();
            insert(e, t);
            return true;
          case kOptgroup:
            if (current_is(id(T::option))) pop();
            if (current_is(kOptgroup)) pop();
            insert(e, t);
            return true;
          case id(T::hr):
            if (current_is(id(T::option))) pop();
            if (current_is(kOptgroup)) pop();
            insert_void(e, t);
            return true;
          case id(T::select): close_select(); return true;
          case id(T::input):
          case kKeygen:
          case id(T::textarea):
            return !close_select();
          case id(T::script):
          case id(T::template_): head_start(t, e); return true;
          default: return true;  // ignored
        }
      case TokenType::end_tag:
        if (in_table && table_tag) {
          if (!in_table_scope(e)) return true;
          pop_until_html(id(T::select));
          reset_mode();
          return false;
        }
        switch (e) {
          case kOptgroup:
            if (current_is(id(T::option)) && stack_.size() >= 2 &&
                is_html(stack_[stack_.size() - 2], kOptgroup))
              pop();
            if (current_is(kOptgroup)) pop();
            return true;
          case id(T::option):
            if (current_is(e)) pop();
            return true;
          case id(T::select): close_select(); return true;
          case id(T::template_): end_template(); return true;
          default: return true;
        }
    }
    return true;
  }
};

thread_local std::unique_ptr<State> t_state;

}  // namespace

Result<Document> parse_with_native(PaddedText&& utf8_html, const ParseOptions& options) {
  if (!t_state) t_state = std::make_unique<State>();
  DocumentBuilder builder(options.max_depth, work_budget(options, utf8_html.size()));
  // The Document keeps the input: its texts and attribute values are views
  // into it.
  const PaddedText& input = builder.keep_input(std::move(utf8_html));
  {
    TreeBuilder tree(*t_state, builder, options);
    tree.run(input);
  }
  // Big pages leave big buffers behind; give them back.
  if (t_state->stack.capacity() > (1u << 16)) t_state.reset();
  // Over its work budget the page was parsed only up to the token that
  // crossed it (run() stops there): the error, not a truncated tree.
  if (builder.over_budget()) return builder.budget_error();
  return builder.finish();
}

}  // namespace saring::html::detail
