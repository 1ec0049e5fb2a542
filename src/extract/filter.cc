// The residual filters of step 4: what a chosen subtree still holds that is
// not the text.
//
// Blocks with too many link bytes go (unless a list sits between two prose
// paragraphs: the text's own list of sources), and so do boilerplate lines in
// many languages ("Read more", copyright notices), photo credits, editor
// initials, repeats of the page's title and repeated blocks. The link-density
// limit depends on the focus and is raised on pages without prose (listings).
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "saring/text.h"
#include "stages.h"

namespace saring::extract::detail {
namespace {

using text::count_words;

// Editor initials alone on a line: "(abc)", "[ABC/DEF]", "(ant/rd)".
bool is_initials_line(std::string_view s) {
  if (s.size() < 3 || s.size() > 24) return false;
  char open = s.front(), close = s.back();
  if (!((open == '(' && close == ')') || (open == '[' && close == ']'))) return false;
  size_t letters = 0;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
    } else if (c != '/' && c != ' ' && c != '.' && c != ',' && c != '-' && c != '*') {
      return false;
    }
  }
  return letters >= 2 && letters <= 12;
}

// A teaser's excerpt is cut short: "... to illegally make loans. Raminder...".
bool ends_cut_short(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s.ends_with("...") || s.ends_with("\xE2\x80\xA6");
}

