// Language identification, shared by every command. One interface, with
// fastText's lid.176 model behind it today (scripts/fetch-model.sh installs
// data/lid.176.ftz). A page's declared `lang` attribute is a hint for callers,
// not an input here: the answer comes from the text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "saring/result.h"

namespace saring::lang {

struct Guess {
  std::string code;    // ISO 639 code as the model names it ("en", "id", "zh")
  double score = 0.0;  // model probability in [0, 1]
};

struct IdentifyOptions {
  // Only the first max_bytes of the text are read: beyond a few KB the answer
  // no longer changes, and the cost would grow with the document. Measured on
  // the texts saring extracts from the 2,668 gold-set pages: the 2 KB answer
  // differs from the 4 KB one on 2 pages (neither confident at 4 KB) and costs
  // half as much; at 16 KB language ID took a third of `saring extract`'s time.
  size_t max_bytes = 2 * 1024;
  // Texts with fewer word units than this get no guess (too little evidence).
  size_t min_words = 3;
  // Verification only: score with fastText's own predictLine (the reference
  // path, slower) instead of saring's cached tokenizer. Both give the same
  // codes and bit-equal scores (tests/lang checks it).
  bool use_predict_line = false;
};

// Thread-safe once loaded: identify() may be called from many threads.
class LanguageIdentifier {
 public:
  // Loads a fastText model file. Fails with a clear error when the file is
  // missing or is not a fastText model.
  static Result<std::unique_ptr<LanguageIdentifier>> load(const std::string& model_path);

  ~LanguageIdentifier();

  // Best guess, or an empty code when the text gives too little evidence.
  Guess identify(std::string_view text, const IdentifyOptions& options = {}) const;

  // Top-k guesses, best first.
  std::vector<Guess> identify_top(std::string_view text, int k,
                                  const IdentifyOptions& options = {}) const;

 private:
  LanguageIdentifier();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where the model is looked for, first match wins: $SARING_LID_MODEL; the
// path given to set_default_model_path(); next to the running executable,
// <exe_dir>/../share/saring/lid.176.ftz (`cmake --install`) or
// <exe_dir>/../data/lid.176.ftz (the Python package), when the file is there;
// else the data directory chosen at build time (<repo>/data/lid.176.ftz).
std::string default_model_path();

// The model an embedder ships (the Python package sets its packaged copy at
// import). Process-wide; takes effect for a shared identifier not yet loaded.
// An empty path removes it.
void set_default_model_path(std::string path);

// Process-wide identifier loaded once from default_model_path(); an error
// when the model cannot be loaded.
Result<const LanguageIdentifier*> shared_identifier();

// shared_identifier() for a caller that identifies languages: the one error
// every door gives without the model (saring extract, clean and run stop
// before reading any input; Python raises). It names the path tried and the
// ways out: scripts/fetch-model.sh, SARING_LID_MODEL, or language ID off
// (--no-language; language=False in Python).
Result<const LanguageIdentifier*> require_shared_identifier();

}  // namespace saring::lang
