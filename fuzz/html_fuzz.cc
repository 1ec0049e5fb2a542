// libFuzzer target for the HTML entry points: charset decoding, then
// parsing with every backend. Checks the promises of include/saring/html.h:
// no crash or hang, valid UTF-8 everywhere, bounded depth, consistent links.
//
//   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
//         -DSARING_BUILD_FUZZ=ON -DSARING_SANITIZE=address,undefined
//   cmake --build build-fuzz --target html_fuzz && build-fuzz/fuzz/html_fuzz -max_len=65536
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "saring/html.h"
#include "saring/utf8.h"

namespace {

// Charsets a server might announce; the first input byte picks one.
constexpr std::string_view kHttpCharsets[] = {
    "", "", "", "", "utf-8", "windows-1252", "shift_jis", "gb2312", "euc-kr", "big5",
    "iso-2022-jp", "utf-16", "koi8-r", "text/html; charset=\"windows-1251\"", "x-unknown"};

void check(bool ok) {
  if (!ok) std::abort();
}

void check_document(const saring::html::Document& doc, uint32_t max_depth) {
  using namespace saring::html;
  size_t seen = 0;
  walk(doc.root(), [&](const Node* n) {
    ++seen;
    check(n->depth <= max_depth);
    check(saring::utf8::is_valid(n->text()));
    check(saring::utf8::is_valid(n->name()));
    for (uint32_t i = 0; i < n->attr_count; ++i) {
      check(saring::utf8::is_valid(n->attrs[i].name));
      check(saring::utf8::is_valid(n->attrs[i].value));
    }
    for (const Node* c = n->first_child(); c; c = c->next_sibling()) {
      check(c->parent() == n);
      check(c->depth == n->depth + 1);
      if (!c->next_sibling()) check(n->last_child() == c);
    }
    return true;
  });
  check(seen == doc.node_count());
  check(saring::utf8::is_valid(inner_text(doc.root())));
}

// The backends to run: all three, or the comma-separated list in
// SARING_FUZZ_BACKENDS (e.g. "native", to keep fuzzing our own parser past
// a bug found in a library).
const std::vector<saring::html::Backend>& backends() {
  static const std::vector<saring::html::Backend> list = [] {
    using saring::html::Backend;
    std::vector<Backend> out;
    const char* env = std::getenv("SARING_FUZZ_BACKENDS");
    std::string_view names = env ? env : "native,myhtml,libxml2";
    while (!names.empty()) {
      size_t comma = names.find(',');
      auto b = saring::html::backend_from_string(names.substr(0, comma));
      if (b.ok()) out.push_back(b.value());
      names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    }
    return out;
  }();
  return list;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saring::html;
  std::string_view http;
  if (size > 0) {
    http = kHttpCharsets[data[0] % std::size(kHttpCharsets)];
    ++data;
    --size;
  }
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  DecodedText decoded = decode_to_utf8(bytes, http);
  check(saring::utf8::is_valid(decoded.utf8));
  check(!decoded.charset.empty());
  for (Backend backend : backends()) {
    ParseOptions options;
    options.backend = backend;
    options.max_depth = 32;  // small, so the depth cap is exercised
    options.keep_comments = (size & 1) != 0;
    auto doc = parse(decoded.utf8, options);
    if (doc.ok()) check_document(doc.value(), options.max_depth);
    // Raw bytes too: parse() must repair invalid UTF-8 itself.
    auto raw = parse(bytes, options);
    if (raw.ok()) check_document(raw.value(), options.max_depth);
  }
  return 0;
}
