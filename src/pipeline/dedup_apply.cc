// Global deduplication across the shards of a run: merging their indexes,
// and applying the merged decisions to one shard's output.
//
// Applying. A shard's own dedup index lists, in input order, every document
// that reached dedup: the ones it kept (its kept lines, in the same order)
// and the ones it rejected as duplicates (its rejected lines of stage dedup,
// in the same order). Its own decisions, worked out from its index, say
// which is which, so the i-th kept line is the i-th locally kept document
// (each line's id is checked against it). The merged file gives the global
// decision of each of them. A kept document that the merge finds to
// duplicate an earlier one moves to rejected/; a rejected duplicate whose
// kept document turns out to be itself a duplicate of an earlier shard's
// names that one instead (and an exact match may replace a near one). A
// document the shard rejected can never be kept globally: the document it
// matched is still there, earlier.
//
// Atomicity. Every file that changes is written under .saring/apply/ first;
// then .saring/apply.json, the plan (which staged file replaces which file,
// which files go), is written atomically: that is the commit. Then the
// files are renamed into place and the plan is marked done. A kill before
// the commit leaves the outputs untouched (the staging is discarded on the
// next try); after it, running apply again carries the plan out.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>

#include "outdir.h"
#include "output_lock.h"
#include "saring/io.h"
#include "saring/pipeline.h"

namespace saring::pipeline {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kPlanFile = "apply.json";
constexpr const char* kStagingDir = "apply";
constexpr uint64_t kMaxShardBytes = uint64_t{16} << 30;  // decoded shard read whole

std::string json_text(const Json& v) {
  io::JsonWriter w;
  io::write_json_tree(w, v);
  return w.take() + "\n";
}

Result<Json> read_json(const std::string& path) {
  auto text = io::read_all(path, 256ull << 20);
  if (!text.ok()) return text.error();
  Json j = Json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error(ErrorCode::parse, path + ": not a JSON object");
  return j;
}

// A setting of the run, from its fingerprint ("key=value" lines).
std::string setting(const std::string& fingerprint, const std::string& key) {
  const std::string prefix = key + "=";
  size_t at = 0;
  while (at < fingerprint.size()) {
    size_t nl = fingerprint.find('\n', at);
    if (nl == std::string::npos) nl = fingerprint.size();
    if (fingerprint.compare(at, prefix.size(), prefix) == 0)
      return fingerprint.substr(at + prefix.size(), nl - at - prefix.size());
    at = nl + 1;
  }
  return {};
}

// A line written for document `id` starts with its id (the writers put it first).
bool line_has_id(std::string_view line, std::string_view id) {
  std::string prefix = "{\"id\":";
  io::append_json_string(prefix, id);
  return line.size() > prefix.size() && line.substr(0, prefix.size()) == prefix &&
         (line[prefix.size()] == ',' || line[prefix.size()] == '}');
}

std::vector<std::string_view> split_lines(const std::string& text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    lines.emplace_back(text.data() + at, nl - at);
    at = nl + 1;
  }
  return lines;
}

std::string reason_of(dedup::DupKind kind) { return "dedup:" + std::string(dedup::to_string(kind)); }

// The global decision that replaces a local one.
struct Change {
  dedup::DupKind kind;
  std::string dup_of;
};

// What an apply changes in the counts, in stats.json and the journal alike.
struct CountChanges {
  int64_t kept = 0, rejected = 0, text_bytes = 0;
  std::map<std::string, int64_t> reasons;  // "dedup:exact" -> change
};

