// `saring run`: flags and the TOML config become pipeline::RunOptions
// (saring/options.h); pipeline::run() does the work. This file prints the
// progress line (by default only when stderr is a terminal) and the summary,
// and sets the exit code.
#include <signal.h>
#include <unistd.h>

#include <atomic>

#include <cstdio>
#include <string>
#include <algorithm>
#include <vector>

#include "command.h"
#include "saring/pipeline.h"
#include "saring/report.h"

namespace saring::cli {
namespace {

const char* kAbout = R"(usage: saring run [options] INPUT... -o OUTDIR

Turns crawl archives into a clean, deduplicated corpus. INPUT is a WARC file
(.warc, .warc.gz with one gzip member per record or whole-file gzip,
.warc.zst; WET conversion records too), a JSONL file (.jsonl, .gz, .zst) of
objects with a `text` or `html` field and optional `id`/`url`, an HTML file,
a directory (read recursively, in sorted order), or '-' for standard input.

Writes OUTDIR/part-NNNNN.jsonl.zst (kept documents), OUTDIR/rejected/
part-NNNNN.jsonl.zst (rejected ones, with stage and reason) and
OUTDIR/stats.json. Run the same command again after a kill to resume.
Exit status 1 also when some records could not be read (see rejected/ with
stage "read"). SIGTERM or SIGINT commits what is done and exits with status
143; the same command then resumes.
)";

// SIGTERM (Slurm's warning before SIGKILL) and SIGINT ask the run to commit
// and stop; a second one ends the process at once.
std::atomic<bool> stop_requested{false};

void on_stop_signal(int sig) {
  if (stop_requested.exchange(true)) {
    ::signal(sig, SIG_DFL);
    ::raise(sig);
  }
}

void catch_stop_signals() {
  struct sigaction sa{};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::sigaction(SIGINT, &sa, nullptr);
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
  auto parsed = pipeline::parse_run_args(args);
  if (!parsed) return usage_error("run", parsed.error().message);
  if (parsed->help) return print_help(kAbout, pipeline::Command::run);
  print_warnings("run", parsed->warnings);
  pipeline::RunOptions& o = parsed->job.options;
  catch_stop_signals();
  o.stop = &stop_requested;
  // A model named by --model is loaded by the run itself.
  if (int status = check_language_model("run", o.lang_enabled && o.model_path.empty() && !o.corpus_count_only)) return status;
  const int progress = parsed->job.progress;

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
  const auto& corpus = r.corpus;
  if (o.corpus_count_only) {
    std::fprintf(stderr, "saring run: counted %llu lines of %llu text documents in %.1f s; %llu distinct in %s\n",
                 static_cast<unsigned long long>(corpus.lines), static_cast<unsigned long long>(corpus.documents),
                 corpus.seconds, static_cast<unsigned long long>(corpus.info.entries), corpus.file.c_str());
    return kExitOk;
  }
  if (r.stopped) {
    std::fprintf(stderr, "saring run: stopped by a signal after %llu documents, all committed; run the same command again to go on\n",
                 static_cast<unsigned long long>(c.items));
    return kExitStopped;
  }
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
  if (corpus.counted)
    std::fprintf(stderr, "  corpus: counted %llu lines of %llu text documents in %.1f s; %llu lines in >= %u documents\n",
                 static_cast<unsigned long long>(corpus.lines), static_cast<unsigned long long>(corpus.documents),
                 corpus.seconds, static_cast<unsigned long long>(corpus.info.entries), corpus.info.min_documents);
  for (const auto& e : r.first_read_errors) std::fprintf(stderr, "  unreadable: %s\n", e.c_str());
  if (r.read_errors > r.first_read_errors.size())
    std::fprintf(stderr, "  ... and %llu more%s\n",
                 static_cast<unsigned long long>(r.read_errors - r.first_read_errors.size()),
                 o.write_rejected ? " (rejected/ names them all)" : "");
  if (parsed->job.report) {
    auto written = report::write_report({{o.output_dir}, ""});
    if (!written.ok()) {
      std::fprintf(stderr, "saring run: report: %s\n", written.error().message.c_str());
      return kExitSomeFailed;
    }
    std::fprintf(stderr, "saring run: report in %s\n", written->c_str());
  }
  return r.read_errors > 0 ? kExitSomeFailed : kExitOk;
}

const bool registered = register_command(
    {"run", "WARC/HTML/JSONL in, clean deduplicated corpus out", &run_run});

}  // namespace
}  // namespace saring::cli
