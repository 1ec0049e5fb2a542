// Tests for exact and near-duplicate detection, the index file and merging.
// Texts are generated from a fixed pseudo-random word stream, so nothing here
// depends on a page from the evaluation sets.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "saring/dedup.h"

namespace saring::dedup {
namespace {

// Deterministic pseudo-words: consonant-vowel syllables.
std::string make_text(uint32_t seed, size_t words) {
  std::mt19937 rng(seed);
  static const char* cons = "bcdfghjklmnprstvz";
  static const char* vow = "aeiou";
  std::string out;
  for (size_t i = 0; i < words; ++i) {
    if (i) out += (i % 12 == 11) ? ". " : " ";
    size_t syl = 1 + rng() % 3;
    for (size_t s = 0; s < syl; ++s) {
      out.push_back(cons[rng() % 17]);
      out.push_back(vow[rng() % 5]);
    }
  }
  out += ".";
  return out;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> w;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) w.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return w;
}

std::string join(const std::vector<std::string>& w) {
  std::string s;
  for (size_t i = 0; i < w.size(); ++i) s += (i ? " " : "") + w[i];
  return s;
}

// Replaces every `every`-th word with a fresh one.
std::string edit_words(const std::string& text, size_t every) {
  auto w = split_words(text);
  for (size_t i = every / 2; i < w.size(); i += every) w[i] = "zzq" + std::to_string(i);
  return join(w);
}

TEST(Normalize, FineWebStyle) {
  EXPECT_EQ(normalize("  Héllo, WORLD!\n\n 2024-05-01  times\t"), "hello world 0 times");  // "2024-05-01" -> "20240501" -> "0", as datatrove
  EXPECT_EQ(normalize("Ça   va?"), normalize("ca va"));
  EXPECT_EQ(normalize(""), "");
  EXPECT_EQ(normalize("!!! ... ---"), "");
  // Invalid UTF-8 does not crash and yields valid output.
  std::string bad = "abc\xff\xfe def";
  EXPECT_NO_THROW(normalize(bad));
}

// The vectorisable limb arithmetic must give the 128-bit formula's values
// exactly, including at the edges of the ranges (0, p - 1, values with all
// low or high limb bits set).
TEST(MinHashKernel, EqualsTheWideFormula) {
  constexpr uint64_t p = (uint64_t{1} << 61) - 1;
  std::mt19937_64 rng(7);
  std::vector<uint64_t> edge = {0, 1, 2, p - 1, p - 2, 0xFFFFFFFFu, uint64_t{1} << 32,
                                (uint64_t{1} << 61) - 0x100000000u, 0x1FFFFFFF00000000u};
  constexpr uint32_t n = 64;
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint64_t> a(n), b(n);
    std::vector<uint32_t> lo(n), hi(n);
    for (uint32_t i = 0; i < n; ++i) {
      a[i] = (round < 20 && i < edge.size()) ? std::max<uint64_t>(1, edge[i]) : 1 + rng() % (p - 1);
      b[i] = (round < 20 && i < edge.size()) ? edge[(i + round) % edge.size()] : rng() % p;
      lo[i] = static_cast<uint32_t>(a[i]);
      hi[i] = static_cast<uint32_t>(a[i] >> 32);
    }
    uint64_t h = round < 20 ? edge[round % edge.size()] : rng() % p;
    std::vector<uint64_t> mins(n, UINT64_MAX), start(n);
    for (uint32_t i = 0; i < n; ++i) start[i] = mins[i] = (round % 3 == 0) ? UINT64_MAX : rng() % p;
    std::vector<uint64_t> portable = mins;
    // n - round % 4: the vector path's scalar tail is exercised too.
    uint32_t count = n - static_cast<uint32_t>(round % 4);
    detail::update_minimums(lo.data(), hi.data(), b.data(), h, mins.data(), count);
    detail::update_minimums_portable(lo.data(), hi.data(), b.data(), h, portable.data(), count);
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t want = static_cast<uint64_t>((static_cast<unsigned __int128>(a[i]) * h + b[i]) % p);
      if (i >= count) want = start[i];
      ASSERT_EQ(mins[i], std::min(want, start[i])) << "round " << round << " i " << i;
      ASSERT_EQ(portable[i], std::min(want, start[i])) << "round " << round << " i " << i;
    }
  }
}

