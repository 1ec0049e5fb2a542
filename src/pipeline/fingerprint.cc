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

std::string fingerprint(const RunOptions& o) {
  std::ostringstream f;
  f.precision(17);
  f << std::boolalpha;
  auto line = [&](const char* key, const auto& value) { f << key << '=' << value << '\n'; };
  line("format", "saring-run-v2");
  line("shard", std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count));
  line("input.format", io::to_string(o.input_format));
  line("input.max_record_bytes", o.reader.max_record_bytes);
  line("input.max_header_bytes", o.reader.max_header_bytes);
  line("input.keep_non_2xx", o.reader.keep_non_2xx);
  line("input.keep_text_responses", o.reader.keep_text_responses);
  line("output.shard_bytes", o.output_shard_bytes);
  line("output.zstd_level", o.zstd_level);
  line("output.rejected", o.write_rejected);
  line("output.rejected_text", o.rejected_text);
  line("run.batch_items", o.batch_items);
  line("run.batch_bytes", o.batch_bytes);
  const page::PageOptions& p = o.page;
  line("extract.enabled", o.extract_enabled);
  line("extract.parser", html::to_string(p.parse.backend));
  line("extract.max_depth", p.parse.max_depth);
  line("extract.max_bytes", p.parse.max_bytes);
  line("extract.keep_html_comments", p.parse.keep_comments);
  line("extract.include_comments", p.extract.include_comments);
  line("extract.include_tables", p.extract.include_tables);
  line("extract.include_links", p.extract.include_links);
  line("extract.include_images", p.extract.include_images);
  line("extract.include_formatting", p.extract.include_formatting);
  line("extract.focus", static_cast<int>(p.extract.focus));
  line("extract.extensive_date_search", p.meta.extensive_date_search);
  line("extract.date_from_url", p.meta.date_from_url);
  line("extract.original_date", p.meta.original_date);
  line("extract.markdown", p.output == page::OutputText::markdown);
  line("extract.language", p.identify_language);
  line("clean.enabled", o.clean_enabled);
  line("clean.aggressive", o.clean.aggressive);
  line("clean.keep_title", o.clean.keep_title);
  line("clean.unwrap", o.clean.unwrap);
  line("clean.detect_language", o.clean.detect_language);
  line("clean.corpus_min_documents", o.clean.corpus_min_documents);
  line("clean.corpus_min_shared_lines", o.clean.corpus_min_shared_lines);
  line("clean.max_bytes", o.clean.max_bytes);
  line("lang.enabled", o.lang_enabled);
  std::string languages;
  for (const auto& l : o.languages) languages += l + ",";
  line("lang.languages", languages);
  line("lang.min_score", o.min_language_score);
  line("lang.model", o.model_path);
  line("filter.enabled", o.filter_enabled);
  f << filter::describe(o.filter);
  line("dedup.enabled", o.dedup_enabled);
  line("dedup.exact", o.dedup_index.exact);
  line("dedup.near", o.dedup_index.near);
  line("dedup.shingle_size", o.minhash.shingle_size);
  line("dedup.bands", o.minhash.num_bands);
  line("dedup.rows", o.minhash.rows_per_band);
  line("dedup.seed", o.minhash.seed);
  return f.str();
}

}  // namespace saring::pipeline
