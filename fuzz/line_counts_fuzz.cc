// libFuzzer target for corpus line-count files (docs/corpus-lines-format.md):
// they come from other machines and disks, so arbitrary bytes must give an
// Error, never a crash, hang or huge allocation. Each input is tried as is
// and with its trailing checksum recomputed, so mutations reach the checks
// behind the checksum. A file that loads must merge with itself (when it
// holds every count) into a file of the same keys, each counted twice.
#include <unistd.h>
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "saring/line_counts.h"

namespace {

void put_checksum(std::string& bytes) {
  const uint64_t sum = XXH64(bytes.data(), bytes.size(), 0);
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>(sum >> (8 * i)));
}

// A file of this process's scratch folder (the API reads and writes files).
std::string scratch(const char* name) {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("saring-line-counts-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  return dir + "/" + name;
}

void try_load(const std::string& bytes) {
  const std::string input = scratch("input.scx");
  std::ofstream(input, std::ios::binary | std::ios::trunc) << bytes;
  using namespace saring::clean;
  LineCountsInfo info;
  auto loaded = load_line_counts(input, UINT32_MAX, &info);
  if (!loaded.ok()) return;
  if (loaded->distinct() != info.entries) std::abort();
  if (info.min_documents != 1) return;
  const std::string output = scratch("merged.scx");
  auto merged = merge_line_count_files({input, input}, output, 1);
  if (!merged.ok() || merged->entries != info.entries || merged->documents != 2 * info.documents) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  try_load(input);
  if (input.size() >= 72) {
    input.resize(input.size() - 8);
    put_checksum(input);
    try_load(input);
  }
  return 0;
}
