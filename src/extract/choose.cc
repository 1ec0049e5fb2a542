// Step 3's choice: the main container and the siblings that belong to it.
//
// The container with the best final score (score scaled by one minus its link
// density) wins, possibly replaced by an ancestor that several strong
// candidates share (readability's "alternative candidates"); siblings that
// score well, share its class, or are mostly prose join it; then the choice
// expands to an ancestor while what that adds is prose or sections of the
// same article rather than links.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "saring/text.h"
#include "stages.h"

namespace saring::extract::detail {

namespace {

// Whether the last visible text in the subtree at `at` ends on a sentence
// stop (empty and white-space-only text nodes skipped).
bool ends_like_sentence(const std::vector<NodeInfo>& nodes, int32_t at) {
  for (int32_t i = nodes[at].end - 1; i > at; --i) {
    if (!(nodes[i].flags & kText)) continue;
    std::string_view t = text::trim_closing(nodes[i].node->text());
    if (!t.empty()) return text::ends_on_stop(t);
  }
  return false;
}

}  // namespace

// The readability-style choice of the main container and its siblings.
std::vector<int32_t> choose_main(const Page& page, bool article) {
  const auto& nodes = page.nodes;
  const Thresholds& th = page.th_;
  auto final_score = [&](int32_t i) {
    const NodeInfo& n = nodes[i];
    return n.score * (1.0 - link_density(n));
  };
  int32_t top = -1;
  double top_score = 0;
  // The scored, kept entries and their final scores, in document order.
  std::vector<std::pair<int32_t, double>> candidates;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NodeInfo& n = nodes[i];
    if (!n.scored || (n.flags & kPruned)) continue;
    double s = final_score(static_cast<int32_t>(i));
    candidates.emplace_back(static_cast<int32_t>(i), s);
    if (top < 0 || s >= top_score) {
      top = static_cast<int32_t>(i);
      top_score = s;
    }
  }
  if (top < 0) return {};
  // Readability's alternative candidates: when several strong candidates
  // share an ancestor, the content is split across them.
  {
    std::vector<int32_t> alts;
    for (const auto& [i, s] : candidates) {
      if (i != top && s >= th.ancestor_score_share * top_score) alts.push_back(i);
    }
    if (alts.size() >= th.ancestor_min_candidates) {
      for (int32_t a = nodes[top].parent; a > 0; a = nodes[a].parent) {
        size_t count = 0;
        for (int32_t c : alts) {
          if (c > a && c < nodes[a].end) ++count;
        }
        if (count >= th.ancestor_min_candidates) {
          top = a;
          break;
        }
      }
    }
  }
  // Climb while the parent holds a better score (its content contains ours);
  // compared on what the text earned, so a parent's class name ("page",
  // "content") alone does not pull the choice up.
  {
    auto earned = [&](int32_t i) {
      const NodeInfo& n = nodes[i];
      return (n.score - n.base + ((n.flags & kHint) ? th.class_weight : 0.0)) *
             (1.0 - link_density(n));
    };
    double last = earned(top);
    double threshold = last / 3;
    for (int32_t a = nodes[top].parent; a > 0; a = nodes[a].parent) {
      if (!nodes[a].scored) continue;
      double s = earned(a);
      if (s < threshold) break;
      if (s > last) {
        top = a;
        break;
      }
      last = s;
    }
  }
  // Only child of its parent: the parent is the container.
  while (nodes[top].parent > 0) {
    int32_t p = nodes[top].parent;
    int elements = 0;
    for (int32_t c = p + 1; c < nodes[p].end; c = nodes[c].end) {
      const NodeInfo& n = nodes[c];
      if ((n.flags & kText) && n.words == 0) continue;
      ++elements;
    }
    if (elements != 1) break;
    top = p;
  }
  top_score = final_score(top);
#ifdef SARING_EXTRACT_TRACE
  if (getenv("TRACE_PRUNE")) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].scored && final_score(i) > 5) fprintf(stderr, "cand %zu %s.%s#%s score=%.1f final=%.1f words=%u\n", i, std::string(nodes[i].node->name()).c_str(), std::string(nodes[i].node->attr("class")).c_str(), std::string(nodes[i].node->attr("id")).c_str(), nodes[i].score, final_score(i), nodes[i].words);
    }
    fprintf(stderr, "top %d\n", top);
  }
