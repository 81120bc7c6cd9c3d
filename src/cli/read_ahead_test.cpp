#include "cli/read_ahead.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <string>
#include <thread>

using caas::cli::ReadAheadBuffer;
using caas::cli::ReadAheadOptions;

namespace {

std::string bytes(std::size_t n) {
  std::string out(n, '\0');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>('a' + (i * 7 + i / 13) % 26);
  return out;
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("caas-read-ahead-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string read_all(std::istream& in, std::size_t chunk) {
  std::string out;
  std::string piece(chunk, '\0');
  while (in.read(piece.data(), static_cast<std::streamsize>(chunk)) || in.gcount() > 0)
    out.append(piece.data(), static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace

TEST_CASE("cli read-ahead: a file comes out whole and in order, whatever its size against the block", "[cli]") {
  const std::size_t block = 64;
  for (const std::size_t size :
       {std::size_t{0}, std::size_t{1}, block - 1, block, block + 1, 2 * block, 3 * block, 10 * block + 17}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{5}, block, 3 * block}) {
      INFO("size " << size << ", read " << chunk << " at a time");
      const auto content = bytes(size);
      const auto path = write_temp("whole", content);
      ReadAheadBuffer buffer(path.string(), ReadAheadOptions{block});
      REQUIRE(buffer.is_open());
      std::istream in(&buffer);
      CHECK(read_all(in, chunk) == content);
      CHECK(in.eof());
      CHECK_FALSE(in.bad());
      std::filesystem::remove(path);
    }
  }
}

TEST_CASE("cli read-ahead: a reader that stops early is not kept waiting, and a missing file does not open", "[cli]") {
  const auto content = bytes(1000);
  const auto path = write_temp("early", content);
  {
    ReadAheadBuffer buffer(path.string(), ReadAheadOptions{16});
    std::istream in(&buffer);
    std::string start(40, '\0');
    in.read(start.data(), 40);
    CHECK(start == content.substr(0, 40));
  }  // destroyed with the second thread waiting to fill a block
  std::filesystem::remove(path);
  const ReadAheadBuffer missing((std::filesystem::temp_directory_path() / "caas-read-ahead-none").string());
  CHECK_FALSE(missing.is_open());
}

TEST_CASE("cli read-ahead: a file that cannot be read to its end makes the stream bad", "[cli]") {
  // A folder opens on Linux but fails to read (EISDIR): the error reaches the stream, not a silent end of file.
  ReadAheadBuffer buffer(std::filesystem::temp_directory_path().string(), ReadAheadOptions{16});
  if (!buffer.is_open()) return;  // where a folder does not open at all, there is nothing to read
  std::istream in(&buffer);
  char c = 0;
  in.read(&c, 1);
  CHECK(in.bad());
}

TEST_CASE("cli read-ahead: a file read past the page cache comes out the same, or is read through it where it cannot",
          "[cli]") {
  // Page-sized blocks can be read past the cache (O_DIRECT) on most file systems; 100-byte ones never can, which
  // takes the fallback to ordinary reads. Either way the bytes are the file's.
  for (const std::size_t block : {std::size_t{4096}, std::size_t{100}}) {
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{4096}, std::size_t{3 * 4096 + 1234}, std::size_t{65536}}) {
      INFO("block " << block << ", size " << size);
      const auto content = bytes(size);
      const auto path = write_temp("direct", content);
      ReadAheadBuffer buffer(path.string(), ReadAheadOptions{block, 0, false});
      std::istream in(&buffer);
      CHECK(read_all(in, 1000) == content);
      CHECK_FALSE(in.bad());
      if (block == 100 && size > 0) CHECK_FALSE(buffer.direct());
      std::filesystem::remove(path);
    }
  }
  // A file in the page cache (this one was just written) is read through it.
  const auto path = write_temp("cached", bytes(8192));
  const ReadAheadBuffer buffer(path.string(), ReadAheadOptions{4096, 0, true});
  CHECK_FALSE(buffer.direct());
  std::filesystem::remove(path);
}

TEST_CASE("cli read-ahead: a named pipe is read in order, as it comes, on the reader's thread", "[cli]") {
  const auto path = std::filesystem::temp_directory_path() / ("caas-read-ahead-fifo-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  const auto content = bytes(100000);
  std::thread writer([&] { std::ofstream(path, std::ios::binary) << content; });
  {
    ReadAheadBuffer buffer(path.string(), ReadAheadOptions{4096});
    REQUIRE(buffer.is_open());
    std::istream in(&buffer);
    CHECK(read_all(in, 777) == content);
    CHECK_FALSE(buffer.direct());
  }
  writer.join();
  std::filesystem::remove(path);
}
