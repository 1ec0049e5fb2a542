// Corpus statistics for cross-document boilerplate (pass 1 of corpus mode).
//
// Menus, footers and disclaimers of a site come back, word for word, in most
// of its documents, while body text does not. Pass 1 counts, for each
// (site, normalised line), the number of documents that hold it; pass 2
// (clean_document with these stats) removes lines counted in at least
// CleanOptions::corpus_min_documents documents.
//
// Memory is bounded: the counts live in one open-addressing table of 64-bit
// keys (xxHash3 of the line, seeded with the site's hash) and 32-bit counts,
// of fixed capacity. When it is 70% full, the entries with the lowest counts
// are dropped (first those seen once, then twice, ...) and the table is
// rebuilt; counts can then only be underestimated, so pruning may keep some
// boilerplate but never removes a line that does not repeat. Hash collisions
// between two distinct lines (probability ~ n^2 / 2^64) are ignored.
//
// The normal form lowercases, collapses white space and, in lines shorter
// than a body paragraph, maps every digit to '0', so "© 2021 Example" and
// "© 2022 Example" or "12 comments" and "3 comments" count as one line.
#include <xxhash.h>

#include <algorithm>

#include "saring/clean.h"
#include "saring/line_counts.h"
#include "saring/text.h"
#include "saring/url.h"
#include "saring/utf8.h"
#include "vocabulary.h"

namespace saring::clean {

std::string corpus_normal_form(std::string_view line) {
  std::string lower = text::to_lower(text::collapse_whitespace(line));
  // Digits are folded only in short lines (counters, years in footers):
  // paragraphs that differ only in their figures are different text.
  if (text::count_words(lower) < vocab::limits().body_min_words) {
    for (char& c : lower) {
      if (c >= '0' && c <= '9') c = '0';
    }
  }
  return lower;
}

namespace {

constexpr double kMaxLoad = 0.7;

uint64_t line_key_of(std::string_view site, std::string_view line) {
  uint64_t seed = XXH3_64bits(site.data(), site.size());
  uint64_t key = XXH3_64bits_withSeed(line.data(), line.size(), seed);
  return key == 0 ? 1 : key;
}
constexpr size_t kMinSlots = 1024;

}  // namespace

CorpusStats::CorpusStats(size_t capacity) : counts_(std::max(capacity, kMinSlots)) {}

uint64_t CorpusStats::line_key(std::string_view site, std::string_view line) { return line_key_of(site, line); }

void CorpusStats::insert(uint64_t key, uint32_t add) {
  auto [count, added] = counts_.try_emplace(key);
  *count += add;
  if (added && static_cast<double>(counts_.size()) > kMaxLoad * static_cast<double>(counts_.capacity()))
    prune();
}

void CorpusStats::prune() {
  // Raise the floor until at most half the table stays occupied.
  while (true) {
    ++prune_floor_;
    size_t survivors = 0;
    counts_.for_each([&](uint64_t, uint32_t count) { survivors += count > prune_floor_; });
    if (survivors * 2 <= counts_.capacity() || prune_floor_ == UINT32_MAX) break;
  }
  counts_.retain_if([&](uint64_t, uint32_t count) { return count > prune_floor_; });
}

void CorpusStats::add_document(std::string_view text, std::string_view site) {
  for (uint64_t key : document_line_keys(text, site)) insert(key, 1);
  ++documents_;
}

std::vector<uint64_t> document_line_keys(std::string_view text, std::string_view site) {
  std::string repaired;
  if (!utf8::is_valid(text)) {
    repaired = utf8::make_valid(text);
    text = repaired;
  }
  std::vector<uint64_t> keys;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string normal = corpus_normal_form(text.substr(pos, end - pos));
    if (!normal.empty()) keys.push_back(line_key_of(site, normal));
    if (end == text.size()) break;
    pos = end + 1;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void CorpusStats::merge(const CorpusStats& other) {
  other.counts_.for_each([&](uint64_t key, uint32_t count) { insert(key, count); });
  documents_ += other.documents_;
  prune_floor_ = std::max(prune_floor_, other.prune_floor_);
}

uint32_t CorpusStats::count_key(uint64_t key) const {
  const uint32_t* count = counts_.find(key);
  return count ? *count : 0;
}

uint32_t CorpusStats::count(std::string_view site, std::string_view line) const {
  return count_key(line_key(site, corpus_normal_form(line)));
}

std::string site_key(std::string_view url) {
  if (url.find("://") != std::string_view::npos) return url::host(url);
  // A URL without its scheme ("example.com/a"); a bare path names no site.
  if (url.empty() || url.front() == '/') return {};
  return url::host("http://" + std::string(url));
}

}  // namespace saring::clean
