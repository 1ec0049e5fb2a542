// `saring corpus merge`: sums the exact line counts of the shards of a corpus
// mode run (pipeline::merge_corpus_lines). A few flags, read here as
// `saring dedup` reads its own.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "saring/pipeline.h"

namespace saring::cli {
namespace {

const char* kAbout = R"(usage: saring corpus merge OUTDIR_OR_FILE... -o MERGED [--min-docs N] [--keep-all]

Corpus mode across the shards of a run (docs/distributed.md):

  saring run --corpus-count-only --shard I/N -o OUTi ...   (each shard)
  saring corpus merge OUT0 OUT1 ... -o lines.scx
  saring run --shard I/N --corpus-lines lines.scx -o OUTi ...

merge   sums the line counts of count-only runs (their OUTDIRs, which hold
        corpus-lines.scx) or count files into MERGED. Counts are exact and
        the sum does not depend on the grouping, so merges can form a tree:
        merge groups with --keep-all, then those results. The final merge
        keeps only lines counted in >= N documents (default 3), the lines
        the run's --min-docs N can remove.

exit status: 0 done, 1 failed (the reason on standard error), 2 usage error.
)";

int merge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string output;
  uint32_t min_documents = 3;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") {
      if (i + 1 == args.size()) return usage_error("corpus", args[i] + " needs a file name");
      output = args[++i];
    } else if (args[i] == "--min-docs") {
      if (i + 1 == args.size()) return usage_error("corpus", "--min-docs needs a number");
      const std::string& v = args[++i];
      unsigned long n = 0;
      if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 9 ||
          (n = std::stoul(v)) == 0)
        return usage_error("corpus", "--min-docs needs a positive number");
      min_documents = static_cast<uint32_t>(n);
    } else if (args[i] == "--keep-all") {
      min_documents = 1;
    } else if (args[i].rfind("-", 0) == 0) {
      return usage_error("corpus", "unknown option " + args[i] + " for merge");
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.empty() || output.empty()) return usage_error("corpus", "merge needs OUTDIR_OR_FILE... -o MERGED");
  auto r = pipeline::merge_corpus_lines(inputs, output, min_documents);
  if (!r.ok()) {
    std::fprintf(stderr, "saring corpus merge: %s\n", r.error().describe().c_str());
    return kExitSomeFailed;
  }
  std::fprintf(stderr, "saring corpus merge: %llu documents, %llu lines; %llu lines in >= %u documents; %s\n",
               static_cast<unsigned long long>(r->documents), static_cast<unsigned long long>(r->lines),
               static_cast<unsigned long long>(r->entries), r->min_documents, output.c_str());
  return kExitOk;
}

int run_corpus(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("corpus", "merge?");
  for (const auto& a : args)
    if (a == "-h" || a == "--help") {
      std::fputs(kAbout, stdout);
      return kExitOk;
    }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "merge") return merge(rest);
  return usage_error("corpus", "unknown action '" + args[0] + "' (merge)");
}

const bool registered = register_command(
    {"corpus", "corpus mode across the shards of a run (merge line counts)", &run_corpus});

}  // namespace
}  // namespace saring::cli
