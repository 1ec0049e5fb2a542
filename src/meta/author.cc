// The author: names stated as data, checked against the byline a reader sees.
//
// clean_author() turns any candidate (a <meta> value, a JSON-LD name, the
// text of a byline element) into a name or nothing: prefixes ("By",
// "Written by"), trailing roles, dates and what follows them are cut; URLs,
// handles, placeholders ("admin") and text that is mostly not letters are
// refused. pick_author() tries the sources in order of trust. Markup often
// lists several authors as data that the page shows as one byline ("A and
// B"); when a visible byline holds exactly those names it is preferred. The
// byline is read from the text pieces (text nodes) after the main heading,
// then before it, outside furniture: a label piece ("By", "Written by:")
// followed by names joined by connectors (",", "and", "&"), or a piece
// "By Jane Doe" itself. The pieces are gathered on first use only.
#include <algorithm>

#include <re2/re2.h>

#include "fields.h"
#include "saring/utf8.h"

namespace saring::meta {
namespace detail {
namespace {

std::string strip_prefixes(std::string s, const MetaVocabulary& v) {
  bool changed = true;
  for (int round = 0; changed && round < 3; ++round) {
    changed = false;
    s = squash(s);
    while (!s.empty() && (s[0] == ':' || s[0] == '-' || s[0] == '|' || s[0] == ',')) s.erase(0, 1);
    s = squash(s);
    std::string lower = text::to_lower(s);
    for (const auto& p : v.author_prefixes) {
      if (lower.rfind(p, 0) != 0) continue;
      size_t n = p.size();
      bool boundary = n == s.size() || p.back() == ':' || s[n] == ' ' || s[n] == ':' ||
                      s[n] == '\xC2' /* nbsp */;
      if (!boundary) continue;
      s = s.substr(n);
      changed = true;
      break;
    }
  }
  return squash(s);
}


}  // namespace
}  // namespace detail

std::optional<std::string> clean_author(std::string_view raw) {
  const detail::MetaVocabulary& v = detail::meta_vocabulary();
  using namespace detail;
  std::string s = squash(raw);
  if (s.empty() || s.size() > 1000) return std::nullopt;
  // Profile URLs are not names (…/author/jane-doe is still not "Jane Doe").
  if (is_url_like(s)) return std::nullopt;
  {
    std::string lower = text::to_lower(s);
    for (const auto& p : v.not_author_prefixes)
      if (lower.rfind(p, 0) == 0) return std::nullopt;
    // Unfilled templates: "{{author}}", "page.head.extra.author".
    if (s.find('{') != std::string::npos || s.find('}') != std::string::npos) return std::nullopt;
    if (s.find(' ') == std::string::npos && std::count(s.begin(), s.end(), '.') >= 2) return std::nullopt;
  }
  s = strip_prefixes(s, v);
  // Cut where the byline goes on with something else: a date, "| Updated", …
  if (auto d = date::find(s); d && d->begin > 0) s = s.substr(0, d->begin);
  std::string lower = text::to_lower(s);
  size_t cut = std::string::npos;
  for (const auto& w : v.author_cut_words) {
    size_t p = lower.find(w);
    if (p != std::string::npos && p > 0 && p < cut) cut = p;
  }
  if (cut != std::string::npos) s = s.substr(0, cut);
  s = squash(s);
  // Trailing roles and punctuation.
  for (int i = 0; i < 2; ++i) {
    std::string before = s;
    RE2::Replace(&s, *v.author_role, "");
    s = squash(s);
    while (!s.empty() && std::string_view(",;:|-/").find(s.back()) != std::string_view::npos)
      s.pop_back();
    s = squash(s);
    if (s == before) break;
  }
  // Surrounding quotes: "\"Jane Doe\"".
  for (std::string_view q : {"\"", "'", "\u201C", "\u201D", "\u00AB", "\u00BB"}) {
    if (s.size() >= 2 * q.size() && s.compare(0, q.size(), q) == 0) s = squash(s.substr(q.size()));
    if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0)
      s = squash(s.substr(0, s.size() - q.size()));
  }
  if (s.empty() || s.size() > v.max_author_chars) return std::nullopt;
  if (s[0] == '@') return std::nullopt;  // a handle, not a name
  if (s.find('@') != std::string::npos && s.find('.') != std::string::npos) return std::nullopt;
  if (is_url_like(s)) return std::nullopt;
  if (v.not_authors.count(text::to_lower(s))) return std::nullopt;
  {  // "Jun 2 Written By": a label left at the end means the name is elsewhere
    std::string lower = text::to_lower(s);
    for (const auto& label : v.byline_labels)
      if (lower.size() > label.size() && lower.compare(lower.size() - label.size(), label.size(), label) == 0 &&
          lower[lower.size() - label.size() - 1] == ' ')
        return std::nullopt;
  }
  if (text::count_words(s) > v.max_author_words) return std::nullopt;
  // Mostly digits or punctuation: not a name.
  size_t letters = 0, total = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (text::is_space(cp)) continue;
    ++total;
    if (text::is_word_char(cp) && !(cp >= '0' && cp <= '9')) ++letters;
  }
  if (total == 0 || letters * 2 < total) return std::nullopt;
  return s;
}

