// saring's own DOM. Every area above html/ sees only these types; the parser
// behind them (our own HTML5 parser, MyHTML or libxml2) is a
// backend chosen at run time. See docs/html-parser.md for the measurements
// behind the default.
//
// The tree is read-only once built, stored in an arena owned by Document, and
// bounded in depth: elements nested deeper than ParseOptions::max_depth are
// attached at the depth limit, so their text is kept while every traversal
// stays shallow (a page nested 100,000 deep cannot blow the stack).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "saring/result.h"

namespace saring::html {

enum class NodeType : uint8_t { document, element, text, comment };

// Elements the extractors reason about. Anything else is Tag::other, with its
// lowercase name still available in Node::name.
enum class Tag : uint8_t {
  other,
  // document structure
  html, head, body, title, meta, link, base, script, style, noscript, template_,
  // embedded and interactive
  iframe, svg, math, canvas, object, embed, form, input, button, select,
  textarea, label, option, dialog, menu,
  // sectioning
  nav, header, footer, aside, main, article, section, div, span, address,
  details, summary, center,
  // text blocks
  p, br, hr, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre,
  // tables
  table, thead, tbody, tfoot, tr, td, th, caption,
  // inline
  a, img, picture, source, figure, figcaption, video, audio, em, strong, b, i,
  u, s, del, ins, mark, small, sub, sup, abbr, cite, q, code, kbd, samp, tt,
  time, font,
  count_  // number of tags; keep last
};

// Lowercase name of a known tag ("" for Tag::other).
std::string_view tag_name(Tag tag);
// Tag for a lowercase element name; Tag::other when unknown.
Tag tag_from_name(std::string_view name);

struct Attribute {
  std::string_view name;   // lowercase
  std::string_view value;  // entities decoded, UTF-8
};

// 48 bytes (a page can make a node every few bytes, so the DOM's size is
// mostly this struct's): a Document's nodes are one array, so a link is a
// 32-bit offset from this node to the other (0: none), and an element's name
// and a text's content share one string field. Read links and strings
// through the methods.
struct Node {
  NodeType type = NodeType::element;
  Tag tag = Tag::other;
  uint16_t depth = 0;  // root is 0; at most 65535 (DocumentBuilder caps max_depth)
  uint32_t attr_count = 0;
  const Attribute* attrs = nullptr;

  // Lowercase element name; empty for non-elements.
  std::string_view name() const { return type == NodeType::element ? chars() : std::string_view(); }
  // Text or comment content, entities decoded, UTF-8; empty for elements.
  std::string_view text() const {
    return type == NodeType::text || type == NodeType::comment ? chars() : std::string_view();
  }
  const Node* parent() const { return at(parent_); }
  const Node* first_child() const { return at(first_child_); }
  const Node* last_child() const { return at(last_child_); }
  const Node* prev_sibling() const { return at(prev_sibling_); }
  const Node* next_sibling() const { return at(next_sibling_); }

  bool is(Tag t) const { return type == NodeType::element && tag == t; }
  bool is_element() const { return type == NodeType::element; }
  bool is_text() const { return type == NodeType::text; }

  // Value of attribute `attr_name` (lowercase), or "" when absent.
  std::string_view attr(std::string_view attr_name) const;
  bool has_attr(std::string_view attr_name) const;

 private:
  friend class DocumentBuilder;  // the only writer
  std::string_view chars() const { return {chars_, chars_size_}; }
  const Node* at(int32_t offset) const { return offset ? this + offset : nullptr; }

  const char* chars_ = nullptr;  // name (elements) or text (text, comment)
  uint32_t chars_size_ = 0;
  int32_t parent_ = 0;
  int32_t first_child_ = 0;
  int32_t last_child_ = 0;
  int32_t prev_sibling_ = 0;
  int32_t next_sibling_ = 0;
};

class DocumentBuilder;

// Text followed by padding() readable bytes, all NUL, as the native parser
// needs its input: its loops inside a tag stop at the first NUL instead of
// checking the bounds at every byte, and it loads tag names kPadding bytes at
// a time without looking at their length when the padding reaches that far
// (nearer the end a name is copied). Making one is the only way to establish
// that, so a scanner that takes a PaddedText may read that far past the text.
class PaddedText {
 public:
  static constexpr size_t kPadding = 16;

