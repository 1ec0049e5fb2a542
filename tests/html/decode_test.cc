// decode_to_utf8: order of trust, aliases, detection and repair. Legacy
// bytes are made with glibc's iconv from UTF-8 text written here, or read
// from tests/fixtures/html.
#include <gtest/gtest.h>
#include <iconv.h>

#include <fstream>
#include <random>
#include <sstream>

#include "saring/html.h"
#include "saring/utf8.h"

using namespace saring;
using namespace saring::html;

namespace {

std::string encode(const std::string& utf8_text, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << charset;
  std::string out(utf8_text.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(utf8_text.data());
  size_t src_left = utf8_text.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "cannot encode in " << charset;
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SARING_FIXTURES_DIR) + "/html/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kFrench =
    "Le café de la gare a rouvert ses portes après des travaux d'été. Les habitués "
    "ont retrouvé leur comptoir préféré, où l'on sert toujours le même crème brûlée "
    "et des crêpes à la châtaigne. « C'était très attendu », déclare le gérant.";
const std::string kRussian =
    "Вчера в городе прошёл большой праздник. Жители собрались на центральной площади, "
    "где выступали музыканты и артисты. Вечером состоялся салют, который увидели тысячи "
    "людей. Организаторы обещают повторить праздник в следующем году.";
const std::string kJapanese =
    "昨日、東京都内で大規模な展示会が開かれました。会場には多くの来場者が訪れ、最新の技術や"
    "製品を熱心に見学していました。主催者によると、来年も同じ時期に開催する予定だということです。";
const std::string kChinese =
    "昨天，市政府召开新闻发布会，介绍了今年城市建设的最新进展。发言人表示，新的地铁线路将于年底"
    "开通，届时市民出行将更加便利。此外，多个公园的改造工程也已基本完成。";

}  // namespace

TEST(Decode, Utf8PassesThrough) {
  DecodedText d = decode_to_utf8("<p>café 中文</p>");
  EXPECT_EQ(d.utf8, "<p>café 中文</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::detected);
  EXPECT_EQ(d.invalid_bytes, 0u);
  DecodedText ascii = decode_to_utf8("<p>plain</p>");
  EXPECT_EQ(ascii.charset, "utf-8");
  EXPECT_EQ(ascii.source, CharsetSource::fallback);
  DecodedText empty = decode_to_utf8("");
  EXPECT_EQ(empty.utf8, "");
}

// One non-ASCII character anywhere in an otherwise ASCII page (the check
// reads 32 bytes at a time, then byte by byte) makes undeclared UTF-8
// "detected"; none leaves it "fallback".
TEST(Decode, NonAsciiFoundAtEveryOffset) {
  for (size_t size : {size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{100}}) {
    const std::string ascii(size, 'a');
    EXPECT_EQ(decode_to_utf8(ascii).source, CharsetSource::fallback) << size;
    for (size_t at = 0; at < size; ++at) {
      std::string page = ascii;
      page.replace(at, 1, "\xC3\xA9");  // é
      EXPECT_EQ(decode_to_utf8(page).source, CharsetSource::detected) << size << " " << at;
    }
  }
}

TEST(Decode, ByteOrderMarksWin) {
  DecodedText d = decode_to_utf8("\xEF\xBB\xBF<meta charset=windows-1252><p>é</p>");
  EXPECT_EQ(d.source, CharsetSource::bom);
  EXPECT_EQ(d.utf8, "<meta charset=windows-1252><p>é</p>");  // BOM stripped
  std::string utf16 = "\xFF\xFE" + encode("<p>Grüße</p>", "UTF-16LE");
  DecodedText u = decode_to_utf8(utf16);
  EXPECT_EQ(u.source, CharsetSource::bom);
  EXPECT_EQ(u.charset, "utf-16le");
  EXPECT_EQ(u.utf8, "<p>Grüße</p>");
  std::string be = "\xFE\xFF" + encode("<p>Grüße</p>", "UTF-16BE");
  EXPECT_EQ(decode_to_utf8(be).utf8, "<p>Grüße</p>");
}

TEST(Decode, MetaCharsetLatin1IsWindows1252) {
  // iso-8859-1 is read as windows-1252, as browsers do: 0x80 is the euro sign.
  std::string html = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>" + kFrench +
                     " Prix: 5 €.</p></body></html>";
  DecodedText d = decode_to_utf8(encode(html, "CP1252"));
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::meta);
  EXPECT_EQ(d.utf8, html);
  EXPECT_EQ(d.invalid_bytes, 0u);
}

TEST(Decode, HttpCharsetBeatsMeta) {
  std::string html = "<meta charset=\"windows-1251\"><p>" + kChinese + "</p>";
  DecodedText d = decode_to_utf8(encode(html, "GB18030"), "text/html; charset=GB2312");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, CharsetSource::http);
  EXPECT_EQ(d.utf8, html);
  // A bare label is accepted too; GBK is read as GB18030.
  DecodedText bare = decode_to_utf8(encode(html, "GBK"), "gbk");
  EXPECT_EQ(bare.utf8, html);
}

