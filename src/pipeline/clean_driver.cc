// The driver of `saring clean`. Documents come from InputReplay (so corpus
// mode can read standard input twice): a text input whole (io::read_all),
// a JSONL input through io's JSONL reader, one record per line, so a
// truncated or damaged .gz loses only what follows the damage. In corpus
// mode pass 1 feeds clean::CorpusStats and pass 2 cleans; otherwise there
// is one pass. Output is written in input order.
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <memory>

#include "saring/drivers.h"

namespace saring::pipeline {

namespace {

// Raw standard input kept for the second pass: compressed JSONL may be large
// (its lines are bounded one by one); a text document is bounded whole.
constexpr uint64_t kMaxJsonlStdinBytes = uint64_t{1} << 34;

struct Document {
  std::string source;  // "path" or "path:LINE"
  std::string id;      // JSONL `id`, as its text
  bool has_id = false, id_is_number = false;
  std::string url;
  std::string text;
};

// Calls on_doc(const Document&) for every document of one input, in order,
// and on_error(const Error&) for an input that cannot be read, a damaged
// spot in it, or a bad line (the reader goes on after each).
template <class OnDoc, class OnError>
void for_each_document(const std::string& path, const CleanJob& job, io::InputReplay& inputs,
                       OnDoc&& on_doc, OnError&& on_error) {
  auto bytes = inputs.open(path);
  if (!bytes) {
    on_error(bytes.error());
    return;
  }
  if (!job.jsonl) {
    auto data = io::read_all(**bytes, job.clean.max_bytes, path);
    if (!data) {
      on_error(data.error());
      return;
    }
    if (data->empty()) {  // as saring extract and saring run report it
      on_error(make_error(ErrorCode::invalid_input, path + ": empty input"));
      return;
    }
    on_doc(Document{path, "", false, false, job.url, std::move(*data)});
    return;
  }
  io::ReaderOptions options;
  options.max_record_bytes = job.clean.max_bytes;
  options.jsonl_text_field = job.text_field;
  options.jsonl_html = false;
  auto reader = io::make_reader(std::move(*bytes), io::Format::jsonl, path, options);
  Record record;
  for (;;) {
    auto got = reader->next(record);
    if (!got) {
      on_error(got.error());
      continue;
    }
    if (!*got) break;
    Document d{record.source.describe(), std::move(record.id), false, record.id_is_number,
               std::move(record.url), std::move(record.raw)};
    d.has_id = !d.id.empty() || d.id_is_number;
    on_doc(d);
  }
}

nlohmann::json to_json(const Document& d, const clean::CleanResult& r) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::json {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json j = nlohmann::json::object();
  j["source"] = d.source;
  if (d.has_id) {
    j["id"] = d.id_is_number ? nlohmann::json::parse(d.id, nullptr, false) : nlohmann::json(d.id);
  }
  j["url"] = d.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.url);
  j["title"] = opt(r.title);
  j["date"] = opt(r.date);
  j["dateline"] = opt(r.dateline);
  j["author"] = opt(r.author);
  j["sources"] = r.sources;
  j["language"] = r.language.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.language);
  j["text"] = r.text;
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& x : r.removed) {
    removed.push_back(
        {{"line", x.line}, {"reason", std::string(clean::to_string(x.reason))}, {"text", x.text}});
  }
  j["removed"] = std::move(removed);
  return j;
}

std::string dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool clean_detects_language(const CleanJob& job) {
  return job.language && job.format != CleanFormat::txt;
}

CleanSummary clean_documents(const CleanJob& job, const CleanSink& sink) {
  CleanSummary summary;
  summary.corpus = job.corpus == 1 || (job.corpus == -1 && job.jsonl);
  clean::CleanOptions options = job.clean;
  options.detect_language = clean_detects_language(job);
  io::InputReplay inputs(job.jsonl ? kMaxJsonlStdinBytes : job.clean.max_bytes);
  auto site_of = [&](const Document& d) {
    return job.ignore_urls ? std::string() : clean::site_key(d.url);
  };

  std::unique_ptr<clean::CorpusStats> stats;
  if (summary.corpus) {
    stats = std::make_unique<clean::CorpusStats>();
    for (const auto& path : job.inputs) {
      for_each_document(
          path, job, inputs, [&](const Document& d) { stats->add_document(d.text, site_of(d)); },
          [](const Error&) {});  // reported in pass 2
    }
  }

  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  const bool array = job.format == CleanFormat::json && (job.jsonl || job.inputs.size() > 1);
  bool first_out = true;
  if (array) sink.out("[\n");
  auto clean_one = [&](const Document& d) {
    auto r = clean::clean_document(d.text, options, stats.get(), site_of(d));
    if (!r) {
      sink.error(d.source + ": " + r.error().describe());
      ++summary.failed;
      return;
    }
    summary.bytes += d.text.size();
    ++summary.documents;
    summary.lines_removed += r->removed.size();
    switch (job.format) {
      case CleanFormat::txt:
        if (!first_out) sink.out("\n");
        sink.out(r->text);
        break;
      case CleanFormat::json:
        if (array && !first_out) sink.out(",\n");
        sink.out(dump(to_json(d, *r), 2));
        if (!array) sink.out("\n");
        break;
      case CleanFormat::jsonl:
        sink.out(dump(to_json(d, *r), -1) + "\n");
        break;
    }
    first_out = false;
  };
  auto report = [&](const Error& e) {
    sink.error(e.describe());
    ++summary.failed;
  };
  for (const auto& path : job.inputs) for_each_document(path, job, inputs, clean_one, report);
  if (array) sink.out("\n]\n");
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  summary.cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  return summary;
}

}  // namespace saring::pipeline
