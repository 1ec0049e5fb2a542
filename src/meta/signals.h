// Internal: what the walk over a document records for the metadata fields
// (signals.cc), and the text helpers every field's code shares.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meta_vocabulary.h"
#include "saring/html.h"
#include "saring/text.h"

namespace saring::meta::detail {

using html::Node;
using html::Tag;

// ---- text helpers ------------------------------------------------------------

inline std::string squash(std::string_view s) { return text::collapse_whitespace(s); }
// Decodes the character references that survive in attribute values and
// JSON-LD strings of pages that escape twice ("Q&amp;A", "Full &#038; Part").
std::string decode_entities(std::string_view s);
// Collapsed, entity-decoded value of an attribute or JSON string.
std::string clean_value(std::string_view s);

inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
// text::to_lower(s) == lit and text::to_lower(s) contains lit, for a
// lowercase ASCII `lit`, without building the lowered string when s is ASCII
// (then to_lower only lowers A-Z); other text goes through to_lower itself.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline bool ascii_lower_equals(const char* s, std::string_view lit) {
  for (size_t i = 0; i < lit.size(); ++i)
    if (ascii_lower(s[i]) != lit[i]) return false;
  return true;
}
bool lower_equals(std::string_view s, std::string_view lit);
bool lower_contains(std::string_view s, std::string_view lit);
// Lowercase, letters and digits only: for comparing titles and site names.
std::string key_of(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
// Looks like a URL or a host ("https://...", "www.example.com").
bool is_url_like(std::string_view s);

// ---- DOM helpers -------------------------------------------------------------

bool is_block(const Node* n);
// Scripts, styles, forms controls...: their text is not visible prose.
bool is_hidden_text_container(const Node* n);
// Visible text of a subtree: blocks and <br> separate words, scripts and
// styles are skipped; stops collecting after `limit` bytes.
// With `spaced`, every element boundary separates words (for bylines such as
// <span>Jane Doe</span><span>May 3, 2021</span>).
std::string node_text(const Node* node, size_t limit = 2000, bool spaced = false);
// The class value, then a space and the id when there is one.
std::string class_and_id(const Node* n);
template <class Pred>
bool has_ancestor(const Node* n, Pred&& pred) {
  for (const Node* p = n->parent(); p; p = p->parent())
    if (p->is_element() && pred(p)) return true;
  return false;
}

// ---- signals -----------------------------------------------------------------

// A <meta> key (lowercase) and its content. Most <meta>s are never asked
// for (viewport, robots, verification tokens...), so the content is cleaned
// (clean_value) on first use; `raw` points into the document.
struct MetaEntry {
  MetaEntry(std::string k, std::string_view r) : key(std::move(k)), raw(r) {}
  std::string key;
  std::string_view raw;
  const std::string& content() const {
    if (!cleaned) cleaned = clean_value(raw);
    return *cleaned;
  }

 private:
  mutable std::optional<std::string> cleaned;
};

// Everything one walk over the document records.
struct Signals {
  std::string lang;
  std::string title_tag;
  std::vector<MetaEntry> metas;
  std::string canonical;
  std::vector<std::string> jsonld_texts;
  std::vector<const Node*> h1s;
  std::vector<const Node*> times;
  std::vector<const Node*> itemprop_author;
  std::vector<const Node*> itemprop_date;
  std::vector<const Node*> itemprop_headline;
  std::vector<const Node*> rel_author;
  // Every element with a class or id, in document order. What their words
  // say is worked out only when a later step asks (ClassedElements): most
  // pages settle author and date from markup and never look at them.
  std::vector<const Node*> classed;
};

Signals collect(const html::Document& doc, const MetaVocabulary& v);

// The contents of the <meta>s with this key, in document order.
std::vector<std::string> meta_values(const Signals& s, std::string_view key);
// The first non-empty content of the first key (in the order given) that
// has one; `which` receives that key.
std::optional<std::string> first_meta(const Signals& s, const std::vector<std::string>& keys,
                                      std::string* which = nullptr);

}  // namespace saring::meta::detail