namespace detail {
namespace {

// Whether `s` is only ASCII white space (then squash(s) is empty): the
// indentation between tags, most text nodes of a page.
bool ascii_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && (c < '\t' || c > '\r')) return false;
  return true;
}

// Text pieces (text nodes, in document order) after the main heading, up to
// `max_bytes` or `max_pieces`, and before it (nearest first), skipping
// scripts and furniture.
std::vector<std::string> pieces_after(const Node* h, Furniture& furn, size_t max_bytes,
                                      size_t max_pieces) {
  std::vector<std::string> out;
  if (!h) return out;
  auto next_after = [](const Node* x) -> const Node* {
    while (x && !x->next_sibling()) x = x->parent();
    return x ? x->next_sibling() : nullptr;
  };
  size_t bytes = 0;
  const Node* n = next_after(h);
  while (n && bytes < max_bytes && out.size() < max_pieces) {
    if (n->is_element() && (is_hidden_text_container(n) || furn(n))) {
      n = next_after(n);
      continue;
    }
    if (n->is_text() && !ascii_blank(n->text())) {
      std::string t = squash(n->text());
      if (!t.empty()) {
        bytes += t.size();
        out.push_back(std::move(t));
      }
    }
    n = n->first_child() ? n->first_child() : next_after(n);
  }
  return out;
}

std::vector<std::string> pieces_before(const Node* h, Furniture& furn, size_t max_pieces) {
  std::vector<std::string> out;
  if (!h) return out;
  // Reverse document order: previous sibling's deepest last descendant, else parent.
  auto prev = [](const Node* x) -> const Node* {
    if (x->prev_sibling()) {
      x = x->prev_sibling();
      while (x->last_child() && !(x->is_element() && is_hidden_text_container(x))) x = x->last_child();
      return x;
    }
    return x->parent();
  };
  const Node* n = prev(h);
  size_t steps = 0;
  while (n && out.size() < max_pieces && steps++ < 400) {
    if (n->is_element() && (n->is(Tag::body) || n->is(Tag::head))) break;
    if (n->is_text() && !ascii_blank(n->text()) &&
        !(n->parent() && is_hidden_text_container(n->parent())) && !furn(n)) {
      std::string t = squash(n->text());
      if (!t.empty()) out.push_back(std::move(t));
    }
    n = prev(n);
  }
  return out;
}

// The text pieces around the main heading that bylines are read from,
// gathered on first use: a page whose markup names its author never needs them.
class Pieces {
 public:
  Pieces(const Node* heading, Furniture& furn, const MetaVocabulary& v)
      : h_(heading), furn_(furn), v_(v) {}
  const std::vector<std::string>& after() {
    // The byline scan reads at most byline_pieces_after labels, each followed
    // by up to max_byline_pieces name pieces: later pieces are never read.
    if (!have_after_)
      after_ = pieces_after(h_, furn_, v_.text_date_window,
                            v_.byline_pieces_after + v_.max_byline_pieces);
    have_after_ = true;
    return after_;
  }
  const std::vector<std::string>& before() {
    if (!have_before_) before_ = pieces_before(h_, furn_, v_.byline_pieces_before);
    have_before_ = true;
    return before_;
  }

 private:
  const Node* h_;
  Furniture& furn_;
  const MetaVocabulary& v_;
  bool have_after_ = false, have_before_ = false;
  std::vector<std::string> after_, before_;
};

// Whether a cleaned author string looks like people's names: a few words,
// each capitalised or a name particle ("van", "de", "and").
bool name_like(std::string_view name, const MetaVocabulary& v) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.empty() || words.size() > v.max_byline_words) return false;
  size_t capitalised = 0;
  for (const auto& w : words) {
    if (v.name_particles.count(text::to_lower(w))) continue;
    size_t pos = 0;
    char32_t first = utf8::next(w, pos);
    std::string one = w.substr(0, pos);
    if (text::to_lower(one) != one) ++capitalised;       // an uppercase letter
    else if (first < 0x80) return false;                 // a lowercase Latin word: prose
  }
  return capitalised > 0;
}

