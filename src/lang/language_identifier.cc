// fastText behind saring's language-ID interface, with fastText's line reader
// replaced by a cached one that gives the same ids.
//
// The reference path (IdentifyOptions::use_predict_line) is the plain one: the
// text is cut at a UTF-8 boundary after max_bytes, control bytes become
// spaces, a newline is appended and fastText's predictLine scores the line.
// For a supervised model predictLine is Dictionary::getLine + predict:
//   - readWord splits on ' ', \n, \r, \t, \v, \f and \0 (every byte < 0x20 is
//     already a space here, so "byte <= 0x20" is the separator), and the
//     final newline yields the end-of-sentence token "</s>";
//   - each token maps to input ids: an in-vocabulary word to getSubwords(id)
//     (its id plus its character n-gram ids, or the id alone when maxn <= 0),
//     an out-of-vocabulary word to computeSubwords("<" + token + ">"), whose
//     n-gram hashes pass through the pruned model's unordered_map (the 8% of
//     extract's CPU this file exists to remove); label tokens add nothing;
//   - a "</s>" token, the final one or a literal one in the text, ends the
//     line after its ids are added;
//   - word n-gram ids are appended when the model's wordNgrams > 1;
//   - predict(k, ids) scores the ids in that order; probabilities are exp()
//     of its log-probabilities.
// The fast path does the same with public calls: it splits the text itself,
// looks each token's id list up in a per-thread open-addressing map keyed by
// the token bytes (computed with getId/getSubwords/computeSubwords on a miss),
// concatenates the lists and calls FastText::predict. The map only stores
// what a token would produce anyway, so answers never depend on its state.
// It keeps two generations (the older one dropped when the newer fills, a
// token found in the older one copied forward), which bounds its memory and
// keeps the words in use. Word n-grams cannot be
// rebuilt with the public API on a pruned model (the pruning map is
// protected), so a model with wordNgrams > 1 uses the reference path
// (lid.176 has wordNgrams = 1). tests/lang checks both paths give the same
// labels and bit-equal probabilities.
//
// Out-of-vocabulary tokens (every token on a cache miss, and tokens too long
// to cache, such as whole clauses of unspaced scripts) need their character
// n-grams: computeSubwords builds each n-gram as a std::string, hashes it from
// scratch and looks it up in the pruned model's std::unordered_map. NgramIndex
// does the same arithmetic in one pass (FNV-1a extended byte by byte as the
// n-gram grows) against a flat copy of that map, read from the model file
// (fastText 0.9's layout: header, args, dictionary, pruning pairs). The file's
// figures are checked against the loaded model's; on any mismatch the index
// stays unused and computeSubwords answers, so ids never depend on it.
//
// fastText reports errors by exceptions; they are caught here, at the edge.
#include "saring/lang.h"

#include <fasttext/fasttext.h>
#include <xxhash.h>

#include <atomic>
#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <tuple>
#include <utility>

#include "saring/text.h"

namespace saring::lang {

namespace {

// Sizes of the per-thread token cache.
struct CacheTuning {
  // Longer tokens (unspaced scripts give whole clauses) rarely recur: they are
  // computed each time rather than cached.
  size_t max_token_bytes = 64;
  // Per generation: open-addressing slots (a power of two), and the entry
  // count and cached-id count (int32) that end the generation. Load stays at
  // most one half; a generation holds at most about 7 MB (1 MB of slots, 4 MB
  // of ids, 2 MB of token bytes), usually far less.
  size_t slots = size_t{1} << 16;
  size_t max_entries = size_t{1} << 15;
  size_t max_ids = size_t{1} << 20;
};
constexpr CacheTuning kCache;

// Bytes of text counted first when checking min_words; the full count runs
// only when this prefix has too few words.
constexpr size_t kWordProbeBytes = 128;

constexpr std::string_view kLabelPrefix = "__label__";

std::atomic<uint64_t> next_instance{1};

// fastText's token separators after control bytes became spaces.
inline bool is_separator(unsigned char c) { return c <= 0x20; }

// One generation of the token cache: token bytes -> the input ids fastText's
// getLine appends for that token, in flat arrays (no allocation per entry).
class TokenTable {
 public:
  TokenTable() : slots_(kCache.slots) {}

