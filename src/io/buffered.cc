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

Result<uint64_t> Buffered::read(std::string& out, uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == len_ && !fill()) {
      if (auto e = take_error()) return *e;
      break;
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, len_ - pos_));
    out.append(buf_.data() + pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

Result<uint64_t> Buffered::skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == len_ && !fill()) {
      if (auto e = take_error()) return *e;
      break;
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, len_ - pos_));
    pos_ += take;
    done += take;
  }
  return done;
}

}  // namespace saring::io
