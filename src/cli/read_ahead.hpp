#pragma once
// A file read on a second thread, one block ahead of its reader: the kernel's work of reading a file from the disk
// (filling the page cache, copying out of it) runs beside the parse instead of between its blocks. `pricing import`
// reads multi-gigabyte Price List files through it (docs/performance.md). Private to the cli module.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace caas::cli {

class ReadAheadBuffer final : public std::streambuf {
 public:
  explicit ReadAheadBuffer(const std::string& path, std::size_t block = std::size_t{1} << 20);
  ~ReadAheadBuffer() override;
  ReadAheadBuffer(const ReadAheadBuffer&) = delete;
  ReadAheadBuffer& operator=(const ReadAheadBuffer&) = delete;

  bool is_open() const { return m_opened; }

 protected:
  // The next block; a read error is thrown, which makes the istream above report it as bad().
  int_type underflow() override;

 private:
  void read_blocks();

  std::ifstream m_file;
  bool m_opened = false;
  std::vector<char> m_blocks[2];
  std::size_t m_lengths[2] = {0, 0};
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::uint64_t m_filled = 0;  // blocks read so far; block k lives in m_blocks[k % 2]
  std::uint64_t m_taken = 0;   // blocks handed to the reader; all but the last are free again
  bool m_done = false;         // no block after m_filled: the end of the file, or an error
  bool m_failed = false;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace caas::cli
