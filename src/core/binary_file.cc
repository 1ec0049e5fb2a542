// Checksummed binary files (saring/binary_file.h).
#include "saring/binary_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace saring::binary {

namespace {

constexpr size_t kReadBuffer = 256 << 10;
constexpr size_t kWriteBuffer = 1 << 20;

Status read_fd(int fd, char* buf, size_t n, uint64_t offset, const std::string& path, std::string_view kind) {
  while (n > 0) {
    ssize_t got = ::pread(fd, buf, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return io_error(kind, "cannot read " + path);
    if (got == 0) return corrupt(kind, "unexpected end of " + path);
    buf += got;
    n -= static_cast<size_t>(got);
    offset += static_cast<uint64_t>(got);
  }
  return ok_status();
}

}  // namespace

Error corrupt(std::string_view kind, const std::string& what) {
  return make_error(ErrorCode::parse, std::string(kind) + ": " + what);
}

Error io_error(std::string_view kind, const std::string& what) {
  return make_error(ErrorCode::io, std::string(kind) + ": " + what + ": " + std::strerror(errno));
}

CheckedFile::CheckedFile(CheckedFile&& o) noexcept
    : kind(std::move(o.kind)), path(std::move(o.path)), fd(o.fd), size(o.size) {
  o.fd = -1;
}

CheckedFile& CheckedFile::operator=(CheckedFile&& o) noexcept {
  if (this != &o) {
    if (fd >= 0) ::close(fd);
    kind = std::move(o.kind);
    path = std::move(o.path);
    fd = o.fd;
    size = o.size;
    o.fd = -1;
  }
  return *this;
}

CheckedFile::~CheckedFile() {
  if (fd >= 0) ::close(fd);
}

Error CheckedFile::with_path(const Error& e) const { return make_error(e.code, e.message + " (" + path + ")"); }

Status CheckedFile::read_at(char* buf, size_t n, uint64_t offset) const {
  return read_fd(fd, buf, n, offset, path, kind);
}

namespace {

// Opens `path` for reading into `f` and takes its size.
Status open_sized(CheckedFile& f, const std::string& path, std::string_view kind) {
  f = CheckedFile{};
  f.kind = std::string(kind);
  f.path = path;
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (f.fd < 0) return io_error(kind, "cannot open " + path);
  struct stat st{};
  if (::fstat(f.fd, &st) != 0) return io_error(kind, "cannot stat " + path);
  f.size = static_cast<uint64_t>(st.st_size);
  return ok_status();
}

}  // namespace

Status open_checked(CheckedFile& f, const std::string& path, std::string_view kind, size_t header_bytes,
                    const std::function<Status(const unsigned char* header, uint64_t size)>& check_header) {
  if (auto s = open_sized(f, path, kind); !s.ok()) return s;
  if (f.size < header_bytes + kTrailerBytes) return f.with_path(corrupt(kind, "file too short for a header"));
  std::string head(header_bytes, '\0');
  if (auto s = f.read_at(head.data(), header_bytes, 0); !s.ok()) return s;
  if (auto s = check_header(reinterpret_cast<const unsigned char*>(head.data()), f.size); !s.ok())
    return f.with_path(s.error());
  // The checksum, in one sequential pass, before anything is trusted.
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  std::string buf(1 << 20, '\0');
  const uint64_t body = f.size - kTrailerBytes;
  Status read = ok_status();
  for (uint64_t at = 0; at < body && read.ok();) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(buf.size(), body - at));
    read = f.read_at(buf.data(), n, at);
    XXH64_update(state, buf.data(), n);
    at += n;
  }
  const uint64_t sum = XXH64_digest(state);
  XXH64_freeState(state);
  if (!read.ok()) return read;
  unsigned char trailer[kTrailerBytes];
  if (auto s = f.read_at(reinterpret_cast<char*>(trailer), kTrailerBytes, body); !s.ok()) return s;
  if (get_u64(trailer) != sum) return f.with_path(corrupt(kind, "checksum mismatch"));
  return ok_status();
}

Result<std::string> trailer_hex(const std::string& path, std::string_view kind, size_t min_bytes) {
  CheckedFile f;
  if (auto s = open_sized(f, path, kind); !s.ok()) return s.error();
  if (f.size < std::max(min_bytes, kTrailerBytes))
    return f.with_path(corrupt(kind, "file too short for a header"));
  char b[kTrailerBytes];
  if (auto s = f.read_at(b, kTrailerBytes, f.size - kTrailerBytes); !s.ok()) return s.error();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(get_u64(reinterpret_cast<unsigned char*>(b))));
  return std::string(hex);
}

Result<const unsigned char*> SectionReader::take(size_t n) {
  if (buf_.size() - pos_ < n) {
    buf_.erase(0, pos_);
    pos_ = 0;
    size_t want = std::max(n - buf_.size(), kReadBuffer);
    want = static_cast<size_t>(std::min<uint64_t>(want, end_ - next_));
    if (buf_.size() + want < n) return file_->with_path(corrupt(file_->kind, "section ends inside an entry"));
    size_t old = buf_.size();
    buf_.resize(old + want);
    auto st = file_->read_at(buf_.data() + old, want, next_);
    if (!st.ok()) return st.error();
    next_ += want;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(buf_.data() + pos_);
  pos_ += n;
  return p;
}

ChecksummedWriter::~ChecksummedWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
  if (state_) XXH64_freeState(state_);
}

Status ChecksummedWriter::open(const std::string& path) {
  path_ = path;
  std::filesystem::path p(path);
  std::string dir = p.parent_path().string();
  tmp_ = (dir.empty() ? std::string(".") : dir) + "/." + p.filename().string() + ".tmp";
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return io_error(kind_, "cannot create " + tmp_);
  state_ = XXH64_createState();
  XXH64_reset(state_, 0);
  return ok_status();
}

Status ChecksummedWriter::append(const void* data, size_t n) {
  XXH64_update(state_, data, n);
  buf_.append(static_cast<const char*>(data), n);
  written_ += n;
  return buf_.size() >= kWriteBuffer ? flush() : ok_status();
}

Status ChecksummedWriter::finish() {
  std::string trailer;
  put_u64(trailer, XXH64_digest(state_));
  buf_ += trailer;
  written_ += trailer.size();
  if (auto st = flush(); !st.ok()) return st;
  if (::fsync(fd_) != 0) return io_error(kind_, "cannot sync " + tmp_);
  ::close(fd_);
  fd_ = -1;
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    ::unlink(tmp_.c_str());
    return io_error(kind_, "cannot rename " + tmp_ + " to " + path_);
  }
  return ok_status();
}

Status ChecksummedWriter::flush() {
  const char* p = buf_.data();
  size_t n = buf_.size();
  while (n > 0) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return io_error(kind_, "cannot write " + tmp_);
    p += w;
    n -= static_cast<size_t>(w);
  }
  buf_.clear();
  return ok_status();
}

}  // namespace saring::binary