TEST(Signature, ShapeAndDeterminism) {
  MinHasher h;
  auto text = make_text(1, 300);
  Signature a = h.compute(text);
  Signature b = MinHasher().compute(text);
  ASSERT_EQ(a.minhash.size(), 112u);
  ASSERT_EQ(a.band_keys.size(), 14u);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.band_keys, b.band_keys);
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_EQ(a.shingle_count, 300u - 4u);
  // Empty text: exact hash only.
  Signature e = h.compute("  ...  ");
  EXPECT_TRUE(e.band_keys.empty());
  // A different seed gives different permutations.
  MinHashParams p;
  p.seed = 2;
  EXPECT_NE(MinHasher(p).compute(text).minhash, a.minhash);
}

TEST(Signature, SameResultOnAnyThread) {
  MinHasher h;
  std::vector<std::string> texts;
  for (uint32_t i = 0; i < 16; ++i) texts.push_back(make_text(100 + i, 300));
  std::vector<Signature> serial;
  for (const auto& t : texts) serial.push_back(h.compute(t));
  std::vector<Signature> parallel(texts.size());
  std::vector<std::thread> threads;
  for (size_t k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (size_t i = k; i < texts.size(); i += 4) parallel[i] = h.compute(texts[i]);
    });
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(parallel[i].minhash, serial[i].minhash);
    EXPECT_EQ(parallel[i].band_keys, serial[i].band_keys);
  }
}

TEST(Signature, EstimateTracksExactJaccard) {
  MinHasher h;
  auto base = make_text(7, 600);
  for (size_t every : {40, 12, 6}) {
    auto edited = edit_words(base, every);
    double exact = exact_jaccard(base, edited);
    double est = estimate_jaccard(h.compute(base), h.compute(edited));
    EXPECT_NEAR(est, exact, 0.15) << "every " << every;
  }
  EXPECT_DOUBLE_EQ(exact_jaccard(base, base), 1.0);
  EXPECT_LT(exact_jaccard(base, make_text(8, 600)), 0.05);
}

TEST(Index, ExactNearAndDifferent) {
  MinHasher h;
  NearDupIndex index(h.params());
  auto a = make_text(11, 400);
  auto r1 = index.insert(1, "a", h.compute(a));
  ASSERT_TRUE(r1.ok());
  EXPECT_FALSE(r1->duplicate());

  // Same text, different case/spacing/punctuation: exact.
  std::string a2 = "  " + a + "!!";
  for (auto& c : a2)
    if (c >= 'a' && c <= 'e') c = static_cast<char>(c - 32);
  auto r2 = index.insert(2, "a-copy", h.compute(a2));
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->kind, DupKind::exact);
  EXPECT_EQ(r2->dup_of_id, "a");
  EXPECT_EQ(r2->dup_of_seq, 1u);

  // One word in 50 changed (Jaccard ~0.8): near.
  auto a3 = edit_words(a, 50);
  ASSERT_GT(exact_jaccard(a, a3), 0.75);
  auto r3 = index.insert(3, "a-edit", h.compute(a3));
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(r3->kind, DupKind::near);
  EXPECT_EQ(r3->dup_of_id, "a");

  // Unrelated text: kept.
  auto r4 = index.insert(4, "b", h.compute(make_text(12, 400)));
  ASSERT_TRUE(r4.ok());
  EXPECT_FALSE(r4->duplicate());

  // Heavily edited (Jaccard well under the threshold): kept.
  auto a5 = edit_words(a, 3);
  ASSERT_LT(exact_jaccard(a, a5), 0.3);
  auto r5 = index.insert(5, "a-rewrite", h.compute(a5));
  ASSERT_TRUE(r5.ok());
  EXPECT_FALSE(r5->duplicate());
  EXPECT_EQ(index.size(), 5u);
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(Index, UnspacedScriptText) {
  MinHasher h;
  NearDupIndex index(h.params());
  std::u32string base;
  std::mt19937 rng(3);
  for (int i = 0; i < 400; ++i) base.push_back(0x4E00 + rng() % 2000);
  auto to_utf8 = [](const std::u32string& s) {
    std::string o;
    for (char32_t c : s) {
      o.push_back(static_cast<char>(0xE0 | (c >> 12)));
      o.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      o.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    return o;
  };
  std::u32string edited = base;
  edited[200] = 0x9000;
  ASSERT_TRUE(index.insert(1, "zh", h.compute(to_utf8(base))).ok());
  auto r = index.insert(2, "zh-edit", h.compute(to_utf8(edited)));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, DupKind::near);
}

