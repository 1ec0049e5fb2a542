// Input discovery: file names to formats, directories to sorted file lists.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "saring/io.h"

namespace saring::io {

namespace fs = std::filesystem;

std::string_view to_string(Format f) {
  switch (f) {
    case Format::automatic: return "auto";
    case Format::warc: return "warc";
    case Format::jsonl: return "jsonl";
    case Format::html: return "html";
    case Format::text: return "text";
  }
  return "unknown";
}

Result<Format> format_from_string(std::string_view name) {
  if (name == "auto") return Format::automatic;
  if (name == "warc" || name == "wet") return Format::warc;
  if (name == "jsonl") return Format::jsonl;
  if (name == "html") return Format::html;
  if (name == "text" || name == "txt") return Format::text;
  return make_error(ErrorCode::invalid_input, "unknown input format '" + std::string(name) +
                                                  "' (auto, warc, jsonl, html, text)");
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Format format_from_path(std::string_view path) {
  std::string p = lower(path);
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (ends_with(p, z)) {
      p.resize(p.size() - z.size());
      break;
    }
  }
  if (ends_with(p, ".warc") || ends_with(p, ".wet") || ends_with(p, ".arc.warc")) return Format::warc;
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson")) return Format::jsonl;
  if (ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml")) return Format::html;
  if (ends_with(p, ".txt")) return Format::text;
  return Format::automatic;
}

Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& paths, Format forced) {
  std::vector<Input> out;
  for (const auto& path : paths) {
    if (path == "-") {
      out.push_back({path, forced});
      continue;
    }
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
      return make_error(ErrorCode::io, path + ": no such file or directory");
    if (!fs::is_directory(st)) {
      out.push_back({path, forced == Format::automatic ? format_from_path(path) : forced});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) return make_error(ErrorCode::io, path + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return make_error(ErrorCode::io, path + ": " + ec.message());
      const auto& entry = *it;
      std::error_code fec;
      if (!entry.is_regular_file(fec)) continue;
      std::string name = entry.path().generic_string();
      std::string base = entry.path().filename().generic_string();
      if (!base.empty() && base[0] == '.') continue;  // hidden and temporary files
      if (format_from_path(name) == Format::automatic && forced == Format::automatic) continue;
      found.push_back(std::move(name));
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) {
      Format fmt = forced == Format::automatic ? format_from_path(f) : forced;
      out.push_back({std::move(f), fmt});
    }
  }
  return out;
}

}  // namespace saring::io
