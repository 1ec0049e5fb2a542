// The writer's lock of an output directory.
#include "output_lock.h"

#include "outdir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace saring::pipeline {

Result<OutputLock> OutputLock::acquire(const std::string& output_dir) {
  std::error_code ec;
  const std::string state = output_dir + "/" + kStateDir;
  std::filesystem::create_directories(state, ec);
  if (ec) return make_error(ErrorCode::io, output_dir + ": " + ec.message());
  // --overwrite clears the state folder but this file: the lock must outlive
  // everything it protects.
  const std::string path = state + "/" + kLockFile;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return make_error(ErrorCode::io, "cannot open " + path + ": " + std::strerror(errno));
  int r;
  do r = ::flock(fd, LOCK_EX | LOCK_NB);
  while (r != 0 && errno == EINTR);
  if (r != 0) {
    const int err = errno;
    char holder[128] = {0};
    ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
    ::close(fd);
    std::string who = n > 0 ? std::string(holder, static_cast<size_t>(n)) : std::string();
    while (!who.empty() && (who.back() == '\n' || who.back() == '\0')) who.pop_back();
    if (err == EWOULDBLOCK)
      return make_error(ErrorCode::invalid_input,
                        output_dir + " is being written by another saring process" +
                            (who.empty() ? std::string() : " (" + who + ")") +
                            "; wait for it to finish or stop it");
    return make_error(ErrorCode::io, "cannot lock " + path + ": " + std::strerror(err));
  }
  // Who holds it, for the message above (informative only).
  char host[64] = {0};
  ::gethostname(host, sizeof host - 1);
  std::string who = "pid " + std::to_string(::getpid()) + " on " + host + "\n";
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, who.data(), who.size(), 0);
  return OutputLock(fd);
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace saring::pipeline
