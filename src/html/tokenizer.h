// Internal: saring's HTML5 tokenizer (the front half of Backend::native; the
// tree builder in tree_builder.cc drives it). Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "saring/html.h"

namespace saring::html::detail {

// At least this many bytes can be read from a tag token's name.data() (the
// name and whatever follows it), so the tree builder can load names a word
// at a time without looking at their length first: a name in the input has
// that many bytes before the end of the input's padding (PaddedText), the
// others are copied to name_buf_, whose capacity is at least that.
inline constexpr size_t kNameReadable = 16;
static_assert(PaddedText::kPadding >= kNameReadable, "a padded input's names need no copy");

enum class TokenType : uint8_t { text, start_tag, end_tag, comment, doctype, eof };

// One token. Every view points into the input or into the tokenizer's
// buffers and stays valid only until the next call to Tokenizer::next().
struct Token {
  TokenType type = TokenType::eof;
  std::string_view name;   // tag or doctype name, ASCII-lowercased; a tag's name
                           // has kNameReadable bytes readable from name.data()
  std::string_view text;   // text (entities decoded, CR/CRLF -> LF) or comment data
  std::vector<Attribute> attrs;  // start tags: names lowercased, duplicates dropped
  bool self_closing = false;
  // doctype only
  bool force_quirks = false;
  bool has_public_id = false;
  bool has_system_id = false;
  std::string_view public_id;
  std::string_view system_id;

  std::string_view attr(std::string_view n) const {
    for (const Attribute& a : attrs)
      if (a.name == n) return a.value;
    return {};
  }
  bool has_attr(std::string_view n) const {
    for (const Attribute& a : attrs)
      if (a.name == n) return true;
    return false;
  }
};

// HTML5 tokenizer over valid UTF-8 without NUL bytes (parse() guarantees
// both). Text runs and names are views into the input unless something had
// to be decoded (character references, CR), which goes to reused buffers.
// The input is a PaddedText: the loops inside tags stop at the NUL after it
// instead of checking the bounds at every byte, and tag names that have
// kNameReadable bytes before the end of its padding are not copied. It must
// outlive the tokens.
class Tokenizer {
 public:
  // Content models the tree builder switches to after a start tag.
  enum class Mode : uint8_t { data, rcdata, rawtext, script, plaintext };

  Tokenizer() { name_buf_.reserve(kNameReadable); }  // see kNameReadable
  explicit Tokenizer(const PaddedText& input) : Tokenizer() { reset(input); }
  // Starts over on `input` (the tokenizer keeps pointers into it).
  void reset(const PaddedText& input);
  void reset(PaddedText&&) = delete;

  // Reads the next token. After `eof` it keeps returning eof.
  void next(Token& token);

  // Content model for what follows the start tag just returned; `end_name`
  // is the element's (lowercase) name, whose end tag ends rcdata/rawtext/script.
  void set_mode(Mode mode, std::string_view end_name);
  // Whether the adjusted current node is foreign (svg/math): CDATA sections
  // are then text rather than bogus comments.
  void set_foreign(bool foreign) { foreign_ = foreign; }
  // The same answer asked for only when a "<![CDATA[" comes (rare), instead
  // of being set after every token: `query(context)` replaces set_foreign's
  // flag until the query is set back to nullptr.
  using ForeignQuery = bool (*)(const void* context);
  void set_foreign_query(ForeignQuery query, const void* context) {
    foreign_query_ = query;
    foreign_context_ = context;
  }
  // Drops a newline right at the current position (after <pre>, <textarea>).
  void skip_newline();

 private:
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  const char* readable_end_ = nullptr;  // the end of the input's padding
  Mode mode_ = Mode::data;
  bool foreign_ = false;
  ForeignQuery foreign_query_ = nullptr;
  const void* foreign_context_ = nullptr;
  bool foreign() const { return foreign_query_ ? foreign_query_(foreign_context_) : foreign_; }
  std::string end_name_;  // for rcdata/rawtext/script
  std::string text_buf_;  // decoded text
  std::string name_buf_;  // lowercased tag name
  std::string attr_buf_;  // lowercased attribute names and decoded values
  std::unordered_map<uint64_t, uint32_t> hash_set_;  // name hash -> attribute (many attributes)

  void text_token(Token& t);
  [[gnu::noinline]] void decode_text_token(Token& t, const char* start, const char* q);
  bool opens_markup(const char* q) const;
  void special_text_token(Token& t);  // rcdata, rawtext, script, plaintext
  bool tag(Token& t);                 // at '<'; false when '<' is only text
  void comment(Token& t, const char* from);
  void bogus_comment(Token& t, const char* from);
  void doctype(Token& t, const char* from);
  const char* find_end_tag(const char* from, bool script) const;
  bool duplicate_attr(const std::vector<Attribute>& attrs, std::string_view name);
  // Moves the views in `attrs` that pointed into attr_buf_'s old storage
  // [old_base, old_base + old_size) to its current one.
  void rebase_attrs(std::vector<Attribute>& attrs, const char* old_base, size_t old_size) const;
};

// Defined here so that the tree builder's loop inlines it: one call fewer
// per token (the work is in text_token() and tag()).
inline void Tokenizer::next(Token& t) {
  t.self_closing = false;
  t.attrs.clear();
  for (;;) {
    if (p_ >= end_) {
      t.type = TokenType::eof;
      return;
    }
    if (mode_ != Mode::data) {
      special_text_token(t);
      if (!t.text.empty() || p_ >= end_) {
        if (t.text.empty()) continue;
        return;
      }
      continue;  // empty text: the end tag follows
    }
    if (*p_ != '<') {
      text_token(t);
      return;
    }
    if (tag(t)) return;
    // '<' that is text, or "</>": tag() moved p_ (text_token for the former)
  }
}

// Appends the decoded character reference starting at `p` (just after '&')
// to `out` and returns the position after it; returns `p` (appending
// nothing) when no reference starts there. `in_attribute` applies HTML5's
// attribute exception for legacy names without ';'. Exposed for tests.
const char* decode_char_ref(const char* p, const char* end, bool in_attribute, std::string& out);

// Appends `s` to `out` with character references decoded and CR / CRLF
// turned into LF.
void decode_text(std::string_view s, bool in_attribute, std::string& out);

}  // namespace saring::html::detail
