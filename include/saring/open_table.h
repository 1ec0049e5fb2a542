// OpenTable: the one open-addressing hash table behind the hot lookups
// (dedup index, corpus line counts, n-gram counters, class/id word tables). Slots live in one power-of-two vector, a
// key's hash picks its first slot (hash & (capacity - 1)) and a lookup walks
// forward one slot at a time until it finds the key or an empty slot. No
// allocation per entry, no modulo and no node chasing, unlike
// std::unordered_map.
//
// Each table says how it hashes and which key marks an empty slot through a
// traits type, so tables keep the hash that suits their keys (an already
// random 64-bit hash is used as is, a pointer is multiplied):
//
//   struct LineKeys : saring::OpenTableTraits<uint64_t> {
//     static uint64_t hash(uint64_t key) { return key; }  // keys are hashes
//   };
//   saring::OpenTable<uint64_t, uint32_t, LineKeys> counts;
//   ++*counts.try_emplace(key).first;
//
// A slot is empty when its key is the value-initialised key (0, nullptr, ""),
// so callers never insert that key (hashes remap 0 to 1); traits may test a
// part of the key instead with is_empty(). A growing table doubles when an
// insertion would make it more than half full; a fixed one (kFixedCapacity)
// never does, and its user keeps it below full (clean's corpus counts prune
// instead of growing).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace saring {

// Defaults for OpenTable's traits: the empty key is K{}, the table grows.
// A traits type derives from this and adds `static uint64_t hash(const K&)`
// (only tables that grow, retain_if or look keys up by themselves need it).
template <class K>
struct OpenTableTraits {
  static bool is_empty(const K& key) { return key == K{}; }
  static constexpr bool kFixedCapacity = false;
};

template <class K, class V, class Traits>
class OpenTable {
 public:
  // At least `capacity` slots (rounded up to a power of two, at least 2).
  explicit OpenTable(size_t capacity = 16) : slots_(round_up(capacity)) {}

  size_t size() const { return used_; }
  size_t capacity() const { return slots_.size(); }
  // Memory held by the slots.
  size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

  // The value of `key`, or nullptr.
  V* find(const K& key) {
    return find(Traits::hash(key), [&](const K& k, const V&) { return k == key; });
  }
  const V* find(const K& key) const { return const_cast<OpenTable*>(this)->find(key); }

  // The value of `key` and whether it was just added (value-initialised).
  // The pointer is valid until the next insertion.
  std::pair<V*, bool> try_emplace(const K& key) {
    reserve_one();
    const size_t mask = slots_.size() - 1;
    size_t i = Traits::hash(key) & mask;
    for (; !Traits::is_empty(slots_[i].key); i = (i + 1) & mask) {
      if (slots_[i].key == key) return {&slots_[i].value, false};
    }
    slots_[i].key = key;
    ++used_;
    return {&slots_[i].value, true};
  }

  // For keys whose equality needs more than the key (bytes kept elsewhere, a
  // longer hash to confirm): the first entry on `hash`'s probe sequence for
  // which match(key, value) holds, or nullptr.
  template <class Match>
  V* find(uint64_t hash, Match&& match) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask; !Traits::is_empty(slots_[i].key); i = (i + 1) & mask) {
      if (match(std::as_const(slots_[i].key), std::as_const(slots_[i].value))) return &slots_[i].value;
    }
    return nullptr;
  }
  template <class Match>
  const V* find(uint64_t hash, Match&& match) const {
    return const_cast<OpenTable*>(this)->find(hash, std::forward<Match>(match));
  }

  // Adds an entry without looking for `key` first (the caller knows it is
  // absent, or keeps several entries under one key and tells them apart with
  // find(hash, match)). `hash` is Traits::hash(key) in a growing table; a
  // fixed one may be probed by any hash its users agree on.
  V* insert(uint64_t hash, const K& key, const V& value) {
    reserve_one();
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (!Traits::is_empty(slots_[i].key)) i = (i + 1) & mask;
    slots_[i] = Slot{key, value};
    ++used_;
    return &slots_[i].value;
  }

  // fn(key, value) for every entry, in slot order.
  template <class Fn>
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_)
      if (!Traits::is_empty(s.key)) fn(s.key, s.value);
  }

  // Keeps the entries for which keep(key, value) holds and lays them out
  // again (same capacity), as if only they had been inserted, in slot order.
  template <class Keep>
  void retain_if(Keep&& keep) {
    std::vector<Slot> old(slots_.size());
    old.swap(slots_);
    used_ = 0;
    for (const Slot& s : old)
      if (!Traits::is_empty(s.key) && keep(s.key, s.value)) place(s);
  }

  // Empties the table and gives it at least `capacity` slots, reusing its
  // memory when that is enough.
  void reset(size_t capacity) {
    slots_.assign(round_up(capacity), Slot{});
    used_ = 0;
  }

  // Empties every slot; the capacity stays.
  void clear() {
    if (used_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    used_ = 0;
  }

 private:
  struct Slot {
    K key{};
    V value{};
  };

  static size_t round_up(size_t n) {
    size_t p = 2;
    while (p < n) p <<= 1;
    return p;
  }

  // Makes room for one more entry: a growing table doubles past half full.
  void reserve_one() {
    if constexpr (!Traits::kFixedCapacity) {
      if ((used_ + 1) * 2 > slots_.size()) {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        used_ = 0;
        for (const Slot& s : old)
          if (!Traits::is_empty(s.key)) place(s);
      }
    }
  }

  // Puts s in the first empty slot of its probe sequence.
  void place(const Slot& s) {
    const size_t mask = slots_.size() - 1;
    size_t i = Traits::hash(s.key) & mask;
    while (!Traits::is_empty(slots_[i].key)) i = (i + 1) & mask;
    slots_[i] = s;
    ++used_;
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace saring
