// Unit tests of the line classifier: each rule on small made-up documents.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "saring/clean.h"

using saring::clean::clean_document;
using saring::clean::CleanOptions;
using saring::clean::CleanResult;
using saring::clean::Reason;

namespace {

// Three body paragraphs, long and punctuated, in English.
const char* kBody =
    "The city council voted on Tuesday to expand the bus network into the northern districts, "
    "a plan that had been debated for more than two years.\n"
    "Supporters said the new routes would cut travel times for thousands of commuters who now "
    "depend on cars to reach the centre every morning.\n"
    "Opponents argued that the money would be better spent on repairing the roads and bridges "
    "that already carry most of the traffic in the region.\n";

CleanResult clean(const std::string& text, CleanOptions o = {}) {
  auto r = clean_document(text, o);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r.value() : CleanResult{};
}

std::optional<Reason> reason_of(const CleanResult& r, std::string_view fragment) {
  for (const auto& x : r.removed) {
    if (x.text.find(fragment) != std::string::npos) return x.reason;
  }
  return std::nullopt;
}

}  // namespace

TEST(CleanClassify, BodyKeptAndFurnitureRemoved) {
  std::string doc = std::string("Home\nNews\nCity expands bus network to the north\nShare\n") + kBody +
                    "Advertisement\n© 2024 Example Media\nPage generated in 0.12 seconds\n";
  auto r = clean(doc);
  EXPECT_NE(r.text.find("The city council voted"), std::string::npos);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
  EXPECT_EQ(reason_of(r, "Share"), Reason::share_widget);
  EXPECT_EQ(reason_of(r, "Advertisement"), Reason::advertisement);
  EXPECT_EQ(reason_of(r, "2024 Example"), Reason::copyright);
  EXPECT_EQ(reason_of(r, "generated"), Reason::render_time);
  EXPECT_EQ(reason_of(r, "Home"), Reason::navigation);
  EXPECT_EQ(r.title.value_or(""), "City expands bus network to the north");
}

TEST(CleanClassify, BodyParagraphIsNotRemovedForAPhraseAlone) {
  // "all rights reserved" and "read more" inside a body paragraph in the
  // middle of the body span: kept by default.
  std::string middle =
      "The singer told the court that all rights reserved by the label had expired in 2019, and "
      "that she was free to read more of her old lyrics on stage.\n";
  std::string doc = std::string(kBody) + middle + kBody;
  auto r = clean(doc);
  EXPECT_NE(r.text.find("all rights reserved by the label"), std::string::npos);
  EXPECT_TRUE(r.removed.empty());
}

TEST(CleanClassify, PhraseHitOnParagraphOutsideTheBodyIsRemoved) {
  std::string cookie =
      "We use cookies to give you the best experience on our website. By continuing to browse "
      "you agree to our use of cookies.\n";
  std::string doc = std::string(kBody) + "Contact\nImprint\n" + cookie;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "We use cookies"), Reason::cookie_notice);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, AggressiveRemovesMoreOutsideTheBody) {
  std::string doc = std::string("Local elections in the northern districts\n") + kBody +
                    "Ten things to do this weekend in the old town\n";
  auto conservative = clean(doc);
  CleanOptions o;
  o.aggressive = true;
  auto aggressive = clean(doc, o);
  EXPECT_NE(conservative.text.find("Ten things"), std::string::npos);
  EXPECT_EQ(aggressive.text.find("Ten things"), std::string::npos);
  EXPECT_GE(aggressive.removed.size(), conservative.removed.size() + 1);
}

TEST(CleanClassify, CaptionsWithCredits) {
  std::string doc = std::string(
                        "Farmers protest in the capital\n"
                        "Tractors block a main road in the capital on Monday. Photo: Anna Berg / Reuters\n"
                        "Foto: dpa\n") +
                    kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Tractors block"), Reason::caption);
  EXPECT_EQ(reason_of(r, "Foto: dpa"), Reason::caption);
}

