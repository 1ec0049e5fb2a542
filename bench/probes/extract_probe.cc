// extract_probe: a measuring driver, not a test. Reads .html.gz / .html files
// (paths as arguments, or one per line on stdin with --stdin) and writes one
// JSON line per page, {"source": PATH, "text": TEXT, "stage": STAGE}, using
// html::decode_to_utf8 + html::parse + extract_content + render_text. Timing
// of the extraction alone and of parse+extract goes to stderr.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "saring/extract.h"
#include "saring/html.h"

namespace {

bool read_file(const std::string& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  saring::extract::ExtractOptions options;
  bool markdown = false;
  int repeat = 1;
  bool from_stdin = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--stdin") from_stdin = true;
    else if (a == "--md") markdown = true;
    else if (a == "--comments") options.include_comments = true;
    else if (a == "--no-tables") options.include_tables = false;
    else if (a == "--precision") options.focus = saring::extract::Focus::precision;
    else if (a == "--recall") options.focus = saring::extract::Focus::recall;
    else if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
    else paths.push_back(a);
  }
  if (from_stdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty()) paths.push_back(line);
    }
  }
  using clock = std::chrono::steady_clock;
  double parse_s = 0, extract_s = 0;
  size_t bytes = 0;
  for (const std::string& path : paths) {
    std::string raw;
    if (!read_file(path, raw)) {
      std::cerr << "cannot read " << path << "\n";
      continue;
    }
    std::string text;
    std::string stage;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = clock::now();
      auto decoded = saring::html::decode_to_utf8(raw);
      auto doc = saring::html::parse(decoded.utf8);
      auto t1 = clock::now();
      if (!doc) {
        std::cerr << path << ": " << doc.error().describe() << "\n";
        break;
      }
      auto content = saring::extract::extract_content(*doc, options);
      auto t2 = clock::now();
      text = markdown ? saring::extract::render_markdown(content)
                      : saring::extract::render_text(content);
      stage = std::string(saring::extract::to_string(content.stage));
      parse_s += std::chrono::duration<double>(t1 - t0).count();
      extract_s += std::chrono::duration<double>(t2 - t1).count();
      bytes += raw.size();
    }
    nlohmann::json j = {{"source", path}, {"text", text}, {"stage", stage}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  double mb = bytes / 1e6;
  std::fprintf(stderr, "pages %zu, %.1f MB: decode+parse %.3f s (%.1f MB/s), extract %.3f s (%.1f MB/s)\n",
               paths.size(), mb, parse_s, parse_s > 0 ? mb / parse_s : 0, extract_s,
               extract_s > 0 ? mb / extract_s : 0);
  return 0;
}
