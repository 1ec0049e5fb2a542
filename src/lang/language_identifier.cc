// fastText behind saring's language-ID interface.
//
// The text is flattened to one line (fastText reads up to a newline), cut at a
// UTF-8 boundary after max_bytes, and scored by the supervised model; the
// label "__label__xx" becomes "xx". fastText's predictLine keeps its state on
// the stack, so one loaded model serves every thread. fastText reports errors
// by exceptions; they are caught here, at the library edge.
#include "saring/lang.h"

#include <fasttext/fasttext.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::lang {

struct LanguageIdentifier::Impl {
  fasttext::FastText model;
};

LanguageIdentifier::LanguageIdentifier() : impl_(std::make_unique<Impl>()) {}
LanguageIdentifier::~LanguageIdentifier() = default;

Result<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::load(const std::string& path) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    return make_error(ErrorCode::io, "language model not found: " + path +
                                         " (run scripts/fetch-model.sh)");
  }
  std::unique_ptr<LanguageIdentifier> id(new LanguageIdentifier());
  try {
    id->impl_->model.loadModel(path);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::parse, "cannot load language model " + path + ": " + e.what());
  }
  return id;
}

namespace {

// One line of at most max_bytes, cut on a code point boundary, newlines and
// other control characters turned into spaces.
std::string flatten(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::string line;
  line.reserve(text.size() + 1);
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    line.push_back(u < 0x20 ? ' ' : c);
  }
  line.push_back('\n');
  return line;
}

}  // namespace

std::vector<Guess> LanguageIdentifier::identify_top(std::string_view text, int k,
                                                    const IdentifyOptions& options) const {
  std::vector<Guess> out;
  if (k <= 0 || text::count_words(text.substr(0, std::min(text.size(), options.max_bytes))) <
                    options.min_words) {
    return out;
  }
  std::istringstream in(flatten(text, options.max_bytes));
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  try {
    impl_->model.predictLine(in, predictions, k, 0.0);
  } catch (const std::exception&) {
    return out;
  }
  constexpr std::string_view kPrefix = "__label__";
  for (auto& [prob, label] : predictions) {
    std::string code = label.rfind(kPrefix, 0) == 0 ? label.substr(kPrefix.size()) : label;
    double score = prob > 1.0 ? 1.0 : static_cast<double>(prob);
    out.push_back({std::move(code), score});
  }
  return out;
}

Guess LanguageIdentifier::identify(std::string_view text, const IdentifyOptions& options) const {
  auto top = identify_top(text, 1, options);
  return top.empty() ? Guess{} : std::move(top.front());
}

std::string default_model_path() {
  if (const char* env = std::getenv("SARING_LID_MODEL"); env && *env) return env;
  return std::string(SARING_DATA_DIR) + "/lid.176.ftz";
}

Result<const LanguageIdentifier*> shared_identifier() {
  static std::once_flag once;
  static std::unique_ptr<LanguageIdentifier> identifier;
  static Error error{ErrorCode::internal, ""};
  std::call_once(once, [] {
    auto loaded = LanguageIdentifier::load(default_model_path());
    if (loaded.ok()) identifier = std::move(loaded.value());
    else error = loaded.error();
  });
  if (identifier) return static_cast<const LanguageIdentifier*>(identifier.get());
  return error;
}

}  // namespace saring::lang
