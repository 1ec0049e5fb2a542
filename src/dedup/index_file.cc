// Index files worked on as they lie on disk: merging any number of them, and
// reading decisions, without loading their keys into memory.
//
// Every section of the format is sorted (documents by sequence number, exact
// entries by hash, band entries by band and key), so a merge is a k-way merge
// of each section in turn, written out in order. The decisions come out of
// the same passes: in the merged exact and band sections, the documents that
// share a key are one run, and every document of a run but the earliest
// matches that earliest one. Keeping, per document, the earliest exact match
// and the earliest band match (two 32-bit document numbers), a last pass in
// sequence order applies the rule of NearDupIndex::insert (exact first, then
// near; a duplicate names the root of what it matches). The result is the
// decision of one index fed every document in sequence order, and the merged
// file depends only on the set of documents, never on how they were grouped.
#include <algorithm>
#include <tuple>

#include "format.h"
#include "saring/dedup.h"

namespace saring::dedup {

namespace {

using namespace format;

using binary::ChecksummedWriter;
using binary::SectionReader;

// One input file, its header decoded, its size and checksum verified.
struct InputFile : binary::CheckedFile {
  Header header;
};

Result<InputFile> open_input(const std::string& path) {
  InputFile f;
  Header& header = f.header;
  auto st = binary::open_checked(f, path, kKind, kHeaderBytes, [&](const unsigned char* head, uint64_t size) -> Status {
    auto decoded = Header::decode(head);
    if (!decoded.ok()) return decoded.error();
    header = *decoded;
    uint64_t want = 0;
    if (!header.file_size(want) || want != size)
      return corrupt("section sizes do not match the file size (truncated or corrupted)");
    return ok_status();
  });
  if (!st.ok()) return st.error();
  return f;
}

template <typename Key, typename Read, typename Take>
Status kway_merge(size_t inputs, Read&& read, Take&& take) {
  return binary::kway_merge<Key>(kKind, inputs, std::forward<Read>(read), std::forward<Take>(take));
}

// Every document's decision, as document numbers in sequence order.
struct Resolution {
  std::vector<uint64_t> seqs;   // sorted
  std::vector<uint32_t> root;   // the kept document (itself when kept)
  std::vector<uint32_t> kind;   // DupKind
  uint64_t exact = 0, near = 0;

