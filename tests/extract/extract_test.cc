// Unit tests of the extractor: pruning, the cascade's fallback stages, tables,
// scripts without spaces, options, hostile input, and the vocabulary.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "saring/extract.h"
#include "saring/html.h"
#include "saring/text.h"
#include "vocabulary.h"

namespace {

using saring::extract::BlockKind;
using saring::extract::Content;
using saring::extract::ExtractOptions;
using saring::extract::Stage;

Content extract(const std::string& html, const ExtractOptions& options = {}) {
  auto doc = saring::html::parse(html);
  EXPECT_TRUE(doc.ok());
  return saring::extract::extract_content(*doc, options);
}

std::string text_of(const std::string& html, const ExtractOptions& options = {}) {
  return saring::extract::render_text(extract(html, options));
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// Three long paragraphs: enough for the main stage to answer.
const char* kArticle =
    "<p>The committee met on Tuesday to discuss the new budget, which includes "
    "funding for schools, roads and the public library system.</p>"
    "<p>Several members argued that the proposed tax increase would fall hardest "
    "on small businesses, while others said it was overdue.</p>"
    "<p>A final vote is expected next month, after a public hearing at which "
    "residents will be able to give their views on every part of the plan.</p>";

std::string page(const std::string& body) {
  return "<html><head><title>Budget talks</title></head><body>" + body + "</body></html>";
}

TEST(PhraseIndex, FindsPhrasesAnywhereWhileSkippingAhead) {
  saring::extract::PhraseIndex index;
  for (const char* p : {"keine bezahlschranke", "donate now", "ab"}) index.add(p);
  EXPECT_TRUE(index.inside("ab"));
  EXPECT_TRUE(index.inside("xxxxxxxxab"));
  EXPECT_TRUE(index.inside("please donate now"));
  EXPECT_TRUE(index.inside("donate now, please"));
  EXPECT_TRUE(index.inside("es gibt keine bezahlschranke."));
  EXPECT_FALSE(index.inside("a"));
  EXPECT_FALSE(index.inside("please donate later, and there is no paywall"));
  saring::extract::PhraseIndex longer;
  for (const char* p : {"donate now", "keine bezahlschranke"}) longer.add(p);
  EXPECT_TRUE(longer.inside("we ask: donate now"));
  EXPECT_TRUE(longer.inside("keine bezahlschranke"));
  EXPECT_FALSE(longer.inside("keine bezahlschrank"));
  EXPECT_FALSE(longer.inside("donate no"));
  EXPECT_FALSE(longer.inside("a b donatenow keine"));
}

TEST(Prune, NavigationFootersWidgetsAndBannersAreDropped) {
  std::string html = page(
      "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
      "<div class='cookie-consent'>We use cookies to give you the best experience on this site.</div>"
      "<div class='article-body'>" + std::string(kArticle) +
      "<div class='share-buttons'><a href='#'>Share on Facebook</a></div>"
      "<div class='font-size'>A A A</div></div>"
      "<aside><p>Most read: ten things you did not know about budgets and taxes today.</p></aside>"
      "<footer><p>Contact us at the address below for any questions about this site.</p></footer>");
  Content c = extract(html);
  std::string t = saring::extract::render_text(c);
  EXPECT_EQ(c.stage, Stage::main);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "public hearing"));
  EXPECT_FALSE(contains(t, "cookies"));
  EXPECT_FALSE(contains(t, "Home"));
  EXPECT_FALSE(contains(t, "Share on Facebook"));
  EXPECT_FALSE(contains(t, "A A A"));
  EXPECT_FALSE(contains(t, "Most read"));
  EXPECT_FALSE(contains(t, "Contact us"));
}

TEST(Prune, HiddenElementsAreDropped) {
  std::string html = page("<div>" + std::string(kArticle) +
                          "<p style='display:none'>Invisible tracking text that readers never see.</p>"
                          "<p hidden>Another hidden paragraph of text for robots only.</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "Invisible"));
  EXPECT_FALSE(contains(t, "robots"));
}

TEST(Prune, PrefixedScreenReaderTextIsDropped) {
  // A design system's own prefix on a screen-reader-only name hides it all the same.
  std::string html = page(
      "<div>" + std::string(kArticle) +
      "<p>The new card costs <span class='price__sr-text'>Sale price</span>$20 "
      "<span class='wt-screen-reader-only'>opens in a new window</span> at the branch office.</p>"
      "<p>Members who renew <span class='u-sr-only-note'>early</span> save more.</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The new card costs $20 at the branch office."));
  EXPECT_FALSE(contains(t, "Sale price"));
  EXPECT_FALSE(contains(t, "new window"));
  EXPECT_TRUE(contains(t, "renew early save"));  // the name only starts with a screen-reader word
}

