// The walk that records a page's metadata signals, and the text helpers the
// fields share.
//
// One walk over the document collects every signal (the <html lang>, <title>,
// <meta> pairs, canonical link, JSON-LD blocks, <h1>s, <time>s, itemprop
// elements, rel=author links and every element with a class or id). It only
// records: a <meta> content is cleaned, and an element's class/id words are
// read (classes.h), when a field's decision first asks for them, so a page
// whose JSON-LD or <meta> names author and date never pays for the rest.
#include "signals.h"

#include <cstdlib>

#include "saring/utf8.h"
#include "saring/view_map.h"

namespace saring::meta::detail {

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
      {"nbsp", " "}, {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"rsquo", "\u2019"},
      {"lsquo", "\u2018"}, {"rdquo", "\u201D"}, {"ldquo", "\u201C"}, {"hellip", "\u2026"}};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (!name.empty() && name[0] == '#') {
      long cp = -1;
      if (name.size() > 1 && (name[1] == 'x' || name[1] == 'X'))
        cp = std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16);
      else
        cp = std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
      if (cp > 0 && cp <= 0x10FFFF) {
        utf8::append(out, static_cast<char32_t>(cp));
        done = true;
      }
    } else {
      for (const auto& [n, r] : kNamed)
        if (n == name) {
          out.append(r);
          done = true;
          break;
        }
    }
    if (done) i = semi + 1;
    else out.push_back(s[i++]);
  }
  return out;
}

std::string clean_value(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return squash(s);  // nothing to decode: no copy
  return squash(decode_entities(s));
}

bool lower_equals(std::string_view s, std::string_view lit) {
  if (!is_ascii(s)) return text::to_lower(s) == lit;
  return s.size() == lit.size() && ascii_lower_equals(s.data(), lit);
}
bool lower_contains(std::string_view s, std::string_view lit) {
  if (!is_ascii(s)) return text::to_lower(s).find(lit) != std::string::npos;
  if (lit.empty()) return true;
  for (size_t i = 0; i + lit.size() <= s.size(); ++i)
    if (ascii_lower(s[i]) == lit[0] && ascii_lower_equals(s.data() + i, lit)) return true;
  return false;
}

std::string key_of(std::string_view s) {
  std::string lower = text::to_lower(s);
  std::string out;
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t start = pos;
    char32_t cp = utf8::next(lower, pos);
    if (text::is_word_char(cp)) out.append(lower, start, pos - start);
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return text::to_lower(s.substr(0, prefix.size())) == prefix;
}

bool is_block(const Node* n) {
  switch (n->tag) {
    case Tag::p: case Tag::div: case Tag::br: case Tag::li: case Tag::ul: case Tag::ol:
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
    case Tag::tr: case Tag::td: case Tag::th: case Tag::table: case Tag::section:
    case Tag::article: case Tag::header: case Tag::footer: case Tag::dd: case Tag::dt:
    case Tag::blockquote: case Tag::figure: case Tag::figcaption: case Tag::address:
    case Tag::hr: case Tag::pre: case Tag::main: case Tag::aside: case Tag::nav:
      return true;
    default:
      return false;
  }
}

bool is_hidden_text_container(const Node* n) {
  return n->is(Tag::script) || n->is(Tag::style) || n->is(Tag::noscript) ||
         n->is(Tag::template_) || n->is(Tag::svg) || n->is(Tag::math) || n->is(Tag::select) ||
         n->is(Tag::button);
}

std::string node_text(const Node* node, size_t limit, bool spaced) {
  std::string out;
  html::walk(node, [&](const Node* n) {
    if (out.size() >= limit) return false;
    if (n->is_text()) {
      out.append(n->text());
      if (spaced) out.push_back(' ');
      return false;
    }
    if (n != node && n->is_element() && is_hidden_text_container(n)) return false;
    if (n->is_element() && (spaced || is_block(n)) && !out.empty() && out.back() != ' ')
      out.push_back(' ');
    return true;
  });
  return squash(out);
}

std::string class_and_id(const Node* n) {
  std::string s(n->attr("class"));
  std::string_view id = n->attr("id");
  if (!id.empty()) {
    s.push_back(' ');
    s.append(id);
  }
  return s;
}

bool is_url_like(std::string_view s) {
  return s.find("://") != std::string_view::npos || starts_with_ci(s, "www.") ||
         s.find(".com/") != std::string_view::npos;
}

namespace {

// text::to_lower(squash(k)) for a <meta> key: most keys are ASCII without
// white space, which squash leaves alone and to_lower only lowers A-Z.
std::string lower_key(std::string_view k) {
  std::string out(k);
  for (char& c : out) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || b == ' ' || (b >= '\t' && b <= '\r')) return text::to_lower(squash(k));
    c = ascii_lower(c);
  }
  return out;
}

}  // namespace

