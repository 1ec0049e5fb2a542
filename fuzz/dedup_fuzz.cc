// libFuzzer target for the dedup index loader (docs/dedup-format.md): index
// files come from other machines and disks, so arbitrary bytes must give an
// Error, never a crash, hang or huge allocation. Each input is tried as is
// and with its trailing checksum recomputed, so mutations reach the
// structural checks behind the checksum. A file that loads must serialise
// back to its canonical form: the same bytes, less a merged file's decisions
// (a loaded index does not keep them; they follow from the keys).
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "saring/dedup.h"

namespace {

// Little-endian fields of the header (docs/dedup-format.md).
uint64_t field(const std::string& bytes, size_t at, int width) {
  uint64_t v = 0;
  for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

void put_checksum(std::string& bytes) {
  const uint64_t sum = XXH64(bytes.data(), bytes.size(), 0);
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>(sum >> (8 * i)));
}

// A loaded file's bytes without the decisions section (flag bit 2) a merged
// file ends with; sizes were checked by the load.
std::string canonical(const std::string& bytes) {
  constexpr uint64_t kFlagDecisions = 4, kDecisionBytes = 16, kTrailerBytes = 8;
  const uint64_t flags = field(bytes, 28, 4);
  if (!(flags & kFlagDecisions)) return bytes;
  const uint64_t docs = field(bytes, 40, 8);
  std::string out = bytes.substr(0, bytes.size() - kTrailerBytes - docs * kDecisionBytes);
  out[28] = static_cast<char>(flags & ~kFlagDecisions);
  put_checksum(out);
  return out;
}

void try_load(const std::string& bytes) {
  auto index = saring::dedup::NearDupIndex::deserialize(bytes);
  if (!index.ok()) return;
  if (index->serialize() != canonical(bytes)) std::abort();
  (void)index->decisions();
  if (index->size() > 0 && saring::dedup::NearDupIndex::merge(*index, *index).ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  try_load(input);
  if (input.size() >= 88) {
    input.resize(input.size() - 8);
    put_checksum(input);
    try_load(input);
  }
  return 0;
}