#endif
  // Siblings that belong to the article.
  std::vector<int32_t> chosen;
  int32_t parent = nodes[top].parent;
  if (parent < 0) return {top};
  double threshold = std::max(th.sibling_min_score, top_score * th.sibling_score_share);
  std::string_view top_class = nodes[top].node->attr("class");
  for (int32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    const NodeInfo& n = nodes[c];
    if (c == top) {
      chosen.push_back(c);
      continue;
    }
    if ((n.flags & kText) || (n.flags & kPruned) || n.words == 0) continue;
    double bonus = 0;
    if (!top_class.empty() && n.node->attr("class") == top_class) {
      // Sections of one document share the chosen one's class ("sect1"):
      // a link-poor one joins however little its text earned.
      if (link_density(n) < th.sibling_link_density) {
        chosen.push_back(c);
        continue;
      }
      bonus = top_score * th.sibling_same_class_bonus;
    }
    // Siblings join on what their text earned, not on their class names.
    double earned = (n.score - n.base) * (1.0 - link_density(n));
    if (n.scored && final_score(c) + bonus >= threshold && earned >= th.sibling_min_earned) {
      chosen.push_back(c);
      continue;
    }
    Tag t = n.node->tag;
    // A wrapper around prose (the lead paragraph in its own box) joins like a <p>.
    if (t != Tag::p && n.prose_words >= th.sibling_paragraph_words &&
        n.prose_words >= th.sibling_prose_share * n.words &&
        link_density(n) < th.sibling_link_density) {
      chosen.push_back(c);
      continue;
    }
    if (t == Tag::p || is_heading(t) || t == Tag::ul || t == Tag::ol || t == Tag::blockquote ||
        t == Tag::pre || t == Tag::table) {
      double ld = link_density(n);
      if (is_heading(t) || t == Tag::table || t == Tag::pre) {
        // Structure next to the article: keep when it sits between kept parts.
        if (ld < th.sibling_link_density && !chosen.empty()) chosen.push_back(c);
        continue;
      }
      if (n.words >= th.sibling_paragraph_words && ld < th.sibling_link_density) {
        chosen.push_back(c);
      } else if (n.words > 0 && n.link_words == 0 && t == Tag::p && ends_like_sentence(nodes, c)) {
        chosen.push_back(c);  // a short paragraph that ends like a sentence
      }
    }
  }
  // Headings and structure collected before the first real part are dropped
  // when nothing precedes them; trailing ones after the last scored part too.
  while (!chosen.empty() && chosen.back() != top && !nodes[chosen.back()].scored &&
         is_heading(nodes[chosen.back()].node->tag)) {
    chosen.pop_back();
  }
  // Expansion: an article split over several containers (lead, body parts,
  // boxes) sits under a common ancestor; climb while what the ancestor adds
  // is mostly prose rather than links and short furniture.
  {
    uint64_t in_words = 0, in_links = 0, in_prose = 0, in_units = 0;
    for (int32_t c : chosen) {
      in_words += nodes[c].words;
      in_links += nodes[c].link_words;
      in_prose += nodes[c].prose_words;
      in_units += nodes[c].unit_words;
    }
    // A page builder nests each section in many wrappers: a page that does
    // not say it is an article may be gathered from further up.
    const int levels = article ? th.expand_levels : th.expand_levels_not_article;
    // A Q&A page's question, or a thread's opening post, sits in its own box
    // before the list of replies, among tags, menus and the poster's card:
    // a level that adds, before the choice, a post body of a class that two
    // or more chosen replies share (boxes apart, not one inside the other)
    // is taken whatever else it adds. Read on pages that do not say they are
    // articles; each node is looked at once.
    std::vector<std::string_view> reply_classes;  // filled at the first failed level
    bool replies_read = false;
    const int32_t first = *std::min_element(chosen.begin(), chosen.end());
    int32_t scanned = first;  // the nodes from here on were looked at or chosen
    auto adds_earlier_post = [&](int32_t anc) {
      if (article) return false;
      if (!replies_read) {
        replies_read = true;
        struct Box {
          std::string_view cls;
          int32_t start, end;
        };
        std::vector<Box> seen;
        for (int32_t c : chosen) {
          for (int32_t i = c; i < nodes[c].end; ++i) {
            const NodeInfo& n = nodes[i];
            if ((n.flags & kText) || n.prose_words < th.expand_min_prose_words) continue;
            std::string_view cls = n.node->attr("class");
            if (!cls.empty()) seen.push_back(Box{cls, i, n.end});
          }
        }
        std::sort(seen.begin(), seen.end(), [](const Box& x, const Box& y) {
          return x.cls != y.cls ? x.cls < y.cls : x.start < y.start;
        });
        // A class counts when a box of it starts after the first one ends.
        for (size_t i = 0; i < seen.size();) {
          size_t j = i + 1;
          bool apart = false;
          for (; j < seen.size() && seen[j].cls == seen[i].cls; ++j) {
            if (seen[j].start >= seen[i].end) apart = true;
          }
          if (apart) reply_classes.push_back(seen[i].cls);
          i = j;
        }
      }
      if (reply_classes.empty()) return false;
      bool found = false;
      for (int32_t i = anc + 1; i < scanned && !found; ++i) {
        const NodeInfo& n = nodes[i];
        if ((n.flags & kText) || n.end > first || n.prose_words < th.expand_min_prose_words) continue;
        found = std::binary_search(reply_classes.begin(), reply_classes.end(), n.node->attr("class"));
      }
      scanned = anc + 1;
      return found;
    };
    int32_t a = nodes[top].parent;
    for (int level = 0; a > 0 && level < levels; ++level, a = nodes[a].parent) {
      const NodeInfo& an = nodes[a];
      double out_words = static_cast<double>(an.words) - in_words;
      double out_links = static_cast<double>(an.link_words) - in_links;
      double out_prose = static_cast<double>(an.prose_words) - in_prose;
      double out_units = static_cast<double>(an.unit_words) - in_units;
      // A level that adds a few words and no links (a section's heading)
      // decides nothing: the next one is judged on what both add.
      if (out_words < th.expand_min_prose_words && out_links <= 0) continue;
      bool adds_prose = out_prose >= th.expand_min_prose_words &&
                        out_prose >= th.expand_prose_share * out_words &&
                        out_links <= th.expand_max_link_density * out_words;
      // Landing pages: many sections of short paragraphs and headings; the
      // ancestor adds at least half again as much text, little of it links.
      bool adds_sections = out_units >= th.expand_sections_ratio * static_cast<double>(in_words) &&
                           out_units >= th.expand_prose_share * out_words &&
                           out_links <= th.expand_sections_link_density * out_words;
      if (!adds_prose && !adds_sections) {
        // Nor does one that adds only link-free headings and short lines
        // (a section's title and labels): the next one is judged on both.
        if (out_links <= 0 && out_units >= th.expand_prose_share * out_words) continue;
        if (!adds_earlier_post(a)) break;
      }
      chosen.assign(1, a);
      scanned = a + 1;  // what lies between is chosen now
      in_words = an.words;
      in_links = an.link_words;
      in_prose = an.prose_words;
      in_units = an.unit_words;
    }
  }
  return chosen;
}

