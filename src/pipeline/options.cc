// The option table of saring's commands and the command-line parser built on
// it (saring/options.h). A row names its setters; the parser only turns
// text into an OptionValue of the row's type and calls the setter of the job
// being built, so the command line and the config file (config.cc) set every
// option through the same code.
#include "saring/options.h"

#include <charconv>
#include <fstream>
#include <iostream>

namespace saring::pipeline {

namespace {

constexpr unsigned kExtract = static_cast<unsigned>(Command::extract);
constexpr unsigned kClean = static_cast<unsigned>(Command::clean);
constexpr unsigned kRun = static_cast<unsigned>(Command::run);
constexpr unsigned kNoFlag = 0;  // config file (and Python) only

Error invalid(std::string message) { return make_error(ErrorCode::invalid_input, std::move(message)); }

Status at_least(const OptionValue& v, uint64_t low, std::string_view what) {
  if (v.integer < low) return invalid("needs " + std::string(what));
  return ok_status();
}

// Reads the input list of `saring extract --input-list`: one 'PATH<TAB>URL'
// per line (URL optional); "-" is standard input.
Status read_input_list(const std::string& path, std::vector<ExtractInput>& inputs) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return make_error(ErrorCode::io, "cannot open input list " + path);
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) inputs.push_back({line, ""});
    else inputs.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return ok_status();
}

Status set_focus(extract::Focus& focus, std::string_view s) {
  if (s == "balanced") focus = extract::Focus::balanced;
  else if (s == "precision") focus = extract::Focus::precision;
  else if (s == "recall") focus = extract::Focus::recall;
  else return invalid("expected balanced, precision or recall");
  return ok_status();
}

Status set_backend(html::Backend& backend, std::string_view s) {
  auto b = html::backend_from_string(s);
  if (!b.ok()) return b.error();
  backend = b.value();
  return ok_status();
}

