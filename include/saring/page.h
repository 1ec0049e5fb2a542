// One page in, one clean record out: the per-document composition that
// `saring extract`, `saring run` and the Python bindings share.
//
//   bytes --decode_to_utf8--> UTF-8 --parse--> DOM --extract_content--> text
//                                               \--extract_metadata--> metadata
//   text --language identification--> language
//
// Pure and thread-safe: a function of (input, options) only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saring/extract.h"
#include "saring/html.h"
#include "saring/lang.h"
#include "saring/meta.h"
#include "saring/record.h"
#include "saring/result.h"

namespace saring::page {

enum class OutputText { plain, markdown };

struct PageOptions {
  html::ParseOptions parse;
  extract::ExtractOptions extract;
  meta::MetaOptions meta;
  OutputText output = OutputText::plain;
  bool identify_language = true;
};

struct PageInput {
  std::string_view bytes;         // raw page bytes, any charset
  std::string_view url;           // may be empty
  std::string_view http_charset;  // charset from HTTP headers, may be empty
};

struct PageResult {
  std::string text;  // plain text or Markdown, as PageOptions::output asks
  extract::Content content;
  meta::Metadata metadata;
  std::vector<std::string> sources;  // agencies the text credits (meta::add_credited_agencies)
  std::optional<std::string> language;  // null when the text is too short to tell
  double language_score = 0.0;
  std::string charset;  // what the bytes were decoded as
  html::CharsetSource charset_source = html::CharsetSource::fallback;
};

// Processes one page. Errors: empty input, input over the parser's size
// limit, no language model while PageOptions::identify_language is on
// (lang::require_shared_identifier's error: a caller checks it once first).
// A page whose main text cannot be found is not an error: text is empty.
Result<PageResult> process_page(const PageInput& input, const PageOptions& options);

// process_page() for page bytes the caller no longer needs (no HTTP charset):
// a UTF-8 page becomes the document's text without a copy. `bytes` is left
// in a valid but unspecified state.
Result<PageResult> process_page(std::string&& bytes, std::string_view url,
                                const PageOptions& options);

// A page's metadata alone (decode, parse, meta; no extraction, no language
// ID), with process_page's errors for empty and oversized input.
Result<meta::Metadata> page_metadata(const PageInput& input, const PageOptions& options);

// What a page's language is decided on.
struct LanguageSample {
  std::string_view text;
  std::string_view title;        // may be empty
  std::string_view description;  // may be empty
  std::string_view declared;     // the page's <html lang> as written ("en-GB"), may be empty
};

// The one language rule of saring extract, saring run and Python: the model
// reads the text, with the title and description added when the text has
// fewer than 20 words; when its first guess is unsure (below 0.5), the
// declared language (its primary subtag) wins if it is among the top three
// guesses, since templates often declare a site default that is wrong for
// the article. nullopt when the sample is too short to tell.
std::optional<lang::Guess> decide_language(const lang::LanguageIdentifier& identifier,
                                           const LanguageSample& sample);

// Makes `result` a record: its url, text and metadata, the one shape every
// door writes (saring extract's JSON, saring run's `metadata`, Python's dict).
// `url` is the address given, else the page's canonical URL (empty when
// neither is known). The metadata fields are appended in one order: what a reader looks at first
// (title, author, date, date_source, sitename, sources, description), the language
// and how sure it is (language, language_score), labels (tags, image,
// page_type), then how the page was read (extraction_stage, charset). A field
// the page lacks is null; date_source and language_score are null when date
// and language are.
void to_record(PageResult&& result, std::string_view url, Record& record);

}  // namespace saring::page
