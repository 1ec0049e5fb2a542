// One record whatever the door: the same pages through `saring extract
// --format json`, `--format jsonl` and `saring run` give the same fields, in
// the same order, with the same values (`source` aside: it says where each
// door read the page; run keeps the fields under `metadata` and adds its own).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "saring/io.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using saring::test_support::parse_json_lines;
using saring::test_support::run_command;

namespace {

// Long enough to be kept by run's extract stage; the last holds the
// characters JSON lines must escape to stay one line (U+2028, U+2029,
// U+0085, DEL).
const std::vector<std::pair<std::string, std::string>> kPages = {
    {"en.html", R"(<!doctype html><html lang="en"><head>
<title>Harbour bridge reopens after repairs - The Coastal Post</title>
<meta property="og:site_name" content="The Coastal Post">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-05-04T08:30:00+02:00">
<meta name="description" content="Eight months of repairs end.">
</head><body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs to its steel deck and cables.</p>
<p>Engineers replaced more than two hundred rusted bolts and repainted the whole structure, the city's transport office said.</p>
</article></body></html>)"},
    {"id.html", R"(<!doctype html><html lang="id-ID"><head><title>Jembatan dibuka kembali</title>
</head><body><article><h1>Jembatan dibuka kembali</h1>
<p>Jembatan pelabuhan kembali dibuka untuk lalu lintas pada Kamis pagi setelah delapan bulan perbaikan dek baja dan kabelnya.</p>
</article></body></html>)"},
    {"breaks.html", "<!doctype html><html><head><title>Line\xE2\x80\xA8separators</title></head><body>"
                    "<article><p>One paragraph\xE2\x80\xA8with a line separator, a next line\xC2\x85"
                    "character, a paragraph separator\xE2\x80\xA9" "and a delete \x7F byte, long "
                    "enough to be the main text of this page.</p></article></body></html>"},
};

class RecordDoors : public saring::test_support::ScratchDirTest {};

// Keys in the order written (nlohmann::json itself sorts them).
std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

}  // namespace

TEST_F(RecordDoors, ExtractJsonJsonlAndRunGiveTheSameRecord) {
  fs::create_directories(dir_ / "pages");
  std::string list;
  for (const auto& [name, html] : kPages) {
    list += ' ';
    list += write("pages/" + name, html);
  }

  auto lines = run_command(std::string(SARING_BIN) + " extract --format jsonl" + list);
  ASSERT_EQ(lines.exit_code, 0);
  auto records = parse_json_lines(lines.out);
  ASSERT_EQ(records.size(), kPages.size());

  // The one field order, url first, text and source last.
  const std::vector<std::string> order = {
      "url",      "title",          "author", "date",  "date_source", "sitename", "sources",
      "description", "language",    "language_score", "tags", "image", "page_type",
      "extraction_stage", "charset", "text", "source"};
  std::istringstream in(lines.out);
  for (std::string line; std::getline(in, line);)
    EXPECT_EQ(keys_of(nlohmann::ordered_json::parse(line)), order);

  // --format json: the same record, indented.
  for (size_t i = 0; i < kPages.size(); ++i) {
    auto one = run_command(std::string(SARING_BIN) + " extract --format json " +
                           (dir_ / "pages" / kPages[i].first).string());
    ASSERT_EQ(one.exit_code, 0);
    EXPECT_NE(one.out.find("\n  \"title\": "), std::string::npos) << one.out;
    EXPECT_EQ(nlohmann::json::parse(one.out), records[i]) << kPages[i].first;
  }

  // saring run: the same fields in the same order under `metadata`, the url
  // and text at top level. Filters and dedup are off so every page is kept.
  auto outdir = dir_ / "out";
  auto run = run_command(std::string(SARING_BIN) + " run --quiet --threads 2 --no-filter --no-dedup " +
                         (dir_ / "pages").string() + " -o " + outdir.string());
  ASSERT_EQ(run.exit_code, 0);
  std::string kept;
  for (const auto& e : fs::directory_iterator(outdir)) {
    if (e.path().filename().string().rfind("part-", 0) != 0) continue;
    auto bytes = saring::io::read_all(e.path().string());
    ASSERT_TRUE(bytes.ok());
    kept += bytes.value();
  }
  std::vector<nlohmann::ordered_json> docs;
  std::istringstream kept_lines(kept);
  for (std::string line; std::getline(kept_lines, line);) docs.push_back(nlohmann::ordered_json::parse(line));
  ASSERT_EQ(docs.size(), kPages.size()) << kept;
  size_t matched = 0;
  for (const auto& doc : docs) {
    for (const auto& r : records) {
      if (fs::path(r["source"].get<std::string>()) != fs::path(doc["source"]["path"].get<std::string>()))
        continue;
      ++matched;
      // url, the metadata fields, text: with filters off, run adds none of its own.
      nlohmann::ordered_json fields;
      fields["url"] = doc["url"];
      for (auto it = doc["metadata"].begin(); it != doc["metadata"].end(); ++it) fields[it.key()] = it.value();
      fields["text"] = doc["text"];
      std::vector<std::string> without_source(order.begin(), order.end() - 1);
      EXPECT_EQ(keys_of(fields), without_source);
      nlohmann::json expected = r;
      expected.erase("source");
      EXPECT_EQ(nlohmann::json::parse(fields.dump()), expected) << doc.dump();
    }
  }
  EXPECT_EQ(matched, kPages.size());
}

