// Internal: the count pass of corpus mode in `saring run` (pass 1): the text
// records of this run's inputs, counted exactly per (site, line).
#pragma once

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

}  // namespace saring::pipeline
