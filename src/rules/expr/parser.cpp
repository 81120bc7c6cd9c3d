// Recursive descent over the grammar of rules-v1 ("Conditions"), and compile(): tokens, tree, type check, and the
// placing of errors in the rule file.
#include <algorithm>

#include "ast.hpp"
#include "caas/util/suggest.hpp"
#include "lexer.hpp"

namespace caas::rules::expr {

namespace {

using NodePtr = std::unique_ptr<Node>;

Op compare_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::eq: return Op::eq;
    case TokenKind::ne: return Op::ne;
    case TokenKind::lt: return Op::lt;
    case TokenKind::le: return Op::le;
    case TokenKind::gt: return Op::gt;
    case TokenKind::ge: return Op::ge;
    default: return Op::constant;
  }
}

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : m_tokens(tokens) {}

  tl::expected<Parsed, Problem> run() {
    NodePtr root = parse_or();
    if (root && peek().kind != TokenKind::end)
      fail("expr-syntax", cat("expected an operator or the end of the condition, found ", describe(peek())), peek());
    if (m_error) return tl::unexpected(std::move(*m_error));
    return Parsed{std::move(root), std::move(m_paths)};
  }

 private:
  const std::vector<Token>& m_tokens;
  std::size_t m_pos = 0;
  int m_depth = 0;
  std::vector<std::string> m_paths;
  std::optional<Problem> m_error;

  const Token& peek(std::size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
  const Token& advance() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

  NodePtr fail(util::Code code, std::string message, const Token& at, std::string hint = {}) {
    if (!m_error) m_error = Problem{code, std::move(message), at.offset, std::max(at.length, 1), std::move(hint)};
    return nullptr;
  }

  // Parentheses, lists, calls and `not` nest; the limit keeps the parser's own recursion bounded.
  bool enter(const Token& at) {
    if (++m_depth <= k_max_depth) return true;
    fail("expr-limit", cat("the condition nests deeper than ", std::to_string(k_max_depth), " levels"), at);
    return false;
  }

  static NodePtr make(Op op, const Token& token) {
    auto node = std::make_unique<Node>();
    node->op = op;
    node->offset = token.offset;
    node->length = std::max(token.length, 1);
    node->begin = token.offset;
    node->end = token.offset + token.length;
    return node;
  }

  // Attaches children, extending the span and the height; a chain of operators deeper than the limit is refused.
  NodePtr adopt(NodePtr node, NodePtr child, const Token& at) {
    node->begin = std::min(node->begin, child->begin);
    node->end = std::max(node->end, child->end);
    node->height = std::max(node->height, child->height + 1);
    node->children.push_back(std::move(child));
    if (node->height > k_max_depth)
      return fail("expr-limit", cat("the condition nests deeper than ", std::to_string(k_max_depth), " levels"), at);
    return node;
  }

  NodePtr binary(Op op, const Token& token, NodePtr left, NodePtr right) {
    auto node = adopt(make(op, token), std::move(left), token);
    return node ? adopt(std::move(node), std::move(right), token) : nullptr;
  }

  // or := and ("or" and)*, and := unary ("and" unary)*: one node per chain, so long chains stay shallow.
  NodePtr parse_chain(TokenKind keyword, Op op, NodePtr (Parser::*operand)()) {
    NodePtr first = (this->*operand)();
    if (!first || peek().kind != keyword) return first;
    const Token& token = peek();
    NodePtr node = adopt(make(op, token), std::move(first), token);
    while (node && peek().kind == keyword) {
      advance();
      NodePtr next = (this->*operand)();
      if (!next) return nullptr;
      node = adopt(std::move(node), std::move(next), token);
    }
    return node;
  }

  NodePtr parse_or() { return parse_chain(TokenKind::kw_or, Op::or_, &Parser::parse_and); }
  NodePtr parse_and() { return parse_chain(TokenKind::kw_and, Op::and_, &Parser::parse_unary); }

  NodePtr parse_unary() {
    if (peek().kind != TokenKind::kw_not) return parse_compare();
    const Token& token = advance();
    if (!enter(token)) return nullptr;
    NodePtr operand = parse_unary();
    --m_depth;
    if (!operand) return nullptr;
    return adopt(make(Op::not_, token), std::move(operand), token);
  }

  NodePtr parse_compare() {
    NodePtr left = parse_sum();
    if (!left) return nullptr;
    const Token& token = peek();
    Op op = compare_op(token.kind);
    if (token.kind == TokenKind::kw_in) op = Op::in;
    if (token.kind == TokenKind::kw_not && peek(1).kind == TokenKind::kw_in)
      return fail("expr-syntax", "'not in' is not an operator", token, "write 'not (x in [...])'");
    if (op == Op::constant) return left;
    advance();
    NodePtr right = parse_sum();
    if (!right) return nullptr;
    if (compare_op(peek().kind) != Op::constant || peek().kind == TokenKind::kw_in)
      return fail("expr-syntax", "comparisons do not chain", peek(), "join two comparisons with 'and'");
    return binary(op, token, std::move(left), std::move(right));
  }

  NodePtr parse_sum() {
    NodePtr left = parse_product();
    while (left && (peek().kind == TokenKind::plus || peek().kind == TokenKind::minus)) {
      const Token& token = advance();
      NodePtr right = parse_product();
      if (!right) return nullptr;
      left = binary(token.kind == TokenKind::plus ? Op::add : Op::sub, token, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr parse_product() {
    NodePtr left = parse_atom();
    while (left && (peek().kind == TokenKind::star || peek().kind == TokenKind::slash)) {
      const Token& token = advance();
      NodePtr right = parse_atom();
      if (!right) return nullptr;
      left = binary(token.kind == TokenKind::star ? Op::mul : Op::div, token, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr constant(const Token& token, util::Value value) {
    advance();
    NodePtr node = make(Op::constant, token);
    node->kind = value.kind;
    node->constant = std::move(value);
    return node;
  }

  NodePtr parse_atom() {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::number: return constant(token, util::Value::of_number(token.number));
      case TokenKind::quantity: return constant(token, util::Value::of_quantity(token.unit_kind, token.number));
      case TokenKind::string: return constant(token, util::Value::of_string(token.value));
      case TokenKind::kw_true: return constant(token, util::Value::of_bool(true));
      case TokenKind::kw_false: return constant(token, util::Value::of_bool(false));
      case TokenKind::path: return peek(1).kind == TokenKind::lparen ? parse_call() : parse_path();
      case TokenKind::lbracket: return parse_list();
      case TokenKind::lparen: {
        advance();
        if (!enter(token)) return nullptr;
        NodePtr inner = parse_or();
        --m_depth;
        if (!inner) return nullptr;
        if (peek().kind != TokenKind::rparen)
          return fail("expr-syntax", cat("expected ')' to close the '(', found ", describe(peek())), peek());
        inner->begin = token.offset;
        inner->end = advance().offset + 1;
        return inner;
      }
      case TokenKind::end: return fail("expr-syntax", "the condition ends early: expected a value", token);
      default: return fail("expr-syntax", cat("expected a value, found ", describe(token)), token);
    }
  }

  NodePtr parse_path() {
    const Token& token = advance();
    NodePtr node = make(Op::path, token);
    node->name = std::string(token.text);
    const auto found = std::find(m_paths.begin(), m_paths.end(), node->name);
    node->path_index = static_cast<int>(found - m_paths.begin());
    if (found == m_paths.end()) m_paths.push_back(node->name);
    return node;
  }

  // Items, up to the closing token, into `node`.
  NodePtr parse_items(NodePtr node, TokenKind close, const Token& open) {
    if (!enter(open)) return nullptr;
    const std::string_view closing = close == TokenKind::rbracket ? "]" : ")";
    if (peek().kind != close) {
      while (true) {
        NodePtr item = parse_or();
        if (!item) return nullptr;
        node = adopt(std::move(node), std::move(item), open);
        if (!node) return nullptr;
        if (peek().kind != TokenKind::comma) break;
        advance();
      }
    }
    --m_depth;
    if (peek().kind != close)
      return fail("expr-syntax", cat("expected ',' or '", closing, "', found ", describe(peek())), peek());
    node->end = advance().offset + 1;
    return node;
  }

  NodePtr parse_list() {
    const Token& open = advance();
    return parse_items(make(Op::list, open), TokenKind::rbracket, open);
  }

  NodePtr parse_call() {
    const Token& name = advance();
    const auto& table = functions();
    const auto function =
        std::find_if(table.begin(), table.end(), [&](const Function& f) { return f.name == name.text; });
    if (function == table.end()) {
      std::vector<std::string_view> names;
      names.reserve(table.size());
      for (const auto& f : table) names.push_back(f.name);
      const auto guess = util::did_you_mean(name.text, names);
      return fail("expr-call", cat("unknown function ", quoted(name.text), "; expected known, any or all"), name,
                  did_you_mean_hint(guess));
    }
    const Token& open = advance();
    NodePtr node = parse_items(make(function->op, name), TokenKind::rparen, open);
    if (!node) return nullptr;
    if (node->children.size() != function->arity) {
      const std::string expected = function->op == Op::known ? "one path" : "two lists";
      return fail("expr-call",
                  cat(function->name, "() takes ", expected, ", found ", std::to_string(node->children.size()),
                      node->children.size() == 1 ? " argument" : " arguments"),
                  name, function->op == Op::known ? "as in known(execution.startup)" : "as in any(triggers, [\"s3\"])");
    }
    if (function->op == Op::known && node->children[0]->op != Op::path) {
      const Node& arg = *node->children[0];
      m_error = Problem{"expr-call",
                        "known() takes a path, as in known(execution.startup)",
                        arg.begin,
                        std::max(arg.end - arg.begin, 1),
                        {}};
      return nullptr;
    }
    return node;
  }
};

util::Diagnostic to_diagnostic(const Problem& problem, std::string_view text, const Origin& origin) {
  const auto offset = static_cast<std::size_t>(std::clamp(problem.offset, 0, static_cast<int>(text.size())));
  const std::string_view before = text.substr(0, offset);
  const auto lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const auto last_break = before.rfind('\n');
  const int column = last_break == std::string_view::npos ? origin.column + static_cast<int>(offset)
                                                          : static_cast<int>(offset - last_break);
  auto line_end = text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = text.size();
  const int span = std::clamp(problem.length, 1, std::max(static_cast<int>(line_end - offset), 1));
  util::Diagnostic d =
      util::make_error(problem.code, problem.message, util::SourceLocation{origin.file, origin.line + lines, column},
                       origin.file_text, span);
  d.hint = problem.hint;
  // A condition given without its file (tests, the command line) still shows its own text under the error.
  if (origin.file_text.empty() && origin.column == 1) d.source_line = std::string(util::line_of(text, lines + 1));
  return d;
}

}  // namespace

tl::expected<Parsed, Problem> parse(std::string_view text) {
  auto tokens = tokenize(text);
  if (!tokens) return tl::unexpected(std::move(tokens.error()));
  return Parser(*tokens).run();
}

util::Result<Expression> compile(std::string_view text, const Schema& schema, const Origin& origin) {
  if (text.size() > k_max_text)
    return util::fail(to_diagnostic(
        Problem{
            "expr-limit", cat("the condition is longer than ", std::to_string(k_max_text), " characters"), 0, 1, {}},
        text, origin));
  auto parsed = parse(text);
  if (!parsed) return util::fail(to_diagnostic(parsed.error(), text, origin));
  if (auto problem = check_condition(*parsed->root, schema, text))
    return util::fail(to_diagnostic(*problem, text, origin));
  return Expression(std::string(text), std::move(parsed->root), std::move(parsed->paths));
}

}  // namespace caas::rules::expr
