// Input and output of documents: byte sources that see through compression,
// record readers for every input format, and atomic sharded JSONL writers.
//
// Reading:
//
//   auto inputs = saring::io::expand_inputs({"crawl.warc.gz", "pages/"});
//   for (const auto& in : *inputs) {
//     auto reader = saring::io::open_reader(in);
//     if (!reader) { report(reader.error()); continue; }
//     saring::Record rec;
//     for (;;) {
//       auto got = (*reader)->next(rec);
//       if (!got) { report(got.error(), (*reader)->position()); continue; }
//       if (!*got) break;  // end of this input
//       process(rec);
//     }
//   }
//
// A reader's error is about one record (a broken WARC header, a bad JSON
// line, a truncated gzip member): the reader resynchronises and the next call
// goes on. When nothing more can be read the next call returns false.
//
// Writing: ShardedWriter writes JSON lines into OUTDIR/part-00000.jsonl.zst,
// part-00001..., each shard under a hidden temporary name until it is
// finished, then fsync'ed and renamed, so a reader of OUTDIR never sees a
// partial shard. docs/formats.md describes the files and how a killed run is
// resumed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saring/record.h"
#include "saring/result.h"

namespace saring::io {

// ---------------------------------------------------------------------------
// Byte sources

enum class Compression : uint8_t { none, gzip, zstd };
std::string_view to_string(Compression c);

// A stream of decoded bytes. The compression is detected from the first bytes
// (gzip 1f 8b, zstd 28 b5 2f fd), not from the file name. Gzip files may hold
// many members (one per WARC record, or several files concatenated): they are
// read one after another as one stream.
class ByteReader {
 public:
  virtual ~ByteReader() = default;

  // Reads up to `n` decoded bytes into `buf`; returns 0 at the end. An error
  // means the compressed stream is corrupt or truncated: every byte decoded
  // before the fault has been returned by earlier calls. After a corrupt
  // member the next call skips to the next member's magic bytes, if any, and
  // goes on; after a truncation it returns 0.
  virtual Result<size_t> read(char* buf, size_t n) = 0;

  virtual Compression compression() const = 0;

  // File offset of the compressed member (gzip member, zstd frame) that holds
  // decoded byte `decoded_offset`; `decoded_offset` itself for plain input.
  // Only offsets at or after the last one asked for are guaranteed to be
  // known (older member boundaries are forgotten to keep memory flat).
  virtual uint64_t member_offset(uint64_t decoded_offset) = 0;

  // True when a compressed member begins at decoded byte `decoded_offset`
  // (a reader resynchronising after a bad record goes on at the next one).
  // Known for offsets already decoded and at or after the last one given to
  // member_offset(); always false for plain input.
  virtual bool member_starts_at(uint64_t decoded_offset) {
    (void)decoded_offset;
    return false;
  }
};

// Opens `path` ("-" for standard input) as a decoded byte stream, decoding
// from file offset `begin` (the start of a gzip member, for a part of a
// split file); member offsets stay file offsets.
Result<std::unique_ptr<ByteReader>> open_bytes(const std::string& path, uint64_t begin = 0);

// A decoded byte stream over bytes held in memory (tests, fuzzing, Python,
// standard input kept for a second pass). `label` names it in errors.
std::unique_ptr<ByteReader> bytes_from_memory(std::string data, std::string label = "<memory>");

// Inputs that are read more than once (saring clean's corpus mode reads
// everything twice). Files are simply opened again; standard input can be
// read only once, so the first open("-") copies its raw, still compressed
// bytes into a temporary file (in $TMPDIR, else /tmp; at most
// `max_stdin_bytes`, else too_large) and every open("-") decodes that file
// afresh. Memory stays bounded whatever standard input holds; the file is
// removed when the InputReplay is destroyed.
class InputReplay {
 public:
  explicit InputReplay(uint64_t max_stdin_bytes) : max_stdin_bytes_(max_stdin_bytes) {}
  ~InputReplay();
  InputReplay(const InputReplay&) = delete;
  InputReplay& operator=(const InputReplay&) = delete;

  Result<std::unique_ptr<ByteReader>> open(const std::string& path);