TEST(CleanClassify, DatelineAgencyAndTrailingInitials) {
  std::string doc =
      "WASHINGTON (Reuters) - The Senate passed the spending bill late on Friday, averting a "
      "government shutdown hours before the deadline.\n"
      "The measure now goes to the president, who is expected to sign it over the weekend, "
      "officials said. (ant/dil)\n";
  auto r = clean(doc);
  EXPECT_EQ(r.dateline.value_or(""), "WASHINGTON");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0], "Reuters");
  EXPECT_EQ(r.author.value_or(""), "ant/dil");
  EXPECT_EQ(r.text.find("(ant/dil)"), std::string::npos);
  EXPECT_NE(r.text.find("officials said."), std::string::npos);
  // "ant" is Antara's short form.
  EXPECT_NE(std::find(r.sources.begin(), r.sources.end(), "Antara"), r.sources.end());
}

TEST(CleanClassify, DuplicateTitleRemovedFirstKept) {
  std::string doc = std::string("Storm closes schools across the coast\nloading...\n") +
                    "Storm closes schools across the coast\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "Storm closes schools across the coast");
  EXPECT_EQ(reason_of(r, "Storm closes"), Reason::duplicate_title);
  EXPECT_EQ(reason_of(r, "loading"), Reason::placeholder);
  // By default the headline is only in `title`, as saring extract gives it.
  EXPECT_EQ(r.text.find("Storm closes"), std::string::npos);
  CleanOptions o;
  o.keep_title = true;
  EXPECT_EQ(clean(doc, o).text.rfind("Storm closes schools across the coast", 0), 0u);
}

TEST(CleanClassify, HeadlineIsTheRepeatedHeadingNearestTheBody) {
  // "Apple ..." (a site's name in two headers) is repeated first, "Zebra
  // ..." (breadcrumb and headline) is seen again nearer the body: it is the
  // headline, although "Apple ..." comes first both in the page and in
  // sorted order.
  std::string doc = std::string("Apple harvest starts early this year\n") +
                    "Zebra crossing rebuilt near the school\n" +
                    "Apple harvest starts early this year\n" +
                    "Zebra crossing rebuilt near the school\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "Zebra crossing rebuilt near the school");
  size_t removed_copies = 0;
  for (const auto& x : r.removed) removed_copies += x.text.rfind("Zebra", 0) == 0;
  EXPECT_EQ(removed_copies, 2u);
}

TEST(CleanClassify, RepeatedMenuItemIsNotTheHeadline) {
  // The desktop and the mobile menu both list "Garden Tools": a list item
  // repeated before the body is a menu entry, not the headline, and the
  // menus before the real headline are navigation.
  std::string menu = "  * Garden Tools\n  * Seeds and Bulbs\n  * Our Shops\n";
  std::string doc = menu + "Search\n" + menu + "City expands bus network to the north\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "City expands bus network to the north");
  EXPECT_EQ(r.text.find("Garden Tools"), std::string::npos);
  EXPECT_EQ(r.text.find("Seeds and Bulbs"), std::string::npos);
  EXPECT_NE(r.text.find("The city council voted"), std::string::npos);
}

TEST(CleanClassify, NothingStaysAfterTheArticlesTail) {
  // A short closing sentence right after the last paragraph is the
  // article's; after the share row (furniture) come teasers, pitches and an
  // author box too light to join the body span.
  std::string doc = std::string("City expands bus network to the north\n") + kBody + kBody +
                    "We will follow the vote.\n"
                    "Share\nFacebook\nTwitter\nEmail\n"
                    "Ten things to do this weekend in the old town of the city\n"
                    "Our weekend guide brings the best stories.\n"
                    "Related stories\nNew tram line opens\nParking fees to rise\n"
                    "Jane Doe has covered transport and city politics for the paper since 2015, "
                    "after ten years at a radio station.\n";
  auto r = clean(doc);
  EXPECT_NE(r.text.find("We will follow the vote."), std::string::npos);
  EXPECT_EQ(reason_of(r, "Ten things to do"), Reason::outside_body);
  EXPECT_EQ(reason_of(r, "Our weekend guide brings"), Reason::outside_body);
  EXPECT_EQ(reason_of(r, "Jane Doe has covered"), Reason::outside_body);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, MenusBeforeTheBodyAreNavigation) {
  // Before the headline an unpunctuated line goes whatever its length, and
  // a short sentence (a notice) too; between the headline and the body,
  // unpunctuated list items go and a punctuated standfirst stays.
  std::string doc = std::string("Best hotels and restaurants in the old town for this long weekend\n") +
                    "We may earn money from our links.\n"
                    "City expands bus network to the north\n"
                    "  * Council Elections\n"
                    "  * Bus Routes\n"
                    "The vote ends two years of debate in the council.\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "City expands bus network to the north");
  EXPECT_EQ(reason_of(r, "Best hotels"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "We may earn"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Council Elections"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Bus Routes"), Reason::navigation);
  EXPECT_NE(r.text.find("The vote ends two years"), std::string::npos);
  EXPECT_NE(r.text.find("The city council voted"), std::string::npos);
}

