// The extension `saring._native`: the C++ library behind the `saring`
// package (python/saring/). This file turns Python arguments into the jobs
// of saring/options.h (keyword names are the option table's names with '-'
// as '_'), releases the GIL while C++ works, and raises the package's errors
// (saring/errors.py). Names, records and docstrings users see are the
// package's.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <thread>

#include "saring/clean.h"
#include "saring/io.h"
#include "saring/lang.h"
#include "saring/options.h"
#include "saring/page.h"
#include "saring/parallel.h"
#include "saring/pipeline.h"
#include "saring/report.h"

namespace py = pybind11;
using namespace saring;
using pipeline::OptionSpec;
using pipeline::OptionType;
using pipeline::OptionValue;

namespace {

// ---------------------------------------------------------------------------
// Errors: each kind of failure is a class of saring.errors.

const char* error_class(ErrorCode code) {
  switch (code) {
    case ErrorCode::io: return "FileError";
    case ErrorCode::internal: return "Error";
    default: return "BadInputError";
  }
}

py::object error_object(const char* cls, const std::string& message) {
  return py::module_::import("saring.errors").attr(cls)(message);
}

[[noreturn]] void raise_error(const char* cls, const std::string& message) {
  py::object e = error_object(cls, message);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(e.ptr())), e.ptr());
  throw py::error_already_set();
}

[[noreturn]] void raise_error(const Error& e) { raise_error(error_class(e.code), e.describe()); }

// The one check every door makes before work that needs the language model.
void require_model() {
  Result<const lang::LanguageIdentifier*> id = make_error(ErrorCode::internal, "not loaded");
  {
    py::gil_scoped_release release;
    id = lang::require_shared_identifier();
  }
  if (!id.ok()) raise_error("ModelError", id.error().describe());
}