// Decimal digits only: no sign, no space, no suffix.
bool parse_digits(std::string_view s, uint64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// "en,,id" -> {"en", "id"}.
std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> parts;
  for (;;) {
    size_t comma = text.find(',');
    if (comma != 0 && !text.empty()) parts.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return parts;
}

Status set_shard(RunOptions& o, std::string_view v) {
  auto slash = v.find('/');
  uint64_t i = 0, n = 0;
  if (slash == std::string_view::npos || !parse_digits(v.substr(0, slash), i) ||
      !parse_digits(v.substr(slash + 1), n) || n == 0 || i >= n || n > 1000000)
    return invalid("needs I/N with 0 <= I < N");
  o.shard_index = static_cast<uint32_t>(i);
  o.shard_count = static_cast<uint32_t>(n);
  return ok_status();
}

// The MinHash sizes; validate() checks them together once all are set.
Status set_minhash(uint32_t& field, const OptionValue& v) {
  if (v.integer > 100000) return invalid("too large");
  field = static_cast<uint32_t>(v.integer);
  return ok_status();
}

// Setters are captureless lambdas; these shorten the rows.
#define SARING_SET_EXTRACT(body) [](ExtractJob& j, const OptionValue& v) -> Status { body; return ok_status(); }
#define SARING_SET_CLEAN(body) [](CleanJob& j, const OptionValue& v) -> Status { body; return ok_status(); }
#define SARING_SET_RUN(body) [](RunJob& j, const OptionValue& v) -> Status { auto& o = j.options; (void)o; body; return ok_status(); }

// An extraction setting that extract and run both take: the same change to
// the job's page options.
#define SARING_SET_PAGE(body) \
  SARING_SET_EXTRACT(auto& p = j.page; body), nullptr, SARING_SET_RUN(auto& p = o.page; body)

using T = OptionType;

const OptionSpec kOptions[] = {
    // ---- inputs and outputs
    {"url", T::text, kExtract | kClean, "", "URL", "",
     "the address of the INPUTs given on the command line (dates in URLs,\n"
     "relative links; the site in clean's corpus mode)", "",
     SARING_SET_EXTRACT(j.url = v.text), SARING_SET_CLEAN(j.url = v.text)},
    {"input-list", T::text, kExtract, "", "FILE", "",
     "read inputs from FILE: one 'PATH<TAB>URL' per line (URL optional);\n"
     "'-' reads the list from standard input", "",
     [](ExtractJob& j, const OptionValue& v) { return read_input_list(v.text, j.inputs); }},
    {"jsonl", T::flag, kClean, "", "", "",
     "inputs are JSONL documents with a text field and optional `url`, `id`\n"
     "(corpus mode on by default)", "",
     nullptr, SARING_SET_CLEAN(j.jsonl = v.on)},
    {"text-field", T::text, kClean, "", "NAME", "text", "JSONL field holding the text", "",
     nullptr, SARING_SET_CLEAN(j.text_field = v.text)},
    {"output", T::text, kRun, "", "DIR", "", "output directory (required)", "",
     nullptr, nullptr, SARING_SET_RUN(o.output_dir = v.text), 'o'},
    {"config", T::text, kRun, "", "FILE", "",
     "TOML configuration (see docs/cli.md); flags given after it override it", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) { return load_config(v.text, j.options); }},
    {"input-format", T::text, kRun, "input.format", "FMT", "auto", "input format", "auto,warc,jsonl,html,text",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) -> Status {
       auto f = io::format_from_string(v.text);
       if (!f.ok()) return f.error();
       j.options.input_format = *f;
       return ok_status();
     }},
    {"shard", T::text, kRun, "", "I/N", "",
     "process the I-th (0-based) of N contiguous parts of the inputs, of about\n"
     "equal bytes; a gzip WARC is split at its members (e.g. a Slurm array task)", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) { return set_shard(j.options, v.text); }},
    {"format", T::text, kExtract, "", "FMT", "txt",
     "txt (paragraphs separated by a blank line), md (Markdown), json (one\n"
     "object), jsonl (one object per input, one line each, in input order)",
     "txt,md,json,jsonl",
     SARING_SET_EXTRACT(j.format = v.text == "md" ? ExtractFormat::md
                                 : v.text == "json" ? ExtractFormat::json
                                 : v.text == "jsonl" ? ExtractFormat::jsonl : ExtractFormat::txt)},
    {"format", T::text, kClean, "", "FMT", "txt",
     "txt (the repaired text; documents separated by a blank line), json (an\n"
     "object, or an array of them for several documents), jsonl (one object\n"
     "per line)",
     "txt,json,jsonl", nullptr,
     SARING_SET_CLEAN(j.format = v.text == "json" ? CleanFormat::json
                               : v.text == "jsonl" ? CleanFormat::jsonl : CleanFormat::txt)},
    // ---- extraction
    {"comments", T::toggle, kExtract, "extract.include_comments", "", "off", "keep comment sections", "",
     SARING_SET_PAGE(p.extract.include_comments = v.on)},
    {"tables", T::toggle, kExtract, "extract.include_tables", "", "on", "keep tables", "",
     SARING_SET_PAGE(p.extract.include_tables = v.on)},
    {"links", T::toggle, kExtract, "extract.include_links", "", "off", "keep link targets in Markdown", "",
     SARING_SET_PAGE(p.extract.include_links = v.on)},
    {"images", T::toggle, kExtract, "extract.include_images", "", "off", "keep images in Markdown", "",
     SARING_SET_PAGE(p.extract.include_images = v.on)},
    {"formatting", T::toggle, kExtract, "extract.include_formatting", "", "off",
     "keep bold/italic in Markdown", "",
     SARING_SET_PAGE(p.extract.include_formatting = v.on)},
    {"focus", T::text, kNoFlag, "extract.focus", "", "balanced", "favour precision or recall",
     "balanced,precision,recall", nullptr, nullptr,
     [](RunJob& j, const OptionValue& v) { return set_focus(j.options.page.extract.focus, v.text); }},
    {"precision", T::flag, kExtract, "", "", "", "favour precision (focus = precision)", "",
     SARING_SET_EXTRACT(j.page.extract.focus = extract::Focus::precision)},
    {"recall", T::flag, kExtract, "", "", "", "favour recall (focus = recall)", "",
     SARING_SET_EXTRACT(j.page.extract.focus = extract::Focus::recall)},
    {"markdown", T::toggle, kNoFlag, "extract.markdown", "", "off", "Markdown text instead of plain", "",
     nullptr, nullptr,
     SARING_SET_RUN(o.page.output = v.on ? page::OutputText::markdown : page::OutputText::plain)},
    {"parser", T::text, kExtract, "extract.parser", "NAME", "native", "HTML parser backend",
     "native,myhtml,libxml2",
     [](ExtractJob& j, const OptionValue& v) { return set_backend(j.page.parse.backend, v.text); }, nullptr,
     [](RunJob& j, const OptionValue& v) { return set_backend(j.options.page.parse.backend, v.text); }},
    // ---- cleaning
    {"corpus", T::toggle, kClean, "", "", "on with --jsonl",
     "two passes: remove lines that repeat across documents of the same site\n"
     "(URL host; without URLs, documents that share several repeated lines)", "",
     nullptr, SARING_SET_CLEAN(j.corpus = v.on ? 1 : 0)},
    {"corpus", T::toggle, kRun, "clean.corpus", "", "off",
     "corpus mode for text records: count lines per site (URL host) in a first\n"
     "pass, then remove lines that repeat in >= --min-docs documents of a site", "",
     nullptr, nullptr, SARING_SET_RUN(o.corpus = v.on)},
    {"corpus-count-only", T::flag, kRun, "", "", "",
     "corpus mode, first pass only: write this shard's exact line counts to\n"
     "OUTDIR/corpus-lines.scx (for saring corpus merge) and stop", "",
     nullptr, nullptr, SARING_SET_RUN(o.corpus_count_only = v.on)},
    {"corpus-lines", T::text, kRun, "clean.corpus_lines", "FILE", "",
     "corpus mode with these counts (saring corpus merge) instead of a first\n"
     "pass; needed with --shard I/N", "",
     nullptr, nullptr, SARING_SET_RUN(o.corpus_lines = v.text)},
    {"min-docs", T::integer, kClean | kRun, "clean.corpus_min_documents", "N", "3",
     "corpus mode: a line is boilerplate in >= N documents of a site", "",
     nullptr, [](CleanJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a positive number"); !st.ok()) return st;
       j.clean.corpus_min_documents = static_cast<uint32_t>(std::min<uint64_t>(v.integer, UINT32_MAX));
       return ok_status();
     },
     [](RunJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a positive number"); !st.ok()) return st;
       j.options.clean.corpus_min_documents = static_cast<uint32_t>(std::min<uint64_t>(v.integer, UINT32_MAX));
       return ok_status();
     }},
    {"ignore-urls", T::flag, kClean, "", "", "", "corpus mode: group documents by shared lines only", "",
     nullptr, SARING_SET_CLEAN(j.ignore_urls = v.on)},
    {"aggressive", T::flag, kClean, "clean.aggressive", "", "",
     "remove more: phrase hits on any non-body line and unpunctuated lines\n"
     "outside the body", "",
     nullptr, SARING_SET_CLEAN(j.clean.aggressive = v.on), SARING_SET_RUN(o.clean.aggressive = v.on)},
    {"title", T::toggle, kClean, "clean.keep_title", "", "off",
     "keep the headline in the text (it is always in `title`)", "",
     nullptr, SARING_SET_CLEAN(j.clean.keep_title = v.on), SARING_SET_RUN(o.clean.keep_title = v.on)},
    {"unwrap", T::toggle, kClean, "", "", "on", "rejoin paragraphs wrapped at a fixed width", "",
     nullptr, SARING_SET_CLEAN(j.clean.unwrap = v.on)},
    // ---- stages of saring run
    {"extract", T::toggle, kRun, "extract.enabled", "", "on", "extract HTML records (off: drop them)", "",
     nullptr, nullptr, SARING_SET_RUN(o.extract_enabled = v.on)},
    {"clean", T::toggle, kRun, "clean.enabled", "", "on",
     "repair text records (off: keep them as they are)", "",
     nullptr, nullptr, SARING_SET_RUN(o.clean_enabled = v.on)},
    {"language", T::toggle, kExtract | kClean | kRun, "lang.enabled", "", "on", "language identification", "",
     SARING_SET_EXTRACT(j.page.identify_language = v.on), SARING_SET_CLEAN(j.language = v.on),
     SARING_SET_RUN(o.lang_enabled = v.on)},
    {"languages", T::list, kRun, "lang.languages", "LIST", "all", "keep only these languages (e.g. en,id,ms)", "",
     nullptr, nullptr, SARING_SET_RUN(o.languages = v.list)},
    {"min-language-score", T::number, kRun, "lang.min_score", "X", "0",
     "drop documents whose language score is below X", "",
     nullptr, nullptr, SARING_SET_RUN(o.min_language_score = v.number)},
    {"model", T::text, kNoFlag, "lang.model", "FILE", "the installed lid.176.ftz",
     "fastText language-ID model", "", nullptr, nullptr, SARING_SET_RUN(o.model_path = v.text)},
    {"filter", T::toggle, kRun, "filter.enabled", "", "on", "quality filters", "",
     nullptr, nullptr, SARING_SET_RUN(o.filter_enabled = v.on)},
    {"dedup", T::toggle, kRun, "dedup.enabled", "", "on", "deduplication", "",
     nullptr, nullptr, SARING_SET_RUN(o.dedup_enabled = v.on)},
    {"dedup-exact", T::toggle, kNoFlag, "dedup.exact", "", "on", "exact duplicates", "",
     nullptr, nullptr, SARING_SET_RUN(o.dedup_index.exact = v.on)},
    {"dedup-near", T::toggle, kNoFlag, "dedup.near", "", "on", "MinHash-LSH near duplicates", "",
     nullptr, nullptr, SARING_SET_RUN(o.dedup_index.near = v.on)},
    {"shingle-size", T::integer, kNoFlag, "dedup.shingle_size", "N", "5", "words per shingle", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) { return set_minhash(j.options.minhash.shingle_size, v); }},
    {"bands", T::integer, kNoFlag, "dedup.bands", "N", "14", "MinHash-LSH bands", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) { return set_minhash(j.options.minhash.num_bands, v); }},
    {"rows", T::integer, kNoFlag, "dedup.rows", "N", "8", "MinHash values per band", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) { return set_minhash(j.options.minhash.rows_per_band, v); }},
    {"seed", T::integer, kNoFlag, "dedup.seed", "N", "1", "seed of the MinHash permutations", "",
     nullptr, nullptr, SARING_SET_RUN(o.minhash.seed = v.integer)},
    // ---- limits, output and running
    {"max-bytes", T::integer, kExtract | kClean, "", "N", "67108864", "larger inputs are an error", "",
     [](ExtractJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a positive number"); !st.ok()) return st;
       j.page.parse.max_bytes = v.integer;
       return ok_status();
     },
     [](CleanJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a positive number"); !st.ok()) return st;
       j.clean.max_bytes = v.integer;
       return ok_status();
     }},
    // The work budget of a page (html::ParseOptions): a page that needs more
    // units (DOM nodes and attributes) is an error, extract:too_costly in run.
    {"work-base", T::integer, kExtract, "extract.work_base", "N", "100000",
     "work units (DOM nodes and attributes) any page may use; more is an error (too_costly)", "",
     SARING_SET_PAGE(p.parse.work_base = v.integer)},
    {"work-per-kib", T::integer, kExtract, "extract.work_per_kib", "N", "96",
     "more work units a page may use per KiB of its size", "",
     SARING_SET_PAGE(p.parse.work_per_kib = v.integer)},
    {"max-record-bytes", T::size, kNoFlag, "input.max_record_bytes", "BYTES", "64M",
     "larger records are skipped", "", nullptr, nullptr,
     SARING_SET_RUN(o.reader.max_record_bytes = v.integer)},
    {"keep-non-2xx", T::toggle, kNoFlag, "input.keep_non_2xx", "", "off",
     "keep WARC responses with a status outside 200..299", "", nullptr, nullptr,
     SARING_SET_RUN(o.reader.keep_non_2xx = v.on)},
    {"keep-text-responses", T::toggle, kNoFlag, "input.keep_text_responses", "", "off",
     "keep WARC responses served as text/plain", "", nullptr, nullptr,
     SARING_SET_RUN(o.reader.keep_text_responses = v.on)},
    {"rejected", T::toggle, kRun, "output.rejected", "", "on", "write rejected documents", "",
     nullptr, nullptr, SARING_SET_RUN(o.write_rejected = v.on)},
    {"rejected-text", T::toggle, kNoFlag, "output.rejected_text", "", "on",
     "rejected documents carry their text", "", nullptr, nullptr,
     SARING_SET_RUN(o.rejected_text = v.on)},
    {"shard-size", T::size, kRun, "output.shard_bytes", "BYTES", "128M",
     "uncompressed bytes per output shard (K, M, G suffixes)", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a size such as 64M"); !st.ok()) return st;
       j.options.output_shard_bytes = v.integer;
       return ok_status();
     }},
    {"zstd-level", T::integer, kNoFlag, "output.zstd_level", "N", "3", "zstd level of the shards (1..19)", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) -> Status {
       if (v.integer < 1 || v.integer > 19) return invalid("expected 1..19");
       j.options.zstd_level = static_cast<int>(v.integer);
       return ok_status();
     }},
    {"threads", T::integer, kExtract, "", "N", "1", "pages processed in parallel", "",
     [](ExtractJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "a positive number"); !st.ok()) return st;
       j.threads = static_cast<unsigned>(std::min<uint64_t>(v.integer, 1024));
       return ok_status();
     }},
    {"threads", T::integer, kRun, "run.threads", "N", "all cores", "worker threads (at most 1024)", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) -> Status {
       if (v.integer > 1024) return invalid("needs a number up to 1024");
       j.options.threads = static_cast<unsigned>(v.integer);
       return ok_status();
     }},
    {"batch-items", T::integer, kNoFlag, "run.batch_items", "N", "256", "documents per batch", "",
     nullptr, nullptr, [](RunJob& j, const OptionValue& v) -> Status {
       if (auto st = at_least(v, 1, "at least 1"); !st.ok()) return st;
       j.options.batch_items = static_cast<size_t>(v.integer);
       return ok_status();
     }},
    {"batch-bytes", T::size, kNoFlag, "run.batch_bytes", "BYTES", "64M", "raw bytes per batch", "",
     nullptr, nullptr, SARING_SET_RUN(o.batch_bytes = v.integer)},
    {"overwrite", T::flag, kRun, "", "", "", "replace what OUTDIR holds instead of resuming", "",
     nullptr, nullptr, SARING_SET_RUN(o.overwrite = v.on)},
    {"stats", T::flag, kClean, "", "", "", "print documents, bytes, MB/s and removals to stderr", "",
     nullptr, SARING_SET_CLEAN(j.stats = v.on)},
    {"progress", T::toggle, kRun, "", "", "when stderr is a terminal", "the progress line on stderr", "",
     nullptr, nullptr, SARING_SET_RUN(j.progress = v.on ? 1 : 0)},
    {"quiet", T::flag, kRun, "", "", "", "no progress line (= --no-progress)", "",
     nullptr, nullptr, SARING_SET_RUN(j.progress = 0)},
    {"report", T::flag, kRun, "", "", "", "write OUTDIR/report.html when done (as saring report OUTDIR)", "",
     nullptr, nullptr, SARING_SET_RUN(j.report = v.on)},
};

