// The floor the benchmark compares the advisor against: read every workload file under the given folders and parse
// it with yaml-cpp's YAML::Load into a node tree, on one thread, and nothing else (no validation, no rules, no
// output). Prints the number of files and YAML nodes so the work cannot be optimised away.
//
//   parse_floor DIR...
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::size_t count_nodes(const YAML::Node& node) {
  std::size_t n = 1;
  if (node.IsMap())
    for (const auto& entry : node) n += count_nodes(entry.first) + count_nodes(entry.second);
  else if (node.IsSequence())
    for (const auto& item : node) n += count_nodes(item);
  return n;
}

bool is_spec(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: parse_floor DIR...\n", stderr);
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
      if (entry.is_regular_file() && is_spec(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t nodes = 0;
  std::size_t errors = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    try {
      nodes += count_nodes(YAML::Load(buffer.str()));
    } catch (const YAML::Exception&) {
      ++errors;
    }
  }
  std::printf("%zu files, %zu nodes, %zu errors\n", files.size(), nodes, errors);
  return errors == 0 ? 0 : 1;
}
