// Atomic output files and size-sharded JSONL(.zst) writers.
//
// A shard is written under a hidden temporary name (".part-00003.jsonl.zst.tmp")
// and becomes visible under its final name only when it is complete: flush,
// fsync of the file, rename, fsync of the directory. So after a crash or a
// kill, every visible shard is whole, and the temporary leftovers can be
// deleted (remove_temp_files) before a run resumes. Which input records a
// shard holds is the caller's business (the pipeline keeps a journal, see
// docs/formats.md).
//
// Determinism: lines are gathered into fixed-size blocks before they reach
// zstd (single-threaded, fixed level, content checksum on), so the bytes of a
// shard depend only on its lines, not on how or when they were written.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "saring/io.h"

namespace saring::io {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBlock = 1 << 20;  // bytes handed to zstd at a time

Error errno_error(const std::string& what) {
  return make_error(ErrorCode::io, what + ": " + std::strerror(errno));
}

Status write_fully(int fd, const char* data, size_t n, const std::string& path) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return errno_error("write " + path);
    data += w;
    n -= static_cast<size_t>(w);
  }
  return ok_status();
}

Status fsync_dir(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno_error("open directory " + dir);
  int r = ::fsync(fd);
  ::close(fd);
  if (r != 0) return errno_error("fsync directory " + dir);
  return ok_status();
}

std::string parent_of(const std::string& path) {
  auto p = fs::path(path).parent_path().string();
  return p.empty() ? "." : p;
}

}  // namespace

Status write_file_atomic(const std::string& path, std::string_view content) {
  fs::path p(path);
  std::string dir = parent_of(path);
  std::string tmp = dir + "/." + p.filename().string() + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno_error("create " + tmp);
  auto st = write_fully(fd, content.data(), content.size(), tmp);
  if (st.ok() && ::fsync(fd) != 0) st = errno_error("fsync " + tmp);
  ::close(fd);
  if (st.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) st = errno_error("rename to " + path);
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  return fsync_dir(dir);
}

struct ShardedWriter::Open {
  uint32_t index = 0;
  std::string name, tmp_path, final_path;
  int fd = -1;
  ZSTD_CCtx* cctx = nullptr;
  std::string pending;  // uncompressed bytes not yet handed to zstd / the file
  std::string out;      // compressed bytes not yet written
  uint64_t records = 0, bytes = 0, file_bytes = 0;

  ~Open() {
    if (cctx != nullptr) ZSTD_freeCCtx(cctx);
    if (fd >= 0) ::close(fd);
  }

  Status write_out() {
    auto st = write_fully(fd, out.data(), out.size(), tmp_path);
    file_bytes += out.size();
    out.clear();
    return st;
  }

  // Hands `n` bytes of pending to the file, compressing if needed.
  Status push(size_t n, bool last) {
    if (cctx == nullptr) {
      out.append(pending, 0, n);
      pending.erase(0, n);
      return write_out();
    }
    ZSTD_inBuffer in{pending.data(), n, 0};
    const ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
    std::string buf(ZSTD_CStreamOutSize(), '\0');
    for (;;) {
      ZSTD_outBuffer o{buf.data(), buf.size(), 0};
      size_t rem = ZSTD_compressStream2(cctx, &o, &in, mode);
      if (ZSTD_isError(rem))
        return make_error(ErrorCode::internal, std::string("zstd: ") + ZSTD_getErrorName(rem));
      out.append(buf.data(), o.pos);
      if (last ? rem == 0 : in.pos == in.size) break;
    }
    pending.erase(0, n);
    return write_out();
  }
};

ShardedWriter::ShardedWriter(const ShardOptions& options)
    : options_(options), next_index_(options.first_index) {}

ShardedWriter::~ShardedWriter() { abandon(); }

Result<std::unique_ptr<ShardedWriter>> ShardedWriter::create(const ShardOptions& options) {
  std::error_code ec;
  fs::create_directories(options.dir, ec);
  if (ec) return make_error(ErrorCode::io, options.dir + ": " + ec.message());
  return std::unique_ptr<ShardedWriter>(new ShardedWriter(options));
}

std::string ShardedWriter::shard_name(uint32_t index) const {
  char num[16];
  std::snprintf(num, sizeof num, "%05u", index);
  return options_.prefix + num + options_.extension;
}

bool ShardedWriter::full() const {
  return open_ && open_->bytes >= options_.max_shard_bytes;
}

bool ShardedWriter::has_open_shard() const { return open_ != nullptr; }

Status ShardedWriter::write_line(std::string_view json) {
  if (!open_) {
    auto o = std::make_unique<Open>();
    o->index = next_index_;
    o->name = shard_name(o->index);
    o->final_path = options_.dir + "/" + o->name;
    o->tmp_path = options_.dir + "/." + o->name + ".tmp";
    o->fd = ::open(o->tmp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (o->fd < 0) return errno_error("create " + o->tmp_path);
    const std::string_view ext = options_.extension;
    if (ext.size() >= 4 && ext.substr(ext.size() - 4) == ".zst") {
      o->cctx = ZSTD_createCCtx();
      if (o->cctx == nullptr) return make_error(ErrorCode::internal, "zstd: cannot create context");
      ZSTD_CCtx_setParameter(o->cctx, ZSTD_c_compressionLevel, options_.zstd_level);
      ZSTD_CCtx_setParameter(o->cctx, ZSTD_c_checksumFlag, 1);
    }
    open_ = std::move(o);
  }
  Open& o = *open_;
  o.pending.append(json);
  o.pending += '\n';
  o.bytes += json.size() + 1;
  ++o.records;
  while (o.pending.size() >= kBlock) {
    auto st = o.push(kBlock, false);
    if (!st.ok()) return st;
  }
  if (options_.auto_rotate && full()) {
    auto done = finish_shard();
    if (!done.ok()) return done.error();
  }
  return ok_status();
}

Result<std::optional<ShardInfo>> ShardedWriter::finish_shard() {
  if (!open_) return std::optional<ShardInfo>{};
  Open& o = *open_;
  auto st = o.push(o.pending.size(), true);
  if (st.ok() && ::fsync(o.fd) != 0) st = errno_error("fsync " + o.tmp_path);
  if (st.ok()) {
    int r = ::close(o.fd);
    o.fd = -1;
    if (r != 0) st = errno_error("close " + o.tmp_path);
  }
  if (st.ok() && ::rename(o.tmp_path.c_str(), o.final_path.c_str()) != 0)
    st = errno_error("rename to " + o.final_path);
  if (st.ok()) st = fsync_dir(options_.dir);
  if (!st.ok()) {
    abandon();
    return st.error();
  }
  ShardInfo info{o.index, o.name, o.records, o.bytes, o.file_bytes};
  finished_.push_back(info);
  next_index_ = o.index + 1;
  open_.reset();
  return std::optional<ShardInfo>(info);
}

void ShardedWriter::abandon() {
  if (!open_) return;
  std::string tmp = open_->tmp_path;
  open_.reset();  // closes the descriptor
  ::unlink(tmp.c_str());
}

Result<size_t> remove_temp_files(const std::string& dir) {
  std::error_code ec;
  size_t removed = 0;
  if (!fs::exists(dir, ec)) return removed;
  std::vector<fs::path> victims;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 5 && name[0] == '.' && name.compare(name.size() - 4, 4, ".tmp") == 0)
      victims.push_back(it->path());
  }
  if (ec) return make_error(ErrorCode::io, dir + ": " + ec.message());
  for (const auto& v : victims) {
    if (fs::remove(v, ec)) ++removed;
  }
  return removed;
}

}  // namespace saring::io
