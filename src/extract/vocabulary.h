// The extractor's heuristic vocabulary, in one place: class/id/role patterns
// that mark boilerplate or content, multilingual boilerplate phrases, and every
// numeric threshold of the cascade. Built once (a function-local static), then
// read-only and shared by all threads.
//
// Class and id attributes are not matched with regular expressions: they are
// split into lowercase ASCII words by saring/class_words.h
// ("post-share_buttons" -> "post", "share", "buttons") and each word is
// looked up in hash sets, plus a short list of stems matched inside words
// ("sharebar", "relatedposts").
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "saring/open_table.h"

namespace saring::extract {

// A read-only map from short ASCII strings to bit sets, built once: an
// OpenTable behind a (first byte, length) filter, for the per-element
// class/id token lookups.
class WordBits {
 public:
  // ORs `bits` (non-zero) into the entry for `w`; `w` must outlive the table.
  void add(std::string_view w, unsigned bits);
  // The bits of `w`, 0 when absent.
  unsigned find(std::string_view w) const {
    // Most class tokens are no word of the table: a (first byte, length)
    // bitmap rejects them before any hashing.
    if (w.empty()) return 0;
    if (w.size() < 64) {
      if (!(first_len_[static_cast<unsigned char>(w[0])] & (1ull << w.size()))) return 0;
    } else if (!has_long_) {
      return 0;
    }
    const unsigned* bits = table_.find(w);
    return bits ? *bits : 0;
  }

 private:
  // Mixes the first and last (up to) 8 bytes and the length: a few
  // instructions for any word, where a byte-at-a-time hash cost a multiply
  // per byte. Words that share both ends only probe further; find() compares
  // the whole word.
  struct Keys : OpenTableTraits<std::string_view> {
    static uint64_t hash(std::string_view w) {
      const char* p = w.data();
      const size_t n = w.size();
      uint64_t a = 0, b = 0;
      if (n >= 8) {
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + n - 8, 8);
      } else if (n >= 4) {
        uint32_t x, y;
        std::memcpy(&x, p, 4);
        std::memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
      } else if (n > 0) {
        a = static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[n / 2]) << 8) |
            (static_cast<unsigned char>(p[n - 1]) << 16);
      }
      uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ ((b + n) * 0xC2B2AE3D27D4EB4Full);
      return h ^ (h >> 29);
    }
  };
  OpenTable<std::string_view, unsigned, Keys> table_{64};
  uint64_t first_len_[256] = {};  // bit n of [c]: a word of n bytes starts with c
  bool has_long_ = false;         // a word of 64 bytes or more
};

// Phrases indexed by their first byte: is one a prefix of a line, or inside
// it? One pass over the line instead of one search per phrase.
class PhraseIndex {
 public:
  void add(std::string_view phrase);  // non-empty; must outlive the index
  bool starts(std::string_view line) const;
  bool inside(std::string_view line) const;

 private:
  bool match_at(std::string_view line, size_t i) const;
  bool may_start(unsigned char c) const { return firsts_[c >> 6] & (1ull << (c & 63)); }
  // inside() looks along a line, and first bytes are common letters: the
  // first two bytes, hashed to a slot, pick the candidates; a pair that
  // starts no phrase near it lets the search skip ahead (shift_).
  static size_t pair_slot(unsigned char a, unsigned char b) { return (a * 37u + b) & 511u; }
  std::vector<std::string_view> by_first_[256];
  uint64_t firsts_[4] = {};  // bit c: some phrase starts with byte c
  std::vector<std::string_view> phrases_;  // in the order added
  std::vector<uint64_t> pair_bits_;  // bit k of [pair_slot(p[0], p[1])]: phrases_[k] is p
  std::vector<uint8_t> shift_;  // [pair_slot(a, b)]: how far inside() may skip (see add)
  size_t shortest_ = 255;       // bytes of the shortest phrase (at most 255)
  bool by_pairs_ = true;  // every phrase has 2 bytes or more and there are at most 64
};

