// The driver of `saring run`: reading, the worker pool, the serial dedup and
// writing phase, commits, resumption and stats.
//
// The loop: take the next batch of items from the inputs (in input order; a
// batch ends after RunOptions::batch_items items or batch_bytes raw bytes),
// run the per-document stages on all threads, then walk the batch in order:
// dedup decision, kept or rejected line. After a batch in which an output
// shard became full, and at the end, commit:
//
//   1. finish the open kept and rejected shards (fsync + rename),
//   2. save the dedup index under a new name (.saring/dedup-<commit>.sdx),
//   3. atomically replace .saring/journal.json: the input position (input
//      number, items consumed from it), the next shard numbers, the counts
//      and the dedup file's name,
//   4. delete the previous dedup file, rewrite stats.json.
//
// A kill at any point leaves the last journal describing a consistent
// state: shards it does not count and temporary files are deleted on
// resume, the dedup index it names is loaded, and reading restarts at its
// position. Commit points depend only on the data (batch grid, shard sizes),
// so the resumed run cuts the same shards as an uninterrupted one.
#include <nettle/sha2.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <thread>

#include "saring/lang.h"
#include "saring/parallel.h"
#include "saring/pipeline.h"
#include "corpus_pass.h"
#include "profile.h"
#include "outdir.h"
#include "output_lock.h"
#include "stages.h"

namespace saring::pipeline {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kJournalVersion = 1;
constexpr double kProgressInterval = 0.5;  // seconds
constexpr size_t kNamedReadErrors = 5;     // read errors named in the summary

// Counts with maps for fast updates; converted to RunResult::Counts on output.
struct Tally {
  uint64_t items = 0, kept = 0, rejected = 0, read_errors = 0;
  uint64_t raw_bytes = 0, html_bytes = 0, text_bytes_out = 0;
  std::map<std::string, uint64_t> reasons;  // "stage\treason"
  std::map<std::string, uint64_t> skipped;
  std::map<std::string, double> seconds;
  std::vector<std::string> first_read_errors;  // "path@offset: message"
  Profile profile;  // what saring report shows

