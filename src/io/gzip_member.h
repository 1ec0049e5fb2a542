// Internal: one gzip member inflated in a single call (libdeflate), the fast
// path shared by io::gunzip() and the gzip ByteReader. Not part of the
// public API; libdeflate stays behind this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace saring::io::detail {

enum class MemberStatus {
  ok,         // decoded: in_used compressed bytes gave out_size bytes
  too_large,  // the member decodes to more than the output limit
  fallback,   // not decodable in one call here (corrupt, truncated, cut by the
              // end of `in`, or a header feature we leave to zlib): use zlib
};

struct MemberResult {
  MemberStatus status = MemberStatus::fallback;
  size_t in_used = 0;   // compressed bytes of the member (header to trailer)
  size_t out_size = 0;  // decoded bytes written at out[out_at]
};

// Decodes the gzip member that starts at in[0] into out[out_at...]. `out` is
// grown as needed (its size is used as scratch capacity and is not trimmed:
// the decoded bytes are out[out_at, out_at + out_size)); it never grows
// beyond out_at + `limit`. `hint` is the expected decoded size (0: unknown).
// The member's CRC-32 and length trailer are checked.
MemberResult inflate_member(std::string_view in, std::string& out, size_t out_at, uint64_t limit,
                            uint64_t hint);

}  // namespace saring::io::detail
