// Writes synthetic dedup index files, one per shard, for measuring
// `saring dedup merge` at scale without computing signatures: each document
// gets a random exact hash and random band keys; a share of them copies an
// earlier document (any shard) exactly, another share copies some bands
// (near duplicates). Ids are "doc-<n>" (about 10 bytes).
//
//   dedup_index_gen DOCS_PER_SHARD SHARDS OUT_PREFIX   -> OUT_PREFIX-<shard>.sdx
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "saring/dedup.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: dedup_index_gen DOCS_PER_SHARD SHARDS OUT_PREFIX\n");
    return 2;
  }
  const uint64_t per_shard = std::strtoull(argv[1], nullptr, 10);
  const uint32_t shards = static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10));
  const std::string prefix = argv[3];
  saring::dedup::MinHashParams params;
  std::mt19937_64 rng(20261202);
  // Signatures of earlier documents that later ones copy (a bounded pool).
  std::vector<saring::dedup::Signature> pool;
  const size_t kPool = 100000;
  for (uint32_t s = 0; s < shards; ++s) {
    saring::dedup::NearDupIndex index(params);
    for (uint64_t i = 0; i < per_shard; ++i) {
      saring::dedup::Signature sig;
      const uint64_t roll = rng() % 100;
      if (roll < 10 && !pool.empty()) {  // 10 %: exact copy
        sig = pool[rng() % pool.size()];
      } else if (roll < 15 && !pool.empty()) {  // 5 %: near copy (half the bands)
        sig = pool[rng() % pool.size()];
        sig.exact = {rng(), rng()};
        for (uint32_t b = 0; b < params.num_bands; b += 2) sig.band_keys[b] = rng();
      } else {
        sig.exact = {rng(), rng()};
        sig.band_keys.resize(params.num_bands);
        for (auto& k : sig.band_keys) k = rng();
      }
      if (pool.size() < kPool) pool.push_back(sig);
      else pool[rng() % kPool] = sig;
      const uint64_t n = uint64_t{s} * per_shard + i;
      auto v = index.insert(saring::dedup::make_seq(s, i), "doc-" + std::to_string(n), sig);
      if (!v.ok()) {
        std::fprintf(stderr, "%s\n", v.error().describe().c_str());
        return 1;
      }
    }
    const std::string path = prefix + "-" + std::to_string(s) + ".sdx";
    auto st = index.save(path);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.error().describe().c_str());
      return 1;
    }
    std::printf("%s: %llu documents, %zu bytes in memory (%.0f per document)\n", path.c_str(),
                static_cast<unsigned long long>(index.size()), index.memory_bytes(),
                static_cast<double>(index.memory_bytes()) / static_cast<double>(index.size()));
  }
  return 0;
}
