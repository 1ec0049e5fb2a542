// Decoded byte streams over files, standard input and memory.
//
// The compression is sniffed from the first bytes rather than trusted from
// the file name. Gzip is decoded member by member: WARC files are usually one
// gzip member per record (so that a record can be fetched by offset), and
// concatenated gzip files are valid gzip. At the end of each member we look at
// the next bytes: another gzip magic starts a new member, zero padding ends
// the stream, anything else is reported. zstd streams are decoded frame by
// frame the same way (ZSTD_decompressStream crosses frames by itself; we only
// watch the boundaries). For every member we remember (decoded offset, file
// offset), so a record can be located in the compressed file.
//
// Fast path: at the start of each gzip member, if the whole member is in the
// read-ahead window (most WARC records are well under 256 KB compressed), it
// is inflated in one call by libdeflate (gzip_member.h), 2-3x faster than
// zlib, and then served from that buffer. A member that does not fit after
// the window has grown to kFastWindowMax, one that decodes beyond
// kFastOutputMax, and any member libdeflate refuses go through zlib from the
// member's first byte, as before, so the decoded bytes, the member offsets
// and the errors are the same either way.
//
// Faults: a stream that ends inside a member is "truncated": everything
// decoded before is delivered first, then one error, then the end. A corrupt
// member yields an error, then we scan forward for the next member's magic
// bytes and go on, so one bad record does not lose the rest of a crawl file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>

#include "gzip_member.h"
#include "uninitialized.h"
#include "saring/io.h"

namespace saring::io {

using detail::resize_for_overwrite;

std::string_view to_string(Compression c) {
  switch (c) {
    case Compression::none: return "none";
    case Compression::gzip: return "gzip";
    case Compression::zstd: return "zstd";
  }
  return "unknown";
}

namespace {

constexpr size_t kInputChunk = 256 * 1024;
// Fast path windows: first try with this much compressed input buffered,
// then 4x and 16x more; beyond, the member is streamed through zlib.
constexpr size_t kFastWindow = 256 * 1024;
constexpr size_t kFastWindowMax = 16 * kFastWindow;
constexpr uint64_t kFastOutputMax = 32ull << 20;

bool is_gzip_magic(const unsigned char* p, size_t n) {
  return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08;
}
bool is_zstd_magic(const unsigned char* p, size_t n) {
  if (n < 4) return false;
  if (p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) return true;
  // skippable frames: 0x184D2A50..0x184D2A5F little endian
  return (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18;
}

// Where compressed bytes come from: a file descriptor or a string in memory.
class RawInput {
 public:
  explicit RawInput(int fd, bool owns, std::string label)
      : fd_(fd), owns_(owns), label_(std::move(label)) {
    buf_.resize(kInputChunk);
  }
  RawInput(std::string data, std::string label)
      : memory_(std::move(data)), label_(std::move(label)) {
    mem_mode_ = true;
  }
  ~RawInput() {
    if (owns_ && fd_ >= 0) ::close(fd_);
  }

  const unsigned char* data() const {
    return reinterpret_cast<const unsigned char*>(mem_mode_ ? memory_.data() : buf_.data()) + pos_;
  }
  size_t avail() const { return len_() - pos_; }
  void consume(size_t n) { pos_ += n; }
  uint64_t offset() const { return base_ + pos_; }  // file offset of data()
  // The descriptor was positioned at file offset `offset` before any read.
  void starts_at(uint64_t offset) { base_ = offset; }
  bool eof() const { return eof_; }
  const std::string& label() const { return label_; }

  // Makes at least `want` bytes available unless the input ends. Errors on
  // a failing read().
  Status ensure(size_t want) {
    while (avail() < want && !eof_) {
      auto st = refill();
      if (!st.ok()) return st;
    }
    return ok_status();
  }
  // Reads more bytes (keeps the unread ones).
  Status refill() {
    if (mem_mode_) {
      eof_ = true;
      return ok_status();
    }
    if (eof_) return ok_status();
    size_t keep = avail();
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, keep);
      base_ += pos_;
      pos_ = 0;
    }
    if (buf_.size() - keep < kInputChunk / 2) buf_.resize(keep + kInputChunk);
    for (;;) {
      ssize_t got = ::read(fd_, buf_.data() + keep, buf_.size() - keep);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0)
        return make_error(ErrorCode::io, label_ + ": read failed: " + std::strerror(errno));
      if (got == 0) eof_ = true;
      filled_ = keep + static_cast<size_t>(got);
      return ok_status();
    }
  }