// Hand-made signatures: exercise the keep-first and chain rules exactly.
Signature sig_with(uint64_t exact, std::vector<uint64_t> bands) {
  Signature s;
  s.exact = ExactHash{exact, exact};
  s.band_keys = std::move(bands);
  return s;
}

TEST(Index, ChainsResolveToTheFirstKeptDocument) {
  MinHashParams p;
  p.num_bands = 3;
  p.rows_per_band = 2;
  NearDupIndex index(p);
  ASSERT_FALSE(index.insert(10, "A", sig_with(1, {100, 101, 102}))->duplicate());
  auto b = index.insert(20, "B", sig_with(2, {100, 201, 202}));  // shares band 0 with A
  EXPECT_EQ(b->dup_of_id, "A");
  auto c = index.insert(30, "C", sig_with(3, {300, 201, 302}));  // shares band 1 with B only
  EXPECT_EQ(c->kind, DupKind::near);
  EXPECT_EQ(c->dup_of_id, "A");
  auto d = index.insert(40, "D", sig_with(2, {900, 901, 902}));  // exact copy of B
  EXPECT_EQ(d->kind, DupKind::exact);
  EXPECT_EQ(d->dup_of_id, "A");
  EXPECT_FALSE(index.insert(50, "E", sig_with(5, {500, 501, 502}))->duplicate());
  auto f = index.insert(60, "F", Signature{ExactHash{6, 6}, {}, {}, 0});  // no bands: exact only
  EXPECT_FALSE(f->duplicate());
}

TEST(Index, RejectsOutOfOrderAndWrongShape) {
  MinHasher h;
  NearDupIndex index(h.params());
  ASSERT_TRUE(index.insert(5, "x", h.compute(make_text(1, 50))).ok());
  auto r = index.insert(5, "y", h.compute(make_text(2, 50)));
  EXPECT_FALSE(r.ok());
  auto r2 = index.insert(6, "y", sig_with(9, {1, 2, 3}));
  EXPECT_FALSE(r2.ok());
  MinHashParams bad;
  bad.num_bands = 0;
  NearDupIndex invalid(bad);
  EXPECT_FALSE(invalid.insert(1, "z", Signature{}).ok());
}

// A corpus with duplicates spread over it: originals, exact copies,
// near copies and unrelated texts.
std::vector<std::string> make_corpus() {
  std::vector<std::string> docs;
  for (uint32_t i = 0; i < 60; ++i) {
    uint32_t base = 1000 + i % 20;  // 20 originals, each reused
    std::string t = make_text(base, 200 + (base % 7) * 30);
    switch (i % 4) {
      case 0: docs.push_back(t); break;
      case 1: docs.push_back(edit_words(t, 60)); break;
      case 2: docs.push_back(make_text(5000 + i, 250)); break;
      case 3: docs.push_back(t + " "); break;
    }
  }
  return docs;
}

TEST(IndexFile, SaveLoadRoundTrip) {
  MinHasher h;
  NearDupIndex index(h.params());
  auto docs = make_corpus();
  for (size_t i = 0; i < docs.size(); ++i)
    ASSERT_TRUE(index.insert(make_seq(0, i), "doc-" + std::to_string(i), h.compute(docs[i])).ok());
  std::string path = ::testing::TempDir() + "/saring_dedup_roundtrip.sdx";
  ASSERT_TRUE(index.save(path).ok());
  auto loaded = NearDupIndex::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  std::remove(path.c_str());
  EXPECT_EQ(loaded->size(), index.size());
  EXPECT_EQ(loaded->serialize(), index.serialize());
  auto d1 = index.decisions(), d2 = loaded->decisions();
  ASSERT_EQ(d1.size(), d2.size());
  size_t dups = 0;
  for (size_t i = 0; i < d1.size(); ++i) {
    EXPECT_EQ(d1[i].seq, d2[i].seq);
    EXPECT_EQ(d1[i].id, d2[i].id);
    EXPECT_EQ(d1[i].verdict.kind, d2[i].verdict.kind);
    EXPECT_EQ(d1[i].verdict.dup_of_id, d2[i].verdict.dup_of_id);
    dups += d1[i].verdict.duplicate();
  }
  EXPECT_GT(dups, 0u);
  // A loaded index keeps working: the next document still finds its original.
  auto next = loaded->insert(make_seq(1, 0), "late-copy", h.compute(docs[0]));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->dup_of_id, "doc-0");
}

