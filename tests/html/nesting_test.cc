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

// The attribute guard (libxml2's duplicate-attribute check is quadratic).
TEST(Attributes, CountsAndLimitsPerTag) {
  EXPECT_EQ(max_attributes("<div a=1 b='2' c=\"3\" d>x</div><p e>y</p>", 100), 4u);
  // Quoted '>' and '=' are values, not ends; end tags, comments and raw text
  // carry no attributes.
  EXPECT_EQ(max_attributes("<a title=\"x > y = z\" href=u>t</a></a b c d e>", 100), 2u);
  EXPECT_EQ(max_attributes("<!-- <p a b c d> --><script>if (a<b c d e f) x();</script>", 100),
            0u);
  std::string many = "<div";
  for (int i = 0; i < 10; ++i) many += " a" + std::to_string(i) + "=\"v>" + std::to_string(i) + "\"";
  many += ">text</div><p>after</p>";
  EXPECT_EQ(max_attributes(many, 5), 5u);  // stops at the limit
  std::string limited = limit_attributes(many, 3);
  EXPECT_EQ(limited, "<div a0=\"v>0\" a1=\"v>1\" a2=\"v>2\">text</div><p>after</p>");
  EXPECT_EQ(max_attributes(limited, 100), 3u);
  // Tags within the limit are left alone, byte for byte.
  std::string ordinary = "<html><body class=x><div id=a data-x='1'>t</div></body></html>";
  EXPECT_EQ(limit_attributes(ordinary, 3), ordinary);
}

// The libraries' work guard: start tags and attributes of the whole page,
// tokenized like the attribute guard (end tags, comments, raw text skipped).
TEST(Attributes, CountsTagsAndAttributesOfThePage) {
  EXPECT_EQ(count_tags_and_attributes("<div a=1 b='2'>x</div><p e>y</p><br>", 100), 6u);
  EXPECT_EQ(count_tags_and_attributes("<!-- <p a b> --><script>if (a<b c) x();</script></p>", 100),
            1u);
  std::string flood;
  for (int i = 0; i < 1000; ++i) flood += "<br>";
  EXPECT_EQ(count_tags_and_attributes(flood, 100000), 1000u);
  EXPECT_EQ(count_tags_and_attributes(flood, 10), 10u);  // stops at the limit
}
