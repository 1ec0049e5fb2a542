// Backend::native: saring's own HTML5 tokenizer (tokenizer.cc) and tree
// builder (tree_builder.cc). Tokenizer states and character references are
// tested on the tokenizer itself; tree construction through parse(), by
// serializing the tree (element names and text) and comparing with what
// the HTML5 algorithm builds.
#include <gtest/gtest.h>

#include <cctype>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "saring/html.h"
#include "saring/utf8.h"
#include "tokenizer.h"

using namespace saring;
using namespace saring::html;
using detail::Token;
using detail::Tokenizer;
using detail::TokenType;

namespace {

// Time bounds below only catch quadratic behaviour (which would take minutes
// here); sanitizer builds run several times slower, so their bounds are wider.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kTimeScale = 10.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr double kTimeScale = 10.0;
#else
constexpr double kTimeScale = 1.0;
#endif
#else
constexpr double kTimeScale = 1.0;
#endif

// CPU seconds of the calling thread: unlike wall time, not stretched by other
// work on a loaded machine, so the bounds stay meaningful there.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// ---- tokenizer -------------------------------------------------------------------

// Tokens in a compact notation: text as "'...'", tags as "<name a=v>" / "</name>",
// comments as "#...", doctypes as "!name".
std::string tokens(std::string_view input) {
  const PaddedText padded = PaddedText::copy_of(input);
  Tokenizer tk(padded);
  Token t;
  std::string out;
  for (int guard = 0; guard < 1000; ++guard) {
    tk.next(t);
    switch (t.type) {
      case TokenType::eof: return out;
      case TokenType::text: out += "'" + std::string(t.text) + "'"; break;
      case TokenType::comment: out += "#" + std::string(t.text) + "#"; break;
      case TokenType::doctype: out += "!" + std::string(t.name); break;
      case TokenType::end_tag: out += "</" + std::string(t.name) + ">"; break;
      case TokenType::start_tag:
        out += "<" + std::string(t.name);
        for (const Attribute& a : t.attrs)
          out += " " + std::string(a.name) + "=" + std::string(a.value);
        out += t.self_closing ? "/>" : ">";
        if (t.name == "script") tk.set_mode(Tokenizer::Mode::script, t.name);
        if (t.name == "style") tk.set_mode(Tokenizer::Mode::rawtext, t.name);
        if (t.name == "title") tk.set_mode(Tokenizer::Mode::rcdata, t.name);
        if (t.name == "plaintext") tk.set_mode(Tokenizer::Mode::plaintext, t.name);
        break;
    }
  }
  return out + "...";
}

std::string decode(std::string_view s, bool attr = false) {
  std::string out;
  detail::decode_text(s, attr, out);
  return out;
}

TEST(TokenizerTest, TextAndTags) {
  EXPECT_EQ(tokens("a<b>c</B>d"), "'a'<b>'c'</b>'d'");
  EXPECT_EQ(tokens("<DIV Class=X>"), "<div class=X>");
  EXPECT_EQ(tokens("1 < 2 <3 a<"), "'1 < 2 <3 a<'");
  EXPECT_EQ(tokens("x</>y"), "'x''y'");
  EXPECT_EQ(tokens("<br/>"), "<br/>");
  EXPECT_EQ(tokens("<a/b>"), "<a b=>");
}

TEST(TokenizerTest, AttributeQuotingForms) {
  EXPECT_EQ(tokens("<a x=\"1 2\" y='3\"4' z=5>"), "<a x=1 2 y=3\"4 z=5>");
  EXPECT_EQ(tokens("<a x = 1 y>"), "<a x=1 y=>");
  EXPECT_EQ(tokens("<a x=\"1\"y=2>"), "<a x=1 y=2>");          // no space between
  EXPECT_EQ(tokens("<a =x>"), "<a =x=>");                      // a name may start with '='
  EXPECT_EQ(tokens("<a x=1 X=2 x=3>"), "<a x=1>");              // duplicates: first wins
  EXPECT_EQ(tokens("<a title='a&amp;b' href=?a=1&b=2>"), "<a title=a&b href=?a=1&b=2>");
  EXPECT_EQ(tokens("<a x=\"unterminated>text"), "");           // EOF in a tag drops it
  EXPECT_EQ(tokens("<a x=\"a&amp;b>text"), "");                 // also after a reference
  EXPECT_EQ(tokens("<a x='&lt;\"&gt;' y=\"'\r\n\">"), "<a x=<\"> y='\n>");
  EXPECT_EQ(tokens("<a x=\"&amp;\">t</a>"), "<a x=&>'t'</a>");
  EXPECT_EQ(tokens("before<div class"), "'before'");
}

TEST(TokenizerTest, ManyAttributesStayLinear) {
  std::string h = "<div";
  for (int i = 0; i < 100000; ++i) h += " a" + std::to_string(i % 50000) + "=" + std::to_string(i);
  h += ">";
  double start = thread_cpu_seconds();
  const PaddedText padded(std::move(h));
  Tokenizer tk(padded);
  Token t;
  tk.next(t);
  double s = thread_cpu_seconds() - start;
  ASSERT_EQ(t.type, TokenType::start_tag);
  EXPECT_EQ(t.attrs.size(), 50000u);  // the second half repeats the first
  EXPECT_EQ(t.attr("a49999"), "49999");
  EXPECT_LT(s, 1.0 * kTimeScale);
}

// Lowercased names and decoded values share a buffer that grows while a
// tag is read; every attribute must still read right afterwards, including
// duplicates found among the buffered names.
TEST(TokenizerTest, BufferedNamesAndValuesSurviveGrowth) {
  std::string h = "<div";
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    h += " Name" + std::to_string(i) + "=\"v" + std::to_string(i) + "&amp;&lt;" +
         std::string(static_cast<size_t>(i % 7), 'x') + "\"";
    if (i % 3 == 0) h += " plain" + std::to_string(i) + "=p" + std::to_string(i);
  }
  h += " NAME5=dup name7=dup>after";
  const PaddedText padded(std::move(h));
  Tokenizer tk(padded);
  Token t;
  tk.next(t);
  ASSERT_EQ(t.type, TokenType::start_tag);
  ASSERT_EQ(t.attrs.size(), static_cast<size_t>(n + (n + 2) / 3));
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(t.attr("name" + std::to_string(i)),
              "v" + std::to_string(i) + "&<" + std::string(static_cast<size_t>(i % 7), 'x'))
        << i;
    if (i % 3 == 0) {
      EXPECT_EQ(t.attr("plain" + std::to_string(i)), "p" + std::to_string(i));
    }
  }
  tk.next(t);
  EXPECT_EQ(t.type, TokenType::text);
  EXPECT_EQ(t.text, "after");
}

