// Internal: the record readers behind io::make_reader().
#pragma once

#include <memory>
#include <string>

#include "buffered.h"
#include "saring/io.h"

namespace saring::io {

// Common bookkeeping: the position of the last item and the counts.
class ReaderBase : public RecordReader {
 public:
  ReaderBase(std::unique_ptr<Buffered> in, std::string label, const ReaderOptions& options)
      : in_(std::move(in)), options_(options) {
    pos_.path = std::move(label);
  }
  const SourceRef& position() const override { return pos_; }
  const ReaderStats& stats() const override {
    stats_.bytes = in_->offset();
    return stats_;
  }

 protected:
  // Starts a new item at the given decoded offset (line 0 when not line-based).
  void begin_item(uint64_t offset, uint64_t line) {
    pos_.index = stats_.items;
    pos_.offset = offset;
    pos_.member_offset = in_->source().member_offset(offset);
    pos_.starts_member = in_->source().member_starts_at(offset);
    pos_.line = line;
  }
  Result<bool> yield_record(Record& out) {
    out.source = pos_;
    ++stats_.items;
    ++stats_.records;
    return true;
  }
  Result<bool> yield_error(ErrorCode code, std::string message) {
    ++stats_.items;
    ++stats_.errors;
    return make_error(code, pos_.describe() + ": " + message);
  }

  std::unique_ptr<Buffered> in_;
  ReaderOptions options_;
  SourceRef pos_;
  mutable ReaderStats stats_;
};

// Resets every field of a record for reuse (keeps string capacity).
void clear_record(Record& r);

std::unique_ptr<RecordReader> make_warc_reader(std::unique_ptr<Buffered> in, std::string label,
                                               const ReaderOptions& options);
std::unique_ptr<RecordReader> make_jsonl_reader(std::unique_ptr<Buffered> in, std::string label,
                                                const ReaderOptions& options);
std::unique_ptr<RecordReader> make_whole_reader(std::unique_ptr<Buffered> in, std::string label,
                                                RecordKind kind, const ReaderOptions& options);

}  // namespace saring::io