// Strings from the library are UTF-8; from records read off disk they may
// not be, and a bad byte becomes U+FFFD instead of an exception.
py::str utf8(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object str_or_none(const std::optional<std::string>& v) {
  return v ? py::object(utf8(*v)) : py::object(py::none());
}

// The bytes of a bytes object, or the UTF-8 of a str (cached in it), without
// a copy: valid, and unchanging with the GIL released, while the object
// lives. (Copying pages cost a third of extract_many's time.)
std::string_view bytes_of(const py::handle& o, const char* what) {
  if (PyBytes_Check(o.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(o.ptr(), &data, &size) != 0) throw py::error_already_set();
    return {data, static_cast<size_t>(size)};
  }
  if (PyUnicode_Check(o.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(o.ptr(), &size);
    if (!data) throw py::error_already_set();
    return {data, static_cast<size_t>(size)};
  }
  throw py::type_error(std::string(what) + " must be str or bytes, not " +
                       std::string(py::str(o.get_type().attr("__name__"))));
}

// ---------------------------------------------------------------------------
// Options: keyword arguments through the option table's setters.

auto setter_of(const OptionSpec& o, pipeline::ExtractJob*) { return o.set_extract; }
auto setter_of(const OptionSpec& o, pipeline::CleanJob*) { return o.set_clean; }
auto setter_of(const OptionSpec& o, pipeline::RunJob*) { return o.set_run; }

// Which rows of the table a Python function takes: those with a setter for
// its job, minus `except` (what the function takes as its own arguments or
// what has no meaning for it); when `only` is not empty, just those.
struct Door {
  std::string_view function;
  std::vector<std::string_view> except;
  std::vector<std::string_view> only;

  template <class Job>
  bool takes(const OptionSpec& o) const {
    if (!setter_of(o, static_cast<Job*>(nullptr))) return false;
    const std::string name = pipeline::python_name(o);
    for (auto e : except)
      if (name == e) return false;
    if (only.empty()) return true;
    for (auto e : only)
      if (name == e) return true;
    return false;
  }
};

const Door kPageDoor{"extract", {"url", "input_list", "format", "threads"}, {}};
const Door kCleanDoor{"clean", {"url", "jsonl", "text_field", "format", "corpus", "min_docs", "ignore_urls", "stats"}, {}};
const Door kRunDoor{"run", {"output", "progress", "quiet"}, {}};
const Door kReadDoor{"read_records", {}, {"input_format", "max_record_bytes", "keep_non_2xx", "keep_text_responses"}};

std::string type_name(const py::handle& v) { return py::str(v.get_type().attr("__name__")); }

// A Python value as the row's type wants it. Wrong Python types are
// TypeErrors; wrong values are the table's own errors.
OptionValue option_value(const OptionSpec& o, const std::string& name, const py::handle& v) {
  auto wrong_type = [&](const char* wanted) {
    throw py::type_error(name + " must be " + wanted + ", not " + type_name(v));
  };
  auto parsed = [&](std::string_view text) {
    auto r = pipeline::parse_option_value(o, text);
    if (!r.ok()) raise_error("BadInputError", name + ": " + r.error().message);
    return std::move(r.value());
  };
  const bool is_bool = py::isinstance<py::bool_>(v);
  const bool is_int = py::isinstance<py::int_>(v) && !is_bool;
  OptionValue value;
  switch (o.type) {
    case OptionType::toggle:
    case OptionType::flag:
      if (!is_bool) wrong_type("True or False");
      value.on = v.cast<bool>();
      return value;
    case OptionType::integer:
    case OptionType::size:
      if (o.type == OptionType::size && py::isinstance<py::str>(v)) return parsed(v.cast<std::string>());
      if (!is_int) wrong_type(o.type == OptionType::size ? "an int or a size such as '64M'" : "an int");
      if (v.cast<py::int_>() < py::int_(0)) raise_error("BadInputError", name + ": needs a number >= 0");
      value.integer = v.cast<uint64_t>();
      return value;
    case OptionType::number:
      if (!is_int && !py::isinstance<py::float_>(v)) wrong_type("a number");
      value.number = v.cast<double>();
      return value;
    case OptionType::text:
      if (!py::isinstance<py::str>(v)) wrong_type("a str");
      return parsed(v.cast<std::string>());
    case OptionType::list:
      if (py::isinstance<py::str>(v)) return parsed(v.cast<std::string>());
      if (!py::isinstance<py::list>(v) && !py::isinstance<py::tuple>(v)) wrong_type("a list of str");
      for (auto item : v) {
        if (!py::isinstance<py::str>(item)) wrong_type("a list of str");
        value.list.push_back(item.cast<std::string>());
      }
      return value;
  }
  return value;
}

// A job with the keyword arguments applied; `config` first, as on the
// command line where later flags override the file.
template <class Job>
Job job_from(const Door& door, const py::dict& options) {
  Job job;
  auto apply = [&](const std::string& name, const py::handle& v) {
    const OptionSpec* row = nullptr;
    for (const auto& o : pipeline::option_table())
      if (door.takes<Job>(o) && pipeline::python_name(o) == name) row = &o;
    if (!row)
      throw py::type_error(std::string(door.function) + "() got an unexpected keyword argument '" + name + "'");
    OptionValue value = option_value(*row, name, v);
    // A flag set to False is a flag not given.
    if (row->type == OptionType::flag && !value.on) return;
    auto st = setter_of(*row, static_cast<Job*>(nullptr))(job, value);
    if (!st.ok()) raise_error(error_class(st.error().code), name + ": " + st.error().message);
  };
  if (options.contains("config")) apply("config", options["config"]);
  for (auto [key, value] : options) {
    std::string name = py::str(key);
    if (name != "config") apply(name, value);
  }
  return job;
}

// The options a function takes, for its docstring and docs/python.md:
// (name, type, default, help, choices).
py::list options_of(const std::string& function) {
  const Door* door = function == "clean"          ? &kCleanDoor
                     : function == "run"          ? &kRunDoor
                     : function == "read_records" ? &kReadDoor
                                                  : &kPageDoor;
  static const char* kTypes[] = {"bool", "bool", "int", "size", "float", "str", "list"};
  py::list out;
  for (const auto& o : pipeline::option_table()) {
    bool taken = door == &kCleanDoor ? door->takes<pipeline::CleanJob>(o)
                 : door == &kPageDoor ? door->takes<pipeline::ExtractJob>(o)
                                      : door->takes<pipeline::RunJob>(o);
    if (!taken) continue;
    std::string help(o.help);
    for (char& c : help)
      if (c == '\n') c = ' ';
    out.append(py::make_tuple(pipeline::python_name(o), kTypes[static_cast<int>(o.type)],
                              std::string(o.default_text), help, std::string(o.choices)));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pages

enum class Shape { text, json, record };

Shape shape_from(const std::string& s) {
  if (s == "text") return Shape::text;
  if (s == "json") return Shape::json;
  if (s == "record") return Shape::record;
  throw py::value_error("unknown shape " + s);
}

// What an extract call asks for, decided once for all its pages.
struct PageCall {
  page::PageOptions page;
  Shape shape = Shape::text;
  bool with_metadata = false;
};

PageCall page_call(const py::dict& options, bool markdown, const std::string& shape, bool with_metadata) {
  PageCall call;
  call.page = job_from<pipeline::ExtractJob>(kPageDoor, options).page;
  call.page.output = markdown ? page::OutputText::markdown : page::OutputText::plain;
  call.shape = shape_from(shape);
  call.with_metadata = with_metadata;
  if (call.page.identify_language) require_model();
  return call;
}

// The record as JSON: the fields of `saring extract --format json` in its
// order (url, metadata, text) without `source`; url and text alone without
// metadata. One line, through the one record writer.
std::string record_json(const Record& r, bool with_metadata) {
  io::JsonWriter w;
  w.begin_object();
  w.key("url");
  if (r.url.empty()) w.null();
  else w.string(r.url);
  if (with_metadata) w.members(r.metadata);
  w.key("text");
  w.string(r.text);
  w.end_object();
  return w.take();
}

// The text after a YAML header of the fields that are known, each value a
// JSON scalar or list (JSON is YAML), so any title or URL reads back.
std::string text_with_header(const Record& r) {
  std::string out = "---\n";
  auto line = [&](std::string_view key, auto&& write) {
    io::JsonWriter w;
    write(w);
    out.append(key).append(": ").append(w.str()).push_back('\n');
  };
  if (!r.url.empty()) line("url", [&](io::JsonWriter& w) { w.string(r.url); });
  for (const auto& [key, value] : r.metadata) {
    if (std::holds_alternative<std::monostate>(value)) continue;
    if (auto* list = std::get_if<std::vector<std::string>>(&value); list && list->empty()) continue;
    line(key, [&](io::JsonWriter& w) { w.value(value); });
  }
  out += "---\n";
  out += r.text;
  return out;
}

struct PageOut {
  std::string rendered;  // Shape::text and Shape::json
  Record record;         // Shape::record
  std::optional<Error> error;
};

// One page's result rendered as the call asks, on any thread.
void render_one(Result<page::PageResult>&& result, const std::string& url, const PageCall& call,
                PageOut& out) {
  if (!result.ok()) {
    out.error = result.error();
    return;
  }
  if (call.shape == Shape::text && !call.with_metadata) {
    out.rendered = std::move(result->text);
    return;
  }
  page::to_record(std::move(result.value()), url, out.record);
  if (call.shape == Shape::text) out.rendered = text_with_header(out.record);
  else if (call.shape == Shape::json) out.rendered = record_json(out.record, call.with_metadata);
}

// One page held by Python, on any thread.
void extract_one(std::string_view bytes, const std::string& url, const PageCall& call, PageOut& out) {
  render_one(page::process_page({bytes, url, {}}, call.page), url, call, out);
}

// One page read from a file, on any thread, as `saring extract FILE` reads it.
void extract_file(const std::string& path, const std::string& url, const PageCall& call, PageOut& out) {
  auto bytes = io::read_all(path, call.page.parse.max_bytes);
  render_one(bytes.ok() ? page::process_page(std::move(bytes.value()), url, call.page)
                        : Result<page::PageResult>(bytes.error()),
             url, call, out);
}

py::object to_python(const MetaValue& v) {
  struct Visit {
    py::object operator()(std::monostate) { return py::none(); }
    py::object operator()(bool b) { return py::bool_(b); }
    py::object operator()(int64_t i) { return py::int_(i); }
    py::object operator()(double d) { return py::float_(d); }
    py::object operator()(const std::string& s) { return utf8(s); }
    py::object operator()(const std::vector<std::string>& list) {
      py::list out;
      for (const auto& s : list) out.append(utf8(s));
      return out;
    }
  };
  return std::visit(Visit{}, v);
}

// The page's record as a dict: url, the metadata fields in the record's
// order, text.
py::dict record_dict(const Record& record) {
  py::dict d;
  d["url"] = record.url.empty() ? py::object(py::none()) : py::object(utf8(record.url));
  for (const auto& [key, value] : record.metadata) d[py::str(key)] = to_python(value);
  d["text"] = utf8(record.text);
  return d;
}

// The result of one page, or its error as a saring.errors object.
py::object page_result(const PageOut& out, Shape shape) {
  if (out.error) return error_object(error_class(out.error->code), out.error->describe());
  if (shape == Shape::record) return record_dict(out.record);
  return utf8(out.rendered);
}

py::object extract_page(const py::handle& html, std::optional<std::string> url, const py::dict& options,
                   bool markdown, const std::string& shape, bool with_metadata) {
  PageCall call = page_call(options, markdown, shape, with_metadata);
  std::string_view bytes = bytes_of(html, "html");
  const std::string page_url = url.value_or("");
  PageOut out;
  {
    py::gil_scoped_release release;
    extract_one(bytes, page_url, call, out);
  }
  py::object result = page_result(out, call.shape);
  if (out.error) {
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(result.ptr())), result.ptr());
    throw py::error_already_set();
  }
  return result;
}

unsigned thread_count(int threads) {
  if (threads < 0) raise_error("BadInputError", "threads: needs a number >= 0 (0: all cores)");
  if (threads == 0) return std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min(threads, 1024));
}

// Pages of one batch: each an html or an (html, url) pair, where html is
// str, bytes or a path (os.PathLike: the file is read on the worker thread).
// The work runs on `threads` threads without the GIL; results (or error
// objects) come back in input order.
py::list extract_many(const py::sequence& pages, const py::dict& options, bool markdown,
                      const std::string& shape, bool with_metadata, int threads) {
  PageCall call = page_call(options, markdown, shape, with_metadata);
  struct Item {
    py::object html;  // keeps `bytes` alive
    std::string_view bytes;
    std::string path;  // instead of bytes, a file to read
    std::string url;
    PageOut out;
  };
  std::vector<Item> items(pages.size());
  for (size_t i = 0; i < items.size(); ++i) {
    py::object page = pages[i];
    if (py::isinstance<py::tuple>(page) || py::isinstance<py::list>(page)) {
      auto pair = page.cast<py::sequence>();
      if (pair.size() != 2) throw py::type_error("each page must be html or an (html, url) pair");
      items[i].html = pair[0];
      if (!pair[1].is_none()) items[i].url = pair[1].cast<std::string>();
    } else {
      items[i].html = page;
    }
    if (PyUnicode_Check(items[i].html.ptr()) || PyBytes_Check(items[i].html.ptr()))
      items[i].bytes = bytes_of(items[i].html, "html");
    else if (py::hasattr(items[i].html, "__fspath__"))
      items[i].path = py::module_::import("os").attr("fsencode")(items[i].html).cast<std::string>();
    else
      bytes_of(items[i].html, "html");  // raises its TypeError
  }
  {
    py::gil_scoped_release release;
    parallel::for_each_index(items.size(), thread_count(threads), [&](size_t i, unsigned) {
      if (!items[i].path.empty()) extract_file(items[i].path, items[i].url, call, items[i].out);
      else extract_one(items[i].bytes, items[i].url, call, items[i].out);
    });
  }
  py::list results;
  for (const Item& item : items) results.append(page_result(item.out, call.shape));
  return results;
}

py::dict extract_metadata(const py::handle& html, std::optional<std::string> url, const py::dict& options) {
  page::PageOptions page = job_from<pipeline::ExtractJob>(kPageDoor, options).page;
  std::string_view bytes = bytes_of(html, "html");
  const std::string page_url = url.value_or("");
  Result<meta::Metadata> result = make_error(ErrorCode::internal, "not run");
  {
    py::gil_scoped_release release;
    result = page::page_metadata({bytes, page_url, {}}, page);
  }
  if (!result.ok()) raise_error(result.error());
  const meta::Metadata& m = result.value();
  py::dict d;
  d["url"] = !page_url.empty() ? py::object(utf8(page_url)) : str_or_none(m.url);
  d["title"] = str_or_none(m.title);
  d["author"] = str_or_none(m.author);
  d["date"] = str_or_none(m.date);
  d["date_source"] = m.date ? py::object(utf8(m.date_source)) : py::object(py::none());
  d["sitename"] = str_or_none(m.sitename);
  d["description"] = str_or_none(m.description);
  d["tags"] = to_python(MetaValue(m.tags));
  d["image"] = str_or_none(m.image);
  d["page_type"] = str_or_none(m.page_type);
  d["language_hint"] = str_or_none(m.language_hint);
  return d;
}

// ---------------------------------------------------------------------------
// Text

py::dict clean_text(const std::string& text, const py::dict& options) {
  auto job = job_from<pipeline::CleanJob>(kCleanDoor, options);
  job.clean.detect_language = job.language;
  if (job.language) require_model();
  Result<clean::CleanResult> result = make_error(ErrorCode::internal, "not run");
  {
    py::gil_scoped_release release;
    result = clean::clean_document(text, job.clean);
  }
  if (!result.ok()) raise_error(result.error());
  const auto& r = result.value();
  py::dict d;
  d["text"] = utf8(r.text);
  d["title"] = str_or_none(r.title);
  d["date"] = str_or_none(r.date);
  d["dateline"] = str_or_none(r.dateline);
  d["author"] = str_or_none(r.author);
  d["sources"] = r.sources;
  d["language"] = r.language.empty() ? py::object(py::none()) : py::object(py::str(r.language));
  py::list removed;
  for (const auto& rm : r.removed) {
    py::dict x;
    x["line"] = rm.line;
    x["reason"] = std::string(clean::to_string(rm.reason));
    x["text"] = utf8(rm.text);
    removed.append(x);
  }
  d["removed"] = removed;
  return d;
}

py::object identify(const std::string& text) {
  require_model();
  const lang::LanguageIdentifier* id = lang::shared_identifier().value();
  lang::Guess g;
  {
    py::gil_scoped_release release;
    g = id->identify(text);
  }
  if (g.code.empty()) return py::none();
  return py::make_tuple(g.code, g.score);
}

// ---------------------------------------------------------------------------
// Corpora

py::dict progress_dict(const pipeline::Progress& p) {
  py::dict d;
  d["items"] = p.items;
  d["kept"] = p.kept;
  d["rejected"] = p.rejected;
  d["raw_bytes"] = p.raw_bytes;
  d["elapsed_seconds"] = p.elapsed_seconds;
  d["input_bytes_done"] = p.input_bytes_done;
  d["input_bytes_total"] = p.input_bytes_total;
  d["resumed"] = p.resumed;
  return d;
}

template <class Pairs>
py::dict pairs_dict(const Pairs& pairs) {
  py::dict d;
  for (const auto& [k, v] : pairs) d[utf8(k)] = v;
  return d;
}

// pipeline::run() with the GIL released. `progress` (or None) gets a dict
// about twice a second and once at the end, on this thread. Ctrl-C, or an
// exception from `progress`, stops the run at the next batch as a kill
// would, and is raised here.
py::dict run(const std::vector<std::string>& inputs, const std::string& output_dir,
             const py::dict& options, const py::object& progress) {
  auto job = job_from<pipeline::RunJob>(kRunDoor, options);
  pipeline::RunOptions& o = job.options;
  o.inputs = inputs;
  o.output_dir = output_dir;
  if (o.inputs.empty()) raise_error("BadInputError", "run: no inputs");
  if (output_dir.empty()) raise_error("BadInputError", "run: no output directory");
  if (o.lang_enabled && o.model_path.empty()) require_model();

  std::atomic<bool> stop{false};
  std::optional<py::error_already_set> pending;
  pipeline::Progress last;
  auto report = [&](const pipeline::Progress& p) {  // with the GIL
    last = p;
    if (stop) return;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (!progress.is_none()) progress(progress_dict(p));
    } catch (py::error_already_set& e) {
      pending = std::move(e);
      stop = true;
    }
  };
  o.stop_requested = [&] { return stop.load(); };
  const auto start = std::chrono::steady_clock::now();
  Result<pipeline::RunResult> res = make_error(ErrorCode::internal, "not run");
  {
    py::gil_scoped_release release;
    res = pipeline::run(o, [&](const pipeline::Progress& p) {
      py::gil_scoped_acquire gil;
      report(p);
    });
  }
  if (pending) throw std::move(*pending);
  if (!res.ok()) raise_error(res.error());
  const pipeline::RunResult& r = res.value();
  const pipeline::Counts& c = r.counts;
  pipeline::Progress end = last;
  end.items = c.items;
  end.kept = c.kept;
  end.rejected = c.rejected;
  end.raw_bytes = c.raw_bytes;
  end.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  end.input_bytes_done = end.input_bytes_total;
  end.resumed = r.resumed;
  report(end);
  if (pending) throw std::move(*pending);

  py::dict d;
  d["items"] = c.items;
  d["kept"] = c.kept;
  d["rejected"] = c.rejected;
  d["read_errors"] = r.read_errors;
  d["first_read_errors"] = r.first_read_errors;
  d["raw_bytes"] = c.raw_bytes;
  d["html_bytes"] = c.html_bytes;
  d["text_bytes_out"] = c.text_bytes_out;
  py::dict by_stage;  // "stage\treason" -> n as stats.json has it: stage -> reason -> n
  for (const auto& [key, n] : c.reasons) {
    const size_t tab = key.find('\t');
    py::str stage = utf8(key.substr(0, tab));
    if (!by_stage.contains(stage)) by_stage[stage] = py::dict();
    by_stage[stage][utf8(tab == std::string::npos ? "" : key.substr(tab + 1))] = n;
  }
  d["rejected_by_stage"] = by_stage;
  d["skipped_by_reader"] = pairs_dict(c.skipped);
  d["seconds"] = pairs_dict(c.seconds);
  d["resumed"] = r.resumed;
  d["already_complete"] = r.already_complete;
  d["kept_shards"] = r.kept_shards;
  d["rejected_shards"] = r.rejected_shards;
  return d;
}

