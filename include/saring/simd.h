// Named SIMD helpers for the byte scanners (HTML tokenizer, UTF-8 checks,
// word counts, class-name splitting): one 16-byte block type whose operations
// read as what they test, so a scanner says "bytes equal to '<'" instead of
// spelling out intrinsics, and each trick lives here once.
//
// Two implementations with the same interface: Sse2Bytes16 (x86-64 always
// has SSE2) and ScalarBytes16 (plain loops, any target). Bytes16 names the one
// the build uses: the SSE2 one unless the target lacks SSE2 or the build
// defines SARING_PORTABLE (cmake -DSARING_PORTABLE=ON). Both are always
// compiled where possible so tests can check they agree.
//
// A lane test returns a block whose bytes are 0xFF where the test holds and
// 0x00 elsewhere; mask() turns it into an integer with bit k for byte k, for
// __builtin_ctz and popcount.
//
// For the wider arithmetic of MinHash, U64x4 holds four 64-bit lanes in an
// AVX2 register. AVX2 is not part of baseline x86-64, so an AVX2 kernel is a
// function marked SARING_TARGET_AVX2, compiled only when SARING_SIMD_AVX2 is 1
// and called only when cpu_has_avx2() says the running CPU has it; a scalar
// function with the same results serves every other case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(SARING_PORTABLE)
#define SARING_SIMD_SSE2 1
#include <emmintrin.h>
#else
#define SARING_SIMD_SSE2 0
#endif

// AVX2 kernels are compiled for x86-64 (GCC and Clang) with a target
// attribute and chosen at run time; a portable build leaves them out.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(SARING_PORTABLE)
#define SARING_SIMD_AVX2 1
#define SARING_TARGET_AVX2 __attribute__((target("avx2")))
#include <immintrin.h>
#else
#define SARING_SIMD_AVX2 0
#define SARING_TARGET_AVX2
#endif