TEST(CleanClassify, SubscriptionPromptsGoEvenAsSentencesInTheBody) {
  // A short prompt inside the body span goes although it is a sentence; a
  // long paragraph that names a newsletter is article text.
  std::string prompt = "Sign up for our newsletter to get the latest news from the city every week.\n";
  std::string trial = "Start your free trial\nTalk to our team\nBook your discovery call\nDonate\n"
                      "By signing up, you agree to our terms and our privacy policy.\n";
  std::string mention =
      "The council also said that its weekly newsletter, which reached twenty thousand homes "
      "last year, will print the new timetables and maps of every route before the service starts.\n";
  std::string doc = std::string(kBody) + prompt + trial + mention + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Sign up for our newsletter"), Reason::subscription);
  EXPECT_EQ(reason_of(r, "free trial"), Reason::subscription);
  EXPECT_EQ(reason_of(r, "Talk to our team"), Reason::subscription);
  EXPECT_EQ(reason_of(r, "discovery call"), Reason::subscription);
  EXPECT_EQ(reason_of(r, "Donate"), Reason::subscription);
  EXPECT_EQ(reason_of(r, "By signing up"), Reason::subscription);
  EXPECT_NE(r.text.find("its weekly newsletter"), std::string::npos);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, ShortLineBetweenWidgetsInTheBodyIsNavigation) {
  // Inside the body span, a label between two widget rows goes; a
  // subheading between paragraphs stays.
  std::string doc = std::string(kBody) + "(BUTTON) Filter\nSort options\n(BUTTON) Apply\n" +
                    "What happens next\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Sort options"), Reason::navigation);
  EXPECT_NE(r.text.find("What happens next\n"), std::string::npos);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, ForumAndAccountLabelsInTheBody) {
  // Labels of forum software and account forms go wherever they stand.
  std::string doc = std::string(kBody) + "Joined\nClick to expand...\nAbout the author\n" + kBody +
                    "Be the first to comment\nCreate an account\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Joined"), Reason::comments);
  EXPECT_EQ(reason_of(r, "Click to expand"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "About the author"), Reason::byline);
  EXPECT_EQ(reason_of(r, "Be the first"), Reason::comments);
  EXPECT_EQ(reason_of(r, "Create an account"), Reason::subscription);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, MenuItemsInTheBodyAreNavigation) {
  // Inside the body span, list items of a few words without a figure are
  // menu entries; items with quantities and longer items stay.
  std::string doc = std::string(kBody) + "* Pricing\n* Contact Sales\n" +
                    "* 200 g flour\n* Take the night bus to the station\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Pricing"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Contact Sales"), Reason::navigation);
  EXPECT_NE(r.text.find("* 200 g flour"), std::string::npos);
  EXPECT_NE(r.text.find("* Take the night bus"), std::string::npos);
}

TEST(CleanClassify, GluedMenuLinksAreNavigation) {
  // Link texts a dump ran together ("SavedNewsletters") are a menu wherever
  // they stand; one capital inside a word (a brand name, even twice) and
  // code stay.
  std::string doc = std::string(kBody) + "Dashboard SavedNewslettersProfile\n" +
                    "WordPress tips for iPhone owners\n" + "Chat with us on WhatsApp or WhatsApp Web\n" +
                    "Angebote für LehrerInnen und ForscherInnen\n" +
                    kBody +
                    "    self.assertEqual(StaticServerTestCase)\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "SavedNewsletters"), Reason::navigation);
  EXPECT_NE(r.text.find("WordPress tips for iPhone owners"), std::string::npos);
  EXPECT_NE(r.text.find("on WhatsApp or WhatsApp Web"), std::string::npos);
  EXPECT_NE(r.text.find("LehrerInnen und ForscherInnen"), std::string::npos);
  EXPECT_NE(r.text.find("StaticServerTestCase"), std::string::npos);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, ForumMemberStatisticsAreComments) {
  // A member's post count or reputation beside a forum post goes; a short
  // line of another label with a figure stays.
  std::string doc = std::string(kBody) + "Posts: 1,571\nReputation: 7\nSeats: 42\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Posts: 1,571"), Reason::comments);
  EXPECT_EQ(reason_of(r, "Reputation: 7"), Reason::comments);
  EXPECT_NE(r.text.find("Seats: 42"), std::string::npos);
}

