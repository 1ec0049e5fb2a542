#include "buffered.h"

#include <algorithm>
#include <cstring>

namespace saring::io {

namespace {
constexpr size_t kChunk = 128 * 1024;
}

Buffered::Buffered(std::unique_ptr<ByteReader> src) : src_(std::move(src)) {}

bool Buffered::fill() {
  if (pending_) return false;
  if (pos_ > 0 && (pos_ == len_ || pos_ > buf_.size() / 2)) {
    std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
    len_ -= pos_;
    base_ += pos_;
    pos_ = 0;
  }
  if (buf_.size() - len_ < kChunk) buf_.resize(len_ + kChunk);
  for (;;) {
    auto got = src_->read(buf_.data() + len_, buf_.size() - len_);
    if (!got.ok()) {
      pending_ = got.error();
      return false;
    }
    if (*got == 0) {
      eof_ = true;
      return false;
    }
    eof_ = false;  // a reader may go on after a resynchronised error
    len_ += *got;
    return true;
  }
}

std::optional<Error> Buffered::take_error() {
  std::optional<Error> e = std::move(pending_);
  pending_.reset();
  return e;
}

std::string_view Buffered::peek(size_t n) {
  while (len_ - pos_ < n && fill()) {
  }
  return std::string_view(buf_.data() + pos_, std::min(n, len_ - pos_));
}

bool Buffered::at_end() {
  if (pos_ < len_) return false;
  if (fill()) return false;
  return !pending_;
}

Result<bool> Buffered::read_line(std::string& line, size_t max_len, bool* too_long) {
  line.clear();
  if (too_long) *too_long = false;
  bool any = false;
  for (;;) {
    const char* start = buf_.data() + pos_;
    size_t avail = len_ - pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    size_t take = nl ? static_cast<size_t>(nl - start) : avail;
    if (take > 0 || nl) any = true;
    size_t room = max_len > line.size() ? max_len - line.size() : 0;
    if (take > room) {
      if (too_long) *too_long = true;
      line.append(start, room);
    } else {
      line.append(start, take);
    }
    if (nl) {
      pos_ += take + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    pos_ += take;
    if (!fill()) {
      if (auto e = take_error()) return *e;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return any;
    }
  }
}

Result<bool> Buffered::skip_to_line_starting(std::string_view magic) {
  bool line_start = true;  // of the first unread byte
  for (;;) {
    std::string_view avail(buf_.data() + pos_, len_ - pos_);
    for (size_t p = avail.find(magic); p != std::string_view::npos; p = avail.find(magic, p + 1)) {
      if ((p == 0 ? line_start : avail[p - 1] == '\n') || src_->member_starts_at(offset() + p)) {
        pos_ += p;
        return true;
      }
    }
    // Keep what could be the start of a match cut by the end of the buffer.
    size_t drop = avail.size() - std::min(avail.size(), magic.size() - 1);
    if (drop > 0) {
      line_start = avail[drop - 1] == '\n';
      pos_ += drop;
    }
    if (!fill()) {
      if (auto e = take_error()) return *e;
      return false;
    }
  }
}

void Buffered::unread(std::string_view bytes) {
  const size_t n = bytes.size();
  if (n <= pos_ && std::memcmp(buf_.data() + pos_ - n, bytes.data(), n) == 0) {
    pos_ -= n;  // still in the buffer
    return;
  }
  const uint64_t at = offset() - n;
  std::string joined;
  joined.reserve(std::max(n + len_ - pos_, buf_.size()));
  joined.append(bytes);
  joined.append(buf_.data() + pos_, len_ - pos_);
  len_ = joined.size();
  joined.resize(joined.capacity());
  buf_ = std::move(joined);
  pos_ = 0;
  base_ = at;
}

}  // namespace saring::io