#undef SARING_SET_EXTRACT
#undef SARING_SET_CLEAN
#undef SARING_SET_RUN
#undef SARING_SET_PAGE

const OptionAlias kAliases[] = {
    {"--no-lang", "--no-language", kRun},
};

bool takes(const OptionSpec& o, Command c) { return (o.commands & static_cast<unsigned>(c)) != 0; }

auto setter(const OptionSpec& o, ExtractJob*) { return o.set_extract; }
auto setter(const OptionSpec& o, CleanJob*) { return o.set_clean; }
auto setter(const OptionSpec& o, RunJob*) { return o.set_run; }

// The loop shared by the three commands: flags through the table, the rest
// into `positional`.
template <class Job>
Result<ParsedArgs<Job>> parse_args(Command command, const std::vector<std::string>& args,
                                   std::vector<std::string>& positional) {
  ParsedArgs<Job> parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "-h" || a == "--help") {
      parsed.help = true;
      return parsed;
    }
    if (a.size() < 2 || a[0] != '-') {
      positional.push_back(a);
      continue;
    }
    for (const auto& alias : kAliases) {
      if (a == alias.old_flag && (alias.commands & static_cast<unsigned>(command))) {
        parsed.warnings.push_back("'" + a + "' is deprecated; use '" + std::string(alias.new_flag) + "'");
        a = alias.new_flag;
      }
    }
    const OptionSpec* spec = nullptr;
    bool negated = false;
    if (a.size() == 2) {
      for (const auto& o : kOptions)
        if (o.short_name == a[1] && takes(o, command)) spec = &o;
    } else if (a.compare(0, 2, "--") == 0) {
      std::string_view name = std::string_view(a).substr(2);
      spec = find_option(name, command);
      if (!spec && name.substr(0, 3) == "no-") {
        spec = find_option(name.substr(3), command);
        negated = spec != nullptr;
        if (spec && spec->type != OptionType::toggle) spec = nullptr;
      }
    }
    if (!spec) return invalid("unknown option '" + a + "'");
    OptionValue value;
    if (spec->type == OptionType::toggle || spec->type == OptionType::flag) {
      value.on = !negated;
    } else {
      if (i + 1 >= args.size()) return invalid(a + " needs a value");
      auto v = parse_option_value(*spec, args[++i]);
      if (!v.ok()) return invalid(a + " " + v.error().message);
      value = std::move(*v);
    }
    auto st = setter(*spec, static_cast<Job*>(nullptr))(parsed.job, value);
    if (!st.ok()) return invalid(a + " " + st.error().message);
  }
  return parsed;
}

}  // namespace

