// Repairing text dumps: removing the menus, widgets, captions, credits and
// footers that careless extraction left in a document's text, and reading the
// metadata the text itself carries (headline, date line, dateline place,
// editor initials, agency credits).
//
// The cleaner works on lines. Each line is classified from
//   - layout: where it stands relative to the body (the span from the first
//     to the last body paragraph, a body paragraph being long and ending in
//     sentence punctuation), its length and its punctuation;
//   - phrases: one multilingual table (src/clean/vocabulary.cc) of widget
//     labels, related-links headers, cookie notices, ... ;
//   - patterns: photo credits ("FOTO/ANTARA/...", "Photo: ... / Reuters"),
//     copyright lines, render-time lines, editor initials "(nng)";
//   - corpus statistics (optional): lines that repeat across many documents
//     of the same site.
// It is conservative by default: a body paragraph inside the body span is
// never removed because of a phrase match alone (options.aggressive widens
// what goes).
//
//   saring::clean::CleanOptions options;
//   auto result = saring::clean::clean_document(dump, options);
//   if (result) std::cout << result->text;          // repaired text
//   for (auto& r : result->removed) ...             // {line, reason, text}
//
// Corpus mode is two passes over the same documents:
//   saring::clean::CorpusStats stats;
//   for (doc : docs) stats.add_document(doc.text, saring::clean::site_key(doc.url));
//   for (doc : docs) clean_document(doc.text, options, &stats, site_key(doc.url));
// Everything here is pure and thread-safe (CorpusStats is read-only once
// built; building it is single-writer, or one builder per thread + merge()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saring/open_table.h"
#include "saring/result.h"

namespace saring::clean {

// Why a line was removed. to_string() gives the kebab-case name used in JSON.
enum class Reason : uint8_t {
  ui_widget,                   // font-size "A A A", print, zoom, "show more"
  caption,                     // photo/video caption or credit
  related_links,               // "Baca juga", "Related articles" and their lists
  copyright,                   // "© 2021 ...", "All Rights Reserved"
  render_time,                 // "Page generated in 0.12 seconds"
  duplicate_title,             // the headline repeated
  cross_document_boilerplate,  // repeats across documents of the same site
  navigation,                  // menus, breadcrumbs, "Skip to content"
  date_line,                   // a line that is only a date (and time/zone)
  placeholder,                 // "loading...", "[image]"
  advertisement,               // "Advertisement", "Scroll to continue"
  share_widget,                // "Share", "Tweet", "WhatsApp", share counters
  byline,                      // editor initials "(nng)", "Reporter: ...", "By ..."
  source_credit,               // "Sumber: Antara", "Quelle: dpa"
  cookie_notice,               // cookie and privacy banners
  subscription,                // newsletter / subscribe / login prompts
  comments,                    // comment-section furniture
  tags,                        // "Tags: ...", "Topik: ..."
  separator,                   // lines with no letters or digits ("* * *", "|")
  outside_body,                // past the article's tail; --aggressive: unpunctuated lines outside the body
};

std::string_view to_string(Reason reason);

// One removed line (or fragment of a line, for trailing initials).
struct Removed {
  size_t line = 0;   // 1-based line number in the input
  Reason reason{};
  std::string text;  // what was removed, whitespace-collapsed
};

// Tuning. Defaults are conservative.
struct CleanOptions {
  // Remove more: phrase matches also remove body paragraphs outside the main
  // body block, and unpunctuated short lines outside the body go.
  bool aggressive = false;
  // Keep the headline as the first line of the text. Off by default: the
  // headline is reported in `title`, as saring extract reports it, and
  // both leave it out of `text`.
  bool keep_title = false;
  // Rejoin paragraphs that a text browser wrapped at a fixed width (detected
  // from the line lengths; dumps with long lines are left alone). A joined
  // paragraph is numbered by its first input line.
  bool unwrap = true;
  // Identify the language of the cleaned text with saring::lang's shared
  // identifier. Without the model clean_document returns
  // lang::require_shared_identifier's error.
  bool detect_language = false;
  // Corpus mode: a line is boilerplate when it occurs in at least this many
  // documents of the same site...
  uint32_t corpus_min_documents = 3;
  // ...and, for documents without a known site, when the document shares at
  // least this many such lines with others (a shared set of lines is what
  // marks documents of one site when no URL says so).
  uint32_t corpus_min_shared_lines = 2;
  // Inputs larger than this are refused with ErrorCode::too_large.
  size_t max_bytes = size_t{64} << 20;
};

// The repaired document and what the text said about itself.
struct CleanResult {
  std::string text;                  // kept lines, one per line; a blank line where
                                     // the input had blank lines between them
  std::optional<std::string> title;  // the headline
  std::optional<std::string> date;   // ISO 8601, with the zone's offset when given
  std::optional<std::string> dateline;  // place opening the first paragraph ("MOSKOW")
  std::optional<std::string> author;    // byline or editor initials ("nng", "ant/dil")
  std::vector<std::string> sources;     // credited agencies, canonical names, in order
                                        // (meta::add_credited_agencies on the kept text,
                                        // plus credit and initials lines)
  std::string language;                 // ISO 639 code, "" when unknown or not asked
  double language_score = 0.0;
  std::vector<Removed> removed;         // in input order
  size_t lines_in = 0;                  // non-empty input lines
  size_t lines_kept = 0;
};

// Site statistics for corpus mode: for each (site, normalised line) the number
// of documents holding that line. Memory is bounded: a fixed-capacity table of
// 64-bit hashes and counts; when it fills up, the entries seen in only one
// document are dropped (they can never reach the threshold... unless they come
// back, so counts are lower bounds, never overestimates). Exact counts that
// do not depend on how documents were grouped: saring/line_counts.h.
class CorpusStats {
 public:
  // capacity: number of table slots (rounded up to a power of two); 16 bytes
  // each. The default (2^21 slots, 32 MB) holds ~1.4M distinct lines.
  explicit CorpusStats(size_t capacity = size_t{1} << 21);

