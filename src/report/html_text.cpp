#include "html_text.hpp"

#include "caas/util/text.hpp"
#include "text_layout.hpp"

namespace caas::report {

std::string html_text(std::string_view text) {
  const std::string safe = util::escape_control(text);
  std::string out;
  out.reserve(safe.size() + 16);
  for (const char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string source_url(std::string_view source) {
  if (!source.starts_with("https://") && !source.starts_with("http://")) return {};
  const auto end = source.find_first_of(" \t\n;,");
  const auto url = source.substr(0, end);
  return url.size() > 8 ? std::string(url) : std::string();
}

std::string html_usd(double value) { return format_usd(value); }

}  // namespace caas::report
