#include "saring/lang.h"

#include <gtest/gtest.h>

#include <thread>

using namespace saring;

namespace {

const lang::LanguageIdentifier& model() {
  static auto loaded = lang::LanguageIdentifier::load(std::string(SARING_DATA_DIR) + "/lid.176.ftz");
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.error().describe();
    std::abort();
  }
  return *loaded.value();
}

}  // namespace

TEST(LanguageIdentifier, MissingModelIsAClearError) {
  auto r = lang::LanguageIdentifier::load("/nonexistent/lid.ftz");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::io);
  EXPECT_NE(r.error().message.find("/nonexistent/lid.ftz"), std::string::npos);
}

TEST(LanguageIdentifier, NotAModelIsAnError) {
  auto r = lang::LanguageIdentifier::load(std::string(SARING_FIXTURES_DIR) + "/../CMakeLists.txt");
  EXPECT_FALSE(r.ok());
}

struct Case {
  const char* text;
  const char* code;
};

TEST(LanguageIdentifier, IdentifiesCommonLanguages) {
  const Case cases[] = {
      {"Pemerintah kota mengumumkan rencana pembangunan jalan baru yang akan selesai tahun depan.", "id"},
      {"The city council announced plans for a new road that will be finished next year.", "en"},
      {"Die Stadtverwaltung kündigte Pläne für eine neue Straße an, die nächstes Jahr fertig sein soll.", "de"},
      {"La mairie a annoncé la construction d'une nouvelle route qui sera terminée l'année prochaine.", "fr"},
      {"Городской совет объявил о планах строительства новой дороги к следующему году.", "ru"},
      {"市政府宣布了一项新的道路建设计划，预计明年完工。", "zh"},
      {"รัฐบาลประกาศแผนการสร้างถนนสายใหม่ซึ่งจะแล้วเสร็จในปีหน้า", "th"},
  };
  for (const auto& c : cases) {
    auto g = model().identify(c.text);
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_GT(g.score, 0.5) << c.text;
  }
}

TEST(LanguageIdentifier, TooLittleTextGivesNoGuess) {
  EXPECT_EQ(model().identify("").code, "");
  EXPECT_EQ(model().identify("ok").code, "");
}

TEST(LanguageIdentifier, NewlinesDoNotCutTheText) {
  auto g = model().identify("ok\n\nDie Stadtverwaltung kündigte Pläne für eine neue Straße an.");
  EXPECT_EQ(g.code, "de");
}

TEST(LanguageIdentifier, TopKIsSortedAndBounded) {
  auto top = model().identify_top("Das ist ein kurzer deutscher Satz über das Wetter.", 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_GE(top[0].score, top[1].score);
  EXPECT_GE(top[1].score, top[2].score);
}

TEST(LanguageIdentifier, SameAnswerFromManyThreads) {
  const std::string text = "Le gouvernement a présenté hier un nouveau projet de loi sur l'énergie.";
  auto expected = model().identify(text);
  std::vector<std::thread> threads;
  std::vector<lang::Guess> got(4);
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { got[t] = model().identify(text); });
  for (auto& th : threads) th.join();
  for (const auto& g : got) {
    EXPECT_EQ(g.code, expected.code);
    EXPECT_DOUBLE_EQ(g.score, expected.score);
  }
}
