// Helpers shared by the test executables: scratch folders, gzip
// members made in memory, running a command and capturing what it printed,
// and JSON Lines parsing. Header-only; tests/CMakeLists.txt puts tests/ on
// every test's include path.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace saring::test_support {

namespace fs = std::filesystem;

// Scratch folders made by scratch_dir(), removed when the test process ends
// so repeated runs do not fill the temp folder. Set SARING_KEEP_TEST_DIRS to
// keep them for a look after a failure.
class ScratchRegistry {
 public:
  static ScratchRegistry& instance() {
    static ScratchRegistry registry;
    return registry;
  }
  void add(const fs::path& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    dirs_.push_back(dir);
  }
  ~ScratchRegistry() {
    if (std::getenv("SARING_KEEP_TEST_DIRS")) return;
    std::error_code ec;
    for (const auto& d : dirs_) fs::remove_all(d, ec);
  }

 private:
  std::mutex mutex_;
  std::vector<fs::path> dirs_;
};

// A fresh empty folder "<test temp dir>/saring-<area>-<name>-<pid>", removed
// at the end of the test process.
inline std::string scratch_dir(const std::string& area, const std::string& name) {
  std::string base = ::testing::TempDir();
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  std::string dir = base + "/saring-" + area + "-" + name + "-" + std::to_string(::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  ScratchRegistry::instance().add(dir);
  return dir;
}

// A gzip member (or, with other window bits, a zlib or raw deflate stream).
inline std::string gzip(const std::string& data, int window_bits = 16 + MAX_WBITS) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The whole file, or "" when it cannot be read.
inline std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// One JSON value per non-empty line.
inline std::vector<nlohmann::json> parse_json_lines(const std::string& text) {
  std::vector<nlohmann::json> v;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) v.push_back(nlohmann::json::parse(line));
  return v;
}

struct CommandResult {
  int exit_code = -1;  // -1 when the command could not run or did not exit normally
  std::string out;     // standard output
  std::string err;     // standard error, when a file was given for it
};

// Runs `command` through the shell and captures its standard output; its
// standard error goes to `err_file` (read back into .err) or is discarded.
inline CommandResult run_command(const std::string& command, const fs::path& err_file = {}) {
  CommandResult r;
  std::string cmd = command + (err_file.empty() ? " 2>/dev/null" : " 2>" + err_file.string());
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!err_file.empty()) r.err = slurp(err_file);
  return r;
}

// A fixture with a fresh scratch_dir() per test, named after the test.
class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised suites
    dir_ = scratch_dir("test", name);
  }

  // Writes `bytes` to dir/name; returns the path.
  std::string write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // Writes gzip(bytes), cut to its first `keep` bytes when given.
  std::string write_gz(const std::string& name, const std::string& bytes, size_t keep = SIZE_MAX) {
    std::string gz = gzip(bytes);
    if (keep < gz.size()) gz.resize(keep);
    return write(name, gz);
  }

  fs::path dir_;
};

}  // namespace saring::test_support
