// The parts of a URL that saring reads: its host (the site a page belongs
// to) and its path (dates and slugs). Not a full URL parser: enough for the
// absolute http(s) addresses that crawls record.
#pragma once

#include <string>
#include <string_view>

namespace saring::url {

// The host of "scheme://[user@]host[:port]/...": lower case, without a
// leading "www." or a trailing dot; "" when the URL has no "://".
std::string host(std::string_view url);

// The path of "scheme://host/path?query#fragment" ("/path"), "" when it
// has none; for a string without "://", the string itself up to its query
// or fragment.
std::string_view path(std::string_view url);

}  // namespace saring::url