  bool full(size_t more_ids) const {
    return entries_ >= kCache.max_entries || ids_.size() + more_ids > kCache.max_ids;
  }

  // The cached ids of `token`, or {nullptr, 0} when not cached.
  std::pair<const int32_t*, size_t> find(std::string_view token, uint64_t h) const {
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.key_size == 0) return {nullptr, 0};
      if (s.tag == tag && s.key_size == token.size() &&
          std::memcmp(keys_.data() + s.key_offset, token.data(), token.size()) == 0) {
        return {ids_.data() + s.ids_offset, s.ids_size};
      }
    }
  }

  // Caller checks full() first; `token` is not in the table.
  void insert(std::string_view token, uint64_t h, const int32_t* ids, size_t n) {
    size_t i = h & (slots_.size() - 1);
    while (slots_[i].key_size != 0) i = (i + 1) & (slots_.size() - 1);
    Slot& s = slots_[i];
    s.tag = static_cast<uint32_t>(h >> 32);
    s.key_offset = static_cast<uint32_t>(keys_.size());
    s.key_size = static_cast<uint16_t>(token.size());
    s.ids_offset = static_cast<uint32_t>(ids_.size());
    s.ids_size = static_cast<uint16_t>(n);
    keys_.append(token);
    ids_.insert(ids_.end(), ids, ids + n);
    ++entries_;
  }

  void clear() {
    if (entries_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    keys_.clear();
    ids_.clear();
    entries_ = 0;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high half of the hash (the low half picks the slot)
    uint32_t key_offset = 0;
    uint32_t ids_offset = 0;
    uint16_t key_size = 0;  // 0: empty slot (tokens are never empty)
    uint16_t ids_size = 0;
  };
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<int32_t> ids_;
  size_t entries_ = 0;
};

// Per-thread token cache in two generations: new tokens go to the young
// table; when it is full it becomes the old one and the previous old one is
// dropped; a token found in the old table is copied to the young one. Tokens
// in use survive a turnover, rare ones leave, and memory stays bounded.
class TokenIdCache {
 public:
  // Empties the cache when it belongs to another model instance.
  void bind(uint64_t owner) {
    if (owner_ != owner) {
      young_.clear();
      old_.clear();
      owner_ = owner;
    }
  }

  // Appends the cached ids of `token` to `out`; false when not cached.
  bool append(std::string_view token, uint64_t h, std::vector<int32_t>& out) {
    auto [ids, n] = young_.find(token, h);
    if (ids == nullptr) {
      std::tie(ids, n) = old_.find(token, h);
      if (ids == nullptr) return false;
      out.insert(out.end(), ids, ids + n);
      insert(token, h, out.data() + out.size() - n, n);  // from `out`: old_ may be dropped
      return true;
    }
    out.insert(out.end(), ids, ids + n);
    return true;
  }

  void insert(std::string_view token, uint64_t h, const int32_t* ids, size_t n) {
    if (token.empty() || token.size() > kCache.max_token_bytes || n > kCache.max_ids ||
        n > UINT16_MAX) {
      return;
    }
    if (young_.full(n)) {
      std::swap(young_, old_);
      young_.clear();
    }
    young_.insert(token, h, ids, n);
  }

