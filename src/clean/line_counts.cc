// Exact corpus line counts on disk (saring/line_counts.h,
// docs/corpus-lines-format.md).
//
// One writer (write_entries through binary::ChecksummedWriter) and one parser
// (open_counts) of the format. A count file is a sorted list of (key, count),
// so summing files is a k-way merge that adds the counts of equal keys: the
// sum does not depend on the order or grouping of the inputs, and pruning
// (dropping keys below min_documents) is applied only when writing, to the
// summed counts, never to a partial sum that is merged again (files pruned
// above 1 are refused as merge inputs).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "saring/binary_file.h"
#include "saring/line_counts.h"
#include "vocabulary.h"

namespace saring::clean {

namespace {

using binary::get_u32;
using binary::get_u64;
using binary::put_u32;
using binary::put_u64;

constexpr std::string_view kKind = "line counts";
constexpr char kMagic[8] = {'S', 'A', 'R', 'L', 'I', 'N', 'E', 'S'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kByteOrderMark = 0x01020304;
// The normal form and key of a line (corpus_normal_form, line_key): bump when
// either changes, so files of the old form are refused rather than misread.
constexpr uint32_t kNormalFormVersion = 1;
constexpr size_t kHeaderBytes = 64;
constexpr size_t kEntryBytes = 12;  // key u64, count u32

Error corrupt(const std::string& what) { return binary::corrupt(kKind, what); }

// The header's fields.
struct Header {
  uint32_t body_min_words = 0;  // digits fold to 0 in lines shorter than this (the normal form)
  uint32_t min_documents = 1;
  uint64_t documents = 0, lines = 0;

  std::string encode() const {
    std::string out(kMagic, 8);
    put_u32(out, kVersion);
    put_u32(out, kByteOrderMark);
    put_u32(out, kNormalFormVersion);
    put_u32(out, body_min_words);
    put_u32(out, min_documents);
    put_u32(out, 0);
    put_u64(out, documents);
    put_u64(out, lines);
    put_u64(out, 0);
    put_u64(out, 0);
    return out;
  }

  static Result<Header> decode(const unsigned char* p) {
    if (std::string_view(reinterpret_cast<const char*>(p), 8) != std::string_view(kMagic, 8))
      return corrupt("bad magic (not a saring line-count file)");
    if (uint32_t v = get_u32(p + 8); v != kVersion)
      return make_error(ErrorCode::unsupported, "line counts: version " + std::to_string(v) + " not supported");
    if (get_u32(p + 12) != kByteOrderMark) return corrupt("bad byte-order mark");
    if (get_u32(p + 16) != kNormalFormVersion)
      return make_error(ErrorCode::unsupported, "line counts: made with another normal form of lines");
    Header h;
    h.body_min_words = get_u32(p + 20);
    h.min_documents = get_u32(p + 24);
    h.documents = get_u64(p + 32);
    h.lines = get_u64(p + 40);
    if (get_u32(p + 28) != 0 || get_u64(p + 48) != 0 || get_u64(p + 56) != 0) return corrupt("reserved bits set");
    if (h.min_documents == 0) return corrupt("minimum document count 0");
    if (h.body_min_words != current_body_min_words())
      return make_error(ErrorCode::unsupported, "line counts: made with another normal form of lines (body of " +
                                                    std::to_string(h.body_min_words) + " words)");
    return h;
  }

  static uint32_t current_body_min_words() { return static_cast<uint32_t>(vocab::limits().body_min_words); }
};

// One input: header decoded, size and checksum verified.
struct CountFile : binary::CheckedFile {
  Header header;
  uint64_t entries = 0;
};

Result<CountFile> open_counts(const std::string& path) {
  CountFile f;
  auto st = binary::open_checked(f, path, kKind, kHeaderBytes, [&](const unsigned char* head, uint64_t size) -> Status {
    auto h = Header::decode(head);
    if (!h.ok()) return h.error();
    f.header = *h;
    const uint64_t body = size - kHeaderBytes - binary::kTrailerBytes;
    if (body % kEntryBytes != 0) return corrupt("size is not a whole number of entries (truncated or corrupted)");
    f.entries = body / kEntryBytes;
    return ok_status();
  });
  if (!st.ok()) return st.error();
  return f;
}

LineCountsInfo info_of(const Header& h, uint64_t entries, uint64_t bytes, std::string checksum) {
  LineCountsInfo info;
  info.documents = h.documents;
  info.lines = h.lines;
  info.entries = entries;
  info.min_documents = h.min_documents;
  info.bytes = bytes;
  info.checksum = std::move(checksum);
  return info;
}

// Writes a count file from (key, count) pairs given in increasing key order
// by `produce(emit)`; emit(key, count) drops counts below the header's floor.
template <class Produce>
Result<LineCountsInfo> write_entries(const std::string& path, const Header& header, Produce&& produce) {
  binary::ChecksummedWriter out(kKind);
  if (auto st = out.open(path); !st.ok()) return st.error();
  if (auto st = out.append(header.encode()); !st.ok()) return st.error();
  uint64_t entries = 0;
  std::string entry;
  auto emit = [&](uint64_t key, uint32_t count) -> Status {
    if (count < header.min_documents) return ok_status();
    entry.clear();
    put_u64(entry, key);
    put_u32(entry, count);
    ++entries;
    return out.append(entry);
  };
  if (auto st = produce(emit); !st.ok()) return st.error();
  if (auto st = out.finish(); !st.ok()) return st.error();
  auto checksum = binary::trailer_hex(path, kKind, kHeaderBytes + binary::kTrailerBytes);
  if (!checksum.ok()) return checksum.error();
  return info_of(header, entries, out.written(), *checksum);
}

uint32_t saturating_add(uint32_t a, uint32_t b) { return b > UINT32_MAX - a ? UINT32_MAX : a + b; }

// Sums the entries of opened files into `output`.
Result<LineCountsInfo> merge_files(const std::vector<CountFile>& files, const std::string& output,
                                   uint32_t min_documents) {
  Header merged;
  merged.body_min_words = Header::current_body_min_words();
  merged.min_documents = std::max(min_documents, 1u);
  for (const auto& f : files) {
    merged.documents += f.header.documents;
    merged.lines += f.header.lines;
  }
  return write_entries(output, merged, [&](auto& emit) -> Status {
    std::vector<binary::SectionReader> readers;
    for (const auto& f : files) readers.emplace_back(f, kHeaderBytes, kHeaderBytes + f.entries * kEntryBytes);
    std::vector<uint32_t> counts(files.size());
    uint64_t current = 0;
    uint32_t sum = 0;
    bool open = false;
    auto st = binary::kway_merge<uint64_t>(
        kKind, files.size(),
        [&](size_t i, uint64_t& key) -> Result<bool> {
          if (readers[i].at_end()) return false;
          auto p = readers[i].take(kEntryBytes);
          if (!p.ok()) return p.error();
          key = get_u64(*p);
          counts[i] = get_u32(*p + 8);
          if (counts[i] == 0) return files[i].with_path(corrupt("an entry of count 0"));
          return true;
        },
        [&](size_t i, uint64_t key) -> Status {
          if (open && key != current) {
            if (auto s = emit(current, sum); !s.ok()) return s;
            sum = 0;
          }
          open = true;
          current = key;
          sum = saturating_add(sum, counts[i]);
          return ok_status();
        });
    if (!st.ok()) return st;
    return open ? emit(current, sum) : ok_status();
  });
}

}  // namespace

LineCounter::LineCounter(std::string spill_dir, size_t max_keys_in_memory)
    : spill_dir_(std::move(spill_dir)), max_keys_(std::max<size_t>(max_keys_in_memory, 1)) {}

LineCounter::~LineCounter() {
  std::error_code ec;
  for (const auto& path : spills_) std::filesystem::remove(path, ec);
}

Status LineCounter::add_document(std::string_view text, std::string_view site) {
  return add_keys(document_line_keys(text, site));
}

Status LineCounter::add_keys(const std::vector<uint64_t>& keys) {
  keys_.insert(keys_.end(), keys.begin(), keys.end());
  ++documents_;
  ++spill_documents_;
  lines_ += keys.size();
  spill_lines_ += keys.size();
  return keys_.size() >= max_keys_ ? spill() : ok_status();
}

Status LineCounter::spill() {
  // Named by this object's address and number: counters spilling into one
  // folder at once never share a name.
  char name[64];
  std::snprintf(name, sizeof name, "corpus-spill-%llx-%05zu.scx",
                static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(this)), spills_.size());
  std::string path = (spill_dir_.empty() ? std::string(".") : spill_dir_) + "/" + name;
  std::sort(keys_.begin(), keys_.end());
  Header h;
  h.body_min_words = Header::current_body_min_words();
  h.documents = spill_documents_;
  h.lines = spill_lines_;
  spills_.push_back(path);  // before writing: removed by the destructor whatever happens
  auto written = write_entries(path, h, [&](auto& emit) -> Status {
    for (size_t i = 0; i < keys_.size();) {
      size_t j = i;
      while (j < keys_.size() && keys_[j] == keys_[i]) ++j;
      if (auto st = emit(keys_[i], static_cast<uint32_t>(std::min<size_t>(j - i, UINT32_MAX))); !st.ok()) return st;
      i = j;
    }
    return ok_status();
  });
  if (!written.ok()) return written.error();
  keys_.clear();
  keys_.shrink_to_fit();
  spill_documents_ = spill_lines_ = 0;
  return ok_status();
}

Result<LineCountsInfo> LineCounter::finish(const std::string& output, uint32_t min_documents) {
  // Everything goes through sorted runs and one merge, so the file is the
  // same whatever the memory bound was.
  if (!keys_.empty() || spills_.empty())
    if (auto st = spill(); !st.ok()) return st.error();
  std::vector<CountFile> files;
  for (const auto& path : spills_) {
    auto f = open_counts(path);
    if (!f.ok()) return f.error();
    files.push_back(std::move(f.value()));
  }
  auto info = merge_files(files, output, min_documents);
  files.clear();
  std::error_code ec;
  for (const auto& path : spills_) std::filesystem::remove(path, ec);
  spills_.clear();
  return info;
}

Result<LineCountsInfo> merge_line_count_files(const std::vector<std::string>& inputs, const std::string& output,
                                              uint32_t min_documents) {
  if (inputs.empty()) return make_error(ErrorCode::invalid_input, "line counts: no file to merge");
  std::vector<CountFile> files;
  for (const auto& path : inputs) {
    auto f = open_counts(path);
    if (!f.ok()) return f.error();
    if (f->header.min_documents > 1)
      return make_error(ErrorCode::invalid_input,
                        "line counts: " + path + " keeps only lines of >= " + std::to_string(f->header.min_documents) +
                            " documents, so its counts cannot be summed; merge the files of the shards' count pass");
    files.push_back(std::move(f.value()));
  }
  return merge_files(files, output, min_documents);
}

Result<LineCountsInfo> read_line_counts_info(const std::string& path) {
  auto f = open_counts(path);
  if (!f.ok()) return f.error();
  auto checksum = binary::trailer_hex(path, kKind, kHeaderBytes + binary::kTrailerBytes);
  if (!checksum.ok()) return checksum.error();
  return info_of(f->header, f->entries, f->size, *checksum);
}

Result<CorpusStats> load_line_counts(const std::string& path, uint32_t min_documents, LineCountsInfo* info) {
  auto f = open_counts(path);
  if (!f.ok()) return f.error();
  if (f->header.min_documents > min_documents)
    return make_error(ErrorCode::invalid_input,
                      "line counts: " + path + " keeps only lines of >= " + std::to_string(f->header.min_documents) +
                          " documents, but lines of >= " + std::to_string(min_documents) +
                          " are boilerplate in this run (merge again with a lower minimum)");
  // Twice the entries: the table stays under its load limit and never prunes.
  CorpusStats stats(std::max<size_t>(2 * f->entries + 2, 1024));
  binary::SectionReader reader(*f, kHeaderBytes, kHeaderBytes + f->entries * kEntryBytes);
  uint64_t previous = 0;
  for (uint64_t e = 0; e < f->entries; ++e) {
    auto p = reader.take(kEntryBytes);
    if (!p.ok()) return p.error();
    const uint64_t key = get_u64(*p);
    const uint32_t count = get_u32(*p + 8);
    if ((e > 0 && key <= previous) || key == 0 || count == 0) return f->with_path(corrupt("bad or unsorted entry"));
    previous = key;
    stats.add_key(key, count);
  }
  if (info) {
    auto checksum = binary::trailer_hex(path, kKind, kHeaderBytes + binary::kTrailerBytes);
    if (!checksum.ok()) return checksum.error();
    *info = info_of(f->header, f->entries, f->size, *checksum);
  }
  return stats;
}

}  // namespace saring::clean