TEST(Decode, HttpEquivShiftJisFixture) {
  std::string bytes = read_fixture("shift_jis_http_equiv.html");
  ASSERT_FALSE(bytes.empty());
  DecodedText d = decode_to_utf8(bytes);
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_EQ(d.source, CharsetSource::meta);
  EXPECT_NE(d.utf8.find("明日の東京は晴れのち曇り"), std::string::npos);
  EXPECT_EQ(d.invalid_bytes, 0u);
}

TEST(Decode, MetaWindows1251Fixture) {
  DecodedText d = decode_to_utf8(read_fixture("windows_1251_meta.html"));
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_NE(d.utf8.find("Завтра в Москве"), std::string::npos);
}

TEST(Decode, MetaInCommentOrPast4KbIsIgnored) {
  std::string padding(5000, ' ');
  std::string late = "<html>" + padding + "<meta charset=windows-1251><p>" + kRussian + "</p>";
  DecodedText d = decode_to_utf8(encode(late, "CP1251"));
  EXPECT_NE(d.source, CharsetSource::meta);
  EXPECT_EQ(d.source, CharsetSource::detected);  // uchardet still gets it
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.utf8, late);
}

TEST(Decode, DetectsUndeclaredLegacyCharsets) {
  struct Case {
    const std::string* text;
    const char* iconv_name;
    const char* expected;
  } cases[] = {{&kRussian, "CP1251", "windows-1251"},
               {&kJapanese, "SHIFT_JIS", "shift_jis"},
               {&kChinese, "GB18030", "gb18030"},
               {&kRussian, "KOI8-R", "koi8-r"}};
  for (const Case& c : cases) {
    std::string html = "<html><body><p>" + *c.text + "</p><p>" + *c.text + "</p></body></html>";
    DecodedText d = decode_to_utf8(encode(html, c.iconv_name));
    EXPECT_EQ(d.source, CharsetSource::detected) << c.iconv_name;
    EXPECT_EQ(d.charset, c.expected) << c.iconv_name;
    EXPECT_EQ(d.utf8, html) << c.iconv_name;
  }
}

TEST(Decode, ValidUtf8OverridesWrongLegacyDeclaration) {
  std::string html = "<meta charset=iso-8859-1><p>" + kFrench + "</p>";
  DecodedText d = decode_to_utf8(html);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::detected);
  EXPECT_EQ(d.utf8, html);
}

TEST(Decode, DeclaredUtf8ButLegacyBytesIsDetected) {
  std::string html = "<meta charset=utf-8><p>" + kRussian + "</p><p>" + kRussian + "</p>";
  DecodedText d = decode_to_utf8(encode(html, "CP1251"));
  EXPECT_EQ(d.source, CharsetSource::detected);
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.utf8, html);
}

TEST(Decode, StrayBytesInUtf8AreReplacedAndCounted) {
  std::string html = "<meta charset=utf-8><p>" + kFrench + "\xFF" + kFrench + "\xC3</p>";
  DecodedText d = decode_to_utf8(html);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::meta);
  EXPECT_EQ(d.invalid_bytes, 2u);
  EXPECT_TRUE(utf8::is_valid(d.utf8));
  EXPECT_NE(d.utf8.find(kFrench + "\xEF\xBF\xBD" + kFrench), std::string::npos);
}

