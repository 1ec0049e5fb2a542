// The TOML configuration of `saring run` (toml++). Every key is the
// `toml_key` of a row of the option table (saring/options.h) and is set
// through that row's setter, as its flag is; the [filter] section, apart
// from `enabled`, is handed to filter::apply_toml, so its keys are exactly
// those of saring/filter.h. Unknown sections and keys are errors: a typo
// must not silently run with defaults.
#include <toml++/toml.h>

#include <sstream>

#include "saring/filter_toml.h"
#include "saring/options.h"
#include "saring/pipeline.h"

namespace saring::pipeline {

namespace {

Error bad(const std::string& key, const std::string& what) {
  return make_error(ErrorCode::invalid_input, "config: " + key + ": " + what);
}

// A TOML value as the OptionValue of `option`'s type. Sizes may be written
// as strings ("128M"), lists as arrays of strings or as "en,id"; everything
// else must have its TOML type.
Result<OptionValue> value_of(const OptionSpec& option, const toml::node& n, const std::string& key) {
  OptionValue v;
  switch (option.type) {
    case OptionType::toggle:
    case OptionType::flag:
      if (auto b = n.as_boolean()) {
        v.on = b->get();
        return v;
      }
      return bad(key, "expected true or false");
    case OptionType::integer:
    case OptionType::size:
      if (auto i = n.as_integer(); i && i->get() >= 0) {
        v.integer = static_cast<uint64_t>(i->get());
        return v;
      }
      if (auto s = n.as_string(); s && option.type == OptionType::size) {
        auto parsed = parse_option_value(option, s->get());
        if (parsed.ok()) return parsed;
      }
      return bad(key, option.type == OptionType::size
                          ? "expected a non-negative integer or a size such as \"128M\""
                          : "expected a non-negative integer");
    case OptionType::number:
      if (auto f = n.as_floating_point()) {
        v.number = f->get();
        return v;
      }
      if (auto i = n.as_integer()) {
        v.number = static_cast<double>(i->get());
        return v;
      }
      return bad(key, "expected a number");
    case OptionType::text:
      if (auto s = n.as_string()) {
        auto parsed = parse_option_value(option, s->get());
        if (!parsed.ok()) return bad(key, parsed.error().message);
        return parsed;
      }
      return bad(key, "expected a string");
    case OptionType::list:
      if (auto s = n.as_string()) return parse_option_value(option, s->get());
      if (auto a = n.as_array()) {
        for (const auto& item : *a) {
          auto s = item.as_string();
          if (!s) return bad(key, "expected an array of strings");
          v.list.push_back(s->get());
        }
        return v;
      }
      return bad(key, "expected an array of strings");
  }
  return v;
}

// One key of the table: its row's run setter.
Status apply_key(const std::string& key, const toml::node& n, RunJob& job) {
  for (const auto& option : option_table()) {
    if (option.toml_key != key || !option.set_run) continue;
    auto v = value_of(option, n, key);
    if (!v.ok()) return v.error();
    auto st = option.set_run(job, *v);
    if (!st.ok()) return bad(key, st.error().message);
    return ok_status();
  }
  return bad(key, "unknown key");
}

Status apply_table(const toml::table& root, RunOptions& o) {
  RunJob job{std::move(o)};
  // The options go back to the caller however this returns.
  struct Restore {
    RunJob& job;
    RunOptions& o;
    ~Restore() { o = std::move(job.options); }
  } restore{job, o};
  static const char* kSections[] = {"input", "extract", "clean", "lang", "filter", "dedup", "output", "run"};
  for (const auto& [k, n] : root) {
    const std::string section(k.str());
    const toml::table* t = n.as_table();
    if (t == nullptr) return bad(section, "expected a [section]");
    bool known = false;
    for (const char* s : kSections) known |= section == s;
    if (!known) return bad(section, "unknown section");
    toml::table rest;  // [filter] keys other than `enabled` are the filter's own
    for (const auto& [key, value] : *t) {
      const std::string full = section + "." + std::string(key.str());
      if (section == "filter" && key.str() != "enabled") {
        rest.insert(key, value);
        continue;
      }
      auto st = apply_key(full, value, job);
      if (!st.ok()) return st;
    }
    if (section == "filter") {
      auto st = filter::apply_toml(job.options.filter, rest);
      if (!st.ok()) return bad("filter", st.error().message);
    }
  }
  auto v = job.options.minhash.validate();
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
