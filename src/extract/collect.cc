// Step 4 of the cascade: the blocks of the chosen subtrees.
//
// A walk over the flattened entries of each chosen subtree turns runs of
// inline text into blocks (paragraph, heading, list item, quote, code,
// table, image), skipping pruned and dropped entries; link text is measured
// on the way (for the link-density filter) and, when the options ask, links
// and formatting are written as Markdown marks.
#include <algorithm>
#include <cstring>
#include "saring/simd.h"
#include "saring/text.h"
#include "saring/utf8.h"
#include "stages.h"

namespace saring::extract::detail {
namespace {

using text::count_words;

// Turns '\n' and '\r' into ' ' in place. Every text node of the chosen
// content passes here, and most 16-byte runs hold no line break: one test
// per 16 bytes (simd.h) finds the few that do.
void breaks_to_spaces(char* p, size_t n) {
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const simd::Bytes16 v = simd::Bytes16::load(p + i);
    for (uint32_t m = (v.eq('\n') | v.eq('\r')).mask(); m; m &= m - 1) p[i + simd::first_bit(m)] = ' ';
  }
  for (; i < n; ++i)
    if (p[i] == '\n' || p[i] == '\r') p[i] = ' ';
}

class Collector {
 public:
  Collector(const Page& page, bool comments_mode, bool ignore_pruning = false)
      : page_(page), nodes_(page.nodes), opt_(page.options_), comments_mode_(comments_mode),
        ignore_pruning_(ignore_pruning), plain_(!opt_.include_links && !opt_.include_formatting) {}

  RawBlocks out;

  void collect(int32_t root) {
    const TagTable& tt = tags();
    std::vector<int32_t> open;  // element entries whose subtree we are inside
    int32_t end = nodes_[root].end;
    int32_t i = root;
    while (i < end) {
      while (!open.empty() && nodes_[open.back()].end <= i) {
        leave(open.back());
        open.pop_back();
      }
      const NodeInfo& n = nodes_[i];
      if (skipped(n) && i != root) {
        // A recipe's ingredient list inside a pruned print area or sidebar
        // is kept (see Page::prune): the walk goes on there.
        i = next_ingredients(i, n.end);
        continue;
      }
      if (n.flags & kText) {
        append_text(n);
        ++i;
        continue;
      }
      const Node* e = n.node;
      Tag t = e->tag;
      if (t == Tag::table) {
        int decision = table_kind(i);
        if (decision != 0) {  // data table: emit or drop as a whole
          flush();
          if (opt_.include_tables) emit_table(i);
          i = n.end;
          continue;
        }
      }
      if (t == Tag::img) {
        if (opt_.include_images && !comments_mode_) emit_image(e);
        i = n.end;
        continue;
      }
      if (t == Tag::br) {
        buf_.push_back('\n');
        tail_ = '\n';
        i = n.end;
        continue;
      }
      if (tt.block[ti(t)]) flush();
      if (closed_) opened_after_close_ = true;
      enter(i);
      open.push_back(i);
      ++i;
    }
    while (!open.empty()) {
      leave(open.back());
      open.pop_back();
    }
    flush();
  }

 private:
  bool skipped(const NodeInfo& n) const {
    if (!(n.flags & kPruned)) return false;
    // Pruned parts are read, hidden ones still not (a screen reader's label).
    if (ignore_pruning_) return n.verdict == Verdict::hidden;
    if (comments_mode_ && n.verdict == Verdict::comments) return false;
    if (comments_mode_ && n.parent >= 0 && !(nodes_[n.parent].flags & kPruned)) return true;
    // Inside a comment root: only skip what is pruned for another reason.
    if (comments_mode_) return n.verdict != Verdict::none;
    return true;
  }

  // The first ingredient list inside entry `i`'s subtree, else `end`.
  int32_t next_ingredients(int32_t i, int32_t end) const {
    const auto& list = page_.ingredients;
    auto it = std::upper_bound(list.begin(), list.end(), i);
    return it != list.end() && *it < end ? *it : end;
  }

  // An element named like a recipe's ingredient list (Page::ingredients).
  bool is_ingredients(int32_t i) const {
    const auto& list = page_.ingredients;
    return !list.empty() && std::binary_search(list.begin(), list.end(), i);
  }