  Counts to_counts() const {
    Counts c;
    c.items = items;
    c.kept = kept;
    c.rejected = rejected;
    c.raw_bytes = raw_bytes;
    c.html_bytes = html_bytes;
    c.text_bytes_out = text_bytes_out;
    c.reasons.assign(reasons.begin(), reasons.end());
    c.skipped.assign(skipped.begin(), skipped.end());
    c.seconds.assign(seconds.begin(), seconds.end());
    return c;
  }
};

struct Journal {
  std::string fingerprint;
  uint64_t input = 0;          // index of the input being read
  uint64_t input_items = 0;    // items consumed from it
  uint64_t items_total = 0;    // items consumed from all inputs (dedup sequence)
  uint32_t kept_next = 0, rejected_next = 0;
  uint64_t commits = 0;
  std::string dedup_file;      // relative to OUTDIR; "" when none
  bool complete = false;
  Tally tally;
  CorpusPass corpus;           // corpus mode: the counts used and the count pass
};

void write_corpus(io::JsonWriter& j, const CorpusPass& c) {
  j.begin_object();
  j.key("counted"); j.boolean(c.counted);
  j.key("lines_file"); j.string(c.info.checksum);
  j.key("files_documents"); j.integer(static_cast<int64_t>(c.info.documents));
  j.key("files_lines"); j.integer(static_cast<int64_t>(c.info.lines));
  j.key("entries"); j.integer(static_cast<int64_t>(c.info.entries));
  j.key("min_documents"); j.integer(c.info.min_documents);
  j.key("file_bytes"); j.integer(static_cast<int64_t>(c.info.bytes));
  j.key("documents_counted"); j.integer(static_cast<int64_t>(c.documents));
  j.key("lines_counted"); j.integer(static_cast<int64_t>(c.lines));
  j.key("count_seconds"); j.number(c.seconds);
  j.key("count_cpu_seconds"); j.number(c.cpu_seconds);
  j.end_object();
}

CorpusPass parse_corpus(const nlohmann::json& c) {
  CorpusPass p;
  p.ran = true;
  p.counted = c.at("counted").get<bool>();
  p.info.checksum = c.at("lines_file").get<std::string>();
  p.info.documents = c.at("files_documents").get<uint64_t>();
  p.info.lines = c.at("files_lines").get<uint64_t>();
  p.info.entries = c.at("entries").get<uint64_t>();
  p.info.min_documents = c.at("min_documents").get<uint32_t>();
  p.info.bytes = c.at("file_bytes").get<uint64_t>();
  p.documents = c.at("documents_counted").get<uint64_t>();
  p.lines = c.at("lines_counted").get<uint64_t>();
  p.seconds = c.at("count_seconds").get<double>();
  p.cpu_seconds = c.at("count_cpu_seconds").get<double>();
  return p;
}

void write_tally(io::JsonWriter& j, const Tally& t) {
  j.key("items"); j.integer(static_cast<int64_t>(t.items));
  j.key("kept"); j.integer(static_cast<int64_t>(t.kept));
  j.key("rejected"); j.integer(static_cast<int64_t>(t.rejected));
  j.key("read_errors"); j.integer(static_cast<int64_t>(t.read_errors));
  j.key("raw_bytes"); j.integer(static_cast<int64_t>(t.raw_bytes));
  j.key("html_bytes"); j.integer(static_cast<int64_t>(t.html_bytes));
  j.key("text_bytes_out"); j.integer(static_cast<int64_t>(t.text_bytes_out));
  j.key("reasons");
  j.begin_object();
  for (const auto& [k, v] : t.reasons) { j.key(k); j.integer(static_cast<int64_t>(v)); }
  j.end_object();
  j.key("skipped");
  j.begin_object();
  for (const auto& [k, v] : t.skipped) { j.key(k); j.integer(static_cast<int64_t>(v)); }
  j.end_object();
  j.key("seconds");
  j.begin_object();
  for (const auto& [k, v] : t.seconds) { j.key(k); j.number(v); }
  j.end_object();
  j.key("first_read_errors");
  j.begin_array();
  for (const auto& e : t.first_read_errors) j.string(e);
  j.end_array();
  j.key("profile");
  j.begin_object();
  write_profile(j, t.profile, ProfileFor::journal);
  j.end_object();
}

std::string journal_json(const Journal& jn) {
  io::JsonWriter j;
  j.begin_object();
  j.key("version"); j.integer(kJournalVersion);
  j.key("fingerprint"); j.string(jn.fingerprint);
  j.key("input"); j.integer(static_cast<int64_t>(jn.input));
  j.key("input_items"); j.integer(static_cast<int64_t>(jn.input_items));
  j.key("items_total"); j.integer(static_cast<int64_t>(jn.items_total));
  j.key("kept_next"); j.integer(jn.kept_next);
  j.key("rejected_next"); j.integer(jn.rejected_next);
  j.key("commits"); j.integer(static_cast<int64_t>(jn.commits));
  j.key("dedup_file"); j.string(jn.dedup_file);
  j.key("complete"); j.boolean(jn.complete);
  if (jn.corpus.ran) {
    j.key("corpus");
    write_corpus(j, jn.corpus);
  }
  j.key("counts");
  j.begin_object();
  write_tally(j, jn.tally);
  j.end_object();
  j.end_object();
  return j.take() + "\n";
}

Result<Journal> parse_journal(const std::string& text, const std::string& path) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  auto broken = [&](const std::string& why) {
    return make_error(ErrorCode::parse, path + ": " + why +
                                            " (delete OUTDIR or run with --overwrite to start afresh)");
  };
  if (doc.is_discarded() || !doc.is_object()) return broken("not a saring journal");
  Journal jn;
  try {
    if (doc.at("version").get<int>() != kJournalVersion) return broken("unknown journal version");
    jn.fingerprint = doc.at("fingerprint").get<std::string>();
    jn.input = doc.at("input").get<uint64_t>();
    jn.input_items = doc.at("input_items").get<uint64_t>();
    jn.items_total = doc.at("items_total").get<uint64_t>();
    jn.kept_next = doc.at("kept_next").get<uint32_t>();
    jn.rejected_next = doc.at("rejected_next").get<uint32_t>();
    jn.commits = doc.at("commits").get<uint64_t>();
    jn.dedup_file = doc.at("dedup_file").get<std::string>();
    jn.complete = doc.at("complete").get<bool>();
    if (doc.contains("corpus")) jn.corpus = parse_corpus(doc.at("corpus"));
    const auto& c = doc.at("counts");
    Tally& t = jn.tally;
    t.items = c.at("items").get<uint64_t>();
    t.kept = c.at("kept").get<uint64_t>();
    t.rejected = c.at("rejected").get<uint64_t>();
    t.read_errors = c.at("read_errors").get<uint64_t>();
    t.raw_bytes = c.at("raw_bytes").get<uint64_t>();
    t.html_bytes = c.at("html_bytes").get<uint64_t>();
    t.text_bytes_out = c.at("text_bytes_out").get<uint64_t>();
    for (const auto& [k, v] : c.at("reasons").items()) t.reasons[k] = v.get<uint64_t>();
    for (const auto& [k, v] : c.at("skipped").items()) t.skipped[k] = v.get<uint64_t>();
    for (const auto& [k, v] : c.at("seconds").items()) t.seconds[k] = v.get<double>();
    if (c.contains("first_read_errors"))  // absent in journals of older versions
      for (const auto& e : c.at("first_read_errors")) t.first_read_errors.push_back(e.get<std::string>());
    if (c.contains("profile")) t.profile = parse_profile(c.at("profile"));  // likewise
  } catch (const nlohmann::json::exception& e) {
    return broken(std::string("malformed journal: ") + e.what());
  }
  return jn;
}

