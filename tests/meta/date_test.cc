// Date parser tests: every supported language, numeric shapes, times, zones,
// things that must not be read as dates, find() spans and dates in URLs.
#include "saring/date.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace sd = saring::date;

namespace {

std::string p(std::string_view s, const sd::DateOptions& o = {}) {
  return sd::parse(s, o).value_or("<none>");
}

struct Case {
  const char* input;
  const char* expected;
};

void check_all(const std::vector<Case>& cases, const sd::DateOptions& o = {}) {
  for (const auto& c : cases) EXPECT_EQ(p(c.input, o), c.expected) << "input: " << c.input;
}

}  // namespace

TEST(DateParse, IndonesianNewsLine) {
  EXPECT_EQ(p("Rabu, 20 Oktober 2021 - 12:47 WIB"), "2021-10-20T12:47:00+07:00");
  EXPECT_EQ(p("Rabu, 20 Okt 2021 10.30 WIB"), "2021-10-20T10:30:00+07:00");
  EXPECT_EQ(p("20 Oktober 2021 pukul 12.47"), "2021-10-20T12:47:00");
  EXPECT_EQ(p("Kamis, 4 Maret 2021 | 08:15 WITA"), "2021-03-04T08:15:00+08:00");
  EXPECT_EQ(p("Jumat, 1 Januari 2021 19:00 WIT"), "2021-01-01T19:00:00+09:00");
  EXPECT_EQ(p("Jum'at, 17 Agustus 2018"), "2018-08-17");
  EXPECT_EQ(p("Senin, 7 Desember 2020, 06:00 WIB"), "2020-12-07T06:00:00+07:00");
  EXPECT_EQ(p("20/10/2021, 12:47 WIB"), "2021-10-20T12:47:00+07:00");
  EXPECT_EQ(p("Minggu, 2 Mei 2021"), "2021-05-02");
}

TEST(DateParse, English) {
  check_all({
      {"October 20, 2021", "2021-10-20"},
      {"Oct. 20, 2021", "2021-10-20"},
      {"Oct 20th, 2021", "2021-10-20"},
      {"Wednesday, October 20, 2021 at 2:47 PM EDT", "2021-10-20T14:47:00-04:00"},
      {"20 October 2021", "2021-10-20"},
      {"the 3rd of March 2020", "2020-03-03"},
      {"Sept 9, 2019", "2019-09-09"},
      {"March 1st 2022 12:00 am", "2022-03-01T00:00:00"},
      {"March 1, 2022 12:30 p.m. PST", "2022-03-01T12:30:00-08:00"},
      {"Jan 5, 2020 9:05 a.m.", "2020-01-05T09:05:00"},
      {"Posted: 10:30 AM, March 3, 2020", "2020-03-03T10:30:00"},
      {"MARCH 3, 2020", "2020-03-03"},
      {"Updated Feb 29, 2020", "2020-02-29"},
      {"June 5 2021 11:00 BST", "2021-06-05T11:00:00+01:00"},
      {"Dec 25, 2019 18:00 CST", "2019-12-25T18:00:00-06:00"},
      {"Dec 25, 2019 18:00 CDT", "2019-12-25T18:00:00-05:00"},
      {"Jul 4, 2019 08:00 MST", "2019-07-04T08:00:00-07:00"},
      {"Jul 4, 2019 08:00 MDT", "2019-07-04T08:00:00-06:00"},
      {"Jul 4, 2019 08:00 PDT", "2019-07-04T08:00:00-07:00"},
      {"Jul 4, 2019 08:00 EST", "2019-07-04T08:00:00-05:00"},
      {"4 Jul 2019 08:00 AEST", "2019-07-04T08:00:00+10:00"},
      {"4 Jan 2019 08:00 AEDT", "2019-01-04T08:00:00+11:00"},
      {"4 Jan 2019 08:00 JST", "2019-01-04T08:00:00+09:00"},
      {"4 Jan 2019 08:00 KST", "2019-01-04T08:00:00+09:00"},
      {"4 Jan 2019 08:00 IST", "2019-01-04T08:00:00+05:30"},
      {"4 Jan 2019 08:00 SGT", "2019-01-04T08:00:00+08:00"},
      {"4 Jan 2019 08:00 MYT", "2019-01-04T08:00:00+08:00"},
      {"4 Jan 2019 08:00 GMT", "2019-01-04T08:00:00+00:00"},
      {"4 Jan 2019 08:00 UTC", "2019-01-04T08:00:00+00:00"},
      {"4 Jan 2019 08:00 GMT+7", "2019-01-04T08:00:00+07:00"},
      {"4 Jan 2019 08:00 UTC-03:30", "2019-01-04T08:00:00-03:30"},
      {"4 Jan 2019 08:00 (WIB)", "2019-01-04T08:00:00+07:00"},
  });
}

