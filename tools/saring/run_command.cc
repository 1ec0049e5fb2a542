// `saring run`: flags and the TOML config become pipeline::RunOptions; the
// pipeline does the work. This file parses, wires, prints the progress line
// (only when stderr is a terminal) and the summary, and sets the exit code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "saring/io.h"
#include "saring/pipeline.h"

namespace saring::cli {
namespace {

const char* kUsage = R"(usage: saring run [options] INPUT... -o OUTDIR

Turns crawl archives into a clean, deduplicated corpus. INPUT is a WARC file
(.warc, .warc.gz with one gzip member per record or whole-file gzip,
.warc.zst; WET conversion records too), a JSONL file (.jsonl, .gz, .zst) of
objects with a `text` or `html` field and optional `id`/`url`, an HTML file,
a directory (read recursively, in sorted order), or '-' for standard input.

Writes OUTDIR/part-NNNNN.jsonl.zst (kept documents), OUTDIR/rejected/
part-NNNNN.jsonl.zst (rejected ones, with stage and reason) and
OUTDIR/stats.json. Run the same command again after a kill to resume.

options:
  -o, --output DIR       output directory (required)
  --config FILE          TOML configuration (see docs/cli.md); flags given
                         after it override it
  --threads N            worker threads (default: all cores)
  --shard I/N            process the I-th (0-based) of N contiguous parts of
                         the input file list (e.g. a Slurm array task)
  --input-format FMT     auto (default), warc, jsonl, html, text
  --languages LIST       keep only these languages (e.g. en,id,ms)
  --min-language-score X drop documents whose language score is below X
  --no-extract           drop HTML records (text records only)
  --no-clean             keep text records as they are (no repair)
  --no-lang              no language identification
  --no-filter            no quality filters
  --no-dedup             no deduplication
  --no-rejected          do not write rejected documents
  --shard-size BYTES     uncompressed bytes per output shard (default 128M;
                         K, M, G suffixes)
  --overwrite            replace what OUTDIR holds instead of resuming
  --progress / --quiet   force the progress line on or off (default: on when
                         stderr is a terminal)
  -h, --help             this text

exit code: 0 all inputs read, 1 some records could not be read (see
rejected/ with stage "read") or the run failed, 2 usage error.
)";

bool parse_size(const std::string& s, uint64_t& out) {
  if (s.empty()) return false;
  std::string t = s;
  uint64_t mult = 1;
  char u = static_cast<char>(std::toupper(static_cast<unsigned char>(t.back())));
  if (u == 'K') mult = 1ull << 10;
  if (u == 'M') mult = 1ull << 20;
  if (u == 'G') mult = 1ull << 30;
  if (mult != 1) t.pop_back();
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  out = std::stoull(t) * mult;
  return true;
}

std::string human_bytes(double b) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) {
    b /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %s", b, units[u]);
  return buf;
}

void print_progress(const pipeline::Progress& p) {
  double docs_s = p.elapsed_seconds > 0 ? static_cast<double>(p.items) / p.elapsed_seconds : 0;
  double mb_s = p.elapsed_seconds > 0 ? static_cast<double>(p.raw_bytes) / 1e6 / p.elapsed_seconds : 0;
  std::string eta = "?";
  if (p.input_bytes_total > 0 && p.input_bytes_done > 0 && p.elapsed_seconds > 1) {
    double rate = static_cast<double>(p.input_bytes_done) / p.elapsed_seconds;
    double left = static_cast<double>(p.input_bytes_total - std::min(p.input_bytes_done, p.input_bytes_total)) / rate;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(left / 60), static_cast<int>(left) % 60);
    eta = buf;
  }
  std::fprintf(stderr, "\r\033[K%llu docs (%.0f docs/s, %.1f MB/s)  kept %llu  rejected %llu  ETA %s",
               static_cast<unsigned long long>(p.items), docs_s, mb_s,
               static_cast<unsigned long long>(p.kept), static_cast<unsigned long long>(p.rejected),
               eta.c_str());
  std::fflush(stderr);
}

