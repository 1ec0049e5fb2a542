// Python module `saring`: extract(), clean(), identify_language() and
// report(), thin
// wrappers over the C++ library. extract() returns the page's record
// (page::to_record) as a dict with the fields of saring extract's JSON in the
// same order; its `source` is None (the page came from the caller). Errors,
// a missing language model among them, raise ValueError with the library's
// message.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "saring/clean.h"
#include "saring/lang.h"
#include "saring/page.h"
#include "saring/report.h"

namespace py = pybind11;
using namespace saring;

namespace {

py::object opt(const std::optional<std::string>& v) {
  return v ? py::object(py::str(*v)) : py::object(py::none());
}

py::object to_python(const MetaValue& v) {
  struct Visit {
    py::object operator()(std::monostate) { return py::none(); }
    py::object operator()(bool b) { return py::bool_(b); }
    py::object operator()(int64_t i) { return py::int_(i); }
    py::object operator()(double d) { return py::float_(d); }
    py::object operator()(const std::string& s) { return py::str(s); }
    py::object operator()(const std::vector<std::string>& list) { return py::cast(list); }
  };
  return std::visit(Visit{}, v);
}

std::string as_bytes(const py::object& o) {
  if (py::isinstance<py::bytes>(o)) return o.cast<std::string>();
  if (py::isinstance<py::str>(o)) return o.cast<std::string>();
  throw py::type_error("expected str or bytes");
}

extract::Focus focus_from(const std::string& s) {
  if (s == "balanced") return extract::Focus::balanced;
  if (s == "precision") return extract::Focus::precision;
  if (s == "recall") return extract::Focus::recall;
  throw py::value_error("focus must be 'balanced', 'precision' or 'recall'");
}

py::dict extract_page(const py::object& html, const std::string& url, const std::string& format,
                      bool comments, bool tables, bool links, bool images,
                      const std::string& focus, bool language, const std::string& parser) {
  page::PageOptions options;
  options.extract.include_comments = comments;
  options.extract.include_tables = tables;
  options.extract.include_links = links;
  options.extract.include_images = images;
  options.extract.focus = focus_from(focus);
  options.identify_language = language;
  if (format == "md") options.output = page::OutputText::markdown;
  else if (format != "txt") throw py::value_error("format must be 'txt' or 'md'");
  auto backend = html::backend_from_string(parser);
  if (!backend.ok()) throw py::value_error(backend.error().message);
  options.parse.backend = backend.value();

  std::string bytes = as_bytes(html);
  Result<page::PageResult> result = make_error(ErrorCode::internal, "not run");
  {
    py::gil_scoped_release release;
    result = page::process_page({bytes, url, {}}, options);
  }
  if (!result.ok()) throw py::value_error(result.error().describe());
  Record record;
  page::to_record(std::move(result.value()), url, record);
  py::dict d;  // keys keep insertion order: the CLI's order
  d["url"] = record.url.empty() ? py::object(py::none()) : py::object(py::str(record.url));
  for (const auto& [key, value] : record.metadata) d[py::str(key)] = to_python(value);
  d["text"] = record.text;
  d["source"] = py::none();
  return d;
}

py::dict clean_text(const std::string& text, bool aggressive, bool language) {
  clean::CleanOptions options;
  options.aggressive = aggressive;
  options.detect_language = language;
  Result<clean::CleanResult> result = make_error(ErrorCode::internal, "not run");
  {
    py::gil_scoped_release release;
    result = clean::clean_document(text, options);
  }
  if (!result.ok()) throw py::value_error(result.error().describe());
  const auto& r = result.value();
  py::dict d;
  d["text"] = r.text;
  d["title"] = opt(r.title);
  d["date"] = opt(r.date);
  d["dateline"] = opt(r.dateline);
  d["author"] = opt(r.author);
  d["sources"] = r.sources;
  d["language"] = r.language.empty() ? py::object(py::none()) : py::object(py::str(r.language));
  py::list removed;
  for (const auto& rm : r.removed) {
    py::dict x;
    x["line"] = rm.line;
    x["reason"] = std::string(clean::to_string(rm.reason));
    x["text"] = rm.text;
    removed.append(x);
  }
  d["removed"] = removed;
  return d;
}

py::object identify(const std::string& text) {
  auto id = lang::require_shared_identifier();
  if (!id.ok()) throw py::value_error(id.error().describe());
  lang::Guess g;
  {
    py::gil_scoped_release release;
    g = id.value()->identify(text);
  }
  if (g.code.empty()) return py::none();
  return py::make_tuple(g.code, g.score);
}

// One folder or a list of them; returns the path of the page written.
std::string write_report(const py::object& run_dirs, const std::string& output) {
  report::ReportOptions options;
  if (py::isinstance<py::str>(run_dirs)) options.run_dirs.push_back(run_dirs.cast<std::string>());
  else options.run_dirs = run_dirs.cast<std::vector<std::string>>();
  options.output = output;
  Result<std::string> written = make_error(ErrorCode::invalid_input, "");
  {
    py::gil_scoped_release release;
    written = report::write_report(options);
  }
  if (!written.ok()) throw py::value_error(written.error().message);
  return written.value();
}

}  // namespace

PYBIND11_MODULE(saring, m) {
  m.doc() = "saring: clean, structured, deduplicated text from web captures";
  m.def("extract", &extract_page, py::arg("html"), py::arg("url") = "", py::kw_only(),
        py::arg("format") = "txt", py::arg("comments") = false, py::arg("tables") = true,
        py::arg("links") = false, py::arg("images") = false, py::arg("focus") = "balanced",
        py::arg("language") = true, py::arg("parser") = "native",
        "Main text and metadata of one HTML page (str or bytes in any charset).");
  m.def("clean", &clean_text, py::arg("text"), py::kw_only(), py::arg("aggressive") = false,
        py::arg("language") = true,
        "Repairs one text dump: returns the kept text, metadata and every removed line with its reason.");
  m.def("identify_language", &identify, py::arg("text"),
        "(code, probability) of the text's language, or None when too short to tell.");
  m.def("report", &write_report, py::arg("run_dirs"), py::kw_only(), py::arg("output") = "",
        "Writes the HTML report of one saring run folder, or of a list of them (the shards of a "
        "multi-machine run, added up); returns its path (default: report.html in the first folder).");
}
