// Golden fixtures: dumps we wrote ourselves (tests/fixtures/clean/NAME.txt),
// each with the expected text (NAME.expected.txt) and the expected metadata
// and removed lines (NAME.expected.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "saring/clean.h"

namespace fs = std::filesystem;
using saring::clean::clean_document;
using saring::clean::CleanOptions;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(SARING_FIXTURES_DIR) / "clean";
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() > 14 && name.substr(name.size() - 14) == ".expected.json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(CleanGolden, FixturesExist) { EXPECT_GE(fixtures().size(), 8u); }

TEST(CleanGolden, EveryFixtureMatchesItsExpectedRecord) {
  for (const auto& expected_json : fixtures()) {
    std::string stem = expected_json.string();
    stem.resize(stem.size() - 14);
    SCOPED_TRACE(stem);
    std::string input = slurp(stem + ".txt");
    ASSERT_FALSE(input.empty());
    auto expected = nlohmann::json::parse(slurp(expected_json));
    auto r = clean_document(input, CleanOptions{});
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->text, slurp(stem + ".expected.txt"));
    EXPECT_EQ(opt(r->title), expected["title"]);
    EXPECT_EQ(opt(r->date), expected["date"]);
    EXPECT_EQ(opt(r->dateline), expected["dateline"]);
    EXPECT_EQ(opt(r->author), expected["author"]);
    EXPECT_EQ(nlohmann::json(r->sources), expected["sources"]);
    nlohmann::json removed = nlohmann::json::array();
    for (const auto& x : r->removed) removed.push_back({x.line, std::string(to_string(x.reason))});
    EXPECT_EQ(removed, expected["removed"]);
  }
}

// The Indonesian news dump (tests/fixtures/clean/id_news.txt), piece by piece: each piece of furniture is
// removed for its own reason and the metadata is read from the text.
TEST(CleanGolden, IndonesianNewsDumpPieceByPiece) {
  std::string input = slurp(fs::path(SARING_FIXTURES_DIR) / "clean" / "id_news.txt");
  auto r = clean_document(input, CleanOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date.value_or(""), "2021-10-20T12:47:00+07:00");
  EXPECT_EQ(r->dateline.value_or(""), "MOSKOW");
  EXPECT_EQ(r->author.value_or(""), "nng");
  std::map<std::string, int> reasons;
  for (const auto& x : r->removed) ++reasons[std::string(to_string(x.reason))];
  for (const char* want : {"date-line", "placeholder", "duplicate-title", "caption", "ui-widget",
                           "related-links", "copyright", "render-time", "byline"}) {
    EXPECT_GT(reasons[want], 0) << want;
  }
  EXPECT_EQ(r->text.find("FOTO/"), std::string::npos);
  EXPECT_EQ(r->text.find("A A A"), std::string::npos);
  EXPECT_EQ(r->text.find("(nng)"), std::string::npos);
  EXPECT_NE(r->text.find("MOSKOW - Presiden"), std::string::npos);
}
