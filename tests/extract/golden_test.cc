// Golden tests: each page of tests/fixtures/extract/ (written by us, several
// languages and layouts) must render exactly to its expected file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "saring/extract.h"
#include "saring/html.h"

namespace {

using saring::extract::ExtractOptions;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SARING_FIXTURES_DIR) + "/extract/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Golden {
  const char* page;      // .html fixture
  const char* expected;  // expected rendering
  bool markdown = false;
  bool comments = false;
};

class GoldenTest : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenTest, RendersExpectedText) {
  const Golden& g = GetParam();
  auto decoded = saring::html::decode_to_utf8(read_fixture(g.page));
  auto doc = saring::html::parse(decoded.utf8);
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  ExtractOptions options;
  options.include_comments = g.comments;
  auto content = saring::extract::extract_content(*doc, options);
  std::string got = g.markdown ? saring::extract::render_markdown(content)
                               : saring::extract::render_text(content);
  EXPECT_EQ(got, read_fixture(g.expected)) << "page " << g.page;
  EXPECT_EQ(content.stage, saring::extract::Stage::main) << "page " << g.page;
}

INSTANTIATE_TEST_SUITE_P(
    Pages, GoldenTest,
    ::testing::Values(Golden{"id_news.html", "id_news.txt"},
                      Golden{"en_blog_comments.html", "en_blog_comments.txt"},
                      Golden{"en_blog_comments.html", "en_blog_comments.comments.txt", false, true},
                      Golden{"de_news.html", "de_news.txt"},
                      Golden{"ja_article.html", "ja_article.txt"},
                      Golden{"zh_article.html", "zh_article.txt"},
                      Golden{"th_article.html", "th_article.txt"},
                      Golden{"docs_tables_code.html", "docs_tables_code.txt"},
                      Golden{"docs_tables_code.html", "docs_tables_code.md", true},
                      Golden{"product_page.html", "product_page.txt"}),
    [](const ::testing::TestParamInfo<Golden>& info) {
      std::string name = info.param.expected;
      for (char& c : name) {
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

}  // namespace
