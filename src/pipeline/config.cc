// The TOML configuration of `saring run` (toml++). Each section maps onto one
// stage's options; the [filter] section is handed to filter::apply_toml, so
// its keys are exactly those of saring/filter.h. Unknown sections and keys
// are errors: a typo must not silently run with defaults.
#include <toml++/toml.h>

#include <sstream>

#include "saring/filter_toml.h"
#include "saring/pipeline.h"

namespace saring::pipeline {

namespace {

Error bad(const std::string& key, const std::string& what) {
  return make_error(ErrorCode::invalid_input, "config: " + key + ": " + what);
}

// Typed readers of one key; each returns an error naming the key.
Status get_bool(const toml::node& n, const std::string& key, bool& out) {
  if (auto v = n.as_boolean()) {
    out = v->get();
    return ok_status();
  }
  return bad(key, "expected true or false");
}

Status get_uint(const toml::node& n, const std::string& key, uint64_t& out) {
  if (auto v = n.as_integer(); v && v->get() >= 0) {
    out = static_cast<uint64_t>(v->get());
    return ok_status();
  }
  if (auto s = n.as_string()) {  // "128M", "64K", "1G"
    std::string t = s->get();
    uint64_t mult = 1;
    if (!t.empty()) {
      char u = static_cast<char>(std::toupper(static_cast<unsigned char>(t.back())));
      if (u == 'K') mult = 1ull << 10;
      if (u == 'M') mult = 1ull << 20;
      if (u == 'G') mult = 1ull << 30;
      if (mult != 1) t.pop_back();
    }
    try {
      size_t pos = 0;
      unsigned long long v = std::stoull(t, &pos);
      if (pos == t.size() && !t.empty()) {
        out = v * mult;
        return ok_status();
      }
    } catch (...) {
    }
  }
  return bad(key, "expected a non-negative integer (or a size such as \"128M\")");
}

Status get_double(const toml::node& n, const std::string& key, double& out) {
  if (auto v = n.as_floating_point()) {
    out = v->get();
    return ok_status();
  }
  if (auto v = n.as_integer()) {
    out = static_cast<double>(v->get());
    return ok_status();
  }
  return bad(key, "expected a number");
}

Status get_string(const toml::node& n, const std::string& key, std::string& out) {
  if (auto v = n.as_string()) {
    out = v->get();
    return ok_status();
  }
  return bad(key, "expected a string");
}

Status get_strings(const toml::node& n, const std::string& key, std::vector<std::string>& out) {
  out.clear();
  if (auto a = n.as_array()) {
    for (const auto& item : *a) {
      auto s = item.as_string();
      if (!s) return bad(key, "expected an array of strings");
      out.push_back(s->get());
    }
    return ok_status();
  }
  if (auto s = n.as_string()) {  // "en,id"
    std::stringstream ss(s->get());
    std::string part;
    while (std::getline(ss, part, ','))
      if (!part.empty()) out.push_back(part);
    return ok_status();
  }
  return bad(key, "expected an array of strings");
}

#define SARING_TRY(expr)            \
  do {                              \
    auto _st = (expr);              \
    if (!_st.ok()) return _st;      \
  } while (0)

Status apply_section(const std::string& section, const toml::table& t, RunOptions& o) {
  for (const auto& [k, n] : t) {
    const std::string key(k.str());
    const std::string full = section + "." + key;
    uint64_t u = 0;
    if (section == "input") {
      if (key == "format") {
        std::string s;
        SARING_TRY(get_string(n, full, s));
        auto f = io::format_from_string(s);
        if (!f.ok()) return bad(full, f.error().message);
        o.input_format = *f;
      } else if (key == "max_record_bytes") {
        SARING_TRY(get_uint(n, full, o.reader.max_record_bytes));
      } else if (key == "keep_non_2xx") {
        SARING_TRY(get_bool(n, full, o.reader.keep_non_2xx));
      } else if (key == "keep_text_responses") {
        SARING_TRY(get_bool(n, full, o.reader.keep_text_responses));
      } else {
        return bad(full, "unknown key");
      }
    } else if (section == "extract") {
      auto& e = o.page.extract;
      if (key == "enabled") SARING_TRY(get_bool(n, full, o.extract_enabled));
      else if (key == "include_comments") SARING_TRY(get_bool(n, full, e.include_comments));
      else if (key == "include_tables") SARING_TRY(get_bool(n, full, e.include_tables));
      else if (key == "include_links") SARING_TRY(get_bool(n, full, e.include_links));
      else if (key == "include_images") SARING_TRY(get_bool(n, full, e.include_images));
      else if (key == "include_formatting") SARING_TRY(get_bool(n, full, e.include_formatting));
      else if (key == "focus") {
        std::string s;
        SARING_TRY(get_string(n, full, s));
        if (s == "balanced") e.focus = extract::Focus::balanced;
        else if (s == "precision") e.focus = extract::Focus::precision;
        else if (s == "recall") e.focus = extract::Focus::recall;
        else return bad(full, "expected balanced, precision or recall");
      } else if (key == "markdown") {
        bool md = false;
        SARING_TRY(get_bool(n, full, md));
        o.page.output = md ? page::OutputText::markdown : page::OutputText::plain;
      } else if (key == "parser") {
        std::string s;
        SARING_TRY(get_string(n, full, s));
        auto b = html::backend_from_string(s);
        if (!b.ok()) return bad(full, b.error().message);
        o.page.parse.backend = *b;
      } else {
        return bad(full, "unknown key");
      }
    } else if (section == "clean") {
      if (key == "enabled") SARING_TRY(get_bool(n, full, o.clean_enabled));
      else if (key == "aggressive") SARING_TRY(get_bool(n, full, o.clean.aggressive));
      else if (key == "keep_title") SARING_TRY(get_bool(n, full, o.clean.keep_title));
      else return bad(full, "unknown key");
    } else if (section == "lang") {
      if (key == "enabled") SARING_TRY(get_bool(n, full, o.lang_enabled));
      else if (key == "languages") SARING_TRY(get_strings(n, full, o.languages));
      else if (key == "min_score") SARING_TRY(get_double(n, full, o.min_language_score));
      else if (key == "model") SARING_TRY(get_string(n, full, o.model_path));
      else return bad(full, "unknown key");
    } else if (section == "dedup") {
      if (key == "enabled") SARING_TRY(get_bool(n, full, o.dedup_enabled));
      else if (key == "exact") SARING_TRY(get_bool(n, full, o.dedup_index.exact));
      else if (key == "near") SARING_TRY(get_bool(n, full, o.dedup_index.near));
      else if (key == "shingle_size" || key == "bands" || key == "rows" || key == "seed") {
        SARING_TRY(get_uint(n, full, u));
        if (key == "seed") o.minhash.seed = u;
        else if (u > 100000) return bad(full, "too large");
        else if (key == "shingle_size") o.minhash.shingle_size = static_cast<uint32_t>(u);
        else if (key == "bands") o.minhash.num_bands = static_cast<uint32_t>(u);
        else o.minhash.rows_per_band = static_cast<uint32_t>(u);
      } else {
        return bad(full, "unknown key");
      }
    } else if (section == "output") {
      if (key == "shard_bytes") SARING_TRY(get_uint(n, full, o.output_shard_bytes));
      else if (key == "zstd_level") {
        SARING_TRY(get_uint(n, full, u));
        if (u < 1 || u > 19) return bad(full, "expected 1..19");
        o.zstd_level = static_cast<int>(u);
      } else if (key == "rejected") SARING_TRY(get_bool(n, full, o.write_rejected));
      else if (key == "rejected_text") SARING_TRY(get_bool(n, full, o.rejected_text));
      else return bad(full, "unknown key");
    } else if (section == "run") {
      if (key == "threads") {
        SARING_TRY(get_uint(n, full, u));
        o.threads = static_cast<unsigned>(std::min<uint64_t>(u, 1024));
      } else if (key == "batch_items") {
        SARING_TRY(get_uint(n, full, u));
        if (u == 0) return bad(full, "must be at least 1");
        o.batch_items = static_cast<size_t>(u);
      } else if (key == "batch_bytes") {
        SARING_TRY(get_uint(n, full, o.batch_bytes));
      } else {
        return bad(full, "unknown key");
      }
    }
  }
  return ok_status();
}

Status apply_table(const toml::table& root, RunOptions& o) {
  for (const auto& [k, n] : root) {
    const std::string section(k.str());
    const toml::table* t = n.as_table();
    if (t == nullptr) return bad(section, "expected a [section]");
    if (section == "filter") {
      toml::table rest = *t;
      if (auto e = rest.get("enabled")) {
        SARING_TRY(get_bool(*e, "filter.enabled", o.filter_enabled));
        rest.erase("enabled");
      }
      auto st = filter::apply_toml(o.filter, rest);
      if (!st.ok()) return bad("filter", st.error().message);
      continue;
    }
    static const char* kSections[] = {"input", "extract", "clean", "lang", "dedup", "output", "run"};
    bool known = false;
    for (const char* s : kSections) known |= section == s;
    if (!known) return bad(section, "unknown section");
    SARING_TRY(apply_section(section, *t, o));
  }
  auto v = o.minhash.validate();
  if (!v.ok()) return bad("dedup", v.error().message);
  return ok_status();
}

}  // namespace

Status apply_config_text(std::string_view toml_text, RunOptions& options) {
  try {
    toml::table root = toml::parse(toml_text);
    return apply_table(root, options);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << "config: " << e.description() << " (line " << e.source().begin.line << ")";
    return make_error(ErrorCode::parse, msg.str());
  }
}

Status load_config(const std::string& path, RunOptions& options) {
  try {
    toml::table root = toml::parse_file(path);
    return apply_table(root, options);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << path << ": " << e.description() << " (line " << e.source().begin.line << ")";
    return make_error(ErrorCode::parse, msg.str());
  }
}

}  // namespace saring::pipeline