TEST(Prune, LayoutClassWrappingTheArticleIsKept) {
  // "l-sidebar-fixed" names a layout, yet the marked article body is inside.
  std::string html = page(
      "<div class='l-sidebar-fixed'><div class='entry-content'>" + std::string(kArticle) +
      "</div></div><div class='sidebar'><a href='/x'>Other story</a></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "Other story"));
}

TEST(Prune, CaptionsCreditsAndEditorInitialsAreDropped) {
  std::string html = page(
      "<div class='content'><figure><img src='a.jpg'><figcaption>The mayor at the "
      "hearing.</figcaption></figure>"
      "<p>The mayor speaks to reporters after the session. FOTO/REUTERS</p>" +
      std::string(kArticle) + "<p>(abc)</p><p>Baca juga: Anggaran sekolah naik</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "The mayor at the hearing"));
  EXPECT_FALSE(contains(t, "FOTO/REUTERS"));
  EXPECT_FALSE(contains(t, "(abc)"));
  EXPECT_FALSE(contains(t, "Baca juga"));
}

TEST(Prune, ThePreviousAndNextPostsAreDropped) {
  std::string html = page(
      "<div class='content'>" + std::string(kArticle) +
      "<div class='grid next-prev'><div class='cell'><a href='/a'>Older</a><p>The council "
      "approves a new bridge over the river after two years of debate</p></div>"
      "<div class='cell'><a href='/b'>Newer</a><p>Library opening hours change for the summer "
      "as the building closes for repairs</p></div></div></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "new bridge"));
  EXPECT_FALSE(contains(t, "opening hours"));
}

TEST(Prune, BoxesShownOnHoverAreDroppedFromTheirParagraph) {
  std::string html = page(
      "<div class='content'><p>The mayor <span class='person-rollover'><a href='/p/1'>Jane "
      "Roe</a><span class='rollover-block'><a href='/s/1'>Roe opens the new harbour museum</a> "
      "<a href='/s/2'>Roe answers questions on the city's water supply</a> <a href='/s/3'>"
      "Council elects Roe as its chair for a second term</a></span></span> said on Monday "
      "that the budget would be balanced within two years, without cuts to the library.</p>" +
      std::string(kArticle) +
      "<p>The plan also funds <span class='tooltip'>Tooltip: the district's two bus lines "
      "that run at night</span> night buses.</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "said on Monday that the budget would be balanced"));
  EXPECT_FALSE(contains(t, "harbour museum"));
  EXPECT_FALSE(contains(t, "Tooltip:"));
}

TEST(Prune, ACaptionNamedByAGluedClassIsDropped) {
  std::string html = page(
      "<div class='content'><p><img src='a.jpg'></p><span class='storyCaption'>Residents "
      "queue outside the town hall before the hearing</span>" +
      std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "Residents queue"));
}

TEST(Prune, LinkListsAreDropped) {
  std::string html = page(
      "<div class='story'>" + std::string(kArticle) +
      "<ul><li><a href='/1'>First related headline about the budget</a></li>"
      "<li><a href='/2'>Second related headline about the council</a></li></ul></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "related headline"));
}

TEST(Prune, TabPanelsAndStreamedContentAreKeptWhileHidden) {
  std::string tabs = page(
      "<div class='post'>" + std::string(kArticle) +
      "<div class='tab-pane' style='display:none'><p>The second tab explains how the library "
      "budget will be spent over the next three years.</p></div></div>");
  EXPECT_TRUE(contains(text_of(tabs), "The second tab explains"));
  // React's streamed rendering parks the page in <div hidden id="S:0">.
  std::string streamed = page("<div id='shell'><a href='/'>Home</a></div><div hidden id='S:0'>" +
                              std::string(kArticle) + "</div>");
  EXPECT_TRUE(contains(text_of(streamed), "The committee met on Tuesday"));
  // The eleventh segment and on count in hexadecimal.
  std::string streamed_hex = page("<div id='shell'><a href='/'>Home</a></div><div hidden id='S:a'>" +
                                  std::string(kArticle) + "</div>");
  EXPECT_TRUE(contains(text_of(streamed_hex), "The committee met on Tuesday"));
  // Other hidden text stays out.
  std::string hidden = page("<div class='post'>" + std::string(kArticle) +
                            "<div style='display:none'><p>Hidden copy for search engines only, "
                            "never shown to readers of this page.</p></div></div>");
  EXPECT_FALSE(contains(text_of(hidden), "Hidden copy"));
}

TEST(Prune, StreamedPartsAreReadInTheirPlaceholders) {
  // The shell holds empty placeholders; the parts arrive later, parked at the
  // end of the body, and are read where their placeholders stand. A
  // boundary's part is the one its script call names (boundaries and parts
  // are counted apart).
  const std::string shell =
      "<div id='shell'><a href='/'>Home</a></div><main>"
      "<p>The committee met on Tuesday to discuss the new budget, which includes "
      "funding for schools, roads and the public library system.</p>"
      "<template id='B:0'></template>"
      "<p>A final vote is expected next month, after a public hearing at which "
      "residents will be able to give their views on every part of the plan.</p>"
      "<template id='P:1'></template></main>";
  const std::string parks =
      "<div hidden id='S:2'><p>Several members argued that the proposed tax increase would "
      "fall hardest on small businesses, while others said it was overdue.</p></div>"
      "<div hidden id='S:1'><p>The mayor said she would sign the budget if the council "
      "passed it without changes to the library fund.</p></div>"
      "<div hidden id='S:0'><p>Parking on the market square will be free on the evening "
      "of the hearing, the council said in a short note.</p></div>"
      "<script>$RC(\"B:0\",\"S:2\")</script>";
  std::string t = text_of(page(shell + parks));
  size_t first = t.find("The committee met");
  size_t middle = t.find("Several members argued");
  size_t vote = t.find("A final vote");
  size_t last = t.find("The mayor said");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(middle, std::string::npos);
  ASSERT_NE(vote, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(first, middle);
  EXPECT_LT(middle, vote);
  EXPECT_LT(vote, last);
  EXPECT_GT(t.find("Parking on the market square"), vote);  // no placeholder of its own
  // Each part is read once, and a placeholder without a park reads as before.
  EXPECT_EQ(t.find("Several members argued", middle + 1), std::string::npos);
  std::string orphan = text_of(page("<div class='post'>" + std::string(kArticle) +
                                    "<template id='B:7'></template></div>"));
  EXPECT_TRUE(contains(orphan, "A final vote"));
  // A part that comes before its placeholder is read once, where it stands.
  std::string early = text_of(page(parks + shell));
  size_t once = early.find("Several members argued");
  ASSERT_NE(once, std::string::npos);
  EXPECT_EQ(early.find("Several members argued", once + 1), std::string::npos);
}

TEST(Prune, StreamedBoundaryWithoutItsCallTakesThePartOfItsNumber) {
  // An archive may drop the page's scripts, and with them the calls that
  // pair boundaries and parts: a boundary then takes the part of its number.
  const std::string html = page(
      "<main><p>The committee met on Tuesday to discuss the new budget, which includes "
      "funding for schools, roads and the public library system.</p>"
      "<template id='B:a'></template>"
      "<p>A final vote is expected next month, after a public hearing at which "
      "residents will be able to give their views on every part of the plan.</p></main>"
      "<div hidden id='S:a'><p>Several members argued that the proposed tax increase would "
      "fall hardest on small businesses, while others said it was overdue.</p></div>");
  std::string t = text_of(html);
  size_t middle = t.find("Several members argued");
  ASSERT_NE(middle, std::string::npos);
  EXPECT_LT(middle, t.find("A final vote"));
}

TEST(Prune, CrawlerViewInNoscriptIsKept) {
  // Some forums render their whole thread for crawlers inside <noscript>.
  std::string html = page("<div id='app'></div><noscript><div class='topic'>" +
                          std::string(kArticle) + std::string(kArticle) + "</div></noscript>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  // A tracking-pixel noscript stays out.
  std::string small = page("<div class='post'>" + std::string(kArticle) +
                           "</div><noscript>Please enable JavaScript to view this site.</noscript>");
  EXPECT_FALSE(contains(text_of(small), "enable JavaScript"));
}

TEST(Prune, ForumPostsMarkedAsCommentsAreTheContent) {
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += "<div class='comment'><div class='comment-body'><p>Post " + std::to_string(i) +
             ": I have had the same problem with my router after the update, and resetting it "
             "to factory settings was the only thing that helped in the end.</p></div></div>";
  }
  std::string html = page("<h1>Router drops connection</h1><div class='thread'>" + posts + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Post 0:"));
  EXPECT_TRUE(contains(t, "Post 3:"));
}

TEST(Prune, ForumSignaturesAreNotThePost) {
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    posts += "<div class='post'><div class='post-text'><p>Reply " + std::to_string(i) +
             ": the firmware update fixed the dropped connections on my router, but only after "
             "a full reset and a new channel in the wireless settings.</p></div>"
             "<div class='message-signature'><p>Running three routers and a mesh at home, all on "
             "the latest firmware, with a spare switch in the cupboard for testing.</p></div></div>";
  }
  std::string html = page("<h1>Router drops connection</h1><div class='thread'>" + posts + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Reply 0:"));
  EXPECT_TRUE(contains(t, "Reply 2:"));
  EXPECT_FALSE(contains(t, "spare switch"));
}

TEST(Prune, AFewWordsNamedLikeFurnitureInASentenceStay) {
  std::string html = page(
      "<div class='content'>" + std::string(kArticle) +
      "<p>Each Pod runs one or more <a class='glossary-tooltip' href='/g/c'>containers</a> with "
      "shared storage and a <span class='popover'>network identity</span> of its own.</p>"
      "<p>Night buses run until two in the morning on weekdays and until four on weekends, the "
      "council said. <span class='tooltip'>Route map</span></p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "one or more containers with shared storage"));
  EXPECT_TRUE(contains(t, "a network identity of its own"));
  // Not between two runs of words: the box goes.
  EXPECT_FALSE(contains(t, "Route map"));
}

// A documentation page's opening and a later step, around the boxes tested.
constexpr const char* kDocsOpening =
    "<div class='docs'><h1>Installing the agent</h1>"
    "<p>Download the package for your system and unpack it into a folder of your choice, then "
    "run the installer from a terminal with the default options.</p>";
constexpr const char* kDocsStep =
    "<p>When the installer finishes, start the agent and check its log for the line that "
    "says it has connected to the server.</p>";

TEST(Prune, ANoticeBoxOpeningWithANoteLabelIsASideNote) {
  std::string html = page(
      std::string("<div class='alert alert-warning'>Your browser is out of date: some parts of "
                  "this site may not work until you upgrade it.</div>") +
      kDocsOpening +
      "<div class='alert alert-info'><h4>Note:</h4>The installer needs write access to the "
      "configuration folder, so run it as the user who owns that folder.</div>" +
      kDocsStep +
      "<div class='alert alert-success'><strong>Tip</strong><br>Add the agent to the start-up "
      "services so that it runs again after a reboot.</div></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "needs write access to the configuration folder"));
  EXPECT_TRUE(contains(t, "runs again after a reboot"));
  // A notice without a label is still the site's.
  EXPECT_FALSE(contains(t, "browser is out of date"));
}

TEST(Prune, ABoxOfOtherLinksOpeningWithSeeAlsoStillGoes) {
  std::string html = page(
      std::string(kDocsOpening) +
      "<div class='related-posts'><h3>See also</h3><ul>"
      "<li><a href='/a'>Agent release notes for the spring version</a></li>"
      "<li><a href='/b'>Moving the agent to a new server</a></li></ul></div>" +
      kDocsStep + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "check its log for the line"));
  EXPECT_FALSE(contains(t, "Moving the agent to a new server"));
}

TEST(Vocabulary, AdmonitionLabels) {
  const auto& v = saring::extract::vocabulary();
  EXPECT_TRUE(v.opens_admonition("Note"));
  EXPECT_TRUE(v.opens_admonition(" Note: "));
  EXPECT_TRUE(v.opens_admonition("WARNING: this deletes the data"));
  EXPECT_TRUE(v.opens_admonition("See also"));
  EXPECT_FALSE(v.opens_admonition("Notes"));
  EXPECT_FALSE(v.opens_admonition("Note that the server restarts."));
  EXPECT_FALSE(v.opens_admonition("Tipping point"));
  // Every label passes the first-byte test, in either case.
  for (const char* label : {"Note", "tip", "Warning", "CAUTION", "Important", "see also",
                            "Danger", "HINT", "Attention"}) {
    EXPECT_TRUE(v.opens_admonition(label)) << label;
  }
}

TEST(Filter, ARankAsAHeadingStays) {
  std::string html = page(
      "<article><h1>User roles</h1>"
      "<p>Each account on the board has one role, which sets what its holder may read, write "
      "and change; an owner can give a role to any account from the settings page.</p>"
      "<h2>Administrator</h2>"
      "<p>An administrator changes the board's settings, creates and removes sections, and gives "
      "or takes away the roles of every other account on the board.</p>"
      "<h2>Moderator</h2>"
      "<p>A moderator edits, moves and deletes the posts of the sections given to them, and may "
      "close a thread or ban an account for a while.</p></article>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Administrator\n"));
  EXPECT_TRUE(contains(t, "Moderator\n"));
}

TEST(Prune, PopoversAreNotTheText) {
  std::string html = page(
      "<div class='appInstallPopover'><p>Install this site as an app on your phone: tap the share "
      "icon in the browser, scroll the menu, choose Add to Home Screen and confirm.</p></div>" +
      std::string(kArticle));
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Add to Home Screen"));
}

TEST(Prune, ADialogNamedABannerIsNotTheText) {
  std::string banner = "<div class='privacy-banner' role='dialog'>";
  for (int i = 0; i < 3; ++i) {
    banner += "<p>Storage or access of type " + std::to_string(i) +
              " is used for the purpose of measuring visits to the site, so that we can count "
              "them and improve what the site offers to everyone who reads it.</p>";
  }
  banner += "</div>";
  std::string t = text_of(page(std::string(kArticle) + banner));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Storage or access"));
}

TEST(Prune, ListingPagesKeepTheirLinks) {
  std::string items;
  for (int i = 0; i < 12; ++i) {
    items += "<li><a href='/b/" + std::to_string(i) + "'>Book number " + std::to_string(i) +
             " of the list</a></li>";
  }
  std::string html = page("<nav><a href='/'>Home</a></nav><div class='list'><h2>Best books</h2><ol>" +
                          items + "</ol></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Book number 0 of the list"));
  EXPECT_TRUE(contains(t, "Book number 11 of the list"));
  EXPECT_FALSE(contains(t, "Home"));
}

// An index: a heading per letter, each over a list of links (a few with a
// note after the name), and an "[edit]" link between heading and list.
std::string index_sections(int sections, bool linked_headings = false) {
  std::string html;
  for (int s = 0; s < sections; ++s) {
    std::string letter(1, static_cast<char>('A' + s));
    std::string name = "Group " + letter;
    if (linked_headings) name = "<a href='/group/" + letter + "'>" + name + "</a>";
    html += "<h2>" + name + "</h2><span><a href='/edit/" + letter + "'>[edit]</a></span><ul>";
    for (int i = 0; i < 5; ++i) {
      std::string n = letter + std::to_string(i);
      html += "<li><a href='/wiki/" + n + "'>Language " + n + "</a>" +
              (i == 0 ? " (a dialect of Language " + letter + "9)" : "") + "</li>";
    }
    html += "</ul>";
  }
  return html;
}

TEST(Filter, TheEntriesOfAnIndexStay) {
  std::string t = text_of(page("<div class='content'><p>This is an index of notable programming "
                               "languages, in current or historical use.</p>" +
                               index_sections(5) + "</div>"));
  EXPECT_TRUE(contains(t, "Language A1"));
  EXPECT_TRUE(contains(t, "Language E4"));
  EXPECT_FALSE(contains(t, "[edit]"));
}

TEST(Filter, TheLinkedHeadingsOfAnIndexStay) {
  std::string t = text_of(page("<div class='content'><p>Open positions this week, by team.</p>" +
                               index_sections(5, true) + "</div>"));
  EXPECT_TRUE(contains(t, "Group A"));
  EXPECT_TRUE(contains(t, "Group E"));
  EXPECT_TRUE(contains(t, "Language C2"));
}

TEST(Filter, AFewLinkSectionsAfterAnArticleGo) {
  std::string t = text_of(page("<div class='content'>" + std::string(kArticle) +
                               index_sections(2) + "</div>"));
  EXPECT_TRUE(contains(t, "A final vote is expected"));
  EXPECT_FALSE(contains(t, "Language A1"));
  EXPECT_FALSE(contains(t, "Language B4"));
}

TEST(Filter, ASentenceThatLinksAPhraseStays) {
  // Most of each block below is link text. Those that end on their own full
  // stop, after the link, are sentences (a paragraph, a list item); those
  // that end in their link are a pointer and a teaser.
  std::string t = text_of(page(
      "<div class='content'>" + std::string(kArticle) +
      "<p>Last year the council closed two branch libraries and cut the hours of the others, "
      "and the head librarian told members that the buildings needed repairs that could not "
      "wait for another budget round.</p>"
      "<p>Road repairs take the largest part of the new money, followed by the schools, whose "
      "roofs and heating were found in a survey last winter to be in a worse state than the "
      "council had thought when it set the plan.</p>"
      "<p>Members who voted against the plan in committee said they would bring their own "
      "version to the full council, with a smaller tax increase and a longer time to pay for "
      "the repairs, spread over the next five years.</p>"
      "<p>The mayor, who has to sign the budget, has not said which version she prefers, but "
      "her office said on Wednesday that she would meet both sides before the public hearing "
      "and would listen to the residents first.</p>"
      "<p>The plan was shelved in 2017 but <a href='/a'>came back this spring after a long "
      "campaign by the residents of the east side</a>.</p>"
      "<p>Elsewhere: <a href='/b'>how the council spent last year's surplus on roads and "
      "parks</a></p>"
      "<p><a href='/c'>Why the library wants a larger share of the city's money this year.</a></p>"
      "<ul><li>Residents can read <a href='/d'>the full plan and the survey of the school "
      "roofs</a> online.</li></ul>"
      "</div>"));
  EXPECT_TRUE(contains(t, "A final vote is expected"));
  EXPECT_TRUE(contains(t, "came back this spring"));
  EXPECT_FALSE(contains(t, "last year's surplus"));
  EXPECT_FALSE(contains(t, "larger share"));
  EXPECT_TRUE(contains(t, "survey of the school roofs"));
}

TEST(Cascade, EmptyDocumentGivesEmptyContent) {
  Content c = extract("");
  EXPECT_TRUE(c.blocks.empty());
  EXPECT_EQ(saring::extract::render_text(c), "");
  Content d = extract("<html><body><script>var a = 1;</script></body></html>");
  EXPECT_TRUE(d.blocks.empty());
}

TEST(Cascade, ShortMainResultFallsBackToAWiderStage) {
  // The marked container holds one short notice; the page's text is in short
  // lines elsewhere. The main stage under-delivers and a later stage answers.
  std::string body = "<div class='article-body'><p>Short notice about the fair in town.</p></div>";
  for (int i = 0; i < 30; ++i) {
    body += "<div>Line " + std::to_string(i) + " here</div>";
  }
  Content c = extract(page(body));
  EXPECT_NE(c.stage, Stage::main);
  std::string t = saring::extract::render_text(c);
  EXPECT_TRUE(contains(t, "Short notice about the fair"));
  EXPECT_TRUE(contains(t, "Line 0 here"));
  EXPECT_TRUE(contains(t, "Line 29 here"));
}

TEST(Cascade, AppealsForMoneyLeaveTheChosenText) {
  std::string html = std::string("<html><body><article>") + kArticle +
                     "<p>Our reporting is expensive to produce. If it helped you, please support us "
                     "by donating a small amount.</p></article></body></html>";
  std::string t = text_of(html);
  EXPECT_EQ(t.find("support us"), std::string::npos);
  EXPECT_NE(t.find("The committee met on Tuesday"), std::string::npos);
}

TEST(Cascade, ANoteForReadersWithoutScriptsLeavesTheChosenText) {
  // A page tells readers whose browser runs no scripts how to turn them on;
  // the note lands in the chosen text when the page prints it there.
  std::string html = std::string("<html><body><div class='page'><p>Please note that "
                                 "JavaScript is turned off in your web browser. To use this site, "
                                 "turn it on and refresh the page.</p>") +
                     kArticle + "<p>This slideshow requires JavaScript.</p></div></body></html>";
  std::string t = text_of(html);
  EXPECT_FALSE(contains(t, "turned off"));
  EXPECT_FALSE(contains(t, "slideshow"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
}

TEST(Cascade, AConsentBannersOpeningMarksItWhateverItsLength) {
  // A consent banner printed inside the page's text, under no telling class,
  // is known by how it opens, even when it goes on for a few sentences.
  std::string html = std::string("<html><body><div class='page'>") + kArticle +
                     "<p>We use cookies on our website to give you the most relevant experience by "
                     "remembering your preferences and repeat visits. By clicking Accept, you "
                     "consent to the use of all the cookies.</p></div></body></html>";
  std::string t = text_of(html);
  EXPECT_FALSE(contains(t, "relevant experience"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
}

TEST(Cascade, StageNames) {
  EXPECT_EQ(saring::extract::to_string(Stage::main), "main");
  EXPECT_EQ(saring::extract::to_string(Stage::wider), "wider");
  EXPECT_EQ(saring::extract::to_string(Stage::body), "body");
}

const char* kTable =
    "<table><tr><th>City</th><th>Population</th></tr>"
    "<tr><td>Bandung</td><td>2.5 million</td></tr>"
    "<tr><td>Surabaya</td><td>2.9 million</td></tr></table>";

TEST(Tables, DataTableBecomesRows) {
  Content c = extract(page("<div class='post'>" + std::string(kArticle) + kTable + "</div>"));
  const saring::extract::Block* table = nullptr;
  for (const auto& b : c.blocks) {
    if (b.kind == BlockKind::table) table = &b;
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[1][0], "Bandung");
  EXPECT_EQ(table->rows[2][1], "2.9 million");
  std::string md = saring::extract::render_markdown(c);
  EXPECT_TRUE(contains(md, "| City | Population |\n| --- | --- |\n| Bandung | 2.5 million |"));
}

TEST(Tables, ExcludedOnRequest) {
  ExtractOptions o;
  o.include_tables = false;
  std::string t = text_of(page("<div class='post'>" + std::string(kArticle) + kTable + "</div>"), o);
  EXPECT_TRUE(contains(t, "committee"));
  EXPECT_FALSE(contains(t, "Bandung"));
}

TEST(Tables, LayoutTableIsWalkedAsText) {
  // A table used for page layout: its cell holds the article's paragraphs.
  std::string html = page("<table><tr><td><a href='/'>Menu</a></td><td>" + std::string(kArticle) +
                          "</td></tr></table>");
  Content c = extract(html);
  for (const auto& b : c.blocks) EXPECT_NE(b.kind, BlockKind::table);
  std::string t = saring::extract::render_text(c);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "\n\nSeveral members argued"));
}

TEST(Scripts, ChineseParagraphsWithoutSpacesAreMainContent) {
  // Whitespace word counts would call each of these one word long.
  std::string html = page(
      "<div class='nav'><a href='/'>首页</a><a href='/n'>新闻</a></div>"
      "<div class='article'><p>市政府今天宣布，将在明年春天之前完成全市所有老旧小区的电梯加装工作，惠及超过十万户居民。</p>"
      "<p>负责人表示，资金将由政府补贴和居民自筹两部分组成，具体方案将在下个月公布并征求意见。</p>"
      "<p>不少居民对此表示欢迎，认为这将极大方便老年人的日常出行。</p></div>"
      "<div class='links'><a href='/1'>相关新闻一</a><a href='/2'>相关新闻二</a></div>");
  Content c = extract(html);
  EXPECT_EQ(c.stage, Stage::main);
  std::string t = saring::extract::render_text(c);
  EXPECT_TRUE(contains(t, "市政府今天宣布"));
  EXPECT_TRUE(contains(t, "不少居民"));
  EXPECT_FALSE(contains(t, "相关新闻"));
  EXPECT_GT(saring::text::count_words(t), 60u);
}

TEST(Scripts, ThaiTextIsKept) {
  std::string html = page(
      "<div class='content'><p>กรมอุตุนิยมวิทยาประกาศเตือนให้ประชาชนในภาคใต้เตรียมรับมือกับฝนตกหนักในช่วงสุดสัปดาห์นี้</p>"
      "<p>เจ้าหน้าที่แนะนำให้ผู้ที่อาศัยอยู่ในพื้นที่ลุ่มต่ำติดตามข่าวสารอย่างใกล้ชิดและเตรียมสิ่งของจำเป็นไว้ให้พร้อม</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "กรมอุตุนิยมวิทยา"));
  EXPECT_TRUE(contains(t, "เจ้าหน้าที่แนะนำ"));
}

TEST(Options, LinksImagesAndFormatting) {
  std::string html = page(
      "<div class='post'><p>The <b>committee</b> published <a href='https://example.org/plan'>the "
      "plan</a> on its website, with a summary of every proposed change to the budget.</p>"
      "<img src='/chart.png' alt='Budget chart'>" + std::string(kArticle) + "</div>");
  std::string plain = saring::extract::render_markdown(extract(html));
  EXPECT_TRUE(contains(plain, "The committee published the plan on its website"));
  EXPECT_FALSE(contains(plain, "]("));

  ExtractOptions o;
  o.include_links = true;
  o.include_images = true;
  o.include_formatting = true;
  Content c = extract(html, o);
  std::string md = saring::extract::render_markdown(c);
  EXPECT_TRUE(contains(md, "[the plan](https://example.org/plan)"));
  EXPECT_TRUE(contains(md, "**committee**"));
  EXPECT_TRUE(contains(md, "![Budget chart](/chart.png)"));
  // Images are not part of the plain text rendering.
  EXPECT_FALSE(contains(saring::extract::render_text(c), "chart.png"));
}

TEST(Options, CommentsOnlyWhenAsked) {
  std::string html = page(
      "<article class='post'>" + std::string(kArticle) + "</article>"
      "<div id='comments' class='comments'><div class='comment'><p>I disagree with the "
      "council's decision on the library funding entirely.</p></div></div>");
  Content without = extract(html);
  EXPECT_TRUE(without.comments.empty());
  EXPECT_FALSE(contains(saring::extract::render_text(without), "I disagree"));
  ExtractOptions o;
  o.include_comments = true;
  Content with = extract(html, o);
  ASSERT_FALSE(with.comments.empty());
  EXPECT_EQ(with.comments[0].kind, BlockKind::comment);
  EXPECT_TRUE(contains(saring::extract::render_text(with), "I disagree"));
}

TEST(Prune, CustomerReviewsAreCommentsOfAShop) {
  // A product's description, then a review widget holding more prose than
  // the description: the reviews are the shop's comments, not its text.
  std::string reviews;
  for (int i = 0; i < 4; ++i) {
    reviews += "<div class='review'><b>Great value</b><p>I have bought this coffee for months now "
               "and every bag has been fresh, with a fruity smell and a sweet finish that my whole "
               "family enjoys in the morning, so I will order again. Review number " +
               std::to_string(i) + ".</p></div>";
  }
  std::string html = page(
      "<div class='product-description'><p>Hand-picked, washed and sun-dried beans from the "
      "highlands, roasted slowly in small batches for a mild cup with notes of red berries and "
      "citrus.</p><p>Every coffee we sell is certified organic and bought directly from the "
      "farmers' cooperative at a fair price.</p></div>"
      "<div id='product-reviews' class='customer-reviews'>" + reviews + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Hand-picked, washed and sun-dried beans"));
  EXPECT_FALSE(contains(t, "Review number"));
  ExtractOptions o;
  o.include_comments = true;
  EXPECT_TRUE(contains(saring::extract::render_text(extract(html, o)), "Review number 3"));
}

TEST(Prune, SearchResultsAreNotASearchBox) {
  // "search" names a search box (pruned) and, on a shop's category page, the
  // wrapper of the results grid, which holds the page's cards.
  std::string cards;
  for (int i = 0; i < 12; ++i) {
    std::string n = std::to_string(i);
    cards += "<li><a href='/p/" + n + "'>Dome tent model " + n + "</a><div>$" + n +
             "49.00, sleeps four, three-season, peak height 60 in.</div></li>";
  }
  // The buying advice beside the grid keeps the wrapper under the share of
  // the page that would save any subtree.
  std::string html = page(
      "<div class='search-form'><label>Search the shop</label><a href='/s'>Go</a></div>"
      "<div id='search-page-wrapper'><h1>Camping tents</h1><ul>" + cards + "</ul></div>"
      "<div class='advice'>" + std::string(kArticle) + std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Dome tent model 11"));
  EXPECT_TRUE(contains(t, "sleeps four"));
  EXPECT_FALSE(contains(t, "Search the shop"));
  const auto& v = saring::extract::vocabulary();
  EXPECT_TRUE(v.analyze("search-page-wrapper", "").weak);
  EXPECT_FALSE(v.analyze("search-sidebar", "").weak);  // "sidebar" is furniture of its own
}

TEST(Prune, JumpTargetsAreNotSkipLinks) {
  // "skip" names the link that jumps past the menu (pruned) and, on a long
  // guide, the sections that a table of contents jumps to.
  std::string sections;
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    sections += "<div class='skip-item' id='topic" + n + "'><h2>Step " + n +
                ": pitch the tent</h2><p>Clear the ground of stones and sticks, lay the "
                "footprint flat with its shiny side up, and spread the tent over it so the "
                "door faces away from the wind. Push each pole through its sleeve, bend it "
                "into the grommets at the corners, and clip the body to the frame before you "
                "stake the corners at an angle, pulling the floor tight. Marker " + n +
                ".</p></div>";
  }
  std::string html = page("<a class='skip-link' href='#main'>Skip to main content</a>"
                          "<div class='guide'>" + std::string(kArticle) + sections +
                          std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Marker 0."));
  EXPECT_TRUE(contains(t, "Marker 3."));
  EXPECT_FALSE(contains(t, "Skip to main content"));
  EXPECT_TRUE(saring::extract::vocabulary().analyze("skip-item", "").weak);
}

TEST(Prune, ASectionHeaderWithItsIntroductionIsText) {
  // A site's "header" bar holds a few words (pruned); a category page's
  // "browse-header" holds its title and the introduction under it.
  std::string html = page(
      "<div class='site-header'><a href='/'>Outdoor Shop</a> <a href='/cart'>Cart</a></div>"
      "<div class='catalog'><div class='browse-header'><h1>Tents</h1><p>A good tent keeps you "
      "dry and warm through a night of wind and rain, packs small enough to carry for a week, "
      "and goes up in minutes when you arrive late at camp. Our buyers test every model we sell "
      "in the hills before it reaches the shop, and their notes on weight, space and weather "
      "are beside each one. Intro marker.</p></div>" + std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Intro marker."));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Outdoor Shop"));
}

TEST(Prune, ARowOfCardsInABoilerplateBoxIsNotProse) {
  // Link-free prose keeps a box however it is named, unless the prose is a
  // row of items of one class: three story cards in a sidebar.
  std::string article;
  for (int i = 0; i < 6; ++i) {
    article +=
        "<p>The committee met on Tuesday to discuss the new budget, which includes funding "
        "for schools, roads and the public library system.</p><p>Several members argued that "
        "the proposed tax increase would fall hardest on small businesses, while others said "
        "it was overdue and that the schools had waited long enough for the repairs they were "
        "promised.</p><p>A final vote is expected next month, after a public hearing at which "
        "residents will be able to give their views on every part of the plan.</p>";
  }
  const std::string teaser =
      "A long teaser that sums up another story of the site in a couple of sentences, about "
      "the harbour, the ferries and the people who run them through the winter months, when "
      "the storms close the roads and the town waits for the morning boat to bring the post.";
  std::string cards;
  for (int i = 0; i < 3; ++i) {
    cards += "<div class='story-card'><h3>Story " + std::to_string(i) + "</h3><p>" + teaser +
             " Card marker " + std::to_string(i) + ".</p></div>";
  }
  std::string t = text_of(page("<div class='story'>" + article +
                               "</div><div class='sidebar'><div class='inner'>" + cards +
                               "</div></div>"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Card marker"));
  // The same words as paragraphs of one box stay text.
  std::string prose = "<p>" + teaser + "</p><p>" + teaser + "</p><p>" + teaser +
                      "</p><p>Prose marker: " + teaser + "</p>";
  t = text_of(page("<div class='story'>" + article +
                   "</div><div class='sidebar'><div class='inner'>" + prose + "</div></div>"));
  EXPECT_TRUE(contains(t, "Prose marker"));
}

TEST(Prune, ACardsHeaderHoldsItsTitle) {
  // A job board: every card opens with a "listing__header" holding the
  // job's title and its age. A class that many elements share names a part
  // of each card, not the site's header; a card header of plain labels
  // (no heading, no link) still goes.
  std::string cards;
  for (int i = 0; i < 6; ++i) {
    std::string n = std::to_string(i);
    cards += "<li class='listing'><div class='listing__header'><h3>Night nurse post " + n +
             "</h3><span>" + n + "d</span></div><p>Full time, ward " + n + "</p></li>";
  }
  std::string labels;
  for (int i = 0; i < 4; ++i)
    labels += "<div class='badge-header'><span>Since 19" + std::to_string(i) + "0</span></div>";
  std::string html = page("<div class='site-header'><a href='/'>Care Jobs</a></div>"
                          "<div class='board'>" + std::string(kArticle) + "<ul>" + cards + "</ul>" +
                          labels + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Night nurse post 0"));
  EXPECT_TRUE(contains(t, "Night nurse post 5"));
  EXPECT_FALSE(contains(t, "Care Jobs"));
  EXPECT_FALSE(contains(t, "Since 1930"));
}

TEST(Prune, AnIdThatSpellsItsHeadingNamesTheTopic) {
  // A manual's sections carry the slug of their heading as id: "cookies" over
  // "Cookies", "s-about-responses" over "About Responses". The words name what
  // the section explains, not a consent box or the comments.
  auto section = [](const std::string& id, const std::string& heading,
                    const std::string& marker) {
    return "<section id='" + id + "'><span id='anchor-" + id + "'></span><h2>" + heading +
           "<a class='headerlink' href='#" + id + "'>\u00b6</a></h2><p>The request object "
           "carries what the client sent, and the framework turns the value a view returns "
           "into the reply, setting its status and headers for you. " + marker + "</p></section>";
  };
  std::string html = page(
      "<div id='cookies'><p>We use cookies to give you the best experience.</p></div>"
      "<div class='document'><h1>Quickstart</h1>" + std::string(kArticle) +
      section("cookies", "Cookies", "Marker one.") +
      section("s-about-responses", "About Responses", "Marker two.") +
      std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Marker one."));
  EXPECT_TRUE(contains(t, "Marker two."));
  EXPECT_FALSE(contains(t, "best experience"));  // no heading: a consent box
}

TEST(Prune, AHeadingsOwnIdSpellsIt) {
  // A heading carries its own slug: "h-social-benefits" on "Social Benefits"
  // names the topic, not the share buttons.
  std::string html = page("<article><h1>Why we garden</h1>" + std::string(kArticle) +
                          "<h3 id='h-social-benefits'>Social Benefits</h3><p>Neighbours who "
                          "share a plot meet every week, swap seeds and advice, and look after "
                          "each other's beds through the summer holidays.</p></article>"
                          "<div id='social'><h3>Social links</h3></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Social Benefits"));
  EXPECT_FALSE(contains(t, "Social links"));
}

TEST(Prune, AnAccordionMarkedAsATabListKeepsItsPanels) {
  // role="tablist" names a tab bar, a few labels (pruned); an accordion of
  // questions so marked up holds its answers too.
  std::string panels;
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    panels += "<div class='card'><h3>Question " + n + ": do I need any experience?</h3>"
              "<p>No. The course starts from the basics and explains every term as it "
              "comes. Answer " + n + ".</p></div>";
  }
  std::string html = page(
      "<ul role='tablist'><li>Overview</li><li>Syllabus</li><li>Reviews</li></ul>"
      "<div class='course'>" + std::string(kArticle) + "<div id='questions' role='tablist'>" +
      panels + "</div>" + std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Answer 0."));
  EXPECT_TRUE(contains(t, "Answer 3."));
  EXPECT_FALSE(contains(t, "Syllabus"));
}

TEST(Prune, AFootersLegalNotesAreNotTheText) {
  // A shop's <footer> may hold long paragraphs of fine print (financing
  // terms, trade-in conditions) rivalling the product's own prose; its tag
  // says what it is, and no amount of prose inside it makes it the text.
  std::string description;
  std::string notes;
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    description += "<p>The desk rises from sitting to standing height in a few seconds, its "
                   "two quiet motors lifting a full load of monitors and books while the frame "
                   "stays steady on any floor. Description " + n + ".</p>";
    notes += "<p>Financing is available to qualified customers, subject to credit approval "
             "and a credit limit; terms vary by product, and taxes and shipping are charged "
             "at the card's own rate of interest. Note " + n + ".</p>";
  }
  std::string html = page("<div class='product'><h1>Standing desk</h1>" + description +
                          "</div><footer class='globalfooter'>" + notes +
                          "<a href='/contact'>Contact</a></footer>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Description 0."));
  EXPECT_TRUE(contains(t, "Description 2."));
  EXPECT_FALSE(contains(t, "Note 0."));
  EXPECT_FALSE(contains(t, "Note 2."));
  // Nor when the fine print is most of the page's words.
  std::string more_notes = notes + notes + notes;
  t = text_of(page("<div class='product'><h1>Standing desk</h1>" + description +
                   "</div><footer class='globalfooter'>" + more_notes + "</footer>"));
  EXPECT_TRUE(contains(t, "Description 0."));
  EXPECT_FALSE(contains(t, "Note 0."));
}

TEST(Prune, ADialogIsNotThePageHoweverLong) {
  // A shop prints its terms of service into a dialog that a footer link
  // opens: the dialog holds most of the page's words, yet it is a box over
  // the page, not its text.
  std::string terms;
  for (int i = 0; i < 8; ++i) {
    terms += "<p>These terms govern your use of the platform and the products you buy from "
             "it; by placing an order you accept them, and we may change them at any time by "
             "posting a new version here. Clause " + std::to_string(i) + ".</p>";
  }
  std::string html = page("<div class='collection'><h1>Everyday shoes</h1>" +
                          std::string(kArticle) + "</div><div id='modal-terms-of-service' "
                          "role='dialog' aria-modal='true'><h2>Terms of service</h2>" + terms +
                          "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Clause 0."));
  EXPECT_FALSE(contains(t, "Clause 7."));
}

TEST(Prune, ADisclaimerIsFinePrintHoweverMuchProseItHolds) {
  // A bank's offer page closes with a disclaimer of several long paragraphs:
  // prose by its shape, fine print by its name.
  std::string fine;
  for (int i = 0; i < 4; ++i) {
    fine += "<p>Investing involves risk, including the possible loss of the money you put in; "
            "past performance does not guarantee future results, and the fee waiver applies "
            "only to accounts opened with the offer code during the promotional period. "
            "Fine print " + std::to_string(i) + ".</p>";
  }
  std::string html = page("<div class='offer'>" + std::string(kArticle) + kArticle +
                          "</div><div class='disclaimer'>" + fine + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Fine print 0."));
  EXPECT_FALSE(contains(t, "Fine print 3."));
}

TEST(Prune, AHiddenPanelThatAButtonOpensIsContent) {
  // The button names the panel it opens (aria-controls); the panel is hidden
  // until then, as a tab or an accordion is. A hidden block no control opens
  // stays out.
  std::string html = page(
      "<div class='guide'>" + std::string(kArticle) +
      "<button aria-controls='q1-body' aria-expanded='false'>When can I retire?</button>"
      "<div id='q1-body' aria-hidden='true'><p>Most plans let you draw from the age of "
      "fifty-five, though the state pension comes later. Panel marker.</p></div>"
      "<div id='promo-body' aria-hidden='true'><p>Open an account today and get a bonus "
      "on every deposit you make this year.</p></div>" +
      std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Panel marker."));
  EXPECT_FALSE(contains(t, "Open an account today"));
}

TEST(Prune, AnAccordionsQuestionIsAButtonInAHeading) {
  // The question of an accordion item is the button that opens its answer
  // (<button> or role="button"), inside a heading: its words are the
  // heading's. A button elsewhere is a control, and goes.
  std::string html = page(
      "<div class='guide'>" + std::string(kArticle) +
      "<h3><button aria-controls='q1-body'>When can I retire?</button></h3>"
      "<div id='q1-body' hidden><p>Most plans let you draw from the age of fifty-five, though "
      "the state pension comes later, and each year you wait adds to it.</p></div>"
      "<h3><a role='button' href='#q2-body'>Can I work while retired?</a></h3>"
      "<div id='q2-body'><p>You can, and the pension is paid whatever you earn, though the "
      "tax on both together may be higher than you expect.</p></div>"
      "<button>Show all questions</button>" + std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "When can I retire?"));
  EXPECT_TRUE(contains(t, "Can I work while retired?"));
  EXPECT_TRUE(contains(t, "state pension comes later"));
  EXPECT_FALSE(contains(t, "Show all questions"));
}

TEST(Prune, APopoverIsNotThePage) {
  // A shop preloads the boxes that open over its product page: a quick view
  // repeating the description, a form to report a lower price.
  std::string html = page(
      "<div class='product'><h1>Trail tent</h1>" + std::string(kArticle) +
      "<div class='popover-preload'><h3>Found a lower price?</h3><p>Let us know where you "
      "saw it, and we will look at it and match it if we can.</p></div></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Found a lower price?"));
}

TEST(Prune, APostersSignatureIsNotThePost) {
  // A forum poster's signature follows every post they write.
  std::string html = page(
      "<div class='thread'><div class='post'>" + std::string(kArticle) +
      "<div class='post-signature'><p>Design should be simple, and so should a signature "
      "that runs under every post.</p></div></div></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Design should be simple"));
}

TEST(Prune, AWritersBoxNamedByItsPluginIsNotTheText) {
  // A blogging plugin closes each post with the writer's photo, name and
  // biography in a box whose class names the plugin, not an author.
  std::string html = page(
      "<article class='post'>" + std::string(kArticle) +
      "<div class='saboxplugin-wrap'><div class='saboxplugin-desc'><p>Jane Roe is the owner of "
      "a small bakery and has written about bread and pastry for twelve years.</p></div></div>"
      "</article>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Jane Roe is the owner"));
}

TEST(Prune, TheHeroIsThePagesOpening) {
  // A service page opens with a "hero": its headline and introduction, in a
  // <header> or a block named a banner. The site's header and a sign-up
  // overlay named a hero too stay out.
  std::string html = page(
      "<header class='site-header'><a href='/'>Home</a> <a href='/about'>About us</a></header>"
      "<main><header class='page-hero'><h1>Garden design</h1><p>We plan and plant gardens that "
      "look after themselves. Hero marker one.</p></header>"
      "<div class='hero-banner__text'><p>Free visit and quote within the week. Hero marker "
      "two.</p></div>"
      "<div class='modal hero'><p>Sign up for our newsletter today.</p></div>"
      "<div class='assets-heroBanner'><p>A legacy of bold design. Hero marker three.</p></div>"
      "<div class='services'>" + std::string(kArticle) + "</div></main>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Hero marker one."));
  EXPECT_TRUE(contains(t, "Hero marker two."));
  EXPECT_TRUE(contains(t, "Hero marker three."));  // the two words glued
  EXPECT_FALSE(contains(t, "About us"));
  EXPECT_FALSE(contains(t, "Sign up for our newsletter"));
}

TEST(Prune, ASectionsHeaderIsText) {
  // Inside an article, a <header> without the page's headline heads a part
  // of the text: an accordion item's question, a section's introduction. The
  // article's own header (with the <h1>) and a post header made of links
  // (author, date, permalink) stay out.
  std::string html = page(
      "<article><header><h1>Leasing a car</h1><p>By Jane Roe, 3 May</p></header>"
      "<section><header><p>Most leases run for three years and end with the car going back "
      "to the dealer. Section marker.</p></header>" + std::string(kArticle) + "</section>"
      "<ul class='faq'><li><header><h3>What happens at the end of the lease?</h3></header>"
      "<p>You hand the car back, or buy it at the price the contract names.</p></li></ul>"
      "<article><header><ul><li><a href='#r2'>Tuesday at 10:07 AM</a></li>"
      "<li><a href='#r2'>#2</a></li></ul></header><p>Thanks for the overview, it answered "
      "the questions I had about the mileage limit and about the fees at the end.</p></article>"
      "<p>The dealer may also charge for damage beyond normal wear, so have the car checked "
      "before you hand it back to avoid surprises on the final bill.</p></article>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Section marker."));
  EXPECT_TRUE(contains(t, "What happens at the end of the lease?"));
  EXPECT_FALSE(contains(t, "By Jane Roe"));
  EXPECT_FALSE(contains(t, "Tuesday at 10:07 AM"));
}

TEST(Cascade, ARecipeKeepsItsIngredientsBesideTheMethod) {
  // The method is the prose the choice takes; the ingredient list sits in
  // another column, inside a print area, and its names link to a shop.
  std::string items;
  for (const char* item : {"150 g flour", "125 g sugar", "4 eggs", "2 tbsp cocoa"}) {
    items += std::string("<li class='recipe-ingredients__item'><a href='/shop/x'>") + item +
             "</a></li>";
  }
  std::string html = page(
      "<div class='recipe'><div class='col-left print-area'><div class='recipe-ingredients "
      "print-links'><h4>Ingredients</h4><ul>" + items + "</ul></div></div>"
      "<div class='method'><p>Heat the oven to 180 degrees and grease a round tin with a little "
      "butter so that the cake comes out easily once it is baked.</p><p>Mix the flour with the "
      "cocoa, then beat in the sugar and the eggs until the batter is smooth and glossy, which "
      "takes about two minutes with a mixer.</p><p>Bake for thirty-five minutes in the lower "
      "third of the oven and let the cake cool on a rack before you cut it.</p></div></div>");
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string recipe = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::recipe));
  EXPECT_TRUE(contains(recipe, "Heat the oven to 180 degrees"));
  EXPECT_TRUE(contains(recipe, "- 150 g flour"));
  EXPECT_TRUE(contains(recipe, "- 2 tbsp cocoa"));
  EXPECT_LT(recipe.find("150 g flour"), recipe.find("Heat the oven"));  // in page order
  // Any other page keeps to the method.
  std::string other = saring::extract::render_text(saring::extract::extract_content(*doc, {}));
  EXPECT_FALSE(contains(other, "150 g flour"));
}

TEST(Options, StructureIsKept) {
  std::string html = page(
      "<div class='post'><h2>Key points</h2>" + std::string(kArticle) +
      "<ol><li>Schools get more money for teachers and buildings</li>"
      "<li>Roads are repaired across the whole district</li></ol>"
      "<blockquote><p>We have waited for this budget for a very long time.</p></blockquote>"
      "<pre>total = schools + roads</pre></div>");
  std::string md = saring::extract::render_markdown(extract(html));
  EXPECT_TRUE(contains(md, "## Key points"));
  EXPECT_TRUE(contains(md, "1. Schools get more money"));
  EXPECT_TRUE(contains(md, "2. Roads are repaired"));
  EXPECT_TRUE(contains(md, "> We have waited"));
  EXPECT_TRUE(contains(md, "```\ntotal = schools + roads\n```"));
}

TEST(Robustness, DeepNestingDoesNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += std::string(kArticle);
  for (int i = 0; i < 20000; ++i) html += "</div>";
  html += "</body></html>";
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "committee"));
}

TEST(Filter, HeadingsWithLinksToThemselvesAreKept) {
  // The anchor a reference page puts on each heading is not a link away;
  // a heading that links elsewhere, alone in the text, is a teaser.
  std::string html = page(
      "<article>" + std::string(kArticle) +
      "<h2 id='usage'><a class='anchor' href='#usage'>Usage notes</a></h2>"
      "<p>Members may ask for a recount within three days of the vote, in writing, to the clerk.</p>" +
      "<h2><a href='/other-story'>Another story from the archive</a></h2></article>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Usage notes"));
  EXPECT_FALSE(contains(t, "Another story from the archive"));
}

