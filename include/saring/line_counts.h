// Exact corpus line counts on disk, for corpus mode across machines.
//
// clean's CorpusStats counts in memory and prunes when full, so its counts
// are lower bounds that depend on the order and grouping of documents. A run
// split into shards must reach the decisions of one run over all documents,
// so here counts are exact: LineCounter keeps the line keys of the documents
// it is given in memory up to a bound, spills them to sorted files beyond it,
// and merges those at the end; merge_line_count_files() sums the counts of
// several files (associative: any tree of merges gives the same file as one
// merge) and keeps, in its final output, only the lines that can matter
// (counted in at least `min_documents` documents). load_line_counts() turns
// such a file into the CorpusStats that clean_document() reads.
//
// The file (docs/corpus-lines-format.md): a 64-byte header (magic, version,
// the normal form's version and parameters, the floor below which counts were
// left out, documents and lines counted), 12-byte entries (64-bit line key,
// 32-bit document count) in increasing key order, and an XXH64 trailer.
//
//   saring::clean::LineCounter counter(spill_dir);
//   for (doc : shard) counter.add_document(doc.text, saring::clean::site_key(doc.url));
//   counter.finish("shard-3.scx", 1);                 // every count, for merging
//   saring::clean::merge_line_count_files({"shard-0.scx", ...}, "lines.scx", 3);
//   auto stats = saring::clean::load_line_counts("lines.scx", 3);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "saring/clean.h"
#include "saring/result.h"

namespace saring::clean {

// What a line-count file holds.
struct LineCountsInfo {
  uint64_t documents = 0;      // documents counted
  uint64_t lines = 0;          // distinct lines per document, summed
  uint64_t entries = 0;        // (site, line) keys in the file
  uint32_t min_documents = 1;  // keys counted in fewer documents were left out
  uint64_t bytes = 0;          // file size
  std::string checksum;        // the trailer, 16 hex digits: names the content
};

// The distinct keys (CorpusStats::line_key of each normalised line) of one
// document of `site`, sorted: what a document adds to the counts. Pure and
// thread-safe, so a parallel reader can compute them before counting.
std::vector<uint64_t> document_line_keys(std::string_view text, std::string_view site);

// Exact counts of a stream of documents, memory bounded: at most
// `max_keys_in_memory` keys (8 bytes each) are held; beyond that they are
// sorted and spilled to files in `spill_dir`, merged by finish(). The file
// finish() writes does not depend on the bound.
class LineCounter {
 public:
  explicit LineCounter(std::string spill_dir, size_t max_keys_in_memory = size_t{1} << 24);
  ~LineCounter();  // removes its spill files
  LineCounter(const LineCounter&) = delete;
  LineCounter& operator=(const LineCounter&) = delete;

  Status add_document(std::string_view text, std::string_view site);
  // The same, from document_line_keys().
  Status add_keys(const std::vector<uint64_t>& keys);

  // Writes the counts to `output` (atomically), keeping the keys counted in
  // at least `min_documents` documents (1: all, for merging later).
  Result<LineCountsInfo> finish(const std::string& output, uint32_t min_documents);

  uint64_t documents() const { return documents_; }
  uint64_t lines() const { return lines_; }
  size_t spills() const { return spills_.size(); }

 private:
  Status spill();

  std::string spill_dir_;
  size_t max_keys_;
  std::vector<uint64_t> keys_;  // one per (document, distinct line), unsorted
  std::vector<std::string> spills_;
  uint64_t documents_ = 0, lines_ = 0;
  uint64_t spill_documents_ = 0, spill_lines_ = 0;  // counted in keys_ since the last spill
};

// Sums the counts of `inputs` (files written with min_documents 1) into
// `output` (atomically), keeping the keys counted in at least
// `min_documents` documents. Streaming: memory is a read buffer per input.
// Errors: no inputs, unreadable, corrupt or truncated files (checksums are
// verified), files of another normal form, inputs already pruned
// (min_documents > 1: their counts would no longer be exact).
Result<LineCountsInfo> merge_line_count_files(const std::vector<std::string>& inputs,
                                              const std::string& output, uint32_t min_documents);

// The header of a line-count file, its checksum verified.
Result<LineCountsInfo> read_line_counts_info(const std::string& path);

// The counts of a file as CorpusStats for clean_document() with
// CleanOptions::corpus_min_documents = `min_documents`. Errors: as
// merge_line_count_files(), and a file pruned above `min_documents` (it lacks
// counts that decision needs).
Result<CorpusStats> load_line_counts(const std::string& path, uint32_t min_documents,
                                     LineCountsInfo* info = nullptr);

}  // namespace saring::clean
