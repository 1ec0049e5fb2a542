// UTF-8 helpers shared by every area. Every string saring emits is valid
// UTF-8: inputs are repaired once, at the edge, with make_valid_utf8().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace saring::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool is_valid(std::string_view s);

// True when every byte of `s` is ASCII (< 0x80).
bool is_ascii(std::string_view s);

// Copy of `s` with each invalid sequence replaced by U+FFFD.
std::string make_valid(std::string_view s);

namespace detail {
// next() past its ASCII fast path: the multi-byte (or invalid) case.
char32_t next_multibyte(std::string_view s, size_t& pos);
}  // namespace detail

// Decodes the code point at s[pos] and advances pos. Invalid bytes yield
// U+FFFD and advance by one byte. Inline for the ASCII case, the bulk of text.
inline char32_t next(std::string_view s, size_t& pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  return detail::next_multibyte(s, pos);
}

// Appends the UTF-8 encoding of `cp` (replacement char for invalid values).
void append(std::string& out, char32_t cp);

// Number of code points (invalid bytes count as one each).
size_t length(std::string_view s);

}  // namespace saring::utf8
