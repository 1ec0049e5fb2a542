// JSONL, whole-file (HTML or text) readers, and the format dispatch.
//
// JSONL lines are parsed with nlohmann_json's SAX interface: we only keep the
// top-level string fields we need (`text`, `html`, `id`, `url`) instead of
// building a DOM of the whole line, and the handler refuses nesting deeper
// than kMaxJsonDepth, so a hostile line cannot exhaust the stack or memory.
// nlohmann_json stays inside this file; nothing public depends on it.
#include <nlohmann/json.hpp>

#include <charconv>

#include "readers.h"

namespace saring::io {

void clear_record(Record& r) {
  r.source = SourceRef{};
  r.id.clear();
  r.id_is_number = false;
  r.url.clear();
  r.raw.clear();
  r.kind = RecordKind::html;
  r.http_status = 0;
  r.content_type.clear();
  r.http_charset.clear();
  r.warc_date.clear();
  r.warc_headers.clear();
  r.http_headers.clear();
  r.text.clear();
  r.metadata = MetaFields{};
  r.annotations.clear();
}

void ReaderStats::count_skip(std::string_view why) {
  // Keys come from the input (content types): a hostile file must not grow
  // this list without bound, so rare reasons beyond the cap share one key.
  constexpr size_t kMaxSkipKeys = 64;
  constexpr std::string_view kOther = "other";
  for (auto& s : skipped)
    if (s.first == why) {
      ++s.second;
      return;
    }
  if (skipped.size() >= kMaxSkipKeys - 1 && why != kOther) {
    count_skip(kOther);
    return;
  }
  skipped.emplace_back(std::string(why), 1);
}

namespace {

constexpr int kMaxJsonDepth = 64;

// Collects the top-level fields of one JSON object.
class FieldCollector : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit FieldCollector(std::string_view text_field) : text_field_(text_field) {}

  std::optional<std::string> text, html, id, url;
  bool id_is_number = false;
  std::string error;

  bool null() override { return scalar(std::nullopt); }
  bool boolean(bool) override { return scalar(std::nullopt); }
  bool number_integer(number_integer_t v) override { return number(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(std::to_string(v)); }
  bool number_float(number_float_t v, const string_t& s) override { return number(s); }
  bool string(string_t& v) override {
    if (depth_ == 0) return not_object();
    if (depth_ == 1) {
      if (key_ == text_field_) text = std::move(v);
      else if (key_ == "html") html = std::move(v);
      else if (key_ == "id") {
        id = std::move(v);
        id_is_number = false;
      }
      else if (key_ == "url") url = std::move(v);
    }
    return true;
  }
  bool binary(binary_t&) override { return scalar(std::nullopt); }
  bool start_object(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return not_object();
    return open();
  }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    if (error.empty()) {
      error = ex.what();
      // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> keep the tail
      auto p = error.find("] ");
      if (p != std::string::npos) error = error.substr(p + 2);
    }
    return false;
  }

 private:
  bool scalar(std::optional<std::string> v) {
    if (depth_ == 0) return not_object();
    if (depth_ == 1 && key_ == "id" && v) id = std::move(v);
    return true;
  }
  bool number(std::string v) {
    if (depth_ == 1 && key_ == "id") id_is_number = true;
    return scalar(std::move(v));
  }
  bool not_object() {
    error = "the line is not a JSON object";
    return false;
  }
  bool open() {
    if (++depth_ > kMaxJsonDepth) {
      error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      return false;
    }
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  std::string_view text_field_;
  int depth_ = 0;
  std::string key_;
};

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

class JsonlReader final : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  Result<bool> next(Record& out) override {
    for (;;) {
      if (done_) return false;
      uint64_t start = in_->offset();
      bool too_long = false;
      auto got = in_->read_line(line_, options_.max_record_bytes, &too_long);
      ++line_no_;
      if (!got.ok()) {
        begin_item(start, line_no_);
        return yield_error(got.error().code, got.error().message);
      }
      if (!*got) {
        done_ = true;
        return false;
      }
      if (line_no_ == 1 && line_.size() >= 3 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0)
        line_.erase(0, 3);  // UTF-8 BOM
      if (!too_long && blank(line_)) continue;
      begin_item(start, line_no_);
      if (too_long)
        return yield_error(ErrorCode::too_large, "line exceeds " +
                                                     std::to_string(options_.max_record_bytes) +
                                                     " bytes");
      FieldCollector fields(options_.jsonl_text_field);
      bool ok = nlohmann::json::sax_parse(line_.begin(), line_.end(), &fields,
                                          nlohmann::json::input_format_t::json, true);
      if (!ok || !fields.error.empty())
        return yield_error(ErrorCode::parse,
                           fields.error.empty() ? "invalid JSON" : "invalid JSON: " + fields.error);
      clear_record(out);
      if (options_.jsonl_html && fields.html && !fields.html->empty()) {
        out.kind = RecordKind::html;
        out.raw = std::move(*fields.html);
        out.content_type = "text/html";
        out.http_charset = "utf-8";  // JSON strings are Unicode
      } else if (fields.text) {
        out.kind = RecordKind::text;
        out.raw = std::move(*fields.text);
        out.content_type = "text/plain";
      } else {
        return yield_error(ErrorCode::invalid_input,
                           options_.jsonl_html
                               ? "no \"" + options_.jsonl_text_field + "\" or \"html\" string field"
                               : "no \"" + options_.jsonl_text_field + "\" string field");
      }
      if (fields.id) out.id = std::move(*fields.id);
      out.id_is_number = fields.id && fields.id_is_number;
      if (fields.url) out.url = std::move(*fields.url);
      return yield_record(out);
    }
  }

