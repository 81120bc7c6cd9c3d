#pragma once
// The one way a loader gets a yaml-cpp node. The rule and price tables (--rules, --pricing, and the build-time
// generator) keep yaml-cpp's node API, which suits their nested lookups; the text is first read by the one reader
// (yaml::read_yaml, with the limits), so that a mistake of YAML itself — syntax, size, bytes, nesting, an alias bomb,
// a merge key, a second document, a file that is not a map — has the same code, words and place as in any other file
// the tool reads, and yaml-cpp only ever sees one document that reader accepted. The one header of the project that
// names a third-party type: only modules that link yaml-cpp include it.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "caas/util/messages.hpp"
#include "caas/util/raw_text.hpp"
#include "caas/util/result.hpp"

namespace caas::yaml {

// What the file is, for messages: "a rule file", and the keys its top-level map holds.
struct FileShape {
  std::string_view what;
  std::vector<std::string_view> keys;
};

// A node's shape as the shared messages name it ("a list", "a map"...).
inline util::Shape shape_of(const YAML::Node& node) {
  if (node.IsMap()) return util::Shape::map;
  if (node.IsSequence()) return util::Shape::list;
  if (node.IsScalar()) return util::Shape::scalar;
  return util::Shape::nothing;
}

// The file's one document as a yaml-cpp map, or every error that keeps it from being one.
util::Result<YAML::Node> load_yaml_cpp(std::string_view text, const std::string& file, const util::InputLimits& limits,
                                       const FileShape& shape);

}  // namespace caas::yaml