// Where the run's rules cut, for the report: the filter's bounds on each
// figure and the language score's.
void write_bounds(io::JsonWriter& j, const RunOptions& o) {
  auto write = [&](const filter::Bound& b) {
    j.begin_object();
    j.key("figure"); j.string(b.figure);
    j.key("reason"); j.string(b.reason);
    j.key("min"); b.min ? j.number(*b.min) : j.null();
    j.key("max"); b.max ? j.number(*b.max) : j.null();
    j.key("max_inclusive"); j.boolean(b.max_inclusive);
    j.end_object();
  };
  j.begin_array();
  if (o.lang_enabled && o.min_language_score > 0)
    write({"language_score", "lang:low_score", o.min_language_score, {}});
  if (o.filter_enabled)
    for (const filter::Bound& b : filter::bounds(o.filter.rules)) write(b);
  j.end_array();
}

std::string stats_json(const Journal& jn, const RunOptions& o, size_t inputs, unsigned threads,
                       size_t index_bytes, uint64_t index_docs) {
  const Tally& t = jn.tally;
  io::JsonWriter j;
  j.begin_object();
  j.key("complete"); j.boolean(jn.complete);
  j.key("inputs"); j.integer(static_cast<int64_t>(inputs));
  j.key("shard"); j.string(std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count));
  j.key("threads"); j.integer(threads);
  j.key("documents");
  j.begin_object();
  j.key("read"); j.integer(static_cast<int64_t>(t.items));
  j.key("kept"); j.integer(static_cast<int64_t>(t.kept));
  j.key("rejected"); j.integer(static_cast<int64_t>(t.rejected));
  j.key("read_errors"); j.integer(static_cast<int64_t>(t.read_errors));
  j.end_object();
  j.key("bytes");
  j.begin_object();
  j.key("raw"); j.integer(static_cast<int64_t>(t.raw_bytes));
  j.key("html"); j.integer(static_cast<int64_t>(t.html_bytes));
  j.key("text_kept"); j.integer(static_cast<int64_t>(t.text_bytes_out));
  j.end_object();
  // Rejections grouped by stage, then reason.
  j.key("rejected_by_stage");
  j.begin_object();
  std::string current;
  bool open = false;
  for (const auto& [key, n] : t.reasons) {
    auto tab = key.find('\t');
    std::string stage = key.substr(0, tab);
    std::string reason = tab == std::string::npos ? "" : key.substr(tab + 1);
    if (!open || stage != current) {
      if (open) j.end_object();
      j.key(stage);
      j.begin_object();
      current = stage;
      open = true;
    }
    j.key(reason);
    j.integer(static_cast<int64_t>(n));
  }
  if (open) j.end_object();
  j.end_object();
  j.key("skipped_by_reader");
  j.begin_object();
  for (const auto& [k, v] : t.skipped) { j.key(k); j.integer(static_cast<int64_t>(v)); }
  j.end_object();
  j.key("seconds");
  j.begin_object();
  double total = 0;
  for (const auto& [k, v] : t.seconds) {
    if (k == "wall") continue;
    j.key(k);
    j.number(v);
    total += v;
  }
  j.end_object();
  j.key("stage_share");
  j.begin_object();
  for (const auto& [k, v] : t.seconds) {
    if (k == "wall") continue;
    j.key(k);
    j.number(total > 0 ? v / total : 0.0);
  }
  j.end_object();
  auto wall = t.seconds.find("wall");
  double wall_s = wall == t.seconds.end() ? 0.0 : wall->second;
  j.key("wall_seconds"); j.number(wall_s);
  j.key("throughput");
  j.begin_object();
  j.key("docs_per_second"); j.number(wall_s > 0 ? static_cast<double>(t.items) / wall_s : 0.0);
  j.key("raw_mb_per_second");
  j.number(wall_s > 0 ? static_cast<double>(t.raw_bytes) / 1e6 / wall_s : 0.0);
  j.key("html_mb_per_second");
  j.number(wall_s > 0 ? static_cast<double>(t.html_bytes) / 1e6 / wall_s : 0.0);
  j.end_object();
  j.key("profile");
  j.begin_object();
  write_profile(j, t.profile, ProfileFor::stats);
  j.end_object();
  j.key("bounds");
  write_bounds(j, o);
  if (jn.corpus.ran) {
    j.key("corpus");
    write_corpus(j, jn.corpus);
  }
  j.key("dedup");
  j.begin_object();
  j.key("documents"); j.integer(static_cast<int64_t>(index_docs));
  j.key("index_bytes"); j.integer(static_cast<int64_t>(index_bytes));
  j.key("bytes_per_document");
  j.number(index_docs > 0 ? static_cast<double>(index_bytes) / static_cast<double>(index_docs) : 0.0);
  j.end_object();
  j.end_object();
  return j.take() + "\n";
}

