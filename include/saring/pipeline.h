// `saring run`: crawl archives in, a clean deduplicated corpus out.
//
//   inputs --read (io)--> Record --extract (page) or repair (clean)--> text
//          --lang--> keep/drop by language and score
//          --filter--> Gopher, C4, FineWeb rules (C4 may drop lines)
//          --dedup--> exact and MinHash-LSH near duplicates, first one kept
//          --> OUTDIR/part-*.jsonl.zst, OUTDIR/rejected/part-*.jsonl.zst,
//              OUTDIR/stats.json
//
// Determinism: records are taken in batches (a fixed number of items, or a
// byte budget, whichever comes first; both depend only on the data); the
// per-document stages of a batch run on a worker pool in any order; dedup
// and writing then go through the batch in input order. So the output bytes
// are the same for any --threads.
//
// Resumption: commits happen at batch boundaries where an output shard is
// full, and at the end. A commit finishes every open shard (atomically),
// saves the dedup index, and replaces OUTDIR/.saring-journal.json with the
// input position reached. Re-running the same command after a kill reads
// the journal, deletes what was written after the last commit, and goes on
// from there: no record is lost or written twice, and the output is byte for
// byte that of an uninterrupted run. docs/formats.md and docs/cli.md describe
// the files.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "saring/clean.h"
#include "saring/dedup.h"
#include "saring/filter.h"
#include "saring/io.h"
#include "saring/line_counts.h"
#include "saring/page.h"
#include "saring/result.h"

namespace saring::pipeline {

// Everything a run can be told. Defaults are the documented defaults of
// `saring run`.
struct RunOptions {
  // --- inputs and outputs ---
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string output_dir;
  io::Format input_format = io::Format::automatic;
  io::ReaderOptions reader;
  uint32_t shard_index = 0;  // --shard I/N: this run takes the I-th (0-based)
  uint32_t shard_count = 1;  //   contiguous part of the inputs by bytes (io::shard_inputs)
  uint64_t output_shard_bytes = 128ull << 20;  // uncompressed JSONL per shard
  int zstd_level = 3;
  bool write_rejected = true;
  bool rejected_text = true;  // rejected records carry their text (when known)
  bool overwrite = false;     // start afresh even if OUTDIR holds a run

  // --- stages ---
  bool extract_enabled = true;  // HTML records: page::process_page
  page::PageOptions page;
  bool clean_enabled = true;    // text records: clean::clean_document (else kept as is)
  clean::CleanOptions clean;
  // Corpus mode for text records (docs/clean.md, "Corpus mode in saring
  // run"): a first pass counts, per site (URL host), the documents holding
  // each line; the clean stage then removes lines of >= clean.corpus_min_documents
  // documents (cross-document-boilerplate). Counts are exact, so a sharded
  // run given the merged counts decides as one run over all inputs.
  bool corpus = false;
  // The counts to use (a merged file of `saring corpus merge`) instead of
  // counting this run's inputs; needed with --shard I/N, N > 1. Implies corpus.
  std::string corpus_lines;
  // Only count: write this shard's exact counts to OUTDIR/corpus-lines.scx
  // (for `saring corpus merge`) and stop. Implies corpus.
  bool corpus_count_only = false;
  // Line keys (8 bytes each) the count pass holds before spilling sorted
  // runs to OUTDIR/.saring; the counts do not depend on it.
  size_t corpus_memory_keys = size_t{1} << 24;
  bool lang_enabled = true;
  std::vector<std::string> languages;  // keep only these codes; empty = all
  double min_language_score = 0.0;     // drop below this model probability
  std::string model_path;              // "" = lang::default_model_path()
  bool filter_enabled = true;
  filter::FilterOptions filter;
  bool dedup_enabled = true;
  dedup::MinHashParams minhash;        // FineWeb defaults
  dedup::IndexOptions dedup_index;

  // --- running ---
  unsigned threads = 0;                // 0 = all cores
  size_t batch_items = 256;            // per-document work unit (see above)
  uint64_t batch_bytes = 64ull << 20;  // ... or this many raw bytes

  // When it becomes true (a signal handler sets it: Slurm sends SIGTERM
  // before it kills a job), the run commits after the batch being written
  // and returns with RunResult::stopped; the same command resumes it. The
  // records are those of an uninterrupted run; the shards are cut where the
  // stop came instead of where they filled.
  const std::atomic<bool>* stop = nullptr;

  // Test hook: called at "start" (a fresh run's first journal written),
  // "batch" (after each batch is written), "commit:kept" (kept shard renamed,
  // rejected one not yet), "commit:shards" (shards renamed, journal not yet
  // written), "commit:index" (dedup index saved, journal not yet written),
  // "commit:journal" (journal written) and "corpus:spill" (the count pass
  // spilled a sorted run to disk). Kill-and-resume tests raise
  // SIGKILL from here.
  std::function<void(std::string_view point)> test_hook;

