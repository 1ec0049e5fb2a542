// Readers bound what they buffer: a huge record without a line end, from a
// compressed file or from standard input, costs at most about
// ReaderOptions::max_record_bytes of memory, is reported as too_large, and
// the good record after it is still read.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "saring/io.h"
#include "test_util.h"

namespace saring::io {
namespace {

using namespace saring::io::testing;

constexpr uint64_t kLimit = 1 << 20;
constexpr size_t kZeros = 64u << 20;  // 64 times the limit
// What reading may cost: a gzip member that decodes to at most 32 MB is
// inflated in one piece (the fast path), plus read-ahead buffers.
constexpr uint64_t kMaxGrowth = 40u << 20;
const std::string kGoodLine = "{\"id\":\"after\",\"text\":\"kept\"}\n";

uint64_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<uint64_t>(u.ru_maxrss) * 1024;
}

// Reads `input` with the limit; checks that the zeros are one too_large
// error, the good line after them a record, and that memory stayed flat.
void expect_bounded(const Input& input, bool good_line_follows) {
  ReaderOptions opt;
  opt.max_record_bytes = kLimit;
  const uint64_t peak_before = peak_rss_bytes();
  auto reader = open_reader(input, opt);
  ASSERT_TRUE(reader.ok());
  auto items = read_items(**reader);
  ASSERT_EQ(items.size(), good_line_follows ? 2u : 1u);
  EXPECT_FALSE(items[0].ok);
  EXPECT_NE(items[0].error.find("too_large"), std::string::npos) << items[0].error;
  if (good_line_follows) {
    ASSERT_TRUE(items[1].ok) << items[1].error;
    EXPECT_EQ(items[1].record.id, "after");
  }
  EXPECT_LT(peak_rss_bytes(), peak_before + kMaxGrowth);
}

// Runs `reading` with standard input fed `content` by a child process.
template <class F>
void with_stdin(const std::string& content, F&& reading) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipe_fds[0]);
    for (size_t done = 0; done < content.size();) {
      ssize_t n = ::write(pipe_fds[1], content.data() + done, content.size() - done);
      if (n <= 0) _exit(1);
      done += static_cast<size_t>(n);
    }
    _exit(0);
  }
  int saved = ::dup(0);
  ::dup2(pipe_fds[0], 0);
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  reading();
  ::dup2(saved, 0);
  ::close(saved);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

TEST(Bounded, GzipOfZerosWithoutLineEndIsTooLargeAndTheNextLineIsRead) {
  std::string dir = temp_dir("bounded");
  write_file(dir + "/zeros.jsonl.gz", gzip_member(std::string(kZeros, '\0')) + gzip_member("\n" + kGoodLine));
  expect_bounded({dir + "/zeros.jsonl.gz", Format::jsonl}, true);
}

TEST(Bounded, ZerosOnStandardInputAreTooLargeAndTheNextLineIsRead) {
  with_stdin(std::string(kZeros, '\0') + "\n" + kGoodLine,
             [] { expect_bounded({"-", Format::jsonl}, true); });
}

TEST(Bounded, HtmlAndTextBeyondTheLimitAreTooLarge) {
  std::string dir = temp_dir("bounded-whole");
  write_file(dir + "/big.html.gz", gzip_member(std::string(kZeros, 'x')));
  expect_bounded({dir + "/big.html.gz", Format::html}, false);
  with_stdin(std::string(kZeros, 'y'), [] { expect_bounded({"-", Format::text}, false); });
}

TEST(Bounded, WarcRecordBeyondTheLimitIsSkippedInBoundedMemory) {
  std::string dir = temp_dir("bounded-warc");
  std::string big = warc_record("resource", std::string(kZeros, 'z'), "Content-Type: text/html\r\n");
  write_file(dir + "/big.warc.gz", gzip_member(big) + gzip_member(warc_record("conversion", "kecil")));
  ReaderOptions opt;
  opt.max_record_bytes = kLimit;
  const uint64_t peak_before = peak_rss_bytes();
  auto reader = open_reader({dir + "/big.warc.gz", Format::warc}, opt);
  ASSERT_TRUE(reader.ok());
  auto items = read_items(**reader);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_NE(items[0].error.find("too_large"), std::string::npos) << items[0].error;
  EXPECT_EQ(items[1].record.raw, "kecil");
  EXPECT_LT(peak_rss_bytes(), peak_before + kMaxGrowth);
}

}  // namespace
}  // namespace saring::io