TEST(Filter, DefinitionTermsThatAreLinksStayInsideTheText) {
  // API references name each member in a <dt> linking to its own page.
  std::string html = page(
      "<article>" + std::string(kArticle) +
      "<dl><dt><a href='/api/send'><code>Socket.send()</code></a></dt>"
      "<dd><p>Queues the data to be sent to the server over the open connection.</p></dd>"
      "<dt><a href='/api/close'><code>Socket.shutdown()</code></a></dt>"
      "<dd><p>Ends the connection once the queued data has been sent to the server.</p></dd></dl>" +
      kArticle + "</article>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Socket.send()"));
  EXPECT_TRUE(contains(t, "Socket.shutdown()"));
  EXPECT_TRUE(contains(t, "Queues the data"));
}

TEST(Filter, CardNamesThatAreLinksStay) {
  // A shop's grid: each card is its product's name, a link to its page, then
  // its price and rating. Pairs like these, repeated, are the content.
  std::string cards;
  for (int i = 0; i < 8; ++i) {
    std::string n = std::to_string(i);
    cards += "<div class='card'><div><a href='/p/" + n + "'>Trail tent model " + n +
             "</a></div><div>$" + n + "99.00, rated 4.5 of 5 by " + n + "0 buyers</div></div>";
  }
  std::string t = text_of(page("<div class='grid'>" + cards + "</div>"));
  EXPECT_TRUE(contains(t, "Trail tent model 0"));
  EXPECT_TRUE(contains(t, "Trail tent model 7"));
  EXPECT_TRUE(contains(t, "$799.00"));
}

