// Micro-benchmark and real-text identity check of LanguageIdentifier.
//
//   lang_identify_bench <extract.jsonl> [rounds] [both|fast|ref]
//
// Reads the "text" of every record, then for each round times identify_top(
// text, 3) over all texts with the fast path and with fastText's predictLine
// (interleaved, process CPU time), and counts texts where the two differ in
// codes or in score bits. Prints min and median CPU ms per round.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "saring/lang.h"

namespace {

double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

bool same(const std::vector<saring::lang::Guess>& a, const std::vector<saring::lang::Guess>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].code != b[i].code) return false;
    if (std::bit_cast<uint64_t>(a[i].score) != std::bit_cast<uint64_t>(b[i].score)) return false;
  }
  return true;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: lang_identify_bench <extract.jsonl> [rounds]\n";
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::string paths = argc > 3 ? argv[3] : "both";  // fast or ref: time one path (for perf)
  std::vector<std::string> texts;
  std::ifstream in(argv[1]);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
  }
  auto loaded = saring::lang::LanguageIdentifier::load(saring::lang::default_model_path());
  if (!loaded.ok()) {
    std::cerr << loaded.error().describe() << "\n";
    return 1;
  }
  const auto& id = *loaded.value();
  saring::lang::IdentifyOptions fast, ref;
  ref.use_predict_line = true;

  size_t differ = 0, answered = 0;
  for (const auto& t : paths == "both" ? texts : std::vector<std::string>{}) {
    auto a = id.identify_top(t, 3, fast);
    auto b = id.identify_top(t, 3, ref);
    if (!same(a, b)) ++differ;
    if (!b.empty()) ++answered;
  }
  std::vector<double> fast_ms, ref_ms;
  for (int r = 0; r < rounds; ++r) {
    for (int path = 0; path < 2; ++path) {
      if ((path == 0 && paths == "ref") || (path == 1 && paths == "fast")) continue;
      const auto& o = path == 0 ? fast : ref;
      double t0 = cpu_ms();
      size_t sink = 0;
      for (const auto& t : texts) sink += id.identify_top(t, 3, o).size();
      double ms = cpu_ms() - t0;
      (path == 0 ? fast_ms : ref_ms).push_back(ms);
      if (sink == 0 && !texts.empty()) std::fprintf(stderr, "no answers\n");
    }
  }
  std::printf("texts %zu answered %zu differing %zu\n", texts.size(), answered, differ);
  if (!ref_ms.empty()) std::printf("predictLine  CPU ms/round min %.1f median %.1f (%.1f us/text)\n",
              *std::min_element(ref_ms.begin(), ref_ms.end()), median(ref_ms),
              median(ref_ms) * 1e3 / std::max<size_t>(1, texts.size()));
  if (!fast_ms.empty()) std::printf("fast path    CPU ms/round min %.1f median %.1f (%.1f us/text)\n",
              *std::min_element(fast_ms.begin(), fast_ms.end()), median(fast_ms),
              median(fast_ms) * 1e3 / std::max<size_t>(1, texts.size()));
  return differ == 0 ? 0 : 1;
}
