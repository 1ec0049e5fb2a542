// One document on its way through saring: where it came from, its raw bytes,
// and what each stage made of it.
//
// Readers (include/saring/io.h) fill the source part: `source`, `id`, `url`,
// `raw`, `kind` and the HTTP/WARC facts. Stages then fill `text` and
// `metadata`, and every stage that looks at the record appends one
// Annotation saying what it decided and why. Annotations are append-only: a
// dropped document keeps the full story of how it got dropped, so the rejected
// output can name the stage and the reason.
//
//   saring::Record r;                       // from a reader
//   r.text = "...";                         // extraction
//   r.metadata.set("language", "id");
//   r.annotate("lang", Verdict::keep, "", {{"score", 0.97}});
//   r.annotate("filter", Verdict::drop, "gopher:too-short", {{"words", 12}});
//   if (r.dropped()) ...                    // true: a stage said drop
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace saring {

// What the raw bytes are.
enum class RecordKind : uint8_t {
  html,  // an HTML page (bytes in any charset; decode with html::decode_to_utf8)
  text,  // plain text, already extracted (WET conversion records, JSONL `text`)
};

std::string_view to_string(RecordKind kind);

// Where a record came from, precise enough to find it again and to resume.
struct SourceRef {
  std::string path;         // input path as given ("-" for standard input)
  uint64_t index = 0;       // ordinal of this item in its input, from 0; counts
                            // every item a reader yields, errors included
  uint64_t offset = 0;      // WARC: decoded byte offset of the "WARC/1.x" line
  uint64_t member_offset = 0;  // WARC: file offset of the gzip member / zstd
                               // frame holding the record (== offset if plain)
  uint64_t line = 0;        // JSONL: 1-based line number (0 for other formats)
  bool starts_member = false;  // compressed input: the member begins with this item
                               // (one record per gzip member), so member_offset alone
                               // names it, whatever decoding started from

  // "crawl.warc.gz@12345" or "docs.jsonl:17" or "page.html".
  std::string describe() const;
};

// A metadata value: null, boolean, integer, real, string or list of strings.
using MetaValue =
    std::variant<std::monostate, bool, int64_t, double, std::string, std::vector<std::string>>;

// Ordered key -> value fields. Insertion order is kept (output is
// deterministic); set() replaces an existing key in place.
class MetaFields {
 public:
  using Entry = std::pair<std::string, MetaValue>;

  void set(std::string_view key, MetaValue value);
  // Adds a field known not to be there yet, at the end (building fields in a
  // set order; no search).
  void reserve(size_t n) { entries_.reserve(n); }
  void append(std::string key, MetaValue value) {
    entries_.emplace_back(std::move(key), std::move(value));
  }
  // Pointer to the value of `key`, or nullptr when absent.
  const MetaValue* find(std::string_view key) const;
  // The string value of `key`, or "" when absent or not a string.
  std::string_view get_string(std::string_view key) const;
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  std::vector<Entry> entries_;
};

// A stage's decision about a record.
enum class Verdict : uint8_t {
  keep,   // the stage passed the record on
  drop,   // the stage rejected the record; `reason` says why
  error,  // the stage could not process the record (bad input); `reason` says why
  info,   // a note that is not a decision (e.g. which extractor answered)
};

std::string_view to_string(Verdict verdict);

// One stage's note on a record: "filter" dropped it for "gopher:too-short",
// with the numbers that led there.
struct Annotation {
  std::string stage;    // "read", "extract", "lang", "filter", "dedup", ...
  Verdict verdict = Verdict::info;
  std::string reason;   // short machine-readable reason, "" when kept
  std::vector<std::pair<std::string, double>> numbers;  // figures behind it
};

// One document.
struct Record {
  // --- set by the reader ---
  SourceRef source;
  std::string id;            // WARC-Record-ID (without <>), JSONL `id`, or file path
  bool id_is_number = false; // JSONL: `id` was a JSON number (its text is in `id`)
  std::string url;           // WARC-Target-URI or JSONL `url`; may be empty
  std::string raw;           // HTML bytes as served (any charset) or UTF-8 text
  RecordKind kind = RecordKind::html;
  int http_status = 0;       // 0 when not from an HTTP response
  std::string content_type;  // lowercase media type without parameters ("text/html")
  std::string http_charset;  // lowercase charset parameter of Content-Type, or ""
  std::string warc_date;     // WARC-Date as given (ISO 8601), or ""
  // Every header field in file order, names as written: the WARC record's
  // and its HTTP response's. Kept only when io::ReaderOptions::keep_headers
  // is set (the stages need none of them); empty otherwise.
  std::vector<std::pair<std::string, std::string>> warc_headers;
  std::vector<std::pair<std::string, std::string>> http_headers;

  // --- set by the stages ---
  std::string text;          // extracted / repaired main text, UTF-8
  MetaFields metadata;       // title, date, language, quality figures, ...
  std::vector<Annotation> annotations;  // append-only history

  // Appends an annotation.
  void annotate(std::string_view stage, Verdict verdict, std::string_view reason = {},
                std::vector<std::pair<std::string, double>> numbers = {});
  // The first annotation whose verdict is drop or error, or nullptr.
  const Annotation* rejection() const;
  bool dropped() const { return rejection() != nullptr; }
};

}  // namespace saring