// What a class/id/role says about an element.
enum class Verdict : unsigned char {
  none,         // nothing known
  boilerplate,  // navigation, widgets, ads, related lists, ...: prune
  comments,     // a comment section: prune unless comments are asked for
  caption,      // figure captions and photo credits: prune
  hidden,       // hidden from readers (display:none, hidden, aria-hidden)
};

// Readability-style starting scores of containers by tag.
struct TagWeights {
  double div = 5, article = 10, main = 8, section = 3;
  double text_block = 3;  // pre, td, blockquote
  double list = -3;       // address, lists and their items, form
  double heading = -5;    // h1-h6, th
};

// Numeric knobs of the cascade. Words are script-aware (text::count_words).
struct Thresholds {
  TagWeights tag_weights;
  int score_levels = 3;  // ancestors that receive a unit's score
  // Readability-style scoring.
  size_t min_paragraph_words = 4;      // shorter text units do not score
  double words_per_length_point = 15;  // +1 point per this many words ...
  double max_length_points = 3;        // ... up to this many
  double class_weight = 25;            // positive / negative class-name bonus
  double sibling_score_share = 0.2;    // siblings scoring >= this share of the top join
  double sibling_min_score = 10;
  double sibling_min_earned = 5;  // ... of which this much earned by their text
  size_t sibling_paragraph_words = 14;  // a sibling <p> this long with few links joins
  double sibling_link_density = 0.25;
  double sibling_prose_share = 0.5;  // a sibling box that is mostly prose joins
  double ancestor_score_share = 0.75;   // readability's "alternative candidates"
  size_t ancestor_min_candidates = 3;   // ... when this many share an ancestor
  double sibling_same_class_bonus = 0.2;  // share of the top score for a same-class sibling
  // Expansion to an ancestor: at most expand_levels up, when the words it adds
  // are at least this share prose (long link-light paragraphs), at least this
  // many, and at most this share links.
  int expand_levels = 8;
  int expand_levels_not_article = 16;  // ... on a page that does not say it is an article
  double expand_prose_share = 0.6;
  double expand_min_prose_words = 20;
  double expand_max_link_density = 0.2;
  // ... or when it adds text units (short paragraphs, headings) amounting to
  // this share of what is already chosen (landing pages made of sections).
  double expand_sections_ratio = 0.25;
  double expand_sections_link_density = 0.3;
  // A subtree that carries at least this share of the page's words is not
  // pruned by its class name alone (a wrapper called "has-comments" etc.).
  double prune_safeguard_share = 0.6;
  double prune_safeguard_share_comments = 0.85;
  size_t prune_safeguard_min_words = 80;
  // ... nor one that holds this many words under content-hint containers.
  size_t prune_safeguard_hint_words = 30;
  // ... nor one made of this many long paragraphs holding this share of the
  // page's long-paragraph words.
  size_t long_paragraph_words = 25;
  size_t prune_safeguard_long_paragraphs = 3;
  double prune_safeguard_prose_share = 0.3;
  // ... nor a subtree pruned by class name alone that is this long, with at
  // most this share of link words and two long paragraphs.
  size_t prune_safeguard_prose_words = 150;
  // ... unless its words sit in a row of items (Page::is_repeated_widget):
  // this many children of one class, holding half its words, reached
  // through at most this many single wrappers.
  size_t repeated_widget_items = 3;
  int repeated_widget_wrappers = 4;
  // An element named by weak tokens only ("search", "skip") is a control (a
  // search box, a skip link) while it holds at most this many words; with
  // more it is what the control leads to: the results, the sections.
  uint32_t weak_name_max_words = 50;
  // An inline element named like furniture between two runs of a sentence's
  // words stays when it holds at most this many (Page::prune).
  uint32_t in_sentence_max_words = 4;
  double prune_safeguard_prose_links = 0.15;
  // Comment sections are the content (a forum thread) when they hold at
  // least this many long-paragraph words and the prose outside them is less
  // than this share of theirs.
  double forum_min_prose_words = 50;
  double forum_outside_prose_share = 0.15;
  // Residual block filters.
  double max_block_link_density = 0.5;
  double max_block_link_density_precision = 0.35;
  size_t short_line_words = 12;
  // A question's dates and views ("Asked 3 years ago") and a reply's subject
  // line ("Re: ..."), which repeats the thread's title, run to at most these.
  size_t thread_stat_words = 8;
  size_t reply_subject_words = 20;
  // Link-list items between two prose paragraphs of at least this many bytes stay.
  size_t inner_list_prose_bytes = 80;
  // A page with fewer long-paragraph words than this is a listing: its
  // blocks may be links up to listing_link_density.
  uint32_t listing_max_prose_words = 150;
  double listing_link_density = 0.95;  // boilerplate prefixes only drop lines this short
  // A link followed by text of its own, at least this many times and for this
  // share of the chosen blocks: the links name cards (products, jobs, papers)
  // and stay.
  size_t min_cards = 4;
  double min_card_share = 0.2;
  // Or when the cards' names and their own short lines (at most
  // card_line_bytes each) make this share of the chosen blocks.
  double min_card_block_share = 0.75;
  size_t card_line_bytes = 80;
  // A page that is not an article with this many cards in its kept blocks,
  // more than twice those of the main choice, is a grid: its blocks answer.
  size_t min_grid_cards = 20;
  // On a page that is not an article, at least min_linked_cards linked
  // headings each followed by a linked block of linked_card_words or more:
  // a row of cards, each one link around a title and a sentence about it.
  size_t min_linked_cards = 3;
  size_t linked_card_words = 6;
  size_t caption_credit_words = 25;
  size_t appeal_line_words = 60;  // appeals and disclosures (kAppealPrefixes, kAppealInfixes, kSignUpInfixes)
  // On an article, this many list items in a row that each end cut short
  // ("...", "…") are teasers of other stories; so are as many paragraphs
  // on any page, after teaser_excerpt_share of the text (near the top they
  // may be the page's own list), each longer than card_line_bytes, with up
  // to teaser_card_lines of a card's short lines between two.
  size_t min_teaser_items = 3;
  double teaser_excerpt_share = 0.5;
  size_t teaser_card_lines = 2;
  // An index: at least index_sections headings in the chosen text, each over
  // nothing but a list (up to the next heading) with at least
  // index_section_items links. Its headings and links are the entries (see
  // filter_blocks).
  // A heading's own controls ("[edit]", links of at most index_control_bytes)
  // may stand between it and its list.
  size_t index_sections = 4;
  size_t index_section_items = 3;
  size_t index_control_bytes = 16;
  // The text's body: the parent holding most of the chosen long paragraphs'
  // words, with at least this many of them. What follows its last block, in
  // one box apart from it and of at most apart_tail_share of its words, is a
  // closing box (see filter_blocks).
  size_t apart_body_paragraphs = 3;
  double apart_tail_share = 0.5;
  // A copyright notice of at most this many words, with no more than this
  // share of the text from it to the end, closes the text: it and what
  // follows are the page's footer.
  size_t notice_tail_words = 80;
  double notice_tail_share = 0.25;
  // On an article, a writer's label (Vocabulary::is_writer_label) after
  // this share of the text opens the box about the writer: it and what
  // follows go.
  double writer_box_share = 0.5;
  // A paragraph opening "Disclaimer:" or "Disclosure:" after this share of
  // the text is the site's notice and goes.
  double disclaimer_share = 0.5;
  // Cascade: the main result under-delivers when it has fewer than
  // min_main_words, or less than this share of the page's good text.
  size_t min_main_words = 25;
  double min_main_share = 0.35;
  double min_main_share_recall = 0.5;
  double min_main_share_precision = 0.1;
  // A page that does not say it is an article (a landing page, a shop's
  // page) spreads its text over many boxes: the choice must hold this share.
  double min_main_share_not_article = 0.6;
  // Layout tables: a table whose cells carry this many words (or holds another
  // table) is page layout, walked through like a <div>.
  size_t layout_table_cell_words = 80;
};