  PaddedText() : PaddedText(std::string()) {}
  // Takes `text` over without copying it: the padding is the NUL that ends
  // a std::string and what spare capacity it has, up to kPadding bytes.
  explicit PaddedText(std::string&& text) : buf_(std::move(text)), size_(buf_.size()) {
    buf_.resize(std::min(buf_.capacity(), size_ + kPadding - 1), '\0');
  }
  // A copy of `text` with the full kPadding bytes.
  static PaddedText copy_of(std::string_view text) {
    std::string buf;
    buf.reserve(text.size() + kPadding);
    buf.assign(text);
    return PaddedText(std::move(buf));
  }

  std::string_view view() const { return {buf_.data(), size_}; }
  const char* data() const { return buf_.data(); }
  size_t size() const { return size_; }
  // Readable NUL bytes after the text: 1 to kPadding.
  size_t padding() const { return buf_.size() - size_ + 1; }

 private:
  std::string buf_;  // the text, then padding() - 1 NUL bytes (and a std::string's NUL)
  size_t size_ = 0;  // of the text
};

// A parsed page. Owns every node and string; movable, not copyable. Node
// pointers stay valid for the Document's lifetime, across moves. At most
// 2^31 - 1 nodes, and texts under 4 GiB (parse() takes at most 2 GiB).
class Document {
 public:
  Document();
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const Node* root() const;  // NodeType::document
  const Node* html() const;  // <html>, or nullptr
  const Node* head() const;  // <head>, or nullptr
  const Node* body() const;  // <body>, or nullptr
  size_t node_count() const;

 private:
  friend class DocumentBuilder;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Backends build a Document by replaying their own tree as events. The builder
// copies strings into the Document's arena (views when they lie in the input
// given to keep_input()), interns tag names and caps depth. Nodes are named
// by NodeId while the tree grows (the node array may move); node() reads one.
class DocumentBuilder {
 public:
  using NodeId = uint32_t;  // the root is 0

  // `max_depth` is capped at 65535 (Node::depth); `max_work`: see
  // ParseOptions' work budget and over_budget() (at most 2^31 - 2, which
  // keeps the node count in range).
  explicit DocumentBuilder(uint32_t max_depth, uint64_t max_work = UINT64_MAX);
  ~DocumentBuilder();
  // Hands the input over to the Document being built and returns it (call
  // before any other method). Strings later passed in that lie
  // inside this view are kept as views into it rather than copied; attribute
  // names inside it must be lowercase already (they are not lowercased).
  const PaddedText& keep_input(PaddedText&& input);
  // Both return the new element.
  NodeId start_element(std::string_view name, const std::vector<Attribute>& attrs);
  // Fast path for backends: `tag` is already resolved (Tag::other for unknown
  // names, which are then interned from `name`) and attributes come as an
  // array; names and values are copied, so the caller's memory may be reused.
  NodeId start_element(Tag tag, std::string_view name, const Attribute* attrs,
                       size_t attr_count);
  void end_element();
  void add_text(std::string_view text);     // adjacent texts are merged
  // A node added so far; the reference is valid until the next node is added
  // (its name and attributes stay valid as long as the builder's Document).
  const Node& node(NodeId id) const;

