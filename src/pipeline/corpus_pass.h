// Internal: the count pass of corpus mode in `saring run` (pass 1): the text
// records of this run's inputs, counted exactly per (site, line).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "saring/io.h"
#include "saring/pipeline.h"

namespace saring::pipeline {

// Counts the text records of `inputs` (the records the clean stage would
// repair: read without error, not HTML, within clean.max_bytes) and writes
// the counts of >= min_documents documents to `output`. Sorted runs spill to
// `spill_dir` (leftovers of a killed pass there are removed first).
Result<CorpusPass> count_corpus_lines(const RunOptions& options, const std::vector<io::Input>& inputs,
                                      unsigned threads, const std::string& spill_dir,
                                      const std::string& output, uint32_t min_documents);

// The counts a corpus-mode run cleans with, and how they were made.
struct CorpusCounts {
  CorpusPass pass;
  std::unique_ptr<clean::CorpusStats> stats;
};

// The counts of RunOptions::corpus_lines, or, without them, of this run's
// inputs, counted into OUTDIR/corpus-lines.scx (one machine only: a shard's
// own counts would not be the global ones, and standard input cannot be read
// twice). Their checksum goes into the run's fingerprint.
Result<CorpusCounts> corpus_counts_for_run(const RunOptions& options, const std::vector<io::Input>& inputs,
                                           unsigned threads, const std::string& output_dir,
                                           const std::string& state_dir);

}  // namespace saring::pipeline