Signals collect(const html::Document& doc, const MetaVocabulary& v) {
  Signals s;
  const size_t cap = v.max_candidates;
  if (const Node* h = doc.html()) s.lang = std::string(h->attr("lang"));
  html::walk(doc.root(), [&](const Node* n) {
    if (!n->is_element()) return n->type == html::NodeType::document;
    switch (n->tag) {
      case Tag::title:
        if (s.title_tag.empty() && !has_ancestor(n, [](const Node* p) { return p->is(Tag::svg); }))
          s.title_tag = node_text(n, 2000);
        return false;
      case Tag::meta: {
        // One pass over the attributes; the first of each name counts, as in attr().
        enum { kContent, kValue, kProperty, kName, kItemprop, kHttpEquiv, kCharset, kCount };
        std::string_view a[kCount];
        bool seen[kCount] = {};
        for (uint32_t k = 0; k < n->attr_count; ++k) {
          const std::string_view nm = n->attrs[k].name;
          int which = name_is(nm, "content")      ? kContent
                      : name_is(nm, "value")      ? kValue
                      : name_is(nm, "property")   ? kProperty
                      : name_is(nm, "name")       ? kName
                      : name_is(nm, "itemprop")   ? kItemprop
                      : name_is(nm, "http-equiv") ? kHttpEquiv
                      : name_is(nm, "charset")    ? kCharset
                                                  : kCount;
          if (which == kCount || seen[which]) continue;
          seen[which] = true;
          a[which] = n->attrs[k].value;
        }
        std::string_view content = a[kContent];
        if (content.empty()) content = a[kValue];
        if (!content.empty())
          for (std::string_view k : {a[kProperty], a[kName], a[kItemprop], a[kHttpEquiv]})
            if (!k.empty()) s.metas.emplace_back(lower_key(k), content);
        if (s.itemprop_date.size() < cap &&
            (lower_equals(a[kItemprop], "datepublished") || lower_equals(a[kItemprop], "datecreated")))
          s.itemprop_date.push_back(n);
        if (a[kCharset].empty() && s.lang.empty() && lower_equals(a[kHttpEquiv], "content-language"))
          s.lang = std::string(a[kContent]);
        return false;
      }
      case Tag::link: {
        if (s.canonical.empty() && lower_equals(n->attr("rel"), "canonical"))
          s.canonical = std::string(n->attr("href"));
        return false;
      }
      case Tag::script: {
        if (lower_contains(n->attr("type"), "ld+json")) {
          s.jsonld_texts.push_back(html::inner_text(n));
        }
        return false;
      }
      case Tag::style: case Tag::noscript: case Tag::template_: case Tag::svg:
        return false;
      case Tag::h1:
        if (s.h1s.size() < 20) s.h1s.push_back(n);
        break;
      case Tag::time:
        if (s.times.size() < cap) s.times.push_back(n);
        break;
      default:
        break;
    }
    // One pass over the attributes (the first of each name counts, as in attr()).
    std::string_view itemprop, rel, cls, id;
    bool has_itemprop = false, has_rel = false, has_class = false, has_id = false;
    for (uint32_t k = 0; k < n->attr_count; ++k) {
      const html::Attribute& a = n->attrs[k];
      // By length first: one fixed-size compare per attribute at most.
      const std::string_view nm = a.name;
      if (nm.size() == 5 && name_is(nm, "class")) {
        if (!has_class) cls = a.value;
        has_class = true;
      } else if (nm.size() == 2 && name_is(nm, "id")) {
        if (!has_id) id = a.value;
        has_id = true;
      } else if (nm.size() == 8 && name_is(nm, "itemprop")) {
        if (!has_itemprop) itemprop = a.value;
        has_itemprop = true;
      } else if (nm.size() == 3 && name_is(nm, "rel")) {
        if (!has_rel) rel = a.value;
        has_rel = true;
      }
    }
    if (!itemprop.empty()) {
      if (lower_contains(itemprop, "author") || lower_equals(itemprop, "creator")) {
        if (s.itemprop_author.size() < cap) s.itemprop_author.push_back(n);
      } else if (lower_equals(itemprop, "datepublished") || lower_equals(itemprop, "datecreated")) {
        if (s.itemprop_date.size() < cap) s.itemprop_date.push_back(n);
      } else if (lower_equals(itemprop, "headline")) {
        if (s.itemprop_headline.size() < 10) s.itemprop_headline.push_back(n);
      }
    }
    if ((n->is(Tag::a) || n->is(Tag::link)) && !rel.empty()) {
      if (lower_contains(rel, "author") && s.rel_author.size() < cap) s.rel_author.push_back(n);
    }
    if (!cls.empty() || !id.empty()) s.classed.push_back(n);
    return true;
  });
  return s;
}

std::vector<std::string> meta_values(const Signals& s, std::string_view key) {
  std::vector<std::string> out;
  for (const MetaEntry& m : s.metas)
    if (m.key == key) out.push_back(m.content());
  return out;
}

std::optional<std::string> first_meta(const Signals& s, const std::vector<std::string>& keys,
                                      std::string* which) {
  for (const auto& key : keys)
    for (const MetaEntry& m : s.metas)
      if (m.key == key && !m.content().empty()) {
        if (which) *which = key;
        return m.content();
      }
  return std::nullopt;
}

}  // namespace saring::meta::detail
