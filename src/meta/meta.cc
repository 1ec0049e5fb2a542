// Page metadata from the DOM: the decision that picks each field among its
// sources.
//
// One walk over the document records the signals (signals.cc). Each field is
// then decided by trying its sources in a fixed order of trust
// (docs/metadata.md): JSON-LD (jsonld.cc), OpenGraph/article:*, Twitter,
// Dublin Core/itemprop/<meta name>, <time> and classed elements, text around
// the title, the URL. The first source that yields a value surviving its
// cleaning wins; a value that does not look right (an author that is a URL,
// a date out of range) is skipped rather than repaired.
//
// Two ideas carry most of the accuracy. First, page furniture (footers,
// sidebars, comments, related posts) is judged relative to the main heading
// (classes.h): only the wrappers between an element and the lowest ancestor
// it shares with the title can make it furniture, so a site-wide
// "has-sidebar" class never hides the article's byline. Second, what a reader
// sees near the title confirms or replaces markup: the visible <h1> is the
// title when it shares words with the metadata title (title.cc); a visible
// byline ("By A and B") is preferred to the same names listed as data
// (author.cc); a date shown under the title is used when no markup states a
// publication date (page_date.cc).
//
// Most of the work is done only when a field's decision reaches it: class/id
// words, visible dates, byline text pieces and cleaned <meta> contents are
// worked out on first use, so a page whose JSON-LD or <meta> names author and
// date never pays for them. Every such shortcut gives the answers the full
// computation gives; nothing is cached across documents.
#include "saring/meta.h"

#include <algorithm>

#include "fields.h"

namespace saring::meta {
namespace {

using namespace detail;

void add_tags(std::vector<std::string>& tags, std::string_view value) {
  size_t start = 0;
  while (start <= value.size() && tags.size() < 50) {
    size_t end = value.find_first_of(",;", start);
    if (end == std::string_view::npos) end = value.size();
    std::string t = squash(value.substr(start, end - start));
    if (!t.empty() && t.size() <= 100 && std::find(tags.begin(), tags.end(), t) == tags.end())
      tags.push_back(t);
    start = end + 1;
  }
}

}  // namespace

Metadata extract_metadata(const html::Document& doc, std::string_view url, const MetaOptions& options) {
  const MetaVocabulary& v = meta_vocabulary();
  Metadata m;
  ClassFlags class_flags(v);
  Signals s = collect(doc, v);
  ClassedElements classed(s, class_flags, v.max_candidates);
  JsonLd ld = parse_jsonld(s, v);
  const json* article = main_object(ld, v);
  const json* page = page_object(ld, v);

  // URL
  if (!url.empty()) m.url = std::string(url);
  else if (s.canonical.find("://") != std::string::npos) m.url = s.canonical;
  else if (auto og = first_meta(s, {"og:url"}); og && og->find("://") != std::string::npos) m.url = *og;
  std::string page_url = m.url.value_or("");

  // Language hint
  if (!s.lang.empty()) m.language_hint = squash(s.lang);
  else if (auto l = first_meta(s, v.language_keys)) m.language_hint = *l;
  date::DateOptions dopt;
  if (m.language_hint) {
    dopt.language_hint = *m.language_hint;
    std::replace(dopt.language_hint.begin(), dopt.language_hint.end(), '_', '-');
  }

  // Site name
  for (const json* o : ld.objects) {
    if (!has_type(*o, v.site_types)) continue;
    if (auto n = json_string(*o, "name")) {
      m.sitename = *n;
      break;
    }
  }
  if (auto og = first_meta(s, {"og:site_name"})) m.sitename = *og;  // OpenGraph names the site best
  if (!m.sitename) {
    if (article) {
      auto pub = find_key(*article, "publisher");
      if (pub != article->end()) {
        std::vector<std::string> names;
        collect_names(*pub, ld, names, 0);
        if (!names.empty() && !names[0].empty()) m.sitename = names[0];
      }
    }
  }
  if (!m.sitename)
    if (auto n = first_meta(s, v.sitename_keys); n && (*n)[0] != '@' && !is_url_like(*n)) m.sitename = *n;

  Furniture furn(class_flags);
  std::vector<Heading> h1s = h1_candidates(s, furn, v);
  const Node* heading = h1s.empty() ? nullptr : h1s.front().node;
  if (heading) furn.set_anchor(heading);
  m.title = pick_title(s, article, h1s, m.sitename.value_or(""), page_url, v);

  m.author = pick_author(s, classed, ld, article, page, heading, furn, v);

  if (auto d = pick_date(s, classed, article, page, heading, furn, page_url, dopt, options, v)) {
    m.date = d->iso;
    m.date_source = d->source;
  }

  // Description, image
  if (auto d = first_meta(s, v.description_keys)) m.description = *d;
  else if (article) m.description = json_string(*article, "description");
  if (auto i = first_meta(s, v.image_keys)) m.image = *i;
  else if (article) {
    auto it = find_key(*article, "image");
    if (it != article->end()) {
      const json* img = &*it;
      if (img->is_array() && !img->empty()) img = &(*img)[0];
      if (img->is_string()) m.image = img->get<std::string>();
      else if (img->is_object()) m.image = json_string(*img, "url");
    }
  }

  // Page type
  if (article) {
    auto t = find_key(*article, "@type");
    if (t != article->end() && t->is_string()) m.page_type = t->get<std::string>();
    else if (t != article->end() && t->is_array() && !t->empty() && (*t)[0].is_string())
      m.page_type = (*t)[0].get<std::string>();
  }
  if (!m.page_type)
    if (auto og = first_meta(s, {"og:type"})) m.page_type = *og;
  if (!m.page_type && page) {
    auto t = find_key(*page, "@type");
    if (t != page->end() && t->is_string()) m.page_type = t->get<std::string>();
  }

  // Tags
  for (const auto& key : v.tag_keys)
    for (const auto& val : meta_values(s, key)) add_tags(m.tags, val);
  if (article) {
    for (ReadKey k : {ReadKey("keywords"), ReadKey("articleSection")}) {
      auto it = find_key(*article, k);
      if (it == article->end()) continue;
      if (it->is_string()) add_tags(m.tags, it->get<std::string>());
      if (it->is_array())
        for (const auto& e : *it)
          if (e.is_string()) add_tags(m.tags, e.get<std::string>());
    }
  }
  return m;
}

namespace {

// "schema:NewsArticle", "http://schema.org/Article" -> "newsarticle", "article".
std::string bare_type(std::string_view page_type) {
  std::string t = text::to_lower(page_type);
  if (size_t cut = t.find_last_of(":/"); cut != std::string::npos) t.erase(0, cut + 1);
  return t;
}

}  // namespace

bool is_article_type(std::string_view page_type) {
  return meta_vocabulary().article_types.count(bare_type(page_type)) > 0;
}

bool is_recipe_type(std::string_view page_type) { return bare_type(page_type) == "recipe"; }

}  // namespace saring::meta
