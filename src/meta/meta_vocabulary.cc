// The one home of metadata vocabulary. The order of the key lists is the
// order of trust inside each source; docs/metadata.md explains the order of
// the sources themselves.
#include "meta_vocabulary.h"

#include "saring/class_words.h"

namespace saring::meta::detail {
namespace {

std::unique_ptr<RE2> compile(const char* pattern) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return std::make_unique<RE2>(pattern, o);
}

MetaVocabulary build() {
  MetaVocabulary v;
  v.title_keys = {"og:title", "twitter:title", "dc.title", "dcterms.title", "title",
                  "parsely-title", "sailthru.title", "headline"};
  v.published_keys = {
      "article:published_time", "og:article:published_time", "article:published",
      "og:published_time", "datepublished", "published_time", "publishdate", "publish-date",
      "publish_date", "pubdate", "publication_date", "publication-date", "article.published",
      "article_date_original", "original-publish-date", "parsely-pub-date", "sailthru.date",
      "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
      "dcterms.date", "date", "citation_publication_date", "citation_date",
      "prism.publicationdate", "cxenseparse:recs:publishtime", "datecreated", "created",
      "date_published", "release_date", "pub_date", "displaydate", "bt:pubdate",
      "article:post_date", "sailthru.published"};
  // Any other <meta> key that looks like a publication date ("ms.date",
  // "published", "article.created"), but not an update or expiry.
  v.generic_date_key = compile(R"((?:publish|pubdate|\bdate$|[._:-]date$|created))");
  v.not_published_key = compile(R"((?:modif|updat|expir|valid|revis|review|end|start|event|birth|copyright))");
  v.modified_keys = {"article:modified_time", "og:updated_time", "article:modified",
                     "datemodified", "dc.date.modified", "dcterms.modified", "last-modified",
                     "lastmod", "modified", "revised", "updated_time"};
  v.author_keys = {"author", "article:author", "og:article:author", "dc.creator",
                   "dcterms.creator", "parsely-author", "sailthru.author", "byl", "byline",
                   "citation_author", "twitter:creator", "creator", "article:author_name",
                   "cxenseparse:author", "authors"};
  v.sitename_keys = {"og:site_name", "application-name", "apple-mobile-web-app-title",
                     "dc.publisher", "publisher", "twitter:site"};
  v.description_keys = {"og:description", "description", "twitter:description",
                        "dc.description", "dcterms.description"};
  v.image_keys = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                  "twitter:image:src", "image", "thumbnail"};
  v.tag_keys = {"article:tag", "keywords", "news_keywords", "article:section", "parsely-tags",
                "sailthru.tags"};
  v.language_keys = {"og:locale", "content-language", "language", "dc.language"};

