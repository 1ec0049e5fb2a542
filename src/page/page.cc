// Composition of the per-document stages for one HTML page, the language
// rule every door shares (decide_language), and the page's record in the one
// field order every door writes (to_record).
#include "saring/page.h"

#include <algorithm>

#include "saring/agencies.h"
#include "saring/date.h"
#include "saring/text.h"

namespace saring::page {
namespace {

// A plain "article" type is what a CMS says of every page (a service page, a
// landing page as well as a post): it is believed when the page has a date or
// its address ends in a headline's slug, five words or more joined by hyphens.
constexpr size_t kSlugHyphens = 4;

bool is_bare_article(const meta::Metadata& m) {
  if (text::to_lower(*m.page_type) != "article" || m.date) return false;
  std::string_view url = m.url ? std::string_view(*m.url) : std::string_view();
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::string_view slug = url.substr(url.rfind('/') + 1);
  return static_cast<size_t>(std::count(slug.begin(), slug.end(), '-')) < kSlugHyphens;
}

// Thresholds of the language rule (decide_language).
struct LanguageRule {
  size_t short_text_words = 20;  // below: title and description join the sample
  double unsure_score = 0.5;     // below: the declared language may win a near-tie
  int top_guesses = 3;           // how far down the declared language may be
};
constexpr LanguageRule kLanguageRule;

// "pt-BR" -> "pt", as the model names languages.
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

// A paragraph or heading that is only a date ("23.10.2018", "Updated: Mar 6,
// 2026", "Sep 08, 2008 12:58PM") says when the page was written: the
// record's `date`, not its text.
constexpr size_t kDateLineWords = 10;   // longer lines are sentences
constexpr size_t kDateLineBytes = 120;  // ... and so are longer texts: no need to count
constexpr size_t kDateLabelWords = 2;   // "Updated:", "Veröffentlicht am"

bool is_date_line(std::string_view line) {
  if (line.size() > kDateLineBytes ||
      std::none_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      text::has_words(line, kDateLineWords + 1)) {
    return false;
  }
  auto found = date::find(line);
  if (!found) return false;
  return text::count_words(line.substr(0, found->begin)) +
             text::count_words(line.substr(found->end)) <= kDateLabelWords;
}

void drop_date_lines(extract::Content& content) {
  std::erase_if(content.blocks, [](const extract::Block& b) {
    return (b.kind == extract::BlockKind::paragraph || b.kind == extract::BlockKind::heading) &&
           is_date_line(b.text);
  });
}

// The record's text and the metadata it shows in NFC (text::to_nfc): the same
// words are the same bytes, for readers, scorers and the exact-duplicate hash.
void normalize_text(extract::Content& content, meta::Metadata& m) {
  for (extract::Block& b : content.blocks) {
    text::to_nfc(b.text);
    for (auto& row : b.rows)
      for (std::string& cell : row) text::to_nfc(cell);
  }
  for (extract::Block& b : content.comments) text::to_nfc(b.text);
  for (auto* field : {&m.title, &m.author, &m.sitename, &m.description})
    if (*field) text::to_nfc(**field);
}

// A byline that repeats the record's author ("By Jane Doe", "Von Jane Doe",
// "By Jane Doe - 11/18/19 11:04 PM EST") is the record's `author`, not text.
constexpr size_t kBylineWords = 16;      // longer lines are sentences
constexpr size_t kBylineDateWords = 8;   // what may follow the name: a date
constexpr std::string_view kBylinePrefixes[] = {"by ", "von ", "par ", "por ", "door ", "di "};

bool is_byline(std::string_view line, std::string_view author_lower) {
  // The prefixes are ASCII: they are matched before any line is lowercased.
  auto starts_ascii = [&](std::string_view p) {
    if (line.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      char c = line[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != p[i]) return false;
    }
    return true;
  };
  auto prefix = std::find_if(std::begin(kBylinePrefixes), std::end(kBylinePrefixes), starts_ascii);
  if (author_lower.empty() || prefix == std::end(kBylinePrefixes) ||
      text::has_words(line, kBylineWords + 1)) {
    return false;
  }
  std::string lower = text::to_lower(line);
  std::string_view rest = lower;
  rest.remove_prefix(prefix->size());
  if (!rest.starts_with(author_lower)) return false;
  rest.remove_prefix(author_lower.size());
  // The separator before a date: spaces, '-', '|', ',', '–', '—', '·', '•'.
  constexpr std::string_view kDashes[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2"};
  for (bool stripped = true; stripped && !rest.empty();) {
    stripped = false;
    if (rest.front() == ' ' || rest.front() == '-' || rest.front() == '|' || rest.front() == ',') {
      rest.remove_prefix(1);
      stripped = true;
    }
    for (std::string_view d : kDashes) {
      if (rest.starts_with(d)) {
        rest.remove_prefix(d.size());
        stripped = true;
      }
    }
  }
  if (rest.empty()) return true;
  return std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         !text::has_words(rest, kBylineDateWords + 1);
}

void drop_byline_lines(extract::Content& content, const std::optional<std::string>& author) {
  if (!author || author->empty()) return;
  std::string author_lower = text::to_lower(*author);
  std::erase_if(content.blocks, [&](const extract::Block& b) {
    return b.kind == extract::BlockKind::paragraph && is_byline(b.text, author_lower);
  });
}

// A closing note on the record's author ("Jane Doe is a reporter who covers
// ...", "Jane Doe ist Redakteurin ...") is the author's box, not the story:
// only as the last paragraph, and only while it is short.
constexpr size_t kAuthorBioWords = 80;  // longer: the story goes on about them
constexpr std::string_view kAuthorBioVerbs[] = {" is ",  " was ", " ist ", " war ",
                                                " es ",  " est ", " \xC3\xA8 ", " \xC3\xA9 "};

bool is_author_bio(std::string_view line, std::string_view author) {
  if (!line.starts_with(author)) return false;
  std::string_view rest = line.substr(author.size());
  return std::any_of(std::begin(kAuthorBioVerbs), std::end(kAuthorBioVerbs),
                     [&](std::string_view v) { return rest.starts_with(v); }) &&
         !text::has_words(line, kAuthorBioWords + 1);
}

void drop_author_bio(extract::Content& content, const std::optional<std::string>& author) {
  if (!author || author->empty() || content.blocks.empty()) return;
  const extract::Block& last = content.blocks.back();
  if (last.kind == extract::BlockKind::paragraph && is_author_bio(last.text, *author))
    content.blocks.pop_back();
}

Status check_size(std::string_view bytes, const PageOptions& options) {
  if (bytes.empty()) return make_error(ErrorCode::invalid_input, "empty input");
  if (bytes.size() > options.parse.max_bytes) {
    return make_error(ErrorCode::too_large,
                      "page is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                          std::to_string(options.parse.max_bytes));
  }
  return ok_status();
}

Result<PageResult> process_decoded(html::DecodedText& decoded, std::string_view url,
                                   const PageOptions& options) {
  auto doc = html::parse_decoded(decoded, options.parse);
  if (!doc.ok()) return doc.error();

  PageResult result;
  result.charset = std::move(decoded.charset);
  result.charset_source = decoded.source;
  result.metadata = meta::extract_metadata(doc.value(), url, options.meta);
  const auto& type = result.metadata.page_type;
  auto kind = !type                          ? extract::PageKind::unknown
              : meta::is_recipe_type(*type)  ? extract::PageKind::recipe
              : meta::is_article_type(*type) ? extract::PageKind::article
                                             : extract::PageKind::unknown;
  if (kind == extract::PageKind::article && is_bare_article(result.metadata))
    kind = extract::PageKind::unknown;
  result.content = extract::extract_content(doc.value(), options.extract, kind);
  // The headline is the record's `title`, not the first line of its text.
  if (result.metadata.title) extract::drop_title_heading(result.content, *result.metadata.title);
  drop_date_lines(result.content);
  normalize_text(result.content, result.metadata);
  // On a forum, each post's byline and signature are part of the thread.
  if (kind == extract::PageKind::article) {
    drop_byline_lines(result.content, result.metadata.author);
    drop_author_bio(result.content, result.metadata.author);
  }
  result.text = options.output == OutputText::markdown ? extract::render_markdown(result.content)
                                                       : extract::render_text(result.content);
  meta::add_credited_agencies(result.text, result.sources);
  if (options.identify_language) {
    auto identifier = lang::require_shared_identifier();
    if (!identifier.ok()) return identifier.error();
    const meta::Metadata& m = result.metadata;
    auto guess = decide_language(*identifier.value(),
                                 {result.text, m.title.value_or(""), m.description.value_or(""),
                                  m.language_hint.value_or("")});
    if (guess) {
      result.language = std::move(guess->code);
      result.language_score = guess->score;
    }
  }
  return result;
}

}  // namespace

std::optional<lang::Guess> decide_language(const lang::LanguageIdentifier& identifier,
                                           const LanguageSample& sample) {
  // The text itself when it is long enough (no copy); else with the title
  // and description added.
  std::string padded;
  std::string_view input = sample.text;
  if (!text::has_words(sample.text, kLanguageRule.short_text_words)) {
    padded = sample.text;
    for (std::string_view extra : {sample.title, sample.description}) {
      if (extra.empty()) continue;
      padded += '\n';
      padded += extra;
    }
    input = padded;
  }
  auto top = identifier.identify_top(input, kLanguageRule.top_guesses);
  if (top.empty()) return std::nullopt;
  const lang::Guess* chosen = &top.front();
  if (chosen->score < kLanguageRule.unsure_score && !sample.declared.empty()) {
    std::string declared = primary_subtag(sample.declared);
    for (const auto& g : top)
      if (g.code == declared) chosen = &g;
  }
  return *chosen;
}

Result<PageResult> process_page(const PageInput& input, const PageOptions& options) {
  if (auto ok = check_size(input.bytes, options); !ok.ok()) return ok.error();
  html::DecodedText decoded = html::decode_to_utf8(input.bytes, input.http_charset);
  return process_decoded(decoded, input.url, options);
}

Result<PageResult> process_page(std::string&& bytes, std::string_view url,
                                const PageOptions& options) {
  if (auto ok = check_size(bytes, options); !ok.ok()) return ok.error();
  html::DecodedText decoded = html::decode_to_utf8_owned(std::move(bytes));
  return process_decoded(decoded, url, options);
}

Result<meta::Metadata> page_metadata(const PageInput& input, const PageOptions& options) {
  if (auto ok = check_size(input.bytes, options); !ok.ok()) return ok.error();
  html::DecodedText decoded = html::decode_to_utf8(input.bytes, input.http_charset);
  auto doc = html::parse_decoded(decoded, options.parse);
  if (!doc.ok()) return doc.error();
  return meta::extract_metadata(doc.value(), input.url, options.meta);
}

void to_record(PageResult&& result, std::string_view url, Record& record) {
  meta::Metadata& m = result.metadata;
  auto optional = [](std::optional<std::string>& v) {
    return v ? MetaValue(std::move(*v)) : MetaValue();
  };
  record.url = !url.empty() ? std::string(url) : m.url.value_or("");
  record.text = std::move(result.text);
  MetaFields& f = record.metadata;
  f.reserve(f.size() + 14);
  f.append("title", optional(m.title));
  f.append("author", optional(m.author));
  bool dated = m.date.has_value();
  f.append("date", optional(m.date));
  f.append("date_source", dated ? MetaValue(std::move(m.date_source)) : MetaValue());
  f.append("sitename", optional(m.sitename));
  f.append("sources", std::move(result.sources));
  f.append("description", optional(m.description));
  bool identified = result.language.has_value();
  f.append("language", optional(result.language));
  f.append("language_score", identified ? MetaValue(result.language_score) : MetaValue());
  f.append("tags", std::move(m.tags));
  f.append("image", optional(m.image));
  f.append("page_type", optional(m.page_type));
  f.append("extraction_stage", std::string(extract::to_string(result.content.stage)));
  f.append("charset", std::move(result.charset));
}

}  // namespace saring::page
