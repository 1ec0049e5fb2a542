// Internal: the stages of the cascade after the page is flattened (see
// extractor.cc): the choice of the main container (choose.cc), the walk that
// turns chosen subtrees into blocks (collect.cc) and the residual filters
// (filter.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "flat_page.h"

namespace saring::extract::detail {

// The readability-style choice of the main container and its siblings, as
// entries of the page, in document order; empty when nothing scored.
// `article`: the page says it is one (see PageKind).
std::vector<int32_t> choose_main(const Page& page, bool article);

// What the filters need to know of a block besides its text (the page is
// at most 2 GiB, so 32 bits hold every count).
struct BlockMeasure {
  uint32_t text_bytes = 0;
  uint32_t link_bytes = 0;
  // The block's last visible text is outside links and ends on a sentence
  // stop (see text::ends_on_stop).
  bool closes_plain = false;
  // count_words(block.text), when the collector could tell it from its text
  // nodes' word counts (see Collector::append_text).
  uint32_t words = 0;
  bool words_known = false;
  // The block is a definition list's term (<dt>): in reference pages, a link
  // to the page of the name it defines.
  bool term = false;
  // The block is part of a recipe's ingredient list, whose names often link
  // to a glossary or a shop: they stay, links and all.
  bool ingredient = false;
  // The entry the block starts from: its first text with words, a table's
  // <table>; -1 for an image. Its nearest block-level element (itself for a
  // table) is the element whose text the block is.
  int32_t source = -1;
};

// Collected blocks and their measures, index by index. Apart rather than
// together so the filters can keep the blocks in place, without a copy.
struct RawBlocks {
  std::vector<Block> blocks;
  std::vector<BlockMeasure> measures;
};

// The blocks of the subtrees at `roots`, in document order; with `comments`,
// as comment blocks.
RawBlocks collect(const Page& page, const std::vector<int32_t>& roots, bool comments);

// The blocks of the subtree at `root`, pruned parts included (a standfirst
// inside the article's pruned header).
RawBlocks collect_whole(const Page& page, int32_t root);

// The standfirst of the main text chosen at `main`: an element named like
// one ("lead", "abstract", "dek"), of a sentence or more with few links,
// near the choice and before all of its text; -1 when there is none or the
// choice holds it already.
int32_t find_lead(const Page& page, const std::vector<int32_t>& main, bool article);

// Kept blocks and their content_words(), counted while filtering.
struct Filtered {
  std::vector<Block> blocks;
  size_t words = 0;
  size_t cards = 0;  // the card names kept (see filter_blocks)
};

// Drops residual boilerplate blocks and repeats; returns the kept blocks.
// With `keep_links`, link-heavy blocks stay (the last resort of the cascade).
// Without `article` (a page that does not say it is one), a row of linked
// cards stays. The cascade passes `article` for readings of the whole body on
// every page, so that a footer of such cards does not outweigh the choice.
Filtered filter_blocks(RawBlocks&& raw, const Page& page, bool keep_links = false,
                       bool article = true);

// Furniture left in the blocks the cascade chose: lines that are boilerplate
// wherever their phrase sits (Vocabulary::is_embedded_boilerplate: appeals
// for money, membership or a newsletter's sign-up, a comment section's rules,
// a blog post's filing line) go; on an article, runs of teasers of other
// stories (with the heading above them) go, and on any page runs of excerpts
// cut short in the closing half of the text; a copyright notice near the end
// goes with all that follows it.
void drop_closing_furniture(std::vector<Block>& blocks, bool article, const Vocabulary& vocab);

}  // namespace saring::extract::detail
