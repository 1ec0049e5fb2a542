// DocumentBuilder and DOM helpers, independent of any backend.
#include <gtest/gtest.h>

#include <algorithm>

#include "saring/html.h"

using namespace saring::html;

TEST(Tags, NamesRoundTrip) {
  for (size_t i = 1; i < static_cast<size_t>(Tag::count_); ++i) {
    Tag t = static_cast<Tag>(i);
    ASSERT_FALSE(tag_name(t).empty()) << i;
    EXPECT_EQ(tag_from_name(tag_name(t)), t) << tag_name(t);
  }
  EXPECT_EQ(tag_name(Tag::template_), "template");
  EXPECT_EQ(tag_from_name("custom-element"), Tag::other);
  EXPECT_EQ(tag_from_name(""), Tag::other);
  EXPECT_EQ(tag_from_name("DIV"), Tag::other);  // lowercase names only
  EXPECT_EQ(tag_name(Tag::other), "");
}

TEST(Builder, BuildsTreeAndMergesText) {
  DocumentBuilder b(256);
  b.start_element("HTML", {});
  b.start_element("body", {{"Class", "x"}, {"id", "main"}});
  b.add_text("Hello, ");
  b.add_text("world");
  b.start_element("my-widget", {});
  b.add_comment("note");
  b.end_element();
  b.end_element();
  b.end_element();
  Document doc = b.finish();
  ASSERT_NE(doc.html(), nullptr);
  ASSERT_NE(doc.body(), nullptr);
  EXPECT_EQ(doc.head(), nullptr);
  const Node* body = doc.body();
  EXPECT_EQ(body->attr("class"), "x");
  EXPECT_EQ(body->attr("id"), "main");
  EXPECT_TRUE(body->has_attr("id"));
  EXPECT_FALSE(body->has_attr("style"));
  EXPECT_EQ(body->attr("style"), "");
  ASSERT_NE(body->first_child(), nullptr);
  EXPECT_EQ(body->first_child()->text(), "Hello, world");
  const Node* widget = body->first_child()->next_sibling();
  ASSERT_NE(widget, nullptr);
  EXPECT_EQ(widget->tag, Tag::other);
  EXPECT_EQ(widget->name(), "my-widget");
  EXPECT_EQ(widget->depth, 3u);
  EXPECT_EQ(widget->prev_sibling(), body->first_child());
  ASSERT_NE(widget->first_child(), nullptr);
  EXPECT_EQ(widget->first_child()->type, NodeType::comment);
  EXPECT_EQ(inner_text(doc.root()), "Hello, world");  // comments are not text
  EXPECT_EQ(doc.node_count(), 6u);
}

TEST(Builder, MergesManyTextsAcrossArenaBlocks) {
  DocumentBuilder b(256);
  b.start_element("p", {});
  std::string expected;
  for (int i = 0; i < 20000; ++i) {
    std::string piece = "chunk" + std::to_string(i) + " ";
    b.add_text(piece);
    expected += piece;
    if (i % 1000 == 0) {  // interleave other allocations
      DocumentBuilder other(4);
      (void)other;
    }
  }
  b.end_element();
  Document doc = b.finish();
  EXPECT_EQ(inner_text(doc.root()), expected);
  EXPECT_EQ(doc.node_count(), 3u);
}

TEST(Builder, DepthIsCappedAndTextKept) {
  const uint32_t cap = 8;
  DocumentBuilder b(cap);
  for (int i = 0; i < 1000; ++i) {
    b.start_element("div", {});
    b.add_text("t" + std::to_string(i) + ";");
  }
  for (int i = 0; i < 1000; ++i) b.end_element();
  b.add_text("after");
  Document doc = b.finish();
  uint32_t max_depth = 0;
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += "t" + std::to_string(i) + ";";
  expected += "after";
  walk(doc.root(), [&](const Node* n) {
    max_depth = std::max<uint32_t>(max_depth, n->depth);
    return true;
  });
  EXPECT_LE(max_depth, cap);
  EXPECT_EQ(max_depth, cap);
  EXPECT_EQ(inner_text(doc.root()), expected);
  EXPECT_EQ(doc.node_count(), 1u + 1000u + 1001u);
}

