// `saring clean`: repairs text dumps (saring::clean does the work).
//
// Flags become clean::CleanOptions. A text INPUT is one document; with
// --jsonl each line of INPUT is a JSON object with `text` (and optional
// `url`, `id`). In corpus mode (--corpus, on by default with --jsonl) the
// inputs are read twice: pass 1 builds clean::CorpusStats, pass 2 cleans
// (standard input is held in memory for the second pass). Files are read
// whole with io::read_all (plain, .gz or .zst, by content). Output is in
// input order and deterministic.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "saring/clean.h"
#include "saring/io.h"
#include "saring/utf8.h"

namespace saring::cli {
namespace {

enum class OutFormat { txt, json, jsonl };

struct CleanCommandOptions {
  clean::CleanOptions clean;
  OutFormat format = OutFormat::txt;
  bool jsonl = false;
  int corpus = -1;  // -1: automatic (on with --jsonl), 0 off, 1 on
  bool ignore_urls = false;
  bool language = true;
  std::string url;
  std::string text_field = "text";
  std::vector<std::string> inputs;
  bool stats = false;
};

const char* kUsage = R"(usage: saring clean [options] INPUT...

Repairs text dumps: removes menus, widgets, captions, credits, copyright and
render-time lines, related-links lists and repeated headlines, and reads the
title, date, dateline, author initials and agency credits from the text.
INPUT is a text file (one document; .gz and .zst are decoded), or with
--jsonl a JSONL(.gz/.zst) file of objects with a `text` field and optional
`url` and `id`; '-' reads standard input.

options:
  --jsonl              inputs are JSONL documents (corpus mode on by default)
  --text-field NAME    JSONL field holding the text (default: text)
  --format FMT         txt (default: the repaired text; documents separated
                       by a blank line), json (an object, or an array of them
                       for several documents), jsonl (one object per line)
  --corpus             two passes: remove lines that repeat across documents
                       of the same site (URL host; without URLs, documents
                       that share several repeated lines)
  --no-corpus          one document at a time, even with --jsonl
  --min-docs N         corpus mode: a line is boilerplate in >= N documents
                       of a site (default 3)
  --ignore-urls        corpus mode: group documents by shared lines only
  --url URL            the address of text INPUTs (site for corpus mode)
  --aggressive         remove more: phrase hits on any non-body line and
                       unpunctuated lines outside the body
  --no-title           drop the headline from the text (still in `title`)
  --no-unwrap          do not rejoin paragraphs wrapped at a fixed width
  --no-language        skip language identification
  --max-bytes N        larger documents are an error (default 67108864)
  --stats              print documents, bytes, MB/s and removals to stderr
  -h, --help           this text

exit status: 0 all inputs processed, 1 some inputs or documents failed,
2 usage error.
)";

// ------------------------------------------------------------------ reading

// Reads a whole file (or stdin); gzip and zstd are decoded by saring::io.
Result<std::string> read_file(const std::string& path, size_t max_bytes) {
  return io::read_all(path, max_bytes);
}

struct Document {
  std::string source;  // "path" or "path:LINE"
  nlohmann::json id;  // as given (string or number); null when absent
  std::string url;
  std::string text;
  std::optional<std::string> error;
};

// Documents of one input, in order. JSONL lines that are blank are skipped;
// bad lines become documents with an error.
std::vector<Document> documents_of(const std::string& path, const std::string& data,
                                   const CleanCommandOptions& o) {
  std::vector<Document> docs;
  if (!o.jsonl) {
    docs.push_back({path, nullptr, o.url, data, std::nullopt});
    return docs;
  }
  size_t pos = 0, line = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view row(data.data() + pos, end - pos);
    ++line;
    pos = end + 1;
    if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Document d;
    d.source = path + ":" + std::to_string(line);
    auto j = nlohmann::json::parse(row.begin(), row.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      d.error = "not a JSON object";
    } else {
      auto t = j.find(o.text_field);
      if (t == j.end() || !t->is_string()) {
        d.error = "no string field '" + o.text_field + "'";
      } else {
        d.text = t->get<std::string>();
      }
      if (auto u = j.find("url"); u != j.end() && u->is_string()) d.url = u->get<std::string>();
      // Only scalar ids are kept: copying a deeply nested value recurses per level.
      if (auto i = j.find("id"); i != j.end() && (i->is_string() || i->is_number())) d.id = *i;
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// ------------------------------------------------------------------ output

nlohmann::json to_json(const Document& d, const clean::CleanResult& r, const CleanCommandOptions& o) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::json {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json j = nlohmann::json::object();
  j["source"] = d.source;
  if (!d.id.is_null()) j["id"] = d.id;
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
    removed.push_back({{"line", x.line}, {"reason", std::string(clean::to_string(x.reason))}, {"text", x.text}});
  }
  j["removed"] = std::move(removed);
  return j;
}

std::string dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<CleanCommandOptions> parse_args(const std::vector<std::string>& args) {
  CleanCommandOptions o;
  auto value = [&](size_t& i) -> std::optional<std::string> {
    if (i + 1 >= args.size()) return std::nullopt;
    return args[++i];
  };
  auto usage = [](std::string m) { return make_error(ErrorCode::invalid_input, std::move(m)); };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--jsonl") o.jsonl = true;
    else if (a == "--corpus") o.corpus = 1;
    else if (a == "--no-corpus") o.corpus = 0;
    else if (a == "--aggressive") o.clean.aggressive = true;
    else if (a == "--no-title") o.clean.keep_title = false;
    else if (a == "--no-unwrap") o.clean.unwrap = false;
    else if (a == "--no-language") o.language = false;
    else if (a == "--ignore-urls") o.ignore_urls = true;
    else if (a == "--stats") o.stats = true;
    else if (a == "--format" || a == "--text-field" || a == "--url" || a == "--min-docs" ||
             a == "--max-bytes") {
      auto v = value(i);
      if (!v) return usage(a + " needs a value");
      if (a == "--format") {
        if (*v == "txt") o.format = OutFormat::txt;
        else if (*v == "json") o.format = OutFormat::json;
        else if (*v == "jsonl") o.format = OutFormat::jsonl;
        else return usage("unknown format '" + *v + "' (txt, json, jsonl)");
      } else if (a == "--text-field") {
        o.text_field = *v;
      } else if (a == "--url") {
        o.url = *v;
      } else {
        char* end = nullptr;
        unsigned long long n = std::strtoull(v->c_str(), &end, 10);
        if (v->empty() || *end != '\0' || n == 0) return usage(a + " needs a positive number");
        if (a == "--min-docs") o.clean.corpus_min_documents = static_cast<uint32_t>(std::min<unsigned long long>(n, UINT32_MAX));
        else o.clean.max_bytes = static_cast<size_t>(n);
      }
    } else if (a == "-" || a.empty() || a[0] != '-') {
      o.inputs.push_back(a);
    } else {
      return usage("unknown option '" + a + "'");
    }
  }
  if (o.inputs.empty()) return usage("no INPUT given");
  return o;
}

int run_clean(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    }
  }
  auto parsed = parse_args(args);
  if (!parsed) {
    std::fprintf(stderr, "saring clean: %s\n\n%s", parsed.error().message.c_str(), kUsage);
    return kExitUsage;
  }
  CleanCommandOptions& o = parsed.value();
  bool corpus = o.corpus == 1 || (o.corpus == -1 && o.jsonl);
  o.clean.detect_language = o.language && o.format != OutFormat::txt;
  bool failed = false;
  size_t max_input = o.jsonl ? size_t{1} << 34 : o.clean.max_bytes;

  // Standard input can only be read once: keep it for the second pass.
  std::optional<std::string> stdin_data;
  auto load = [&](const std::string& path) -> Result<std::string> {
    if (path == "-") {
      if (!stdin_data) {
        auto got = read_file(path, max_input);
        if (!got) return got.error();
        stdin_data = std::move(got.value());
      }
      return *stdin_data;
    }
    return read_file(path, max_input);
  };
  auto site_of = [&](const Document& d) { return o.ignore_urls ? std::string() : clean::site_key(d.url); };

  std::unique_ptr<clean::CorpusStats> stats;
  if (corpus) {
    stats = std::make_unique<clean::CorpusStats>();
    for (const auto& path : o.inputs) {
      auto data = load(path);
      if (!data) continue;  // reported in pass 2
      for (const auto& d : documents_of(path, *data, o)) {
        if (!d.error) stats->add_document(d.text, site_of(d));
      }
    }
  }

  auto t0 = std::chrono::steady_clock::now();
  std::clock_t cpu0 = std::clock();
  uint64_t bytes = 0, docs_done = 0, lines_removed = 0;
  bool array = o.format == OutFormat::json && (o.jsonl || o.inputs.size() > 1);
  bool first_out = true;
  if (array) std::fputs("[\n", stdout);
  for (const auto& path : o.inputs) {
    auto data = load(path);
    if (!data) {
      std::fprintf(stderr, "saring clean: %s\n", data.error().describe().c_str());
      failed = true;
      continue;
    }
    for (const auto& d : documents_of(path, *data, o)) {
      if (d.error) {
        std::fprintf(stderr, "saring clean: %s: %s\n", d.source.c_str(), d.error->c_str());
        failed = true;
        continue;
      }
      auto r = clean::clean_document(d.text, o.clean, stats.get(), site_of(d));
      if (!r) {
        std::fprintf(stderr, "saring clean: %s: %s\n", d.source.c_str(), r.error().describe().c_str());
        failed = true;
        continue;
      }
      bytes += d.text.size();
      ++docs_done;
      lines_removed += r->removed.size();
      switch (o.format) {
        case OutFormat::txt:
          if (!first_out) std::fputs("\n", stdout);
          std::fwrite(r->text.data(), 1, r->text.size(), stdout);
          break;
        case OutFormat::json: {
          std::string s = dump(to_json(d, *r, o), 2);
          if (array && !first_out) std::fputs(",\n", stdout);
          std::fwrite(s.data(), 1, s.size(), stdout);
          if (!array) std::fputs("\n", stdout);
          break;
        }
        case OutFormat::jsonl: {
          std::string s = dump(to_json(d, *r, o), -1);
          s.push_back('\n');
          std::fwrite(s.data(), 1, s.size(), stdout);
          break;
        }
      }
      first_out = false;
    }
  }
  if (array) std::fputs("\n]\n", stdout);
  std::fflush(stdout);
  if (o.stats) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::fprintf(stderr,
                 "saring clean: %llu documents, %.2f MB, %.3f s (pass 2), %.2f MB/s, "
                 "%.3f s CPU, %.2f MB/CPU-s, %llu lines removed%s\n",
                 static_cast<unsigned long long>(docs_done), bytes / 1e6, secs,
                 secs > 0 ? bytes / 1e6 / secs : 0.0, cpu, cpu > 0 ? bytes / 1e6 / cpu : 0.0,
                 static_cast<unsigned long long>(lines_removed), corpus ? ", corpus mode" : "");
  }
  return failed ? kExitSomeFailed : kExitOk;
}

const bool registered = register_command(
    {"clean", "repair text dumps: remove menus, widgets, captions, footers", &run_clean});

}  // namespace
}  // namespace saring::cli
