// Line classifier behind saring::clean::clean_document().
//
// A careless text dump keeps the page's furniture as lines of their own. We
// decide line by line, with the evidence in decreasing strength:
//
//  1. Patterns and whole-line labels (strong, anywhere): lines without a
//     letter or digit, "[image]", the font widget "A A A", server timings,
//     copyright marks on short lines, photo credits ("FOTO/ANTARA/...",
//     "Photo: ... / Reuters"), editor initials "(nng)", bylines, credit lines,
//     counters ("12 comments", "Posts: 116"), rows made only of
//     share/widget/pagination words, breadcrumbs, menu links run together
//     without spaces ("SavedNewslettersProfile"), lines that are only a date,
//     exact widget labels from the phrase table, and lines that repeat across
//     documents of the same site (corpus mode).
//  2. Phrase hits on lines that are not body paragraphs (strong too: a short
//     unpunctuated "Baca juga: ..." is furniture wherever it stands), and
//     subscription prompts short enough to be one ("Sign up for our
//     newsletter to get the latest news.") even as sentences.
//  3. Layout. Body paragraphs are long lines ending in sentence punctuation
//     (script-aware word counts). They are grouped into blocks, split where
//     many other lines or a few lines of furniture come between them; the
//     heaviest block and every block of comparable weight form the body
//     span. Before the span come menus, the headline, the date and captions;
//     after it, related links and footers. Lines that are not paragraphs
//     before the headline and short unpunctuated lines, questions and
//     exclamations after the span are navigation, and inside the span so are
//     menu entries (short list items without figures) and labels between two
//     lines of furniture; phrase hits on body paragraphs count only outside
//     the span (conservative), anywhere with options.aggressive.
//  4. Context: the lines following a related-links header belong to its list;
//     the headline is the last heading-like line before the body (a repeated
//     line wins), its other copies are duplicate-title.
//
// Metadata comes out of the same pass: the date from the first date line
// (saring::date), the dateline place from the first kept body paragraph,
// editor initials from an initials line or from the end of the last
// paragraph, agencies from initials and credit lines, and the credits the
// kept text carries (datelines, "seperti dilansir Reuters", "(ANTARA)") read
// by meta::add_credited_agencies, as saring extract reads them.
//
// Everything is a pure function of the input and options; regular
// expressions and phrase maps are compiled once (thread-safe statics).
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "saring/agencies.h"
#include "saring/clean.h"
#include "saring/date.h"
#include "saring/lang.h"
#include "saring/text.h"
#include "saring/utf8.h"
#include "vocabulary.h"

namespace saring::clean {

std::string_view to_string(Reason reason) {
  switch (reason) {
    case Reason::ui_widget: return "ui-widget";
    case Reason::caption: return "caption";
    case Reason::related_links: return "related-links";
    case Reason::copyright: return "copyright";
    case Reason::render_time: return "render-time";
    case Reason::duplicate_title: return "duplicate-title";
    case Reason::cross_document_boilerplate: return "cross-document-boilerplate";
    case Reason::navigation: return "navigation";
    case Reason::date_line: return "date-line";
    case Reason::placeholder: return "placeholder";
    case Reason::advertisement: return "advertisement";
    case Reason::share_widget: return "share-widget";
    case Reason::byline: return "byline";
    case Reason::source_credit: return "source-credit";
    case Reason::cookie_notice: return "cookie-notice";
    case Reason::subscription: return "subscription";
    case Reason::comments: return "comments";
    case Reason::tags: return "tags";
    case Reason::separator: return "separator";
    case Reason::outside_body: return "outside-body";
  }
  return "unknown";
}

// Shared with corpus.cc: the normalised form of a line used for counting.
std::string corpus_normal_form(std::string_view line);

namespace {

// ---------------------------------------------------------------- compiled vocabulary

re2::StringPiece piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

struct Compiled {
  std::unordered_map<std::string_view, Reason> exact;
  std::unordered_map<std::string_view, Reason> prefix;
  size_t prefix_max_words = 1;
  std::vector<std::pair<std::string_view, Reason>> contains;
  std::unique_ptr<RE2::Set> contains_set;  // all `contains` phrases, one automaton
  std::unordered_set<std::string_view> share, widget, pagination;
  RE2::Options opts;
  std::unique_ptr<RE2> caption_lead, caption_trailer, caption_agency, copyright, render_time,
      initials_line, initials_trailer, byline, source_line, dateline, dateline_cjk, counter,
      member_stat, font_widget, bracket_only, date_author, form_widget, comment_header, time_only;

