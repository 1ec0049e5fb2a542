// Whole-buffer gzip decoding: libdeflate first, zlib as the fallback.
//
// libdeflate inflates a member in one call, into an output buffer that must
// be large enough, about 2-3x faster than zlib's streaming inflate. It cannot
// stream, so it serves the places where a whole member is in memory: a .gz
// file read whole (io::read_all) and the gzip members of a WARC file that fit
// in the read-ahead window (byte_reader.cc). The output size is not known in
// advance: we start from a hint (the gzip ISIZE trailer, which only tells the
// last member's size modulo 2^32 and may lie), and when libdeflate reports
// LIBDEFLATE_INSUFFICIENT_SPACE we double the buffer and decode the member
// again, never beyond the caller's limit, so a gzip bomb is a too_large error
// and not an allocation of its claimed size. Members are decoded one after
// another: libdeflate_gzip_decompress_ex says how many compressed bytes the
// member used, and the next member starts there.
//
// Anything libdeflate refuses (corrupt or truncated data, a CRC or length
// mismatch, a header with a header CRC, which libdeflate does not check but
// zlib does) is decoded again by zlib from the start of that member. zlib
// then either succeeds (so output never depends on which library accepted a
// member) or says precisely what is wrong, in the same words the streaming
// reader uses: "truncated (file ends inside the member)" or "corrupt data
// (incorrect data check)".
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "gzip_member.h"
#include "uninitialized.h"
#include "saring/io.h"

namespace saring::io {

using detail::resize_for_overwrite;

namespace {

// DEFLATE cannot expand more than about 1032:1 (a 258-byte match per bit
// pair), so a hint beyond that is a lie; a little slack covers headers.
constexpr uint64_t kMaxDeflateRatio = 1032;
constexpr uint64_t kRatioSlack = 4096;
// Output buffers start at least this large and grow by doubling.
constexpr size_t kMinOutput = 64 * 1024;
// Without a hint, HTML and text usually inflate 3-8x: start at 4x.
constexpr uint64_t kGuessRatio = 4;
// gzip: 10-byte header + 8-byte trailer around at least an empty block.
constexpr size_t kMinMember = 18;
constexpr unsigned char kFlagHeaderCrc = 0x02;

struct DecompressorFree {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One decompressor per thread (allocating one costs about as much as a small
// page's inflate).
libdeflate_decompressor* decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorFree> d(
      libdeflate_alloc_decompressor());
  return d.get();
}

bool is_member_start(std::string_view in, size_t at) {
  return in.size() - at >= 3 && static_cast<unsigned char>(in[at]) == 0x1f &&
         static_cast<unsigned char>(in[at + 1]) == 0x8b &&
         static_cast<unsigned char>(in[at + 2]) == 0x08;
}

std::string member_where(std::string_view label, size_t at) {
  return std::string(label) + ": gzip member at offset " + std::to_string(at);
}

Error too_large(std::string_view label, uint64_t max_bytes) {
  return Error{ErrorCode::too_large,
               std::string(label) + ": more than " + std::to_string(max_bytes) + " bytes"};
}

// The slow path: decodes the member at in[at] with zlib, appending at
// out[produced] (out.size() is capacity). Returns the compressed bytes used.
Result<size_t> zlib_member(std::string_view in, size_t at, std::string& out, size_t& produced,
                           uint64_t max_bytes, std::string_view label) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
    return make_error(ErrorCode::internal, "zlib: inflateInit2 failed");
  struct End {
    z_stream* z;
    ~End() { inflateEnd(z); }
  } end{&z};
  size_t in_pos = at;
  // One byte more than allowed tells "exactly max_bytes" from "more".
  const uint64_t cap_limit = max_bytes + 1;
  for (;;) {
    if (z.avail_in == 0 && in_pos < in.size()) {
      size_t take = std::min<size_t>(in.size() - in_pos, 1u << 30);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + in_pos));
      z.avail_in = static_cast<uInt>(take);
      in_pos += take;
    }
    if (produced == out.size()) {
      if (out.size() >= cap_limit) return too_large(label, max_bytes);
      uint64_t grown = std::max<uint64_t>(out.size() * 2, produced + kMinOutput);
      resize_for_overwrite(out, static_cast<size_t>(std::min(grown, cap_limit)));
    }
    size_t room = std::min<size_t>(out.size() - produced, 1u << 30);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z.avail_out = static_cast<uInt>(room);
    int ret = inflate(&z, Z_NO_FLUSH);
    produced += room - z.avail_out;
    if (produced > max_bytes) return too_large(label, max_bytes);
    if (ret == Z_STREAM_END) return static_cast<size_t>(in_pos - z.avail_in - at);
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR) {
      if (z.avail_in == 0 && in_pos >= in.size())
        return make_error(ErrorCode::decode,
                          member_where(label, at) + ": truncated (file ends inside the member)");
      continue;  // output was full: grow and go on
    }
    std::string msg = member_where(label, at) + ": corrupt data";
    if (z.msg != nullptr) msg += std::string(" (") + z.msg + ")";
    return make_error(ErrorCode::decode, msg);
  }
}

}  // namespace