TEST(CleanClassify, ShortQuestionsAfterTheBodyAreNavigation) {
  // After the body span a short question or exclamation is a prompt; a
  // longer one closes the article, and inside the span a short one stays.
  std::string closing = "What will the council decide when the budget comes to a vote next spring?\n";
  std::string doc = std::string(kBody) + "What happens next?\n" + kBody + closing +
                    "Why trust our reviews?\nDon't miss any news!\n";
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Why trust"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "miss any news"), Reason::navigation);
  EXPECT_NE(r.text.find("What will the council decide"), std::string::npos);
  EXPECT_NE(r.text.find("What happens next?"), std::string::npos);
}

TEST(CleanClassify, FormMessagesAndListControlsInTheBody) {
  // The messages of a sign-up form, the controls of a list and a shop's
  // stock and purchase labels go wherever they stand.
  std::string doc = std::string(kBody) +
                    "Oops! Something went wrong while submitting the form.\n"
                    "Please enter a valid email address.\n" + kBody +
                    "Sort by\nTable of contents\nIn stock\nBuy now from our partners\n" + kBody +
                    "Related: New tram line opens in the spring\nTrending now\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Something went wrong"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "valid email"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "Sort by"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Table of contents"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "In stock"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "Buy now"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "New tram line"), Reason::related_links);
  EXPECT_EQ(reason_of(r, "Trending now"), Reason::related_links);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
}

TEST(CleanClassify, FurnitureBetweenParagraphsEndsTheBody) {
  // Two lines of furniture close the article: the paragraph after them
  // starts a block of its own, too light for the body span.
  std::string pitch = "Our editors pick the best stories of the week for readers like you.\n";
  std::string doc = std::string(kBody) + "Share this article\nAdvertisement\n" + pitch;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "Our editors pick"), Reason::outside_body);
  EXPECT_NE(r.text.find("Opponents argued"), std::string::npos);
  // One such line alone does not split the body.
  auto kept = clean(std::string(kBody) + "Advertisement\n" + pitch);
  EXPECT_NE(kept.text.find("Our editors pick"), std::string::npos);
}