TEST(TokenizerTest, Comments) {
  EXPECT_EQ(tokens("<!--x-->y"), "#x#'y'");
  EXPECT_EQ(tokens("<!---->"), "##");
  EXPECT_EQ(tokens("<!-->a"), "##'a'");
  EXPECT_EQ(tokens("<!--->a"), "##'a'");
  EXPECT_EQ(tokens("<!--a--!>b"), "#a#'b'");
  EXPECT_EQ(tokens("<!--a -- b-->"), "#a -- b#");
  EXPECT_EQ(tokens("<!--never closed"), "#never closed#");
  EXPECT_EQ(tokens("<?xml version?>x"), "#?xml version?#'x'");  // bogus comments
  EXPECT_EQ(tokens("<!x>y"), "#x#'y'");
  EXPECT_EQ(tokens("</1>y"), "#1#'y'");
  EXPECT_EQ(tokens("<![CDATA[x]]>"), "#[CDATA[x]]#");  // not in foreign content
}

TEST(TokenizerTest, CdataInForeignContentIsText) {
  const PaddedText padded = PaddedText::copy_of("<![CDATA[a<b>&amp;]]>c");
  Tokenizer tk(padded);
  tk.set_foreign(true);
  Token t;
  tk.next(t);
  EXPECT_EQ(t.type, TokenType::text);
  EXPECT_EQ(t.text, "a<b>&amp;");
}

