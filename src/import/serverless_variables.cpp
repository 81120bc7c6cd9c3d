// Serverless Framework variables: ${self:custom.memory}, ${opt:stage, 'dev'}, ${env:X, 'y'}, nested ones. Those the
// file itself answers are replaced by their value; the rest (options, environment, files, SSM, CloudFormation
// outputs...) need the deployment's context, so they are marked unresolved unless they give a fallback.
#include <string>
#include <vector>

#include "mappers.hpp"

namespace caas::import {

namespace {

constexpr int k_max_depth = 10;

struct Resolved {
  std::string text;
  std::string unresolved;  // the first variable that could not be resolved, as written
};

// The closing brace of a "${" at `open`, counting nested braces; npos when none.
std::size_t closing_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{')
      ++depth;
    else if (text[i] == '}' && --depth == 0)
      return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The parts of "source, fallback, ..." split at commas outside braces and quotes.
std::vector<std::string_view> split_fallbacks(std::string_view inner) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(trim(inner.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(inner.substr(start)));
  return parts;
}

class Resolver {
 public:
  explicit Resolver(const SpecNode& root) : m_root(root) {}

  Resolved resolve_text(std::string_view text, int depth) const {
    Resolved out;
    std::size_t i = 0;
    while (i < text.size()) {
      const auto open = text.find("${", i);
      if (open == std::string_view::npos) {
        out.text.append(text.substr(i));
        break;
      }
      out.text.append(text.substr(i, open - i));
      const auto close = closing_brace(text, open + 1);
      if (close == std::string_view::npos) {
        out.text.append(text.substr(open));
        break;
      }
      const auto whole = text.substr(open, close - open + 1);
      auto value = resolve_variable(text.substr(open + 2, close - open - 2), depth);
      if (!value.unresolved.empty()) {
        if (out.unresolved.empty()) out.unresolved = std::string(whole);
        out.text.append(whole);
      } else {
        out.text.append(value.text);
      }
      i = close + 1;
    }
    return out;
  }

 private:
  Resolved resolve_variable(std::string_view inner, int depth) const {
    if (depth > k_max_depth) return {{}, "too deep"};
    const auto parts = split_fallbacks(inner);
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const auto part = parts[p];
      if (part.empty()) continue;
      if (part.front() == '\'' || part.front() == '"') {
        if (part.size() >= 2 && part.back() == part.front()) return {std::string(part.substr(1, part.size() - 2)), {}};
        continue;
      }
      // The source may itself hold variables (${self:custom.${opt:stage}}).
      const auto source = resolve_text(part, depth + 1);
      if (!source.unresolved.empty()) continue;
      if (auto value = resolve_source(source.text, depth); value.unresolved.empty()) return value;
      // A bare literal fallback (a number, true) after the first part.
      if (p > 0 && source.text.find(':') == std::string::npos && source.text.find('(') == std::string::npos)
        return {source.text, {}};
    }
    return {{}, std::string(inner)};
  }

  Resolved resolve_source(std::string_view source, int depth) const {
    if (source.rfind("self:", 0) != 0) return {{}, std::string(source)};
    const SpecNode* node = &m_root;
    auto path = source.substr(5);
    while (!path.empty() && node) {
      const auto dot = path.find('.');
      const auto key = path.substr(0, dot);
      if (node->is_map()) {
        node = node->get(key);
      } else if (node->is_sequence()) {
        std::size_t index = 0;
        for (const char c : key) index = index * 10 + static_cast<std::size_t>(c - '0');
        node = index < node->items.size() ? &node->items[index] : nullptr;
      } else {
        node = nullptr;
      }
      path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    }
    if (!node || !node->is_scalar()) return {{}, std::string(source)};
    return resolve_text(node->text, depth + 1);
  }

  const SpecNode& m_root;
};

void resolve_node(SpecNode& node, const Resolver& resolver) {
  if (node.is_scalar() && node.text.find("${") != std::string::npos) {
    auto resolved = resolver.resolve_text(node.text, 0);
    if (!resolved.unresolved.empty()) {
      node.unresolved = resolved.unresolved;
    } else if (resolved.text != node.text) {
      node.resolved_from = node.text;
      node.text = std::move(resolved.text);
    }
  }
  for (auto& item : node.items) resolve_node(item, resolver);
  for (auto& [key, value] : node.entries) resolve_node(value, resolver);
}

}  // namespace

void resolve_serverless_variables(SpecNode& root) {
  // Resolved against an untouched copy, so that the order of the file never changes a value.
  const SpecNode original = root;
  const Resolver resolver(original);
  resolve_node(root, resolver);
}

}  // namespace caas::import
