// Page metadata: title, author, date, site name, description, image, URL,
// declared language, page type and tags, read from a parsed page.
//
// Sources in order of trust (docs/metadata.md has the details):
//   1. JSON-LD (Article/NewsArticle/BlogPosting/WebPage/..., @graph, arrays,
//      nested author objects, @id references)
//   2. OpenGraph and article:* meta
//   3. Twitter cards
//   4. Dublin Core, itemprop, <meta name=author|date|pubdate|...>
//   5. <time datetime>, elements whose class/id/itemprop says
//      "published", "byline", "author", ...
//   6. the URL (dates such as /2021/10/20/)
//   7. visible text around the main heading (bylines; dates when
//      MetaOptions::extensive_date_search)
// For dates, what the page shows (5, 7) comes before the URL (6); a
// modification date alone is never returned as the date.
// Never invents: a field nobody states confidently stays nullopt.
//
//   auto doc = saring::html::parse(saring::html::decode_to_utf8(bytes).utf8);
//   saring::meta::Metadata m = saring::meta::extract_metadata(*doc, url);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saring/html.h"

namespace saring::meta {

// What we know about a page. Absent values are nullopt / empty.
struct Metadata {
  std::optional<std::string> title;        // without the site-name suffix/prefix
  std::optional<std::string> author;       // "A, B" when several; no "By"
  std::optional<std::string> date;         // ISO 8601 (see saring/date.h)
  std::optional<std::string> sitename;
  std::optional<std::string> description;
  std::optional<std::string> image;        // URL
  std::optional<std::string> url;          // the given URL, else canonical, else og:url
  std::optional<std::string> language_hint;  // <html lang> (a hint, not the answer)
  std::optional<std::string> page_type;    // og:type or JSON-LD @type
  std::vector<std::string> tags;           // keywords, article:tag, categories
  // Which signal gave the date: "json-ld", "meta:<name>", "itemprop", "time",
  // "element", "url", "text"; empty when there is no date.
  std::string date_source;
};

// Knobs for extract_metadata().
struct MetaOptions {
  // Look for a date in visible text (headers, bylines, the first lines of the
  // body) when no markup gives one.
  bool extensive_date_search = true;
  // Use the date found in the URL when markup gives none.
  bool date_from_url = true;
  // Prefer the original publication date over the last modification date.
  bool original_date = true;
};

// Metadata from a parsed page; `url` may be empty (then canonical/og:url are
// used, also for dates in the URL). Pure and thread-safe.
Metadata extract_metadata(const html::Document& doc, std::string_view url,
                          const MetaOptions& options = {});

// Whether `page_type` (a Metadata::page_type: a schema.org @type or an
// og:type) names an article: Article, NewsArticle, BlogPosting, "article", ...
bool is_article_type(std::string_view page_type);
// Whether `page_type` names a recipe (schema.org Recipe).
bool is_recipe_type(std::string_view page_type);

// Title without the site-name suffix/prefix: "Story - Site", "Site | Story",
// "Story » Site" give "Story" when `sitename` (may be empty) or a
// site-like part is recognised. Returns the collapsed title otherwise.
std::string clean_title(std::string_view title, std::string_view sitename);

// Author without "By", "Oleh", "Penulis:", "Von", "Par", "Por", "Di", "Door",
// "Автор", ..., roles ("Staff Writer", "Editor") and trailing dates trimmed;
// several authors joined with ", ". nullopt when it does not look like a name
// (a URL, an e-mail, a long sentence, a bare "admin").
std::optional<std::string> clean_author(std::string_view raw);

}  // namespace saring::meta