TEST(TokenizerTest, Doctype) {
  const PaddedText padded =
      PaddedText::copy_of("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://x'>");
  Tokenizer tk(padded);
  Token t;
  tk.next(t);
  ASSERT_EQ(t.type, TokenType::doctype);
  EXPECT_EQ(t.name, "html");
  EXPECT_TRUE(t.has_public_id);
  EXPECT_EQ(t.public_id, "-//W3C//DTD HTML 4.01//EN");
  EXPECT_EQ(t.system_id, "http://x");
  EXPECT_FALSE(t.force_quirks);
  EXPECT_EQ(tokens("<!doctype html>x"), "!html'x'");
}

TEST(TokenizerTest, RawTextRcdataScriptPlaintext) {
  EXPECT_EQ(tokens("<style>a<b>&amp;</style >x"), "<style>'a<b>&amp;'</style>'x'");
  EXPECT_EQ(tokens("<title>a<b>&amp;</TITLE>"), "<title>'a<b>&'</title>");
  EXPECT_EQ(tokens("<script>if(a</b)</scripty></script>"), "<script>'if(a</b)</scripty>'</script>");
  // Escaped script data: a "</script>" inside "<!-- <script>" does not end it.
  EXPECT_EQ(tokens("<script><!--<script>x</script>y--></script>z"),
            "<script>'<!--<script>x</script>y-->'</script>'z'");
  EXPECT_EQ(tokens("<script><!--x</script>y"), "<script>'<!--x'</script>'y'");
  EXPECT_EQ(tokens("<style>never closed"), "<style>'never closed'");
  EXPECT_EQ(tokens("<plaintext>a</plaintext><b>"), "<plaintext>'a</plaintext><b>'");
}

TEST(TokenizerTest, CarriageReturnsBecomeNewlines) {
  EXPECT_EQ(tokens("a\r\nb\rc"), "'a\nb\nc'");
  EXPECT_EQ(tokens("<a x='1\r\n2'>"), "<a x=1\n2>");
}

