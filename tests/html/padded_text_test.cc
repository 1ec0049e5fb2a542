// PaddedText: every way of making one leaves the text followed by kPadding
// NUL bytes, and the tokenizer, which relies on that, reads no further (the
// loop below runs under AddressSanitizer in the sanitizer build).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "saring/html.h"
#include "tokenizer.h"

namespace saring::html {
namespace {

using detail::Token;
using detail::Tokenizer;
using detail::TokenType;

// The text, then padding() NUL bytes, 1 to kPadding of them.
void expect_padded(const PaddedText& p, std::string_view text) {
  ASSERT_EQ(p.size(), text.size());
  EXPECT_EQ(p.view(), text);
  EXPECT_EQ(p.view().data(), p.data());
  ASSERT_GE(p.padding(), 1u);
  ASSERT_LE(p.padding(), PaddedText::kPadding);
  for (size_t i = 0; i < p.padding(); ++i)
    ASSERT_EQ(p.data()[text.size() + i], '\0') << "size " << text.size() << " byte " << i;
}

std::string text_of(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + i % 26));
  return s;
}

TEST(PaddedTextTest, EveryLengthIsPadded) {
  expect_padded(PaddedText(), "");
  for (size_t n = 0; n <= 64; ++n) {
    const std::string text = text_of(n);
    const PaddedText copy = PaddedText::copy_of(text);
    expect_padded(copy, text);
    EXPECT_EQ(copy.padding(), PaddedText::kPadding) << n;
    expect_padded(PaddedText(std::string(text)), text);
  }
}

// A string taken over is never copied: its padding is its spare capacity
// (zeroed) plus its terminator, up to kPadding. Sizes from a full string
// (capacity == size) to one with more spare room than the padding needs.
TEST(PaddedTextTest, CapacityBoundariesAreNotCopied) {
  for (size_t n = 0; n <= 64; ++n) {
    for (size_t spare = 0; spare <= PaddedText::kPadding + 1; ++spare) {
      std::string s;
      s.reserve(n + spare);
      const std::string start = text_of(n);
      s.assign(start.data(), start.size());
      if (spare == 0) s.resize(s.capacity(), 'z');  // full to its capacity
      const std::string text = s;
      const size_t room = s.capacity() - s.size();
      const char* bytes = s.data();
      const PaddedText p(std::move(s));
      expect_padded(p, text);
      if (text.size() > 15) EXPECT_EQ(p.data(), bytes) << n;  // not a short string's inline buffer
      EXPECT_EQ(p.padding(), std::min(room + 1, PaddedText::kPadding)) << n << " " << spare;
    }
  }
}

// Every prefix of markup that ends inside names, attributes and tags, with
// the full padding and with only the terminator (a string filled to its
// capacity): the tokenizer stops at the padding's NUL, and the bytes the
// tree builder loads from a tag name (kNameReadable) are readable. Under
// ASan a read past the string's buffer fails.
TEST(PaddedTextTest, TokenizerStaysWithinThePadding) {
  const std::string markup =
      "<abcdefghijklmnopqrstuvwxyz x=1 Y='2' z=\"3\" w/><p/><a b><!-- c --><!DOCTYPE html>"
      "</abcdefghijklmnop><bR CLASS=x><i>&amp;&#x41;&notin</i><tr>";
  for (bool full_padding : {true, false}) {
    for (size_t n = 0; n <= markup.size(); ++n) {
      std::string s(markup, 0, n);
      if (full_padding) s.reserve(n + PaddedText::kPadding);
      else s.shrink_to_fit();
      const PaddedText input(std::move(s));
      Tokenizer tk(input);
      Token t;
      size_t tokens = 0;
      for (tk.next(t); t.type != TokenType::eof; tk.next(t)) {
        ASSERT_LT(++tokens, markup.size()) << n;
        if (t.type != TokenType::start_tag && t.type != TokenType::end_tag) continue;
        ASSERT_FALSE(t.name.empty());
        std::string loaded(t.name.data(), detail::kNameReadable);
        const size_t k = std::min(t.name.size(), detail::kNameReadable);
        EXPECT_EQ(std::string_view(loaded).substr(0, k), t.name.substr(0, k));
      }
    }
  }
}

}  // namespace
}  // namespace saring::html