// The one place that turns an apply's changes into counts: stats.json (as
// `saring run` lays it out) and the journal's counts, which a run rewrites
// stats.json from.
void update_counts(Json& stats, Json& journal, const CountChanges& c, const Json& applied) {
  auto add = [](Json& obj, const std::string& key, int64_t delta) {
    if (delta == 0) return;
    const int64_t now = (obj.contains(key) ? obj[key].get<int64_t>() : 0) + delta;
    if (now == 0) obj.erase(key);
    else obj[key] = now;
  };
  Json& docs = stats["documents"];
  docs["kept"] = docs.value("kept", int64_t{0}) + c.kept;
  docs["rejected"] = docs.value("rejected", int64_t{0}) + c.rejected;
  stats["bytes"]["text_kept"] = stats["bytes"].value("text_kept", int64_t{0}) + c.text_bytes;
  Json& by_stage = stats["rejected_by_stage"];
  for (const auto& [reason, delta] : c.reasons) add(by_stage["dedup"], reason, delta);
  if (by_stage.contains("dedup") && by_stage["dedup"].empty()) by_stage.erase("dedup");
  stats["dedup"]["applied"] = applied;

  Json& counts = journal["counts"];
  counts["kept"] = counts.value("kept", int64_t{0}) + c.kept;
  counts["rejected"] = counts.value("rejected", int64_t{0}) + c.rejected;
  counts["text_bytes_out"] = counts.value("text_bytes_out", int64_t{0}) + c.text_bytes;
  for (const auto& [reason, delta] : c.reasons) add(counts["reasons"], "dedup\t" + reason, delta);
}

// Writes the lines of one rewritten shard into the staging folder; false
// when no line is left (the shard is then removed).
Result<bool> stage_shard(const std::string& dir, uint32_t number, int zstd_level,
                         const std::vector<std::string>& lines) {
  if (lines.empty()) return false;
  io::ShardOptions o;
  o.dir = dir;
  o.prefix = kShardPrefix;
  o.extension = kShardExt;
  o.zstd_level = zstd_level;
  o.first_index = number;
  o.max_shard_bytes = UINT64_MAX;
  o.auto_rotate = false;
  auto w = io::ShardedWriter::create(o);
  if (!w.ok()) return w.error();
  for (const auto& l : lines)
    if (auto st = (*w)->write_line(l); !st.ok()) return st.error();
  auto done = (*w)->finish_shard();
  if (!done.ok()) return done.error();
  return true;
}

// Carries out a committed plan: renames what is still staged, removes what
// goes, marks the plan done. Safe to repeat after a kill at any point.
Status carry_out(const std::string& out, Json& plan, const ApplyOptions& options) {
  bool first = true;
  for (const auto& r : plan["renames"]) {
    const std::string from = out + "/" + r[0].get<std::string>();
    const std::string to = out + "/" + r[1].get<std::string>();
    std::error_code ec;
    if (!fs::exists(from, ec)) continue;  // moved before a kill
    fs::rename(from, to, ec);
    if (ec) return make_error(ErrorCode::io, "cannot move " + from + " to " + to + ": " + ec.message());
    if (first && options.test_hook) options.test_hook("apply:moved");
    first = false;
  }
  for (const auto& d : plan["removes"]) {
    std::error_code ec;
    fs::remove(out + "/" + d.get<std::string>(), ec);
  }
  plan["state"] = "done";
  auto st = io::write_file_atomic(out + "/" + kStateDir + "/" + kPlanFile, json_text(plan));
  if (!st.ok()) return st;
  std::error_code ec;
  fs::remove_all(out + "/" + kStateDir + "/" + kStagingDir, ec);
  return ok_status();
}

ApplyResult result_of(const Json& plan) {
  ApplyResult r;
  r.moved = plan.value("moved", uint64_t{0});
  r.relabelled = plan.value("relabelled", uint64_t{0});
  return r;
}

}  // namespace

Result<dedup::MergeSummary> merge_dedup_indexes(const std::vector<std::string>& outdirs_or_indexes,
                                                const std::string& merged) {
  std::vector<std::string> files;
  for (const auto& p : outdirs_or_indexes) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    const std::string index = p + "/" + kFinalIndex;
    if (!fs::exists(index, ec))
      return make_error(ErrorCode::invalid_input,
                        p + " has no " + kFinalIndex + " (is its run complete, with dedup on?)");
    files.push_back(index);
  }
  return dedup::merge_index_files(files, merged);
}