 private:
  TokenTable young_, old_;
  uint64_t owner_ = 0;
};

// Per-thread working memory of the fast path.
struct ThreadState {
  TokenIdCache cache;
  std::vector<int32_t> ids;
  std::vector<int32_t> scratch;
  fasttext::Predictions predictions;
};

ThreadState& thread_state() {
  thread_local ThreadState state;
  return state;
}

// The text cut after max_bytes on a code point boundary.
std::string_view head(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// One line for predictLine: control characters turned into spaces, newline
// appended.
std::string flatten(std::string_view text) {
  std::string line;
  line.reserve(text.size() + 1);
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    line.push_back(u < 0x20 ? ' ' : c);
  }
  line.push_back('\n');
  return line;
}

// count_words(s) >= min_words. A prefix cut before a byte that starts a code
// point decodes exactly as the start of s (the UTF-8 decoder never consumes
// such a byte as part of an earlier sequence), so its word runs are runs of s
// or the start of one: its count never exceeds s's, and a short prefix that
// already has enough words settles the question.
bool has_min_words(std::string_view s, size_t min_words) {
  if (min_words == 0) return true;
  if (s.size() > kWordProbeBytes) {
    size_t cut = kWordProbeBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    if (text::count_words(s.substr(0, cut)) >= min_words) return true;
  }
  return text::count_words(s) >= min_words;
}


// fastText's pruned n-gram table and the subword arithmetic of
// Dictionary::computeSubwords, without allocation (see the top of the file).
class NgramIndex {
 public:
  // Reads the table from the model file at `path`. False when the file does
  // not match what fastText loaded from it (then the index is not used).
  bool load(const std::string& path, const fasttext::Args& args, int32_t nwords, int32_t nlabels,
            int64_t ntokens) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    const std::streamoff file_size = in.tellg();
    if (file_size <= 0) return false;
    std::string bytes(static_cast<size_t>(file_size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), file_size)) return false;
    Reader r{bytes};
    // Header: magic and version; then Args::save: twelve int32 fields and a double.
    int32_t magic = 0, version = 0;
    int32_t a[12] = {};
    double t = 0;
    if (!r.get(magic) || !r.get(version) || magic != kFastTextMagic) return false;
    for (int32_t& v : a)
      if (!r.get(v)) return false;
    if (!r.get(t)) return false;
    // dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn.
    if (a[0] != args.dim || a[5] != args.wordNgrams || a[8] != args.bucket ||
        a[9] != args.minn || a[10] != args.maxn)
      return false;
    // Dictionary::save: size, nwords, nlabels, ntokens, pruneidx size, the
    // entries (word, NUL, int64 count, int8 type), then the pruning pairs.
    int32_t size = 0, file_nwords = 0, file_nlabels = 0;
    int64_t file_ntokens = 0, pruned = 0;
    if (!r.get(size) || !r.get(file_nwords) || !r.get(file_nlabels) || !r.get(file_ntokens) ||
        !r.get(pruned))
      return false;
    if (file_nwords != nwords || file_nlabels != nlabels || file_ntokens != ntokens ||
        size != nwords + nlabels || args.bucket <= 0)
      return false;
    for (int32_t i = 0; i < size; ++i) {
      size_t nul = bytes.find('\0', r.at);
      if (nul == std::string::npos) return false;
      r.at = nul + 1;
      if (!r.skip(sizeof(int64_t) + sizeof(int8_t))) return false;
    }
    if (pruned > 0) {
      if (static_cast<uint64_t>(pruned) > (bytes.size() - r.at) / 8) return false;
      size_t slots = 16;
      while (slots < static_cast<size_t>(pruned) * 2) slots *= 2;
      keys_.assign(slots, -1);
      values_.assign(slots, 0);
      for (int64_t i = 0; i < pruned; ++i) {
        int32_t key = 0, value = 0;
        if (!r.get(key) || !r.get(value) || key < 0) return false;
        size_t s = slot(key);
        while (keys_[s] != -1 && keys_[s] != key) s = (s + 1) & (keys_.size() - 1);
        keys_[s] = key;  // a repeated key keeps its last value, as the map does
        values_[s] = value;
      }
    }
    pruned_ = pruned;
    nwords_ = nwords;
    bucket_ = static_cast<uint32_t>(args.bucket);
    minn_ = args.minn;
    maxn_ = args.maxn;
    return true;
  }

  // computeSubwords("<" + token + ">", out): the character n-grams of
  // minn..maxn code points (UTF-8 lead byte plus its continuation bytes),
  // except the lone brackets, each hashed with fastText's FNV-1a over signed
  // bytes, taken modulo the bucket count and mapped through the pruning table.
  void append_subwords(std::string_view token, std::vector<int32_t>& out) const {
    if (pruned_ == 0) return;  // a model pruned of every n-gram
    const size_t size = token.size() + 2;
    auto at = [&](size_t k) -> char {
      return k == 0 ? '<' : (k == size - 1 ? '>' : token[k - 1]);
    };
    auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    auto mix = [](uint32_t h, char c) {
      return (h ^ static_cast<uint32_t>(static_cast<int8_t>(c))) * 16777619u;
    };
    for (size_t i = 0; i < size; ++i) {
      if (continuation(at(i))) continue;
      uint32_t h = 2166136261u;
      size_t j = i;
      for (int32_t n = 1; j < size && n <= maxn_; ++n) {
        h = mix(h, at(j++));
        while (j < size && continuation(at(j))) h = mix(h, at(j++));
        if (n >= minn_ && !(n == 1 && (i == 0 || j == size))) push(static_cast<int32_t>(h % bucket_), out);
      }
    }
  }

 private:
  static constexpr int32_t kFastTextMagic = 793712314;

  struct Reader {
    const std::string& bytes;
    size_t at = 0;
    template <class T>
    bool get(T& v) {
      if (bytes.size() - at < sizeof(T)) return false;
      std::memcpy(&v, bytes.data() + at, sizeof(T));
      at += sizeof(T);
      return true;
    }
    bool skip(size_t n) {
      if (bytes.size() - at < n) return false;
      at += n;
      return true;
    }
  };

  size_t slot(int32_t key) const {
    return static_cast<size_t>((static_cast<uint64_t>(static_cast<uint32_t>(key)) *
                                0x9E3779B97F4A7C15ull) >> 40) & (keys_.size() - 1);
  }
  // Dictionary::pushHash.
  void push(int32_t id, std::vector<int32_t>& out) const {
    if (id < 0) return;
    if (pruned_ > 0) {
      size_t s = slot(id);
      while (keys_[s] != id) {
        if (keys_[s] == -1) return;  // pruned away
        s = (s + 1) & (keys_.size() - 1);
      }
      id = values_[s];
    }
    out.push_back(nwords_ + id);
  }

  int64_t pruned_ = -1;  // < 0: not pruned, every bucket is a row
  int32_t nwords_ = 0;
  uint32_t bucket_ = 1;
  int32_t minn_ = 0, maxn_ = 0;
  std::vector<int32_t> keys_, values_;  // open addressing, -1 = empty
};

}  // namespace