// What class and id say about one element, from one pass over their tokens.
struct ClassFacts {
  Verdict verdict = Verdict::none;
  bool hint = false;        // names the main text container (entry-content, ...)
  signed char weight = 0;   // readability-style: +1 content-like, -1 boilerplate-like, per attribute
  bool strong = false;      // overlays, consent, sign-up: prose inside does not save it
  bool disclosure = false;  // tabs, accordions: hidden until clicked, still content
  bool lead = false;        // the standfirst under a headline ("lead", "abstract", "dek")
  bool description = false; // a section's description ("category-description", "listing__desc")
  bool weak = false;        // boilerplate by weak tokens only ("search", "skip")
  bool ingredients = false; // a recipe's ingredients ("recipe-ingredients", "zutaten")
  bool hero = false;        // the page's opening block ("hero"), not under an overlay's name
  bool notice = false;      // a notice box ("alert", "callout", "admonition"), see kNoticeTokens
};

// What one attribute value (class or id) says, before it is combined with
// the other: analyze(cls, id) == combine(analyze_part(cls, true),
// analyze_part(id, false), cls) for a non-slug id. Class
// strings repeat across a page, so their parts can be cached.
struct ClassPart {
  bool boilerplate = false;           // some token says boilerplate
  bool firm = false;                  // one that is not a weak token says so
  Verdict first = Verdict::none;      // the first verdict any token gave
  bool positive = false, negative = false;
  bool strong = false, disclosure = false, hint = false, lead = false, description = false;
  bool article = false;               // class values only
  bool ingredients = false;
  bool hero = false;
  bool notice = false;
  bool hidden = false;                // a hidden class other than plain "hidden"
  bool hidden_word = false;           // plain "hidden" (not hiding when responsive)
};

