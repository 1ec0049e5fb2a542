#include "saring/url.h"

#include <gtest/gtest.h>

namespace saring {
namespace {

TEST(Url, HostIsLowerCaseWithoutUserPortOrWww) {
  EXPECT_EQ(url::host("https://www.Example.COM:8080/a/b?q=1"), "example.com");
  EXPECT_EQ(url::host("http://user:pw@news.example.org/x"), "news.example.org");
  EXPECT_EQ(url::host("https://example.org./"), "example.org");
  EXPECT_EQ(url::host("http://[2001:db8::1]/x"), "[2001:db8::1]");
  EXPECT_EQ(url::host("https://example.org?q=/a"), "example.org");
  EXPECT_EQ(url::host("example.org/a"), "");
  EXPECT_EQ(url::host(""), "");
}

TEST(Url, PathStopsAtQueryOrFragment) {
  EXPECT_EQ(url::path("https://example.org/2021/10/20/story.html?ref=1#top"), "/2021/10/20/story.html");
  EXPECT_EQ(url::path("https://example.org"), "");
  EXPECT_EQ(url::path("https://example.org?next=/a/b"), "");
  EXPECT_EQ(url::path("https://example.org/"), "/");
  EXPECT_EQ(url::path("/blog/post?x=1"), "/blog/post");
}

}  // namespace
}  // namespace saring
