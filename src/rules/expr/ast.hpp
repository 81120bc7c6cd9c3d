#pragma once
// The compiled condition tree and the rules shared by the type checker and the evaluator, so that what is accepted
// at load time and what is computed per workload can never disagree.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "caas/rules/expr/expr.hpp"
#include "caas/util/codes.hpp"
#include "caas/util/value.hpp"

namespace caas::rules::expr {

// Nesting deeper than this is refused at load time, so evaluation never runs out of stack.
inline constexpr int k_max_depth = 64;
// Longer condition text is refused at load time.
inline constexpr std::size_t k_max_text = 4096;

enum class Op {
  constant,   // a literal, or a list of literals folded at load time
  path,       // a path before type checking
  field,      // a schema path, read through Environment::field(slot)
  extension,  // x.NAME, read through Environment::extension(NAME)
  list,       // a list with at least one non-literal item
  known,
  any,
  all,
  not_,
  and_,
  or_,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  add,
  sub,
  mul,
  div,
};

// One node of the compiled tree; the parser fills positions, the type checker kinds, slots and constants.
struct Node {
  Op op = Op::constant;
  util::Kind kind = util::Kind::unknown;  // static type after checking; unknown: only known at evaluation
  util::Kind item_kind = util::Kind::unknown;
  int offset = 0;  // the token that names the node: operator, literal, path or function name
  int length = 1;
  int begin = 0;  // the whole sub-expression, for error spans
  int end = 0;
  int height = 1;
  int slot = -1;        // field
  int path_index = -1;  // field, extension: index into Expression::paths()
  std::string name;     // path text; for an extension the NAME of x.NAME
  util::Value constant;
  std::vector<std::unique_ptr<Node>> children;
};

std::unique_ptr<Node> clone(const Node& node);

// A load-time error before it is placed in its file: offsets are into the condition text.
struct Problem {
  util::Code code;
  std::string message;
  int offset = 0;
  int length = 1;
  std::string hint;
};

// One row per function of the language: the parser checks names and arity against it.
struct Function {
  std::string_view name;
  Op op;
  std::size_t arity;
};
const std::vector<Function>& functions();

// Number and the quantities: the kinds arithmetic and ordering apply to.
bool is_numeric(util::Kind kind);

// Whether two kinds may be compared. Counts are dimensionless, so a count compares with a bare number
// (`traffic.requests_per_month > 1000`); durations and sizes need a unit.
bool comparable(util::Kind a, util::Kind b);

// The kind of `a op b` for + - * /, or nullopt when the operator does not apply to these kinds.
std::optional<util::Kind> arithmetic_kind(Op op, util::Kind a, util::Kind b);

// Joins message parts. (GCC 12 at -O3 warns falsely on `"'" + std::string(...)`, bug 105329; this avoids it.)
template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (out.append(std::string_view(parts)), ...);
  return out;
}

// "'name'": a word quoted in a message.
inline std::string quoted(std::string_view word) { return cat("'", word, "'"); }

// "did you mean 'x'?", or empty without a guess.
inline std::string did_you_mean_hint(const std::optional<std::string>& guess) {
  return guess ? cat("did you mean '", *guess, "'?") : std::string();
}

// "a duration", "a bool", ... for messages.
std::string describe(util::Kind kind);

// The operator's symbol, for messages.
std::string_view symbol_of(Op op);

// The parser's output: the tree, and every path it names in order of appearance, no repeats.
struct Parsed {
  std::unique_ptr<Node> root;
  std::vector<std::string> paths;
};
tl::expected<Parsed, Problem> parse(std::string_view text);

// Resolves paths to slots, folds literal lists into constants and checks types; the root must be a condition.
std::optional<Problem> check_condition(Node& root, const Schema& schema, std::string_view text);

}  // namespace caas::rules::expr
