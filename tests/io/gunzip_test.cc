// Whole-buffer gzip (io::gunzip, io::read_all of .gz files) and LineReader.
// Every case compares against zlib's streaming decoder (the ByteReader), so
// the fast path is held to the old output, errors included.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "saring/io.h"
#include "saring/warc.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

// What the streaming reader makes of `data`: its bytes, or its first error.
Result<std::string> stream_decode(const std::string& data, uint64_t max_bytes = uint64_t{1} << 32) {
  auto r = bytes_from_memory(data);
  std::string out;
  char buf[4096];
  for (;;) {
    auto got = r->read(buf, sizeof buf);
    if (!got.ok()) return got.error();
    if (*got == 0) break;
    if (out.size() + *got > max_bytes) return make_error(ErrorCode::too_large, "too large");
    out.append(buf, *got);
  }
  return out;
}

// Varied text that compresses about as well as HTML.
std::string sample_text(size_t n, unsigned seed) {
  static const char* words[] = {"<p>", "the ", "data ", "of ", "saring ", "</p>\n", "gzip ",
                                "member ", "record ", "WARC ", "\xc3\xa9t\xc3\xa9 ", "2026 "};
  std::mt19937 rng(seed);
  std::string s;
  while (s.size() < n) s += words[rng() % 12];
  s.resize(n);
  return s;
}

// A gzip member with optional header fields (FNAME, FEXTRA, FHCRC).
std::string gzip_with_header(const std::string& data, bool name, bool extra, bool hcrc) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  gz_header h{};
  std::string fname = "page.html", fextra = "XYZ";
  if (name) h.name = reinterpret_cast<Bytef*>(fname.data());
  if (extra) {
    h.extra = reinterpret_cast<Bytef*>(fextra.data());
    h.extra_len = static_cast<uInt>(fextra.size());
  }
  h.hcrc = hcrc ? 1 : 0;
  deflateSetHeader(&z, &h);
  std::string out(deflateBound(&z, data.size()) + 128, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

void set_le32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

TEST(Gunzip, OneMemberMatchesInput) {
  std::string text = sample_text(300000, 1);
  auto got = gunzip(gzip_member(text), uint64_t{1} << 32);
  ASSERT_TRUE(got.ok()) << got.error().describe();
  EXPECT_EQ(*got, text);
}

TEST(Gunzip, MultiMemberIsTheConcatenation) {
  // The trailer's ISIZE is the last member's size only: a tiny last member
  // makes the size hint far too small for the first one, and the reverse.
  std::string big = sample_text(500000, 2), small = "tail\n", mid = sample_text(70000, 3);
  for (const auto& parts : std::vector<std::vector<std::string>>{
           {big, small}, {small, big}, {small, mid, big, small}, {"", big, ""}}) {
    std::string gz, want;
    for (const auto& p : parts) {
      gz += gzip_member(p);
      want += p;
    }
    auto got = gunzip(gz, uint64_t{1} << 32);
    ASSERT_TRUE(got.ok()) << got.error().describe();
    EXPECT_EQ(*got, want);
  }
}

TEST(Gunzip, RandomSplitsAgreeWithTheStreamingReader) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::string text = sample_text(1 + rng() % 200000, round);
    std::string gz;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t n = 1 + rng() % 40000;
      gz += gzip_member(text.substr(pos, n), 16 + MAX_WBITS);
      pos += n;
    }
    auto fast = gunzip(gz, uint64_t{1} << 32);
    auto slow = stream_decode(gz);
    ASSERT_TRUE(fast.ok()) << fast.error().describe();
    ASSERT_TRUE(slow.ok());
    EXPECT_EQ(*fast, *slow);
    EXPECT_EQ(*fast, text);
  }
}

TEST(Gunzip, HeaderFieldsAreSkippedAndHeaderCrcIsChecked) {
  std::string text = sample_text(20000, 4);
  for (int flags = 0; flags < 8; ++flags) {
    std::string gz = gzip_with_header(text, flags & 1, flags & 2, flags & 4);
    auto got = gunzip(gz, uint64_t{1} << 32);
    ASSERT_TRUE(got.ok()) << flags << ": " << got.error().describe();
    EXPECT_EQ(*got, text);
  }
  // A wrong header CRC: libdeflate ignores it, zlib (and so we) refuse it.
  std::string gz = gzip_with_header(text, true, false, true);
  size_t hcrc_at = 10 + std::string("page.html").size() + 1;
  gz[hcrc_at] = static_cast<char>(gz[hcrc_at] ^ 0xff);
  auto got = gunzip(gz, uint64_t{1} << 32, "h.gz");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::decode);
  EXPECT_FALSE(stream_decode(gz).ok());
}