TEST(Decode, InvalidBytesInLegacyCharsetAreCounted) {
  // 0x81 is unassigned in glibc's CP1252: one replaced, counted byte.
  std::string bytes = "<meta charset=windows-1252><p>caf\xE9 \x81 ok</p>";
  DecodedText d = decode_to_utf8(bytes);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_TRUE(utf8::is_valid(d.utf8));
  EXPECT_EQ(d.invalid_bytes, 1u);
  EXPECT_NE(d.utf8.find("café \xEF\xBF\xBD ok</p>"), std::string::npos);
}

TEST(Decode, TruncatedMultibyteAtEnd) {
  std::string bytes = encode("<meta charset=shift_jis><p>" + kJapanese, "SHIFT_JIS");
  bytes.push_back('\x82');  // first byte of a two-byte character
  DecodedText d = decode_to_utf8(bytes);
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_EQ(d.invalid_bytes, 1u);
  EXPECT_TRUE(utf8::is_valid(d.utf8));
  EXPECT_NE(d.utf8.find(kJapanese), std::string::npos);
}

TEST(Decode, UnknownLabelsAreIgnored) {
  DecodedText d = decode_to_utf8("<meta charset=klingon><p>" + kFrench + "</p>", "x-nonsense");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_NE(d.source, CharsetSource::meta);
}

TEST(Decode, RandomBytesAlwaysGiveValidUtf8) {
  std::mt19937 rng(7);
  const char* labels[] = {"", "utf-8", "shift_jis", "iso-2022-jp", "gb18030", "euc-kr", "big5",
                          "utf-16", "koi8-r"};
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 3000, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    DecodedText d = decode_to_utf8(s, labels[round % 9]);
    ASSERT_TRUE(utf8::is_valid(d.utf8)) << round;
    EXPECT_FALSE(d.charset.empty());
  }
}

TEST(Decode, SourceNames) {
  EXPECT_EQ(to_string(CharsetSource::meta), "meta");
  EXPECT_EQ(to_string(CharsetSource::bom), "bom");
}

// decode_to_utf8_owned() answers exactly as decode_to_utf8() on the same
// bytes (UTF-8 moved, BOM, legacy charsets, broken UTF-8, HTTP charset), and
// takes valid UTF-8 over without copying it.
TEST(Decode, OwnedBytesGiveTheSameAnswer) {
  const std::string meta_latin1 =
      "<meta charset=iso-8859-1><p>" + encode(kFrench, "ISO-8859-1") + "</p>";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<p>" + kFrench + " " + kJapanese + "</p>", ""},
      {"\xEF\xBB\xBF<p>" + kRussian + "</p>", ""},
      {meta_latin1, ""},
      {"<p>" + encode(kRussian, "KOI8-R") + "</p>", "text/html; charset=koi8-r"},
      {"<p>" + kChinese + "\xFF\xFE tail</p>", ""},
      {"<p>plain ascii</p>", ""},
      {"", ""},
  };
  for (const auto& [bytes, http] : cases) {
    DecodedText viewed = decode_to_utf8(bytes, http);
    std::string owned = bytes;
    DecodedText moved = decode_to_utf8_owned(std::move(owned), http);
    EXPECT_EQ(moved.utf8, viewed.utf8) << bytes.substr(0, 40);
    EXPECT_EQ(moved.charset, viewed.charset);
    EXPECT_EQ(moved.source, viewed.source);
    EXPECT_EQ(moved.invalid_bytes, viewed.invalid_bytes);
  }
  std::string big = "<p>" + std::string(100000, 'a') + " " + kFrench + "</p>";
  const char* buffer = big.data();
  DecodedText d = decode_to_utf8_owned(std::move(big));
  EXPECT_EQ(d.utf8.data(), buffer) << "valid UTF-8 is moved, not copied";
}
