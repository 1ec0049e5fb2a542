// html_parse_speed: how fast parse() (backend + DOM build) runs on a folder
// of pages. Not a test: a measuring tool for docs/html-parser.md.
//
//   html_parse_speed --robustness
//   html_parse_speed DIR [--backend native|myhtml|libxml2|myhtml-raw|libxml2-raw]
//                        [--repeat N] [--decode] [--owned] [--slowest K] [--compare OTHER]
//
// Reads every .html / .html.gz file under DIR (recursively) into memory,
// decodes each to UTF-8 once (timed separately with --decode), then parses
// all pages N times on one thread. The "-raw" backends run the library
// alone, without building our DOM, so the builder's share can be read off.
// --robustness parses synthetic worst cases instead (deep nesting, a 50 MB
// page, random bytes) and reports time, depth and whether text survived.
// Times are this thread's CPU time (best of N runs), so figures stay
// comparable on a loaded machine. Prints MB/s of HTML, pages/s and the peak resident set size; --slowest K
// lists the K slowest pages; --owned times parse_decoded() (on copies of the
// decoded pages made before the clock starts) instead of parse(); --compare
// OTHER parses every page with both
// backends and prints where their trees (names and text) first differ.
#include <libxml/HTMLparser.h>
#include <myhtml/api.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "probe.h"
#include "saring/html.h"

namespace fs = std::filesystem;
using namespace saring;

