#pragma once
// A data file compiled into the binary (see cmake/EmbedFiles.cmake).
#include <string_view>
#include <vector>

namespace caas::util {

struct EmbeddedFile {
  std::string_view name;  // path relative to the project root, e.g. "rules/aws.yaml"
  std::string_view text;
};

}  // namespace caas::util
