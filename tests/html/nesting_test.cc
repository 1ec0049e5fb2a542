// The nesting guard behind parse() (src/html/nesting_scan.h).
#include <gtest/gtest.h>

#include "../../src/html/nesting_scan.h"

using namespace saring::html::detail;

TEST(Nesting, EstimatesOrdinaryMarkup) {
  EXPECT_EQ(estimate_nesting("<html><body><div><p>x</p></div></body></html>", 100), 4u);
  EXPECT_EQ(estimate_nesting("<p>a<br><img src=x><p>b", 100), 1u);  // void, implied end
  // Raw text and comments hide their tags; script itself never nests.
  EXPECT_EQ(estimate_nesting("<script><div><div><div></script><!-- <div><div> -->", 100), 0u);
  EXPECT_EQ(estimate_nesting("<ul><li>a<li>b</ul>", 100), 2u);
}

TEST(Nesting, MisnestedEndTagsDoNotPop) {
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<b><div></b>";
  EXPECT_GE(estimate_nesting(html, 1000), 100u);
  EXPECT_EQ(estimate_nesting(html, 50), 50u);  // stops at the limit
}

TEST(Nesting, FlattenKeepsTextAndBoundsDepth) {
  std::string html;
  for (int i = 0; i < 500; ++i) html += "<div class=\"a>b\">t" + std::to_string(i);
  html += "<script>if (a<b) x();</script>";
  for (int i = 0; i < 500; ++i) html += "</div>";
  std::string flat = flatten_nesting(html, 10);
  EXPECT_LE(estimate_nesting(flat, 1000), 10u);
  // Every text survives, followed by a kept tag or by the next text.
  for (int i = 0; i < 500; ++i) {
    std::string t = "t" + std::to_string(i);
    bool found = flat.find(t + "<") != std::string::npos || flat.find(t + "t") != std::string::npos;
    EXPECT_TRUE(found) << t;
  }
  EXPECT_EQ(flat.find("a>b\">t499"), std::string::npos);  // quoted '>' ends no tag
  EXPECT_NE(flat.find("<script>if (a<b) x();</script>"), std::string::npos);
  // Shallow markup is left alone.
  std::string shallow = "<div><p>x</p></div>";
  EXPECT_EQ(flatten_nesting(shallow, 10), shallow);
}