 private:
  bool done_ = false;
  uint64_t line_no_ = 0;
  std::string line_;
};

// One record holding the whole stream (an HTML page or a text file).
class WholeReader final : public ReaderBase {
 public:
  WholeReader(std::unique_ptr<Buffered> in, std::string label, RecordKind kind,
              const ReaderOptions& options)
      : ReaderBase(std::move(in), std::move(label), options), kind_(kind) {}

  Result<bool> next(Record& out) override {
    if (done_) return false;
    done_ = true;
    begin_item(0, 0);
    clear_record(out);
    auto got = in_->read(out.raw, options_.max_record_bytes + 1);
    if (!got.ok()) return yield_error(got.error().code, got.error().message);
    if (*got > options_.max_record_bytes)
      return yield_error(ErrorCode::too_large, "file exceeds " +
                                                   std::to_string(options_.max_record_bytes) +
                                                   " bytes");
    if (*got == 0) return yield_error(ErrorCode::invalid_input, "empty file");
    out.kind = kind_;
    out.id = pos_.path;
    out.content_type = kind_ == RecordKind::html ? "text/html" : "text/plain";
    return yield_record(out);
  }

 private:
  RecordKind kind_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> make_jsonl_reader(std::unique_ptr<Buffered> in, std::string label,
                                                const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(label), options);
}

std::unique_ptr<RecordReader> make_whole_reader(std::unique_ptr<Buffered> in, std::string label,
                                                RecordKind kind, const ReaderOptions& options) {
  return std::make_unique<WholeReader>(std::move(in), std::move(label), kind, options);
}

std::unique_ptr<RecordReader> make_reader(std::unique_ptr<ByteReader> bytes, Format format,
                                          std::string label, const ReaderOptions& options) {
  auto in = std::make_unique<Buffered>(std::move(bytes));
  if (format == Format::automatic) {
    std::string_view head = in->peek(64);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\r' ||
                             head.front() == '\n'))
      head.remove_prefix(1);
    if (head.substr(0, 5) == "WARC/") format = Format::warc;
    else if (head.substr(0, 1) == "{") format = Format::jsonl;
    else format = Format::html;
  }
  switch (format) {
    case Format::warc: return make_warc_reader(std::move(in), std::move(label), options);
    case Format::jsonl: return make_jsonl_reader(std::move(in), std::move(label), options);
    case Format::text:
      return make_whole_reader(std::move(in), std::move(label), RecordKind::text, options);
    case Format::html:
    case Format::automatic:
      break;
  }
  return make_whole_reader(std::move(in), std::move(label), RecordKind::html, options);
}

Result<std::unique_ptr<RecordReader>> open_reader(const Input& input, const ReaderOptions& options) {
  auto bytes = open_bytes(input.path, input.begin);
  if (!bytes.ok()) return bytes.error();
  Format f = input.format == Format::automatic ? format_from_path(input.path) : input.format;
  if (input.begin > 0 && f == Format::automatic) f = Format::warc;  // only WARC is split
  ReaderOptions part = options;
  part.end_member_offset = input.end;
  return make_reader(std::move(*bytes), f, input.path, part);
}

}  // namespace saring::io
