// CloudFormation references: `!Ref Parameter` to the parameter's default, and which resource a node points at.
#include "mappers.hpp"

namespace caas::import {

namespace {

// The name a Ref names: `!Ref X` or `{"Ref": "X"}`; empty otherwise.
std::string ref_name(const SpecNode& node) {
  if (node.tag == "!Ref" && node.is_scalar()) return node.text;
  if (node.is_map() && node.entries.size() == 1 && node.entries.front().first.text == "Ref" &&
      node.entries.front().second.is_scalar())
    return node.entries.front().second.text;
  return {};
}

void resolve(SpecNode& node, const SpecNode* parameters) {
  const auto name = ref_name(node);
  if (!name.empty()) {
    const auto written = node.tag == "!Ref" ? "!Ref " + name : "{Ref: " + name + "}";
    if (name.rfind("AWS::", 0) == 0) {
      node.unresolved = written + " (a pseudo parameter, known only when deployed)";
      return;
    }
    const SpecNode* parameter = parameters ? parameters->get(name) : nullptr;
    if (!parameter) return;  // a resource: left for the mappers to follow
    const SpecNode* default_value = parameter->is_map() ? parameter->get("Default") : nullptr;
    if (!default_value || default_value->is_map()) {
      node.unresolved = written + " (a parameter without a default)";
      return;
    }
    const int line = node.line;
    const int column = node.column;
    node = *default_value;
    node.line = line;
    node.column = column;
    node.resolved_from = written + ", the parameter's default";
    return;
  }
  for (auto& item : node.items) resolve(item, parameters);
  for (auto& [key, value] : node.entries) resolve(value, parameters);
}

}  // namespace

void resolve_parameter_refs(SpecNode& root) {
  if (!root.is_map()) return;
  const SpecNode parameters = root.get("Parameters") ? *root.get("Parameters") : SpecNode{};
  for (auto& [key, value] : root.entries)
    if (key.text != "Parameters") resolve(value, &parameters);
}

std::string referenced_resource(const SpecNode& node) {
  if (auto name = ref_name(node); !name.empty()) return name;
  const SpecNode* target = nullptr;
  if (node.tag == "!GetAtt") {
    target = &node;
  } else if (node.is_map() && node.entries.size() == 1 && node.entries.front().first.text == "Fn::GetAtt") {
    target = &node.entries.front().second;
  }
  if (!target) return {};
  if (target->is_scalar()) return target->text.substr(0, target->text.find('.'));
  if (target->is_sequence() && !target->items.empty() && target->items.front().is_scalar())
    return target->items.front().text;
  return {};
}

}  // namespace caas::import