  Compiled() {
    opts.set_log_errors(true);
    opts.set_max_mem(int64_t{32} << 20);
    for (const auto& p : vocab::phrases()) {
      switch (p.match) {
        case vocab::Match::exact: exact.emplace(p.text, p.reason); break;
        case vocab::Match::prefix: {
          prefix.emplace(p.text, p.reason);
          size_t words = 1 + static_cast<size_t>(std::count(p.text.begin(), p.text.end(), ' '));
          prefix_max_words = std::max(prefix_max_words, words);
          break;
        }
        case vocab::Match::contains: contains.emplace_back(p.text, p.reason); break;
      }
    }
    RE2::Options set_opts = opts;
    set_opts.set_max_mem(int64_t{64} << 20);
    contains_set = std::make_unique<RE2::Set>(set_opts, RE2::UNANCHORED);
    for (const auto& [phrase, reason] : contains) {
      contains_set->Add(RE2::QuoteMeta(piece(phrase)), nullptr);
    }
    if (!contains_set->Compile()) contains_set.reset();
    for (auto t : vocab::share_tokens()) share.insert(t);
    for (auto t : vocab::widget_tokens()) widget.insert(t);
    for (auto t : vocab::pagination_tokens()) pagination.insert(t);
    const auto& p = vocab::patterns();
    auto make = [&](std::string_view s) { return std::make_unique<RE2>(re2::StringPiece(s.data(), s.size()), opts); };
    caption_lead = make(p.caption_lead);
    caption_trailer = make(p.caption_trailer);
    caption_agency = make(p.caption_agency);
    copyright = make(p.copyright);
    render_time = make(p.render_time);
    initials_line = make(p.initials_line);
    initials_trailer = make(p.initials_trailer);
    byline = make(p.byline);
    source_line = make(p.source_line);
    dateline = make(p.dateline);
    dateline_cjk = make(p.dateline_cjk);
    counter = make(p.counter);
    member_stat = make(p.member_stat);
    font_widget = make(p.font_widget);
    bracket_only = make(p.bracket_only);
    date_author = make(p.date_remainder_author);
    form_widget = make(p.form_widget);
    comment_header = make(p.comment_header);
    time_only = make(p.time_only);
  }
};

const Compiled& compiled() {
  static const Compiled c;
  return c;
}

// ---------------------------------------------------------------- line features

// One non-blank line. Its strings are views: into the input when collapsing
// white space and lowercasing changed nothing, else into the document's
// TextStore, so a dump of millions of short lines costs a record per line and
// no string of its own. Blank lines are not kept, only noted on the next line.
struct Line {
  size_t number = 0;        // 1-based
  std::string_view text;    // white space collapsed
  std::string_view key;     // lowercased, non-word chars trimmed at both ends
  uint32_t words = 0;       // saturates; every limit compared with it is small
  bool unspaced : 1 = false;      // mostly a script written without spaces
  bool terminal : 1 = false;      // ends with sentence punctuation
  bool body : 1 = false;          // looks like a body paragraph
  bool blank_before : 1 = false;  // blank input lines came between it and the previous line
  bool removed : 1 = false;
  bool has_weak : 1 = false;      // phrase hit on a body paragraph (removable outside the span)
  bool item : 1 = false;          // an item of a bulleted list ("* ", "+ ", "o ", "• ")
  Reason reason{};
  Reason weak{};
};

// Copies of strings that views may point into: blocks are never moved or
// freed before the store, and grow from 4 KiB to 1 MiB, so a small document
// makes one small allocation and a huge one an allocation per MiB.
class TextStore {
 public:
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      block_bytes_ = std::min(block_bytes_ * 2, kMaxBlockBytes);
      size_t size = std::max(block_bytes_, s.size());
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    std::string_view kept(next_, s.size());
    next_ += s.size();
    left_ -= s.size();
    return kept;
  }

 private:
  static constexpr size_t kMaxBlockBytes = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t block_bytes_ = 2048;
};

// Whether the last code point of s that is not a closing quote or bracket
// ends a sentence; a short bracketed group closing the line (editor initials
// "(nng)") is skipped.
bool ends_with_sentence(std::string_view s) {
  if (!s.empty() && (s.back() == ')' || s.back() == ']')) {
    size_t open = s.find_last_of("([");
    if (open != std::string_view::npos && s.size() - open <= 24 && open > 0 &&
        s.substr(open).find(' ') == std::string_view::npos) {
      s = s.substr(0, open);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    }
  }
  std::vector<char32_t> tail;
  size_t pos = s.size() > 24 ? s.size() - 24 : 0;
  while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  while (pos < s.size()) tail.push_back(utf8::next(s, pos));
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
    if (text::is_closing_mark(*it) || text::is_space(*it)) continue;
    // "…" or "...": a teaser cut off, not a finished sentence.
    if (*it == 0x2026 || (*it == '.' && tail.rend() - it > 2 && it[1] == '.' && it[2] == '.')) return false;
    return text::is_sentence_stop(*it);
  }
  return false;
}

// Lowercase, and trim characters that are neither letters nor digits from
// both ends ("» Baca Juga:" -> "baca juga"). A view into `collapsed` when
// that is the key already, else a copy in `store`.
std::string_view make_key(std::string_view collapsed, TextStore& store) {
  std::string lower = text::to_lower(collapsed);
  size_t begin = 0, end = lower.size();
  {
    size_t pos = 0;
    while (pos < lower.size()) {
      size_t here = pos;
      char32_t cp = utf8::next(lower, pos);
      if (text::is_word_char(cp)) { begin = here; break; }
      begin = pos;
    }
  }
  // Scan backwards by code points.
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(lower[start]) & 0xC0) == 0x80) --start;
    size_t p = start;
    char32_t cp = utf8::next(lower, p);
    if (text::is_word_char(cp)) break;
    end = start;
  }
  std::string_view key = std::string_view(lower).substr(begin, end - begin);
  if (lower.size() == collapsed.size() && collapsed.substr(begin, end - begin) == key) {
    return collapsed.substr(begin, end - begin);
  }
  return store.keep(key);
}

// A bulleted list item as text browsers print them: "* ", "+ ", "- ", "• ";
// "o ", "# " and "@ " (lynx's deeper levels) only when the line is indented.
bool starts_with_bullet(std::string_view text, bool indented) {
  if (text.starts_with("\xE2\x80\xA2 ") || text.starts_with("\xC2\xB7 ")) return true;  // "•", "·"
  if (text.size() < 3 || text[1] != ' ') return false;
  switch (text[0]) {
    case '*': case '+': case '-': return true;
    case 'o': case '#': case '@': return indented;
    default: return false;
  }
}

bool mostly_unspaced(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return false;
  }
  size_t unspaced = 0, letters = 0, pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (!text::is_word_char(cp)) continue;
    ++letters;
    if (text::is_unspaced_script(cp)) ++unspaced;
  }
  return letters > 0 && unspaced * 2 >= letters;
}

