// JSON-LD: the blocks of a page parsed into a DOM that holds only the keys
// the fields read, then flattened into one list of objects.
//
// A byte pass checks the nesting depth and empties long strings under keys
// nothing reads before nlohmann's lexer sees them; nlohmann's SAX parser
// then drives ReadKeysBuilder, which keeps the values of the keys listed in
// kReadKeys (jsonld.h) only. Objects with an
// @type or @id, found under @graph, mainEntity and list items, are then
// listed in document order and indexed by @id, so author references
// ({"@id": ...}) resolve without copying.
#include "jsonld.h"

#include <cstring>
#include <limits>

#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::meta::detail {
namespace {

std::vector<std::string> types_of(const json& o) {
  std::vector<std::string> out;
  auto it = find_key(o, "@type");
  if (it == o.end()) return out;
  if (it->is_string()) out.push_back(text::to_lower(it->get<std::string>()));
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) out.push_back(text::to_lower(t.get<std::string>()));
  for (auto& t : out) {  // "schema:NewsArticle", "http://schema.org/Article"
    size_t cut = t.find_last_of(":/");
    if (cut != std::string::npos) t = t.substr(cut + 1);
  }
  return out;
}

void flatten(const json& j, JsonLd& out, int depth) {
  if (depth > 8 || out.objects.size() > 500) return;
  if (j.is_array()) {
    for (const auto& e : j) flatten(e, out, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (has_key(j, "@type") || has_key(j, "@id")) {
    out.objects.push_back(&j);
    auto id = find_key(j, "@id");
    if (id != j.end() && id->is_string()) out.by_id.emplace(id->get<std::string>(), out.objects.size() - 1);
  }
  for (ReadKey k : {ReadKey("@graph"), ReadKey("mainEntity"), ReadKey("mainEntityOfPage"),
                    ReadKey("itemListElement")}) {
    auto it = find_key(j, k);
    if (it != j.end() && (it->is_array() || it->is_object())) flatten(*it, out, depth + 1);
  }
}


// Where the JSON string whose contents start at `b` ends (its closing quote),
// or npos when it does not end. memchr finds each quote; a quote is escaped
// when an odd run of backslashes precedes it (they pair up from the left, as
// a byte-by-byte reading that skips the byte after each backslash finds).
size_t json_string_end(std::string_view t, size_t b) {
  while (b < t.size()) {
    const void* q = std::memchr(t.data() + b, '"', t.size() - b);
    if (!q) return std::string_view::npos;
    const size_t p = static_cast<size_t>(static_cast<const char*>(q) - t.data());
    size_t k = p;
    while (k > b && t[k - 1] == '\\') --k;
    if ((p - k) % 2 == 0) return p;
    b = p + 1;
  }
  return std::string_view::npos;
}

// Whether any JSON parser must accept `contents` between quotes: no control
// characters, only one-character escapes (none of the four-hex-digit kind),
// valid UTF-8.
bool plain_json_string(std::string_view contents) {
  unsigned char control = 0, backslash = 0;  // whole-string flags: a loop GCC vectorises
  for (char ch : contents) {
    const auto c = static_cast<unsigned char>(ch);
    control |= c < 0x20;
    backslash |= c == '\\';
  }
  if (control) return false;
  if (backslash)
    for (size_t i = 0; i < contents.size(); ++i) {
      if (contents[i] != '\\') continue;
      if (++i == contents.size()) return false;
      if (std::string_view("\"\\/bfnrt").find(contents[i]) == std::string_view::npos) return false;
    }
  return utf8::is_valid(contents);
}

enum class Prepared { too_deep, same, emptied };

// One pass over a JSON-LD block before nlohmann parses it:
//  - too_deep when brackets outside strings nest deeper than `depth_limit`;
//  - with `empty`, long string values under keys nothing reads
//    ("articleBody", ...) are emptied into `out` (emptied), since nlohmann's
//    lexer spends tens of instructions per byte on them. Only a value of a
//    key free of escapes and not in is_read_key(), that the parser is
//    certain to accept, is emptied, so the block parses, or fails at the same
//    token, exactly as before; a '/' outside strings (a comment) ends the
//    emptying (not the depth count).
Prepared prepare_jsonld(std::string_view t, size_t depth_limit, bool empty, std::string& out) {
  constexpr size_t kMinEmptied = 16;  // shorter values are not worth a copy
  auto skip_ws = [&](size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    return i;
  };
  size_t depth = 0, i = 0, copied = 0;
  bool changed = false;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '"') {
      const size_t key_b = i + 1, key_e = json_string_end(t, key_b);
      if (key_e == std::string_view::npos) break;  // the rest is inside a string
      i = key_e + 1;
      if (!empty) continue;
      size_t j = skip_ws(i);
      if (j == t.size() || t[j] != ':') continue;  // a value, not a key
      j = skip_ws(j + 1);
      if (j == t.size() || t[j] != '"') {
        i = j;
        continue;
      }
      const size_t val_b = j + 1, val_e = json_string_end(t, val_b);
      if (val_e == std::string_view::npos) break;
      i = val_e + 1;
      if (val_e - val_b < kMinEmptied) continue;
      std::string_view key = t.substr(key_b, key_e - key_b);
      if (key.find('\\') != std::string_view::npos || is_read_key(key)) continue;
      if (!plain_json_string(t.substr(val_b, val_e - val_b))) continue;
      if (!changed) out.reserve(t.size());
      out.append(t.substr(copied, val_b - copied));
      copied = val_e;
      changed = true;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > depth_limit) return Prepared::too_deep;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == '/') {
      empty = false;
    }
    ++i;
  }
  if (!changed) return Prepared::same;
  out.append(t.substr(copied));
  return Prepared::emptied;
}

