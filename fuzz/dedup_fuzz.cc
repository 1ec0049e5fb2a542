// libFuzzer target for the dedup index loader (docs/dedup-format.md): index
// files come from other machines and disks, so arbitrary bytes must give an
// Error, never a crash, hang or huge allocation. Each input is tried as is
// and with its trailing checksum recomputed, so mutations reach the
// structural checks behind the checksum. A file that loads must serialise
// back to the same bytes.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "saring/dedup.h"

namespace {

void try_load(const std::string& bytes) {
  auto index = saring::dedup::NearDupIndex::deserialize(bytes);
  if (!index.ok()) return;
  if (index->serialize() != bytes) std::abort();  // canonical form round-trips
  (void)index->decisions();
  if (index->size() > 0 && saring::dedup::NearDupIndex::merge(*index, *index).ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  try_load(input);
  if (input.size() >= 88) {
    uint64_t sum = XXH64(input.data(), input.size() - 8, 0);
    for (int i = 0; i < 8; ++i) input[input.size() - 8 + i] = static_cast<char>(sum >> (8 * i));
    try_load(input);
  }
  return 0;
}
