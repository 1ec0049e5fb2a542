// The extractor's vocabulary tables (see vocabulary.h). Everything that is a
// word list or a threshold lives here and nowhere else in src/extract/.
//
// Matching strategy: class/id values are split into words by the shared
// tokenizer (saring/class_words.h), each word is looked up in hash sets (exact names
// such as "nav" or "ad"), then tested against a short list of stems that may
// appear glued to other words ("sharebar", "relatedposts", "sitefooter").
// Lines are matched after lowercasing ASCII; non-Latin phrases are matched
// byte for byte, which is exact for scripts without case.
#include "vocabulary.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include "saring/class_words.h"
#include "saring/simd.h"
#include "saring/text.h"

namespace saring::extract {

namespace {

// ---- class / id tokens ------------------------------------------------------

// Exact tokens that mark a boilerplate subtree, besides the furniture words
// every class/id reader shares (html::kFurnitureWords).
constexpr std::string_view kBoilerplateTokens[] = {
    "navbar", "navigation", "navi", "menus", "mainmenu", "topmenu", "submenu", "megamenu",
    "header", "masthead", "topbar", "bottombar", "aside", "sharing", "shares", "sns", "follow",
    "cookies", "consent", "gdpr", "banner", "adv", "adverts", "advertisement", "advertising",
    "adsense", "adslot", "adunit", "dfp", "sponsor", "sponsored", "promotion", "promoted",
    "recommendations", "recirculation", "subscribe", "subscription", "signup", "crumbs",
    "pagination", "pager", "toolbar", "tags", "tagcloud", "taglist", "byline", "meta", "postmeta",
    "popup", "popover", "tooltip", "modal", "overlay", "lightbox", "login", "signin", "register",
    "search", "skip", "skiplink", "copyright", "disclaimer", "mostread", "outbrain", "taboola",
    "zergnet", "rss", "print", "fontsize", "textsize", "resizer", "fontresize", "rating", "ratings",
    "vote",
    "voting", "author-bio", "authorbox", "bio", "about-author", "jumplink", "backtotop",
    "readmore", "readalso", "bacajuga", "terkait", "berita-terkait", "lainnya", "tts",
    "audio-player", "player", "tools", "utility", "actions", "syndication", "partner", "partners",
    "affiliate", "shopping", "skyscraper", "leaderboard", "mpu", "billboard", "interstitial",
    "dialog", "toast", "notice", "alert", "feedback", "survey", "poll", "shariff", "addthis",
    "addtoany", "prev", "prevnext", "nextprev", "rollover", "hovercard", "signature",
    "signatures", "postsignature",
    // a blogging plugin's box about the writer, whose name has no word for one
    "saboxplugin-wrap"};

// Tokens of a recipe's ingredient list, in several languages. The list is
// text, whatever the other words of its class say ("recipe-ingredients
// print-links").
constexpr std::string_view kIngredientTokens[] = {
    "ingredient", "ingredients", "zutaten", "ingredientes", "ingrédients", "ingredienti",
    "skladniki", "składniki", "ingredienser", "ingrediënten", "bahan", "recipeingredient"};

// Tokens of a notice box ("alert alert-info", "admonition warning",
// "callout-tip"): one that opens with an admonition's label is a side note of
// the text (see kAdmonitionLabels).
constexpr std::string_view kNoticeTokens[] = {
    "alert",   "notice", "callout", "admonition", "note",    "tip",      "warning",
    "caution", "danger", "hint",    "infobox",    "info-box"};

// Tokens of a page's opening block ("hero", "hero-banner", "heroBanner"):
// its headline and introduction, text whatever "header" or "banner" beside
// them says.
constexpr std::string_view kHeroTokens[] = {"hero", "herobanner"};

// Boilerplate tokens that name a control whose targets, which hold text, go
// by the same name: "search-form" and "search-page-wrapper", the "skip-link"
// and the "skip-item" sections a guide's table of contents jumps to; a
// site's "header" bar holds a logo and a few links, a section's
// "browse-header" or "article-header" its title and introduction. See
// Thresholds::weak_name_max_words.
constexpr std::string_view kWeakTokens[] = {"search", "skip", "header"};

// Boilerplate tokens so sure that no amount of prose inside overrides them:
// overlays and consent, sign-up and legal boxes (a disclaimer's fine print
// runs to long paragraphs).
constexpr std::string_view kStrongTokens[] = {
    "modal", "popup", "overlay", "lightbox", "dialog", "cookie", "cookies", "consent", "gdpr",
    "signup", "login", "signin", "interstitial", "toast", "disclaimer"};

// Tokens of disclosure widgets (tabs, accordions, FAQ answers): hidden until a
// click, yet part of the page's content.
constexpr std::string_view kDisclosureTokens[] = {
    "tab", "tabs", "tabpanel", "tab-pane", "tabcontent", "tab-content", "accordion",
    "collapse", "collapsible", "faq", "answer", "expandable", "expander", "panel"};

// A class name with a word of each list is the box about the writer at the
// end of a post ("author-box", "post-author__bio", "about-the-author") or
// the card of a forum poster ("user-info", "user-details", glued into one
// word: "userDetails", "userExtras"): a profile, not the text. "author-"
// alone starts a taxonomy class ("author-jdoe"), so the pair is what tells.
constexpr std::string_view kAuthorWords[] = {"author", "authors", "autor", "autorin", "autoren",
                                             "auteur", "autore", "writer", "user", "poster"};
constexpr std::string_view kAuthorBoxWords[] = {
    "box", "bio", "bios", "biography", "info", "description", "container", "profile",
    "details", "card", "about", "wrap", "wrapper", "block", "section", "widget", "avatar",
    "extras"};

// Tokens of the standfirst: the paragraph under the headline that sums the
// story up, often inside the article's header, which is pruned as a whole.
constexpr std::string_view kLeadTokens[] = {
    "lead", "lede", "standfirst", "abstract", "dek", "deck", "subtitle", "subheadline",
    "excerpt", "intro", "bajada", "chapo", "chapeau", "sottotitolo", "vorspann", "anriss"};

// Tokens of a description: on a page that is not an article, the one above
// the chosen text introduces it (a category's or a collection's text over
// its grid).
constexpr std::string_view kDescriptionTokens[] = {"description", "desc"};

// Tokens of figure captions and photo credits.
constexpr std::string_view kCaptionTokens[] = {
    "caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit",
    "wp-caption-text", "keterangan", "bildunterschrift", "legende", "legend"};

// Stems found glued inside tokens ("sharebar", "relatedposts", "sitefooter").
constexpr std::string_view kBoilerplateStems[] = {
    "share", "social", "cookie", "newsletter", "breadcrumb", "sidebar", "advert", "sponsor",
    "footer", "navbar", "related", "recommend", "subscri", "outbrain", "taboola", "popup", "popover",
    "banner", "promo", "trending", "mostpopular", "mostread", "fontsize"};

// Tokens that contain a stem but are not boilerplate.
constexpr std::string_view kSafeTokens[] = {
    "shared", "shareholder", "shareholders", "socialism", "socialist", "footnote", "footnotes",
    "promotional", "sponsorship"};

// Class values that describe what a post is about or how the page is laid
// out, not what the element is: WordPress "tag-social-media",
// "category-related-news", "has-sidebar", "autor-...". Ignored for verdicts.
constexpr std::string_view kTaxonomyPrefixes[] = {
    "tag-", "tags-", "category-", "cat-", "categories-", "author-", "autor-", "topic-", "term-",
    "postid-", "post-type-", "format-", "type-", "status-", "has-", "with-", "without-", "no-",
    "page-template-", "single-format-", "channel-", "node--type-", "post-type-", "rubrik-", "ressort-"};

constexpr std::string_view kBoilerplateRoles[] = {
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
    "dialog", "alertdialog", "toolbar", "tablist", "button", "alert"};

// Whole class/id values that name the main text container.
constexpr std::string_view kContentClasses[] = {
    "entry-content", "post-content", "article-content", "article-body", "articlebody",
    "article-text", "articletext", "story-body", "storybody", "story-content", "story-text",
    "storytext", "post-body", "postbody", "post-entry", "post-text", "entry-body", "content-body",
    "body-text", "bodytext", "article-body-text", "article--body", "article--content",
    "article-body-content", "article-main", "article-detail", "detail-text", "detail-content",
    "news-text", "news-content", "news-body", "text-article", "article__body",
    "article__content", "article__text", "story__body", "story__content", "c-article-body",
    "c-entry-content", "td-post-content", "field-name-body", "field-body", "node-content",
    "blog-post-body", "blog-content", "post__content", "post__body", "entry__content",
    "single-content", "single-post-content", "main-content", "main-text", "the-content",
    "page-content", "rich-text", "richtext", "mw-content-text", "mw-parser-output", "read__content",
    "detail__body-text", "itp_bodycontent", "content-text", "article-body__content",
    "articlecontent", "articletext", "contentbody", "postcontent", "entrycontent", "content_area",
    "txt-article", "isi-berita", "detail_text", "artikel", "isi", "berita"};

// Whole class values by which an element declares itself the article.
constexpr std::string_view kArticleClasses[] = {
    "hentry", "h-entry", "type-post", "type-page", "type-article", "post", "article",
    "single-post", "article-single", "post-single"};

// Whole class values of page wrappers whose words would mislead: Drupal's
// "dialog-off-canvas-main-canvas" wraps every page of the sites it builds,
// and is no dialog.
constexpr std::string_view kLayoutClasses[] = {"dialog-off-canvas-main-canvas"};

// Whole class values that hide an element from readers.
constexpr std::string_view kHiddenClasses[] = {
    "hidden", "sr-only", "visually-hidden", "screen-reader-text", "d-none", "is-hidden",
    "visuallyhidden", "element-invisible", "show-for-sr"};

// Screen-reader-only names that a design system prefixes with its own
// ("wt-screen-reader-only", "u-sr-only", "price__sr-text"): the element is
// hidden all the same. Matched as the end of a dashed class name, but for
// utility CSS's "not-sr-only" (and the like), which shows the element again.
constexpr std::string_view kHiddenSuffixes[] = {
    "-sr-only", "-sronly", "-sr-text", "-screen-reader-only", "-screen-reader-text",
    "-visually-hidden", "-visuallyhidden"};

// The last two bytes of those suffixes: two lookups turn most names away
// before any suffix is compared. Names shorter than the shortest suffix are
// turned away first, so the lookups never read before a name's start.
struct SuffixEnds {
  bool last[256] = {};
  bool second[256] = {};
  size_t shortest = SIZE_MAX;
  template <size_t N>
  constexpr explicit SuffixEnds(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      // A one-byte suffix has no second byte: this fails the build.
      second[static_cast<unsigned char>(w[w.size() - 2])] = true;
      last[static_cast<unsigned char>(w[w.size() - 1])] = true;
      shortest = std::min(shortest, w.size());
    }
  }
  bool may_end(std::string_view c) const {
    return c.size() >= shortest && last[static_cast<unsigned char>(c[c.size() - 1])] &&
           second[static_cast<unsigned char>(c[c.size() - 2])];
  }
};
constexpr SuffixEnds kHiddenSuffixEnds(kHiddenSuffixes);

// Readability-style positive and negative class tokens.
constexpr std::string_view kPositiveTokens[] = {
    "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog",
    "story", "articlebody", "artikel", "isi", "berita", "detail"};
constexpr std::string_view kNegativeTokens[] = {
    "hidden", "banner", "combx", "comment", "comments", "contact", "foot", "footer",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
    "widget", "ad", "ads", "nav", "menu", "social", "caption", "credit", "byline", "author",
    "teaser", "list", "links", "popular", "recommended", "date", "time", "timestamp", "dateline",
    "published", "info"};

// ---- lines ------------------------------------------------------------------

// Whole lines (lowercased, trailing ":" / "." / "»" / "›" stripped) that are
// boilerplate in some language.
constexpr std::string_view kBoilerplateLines[] = {
    // placeholders and widgets
    "loading", "loading...", "loading…", "please wait", "a a a", "a a", "a+ a-", "a- a+",
    "a- a a+", "aa", "text size", "font size", "ukuran huruf", "schriftgröße", "memuat",
    "memuat...", "読み込み中", "読み込み中...", "加载中", "加载中...", "กำลังโหลด", "กำลังโหลด...",
    // English
    "advertisement", "advertisements", "sponsored", "sponsored content", "read more",
    "continue reading", "share", "share this", "share this article", "share this story",
    "share on facebook", "share on twitter", "tweet", "print", "email", "e-mail", "related",
    "related articles", "related posts", "related stories", "related news", "related content",
    "you may also like", "you might also like", "recommended", "recommended for you",
    "more stories", "more from", "most popular", "most read", "trending", "trending now",
    "sign up", "subscribe", "subscribe now", "follow us", "all rights reserved",
    "skip to content", "skip to main content", "back to top", "comments", "leave a comment",
    "leave a reply", "click here", "tags", "see also", "listen", "listen to this article",
    "next", "previous", "next article", "previous article", "home", "menu", "search",
    "close", "toggle navigation", "log in", "login", "sign in", "show more", "view comments",
    "ad", "story continues below advertisement", "scroll to continue with content",
    "related topics", "topics", "share via", "copy link", "link copied", "caption", "advert",
    "don't miss", "don’t miss", "breaking news", "next prev",
    // a form's status messages, left in the page for its script to show
    "thank you! your submission has been received!",
    "oops! something went wrong while submitting the form",
    // a forum poster's card and a thread's controls (XenForo, vBulletin, MyBB, phpBB, Discourse)
    "joined", "messages", "reaction score", "reactions", "points", "registered user", "new member",
    "well-known member", "active member", "senior member", "junior member", "thread starter",
    "not open for further replies", "reply", "quote", "report", "like", "find",
    // shop furniture
    "add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list",
    "buy now", "size guide", "size chart", "select a size", "select size", "choose a size",
    "quantity", "qty", "in stock", "out of stock", "sold out", "write a review",
    "free shipping", "free delivery", "notify me", "compare", "view cart", "checkout",
    "in den warenkorb", "jetzt kaufen", "auf lager", "ausverkauft", "ajouter au panier",
    "añadir al carrito", "aggiungi al carrello", "tambah ke keranjang", "beli sekarang",
    "カートに入れる", "加入购物车", "立即购买",
    // Indonesian / Malay
    "baca juga", "baca berita terkait lainnya", "berita terkait", "berita lainnya",
    "artikel terkait", "iklan", "bagikan", "tonton juga", "simak juga", "lihat juga",
    "scroll untuk melanjutkan", "komentar", "terpopuler", "terkini", "berita terkini",
    "baca selengkapnya", "selengkapnya", "baca lagi", "kongsi", "artikel berkaitan",
    "berita berkaitan", "tag", "topik", "topik terkait", "hak cipta dilindungi undang-undang",
    // German
    "anzeige", "werbung", "weiterlesen", "mehr lesen", "lesen sie auch", "lesen sie mehr",
    "mehr zum thema", "teilen", "drucken", "artikel teilen", "kommentare",
    "alle rechte vorbehalten", "zum thema", "das könnte sie auch interessieren",
    "auch interessant", "empfohlene artikel", "zur startseite", "newsletter abonnieren",
    "artikel merken", "zum artikel", "mehr dazu", "schon gelesen?", "empfehlungen aus der redaktion",
    "lust auf mehr?", "weitere beiträge", "ähnliche beiträge", "verwandte themen",
    "das könnte dich auch interessieren", "quellen ausblenden", "kontakt", "weitere informationen",
    "weitere infos", "kommentar schreiben",
    "kommentare schreiben", "externer inhalt", "alle angaben ohne gewähr", "pinnen",
    // French
    "publicité", "lire aussi", "lire la suite", "à lire aussi", "partager",
    "tous droits réservés", "voir aussi", "sur le même sujet", "commentaires",
    // Spanish / Portuguese / Italian / Dutch
    "publicidad", "leer más", "lee también", "compartir", "todos los derechos reservados",
    "te puede interesar", "noticias relacionadas", "comentarios", "ver también",
    "publicidade", "leia mais", "leia também", "compartilhar", "todos os direitos reservados",
    "veja também", "notícias relacionadas", "pubblicità", "leggi anche", "leggi di più",
    "condividi", "tutti i diritti riservati", "articoli correlati", "advertentie", "lees ook",
    "lees meer", "delen", "alle rechten voorbehouden", "gerelateerde artikelen",
    // Polish / Russian / Turkish
    "reklama", "czytaj także", "czytaj też", "czytaj więcej", "udostępnij",
    "wszelkie prawa zastrzeżone", "zobacz też", "zobacz także", "polecane", "реклама",
    "читайте также", "читать далее", "поделиться", "все права защищены", "похожие новости",
    "комментарии", "reklam", "devamını oku", "ayrıca okuyun", "paylaş", "tüm hakları saklıdır",
    "ilgili haberler", "yorumlar",
    // the writer's box, in several languages
    "about the author", "about the authors", "über den autor", "über die autorin",
    "über die autoren", "à propos de l'auteur", "sobre el autor", "sobre o autor",
    "sull'autore", "o autorze", "over de auteur", "tentang penulis", "об авторе",
    "yazar hakkında", "zum weiterlesen",
    // Japanese / Chinese / Korean / Thai
    "広告", "関連記事", "続きを読む", "シェア", "コメント", "もっと見る", "おすすめ記事", "人気記事",
    "この記事をシェア", "广告", "相关阅读", "相关文章", "相关新闻", "阅读更多", "分享", "分享到",
    "评论", "推荐阅读", "延伸阅读", "廣告", "相關新聞", "延伸閱讀", "相關文章", "광고", "관련기사",
    "더보기", "공유하기", "โฆษณา", "อ่านต่อ", "อ่านเพิ่มเติม", "ข่าวที่เกี่ยวข้อง", "แชร์",
    "ความคิดเห็น", "บทความที่เกี่ยวข้อง"};

// Prefixes that mark a short line (<= Thresholds::short_line_words) as boilerplate.
constexpr std::string_view kBoilerplatePrefixes[] = {
    "baca juga", "baca berita", "lihat juga", "simak juga", "tonton juga", "read more",
    "read also", "related:", "see also:", "also read", "lesen sie auch", "mehr zum thema",
    "lire aussi", "à lire aussi", "leia também", "leia mais:", "lee también", "leggi anche",
    "czytaj też", "czytaj także", "читайте также", "関連記事", "相关阅读", "延伸阅读", "延伸閱讀",
    "อ่านต่อ", "อ่านเพิ่มเติม", "tags:", "tagged:", "tagged with", "share this", "follow us",
    "sign up for", "subscribe to", "click here to", "责任编辑", "責任編輯", "編集：", "editor:",
    "editor :", "editing by", "reporting by", "penulis:", "editor:", "redaktur:",
    "(adsbygoogle", "advertisement", "anzeige:", "werbung:", "iklan:", "additional reporting by",
    "filed under", "reading time", "lesezeit", "temps de lecture", "tiempo de lectura",
    "tempo de leitura", "tempo di lettura", "czas czytania", "время чтения", "waktu baca",
    "like this story", "subscribe now",
    // ("*Werbung. ...": the line's leading "*" is trimmed before the match)
    "anzeige, enthält", "werbung.", "dieser beitrag enthält werbung", "unterstütze ",
    "unterstützen sie ", "bei fragen und anregungen",
    // labels of topic lists and share prompts
    "verwandte themen", "themen:", "topics:", "erschienen in", "weitere beiträge",
    "weitere artikel", "den artikel ", "möchten sie den artikel", "artikel teilen",
    "teile diesen", "teilen sie diesen", "gefällt dir unser", "gefällt ihnen unser",
    "gefällt dir dieser", "gefällt ihnen dieser", "jetzt zum kostenlosen newsletter",
    "jetzt zum newsletter", "posts:", "joined:", "join date:", "reputation:", "reaction score:",
    "messages:", "reactions:", "likes received:", "member since",
    // pointers to more information elsewhere
    "weitere informationen zu", "weitere informationen unter", "weitere informationen hierzu",
    "weitere infos unter", "mehr informationen unter", "more information is available at",
    "for more information, visit"};

// A label alone on a line that opens the writer's box ("Written by", then a
// name and a biography). A line that starts "About the author" opens it too
// (alone, it is also a boilerplate line), as does "Written by Jane Roe".
constexpr std::string_view kWriterLabels[] = {"written by", "author"};
constexpr std::string_view kWriterBoxPrefixes[] = {"about the author", "about the writer",
                                                   "about the reviewer"};
constexpr std::string_view kWrittenBy = "written by ";

// The label that opens a documentation page's side note (an admonition:
// "Note:", "Tip", "See also"), alone or before the note's first sentence.
constexpr std::string_view kAdmonitionLabels[] = {"note", "tip", "warning", "caution", "important",
                                                  "see also", "danger", "hint", "attention"};

// The first bytes of some words, in either case: a test of one byte that
// rejects most texts before any word is compared.
struct FirstBytes {
  bool has[256] = {};
  template <size_t N>
  constexpr explicit FirstBytes(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      const unsigned char c = static_cast<unsigned char>(w[0]);
      has[c] = true;
      if (c >= 'a' && c <= 'z') has[c - 32] = true;
    }
  }
};
constexpr FirstBytes kAdmonitionFirst(kAdmonitionLabels);
constexpr FirstBytes kAuthorFirst(kAuthorWords);

