// The per-document stages of `saring run`, applied in order until one drops
// the record:
//
//   extract  HTML records: page::process_page (charset, DOM, main text,
//            metadata); an empty text drops the record ("extract:empty"), a
//            page over the parser's work budget too ("extract:too_costly").
//   clean    text records (WET, JSONL `text`): clean::clean_document repairs
//            the dump and reads title/date/author from it.
//   lang     page::decide_language, the rule saring extract uses (for text
//            records too, without a declared language). Drops by language
//            list and score.
//   filter   Gopher repetition and quality, C4, FineWeb (filter::evaluate);
//            C4's dropped lines are removed from the kept text.
//   signature  the MinHash signature for dedup, computed here in parallel;
//            the dedup decision itself is serial, in input order (run.cc).
//
// Every stage is a pure function of the record and the options, so a batch
// can be processed on any number of threads in any order.
#include "stages.h"

#include "saring/io.h"
#include "saring/utf8.h"

namespace saring::pipeline {

namespace {

double seconds_since(double t0) { return thread_cpu_seconds() - t0; }

void set_opt(MetaFields& m, std::string_view key, const std::optional<std::string>& v) {
  if (v) m.set(key, *v);
  else m.set(key, MetaValue{});
}

bool blank(std::string_view s) {
  for (char c : s)
    if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t')) return false;
  return true;
}

void drop(Work& w, std::string_view stage, std::string reason, std::string detail = {},
          std::vector<std::pair<std::string, double>> numbers = {}) {
  w.record.annotate(stage, Verdict::drop, reason, std::move(numbers));
  w.detail = std::move(detail);
}

void run_extract(Work& w, const StageContext& ctx, std::string& hint) {
  Record& r = w.record;
  const RunOptions& o = *ctx.options;
  if (!o.extract_enabled) {
    drop(w, kStageExtract, "extract:disabled");
    return;
  }
  page::PageOptions po = o.page;
  po.identify_language = false;  // the lang stage does it, with its own switches
  auto res = page::process_page({r.raw, r.url, r.http_charset}, po);
  if (!res.ok()) {
    const bool costly = res.error().code == ErrorCode::too_costly;  // over the parse budget
    drop(w, kStageExtract, costly ? "extract:too_costly" : "extract:error", res.error().describe());
    return;
  }
  page::PageResult& p = res.value();
  if (p.metadata.language_hint) hint = std::move(*p.metadata.language_hint);
  extract::Stage stage = p.content.stage;
  std::string url = std::move(r.url);
  page::to_record(std::move(p), url, r);
  r.annotate(kStageExtract, Verdict::info, extract::to_string(stage));
  if (blank(r.text)) drop(w, kStageExtract, "extract:empty");
}

void run_clean(Work& w, const StageContext& ctx) {
  Record& r = w.record;
  const RunOptions& o = *ctx.options;
  if (!o.clean_enabled) {
    r.text = utf8::make_valid(r.raw);
  } else {
    clean::CleanOptions co = o.clean;
    co.detect_language = false;
    auto res = ctx.corpus ? clean::clean_document(r.raw, co, ctx.corpus, clean::site_key(r.url))
                          : clean::clean_document(r.raw, co);
    if (!res.ok()) {
      drop(w, kStageClean, "clean:error", res.error().describe());
      return;
    }
    clean::CleanResult& c = res.value();
    r.text = std::move(c.text);
    set_opt(r.metadata, "title", c.title);
    set_opt(r.metadata, "author", c.author);
    set_opt(r.metadata, "date", c.date);
    set_opt(r.metadata, "dateline", c.dateline);
    r.metadata.set("sources", c.sources);
    r.metadata.set("lines_removed", static_cast<int64_t>(c.removed.size()));
  }
  if (blank(r.text)) drop(w, kStageClean, "clean:empty");
}

void run_lang(Work& w, const StageContext& ctx, const std::string& hint) {
  Record& r = w.record;
  const RunOptions& o = *ctx.options;
  auto guess = page::decide_language(
      *ctx.identifier,
      {r.text, r.metadata.get_string("title"), r.metadata.get_string("description"), hint});
  std::string code = guess ? std::move(guess->code) : std::string();
  double score = guess ? guess->score : 0;
  if (code.empty()) {
    r.metadata.set("language", MetaValue{});
    r.metadata.set("language_score", MetaValue{});
  } else {
    r.metadata.set("language", code);
    r.metadata.set("language_score", score);
  }
  if (!o.languages.empty()) {
    bool wanted = false;
    for (const auto& l : o.languages) wanted |= l == code;
    if (!wanted) {
      drop(w, kStageLang, "lang:unwanted_language",
           code.empty() ? "language unknown" : "language " + code, {{"language_score", score}});
      return;
    }
  }
  if (score < o.min_language_score) {
    drop(w, kStageLang, "lang:low_score", code.empty() ? "language unknown" : "language " + code,
         {{"language_score", score}});
  }
}

void run_filter(Work& w, const StageContext& ctx) {
  Record& r = w.record;
  std::string code(r.metadata.get_string("language"));
  filter::FilterResult res = filter::evaluate(r.text, code, ctx.options->filter);
  w.figures = std::move(res.figures);
  if (!res.kept) {
    std::vector<std::pair<std::string, double>> numbers;
    for (const auto& f : w.figures) numbers.emplace_back(std::string(f.name), f.value);
    drop(w, kStageFilter, res.reason, {}, std::move(numbers));
    return;
  }
  if (res.text_changed) {
    r.text = std::move(res.text);
    if (res.lines_removed > 0)
      r.metadata.set("lines_removed_by_filter", static_cast<int64_t>(res.lines_removed));
  }
}

void write_source(io::JsonWriter& j, const SourceRef& s) {
  j.key("source");
  j.begin_object();
  j.key("path");
  j.string(s.path);
  // The item's ordinal only where nothing else names it: a WARC record is
  // named by its offset and a JSONL line by its number, which do not depend
  // on where a shard began reading a split file.
  if (s.line == 0 && s.offset == 0 && s.member_offset == 0) {
    j.key("index");
    j.integer(static_cast<int64_t>(s.index));
  }
  if (s.line > 0) {
    j.key("line");
    j.integer(static_cast<int64_t>(s.line));
  } else if (s.offset > 0 || s.member_offset > 0) {
    j.key("offset");
    j.integer(static_cast<int64_t>(s.member_offset));
  }
  j.end_object();
}

}  // namespace

void process(Work& w, const StageContext& ctx) {
  if (!w.read_ok) return;
  Record& r = w.record;
  const RunOptions& o = *ctx.options;
  if (r.id.empty()) r.id = r.source.describe();
  std::string hint;
  auto t0 = thread_cpu_seconds();
  if (r.kind == RecordKind::html) {
    run_extract(w, ctx, hint);
    w.times.extract += seconds_since(t0);
  } else {
    run_clean(w, ctx);
    w.times.clean += seconds_since(t0);
  }
  if (!w.alive()) return;
  if (o.lang_enabled && ctx.identifier != nullptr) {
    t0 = thread_cpu_seconds();
    run_lang(w, ctx, hint);
    w.times.lang += seconds_since(t0);
    if (!w.alive()) return;
  }
  if (o.filter_enabled) {
    t0 = thread_cpu_seconds();
    run_filter(w, ctx);
    w.times.filter += seconds_since(t0);
    if (!w.alive()) return;
  }
  if (o.dedup_enabled && ctx.hasher != nullptr) {
    t0 = thread_cpu_seconds();
    w.signature = ctx.hasher->compute(r.text);
    w.signature.minhash.clear();  // the index needs only the keys
    w.signature.minhash.shrink_to_fit();
    w.times.signature += seconds_since(t0);
  }
}

std::pair<std::string, std::string> rejection_of(const Work& w) {
  if (!w.read_ok)
    return {std::string(kStageRead), "read:" + std::string(to_string(w.read_code))};
  if (const Annotation* a = w.record.rejection()) return {a->stage, a->reason};
  return {};
}

std::string kept_line(const Work& w) {
  const Record& r = w.record;
  io::JsonWriter j;
  j.begin_object();
  j.key("id");
  j.string(r.id);
  j.key("url");
  if (r.url.empty()) j.null();
  else j.string(r.url);
  j.key("text");
  j.string(r.text);
  j.key("metadata");
  j.begin_object();
  for (const auto& [k, v] : r.metadata) {
    j.key(k);
    j.value(v);
  }
  if (!r.warc_date.empty()) {
    j.key("crawl_date");
    j.string(r.warc_date);
  }
  if (!w.figures.empty()) {
    j.key("quality");
    j.begin_object();
    for (const auto& f : w.figures) {
      j.key(f.name);
      j.number(f.value);
    }
    j.end_object();
  }
  j.end_object();
  write_source(j, r.source);
  j.end_object();
  return j.take();
}

std::string rejected_line(const Work& w, bool with_text) {
  const Record& r = w.record;
  auto [stage, reason] = rejection_of(w);
  io::JsonWriter j;
  j.begin_object();
  j.key("id");
  if (r.id.empty()) j.string(r.source.describe());
  else j.string(r.id);
  j.key("url");
  if (r.url.empty()) j.null();
  else j.string(r.url);
  j.key("stage");
  j.string(stage);
  j.key("reason");
  j.string(reason);
  if (!w.read_ok || !w.detail.empty()) {
    j.key("detail");
    j.string(w.read_ok ? w.detail : w.read_error);
  }
  if (!w.dup_of.empty()) {
    j.key("dup_of");
    j.string(w.dup_of);
  }
  if (const Annotation* a = r.rejection(); a != nullptr && !a->numbers.empty()) {
    j.key("figures");
    j.begin_object();
    for (const auto& [k, v] : a->numbers) {
      j.key(k);
      j.number(v);
    }
    j.end_object();
  }
  write_source(j, r.source);
  if (with_text && w.read_ok && !r.text.empty()) {
    j.key("text");
    j.string(r.text);
  }
  j.end_object();
  return j.take();
}

}  // namespace saring::pipeline
