// neardup_eval: precision and recall of MinHash+LSH near-duplicate detection
// on pairs generated from real pages' gold texts, against exact Jaccard
// similarity of the same 5-word shingles computed directly.
//
//   neardup_eval [ground-truth.json] [--threshold 0.75] [--seed 1]
//   (ground-truth.json defaults to $SARING_DATASETS/scrapinghub/ground-truth.json)
//
// The gold texts (scrapinghub article-extraction benchmark, a JSON object
// whose values have an "articleBody") are read at run time only. From each
// text it derives, with a seeded generator:
//   edit_2 / edit_5 / edit_10 / edit_25   that share of words replaced, deleted or inserted
//   reorder       paragraphs shuffled
//   boilerplate   different header/footer boilerplate added to each side
//   truncate      the first 80% of the text against the whole
//   unrelated     another page's text
// A pair is a true near-duplicate when exact Jaccard >= threshold; LSH says
// near-duplicate when the two signatures share a band key (or the exact hash).
// Prints per-kind rates, precision/recall/F1, the observed vs theoretical
// detection rate per Jaccard bin, signature speed and index bytes per document.
#include <ctime>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "probe.h"
#include "saring/dedup.h"

namespace {

using saring::dedup::MinHasher;
using saring::dedup::Signature;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// Replaces, deletes or inserts `share` of the words (equal thirds), keeping
// line structure approximately (edits within paragraphs).
std::string edit(const std::string& text, double share, std::mt19937_64& rng) {
  std::vector<std::string> paras = split(text, '\n');
  std::uniform_real_distribution<double> u(0, 1);
  static const char* fresh[] = {"notably", "meanwhile", "quartz", "lantern", "seventeen", "orbit", "velvet", "harbour"};
  for (auto& p : paras) {
    auto w = words_of(p);
    std::vector<std::string> out;
    for (auto& x : w) {
      double r = u(rng);
      if (r < share / 3) {
        out.push_back(fresh[rng() % 8]);  // replace
      } else if (r < 2 * share / 3) {
        continue;  // delete
      } else if (r < share) {
        out.push_back(x);
        out.push_back(fresh[rng() % 8]);  // insert
      } else {
        out.push_back(x);
      }
    }
    p = join(out, " ");
  }
  return join(paras, "\n");
}

const char* kHeaders[] = {
    "Home | News | Sport | Business | Culture | Contact us\nSubscribe to our newsletter for daily updates",
    "Skip to main content\nMenu Search Sign in Register\nTrending now: markets, weather, elections",
    "Advertisement\nYou are reading the free version of this site. Upgrade for more articles each month",
};
const char* kFooters[] = {
    "Share this article on social media\nRelated stories\nCopyright 2024 The Daily Example. All rights reserved.",
    "Comments are closed for this story\nMore from this section\nTerms of use | Privacy policy | Cookie settings",
    "Follow us for more\nRead next: ten things you missed this week\n(c) Example Media Group, all rights reserved",
};

struct PairResult {
  std::string kind;
  double jaccard;
  double estimate;
  bool lsh;
};

bool lsh_match(const Signature& a, const Signature& b) {
  if (a.exact == b.exact) return true;
  if (a.band_keys.empty() || b.band_keys.size() != a.band_keys.size()) return false;
  for (size_t i = 0; i < a.band_keys.size(); ++i)
    if (a.band_keys[i] == b.band_keys[i]) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;  // empty: under $SARING_DATASETS
  double threshold = 0.75;
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threshold" && i + 1 < argc) threshold = std::stod(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = std::stoull(argv[++i]);
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: neardup_eval [ground-truth.json] [--threshold 0.75] [--seed 1]\n";
      return 0;
    } else path = a;
  }
  auto bodies = saring::bench::read_article_bodies(path, "neardup_eval");
  if (!bodies) return 2;
  std::vector<std::string> texts;
  for (auto& body : *bodies) {
    if (words_of(body).size() >= 50) texts.push_back(std::move(body));
  }
  if (texts.size() < 2) {
    std::cerr << "neardup_eval: fewer than 2 usable texts in " << path << "\n";
    return 2;
  }

  MinHasher hasher;
  std::mt19937_64 rng(seed);
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> pairs;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& t = texts[i];
    for (double share : {0.02, 0.05, 0.10, 0.25}) {
      char kind[32];
      std::snprintf(kind, sizeof kind, "edit_%d", int(std::lround(share * 100)));
      pairs.push_back({kind, {t, edit(t, share, rng)}});
    }
    auto paras = split(t, '\n');
    auto shuffled = paras;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    pairs.push_back({"reorder", {t, join(shuffled, "\n")}});
    size_t h1 = rng() % 3, h2 = (h1 + 1 + rng() % 2) % 3;
    pairs.push_back({"boilerplate",
                     {std::string(kHeaders[h1]) + "\n" + t + "\n" + kFooters[h1],
                      std::string(kHeaders[h2]) + "\n" + t + "\n" + kFooters[h2]}});
    auto w = words_of(t);
    w.resize(w.size() * 8 / 10);
    pairs.push_back({"truncate", {t, join(w, " ")}});
    size_t j = (i + 1 + rng() % (texts.size() - 1)) % texts.size();
    pairs.push_back({"unrelated", {t, texts[j]}});
  }

  std::vector<PairResult> results;
  double sig_seconds = 0;
  size_t sig_bytes = 0, sig_count = 0;
  for (auto& [kind, p] : pairs) {
    double t0 = saring::bench::thread_cpu_seconds();
    Signature a = hasher.compute(p.first);
    Signature b = hasher.compute(p.second);
    sig_seconds += saring::bench::thread_cpu_seconds() - t0;
    sig_bytes += p.first.size() + p.second.size();
    sig_count += 2;
    results.push_back({kind, saring::dedup::exact_jaccard(p.first, p.second), saring::dedup::estimate_jaccard(a, b),
                       lsh_match(a, b)});
  }

  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  struct KindStats {
    size_t n = 0, lsh = 0, truth = 0;
    double jac = 0;
  };
  std::map<std::string, KindStats> by_kind;
  for (const auto& r : results) {
    bool truth = r.jaccard >= threshold;
    tp += truth && r.lsh;
    fp += !truth && r.lsh;
    fn += truth && !r.lsh;
    tn += !truth && !r.lsh;
    auto& k = by_kind[r.kind];
    ++k.n;
    k.lsh += r.lsh;
    k.truth += truth;
    k.jac += r.jaccard;
  }
  std::printf("neardup_eval: %zu gold texts from %s, %zu pairs, threshold J >= %.2f, seed %llu\n", texts.size(),
              path.c_str(), results.size(), threshold, static_cast<unsigned long long>(seed));
  std::printf("params: %u-word shingles, %u bands x %u rows\n\n", hasher.params().shingle_size,
              hasher.params().num_bands, hasher.params().rows_per_band);
  std::printf("| kind | pairs | mean Jaccard | J >= thr | LSH flagged |\n|---|---:|---:|---:|---:|\n");
  for (const auto& [kind, k] : by_kind)
    std::printf("| %s | %zu | %.3f | %zu | %zu |\n", kind.c_str(), k.n, k.jac / double(k.n), k.truth, k.lsh);
  double precision = tp + fp ? double(tp) / double(tp + fp) : 1.0;
  double recall = tp + fn ? double(tp) / double(tp + fn) : 1.0;
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  std::printf("\nTP %zu  FP %zu  FN %zu  TN %zu\nprecision %.4f  recall %.4f  F1 %.4f\n\n", tp, fp, fn, tn,
              precision, recall, f1);

  // Detection rate per Jaccard bin, against the LSH S-curve 1-(1-J^r)^b.
  std::printf("| Jaccard bin | pairs | LSH flagged | observed rate | theory at bin centre |\n|---|---:|---:|---:|---:|\n");
  const double r = hasher.params().rows_per_band, bands = hasher.params().num_bands;
  for (int bin = 0; bin < 10; ++bin) {
    double lo = bin / 10.0, hi = (bin + 1) / 10.0;
    size_t n = 0, flagged = 0;
    for (const auto& x : results)
      if (x.jaccard >= lo && (x.jaccard < hi || (bin == 9 && x.jaccard <= 1.0))) {
        ++n;
        flagged += x.lsh;
      }
    if (!n) continue;
    double c = (lo + hi) / 2;
    std::printf("| %.1f-%.1f | %zu | %zu | %.3f | %.3f |\n", lo, hi, n, flagged, double(flagged) / double(n),
                1 - std::pow(1 - std::pow(c, r), bands));
  }
  double err = 0;
  for (const auto& x : results) err += std::fabs(x.estimate - x.jaccard);
  std::printf("\nmean |MinHash estimate - exact Jaccard|: %.4f\n", err / double(results.size()));
  std::printf("\n| threshold | precision | recall | F1 |\n|---:|---:|---:|---:|\n");
  for (double thr : {0.6, 0.65, 0.7, 0.75, 0.8, 0.85}) {
    size_t a = 0, b = 0, c = 0;
    for (const auto& x : results) {
      bool truth = x.jaccard >= thr;
      a += truth && x.lsh;
      b += !truth && x.lsh;
      c += truth && !x.lsh;
    }
    double p = a + b ? double(a) / double(a + b) : 1.0, rc = a + c ? double(a) / double(a + c) : 1.0;
    std::printf("| %.2f | %.4f | %.4f | %.4f |\n", thr, p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0);
  }
  std::printf("\nsignatures: %zu texts, %.1f MB/s of text (one thread, CPU time)\n", sig_count,
              double(sig_bytes) / 1e6 / std::max(sig_seconds, 1e-9));

  // Index memory per document: insert every generated text once.
  saring::dedup::NearDupIndex index(hasher.params());
  uint64_t seq = 0;
  size_t dups = 0;
  for (auto& [kind, p] : pairs) {
    for (const std::string* t : {&p.first, &p.second}) {
      auto v = index.insert(seq, "doc-" + std::to_string(seq), hasher.compute(*t));
      ++seq;
      if (v.ok() && v->duplicate()) ++dups;
    }
  }
  std::printf("index: %zu documents (%zu flagged duplicate), %.0f bytes/document in memory, %.0f bytes/document on disk\n",
              index.size(), dups, double(index.memory_bytes()) / double(index.size()),
              double(index.serialize().size()) / double(index.size()));
  return 0;
}