  Result<uint32_t> doc_of(uint64_t seq) const {
    auto it = std::lower_bound(seqs.begin(), seqs.end(), seq);
    if (it == seqs.end() || *it != seq) return corrupt("an entry names an unknown document");
    return static_cast<uint32_t>(it - seqs.begin());
  }
};

// Checks that the inputs can be merged; the merged header.
Result<Header> merged_header(const std::vector<InputFile>& files) {
  Header h;
  if (files.empty()) return make_error(ErrorCode::invalid_input, "dedup: no index to merge");
  h.params = files[0].header.params;
  h.options = files[0].header.options;
  h.has_decisions = true;
  for (const auto& f : files) {
    if (!(f.header.params == h.params))
      return make_error(ErrorCode::invalid_input,
                        "dedup: " + f.path + " was made with other MinHash parameters than " + files[0].path);
    if (f.header.options.exact != h.options.exact || f.header.options.near != h.options.near)
      return make_error(ErrorCode::invalid_input,
                        "dedup: " + f.path + " was made with other dedup options than " + files[0].path);
    h.doc_count += f.header.doc_count;
    h.id_bytes += f.header.id_bytes;
    h.exact_count += f.header.exact_count;
    h.band_count += f.header.band_count;
  }
  if (h.doc_count >= kNoDoc - 1)
    return make_error(ErrorCode::too_large, "dedup: merged index would exceed 2^32 documents");
  return h;
}

// The passes over the inputs' sections, writing the merged file to `out`
// when given. Returns every document's decision.
Result<Resolution> resolve(const std::vector<InputFile>& files, const Header& header, ChecksummedWriter* out) {
  const size_t k = files.size();
  Resolution res;
  res.seqs.reserve(header.doc_count);
  if (out)
    if (auto st = out->append(header.encode()); !st.ok()) return st.error();

  // 1. Documents, in sequence order (and 2. their ids, in the same order).
  auto docs_pass = [&](bool ids) -> Status {
    std::vector<SectionReader> docs, id_readers;
    std::vector<uint32_t> id_len(k);
    std::vector<uint64_t> id_sum(k, 0);
    for (const auto& f : files) {
      docs.emplace_back(f, f.header.docs_at(), f.header.ids_at());
      id_readers.emplace_back(f, f.header.ids_at(), f.header.exact_at());
    }
    std::string entry;
    uint64_t previous = 0;
    bool first = true;
    auto st = kway_merge<uint64_t>(
        k,
        [&](size_t i, uint64_t& seq) -> Result<bool> {
          if (docs[i].at_end()) {
            if (id_sum[i] != files[i].header.id_bytes) return files[i].with_path(corrupt("id lengths do not add up"));
            return false;
          }
          auto p = docs[i].take(kDocEntryBytes);
          if (!p.ok()) return p.error();
          seq = get_u64(*p);
          id_len[i] = get_u32(*p + 8);
          if (id_len[i] > kMaxIdBytes) return files[i].with_path(corrupt("document id too long"));
          id_sum[i] += id_len[i];
          if (id_sum[i] > files[i].header.id_bytes) return files[i].with_path(corrupt("id lengths do not add up"));
          return true;
        },
        [&](size_t i, uint64_t seq) -> Status {
          if (!first && seq == previous)
            return make_error(ErrorCode::invalid_input, "dedup: sequence number " + std::to_string(seq) +
                                                            " is in two inputs (the same shard given twice?)");
          first = false;
          previous = seq;
          if (ids) {
            auto id = id_readers[i].take(id_len[i]);
            if (!id.ok()) return id.error();
            return out->append(*id, id_len[i]);
          }
          res.seqs.push_back(seq);
          if (!out) return ok_status();
          entry.clear();
          put_u64(entry, seq);
          put_u32(entry, id_len[i]);
          return out->append(entry);
        });
    return st;
  };
  if (auto st = docs_pass(false); !st.ok()) return st.error();
  if (out)
    if (auto st = docs_pass(true); !st.ok()) return st.error();

  std::vector<uint32_t> exact_match(res.seqs.size(), kNoDoc), near_match(res.seqs.size(), kNoDoc);
  // In a run of entries sharing a key, every document matches the earliest.
  std::vector<uint64_t> run;
  auto close_run = [&](std::vector<uint32_t>& match) -> Status {
    if (run.size() >= 2) {
      const uint64_t earliest = *std::min_element(run.begin(), run.end());
      auto e = res.doc_of(earliest);
      if (!e.ok()) return e.error();
      for (uint64_t seq : run) {
        if (seq == earliest) continue;
        auto d = res.doc_of(seq);
        if (!d.ok()) return d.error();
        match[*d] = std::min(match[*d], *e);
      }
    }
    run.clear();
    return ok_status();
  };

  // 3. Exact entries, by (hash, seq).
  {
    using Key = std::tuple<uint64_t, uint64_t, uint64_t>;  // hi, lo, seq
    std::vector<SectionReader> readers;
    for (const auto& f : files) readers.emplace_back(f, f.header.exact_at(), f.header.bands_at());
    std::pair<uint64_t, uint64_t> current{};
    std::string entry;
    auto st = kway_merge<Key>(
        k,
        [&](size_t i, Key& key) -> Result<bool> {
          if (readers[i].at_end()) return false;
          auto p = readers[i].take(kExactEntryBytes);
          if (!p.ok()) return p.error();
          key = {get_u64(*p), get_u64(*p + 8), get_u64(*p + 16)};
          return true;
        },
        [&](size_t, const Key& key) -> Status {
          auto [hi, lo, seq] = key;
          if (!run.empty() && current != std::pair{hi, lo})
            if (auto st = close_run(exact_match); !st.ok()) return st;
          current = {hi, lo};
          run.push_back(seq);
          if (!out) return ok_status();
          entry.clear();
          put_u64(entry, hi);
          put_u64(entry, lo);
          put_u64(entry, seq);
          return out->append(entry);
        });
    if (!st.ok()) return st.error();
    if (auto st2 = close_run(exact_match); !st2.ok()) return st2.error();
  }

  // 4. Band entries, by (band, key, seq); keys 0 and 1 are one bucket, as in
  // the in-memory tables.
  {
    using Key = std::tuple<uint32_t, uint64_t, uint64_t>;  // band, key, seq
    std::vector<SectionReader> readers;
    for (const auto& f : files) readers.emplace_back(f, f.header.bands_at(), f.header.decisions_at());
    std::pair<uint32_t, uint64_t> current{};
    std::string entry;
    auto st = kway_merge<Key>(
        k,
        [&](size_t i, Key& key) -> Result<bool> {
          if (readers[i].at_end()) return false;
          auto p = readers[i].take(kBandEntryBytes);
          if (!p.ok()) return p.error();
          const uint32_t band = get_u32(*p);
          if (band >= header.params.num_bands || get_u32(*p + 4) != 0)
            return files[i].with_path(corrupt("bad band entry"));
          key = {band, get_u64(*p + 8), get_u64(*p + 16)};
          return true;
        },
        [&](size_t, const Key& key) -> Status {
          auto [band, band_key, seq] = key;
          const std::pair<uint32_t, uint64_t> bucket{band, table_key(band_key)};
          if (!run.empty() && current != bucket)
            if (auto st = close_run(near_match); !st.ok()) return st;
          current = bucket;
          run.push_back(seq);
          if (!out) return ok_status();
          entry.clear();
          put_u32(entry, band);
          put_u32(entry, 0);
          put_u64(entry, band_key);
          put_u64(entry, seq);
          return out->append(entry);
        });
    if (!st.ok()) return st.error();
    if (auto st2 = close_run(near_match); !st2.ok()) return st2.error();
  }

  // 5. Decisions in sequence order: the rule of NearDupIndex::insert. The
  // match arrays become the roots and kinds as they are read.
  std::string entry;
  for (uint32_t d = 0; d < res.seqs.size(); ++d) {
    DupKind kind = DupKind::none;
    uint32_t match = kNoDoc;
    if (header.options.exact && exact_match[d] != kNoDoc) {
      kind = DupKind::exact;
      match = exact_match[d];
      ++res.exact;
    } else if (header.options.near && near_match[d] != kNoDoc) {
      kind = DupKind::near;
      match = near_match[d];
      ++res.near;
    }
    exact_match[d] = match == kNoDoc ? d : exact_match[match];  // roots of earlier documents are final
    near_match[d] = static_cast<uint32_t>(kind);
    if (!out) continue;
    entry.clear();
    put_u64(entry, res.seqs[exact_match[d]]);
    put_u32(entry, static_cast<uint32_t>(kind));
    put_u32(entry, 0);
    if (auto st = out->append(entry); !st.ok()) return st.error();
  }
  res.root = std::move(exact_match);
  res.kind = std::move(near_match);
  return res;
}

Result<std::vector<InputFile>> open_inputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const auto& p : paths) {
    auto f = open_input(p);
    if (!f.ok()) return f.error();
    files.push_back(std::move(f.value()));
  }
  return files;
}