TEST(CleanClassify, RunsOfShortLinesBeforeTheBodyAreNavigation) {
  // Between the headline and the body, labels in a row go; a lone short
  // line (a first subheading) and a line ending in ':' stay.
  std::string doc = std::string("City expands bus network to the north\n") +
                    "Transport\nOpinion\nBack\n"
                    "What the council decided:\n"
                    "Background\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "City expands bus network to the north");
  EXPECT_EQ(reason_of(r, "Transport"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Opinion"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "Back"), Reason::navigation);
  EXPECT_NE(r.text.find("What the council decided:"), std::string::npos);
  EXPECT_NE(r.text.find("Background\n"), std::string::npos);
}

TEST(CleanClassify, TeaserCutOffWithAnEllipsisIsNotASentence) {
  // Teasers of other articles end in "…" or "...": not finished sentences,
  // so not body paragraphs, and before the headline they are navigation.
  std::string doc = std::string("Ten new parks open this summer across the northern districts of the city...\n") +
                    "Why the old harbour will stay closed to traffic for two more years \u2026\n" +
                    "City expands bus network to the north\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(r.title.value_or(""), "City expands bus network to the north");
  EXPECT_EQ(reason_of(r, "Ten new parks"), Reason::navigation);
  EXPECT_EQ(reason_of(r, "old harbour"), Reason::navigation);
  EXPECT_NE(r.text.find("The city council voted"), std::string::npos);
}

TEST(CleanClassify, BlankLinesSeparateKeptLinesAcrossRemovedOnes) {
  std::string first =
      "The first paragraph has enough words to count as the body of this short example text.";
  std::string second =
      "The second paragraph also has enough words to count as the body of this example text.";
  std::string third =
      "The third paragraph again has enough words to count as the body of this example text.";
  // A blank line before a removed line still separates the kept ones;
  // white space only (ASCII or not) is blank; no blank, no separation.
  auto r = clean(first + "\n\n \xC2\xA0\t\n[image]\n" + second + "\n[image]\n" + third + "\n\n\n");
  EXPECT_EQ(r.text, first + "\n\n" + second + "\n" + third + "\n");
  EXPECT_EQ(r.lines_in, 5u);
  ASSERT_EQ(r.removed.size(), 2u);
  EXPECT_EQ(r.removed[0].line, 4u);
  EXPECT_EQ(r.removed[1].line, 6u);
}

TEST(CleanClassify, AgenciesCreditedInTheBodyAreSources) {
  std::string doc = std::string(kBody) +
                    "The mayor told Reuters the first buses would run in the spring, and AFP "
                    "reported that the unions had agreed to the new shifts.\n"
                    "A Reuters photographer was at the depot when the plan was announced.\n";
  auto r = clean(doc);
  EXPECT_EQ(r.sources, (std::vector<std::string>{"Reuters", "AFP"}));
  auto id = clean(
      "Harga minyak naik tajam pada perdagangan Senin, seperti dilansir Reuters dari London.\n"
      "Kantor berita Xinhua melaporkan permintaan dari China juga meningkat pada bulan ini.\n");
  EXPECT_EQ(id.sources, (std::vector<std::string>{"Reuters", "Xinhua"}));
}

TEST(CleanClassify, MultilingualNotices) {
  for (const char* line : {"Alle Rechte vorbehalten.", "Tous droits réservés", "Hak Cipta Dilindungi Undang-Undang",
                           "Wszelkie prawa zastrzeżone", "Все права защищены", "Tüm hakları saklıdır"}) {
    auto r = clean(std::string(kBody) + line + "\n");
    EXPECT_EQ(reason_of(r, line), Reason::copyright) << line;
  }
  for (const char* line : {"Seite erstellt in 0,05 Sekunden", "Halaman ini dimuat dalam 0.1 detik",
                           "Page générée en 0,2 secondes", "34 queries in 0.123 seconds"}) {
    auto r = clean(std::string(kBody) + line + "\n");
    EXPECT_EQ(reason_of(r, line), Reason::render_time) << line;
  }
  for (const char* line : {"Baca juga: Harga beras naik lagi", "Lesen Sie auch: Neue Regeln ab Mai",
                           "Читайте также: Новые правила", "Leia também: Novas regras"}) {
    auto r = clean(std::string(kBody) + line + "\n" + kBody);
    EXPECT_EQ(reason_of(r, line), Reason::related_links) << line;
  }
}

TEST(CleanClassify, WidgetsAnywhere) {
  std::string doc = std::string(kBody) + "A A A\nFacebook Twitter WhatsApp\n12 Comments\n* * *\n[image]\n" + kBody;
  auto r = clean(doc);
  EXPECT_EQ(reason_of(r, "A A A"), Reason::ui_widget);
  EXPECT_EQ(reason_of(r, "WhatsApp"), Reason::share_widget);
  EXPECT_EQ(reason_of(r, "12 Comments"), Reason::comments);
  EXPECT_EQ(reason_of(r, "* * *"), Reason::separator);
  EXPECT_EQ(reason_of(r, "[image]"), Reason::placeholder);
}

TEST(CleanClassify, JapaneseBodyCountsCharacters) {
  std::string doc =
      "ホーム\nニュース\n新しい駅が開業\n"
      "市は十日、新しい駅の開業式を行い、多くの住民が集まった。市長は交通の便が大きく改善されると述べた。\n"
      "駅の周辺では商業施設の建設も進んでおり、来年には大型の図書館も完成する予定だという。\n"
      "広告\n";
  auto r = clean(doc);
  EXPECT_NE(r.text.find("市長は"), std::string::npos);
  EXPECT_EQ(reason_of(r, "広告"), Reason::advertisement);
  EXPECT_EQ(reason_of(r, "ホーム"), Reason::navigation);
}

TEST(CleanClassify, BadInput) {
  auto empty = clean("");
  EXPECT_EQ(empty.text, "");
  auto blank = clean("\n\n   \n");
  EXPECT_EQ(blank.text, "");
  // Invalid UTF-8 is repaired, never passed through.
  auto bad = clean(std::string(kBody) + "Broken \xC3\x28 byte and \xFF here in a line.\n");
  EXPECT_EQ(bad.text.find('\xFF'), std::string::npos);
  CleanOptions o;
  o.max_bytes = 16;
  auto big = clean_document(kBody, o);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, saring::ErrorCode::too_large);
  // A very long line without newlines does not hang.
  std::string huge(2 << 20, 'a');
  for (size_t i = 7; i < huge.size(); i += 8) huge[i] = ' ';
  EXPECT_TRUE(clean_document(huge, CleanOptions{}).ok());
}

TEST(CleanClassify, CrLfAndBlankLinesKeepParagraphs) {
  std::string doc =
      "The first paragraph has enough words to count as the body of this short example text.\r\n\r\n"
      "The second paragraph also has enough words to count as the body of this example text.\r\n";
  auto r = clean(doc);
  EXPECT_NE(r.text.find("text.\n\nThe second"), std::string::npos);
}

TEST(CleanClassify, DeterministicAcrossThreads) {
  std::string doc = std::string("Home\nShare\nA A A\n") + kBody + "Related articles\nOne\nTwo\n© 2020 X\n";
  auto reference = clean(doc);
  std::vector<std::string> outs(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < outs.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 50; ++k) {
        auto r = clean_document(doc, CleanOptions{});
        if (r.ok()) outs[i] = r->text + std::to_string(r->removed.size());
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& o : outs) EXPECT_EQ(o, reference.text + std::to_string(reference.removed.size()));
}

TEST(CleanClassify, ReasonNames) {
  EXPECT_EQ(to_string(Reason::cross_document_boilerplate), "cross-document-boilerplate");
  EXPECT_EQ(to_string(Reason::ui_widget), "ui-widget");
  EXPECT_EQ(to_string(Reason::render_time), "render-time");
}

namespace {

// Wraps each line of `text` at `width` columns (ASCII), as text browsers do.
std::string wrap(const std::string& text, size_t width, const std::string& indent) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string para = text.substr(pos, end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    std::string line = indent;
    size_t w = 0;
    while (w < para.size()) {
      size_t sp = para.find(' ', w);
      std::string word = para.substr(w, sp == std::string::npos ? std::string::npos : sp - w);
      w = sp == std::string::npos ? para.size() : sp + 1;
      if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
        out += line + "\n";
        line = indent;
      }
      if (line.size() > indent.size()) line += " ";
      line += word;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST(CleanClassify, ParagraphsWrappedAtFixedWidthAreRejoined) {
  std::string doc = "   Home\n   News\n   Sport\n\n   Buses reach the north\n\n" + wrap(kBody, 72, "   ") +
                    "\n   Share\n   Contact\n";
  auto r = clean(doc);
  // Each paragraph is one line again, and still counts as body text.
  EXPECT_NE(r.text.find("The city council voted on Tuesday to expand the bus network into the northern "
                        "districts, a plan that had been debated for more than two years.\n"),
            std::string::npos)
      << r.text;
  EXPECT_EQ(reason_of(r, "Share"), Reason::share_widget);
  EXPECT_EQ(reason_of(r, "Home"), Reason::navigation);
  CleanOptions o;
  o.unwrap = false;
  auto kept = clean(doc, o);
  EXPECT_EQ(kept.text.find("two years."), kept.text.find("two years.\n"));
  EXPECT_EQ(kept.text.find("The city council voted on Tuesday to expand the bus network into the northern "
                           "districts, a plan that had been debated for more than two years."),
            std::string::npos);
  // Long lines are never treated as wrapped.
  auto plain = clean(std::string("Home\n") + kBody);
  EXPECT_NE(plain.text.find("two years.\nSupporters"), std::string::npos);
}

// detect_language without the model is an error naming the path tried, not a
// silent empty language. The process-wide identifier loads once, so this runs
// in a fresh process (a threadsafe death test re-executes the binary).
TEST(CleanLanguage, MissingModelIsAnError) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string missing = ::testing::TempDir() + "saring-no-model.ftz";
  EXPECT_EXIT(
      {
        ::setenv("SARING_LID_MODEL", missing.c_str(), 1);
        CleanOptions on;
        on.detect_language = true;
        auto r = clean_document("The bridge reopened on Thursday morning.\n", on);
        if (r.ok()) std::exit(3);
        std::fprintf(stderr, "%s\n", r.error().message.c_str());
        CleanOptions off;  // language ID off needs no model
        std::exit(clean_document("The bridge reopened.\n", off).ok() ? 0 : 4);
      },
      ::testing::ExitedWithCode(0), "needs the fastText model.*saring-no-model\\.ftz.*--no-language");
}