std::span<const OptionSpec> option_table() { return kOptions; }
std::span<const OptionAlias> option_aliases() { return kAliases; }

const OptionSpec* find_option(std::string_view name, Command command) {
  for (const auto& o : kOptions)
    if (o.name == name && takes(o, command)) return &o;
  return nullptr;
}

std::string python_name(const OptionSpec& option) {
  std::string name(option.name);
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

Result<OptionValue> parse_option_value(const OptionSpec& option, std::string_view text) {
  OptionValue v;
  switch (option.type) {
    case OptionType::toggle:
    case OptionType::flag:
      if (text == "true") v.on = true;
      else if (text == "false") v.on = false;
      else return invalid("needs true or false, got '" + std::string(text) + "'");
      return v;
    case OptionType::integer:
      if (!parse_digits(text, v.integer))
        return invalid("needs a number, got '" + std::string(text) + "'");
      return v;
    case OptionType::size: {
      std::string_view digits = text;
      uint64_t unit = 1;
      if (!digits.empty()) {
        switch (digits.back()) {
          case 'K': case 'k': unit = uint64_t{1} << 10; break;
          case 'M': case 'm': unit = uint64_t{1} << 20; break;
          case 'G': case 'g': unit = uint64_t{1} << 30; break;
          default: break;
        }
        if (unit != 1) digits.remove_suffix(1);
      }
      if (!parse_digits(digits, v.integer) || v.integer > UINT64_MAX / unit)
        return invalid("needs a size such as 64M, got '" + std::string(text) + "'");
      v.integer *= unit;
      return v;
    }
    case OptionType::number: {
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v.number);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return invalid("needs a number, got '" + std::string(text) + "'");
      return v;
    }
    case OptionType::text: {
      v.text = std::string(text);
      if (option.choices.empty()) return v;
      for (const auto& choice : split_commas(option.choices))
        if (choice == text) return v;
      return invalid("got '" + v.text + "' (expected one of " + std::string(option.choices) + ")");
    }
    case OptionType::list:
      v.list = split_commas(text);
      return v;
  }
  return v;
}