std::vector<std::string_view> split_tokens(std::string_view key) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && (key[i] == ' ' || key[i] == '|' || key[i] == ',' || key[i] == '/')) ++i;
    size_t j = i;
    while (j < key.size() && key[j] != ' ' && key[j] != '|' && key[j] != ',' && key[j] != '/') ++j;
    if (j > i) out.push_back(key.substr(i, j - i));
    i = j;
  }
  return out;
}

bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Number of breadcrumb/menu segments if every segment is short, else 0.
size_t nav_segments(std::string_view s, size_t short_words) {
  static constexpr std::array<std::string_view, 9> kSeps = {" | ", " » ", " › ", " > ", " / ",
                                                            " · ", " • ", " → ", " :: "};
  std::vector<std::string_view> parts{s};
  for (auto sep : kSeps) {
    std::vector<std::string_view> next;
    for (auto part : parts) {
      size_t from = 0;
      while (true) {
        size_t at = part.find(sep, from);
        if (at == std::string_view::npos) { next.push_back(part.substr(from)); break; }
        next.push_back(part.substr(from, at - from));
        from = at + sep.size();
      }
    }
    parts.swap(next);
  }
  size_t segments = 0;
  for (auto part : parts) {
    size_t w = text::count_words(part);
    if (w == 0) continue;
    if (w > short_words) return 0;
    ++segments;
  }
  return segments;
}

// Distinct places where a lowercase run of three letters or more goes
// straight into a capitalised word ("SavedNewsletters", "StoreGet"): link
// texts a dump glued together. Shorter runs are left alone, they start brand
// names ("iPhone", "eBay"), and a repeated join is one brand name said twice
// ("WhatsApp ... WhatsApp"); German's inner "Innen" of both genders is one
// word ("LehrerInnen und SchülerInnen"); lines with code punctuation are
// source code ("setUpClass()").
size_t glued_joins(std::string_view s) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto gender_in = [&](size_t k) { return s.compare(k, 5, "Innen") == 0; };
  std::vector<std::string_view> joins;
  size_t run = 0;
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    if (run >= 3 && s[k] >= 'A' && s[k] <= 'Z' && lower(s[k + 1]) && !gender_in(k)) {
      auto join = s.substr(k - 3, 5);
      if (std::find(joins.begin(), joins.end(), join) == joins.end()) joins.push_back(join);
    }
    run = lower(s[k]) ? run + 1 : 0;
  }
  if (!joins.empty() && s.find_first_of("_(){}=;<>") != std::string_view::npos) return 0;
  return joins.size();
}

// Editor initials: every '/'-separated part has 2..6 letters.
bool initials_ok(std::string_view s) {
  size_t from = 0;
  while (true) {
    size_t slash = s.find('/', from);
    std::string part = text::collapse_whitespace(s.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from));
    size_t n = utf8::length(part);
    if (n < 2 || n > 6) return false;
    if (slash == std::string_view::npos) return true;
    from = slash + 1;
  }
}

// ---------------------------------------------------------------- lines and reflow

struct RawLine {
  size_t number = 0;      // 1-based number of the (first) input line
  std::string_view text;  // into the input, or (in_input false) into the reflow's
                          // buffer, valid until the next line
  bool in_input = true;
};

// The input's lines (\n, \r\n or \r), one at a time; a final line break
// is followed by an empty line.
class LineSplitter {
 public:
  explicit LineSplitter(std::string_view input) : input_(input) {}
  bool next(RawLine& line) {
    if (done_) return false;
    // A plain loop: find_first_of would search the two breaks for every byte.
    size_t end = pos_;
    while (end < input_.size() && input_[end] != '\n' && input_[end] != '\r') ++end;
    line = {++number_, input_.substr(pos_, end - pos_), true};
    if (end == input_.size()) {
      done_ = true;
    } else {
      pos_ = end + ((input_[end] == '\r' && end + 1 < input_.size() && input_[end + 1] == '\n') ? 2 : 1);
    }
    return true;
  }

 private:
  std::string_view input_;
  size_t pos_ = 0, number_ = 0;
  bool done_ = false;
};

