// Internal: how each field is decided from the signals (title.cc, author.cc,
// page_date.cc); meta.cc calls them in turn.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classes.h"
#include "jsonld.h"
#include "meta_vocabulary.h"
#include "saring/date.h"
#include "saring/meta.h"
#include "signals.h"

namespace saring::meta::detail {

// ---- title (title.cc) ----------------------------------------------------------

struct Heading {
  const Node* node;
  std::string text;
};

// Visible main headings, best first: <h1>s inside <article>/<main>, then
// those outside page furniture, then the rest.
std::vector<Heading> h1_candidates(const Signals& s, Furniture& furn, const MetaVocabulary& v);

// The title: an <h1> the metadata confirms, else a plausible <h1>, else the
// metadata title without the site name.
std::optional<std::string> pick_title(const Signals& s, const json* article,
                                      const std::vector<Heading>& h1s, const std::string& sitename,
                                      std::string_view page_url, const MetaVocabulary& v);

// ---- author (author.cc) --------------------------------------------------------

// The author: JSON-LD people, <meta> names, itemprop and rel=author
// elements, a byline near `heading`, class/id-named elements, then
// organisations.
std::optional<std::string> pick_author(const Signals& s, const ClassedElements& classed, const JsonLd& ld,
                                       const json* article, const json* page, const Node* heading,
                                       Furniture& furn, const MetaVocabulary& v);

// ---- date (page_date.cc) -------------------------------------------------------

struct DatePick {
  std::string iso;
  std::string source;
};

std::optional<DatePick> pick_date(const Signals& s, const ClassedElements& classed, const json* article,
                                  const json* page, const Node* heading, Furniture& furn,
                                  std::string_view url, const date::DateOptions& dopt,
                                  const MetaOptions& options, const MetaVocabulary& v);

}  // namespace saring::meta::detail