TEST(Filter, CardsWithManyLinesAreStillAGrid) {
  // Each card of a clothing shop's grid has its name, a link, then five short
  // lines of its own (a badge, the fit, the colour, the price, a discount):
  // its names are a sixth of the blocks, yet the cards are all of them.
  std::string cards;
  for (int i = 0; i < 10; ++i) {
    std::string n = std::to_string(i);
    cards += "<article class='product-card'><a href='/p/" + n + "'><h4>Training shirt model " +
             n + "</h4></a><p>new</p><p>slim fit " + n + "</p><p>colour " + n +
             "</p><p>$3" + n + "</p><p>" + n + "0% off</p></article>";
  }
  std::string t = text_of(page("<div class='grid'>" + cards + "</div>"));
  EXPECT_TRUE(contains(t, "Training shirt model 0"));
  EXPECT_TRUE(contains(t, "Training shirt model 9"));
  EXPECT_TRUE(contains(t, "slim fit 9"));
}

TEST(Filter, AFewTeasersAfterAnArticleAreNotCards) {
  // The same pattern, a few times after a long text, is a "recommended" box.
  std::string teasers;
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    teasers += "<div><a href='/s/" + n + "'>Another story number " + n + "</a></div><div>12.0" + n +
               ".2020</div>";
  }
  std::string t = text_of(page("<article>" + std::string(kArticle) + kArticle + kArticle + kArticle +
                               kArticle + teasers + "</article>"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Another story number 0"));
}

TEST(Cascade, AGridOfCardsBesideTheChosenTextIsThePage) {
  // A shop's category page: a few paragraphs of buying advice (what the
  // choice, made for prose, takes) and beside them the grid of products.
  std::string cards;
  for (int i = 0; i < 24; ++i) {
    std::string n = std::to_string(i);
    cards += "<li class='tile'><div><a href='/p/" + n + "'>Camping tent model " + n +
             "</a></div><div>$" + n + "49.00, sleeps " + n + " people</div></li>";
  }
  std::string html = page("<div class='results'><ul>" + cards + "</ul></div><div class='advice'>" +
                          std::string(kArticle) + "</div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Camping tent model 0"));
  EXPECT_TRUE(contains(t, "Camping tent model 23"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  // A page that says it is an article keeps to its text.
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string a = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article));
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "Camping tent model 0"));
}