 private:
  uint64_t max_stdin_bytes_;
  std::string stdin_copy_;  // path of the temporary copy of standard input, once made
};

// Reads a whole (possibly compressed) file, refusing more than `max_bytes`
// decoded bytes. A gzip file is read whole and inflated with gunzip() (the
// output is the same as the streaming reader's, faster); standard input,
// zstd and very large files are read through open_bytes(). Any damage is an
// error naming the file (nothing partial is returned).
Result<std::string> read_all(const std::string& path, uint64_t max_bytes = uint64_t{1} << 32);

// Reads a decoded byte stream to its end, refusing more than `max_bytes`
// bytes ("LABEL: more than N bytes"); the first stream error is returned.
Result<std::string> read_all(ByteReader& bytes, uint64_t max_bytes, const std::string& label);

// Inflates gzip data held in memory: one or more members (concatenated
// gzip), optionally followed by zero padding. Each member's CRC-32 and length
// are checked. Errors, each starting with `label`: too_large when the output
// would exceed `max_bytes` (checked while decoding, so a gzip bomb costs at
// most about `max_bytes` of memory); decode for data that is not gzip, is
// truncated or corrupt, or has other bytes after a member.
Result<std::string> gunzip(std::string_view data, uint64_t max_bytes,
                           std::string_view label = "<memory>");

// Splits a decoded byte stream into lines, one at a time, so that a large or
// damaged JSONL file is processed line by line instead of being held whole:
//
//   auto bytes = saring::io::open_bytes("docs.jsonl.gz");
//   saring::io::LineReader lines(std::move(*bytes));
//   std::string line;
//   for (;;) {
//     auto got = lines.next(line, 1 << 26);
//     if (!got) { report(got.error()); continue; }  // damage; goes on after it
//     if (!*got) break;
//     process(lines.line_number(), line);
//   }
class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteReader> bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into `line` without its '\n' (nor a '\r' before it);
  // a last line without '\n' counts. true: a line; false: the end. A line
  // longer than `max_len` is cut to `max_len` bytes (the rest is skipped) and
  // *too_long is set. An error means the stream is damaged here: the
  // incomplete line before the damage is dropped, and the next call goes on
  // after it (a corrupt gzip member) or returns false (a truncated file).
  Result<bool> next(std::string& line, size_t max_len, bool* too_long = nullptr);

  // 1-based number of the line last returned (lines counted from the start
  // of the stream, blank ones included).
  uint64_t line_number() const { return line_no_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint64_t line_no_ = 0;
};

// ---------------------------------------------------------------------------
// Record readers

// Input formats. `automatic` sniffs the decoded content: "WARC/" -> warc,
// "{" -> jsonl, anything else -> html.
enum class Format : uint8_t { automatic, warc, jsonl, html, text };
std::string_view to_string(Format f);
Result<Format> format_from_string(std::string_view name);

// Format guessed from a file name: .warc/.arc-less WARC (.warc, .warc.gz,
// .warc.zst, .wet, .wet.gz), .jsonl/.ndjson (+ .gz/.zst), .html/.htm/.xhtml
// (+ .gz), .txt (+ .gz/.zst); `automatic` for anything else.
Format format_from_path(std::string_view path);

// One input: a file (or "-") and the format to read it with; or, for a
// gzip WARC split across shards, the part of it whose records' gzip members
// start in [begin, end) (begin is itself a member start).
struct Input {
  std::string path;
  Format format = Format::automatic;
  uint64_t begin = 0;
  uint64_t end = UINT64_MAX;
  bool whole() const { return begin == 0 && end == UINT64_MAX; }
};

// Expands paths into inputs: files as given (in the order given), directories
// recursively into the files with a recognised extension, sorted by path
// bytes so the order never depends on the file system. `forced` overrides the
// format of every input. Errors for paths that do not exist.
Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& paths,
                                         Format forced = Format::automatic);

// The inputs of shard `index` of `count`: the inputs in order, cut into
// `count` parts of about equal bytes. A file belongs to the part holding its
// first byte, except a gzip WARC of one member per record, which is cut at
// the member boundaries nearest the part boundaries (a member is confirmed by
// inflating its first bytes to a WARC version line), so one large WARC is
// spread over many shards. Whole-file compression and other formats go
// whole. Deterministic: every shard computes the same cuts on its own.
Result<std::vector<Input>> shard_inputs(const std::vector<Input>& all, uint32_t index, uint32_t count);

