// Corpus mode: site keys, bounded line counts and cross-document removal.
#include <gtest/gtest.h>

#include "saring/clean.h"

using saring::clean::clean_document;
using saring::clean::CleanOptions;
using saring::clean::CorpusStats;
using saring::clean::Reason;
using saring::clean::site_key;

namespace {

// A distinct word for each number (digits would be folded in short lines).
std::string word_for(int n) {
  std::string w;
  do {
    w.push_back(static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return w;
}

std::string article(int i) {
  return "Example Daily Newsletter: sign up for the morning briefing today\n"
         "Story number " + std::to_string(i) + " about the harbour development plans\n"
         "The harbour authority presented plan number " + std::to_string(i) +
         " on Monday, saying that the new quay would double the capacity of the port by 2030.\n"
         "Local residents raised concerns about noise and traffic during the construction works, "
         "which are expected to last at least " + std::to_string(i + 3) + " years.\n"
         "This article is published under the editorial guidelines of Example Daily, which you "
         "can read on our website.\n";
}

}  // namespace

TEST(CleanCorpus, SiteKey) {
  EXPECT_EQ(site_key("https://www.Example.com:8080/a/b?c"), "example.com");
  EXPECT_EQ(site_key("http://user@news.example.org/x"), "news.example.org");
  EXPECT_EQ(site_key(""), "");
  EXPECT_EQ(site_key("/relative/path"), "");
}

TEST(CleanCorpus, CountsDocumentsNotOccurrencesAndNormalises) {
  CorpusStats s;
  s.add_document("Footer line\nfooter   LINE\nBody\n", "a.com");
  s.add_document("Footer line\n© 2021 Site\n", "a.com");
  s.add_document("© 2022 Site\n", "a.com");
  s.add_document("Footer line\n", "b.com");
  EXPECT_EQ(s.count("a.com", "Footer line"), 2u);
  EXPECT_EQ(s.count("a.com", "© 2023 Site"), 2u);  // digits normalised
  EXPECT_EQ(s.count("b.com", "Footer line"), 1u);
  EXPECT_EQ(s.count("c.com", "Footer line"), 0u);
  EXPECT_EQ(s.documents(), 4u);
}

TEST(CleanCorpus, RemovesLinesRepeatedAcrossDocumentsOfOneSite) {
  CorpusStats stats;
  for (int i = 0; i < 4; ++i) stats.add_document(article(i), "example.com");
  stats.add_document(article(9), "other.org");
  CleanOptions o;
  auto r = clean_document(article(1), o, &stats, "example.com");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.find("editorial guidelines"), std::string::npos);
  EXPECT_EQ(r->text.find("Newsletter"), std::string::npos);
  EXPECT_NE(r->text.find("plan number 1"), std::string::npos);
  bool cross = false;
  for (const auto& x : r->removed) cross = cross || x.reason == Reason::cross_document_boilerplate;
  EXPECT_TRUE(cross);
  // The other site has a single document: nothing repeats there.
  auto other = clean_document(article(9), o, &stats, "other.org");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->text.find("editorial guidelines"), std::string::npos);
}

TEST(CleanCorpus, WithoutSiteNeedsSharedLineSets) {
  CorpusStats stats;
  for (int i = 0; i < 4; ++i) stats.add_document(article(i), "");
  // A document that shares only one repeated line is not treated as the same site.
  std::string lone =
      "This article is published under the editorial guidelines of Example Daily, which you "
      "can read on our website.\n"
      "A completely different text that talks about gardens, flowers and the weather this spring.\n";
  stats.add_document(lone, "");
  CleanOptions o;
  auto r = clean_document(lone, o, &stats, "");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("editorial guidelines"), std::string::npos);
  auto a = clean_document(article(2), o, &stats, "");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.find("editorial guidelines"), std::string::npos);
}

TEST(CleanCorpus, BoundedMemoryNeverOverestimates) {
  CorpusStats small(1024);
  for (int d = 0; d < 200; ++d) {
    std::string doc = "shared footer line\n";
    for (int k = 0; k < 20; ++k) doc += "unique line " + word_for(d * 100 + k) + " x\n";
    small.add_document(doc, "s");
  }
  EXPECT_TRUE(small.pruned());
  EXPECT_LE(small.distinct(), 1024u);
  uint32_t shared = small.count("s", "shared footer line");
  EXPECT_GE(shared, 100u);
  EXPECT_LE(shared, 200u);
  EXPECT_LE(small.count("s", "unique line " + word_for(5) + " x"), 1u);
}

TEST(CleanCorpus, MergeEqualsOneBuilder) {
  CorpusStats one, a, b;
  for (int i = 0; i < 6; ++i) {
    one.add_document(article(i), "x.com");
    (i % 2 ? a : b).add_document(article(i), "x.com");
  }
  a.merge(b);
  EXPECT_EQ(a.documents(), one.documents());
  for (int i = 0; i < 6; ++i) {
    auto r1 = clean_document(article(i), CleanOptions{}, &one, "x.com");
    auto r2 = clean_document(article(i), CleanOptions{}, &a, "x.com");
    ASSERT_TRUE(r1.ok() && r2.ok());
    EXPECT_EQ(r1->text, r2->text);
  }
}