Result<ApplyResult> apply_dedup(const ApplyOptions& options) {
  const std::string out = options.output_dir;
  const std::string state = out + "/" + kStateDir;
  const std::string plan_path = state + "/" + kPlanFile;
  const std::string staging = state + "/" + kStagingDir;
  std::error_code ec;
  if (!fs::exists(state + "/" + kJournal, ec))
    return make_error(ErrorCode::invalid_input, out + " holds no saring run");
  auto lock = OutputLock::acquire(out);
  if (!lock.ok()) return lock.error();
  auto merged_id = dedup::index_file_checksum(options.merged);
  if (!merged_id.ok()) return merged_id.error();

  // An apply done, or committed and then killed.
  if (fs::exists(plan_path, ec)) {
    auto plan = read_json(plan_path);
    if (!plan.ok()) return plan.error();
    if (plan->value("merged", std::string()) != *merged_id)
      return make_error(ErrorCode::invalid_input,
                        out + " has had another merged index applied (" + plan->value("merged", std::string()) +
                            "); run the shard again with --overwrite to apply a different one");
    ApplyResult r = result_of(*plan);
    if (plan->value("state", std::string()) == "done") {
      r.already_applied = true;
      return r;
    }
    if (auto st = carry_out(out, *plan, options); !st.ok()) return st.error();
    r.resumed = true;
    return r;
  }
  fs::remove_all(staging, ec);  // staged by an apply killed before its commit

  auto journal = read_json(state + "/" + kJournal);
  if (!journal.ok()) return journal.error();
  if (!journal->value("complete", false))
    return make_error(ErrorCode::invalid_input, out + ": the run is not complete; finish it first");
  const std::string fingerprint = journal->value("fingerprint", std::string());
  if (setting(fingerprint, "dedup.enabled") != "true" || !fs::exists(out + "/" + kFinalIndex, ec))
    return make_error(ErrorCode::invalid_input, out + ": the run had dedup off; nothing to apply");
  const bool write_rejected = setting(fingerprint, "output.rejected") == "true";
  const bool rejected_text = setting(fingerprint, "output.rejected_text") == "true";
  const int zstd_level = std::atoi(setting(fingerprint, "output.zstd_level").c_str());
  const uint64_t shard_bytes = std::strtoull(setting(fingerprint, "output.shard_bytes").c_str(), nullptr, 10);

  // Local and global decisions of this shard's documents, side by side.
  auto local = dedup::read_decisions(out + "/" + kFinalIndex, 0, UINT64_MAX);
  if (!local.ok()) return local.error();
  const uint64_t shard = local->empty() ? 0 : local->front().seq >> 40;
  for (const auto& d : *local)
    if ((d.seq >> 40) != shard) return make_error(ErrorCode::parse, out + ": its index spans several shards");
  std::vector<dedup::Decision> global;
  if (!local->empty()) {
    auto g = dedup::read_decisions(options.merged, dedup::make_seq(static_cast<uint32_t>(shard), 0),
                                   dedup::make_seq(static_cast<uint32_t>(shard + 1), 0));
    if (!g.ok()) return g.error();
    global = std::move(g.value());
  }
  bool same_documents = global.size() == local->size();
  for (size_t i = 0; same_documents && i < global.size(); ++i)
    same_documents = global[i].seq == (*local)[i].seq && global[i].id == (*local)[i].id;
  if (!same_documents)
    return make_error(ErrorCode::invalid_input,
                      options.merged + " does not hold the documents of " + out +
                          " (merge this shard's index into it)");

  // The changes, by position among the kept lines and the dedup rejections.
  std::vector<std::optional<Change>> kept_changes, rejected_changes;
  std::vector<std::string> kept_ids, rejected_ids;
  CountChanges counts;
  uint64_t moved = 0, relabelled = 0;
  for (size_t i = 0; i < global.size(); ++i) {
    const dedup::Verdict& was = (*local)[i].verdict;
    const dedup::Verdict& now = global[i].verdict;
    std::optional<Change> change;
    if (now.kind != was.kind || now.dup_of_id != was.dup_of_id) change = Change{now.kind, now.dup_of_id};
    if (!was.duplicate()) {
      if (change) {
        ++moved;
        --counts.kept;
        ++counts.rejected;
        ++counts.reasons[reason_of(now.kind)];
      }
      kept_changes.push_back(std::move(change));
      kept_ids.push_back((*local)[i].id);
    } else {
      if (!now.duplicate())
        return make_error(ErrorCode::internal, "dedup apply: " + global[i].id + " is kept globally but not locally");
      if (change) {
        ++relabelled;
        --counts.reasons[reason_of(was.kind)];
        ++counts.reasons[reason_of(now.kind)];
      }
      rejected_changes.push_back(std::move(change));
      rejected_ids.push_back((*local)[i].id);
    }
  }

  Json plan;
  plan["version"] = 1;
  plan["merged"] = *merged_id;
  plan["state"] = "committed";
  plan["moved"] = moved;
  plan["relabelled"] = relabelled;
  plan["renames"] = Json::array();
  plan["removes"] = Json::array();
  auto stage_rename = [&](const std::string& staged_rel, const std::string& final_rel) {
    plan["renames"].push_back(Json::array({staged_rel, final_rel}));
  };
  const std::string staging_rel = std::string(kStateDir) + "/" + kStagingDir;
  auto mismatch = [&](const std::string& file) {
    return make_error(ErrorCode::invalid_input,
                      file + " does not match " + out + "/" + kFinalIndex + " (files changed after the run?)");
  };

  // Kept shards: the moved documents leave; their lines become rejected ones.
  std::vector<std::string> moved_lines;
  size_t k = 0;
  for (const auto& name : shard_files(out)) {
    auto text = io::read_all(out + "/" + name, kMaxShardBytes);
    if (!text.ok()) return text.error();
    std::vector<std::string> lines;
    bool changed = false;
    for (std::string_view line : split_lines(*text)) {
      if (k >= kept_ids.size() || !line_has_id(line, kept_ids[k])) return mismatch(out + "/" + name);
      const auto& change = kept_changes[k++];
      if (!change) {
        lines.emplace_back(line);
        continue;
      }
      changed = true;
      Json doc = Json::parse(line, nullptr, false);
      if (doc.is_discarded()) return mismatch(out + "/" + name);
      counts.text_bytes -= static_cast<int64_t>(doc.value("text", std::string()).size());
      if (!write_rejected) continue;
      // The line saring run writes for a duplicate (stages.cc, rejected_line).
      io::JsonWriter w;
      w.begin_object();
      w.key("id");
      io::write_json_tree(w, doc["id"]);
      w.key("url");
      io::write_json_tree(w, doc["url"]);
      w.key("stage");
      w.string("dedup");
      w.key("reason");
      w.string(reason_of(change->kind));
      w.key("dup_of");
      w.string(change->dup_of);
      w.key("source");
      io::write_json_tree(w, doc["source"]);
      if (rejected_text && doc.contains("text") && !doc["text"].get_ref<const std::string&>().empty()) {
        w.key("text");
        io::write_json_tree(w, doc["text"]);
      }
      w.end_object();
      moved_lines.push_back(w.take());
    }
    if (!changed) continue;
    auto staged = stage_shard(out + "/" + staging_rel + "/kept", static_cast<uint32_t>(shard_number(name)),
                              zstd_level, lines);
    if (!staged.ok()) return staged.error();
    if (*staged) stage_rename(staging_rel + "/kept/" + name, name);
    else plan["removes"].push_back(name);
  }
  if (k != kept_ids.size()) return mismatch(out);

  // Rejected shards: duplicates take their global reason and dup_of.
  const std::string rejected_dir = out + "/" + kRejectedDir;
  size_t r = 0;
  for (const auto& name : shard_files(rejected_dir)) {
    auto text = io::read_all(rejected_dir + "/" + name, kMaxShardBytes);
    if (!text.ok()) return text.error();
    std::vector<std::string> lines;
    bool changed = false;
    for (std::string_view line : split_lines(*text)) {
      lines.emplace_back(line);
      // Names are escaped inside strings, so this is the stage field itself.
      if (line.find("\"stage\":\"dedup\"") == std::string_view::npos ||
          line.find("\"reason\":\"dedup:error\"") != std::string_view::npos)
        continue;
      if (r >= rejected_ids.size() || !line_has_id(line, rejected_ids[r])) return mismatch(rejected_dir + "/" + name);
      const auto& change = rejected_changes[r++];
      if (!change) continue;
      Json doc = Json::parse(line, nullptr, false);
      if (doc.is_discarded()) return mismatch(rejected_dir + "/" + name);
      doc["reason"] = reason_of(change->kind);
      doc["dup_of"] = change->dup_of;
      io::JsonWriter w;
      io::write_json_tree(w, doc);
      lines.back() = w.take();
      changed = true;
    }
    if (!changed) continue;
    auto staged = stage_shard(out + "/" + staging_rel + "/rejected", static_cast<uint32_t>(shard_number(name)),
                              zstd_level, lines);
    if (!staged.ok()) return staged.error();
    stage_rename(staging_rel + "/rejected/" + name, std::string(kRejectedDir) + "/" + name);
  }
  if (write_rejected && r != rejected_ids.size()) return mismatch(rejected_dir);

  // The moved documents: new rejected shards after the run's last.
  uint64_t rejected_next = journal->value("rejected_next", uint64_t{0});
  if (!moved_lines.empty()) {
    io::ShardOptions o;
    o.dir = out + "/" + staging_rel + "/rejected";
    o.prefix = kShardPrefix;
    o.extension = kShardExt;
    o.zstd_level = zstd_level;
    o.first_index = static_cast<uint32_t>(rejected_next);
    o.max_shard_bytes = shard_bytes > 0 ? shard_bytes : UINT64_MAX;
    auto w = io::ShardedWriter::create(o);
    if (!w.ok()) return w.error();
    for (const auto& l : moved_lines)
      if (auto st = (*w)->write_line(l); !st.ok()) return st.error();
    if (auto done = (*w)->finish_shard(); !done.ok()) return done.error();
    for (const auto& info : (*w)->finished())
      stage_rename(staging_rel + "/rejected/" + info.name, std::string(kRejectedDir) + "/" + info.name);
    rejected_next = (*w)->next_index();
  }

  // Counts, in stats.json and the journal.
  auto stats = read_json(out + "/" + kStatsFile);
  if (!stats.ok()) return stats.error();
  Json applied;
  applied["merged"] = *merged_id;
  applied["moved_to_rejected"] = moved;
  applied["relabelled"] = relabelled;
  update_counts(*stats, *journal, counts, applied);
  (*journal)["rejected_next"] = rejected_next;
  fs::create_directories(out + "/" + staging_rel, ec);
  if (ec) return make_error(ErrorCode::io, out + "/" + staging_rel + ": " + ec.message());
  for (const auto& [file, json] : {std::pair{std::string(kStatsFile), &*stats},
                                   std::pair{std::string(kJournal), &*journal}}) {
    auto st = io::write_file_atomic(out + "/" + staging_rel + "/" + file, json_text(*json));
    if (!st.ok()) return st.error();
  }
  // The counts move after the shards they count.
  stage_rename(staging_rel + "/" + kStatsFile, kStatsFile);
  stage_rename(staging_rel + "/" + kJournal, std::string(kStateDir) + "/" + kJournal);
  if (options.test_hook) options.test_hook("apply:staged");

  // The commit.
  if (auto st = io::write_file_atomic(plan_path, json_text(plan)); !st.ok()) return st.error();
  if (options.test_hook) options.test_hook("apply:committed");
  if (auto st = carry_out(out, plan, options); !st.ok()) return st.error();
  return result_of(plan);
}

}  // namespace saring::pipeline
