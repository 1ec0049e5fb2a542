// Integration tests of `saring run`'s engine: the same bytes whatever the
// thread count, the same bytes after a kill and a resume, and bad inputs
// turned into per-record rejections while the run goes on.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <nlohmann/json.hpp>

#include "saring/io.h"
#include "support/test_support.h"
#include "saring/lang.h"
#include "saring/pipeline.h"

namespace saring::pipeline {
namespace {

namespace fs = std::filesystem;

std::string temp_dir(const std::string& name) {
  return saring::test_support::scratch_dir("pipeline", name);
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

std::string sample_warc() { return std::string(SARING_FIXTURES_DIR) + "/corpus/sample.warc.gz"; }

bool have_model() { return lang::shared_identifier().ok(); }

// A deterministic pseudo-random article: sentences drawn from a small
// vocabulary, so that filters keep it (long lines, punctuation, stop words).
std::string article(uint32_t seed, int sentences) {
  static const char* kWords[] = {"river", "market", "council", "garden", "school", "bread",
                                 "library", "village", "morning", "volunteers", "weather",
                                 "harvest", "bridge", "station", "neighbours", "teacher",
                                 "children", "water", "summer", "project"};
  std::string out;
  uint32_t x = seed * 2654435761u + 12345u;
  for (int s = 0; s < sentences; ++s) {
    out += "The";
    int len = 9 + static_cast<int>(x % 7);
    for (int w = 0; w < len; ++w) {
      x = x * 1103515245u + 12345u;
      out += ' ';
      out += kWords[(x >> 16) % 20];
      if (w == len / 2) out += " and the";
    }
    out += ". ";
    if (s % 3 == 2) out += "\n\n";
  }
  return out;
}

// A JSONL corpus: distinct articles, exact and near duplicates, a short one.
std::string jsonl_corpus(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    nlohmann::json j;
    j["id"] = "doc-" + std::to_string(i);
    j["url"] = "https://site" + std::to_string(i % 5) + ".example/" + std::to_string(i);
    if (i % 10 == 3) j["text"] = article(static_cast<uint32_t>(i - 1), 12);  // exact dup of i-1
    else if (i % 10 == 7) j["text"] = article(static_cast<uint32_t>(i - 2), 12) + "One more closing sentence is added here.";
    else if (i % 10 == 9) j["text"] = "Too short.";
    else j["text"] = article(static_cast<uint32_t>(i), 12);
    out += j.dump() + "\n";
  }
  return out;
}

RunOptions small_options(const std::vector<std::string>& inputs, const std::string& out) {
  RunOptions o;
  o.inputs = inputs;
  o.output_dir = out;
  o.batch_items = 5;
  o.output_shard_bytes = 6000;  // several shards and commits
  o.lang_enabled = have_model();
  return o;
}

// Every file of an output directory (shards and stats), name -> bytes,
// without the run's private state and timing-dependent stats.
std::map<std::string, std::string> outputs(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (rel.rfind(".saring/", 0) == 0 || rel == "stats.json") continue;
    files[rel] = read_file(e.path().string());
  }
  return files;
}

std::vector<nlohmann::json> read_jsonl_shards(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("part-", 0) == 0) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::vector<nlohmann::json> out;
  for (const auto& n : names) {
    auto text = io::read_all(n);
    EXPECT_TRUE(text.ok());
    size_t pos = 0;
    while (pos < text->size()) {
      size_t nl = text->find('\n', pos);
      out.push_back(nlohmann::json::parse(text->substr(pos, nl - pos)));
      pos = nl + 1;
    }
  }
  return out;
}

// What a set of output directories holds: kept ids, and each rejected id
// with its stage, reason and dup_of.
struct Held {
  std::multiset<std::string> kept;
  std::multiset<std::string> rejected;  // "id stage reason dup_of"
  bool operator==(const Held&) const = default;
};

Held held(const std::vector<std::string>& dirs) {
  Held h;
  for (const auto& d : dirs) {
    for (const auto& j : read_jsonl_shards(d)) h.kept.insert(j["id"].get<std::string>());
    if (!fs::exists(d + "/rejected")) continue;
    for (const auto& j : read_jsonl_shards(d + "/rejected"))
      h.rejected.insert(j["id"].get<std::string>() + " " + j["stage"].get<std::string>() + " " +
                        j["reason"].get<std::string>() + " " + j.value("dup_of", std::string()));
  }
  return h;
}

class Corpus : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    write_file(dir_ + "/docs.jsonl", jsonl_corpus(60));
    inputs_ = {sample_warc(), dir_ + "/docs.jsonl"};
  }
  std::string dir_;
  std::vector<std::string> inputs_;
};

TEST_F(Corpus, SameBytesWithOneAndTwoThreads) {
  std::map<std::string, std::string> first;
  for (unsigned threads : {1u, 2u, 3u}) {
    RunOptions o = small_options(inputs_, dir_ + "/out" + std::to_string(threads));
    o.threads = threads;
    auto r = run(o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_GT(r->counts.kept, 20u);
    EXPECT_GT(r->kept_shards, 2u);
    auto files = outputs(o.output_dir);
    // What saring report reads, too (stats.json also holds timings).
    files["profile"] = nlohmann::json::parse(read_file(o.output_dir + "/stats.json"))["profile"].dump();
    if (threads == 1) first = files;
    else EXPECT_EQ(files, first) << "threads=" << threads;
  }
}

TEST_F(Corpus, DropsCarryStageAndReasonAndDuplicatesNameTheirOriginal) {
  RunOptions o = small_options(inputs_, dir_ + "/out");
  auto r = run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto kept = read_jsonl_shards(o.output_dir);
  auto rejected = read_jsonl_shards(o.output_dir + "/rejected");
  EXPECT_EQ(kept.size(), r->counts.kept);
  EXPECT_EQ(rejected.size(), r->counts.rejected);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& k : kept) {
    by_id[k["id"]] = k;
    EXPECT_TRUE(k["text"].is_string());
    EXPECT_FALSE(k["text"].get<std::string>().empty());
    EXPECT_TRUE(k["metadata"].contains("quality"));
  }
  int exact = 0, near = 0;
  for (const auto& j : rejected) {
    ASSERT_TRUE(j.contains("stage"));
    ASSERT_TRUE(j.contains("reason"));
    if (j["reason"] == "dedup:exact" || j["reason"] == "dedup:near") {
      (j["reason"] == "dedup:exact" ? exact : near)++;
      ASSERT_TRUE(j.contains("dup_of"));
      EXPECT_TRUE(by_id.count(j["dup_of"])) << j.dump();
    }
  }
  // jsonl_corpus: 6 exact copies (i%10==3), 6 near copies (i%10==7); the
  // sample WARC: one exact copy, two syndicated near copies.
  EXPECT_EQ(exact, 7);
  EXPECT_EQ(near, 8);
  auto dup = std::find_if(rejected.begin(), rejected.end(), [](const auto& j) { return j["id"] == "doc-3"; });
  ASSERT_NE(dup, rejected.end());
  EXPECT_EQ((*dup)["dup_of"], "doc-2");
  // The short documents are rejected by a filter rule.
  auto shorty = std::find_if(rejected.begin(), rejected.end(), [](const auto& j) { return j["id"] == "doc-9"; });
  ASSERT_NE(shorty, rejected.end());
  EXPECT_TRUE((*shorty)["stage"] == "filter" || (*shorty)["stage"] == "clean") << shorty->dump();
  // stats.json adds up.
  auto stats = nlohmann::json::parse(read_file(o.output_dir + "/stats.json"));
  EXPECT_EQ(stats["documents"]["kept"], r->counts.kept);
  EXPECT_EQ(stats["documents"]["read"], r->counts.kept + r->counts.rejected);
  EXPECT_EQ(stats["rejected_by_stage"]["dedup"]["dedup:exact"], 7);
  EXPECT_EQ(stats["skipped_by_reader"]["warc-type:request"], 1);
  EXPECT_TRUE(stats["complete"].get<bool>());
}