  // Pass 1: counts each distinct normalised line of `text` once for `site`
  // (see site_key(); "" = unknown site).
  void add_document(std::string_view text, std::string_view site);

  // Adds another builder's counts (for parallel pass 1). Deterministic: the
  // result does not depend on how documents were split between builders as
  // long as no pruning happened.
  void merge(const CorpusStats& other);

  // Number of documents of `site` holding the line (after normalisation).
  uint32_t count(std::string_view site, std::string_view line) const;
  // Same, from a precomputed key (see line_key()).
  uint32_t count_key(uint64_t key) const;
  // Adds `documents` to a key's count: counts made elsewhere (line_counts.h
  // loads a file of exact counts into a table large enough not to prune).
  void add_key(uint64_t key, uint32_t documents) { insert(key, documents); }

  // Documents added, and whether pruning made counts lower bounds.
  uint64_t documents() const { return documents_; }
  bool pruned() const { return prune_floor_ > 0; }
  size_t distinct() const { return counts_.size(); }

  // Hash of (site, normalised line); the key used by the table.
  static uint64_t line_key(std::string_view site, std::string_view line);

 private:
  void insert(uint64_t key, uint32_t add);
  void prune();
  // Line keys are hashes already (never 0): a key picks its own slot.
  struct LineKeys : OpenTableTraits<uint64_t> {
    static uint64_t hash(uint64_t key) { return key; }
    static constexpr bool kFixedCapacity = true;  // prunes instead of growing
  };
  OpenTable<uint64_t, uint32_t, LineKeys> counts_;
  uint64_t documents_ = 0;
  uint32_t prune_floor_ = 0;
};

// The site a URL belongs to: its host, lowercased, without "www." and port.
// "" when the URL is empty or has no host.
std::string site_key(std::string_view url);

// Cleans one document. `stats` (optional) enables cross-document boilerplate
// removal for documents of `site`. Errors: too_large (see max_bytes), no
// language model while detect_language is on. Invalid
// UTF-8 is repaired (U+FFFD), never an error; empty input gives empty text.
Result<CleanResult> clean_document(std::string_view text, const CleanOptions& options,
                                   const CorpusStats* stats = nullptr,
                                   std::string_view site = {});

}  // namespace saring::clean
