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
// A Content-Length can also be a plausible number and still be wrong: too
// long, it swallows the records after it (or runs past the end of the
// input); too short, the block's tail follows it. A block is therefore
// checked to be followed by a line end, the next version line or the end of
// the input. When it is not, or the input ends inside it, the record is
// reported and reading goes back to the first line in the block that starts
// with "WARC/1." (in a gzip file, where the next member begins): the block's
// bytes from there on were kept while it was read or skipped (ResyncTail, at
// most max_record_bytes of them), so no good record after a bad one is lost.
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
constexpr std::string_view kVersion = "WARC/1.";  // what a record's first line starts with

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

// Watches bytes streamed through it for the first line that starts with
// "WARC/1." and keeps the bytes from there on, at most `cap` of them (past
// that, from the next such line; the older records are given up).
class ResyncTail {
 public:
  explicit ResyncTail(uint64_t cap) : cap_(std::max<uint64_t>(cap, 64)) {}

  void feed(std::string_view piece) {
    if (!found_) {
      search(piece);
    } else {
      kept_.append(piece);
    }
    while (found_ && kept_.size() > cap_) {
      size_t next = find_version_line(kept_, 1, false);
      if (next == std::string::npos) {
        carry_.assign(std::string_view(kept_).substr(kept_.size() - kTail));
        at_line_start_ = kept_[kept_.size() - kTail - 1] == '\n';
        kept_.clear();
        found_ = false;
      } else {
        kept_.erase(0, next);
      }
    }
  }

  // The bytes from the first version line on ("" when none was seen).
  std::string_view kept() const { return kept_; }

 private:
  static constexpr size_t kTail = kVersion.size() - 1;  // a version line split across pieces

  // Offset of the first "WARC/1." at or after `from` that starts a line
  // (offset 0 does when `first_at_line_start`).
  static size_t find_version_line(std::string_view s, size_t from, bool first_at_line_start) {
    for (size_t p = s.find(kVersion, from); p != std::string::npos; p = s.find(kVersion, p + 1))
      if (p == 0 ? first_at_line_start : s[p - 1] == '\n') return p;
    return std::string::npos;
  }

  void search(std::string_view piece) {
    // A version line that began in the previous pieces.
    std::string joined = carry_;
    joined.append(piece.substr(0, kTail));
    size_t p = find_version_line(joined, 0, at_line_start_);
    if (p != std::string::npos && p < carry_.size()) {
      kept_.assign(std::string_view(carry_).substr(p));
      kept_.append(piece);
      found_ = true;
      return;
    }
    p = find_version_line(piece, 0, carry_.empty() ? at_line_start_ : carry_.back() == '\n');
    if (p != std::string::npos) {
      kept_.assign(piece.substr(p));
      found_ = true;
      return;
    }
    if (piece.size() > kTail) {
      at_line_start_ = piece[piece.size() - kTail - 1] == '\n';
      carry_.assign(piece.substr(piece.size() - kTail));
      return;
    }
    joined = carry_;
    joined.append(piece);
    size_t keep = std::min(kTail, joined.size());
    if (joined.size() > keep) at_line_start_ = joined[joined.size() - keep - 1] == '\n';
    carry_ = joined.substr(joined.size() - keep);
  }

  uint64_t cap_;
  bool found_ = false;
  std::string kept_;
  std::string carry_;          // last bytes seen while nothing was found
  bool at_line_start_ = true;  // carry_ (or the next byte) starts a line
};

class WarcReader final : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  Result<bool> next(Record& out) override {
    for (;;) {
      if (done_) return false;
      if (resyncing_) {
        uint64_t at = in_->offset();
        auto found = in_->skip_to_line_starting(kVersion);
        if (!found.ok()) {
          begin_item(at, 0);
          return yield_error(found.error().code, found.error().message);
        }
        if (!*found) {
          done_ = true;
          return false;
        }
        resyncing_ = false;
      }
      uint64_t start = in_->offset();
      std::string_view head = in_->peek(kVersion.size());
      // A part of a split file ends where the next part's members begin.
      if (!head.empty() && in_->source().member_offset(start) >= options_.end_member_offset) {
        done_ = true;
        return false;
      }
      const bool blank_line = starts_with(head, "\n") || starts_with(head, "\r\n") || head == "\r";
      if (!head.empty() && head != kVersion && !blank_line) {
        // Not consumed: the next record may start inside it (a member boundary).
        std::string_view found = in_->peek(40);
        found = found.substr(0, found.find_first_of("\r\n"));
        begin_item(start, 0);
        resyncing_ = true;
        return yield_error(ErrorCode::parse, "expected a WARC version line, found '" +
                                                 printable(found) + "'; skipping to the next record");
      }
      std::string line;
      bool too_long = false;
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
      if (!starts_with(line, kVersion)) {
        if (line.empty() && !too_long) continue;
        begin_item(start, 0);
        resyncing_ = true;
        return yield_error(ErrorCode::parse, "expected a WARC version line, found '" +
                                                 printable(line.substr(0, 40)) +
                                                 "'; skipping to the next record");
      }
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

  // True when what follows a block is where a record should end: the
  // "\r\n\r\n" trailer (or "\n\n"), or the end of the input (a trailer cut
  // short included).
  bool at_record_end() {
    std::string_view next = in_->peek(4);
    if (next == "\r\n\r\n" || starts_with(next, "\n\n")) return true;
    return next.size() < 4 && next.find_first_not_of("\r\n") == std::string_view::npos;
  }

  // Reports a record whose block does not match its Content-Length (`got`
  // bytes of `length` were there) and goes back to `resume_at`, the bytes
  // from the block's first version line on, if any.
  Result<bool> misframed(uint64_t length, uint64_t got, std::string_view resume_at) {
    std::string what = got < length ? "truncated record: block has " + std::to_string(got) +
                                          " of " + std::to_string(length) + " bytes"
                                    : "Content-Length " + std::to_string(length) +
                                          " does not end the block (no record end after it)";
    if (resume_at.empty()) {
      if (got < length) done_ = true;
      else resyncing_ = true;
      return yield_error(ErrorCode::parse, what);
    }
    in_->unread(resume_at);
    resyncing_ = true;
    return yield_error(ErrorCode::parse, what + "; going on at the next record it holds");
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
      ResyncTail tail(options_.max_record_bytes);
      auto skipped = in_->consume(length, [&](std::string_view piece) { tail.feed(piece); });
      if (!skipped.ok()) {
        resyncing_ = true;
        return yield_error(skipped.error().code, skipped.error().message);
      }
      if (*skipped < length || !at_record_end())
        return misframed(length, *skipped, tail.kept());
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
    if (*read < length || !at_record_end()) {
      ResyncTail tail(options_.max_record_bytes);
      tail.feed(block_);
      return misframed(length, *read, tail.kept());
    }
    clear_record(out);
    out.id = strip_angles(headers->get("WARC-Record-ID"));
    out.url = strip_angles(headers->get("WARC-Target-URI"));
    out.warc_date = std::string(headers->get("WARC-Date"));
    if (options_.keep_headers) out.warc_headers = std::move(headers->fields);
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
    if (options_.keep_headers) out.http_headers = std::move(http->headers.fields);
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