// True when a class list uses responsive prefixes ("md:flex").
bool is_responsive(std::string_view cls);
// True for ids of many hyphenated words: heading slugs, ignored for verdicts.
bool is_slug(std::string_view id);

class Vocabulary {
 public:
  // Verdict, content hint and weight of an element's class and id together.
  ClassFacts analyze(std::string_view cls, std::string_view id) const;
  // The two halves of analyze(), see ClassPart.
  ClassPart analyze_part(std::string_view value, bool is_class) const;
  // `cls_value` is the class value itself: is_responsive(cls_value) is asked
  // only when a plain "hidden" needs it.
  ClassFacts combine(const ClassPart& cls, const ClassPart& id, std::string_view cls_value) const;
  // Verdict of one element from its class, id and role/aria attributes.
  Verdict classify(std::string_view cls, std::string_view id, std::string_view role) const;
  // Readability-style weight of class+id: +1 for content-like names, -1 for
  // boilerplate-like names, 0 otherwise (multiplied by Thresholds::class_weight).
  int class_weight(std::string_view cls, std::string_view id) const;
  // True when a class name (one of the space-separated values) marks the
  // main text container: entry-content, article-body, post-body, ...
  bool is_content_class(std::string_view cls, std::string_view id) const;

  // True when a whole line (collapsed, any case) is boilerplate in some
  // language: "loading...", "A A A", "Baca juga", "Weiterlesen", ... A
  // `heading` is never a poster's rank ("Moderator") nor a stats list's line
  // ("Replies 154").
  bool is_boilerplate_line(std::string_view text, size_t words, bool heading = false) const;
  // True when a short line is a photo credit or caption source ("FOTO/Reuters",
  // "Photo: AP", "(Foto: dpa)").
  bool is_credit_line(std::string_view text, size_t words) const;
  // True when a line of at most Thresholds::appeal_line_words asks for money,
  // membership or a newsletter sign-up, or tells a comment section's rules,
  // anywhere in it ("... please support us by donating", "... Sign up for the
  // free daily newsletter.", "Note: we are moderating all comments ...").
  bool is_embedded_boilerplate(std::string_view text) const;
  // True when a line (any case, a trailing ':' or a leading '-' trimmed)
  // opens the writer's box: "Written by", "Author", "Written by Jane Roe",
  // "About the author: Jane Roe is ...".
  bool is_writer_label(std::string_view text) const;
  // True when a text node is an admonition's label, alone ("Note", "See
  // also") or before a colon ("Tip: ...", "Warning:"), in any case.
  bool opens_admonition(std::string_view text) const;
  // True when a heading of at most 120 bytes brings in other products
  // ("Customers also bought", "Frequently bought together", "Similar items").
  bool is_other_products_heading(std::string_view text) const;

