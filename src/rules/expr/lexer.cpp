#include "lexer.hpp"

#include <array>
#include <utility>

#include "caas/util/suggest.hpp"

namespace caas::rules::expr {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_name_char(char c) { return is_lower(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Keyword {
  std::string_view text;
  TokenKind kind;
};
constexpr std::array<Keyword, 6> k_keywords = {{{"and", TokenKind::kw_and},
                                                {"or", TokenKind::kw_or},
                                                {"not", TokenKind::kw_not},
                                                {"in", TokenKind::kw_in},
                                                {"true", TokenKind::kw_true},
                                                {"false", TokenKind::kw_false}}};

struct Punctuation {
  std::string_view text;
  TokenKind kind;
};
// Two-character operators first: longest match.
constexpr std::array<Punctuation, 15> k_punctuation = {{{"==", TokenKind::eq},
                                                        {"!=", TokenKind::ne},
                                                        {"<=", TokenKind::le},
                                                        {">=", TokenKind::ge},
                                                        {"<", TokenKind::lt},
                                                        {">", TokenKind::gt},
                                                        {"+", TokenKind::plus},
                                                        {"-", TokenKind::minus},
                                                        {"*", TokenKind::star},
                                                        {"/", TokenKind::slash},
                                                        {",", TokenKind::comma},
                                                        {"(", TokenKind::lparen},
                                                        {")", TokenKind::rparen},
                                                        {"[", TokenKind::lbracket},
                                                        {"]", TokenKind::rbracket}}};

// Operators from other languages, with what to write instead.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_foreign = {
    {{"&&", "and"}, {"||", "or"}, {"=", "=="}, {"!", "not"}}};

std::optional<TokenKind> keyword(std::string_view word) {
  for (const auto& k : k_keywords)
    if (k.text == word) return k.kind;
  return std::nullopt;
}

std::vector<std::string_view> all_unit_symbols() {
  std::vector<std::string_view> out;
  for (auto kind : {util::Kind::duration, util::Kind::size})
    for (const auto& unit : util::units_of(kind)) out.push_back(unit.symbol);
  out.emplace_back("k");
  out.emplace_back("M");
  return out;
}

const std::string k_unit_list = "ms, s, m, min, h, d, B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, Ki, Mi, Gi, Ti, k or M";

class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  tl::expected<std::vector<Token>, Problem> run() {
    std::vector<Token> tokens;
    while (true) {
      while (m_pos < m_text.size() && is_space(m_text[m_pos])) ++m_pos;
      if (m_pos >= m_text.size()) break;
      auto token = next();
      if (!token) return tl::unexpected(std::move(*m_error));
      tokens.push_back(std::move(*token));
    }
    Token end;
    end.offset = static_cast<int>(m_text.size());
    tokens.push_back(end);
    return tokens;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  std::optional<Problem> m_error;

  std::optional<Token> fail(util::Code code, std::string message, std::size_t at, std::size_t length,
                            std::string hint = {}) {
    m_error = Problem{code, std::move(message), static_cast<int>(at), static_cast<int>(length), std::move(hint)};
    return std::nullopt;
  }

  Token make(TokenKind kind, std::size_t start) const {
    Token t;
    t.kind = kind;
    t.offset = static_cast<int>(start);
    t.length = static_cast<int>(m_pos - start);
    t.text = m_text.substr(start, m_pos - start);
    return t;
  }

  std::optional<Token> next() {
    const char c = m_text[m_pos];
    if (is_digit(c)) return number();
    if (is_lower(c)) return path();
    if (c == '"') return string();
    for (const auto& p : k_punctuation) {
      if (m_text.substr(m_pos, p.text.size()) == p.text) {
        const std::size_t start = m_pos;
        m_pos += p.text.size();
        return make(p.kind, start);
      }
    }
    for (const auto& [foreign, instead] : k_foreign) {
      if (m_text.substr(m_pos, foreign.size()) == foreign)
        return fail("expr-syntax", cat(quoted(foreign), " is not an operator"), m_pos, foreign.size(),
                    did_you_mean_hint(std::string(instead)));
    }
    if (is_upper(c)) return fail("expr-syntax", "names are written in lower case", m_pos, 1);
    // Show a whole UTF-8 character, not one byte of it.
    std::size_t length = 1;
    while (m_pos + length < m_text.size() && (static_cast<unsigned char>(m_text[m_pos + length]) & 0xC0) == 0x80)
      ++length;
    return fail("expr-syntax", cat("unexpected character ", quoted(m_text.substr(m_pos, length))), m_pos, length);
  }

