// Internal: guards against pathologically deep markup (and, below, against
// tags with huge numbers of attributes), applied before a backend sees the
// page. Both libraries have scans over their stack of open
// elements (MyHTML's scope checks, libxml2's end-tag lookup), so a page
// nested tens of thousands deep costs them quadratic time: 20,000 levels of
// "<b><div></b>" took MyHTML 4 s, 20,000 of "<div></span>" took libxml2
// 1.7 s. Real pages nest a few dozen levels deep.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace saring::html::detail {

// Largest number of simultaneously open elements seen by a simplified tag
// matcher (see nesting_scan.cc), which errs towards overestimating. Stops
// once the count reaches `limit` and returns it.
size_t estimate_nesting(std::string_view html, size_t limit);

// Copy of `html` without the start tags that would open elements deeper
// than `limit` by the same matcher, nor the end tags that then match
// nothing open. Text, comments, raw-text elements (script, style, ...) and
// void elements are all kept, so no content is lost: only nesting is.
std::string flatten_nesting(std::string_view html, size_t limit);

// The attribute guard: libxml2's HTML parser checks each attribute of a tag
// against all the earlier ones, so a tag with tens of thousands of
// attributes costs it seconds to minutes (30,000: 21 s). Real tags carry a
// few dozen at most.
//
// Largest number of attributes on one start tag (comments and raw-text
// elements skipped); stops once a tag reaches `limit` and returns it.
size_t max_attributes(std::string_view html, size_t limit);

// Copy of `html` in which every start tag keeps only its first `limit`
// attributes. Text and markup otherwise unchanged.
std::string limit_attributes(std::string_view html, size_t limit);

// The work guard of the libraries: start tags plus their attributes in the
// whole input, tokenized as above. Each start tag makes at most one element
// (implied ones aside) and each attribute one DOM attribute, so this is the
// DOM work (ParseOptions' budget) the markup asks for, counted before a
// library builds a tree of its own. Stops once the count reaches `limit`
// and returns it.
size_t count_tags_and_attributes(std::string_view html, size_t limit);

}  // namespace saring::html::detail
