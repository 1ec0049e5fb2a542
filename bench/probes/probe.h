// What several probes share: their clock, and reading the gold set two of
// them measure on. With no path given, the gold sets are looked up under
// the folder named by SARING_DATASETS, as bench/*.py and bench/gate.sh do.
#pragma once

#include <time.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace saring::bench {

// CPU time of the calling thread, in seconds: steadier than wall time on a
// machine shared with other work.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// The "articleBody" texts of the scrapinghub ground truth (a JSON object
// whose values are articles) at `path`; an empty `path` becomes
// $SARING_DATASETS/scrapinghub/ground-truth.json. On failure, says why on
// stderr, prefixed by `tool`, and returns nullopt.
inline std::optional<std::vector<std::string>> read_article_bodies(std::string& path, const char* tool) {
  if (path.empty()) {
    const char* root = std::getenv("SARING_DATASETS");
    if (root == nullptr || *root == '\0') {
      std::cerr << tool << ": give ground-truth.json or set SARING_DATASETS\n";
      return std::nullopt;
    }
    path = std::string(root) + "/scrapinghub/ground-truth.json";
  }
  std::ifstream f(path);
  if (!f) {
    std::cerr << tool << ": cannot open " << path << "\n";
    return std::nullopt;
  }
  nlohmann::json gold;
  try {
    gold = nlohmann::json::parse(f);
  } catch (const std::exception& e) {
    std::cerr << tool << ": " << path << ": " << e.what() << "\n";
    return std::nullopt;
  }
  std::vector<std::string> texts;
  for (auto& [key, value] : gold.items()) {
    if (value.is_object() && value.contains("articleBody") && value["articleBody"].is_string()) {
      texts.push_back(value["articleBody"].get<std::string>());
    }
  }
  return texts;
}

}  // namespace saring::bench
