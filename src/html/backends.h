// Internal: the parser backends behind saring::html::parse(). Each turns
// valid UTF-8 HTML into a Document by replaying its own tree into a
// DocumentBuilder. Not part of the public API.
#pragma once

#include <string>
#include <string_view>

#include "saring/html.h"

namespace saring::html::detail {

// Both stop with ErrorCode::too_large when the parser's own stack of open
// elements grows past `max_open` (their cost turns quadratic there), so the
// caller can flatten the markup and retry.

// The ErrorCode::too_costly error of a page that needs more than `max_work`
// units of work (ParseOptions' budget), whichever backend finds it out.
Error too_costly(uint64_t max_work);

// MyHTML (libmodest): an HTML5 tree builder, run single-threaded with one
// parser instance per thread, reused across calls.
Result<Document> parse_with_myhtml(std::string_view utf8_html, const ParseOptions& options,
                                   size_t max_open);

// libxml2's HTML parser (what lxml and trafilatura use), in recover mode.
Result<Document> parse_with_libxml2(std::string_view utf8_html, const ParseOptions& options,
                                    size_t max_open);

// saring's own HTML5 tokenizer and tree builder (tree_builder.cc). Linear
// in the input whatever its nesting, so it needs no guard or retry.
// `utf8_html` is moved into the Document, whose texts and attribute values
// then point into it.
Result<Document> parse_with_native(PaddedText&& utf8_html, const ParseOptions& options);

}  // namespace saring::html::detail
