// JSON-LD: the blocks of a page parsed into a DOM that holds only the keys
// the fields read, then flattened into one list of objects.
//
// nlohmann's SAX parser drives ReadKeysBuilder, which keeps the values of the
// keys listed in kReadKeys (jsonld.h) and consumes every other value without
// building it: the long strings of a block ("articleBody", ...) cost no
// allocation, and reads through ReadKey answer as on the full DOM. The
// builder also caps the nesting depth: a block nested deeper than the
// vocabulary allows fails like a broken one and is skipped. Objects with an
// @type or @id, found under @graph, mainEntity and list items, are then
// listed in document order and indexed by @id, so author references
// ({"@id": ...}) resolve without copying.
#include "jsonld.h"

#include "saring/text.h"

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


// Builds the DOM of a JSON-LD block as nlohmann's own DOM parser does (same
// values, same handling of repeated keys), except that the values of keys
// nothing here reads (is_read_key) are consumed and dropped: they cost no
// allocation. Lookups of read keys answer as on the full DOM, since no code
// here iterates over an object's members. sax_parse() fails when
// json::parse() would give a discarded value, and when arrays and objects
// nest deeper than `max_depth`.
class ReadKeysBuilder {
 public:
  ReadKeysBuilder(json& root, size_t max_depth) : root_(root), max_depth_(max_depth) {}
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
    if (++depth_ > max_depth_) return false;
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
    --depth_;
    if (skip_depth_) {
      --skip_depth_;
      return true;
    }
    stack_.pop_back();
    return true;
  }

  json& root_;
  size_t max_depth_;
  size_t depth_ = 0;           // open arrays and objects, dropped ones included
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
    // Some sites wrap the block in CDATA comments.
    std::string unwrapped;
    if (raw.find("<![CDATA[") != std::string::npos || raw.find("]]>") != std::string::npos) {
      unwrapped = raw;
      for (std::string_view junk : {"/*<![CDATA[*/", "/*]]>*/", "<![CDATA[", "]]>"}) {
        size_t p;
        while ((p = unwrapped.find(junk)) != std::string::npos) unwrapped.erase(p, junk.size());
      }
      t = unwrapped;
    }
    json j;
    ReadKeysBuilder builder(j, v.max_jsonld_depth);
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
  std::optional<bool> faq;  // worked out when a Question comes first
  auto is_faq = [&] {
    size_t questions = 0;
    for (const json* o : ld.objects) {
      if (has_type(*o, v.faq_types)) return true;
      if (has_type(*o, v.question_types) && ++questions > 1) return true;
    }
    return false;
  };
  for (const json* o : ld.objects) {
    if (!has_type(*o, v.article_types)) continue;
    if (has_type(*o, v.question_types)) {
      if (!faq) faq = is_faq();
      if (*faq) continue;  // an FAQ entry, not the page's subject
    }
    return o;
  }
  return nullptr;
}
const json* page_object(const JsonLd& ld, const MetaVocabulary& v) {
  for (const json* o : ld.objects)
    if (has_type(*o, v.page_types)) return o;
  return nullptr;
}

}  // namespace saring::meta::detail
