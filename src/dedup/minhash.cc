// Normalisation, shingling and MinHash signatures.
//
// How it works. The text is normalised the way FineWeb does before matching
// (lowercase, accents stripped, punctuation removed, digit runs -> "0",
// white space collapsed), then cut into word tokens: space-separated words,
// and for scripts written without spaces (CJK, Thai, ...) one token per
// character, as saring::text counts words. A shingle is `shingle_size`
// consecutive tokens; because the normalised text has exactly one space
// between spaced words and tokenisation is a function of the text, each
// shingle is simply the byte range from its first token's start to its last
// token's end, hashed with XXH3-64 without building a string.
//
// Each shingle hash h (reduced mod p = 2^61 - 1) goes through num_hashes
// universal permutations (a_i * h + b_i) mod p, and the signature keeps the
// minimum per permutation: the probability that two documents agree on one
// value equals their shingle-set Jaccard similarity. a_i, b_i come from a
// splitmix64 stream seeded by MinHashParams::seed, so every machine derives
// the same permutations. Rows are grouped into bands and each band is hashed
// to one 64-bit key for the LSH index (see index.cc).
#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_set>

#include "saring/dedup.h"
#include "saring/simd.h"
#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::dedup {
namespace {

constexpr uint64_t kMersenne61 = (uint64_t{1} << 61) - 1;

inline uint64_t mod_mersenne(unsigned __int128 x) {
  uint64_t r = static_cast<uint64_t>(x & kMersenne61) + static_cast<uint64_t>(x >> 61);
  r = (r & kMersenne61) + (r >> 61);
  return r >= kMersenne61 ? r - kMersenne61 : r;
}

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Uniform in [lo, kMersenne61) by rejection (deterministic).
uint64_t draw_below_p(uint64_t& state, uint64_t lo) {
  for (;;) {
    uint64_t v = splitmix64(state) >> 3;  // 61 bits
    if (v >= lo && v < kMersenne61) return v;
  }
}

bool is_digit_cp(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND;
}

bool is_combining_mark(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_MN;
}

struct Token {
  uint32_t begin, end;
};

// Tokens of an already normalised string.
void tokenize(std::string_view s, std::vector<Token>& out) {
  out.clear();
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);  // inline for ASCII
    if (cp == ' ') {
      if (start != std::string_view::npos) out.push_back({uint32_t(start), uint32_t(here)});
      start = std::string_view::npos;
    } else if (cp >= 0x80 && text::is_unspaced_script(cp)) {
      if (start != std::string_view::npos) out.push_back({uint32_t(start), uint32_t(here)});
      start = std::string_view::npos;
      out.push_back({uint32_t(here), uint32_t(pos)});
    } else if (start == std::string_view::npos) {
      start = here;
    }
  }
  if (start != std::string_view::npos) out.push_back({uint32_t(start), uint32_t(s.size())});
}

// Calls fn(byte range) for each shingle of `n` tokens (one shingle when
// there are fewer tokens than n, none when there are no tokens).
template <class Fn>
void for_each_shingle(std::string_view norm, const std::vector<Token>& toks, uint32_t n, Fn&& fn) {
  if (toks.empty()) return;
  if (toks.size() < n) {
    fn(norm.substr(toks.front().begin, toks.back().end - toks.front().begin));
    return;
  }
  for (size_t i = 0; i + n <= toks.size(); ++i) {
    size_t b = toks[i].begin, e = toks[i + n - 1].end;
    fn(norm.substr(b, e - b));
  }
}

}  // namespace