// Runs the pipeline in a child process that SIGKILLs itself at the n-th
// occurrence of hook point `point`. Returns true when the child was killed.
bool run_and_kill(const RunOptions& base, const std::string& point, int n) {
  pid_t pid = fork();
  if (pid == 0) {
    RunOptions o = base;
    int seen = 0;
    o.test_hook = [&](std::string_view p) {
      if (p == point && ++seen == n) raise(SIGKILL);
    };
    auto r = run(o);
    _exit(r.ok() ? 0 : 3);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST_F(Corpus, KillAndResumeGivesTheSameBytes) {
  RunOptions reference = small_options(inputs_, dir_ + "/reference");
  auto ref = run(reference);
  ASSERT_TRUE(ref.ok()) << ref.error().describe();
  auto want = outputs(reference.output_dir);

  struct Case { const char* point; int n; };
  for (Case c : {Case{"batch", 1}, Case{"batch", 7}, Case{"commit:shards", 1}, Case{"commit:shards", 2}, Case{"commit:journal", 1},
                 Case{"batch", 12}}) {
    SCOPED_TRACE(std::string(c.point) + " #" + std::to_string(c.n));
    RunOptions o = small_options(inputs_, dir_ + "/killed-" + c.point + std::to_string(c.n));
    ASSERT_TRUE(run_and_kill(o, c.point, c.n));
    // Killed runs may be killed again on resume, at another point.
    ASSERT_TRUE(run_and_kill(o, "batch", 3));
    auto r = run(o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_TRUE(r->resumed);
    EXPECT_EQ(outputs(o.output_dir), want);
    EXPECT_EQ(r->counts.kept, ref->counts.kept);
    EXPECT_EQ(r->counts.rejected, ref->counts.rejected);
    EXPECT_EQ(r->counts.skipped, ref->counts.skipped);
    EXPECT_EQ(r->counts.reasons, ref->counts.reasons);
    // What saring report reads (histograms, examples, domains) went through
    // the journal whole.
    EXPECT_EQ(nlohmann::json::parse(read_file(o.output_dir + "/stats.json"))["profile"],
              nlohmann::json::parse(read_file(reference.output_dir + "/stats.json"))["profile"]);
    // No temporary files are left behind.
    for (const auto& e : fs::recursive_directory_iterator(o.output_dir))
      EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
    // Running again does nothing.
    auto again = run(o);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already_complete);
    EXPECT_EQ(outputs(o.output_dir), want);
  }
}

TEST_F(Corpus, StopRequestedEndsTheRunAsAKillAndTheSameCallResumes) {
  RunOptions reference = small_options(inputs_, dir_ + "/reference");
  ASSERT_TRUE(run(reference).ok());
  auto want = outputs(reference.output_dir);
  for (int stop_at : {1, 4, 9}) {
    SCOPED_TRACE(stop_at);
    RunOptions o = small_options(inputs_, dir_ + "/stopped-" + std::to_string(stop_at));
    int asked = 0;
    o.stop_requested = [&] { return ++asked == stop_at; };
    auto stopped = run(o);
    ASSERT_FALSE(stopped.ok());
    EXPECT_NE(stopped.error().message.find("run it again to resume"), std::string::npos);
    for (const auto& e : fs::recursive_directory_iterator(o.output_dir))
      EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
    o.stop_requested = nullptr;
    auto resumed = run(o);
    ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
    EXPECT_EQ(outputs(o.output_dir), want);
  }
}

// Every moment a hook marks in an uninterrupted run: (point, occurrence).
std::vector<std::pair<std::string, int>> hook_moments(RunOptions o) {
  std::map<std::string, int> seen;
  std::vector<std::pair<std::string, int>> moments;
  o.test_hook = [&](std::string_view p) {
    std::string point(p);
    moments.emplace_back(point, ++seen[point]);
  };
  EXPECT_TRUE(run(o).ok());
  fs::remove_all(o.output_dir);
  return moments;
}

// Checks that `dir` holds the finished run `want` and nothing temporary.
void expect_finished(const std::string& dir, const std::map<std::string, std::string>& want) {
  EXPECT_EQ(outputs(dir), want);
  EXPECT_TRUE(fs::exists(dir + "/stats.json"));
  for (const auto& e : fs::recursive_directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(Corpus, KillAtSeededRandomMomentsAndAgainDuringTheResume) {
  RunOptions reference = small_options(inputs_, dir_ + "/reference");
  const auto moments = hook_moments(reference);
  ASSERT_GT(moments.size(), 30u);  // many commit points to land between
  ASSERT_TRUE(run(reference).ok());
  const auto want = outputs(reference.output_dir);

  std::mt19937 rng(20261202);
  std::uniform_int_distribution<size_t> pick(0, moments.size() - 1);
  for (int trial = 0; trial < 10; ++trial) {
    const auto& [point, n] = moments[pick(rng)];
    const auto& [again_point, again_n] = moments[pick(rng)];
    SCOPED_TRACE("trial " + std::to_string(trial) + ": " + point + " #" + std::to_string(n) +
                 ", then " + again_point + " #" + std::to_string(again_n));
    RunOptions o = small_options(inputs_, dir_ + "/killed-" + std::to_string(trial));
    ASSERT_TRUE(run_and_kill(o, point, n));
    // The resume reaches fewer moments, so it may finish before this one.
    run_and_kill(o, again_point, again_n);
    auto r = run(o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    expect_finished(o.output_dir, want);
  }
}

// Runs the saring binary with `args`; SIGKILLs it after `kill_after` seconds
// unless it has finished. Returns true when it was killed.
bool exec_and_kill(const std::vector<std::string>& args, double kill_after) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stderr);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kill_after);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    ::usleep(500);
  }
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << "exit " << WEXITSTATUS(status);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST_F(Corpus, SigkillOfTheCommandAtSeededRandomTimesThenResumeGivesTheSameBytes) {
  write_file(dir_ + "/small-batches.toml", "[run]\nbatch_items = 5\n");
  auto command = [&](const std::string& out) {
    std::vector<std::string> args = {SARING_BINARY, "run", "--config", dir_ + "/small-batches.toml",
                                     "--shard-size", "6000", "--no-lang", "--threads", "2",
                                     "--quiet", "-o", out};
    args.insert(args.end(), inputs_.begin(), inputs_.end());
    return args;
  };
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_FALSE(exec_and_kill(command(dir_ + "/reference"), 60));
  const double whole = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto want = outputs(dir_ + "/reference");
  ASSERT_GT(want.size(), 6u);

  std::mt19937 rng(7);
  std::uniform_real_distribution<double> when(0.0, whole);
  int killed = 0;
  for (int trial = 0; trial < 12; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const std::string out = dir_ + "/killed-" + std::to_string(trial);
    killed += exec_and_kill(command(out), when(rng));
    exec_and_kill(command(out), when(rng));  // a second kill, during the resume
    ASSERT_FALSE(exec_and_kill(command(out), 60));
    expect_finished(out, want);
  }
  EXPECT_GT(killed, 6);  // most kills landed while the run was going
}

TEST_F(Corpus, ResumeRefusesOtherOptionsAndOverwriteStartsAfresh) {
  RunOptions o = small_options(inputs_, dir_ + "/out");
  ASSERT_TRUE(run_and_kill(o, "batch", 2));
  RunOptions other = o;
  other.languages = {"en"};
  auto r = run(other);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("--overwrite"), std::string::npos);
  other.overwrite = true;
  auto fresh = run(other);
  ASSERT_TRUE(fresh.ok()) << fresh.error().describe();
  EXPECT_FALSE(fresh->resumed);
}

TEST_F(Corpus, ResumeRefusesAnotherLanguageModelUnderTheSameName) {
  if (!have_model()) GTEST_SKIP() << "no language model";
  const std::string model = dir_ + "/model.ftz";
  fs::copy_file(lang::default_model_path(), model);
  RunOptions o = small_options(inputs_, dir_ + "/out");
  o.model_path = model;
  ASSERT_TRUE(run_and_kill(o, "batch", 2));
  // The same file name, other bytes (a retrained or upgraded model).
  std::ofstream(model, std::ios::binary | std::ios::app) << "x";
  auto r = run(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("other inputs or options"), std::string::npos);
  EXPECT_NE(fingerprint(o).find("saring.version="), std::string::npos);
}

TEST_F(Corpus, AnOutputFolderHasOneWriterAtATime) {
  RunOptions o = small_options(inputs_, dir_ + "/out");
  ASSERT_TRUE(run_and_kill(o, "batch", 2));
  // Another process holds the folder (a zombie worker, a requeued job).
  pid_t holder = fork();
  if (holder == 0) {
    int fd = ::open((o.output_dir + "/.saring/lock").c_str(), O_RDWR);
    if (fd < 0 || ::flock(fd, LOCK_EX) != 0) _exit(1);
    ::pause();
    _exit(0);
  }
  // Until the child holds the lock, a run may still get it: wait for that.
  for (int i = 0; i < 2000; ++i) {
    int fd = ::open((o.output_dir + "/.saring/lock").c_str(), O_RDWR);
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    if (held) break;
    ::usleep(1000);
  }
  const auto before = outputs(o.output_dir);
  auto refused = run(o);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("another saring process"), std::string::npos);
  EXPECT_FALSE(apply_dedup({o.output_dir, dir_ + "/any.sdx", {}}).ok());
  EXPECT_EQ(outputs(o.output_dir), before);
  ::kill(holder, SIGKILL);  // a dead holder's lock is gone with it
  ::waitpid(holder, nullptr, 0);
  auto resumed = run(o);
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_TRUE(resumed->resumed);
}