TEST(IndexFile, MergingShardsEqualsOneRun) {
  MinHasher h;
  auto docs = make_corpus();
  NearDupIndex one(h.params());
  NearDupIndex shard_a(h.params()), shard_b(h.params()), shard_c(h.params());
  std::vector<Signature> sigs;
  for (const auto& d : docs) sigs.push_back(h.compute(d));
  for (size_t i = 0; i < docs.size(); ++i) {
    uint32_t shard = i < 20 ? 0 : (i < 45 ? 1 : 2);
    uint64_t seq = make_seq(shard, i);
    std::string id = "doc-" + std::to_string(i);
    ASSERT_TRUE(one.insert(seq, id, sigs[i]).ok());
    NearDupIndex& s = shard == 0 ? shard_a : (shard == 1 ? shard_b : shard_c);
    ASSERT_TRUE(s.insert(seq, id, sigs[i]).ok());
  }
  // Shards pass through files, as on separate machines.
  auto ra = NearDupIndex::deserialize(shard_a.serialize());
  auto rb = NearDupIndex::deserialize(shard_b.serialize());
  auto rc = NearDupIndex::deserialize(shard_c.serialize());
  ASSERT_TRUE(ra.ok() && rb.ok() && rc.ok());
  // Merge in a different order than the input: the result must not care.
  auto cb = NearDupIndex::merge(*rc, *rb);
  ASSERT_TRUE(cb.ok());
  auto all = NearDupIndex::merge(*cb, *ra);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->serialize(), one.serialize());
  auto d1 = one.decisions(), d2 = all->decisions();
  ASSERT_EQ(d1.size(), d2.size());
  size_t cross_shard = 0;
  for (size_t i = 0; i < d1.size(); ++i) {
    EXPECT_EQ(d1[i].verdict.kind, d2[i].verdict.kind) << i;
    EXPECT_EQ(d1[i].verdict.dup_of_seq, d2[i].verdict.dup_of_seq) << i;
    if (d1[i].verdict.duplicate() && (d1[i].verdict.dup_of_seq >> 40) != (d1[i].seq >> 40)) ++cross_shard;
  }
  EXPECT_GT(cross_shard, 0u);  // the merge really had to resolve across shards
  // Overlapping shards are refused.
  EXPECT_FALSE(NearDupIndex::merge(*ra, *ra).ok());
  MinHashParams other;
  other.num_bands = 7;
  EXPECT_FALSE(NearDupIndex::merge(*ra, NearDupIndex(other)).ok());
}

std::string read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// Four shard files of make_corpus() (some documents skipped, as a filter
// would), and the index one run over all of them builds.
struct ShardFiles {
  std::vector<std::string> paths;
  NearDupIndex one;
};

ShardFiles write_shard_files(const std::string& prefix) {
  MinHasher h;
  auto docs = make_corpus();
  ShardFiles out{{}, NearDupIndex(h.params())};
  std::vector<NearDupIndex> shards;
  for (int s = 0; s < 4; ++s) shards.emplace_back(h.params());
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i % 11 == 5) continue;  // dropped before dedup
    const uint32_t shard = static_cast<uint32_t>(i * 4 / docs.size());
    const uint64_t seq = make_seq(shard, i % 15);
    const std::string id = "doc-" + std::to_string(i);
    Signature sig = i == 7 ? Signature{h.compute(docs[i]).exact, {}, {}, 0} : h.compute(docs[i]);
    EXPECT_TRUE(out.one.insert(seq, id, sig).ok());
    EXPECT_TRUE(shards[shard].insert(seq, id, sig).ok());
  }
  for (int s = 0; s < 4; ++s) {
    out.paths.push_back(prefix + "-shard" + std::to_string(s) + ".sdx");
    EXPECT_TRUE(shards[s].save(out.paths.back()).ok());
  }
  return out;
}

