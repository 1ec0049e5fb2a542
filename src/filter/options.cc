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

// Applies one key (without a "languages." prefix) to `rules`.
Status apply(Rules& r, std::string_view key, std::string_view v) {
  auto& gq = r.gopher_quality;
  auto& gr = r.gopher_repetition;
  auto& c4 = r.c4;
  auto& fw = r.fineweb;
  // gopher_quality
  if (key == "gopher_quality.enabled") return parse_bool(key, v, gq.enabled);
  if (key == "gopher_quality.min_words") return parse_size(key, v, gq.min_words);
  if (key == "gopher_quality.max_words") return parse_size(key, v, gq.max_words);
  if (key == "gopher_quality.min_mean_word_length") return parse_double(key, v, gq.min_mean_word_length);
  if (key == "gopher_quality.max_mean_word_length") return parse_double(key, v, gq.max_mean_word_length);
  if (key == "gopher_quality.max_symbol_word_ratio") return parse_double(key, v, gq.max_symbol_word_ratio);
  if (key == "gopher_quality.max_bullet_lines_ratio") return parse_double(key, v, gq.max_bullet_lines_ratio);
  if (key == "gopher_quality.max_ellipsis_lines_ratio") return parse_double(key, v, gq.max_ellipsis_lines_ratio);
  if (key == "gopher_quality.min_alpha_words_ratio") return parse_double(key, v, gq.min_alpha_words_ratio);
  if (key == "gopher_quality.min_stop_words") return parse_size(key, v, gq.min_stop_words);
  if (key == "gopher_quality.stop_words") {
    gq.stop_words.clear();
    for (auto& w : split_list(v)) gq.stop_words.push_back(text::to_lower(w));
    return ok_status();
  }
  // gopher_repetition
  if (key == "gopher_repetition.enabled") return parse_bool(key, v, gr.enabled);
  if (key == "gopher_repetition.max_dup_line_frac") return parse_double(key, v, gr.max_dup_line_frac);
  if (key == "gopher_repetition.max_dup_para_frac") return parse_double(key, v, gr.max_dup_para_frac);
  if (key == "gopher_repetition.max_dup_line_char_frac") return parse_double(key, v, gr.max_dup_line_char_frac);
  if (key == "gopher_repetition.max_dup_para_char_frac") return parse_double(key, v, gr.max_dup_para_char_frac);
  if (key == "gopher_repetition.max_top_ngram_char_frac") return parse_doubles(key, v, gr.max_top_ngram_char_frac);
  if (key == "gopher_repetition.max_dup_ngram_char_frac") return parse_doubles(key, v, gr.max_dup_ngram_char_frac);
  if (key == "gopher_repetition.unspaced_ngram_scale") return parse_double(key, v, gr.unspaced_ngram_scale);
  // c4
  if (key == "c4.enabled") return parse_bool(key, v, c4.enabled);
  if (key == "c4.min_words_per_line") return parse_size(key, v, c4.min_words_per_line);
  if (key == "c4.max_word_length") return parse_size(key, v, c4.max_word_length);
  if (key == "c4.min_sentences") return parse_size(key, v, c4.min_sentences);
  if (key == "c4.bad_words") {
    c4.bad_words = split_list(v);
    c4.bad_words_matcher.reset();
    if (c4.bad_words.empty()) return ok_status();
    auto m = compile_bad_words(c4.bad_words);
    if (!m.ok()) return m.error();
    c4.bad_words_matcher = m.value();
    return ok_status();
  }
  // fineweb
  if (key == "fineweb.enabled") return parse_bool(key, v, fw.enabled);
  if (key == "fineweb.min_line_punct_ratio") return parse_double(key, v, fw.min_line_punct_ratio);
  if (key == "fineweb.line_punct_exclude_zero") return parse_bool(key, v, fw.line_punct_exclude_zero);
  if (key == "fineweb.max_short_line_ratio") return parse_double(key, v, fw.max_short_line_ratio);
  if (key == "fineweb.short_line_length") return parse_size(key, v, fw.short_line_length);
  if (key == "fineweb.max_char_dup_ratio") return parse_double(key, v, fw.max_char_dup_ratio);
  if (key == "fineweb.max_newline_word_ratio") return parse_double(key, v, fw.max_newline_word_ratio);
  // general
  if (key == "disable") return set_rules_disabled(key, v, r, true);
  if (key == "enable") return set_rules_disabled(key, v, r, false);
  if (key == "word_mode") {
    std::string_view m = strip(v);
    if (m != "auto" && m != "spaced" && m != "unspaced") return bad_value(key, v, "auto, spaced or unspaced");
    r.word_mode = std::string(m);
    return ok_status();
  }
  return make_error(ErrorCode::invalid_input, "unknown filter option '" + std::string(key) + "'");
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
  const auto& gq = r.gopher_quality;
  line("gopher_quality.enabled", gq.enabled);
  line("gopher_quality.min_words", gq.min_words);
  line("gopher_quality.max_words", gq.max_words);
  line("gopher_quality.min_mean_word_length", gq.min_mean_word_length);
  line("gopher_quality.max_mean_word_length", gq.max_mean_word_length);
  line("gopher_quality.max_symbol_word_ratio", gq.max_symbol_word_ratio);
  line("gopher_quality.max_bullet_lines_ratio", gq.max_bullet_lines_ratio);
  line("gopher_quality.max_ellipsis_lines_ratio", gq.max_ellipsis_lines_ratio);
  line("gopher_quality.min_alpha_words_ratio", gq.min_alpha_words_ratio);
  line("gopher_quality.min_stop_words", gq.min_stop_words);
  list("gopher_quality.stop_words", gq.stop_words);
  const auto& gr = r.gopher_repetition;
  line("gopher_repetition.enabled", gr.enabled);
  line("gopher_repetition.max_dup_line_frac", gr.max_dup_line_frac);
  line("gopher_repetition.max_dup_para_frac", gr.max_dup_para_frac);
  line("gopher_repetition.max_dup_line_char_frac", gr.max_dup_line_char_frac);
  line("gopher_repetition.max_dup_para_char_frac", gr.max_dup_para_char_frac);
  list("gopher_repetition.max_top_ngram_char_frac", gr.max_top_ngram_char_frac);
  list("gopher_repetition.max_dup_ngram_char_frac", gr.max_dup_ngram_char_frac);
  line("gopher_repetition.unspaced_ngram_scale", gr.unspaced_ngram_scale);
  const auto& c4 = r.c4;
  line("c4.enabled", c4.enabled);
  line("c4.min_words_per_line", c4.min_words_per_line);
  line("c4.max_word_length", c4.max_word_length);
  line("c4.min_sentences", c4.min_sentences);
  list("c4.bad_words", c4.bad_words);
  const auto& fw = r.fineweb;
  line("fineweb.enabled", fw.enabled);
  line("fineweb.min_line_punct_ratio", fw.min_line_punct_ratio);
  line("fineweb.line_punct_exclude_zero", fw.line_punct_exclude_zero);
  line("fineweb.max_short_line_ratio", fw.max_short_line_ratio);
  line("fineweb.short_line_length", fw.short_line_length);
  line("fineweb.max_char_dup_ratio", fw.max_char_dup_ratio);
  line("fineweb.max_newline_word_ratio", fw.max_newline_word_ratio);
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

}  // namespace saring::filter
