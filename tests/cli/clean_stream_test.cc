// Runs the real `saring clean --jsonl` on damaged compressed inputs: JSONL is
// streamed line by line, so a truncated or corrupt .gz keeps every complete
// document before the damage, reports the damage as an error for that input,
// goes on with the next input, and exits with status 1.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

using saring::test_support::CommandResult;
using saring::test_support::gzip;
using saring::test_support::parse_json_lines;

// Documents with ids 0..n-1, each a few sentences long.
std::vector<std::string> documents(int n) {
  std::vector<std::string> lines;
  for (int i = 0; i < n; ++i) {
    nlohmann::json j;
    j["id"] = i;
    j["url"] = "https://news.example/story-" + std::to_string(i);
    j["text"] = "Story number " + std::to_string(i) +
                " about the harbour\n\nThe harbour bridge reopened to traffic on Thursday "
                "morning after " + std::to_string(i % 12 + 2) +
                " months of repairs to its steel deck and cables.\nEngineers replaced more "
                "than " + std::to_string(100 + i) +
                " rusted bolts and repainted the structure, the transport office said.";
    lines.push_back(j.dump());
  }
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

class CleanStreamCli : public saring::test_support::ScratchDirTest {
 protected:
  // `saring clean ARGS`, optionally with standard input from a file.
  CommandResult clean(const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = std::string(SARING_BIN) + " clean " + args;
    if (!stdin_file.empty()) cmd += " <" + stdin_file;
    return saring::test_support::run_command(cmd, dir_ / "stderr.txt");
  }
};

// The output for document i, without its source (which names the file).
std::string without_source(nlohmann::json j) {
  j.erase("source");
  return j.dump();
}

TEST_F(CleanStreamCli, TruncatedGzipKeepsEveryDocumentBeforeTheDamage) {
  auto docs = documents(400);
  std::string gz = gzip(join(docs));
  std::string whole = write("whole.jsonl.gz", gz);
  std::string cut = write("cut.jsonl.gz", gz.substr(0, gz.size() * 3 / 5));
  const std::string flags = "--jsonl --no-corpus --no-language --format jsonl ";

  CommandResult good = clean(flags + whole);
  ASSERT_EQ(good.exit_code, 0) << good.err;
  auto all = parse_json_lines(good.out);
  ASSERT_EQ(all.size(), docs.size());

  CommandResult bad = clean(flags + cut);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(cut), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("truncated"), std::string::npos) << bad.err;
  auto kept = parse_json_lines(bad.out);
  // Before: read whole, the truncated file gave no document at all.
  ASSERT_GT(kept.size(), docs.size() / 3);
  ASSERT_LT(kept.size(), docs.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(kept[i]["id"], static_cast<int>(i));
    EXPECT_EQ(kept[i]["source"], cut + ":" + std::to_string(i + 1));
    EXPECT_EQ(without_source(kept[i]), without_source(all[i])) << i;
  }
}

TEST_F(CleanStreamCli, DamagedInputDoesNotStopTheNextOne) {
  auto docs = documents(200);
  std::string gz = gzip(join(docs));
  std::string cut = write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  std::string next = write("next.jsonl", join(documents(3)));
  // Corpus mode (the default with --jsonl) reads both passes streaming.
  CommandResult r = clean("--jsonl --no-language --format jsonl " + cut + " " + next);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << r.err;
  auto out = parse_json_lines(r.out);
  ASSERT_GT(out.size(), 3u + 50u);
  size_t from_cut = out.size() - 3;
  for (size_t i = 0; i < from_cut; ++i) EXPECT_EQ(out[i]["id"], static_cast<int>(i));
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(out[from_cut + i]["source"], next + ":" + std::to_string(i + 1));
}