py::dict source_dict(const SourceRef& s) {
  py::dict d;
  d["path"] = utf8(s.path);
  d["index"] = s.index;
  d["offset"] = s.offset;
  d["member_offset"] = s.member_offset;
  d["line"] = s.line;
  return d;
}

// io's readers over a list of inputs (directories expanded), one record per
// next(). A bad item raises saring.errors.RecordError with its source; the
// reader goes on after it.
class RecordReader {
 public:
  RecordReader(const std::vector<std::string>& paths, const py::dict& options) {
    auto job = job_from<pipeline::RunJob>(kReadDoor, options);
    options_ = job.options.reader;
    options_.keep_headers = true;
    auto inputs = io::expand_inputs(paths, job.options.input_format);
    if (!inputs.ok()) raise_error(inputs.error());
    inputs_ = std::move(inputs.value());
  }

  py::dict next() {
    for (;;) {
      if (!reader_) {
        if (next_input_ == inputs_.size()) throw py::stop_iteration();
        const io::Input& input = inputs_[next_input_++];
        auto opened = io::open_reader(input, options_);
        if (!opened.ok()) {
          SourceRef where;
          where.path = input.path;
          record_error(opened.error(), where);
        }
        reader_ = std::move(opened.value());
      }
      Result<bool> got = false;
      {
        py::gil_scoped_release release;
        got = reader_->next(record_);
      }
      if (!got.ok()) record_error(got.error(), reader_->position());
      if (got.value()) return record_dict();
      for (const auto& [k, v] : reader_->stats().skipped) skipped_[k] += v;
      reader_.reset();
    }
  }