TEST(Gunzip, TruncatedIsAnErrorNamingTheInput) {
  std::string gz = gzip_member("first\n") + gzip_member(sample_text(100000, 5));
  for (size_t cut : {gz.size() - 1, gz.size() - 8, gz.size() / 2, size_t{30}, size_t{5}}) {
    auto got = gunzip(gz.substr(0, cut), uint64_t{1} << 32, "crawl/t.html.gz");
    ASSERT_FALSE(got.ok()) << cut;
    EXPECT_EQ(got.error().code, ErrorCode::decode);
    EXPECT_EQ(got.error().message.rfind("crawl/t.html.gz: gzip member at offset ", 0), 0u)
        << got.error().message;
    EXPECT_NE(got.error().message.find("truncated"), std::string::npos) << got.error().message;
    auto slow = stream_decode(gz.substr(0, cut));
    ASSERT_FALSE(slow.ok());
  }
}

TEST(Gunzip, CorruptCrcIsAnError) {
  std::string text = sample_text(50000, 6);
  std::string gz = gzip_member(text);
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0x01);  // CRC-32, first byte
  auto got = gunzip(gz, uint64_t{1} << 32, "c.gz");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::decode);
  EXPECT_NE(got.error().message.find("c.gz: gzip member at offset 0: corrupt data"),
            std::string::npos)
      << got.error().message;
  EXPECT_NE(got.error().message.find("incorrect data check"), std::string::npos);
}

TEST(Gunzip, CorruptDataInsideASecondMemberNamesItsOffset) {
  std::string a = gzip_member("one\n"), b = gzip_member(sample_text(30000, 8));
  for (size_t i = 40; i < b.size() - 20; i += 7) b[i] = static_cast<char>(b[i] ^ 0x5a);
  auto got = gunzip(a + b, uint64_t{1} << 32, "x.gz");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::decode);
  EXPECT_NE(got.error().message.find("member at offset " + std::to_string(a.size())),
            std::string::npos)
      << got.error().message;
}

TEST(Gunzip, LyingIsizeIsAnErrorAndCostsNoHugeAllocation) {
  std::string text = sample_text(40000, 9);
  for (uint32_t lie : {uint32_t{1}, uint32_t{39999}, uint32_t{40001}, uint32_t{0xffffffff}}) {
    std::string gz = gzip_member(text);
    set_le32(gz, gz.size() - 4, lie);
    auto t0 = std::chrono::steady_clock::now();
    auto got = gunzip(gz, uint64_t{1} << 34, "isize.gz");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_FALSE(got.ok()) << lie;
    EXPECT_EQ(got.error().code, ErrorCode::decode);
    EXPECT_NE(got.error().message.find("incorrect length check"), std::string::npos)
        << got.error().message;
    EXPECT_LT(secs, 2.0);  // a 4 GB claim is clamped to what 40 KB can hold
  }
}

TEST(Gunzip, GzipBombIsTooLargeNotAnAllocation) {
  std::string zeros(64u << 20, '\0');
  std::string gz = gzip_member(zeros);
  ASSERT_LT(gz.size(), 200u * 1024);
  auto got = gunzip(gz, 1u << 20, "bomb.gz");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::too_large);
  EXPECT_EQ(got.error().message, "bomb.gz: more than 1048576 bytes");
  // Across members the limit counts the total.
  std::string two = gzip_member(std::string(600000, 'a')) + gzip_member(std::string(600000, 'b'));
  EXPECT_EQ(gunzip(two, 1u << 20).error().code, ErrorCode::too_large);
  ASSERT_TRUE(gunzip(two, 1200000).ok());
  EXPECT_EQ(gunzip(two, 1199999).error().code, ErrorCode::too_large);
}

TEST(Gunzip, EmptyMemberAndPaddingAndGarbage) {
  auto empty = gunzip(gzip_member(""), 100);
  ASSERT_TRUE(empty.ok()) << empty.error().describe();
  EXPECT_EQ(*empty, "");
  auto padded = gunzip(gzip_member("abc") + std::string(1000, '\0'), 100);
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(*padded, "abc");
  std::string g = gzip_member("abc");
  auto garbage = gunzip(g + "xyz", 100, "g.gz");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().message,
            "g.gz: unexpected bytes after gzip member, at offset " + std::to_string(g.size()));
  EXPECT_FALSE(gunzip("", 100).ok());
  EXPECT_FALSE(gunzip("plain text", 100).ok());
}