  // Asked on the calling thread before each batch is written; true stops
  // the run there as a kill would (what follows the last commit is dropped,
  // the same call resumes) and run() returns an error. Python's Ctrl-C.
  std::function<bool()> stop_requested;
};

// The settings of `options` that change a run's output, as canonical text
// ("key=value" lines in a fixed order). Equal settings give equal text
// whichever way they were set (flags in any order, config file, Python);
// threads, inputs, the output directory and `overwrite` are not part of it.
// A resumed run must have the same fingerprint (and the same inputs).
std::string fingerprint(const RunOptions& options);

// Reads a TOML configuration into `options` (sections [input], [extract],
// [clean], [lang], [filter], [dedup], [output], [run]; docs/cli.md lists
// the keys). Unknown keys are errors.
Status load_config(const std::string& path, RunOptions& options);
// Same, from TOML text (tests).
Status apply_config_text(std::string_view toml_text, RunOptions& options);

// Counters of a run (also what stats.json holds).
struct Counts {
  uint64_t items = 0;         // items read (records + read errors)
  uint64_t kept = 0;
  uint64_t rejected = 0;
  uint64_t raw_bytes = 0;     // bytes of the records' raw content (HTML or text)
  uint64_t html_bytes = 0;    // of which HTML
  uint64_t text_bytes_out = 0;  // bytes of kept text
  // "stage\treason" -> count, sorted by key when written.
  std::vector<std::pair<std::string, uint64_t>> reasons;
  // reader skips ("warc-type:request", ...) -> count
  std::vector<std::pair<std::string, uint64_t>> skipped;
  // stage -> seconds of thread time (read, extract, clean, lang, filter,
  // signature, dedup, write)
  std::vector<std::pair<std::string, double>> seconds;
};

// Where a run is, for a progress line.
struct Progress {
  uint64_t items = 0, kept = 0, rejected = 0;
  uint64_t raw_bytes = 0;
  double elapsed_seconds = 0;   // this process
  uint64_t input_bytes_done = 0;   // on-disk bytes of inputs, approximately
  uint64_t input_bytes_total = 0;  // 0 when unknown (stdin)
  bool resumed = false;
};

// The count pass of corpus mode, as stats.json reports it.
struct CorpusPass {
  bool ran = false;             // corpus mode was on
  bool counted = false;         // this run counted its inputs (not given counts)
  std::string file;             // the counts used (or written, for count-only)
  clean::LineCountsInfo info;   // what the file holds
  uint64_t documents = 0;       // text records counted by this run
  uint64_t lines = 0;           // their distinct lines, summed
  double seconds = 0, cpu_seconds = 0;  // of the count pass (0 when given counts)
};

struct RunResult {
  Counts counts;
  CorpusPass corpus;
  bool resumed = false;       // continued a killed run
  bool already_complete = false;  // OUTDIR already held this run, finished
  bool stopped = false;       // RunOptions::stop: committed part way; run again to finish
  uint64_t read_errors = 0;   // items that could not be read
  // The first few of them, "path@offset: message" (path:line for JSONL), in
  // input order; kept across a kill and resume.
  std::vector<std::string> first_read_errors;
  size_t kept_shards = 0, rejected_shards = 0;
  size_t dedup_index_bytes = 0;
};

// Runs the pipeline. Errors are about the run as a whole (no inputs,
// unusable OUTDIR, a journal from a different command, model missing while
// lang is on, a failing disk); bad records are counted and written to
// rejected/, never an error. `on_progress` (optional) is called from the
// calling thread about twice a second.
Result<RunResult> run(const RunOptions& options,
                      const std::function<void(const Progress&)>& on_progress = {});

// ---- Corpus mode across shards ---------------------------------------------
//
//   saring run --corpus-count-only --shard I/N -o OUTi   (each shard: exact counts)
//   saring corpus merge OUT0 OUT1 ... -o lines.scx       (any grouping; the final
//                                                          merge keeps lines of >= N docs)
//   saring run --shard I/N --corpus-lines lines.scx -o OUTi
//
// gives the N shards the clean-stage decisions of one `saring run --corpus`
// over all the inputs.

// The file a count-only run writes, and a one-machine corpus run uses, in OUTDIR.
inline constexpr const char* kCorpusLinesFile = "corpus-lines.scx";

// Sums the counts of count-only runs (their OUTDIRs) or count files into
// `merged`, keeping the lines of >= min_documents documents
// (clean::merge_line_count_files).
Result<clean::LineCountsInfo> merge_corpus_lines(const std::vector<std::string>& outdirs_or_files,
                                                 const std::string& merged, uint32_t min_documents);

// ---- Global deduplication across shards -----------------------------------
//
// Each `saring run --shard I/N` deduplicates within its shard and writes its
// index (OUTDIR/dedup.sdx). Then:
//
//   saring dedup merge OUT0 OUT1 ... -o merged.sdx   (any grouping: a tree of
//                                                      merges gives the same file)
//   saring dedup apply OUTi --merged merged.sdx      (each shard, in parallel)
//
// after which the N output directories together hold the kept and rejected
// documents, with the reasons and dup_of, of one run over all the inputs.

// Merges the indexes of complete runs (their OUTDIRs) or index files
// (merged ones too) into `merged` (dedup::merge_index_files).
Result<dedup::MergeSummary> merge_dedup_indexes(const std::vector<std::string>& outdirs_or_indexes,
                                                const std::string& merged);

struct ApplyOptions {
  std::string output_dir;  // a complete run's OUTDIR
  std::string merged;      // a merged index holding that run's documents
  // Test hook: "apply:staged" (new files written, nothing committed),
  // "apply:committed" (the plan is written, no file moved yet) and
  // "apply:moved" (after the first file is moved into place).
  std::function<void(std::string_view point)> test_hook;
};

struct ApplyResult {
  uint64_t moved = 0;       // kept documents now rejected as duplicates of earlier shards' ones
  uint64_t relabelled = 0;  // rejected duplicates whose reason or dup_of changed
  bool already_applied = false;
  bool resumed = false;     // finished an apply that was killed after its commit
};

// Makes one shard's output agree with the merged decisions: kept documents
// that duplicate a document kept by an earlier shard move to rejected/
// (stage dedup, reason dedup:exact or dedup:near, dup_of), rejected
// duplicates take the reason and dup_of of the global decision, and
// stats.json and the journal count the change. Atomic and resumable: every
// new file is staged first, a plan is committed, then files are moved into
// place; running it again after a kill finishes the plan, and running it
// again after it finished changes nothing.
Result<ApplyResult> apply_dedup(const ApplyOptions& options);

}  // namespace saring::pipeline
