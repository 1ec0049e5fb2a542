// Deduplication: exact (hash of normalised text) and near-duplicate (MinHash
// with LSH banding), keeping the FIRST document in input order.
//
// Defaults are FineWeb's (datatrove MinhashConfig as used for FineWeb):
// 5-word shingles of normalised text, 14 bands x 8 rows = 112 64-bit
// MinHash values. Two documents are near-duplicates when all 8 values of at
// least one band agree, which happens with probability 1-(1-J^8)^14 for
// shingle Jaccard similarity J: ~0.5 at J = 0.72 ((1/14)^(1/8)), 0.92 at 0.8.
//
// The work is split in two so it scales out:
//   1. compute_signature() / MinHasher::compute(): pure, thread-safe, per
//      document, any order, any thread.
//   2. NearDupIndex::insert(): serial, in input order (by a global sequence
//      number), answers "which earlier document does this one duplicate?".
// An index is a file (docs/dedup-format.md). Shards can be indexed apart
// and merged: merge() followed by decisions() gives exactly the answers of
// one run over all documents in sequence order, because every decision is a
// pure function of the documents' keys and their sequence numbers.
//
//   saring::dedup::MinHasher hasher;                 // FineWeb defaults
//   saring::dedup::NearDupIndex index(hasher.params());
//   for (auto& doc : docs_in_input_order) {
//     auto verdict = index.insert(seq++, doc.id, hasher.compute(doc.text));
//     if (verdict && verdict->duplicate()) drop(doc, verdict->dup_of_id);
//   }
//   index.save("shard-3.sdx");
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "saring/result.h"

namespace saring::dedup {

// ---- Normalisation ----------------------------------------------------------

// FineWeb's text normalisation for matching (datatrove simplify_text):
// lowercase; Unicode canonical decomposition with combining marks removed
// (é -> e); punctuation and symbols removed; each run of digits -> "0";
// white space collapsed to one space and trimmed. Valid UTF-8 in and out
// (invalid bytes become U+FFFD first).
std::string normalize(std::string_view text);

// ---- Signatures -------------------------------------------------------------

struct MinHashParams {
  uint32_t shingle_size = 5;    // words per shingle
  uint32_t num_bands = 14;
  uint32_t rows_per_band = 8;   // num_bands * rows_per_band MinHash values
  uint64_t seed = 1;            // derives the hash permutations; same on every shard

  uint32_t num_hashes() const { return num_bands * rows_per_band; }
  // Bands 1..512, rows 1..64, shingle 1..64.
  Status validate() const;
  bool operator==(const MinHashParams&) const = default;
};

// 128-bit hash of the normalised text (XXH3-128).
struct ExactHash {
  uint64_t hi = 0, lo = 0;
  auto operator<=>(const ExactHash&) const = default;
};

// What the index needs of one document.
struct Signature {
  ExactHash exact;
  // One 64-bit key per band (a hash of the band's rows); empty when the
  // normalised text has no words, so the document can only match exactly.
  std::vector<uint64_t> band_keys;
  // The MinHash values themselves (num_hashes()); kept for estimates and
  // tests, not stored in the index file.
  std::vector<uint64_t> minhash;
  size_t shingle_count = 0;
};

// Computes signatures for fixed parameters. Construction derives the
// permutations once; compute() is const and thread-safe.
class MinHasher {
 public:
  explicit MinHasher(MinHashParams params = {});
  const MinHashParams& params() const { return params_; }
  // Normalises `text`, shingles its words (shingle_size consecutive words;
  // a text shorter than that is one shingle) and min-hashes the shingles.
  Signature compute(std::string_view text) const;

