// libFuzzer target for the WARC reader's resynchronisation: the fuzz bytes
// are damage inserted between intact records of a crawl file, plain or with
// one gzip member per record (the first byte picks the layout and where the
// damage goes). When the damage cannot itself start a record (it holds no
// "WARC/1.", and in a plain file it ends with a line end), a reader that
// finds its way back must yield every intact record, each once; otherwise
// every call must still end without a crash, leak or runaway memory.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "saring/io.h"

namespace {

constexpr int kRecords = 4;

std::string intact_record(int i) {
  std::string body = "<!doctype html><html><body><p>Halaman " + std::to_string(i) + "</p></body></html>";
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://intact" + std::to_string(i) +
         ".example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

std::string gzip_member(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool gzip = data[0] & 1;
  const int damage_at = (data[0] >> 1) % (kRecords + 1);  // before record damage_at
  std::string damage(reinterpret_cast<const char*>(data) + 1, size - 1);

  static const std::vector<std::string> plain_records = [] {
    std::vector<std::string> v;
    for (int i = 0; i < kRecords; ++i) v.push_back(intact_record(i));
    return v;
  }();
  static const std::vector<std::string> gzip_records = [] {
    std::vector<std::string> v;
    for (const auto& r : plain_records) v.push_back(gzip_member(r));
    return v;
  }();
  std::string file;
  for (int i = 0; i <= kRecords; ++i) {
    if (i == damage_at) file += gzip ? gzip_member(damage) : damage;
    if (i < kRecords) file += gzip ? gzip_records[i] : plain_records[i];
  }

  saring::io::ReaderOptions options;
  options.max_record_bytes = 1 << 20;
  auto reader = saring::io::make_reader(saring::io::bytes_from_memory(file),
                                        saring::io::Format::warc, "fuzz.warc", options);
  std::map<std::string, int> seen;
  saring::Record record;
  bool ended = false;
  // Each call consumes input or ends the stream; the bound only guards a bug.
  for (size_t i = 0; i < file.size() + 16; ++i) {
    auto got = reader->next(record);
    if (got.ok() && !*got) {
      ended = true;
      break;
    }
    if (got.ok()) ++seen[record.url];
  }
  if (!ended) std::abort();  // a reader that never ends

  // At the start of a plain file, damage that opens like gzip or zstd makes
  // the whole file read as compressed.
  const unsigned char first = damage.empty() ? 0 : static_cast<unsigned char>(damage[0]);
  const bool looks_compressed = first == 0x1f || first == 0x28 || (first & 0xf0) == 0x50;
  const bool inert = (damage + "WARC/1.").find("WARC/1.") == damage.size() &&
                     (gzip || damage.empty() || damage.back() == '\n') &&
                     !(!gzip && damage_at == 0 && looks_compressed);
  if (inert)
    for (int i = 0; i < kRecords; ++i)
      if (seen["https://intact" + std::to_string(i) + ".example/"] != 1) std::abort();
  return 0;
}
