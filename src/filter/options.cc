// Filter options: rule names, the key/value setter and per-language layering.
//
// Per-language overrides are stored as the (key, value) pairs given and
// replayed on top of the defaults whenever anything changes, so
// "languages.zh.c4.min_words_per_line" set before or after
// "c4.min_words_per_line" gives the same result.
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <type_traits>
#include <variant>

#include "filter_internal.h"
#include "saring/filter.h"
#include "saring/text.h"
#include "vocabulary.h"

namespace saring::filter {
namespace {

constexpr std::string_view kRuleNames[kRuleCount] = {
    "gopher_quality:word_count",
    "gopher_quality:mean_word_length",
    "gopher_quality:hash_ratio",
    "gopher_quality:ellipsis_ratio",
    "gopher_quality:bullet_lines",
    "gopher_quality:ellipsis_lines",
    "gopher_quality:alpha_words",
    "gopher_quality:stop_words",
    "gopher_repetition:dup_para_frac",
    "gopher_repetition:dup_para_char_frac",
    "gopher_repetition:dup_line_frac",
    "gopher_repetition:dup_line_char_frac",
    "gopher_repetition:top_ngram",
    "gopher_repetition:dup_ngram",
    "c4:long_word_lines",
    "c4:terminal_punct",
    "c4:short_lines",
    "c4:javascript_lines",
    "c4:policy_lines",
    "c4:citations",
    "c4:lorem_ipsum",
    "c4:curly_bracket",
    "c4:too_few_sentences",
    "c4:bad_words",
    "fineweb:empty",
    "fineweb:line_punct_ratio",
    "fineweb:short_line_ratio",
    "fineweb:char_dup_ratio",
    "fineweb:list_ratio",
};

Error bad_value(std::string_view key, std::string_view value, std::string_view expected) {
  return make_error(ErrorCode::invalid_input, "filter option " + std::string(key) + ": '" +
                                                  std::string(value) + "' is not " + std::string(expected));
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  value = strip(value);
  if (!value.empty() && value.front() == '[' && value.back() == ']') value = value.substr(1, value.size() - 2);
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view item = strip(value.substr(start, comma - start));
    if (item.size() >= 2 && item.front() == '"' && item.back() == '"') item = item.substr(1, item.size() - 2);
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

Status parse_bool(std::string_view key, std::string_view v, bool& out) {
  v = strip(v);
  if (v == "true" || v == "1" || v == "on" || v == "yes") out = true;
  else if (v == "false" || v == "0" || v == "off" || v == "no") out = false;
  else return bad_value(key, v, "a boolean");
  return ok_status();
}

Status parse_size(std::string_view key, std::string_view v, size_t& out) {
  v = strip(v);
  uint64_t x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || v.empty()) return bad_value(key, v, "a non-negative integer");
  out = static_cast<size_t>(x);
  return ok_status();
}

Status parse_double(std::string_view key, std::string_view v, double& out) {
  v = strip(v);
  double x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || v.empty() || !std::isfinite(x) || x < 0)
    return bad_value(key, v, "a non-negative number");
  out = x;
  return ok_status();
}

template <size_t N>
Status parse_doubles(std::string_view key, std::string_view v, std::array<double, N>& out) {
  auto items = split_list(v);
  if (items.size() != N) return bad_value(key, v, "a list of " + std::to_string(N) + " numbers");
  std::array<double, N> tmp{};
  for (size_t i = 0; i < N; ++i)
    if (auto st = parse_double(key, items[i], tmp[i]); !st.ok()) return st;
  out = tmp;
  return ok_status();
}

Status set_rules_disabled(std::string_view key, std::string_view value, Rules& rules, bool disable) {
  for (const std::string& name : split_list(value)) {
    auto rule = rule_from_name(name);
    if (!rule.ok()) return rule.error();
    rules.disabled.set(static_cast<size_t>(rule.value()), disable);
  }
  return ok_status();
}

Status parse_value(std::string_view key, std::string_view v, bool& out) { return parse_bool(key, v, out); }
Status parse_value(std::string_view key, std::string_view v, size_t& out) { return parse_size(key, v, out); }
Status parse_value(std::string_view key, std::string_view v, double& out) { return parse_double(key, v, out); }
template <size_t N>
Status parse_value(std::string_view key, std::string_view v, std::array<double, N>& out) {
  return parse_doubles(key, v, out);
}
Status parse_value(std::string_view, std::string_view v, std::vector<std::string>& out) {
  out = split_list(v);
  return ok_status();
}

// Where a typed option lives in Rules.
using FieldRef = std::variant<bool*, size_t*, double*, std::array<double, 3>*,
                              std::array<double, 6>*, std::vector<std::string>*>;

// One typed option: its key and where it lives. apply() parses a value by the
// field's type; describe() prints it by the same.
struct Field {
  std::string_view key;
  FieldRef (*in)(Rules&);
};

// The typed option keys, in describe's order (disable, enable and word_mode
// are handled apart).
const Field kFields[] = {
    {"gopher_quality.enabled", [](Rules& r) -> FieldRef { return &r.gopher_quality.enabled; }},
    {"gopher_quality.min_words", [](Rules& r) -> FieldRef { return &r.gopher_quality.min_words; }},
    {"gopher_quality.max_words", [](Rules& r) -> FieldRef { return &r.gopher_quality.max_words; }},
    {"gopher_quality.min_mean_word_length",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.min_mean_word_length; }},
    {"gopher_quality.max_mean_word_length",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.max_mean_word_length; }},
    {"gopher_quality.max_symbol_word_ratio",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.max_symbol_word_ratio; }},
    {"gopher_quality.max_bullet_lines_ratio",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.max_bullet_lines_ratio; }},
    {"gopher_quality.max_ellipsis_lines_ratio",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.max_ellipsis_lines_ratio; }},
    {"gopher_quality.min_alpha_words_ratio",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.min_alpha_words_ratio; }},
    {"gopher_quality.min_stop_words",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.min_stop_words; }},
    {"gopher_quality.stop_words",
     [](Rules& r) -> FieldRef { return &r.gopher_quality.stop_words; }},
    {"gopher_repetition.enabled",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.enabled; }},
    {"gopher_repetition.max_dup_line_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_dup_line_frac; }},
    {"gopher_repetition.max_dup_para_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_dup_para_frac; }},
    {"gopher_repetition.max_dup_line_char_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_dup_line_char_frac; }},
    {"gopher_repetition.max_dup_para_char_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_dup_para_char_frac; }},
    {"gopher_repetition.max_top_ngram_char_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_top_ngram_char_frac; }},
    {"gopher_repetition.max_dup_ngram_char_frac",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.max_dup_ngram_char_frac; }},
    {"gopher_repetition.unspaced_ngram_scale",
     [](Rules& r) -> FieldRef { return &r.gopher_repetition.unspaced_ngram_scale; }},
    {"c4.enabled", [](Rules& r) -> FieldRef { return &r.c4.enabled; }},
    {"c4.min_words_per_line", [](Rules& r) -> FieldRef { return &r.c4.min_words_per_line; }},
    {"c4.max_word_length", [](Rules& r) -> FieldRef { return &r.c4.max_word_length; }},
    {"c4.min_sentences", [](Rules& r) -> FieldRef { return &r.c4.min_sentences; }},
    {"c4.bad_words", [](Rules& r) -> FieldRef { return &r.c4.bad_words; }},
    {"fineweb.enabled", [](Rules& r) -> FieldRef { return &r.fineweb.enabled; }},
    {"fineweb.min_line_punct_ratio",
     [](Rules& r) -> FieldRef { return &r.fineweb.min_line_punct_ratio; }},
    {"fineweb.line_punct_exclude_zero",
     [](Rules& r) -> FieldRef { return &r.fineweb.line_punct_exclude_zero; }},
    {"fineweb.max_short_line_ratio",
     [](Rules& r) -> FieldRef { return &r.fineweb.max_short_line_ratio; }},
    {"fineweb.short_line_length",
     [](Rules& r) -> FieldRef { return &r.fineweb.short_line_length; }},
    {"fineweb.max_char_dup_ratio",
     [](Rules& r) -> FieldRef { return &r.fineweb.max_char_dup_ratio; }},
    {"fineweb.max_newline_word_ratio",
     [](Rules& r) -> FieldRef { return &r.fineweb.max_newline_word_ratio; }},
};

// Applies one key (without a "languages." prefix) to `rules`.
Status apply(Rules& r, std::string_view key, std::string_view v) {
  if (key == "disable") return set_rules_disabled(key, v, r, true);
  if (key == "enable") return set_rules_disabled(key, v, r, false);
  if (key == "word_mode") {
    std::string_view m = strip(v);
    if (m != "auto" && m != "spaced" && m != "unspaced") return bad_value(key, v, "auto, spaced or unspaced");
    r.word_mode = std::string(m);
    return ok_status();
  }
  const Field* field = nullptr;
  for (const Field& f : kFields)
    if (f.key == key) {
      field = &f;
      break;
    }
  if (!field) return make_error(ErrorCode::invalid_input, "unknown filter option '" + std::string(key) + "'");
  Status status = std::visit([&](auto* member) { return parse_value(key, v, *member); }, field->in(r));
  if (!status.ok()) return status;
  // Lists that need more than splitting.
  if (key == "gopher_quality.stop_words") {
    for (auto& w : r.gopher_quality.stop_words) w = text::to_lower(w);
  } else if (key == "c4.bad_words") {
    auto& c4 = r.c4;
    c4.bad_words_matcher.reset();
    if (c4.bad_words.empty()) return ok_status();
    auto m = compile_bad_words(c4.bad_words);
    if (!m.ok()) return m.error();
    c4.bad_words_matcher = m.value();
  }
  return ok_status();
}

Status rebuild_language(FilterOptions& o, const std::string& lang) {
  Rules rules = o.rules;
  for (const auto& [k, v] : o.overrides[lang])
    if (auto st = apply(rules, k, v); !st.ok()) return st;
  o.per_language[lang] = std::move(rules);
  return ok_status();
}

}  // namespace

std::string_view rule_name(Rule rule) {
  size_t i = static_cast<size_t>(rule);
  return i < kRuleCount ? kRuleNames[i] : std::string_view("unknown");
}

Result<Rule> rule_from_name(std::string_view name) {
  for (size_t i = 0; i < kRuleCount; ++i)
    if (kRuleNames[i] == name) return static_cast<Rule>(i);
  return make_error(ErrorCode::invalid_input, "unknown filter rule '" + std::string(name) + "'");
}

FilterOptions::FilterOptions() {
  // Gopher's stop words are English; other languages get no stop-word rule
  // unless configured (see GopherQualityRules::stop_words).
  rules.gopher_quality.stop_words.clear();
  for (const auto& d : vocab::kLanguageDefaults)
    overrides[std::string(d.language)].emplace_back(std::string(d.key), std::string(d.value));
  for (const auto& entry : overrides) (void)rebuild_language(*this, entry.first);
}

const Rules& FilterOptions::for_language(std::string_view language) const {
  auto it = per_language.find(language);
  return it == per_language.end() ? rules : it->second;
}

namespace {

// The lines of describe() for one set of rules, each key prefixed.
void describe_rules(std::ostream& out, const std::string& prefix, const Rules& r) {
  auto line = [&](std::string_view key, const auto& value) {
    out << prefix << key << '=' << value << '\n';
  };
  auto list = [&](std::string_view key, const auto& values) {
    out << prefix << key << '=';
    for (const auto& v : values) out << v << ',';
    out << '\n';
  };
  // in() only takes a field's address; nothing here writes through it.
  Rules& fields = const_cast<Rules&>(r);
  for (const Field& field : kFields)
    std::visit(
        [&](const auto* member) {
          if constexpr (std::is_arithmetic_v<std::decay_t<decltype(*member)>>) line(field.key, *member);
          else list(field.key, *member);
        },
        field.in(fields));
  line("disabled", r.disabled.to_string());
  line("word_mode", r.word_mode);
}

}  // namespace

std::string describe(const FilterOptions& options) {
  std::ostringstream out;
  out.precision(17);
  describe_rules(out, "", options.rules);
  for (const auto& [language, rules] : options.per_language)
    describe_rules(out, "languages." + language + ".", rules);
  return out.str();
}

Status set_option(FilterOptions& options, std::string_view key, std::string_view value) {
  constexpr std::string_view kLang = "languages.";
  if (key.substr(0, kLang.size()) == kLang) {
    std::string_view rest = key.substr(kLang.size());
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0)
      return make_error(ErrorCode::invalid_input, "filter option " + std::string(key) + ": expected languages.<code>.<key>");
    std::string lang;
    for (char c : rest.substr(0, dot)) lang.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    std::string_view sub = rest.substr(dot + 1);
    Rules probe = options.for_language(lang);
    if (auto st = apply(probe, sub, value); !st.ok()) return st;
    options.overrides[lang].emplace_back(std::string(sub), std::string(value));
    return rebuild_language(options, lang);
  }
  if (auto st = apply(options.rules, key, value); !st.ok()) return st;
  for (const auto& entry : options.overrides)
    if (auto st = rebuild_language(options, entry.first); !st.ok()) return st;
  return ok_status();
}

std::vector<Bound> bounds(const Rules& rules) {
  std::vector<Bound> out;
  auto on = [&](Rule rule) { return !rules.disabled.test(static_cast<size_t>(rule)); };
  auto add = [&](Rule rule, std::string_view figure, std::optional<double> min,
                 std::optional<double> max) {
    if (on(rule)) out.push_back({figure, rule_name(rule), min, max});
  };
  const GopherRepetitionRules& gr = rules.gopher_repetition;
  if (gr.enabled) {
    add(Rule::gr_dup_para_frac, "gopher_repetition.dup_para_frac", {}, gr.max_dup_para_frac);
    add(Rule::gr_dup_para_char_frac, "gopher_repetition.dup_para_char_frac", {}, gr.max_dup_para_char_frac);
    add(Rule::gr_dup_line_frac, "gopher_repetition.dup_line_frac", {}, gr.max_dup_line_frac);
    add(Rule::gr_dup_line_char_frac, "gopher_repetition.dup_line_char_frac", {}, gr.max_dup_line_char_frac);
    static constexpr std::string_view kTop[] = {"gopher_repetition.top_2_gram_char_frac",
                                                "gopher_repetition.top_3_gram_char_frac",
                                                "gopher_repetition.top_4_gram_char_frac"};
    for (size_t k = 0; k < 3; ++k) add(Rule::gr_top_ngram, kTop[k], {}, gr.max_top_ngram_char_frac[k]);
    static constexpr std::string_view kDup[] = {
        "gopher_repetition.dup_5_gram_char_frac", "gopher_repetition.dup_6_gram_char_frac",
        "gopher_repetition.dup_7_gram_char_frac", "gopher_repetition.dup_8_gram_char_frac",
        "gopher_repetition.dup_9_gram_char_frac", "gopher_repetition.dup_10_gram_char_frac"};
    for (size_t k = 0; k < 6; ++k) add(Rule::gr_dup_ngram, kDup[k], {}, gr.max_dup_ngram_char_frac[k]);
  }
  const GopherQualityRules& gq = rules.gopher_quality;
  if (gq.enabled) {
    add(Rule::gq_word_count, "gopher_quality.word_count", double(gq.min_words),
        gq.max_words > 0 ? std::optional<double>(double(gq.max_words)) : std::nullopt);
    add(Rule::gq_mean_word_length, "gopher_quality.mean_word_length", gq.min_mean_word_length,
        gq.max_mean_word_length);
    add(Rule::gq_hash_ratio, "gopher_quality.hash_ratio", {}, gq.max_symbol_word_ratio);
    add(Rule::gq_ellipsis_ratio, "gopher_quality.ellipsis_ratio", {}, gq.max_symbol_word_ratio);
    add(Rule::gq_bullet_lines, "gopher_quality.bullet_lines_ratio", {}, gq.max_bullet_lines_ratio);
    add(Rule::gq_ellipsis_lines, "gopher_quality.ellipsis_lines_ratio", {}, gq.max_ellipsis_lines_ratio);
    add(Rule::gq_alpha_words, "gopher_quality.alpha_words_ratio", gq.min_alpha_words_ratio, {});
    if (!gq.stop_words.empty())
      add(Rule::gq_stop_words, "gopher_quality.stop_words", double(gq.min_stop_words), {});
  }
  if (rules.c4.enabled)
    add(Rule::c4_too_few_sentences, "c4.sentences", double(rules.c4.min_sentences), {});
  const FineWebRules& fw = rules.fineweb;
  if (fw.enabled) {
    add(Rule::fw_line_punct_ratio, "fineweb.line_punct_ratio", fw.min_line_punct_ratio, {});
    add(Rule::fw_short_line_ratio, "fineweb.short_line_ratio", {}, fw.max_short_line_ratio);
    add(Rule::fw_char_dup_ratio, "fineweb.char_dup_ratio", {}, fw.max_char_dup_ratio);
    add(Rule::fw_list_ratio, "fineweb.list_ratio", {}, fw.max_newline_word_ratio);
  }
  return out;
}

}  // namespace saring::filter
