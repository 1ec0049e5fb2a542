// URL hosts and paths (saring/url.h).
#include "saring/url.h"

#include "saring/text.h"

namespace saring::url {

std::string host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view h = url.substr(scheme + 3);
  h = h.substr(0, h.find_first_of("/?#"));
  if (size_t at = h.rfind('@'); at != std::string_view::npos) h.remove_prefix(at + 1);
  // A port follows the last ':', but for a bracketed IPv6 address.
  if (size_t colon = h.rfind(':'); colon != std::string_view::npos && h.find(']') == std::string_view::npos)
    h = h.substr(0, colon);
  std::string out = text::to_lower(h);
  if (out.rfind("www.", 0) == 0) out.erase(0, 4);
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::string_view path(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (scheme == std::string_view::npos) return rest;
  size_t slash = rest.find('/');
  return slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
}

}  // namespace saring::url
