#include <gtest/gtest.h>

#include "saring/io.h"
#include "saring/warc.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

const std::string kPage = "<!doctype html><html><head><title>T</title></head><body><p>Selamat pagi</p></body></html>";

// A crawl file with every kind of record a real one holds.
std::vector<std::string> mixed_records() {
  return {
      warc_record("warcinfo", "software: test\r\n", "Content-Type: application/warc-fields\r\n"),
      warc_record("request", "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n",
                  "WARC-Target-URI: https://a.example/\r\n"),
      response("https://a.example/",
               http(200, "Content-Type: text/html; charset=ISO-8859-1\r\n", kPage)),
      warc_record("metadata", "fetchTimeMs: 12\r\n", "WARC-Target-URI: https://a.example/\r\n"),
      response("https://a.example/logo.png", http(200, "Content-Type: image/png\r\n", "\x89PNG....")),
      response("https://a.example/old", http(301, "Location: /new\r\nContent-Type: text/html\r\n", "")),
      warc_record("revisit", "", "WARC-Target-URI: https://a.example/\r\n"),
      warc_record("resource", kPage, "WARC-Target-URI: file:///x.html\r\nContent-Type: text/html\r\n"),
      warc_record("conversion", "Teks yang sudah diekstrak.\nBaris dua.",
                  "WARC-Target-URI: https://a.example/wet\r\nContent-Type: text/plain\r\n",
                  "WARC/1.0"),
  };
}

std::string concat(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x;
  return s;
}

void expect_mixed(const std::vector<Item>& items, const RecordReader& reader) {
  ASSERT_EQ(items.size(), 3u);
  for (const auto& it : items) ASSERT_TRUE(it.ok) << it.error;
  const Record& a = items[0].record;
  EXPECT_EQ(a.url, "https://a.example/");
  EXPECT_EQ(a.raw, kPage);
  EXPECT_EQ(a.kind, RecordKind::html);
  EXPECT_EQ(a.http_status, 200);
  EXPECT_EQ(a.content_type, "text/html");
  EXPECT_EQ(a.http_charset, "iso-8859-1");
  EXPECT_EQ(a.warc_date, "2024-03-01T10:00:00Z");
  EXPECT_EQ(a.id.substr(0, 9), "urn:uuid:");
  EXPECT_EQ(items[1].record.url, "file:///x.html");
  EXPECT_EQ(items[1].record.raw, kPage);
  EXPECT_EQ(items[2].record.kind, RecordKind::text);
  EXPECT_EQ(items[2].record.raw, "Teks yang sudah diekstrak.\nBaris dua.");
  EXPECT_EQ(items[0].where.index, 0u);
  EXPECT_EQ(items[2].where.index, 2u);
  const auto& st = reader.stats();
  EXPECT_EQ(st.records, 3u);
  EXPECT_EQ(st.errors, 0u);
  auto skipped = [&](const std::string& why) -> uint64_t {
    for (const auto& s : st.skipped)
      if (s.first == why) return s.second;
    return 0;
  };
  EXPECT_EQ(skipped("warc-type:warcinfo"), 1u);
  EXPECT_EQ(skipped("warc-type:request"), 1u);
  EXPECT_EQ(skipped("warc-type:metadata"), 1u);
  EXPECT_EQ(skipped("warc-type:revisit"), 1u);
  EXPECT_EQ(skipped("content-type:image/png"), 1u);
  EXPECT_EQ(skipped("http-status:301"), 1u);
}

TEST(Warc, MixedRecordTypesPlain) {
  auto recs = mixed_records();
  auto reader = make_reader(bytes_from_memory(concat(recs)), Format::warc, "mixed.warc");
  auto items = read_items(*reader);
  expect_mixed(items, *reader);
  // Offsets point at the version line of each record.
  size_t off = 0;
  for (size_t i = 0; i < 2; ++i) off += recs[i].size();
  EXPECT_EQ(items[0].where.offset, off);
  EXPECT_EQ(items[0].where.member_offset, off);
}

TEST(Warc, MixedRecordTypesOneGzipMemberPerRecord) {
  auto recs = mixed_records();
  std::string file;
  std::vector<size_t> member_starts;
  for (const auto& r : recs) {
    member_starts.push_back(file.size());
    file += gzip_member(r);
  }
  auto reader = make_reader(bytes_from_memory(file), Format::warc, "mixed.warc.gz");
  auto items = read_items(*reader);
  expect_mixed(items, *reader);
  EXPECT_EQ(items[0].where.member_offset, member_starts[2]);
  EXPECT_EQ(items[1].where.member_offset, member_starts[7]);
  EXPECT_EQ(items[2].where.member_offset, member_starts[8]);
}

