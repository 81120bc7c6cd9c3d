#pragma once
// Splits condition text into tokens, longest match first: `15m` is one quantity, `10MiB` never `10M` + `iB`.
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ast.hpp"
#include "caas/util/quantity.hpp"

namespace caas::rules::expr {

enum class TokenKind {
  end,
  number,    // bare number
  quantity,  // number with a unit
  string,
  path,  // one or more names joined by dots
  kw_and,
  kw_or,
  kw_not,
  kw_in,
  kw_true,
  kw_false,
  comma,
  lparen,
  rparen,
  lbracket,
  rbracket,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  plus,
  minus,
  star,
  slash,
};

struct Token {
  TokenKind kind = TokenKind::end;
  int offset = 0;  // 0-based, into the condition text
  int length = 0;
  std::string_view text;  // as written
  double number = 0;      // number, quantity: the amount in canonical units
  util::Kind unit_kind = util::Kind::number;
  std::string value;  // string: the text without quotes and escapes
};

// The tokens of `text`, ending with one TokenKind::end token, or the first lexical error.
tl::expected<std::vector<Token>, Problem> tokenize(std::string_view text);

// How a token reads in a message: "'and'", "the number 15", "the end of the condition".
std::string describe(const Token& token);

}  // namespace caas::rules::expr
