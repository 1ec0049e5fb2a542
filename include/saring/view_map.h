// A small map from string views to values, for per-document caches keyed by
// strings that live in the document (class attributes, ids): open addressing
// over a power-of-two table kept at most half full, with each key's full hash
// stored so a probe compares strings only on a hash match. No allocation per
// entry and no modulo, unlike std::unordered_map. The keys are not copied:
// they must outlive the map.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace saring {

// 8 bytes at a time; cheaper than std::hash<std::string_view> on the 10-60
// byte strings these maps hold.
inline uint64_t view_hash(std::string_view s) noexcept {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  // The tail without a variable-length copy (a library call): a string of
  // 8 bytes or more rehashes its last 8 (overlapping the loop's), a shorter
  // one is read with two overlapping 4-byte loads or three single bytes.
  uint64_t w = 0;
  if (n > 0) {
    if (s.size() >= 8) {
      std::memcpy(&w, s.data() + s.size() - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      w = (uint64_t{a} << 32) | b;
    } else {
      w = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) | static_cast<unsigned char>(p[n - 1]);
    }
  }
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return h;
}

template <class V>
class ViewMap {
 public:
  ViewMap() : slots_(256) {}
  // The value for `key` and whether it was just added (value-initialised).
  // The pointer is valid until the next insertion.
  std::pair<V*, bool> try_emplace(std::string_view key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const uint64_t h = view_hash(key);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].used) {
      if (slots_[i].hash == h && slots_[i].key == key) return {&slots_[i].value, false};
      i = (i + 1) & mask;
    }
    slots_[i] = Slot{key, h, V{}, true};
    ++used_;
    return {&slots_[i].value, true};
  }

 private:
  struct Slot {
    std::string_view key;
    uint64_t hash = 0;
    V value{};
    bool used = false;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// Whether `name` is the literal `lit`; the length is known to the compiler,
// so the compare is a few integer loads, not a call to memcmp.
template <size_t N>
inline bool name_is(std::string_view name, const char (&lit)[N]) {
  return name.size() == N - 1 && std::memcmp(name.data(), lit, N - 1) == 0;
}

}  // namespace saring