namespace {

bool holds_media_or_time(const std::vector<NodeInfo>& nodes, int32_t at) {
  for (int32_t i = at; i < nodes[at].end; ++i) {
    if (nodes[i].flags & kText) continue;
    switch (nodes[i].node->tag) {
      case Tag::img: case Tag::picture: case Tag::figure: case Tag::video: case Tag::iframe:
      case Tag::svg: case Tag::time:
        return true;
      default:
        break;
    }
  }
  return false;
}

// The first <h1> before `first_text` and its next sibling that holds words,
// when that is an element of a short text, mostly unlinked, that ends like a
// sentence or is a heading (a subtitle): the title's own introduction (a
// category's, a service's), or -1. A writer's line or a label under the
// title ends on neither.
int32_t title_intro(const std::vector<NodeInfo>& nodes, int32_t first_text, uint32_t min_words) {
  constexpr uint32_t kMaxWords = 80;
  int32_t h1 = -1;
  for (int32_t i = 0; i < first_text && h1 < 0; ++i) {
    if (!(nodes[i].flags & kText) && nodes[i].node->tag == Tag::h1) h1 = i;
  }
  if (h1 <= 0) return -1;
  // Words in links in the subtree at `at`, pruned or not.
  auto linked_words = [&](int32_t at) {
    uint32_t linked = 0;
    for (int32_t i = at; i < nodes[at].end; ++i) {
      if ((nodes[i].flags & kText) && (nodes[i].flags & kInLink)) linked += nodes[i].raw_words;
    }
    return linked;
  };
  // A site's name linking home, in its header, titles no page.
  if (linked_words(h1) >= nodes[h1].raw_words) return -1;
  const int32_t parent_end = nodes[nodes[h1].parent].end;
  int32_t s = nodes[h1].end;
  while (s < parent_end && nodes[s].raw_words == 0) s = nodes[s].end;
  if (s >= parent_end || s >= first_text || (nodes[s].flags & (kText | kInLink))) return -1;
  const NodeInfo& n = nodes[s];
  // Hidden, or named as furniture: no introduction whatever its shape.
  if (n.verdict != Verdict::none) return -1;
  if (n.raw_words < min_words || n.raw_words > kMaxWords || n.end > first_text) return -1;
  if (2 * linked_words(s) > n.raw_words || holds_media_or_time(nodes, s) ||
      (!is_heading(n.node->tag) && !ends_like_sentence(nodes, s))) {
    return -1;
  }
  return s;
}

}  // namespace