namespace saring::simd {

// Whether the running CPU has AVX2 (false when the build has no AVX2 kernels).
inline bool cpu_has_avx2() {
#if SARING_SIMD_AVX2
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

// Index of the lowest set bit of a non-zero mask.
inline unsigned first_bit(uint32_t mask) { return static_cast<unsigned>(__builtin_ctz(mask)); }

// 16 bytes, one plain byte loop per operation: the reference the SSE2 block
// is tested against, and the block of a portable build.
class ScalarBytes16 {
 public:
  // The 16 bytes at p (no alignment needed).
  static ScalarBytes16 load(const void* p) {
    ScalarBytes16 r;
    std::memcpy(r.b_, p, 16);
    return r;
  }
  // The first n (< 16) bytes at p, zeros after them; reads only those n.
  static ScalarBytes16 load_partial(const void* p, size_t n) {
    ScalarBytes16 r = splat(0);
    std::memcpy(r.b_, p, n);
    return r;
  }
  // c in every byte.
  static ScalarBytes16 splat(char c) {
    ScalarBytes16 r;
    std::memset(r.b_, static_cast<unsigned char>(c), 16);
    return r;
  }
  void store(void* p) const { std::memcpy(p, b_, 16); }

  ScalarBytes16 operator|(ScalarBytes16 o) const {
    return map([&](size_t i) { return b_[i] | o.b_[i]; });
  }
  ScalarBytes16 operator&(ScalarBytes16 o) const {
    return map([&](size_t i) { return b_[i] & o.b_[i]; });
  }
  // Bytes equal to c.
  ScalarBytes16 eq(char c) const {
    return lanes([&](uint8_t x) { return x == static_cast<uint8_t>(c); });
  }
  // Bytes in [lo, hi], for 0x01 <= lo <= hi <= 0x7E: bytes >= 0x80 never match.
  ScalarBytes16 in_range(char lo, char hi) const {
    return lanes([&](uint8_t x) { return x >= static_cast<uint8_t>(lo) && x <= static_cast<uint8_t>(hi); });
  }
  // Bytes <= c as unsigned values (c = 0x1F: the ASCII control bytes).
  ScalarBytes16 le(uint8_t c) const {
    return lanes([&](uint8_t x) { return x <= c; });
  }
  // A-Z made a-z, every other byte as it was.
  ScalarBytes16 ascii_lower() const {
    return map([&](size_t i) { return b_[i] >= 'A' && b_[i] <= 'Z' ? b_[i] + 0x20 : b_[i]; });
  }
  // Bytes equal to `from` made `to`, every other byte as it was.
  ScalarBytes16 replace(char from, char to) const {
    return map([&](size_t i) {
      return b_[i] == static_cast<uint8_t>(from) ? static_cast<uint8_t>(to) : b_[i];
    });
  }
  // Bit k set when byte k has its top bit (for a lane test: when it holds).
  uint32_t mask() const {
    uint32_t m = 0;
    for (size_t i = 0; i < 16; ++i) m |= static_cast<uint32_t>(b_[i] >> 7) << i;
    return m;
  }
  // Whether some byte is >= 0x80 (not ASCII).
  bool any_high() const { return mask() != 0; }

 private:
  template <class F>
  ScalarBytes16 map(F f) const {
    ScalarBytes16 r;
    for (size_t i = 0; i < 16; ++i) r.b_[i] = static_cast<uint8_t>(f(i));
    return r;
  }
  template <class Test>
  ScalarBytes16 lanes(Test test) const {
    return map([&](size_t i) { return test(b_[i]) ? 0xFF : 0x00; });
  }
  uint8_t b_[16];
};

#if SARING_SIMD_SSE2
// 16 bytes in one SSE2 register; the same operations as ScalarBytes16.
class Sse2Bytes16 {
 public:
  static Sse2Bytes16 load(const void* p) {
    return Sse2Bytes16(_mm_loadu_si128(static_cast<const __m128i*>(p)));
  }
  static Sse2Bytes16 load_partial(const void* p, size_t n) {
    alignas(16) char tail[16] = {};
    std::memcpy(tail, p, n);
    return Sse2Bytes16(_mm_load_si128(reinterpret_cast<const __m128i*>(tail)));
  }
  static Sse2Bytes16 splat(char c) { return Sse2Bytes16(_mm_set1_epi8(c)); }
  void store(void* p) const { _mm_storeu_si128(static_cast<__m128i*>(p), v_); }

  Sse2Bytes16 operator|(Sse2Bytes16 o) const { return Sse2Bytes16(_mm_or_si128(v_, o.v_)); }
  Sse2Bytes16 operator&(Sse2Bytes16 o) const { return Sse2Bytes16(_mm_and_si128(v_, o.v_)); }
  Sse2Bytes16 eq(char c) const { return Sse2Bytes16(_mm_cmpeq_epi8(v_, _mm_set1_epi8(c))); }
  // Signed compares: with ASCII bounds, bytes >= 0x80 are negative and fail.
  Sse2Bytes16 in_range(char lo, char hi) const {
    return Sse2Bytes16(_mm_and_si128(_mm_cmpgt_epi8(v_, _mm_set1_epi8(static_cast<char>(lo - 1))),
                                     _mm_cmplt_epi8(v_, _mm_set1_epi8(static_cast<char>(hi + 1)))));
  }
  // x <= c exactly when max(x, c) == c (SSE2 has no unsigned compare).
  Sse2Bytes16 le(uint8_t c) const {
    const __m128i vc = _mm_set1_epi8(static_cast<char>(c));
    return Sse2Bytes16(_mm_cmpeq_epi8(_mm_max_epu8(v_, vc), vc));
  }
  Sse2Bytes16 ascii_lower() const {
    return Sse2Bytes16(_mm_add_epi8(v_, (in_range('A', 'Z') & splat(0x20)).v_));
  }
  Sse2Bytes16 replace(char from, char to) const {
    return Sse2Bytes16(_mm_add_epi8(v_, (eq(from) & splat(static_cast<char>(to - from))).v_));
  }
  uint32_t mask() const { return static_cast<uint32_t>(_mm_movemask_epi8(v_)); }
  bool any_high() const { return mask() != 0; }

 private:
  explicit Sse2Bytes16(__m128i v) : v_(v) {}
  __m128i v_;
};
using Bytes16 = Sse2Bytes16;
#else
using Bytes16 = ScalarBytes16;
#endif

#if SARING_SIMD_AVX2
// Four unsigned 64-bit lanes. Every operation is compiled for AVX2, so it may
// only be used inside a SARING_TARGET_AVX2 function.
class U64x4 {
 public:
  SARING_TARGET_AVX2 static U64x4 splat(uint64_t x) {
    return U64x4(_mm256_set1_epi64x(static_cast<int64_t>(x)));
  }
  SARING_TARGET_AVX2 static U64x4 load(const uint64_t* p) {
    return U64x4(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  }
  // Four 32-bit values at p, zero-extended.
  SARING_TARGET_AVX2 static U64x4 load_u32(const uint32_t* p) {
    return U64x4(_mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
  }
  SARING_TARGET_AVX2 void store(uint64_t* p) const {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v_);
  }

  SARING_TARGET_AVX2 U64x4 operator+(U64x4 o) const { return U64x4(_mm256_add_epi64(v_, o.v_)); }
  SARING_TARGET_AVX2 U64x4 operator-(U64x4 o) const { return U64x4(_mm256_sub_epi64(v_, o.v_)); }
  SARING_TARGET_AVX2 U64x4 operator&(U64x4 o) const { return U64x4(_mm256_and_si256(v_, o.v_)); }
  template <int N>
  SARING_TARGET_AVX2 U64x4 shift_left() const {
    return U64x4(_mm256_slli_epi64(v_, N));
  }
  template <int N>
  SARING_TARGET_AVX2 U64x4 shift_right() const {
    return U64x4(_mm256_srli_epi64(v_, N));
  }
  // The full 64-bit products of the lanes' low 32 bits.
  SARING_TARGET_AVX2 U64x4 mul_low32(U64x4 o) const { return U64x4(_mm256_mul_epu32(v_, o.v_)); }
  // All ones where this lane is above o's; both below 2^63 (the compare is signed).
  SARING_TARGET_AVX2 U64x4 above(U64x4 o) const { return U64x4(_mm256_cmpgt_epi64(v_, o.v_)); }
  // The smaller of the two lanes, as unsigned values.
  SARING_TARGET_AVX2 U64x4 min(U64x4 o) const {
    const __m256i sign = _mm256_set1_epi64x(INT64_MIN);  // unsigned order via signed compare
    const __m256i o_smaller = _mm256_cmpgt_epi64(_mm256_xor_si256(v_, sign), _mm256_xor_si256(o.v_, sign));
    return U64x4(_mm256_blendv_epi8(v_, o.v_, o_smaller));
  }

 private:
  SARING_TARGET_AVX2 explicit U64x4(__m256i v) : v_(v) {}
  __m256i v_;
};
#endif

// Whether any of the 64 bytes at p is >= 0x80: four blocks ORed, one test.
inline bool any_high_64(const void* p) {
  const char* c = static_cast<const char*>(p);
  return (Bytes16::load(c) | Bytes16::load(c + 16) | Bytes16::load(c + 32) | Bytes16::load(c + 48))
      .any_high();
}

}  // namespace saring::simd