TEST(Warc, HeadersAreKeptOnlyWhenAskedFor) {
  const std::string file = concat(mixed_records());
  auto plain = make_reader(bytes_from_memory(file), Format::warc, "mixed.warc");
  auto items = read_items(*plain);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].record.warc_headers.empty());
  EXPECT_TRUE(items[0].record.http_headers.empty());

  ReaderOptions options;
  options.keep_headers = true;
  auto keeping = make_reader(bytes_from_memory(file), Format::warc, "mixed.warc", options);
  items = read_items(*keeping);
  ASSERT_EQ(items.size(), 3u);
  const Record& response = items[0].record;
  ASSERT_FALSE(response.warc_headers.empty());
  EXPECT_EQ(response.warc_headers[0], (std::pair<std::string, std::string>{"WARC-Type", "response"}));
  bool has_uri = false;
  for (const auto& [name, value] : response.warc_headers)
    has_uri |= name == "WARC-Target-URI" && value == "https://a.example/";
  EXPECT_TRUE(has_uri);
  ASSERT_FALSE(response.http_headers.empty());
  EXPECT_EQ(response.http_headers[0].first, "Content-Type");
  EXPECT_EQ(response.http_headers[0].second, "text/html; charset=ISO-8859-1");
  // Resource and conversion records have WARC headers and no HTTP message.
  EXPECT_FALSE(items[1].record.warc_headers.empty());
  EXPECT_TRUE(items[1].record.http_headers.empty());
  EXPECT_TRUE(items[2].record.http_headers.empty());
}

TEST(Warc, WholeFileGzipAndZstd) {
  std::string plain = concat(mixed_records());
  for (const std::string& file : {gzip_member(plain), zstd_frame(plain)}) {
    auto reader = make_reader(bytes_from_memory(file), Format::warc, "whole");
    auto items = read_items(*reader);
    expect_mixed(items, *reader);
  }
}

TEST(Warc, ChunkedAndGzipContentEncodingAreDecoded) {
  std::string body = kPage;
  std::string chunked = "1a\r\n" + body.substr(0, 26) + "\r\n" +
                        "7;ext=1\r\n" + body.substr(26, 7) + "\r\n";
  std::string rest = body.substr(33);
  char hex[16];
  std::snprintf(hex, sizeof hex, "%zx", rest.size());
  chunked += std::string(hex) + "\r\n" + rest + "\r\n0\r\n\r\n";
  std::string gz = gzip_member(body);
  std::string raw_deflate = gzip_member(body, -MAX_WBITS);
  std::string file =
      response("https://c.example/", http(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked)) +
      response("https://g.example/", http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz)) +
      response("https://d.example/", http(200, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", raw_deflate)) +
      // chunked announced but stored de-chunked: kept as stored
      response("https://s.example/", http(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", body));
  auto reader = make_reader(bytes_from_memory(file), Format::warc, "enc.warc");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 4u);
  for (const auto& it : items) {
    ASSERT_TRUE(it.ok) << it.error;
    EXPECT_EQ(it.record.raw, body) << it.record.url;
  }
}

TEST(Warc, BrokenHeaderIsReportedAndTheNextRecordIsRead) {
  std::string good1 = response("https://1.example/", http(200, "Content-Type: text/html\r\n", kPage));
  std::string broken = "WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
  std::string no_length = "WARC/1.1\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  std::string bad_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nxxxxxxxxxxxx\r\n\r\n";
  std::string good2 = response("https://2.example/", http(200, "Content-Type: text/html\r\n", kPage));
  auto reader = make_reader(bytes_from_memory(good1 + broken + no_length + bad_length + good2),
                            Format::warc, "broken.warc");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_FALSE(items[1].ok);
  EXPECT_NE(items[1].error.find("no colon"), std::string::npos) << items[1].error;
  EXPECT_NE(items[1].error.find("broken.warc@" + std::to_string(good1.size())), std::string::npos)
      << items[1].error;
  EXPECT_FALSE(items[2].ok);
  EXPECT_NE(items[2].error.find("Content-Length"), std::string::npos) << items[2].error;
  EXPECT_FALSE(items[3].ok);
  EXPECT_NE(items[3].error.find("Content-Length"), std::string::npos) << items[3].error;
  ASSERT_TRUE(items[4].ok);
  EXPECT_EQ(items[4].record.url, "https://2.example/");
  EXPECT_EQ(items[4].where.index, 4u);
}

TEST(Warc, GarbageBetweenRecordsIsReportedOnce) {
  std::string good = response("https://1.example/", http(200, "Content-Type: text/html\r\n", kPage));
  auto reader = make_reader(bytes_from_memory(good + "junk line\nmore junk\n\x01\x02\n" + good),
                            Format::warc, "junk.warc");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_FALSE(items[1].ok);
  EXPECT_TRUE(items[2].ok);
}

TEST(Warc, TruncatedLastRecordIsReported) {
  std::string good = response("https://1.example/", http(200, "Content-Type: text/html\r\n", kPage));
  std::string last = response("https://2.example/", http(200, "Content-Type: text/html\r\n", kPage));
  auto reader = make_reader(bytes_from_memory(good + last.substr(0, last.size() - 40)),
                            Format::warc, "cut.warc");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].ok);
  EXPECT_FALSE(items[1].ok);
  EXPECT_NE(items[1].error.find("truncated"), std::string::npos) << items[1].error;
  // Truncated inside the header too.
  auto reader2 = make_reader(bytes_from_memory(good + last.substr(0, 30)), Format::warc, "cut2.warc");
  auto items2 = read_items(*reader2);
  ASSERT_EQ(items2.size(), 2u);
  EXPECT_FALSE(items2[1].ok);
}