TEST(Filter, TeasersCutShortAreOtherStoriesOnAnArticle) {
  // A ticker of other stories above the article: each item's excerpt is cut
  // short. On an article they go with their heading; on a page that does not
  // say what it is (a listing of excerpts) they stay.
  std::string ticker = "<h2>Breaking News</h2><ul>";
  for (int i = 0; i < 4; ++i) {
    ticker += "<li>Council story number " + std::to_string(i) +
              " NEW DELHI: the council said on Wednesday that the plan would be put to a vote "
              "before the end of the...</li>";
  }
  ticker += "</ul>";
  std::string html = page("<div class='story'>" + ticker + std::string(kArticle) + "</div>");
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string a = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article));
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "Council story number"));
  EXPECT_FALSE(contains(a, "Breaking News"));
  std::string other = saring::extract::render_text(saring::extract::extract_content(*doc, {}));
  EXPECT_TRUE(contains(other, "Council story number 3"));
  // Two cut-short items are not yet a run.
  std::string two = "<ul><li>One item that trails off into...</li><li>Another one that "
                    "trails off into...</li></ul>";
  auto doc2 = saring::html::parse(page("<div class='story'>" + std::string(kArticle) + two + "</div>"));
  ASSERT_TRUE(doc2.ok());
  EXPECT_TRUE(contains(saring::extract::render_text(saring::extract::extract_content(
                           *doc2, {}, saring::extract::PageKind::article)),
                       "Another one that trails off into..."));
}

TEST(Filter, ExcerptsCutShortLateInTheTextAreOtherPosts) {
  // Cards of other posts under the text: a linked title (the link filter
  // takes it), an excerpt cut short, a date. Three such excerpts in the
  // closing half of the text go, on any page; at the top they stay.
  std::string cards;
  for (const char* topic : {"gardens", "bridges", "markets"}) {
    cards += std::string("<div class='card'><h3><a href='/") + topic + "'>More on " + topic +
             "</a></h3><div class='card-excerpt'>A look at how the town's " + topic +
             " were planned, who paid for the work and what the neighbours thought of it "
             "when it...</div><div>Mar 6, 2026</div></div>";
  }
  const std::string more =
      "<p>The library board will present its own figures at the hearing, and the mayor has "
      "said she expects the debate to run late into the evening.</p>";
  std::string late = text_of(page("<div class='story'>" + std::string(kArticle) + more + cards +
                                  "</div>"));
  EXPECT_TRUE(contains(late, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(late, "run late into the evening"));
  EXPECT_FALSE(contains(late, "town's gardens"));
  EXPECT_FALSE(contains(late, "town's markets"));
  std::string early = text_of(page("<div class='story'>" + cards + std::string(kArticle) + more +
                                   "</div>"));
  EXPECT_TRUE(contains(early, "town's gardens"));
  // Short replies that trail off are not excerpts.
  std::string replies;
  for (const char* who : {"anna", "ben", "carl"}) {
    replies += std::string("<p>Asked ") + who + "</p><p>Well, I am not so sure about " + who +
               "'s idea...</p>";
  }
  std::string thread = text_of(page("<div class='story'>" + std::string(kArticle) + more +
                                    replies + "</div>"));
  EXPECT_TRUE(contains(thread, "not so sure about carl's idea"));
}

TEST(Filter, ACopyrightNoticeNearTheEndClosesTheText) {
  // A long notice (over the short-line limit) and the trademark lines after
  // it are the footer; a notice-like line early in the text is not cut at.
  std::string html = page(
      "<div class='story'>" + std::string(kArticle) +
      "<p>The mayor said after the meeting that she would not sign a budget that closed the "
      "library branch near the station, and that the council should find the money elsewhere, "
      "perhaps by delaying the new car park on the market square for another year.</p>"
      "<p>Residents who spoke to us were divided: some want the roads repaired first, others "
      "say the schools have waited longest, and a few asked why the hearing was held on a "
      "weekday evening when many of them work late.</p>"
      "<p>\xC2\xA9 2019 Example Media, LLC. All rights reserved. Example Media is the owner of the "
      "Example trademarks, and all related designs, trademarks, copyrights, and other intellectual "
      "property of the company.</p><p>Apple logo and App Store are trademarks of Apple Inc.</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "A final vote is expected next month"));
  EXPECT_FALSE(contains(t, "Example Media"));
  EXPECT_FALSE(contains(t, "Apple logo"));
  std::string early = text_of(page(
      "<div class='story'><p>Copyright 2020 rules were the subject of the first hearing, where the "
      "committee heard from publishers, authors and libraries about the new terms.</p>" +
      std::string(kArticle) + "</div>"));
  EXPECT_TRUE(contains(early, "Copyright 2020 rules were the subject"));
  EXPECT_TRUE(contains(early, "A final vote is expected next month"));
}

TEST(Filter, AWritersLabelLateInAnArticleOpensTheWritersBox) {
  // "Written by" after the article's text opens the box about the writer:
  // the label, the name and the biography go. The same label near the top
  // (a byline) cuts nothing, and a page that is not an article keeps the box.
  const std::string box =
      "<h3>Written by:</h3><p>Jane Roe</p>"
      "<p>Jane Roe has reported on city hall for twelve years and writes a weekly column "
      "about local government, housing and the people who keep the town running.</p>";
  auto read = [](const std::string& body, saring::extract::PageKind kind) {
    auto doc = saring::html::parse(page("<div class='story'>" + body + "</div>"));
    EXPECT_TRUE(doc.ok());
    return saring::extract::render_text(saring::extract::extract_content(*doc, {}, kind));
  };
  std::string late = read(std::string(kArticle) + box, saring::extract::PageKind::article);
  EXPECT_TRUE(contains(late, "A final vote is expected next month"));
  EXPECT_FALSE(contains(late, "Written by"));
  EXPECT_FALSE(contains(late, "has reported on city hall"));
  std::string early = read(box + std::string(kArticle), saring::extract::PageKind::article);
  EXPECT_TRUE(contains(early, "has reported on city hall"));
  EXPECT_TRUE(contains(early, "A final vote is expected next month"));
  std::string other = read(std::string(kArticle) + box, saring::extract::PageKind::unknown);
  EXPECT_TRUE(contains(other, "has reported on city hall"));
  // The label may carry the name, or open the biography's own line.
  std::string named = read(std::string(kArticle) +
                               "<p>Written by Jane Roe</p><p>Jane Roe has reported on city hall "
                               "for twelve years and writes a weekly column.</p>",
                           saring::extract::PageKind::article);
  EXPECT_FALSE(contains(named, "has reported on city hall"));
  std::string about = read(std::string(kArticle) +
                               "<p>About the author: Jane Roe has reported on city hall for "
                               "twelve years and writes a weekly column.</p>",
                           saring::extract::PageKind::article);
  EXPECT_FALSE(contains(about, "has reported on city hall"));
  // "About the author" alone is a boilerplate line: it opens the box late in
  // an article, and goes by itself elsewhere.
  const std::string about_box =
      "<h3>About the author</h3><p>Jane Roe has reported on city hall for twelve years and "
      "writes a weekly column about local government.</p>";
  std::string lone = read(std::string(kArticle) + about_box, saring::extract::PageKind::article);
  EXPECT_FALSE(contains(lone, "About the author"));
  EXPECT_FALSE(contains(lone, "has reported on city hall"));
  std::string lone_other = read(std::string(kArticle) + about_box, saring::extract::PageKind::unknown);
  EXPECT_FALSE(contains(lone_other, "About the author"));
  EXPECT_TRUE(contains(lone_other, "has reported on city hall"));
  // A sentence that starts like the label is the text.
  std::string sentence = read(std::string(kArticle) +
                                  "<p>Written by hand over many evenings, the letters from the "
                                  "council's first members are kept in the town archive.</p>",
                              saring::extract::PageKind::article);
  EXPECT_TRUE(contains(sentence, "Written by hand over many evenings"));
}

TEST(Filter, AHeadingThatBringsInOtherProductsOpensAStripOfCards) {
  // On a shop page, "Customers also bought" and the cards under it (names,
  // prices) go up to the next heading of its rank; the description after
  // it stays. An article keeps such a heading and what it introduces.
  const std::string shop =
      "<div class='product'><h1>Walnut Desk Lamp</h1>"
      "<p>A lamp turned from a single block of walnut, with a linen shade and a dimmer that "
      "keeps the light warm from the brightest setting down to a glow for reading at night.</p>"
      "<h2>Customers also bought</h2><h3>Brass Reading Lamp</h3><p>$89.00</p>"
      "<h3>Oak Side Table</h3><p>$149.00</p>"
      "<h2>Description</h2><p>Each lamp is turned by hand in our workshop, oiled three times "
      "and fitted with a braided cotton cord, a switch on the cord and a bulb that lasts.</p>"
      "</div>";
  auto read = [](const std::string& body, saring::extract::PageKind kind) {
    auto doc = saring::html::parse(page(body));
    EXPECT_TRUE(doc.ok());
    return saring::extract::render_text(saring::extract::extract_content(*doc, {}, kind));
  };
  std::string t = read(shop, saring::extract::PageKind::unknown);
  EXPECT_TRUE(contains(t, "A lamp turned from a single block of walnut"));
  EXPECT_FALSE(contains(t, "Customers also bought"));
  EXPECT_FALSE(contains(t, "Brass Reading Lamp"));
  EXPECT_FALSE(contains(t, "$149.00"));
  EXPECT_TRUE(contains(t, "Description"));
  EXPECT_TRUE(contains(t, "Each lamp is turned by hand"));
  std::string article = read(shop, saring::extract::PageKind::article);
  EXPECT_TRUE(contains(article, "Brass Reading Lamp"));
}

TEST(Filter, ADisclaimerInTheClosingHalfGoes) {
  // "Disclaimer:" or "Disclosure:" after half of the text is the site's
  // standing notice; the same paragraph at the top stays, and so does a
  // sentence that only starts with the word.
  const std::string notice =
      "<p>Disclosure: some links on this site are affiliate links, and we may earn a small "
      "commission when you buy through them.</p>";
  std::string late = text_of(page("<div class='story'>" + std::string(kArticle) + notice + "</div>"));
  EXPECT_TRUE(contains(late, "A final vote is expected next month"));
  EXPECT_FALSE(contains(late, "affiliate links"));
  std::string early = text_of(page("<div class='story'>" + notice + std::string(kArticle) + "</div>"));
  EXPECT_TRUE(contains(early, "affiliate links"));
  std::string sentence = text_of(page(
      "<div class='story'>" + std::string(kArticle) +
      "<p>Disclosure of the council's budget papers came only after a long appeal by residents "
      "who had asked for them.</p></div>"));
  EXPECT_TRUE(contains(sentence, "Disclosure of the council's budget papers"));
}

TEST(Cascade, APageThatIsNotAnArticleIsReadWider) {
  // The longest box holds about half of the page's text; two more boxes sit
  // between link lists in the other column. An article stops at its box; a
  // page that does not say it is one (a landing page, a forum thread) is
  // read from the ancestor that holds the rest.
  std::string links = "<ul>";
  for (int i = 0; i < 12; ++i) {
    links += "<li><a href='/s/" + std::to_string(i) + "'>Section link number " + std::to_string(i) +
             "</a></li>";
  }
  links += "</ul>";
  std::string html = page(
      "<div class='layout'><div class='col-a'><div class='story'>" + std::string(kArticle) +
      "</div></div><div class='col-b'>" + links +
      "<div class='box1'><div class='inner'><p>I went to the hearing last year and the clerk read "
      "every line of the plan aloud, which took most of the evening and left little time for "
      "questions, so most of us went home without saying a word about the roads or the "
      "schools.</p></div></div>" + links +
      "<div class='box2'><div class='inner'><p>The library money matters most to me, since the "
      "branch near the station has been closed on Mondays for two years now and nobody seems to "
      "care, even though the reading room there is full every other day of the week.</p></div>"
      "</div></div></div>");
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  Content other = saring::extract::extract_content(*doc, {});
  std::string t = saring::extract::render_text(other);
  EXPECT_NE(other.stage, Stage::main);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "The library money matters most"));
  Content article = saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article);
  std::string a = saring::extract::render_text(article);
  EXPECT_EQ(article.stage, Stage::main);
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "The library money matters most"));
}

