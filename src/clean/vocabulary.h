// The clean area's heuristic vocabulary: every phrase list, pattern and
// threshold the line classifier uses, defined in one place (vocabulary.cc).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "saring/clean.h"

namespace saring::clean::vocab {

// How a phrase is compared with a line's key (the line lowercased, white
// space collapsed, non-word characters trimmed from both ends).
enum class Match : uint8_t {
  exact,     // the whole key
  prefix,    // the key starts with the phrase, ending at a word boundary
  contains,  // the phrase occurs anywhere in the key
};

struct Phrase {
  std::string_view text;  // lowercase
  Match match;
  Reason reason;
};

// Multilingual phrase table (en, id, ms, de, fr, es, pt, it, nl, pl, ru, tr,
// and a few ja/zh entries).
std::span<const Phrase> phrases();

// Words that, when a line consists only of them, make it a widget row
// ("Share Tweet Email", "A A A", "Print Email").
std::span<const std::string_view> share_tokens();
std::span<const std::string_view> widget_tokens();
std::span<const std::string_view> pagination_tokens();

// Regular expressions (RE2 syntax). Each is documented where it is defined.
struct Patterns {
  std::string_view caption_lead;       // "Foto: ...", "FOTO/..." opening a line
  std::string_view caption_trailer;    // "(Foto: ...)" / "FOTO/ANTARA/X" ending a line
  std::string_view caption_agency;     // "REUTERS/Name", "via REUTERS" in a line
  std::string_view copyright;          // ©, (c) 2021, Copyright 2021
  std::string_view render_time;        // "Page generated in 0.12 seconds"
  std::string_view initials_line;      // "(nng)", "(ant/dil)"
  std::string_view initials_trailer;   // "... kata dia. (nng)"
  std::string_view byline;             // "Penulis: Budi", "By Jane Doe"
  std::string_view source_line;        // "Sumber: Antara", "Quelle: dpa"
  std::string_view dateline;           // "MOSKOW - ", "WASHINGTON (Reuters) - "
  std::string_view dateline_cjk;       // "【ワシントン=共同】"
  std::string_view counter;            // "12 Comments", "1.2K shares"
  std::string_view member_stat;        // "Posts: 116", "Reputation: 7"
  std::string_view font_widget;        // "A A A", "A- A+"
  std::string_view bracket_only;       // "[image]", "[IMG]"
  std::string_view date_remainder_author;  // author in the rest of a date line
  std::string_view comment_header;     // "Michael Blahm sagt:"
  std::string_view time_only;          // "3:59 PM"
  std::string_view form_widget;        // text-browser form fields: "(BUTTON)", "______"
};
const Patterns& patterns();

// Thresholds of the line classifier.
struct Limits {
  // A body paragraph: at least this many words and sentence-final
  // punctuation, or at least long_words words whatever its end.
  size_t body_min_words = 10;
  size_t body_long_words = 30;
  // Scripts without spaces count each character as a word: their thresholds
  // are multiplied by this.
  size_t unspaced_factor = 2;
  // Blocks of body paragraphs are split where more than this many other
  // non-empty lines come between two body paragraphs.
  size_t block_max_gap = 8;
  // ... or where at least this many lines of furniture (prompts, share rows,
  // comment and related-links headers, advertisements) come between them.
  size_t block_split_furniture = 2;
  // Blocks that weigh (in words) at least this share of the heaviest block
  // belong to the body span.
  double block_keep_share = 0.25;
  // A short line: at most this many words (menus, footer links).
  size_t short_words = 6;
  // An unpunctuated list item of at most this many words and no digit is a
  // menu entry, even inside the body span.
  size_t menu_item_max_words = 3;
  // Lines that phrase tables and patterns may remove outright even in the
  // body span: at most this many words.
  size_t widget_max_words = 8;
  // Copyright and render-time lines are at most this long.
  size_t notice_max_words = 40;
  // A subscription prompt ("Sign up for our newsletter to get the latest
  // news.") is at most this long; such a line goes even as a body paragraph.
  size_t prompt_max_words = 25;
  // A headline: between these word counts.
  size_t title_min_words = 2;
  size_t title_max_words = 30;
  // Lines after a related-links header that belong to its list.
  size_t related_max_lines_body = 3;
  size_t related_max_lines_tail = 20;
  // A date line: at most this many words besides the date expression.
  size_t date_line_other_words = 6;
  // Fixed-width wrapping (text browsers): the widest line is between these
  // widths, and at least wrap_min_lines lines and wrap_min_percent of all
  // non-empty lines end within wrap_slack columns of it.
  size_t wrap_min_width = 40;
  size_t wrap_max_width = 132;
  size_t wrap_slack = 12;
  size_t wrap_min_lines = 5;
  size_t wrap_min_percent = 25;
  // Breadcrumb/menu rows: at least this many segments between separators,
  // each at most short_words words.
  size_t nav_min_segments = 3;
  // Menu links glued without spaces ("SavedNewslettersProfile"): at least
  // this many places where a word runs straight into a capitalised one.
  size_t glued_min_joins = 2;
};
const Limits& limits();

}  // namespace saring::clean::vocab
