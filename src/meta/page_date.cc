// The publication date: stated in markup first, else shown near the title.
//
// A date stated as data (JSON-LD datePublished, the article:published_time
// family of <meta> keys, itemprop) is trusted first; then the dates a reader
// sees: <time> elements (published-looking ones first), elements whose
// class/id names a date or a byline block, and, on request, the lines of text
// around the main heading; then the URL. Furniture (comments, sidebars) is
// skipped. A modification date is used only when the caller asks for the
// latest date and the page also shows it. Values go through the multilingual
// date parser (date.h), which refuses dates out of range.
#include <re2/re2.h>

#include "fields.h"

namespace saring::meta::detail {
namespace {

std::optional<std::string> parse_date(std::string_view value, const date::DateOptions& o) {
  if (value.empty()) return std::nullopt;
  if (auto d = date::parse(value, o)) return d;
  // Values such as "Published: 2021-10-20" or with trailing junk.
  if (value.size() < 200)
    if (auto f = date::find(value, o)) return f->iso;
  return std::nullopt;
}

// Published date from markup: JSON-LD, then <meta> names, then itemprop.
std::optional<DatePick> published_date(const Signals& s, const json* article, const json* page,
                                       const date::DateOptions& dopt, const MetaVocabulary& v) {
  for (const json* o : {article, page}) {
    if (!o) continue;
    for (ReadKey k : {ReadKey("datePublished"), ReadKey("dateCreated"), ReadKey("uploadDate")})
      if (auto val = json_string(*o, k))
        if (auto d = parse_date(*val, dopt)) return DatePick{*d, "json-ld"};
  }
  for (const auto& key : v.published_keys)
    for (const auto& val : meta_values(s, key))
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "meta:" + key};
  for (const Node* n : s.itemprop_date) {
    if (n->is(Tag::meta)) continue;
    for (std::string_view val : {n->attr("content"), n->attr("datetime")})
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "itemprop"};
    if (auto d = parse_date(node_text(n, 300), dopt)) return DatePick{*d, "itemprop"};
  }
  for (const MetaEntry& m : s.metas) {
    const std::string& k = m.key;
    if (!RE2::PartialMatch(k, *v.generic_date_key) || RE2::PartialMatch(k, *v.not_published_key))
      continue;
    if (auto d = parse_date(m.content(), dopt)) return DatePick{*d, "meta:" + k};
  }
  return std::nullopt;
}

// Last-modification date from markup.
std::optional<DatePick> modified_date(const Signals& s, const json* article, const json* page,
                                      const date::DateOptions& dopt, const MetaVocabulary& v) {
  for (const json* o : {article, page}) {
    if (!o) continue;
    if (auto val = json_string(*o, "dateModified"))
      if (auto d = parse_date(*val, dopt)) return DatePick{*d, "json-ld:modified"};
  }
  for (const auto& key : v.modified_keys)
    for (const auto& val : meta_values(s, key))
      if (auto d = parse_date(val, dopt)) return DatePick{*d, "meta:" + key};
  return std::nullopt;
}

