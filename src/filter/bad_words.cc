// C4's bad-words rule: one RE2 alternation compiled once per list (RE2 runs in
// linear time whatever the list, so a long list costs one pass over the text).
#include <re2/re2.h>

#include "filter_internal.h"
#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::filter {

BadWordsMatcher::BadWordsMatcher(std::unique_ptr<re2::RE2> re) : re_(std::move(re)) {}
BadWordsMatcher::~BadWordsMatcher() = default;

bool BadWordsMatcher::matches(std::string_view lowered) const {
  return re2::RE2::PartialMatch(re2::StringPiece(lowered.data(), lowered.size()), *re_);
}

Result<std::shared_ptr<const BadWordsMatcher>> compile_bad_words(const std::vector<std::string>& words) {
  std::string spaced, unspaced;
  for (const std::string& raw : words) {
    std::string w = text::to_lower(utf8::make_valid(raw));
    if (w.empty()) continue;
    size_t pos = 0;
    char32_t first = utf8::next(w, pos);
    std::string& alt = text::is_unspaced_script(first) ? unspaced : spaced;
    if (!alt.empty()) alt.push_back('|');
    alt += re2::RE2::QuoteMeta(w);
  }
  std::string pattern;
  if (!spaced.empty()) {
    pattern.append("(?:^|[^\\pL\\pN_])(?:");
    pattern.append(spaced);
    pattern.append(")(?:$|[^\\pL\\pN_])");
  }
  if (!unspaced.empty()) {
    if (!pattern.empty()) pattern.push_back('|');
    pattern.append("(?:");
    pattern.append(unspaced);
    pattern.push_back(')');
  }
  re2::RE2::Options opts;
  opts.set_max_mem(int64_t{256} << 20);
  opts.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(pattern.empty() ? std::string("[^\\x00-\\x{10FFFF}]") : pattern, opts);
  if (!re->ok())
    return make_error(ErrorCode::invalid_input, "filter: bad-words list does not compile: " + re->error());
  return std::shared_ptr<const BadWordsMatcher>(std::make_shared<BadWordsMatcher>(std::move(re)));
}

}  // namespace saring::filter
