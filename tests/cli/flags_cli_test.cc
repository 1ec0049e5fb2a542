// The flags of the real saring executable, as the option table defines them:
// a deprecated spelling warns and still works, integer flags refuse size
// suffixes, and clean's JSONL lines are bounded by --max-bytes, on standard
// input too.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/test_support.h"

namespace {

using saring::test_support::CommandResult;

class FlagsCli : public saring::test_support::ScratchDirTest {
 protected:
  CommandResult saring(const std::string& args) {
    return saring::test_support::run_command(std::string(SARING_BIN) + " " + args,
                                             dir_ / "stderr.txt");
  }
  static std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string a_document(int i) {
    return "{\"id\":" + std::to_string(i) +
           ",\"text\":\"The harbour bridge reopened to traffic on Thursday after months of "
           "repairs to its steel deck, the transport office said in statement number " +
           std::to_string(i) + ".\"}\n";
  }
};

}  // namespace

TEST_F(FlagsCli, OldNoLangWarnsAndStillSwitchesLanguageOff) {
  auto in = write("docs.jsonl", a_document(1) + a_document(2));
  auto old = saring("run --quiet --no-lang --no-filter " + in + " -o " + (dir_ / "a").string());
  EXPECT_EQ(old.exit_code, 0) << old.err;
  EXPECT_NE(old.err.find("'--no-lang' is deprecated; use '--no-language'"), std::string::npos)
      << old.err;
  auto now = saring("run --quiet --no-language --no-filter " + in + " -o " + (dir_ / "b").string());
  EXPECT_EQ(now.exit_code, 0) << now.err;
  EXPECT_EQ(now.err.find("deprecated"), std::string::npos) << now.err;
  // Both runs skipped language ID, so their outputs are the same bytes.
  EXPECT_EQ(read_file((dir_ / "a" / "part-00000.jsonl.zst").string()),
            read_file((dir_ / "b" / "part-00000.jsonl.zst").string()));
}

TEST_F(FlagsCli, ThreadsRefusesASizeSuffix) {
  auto page = write("a.html", "<html><body><p>Hello there, reader.</p></body></html>");
  auto r = saring("extract --threads 1K " + page);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--threads"), std::string::npos) << r.err;
  auto run = saring("run --threads 1K " + page + " -o " + (dir_ / "out").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(saring("extract --threads 2 " + page).exit_code, 0);
}

TEST_F(FlagsCli, CleanBoundsJsonlLinesOnStandardInput) {
  std::string long_line = "{\"id\":9,\"text\":\"" + std::string(5000, 'x') + "\"}\n";
  auto in = write("docs.jsonl", a_document(1) + long_line + a_document(2));
  auto r = saring("clean --jsonl --no-corpus --format jsonl --no-language --max-bytes 1000 - <" + in);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("-:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("exceeds 1000 bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"id\":1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\":2"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("xxxx"), std::string::npos);
}

TEST_F(FlagsCli, HelpComesFromTheTable) {
  auto r = saring("run --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--language / --no-language"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--shard-size BYTES"), std::string::npos) << r.out;
}
