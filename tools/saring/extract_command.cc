// `saring extract`: main text and metadata from HTML pages. Flags become a
// pipeline::ExtractJob (saring/options.h); pipeline::extract_pages() reads,
// processes and renders the pages (saring/drivers.h); this file prints them
// in input order. A failing input is reported on stderr (and as an `error`
// record in JSONL) and the others go on.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "command.h"
#include "saring/drivers.h"

namespace saring::cli {
namespace {

const char* kAbout = R"(usage: saring extract [options] INPUT...

Main text and metadata from HTML pages. INPUT is a .html, .html.gz or .html.zst
file, or '-' for standard input.
)";

int run_extract(const std::vector<std::string>& args) {
  auto parsed = pipeline::parse_extract_args(args);
  if (!parsed) return usage_error("extract", parsed.error().message);
  if (parsed->help) return print_help(kAbout, pipeline::Command::extract);
  print_warnings("extract", parsed->warnings);
  if (int status = check_language_model("extract", parsed->job.page.identify_language))
    return status;

  size_t failed = pipeline::extract_pages(
      parsed->job, [](const pipeline::ExtractInput& in, std::string_view bytes, const Error* error) {
        if (error)
          std::fprintf(stderr, "saring extract: %s: %s\n", in.path.c_str(), error->describe().c_str());
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
      });
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
