// Pages that state when they were published, in many languages: the record's
// date keeps the time of day and the zone's offset wherever the page gives
// them, and stays a calendar date when the page gives no time. The pages are
// written for this test.
#include <gtest/gtest.h>

#include <string>

#include "saring/html.h"
#include "saring/meta.h"

namespace {

const char* kBody =
    "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>"
    "<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat "
    "nulla pariatur, excepteur sint occaecat cupidatat non proident.</p>";

// A page whose visible date line is `date_line`.
std::string page(const std::string& lang, const std::string& date_line) {
  return "<!doctype html><html lang=\"" + lang + "\"><head><title>Story</title></head><body>"
         "<article><h1>Story</h1><div class=\"date\">" + date_line + "</div>" + kBody +
         "</article></body></html>";
}

std::string date_of(const std::string& html) {
  auto doc = saring::html::parse(html);
  EXPECT_TRUE(doc.ok());
  if (!doc.ok()) return "";
  return saring::meta::extract_metadata(doc.value(), "").date.value_or("<none>");
}

}  // namespace

TEST(PageDates, VisibleDateLinesKeepTimeAndOffset) {
  struct Case { const char* lang; const char* line; const char* date; };
  const Case cases[] = {
      {"id", "Rabu, 20 Oktober 2021 12:47 WIB", "2021-10-20T12:47:00+07:00"},
      {"en", "Published March 5, 2024 3:15 PM EST", "2024-03-05T15:15:00-05:00"},
      {"de", "Veröffentlicht am 5. März 2024, 15:15 Uhr MEZ", "2024-03-05T15:15:00+01:00"},
      {"fr", "Publié le 5 mars 2024 à 15h15 (CET)", "2024-03-05T15:15:00+01:00"},
      {"es", "5 de marzo de 2024 - 15:15 CET", "2024-03-05T15:15:00+01:00"},
      {"it", "5 marzo 2024 ore 15:15 CET", "2024-03-05T15:15:00+01:00"},
      {"nl", "5 maart 2024 15:15 CET", "2024-03-05T15:15:00+01:00"},
      {"pl", "5 marca 2024, 15:15 CET", "2024-03-05T15:15:00+01:00"},
      {"ru", "5 марта 2024, 15:15 МСК", "2024-03-05T15:15:00+03:00"},
      {"tr", "5 Mart 2024 15:15 (TSİ)", "2024-03-05T15:15:00+03:00"},
      {"ms", "Selasa, 5 Mac 2024 3:15 PTG", "2024-03-05T15:15:00"},
      {"ja", "2024年3月5日 15時15分 JST", "2024-03-05T15:15:00+09:00"},
      {"pt", "05/03/2024 15h15", "2024-03-05T15:15:00"},
      {"en", "March 5, 2024", "2024-03-05"},
  };
  for (const Case& c : cases) EXPECT_EQ(date_of(page(c.lang, c.line)), c.date) << c.line;
}

TEST(PageDates, MarkupOffsetsAreKept) {
  std::string jsonld =
      std::string("<!doctype html><html><head><title>x</title><script type=\"application/ld+json\">"
                  "{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"datePublished\":"
                  "\"2024-03-05T15:15:00+05:30\"}</script></head><body><article>") +
      kBody + "</article></body></html>";
  EXPECT_EQ(date_of(jsonld), "2024-03-05T15:15:00+05:30");
  std::string time = std::string("<!doctype html><html><head><title>x</title></head><body><article>"
                                 "<time datetime=\"2024-03-05T15:15:00-03:00\">5 March</time>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(date_of(time), "2024-03-05T15:15:00-03:00");
}
