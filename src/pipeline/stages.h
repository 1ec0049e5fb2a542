// Internal: the per-document stages of a run and the JSON lines they turn
// into. Everything here is pure per document and thread-safe.
#pragma once

#include <time.h>

#include <map>
#include <string>
#include <vector>

#include "saring/dedup.h"
#include "saring/lang.h"
#include "saring/pipeline.h"
#include "saring/record.h"

namespace saring::pipeline {

// Stage names, as written in rejected records and stats.json.
inline constexpr std::string_view kStageRead = "read";
inline constexpr std::string_view kStageExtract = "extract";
inline constexpr std::string_view kStageClean = "clean";
inline constexpr std::string_view kStageLang = "lang";
inline constexpr std::string_view kStageFilter = "filter";
inline constexpr std::string_view kStageDedup = "dedup";

// CPU seconds used by the calling thread so far. Stage times are CPU time, so
// the shares in stats.json stay meaningful on a loaded machine.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Shared read-only context of the per-document stages.
struct StageContext {
  const RunOptions* options = nullptr;
  const lang::LanguageIdentifier* identifier = nullptr;  // null when lang is off
  const dedup::MinHasher* hasher = nullptr;               // null when dedup is off
  const clean::CorpusStats* corpus = nullptr;             // line counts in corpus mode
};

// Seconds of thread time per stage, summed over documents.
struct StageTimes {
  double extract = 0, clean = 0, lang = 0, filter = 0, signature = 0;
};

// One item of a batch on its way through the stages.
struct Work {
  bool read_ok = true;
  std::string read_error;     // when !read_ok
  ErrorCode read_code = ErrorCode::parse;
  Record record;
  std::string detail;         // longer explanation of a rejection
  std::string dup_of;         // dedup: id of the kept document
  std::vector<filter::Figure> figures;  // quality figures
  dedup::Signature signature; // when dedup runs
  uint64_t seq = 0;           // global sequence number (dedup order)
  StageTimes times;

  bool alive() const { return read_ok && !record.dropped(); }
};

// Extraction / repair, language, filters and the dedup signature: everything
// but the serial dedup decision.
void process(Work& work, const StageContext& ctx);

// The kept document as one JSON line.
std::string kept_line(const Work& work);
// The rejected document as one JSON line (stage, reason, detail, dup_of).
std::string rejected_line(const Work& work, bool with_text);

// The stage and reason a rejected item is counted under.
std::pair<std::string, std::string> rejection_of(const Work& work);

}  // namespace saring::pipeline