TEST(IndexFile, StreamingMergeDecidesAsOneRunAndATreeOfMergesWritesTheSameBytes) {
  const std::string dir = ::testing::TempDir() + "/saring_dedup_merge_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  auto shards = write_shard_files(dir + "/m");
  const auto& p = shards.paths;
  // One merge of all four, in a shuffled order.
  auto flat = merge_index_files({p[2], p[0], p[3], p[1]}, dir + "/flat.sdx");
  ASSERT_TRUE(flat.ok()) << flat.error().describe();
  // A tree: (0+1), (2+3), then the two merges.
  ASSERT_TRUE(merge_index_files({p[0], p[1]}, dir + "/a.sdx").ok());
  ASSERT_TRUE(merge_index_files({p[3], p[2]}, dir + "/b.sdx").ok());
  ASSERT_TRUE(merge_index_files({dir + "/b.sdx", dir + "/a.sdx"}, dir + "/tree.sdx").ok());
  // Unbalanced: ((0+1)+2)+3, a merged file merged with a shard.
  ASSERT_TRUE(merge_index_files({dir + "/a.sdx", p[2]}, dir + "/c.sdx").ok());
  ASSERT_TRUE(merge_index_files({p[3], dir + "/c.sdx"}, dir + "/chain.sdx").ok());
  const std::string bytes = read_bytes(dir + "/flat.sdx");
  EXPECT_EQ(bytes.size(), flat->output_bytes);
  EXPECT_EQ(read_bytes(dir + "/tree.sdx"), bytes);
  EXPECT_EQ(read_bytes(dir + "/chain.sdx"), bytes);

  // The decisions equal those of one index fed every document in order.
  auto want = shards.one.decisions();
  auto got = read_decisions(dir + "/flat.sdx", 0, UINT64_MAX);
  ASSERT_TRUE(got.ok()) << got.error().describe();
  ASSERT_EQ(got->size(), want.size());
  size_t cross = 0, dups = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ((*got)[i].seq, want[i].seq);
    EXPECT_EQ((*got)[i].id, want[i].id);
    EXPECT_EQ((*got)[i].verdict.kind, want[i].verdict.kind) << want[i].id;
    EXPECT_EQ((*got)[i].verdict.dup_of_id, want[i].verdict.dup_of_id) << want[i].id;
    dups += want[i].verdict.duplicate();
    cross += want[i].verdict.duplicate() && (want[i].verdict.dup_of_seq >> 40) != (want[i].seq >> 40);
  }
  EXPECT_EQ(flat->exact_duplicates + flat->near_duplicates, dups);
  EXPECT_GT(cross, 5u);
  // A loaded merged file is the same index.
  auto loaded = NearDupIndex::load(dir + "/flat.sdx");
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  EXPECT_EQ(loaded->serialize(), shards.one.serialize());

  // One shard's range, from the merged file, names kept documents of earlier shards.
  auto range = read_decisions(dir + "/flat.sdx", make_seq(2, 0), make_seq(3, 0));
  ASSERT_TRUE(range.ok());
  size_t in_range = 0;
  for (const auto& d : want) in_range += (d.seq >> 40) == 2;
  ASSERT_EQ(range->size(), in_range);
  for (const auto& d : *range) EXPECT_EQ(d.seq >> 40, 2u);
  // A shard's own file (no decisions section) is decided on the fly, alone.
  auto local = read_decisions(p[1], 0, UINT64_MAX);
  ASSERT_TRUE(local.ok()) << local.error().describe();
  auto shard1 = NearDupIndex::load(p[1]);
  ASSERT_TRUE(shard1.ok());
  auto local_want = shard1->decisions();
  ASSERT_EQ(local->size(), local_want.size());
  for (size_t i = 0; i < local_want.size(); ++i)
    EXPECT_EQ((*local)[i].verdict.dup_of_id, local_want[i].verdict.dup_of_id);

  // Errors: the same shard twice, other parameters, damage, a missing file.
  EXPECT_FALSE(merge_index_files({p[0], p[0]}, dir + "/x.sdx").ok());
  EXPECT_FALSE(merge_index_files({p[0], dir + "/a.sdx"}, dir + "/x.sdx").ok());
  MinHashParams other;
  other.num_bands = 7;
  ASSERT_TRUE(NearDupIndex(other).save(dir + "/other.sdx").ok());
  EXPECT_FALSE(merge_index_files({p[0], dir + "/other.sdx"}, dir + "/x.sdx").ok());
  std::string damaged = read_bytes(p[1]);
  damaged[damaged.size() / 2] ^= 0x20;
  std::ofstream(dir + "/damaged.sdx", std::ios::binary) << damaged;
  EXPECT_FALSE(merge_index_files({p[0], dir + "/damaged.sdx"}, dir + "/x.sdx").ok());
  EXPECT_FALSE(read_decisions(dir + "/damaged.sdx", 0, UINT64_MAX).ok());
  std::ofstream(dir + "/short.sdx", std::ios::binary) << bytes.substr(0, bytes.size() - 30);
  EXPECT_FALSE(read_decisions(dir + "/short.sdx", 0, UINT64_MAX).ok());
  EXPECT_FALSE(merge_index_files({dir + "/nope.sdx"}, dir + "/x.sdx").ok());
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.sdx"));
  std::filesystem::remove_all(dir);
}

