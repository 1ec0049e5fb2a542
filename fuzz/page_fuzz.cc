// libFuzzer target for a whole page: charset decoding, parsing, main-text
// extraction, Markdown/plain rendering and metadata, as `saring extract`
// runs them (language ID off: it reads only the extracted text, and loading
// the model per process would slow the fuzzer down). Checks what every
// caller relies on: no crash or hang, and every output string valid UTF-8.
//
//   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
//         -DSARING_BUILD_FUZZ=ON -DSARING_SANITIZE=address,undefined
//   cmake --build build-fuzz --target page_fuzz && build-fuzz/fuzz/page_fuzz -max_len=65536
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "saring/page.h"
#include "saring/utf8.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_utf8(const std::optional<std::string>& s) {
  if (s) check(saring::utf8::is_valid(*s));
}

// URLs the page may come from: dates in the path feed the date logic.
constexpr std::string_view kUrls[] = {"", "https://news.example/2021/10/20/story-title",
                                      "https://blog.example/posts/a?id=7", "not a url"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saring;
  // The first byte picks the options, so one corpus covers them all.
  uint8_t knobs = 0;
  if (size > 0) {
    knobs = data[0];
    ++data;
    --size;
  }
  page::PageOptions options;
  options.identify_language = false;
  options.output = (knobs & 1) ? page::OutputText::markdown : page::OutputText::plain;
  options.extract.include_comments = (knobs & 2) != 0;
  options.extract.include_links = (knobs & 4) != 0;
  options.extract.include_images = (knobs & 8) != 0;
  options.extract.include_formatting = (knobs & 16) != 0;
  options.extract.include_tables = (knobs & 32) == 0;
  options.parse.max_depth = 64;  // small, so the depth cap is exercised
  page::PageInput input;
  input.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  input.url = kUrls[(knobs >> 6) % std::size(kUrls)];
  auto result = page::process_page(input, options);
  if (!result.ok()) return 0;  // empty input: an error, not a crash
  const page::PageResult& r = result.value();
  check(utf8::is_valid(r.text));
  for (const auto* blocks : {&r.content.blocks, &r.content.comments}) {
    for (const auto& block : *blocks) {
      check(utf8::is_valid(block.text));
      for (const auto& row : block.rows)
        for (const auto& cell : row) check(utf8::is_valid(cell));
    }
  }
  const meta::Metadata& m = r.metadata;
  for (const auto* field : {&m.title, &m.author, &m.date, &m.sitename, &m.description, &m.image,
                            &m.url, &m.page_type})
    check_utf8(*field);
  for (const auto& tag : m.tags) check(utf8::is_valid(tag));
  return 0;
}