TEST(DateParse, RfcAndIso) {
  check_all({
      {"2021-10-20", "2021-10-20"},
      {"2021-10-20T12:47:00+07:00", "2021-10-20T12:47:00+07:00"},
      {"2021-10-20T12:47:00.123456+07:00", "2021-10-20T12:47:00+07:00"},
      {"2021-10-20T05:47:00Z", "2021-10-20T05:47:00+00:00"},
      {"2021-10-20T12:47", "2021-10-20T12:47:00"},
      {"2021-10-20 12:47:13", "2021-10-20T12:47:13"},
      {"2021-10-20T12:47:00-0500", "2021-10-20T12:47:00-05:00"},
      {"2021/10/20", "2021-10-20"},
      {"2021.10.20", "2021-10-20"},
      {"20211020", "2021-10-20"},
      {"Wed, 20 Oct 2021 12:47:00 +0700", "2021-10-20T12:47:00+07:00"},
      {"Wed, 20 Oct 2021 05:47:00 GMT", "2021-10-20T05:47:00+00:00"},
      {"Wed Oct 20 2021 12:47:00 GMT+0700 (Western Indonesia Time)",
       "2021-10-20T12:47:00+07:00"},
      {"2021-Oct-20", "2021-10-20"},
      {"20-Oct-2021", "2021-10-20"},
  });
}

TEST(DateParse, NumericOrder) {
  // Values above 12 settle the order.
  EXPECT_EQ(p("20/10/2021"), "2021-10-20");
  EXPECT_EQ(p("10/20/2021"), "2021-10-20");
  EXPECT_EQ(p("20.10.2021"), "2021-10-20");
  EXPECT_EQ(p("20-10-2021"), "2021-10-20");
  // dd.mm.yyyy is day first even without a hint.
  EXPECT_EQ(p("03.04.2021"), "2021-04-03");
  EXPECT_EQ(p("20. 10. 2021"), "2021-10-20");
  // Ambiguous slashes: only with a language hint.
  EXPECT_EQ(p("03/04/2021"), "<none>");
  sd::DateOptions us;
  us.language_hint = "en-US";
  EXPECT_EQ(p("03/04/2021", us), "2021-03-04");
  sd::DateOptions en;
  en.language_hint = "en";
  EXPECT_EQ(p("03/04/2021", en), "2021-03-04");
  sd::DateOptions gb;
  gb.language_hint = "en-GB";
  EXPECT_EQ(p("03/04/2021", gb), "2021-04-03");
  sd::DateOptions id;
  id.language_hint = "id";
  EXPECT_EQ(p("03/04/2021 10:00", id), "2021-04-03T10:00:00");
  // Same day and month: no ambiguity.
  EXPECT_EQ(p("05/05/2021"), "2021-05-05");
}