// Found by fuzzing: a merged file of no documents (decisions flag set, empty
// sections) loads as the empty index, whose bytes have no decisions flag.
TEST(IndexFile, MergedFileOfNoDocumentsLoadsAsTheEmptyIndex) {
  MinHasher h;
  NearDupIndex empty(h.params());
  const std::string dir = ::testing::TempDir() + "/saring_dedup_empty_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(empty.save(dir + "/empty.sdx").ok());
  auto merged = merge_index_files({dir + "/empty.sdx"}, dir + "/merged.sdx");
  ASSERT_TRUE(merged.ok()) << merged.error().describe();
  const std::string bytes = read_bytes(dir + "/merged.sdx");
  ASSERT_EQ(bytes.size(), 88u);                     // header and trailer only
  EXPECT_EQ(static_cast<unsigned char>(bytes[28]) & 4, 4);  // the decisions flag
  auto loaded = NearDupIndex::deserialize(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  EXPECT_EQ(loaded->size(), 0u);
  EXPECT_EQ(loaded->serialize(), empty.serialize());
  auto decisions = read_decisions(dir + "/merged.sdx", 0, UINT64_MAX);
  ASSERT_TRUE(decisions.ok()) << decisions.error().describe();
  EXPECT_TRUE(decisions->empty());
  std::filesystem::remove_all(dir);
}

TEST(IndexFile, CorruptFilesGiveErrors) {
  MinHasher h;
  NearDupIndex index(h.params());
  for (uint32_t i = 0; i < 6; ++i) ASSERT_TRUE(index.insert(i, "d" + std::to_string(i), h.compute(make_text(i % 3, 80))).ok());
  const std::string good = index.serialize();
  ASSERT_TRUE(NearDupIndex::deserialize(good).ok());
  EXPECT_FALSE(NearDupIndex::deserialize("").ok());
  EXPECT_FALSE(NearDupIndex::deserialize("SARDEDUP").ok());
  // Every truncation.
  for (size_t n = 0; n < good.size(); n += 7) EXPECT_FALSE(NearDupIndex::deserialize(good.substr(0, n)).ok()) << n;
  // Flipped bytes anywhere (the checksum or a structural check catches them).
  for (size_t i = 0; i < good.size(); i += 5) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto r = NearDupIndex::deserialize(bad);
    EXPECT_FALSE(r.ok()) << "byte " << i;
  }
  // Huge counts in the header must not allocate or crash.
  std::string huge = good;
  for (int k = 0; k < 8; ++k) huge[40 + k] = '\xff';
  EXPECT_FALSE(NearDupIndex::deserialize(huge).ok());
  EXPECT_FALSE(NearDupIndex::load("/nonexistent/dir/x.sdx").ok());
}

}  // namespace
}  // namespace saring::dedup