namespace {

using bench::thread_cpu_seconds;

bool read_file(const fs::path& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  if (!f) return false;
  gzbuffer(f, 1 << 16);
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

size_t raw_myhtml(const std::string& page) {
  static myhtml_t* myhtml = [] {
    myhtml_t* m = myhtml_create();
    myhtml_init(m, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    return m;
  }();
  static myhtml_tree_t* tree = [] {
    myhtml_tree_t* t = myhtml_tree_create();
    myhtml_tree_init(t, myhtml);
    return t;
  }();
  myhtml_parse(tree, MyENCODING_UTF_8, page.data(), page.size());
  size_t nodes = myhtml_node_child(myhtml_tree_get_document(tree)) != nullptr;
  myhtml_tree_clean(tree);
  return nodes;
}

size_t raw_libxml2(const std::string& page) {
  htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  size_t nodes = doc != nullptr;
  if (doc) xmlFreeDoc(doc);
  return nodes;
}

// Synthetic worst cases, each parsed once with each backend.
int robustness() {
  std::vector<std::pair<std::string, std::string>> cases;
  {
    std::string h = "<html><body>";
    for (int i = 0; i < 100000; ++i) h += "<div>";
    h += "deepest";
    for (int i = 0; i < 100000; ++i) h += "</div>";
    cases.emplace_back("100k nested <div>", std::move(h));
  }
  {
    std::string h = "<body>";
    for (int i = 0; i < 100000; ++i) h += "<b><div></b>";
    cases.emplace_back("100k <b><div></b>", std::move(h) + "deepest");
  }
  {
    std::string h = "<body>";
    for (int i = 0; i < 100000; ++i) h += "<div></span>";
    cases.emplace_back("100k <div></span>", std::move(h) + "deepest");
  }
  {
    std::string h = "<body>";
    for (int i = 0; i < 1000000; ++i) h += "<div>";
    cases.emplace_back("1M unclosed <div>", std::move(h) + "deepest");
  }
  {
    std::string h = "<body><div";
    for (int i = 0; i < 100000; ++i) h += " a" + std::to_string(i) + "=\"v\"";
    cases.emplace_back("100k attributes", std::move(h) + ">deepest</div>");
  }
  {
    std::string h = "<body>";
    for (int i = 0; i < 30000; ++i) h += "<div><span><a href=#><b>";
    cases.emplace_back("30k <div><span><a><b>", std::move(h) + "deepest");
  }
  {
    std::string h = "<html><head><title>big</title></head><body>";
    int i = 0;
    while (h.size() < 50u * 1000u * 1000u) {
      h += "<div class=\"post\"><h2>Heading " + std::to_string(i) +
           "</h2><p>Some <a href=\"/x/" + std::to_string(i) +
           "\">linked</a> text &amp; more text in paragraph " + std::to_string(i) +
           ", long enough to look like prose.</p></div>\n";
      ++i;
    }
    cases.emplace_back("50 MB page", std::move(h) + "deepest</body></html>");
  }
  {
    std::string h(10u * 1000u * 1000u, '\0');
    uint64_t x = 88172645463325252ull;
    for (char& c : h) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      c = static_cast<char>(x);
    }
    cases.emplace_back("10 MB random bytes", html::decode_to_utf8(h).utf8 + "deepest");
  }
  for (auto& [name, page] : cases) {
    for (html::Backend b : {html::Backend::native, html::Backend::myhtml, html::Backend::libxml2}) {
      html::ParseOptions o;
      o.backend = b;
      double start = thread_cpu_seconds();
      auto doc = html::parse(page, o);
      double s = thread_cpu_seconds() - start;
      uint32_t depth = 0;
      bool kept = false;
      if (doc.ok()) {
        html::walk(doc->root(), [&](const html::Node* n) {
          depth = std::max<uint32_t>(depth, n->depth);
          if (n->is_text() && n->text().find("deepest") != std::string_view::npos) kept = true;
          return true;
        });
      }
      std::printf("%-20s %-8s %7.3f CPU s  %6.1f MB/s  %s  nodes=%zu  max depth=%u  last text %s  "
                  "peak RSS %.0f MB\n",
                  name.c_str(), std::string(html::to_string(b)).c_str(), s, page.size() / 1e6 / s,
                  doc.ok() ? "ok" : doc.error().describe().c_str(), doc.ok() ? doc->node_count() : 0,
                  depth, kept ? "kept" : "LOST", peak_rss_mb());
    }
  }
  return 0;
}

// Serializes a tree (element names and text only) for --compare.
std::string serialize(const html::Node* root) {
  std::string out;
  const html::Node* n = root;
  // Iterative pre/post order walk so closing tags are written too.
  while (n) {
    if (n->is_element()) out += "<" + std::string(n->name()) + ">";
    else if (n->is_text() && n->text().find_first_not_of(" \t\r\n\f") != std::string_view::npos)
      out += n->text();  // whitespace-only text is left out (HTML5 puts it in several places)
    if (n->first_child()) {
      n = n->first_child();
      continue;
    }
    for (;;) {
      if (n->is_element()) out += "</" + std::string(n->name()) + ">";
      if (n == root) return out;
      if (n->next_sibling()) {
        n = n->next_sibling();
        break;
      }
      n = n->parent();
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--robustness") return robustness();
  if (argc < 2) {
    std::cerr << "usage: html_parse_speed DIR [--backend NAME] [--repeat N] [--decode] [--owned]\n";
    return 2;
  }
  std::string dir = argv[1], backend_name = "myhtml";
  int repeat = 3;
  bool time_decode = false;
  bool owned_input = false;
  int slowest = 0;
  std::string compare_with;  // --compare OTHER: tree differences instead of timing
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--backend" && i + 1 < argc) backend_name = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--decode") time_decode = true;
    else if (a == "--owned") owned_input = true;
    else if (a == "--slowest" && i + 1 < argc) slowest = std::atoi(argv[++i]);
    else if (a == "--compare" && i + 1 < argc) compare_with = argv[++i];
    else {
      std::cerr << "unknown argument " << a << "\n";
      return 2;
    }
  }
  std::vector<fs::path> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_regular_file() && (name.ends_with(".html") || name.ends_with(".html.gz") ||
                                  name.ends_with(".htm")))
      paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> raw(paths.size());
  for (size_t i = 0; i < paths.size(); ++i)
    if (!read_file(paths[i], raw[i])) std::cerr << "cannot read " << paths[i] << "\n";

  size_t raw_bytes = 0;
  for (auto& r : raw) raw_bytes += r.size();
  std::vector<std::string> pages(raw.size());
  std::map<std::string, size_t> charsets;  // "source charset" -> pages
  size_t invalid_pages = 0;
  double t0 = thread_cpu_seconds();
  for (size_t i = 0; i < raw.size(); ++i) {
    html::DecodedText d = html::decode_to_utf8(raw[i]);
    ++charsets[std::string(html::to_string(d.source)) + " " + d.charset];
    invalid_pages += d.invalid_bytes > 0;
    pages[i] = std::move(d.utf8);
  }
  double decode_s = thread_cpu_seconds() - t0;
  raw.clear();
  raw.shrink_to_fit();
  size_t bytes = 0;
  for (auto& p : pages) bytes += p.size();
  if (time_decode) {
    std::printf("decode: %zu pages, %.1f MB in %.3f CPU s: %.1f MB/s; %zu pages with invalid bytes\n",
                pages.size(), raw_bytes / 1e6, decode_s, raw_bytes / 1e6 / decode_s, invalid_pages);
    for (const auto& [name, n] : charsets) std::printf("  %5zu  %s\n", n, name.c_str());
  }

  if (!compare_with.empty()) {
    // Parses every page with both backends and shows where the trees differ.
    html::ParseOptions a, b;
    a.backend = html::backend_from_string(backend_name).value();
    b.backend = html::backend_from_string(compare_with).value();
    size_t differ = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      auto da = html::parse(pages[i], a);
      auto db = html::parse(pages[i], b);
      if (!da.ok() || !db.ok()) continue;
      std::string sa = serialize(da->root()), sb = serialize(db->root());
      if (sa == sb) continue;
      ++differ;
      size_t k = 0;
      while (k < sa.size() && k < sb.size() && sa[k] == sb[k]) ++k;
      size_t from = k > 150 ? k - 150 : 0;
      std::printf("== %s (nodes %zu vs %zu)\n  %s: ...%s\n  %s: ...%s\n", paths[i].c_str(),
                  da->node_count(), db->node_count(), backend_name.c_str(),
                  sa.substr(from, 300).c_str(), compare_with.c_str(), sb.substr(from, 300).c_str());
    }
    std::printf("%zu of %zu pages differ\n", differ, pages.size());
    return 0;
  }
  html::ParseOptions options;
  bool raw_mode = backend_name.ends_with("-raw");
  if (!raw_mode) {
    auto b = html::backend_from_string(backend_name);
    if (!b.ok()) {
      std::cerr << b.error().describe() << "\n";
      return 2;
    }
    options.backend = b.value();
  }
  size_t nodes = 0, failures = 0;
  double best = 1e30;
  std::vector<double> page_seconds(pages.size(), 1e30);
  for (int r = 0; r < repeat; ++r) {
    // --owned: parse_decoded() on copies made before the clock starts, as
    // saring's page pipeline hands decode_to_utf8's string over.
    std::vector<html::DecodedText> owned(owned_input ? pages.size() : 0);
    for (size_t pi = 0; pi < owned.size(); ++pi) owned[pi].utf8 = pages[pi];
    double start = thread_cpu_seconds();
    for (size_t pi = 0; pi < pages.size(); ++pi) {
      const std::string& page = pages[pi];
      double page_start = thread_cpu_seconds();
      if (backend_name == "myhtml-raw") {
        nodes += raw_myhtml(page);
      } else if (backend_name == "libxml2-raw") {
        nodes += raw_libxml2(page);
      } else {
        auto doc = owned_input ? html::parse_decoded(owned[pi], options) : html::parse(page, options);
        if (doc.ok()) nodes += doc->node_count();
        else ++failures;
      }
      page_seconds[pi] = std::min(
          page_seconds[pi], thread_cpu_seconds() - page_start);
    }
    best = std::min(best, thread_cpu_seconds() - start);
  }
  std::printf(
      "%s: %zu pages, %.1f MB, best of %d: %.3f CPU s = %.1f MB/s, %.0f pages/s, "
      "%zu nodes/run, %zu failures, peak RSS %.0f MB\n",
      backend_name.c_str(), pages.size(), bytes / 1e6, repeat, best, bytes / 1e6 / best,
      pages.size() / best, nodes / repeat, failures / repeat, peak_rss_mb());
  if (slowest > 0) {
    std::vector<size_t> order(pages.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return page_seconds[a] > page_seconds[b]; });
    for (size_t i = 0; i < std::min<size_t>(slowest, order.size()); ++i)
      std::printf("  %.4f s  %8zu bytes  %.1f MB/s  %s\n", page_seconds[order[i]],
                  pages[order[i]].size(), pages[order[i]].size() / 1e6 / page_seconds[order[i]],
                  paths[order[i]].c_str());
  }
  return 0;
}
