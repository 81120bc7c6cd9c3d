// Reading a condition back as a single bound, for "what would change this".
#include "ast.hpp"

namespace caas::rules::expr {

namespace {

bool is_read(const Node& node) { return node.op == Op::field || node.op == Op::extension; }

std::string path_of(const Node& node) { return node.op == Op::extension ? "x." + node.name : node.name; }

// `15m < path` reads as `path > 15m`.
std::string_view mirrored(Op op) {
  switch (op) {
    case Op::lt: return ">";
    case Op::le: return ">=";
    case Op::gt: return "<";
    case Op::ge: return "<=";
    default: return symbol_of(op);
  }
}

}  // namespace

std::optional<Bound> Expression::bound() const {
  if (!m_root) return std::nullopt;
  const Node& root = *m_root;
  if (is_read(root) && root.kind == util::Kind::boolean) return Bound{path_of(root), "==", "true"};
  if (root.op == Op::not_ && root.children.size() == 1 && is_read(*root.children[0]))
    return Bound{path_of(*root.children[0]), "==", "false"};
  switch (root.op) {
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: break;
    default: return std::nullopt;
  }
  if (root.children.size() != 2) return std::nullopt;
  const Node& left = *root.children[0];
  const Node& right = *root.children[1];
  auto literal = [&](const Node& node) {
    return m_text.substr(static_cast<std::size_t>(node.begin), static_cast<std::size_t>(node.end - node.begin));
  };
  if (is_read(left) && right.op == Op::constant)
    return Bound{path_of(left), std::string(symbol_of(root.op)), literal(right)};
  if (is_read(right) && left.op == Op::constant)
    return Bound{path_of(right), std::string(mirrored(root.op)), literal(left)};
  return std::nullopt;
}

}  // namespace caas::rules::expr
