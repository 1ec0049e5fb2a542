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

struct Tables {
  std::unordered_map<std::string_view, const Agency*> by_form;
  std::unordered_set<std::string_view> first_words, cue_before, cue_after;
  RE2 cjk{kCjkCredit};

  Tables() {
    for (const Agency& a : kAgencies) {
      by_form.emplace(a.form, &a);
      first_words.insert(a.form.substr(0, a.form.find(' ')));
    }
    cue_before.insert(std::begin(kCueBefore), std::end(kCueBefore));
    cue_after.insert(std::begin(kCueAfter), std::end(kCueAfter));
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
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

// A word of the text: [begin, end) bytes; letters and digits, with inner
// '-' and '.' ("France-Presse", "KOMPAS.com").
struct Token {
  size_t begin = 0, end = 0;
  size_t sentence = 0;  // sentences (and lines) counted from 0
  size_t line_word = 0; // position among the words of its line
};

bool ends_sentence(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case ';': case '\n': case 0x3002: case 0xFF01: case 0xFF1F:
      return true;
    default:
      return false;
  }
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t sentence = 0, line_word = 0, pos = 0;
  bool in_word = false;
  Token cur;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t cp = utf8::next(s, pos);
    if (text::is_word_char(cp)) {
      if (!in_word) {
        cur = Token{here, pos, sentence, line_word++};
        in_word = true;
      }
      cur.end = pos;
      continue;
    }
    if (in_word && (cp == '-' || cp == '.') && pos < s.size()) {
      size_t peek = pos;
      if (text::is_word_char(utf8::next(s, peek))) continue;  // inner joiner
    }
    if (in_word) {
      out.push_back(cur);
      in_word = false;
    }
    if (ends_sentence(cp)) ++sentence;
    if (cp == '\n') line_word = 0;
  }
  if (in_word) out.push_back(cur);
  return out;
}

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

bool cue_near(std::string_view s, const std::vector<Token>& tokens, size_t first, size_t last) {
  const auto& t = tables();
  size_t sentence = tokens[first].sentence;
  for (size_t k = 1; k <= kCueBeforeWords && k <= first; ++k) {
    const Token& w = tokens[first - k];
    if (w.sentence != sentence) break;
    if (t.cue_before.count(lower_of(s.substr(w.begin, w.end - w.begin)))) return true;
  }
  for (size_t k = last + 1; k <= last + kCueAfterWords && k < tokens.size(); ++k) {
    const Token& w = tokens[k];
    if (w.sentence != tokens[last].sentence) break;
    if (t.cue_after.count(lower_of(s.substr(w.begin, w.end - w.begin)))) return true;
  }
  return false;
}

// Does the text hold ideographs or kana (U+3000..U+9FFF: lead bytes E3..E9)?
bool has_cjk(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0xE3 && b <= 0xE9;
  });
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
  std::vector<Token> tokens = tokenize(s);
  std::string form;
  for (size_t i = 0; i < tokens.size(); ++i) {
    lower_into(s.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), form);
    if (!t.first_words.count(form)) continue;
    // The longest form starting here, within one sentence.
    std::optional<std::string_view> name;
    size_t last = i;
    for (size_t n = std::min(kMaxFormWords, tokens.size() - i); n >= 1 && !name; --n) {
      if (tokens[i + n - 1].sentence != tokens[i].sentence) continue;
      std::string_view original = s.substr(tokens[i].begin, tokens[i + n - 1].end - tokens[i].begin);
      std::string lower = n == 1 ? form : text::collapse_whitespace(lower_of(original));
      if ((name = lookup(lower, original))) last = i + n - 1;
    }
    if (!name) continue;
    size_t begin = tokens[i].begin, end = tokens[last].end;
    bool credited = cue_near(s, tokens, i, last) || bracketed_credit(s, begin, end) ||
                    (tokens[i].line_word < kDatelineWords && dateline_dash(s, end));
    if (credited) add_unique(sources, *name);
    i = last;
  }
  if (!has_cjk(s)) return;
  re2::StringPiece input(s.data(), s.size());
  std::string ja, zh, dateline;
  while (RE2::FindAndConsume(&input, t.cjk, &ja, &zh, &dateline)) {
    for (const std::string* g : {&ja, &zh, &dateline}) {
      if (g->empty()) continue;
      if (auto a = lookup(text::to_lower(*g), *g)) add_unique(sources, *a);
    }
  }
}

}  // namespace saring::meta
