// News agencies a text credits, for a record's `sources`: the same reading
// for `saring extract` (the extracted main text) and `saring clean` (the
// repaired text), so both name the agencies of one article alike.
//
// An agency name counts as a credit, not a mere mention, when the text says
// so around it, in the languages saring handles:
//   - an attribution word shortly before it in the same sentence: "seperti
//     dilansir Reuters", "dikutip dari kantor berita Xinhua", "told Reuters",
//     "according to AP", "laut dpa", "selon l'AFP", "según EFE",
//     "сообщает ТАСС", "Source: Reuters";
//   - a reporting verb shortly after it: "AFP melaporkan", "Reuters
//     reported", "dpa berichtet", "Anadolu Ajansı'na göre";
//   - a group in brackets made only of agencies and editor initials:
//     "(ANTARA)", "(Reuters)", "(ant/dil)", but not "(AP Photo/Jane Doe)";
//   - a dateline: "JAKARTA, KOMPAS.com - ...", "WASHINGTON (Reuters) - ...";
//   - Japanese and Chinese forms: "ロイター通信によると", "【ワシントン共同】",
//     "据新华社报道".
//
//   std::vector<std::string> sources;
//   saring::meta::add_credited_agencies(text, sources);   // {"Reuters", "AFP"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saring::meta {

// The canonical name of the agency `token` names as a whole ("reuters",
// "ANTARA", "Agence France-Presse", "ant"), or nullopt. Short forms that are
// common words elsewhere ("AP", "PAP", "BBC") count in capitals only.
std::optional<std::string_view> agency_named(std::string_view token);

// Adds the agencies named in a short credit ("Antara, Reuters",
// "ANTARA/REUTERS", "ant/dil") to `sources`, keeping first-seen order and
// leaving out names already there.
void add_agencies_in_credit(std::string_view credit, std::vector<std::string>& sources);

// Adds the agencies `text` credits (see above) to `sources`, in the order of
// their first credit, leaving out names already there.
void add_credited_agencies(std::string_view text, std::vector<std::string>& sources);

}  // namespace saring::meta