// "© 2019 Beachbody, LLC. ...", "(c) 2020 ...", "Copyright 2021 ...",
// "Copyright © ...": a notice, however long.
bool starts_copyright(std::string_view s) {
  if (s.starts_with("\xC2\xA9") || s.starts_with("(c) ") || s.starts_with("(C) ")) return true;
  constexpr std::string_view kWord = "copyright";
  if (s.size() <= kWord.size() + 1 || !starts_with_ascii_ci(s, kWord)) return false;
  std::string_view rest = s.substr(kWord.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest.starts_with("\xC2\xA9") || (!rest.empty() && rest.front() >= '0' && rest.front() <= '9');
}

// "Disclaimer: ...", "Disclosure: ...": a site's standing notice (affiliate
// links, not medical or legal advice), not the text's own words.
bool starts_disclaimer(std::string_view s) {
  return starts_with_ascii_ci(s, "disclaimer:") || starts_with_ascii_ci(s, "disclosure:");
}

size_t block_words(const Block& b) {
  if (b.kind != BlockKind::table) return count_words(b.text);
  size_t n = 0;
  for (const auto& row : b.rows) {
    for (const auto& cell : row) n += count_words(cell);
  }
  return n;
}

// The share of a block's text inside links.
double link_density(const BlockMeasure& m) {
  return m.text_bytes ? static_cast<double>(m.link_bytes) / m.text_bytes : 0.0;
}

// A block's words, from the collector's count when it could tell it.
size_t words_of(const Block& b, const BlockMeasure& m) {
  return m.words_known ? m.words : count_words(b.text);
}

// The blocks that close the text in a box of their own: a donation appeal
// with the staff's names, a press release's text about the company, an
// invitation to write to the editor. The body's paragraphs share one parent
// (the body: the parent of the most long-paragraph words, with at least
// apart_body_paragraphs of them); the blocks after its last block that all
// sit in one element beside it, not around it (the nearest element holding
// them, from the last one's parent up), and hold at most apart_tail_share
// of its words are that box. When the whole tail is not, its longest end
// that is goes if that element lies outside the one holding the body and
// the rest of the tail: a box after the article, not its last section.
// Closing sections of the text itself
// (references, a FAQ, a conclusion) are often in the body's parent; a
// thread's replies or a listing's cards are a row whose common element holds
// the body too, so neither goes. The signal is the box's place and size
// only: a short second part the choice gathered beside the body, or a lone
// reply in a box of its own, goes with it.
std::vector<bool> closing_box(const RawBlocks& raw, const Page& page, double max_ld) {
  const std::vector<Block>& blocks = raw.blocks;
  const auto& nodes = page.nodes;
  const Thresholds& th = page.vocab_.thresholds();
  const TagTable& tt = tags();
  std::vector<bool> apart(blocks.size(), false);
  // The element whose text block i is (found here, for the few blocks asked).
  auto element = [&](size_t i) {
    int32_t e = raw.measures[i].source;
    if (e >= 0 && (nodes[e].flags & kText)) e = nodes[e].parent;
    while (e >= 0 && !tt.block[ti(nodes[e].node->tag)]) e = nodes[e].parent;
    return e;
  };
  auto inside = [&](int32_t e, int32_t box) { return e > box && e < nodes[box].end; };
  // Long prose paragraphs' words per parent, gathered by sorting: a thread
  // may have a parent for each post.
  std::vector<std::pair<int32_t, size_t>> paragraphs;  // parent, words
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockMeasure& m = raw.measures[i];
    // A paragraph of n words has at least 2n - 1 bytes: shorter ones are
    // passed without counting.
    if (blocks[i].kind != BlockKind::paragraph || m.source < 0 ||
        m.text_bytes + 1 < 2 * th.long_paragraph_words ||
        link_density(m) > max_ld)
      continue;
    size_t words = words_of(blocks[i], m);
    if (words < th.long_paragraph_words) continue;
    if (int32_t e = element(i); e >= 0) paragraphs.emplace_back(nodes[e].parent, words);
  }
  std::sort(paragraphs.begin(), paragraphs.end());
  int32_t p = -1;
  size_t body_words = 0, body_paragraphs = 0;
  for (size_t i = 0; i < paragraphs.size();) {
    size_t j = i, words = 0;
    for (; j < paragraphs.size() && paragraphs[j].first == paragraphs[i].first; ++j)
      words += paragraphs[j].second;
    if (words > body_words) {
      p = paragraphs[i].first;
      body_words = words;
      body_paragraphs = j - i;
    }
    i = j;
  }
  if (p < 0 || body_paragraphs < th.apart_body_paragraphs) return apart;
  // The body's last block: from the end, the first whose element is inside it.
  size_t last = blocks.size();
  for (size_t i = blocks.size(); i-- > 0;) {
    int32_t s = raw.measures[i].source;
    if (s >= 0 && inside(s, p) && inside(element(i), p)) {
      last = i;
      break;
    }
  }
  if (last == blocks.size()) return apart;
  // The longest end of the tail in one element beside the body: from the
  // last block backwards, each block joins while the nearest element holding
  // the blocks so far holds no body and their words stay within the share.
  const double max_words = th.apart_tail_share * static_cast<double>(body_words);
  size_t words = 0, first = blocks.size();
  bool whole = true;
  int32_t common = -1;
  for (size_t i = blocks.size(); i-- > last + 1;) {
    const BlockMeasure& m = raw.measures[i];
    if (m.source < 0) continue;  // no text of its own: an image
    int32_t e = element(i);
    int32_t c = e < 0 ? -1 : common < 0 ? nodes[e].parent : common;
    while (c >= 0 && !inside(e, c)) c = nodes[c].parent;
    size_t w = words + words_of(blocks[i], m);
    if (e < 0 || c < 0 || inside(p, c) || static_cast<double>(w) > max_words) {
      whole = false;
      break;
    }
    common = c;
    words = w;
    first = i;
  }
  if (words == 0) return apart;
  if (!whole) {
    // The element holding the body and the tail's other blocks: a box
    // inside it is the text's next section, not a box after it.
    int32_t around = p;
    for (size_t i = last + 1; i < first && around >= 0; ++i) {
      if (raw.measures[i].source < 0) continue;
      int32_t e = element(i);
      while (around >= 0 && e >= 0 && !inside(e, around)) around = nodes[around].parent;
    }
    if (around < 0 || inside(common, around)) return apart;
  }
  // Blocks without text of their own (images) are not placed, and stay.
  for (size_t i = first; i < blocks.size(); ++i) apart[i] = raw.measures[i].source >= 0;
  return apart;
}

}  // namespace