size_t indent_of(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

size_t trimmed_length(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return utf8::length(s);
}

// Text browsers wrap paragraphs at a fixed width (lynx: 72 columns by
// default). When many lines end close to one width W, a line is joined with
// the next when the next line's first word would not have fitted in W: the
// break was the browser's, not the author's. List items (a new bullet) and
// changes of indentation are never joined.
//
// Lines with something besides spaces and tabs: at least the number of
// Line records, so that their vector is allocated once (growing it would
// hold two copies at the moment it moves).
size_t count_nonblank_lines(std::string_view input) {
  size_t count = 0;
  LineSplitter lines(input);
  RawLine r;
  while (lines.next(r)) count += r.text.find_first_not_of(" \t") != std::string_view::npos;
  return count;
}

// The width W, or 0 when the dump does not look wrapped. Two passes over the
// input, so that no line needs to be kept for the decision.
size_t wrap_width(std::string_view input) {
  const auto& lim = vocab::limits();
  size_t width = 0, nonblank = 0;
  LineSplitter lines(input);
  RawLine r;
  while (lines.next(r)) {
    // Fast exit: a line longer than any wrap width (in bytes, >= code points).
    if (r.text.size() > 4 * lim.wrap_max_width) return 0;
    size_t len = trimmed_length(r.text);
    if (len == 0) continue;
    ++nonblank;
    width = std::max(width, len);
  }
  if (width < lim.wrap_min_width || width > lim.wrap_max_width || nonblank == 0) return 0;
  size_t near = 0;
  LineSplitter again(input);
  while (again.next(r)) {
    size_t len = trimmed_length(r.text);
    near += (len > 0 && len + lim.wrap_slack >= width);
  }
  if (near < lim.wrap_min_lines || near * 100 < nonblank * lim.wrap_min_percent) return 0;
  return width;
}

// Calls emit(const RawLine&) for every line of the input, in order, with the
// lines a text browser wrapped at `width` joined (0: none are).
template <class Emit>
void for_each_line(std::string_view input, size_t width, Emit&& emit) {
  LineSplitter lines(input);
  RawLine cur;
  if (width == 0) {
    while (lines.next(cur)) emit(cur);
    return;
  }
  auto first_word_length = [](std::string_view s) {
    s.remove_prefix(indent_of(s));
    size_t end = s.find(' ');
    return utf8::length(s.substr(0, end));
  };
  auto starts_item = [](std::string_view s) {
    s.remove_prefix(indent_of(s));
    if (s.size() >= 2 && s[1] == ' ' && (s[0] == '*' || s[0] == '+' || s[0] == '-' || s[0] == '#' || s[0] == 'o')) {
      return true;
    }
    return s.rfind("\xE2\x80\xA2", 0) == 0;  // "•"
  };
  RawLine pending;  // the output line that may take a continuation
  bool has_pending = false;
  std::string joined;  // pending's text once a continuation was joined to it
  auto flush = [&] {
    if (has_pending) emit(pending);
    has_pending = false;
  };
  size_t last_len = 0, last_indent = 0;
  bool last_item = false;
  bool open = false;  // the previous output line may take a continuation
  while (lines.next(cur)) {
    size_t len = trimmed_length(cur.text);
    if (len == 0) {
      flush();
      emit(cur);
      open = false;
      continue;
    }
    size_t indent = indent_of(cur.text);
    // A continuation keeps the indentation (of the item's text, two columns
    // right of its bullet, when the previous line opened a list item).
    bool same_block = indent == last_indent || (last_item && indent == last_indent + 2);
    if (open && !starts_item(cur.text) && same_block &&
        last_len + 1 + first_word_length(cur.text) > width) {
      if (pending.in_input) joined.assign(pending.text);
      while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
      joined.push_back(' ');
      joined.append(cur.text.substr(indent));
      pending.text = joined;
      pending.in_input = false;
    } else {
      // A new output line: remember how it starts.
      flush();
      pending = cur;
      has_pending = true;
      last_item = starts_item(cur.text);
      last_indent = indent;
    }
    last_len = len;
    open = true;
  }
  flush();
}

// ---------------------------------------------------------------- the classifier

struct Context {
  const CleanOptions& options;
  const vocab::Limits& lim = vocab::limits();
  const Compiled& cc = compiled();
  TextStore store;  // the lines' strings that are not views into the input
  std::vector<Line> lines;
  CleanResult result;
  std::optional<std::string> author_from_initials;
};

void remove(Line& l, Reason r) {
  if (l.removed) return;
  l.removed = true;
  l.reason = r;
}

std::optional<Reason> phrase_reason(const Compiled& cc, std::string_view key, bool& is_header,
                                    bool& is_exact) {
  is_header = false;
  is_exact = false;
  if (key.empty()) return std::nullopt;
  if (auto it = cc.exact.find(key); it != cc.exact.end()) {
    is_header = true;
    is_exact = true;
    return it->second;
  }
  // Prefixes ending at a word boundary, longest first.
  std::vector<size_t> ends;
  for (size_t i = 0; i < key.size() && ends.size() < cc.prefix_max_words; ++i) {
    if (key[i] == ' ') ends.push_back(i);
  }
  ends.push_back(key.size());
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    std::string_view head(key.data(), *it);
    auto found = cc.prefix.find(head);  // "tag:" needs its colon
    // Else without trailing punctuation ("baca juga:" -> "baca juga").
    while (found == cc.prefix.end() && !head.empty() && (head.back() == ':' || head.back() == '-')) {
      head.remove_suffix(1);
      found = cc.prefix.find(head);
    }
    if (found != cc.prefix.end()) {
      is_header = (*it == key.size());
      return found->second;
    }
  }
  if (cc.contains_set) {
    std::vector<int> hits;
    if (cc.contains_set->Match(piece(key), &hits) && !hits.empty()) {
      return cc.contains[static_cast<size_t>(*std::min_element(hits.begin(), hits.end()))].second;
    }
    return std::nullopt;
  }
  for (const auto& [phrase, reason] : cc.contains) {
    if (key.size() >= phrase.size() && key.find(phrase) != std::string::npos) return reason;
  }
  return std::nullopt;
}

