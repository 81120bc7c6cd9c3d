// The load-time type check: every path exists, every comparison and operator meets the kinds it accepts, every
// string compared with an enumeration is one of its values. x.NAME paths are only known at evaluation and pass.
#include <algorithm>
#include <deque>

#include "ast.hpp"
#include "caas/util/suggest.hpp"

namespace caas::rules::expr {

namespace {

using util::Kind;

struct Type {
  Kind kind = Kind::unknown;
  Kind item_kind = Kind::unknown;
  const std::vector<std::string>* values = nullptr;  // an enumeration's values (of the value, or of its items)
  std::string_view path;                             // when the node is a path
};

Type of_kind(Kind kind, Kind item_kind = Kind::unknown) {
  Type type;
  type.kind = kind;
  type.item_kind = item_kind;
  return type;
}

bool is_string_constant(const Node& node) { return node.op == Op::constant && node.kind == Kind::string; }
bool has_items(const Node& node) { return node.op == Op::list || (node.op == Op::constant && node.kind == Kind::list); }
Type item_of(const Type& list) { return Type{list.item_kind, Kind::unknown, list.values, list.path}; }
Type type_of(const Node& node) { return of_kind(node.kind, node.item_kind); }

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += words[i];
  }
  return out;
}

std::string unit_hint(Kind kind) {
  if (kind == Kind::duration) return "give a unit, as in 15m or 30s";
  if (kind == Kind::size) return "give a unit, as in 512MiB or 10GiB";
  return "give a unit";
}

class Checker {
 public:
  Checker(const Schema& schema, std::string_view text) : m_schema(schema), m_text(text) {}

  std::optional<Problem> m_error;

  std::optional<Type> check(Node& node) {
    switch (node.op) {
      case Op::constant: return of_kind(node.kind, node.item_kind);
      case Op::path: return check_path(node);
      case Op::list: return check_list(node);
      case Op::known:
        if (!check(*node.children[0])) return std::nullopt;
        return set(node, Kind::boolean);
      case Op::any:
      case Op::all: return check_any_all(node);
      case Op::not_:
      case Op::and_:
      case Op::or_:
        for (auto& child : node.children) {
          auto type = check(*child);
          if (!type) return std::nullopt;
          if (type->kind != Kind::boolean && type->kind != Kind::unknown)
            return fail("expr-type",
                        cat(quoted(symbol_of(node.op)), " needs true or false, found ", what(*type, *child)), *child);
        }
        return set(node, Kind::boolean);
      case Op::in: return check_in(node);
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div: return check_arithmetic(node);
      default: return check_compare(node);
    }
  }

 private:
  const Schema& m_schema;
  std::string_view m_text;
  std::deque<FieldType> m_fields;  // keeps enumeration values alive for the Types that point at them

  std::nullopt_t fail(util::Code code, std::string message, const Node& at, std::string hint = {}) {
    if (!m_error)
      m_error = Problem{code, std::move(message), at.begin, std::max(at.end - at.begin, 1), std::move(hint)};
    return std::nullopt;
  }
  std::nullopt_t fail_at_operator(util::Code code, std::string message, const Node& node, std::string hint = {}) {
    if (!m_error) m_error = Problem{code, std::move(message), node.offset, node.length, std::move(hint)};
    return std::nullopt;
  }

  static Type set(Node& node, Kind kind, Kind item_kind = Kind::unknown) {
    node.kind = kind;
    node.item_kind = item_kind;
    return of_kind(kind, item_kind);
  }

  // "'execution.duration.max' (a duration)", "'10GiB' (a size)", or just "a size" for long operands.
  std::string what(const Type& type, const Node& node) const {
    const auto text =
        m_text.substr(static_cast<std::size_t>(node.begin), static_cast<std::size_t>(node.end - node.begin));
    if (text.empty() || text.size() > 40 || text.find('\n') != std::string_view::npos) return describe(type.kind);
    return cat(quoted(text), " (", describe(type.kind), ")");
  }

  std::optional<Type> check_path(Node& node) {
    auto field = m_schema.resolve ? m_schema.resolve(node.name) : std::nullopt;
    if (!field) {
      std::vector<std::string_view> paths(m_schema.paths.begin(), m_schema.paths.end());
      auto guess = util::did_you_mean(node.name, paths);
      if (!guess) {  // a section named instead of one of its fields
        const auto inside = std::find_if(paths.begin(), paths.end(), [&](std::string_view p) {
          return p.size() > node.name.size() && p.substr(0, node.name.size()) == node.name &&
                 p[node.name.size()] == '.';
        });
        if (inside != paths.end()) guess = std::string(*inside);
      }
      return fail("expr-unknown-path", cat("unknown path ", quoted(node.name)), node, did_you_mean_hint(guess));
    }
    const FieldType& kept = m_fields.emplace_back(std::move(*field));
    if (kept.slot < 0) {
      node.op = Op::extension;
      node.name = node.name.substr(0, 2) == "x." ? node.name.substr(2) : node.name;
    } else {
      node.op = Op::field;
      node.slot = kept.slot;
    }
    set(node, kept.kind, kept.item_kind);
    const std::string_view path =
        m_text.substr(static_cast<std::size_t>(node.begin), static_cast<std::size_t>(node.length));
    return Type{kept.kind, kept.item_kind, kept.values.empty() ? nullptr : &kept.values, path};
  }

