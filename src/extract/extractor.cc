// Main-content extraction as a staged cascade.
//
// 1. Flatten. One explicit-stack walk over <body> copies the tree into a
//    vector of NodeInfo in document order (each entry knows its parent and the
//    end of its subtree), dropping what never carries text (script, style,
//    forms controls, embeds) and giving every element a verdict from its tag
//    and its class/id/role tokens (vocabulary.h). Text nodes get their
//    script-aware word count once, credited to their nearest unit ancestor.
// 2. Prune. One bottom-up pass gives each subtree its raw word count (and
//    link, hint and long-paragraph words); a top-down pass prunes a subtree
//    with a boilerplate verdict unless it carries most of the page's words (a
//    safeguard against wrappers named "has-sidebar" or similar). A second
//    bottom-up pass sums the kept words, link words and unit words.
// 3. Score (readability's idea, our weights). Each block element that owns
//    enough non-link text is a "paragraph unit"; its score (1 per segment,
//    commas, length points) goes to its parent, half to the grandparent and a
//    sixth to the great-grandparent. Containers get tag and class weights,
//    content hints (itemprop=articleBody, entry-content, <article>), and are
//    scaled by (1 - link density). The best container, possibly replaced by
//    an ancestor shared by other strong candidates, plus the siblings that
//    look like part of it, form the main content.
// 4. Collect. A walk over the chosen subtrees turns inline runs into blocks
//    (paragraph, heading, list item, quote, code, table, image), then residual
//    filters drop link-heavy blocks, boilerplate phrases, photo credits,
//    editor initials and repeated blocks.
// 5. Cascade. When the main result is short against the page's good text,
//    the nearest ancestor holding much more good text is collected instead
//    (stage wider); when that also fails, every kept block of the body
//    (stage body).
//
// Nothing recurses over the DOM, and no regular expression runs per node.
//
// This file is the cascade (step 5); flat_page.cc does steps 1-3, choose.cc
// the choice of step 3, collect.cc and filter.cc step 4.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "saring/extract.h"
#include "saring/text.h"
#include "stages.h"

namespace saring::extract {

namespace {

using namespace detail;

double main_share(Focus f, const Thresholds& th) {
  switch (f) {
    case Focus::precision: return th.min_main_share_precision;
    case Focus::recall: return th.min_main_share_recall;
    default: return th.min_main_share;
  }
}

}  // namespace

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::main: return "main";
    case Stage::wider: return "wider";
    case Stage::body: return "body";
  }
  return "main";
}

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::quote: return "quote";
    case BlockKind::code: return "code";
    case BlockKind::table: return "table";
    case BlockKind::image: return "image";
    case BlockKind::comment: return "comment";
  }
  return "paragraph";
}

void drop_title_heading(Content& content, std::string_view title) {
  std::string wanted = text::to_lower(text::collapse_whitespace(title));
  if (wanted.empty()) return;
  // Kickers, datelines and bylines may stand above the headline; a real
  // paragraph ends the opening.
  constexpr size_t kOpeningBlocks = 4, kProseWords = 12;
  auto& blocks = content.blocks;
  for (size_t i = 0; i < blocks.size() && i < kOpeningBlocks; ++i) {
    const Block& b = blocks[i];
    if (b.kind == BlockKind::heading) {
      // The title may be the heading's text up to a bar ("Story | Tagline").
      std::string heading = text::to_lower(b.text);
      if (heading == wanted ||
          (heading.size() > wanted.size() + 3 && heading.compare(0, wanted.size(), wanted) == 0 &&
           heading.compare(wanted.size(), 3, " | ") == 0)) {
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
        return;
      }
      continue;
    }
    if (b.kind != BlockKind::paragraph || text::has_words(b.text, kProseWords)) return;
  }
}