  void enter(int32_t i) {
    const Node* e = nodes_[i].node;
    Tag t = e->tag;
    if (is_ingredients(i)) ++ingredients_;
    if (is_heading(t)) {
      heading_ = static_cast<int>(t) - static_cast<int>(Tag::h1) + 1;
    } else if (t == Tag::ul || t == Tag::ol || t == Tag::menu) {
      lists_.push_back(t == Tag::ol);
    } else if (t == Tag::li) {
      ++items_;
    } else if (t == Tag::blockquote) {
      ++quotes_;
    } else if (t == Tag::pre) {
      ++pre_;
    } else if (t == Tag::a) {
      if (opt_.include_links && !pre_) {
        link_marks_.push_back(buf_.size());
        buf_.push_back('[');
      }
      if (is_permalink(e)) {
        ++permalinks_;
      } else {
        ++links_;
      }
    } else if (t == Tag::dt) {
      ++terms_;
    } else if (opt_.include_formatting && !pre_) {
      std::string_view mark = format_mark(t);
      if (!mark.empty()) {
        format_marks_.push_back(buf_.size());
        buf_.append(mark);
      }
    }
  }

  void leave(int32_t i) {
    const Node* e = nodes_[i].node;
    closed_ = true;
    if (is_ingredients(i) && ingredients_ > 0) --ingredients_;
    Tag t = e->tag;
    const TagTable& tt = tags();
    if (t == Tag::a) {
      if (opt_.include_links && !pre_ && !link_marks_.empty()) {
        size_t start = link_marks_.back();
        link_marks_.pop_back();
        std::string_view href = e->attr("href");
        bool has_text = buf_.find_first_not_of(" \t\r\n", start + 1) != std::string::npos;
        if (has_text && !href.empty() && href.substr(0, 11) != "javascript:") {
          buf_.append("](");
          buf_.append(href);
          buf_.push_back(')');
        } else {
          buf_.erase(start, 1);
        }
      }
      if (is_permalink(e)) {
        if (permalinks_ > 0) --permalinks_;
      } else if (links_ > 0) {
        --links_;
      }
      return;
    }
    if (opt_.include_formatting && !pre_) {
      std::string_view mark = format_mark(t);
      if (!mark.empty() && !format_marks_.empty()) {
        size_t start = format_marks_.back();
        format_marks_.pop_back();
        bool has_text = buf_.find_first_not_of(" \t\r\n", start + mark.size()) != std::string::npos;
        if (has_text) {
          // Keep the closing mark tight against the text.
          size_t trail = buf_.size();
          while (trail > start && (buf_[trail - 1] == ' ' || buf_[trail - 1] == '\n')) --trail;
          std::string tail = buf_.substr(trail);
          buf_.resize(trail);
          buf_.append(mark);
          buf_.append(tail);
        } else {
          buf_.erase(start, mark.size());
        }
        return;
      }
    }
    if (tt.block[ti(t)]) flush();
    if (is_heading(t)) {
      heading_ = 0;
    } else if (t == Tag::ul || t == Tag::ol || t == Tag::menu) {
      if (!lists_.empty()) lists_.pop_back();
    } else if (t == Tag::li) {
      if (items_ > 0) --items_;
    } else if (t == Tag::blockquote) {
      if (quotes_ > 0) --quotes_;
    } else if (t == Tag::pre) {
      if (pre_ > 0) --pre_;
    } else if (t == Tag::dt) {
      if (terms_ > 0) --terms_;
    }
  }

  // A heading's link to itself ("#constructor", the anchor documentation
  // pages put on every heading) leads nowhere else: its text is not link
  // text. Outside headings, fragment links are tables of contents.
  bool is_permalink(const Node* a) const {
    if (heading_ == 0) return false;
    std::string_view href = a->attr("href");
    return href.size() > 1 && href.front() == '#';
  }

  static std::string_view format_mark(Tag t) {
    switch (t) {
      case Tag::b: case Tag::strong: return "**";
      case Tag::i: case Tag::em: return "*";
      case Tag::code: case Tag::kbd: case Tag::samp: case Tag::tt: return "`";
      default: return {};
    }
  }

