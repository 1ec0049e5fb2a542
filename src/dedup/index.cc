// The streaming duplicate index, its file format and merging.
//
// How it works. Documents arrive in input order, each with a global sequence
// number. Per document the index keeps its id, its 128-bit exact hash and its
// band keys. Lookup tables map an exact hash, and for each band a band key,
// to the FIRST document that had it (open addressing, linear probing: about
// 24 bytes per entry instead of ~60 for std::unordered_map). A new document
// is an exact duplicate if its exact hash is known, else a near duplicate if
// any of its band keys is known; the verdict names the root (kept document)
// of the earliest matching document. Every document registers the keys that
// are new, duplicate or not, so A~B, B~C makes C a duplicate of A even when
// A and C share no band (as FineWeb's union-find clustering would).
//
// Why merging gives one run's answer: the decision for a document depends
// only on the keys of documents with smaller sequence numbers. The file
// stores every document's keys (not decisions); loading and merging replay
// the documents in sequence order through the same insert, so
// merge(shard A, shard B).decisions() is exactly the decisions of one index
// fed A's and B's documents in order. The format is in docs/dedup-format.md.
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>

#include "saring/dedup.h"
#include "saring/open_table.h"
#include "format.h"

namespace saring::dedup {

std::string_view to_string(DupKind kind) {
  switch (kind) {
    case DupKind::none: return "none";
    case DupKind::exact: return "exact";
    case DupKind::near: return "near";
  }
  return "none";
}

namespace {

using namespace format;

// The exact and band tables map a 64-bit key to a document index. Keys are
// hashes already; mixing spreads them over the low bits that pick a slot.
struct KeyTraits : OpenTableTraits<uint64_t> {
  static uint64_t hash(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
  }
};
using KeyTable = OpenTable<uint64_t, uint32_t, KeyTraits>;
constexpr size_t kFirstTableSlots = 64;

// Table keys go through format::table_key: key 0 is stored as 1 (the exact
// table confirms hits on the whole 128-bit hash; two band keys then meet
// with the odds of any 64-bit collision).

struct Doc {
  uint64_t seq;
  uint64_t id_offset;
  uint32_t id_len;
  uint32_t root;  // index of the kept document (itself when kept)
  DupKind kind;
  bool has_bands;
};

}  // namespace

struct NearDupIndex::Impl {
  MinHashParams params;
  IndexOptions options;
  std::vector<Doc> docs;
  std::string ids;                  // id arena
  std::vector<ExactHash> exact;     // per doc
  std::vector<uint64_t> band_keys;  // per doc, num_bands each (zeros when !has_bands)
  KeyTable exact_table{kFirstTableSlots};
  bool valid;  // params passed validate(); otherwise insert() refuses
  std::vector<KeyTable> band_tables;  // made at the first document with bands

  Impl(MinHashParams p, IndexOptions o) : params(p), options(o), valid(p.validate().ok()) {}

  std::string_view id_of(uint32_t d) const {
    return std::string_view(ids).substr(docs[d].id_offset, docs[d].id_len);
  }

  // Inserts without order checks (callers check). Returns the doc index.
  uint32_t add(uint64_t seq, std::string_view id, const ExactHash& eh, const uint64_t* bands) {
    uint32_t idx = static_cast<uint32_t>(docs.size());
    Doc doc{seq, ids.size(), static_cast<uint32_t>(id.size()), idx, DupKind::none, bands != nullptr};
    ids.append(id);
    exact.push_back(eh);

    // The table keys on 64 bits of the exact hash; a hit is confirmed on all 128.
    const uint64_t exact_key = table_key(eh.lo);
    const uint64_t exact_slot = KeyTraits::hash(exact_key);
    const uint32_t* exact_match = exact_table.find(
        exact_slot, [&](uint64_t k, uint32_t d) { return k == exact_key && exact[d] == eh; });
    if (!exact_match) {
      exact_table.insert(exact_slot, exact_key, idx);
    } else if (options.exact) {
      doc.kind = DupKind::exact;
      doc.root = docs[*exact_match].root;
    }

    if (bands && band_tables.empty()) band_tables.assign(params.num_bands, KeyTable(kFirstTableSlots));
    uint32_t near_match = kNoDoc;
    for (uint32_t b = 0; b < params.num_bands; ++b) {
      uint64_t key = bands ? bands[b] : 0;
      band_keys.push_back(key);
      if (!bands) continue;
      auto [hit, added] = band_tables[b].try_emplace(table_key(key));
      if (added) {
        *hit = idx;
      } else if (*hit < near_match) {
        near_match = *hit;
      }
    }
    if (doc.kind == DupKind::none && options.near && near_match != kNoDoc) {
      doc.kind = DupKind::near;
      doc.root = docs[near_match].root;
    }
    docs.push_back(doc);
    return idx;
  }

