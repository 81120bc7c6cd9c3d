// Evaluation: Kleene logic over the compiled tree, reading fields by slot. Values are passed by reference into
// per-call scratch slots, so literals (strings, constant lists) are never copied per workload.
#include <cmath>

#include "ast.hpp"

namespace caas::rules::expr {

namespace {

using util::Kind;
using util::Value;

// Which paths were read, by their index in Expression::paths(); no allocation for up to 64 paths.
class ReadSet {
 public:
  void mark(int index) {
    const auto i = static_cast<std::size_t>(index);
    if (i < 64) {
      m_small |= std::uint64_t{1} << i;
      return;
    }
    if (m_large.size() <= i) m_large.resize(i + 1);
    m_large[i] = true;
  }
  bool has(std::size_t i) const { return i < 64 ? ((m_small >> i) & 1U) != 0 : i < m_large.size() && m_large[i]; }

 private:
  std::uint64_t m_small = 0;
  std::vector<bool> m_large;
};

// What an absent field reads as.
const Value k_unknown{};

Truth truth_of(bool b) { return b ? Truth::true_ : Truth::false_; }
Truth negate(Truth t) { return t == Truth::unknown ? t : truth_of(t == Truth::false_); }

// ==, !=, <, ... of two known values; unknown when the kinds do not meet (possible only for x.NAME).
Truth compare(Op op, const Value& a, const Value& b) {
  if (!a.is_known() || !b.is_known() || !comparable(a.kind, b.kind)) return Truth::unknown;
  if (a.kind == Kind::string) {
    if (op == Op::eq) return truth_of(a.text == b.text);
    if (op == Op::ne) return truth_of(a.text != b.text);
    return Truth::unknown;
  }
  if (a.kind == Kind::boolean && op != Op::eq && op != Op::ne) return Truth::unknown;
  switch (op) {
    case Op::eq: return truth_of(a.number == b.number);
    case Op::ne: return truth_of(a.number != b.number);
    case Op::lt: return truth_of(a.number < b.number);
    case Op::le: return truth_of(a.number <= b.number);
    case Op::gt: return truth_of(a.number > b.number);
    case Op::ge: return truth_of(a.number >= b.number);
    default: return Truth::unknown;
  }
}

// `value in list`: true when an item equals it; unknown when none does but some item could not be compared.
Truth member(const Value& value, const Value& list) {
  if (!value.is_known() || list.kind != Kind::list) return Truth::unknown;
  Truth result = Truth::false_;
  for (const auto& item : list.items) {
    const Truth t = compare(Op::eq, value, item);
    if (t == Truth::true_) return t;
    if (t == Truth::unknown) result = Truth::unknown;
  }
  return result;
}

Value arithmetic(Op op, const Value& a, const Value& b) {
  if (!a.is_known() || !b.is_known()) return Value::unknown();
  const auto kind = arithmetic_kind(op, a.kind, b.kind);
  if (!kind) return Value::unknown();
  double result = 0;
  switch (op) {
    case Op::add: result = a.number + b.number; break;
    case Op::sub: result = a.number - b.number; break;
    case Op::mul: result = a.number * b.number; break;
    default:
      if (b.number == 0) return Value::unknown();  // division by zero
      result = a.number / b.number;
  }
  if (!std::isfinite(result)) return Value::unknown();
  return *kind == Kind::number ? Value::of_number(result) : Value::of_quantity(*kind, result);
}

class Evaluator {
 public:
  Evaluator(const Environment& env, ReadSet& read) : m_env(env), m_read(read) {}

