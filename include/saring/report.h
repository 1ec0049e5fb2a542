// `saring report`: one self-contained HTML page showing what a run kept and
// what it removed, and why: the funnel from read to kept (documents and
// bytes), rejections by stage and reason with their thresholds and a few
// example documents each, languages, text lengths, the quality figures
// against their thresholds, duplicate clusters, top domains, extraction
// stages and charsets, and time per stage.
//
// It reads only the stats.json of each run folder (the run gathers
// histograms and examples as it goes, docs/report.md), never the shards, so
// it is quick for runs of any size. Several folders (the shards of a
// multi-machine run) are added up: histograms have fixed bins, counts add,
// and examples are the lowest hashes of their ids over all folders.
//
//   saring::report::ReportOptions o;
//   o.run_dirs = {"out-0", "out-1"};
//   o.output = "report.html";
//   auto written = saring::report::write_report(o);   // the path, or an error
//
// The page draws its charts with Vega-Lite, embedded into the library, and
// needs no network. Text from the pages is escaped, and a
// Content-Security-Policy lets only the page's own script run.
#pragma once

#include <string>
#include <vector>

#include "saring/result.h"

namespace saring::report {

struct ReportOptions {
  std::vector<std::string> run_dirs;  // output folders of `saring run`
  std::string output;  // "" = report.html in the first folder
};

// The page for the runs in `run_dirs`. Errors: a folder without a readable
// stats.json, or one from a saring that gathered no report data.
Result<std::string> render_report(const std::vector<std::string>& run_dirs);

// Renders and writes the page atomically; returns the path written.
Result<std::string> write_report(const ReportOptions& options);

}  // namespace saring::report
