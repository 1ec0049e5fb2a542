// Loading quality-filter options from a TOML table (toml++), for the
// pipeline's --config file. Kept apart from filter.h so that users of the
// filters alone do not compile toml++.
//
//   [filter]
//   disable = ["c4:terminal_punct"]
//   [filter.fineweb]
//   max_char_dup_ratio = 0.1
//   [filter.languages.zh.c4]
//   min_words_per_line = 10
//
//   saring::filter::apply_toml(options, *config["filter"].as_table());
#pragma once

#include <toml++/toml.h>

#include "saring/filter.h"

namespace saring::filter {

// Applies every key of `table` (the [filter] table) through set_option():
// nested tables become dotted keys, arrays comma-separated lists. Errors name
// the offending key.
Status apply_toml(FilterOptions& options, const toml::table& table);

}  // namespace saring::filter
