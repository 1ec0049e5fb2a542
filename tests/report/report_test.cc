// saring report: what a run gathers for it (stats.json "profile"), how the
// stats of several runs add up, and how the page treats hostile text. The
// page in a real browser is tested by browser_test.py.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "saring/io.h"
#include "saring/lang.h"
#include "saring/pipeline.h"
#include "saring/report.h"
#include "summary.h"
#include "support/test_support.h"

namespace saring::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string temp_dir(const std::string& name) {
  return saring::test_support::scratch_dir("report", name);
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
}

std::string fixture(const std::string& name) { return std::string(SARING_FIXTURES_DIR) + "/" + name; }

// Articles of a few sentences from a small vocabulary (kept by the filters
// when long enough), some too short, some copied.
std::string jsonl_corpus(int n) {
  static const char* kWords[] = {"river", "market", "council", "garden", "school", "bread", "library",
                                 "village", "morning", "volunteers", "weather", "harvest", "bridge",
                                 "station", "neighbours", "teacher", "children", "water", "summer"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string text;
    uint32_t x = static_cast<uint32_t>(i % 17) * 2654435761u + 7u;
    const int sentences = i % 7 == 6 ? 1 : 12;
    for (int s = 0; s < sentences; ++s) {
      text += "The";
      for (int w = 0; w < 11; ++w) {
        x = x * 1103515245u + 12345u;
        text += std::string(" ") + kWords[(x >> 16) % 19] + (w == 5 ? " and the" : "");
      }
      text += s % 3 == 2 ? ".\n\n" : ". ";
    }
    json j = {{"id", "doc-" + std::to_string(i)}, {"url", "https://site" + std::to_string(i % 4) + ".example/" + std::to_string(i)},
              {"text", text}};
    out += j.dump() + "\n";
  }
  return out;
}

pipeline::RunOptions options(const std::vector<std::string>& inputs, const std::string& out) {
  pipeline::RunOptions o;
  o.inputs = inputs;
  o.output_dir = out;
  o.batch_items = 7;
  o.output_shard_bytes = 8000;  // several commits
  o.lang_enabled = lang::shared_identifier().ok();
  return o;
}

json stats_of(const std::string& dir) { return json::parse(read_file(dir + "/stats.json")); }

std::vector<json> rejected_records(const std::string& dir) {
  std::vector<json> out;
  for (const auto& e : fs::directory_iterator(dir + "/rejected")) {
    auto text = io::read_all(e.path().string());
    EXPECT_TRUE(text.ok());
    for (size_t pos = 0; pos < text->size();) {
      size_t nl = text->find('\n', pos);
      out.push_back(json::parse(text->substr(pos, nl - pos)));
      pos = nl + 1;
    }
  }
  return out;
}

class Report : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    write_file(dir_ + "/docs.jsonl", jsonl_corpus(70));
    inputs_ = {fixture("corpus/sample.warc.gz"), dir_ + "/docs.jsonl", fixture("report/hostile.jsonl")};
  }
  std::string dir_;
  std::vector<std::string> inputs_;
};