// Reads items from the inputs in order, one at a time.
class Cursor {
 public:
  Cursor(const std::vector<io::Input>& inputs, const io::ReaderOptions& options)
      : inputs_(inputs), options_(options) {}

  // Positions the cursor after `items` items of input `input` (resume).
  void seek(uint64_t input, uint64_t items) {
    i_ = static_cast<size_t>(input);
    Work scratch;
    for (uint64_t n = 0; n < items; ++n) {
      if (!next(scratch, nullptr)) break;
      scratch = Work{};
    }
    baseline_ = current_skips();
  }

  // The next item, or false after the last input. Reader skips of finished
  // inputs are added to `tally` (when given).
  bool next(Work& w, Tally* tally) {
    while (i_ < inputs_.size()) {
      if (!opened_) {
        opened_ = true;
        k_ = 0;
        baseline_.clear();
        auto r = io::open_reader(inputs_[i_], options_);
        if (!r.ok()) {
          reader_.reset();
          w.read_ok = false;
          w.read_code = r.error().code;
          w.read_error = r.error().describe();
          w.record.source.path = inputs_[i_].path;
          w.record.source.index = 0;
          failed_open_ = true;
          ++k_;
          return true;
        }
        failed_open_ = false;
        reader_ = std::move(r.value());
      }
      if (failed_open_) {
        advance();
        continue;
      }
      auto got = reader_->next(w.record);
      if (!got.ok()) {
        w.read_ok = false;
        w.read_code = got.error().code;
        w.read_error = got.error().describe();
        w.record.source = reader_->position();
        ++k_;
        return true;
      }
      if (!*got) {
        if (tally != nullptr) flush_skips(*tally);
        advance();
        continue;
      }
      ++k_;
      return true;
    }
    return false;
  }

  // Adds the reader's skips since the last flush to `tally`.
  void flush_skips(Tally& tally) {
    auto now = current_skips();
    for (const auto& [k, v] : now) {
      uint64_t before = baseline_.count(k) ? baseline_[k] : 0;
      if (v > before) tally.skipped[k] += v - before;
    }
    baseline_ = std::move(now);
  }

  uint64_t input() const { return i_; }
  uint64_t input_items() const { return k_; }

  // Approximate on-disk bytes of the current input consumed.
  uint64_t current_file_offset() const {
    if (!reader_) return 0;
    const auto& p = reader_->position();
    return p.member_offset > 0 ? p.member_offset : p.offset;
  }

 private:
  std::map<std::string, uint64_t> current_skips() const {
    std::map<std::string, uint64_t> m;
    if (reader_)
      for (const auto& [k, v] : reader_->stats().skipped) m[k] = v;
    return m;
  }
  void advance() {
    ++i_;
    opened_ = false;
    failed_open_ = false;
    reader_.reset();
    baseline_.clear();
    k_ = 0;
  }

  const std::vector<io::Input>& inputs_;
  io::ReaderOptions options_;
  size_t i_ = 0;
  uint64_t k_ = 0;
  bool opened_ = false;
  bool failed_open_ = false;
  std::unique_ptr<io::RecordReader> reader_;
  std::map<std::string, uint64_t> baseline_;
};

// Deletes shards numbered >= `next` (written after the last commit).
void remove_uncommitted(const std::string& dir, uint32_t next) {
  for (const auto& name : shard_files(dir)) {
    long n = shard_number(name);
    if (n >= static_cast<long>(next)) fs::remove(dir + "/" + name);
  }
}

void remove_all_outputs(const std::string& out) {
  std::error_code ec;
  for (const auto& name : shard_files(out)) fs::remove(out + "/" + name, ec);
  for (const auto& name : shard_files(out + "/" + kRejectedDir))
    fs::remove(out + "/" + kRejectedDir + "/" + name, ec);
  fs::remove(out + "/" + kStatsFile, ec);
  fs::remove(out + "/" + kFinalIndex, ec);
  // The state, but not the lock this process holds.
  for (fs::directory_iterator it(out + "/" + kStateDir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename() != kLockFile) fs::remove_all(it->path(), ec);
}

// "path@offset: message" of an item that could not be read (its error
// without the error code's name).
std::string read_error_message(const Work& w) {
  std::string_view e = w.read_error;
  std::string_view code = to_string(w.read_code);
  if (e.size() > code.size() + 2 && e.substr(0, code.size()) == code && e.substr(code.size(), 2) == ": ")
    e.remove_prefix(code.size() + 2);
  return std::string(e);
}

// SHA-256 of a file, in hex ("" when it cannot be read).
std::string file_sha256(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  sha256_ctx ctx;
  sha256_init(&ctx);
  std::vector<char> buf(1 << 20);
  while (f) {
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    sha256_update(&ctx, static_cast<size_t>(f.gcount()), reinterpret_cast<const uint8_t*>(buf.data()));
  }
  if (f.bad()) return {};
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  std::string hex;
  for (uint8_t b : digest) {
    hex += "0123456789abcdef"[b >> 4];
    hex += "0123456789abcdef"[b & 15];
  }
  return hex;
}

// fingerprint(o), the language model's SHA-256 (another model, even under
// the same name, decides languages differently) and the inputs of this shard.
std::string make_fingerprint(const RunOptions& o, const std::vector<io::Input>& inputs) {
  std::string f = fingerprint(o);
  if (o.lang_enabled)
    f += "model.sha256=" + file_sha256(o.model_path.empty() ? lang::default_model_path() : o.model_path) + "\n";
  for (const auto& in : inputs) {
    // The size catches an input replaced under the same name.
    std::error_code ec;
    uint64_t size = in.path == "-" ? 0 : static_cast<uint64_t>(fs::file_size(in.path, ec));
    f += "input " + in.path + " " + std::string(io::to_string(in.format)) + " " +
         std::to_string(ec ? 0 : size);
    if (!in.whole()) f += " members " + std::to_string(in.begin) + ".." + std::to_string(in.end);
    f += "\n";
  }
  return f;
}

}  // namespace