TEST(Builder, ForeignContentIsNotHtml) {
  DocumentBuilder b(64);
  b.start_element("svg", {});
  b.start_element("title", {});
  b.add_text("icon");
  b.end_element();
  b.end_element();
  b.start_element("title", {});
  Document doc = b.finish();  // closes the open <title>
  const Node* svg = doc.root()->first_child();
  ASSERT_TRUE(svg && svg->is(Tag::svg));
  EXPECT_EQ(svg->first_child()->tag, Tag::other);
  EXPECT_EQ(svg->first_child()->name(), "title");
  EXPECT_TRUE(svg->next_sibling()->is(Tag::title));
}

TEST(Builder, DocumentSurvivesMove) {
  DocumentBuilder b(16);
  b.start_element("p", {});
  b.add_text("kept");
  Document a = b.finish();
  const Node* p = a.root()->first_child();
  Document moved = std::move(a);
  EXPECT_EQ(moved.root()->first_child(), p);
  EXPECT_EQ(p->first_child()->text(), "kept");
  // The builder can be reused for a second document.
  b.add_text("second");
  Document c = b.finish();
  EXPECT_EQ(inner_text(c.root()), "second");
}

TEST(Walk, SkipsChildrenWhenAsked) {
  DocumentBuilder b(16);
  b.start_element("div", {});
  b.start_element("script", {});
  b.add_text("var x;");
  b.end_element();
  b.add_text("visible");
  b.end_element();
  Document doc = b.finish();
  std::string text;
  walk(doc.root(), [&](const Node* n) {
    if (n->is(Tag::script)) return false;
    if (n->is_text()) text += n->text();
    return true;
  });
  EXPECT_EQ(text, "visible");
}

TEST(Backend, NamesParse) {
  EXPECT_EQ(backend_from_string("myhtml").value(), Backend::myhtml);
  EXPECT_EQ(backend_from_string("libxml2").value(), Backend::libxml2);
  EXPECT_EQ(backend_from_string("native").value(), Backend::native);
  EXPECT_FALSE(backend_from_string("lexbor").ok());
  EXPECT_EQ(to_string(Backend::libxml2), "libxml2");
  EXPECT_EQ(to_string(Backend::native), "native");
  EXPECT_EQ(ParseOptions().backend, Backend::native);  // the default (docs/html-parser.md)
}

TEST(Builder, AddAttributesKeepsFirstValuesAndLowercasesNames) {
  DocumentBuilder b(16);
  DocumentBuilder::NodeId body_id = b.start_element("body", {{"class", "first"}});
  const Attribute more[] = {{"CLASS", "second"}, {"Id", "x"}};
  b.add_attributes(body_id, more, 2);
  const Attribute again[] = {{"id", "y"}, {"lang", "en"}};
  b.add_attributes(body_id, again, 2);
  b.end_element();
  Document doc = b.finish();
  const Node* body = doc.root() + body_id;  // ids index the Document's node array
  ASSERT_EQ(doc.body(), body);
  EXPECT_EQ(body->attr_count, 3u);
  EXPECT_EQ(body->attr("class"), "first");
  EXPECT_EQ(body->attr("id"), "x");
  EXPECT_EQ(body->attr("lang"), "en");
}

TEST(Builder, CountsNodesAndAttributesAgainstItsWorkBudget) {
  DocumentBuilder b(16, 5);
  b.start_element("div", {{"a", "1"}, {"b", "2"}});  // 3 units
  b.add_text("x");                                   // 4
  b.add_text("y");                                   // merged: still 4
  EXPECT_FALSE(b.over_budget());
  b.start_element("p", {});                          // 5: at the budget, not over it
  EXPECT_FALSE(b.over_budget());
  b.add_comment("c");                                // 6
  EXPECT_TRUE(b.over_budget());
  EXPECT_EQ(b.budget_error().code, saring::ErrorCode::too_costly);
  Document doc = b.finish();                         // still a whole tree
  EXPECT_EQ(doc.node_count(), 5u);
  EXPECT_FALSE(b.over_budget());  // the builder starts afresh
}

TEST(Builder, DepthCapFitsNodeDepth) {
  DocumentBuilder b(1u << 20);  // capped at Node::depth's range
  for (int i = 0; i < 70000; ++i) b.start_element("div", {});
  b.add_text("deepest");
  Document doc = b.finish();
  uint32_t deepest = 0;
  walk(doc.root(), [&](const Node* n) {
    deepest = std::max<uint32_t>(deepest, n->depth);
    if (n->parent()) {
      EXPECT_EQ(n->depth, n->parent()->depth + 1);
    }
    return true;
  });
  EXPECT_EQ(deepest, UINT16_MAX);
  EXPECT_EQ(inner_text(doc.root()), "deepest");
}