int run_run(const std::vector<std::string>& args) {
  pipeline::RunOptions o;
  int progress = -1;  // -1 auto
  std::string flags_text;
  auto fail = [](const std::string& why) {
    std::fprintf(stderr, "saring run: %s\n(see 'saring run --help')\n", why.c_str());
    return kExitUsage;
  };
  auto value = [&](size_t& i) -> const std::string* {
    if (i + 1 >= args.size()) return nullptr;
    return &args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    }
    const bool takes_value = a == "-o" || a == "--output" || a == "--config" || a == "--threads" ||
                             a == "--shard" || a == "--input-format" || a == "--languages" ||
                             a == "--min-language-score" || a == "--shard-size";
    const std::string* v = nullptr;
    if (takes_value) {
      v = value(i);
      if (!v) return fail(a + " needs a value");
    }
    if (a == "-o" || a == "--output") {
      o.output_dir = *v;
      continue;
    }
    if (a == "--threads") {
      uint64_t n = 0;
      if (!parse_size(*v, n) || n > 1024) return fail("--threads needs a number");
      o.threads = static_cast<unsigned>(n);  // not part of the fingerprint: output is the same
      continue;
    }
    if (a == "--progress") { progress = 1; continue; }
    if (a == "--quiet") { progress = 0; continue; }
    if (a == "--overwrite") { o.overwrite = true; continue; }
    if (!a.empty() && a[0] == '-' && a != "-") {
      // Every other flag changes the output: it goes into the fingerprint.
      flags_text += a + (v ? " " + *v : "") + "\n";
    }
    if (a == "--config") {
      auto st = pipeline::load_config(*v, o);
      if (!st.ok()) {
        std::fprintf(stderr, "saring run: %s\n", st.error().describe().c_str());
        return kExitUsage;
      }
      auto text = io::read_all(*v, 1 << 20);
      if (text.ok()) flags_text += "config:\n" + *text + "\n";
    } else if (a == "--shard") {
      auto slash = v->find('/');
      uint64_t si = 0, sn = 0;
      if (slash == std::string::npos || !parse_size(v->substr(0, slash), si) ||
          !parse_size(v->substr(slash + 1), sn) || sn == 0 || si >= sn || sn > 1000000)
        return fail("--shard needs I/N with 0 <= I < N");
      o.shard_index = static_cast<uint32_t>(si);
      o.shard_count = static_cast<uint32_t>(sn);
    } else if (a == "--input-format") {
      auto f = io::format_from_string(*v);
      if (!f.ok()) return fail(f.error().message);
      o.input_format = *f;
    } else if (a == "--languages") {
      o.languages.clear();
      size_t start = 0;
      while (start <= v->size()) {
        size_t comma = v->find(',', start);
        std::string part = v->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) o.languages.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "--min-language-score") {
      char* end = nullptr;
      o.min_language_score = std::strtod(v->c_str(), &end);
      if (end == v->c_str() || *end != '\0') return fail("--min-language-score needs a number");
    } else if (a == "--shard-size") {
      if (!parse_size(*v, o.output_shard_bytes) || o.output_shard_bytes == 0)
        return fail("--shard-size needs a size such as 64M");
    } else if (a == "--no-extract") o.extract_enabled = false;
    else if (a == "--no-clean") o.clean_enabled = false;
    else if (a == "--no-lang") o.lang_enabled = false;
    else if (a == "--no-filter") o.filter_enabled = false;
    else if (a == "--no-dedup") o.dedup_enabled = false;
    else if (a == "--no-rejected") o.write_rejected = false;
    else if (!a.empty() && a[0] == '-' && a != "-") return fail("unknown option " + a);
    else o.inputs.push_back(a);
  }
  if (o.output_dir.empty()) return fail("no output directory (-o OUTDIR)");
  if (o.inputs.empty()) return fail("no inputs");
  o.fingerprint = flags_text;

  const bool show = progress == 1 || (progress == -1 && ::isatty(STDERR_FILENO));
  bool printed = false;
  auto on_progress = [&](const pipeline::Progress& p) {
    print_progress(p);
    printed = true;
  };
  auto res = show ? pipeline::run(o, on_progress) : pipeline::run(o);
  if (printed) std::fputs("\n", stderr);
  if (!res.ok()) {
    std::fprintf(stderr, "saring run: %s\n", res.error().describe().c_str());
    return kExitSomeFailed;
  }
  const auto& r = res.value();
  const auto& c = r.counts;
  if (r.already_complete) {
    std::fprintf(stderr, "saring run: %s already holds this run, complete (%llu kept, %llu rejected)\n",
                 o.output_dir.c_str(), static_cast<unsigned long long>(c.kept),
                 static_cast<unsigned long long>(c.rejected));
  } else {
    std::fprintf(stderr, "saring run: %s%llu documents: %llu kept, %llu rejected (%llu unreadable); %s of input; %zu shards in %s\n",
                 r.resumed ? "resumed; " : "", static_cast<unsigned long long>(c.items),
                 static_cast<unsigned long long>(c.kept), static_cast<unsigned long long>(c.rejected),
                 static_cast<unsigned long long>(r.read_errors),
                 human_bytes(static_cast<double>(c.raw_bytes)).c_str(), r.kept_shards,
                 o.output_dir.c_str());
  }
  return r.read_errors > 0 ? kExitSomeFailed : kExitOk;
}

const bool registered = register_command(
    {"run", "WARC/HTML/JSONL in, clean deduplicated corpus out", &run_run});

}  // namespace
}  // namespace saring::cli
