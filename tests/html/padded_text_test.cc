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

void expect_padded(const PaddedText& p, std::string_view text) {
  ASSERT_EQ(p.size(), text.size());
  EXPECT_EQ(p.view(), text);
  EXPECT_EQ(p.view().data(), p.data());
  for (size_t i = 0; i < PaddedText::kPadding; ++i)
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
    expect_padded(PaddedText::copy_of(text), text);
    expect_padded(PaddedText(std::string(text)), text);
  }
}

// A string whose size is its capacity, or one to kPadding short of it: the
// padding has to come from a larger buffer, or from the spare capacity.
TEST(PaddedTextTest, CapacityBoundaries) {
  for (size_t n = 0; n <= 64; ++n) {
    for (size_t spare = 0; spare <= PaddedText::kPadding + 1; ++spare) {
      std::string s;
      s.reserve(n + spare);
      const std::string start = text_of(n);
      s.assign(start.data(), start.size());
      s.resize(s.capacity(), 'z');  // fill whatever capacity the string has
      const std::string text = s;
      expect_padded(PaddedText(std::move(s)), text);
    }
  }
}

TEST(PaddedTextTest, AdoptsSpareCapacityWithoutCopying) {
  std::string s = text_of(1000);
  s.reserve(s.size() + PaddedText::kPadding);
  const char* bytes = s.data();
  PaddedText p(std::move(s));
  EXPECT_EQ(p.data(), bytes);
  expect_padded(p, text_of(1000));
}

// Every prefix of markup that ends inside names, attributes and tags: the
// tokenizer stops at the padding's NUL and loads names up to kNameReadable
// bytes, which the padding covers exactly. The text sits at the end of a
// buffer of exactly its size plus the padding, so under ASan a read past
// the padding fails.
TEST(PaddedTextTest, TokenizerStaysWithinThePadding) {
  const std::string markup =
      "<abcdefghijklmnopqrstuvwxyz x=1 Y='2' z=\"3\" w/><p/><a b><!-- c --><!DOCTYPE html>"
      "</abcdefghijklmnop><bR CLASS=x><i>&amp;&#x41;&notin</i>";
  for (size_t n = 0; n <= markup.size(); ++n) {
    std::string s;
    s.reserve(n + PaddedText::kPadding);
    s.assign(markup, 0, n);
    const PaddedText input(std::move(s));
    Tokenizer tk(input);
    Token t;
    size_t tokens = 0;
    for (tk.next(t); t.type != TokenType::eof; tk.next(t)) {
      ASSERT_LT(++tokens, markup.size()) << n;
      if (t.type == TokenType::start_tag || t.type == TokenType::end_tag) {
        ASSERT_FALSE(t.name.empty());
        // The tree builder's word loads: kNameReadable bytes from the name.
        std::string loaded(t.name.data(), detail::kNameReadable);
        const size_t n_loaded = std::min(t.name.size(), detail::kNameReadable);
        EXPECT_EQ(std::string_view(loaded).substr(0, n_loaded), t.name.substr(0, n_loaded));
      }
    }
  }
}

}  // namespace
}  // namespace saring::html
