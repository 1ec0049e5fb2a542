// The settings of a run that change its output, as canonical text.
//
// A resumed run must be the same run: the journal keeps this text and a run
// whose text differs is refused. It is built from the RunOptions themselves,
// not from the flags or config file that set them, so flag order, a flag
// given twice or a setting moved between the command line and the config
// make no difference, and any caller (CLI, Python, a distributed runner)
// that asks for the same run gets the same text. Settings that change only
// speed or where things go (threads, inputs, output directory, --overwrite)
// are left out; the inputs are added by run() with their sizes.
#include <sstream>

#include "saring/pipeline.h"

namespace saring::pipeline {

namespace {

// A value as the fingerprint writes it: booleans as true/false, numbers with
// all the digits that tell two doubles apart.
template <typename V>
std::string text(const V& value) {
  std::ostringstream s;
  s.precision(17);
  s << std::boolalpha << value;
  return s.str();
}

// One line of the fingerprint: `key=value`, or with no key the value's own
// lines (the filter rules describe themselves).
struct Setting {
  const char* key;
  std::string (*value)(const RunOptions&);
};

// The settings that change a run's output, in the order of the text.
const Setting kSettings[] = {
    {"format", [](const RunOptions&) { return std::string("saring-run-v2"); }},
    {"saring.version", [](const RunOptions&) { return std::string(SARING_VERSION); }},
    {"shard",
     [](const RunOptions& o) {
       return std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
     }},
    {"input.format", [](const RunOptions& o) { return text(io::to_string(o.input_format)); }},
    {"input.max_record_bytes", [](const RunOptions& o) { return text(o.reader.max_record_bytes); }},
    {"input.max_header_bytes", [](const RunOptions& o) { return text(o.reader.max_header_bytes); }},
    {"input.keep_non_2xx", [](const RunOptions& o) { return text(o.reader.keep_non_2xx); }},
    {"input.keep_text_responses",
     [](const RunOptions& o) { return text(o.reader.keep_text_responses); }},
    {"output.shard_bytes", [](const RunOptions& o) { return text(o.output_shard_bytes); }},
    {"output.zstd_level", [](const RunOptions& o) { return text(o.zstd_level); }},
    {"output.rejected", [](const RunOptions& o) { return text(o.write_rejected); }},
    {"output.rejected_text", [](const RunOptions& o) { return text(o.rejected_text); }},
    {"run.batch_items", [](const RunOptions& o) { return text(o.batch_items); }},
    {"run.batch_bytes", [](const RunOptions& o) { return text(o.batch_bytes); }},
    {"extract.enabled", [](const RunOptions& o) { return text(o.extract_enabled); }},
    {"extract.parser",
     [](const RunOptions& o) { return text(html::to_string(o.page.parse.backend)); }},
    {"extract.max_depth", [](const RunOptions& o) { return text(o.page.parse.max_depth); }},
    {"extract.max_bytes", [](const RunOptions& o) { return text(o.page.parse.max_bytes); }},
    {"extract.keep_html_comments",
     [](const RunOptions& o) { return text(o.page.parse.keep_comments); }},
    {"extract.include_comments",
     [](const RunOptions& o) { return text(o.page.extract.include_comments); }},
    {"extract.include_tables",
     [](const RunOptions& o) { return text(o.page.extract.include_tables); }},
    {"extract.include_links",
     [](const RunOptions& o) { return text(o.page.extract.include_links); }},
    {"extract.include_images",
     [](const RunOptions& o) { return text(o.page.extract.include_images); }},
    {"extract.include_formatting",
     [](const RunOptions& o) { return text(o.page.extract.include_formatting); }},
    {"extract.focus",
     [](const RunOptions& o) { return text(static_cast<int>(o.page.extract.focus)); }},
    {"extract.extensive_date_search",
     [](const RunOptions& o) { return text(o.page.meta.extensive_date_search); }},
    {"extract.date_from_url", [](const RunOptions& o) { return text(o.page.meta.date_from_url); }},
    {"extract.original_date", [](const RunOptions& o) { return text(o.page.meta.original_date); }},
    {"extract.markdown",
     [](const RunOptions& o) { return text(o.page.output == page::OutputText::markdown); }},
    {"extract.language", [](const RunOptions& o) { return text(o.page.identify_language); }},
    {"clean.enabled", [](const RunOptions& o) { return text(o.clean_enabled); }},
    {"clean.aggressive", [](const RunOptions& o) { return text(o.clean.aggressive); }},
    {"clean.keep_title", [](const RunOptions& o) { return text(o.clean.keep_title); }},
    {"clean.unwrap", [](const RunOptions& o) { return text(o.clean.unwrap); }},
    {"clean.detect_language", [](const RunOptions& o) { return text(o.clean.detect_language); }},
    {"clean.corpus",
     [](const RunOptions& o) {
       return text(o.corpus || o.corpus_count_only || !o.corpus_lines.empty());
     }},
    {"clean.corpus_min_documents",
     [](const RunOptions& o) { return text(o.clean.corpus_min_documents); }},
    {"clean.corpus_min_shared_lines",
     [](const RunOptions& o) { return text(o.clean.corpus_min_shared_lines); }},
    {"clean.max_bytes", [](const RunOptions& o) { return text(o.clean.max_bytes); }},
    {"lang.enabled", [](const RunOptions& o) { return text(o.lang_enabled); }},
    {"lang.languages",
     [](const RunOptions& o) {
       std::string languages;
       for (const auto& l : o.languages) languages += l + ",";
       return languages;
     }},
    {"lang.min_score", [](const RunOptions& o) { return text(o.min_language_score); }},
    {"lang.model", [](const RunOptions& o) { return text(o.model_path); }},
    {"filter.enabled", [](const RunOptions& o) { return text(o.filter_enabled); }},
    {"", [](const RunOptions& o) { return filter::describe(o.filter); }},
    {"dedup.enabled", [](const RunOptions& o) { return text(o.dedup_enabled); }},
    {"dedup.exact", [](const RunOptions& o) { return text(o.dedup_index.exact); }},
    {"dedup.near", [](const RunOptions& o) { return text(o.dedup_index.near); }},
    {"dedup.shingle_size", [](const RunOptions& o) { return text(o.minhash.shingle_size); }},
    {"dedup.bands", [](const RunOptions& o) { return text(o.minhash.num_bands); }},
    {"dedup.rows", [](const RunOptions& o) { return text(o.minhash.rows_per_band); }},
    {"dedup.seed", [](const RunOptions& o) { return text(o.minhash.seed); }},
};

}  // namespace

std::string fingerprint(const RunOptions& o) {
  std::string f;
  for (const Setting& s : kSettings) {
    if (*s.key) f.append(s.key).append("=").append(s.value(o)).push_back('\n');
    else f += s.value(o);
  }
  return f;
}

}  // namespace saring::pipeline