TEST(ReadAll, GzipFilesAgreeWithTheStreamingReader) {
  std::string dir = temp_dir("readall-gz");
  std::string text = sample_text(250000, 10);
  std::string gz = gzip_member(text.substr(0, 1000)) + gzip_member(text.substr(1000));
  write_file(dir + "/m.html.gz", gz);
  auto got = read_all(dir + "/m.html.gz");
  ASSERT_TRUE(got.ok()) << got.error().describe();
  EXPECT_EQ(*got, text);
  // Plain and zstd files are read as before.
  write_file(dir + "/p.html", text);
  EXPECT_EQ(read_all(dir + "/p.html").value(), text);
  write_file(dir + "/z.zst", zstd_frame(text));
  EXPECT_EQ(read_all(dir + "/z.zst").value(), text);
  auto small = read_all(dir + "/p.html", 1000);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.error().code, ErrorCode::too_large);
  EXPECT_EQ(small.error().message, dir + "/p.html: more than 1000 bytes");
  EXPECT_EQ(read_all(dir + "/m.html.gz", text.size() - 1).error().code, ErrorCode::too_large);
  EXPECT_TRUE(read_all(dir + "/m.html.gz", text.size()).ok());
}

TEST(ReadAll, EmptyGzFiles) {
  std::string dir = temp_dir("readall-empty");
  write_file(dir + "/zero-bytes.gz", "");
  write_file(dir + "/empty-member.gz", gzip_member(""));
  auto a = read_all(dir + "/zero-bytes.gz");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, "");
  auto b = read_all(dir + "/empty-member.gz");
  ASSERT_TRUE(b.ok()) << b.error().describe();
  EXPECT_EQ(*b, "");
}

TEST(ReadAll, TruncatedAndCorruptFilesGiveTheStreamingReadersErrors) {
  std::string dir = temp_dir("readall-bad");
  std::string gz = gzip_member("kept\n") + gzip_member(sample_text(80000, 11));
  std::string cut = gz.substr(0, gz.size() - 100);
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 0x10);
  for (const auto& [name, data] : std::vector<std::pair<std::string, std::string>>{
           {"/cut.gz", cut}, {"/crc.gz", bad_crc}}) {
    write_file(dir + name, data);
    auto fast = read_all(dir + name);
    ASSERT_FALSE(fast.ok()) << name;
    EXPECT_EQ(fast.error().code, ErrorCode::decode);
    // Same words as the streaming reader, which names the file too.
    auto stream = open_bytes(dir + name);
    ASSERT_TRUE(stream.ok());
    std::string buf(1 << 16, '\0'), last_error;
    for (;;) {
      auto g = (*stream)->read(buf.data(), buf.size());
      if (!g.ok()) {
        last_error = g.error().message;
        break;
      }
      if (*g == 0) break;
    }
    EXPECT_EQ(fast.error().message, last_error);
    EXPECT_EQ(fast.error().message.rfind(dir + name + ": gzip member at offset ", 0), 0u);
  }
}

TEST(LineReader, SplitsLinesAndCountsThem) {
  LineReader lines(bytes_from_memory("a\r\n\nlong line here\nlast"));
  std::string line;
  std::vector<std::pair<uint64_t, std::string>> got;
  for (;;) {
    bool too_long = false;
    auto r = lines.next(line, 8, &too_long);
    ASSERT_TRUE(r.ok());
    if (!*r) break;
    got.emplace_back(lines.line_number(), line + (too_long ? "+" : ""));
  }
  std::vector<std::pair<uint64_t, std::string>> want = {
      {1, "a"}, {2, ""}, {3, "long lin+"}, {4, "last"}};
  EXPECT_EQ(got, want);
}

TEST(LineReader, TruncatedGzipKeepsEveryCompleteLineBeforeTheDamage) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"text\":\"line " + std::to_string(i) + "\"}\n";
  std::string gz = gzip_member(text);
  LineReader lines(bytes_from_memory(gz.substr(0, gz.size() * 2 / 3)));
  std::string line;
  std::vector<std::string> got;
  int errors = 0;
  for (int guard = 0; guard < 100000; ++guard) {
    auto r = lines.next(line, 1 << 20);
    if (!r.ok()) {
      ++errors;
      EXPECT_NE(r.error().message.find("truncated"), std::string::npos);
      continue;
    }
    if (!*r) break;
    got.push_back(line);
  }
  EXPECT_EQ(errors, 1);
  ASSERT_GT(got.size(), 1000u);
  ASSERT_LT(got.size(), 5000u);
  for (size_t i = 0; i < got.size(); ++i)
    ASSERT_EQ(got[i], "{\"text\":\"line " + std::to_string(i) + "\"}");
}

}  // namespace
}  // namespace saring::io

