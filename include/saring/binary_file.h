// Checksummed binary files: the little-endian fields, the checked reader and
// the atomic writer shared by saring's on-disk formats (the dedup index,
// docs/dedup-format.md, and the corpus line counts, docs/corpus-lines-format.md),
// so no format has its own copy of them.
//
// Every such file is a fixed-size header, sorted sections of fixed-size
// entries, and an 8-byte trailer: XXH64 (seed 0) of everything before it. A
// file is verified whole before anything in it is trusted, and appears under
// its name only once finished (temporary file, fsync, rename).
//
// `kind` names the format in error messages ("dedup index: checksum mismatch").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "saring/result.h"

struct XXH64_state_s;

namespace saring::binary {

constexpr size_t kTrailerBytes = 8;

// Little-endian writing and reading, independent of the host.
inline void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
inline void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
inline uint32_t get_u32(const unsigned char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
inline uint64_t get_u64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

// "KIND: what" as a parse error, and as an I/O error with errno's text.
Error corrupt(std::string_view kind, const std::string& what);
Error io_error(std::string_view kind, const std::string& what);

// One input file, opened read-only. Move-only; closes on destruction.
struct CheckedFile {
  std::string kind, path;
  int fd = -1;
  uint64_t size = 0;

  CheckedFile() = default;
  CheckedFile(const CheckedFile&) = delete;
  CheckedFile& operator=(const CheckedFile&) = delete;
  CheckedFile(CheckedFile&& o) noexcept;
  CheckedFile& operator=(CheckedFile&& o) noexcept;
  ~CheckedFile();

  // `e` with this file's path appended.
  Error with_path(const Error& e) const;
  // Reads `n` bytes at `offset`, all or an error.
  Status read_at(char* buf, size_t n, uint64_t offset) const;
};

// Opens `path`, reads its first `header_bytes` and hands them, with the file
// size, to `check_header` (which decodes the header and checks that it
// accounts for the file's size), then verifies the trailer's checksum in one
// sequential pass. Errors: unreadable, too short, refused by check_header,
// checksum mismatch.
Status open_checked(CheckedFile& file, const std::string& path, std::string_view kind, size_t header_bytes,
                    const std::function<Status(const unsigned char* header, uint64_t size)>& check_header);

// The trailer of `path` (at least min_bytes long) as 16 hex digits, read but
// not verified: names one file's content, e.g. in a run's fingerprint.
Result<std::string> trailer_hex(const std::string& path, std::string_view kind, size_t min_bytes);

// Sequential reads of one section [begin, end) of a file through a buffer.
class SectionReader {
 public:
  SectionReader(const CheckedFile& file, uint64_t begin, uint64_t end)
      : file_(&file), next_(begin), end_(end) {}

  bool at_end() const { return pos_ == buf_.size() && next_ == end_; }

  // The next `n` bytes of the section (valid until the next call).
  Result<const unsigned char*> take(size_t n);

 private:
  const CheckedFile* file_;
  uint64_t next_, end_;
  std::string buf_;
  size_t pos_ = 0;
};

// A file written in order through a buffer and hashed as it goes; it appears
// under its name only when finish() succeeds (a temporary ".NAME.tmp" beside
// it until then, removed when the writer is dropped unfinished).
class ChecksummedWriter {
 public:
  explicit ChecksummedWriter(std::string_view kind) : kind_(kind) {}
  ChecksummedWriter(const ChecksummedWriter&) = delete;
  ChecksummedWriter& operator=(const ChecksummedWriter&) = delete;
  ~ChecksummedWriter();

  Status open(const std::string& path);
  Status append(const void* data, size_t n);
  Status append(const std::string& s) { return append(s.data(), s.size()); }
  // Trailer, fsync, rename.
  Status finish();
  uint64_t written() const { return written_; }

 private:
  Status flush();

  std::string kind_, path_, tmp_;
  int fd_ = -1;
  XXH64_state_s* state_ = nullptr;
  std::string buf_;
  uint64_t written_ = 0;
};

// A k-way merge: each input offers its entries in strictly increasing Key
// order; the merge hands them out in increasing order overall (equal keys of
// different inputs in input order). `read(i, key) -> Result<bool>` reads
// input i's next entry (false at its end); `take(i, key) -> Status` gets it.
template <typename Key, typename Read, typename Take>
Status kway_merge(std::string_view kind, size_t inputs, Read&& read, Take&& take) {
  using Head = std::pair<Key, size_t>;
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heap;
  for (size_t i = 0; i < inputs; ++i) {
    Key key{};
    auto got = read(i, key);
    if (!got.ok()) return got.error();
    if (*got) heap.push({key, i});
  }
  while (!heap.empty()) {
    auto [key, i] = heap.top();
    heap.pop();
    if (auto st = take(i, key); !st.ok()) return st;
    Key next{};
    auto got = read(i, next);
    if (!got.ok()) return got.error();
    if (!*got) continue;
    if (!(key < next)) return corrupt(kind, "entries not sorted");
    heap.push({next, i});
  }
  return ok_status();
}

}  // namespace saring::binary
