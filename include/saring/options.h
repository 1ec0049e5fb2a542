// The options of saring's commands, defined once.
//
// Every option is one row of a table (option_table()): its name, value type,
// default, help, the commands whose command line takes it, and its key in
// `saring run --config`. The command-line flags (`--name`, `--no-name`), the
// TOML keys of the config file and the usage texts all come from that table,
// and a Python keyword argument is the name with '-' turned into '_'. Each
// row sets its value through one setter per job type, so a flag and its TOML
// key end in the same code.
//
//   auto parsed = saring::pipeline::parse_extract_args({"--format", "jsonl", "a.html"});
//   if (!parsed) usage_error(parsed.error().message);
//   for (const auto& w : parsed->warnings) print(w);   // deprecated spellings
//   saring::pipeline::extract_pages(parsed->job, sink);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "saring/pipeline.h"

namespace saring::pipeline {

// The commands; an option's `commands` is a set of them.
enum class Command : uint8_t { extract = 1, clean = 2, run = 4 };

// How an option's value is written.
enum class OptionType : uint8_t {
  toggle,   // --name / --no-name (TOML: true / false)
  flag,     // --name alone, no value (TOML: true)
  integer,  // decimal digits only ("1K" is refused)
  size,     // bytes: digits with an optional K, M or G suffix (powers of 1024)
  number,   // decimal number
  text,     // any string (choices, when listed, are checked)
  list,     // comma-separated strings (TOML: an array of strings, or "a,b")
};

// A parsed value; only the member of the option's type is meaningful.
struct OptionValue {
  bool on = true;              // toggle, flag
  uint64_t integer = 0;        // integer, size
  double number = 0;           // number
  std::string text;            // text
  std::vector<std::string> list;  // list
};

// `saring extract`: pages in, text or records out (extract_pages()).
enum class ExtractFormat : uint8_t { txt, md, json, jsonl };
struct ExtractInput {
  std::string path;  // "-" for standard input
  std::string url;   // may be empty
};
struct ExtractJob {
  page::PageOptions page;
  ExtractFormat format = ExtractFormat::txt;
  std::vector<ExtractInput> inputs;
  std::string url;  // --url: the address of the inputs named on the command line
  unsigned threads = 1;
};

// `saring clean`: text dumps in, repaired text out (clean_documents()).
enum class CleanFormat : uint8_t { txt, json, jsonl };
struct CleanJob {
  clean::CleanOptions clean;
  CleanFormat format = CleanFormat::txt;
  bool jsonl = false;           // inputs are JSONL documents
  int corpus = -1;              // two passes: -1 automatic (on with jsonl), 0 off, 1 on
  bool ignore_urls = false;     // corpus mode groups documents by shared lines only
  bool language = true;         // language ID (for json and jsonl output)
  bool stats = false;           // a throughput line on standard error
  std::string url;              // the address of text inputs
  std::string text_field = "text";
  std::vector<std::string> inputs;
};

// `saring run`: RunOptions plus how the command shows progress.
struct RunJob {
  RunOptions options;
  int progress = -1;  // -1: when standard error is a terminal, 0 off, 1 on
  bool report = false;  // write OUTDIR/report.html when done (saring/report.h)
};

// One row of the table. Setters are null for the jobs the option does not
// apply to; `set_run` also serves the TOML key.
struct OptionSpec {
  std::string_view name;        // the flag is --name; empty: config file only
  OptionType type;
  unsigned commands;            // Command bits whose command line takes it
  std::string_view toml_key;    // "section.key" in `saring run --config`; may be empty
  std::string_view value_name;  // shown in usage: "N", "FILE", "FMT"
  std::string_view default_text;  // shown in usage; empty: none shown
  std::string_view help;        // one or more lines
  std::string_view choices;     // text options: "txt,md,json,jsonl"; empty: any
  Status (*set_extract)(ExtractJob&, const OptionValue&) = nullptr;
  Status (*set_clean)(CleanJob&, const OptionValue&) = nullptr;
  Status (*set_run)(RunJob&, const OptionValue&) = nullptr;
  char short_name = 0;          // -o for --output
};

// Every option of every command, in the order of the usage texts.
std::span<const OptionSpec> option_table();

// A deprecated spelling that still works: `old_flag` means `new_flag`.
struct OptionAlias {
  std::string_view old_flag;  // "--no-lang"
  std::string_view new_flag;  // "--no-language"
  unsigned commands;
};
std::span<const OptionAlias> option_aliases();

// The row for a name and command; null when that command has no such option.
const OptionSpec* find_option(std::string_view name, Command command);

// The Python keyword argument of an option: its name with '-' as '_'.
std::string python_name(const OptionSpec& option);

// Parses one value as `option` types it ("--threads 1K" is an error naming
// the flag). For config files the TOML reader converts first.
Result<OptionValue> parse_option_value(const OptionSpec& option, std::string_view text);

// The options part of a command's usage text, from the table.
std::string options_usage(Command command);

// A parsed command line. `help`: -h or --help was given (the rest is not
// checked). `warnings`: deprecated spellings used, for standard error.
template <class Job>
struct ParsedArgs {
  Job job;
  bool help = false;
  std::vector<std::string> warnings;
};

// Command lines (without the program and command names) into jobs. Errors
// are usage errors, with a message that names the flag.
Result<ParsedArgs<ExtractJob>> parse_extract_args(const std::vector<std::string>& args);
Result<ParsedArgs<CleanJob>> parse_clean_args(const std::vector<std::string>& args);
Result<ParsedArgs<RunJob>> parse_run_args(const std::vector<std::string>& args);

}  // namespace saring::pipeline
