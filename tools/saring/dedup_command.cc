// `saring dedup merge|apply`: global deduplication across the shards of a
// run (pipeline::merge_dedup_indexes, pipeline::apply_dedup). Two flags, so
// they are read here rather than through the option table of the stages.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "saring/pipeline.h"

namespace saring::cli {
namespace {

const char* kAbout = R"(usage: saring dedup merge OUTDIR_OR_INDEX... -o MERGED
       saring dedup apply OUTDIR --merged MERGED

Deduplicates across the shards of a run made with `saring run --shard I/N`.

merge   merges the dedup indexes of shard runs (their OUTDIRs, or index files,
        merged ones too) into MERGED, with every document's global decision.
        Streaming; merging in any grouping (a tree of merges) gives the same
        file.
apply   moves the documents of OUTDIR that duplicate a document kept by an
        earlier shard from its kept shards to rejected/ (stage dedup, reason
        dedup:exact or dedup:near, dup_of), updates the reasons of its
        rejected duplicates and stats.json. Atomic; run it again after a kill
        to finish it; running it again once done changes nothing.

After apply on every shard, the N OUTDIRs together hold the kept and rejected
documents of one `saring run` over all the inputs.

exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.
)";

int help() {
  std::fputs(kAbout, stdout);
  return kExitOk;
}

int merge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string output;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") {
      if (i + 1 == args.size()) return usage_error("dedup", args[i] + " needs a file name");
      output = args[++i];
    } else if (args[i].rfind("-", 0) == 0) {
      return usage_error("dedup", "unknown option " + args[i] + " for merge");
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.empty() || output.empty()) return usage_error("dedup", "merge needs OUTDIR_OR_INDEX... -o MERGED");
  auto r = pipeline::merge_dedup_indexes(inputs, output);
  if (!r.ok()) {
    std::fprintf(stderr, "saring dedup merge: %s\n", r.error().describe().c_str());
    return kExitSomeFailed;
  }
  std::fprintf(stderr, "saring dedup merge: %llu documents, %llu exact and %llu near duplicates; %s\n",
               static_cast<unsigned long long>(r->documents),
               static_cast<unsigned long long>(r->exact_duplicates),
               static_cast<unsigned long long>(r->near_duplicates), output.c_str());
  return kExitOk;
}

int apply(const std::vector<std::string>& args) {
  pipeline::ApplyOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--merged") {
      if (i + 1 == args.size()) return usage_error("dedup", "--merged needs a file name");
      o.merged = args[++i];
    } else if (args[i].rfind("-", 0) == 0) {
      return usage_error("dedup", "unknown option " + args[i] + " for apply");
    } else if (o.output_dir.empty()) {
      o.output_dir = args[i];
    } else {
      return usage_error("dedup", "apply takes one OUTDIR");
    }
  }
  if (o.output_dir.empty() || o.merged.empty()) return usage_error("dedup", "apply needs OUTDIR --merged MERGED");
  auto r = pipeline::apply_dedup(o);
  if (!r.ok()) {
    std::fprintf(stderr, "saring dedup apply: %s\n", r.error().describe().c_str());
    return kExitSomeFailed;
  }
  if (r->already_applied)
    std::fprintf(stderr, "saring dedup apply: %s already has this merged index applied\n", o.output_dir.c_str());
  else
    std::fprintf(stderr, "saring dedup apply: %s%s: %llu kept documents moved to rejected, %llu duplicates relabelled\n",
                 r->resumed ? "resumed; " : "", o.output_dir.c_str(), static_cast<unsigned long long>(r->moved),
                 static_cast<unsigned long long>(r->relabelled));
  return kExitOk;
}

int run_dedup(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("dedup", "merge or apply?");
  for (const auto& a : args)
    if (a == "-h" || a == "--help") return help();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "merge") return merge(rest);
  if (args[0] == "apply") return apply(rest);
  return usage_error("dedup", "unknown action '" + args[0] + "' (merge, apply)");
}

const bool registered = register_command(
    {"dedup", "deduplicate across the shards of a run (merge indexes, apply)", &run_dedup});

}  // namespace
}  // namespace saring::cli