// Builds the DOM of a JSON-LD block as nlohmann's own DOM parser does (same
// values, same handling of repeated keys), except that the values of keys
// nothing here reads (is_read_key) are consumed and dropped: they cost no
// allocation. Lookups of read keys answer as on the full DOM, since no code
// here iterates over an object's members. sax_parse() fails exactly when
// json::parse() would give a discarded value.
class ReadKeysBuilder {
 public:
  explicit ReadKeysBuilder(json& root) : root_(root) {}
  bool null() { return value(json(nullptr)); }
  bool boolean(bool b) { return value(json(b)); }
  bool number_integer(json::number_integer_t x) { return value(json(x)); }
  bool number_unsigned(json::number_unsigned_t x) { return value(json(x)); }
  bool number_float(json::number_float_t x, const json::string_t&) { return value(json(x)); }
  bool string(json::string_t& s) { return value(json(s)); }
  bool binary(json::binary_t& b) { return value(json::binary(b)); }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (skip_depth_) return true;
    if (!is_read_key(k)) {
      skip_next_ = true;
      return true;
    }
    element_ = &(*stack_.back())[k];
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const json::exception&) { return false; }

 private:
  bool value(json&& v) {
    if (skip_depth_) return true;
    if (skip_next_) {
      skip_next_ = false;
      return true;
    }
    place(std::move(v));
    return true;
  }
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(v));
      return &stack_.back()->back();
    }
    *element_ = std::move(v);
    return element_;
  }
  bool open(json::value_t t) {
    if (skip_depth_) {
      ++skip_depth_;
      return true;
    }
    if (skip_next_) {
      skip_next_ = false;
      skip_depth_ = 1;
      return true;
    }
    stack_.push_back(place(json(t)));
    return true;
  }
  bool close() {
    if (skip_depth_) {
      --skip_depth_;
      return true;
    }
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> stack_;   // the open objects and arrays
  json* element_ = nullptr;    // where the value of the last key goes
  size_t skip_depth_ = 0;      // > 0: inside a dropped object or array
  bool skip_next_ = false;     // the next value belongs to a dropped key
};

}  // namespace

bool has_type(const json& o, const std::unordered_set<std::string>& set) {
  for (const auto& t : types_of(o))
    if (set.count(t)) return true;
  return false;
}

