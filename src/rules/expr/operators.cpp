// What the operators and functions of the language accept: one place, read by the type checker at load time and by
// the evaluator for x.NAME values, whose kind is only known then.
#include "ast.hpp"

namespace caas::rules::expr {

using util::Kind;

const std::vector<Function>& functions() {
  static const std::vector<Function> k_table = {
      {"known", Op::known, 1},  // known(path): the workload gives the field
      {"any", Op::any, 2},      // any(list, list): some item of the first is in the second
      {"all", Op::all, 2},      // all(list, list): every item of the first is in the second
  };
  return k_table;
}

bool is_numeric(Kind kind) { return kind == Kind::number || util::is_quantity(kind); }

// DESIGN: a count is dimensionless, so it meets a bare number as an equal: `traffic.requests_per_month > 1000` is
// as good as `> 1k`, and `count + number` is a count. Durations and sizes always need their unit.
bool comparable(Kind a, Kind b) {
  if (a == b) return a != Kind::list;
  return (a == Kind::count && b == Kind::number) || (a == Kind::number && b == Kind::count);
}

std::optional<Kind> arithmetic_kind(Op op, Kind a, Kind b) {
  if (!is_numeric(a) || !is_numeric(b)) return std::nullopt;
  const bool count_number = comparable(a, b) && a != b;
  switch (op) {
    case Op::add:
    case Op::sub:
      if (a == b) return a;
      if (count_number) return Kind::count;
      return std::nullopt;
    case Op::mul:  // scaling: a quantity by a number
      if (a == Kind::number) return b;
      if (b == Kind::number) return a;
      // A count is a number of events, so events times the time or bytes of one is the time or bytes of them all:
      // `traffic.requests_per_month * execution.duration.typical` is the busy time of a month.
      if (a == Kind::count && (b == Kind::duration || b == Kind::size)) return b;
      if (b == Kind::count && (a == Kind::duration || a == Kind::size)) return a;
      return std::nullopt;
    case Op::div:  // scaling down, or the ratio of two quantities of one kind
      if (a == b) return Kind::number;
      if (b == Kind::number) return a;
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::string describe(Kind kind) {
  switch (kind) {
    case Kind::unknown: return "a value of unknown kind";
    case Kind::boolean: return "a bool";
    case Kind::number: return "a number";
    case Kind::string: return "a string";
    case Kind::duration: return "a duration";
    case Kind::size: return "a size";
    case Kind::count: return "a count";
    case Kind::list: return "a list";
  }
  return "a value";
}

std::string_view symbol_of(Op op) {
  switch (op) {
    case Op::eq: return "==";
    case Op::ne: return "!=";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::in: return "in";
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::not_: return "not";
    case Op::and_: return "and";
    case Op::or_: return "or";
    case Op::known: return "known";
    case Op::any: return "any";
    case Op::all: return "all";
    default: return "";
  }
}

std::unique_ptr<Node> clone(const Node& node) {
  auto copy = std::make_unique<Node>();
  copy->op = node.op;
  copy->kind = node.kind;
  copy->item_kind = node.item_kind;
  copy->offset = node.offset;
  copy->length = node.length;
  copy->begin = node.begin;
  copy->end = node.end;
  copy->height = node.height;
  copy->slot = node.slot;
  copy->path_index = node.path_index;
  copy->name = node.name;
  copy->constant = node.constant;
  copy->children.reserve(node.children.size());
  for (const auto& child : node.children) copy->children.push_back(clone(*child));
  return copy;
}

}  // namespace caas::rules::expr