 private:
  size_t len_() const { return mem_mode_ ? memory_.size() : filled_; }
  int fd_ = -1;
  bool owns_ = false;
  bool mem_mode_ = false;
  std::string memory_;
  std::string buf_;
  size_t filled_ = 0;
  size_t pos_ = 0;
  uint64_t base_ = 0;
  bool eof_ = false;
  std::string label_;
};

enum class State { in_member, draining, between_members, resync, done };

class DecodingReader final : public ByteReader {
 public:
  explicit DecodingReader(std::unique_ptr<RawInput> in) : in_(std::move(in)) {}
  ~DecodingReader() override {
    if (zinit_) inflateEnd(&z_);
    if (zs_ != nullptr) ZSTD_freeDStream(zs_);
  }

  Status init() {
    auto st = in_->ensure(4);
    if (!st.ok()) return st;
    if (is_gzip_magic(in_->data(), in_->avail())) {
      kind_ = Compression::gzip;
      std::memset(&z_, 0, sizeof z_);
      if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK)
        return make_error(ErrorCode::internal, "zlib: inflateInit2 failed");
      zinit_ = true;
    } else if (is_zstd_magic(in_->data(), in_->avail())) {
      kind_ = Compression::zstd;
      zs_ = ZSTD_createDStream();
      if (zs_ == nullptr) return make_error(ErrorCode::internal, "zstd: cannot create stream");
      ZSTD_initDStream(zs_);
    }
    if (kind_ != Compression::none) start_member();
    return ok_status();
  }

  Compression compression() const override { return kind_; }

  uint64_t member_offset(uint64_t decoded_offset) override {
    if (kind_ == Compression::none) return decoded_offset;
    // Last boundary at or before decoded_offset; forget the older ones.
    size_t i = 0;
    while (i + 1 < members_.size() && members_[i + 1].first <= decoded_offset) ++i;
    members_.erase(members_.begin(), members_.begin() + static_cast<long>(i));
    return members_.empty() ? 0 : members_.front().second;
  }

  bool member_starts_at(uint64_t decoded_offset) override {
    if (kind_ == Compression::none) return false;
    auto at = std::lower_bound(members_.begin(), members_.end(), decoded_offset,
                               [](const auto& m, uint64_t d) { return m.first < d; });
    return at != members_.end() && at->first == decoded_offset;
  }

  Result<size_t> read(char* buf, size_t n) override {
    if (pending_) {
      Error e = std::move(*pending_);
      pending_.reset();
      return e;
    }
    if (n == 0) return size_t{0};
    if (kind_ == Compression::none) return read_plain(buf, n);
    size_t produced = 0;
    while (produced == 0) {
      switch (state_) {
        case State::done:
          return size_t{0};
        case State::resync: {
          auto st = resync();
          if (!st.ok()) return fail(st.error(), produced);
          break;
        }
        case State::between_members: {
          auto st = next_member();
          if (!st.ok()) return fail(st.error(), produced);
          break;
        }
        case State::draining: {
          size_t take = std::min(n, member_len_ - member_pos_);
          std::memcpy(buf, member_buf_.data() + member_pos_, take);
          member_pos_ += take;
          produced += take;
          if (member_pos_ == member_len_) state_ = State::between_members;
          break;
        }
        case State::in_member: {
          if (member_fresh_) {
            member_fresh_ = false;
            auto st = fast_member();
            if (!st.ok()) return fail(st.error(), produced);
            if (state_ != State::in_member) break;
          }
          auto got = kind_ == Compression::gzip ? inflate_some(buf, n) : zstd_some(buf, n);
          if (!got.ok()) return fail(got.error(), produced);
          produced += *got;
          break;
        }
      }
    }
    decoded_ += produced;
    return produced;
  }

 private:
  // Returns the bytes produced so far, keeping the error for the next call.
  Result<size_t> fail(Error e, size_t produced) {
    if (produced > 0) {
      pending_ = std::move(e);
      decoded_ += produced;
      return produced;
    }
    return e;
  }

  Result<size_t> read_plain(char* buf, size_t n) {
    if (in_->avail() == 0) {
      auto st = in_->refill();
      if (!st.ok()) return st.error();
      if (in_->avail() == 0) return size_t{0};
    }
    size_t take = std::min(n, in_->avail());
    std::memcpy(buf, in_->data(), take);
    in_->consume(take);
    decoded_ += take;
    return take;
  }

  void start_member() {
    members_.emplace_back(decoded_, in_->offset());
    member_start_ = in_->offset();
    state_ = State::in_member;
    member_fresh_ = kind_ == Compression::gzip;
  }

  // Inflates the member starting here in one call when it is all in the
  // window; on success the state becomes draining (or between_members for an
  // empty member). Otherwise nothing is consumed and zlib takes the member.
  Status fast_member() {
    for (size_t window = kFastWindow; window <= kFastWindowMax; window *= 4) {
      auto st = in_->ensure(window);
      if (!st.ok()) return st;
      std::string_view in(reinterpret_cast<const char*>(in_->data()), in_->avail());
      auto r = detail::inflate_member(in, member_buf_, 0, kFastOutputMax, 0);
      if (r.status == detail::MemberStatus::ok) {
        in_->consume(r.in_used);
        member_len_ = r.out_size;
        member_pos_ = 0;
        state_ = member_len_ > 0 ? State::draining : State::between_members;
        return ok_status();
      }
      // Too large for the buffer, or refused with the whole rest of the
      // input at hand (damage zlib will describe): stream it.
      if (r.status == detail::MemberStatus::too_large || in_->eof()) break;
    }
    return ok_status();
  }

  std::string where() const {
    return in_->label() + ": " + std::string(to_string(kind_)) + " member at offset " +
           std::to_string(member_start_);
  }

  // After a member ended: another member, zero padding, the end, or garbage.
  Status next_member() {
    auto st = in_->ensure(4);
    if (!st.ok()) return st;
    if (in_->avail() == 0) {
      state_ = State::done;
      return ok_status();
    }
    const bool next_ok = kind_ == Compression::gzip ? is_gzip_magic(in_->data(), in_->avail())
                                                    : is_zstd_magic(in_->data(), in_->avail());
    if (next_ok) {
      if (kind_ == Compression::gzip) inflateReset(&z_);
      start_member();
      return ok_status();
    }
    // Zero padding to the end is tolerated (tape blocks, preallocated files).
    for (;;) {
      while (in_->avail() > 0 && in_->data()[0] == 0) in_->consume(1);
      if (in_->avail() > 0) break;
      auto r = in_->refill();
      if (!r.ok()) return r;
      if (in_->avail() == 0) {
        state_ = State::done;
        return ok_status();
      }
    }
    uint64_t at = in_->offset();
    state_ = State::resync;
    return make_error(ErrorCode::decode, in_->label() + ": unexpected bytes after " +
                                             std::string(to_string(kind_)) +
                                             " member, at offset " + std::to_string(at));
  }

  // Skips forward to the next member magic; the end if there is none.
  Status resync() {
    for (;;) {
      auto st = in_->ensure(4);
      if (!st.ok()) return st;
      size_t n = in_->avail();
      if (n < 4) {
        in_->consume(n);
        state_ = State::done;
        return ok_status();
      }
      const unsigned char* p = in_->data();
      size_t i = 0;
      for (; i + 4 <= n; ++i) {
        bool hit = kind_ == Compression::gzip ? is_gzip_magic(p + i, 4) : is_zstd_magic(p + i, 4);
        if (hit) break;
      }
      in_->consume(i);
      if (i + 4 <= n) {
        if (kind_ == Compression::gzip) {
          inflateReset(&z_);
        } else {
          ZSTD_initDStream(zs_);
        }
        start_member();
        return ok_status();
      }
    }
  }

  Result<size_t> inflate_some(char* buf, size_t n) {
    for (;;) {
      if (in_->avail() == 0) {
        auto st = in_->refill();
        if (!st.ok()) return st.error();
        if (in_->avail() == 0) {
          state_ = State::done;
          return make_error(ErrorCode::decode,
                            where() + ": truncated (file ends inside the member)");
        }
      }
      z_.next_in = const_cast<Bytef*>(in_->data());
      z_.avail_in = static_cast<uInt>(std::min<size_t>(in_->avail(), 1u << 30));
      z_.next_out = reinterpret_cast<Bytef*>(buf);
      z_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
      uInt before_in = z_.avail_in;
      int ret = inflate(&z_, Z_NO_FLUSH);
      in_->consume(before_in - z_.avail_in);
      size_t produced = static_cast<size_t>(reinterpret_cast<char*>(z_.next_out) - buf);
      if (ret == Z_STREAM_END) {
        state_ = State::between_members;
        return produced;
      }
      if (ret == Z_OK || (ret == Z_BUF_ERROR && z_.avail_in == 0)) {
        if (produced > 0) return produced;
        continue;  // needs more input
      }
      std::string msg = where() + ": corrupt data";
      if (z_.msg != nullptr) msg += std::string(" (") + z_.msg + ")";
      // Skip past this member's magic so resync finds the next one.
      state_ = State::resync;
      if (in_->offset() == member_start_ && in_->avail() > 0) in_->consume(1);
      // Bytes inflated by the call that found the damage (a bad CRC is only
      // seen after the member's last block) are delivered first, like those
      // of earlier calls, so what a reader gets does not depend on its
      // buffer size; the error follows.
      if (produced > 0) {
        pending_ = Error{ErrorCode::decode, std::move(msg)};
        return produced;
      }
      return make_error(ErrorCode::decode, msg);
    }
  }

  Result<size_t> zstd_some(char* buf, size_t n) {
    for (;;) {
      if (in_->avail() == 0 && !zstd_flushing_) {
        auto st = in_->refill();
        if (!st.ok()) return st.error();
        if (in_->avail() == 0) {
          state_ = State::done;
          return make_error(ErrorCode::decode,
                            where() + ": truncated (file ends inside the frame)");
        }
      }
      ZSTD_inBuffer zin{in_->data(), in_->avail(), 0};
      ZSTD_outBuffer zout{buf, n, 0};
      size_t ret = ZSTD_decompressStream(zs_, &zout, &zin);
      in_->consume(zin.pos);
      if (ZSTD_isError(ret)) {
        state_ = State::resync;
        zstd_flushing_ = false;
        if (in_->offset() == member_start_ && in_->avail() > 0) in_->consume(1);
        Error e{ErrorCode::decode, where() + ": corrupt data (" + ZSTD_getErrorName(ret) + ")"};
        if (zout.pos > 0) {  // as in inflate_some: the bytes first, then the error
          pending_ = std::move(e);
          return zout.pos;
        }
        return e;
      }
      // The output buffer full means more may be pending without new input.
      zstd_flushing_ = zout.pos == zout.size;
      if (ret == 0) {
        zstd_flushing_ = false;
        state_ = State::between_members;
        return zout.pos;
      }
      if (zout.pos > 0) return zout.pos;
    }
  }

  std::unique_ptr<RawInput> in_;
  Compression kind_ = Compression::none;
  State state_ = State::in_member;
  z_stream z_{};
  bool zinit_ = false;
  ZSTD_DStream* zs_ = nullptr;
  bool zstd_flushing_ = false;
  uint64_t decoded_ = 0;
  uint64_t member_start_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (decoded, file offset)
  bool member_fresh_ = false;  // at a gzip member's first byte: try fast_member()
  std::string member_buf_;     // fast path output (its size is capacity)
  size_t member_len_ = 0;      // decoded bytes of the member in member_buf_
  size_t member_pos_ = 0;      // of which already returned
  std::optional<Error> pending_;
};

}  // namespace