// A byline in visible text: a piece that is a label ("By", "Written by:")
// followed by a name piece, or a piece "By Jane Doe" itself.
// What a text piece says as a byline label: text::to_lower(piece) without
// trailing ':' and ' ' is a label ("Written by:"), starts with a label and
// then ' ' or ':' ("By Jane Doe"), or neither. Pieces are often whole
// paragraphs: ASCII ones are compared in place, without lowering a copy of
// the paragraph.
enum class LabelKind { none, label, labelled };
// The longest label and the bytes labels start with, for label_kind().
struct LabelIndex {
  explicit LabelIndex(const MetaVocabulary& v) {
    for (const auto& label : v.byline_labels) {
      longest = std::max(longest, label.size());
      if (!label.empty()) first[static_cast<unsigned char>(label[0])] = true;
    }
  }
  size_t longest = 0;
  bool first[256] = {};
};
LabelKind label_kind(std::string_view piece, const LabelIndex& index, const MetaVocabulary& v) {
  size_t t = piece.size();  // without trailing ':' and ' ' (which lowering keeps)
  while (t > 0 && (piece[t - 1] == ':' || piece[t - 1] == ' ')) --t;
  // A label equal to the lowered piece, or its prefix, starts with the same
  // byte; an ASCII first byte lowers to an ASCII byte, whatever follows.
  if (t > 0 && static_cast<unsigned char>(piece[0]) < 0x80 &&
      !index.first[static_cast<unsigned char>(ascii_lower(piece[0]))])
    return LabelKind::none;
  if (!is_ascii(piece)) {
    std::string lower = text::to_lower(piece);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    if (v.byline_labels.count(lower)) return LabelKind::label;
    for (const auto& label : v.byline_labels)
      if (lower.size() > label.size() + 1 && lower.compare(0, label.size(), label) == 0 &&
          (lower[label.size()] == ' ' || lower[label.size()] == ':'))
        return LabelKind::labelled;
    return LabelKind::none;
  }
  if (t <= index.longest) {
    std::string lower(piece.substr(0, t));
    for (char& c : lower) c = ascii_lower(c);
    if (v.byline_labels.count(lower)) return LabelKind::label;
  }
  for (const auto& label : v.byline_labels)
    if (t > label.size() + 1 && ascii_lower_equals(piece.data(), label) &&
        (piece[label.size()] == ' ' || piece[label.size()] == ':'))
      return LabelKind::labelled;
  return LabelKind::none;
}

std::optional<std::string> byline_author(Pieces& pieces, const MetaVocabulary& v) {
  const LabelIndex index(v);
  auto scan = [&](const std::vector<std::string>& pieces, size_t limit, bool forward)
      -> std::optional<std::string> {
    for (size_t i = 0; i < pieces.size() && i < limit; ++i) {
      const LabelKind kind = label_kind(pieces[i], index, v);
      if (kind == LabelKind::label) {
        // label alone: the name is the next piece in reading order, and
        // further names joined by ",", "and", "&" ("A, B, and C").
        if (!forward) {
          size_t j = i == 0 ? pieces.size() : i - 1;
          if (j < pieces.size())
            if (auto a = clean_author(pieces[j]); a && name_like(*a, v)) return a;
          continue;
        }
        std::string joined;
        bool want_name = true;  // name (connector name)*
        for (size_t j = i + 1; j < pieces.size() && j < i + 1 + v.max_byline_pieces; ++j) {
          const std::string& p = pieces[j];
          bool connector = v.name_connectors.count(text::to_lower(p)) > 0;
          if (want_name) {
            if (connector) break;
            if (joined.empty() ? !clean_author(p).has_value() : !name_like(p, v)) break;
          } else if (!connector) {
            break;
          }
          if (!joined.empty() && p[0] != ',') joined.push_back(' ');
          joined += p;
          want_name = connector;
        }
        // A trailing connector is not part of the names.
        while (!joined.empty()) {
          size_t cut = joined.find_last_of(' ');
          std::string tail = text::to_lower(cut == std::string::npos ? joined : joined.substr(cut + 1));
          if (!v.name_connectors.count(tail) && joined.back() != ',') break;
          joined = cut == std::string::npos ? std::string() : squash(joined.substr(0, cut));
          while (!joined.empty() && joined.back() == ',') joined.pop_back();
        }
        if (!joined.empty())
          if (auto a = clean_author(joined); a && name_like(*a, v)) return a;
        continue;
      }
      if (kind == LabelKind::labelled)
        if (auto a = clean_author(pieces[i]); a && name_like(*a, v)) return a;
    }
    return std::nullopt;
  };
  if (auto a = scan(pieces.after(), v.byline_pieces_after, true)) return a;
  return scan(pieces.before(), v.byline_pieces_before, false);
}

}  // namespace

