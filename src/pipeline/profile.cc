#include "profile.h"

#include <xxhash.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "saring/url.h"

namespace saring::pipeline {

namespace {

constexpr size_t kExamplesPerReason = 5;
constexpr size_t kMaxDomains = 2000;
constexpr size_t kHeadLines = 6;
constexpr size_t kHeadBytes = 480;
constexpr size_t kLog2Bins = 28;  // [0,1), [1,2), [2,4), ... [2^26, inf)

// The fixed bins of a histogram: `count` bins of 1/per_unit from 0, or
// powers of two when `per_unit` is 0. Values past the last bin go into it.
struct Bins {
  double per_unit = 0;
  size_t count = kLog2Bins;

  size_t of(double v) const {
    if (!(v > 0)) return 0;  // also NaN
    // (the small term keeps 0.3 * 50 in the bin that starts at 0.3)
    double i = per_unit > 0 ? std::floor(v * per_unit + 1e-9) : v < 1 ? 0 : 1 + std::floor(std::log2(v));
    return static_cast<size_t>(std::min(i, static_cast<double>(count - 1)));
  }
  std::vector<double> lower_edges() const {
    std::vector<double> out;
    for (size_t i = 0; i < count; ++i)
      out.push_back(per_unit > 0 ? static_cast<double>(i) / per_unit
                                 : i == 0 ? 0.0 : std::ldexp(1.0, static_cast<int>(i) - 1));
    return out;
  }
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Fractions in 50 bins of 0.02; mean word length in half characters up to
// 20; counts in powers of two.
Bins bins_of_figure(std::string_view name) {
  if (ends_with(name, "_frac") || ends_with(name, "_ratio")) return {50, 50};
  if (ends_with(name, "mean_word_length")) return {2, 40};
  return {};
}

// The first lines of a text, cut at a character boundary.
std::string head_of(std::string_view text) {
  size_t end = 0;
  for (size_t lines = 0; end < text.size() && lines < kHeadLines; ++lines) {
    size_t nl = text.find('\n', end);
    end = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  end = std::min(end, kHeadBytes);
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::string out(text.substr(0, end));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (end < text.size()) out += " …";
  return out;
}

void add_example(std::vector<Example>& kept, Example e) {
  auto lower = [](const Example& a, const Example& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.id < b.id;
  };
  if (kept.size() == kExamplesPerReason && !lower(e, kept.back())) return;
  kept.insert(std::upper_bound(kept.begin(), kept.end(), e, lower), std::move(e));
  if (kept.size() > kExamplesPerReason) kept.pop_back();
}

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

void write_outcomes(io::JsonWriter& j, const Outcomes& p) {
  j.begin_array();
  j.integer(static_cast<int64_t>(p[0]));
  j.integer(static_cast<int64_t>(p[1]));
  j.end_array();
}

void write_outcome_counts(io::JsonWriter& j, std::string_view key, const std::map<std::string, Outcomes>& m) {
  j.key(key);
  j.begin_object();
  for (const auto& [k, v] : m) {
    j.key(k);
    write_outcomes(j, v);
  }
  j.end_object();
}

void write_counts(io::JsonWriter& j, std::string_view key, const std::map<std::string, uint64_t>& m) {
  j.key(key);
  j.begin_object();
  for (const auto& [k, v] : m) {
    j.key(k);
    j.integer(static_cast<int64_t>(v));
  }
  j.end_object();
}

void write_histogram(io::JsonWriter& j, const Bins& bins, const std::vector<Outcomes>& counts) {
  j.begin_object();
  j.key("lower");
  j.begin_array();
  for (double e : bins.lower_edges()) j.number(e);
  j.end_array();
  j.key("counts");
  j.begin_array();
  for (const Outcomes& p : counts) write_outcomes(j, p);
  j.end_array();
  j.end_object();
}

void write_example(io::JsonWriter& j, const Example& e) {
  j.begin_object();
  j.key("hash"); j.string(hex64(e.hash));
  j.key("id"); j.string(e.id);
  j.key("url"); j.string(e.url);
  j.key("stage"); j.string(e.stage);
  j.key("reason"); j.string(e.reason);
  j.key("detail"); j.string(e.detail);
  j.key("dup_of"); j.string(e.dup_of);
  j.key("language"); j.string(e.language);
  j.key("head"); j.string(e.head);
  j.key("figures");
  j.begin_object();
  for (const auto& [k, v] : e.figures) {
    j.key(k);
    j.number(v);
  }
  j.end_object();
  j.end_object();
}

Outcomes outcomes_of(const nlohmann::json& v) { return {v.at(0).get<uint64_t>(), v.at(1).get<uint64_t>()}; }

std::vector<Outcomes> histogram_of(const nlohmann::json& v) {
  std::vector<Outcomes> out;
  for (const auto& p : v.at("counts")) out.push_back(outcomes_of(p));
  return out;
}

}  // namespace

void Profile::add(const Work& w, std::string_view stage, std::string_view reason) {
  if (!w.read_ok) return;
  const Record& r = w.record;
  const bool kept = stage.empty();
  const size_t outcome = kept ? 0 : 1;

  if (text_length.empty()) text_length.resize(Bins{}.count);
  ++text_length[Bins{}.of(static_cast<double>(r.text.size()))][outcome];
  if (!kept) {
    rejected_raw_bytes[std::string(stage)] += r.raw.size();
    rejected_text_bytes[std::string(stage)] += r.text.size();
  }
  const bool reached_lang = stage != kStageExtract && stage != kStageClean;
  std::string language(r.metadata.get_string("language"));
  if (reached_lang) ++languages[language][outcome];
  if (std::string domain = url::host(r.url); !domain.empty()) {
    ++domains[domain][outcome];
    if (domains.size() >= 2 * kMaxDomains) prune();
  }
  if (r.kind == RecordKind::html) {
    for (const Annotation& a : r.annotations)
      if (a.stage == kStageExtract && a.verdict == Verdict::info) ++extraction_stages[a.reason];
    if (auto charset = r.metadata.get_string("charset"); !charset.empty()) ++charsets[std::string(charset)];
  }
  const size_t filter_outcome = stage == kStageFilter ? 1 : 0;
  for (const filter::Figure& f : w.figures) {
    auto& bins = figures[std::string(f.name)];
    Bins b = bins_of_figure(f.name);
    if (bins.empty()) bins.resize(b.count);
    ++bins[b.of(f.value)][filter_outcome];
  }
  if (!w.dup_of.empty()) ++duplicates_of[w.dup_of];

  Example e;
  e.id = r.id.empty() ? r.source.describe() : r.id;
  e.hash = XXH3_64bits(e.id.data(), e.id.size());
  std::vector<Example>& slot = examples[kept ? std::string("kept") : std::string(reason)];
  if (slot.size() == kExamplesPerReason && e.hash > slot.back().hash) return;  // the common case
  e.url = r.url;
  e.stage = stage;
  e.reason = reason;
  e.detail = w.detail;
  e.dup_of = w.dup_of;
  e.language = std::move(language);
  e.head = head_of(r.text);
  if (const Annotation* a = r.rejection(); a != nullptr && !a->numbers.empty()) e.figures = a->numbers;
  else
    for (const auto& f : w.figures) e.figures.emplace_back(std::string(f.name), f.value);
  add_example(slot, std::move(e));
}

void Profile::prune() {
  if (domains.size() <= kMaxDomains) return;
  std::vector<std::pair<uint64_t, const std::string*>> order;
  for (const auto& [name, n] : domains) order.emplace_back(n[0] + n[1], &name);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::map<std::string, Outcomes> top;
  for (size_t i = 0; i < kMaxDomains; ++i) top.emplace(*order[i].second, domains.at(*order[i].second));
  domains = std::move(top);
}

void write_profile(io::JsonWriter& j, const Profile& p, ProfileFor purpose) {
  write_outcome_counts(j, "languages", p.languages);
  write_outcome_counts(j, "domains", p.domains);
  write_counts(j, "extraction_stages", p.extraction_stages);
  write_counts(j, "charsets", p.charsets);
  write_counts(j, "rejected_raw_bytes", p.rejected_raw_bytes);
  write_counts(j, "rejected_text_bytes", p.rejected_text_bytes);
  j.key("text_length");
  write_histogram(j, Bins{}, p.text_length.empty() ? std::vector<Outcomes>(Bins{}.count) : p.text_length);
  j.key("figures");
  j.begin_object();
  for (const auto& [name, counts] : p.figures) {
    j.key(name);
    write_histogram(j, bins_of_figure(name), counts);
  }
  j.end_object();
  if (purpose == ProfileFor::journal) {
    write_counts(j, "duplicates_of", p.duplicates_of);
  } else {
    std::map<uint64_t, uint64_t> sizes;  // documents in a cluster -> clusters
    for (const auto& [id, dups] : p.duplicates_of) ++sizes[dups + 1];
    j.key("duplicate_clusters");
    j.begin_object();
    for (const auto& [size, n] : sizes) {
      j.key(std::to_string(size));
      j.integer(static_cast<int64_t>(n));
    }
    j.end_object();
  }
  j.key("examples");
  j.begin_object();
  for (const auto& [reason, list] : p.examples) {
    j.key(reason);
    j.begin_array();
    for (const Example& e : list) write_example(j, e);
    j.end_array();
  }
  j.end_object();
}

Profile parse_profile(const nlohmann::json& doc) {
  Profile p;
  for (const auto& [k, v] : doc.at("languages").items()) p.languages[k] = outcomes_of(v);
  for (const auto& [k, v] : doc.at("domains").items()) p.domains[k] = outcomes_of(v);
  for (const auto& [k, v] : doc.at("extraction_stages").items()) p.extraction_stages[k] = v.get<uint64_t>();
  for (const auto& [k, v] : doc.at("charsets").items()) p.charsets[k] = v.get<uint64_t>();
  for (const auto& [k, v] : doc.at("rejected_raw_bytes").items()) p.rejected_raw_bytes[k] = v.get<uint64_t>();
  for (const auto& [k, v] : doc.at("rejected_text_bytes").items()) p.rejected_text_bytes[k] = v.get<uint64_t>();
  p.text_length = histogram_of(doc.at("text_length"));
  for (const auto& [k, v] : doc.at("figures").items()) p.figures[k] = histogram_of(v);
  for (const auto& [k, v] : doc.at("duplicates_of").items()) p.duplicates_of[k] = v.get<uint64_t>();
  for (const auto& [reason, list] : doc.at("examples").items()) {
    for (const auto& x : list) {
      Example e;
      e.hash = std::stoull(x.at("hash").get<std::string>(), nullptr, 16);
      e.id = x.at("id").get<std::string>();
      e.url = x.at("url").get<std::string>();
      e.stage = x.at("stage").get<std::string>();
      e.reason = x.at("reason").get<std::string>();
      e.detail = x.at("detail").get<std::string>();
      e.dup_of = x.at("dup_of").get<std::string>();
      e.language = x.at("language").get<std::string>();
      e.head = x.at("head").get<std::string>();
      for (const auto& [k, v] : x.at("figures").items()) e.figures.emplace_back(k, v.get<double>());
      p.examples[reason].push_back(std::move(e));
    }
  }
  return p;
}

}  // namespace saring::pipeline