  // ASCII bytes that text::count_words counts as word characters (tests/extract
  // checks the two agree).
  static bool ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  void append_text(const NodeInfo& n) {
    std::string_view s = n.node->text();
    // Where the block starts: the filters look up its element from there.
    if (first_text_ < 0 && n.raw_words > 0)
      first_text_ = static_cast<int32_t>(&n - nodes_.data());
    // The block's words, from the text nodes' counts (made while flattening)
    // instead of counting the block's text again: white space collapsing
    // changes no word count, so the block has the sum of its texts' words,
    // less one where a word runs on from one text into the next ("<b>Ex</b>
    // ample"). That is decided on ASCII bytes; two non-ASCII bytes meeting
    // (a script word, or bytes that might form one character) leave the count
    // to filter_blocks.
    if (!s.empty()) {
      unsigned char head = static_cast<unsigned char>(s.front());
      unsigned char tail = static_cast<unsigned char>(tail_);
      bool head_word = head >= 0x80 || ascii_word(head);
      bool tail_word = tail >= 0x80 || ascii_word(tail);
      // Two elements side by side whose texts meet as a lower-case letter and a
      // capital ("<span>Acme Outdoor</span><span>Trail Tent</span>",
      // a brand and a product's name laid out side by side) are two words; so
      // are a capital and a capitalised word ("<span>ACME</span><span>Trail").
      // (Not in <pre>, nor where a link's or a format's mark now ends the text.)
      if (opened_after_close_ && head >= 'A' && head <= 'Z' &&
          ((tail >= 'a' && tail <= 'z') ||
           (tail >= 'A' && tail <= 'Z' && s.size() > 1 && s[1] >= 'a' && s[1] <= 'z')) &&
          pre_ == 0 && buf_.size() == text_end_) {
        buf_.push_back(' ');
        tail_word = false;
      }
      if (head_word && tail_word) {
        if (head < 0x80 && tail < 0x80) words_ -= 1;  // the two halves are one word
        else words_known_ = false;
      }
      words_ += n.raw_words;
      tail_ = s.back();
      closed_ = opened_after_close_ = false;
    }
    if (pre_ > 0) {
      buf_.append(s);
    } else {
      // Source line breaks are spaces; only <br> breaks a line.
      size_t from = buf_.size();
      buf_.append(s);
      breaks_to_spaces(buf_.data() + from, s.size());
    }
    text_end_ = buf_.size();
    text_bytes_ += s.size();
    if (links_ > 0) {
      link_bytes_ += s.size();
      link_end_ = buf_.size();
    }
  }

  // Whether the block's last visible byte is a sentence stop after its last
  // link's text: a sentence that carries a link ends on its own stop, a
  // link's label does not.
  bool closes_plain() const {
    return text::ends_on_stop(text::trim_closing(std::string_view(buf_).substr(link_end_)));
  }

  void flush() {
    if (buf_.empty()) {
      first_text_ = -1;
      return;
    }
    Block b;
    BlockMeasure m;
    if (pre_ > 0) {
      b.kind = BlockKind::code;
      // Keep the code's lines; trim blank lines around it.
      size_t first = buf_.find_first_not_of("\r\n");
      size_t last = buf_.find_last_not_of(" \t\r\n");
      if (first != std::string::npos && last != std::string::npos && last >= first) {
        b.text = buf_.substr(first, last - first + 1);
      }
    } else {
      if (heading_ > 0) {
        b.kind = BlockKind::heading;
        b.level = heading_;
      } else if (items_ > 0 && !lists_.empty()) {
        b.kind = BlockKind::list_item;
        b.level = static_cast<int>(lists_.size());
        b.ordered = lists_.back();
      } else if (quotes_ > 0) {
        b.kind = BlockKind::quote;
      } else {
        b.kind = BlockKind::paragraph;
      }
      b.text = collapse_lines(buf_);
    }
    if (comments_mode_) b.kind = BlockKind::comment;
    m.text_bytes = static_cast<uint32_t>(text_bytes_);
    m.link_bytes = static_cast<uint32_t>(link_bytes_);
    m.closes_plain = link_bytes_ > 0 && closes_plain();  // only linked blocks ask
    m.term = terms_ > 0;
    m.ingredient = ingredients_ > 0;
    m.source = first_text_;
    first_text_ = -1;
    // Links and formatting add marks and URLs to the text; code keeps its own.
    m.words = static_cast<uint32_t>(words_);
    m.words_known = words_known_ && plain_ && pre_ == 0;
    words_ = 0;
    words_known_ = true;
    tail_ = ' ';
    buf_.clear();
    text_bytes_ = link_bytes_ = link_end_ = 0;
    link_marks_.clear();
    format_marks_.clear();
    if (b.text.empty()) return;
    emit(std::move(b), m);
  }

  void emit(Block&& b, BlockMeasure m) {
    out.blocks.push_back(std::move(b));
    out.measures.push_back(m);
  }

  // Each line whitespace-collapsed, empty lines dropped, written straight
  // into the result.
  static std::string collapse_lines(std::string_view s) {
    std::string result;
    result.reserve(s.size());
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t nl = s.find('\n', pos);
      if (nl == std::string_view::npos) nl = s.size();
      size_t mark = result.size();
      if (mark) result.push_back('\n');
      size_t start = result.size();
      text::append_collapsed(result, s.substr(pos, nl - pos));
      if (result.size() == start) result.resize(mark);
      pos = nl + 1;
    }
    return result;
  }

