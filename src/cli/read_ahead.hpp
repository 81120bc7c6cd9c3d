#pragma once
// A regular file read by two threads, a few blocks ahead of its reader: the kernel's work of reading it from the disk
// runs beside the parse instead of between its blocks; a large file not in the page cache is read past it. A pipe
// is read as it comes, on the reader's thread. `pricing
// import` reads multi-gigabyte Price List files through it (docs/performance.md). Private to the cli module.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace caas::cli {

struct ReadAheadOptions {
  std::size_t block = std::size_t{4} << 20;            // bytes per read, a multiple of the page size
  std::int64_t direct_from = std::int64_t{256} << 20;  // files from this size on are read past the page cache...
  bool unless_cached = true;                           // ...unless they are in it already
};

class ReadAheadBuffer final : public std::streambuf {
 public:
  explicit ReadAheadBuffer(const std::string& path, const ReadAheadOptions& options = {});
  ~ReadAheadBuffer() override;
  ReadAheadBuffer(const ReadAheadBuffer&) = delete;
  ReadAheadBuffer& operator=(const ReadAheadBuffer&) = delete;

  bool is_open() const { return m_fd >= 0; }
  // Whether the file is being read past the page cache (O_DIRECT); false again if the file system refused.
  bool direct() const {
    const std::lock_guard lock(m_mutex);
    return m_direct;
  }

 protected:
  // The next block; a read error is thrown, which makes the istream above report it as bad().
  int_type underflow() override;

 private:
  // A reader thread: blocks first, first + step, first + 2 step...
  void read_blocks(std::uint64_t first, std::uint64_t step);
  // Reads the whole of `block` from `offset` but at the end of the file; false on a read error.
  bool read_block(char* block, std::uint64_t offset, std::size_t& length);
  // Stops the reader threads and waits for them.
  void stop();

  int m_fd = -1;
  bool m_direct = false;                      // reading past the page cache (O_DIRECT)
  bool m_tried_direct = false;                // asked for at open: a refusal (EINVAL) turns it off
  static constexpr std::uint64_t k_ring = 4;  // blocks in memory: the one being parsed and up to three read ahead
  // On page boundaries: the kernel then copies a file's pages into a block whole, not across two of its pages.
  static constexpr std::align_val_t k_page{4096};
  struct PageFree {
    void operator()(char* p) const { ::operator delete[](p, k_page); }
  };
  std::unique_ptr<char[], PageFree> m_blocks[k_ring];
  std::size_t m_block_size = 0;
  std::size_t m_lengths[k_ring] = {};
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  static constexpr std::uint64_t k_none = ~std::uint64_t{0};
  std::uint64_t m_slot_block[k_ring] = {k_none, k_none, k_none, k_none};  // the block read into each slot
  std::uint64_t m_taken = 0;           // blocks handed to the reader; all but the last are free again
  std::uint64_t m_end = k_none;        // the first block past the end of the file, once known
  std::uint64_t m_failed_at = k_none;  // the first block that could not be read
  bool m_positional = false;           // a regular file, read at offsets (pread) by two threads
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

}  // namespace caas::cli