struct LanguageIdentifier::Impl {
  fasttext::FastText model;
  std::shared_ptr<const fasttext::Dictionary> dict;
  uint64_t instance = 0;
  bool fast_path = false;         // the model's args allow exact reproduction
  bool subwords = true;           // maxn > 0
  std::vector<std::string> codes; // label id -> code ("__label__" removed)
  std::vector<int32_t> eos_ids;   // ids of the end-of-line token "</s>"
  NgramIndex ngrams;
  bool have_ngrams = false;       // ngrams loaded and consistent with the model

  void prepare();
  bool ngrams_agree() const;
  void compute_token_ids(const std::string& token, std::vector<int32_t>& out) const;
  void line_ids(std::string_view text, ThreadState& state) const;
  std::vector<Guess> identify_fast(std::string_view text, int k) const;
  std::vector<Guess> identify_predict_line(std::string_view text, int k) const;
};

namespace {

std::string label_to_code(const std::string& label) {
  return label.rfind(kLabelPrefix, 0) == 0 ? label.substr(kLabelPrefix.size()) : label;
}

double to_score(fasttext::real prob) { return prob > 1.0 ? 1.0 : static_cast<double>(prob); }

}  // namespace

void LanguageIdentifier::Impl::prepare() {
  instance = next_instance.fetch_add(1);
  dict = model.getDictionary();
  const fasttext::Args args = model.getArgs();
  fast_path = args.model == fasttext::model_name::sup && args.wordNgrams <= 1;
  subwords = args.maxn > 0;
  if (!fast_path) return;
  codes.clear();
  for (int32_t i = 0; i < dict->nlabels(); ++i) codes.push_back(label_to_code(dict->getLabel(i)));
  eos_ids.clear();
  compute_token_ids(fasttext::Dictionary::EOS, eos_ids);
}

