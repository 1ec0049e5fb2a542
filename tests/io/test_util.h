// Fixture builders for the io tests: gzip members, zstd frames, WARC records
// and HTTP messages, all made in the test so every case says what it holds.
#pragma once

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "saring/io.h"
#include "support/test_support.h"

namespace saring::io::testing {

inline std::string gzip_member(const std::string& data, int window_bits = 16 + MAX_WBITS) {
  return saring::test_support::gzip(data, window_bits);
}

inline std::string zstd_frame(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  if (ZSTD_isError(n)) throw std::runtime_error("zstd");
  out.resize(n);
  return out;
}

inline std::string zstd_decompress_all(const std::string& data) {
  auto r = bytes_from_memory(data);
  std::string out;
  char buf[4096];
  for (;;) {
    auto got = r->read(buf, sizeof buf);
    if (!got.ok()) throw std::runtime_error(got.error().describe());
    if (*got == 0) break;
    out.append(buf, *got);
  }
  return out;
}

// A WARC record with the given type and extra header lines.
inline std::string warc_record(const std::string& type, const std::string& block,
                               const std::string& extra_headers = "",
                               const std::string& version = "WARC/1.1") {
  std::string r = version + "\r\n";
  r += "WARC-Type: " + type + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:" + type + "-" + std::to_string(block.size()) + ">\r\n";
  r += "WARC-Date: 2024-03-01T10:00:00Z\r\n";
  r += extra_headers;
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string response(const std::string& url, const std::string& http) {
  return warc_record("response", http,
                     "WARC-Target-URI: " + url + "\r\nContent-Type: application/http; msgtype=response\r\n");
}

inline std::string http(int status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + headers + "\r\n" + body;
}

// Everything a ByteReader gives, read `chunk` bytes at a time: the bytes, and
// each error's description (reading goes on after an error, as callers do).
struct Drained {
  std::string data;
  std::vector<std::string> errors;
};

inline Drained drain(ByteReader& r, size_t chunk = 7) {
  Drained d;
  std::string buf(chunk, '\0');
  for (int guard = 0; guard < 1000000; ++guard) {
    auto got = r.read(buf.data(), buf.size());
    if (!got.ok()) {
      d.errors.push_back(got.error().describe());
      continue;
    }
    if (*got == 0) break;
    d.data.append(buf.data(), *got);
  }
  return d;
}

// Every item of a reader: records as "R:<url>|<raw>" and errors as "E:<message>".
struct Item {
  bool ok;
  Record record;
  std::string error;
  SourceRef where;
};

inline std::vector<Item> read_items(RecordReader& reader, size_t limit = 10000) {
  std::vector<Item> items;
  for (size_t i = 0; i < limit; ++i) {
    Record rec;
    auto got = reader.next(rec);
    if (got.ok() && !*got) break;
    Item it;
    it.ok = got.ok();
    if (got.ok()) it.record = std::move(rec);
    else it.error = got.error().describe();
    it.where = reader.position();
    items.push_back(std::move(it));
  }
  return items;
}

inline std::string temp_dir(const std::string& name) {
  return saring::test_support::scratch_dir("io", name);
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
}

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

}  // namespace saring::io::testing
