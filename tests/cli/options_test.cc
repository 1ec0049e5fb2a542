// The option table (saring/options.h): flags, aliases, value types, config
// keys and usage texts all come from it, and the run fingerprint is built
// from the options, not from the text that set them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "saring/options.h"

using namespace saring::pipeline;

namespace {

RunOptions run_options(const std::vector<std::string>& args) {
  auto parsed = parse_run_args(args);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? parsed->job.options : RunOptions{};
}

std::string flag_of(const OptionSpec& o) { return "--" + std::string(o.name); }

}  // namespace

TEST(Fingerprint, FlagOrderDoesNotMatter) {
  auto a = run_options({"in.warc", "-o", "out", "--languages", "en,id", "--no-dedup",
                        "--shard-size", "64M", "--min-language-score", "0.5"});
  auto b = run_options({"--min-language-score", "0.5", "--shard-size", "65536K", "--no-dedup",
                        "-o", "out", "--languages", "en,id", "in.warc"});
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, SpeedAndPlacesAreNotPartOfIt) {
  auto a = run_options({"in.warc", "-o", "out"});
  auto b = run_options({"other.warc", "-o", "elsewhere", "--threads", "7", "--overwrite", "--quiet"});
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, AChangedOptionChangesIt) {
  const std::string base = fingerprint(run_options({"in.warc", "-o", "out"}));
  const std::vector<std::vector<std::string>> changes = {
      {"--no-dedup"},     {"--no-language"},          {"--languages", "en"},
      {"--shard", "1/2"}, {"--min-language-score", "0.1"}, {"--shard-size", "1M"},
      {"--no-rejected"},  {"--input-format", "warc"},
  };
  for (const auto& change : changes) {
    std::vector<std::string> args = {"in.warc", "-o", "out"};
    args.insert(args.end(), change.begin(), change.end());
    EXPECT_NE(fingerprint(run_options(args)), base) << change[0];
  }
}

TEST(Fingerprint, ConfigAndFlagsGiveTheSameRun) {
  RunOptions from_config;
  ASSERT_TRUE(apply_config_text("[lang]\nlanguages = [\"en\"]\n[output]\nshard_bytes = \"1M\"\n"
                                "[filter.fineweb]\nmax_char_dup_ratio = 0.2\n",
                                from_config)
                  .ok());
  auto from_flags = run_options({"-o", "out", "x", "--languages", "en", "--shard-size", "1M"});
  EXPECT_NE(fingerprint(from_config), fingerprint(from_flags));  // the filter setting differs
  ASSERT_TRUE(apply_config_text("[filter.fineweb]\nmax_char_dup_ratio = 0.2\n", from_flags).ok());
  EXPECT_EQ(fingerprint(from_config), fingerprint(from_flags));
}

TEST(Options, IntegerFlagsRefuseSizeSuffixes) {
  EXPECT_FALSE(parse_extract_args({"--threads", "1K", "a.html"}).ok());
  EXPECT_FALSE(parse_run_args({"--threads", "1K", "-o", "out", "in"}).ok());
  EXPECT_FALSE(parse_clean_args({"--min-docs", "2M", "a.txt"}).ok());
  auto ok = parse_run_args({"--threads", "3", "--shard-size", "1K", "-o", "out", "in"});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->job.options.threads, 3u);
  EXPECT_EQ(ok->job.options.output_shard_bytes, 1024u);
  auto err = parse_extract_args({"--threads", "1K", "a.html"});
  EXPECT_NE(err.error().message.find("--threads"), std::string::npos) << err.error().message;
}

TEST(Options, DeprecatedAliasWarnsAndWorks) {
  auto old = parse_run_args({"--no-lang", "-o", "out", "in"});
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->job.options.lang_enabled);
  ASSERT_EQ(old->warnings.size(), 1u);
  EXPECT_NE(old->warnings[0].find("--no-language"), std::string::npos);
  auto now = parse_run_args({"--no-language", "-o", "out", "in"});
  ASSERT_TRUE(now.ok());
  EXPECT_FALSE(now->job.options.lang_enabled);
  EXPECT_TRUE(now->warnings.empty());
  // The same name on every command.
  EXPECT_FALSE(parse_extract_args({"--no-language", "a.html"})->job.page.identify_language);
  EXPECT_FALSE(parse_clean_args({"--no-language", "a.txt"})->job.language);
}

TEST(Options, ToggleTakesBothForms) {
  auto on = parse_extract_args({"--no-tables", "--tables", "--comments", "a.html"});
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->job.page.extract.include_tables);
  EXPECT_TRUE(on->job.page.extract.include_comments);
  EXPECT_FALSE(parse_extract_args({"--no-threads", "a.html"}).ok()) << "only toggles have --no-";
  EXPECT_FALSE(parse_extract_args({"--shard", "0/1", "a.html"}).ok()) << "a run option";
}

TEST(Options, EveryConfigKeyIsAccepted) {
  for (const auto& o : option_table()) {
    if (o.toml_key.empty()) continue;
    ASSERT_NE(o.set_run, nullptr) << o.toml_key;
    std::string key(o.toml_key);
    std::string section = key.substr(0, key.find('.')), name = key.substr(key.find('.') + 1);
    std::string value;
    switch (o.type) {
      case OptionType::toggle:
      case OptionType::flag: value = "false"; break;
      case OptionType::integer:
      case OptionType::size: value = "4"; break;
      case OptionType::number: value = "0.5"; break;
      case OptionType::list: value = "[\"en\"]"; break;
      case OptionType::text: {
        std::string choices(o.choices);
        value = "\"" + (choices.empty() ? std::string("x") : choices.substr(0, choices.find(','))) + "\"";
        break;
      }
    }
    RunOptions opts;
    auto st = apply_config_text("[" + section + "]\n" + name + " = " + value + "\n", opts);
    EXPECT_TRUE(st.ok()) << key << ": " << st.error().message;
  }
  RunOptions opts;
  EXPECT_FALSE(apply_config_text("[run]\nno_such_key = 1\n", opts).ok());
}

TEST(Options, UsageListsEveryFlagOfTheCommand) {
  for (Command c : {Command::extract, Command::clean, Command::run}) {
    const std::string usage = options_usage(c);
    for (const auto& o : option_table()) {
      if (!(o.commands & static_cast<unsigned>(c))) continue;
      EXPECT_NE(usage.find(flag_of(o)), std::string::npos) << flag_of(o);
      if (o.type == OptionType::toggle)
        EXPECT_NE(usage.find("--no-" + std::string(o.name)), std::string::npos) << o.name;
    }
  }
  EXPECT_EQ(options_usage(Command::extract).find("--shard-size"), std::string::npos);
}

TEST(Options, DocsListEveryFlag) {
  std::ifstream in(std::string(SARING_SOURCE_DIR) + "/docs/cli.md");
  ASSERT_TRUE(in) << "docs/cli.md";
  std::stringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  for (const auto& o : option_table()) {
    if (o.commands) EXPECT_NE(docs.find("`" + flag_of(o)), std::string::npos) << flag_of(o);
    if (!o.toml_key.empty() && o.toml_key.rfind("filter.", 0) != 0) {
      std::string key(o.toml_key);
      EXPECT_NE(docs.find(key.substr(key.find('.') + 1)), std::string::npos) << key;
    }
  }
  for (const auto& a : option_aliases()) EXPECT_NE(docs.find(a.old_flag), std::string::npos);
}

TEST(Options, PythonNames) {
  EXPECT_EQ(python_name(*find_option("min-language-score", Command::run)), "min_language_score");
  EXPECT_EQ(find_option("shard-size", Command::extract), nullptr);
}