// A last check of the loaded index against fastText itself, on tokens of
// one- to four-byte characters.
bool LanguageIdentifier::Impl::ngrams_agree() const {
  for (const std::string token : {"saringan", "e", "\xC3\xA9t\xC3\xA9", "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97",
                                  "\xF0\x9F\x98\x80x", "\xFF\x80" "ab"}) {
    std::vector<int32_t> ours, theirs;
    ngrams.append_subwords(token, ours);
    dict->computeSubwords(fasttext::Dictionary::BOW + token + fasttext::Dictionary::EOW, theirs);
    if (ours != theirs) return false;
  }
  return true;
}

// Dictionary::getLine's work for one token (addSubwords, labels skipped).
void LanguageIdentifier::Impl::compute_token_ids(const std::string& token,
                                                 std::vector<int32_t>& out) const {
  int32_t wid = dict->getId(token);
  fasttext::entry_type type = wid < 0 ? dict->getType(token) : dict->getType(wid);
  if (type != fasttext::entry_type::word) return;
  if (wid < 0) {
    if (token != fasttext::Dictionary::EOS) {
      if (have_ngrams) ngrams.append_subwords(token, out);
      else dict->computeSubwords(fasttext::Dictionary::BOW + token + fasttext::Dictionary::EOW, out);
    }
  } else if (!subwords) {
    out.push_back(wid);
  } else {
    const std::vector<int32_t>& ngrams = dict->getSubwords(wid);
    out.insert(out.end(), ngrams.begin(), ngrams.end());
  }
}

// The ids getLine produces for `text` followed by a newline.
void LanguageIdentifier::Impl::line_ids(std::string_view text, ThreadState& state) const {
  state.ids.clear();
  state.cache.bind(instance);
  const std::string_view eos = fasttext::Dictionary::EOS;
  const char* p = text.data();
  const char* end = p + text.size();
  std::string token;
  while (true) {
    while (p < end && is_separator(static_cast<unsigned char>(*p))) ++p;
    if (p == end) break;
    const char* start = p;
    while (p < end && !is_separator(static_cast<unsigned char>(*p))) ++p;
    std::string_view word(start, static_cast<size_t>(p - start));
    if (word == eos) break;  // ends the line like the newline's "</s>"
    uint64_t h = XXH3_64bits(word.data(), word.size());
    if (state.cache.append(word, h, state.ids)) continue;
    token.assign(word);
    state.scratch.clear();
    compute_token_ids(token, state.scratch);
    state.cache.insert(word, h, state.scratch.data(), state.scratch.size());
    state.ids.insert(state.ids.end(), state.scratch.begin(), state.scratch.end());
  }
  state.ids.insert(state.ids.end(), eos_ids.begin(), eos_ids.end());
}

std::vector<Guess> LanguageIdentifier::Impl::identify_fast(std::string_view text, int k) const {
  std::vector<Guess> out;
  ThreadState& state = thread_state();
  line_ids(text, state);
  state.predictions.clear();
  try {
    model.predict(k, state.ids, state.predictions, 0.0);
  } catch (const std::exception&) {
    return out;
  }
  out.reserve(state.predictions.size());
  for (const auto& [log_prob, label] : state.predictions) {
    // getLabel() would throw here, and predictLine's answer would be empty.
    if (label < 0 || static_cast<size_t>(label) >= codes.size()) return {};
    fasttext::real prob = std::exp(log_prob);  // float exp, as predictLine
    out.push_back({codes[static_cast<size_t>(label)], to_score(prob)});
  }
  return out;
}

std::vector<Guess> LanguageIdentifier::Impl::identify_predict_line(std::string_view text,
                                                                    int k) const {
  std::vector<Guess> out;
  std::istringstream in(flatten(text));
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  try {
    model.predictLine(in, predictions, k, 0.0);
  } catch (const std::exception&) {
    return out;
  }
  for (auto& [prob, label] : predictions) out.push_back({label_to_code(label), to_score(prob)});
  return out;
}

