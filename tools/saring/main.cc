// saring's entry point: finds the subcommand and hands it the arguments.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "command.h"
#include "saring/lang.h"

namespace saring::cli {

static std::vector<Command>& table() {
  static std::vector<Command> t;
  return t;
}

bool register_command(const Command& command) {
  table().push_back(command);
  return true;
}

const std::vector<Command>& commands() { return table(); }

int usage_error(const char* command, const std::string& why) {
  std::fprintf(stderr, "saring %s: %s\n(see 'saring %s --help')\n", command, why.c_str(), command);
  return kExitUsage;
}

int check_language_model(const char* command, bool identify_language) {
  if (!identify_language) return kExitOk;
  auto id = lang::require_shared_identifier();
  if (id.ok()) return kExitOk;
  std::fprintf(stderr, "saring %s: %s\n", command, id.error().describe().c_str());
  return kExitSetup;
}

int print_help(const char* about, pipeline::Command command) {
  std::fputs(about, stdout);
  std::fputs("\n", stdout);
  std::fputs(pipeline::options_usage(command).c_str(), stdout);
  std::fputs("\nexit status: 0 all inputs processed, 1 some inputs failed, 2 usage or setup error.\n", stdout);
  return kExitOk;
}

void print_warnings(const char* command, const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::fprintf(stderr, "saring %s: warning: %s\n", command, w.c_str());
}

}  // namespace saring::cli

namespace {

void print_usage(FILE* out) {
  std::fprintf(out, "saring %s: clean, structured, deduplicated text from web captures\n\n",
               SARING_VERSION);
  std::fprintf(out, "usage: saring COMMAND [options] INPUT...\n\ncommands:\n");
  auto cmds = saring::cli::commands();
  std::sort(cmds.begin(), cmds.end(),
            [](const auto& a, const auto& b) { return std::strcmp(a.name, b.name) < 0; });
  for (const auto& c : cmds) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\nRun 'saring COMMAND --help' for a command's options.\n");
}

}  // namespace

// Allocator tuning: each page allocates and frees buffers of a few hundred KB
// (decoded text, token and node arrays). With glibc's defaults those go to
// mmap or are trimmed back to the kernel after every page, so every page pays
// fresh page faults (10k faults -> 3k and ~6% CPU on 905 scrapinghub pages).
// Keeping them in the heap up to kAllocatorKeepBytes avoids that; memory use
// stays bounded by the largest page's working set.
constexpr int kAllocatorKeepBytes = 64 << 20;

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, kAllocatorKeepBytes);
  mallopt(M_TRIM_THRESHOLD, kAllocatorKeepBytes);
  if (argc < 2) {
    print_usage(stderr);
    return saring::cli::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return saring::cli::kExitOk;
  }
  if (name == "--version") {
    std::printf("saring %s\n", SARING_VERSION);
    return saring::cli::kExitOk;
  }
  for (const auto& c : saring::cli::commands()) {
    if (name == c.name) {
      std::vector<std::string> args(argv + 2, argv + argc);
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "saring %s: %s\n", c.name, e.what());
        return saring::cli::kExitSomeFailed;
      }
    }
  }
  std::fprintf(stderr, "saring: unknown command '%s'\n\n", name.c_str());
  print_usage(stderr);
  return saring::cli::kExitUsage;
}
