// meta_probe: prints the metadata saring finds for many pages, one JSON line
// per page, for bench/meta_eval.py to compare with a gold set. Not a test.
//
// Reads lines "ID<TAB>PATH<TAB>URL" on standard input (URL may be empty; PATH
// may be .gz), writes {"id","title","author","date","date_source",...}.
#include <zlib.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "saring/html.h"
#include "saring/meta.h"

namespace {

bool read_file(const std::string& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");  // also reads plain files
  if (!f) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

nlohmann::json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

}  // namespace

int main() {
  std::string line;
  double total_ms = 0;
  size_t pages = 0;
  while (std::getline(std::cin, line)) {
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    std::string id = line.substr(0, t1);
    std::string path = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
    std::string url = t2 == std::string::npos ? "" : line.substr(t2 + 1);
    nlohmann::json out;
    out["id"] = id;
    std::string bytes;
    if (!read_file(path, bytes)) {
      out["error"] = "cannot read " + path;
      std::cout << out.dump() << "\n";
      continue;
    }
    auto decoded = saring::html::decode_to_utf8(bytes);
    auto doc = saring::html::parse(decoded.utf8);
    if (!doc.ok()) {
      out["error"] = doc.error().describe();
      std::cout << out.dump() << "\n";
      continue;
    }
    auto start = std::chrono::steady_clock::now();
    saring::meta::Metadata m = saring::meta::extract_metadata(*doc, url);
    total_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ++pages;
    out["title"] = opt(m.title);
    out["author"] = opt(m.author);
    out["date"] = opt(m.date);
    out["date_source"] = m.date_source;
    out["sitename"] = opt(m.sitename);
    out["description"] = opt(m.description);
    out["image"] = opt(m.image);
    out["url"] = opt(m.url);
    out["language_hint"] = opt(m.language_hint);
    out["page_type"] = opt(m.page_type);
    out["tags"] = m.tags;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  std::cerr << "meta_probe: " << pages << " pages, extract_metadata " << total_ms << " ms in all\n";
  return 0;
}