TEST(DateParse, German) {
  check_all({
      {"20. Oktober 2021", "2021-10-20"},
      {"Mittwoch, 20. Oktober 2021, 12:47 Uhr", "2021-10-20T12:47:00"},
      {"3. März 2020", "2020-03-03"},
      {"3. Maerz 2020", "2020-03-03"},
      {"3. Marz 2020", "2020-03-03"},
      {"1. Jänner 2020", "2020-01-01"},
      {"20.10.2021 um 12:47 Uhr", "2021-10-20T12:47:00"},
      {"Mo, 5. Dez. 2022 08:00 MEZ", "2022-12-05T08:00:00+01:00"},
      {"5. Juli 2022 08:00 MESZ", "2022-07-05T08:00:00+02:00"},
      {"5. Juli 2022 08:00 CEST", "2022-07-05T08:00:00+02:00"},
      {"5. Januar 2022 08:00 CET", "2022-01-05T08:00:00+01:00"},
  });
}

TEST(DateParse, French) {
  check_all({
      {"20 octobre 2021", "2021-10-20"},
      {"mercredi 20 octobre 2021 à 14h30", "2021-10-20T14:30:00"},
      {"1er mars 2020", "2020-03-01"},
      {"15 février 2019", "2019-02-15"},
      {"15 fevrier 2019", "2019-02-15"},
      {"15 FÉVRIER 2019", "2019-02-15"},
      {"3 août 2020", "2020-08-03"},
      {"3 aout 2020", "2020-08-03"},
      {"12 déc. 2018", "2018-12-12"},
      {"Publié le 20/10/2021 à 12:47", "2021-10-20T12:47:00"},
  });
}

TEST(DateParse, SpanishPortugueseItalian) {
  check_all({
      {"20 de octubre de 2021", "2021-10-20"},
      {"miércoles, 20 de octubre de 2021 a las 14:30", "2021-10-20T14:30:00"},
      {"miercoles 20 de octubre de 2021", "2021-10-20"},
      {"5 de septiembre de 2019", "2019-09-05"},
      {"5 de setiembre de 2019", "2019-09-05"},
      {"1º de enero de 2020", "2020-01-01"},
      {"20 de outubro de 2021 às 14:30", "2021-10-20T14:30:00"},
      {"quarta-feira, 20 de outubro de 2021", "2021-10-20"},
      {"5 de março de 2020", "2020-03-05"},
      {"5 de marco de 2020", "2020-03-05"},
      {"20 ottobre 2021 alle 14:30", "2021-10-20T14:30:00"},
      {"mercoledì 20 ottobre 2021", "2021-10-20"},
      {"3 giugno 2019", "2019-06-03"},
      {"3 gen 2019", "2019-01-03"},
  });
}

TEST(DateParse, DutchPolishRussianTurkish) {
  check_all({
      {"20 oktober 2021", "2021-10-20"},
      {"woensdag 20 oktober 2021 om 14:30", "2021-10-20T14:30:00"},
      {"5 mrt 2020", "2020-03-05"},
      {"5 maart 2020", "2020-03-05"},
      {"20 października 2021", "2021-10-20"},
      {"20 pazdziernika 2021 r.", "2021-10-20"},
      {"środa, 20 października 2021, godz. 14:30", "2021-10-20T14:30:00"},
      {"1 stycznia 2020", "2020-01-01"},
      {"20 октября 2021", "2021-10-20"},
      {"20 октября 2021 г., 14:30", "2021-10-20T14:30:00"},
      {"1 января 2020 года", "2020-01-01"},
      {"1 ЯНВАРЯ 2020", "2020-01-01"},
      {"3 мар 2020", "2020-03-03"},
      {"20 Ekim 2021", "2021-10-20"},
      {"20 Ekim 2021 Çarşamba 14:30", "2021-10-20T14:30:00"},
      {"5 Şubat 2020", "2020-02-05"},
      {"5 Subat 2020", "2020-02-05"},
      {"5 MAYIS 2020", "2020-05-05"},
      {"1 Aralık 2019", "2019-12-01"},
      {"1 Aralik 2019", "2019-12-01"},
  });
}

