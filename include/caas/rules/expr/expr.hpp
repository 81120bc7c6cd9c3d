#pragma once
// The condition language of rule tables (`when:`): compiled and type-checked once at load time, evaluated per
// workload with three-valued logic. Knows nothing of workloads: the schema and the values come in through the
// two small interfaces below.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caas/util/result.hpp"
#include "caas/util/value.hpp"

namespace caas::rules::expr {

// What the schema says about a path.
struct FieldType {
  int slot = -1;                               // the caller's index for the path; -1 for x.NAME paths
  util::Kind kind = util::Kind::unknown;       // unknown: only known at evaluation (x.NAME)
  util::Kind item_kind = util::Kind::unknown;  // for lists
  std::vector<std::string> values;             // allowed string values of an enumeration (or its list items)
};

// Resolves a path ("execution.duration.max", "x.pci") to its type, or nullopt when the path does not exist.
// `suggest` lists the known paths, for "did you mean".
struct Schema {
  std::function<std::optional<FieldType>(std::string_view path)> resolve;
  std::vector<std::string> paths;
};

// The values a condition reads, by pointer so that evaluating a rule copies nothing; null when absent (read as
// unknown). The pointers must stay valid while the evaluation runs.
class Environment {
 public:
  virtual ~Environment() = default;
  virtual const util::Value* field(int slot) const = 0;
  virtual const util::Value* extension(std::string_view name) const = 0;  // x.NAME: NAME without "x."
};

enum class Truth { false_, true_, unknown };

struct Outcome {
  Truth truth = Truth::unknown;
  // Paths read during evaluation, in the order they appear, no repeats: views of the expression's paths(), valid
  // while the expression lives.
  std::vector<std::string_view> fields_read;
};

// A condition of the form `path OP literal` (or a bare boolean path, or `not path`): what "what would change
// this" needs to say which value would make it false.
struct Bound {
  std::string path;
  std::string op;       // == != < <= > >=; a bare path is `== true`, `not path` is `== false`
  std::string literal;  // as written in the condition: 15m, 10240MiB, "windows", true
};

struct Node;  // the compiled tree (private)

class Expression {
 public:
  Expression();
  ~Expression();
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;
  Expression(const Expression&);
  Expression& operator=(const Expression&);

  const std::string& text() const { return m_text; }
  // Every path the condition names, in order of appearance, no repeats.
  const std::vector<std::string>& paths() const { return m_paths; }

  Outcome evaluate(const Environment& env) const;

  // The condition as a single bound, when it is one (see Bound); nullopt otherwise.
  std::optional<Bound> bound() const;

  // Not for callers: built by compile().
  Expression(std::string text, std::unique_ptr<Node> root, std::vector<std::string> paths);

  // Reads the compiled tree.
  friend util::Value evaluate_value(const Expression& expr, const Environment& env);

 private:
  std::string m_text;
  std::unique_ptr<Node> m_root;
  std::vector<std::string> m_paths;
};

// Where the condition text sits in its file, so errors point into the rule file: line and column of the first
// character of `text`. Conditions are single-line in practice; a multi-line condition's later lines report
// columns relative to their own line start.
struct Origin {
  std::string file;
  int line = 1;
  int column = 1;
  std::string_view file_text;  // the whole file, for the source line under an error
};

// Parses and type-checks a condition that must be boolean. Errors: syntax (with the unexpected token), unknown path
// (with did-you-mean), type mismatch (duration vs size, quantity vs bare number), unknown enum value (with
// did-you-mean), bad call arity. Limits: text over 4 KiB or nesting over 64 levels is refused.
util::Result<Expression> compile(std::string_view text, const Schema& schema, const Origin& origin);

// Evaluates any value-producing expression; used by compile() checks and tests.
util::Value evaluate_value(const Expression& expr, const Environment& env);

}  // namespace caas::rules::expr