  std::optional<Token> number() {
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && is_digit(m_text[m_pos])) ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
      if (m_pos + 1 >= m_text.size() || !is_digit(m_text[m_pos + 1]))
        return fail("expr-syntax", "expected a digit after the decimal point", m_pos, 1);
      ++m_pos;
      while (m_pos < m_text.size() && is_digit(m_text[m_pos])) ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
      std::size_t j = m_pos + 1;
      if (j < m_text.size() && (m_text[j] == '+' || m_text[j] == '-')) ++j;
      if (j < m_text.size() && is_digit(m_text[j])) {
        while (j < m_text.size() && is_digit(m_text[j])) ++j;
        m_pos = j;
      }
    }
    const std::string_view digits = m_text.substr(start, m_pos - start);
    const auto amount = util::parse_plain_number(digits);
    if (!amount)
      return fail("expr-syntax", cat("the number ", quoted(digits), " is out of range"), start, digits.size());
    if (m_pos < m_text.size() && m_text[m_pos] == '_')
      return fail("expr-syntax", "digit separators such as 1_000 are not accepted", m_pos, 1);
    if (m_pos < m_text.size() && is_letter(m_text[m_pos])) return quantity(start, *amount);
    if (auto problem = name_after_space(start)) {
      m_error = std::move(problem);
      return std::nullopt;
    }
    Token t = make(TokenKind::number, start);
    t.number = *amount;
    return t;
  }

  std::optional<Token> quantity(std::size_t start, double amount) {
    const std::size_t unit_start = m_pos;
    while (m_pos < m_text.size() && (is_letter(m_text[m_pos]) || is_digit(m_text[m_pos]))) ++m_pos;
    const std::string_view symbol = m_text.substr(unit_start, m_pos - unit_start);
    const auto unit = util::find_unit_any(symbol);
    if (!unit) {
      return fail("expr-unit", cat("unknown unit ", quoted(symbol), "; expected ", k_unit_list), unit_start,
                  symbol.size(), did_you_mean_hint(util::did_you_mean(symbol, all_unit_symbols())));
    }
    // The same multiplication as util::parse_quantity, so that a literal equals the workload value it spells.
    Token t = make(TokenKind::quantity, start);
    t.number = amount * unit->factor;
    t.unit_kind = unit->kind;
    return t;
  }

  // `15 m` is a number followed by a name: an error, and a unit written apart from its number says so.
  std::optional<Problem> name_after_space(std::size_t start) const {
    std::size_t j = m_pos;
    while (j < m_text.size() && is_space(m_text[j])) ++j;
    if (j == m_pos || j >= m_text.size() || !is_letter(m_text[j])) return std::nullopt;
    std::size_t k = j;
    while (k < m_text.size() && (is_letter(m_text[k]) || is_digit(m_text[k]))) ++k;
    const std::string_view word = m_text.substr(j, k - j);
    if (keyword(word)) return std::nullopt;
    const std::string number(m_text.substr(start, m_pos - start));
    if (util::find_unit_any(word))
      return Problem{"expr-unit", "no space is allowed between a number and its unit", static_cast<int>(j),
                     static_cast<int>(word.size()), cat("write '", number, word, "'")};
    return Problem{"expr-syntax",
                   cat("a number cannot be followed by a name; expected an operator after ", number),
                   static_cast<int>(j),
                   static_cast<int>(word.size()),
                   {}};
  }

  std::optional<Token> path() {
    const std::size_t start = m_pos;
    int names = 0;
    while (true) {
      const std::size_t name_start = m_pos;
      while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) ++m_pos;
      const std::string_view name = m_text.substr(name_start, m_pos - name_start);
      ++names;
      if (m_pos < m_text.size() && is_upper(m_text[m_pos]))
        return fail("expr-syntax", "names are written in lower case", m_pos, 1);
      const bool more = m_pos < m_text.size() && m_text[m_pos] == '.';
      if ((names > 1 || more) && keyword(name))
        return fail("expr-syntax", cat(quoted(name), " is a keyword and cannot be part of a path"), name_start,
                    name.size());
      if (!more) break;
      ++m_pos;
      if (m_pos < m_text.size() && is_upper(m_text[m_pos]))
        return fail("expr-syntax", "names are written in lower case", m_pos, 1);
      if (m_pos >= m_text.size() || !is_lower(m_text[m_pos]))
        return fail("expr-syntax", "expected a name after '.'", m_pos - 1, 1);
    }
    if (names == 1)
      if (auto kind = keyword(m_text.substr(start, m_pos - start))) return make(*kind, start);
    return make(TokenKind::path, start);
  }

  std::optional<Token> string() {
    const std::size_t start = m_pos++;
    std::string value;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      if (m_text[m_pos] == '\\') {
        if (m_pos + 1 < m_text.size() && (m_text[m_pos + 1] == '"' || m_text[m_pos + 1] == '\\')) {
          value += m_text[m_pos + 1];
          m_pos += 2;
          continue;
        }
        return fail("expr-syntax", "unknown escape in a string; only \\\" and \\\\ are allowed", m_pos,
                    m_pos + 1 < m_text.size() ? 2 : 1);
      }
      value += m_text[m_pos++];
    }
    if (m_pos >= m_text.size())
      return fail("expr-syntax", "unterminated string: expected a closing '\"'", start, m_text.size() - start);
    ++m_pos;
    Token t = make(TokenKind::string, start);
    t.value = std::move(value);
    return t;
  }
};

}  // namespace

tl::expected<std::vector<Token>, Problem> tokenize(std::string_view text) { return Lexer(text).run(); }

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end: return "the end of the condition";
    case TokenKind::number: return cat("the number ", token.text);
    case TokenKind::quantity: return cat("the quantity ", token.text);
    case TokenKind::string: return cat("the string ", token.text);
    default: return quoted(token.text);
  }
}

}  // namespace caas::rules::expr
