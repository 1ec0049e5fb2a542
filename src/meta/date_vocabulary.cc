// The one home of date vocabulary: month and weekday names per language,
// zone abbreviations and the small words that glue dates and times together.
// Names are written as people write them (with diacritics); they are folded
// (case, diacritics) when the lookup maps are built, so input is matched with
// or without accents. To add a language, add its rows here; nothing else in
// the parser knows about languages.
#include "date_vocabulary.h"

#include <utf8proc.h>

#include <cstdlib>
#include <initializer_list>

namespace saring::date::detail {
namespace {

struct Names {
  int value;
  std::initializer_list<const char*> names;
};

// Months, 1..12: full names, genitives and common abbreviations.
// Languages: en, id, ms, de, fr, es, pt, it, nl, pl, ru, uk, tr, sv, da, no,
// cs, ro, fi.
const Names kMonthNames[] = {
    {1, {"january", "jan", "januari", "januar", "jänner", "janvier", "janv", "enero", "ene",
         "janeiro", "gennaio", "gen", "styczeń", "stycznia", "sty", "январь", "января", "янв",
         "січень", "січня", "ocak", "oca", "leden", "ledna", "ianuarie", "ian", "tammikuu",
         "tammikuuta", "tammik"}},
    {2, {"february", "feb", "febr", "februari", "pebruari", "februar", "feber", "février", "févr",
         "fév", "febrero", "fevereiro", "fev", "febbraio", "luty", "lutego", "lut", "февраль",
         "февраля", "фев", "февр", "лютий", "лютого", "şubat", "şub", "únor", "února",
         "februarie", "helmikuu", "helmikuuta", "helmik"}},
    {3, {"march", "mar", "maret", "mac", "märz", "mär", "maerz", "mars", "marzo", "março",
         "marco", "maart", "mrt", "marzec", "marca", "март", "марта", "мар", "березень",
         "березня", "mart", "březen", "března", "martie", "marts", "maaliskuu", "maaliskuuta",
         "maalisk"}},
    {4, {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi",
         "апрель", "апреля", "апр", "квітень", "квітня", "nisan", "nis", "duben", "dubna",
         "aprilie", "huhtikuu", "huhtikuuta", "huhtik"}},
    {5, {"may", "mei", "mai", "mayo", "maio", "maggio", "mag", "maj", "maja", "май", "мая",
         "травень", "травня", "mayıs", "květen", "května", "toukokuu", "toukokuuta", "toukok"}},
    {6, {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "czerwiec", "czerwca",
         "cze", "июнь", "июня", "июн", "червень", "червня", "haziran", "haz", "červen", "června",
         "iunie", "kesäkuu", "kesäkuuta", "kesäk"}},
    {7, {"july", "jul", "juli", "julai", "juillet", "juil", "julio", "julho", "luglio", "lug",
         "lipiec", "lipca", "lip", "июль", "июля", "июл", "липень", "липня", "temmuz", "tem",
         "červenec", "července", "iulie", "heinäkuu", "heinäkuuta", "heinäk"}},
    {8, {"august", "aug", "agustus", "agt", "ags", "agu", "ogos", "août", "aout", "agosto", "ago",
         "augustus", "sierpień", "sierpnia", "sie", "август", "августа", "авг", "серпень",
         "серпня", "ağustos", "ağu", "srpen", "srpna", "augusti", "elokuu", "elokuuta", "elok"}},
    {9, {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "setembro",
         "settembre", "wrzesień", "września", "wrz", "сентябрь", "сентября", "сен", "сент",
         "вересень", "вересня", "eylül", "eyl", "září", "septembrie", "syyskuu", "syyskuuta",
         "syysk"}},
    {10, {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre",
          "ott", "październik", "października", "paź", "октябрь", "октября", "окт", "жовтень",
          "жовтня", "ekim", "eki", "říjen", "října", "octombrie", "lokakuu", "lokakuuta",
          "lokak"}},
    {11, {"november", "nov", "nop", "novembre", "noviembre", "novembro", "listopad", "listopada",
          "lis", "ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "kasım", "kas",
          "listopadu", "noiembrie", "marraskuu", "marraskuuta", "marrask"}},
    {12, {"december", "dec", "desember", "des", "disember", "dis", "dezember", "dez", "décembre",
          "déc", "diciembre", "dic", "dezembro", "dicembre", "grudzień", "grudnia", "gru",
          "декабрь", "декабря", "дек", "грудень", "грудня", "aralık", "ara", "prosinec",
          "prosince", "decembrie", "joulukuu", "joulukuuta", "jouluk"}},
};

// Weekdays, 1 = Monday .. 7 = Sunday. Only used to extend a date's span and
// to skip a weekday before the date.
const Names kWeekdayNames[] = {
    {1, {"monday", "mon", "senin", "isnin", "montag", "mo", "lundi", "lun", "lunes", "segunda",
         "seg", "lunedì", "maandag", "ma", "poniedziałek", "pon", "понедельник", "пн",
         "понеділок", "pazartesi", "måndag", "mandag", "pondělí", "luni", "maanantai", "ma"}},
    {2, {"tuesday", "tue", "tues", "selasa", "dienstag", "di", "mardi", "martes", "terça",
         "terca", "ter", "martedì", "dinsdag", "wtorek", "wt", "вторник", "вт", "вівторок",
         "salı", "tisdag", "tirsdag", "úterý", "marți", "tiistai", "ti"}},
    {3, {"wednesday", "wed", "rabu", "mittwoch", "mi", "mercredi", "mer", "miércoles", "quarta",
         "qua", "mercoledì", "woensdag", "wo", "środa", "śr", "среда", "ср", "середа",
         "çarşamba", "onsdag", "středa", "miercuri", "keskiviikko", "ke"}},
    {4, {"thursday", "thu", "thur", "thurs", "kamis", "khamis", "donnerstag", "do", "jeudi", "jeu",
         "jueves", "quinta", "qui", "giovedì", "donderdag", "czwartek", "czw", "четверг", "чт",
         "четвер", "perşembe", "torsdag", "čtvrtek", "joi", "torstai", "to"}},
    {5, {"friday", "fri", "jumat", "jum'at", "jumaat", "freitag", "fr", "vendredi", "ven",
         "viernes", "sexta", "sex", "venerdì", "vrijdag", "vr", "piątek", "pt", "пятница", "пт",
         "п'ятниця", "cuma", "fredag", "pátek", "vineri", "perjantai", "pe"}},
    {6, {"saturday", "sat", "sabtu", "samstag", "sonnabend", "sa", "samedi", "sam", "sábado",
         "sab", "sabato", "zaterdag", "za", "sobota", "sob", "суббота", "сб", "субота",
         "cumartesi", "lördag", "lørdag", "sâmbătă", "lauantai", "la"}},
    {7, {"sunday", "sun", "minggu", "ahad", "sonntag", "so", "dimanche", "dim", "domingo", "dom",
         "domenica", "zondag", "zo", "niedziela", "niedz", "воскресенье", "вс", "неділя",
         "pazar", "söndag", "søndag", "neděle", "duminică", "sunnuntai", "su"}},
};

struct Zone {
  const char* name;
  int offset_minutes;
};

// Zone abbreviations. Ambiguous ones take the reading most common on the web
// pages we see: CST is US Central, IST is India.
const Zone kZones[] = {
    {"wib", 420},   {"wita", 480},  {"wit", 540},   {"myt", 480},   {"sgt", 480},
    {"ist", 330},   {"cet", 60},    {"cest", 120},  {"mez", 60},    {"mesz", 120},
    {"eet", 120},   {"eest", 180},  {"wet", 0},     {"west", 60},   {"msk", 180},
    {"est", -300},  {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},
    {"mdt", -360},  {"pst", -480},  {"pdt", -420},  {"akst", -540}, {"akdt", -480},
    {"hst", -600},  {"ast", -240},  {"adt", -180},  {"nst", -210},  {"ndt", -150},
    {"gmt", 0},     {"utc", 0},     {"ut", 0},      {"z", 0},       {"bst", 60},
    {"jst", 540},   {"kst", 540},   {"hkt", 480},   {"pht", 480},   {"ict", 420},
    {"aest", 600},  {"aedt", 660},  {"acst", 570},  {"acdt", 630},  {"awst", 480},
    {"nzst", 720},  {"nzdt", 780},  {"brt", -180},  {"art", -180},  {"trt", 180},
    {"pkt", 300},   {"sast", 120},  {"cat", 120},   {"eat", 180},   {"wat", 60},
    {"мск", 180},   {"tsi", 180},   // Moscow time (МСК), Turkish time (TSİ)
};

// Words that may stand between a date and its time of day.
const char* const kTimeConnectors[] = {
    "at", "um", "gegen", "à", "a", "as", "às", "alle", "ore", "om", "pukul", "pkl", "jam",
    "saat", "o", "godz", "godzina", "в", "klo", "kl", "kello", "la", "las", "de", "ob", "t",
    "kell", "v", "around", "ca"};

// Words that may stand inside a date ("20 de octubre de 2021", "20th of May").
const char* const kDateFillers[] = {"de", "del", "of", "the", "do", "da"};

// Words after a year that still belong to the date ("2021 г.", "2021 r.").
const char* const kYearSuffixes[] = {"г", "года", "год", "r", "roku", "yılı"};

const char* const kOrdinalSuffixes[] = {"st", "nd", "rd", "th", "er", "re", "e", "º", "ª",
                                        "o", "a", "го", "ste"};

const char* const kWeekdaySuffixes[] = {"feira"};

const char* const kTimeSuffixes[] = {"uhr", "h", "hs", "hrs", "ч", "val", "klo", "heures"};

// "a.m." / "p.m." are recognised from their letters around the dots.
// Malay writes "pg" (pagi, morning) and "ptg" (petang, afternoon).
const char* const kAmWords[] = {"am", "pg", "pagi"};
const char* const kPmWords[] = {"pm", "ptg", "petang"};

// Languages whose numeric dates are month first. Plain "en" counts: on the
// web an untagged-region English page is most often American.
const char* const kMdyLanguages[] = {"en", "en-us", "en_us", "en-ph", "en-pr", "en-as",
                                     "en-gu", "en-um", "en-vi", "fil", "fil-ph"};

Vocabulary build() {
  Vocabulary v;
  for (const auto& row : kMonthNames)
    for (const char* n : row.names) v.months.emplace(fold(n), row.value);
  for (const auto& row : kWeekdayNames)
    for (const char* n : row.names) v.weekdays.emplace(fold(n), row.value);
  for (const auto& z : kZones) v.zones.emplace(fold(z.name), z.offset_minutes);
  for (const char* w : kTimeConnectors) v.time_connectors.insert(fold(w));
  for (const char* w : kDateFillers) v.date_fillers.insert(fold(w));
  for (const char* w : kYearSuffixes) v.year_suffixes.insert(fold(w));
  for (const char* w : kOrdinalSuffixes) v.ordinal_suffixes.insert(fold(w));
  for (const char* w : kWeekdaySuffixes) v.weekday_suffixes.insert(fold(w));
  for (const char* w : kTimeSuffixes) v.time_suffixes.insert(fold(w));
  for (const char* w : kAmWords) v.am_words.insert(fold(w));
  for (const char* w : kPmWords) v.pm_words.insert(fold(w));
  for (const char* w : kMdyLanguages) v.mdy_languages.insert(w);
  return v;
}

}  // namespace

const Vocabulary& vocabulary() {
  static const Vocabulary v = build();
  return v;
}

std::string fold(std::string_view word) {
  bool ascii = true;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (ascii) {
    std::string out(word);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  if (n < 0 || !mapped) {
    std::free(mapped);
    return std::string(word);
  }
  std::string folded(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  // Letters without a decomposition that people still type without their mark.
  static const std::pair<std::string_view, std::string_view> kExtra[] = {
      {"\xC4\xB1", "i"},  // ı dotless i
      {"\xC5\x82", "l"},  // ł
      {"\xC3\xB8", "o"},  // ø
      {"\xE2\x80\x99", "'"},  // right single quotation mark
  };
  for (const auto& [from, to] : kExtra) {
    size_t pos = 0;
    while ((pos = folded.find(from, pos)) != std::string::npos) {
      folded.replace(pos, from.size(), to);
      pos += to.size();
    }
  }
  return folded;
}

}  // namespace saring::date::detail