namespace detail {

MemberResult inflate_member(std::string_view in, std::string& out, size_t out_at, uint64_t limit,
                            uint64_t hint) {
  MemberResult r;
  if (in.size() < kMinMember || !is_member_start(in, 0) ||
      (static_cast<unsigned char>(in[3]) & kFlagHeaderCrc) != 0)
    return r;  // fallback
  libdeflate_decompressor* d = decompressor();
  if (d == nullptr) return r;
  uint64_t want = hint > 0 ? hint : in.size() * kGuessRatio;
  want = std::min(want, in.size() * kMaxDeflateRatio + kRatioSlack);
  want = std::max<uint64_t>(want, kMinOutput);
  want = std::min(want, limit);
  if (out.size() < out_at + want) resize_for_overwrite(out, static_cast<size_t>(out_at + want));
  for (;;) {
    size_t room = static_cast<size_t>(std::min<uint64_t>(out.size() - out_at, limit));
    size_t in_used = 0, out_got = 0;
    libdeflate_result ret = libdeflate_gzip_decompress_ex(
        d, in.data(), in.size(), out.data() + out_at, room, &in_used, &out_got);
    if (ret == LIBDEFLATE_SUCCESS) {
      r.status = MemberStatus::ok;
      r.in_used = in_used;
      r.out_size = out_got;
      return r;
    }
    if (ret != LIBDEFLATE_INSUFFICIENT_SPACE) return r;  // fallback
    if (room >= limit) {
      r.status = MemberStatus::too_large;
      return r;
    }
    uint64_t grown = std::min<uint64_t>(std::max<uint64_t>(uint64_t{room} * 2, kMinOutput), limit);
    resize_for_overwrite(out, static_cast<size_t>(out_at + grown));
  }
}

}  // namespace detail

Result<std::string> gunzip(std::string_view data, uint64_t max_bytes, std::string_view label) {
  if (!is_member_start(data, 0))
    return make_error(ErrorCode::decode, std::string(label) + ": not gzip data");
  // ISIZE of the last member: the whole output when there is one member.
  uint64_t hint = 0;
  if (data.size() >= kMinMember) {
    const auto* t = reinterpret_cast<const unsigned char*>(data.data() + data.size() - 4);
    hint = uint64_t{t[0]} | uint64_t{t[1]} << 8 | uint64_t{t[2]} << 16 | uint64_t{t[3]} << 24;
  }
  std::string out;
  size_t produced = 0;
  size_t at = 0;
  for (;;) {
    std::string_view member = data.substr(at);
    auto r = detail::inflate_member(member, out, produced, max_bytes - produced, hint);
    if (r.status == detail::MemberStatus::too_large) return too_large(label, max_bytes);
    if (r.status == detail::MemberStatus::ok) {
      produced += r.out_size;
      at += r.in_used;
    } else {
      auto used = zlib_member(data, at, out, produced, max_bytes, label);
      if (!used.ok()) return used.error();
      at += *used;
    }
    hint = 0;  // the trailer told the last member's size, not the next one's
    if (at == data.size()) break;
    if (is_member_start(data, at)) continue;
    // Zero padding to the end is tolerated, as by the streaming reader.
    size_t nz = at;
    while (nz < data.size() && data[nz] == '\0') ++nz;
    if (nz == data.size()) break;
    return make_error(ErrorCode::decode, std::string(label) + ": unexpected bytes after gzip member, at offset " +
                                             std::to_string(nz));
  }
  out.resize(produced);
  return out;
}

}  // namespace saring::io
