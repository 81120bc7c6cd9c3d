#pragma once
// Text from the input made safe for HTML: control characters and invalid UTF-8 as visible escapes (`\x1b`), then
// the five characters that mean markup (& < > " ') as character references, so the result is safe in element
// content and in quoted attribute values alike. A file name or description holding `<script>` is text on the page.
#include <string>
#include <string_view>

namespace caas::report {

std::string html_text(std::string_view text);

// A link to a source: the URL when `source` starts with https:// or http:// (up to the first space), else empty.
// Anything else (javascript:, data:) is never a link.
std::string source_url(std::string_view source);

// "$1,234.50" (the text report's format_usd), for HTML.
std::string html_usd(double value);

}  // namespace caas::report