 private:
  MinHashParams params_;
  std::vector<uint64_t> a_, b_;  // permutation h -> (a*h + b) mod (2^61 - 1)
  std::vector<uint32_t> a_lo_, a_hi_;  // a_ split in 32-bit halves (minhash.cc)
};

namespace detail {
// The MinHash inner loop (exposed for its test): for i < n,
// mins[i] = min(mins[i], (a_i * h + b_i) mod (2^61 - 1)) where
// a_i = a_hi[i] * 2^32 + a_lo[i] < 2^61 - 1, b[i] < 2^61 - 1, h < 2^61 - 1.
// Uses AVX2 when the CPU has it, else update_minimums_portable (same values).
void update_minimums(const uint32_t* a_lo, const uint32_t* a_hi, const uint64_t* b, uint64_t h,
                     uint64_t* mins, uint32_t n);
void update_minimums_portable(const uint32_t* a_lo, const uint32_t* a_hi, const uint64_t* b,
                              uint64_t h, uint64_t* mins, uint32_t n);
}  // namespace detail

// One-off convenience: MinHasher(params).compute(text).
Signature compute_signature(std::string_view text, const MinHashParams& params = {});

// Estimated Jaccard similarity: share of equal MinHash values.
double estimate_jaccard(const Signature& a, const Signature& b);

// Exact Jaccard similarity of two texts' shingle sets (normalised as above);
// for measurement, not the hot path.
double exact_jaccard(std::string_view a, std::string_view b, uint32_t shingle_size = 5);

// ---- Index -------------------------------------------------------------------

// Global sequence number for (shard, index within shard): sorts shards
// first, then input order within a shard. Shards must be numbered in input
// order (saring run --shard I/N gives the I-th contiguous part).
inline constexpr uint64_t make_seq(uint32_t shard, uint64_t index) {
  return (static_cast<uint64_t>(shard) << 40) | (index & ((uint64_t{1} << 40) - 1));
}

enum class DupKind : uint8_t { none, exact, near };
std::string_view to_string(DupKind kind);  // "none", "exact", "near"

// The answer for one document.
struct Verdict {
  DupKind kind = DupKind::none;
  uint64_t dup_of_seq = 0;   // the KEPT document it duplicates (when kind != none)
  std::string dup_of_id;
  bool duplicate() const { return kind != DupKind::none; }
};

// One document's decision, as listed by NearDupIndex::decisions().
struct Decision {
  uint64_t seq = 0;
  std::string id;
  Verdict verdict;
};

// Which checks run.
struct IndexOptions {
  bool exact = true;
  bool near = true;
};

// The streaming index. Rule, applied in sequence order: a document is an
// exact duplicate when an earlier document has the same ExactHash, else a
// near duplicate when an earlier document shares at least one band key;
// it names the kept document at the root of that earlier one (the earliest
// such document, duplicates resolved to what they duplicate). Every document,
// kept or not, registers its keys, so chains of near-duplicates collapse to
// the first document, much as FineWeb's clustering does.
// Memory: about 0.5 KB per document with default parameters plus its id
// (memory_bytes() reports it).
class NearDupIndex {
 public:
  explicit NearDupIndex(MinHashParams params = {}, IndexOptions options = {});
  ~NearDupIndex();
  NearDupIndex(NearDupIndex&&) noexcept;
  NearDupIndex& operator=(NearDupIndex&&) noexcept;
  NearDupIndex(const NearDupIndex&) = delete;
  NearDupIndex& operator=(const NearDupIndex&) = delete;

  const MinHashParams& params() const;
  const IndexOptions& options() const;

  // Adds one document and returns its verdict. `seq` must be greater than
  // every seq inserted before (input order); `signature` must come from a
  // MinHasher with this index's params. Errors: seq out of order, a
  // signature of the wrong shape.
  Result<Verdict> insert(uint64_t seq, std::string_view id, const Signature& signature);

  size_t size() const;           // documents inserted
  size_t memory_bytes() const;   // approximate heap use

  // Every document's decision in sequence order (recomputed from the keys,
  // so identical for a loaded or merged index).
  std::vector<Decision> decisions() const;

  // Serialises to the documented format (docs/dedup-format.md).
  std::string serialize() const;
  // Writes atomically (temporary file then rename).
  Status save(const std::string& path) const;

  // Parses a serialised index; any truncation, corruption or inconsistency
  // is an Error (ErrorCode::parse / too_large), never a crash.
  static Result<NearDupIndex> deserialize(std::string_view bytes);
  static Result<NearDupIndex> load(const std::string& path);

  // Union of two indexes of disjoint documents (same params and options;
  // errors when a seq appears in both). decisions() of the result equals one
  // run over all their documents in sequence order.
  static Result<NearDupIndex> merge(const NearDupIndex& a, const NearDupIndex& b);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Index files, streamed --------------------------------------------------

// What merge_index_files() did.
struct MergeSummary {
  uint64_t documents = 0;
  uint64_t exact_duplicates = 0, near_duplicates = 0;
  uint64_t output_bytes = 0;
  size_t working_bytes = 0;  // memory of its per-document arrays
};

// Merges index files (per-shard indexes, or earlier merges) into one file at
// `output` (atomically): the union of their documents' keys, in the same
// format, followed by every document's decision (docs/dedup-format.md,
// "Decisions"). The result depends only on the set of documents, so a tree
// of merges writes the same bytes as one merge of all the files, in any
// order. Streaming: sections are k-way merged from the files as they lie on
// disk; memory is about 16 bytes per document plus a read buffer per input.
// Errors: unreadable, corrupt or truncated inputs (checksums are verified),
// different MinHash parameters or options, a sequence number in two inputs.
Result<MergeSummary> merge_index_files(const std::vector<std::string>& inputs, const std::string& output);

// The decisions of the documents whose sequence number lies in
// [seq_begin, seq_end), in sequence order, with the id of the kept document
// each duplicate names. From a merged file they are read (only that range
// and the ids it names); from a file without decisions (one shard's index)
// they are worked out as merge_index_files() would.
Result<std::vector<Decision>> read_decisions(const std::string& path, uint64_t seq_begin, uint64_t seq_end);

// The file's checksum (its last 8 bytes) as 16 hex digits: names one merged
// index, e.g. in what `saring dedup apply` records.
Result<std::string> index_file_checksum(const std::string& path);

}  // namespace saring::dedup
