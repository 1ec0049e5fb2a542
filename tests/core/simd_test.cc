// simd.h: every block operation, on the SSE2 block and on the scalar block of
// portable builds, against a byte-by-byte statement of what it means, over
// blocks that hold every byte value and random blocks.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "saring/simd.h"

namespace {

using Block = std::array<uint8_t, 16>;

// Blocks covering all 256 byte values (16 blocks) and random ones.
std::vector<Block> sample_blocks() {
  std::vector<Block> blocks;
  for (int start = 0; start < 256; start += 16) {
    Block b;
    for (int i = 0; i < 16; ++i) b[i] = static_cast<uint8_t>(start + i);
    blocks.push_back(b);
  }
  std::mt19937 rng(7);
  for (int n = 0; n < 500; ++n) {
    Block b;
    for (auto& x : b) x = static_cast<uint8_t>(rng() % 256);
    blocks.push_back(b);
  }
  return blocks;
}

template <class Test>
uint32_t expected_mask(const Block& b, Test test) {
  uint32_t m = 0;
  for (int i = 0; i < 16; ++i) m |= uint32_t{test(b[i])} << i;
  return m;
}

template <class Bytes>
class Bytes16Test : public ::testing::Test {};

#if SARING_SIMD_SSE2
using Implementations = ::testing::Types<saring::simd::ScalarBytes16, saring::simd::Sse2Bytes16>;
#else
using Implementations = ::testing::Types<saring::simd::ScalarBytes16>;
#endif
TYPED_TEST_SUITE(Bytes16Test, Implementations);

TYPED_TEST(Bytes16Test, LaneTestsMatchTheirMeaning) {
  const char needles[] = {'<', '&', '\0', '\n', static_cast<char>(0xEF), static_cast<char>(0xFF)};
  for (const Block& b : sample_blocks()) {
    const auto v = TypeParam::load(b.data());
    EXPECT_EQ(v.mask(), expected_mask(b, [](uint8_t x) { return x >= 0x80; }));
    EXPECT_EQ(v.any_high(), expected_mask(b, [](uint8_t x) { return x >= 0x80; }) != 0);
    for (char c : needles)
      EXPECT_EQ(v.eq(c).mask(), expected_mask(b, [&](uint8_t x) { return x == uint8_t(c); }));
    EXPECT_EQ(v.in_range('a', 'z').mask(), expected_mask(b, [](uint8_t x) { return x >= 'a' && x <= 'z'; }));
    EXPECT_EQ(v.in_range(0x01, 0x7E).mask(), expected_mask(b, [](uint8_t x) { return x >= 1 && x <= 0x7E; }));
    EXPECT_EQ(v.le(0x1F).mask(), expected_mask(b, [](uint8_t x) { return x <= 0x1F; }));
    EXPECT_EQ(v.le(0xFE).mask(), expected_mask(b, [](uint8_t x) { return x <= 0xFE; }));
    EXPECT_EQ((v.eq('<') | v.eq('&')).mask(), expected_mask(b, [](uint8_t x) { return x == '<' || x == '&'; }));
    EXPECT_EQ((v.in_range('0', '9') & v.eq('5')).mask(), expected_mask(b, [](uint8_t x) { return x == '5'; }));
  }
}

TYPED_TEST(Bytes16Test, MappingsChangeOnlyTheirBytes) {
  for (const Block& b : sample_blocks()) {
    const auto v = TypeParam::load(b.data());
    Block lower, replaced, stored;
    v.ascii_lower().store(lower.data());
    v.replace('_', '-').store(replaced.data());
    v.store(stored.data());
    EXPECT_EQ(stored, b);
    for (int i = 0; i < 16; ++i) {
      uint8_t x = b[i];
      EXPECT_EQ(lower[i], x >= 'A' && x <= 'Z' ? x + 32 : x) << int(x);
      EXPECT_EQ(replaced[i], x == '_' ? '-' : x) << int(x);
    }
  }
}

TYPED_TEST(Bytes16Test, PartialLoadReadsOnlyItsBytesAndZeroFills) {
  std::vector<uint8_t> buf(16, 0xAB);
  for (size_t n = 0; n < 16; ++n) {
    // The n bytes sit at the very end of an exact-size buffer: ASan would
    // catch a read past them.
    std::vector<uint8_t> exact(buf.begin(), buf.begin() + n);
    Block out;
    TypeParam::load_partial(exact.data(), n).store(out.data());
    for (size_t i = 0; i < 16; ++i) EXPECT_EQ(out[i], i < n ? 0xAB : 0) << n << " " << i;
  }
}

TYPED_TEST(Bytes16Test, SplatFillsEveryByte) {
  Block out;
  TypeParam::splat('x').store(out.data());
  for (uint8_t x : out) EXPECT_EQ(x, 'x');
}

TEST(Simd, AnyHigh64SeesOneHighByteAtEveryPosition) {
  std::vector<char> buf(64, 'a');
  EXPECT_FALSE(saring::simd::any_high_64(buf.data()));
  for (size_t i = 0; i < 64; ++i) {
    buf[i] = static_cast<char>(0x80);
    EXPECT_TRUE(saring::simd::any_high_64(buf.data())) << i;
    buf[i] = 0x7F;
    EXPECT_FALSE(saring::simd::any_high_64(buf.data())) << i;
    buf[i] = 'a';
  }
}

TEST(Simd, FirstBitIsTheLowestSetBit) {
  for (unsigned k = 0; k < 32; ++k) {
    EXPECT_EQ(saring::simd::first_bit(1u << k), k);
    EXPECT_EQ(saring::simd::first_bit(~0u << k), k);
  }
}

}  // namespace