namespace detail {

// mins[i] = min(mins[i], (a_i * h + b_i) mod p) for every permutation i.
// The 122-bit product a_i * h is never formed: with a_i = a1*2^32 + a0 and
// h = h1*2^32 + h0 (a1, h1 < 2^29 because both are below p = 2^61 - 1),
//   a_i * h = a1*h1 * 2^64 + (a1*h0 + a0*h1) * 2^32 + a0*h0,
// and since 2^61 = 1 (mod p), 2^64 = 8 and mid * 2^32 = (mid >> 29) +
// (mid mod 2^29) * 2^32. Every partial product is 32 x 32 -> 64 bits and the
// sum stays below 2^64, so four lanes fit one AVX2 register (vpmuludq), with
// exactly the values of the 128-bit formula.
void update_minimums_portable(const uint32_t* a_lo, const uint32_t* a_hi, const uint64_t* b,
                              uint64_t h, uint64_t* mins, uint32_t n) {
  const uint64_t h0 = h & 0xFFFFFFFFu, h1 = h >> 32;
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t a0 = a_lo[i], a1 = a_hi[i];
    const uint64_t high = a1 * h1;           // weight 2^64 = 8 (mod p), < 2^58
    const uint64_t mid = a1 * h0 + a0 * h1;  // weight 2^32, < 2^62
    const uint64_t low = a0 * h0;            // weight 1, < 2^64
    uint64_t x = (high << 3) + (mid >> 29) + ((mid & 0x1FFFFFFFu) << 32) +
                 (low & kMersenne61) + (low >> 61) + b[i];  // < 2^64
    x = (x & kMersenne61) + (x >> 61);                      // < p + 5
    x = x >= kMersenne61 ? x - kMersenne61 : x;
    mins[i] = x < mins[i] ? x : mins[i];
  }
}

namespace {

#if SARING_SIMD_AVX2
// update_minimums_portable() four permutations at a time.
SARING_TARGET_AVX2 void update_minimums_avx2(const uint32_t* a_lo, const uint32_t* a_hi,
                                             const uint64_t* b, uint64_t h, uint64_t* mins,
                                             uint32_t n) {
  using simd::U64x4;
  const U64x4 p = U64x4::splat(kMersenne61);
  const U64x4 p_minus_1 = U64x4::splat(kMersenne61 - 1);
  const U64x4 mask29 = U64x4::splat(0x1FFFFFFF);
  const U64x4 h0 = U64x4::splat(h & 0xFFFFFFFFu);
  const U64x4 h1 = U64x4::splat(h >> 32);
  uint32_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const U64x4 a0 = U64x4::load_u32(a_lo + i);
    const U64x4 a1 = U64x4::load_u32(a_hi + i);
    const U64x4 high = a1.mul_low32(h1);
    const U64x4 mid = a1.mul_low32(h0) + a0.mul_low32(h1);
    const U64x4 low = a0.mul_low32(h0);
    U64x4 x = high.shift_left<3>() + mid.shift_right<29>() + (mid & mask29).shift_left<32>() +
              (low & p) + low.shift_right<61>() + U64x4::load(b + i);
    x = (x & p) + x.shift_right<61>();
    x = x - (x.above(p_minus_1) & p);
    U64x4::load(mins + i).min(x).store(mins + i);
  }
  if (i < n) update_minimums_portable(a_lo + i, a_hi + i, b + i, h, mins + i, n - i);
}
#endif

using UpdateFn = void (*)(const uint32_t*, const uint32_t*, const uint64_t*, uint64_t, uint64_t*,
                          uint32_t);

UpdateFn pick_update() {
#if SARING_SIMD_AVX2
  if (simd::cpu_has_avx2()) return update_minimums_avx2;
#endif
  return update_minimums_portable;
}

}  // namespace

void update_minimums(const uint32_t* a_lo, const uint32_t* a_hi, const uint64_t* b, uint64_t h,
                     uint64_t* mins, uint32_t n) {
  static const UpdateFn fn = pick_update();  // decided once, by the CPU
  fn(a_lo, a_hi, b, h, mins, n);
}

}  // namespace detail

std::string normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  bool in_digits = false;
  auto emit = [&](char32_t cp) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    utf8::append(out, cp);
  };
  size_t pos = 0;
  utf8proc_int32_t decomposed[8];
  while (pos < text.size()) {
    char32_t cp = utf8::next(text, pos);  // inline for ASCII
    if (text::is_space(cp)) {
      pending_space = true;
      in_digits = false;
      continue;
    }
    if (is_digit_cp(cp)) {
      if (!in_digits) emit('0');
      in_digits = true;
      continue;
    }
    if (cp == '_' || !text::is_word_char(cp)) continue;  // punctuation, symbols: removed
    in_digits = false;
    if (cp < 0x80) {
      emit(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      continue;
    }
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), decomposed, 8,
                                                 UTF8PROC_DECOMPOSE, nullptr);
    if (n <= 0 || n > 8) {
      emit(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
      continue;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      char32_t d = static_cast<char32_t>(decomposed[i]);
      if (is_combining_mark(d)) continue;
      emit(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(d))));
    }
  }
  return out;
}