TEST(Choose, ALevelOfLinkFreeLabelsDoesNotStopTheClimb) {
  // The story's box adds its heading and a line of labels, too little to
  // count as sections of its own; the level above adds the rest of the
  // story. The labels decide nothing: the climb goes on and gathers it.
  std::string body =
      "<div class='body'>" + std::string(kArticle) +
      "<p>The mayor said she would publish the full figures before the hearing so that every "
      "household could see what the plan would cost them in the coming year.</p>"
      "<p>Council staff will answer questions by telephone until the hearing, and the library "
      "will keep printed copies of the plan at every branch for anyone to read.</p>"
      "<p>Two members said they would vote against any plan that closed a library branch, and a "
      "third said she had not yet made up her mind about it.</p></div>";
  std::string labels =
      "<h2>Budget talks in the council chamber this week</h2>"
      "<div>Filed under Council Budget Schools Roads</div>"
      "<div>Reading time four minutes for this story</div>"
      "<div>Photographs by the council press office</div>";
  std::string more =
      "<div class='more'><p>Outside the chamber, a group of parents held a quiet vigil for the "
      "school funding, carrying signs and handing out leaflets to the members as they "
      "arrived.</p><p>Their spokesman said the group would return for the vote next month and "
      "would keep asking the council to protect the schools from any cuts at all.</p><p>Some of "
      "the parents had brought their children, who drew pictures of their classrooms on the "
      "pavement in coloured chalk while they waited.</p></div>";
  std::string t = text_of(page("<div class='page'><div class='story'>" + labels + body +
                               "</div>" + more + "</div>"));
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "a group of parents held a quiet vigil"));
}

TEST(Choose, AQuestionBesideItsAnswersIsGathered) {
  // A Q&A page: the question sits deep in its own box, beside its links and
  // the asker's card, so the level that adds it is no prose by share. Its
  // body has the class the answers' bodies share: it is a post too.
  std::string question =
      "<div class='question'><h1>How do I keep basil alive indoors?</h1>"
      "<div class='layout'><div class='cell'><div class='post-body'><p>My basil plant wilts a "
      "week after I bring it home from the shop, even though I water it every day and keep it "
      "on the kitchen window.</p><ul><li>a bigger pot</li><li>less water</li><li>more "
      "water</li><li>plant food</li><li>a sunny shelf</li></ul><p>What am I missing?</p>"
      "</div></div></div><div class='post-links'><a href='/q/1/share'>Share</a> "
      "<a href='/q/1/edit'>Improve this question</a> <a href='/q/1/follow'>Follow this "
      "question</a></div><div class='owner'>asked May 2, 2019 by <a href='/u/7'>green thumb "
      "seven</a> <a href='/u/7/rep'>1,234 reputation</a></div></div>";
  const char* replies[][3] = {
      {"Supermarket basil is several seedlings crowded into one pot, and they compete for water "
       "and light until they collapse, usually within a week or two of coming home from the shop.",
       "Split the clump into three or four pots with fresh compost, and water each of them well "
       "once after the move.",
       "Within a fortnight the separated plants stand up straight again and start putting out "
       "new leaves at the tips."},
      {"Water it only when the top of the soil is dry to the touch, and let the pot drain fully "
       "in the sink after every watering before you put it back on its saucer.",
       "Daily watering in a pot without holes rots the roots within a week or two, and the "
       "leaves droop as if it were dry.",
       "Lift the pot before you water: a light pot needs water, and a heavy one can wait another "
       "day or two."},
      {"A kitchen window is often too dim in winter, and basil wants six hours of direct sun "
       "every single day, which few windows give it between November and February.",
       "Move it to the brightest window you have, or give it a small grow light on a timer for "
       "the darker months.",
       "Pale, leggy stems reaching towards the glass are the sign that the light is not enough "
       "for it."},
      {"Cold drafts kill basil faster than anything else in a house, so keep it away from a "
       "window that is opened often and from the outside door in the hall.",
       "A spot that stays above fifteen degrees at night, away from the door and the fridge, "
       "suits it best.",
       "Mine sat next to the back door all winter and lost half its leaves before I moved it "
       "upstairs."}};
  std::string answers = "<div class='answers'>";
  for (const auto& r : replies) {
    answers += "<div class='answer'><div class='post-body'>";
    for (const char* p : r) answers += std::string("<p>") + p + "</p>";
    answers += "</div></div>";
  }
  answers += "</div>";
  std::string t = text_of("<html><head><title>Basil</title></head><body><div class='page'>"
                          "<div class='thread'>" + question + answers + "</div></div></body></html>");
  EXPECT_TRUE(contains(t, "My basil plant wilts a week after"));
  EXPECT_TRUE(contains(t, "Supermarket basil is several seedlings"));
}

TEST(Choose, ALandingPageIsGatheredThroughDeepWrappers) {
  // A page builder wraps the long section in ten boxes (each with a spacer,
  // so none is an only child); the feature boxes beside it hold headings and
  // short paragraphs. A page that does not say it is an article is gathered
  // from that far up; an article stops at eight levels and keeps its text
  // alone.
  std::string open, close;
  for (int i = 0; i < 10; ++i) {
    open += "<div class='wrap-" + std::to_string(i) + "'><div class='spacer'></div>";
    close += "</div>";
  }
  std::string story = std::string(kArticle) +
      "<p>We have cleaned gutters, roofs and chimneys in this town for thirty years, and most of "
      "our customers call us back every autumn before the first storms arrive.</p>"
      "<p>Every visit starts with a short inspection, after which we explain what needs doing, "
      "what can wait until spring and what it will cost, with no surprises on the bill.</p>"
      "<p>Our crews carry their own ladders, tarps and waste bags, so the garden stays clean and "
      "nothing is left behind on the lawn or in the flower beds when we drive away.</p>";
  std::string features =
      "<div class='feature'><h3>Fast setup</h3><p>Book online in two minutes and pick a morning "
      "or an afternoon slot that suits you.</p></div>"
      "<div class='feature'><h3>Fair prices</h3><p>The price we quote after the inspection is "
      "the price you pay, whatever we find up there.</p></div>"
      "<div class='feature'><h3>Friendly help</h3><p>Call our office any weekday and a person, "
      "not a machine, answers your questions.</p></div>"
      "<div class='feature'><h3>Tidy work</h3><p>We sweep the paths and the drive before we "
      "leave, and take every bag of leaves and moss away with us.</p></div>";
  std::string html = page("<div class='builder'>" + open + story + close +
                          "<div class='features'>" + features + "</div></div>");
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  Content other = saring::extract::extract_content(*doc, {});
  std::string t = saring::extract::render_text(other);
  EXPECT_EQ(other.stage, Stage::main);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "Friendly help"));
  EXPECT_TRUE(contains(t, "a person, not a machine"));
  Content article = saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article);
  std::string a = saring::extract::render_text(article);
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "a person, not a machine"));
}

TEST(Cascade, TextUnderAMisleadingNameIsFoundWhenNothingElseIs) {
  // The whole article sits in a box named like a sidebar; names alone
  // leave nothing, so the page is read again trusting only its tags.
  std::string html = page("<div class='sidebar_content'><div class='post'>" + std::string(kArticle) +
                          "</div></div><footer><div class='footer-links'><p>Privacy policy and "
                          "terms of use for every visitor of this site, all rights reserved "
                          "by the owners since the year it began.</p></div></footer>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(t, "Privacy policy"));
}

TEST(Cascade, AFooterAloneIsNotTakenForTheText) {
  // A page rendered by scripts: only its footer is in the HTML.
  std::string html = page("<div id='app'></div><footer><div class='footer-copyright'><p>Privacy "
                          "policy, terms of use, legal information and an imprint for consumers "
                          "of every country, with the notice that all rights are reserved by the "
                          "company since the year two thousand and ten.</p></div></footer>");
  EXPECT_FALSE(contains(text_of(html), "Privacy"));
}

TEST(Filter, AHeadingThatEndsTheTextAfterItsProseGoes) {
  // "Read next" over teasers the link filter removed: the heading is left
  // alone at the end. A heading with its own section stays.
  std::string teasers = "<h3>Read next</h3><ul><li><a href='/a'>Council approves the new bus "
                        "lanes downtown</a></li><li><a href='/b'>Library opens on Sundays</a></li></ul>";
  std::string t = text_of(page("<article>" + std::string(kArticle) + teasers + "</article>"));
  EXPECT_TRUE(contains(t, "public hearing"));
  EXPECT_FALSE(contains(t, "Read next"));
  std::string kept = text_of(page("<article>" + std::string(kArticle) +
                                  "<h3>Next steps</h3><p>Residents can comment until May.</p></article>"));
  EXPECT_TRUE(contains(kept, "Next steps"));
}

TEST(Choose, TheStandfirstInThePrunedHeaderGoesFirst) {
  std::string html = page(
      "<article><header class='article-header'><h1>Budget talks</h1>"
      "<p class='article-lead'>The council wants more money for schools and roads, and a vote "
      "is near.</p><span class='byline'>By A. Writer</span></header>"
      "<div class='article-body'>" + std::string(kArticle) + "</div></article>"
      "<aside><p class='intro'>Our newsletter brings you the news of the day, every day, for "
      "free.</p></aside>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The council wants more money"));
  EXPECT_LT(t.find("The council wants more money"), t.find("The committee met"));
  EXPECT_FALSE(contains(t, "By A. Writer"));
  EXPECT_FALSE(contains(t, "Our newsletter"));
}

TEST(Choose, ADescriptionAboveTheTextIntroducesItOnAPageThatIsNotAnArticle) {
  // A collection's header: its name and a description, pruned with the
  // header; the items follow.
  std::string html = page(
      "<main><header class='listing-header'><h1>Gas grills</h1>"
      "<p class='listing-description'>Find every gas grill we stock, from small balcony models "
      "to large family grills.</p></header><div class='products'>" +
      std::string(kArticle) + "</div></main>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Find every gas grill we stock"));
  EXPECT_LT(t.find("Find every gas grill"), t.find("The committee met"));
  // An article's description is no standfirst: its header stays out.
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string a = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article));
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "Find every gas grill"));
}

TEST(Choose, TheTitlesOwnIntroductionLeadsOnAPageThatIsNotAnArticle) {
  // A category's title and its sentence in a block of their own, away from
  // the chosen text and named like nothing.
  auto shop = [](const std::string& under_title) {
    std::string menu;
    for (const char* c : {"Desks", "Lamps", "Shelves", "Cabinets", "Stools", "Mats"}) {
      menu += std::string("<li><a href='/c'>") + c + " for the office</a></li>";
    }
    return page("<div class='top'><div class='inner'><h1>Office chairs</h1>" + under_title +
                "</div><ul class='categories'>" + menu +
                "</ul></div><div class='grid'><div class='content'>" + std::string(kArticle) +
                "</div><a href='/more'>More</a></div>");
  };
  std::string html = shop(
      "<div class='text'><p>Sit well through the working day with chairs for every desk.&nbsp;"
      "</p></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "Sit well through the working day"));
  EXPECT_LT(t.find("Sit well through"), t.find("The committee met"));
  // An article's block under its title is no introduction (its dek, its
  // byline), even when a standfirst by name is there but too short to lead.
  html = shop("<div class='text'><p>Sit well through the working day with chairs for every "
              "desk.</p></div><p class='standfirst'>Chairs, reviewed.</p>");
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string a = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article));
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "Sit well through"));
  // A line that does not end like a sentence (a writer and a date, a label) is not one either.
  t = text_of(shop("<div class='text'>By Alex Writer and Sam Author for the shop's own journal</div>"));
  EXPECT_FALSE(contains(t, "Alex Writer"));
  // A subtitle under the title needs no stop: a heading is no writer's line.
  t = text_of(shop("<h2>Chairs for every desk and every budget, made to last</h2>"));
  EXPECT_TRUE(contains(t, "Chairs for every desk and every budget"));
  // Nor is a block mostly of links.
  t = text_of(shop("<div class='text'><a href='/a'>Mesh chairs for the office and the</a> home, "
                   "in black.</div>"));
  EXPECT_FALSE(contains(t, "Mesh chairs"));
  // A stop before a closing quote, or a full-width one, ends a sentence too.
  t = text_of(shop("<p>\"Sit well through the working day with chairs for every desk.\"</p>"));
  EXPECT_TRUE(contains(t, "Sit well through"));
  t = text_of(shop("<p>\xE6\xAF\x8F\xE5\xA4\xA9 \xE5\xA5\xBD\xE5\x9C\xB0 \xE5\x9D\x90 "
                   "\xE7\x9D\x80 \xE5\xB7\xA5\xE4\xBD\x9C \xE7\x9A\x84 \xE6\xA4\x85\xE5\xAD\x90 "
                   "\xE5\x92\x8C \xE6\xA1\x8C\xE5\xAD\x90\xE3\x80\x82</p>"));
  EXPECT_TRUE(contains(t, "\xE6\xAF\x8F\xE5\xA4\xA9"));
  // Hidden text is never an introduction, nor a part of one.
  t = text_of(shop("<p style='display:none'>Sit well through the working day with chairs for every "
                   "desk.</p>"));
  EXPECT_FALSE(contains(t, "Sit well through"));
  t = text_of(shop("<p class='u-sr-only'>Sit well through the working day with chairs for every "
                   "desk.</p>"));
  EXPECT_FALSE(contains(t, "Sit well through"));
  t = text_of(shop("<p>Sit well through the working day with <a href='/d'>chairs<span "
                   "class='sr-only'> (opens in a new window)</span></a> for every desk.</p>"));
  EXPECT_TRUE(contains(t, "Sit well through"));
  EXPECT_FALSE(contains(t, "opens in a new window"));
}

