// The driver of `saring extract`: inputs are read and processed by
// parallel::ordered_map in batches of a few pages per thread (memory stays
// bounded), rendered on the worker threads (io::JsonWriter for records),
// and written in input order.
#include <algorithm>
#include <optional>
#include <utility>

#include "saring/drivers.h"
#include "saring/parallel.h"

namespace saring::pipeline {

namespace {

// Pages per thread in a batch: enough to keep threads busy past a slow page.
constexpr size_t kPagesPerThread = 16;

// A page's record (page::to_record) as one JSON object
// (io::write_page_record): compact for jsonl, indented for json.
std::string record_json(const ExtractInput& in, page::PageResult&& r, io::JsonWriter::Layout layout) {
  Record record;
  record.source.path = in.path;
  page::to_record(std::move(r), in.url, record);
  io::JsonWriter j(layout);
  io::write_page_record(j, record);
  return j.take();
}

// An input that failed: its url, the error and where it was read.
std::string error_json(const ExtractInput& in, const std::string& error, io::JsonWriter::Layout layout) {
  io::JsonWriter j(layout);
  j.begin_object();
  j.key("url");
  if (in.url.empty()) j.null();
  else j.string(in.url);
  j.key("error");
  j.string(error);
  j.key("source");
  j.string(in.path);
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

std::string render_page(const ExtractInput& in, Result<page::PageResult>&& result,
                        ExtractFormat format, bool several) {
  std::string out;
  switch (format) {
    case ExtractFormat::txt:
    case ExtractFormat::md:
      if (result.ok()) {
        out = std::move(result->text);
        if (!out.empty() && out.back() != '\n') out.push_back('\n');
        if (several) out.push_back('\n');
      }
      break;
    case ExtractFormat::json:
    case ExtractFormat::jsonl: {
      auto layout = format == ExtractFormat::json ? io::JsonWriter::Layout::indented
                                                  : io::JsonWriter::Layout::compact;
      out = result.ok() ? record_json(in, std::move(result.value()), layout)
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
    item.rendered = render_page(*item.input, std::move(result), job.format, job.inputs.size() > 1);
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
