#include "cli/read_ahead.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
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
    m_direct = m_tried_direct = flags >= 0 && ::fcntl(m_fd, F_SETFL, flags | O_DIRECT) == 0;
  }
#if defined(POSIX_FADV_SEQUENTIAL)
  if (!m_direct) ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);  // a larger read-ahead window in the kernel
#endif
  m_block_size = options.block;
  m_positional = S_ISREG(status.st_mode);
  try {
    for (auto& b : m_blocks) b.reset(static_cast<char*>(::operator new[](m_block_size, k_page)));
    // A regular file is read by two threads, each its own blocks at their offsets: two reads in flight keep a disk
    // busy where one, waiting for each answer, does not (past the cache, no kernel read-ahead does it). Anything
    // else (a pipe) is read on the calling thread as it comes: a thread blocked on a pipe could not be stopped.
    if (m_positional)
      for (std::uint64_t t = 0; t < 2; ++t) m_threads.emplace_back([this, t] { read_blocks(t, 2); });
  } catch (...) {
    stop();
    ::close(m_fd);
    throw;
  }
}

ReadAheadBuffer::~ReadAheadBuffer() {
  stop();
  if (m_fd >= 0) ::close(m_fd);
}

void ReadAheadBuffer::stop() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  for (auto& thread : m_threads) thread.join();
  m_threads.clear();
}

bool ReadAheadBuffer::read_block(char* block, std::uint64_t offset, std::size_t& length) {
  length = 0;
  bool direct_once = m_tried_direct;
  while (length < m_block_size) {
    const auto n = ::pread(m_fd, block + length, m_block_size - length, static_cast<off_t>(offset + length));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EINVAL && direct_once) {  // a file system that does not read past its cache (tmpfs)
      direct_once = false;                          // (either thread may have turned it off already)
      const int flags = ::fcntl(m_fd, F_GETFL);
      if (flags >= 0 && ((flags & O_DIRECT) == 0 || ::fcntl(m_fd, F_SETFL, flags & ~O_DIRECT) == 0)) {
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

void ReadAheadBuffer::read_blocks(std::uint64_t first, std::uint64_t step) {
  for (std::uint64_t k = first;; k += step) {
    {
      // Block k may be filled once the reader is past block k - k_ring, which used the same memory.
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_stop || k >= m_end || k < k_ring || k + 1 < m_taken + k_ring; });
      if (m_stop || k >= m_end) return;
    }
    const auto slot = k % k_ring;
    std::size_t length = 0;
    const bool failed = !read_block(m_blocks[slot].get(), k * m_block_size, length);
    {
      const std::lock_guard lock(m_mutex);
      if (failed) {
        m_failed_at = std::min(m_failed_at, k);
      } else {
        m_lengths[slot] = length;
        m_slot_block[slot] = k;
        if (length < m_block_size) m_end = std::min(m_end, length > 0 ? k + 1 : k);
      }
    }
    m_changed.notify_all();
    if (failed || length < m_block_size) return;
  }
}

ReadAheadBuffer::int_type ReadAheadBuffer::underflow() {
  if (m_fd < 0) return traits_type::eof();
  if (!m_positional) {  // a pipe: what it has, as it comes
    char* block = m_blocks[0].get();
    ssize_t n = 0;
    do {
      n = ::read(m_fd, block, m_block_size);
    } while (n < 0 && errno == EINTR);
    if (n < 0) throw std::ios_base::failure("the file could not be read to its end");
    if (n == 0) return traits_type::eof();
    setg(block, block, block + n);
    return traits_type::to_int_type(*gptr());
  }
  std::unique_lock lock(m_mutex);
  const auto slot = m_taken % k_ring;
  m_changed.wait(lock, [&] { return m_slot_block[slot] == m_taken || m_failed_at <= m_taken || m_taken >= m_end; });
  // The end first: a block read after it (a file that grew meanwhile) would leave a gap.
  if (m_taken >= m_end) return traits_type::eof();
  if (m_slot_block[slot] != m_taken) throw std::ios_base::failure("the file could not be read to its end");
  char* block = m_blocks[slot].get();
  const auto length = m_lengths[slot];
  ++m_taken;  // and the block before it is free again
  lock.unlock();
  m_changed.notify_all();
  if (length == 0) return traits_type::eof();
  setg(block, block, block + length);
  return traits_type::to_int_type(*gptr());
}

}  // namespace caas::cli
