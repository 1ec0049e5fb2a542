// Internal: JSON-LD blocks of a page, parsed and flattened (jsonld.cc).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "meta_vocabulary.h"
#include "signals.h"

namespace saring::meta::detail {

using json = nlohmann::json;

// The parsed blocks and every object in them, flattened. `objects` point
// into `docs` (reserved up front, so they never move) instead of copying
// each object out of its block.
struct JsonLd {
  std::vector<json> docs;                        // the parsed blocks
  std::vector<const json*> objects;              // every object, flattened
  std::unordered_map<std::string, size_t> by_id;  // "@id" -> index
};

// The object keys whose values the metadata fields read: the one list that
// decides what parsing keeps. The parser drops the values of every other
// key, so reads go through ReadKey, which only a listed literal can make
// (checked at compile time): reading a new key does not compile until the
// key is added here.
constexpr std::string_view kReadKeys[] = {
    "@type", "@id", "@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "name",
    "givenName", "familyName", "headline", "datePublished", "dateCreated", "uploadDate",
    "dateModified", "author", "creator", "publisher", "description", "image", "url",
    "keywords", "articleSection"};

// Whether the parser keeps the value of key `k`.
constexpr bool is_read_key(std::string_view k) {
  for (std::string_view r : kReadKeys)
    if (k == r) return true;
  return false;
}

struct ReadKey {
  // consteval: a key that is not in kReadKeys is a compile-time error.
  consteval ReadKey(const char* k) : name(k) {
    if (!is_read_key(k)) throw "JSON-LD key read but not listed in kReadKeys";
  }
  const char* name;
};

inline json::const_iterator find_key(const json& o, ReadKey k) { return o.find(k.name); }
inline bool has_key(const json& o, ReadKey k) { return o.contains(k.name); }

// The page's JSON-LD blocks, parsed (blocks that fail to parse, or nest
// deeper than the vocabulary allows, are skipped).
JsonLd parse_jsonld(const Signals& s, const MetaVocabulary& v);

// Whether some @type of `o` (lowercased, without a "schema:" or URL prefix)
// is in `set`.
bool has_type(const json& o, const std::unordered_set<std::string>& set);
// A string value of `key` (or the first string of an array), cleaned; none
// when empty.
std::optional<std::string> json_string(const json& o, ReadKey key);
// Name(s) of a person-ish value: string, {name}, {@id} reference, or arrays.
// With `skip_types`, objects of those types (organisations) are left out.
void collect_names(const json& a, const JsonLd& ld, std::vector<std::string>& out, int depth,
                   const std::unordered_set<std::string>* skip_types = nullptr);
// The object the page is about (an Article-like type, but not an FAQ's
// Question), and the WebPage.
const json* main_object(const JsonLd& ld, const MetaVocabulary& v);
const json* page_object(const JsonLd& ld, const MetaVocabulary& v);

}  // namespace saring::meta::detail
