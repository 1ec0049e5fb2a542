// apply_toml(): walks a toml++ table and feeds every leaf to set_option() as
// a dotted key, so TOML and key/value settings share one code path.
#include <charconv>

#include "saring/filter_toml.h"

namespace saring::filter {
namespace {

Result<std::string> leaf_to_text(const toml::node& node, const std::string& key) {
  if (auto s = node.as_string()) return std::string(s->get());
  if (auto b = node.as_boolean()) return std::string(b->get() ? "true" : "false");
  if (auto i = node.as_integer()) return std::to_string(i->get());
  if (auto f = node.as_floating_point()) {
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, f->get());
    if (ec != std::errc()) return make_error(ErrorCode::invalid_input, "filter option " + key + ": bad number");
    return std::string(buf, p);
  }
  if (auto a = node.as_array()) {
    std::string out;
    for (const toml::node& item : *a) {
      if (item.is_array() || item.is_table())
        return make_error(ErrorCode::invalid_input, "filter option " + key + ": nested arrays are not supported");
      auto t = leaf_to_text(item, key);
      if (!t.ok()) return t.error();
      if (t.value().find(',') != std::string::npos)
        return make_error(ErrorCode::invalid_input, "filter option " + key + ": list items cannot contain ','");
      if (!out.empty()) out.push_back(',');
      out += t.value();
    }
    return out;
  }
  return make_error(ErrorCode::invalid_input, "filter option " + key + ": unsupported value type");
}

Status apply_table(FilterOptions& options, const toml::table& table, const std::string& prefix) {
  for (const auto& [k, node] : table) {
    std::string key = prefix + std::string(k.str());
    if (auto sub = node.as_table()) {
      if (auto st = apply_table(options, *sub, key + "."); !st.ok()) return st;
      continue;
    }
    auto text = leaf_to_text(node, key);
    if (!text.ok()) return text.error();
    if (auto st = set_option(options, key, text.value()); !st.ok()) return st;
  }
  return ok_status();
}

}  // namespace

Status apply_toml(FilterOptions& options, const toml::table& table) { return apply_table(options, table, ""); }

}  // namespace saring::filter