// Words in a shop page's heading that bring in other products ("Customers
// also bought", "Frequently bought together", "Similar items"): the cards
// under such a heading sell something else.
constexpr std::string_view kOtherProductsInfixes[] = {
    "also bought", "also viewed", "also purchased", "bought together", "similar items",
    "similar products", "related items", "related products", "recently viewed",
    "you may also like", "you might also like", "complete the look", "pairs well with",
    "featured products"};

// A forum poster's rank and status alone on a line ("staff" alone may be a
// byline). As a heading such a word names a section: a page on user roles.
constexpr std::string_view kPosterRankLines[] = {
    "member",       "moderator",    "super moderator", "global moderator", "administrator",
    "staff member", "topic author", "offline"};

// Labels a number goes with on a post's or a thread's counters ("1 Like",
// "12 Replies", "1.2k Views") and on a poster's card ("2,345 posts", "518
// helpful votes"): a line made of the two is a control.
constexpr std::string_view kCountLabels[] = {
    "like",  "likes",  "reply",    "replies",   "view", "views", "vote",         "votes",
    "point", "points", "reaction", "reactions", "post", "posts", "helpful vote", "helpful votes"};

// The labels a thread's stats list sets before their count ("Replies 154",
// "Views: 26.2k"). Not singular ones: "Post 2", "Point 1" number an item.
constexpr std::string_view kLabelFirstCountLabels[] = {"replies", "views", "posts", "likes"};

