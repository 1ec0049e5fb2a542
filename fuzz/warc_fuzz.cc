// libFuzzer target for the WARC reader: arbitrary bytes (plain, gzip members
// or zstd frames, since compression is sniffed) go through the record reader,
// and the raw block through the HTTP parser. Every call must end, without a
// crash, leak or hang; errors are fine.
#include <cstddef>
#include <cstdint>
#include <string>

#include "saring/io.h"
#include "saring/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  saring::io::ReaderOptions options;
  options.max_record_bytes = 1 << 20;
  options.keep_non_2xx = size % 2 == 0;
  auto reader = saring::io::make_reader(saring::io::bytes_from_memory(input),
                                        saring::io::Format::warc, "fuzz", options);
  saring::Record record;
  // Each call consumes input or ends the stream; the bound only guards a bug.
  for (size_t i = 0; i < size + 16; ++i) {
    auto got = reader->next(record);
    if (got.ok() && !*got) break;
  }
  saring::warc::HttpOptions http_options;
  http_options.max_body_bytes = 1 << 20;
  (void)saring::warc::parse_http_response(input, http_options);
  (void)saring::warc::decode_chunked(input);
  return 0;
}
