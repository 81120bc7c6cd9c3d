// The floor the benchmark compares the advisor against: read every workload file under the given folders and parse
// it with yaml-cpp's YAML::Load into a node tree, on one thread, and nothing else (no validation, no rules, no
// output). Prints the number of files and YAML nodes so the work cannot be optimised away.
//
// With --libyaml, the files are parsed with libyaml's parser instead (events counted, no tree): the scanner the
// advisor itself reads workload files with, for comparison.
//
//   parse_floor [--libyaml] DIR...
#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
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

// The nodes libyaml's parser reports for `text` (scalars, aliases, sequences and mappings), or nullopt on an error.
std::optional<std::size_t> libyaml_nodes(const std::string& text) {
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) return std::nullopt;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::size_t nodes = 0;
  bool ok = true;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      ok = false;
      break;
    }
    switch (event.type) {
      case YAML_SCALAR_EVENT:
      case YAML_ALIAS_EVENT:
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: ++nodes; break;
      case YAML_STREAM_END_EVENT: done = true; break;
      default: break;
    }
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  if (!ok) return std::nullopt;
  return nodes;
}

bool is_spec(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

}  // namespace

int main(int argc, char** argv) {
  int first = 1;
  const bool libyaml = argc > 1 && std::string(argv[1]) == "--libyaml";
  if (libyaml) ++first;
  if (argc <= first) {
    std::fputs("usage: parse_floor [--libyaml] DIR...\n", stderr);
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = first; i < argc; ++i) {
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
    if (libyaml) {
      if (const auto counted = libyaml_nodes(buffer.str()))
        nodes += *counted;
      else
        ++errors;
      continue;
    }
    try {
      nodes += count_nodes(YAML::Load(buffer.str()));
    } catch (const YAML::Exception&) {
      ++errors;
    }
  }
  std::printf("%zu files, %zu nodes, %zu errors\n", files.size(), nodes, errors);
  return errors == 0 ? 0 : 1;
}