  const Thresholds& thresholds() const { return thresholds_; }

 private:
  friend const Vocabulary& vocabulary();
  Vocabulary();

  enum : unsigned {
    kTokBoilerplate = 1, kTokComments = 2, kTokCaption = 4, kTokSafe = 8, kTokPositive = 16,
    kTokNegative = 32, kTokStrong = 64, kTokDisclosure = 128, kTokAuthor = 256, kTokBox = 512,
    kTokLead = 1024, kTokWeak = 2048, kTokIngredients = 4096, kTokHero = 8192,
    kTokDescription = 16384, kTokNotice = 32768,
  };
  enum : unsigned { kClsContent = 1, kClsArticle = 2, kClsHidden = 4, kClsLayout = 8 };
  enum : unsigned { kGluedStem = 1, kGluedComment = 2, kGluedCaption = 4 };
  // What is glued inside token `t`: kGluedStem when a boilerplate stem
  // shorter than `t` occurs in it, kGluedComment when "comment" does,
  // kGluedCaption when "caption" does.
  unsigned glued_words(std::string_view t) const;
  // kTokAuthor | kTokBox when token `t` glues an author word to a box word
  // ("userdetails", "authorinfo"): the profile box in one word; else 0.
  unsigned glued_author_box(std::string_view t) const;

  WordBits token_bits_;  // class/id tokens
  WordBits class_bits_;  // whole class values
  // The boilerplate stems, then "comment" and "caption", indexed by their
  // first two letters: bit k of glued_pairs_[a][b] says glued_[k] starts
  // with letters 'a' + a, 'a' + b. One table load per position of a token
  // rejects nearly every position, where a first-byte index matched often.
  std::vector<std::string_view> glued_;
  size_t comment_glued_ = 0;  // index of "comment" in glued_
  size_t caption_glued_ = 0;  // index of "caption" in glued_
  size_t shortest_glued_ = 0;  // bytes of the shortest word of glued_
  uint32_t glued_pairs_[27][27] = {};  // row and column 26: no letter
  PhraseIndex taxonomy_prefixes_;  // class values ignored for verdicts
  std::unordered_set<std::string_view> boilerplate_roles_;
  std::unordered_set<std::string_view> boilerplate_lines_;
  std::unordered_set<std::string_view> count_labels_;  // "likes" of "2 Likes"
  std::unordered_set<std::string_view> label_first_count_labels_;  // kLabelFirstCountLabels
  std::unordered_set<std::string_view> poster_rank_lines_;  // kPosterRankLines
  std::unordered_set<std::string_view> writer_labels_;  // kWriterLabels
  PhraseIndex writer_box_prefixes_;  // kWriterBoxPrefixes
  PhraseIndex other_products_;  // kOtherProductsInfixes
  PhraseIndex boilerplate_prefixes_;
  PhraseIndex appeal_prefixes_;
  PhraseIndex embedded_infixes_;  // kAppealInfixes, kCommentRuleInfixes
  PhraseIndex newsletter_word_;
  PhraseIndex sign_up_infixes_;
  PhraseIndex follow_targets_;
  PhraseIndex script_error_prefixes_;
  PhraseIndex notice_infixes_;
  PhraseIndex credit_prefixes_;
  PhraseIndex credit_infixes_;
  Thresholds thresholds_;
};

// True for ids of streamed server-rendered content ("S:0", "S:12"): hidden
// until a script moves it into place, it is the page's content.
bool is_streamed_id(std::string_view id);
// True for the ids of the placeholders such content is moved into: a
// boundary's ("B:0") or a part's ("P:1").
bool is_placeholder_id(std::string_view id);

// The shared, immutable vocabulary.
const Vocabulary& vocabulary();

// Lowercases ASCII letters; other bytes unchanged.
std::string ascii_lower(std::string_view s);

// True when `s` opens with `lower_prefix` (lowercase ASCII), ASCII letters
// of `s` compared in any case: "Copyright 2020" opens with "copyright".
bool starts_with_ascii_ci(std::string_view s, std::string_view lower_prefix);

}  // namespace saring::extract
