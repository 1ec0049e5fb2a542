// libFuzzer target for clean::clean_document: arbitrary bytes as a text dump
// (the first byte picks the options). Every call must end without a crash,
// leak or hang, and every string it returns must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "saring/clean.h"
#include "saring/utf8.h"

namespace {

void check(std::string_view s) {
  if (!saring::utf8::is_valid(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  saring::clean::CleanOptions options;
  options.aggressive = data[0] & 1;
  options.keep_title = data[0] & 2;
  options.unwrap = data[0] & 4;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto result = saring::clean::clean_document(text, options);
  if (!result.ok()) return 0;
  check(result->text);
  if (result->title) check(*result->title);
  if (result->date) check(*result->date);
  if (result->dateline) check(*result->dateline);
  if (result->author) check(*result->author);
  for (const auto& s : result->sources) check(s);
  for (const auto& r : result->removed) check(r.text);
  return 0;
}
