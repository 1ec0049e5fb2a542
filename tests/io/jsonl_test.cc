#include <gtest/gtest.h>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

TEST(Jsonl, RecordsAndLineLevelErrors) {
  std::string deep(200, '[');
  std::string file =
      "{\"id\": \"a\", \"url\": \"https://a.example/\", \"text\": \"Halo\\nDunia\", \"extra\": {\"x\": [1,2]}}\n"
      "\n"
      "{\"id\": 42, \"html\": \"<p>caf\\u00e9</p>\", \"text\": \"ignored\"}\n"
      "{\"id\": \"bad\", \"text\": \"unterminated}\n"
      "[1, 2, 3]\n"
      "{\"url\": \"https://n.example/\"}\n"
      "{\"nest\": " + deep + "}\n"
      "{\"text\": \"last\"}";  // no final newline
  auto reader = make_reader(bytes_from_memory(file), Format::jsonl, "docs.jsonl");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 7u);
  ASSERT_TRUE(items[0].ok);
  EXPECT_EQ(items[0].record.id, "a");
  EXPECT_EQ(items[0].record.url, "https://a.example/");
  EXPECT_EQ(items[0].record.raw, "Halo\nDunia");
  EXPECT_EQ(items[0].record.kind, RecordKind::text);
  EXPECT_EQ(items[0].where.line, 1u);
  ASSERT_TRUE(items[1].ok);
  EXPECT_EQ(items[1].record.id, "42");
  EXPECT_EQ(items[1].record.kind, RecordKind::html);
  EXPECT_EQ(items[1].record.raw, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(items[1].where.line, 3u);
  EXPECT_FALSE(items[2].ok);
  EXPECT_NE(items[2].error.find("docs.jsonl:4"), std::string::npos) << items[2].error;
  EXPECT_FALSE(items[3].ok);
  EXPECT_NE(items[3].error.find("not a JSON object"), std::string::npos) << items[3].error;
  EXPECT_FALSE(items[4].ok);
  EXPECT_NE(items[4].error.find("docs.jsonl:6"), std::string::npos);
  EXPECT_NE(items[4].error.find("\"text\""), std::string::npos);
  EXPECT_FALSE(items[5].ok);
  EXPECT_NE(items[5].error.find("nested"), std::string::npos) << items[5].error;
  ASSERT_TRUE(items[6].ok);
  EXPECT_EQ(items[6].record.raw, "last");
  EXPECT_EQ(items[6].where.index, 6u);
  EXPECT_EQ(reader->stats().errors, 4u);
}

TEST(Jsonl, InvalidUtf8LineIsAnError) {
  auto reader = make_reader(bytes_from_memory("{\"text\": \"a\xff\"}\n{\"text\":\"ok\"}\n"),
                            Format::jsonl, "u.jsonl");
  auto items = read_items(*reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_TRUE(items[1].ok);
}

TEST(Jsonl, CompressedFilesAndLongLines) {
  std::string dir = temp_dir("jsonl");
  std::string lines = "{\"text\":\"one\"}\n{\"text\":\"" + std::string(300, 'x') + "\"}\n{\"text\":\"three\"}\n";
  write_file(dir + "/a.jsonl.gz", gzip_member(lines.substr(0, 10)) + gzip_member(lines.substr(10)));
  write_file(dir + "/b.jsonl.zst", zstd_frame(lines));
  ReaderOptions opt;
  opt.max_record_bytes = 100;
  for (const char* name : {"/a.jsonl.gz", "/b.jsonl.zst"}) {
    auto r = open_reader({dir + name, Format::automatic}, opt);
    ASSERT_TRUE(r.ok());
    auto items = read_items(**r);
    ASSERT_EQ(items.size(), 3u) << name;
    EXPECT_EQ(items[0].record.raw, "one");
    EXPECT_FALSE(items[1].ok);
    EXPECT_NE(items[1].error.find("too_large"), std::string::npos);
    EXPECT_EQ(items[2].record.raw, "three");
    EXPECT_EQ(items[2].where.line, 3u);
  }
}

TEST(Jsonl, TruncatedGzipGivesRecordsThenError) {
  std::string lines;
  for (int i = 0; i < 3000; ++i) lines += "{\"id\":" + std::to_string(i) + ",\"text\":\"t" + std::to_string(i * 31) + "\"}\n";
  std::string gz = gzip_member(lines);
  auto reader = make_reader(bytes_from_memory(gz.substr(0, gz.size() / 2)), Format::jsonl, "t.jsonl.gz");
  auto items = read_items(*reader);
  ASSERT_GT(items.size(), 10u);
  size_t errors = 0;
  for (const auto& it : items) errors += !it.ok;
  EXPECT_GE(errors, 1u);
  EXPECT_LE(errors, 2u);  // the cut line, and the truncation itself
  EXPECT_TRUE(items[0].ok);
  EXPECT_FALSE(items.back().ok);
  EXPECT_NE(items.back().error.find("truncated"), std::string::npos) << items.back().error;
}

}  // namespace
}  // namespace saring::io