TEST_F(Report, TheRunGathersHistogramsAndTheLowestHashedExamples) {
  auto o = options(inputs_, dir_ + "/out");
  auto r = pipeline::run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  json s = stats_of(o.output_dir);
  const json& p = s.at("profile");

  // Every document read is in the text length histogram, kept or rejected.
  uint64_t kept = 0, rejected = 0;
  for (const auto& bin : p.at("text_length").at("counts")) {
    kept += bin[0].get<uint64_t>();
    rejected += bin[1].get<uint64_t>();
  }
  EXPECT_EQ(kept, r->counts.kept);
  EXPECT_EQ(rejected, r->counts.rejected);
  uint64_t domain_docs = 0;
  for (const auto& [d, n] : p.at("domains").items()) domain_docs += n[0].get<uint64_t>() + n[1].get<uint64_t>();
  EXPECT_EQ(domain_docs, r->counts.items - 3);  // three hostile pages have javascript: or data: URLs
  // Each figure's histogram counts the documents the filters measured it on.
  const json& words = p.at("figures").at("gopher_quality.word_count").at("counts");
  uint64_t measured = 0, rejected_measured = 0, cut = 0;
  for (const auto& bin : words) {
    measured += bin[0].get<uint64_t>() + bin[1].get<uint64_t>();
    rejected_measured += bin[1].get<uint64_t>();
  }
  for (size_t i = 0; i < 6; ++i) cut += words[i][1].get<uint64_t>();  // under 32 words: below the bound
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(words[i][0], 0u);          // so none passed
  const uint64_t too_few = s.at("rejected_by_stage").at("filter").value("gopher_quality:word_count", 0u);
  EXPECT_GT(measured, r->counts.kept);
  EXPECT_GE(cut, 5u);  // the one-sentence documents of jsonl_corpus
  EXPECT_LE(cut, too_few);
  EXPECT_GE(rejected_measured, too_few);
  // The threshold comes with it.
  bool found = false;
  for (const auto& b : s.at("bounds"))
    if (b.at("figure") == "gopher_quality.word_count") found = b.at("min") == 50;
  EXPECT_TRUE(found);
  // Duplicate clusters: each removed duplicate is in one.
  uint64_t in_clusters = 0, dups = 0;
  for (const auto& [size, n] : p.at("duplicate_clusters").items()) in_clusters += (std::stoull(size) - 1) * n.get<uint64_t>();
  for (const auto& [reason, n] : s.at("rejected_by_stage").at("dedup").items()) dups += n.get<uint64_t>();
  EXPECT_GT(dups, 5u);
  EXPECT_EQ(in_clusters, dups);

  // The examples of each reason are its documents with the lowest id hashes.
  std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> by_reason;
  for (const auto& j : rejected_records(o.output_dir)) {
    std::string id = j.at("id");
    by_reason[j.at("reason")].emplace_back(XXH3_64bits(id.data(), id.size()), id);
  }
  ASSERT_GE(by_reason.size(), 3u);
  for (auto& [reason, ids] : by_reason) {
    std::sort(ids.begin(), ids.end());
    ids.resize(std::min<size_t>(ids.size(), kExamplesPerReason));
    std::vector<std::string> want, got;
    for (const auto& [h, id] : ids) want.push_back(id);
    for (const auto& e : p.at("examples").at(reason)) {
      got.push_back(e.at("id"));
      EXPECT_EQ(e.at("reason"), reason);
      EXPECT_LE(e.at("head").get<std::string>().size(), 484u);
    }
    EXPECT_EQ(got, want) << reason;
  }
  EXPECT_EQ(p.at("examples").at("kept").size(), kExamplesPerReason);
}

TEST_F(Report, TheShardsOfARunAddUpToTheWholeRun) {
  // Without dedup (shards do not see each other's documents) the shards'
  // sums are exactly the whole run's.
  auto whole = options(inputs_, dir_ + "/whole");
  whole.dedup_enabled = false;
  ASSERT_TRUE(pipeline::run(whole).ok());
  std::vector<std::string> parts;
  for (uint32_t i = 0; i < 3; ++i) {
    auto part = whole;
    part.output_dir = dir_ + "/part" + std::to_string(i);
    part.shard_index = i;
    part.shard_count = 3;
    ASSERT_TRUE(pipeline::run(part).ok());
    parts.push_back(part.output_dir);
  }
  auto one = load_runs({whole.output_dir});
  auto sum = load_runs(parts);
  ASSERT_TRUE(one.ok()) << one.error().describe();
  ASSERT_TRUE(sum.ok()) << sum.error().describe();
  for (const char* key : {"documents", "bytes", "rejected_by_stage", "bounds"}) EXPECT_EQ((*sum)[key], (*one)[key]) << key;
  EXPECT_EQ((*sum)["profile"], (*one)["profile"]);
  EXPECT_EQ((*sum)["shards"], json({"0/3", "1/3", "2/3"}));
  // Summed through the same function, one run is itself.
  EXPECT_EQ((*one)["documents"], stats_of(whole.output_dir)["documents"]);
}