TEST(TokenizerTest, NumericCharacterReferences) {
  EXPECT_EQ(decode("&#65;&#x42;&#X43"), "ABC");
  EXPECT_EQ(decode("&#x20AC;"), "\u20AC");
  EXPECT_EQ(decode("&#128;&#x99;"), "\u20AC\u2122");      // windows-1252 remap
  EXPECT_EQ(decode("&#x81;"), "\u0081");                   // unmapped: kept
  EXPECT_EQ(decode("&#0;&#xD800;&#x110000;&#99999999999;"), "\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decode("&#;&#x;&#a"), "&#;&#x;&#a");            // not references
}

TEST(TokenizerTest, NamedCharacterReferences) {
  EXPECT_EQ(decode("&amp;&lt;&gt;&quot;&nbsp;"), "&<>\"\u00A0");
  EXPECT_EQ(decode("&amp &copy2022"), "& \u00A92022");     // legacy names without ';'
  EXPECT_EQ(decode("&notin; &notit;"), "\u2209 \u00ACit;");  // longest match
  EXPECT_EQ(decode("&nGt;"), "\u226B\u20D2");                // two code points
  EXPECT_EQ(decode("&unknown; &;& x"), "&unknown; &;& x");
  EXPECT_EQ(decode("&hellip;&CounterClockwiseContourIntegral;"), "\u2026\u2233");
  EXPECT_EQ(decode("&amplifier;"), "&lifier;");             // "amp" then text
}

TEST(TokenizerTest, AttributeValueException) {
  EXPECT_EQ(decode("?a=1&copy=2&not", true), "?a=1&copy=2\u00AC");
  EXPECT_EQ(decode("&copyx", true), "&copyx");
  EXPECT_EQ(decode("&copy;x", true), "\u00A9x");
  EXPECT_EQ(decode("&copyx", false), "\u00A9x");
}

// ---- tree construction -----------------------------------------------------------

// Element names and text of the tree, e.g. "<html><head></head><body>x</body></html>".
std::string tree(std::string_view html, bool keep_space = false) {
  ParseOptions o;
  o.backend = Backend::native;
  auto doc = parse(html, o);
  EXPECT_TRUE(doc.ok());
  if (!doc.ok()) return "";
  std::string out;
  const Node* root = doc->root();
  const Node* n = root->first_child();
  while (n) {
    if (n->is_element()) out += "<" + std::string(n->name()) + ">";
    else if (n->is_text() && (keep_space || n->text().find_first_not_of(" \n\t") != std::string_view::npos))
      out += n->text();
    if (n->first_child()) {
      n = n->first_child();
      continue;
    }
    for (;;) {
      if (n->is_element()) out += "</" + std::string(n->name()) + ">";
      if (n->next_sibling()) {
        n = n->next_sibling();
        break;
      }
      n = n->parent();
      if (n == root) return out;
    }
  }
  return out;
}

// Just the body's part of tree().
std::string body(std::string_view html) {
  std::string t = tree(html);
  size_t b = t.find("<body>");
  size_t e = t.rfind("</body>");
  if (b == std::string::npos || e == std::string::npos) return "NO BODY: " + t;
  return t.substr(b + 6, e - b - 6);
}

TEST(NativeTreeTest, ImpliedHtmlHeadBody) {
  EXPECT_EQ(tree("x"), "<html><head></head><body>x</body></html>");
  EXPECT_EQ(tree(""), "<html><head></head><body></body></html>");
  EXPECT_EQ(tree("<title>T</title><p>x"),
            "<html><head><title>T</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(tree("<!doctype html><meta charset=utf-8><link rel=x>hi"),
            "<html><head><meta></meta><link></link></head><body>hi</body></html>");
  // Head-only elements between </head> and <body> still go to head.
  EXPECT_EQ(tree("<head></head><meta x=1><body>b"),
            "<html><head><meta></meta></head><body>b</body></html>");
  // Content after </body> and </html> still goes to body.
  EXPECT_EQ(body("<body>a</body>b</html>c"), "abc");
  // <noscript> in head with scripting off: markup in it starts the body.
  EXPECT_EQ(tree("<head><noscript><img></noscript><title>T</title>"),
            "<html><head><noscript></noscript></head><body><img></img><title>T</title></body>"
            "</html>");
}

TEST(NativeTreeTest, ParagraphsAndBlocks) {
  EXPECT_EQ(body("<p>a<div>b</div>c"), "<p>a</p><div>b</div>c");
  EXPECT_EQ(body("<p>a<p>b"), "<p>a</p><p>b</p>");
  EXPECT_EQ(body("a</p>b"), "a<p></p>b");  // </p> without <p>: an empty paragraph
  EXPECT_EQ(body("<p>a<span>b<ul><li>c</ul>"), "<p>a<span>b</span></p><ul><li>c</li></ul>");
  EXPECT_EQ(body("<p>a<hr>b"), "<p>a</p><hr></hr>b");
  EXPECT_EQ(body("<button>a<p>b</button>c"), "<button>a<p>b</p></button>c");
  EXPECT_EQ(body("<pre>\nx</pre>"), "<pre>x</pre>");
}

TEST(NativeTreeTest, ListItemsAndOptionsAutoClose) {
  EXPECT_EQ(body("<ul><li>a<li>b<span>c<li>d</ul>"),
            "<ul><li>a</li><li>b<span>c</span></li><li>d</li></ul>");
  EXPECT_EQ(body("<ul><li>a<ul><li>b</ul>c</ul>"), "<ul><li>a<ul><li>b</li></ul>c</li></ul>");
  EXPECT_EQ(body("<li>a<div><li>b"), "<li>a<div></div></li><li>b</li>");  // div does not stop it
  EXPECT_EQ(body("<li>a<section><li>b"), "<li>a<section><li>b</li></section></li>");
  EXPECT_EQ(body("<dl><dt>a<dd>b<dt>c</dl>"), "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>");
  EXPECT_EQ(body("<select><option>a<option>b</select>"),
            "<select><option>a</option><option>b</option></select>");
  EXPECT_EQ(body("<select><div>a</div>b</select>c"), "<select>ab</select>c");  // tags ignored
}

TEST(NativeTreeTest, Headings) {
  EXPECT_EQ(body("<h1>a<h2>b</h1>c"), "<h1>a</h1><h2>b</h2>c");
  EXPECT_EQ(body("<h2>a<span>b</h3>c"), "<h2>a<span>b</span></h2>c");
}

// The element of `doc` named `name` first in document order, or nullptr.
const Node* find_named(const Node* n, std::string_view name) {
  for (; n; n = n->next_sibling()) {
    if (n->is_element() && n->name() == name) return n;
    if (const Node* f = find_named(n->first_child(), name)) return f;
  }
  return nullptr;
}

TEST(NativeTreeTest, EveryKnownTagNameResolves) {
  ParseOptions native;
  native.backend = Backend::native;
  size_t found = 0;
  for (size_t i = 1; i < static_cast<size_t>(Tag::count_); ++i) {
    const Tag tag = static_cast<Tag>(i);
    const std::string name(tag_name(tag));
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& spelled : {name, upper}) {
      auto doc = parse("<div><" + spelled + " a=1>x</div>", native);
      ASSERT_TRUE(doc.ok());
      const Node* n = find_named(doc->root(), name);
      // Table parts outside a table are dropped; every other tag is there.
      const bool table_part = tag == Tag::caption || tag == Tag::thead ||
                              tag == Tag::tbody || tag == Tag::tfoot || tag == Tag::tr ||
                              tag == Tag::td || tag == Tag::th;
      if (!n) {
        EXPECT_TRUE(table_part) << spelled;
        continue;
      }
      ++found;
      EXPECT_EQ(n->tag, tag) << spelled;
    }
    // Names one byte longer, shorter or different are not this tag.
    std::string longer = name, changed = name, shifted = name;
    longer.push_back('x');
    changed.back() = 'q';
    shifted.insert(shifted.begin(), 'q');
    for (const std::string& near : {longer, changed, shifted}) {
      auto doc = parse("<div><" + near + ">x</div>", native);
      ASSERT_TRUE(doc.ok());
      const Node* n = find_named(doc->root(), near);
      if (n && tag_from_name(near) == Tag::other) {
        EXPECT_EQ(n->tag, Tag::other) << near;
      }
    }
  }
  EXPECT_GT(found, static_cast<size_t>(Tag::count_));  // both spellings
}

