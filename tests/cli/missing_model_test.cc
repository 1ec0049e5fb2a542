// Without the language model every command stops before reading any input,
// with one message that names the path tried and the ways out, and exit
// status 2; with --no-language the same inputs go through.
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace fs = std::filesystem;
using saring::test_support::parse_json_lines;
using saring::test_support::run_command;
using saring::test_support::slurp;

namespace {

constexpr const char* kPage =
    "<!doctype html><html><head><title>Harbour bridge</title></head><body><article>"
    "<p>The harbour bridge reopened to traffic on Thursday morning after eight months of "
    "repairs to its steel deck and cables.</p></article></body></html>";

class MissingModel : public saring::test_support::ScratchDirTest {
 protected:
  // Two inputs for `command`, so a per-input error would show twice.
  std::string inputs(const std::string& command) {
    if (command == "clean")
      return write("a.txt", "The bridge reopened on Thursday.\n") + " " +
             write("b.txt", "Engineers replaced two hundred bolts.\n");
    return write("a.html", kPage) + " " + write("b.html", kPage);
  }

  std::string args(const std::string& command) {
    if (command == "extract") return "extract --format jsonl ";
    if (command == "clean") return "clean --format jsonl ";
    return "run --quiet -o " + (dir_ / "out").string() + " ";
  }

  saring::test_support::CommandResult saring(const std::string& command, const std::string& flags) {
    return run_command("SARING_LID_MODEL=" + missing().string() + " " + SARING_BIN + " " +
                           args(command) + flags + inputs(command),
                       dir_ / "err.txt");
  }

  fs::path missing() const { return dir_ / "no-model.ftz"; }
};

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

TEST_F(MissingModel, EveryCommandStopsOnceWithTheWaysOut) {
  for (const std::string command : {"extract", "clean", "run"}) {
    SCOPED_TRACE(command);
    auto r = saring(command, "");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    std::string err = slurp(dir_ / "err.txt");
    EXPECT_EQ(count(err, "language identification needs the fastText model"), 1u) << err;
    EXPECT_EQ(err.rfind("saring " + command + ": ", 0), 0u) << err;
    for (const std::string& part :
         {missing().string(), std::string("scripts/fetch-model.sh"), std::string("SARING_LID_MODEL"),
          std::string("--no-language")})
      EXPECT_NE(err.find(part), std::string::npos) << part << " not in " << err;
    EXPECT_FALSE(fs::exists(dir_ / "out")) << "run wrote output";
  }
}

TEST_F(MissingModel, NoLanguageGoesThrough) {
  for (const std::string command : {"extract", "clean"}) {
    SCOPED_TRACE(command);
    auto r = saring(command, "--no-language ");
    EXPECT_EQ(r.exit_code, 0) << slurp(dir_ / "err.txt");
    auto records = parse_json_lines(r.out);
    ASSERT_EQ(records.size(), 2u);
    for (const auto& record : records) {
      EXPECT_TRUE(record["language"].is_null());
      EXPECT_FALSE(record["text"].get<std::string>().empty());
    }
  }
  auto run = saring("run", "--no-language ");
  EXPECT_EQ(run.exit_code, 0) << slurp(dir_ / "err.txt");
  EXPECT_TRUE(fs::exists(dir_ / "out" / "stats.json"));
}

}  // namespace