LanguageIdentifier::LanguageIdentifier() : impl_(std::make_unique<Impl>()) {}
LanguageIdentifier::~LanguageIdentifier() = default;

Result<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::load(const std::string& path) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    return make_error(ErrorCode::io, "language model not found: " + path);
  }
  std::unique_ptr<LanguageIdentifier> id(new LanguageIdentifier());
  try {
    id->impl_->model.loadModel(path);
    id->impl_->prepare();
    Impl& impl = *id->impl_;
    if (impl.fast_path && impl.subwords) {
      impl.have_ngrams = impl.ngrams.load(path, impl.model.getArgs(), impl.dict->nwords(),
                                          impl.dict->nlabels(), impl.dict->ntokens()) &&
                         impl.ngrams_agree();
    }
  } catch (const std::exception& e) {
    return make_error(ErrorCode::parse, "cannot load language model " + path + ": " + e.what());
  }
  return id;
}

std::vector<Guess> LanguageIdentifier::identify_top(std::string_view text, int k,
                                                    const IdentifyOptions& options) const {
  if (k <= 0 || !has_min_words(text.substr(0, std::min(text.size(), options.max_bytes)),
                               options.min_words)) {
    return {};
  }
  std::string_view line = head(text, options.max_bytes);
  if (options.use_predict_line || !impl_->fast_path) return impl_->identify_predict_line(line, k);
  return impl_->identify_fast(line, k);
}

Guess LanguageIdentifier::identify(std::string_view text, const IdentifyOptions& options) const {
  auto top = identify_top(text, 1, options);
  return top.empty() ? Guess{} : std::move(top.front());
}

namespace {
// set_default_model_path()'s path, read and written under its mutex.
std::mutex embedder_model_mutex;
std::string embedder_model_path;

constexpr std::string_view kModelFile = "lid.176.ftz";

// Where an installed binary finds the model, relative to its own folder: the
// layout of `cmake --install` (<prefix>/bin, <prefix>/share/saring by default)
// and of the Python package (saring/bin, saring/data).
constexpr std::string_view kModelDirsNextToBinary[] = {SARING_MODEL_DIR_FROM_BINARY, "../data"};

std::filesystem::path executable_dir() {
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

void set_default_model_path(std::string path) {
  std::lock_guard<std::mutex> lock(embedder_model_mutex);
  embedder_model_path = std::move(path);
}

std::string default_model_path() {
  if (const char* env = std::getenv("SARING_LID_MODEL"); env && *env) return env;
  {
    std::lock_guard<std::mutex> lock(embedder_model_mutex);
    if (!embedder_model_path.empty()) return embedder_model_path;
  }
  if (const auto exe_dir = executable_dir(); !exe_dir.empty()) {
    for (std::string_view dir : kModelDirsNextToBinary) {
      const auto candidate = (exe_dir / dir / kModelFile).lexically_normal();
      std::error_code error;
      if (std::filesystem::is_regular_file(candidate, error)) return candidate.string();
    }
  }
  return std::string(SARING_DATA_DIR) + "/" + std::string(kModelFile);
}

Result<const LanguageIdentifier*> shared_identifier() {
  static std::once_flag once;
  // Never destroyed: tearing down the model's maps at exit took longer than
  // loading it, and the process is ending anyway.
  static LanguageIdentifier* identifier = nullptr;
  static Error error{ErrorCode::internal, ""};
  std::call_once(once, [] {
    auto loaded = LanguageIdentifier::load(default_model_path());
    if (loaded.ok()) identifier = loaded.value().release();
    else error = loaded.error();
  });
  if (identifier) return static_cast<const LanguageIdentifier*>(identifier);
  return error;
}

Result<const LanguageIdentifier*> require_shared_identifier() {
  auto shared = shared_identifier();
  if (shared.ok()) return shared;
  return make_error(shared.error().code,
                    "language identification needs the fastText model (" + shared.error().message +
                        "): install it with scripts/fetch-model.sh or set SARING_LID_MODEL to its "
                        "path, or turn language identification off (--no-language; language=False "
                        "in Python)");
}

}  // namespace saring::lang
