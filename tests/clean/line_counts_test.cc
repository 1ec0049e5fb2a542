// Exact line counts on disk: writing, reading, merging in any grouping,
// spilling, and refusing bad files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "saring/clean.h"
#include "saring/line_counts.h"

namespace fs = std::filesystem;
using namespace saring::clean;

namespace {

class LineCounts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("saring-line-counts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

std::string bytes_of(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Documents of a few sites: lines drawn from a small pool, so many repeat.
struct Doc {
  std::string site, text;
};
std::vector<Doc> corpus(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<Doc> docs;
  for (int i = 0; i < n; ++i) {
    Doc d;
    d.site = "site" + std::to_string(rng() % 3) + ".example";
    const int lines = 1 + static_cast<int>(rng() % 8);
    for (int l = 0; l < lines; ++l) d.text += "line of words number " + std::string(1, 'a' + rng() % 20) + "\n";
    // A line of this document alone (digits would fold to 0 in the normal form).
    std::string name;
    for (int k = i; k > 0 || name.empty(); k /= 26) name.push_back(static_cast<char>('a' + k % 26));
    d.text += "only in document " + name + "\n";
    docs.push_back(d);
  }
  return docs;
}

// Counts `docs` into `out` with a memory bound of `max_keys`.
LineCountsInfo count(const std::vector<Doc>& docs, const std::string& spill_dir, const std::string& out,
                     uint32_t min_documents, size_t max_keys = size_t{1} << 20, size_t* spills = nullptr) {
  LineCounter counter(spill_dir, max_keys);
  for (const auto& d : docs) EXPECT_TRUE(counter.add_document(d.text, d.site).ok());
  if (spills) *spills = counter.spills();
  auto info = counter.finish(out, min_documents);
  EXPECT_TRUE(info.ok()) << info.error().describe();
  return info.ok() ? *info : LineCountsInfo{};
}

}  // namespace

TEST_F(LineCounts, CountsDocumentsPerSiteLikeCorpusStats) {
  auto docs = corpus(200, 1);
  CorpusStats reference;
  for (const auto& d : docs) reference.add_document(d.text, d.site);
  auto info = count(docs, dir_.string(), path("all.scx"), 1);
  EXPECT_EQ(info.documents, 200u);
  EXPECT_EQ(info.min_documents, 1u);
  EXPECT_EQ(info.entries, reference.distinct());
  auto loaded = load_line_counts(path("all.scx"), 3);
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  for (const auto& d : docs) {
    EXPECT_EQ(loaded->count(d.site, "line of words number c"), reference.count(d.site, "line of words number c"));
    EXPECT_EQ(loaded->count(d.site, "LINE of  words number q"), reference.count(d.site, "line of words number q"));
  }
  EXPECT_EQ(loaded->count("nowhere.example", "line of words number c"), 0u);
}

TEST_F(LineCounts, SpillingGivesTheSameFileAsCountingInMemory) {
  auto docs = corpus(300, 2);
  size_t spills = 0;
  count(docs, dir_.string(), path("memory.scx"), 2);
  count(docs, dir_.string(), path("spilled.scx"), 2, 7, &spills);
  EXPECT_GT(spills, 10u);
  EXPECT_EQ(bytes_of(path("memory.scx")), bytes_of(path("spilled.scx")));
  // The spill files are gone.
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().rfind("corpus-spill-", 0), std::string::npos) << e.path();
}

TEST_F(LineCounts, MergingShardsInAnyGroupingEqualsCountingAllAtOnce) {
  auto docs = corpus(240, 3);
  count(docs, dir_.string(), path("one.scx"), 3);
  std::vector<std::vector<Doc>> shards(4);
  for (size_t i = 0; i < docs.size(); ++i) shards[i * 4 / docs.size()].push_back(docs[i]);
  for (size_t s = 0; s < shards.size(); ++s)
    count(shards[s], dir_.string(), path("shard" + std::to_string(s) + ".scx"), 1);
  // One merge of all shards.
  auto flat = merge_line_count_files({path("shard0.scx"), path("shard1.scx"), path("shard2.scx"), path("shard3.scx")},
                                     path("flat.scx"), 3);
  ASSERT_TRUE(flat.ok()) << flat.error().describe();
  // A tree: (3 + 1) and (0 + 2), then both.
  ASSERT_TRUE(merge_line_count_files({path("shard3.scx"), path("shard1.scx")}, path("a.scx"), 1).ok());
  ASSERT_TRUE(merge_line_count_files({path("shard0.scx"), path("shard2.scx")}, path("b.scx"), 1).ok());
  auto tree = merge_line_count_files({path("b.scx"), path("a.scx")}, path("tree.scx"), 3);
  ASSERT_TRUE(tree.ok()) << tree.error().describe();
  EXPECT_EQ(bytes_of(path("one.scx")), bytes_of(path("flat.scx")));
  EXPECT_EQ(bytes_of(path("one.scx")), bytes_of(path("tree.scx")));
  EXPECT_EQ(flat->documents, 240u);
  EXPECT_GT(flat->entries, 0u);
  EXPECT_EQ(flat->checksum, tree->checksum);
  // Only lines of >= 3 documents were kept.
  auto all = merge_line_count_files({path("a.scx"), path("b.scx")}, path("all.scx"), 1);
  ASSERT_TRUE(all.ok());
  EXPECT_LT(flat->entries, all->entries);
}

TEST_F(LineCounts, PrunedFilesAreNotMergedAndNotUsedBelowTheirFloor) {
  auto docs = corpus(50, 4);
  count(docs, dir_.string(), path("pruned.scx"), 4);
  auto merged = merge_line_count_files({path("pruned.scx")}, path("out.scx"), 4);
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.error().message.find("cannot be summed"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("out.scx")));
  EXPECT_FALSE(load_line_counts(path("pruned.scx"), 3).ok());
  EXPECT_TRUE(load_line_counts(path("pruned.scx"), 4).ok());
  EXPECT_TRUE(load_line_counts(path("pruned.scx"), 9).ok());
}

