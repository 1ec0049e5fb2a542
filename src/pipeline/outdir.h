// Internal: the names in a run's output directory (docs/cli.md, "Outputs"),
// shared by `saring run` and `saring dedup apply`.
#pragma once

#include <string>
#include <vector>

namespace saring::pipeline {

inline constexpr const char* kStateDir = ".saring";
inline constexpr const char* kJournal = "journal.json";
inline constexpr const char* kLockFile = "lock";  // in kStateDir
inline constexpr const char* kStatsFile = "stats.json";
inline constexpr const char* kFinalIndex = "dedup.sdx";
inline constexpr const char* kRejectedDir = "rejected";
inline constexpr const char* kShardPrefix = "part-";
inline constexpr const char* kShardExt = ".jsonl.zst";

bool is_shard_name(const std::string& name);
// Shard number of "part-00012.jsonl.zst", or -1.
long shard_number(const std::string& name);
// The shard files of `dir`, sorted by name (so by number).
std::vector<std::string> shard_files(const std::string& dir);

}  // namespace saring::pipeline