TEST_F(Corpus, AStopRequestCommitsAndTheResumeHoldsTheSameRecords) {
  RunOptions reference = small_options(inputs_, dir_ + "/reference");
  ASSERT_TRUE(run(reference).ok());
  RunOptions o = small_options(inputs_, dir_ + "/stopped");
  std::atomic<bool> stop{false};
  int batches = 0;
  o.stop = &stop;
  o.test_hook = [&](std::string_view p) {
    if (p == "batch" && ++batches == 4) stop = true;
  };
  auto r = run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_TRUE(r->stopped);
  EXPECT_EQ(r->counts.items, 4u * o.batch_items);  // everything up to the stop is committed
  auto journal = nlohmann::json::parse(read_file(o.output_dir + "/.saring/journal.json"));
  EXPECT_FALSE(journal["complete"].get<bool>());
  EXPECT_EQ(journal["items_total"].get<uint64_t>(), 4u * o.batch_items);
  o.test_hook = {};
  stop = false;
  auto resumed = run(o);
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_TRUE(resumed->resumed);
  EXPECT_EQ(held({o.output_dir}), held({reference.output_dir}));
  EXPECT_EQ(resumed->counts.reasons, run(reference)->counts.reasons);
}

TEST_F(Corpus, SigtermMakesTheCommandCommitAndExit143) {
  const std::string out = dir_ + "/out";
  std::vector<std::string> args = {SARING_BINARY, "run", "--shard-size", "6000", "--no-language",
                                   "--threads", "1", "--quiet", "-o", out};
  args.insert(args.end(), inputs_.begin(), inputs_.end());
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stderr);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  // Signal once the run has written its first records.
  for (int i = 0; i < 20000 && !fs::exists(out + "/.saring/journal.json"); ++i) ::usleep(500);
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 0) GTEST_SKIP() << "the run finished before the signal";
  EXPECT_EQ(WEXITSTATUS(status), 143);
  auto journal = nlohmann::json::parse(read_file(out + "/.saring/journal.json"));
  EXPECT_FALSE(journal["complete"].get<bool>());
  EXPECT_GE(journal["commits"].get<int>(), 1);
  RunOptions o = small_options(inputs_, out);
  o.output_shard_bytes = 6000;
  o.batch_items = 256;
  o.lang_enabled = false;
  auto resumed = run(o);
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_TRUE(resumed->resumed);
  RunOptions reference = o;
  reference.output_dir = dir_ + "/reference";
  ASSERT_TRUE(run(reference).ok());
  EXPECT_EQ(held({out}), held({reference.output_dir}));
}

// An HTML page whose main text is article(seed, 10).
std::string article_page(uint32_t seed) {
  return "<html><body><article><p>" + article(seed, 10) + "</p></article></body></html>";
}