  // A literal list of literals becomes one constant, built once; its items stay as children for error columns.
  std::optional<Type> check_list(Node& node) {
    Kind item_kind = Kind::unknown;
    const Node* first = nullptr;
    bool all_constant = true;
    for (auto& child : node.children) {
      auto type = check(*child);
      if (!type) return std::nullopt;
      if (type->kind == Kind::list) return fail("expr-type", "lists cannot be nested", *child);
      all_constant = all_constant && child->op == Op::constant;
      if (type->kind == Kind::unknown) continue;
      if (!first) {
        first = child.get();
        item_kind = type->kind;
      } else if (!comparable(item_kind, type->kind)) {
        const bool bare = util::is_quantity(item_kind) && type->kind == Kind::number && child->op == Op::constant;
        return fail(bare ? util::Code("expr-missing-unit") : util::Code("expr-type"),
                    cat("a list holds values of one kind; ", what(*type, *child), " follows ",
                        what(of_kind(item_kind), *first)),
                    *child, bare ? unit_hint(item_kind) : "");
      } else if (item_kind != type->kind) {
        item_kind = Kind::count;  // counts and bare numbers mix
      }
    }
    set(node, Kind::list, item_kind);
    if (all_constant) {
      std::vector<util::Value> items;
      for (const auto& child : node.children) items.push_back(child->constant);
      node.op = Op::constant;
      node.constant = util::Value::of_list(std::move(items), item_kind);
    }
    return of_kind(Kind::list, item_kind);
  }

  bool check_value(const std::vector<std::string>& values, std::string_view path, const Node& literal) {
    const std::string& word = literal.constant.text;
    if (std::find(values.begin(), values.end(), word) != values.end()) return true;
    std::vector<std::string_view> candidates(values.begin(), values.end());
    auto guess = util::did_you_mean(word, candidates);
    fail("expr-unknown-value", cat(quoted(word), " is not a value of ", path, "; expected ", join(values)), literal,
         did_you_mean_hint(guess));
    return false;
  }

  // Two values that meet in ==, <, `in`, any() or all(): kinds that compare, and strings an enumeration knows.
  bool check_pair(const Type& a, const Node& a_node, const Type& b, const Node& b_node) {
    if (a.kind == Kind::unknown || b.kind == Kind::unknown) return true;
    if (!comparable(a.kind, b.kind)) {
      // A bare number literal beside a quantity lacks its unit; a number field beside a quantity is a mismatch.
      const bool a_bare = a.kind == Kind::number && a_node.op == Op::constant && util::is_quantity(b.kind);
      const bool b_bare = b.kind == Kind::number && b_node.op == Op::constant && util::is_quantity(a.kind);
      if (a_bare || b_bare) {
        const Kind quantity = a_bare ? b.kind : a.kind;
        fail("expr-missing-unit", cat("cannot compare ", describe(quantity), " with a bare number"),
             a_bare ? a_node : b_node, unit_hint(quantity));
        return false;
      }
      // Point at the literal when there is one: it is what the author most likely got wrong.
      const Node& at = a_node.op == Op::constant ? a_node : b_node;
      fail("expr-type", cat("cannot compare ", what(a, a_node), " with ", what(b, b_node)), at);
      return false;
    }
    if (a.values && is_string_constant(b_node)) return check_value(*a.values, a.path, b_node);
    if (b.values && is_string_constant(a_node)) return check_value(*b.values, b.path, a_node);
    return true;
  }

  std::optional<Type> check_compare(Node& node) {
    auto a = check(*node.children[0]);
    if (!a) return std::nullopt;
    auto b = check(*node.children[1]);
    if (!b) return std::nullopt;
    const bool ordering = node.op != Op::eq && node.op != Op::ne;
    for (const auto* side : {&*a, &*b}) {
      const Node& child = side == &*a ? *node.children[0] : *node.children[1];
      if (side->kind == Kind::list)
        return fail("expr-type", cat(quoted(symbol_of(node.op)), " compares single values, found ", what(*side, child)),
                    child, "use any() or all() to test a list");
      if (ordering && side->kind != Kind::unknown && !is_numeric(side->kind))
        return fail("expr-type",
                    cat(quoted(symbol_of(node.op)), " needs numbers or quantities, found ", what(*side, child)), child);
    }
    if (!check_pair(*a, *node.children[0], *b, *node.children[1])) return std::nullopt;
    return set(node, Kind::boolean);
  }