// A question's dates and views on a Q&A site ("Asked 3 years, 2 months ago",
// "Modified today", "Viewed 11k times"): a line that opens with one of the
// first and ends with one of the second.
constexpr std::string_view kThreadStatPrefixes[] = {"asked ", "modified ", "viewed ", "active "};
constexpr std::string_view kThreadStatSuffixes[] = {" ago", " times", " today", " yesterday"};
// A reply's subject line, which repeats the thread's title ("Re: Which
// lens?", "3. Re: Which lens?").
constexpr std::string_view kReplyPrefix = "re: ";

// Prefixes of appeals and disclosures, which run longer than a label: a
// line of at most Thresholds::appeal_line_words that starts with one is
// boilerplate ("If you enjoyed this article, ...", "This post contains
// references to products from ...", "Get the latest news straight to your
// phone with our app.").
constexpr std::string_view kAppealPrefixes[] = {
    "if you enjoyed", "this post contains affiliate", "this post contains references",
    "síguenos en", "siguenos en", "follow us on", "get the latest", "for the latest news",
    "for the latest stories", "for the latest updates",
    "these statements have not been evaluated by the food and drug administration",
    // invitations to more of the same, and the notes on who pays for a review
    "lust auf mehr?", "a word to our", "wenn dir der artikel gefallen",
    "wenn ihnen der artikel gefallen", "wenn dir dieser artikel gefallen",
    "wenn ihnen dieser artikel gefallen", "we recommend the best products",
    "we may receive compensation", "we may earn a commission", "we may earn commission",
    // a consent banner's opening, however long it goes on
    "we use cookies", "this site uses cookies", "this website uses cookies",
    "wir verwenden cookies", "diese website verwendet cookies", "nous utilisons des cookies",
    "utilizamos cookies", "korzystamy z cookies", "korzystamy z plików cookie",
    "używamy plików cookie",
    // how to cite the piece
    "suggested citation", "zitiervorschlag", "zitierweise", "how to cite", "cite this article",
    "citation:", "pour citer cet article",
    // the terms under a Q&A site's answer form
    "by clicking \xE2\x80\x9Cpost your answer", "by clicking \"post your answer",
    // a wire story's closing credits in brackets, which name every hand
    "(reporting by", "(editing by", "(writing by", "(additional reporting",
    // a paywall's box where the story stops for readers who do not pay
    "this article is exclusive to", "unlock this article", "to read the rest of this story",
    "become a paid subscriber", "this post is for paid subscribers", "already have an account?"};