  // What the readers passed over on purpose ("warc-type:request", ...), for
  // the inputs finished so far.
  py::dict skipped() const { return pairs_dict(skipped_); }

 private:
  [[noreturn]] void record_error(const Error& e, const SourceRef& where) {
    py::object error = py::module_::import("saring.errors")
                           .attr("RecordError")(where.describe() + ": " + e.describe(), source_dict(where));
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
    throw py::error_already_set();
  }

  py::dict record_dict() const {
    const Record& r = record_;
    py::dict d;
    d["id"] = utf8(r.id);
    d["url"] = r.url.empty() ? py::object(py::none()) : py::object(utf8(r.url));
    d["kind"] = std::string(to_string(r.kind));
    const bool html = r.kind == RecordKind::html;
    d["html"] = html ? py::object(py::bytes(r.raw)) : py::object(py::none());
    d["text"] = html ? py::object(py::none()) : py::object(utf8(r.raw));
    d["http_status"] = r.http_status ? py::object(py::int_(r.http_status)) : py::object(py::none());
    auto text_or_none = [](const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(utf8(s)); };
    d["content_type"] = text_or_none(r.content_type);
    d["http_charset"] = text_or_none(r.http_charset);
    d["warc_date"] = text_or_none(r.warc_date);
    auto fields = [](const std::vector<std::pair<std::string, std::string>>& headers) {
      py::list list;
      for (const auto& [name, value] : headers) list.append(py::make_tuple(utf8(name), utf8(value)));
      return py::tuple(list);
    };
    d["warc_headers"] = fields(r.warc_headers);
    d["http_headers"] = fields(r.http_headers);
    d["source"] = source_dict(r.source);
    return d;
  }