TEST_F(LineCounts, BadOrTruncatedFilesAreClearErrors) {
  count(corpus(30, 5), dir_.string(), path("good.scx"), 1);
  const std::string good = bytes_of(path("good.scx"));
  ASSERT_GT(good.size(), 64u + 8u + 12u);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  };
  auto expect_error = [&](const std::string& file, const std::string& words) {
    auto r = load_line_counts(file, 3);
    ASSERT_FALSE(r.ok()) << file;
    EXPECT_NE(r.error().describe().find(words), std::string::npos) << r.error().describe();
    auto m = merge_line_count_files({file}, path("m.scx"), 1);
    ASSERT_FALSE(m.ok()) << file;
    auto i = read_line_counts_info(file);
    ASSERT_FALSE(i.ok()) << file;
  };
  expect_error(path("missing.scx"), "cannot open");
  expect_error(write("empty.scx", ""), "too short");
  expect_error(write("cut.scx", good.substr(0, good.size() - 5)), "truncated");
  expect_error(write("short.scx", good.substr(0, 40)), "too short");
  std::string flipped = good;
  flipped[64 + 3] ^= 0x40;
  expect_error(write("flipped.scx", flipped), "checksum mismatch");
  std::string magic = good;
  magic[0] = 'X';
  expect_error(write("magic.scx", magic), "not a saring line-count file");
  std::string version = good;
  version[8] = 9;
  expect_error(write("version.scx", version), "version 9");
  // A dedup index or any other file is refused by its magic.
  expect_error(write("text.scx", std::string(200, 'a')), "bad magic");
}

TEST_F(LineCounts, AnEmptyCorpusGivesAnEmptyFile) {
  auto info = count({}, dir_.string(), path("empty.scx"), 3);
  EXPECT_EQ(info.entries, 0u);
  EXPECT_EQ(info.documents, 0u);
  auto loaded = load_line_counts(path("empty.scx"), 3);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->distinct(), 0u);
}
