// Internal: the layout of a dedup index file (docs/dedup-format.md), shared
// by the in-memory index (index.cc) and the streaming merge (index_file.cc)
// so the two can never disagree on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "saring/binary_file.h"
#include "saring/dedup.h"

namespace saring::dedup::format {

constexpr uint32_t kNoDoc = std::numeric_limits<uint32_t>::max();
constexpr size_t kHeaderBytes = 80;
constexpr size_t kDocEntryBytes = 12;       // seq u64, id_len u32
constexpr size_t kExactEntryBytes = 24;     // hi u64, lo u64, seq u64
constexpr size_t kBandEntryBytes = 24;      // band u32, reserved u32, key u64, seq u64
constexpr size_t kDecisionEntryBytes = 16;  // root seq u64, kind u32, reserved u32
constexpr size_t kTrailerBytes = binary::kTrailerBytes;  // XXH64 of everything before
constexpr uint64_t kMaxIdBytes = 1u << 20;  // one id, sanity bound

// Little-endian fields (saring/binary_file.h).
using binary::get_u32;
using binary::get_u64;
using binary::put_u32;
using binary::put_u64;

// A band table key: 0 marks an empty slot of the in-memory tables, so key 0
// is looked up as 1. The streaming merge groups band keys the same way.
inline uint64_t table_key(uint64_t key) { return key ? key : 1; }

// The header's fields.
struct Header {
  MinHashParams params;
  IndexOptions options;
  bool has_decisions = false;  // a merged file: one decision per document at the end
  uint64_t doc_count = 0, id_bytes = 0, exact_count = 0, band_count = 0;

  std::string encode() const;  // the 80 header bytes
  // Checks magic, version, byte-order mark, normalisation version, reserved
  // bits and parameters; `p` holds at least kHeaderBytes.
  static Result<Header> decode(const unsigned char* p);
  // The file size these counts give, header and trailer included; false on
  // overflow.
  bool file_size(uint64_t& size) const;

  // Byte offsets of the sections.
  uint64_t docs_at() const { return kHeaderBytes; }
  uint64_t ids_at() const { return docs_at() + doc_count * kDocEntryBytes; }
  uint64_t exact_at() const { return ids_at() + id_bytes; }
  uint64_t bands_at() const { return exact_at() + exact_count * kExactEntryBytes; }
  uint64_t decisions_at() const { return bands_at() + band_count * kBandEntryBytes; }
};

// The name of the format in error messages.
constexpr std::string_view kKind = "dedup index";
inline Error corrupt(const std::string& what) { return binary::corrupt(kKind, what); }

}  // namespace saring::dedup::format