Status MinHashParams::validate() const {
  if (shingle_size < 1 || shingle_size > 64)
    return make_error(ErrorCode::invalid_input, "dedup: shingle_size must be 1..64");
  if (num_bands < 1 || num_bands > 512)
    return make_error(ErrorCode::invalid_input, "dedup: num_bands must be 1..512");
  if (rows_per_band < 1 || rows_per_band > 64)
    return make_error(ErrorCode::invalid_input, "dedup: rows_per_band must be 1..64");
  return ok_status();
}

MinHasher::MinHasher(MinHashParams params) : params_(params) {
  uint32_t n = params_.num_hashes();
  a_.resize(n);
  b_.resize(n);
  uint64_t state = params_.seed ^ 0x5341524947444450ULL;  // "SARIGDDP": domain separation
  a_lo_.resize(n);
  a_hi_.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    a_[i] = draw_below_p(state, 1);
    b_[i] = draw_below_p(state, 0);
    a_lo_[i] = static_cast<uint32_t>(a_[i]);
    a_hi_[i] = static_cast<uint32_t>(a_[i] >> 32);
  }
}

Signature MinHasher::compute(std::string_view text) const {
  Signature sig;
  std::string norm = normalize(text);
  XXH128_hash_t h128 = XXH3_128bits(norm.data(), norm.size());
  sig.exact = ExactHash{h128.high64, h128.low64};

  std::vector<Token> toks;
  tokenize(norm, toks);
  if (toks.empty()) return sig;

  const uint32_t n = params_.num_hashes();
  sig.minhash.assign(n, std::numeric_limits<uint64_t>::max());
  uint64_t* mins = sig.minhash.data();
  for_each_shingle(norm, toks, params_.shingle_size, [&](std::string_view shingle) {
    ++sig.shingle_count;
    uint64_t h = XXH3_64bits_withSeed(shingle.data(), shingle.size(), params_.seed);
    detail::update_minimums(a_lo_.data(), a_hi_.data(), b_.data(), mod_mersenne(h), mins, n);
  });

  sig.band_keys.resize(params_.num_bands);
  unsigned char buf[64 * 8];
  for (uint32_t band = 0; band < params_.num_bands; ++band) {
    const uint64_t* rows = mins + size_t(band) * params_.rows_per_band;
    for (uint32_t r = 0; r < params_.rows_per_band; ++r)
      for (int k = 0; k < 8; ++k) buf[r * 8 + k] = static_cast<unsigned char>(rows[r] >> (8 * k));
    sig.band_keys[band] = XXH3_64bits_withSeed(buf, size_t(params_.rows_per_band) * 8, band);
  }
  return sig;
}

Signature compute_signature(std::string_view text, const MinHashParams& params) {
  return MinHasher(params).compute(text);
}

double estimate_jaccard(const Signature& a, const Signature& b) {
  if (a.minhash.empty() || a.minhash.size() != b.minhash.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.minhash.size(); ++i) same += a.minhash[i] == b.minhash[i];
  return static_cast<double>(same) / static_cast<double>(a.minhash.size());
}

double exact_jaccard(std::string_view a, std::string_view b, uint32_t shingle_size) {
  if (shingle_size == 0) shingle_size = 1;
  auto shingles = [&](std::string_view t) {
    std::string norm = normalize(t);
    std::vector<Token> toks;
    tokenize(norm, toks);
    std::unordered_set<std::string> set;
    for_each_shingle(norm, toks, shingle_size, [&](std::string_view s) { set.emplace(s); });
    return set;
  };
  auto sa = shingles(a), sb = shingles(b);
  if (sa.empty() && sb.empty()) return 1.0;
  size_t inter = 0;
  for (const auto& s : sa) inter += sb.count(s);
  size_t uni = sa.size() + sb.size() - inter;
  return uni ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
}

}  // namespace saring::dedup