  // A single value against a list's items: the literal items one by one (for their columns), else the item kind.
  bool check_against_items(const Type& single, const Node& single_node, const Type& list, const Node& list_node,
                           bool single_first) {
    if (!has_items(list_node)) {
      return single_first ? check_pair(single, single_node, item_of(list), list_node)
                          : check_pair(item_of(list), list_node, single, single_node);
    }
    for (const auto& item : list_node.children) {
      const bool ok = single_first ? check_pair(single, single_node, type_of(*item), *item)
                                   : check_pair(type_of(*item), *item, single, single_node);
      if (!ok) return false;
    }
    return true;
  }

  std::optional<Type> check_in(Node& node) {
    Node& left = *node.children[0];
    Node& right = *node.children[1];
    auto a = check(left);
    if (!a) return std::nullopt;
    auto b = check(right);
    if (!b) return std::nullopt;
    if (a->kind == Kind::list)
      return fail("expr-type", cat("the left of 'in' is a single value, found ", what(*a, left)), left,
                  "use any() or all() to test a list");
    if (b->kind != Kind::list && b->kind != Kind::unknown)
      return fail("expr-type", cat("'in' needs a list on its right, found ", what(*b, right)), right,
                  "write a list, as in [\"a\", \"b\"]");
    if (!check_against_items(*a, left, *b, right, true)) return std::nullopt;
    return set(node, Kind::boolean);
  }

  std::optional<Type> check_any_all(Node& node) {
    Node& first = *node.children[0];
    Node& second = *node.children[1];
    auto a = check(first);
    if (!a) return std::nullopt;
    auto b = check(second);
    if (!b) return std::nullopt;
    for (const auto* side : {&*a, &*b}) {
      const Node& child = side == &*a ? first : second;
      if (side->kind != Kind::list && side->kind != Kind::unknown)
        return fail("expr-type", cat(symbol_of(node.op), "() takes two lists, found ", what(*side, child)), child,
                    "as in any(triggers, [\"s3\", \"sqs\"])");
    }
    const bool ok = has_items(second) || !has_items(first) ? check_against_items(item_of(*a), first, *b, second, true)
                                                           : check_against_items(item_of(*b), second, *a, first, false);
    if (!ok) return std::nullopt;
    return set(node, Kind::boolean);
  }

  std::optional<Type> check_arithmetic(Node& node) {
    auto a = check(*node.children[0]);
    if (!a) return std::nullopt;
    auto b = check(*node.children[1]);
    if (!b) return std::nullopt;
    const std::string symbol(symbol_of(node.op));
    for (const auto* side : {&*a, &*b}) {
      const Node& child = side == &*a ? *node.children[0] : *node.children[1];
      if (side->kind != Kind::unknown && !is_numeric(side->kind))
        return fail("expr-type", cat(quoted(symbol), " needs numbers or quantities, found ", what(*side, child)),
                    child);
    }
    if (a->kind == Kind::unknown || b->kind == Kind::unknown) return set(node, Kind::unknown);
    if (auto kind = arithmetic_kind(node.op, a->kind, b->kind)) return set(node, *kind);
    const bool additive = node.op == Op::add || node.op == Op::sub;
    const bool a_bare = a->kind == Kind::number && node.children[0]->op == Op::constant;
    const bool b_bare = b->kind == Kind::number && node.children[1]->op == Op::constant;
    if (additive && (a_bare || b_bare)) {
      return fail("expr-missing-unit",
                  cat(quoted(symbol), " needs two values of the same kind, found ",
                      describe(a_bare ? b->kind : a->kind), " and a bare number"),
                  a_bare ? *node.children[0] : *node.children[1], unit_hint(a_bare ? b->kind : a->kind));
    }
    const std::string expected = additive             ? "two values of the same kind"
                                 : node.op == Op::mul ? "a quantity and a number, or a count and a duration or size"
                                                      : "a quantity divided by a number or by a quantity of its kind";
    return fail_at_operator("expr-type",
                            cat(quoted(symbol), " needs ", expected, ", found ", what(*a, *node.children[0]), " and ",
                                what(*b, *node.children[1])),
                            node);
  }
};

}  // namespace

std::optional<Problem> check_condition(Node& root, const Schema& schema, std::string_view text) {
  Checker checker(schema, text);
  auto type = checker.check(root);
  if (!type) return checker.m_error;
  if (type->kind != Kind::boolean && type->kind != Kind::unknown) {
    const auto length = std::max(root.end - root.begin, 1);
    return Problem{"expr-type", cat("a condition must be true or false, but this is ", describe(type->kind)),
                   root.begin, length, "compare it, as in execution.duration.max > 15m"};
  }
  return std::nullopt;
}

}  // namespace caas::rules::expr
