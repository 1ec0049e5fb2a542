#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;
namespace fs = std::filesystem;

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string line_for(int i) {
  JsonWriter w;
  w.begin_object();
  w.key("id");
  w.integer(i);
  w.key("text");
  w.string("dokumen nomor " + std::to_string(i) + " " + std::string(static_cast<size_t>(i % 50), 'x'));
  w.end_object();
  return w.take();
}

TEST(ShardedWriter, ShardsBySizeAndEveryShardReadsBack) {
  std::string dir = temp_dir("shards");
  ShardOptions opt;
  opt.dir = dir + "/out";
  opt.max_shard_bytes = 2000;
  auto w = ShardedWriter::create(opt);
  ASSERT_TRUE(w.ok());
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    std::string line = line_for(i);
    expected += line + "\n";
    ASSERT_TRUE((*w)->write_line(line).ok());
  }
  auto last = (*w)->finish_shard();
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(last->has_value());
  const auto& shards = (*w)->finished();
  ASSERT_GT(shards.size(), 3u);
  std::string got;
  uint64_t records = 0;
  for (size_t i = 0; i < shards.size(); ++i) {
    EXPECT_EQ(shards[i].index, i);
    EXPECT_EQ(shards[i].name, (*w)->shard_name(static_cast<uint32_t>(i)));
    if (i + 1 < shards.size()) {
      EXPECT_GE(shards[i].bytes, opt.max_shard_bytes);
    }
    auto all = read_all(opt.dir + "/" + shards[i].name);
    ASSERT_TRUE(all.ok()) << all.error().describe();
    EXPECT_EQ(all->size(), shards[i].bytes);
    got += *all;
    records += shards[i].records;
    EXPECT_EQ(fs::file_size(opt.dir + "/" + shards[i].name), shards[i].file_bytes);
  }
  EXPECT_EQ(got, expected);
  EXPECT_EQ(records, 200u);
  EXPECT_EQ(shards[0].name, "part-00000.jsonl.zst");
  for (const auto& name : list_dir(opt.dir)) EXPECT_NE(name[0], '.') << name;
}

TEST(ShardedWriter, UnfinishedShardIsInvisibleAndRemovable) {
  std::string dir = temp_dir("atomic");
  ShardOptions opt;
  opt.dir = dir;
  opt.auto_rotate = false;
  auto w = ShardedWriter::create(opt);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->write_line(line_for(1)).ok());
  auto names = list_dir(dir);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0], ".part-00000.jsonl.zst.tmp");
  // A killed run leaves the temp file; the resumed run removes it.
  write_file(dir + "/.part-00009.jsonl.zst.tmp", "partial");
  auto removed = remove_temp_files(dir);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 2u);
  EXPECT_TRUE(list_dir(dir).empty());
}

TEST(ShardedWriter, SameLinesSameBytesAndResumeNumbering) {
  std::string dir = temp_dir("determinism");
  std::vector<std::string> bytes;
  for (int run = 0; run < 2; ++run) {
    ShardOptions opt;
    opt.dir = dir + "/r" + std::to_string(run);
    opt.auto_rotate = false;
    opt.first_index = 7;
    auto w = ShardedWriter::create(opt);
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 3000; ++i) {
      // Different write patterns must not change the bytes.
      if (run == 1 && i % 100 == 0) {
        ASSERT_FALSE((*w)->full());
      }
      ASSERT_TRUE((*w)->write_line(line_for(i) + std::string(static_cast<size_t>(i % 700), 'y')).ok());
    }
    auto info = (*w)->finish_shard();
    ASSERT_TRUE(info.ok());
    ASSERT_TRUE(info->has_value());
    EXPECT_EQ((*info)->name, "part-00007.jsonl.zst");
    EXPECT_EQ((*w)->next_index(), 8u);
    bytes.push_back(read_file(opt.dir + "/part-00007.jsonl.zst"));
    auto none = (*w)->finish_shard();
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
  }
  EXPECT_EQ(bytes[0], bytes[1]);
}