  v.article_types = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                     "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                     "backgroundnewsarticle", "askpublicnewsarticle", "techarticle",
                     "scholarlyarticle", "medicalscholarlyarticle", "report", "liveblogposting",
                     "socialmediaposting", "discussionforumposting", "review", "criticreview",
                     "recipe", "howto", "posting", "satiricalarticle", "advertisercontentarticle",
                     "blog", "qapage", "question"};
  v.page_types = {"webpage", "itempage", "aboutpage", "collectionpage", "faqpage",
                  "profilepage", "searchresultspage", "medicalwebpage", "contactpage",
                  "checkoutpage", "realestatelisting"};
  v.site_types = {"website", "organization", "newsmediaorganization", "corporation",
                  "localbusiness", "educationalorganization", "onlinebusiness", "onlinestore"};
  v.question_types = {"question"};
  v.faq_types = {"faqpage"};
  v.landing_og_types = {"website"};

  // class/id vocabulary. Words are matched against the words of class and
  // id values (saring/class_words.h) and against adjacent pairs joined by
  // '-' ("by-line", "posted-by", "read-more"); date words anywhere inside a
  // word ("publishdate", "datetime").
  v.author_class_words = {"byline", "by-line", "author", "authors", "auth", "writer",
                          "contributor", "creator", "reporter", "penulis", "autor", "auteur",
                          "redaktor", "posted-by", "postedby"};
  v.date_class_substrings = {"date", "time", "publish", "posted", "datum", "fecha", "tanggal"};
  v.date_block_words = {"byline", "by-line", "meta", "info", "details", "subtitle", "subhead",
                        "dek", "credit", "credits", "article-header", "post-header",
                        "entry-header"};
  // Furniture: the words every class/id reader shares, comment sections,
  // and widgets, teasers and cards, which hold other stories' bylines and
  // dates.
  for (std::string_view w : html::kFurnitureWords) v.skip_class_words.add(w);
  for (std::string_view w : html::kCommentWords) v.skip_class_words.add(w);
  for (std::string_view w : {"widget", "recommend", "read-more", "teaser", "card"})
    v.skip_class_words.add(w);
  v.updated_class = compile(R"((?:updated|modified|last-?mod|revised|aktualisiert))");

  v.author_prefixes = {"written and reviewed by", "written by", "posted by", "published by", "words by", "story by",
                       "text by", "article by", "created by", "compiled by", "reported by",
                       "author:", "authors:", "author", "by:", "by", "from",
                       "oleh:", "oleh", "penulis:", "penulis", "reporter:", "reporter",
                       "editor:", "redaktur:", "kontributor:", "pewarta:",
                       "von", "autor:", "autor", "autorin:", "autorin", "par", "auteur:",
                       "auteur", "por", "di", "da", "door", "auteur", "autore:", "autore",
                       "napisał", "autorka:", "автор:", "автор", "yazar:", "yazan",
                       "av", "af", "kirjoittanut"};
  v.author_role = compile(
      R"((?:,|\||-|–|—|/)?\s*(?:senior |chief |managing |contributing |associate |)"
      R"(deputy |staff |guest |special |executive )?(?:staff writer|writer|editor|reporter|)"
      R"(correspondent|columnist|contributor|journalist|photographer|producer|)"
      R"(editor-in-chief|news editor|redaktur|wartawan|kontributor)s?\s*$)");
  v.not_author_prefixes = {"updated by", "reviewed by", "medically reviewed by", "edited by",
                           "fact checked by", "fact-checked by", "photo by", "photos by",
                           "photograph by", "illustration by", "illustrations by", "image by",
                           "images by", "video by", "translated by", "sponsored by",
                           "powered by", "presented by", "view more", "view all", "more from",
                           "see all", "read more", "follow"};
  v.not_authors = {"updated", "human", "posts", "more posts", "view more posts", "about",
                   "contact", "team", "home page", "homepage", "website", "profile", "bio",
                   "written by", "posted by", "menu", "login", "log in", "sign in", "subscribe","admin", "administrator", "root", "user", "guest", "anonymous", "unknown",
                   "staff", "editor", "editors", "redaksi", "redaktion", "rédaction", "webmaster",
                   "author", "null", "none", "undefined", "nobody", "default", "wordpress",
                   "by", "share", "facebook", "twitter", "home"};
  v.author_cut_words = {" | ", " • ", " · ", "\n", " on ", " updated ", " published ",
                        " posted ", " last updated", " am ", " le ", " el ", " il ", " - ",
                        " – ", " — ", " in "};

  v.byline_labels = {"by", "written by", "posted by", "published by", "words by", "story by",
                     "author", "authors", "authored by", "reviewed by", "article by", "text by",
                     "oleh", "penulis", "reporter", "von", "autor", "par", "auteur", "por",
                     "door", "napisał", "автор", "yazar", "av", "af", "kirjoittanut"};
  v.name_particles = {"and", "&", "van", "von", "der", "den", "de", "da", "di", "du", "del",
                      "della", "la", "le", "y", "e", "und", "et", "dan", "bin", "binti", "al",
                      "ibn", "ten", "ter", "op", "zu", "dos", "das", "do"};
  v.name_connectors = {",", "and", ", and", "&", ", &", "und", "et", "y", "e", "dan", "en", "i",
                       "и", "ve", "och", "og", "a", "și"};
  v.title_separators = {" | ", " || ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ",
                        " • ", " ~ ", " / ", " ‹ ", " › "};
  v.heading_anchor_marks = {"\u00B6", "#", "\u00A7", "\U0001F517", "\uF0C1"};
  v.furniture_titles = {"menu", "search", "navigation", "main menu", "home", "skip to content",
                        "site navigation", "sign in", "log in", "login", "cart", "shopping cart",
                        "newsletter", "subscribe", "share", "related posts", "comments",
                        "recent posts", "categories", "archives", "search results"};
  return v;
}

}  // namespace

const MetaVocabulary& meta_vocabulary() {
  static const MetaVocabulary v = build();
  return v;
}

}  // namespace saring::meta::detail
