// `saring report`: report::write_report() over the named run folders; this
// file reads the command line and prints the path written.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "saring/report.h"

namespace saring::cli {
namespace {

const char* kUsage = R"(usage: saring report OUTDIR... [-o FILE]

Writes one self-contained HTML page showing what a run kept and removed:
the funnel from read to kept, rejections by stage and reason with example
documents, languages, text lengths, quality figures against their
thresholds, duplicate clusters, top domains, extraction stages, charsets
and time per stage. Reads only OUTDIR/stats.json; several OUTDIRs (the
shards of a multi-machine run) are added up. Opens without network access.

options:
  -o, --output FILE  where to write the page (default: OUTDIR/report.html of
                     the first OUTDIR)
  -h, --help         this text

exit status: 0 written, 2 usage error or a folder without a usable stats.json
)";

int run_report(const std::vector<std::string>& args) {
  report::ReportOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    }
    if (a == "-o" || a == "--output") {
      if (i + 1 == args.size()) return usage_error("report", a + " needs a file name");
      options.output = args[++i];
    } else if (a.rfind("--output=", 0) == 0) {
      options.output = a.substr(9);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("report", "unknown option " + a);
    } else {
      options.run_dirs.push_back(a);
    }
  }
  if (options.run_dirs.empty()) return usage_error("report", "name at least one OUTDIR of saring run");
  auto written = report::write_report(options);
  if (!written.ok()) {
    std::fprintf(stderr, "saring report: %s\n", written.error().message.c_str());
    return kExitUsage;
  }
  std::printf("%s\n", written->c_str());
  return kExitOk;
}

const bool registered = register_command(
    {"report", "an HTML page of what a run kept and removed, and why", &run_report});

}  // namespace
}  // namespace saring::cli
