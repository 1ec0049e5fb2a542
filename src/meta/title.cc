// The title: what a reader sees as the heading, confirmed by the metadata.
//
// Metadata titles (JSON-LD headline, og:title, twitter:title, <title>) often
// carry the site name ("Story | Site") and sometimes a section; the visible
// <h1> usually does not, but pages also have <h1>s for logos, banners and
// widgets. So an <h1> wins when it equals a metadata title or one of its
// parts between separators, then an <h1> the URL's last segment spells,
// then an <h1> that shares enough words with a metadata title and is more
// than a word of a long one (on landing, shop and section pages only one
// that begins it; one that runs a lead-in into a title's first part gives
// that part); otherwise the metadata title is used with site-name segments
// (the site name, the host or its domain, a last segment that starts with
// the domain's name, or short trailing segments) and a leading host cut
// off, unless that leaves only a furniture word ("Home"). When one
// metadata title holds another at one end ("Blog: Story" and "Story"), the
// rest names the site and an <h1> of that name is not the title.
// A label element that starts the <h1> ("Blog:", a forum prefix, a date) is
// dropped when a metadata title gives the rest; an <h1> equal to a metadata
// title but for punctuation it lost between words takes the title's.
#include <algorithm>
#include <unordered_set>

#include "fields.h"
#include "saring/url.h"
#include "saring/utf8.h"