TEST(NativeTreeTest, VoidAndBr) {
  EXPECT_EQ(body("<img>a<br>b<input>c"), "<img></img>a<br></br>b<input></input>c");
  EXPECT_EQ(body("a</br>b"), "a<br></br>b");
  EXPECT_EQ(body("<image src=x>"), "<img></img>");
}

TEST(NativeTreeTest, EndTagsOnlyCloseWhatIsOpenAndInScope) {
  EXPECT_EQ(body("<div>a</span>b</div>c"), "<div>ab</div>c");
  EXPECT_EQ(body("<div><span>a</div>b"), "<div><span>a</span></div>b");
  EXPECT_EQ(body("<span><div>a</span>b</div>c"), "<span><div>ab</div>c</span>");
  EXPECT_EQ(body("<table><tr><td><div>a</table>b"),
            "<table><tbody><tr><td><div>a</div></td></tr></tbody></table>b");
  EXPECT_EQ(body("<div><table><tr><td>a</div>b</td></tr></table>c"),
            "<div><table><tbody><tr><td>ab</td></tr></tbody></table>c</div>");
}

TEST(NativeTreeTest, Tables) {
  EXPECT_EQ(body("<table><td>a<td>b<tr><td>c</table>"),
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>");
  EXPECT_EQ(body("<table><caption>c<tr><th>h</table>"),
            "<table><caption>c</caption><tbody><tr><th>h</th></tr></tbody></table>");
  EXPECT_EQ(body("<table><thead><tr><td>a<tbody><tr><td>b</table>"),
            "<table><thead><tr><td>a</td></tr></thead><tbody><tr><td>b</td></tr></tbody>"
            "</table>");
  EXPECT_EQ(body("<table><col><tr><td>a</table>"),
            "<table><colgroup><col></col></colgroup><tbody><tr><td>a</td></tr></tbody></table>");
  EXPECT_EQ(body("<table><tr><td><table><tr><td>in</table>out</table>"),
            "<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table>out</td>"
            "</tr></tbody></table>");
  // Stray cells outside a table are ignored, their text kept.
  EXPECT_EQ(body("<td>a</td><tr>b"), "ab");
  // <table> closes an open <p> except in quirks mode.
  EXPECT_EQ(body("<!doctype html><p>a<table></table>"), "<p>a</p><table></table>");
  EXPECT_EQ(body("<p>a<table></table>"), "<p>a<table></table></p>");
}

TEST(NativeTreeTest, FormattingElements) {
  EXPECT_EQ(body("<b>a<i>b</b>c</i>d"), "<b>a<i>b</i></b><i>c</i>d");
  EXPECT_EQ(body("<p><b>a</p><p>b</b>c"), "<p><b>a</b></p><p><b>b</b>c</p>");
  EXPECT_EQ(body("<a href=1>a<a href=2>b"), "<a>a</a><a>b</a>");  // nested <a>
  EXPECT_EQ(body("<a href=1><div>a</a>b</div>c"), "<a></a><div><a>a</a>b</div>c");
  EXPECT_EQ(body("<a>1<div>2<a>3"), "<a>1</a><div><a>2</a><a>3</a></div>");
  EXPECT_EQ(body("<b>1<p>2</b>3"), "<b>1</b><p><b>2</b>3</p>");
  EXPECT_EQ(body("<b>1<i>2<div>3<span>4</b>5"),
            "<b>1<i>2</i></b><i><div><b>3<span>4</span></b>5</div></i>");
  // Noah's Ark: at most three identical entries are re-opened.
  EXPECT_EQ(body("<b><b><b><b></b></b></b></b>x"), "<b><b><b><b></b></b></b></b>x");
  EXPECT_EQ(body("<p><b><b><b><b>a</p>x"), "<p><b><b><b><b>a</b></b></b></b></p><b><b><b>x</b></b></b>");
}

TEST(NativeTreeTest, FormsAndButtons) {
  EXPECT_EQ(body("<form>a<form>b</form>c"), "<form>ab</form>c");
  EXPECT_EQ(body("<button>a<button>b"), "<button>a</button><button>b</button>");
}

TEST(NativeTreeTest, ForeignContent) {
  EXPECT_EQ(body("<svg><path/><title>t</title><g>x</g></svg>y"),
            "<svg><path></path><title>t</title><g>x</g></svg>y");
  EXPECT_EQ(body("<svg><p>a</svg>"), "<svg></svg><p>a</p>");  // HTML break-out
  EXPECT_EQ(body("<math><mi>x<b>y</b></mi></math>z"), "<math><mi>x<b>y</b></mi></math>z");
  EXPECT_EQ(body("<svg><![CDATA[a<b]]></svg>"), "<svg>a<b</svg>");
  EXPECT_EQ(body("<svg><style>a<g></g></style></svg>"), "<svg><style>a<g></g></style></svg>");
  EXPECT_EQ(body("<svg><style>a<b></b></style></svg>"), "<svg><style>a</style></svg><b></b>");
  // svg's <title> is not the page's.
  ParseOptions o;
  o.backend = Backend::native;
  auto doc = parse("<svg><title>t</title></svg>", o);
  ASSERT_TRUE(doc.ok());
  size_t titles = 0;
  walk(doc->root(), [&](const Node* n) {
    titles += n->is(Tag::title);
    return true;
  });
  EXPECT_EQ(titles, 0u);
}

TEST(NativeTreeTest, RawTextElements) {
  EXPECT_EQ(body("<textarea>\n<b>&amp;</textarea>"), "<textarea><b>&</textarea>");
  EXPECT_EQ(body("<xmp><b></xmp><iframe><p></iframe><noembed><i></noembed>"),
            "<xmp><b></xmp><iframe><p></iframe><noembed><i></noembed>");
  EXPECT_EQ(body("<plaintext><b></plaintext>"), "<plaintext><b></plaintext></plaintext>");
  // In <noscript> an iframe is empty: a self-closed one does not swallow the page.
  EXPECT_EQ(body("<body><noscript><iframe src=x /></noscript><p>a</p>"),
            "<noscript><iframe></iframe></noscript><p>a</p>");
  EXPECT_EQ(body("<body><noscript><iframe src=x></iframe></noscript><p>a</p>"),
            "<noscript><iframe></iframe></noscript><p>a</p>");
  EXPECT_EQ(tree("<head><noscript><iframe src=x /></noscript></head><p>a</p>"),
            "<html><head><noscript></noscript></head><body><p>a</p></body></html>");
  // Outside <noscript> it is raw text up to its end tag, as before.
  EXPECT_EQ(body("<iframe src=x /><p>a</p></iframe>b"), "<iframe><p>a</p></iframe>b");
  EXPECT_EQ(tree("<script>a</script>"),
            "<html><head><script>a</script></head><body></body></html>");
}

// Nesting depth costs nothing quadratic and loses no text.
TEST(NativeTreeTest, DeepNestingIsFast) {
  std::string h = "<body>";
  for (int i = 0; i < 100000; ++i) h += "<div>";
  h += "deepest";
  for (int i = 0; i < 100000; ++i) h += "</div>";
  h += "after";
  ParseOptions o;
  o.backend = Backend::native;
  double start = thread_cpu_seconds();
  auto doc = parse(h, o);
  double s = thread_cpu_seconds() - start;
  ASSERT_TRUE(doc.ok());
  EXPECT_LT(s, 1.0 * kTimeScale);
  EXPECT_EQ(inner_text(doc->body()), "deepestafter");
}

TEST(NativeTreeTest, MillionUnclosedTagsAreLinear) {
  struct Case {
    const char* unit;
    int n;
  };
  for (Case c : {Case{"<div>", 1000000}, Case{"<b><div></b>", 100000},
                 Case{"<div></span>", 100000}, Case{"<p><span>", 200000},
                 Case{"<div><span><a href=#><b>", 30000}, Case{"<table><tr><td>", 100000},
                 Case{"<svg><g>", 100000}, Case{"<ul><li><x>", 100000},
                 Case{"<b><table><td><div>", 50000}}) {
    std::string h;
    for (int i = 0; i < c.n; ++i) h += c.unit;
    h += "last";
    ParseOptions o;
    o.backend = Backend::native;
    o.work_base = UINT64_MAX;  // the parser's own cost: no work budget (it stops most of these)
    double start = thread_cpu_seconds();
    auto doc = parse(h, o);
    double s = thread_cpu_seconds() - start;
    ASSERT_TRUE(doc.ok()) << c.unit;
    EXPECT_LT(s, 2.0 * kTimeScale) << c.unit;
    std::string text = inner_text(doc->root());
    EXPECT_EQ(text.substr(text.size() - 4), "last") << c.unit;
    uint32_t depth = 0;
    walk(doc->root(), [&](const Node* n) {
      depth = std::max<uint32_t>(depth, n->depth);
      return true;
    });
    EXPECT_LE(depth, o.max_depth) << c.unit;
  }
}

TEST(NativeTreeTest, InvalidUtf8AndNulAreRepairedFirst) {
  ParseOptions o;
  o.backend = Backend::native;
  auto doc = parse(std::string("<p>a\xff\xfe" "b\0c</p>", 12), o);
  ASSERT_TRUE(doc.ok());
  std::string text = inner_text(doc->root());
  EXPECT_TRUE(utf8::is_valid(text));
  EXPECT_EQ(text, "a\uFFFD\uFFFDbc");
}

TEST(NativeTreeTest, RandomMarkupKeepsInvariants) {
  // Markup soup from a fixed alphabet of fragments: the tree stays consistent.
  const char* parts[] = {"<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<a href=x>", "</a>",
                         "<table>", "<tr>", "<td>", "</td>", "</table>", "<li>", "<ul>",
                         "</ul>", "<svg>", "</svg>", "<math>", "<mi>", "<select>", "<option>",
                         "<form>", "</form>", "<script>", "</script>", "<title>", "<!--",
                         "-->", "&amp;", "&#128;", "text ", "<br/>", "</br>", "<h1>", "</h2>",
                         "<caption>", "<col>", "<frameset>", "<template>", "</template>",
                         "<head>", "<body>", "</html>", "<noscript>", "<textarea>", "<button>",
                         "<![CDATA[", "]]>", "<plaintext>"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string h;
    int n = 1 + static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) h += parts[rng() % std::size(parts)];
    ParseOptions o;
    o.backend = Backend::native;
    o.max_depth = 16;
    auto doc = parse(h, o);
    ASSERT_TRUE(doc.ok());
    size_t seen = 0;
    walk(doc->root(), [&](const Node* node) {
      ++seen;
      EXPECT_LE(node->depth, 16u);
      for (const Node* c = node->first_child(); c; c = c->next_sibling()) {
        EXPECT_EQ(c->parent(), node);
        EXPECT_EQ(c->depth, node->depth + 1);
        if (!c->next_sibling()) {
          EXPECT_EQ(node->last_child(), c);
        }
      }
      return true;
    });
    EXPECT_EQ(seen, doc->node_count()) << h;
  }
}

