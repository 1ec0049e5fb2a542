// Uses the installed library as a user would: one page in, its text and
// language out (the model path comes from SARING_LID_MODEL). Prints
// "<language> <text>" and exits 1 when either is missing.
#include <cstdio>
#include <string>

#include "saring/page.h"

int main() {
  const std::string html =
      "<html><head><title>Weather</title></head><body><article><p>The weather "
      "today is sunny and warm, with a light breeze from the west in the "
      "afternoon and clear skies expected through the evening.</p></article>"
      "</body></html>";
  auto result = saring::page::process_page({.bytes = html, .url = "https://example.org/"},
                                           saring::page::PageOptions{});
  if (!result.ok()) {
    std::fprintf(stderr, "downstream: %s\n", result.error().message.c_str());
    return 1;
  }
  const auto& page = result.value();
  if (!page.language || page.text.empty()) return 1;
  std::printf("%s %s\n", page.language->c_str(), page.text.c_str());
  return 0;
}
