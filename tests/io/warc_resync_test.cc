// Every WARC framing error, in a plain file and in one gzip member per
// record: three good records, the bad one, three good records. Each case
// checks that the six good records come out, once each, and that the bad one
// is reported where it starts.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

// Long enough that a Content-Length a few bytes off lands inside the markup,
// with no line end near the block's end.
std::string page(int i) {
  return "<!doctype html><html><head><title>Page " + std::to_string(i) +
         "</title></head><body><p>Isi halaman nomor " + std::to_string(i) +
         " yang baik.</p></body></html>";
}

std::string good_record(int i) {
  return response("https://good" + std::to_string(i) + ".example/",
                  http(200, "Content-Type: text/html\r\n", page(i)));
}

std::string bad_record() { return response("https://bad.example/", http(200, "Content-Type: text/html\r\n", page(99))); }

// The bad record with its Content-Length value replaced by `value`.
std::string with_length(const std::string& value) {
  std::string r = bad_record();
  const std::string key = "Content-Length: ";
  size_t at = r.find(key) + key.size();
  size_t end = r.find("\r\n", at);
  return r.substr(0, at) + value + r.substr(end);
}

std::string length_off_by(long delta) {
  std::string r = bad_record();
  size_t at = r.find("Content-Length: ") + 16;
  long n = std::stol(r.substr(at));
  return with_length(std::to_string(n + delta));
}

struct Case {
  const char* name;
  std::function<std::string()> bad;  // the decoded bytes in the bad one's place
  bool gzip_only = false;  // needs member boundaries (or damages one)
};

std::vector<Case> cases() {
  return {
      {"huge_length", [] { return with_length("99999999999999"); }},
      {"negative_length", [] { return with_length("-5"); }},
      {"short_length", [] { return length_off_by(-10); }},
      {"long_length", [] { return length_off_by(+40); }},
      {"long_length_by_a_record", [] { return length_off_by(static_cast<long>(good_record(4).size()) + 3); }},
      {"non_numeric_length", [] { return with_length("12abc"); }},
      {"garbage_between_records", [] { return std::string("garbage \x01\x02 line\r\nand more\r\n"); }},
      // Glued to the next version line: only a member boundary finds it.
      {"garbage_without_line_end", [] { return std::string(300000, '\0'); }, true},
      // Found by warc_resync_fuzz: a line that starts with CR was consumed
      // with the version line glued to it.
      {"carriage_return_glued_to_the_next_member", [] { return std::string("\r00"); }, true},
      {"missing_version_line", [] { std::string r = bad_record(); return r.substr(r.find("\r\n") + 2); }},
      {"damaged_gzip_member", [] { return bad_record(); }, true},
  };
}

struct Built {
  std::string file;
  uint64_t bad_offset = 0;  // file offset (plain: decoded offset) of the bad part
};

Built build(const Case& c, bool gzip) {
  Built b;
  for (int i = 1; i <= 3; ++i) b.file += gzip ? gzip_member(good_record(i)) : good_record(i);
  b.bad_offset = b.file.size();
  std::string bad = c.bad();
  if (gzip) {
    std::string member = gzip_member(bad);
    if (std::string(c.name) == "damaged_gzip_member")  // damage the deflate data, not the header or trailer
      for (size_t i = 20; i < member.size() - 12; i += 3) member[i] = static_cast<char>(member[i] ^ 0x5a);
    b.file += member;
  } else {
    b.file += bad;
  }
  for (int i = 4; i <= 6; ++i) b.file += gzip ? gzip_member(good_record(i)) : good_record(i);
  return b;
}

void check(const Case& c, bool gzip) {
  SCOPED_TRACE(std::string(c.name) + (gzip ? " (gzip per record)" : " (plain)"));
  Built b = build(c, gzip);
  auto reader = make_reader(bytes_from_memory(b.file), Format::warc, "hostile.warc");
  auto items = read_items(*reader);
  std::map<std::string, int> seen;
  std::vector<const Item*> errors;
  for (const auto& it : items) {
    if (it.ok) ++seen[it.record.url];
    else errors.push_back(&it);
  }
  for (int i = 1; i <= 6; ++i) {
    std::string url = "https://good" + std::to_string(i) + ".example/";
    EXPECT_EQ(seen[url], 1) << url;
  }
  EXPECT_EQ(reader->stats().records, 6u);
  EXPECT_EQ(seen.count("https://bad.example/"), 0u);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.front()->where.member_offset, b.bad_offset) << errors.front()->error;
  EXPECT_NE(errors.front()->error.find("hostile.warc@" + std::to_string(b.bad_offset)), std::string::npos)
      << errors.front()->error;
}

TEST(WarcResync, EveryFramingErrorInAPlainFileLosesNoGoodRecord) {
  for (const auto& c : cases())
    if (!c.gzip_only) check(c, false);
}

TEST(WarcResync, EveryFramingErrorWithOneGzipMemberPerRecordLosesNoGoodRecord) {
  for (const auto& c : cases()) check(c, true);
}

}  // namespace
}  // namespace saring::io