// Step 1 and 2: evidence that does not depend on position.
void classify_strong(Context& ctx, const CorpusStats* stats, std::string_view site) {
  const auto& cc = ctx.cc;
  const auto& lim = ctx.lim;
  auto& result = ctx.result;

  // Corpus: which lines repeat across documents of this site.
  std::vector<bool> repeated(ctx.lines.size(), false);
  if (stats != nullptr) {
    size_t shared = 0;
    for (size_t i = 0; i < ctx.lines.size(); ++i) {
      const Line& l = ctx.lines[i];
      uint64_t key = CorpusStats::line_key(site, corpus_normal_form(l.text));
      if (stats->count_key(key) >= ctx.options.corpus_min_documents) {
        repeated[i] = true;
        ++shared;
      }
    }
    if (site.empty() && shared < ctx.options.corpus_min_shared_lines) {
      std::fill(repeated.begin(), repeated.end(), false);
    }
  }

  for (size_t i = 0; i < ctx.lines.size(); ++i) {
    Line& l = ctx.lines[i];
    re2::StringPiece t = piece(l.text);
    if (l.key.empty()) { remove(l, Reason::separator); continue; }
    // Cheap byte tests first: each pattern below runs only on lines that
    // hold the characters it needs (most lines need none of them).
    const std::string_view x = l.text;
    const char first = x.front(), last = x.back();
    const bool has_digit = x.find_first_of("0123456789") != std::string::npos;
    const bool starts_digit = first >= '0' && first <= '9';
    const bool has_slash = x.find('/') != std::string::npos;
    const bool has_colon = x.find(':') != std::string::npos || x.find("\xEF\xBC\x9A") != std::string::npos;
    const bool has_paren = x.find_first_of("()[]") != std::string::npos;
    if (first == '[' && last == ']' && RE2::FullMatch(t, *cc.bracket_only)) {
      remove(l, Reason::placeholder);
      continue;
    }
    if ((first == 'A' || first == 'a') && x.size() <= 24 && RE2::FullMatch(t, *cc.font_widget)) {
      remove(l, Reason::ui_widget);
      continue;
    }
    if (starts_digit && x.size() <= 20 && RE2::FullMatch(t, *cc.time_only)) {
      remove(l, Reason::date_line);
      continue;
    }
    if (l.words <= lim.widget_max_words && RE2::FullMatch(t, *cc.comment_header)) {
      remove(l, Reason::comments);
      continue;
    }
    // Checkboxes may carry a long consent text; other form rows are short.
    if ((has_paren || x.find("______") != std::string::npos) &&
        (l.words <= lim.widget_max_words ||
         (l.words <= lim.notice_max_words && (x.rfind("[ ]", 0) == 0 || x.rfind("( )", 0) == 0))) &&
        RE2::PartialMatch(t, *cc.form_widget)) {
      remove(l, Reason::ui_widget);
      continue;
    }
    if (RE2::PartialMatch(t, *cc.caption_lead) ||  // anchored: fails fast
        ((has_colon || has_slash) && RE2::PartialMatch(t, *cc.caption_trailer)) ||
        ((has_slash || x.find("via ") != std::string::npos || x.find("Getty") != std::string::npos) &&
         RE2::PartialMatch(t, *cc.caption_agency))) {
      remove(l, Reason::caption);
      continue;
    }
    if (has_digit && l.words <= lim.notice_max_words && RE2::PartialMatch(t, *cc.render_time)) {
      remove(l, Reason::render_time);
      continue;
    }
    if (l.words <= lim.notice_max_words && !l.body && RE2::PartialMatch(t, *cc.copyright)) {
      remove(l, Reason::copyright);
      continue;
    }
    std::string initials;
    if ((first == '(' || first == '[') && RE2::FullMatch(t, *cc.initials_line, &initials) &&
        initials_ok(initials)) {
      std::vector<std::string> found;
      meta::add_agencies_in_credit(initials, found);
      for (auto& name : found) {
        if (std::find(result.sources.begin(), result.sources.end(), name) == result.sources.end()) {
          result.sources.push_back(name);
        }
      }
      if (!ctx.author_from_initials) {
        std::string cleaned;
        for (char c : initials) if (c != ' ') cleaned.push_back(c);
        // A lone agency name "(Antara)" is a credit, not initials.
        if (!(found.size() == 1 && cleaned.find('/') == std::string::npos)) {
          ctx.author_from_initials = text::to_lower(cleaned);
        }
      }
      remove(l, found.size() == 1 && initials.find('/') == std::string::npos ? Reason::source_credit
                                                                             : Reason::byline);
      continue;
    }
    std::string credit;
    if (l.words <= 15 && (has_colon || x.find('-') != std::string::npos || x.find("\xE2\x80\x93") != std::string::npos) &&
        RE2::FullMatch(t, *cc.source_line, &credit)) {
      meta::add_agencies_in_credit(credit, result.sources);
      remove(l, Reason::source_credit);
      continue;
    }
    std::string name;
    if (l.words <= lim.widget_max_words && !l.terminal && RE2::FullMatch(t, *cc.byline, &name)) {
      if (!result.author) result.author = text::collapse_whitespace(name);
      remove(l, Reason::byline);
      continue;
    }
    if (starts_digit && l.words <= lim.widget_max_words && RE2::FullMatch(t, *cc.counter)) {
      remove(l, l.key.find("comment") != std::string::npos || l.key.find("koment") != std::string::npos
                    ? Reason::comments
                    : Reason::share_widget);
      continue;
    }
    if (has_digit && !starts_digit && l.words <= 3 && RE2::FullMatch(t, *cc.member_stat)) {
      remove(l, Reason::comments);
      continue;
    }
    if (repeated[i]) { remove(l, Reason::cross_document_boilerplate); continue; }

    // Rows of widget words.
    if (l.words <= 2 * lim.widget_max_words) {
      auto tokens = split_tokens(l.key);
      bool all_share = !tokens.empty(), all_widget = !tokens.empty(), all_page = !tokens.empty();
      bool any_word = false;
      for (auto tok : tokens) {
        all_share = all_share && cc.share.count(tok) > 0;
        all_widget = all_widget && cc.widget.count(tok) > 0;
        bool page = cc.pagination.count(tok) > 0 || all_digits(tok);
        all_page = all_page && page;
        any_word = any_word || !all_digits(tok);
      }
      if (all_share && tokens.size() >= 1 && !(tokens.size() == 1 && (tokens[0] == "x" || tokens[0] == "line" || tokens[0] == "link" || tokens[0] == "copy" || tokens[0] == "mail"))) {
        remove(l, Reason::share_widget);
        continue;
      }
      if (all_widget && (tokens.size() >= 2 || l.key.size() > 1)) { remove(l, Reason::ui_widget); continue; }
      if (all_page && (tokens.size() >= 2 || any_word) && !l.terminal) {
        remove(l, Reason::navigation);
        continue;
      }
    }
    if (!l.terminal && nav_segments(l.text, lim.short_words) >= lim.nav_min_segments) {
      remove(l, Reason::navigation);
      continue;
    }
    if (!l.terminal && glued_joins(l.text) >= lim.glued_min_joins) {
      remove(l, Reason::navigation);
      continue;
    }

    if ((has_digit || l.unspaced) && (!l.body || l.words <= lim.title_max_words)) {
      if (auto found = date::find(l.text)) {
        std::string rest = std::string(l.text.substr(0, found->begin)) + " ";
        rest += l.text.substr(found->end);
        if (text::count_words(rest) <= lim.date_line_other_words && !l.terminal) {
          if (!result.date) result.date = found->iso;
          std::string name;
          if (!result.author && RE2::PartialMatch(piece(rest), *cc.date_author, &name)) {
            result.author = name;
          }
          remove(l, Reason::date_line);
          continue;
        }
      }
    }

    bool is_header = false, is_exact = false;
    if (auto r = phrase_reason(cc, l.key, is_header, is_exact)) {
      if (is_exact || (!l.body && l.words <= lim.notice_max_words) ||
          (*r == Reason::subscription && l.words <= lim.prompt_max_words)) {
        remove(l, *r);
      } else {
        l.has_weak = true;
        l.weak = *r;
      }
    }
  }
}

