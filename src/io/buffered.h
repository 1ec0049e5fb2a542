// Internal: a read-ahead buffer over a ByteReader with the line and block
// operations the record readers need. Not part of the public API.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "saring/io.h"

namespace saring::io {

class Buffered {
 public:
  explicit Buffered(std::unique_ptr<ByteReader> src);

  ByteReader& source() { return *src_; }
  // Decoded offset of the next unread byte.
  uint64_t offset() const { return base_ + pos_; }

  // Up to `n` bytes ahead, without consuming them (fewer at the end).
  std::string_view peek(size_t n);

  // Reads one line ending in '\n'; the '\n' and a '\r' before it are removed.
  // A line longer than `max_len` is cut to its first `max_len` bytes, the rest
  // is discarded and *too_long is set. Returns false at the end of the stream
  // when nothing was read. A stream error is returned once, after the bytes
  // decoded before it.
  Result<bool> read_line(std::string& line, size_t max_len, bool* too_long);

  // Consumes up to `n` bytes, handing them to `sink(std::string_view)` piece
  // by piece (each piece valid during the call); fewer only at the end of
  // the stream.
  template <class Sink>
  Result<uint64_t> consume(uint64_t n, Sink&& sink);

  // Appends up to `n` bytes to `out`; fewer only at the end of the stream.
  Result<uint64_t> read(std::string& out, uint64_t n) {
    return consume(n, [&](std::string_view piece) { out.append(piece); });
  }

  // Skips up to `n` bytes; fewer only at the end of the stream.
  Result<uint64_t> skip(uint64_t n) {
    return consume(n, [](std::string_view) {});
  }

  // Puts back `bytes`, the last ones consumed (or a tail of them), so that
  // they are read again: a reader that finds a record was framed wrong goes
  // back to where the next one starts. offset() moves back by their size.
  void unread(std::string_view bytes);

  // Skips to the next place where `magic` begins a line or a compressed
  // member (the current position counts as a line start). false: the stream
  // ended first. A stream error is returned once; the next call goes on.
  Result<bool> skip_to_line_starting(std::string_view magic);

  // True when no byte is left (reads ahead to know).
  bool at_end();

 private:
  // Reads more into the buffer; false when nothing came (end, or an error now
  // pending).
  bool fill();
  std::optional<Error> take_error();

  std::unique_ptr<ByteReader> src_;
  std::string buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
  uint64_t base_ = 0;
  bool eof_ = false;
  std::optional<Error> pending_;
};

template <class Sink>
Result<uint64_t> Buffered::consume(uint64_t n, Sink&& sink) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == len_ && !fill()) {
      if (auto e = take_error()) return *e;
      break;
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, len_ - pos_));
    sink(std::string_view(buf_.data() + pos_, take));
    pos_ += take;
    done += take;
  }
  return done;
}

}  // namespace saring::io
