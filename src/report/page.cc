// The report page: tables and example documents are written here, as HTML
// that reads without script; the charts are drawn in the browser by
// Vega-Lite (page/report.js) from a JSON block of tidy rows.
//
// Everything from the pages (URLs, ids, text, reasons, language codes,
// domains) is escaped on the way out: HTML text and attributes through
// escape(), the JSON block with '<', '>' and '&' as \u escapes (the writer
// already escapes U+2028/2029), and only http(s) URLs become links. The
// Content-Security-Policy allows the one inline script and style by hash,
// and nothing else.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "assets.h"
#include "saring/io.h"
#include "saring/report.h"
#include "summary.h"

namespace saring::report {

namespace {

using nlohmann::json;

constexpr size_t kTopLanguages = 20;
constexpr size_t kTopDomains = 25;
constexpr const char* kStages[] = {"read", "extract", "clean", "lang", "filter", "dedup"};

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// 1234567 -> "1,234,567": what the page shows and its test reads back.
std::string count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string decimal(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

std::string bytes(double b) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
  int u = 0;
  while (b >= 1000 && u < 5) {
    b /= 1000;
    ++u;
  }
  return decimal(b, u == 0 ? 0 : 1) + " " + units[u];
}

std::string percent(double part, double whole) {
  return whole > 0 ? decimal(100.0 * part / whole, 1) + "%" : "–";
}

// A number cell; `pointer` (a JSON pointer into stats.json) lets the test
// check the figure shown against the file.
std::string count_cell(uint64_t n, const std::string& pointer = {}) {
  std::string td = "<td class=\"n\"";
  if (!pointer.empty()) td += " data-stat=\"" + escape(pointer) + "\"";
  return td + ">" + count(n) + "</td>";
}

uint64_t u64(const json& j, const std::string& pointer) {
  const json::json_pointer p(pointer);
  return j.contains(p) ? j.at(p).get<uint64_t>() : 0;
}

// JSON pointer segment (RFC 6901).
std::string segment(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// A link only for http(s) addresses; anything else (javascript:, data:) is text.
std::string url_html(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  if (url.empty()) return "<span class=\"muted\">(no URL)</span>";
  if (starts("http://") || starts("https://"))
    return "<a href=\"" + escape(url) + "\" rel=\"nofollow noopener noreferrer\">" + escape(url) + "</a>";
  return "<span class=\"url\">" + escape(url) + "</span>";
}

// One line on what each rejection reason means.
std::string explanation(std::string_view reason) {
  static const std::map<std::string_view, std::string_view> kText = {
      {"extract:empty", "no main text was found in the page"},
      {"extract:too_costly", "the page is over the HTML parser's work budget"},
      {"extract:error", "the page could not be decoded or parsed"},
      {"extract:disabled", "HTML extraction is switched off"},
      {"clean:empty", "nothing was left of the text after repair"},
      {"clean:error", "the text could not be repaired"},
      {"lang:unwanted_language", "the language is not one of those asked for"},
      {"lang:low_score", "the language model is not confident enough"},
      {"gopher_quality:word_count", "too few or too many words"},
      {"gopher_quality:mean_word_length", "words too short or too long on average"},
      {"gopher_quality:hash_ratio", "too many '#' per word"},
      {"gopher_quality:ellipsis_ratio", "too many ellipses per word"},
      {"gopher_quality:bullet_lines", "most lines start with a bullet"},
      {"gopher_quality:ellipsis_lines", "too many lines end with an ellipsis"},
      {"gopher_quality:alpha_words", "too few words hold a letter"},
      {"gopher_quality:stop_words", "too few common stop words: not running prose"},
      {"gopher_repetition:dup_para_frac", "too many repeated paragraphs"},
      {"gopher_repetition:dup_para_char_frac", "too much text in repeated paragraphs"},
      {"gopher_repetition:dup_line_frac", "too many repeated lines"},
      {"gopher_repetition:dup_line_char_frac", "too much text in repeated lines"},
      {"gopher_repetition:top_ngram", "one 2-, 3- or 4-word phrase covers too much of the text"},
      {"gopher_repetition:dup_ngram", "repeated 5- to 10-word phrases cover too much of the text"},
      {"c4:lorem_ipsum", "placeholder text (lorem ipsum)"},
      {"c4:curly_bracket", "a curly bracket: likely code"},
      {"c4:too_few_sentences", "too few sentences once C4's line rules have run"},
      {"c4:bad_words", "a word of the bad-words list"},
      {"fineweb:empty", "no lines left"},
      {"fineweb:line_punct_ratio", "too few lines end in punctuation"},
      {"fineweb:short_line_ratio", "too many short lines"},
      {"fineweb:char_dup_ratio", "too much text in repeated lines"},
      {"fineweb:list_ratio", "too many line breaks per word: a list"},
      {"dedup:exact", "the same text as a document kept before it"},
      {"dedup:near", "nearly the same text (MinHash) as a document kept before it"},
      {"dedup:error", "the duplicate check failed"},
  };
  if (auto it = kText.find(reason); it != kText.end()) return std::string(it->second);
  if (reason.rfind("read:", 0) == 0) return "the record could not be read from its input";
  return "";
}

// 50, 0.3, 1e+06: as short as the value allows.
std::string short_number(const json& v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v.get<double>());
  return buf;
}

// "word_count < 50 or > 100000" for the bounds behind a reason.
std::string threshold(const json& bounds, std::string_view reason) {
  std::string out;
  for (const auto& b : bounds) {
    if (b.at("reason").get<std::string>() != reason) continue;
    std::string figure = b.at("figure").get<std::string>();
    figure = figure.substr(figure.find('.') + 1);
    std::string part;
    if (!b.at("min").is_null()) part += figure + " < " + short_number(b.at("min"));
    if (!b.at("max").is_null()) {
      const char* above = b.value("max_inclusive", false) ? " ≥ " : " > ";
      part += (part.empty() ? figure + above : std::string(" or") + above) + short_number(b.at("max"));
    }
    out += (out.empty() ? "" : "; ") + part;
  }
  return out;
}

// Rows (name, kept, rejected) sorted by total, the first `n`.
std::vector<std::tuple<std::string, uint64_t, uint64_t>> top_pairs(const json& pairs, size_t n) {
  std::vector<std::tuple<std::string, uint64_t, uint64_t>> rows;
  for (const auto& [k, v] : pairs.items()) rows.emplace_back(k, v.at(0).get<uint64_t>(), v.at(1).get<uint64_t>());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::get<1>(a) + std::get<2>(a) > std::get<1>(b) + std::get<2>(b);
  });
  if (rows.size() > n) rows.resize(n);
  return rows;
}