// Every node with its text and attributes, texts bracketed so that how
// adjacent texts were merged shows.
std::string dump(const Document& doc) {
  std::string out;
  walk(doc.root(), [&](const Node* n) {
    out += std::to_string(n->depth) + ":";
    if (n->is_element()) {
      out += "<" + std::string(n->name());
      for (uint32_t i = 0; i < n->attr_count; ++i)
        out += " " + std::string(n->attrs[i].name) + "=[" + std::string(n->attrs[i].value) + "]";
      out += ">";
    } else {
      out += "[" + std::string(n->text()) + "]";
    }
    out += "\n";
    return true;
  });
  return out;
}

// parse_decoded() keeps the input and points into it; the tree must be the
// one parse() builds (which copies), also once the caller's string is gone.
TEST(NativeTreeTest, ParseDecodedBuildsTheSameTree) {
  const char* cases[] = {
      "<p>hi",  // short enough for the string's inline storage
      "<p class=a id=\"b\" data-x='c&amp;d'>one &amp; two</p>three<!--c-->four",
      "a<b>b</b>c<i>d&lt;e</i>f\r\ng",
      "<table>x<tr><td>1</td>y</tr></table>z",
      "<title>T &copy;</title><textarea>\nraw &lt;</textarea><script>if (a<b) x();</script>",
      "<a href=/x>one<p>two</a>three</p>",
      "text<br>more\0 text with a NUL<p A=B C='D'>",
      "<svg><![CDATA[x<y]]>z</svg><math><mi>q</mi></math>",
  };
  std::vector<std::string> inputs(std::begin(cases), std::end(cases));
  inputs.emplace_back(std::string("x\0y<p>a\0b</p>", 14));
  std::mt19937 rng(11);
  const char* parts[] = {"<p>", "</p>", "text ", "&amp;", "<b>", "</b>", "<i x=1>", "</i>",
                         "<!--c-->", "<td>", "<table>", "\r\n", "<br>", "&lt", "<div>"};
  for (int round = 0; round < 200; ++round) {
    std::string h;
    int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) h += parts[rng() % std::size(parts)];
    inputs.push_back(h);
  }
  for (bool comments : {false, true}) {
    ParseOptions o;
    o.backend = Backend::native;
    o.keep_comments = comments;
    for (const std::string& in : inputs) {
      auto expected = parse(in, o);
      ASSERT_TRUE(expected.ok());
      Result<Document> got = make_error(ErrorCode::invalid_input, "not run");
      {
        DecodedText decoded = decode_to_utf8(in);
        got = parse_decoded(decoded, o);
        EXPECT_TRUE(decoded.utf8.empty());
        decoded.utf8.assign(in.size(), 'Z');  // must not show in the tree
      }
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(dump(*got), dump(*expected)) << in;
      EXPECT_EQ(got->node_count(), expected->node_count());
    }
  }
}

}  // namespace
