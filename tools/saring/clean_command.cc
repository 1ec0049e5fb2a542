// `saring clean`: repairs text dumps (saring::clean does the work).
//
// Flags become clean::CleanOptions. A text INPUT is one document; with
// --jsonl each line of INPUT is a JSON object with `text` (and optional
// `url`, `id`). In corpus mode (--corpus, on by default with --jsonl) the
// inputs are read twice: pass 1 builds clean::CorpusStats, pass 2 cleans
// (standard input is held in memory, still compressed, for the second
// pass). A text INPUT is read whole with io::read_all (plain, .gz or .zst, by
// content); a JSONL INPUT is streamed line by line (io::LineReader), so a
// truncated or damaged .gz loses only what follows the damage: every
// complete line before it is cleaned, then the damage is reported as an
// error for that input (exit status 1). Output is in input order and
// deterministic.
#include <unistd.h>

#include <cerrno>
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

struct Document {
  std::string source;  // "path" or "path:LINE"
  nlohmann::json id;  // as given (string or number); null when absent
  std::string url;
  std::string text;
  std::optional<std::string> error;
};

// One JSONL line (not blank) as a document; a bad line is a document with an
// error.
Document document_of_line(const std::string& path, uint64_t line, std::string_view row,
                          const CleanCommandOptions& o) {
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
  return d;
}

// Where the bytes of the inputs come from. Standard input can only be read
// once: its raw (still compressed) bytes are kept for the second pass.
class InputSource {
 public:
  explicit InputSource(uint64_t max_input) : max_input_(max_input) {}

  Result<std::unique_ptr<io::ByteReader>> open(const std::string& path) {
    if (path != "-") return io::open_bytes(path);
    if (!stdin_raw_) {
      std::string raw;
      char buf[1 << 16];
      for (;;) {
        ssize_t got = ::read(0, buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0)
          return make_error(ErrorCode::io, std::string("-: read failed: ") + std::strerror(errno));
        if (got == 0) break;
        if (raw.size() + static_cast<size_t>(got) > max_input_)
          return make_error(ErrorCode::too_large,
                            "-: more than " + std::to_string(max_input_) + " bytes");
        raw.append(buf, static_cast<size_t>(got));
      }
      stdin_raw_ = std::move(raw);
    }
    return io::bytes_from_memory(*stdin_raw_, path);
  }

  // A whole text input, decoded.
  Result<std::string> read_whole(const std::string& path) {
    if (path != "-") return io::read_all(path, max_input_);
    auto bytes = open(path);
    if (!bytes) return bytes.error();
    return io::read_all(**bytes, max_input_, path);
  }

 private:
  uint64_t max_input_;
  std::optional<std::string> stdin_raw_;
};

// Calls on_doc(Document&) for every document of one input, in order, and
// on_error(Error) for an input that cannot be read or a damaged spot in it.
// JSONL lines that are blank are skipped; bad lines become documents with an
// error.
template <class OnDoc, class OnError>
void for_each_document(const std::string& path, const CleanCommandOptions& o, InputSource& src,
                       uint64_t max_input, OnDoc&& on_doc, OnError&& on_error) {
  if (!o.jsonl) {
    auto data = src.read_whole(path);
    if (!data) {
      on_error(data.error());
      return;
    }
    if (data->empty()) {  // as saring extract and saring run report it
      on_error(make_error(ErrorCode::invalid_input, path + ": empty input"));
      return;
    }
    Document d{path, nullptr, o.url, std::move(*data), std::nullopt};
    on_doc(d);
    return;
  }
  auto bytes = src.open(path);
  if (!bytes) {
    on_error(bytes.error());
    return;
  }
  io::LineReader lines(std::move(*bytes));
  std::string row;
  for (;;) {
    bool too_long = false;
    auto got = lines.next(row, static_cast<size_t>(max_input), &too_long);
    if (!got) {
      on_error(got.error());
      continue;  // after a corrupt member the reader goes on; after a truncation it ends
    }
    if (!*got) break;
    if (row.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (too_long) {
      Document d;
      d.source = path + ":" + std::to_string(lines.line_number());
      d.error = "line exceeds " + std::to_string(max_input) + " bytes";
      on_doc(d);
      continue;
    }
    Document d = document_of_line(path, lines.line_number(), row, o);
    on_doc(d);
  }
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
  InputSource source(max_input);
  auto site_of = [&](const Document& d) { return o.ignore_urls ? std::string() : clean::site_key(d.url); };

  std::unique_ptr<clean::CorpusStats> stats;
  if (corpus) {
    stats = std::make_unique<clean::CorpusStats>();
    for (const auto& path : o.inputs) {
      for_each_document(
          path, o, source, max_input,
          [&](const Document& d) {
            if (!d.error) stats->add_document(d.text, site_of(d));
          },
          [](const Error&) {});  // reported in pass 2
    }
  }

  auto t0 = std::chrono::steady_clock::now();
  std::clock_t cpu0 = std::clock();
  uint64_t bytes = 0, docs_done = 0, lines_removed = 0;
  bool array = o.format == OutFormat::json && (o.jsonl || o.inputs.size() > 1);
  bool first_out = true;
  if (array) std::fputs("[\n", stdout);
  auto clean_one = [&](const Document& d) {
    if (d.error) {
      std::fprintf(stderr, "saring clean: %s: %s\n", d.source.c_str(), d.error->c_str());
      failed = true;
      return;
    }
    auto r = clean::clean_document(d.text, o.clean, stats.get(), site_of(d));
    if (!r) {
      std::fprintf(stderr, "saring clean: %s: %s\n", d.source.c_str(), r.error().describe().c_str());
      failed = true;
      return;
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
  };
  auto report = [&](const Error& e) {
    std::fprintf(stderr, "saring clean: %s\n", e.describe().c_str());
    failed = true;
  };
  for (const auto& path : o.inputs) for_each_document(path, o, source, max_input, clean_one, report);
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