// Appeals for money or membership may open with anything ("Our interviews
// are expensive to produce. ... please support us by donating"): a line of at
// most Thresholds::appeal_line_words that holds one of these is boilerplate.
// Searched inside the line, they are looked for in the chosen blocks only.
constexpr std::string_view kAppealInfixes[] = {
    "support us by", "support us with", "make a donation", "donate now", "become a member",
    "become a patron", "buy me a coffee", "without a paywall", "wesprzyj nas", "hazte miembro",
    "apóyanos", "soutenez-nous", "kaffee ausgeben", "keine bezahlschranke"};

// So may the rules of a comment section ("Note: we are temporarily moderating
// all comments ...", "Kommentare und Pings sind derzeit nicht erlaubt."), the
// line a blog files its post with and its likes ("%d Bloggern gefällt das:").
constexpr std::string_view kCommentRuleInfixes[] = {
    "moderating all comments", "comments are moderated", "comments are closed",
    "comments and pings are", "kommentare der user", "kommentare sind geschlossen",
    "kommentare und pings", "los comentarios están", "commentaires sont fermés",
    // and the line that files a blog post ("This entry was posted in ...")
    "this entry was posted", "bookmark the permalink", "und abgelegt unter",
    "dieser eintrag wurde", "kommentare zu diesem eintrag", "kommentare zu diesen eintrag",
    "rss 2.0 feed",
    // and what a blog's likes widget prints
    "bloggern gefällt das", "bloggers like this", "blogueurs aiment",
    // and the note a page prints for readers without scripts
    "javascript is turned off", "javascript is disabled", "javascript is currently disabled",
    "javascript is not enabled", "javascript must be enabled", "enable javascript",
    "requires javascript", "turn on javascript"};

// A newsletter's sign-up may sit anywhere in a line too ("... Sign up for the
// free daily newsletter."): a line that names a newsletter and holds one of
// these is an appeal.
constexpr std::string_view kNewsletterWord = "newsletter";
constexpr std::string_view kSignUpInfixes[] = {
    "sign up", "subscribe to our", "subscribe now", "abonnieren", "anmelden", "melde dich",
    "melden sie sich", "inscríbete", "suscríbete", "inscrivez-vous", "abonnez-vous", "zapisz się"};

// An appeal to follow the site elsewhere starts with "follow " and names one
// of these ("Follow us on Instagram", "Follow our section on Facebook and
// Twitter", "Follow our full coverage at ...").
constexpr std::string_view kFollowPrefix = "follow ";
constexpr std::string_view kFollowTargets[] = {"facebook", "twitter", "instagram", "linkedin",
                                               "youtube", "tiktok", "coverage"};

// A PHP error printed into the page starts with its level and ends with
// "... in /path/file.php on line 56".
constexpr std::string_view kScriptErrorPrefixes[] = {
    "warning: ", "notice: ", "deprecated: ", "strict standards: ", "fatal error: ", "parse error: "};
constexpr std::string_view kScriptErrorInfix = " on line ";