TEST(Choose, ASiteNameLinkingHomeTitlesNoPage) {
  // A header's <h1> is the site's name, a link home, over its tagline: the
  // tagline introduces no category.
  std::string menu;
  for (const char* c : {"Desks", "Lamps", "Shelves", "Cabinets", "Stools", "Mats"}) {
    menu += std::string("<li><a href='/c'>") + c + " for the office</a></li>";
  }
  std::string t = text_of(page(
      "<div class='top'><div class='inner'><h1><a href='/'>Chair Depot</a></h1><p>Good chairs "
      "for good people, sold from our own workshop since long ago.</p></div><ul class='categories'>" +
      menu + "</ul></div><div class='grid'><div class='content'>" + std::string(kArticle) +
      "</div><a href='/more'>More</a></div>"));
  EXPECT_TRUE(contains(t, "The committee met"));
  EXPECT_FALSE(contains(t, "Good chairs for good people"));
}

TEST(Robustness, SameInputSameOutput) {
  std::string html = page("<div class='post'>" + std::string(kArticle) + kTable + "</div>");
  EXPECT_EQ(text_of(html), text_of(html));
}

// The collector counts a block's words from its text nodes' counts, joining
// a word split over two nodes: "Baca juga" and six words each split in two
// by <i> are 8 words (a short line, dropped as boilerplate), not 14.
TEST(Prune, WordsSplitOverInlineElementsCountOnce) {
  std::string split = "<p>Baca juga: ab<i>cd</i> ef<i>gh</i> ij<i>kl</i> mn<i>op</i> qr<i>st</i> "
                      "uv<i>wx</i></p>";
  std::string text = text_of(page(std::string("<article>") + kArticle + split + "</article>"));
  EXPECT_TRUE(contains(text, "committee met on Tuesday"));
  EXPECT_FALSE(contains(text, "abcd efgh"));
}

// Side-by-side elements whose texts meet as a lower-case letter and a capital,
// or as a capital and a capitalised word (a brand, then a product's name), are
// two words; a word split over elements in any other way stays one.
TEST(Collect, SideBySideElementsMeetingAsLowerAndCapitalAreTwoWords) {
  std::string cards =
      "<ul><li><span>Acme Outdoor</span><span>Trail Tent</span> sleeps six people.</li>"
      "<li><span>Rain</span><span>coat</span> for wet days.</li>"
      "<li>Mc<span>Donald</span> farm tools.</li>"
      "<li><b>Tent</b><i>Box</i> boxes. <b>abc</b> and <i>def</i></li>"
      "<li><span>ACME</span><span>Camp Stove</span> burns gas.</li>"
      "<li><span>U</span><span>SA</span> made.</li></ul>";
  std::string text = text_of(page(std::string("<article>") + kArticle + cards + "</article>"));
  EXPECT_TRUE(contains(text, "Acme Outdoor Trail Tent sleeps six"));
  EXPECT_TRUE(contains(text, "Raincoat for wet days"));
  EXPECT_TRUE(contains(text, "McDonald farm tools"));
  EXPECT_TRUE(contains(text, "Tent Box boxes"));
  EXPECT_TRUE(contains(text, "ACME Camp Stove burns gas"));
  EXPECT_TRUE(contains(text, "USA made"));
}

// What the collector assumes of text::count_words: ASCII word characters are
// [A-Za-z0-9_], and the words of a concatenation are the sum of the parts'
// words less one where a word character meets a word character (ASCII on
// either side).
TEST(Prune, WordCountsOfConcatenationsAddUp) {
  using saring::text::count_words;
  for (int c = 1; c < 128; ++c) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    EXPECT_EQ(count_words(std::string(1, static_cast<char>(c))), word ? 1u : 0u) << c;
  }
  const std::vector<std::string> parts = {
      "ab", "x", " ", "foo bar", "_", "9", "a.", ".b", "\xE6\x97\xA5\xE6\x9C\xAC", " \xE0\xB8\x81",
      "\xC3\xA9t\xC3\xA9", "t\xC3\xA9", "--", "x\n", "\ty", "(", "don't", "A1_b"};
  auto ascii_word = [](unsigned char c) {
    return c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  };
  for (const auto& a : parts) {
    for (const auto& b : parts) {
      unsigned char tail = static_cast<unsigned char>(a.back()), head = static_cast<unsigned char>(b.front());
      bool undecided = (tail >= 0x80 || ascii_word(tail)) && (head >= 0x80 || ascii_word(head)) &&
                       (tail >= 0x80 || head >= 0x80);
      if (undecided) continue;  // the collector leaves these to count_words
      size_t join = ascii_word(tail) && ascii_word(head) ? 1 : 0;
      EXPECT_EQ(count_words(a + b), count_words(a) + count_words(b) - join) << a << "|" << b;
    }
  }
}

TEST(Vocabulary, StartsWithAsciiCaseInsensitive) {
  using saring::extract::starts_with_ascii_ci;
  EXPECT_TRUE(starts_with_ascii_ci("Copyright 2020", "copyright"));
  EXPECT_TRUE(starts_with_ascii_ci("DISCLAIMER: not advice", "disclaimer:"));
  EXPECT_FALSE(starts_with_ascii_ci("Disclaimers", "disclaimer:"));
  EXPECT_FALSE(starts_with_ascii_ci("Copy", "copyright"));
  EXPECT_FALSE(starts_with_ascii_ci("\xC3\x89" "crit par", "ecrit"));  // only ASCII letters fold
}

TEST(Vocabulary, BoilerplateLinesInSeveralLanguages) {
  const auto& v = saring::extract::vocabulary();
  auto bp = [&](const std::string& s) { return v.is_boilerplate_line(s, saring::text::count_words(s)); };
  EXPECT_TRUE(bp("loading..."));
  EXPECT_TRUE(bp("A A A"));
  EXPECT_TRUE(bp("Baca Berita Terkait Lainnya"));
  EXPECT_TRUE(bp("Lesen Sie auch:"));
  EXPECT_TRUE(bp("Copyright © 2021 Warta. All Rights Reserved"));
  EXPECT_TRUE(bp("関連記事"));
  EXPECT_TRUE(bp("About the author"));
  EXPECT_TRUE(bp("Über die Autorin:"));
  EXPECT_TRUE(bp("Zum Weiterlesen:"));
  // A form's status messages, waiting in the page for its script.
  EXPECT_TRUE(bp("Thank you! Your submission has been received!"));
  EXPECT_TRUE(bp("Oops! Something went wrong while submitting the form."));
  EXPECT_FALSE(bp("Something went wrong while submitting the form, the clerk told us."));
  // A line of the table in brackets is still that line.
  EXPECT_TRUE(bp("(Alle Angaben ohne Gewähr)"));
  EXPECT_TRUE(bp("[Advertisement]"));
  EXPECT_FALSE(bp("(Alle Angaben ohne Gewähr, sagt der Verband)"));
  EXPECT_FALSE(bp("(Advertisement"));
  EXPECT_TRUE(bp("(Reporting by A. Writer; Editing by B. Editor)"));
  // A paywall's box, where the story stops for readers who do not pay.
  EXPECT_TRUE(bp("This article is exclusive to Gazette Plus subscribers"));
  EXPECT_TRUE(bp("Unlock this article, plus in-depth analysis and news alerts."));
  EXPECT_TRUE(bp("To read the rest of this story subscribe to Gazette Plus."));
  EXPECT_TRUE(bp("Become a paid subscriber to the Gazette to unlock this piece and learn about:"));
  EXPECT_TRUE(bp("Already have an account? Log in"));
  EXPECT_FALSE(bp("Already having an account, she logged in and found the file gone."));
  // A wire story's credits in brackets may name many hands.
  EXPECT_TRUE(bp("(Reporting by Ann Writer, Bo Writer and Cy Writer in London, with additional "
                 "reporting by Di Writer; editing by Ed Editor and Flo Editor)"));
  EXPECT_FALSE(bp("Reporting by the local paper found that the council had spent more on roads "
                  "than it told residents at the last public hearing in March."));
  EXPECT_TRUE(bp("Lesezeit: 4 Minuten"));
  EXPECT_TRUE(bp("อ่านต่อ"));
  // A forum poster's card.
  EXPECT_TRUE(bp("Reaction score"));
  EXPECT_TRUE(bp("Joined: Feb 2019"));
  EXPECT_TRUE(bp("Posts: 116"));
  // A poster's rank and status.
  EXPECT_TRUE(bp("Moderator"));
  EXPECT_TRUE(bp("Topic Author"));
  EXPECT_TRUE(bp("Offline"));
  EXPECT_FALSE(bp("Moderator of the panel: Jane Roe"));
  // As a heading, a rank names a section (a page on user roles).
  EXPECT_FALSE(v.is_boilerplate_line("Administrator", 1, true));
  EXPECT_FALSE(v.is_boilerplate_line("Moderator", 1, true));
  EXPECT_TRUE(v.is_boilerplate_line("Reaction score", 2, true));
  // Who reacted to a post.
  EXPECT_TRUE(bp("Reactions: alder, birch and 3 others"));
  EXPECT_FALSE(bp("Posts: the ones I wrote this year were about the garden and the house"));
  // A post's or a thread's counters; a count of comments may head a section.
  EXPECT_TRUE(bp("1 Like"));
  EXPECT_TRUE(bp("12 Replies"));
  EXPECT_TRUE(bp("24 Views"));
  EXPECT_FALSE(bp("9 Comments"));
  EXPECT_FALSE(bp("2 cups"));
  EXPECT_FALSE(bp("1 like this one best"));
  EXPECT_TRUE(bp("1,234 Views"));
  EXPECT_TRUE(bp("1.2k likes"));
  // The label before its count, as in a thread's stats list.
  EXPECT_TRUE(bp("Replies 154"));
  EXPECT_TRUE(bp("Views 26.2k"));
  EXPECT_TRUE(bp("Views: 1,234"));
  EXPECT_FALSE(bp("Comments 9"));
  EXPECT_FALSE(bp("Chapter 12"));
  EXPECT_TRUE(bp("Posts 2,345"));
  EXPECT_FALSE(v.is_boilerplate_line("Replies 154", 2, true));
  // A singular label before a number numbers an item.
  EXPECT_FALSE(bp("Post 2"));
  EXPECT_FALSE(bp("Point 1"));
  EXPECT_FALSE(bp("Reply 1"));
  EXPECT_TRUE(bp("Likes 3"));
  // A poster's counters on a forum's card.
  EXPECT_TRUE(bp("2,345 posts"));
  EXPECT_TRUE(bp("518 helpful votes"));
  EXPECT_FALSE(bp("2,345 posts were removed"));
  // A question's dates and views on a Q&A site, and the terms under its answer form.
  EXPECT_TRUE(bp("Asked 3 years, 2 months ago"));
  EXPECT_TRUE(bp("Modified today"));
  EXPECT_TRUE(bp("Viewed 11k times"));
  EXPECT_FALSE(bp("Asked why, she said it had happened three times"));
  EXPECT_TRUE(bp("By clicking \u201cPost Your Answer\u201d, you agree to our terms of service."));
  // A reply's subject line repeats the thread's title.
  EXPECT_TRUE(bp("Re: Which lens for birds?"));
  EXPECT_TRUE(bp("3. Re: Which lens for birds?"));
  EXPECT_FALSE(bp("Re: the minutes of the last meeting, the council agreed that the road by the "
                  "school would be closed to lorries from the first of May."));
  // A gallery's counter.
  EXPECT_TRUE(bp("1 of 6"));
  EXPECT_TRUE(bp("1 - 5 of 36"));
  EXPECT_FALSE(bp("3 of 4 voters"));
  EXPECT_FALSE(bp("1 of 2,500"));
  // Appeals, disclosures and recommendation headers after the text.
  EXPECT_TRUE(bp("Schon gelesen?"));
  EXPECT_TRUE(bp("Empfehlungen aus der Redaktion"));
  EXPECT_TRUE(bp("Anzeige, enthält Affiliate Links"));
  EXPECT_TRUE(bp("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."));
  EXPECT_FALSE(bp("Werbungskosten richtig absetzen"));
  EXPECT_TRUE(bp("This post contains affiliate links."));
  EXPECT_TRUE(bp("Síguenos en Telegram, Instagram y Twitter"));
  EXPECT_TRUE(bp("Unterstütze unser Magazin"));
  EXPECT_TRUE(bp("Kontakt:"));
  EXPECT_TRUE(bp("Weitere Informationen"));
  EXPECT_TRUE(bp("Kommentare schreiben"));
  EXPECT_TRUE(bp("If you enjoyed reading this post, share it"));
  EXPECT_TRUE(bp("Jetzt zum kostenlosen Newsletter anmelden"));
  EXPECT_TRUE(bp("We use cookies to improve your experience."));
  EXPECT_TRUE(bp("This article is the copyrighted property of the Daily News."));
  EXPECT_TRUE(bp("Caption"));
  EXPECT_TRUE(bp("Verwandte Themen auf unserem Blog:"));
  EXPECT_TRUE(bp("Möchten Sie den Artikel teilen?"));
  EXPECT_TRUE(bp("Warning: Creating default object from empty value in /var/www/site/wp-includes/"
                 "functions.php on line 4122"));
  EXPECT_FALSE(bp("Warning: the bridge on the coast road is closed until the storm has passed."));
  EXPECT_TRUE(bp("DON'T MISS"));
  EXPECT_TRUE(bp("Breaking News"));
  // Appeals and disclosures run longer than labels and still go.
  EXPECT_TRUE(bp("If you enjoyed this article, we have a proposition for you: join our club and "
                 "read every story without ads or meters."));
  EXPECT_TRUE(bp("This post contains references to products from our advertisers. We may receive "
                 "compensation when you click on links to those products."));
  EXPECT_TRUE(bp("For the latest stories and breaking news updates download our apps for phones."));
  EXPECT_TRUE(bp("*These statements have not been evaluated by the Food and Drug Administration. "
                 "These products are not intended to diagnose or treat any disease."));
  EXPECT_TRUE(bp("Follow our opinion section on Facebook, Twitter (@example) and Instagram."));
  EXPECT_TRUE(bp("*** Follow me on Instagram for a daily moment of inspiration ***"));
  EXPECT_FALSE(bp("Follow the river upstream for two hours until you reach the old mill."));
  EXPECT_FALSE(bp("For the latest quarter the company reported a loss, its first in a decade, and "
                  "cut its forecast."));
  // Invitations to more and notes on who pays for a review.
  EXPECT_TRUE(bp("Suggested citation: Doe, Jane: The budget in the crisis, The Blog, 2020/4/09."));
  EXPECT_TRUE(bp("Weitere Infos unter www.example.org."));
  EXPECT_FALSE(bp("Weitere Infos unter dem Dach des Vereins gab es nicht, sagte die Vorsitzende am "
                  "Montag vor den Mitgliedern."));
  EXPECT_TRUE(bp("Lust auf mehr? Die besten Geschichten jede Woche in deinem Postfach."));
  EXPECT_TRUE(bp("We recommend the best products through an independent process. We may receive "
                 "compensation if you buy through our links."));
  // Appeals for money or membership, wherever the plea sits in the line.
  auto appeal = [&](const std::string& s) { return v.is_embedded_boilerplate(s); };
  EXPECT_TRUE(appeal("Our interviews are expensive to produce. If you liked this one, please "
                     "Support Us By donating a small amount."));
  EXPECT_TRUE(appeal("Wir haben uns gegen eine Bezahlschranke entschieden, es gibt keine "
                     "Bezahlschranke und das bleibt so."));
  EXPECT_TRUE(appeal("Start your day with our briefing. Sign up for the free daily newsletter."));
  EXPECT_TRUE(appeal("Note: we are temporarily moderating all comments to deal with spam."));
  EXPECT_TRUE(appeal("Erstellt am 6. Mai 2014 und abgelegt unter Linux, Tutorials."));
  EXPECT_TRUE(appeal("This entry was posted in Garden. Bookmark the permalink."));
  EXPECT_TRUE(appeal("%d Bloggern gefällt das:"));
  EXPECT_FALSE(appeal("The newsletter has 1,200 subscribers and a growing revenue."));
  EXPECT_FALSE(appeal("The app offers offline access and native support using the system's own "
                      "widgets."));
  EXPECT_FALSE(appeal("Members of the club voted to make a donation policy part of the statutes, "
                      "with a long list of other proposals for the next season and the years after "
                      "it, because the treasurer wanted rules for gifts that had grown larger every "
                      "year since the club was founded in the old harbour district of the city by "
                      "sailors and fishermen from the coast."));
  std::string long_appeal = "Get the latest";
  for (int i = 0; i < 60; ++i) long_appeal += " word";
  EXPECT_FALSE(bp(long_appeal));
  EXPECT_FALSE(bp("Unterstützer der Reform sprachen am Montag vor dem Landtag."));
  EXPECT_FALSE(bp("Copyright law was reformed in the year after the election, the minister said."));
  EXPECT_FALSE(bp("Read more carefully, and you will find the error in the second paragraph of the report."));
  auto credit = [&](const std::string& s) { return v.is_credit_line(s, saring::text::count_words(s)); };
  EXPECT_TRUE(credit("Presiden berpidato di Jakarta. FOTO/ANTARA"));
  EXPECT_TRUE(credit("Photo: Jane Doe"));
  EXPECT_TRUE(credit("Crédits photos : Agence"));
  EXPECT_TRUE(credit("Quelle: Statistisches Landesamt"));
  EXPECT_TRUE(credit("Associated Press writers Jane Doe and John Roe contributed to this report."));
  EXPECT_TRUE(credit("Source: Department of Public Health"));
  EXPECT_TRUE(credit("Copyright: Jane Doe"));
  EXPECT_FALSE(credit("The source of the river lies high in the mountains, far from any road."));
  EXPECT_FALSE(credit("The photographer spent three weeks in the mountains waiting for the right light."));
}

