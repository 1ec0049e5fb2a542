// ViewMap (include/saring/view_map.h): equal keys find one entry, different
// keys never share one, at every length around the hash's 4- and 8-byte
// steps and across table growth; and view_hash tells apart keys that differ
// in a single byte at any position.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "saring/view_map.h"

using saring::ViewMap;
using saring::view_hash;

TEST(ViewMap, EqualKeysShareAnEntryAndOthersDoNot) {
  std::vector<std::string> keys;
  for (size_t len = 0; len <= 40; ++len) {
    std::string base(len, 'a');
    keys.push_back(base);
    for (size_t at = 0; at < len; ++at) {  // one byte changed at each position
      std::string k = base;
      k[at] = 'b';
      keys.push_back(k);
    }
  }
  ViewMap<int> map;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto [value, inserted] = map.try_emplace(keys[i]);
    ASSERT_TRUE(inserted) << "'" << keys[i] << "' found before it was added";
    *value = static_cast<int>(i);
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    std::string copy = keys[i];  // another buffer: found by content
    auto [value, inserted] = map.try_emplace(copy);
    EXPECT_FALSE(inserted) << keys[i];
    EXPECT_EQ(*value, static_cast<int>(i)) << keys[i];
  }
}

TEST(ViewMap, HashSeesEveryByte) {
  size_t collisions = 0, pairs = 0;
  for (size_t len = 1; len <= 40; ++len) {
    std::string base;
    for (size_t i = 0; i < len; ++i) base.push_back(static_cast<char>('a' + i % 26));
    std::set<uint64_t> seen{view_hash(base)};
    for (size_t at = 0; at < len; ++at) {
      std::string k = base;
      k[at] = static_cast<char>(k[at] ^ 0x01);
      ++pairs;
      if (!seen.insert(view_hash(k)).second) ++collisions;
    }
  }
  EXPECT_EQ(collisions, 0u) << "of " << pairs << " one-byte changes";
  EXPECT_NE(view_hash("ab"), view_hash(std::string_view("ab\0", 3)));  // length counts
}