  Verdict verdict_of(uint32_t d) const {
    Verdict v;
    v.kind = docs[d].kind;
    if (v.kind != DupKind::none) {
      v.dup_of_seq = docs[docs[d].root].seq;
      v.dup_of_id = std::string(id_of(docs[d].root));
    }
    return v;
  }
};

NearDupIndex::NearDupIndex(MinHashParams params, IndexOptions options)
    : impl_(std::make_unique<Impl>(params, options)) {}
NearDupIndex::~NearDupIndex() = default;
NearDupIndex::NearDupIndex(NearDupIndex&&) noexcept = default;
NearDupIndex& NearDupIndex::operator=(NearDupIndex&&) noexcept = default;

const MinHashParams& NearDupIndex::params() const { return impl_->params; }
const IndexOptions& NearDupIndex::options() const { return impl_->options; }
size_t NearDupIndex::size() const { return impl_->docs.size(); }

size_t NearDupIndex::memory_bytes() const {
  const Impl& m = *impl_;
  size_t bytes = m.docs.capacity() * sizeof(Doc) + m.ids.capacity() +
                 m.exact.capacity() * sizeof(ExactHash) + m.band_keys.capacity() * sizeof(uint64_t) +
                 m.exact_table.bytes();
  for (const auto& t : m.band_tables) bytes += t.bytes();
  return bytes;
}

Result<Verdict> NearDupIndex::insert(uint64_t seq, std::string_view id, const Signature& signature) {
  Impl& m = *impl_;
  if (!m.valid) return m.params.validate().error();
  if (!m.docs.empty() && seq <= m.docs.back().seq)
    return make_error(ErrorCode::invalid_input,
                      "dedup: sequence number " + std::to_string(seq) +
                          " is not after the previous one (" + std::to_string(m.docs.back().seq) +
                          "); insert documents in input order");
  if (!signature.band_keys.empty() && signature.band_keys.size() != m.params.num_bands)
    return make_error(ErrorCode::invalid_input,
                      "dedup: signature has " + std::to_string(signature.band_keys.size()) +
                          " band keys, index expects " + std::to_string(m.params.num_bands));
  if (id.size() > kMaxIdBytes)
    return make_error(ErrorCode::too_large, "dedup: document id longer than 1 MiB");
  if (m.docs.size() >= kNoDoc - 1)
    return make_error(ErrorCode::too_large, "dedup: index holds 2^32 documents already");
  uint32_t d = m.add(seq, id, signature.exact,
                     signature.band_keys.empty() ? nullptr : signature.band_keys.data());
  return m.verdict_of(d);
}

std::vector<Decision> NearDupIndex::decisions() const {
  std::vector<Decision> out;
  out.reserve(impl_->docs.size());
  for (uint32_t d = 0; d < impl_->docs.size(); ++d)
    out.push_back(Decision{impl_->docs[d].seq, std::string(impl_->id_of(d)), impl_->verdict_of(d)});
  return out;
}

std::string NearDupIndex::serialize() const {
  const Impl& m = *impl_;
  const uint32_t nb = m.params.num_bands;
  struct ExactEntry {
    ExactHash h;
    uint64_t seq;
  };
  struct BandEntry {
    uint32_t band;
    uint64_t key, seq;
  };
  std::vector<ExactEntry> ex;
  ex.reserve(m.docs.size());
  std::vector<BandEntry> be;
  for (uint32_t d = 0; d < m.docs.size(); ++d) {
    ex.push_back({m.exact[d], m.docs[d].seq});
    if (!m.docs[d].has_bands) continue;
    for (uint32_t b = 0; b < nb; ++b) be.push_back({b, m.band_keys[size_t(d) * nb + b], m.docs[d].seq});
  }
  std::sort(ex.begin(), ex.end(), [](const ExactEntry& x, const ExactEntry& y) {
    return std::tie(x.h, x.seq) < std::tie(y.h, y.seq);
  });
  std::sort(be.begin(), be.end(), [](const BandEntry& x, const BandEntry& y) {
    return std::tie(x.band, x.key, x.seq) < std::tie(y.band, y.key, y.seq);
  });

  std::string out;
  out.reserve(kHeaderBytes + m.docs.size() * kDocEntryBytes + m.ids.size() +
              ex.size() * kExactEntryBytes + be.size() * kBandEntryBytes + kTrailerBytes);
  Header header;
  header.params = m.params;
  header.options = m.options;
  header.doc_count = m.docs.size();
  header.id_bytes = m.ids.size();
  header.exact_count = ex.size();
  header.band_count = be.size();
  out += header.encode();
  for (const Doc& doc : m.docs) {
    put_u64(out, doc.seq);
    put_u32(out, doc.id_len);
  }
  for (const Doc& doc : m.docs) out.append(m.ids, doc.id_offset, doc.id_len);
  for (const auto& e : ex) {
    put_u64(out, e.h.hi);
    put_u64(out, e.h.lo);
    put_u64(out, e.seq);
  }
  for (const auto& e : be) {
    put_u32(out, e.band);
    put_u32(out, 0);
    put_u64(out, e.key);
    put_u64(out, e.seq);
  }
  put_u64(out, XXH64(out.data(), out.size(), 0));
  return out;
}

Status NearDupIndex::save(const std::string& path) const {
  std::string bytes = serialize();
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return make_error(ErrorCode::io, "dedup: cannot write " + tmp);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.flush();
    if (!f) return make_error(ErrorCode::io, "dedup: write failed for " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return make_error(ErrorCode::io, "dedup: cannot rename " + tmp + " to " + path);
  }
  return ok_status();
}

Result<NearDupIndex> NearDupIndex::deserialize(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t size = bytes.size();
  if (size < kHeaderBytes + kTrailerBytes) return corrupt("file too short for a header");
  auto decoded = Header::decode(p);
  if (!decoded.ok()) return decoded.error();
  const Header& header = *decoded;
  const MinHashParams& params = header.params;
  const IndexOptions& options = header.options;
  const uint64_t doc_count = header.doc_count, id_bytes = header.id_bytes;
  const uint64_t exact_count = header.exact_count, band_count = header.band_count;

  // The sizes must add up to the file size exactly, before anything is
  // allocated. A merged file's decisions are not read: they follow from the keys.
  uint64_t total = 0;
  if (!header.file_size(total) || total != size)
    return corrupt("section sizes do not match the file size (truncated or corrupted)");
  if (XXH64(p, size - kTrailerBytes, 0) != get_u64(p + size - kTrailerBytes))
    return corrupt("checksum mismatch");

  const unsigned char* q = p + kHeaderBytes;
  std::vector<uint64_t> seqs(doc_count);
  std::vector<uint32_t> id_lens(doc_count);
  uint64_t id_sum = 0;
  for (uint64_t i = 0; i < doc_count; ++i, q += kDocEntryBytes) {
    seqs[i] = get_u64(q);
    id_lens[i] = get_u32(q + 8);
    if (i > 0 && seqs[i] <= seqs[i - 1]) return corrupt("document sequence numbers not increasing");
    if (id_lens[i] > kMaxIdBytes) return corrupt("document id too long");
    id_sum += id_lens[i];
  }
  if (id_sum != id_bytes) return corrupt("id lengths do not add up");
  const char* id_base = reinterpret_cast<const char*>(q);
  q += id_bytes;

  auto doc_of = [&](uint64_t seq) -> uint32_t {
    auto it = std::lower_bound(seqs.begin(), seqs.end(), seq);
    if (it == seqs.end() || *it != seq) return kNoDoc;
    return static_cast<uint32_t>(it - seqs.begin());
  };

  std::vector<ExactHash> exact(doc_count);
  std::vector<uint8_t> exact_seen(doc_count, 0);
  ExactHash prev_h{};
  uint64_t prev_seq = 0;
  for (uint64_t i = 0; i < exact_count; ++i, q += kExactEntryBytes) {
    ExactHash h{get_u64(q), get_u64(q + 8)};
    uint64_t seq = get_u64(q + 16);
    if (i > 0 && std::tie(h, seq) <= std::tie(prev_h, prev_seq)) return corrupt("exact entries not sorted");
    prev_h = h;
    prev_seq = seq;
    uint32_t d = doc_of(seq);
    if (d == kNoDoc) return corrupt("exact entry for an unknown document");
    if (exact_seen[d]++) return corrupt("two exact entries for one document");
    exact[d] = h;
  }

  const uint32_t nb = params.num_bands;
  std::vector<uint64_t> band_keys(doc_count * nb, 0);
  std::vector<uint32_t> bands_seen(doc_count, 0);
  std::vector<uint32_t> last_band(doc_count, kNoDoc);
  uint32_t pb = 0;
  uint64_t pk = 0, ps = 0;
  for (uint64_t i = 0; i < band_count; ++i, q += kBandEntryBytes) {
    uint32_t band = get_u32(q);
    if (get_u32(q + 4) != 0) return corrupt("reserved field set in a band entry");
    uint64_t key = get_u64(q + 8), seq = get_u64(q + 16);
    if (band >= nb) return corrupt("band number out of range");
    if (i > 0 && std::tie(band, key, seq) <= std::tie(pb, pk, ps)) return corrupt("band entries not sorted");
    pb = band;
    pk = key;
    ps = seq;
    uint32_t d = doc_of(seq);
    if (d == kNoDoc) return corrupt("band entry for an unknown document");
    if (last_band[d] == band) return corrupt("two entries for one document in one band");
    last_band[d] = band;
    ++bands_seen[d];
    band_keys[size_t(d) * nb + band] = key;
  }

  NearDupIndex index(params, options);
  index.impl_->docs.reserve(doc_count);
  uint64_t id_off = 0;
  for (uint32_t d = 0; d < doc_count; ++d) {
    if (bands_seen[d] != 0 && bands_seen[d] != nb) return corrupt("a document has only some bands");
    std::string_view id(id_base + id_off, id_lens[d]);
    id_off += id_lens[d];
    index.impl_->add(seqs[d], id, exact[d], bands_seen[d] ? &band_keys[size_t(d) * nb] : nullptr);
  }
  return index;
}

Result<NearDupIndex> NearDupIndex::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(ErrorCode::io, "dedup: cannot open " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return make_error(ErrorCode::io, "dedup: cannot read " + path);
  auto r = deserialize(ss.str());
  if (!r.ok()) return make_error(r.error().code, r.error().message + " (" + path + ")");
  return r;
}

Result<NearDupIndex> NearDupIndex::merge(const NearDupIndex& a, const NearDupIndex& b) {
  const Impl& x = *a.impl_;
  const Impl& y = *b.impl_;
  if (!(x.params == y.params))
    return make_error(ErrorCode::invalid_input, "dedup: cannot merge indexes with different MinHash parameters");
  if (x.options.exact != y.options.exact || x.options.near != y.options.near)
    return make_error(ErrorCode::invalid_input, "dedup: cannot merge indexes with different options");
  if (x.docs.size() + y.docs.size() >= kNoDoc - 1)
    return make_error(ErrorCode::too_large, "dedup: merged index would exceed 2^32 documents");
  NearDupIndex out(x.params, x.options);
  out.impl_->docs.reserve(x.docs.size() + y.docs.size());
  const uint32_t nb = x.params.num_bands;
  size_t i = 0, j = 0;
  auto take = [&](const Impl& src, size_t d) {
    const uint64_t* bands = src.docs[d].has_bands ? &src.band_keys[d * nb] : nullptr;
    out.impl_->add(src.docs[d].seq, src.id_of(static_cast<uint32_t>(d)), src.exact[d], bands);
  };
  while (i < x.docs.size() || j < y.docs.size()) {
    if (j == y.docs.size() || (i < x.docs.size() && x.docs[i].seq < y.docs[j].seq)) {
      take(x, i++);
    } else if (i == x.docs.size() || y.docs[j].seq < x.docs[i].seq) {
      take(y, j++);
    } else {
      return make_error(ErrorCode::invalid_input,
                        "dedup: both indexes hold sequence number " + std::to_string(x.docs[i].seq));
    }
  }
  return out;
}

}  // namespace saring::dedup