// A run over the files in dir/in, written to dir/out.
RunOptions folder_options(const std::string& dir) {
  RunOptions o;
  o.inputs = {dir + "/in"};
  o.output_dir = dir + "/out";
  o.lang_enabled = have_model();
  return o;
}

TEST(Pipeline, BadInputsBecomeReadRejectionsAndTheRunGoesOn) {
  std::string dir = temp_dir("bad");
  fs::create_directories(dir + "/in");
  // A WARC cut in the middle of its last record, a JSONL with broken lines,
  // an empty HTML file, and good pages around them.
  std::string warc = read_file(sample_warc());
  write_file(dir + "/in/a-cut.warc.gz", warc.substr(0, warc.size() - 300));
  nlohmann::json ok1 = {{"id", "ok-1"}, {"text", article(1, 10)}};
  nlohmann::json ok2 = {{"id", "ok-2"}, {"text", article(2, 10)}};
  write_file(dir + "/in/b-docs.jsonl", ok1.dump() + "\n{\"id\":\"broken\",\"text\":\n[\"not an object\"]\n" +
                                           ok2.dump() + "\n");
  write_file(dir + "/in/c-empty.html", "");
  write_file(dir + "/in/d-page.html", article_page(3));
  RunOptions o = folder_options(dir);
  auto r = run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->read_errors, 4u);  // truncated record, two bad lines, empty file
  auto rejected = read_jsonl_shards(o.output_dir + "/rejected");
  int read_rejects = 0;
  for (const auto& j : rejected) {
    if (j["stage"] != "read") continue;
    ++read_rejects;
    EXPECT_TRUE(j.contains("detail"));
    EXPECT_TRUE(j["source"].contains("path"));
  }
  EXPECT_EQ(read_rejects, 4);
  // The summary names them, where they are first: path@offset or path:line.
  ASSERT_EQ(r->first_read_errors.size(), 4u);
  EXPECT_EQ(r->first_read_errors[0].rfind(dir + "/in/a-cut.warc.gz@", 0), 0u) << r->first_read_errors[0];
  EXPECT_EQ(r->first_read_errors[1].rfind(dir + "/in/b-docs.jsonl:2: invalid JSON", 0), 0u)
      << r->first_read_errors[1];
  EXPECT_EQ(r->first_read_errors[2].rfind(dir + "/in/b-docs.jsonl:3: ", 0), 0u) << r->first_read_errors[2];
  EXPECT_EQ(r->first_read_errors[3], dir + "/in/c-empty.html: empty file");
  auto kept = read_jsonl_shards(o.output_dir);
  std::set<std::string> ids;
  for (const auto& k : kept) ids.insert(k["id"]);
  EXPECT_TRUE(ids.count("ok-1"));
  EXPECT_TRUE(ids.count("ok-2"));
  EXPECT_TRUE(ids.count(dir + "/in/d-page.html"));
  EXPECT_GE(kept.size(), 8u);  // most of the cut WARC survives
}

// A page over the HTML parser's work budget (here a flood of <br>, a node
// every 4 bytes) is rejected at the extract stage with its own reason, and
// the run goes on.
TEST(Pipeline, PageOverTheWorkBudgetIsRejectedAsTooCostly) {
  std::string dir = temp_dir("costly");
  fs::create_directories(dir + "/in");
  std::string flood = "<html><body><p>";
  while (flood.size() < (1u << 20)) flood += "<br>";
  write_file(dir + "/in/a-flood.html", flood);
  write_file(dir + "/in/b-page.html", article_page(4));
  RunOptions o = folder_options(dir);
  auto r = run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  int costly = 0;
  for (const auto& j : read_jsonl_shards(o.output_dir + "/rejected")) {
    if (j["reason"] != "extract:too_costly") continue;
    ++costly;
    EXPECT_EQ(j["stage"], "extract");
    EXPECT_NE(j["detail"].get<std::string>().find("work budget"), std::string::npos);
  }
  EXPECT_EQ(costly, 1);
  std::set<std::string> ids;
  for (const auto& k : read_jsonl_shards(o.output_dir)) ids.insert(k["id"]);
  EXPECT_TRUE(ids.count(dir + "/in/b-page.html"));
}

TEST(Pipeline, ShardsPartitionTheInputs) {
  std::string dir = temp_dir("shards");
  fs::create_directories(dir + "/in");
  for (int f = 0; f < 4; ++f) write_file(dir + "/in/f" + std::to_string(f) + ".jsonl", jsonl_corpus(10));
  size_t total = 0;
  for (uint32_t s = 0; s < 3; ++s) {
    RunOptions o;
    o.inputs = {dir + "/in"};
    o.output_dir = dir + "/out" + std::to_string(s);
    o.shard_index = s;
    o.shard_count = 3;
    o.lang_enabled = false;
    o.dedup_enabled = false;
    o.filter_enabled = false;
    auto r = run(o);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    total += r->counts.items;
  }
  EXPECT_EQ(total, 40u);
  RunOptions bad;
  bad.inputs = {dir + "/in"};
  bad.output_dir = dir + "/x";
  bad.shard_index = 3;
  bad.shard_count = 3;
  EXPECT_FALSE(run(bad).ok());
}

TEST(Pipeline, ShardIndexesMergeToTheDecisionsOfOneRun) {
  // Two inputs whose documents duplicate each other across the files: the
  // second file repeats some of the first's documents, exactly or nearly.
  std::string dir = temp_dir("merge");
  fs::create_directories(dir + "/in");
  write_file(dir + "/in/a.jsonl", jsonl_corpus(30));
  std::string second;
  for (int i = 0; i < 30; ++i) {
    nlohmann::json j;
    j["id"] = "b-" + std::to_string(i);
    j["text"] = i % 3 == 0 ? article(static_cast<uint32_t>(i), 12)  // same text as doc-i
                           : article(static_cast<uint32_t>(1000 + i), 12);
    second += j.dump() + "\n";
  }
  write_file(dir + "/in/b.jsonl", second);
  auto options = [&](uint32_t index, uint32_t count, const std::string& out) {
    RunOptions o;
    o.inputs = {dir + "/in"};
    o.output_dir = out;
    o.shard_index = index;
    o.shard_count = count;
    o.lang_enabled = false;
    return o;
  };
  ASSERT_TRUE(run(options(0, 1, dir + "/one")).ok());
  ASSERT_TRUE(run(options(0, 2, dir + "/s0")).ok());
  ASSERT_TRUE(run(options(1, 2, dir + "/s1")).ok());
  auto one = dedup::NearDupIndex::load(dir + "/one/dedup.sdx");
  auto s0 = dedup::NearDupIndex::load(dir + "/s0/dedup.sdx");
  auto s1 = dedup::NearDupIndex::load(dir + "/s1/dedup.sdx");
  ASSERT_TRUE(one.ok() && s0.ok() && s1.ok());
  auto merged = dedup::NearDupIndex::merge(*s0, *s1);
  ASSERT_TRUE(merged.ok()) << merged.error().describe();
  auto by_id = [](const std::vector<dedup::Decision>& ds) {
    std::map<std::string, std::pair<std::string, std::string>> m;
    for (const auto& d : ds) m[d.id] = {std::string(dedup::to_string(d.verdict.kind)), d.verdict.dup_of_id};
    return m;
  };
  auto want = by_id(one->decisions());
  auto got = by_id(merged->decisions());
  EXPECT_EQ(got, want);
  // The shard runs alone miss the cross-file duplicates; the merge finds them.
  int cross = 0;
  for (const auto& [id, v] : want) cross += id.rfind("b-", 0) == 0 && v.second.rfind("doc-", 0) == 0;
  // b-i copies doc-i for i = 0, 3, ..., 27, except where doc-i is not
  // article(i) itself (i % 10 == 3, 7, 9 in jsonl_corpus): 3, 9, 27.
  EXPECT_EQ(cross, 7);
}