TEST_F(CleanStreamCli, CorruptMemberLosesOnlyItsOwnLines) {
  // Three gzip members; the middle one's CRC is broken.
  auto docs = documents(30);
  std::vector<std::string> a(docs.begin(), docs.begin() + 10), b(docs.begin() + 10, docs.begin() + 20),
      c(docs.begin() + 20, docs.end());
  std::string mid = gzip(join(b));
  mid[mid.size() - 6] = static_cast<char>(mid[mid.size() - 6] ^ 0x21);
  std::string path = write("crc.jsonl.gz", gzip(join(a)) + mid + gzip(join(c)));
  CommandResult r = clean("--jsonl --no-corpus --no-language --format jsonl " + path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("corrupt"), std::string::npos) << r.err;
  auto out = parse_json_lines(r.out);
  std::vector<int> ids;
  for (const auto& j : out)
    if (j.contains("id")) ids.push_back(j["id"].get<int>());
  // Every line of the intact members is there (the streaming reader delivers
  // the bad member's bytes before its CRC is found wrong, so its lines may be
  // there too); the last member survives the damage.
  for (int i = 0; i < 10; ++i) EXPECT_NE(std::find(ids.begin(), ids.end(), i), ids.end()) << i;
  for (int i = 20; i < 30; ++i) EXPECT_NE(std::find(ids.begin(), ids.end(), i), ids.end()) << i;
}

TEST_F(CleanStreamCli, TruncatedGzipOnStandardInput) {
  auto docs = documents(300);
  std::string gz = gzip(join(docs));
  std::string cut = write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  CommandResult r = clean("--jsonl --no-language --format jsonl -", cut);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" -: gzip member at offset 0"), std::string::npos) << r.err;
  auto out = parse_json_lines(r.out);
  ASSERT_GT(out.size(), 50u);
  ASSERT_LT(out.size(), docs.size());
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i]["id"], static_cast<int>(i));
    EXPECT_EQ(out[i]["source"], "-:" + std::to_string(i + 1));
  }
}

// Corpus mode reads standard input twice: it is copied to a temporary file
// (TMPDIR), not held in memory, and the copy is gone when the run ends. A
// line over --max-bytes is reported and the lines around it are cleaned.
TEST_F(CleanStreamCli, StandardInputIsReplayedFromATemporaryFile) {
  auto docs = documents(20);
  std::vector<std::string> lines(docs.begin(), docs.begin() + 10);
  lines.push_back(std::string(5000, 'x'));  // one line over --max-bytes
  lines.insert(lines.end(), docs.begin() + 10, docs.end());
  std::string in = write("in.jsonl.gz", gzip(join(lines)));
  fs::path tmp = dir_ / "tmp";
  fs::create_directories(tmp);
  std::string cmd = "TMPDIR=" + tmp.string() + " " + std::string(SARING_BIN) +
                    " clean --jsonl --corpus --no-language --max-bytes 4096 --format jsonl - <" + in;
  CommandResult r = saring::test_support::run_command(cmd, dir_ / "stderr.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("-:11: line exceeds 4096 bytes"), std::string::npos) << r.err;
  auto out = parse_json_lines(r.out);
  ASSERT_EQ(out.size(), docs.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i]["id"], static_cast<int>(i));
  EXPECT_TRUE(fs::is_empty(tmp)) << "the copy of standard input was left behind";
}

TEST_F(CleanStreamCli, IntactInputsExitZero) {
  auto docs = documents(20);
  std::string gz = write("ok.jsonl.gz", gzip(join(docs)) + gzip("\n" + docs[0] + "\r\n"));
  CommandResult r = clean("--jsonl --no-language --format jsonl " + gz);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(parse_json_lines(r.out).size(), 21u);
}

}  // namespace

// An empty text file is an error for that input, as in saring extract and
// saring run; the other inputs are still cleaned.
TEST_F(CleanStreamCli, EmptyInputIsAnErrorAndTheOthersAreCleaned) {
  std::string empty = write("empty.txt", "");
  std::string text = write("text.txt",
                           "The harbour bridge reopened to traffic on Thursday morning after "
                           "months of repairs to its steel deck and cables.\n");
  CommandResult r = clean("--no-corpus --no-language " + empty + " " + text);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(empty), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty input"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("harbour bridge reopened"), std::string::npos) << r.out;
}
