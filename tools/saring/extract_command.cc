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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "saring/io.h"
#include "saring/page.h"
#include "saring/utf8.h"

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

nlohmann::json optional_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json record_json(const Input& in, const page::PageResult& r) {
  const auto& m = r.metadata;
  nlohmann::json j;
  j["source"] = in.path;
  j["url"] = !in.url.empty() ? nlohmann::json(in.url) : optional_json(m.url);
  j["title"] = optional_json(m.title);
  j["author"] = optional_json(m.author);
  j["date"] = optional_json(m.date);
  j["sitename"] = optional_json(m.sitename);
  j["description"] = optional_json(m.description);
  j["language"] = optional_json(r.language);
  j["tags"] = m.tags;
  j["image"] = optional_json(m.image);
  j["text"] = r.text;
  j["language_score"] = r.language ? nlohmann::json(r.language_score) : nlohmann::json(nullptr);
  j["date_source"] = m.date ? nlohmann::json(m.date_source) : nlohmann::json(nullptr);
  j["page_type"] = optional_json(m.page_type);
  j["extraction_stage"] = std::string(extract::to_string(r.content.stage));
  j["charset"] = r.charset;
  return j;
}

// ---- JSON Lines writer ---------------------------------------------------
// A record per page is written directly, in the bytes nlohmann::json's
// dump() gives for the same object (keys in sorted order, no spaces, UTF-8
// kept, control characters as \b \f \n \r \t or \u00xx): building a
// json tree per page cost more than the rest of the output path. Numbers and
// strings that are not valid UTF-8 (not expected: every string comes from the
// validated DOM) still go through nlohmann, so their bytes stay identical.

void append_escaped(std::string& out, std::string_view s) {
  if (!utf8::is_valid(s)) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
#if defined(__SSE2__)
    // 16 bytes at a time while none needs escaping (< 0x20, '"', '\\').
    while (i + 16 <= s.size()) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      __m128i ctrl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
      __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
      int m = _mm_movemask_epi8(_mm_or_si128(ctrl, special));
      if (m) {
        i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
        break;
      }
      i += 16;
    }
    if (i >= s.size()) break;
#endif
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

class JsonLine {
 public:
  explicit JsonLine(std::string& out) : out_(out) { out_.push_back('{'); }
  void key(std::string_view k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    append_escaped(out_, k);
    out_.push_back(':');
  }
  void string(std::string_view k, std::string_view v) {
    key(k);
    append_escaped(out_, v);
  }
  void optional(std::string_view k, const std::optional<std::string>& v) {
    key(k);
    if (v) append_escaped(out_, *v);
    else out_ += "null";
  }
  void null(std::string_view k) {
    key(k);
    out_ += "null";
  }
  void number(std::string_view k, double v) {
    key(k);
    out_ += nlohmann::json(v).dump();
  }
  void strings(std::string_view k, const std::vector<std::string>& v) {
    key(k);
    out_.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_.push_back(',');
      append_escaped(out_, v[i]);
    }
    out_.push_back(']');
  }
  void close() { out_.push_back('}'); }

 private:
  std::string& out_;
  bool first_ = true;
};

// record_json(in, r).dump() without the tree; keys in sorted order.
void write_record_line(std::string& out, const Input& in, const page::PageResult& r) {
  const auto& m = r.metadata;
  JsonLine j(out);
  j.optional("author", m.author);
  j.string("charset", r.charset);
  j.optional("date", m.date);
  if (m.date) j.string("date_source", m.date_source);
  else j.null("date_source");
  j.optional("description", m.description);
  j.string("extraction_stage", extract::to_string(r.content.stage));
  j.optional("image", m.image);
  j.optional("language", r.language);
  if (r.language) j.number("language_score", r.language_score);
  else j.null("language_score");
  j.optional("page_type", m.page_type);
  j.optional("sitename", m.sitename);
  j.string("source", in.path);
  j.strings("tags", m.tags);
  j.string("text", r.text);
  j.optional("title", m.title);
  if (!in.url.empty()) j.string("url", in.url);
  else j.optional("url", m.url);
  j.close();
}

void write_error_line(std::string& out, const Input& in, const std::string& error) {
  JsonLine j(out);
  j.string("error", error);
  j.string("source", in.path);
  if (in.url.empty()) j.null("url");
  else j.string("url", in.url);
  j.close();
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

  auto dump = [](const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  switch (o.format) {
    case Format::txt:
    case Format::md:
      if (result.ok()) {
        out.output = result->text;
        if (!out.output.empty() && out.output.back() != '\n') out.output.push_back('\n');
        if (o.inputs.size() > 1) out.output.push_back('\n');
      }
      break;
    case Format::jsonl:
      if (result.ok()) write_record_line(out.output, in, result.value());
      else write_error_line(out.output, in, out.error);
      out.output.push_back('\n');
      break;
    case Format::json: {
      nlohmann::json j;
      if (result.ok()) {
        j = record_json(in, result.value());
      } else {
        j["source"] = in.path;
        j["url"] = in.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(in.url);
        j["error"] = out.error;
      }
      out.output = dump(j, o.format == Format::json ? 2 : -1);
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
