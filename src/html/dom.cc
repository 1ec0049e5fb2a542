// saring's DOM: an arena-backed, read-only tree built from backend events.
//
// How it works. A Document owns its nodes as one array (links are 32-bit
// offsets within it, so a node is 48 bytes) and one Arena: a list of heap
// blocks filled by bumping a pointer, out of which attribute arrays and
// every string (text, names, attribute values) are carved. A page costs a
// handful of allocations however many nodes it has; the array grows while
// the tree is built (the builder names nodes by index meanwhile) and never
// after, so node pointers handed out by a finished Document stay valid
// (moving a Document moves only its Impl pointer). Node is trivially
// destructible, so nothing is destroyed one by one.
//
// The DocumentBuilder replays a backend's tree: start_element / end_element /
// add_text. Known tag names resolve to a Tag through a first-letter table
// and point at static storage; unknown names are interned once per
// document. Strings are copied into the arena unless they lie inside the
// input the backend handed over (keep_input: the native backend's text runs
// and attribute values without character references), which the Document
// then owns and points into. Adjacent texts are merged: a view into the input
// grows when the next text follows it there, an arena string grows in place
// when it is the last thing in the arena, otherwise both are copied. Depth is capped: a node is never deeper than
// max_depth. An element that would be deeper becomes a child of the open
// ancestor at depth max_depth - 1 (a sibling of the element at the cap), and
// so does text; document order is kept, so every character survives while
// every traversal stays shallow. Descendants of <svg> and <math> are marked
// Tag::other (their <title>, <a>, <style> are not HTML's), names kept.
#include <algorithm>
#include <array>
#include <cstring>
#include <new>
#include <unordered_map>
#include <unordered_set>

#include "saring/html.h"

namespace saring::html {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Tag::count_)> kTagNames = {
    "",
    "html", "head", "body", "title", "meta", "link", "base", "script", "style", "noscript",
    "template",
    "iframe", "svg", "math", "canvas", "object", "embed", "form", "input", "button", "select",
    "textarea", "label", "option", "dialog", "menu",
    "nav", "header", "footer", "aside", "main", "article", "section", "div", "span", "address",
    "details", "summary", "center",
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "a", "img", "picture", "source", "figure", "figcaption", "video", "audio", "em", "strong",
    "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "code",
    "kbd", "samp", "tt", "time", "font",
};
static_assert(kTagNames.back() == "font", "kTagNames must follow the Tag enum");

// Known tags bucketed by first letter; each bucket is short (<= 10 names).
struct TagTable {
  std::array<std::vector<Tag>, 26> by_letter;
  TagTable() {
    for (size_t i = 1; i < kTagNames.size(); ++i)
      by_letter[kTagNames[i][0] - 'a'].push_back(static_cast<Tag>(i));
  }
};

