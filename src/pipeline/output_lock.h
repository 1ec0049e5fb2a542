// Internal: the lock that makes one process at a time the writer of an
// output directory (saring run, saring dedup apply).
#pragma once

#include <string>

#include "saring/result.h"

namespace saring::pipeline {

// An exclusive flock(2) on OUTDIR/.saring/lock, held while the object lives
// and released by the kernel when the process dies, so a crashed or killed
// writer never leaves a stale lock. A zombie worker or a requeued job that
// finds the directory locked gets an error naming the holder instead of
// writing the same files twice. (On NFS, Linux maps flock to NFS byte-range
// locks; Lustre needs its flock mount option.)
class OutputLock {
 public:
  static Result<OutputLock> acquire(const std::string& output_dir);
  OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace saring::pipeline