  // Restructuring, for a backend that must move nodes after creating them
  // (the native tree builder's adoption agency). Depths are kept
  // consistent. Each returns the number of nodes whose
  // depth had to be rewritten (the caller's cost budget).
  // A new element like `like` (tag, name, attributes), not yet in the tree.
  NodeId clone_element(NodeId like);
  // Detaches `node` (with its subtree) and appends it to `parent`.
  size_t reparent(NodeId node, NodeId parent);
  // Moves every child of `from` to the end of `to`'s children.
  size_t move_children(NodeId from, NodeId to);
  // Adds to `node` the attributes it does not have yet (HTML5's rule for a
  // second <html> or <body> start tag); copied like start_element's.
  void add_attributes(NodeId node, const Attribute* attrs, size_t attr_count);
  // Open elements: keeps the first `keep` and then opens `nodes` (which must
  // already be in the tree), so the next insertion goes into nodes[n - 1].
  void reset_open(size_t keep, const NodeId* nodes, size_t n);
  void add_comment(std::string_view text);
  // Whether the nodes and attributes added so far exceed `max_work`. The
  // builder keeps accepting events (nothing it returned becomes invalid);
  // the backend is to stop feeding it and return budget_error().
  bool over_budget() const { return work_left_ < 0; }
  // The ErrorCode::too_costly error for a page over its budget.
  Error budget_error() const;
  Document finish();                         // closes open elements

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint64_t max_work_;
  int64_t work_left_;  // max_work_ less the nodes and attributes added
};

// native: saring's own HTML5 tokenizer and tree builder (src/html/tokenizer.cc,
// tree_builder.cc); myhtml: MyHTML (libmodest); libxml2: libxml2's HTML parser.
enum class Backend : uint8_t { myhtml, libxml2, native };
std::string_view to_string(Backend backend);
// Parses "native" / "myhtml" / "libxml2".
Result<Backend> backend_from_string(std::string_view name);

struct ParseOptions {
  Backend backend = Backend::native;          // see docs/html-parser.md
  uint32_t max_depth = 256;                 // see the file comment
  size_t max_bytes = 64u * 1024u * 1024u;   // larger inputs are an error, not truncated
  bool keep_comments = false;               // HTML comments are rarely useful
  // Work budget of one page, in units of work: one per node (element, text,
  // comment) and per attribute the DOM stores. A page may spend
  // work_base + work_per_kib * (its bytes / 1024); one that needs more is an
  // ErrorCode::too_costly error (not a truncated tree), so a page's time and
  // memory stay linear in its size whatever its markup (a flood of <br>
  // makes a node every 4 bytes). It counts work, not time: the same page
  // gives the same answer on any machine. A unit costs a page about 150
  // bytes at its peak, end to end (a 48-byte node, then either its parser
  // stack entry or main-text extraction's records), so 96 per KiB keep a
  // page's peak within 16 times its size plus a fixed base (the process
  // and work_base's units: 30 MB, docs/html-parser.md). The defaults stop
  // none of the 2,710 pages of the evaluation sets (the most any makes is
  // 73,520 units, all within work_base; the densest, 102 per KiB). MyHTML and
  // libxml2 build a tree of their own first, so for them the start tags and
  // attributes are counted before parsing, and a page whose markup alone
  // asks for more is stopped before either library sees it.
  uint64_t work_base = 100000;
  uint64_t work_per_kib = 96;
};

// The work budget ParseOptions gives a page of `bytes` bytes.
uint64_t work_budget(const ParseOptions& options, size_t bytes);

// Parses UTF-8 HTML (decode first with decode_to_utf8()). Errors only for
// inputs over max_bytes or a failing backend; broken markup still parses.
Result<Document> parse(std::string_view utf8_html, const ParseOptions& options = {});

struct DecodedText;
// parse() for decode_to_utf8()'s result, the cheaper way: decoded.utf8 is
// valid UTF-8 by contract, so it is not checked again, and it is moved into
// the Document (left empty), whose texts and attribute values then point
// into it instead of being copied. Charset fields are left as they are.
Result<Document> parse_decoded(DecodedText& decoded, const ParseOptions& options = {});

// ---- Charset decoding ------------------------------------------------------

enum class CharsetSource : uint8_t { bom, http, meta, detected, fallback };
std::string_view to_string(CharsetSource source);

struct DecodedText {
  std::string utf8;        // always valid UTF-8
  std::string charset;     // canonical name of what the bytes were read as
  CharsetSource source = CharsetSource::fallback;
  size_t invalid_bytes = 0;  // bytes that had to be replaced with U+FFFD
};

// Decodes raw page bytes to UTF-8. Order of trust: byte-order mark, the
// charset from the HTTP Content-Type (`http_charset`, may be empty), the
// page's <meta charset> / http-equiv in its first 4 KB, then a statistical
// detector; UTF-8 when all else fails. Never fails: undecodable bytes become
// U+FFFD and are counted.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view http_charset = {});
// decode_to_utf8() for bytes the caller no longer needs: when they are valid
// UTF-8 (most pages) they become DecodedText::utf8 without a copy. `bytes` is
// left in a valid but unspecified state.
DecodedText decode_to_utf8_owned(std::string&& bytes, std::string_view http_charset = {});

// ---- Traversal helpers -----------------------------------------------------

// Concatenated text of all descendants (no separators added between blocks).
std::string inner_text(const Node* node);

// Calls fn(node) for `node` and every descendant in document order, without
// recursion. Returning false from fn skips that node's children.
template <class Fn>
void walk(const Node* node, Fn&& fn) {
  if (!node) return;
  const Node* n = node;
  while (n) {
    bool descend = fn(n);
    if (descend && n->first_child()) {
      n = n->first_child();
      continue;
    }
    while (n && n != node && !n->next_sibling()) n = n->parent();
    if (!n || n == node) return;
    n = n->next_sibling();
  }
}

}  // namespace saring::html
