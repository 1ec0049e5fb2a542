// Runs the real `saring extract` binary on pages written into a temporary
// folder: output formats, input order, and the per-input error contract (a bad
// input is reported, the others are still processed, the exit code says so).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;
using saring::test_support::CommandResult;
using saring::test_support::parse_json_lines;

namespace {

using CliRun = CommandResult;

// `saring extract ARGS`; standard error is discarded.
CliRun run(const std::string& args) {
  return saring::test_support::run_command(std::string(SARING_BIN) + " extract " + args);
}

const char* kArticle = R"(<!doctype html><html lang="en"><head>
<title>Harbour bridge reopens after repairs - The Coastal Post</title>
<meta property="og:site_name" content="The Coastal Post">
<meta property="article:published_time" content="2023-05-04T08:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs to its steel deck and cables.</p>
<p>Engineers replaced more than two hundred rusted bolts and repainted the whole structure, the city's transport office said in a statement.</p>
<p>Commuters had faced detours of up to forty minutes while the crossing was closed, and local shops reported fewer customers during the works.</p>
</article>
<footer>Copyright 2023 The Coastal Post. All rights reserved.</footer>
</body></html>)";

class ExtractCli : public saring::test_support::ScratchDirTest {};

}  // namespace

TEST_F(ExtractCli, PlainTextKeepsArticleAndDropsFurniture) {
  auto page = write("a.html", kArticle);
  CliRun r = run(page);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("eight months of repairs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n\n"), std::string::npos) << "paragraphs are separated by a blank line";
  EXPECT_EQ(r.out.find("All rights reserved"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Sport"), std::string::npos) << r.out;
}

TEST_F(ExtractCli, JsonHasEveryFieldAndMetadata) {
  auto page = write("a.html", kArticle);
  CliRun r = run("--format json --url https://coastal.example/2023/05/04/bridge " + page);
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* field : {"source", "url", "title", "author", "date", "sitename", "description",
                            "language", "tags", "image", "text"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  EXPECT_EQ(j["title"], "Harbour bridge reopens after repairs");
  EXPECT_EQ(j["sitename"], "The Coastal Post");
  EXPECT_EQ(j["date"], "2023-05-04T08:30:00+02:00");
  EXPECT_EQ(j["language"], "en");
  EXPECT_TRUE(j["author"].is_null());
}

TEST_F(ExtractCli, JsonlKeepsInputOrderAndReportsBadInputs) {
  std::vector<std::string> inputs = {
      write("good1.html", kArticle),
      write("empty.html", ""),
      write_gz("truncated.html.gz", std::string(kArticle) + std::string(kArticle), 120),
      (dir_ / "missing.html").string(),
      write_gz("good2.html.gz", kArticle),
      write("invalid_utf8.html", std::string("<p>caf\xE9 \xFF\xFE broken bytes in a paragraph that is long enough to keep as text.</p>")),
  };
  std::string args = "--format jsonl";
  for (auto& i : inputs) args += " " + i;
  CliRun r = run(args);
  EXPECT_EQ(r.exit_code, 1) << "some inputs failed";
  auto records = parse_json_lines(r.out);
  ASSERT_EQ(records.size(), inputs.size()) << r.out;
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(records[i]["source"], inputs[i]);
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_TRUE(records[1].contains("error"));
  EXPECT_TRUE(records[2].contains("error"));
  EXPECT_TRUE(records[3].contains("error"));
  EXPECT_FALSE(records[4].contains("error"));
  EXPECT_EQ(records[0]["text"], records[4]["text"]);
  EXPECT_FALSE(records[5].contains("error"));
}

TEST_F(ExtractCli, SameBytesWhateverTheThreadCount) {
  std::string args = "--format jsonl";
  for (int i = 0; i < 12; ++i) args += " " + write("p" + std::to_string(i) + ".html", kArticle);
  CliRun one = run(args + " --threads 1");
  CliRun four = run(args + " --threads 4");
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(ExtractCli, DeepNestingDoesNotCrash) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep inside a hundred thousand divs there is still a sentence worth keeping here.</p>";
  CliRun r = run("--format jsonl " + write("deep.html", deep));
  EXPECT_EQ(r.exit_code, 0);
  auto records = parse_json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0]["text"].get<std::string>().find("sentence worth keeping"), std::string::npos);
}

// Found by the sanitizer QA pass: JSON-LD nested 100,000 deep crashed the
// process while its value was copied (one stack frame per level).
TEST_F(ExtractCli, DeeplyNestedJsonLdDoesNotCrash) {
  std::string jsonld = "{\"@type\":\"NewsArticle\",\"author\":";
  for (int i = 0; i < 100000; ++i) jsonld += "[{\"name\":";
  jsonld += "\"x\"";
  for (int i = 0; i < 100000; ++i) jsonld += "}]";
  jsonld += "}";
  std::string page = "<html><head><script type=\"application/ld+json\">" + jsonld +
                     "</script></head><body><p>A paragraph that is long enough to be kept as the "
                     "main text of this small page.</p></body></html>";
  CliRun r = run("--format jsonl " + write("deep-jsonld.html", page) + " " +
                 write("after.html", kArticle));
  EXPECT_EQ(r.exit_code, 0);
  auto records = parse_json_lines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0]["author"].is_null());
  EXPECT_NE(records[0]["text"].get<std::string>().find("long enough"), std::string::npos);
}

TEST_F(ExtractCli, UsageErrors) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("--format yaml x.html").exit_code, 2);
  EXPECT_EQ(run("--bogus x.html").exit_code, 2);
  EXPECT_EQ(run("--help").exit_code, 0);
}

TEST_F(ExtractCli, InputListGivesUrls) {
  auto page = write("a.html", kArticle);
  auto list = write("list.tsv", page + "\thttps://coastal.example/x\n");
  CliRun r = run("--format jsonl --input-list " + list);
  ASSERT_EQ(r.exit_code, 0);
  auto records = parse_json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["url"], "https://coastal.example/x");
}
