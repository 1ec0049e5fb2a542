// Regression: the bytes decoded by the same inflate call that finds damage
// (a gzip CRC mismatch is only seen after the member's last block) were
// dropped with the error, so a small .jsonl.gz with a bad CRC lost every
// document while a truncated one kept those before the cut, and what a reader
// got depended on its buffer size.
#include <gtest/gtest.h>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

std::string sample_text() {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"doc\"}\n";
  return text;
}

// The member with its CRC-32 trailer (the 8th to 5th last bytes) altered.
std::string bad_crc_member(const std::string& text) {
  std::string gz = gzip_member(text);
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0x01);
  return gz;
}

TEST(ByteReaderCorruptTail, BadCrcDeliversTheSameBytesForAnyBufferSizeThenOneError) {
  const std::string text = sample_text();
  const std::string gz = bad_crc_member(text);
  Drained small_reads, large_reads;
  {
    auto r = bytes_from_memory(gz);
    small_reads = drain(*r, 100);
  }
  {
    auto r = bytes_from_memory(gz);
    large_reads = drain(*r, 1 << 20);
  }
  ASSERT_EQ(small_reads.errors.size(), 1u);
  ASSERT_EQ(large_reads.errors.size(), 1u);
  EXPECT_NE(large_reads.errors[0].find("incorrect data check"), std::string::npos)
      << large_reads.errors[0];
  EXPECT_EQ(small_reads.data, large_reads.data);
  EXPECT_EQ(large_reads.data, text);
}

TEST(ByteReaderCorruptTail, LaterMembersFollowABadCrcMember) {
  const std::string text = sample_text();
  auto r = bytes_from_memory(bad_crc_member(text) + gzip_member("after\n"));
  Drained d = drain(*r, 1 << 20);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.data, text + "after\n");
}

TEST(ByteReaderCorruptTail, JsonlLinesBeforeABadCrcAreRead) {
  const std::string text = sample_text();
  LineReader lines(bytes_from_memory(bad_crc_member(text)));
  std::string line;
  size_t good = 0, errors = 0;
  for (int guard = 0; guard < 100000; ++guard) {
    auto got = lines.next(line, 1 << 20, nullptr);
    if (!got.ok()) {
      ++errors;
      continue;
    }
    if (!*got) break;
    ++good;
  }
  EXPECT_EQ(errors, 1u);
  EXPECT_EQ(good, 300u);
}

}  // namespace
}  // namespace saring::io
