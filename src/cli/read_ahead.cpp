#include "cli/read_ahead.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <ios>

namespace caas::cli {

namespace {

// Whether the file is in the page cache, as a file just downloaded or read is: told by its last page, looked up
// without reading it (a read that missed would start the kernel's read-ahead there).
bool cached(int fd, std::int64_t size) {
  const auto page = static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
  if (size <= 0 || page <= 0) return false;
  const auto offset = (size - 1) / page * page;
  void* map = ::mmap(nullptr, static_cast<std::size_t>(page), PROT_READ, MAP_SHARED, fd, offset);
  if (map == MAP_FAILED) return false;
  unsigned char resident = 0;
  const bool in_cache = ::mincore(map, static_cast<std::size_t>(page), &resident) == 0 && (resident & 1) != 0;
  ::munmap(map, static_cast<std::size_t>(page));
  return in_cache;
}

}  // namespace

ReadAheadBuffer::ReadAheadBuffer(const std::string& path, const ReadAheadOptions& options)
    : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
  if (m_fd < 0) return;
  // A large file not in the page cache is read straight into the blocks (O_DIRECT): the import reads each byte once,
  // so the cache would only cost the kernel's work of filling it (most of the time of a cold read where it was
  // measured, docs/performance.md) and push out what other programs keep there. A file in the cache is read from it.
  struct stat status {};
  if (::fstat(m_fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size >= options.direct_from &&
      !(options.unless_cached && cached(m_fd, status.st_size))) {
    const int flags = ::fcntl(m_fd, F_GETFL);
    m_direct = flags >= 0 && ::fcntl(m_fd, F_SETFL, flags | O_DIRECT) == 0;
  }
#if defined(POSIX_FADV_SEQUENTIAL)
  if (!m_direct) ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);  // a larger read-ahead window in the kernel
#endif
  m_block_size = options.block;
  for (auto& b : m_blocks) b.reset(static_cast<char*>(::operator new[](m_block_size, k_page)));
  m_thread = std::thread([this] { read_blocks(); });
}

ReadAheadBuffer::~ReadAheadBuffer() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
  if (m_fd >= 0) ::close(m_fd);
}

bool ReadAheadBuffer::read_block(char* block, std::size_t& length) {
  length = 0;
  while (length < m_block_size) {
    const auto n = ::read(m_fd, block + length, m_block_size - length);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EINVAL && direct()) {  // a file system that does not read past its cache (tmpfs)
      const int flags = ::fcntl(m_fd, F_GETFL);
      if (flags >= 0 && ::fcntl(m_fd, F_SETFL, flags & ~O_DIRECT) == 0) {
        const std::lock_guard lock(m_mutex);
        m_direct = false;
        continue;
      }
    }
    if (n < 0) return false;
    if (n == 0) break;
    length += static_cast<std::size_t>(n);
  }
  return true;
}

void ReadAheadBuffer::read_blocks() {
  for (std::uint64_t k = 0;; ++k) {
    {
      // Block k may be filled once the reader is past block k - k_ring, which used the same memory.
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_stop || k < k_ring || k + 1 < m_taken + k_ring; });
      if (m_stop) return;
    }
    char* block = m_blocks[k % k_ring].get();
    std::size_t length = 0;
    const bool failed = !read_block(block, length);
    {
      const std::lock_guard lock(m_mutex);
      m_lengths[k % k_ring] = length;
      if (length > 0) m_filled = k + 1;  // what was read before an error is handed over, then the error
      m_failed = failed;
      m_done = failed || length < m_block_size;
    }
    m_changed.notify_all();
    if (failed || length < m_block_size) return;
  }
}

ReadAheadBuffer::int_type ReadAheadBuffer::underflow() {
  if (m_fd < 0) return traits_type::eof();
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_filled > m_taken || m_done; });
  if (m_filled == m_taken) {
    if (m_failed) throw std::ios_base::failure("the file could not be read to its end");
    return traits_type::eof();
  }
  char* block = m_blocks[m_taken % k_ring].get();
  const auto length = m_lengths[m_taken % k_ring];
  ++m_taken;  // and the block before it is free again
  lock.unlock();
  m_changed.notify_all();
  if (length == 0) return traits_type::eof();
  setg(block, block, block + length);
  return traits_type::to_int_type(*gptr());
}

}  // namespace caas::cli
