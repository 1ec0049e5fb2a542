#include <gtest/gtest.h>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

TEST(ByteReader, PlainPassesThrough) {
  auto r = bytes_from_memory("hello\nworld\n");
  EXPECT_EQ(r->compression(), Compression::none);
  auto d = drain(*r);
  EXPECT_EQ(d.data, "hello\nworld\n");
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(r->member_offset(6), 6u);
}

TEST(ByteReader, EmptyInputEndsAtOnce) {
  auto r = bytes_from_memory("");
  auto d = drain(*r);
  EXPECT_EQ(d.data, "");
  EXPECT_TRUE(d.errors.empty());
}

TEST(ByteReader, MultiMemberGzipIsOneStreamWithMemberOffsets) {
  std::string a = "first member\n", b = std::string(5000, 'b'), c = "third\n";
  std::string ga = gzip_member(a), gb = gzip_member(b), gc = gzip_member(c);
  auto r = bytes_from_memory(ga + gb + gc);
  EXPECT_EQ(r->compression(), Compression::gzip);
  auto d = drain(*r, 1000);
  EXPECT_EQ(d.data, a + b + c);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(r->member_offset(0), 0u);
  EXPECT_EQ(r->member_offset(a.size()), ga.size());
  EXPECT_EQ(r->member_offset(a.size() + 10), ga.size());
  EXPECT_EQ(r->member_offset(a.size() + b.size()), ga.size() + gb.size());
}

TEST(ByteReader, ZstdFramesAreOneStream) {
  std::string a(100000, 'x'), b = "tail\n";
  auto r = bytes_from_memory(zstd_frame(a) + zstd_frame(b));
  EXPECT_EQ(r->compression(), Compression::zstd);
  auto d = drain(*r, 4096);
  EXPECT_EQ(d.data, a + b);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(r->member_offset(a.size()), zstd_frame(a).size());
}

TEST(ByteReader, TruncatedGzipYieldsReadablePartThenOneError) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i) + "\n";
  std::string whole = gzip_member("intact\n") + gzip_member(text);
  std::string cut = whole.substr(0, whole.size() - 200);
  auto r = bytes_from_memory(cut);
  auto d = drain(*r, 512);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].find("truncated"), std::string::npos) << d.errors[0];
  EXPECT_EQ(d.data.substr(0, 7), "intact\n");
  EXPECT_GT(d.data.size(), 7u);
  EXPECT_LT(d.data.size(), 7 + text.size());
  // Everything delivered is a true prefix of the original.
  EXPECT_EQ(d.data, ("intact\n" + text).substr(0, d.data.size()));
}

TEST(ByteReader, TruncatedZstdYieldsReadablePartThenOneError) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += std::to_string(i * 7919 % 10007) + " ";
  std::string z = zstd_frame(text);
  auto r = bytes_from_memory(z.substr(0, z.size() / 2));
  auto d = drain(*r, 4096);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].find("truncated"), std::string::npos) << d.errors[0];
  EXPECT_EQ(d.data, text.substr(0, d.data.size()));
}

TEST(ByteReader, CorruptMemberIsReportedAndLaterMembersSurvive) {
  std::string bad = gzip_member(std::string(3000, 'q'));
  for (size_t i = 20; i < bad.size() - 10; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
  auto r = bytes_from_memory(gzip_member("one\n") + bad + gzip_member("three\n"));
  auto d = drain(*r, 64);
  EXPECT_GE(d.errors.size(), 1u);
  EXPECT_EQ(d.data.substr(0, 4), "one\n");
  ASSERT_GE(d.data.size(), 10u);
  EXPECT_EQ(d.data.substr(d.data.size() - 6), "three\n");
}

TEST(ByteReader, ZeroPaddingAfterLastMemberIsFine) {
  auto r = bytes_from_memory(gzip_member("abc") + std::string(512, '\0'));
  auto d = drain(*r);
  EXPECT_EQ(d.data, "abc");
  EXPECT_TRUE(d.errors.empty());
}

TEST(ByteReader, GarbageAfterMemberIsReported) {
  auto r = bytes_from_memory(gzip_member("abc") + "not gzip at all");
  auto d = drain(*r);
  EXPECT_EQ(d.data, "abc");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].find("unexpected bytes"), std::string::npos);
}

