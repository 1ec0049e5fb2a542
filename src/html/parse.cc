// parse(): the one entry point above the backends. It enforces the size
// limit, makes sure the backend sees valid UTF-8 (so every string in the
// DOM is valid UTF-8 whatever the caller passed; parse_decoded() skips the
// check, decode_to_utf8() having produced valid UTF-8 already, and hands its
// string to the native backend to keep instead of copying texts), drops NUL bytes, defuses pathologically
// deep markup for the two libraries (nesting_scan.h: both turn quadratic on
// it; the native backend is linear and needs no guard), caps
// the attributes per tag that libxml2 sees (its duplicate check is quadratic)
// and dispatches.
#include <algorithm>
#include <cstring>

#include "backends.h"
#include "nesting_scan.h"
#include "saring/utf8.h"

namespace saring::html {
namespace {

// Past this many open elements a backend gives up (both libraries turn
// quadratic on deep stacks; see nesting_scan.h) ...
constexpr size_t kMaxOpenElements = 4096;
// ... and the page is retried with its nesting flattened at these depths
// (text kept, only start tags past the depth dropped), shallower each time.
constexpr size_t kFlattenDepths[] = {1024, 128};

// libxml2 keeps only this many attributes of a tag (nesting_scan.h: its
// duplicate-attribute check is quadratic); MyHTML is linear and keeps all.
constexpr size_t kMaxAttributesLibxml2 = 256;

Result<Document> run_backend(std::string_view html, const ParseOptions& options) {
  switch (options.backend) {
    case Backend::native: return detail::parse_with_native(PaddedText::copy_of(html), options);
    case Backend::myhtml: return detail::parse_with_myhtml(html, options, kMaxOpenElements);
    case Backend::libxml2: {
      if (detail::max_attributes(html, kMaxAttributesLibxml2 + 1) > kMaxAttributesLibxml2) {
        std::string limited = detail::limit_attributes(html, kMaxAttributesLibxml2);
        return detail::parse_with_libxml2(limited, options, kMaxOpenElements);
      }
      return detail::parse_with_libxml2(html, options, kMaxOpenElements);
    }
  }
  return make_error(ErrorCode::invalid_input, "unknown HTML backend");
}

// The DOM's strings and node links are 32-bit (html.h), so no option
// takes a page past 2 GiB.
constexpr size_t kMaxInputBytes = INT32_MAX;

size_t max_bytes(const ParseOptions& options) { return std::min(options.max_bytes, kMaxInputBytes); }

Result<Document> too_large(size_t size, const ParseOptions& options) {
  return make_error(ErrorCode::too_large, "HTML input of " + std::to_string(size) +
                                              " bytes exceeds the limit of " +
                                              std::to_string(max_bytes(options)));
}

// The common part of both entry points. `utf8_html` is valid UTF-8; `owned`,
// when not null, holds the same bytes and may be moved into the Document.
Result<Document> parse_valid(std::string_view utf8_html, std::string* owned,
                             const ParseOptions& options) {
  // NUL bytes: browsers drop them from text, libxml2 can take one for the
  // end of the input (dropping the rest) and MyHTML's handling of them can
  // cut the UTF-8 sequence before. Drop them here, once for all backends.
  std::string without_nul;
  if (std::memchr(utf8_html.data(), '\0', utf8_html.size())) {
    without_nul.reserve(utf8_html.size());
    for (char c : utf8_html)
      if (c != '\0') without_nul.push_back(c);
    utf8_html = without_nul;
    owned = &without_nul;
  }
  if (options.backend == Backend::native) {
    // Linear whatever the nesting: no retry, so the input may be handed over.
    return detail::parse_with_native(
        owned ? PaddedText(std::move(*owned)) : PaddedText::copy_of(utf8_html), options);
  }
  Result<Document> doc = run_backend(utf8_html, options);
  for (size_t depth : kFlattenDepths) {
    if (doc.ok() || doc.error().code != ErrorCode::too_large) return doc;
    doc = run_backend(detail::flatten_nesting(utf8_html, depth), options);
  }
  if (!doc.ok() && doc.error().code == ErrorCode::too_large)
    return make_error(ErrorCode::too_large, "HTML nested too deeply to parse (" +
                                                doc.error().message + " after flattening)");
  return doc;
}

}  // namespace

Result<Document> parse(std::string_view utf8_html, const ParseOptions& options) {
  if (utf8_html.size() > max_bytes(options)) return too_large(utf8_html.size(), options);
  std::string repaired;
  if (!utf8::is_valid(utf8_html)) {
    repaired = utf8::make_valid(utf8_html);
    utf8_html = repaired;
  }
  return parse_valid(utf8_html, repaired.empty() ? nullptr : &repaired, options);
}

Result<Document> parse_decoded(DecodedText& decoded, const ParseOptions& options) {
  if (decoded.utf8.size() > max_bytes(options)) return too_large(decoded.utf8.size(), options);
  std::string input = std::move(decoded.utf8);
  decoded.utf8.clear();
  return parse_valid(input, &input, options);
}

}  // namespace saring::html