int32_t find_lead(const Page& page, const std::vector<int32_t>& main, bool article) {
  // A standfirst sits in the article's header, a level or two above the
  // text it introduces, and is at least a short sentence. On a page that is
  // not an article, a description there (a category's text over its grid)
  // introduces it too, and failing both, a sentence right under its title.
  constexpr int kLevelsUp = 3;
  constexpr uint32_t kMinWords = 8;
  const auto& nodes = page.nodes;
  const std::vector<int32_t> none;
  const std::vector<int32_t>& descriptions = article ? none : page.descriptions;
  if (main.empty() || (article && page.leads.empty())) return -1;
  int32_t first_text = -1;
  for (int32_t r : main) {
    for (int32_t i = r; i < nodes[r].end && first_text < 0; ++i) {
      const NodeInfo& n = nodes[i];
      if ((n.flags & kText) && !(n.flags & kPruned) && n.raw_words > 0) first_text = i;
    }
    if (first_text >= 0) break;
  }
  if (first_text < 0) return -1;
  int32_t scope = main.front();
  for (int k = 0; k < kLevelsUp && nodes[scope].parent > 0; ++k) scope = nodes[scope].parent;
  int32_t lead = -1;
  // Both lists in document order, merged.
  size_t a = 0, b = 0;
  while (a < page.leads.size() || b < descriptions.size()) {
    int32_t l = b == descriptions.size() || (a < page.leads.size() && page.leads[a] < descriptions[b])
                    ? page.leads[a++]
                    : descriptions[b++];
    const NodeInfo& n = nodes[l];
    if (l <= scope || l >= nodes[scope].end || n.end > first_text) continue;
    if (n.raw_words < kMinWords || (n.flags & kInLink)) continue;
    if (lead >= 0 && l < nodes[lead].end) continue;  // inside the one found
    if (holds_media_or_time(nodes, l)) continue;     // "lead-art", a header's meta line
    lead = l;
  }
  if (lead < 0 && !article) lead = title_intro(nodes, first_text, kMinWords);
  if (lead < 0) return -1;
  // Kept inside a chosen root, it is collected already.
  for (int32_t r : main) {
    if (lead > r && lead < nodes[r].end && !(nodes[lead].flags & kPruned)) return -1;
  }
  return lead;
}

}  // namespace saring::extract::detail
