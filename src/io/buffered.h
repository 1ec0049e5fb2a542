// Internal: a read-ahead buffer over a ByteReader with the line and block
// operations the record readers need. Not part of the public API.
#pragma once

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

  // Appends up to `n` bytes to `out`; fewer only at the end of the stream.
  Result<uint64_t> read(std::string& out, uint64_t n);

  // Skips up to `n` bytes; fewer only at the end of the stream.
  Result<uint64_t> skip(uint64_t n);

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

}  // namespace saring::io
