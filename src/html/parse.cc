// parse(): the one entry point above the backends. It enforces the size
// limit, makes sure the backend sees valid UTF-8 (so every string in the
// DOM is valid UTF-8 whatever the caller passed) and dispatches.
#include "backends.h"
#include "saring/utf8.h"

namespace saring::html {

Result<Document> parse(std::string_view utf8_html, const ParseOptions& options) {
  if (utf8_html.size() > options.max_bytes) {
    return make_error(ErrorCode::too_large,
                      "HTML input of " + std::to_string(utf8_html.size()) +
                          " bytes exceeds the limit of " + std::to_string(options.max_bytes));
  }
  std::string repaired;
  if (!utf8::is_valid(utf8_html)) {
    repaired = utf8::make_valid(utf8_html);
    utf8_html = repaired;
  }
  switch (options.backend) {
    case Backend::myhtml: return detail::parse_with_myhtml(utf8_html, options);
    case Backend::libxml2: return detail::parse_with_libxml2(utf8_html, options);
  }
  return make_error(ErrorCode::invalid_input, "unknown HTML backend");
}

}  // namespace saring::html