TEST(Vocabulary, ClassTokens) {
  using saring::extract::Verdict;
  const auto& v = saring::extract::vocabulary();
  EXPECT_EQ(v.classify("main-nav", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("sharebar", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("", "comments", ""), Verdict::comments);
  EXPECT_EQ(v.classify("wp-caption-text", "", ""), Verdict::caption);
  EXPECT_EQ(v.classify("", "", "navigation"), Verdict::boilerplate);
  EXPECT_EQ(v.classify("hidden md:flex", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("field__label show-for-sr", "", ""), Verdict::hidden);  // screen readers only
  EXPECT_EQ(v.classify("usa-sr-only", "", ""), Verdict::hidden);
  EXPECT_EQ(v.classify("card__visually-hidden", "", ""), Verdict::hidden);
  EXPECT_EQ(v.classify("lg:not-sr-only", "", ""), Verdict::none);  // shown on large screens
  EXPECT_EQ(v.classify("post hentry tag-social-media", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("entry-content", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("shareholder-letter", "", ""), Verdict::none);
  // Stems and "comment" glued inside longer tokens, any case, '_' as '-'.
  EXPECT_EQ(v.classify("RelatedPosts", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("x9sitefooter", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("footer", "", ""), Verdict::boilerplate);  // exact token
  EXPECT_EQ(v.classify("sharex", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("usercommentlist", "", ""), Verdict::comments);
  EXPECT_EQ(v.classify("commentary", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("newsCaption", "", ""), Verdict::caption);
  EXPECT_EQ(v.classify("post-prev", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("prevNext", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("rollover-people-block", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("c-popover", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("embedded_photocaption", "", ""), Verdict::caption);
  EXPECT_EQ(v.classify("commentary_relatedbox", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("mostreadlist sharecomments", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("tag-sharebar category-sidebar", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("footnotes", "", ""), Verdict::none);
  // The box about the writer: a word for author with one for a box, in one
  // class name; an author taxonomy class or a lone "author" is not one.
  EXPECT_EQ(v.classify("shariff shariff-align-center", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("dialog-off-canvas-main-canvas", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("dialog-box", "", ""), Verdict::boilerplate);
  // A popover (a product's quick view, a wish list's error) opens over the page.
  EXPECT_EQ(v.classify("a-popover-preload", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("appInstallPopover__title", "", ""), Verdict::boilerplate);  // glued
  EXPECT_EQ(v.classify("tooltip-content", "", ""), Verdict::boilerplate);  // a box over a word
  // The lines a forum poster signs every post with.
  EXPECT_EQ(v.classify("ipsEntry__signature", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("author-box--content", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("bmg-content-box bmg-author-box", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("", "author-description", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("post-author_bio", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("author-jdoe", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("saboxplugin-wrap", "", ""), Verdict::boilerplate);  // a plugin's name
  EXPECT_EQ(v.classify("user-info user-hover", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("user-content", "", ""), Verdict::none);
  // The two words glued into one ("userDetails", "authorInfo") say the same;
  // a glued author word alone does not ("usercontent", "authorname").
  EXPECT_EQ(v.classify("message-userDetails", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("message-userExtras", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("authorInfo", "", ""), Verdict::boilerplate);
  EXPECT_EQ(v.classify("usercontent", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("authorname", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("author", "", ""), Verdict::none);
  EXPECT_EQ(v.classify("author-name box", "", ""), Verdict::none);
  // A heading slug as id says nothing about the element's role.
  EXPECT_EQ(v.classify("", "how-to-reply-to-a-comment", ""), Verdict::none);
  EXPECT_EQ(v.classify("", "comments", ""), Verdict::comments);
  EXPECT_TRUE(saring::extract::is_streamed_id("S:12"));
  EXPECT_TRUE(saring::extract::is_streamed_id("S:1f"));  // the count is hexadecimal
  EXPECT_FALSE(saring::extract::is_streamed_id("S:1g"));
  EXPECT_FALSE(saring::extract::is_streamed_id("S:main"));
  EXPECT_TRUE(v.is_content_class("entry-content clearfix", ""));
}

}  // namespace

TEST(Filter, ARowOfLinkedCardsIsTheServicesText) {
  // A service page: after its opening, a row of cards, each one link around
  // a title and a sentence about the service it leads to. On a page that does
  // not say it is an article the cards are its text; on an article they are
  // teasers of other pages.
  std::string cards;
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    cards += "<div class='feature'><a href='/services/" + n + "'><h3>Garden service " + n +
             "</h3><p>We plan, plant and look after gardens of every size all year round " + n +
             ".</p></a></div>";
  }
  std::string html =
      page("<div class='content'>" + std::string(kArticle) + "<div class='row'>" + cards + "</div></div>");
  std::string t = text_of(html);
  EXPECT_TRUE(contains(t, "The committee met on Tuesday"));
  EXPECT_TRUE(contains(t, "We plan, plant and look after gardens of every size all year round 0."));
  EXPECT_TRUE(contains(t, "Garden service 2"));
  auto doc = saring::html::parse(html);
  ASSERT_TRUE(doc.ok());
  std::string a = saring::extract::render_text(
      saring::extract::extract_content(*doc, {}, saring::extract::PageKind::article));
  EXPECT_TRUE(contains(a, "The committee met on Tuesday"));
  EXPECT_FALSE(contains(a, "We plan, plant and look after gardens"));
}

// Three paragraphs of 25 words or more: the body of a story.
const char* const kStory =
    "<p>The council voted on Tuesday night to close the old swimming pool on Mill Lane at the end "
    "of the summer, after engineers found cracks in the walls of its main hall.</p>"
    "<p>Families who use the pool every week said they were surprised by the decision, and several "
    "of them asked the council to keep it open until a new one is built nearby.</p>"
    "<p>The council said that the new pool should open in two years, and that buses would take "
    "children from the town's schools to the leisure centre in the next town until then.</p>";

TEST(Filter, AClosingBoxApartFromTheBodyGoes) {
  // After the story's paragraphs, in a box of its own beside them: the
  // newsroom's appeal, not the story.
  const std::string box =
      "<div class='extra'><p>Our newsroom is a team of five reporters and two editors, who work "
      "from the old mill, by the river.</p><p>Readers like you, in this town and beyond, keep "
      "it going, week after week.</p></div>";
  std::string t = text_of(page("<div class='main'><div class='story'>" + std::string(kStory) +
                               "</div>" + box + "</div>"));
  EXPECT_TRUE(contains(t, "The council voted on Tuesday night"));
  EXPECT_TRUE(contains(t, "until then."));
  EXPECT_FALSE(contains(t, "Our newsroom is a team"));
  EXPECT_FALSE(contains(t, "Readers like you"));
}

TEST(Filter, TheTailsLastBoxGoesWhenItLiesOutsideTheText) {
  // After the story, a short closing section in the article's own box, then
  // a box outside the article: their common element holds the body, so the
  // tail as a whole is no closing box, but its end is.
  const std::string section =
      "<div class='more'><p>The pool will hold a last open day in September, with free swimming "
      "lessons for children and a picnic on the lawn.</p></div>";
  const std::string box =
      "<div class='extra'><p>The paper's office by the river is open from nine to five on "
      "weekdays, and readers are welcome to call in.</p></div>";
  std::string t = text_of(page("<div class='page'><div class='article'><div class='story'>" +
                               std::string(kStory) + "</div>" + section + "</div>" + box +
                               "</div>"));
  EXPECT_TRUE(contains(t, "until then."));
  EXPECT_TRUE(contains(t, "a last open day"));
  EXPECT_FALSE(contains(t, "The paper's office"));
  // The same box as the article's last section, beside the one before it,
  // is a part of the text.
  t = text_of(page("<div class='page'><div class='article'><div class='story'>" +
                   std::string(kStory) + "</div>" + section + box + "</div></div>"));
  EXPECT_TRUE(contains(t, "a last open day"));
  EXPECT_TRUE(contains(t, "The paper's office"));
}

TEST(Filter, ClosingTextInTheBodyOrARowWithItStays) {
  const std::string closing =
      "<p>Our newsroom is a team of five reporters and two editors who work from the old mill, "
      "and readers like you keep it going.</p>";
  // The same paragraph in the body's own parent is the story's last one.
  std::string t = text_of(page("<div class='main'><div class='story'>" + std::string(kStory) +
                               closing + "</div></div>"));
  EXPECT_TRUE(contains(t, "Our newsroom is a team"));
  // Replies after a thread's first post: the element holding them holds the
  // body too (a row of posts, not a box apart from them).
  const std::string reply = "<div class='post'><div class='body'>" + closing + "</div></div>";
  t = text_of(page("<div class='thread'><div class='post'><div class='body'>" + std::string(kStory) +
                   "</div></div>" + reply +
                   "<div class='post'><div class='body'><p>Thank you for the story.</p></div></div>"
                   "</div>"));
  EXPECT_TRUE(contains(t, "Our newsroom is a team"));
  // A box as long as the body is a part of the text.
  std::string longer;
  for (int i = 0; i < 3; ++i) {
    longer += "<p>Our newsroom is a team of five reporters and two editors who work from the old "
              "mill, and readers like you keep it going, year " + std::to_string(i) + ".</p>";
  }
  t = text_of(page("<div class='main'><div class='story'>" + std::string(kStory) +
                   "</div><div class='extra'>" + longer + "</div></div>"));
  EXPECT_TRUE(contains(t, "Our newsroom is a team"));
}
