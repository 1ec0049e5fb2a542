// One page in, one record out: what process_page adds to extraction and
// metadata (the headline and the date lines are fields, not text).
#include <gtest/gtest.h>

#include <string>

#include "saring/page.h"

namespace {

const char* kStory =
    "<p>The committee met on Tuesday to discuss the new budget, which includes "
    "funding for schools, roads and the public library system.</p>"
    "<p>Several members argued that the proposed tax increase would fall hardest "
    "on small businesses, while others said it was overdue.</p>"
    "<p>A final vote is expected next month, after a public hearing at which "
    "residents will be able to give their views on every part of the plan.</p>";

std::string text_of(const std::string& body, const std::string& head = "") {
  std::string html =
      "<html><head><title>Budget talks</title>"
      "<meta property='og:type' content='article'>" + head + "</head><body><article>" +
      body + "</article></body></html>";
  saring::page::PageOptions options;
  options.identify_language = false;
  auto result = saring::page::process_page(
      {.bytes = html, .url = "https://example.org/news/budget-talks-resume-at-the-council"},
      options);
  EXPECT_TRUE(result.ok());
  return result.ok() ? result.value().text : std::string();
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(Page, LinesThatAreOnlyADateAreMetadata) {
  std::string t = text_of("<h1>Budget talks</h1><p>23.10.2018</p><p>Updated: Mar 6, 2024</p>" +
                          std::string(kStory) + "<p>Sep 08, 2008 12:58PM</p>");
  EXPECT_FALSE(contains(t, "23.10.2018"));
  EXPECT_FALSE(contains(t, "Mar 6, 2024"));
  EXPECT_FALSE(contains(t, "12:58PM"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
}

TEST(Page, SentencesAndListItemsWithDatesStay) {
  std::string t = text_of(std::string(kStory) +
                          "<p>The vote was held on 3 March 2020 in the town hall.</p>"
                          "<ul><li>12 March 2024</li><li>19 March 2024</li></ul>");
  EXPECT_TRUE(contains(t, "The vote was held on 3 March 2020 in the town hall."));
  EXPECT_TRUE(contains(t, "- 12 March 2024"));
  // Numbers that are not dates are not taken for one.
  std::string n = text_of(std::string(kStory) + "<p>Score: 3-1</p>");
  EXPECT_TRUE(contains(n, "Score: 3-1"));
}

TEST(Page, HeadingCutAtItsBarIsTheTitle) {
  std::string html =
      "<html><head><title>Budget talks | Notes from the council</title>"
      "<meta property='og:type' content='article'></head><body><article>"
      "<h1>Budget talks | Notes from the council</h1>" +
      std::string(kStory) + "</article></body></html>";
  saring::page::PageOptions options;
  options.identify_language = false;
  auto result = saring::page::process_page({.bytes = html, .url = "https://example.org/"}, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().metadata.title.value_or(""), "Budget talks");
  // The heading the title came from is not text.
  EXPECT_FALSE(contains(result.value().text, "Notes from the council"));
  EXPECT_TRUE(contains(result.value().text, "The committee met on Tuesday"));
}

TEST(Page, TextIsInNormalizationFormC) {
  std::string t = text_of(std::string(kStory) + "<p>The caf\x65\xCC\x81 on the square was full.</p>");
  EXPECT_TRUE(contains(t, "The caf\xC3\xA9 on the square was full."));
}

TEST(Page, BylinesOfTheRecordsAuthorAreMetadata) {
  const std::string head = "<meta name='author' content='Jane Doe'>";
  std::string t = text_of("<p>By JANE DOE - 11/18/19 11:04 PM EST</p>" + std::string(kStory) +
                          "<p>Von Jane Doe</p>", head);
  EXPECT_FALSE(contains(t, "11:04 PM"));
  EXPECT_FALSE(contains(t, "Von Jane Doe"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  // Another writer's byline, and a sentence that starts with the name, stay.
  std::string other = text_of("<p>By John Roe</p>" + std::string(kStory) +
                              "<p>By Jane Doe and the editors of the weekly paper, who checked "
                              "every figure in the budget before it went to print.</p>", head);
  EXPECT_TRUE(contains(other, "By John Roe"));
  EXPECT_TRUE(contains(other, "By Jane Doe and the editors"));
}

TEST(Page, AClosingNoteOnTheRecordsAuthorIsNotText) {
  const std::string head = "<meta name='author' content='Jane Doe'>";
  std::string t = text_of(std::string(kStory) +
                          "<p>Jane Doe is a reporter who covers city hall and the county budget.</p>",
                          head);
  EXPECT_FALSE(contains(t, "covers city hall"));
  EXPECT_TRUE(contains(t, "A final vote is expected"));
  // The same sentence inside the story, or about another person, stays.
  std::string inside = text_of("<p>Jane Doe is a reporter who covers city hall.</p>" +
                               std::string(kStory), head);
  EXPECT_TRUE(contains(inside, "covers city hall"));
  std::string other = text_of(std::string(kStory) +
                              "<p>John Roe is a reporter who covers city hall.</p>", head);
  EXPECT_TRUE(contains(other, "covers city hall"));
}

// A service page as a page builder nests it: each section under nine
// wrappers, each wrapper with an empty background box beside what it wraps.
std::string nested(std::string inner, int levels) {
  for (int i = 0; i < levels; ++i) inner = "<div><div class='row-bg'></div>" + inner + "</div>";
  return inner;
}

std::string service_text(const std::string& head, const std::string& url) {
  std::string html =
      "<html><head><title>Online tutoring</title><meta property='og:type' content='article'>" +
      head + "</head><body><main>" +
      nested("<div><h2>Why families choose us</h2><p>Every student learns differently, some "
             "prefer hands-on experiments, others need pictures, and our tutors adapt each "
             "session to the way your child learns best.</p><p>Sessions are one-on-one, online, "
             "and booked at the hours that suit your family, with a report after each one so "
             "you always know where things stand.</p></div>",
             9) +
      nested("<h2>How tutoring helps</h2><p>Catch up on missed lessons.</p><p>Build confidence "
             "before tests.</p><p>Form study habits that last.</p><h2>Questions</h2><p>How soon "
             "can we start? Within two days of signing up.</p>",
             2) +
      "</main></body></html>";
  saring::page::PageOptions options;
  options.identify_language = false;
  auto result = saring::page::process_page({.bytes = html, .url = url}, options);
  EXPECT_TRUE(result.ok());
  return result.ok() ? result.value().text : std::string();
}

TEST(Page, AnUndatedArticleTypeIsNotBelieved) {
  // og:type "article" with no date and a short address: a CMS's default, so
  // the sections of the page are gathered as on any page that is no article.
  std::string t = service_text("", "https://example.org/tutoring/");
  EXPECT_TRUE(contains(t, "Every student learns differently"));
  EXPECT_TRUE(contains(t, "Build confidence before tests."));
  // A publication time, or a headline's slug in the address, makes it an
  // article: the text stays in its own section.
  const std::string dated =
      "<meta property='article:published_time' content='2024-05-02T10:00:00Z'>";
  t = service_text(dated, "https://example.org/tutoring/");
  EXPECT_TRUE(contains(t, "Every student learns differently"));
  EXPECT_FALSE(contains(t, "Build confidence before tests."));
  t = service_text("", "https://example.org/news/why-families-choose-online-tutoring/");
  EXPECT_FALSE(contains(t, "Build confidence before tests."));
}

}  // namespace
