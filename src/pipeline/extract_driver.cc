// The driver of `saring extract`: inputs are read and processed by
// parallel::ordered_map in batches of a few pages per thread (memory stays
// bounded), rendered on the worker threads (io::JsonWriter for records),
// and written in input order.
#include <algorithm>
#include <optional>

#include "saring/drivers.h"
#include "saring/parallel.h"

namespace saring::pipeline {

namespace {

// Pages per thread in a batch: enough to keep threads busy past a slow page.
constexpr size_t kPagesPerThread = 16;

// A page's record as one JSON object: compact for jsonl, indented for json.
// Keys in sorted order.
std::string record_json(const ExtractInput& in, const page::PageResult& r, io::JsonWriter::Layout layout) {
  const auto& m = r.metadata;
  io::JsonWriter j(layout);
  j.begin_object();
  j.key("author");
  j.string_or_null(m.author);
  j.key("charset");
  j.string(r.charset);
  j.key("date");
  j.string_or_null(m.date);
  j.key("date_source");
  if (m.date) j.string(m.date_source);
  else j.null();
  j.key("description");
  j.string_or_null(m.description);
  j.key("extraction_stage");
  j.string(extract::to_string(r.content.stage));
  j.key("image");
  j.string_or_null(m.image);
  j.key("language");
  j.string_or_null(r.language);
  j.key("language_score");
  if (r.language) j.number(r.language_score);
  else j.null();
  j.key("page_type");
  j.string_or_null(m.page_type);
  j.key("sitename");
  j.string_or_null(m.sitename);
  j.key("source");
  j.string(in.path);
  j.key("tags");
  j.begin_array();
  for (const auto& t : m.tags) j.string(t);
  j.end_array();
  j.key("text");
  j.string(r.text);
  j.key("title");
  j.string_or_null(m.title);
  j.key("url");
  if (!in.url.empty()) j.string(in.url);
  else j.string_or_null(m.url);
  j.end_object();
  return j.take();
}

std::string error_json(const ExtractInput& in, const std::string& error, io::JsonWriter::Layout layout) {
  io::JsonWriter j(layout);
  j.begin_object();
  j.key("error");
  j.string(error);
  j.key("source");
  j.string(in.path);
  j.key("url");
  if (in.url.empty()) j.null();
  else j.string(in.url);
  j.end_object();
  return j.take();
}

struct Item {
  const ExtractInput* input = nullptr;
  std::string rendered;
  std::optional<Error> error;
};

struct Batch {
  std::vector<Item> items;
};

}  // namespace

std::string render_page(const ExtractInput& in, const Result<page::PageResult>& result,
                        ExtractFormat format, bool several) {
  std::string out;
  switch (format) {
    case ExtractFormat::txt:
    case ExtractFormat::md:
      if (result.ok()) {
        out = result->text;
        if (!out.empty() && out.back() != '\n') out.push_back('\n');
        if (several) out.push_back('\n');
      }
      break;
    case ExtractFormat::json:
    case ExtractFormat::jsonl: {
      auto layout = format == ExtractFormat::json ? io::JsonWriter::Layout::indented
                                                  : io::JsonWriter::Layout::compact;
      out = result.ok() ? record_json(in, result.value(), layout)
                        : error_json(in, result.error().describe(), layout);
      out.push_back('\n');
      break;
    }
  }
  return out;
}

size_t extract_pages(const ExtractJob& job, const PageWriter& write) {
  const size_t batch_size = std::max<size_t>(1, kPagesPerThread * job.threads);
  size_t next = 0, failed = 0;
  auto read = [&](Batch& b) {
    for (; next < job.inputs.size() && b.items.size() < batch_size; ++next)
      b.items.push_back(Item{&job.inputs[next], {}, {}});
  };
  auto process = [&](Batch& b, size_t i, unsigned) {
    Item& item = b.items[i];
    auto bytes = io::read_all(item.input->path, job.page.parse.max_bytes);
    Result<page::PageResult> result =
        bytes.ok() ? page::process_page(std::move(bytes.value()), item.input->url, job.page)
                   : Result<page::PageResult>(bytes.error());
    if (!result.ok()) item.error = result.error();
    item.rendered = render_page(*item.input, result, job.format, job.inputs.size() > 1);
  };
  auto deliver = [&](Batch& b) {
    for (const Item& item : b.items) {
      if (item.error) ++failed;
      write(*item.input, item.rendered, item.error ? &*item.error : nullptr);
    }
    return true;
  };
  parallel::ordered_map<Batch>(job.threads, read, process, deliver);
  return failed;
}

}  // namespace saring::pipeline