TEST(DateParse, MalayAndOthers) {
  check_all({
      {"20 Okt 2021", "2021-10-20"},
      {"Isnin, 5 Julai 2021", "2021-07-05"},
      {"5 Ogos 2021 10:00 MYT", "2021-08-05T10:00:00+08:00"},
      {"5 Mac 2021", "2021-03-05"},
      {"5 Disember 2021", "2021-12-05"},
      {"20 oktober 2021 kl. 14:30", "2021-10-20T14:30:00"},
      {"20. října 2021", "2021-10-20"},
      {"20 octombrie 2021", "2021-10-20"},
      {"20. lokakuuta 2021", "2021-10-20"},
      {"20 жовтня 2021", "2021-10-20"},
      {"2021年10月20日", "2021-10-20"},
      {"2021년 10월 20일", "2021-10-20"},
      {"2021. október 20.", "2021-10-20"},
  });
}

TEST(DateParse, NotDates) {
  const char* bad[] = {
      "",
      "hello world",
      "3 hours ago",
      "October 2021",            // no day: never invent one
      "20 October",              // no year
      "32 October 2021",
      "31 April 2021",
      "29 February 2021",        // not a leap year
      "13/13/2021",
      "20/10/21",                // two-digit years are not trusted
      "1634712000",              // Unix timestamps are not dates here
      "version 1.2.2021.5",
      "192.168.10.20",
      "20 October 1820",         // out of range
      "20 October 2999",
      "2021-13-01",
      "2021-02-30",
      "Phone: 555-12-2021",
      "25:00 20 October 2021 and 5 May 2020",  // two dates: not ONE expression
      "Price 10.30 EUR",
  };
  for (const char* s : bad) EXPECT_EQ(p(s), "<none>") << "input: " << s;
}

TEST(DateParse, BadTimesAreDropped) {
  // The date stays, the impossible time does not join it (and then the
  // leftover digits make parse() refuse: it is not ONE clean expression).
  EXPECT_EQ(p("20 October 2021 25:61"), "<none>");
  auto f = sd::find("20 October 2021 25:61");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2021-10-20");
  EXPECT_EQ(p("13:30 PM 20 October 2021"), "<none>");
}

TEST(DateParse, DateOnlyRefusedWhenAsked) {
  sd::DateOptions o;
  o.allow_date_only = false;
  EXPECT_EQ(p("20 October 2021", o), "<none>");
  EXPECT_EQ(p("20 October 2021 10:00", o), "2021-10-20T10:00:00");
}

TEST(DateParse, YearRange) {
  sd::DateOptions o;
  o.min_year = 2000;
  o.max_year = 2010;
  EXPECT_EQ(p("1 May 1999", o), "<none>");
  EXPECT_EQ(p("1 May 2005", o), "2005-05-01");
  EXPECT_EQ(p("1 May 2011", o), "<none>");
}

TEST(DateFind, SpansInLongerLines) {
  std::string line = "Published on 3 March 2020 by Jane Doe";
  auto f = sd::find(line);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2020-03-03");
  EXPECT_EQ(line.substr(f->begin, f->end - f->begin), "3 March 2020");

  line = "Oleh Budi | Rabu, 20 Oktober 2021 - 12:47 WIB | Dibaca 300 kali";
  f = sd::find(line);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2021-10-20T12:47:00+07:00");
  EXPECT_EQ(line.substr(f->begin, f->end - f->begin), "Rabu, 20 Oktober 2021 - 12:47 WIB");

  line = "Ultima modifica: 5 maggio 2020, ore 10:15 — redazione";
  f = sd::find(line);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2020-05-05T10:15:00");

  // The first plausible date wins; an ambiguous one is skipped.
  line = "Seen 03/04/2021, posted 2021-02-01";
  f = sd::find(line);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2021-02-01");

  EXPECT_FALSE(sd::find("No date here, only 42 numbers and 7:30"));
  EXPECT_FALSE(sd::find("Revenue rose 12.5% to 2021 levels"));
}

