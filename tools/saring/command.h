// Subcommands register themselves here; main() only dispatches. Each command
// lives in its own <name>_command.cc, parses its flags with the library's
// option table (saring/options.h) and calls the library's driver.
#pragma once

#include <string>
#include <vector>

#include "saring/options.h"

namespace saring::cli {

// A command gets its arguments without the program and command names and
// returns the process exit code: 0 success, 1 some inputs failed, 2 usage or setup error.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  const char* name;
  const char* summary;
  CommandFn run;
};

// Adds a command to the table; use at namespace scope:
//   static const bool registered = register_command({"extract", "...", &run_extract});
bool register_command(const Command& command);

const std::vector<Command>& commands();

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSetup = 2;  // found before any input is read (no language model)
inline constexpr int kExitStopped = 143;  // stopped by SIGTERM/SIGINT after a commit (128 + SIGTERM)

// Prints "saring COMMAND: WHY" and a pointer to --help on stderr; returns kExitUsage.
int usage_error(const char* command, const std::string& why);

// With language ID on, loads the language model before any input is read;
// without it prints lang::require_shared_identifier's error once as
// "saring COMMAND: WHY" and returns kExitSetup. kExitOk otherwise.
int check_language_model(const char* command, bool identify_language);

// Prints `about` (the usage line and what the command does), the options of
// `command` from the option table, and the exit statuses; returns kExitOk.
int print_help(const char* about, pipeline::Command command);

// Prints each warning of a parsed command line (deprecated spellings) on stderr.
void print_warnings(const char* command, const std::vector<std::string>& warnings);

}  // namespace saring::cli