TEST_F(RecordDoors, JsonLinesStayOneLinePerRecord) {
  const auto& [name, html] = kPages.back();
  auto r = run_command(std::string(SARING_BIN) + " extract --format jsonl " + write(name, html));
  ASSERT_EQ(r.exit_code, 0);
  for (const char* br : {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\x7F"})
    EXPECT_EQ(r.out.find(br), std::string::npos) << "raw line break in " << r.out;
  // (The extractor reads U+2028 and U+2029 as white space; io's writer tests
  // cover their escapes.)
  EXPECT_NE(r.out.find("line\\u0085character"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("delete \\u007f byte"), std::string::npos) << r.out;
  auto records = parse_json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0]["text"].get<std::string>().find("line\xC2\x85" "character"),
            std::string::npos);
}

// The same Indonesian news story as a page (`saring extract`) and as a text
// dump of that page (`saring clean`): both give the headline in `title` only,
// not in `text`, and both name the agencies the body credits in `sources`.
TEST_F(RecordDoors, ExtractAndCleanAgreeOnTitleAndSources) {
  const std::string headline = "Harga minyak dunia naik tajam pekan ini";
  const std::string body1 =
      "JAKARTA (ANTARA) - Harga minyak dunia naik tajam pada perdagangan Senin setelah "
      "negara-negara produsen sepakat memangkas produksi mulai bulan depan.";
  const std::string body2 =
      "Harga minyak mentah Brent naik dua persen menjadi 84 dolar per barel, seperti dilansir "
      "Reuters dari London, sementara para analis memperkirakan kenaikan berlanjut.";
  const std::string body3 =
      "Kantor berita Xinhua melaporkan permintaan dari China juga meningkat tajam pada bulan "
      "ini karena pabrik-pabrik kembali beroperasi penuh setelah libur panjang.";
  std::string html = "<!doctype html><html lang=\"id\"><head><title>" + headline +
                     " - Warta Kota</title><meta property=\"og:site_name\" content=\"Warta Kota\">"
                     "</head><body><nav><a href=\"/\">Beranda</a> <a href=\"/ekonomi\">Ekonomi</a></nav>"
                     "<article><h1>" + headline + "</h1><p>" + body1 + "</p><p>" + body2 +
                     "</p><p>" + body3 + "</p></article></body></html>";
  std::string dump = "Beranda\nEkonomi\n" + headline + "\n" + headline + "\n" + body1 + "\n" +
                     body2 + "\n" + body3 + "\n";

  auto extracted = run_command(std::string(SARING_BIN) + " extract --no-language --format json " +
                               write("story.html", html));
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  auto cleaned = run_command(std::string(SARING_BIN) + " clean --no-language --format json " +
                             write("story.txt", dump));
  ASSERT_EQ(cleaned.exit_code, 0) << cleaned.err;
  auto e = nlohmann::json::parse(extracted.out);
  auto c = nlohmann::json::parse(cleaned.out);
  EXPECT_EQ(e["title"], headline);
  EXPECT_EQ(c["title"], headline);
  for (const auto* r : {&e, &c}) {
    std::string text = (*r)["text"].get<std::string>();
    EXPECT_EQ(text.find(headline), std::string::npos) << text;
    EXPECT_EQ(text.rfind("JAKARTA (ANTARA) - Harga", 0), 0u) << text;
  }
  const nlohmann::json sources = {"Antara", "Reuters", "Xinhua"};
  EXPECT_EQ(e["sources"], sources);
  EXPECT_EQ(c["sources"], sources);
}