TEST(DateFind, DotTimeNeedsContext) {
  // "10.50" after a date is a time only next to a connector word or a zone.
  auto f = sd::find("20 October 2021 10.50 million people");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2021-10-20");
  f = sd::find("20 Oktober 2021 pukul 10.50");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2021-10-20T10:50:00");
}

TEST(DateFind, LongAndHostileInput) {
  std::string big(200000, '9');
  EXPECT_FALSE(sd::find(big));
  std::string noise;
  for (int i = 0; i < 20000; ++i) noise += "12/ ";
  EXPECT_FALSE(sd::find(noise));
  std::string invalid = "\xff\xfe 20 Oct\xc3 2021 \xe2\x82";
  EXPECT_FALSE(sd::parse(invalid).has_value() && sd::parse(invalid)->empty());
}

TEST(DateUrl, Shapes) {
  EXPECT_EQ(sd::from_url("https://x.com/2021/10/20/story").value_or("-"), "2021-10-20");
  EXPECT_EQ(sd::from_url("https://x.com/news/2021/1/5/story.html").value_or("-"), "2021-01-05");
  EXPECT_EQ(sd::from_url("https://x.com/world/2021/oct/20/story").value_or("-"), "2021-10-20");
  EXPECT_EQ(sd::from_url("https://x.com/20211020/story").value_or("-"), "2021-10-20");
  EXPECT_EQ(sd::from_url("https://x.com/2021-10-20-story-title").value_or("-"), "2021-10-20");
  EXPECT_EQ(sd::from_url("https://x.com/blog/story_2021_10_20.html").value_or("-"), "2021-10-20");
  EXPECT_FALSE(sd::from_url("https://x.com/2021/10/story"));       // month only
  EXPECT_FALSE(sd::from_url("https://x.com/item/1234567890"));
  EXPECT_FALSE(sd::from_url("https://x.com/2021/13/45/story"));
  EXPECT_FALSE(sd::from_url("https://x.com/story?date=2021-10-20"));  // query is not the path
  EXPECT_FALSE(sd::from_url("https://2021-10-20.example.com/"));
  EXPECT_FALSE(sd::from_url(""));
}

// find() skips text without a run of four digits (a year of min_year >= 1000
// needs one); the answers must be those of a full scan.
TEST(DateFind, ShortDigitRunsHoldNoDate) {
  EXPECT_FALSE(sd::find("3 comments, 12 min read, 45 likes"));
  EXPECT_FALSE(sd::find("Updated 3/4 at 10:30"));
  auto f = sd::find("3 comments. Posted on 3 March 2020 by Jane");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->iso, "2020-03-03");
  auto g = sd::find("Rabu, 20/10/2021 12:47 WIB");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->iso.substr(0, 10), "2021-10-20");
}

// Times written the local way keep their hour and the zone's offset: Malay
// "ptg"/"pg" (afternoon, morning), Japanese and Korean hour and minute
// characters, Moscow time (МСК) and Turkish time (TSİ).
TEST(DateParse, LocalTimesAndZones) {
  check_all({
      {"Selasa, 5 Mac 2024 3:15 PTG", "2024-03-05T15:15:00"},
      {"Selasa, 5 Mac 2024 9:05 pg", "2024-03-05T09:05:00"},
      {"Selasa, 5 Mac 2024 12:30 ptg MYT", "2024-03-05T12:30:00+08:00"},
      {"2024年3月5日 15時15分 JST", "2024-03-05T15:15:00+09:00"},
      {"2024년 3월 5일 15시 15분 KST", "2024-03-05T15:15:00+09:00"},
      {"5 марта 2024, 15:15 МСК", "2024-03-05T15:15:00+03:00"},
      {"5 Mart 2024 15:15 (TSİ)", "2024-03-05T15:15:00+03:00"},
  });
}
