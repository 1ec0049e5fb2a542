// The count pass of corpus mode (corpus_pass.h). Records are read in input
// order in batches; their line keys are worked out on all threads and added
// to the counter in input order (the counts would not depend on the order,
// but the memory bound is then the same for any thread count).
#include "corpus_pass.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "saring/parallel.h"

namespace saring::pipeline {

namespace {

struct Item {
  Record record;
  std::vector<uint64_t> keys;
};

struct Batch {
  std::vector<Item> items;
};

}  // namespace

Result<CorpusPass> count_corpus_lines(const RunOptions& o, const std::vector<io::Input>& inputs, unsigned threads,
                                      const std::string& spill_dir, const std::string& output,
                                      uint32_t min_documents) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(spill_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind("corpus-spill-", 0) == 0) std::filesystem::remove(it->path(), ec);

  clean::LineCounter counter(spill_dir, o.corpus_memory_keys);
  size_t input = 0;
  std::unique_ptr<io::RecordReader> reader;
  // Text records only, as the clean stage sees them; unreadable inputs and
  // records are the count pass's to skip and the run's to report.
  auto read = [&](Batch& b) {
    uint64_t raw = 0;
    while (b.items.size() < o.batch_items && raw < o.batch_bytes && input < inputs.size()) {
      if (!reader) {
        auto opened = io::open_reader(inputs[input], o.reader);
        if (!opened.ok()) {
          ++input;
          continue;
        }
        reader = std::move(opened.value());
      }
      Item item;
      auto got = reader->next(item.record);
      if (!got.ok()) continue;
      if (!*got) {
        reader.reset();
        ++input;
        continue;
      }
      if (item.record.kind == RecordKind::html || item.record.raw.size() > o.clean.max_bytes) continue;
      raw += item.record.raw.size();
      b.items.push_back(std::move(item));
    }
  };
  auto process = [&](Batch& b, size_t i, unsigned) {
    Item& item = b.items[i];
    item.keys = clean::document_line_keys(item.record.raw, clean::site_key(item.record.url));
    item.record = Record{};
  };
  Status failure = ok_status();
  auto deliver = [&](Batch& b) {
    for (const Item& item : b.items) {
      const size_t spills = counter.spills();
      failure = counter.add_keys(item.keys);
      if (!failure.ok()) return false;
      if (o.test_hook && counter.spills() > spills) o.test_hook("corpus:spill");
    }
    return true;
  };
  if (!parallel::ordered_map<Batch>(threads, read, process, deliver)) return failure.error();
  CorpusPass pass;
  pass.ran = pass.counted = true;
  pass.file = output;
  pass.documents = counter.documents();
  pass.lines = counter.lines();
  auto info = counter.finish(output, min_documents);
  if (!info.ok()) return info.error();
  pass.info = *info;
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  pass.cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  return pass;
}

Result<CorpusCounts> corpus_counts_for_run(const RunOptions& o, const std::vector<io::Input>& inputs,
                                           unsigned threads, const std::string& output_dir,
                                           const std::string& state_dir) {
  CorpusCounts counts;
  std::string lines_file = o.corpus_lines;
  if (lines_file.empty()) {
    if (o.shard_count > 1)
      return make_error(ErrorCode::invalid_input,
                        "corpus mode with --shard I/N needs --corpus-lines: the merged counts of every "
                        "shard (--corpus-count-only, then saring corpus merge)");
    for (const auto& in : inputs)
      if (in.path == "-")
        return make_error(ErrorCode::invalid_input,
                          "corpus mode reads the inputs twice, standard input cannot be read again: "
                          "give a file, or counts made before (--corpus-lines)");
    // Counted each time the run starts, a resumed run too: the counts are a
    // function of the inputs, so they come out the same, and the fingerprint
    // holds their checksum to prove it.
    lines_file = output_dir + "/" + kCorpusLinesFile;
    auto pass = count_corpus_lines(o, inputs, threads, state_dir, lines_file, o.clean.corpus_min_documents);
    if (!pass.ok()) return pass.error();
    counts.pass = *pass;
  }
  auto loaded = clean::load_line_counts(lines_file, o.clean.corpus_min_documents, &counts.pass.info);
  if (!loaded.ok()) return loaded.error();
  counts.stats = std::make_unique<clean::CorpusStats>(std::move(loaded.value()));
  counts.pass.ran = true;
  counts.pass.file = lines_file;
  return counts;
}

Result<clean::LineCountsInfo> merge_corpus_lines(const std::vector<std::string>& outdirs_or_files,
                                                 const std::string& merged, uint32_t min_documents) {
  std::vector<std::string> files;
  for (const auto& path : outdirs_or_files)
    files.push_back(std::filesystem::is_directory(path) ? path + "/" + kCorpusLinesFile : path);
  return clean::merge_line_count_files(files, merged, min_documents);
}

}  // namespace saring::pipeline
