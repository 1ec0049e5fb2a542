// The agencies a text credits (saring/agencies.h): credits in each language
// we handle count, mere mentions and photo credits do not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "saring/agencies.h"

using saring::meta::add_agencies_in_credit;
using saring::meta::add_credited_agencies;
using saring::meta::agency_named;

namespace {

std::vector<std::string> credited(const std::string& text) {
  std::vector<std::string> out;
  add_credited_agencies(text, out);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST(Agencies, NamedByAnyOfTheirForms) {
  EXPECT_EQ(agency_named("reuters").value_or(""), "Reuters");
  EXPECT_EQ(agency_named("ANTARA").value_or(""), "Antara");
  EXPECT_EQ(agency_named("Agence  France-Presse").value_or(""), "AFP");
  EXPECT_EQ(agency_named("AP").value_or(""), "AP");
  EXPECT_FALSE(agency_named("ap"));       // a word elsewhere: capitals only
  EXPECT_FALSE(agency_named("Reuters Foundation"));
}

TEST(Agencies, CreditListsAndInitials) {
  std::vector<std::string> out;
  add_agencies_in_credit("ANTARA/REUTERS, dpa", out);
  add_agencies_in_credit("ant/dil", out);  // "ant" is Antara's short form; no repeat
  EXPECT_EQ(out, (Names{"Antara", "Reuters", "dpa"}));
}

TEST(Agencies, AttributionsInTheLanguagesWeHandle) {
  struct Case { const char* text; const char* agency; };
  const Case cases[] = {
      {"Harga minyak naik tajam, seperti dilansir Reuters pada Senin.", "Reuters"},
      {"Hal itu dikutip dari kantor berita Xinhua, Selasa (5/3).", "Xinhua"},
      {"AFP melaporkan sedikitnya 20 orang tewas dalam serangan itu.", "AFP"},
      {"Kerajaan akan menambah bantuan, menurut laporan Bernama hari ini.", "Bernama"},
      {"The minister told Reuters the talks would resume next week.", "Reuters"},
      {"The storm killed at least 12 people, according to the Associated Press.", "AP"},
      {"The vote was delayed, AP reported on Friday.", "AP"},
      {"Die Regierung will das Gesetz ändern, berichtete die Nachrichtenagentur dpa.", "dpa"},
      {"Das sagte der Minister laut dpa am Montag.", "dpa"},
      {"Le bilan s'élève à dix morts, selon l'AFP.", "AFP"},
      {"El presidente viajará a Bruselas, según EFE.", "EFE"},
      {"O acordo foi assinado ontem, segundo a Lusa.", "Lusa"},
      {"Il vertice è stato rinviato, riferisce l'ANSA.", "ANSA"},
      {"Het kabinet is gevallen, meldt persbureau ANP.", "ANP"},
      {"Rząd przyjął projekt ustawy, podała agencja PAP.", "PAP"},
      {"Переговоры продолжатся в понедельник, сообщает ТАСС.", "TASS"},
      {"Toplantı yarın yapılacak, Anadolu Ajansı'na göre.", "Anadolu"},
      {"JAKARTA (ANTARA) - Pemerintah memperpanjang masa pembatasan.", "Antara"},
      {"JAKARTA, KOMPAS.com - Pemerintah memperpanjang masa pembatasan.", "Kompas"},
      {"Polisi masih menyelidiki kasus itu. (Bernama)", "Bernama"},
      {"首相は辞任を否定した。ロイター通信によると、会談は来週行われる。", "Reuters"},
      {"【ワシントン共同】米政府は十日、新たな制裁を発表した。", "Kyodo"},
      {"据新华社报道，会议将于下周举行。", "Xinhua"},
  };
  for (const Case& c : cases) EXPECT_EQ(credited(c.text), Names{c.agency}) << c.text;
}

TEST(Agencies, MentionsAndPhotoCreditsAreNotCredits) {
  for (const char* text : {
           "Thomson Reuters shares rose 3 percent on Tuesday.",
           "A Reuters journalist was among the guests. Protesters gathered outside.",
           "Officers detain a man in the capital on Monday. (AP Photo/Jane Doe)",
           "We ap-plied the rules as told by the ap guide.",
           "The AFP office closed in 2019 after the move.",
       }) {
    EXPECT_EQ(credited(text), Names{}) << text;
  }
}

TEST(Agencies, FirstCreditFirstAndNoRepeats) {
  EXPECT_EQ(credited("WASHINGTON (Reuters) - The bill passed. Officials told AFP the vote was "
                     "close. Reuters reported more later."),
            (Names{"Reuters", "AFP"}));
  std::vector<std::string> sources{"AFP"};
  add_credited_agencies("Officials told AFP and Reuters reported it.", sources);
  EXPECT_EQ(sources, (Names{"AFP", "Reuters"}));
}
