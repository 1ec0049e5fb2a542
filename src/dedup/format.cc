// The header of a dedup index file (docs/dedup-format.md).
#include "format.h"

namespace saring::dedup::format {

namespace {

constexpr char kMagic[8] = {'S', 'A', 'R', 'D', 'E', 'D', 'U', 'P'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr uint32_t kNormalisationVersion = 1;
constexpr uint32_t kFlagExact = 1, kFlagNear = 2, kFlagDecisions = 4;

// a * b + c with overflow detection.
bool mul_add(uint64_t a, uint64_t b, uint64_t c, uint64_t& out) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b + c;
  if (r > std::numeric_limits<uint64_t>::max()) return false;
  out = static_cast<uint64_t>(r);
  return true;
}

}  // namespace

std::string Header::encode() const {
  std::string out;
  out.reserve(kHeaderBytes);
  out.append(kMagic, 8);
  put_u32(out, kVersion);
  put_u32(out, kByteOrderMark);
  put_u32(out, params.shingle_size);
  put_u32(out, params.num_bands);
  put_u32(out, params.rows_per_band);
  put_u32(out, (options.exact ? kFlagExact : 0) | (options.near ? kFlagNear : 0) |
                   (has_decisions ? kFlagDecisions : 0));
  put_u64(out, params.seed);
  put_u64(out, doc_count);
  put_u64(out, id_bytes);
  put_u64(out, exact_count);
  put_u64(out, band_count);
  put_u32(out, kNormalisationVersion);
  put_u32(out, 0);
  return out;
}

Result<Header> Header::decode(const unsigned char* p) {
  if (std::string_view(reinterpret_cast<const char*>(p), 8) != std::string_view(kMagic, 8))
    return corrupt("bad magic (not a saring dedup index)");
  uint32_t version = get_u32(p + 8);
  if (version != kVersion)
    return make_error(ErrorCode::unsupported,
                      "dedup index: version " + std::to_string(version) + " not supported");
  if (get_u32(p + 12) != kByteOrderMark) return corrupt("bad byte-order mark");
  Header h;
  h.params.shingle_size = get_u32(p + 16);
  h.params.num_bands = get_u32(p + 20);
  h.params.rows_per_band = get_u32(p + 24);
  uint32_t flags = get_u32(p + 28);
  h.params.seed = get_u64(p + 32);
  h.doc_count = get_u64(p + 40);
  h.id_bytes = get_u64(p + 48);
  h.exact_count = get_u64(p + 56);
  h.band_count = get_u64(p + 64);
  if (get_u32(p + 72) != kNormalisationVersion)
    return make_error(ErrorCode::unsupported, "dedup index: made with another normalisation version");
  if (get_u32(p + 76) != 0 || (flags & ~(kFlagExact | kFlagNear | kFlagDecisions)) != 0)
    return corrupt("reserved bits set");
  if (auto st = h.params.validate(); !st.ok()) return corrupt(st.error().message);
  if (h.doc_count >= kNoDoc - 1) return make_error(ErrorCode::too_large, "dedup index: too many documents");
  h.options = IndexOptions{(flags & kFlagExact) != 0, (flags & kFlagNear) != 0};
  h.has_decisions = (flags & kFlagDecisions) != 0;
  if (h.exact_count != h.doc_count) return corrupt("exact entries must be one per document");
  if (h.band_count % h.params.num_bands != 0 || h.band_count / h.params.num_bands > h.doc_count)
    return corrupt("band entry count inconsistent");
  return h;
}

bool Header::file_size(uint64_t& size) const {
  uint64_t total = kHeaderBytes + kTrailerBytes, part;
  return mul_add(doc_count, kDocEntryBytes, 0, part) && mul_add(1, total, part, total) &&
         mul_add(1, total, id_bytes, total) && mul_add(exact_count, kExactEntryBytes, 0, part) &&
         mul_add(1, total, part, total) && mul_add(band_count, kBandEntryBytes, 0, part) &&
         mul_add(1, total, part, total) &&
         mul_add(has_decisions ? doc_count : 0, kDecisionEntryBytes, 0, part) &&
         mul_add(1, total, part, total) && (size = total, true);
}

}  // namespace saring::dedup::format
