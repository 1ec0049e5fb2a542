// Composition of the per-document stages for one HTML page. Language is
// identified on the extracted text; when that is too short, on the title and
// description. The page's declared <html lang> only breaks near-ties: it wins
// when the model is unsure and ranks the declared language among its top
// guesses, because templates often declare a site default that is wrong for
// the article.
#include "saring/page.h"

#include "saring/lang.h"
#include "saring/text.h"

namespace saring::page {
namespace {

// Below this probability the model's first guess is open to the page's hint.
constexpr double kUnsureLanguageScore = 0.5;

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

void identify_language(PageResult& result) {
  auto identifier = lang::shared_identifier();
  if (!identifier.ok()) return;
  // The text itself when it has 20 words or more (no copy); else with the
  // title and description added.
  std::string sample;
  std::string_view input = result.text;
  if (!text::has_words(result.text, 20)) {
    sample = result.text;
    if (result.metadata.title) sample += "\n" + *result.metadata.title;
    if (result.metadata.description) sample += "\n" + *result.metadata.description;
    input = sample;
  }
  auto top = identifier.value()->identify_top(input, 3);
  if (top.empty()) return;
  const lang::Guess* chosen = &top.front();
  if (chosen->score < kUnsureLanguageScore && result.metadata.language_hint) {
    std::string hint = primary_subtag(*result.metadata.language_hint);
    for (const auto& g : top) {
      if (g.code == hint) chosen = &g;
    }
  }
  result.language = chosen->code;
  result.language_score = chosen->score;
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
  result.content = extract::extract_content(doc.value(), options.extract);
  result.text = options.output == OutputText::markdown ? extract::render_markdown(result.content)
                                                       : extract::render_text(result.content);
  result.metadata = meta::extract_metadata(doc.value(), url, options.meta);
  if (options.identify_language) identify_language(result);
  return result;
}

}  // namespace

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

void to_record(PageResult&& result, std::string_view url, Record& record) {
  meta::Metadata& m = result.metadata;
  auto optional = [](std::optional<std::string>& v) {
    return v ? MetaValue(std::move(*v)) : MetaValue();
  };
  record.url = !url.empty() ? std::string(url) : m.url.value_or("");
  record.text = std::move(result.text);
  MetaFields& f = record.metadata;
  f.append("title", optional(m.title));
  f.append("author", optional(m.author));
  bool dated = m.date.has_value();
  f.append("date", optional(m.date));
  f.append("date_source", dated ? MetaValue(std::move(m.date_source)) : MetaValue());
  f.append("sitename", optional(m.sitename));
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
