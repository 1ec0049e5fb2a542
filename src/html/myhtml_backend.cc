// MyHTML backend. MyHTML (from Debian's libmodest) is a C implementation of
// the HTML5 tokenizer and tree builder, so it repairs markup the way
// browsers do. We run it in single-thread mode (its worker threads only pay
// off on huge pages and would make timing depend on scheduling) and keep
// one parser and one tree per thread, cleaned between documents, because
// creating them costs more than parsing a small page.
//
// The finished MyHTML tree is replayed into our DocumentBuilder with an
// iterative walk over first-child / next-sibling / parent links, so the
// depth of the input never touches the C stack. Tag ids below
// MyHTML_TAG_LAST_ENTRY map to our Tag through a table built once per
// thread; other names come from the tree's tag registry.
#include <myhtml/myhtml.h>
#include <myhtml/tree.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <deque>
#include <string>
#include <memory>

#include "backends.h"
#include "saring/utf8.h"
#include "nesting_scan.h"

namespace saring::html::detail {
namespace {

// Inputs above this size leave a big tree behind; the per-thread parser is
// rebuilt after them so its memory is returned.
constexpr size_t kRecycleAfterBytes = 16u * 1024u * 1024u;
// Pages whose nesting estimate (nesting_scan.h, which errs high) reaches
// this get the guarded, chunked parse; about 1% of real pages do.
constexpr size_t kGuardNesting = 1024;
// Guarded input goes to MyHTML in chunks of at least this size (small, so
// one chunk of the worst markup stays cheap) and at most kMaxChunks of them.
constexpr size_t kMinChunkBytes = 16u * 1024u;
constexpr size_t kMaxChunks = 256;

struct MyhtmlParser {
  myhtml_t* myhtml = nullptr;
  myhtml_tree_t* tree = nullptr;
  std::array<Tag, MyHTML_TAG_LAST_ENTRY> tags{};
  bool ready = false;

