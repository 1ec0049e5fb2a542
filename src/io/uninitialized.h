// Internal: growing a std::string that is about to be overwritten (by
// inflate or read()) without zero-filling it first. For a page that is a
// pass of memset over every decompressed byte; resize() always pays it.
// saring_io is compiled as C++23 for std::string::resize_and_overwrite.
#pragma once

#include <string>

namespace saring::io::detail {

// s.resize(n), except that bytes past the old size are left uninitialised:
// the caller must write them before reading, or shrink the string again.
inline void resize_for_overwrite(std::string& s, size_t n) {
#if defined(__cpp_lib_string_resize_and_overwrite)
  s.resize_and_overwrite(n, [](char*, size_t size) { return size; });
#else
  s.resize(n);
#endif
}

}  // namespace saring::io::detail
