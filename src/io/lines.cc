// io::LineReader: lines of a decoded byte stream, read through the same
// read-ahead buffer (Buffered) as the record readers, so a JSONL file of any
// size is processed one line at a time and the lines before a damaged spot
// of a compressed file are not lost with it.
#include "buffered.h"
#include "saring/io.h"

namespace saring::io {

struct LineReader::Impl {
  explicit Impl(std::unique_ptr<ByteReader> bytes) : in(std::move(bytes)) {}
  Buffered in;
};

LineReader::LineReader(std::unique_ptr<ByteReader> bytes)
    : impl_(std::make_unique<Impl>(std::move(bytes))) {}

LineReader::~LineReader() = default;

Result<bool> LineReader::next(std::string& line, size_t max_len, bool* too_long) {
  auto got = impl_->in.read_line(line, max_len, too_long);
  if (!got.ok()) {
    // The bytes of the line in progress were consumed with the damage.
    ++line_no_;
    line.clear();
    return got.error();
  }
  if (*got) ++line_no_;
  return *got;
}

}  // namespace saring::io