// Histogram rows for the charts: {lower, upper, outcome, documents}.
json histogram_rows(const json& h, const char* first, const char* second, bool& doubling) {
  const auto& lower = h.at("lower");
  const auto& counts = h.at("counts");
  doubling = lower.size() > 3 && lower[2].get<double>() == 2 * lower[1].get<double>() &&
             lower[3].get<double>() == 2 * lower[2].get<double>();
  json rows = json::array();
  for (size_t i = 0; i < lower.size() && i < counts.size(); ++i) {
    double lo = lower[i].get<double>();
    double hi = i + 1 < lower.size() ? lower[i + 1].get<double>() : doubling ? 2 * lo : lo + (lo - lower[i - 1].get<double>());
    for (int o = 0; o < 2; ++o) {
      uint64_t n = counts[i][o].get<uint64_t>();
      if (n > 0) rows.push_back({{"lower", lo}, {"upper", hi}, {"outcome", o == 0 ? first : second}, {"documents", n}});
    }
  }
  return rows;
}

// JSON that can sit inside <script type="application/json">: no '<' can end
// the element or open a comment, whatever the strings hold.
std::string script_safe_json(const json& v) {
  io::JsonWriter j;
  io::write_json_tree(j, v);
  std::string out;
  for (char c : j.str()) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

class Page {
 public:
  explicit Page(const json& s) : s_(s), p_(s.at("profile")) {}

  std::string render() {
    header();
    funnel();
    rejections();
    languages();
    lengths();
    figures();
    duplicates();
    domains();
    extraction();
    timing();
    footer();
    return std::move(out_);
  }

 private:
  void section(const char* id, const char* title, const char* about) {
    if (open_) out_ += "</section>\n";
    out_ += std::string("<section id=\"") + id + "\"><h2>" + title + "</h2>";
    if (*about) out_ += std::string("<p class=\"about\">") + about + "</p>";
    open_ = true;
  }
  void chart(const char* id) { out_ += std::string("<div class=\"chart\" id=\"chart-") + id + "\"></div>"; }

  void header() {
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '" +
        std::string(assets::script_hash()) + "'; style-src '" + std::string(assets::style_hash()) +
        "'; img-src data:; base-uri 'none'; form-action 'none'\">"
        "<meta name=\"referrer\" content=\"no-referrer\">"
        "<title>saring report</title><style>" +
        std::string(assets::style()) + "</style></head>\n<body><header><h1>saring report</h1><p>";
    const auto& runs = s_.at("runs");
    out_ += runs.size() == 1 ? "Run " : std::to_string(runs.size()) + " runs: ";
    for (size_t i = 0; i < runs.size(); ++i)
      out_ += (i ? ", " : "") + std::string("<code>") + escape(runs[i].get<std::string>()) + "</code>";
    out_ += s_.at("complete").get<bool>() ? " (complete)" : " <strong>(not complete: the run is still going or was stopped)</strong>";
    out_ += "</p><nav>";
    for (auto [id, name] : {std::pair{"funnel", "Funnel"}, {"rejections", "Rejections"}, {"languages", "Languages"},
                            {"lengths", "Lengths"}, {"figures", "Quality figures"}, {"duplicates", "Duplicates"},
                            {"domains", "Domains"}, {"extraction", "Extraction"}, {"timing", "Time"}})
      out_ += std::string("<a href=\"#") + id + "\">" + name + "</a> ";
    out_ += "</nav></header><main>\n";
  }

  void funnel() {
    section("funnel", "From read to kept",
            "Documents and raw bytes still in after each stage; the last row is what was kept.");
    const uint64_t read = u64(s_, "/documents/read");
    uint64_t docs = read;
    uint64_t raw = u64(s_, "/bytes/raw");
    json rows = json::array();
    out_ += "<div class=\"scroll\"><table><thead><tr><th>Step</th><th>Documents</th><th>Removed</th>"
            "<th>Raw bytes</th></tr></thead><tbody>";
    out_ += "<tr><td>read</td>" + count_cell(read, "/documents/read") + "<td></td><td class=\"n\" title=\"" +
            count(raw) + " bytes\">" + bytes(static_cast<double>(raw)) + "</td></tr>";
    rows.push_back({{"step", "read"}, {"documents", docs}, {"order", 0}});
    int order = 1;
    for (const char* stage : kStages) {
      const json::json_pointer at("/rejected_by_stage/" + std::string(stage));
      if (!s_.contains(at)) continue;
      uint64_t removed = 0;
      for (const auto& [reason, n] : s_.at(at).items()) removed += n.get<uint64_t>();
      uint64_t removed_bytes = u64(p_, "/rejected_raw_bytes/" + std::string(stage));
      docs -= std::min(docs, removed);
      raw -= std::min(raw, removed_bytes);
      const std::string step = std::string("after ") + stage;
      out_ += "<tr><td>" + step + "</td>" + count_cell(docs) + "<td class=\"n\">−" + count(removed) + "</td><td class=\"n\">" +
              bytes(static_cast<double>(raw)) + "</td></tr>";
      rows.push_back({{"step", step}, {"documents", docs}, {"order", order++}});
    }
    out_ += "<tr class=\"total\"><td>kept</td>" + count_cell(u64(s_, "/documents/kept"), "/documents/kept") +
            "<td class=\"n\">−" + count(u64(s_, "/documents/rejected")) + "</td><td class=\"n\">" +
            bytes(static_cast<double>(raw)) + "</td></tr></tbody></table></div>";
    out_ += "<p>Kept <strong data-stat=\"/documents/kept\">" + count(u64(s_, "/documents/kept")) + "</strong> of " +
            count(read) + " documents (" + percent(double(u64(s_, "/documents/kept")), double(read)) +
            "); rejected <span data-stat=\"/documents/rejected\">" + count(u64(s_, "/documents/rejected")) +
            "</span>, of which <span data-stat=\"/documents/read_errors\">" + count(u64(s_, "/documents/read_errors")) +
            "</span> could not be read. Kept text: <span title=\"" + count(u64(s_, "/bytes/text_kept")) + " bytes\">" +
            bytes(double(u64(s_, "/bytes/text_kept"))) + "</span>; HTML read: <span title=\"" +
            count(u64(s_, "/bytes/html")) + " bytes\">" + bytes(double(u64(s_, "/bytes/html"))) + "</span>.</p>";
    chart("funnel");
    data_["funnel"] = rows;
  }

  void rejections() {
    section("rejections", "Rejections by stage and reason",
            "Open a reason for a few example documents: the same ones whichever machines ran the shards (the lowest hashes of their ids).");
    const uint64_t read = u64(s_, "/documents/read");
    const json& bounds = s_.at("bounds");
    const json& examples = p_.at("examples");
    json rows = json::array();
    out_ += "<div class=\"reasons\">";
    for (const char* stage : kStages) {
      const json::json_pointer at("/rejected_by_stage/" + std::string(stage));
      if (!s_.contains(at)) continue;
      std::vector<std::pair<std::string, uint64_t>> reasons;
      for (const auto& [reason, n] : s_.at(at).items()) reasons.emplace_back(reason, n.get<uint64_t>());
      std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      out_ += "<h3>" + std::string(stage) + "</h3>";
      for (const auto& [reason, n] : reasons) {
        rows.push_back({{"stage", stage}, {"reason", reason}, {"documents", n}});
        const std::string pointer = "/rejected_by_stage/" + std::string(stage) + "/" + segment(reason);
        out_ += "<details class=\"reason\"><summary><span class=\"name\">" + escape(reason) +
                "</span> <span class=\"count\" data-stat=\"" + escape(pointer) + "\">" + count(n) +
                "</span> <span class=\"muted\">" + percent(double(n), double(read)) + "</span>";
        std::string why = explanation(reason), cut = threshold(bounds, reason);
        if (!why.empty()) out_ += "<span class=\"why\">" + escape(why) + "</span>";
        if (!cut.empty()) out_ += "<span class=\"cut\">rejected when " + escape(cut) + "</span>";
        out_ += "</summary>";
        if (examples.contains(reason)) example_list(examples.at(reason));
        out_ += "</details>";
      }
    }
    out_ += "</div>";
    if (rows.empty()) out_ += "<p>Nothing was rejected.</p>";
    else chart("rejections");
    data_["rejections"] = rows;
    if (examples.contains("kept")) {
      out_ += "<details class=\"reason\"><summary><span class=\"name\">examples of kept documents</span></summary>";
      example_list(examples.at("kept"));
      out_ += "</details>";
    }
  }

  void example_list(const json& list) {
    out_ += "<ol class=\"examples\">";
    for (const auto& e : list) {
      out_ += "<li><div class=\"url\">" + url_html(e.at("url").get<std::string>()) + "</div><div class=\"muted\">" +
              escape(e.at("id").get<std::string>());
      if (auto lang = e.at("language").get<std::string>(); !lang.empty()) out_ += " · " + escape(lang);
      out_ += "</div>";
      if (auto d = e.at("detail").get<std::string>(); !d.empty()) out_ += "<div>" + escape(d) + "</div>";
      if (auto d = e.at("dup_of").get<std::string>(); !d.empty()) out_ += "<div>duplicate of " + escape(d) + "</div>";
      if (!e.at("figures").empty()) {
        out_ += "<div class=\"figs\">";
        for (const auto& [k, v] : e.at("figures").items())
          out_ += "<span>" + escape(k) + " = " + (v.is_number() ? decimal(v.get<double>(), 3) : "–") + "</span> ";
        out_ += "</div>";
      }
      out_ += "<pre>" + escape(e.at("head").get<std::string>()) + "</pre></li>";
    }
    out_ += "</ol>";
  }

  void pair_table(const char* what, const json& pairs, size_t n, const char* pointer_base, json& rows) {
    auto top = top_pairs(pairs, n);
    out_ += std::string("<div class=\"scroll\"><table><thead><tr><th>") + what +
            "</th><th>Kept</th><th>Rejected</th></tr></thead><tbody>";
    for (const auto& [name, kept, rejected] : top) {
      const std::string base = std::string(pointer_base) + segment(name);
      out_ += "<tr><td>" + (name.empty() ? std::string("<span class=\"muted\">unknown</span>") : escape(name)) + "</td>" +
              count_cell(kept, base + "/0") + count_cell(rejected, base + "/1") + "</tr>";
      const std::string label = name.empty() ? "unknown" : name;
      rows.push_back({{"name", label}, {"outcome", "kept"}, {"documents", kept}});
      rows.push_back({{"name", label}, {"outcome", "rejected"}, {"documents", rejected}});
    }
    out_ += "</tbody></table></div>";
    if (pairs.size() > n) out_ += "<p class=\"muted\">" + count(pairs.size() - n) + " more not shown.</p>";
  }

  void languages() {
    section("languages", "Languages",
            "Documents that reached language identification, by the language found (kept, and rejected there or later).");
    json rows = json::array();
    chart("languages");
    pair_table("Language", p_.at("languages"), kTopLanguages, "/profile/languages/", rows);
    data_["languages"] = rows;
  }

  void lengths() {
    section("lengths", "Text lengths", "Bytes of text per document, in bins of powers of two.");
    bool doubling = false;
    data_["text_length"] = histogram_rows(p_.at("text_length"), "kept", "rejected", doubling);
    chart("text_length");
  }

  void figures() {
    section("figures", "Quality figures",
            "Each figure the filters computed, for the documents that reached them (passed, or rejected by the filters), "
            "with the threshold marked in red.");
    json list = json::array();
    out_ += "<div class=\"grid\">";
    int i = 0;
    for (const auto& [name, h] : p_.at("figures").items()) {
      bool doubling = false;
      json item = {{"figure", name}, {"rows", histogram_rows(h, "passed", "rejected", doubling)}};
      item["scale"] = doubling ? "symlog" : "linear";
      json cuts = json::array();
      for (const auto& b : s_.at("bounds"))
        if (b.at("figure").get<std::string>() == name)
          for (const char* side : {"min", "max"})
            if (!b.at(side).is_null()) cuts.push_back({{"value", b.at(side)}, {"side", side}});
      item["thresholds"] = cuts;
      list.push_back(item);
      out_ += "<div class=\"chart small\" id=\"chart-figure-" + std::to_string(i++) + "\"></div>";
    }
    out_ += "</div>";
    if (list.empty()) out_ += "<p>The filters did not run.</p>";
    data_["figures"] = list;
  }

  void duplicates() {
    section("duplicates", "Duplicate clusters",
            "Documents per cluster: a kept document and the exact or near duplicates removed for it (within each run).");
    json rows = json::array();
    out_ += "<div class=\"scroll\"><table><thead><tr><th>Documents in the cluster</th><th>Clusters</th></tr></thead><tbody>";
    std::vector<std::pair<uint64_t, uint64_t>> sizes;
    for (const auto& [size, n] : p_.at("duplicate_clusters").items()) sizes.emplace_back(std::stoull(size), n.get<uint64_t>());
    std::sort(sizes.begin(), sizes.end());
    for (const auto& [size, n] : sizes) {
      out_ += "<tr><td>" + count(size) + "</td>" + count_cell(n, "/profile/duplicate_clusters/" + std::to_string(size)) + "</tr>";
      rows.push_back({{"size", size}, {"clusters", n}});
    }
    out_ += "</tbody></table></div>";
    if (rows.empty()) out_ += "<p>No duplicates were found.</p>";
    else chart("duplicates");
    data_["duplicates"] = rows;
  }

  void domains() {
    section("domains", "Top domains", "The sites with the most documents.");
    json rows = json::array();
    chart("domains");
    pair_table("Domain", p_.at("domains"), kTopDomains, "/profile/domains/", rows);
    data_["domains"] = rows;
  }

  void counts_table(const char* what, const json& counts, const char* pointer_base, json& rows) {
    std::vector<std::pair<std::string, uint64_t>> list;
    for (const auto& [k, v] : counts.items()) list.emplace_back(k, v.get<uint64_t>());
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out_ += std::string("<div class=\"scroll\"><table><thead><tr><th>") + what + "</th><th>Documents</th></tr></thead><tbody>";
    for (const auto& [name, n] : list) {
      out_ += "<tr><td>" + escape(name) + "</td>" + count_cell(n, std::string(pointer_base) + segment(name)) + "</tr>";
      rows.push_back({{"name", name}, {"documents", n}});
    }
    out_ += "</tbody></table></div>";
  }

  void extraction() {
    section("extraction", "Extraction stages and charsets",
            "Which step of the extraction cascade gave each HTML page its text, and the character sets pages were decoded from.");
    json stages = json::array(), charsets = json::array();
    out_ += "<div class=\"pair\"><div>";
    counts_table("Stage", p_.at("extraction_stages"), "/profile/extraction_stages/", stages);
    out_ += "</div><div>";
    counts_table("Charset", p_.at("charsets"), "/profile/charsets/", charsets);
    out_ += "</div></div>";
    data_["extraction_stages"] = stages;
    data_["charsets"] = charsets;
  }

  void timing() {
    section("timing", "Time per stage and throughput",
            "CPU seconds per stage over all threads (and machines), and documents per second of wall time.");
    json rows = json::array();
    out_ += "<div class=\"scroll\"><table><thead><tr><th>Stage</th><th>CPU seconds</th><th>Share</th></tr></thead><tbody>";
    for (const auto& [stage, v] : s_.at("seconds").items()) {
      out_ += "<tr><td>" + escape(stage) + "</td><td class=\"n\">" + decimal(v.get<double>(), 2) + "</td><td class=\"n\">" +
              percent(s_.at("stage_share").value(stage, 0.0), 1.0) + "</td></tr>";
      rows.push_back({{"stage", stage}, {"seconds", v.get<double>()}});
    }
    const json& t = s_.at("throughput");
    out_ += "</tbody></table></div><p>Wall time " + decimal(s_.at("wall_seconds").get<double>(), 1) + " s" +
            (s_.at("runs").size() > 1 ? " (the slowest run)" : "") + ": " +
            decimal(t.at("docs_per_second").get<double>(), 0) + " documents/s, " +
            decimal(t.at("raw_mb_per_second").get<double>(), 1) + " MB/s of input.</p>";
    chart("timing");
    data_["timing"] = rows;
  }

  void footer() {
    if (open_) out_ += "</section>\n";
    out_ += "</main><footer>Made by saring report from stats.json; charts drawn with Vega-Lite.</footer>\n"
            "<script type=\"application/json\" id=\"saring-data\">" +
            script_safe_json(data_) + "</script>\n<script>" + std::string(assets::script()) +
            "</script>\n</body></html>\n";
  }

  const json& s_;
  const json& p_;
  std::string out_;
  json data_ = json::object();
  bool open_ = false;
};

}  // namespace

Result<std::string> render_report(const std::vector<std::string>& run_dirs) {
  auto summary = load_runs(run_dirs);
  if (!summary.ok()) return summary.error();
  try {
    return Page(*summary).render();
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCode::parse, std::string("stats.json is malformed: ") + e.what());
  }
}

Result<std::string> write_report(const ReportOptions& options) {
  if (options.run_dirs.empty()) return make_error(ErrorCode::invalid_input, "no run folder given");
  auto html = render_report(options.run_dirs);
  if (!html.ok()) return html.error();
  std::string path = options.output.empty() ? options.run_dirs.front() + "/report.html" : options.output;
  auto st = io::write_file_atomic(path, *html);
  if (!st.ok()) return st.error();
  return path;
}

}  // namespace saring::report
