// Internal: what `saring report` needs from a run, gathered as the run goes,
// so a report of millions of documents reads one small file instead of every
// shard. Everything adds up across runs: histograms have fixed bins, counts
// are sums, and the example documents of each reason are the few whose id
// hashes lowest, so the union of several runs' examples is chosen the same
// way (docs/report.md).
//
// Updated in input order by the serial writing phase only; kept in the
// journal (with what it needs to go on after a kill) and written to
// stats.json under "profile".
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "saring/io.h"
#include "stages.h"

namespace saring::pipeline {

// Two counts: [0] kept (or passed the filter), [1] rejected.
using Pair = std::array<uint64_t, 2>;

// One example document behind a reason (or "kept").
struct Example {
  uint64_t hash = 0;  // of the id: the examples kept are the lowest
  std::string id, url, stage, reason, detail, dup_of, language, head;
  std::vector<std::pair<std::string, double>> figures;
};

struct Profile {
  std::map<std::string, Pair> languages;  // "" when unknown
  std::map<std::string, Pair> domains;    // pruned to the largest (prune())
  std::map<std::string, uint64_t> extraction_stages, charsets;
  std::map<std::string, uint64_t> rejected_raw_bytes;  // by stage
  std::map<std::string, uint64_t> rejected_text_bytes;  // by stage
  std::vector<Pair> text_length;                   // log2 bins of text bytes
  std::map<std::string, std::vector<Pair>> figures;  // per quality figure: passed, rejected by filter
  std::map<std::string, uint64_t> duplicates_of;   // kept id -> its duplicates (journal only)
  std::map<std::string, std::vector<Example>> examples;  // reason ("kept" too) -> lowest hashes

  // Counts one document once its fate is known (before its text is freed).
  void add(const Work& work, std::string_view stage, std::string_view reason);
  // Keeps the domains with the most documents (ties by name): a run of
  // millions of sites stays small, and since it runs at the same points of
  // the data (commits, a size limit) a resumed run prunes as an
  // uninterrupted one does.
  void prune();
};

// Writes the profile's members into an open JSON object. The journal keeps
// `duplicates_of` whole; stats.json has the cluster sizes instead.
enum class ProfileFor : uint8_t { journal, stats };
void write_profile(io::JsonWriter& j, const Profile& profile, ProfileFor purpose);
// Reads what write_profile(journal) wrote; throws nlohmann::json::exception.
Profile parse_profile(const nlohmann::json& doc);

}  // namespace saring::pipeline