Filtered filter_blocks(RawBlocks&& raw, const Page& page, bool keep_links, bool article) {
  const ExtractOptions& opt = page.options_;
  const Vocabulary& vocab = page.vocab_;
  const Thresholds& th = vocab.thresholds();
  double max_ld = opt.focus == Focus::precision ? th.max_block_link_density_precision
                                                : th.max_block_link_density;
  // Pages without prose (listings, indexes, schedules) are made of links.
  if (opt.focus != Focus::precision && page.nodes.size() > 0 &&
      page.nodes[0].prose_words < th.listing_max_prose_words) {
    max_ld = std::max(max_ld, th.listing_link_density);
  }
  if (keep_links) max_ld = 1.0;
  // A paragraph, list item or quote that ends on a full stop of its own,
  // after its last link, is a sentence that links phrases ("... was
  // <a>re-opened this year</a>."), prose however much of it is linked; a
  // menu, a label or a teaser ends in its link.
  auto linked_sentence = [](const Block& b, const BlockMeasure& m) {
    return (b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item ||
            b.kind == BlockKind::quote) &&
           m.closes_plain;
  };
  std::vector<Block>& blocks = raw.blocks;
  // A list of links between two prose paragraphs is part of the text (the
  // patches a report lists, the sources it names, the terms a reference page
  // defines); at the edges it is a "related" list. first_prose / last_prose bound the inside.
  size_t first_prose = blocks.size(), last_prose = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockMeasure& m = raw.measures[i];
    if (blocks[i].kind == BlockKind::paragraph && link_density(m) <= max_ld &&
        m.text_bytes >= th.inner_list_prose_bytes) {
      first_prose = std::min(first_prose, i);
      last_prose = i;
    }
  }
  // An index: headings each over nothing but a list, at least a few of its
  // items links ("A", "B", ... over the names an encyclopedia lists; a job's
  // linked title over its company and place). Where such sections repeat,
  // the headings and the links are the entries; one or two are a "See also"
  // or a footer's column.
  std::vector<bool> index_entry(blocks.size(), false);
  if (opt.focus != Focus::precision) {
    size_t sections = 0;
    for (size_t i = 0; i < blocks.size();) {
      if (blocks[i].kind != BlockKind::heading) {
        ++i;
        continue;
      }
      size_t j = i + 1, links = 0;
      // The heading's own controls ("[edit]") go before its list.
      while (j < blocks.size() && blocks[j].kind == BlockKind::paragraph &&
             raw.measures[j].link_bytes > 0 && raw.measures[j].text_bytes <= th.index_control_bytes)
        ++j;
      const size_t first = j;
      for (; j < blocks.size() && blocks[j].kind == BlockKind::list_item; ++j) {
        if (link_density(raw.measures[j]) > max_ld) ++links;
      }
      if (links >= th.index_section_items &&
          (j == blocks.size() || blocks[j].kind == BlockKind::heading)) {
        index_entry[i] = true;
        for (size_t k = first; k < j; ++k) index_entry[k] = true;
        ++sections;
      }
      i = j;
    }
    if (sections < th.index_sections) index_entry.assign(blocks.size(), false);
  }
  // Cards: a link followed by its own text (a product's name, then its price
  // and rating; a job's title, then its company). Where the pair repeats and
  // makes much of the text, the links are the items' names, not navigation; a
  // few after an article are its "recommended" box.
  std::vector<bool> card_title(blocks.size(), false);
  size_t card_pairs = 0;
  {
    size_t pairs = 0;
    for (size_t i = 0; i + 1 < blocks.size(); ++i) {
      const BlockMeasure& m = raw.measures[i];
      const BlockMeasure& next = raw.measures[i + 1];
      if (link_density(m) > max_ld && next.text_bytes > 0 && link_density(next) <= max_ld &&
          blocks[i].kind != BlockKind::image && blocks[i].kind != BlockKind::table &&
          blocks[i + 1].kind != BlockKind::image && blocks[i + 1].kind != BlockKind::table &&
          blocks[i + 1].kind != BlockKind::heading) {
        card_title[i] = true;
        ++pairs;
      }
    }
    // A card's own lines: the short link-light blocks after its name (fit,
    // colour, price, "20% off"). Cards with many lines are few of the blocks,
    // yet a grid of them is nearly all of them. Each block is passed once:
    // the next name ends the run.
    size_t card_blocks = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (!card_title[i]) continue;
      ++card_blocks;
      for (size_t j = i + 1; j < blocks.size() && !card_title[j] &&
                             link_density(raw.measures[j]) <= max_ld &&
                             raw.measures[j].text_bytes <= th.card_line_bytes &&
                             blocks[j].kind != BlockKind::heading;
           ++j)
        ++card_blocks;
    }
    const double n = static_cast<double>(blocks.size());
    bool cards = pairs >= th.min_cards &&
                 (static_cast<double>(pairs) >= th.min_card_share * n ||
                  static_cast<double>(card_blocks) >= th.min_card_block_share * n);
    if (!cards || opt.focus == Focus::precision) card_title.assign(blocks.size(), false);
    else card_pairs = pairs;
  }
  // A row of linked cards: each card is one link around its title and a
  // sentence or two about it (a service's features, a site's resources), so
  // both lines are all link. A menu's links carry no sentence under a
  // heading; on an article such a row is its "read next" teasers.
  std::vector<bool> linked_card(blocks.size(), false);
  if (!article && opt.focus != Focus::precision) {
    size_t rows = 0;
    for (size_t i = 0; i + 1 < blocks.size(); ++i) {
      const BlockMeasure& next = raw.measures[i + 1];
      if (blocks[i].kind != BlockKind::heading || link_density(raw.measures[i]) <= max_ld ||
          blocks[i + 1].kind != BlockKind::paragraph || link_density(next) <= max_ld)
        continue;
      size_t words = words_of(blocks[i + 1], next);
      if (words < th.linked_card_words) continue;
      linked_card[i] = linked_card[i + 1] = true;
      ++rows;
    }
    if (rows < th.min_linked_cards) linked_card.assign(blocks.size(), false);
  }
  std::vector<bool> apart = keep_links ? std::vector<bool>(blocks.size(), false)
                                       : closing_box(raw, page, max_ld);
  // The kept blocks move down to the front of `blocks`, each written once,
  // so `seen` may view the kept texts where they land.
  Filtered result;
  size_t kept = 0;
  auto keep = [&](Block& b) -> const Block& {
    if (&blocks[kept] != &b) blocks[kept] = std::move(b);
    return blocks[kept++];
  };
  std::unordered_set<std::string_view> seen;
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t last_long = kNone;  // index among the kept blocks
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockMeasure& m = raw.measures[i];
    Block& b = blocks[i];
    if (apart[i]) continue;
    if (b.kind == BlockKind::image || b.kind == BlockKind::table) {
      result.words += block_words(b);
      keep(b);
      continue;
    }
    if (b.kind != BlockKind::code) {
      size_t words = words_of(b, m);
      if (words == 0) continue;
      bool inner_list = (b.kind == BlockKind::list_item || m.term) && i > first_prose &&
                        i < last_prose && opt.focus != Focus::precision;
      if (link_density(m) > max_ld && !inner_list && !card_title[i] && !index_entry[i] &&
          !linked_card[i] && !m.ingredient && !linked_sentence(b, m))
        continue;
      // "About the author" stays for drop_closing_furniture, which cuts the
      // writer's box it opens.
      if (vocab.is_boilerplate_line(b.text, words, b.kind == BlockKind::heading) &&
          !vocab.is_writer_label(b.text))
        continue;
      if (vocab.is_credit_line(b.text, words)) continue;
      if (is_initials_line(b.text)) continue;
      if (b.kind != BlockKind::heading && page.titles.count(b.text)) continue;
      if (seen.count(b.text)) continue;
      result.words += words;
      if (b.kind == BlockKind::paragraph && words >= th.long_paragraph_words) last_long = kept;
      seen.insert(keep(b).text);
      continue;
    }
    result.words += count_words(b.text);
    keep(b);
  }
  // A heading that ends the text, after its last long paragraph, introduced
  // what the filters removed: related stories, share buttons, a newsletter
  // form. It goes too.
  if (last_long != kNone && kept > last_long + 1 && blocks[kept - 1].kind == BlockKind::heading) {
    --kept;
    result.words -= count_words(blocks[kept].text);
  }
  blocks.resize(kept);
  result.blocks = std::move(blocks);
  result.cards = card_pairs;
  return result;
}