struct ReaderOptions {
  // Larger records are skipped (too_large). Also what a reader buffers at
  // most, whatever the input (a JSONL line without an end, a whole HTML or
  // text input, the bytes a WARC reader keeps to go back to the next record
  // after a wrong Content-Length), from files and standard input alike.
  uint64_t max_record_bytes = 64ull << 20;
  uint64_t max_header_bytes = 256ull << 10; // WARC / HTTP header block limit
  bool keep_non_2xx = false;       // WARC responses with status outside 200..299
  bool keep_text_responses = false;  // WARC responses served as text/plain (kind text)
  bool keep_headers = false;  // WARC: fill Record::warc_headers and http_headers
  // JSONL: the field read as a text record, and whether a non-empty `html`
  // field is read first (as an HTML record). saring clean reads its text
  // field only.
  std::string jsonl_text_field = "text";
  bool jsonl_html = true;
  // WARC: the input ends before the first record whose compressed member
  // starts at or after this file offset (Input::end of a split file).
  uint64_t end_member_offset = UINT64_MAX;
};

// Counts of what a reader passed over on purpose (not errors).
struct ReaderStats {
  uint64_t items = 0;             // records + errors yielded
  uint64_t records = 0;           // records yielded
  uint64_t errors = 0;            // errors yielded
  uint64_t bytes = 0;             // decoded bytes consumed
  // "warc-type:request", "http-status:404", "content-type:image/png", ...;
  // at most 64 keys, the rarest late-comers counted under "other".
  std::vector<std::pair<std::string, uint64_t>> skipped;
  void count_skip(std::string_view why);
};

// Yields the records of one input in order.
class RecordReader {
 public:
  virtual ~RecordReader() = default;

  // Reads the next record into `out` (replacing its content). true: a record;
  // false: the input is finished; an error: this item was bad, position()
  // says where, and the next call goes on with the item after it.
  virtual Result<bool> next(Record& out) = 0;

  // Where the last item (record or error) was found.
  virtual const SourceRef& position() const = 0;

  virtual const ReaderStats& stats() const = 0;
};

// Opens a reader for one input.
Result<std::unique_ptr<RecordReader>> open_reader(const Input& input,
                                                  const ReaderOptions& options = {});

// A reader over decoded bytes already open (tests, fuzzing, stdin sniffing).
// `label` is used as SourceRef::path.
std::unique_ptr<RecordReader> make_reader(std::unique_ptr<ByteReader> bytes, Format format,
                                          std::string label, const ReaderOptions& options = {});

// ---------------------------------------------------------------------------
// JSON output

// The one JSON writer of records: deterministic (numbers through
// std::to_chars, strings escaped the same way every time), and every line it
// writes parses. Invalid UTF-8 is replaced by U+FFFD; besides the characters
// JSON requires, DEL (\u007f) and the line breaks beyond ASCII (\u0085,
// \u2028, \u2029) are escaped, so readers that split on any line break
// (Python's str.splitlines) keep a JSON line whole.
//
//   JsonWriter w;
//   w.begin_object(); w.key("id"); w.string("a1"); w.key("n"); w.integer(3);
//   w.end_object();   // w.str() == R"({"id":"a1","n":3})"
class JsonWriter {
 public:
  // compact: no white space. indented: one member per line, two spaces per
  // level, a space after each colon; empty containers stay "{}" and "[]".
  enum class Layout { compact, indented };

  JsonWriter() = default;
  explicit JsonWriter(Layout layout) : indented_(layout == Layout::indented) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void string(std::string_view s);
  // The string, or null when absent.
  void string_or_null(const std::optional<std::string>& s);
  void integer(int64_t v);
  void number(double v);  // NaN and infinities are written as null
  void boolean(bool v);
  void null();
  void value(const MetaValue& v);
  // Writes an object {"key": value, ...} of the fields.
  void fields(const MetaFields& f);
  // Writes each field as a member of the object being written.
  void members(const MetaFields& f);

  const std::string& str() const { return out_; }
  std::string take();
  void clear();