  MyhtmlParser() {
    myhtml = myhtml_create();
    if (!myhtml || myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
      return;
    tree = myhtml_tree_create();
    if (!tree || myhtml_tree_init(tree, myhtml) != MyHTML_STATUS_OK) return;
    for (size_t id = 0; id < tags.size(); ++id) {
      size_t len = 0;
      const char* name = myhtml_tag_name_by_id(tree, static_cast<myhtml_tag_id_t>(id), &len);
      tags[id] = name ? tag_from_name(std::string_view(name, len)) : Tag::other;
    }
    ready = true;
  }
  ~MyhtmlParser() {
    if (tree) myhtml_tree_destroy(tree);
    if (myhtml) myhtml_destroy(myhtml);
  }
  MyhtmlParser(const MyhtmlParser&) = delete;
  MyhtmlParser& operator=(const MyhtmlParser&) = delete;
};

thread_local std::unique_ptr<MyhtmlParser> t_parser;

// MyHTML's myhtml_tree_open_elements_remove() moves the entries after the
// removed one with a memmove that reads one entry past the end of the list,
// which leaves the allocation when the list is exactly full (found with
// ASan: 30,000 x "<div><span><a href=#><b>" in one chunk fills the 4096
// entries). The list only grows on append, so before each chunk we make
// room for everything the chunk can add: at most one element per input
// byte (a tag of 3 or more bytes opens at most 3, implied ones included)
// plus re-opened formatting elements (at most the formatting list), with
// slack. MyHTML allocates these lists with malloc, so realloc() is theirs.
constexpr size_t kListSlack = 64;
bool reserve(myhtml_tree_list_t* list, size_t extra) {
  if (!list) return true;
  size_t need = list->length + extra + kListSlack;
  if (list->size >= need) return true;
  void* grown = std::realloc(list->list, need * sizeof(*list->list));
  if (!grown) return false;
  list->list = static_cast<myhtml_tree_node_t**>(grown);
  list->size = need;
  return true;
}

// MyHTML is fed valid UTF-8, but fuzzing found inputs where its output was
// not (NUL handling cut a sequence). Text is checked and, if need be,
// repaired on the way into our DOM: the check costs about 1% of a parse.
std::string_view checked(std::string_view s, std::string& scratch) {
  if (utf8::is_valid(s)) return s;
  scratch = utf8::make_valid(s);
  return scratch;
}

void replay(MyhtmlParser& p, const ParseOptions& options, DocumentBuilder& builder) {
  myhtml_tree_node_t* doc_node = myhtml_tree_get_document(p.tree);
  if (!doc_node) return;
  std::vector<Attribute> attrs;
  std::deque<std::string> repaired;  // stable addresses for repaired attributes
  std::string scratch;
  myhtml_tree_node_t* node = myhtml_node_child(doc_node);
  while (node) {
    myhtml_tag_id_t id = myhtml_node_tag_id(node);
    if (id == MyHTML_TAG__TEXT) {
      size_t len = 0;
      const char* text = myhtml_node_text(node, &len);
      if (text) builder.add_text(checked(std::string_view(text, len), scratch));
    } else if (id == MyHTML_TAG__COMMENT) {
      if (options.keep_comments) {
        size_t len = 0;
        const char* text = myhtml_node_text(node, &len);
        builder.add_comment(text ? std::string_view(text, len) : std::string_view());
      }
    } else if (id != MyHTML_TAG__DOCTYPE && id != MyHTML_TAG__UNDEF) {
      attrs.clear();
      for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(node); a;
           a = myhtml_attribute_next(a)) {
        size_t klen = 0, vlen = 0;
        const char* k = myhtml_attribute_key(a, &klen);
        const char* v = myhtml_attribute_value(a, &vlen);
        if (!k || klen == 0) continue;
        std::string_view key = std::string_view(k, klen);
        std::string_view value = v ? std::string_view(v, vlen) : std::string_view();
        if (!utf8::is_valid(key) || !utf8::is_valid(value)) {
          // Rare (see checked()); the builder copies, so a scratch suffices.
          repaired.push_back(utf8::make_valid(key));
          key = repaired.back();
          repaired.push_back(utf8::make_valid(value));
          value = repaired.back();
        }
        attrs.push_back({key, value});
      }
      Tag tag = id < p.tags.size() ? p.tags[id] : Tag::other;
      std::string_view name;
      if (tag == Tag::other) {
        size_t len = 0;
        const char* n = myhtml_tag_name_by_id(p.tree, id, &len);
        name = n ? std::string_view(n, len) : std::string_view("unknown");
      }
      builder.start_element(tag, name, attrs.data(), attrs.size());
      repaired.clear();
      if (myhtml_tree_node_t* child = myhtml_node_child(node)) {
        node = child;
        continue;
      }
      builder.end_element();
    }
    // Next in document order: a sibling, or climb and close parents.
    while (!myhtml_node_next(node)) {
      node = myhtml_node_parent(node);
      if (!node || node == doc_node) return;
      builder.end_element();
    }
    node = myhtml_node_next(node);
  }
}

}  // namespace

Result<Document> parse_with_myhtml(std::string_view utf8_html, const ParseOptions& options,
                                   size_t max_open) {
  if (!t_parser) t_parser = std::make_unique<MyhtmlParser>();
  MyhtmlParser& p = *t_parser;
  if (!p.ready) {
    t_parser.reset();
    return make_error(ErrorCode::internal, "MyHTML failed to initialise");
  }
  DocumentBuilder builder(options.max_depth, work_budget(options, utf8_html.size()));
  if (utf8_html.empty()) return builder.finish();
  mystatus_t status = MyHTML_STATUS_OK;
  if (estimate_nesting(utf8_html, kGuardNesting) < kGuardNesting) {
    // The common case: one call, exactly the HTML5 tree.
    status = myhtml_parse(p.tree, MyENCODING_UTF_8, utf8_html.data(), utf8_html.size());
  } else {
    // Possibly deep: MyHTML's scope checks scan its stack of open elements,
    // so nesting tens of thousands deep would cost quadratic time. Feed the
    // input in chunks and check the stack between them; past max_open stop
    // and report (parse() flattens the page and retries). Chunks grow with
    // the page because MyHTML looks positions up through its list of input
    // buffers, which turns quadratic with thousands of chunks.
    size_t chunk = std::max(kMinChunkBytes, utf8_html.size() / kMaxChunks);
    myhtml_encoding_set(p.tree, MyENCODING_UTF_8);
    for (size_t off = 0; off < utf8_html.size() && status == MyHTML_STATUS_OK; off += chunk) {
      size_t n = std::min(chunk, utf8_html.size() - off);
      size_t formatting = p.tree->active_formatting ? p.tree->active_formatting->length : 0;
      if (!reserve(p.tree->open_elements, n + formatting) ||
          !reserve(p.tree->active_formatting, n)) {
        t_parser.reset();
        return make_error(ErrorCode::internal, "out of memory for MyHTML's element lists");
      }
      status = myhtml_parse_chunk(p.tree, utf8_html.data() + off, n);
      if (p.tree->open_elements && p.tree->open_elements->length > max_open) {
        t_parser.reset();  // do not reuse a tree left mid-parse
        return make_error(ErrorCode::too_large,
                          "more than " + std::to_string(max_open) + " open elements");
      }
    }
    if (status == MyHTML_STATUS_OK) status = myhtml_parse_chunk_end(p.tree);
  }
  if (status != MyHTML_STATUS_OK) {
    t_parser.reset();  // a failed parse may leave the tree in any state
    return make_error(ErrorCode::internal,
                      "MyHTML parse failed with status " + std::to_string(status));
  }
  replay(p, options, builder);
  myhtml_tree_clean(p.tree);
  if (utf8_html.size() > kRecycleAfterBytes) t_parser.reset();
  if (builder.over_budget()) return builder.budget_error();
  return builder.finish();
}

}  // namespace saring::html::detail
