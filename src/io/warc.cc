// The WARC record reader.
//
// Records are found by their version line ("WARC/1.0", "WARC/1.1"), read by
// their Content-Length, and never by searching the block for the next
// record: a page may well contain the text "WARC/1.0". Only when a record is
// broken (header line without a colon, missing or bad Content-Length, a
// decode fault in the compressed stream) do we fall back to scanning lines for
// the next version line. That resynchronisation is what lets a run over a
// damaged crawl file report the bad record and keep every good one.
//
// Each yielded item remembers its decoded offset and the file offset of the
// gzip member that holds it (SourceRef), which is what CDX indexes and error
// messages use. Records of no interest to a text corpus (request, metadata,
// revisit, warcinfo, continuation, non-HTML responses, non-2xx statuses)
// are skipped without an item and counted in ReaderStats::skipped.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "readers.h"
#include "saring/warc.h"

namespace saring::io {

namespace {

constexpr size_t kMaxVersionLine = 4096;
constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kSniffBytes = 1024;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string strip_angles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

bool is_html_type(std::string_view t) {
  return t == "text/html" || t == "application/xhtml+xml" || t == "application/xml+xhtml";
}

// True when the first bytes look like an HTML document.
bool sniff_html(std::string_view body) {
  std::string head;
  for (char c : body.substr(0, kSniffBytes))
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos || head.find("<head") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

class WarcReader final : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  Result<bool> next(Record& out) override {
    for (;;) {
      if (done_) return false;
      std::string line;
      bool too_long = false;
      uint64_t start = in_->offset();
      auto got = in_->read_line(line, kMaxVersionLine, &too_long);
      if (!got.ok()) {
        begin_item(start, 0);
        resyncing_ = true;
        return yield_error(got.error().code, got.error().message);
      }
      if (!*got) {
        done_ = true;
        return false;
      }
      if (!starts_with(line, "WARC/1.")) {
        if ((line.empty() && !too_long) || resyncing_) continue;
        begin_item(start, 0);
        resyncing_ = true;
        return yield_error(ErrorCode::parse, "expected a WARC version line, found '" +
                                                 printable(line.substr(0, 40)) +
                                                 "'; skipping to the next record");
      }
      resyncing_ = false;
      begin_item(start, 0);
      auto r = read_record(out);
      if (!r.ok()) return r;
      if (*r) return true;
      // skipped record: look for the next one
    }
  }

 private:
  static std::string printable(std::string_view s) {
    std::string out;
    for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out;
  }

  // Reads one record after its version line. true: `out` is a record; false:
  // skipped; error: a bad record (already counted as an item).
  Result<bool> read_record(Record& out) {
    std::vector<std::string> lines;
    uint64_t header_bytes = 0;
    std::string line;
    for (;;) {
      bool too_long = false;
      auto got = in_->read_line(line, kMaxHeaderLine, &too_long);
      if (!got.ok()) {
        resyncing_ = true;
        return yield_error(got.error().code, got.error().message);
      }
      if (!*got) {
        done_ = true;
        return yield_error(ErrorCode::parse, "truncated: the file ends inside the WARC header");
      }
      if (line.empty()) break;
      header_bytes += line.size() + 2;
      if (too_long || header_bytes > options_.max_header_bytes) {
        resyncing_ = true;
        return yield_error(ErrorCode::too_large, "WARC header exceeds " +
                                                     std::to_string(options_.max_header_bytes) +
                                                     " bytes; skipping to the next record");
      }
      lines.push_back(line);
    }
    auto headers = warc::parse_header_lines(lines);
    if (!headers.ok()) {
      resyncing_ = true;
      return yield_error(ErrorCode::parse, "broken WARC header (" + headers.error().message +
                                               "); skipping to the next record");
    }
    std::string_view len_text = headers->get("Content-Length");
    uint64_t length = 0;
    auto [p, ec] = std::from_chars(len_text.data(), len_text.data() + len_text.size(), length);
    if (len_text.empty() || ec != std::errc() || p != len_text.data() + len_text.size()) {
      resyncing_ = true;
      return yield_error(ErrorCode::parse,
                         len_text.empty() ? "WARC header has no Content-Length"
                                          : "bad Content-Length '" + printable(len_text.substr(0, 30)) + "'");
    }
    std::string type(headers->get("WARC-Type"));
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool wanted = type == "response" || type == "resource" || type == "conversion";
    if (!wanted || length > options_.max_record_bytes) {
      auto skipped = in_->skip(length);
      if (!skipped.ok()) {
        resyncing_ = true;
        return yield_error(skipped.error().code, skipped.error().message);
      }
      if (*skipped < length) {
        done_ = true;
        return yield_error(ErrorCode::parse, "truncated record: block has " +
                                                 std::to_string(*skipped) + " of " +
                                                 std::to_string(length) + " bytes");
      }
      if (!wanted) {
        stats_.count_skip("warc-type:" + (type.empty() ? std::string("none") : type));
        return false;
      }
      return yield_error(ErrorCode::too_large, "record of " + std::to_string(length) +
                                                   " bytes exceeds the limit of " +
                                                   std::to_string(options_.max_record_bytes));
    }
    block_.clear();
    auto read = in_->read(block_, length);
    if (!read.ok()) {
      resyncing_ = true;
      return yield_error(read.error().code, read.error().message);
    }
    if (*read < length) {
      done_ = true;
      return yield_error(ErrorCode::parse, "truncated record: block has " + std::to_string(*read) +
                                               " of " + std::to_string(length) + " bytes");
    }
    clear_record(out);
    out.id = strip_angles(headers->get("WARC-Record-ID"));
    out.url = strip_angles(headers->get("WARC-Target-URI"));
    out.warc_date = std::string(headers->get("WARC-Date"));
    std::string warc_type, warc_charset;
    warc::parse_content_type(headers->get("Content-Type"), warc_type, warc_charset);

    if (type == "conversion") {
      out.kind = RecordKind::text;
      out.content_type = warc_type.empty() ? "text/plain" : warc_type;
      out.http_charset = warc_charset;
      out.raw = std::move(block_);
      return yield_record(out);
    }
    if (type == "resource") {
      if (!(is_html_type(warc_type) || (warc_type.empty() && sniff_html(block_)))) {
        stats_.count_skip("content-type:" + (warc_type.empty() ? std::string("none") : warc_type));
        return false;
      }
      out.kind = RecordKind::html;
      out.content_type = warc_type.empty() ? "text/html" : warc_type;
      out.http_charset = warc_charset;
      out.raw = std::move(block_);
      return yield_record(out);
    }
    // response
    if (!warc_type.empty() && warc_type != "application/http") {
      // A response block that is not an HTTP message (e.g. DNS or FTP).
      stats_.count_skip("warc-content-type:" + warc_type);
      return false;
    }
    warc::HttpOptions http_options;
    http_options.max_header_bytes = options_.max_header_bytes;
    http_options.max_body_bytes = options_.max_record_bytes;
    auto http = warc::parse_http_response(block_, http_options);
    if (!http.ok()) return yield_error(http.error().code, "HTTP message: " + http.error().message);
    if (!options_.keep_non_2xx && (http->status < 200 || http->status > 299)) {
      stats_.count_skip("http-status:" + std::to_string(http->status));
      return false;
    }
    std::string media, charset;
    warc::parse_content_type(http->headers.get("Content-Type"), media, charset);
    if (is_html_type(media) || (media.empty() && sniff_html(http->body))) {
      out.kind = RecordKind::html;
    } else if (media == "text/plain" && options_.keep_text_responses) {
      out.kind = RecordKind::text;
    } else {
      stats_.count_skip("content-type:" + (media.empty() ? std::string("none") : media));
      return false;
    }
    out.http_status = http->status;
    out.content_type = media.empty() ? "text/html" : media;
    out.http_charset = charset;
    out.raw = std::move(http->body);
    return yield_record(out);
  }

  bool done_ = false;
  bool resyncing_ = false;
  std::string block_;
};

}  // namespace

std::unique_ptr<RecordReader> make_warc_reader(std::unique_ptr<Buffered> in, std::string label,
                                               const ReaderOptions& options) {
  return std::make_unique<WarcReader>(std::move(in), std::move(label), options);
}

}  // namespace saring::io
