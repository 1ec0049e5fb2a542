// Agencies a text credits (saring/agencies.h). The text is read as word
// tokens once; only where a token starts an agency name is its neighbourhood
// looked at, so the cost is one table lookup per word.
#include "saring/agencies.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "saring/text.h"
#include "saring/utf8.h"

namespace saring::meta {
namespace {

// A news agency: a lowercase form that names it and its canonical name.
struct Agency {
  std::string_view form;
  std::string_view name;
  bool needs_case;  // only in capitals (AP, AA: common words otherwise)
};

constexpr Agency kAgencies[] = {
    {"antara", "Antara", false}, {"antaranews", "Antara", false}, {"ant", "Antara", false},
    {"reuters", "Reuters", false}, {"rtr", "Reuters", false},
    {"afp", "AFP", false}, {"agence france-presse", "AFP", false},
    {"agence france presse", "AFP", false}, {"ap", "AP", true},
    {"associated press", "AP", false}, {"dpa", "dpa", false}, {"epa", "EPA", true},
    {"bernama", "Bernama", false}, {"xinhua", "Xinhua", false}, {"kyodo", "Kyodo", false},
    {"共同", "Kyodo", false}, {"共同社", "Kyodo", false}, {"jiji", "Jiji", false},
    {"時事", "Jiji", false}, {"tass", "TASS", false}, {"тасс", "TASS", false},
    {"タス", "TASS", false}, {"塔斯社", "TASS", false},
    {"ria novosti", "RIA Novosti", false}, {"риа новости", "RIA Novosti", false},
    {"interfax", "Interfax", false}, {"интерфакс", "Interfax", false}, {"efe", "EFE", false},
    {"europa press", "Europa Press", false}, {"ansa", "ANSA", false}, {"pap", "PAP", true},
    {"anadolu", "Anadolu", false}, {"anadolu ajansı", "Anadolu", false}, {"aa", "Anadolu", true},
    {"yonhap", "Yonhap", false}, {"聯合", "Yonhap", false}, {"韩联社", "Yonhap", false},
    {"upi", "UPI", true}, {"aap", "AAP", true}, {"kna", "KNA", true}, {"epd", "epd", false},
    {"apa", "APA", true}, {"sda", "SDA", true}, {"keystone-sda", "Keystone-SDA", false},
    {"belga", "Belga", false}, {"anp", "ANP", true}, {"bloomberg", "Bloomberg", false},
    {"ブルームバーグ", "Bloomberg", false}, {"彭博社", "Bloomberg", false},
    {"lusa", "Lusa", false}, {"agencia brasil", "Agência Brasil", false},
    {"agência brasil", "Agência Brasil", false}, {"bbc", "BBC", true}, {"cnn", "CNN", true},
    {"kompas.com", "Kompas", false}, {"路透社", "Reuters", false}, {"ロイター", "Reuters", false},
    {"新华社", "Xinhua", false}, {"新華社", "Xinhua", false}, {"法新社", "AFP", false},
    {"美联社", "AP", false},
};
constexpr size_t kMaxFormWords = 3;

// Attribution words shortly before an agency in the same sentence
// (lowercase): "dilansir", "told", "laut", "selon", "сообщает", ...
constexpr std::string_view kCueBefore[] = {
    // id, ms
    "dilansir", "melansir", "dikutip", "mengutip", "menurut", "kepada", "dilaporkan",
    "melaporkan", "laporan", "berita", "memetik", "dipetik", "diberitakan", "sumber",
    // en
    "told", "telling", "according", "reported", "reporting", "quoted", "cited", "interview",
    "speaking", "spoke", "talking", "source", "agency", "wire",
    // de
    "laut", "berichtet", "berichtete", "berichteten", "meldet", "meldete", "meldeten",
    "gegenüber", "zitiert", "nachrichtenagentur", "agentur", "angaben", "quelle", "sagte",
    "erklärte",
    // fr
    "selon", "rapporte", "rapporté", "indiqué", "déclaré", "cité", "citée", "agence", "confié",
    "affirmé", "expliqué",
    // es, pt, it
    "según", "informó", "informa", "dijo", "agencia", "citado", "citada", "declaró", "reportó",
    "fuente", "señaló", "segundo", "agência", "disse", "informou", "afirmou", "fonte", "acordo",
    "secondo", "agenzia", "riferisce", "riporta", "detto", "riferito", "dichiarato",
    // nl, pl
    "volgens", "persbureau", "meldt", "meldde", "zei", "tegen", "bron", "nieuwsagentschap",
    "według", "agencja", "agencji", "agencję", "podała", "poinformowała", "powiedział",
    "powiedziała", "źródło", "podaje",
    // ru, tr
    "сообщает", "сообщил", "сообщила", "сообщило", "сообщили", "передает", "передаёт",
    "агентство", "агентства", "агентству", "данным", "сообщению", "ссылкой", "заявил",
    "заявила", "рассказал", "рассказала", "пишет", "источник", "интервью",
    "ajansı", "ajansına", "kaynak", "muhabirine",
};

// Reporting words shortly after an agency: "AFP melaporkan", "Reuters
// reported", "dpa zufolge", "AA muhabirine", ...
constexpr std::string_view kCueAfter[] = {
    "melaporkan", "melansir", "memberitakan", "mengabarkan", "mewartakan", "reported",
    "reports", "reporting", "agency", "quoted", "berichtet", "berichtete", "meldet",
    "meldete", "zufolge", "rapporte", "rapporté", "informó", "informa", "reportó",
    "informou", "noticiou", "divulgou", "riferisce", "riporta", "riportato", "meldt",
    "meldde", "podała", "podaje", "informuje", "poinformowała", "сообщает", "сообщило",
    "передает", "передаёт", "пишет", "göre", "bildirdi", "haberine", "haberinde",
    "muhabirine", "konuşan", "konuştu",
};
constexpr size_t kCueBeforeWords = 5;  // how far back an attribution word may stand
constexpr size_t kCueAfterWords = 3;   // how far on a reporting word may stand
constexpr size_t kDatelineWords = 6;   // a dateline's agency stands among a line's first words
constexpr size_t kBracketBytes = 48;   // longest "(ANTARA/Reuters/ant)" group

// Japanese and Chinese credits, where no spaces delimit words: the agency
// (group 1, 2 or 3) with its attribution ("によると", "据 ... 报道") or in a
// dateline bracket ("【ワシントン共同】").
constexpr std::string_view kCjkCredit =
    R"re((?:(ロイター|共同|時事|新華社|AFP|AP|聯合|タス|ブルームバーグ)(?:通信社?|ニュース)?)re"
    R"re((?:によると|が報じた|は報じた|が伝えた|は伝えた|の取材に))|)re"
    R"re((?:(?:据|援引|根据)(路透社|新华社|法新社|美联社|共同社|塔斯社|韩联社|彭博社))|)re"
    R"re((?:【[^】]{1,20}?[=＝]?(共同|時事|ロイター|新華社)】))re";

// ASCII letters lowercased; other bytes as they are.
constexpr unsigned char lower_byte(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

struct Tables {
  std::unordered_map<std::string_view, const Agency*> by_form;
  std::unordered_set<std::string_view> first_words, cue_before, cue_after;
  // A word can start an agency name only if some first word has its byte
  // length and (ASCII) its first two letters: bit L of starts[slot of the two
  // letters] says length L occurs; words starting outside ASCII are looked up
  // by length alone. Most words of a text fail this test, so few are
  // lowercased and hashed.
  static constexpr size_t kSlots = 4096, kMaxLength = 31;
  std::array<uint32_t, kSlots> starts{};
  uint32_t non_ascii_lengths = 0;

  static size_t slot(unsigned char a, unsigned char b) {
    return (static_cast<size_t>(lower_byte(a)) * 131 + lower_byte(b)) % kSlots;
  }
  bool may_start(std::string_view word) const {
    if (word.size() < 2 || word.size() > kMaxLength) return false;
    auto a = static_cast<unsigned char>(word[0]), b = static_cast<unsigned char>(word[1]);
    uint32_t lengths = a >= 0x80 ? non_ascii_lengths : starts[slot(a, b)];
    return (lengths >> word.size()) & 1u;
  }

  Tables() {
    for (const Agency& a : kAgencies) {
      by_form.emplace(a.form, &a);
      std::string_view first = a.form.substr(0, a.form.find(' '));
      first_words.insert(first);
      auto c0 = static_cast<unsigned char>(first[0]);
      uint32_t bit = first.size() <= kMaxLength ? 1u << first.size() : 0;
      if (c0 >= 0x80) non_ascii_lengths |= bit;
      else starts[slot(c0, static_cast<unsigned char>(first[1]))] |= bit;
    }
    cue_before.insert(std::begin(kCueBefore), std::end(kCueBefore));
    cue_after.insert(std::begin(kCueAfter), std::end(kCueAfter));
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// Compiled on the first text with ideographs or kana: most runs see none.
const RE2& cjk_credit() {
  static const RE2 re{kCjkCredit};
  return re;
}

bool has_ascii_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The agency a lowercase form names, honouring forms that need capitals
// (`original` is the text as written).
std::optional<std::string_view> lookup(std::string_view lower, std::string_view original) {
  const auto& t = tables();
  auto it = t.by_form.find(lower);
  if (it == t.by_form.end()) return std::nullopt;
  if (it->second->needs_case && has_ascii_lower(original)) return std::nullopt;
  return it->second->name;
}

void add_unique(std::vector<std::string>& sources, std::string_view name) {
  if (std::find(sources.begin(), sources.end(), name) == sources.end()) sources.emplace_back(name);
}

bool ends_sentence(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case ';': case '\n': case 0x3002: case 0xFF01: case 0xFF1F:
      return true;
    default:
      return false;
  }
}

// ASCII bytes that are word characters, and those that end a sentence.
// (word[] spans all 256 bytes, false from 0x80 on, so a run of ASCII word
// characters is one lookup a byte.)
struct AsciiBytes {
  bool word[256] = {}, stop[128] = {};
  constexpr AsciiBytes() {
    for (int c = 0; c < 128; ++c)
      word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    for (unsigned char c : {'.', '!', '?', ';', '\n'}) stop[c] = true;
  }
};
constexpr AsciiBytes kAscii;

// A word of the text: bytes [begin, end), letters and digits with inner '-'
// and '.' ("France-Presse", "KOMPAS.com").
struct Word {
  size_t begin = 0, end = 0;
  size_t sentence = 0;   // sentences (and lines) counted from 0
  size_t line_word = 0;  // position among the words of its line
};

// Reads the words of a text one at a time, in one pass (ASCII bytes by table,
// other characters decoded); a copy reads ahead without moving the original.
class WordReader {
 public:
  explicit WordReader(std::string_view s) : s_(s) {}

  bool next(Word& w) {
    // Locals, so the byte loops keep their state in registers.
    const char* d = s_.data();
    const size_t n = s_.size();
    size_t pos = pos_;
    while (pos < n) {  // to the next word character
      auto c = static_cast<unsigned char>(d[pos]);
      if (c < 0x80) {
        if (kAscii.word[c]) break;
        if (kAscii.stop[c]) {
          ++sentence_;
          if (c == '\n') line_word_ = 0;
        }
        ++pos;
        continue;
      }
      size_t p = pos;
      char32_t cp = utf8::next(s_, p);
      if (text::is_word_char(cp)) break;
      sentence_ += ends_sentence(cp);
      pos = p;
    }
    if (pos >= n) {
      pos_ = pos;
      return false;
    }
    w = Word{pos, pos, sentence_, line_word_++};
    while (pos < n) {
      while (pos < n && kAscii.word[static_cast<unsigned char>(d[pos])]) ++pos;
      if (pos >= n) break;
      auto c = static_cast<unsigned char>(d[pos]);
      if (c < 0x80) {
        if ((c == '-' || c == '.') && word_char_at(pos + 1)) {
          ++pos;
          continue;
        }
        break;
      }
      cjk_ |= c >= 0xE3 && c <= 0xE9;
      size_t p = pos;
      if (!text::is_word_char(utf8::next(s_, p))) break;
      pos = p;
    }
    w.end = pos;
    pos_ = pos;
    return true;
  }

  // Whether ideographs or kana (U+3000..U+9FFF, lead bytes E3..E9) were read.
  bool cjk() const { return cjk_; }

 private:
  bool word_char_at(size_t p) const {
    if (p >= s_.size()) return false;
    auto c = static_cast<unsigned char>(s_[p]);
    if (c < 0x80) return kAscii.word[c];
    return text::is_word_char(utf8::next(s_, p));
  }

  std::string_view s_;
  size_t pos_ = 0, sentence_ = 0, line_word_ = 0;
  bool cjk_ = false;
};

std::string lower_of(std::string_view s) { return text::to_lower(s); }

// lower_of() into a reused buffer, without a call for ASCII words (most words).
void lower_into(std::string_view s, std::string& out) {
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    out = text::to_lower(s);
    return;
  }
  out.assign(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

// Is the bracket group around [begin, end) made only of agencies and editor
// initials, like "(ANTARA)" or "(ant/dil)"?
bool bracketed_credit(std::string_view s, size_t begin, size_t end) {
  size_t open = s.find_last_of("([\n", begin);
  if (open == std::string_view::npos || s[open] == '\n' || begin - open > kBracketBytes) return false;
  if (s.substr(open + 1, begin - open - 1).find_first_of(")]") != std::string_view::npos) return false;
  size_t close = s.find_first_of(")]\n", end);
  if (close == std::string_view::npos || s[close] == '\n' || close - open > kBracketBytes) return false;
  std::string_view inner = s.substr(open + 1, close - open - 1);
  size_t from = 0;
  while (from <= inner.size()) {
    size_t to = inner.find_first_of("/,;&|", from);
    if (to == std::string_view::npos) to = inner.size();
    std::string part = text::collapse_whitespace(inner.substr(from, to - from));
    if (part.find(' ') != std::string::npos && !agency_named(part)) return false;
    from = to + 1;
  }
  return true;
}

// Is the agency ending at `end` followed by a dateline's dash ("JAKARTA,
// KOMPAS.com - ", "WASHINGTON (Reuters) - ")?
bool dateline_dash(std::string_view s, size_t end) {
  size_t p = end;
  if (p < s.size() && (s[p] == ')' || s[p] == ']')) ++p;
  while (p < s.size() && s[p] == ' ') ++p;
  if (p >= s.size()) return false;
  std::string_view rest = s.substr(p);
  return rest.starts_with("- ") || rest.starts_with("-- ") || rest.starts_with("\xE2\x80\x93") ||
         rest.starts_with("\xE2\x80\x94");
}

}  // namespace

std::optional<std::string_view> agency_named(std::string_view token) {
  std::string collapsed = text::collapse_whitespace(token);
  return lookup(text::to_lower(collapsed), collapsed);
}

void add_agencies_in_credit(std::string_view credit, std::vector<std::string>& sources) {
  size_t from = 0;
  while (from <= credit.size()) {
    size_t to = credit.find_first_of(",/;()|&", from);
    if (to == std::string_view::npos) to = credit.size();
    if (auto a = agency_named(credit.substr(from, to - from))) add_unique(sources, *a);
    from = to + 1;
  }
}

void add_credited_agencies(std::string_view s, std::vector<std::string>& sources) {
  const auto& t = tables();
  auto cue = [&](const std::unordered_set<std::string_view>& cues, const Word& w) {
    return cues.count(lower_of(s.substr(w.begin, w.end - w.begin))) > 0;
  };
  WordReader reader(s);
  std::array<Word, kCueBeforeWords> before{};  // the last words read, a ring
  size_t read = 0;
  auto remember = [&](const Word& w) { before[read++ % kCueBeforeWords] = w; };
  std::string form;
  Word w;
  while (reader.next(w)) {
    std::string_view word = s.substr(w.begin, w.end - w.begin);
    if (!t.may_start(word) || (lower_into(word, form), !t.first_words.count(form))) {
      remember(w);
      continue;
    }
    // The words after it: the rest of a longer name, then reporting words.
    std::array<Word, kMaxFormWords - 1 + kCueAfterWords> after{};
    size_t ahead = 0;
    WordReader peek = reader;
    while (ahead < after.size() && peek.next(after[ahead])) ++ahead;
    // The longest form starting here, within one sentence.
    std::optional<std::string_view> name;
    size_t extra = 0;  // words of the name after the first
    for (size_t n = std::min(kMaxFormWords - 1, ahead) + 1; n >= 1 && !name; --n) {
      const Word& last = n == 1 ? w : after[n - 2];
      if (last.sentence != w.sentence) continue;
      std::string_view original = s.substr(w.begin, last.end - w.begin);
      std::string lower = n == 1 ? form : text::collapse_whitespace(lower_of(original));
      if ((name = lookup(lower, original))) extra = n - 1;
    }
    remember(w);
    if (!name) continue;
    const Word& last = extra == 0 ? w : after[extra - 1];
    bool credited = false;
    for (size_t k = 1; k <= kCueBeforeWords && k <= read - 1 && !credited; ++k) {
      const Word& b = before[(read - 1 - k) % kCueBeforeWords];
      if (b.sentence != w.sentence) break;
      credited = cue(t.cue_before, b);
    }
    for (size_t k = extra; k < extra + kCueAfterWords && k < ahead && !credited; ++k) {
      if (after[k].sentence != last.sentence) break;
      credited = cue(t.cue_after, after[k]);
    }
    credited = credited || bracketed_credit(s, w.begin, last.end) ||
               (w.line_word < kDatelineWords && dateline_dash(s, last.end));
    if (credited) add_unique(sources, *name);
    for (size_t k = 0; k < extra && reader.next(w); ++k) remember(w);  // past the name
  }
  const bool cjk = reader.cjk();
  if (!cjk) return;
  re2::StringPiece input(s.data(), s.size());
  std::string ja, zh, dateline;
  while (RE2::FindAndConsume(&input, cjk_credit(), &ja, &zh, &dateline)) {
    for (const std::string* g : {&ja, &zh, &dateline}) {
      if (g->empty()) continue;
      if (auto a = lookup(text::to_lower(*g), *g)) add_unique(sources, *a);
    }
  }
}

}  // namespace saring::meta