// Step 3: blocks of body paragraphs and the body span [first, last] (line indexes).
std::pair<size_t, size_t> body_span(const Context& ctx) {
  const auto& lines = ctx.lines;
  struct Block { size_t first, last, weight; };
  std::vector<Block> blocks;
  // Lines of page furniture (prompts, share rows, cookie notices, comment
  // and related-links headers, advertisements) between two paragraphs mark
  // the end of one part of the page: an article and the teasers, comments
  // or pitches after it.
  auto furniture = [](const Line& l) {
    if (!l.removed) return false;
    switch (l.reason) {
      case Reason::subscription: case Reason::share_widget: case Reason::cookie_notice:
      case Reason::comments: case Reason::related_links: case Reason::advertisement:
        return true;
      default:
        return false;
    }
  };
  size_t gap = 0, gap_furniture = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    bool candidate = l.body && !l.removed && !l.has_weak;
    if (!candidate) {
      ++gap;
      gap_furniture += furniture(l);
      continue;
    }
    if (blocks.empty() || gap > ctx.lim.block_max_gap ||
        gap_furniture >= ctx.lim.block_split_furniture) {
      blocks.push_back({i, i, 0});
    }
    blocks.back().last = i;
    blocks.back().weight += l.unspaced ? l.words / ctx.lim.unspaced_factor : l.words;
    gap = 0;
    gap_furniture = 0;
  }
  if (blocks.empty()) return {lines.size(), 0};
  size_t heaviest = 0;
  for (const auto& b : blocks) heaviest = std::max(heaviest, b.weight);
  size_t first = lines.size(), last = 0;
  for (const auto& b : blocks) {
    if (static_cast<double>(b.weight) >= ctx.lim.block_keep_share * static_cast<double>(heaviest)) {
      first = std::min(first, b.first);
      last = std::max(last, b.last);
    }
  }
  return {first, last};
}

// Lines following related-links headers.
void extend_related(Context& ctx, size_t span_last, bool have_span) {
  auto& lines = ctx.lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& h = lines[i];
    if (!h.removed || h.reason != Reason::related_links) continue;
    // Only a header (the whole line is the label) opens a list.
    bool dummy_exact = false, header = false;
    phrase_reason(ctx.cc, h.key, header, dummy_exact);
    if (!header) continue;
    bool tail = have_span && i > span_last;
    size_t budget = tail ? ctx.lim.related_max_lines_tail : ctx.lim.related_max_lines_body;
    bool seen_item = false;
    for (size_t j = i + 1; j < lines.size() && budget > 0; ++j) {
      Line& l = lines[j];
      if (l.blank_before && !tail && seen_item) break;
      if (l.body && !l.removed) break;
      if (l.removed && l.reason != Reason::related_links) {
        if (tail) continue;
        break;
      }
      if (l.removed) break;  // the next header handles its own list
      remove(l, Reason::related_links);
      seen_item = true;
      --budget;
    }
  }
}

// A headline is not a list item: menus are lists, and their entries often
// come twice (desktop and mobile menus) before the body.
bool heading_like(const Context& ctx, const Line& l) {
  if (l.removed || l.body || l.item) return false;
  size_t factor = l.unspaced ? ctx.lim.unspaced_factor : 1;
  if (l.words < ctx.lim.title_min_words * factor || l.words > ctx.lim.title_max_words * factor) {
    return false;
  }
  if (l.text.empty()) return false;
  char last = l.text.back();
  return last != '.' && last != ':' && last != ',';
}

// Step 4: the headline. Returns its line index or npos.
size_t find_title(Context& ctx, size_t span_first) {
  auto& lines = ctx.lines;
  size_t limit = std::min(span_first, lines.size());
  // A heading-like line that occurs twice before the body is the headline:
  // the one whose second occurrence is nearest the body (a site's name in
  // the header and again in the mobile header comes earlier). The candidates are sorted
  // by key (then position) rather than mapped, so that millions of short
  // lines cost an index each.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < limit; ++i) {
    const Line& l = lines[i];
    if (l.key.empty()) continue;
    if (!heading_like(ctx, l) && !(l.removed && l.reason == Reason::duplicate_title)) continue;
    candidates.push_back(i);
  }
  std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
    return lines[a].key != lines[b].key ? lines[a].key < lines[b].key : a < b;
  });
  size_t first = std::string::npos, second = std::string::npos;
  for (size_t k = 1; k < candidates.size(); ++k) {
    size_t a = candidates[k - 1], b = candidates[k];
    bool starts_group = k == 1 || lines[candidates[k - 2]].key != lines[a].key;
    if (starts_group && lines[a].key == lines[b].key && (second == std::string::npos || b > second)) {
      first = a;
      second = b;
    }
  }
  if (first != std::string::npos) return first;
  for (size_t i = limit; i-- > 0;) {
    if (heading_like(ctx, lines[i])) return i;
  }
  return std::string::npos;
}

