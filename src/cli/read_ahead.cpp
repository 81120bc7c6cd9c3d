#include "cli/read_ahead.hpp"

#include <ios>

namespace caas::cli {

ReadAheadBuffer::ReadAheadBuffer(const std::string& path, std::size_t block)
    : m_file(path, std::ios::binary), m_opened(m_file.is_open()) {
  if (!m_opened) return;
  for (auto& b : m_blocks) b.resize(block);
  m_thread = std::thread([this] { read_blocks(); });
}

ReadAheadBuffer::~ReadAheadBuffer() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void ReadAheadBuffer::read_blocks() {
  for (std::uint64_t k = 0;; ++k) {
    {
      // Block k may be filled once the reader is past block k - 2, which used the same memory.
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_stop || k < m_taken + 1 || k < 2; });
      if (m_stop) return;
    }
    auto& block = m_blocks[k % 2];
    m_file.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto length = static_cast<std::size_t>(m_file.gcount());
    const bool failed = m_file.bad();
    {
      const std::lock_guard lock(m_mutex);
      m_lengths[k % 2] = length;
      if (length > 0) m_filled = k + 1;  // what was read before an error is handed over, then the error
      m_failed = failed;
      m_done = failed || length < block.size();
    }
    m_changed.notify_all();
    if (failed || length < block.size()) return;
  }
}

ReadAheadBuffer::int_type ReadAheadBuffer::underflow() {
  if (!m_opened) return traits_type::eof();
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_filled > m_taken || m_done; });
  if (m_filled == m_taken) {
    if (m_failed) throw std::ios_base::failure("the file could not be read to its end");
    return traits_type::eof();
  }
  auto& block = m_blocks[m_taken % 2];
  const auto length = m_lengths[m_taken % 2];
  ++m_taken;  // and the block before it is free again
  lock.unlock();
  m_changed.notify_all();
  if (length == 0) return traits_type::eof();
  setg(block.data(), block.data(), block.data() + length);
  return traits_type::to_int_type(*gptr());
}

}  // namespace caas::cli