TEST(ByteReader, OpenMissingFileIsAnIoError) {
  auto r = open_bytes("/nonexistent/saring/file.warc.gz");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::io);
}

TEST(ByteReader, ReadAllFromGzipFileAndLimit) {
  std::string dir = temp_dir("readall");
  write_file(dir + "/a.txt.gz", gzip_member("abcdef") + gzip_member("ghi"));
  auto all = read_all(dir + "/a.txt.gz");
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(*all, "abcdefghi");
  auto limited = read_all(dir + "/a.txt.gz", 4);
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::too_large);
}

TEST(Inputs, FormatFromPath) {
  EXPECT_EQ(format_from_path("x/crawl.warc.gz"), Format::warc);
  EXPECT_EQ(format_from_path("CC.warc.wet.gz"), Format::warc);
  EXPECT_EQ(format_from_path("docs.jsonl.zst"), Format::jsonl);
  EXPECT_EQ(format_from_path("page.HTML"), Format::html);
  EXPECT_EQ(format_from_path("page.htm.gz"), Format::html);
  EXPECT_EQ(format_from_path("dump.txt"), Format::text);
  EXPECT_EQ(format_from_path("README"), Format::automatic);
}

TEST(Inputs, DirectoriesExpandRecursivelyInByteOrder) {
  std::string dir = temp_dir("expand");
  std::filesystem::create_directories(dir + "/b/deeper");
  std::filesystem::create_directories(dir + "/a");
  for (const char* f : {"/b/z.html", "/b/deeper/y.htm", "/a/x.html.gz", "/B.html", "/notes.md",
                        "/.part-00000.jsonl.zst.tmp", "/c.jsonl"})
    write_file(dir + f, "<p>x</p>");
  auto in = expand_inputs({dir});
  ASSERT_TRUE(in.ok()) << in.error().describe();
  std::vector<std::string> got;
  for (const auto& i : *in) got.push_back(i.path.substr(dir.size()));
  std::vector<std::string> want = {"/B.html", "/a/x.html.gz", "/b/deeper/y.htm", "/b/z.html",
                                   "/c.jsonl"};
  EXPECT_EQ(got, want);
  EXPECT_EQ((*in)[4].format, Format::jsonl);
  EXPECT_FALSE(expand_inputs({dir + "/missing"}).ok());
}

TEST(Inputs, HtmlFileIsOneRecordAndEmptyFileIsAnError) {
  std::string dir = temp_dir("html");
  write_file(dir + "/p.html.gz", gzip_member("<html><p>Halo dunia</p></html>"));
  write_file(dir + "/empty.html", "");
  auto r = open_reader({dir + "/p.html.gz", Format::automatic});
  ASSERT_TRUE(r.ok());
  auto items = read_items(**r);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok);
  EXPECT_EQ(items[0].record.raw, "<html><p>Halo dunia</p></html>");
  EXPECT_EQ(items[0].record.kind, RecordKind::html);
  EXPECT_EQ(items[0].record.id, dir + "/p.html.gz");
  auto e = open_reader({dir + "/empty.html", Format::automatic});
  ASSERT_TRUE(e.ok());
  auto eitems = read_items(**e);
  ASSERT_EQ(eitems.size(), 1u);
  EXPECT_FALSE(eitems[0].ok);
  EXPECT_NE(eitems[0].error.find("empty"), std::string::npos);
}

TEST(Inputs, AutomaticFormatSniffsContent) {
  auto w = make_reader(bytes_from_memory(gzip_member(warc_record("conversion", "plain words"))),
                       Format::automatic, "-");
  auto items = read_items(*w);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.kind, RecordKind::text);
  auto j = make_reader(bytes_from_memory("{\"text\":\"a\"}\n"), Format::automatic, "-");
  auto jitems = read_items(*j);
  ASSERT_EQ(jitems.size(), 1u);
  EXPECT_EQ(jitems[0].record.raw, "a");
}

}  // namespace
}  // namespace saring::io