  std::vector<io::Input> inputs_;
  size_t next_input_ = 0;
  io::ReaderOptions options_;
  std::unique_ptr<io::RecordReader> reader_;
  Record record_;
  std::map<std::string, uint64_t> skipped_;
};

// One folder or a list of them; returns the path of the page written.
std::string write_report(const std::vector<std::string>& run_dirs, const std::string& output) {
  report::ReportOptions options;
  options.run_dirs = run_dirs;
  options.output = output;
  Result<std::string> written = make_error(ErrorCode::invalid_input, "");
  {
    py::gil_scoped_release release;
    written = report::write_report(options);
  }
  if (!written.ok()) raise_error(written.error());
  return written.value();
}

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "The C++ library behind the saring package; use `import saring`.";
  m.attr("__version__") = SARING_VERSION;  // CMakeLists.txt's project version
  m.def("_set_default_model_path", [](std::string path) { lang::set_default_model_path(std::move(path)); },
        py::arg("path"));
  m.def("_default_model_path", &lang::default_model_path);
  m.def("options", &options_of, py::arg("function"));
  m.def("extract", &extract_page, py::arg("html"), py::arg("url"), py::arg("options"), py::arg("markdown"),
        py::arg("shape"), py::arg("with_metadata"));
  m.def("extract_many", &extract_many, py::arg("pages"), py::arg("options"), py::arg("markdown"),
        py::arg("shape"), py::arg("with_metadata"), py::arg("threads"));
  m.def("extract_metadata", &extract_metadata, py::arg("html"), py::arg("url"), py::arg("options"));
  m.def("clean", &clean_text, py::arg("text"), py::arg("options"));
  m.def("identify_language", &identify, py::arg("text"));
  m.def("run", &run, py::arg("inputs"), py::arg("output_dir"), py::arg("options"), py::arg("progress"));
  py::class_<RecordReader>(m, "RecordReader")
      .def(py::init<const std::vector<std::string>&, const py::dict&>(), py::arg("paths"), py::arg("options"))
      .def("__iter__", [](RecordReader& r) -> RecordReader& { return r; })
      .def("__next__", &RecordReader::next)
      .def_property_readonly("skipped", &RecordReader::skipped);
  m.def("report", &write_report, py::arg("run_dirs"), py::arg("output"));
}
