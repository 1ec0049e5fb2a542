// Internal pieces shared by the filter sources.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "saring/filter.h"
#include "saring/result.h"

namespace re2 {
class RE2;
}

namespace saring::filter {

// One RE2 alternation over a lowercased list: spaced-script words match only
// whole (not inside a longer word), CJK/Thai entries match anywhere.
class BadWordsMatcher {
 public:
  explicit BadWordsMatcher(std::unique_ptr<re2::RE2> re);
  ~BadWordsMatcher();
  // `lowered` must be lowercased (saring::text::to_lower).
  bool matches(std::string_view lowered) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

Result<std::shared_ptr<const BadWordsMatcher>> compile_bad_words(const std::vector<std::string>& words);

}  // namespace saring::filter
