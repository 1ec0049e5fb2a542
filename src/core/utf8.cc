// UTF-8 validation and repair, following the well-formedness table of
// Unicode 15 (section 3.9): overlong forms, surrogates and code points above
// U+10FFFF are invalid. The ASCII fast path matters: most markup is ASCII,
// and whole pages are validated several times on their way into the DOM, so
// is_valid() checks 64 bytes per step (simd::any_high_64) and, once in
// non-ASCII text, stays in a tight per-sequence loop until ASCII resumes.
#include "saring/utf8.h"

#include "saring/simd.h"

namespace saring::utf8 {
namespace {

// Length of the valid sequence starting at s[i], or 0 when invalid.
inline size_t valid_sequence_length(const unsigned char* s, size_t n, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

// Index of the first non-ASCII byte at or after i (n when none).
inline size_t ascii_prefix(const unsigned char* s, size_t n, size_t i) {
  while (i + 64 <= n && !simd::any_high_64(s + i)) i += 64;
  while (i + 16 <= n) {
    if (uint32_t high = simd::Bytes16::load(s + i).mask()) return i + simd::first_bit(high);
    i += 16;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

// valid_sequence_length() for a non-ASCII lead byte, branches ordered by
// how common each length is.
inline size_t multibyte_length(const unsigned char* s, size_t n, size_t i) {
  unsigned c = s[i];
  if (c < 0xE0) {
    if (c < 0xC2 || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
    return 2;
  }
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned c1 = s[i + 1], c2 = s[i + 2];
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c > 0xF4 || i + 3 >= n) return 0;
  unsigned c1 = s[i + 1];
  if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return 0;
  if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
  if (c == 0xF4 && c1 >= 0x90) return 0;  // > U+10FFFF
  return 4;
}

bool is_valid(std::string_view sv) {
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size(), i = 0;
  // Runs of non-ASCII sequences, validated until ASCII resumes.
  auto sequences = [&]() {
    do {
      size_t len = multibyte_length(s, n, i);
      if (len == 0) return false;
      i += len;
    } while (i < n && s[i] >= 0x80);
    return true;
  };
  while (i + 64 <= n) {
    if (!simd::any_high_64(s + i)) {
      i += 64;
      continue;
    }
    // A block holding non-ASCII bytes: 16 bytes at a time to the end of the
    // block (a sequence may run past it), without retrying 64-byte steps.
    const size_t end = i + 64;
    while (i < end && i + 16 <= n) {
      const uint32_t high = simd::Bytes16::load(s + i).mask();
      if (!high) {
        i += 16;
        continue;
      }
      i += simd::first_bit(high);
      if (!sequences()) return false;
    }
  }
  while (i < n) {
    i = ascii_prefix(s, n, i);
    if (i >= n) break;
    if (!sequences()) return false;
  }
  return true;
}

bool is_ascii(std::string_view sv) {
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  return ascii_prefix(s, sv.size(), 0) == sv.size();
}

std::string make_valid(std::string_view sv) {
  if (is_valid(sv)) return std::string(sv);
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size(), i = 0;
  std::string out;
  out.reserve(n + 16);
  while (i < n) {
    size_t len = valid_sequence_length(s, n, i);
    if (len == 0) {
      append(out, kReplacement);
      ++i;
    } else {
      out.append(sv.data() + i, len);
      i += len;
    }
  }
  return out;
}

namespace detail {

char32_t next_multibyte(std::string_view sv, size_t& pos) {
  auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  size_t n = sv.size();
  unsigned char c = s[pos];
  size_t len = valid_sequence_length(s, n, pos);
  if (len == 0) {
    ++pos;
    return kReplacement;
  }
  char32_t cp;
  if (len == 2) cp = ((c & 0x1F) << 6) | (s[pos + 1] & 0x3F);
  else if (len == 3) cp = ((c & 0x0F) << 12) | ((s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);
  else cp = ((c & 0x07) << 18) | ((s[pos + 1] & 0x3F) << 12) | ((s[pos + 2] & 0x3F) << 6) | (s[pos + 3] & 0x3F);
  pos += len;
  return cp;
}

}  // namespace detail

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t length(std::string_view s) {
  size_t pos = 0, count = 0;
  while (pos < s.size()) {
    next(s, pos);
    ++count;
  }
  return count;
}

}  // namespace saring::utf8