std::string options_usage(Command command) {
  constexpr size_t kColumn = 24;  // where help text starts
  constexpr size_t kWidth = 79;
  std::string out = "options:\n";
  // Help words wrapped to kWidth from kColumn on; the first line goes after
  // the flag when it fits, else the help starts on a line of its own.
  auto row = [&](const std::string& flag, std::string_view help) {
    out += "  " + flag;
    size_t col = 2 + flag.size();
    if (col + 1 > kColumn) {
      out += "\n";
      col = 0;
    }
    out.append(kColumn - col, ' ');
    col = kColumn;
    for (size_t start = 0; start < help.size();) {
      size_t end = help.find_first_of(" \n", start);
      if (end == std::string_view::npos) end = help.size();
      std::string_view word = help.substr(start, end - start);
      start = end + 1;
      if (word.empty()) continue;
      if (col > kColumn && col + 1 + word.size() > kWidth) {
        out += "\n" + std::string(kColumn, ' ');
        col = kColumn;
      } else if (col > kColumn) {
        out += ' ';
        ++col;
      }
      out += word;
      col += word.size();
    }
    out += "\n";
  };
  for (const auto& o : kOptions) {
    if (!takes(o, command)) continue;
    std::string flag = o.short_name ? std::string("-") + o.short_name + ", " : "";
    flag += "--" + std::string(o.name);
    if (o.type == OptionType::toggle) flag += " / --no-" + std::string(o.name);
    if (!o.value_name.empty()) flag += " " + std::string(o.value_name);
    std::string help(o.help);
    if (!o.choices.empty()) help += " (" + std::string(o.choices) + ")";
    if (!o.default_text.empty()) help += " (default: " + std::string(o.default_text) + ")";
    row(flag, help);
  }
  for (const auto& a : kAliases)
    if (a.commands & static_cast<unsigned>(command))
      row(std::string(a.old_flag), "deprecated spelling of " + std::string(a.new_flag));
  row("-h, --help", "this text");
  return out;
}