// Four inputs that repeat each other's documents, exactly and nearly, with
// documents the filters drop in between.
std::string cross_corpus_dir(const std::string& dir) {
  fs::create_directories(dir + "/in");
  write_file(dir + "/in/a.jsonl", jsonl_corpus(30));
  for (int f = 1; f < 4; ++f) {
    std::string text;
    for (int i = 0; i < 24; ++i) {
      nlohmann::json j;
      j["id"] = "f" + std::to_string(f) + "-" + std::to_string(i);
      const uint32_t other = static_cast<uint32_t>(100 * f + i);
      switch (i % 6) {
        case 0: j["text"] = article(static_cast<uint32_t>(i), 12); break;  // as doc-i of a.jsonl
        case 1: j["text"] = article(static_cast<uint32_t>(i), 12) + "A closing line is added to this copy."; break;
        case 2: j["text"] = article(100 * (f - 1) + i, 12); break;  // as the previous file's
        case 3: j["text"] = "Short."; break;
        case 4: j["text"] = article(other, 12); break;
        default: j["text"] = article(static_cast<uint32_t>(i - 5), 12);  // as case 0 of this file
      }
      text += j.dump() + "\n";
    }
    write_file(dir + "/in/f" + std::to_string(f) + ".jsonl", text);
  }
  return dir + "/in";
}

RunOptions shard_options(const std::string& in, const std::string& out, uint32_t index, uint32_t count) {
  RunOptions o;
  o.inputs = {in};
  o.output_dir = out;
  o.shard_index = index;
  o.shard_count = count;
  o.batch_items = 7;
  o.output_shard_bytes = 9000;  // several shards per run
  o.lang_enabled = false;
  o.clean_enabled = false;  // speed; the texts need no repair
  return o;
}

TEST(GlobalDedup, AfterApplyTheShardsHoldWhatOneRunHolds) {
  const std::string dir = temp_dir("global-dedup");
  const std::string in = cross_corpus_dir(dir);
  ASSERT_TRUE(run(shard_options(in, dir + "/one", 0, 1)).ok());
  const Held want = held({dir + "/one"});
  ASSERT_GT(want.kept.size(), 30u);

  for (uint32_t n : {2u, 3u}) {
    SCOPED_TRACE(std::to_string(n) + " shards");
    std::vector<std::string> outs;
    for (uint32_t i = 0; i < n; ++i) {
      outs.push_back(dir + "/n" + std::to_string(n) + "-s" + std::to_string(i));
      auto r = run(shard_options(in, outs.back(), i, n));
      ASSERT_TRUE(r.ok()) << r.error().describe();
    }
    EXPECT_NE(held(outs), want);  // each shard alone misses the duplicates across shards
    // A tree of merges: the first shard with the rest, merged separately.
    const std::string merged = dir + "/n" + std::to_string(n) + ".sdx";
    std::vector<std::string> rest(outs.begin() + 1, outs.end());
    ASSERT_TRUE(merge_dedup_indexes(rest, merged + ".rest").ok());
    auto m = merge_dedup_indexes({merged + ".rest", outs[0]}, merged);
    ASSERT_TRUE(m.ok()) << m.error().describe();
    uint64_t moved = 0, relabelled = 0;
    for (const auto& out : outs) {
      auto a = apply_dedup({out, merged, {}});
      ASSERT_TRUE(a.ok()) << a.error().describe();
      moved += a->moved;
      relabelled += a->relabelled;
    }
    EXPECT_GT(moved, 5u);
    EXPECT_GT(relabelled, 0u);  // duplicates of a document that is itself a duplicate across shards
    EXPECT_EQ(held(outs), want);
    // The counts of stats.json add up to one run's.
    auto stats = [](const std::string& d) { return nlohmann::json::parse(read_file(d + "/stats.json")); };
    const auto one = stats(dir + "/one");
    int64_t kept = 0, rejected = 0, exact = 0, near = 0;
    for (const auto& out : outs) {
      const auto s = stats(out);
      kept += s["documents"]["kept"].get<int64_t>();
      rejected += s["documents"]["rejected"].get<int64_t>();
      const auto& dd = s["rejected_by_stage"].value("dedup", nlohmann::json::object());
      exact += dd.value("dedup:exact", 0);
      near += dd.value("dedup:near", 0);
    }
    EXPECT_EQ(kept, one["documents"]["kept"].get<int64_t>());
    EXPECT_EQ(rejected, one["documents"]["rejected"].get<int64_t>());
    EXPECT_EQ(exact, one["rejected_by_stage"]["dedup"].value("dedup:exact", 0));
    EXPECT_EQ(near, one["rejected_by_stage"]["dedup"].value("dedup:near", 0));
    // Applying again changes nothing; a run of the same command finds it complete.
    const auto before = outputs(outs[1]);
    auto again = apply_dedup({outs[1], merged, {}});
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already_applied);
    EXPECT_EQ(outputs(outs[1]), before);
    auto rerun = run(shard_options(in, outs[1], 1, n));
    ASSERT_TRUE(rerun.ok()) << rerun.error().describe();
    EXPECT_TRUE(rerun->already_complete);
  }
}

