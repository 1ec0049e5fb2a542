#include "summary.h"

#include <algorithm>

#include "saring/io.h"

namespace saring::report {

namespace {

using nlohmann::json;

// Adds `from` into `into`: numbers add, objects by key, arrays element by
// element (histogram counts); a missing value is taken whole. Anything
// else keeps `into`'s value.
void add_up(json& into, const json& from) {
  if (into.is_null()) {
    into = from;
  } else if (into.is_number_unsigned() && from.is_number_unsigned()) {
    into = into.get<uint64_t>() + from.get<uint64_t>();
  } else if (into.is_number() && from.is_number()) {
    into = into.get<double>() + from.get<double>();
  } else if (into.is_object() && from.is_object()) {
    for (const auto& [k, v] : from.items()) {
      if (into.contains(k)) add_up(into[k], v);
      else into[k] = v;
    }
  } else if (into.is_array() && from.is_array() && into.size() == from.size()) {
    for (size_t i = 0; i < into.size(); ++i) add_up(into[i], from[i]);
  }
}

// Histograms add when their bins are the same.
Status add_histogram(json& into, const json& from, const std::string& what) {
  if (into.at("lower") != from.at("lower"))
    return make_error(ErrorCode::invalid_input, what + ": the runs bin it differently (made by different saring versions?)");
  add_up(into.at("counts"), from.at("counts"));
  return ok_status();
}

// The examples of each reason over all runs: the lowest hashes (ties by id).
void add_examples(json& into, const json& from) {
  for (const auto& [reason, list] : from.items()) {
    json& all = into[reason];
    if (!all.is_array()) all = json::array();
    for (const auto& e : list) all.push_back(e);
    std::sort(all.begin(), all.end(), [](const json& a, const json& b) {
      return std::pair(a.at("hash").get<std::string>(), a.at("id").get<std::string>()) <
             std::pair(b.at("hash").get<std::string>(), b.at("id").get<std::string>());
    });
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (all.size() > kExamplesPerReason) all.erase(all.begin() + kExamplesPerReason, all.end());
  }
}

Status add_run(json& sum, const json& run) {
  for (const char* key : {"documents", "bytes", "rejected_by_stage", "skipped_by_reader", "seconds"})
    add_up(sum[key], run.at(key));
  sum["inputs"] = sum.value("inputs", uint64_t{0}) + run.at("inputs").get<uint64_t>();
  sum["threads"] = sum.value("threads", uint64_t{0}) + run.at("threads").get<uint64_t>();
  sum["complete"] = sum.value("complete", true) && run.at("complete").get<bool>();
  // Machines run side by side: the run took as long as the slowest.
  sum["wall_seconds"] = std::max(sum.value("wall_seconds", 0.0), run.at("wall_seconds").get<double>());
  add_up(sum["dedup"], run.at("dedup"));
  sum["shards"].push_back(run.at("shard"));
  if (!sum.contains("bounds")) sum["bounds"] = run.at("bounds");

  const json& p = run.at("profile");
  json& q = sum["profile"];
  for (const char* key : {"languages", "domains", "extraction_stages", "charsets", "rejected_raw_bytes",
                          "rejected_text_bytes", "duplicate_clusters"})
    add_up(q[key], p.at(key));
  if (!q.contains("text_length")) q["text_length"] = p.at("text_length");
  else if (auto st = add_histogram(q["text_length"], p.at("text_length"), "text_length"); !st.ok()) return st;
  // A run without filters has no figures: the sum still has the (empty) key.
  if (!q.contains("figures")) q["figures"] = json::object();
  for (const auto& [name, h] : p.at("figures").items()) {
    if (!q["figures"].contains(name)) q["figures"][name] = h;
    else if (auto st = add_histogram(q["figures"][name], h, name); !st.ok()) return st;
  }
  add_examples(q["examples"], p.at("examples"));
  return ok_status();
}

// Shares and rates from the sums.
void derive(json& sum) {
  double cpu = 0;
  for (const auto& [k, v] : sum["seconds"].items()) cpu += v.get<double>();
  json share = json::object();
  for (const auto& [k, v] : sum["seconds"].items()) share[k] = cpu > 0 ? v.get<double>() / cpu : 0.0;
  sum["stage_share"] = share;
  const double wall = sum["wall_seconds"].get<double>();
  const auto& d = sum["documents"];
  const auto& b = sum["bytes"];
  sum["throughput"] = {
      {"docs_per_second", wall > 0 ? d.at("read").get<double>() / wall : 0.0},
      {"raw_mb_per_second", wall > 0 ? b.at("raw").get<double>() / 1e6 / wall : 0.0},
      {"html_mb_per_second", wall > 0 ? b.at("html").get<double>() / 1e6 / wall : 0.0}};
}

}  // namespace

Result<json> load_runs(const std::vector<std::string>& run_dirs) {
  if (run_dirs.empty()) return make_error(ErrorCode::invalid_input, "no run folder given");
  json sum = json::object();
  sum["runs"] = run_dirs;
  sum["shards"] = json::array();
  for (const auto& dir : run_dirs) {
    const std::string path = dir + "/stats.json";
    auto text = io::read_all(path, 256ull << 20);
    if (!text.ok())
      return make_error(ErrorCode::io, path + ": cannot read it (is " + dir + " the output folder of saring run?)");
    json run = json::parse(*text, nullptr, false);
    if (run.is_discarded() || !run.is_object())
      return make_error(ErrorCode::parse, path + ": not a saring stats file");
    if (!run.contains("profile"))
      return make_error(ErrorCode::invalid_input,
                        path + ": holds no report data (written by an older saring); run it again with --overwrite");
    try {
      if (auto st = add_run(sum, run); !st.ok()) return make_error(st.error().code, path + ": " + st.error().message);
    } catch (const json::exception& e) {
      return make_error(ErrorCode::parse, path + ": malformed (" + std::string(e.what()) + ")");
    }
  }
  derive(sum);
  return sum;
}

}  // namespace saring::report
