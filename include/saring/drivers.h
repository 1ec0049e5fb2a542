// The drivers of `saring extract` and `saring clean`: whole commands as
// library calls, so the command line, the Python bindings and a distributed
// runner share them (`saring run` is pipeline::run() in saring/pipeline.h).
// Jobs come from saring/options.h. Output goes to a sink in input order; the
// bytes do not depend on the thread count.
//
//   size_t failed = saring::pipeline::extract_pages(
//       job, [](const ExtractInput& in, std::string_view bytes, const Error* e) { ... });
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "saring/options.h"

namespace saring::pipeline {

// The bytes `saring extract` prints for one input in `format`: the text
// (txt, md; followed by a blank line when `several` inputs are printed),
// or the page's record as JSON, compact on one line (jsonl) or indented
// (json), keys in sorted order; a failed input is a {"error", "source",
// "url"} object (nothing for txt and md). The result is consumed: its text
// moves into the output or the record, never copied.
std::string render_page(const ExtractInput& input, Result<page::PageResult>&& result,
                        ExtractFormat format, bool several);

// Receives each input's rendered bytes in input order, on the calling
// thread, with the error when the input failed (null when it did not).
using PageWriter =
    std::function<void(const ExtractInput&, std::string_view rendered, const Error* error)>;

// Reads every input of `job` (gzip and zstd decoded, at most
// job.page.parse.max_bytes), runs page::process_page and render_page on
// job.threads threads in bounded batches, and hands each page to `write` in
// input order. Returns the number of inputs that failed; the others are
// processed.
size_t extract_pages(const ExtractJob& job, const PageWriter& write);

// What clean_documents() did.
struct CleanSummary {
  uint64_t documents = 0;      // cleaned
  uint64_t bytes = 0;          // of their text
  uint64_t lines_removed = 0;
  uint64_t failed = 0;         // documents or inputs that could not be cleaned
  bool corpus = false;         // two passes were made
  double seconds = 0;          // wall time of the cleaning pass
  double cpu_seconds = 0;      // process CPU time of the cleaning pass
};

// Where clean_documents() sends its output.
struct CleanSink {
  std::function<void(std::string_view)> out;               // output bytes, in order
  std::function<void(const std::string& message)> error;   // a failure, "SOURCE: why"
};

// Cleans every document of `job`'s inputs and writes them in job.format.
// A text INPUT is one document (plain, .gz or .zst, at most
// job.clean.max_bytes); with job.jsonl each line of an INPUT is one, read by
// io's JSONL reader (job.text_field, optional `url` and `id`; a line longer
// than job.clean.max_bytes is an error for that line). Corpus mode (on by
// default with jsonl) reads the inputs twice: pass 1 builds
// clean::CorpusStats, pass 2 cleans with them; standard input is kept,
// still compressed, for the second pass (io::InputReplay). A damaged input
// loses only what follows the damage.
CleanSummary clean_documents(const CleanJob& job, const CleanSink& sink);

// Whether clean_documents() identifies languages (and so needs the model):
// language ID is on and the format has a `language` field (not txt).
bool clean_detects_language(const CleanJob& job);

}  // namespace saring::pipeline