JsonLd parse_jsonld(const Signals& s, const MetaVocabulary& v) {
  JsonLd out;
  out.docs.reserve(s.jsonld_texts.size());
  for (const std::string& raw : s.jsonld_texts) {
    if (raw.size() > v.max_jsonld_bytes) continue;
    std::string_view t = raw;
    std::string emptied;
    // Some sites wrap the block in CDATA comments (every junk string below
    // holds "<![CDATA[" or "]]>": without those there is nothing to remove,
    // and the depth check and the emptying share one pass).
    std::string unwrapped;
    if (raw.find("<![CDATA[") == std::string::npos && raw.find("]]>") == std::string::npos) {
      Prepared p = prepare_jsonld(raw, v.max_jsonld_depth, true, emptied);
      if (p == Prepared::too_deep) continue;
      if (p == Prepared::emptied) t = emptied;
    } else {
      if (prepare_jsonld(raw, v.max_jsonld_depth, false, emptied) == Prepared::too_deep) continue;
      unwrapped = raw;
      for (std::string_view junk : {"/*<![CDATA[*/", "/*]]>*/", "<![CDATA[", "]]>"}) {
        size_t p;
        while ((p = unwrapped.find(junk)) != std::string::npos) unwrapped.erase(p, junk.size());
      }
      t = unwrapped;
      if (prepare_jsonld(unwrapped, std::numeric_limits<size_t>::max(), true, emptied) ==
          Prepared::emptied)
        t = emptied;
    }
    json j;
    ReadKeysBuilder builder(j);
    if (!json::sax_parse(t.data(), t.data() + t.size(), &builder, nlohmann::json::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/true))
      continue;
    out.docs.push_back(std::move(j));
    flatten(out.docs.back(), out, 0);
  }
  return out;
}

std::optional<std::string> json_string(const json& o, ReadKey key) {
  auto it = find_key(o, key);
  if (it == o.end()) return std::nullopt;
  if (it->is_string()) {
    std::string s = clean_value(it->get<std::string>());
    if (!s.empty()) return s;
  }
  if (it->is_array() && !it->empty() && (*it)[0].is_string()) {
    std::string s = clean_value((*it)[0].get<std::string>());
    if (!s.empty()) return s;
  }
  return std::nullopt;
}

void collect_names(const json& a, const JsonLd& ld, std::vector<std::string>& out, int depth,
                   const std::unordered_set<std::string>* skip_types) {
  if (depth > 4 || out.size() > 10) return;
  if (a.is_string()) {
    out.push_back(clean_value(a.get<std::string>()));
  } else if (a.is_array()) {
    for (const auto& e : a) collect_names(e, ld, out, depth + 1, skip_types);
  } else if (a.is_object()) {
    if (skip_types && has_type(a, *skip_types)) return;
    if (auto n = json_string(a, "name")) {
      out.push_back(*n);
      return;
    }
    std::string given = json_string(a, "givenName").value_or("");
    std::string family = json_string(a, "familyName").value_or("");
    if (!given.empty() || !family.empty()) {
      out.push_back(squash(given + " " + family));
      return;
    }
    auto id = find_key(a, "@id");
    if (id != a.end() && id->is_string()) {
      auto it = ld.by_id.find(id->get<std::string>());
      if (it != ld.by_id.end() && ld.objects[it->second] != &a) {
        const json& target = *ld.objects[it->second];
        if (has_key(target, "name")) collect_names(target, ld, out, depth + 1, skip_types);
      }
    }
  }
}

const json* main_object(const JsonLd& ld, const MetaVocabulary& v) {
  for (const json* o : ld.objects)
    if (has_type(*o, v.article_types)) return o;
  return nullptr;
}
const json* page_object(const JsonLd& ld, const MetaVocabulary& v) {
  for (const json* o : ld.objects)
    if (has_type(*o, v.page_types)) return o;
  return nullptr;
}

}  // namespace saring::meta::detail
