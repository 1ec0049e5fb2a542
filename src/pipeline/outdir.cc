// The names in a run's output directory.
#include "outdir.h"

#include <algorithm>
#include <filesystem>

namespace saring::pipeline {

namespace fs = std::filesystem;

bool is_shard_name(const std::string& name) {
  return name.rfind(kShardPrefix, 0) == 0 && name.size() > 10 &&
         name.compare(name.size() - 10, 10, kShardExt) == 0;
}

long shard_number(const std::string& name) {
  if (!is_shard_name(name)) return -1;
  std::string digits = name.substr(5, name.size() - 5 - 10);
  if (digits.empty() || digits.size() > 9) return -1;
  for (char c : digits)
    if (c < '0' || c > '9') return -1;
  return std::stol(digits);
}

std::vector<std::string> shard_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_shard_name(name)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace saring::pipeline