// The ids of the documents `seqs` (sorted, unique) of `file`, in that order.
Result<std::vector<std::string>> ids_of(const InputFile& file, const std::vector<uint64_t>& seqs) {
  std::vector<std::string> ids;
  ids.reserve(seqs.size());
  SectionReader docs(file, file.header.docs_at(), file.header.ids_at());
  uint64_t offset = file.header.ids_at();
  size_t want = 0;
  while (want < seqs.size() && !docs.at_end()) {
    auto p = docs.take(kDocEntryBytes);
    if (!p.ok()) return p.error();
    const uint64_t seq = get_u64(*p);
    const uint32_t len = get_u32(*p + 8);
    if (len > kMaxIdBytes || offset + len > file.header.exact_at())
      return file.with_path(corrupt("id lengths do not add up"));
    if (seq == seqs[want]) {
      std::string id(len, '\0');
      if (auto st = file.read_at(id.data(), len, offset); !st.ok()) return st.error();
      ids.push_back(std::move(id));
      ++want;
    }
    offset += len;
  }
  if (want != seqs.size()) return file.with_path(corrupt("a decision names an unknown document"));
  return ids;
}

}  // namespace

Result<MergeSummary> merge_index_files(const std::vector<std::string>& inputs, const std::string& output) {
  auto files = open_inputs(inputs);
  if (!files.ok()) return files.error();
  auto header = merged_header(*files);
  if (!header.ok()) return header.error();
  ChecksummedWriter out(kKind);
  if (auto st = out.open(output); !st.ok()) return st.error();
  auto res = resolve(*files, *header, &out);
  if (!res.ok()) return res.error();
  if (auto st = out.finish(); !st.ok()) return st.error();
  MergeSummary summary;
  summary.documents = res->seqs.size();
  summary.exact_duplicates = res->exact;
  summary.near_duplicates = res->near;
  summary.output_bytes = out.written();
  summary.working_bytes = res->seqs.capacity() * sizeof(uint64_t) +
                          (res->root.capacity() + res->kind.capacity()) * sizeof(uint32_t);
  return summary;
}

