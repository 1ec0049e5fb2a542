// `saring clean`: repairs text dumps. Flags become a pipeline::CleanJob
// (saring/options.h); pipeline::clean_documents() reads, cleans and formats
// (saring/drivers.h). This file prints its output and the --stats line.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "saring/drivers.h"

namespace saring::cli {
namespace {

const char* kAbout = R"(usage: saring clean [options] INPUT...

Repairs text dumps: removes menus, widgets, captions, credits, copyright and
render-time lines, related-links lists and repeated headlines, and reads the
title, date, dateline, author initials and agency credits from the text.
INPUT is a text file (one document; .gz and .zst are decoded), or with
--jsonl a JSONL(.gz/.zst) file of objects with a `text` field and optional
`url` and `id`; '-' reads standard input.
)";

int run_clean(const std::vector<std::string>& args) {
  auto parsed = pipeline::parse_clean_args(args);
  if (!parsed) return usage_error("clean", parsed.error().message);
  if (parsed->help) return print_help(kAbout, pipeline::Command::clean);
  print_warnings("clean", parsed->warnings);
  if (int status = check_language_model("clean", pipeline::clean_detects_language(parsed->job)))
    return status;

  pipeline::CleanSink sink;
  sink.out = [](std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); };
  sink.error = [](const std::string& message) {
    std::fprintf(stderr, "saring clean: %s\n", message.c_str());
  };
  const auto s = pipeline::clean_documents(parsed->job, sink);
  std::fflush(stdout);
  if (parsed->job.stats) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    std::fprintf(stderr,
                 "saring clean: %llu documents, %.2f MB, %.3f s (pass 2), %.2f MB/s, "
                 "%.3f s CPU, %.2f MB/CPU-s, %llu lines removed%s\n",
                 static_cast<unsigned long long>(s.documents), mb, s.seconds,
                 s.seconds > 0 ? mb / s.seconds : 0.0, s.cpu_seconds,
                 s.cpu_seconds > 0 ? mb / s.cpu_seconds : 0.0,
                 static_cast<unsigned long long>(s.lines_removed), s.corpus ? ", corpus mode" : "");
  }
  return s.failed ? kExitSomeFailed : kExitOk;
}

const bool registered = register_command(
    {"clean", "repair text dumps: remove menus, widgets, captions, footers", &run_clean});

}  // namespace
}  // namespace saring::cli
