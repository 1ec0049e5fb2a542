// libFuzzer target for the JSONL reader (and, since compression is sniffed,
// the gzip/zstd byte sources under it): arbitrary bytes as a JSONL input.
// Every call must end without a crash, leak or hang; errors are fine.
#include <cstddef>
#include <cstdint>
#include <string>

#include "saring/io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  saring::io::ReaderOptions options;
  options.max_record_bytes = 1 << 16;
  auto reader = saring::io::make_reader(
      saring::io::bytes_from_memory(std::string(reinterpret_cast<const char*>(data), size)),
      saring::io::Format::jsonl, "fuzz.jsonl", options);
  saring::Record record;
  for (size_t i = 0; i < size + 16; ++i) {
    auto got = reader->next(record);
    if (got.ok() && !*got) break;
  }
  return 0;
}