namespace saring::io {
namespace {

using namespace saring::io::testing;

// Incompressible bytes: their gzip member is as large as they are.
std::string noise(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng());
  return s;
}

std::string drain_all(ByteReader& r, size_t chunk, std::vector<std::string>* errors = nullptr) {
  std::string out, buf(chunk, '\0');
  for (int guard = 0; guard < 10000000; ++guard) {
    auto got = r.read(buf.data(), buf.size());
    if (!got.ok()) {
      if (errors) errors->push_back(got.error().message);
      continue;
    }
    if (*got == 0) break;
    out.append(buf.data(), *got);
  }
  return out;
}

// Members of every size class the gzip ByteReader meets: inside the first
// read-ahead window, needing a wider one, beyond the widest (zlib streams
// them), decoding beyond the fast path's output cap, and empty.
TEST(ByteReaderFastPath, EverySizeClassDecodesWithTheRightMemberOffsets) {
  std::vector<std::string> parts = {sample_text(1000, 1), noise(600 * 1024, 2), "",
                                    noise(5 * 1024 * 1024, 3), std::string(40u << 20, 'z'),
                                    sample_text(300000, 4)};
  std::string gz, want;
  std::vector<std::pair<uint64_t, uint64_t>> bounds;  // (decoded, file offset)
  for (const auto& p : parts) {
    // An empty member shares its decoded offset with the next one, which wins.
    if (!p.empty()) bounds.emplace_back(want.size(), gz.size());
    gz += gzip_member(p);
    want += p;
  }
  std::string dir = temp_dir("fastpath");
  write_file(dir + "/m.gz", gz);
  for (size_t chunk : {size_t{4096}, size_t{1} << 20}) {
    auto r = open_bytes(dir + "/m.gz");
    ASSERT_TRUE(r.ok());
    std::string out, buf(chunk, '\0');
    size_t next = 0;
    for (;;) {
      auto got = (*r)->read(buf.data(), buf.size());
      ASSERT_TRUE(got.ok()) << got.error().message;
      if (*got == 0) break;
      out.append(buf.data(), *got);
      // Offsets asked in increasing order, as the record readers do.
      while (next < bounds.size() && bounds[next].first < out.size()) {
        EXPECT_EQ((*r)->member_offset(bounds[next].first), bounds[next].second) << next;
        ++next;
      }
    }
    EXPECT_TRUE(out == want) << "chunk " << chunk << ": " << out.size() << " vs " << want.size();
  }
}

TEST(ByteReaderFastPath, TruncatedFileOnDiskGivesThePrefixThenOneError) {
  std::string a = sample_text(200000, 5), b = noise(700 * 1024, 6);
  std::string gz = gzip_member(a) + gzip_member(b);
  std::string dir = temp_dir("fastpath-cut");
  for (size_t cut : {gz.size() - 3, gz.size() - 300 * 1024}) {
    write_file(dir + "/c.gz", gz.substr(0, cut));
    auto r = open_bytes(dir + "/c.gz");
    ASSERT_TRUE(r.ok());
    std::vector<std::string> errors;
    std::string out = drain_all(**r, 65536, &errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("truncated"), std::string::npos) << errors[0];
    EXPECT_GE(out.size(), a.size());
    EXPECT_TRUE(out == (a + b).substr(0, out.size()));
  }
}

// HTTP gzip bodies take the fast path when it succeeds and zlib's old,
// more lenient path otherwise (bytes after the member are ignored there).
TEST(InflateAny, FastPathAndOldLeniencyAgree) {
  std::string body = sample_text(90000, 12);
  std::string gz = gzip_member(body);
  for (const std::string& data : {gz, gz + gzip_member("more"), gz + std::string(20, '\0'),
                                  gz + "trailing junk"}) {
    auto got = warc::inflate_any(data, 1u << 20);
    ASSERT_TRUE(got.ok()) << got.error().describe();
    EXPECT_EQ(got->substr(0, body.size()), body);
  }
  EXPECT_FALSE(warc::inflate_any(gz.substr(0, gz.size() - 10), 1u << 20).ok());
  EXPECT_EQ(warc::inflate_any(gz, 1000).error().code, ErrorCode::too_large);
}

TEST(ByteReaderFastPath, CorruptCrcMemberIsReportedAndTheNextSurvives) {
  std::string bad = gzip_member(sample_text(20000, 7));
  bad[bad.size() - 7] = static_cast<char>(bad[bad.size() - 7] ^ 0x40);
  auto r = bytes_from_memory(gzip_member("one\n") + bad + gzip_member("three\n"));
  std::vector<std::string> errors;
  std::string out = drain_all(*r, 1000, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("incorrect data check"), std::string::npos) << errors[0];
  EXPECT_EQ(out.substr(0, 4), "one\n");
  EXPECT_EQ(out.substr(out.size() - 6), "three\n");
}

}  // namespace
}  // namespace saring::io