// Infixes that mark a line of at most Thresholds::caption_credit_words as a
// copyright notice or a render-time line.
constexpr std::string_view kNoticeInfixes[] = {
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
    "alle rechten voorbehouden", "wszelkie prawa zastrzeżone", "все права защищены",
    "tüm hakları saklıdır", "hak cipta dilindungi", "版权所有", "版權所有", "無断転載",
    "สงวนลิขสิทธิ์", "무단 전재", "page generated in", "page rendered in", "rendered in",
    "generated in", "render time", "waktu render", "dimuat dalam", "halaman ini dimuat",
    "seite generiert in", "page loaded in", "processed in", "copyrighted property of",
    "without written permission", "written permission must be obtained"};

// Photo credits and caption sources.
constexpr std::string_view kCreditPrefixes[] = {
    "foto:", "foto :", "foto/", "foto -", "photo:", "photo :", "photo/", "photo by", "photos:",
    "photograph:", "image:", "image credit", "image source", "credit:", "credits:", "picture:",
    "pictures:", "bild:", "bildquelle", "fotos:", "(foto", "(photo", "(image", "(bild",
    "sumber foto", "sumber gambar", "ilustrasi", "gambar:", "illustration:", "写真：", "写真:",
    "图片来源", "图片：", "圖片來源", "ภาพ:", "ภาพ :", "ที่มาภาพ", "zdjęcie:", "фото:", "fotó:",
    "getty images", "via getty", "shutterstock", "crédits photos", "crédit photo", "copyright:",
    "copyright :",
    // where the figures or the story came from
    "quelle:", "quellen:", "source:", "sources:", "fuente:", "fonte:"};
constexpr std::string_view kCreditInfixes[] = {
    "foto/", "foto:", "foto :", "photo:", "photo/", "photo credit", "(photo", "(foto",
    "getty images", "/ap photo", "ap photo/", "(ap photo", "/reuters", "/afp", "/antara",
    "antara foto", "| foto", "| photo", "bild: ", "foto: ", "(bild:", "ภาพ:", "写真：",
    "图片来源",
    // the reporters who helped
    "contributed to this report", "contributed to this story", "contributed reporting"};

// Ids with this many hyphen-separated words are heading slugs.
constexpr size_t kSlugIdWords = 4;

template <size_t N>
void fill(std::unordered_set<std::string_view>& set, const std::string_view (&items)[N]) {
  set.reserve(N * 2);
  for (auto s : items) set.insert(s);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

template <size_t N>
bool ends_with_any(std::string_view s, const std::string_view (&suffixes)[N]) {
  return std::any_of(std::begin(suffixes), std::end(suffixes), [&](std::string_view x) {
    return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
  });
}

// A gallery's or a slideshow's counter: "1 of 6", "1 - 5 of 36".
bool is_slide_counter(std::string_view line) {
  auto number = [&](size_t& i) {
    size_t from = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    return i > from && i - from <= 3;
  };
  size_t i = 0;
  if (!number(i)) return false;
  std::string_view rest = line.substr(i);
  if (starts_with(rest, " - ") || starts_with(rest, "-")) {
    i += rest[0] == '-' ? 1 : 3;
    if (!number(i)) return false;
  }
  if (!starts_with(line.substr(i), " of ")) return false;
  i += 4;
  return number(i) && i == line.size();
}

// The length of the count that opens `s` ("12", "1,234", "1.2k"), or 0.
size_t count_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (i > 0 && (s[i] == ',' || s[i] == '.')))) {
    ++i;
  }
  if (i > 0 && i < s.size() && s[i] == 'k') ++i;
  return i;
}

// A count and its label: "12 replies", "1,234 views", "1.2k likes", "518
// helpful votes" (labels in `labels`).
bool is_counter_line(std::string_view line, const std::unordered_set<std::string_view>& labels) {
  size_t i = count_prefix(line);
  return i > 0 && i < line.size() && line[i] == ' ' && labels.count(line.substr(i + 1));
}

// A label before its count, as in a thread's stats list: "Replies 154",
// "Views: 26.2k" (labels in `labels`).
bool is_label_first_counter_line(std::string_view line,
                                 const std::unordered_set<std::string_view>& labels) {
  size_t space = line.rfind(' ');
  if (space == std::string_view::npos) return false;
  std::string_view count = line.substr(space + 1);
  if (count.empty() || count_prefix(count) != count.size()) return false;
  std::string_view label = line.substr(0, space);
  if (!label.empty() && label.back() == ':') label.remove_suffix(1);
  return labels.count(label) > 0;
}

// A reply's subject, bare or numbered ("Re: ...", "3. Re: ...").
bool is_reply_subject(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && starts_with(line.substr(i), ". ")) i += 2;
  return starts_with(line.substr(i), kReplyPrefix);
}

// Letters a-z as 0-25, every other byte as 26 (a row and column of zeros in
// glued_pairs_): the glued-word scan needs no range test per position.
struct LetterCodes {
  uint8_t code[256] = {};
  constexpr LetterCodes() {
    for (int c = 0; c < 256; ++c) code[c] = static_cast<uint8_t>(c >= 'a' && c <= 'z' ? c - 'a' : 26);
  }
};
constexpr LetterCodes kLetterCodes;

// True when every word starts with two lowercase ASCII letters (the
// glued-word table is indexed by them).
template <size_t N>
constexpr bool starts_with_two_letters(const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (w.size() < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z') return false;
  }
  return true;
}
static_assert(starts_with_two_letters(kBoilerplateStems));

// Strips trailing ":", ".", "…", "»", "›", ">" and spaces, and leading bullets.
std::string_view trim_line(std::string_view s) {
  auto strip_suffix = [&](std::string_view suf) {
    if (s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf) {
      s.remove_suffix(suf.size());
      return true;
    }
    return false;
  };
  bool changed = true;
  while (changed && !s.empty()) {
    changed = strip_suffix(":") || strip_suffix(" ") || strip_suffix("»") || strip_suffix("›") ||
              strip_suffix(">") || strip_suffix("|") || strip_suffix("\xE2\x86\x92");  // →
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '|' || s.front() == '-' ||
                        s.front() == '>' || s.front() == '*')) {
    s.remove_prefix(1);
  }
  return s;
}

}  // namespace

// React's streamed server rendering parks content in <div hidden id="S:n">
// until a script moves it into place: the content of the page. n counts in
// hexadecimal ("S:9", "S:a", "S:1f").
bool is_streamed_id(std::string_view id) {
  if (id.size() < 3 || id[0] != 'S' || id[1] != ':') return false;
  for (size_t i = 2; i < id.size(); ++i) {
    if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'))) return false;
  }
  return true;
}

bool is_placeholder_id(std::string_view id) {
  return id.size() >= 3 && (id[0] == 'B' || id[0] == 'P') && id[1] == ':';
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool starts_with_ascii_ci(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = s[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != lower_prefix[i]) return false;
  }
  return true;
}

void WordBits::add(std::string_view w, unsigned bits) {
  if (bits == 0 || w.empty()) return;
  if (w.size() < 64) first_len_[static_cast<unsigned char>(w[0])] |= 1ull << w.size();
  else has_long_ = true;
  *table_.try_emplace(w).first |= bits;
}