namespace {

bool is_article(PageKind kind) { return kind == PageKind::article || kind == PageKind::recipe; }

// The main choice with a recipe's ingredient lists added: the choice, made
// for prose, takes the method and leaves the list beside it. Roots in
// document order, none inside another.
std::vector<int32_t> with_ingredients(const Page& page, const std::vector<int32_t>& main) {
  const auto& nodes = page.nodes;
  std::vector<int32_t> roots = main;
  for (int32_t i : page.ingredients) {
    if (!(nodes[i].flags & kPruned)) roots.push_back(i);
  }
  std::sort(roots.begin(), roots.end());
  std::vector<int32_t> out;
  for (int32_t r : roots) {
    if (!out.empty() && r < nodes[out.back()].end) continue;  // inside the previous root
    out.push_back(r);
  }
  return out;
}

// Steps 3-5 on one flattened page: the kept blocks and the stage that gave
// them. `keep_links`: the last resort of a page made of links may answer.
Filtered cascade(const Page& page, Stage& stage, bool keep_links, PageKind kind) {
  const ExtractOptions& options = page.options_;
  const Thresholds& th = page.th_;
  const auto& nodes = page.nodes;
  stage = Stage::body;

  double want_share = main_share(options.focus, th);
  if (!is_article(kind) && options.focus != Focus::precision)
    want_share = std::max(want_share, th.min_main_share_not_article);
  auto enough = [&](size_t words) {
    return words >= th.min_main_words && words >= want_share * static_cast<double>(page.good_words);
  };

  std::vector<int32_t> main = choose_main(page, is_article(kind));
  auto main_answer = [&] {
    RawBlocks raw =
        collect(page, kind == PageKind::recipe ? with_ingredients(page, main) : main, false);
    // The standfirst, when pruned with the header around it, goes first.
    if (int32_t lead = find_lead(page, main, is_article(kind)); lead >= 0) {
      RawBlocks head = collect_whole(page, lead);
      head.blocks.insert(head.blocks.end(), std::make_move_iterator(raw.blocks.begin()),
                         std::make_move_iterator(raw.blocks.end()));
      head.measures.insert(head.measures.end(), raw.measures.begin(), raw.measures.end());
      raw = std::move(head);
    }
    return filter_blocks(std::move(raw), page, false, is_article(kind));
  };
  Filtered blocks;
  if (!main.empty()) {
    blocks = main_answer();
    stage = Stage::main;
  }
  size_t words = blocks.words;
  int32_t wider_root = -1;
  if (main.empty() || !enough(words)) {
    // Stage 2: the nearest ancestor of the main choice holding much more text.
    Filtered wider;
    if (!main.empty()) {
      for (int32_t a = nodes[main.front()].parent; a > 0; a = nodes[a].parent) {
        if (nodes[a].words - nodes[a].link_words >= 2 * std::max<size_t>(words, 1)) {
          wider = filter_blocks(collect(page, {a}, false), page, false, is_article(kind));
          wider_root = a;
          break;
        }
      }
    }
    size_t wider_words = wider.words;
    if (wider_words > words && enough(wider_words)) {
      blocks = std::move(wider);
      stage = Stage::wider;
    } else {
      Filtered body = filter_blocks(collect(page, {0}, false), page);
      if (body.words > words) {
        blocks = std::move(body);
        stage = Stage::body;
      } else if (wider_words > words) {
        blocks = std::move(wider);
        stage = Stage::wider;
      }
    }
  }
  // A page that does not say it is an article may be a shop's or a site's
  // grid of cards (products, stories, jobs) that the choice, made for prose,
  // left out; when the body's kept blocks hold many cards beyond the chosen
  // ones, they are the answer. The answer is let go while the body is read
  // and read again when the body loses: memory stays that of one reading.
  if (!is_article(kind) && stage != Stage::body && options.focus != Focus::precision &&
      nodes[0].link_words >= th.min_grid_cards) {
    const size_t answer_words = blocks.words, answer_cards = blocks.cards;
    blocks = Filtered{};
    Filtered body = filter_blocks(collect(page, {0}, false), page);
    if (body.cards >= th.min_grid_cards && body.cards > 2 * answer_cards &&
        body.words > answer_words) {
      blocks = std::move(body);
      stage = Stage::body;
    } else {
      body = Filtered{};
      blocks = stage == Stage::main ? main_answer()
                                    : filter_blocks(collect(page, {wider_root}, false), page, false,
                                                    is_article(kind));
    }
  }
  // Last resort: a page whose content is a list of links (a product grid, a
  // category index) has nothing left after the link filter; then its kept
  // blocks are the answer, links and all.
  if (keep_links && blocks.words < th.min_main_words && options.focus != Focus::precision) {
    Filtered linked = filter_blocks(collect(page, {0}, false), page, true);
    if (linked.words > blocks.words) {
      blocks = std::move(linked);
      stage = Stage::body;
    }
  }
  return blocks;
}

}  // namespace

namespace {

// The comment sections pruned from `page`, as comment blocks.
std::vector<Block> comment_blocks(const Page& page) {
  const auto& nodes = page.nodes;
  std::vector<int32_t> roots;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NodeInfo& n = nodes[i];
    if (n.verdict != Verdict::comments || !(n.flags & kPruned)) continue;
    if (n.parent >= 0 && (nodes[n.parent].flags & kPruned)) continue;
    roots.push_back(static_cast<int32_t>(i));
  }
  return filter_blocks(collect(page, roots, true), page).blocks;
}

}  // namespace

Content extract_content(const html::Document& doc, const ExtractOptions& options, PageKind kind) {
  Content content;
  content.stage = Stage::body;
  auto page = std::make_unique<Page>(doc, options);
  if (page->nodes.empty()) return content;
  Filtered blocks = cascade(*page, content.stage, /*keep_links=*/true, kind);
  if (options.include_comments) content.comments = comment_blocks(*page);
  // Nothing left: the text may sit under a name that misleads ("sidebar_content",
  // "item-caption"). Flattened again with only tags and strong markers pruning,
  // the page answers when it then has text, not links (a footer or a menu
  // would come back too), of twice the least a main text has. The first
  // flattening is freed first: memory stays that of one.
  const size_t min_words = page->th_.min_main_words;
  if (blocks.words < min_words && page->pruned_by_name && options.focus != Focus::precision) {
    page.reset();
    Page trusting(doc, options, /*trust_tags_only=*/true);
    Stage stage = Stage::body;
    Filtered retry = cascade(trusting, stage, /*keep_links=*/false, kind);
    if (retry.words >= 2 * min_words && retry.words > blocks.words) {
      blocks = std::move(retry);
      content.stage = stage;
    }
  }
  content.blocks = std::move(blocks.blocks);
  drop_closing_furniture(content.blocks, is_article(kind), vocabulary());
  return content;
}

}  // namespace saring::extract