TEST(Warc, TruncatedGzipFileKeepsEarlierRecords) {
  std::string file;
  for (int i = 0; i < 5; ++i)
    file += gzip_member(response("https://" + std::to_string(i) + ".example/",
                                 http(200, "Content-Type: text/html\r\n", kPage)));
  auto reader = make_reader(bytes_from_memory(file.substr(0, file.size() - 30)), Format::warc, "t.warc.gz");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 5u);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(items[i].ok) << items[i].error;
  EXPECT_FALSE(items[4].ok);
}

TEST(Warc, CorruptGzipMemberIsSkipped) {
  std::vector<std::string> members;
  for (int i = 0; i < 3; ++i)
    members.push_back(gzip_member(response("https://" + std::to_string(i) + ".example/",
                                           http(200, "Content-Type: text/html\r\n", kPage))));
  for (size_t i = 30; i < members[1].size() - 12; ++i) members[1][i] = static_cast<char>(members[1][i] ^ 0x33);
  auto reader = make_reader(bytes_from_memory(members[0] + members[1] + members[2]), Format::warc, "c.warc.gz");
  auto items = read_items(*reader);
  ASSERT_GE(items.size(), 3u);
  EXPECT_TRUE(items.front().ok);
  EXPECT_EQ(items.front().record.url, "https://0.example/");
  ASSERT_TRUE(items.back().ok);
  EXPECT_EQ(items.back().record.url, "https://2.example/");
  size_t errors = 0;
  for (const auto& it : items) errors += !it.ok;
  EXPECT_GE(errors, 1u);
}

TEST(Warc, OversizedRecordIsSkippedWithAnError) {
  ReaderOptions opt;
  opt.max_record_bytes = 100;
  std::string big = response("https://big.example/", http(200, "Content-Type: text/html\r\n", std::string(500, 'x')));
  std::string small = warc_record("conversion", "short text");
  auto reader = make_reader(bytes_from_memory(big + small), Format::warc, "big.warc", opt);
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_NE(items[0].error.find("too_large"), std::string::npos);
  EXPECT_TRUE(items[1].ok);
}

TEST(Warc, SkipReasonsAreBounded) {
  std::string file;
  for (int i = 0; i < 200; ++i)
    file += response("https://t.example/" + std::to_string(i),
                     http(200, "Content-Type: application/x-type-" + std::to_string(i) + "\r\n", "data"));
  auto reader = make_reader(bytes_from_memory(file), Format::warc, "types.warc");
  EXPECT_TRUE(read_items(*reader).empty());
  const auto& skipped = reader->stats().skipped;
  EXPECT_LE(skipped.size(), 64u);
  uint64_t total = 0;
  for (const auto& s : skipped) total += s.second;
  EXPECT_EQ(total, 200u);
}

TEST(Warc, EmptyFileHasNoRecords) {
  auto reader = make_reader(bytes_from_memory(""), Format::warc, "empty.warc");
  EXPECT_TRUE(read_items(*reader).empty());
}

TEST(Warc, PageContainingWarcTextIsNotSplit) {
  std::string body = "<html><body><pre>\nWARC/1.0\nWARC-Type: response\n</pre></body></html>";
  auto reader = make_reader(bytes_from_memory(response("https://w.example/", http(200, "Content-Type: text/html\r\n", body))),
                            Format::warc, "w.warc");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.raw, body);
}

TEST(Http, ContentTypeParsing) {
  std::string t, c;
  warc::parse_content_type("Text/HTML; Charset=\"UTF-8\"", t, c);
  EXPECT_EQ(t, "text/html");
  EXPECT_EQ(c, "utf-8");
  warc::parse_content_type("text/html;foo=bar; charset=windows-1252 ", t, c);
  EXPECT_EQ(c, "windows-1252");
  warc::parse_content_type("", t, c);
  EXPECT_EQ(t, "");
  EXPECT_EQ(c, "");
}

TEST(Http, ChunkedErrors) {
  EXPECT_FALSE(warc::decode_chunked("zz\r\nabc").ok());
  EXPECT_FALSE(warc::decode_chunked("10\r\nabc").ok());
  auto ok = warc::decode_chunked("3\r\nabc\r\n0\r\n\r\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "abc");
}

TEST(Http, StatusLineAndBombLimit) {
  EXPECT_FALSE(warc::parse_http_response("GARBAGE\r\n\r\nx").ok());
  EXPECT_FALSE(warc::parse_http_response("HTTP/1.1 abc\r\n\r\nx").ok());
  warc::HttpOptions opt;
  opt.max_body_bytes = 1000;
  std::string bomb = gzip_member(std::string(100000, 'a'));
  auto r = warc::parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb, opt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::too_large);
  auto br = warc::parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxyz");
  ASSERT_FALSE(br.ok());
  EXPECT_EQ(br.error().code, ErrorCode::unsupported);
}

}  // namespace
}  // namespace saring::io