void PhraseIndex::add(std::string_view phrase) {
  if (phrase.empty()) return;
  unsigned char c = static_cast<unsigned char>(phrase[0]);
  by_first_[c].push_back(phrase);
  firsts_[c >> 6] |= 1ull << (c & 63);
  if (phrase.size() < 2 || phrases_.size() >= 64) by_pairs_ = false;
  if (!by_pairs_) return;
  if (pair_bits_.empty()) pair_bits_.assign(512, 0);
  pair_bits_[pair_slot(c, static_cast<unsigned char>(phrase[1]))] |= 1ull << phrases_.size();
  phrases_.push_back(phrase);
  // How far inside() may skip on each pair of bytes: as far as the pair's
  // last place in the first shortest-phrase bytes of any phrase allows.
  shortest_ = std::min<size_t>({shortest_, phrase.size(), 255});
  shift_.assign(512, static_cast<uint8_t>(shortest_ - 1));
  for (std::string_view p : phrases_) {
    for (size_t j = 0; j + 1 < shortest_; ++j) {
      uint8_t& s = shift_[pair_slot(static_cast<unsigned char>(p[j]), static_cast<unsigned char>(p[j + 1]))];
      s = std::min(s, static_cast<uint8_t>(shortest_ - 2 - j));
    }
  }
}

bool PhraseIndex::match_at(std::string_view line, size_t i) const {
  const size_t left = line.size() - i;
  for (std::string_view p : by_first_[static_cast<unsigned char>(line[i])]) {
    if (p.size() <= left && (p.size() < 2 || p[1] == line[i + 1]) &&
        std::memcmp(line.data() + i, p.data(), p.size()) == 0)
      return true;
  }
  return false;
}

bool PhraseIndex::starts(std::string_view line) const {
  if (!by_pairs_) return !line.empty() && match_at(line, 0);
  // Every phrase has two bytes or more: the first two pick the candidates.
  if (line.size() < 2 || phrases_.empty()) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  for (uint64_t m = pair_bits_[pair_slot(p[0], p[1])]; m; m &= m - 1) {
    std::string_view phrase = phrases_[static_cast<size_t>(__builtin_ctzll(m))];
    if (phrase.size() <= line.size() && std::memcmp(p, phrase.data(), phrase.size()) == 0) return true;
  }
  return false;
}

bool PhraseIndex::inside(std::string_view line) const {
  if (!by_pairs_) {
    for (size_t i = 0; i < line.size(); ++i)
      if (may_start(static_cast<unsigned char>(line[i])) && match_at(line, i)) return true;
    return false;
  }
  if (phrases_.empty() || line.size() < shortest_) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  // The pair at the end of a window of the shortest phrase's length: while
  // it ends no phrase's first bytes there, the window moves on by more than one.
  const size_t last = shortest_ - 2;
  for (size_t end = last; end + 1 < line.size();) {
    if (size_t s = shift_[pair_slot(p[end], p[end + 1])]) {
      end += s;
      continue;
    }
    size_t i = end - last;
    for (uint64_t m = pair_bits_[pair_slot(p[i], p[i + 1])]; m; m &= m - 1) {
      std::string_view phrase = phrases_[static_cast<size_t>(__builtin_ctzll(m))];
      if (phrase.size() <= line.size() - i && std::memcmp(p + i, phrase.data(), phrase.size()) == 0)
        return true;
    }
    ++end;
  }
  return false;
}

unsigned Vocabulary::glued_words(std::string_view t) const {
  unsigned found = 0;
  // No glued word fits after t.size() - shortest_glued_.
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  for (size_t i = 0; i + shortest_glued_ <= t.size(); ++i) {
    for (uint32_t m = glued_pairs_[kLetterCodes.code[p[i]]][kLetterCodes.code[p[i + 1]]]; m;
         m &= m - 1) {
      size_t k = static_cast<size_t>(__builtin_ctz(m));
      std::string_view w = glued_[k];
      if (t.size() - i < w.size() || std::memcmp(t.data() + i + 2, w.data() + 2, w.size() - 2) != 0)
        continue;
      if (k == comment_glued_) found |= kGluedComment;
      else if (k == caption_glued_) found |= kGluedCaption;
      else if (t.size() > w.size()) found |= kGluedStem;
    }
  }
  return found;
}

unsigned Vocabulary::glued_author_box(std::string_view t) const {
  // Most tokens start with a letter no author word starts with.
  if (!kAuthorFirst.has[static_cast<unsigned char>(t[0])]) return 0;
  for (std::string_view a : kAuthorWords) {
    if (t.size() > a.size() && t[0] == a[0] && t[1] == a[1] &&
        std::memcmp(t.data() + 2, a.data() + 2, a.size() - 2) == 0 &&
        (token_bits_.find(t.substr(a.size())) & kTokBox))
      return kTokAuthor | kTokBox;
  }
  return 0;
}

Vocabulary::Vocabulary() {
  auto tok = [&](auto& items, unsigned bits) {
    for (std::string_view t : items) {
      token_bits_.add(t, bits);
    }
  };
  tok(html::kFurnitureWords, kTokBoilerplate);
  tok(kBoilerplateTokens, kTokBoilerplate);
  tok(kStrongTokens, kTokBoilerplate | kTokStrong);
  tok(kWeakTokens, kTokWeak);
  tok(kIngredientTokens, kTokIngredients);
  tok(kNoticeTokens, kTokNotice);
  tok(kHeroTokens, kTokHero);
  tok(kDisclosureTokens, kTokDisclosure);
  tok(html::kCommentWords, kTokComments);
  tok(kCaptionTokens, kTokCaption);
  tok(kAuthorWords, kTokAuthor);
  tok(kLeadTokens, kTokLead);
  tok(kDescriptionTokens, kTokDescription);
  tok(kAuthorBoxWords, kTokBox);
  tok(kSafeTokens, kTokSafe);
  tok(kPositiveTokens, kTokPositive);
  tok(kNegativeTokens, kTokNegative);
  for (std::string_view c : kContentClasses) class_bits_.add(c, kClsContent);
  for (std::string_view c : kArticleClasses) class_bits_.add(c, kClsArticle);
  for (std::string_view c : kHiddenClasses) class_bits_.add(c, kClsHidden);
  for (std::string_view c : kLayoutClasses) class_bits_.add(c, kClsLayout);
  fill(boilerplate_roles_, kBoilerplateRoles);
  fill(boilerplate_lines_, kBoilerplateLines);
  fill(count_labels_, kCountLabels);
  fill(label_first_count_labels_, kLabelFirstCountLabels);
  fill(poster_rank_lines_, kPosterRankLines);
  fill(writer_labels_, kWriterLabels);
  glued_.assign(std::begin(kBoilerplateStems), std::end(kBoilerplateStems));
  comment_glued_ = glued_.size();
  glued_.push_back("comment");
  caption_glued_ = glued_.size();
  glued_.push_back("caption");
  static_assert(std::size(kBoilerplateStems) < 32, "glued_pairs_ holds 32 bits");
  shortest_glued_ = glued_[0].size();
  for (size_t k = 0; k < glued_.size(); ++k) {
    glued_pairs_[glued_[k][0] - 'a'][glued_[k][1] - 'a'] |= 1u << k;
    shortest_glued_ = std::min(shortest_glued_, glued_[k].size());
  }
  for (std::string_view p : kTaxonomyPrefixes) taxonomy_prefixes_.add(p);
  for (std::string_view p : kBoilerplatePrefixes) boilerplate_prefixes_.add(p);
  for (std::string_view p : kAppealPrefixes) appeal_prefixes_.add(p);
  for (std::string_view p : kWriterBoxPrefixes) writer_box_prefixes_.add(p);
  for (std::string_view p : kOtherProductsInfixes) other_products_.add(p);
  for (std::string_view p : kAppealInfixes) embedded_infixes_.add(p);
  for (std::string_view p : kCommentRuleInfixes) embedded_infixes_.add(p);
  newsletter_word_.add(kNewsletterWord);
  for (std::string_view p : kSignUpInfixes) sign_up_infixes_.add(p);
  for (std::string_view p : kFollowTargets) follow_targets_.add(p);
  for (std::string_view p : kScriptErrorPrefixes) script_error_prefixes_.add(p);
  for (std::string_view p : kNoticeInfixes) notice_infixes_.add(p);
  for (std::string_view p : kCreditPrefixes) credit_prefixes_.add(p);
  for (std::string_view p : kCreditInfixes) credit_infixes_.add(p);
}

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

