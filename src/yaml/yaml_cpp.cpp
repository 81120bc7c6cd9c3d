#include "caas/yaml/yaml_cpp.hpp"

#include "caas/util/messages.hpp"
#include "caas/yaml/yaml_tree.hpp"

namespace caas::yaml {

namespace {

util::Diagnostic located(util::Problem problem, const std::string& file, int line, int column, std::string_view text,
                         int span = 1) {
  auto d = util::make_error(problem.code, std::move(problem.message), {file, line, column}, text, span);
  d.hint = std::move(problem.hint);
  return d;
}

}  // namespace

util::Result<YAML::Node> load_yaml_cpp(std::string_view text, const std::string& file, const util::InputLimits& limits,
                                       const FileShape& shape) {
  auto read = read_yaml(text, file, limits);
  if (!read.errors.empty()) return util::fail(std::move(read.errors));
  const auto& documents = read.tree.documents;
  const auto keys = util::one_of(shape.keys);
  if (documents.empty())
    return util::fail(located(util::not_a_map(shape.what, keys, util::Shape::nothing), file, 1, 1, text));
  if (documents.size() > 1)
    return util::fail(located(util::multiple_documents(shape.what, documents.size()), file, documents[1].line,
                              documents[1].column, text, 3));
  const auto& root = read.tree.node(documents.front().root);
  if (root.type != NodeType::map)
    return util::fail(
        located(util::not_a_map(shape.what, keys, shape_of(root.type)), file, root.line, root.column, text));
  if (auto merge_keys = refuse_merge_keys(read.tree, text, file); !merge_keys.empty())
    return util::fail(std::move(merge_keys));
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // The reader accepted the text, so this is a place where the two YAML libraries disagree.
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    return util::fail(util::make_error("yaml-syntax", "not valid YAML: " + e.msg, {file, line, column}, text));
  }
}

}  // namespace caas::yaml