TEST(ShardedWriter, PlainJsonlExtension) {
  std::string dir = temp_dir("plain");
  ShardOptions opt;
  opt.dir = dir;
  opt.extension = ".jsonl";
  opt.prefix = "rejected-";
  auto w = ShardedWriter::create(opt);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->write_line("{\"a\":1}").ok());
  ASSERT_TRUE((*w)->finish_shard().ok());
  EXPECT_EQ(read_file(dir + "/rejected-00000.jsonl"), "{\"a\":1}\n");
}

TEST(AtomicFile, ReplacesContent) {
  std::string dir = temp_dir("atomicfile");
  ASSERT_TRUE(write_file_atomic(dir + "/stats.json", "{\"v\":1}").ok());
  ASSERT_TRUE(write_file_atomic(dir + "/stats.json", "{\"v\":2}").ok());
  EXPECT_EQ(read_file(dir + "/stats.json"), "{\"v\":2}");
  EXPECT_EQ(list_dir(dir).size(), 1u);
  EXPECT_FALSE(write_file_atomic(dir + "/no/such/dir/x.json", "x").ok());
}

TEST(JsonWriter, EscapesAndParsesBack) {
  JsonWriter w;
  MetaFields f;
  f.set("title", std::string("Judul \"kutip\"\n\ttab \x01 \\ caf\xC3\xA9"));
  f.set("score", 0.1 + 0.2);
  f.set("n", int64_t{-5});
  f.set("ok", true);
  f.set("none", MetaValue{});
  f.set("tags", std::vector<std::string>{"a", "b"});
  f.set("bad", std::string("\xff\xfe"));
  f.set("inf", 1.0 / 0.0);
  f.set("n", int64_t{6});  // replaces in place
  w.fields(f);
  auto j = nlohmann::json::parse(w.str());
  EXPECT_EQ(j["title"], "Judul \"kutip\"\n\ttab \x01 \\ caf\xC3\xA9");
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), 0.1 + 0.2);
  EXPECT_EQ(j["n"], 6);
  EXPECT_EQ(j["ok"], true);
  EXPECT_TRUE(j["none"].is_null());
  EXPECT_EQ(j["tags"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(j["bad"], "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(j["inf"].is_null());
  // Field order is insertion order.
  EXPECT_EQ(w.str().substr(0, 9), "{\"title\":");
  EXPECT_EQ(f.size(), 8u);
}

TEST(JsonWriter, NestedContainersHaveCommasRight) {
  JsonWriter w;
  w.begin_object();
  w.key("a");
  w.begin_array();
  w.integer(1);
  w.begin_object();
  w.key("b");
  w.null();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.key("c");
  w.string("");
  w.end_object();
  EXPECT_EQ(w.str(), "{\"a\":[1,{\"b\":null},[]],\"c\":\"\"}");
}

TEST(Record, AnnotationsAndRejection) {
  Record r;
  EXPECT_FALSE(r.dropped());
  r.annotate("lang", Verdict::keep, "", {{"score", 0.9}});
  EXPECT_FALSE(r.dropped());
  r.annotate("filter", Verdict::drop, "gopher:too-short", {{"words", 12}});
  r.annotate("dedup", Verdict::drop, "duplicate");
  ASSERT_TRUE(r.dropped());
  EXPECT_EQ(r.rejection()->stage, "filter");
  EXPECT_EQ(r.annotations.size(), 3u);
  SourceRef s;
  s.path = "a.jsonl";
  s.line = 4;
  EXPECT_EQ(s.describe(), "a.jsonl:4");
  s.line = 0;
  s.offset = 100;
  s.member_offset = 40;
  EXPECT_EQ(s.describe(), "a.jsonl@40 (decoded offset 100)");
}

}  // namespace
}  // namespace saring::io