bool is_responsive(std::string_view cls) { return cls.find(':') != std::string_view::npos; }

// An id made of many hyphenated words is a slug of a heading
// ("receive-and-reply-to-an-inbound-call"), not a name for the element's role.
bool is_slug(std::string_view id) {
  size_t words = 1;
  for (char c : id) {
    if (c == '-' || c == '_') ++words;
  }
  return words >= kSlugIdWords;
}

ClassPart Vocabulary::analyze_part(std::string_view value, bool is_class) const {
  ClassPart part;
  auto consider = [&](Verdict v, bool weak = false) {
    // comments < caption < boilerplate in strength.
    if (v == Verdict::boilerplate) {
      part.boilerplate = true;
      if (!weak) part.firm = true;
    }
    if (part.first == Verdict::none) part.first = v;
  };
  unsigned name_words = 0;  // kTokAuthor | kTokBox seen in the current class name
  auto token = [&](std::string_view t) {
    unsigned bits = token_bits_.find(t);
    name_words |= bits & (kTokAuthor | kTokBox);
    if (bits & kTokPositive) part.positive = true;
    if (bits & kTokNegative) part.negative = true;
    if (bits & kTokStrong) part.strong = true;
    if (bits & kTokDisclosure) part.disclosure = true;
    if (bits & kTokLead) part.lead = true;
    if (bits & kTokDescription) part.description = true;
    if (bits & kTokIngredients) part.ingredients = true;
    if (bits & kTokHero) part.hero = true;
    if (bits & kTokNotice) part.notice = true;
    if (bits & kTokBoilerplate) return consider(Verdict::boilerplate, bits & kTokWeak);
    if (bits & kTokComments) return consider(Verdict::comments);
    if (bits & kTokCaption) return consider(Verdict::caption);
    if (t.size() < 5 || (bits & kTokSafe)) return;
    if (!bits) name_words |= glued_author_box(t);
    unsigned glued = glued_words(t);
    if ((glued & kGluedComment) && !starts_with(t, "commentar")) return consider(Verdict::comments);
    if (glued & kGluedStem) return consider(Verdict::boilerplate);
    if (glued & kGluedCaption) return consider(Verdict::caption);
  };
  html::for_each_class(value, [&](const html::ClassName& name) {
    const std::string_view c = name.text;
    if (name.dashed && kHiddenSuffixEnds.may_end(c) && !starts_with(c, "not-") &&
        ends_with_any(c, kHiddenSuffixes)) {
      part.hidden = true;
    }
    if (unsigned bits = class_bits_.find(c)) {
      if (bits & kClsLayout) return;
      if (bits & kClsHidden) {
        if (c == "hidden") part.hidden_word = true;
        else part.hidden = true;
      }
      if (bits & kClsContent) part.hint = true;
      if ((bits & kClsArticle) && is_class) part.article = true;
    }
    name_words = 0;
    auto author_box = [&](std::string_view t) { name_words |= token_bits_.find(t) & (kTokAuthor | kTokBox); };
    if (name.dashed) {
      // Taxonomy and layout classes ("tag-social-media", "has-sidebar") say
      // nothing of the element; every prefix holds a '-'. Of "author-...",
      // only an author box does ("author-box", not "author-jdoe").
      if (c.size() >= 3 && taxonomy_prefixes_.starts(c)) {
        if (starts_with(c, "author-") || starts_with(c, "autor-")) {
          html::for_each_word(name, author_box);
          if (name_words == (kTokAuthor | kTokBox)) consider(Verdict::boilerplate);
        }
        return;
      }
      // Hyphenated names of the lists ("more-stories") match whole.
      if (token_bits_.find(c)) token(c);
    }
    html::for_each_word(name, token);
    if (name_words == (kTokAuthor | kTokBox)) consider(Verdict::boilerplate);
  });
  return part;
}

ClassFacts Vocabulary::combine(const ClassPart& cls, const ClassPart& id,
                               std::string_view cls_value) const {
  ClassFacts facts;
  // Utility-CSS pages say "hidden md:flex": hidden on small screens only.
  bool hidden = cls.hidden || id.hidden ||
                ((cls.hidden_word || id.hidden_word) && !is_responsive(cls_value));
  bool strong = cls.strong || id.strong;
  facts.disclosure = cls.disclosure || id.disclosure;
  facts.hint = cls.hint || id.hint;
  facts.lead = cls.lead || id.lead;
  facts.description = cls.description || id.description;
  facts.ingredients = cls.ingredients || id.ingredients;
  facts.notice = cls.notice || id.notice;
  facts.hero = (cls.hero || id.hero) && !strong;
  // Class tokens come before id tokens: the first verdict met stands unless
  // a later one says boilerplate.
  Verdict verdict = (cls.boilerplate || id.boilerplate)
                        ? Verdict::boilerplate
                        : (cls.first != Verdict::none ? cls.first : id.first);
  int weight = (cls.positive ? 1 : 0) - (cls.negative ? 1 : 0) + (id.positive ? 1 : 0) -
               (id.negative ? 1 : 0);
  facts.weight = static_cast<signed char>(weight);
  if (hidden) {
    facts.verdict = Verdict::hidden;
  } else if (!cls.article && !facts.ingredients && !facts.hero) {
    // An element that declares itself the article ("hentry", "type-post"),
    // a recipe's ingredients or the page's opening block is not judged by
    // the other words of its class list.
    facts.verdict = verdict;
    facts.strong = strong && verdict == Verdict::boilerplate;
    facts.weak = verdict == Verdict::boilerplate && !cls.firm && !id.firm;
  }
  return facts;
}

ClassFacts Vocabulary::analyze(std::string_view cls, std::string_view id) const {
  if (!id.empty() && is_slug(id)) id = {};
  if (cls.empty() && id.empty()) return {};
  static const ClassPart kNoPart;
  return combine(analyze_part(cls, true), id.empty() ? kNoPart : analyze_part(id, false), cls);
}