std::optional<std::string> pick_author(const Signals& s, const ClassedElements& classed, const JsonLd& ld,
                                       const json* article, const json* page, const Node* heading,
                                       Furniture& furn, const MetaVocabulary& v) {
  Pieces pieces(heading, furn, v);
  // Markup often lists authors as data; the page shows them as a byline
  // ("A and B"). When a visible byline holds exactly these names, use it.
  auto prefer_visible = [&](const std::string& joined,
                            const std::vector<std::string>& names) -> std::optional<std::string> {
    if (names.size() < 2) return joined;
    auto b = byline_author(pieces, v);
    if (!b) return joined;
    std::string bk = key_of(*b), jk;
    for (const auto& n : names) {
      auto c = clean_author(n);
      if (c && bk.find(key_of(*c)) == std::string::npos) return joined;
      if (c) jk += key_of(*c);
    }
    return bk.size() <= jk.size() + 12 ? *b : joined;
  };
  auto join_clean = [](const std::vector<std::string>& names) -> std::optional<std::string> {
    std::vector<std::string> kept;
    for (const auto& n : names)
      if (auto c = clean_author(n))
        if (std::find(kept.begin(), kept.end(), *c) == kept.end()) kept.push_back(*c);
    if (kept.empty()) return std::nullopt;
    std::string out;
    for (const auto& k : kept) {
      if (!out.empty()) out += ", ";
      out += k;
    }
    return out;
  };
  // 1. JSON-LD author of the main object (people; organisations only later).
  std::optional<std::string> organisation;
  for (const json* o : {article, page}) {
    if (!o) continue;
    for (ReadKey k : {ReadKey("author"), ReadKey("creator")}) {
      auto it = find_key(*o, k);
      if (it == o->end()) continue;
      std::vector<std::string> names;
      collect_names(*it, ld, names, 0, &v.site_types);
      if (auto a = join_clean(names)) return prefer_visible(*a, names);
      if (!organisation) {
        std::vector<std::string> all;
        collect_names(*it, ld, all, 0);
        organisation = join_clean(all);
      }
    }
  }
  // 2-4. meta names.
  for (const auto& key : v.author_keys) {
    std::vector<std::string> vals = meta_values(s, key);
    if (vals.empty()) continue;
    if (auto a = join_clean(vals)) return prefer_visible(*a, vals);
  }
  // 5. itemprop=author elements (their itemprop=name child when present).
  for (const Node* n : s.itemprop_author) {
    if (furn(n)) continue;
    std::string name;
    html::walk(n, [&](const Node* c) {
      if (!name.empty()) return false;
      if (c != n && c->is_element() && text::to_lower(c->attr("itemprop")) == "name") {
        name = c->is(Tag::meta) ? squash(c->attr("content")) : node_text(c, 200);
        return false;
      }
      return true;
    });
    if (name.empty()) name = n->is(Tag::meta) ? squash(n->attr("content")) : node_text(n, 300);
    if (auto a = clean_author(name)) return a;
  }
  // rel=author links.
  for (const Node* n : s.rel_author) {
    if (furn(n)) continue;
    if (auto a = clean_author(node_text(n, 200, true))) return a;
  }
  // A byline in the text around the title: "By Jane Doe", "Written by" + name.
  if (auto a = byline_author(pieces, v)) return a;
  // Elements whose class/id says byline/author.
  auto cursor = classed.cursor(ClassedElements::Kind::author_elements);
  while (const Node* n = cursor.next()) {
    if (furn(n)) continue;
    std::string t = node_text(n, 400, true);
    if (t.empty() || t.size() > 300) continue;
    if (auto a = clean_author(t)) return a;
  }
  if (organisation) return organisation;
  for (const Node* n : s.rel_author)
    if (auto a = clean_author(node_text(n, 200, true))) return a;
  return std::nullopt;
}

}  // namespace detail
}  // namespace saring::meta