  Truth truth(const Node& node) {
    switch (node.op) {
      case Op::and_: {
        Truth result = Truth::true_;
        for (const auto& child : node.children) {
          const Truth t = truth(*child);
          if (t == Truth::false_) return t;  // short circuit: later paths are not read
          if (t == Truth::unknown) result = t;
        }
        return result;
      }
      case Op::or_: {
        Truth result = Truth::false_;
        for (const auto& child : node.children) {
          const Truth t = truth(*child);
          if (t == Truth::true_) return t;
          if (t == Truth::unknown) result = t;
        }
        return result;
      }
      case Op::not_: return negate(truth(*node.children[0]));
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: {
        Value a_scratch, b_scratch;
        const Value& a = value(*node.children[0], a_scratch);
        const Value& b = value(*node.children[1], b_scratch);
        return compare(node.op, a, b);
      }
      case Op::in: {
        Value a_scratch, b_scratch;
        const Value& a = value(*node.children[0], a_scratch);
        if (!a.is_known()) return Truth::unknown;
        return member(a, value(*node.children[1], b_scratch));
      }
      case Op::any:
      case Op::all: return any_all(node);
      case Op::known: {
        Value scratch;
        return truth_of(value(*node.children[0], scratch).is_known());
      }
      default: {
        Value scratch;
        const Value& v = value(node, scratch);
        return v.kind == Kind::boolean ? truth_of(v.as_bool()) : Truth::unknown;
      }
    }
  }

  const Value& value(const Node& node, Value& scratch) {
    switch (node.op) {
      case Op::constant: return node.constant;
      case Op::field: {
        m_read.mark(node.path_index);
        const Value* found = m_env.field(node.slot);
        return found != nullptr ? *found : k_unknown;
      }
      case Op::extension: {
        m_read.mark(node.path_index);
        const Value* found = m_env.extension(node.name);
        return found != nullptr ? *found : k_unknown;
      }
      case Op::list: {
        std::vector<Value> items;
        items.reserve(node.children.size());
        for (const auto& child : node.children) {
          Value item_scratch;
          items.push_back(value(*child, item_scratch));
        }
        scratch = Value::of_list(std::move(items), node.item_kind);
        return scratch;
      }
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div: {
        Value a_scratch, b_scratch;
        const Value& a = value(*node.children[0], a_scratch);
        const Value& b = value(*node.children[1], b_scratch);
        scratch = arithmetic(node.op, a, b);
        return scratch;
      }
      default: {
        const Truth t = truth(node);
        scratch = t == Truth::unknown ? Value::unknown() : Value::of_bool(t == Truth::true_);
        return scratch;
      }
    }
  }

 private:
  const Environment& m_env;
  ReadSet& m_read;

  // any(): Kleene "or" of membership over the first list's items; all(): Kleene "and". all() of an empty list is true.
  Truth any_all(const Node& node) {
    Value a_scratch, b_scratch;
    const Value& a = value(*node.children[0], a_scratch);
    const Value& b = value(*node.children[1], b_scratch);
    if (a.kind != Kind::list || b.kind != Kind::list) return Truth::unknown;
    const bool any = node.op == Op::any;
    Truth result = any ? Truth::false_ : Truth::true_;
    for (const auto& item : a.items) {
      const Truth t = member(item, b);
      if (t == Truth::unknown)
        result = t;
      else if ((t == Truth::true_) == any)
        return t;
    }
    return result;
  }
};

}  // namespace

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

Expression::Expression(const Expression& other)
    : m_text(other.m_text), m_root(other.m_root ? clone(*other.m_root) : nullptr), m_paths(other.m_paths) {}

Expression& Expression::operator=(const Expression& other) {
  if (this != &other) *this = Expression(other);
  return *this;
}

Expression::Expression(std::string text, std::unique_ptr<Node> root, std::vector<std::string> paths)
    : m_text(std::move(text)), m_root(std::move(root)), m_paths(std::move(paths)) {}

Outcome Expression::evaluate(const Environment& env) const {
  Outcome outcome;
  if (!m_root) return outcome;
  ReadSet read;
  outcome.truth = Evaluator(env, read).truth(*m_root);
  std::size_t count = 0;
  for (std::size_t i = 0; i < m_paths.size(); ++i) count += read.has(i) ? 1 : 0;
  outcome.fields_read.reserve(count);
  for (std::size_t i = 0; i < m_paths.size(); ++i)
    if (read.has(i)) outcome.fields_read.push_back(m_paths[i]);
  return outcome;
}

util::Value evaluate_value(const Expression& expr, const Environment& env) {
  if (!expr.m_root) return util::Value::unknown();
  ReadSet read;
  util::Value scratch;
  const util::Value& result = Evaluator(env, read).value(*expr.m_root, scratch);
  if (&result == &scratch) return scratch;
  return result;
}

}  // namespace caas::rules::expr