void apply_layout(Context& ctx, size_t span_first, size_t span_last, size_t title) {
  auto& lines = ctx.lines;
  const auto& lim = ctx.lim;
  bool aggressive = ctx.options.aggressive;
  // The article's tail: the lines right after the span, up to the first line
  // already taken for furniture, may still close the article (a last short
  // sentence, a closing list). Past it nothing stays: paragraphs there belong
  // to blocks too light for the span (comments, author boxes, teasers).
  size_t tail_end = span_last + 1;
  while (tail_end < lines.size() && !lines[tail_end].removed) ++tail_end;
  // Short, unpunctuated and not ending in ':' (which introduces what follows).
  auto short_plain = [&](size_t k) {
    const Line& x = lines[k];
    return !x.body && !x.terminal && x.text.back() != ':' &&
           x.words <= lim.short_words * (x.unspaced ? lim.unspaced_factor : 1);
  };
  auto in_short_run = [&](size_t k) {
    return short_plain(k) && ((k > 0 && k - 1 != title && short_plain(k - 1)) ||
                              (k + 1 < lines.size() && short_plain(k + 1)));
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.removed || i == title) continue;
    bool before = i < span_first;
    bool after = i > span_last;
    bool outside = before || after;
    if (l.has_weak && (outside || aggressive)) {
      remove(l, l.weak);
      continue;
    }
    if (!outside) {
      // Inside the body, a short unpunctuated line between two lines taken
      // for furniture is one more (a label among widgets and buttons), and
      // so is an unpunctuated list item of a few words without a figure (a
      // menu entry, "* Pricing"); items with figures (quantities, steps,
      // prices) stay.
      bool menu_item = l.item && l.words <= lim.menu_item_max_words &&
                       l.text.find_first_of("0123456789") == std::string_view::npos;
      if (short_plain(i) && (menu_item || (lines[i - 1].removed && lines[i + 1].removed))) {
        remove(l, Reason::navigation);
      }
      continue;
    }
    if (after && i >= tail_end) {
      remove(l, Reason::outside_body);
      continue;
    }
    // Before the headline, lines that are not body paragraphs are menus,
    // teasers and notices ("We may earn a commission."), punctuated or not,
    // and unpunctuated ones whatever their length; before the body, so are
    // unpunctuated list items and runs of short lines (labels, metadata),
    // while a lone short line may be the first subheading.
    bool before_title = title != std::string::npos && i < title;
    if (!l.body && before_title) {
      remove(l, Reason::navigation);
      continue;
    }
    if (!l.terminal && !l.body && before && (l.item || in_short_run(i))) {
      remove(l, Reason::navigation);
      continue;
    }
    // After the span, a short question or exclamation is a prompt or a call
    // to action ("Why trust us?", "Don't miss any news!"), not the article's
    // closing sentence.
    bool short_line = l.words <= lim.short_words * (l.unspaced ? lim.unspaced_factor : 1);
    bool prompt = l.text.back() == '?' || l.text.back() == '!';
    if (after && short_line && (!l.terminal || prompt)) {
      remove(l, Reason::navigation);
      continue;
    }
    if (aggressive && !l.body && !l.terminal) {
      remove(l, Reason::outside_body);
      continue;
    }
    if (aggressive && after && !l.body) remove(l, Reason::outside_body);
  }
}

// Dateline of the first kept body paragraph; initials closing the last one.
void body_metadata(Context& ctx, size_t span_first, size_t span_last) {
  auto& lines = ctx.lines;
  auto& result = ctx.result;
  const auto& cc = ctx.cc;
  for (size_t i = span_first; i <= span_last && i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.removed) continue;
    // The agencies of a dateline are credits the kept text carries
    // (meta::add_credited_agencies reads them with the others).
    std::string place, outlet, agency;
    if (RE2::PartialMatch(piece(l.text), *cc.dateline, &place, &outlet, &agency)) {
      bool upper_place = std::none_of(place.begin(), place.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      // Lower-case letters outside ASCII: compare with the lowercased form.
      if (upper_place && text::to_lower(place) == place) upper_place = false;
      if (upper_place || !agency.empty()) result.dateline = text::collapse_whitespace(place);
    } else if (RE2::PartialMatch(piece(l.text), *cc.dateline_cjk, &place, &agency)) {
      result.dateline = place;
    }
    break;
  }
  for (size_t i = std::min(span_last, lines.size() - 1) + 1; i-- > span_first;) {
    Line& l = lines[i];
    if (l.removed) continue;
    std::string initials;
    if (RE2::PartialMatch(piece(l.text), *cc.initials_trailer, &initials) && initials_ok(initials)) {
      size_t at = l.text.rfind('(');
      size_t at2 = l.text.rfind('[');
      if (at == std::string::npos || (at2 != std::string::npos && at2 > at)) at = at2;
      if (at != std::string::npos) {
        std::string fragment(l.text.substr(at));
        std::string cleaned;
        for (char c : initials) if (c != ' ') cleaned.push_back(c);
        meta::add_agencies_in_credit(cleaned, result.sources);
        if (!ctx.author_from_initials) ctx.author_from_initials = cleaned;
        l.text = l.text.substr(0, at);
        while (!l.text.empty() && l.text.back() == ' ') l.text.remove_suffix(1);
        result.removed.push_back({l.number, Reason::byline, fragment});
      }
    }
    break;
  }
}

}  // namespace

