// Cutting the inputs of a run into shards of about equal bytes.
//
// The inputs are laid end to end; shard I of N takes the bytes
// [total * I / N, total * (I + 1) / N). A file goes to the shard holding its
// first byte. A gzip WARC is read as members instead: a record belongs to
// the shard holding the first byte of its member, so shard I reads from the
// first member starting in its range (found by scanning for the gzip magic
// and confirming that the member inflates to a WARC version line) to the
// first member starting at or after its range's end. Every shard finds the
// same boundaries alone, and a WARC of one gzip member per record spreads
// over as many shards as its bytes cover; a file compressed as one member
// has no boundary inside and stays with the shard of its first byte.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "saring/io.h"

namespace saring::io {

namespace {

namespace fs = std::filesystem;

constexpr size_t kScanChunk = 1 << 20;
constexpr size_t kProbeBytes = 64 << 10;  // compressed bytes tried to confirm a member

// True when a gzip member starting at file offset `at` inflates to "WARC/".
bool warc_member_at(int fd, uint64_t at) {
  unsigned char in[kProbeBytes];
  ssize_t n = ::pread(fd, in, sizeof in, static_cast<off_t>(at));
  if (n < 18) return false;
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  unsigned char out[5];
  z.next_in = in;
  z.avail_in = static_cast<uInt>(n);
  z.next_out = out;
  z.avail_out = sizeof out;
  int r = Z_OK;
  while (z.avail_out > 0 && r == Z_OK) r = inflate(&z, Z_NO_FLUSH);
  const bool ok = z.avail_out == 0 && std::memcmp(out, "WARC/", 5) == 0;
  inflateEnd(&z);
  return ok;
}

// The first WARC member starting in [from, to) of the file, or `to`.
Result<uint64_t> first_member_in(int fd, uint64_t from, uint64_t to, const std::string& path) {
  std::string buf(kScanChunk + 2, '\0');
  for (uint64_t at = from; at < to;) {
    ssize_t n = ::pread(fd, buf.data(), buf.size(), static_cast<off_t>(at));
    if (n < 0) return make_error(ErrorCode::io, path + ": " + std::strerror(errno));
    if (n < 3) break;
    const auto* p = reinterpret_cast<const unsigned char*>(buf.data());
    const size_t scan = std::min<uint64_t>(static_cast<size_t>(n) - 2, to - at);
    for (size_t i = 0; i < scan; ++i) {
      const void* hit = std::memchr(p + i, 0x1f, scan - i);
      if (hit == nullptr) break;
      i = static_cast<size_t>(static_cast<const unsigned char*>(hit) - p);
      if (p[i + 1] == 0x8b && p[i + 2] == 0x08 && warc_member_at(fd, at + i)) return at + i;
    }
    at += scan;
  }
  return to;
}

bool gzip_warc(const Input& in) {
  Format f = in.format == Format::automatic ? format_from_path(in.path) : in.format;
  if (f != Format::warc || in.path == "-") return false;
  int fd = ::open(in.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  unsigned char magic[2] = {0, 0};
  const bool gz = ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  ::close(fd);
  return gz;
}

}  // namespace

Result<std::vector<Input>> shard_inputs(const std::vector<Input>& all, uint32_t index, uint32_t count) {
  if (count == 0 || index >= count) return make_error(ErrorCode::invalid_input, "--shard I/N needs 0 <= I < N");
  std::vector<uint64_t> sizes;
  unsigned __int128 total = 0;
  for (const auto& in : all) {
    std::error_code ec;
    uint64_t size = in.path == "-" ? 0 : static_cast<uint64_t>(fs::file_size(in.path, ec));
    sizes.push_back(ec ? 0 : size);
    total += sizes.back();
  }
  std::vector<Input> mine;
  if (total == 0) {  // nothing to weigh: by count
    const size_t begin = all.size() * index / count, end = all.size() * (index + 1) / count;
    mine.assign(all.begin() + static_cast<long>(begin), all.begin() + static_cast<long>(end));
    return mine;
  }
  const uint64_t lo = static_cast<uint64_t>(total * index / count);
  const uint64_t hi = static_cast<uint64_t>(total * (index + 1) / count);
  uint64_t start = 0;  // of the file in the inputs laid end to end
  for (size_t i = 0; i < all.size(); start += sizes[i], ++i) {
    const uint64_t size = sizes[i];
    const bool owns_first_byte = start >= lo && (start < hi || (index + 1 == count && start == hi));
    if (size == 0 || start + size <= lo || start >= hi || !gzip_warc(all[i])) {
      if (owns_first_byte) mine.push_back(all[i]);
      continue;
    }
    // A gzip WARC overlapping this shard: the members starting in [a, b).
    const uint64_t a = lo > start ? lo - start : 0;
    const uint64_t b = std::min(hi - start, size);
    Input part = all[i];
    if (a > 0) {
      int fd = ::open(part.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) return make_error(ErrorCode::io, part.path + ": " + std::strerror(errno));
      auto first = first_member_in(fd, a, b, part.path);
      ::close(fd);
      if (!first.ok()) return first.error();
      if (*first >= b) continue;  // no member starts here
      part.begin = *first;
    }
    part.end = b >= size ? UINT64_MAX : b;
    mine.push_back(part);
  }
  return mine;
}

}  // namespace saring::io