namespace saring::meta {
namespace detail {
namespace {

std::vector<std::string> split_title(std::string_view title, const MetaVocabulary& v) {
  std::vector<std::string> parts;
  std::string rest(title);
  while (true) {
    size_t best = std::string::npos, len = 0;
    for (const auto& sep : v.title_separators) {
      size_t p = rest.find(sep);
      if (p != std::string::npos && (best == std::string::npos || p < best)) {
        best = p;
        len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    parts.push_back(squash(rest.substr(0, best)));
    rest = rest.substr(best + len);
  }
  parts.push_back(squash(rest));
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }),
              parts.end());
  return parts;
}

bool same_site(std::string_view part, std::string_view sitename) {
  std::string a = key_of(part), b = key_of(sitename);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  // "Example News" vs "examplenews.com"
  if (b.size() >= 4 && a.find(b) != std::string::npos && a.size() <= b.size() + 6) return true;
  if (a.size() >= 4 && b.find(a) != std::string::npos && b.size() <= a.size() + 6) return true;
  return false;
}

// Whether the first word of `text` is `brand` (lowercase).
bool starts_with_brand(std::string_view text, std::string_view brand) {
  if (brand.empty()) return false;
  auto w = text::words(text);
  return !w.empty() && w.front() == brand;
}

// Title segments between separators, as byte ranges of `t`.
std::vector<std::pair<size_t, size_t>> title_segments(const std::string& t, const MetaVocabulary& v) {
  std::vector<std::pair<size_t, size_t>> segs;
  size_t start = 0, pos = 0;
  while (pos < t.size()) {
    size_t best = std::string::npos, len = 0;
    for (const auto& sep : v.title_separators) {
      size_t p = t.find(sep, pos);
      if (p != std::string::npos && (best == std::string::npos || p < best)) {
        best = p;
        len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    segs.emplace_back(start, best);
    start = pos = best + len;
  }
  segs.emplace_back(start, t.size());
  return segs;
}

// Drops site-name segments (any of `sites`) at either end, then, when
// `heuristic`, up to two short trailing segments ("Story | Section | Site").
std::string strip_site(std::string_view title, const std::vector<std::string_view>& sites,
                       bool heuristic, const MetaVocabulary& v, std::string_view brand = {}) {
  std::string t = squash(title);
  auto segs = title_segments(t, v);
  if (segs.size() < 2) return t;
  auto seg = [&](size_t k) { return std::string_view(t).substr(segs[k].first, segs[k].second - segs[k].first); };
  auto is_site = [&](size_t k) {
    for (auto site : sites)
      if (!site.empty() && same_site(seg(k), site)) return true;
    return false;
  };
  // A last segment that starts with the brand speaks for the site
  // ("Story | Brand Official Site").
  size_t lo = 0, hi = segs.size() - 1;
  while (hi > lo && (is_site(hi) || starts_with_brand(seg(hi), brand))) --hi;
  while (lo < hi && is_site(lo)) ++lo;
  for (int round = 0; heuristic && round < 2 && hi > lo; ++round) {
    size_t last_words = text::count_words(seg(hi));
    size_t head_words = text::count_words(
        std::string_view(t).substr(segs[lo].first, segs[hi - 1].second - segs[lo].first));
    if (last_words > 4 || head_words < last_words + 2) break;
    --hi;
  }
  return squash(std::string_view(t).substr(segs[lo].first, segs[hi].second - segs[lo].first));
}

// Whether `heading` begins one of `titles` and ends there on a word boundary
// ("Camping Tents" begins "Camping Tents: Tents for Families").
bool starts_a_title(std::string_view heading, const std::vector<std::string>& titles) {
  std::string h = text::to_lower(heading);
  if (h.empty()) return false;
  for (const auto& m : titles) {
    std::string t = text::to_lower(squash(m));
    if (t.size() <= h.size() || t.compare(0, h.size(), h) != 0) continue;
    size_t pos = h.size();
    if (!text::is_word_char(utf8::next(t, pos))) return true;
  }
  return false;
}

// The host without its subdomains: "shop.example.com" -> "example.com",
// "news.example.co.uk" -> "example.co.uk" (a short second level under a
// country code); empty when the host has none.
std::string_view domain_of(std::string_view host) {
  size_t last = host.rfind('.');
  if (last == std::string_view::npos || last == 0) return {};
  size_t second = host.rfind('.', last - 1);
  if (second == std::string_view::npos) return {};
  bool country_level = host.size() - last - 1 == 2 && last - second - 1 <= 3;
  if (country_level) {
    if (second == 0) return {};
    second = host.rfind('.', second - 1);
    if (second == std::string_view::npos) return {};
  }
  return host.substr(second + 1);
}

// The name the domain gives the site: "shop.example.com" and
// "example.com" -> "example"; empty for a bare host.
std::string_view brand_of(std::string_view host) {
  std::string_view d = domain_of(host);
  if (d.empty() && host.find('.') != std::string_view::npos) d = host;
  return d.substr(0, d.find('.'));
}

// What `whole` holds besides `part` when `part` is all of one end of it,
// ends at a word boundary and is the longer: "blog name:" of
// "blog name: story" and "story"; empty otherwise. Both come squashed and
// lowercase.
std::string rest_of_title(std::string_view whole, std::string_view part) {
  if (part.empty() || part.size() >= whole.size()) return {};
  std::string_view rest;
  if (whole.substr(0, part.size()) == part) {
    rest = whole.substr(part.size());
    size_t pos = 0;
    if (text::is_word_char(utf8::next(rest, pos))) return {};
  } else if (whole.substr(whole.size() - part.size()) == part) {
    rest = whole.substr(0, whole.size() - part.size());
    size_t pos = rest.size() - 1;
    while (pos > 0 && (static_cast<unsigned char>(rest[pos]) & 0xC0) == 0x80) --pos;
    if (text::is_word_char(utf8::next(rest, pos))) return {};
  } else {
    return {};
  }
  // A site name is the shorter of the two ("Story | Site" and "Site").
  if (text::count_words(rest) >= text::count_words(part)) return {};
  return squash(rest);
}

// Runs of word characters and of the characters between them, in turn,
// starting with a (maybe empty) run between.
std::vector<std::string_view> runs_of(std::string_view s) {
  std::vector<std::string_view> runs;
  size_t start = 0, pos = 0;
  bool word = false;
  while (pos < s.size()) {
    size_t at = pos;
    bool w = text::is_word_char(utf8::next(s, pos));
    if (w != word) {
      runs.push_back(s.substr(start, at - start));
      start = at;
      word = w;
    }
  }
  runs.push_back(s.substr(start));
  return runs;
}

// Whether `title` is `heading` with punctuation the heading lost between its
// words ("Full-Stack" for "Full Stack", "Info - Story" for "Info Story"):
// the same words in the same case and the same ends, with white space in the
// heading where the title has more.
bool punctuates(std::string_view heading, std::string_view title) {
  if (heading == title) return false;
  auto h = runs_of(heading), t = runs_of(title);
  if (h.size() != t.size() || h.front() != t.front() || h.back() != t.back()) return false;
  for (size_t k = 1; k + 1 < h.size(); ++k) {
    if (h[k] == t[k]) continue;
    if (k % 2 == 1 || h[k].find_first_not_of(' ') != std::string_view::npos) return false;
  }
  return true;
}

// The last segment of a URL's path without its file extension: "how-to-x"
// of "https://site.org/blog/how-to-x.html?ref=1"; empty for a home page.
std::string_view url_slug(std::string_view page_url) {
  if (page_url.find("://") == std::string_view::npos) return {};
  std::string_view path = url::path(page_url);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string_view slug = path.substr(path.rfind('/') + 1);
  size_t dot = slug.rfind('.');
  if (dot != std::string_view::npos && slug.size() - dot <= 5) slug = slug.substr(0, dot);
  return slug;
}

// The text of the element a heading starts with, looking through wrappers
// that hold the whole heading: the label of <h1><span>Blog:</span> Story</h1>
// (a kicker, a forum prefix, a date); empty when the heading starts with
// text.
std::string leading_label(const Node* heading) {
  const Node* n = heading;
  for (int depth = 0; n && depth < 4; ++depth) {
    const Node* c = n->first_child();
    while (c && c->is_text() && squash(c->text()).empty()) c = c->next_sibling();
    if (!c || !c->is_element()) return {};
    std::string label = node_text(c, 200);
    if (key_of(label) != key_of(node_text(n, 1000))) return label;
    n = c;
  }
  return {};
}

}  // namespace

std::vector<Heading> h1_candidates(const Signals& s, Furniture& furn, const MetaVocabulary& v) {
  std::vector<Heading> in_main, plain, furniture;
  for (const Node* h : s.h1s) {
    std::string t = node_text(h, v.max_title_chars * 2);
    // Anchor marks that documentation generators append ("Quickstart¶").
    for (bool again = true; again;) {
      again = false;
      for (const auto& mark : v.heading_anchor_marks)
        if (t.size() > mark.size() && t.compare(t.size() - mark.size(), mark.size(), mark) == 0) {
          t = squash(t.substr(0, t.size() - mark.size()));
          again = true;
        }
    }
    if (t.empty() || t.size() > v.max_title_chars) continue;
    if (v.furniture_titles.count(text::to_lower(t))) continue;
    bool main = has_ancestor(h, [](const Node* p) { return p->is(Tag::article) || p->is(Tag::main); });
    if (main) in_main.push_back({h, t});
    else if (!furn(h)) plain.push_back({h, t});
    else furniture.push_back({h, t});
  }
  std::vector<Heading> out = in_main;
  out.insert(out.end(), plain.begin(), plain.end());
  out.insert(out.end(), furniture.begin(), furniture.end());
  return out;
}

namespace {

// A bar ends the page's name: what follows it is a tagline, a section or a
// site the site-name rules did not know ("Story | More words on the story").
std::string up_to_bar(std::string title) {
  size_t bar = title.find(" | ");
  if (bar != std::string::npos && bar > 0) title.resize(bar);
  return title;
}

// The metadata title's name that `heading` ends with after two words or
// more of its own, run into it with no punctuation ("Our Programs in the
// News" of "In The News | Site", "Minimalist Sandals Nörd Zero" of "Nörd
// Zero"): a lead-in, a collection or a product line before the page's name;
// empty otherwise. The name is a title's first part, of two words or more
// ("Welcome to the Acme Store" of "Acme Store | Shoes" is the caller's to
// refuse: that part names the site).
std::string name_after_lead_in(std::string_view heading, const std::vector<std::string>& titles,
                               const MetaVocabulary& v) {
  std::string h = text::to_lower(up_to_bar(std::string(heading)));
  size_t heading_words = text::count_words(h);
  for (const auto& m : titles) {
    auto parts = split_title(m, v);
    if (parts.empty()) continue;
    std::string name = text::to_lower(parts.front());
    size_t words = text::count_words(name);
    if (words < 2 || heading_words < words + 2 || h.size() <= name.size() + 1) continue;
    size_t at = h.size() - name.size();
    if (h.compare(at, name.size(), name) != 0 || h[at - 1] != ' ') continue;
    size_t pos = at - 2;
    while (pos > 0 && (static_cast<unsigned char>(h[pos]) & 0xC0) == 0x80) --pos;
    if (text::is_word_char(utf8::next(h, pos))) return parts.front();
  }
  return {};
}

std::optional<std::string> choose_title(const Signals& s, const json* article,
                                        const std::vector<Heading>& h1s, const std::string& sitename,
                                        const std::string& host, std::string_view page_url,
                                        const MetaVocabulary& v) {
  // Metadata title: JSON-LD headline, og:title, twitter:title, <title>.
  std::vector<std::string> meta_titles;
  if (article) {
    if (auto h = json_string(*article, "headline")) meta_titles.push_back(*h);
    else if (auto n = json_string(*article, "name")) meta_titles.push_back(*n);
  }
  for (const auto& k : v.title_keys)
    for (const auto& val : meta_values(s, k)) meta_titles.push_back(val);
  if (!s.title_tag.empty()) meta_titles.push_back(s.title_tag);
  // A title that starts with a separator ("| Site") lost the page's name.
  meta_titles.erase(std::remove_if(meta_titles.begin(), meta_titles.end(),
                                   [&](const std::string& t) {
                                     std::string padded = " " + squash(t);
                                     for (const auto& sep : v.title_separators)
                                       if (padded.compare(0, sep.size(), sep) == 0) return true;
                                     return false;
                                   }),
                    meta_titles.end());

  std::vector<std::string_view> sites = {sitename, host, domain_of(host)};
  std::string brand = text::to_lower(brand_of(host));
  // Names the titles give the site: the rest of a metadata title that holds
  // another whole at one end ("Blog Name: Story" and "Story"), and a last
  // part that starts with the brand.
  std::vector<std::string> rests;
  auto add_rest = [&](std::string rest) {
    if (!rest.empty() && std::find(rests.begin(), rests.end(), rest) == rests.end())
      rests.push_back(std::move(rest));
  };
  std::vector<std::string> lowered;  // the distinct metadata titles, squashed and lowercase
  for (const auto& m : meta_titles) {
    std::string l = text::to_lower(squash(m));
    if (!l.empty() && std::find(lowered.begin(), lowered.end(), l) == lowered.end())
      lowered.push_back(std::move(l));
  }
  for (const auto& a : lowered) {
    for (const auto& b : lowered) add_rest(rest_of_title(a, b));
    if (brand.empty() || a.find(brand) == std::string::npos) continue;
    auto segs = title_segments(a, v);
    std::string_view last = std::string_view(a).substr(segs.back().first);
    if (segs.size() > 1 && starts_with_brand(last, brand)) add_rest(squash(last));
  }
  // Whether a heading names the site: the site name, the host, its domain or a rest.
  auto names_site = [&](std::string_view text) {
    for (auto name : sites)
      if (!name.empty() && same_site(text, name)) return true;
    for (const auto& r : rests)
      if (same_site(text, r)) return true;
    return false;
  };


  // An <h1> that starts with a label of its own ("Blog:", "News", a date)
  // before a metadata title's text is that text.
  auto without_label = [&](const Heading& h) -> std::string {
    std::string label;
    std::string lower = text::to_lower(h.text);
    for (const auto& m : meta_titles) {
      std::string t = strip_site(m, sites, true, v, brand);
      std::string tail = text::to_lower(t);
      if (tail.empty() || tail.size() >= lower.size() ||
          lower.compare(lower.size() - tail.size(), tail.size(), tail) != 0 ||
          lower[lower.size() - tail.size() - 1] != ' ')
        continue;
      if (label.empty()) label = key_of(leading_label(h.node));
      if (!label.empty() && label == key_of(lower.substr(0, lower.size() - tail.size()))) return t;
    }
    return h.text;
  };
  // 1. an <h1> that the metadata confirms (equal to a title, else to one of its parts)
  //    (keys of the metadata titles and of their parts are worked out when
  //    first compared and kept for the next <h1>)
  struct TitleKeys {
    std::optional<std::string> key;
    std::optional<std::vector<std::string>> parts;
  };
  std::vector<TitleKeys> title_keys(meta_titles.size());
  // Of <h1>s that equal a part, the one of the earliest part: the page's
  // name leads its title, later parts name sections and the site.
  std::optional<Heading> by_part;
  size_t by_part_at = 0;
  for (const auto& raw : h1s) {
    Heading h{raw.node, strip_site(raw.text, sites, false, v, brand)};
    std::string hk = key_of(h.text);
    if (hk.empty()) continue;
    for (size_t k = 0; k < meta_titles.size(); ++k) {
      TitleKeys& tk = title_keys[k];
      if (!tk.key) tk.key = key_of(meta_titles[k]);
      if (*tk.key == hk) {
        std::string t = without_label(h), whole = squash(meta_titles[k]);
        return t == h.text && punctuates(t, whole) ? whole : t;
      }
      if (!tk.parts) {
        tk.parts.emplace();
        for (const auto& part : split_title(meta_titles[k], v)) tk.parts->push_back(key_of(part));
      }
      for (size_t i = 0; i < tk.parts->size(); ++i)
        if ((*tk.parts)[i] == hk && (!by_part || i < by_part_at) && !names_site(h.text)) {
          by_part = h;
          by_part_at = i;
        }
    }
  }
  if (by_part) return without_label(*by_part);
  // 2. an <h1> of two words or more that the URL spells
  //    ("/blog/why-my-tomatoes-split"): the address was made from the
  //    page's name, whatever the metadata titles say.
  //    (Keys without '_', which slugs put between words.)
  auto slug_key = [](std::string_view text) {
    std::string k = key_of(text);
    k.erase(std::remove(k.begin(), k.end(), '_'), k.end());
    return k;
  };
  std::string slug = slug_key(url_slug(page_url));
  if (!slug.empty())
    for (const auto& raw : h1s)
      if (slug_key(raw.text) == slug && text::count_words(raw.text) >= 2)
        return without_label({raw.node, squash(raw.text)});
  // 3. the first plausible <h1> that is not the site name and, when the page
  //    has a metadata title, shares enough words with it (a heading with
  //    nothing in common with the title is a banner, a logo or a promo).
  //    A page that calls itself a website and states no article is a landing,
  //    shop or section page, whose <h1> is mostly a slogan or a shelf label:
  //    there the <h1>s are taken, best first, only while they begin a
  //    metadata title; otherwise the metadata title wins.
  auto overlap = [](const std::string& a, const std::string& b) {
    auto wa = text::words(a), wb = text::words(b);
    std::unordered_set<std::string> sb(wb.begin(), wb.end());
    size_t common = 0;
    for (const auto& w : wa) common += sb.count(w);
    return wa.empty() ? 0.0 : static_cast<double>(common) / static_cast<double>(wa.size());
  };
  bool landing = false;
  if (!article && !meta_titles.empty())
    for (const auto& t : meta_values(s, "og:type"))
      if (v.landing_og_types.count(text::to_lower(t))) landing = true;
  for (const auto& raw : h1s) {
    Heading h{raw.node, strip_site(raw.text, sites, false, v, brand)};
    if (landing && !starts_a_title(h.text, meta_titles)) break;
    if (!meta_titles.empty()) {
      // The heading's words must be in a title, and be more than a word of
      // a long one (a name the title mentions).
      double best = 0, covers = 0;
      for (const auto& m : meta_titles) {
        best = std::max(best, overlap(h.text, m));
        covers = std::max(covers, overlap(m, h.text));
      }
      if (best < v.min_h1_title_overlap || covers < v.min_h1_title_cover) continue;
    }
    if (names_site(h.text)) continue;
    if (text::count_words(h.text) < 1) continue;
    std::string name = name_after_lead_in(h.text, meta_titles, v);
    if (!name.empty() && !names_site(name)) return name;
    return without_label(h);
  }
  // 4. the metadata title without the site name, also where the host leads
  //    it without a separator ("example.com Story"); a name that is a
  //    furniture word ("Home - Site") names no page, so the whole title does
  for (const auto& m : meta_titles) {
    std::string t = strip_site(m, sites, true, v, brand);
    if (v.furniture_titles.count(text::to_lower(t))) t = squash(m);
    for (std::string_view name : {std::string_view(host), domain_of(host)})
      if (!name.empty() && t.size() > name.size() + 1 && t[name.size()] == ' ' &&
          text::to_lower(t.substr(0, name.size())) == name) {
        t = squash(t.substr(name.size()));
        break;
      }
    if (!t.empty() && t.size() <= v.max_title_chars) return t;
  }
  if (!s.itemprop_headline.empty()) {
    std::string t = node_text(s.itemprop_headline.front(), v.max_title_chars);
    if (!t.empty()) return t;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> pick_title(const Signals& s, const json* article,
                                      const std::vector<Heading>& h1s, const std::string& sitename,
                                      std::string_view page_url, const MetaVocabulary& v) {
  auto t = choose_title(s, article, h1s, sitename, url::host(page_url), page_url, v);
  if (!t) return t;
  // ("Home | Site" keeps its bar: "Home" alone names no page.)
  std::string name = up_to_bar(*t);
  if (!v.furniture_titles.count(text::to_lower(name))) t = std::move(name);
  return t;
}

}  // namespace detail

std::string clean_title(std::string_view title, std::string_view sitename) {
  return detail::up_to_bar(detail::strip_site(title, {sitename}, /*heuristic=*/true, detail::meta_vocabulary()));
}

}  // namespace saring::meta