namespace {

// The decoded stream of a raw input (gzip and zstd found by their magic bytes).
Result<std::unique_ptr<ByteReader>> decoding(std::unique_ptr<RawInput> in) {
  auto reader = std::make_unique<DecodingReader>(std::move(in));
  auto st = reader->init();
  if (!st.ok()) return st.error();
  return std::unique_ptr<ByteReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<ByteReader>> open_bytes(const std::string& path, uint64_t begin) {
  std::unique_ptr<RawInput> in;
  if (path == "-") {
    if (begin > 0) return make_error(ErrorCode::invalid_input, "standard input cannot be read from an offset");
    in = std::make_unique<RawInput>(0, false, "-");
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return make_error(ErrorCode::io, path + ": " + std::strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    if (begin > 0 && ::lseek(fd, static_cast<off_t>(begin), SEEK_SET) < 0) {
      ::close(fd);
      return make_error(ErrorCode::io, path + ": cannot seek: " + std::strerror(errno));
    }
    in = std::make_unique<RawInput>(fd, true, path);
    in->starts_at(begin);
  }
  return decoding(std::move(in));
}

std::unique_ptr<ByteReader> bytes_from_memory(std::string data, std::string label) {
  auto reader = std::make_unique<DecodingReader>(
      std::make_unique<RawInput>(std::move(data), std::move(label)));
  (void)reader->init();  // memory input cannot fail to read
  return reader;
}

namespace {

// The streaming way: any input, memory flat apart from the output.
Result<std::string> read_all_streaming(const std::string& path, uint64_t max_bytes) {
  auto r = open_bytes(path);
  if (!r.ok()) return r.error();
  return read_all(**r, max_bytes, path);
}

// Whole-file reads stop here; a larger compressed file is streamed.
constexpr uint64_t kWholeFileMax = uint64_t{1} << 30;

struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

// Reads the open file `fd` to its end into `out`. false when it holds more
// than `limit` bytes (then `out` is partial).
Result<bool> read_fd(int fd, uint64_t size_hint, uint64_t limit, const std::string& path,
                     std::string& out) {
  resize_for_overwrite(out, static_cast<size_t>(std::min(size_hint, limit) + 1));
  size_t have = 0;
  for (;;) {
    if (have == out.size()) {
      if (out.size() > limit) {
        out.resize(have);
        return false;
      }
      resize_for_overwrite(out, static_cast<size_t>(std::min<uint64_t>(out.size() * 2, limit + 1)));
    }
    ssize_t got = ::read(fd, out.data() + have, out.size() - have);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return make_error(ErrorCode::io, path + ": read failed: " + std::strerror(errno));
    if (got == 0) break;
    have += static_cast<size_t>(got);
  }
  out.resize(have);
  return have <= limit;
}

}  // namespace

InputReplay::~InputReplay() {
  if (!stdin_copy_.empty()) ::unlink(stdin_copy_.c_str());
}

Result<std::unique_ptr<ByteReader>> InputReplay::open(const std::string& path) {
  if (path != "-") return open_bytes(path);
  if (stdin_copy_.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string name = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/saring-stdin-XXXXXX";
    int fd = ::mkstemp(name.data());
    if (fd < 0)
      return make_error(ErrorCode::io, "-: cannot make a temporary copy of standard input (" + name +
                                           "): " + std::strerror(errno));
    FdCloser closer{fd};
    stdin_copy_ = name;
    std::string chunk(kInputChunk, '\0');
    uint64_t copied = 0;
    for (;;) {
      ssize_t got = ::read(0, chunk.data(), chunk.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return make_error(ErrorCode::io, std::string("-: read failed: ") + std::strerror(errno));
      if (got == 0) break;
      copied += static_cast<uint64_t>(got);
      if (copied > max_stdin_bytes_)
        return make_error(ErrorCode::too_large,
                          "-: more than " + std::to_string(max_stdin_bytes_) + " bytes");
      for (ssize_t done = 0; done < got;) {
        ssize_t put = ::write(fd, chunk.data() + done, static_cast<size_t>(got - done));
        if (put < 0 && errno == EINTR) continue;
        if (put < 0)
          return make_error(ErrorCode::io, "-: cannot write the temporary copy of standard input (" +
                                               name + "): " + std::strerror(errno));
        done += put;
      }
    }
  }
  int fd = ::open(stdin_copy_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(ErrorCode::io, "-: " + stdin_copy_ + ": " + std::strerror(errno));
  return decoding(std::make_unique<RawInput>(fd, true, "-"));  // errors name standard input
}

Result<std::string> read_all(ByteReader& bytes, uint64_t max_bytes, const std::string& label) {
  std::string out;
  std::string chunk(kInputChunk, '\0');
  for (;;) {
    auto got = bytes.read(chunk.data(), chunk.size());
    if (!got.ok()) return got.error();
    if (*got == 0) break;
    if (out.size() + *got > max_bytes)
      return make_error(ErrorCode::too_large,
                        label + ": more than " + std::to_string(max_bytes) + " bytes");
    out.append(chunk.data(), *got);
  }
  return out;
}

Result<std::string> read_all(const std::string& path, uint64_t max_bytes) {
  if (path == "-") return read_all_streaming(path, max_bytes);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return read_all_streaming(path, max_bytes);  // says why
  FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return read_all_streaming(path, max_bytes);
  unsigned char head[4] = {0, 0, 0, 0};
  ssize_t n = ::pread(fd, head, sizeof head, 0);
  if (n < 0 || is_zstd_magic(head, static_cast<size_t>(n)))
    return read_all_streaming(path, max_bytes);
  const bool gzip = is_gzip_magic(head, static_cast<size_t>(n));
  // A gzip file is at most slightly larger than its content (stored blocks,
  // headers) unless it carries padding: past this bound, stream it.
  const uint64_t limit =
      gzip ? std::min(kWholeFileMax, max_bytes + max_bytes / 8 + (uint64_t{1} << 20)) : max_bytes;
  std::string file;
  auto got = read_fd(fd, static_cast<uint64_t>(st.st_size), limit, path, file);
  if (!got.ok()) return got.error();
  if (!*got) {
    if (gzip) return read_all_streaming(path, max_bytes);
    return make_error(ErrorCode::too_large,
                      path + ": more than " + std::to_string(max_bytes) + " bytes");
  }
  if (!gzip) return file;
  return gunzip(file, max_bytes, path);
}

}  // namespace saring::io