Verdict Vocabulary::classify(std::string_view cls, std::string_view id,
                             std::string_view role) const {
  if (!role.empty()) {
    std::string r = ascii_lower(role);
    if (boilerplate_roles_.count(r)) return Verdict::boilerplate;
  }
  return analyze(cls, id).verdict;
}

int Vocabulary::class_weight(std::string_view cls, std::string_view id) const {
  return analyze(cls, id).weight;
}

bool Vocabulary::is_content_class(std::string_view cls, std::string_view id) const {
  return analyze(cls, id).hint;
}

// ASCII-lowercased copy of a short line in a caller's buffer (no allocation).
// `text` lowercased into `buf` (of `cap` >= text.size() bytes): ASCII in
// place, other scripts through text::to_lower ("Über" as "über") when the
// line is as short as the phrases it is compared with; longer lines, often
// prose with a typographic apostrophe, are matched by their ASCII letters.
static std::string_view lower_into(std::string_view text, char* buf, size_t cap) {
  constexpr size_t kUnicodeLowerBytes = 64;
  unsigned high = 0;  // any byte >= 0x80
  size_t i = 0;
  for (; i + 16 <= text.size(); i += 16) {
    const simd::Bytes16 v = simd::Bytes16::load(text.data() + i);
    high |= v.mask();
    v.ascii_lower().store(buf + i);
  }
  for (; i < text.size(); ++i) {
    char c = text[i];
    high |= static_cast<unsigned char>(c) >> 7;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (high && text.size() <= kUnicodeLowerBytes) {
    std::string lower = text::to_lower(text);
    if (lower.size() <= cap) {
      std::memcpy(buf, lower.data(), lower.size());
      return std::string_view(buf, lower.size());
    }
  }
  return std::string_view(buf, text.size());
}

bool Vocabulary::is_boilerplate_line(std::string_view text, size_t words, bool heading) const {
  if (text.size() > 400) return false;
  char buf[400];
  std::string_view line = trim_line(lower_into(text, buf, sizeof buf));
  if (line.empty()) return false;
  if (boilerplate_lines_.count(line)) return true;
  // "Loading...", "Weiterlesen ›" and friends after stripping dots and ellipses.
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ' ')) bare.remove_suffix(1);
  if (bare.size() >= 3 && bare.substr(bare.size() - 3) == "\xE2\x80\xA6") bare.remove_suffix(3);
  if (bare != line && boilerplate_lines_.count(bare)) return true;
  // The same line in brackets: "(Alle Angaben ohne Gewähr)", "[Advertisement]".
  if (line.size() > 2 && (line.front() == '(' || line.front() == '[') &&
      (line.back() == ')' || line.back() == ']')) {
    std::string_view inner = trim_line(line.substr(1, line.size() - 2));
    while (!inner.empty() && (inner.back() == '.' || inner.back() == ' ')) inner.remove_suffix(1);
    if (boilerplate_lines_.count(inner)) return true;
  }
  if (words <= 4 && is_counter_line(line, count_labels_)) return true;
  // A poster's card and a thread's stats, never a heading. A rank is one or
  // two words.
  if (!heading && ((words <= 2 && poster_rank_lines_.count(line)) ||
                   (words <= 4 && is_label_first_counter_line(line, label_first_count_labels_))))
    return true;
  if (words <= thresholds_.thread_stat_words && ends_with_any(line, kThreadStatSuffixes) &&
      std::any_of(std::begin(kThreadStatPrefixes), std::end(kThreadStatPrefixes),
                  [&](std::string_view p) { return starts_with(line, p); })) {
    return true;
  }
  if (words <= thresholds_.reply_subject_words && is_reply_subject(line)) return true;
  if ((words == 3 || words == 4) && is_slide_counter(line)) return true;
  if (words <= thresholds_.short_line_words) {
    if (boilerplate_prefixes_.starts(line)) return true;
    // Copyright notices: "© 2021 ...", "Copyright 2021 ...".
    if (starts_with(line, "\xC2\xA9") || starts_with(line, "(c) ") ||
        (starts_with(line, "copyright") &&
         std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
      return true;
    }
  }
  if (words <= thresholds_.appeal_line_words &&
      (appeal_prefixes_.starts(line) ||
       (starts_with(line, kFollowPrefix) && follow_targets_.inside(line)))) {
    return true;
  }
  if (script_error_prefixes_.starts(line) && line.find(kScriptErrorInfix) != std::string_view::npos)
    return true;
  if (words <= thresholds_.caption_credit_words) {
    if (notice_infixes_.inside(line)) return true;
  }
  return false;
}

bool Vocabulary::is_embedded_boilerplate(std::string_view text) const {
  constexpr size_t kMaxBytes = 600;
  if (text.size() > kMaxBytes) return false;
  char buf[kMaxBytes];
  std::string_view line = lower_into(text, buf, sizeof buf);
  return (embedded_infixes_.inside(line) ||
          (newsletter_word_.inside(line) && sign_up_infixes_.inside(line))) &&
         !text::has_words(text, thresholds_.appeal_line_words + 1);
}

bool Vocabulary::is_writer_label(std::string_view text) const {
  constexpr size_t kMaxBytes = 400;
  if (text.size() > kMaxBytes) return false;
  // Every label starts with one of these words: other lines, most of them,
  // are not lowercased.
  size_t k = text.find_first_not_of(" -*|>");
  if (k == std::string_view::npos) return false;
  auto opens = [&](std::string_view word) { return starts_with_ascii_ci(text.substr(k), word); };
  if (!opens("author") && !opens("about") && !opens("written")) return false;
  char buf[kMaxBytes];
  std::string_view line = trim_line(lower_into(text, buf, sizeof buf));
  if (writer_labels_.count(line) || writer_box_prefixes_.starts(line)) return true;
  // "Written by" and a name, not a sentence ("Written by hand, the ...").
  constexpr size_t kNameWords = 4;
  return starts_with(line, kWrittenBy) &&
         !text::has_words(line.substr(kWrittenBy.size()), kNameWords + 1);
}

bool Vocabulary::opens_admonition(std::string_view text) const {
  size_t k = text.find_first_not_of(" \t\r\n");
  if (k == std::string_view::npos) return false;
  text.remove_prefix(k);
  // Most texts open with a letter no label starts with.
  if (!kAdmonitionFirst.has[static_cast<unsigned char>(text[0])]) return false;
  for (std::string_view label : kAdmonitionLabels) {
    if (!starts_with_ascii_ci(text, label)) continue;
    std::string_view rest = text.substr(label.size());
    size_t r = rest.find_first_not_of(" \t\r\n");
    if (r == std::string_view::npos || rest[r] == ':') return true;
  }
  return false;
}

bool Vocabulary::is_other_products_heading(std::string_view text) const {
  constexpr size_t kMaxBytes = 120;
  if (text.size() > kMaxBytes) return false;
  char buf[kMaxBytes];
  return other_products_.inside(lower_into(text, buf, sizeof buf));
}

bool Vocabulary::is_credit_line(std::string_view text, size_t words) const {
  if (words > thresholds_.caption_credit_words || text.size() > 600) return false;
  char buf[600];
  std::string_view line = trim_line(lower_into(text, buf, sizeof buf));
  return credit_prefixes_.starts(line) || credit_infixes_.inside(line);
}

}  // namespace saring::extract