TEST_F(Report, ARunWithoutFiltersHasAReport) {
  // No filter ran, so no quality figure was measured: the report says so
  // rather than failing on the missing histograms.
  auto o = options({fixture("corpus/sample.warc.gz")}, dir_ + "/out");
  o.filter_enabled = false;
  ASSERT_TRUE(pipeline::run(o).ok());
  auto written = write_report({{o.output_dir}, ""});
  ASSERT_TRUE(written.ok()) << written.error().describe();
  EXPECT_TRUE(fs::exists(*written));
}

TEST_F(Report, HostileTextIsEscapedAndOnlyThePageScriptRuns) {
  auto o = options({fixture("report/hostile.jsonl"), fixture("corpus/sample.warc.gz")}, dir_ + "/out");
  ASSERT_TRUE(pipeline::run(o).ok());
  auto written = write_report({{o.output_dir}, ""});
  ASSERT_TRUE(written.ok()) << written.error().describe();
  EXPECT_EQ(*written, o.output_dir + "/report.html");
  std::string html = read_file(*written);
  // The page's own script is the last element; before it, exactly one
  // script element: the JSON data block, which holds no '<' at all.
  const size_t own = html.rfind("<script>");
  ASSERT_NE(own, std::string::npos);
  std::string before = html.substr(0, own);
  std::string lower = before;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t first = lower.find("<script");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(lower.find("<script", first + 1), std::string::npos);
  const size_t data_start = before.find('>', first) + 1;
  const std::string data = before.substr(data_start, lower.find("</script", data_start) - data_start);
  EXPECT_EQ(data.find('<'), std::string::npos);
  EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos);  // U+2028
  EXPECT_NE(data.find("\\u003cscript\\u003edocument.title='pwned-domain'"), std::string::npos);  // the hostile domain, escaped
  // Links only to http(s).
  EXPECT_EQ(lower.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"data:"), std::string::npos);
  EXPECT_NE(before.find("&lt;/script&gt;&lt;script&gt;document.title=&#39;PWNED-id&#39;"), std::string::npos);
  // The policy: nothing but the page's own script and style, by hash.
  const size_t csp = before.find("http-equiv=\"Content-Security-Policy\" content=\"");
  ASSERT_NE(csp, std::string::npos);
  const std::string policy = before.substr(csp, before.find('>', csp) - csp);
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("script-src 'sha256-"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << policy;
}

TEST_F(Report, BadFoldersGiveClearErrors) {
  auto missing = render_report({dir_ + "/nothing-here"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nothing-here/stats.json"), std::string::npos) << missing.error().message;

  fs::create_directories(dir_ + "/old");
  write_file(dir_ + "/old/stats.json", R"({"complete": true, "documents": {"read": 1}})");
  auto old = render_report({dir_ + "/old"});
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.error().message.find("no report data"), std::string::npos) << old.error().message;

  fs::create_directories(dir_ + "/broken");
  write_file(dir_ + "/broken/stats.json", "{\"complete\": tr");
  EXPECT_FALSE(render_report({dir_ + "/broken"}).ok());

  // Histograms with other bins do not add.
  auto o = options({dir_ + "/docs.jsonl"}, dir_ + "/a");
  ASSERT_TRUE(pipeline::run(o).ok());
  fs::create_directories(dir_ + "/b");
  json s = stats_of(o.output_dir);
  s["profile"]["text_length"]["lower"][1] = 3;
  write_file(dir_ + "/b/stats.json", s.dump());
  auto mixed = render_report({o.output_dir, dir_ + "/b"});
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.error().message.find("text_length"), std::string::npos) << mixed.error().message;
  EXPECT_TRUE(render_report({o.output_dir}).ok());
}

}  // namespace
}  // namespace saring::report