 private:
  void before_value();
  void close(char bracket);
  void newline();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
  bool indented_ = false;
};

// Writes a parsed JSON tree (nlohmann::json or ordered_json: any type with
// its type(), items(), value_t and get()) through the writer, so JSON read
// back and written again comes out as saring writes JSON. A template, so
// io's header needs no JSON library.
template <class Json>
void write_json_tree(JsonWriter& w, const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      w.begin_object();
      for (const auto& [k, x] : v.items()) {
        w.key(k);
        write_json_tree(w, x);
      }
      w.end_object();
      break;
    case Json::value_t::array:
      w.begin_array();
      for (const auto& x : v) write_json_tree(w, x);
      w.end_array();
      break;
    case Json::value_t::string: w.string(v.template get_ref<const std::string&>()); break;
    case Json::value_t::boolean: w.boolean(v.template get<bool>()); break;
    case Json::value_t::number_integer: w.integer(v.template get<int64_t>()); break;
    case Json::value_t::number_unsigned: w.integer(static_cast<int64_t>(v.template get<uint64_t>())); break;
    case Json::value_t::number_float: w.number(v.template get<double>()); break;
    default: w.null(); break;
  }
}

// A page's record as one object, the shape of saring extract's JSON: "url"
// (null when empty), the metadata fields in their order, "text", then
// "source" (record.source.path: where this door read the page).
void write_page_record(JsonWriter& w, const Record& record);

// Appends `s` as a JSON string literal (with quotes) to `out`, escaped as
// JsonWriter escapes.
void append_json_string(std::string& out, std::string_view s);

// ---------------------------------------------------------------------------
// Output files

// Writes `content` to `path` atomically: a temporary file in the same
// directory, fsync, rename over `path`, fsync of the directory.
Status write_file_atomic(const std::string& path, std::string_view content);

struct ShardOptions {
  std::string dir;                         // created if missing
  std::string prefix = "part-";            // shard names: prefix + 5 digits + extension
  std::string extension = ".jsonl.zst";    // ".jsonl" writes without compression
  uint64_t max_shard_bytes = 128ull << 20; // uncompressed bytes before a shard is full
  int zstd_level = 3;
  uint32_t first_index = 0;                // number of the first shard (resume)
  bool auto_rotate = true;                 // finish a shard as soon as it is full
};

// A finished shard.
struct ShardInfo {
  uint32_t index = 0;
  std::string name;            // file name inside dir
  uint64_t records = 0;
  uint64_t bytes = 0;          // uncompressed JSONL bytes
  uint64_t file_bytes = 0;     // bytes on disk
};

// Writes JSON lines into size-limited shards, each made visible atomically.
// Not thread-safe: one writer per output stream, fed in output order.
class ShardedWriter {
 public:
  static Result<std::unique_ptr<ShardedWriter>> create(const ShardOptions& options);
  ~ShardedWriter();  // abandons an unfinished shard (deletes its temp file)

  // Appends one line (a newline is added). Opens a shard on demand; with
  // auto_rotate finishes it once max_shard_bytes is reached.
  Status write_line(std::string_view json);

  // True when the open shard has reached max_shard_bytes.
  bool full() const;
  // True when a shard is open (has at least one line).
  bool has_open_shard() const;

  // Finishes the open shard: flush, fsync, rename to its final name, fsync
  // the directory. Returns nullopt when no shard was open.
  Result<std::optional<ShardInfo>> finish_shard();

  // Deletes the open shard's temporary file.
  void abandon();

  // Shards finished so far, in order.
  const std::vector<ShardInfo>& finished() const { return finished_; }
  // Index the next shard will get.
  uint32_t next_index() const { return next_index_; }

  // Final file name of shard `index` ("part-00007.jsonl.zst").
  std::string shard_name(uint32_t index) const;

 private:
  struct Open;
  explicit ShardedWriter(const ShardOptions& options);
  ShardOptions options_;
  std::unique_ptr<Open> open_;
  std::vector<ShardInfo> finished_;
  uint32_t next_index_ = 0;
};

// Deletes temporary shard files (".*.tmp") left in `dir` by a killed run.
// Returns how many were removed.
Result<size_t> remove_temp_files(const std::string& dir);

}  // namespace saring::io