Result<CleanResult> clean_document(std::string_view input, const CleanOptions& options,
                                   const CorpusStats* stats, std::string_view site) {
  const lang::LanguageIdentifier* identifier = nullptr;
  if (options.detect_language) {
    auto id = lang::require_shared_identifier();
    if (!id.ok()) return id.error();
    identifier = id.value();
  }
  if (input.size() > options.max_bytes) {
    return make_error(ErrorCode::too_large, "document of " + std::to_string(input.size()) +
                                                " bytes exceeds the limit of " +
                                                std::to_string(options.max_bytes));
  }
  std::string repaired;
  if (!utf8::is_valid(input)) {
    repaired = utf8::make_valid(input);
    input = repaired;
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);

  Context ctx{options};
  const auto& lim = ctx.lim;
  // Split into lines (\n, \r\n or \r), rejoining paragraphs that a text
  // browser wrapped at a fixed width.
  ctx.lines.reserve(count_nonblank_lines(input));
  std::string collapsed;
  bool blank_before = false;
  for_each_line(input, options.unwrap ? wrap_width(input) : 0, [&](const RawLine& r) {
    std::string_view raw = r.text;
    collapsed.clear();
    text::append_collapsed(collapsed, raw);
    if (collapsed.empty()) {
      blank_before = true;
      return;
    }
    Line l;
    l.number = r.number;
    l.blank_before = blank_before;
    blank_before = false;
    l.text = r.in_input && collapsed == raw ? raw : ctx.store.keep(collapsed);
    l.key = make_key(l.text, ctx.store);
    // Text browsers mark nested list items with an indented "o ".
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    if (indented && l.key.starts_with("o ") && l.text.starts_with("o ")) {
      l.key.remove_prefix(2);
    }
    l.item = starts_with_bullet(l.text, indented);
    l.words = static_cast<uint32_t>(std::min<size_t>(text::count_words(l.text), UINT32_MAX));
    l.unspaced = mostly_unspaced(l.text);
    l.terminal = ends_with_sentence(l.text);
    size_t factor = l.unspaced ? lim.unspaced_factor : 1;
    l.body = (l.words >= lim.body_min_words * factor && l.terminal) ||
             (l.words >= lim.body_long_words * factor &&
              nav_segments(l.text, lim.short_words) < lim.nav_min_segments);
    ++ctx.result.lines_in;
    ctx.lines.push_back(l);
  });

  classify_strong(ctx, stats, site);
  auto [span_first, span_last] = body_span(ctx);
  bool have_span = !ctx.lines.empty() && span_first <= span_last;
  if (!have_span) {
    // No body paragraph at all: keep every line that no strong evidence removed.
    span_first = 0;
    span_last = ctx.lines.empty() ? 0 : ctx.lines.size() - 1;
  }
  extend_related(ctx, span_last, have_span);

  size_t title = find_title(ctx, have_span ? span_first : ctx.lines.size());
  if (title != std::string::npos) {
    ctx.result.title = std::string(ctx.lines[title].text);
    for (size_t i = 0; i < ctx.lines.size(); ++i) {
      Line& l = ctx.lines[i];
      if (i == title || l.key != ctx.lines[title].key) continue;
      l.removed = false;  // a duplicate outranks any other reason
      remove(l, Reason::duplicate_title);
    }
    if (!options.keep_title) remove(ctx.lines[title], Reason::duplicate_title);
  }
  if (have_span) apply_layout(ctx, span_first, span_last, title);
  if (have_span) body_metadata(ctx, span_first, span_last);
  if (!ctx.result.author && ctx.author_from_initials) ctx.result.author = ctx.author_from_initials;

  // Assemble: kept lines; one blank line where the input had one between them.
  // Sized first, so that the text is allocated once.
  size_t out_size = 0, removed = 0;
  for (const Line& l : ctx.lines) {
    removed += l.removed;
    if (!l.removed && !l.text.empty()) out_size += 2 + l.text.size();
  }
  ctx.result.removed.reserve(ctx.result.removed.size() + removed);
  std::string& out = ctx.result.text;
  out.reserve(out_size);
  bool pending_blank = false;
  for (const Line& l : ctx.lines) {
    if (l.blank_before) pending_blank = !out.empty();
    if (l.removed) {
      ctx.result.removed.push_back({l.number, l.reason, std::string(l.text)});
      continue;
    }
    if (l.text.empty()) continue;
    if (!out.empty()) out += pending_blank ? "\n\n" : "\n";
    pending_blank = false;
    out += l.text;
    ++ctx.result.lines_kept;
  }
  if (!out.empty()) out += '\n';
  // In NFC, as saring extract gives its text (text::to_nfc).
  text::to_nfc(out);
  if (ctx.result.title) text::to_nfc(*ctx.result.title);
  // Credits in the kept text first, read as saring extract reads them, then
  // those of the lines removed (credit lines, initials).
  std::vector<std::string> from_removed_lines = std::move(ctx.result.sources);
  ctx.result.sources.clear();
  meta::add_credited_agencies(out, ctx.result.sources);
  for (auto& name : from_removed_lines) {
    if (std::find(ctx.result.sources.begin(), ctx.result.sources.end(), name) == ctx.result.sources.end()) {
      ctx.result.sources.push_back(std::move(name));
    }
  }
  // Only a fragment cut from a line (trailing initials) comes out of order.
  auto by_line = [](const Removed& a, const Removed& b) { return a.line < b.line; };
  if (!std::is_sorted(ctx.result.removed.begin(), ctx.result.removed.end(), by_line)) {
    std::stable_sort(ctx.result.removed.begin(), ctx.result.removed.end(), by_line);
  }

  if (identifier && !out.empty()) {
    auto guess = identifier->identify(out);
    ctx.result.language = guess.code;
    ctx.result.language_score = guess.score;
  }
  return std::move(ctx.result);
}

}  // namespace saring::clean
