// Subcommands register themselves here; main() only dispatches. Each command
// lives in its own <name>_command.cc and parses its own flags into the options
// struct of the library it wires.
#pragma once

#include <string>
#include <vector>

namespace saring::cli {

// A command gets its arguments without the program and command names and
// returns the process exit code: 0 success, 1 some inputs failed, 2 usage error.
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

}  // namespace saring::cli