const TagTable& tag_table() {
  static const TagTable table;
  return table;
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

static_assert(sizeof(void*) != 8 || sizeof(Node) == 48, "Node's layout grew (see html.h)");

// Depth of a child of `parent`. The adoption agency may move a subtree below
// the cap, so this saturates instead of wrapping Node::depth's 16 bits.
uint16_t child_depth(const Node& parent) {
  return parent.depth == UINT16_MAX ? UINT16_MAX : static_cast<uint16_t>(parent.depth + 1);
}

// Node ids are offsets into one array and links 32-bit differences of them.
constexpr uint64_t kMaxNodes = INT32_MAX;

constexpr size_t kFirstBlock = 16 * 1024;
constexpr size_t kMaxBlock = 1024 * 1024;

// Bump allocator over a list of blocks. Never moves what it handed out.
class Arena {
 public:
  void* allocate(size_t n, size_t align) {
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    if (pad + n > left_) {
      grow(n + align);
      pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    }
    char* p = cur_ + pad;
    cur_ = p + n;
    left_ -= pad + n;
    return p;
  }
  char* copy(std::string_view s) {
    char* p = static_cast<char*>(allocate(s.size(), 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    return p;
  }
  // Extends the allocation ending at `end` by n bytes in place when it was
  // the last one and the block has room.
  bool try_extend(const char* end, size_t n) {
    if (end != cur_ || n > left_) return false;
    cur_ += n;
    left_ -= n;
    return true;
  }
  size_t bytes() const { return total_; }

 private:
  [[gnu::noinline]] void grow(size_t at_least) {  // rare: keeps allocate() small
    size_t size = std::max(next_, at_least);
    blocks_.emplace_back(new char[size]);
    cur_ = blocks_.back().get();
    left_ = size;
    total_ += size;
    if (next_ < kMaxBlock) next_ *= 2;
  }
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  size_t next_ = kFirstBlock;
  size_t total_ = 0;
};

}  // namespace

std::string_view tag_name(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < kTagNames.size() ? kTagNames[i] : std::string_view();
}

Tag tag_from_name(std::string_view name) {
  if (name.empty() || name.size() > 10) return Tag::other;
  unsigned char c = static_cast<unsigned char>(name[0]);
  if (c < 'a' || c > 'z') return Tag::other;
  for (Tag t : tag_table().by_letter[c - 'a'])
    if (kTagNames[static_cast<size_t>(t)] == name) return t;
  return Tag::other;
}

std::string_view Node::attr(std::string_view attr_name) const {
  for (uint32_t i = 0; i < attr_count; ++i)
    if (attrs[i].name == attr_name) return attrs[i].value;
  return {};
}

bool Node::has_attr(std::string_view attr_name) const {
  for (uint32_t i = 0; i < attr_count; ++i)
    if (attrs[i].name == attr_name) return true;
  return false;
}

// ---- Document ---------------------------------------------------------------

struct Document::Impl {
  Arena arena;
  // The parsed input, when the backend handed it over (keep_input): strings
  // that lie inside it are stored as views instead of arena copies.
  PaddedText source;
  std::vector<Node> nodes;  // nodes[0] is the root (NodeType::document)
  const Node* html = nullptr;  // set by finish(), when `nodes` stops growing
  const Node* head = nullptr;
  const Node* body = nullptr;
  // Attributes of elements that a repeated <html>/<body> start tag added to
  // (DocumentBuilder::add_attributes); the node's attrs point into `attrs`.
  struct Merged {
    std::vector<Attribute> attrs;
    std::unordered_set<std::string_view> names;
  };
  std::unordered_map<uint32_t, Merged> merged;  // by node id

  Impl() {
    nodes.emplace_back();
    nodes[0].type = NodeType::document;
  }
};

Document::Document() : impl_(std::make_unique<Impl>()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const Node* Document::root() const { return impl_ ? impl_->nodes.data() : nullptr; }
const Node* Document::html() const { return impl_ ? impl_->html : nullptr; }
const Node* Document::head() const { return impl_ ? impl_->head : nullptr; }
const Node* Document::body() const { return impl_ ? impl_->body : nullptr; }
size_t Document::node_count() const { return impl_ ? impl_->nodes.size() : 0; }

// ---- DocumentBuilder ----------------------------------------------------------

struct DocumentBuilder::Impl {
  std::unique_ptr<Document::Impl> doc = std::make_unique<Document::Impl>();
  uint32_t max_depth;
  // Open elements as the backend sees them (the logical nesting), with a
  // flag telling whether the element is inside <svg>/<math>.
  struct Open {
    NodeId node;
    bool foreign;
  };
  std::vector<Open> open;
  static constexpr NodeId kNone = 0;  // the root is never a text to merge into
  NodeId last_text = kNone;           // merge target for adjacent add_text calls
  std::unordered_map<std::string_view, std::string_view> interned;  // unknown names
  std::string lower;  // scratch for lowercasing

  explicit Impl(uint32_t depth) : max_depth(std::clamp<uint32_t>(depth, 1, UINT16_MAX)) {}

  Node& at(NodeId id) { return doc->nodes[id]; }
  NodeId id_of(const Node& n) const { return static_cast<NodeId>(&n - doc->nodes.data()); }
  static Node* linked(Node& n, int32_t offset) { return offset ? &n + offset : nullptr; }
  static int32_t offset(const Node& from, const Node* to) {
    return to ? static_cast<int32_t>(to - &from) : 0;
  }

  NodeId new_node(NodeType type) {
    NodeId id = static_cast<NodeId>(doc->nodes.size());
    doc->nodes.emplace_back().type = type;
    return id;
  }
  static void set_chars(Node& n, std::string_view s) {
    n.chars_ = s.data();
    n.chars_size_ = static_cast<uint32_t>(s.size());
  }

  NodeId current() const { return open.empty() ? 0 : open.back().node; }
  bool in_foreign() const { return !open.empty() && open.back().foreign; }

  // Where a new child goes: the current element, or, at the depth cap, that
  // element's parent (depth max_depth - 1).
  NodeId insertion_parent() {
    NodeId p = current();
    return at(p).depth >= max_depth ? id_of(*linked(at(p), at(p).parent_)) : p;
  }

  void append(NodeId parent_id, NodeId id) {
    Node& parent = at(parent_id);
    Node& n = at(id);
    n.parent_ = offset(n, &parent);
    n.depth = child_depth(parent);
    if (Node* last = linked(parent, parent.last_child_)) {
      last->next_sibling_ = offset(*last, &n);
      n.prev_sibling_ = offset(n, last);
    } else {
      parent.first_child_ = offset(parent, &n);
    }
    parent.last_child_ = offset(parent, &n);
  }

  static void unlink(Node& n) {
    Node* p = linked(n, n.parent_);
    if (!p) return;
    Node* prev = linked(n, n.prev_sibling_);
    Node* next = linked(n, n.next_sibling_);
    if (prev) prev->next_sibling_ = offset(*prev, next);
    else p->first_child_ = offset(*p, next);
    if (next) next->prev_sibling_ = offset(*next, prev);
    else p->last_child_ = offset(*p, prev);
    n.parent_ = n.prev_sibling_ = n.next_sibling_ = 0;
  }

  // Sets depths below `top` from its own; returns the nodes rewritten.
  static size_t fix_depths(Node& top) {
    size_t count = 0;
    Node* n = linked(top, top.first_child_);
    while (n) {
      n->depth = child_depth(*linked(*n, n->parent_));
      ++count;
      if (n->first_child_) {
        n = linked(*n, n->first_child_);
        continue;
      }
      while (n != &top && !n->next_sibling_) n = linked(*n, n->parent_);
      if (n == &top) break;
      n = linked(*n, n->next_sibling_);
    }
    return count;
  }

  // Moves `id` (with its subtree) to the end of `parent_id`'s children;
  // returns the nodes whose depth was rewritten.
  size_t move(NodeId id, NodeId parent_id) {
    uint32_t old_depth = at(id).depth;
    unlink(at(id));
    append(parent_id, id);
    return at(id).depth == old_depth ? 1 : 1 + fix_depths(at(id));
  }

  std::string_view lowercase(std::string_view s) {
    if (!has_upper(s)) return s;
    lower.assign(s);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
  }

  std::string_view intern(std::string_view name) {
    name = lowercase(name);
    auto it = interned.find(name);
    if (it != interned.end()) return it->second;
    std::string_view stored(doc->arena.copy(name), name.size());
    interned.emplace(stored, stored);
    return stored;
  }

  // doc->source's bounds, kept here so the check below (made for every
  // text and attribute) does not go through doc and the string each time.
  const char* source_begin = nullptr;
  const char* source_end = nullptr;

  // Whether `s` lies inside the Document's own copy of the input.
  bool in_source(std::string_view s) const {
    return s.data() >= source_begin && s.data() + s.size() <= source_end;
  }

  // add_text() right after add_text(): `text` is appended to `t`. Out of
  // line (rare next to a new text node, and heavier).
  [[gnu::noinline]] void merge_text(Node& t, std::string_view text) {
    Arena& arena = doc->arena;
    std::string_view old = t.chars();
    const char* end = old.data() + old.size();
    if (in_source(old)) {
      // A view into the input: extend it when the new text follows it there.
      if (end == text.data() && in_source(text)) {
        set_chars(t, std::string_view(old.data(), old.size() + text.size()));
        return;
      }
    } else if (arena.try_extend(end, text.size())) {
      std::memcpy(const_cast<char*>(end), text.data(), text.size());
      set_chars(t, std::string_view(old.data(), old.size() + text.size()));
      return;
    }
    size_t total = old.size() + text.size();
    char* p = static_cast<char*>(arena.allocate(total, 1));
    std::memcpy(p, old.data(), old.size());
    std::memcpy(p + old.size(), text.data(), text.size());
    set_chars(t, std::string_view(p, total));
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    if (in_source(s)) return s;  // lives as long as the Document
    return std::string_view(doc->arena.copy(s), s.size());
  }
};

DocumentBuilder::DocumentBuilder(uint32_t max_depth, uint64_t max_work)
    : impl_(std::make_unique<Impl>(max_depth)),
      max_work_(std::min<uint64_t>(max_work, kMaxNodes - 1)),
      work_left_(static_cast<int64_t>(max_work_)) {}
DocumentBuilder::~DocumentBuilder() = default;

const PaddedText& DocumentBuilder::keep_input(PaddedText&& input) {
  Document::Impl& d = *impl_->doc;
  d.source = std::move(input);
  impl_->source_begin = d.source.data();
  impl_->source_end = d.source.data() + d.source.size();
  return d.source;
}

const Node& DocumentBuilder::node(NodeId id) const { return impl_->doc->nodes[id]; }

DocumentBuilder::NodeId DocumentBuilder::start_element(std::string_view name,
                                                      const std::vector<Attribute>& attrs) {
  std::string_view lower = impl_->lowercase(name);
  return start_element(tag_from_name(lower), lower, attrs.data(), attrs.size());
}

DocumentBuilder::NodeId DocumentBuilder::start_element(Tag tag, std::string_view name,
                                                      const Attribute* attrs,
                                                      size_t attr_count) {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  work_left_ -= static_cast<int64_t>(1 + attr_count);
  bool foreign = b.in_foreign();
  if (tag != Tag::other) {
    name = kTagNames[static_cast<size_t>(tag)];
  } else {
    name = b.intern(name);
    tag = tag_from_name(name);  // callers may pass a known name as other
  }
  const Attribute* stored = nullptr;
  if (attr_count > 0) {
    auto* out = static_cast<Attribute*>(
        b.doc->arena.allocate(sizeof(Attribute) * attr_count, alignof(Attribute)));
    for (size_t i = 0; i < attr_count; ++i) {
      // Names inside the kept input are lowercase already (keep_input).
      std::string_view an = attrs[i].name;
      if (!b.in_source(an)) an = b.copy(b.lowercase(an));
      new (&out[i]) Attribute{an, b.copy(attrs[i].value)};
    }
    stored = out;
  }
  NodeId id = b.new_node(NodeType::element);
  Node& n = b.at(id);
  Impl::set_chars(n, name);
  n.tag = foreign ? Tag::other : tag;
  n.attrs = stored;
  n.attr_count = static_cast<uint32_t>(attr_count);
  b.append(b.insertion_parent(), id);
  b.open.push_back({id, foreign || tag == Tag::svg || tag == Tag::math});
  return id;
}

void DocumentBuilder::end_element() {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  if (!b.open.empty()) b.open.pop_back();
}

void DocumentBuilder::add_text(std::string_view text) {
  if (text.empty()) return;
  Impl& b = *impl_;
  if (b.last_text != Impl::kNone) return b.merge_text(b.at(b.last_text), text);
  --work_left_;
  std::string_view stored = b.copy(text);
  NodeId id = b.new_node(NodeType::text);
  Impl::set_chars(b.at(id), stored);
  b.append(b.insertion_parent(), id);
  b.last_text = id;
}

DocumentBuilder::NodeId DocumentBuilder::clone_element(NodeId like_id) {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  const Node& like = b.at(like_id);
  work_left_ -= 1 + static_cast<int64_t>(like.attr_count);
  const Attribute* stored = nullptr;
  if (like.attr_count > 0) {
    auto* out = static_cast<Attribute*>(
        b.doc->arena.allocate(sizeof(Attribute) * like.attr_count, alignof(Attribute)));
    std::memcpy(static_cast<void*>(out), like.attrs, sizeof(Attribute) * like.attr_count);
    stored = out;  // the strings live in the same arena: shared
  }
  Node copy = like;  // `like` moves when the array grows
  NodeId id = b.new_node(NodeType::element);
  Node& n = b.at(id);
  n.tag = copy.tag;
  n.chars_ = copy.chars_;  // static or interned storage: shared
  n.chars_size_ = copy.chars_size_;
  n.attrs = stored;
  n.attr_count = copy.attr_count;
  return id;
}

size_t DocumentBuilder::reparent(NodeId node, NodeId parent) {
  impl_->last_text = Impl::kNone;
  return impl_->move(node, parent);
}

size_t DocumentBuilder::move_children(NodeId from, NodeId to) {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  size_t cost = 0;
  while (b.at(from).first_child_) cost += b.move(b.id_of(*b.at(from).first_child()), to);
  return cost;
}

void DocumentBuilder::add_attributes(NodeId node, const Attribute* attrs, size_t attr_count) {
  Impl& b = *impl_;
  if (attr_count == 0) return;
  Node& n = b.at(node);
  // The element's attributes move once into a growable store that later
  // merges append to, with the set of names present: a page repeating
  // <body> with new attributes costs time and memory linear in them.
  auto [it, first] = b.doc->merged.try_emplace(node);
  Document::Impl::Merged& m = it->second;
  if (first) {
    m.attrs.assign(n.attrs, n.attrs + n.attr_count);
    for (const Attribute& a : m.attrs) m.names.insert(a.name);
  }
  for (size_t i = 0; i < attr_count; ++i) {
    std::string_view name = b.lowercase(attrs[i].name);
    if (m.names.contains(name)) continue;  // the first value seen stays
    name = b.copy(name);
    m.names.insert(name);
    m.attrs.push_back(Attribute{name, b.copy(attrs[i].value)});
    --work_left_;
  }
  n.attrs = m.attrs.data();
  n.attr_count = static_cast<uint32_t>(m.attrs.size());
}

void DocumentBuilder::reset_open(size_t keep, const NodeId* nodes, size_t n) {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  if (keep < b.open.size()) b.open.resize(keep);
  for (size_t i = 0; i < n; ++i) {
    bool foreign = b.in_foreign();
    Tag tag = b.at(nodes[i]).tag;
    b.open.push_back({nodes[i], foreign || tag == Tag::svg || tag == Tag::math});
  }
}

void DocumentBuilder::add_comment(std::string_view text) {
  Impl& b = *impl_;
  b.last_text = Impl::kNone;
  --work_left_;
  std::string_view stored = b.copy(text);
  NodeId id = b.new_node(NodeType::comment);
  Impl::set_chars(b.at(id), stored);
  b.append(b.insertion_parent(), id);
}

Error DocumentBuilder::budget_error() const {
  return make_error(ErrorCode::too_costly,
                    "HTML needs more than " + std::to_string(max_work_) +
                        " nodes and attributes, the work budget for its size "
                        "(html::ParseOptions::work_base, work_per_kib)");
}

Document DocumentBuilder::finish() {
  Impl& b = *impl_;
  b.open.clear();
  b.last_text = Impl::kNone;
  Document::Impl& d = *b.doc;
  // The array is final now: pointers into it stay valid.
  const Node* root = d.nodes.data();
  for (const Node* c = root->first_child(); c; c = c->next_sibling()) {
    if (c->is(Tag::html)) {
      d.html = c;
      break;
    }
  }
  // Without <html> (a backend that builds none), look for head/body at the top.
  const Node* parent = d.html ? d.html : root;
  for (const Node* c = parent->first_child(); c; c = c->next_sibling()) {
    if (!d.head && c->is(Tag::head)) d.head = c;
    if (!d.body && c->is(Tag::body)) d.body = c;
  }
  Document doc;
  doc.impl_ = std::move(b.doc);
  b.doc = std::make_unique<Document::Impl>();  // the builder stays usable
  b.interned.clear();
  work_left_ = static_cast<int64_t>(max_work_);
  return doc;
}

// ---- Helpers ------------------------------------------------------------------

std::string inner_text(const Node* node) {
  std::string out;
  walk(node, [&](const Node* n) {
    if (n->type == NodeType::text) out.append(n->text());
    return true;
  });
  return out;
}

uint64_t work_budget(const ParseOptions& options, size_t bytes) {
  uint64_t by_size = 0, total = 0;  // saturating: a huge option means no limit
  if (__builtin_mul_overflow(options.work_per_kib, bytes / 1024, &by_size) ||
      __builtin_add_overflow(options.work_base, by_size, &total))
    return UINT64_MAX;
  return total;
}

std::string_view to_string(Backend backend) {
  switch (backend) {
    case Backend::myhtml: return "myhtml";
    case Backend::libxml2: return "libxml2";
    case Backend::native: return "native";
  }
  return "unknown";
}

Result<Backend> backend_from_string(std::string_view name) {
  if (name == "myhtml") return Backend::myhtml;
  if (name == "libxml2") return Backend::libxml2;
  if (name == "native") return Backend::native;
  return make_error(ErrorCode::invalid_input,
                    "unknown HTML backend '" + std::string(name) + "' (native, myhtml, libxml2)");
}

std::string_view to_string(CharsetSource source) {
  switch (source) {
    case CharsetSource::bom: return "bom";
    case CharsetSource::http: return "http";
    case CharsetSource::meta: return "meta";
    case CharsetSource::detected: return "detected";
    case CharsetSource::fallback: return "fallback";
  }
  return "unknown";
}

}  // namespace saring::html