// Dates a reader sees: <time> elements (published-looking ones first),
// elements whose class/id says date/published/byline, and, when `text` is
// set, the lines of visible text around the main <h1>. In document order
// within each group, furniture (comments, sidebars, footers) skipped.
// With `first_only`, stops as soon as the first entry of the full list is
// known (the caller wants only that one).
std::vector<DatePick> visible_dates(const Signals& s, const ClassedElements& classed, const Node* heading,
                                    Furniture& furn, const date::DateOptions& dopt, bool text,
                                    bool first_only, const MetaVocabulary& v) {
  std::vector<DatePick> out;
  const size_t kMax = 8;
  std::vector<DatePick> later;
  for (const Node* t : s.times) {
    if (out.size() >= kMax) break;
    if (furn(t)) continue;
    std::string ci = text::to_lower(class_and_id(t) + " " + std::string(t->attr("itemprop")));
    bool updated = RE2::PartialMatch(ci, *v.updated_class);
    bool published = t->has_attr("pubdate") || ci.find("publish") != std::string::npos ||
                     ci.find("posted") != std::string::npos || ci.find("created") != std::string::npos;
    std::optional<std::string> d = parse_date(t->attr("datetime"), dopt);
    if (!d) d = parse_date(node_text(t, 300, true), dopt);
    if (!d) continue;
    if (published && !updated) {
      out.push_back({*d, "time"});
      if (first_only) return out;
    } else {
      later.push_back({*d, updated ? "time:modified" : "time"});
    }
  }
  out.insert(out.end(), later.begin(), later.end());
  if (first_only && !out.empty()) return out;
  for (auto kind : {ClassedElements::Kind::date_elements, ClassedElements::Kind::date_blocks}) {
    auto cursor = classed.cursor(kind);
    while (const Node* n = cursor.next()) {
      if (out.size() >= kMax) break;
      if (furn(n)) continue;
      std::string t = node_text(n, 400, true);
      if (t.empty() || t.size() > 400) continue;
      bool updated = RE2::PartialMatch(class_and_id(n), *v.updated_class);
      if (auto f = date::find(t, dopt)) {
        out.push_back({f->iso, updated ? "element:modified" : "element"});
        if (first_only) return out;
      }
    }
  }
  if (!text || out.size() >= kMax) return out;
  const Node* h = heading;
  if (!h) return out;
  std::string window;
  auto next_after = [](const Node* x) -> const Node* {
    while (x && !x->next_sibling()) x = x->parent();
    return x ? x->next_sibling() : nullptr;
  };
  // A byline just before the heading, then the heading and what follows it.
  if (h->prev_sibling()) {
    std::string before = node_text(h->prev_sibling(), 300);
    if (before.size() < 300) window = before + " \n ";
  }
  window += node_text(h, 500) + " \n ";
  const Node* n = next_after(h);
  while (n && window.size() < v.text_date_window) {
    if (n->is_element() && (is_hidden_text_container(n) || furn(n))) {
      n = next_after(n);
      continue;
    }
    if (n->is_text()) {
      window.append(n->text());
      window.push_back(' ');
    } else if (n->is_element() && is_block(n)) {
      window.append(" \n ");
    }
    n = n->first_child() ? n->first_child() : next_after(n);
  }
  // Line by line, so a date cannot be glued together from two lines.
  size_t start = 0;
  while (start < window.size() && out.size() < kMax) {
    size_t end = window.find('\n', start);
    if (end == std::string::npos) end = window.size();
    std::string_view line(window.data() + start, end - start);
    if (auto f = date::find(line, dopt)) {
      out.push_back({f->iso, "text"});
      if (first_only) return out;
    }
    start = end + 1;
  }
  return out;
}

bool same_day(const std::string& a, const std::string& b) {
  return a.size() >= 10 && b.size() >= 10 && a.compare(0, 10, b, 0, 10) == 0;
}

}  // namespace

// The decision: a publication date stated in markup (JSON-LD, <meta>,
// itemprop) first; then the first date a reader sees near the title; then
// the URL. A modification date is used only when options ask for the latest
// date and the page shows it: alone it is not a publication date.
// Each source is consulted only when the decision can still depend on it.
std::optional<DatePick> pick_date(const Signals& s, const ClassedElements& classed, const json* article,
                                  const json* page, const Node* heading, Furniture& furn,
                                  std::string_view url, const date::DateOptions& dopt,
                                  const MetaOptions& options, const MetaVocabulary& v) {
  auto pub = published_date(s, article, page, dopt, v);
  // Asked for the latest date: a modification date the page also shows.
  if (!options.original_date)
    if (auto mod = modified_date(s, article, page, dopt, v)) {
      std::vector<DatePick> vis = visible_dates(s, classed, heading, furn, dopt,
                                                options.extensive_date_search, false, v);
      for (const auto& d : vis)
        if (same_day(d.iso, mod->iso)) return mod;
    }
  if (pub) return pub;
  std::vector<DatePick> vis = visible_dates(s, classed, heading, furn, dopt,
                                            options.extensive_date_search, true, v);
  if (!vis.empty()) return vis.front();
  if (options.date_from_url && !url.empty())
    if (auto d = date::from_url(url, dopt)) return DatePick{*d, "url"};
  // A modification date alone says when the page changed, not when it was
  // published: not a publication date.
  return std::nullopt;
}

}  // namespace saring::meta::detail
