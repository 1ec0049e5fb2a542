// `saring extract`: main text and metadata from HTML pages.
//
// Flags become page::PageOptions; each input is read (gzip, zstd transparently),
// handed to page::process_page, and printed in the asked format. Inputs are
// processed in parallel batches but always printed in input order, so the
// output bytes do not depend on --threads. A failing input is reported on
// stderr (and as an `error` record in JSONL) and the others go on.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "saring/io.h"
#include "saring/page.h"

namespace saring::cli {
namespace {

enum class Format { txt, md, json, jsonl };

struct Input {
  std::string path;  // "-" for standard input
  std::string url;
};

struct ExtractCommandOptions {
  page::PageOptions page;
  Format format = Format::txt;
  std::vector<Input> inputs;
  unsigned threads = 1;
};

const char* kUsage = R"(usage: saring extract [options] INPUT...

Main text and metadata from HTML pages. INPUT is a .html, .html.gz or .html.zst
file, or '-' for standard input.

options:
  --url URL            the page's address (dates in URLs, relative links);
                       applies to every INPUT given on the command line
  --input-list FILE    read inputs from FILE: one 'PATH<TAB>URL' per line
                       (URL optional); '-' reads the list from standard input
  --format FMT         txt (default; paragraphs separated by a blank line),
                       md (Markdown), json (one object), jsonl (one object per
                       input, one line each, in input order)
  --comments / --no-comments   keep or drop comment sections (default: drop)
  --tables / --no-tables       keep or drop tables (default: keep)
  --links / --no-links         keep link targets in Markdown (default: drop)
  --images / --no-images       keep images in Markdown (default: drop)
  --formatting                 keep bold/italic in Markdown
  --precision | --recall       favour precision or recall (default: balanced)
  --parser NAME        HTML parser backend: native (default), myhtml or libxml2
  --no-language        skip language identification
  --max-bytes N        larger pages are an error (default 67108864)
  --threads N          pages processed in parallel (default 1)
  -h, --help           this text

exit status: 0 all inputs processed, 1 some inputs failed, 2 usage error.
)";

std::optional<std::string> take_value(const std::vector<std::string>& args, size_t& i) {
  if (i + 1 >= args.size()) return std::nullopt;
  return args[++i];
}

Result<std::vector<Input>> read_input_list(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return make_error(ErrorCode::io, "cannot open input list " + path);
    in = &file;
  }
  std::vector<Input> inputs;
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) inputs.push_back({line, ""});
    else inputs.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return inputs;
}