// Applies in a child process that SIGKILLs itself at hook point `point`.
bool apply_and_kill(const ApplyOptions& base, const std::string& point) {
  pid_t pid = fork();
  if (pid == 0) {
    ApplyOptions o = base;
    o.test_hook = [&](std::string_view p) {
      if (p == point) raise(SIGKILL);
    };
    auto r = apply_dedup(o);
    _exit(r.ok() ? 0 : 3);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(GlobalDedup, ApplyKilledAnywhereFinishesWithTheSameFilesAndBadMergesAreRefused) {
  const std::string dir = temp_dir("global-dedup-kill");
  const std::string in = cross_corpus_dir(dir);
  for (uint32_t i = 0; i < 2; ++i) ASSERT_TRUE(run(shard_options(in, dir + "/s" + std::to_string(i), i, 2)).ok());
  ASSERT_TRUE(merge_dedup_indexes({dir + "/s0", dir + "/s1"}, dir + "/merged.sdx").ok());
  // Refused before anything changes: a merge without this shard, a missing
  // or damaged file, a folder without a run.
  ASSERT_TRUE(merge_dedup_indexes({dir + "/s0"}, dir + "/only0.sdx").ok());
  const auto untouched = outputs(dir + "/s1");
  EXPECT_FALSE(apply_dedup({dir + "/s1", dir + "/only0.sdx", {}}).ok());
  EXPECT_FALSE(apply_dedup({dir + "/s1", dir + "/missing.sdx", {}}).ok());
  std::string damaged = read_file(dir + "/merged.sdx");
  damaged[damaged.size() / 3] ^= 1;
  write_file(dir + "/damaged.sdx", damaged);
  EXPECT_FALSE(apply_dedup({dir + "/s1", dir + "/damaged.sdx", {}}).ok());
  EXPECT_FALSE(apply_dedup({dir + "/nothing", dir + "/merged.sdx", {}}).ok());
  EXPECT_EQ(outputs(dir + "/s1"), untouched);

  fs::copy(dir + "/s1", dir + "/reference", fs::copy_options::recursive);
  auto ref = apply_dedup({dir + "/reference", dir + "/merged.sdx", {}});
  ASSERT_TRUE(ref.ok()) << ref.error().describe();
  ASSERT_GT(ref->moved, 0u);
  const auto want = outputs(dir + "/reference");
  for (const char* point : {"apply:staged", "apply:committed", "apply:moved"}) {
    SCOPED_TRACE(point);
    const std::string copy = dir + "/killed-" + std::string(point).substr(6);
    fs::copy(dir + "/s1", copy, fs::copy_options::recursive);
    ASSERT_TRUE(apply_and_kill({copy, dir + "/merged.sdx", {}}, point));
    auto r = apply_dedup({copy, dir + "/merged.sdx", {}});
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->moved, ref->moved);
    EXPECT_EQ(outputs(copy), want);
    EXPECT_EQ(nlohmann::json::parse(read_file(copy + "/stats.json"))["documents"],
              nlohmann::json::parse(read_file(dir + "/reference/stats.json"))["documents"]);
    EXPECT_FALSE(fs::exists(copy + "/.saring/apply"));
  }
  // Another merged index once one is applied: refused.
  EXPECT_FALSE(apply_dedup({dir + "/reference", dir + "/only0.sdx", {}}).ok());
}

// A WARC of `n` HTML responses, one gzip member per record unless
// `one_member`; pages repeat every 7th record (duplicates across the file).
std::string warc_of_pages(int n, bool one_member) {
  std::string plain, members;
  for (int i = 0; i < n; ++i) {
    const std::string html = article_page(static_cast<uint32_t>(i % 7 == 6 ? i - 6 : i));
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
    std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:rec-" + std::to_string(i) +
                      ">\r\nWARC-Target-URI: https://example.org/p" + std::to_string(i) +
                      "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    plain += rec;
    members += test_support::gzip(rec);
  }
  return one_member ? test_support::gzip(plain) : members;
}

// Every kept and rejected line of the folders, sorted (what they hold,
// byte for byte, whatever the order).
std::vector<std::string> all_lines(const std::vector<std::string>& dirs) {
  std::vector<std::string> lines;
  for (const auto& d : dirs)
    for (const std::string sub : {"", "/rejected"})
      for (const auto& j : read_jsonl_shards(d + sub)) lines.push_back(j.dump());
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(GlobalDedup, AGzipWarcIsSplitAtItsMembersAndTheRecordsDoNotDependOnTheSplit) {
  const std::string dir = temp_dir("member-split");
  fs::create_directories(dir + "/in");
  write_file(dir + "/in/a.jsonl", jsonl_corpus(10));
  write_file(dir + "/in/b.warc.gz", warc_of_pages(60, false));
  write_file(dir + "/in/c.warc.gz", warc_of_pages(20, true));  // one member: goes whole
  RunOptions o = shard_options(dir + "/in", dir + "/one", 0, 1);
  o.rejected_text = false;
  ASSERT_TRUE(run(o).ok());
  const auto want = all_lines({dir + "/one"});
  for (uint32_t n : {3u, 5u}) {
    SCOPED_TRACE(std::to_string(n) + " shards");
    std::vector<std::string> outs;
    int shards_reading_b = 0;
    for (uint32_t i = 0; i < n; ++i) {
      outs.push_back(dir + "/n" + std::to_string(n) + "-" + std::to_string(i));
      RunOptions s = shard_options(dir + "/in", outs.back(), i, n);
      s.rejected_text = false;
      auto r = run(s);
      ASSERT_TRUE(r.ok()) << r.error().describe();
      bool reads_b = false;
      for (const auto& line : all_lines({outs.back()})) reads_b |= line.find("b.warc.gz") != std::string::npos;
      shards_reading_b += reads_b;
      // The shards are balanced by bytes: none is empty.
      EXPECT_GT(r->counts.items, 0u) << i;
    }
    EXPECT_GE(shards_reading_b, 2);  // the multi-member WARC is spread over shards
    ASSERT_TRUE(merge_dedup_indexes(outs, dir + "/m" + std::to_string(n) + ".sdx").ok());
    for (const auto& out : outs) ASSERT_TRUE(apply_dedup({out, dir + "/m" + std::to_string(n) + ".sdx", {}}).ok());
    // Every line, ids and sources included, is the one-machine run's.
    EXPECT_EQ(all_lines(outs), want);
  }
  // Every record of a split file is read by exactly one shard.
  auto all = io::expand_inputs({dir + "/in"});
  ASSERT_TRUE(all.ok());
  for (uint32_t n : {2u, 7u}) {
    uint64_t records = 0;
    for (uint32_t i = 0; i < n; ++i) {
      auto mine = io::shard_inputs(*all, i, n);
      ASSERT_TRUE(mine.ok());
      for (const auto& in : *mine) {
        if (in.path.find("b.warc.gz") == std::string::npos) continue;
        auto reader = io::open_reader(in);
        ASSERT_TRUE(reader.ok());
        Record rec;
        while (true) {
          auto got = (*reader)->next(rec);
          ASSERT_TRUE(got.ok()) << got.error().describe();
          if (!*got) break;
          ++records;
        }
      }
    }
    EXPECT_EQ(records, 60u) << n;
  }
}

TEST(Config, TomlSetsEveryStage) {
  RunOptions o;
  auto st = apply_config_text(R"(
[input]
format = "warc"
max_record_bytes = "8M"
[extract]
focus = "precision"
include_tables = false
[lang]
languages = ["en", "id"]
min_score = 0.5
[filter]
disable = ["c4:terminal_punct"]
[filter.fineweb]
max_char_dup_ratio = 0.1
[dedup]
bands = 20
rows = 5
[output]
shard_bytes = "1M"
rejected = false
[run]
threads = 2
batch_items = 64
)", o);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  EXPECT_EQ(o.input_format, io::Format::warc);
  EXPECT_EQ(o.reader.max_record_bytes, 8u << 20);
  EXPECT_EQ(o.page.extract.focus, extract::Focus::precision);
  EXPECT_FALSE(o.page.extract.include_tables);
  EXPECT_EQ(o.languages, (std::vector<std::string>{"en", "id"}));
  EXPECT_DOUBLE_EQ(o.min_language_score, 0.5);
  EXPECT_DOUBLE_EQ(o.filter.rules.fineweb.max_char_dup_ratio, 0.1);
  EXPECT_EQ(o.minhash.num_bands, 20u);
  EXPECT_EQ(o.minhash.rows_per_band, 5u);
  EXPECT_EQ(o.output_shard_bytes, 1u << 20);
  EXPECT_FALSE(o.write_rejected);
  EXPECT_EQ(o.threads, 2u);
  EXPECT_EQ(o.batch_items, 64u);
}

TEST(Config, UnknownKeysAndBadValuesAreErrors) {
  RunOptions o;
  EXPECT_FALSE(apply_config_text("[lang]\nlanguage = [\"en\"]\n", o).ok());
  EXPECT_FALSE(apply_config_text("[nonsense]\nx = 1\n", o).ok());
  EXPECT_FALSE(apply_config_text("[run]\nthreads = \"many\"\n", o).ok());
  EXPECT_FALSE(apply_config_text("[filter]\nno_such_rule = 1\n", o).ok());
  EXPECT_FALSE(apply_config_text("[dedup]\nbands = 0\n", o).ok());
  auto parse = apply_config_text("[run\nthreads = 2\n", o);
  ASSERT_FALSE(parse.ok());
  EXPECT_NE(parse.error().message.find("line"), std::string::npos);
}


// ---- Corpus mode: exact line counts, one machine and shards -----------------

namespace corpus_mode {

// A line that reads like a sentence, so only corpus mode removes it.
const std::string kSharedLine = "The riverside newsroom thanks every reader who sent us a letter this season.";

std::string record(const std::string& id, const std::string& url, const std::string& text) {
  nlohmann::json j;
  j["id"] = id;
  j["url"] = url;
  j["text"] = text;
  return j.dump() + "\n";
}

// The kept and rejected records of output directories, each whole, sorted.
std::multiset<std::string> records(const std::vector<std::string>& dirs) {
  std::multiset<std::string> all;
  for (const auto& d : dirs) {
    for (const auto& j : read_jsonl_shards(d)) all.insert("kept " + j.dump());
    if (fs::exists(d + "/rejected"))
      for (const auto& j : read_jsonl_shards(d + "/rejected")) all.insert("rejected " + j.dump());
  }
  return all;
}

// Input files of text records from four sites. Each site has furniture
// lines shared by some of its documents, spread over the files so that no
// shard alone sees the counts of all.
std::string site_inputs(const std::string& dir, int files, int per_file) {
  const std::string in = dir + "/in";
  fs::create_directories(in);
  static const char* kFurniture[] = {
      "Readers of this site support the work of our reporters every single week.",
      "Our weekend edition brings the long stories of the valley to your door.",
      "Letters to the editor are read by the whole team before each issue goes out."};
  for (int f = 0; f < files; ++f) {
    std::string content;
    for (int k = 0; k < per_file; ++k) {
      const int g = f * per_file + k;
      const int site = g % 4;
      std::string text = article(static_cast<uint32_t>(1000 + g), 6);
      for (int line = 0; line < 3; ++line)
        if ((g / 4 + line) % (line + 2) == 0) text += "\n\n" + std::string(kFurniture[line]);
      content += record("doc-" + std::to_string(g), "https://www.site" + std::string(1, 'a' + site) +
                                                     ".example/story/" + std::to_string(g), text);
    }
    write_file(in + "/part" + std::to_string(f) + ".jsonl", content);
  }
  return in;
}

RunOptions corpus_options(const std::vector<std::string>& inputs, const std::string& out) {
  RunOptions o;
  o.inputs = inputs;
  o.output_dir = out;
  o.corpus = true;
  o.batch_items = 4;
  o.lang_enabled = have_model();
  o.dedup_enabled = false;  // dedup across shards has its own merge (GlobalDedup)
  return o;
}

}  // namespace corpus_mode

TEST(CorpusMode, RemovesALineOfThreeDocumentsOfASiteAndKeepsItInTwo) {
  using namespace corpus_mode;
  const std::string dir = temp_dir("corpus-three-two");
  std::string docs;
  for (int i = 0; i < 3; ++i)
    docs += record("a" + std::to_string(i), "https://a.example/" + std::to_string(i),
                   article(static_cast<uint32_t>(i), 6) + "\n\n" + kSharedLine);
  for (int i = 0; i < 2; ++i)
    docs += record("b" + std::to_string(i), "https://b.example/" + std::to_string(i),
                   article(static_cast<uint32_t>(10 + i), 6) + "\n\n" + kSharedLine);
  write_file(dir + "/docs.jsonl", docs);
  const std::vector<std::string> inputs = {sample_warc(), dir + "/docs.jsonl"};

  RunOptions plain = corpus_options(inputs, dir + "/plain");
  plain.corpus = false;
  ASSERT_TRUE(run(plain).ok());
  auto corpus = run(corpus_options(inputs, dir + "/corpus"));
  ASSERT_TRUE(corpus.ok()) << corpus.error().describe();

  size_t text_records = 0;
  for (const auto& j : read_jsonl_shards(dir + "/corpus")) {
    const std::string id = j["id"].get<std::string>();
    const std::string text = j["text"].get<std::string>();
    if (id[0] == 'a' && id.size() == 2) {
      ++text_records;
      EXPECT_EQ(text.find("riverside newsroom"), std::string::npos) << id;
    } else if (id[0] == 'b' && id.size() == 2) {
      ++text_records;
      EXPECT_NE(text.find("riverside newsroom"), std::string::npos) << id;
    }
  }
  EXPECT_EQ(text_records, 5u);
  for (const auto& j : read_jsonl_shards(dir + "/plain"))
    if (j["id"].get<std::string>().size() == 2)
      EXPECT_NE(j["text"].get<std::string>().find("riverside newsroom"), std::string::npos);
  // HTML records are not affected.
  auto html_of = [&](const std::string& d) {
    std::multiset<std::string> s;
    for (const auto& j : read_jsonl_shards(d))
      if (j["id"].get<std::string>().size() != 2) s.insert(j.dump());
    return s;
  };
  EXPECT_FALSE(html_of(dir + "/plain").empty());
  EXPECT_EQ(html_of(dir + "/plain"), html_of(dir + "/corpus"));
  // The count pass reports itself.
  EXPECT_TRUE(corpus->corpus.counted);
  EXPECT_EQ(corpus->corpus.documents, 5u);
  const auto stats = nlohmann::json::parse(read_file(dir + "/corpus/stats.json"));
  ASSERT_TRUE(stats.contains("corpus"));
  EXPECT_EQ(stats["corpus"]["documents_counted"].get<int>(), 5);
  EXPECT_EQ(stats["corpus"]["min_documents"].get<int>(), 3);
  EXPECT_EQ(stats["corpus"]["entries"].get<int>(), 1);  // the shared line, in a.example
  EXPECT_FALSE(nlohmann::json::parse(read_file(dir + "/plain/stats.json")).contains("corpus"));
}

TEST(CorpusMode, ShardsWithMergedCountsHoldWhatOneRunHolds) {
  using namespace corpus_mode;
  const std::string dir = temp_dir("corpus-shards");
  const std::string in = site_inputs(dir, 6, 8);
  auto one = run(corpus_options({in}, dir + "/one"));
  ASSERT_TRUE(one.ok()) << one.error().describe();
  const auto want = records({dir + "/one"});
  uint64_t removed_in_one = 0;
  for (const auto& j : read_jsonl_shards(dir + "/one"))
    removed_in_one += static_cast<uint64_t>(j["metadata"]["lines_removed"].get<int64_t>());
  ASSERT_GT(removed_in_one, 20u);

  for (uint32_t n : {2u, 3u}) {
    SCOPED_TRACE(std::to_string(n) + " shards");
    std::vector<std::string> counts, outs;
    for (uint32_t i = 0; i < n; ++i) {
      RunOptions o = corpus_options({in}, dir + "/count" + std::to_string(n) + "-" + std::to_string(i));
      o.corpus_count_only = true;
      o.shard_index = i;
      o.shard_count = n;
      o.corpus_memory_keys = 5;  // spills, and the counts stay exact
      auto c = run(o);
      ASSERT_TRUE(c.ok()) << c.error().describe();
      counts.push_back(o.output_dir);
    }
    // A tree of merges: all but the first, then with the first.
    const std::string merged = dir + "/lines" + std::to_string(n) + ".scx";
    std::vector<std::string> rest(counts.begin() + 1, counts.end());
    ASSERT_TRUE(merge_corpus_lines(rest, merged + ".rest", 1).ok());
    auto m = merge_corpus_lines({merged + ".rest", counts[0]}, merged, 3);
    ASSERT_TRUE(m.ok()) << m.error().describe();
    EXPECT_EQ(m->documents, 48u);
    EXPECT_EQ(read_file(merged), read_file(dir + "/one/" + kCorpusLinesFile));

    for (uint32_t i = 0; i < n; ++i) {
      RunOptions o = corpus_options({in}, dir + "/out" + std::to_string(n) + "-" + std::to_string(i));
      o.shard_index = i;
      o.shard_count = n;
      // Without the merged counts a shard is refused: its own would differ.
      EXPECT_FALSE(run(o).ok());
      o.corpus_lines = merged;
      auto r = run(o);
      ASSERT_TRUE(r.ok()) << r.error().describe();
      EXPECT_FALSE(r->corpus.counted);
      outs.push_back(o.output_dir);
    }
    EXPECT_EQ(records(outs), want);

    // Each shard's own counts would not do: some lines repeat only across shards.
    const std::string own = dir + "/own" + std::to_string(n) + ".scx";
    ASSERT_TRUE(merge_corpus_lines({counts[0]}, own, 3).ok());
    RunOptions o = corpus_options({in}, dir + "/own-out" + std::to_string(n));
    o.shard_index = 0;
    o.shard_count = n;
    o.corpus_lines = own;
    ASSERT_TRUE(run(o).ok());
    EXPECT_NE(records({o.output_dir}), records({outs[0]}));
  }
}

TEST(CorpusMode, ResumeNeedsTheSameCountsAndAKilledRunResumes) {
  using namespace corpus_mode;
  const std::string dir = temp_dir("corpus-resume");
  const std::string in = site_inputs(dir, 3, 8);
  RunOptions reference = corpus_options({in}, dir + "/reference");
  reference.output_shard_bytes = 3000;
  ASSERT_TRUE(run(reference).ok());
  const auto want = outputs(reference.output_dir);

  RunOptions o = reference;
  o.output_dir = dir + "/killed";
  ASSERT_TRUE(run_and_kill(o, "batch", 2));
  auto r = run(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_TRUE(r->resumed);
  EXPECT_EQ(outputs(o.output_dir), want);

  // A kill in the count pass (after a spill): the next start counts afresh.
  RunOptions spilled = reference;
  spilled.output_dir = dir + "/killed-counting";
  spilled.corpus_memory_keys = 5;
  ASSERT_TRUE(run_and_kill(spilled, "corpus:spill", 3));
  auto again = run(spilled);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_FALSE(again->resumed);
  EXPECT_EQ(outputs(spilled.output_dir), want);
  for (const auto& e : fs::recursive_directory_iterator(spilled.output_dir)) {
    EXPECT_EQ(e.path().filename().string().find("corpus-spill-"), std::string::npos) << e.path();
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }

  // Other counts for the same output directory are refused, as other options are.
  EXPECT_FALSE(merge_corpus_lines({}, dir + "/none.scx", 3).ok());
  RunOptions count = reference;
  count.output_dir = dir + "/count";
  count.corpus_count_only = true;
  ASSERT_TRUE(run(count).ok());
  ASSERT_TRUE(merge_corpus_lines({count.output_dir}, dir + "/two.scx", 2).ok());
  RunOptions other = reference;
  other.corpus_lines = dir + "/two.scx";
  auto refused = run(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("other inputs or options"), std::string::npos);
  // Standard input cannot be read twice.
  RunOptions from_stdin = reference;
  from_stdin.inputs = {"-"};
  from_stdin.output_dir = dir + "/stdin";
  auto no_stdin = run(from_stdin);
  ASSERT_FALSE(no_stdin.ok());
  EXPECT_NE(no_stdin.error().message.find("standard input"), std::string::npos);
  // A damaged count file is a clear error, not a crash.
  write_file(dir + "/bad.scx", read_file(dir + "/two.scx").substr(0, 70));
  other.corpus_lines = dir + "/bad.scx";
  other.output_dir = dir + "/bad-out";
  auto bad = run(other);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line counts"), std::string::npos);
}

}  // namespace
}  // namespace saring::pipeline
