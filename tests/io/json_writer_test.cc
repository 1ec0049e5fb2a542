// The escaping and layout of io::JsonWriter, the one writer of records: every
// string it writes parses back to the same text (after UTF-8 repair), and no
// written line holds a character that any common reader takes as a line break.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "saring/io.h"

namespace saring::io {
namespace {

std::string json_literal(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// The line breaks of Python's str.splitlines(), as UTF-8.
const char* kLineBreaks[] = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e",
                             "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"};

TEST(JsonString, EscapesLineBreaksBeyondAsciiAndDel) {
  EXPECT_EQ(json_literal("a\xE2\x80\xA8" "b"), "\"a\\u2028b\"");
  EXPECT_EQ(json_literal("a\xE2\x80\xA9" "b"), "\"a\\u2029b\"");
  EXPECT_EQ(json_literal("a\xC2\x85" "b"), "\"a\\u0085b\"");
  EXPECT_EQ(json_literal("a\x7F" "b"), "\"a\\u007fb\"");
}

TEST(JsonString, KeepsOtherCharactersWithTheSameLeadBytes) {
  // U+2019 (E2 80 99), U+2030 (E2 80 B0), no-break space (C2 A0), U+00A9.
  for (std::string s : {"it\xE2\x80\x99s", "\xE2\x80\xB0", "a\xC2\xA0" "b", "\xC2\xA9 2024"})
    EXPECT_EQ(json_literal(s), "\"" + s + "\"");
}

TEST(JsonString, EscapesEveryControlCharacter) {
  for (int c = 0; c < 0x20; ++c) {
    std::string s = "x_y";
    s[1] = static_cast<char>(c);
    std::string q = json_literal(s);
    EXPECT_EQ(q.find(static_cast<char>(c)), std::string::npos) << c;
    EXPECT_EQ(nlohmann::json::parse(q).get<std::string>(), s) << c;
  }
}

// A character to escape at every offset of strings long enough to cross the
// 16-byte blocks of the fast scan, and its tail.
TEST(JsonString, FindsSpecialBytesAtEveryOffset) {
  for (std::string special : {"\"", "\\", "\x01", "\x7F", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
                              "\xE2\x80\x99", "\xC2\xA0"}) {
    for (size_t at = 0; at < 40; ++at) {
      std::string s = std::string(at, 'a') + special + std::string(40 - at, 'b');
      std::string q = json_literal(s);
      EXPECT_EQ(nlohmann::json::parse(q).get<std::string>(), s) << at;
      for (const char* br : kLineBreaks) EXPECT_EQ(q.find(br), std::string::npos) << at;
    }
  }
}

TEST(JsonString, RepairsInvalidUtf8) {
  std::string q = json_literal("caf\xE9 \xE2\x80 ok");
  auto back = nlohmann::json::parse(q).get<std::string>();
  EXPECT_EQ(back.find("caf\xEF\xBF\xBD"), 0u) << back;
  EXPECT_NE(back.find(" ok"), std::string::npos);
}

TEST(JsonWriter, EveryLineParsesAndStaysOneLine) {
  // Records whose strings hold every kind of line break, DEL and broken bytes.
  std::string lines;
  for (const char* br : kLineBreaks) {
    JsonWriter w;
    w.begin_object();
    w.key(std::string("key") + br);
    w.string(std::string("one") + br + "two\x7F" + "\xFF");
    w.key("tags");
    w.begin_array();
    w.string(br);
    w.end_array();
    w.end_object();
    lines += w.take() + "\n";
  }
  size_t count = 0;
  for (size_t start = 0, end; (end = lines.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = lines.substr(start, end - start);
    for (const char* br : kLineBreaks) EXPECT_EQ(line.find(br), std::string::npos) << line;
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j.size(), 2u);
    ++count;
  }
  EXPECT_EQ(count, std::size(kLineBreaks));
}

TEST(JsonWriter, IndentedLayout) {
  JsonWriter w(JsonWriter::Layout::indented);
  w.begin_object();
  w.key("a");
  w.integer(1);
  w.key("tags");
  w.begin_array();
  w.string("x");
  w.string("y");
  w.end_array();
  w.key("none");
  w.begin_array();
  w.end_array();
  w.key("o");
  w.begin_object();
  w.end_object();
  w.key("s");
  w.string_or_null(std::nullopt);
  w.end_object();
  EXPECT_EQ(w.str(),
            "{\n  \"a\": 1,\n  \"tags\": [\n    \"x\",\n    \"y\"\n  ],\n  \"none\": [],\n"
            "  \"o\": {},\n  \"s\": null\n}");
  // The same values as the compact layout.
  JsonWriter c;
  c.begin_object();
  c.key("a");
  c.integer(1);
  c.end_object();
  EXPECT_EQ(nlohmann::json::parse(w.str())["a"], nlohmann::json::parse(c.str())["a"]);
}

TEST(JsonWriter, MembersGoIntoTheOpenObject) {
  MetaFields f;
  f.set("title", std::string("Judul"));
  f.set("score", 0.5);
  JsonWriter w;
  w.begin_object();
  w.key("url");
  w.null();
  w.members(f);
  w.key("text");
  w.string("isi");
  w.end_object();
  EXPECT_EQ(w.str(), R"({"url":null,"title":"Judul","score":0.5,"text":"isi"})");
}

}  // namespace
}  // namespace saring::io
