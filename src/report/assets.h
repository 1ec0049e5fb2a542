// Internal: the page's inline script (the plotting library and our page
// script) and style, embedded at build time (embed_assets.py), each with the
// hash its Content-Security-Policy allows it by.
#pragma once

#include <string_view>

namespace saring::report::assets {

std::string_view script();
std::string_view script_hash();  // "sha256-<base64>"
std::string_view style();
std::string_view style_hash();

}  // namespace saring::report::assets