Result<RunResult> run(const RunOptions& options, const std::function<void(const Progress&)>& on_progress) {
  const auto wall_start = Clock::now();
  if (options.output_dir.empty()) return make_error(ErrorCode::invalid_input, "no output directory");
  if (options.inputs.empty()) return make_error(ErrorCode::invalid_input, "no inputs");
  if (options.shard_count == 0 || options.shard_index >= options.shard_count)
    return make_error(ErrorCode::invalid_input, "--shard I/N needs 0 <= I < N");
  if (options.batch_items == 0) return make_error(ErrorCode::invalid_input, "batch_items must be >= 1");

  auto expanded = io::expand_inputs(options.inputs, options.input_format);
  if (!expanded.ok()) return expanded.error();
  // This shard's part of the inputs, by bytes (a gzip WARC split at members).
  auto shard = io::shard_inputs(*expanded, options.shard_index, options.shard_count);
  if (!shard.ok()) return shard.error();
  const std::vector<io::Input>& inputs = *shard;

  const std::string out = options.output_dir;
  const std::string state_dir = out + "/" + kStateDir;
  const std::string rejected_dir = out + "/" + kRejectedDir;
  const std::string journal_path = state_dir + "/" + kJournal;
  // One writer per output directory, for as long as this run lasts.
  auto lock = OutputLock::acquire(out);
  if (!lock.ok()) return lock.error();
  std::error_code ec;
  fs::create_directories(state_dir, ec);
  if (ec) return make_error(ErrorCode::io, out + ": " + ec.message());
  if (options.overwrite) remove_all_outputs(out);
  fs::create_directories(state_dir, ec);
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

  // Corpus mode: the line counts, before anything of the run is written.
  const bool corpus = options.corpus || options.corpus_count_only || !options.corpus_lines.empty();
  if (corpus && !options.clean_enabled)
    return make_error(ErrorCode::invalid_input, "corpus mode needs the clean stage (--clean)");
  if (options.corpus_count_only) {
    auto pass = count_corpus_lines(options, inputs, threads, state_dir, out + "/" + kCorpusLinesFile, 1);
    if (!pass.ok()) return pass.error();
    RunResult counted;
    counted.corpus = *pass;
    return counted;
  }
  CorpusCounts corpus_counts;
  if (corpus) {
    auto got = corpus_counts_for_run(options, inputs, threads, out, state_dir);
    if (!got.ok()) return got.error();
    corpus_counts = std::move(got.value());
  }
  const CorpusPass& corpus_pass = corpus_counts.pass;

  Journal jn;
  std::string fingerprint = make_fingerprint(options, inputs);
  if (corpus) fingerprint += "corpus.lines=" + corpus_pass.info.checksum + "\n";
  RunResult result;
  if (fs::exists(journal_path)) {
    auto text = io::read_all(journal_path, 64ull << 20);
    if (!text.ok()) return text.error();
    auto parsed = parse_journal(*text, journal_path);
    if (!parsed.ok()) return parsed.error();
    jn = std::move(parsed.value());
    if (jn.fingerprint != fingerprint)
      return make_error(ErrorCode::invalid_input,
                        out + " holds a run with other inputs or options; use another output "
                              "directory, or --overwrite to replace it");
    if (jn.complete) {
      // A kill between the last journal and stats.json leaves the latter
      // missing or stale (an earlier commit's, "complete":false), and maybe
      // its temporary file.
      for (const std::string& d : {out, rejected_dir, state_dir}) {
        auto removed = io::remove_temp_files(d);
        if (!removed.ok()) return removed.error();
      }
      auto stats = io::read_all(out + "/" + kStatsFile, 64ull << 20);
      if (!stats.ok() || stats->rfind("{\"complete\":true", 0) != 0) {
        size_t index_bytes = 0;
        uint64_t index_docs = 0;
        if (options.dedup_enabled) {
          auto loaded = dedup::NearDupIndex::load(out + "/" + kFinalIndex);
          if (!loaded.ok()) return loaded.error();
          index_bytes = loaded->memory_bytes();
          index_docs = loaded->size();
        }
        auto st = io::write_file_atomic(out + "/" + kStatsFile,
                                        stats_json(jn, options, inputs.size(),
                                                   options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency()),
                                                   index_bytes, index_docs));
        if (!st.ok()) return st.error();
      }
      result.already_complete = true;
      result.corpus = jn.corpus;
      result.counts = jn.tally.to_counts();
      result.read_errors = jn.tally.read_errors;
      result.first_read_errors = jn.tally.first_read_errors;
      result.kept_shards = jn.kept_next;
      result.rejected_shards = jn.rejected_next;
      return result;
    }
    result.resumed = true;
    // This process's count pass is the one the report shows.
    if (corpus_pass.counted || !jn.corpus.ran) jn.corpus = corpus_pass;
  } else if (!shard_files(out).empty() || !shard_files(rejected_dir).empty()) {
    return make_error(ErrorCode::invalid_input,
                      out + " already holds shards not made by a resumable run; use another "
                            "output directory, or --overwrite to replace them");
  }
  jn.fingerprint = fingerprint;
  if (!result.resumed) jn.corpus = corpus_pass;

  // Leftovers of a killed run: temp files, shards after the last commit,
  // dedup snapshots other than the committed one.
  for (const std::string& d : {out, rejected_dir, state_dir}) {
    auto removed = io::remove_temp_files(d);
    if (!removed.ok()) return removed.error();
  }
  remove_uncommitted(out, jn.kept_next);
  remove_uncommitted(rejected_dir, jn.rejected_next);
  // A fresh run writes its journal before any shard can become visible, so
  // that whatever the moment of a kill, OUTDIR is recognised as this run's.
  if (!result.resumed) {
    auto st = io::write_file_atomic(journal_path, journal_json(jn));
    if (!st.ok()) return st.error();
    if (options.test_hook) options.test_hook("start");
  }
  for (fs::directory_iterator it(state_dir, ec), e; !ec && it != e; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("dedup-", 0) == 0 && std::string(kStateDir) + "/" + name != jn.dedup_file)
      fs::remove(it->path());
  }

  // Stages.
  StageContext ctx;
  ctx.options = &options;
  ctx.corpus = corpus_counts.stats.get();
  std::unique_ptr<lang::LanguageIdentifier> own_identifier;
  if (options.lang_enabled) {
    if (options.model_path.empty()) {
      auto shared = lang::require_shared_identifier();
      if (!shared.ok()) return shared.error();
      ctx.identifier = shared.value();
    } else {
      auto loaded = lang::LanguageIdentifier::load(options.model_path);
      if (!loaded.ok()) return loaded.error();
      own_identifier = std::move(loaded.value());
      ctx.identifier = own_identifier.get();
    }
  }
  std::unique_ptr<dedup::MinHasher> hasher;
  dedup::NearDupIndex index(options.minhash, options.dedup_index);
  if (options.dedup_enabled) {
    auto v = options.minhash.validate();
    if (!v.ok()) return v.error();
    hasher = std::make_unique<dedup::MinHasher>(options.minhash);
    ctx.hasher = hasher.get();
    if (!jn.dedup_file.empty()) {
      auto loaded = dedup::NearDupIndex::load(out + "/" + jn.dedup_file);
      if (!loaded.ok()) return loaded.error();
      index = std::move(loaded.value());
    }
  }

  // Writers.
  io::ShardOptions kept_opt;
  kept_opt.dir = out;
  kept_opt.prefix = kShardPrefix;
  kept_opt.extension = kShardExt;
  kept_opt.max_shard_bytes = options.output_shard_bytes;
  kept_opt.zstd_level = options.zstd_level;
  kept_opt.first_index = jn.kept_next;
  kept_opt.auto_rotate = false;
  auto kept_writer = io::ShardedWriter::create(kept_opt);
  if (!kept_writer.ok()) return kept_writer.error();
  io::ShardOptions rej_opt = kept_opt;
  rej_opt.dir = rejected_dir;
  rej_opt.first_index = jn.rejected_next;
  std::unique_ptr<io::ShardedWriter> rejected_writer;
  if (options.write_rejected) {
    auto w = io::ShardedWriter::create(rej_opt);
    if (!w.ok()) return w.error();
    rejected_writer = std::move(w.value());
  }

  Cursor cursor(inputs, options.reader);
  if (result.resumed) cursor.seek(jn.input, jn.input_items);
  Tally& tally = jn.tally;
  uint64_t items_total = jn.items_total;

  uint64_t input_bytes_total = 0;
  std::vector<uint64_t> input_sizes;
  for (const auto& in : inputs) {
    uint64_t sz = in.path == "-" ? 0 : static_cast<uint64_t>(fs::file_size(in.path, ec));
    if (ec) sz = 0;
    input_sizes.push_back(sz);
    input_bytes_total += sz;
  }
  auto last_progress = Clock::now();
  // Wall time of earlier (killed) processes of this run, from the journal.
  const double wall_before = tally.seconds.count("wall") ? tally.seconds["wall"] : 0.0;

  // Where reading stood after the batch being committed.
  struct Position {
    uint64_t input = 0, input_items = 0, items_total = 0;
  };

  auto commit = [&](bool final, const Position& pos) -> Status {
    const double t0 = thread_cpu_seconds();
    auto k = (*kept_writer)->finish_shard();
    if (!k.ok()) return k.error();
    if (options.test_hook) options.test_hook("commit:kept");
    if (rejected_writer) {
      auto r = rejected_writer->finish_shard();
      if (!r.ok()) return r.error();
    }
    if (options.test_hook) options.test_hook("commit:shards");
    std::string previous_index = jn.dedup_file;
    ++jn.commits;
    if (options.dedup_enabled) {
      char name[32];
      std::snprintf(name, sizeof name, "dedup-%06llu.sdx", static_cast<unsigned long long>(jn.commits));
      jn.dedup_file = std::string(kStateDir) + "/" + name;
      auto st = index.save(out + "/" + jn.dedup_file);
      if (!st.ok()) return st;
    }
    jn.input = pos.input;
    jn.input_items = pos.input_items;
    jn.items_total = pos.items_total;
    jn.kept_next = (*kept_writer)->next_index();
    jn.rejected_next = rejected_writer ? rejected_writer->next_index() : 0;
    jn.complete = final;
    // The final index is in place before the journal says the run is
    // complete: a complete run is never resumed, so never rewrites it.
    if (final && options.dedup_enabled) {
      auto st = index.save(out + "/" + kFinalIndex);
      if (!st.ok()) return st;
    }
    if (options.test_hook) options.test_hook("commit:index");
    tally.seconds["write"] += thread_cpu_seconds() - t0;
    tally.profile.prune();
    tally.seconds["wall"] =
        wall_before + std::chrono::duration<double>(Clock::now() - wall_start).count();
    const Journal& to_write = jn;
    auto st = io::write_file_atomic(journal_path, journal_json(to_write));
    if (!st.ok()) return st;
    if (options.test_hook) options.test_hook("commit:journal");
    if (!previous_index.empty() && previous_index != jn.dedup_file)
      fs::remove(out + "/" + previous_index, ec);
    return io::write_file_atomic(out + "/" + kStatsFile,
                                 stats_json(to_write, options, inputs.size(), threads,
                                            options.dedup_enabled ? index.memory_bytes() : 0,
                                            options.dedup_enabled ? index.size() : 0));
  };

  // A batch of items and where reading stood after it. Reading runs one
  // batch ahead on its own thread (when there is more than one thread), so
  // the serial gunzip and WARC parsing overlap the per-document stages; it
  // touches only the cursor and its own Batch.
  struct Batch {
    std::vector<Work> items;
    Position end;
    std::map<std::string, uint64_t> skipped;  // reader skips up to `end`
    double read_seconds = 0;
    uint64_t file_offset = 0;                 // for the progress line
  };
  uint64_t items_read = items_total;
  auto read_batch = [&](Batch& b) {
    const double t0 = thread_cpu_seconds();
    Tally skips;
    uint64_t raw = 0;
    while (b.items.size() < options.batch_items && raw < options.batch_bytes) {
      Work w;
      if (!cursor.next(w, &skips)) break;
      w.seq = dedup::make_seq(options.shard_index, items_read++);
      raw += w.record.raw.size();
      b.items.push_back(std::move(w));
    }
    cursor.flush_skips(skips);
    b.skipped = std::move(skips.skipped);
    b.end = Position{cursor.input(), cursor.input_items(), items_read};
    b.file_offset = cursor.current_file_offset();
    b.read_seconds = thread_cpu_seconds() - t0;
  };
  auto absorb_read = [&](const Batch& b) {
    for (const auto& [k, v] : b.skipped) tally.skipped[k] += v;
    tally.seconds["read"] += b.read_seconds;
  };

  // Progress (items and bytes of the current batch in flight are added).
  auto maybe_progress = [&](const Batch& b, uint64_t in_flight, uint64_t in_flight_raw) {
    if (!on_progress ||
        std::chrono::duration<double>(Clock::now() - last_progress).count() < kProgressInterval)
      return;
    last_progress = Clock::now();
    Progress p;
    p.items = tally.items + in_flight;
    p.kept = tally.kept;
    p.rejected = tally.rejected;
    p.raw_bytes = tally.raw_bytes + in_flight_raw;
    p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - wall_start).count();
    p.input_bytes_total = input_bytes_total;
    for (size_t i = 0; i < b.end.input && i < input_sizes.size(); ++i) p.input_bytes_done += input_sizes[i];
    p.input_bytes_done += b.file_offset;
    p.resumed = result.resumed;
    on_progress(p);
  };

  // 2. Per-document stages on all threads; 3. dedup and output, in input
  // order; 4. commits. Reading runs one batch ahead (parallel::ordered_map).
  Status failure = ok_status();
  Position end_of_input;
  std::optional<Position> stopped_at;  // where a stop request was honoured
  std::atomic<size_t> started{0};      // of the batch in flight
  std::atomic<uint64_t> done_raw{0};
  auto process_one = [&](Batch& b, size_t i, unsigned worker) {
    started.fetch_add(1, std::memory_order_relaxed);
    process(b.items[i], ctx);
    done_raw += b.items[i].record.raw.size();
    // The calling thread also reports progress within a batch.
    if (worker == 0) maybe_progress(b, std::min(started.load(), b.items.size()), done_raw.load());
  };
  // Dedup decision and the kept or rejected line of one document, in input order.
  auto write_one = [&](Work& w) -> Status {
    tally.seconds["extract"] += w.times.extract;
    tally.seconds["clean"] += w.times.clean;
    tally.seconds["lang"] += w.times.lang;
    tally.seconds["filter"] += w.times.filter;
    tally.seconds["signature"] += w.times.signature;
    ++tally.items;
    if (!w.read_ok) {
      ++tally.read_errors;
      if (tally.first_read_errors.size() < kNamedReadErrors)
        tally.first_read_errors.push_back(read_error_message(w));
    } else {
      tally.raw_bytes += w.record.raw.size();
      if (w.record.kind == RecordKind::html) tally.html_bytes += w.record.raw.size();
    }
    if (w.alive() && options.dedup_enabled) {
      const double t0 = thread_cpu_seconds();
      auto verdict = index.insert(w.seq, w.record.id, w.signature);
      if (!verdict.ok()) {
        w.record.annotate(kStageDedup, Verdict::error, "dedup:error");
        w.detail = verdict.error().describe();
      } else if (verdict->duplicate()) {
        w.record.annotate(kStageDedup, Verdict::drop,
                          "dedup:" + std::string(dedup::to_string(verdict->kind)));
        w.dup_of = verdict->dup_of_id;
      } else {
        w.record.annotate(kStageDedup, Verdict::keep);
      }
      tally.seconds["dedup"] += thread_cpu_seconds() - t0;
    }
    const double t0 = thread_cpu_seconds();
    if (w.alive()) {
      ++tally.kept;
      tally.text_bytes_out += w.record.text.size();
      tally.profile.add(w, {}, {});
      auto st = (*kept_writer)->write_line(kept_line(w));
      if (!st.ok()) return st;
    } else {
      ++tally.rejected;
      auto [stage, reason] = rejection_of(w);
      ++tally.reasons[stage + "\t" + reason];
      tally.profile.add(w, stage, reason);
      if (rejected_writer) {
        auto st = rejected_writer->write_line(rejected_line(w, options.rejected_text));
        if (!st.ok()) return st;
      }
    }
    tally.seconds["write"] += thread_cpu_seconds() - t0;
    w.record.raw = std::string();  // free the batch's memory as it goes
    w.record.text = std::string();
    return ok_status();
  };
  auto deliver = [&](Batch& current) -> bool {
    absorb_read(current);
    if (current.items.empty()) {  // the end: what the reader skipped last is counted
      end_of_input = current.end;
      return true;
    }
    if (options.stop_requested && options.stop_requested()) {
      failure = make_error(ErrorCode::internal, "run stopped before it finished; run it again to resume");
      return false;
    }
    for (Work& w : current.items) {
      auto st = write_one(w);
      if (!st.ok()) {
        failure = st;
        return false;
      }
    }
    // Commit when a shard is full (a point that depends only on the data).
    if ((*kept_writer)->full() || (rejected_writer && rejected_writer->full())) {
      auto st = commit(false, current.end);
      if (!st.ok()) {
        failure = st;
        return false;
      }
    }
    if (options.test_hook) options.test_hook("batch");
    if (options.stop != nullptr && options.stop->load()) {
      stopped_at = current.end;
      return false;
    }
    maybe_progress(current, 0, 0);
    started = 0;
    done_raw = 0;
    return true;
  };
  if (!parallel::ordered_map<Batch>(threads, read_batch, process_one, deliver) && !stopped_at)
    return failure.error();
  auto st = stopped_at ? commit(false, *stopped_at) : commit(true, end_of_input);
  if (!st.ok()) return st.error();
  result.stopped = stopped_at.has_value();

  result.corpus = jn.corpus;
  result.counts = tally.to_counts();
  result.read_errors = tally.read_errors;
  result.first_read_errors = tally.first_read_errors;
  result.kept_shards = jn.kept_next;
  result.rejected_shards = jn.rejected_next;
  result.dedup_index_bytes = options.dedup_enabled ? index.memory_bytes() : 0;
  return result;
}

}  // namespace saring::pipeline
