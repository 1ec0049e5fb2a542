// OpenTable (include/saring/open_table.h): the same answers as
// std::unordered_map through growth, with a deliberately poor hash (long
// probe runs that wrap around the table end), for a fixed table, for several
// entries under one key told apart by a match, and after retain_if.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "saring/open_table.h"

namespace {

// Few distinct hashes: keys share probe runs, which wrap past the last slot.
struct CrowdedKeys : saring::OpenTableTraits<uint64_t> {
  static uint64_t hash(uint64_t key) { return key % 7 + 5; }
};
struct IdentityKeys : saring::OpenTableTraits<uint64_t> {
  static uint64_t hash(uint64_t key) { return key; }
};
struct FixedKeys : IdentityKeys {
  static constexpr bool kFixedCapacity = true;
};
struct StringKeys : saring::OpenTableTraits<std::string> {
  static uint64_t hash(const std::string& s) { return std::hash<std::string>{}(s); }
};

template <class Table>
void check_against_map(Table& table, uint64_t key_range, uint64_t seed) {
  std::unordered_map<uint64_t, int> reference;
  std::mt19937_64 rng(seed);
  for (int step = 0; step < 3000; ++step) {
    uint64_t key = 1 + rng() % key_range;
    auto [value, added] = table.try_emplace(key);
    auto [it, ref_added] = reference.try_emplace(key, 0);
    ASSERT_EQ(added, ref_added) << key;
    ASSERT_EQ(*value, it->second) << key;
    *value += 1;
    it->second += 1;
  }
  EXPECT_EQ(table.size(), reference.size());
  EXPECT_LE(table.size() * 2, table.capacity());
  for (uint64_t key = 1; key <= key_range; ++key) {
    const auto* value = std::as_const(table).find(key);
    auto it = reference.find(key);
    ASSERT_EQ(value != nullptr, it != reference.end()) << key;
    if (value) {
      EXPECT_EQ(*value, it->second) << key;
    }
  }
}

TEST(OpenTable, AgreesWithUnorderedMapThroughGrowth) {
  saring::OpenTable<uint64_t, int, IdentityKeys> table(2);
  check_against_map(table, 5000, 1);
  EXPECT_GT(table.capacity(), 2u);
}

TEST(OpenTable, AgreesWithUnorderedMapWhenHashesCollide) {
  saring::OpenTable<uint64_t, int, CrowdedKeys> table(16);
  check_against_map(table, 300, 2);
}

TEST(OpenTable, FixedTableKeepsItsCapacity) {
  saring::OpenTable<uint64_t, int, FixedKeys> table(100);
  ASSERT_EQ(table.capacity(), 128u);
  for (uint64_t key = 1; key <= 127; ++key) *table.try_emplace(key * 1000).first = int(key);
  EXPECT_EQ(table.capacity(), 128u);
  EXPECT_EQ(table.size(), 127u);
  for (uint64_t key = 1; key <= 127; ++key) EXPECT_EQ(*table.find(key * 1000), int(key));
  EXPECT_EQ(table.find(5), nullptr);
}

TEST(OpenTable, StringKeysCompareByContent) {
  saring::OpenTable<std::string, unsigned, StringKeys> table;
  const std::vector<std::string> words = {"nav", "footer", "sidebar", "menu", "a", "aa", "aaa"};
  for (size_t i = 0; i < words.size(); ++i) *table.try_emplace(words[i]).first |= 1u << i;
  *table.try_emplace(std::string("nav")).first |= 1u << 10;
  EXPECT_EQ(table.size(), words.size());
  EXPECT_EQ(*table.find("nav"), 1u | (1u << 10));
  EXPECT_EQ(*table.find("aaa"), 1u << 6);
  EXPECT_EQ(table.find("aaaa"), nullptr);
}

TEST(OpenTable, EntriesUnderOneKeyAreToldApartByMatch) {
  saring::OpenTable<uint64_t, uint32_t, CrowdedKeys> table;
  for (uint32_t doc = 0; doc < 40; ++doc) table.insert(CrowdedKeys::hash(doc % 4 + 1), doc % 4 + 1, doc);
  EXPECT_EQ(table.size(), 40u);
  for (uint32_t doc = 0; doc < 40; ++doc) {
    const uint64_t key = doc % 4 + 1;
    const uint32_t* hit = table.find(CrowdedKeys::hash(key),
                                     [&](uint64_t k, uint32_t d) { return k == key && d == doc; });
    ASSERT_NE(hit, nullptr) << doc;
    EXPECT_EQ(*hit, doc);
  }
  EXPECT_EQ(table.find(CrowdedKeys::hash(1), [](uint64_t, uint32_t d) { return d == 99; }), nullptr);
}

TEST(OpenTable, RetainIfKeepsExactlyTheChosenEntries) {
  saring::OpenTable<uint64_t, uint32_t, CrowdedKeys> table(1024);
  for (uint64_t key = 1; key <= 400; ++key) *table.try_emplace(key).first = uint32_t(key % 5);
  table.retain_if([](uint64_t, uint32_t count) { return count >= 3; });
  EXPECT_EQ(table.capacity(), 1024u);
  size_t seen = 0;
  table.for_each([&](uint64_t key, uint32_t count) {
    EXPECT_EQ(count, key % 5);
    EXPECT_GE(count, 3u);
    ++seen;
  });
  EXPECT_EQ(seen, 160u);
  EXPECT_EQ(table.size(), 160u);
  for (uint64_t key = 1; key <= 400; ++key) EXPECT_EQ(table.find(key) != nullptr, key % 5 >= 3) << key;
}

TEST(OpenTable, ClearEmptiesAndKeepsCapacity) {
  saring::OpenTable<uint64_t, int, IdentityKeys> table;
  for (uint64_t key = 1; key <= 100; ++key) table.try_emplace(key);
  const size_t capacity = table.capacity();
  table.clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.capacity(), capacity);
  for (uint64_t key = 1; key <= 100; ++key) EXPECT_EQ(table.find(key), nullptr);
  EXPECT_TRUE(table.try_emplace(3).second);
}

}  // namespace

namespace {

TEST(OpenTable, ResetEmptiesAndResizes) {
  saring::OpenTable<uint64_t, int, FixedKeys> table(1024);
  for (uint64_t key = 1; key <= 300; ++key) table.try_emplace(key);
  table.reset(40);
  EXPECT_EQ(table.capacity(), 64u);
  EXPECT_EQ(table.size(), 0u);
  for (uint64_t key = 1; key <= 300; ++key) EXPECT_EQ(table.find(key), nullptr);
  for (uint64_t key = 1; key <= 30; ++key) *table.try_emplace(key).first = int(key);
  for (uint64_t key = 1; key <= 30; ++key) EXPECT_EQ(*table.find(key), int(key));
}

}  // namespace
