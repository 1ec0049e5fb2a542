// Internal: the stats.json of one or several runs, added up into one
// document of the same shape (docs/report.md says how each part adds).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "saring/result.h"

namespace saring::report {

inline constexpr size_t kExamplesPerReason = 5;  // as many as a run keeps

// Reads OUTDIR/stats.json of each folder and adds them up. Also sets
// "runs" (the folders) and "shards" (each run's --shard), and recomputes the
// shares and rates from the sums.
Result<nlohmann::json> load_runs(const std::vector<std::string>& run_dirs);

}  // namespace saring::report
