// Main-content extraction: from a parsed page (saring::html::Document) to the
// article's text as structured blocks (headings, paragraphs, lists, tables,
// quotes, code, images), without navigation, headers and footers, share and
// font-size widgets, cookie banners, ads, related-article lists, photo
// credits and (unless asked) comment sections.
//
// The work is a staged cascade (see docs/extraction.md):
//   1. main:  prune boilerplate subtrees, score containers, take the best one
//             (plus sibling paragraphs that belong to it) and drop residual
//             low-quality lines;
//   2. wider: when (1) under-delivers against the page's text, a larger
//             candidate (an ancestor holding much more good text);
//   3. body:  the whole body's text blocks minus the pruned subtrees.
// Content::stage records which stage answered.
//
// Example:
//   auto doc = saring::html::parse(saring::html::decode_to_utf8(bytes).utf8);
//   if (!doc) return doc.error();
//   auto content = saring::extract::extract_content(*doc);
//   std::string txt = saring::extract::render_text(content);
//
// Everything here is a pure function of (document, options): thread-safe and
// deterministic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saring/html.h"

namespace saring::extract {

// Which side of the precision/recall trade-off to favour (trafilatura's
// favor_precision / favor_recall).
enum class Focus { balanced, precision, recall };

// What to keep besides the article's paragraphs, headings, lists, quotes and code.
struct ExtractOptions {
  bool include_comments = false;    // collect the comment section into Content::comments
  bool include_tables = true;       // data tables as BlockKind::table
  bool include_links = false;       // keep links inline as Markdown [text](url)
  bool include_images = false;      // <img> as BlockKind::image
  bool include_formatting = false;  // keep **bold**, *italic* and `code` inline
  Focus focus = Focus::balanced;
};

enum class BlockKind { heading, paragraph, list_item, quote, code, table, image, comment };
std::string_view to_string(BlockKind kind);

// One unit of extracted content.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;       // heading level 1-6; list depth (1 = top level) for list items
  std::string text;    // whitespace-collapsed text; code keeps its line breaks
  bool ordered = false;  // list items of an <ol>
  std::vector<std::vector<std::string>> rows;  // tables: rows of cell texts
  std::string src, alt;                        // images
};

// Which cascade stage produced the blocks.
enum class Stage { main, wider, body };
std::string_view to_string(Stage stage);

// The extracted content of one page.
struct Content {
  std::vector<Block> blocks;
  Stage stage = Stage::main;
  std::vector<Block> comments;  // only filled with ExtractOptions::include_comments
};

// What the page says it is (its og:type or schema.org type), when the caller
// has read it: an article is never read as a grid of cards or a landing page;
// a recipe is an article whose ingredients are part of its text wherever
// they sit.
enum class PageKind { unknown, article, recipe };

// Extracts the main content of `doc`. Never fails: a page without text gives
// an empty Content (stage body).
Content extract_content(const html::Document& doc, const ExtractOptions& options = {},
                        PageKind kind = PageKind::unknown);

// Removes the heading that opens the content when it repeats `title`, the
// page's title (a record field of its own, so the text does not hold the
// headline a second time). Only headings before the first paragraph of prose
// are looked at; case and white space do not matter.
void drop_title_heading(Content& content, std::string_view title);

// Plain text: one block per paragraph, blocks separated by a blank line; list
// items prefixed "- " (or "1. "), table rows as cells joined by " | ", images
// omitted. Comments, when present, follow the content.
std::string render_text(const Content& content);

// Markdown: headings (#), lists (-, 1.), tables (| |), > quotes, ``` code,
// ![alt](src) images; links [t](u) appear when extracted with include_links.
std::string render_markdown(const Content& content);

}  // namespace saring::extract