// Parses flags; on a usage error prints why and returns nullopt.
std::optional<ExtractCommandOptions> parse_flags(const std::vector<std::string>& args,
                                                 bool& wants_help) {
  ExtractCommandOptions o;
  std::string url;
  std::vector<std::string> paths;
  auto fail = [](const std::string& why) {
    std::fprintf(stderr, "saring extract: %s\n(see 'saring extract --help')\n", why.c_str());
    return std::nullopt;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto& ex = o.page.extract;
    if (a == "-h" || a == "--help") {
      wants_help = true;
      return o;
    } else if (a == "--url") {
      auto v = take_value(args, i);
      if (!v) return fail("--url needs a value");
      url = *v;
    } else if (a == "--input-list") {
      auto v = take_value(args, i);
      if (!v) return fail("--input-list needs a file");
      auto list = read_input_list(*v);
      if (!list.ok()) return fail(list.error().message);
      for (auto& in : list.value()) o.inputs.push_back(std::move(in));
    } else if (a == "--format") {
      auto v = take_value(args, i);
      if (!v) return fail("--format needs a value");
      if (*v == "txt") o.format = Format::txt;
      else if (*v == "md") o.format = Format::md;
      else if (*v == "json") o.format = Format::json;
      else if (*v == "jsonl") o.format = Format::jsonl;
      else return fail("unknown format '" + *v + "' (txt, md, json, jsonl)");
    } else if (a == "--comments") ex.include_comments = true;
    else if (a == "--no-comments") ex.include_comments = false;
    else if (a == "--tables") ex.include_tables = true;
    else if (a == "--no-tables") ex.include_tables = false;
    else if (a == "--links") ex.include_links = true;
    else if (a == "--no-links") ex.include_links = false;
    else if (a == "--images") ex.include_images = true;
    else if (a == "--no-images") ex.include_images = false;
    else if (a == "--formatting") ex.include_formatting = true;
    else if (a == "--precision") ex.focus = extract::Focus::precision;
    else if (a == "--recall") ex.focus = extract::Focus::recall;
    else if (a == "--no-language") o.page.identify_language = false;
    else if (a == "--parser") {
      auto v = take_value(args, i);
      if (!v) return fail("--parser needs a value");
      auto b = html::backend_from_string(*v);
      if (!b.ok()) return fail(b.error().message);
      o.page.parse.backend = b.value();
    } else if (a == "--max-bytes" || a == "--threads") {
      auto v = take_value(args, i);
      if (!v) return fail(a + " needs a number");
      char* end = nullptr;
      unsigned long long n = std::strtoull(v->c_str(), &end, 10);
      if (!end || *end || n == 0) return fail(a + " needs a positive number, got '" + *v + "'");
      if (a == "--threads") o.threads = static_cast<unsigned>(std::min(n, 1024ULL));
      else o.page.parse.max_bytes = n;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return fail("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  for (auto& p : paths) o.inputs.push_back({p, url});
  if (o.inputs.empty()) return fail("no INPUT given");
  if (o.format == Format::json && o.inputs.size() > 1) {
    return fail("--format json writes one object; use jsonl for several inputs");
  }
  o.page.output = o.format == Format::md ? page::OutputText::markdown : page::OutputText::plain;
  return o;
}

// Reads a whole input, decompressing gzip or zstd (io::read_all); a larger
// page is an error, never truncated.
Result<std::string> read_input(const std::string& path, size_t max_bytes) {
  return io::read_all(path, max_bytes);
}

// A page's record as one JSON object: compact for jsonl, indented for json.
// Keys in sorted order.
std::string record_json(const Input& in, const page::PageResult& r, io::JsonWriter::Layout layout) {
  const auto& m = r.metadata;
  io::JsonWriter j(layout);
  j.begin_object();
  j.key("author");
  j.string_or_null(m.author);
  j.key("charset");
  j.string(r.charset);
  j.key("date");
  j.string_or_null(m.date);
  j.key("date_source");
  if (m.date) j.string(m.date_source);
  else j.null();
  j.key("description");
  j.string_or_null(m.description);
  j.key("extraction_stage");
  j.string(extract::to_string(r.content.stage));
  j.key("image");
  j.string_or_null(m.image);
  j.key("language");
  j.string_or_null(r.language);
  j.key("language_score");
  if (r.language) j.number(r.language_score);
  else j.null();
  j.key("page_type");
  j.string_or_null(m.page_type);
  j.key("sitename");
  j.string_or_null(m.sitename);
  j.key("source");
  j.string(in.path);
  j.key("tags");
  j.begin_array();
  for (const auto& t : m.tags) j.string(t);
  j.end_array();
  j.key("text");
  j.string(r.text);
  j.key("title");
  j.string_or_null(m.title);
  j.key("url");
  if (!in.url.empty()) j.string(in.url);
  else j.string_or_null(m.url);
  j.end_object();
  return j.take();
}

std::string error_json(const Input& in, const std::string& error, io::JsonWriter::Layout layout) {
  io::JsonWriter j(layout);
  j.begin_object();
  j.key("error");
  j.string(error);
  j.key("source");
  j.string(in.path);
  j.key("url");
  if (in.url.empty()) j.null();
  else j.string(in.url);
  j.end_object();
  return j.take();
}

struct Outcome {
  std::string output;  // what goes to stdout
  std::string error;   // non-empty when the input failed
};

Outcome process_one(const Input& in, const ExtractCommandOptions& o) {
  Outcome out;
  auto bytes = read_input(in.path, o.page.parse.max_bytes);
  Result<page::PageResult> result =
      bytes.ok() ? page::process_page(std::move(bytes.value()), in.url, o.page)
                 : Result<page::PageResult>(bytes.error());
  if (!result.ok()) out.error = result.error().describe();

  switch (o.format) {
    case Format::txt:
    case Format::md:
      if (result.ok()) {
        out.output = result->text;
        if (!out.output.empty() && out.output.back() != '\n') out.output.push_back('\n');
        if (o.inputs.size() > 1) out.output.push_back('\n');
      }
      break;
    case Format::json:
    case Format::jsonl: {
      auto layout = o.format == Format::json ? io::JsonWriter::Layout::indented
                                             : io::JsonWriter::Layout::compact;
      out.output = result.ok() ? record_json(in, result.value(), layout)
                               : error_json(in, out.error, layout);
      out.output.push_back('\n');
      break;
    }
  }
  return out;
}

int run_extract(const std::vector<std::string>& args) {
  bool wants_help = false;
  auto parsed = parse_flags(args, wants_help);
  if (wants_help) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (!parsed) return kExitUsage;
  const ExtractCommandOptions& o = *parsed;

  // Batches keep memory bounded while threads work; output order is input order.
  const size_t batch = std::max<size_t>(1, 16 * o.threads);
  std::vector<Outcome> outcomes;
  size_t failed = 0;
  for (size_t start = 0; start < o.inputs.size(); start += batch) {
    size_t end = std::min(o.inputs.size(), start + batch);
    outcomes.assign(end - start, {});
    std::atomic<size_t> next{start};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < end;) outcomes[i - start] = process_one(o.inputs[i], o);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < o.threads && t < end - start; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = start; i < end; ++i) {
      const Outcome& oc = outcomes[i - start];
      if (!oc.error.empty()) {
        ++failed;
        std::fprintf(stderr, "saring extract: %s: %s\n", o.inputs[i].path.c_str(), oc.error.c_str());
      }
      std::fwrite(oc.output.data(), 1, oc.output.size(), stdout);
    }
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "saring extract: cannot write output: %s\n", std::strerror(errno));
    return kExitSomeFailed;
  }
  return failed ? kExitSomeFailed : kExitOk;
}

const bool registered = register_command(
    {"extract", "main text and metadata from HTML pages", &run_extract});

}  // namespace
}  // namespace saring::cli