  // 0: layout table (walk through it); 1: data table.
  int table_kind(int32_t t) const {
    const NodeInfo& table = nodes_[t];
    uint32_t max_cell = 0;
    size_t rows = 0;
    for (int32_t i = t + 1; i < table.end; ++i) {
      const NodeInfo& n = nodes_[i];
      if (n.flags & kText) continue;
      Tag tag = n.node->tag;
      if (tag == Tag::table) return 0;
      if (tag == Tag::tr) ++rows;
      if (tag == Tag::td || tag == Tag::th) max_cell = std::max(max_cell, n.words);
      if (tag == Tag::p || tag == Tag::div || is_heading(tag) || tag == Tag::ul ||
          tag == Tag::blockquote) {
        if (n.words >= page_.th_.min_paragraph_words * 4) return 0;
      }
    }
    if (max_cell >= page_.th_.layout_table_cell_words) return 0;
    if (rows == 0) return 0;
    return 1;
  }

  std::string subtree_text(int32_t root) const {
    std::string s;
    const int32_t end = nodes_[root].end;
    for (int32_t i = root + 1; i < end;) {
      const NodeInfo& n = nodes_[i];
      if (n.flags & kPruned) {
        i = n.end;
        continue;
      }
      if (n.flags & kText) {
        s.append(n.node->text());
      } else if (n.node->tag == Tag::br || tags().block[ti(n.node->tag)]) {
        s.push_back(' ');
      }
      ++i;
    }
    return text::collapse_whitespace(s);
  }

  void emit_table(int32_t t) {
    Block b;
    BlockMeasure m;
    b.kind = BlockKind::table;
    const int32_t end = nodes_[t].end;
    for (int32_t i = t + 1; i < end;) {
      const NodeInfo& n = nodes_[i];
      if ((n.flags & kPruned) || (n.flags & kText)) {
        i = (n.flags & kPruned) ? n.end : i + 1;
        continue;
      }
      Tag tag = n.node->tag;
      if (tag == Tag::caption) {
        i = n.end;
        continue;
      }
      if (tag == Tag::tr) {
        std::vector<std::string> row;
        bool any = false;
        for (int32_t c = i + 1; c < n.end; c = nodes_[c].end) {
          const NodeInfo& cell = nodes_[c];
          if (cell.flags & kText) continue;
          if (cell.node->tag != Tag::td && cell.node->tag != Tag::th) continue;
          if (cell.flags & kPruned) continue;
          row.push_back(subtree_text(c));
          if (!row.back().empty()) any = true;
          m.text_bytes += static_cast<uint32_t>(row.back().size());
        }
        if (any) b.rows.push_back(std::move(row));
        i = n.end;
        continue;
      }
      ++i;
    }
    if (b.rows.empty()) return;
    m.source = t;
    emit(std::move(b), m);
  }

  void emit_image(const Node* e) {
    std::string_view src = e->attr("src");
    if (src.empty() || src.substr(0, 5) == "data:") src = e->attr("data-src");
    if (src.empty()) return;
    flush();
    Block b;
    b.kind = BlockKind::image;
    b.src = std::string(src);
    b.alt = text::collapse_whitespace(e->attr("alt"));
    emit(std::move(b), BlockMeasure{});
  }

  const Page& page_;
  const std::vector<NodeInfo>& nodes_;
  const ExtractOptions& opt_;
  bool comments_mode_;
  bool ignore_pruning_;
  bool plain_;  // neither links nor formatting marks go into the text
  std::string buf_;
  size_t words_ = 0;          // words in buf_ (when words_known_)
  bool words_known_ = true;
  char tail_ = ' ';           // the last byte put in buf_ (a space when empty)
  // Since the last text: an element closed, then one opened after it.
  bool closed_ = false, opened_after_close_ = false;
  size_t text_end_ = 0;  // the end of the last text put in buf_
  int32_t first_text_ = -1;  // the entry of the block's first text with words, -1 before it
  size_t text_bytes_ = 0, link_bytes_ = 0;
  size_t link_end_ = 0;       // where the last link's text ends in buf_
  int heading_ = 0;
  std::vector<bool> lists_;
  int items_ = 0, quotes_ = 0, pre_ = 0, links_ = 0, permalinks_ = 0, terms_ = 0, ingredients_ = 0;
  std::vector<size_t> link_marks_, format_marks_;
};

}  // namespace

RawBlocks collect(const Page& page, const std::vector<int32_t>& roots, bool comments) {
  Collector c(page, comments);
  for (int32_t r : roots) c.collect(r);
  return std::move(c.out);
}

RawBlocks collect_whole(const Page& page, int32_t root) {
  Collector c(page, false, /*ignore_pruning=*/true);
  c.collect(root);
  return std::move(c.out);
}

}  // namespace saring::extract::detail
