// Metadata tests: hand-written pages in tests/fixtures/meta/ (JSON-LD with
// @graph and @id references, arrays, OpenGraph, Indonesian bylines, <time>,
// dates from URLs, a page with nothing to find), plus clean_title and
// clean_author on their own.
#include "saring/meta.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "meta_vocabulary.h"

namespace sm = saring::meta;

namespace {

sm::Metadata extract_fixture(const std::string& name, std::string_view url = {}) {
  std::ifstream in(std::string(SARING_FIXTURES_DIR) + "/meta/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  auto decoded = saring::html::decode_to_utf8(ss.str());
  auto doc = saring::html::parse(decoded.utf8);
  EXPECT_TRUE(doc.ok());
  return sm::extract_metadata(*doc, url);
}

sm::Metadata extract_html(const std::string& html, std::string_view url = {}) {
  auto doc = saring::html::parse(html);
  EXPECT_TRUE(doc.ok());
  return sm::extract_metadata(*doc, url);
}

std::string v(const std::optional<std::string>& s) { return s.value_or("<none>"); }

}  // namespace

TEST(MetaFixture, JsonLdGraphWinsOverMeta) {
  auto m = extract_fixture("jsonld_graph.html");
  EXPECT_EQ(v(m.title), "Night trains return to the Alps");
  EXPECT_EQ(v(m.author), "Ana Kovač");  // resolved through @id
  EXPECT_EQ(v(m.date), "2023-03-14T08:30:00+01:00");
  EXPECT_EQ(m.date_source, "json-ld");
  EXPECT_EQ(v(m.sitename), "The Daily Compass");
  EXPECT_EQ(v(m.url), "https://compass.example/travel/night-trains");
  EXPECT_EQ(v(m.image), "https://compass.example/img/train.jpg");
  EXPECT_EQ(v(m.description), "Operators add sleeper services between Zurich and Vienna.");
  EXPECT_EQ(v(m.language_hint), "en-US");
  EXPECT_EQ(v(m.page_type), "NewsArticle");
  ASSERT_GE(m.tags.size(), 2u);
  EXPECT_EQ(m.tags[0], "rail");
  EXPECT_EQ(m.tags[1], "travel");
}

TEST(MetaFixture, GivenUrlWinsOverCanonical) {
  auto m = extract_fixture("jsonld_graph.html", "https://mirror.example/x");
  EXPECT_EQ(v(m.url), "https://mirror.example/x");
}

TEST(MetaFixture, OpenGraph) {
  auto m = extract_fixture("opengraph.html");
  EXPECT_EQ(v(m.title), "Garden notes: planting garlic in autumn");
  EXPECT_EQ(v(m.author), "Maria Lopez");
  EXPECT_EQ(v(m.date), "2020-10-05T09:15:00-04:00");
  EXPECT_EQ(m.date_source, "meta:article:published_time");
  ASSERT_EQ(m.tags.size(), 2u);
  EXPECT_EQ(m.tags[0], "gardening");
  EXPECT_EQ(m.tags[1], "garlic");
}

TEST(MetaFixture, IndonesianByline) {
  auto m = extract_fixture("indonesian.html");
  EXPECT_EQ(v(m.title), "Harga cabai naik menjelang akhir tahun");
  EXPECT_EQ(v(m.author), "Budi Santoso");
  // The date in the navigation bar is furniture; the byline date wins.
  EXPECT_EQ(v(m.date), "2021-10-20T12:47:00+07:00");
  EXPECT_EQ(v(m.language_hint), "id");
}

TEST(MetaFixture, TimeElementAndRelAuthor) {
  auto m = extract_fixture("time_element.html");
  EXPECT_EQ(v(m.title), "Neue Radwege in der Innenstadt");
  EXPECT_EQ(v(m.author), "Klaus Weber");
  EXPECT_EQ(v(m.date), "2019-06-03T14:30:00+02:00");
  EXPECT_EQ(m.date_source, "time");
}

TEST(MetaFixture, DateFromUrlOnly) {
  auto m = extract_fixture("url_date.html", "https://news.example/2021/10/20/quarterly-results");
  EXPECT_EQ(v(m.date), "2021-10-20");
  EXPECT_EQ(m.date_source, "url");
  auto none = extract_fixture("url_date.html", "https://news.example/quarterly-results");
  EXPECT_FALSE(none.date) << *none.date;
  EXPECT_TRUE(none.date_source.empty());
}

TEST(MetaFixture, NothingToFindStaysEmpty) {
  auto m = extract_fixture("service_page.html");
  EXPECT_EQ(v(m.title), "Cloud Backup Pricing");
  EXPECT_FALSE(m.author) << *m.author;  // the meta author is a URL
  EXPECT_FALSE(m.date) << *m.date;      // only a footer date and a phone number
  EXPECT_EQ(v(m.sitename), "Acme Storage");
}

TEST(MetaFixture, JsonLdArrayAndBrokenBlock) {
  auto m = extract_fixture("jsonld_array.html");
  EXPECT_EQ(v(m.title), "La tarte tatin");
  EXPECT_EQ(v(m.author), "Claire Martin, Luc Bernard");
  EXPECT_EQ(v(m.date), "2021-02-12");
  EXPECT_EQ(v(m.image), "https://cuisine.example/tatin.jpg");
  EXPECT_EQ(v(m.sitename), "Cuisine Facile");
  ASSERT_EQ(m.tags.size(), 3u);
  EXPECT_EQ(m.tags[2], "caramel");
}

TEST(MetaFixture, VisibleBylineBeatsOrganisationAuthor) {
  auto m = extract_fixture("byline_text.html");
  // Double-escaped entities in metadata are decoded once more.
  EXPECT_EQ(v(m.title), "Q&A: how libraries lend tools");
  // The JSON-LD author is an organisation; the page shows a person.
  EXPECT_EQ(v(m.author), "Rosa Delgado-Smith");
  EXPECT_EQ(v(m.date), "2024-02-29");
}

TEST(MetaFixture, SeveralAuthorsAsTheBylineShowsThem) {
  auto m = extract_fixture("two_authors.html");
  EXPECT_EQ(v(m.author), "Ana Pereira and Tom Okafor");
  // No date in markup: the one shown under the title.
  EXPECT_EQ(v(m.date), "2020-03-03");
  EXPECT_EQ(m.date_source, "element");
}

TEST(MetaTitle, HeadingRules) {
  // A documentation heading with its anchor mark.
  auto a = extract_html("<title>Quickstart - Tool 1.0 docs</title><h1>Quickstart<a class='headerlink'>¶</a></h1>");
  EXPECT_EQ(v(a.title), "Quickstart");
  // An <h1> carrying the site name is cleaned like a <title>.
  auto b = extract_html(
      "<meta property='og:site_name' content='Cookshack'><title>Catering Tips | Cookshack</title>"
      "<h1>Catering Tips | Cookshack</h1>");
  EXPECT_EQ(v(b.title), "Catering Tips");
  // A promo <h1> with nothing in common with the page title loses to it.
  auto c = extract_html(
      "<title>Ten ways to store winter squash | Farm Journal</title>"
      "<h1>Subscribe now and save 50%</h1><p>Text</p>");
  EXPECT_EQ(v(c.title), "Ten ways to store winter squash");
  // Without any metadata title the <h1> is all there is.
  auto d = extract_html("<h1>Subscribe now and save 50%</h1>");
  EXPECT_EQ(v(d.title), "Subscribe now and save 50%");
  // Forum-style stacked suffixes.
  EXPECT_EQ(sm::clean_title("Why is my build slow / Help Forum / Example Forums", ""),
            "Why is my build slow");
}

TEST(MetaTitle, OneWordOfALongTitleIsNotTheTitle) {
  // The <h1> names one of the things a long title lists: a tab or a brand, not the page.
  std::string og =
      "<meta property='og:title' content='How we moved Acme, Birch, Cobalt, Delta and forty other "
      "teams to one build system'>";
  auto one = extract_html(og + "<h1>Cobalt</h1><p>Text</p>");
  EXPECT_EQ(v(one.title), "How we moved Acme, Birch, Cobalt, Delta and forty other teams to one build system");
  // One word of a short title is still the page's own name for itself.
  auto shelf = extract_html("<title>Latest Cloud Computing News</title><h1>Cloud</h1><p>Text</p>");
  EXPECT_EQ(v(shelf.title), "Cloud");
}

TEST(MetaTitle, AnH1TheUrlSpellsIsTheTitle) {
  // On a website page a slogan <h1> loses to the metadata title...
  std::string head = "<meta property='og:type' content='website'>"
                     "<title>Tomato Care: Watering Guide | Green Acre</title>";
  std::string h1 = "<h1>Why Do My Tomatoes Split?</h1><p>Text</p>";
  EXPECT_EQ(v(extract_html(head + h1, "https://greenacre.example/grow/other-page").title), "Tomato Care: Watering Guide");
  // ...but the address was made from the <h1>: it names the page.
  EXPECT_EQ(v(extract_html(head + h1, "https://greenacre.example/grow/why-do-my-tomatoes-split.html?ref=1").title),
            "Why Do My Tomatoes Split?");
  EXPECT_EQ(v(extract_html(head + h1, "https://greenacre.example/why_do_my_tomatoes_split/").title),
            "Why Do My Tomatoes Split?");
  // A one-word <h1> is a section's name, not the page's, whatever the address.
  std::string one = "<h1>Tomatoes</h1><p>Text</p>";
  EXPECT_EQ(v(extract_html(head + one, "https://greenacre.example/tomatoes").title), "Tomato Care: Watering Guide");
}

TEST(MetaTitle, HostLeadingTheTitleIsTheSite) {
  // A personal site puts its address before the story, with no separator.
  std::string page = "<title>quietgarden.example Notes on Compost</title><h1>quietgarden.example</h1><p>Text</p>";
  EXPECT_EQ(v(extract_html(page, "https://www.quietgarden.example/2025/notes").title), "Notes on Compost");
  // Another site's address in the title is part of the story.
  EXPECT_EQ(v(extract_html("<title>quietgarden.example Notes on Compost</title><p>Text</p>",
                           "https://other.example/2025/notes")
                  .title),
            "quietgarden.example Notes on Compost");
}

TEST(MetaTitle, FaqQuestionsAreNotTheSubject) {
  auto question = [](const char* q) {
    return std::string("{\"@type\":\"Question\",\"name\":\"") + q +
           "\",\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\"Yes.\"}}";
  };
  std::string two = question("How long does compost take?") + "," + question("Can I compost bread?");
  std::string title =
      "<meta property='og:site_name' content='Garden Co'><title>Composting at home | Garden Co</title>";
  // The Questions of an FAQPage are not what the page is about.
  auto faq = extract_html("<script type='application/ld+json'>{\"@type\":\"FAQPage\",\"mainEntity\":[" +
                          two + "]}</script>" + title);
  EXPECT_EQ(v(faq.title), "Composting at home");
  // Nor are several Questions listed without an FAQPage.
  auto list = extract_html("<script type='application/ld+json'>[" + two + "]</script>" + title);
  EXPECT_EQ(v(list.title), "Composting at home");
  // A page's one Question is what it is about.
  auto qa = extract_html("<script type='application/ld+json'>" + question("Can I compost bread?") +
                         "</script>" + title);
  EXPECT_EQ(v(qa.title), "Can I compost bread?");
}

TEST(MetaTitle, LandingPagesPreferTheirMetadataTitle) {
  std::string head =
      "<meta property='og:site_name' content='Trailside'><title>Camping Tents for Families | Trailside</title>";
  std::string website = "<meta property='og:type' content='website'>";
  // A slogan <h1> that shares words with the title loses to it on a website page...
  auto slogan = extract_html(website + head + "<h1>Tents for every family adventure</h1>");
  EXPECT_EQ(v(slogan.title), "Camping Tents for Families");
  // ... but not on an article page.
  auto article = extract_html("<meta property='og:type' content='article'>" + head +
                              "<h1>Tents for every family adventure</h1>");
  EXPECT_EQ(v(article.title), "Tents for every family adventure");
  // An <h1> that begins the title is the page's own name for itself.
  auto shelf = extract_html(website + head + "<h1>Camping Tents</h1>");
  EXPECT_EQ(v(shelf.title), "Camping Tents");
  // A word cut short does not begin the title.
  auto cut = extract_html(website + head + "<h1>Camping Tent</h1>");
  EXPECT_EQ(v(cut.title), "Camping Tents for Families");
}

TEST(MetaTitle, SiteNameFromTheDomainOfASubdomain) {
  std::string page = "<title>Camping Tents - Trailside</title><p>Text</p>";
  EXPECT_EQ(v(extract_html(page, "https://shop.trailside.com/tents").title), "Camping Tents");
  EXPECT_EQ(v(extract_html(page, "https://shop.trailside.co.uk/tents").title), "Camping Tents");
  // A logo <h1> naming the domain is not the title, even when the title mentions it.
  EXPECT_EQ(v(extract_html("<title>Trailside or Campfire: which forum engine?</title><h1>Trailside</h1>",
                           "https://community.trailside.com/t/1")
                  .title),
            "Trailside or Campfire: which forum engine?");
  // Without a matching host the short last part stays (too short a title to cut).
  EXPECT_EQ(v(extract_html(page, "https://shop.example.com/tents").title), "Camping Tents - Trailside");
}

TEST(MetaTitle, LastPartNamedForTheBrandIsTheSite) {
  std::string page = "<title>Trail shoes - Trailside Official Site</title><p>Text</p>";
  EXPECT_EQ(v(extract_html(page, "https://www.trailside.com/shoes").title), "Trail shoes");
  EXPECT_EQ(v(extract_html(page, "https://shop.trailside.co.uk/shoes").title), "Trail shoes");
  // Another host's brand leaves it (too short a title to cut).
  EXPECT_EQ(v(extract_html(page, "https://www.example.com/shoes").title),
            "Trail shoes - Trailside Official Site");
  // An <h1> of that last part is the site's too.
  EXPECT_EQ(v(extract_html("<title>Trail shoes for rain - Trailside Outfitters</title>"
                           "<h1>Trailside Outfitters</h1><p>Text</p>",
                           "https://trailside.com/shoes")
                  .title),
            "Trail shoes for rain");
  // Only the last part speaks for the site: a first part may be a product of the brand.
  EXPECT_EQ(v(extract_html("<title>Trailside Tents - Camping Gear</title>", "https://trailside.com/t").title),
            "Trailside Tents - Camping Gear");
}

TEST(MetaTitle, TitleAroundAnotherNamesTheSite) {
  std::string og = "<meta property='og:title' content='Small adventures with small models'>";
  std::string title = "<title>Garden Data Blog: Small adventures with small models</title>";
  std::string h1 = "<h1>Garden Data Blog</h1><p>Text</p>";
  // The <title> is the og:title behind the blog's name: an <h1> of that name is not the title.
  EXPECT_EQ(v(extract_html(og + title + h1).title), "Small adventures with small models");
  // Without the og:title nothing tells the name from the story.
  EXPECT_EQ(v(extract_html(title + h1).title), "Garden Data Blog");
  // A metadata title that is the site name leaves the story to the <h1>.
  auto site = extract_html(
      "<meta property='og:title' content='Trailside'>"
      "<title>Which tent fits a family of four? | Trailside</title>"
      "<h1>Which tent fits a family of four?</h1>");
  EXPECT_EQ(v(site.title), "Which tent fits a family of four?");
}

TEST(MetaTitle, MetadataKeepsPunctuationTheHeadingLost) {
  auto dash = extract_html("<title>Remote Full-Stack Jobs</title><h1>Remote Full Stack Jobs</h1>");
  EXPECT_EQ(v(dash.title), "Remote Full-Stack Jobs");
  auto prefix = extract_html(
      "<meta property='og:title' content='Guide - Choosing a graphics card'>"
      "<h1>Guide Choosing a graphics card</h1>");
  EXPECT_EQ(v(prefix.title), "Guide - Choosing a graphics card");
  // Other differences leave the heading as it is: case, marks at the ends.
  auto upper = extract_html("<title>REMOTE FULL-STACK JOBS</title><h1>Remote Full Stack Jobs</h1>");
  EXPECT_EQ(v(upper.title), "Remote Full Stack Jobs");
  auto ends = extract_html("<title>Keep your teeth healthy ()</title><h1>Keep your teeth healthy</h1>");
  EXPECT_EQ(v(ends.title), "Keep your teeth healthy");
}

TEST(MetaTitle, TitleWithoutThePageNameIsNoTitle) {
  // "| Site" is what a template gives when the page's name is missing: the <h1> names the page.
  auto page = extract_html("<title>| Circuits &amp; Volts</title><h1>Electronic Gadgets</h1><p>Text</p>");
  EXPECT_EQ(v(page.title), "Electronic Gadgets");
  // A whole title still beats an <h1> it shares no word with.
  auto whole = extract_html("<title>Circuits &amp; Volts</title><h1>Electronic Gadgets</h1><p>Text</p>");
  EXPECT_EQ(v(whole.title), "Circuits & Volts");
}

TEST(MetaTitle, HeadingOfTheEarliestTitlePartWins) {
  // The docs' name heads the page, the page's own name follows.
  auto docs = extract_html(
      "<title>Quick Start - Toolkit 2.0 Documentation</title>"
      "<h1>Toolkit 2.0 Documentation</h1><h1>Quick Start</h1><p>Text</p>");
  EXPECT_EQ(v(docs.title), "Quick Start");
}

TEST(MetaTitle, ABarEndsThePageName) {
  // What follows a bar is a tagline or a section, however long.
  auto meta = extract_html("<title>Black Edition | Meal Replacement Protein Powder</title><p>Text</p>");
  EXPECT_EQ(v(meta.title), "Black Edition");
  auto h1 = extract_html(
      "<title>Organic SEO Consultant | Hire an Independent SEO Expert | Jane Roe</title>"
      "<h1>Organic SEO Consultant | Hire an Independent SEO Expert</h1>");
  EXPECT_EQ(v(h1.title), "Organic SEO Consultant");
  // Dashes may belong to the name.
  auto dash = extract_html("<title>Electrical - Overview | Office of Workplace Safety</title><p>Text</p>");
  EXPECT_EQ(v(dash.title), "Electrical - Overview");
}

TEST(MetaTitle, HeadingLabelsAreNotPartOfTheTitle) {
  std::string og = "<meta property='og:title' content='Why my tomatoes split'>";
  // A label element before the text the metadata names is left out.
  auto blog = extract_html(og + "<h1><span class='tag'>Blog:</span> Why my tomatoes split</h1>");
  EXPECT_EQ(v(blog.title), "Why my tomatoes split");
  // Also inside a link that wraps the whole heading.
  auto link = extract_html(og + "<h1><a href='/t'><span>Garden Q&amp;A</span> Why my tomatoes split</a></h1>");
  EXPECT_EQ(v(link.title), "Why my tomatoes split");
  // Words of the heading's own text stay.
  auto plain = extract_html(og + "<h1>Finally: Why my tomatoes split</h1>");
  EXPECT_EQ(v(plain.title), "Finally: Why my tomatoes split");
}

TEST(MetaTitle, LeadInBeforeTheMetadataNameIsNotTheTitle) {
  // Words the heading runs into the page's name are a collection or a lead-in.
  auto shoe = extract_html(
      "<title>Trail Runner | Northfield Shoes</title><h1>Lightweight Sneakers Trail Runner</h1><p>Text</p>");
  EXPECT_EQ(v(shoe.title), "Trail Runner");
  auto news = extract_html(
      "<meta property='og:title' content='In The News - Riverside Tutors'>"
      "<h1>Our Programs in the News</h1><p>Text</p>");
  EXPECT_EQ(v(news.title), "In The News");
  // Punctuation ends a kicker that is part of the heading.
  auto kicker = extract_html(
      "<title>Why tomatoes split | Green Acre</title><h1>Garden mailbag, part two: Why tomatoes split</h1>");
  EXPECT_EQ(v(kicker.title), "Garden mailbag, part two: Why tomatoes split");
  // A first part that names the site is not the page's name.
  auto store = extract_html(
      "<meta property='og:site_name' content='Acme Store'><title>Acme Store | Running Shoes</title>"
      "<h1>Welcome to the Acme Store</h1><p>Text</p>");
  EXPECT_EQ(v(store.title), "Welcome to the Acme Store");
  // One word before the name is not a lead-in, and a one-word name is too short to tell.
  auto one = extract_html("<title>Best Garden Hoses of 2026</title><h1>The Best Garden Hoses of 2026</h1>");
  EXPECT_EQ(v(one.title), "The Best Garden Hoses of 2026");
  auto short_name = extract_html(
      "<title>Kayaks | Touring and Sea Kayaks for Hire | Paddle Shop</title>"
      "<h1>Our Touring and Sea Kayaks</h1><p>Text</p>");
  EXPECT_EQ(v(short_name.title), "Our Touring and Sea Kayaks");
}

TEST(MetaTitle, AFurnitureWordNamesNoPage) {
  // "Home" alone says nothing: the title keeps the site's name.
  std::string site = "<meta property='og:site_name' content='Maple Street Bakery'>";
  auto dash = extract_html(site + "<title>Home - Maple Street Bakery</title><h1>Fresh bread every morning</h1>");
  EXPECT_EQ(v(dash.title), "Home - Maple Street Bakery");
  auto bar = extract_html(site + "<title>Home | Maple Street Bakery</title><p>Text</p>");
  EXPECT_EQ(v(bar.title), "Home | Maple Street Bakery");
  // Any other name still drops the site.
  auto breads = extract_html(site + "<title>Breads - Maple Street Bakery</title><p>Text</p>");
  EXPECT_EQ(v(breads.title), "Breads");
}

TEST(MetaDate, ArticleFooterIsNotFurniture) {
  // An <article>'s own footer holds its date; the page footer does not count.
  auto m = extract_html(
      "<article><p>Body text.</p><footer><time datetime='2025-08-12T11:15:06Z'>August 12, 2025"
      "</time></footer></article><footer><time datetime='2026-01-01'>Jan 1, 2026</time></footer>");
  EXPECT_EQ(v(m.date), "2025-08-12T11:15:06+00:00");
  EXPECT_EQ(m.date_source, "time");
  auto n = extract_html(
      "<div><p>Body text.</p></div><footer><time datetime='2026-01-01'>Jan 1, 2026</time></footer>");
  EXPECT_FALSE(n.date) << *n.date;
}

TEST(MetaAuthor, BylineOfSeveralElements) {
  auto m = extract_html(
      "<h1>Soil health basics</h1><div><span>By</span> <a>Ana Pereira</a>, <a>Tom Okafor</a>, and "
      "<a>Li Wei</a></div><p>Senior Editors</p><p>Healthy soil is alive.</p>");
  EXPECT_EQ(v(m.author), "Ana Pereira, Tom Okafor, and Li Wei");
  // A role after the name is not a second author.
  auto n = extract_html("<h1>Soil health basics</h1><div><span>Written by:</span> <a>Ana Pereira</a> "
                        "<span>Senior Editor</span></div>");
  EXPECT_EQ(v(n.author), "Ana Pereira");
}

TEST(MetaEdge, EmptyAndHostilePages) {
  auto m = extract_html("");
  EXPECT_FALSE(m.title);
  EXPECT_FALSE(m.date);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div class='date'>";
  deep += "20 October 2021";
  auto d = extract_html(deep);
  EXPECT_EQ(v(d.date), "2021-10-20");
  std::string ld = "<script type='application/ld+json'>";
  for (int i = 0; i < 10000; ++i) ld += "[";
  ld += "</script><title>T</title>";
  auto l = extract_html(ld);
  EXPECT_EQ(v(l.title), "T");
  // Balanced but absurdly deep JSON-LD, and an author that refers to itself.
  std::string deep_ld = "<script type='application/ld+json'>";
  for (int i = 0; i < 100000; ++i) deep_ld += "[";
  for (int i = 0; i < 100000; ++i) deep_ld += "]";
  deep_ld +=
      "</script><script type='application/ld+json'>{\"@type\":\"Article\",\"@id\":\"x\","
      "\"headline\":\"Self\",\"author\":{\"@id\":\"x\"}}</script>";
  auto dl = extract_html(deep_ld);
  EXPECT_EQ(v(dl.title), "Self");
  // Invalid UTF-8 in metadata stays contained (the DOM repairs it).
  auto bad = extract_html("<meta name='author' content='J\xff\xfe Doe'><title>\xc3 x</title>");
  ASSERT_TRUE(bad.author.has_value());
  EXPECT_NE(bad.author->find("Doe"), std::string::npos);
}

TEST(CleanTitle, SiteNames) {
  EXPECT_EQ(sm::clean_title("Story of the day - Example News", "Example News"), "Story of the day");
  EXPECT_EQ(sm::clean_title("Example News | Story of the day", "Example News"), "Story of the day");
  EXPECT_EQ(sm::clean_title("Story of the day » examplenews.com", "Example News"), "Story of the day");
  EXPECT_EQ(sm::clean_title("Story - with - dashes - Example News", "Example News"),
            "Story - with - dashes");
  // Without a site name a short trailing part is taken for one.
  EXPECT_EQ(sm::clean_title("How to plant garlic in autumn | GardenSite", ""),
            "How to plant garlic in autumn");
  // A title that is all story stays whole.
  EXPECT_EQ(sm::clean_title("Cats - the complete guide to feeding older cats well", ""),
            "Cats - the complete guide to feeding older cats well");
  EXPECT_EQ(sm::clean_title("  Plain   title ", "Site"), "Plain title");
  // A bar ends the name, after the site's name has gone from either end.
  EXPECT_EQ(sm::clean_title("Story of the day | More words on the same story", ""), "Story of the day");
  EXPECT_EQ(sm::clean_title("Example News | Story of the day | Tagline words here", "Example News"),
            "Story of the day");
}

TEST(CleanAuthor, PrefixesInManyLanguages) {
  EXPECT_EQ(v(sm::clean_author("By Jane Doe")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("by: Jane Doe")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("Written by Jane Doe")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("Oleh Budi Santoso")), "Budi Santoso");
  EXPECT_EQ(v(sm::clean_author("Penulis: Siti Rahma")), "Siti Rahma");
  EXPECT_EQ(v(sm::clean_author("Von Klaus Weber")), "Klaus Weber");
  EXPECT_EQ(v(sm::clean_author("Par Claire Martin")), "Claire Martin");
  EXPECT_EQ(v(sm::clean_author("Por María García")), "María García");
  EXPECT_EQ(v(sm::clean_author("Di Marco Rossi")), "Marco Rossi");
  EXPECT_EQ(v(sm::clean_author("Door Jan de Vries")), "Jan de Vries");
  EXPECT_EQ(v(sm::clean_author("Автор: Иван Петров")), "Иван Петров");
}

TEST(CleanAuthor, RolesDatesAndNonNames) {
  EXPECT_EQ(v(sm::clean_author("Jane Doe, Staff Writer")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("By Jane Doe | Senior Editor")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("By Jane Doe on March 3, 2020")), "Jane Doe");
  EXPECT_EQ(v(sm::clean_author("Oleh Budi Santoso - Rabu, 20 Oktober 2021 12:47 WIB")), "Budi Santoso");
  EXPECT_EQ(v(sm::clean_author("Dylan Bailey, MS, RD")), "Dylan Bailey, MS, RD");
  EXPECT_FALSE(sm::clean_author("https://example.com/author/jane"));
  EXPECT_FALSE(sm::clean_author("@janedoe"));
  EXPECT_FALSE(sm::clean_author("jane@example.com"));
  EXPECT_FALSE(sm::clean_author("admin"));
  EXPECT_FALSE(sm::clean_author(""));
  EXPECT_FALSE(sm::clean_author("By"));
  EXPECT_FALSE(sm::clean_author("Updated by Jon Linkov"));  // an editor, not the author
  EXPECT_FALSE(sm::clean_author("Photo by Ann Lee"));
  EXPECT_FALSE(sm::clean_author("page.head.extra.author"));
  EXPECT_FALSE(sm::clean_author("{{ author.name }}"));
  EXPECT_FALSE(sm::clean_author("Jun 2 Written By"));
  EXPECT_EQ(v(sm::clean_author("\"David Kim\"")), "David Kim");
  EXPECT_FALSE(sm::clean_author(
      "This is a very long sentence that is clearly not the name of any single person at all"));
}

// Values under keys nothing reads ("articleBody") are dropped while parsing;
// the answers must stay those of the full parse.
namespace {
std::string jsonld_page(const std::string& block) {
  return "<html><head><title>Fallback title here</title>"
         "<script type=\"application/ld+json\">" + block +
         "</script></head><body><h1>Another heading</h1><p>Text.</p></body></html>";
}
const std::string kLongBody(300, 'x');
}  // namespace

TEST(MetaJsonLd, UnreadLongStringsDoNotChangeAnswers) {
  auto m = extract_html(jsonld_page(
      "{\"@type\":\"NewsArticle\",\"articleBody\":\"" + kLongBody + " \\\"quoted\\\" caf\xC3\xA9\","
      "\"headline\":\"Read headline\",\"description\":\"" + kLongBody + "\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
      "\"datePublished\":\"2021-10-20\"}"));
  EXPECT_EQ(v(m.title), "Read headline");
  EXPECT_EQ(v(m.author), "Jane Doe");
  EXPECT_EQ(v(m.date), "2021-10-20");
  EXPECT_EQ(v(m.description), kLongBody);  // a read key keeps its value
}

TEST(MetaJsonLd, BrokenLongStringStillFailsTheBlock) {
  // A raw newline inside a string is invalid JSON: the block must be
  // rejected as a whole, as a full parse rejects it, dropped value or not.
  auto m = extract_html(jsonld_page(
      "{\"@type\":\"NewsArticle\",\"articleBody\":\"" + kLongBody + "\n" + kLongBody + "\","
      "\"headline\":\"Read headline\",\"datePublished\":\"2021-10-20\"}"));
  EXPECT_NE(v(m.title), "Read headline");
  EXPECT_NE(m.date_source, "json-ld");
  // An invalid escape, too.
  m = extract_html(jsonld_page(
      "{\"@type\":\"NewsArticle\",\"text\":\"" + kLongBody + "\\x\","
      "\"headline\":\"Read headline\"}"));
  EXPECT_NE(v(m.title), "Read headline");
}

TEST(MetaJsonLd, EscapedKeyNamesAreStillRead) {
  // "\u0064escription" is "description" once parsed: its long value must
  // survive.
  auto m = extract_html(jsonld_page(
      "{\"@type\":\"NewsArticle\",\"headline\":\"Read headline\","
      "\"\\u0064escription\":\"" + kLongBody + "\"}"));
  EXPECT_EQ(v(m.description), kLongBody);
}

TEST(MetaJsonLd, CommentsAreIgnored) {
  auto m = extract_html(jsonld_page(
      "{\"@type\":\"NewsArticle\", /* note */ \"articleBody\":\"" + kLongBody + "\","
      "\"headline\":\"Read headline\"}"));
  EXPECT_EQ(v(m.title), "Read headline");
}

// Dates shown on the page are looked at only when markup states none; the
// first visible one still wins when markup is silent.
TEST(MetaDates, VisibleDateUsedOnlyWithoutMarkupDate) {
  const std::string body =
      "<body><article><h1>Heading of the story</h1>"
      "<div class=\"post-date\">3 March 2020</div>"
      "<time datetime=\"2019-05-06\">May 6</time><p>Text.</p></article></body>";
  auto m = extract_html("<html><head><meta property=\"article:published_time\" "
                        "content=\"2021-10-20\"></head>" + body + "</html>");
  EXPECT_EQ(v(m.date), "2021-10-20");
  m = extract_html("<html><head></head>" + body + "</html>");
  EXPECT_EQ(v(m.date), "2019-05-06");  // <time> comes before classed elements
  EXPECT_EQ(m.date_source, "time");
}

TEST(MetaJsonLd, CdataWrappedBlockWithLongUnreadString) {
  auto m = extract_html(jsonld_page(
      "/*<![CDATA[*/{\"@type\":\"NewsArticle\",\"articleBody\":\"" + kLongBody + "\","
      "\"headline\":\"Read headline\"}/*]]>*/"));
  EXPECT_EQ(v(m.title), "Read headline");
  // Too deep is too deep whether or not a long string sits inside.
  std::string deep = "{\"@type\":\"NewsArticle\",\"headline\":\"Read headline\",\"x\":";
  for (int i = 0; i < 100; ++i) deep += "[";
  deep += "\"" + kLongBody + "\"";
  for (int i = 0; i < 100; ++i) deep += "]";
  m = extract_html(jsonld_page(deep + "}"));
  EXPECT_NE(v(m.title), "Read headline");
}

TEST(MetaJsonLd, NestingDepthLimit) {
  // The outer object and the arrays under an unread key count alike: a block
  // as deep as the vocabulary allows is read, one level deeper is skipped.
  const size_t limit = saring::meta::detail::meta_vocabulary().max_jsonld_depth;
  auto nested = [&](size_t arrays) {
    std::string b = "{\"@type\":\"NewsArticle\",\"headline\":\"Read headline\",\"x\":";
    b += std::string(arrays, '[') + "1" + std::string(arrays, ']') + "}";
    return extract_html(jsonld_page(b));
  };
  EXPECT_EQ(v(nested(limit - 1).title), "Read headline");
  EXPECT_NE(v(nested(limit).title), "Read headline");
}

TEST(MetaJsonLd, DroppedKeysAndRepeatedKeys) {
  // Values of keys nothing reads are dropped while parsing; a repeated key
  // keeps its last value, as in a full parse; objects nested under other
  // keys are not articles of the page.
  auto m = extract_html(jsonld_page(
      "{\"@context\":{\"@vocab\":\"https://schema.org/\"},\"@type\":\"NewsArticle\","
      "\"potentialAction\":{\"@type\":\"ReadAction\",\"target\":[\"https://a.example/\",{\"x\":[1,2.5,true,null]}]},"
      "\"headline\":\"First headline\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}],"
      "\"headline\":\"Last headline\",\"wordCount\":1234}"));
  EXPECT_EQ(v(m.title), "Last headline");
  EXPECT_EQ(v(m.author), "Jane Doe");
  m = extract_html(jsonld_page(
      "{\"isPartOf\":{\"@type\":\"NewsArticle\",\"headline\":\"Nested headline\"}}"));
  EXPECT_NE(v(m.title), "Nested headline");
}

TEST(PageType, ArticleTypesAreKnownWhateverTheirSpelling) {
  EXPECT_TRUE(sm::is_article_type("NewsArticle"));
  EXPECT_TRUE(sm::is_article_type("article"));  // og:type
  EXPECT_TRUE(sm::is_article_type("http://schema.org/BlogPosting"));
  EXPECT_TRUE(sm::is_article_type("schema:Recipe"));
  EXPECT_FALSE(sm::is_article_type("Product"));
  EXPECT_FALSE(sm::is_article_type("website"));
  EXPECT_FALSE(sm::is_article_type("CollectionPage"));
  EXPECT_FALSE(sm::is_article_type(""));
  EXPECT_TRUE(sm::is_recipe_type("schema:Recipe"));
  EXPECT_TRUE(sm::is_recipe_type("http://schema.org/Recipe"));
  EXPECT_FALSE(sm::is_recipe_type("NewsArticle"));
}