void drop_closing_furniture(std::vector<Block>& blocks, bool article, const Vocabulary& vocab) {
  const Thresholds& th = vocab.thresholds();
  std::vector<bool> drop(blocks.size(), false);
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == BlockKind::paragraph || blocks[i].kind == BlockKind::list_item)
      drop[i] = vocab.is_embedded_boilerplate(blocks[i].text);
  }
  // A writer's label that is a boilerplate line ("About the author") goes
  // wherever it stands; after half of an article it also closes the text.
  std::vector<bool> label(blocks.size(), false);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    bool line = b.kind == BlockKind::heading || b.kind == BlockKind::paragraph ||
                b.kind == BlockKind::list_item;
    if (!line || drop[i] || !vocab.is_writer_label(b.text)) continue;
    label[i] = true;
    drop[i] = vocab.is_boilerplate_line(b.text, count_words(b.text));
  }
  // On a page that is not an article, a heading that brings in other
  // products opens a strip of their cards (names, prices): it and what stands
  // under it, up to the next heading of its rank or above, go.
  if (!article) {
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != BlockKind::heading || !vocab.is_other_products_heading(blocks[i].text))
        continue;
      size_t j = i + 1;
      while (j < blocks.size() &&
             !(blocks[j].kind == BlockKind::heading && blocks[j].level <= blocks[i].level))
        ++j;
      for (size_t k = i; k < j; ++k) drop[k] = true;
      i = j - 1;
    }
  }
  if (article) {
    for (size_t i = 0; i < blocks.size();) {
      size_t j = i;
      while (j < blocks.size() && blocks[j].kind == BlockKind::list_item && ends_cut_short(blocks[j].text)) ++j;
      if (j - i >= th.min_teaser_items) {
        for (size_t k = i; k < j; ++k) drop[k] = true;
        if (i > 0 && blocks[i - 1].kind == BlockKind::heading) drop[i - 1] = true;
      }
      i = std::max(j, i + 1);
    }
  }
  // The share of the text is told in bytes: words are counted only for the
  // notice itself.
  size_t total = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!drop[i]) total += blocks[i].text.size();
  }
  // Excerpts of other posts, each cut short, in a row in the closing half of
  // the text: teasers whose titles, links, went with the link filter. An
  // excerpt is longer than a card's line; up to two of a card's short lines
  // (its date, its writer) may stand between two of them.
  {
    auto excerpt = [&](size_t k) {
      return blocks[k].kind == BlockKind::paragraph && !drop[k] &&
             blocks[k].text.size() > th.card_line_bytes && ends_cut_short(blocks[k].text);
    };
    size_t before = 0;  // bytes of the blocks kept before the run
    for (size_t i = 0; i < blocks.size();) {
      size_t j = i, excerpts = 0, end = i, card_lines = 0;
      for (; j < blocks.size(); ++j) {
        if (excerpt(j)) {
          ++excerpts;
          end = j + 1;
          card_lines = 0;
        } else if (blocks[j].kind != BlockKind::paragraph || drop[j] ||
                   blocks[j].text.size() > th.card_line_bytes ||
                   ++card_lines > th.teaser_card_lines) {
          break;
        }
      }
      if (excerpts == 0) end = std::max(j, i + 1);  // short lines only: each is passed once
      const bool teasers = excerpts >= th.min_teaser_items &&
                           static_cast<double>(before) >=
                               th.teaser_excerpt_share * static_cast<double>(total);
      for (size_t k = i; k < end; ++k) {
        if (drop[k]) continue;
        if (teasers && excerpt(k)) {
          drop[k] = true;
          total -= blocks[k].text.size();
        } else {
          before += blocks[k].text.size();
        }
      }
      i = end;
    }
  }
  // An article's writer's box, opened after half of the text by a label
  // ("Written by", "Author", "About the author: ..."), holds the writer's
  // name and biography, then often their other posts: none of it is the
  // article's text.
  if (article) {
    size_t before = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (label[i] && static_cast<double>(before) >= th.writer_box_share * static_cast<double>(total)) {
        for (size_t k = i; k < blocks.size(); ++k) {
          if (!drop[k]) total -= blocks[k].text.size();
          drop[k] = true;
        }
        break;
      }
      if (!drop[i]) before += blocks[i].text.size();
    }
  }
  // A disclaimer in the closing half of the text goes; near the top it may
  // be the text's own note and stays.
  size_t before = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (drop[i]) continue;
    size_t bytes = blocks[i].text.size();
    if ((blocks[i].kind == BlockKind::paragraph || blocks[i].kind == BlockKind::list_item) &&
        static_cast<double>(before) >= th.disclaimer_share * static_cast<double>(total) &&
        starts_disclaimer(blocks[i].text)) {
      drop[i] = true;
      total -= bytes;
    }
    before += bytes;
  }
  size_t tail = 0;
  for (size_t i = blocks.size(); i-- > 0;) {
    if (drop[i]) continue;
    tail += blocks[i].text.size();
    if (static_cast<double>(tail) > th.notice_tail_share * static_cast<double>(total)) break;
    if (blocks[i].kind == BlockKind::paragraph && starts_copyright(blocks[i].text) &&
        !text::has_words(blocks[i].text, th.notice_tail_words + 1)) {
      for (size_t k = i; k < blocks.size(); ++k) drop[k] = true;
      break;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) blocks[kept] = std::move(blocks[i]);
    ++kept;
  }
  blocks.resize(kept);
}

}  // namespace saring::extract::detail