Result<std::vector<Decision>> read_decisions(const std::string& path, uint64_t seq_begin, uint64_t seq_end) {
  auto opened = open_input(path);
  if (!opened.ok()) return opened.error();
  std::vector<InputFile> files;
  files.push_back(std::move(opened.value()));
  const InputFile& file = files[0];
  const Header& h = file.header;

  // (seq, kind, root seq) of the documents in the range.
  struct Entry {
    uint64_t seq;
    DupKind kind;
    uint64_t root;
  };
  std::vector<Entry> entries;
  if (h.has_decisions) {
    // Documents [first, last) of the file lie in the range (entries are
    // sorted by seq: binary search over the fixed-size document entries).
    auto seq_at = [&](uint64_t d) -> Result<uint64_t> {
      char b[8];
      if (auto st = file.read_at(b, 8, h.docs_at() + d * kDocEntryBytes); !st.ok()) return st.error();
      return get_u64(reinterpret_cast<unsigned char*>(b));
    };
    auto lower = [&](uint64_t seq) -> Result<uint64_t> {
      uint64_t lo = 0, hi = h.doc_count;
      while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        auto s = seq_at(mid);
        if (!s.ok()) return s.error();
        if (*s < seq) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    auto first = lower(seq_begin);
    auto last = lower(seq_end);
    if (!first.ok()) return first.error();
    if (!last.ok()) return last.error();
    SectionReader docs(file, h.docs_at() + *first * kDocEntryBytes, h.docs_at() + *last * kDocEntryBytes);
    SectionReader decisions(file, h.decisions_at() + *first * kDecisionEntryBytes,
                            h.decisions_at() + *last * kDecisionEntryBytes);
    for (uint64_t d = *first; d < *last; ++d) {
      auto doc = docs.take(kDocEntryBytes);
      if (!doc.ok()) return doc.error();
      auto dec = decisions.take(kDecisionEntryBytes);
      if (!dec.ok()) return dec.error();
      Entry e{get_u64(*doc), static_cast<DupKind>(get_u32(*dec + 8)), get_u64(*dec)};
      const uint32_t kind = get_u32(*dec + 8);
      if (kind > 2 || get_u32(*dec + 12) != 0 || (kind == 0 ? e.root != e.seq : e.root >= e.seq))
        return file.with_path(corrupt("bad decision entry"));
      entries.push_back(e);
    }
  } else {
    auto res = resolve(files, h, nullptr);
    if (!res.ok()) return res.error();
    auto from = std::lower_bound(res->seqs.begin(), res->seqs.end(), seq_begin) - res->seqs.begin();
    auto to = std::lower_bound(res->seqs.begin(), res->seqs.end(), seq_end) - res->seqs.begin();
    for (auto d = from; d < to; ++d)
      entries.push_back({res->seqs[d], static_cast<DupKind>(res->kind[d]), res->seqs[res->root[d]]});
  }

  // The ids: of the range's documents and of the kept documents they name.
  std::vector<uint64_t> wanted;
  for (const auto& e : entries) {
    wanted.push_back(e.seq);
    if (e.kind != DupKind::none) wanted.push_back(e.root);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  auto ids = ids_of(file, wanted);
  if (!ids.ok()) return ids.error();
  auto id_of = [&](uint64_t seq) -> const std::string& {
    return (*ids)[static_cast<size_t>(std::lower_bound(wanted.begin(), wanted.end(), seq) - wanted.begin())];
  };
  std::vector<Decision> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    Decision d;
    d.seq = e.seq;
    d.id = id_of(e.seq);
    d.verdict.kind = e.kind;
    if (e.kind != DupKind::none) {
      d.verdict.dup_of_seq = e.root;
      d.verdict.dup_of_id = id_of(e.root);
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::string> index_file_checksum(const std::string& path) {
  // Only read, not verified: read_decisions() and merge_index_files() verify.
  return binary::trailer_hex(path, kKind, kHeaderBytes + kTrailerBytes);
}

}  // namespace saring::dedup