Result<ParsedArgs<ExtractJob>> parse_extract_args(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  auto parsed = parse_args<ExtractJob>(Command::extract, args, paths);
  if (!parsed.ok() || parsed->help) return parsed;
  ExtractJob& j = parsed->job;
  for (auto& p : paths) j.inputs.push_back({p, j.url});
  if (j.inputs.empty()) return invalid("no INPUT given");
  if (j.format == ExtractFormat::json && j.inputs.size() > 1)
    return invalid("--format json writes one object; use jsonl for several inputs");
  j.page.output = j.format == ExtractFormat::md ? page::OutputText::markdown : page::OutputText::plain;
  return parsed;
}

Result<ParsedArgs<CleanJob>> parse_clean_args(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  auto parsed = parse_args<CleanJob>(Command::clean, args, paths);
  if (!parsed.ok() || parsed->help) return parsed;
  parsed->job.inputs = std::move(paths);
  if (parsed->job.inputs.empty()) return invalid("no INPUT given");
  return parsed;
}

Result<ParsedArgs<RunJob>> parse_run_args(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  auto parsed = parse_args<RunJob>(Command::run, args, paths);
  if (!parsed.ok() || parsed->help) return parsed;
  RunOptions& o = parsed->job.options;
  o.inputs = std::move(paths);
  if (o.output_dir.empty()) return invalid("no output directory (-o OUTDIR)");
  if (o.inputs.empty()) return invalid("no inputs");
  return parsed;
}

}  // namespace saring::pipeline
