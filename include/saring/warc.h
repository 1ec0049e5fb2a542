// WARC and HTTP message parsing (ISO 28500, WARC/1.0 and WARC/1.1). Written
// by us: Debian has no WARC library. The record reader built on these lives
// behind io::open_reader(); the pieces are public for tests and fuzzing.
//
// A WARC file is a sequence of records: a version line ("WARC/1.1"), named
// header fields, an empty line, exactly Content-Length bytes of block, and two
// CRLFs. The reader yields `response` records (the HTTP message in the block
// parsed: status, headers, chunked transfer coding and gzip/deflate content
// coding undone), `resource` records of HTML, and `conversion` records (WET
// text). `request`, `metadata`, `revisit`, `warcinfo` and `continuation`
// records are skipped and counted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "saring/result.h"

namespace saring::warc {

// Header fields in file order; names kept as written.
struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;

  // Value of the first field named `name` (ASCII case-insensitive), or "".
  std::string_view get(std::string_view name) const;
  bool has(std::string_view name) const;
};

// Parses header lines "Name: value" (one per element, line ends removed).
// Lines starting with a space or tab continue the previous field. Errors on a
// line without a colon or with an empty name.
Result<Headers> parse_header_lines(const std::vector<std::string>& lines);

// Splits "text/html; charset=UTF-8" into the lowercase media type and the
// lowercase charset ("" when absent; quotes removed).
void parse_content_type(std::string_view value, std::string& media_type, std::string& charset);

// An HTTP response taken apart.
struct HttpResponse {
  int status = 0;          // 0 when the status line is unreadable
  Headers headers;
  std::string body;        // transfer and content codings removed
};

struct HttpOptions {
  uint64_t max_header_bytes = 256ull << 10;
  uint64_t max_body_bytes = 64ull << 20;  // after decompression
};

// Parses an HTTP/1.x response message (a WARC response block). Chunked
// bodies are de-chunked (a body that is not valid chunked data is kept as it
// is: many archives store it already de-chunked but keep the header); gzip,
// x-gzip and deflate content codings are decoded; other codings are an error.
Result<HttpResponse> parse_http_response(std::string_view message, const HttpOptions& options = {});

// Decodes a chunked transfer-coded body. Errors on malformed chunk sizes or a
// body that ends inside a chunk.
Result<std::string> decode_chunked(std::string_view body);

// Inflates gzip (one or more members), zlib or raw deflate data, refusing
// output beyond `max_bytes`.
Result<std::string> inflate_any(std::string_view data, uint64_t max_bytes);

}  // namespace saring::warc
