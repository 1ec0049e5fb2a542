// filter_eval: runs the quality filters over real pages' gold texts and
// prints how many each rule rejects, the C4 line edits and the speed. A
// measurement tool, not a test; the dataset is read at run time only.
//
//   filter_eval [ground-truth.json] [--language en] [--repeat 20] [--set key=value]...
//   (ground-truth.json defaults to $SARING_DATASETS/scrapinghub/ground-truth.json)
//
// Gold texts are clean article bodies, so nearly all should be kept; what
// is rejected shows where the published thresholds bite on good text.
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "probe.h"
#include "saring/filter.h"

int main(int argc, char** argv) {
  std::string path;  // empty: under $SARING_DATASETS
  std::string language = "en";
  int repeat = 20;
  saring::filter::FilterOptions options;
  std::string settings;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--language" && i + 1 < argc) language = argv[++i];
    else if (a == "--set" && i + 1 < argc) {
      std::string kv = argv[++i];
      size_t eq = kv.find('=');
      auto st = eq == std::string::npos
                    ? saring::Status(saring::make_error(saring::ErrorCode::invalid_input, "expected key=value"))
                    : saring::filter::set_option(options, kv.substr(0, eq), kv.substr(eq + 1));
      if (!st.ok()) {
        std::cerr << "filter_eval: --set " << kv << ": " << st.error().describe() << "\n";
        return 2;
      }
      settings += " " + kv;
    }
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::stoi(argv[++i]));
    else path = a;
  }
  auto bodies = saring::bench::read_article_bodies(path, "filter_eval");
  if (!bodies) return 2;
  std::vector<std::string> texts = std::move(*bodies);

  std::map<std::string, size_t> reasons;
  size_t kept = 0, changed = 0, lines_removed = 0, bytes = 0;
  for (const auto& t : texts) {
    auto r = saring::filter::evaluate(t, language, options);
    if (r.kept) ++kept;
    else ++reasons[r.reason];
    changed += r.kept && r.text_changed;
    lines_removed += r.kept ? r.lines_removed : 0;
  }
  double t0 = saring::bench::thread_cpu_seconds();
  for (int k = 0; k < repeat; ++k)
    for (const auto& t : texts) {
      auto r = saring::filter::evaluate(t, language, options);
      bytes += t.size();
      if (r.figures.empty()) std::abort();  // keeps the call from being optimised away
    }
  double secs = saring::bench::thread_cpu_seconds() - t0;
  std::printf("filter_eval: %zu texts from %s, language %s, options:%s\n", texts.size(), path.c_str(),
              language.c_str(), settings.empty() ? " defaults" : settings.c_str());
  std::printf("kept %zu (%.1f%%), of which %zu edited by C4 line rules (%zu lines removed)\n", kept,
              100.0 * double(kept) / double(texts.size()), changed, lines_removed);
  std::printf("| rejected by | documents |\n|---|---:|\n");
  for (const auto& [reason, n] : reasons) std::printf("| %s | %zu |\n", reason.c_str(), n);
  std::printf("speed: %.1f MB/s of text, %.0f documents/s (one thread, CPU time, %d passes)\n",
              double(bytes) / 1e6 / secs, double(texts.size()) * repeat / secs, repeat);
  return 0;
}
