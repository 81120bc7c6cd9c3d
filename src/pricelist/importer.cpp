// The importer: recognises a Price List file by its first byte (JSON or CSV) and hands it to that reader; what the
// files give is collected by region across files.
#include <algorithm>

#include "caas/util/text.hpp"
#include "stream.hpp"

namespace caas::pricelist {

struct Importer::State {
  Limits limits;
  Collector collector;
  std::string latest;
};

Importer::Importer(Limits limits) : m_state(std::make_unique<State>()) { m_state->limits = limits; }
Importer::~Importer() = default;

util::Diagnostic error_at(const ReadContext& context, util::Code code, std::string message, std::string hint) {
  auto diagnostic = util::make_error(code, std::move(message),
                                     {context.file, context.stream.line(), std::max(1, context.stream.column())});
  diagnostic.hint = std::move(hint);
  return diagnostic;
}

util::Result<FileSummary> Importer::read(std::istream& in, const std::string& file) {
  FileSummary summary;
  summary.file = file;
  Stream stream(in, m_state->limits);
  ReadContext context{stream, file, m_state->limits, m_state->collector, summary};
  // A byte-order mark, then blanks, then '{' for JSON, or a quote or a letter for CSV.
  if (!stream.at_end() && static_cast<unsigned char>(stream.peek()) == 0xEF) {
    for (int i = 0; i < 3 && !stream.at_end(); ++i) stream.advance(false);
  }
  while (!stream.at_end() &&
         (stream.peek() == ' ' || stream.peek() == '\n' || stream.peek() == '\r' || stream.peek() == '\t'))
    stream.advance(false);
  if (stream.at_end() && stream.failed())
    return util::fail(error_at(context, "unreadable-file", "the file could not be read to its end"));
  if (stream.at_end())
    return util::fail(error_at(context, "price-list-shape", "the file is empty: not an AWS Price List file"));
  const char first = stream.peek();
  util::Result<bool> read = true;
  if (first == '{' || first == '[') {
    read = read_json(context);
  } else if (first == '"' || std::isalpha(static_cast<unsigned char>(first)) != 0) {
    read = read_csv(context);
  } else {
    stream.advance(false);
    return util::fail(error_at(context, "price-list-syntax",
                               "not an AWS Price List file: it is neither JSON (an offer file's index.json, or "
                               "get-products output) nor CSV (index.csv)"));
  }
  if (!read) return util::fail(std::move(read.error()));
  summary.bytes = stream.consumed();
  const auto day = date_of(summary.publication_date);
  // The date goes into the overlay as written, so it must be one: "2025-09-12T22:53:08Z", not a damaged field.
  const bool timestamp = std::all_of(summary.publication_date.begin(), summary.publication_date.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ':' || c == '.' ||
           c == '+' || c == '-';
  });
  if (!summary.publication_date.empty() && (day.empty() || !timestamp))
    return util::fail(util::make_error("price-list-shape",
                                       "the file's publication date '" +
                                           util::escape_control(summary.publication_date) +
                                           "' is not a date and time as AWS writes them (2025-09-12T22:53:08Z)",
                                       {file, 1, 1}));
  // Every price is dated by its file: AWS's files always say when they were published, so one that does not is not
  // one of them (or was cut or edited), and its prices could not say when they were collected.
  if (summary.prices > 0 && day.empty())
    return util::fail(util::make_error("price-list-shape",
                                       "the file gives no publication date ('Publication Date' or 'publicationDate', "
                                       "as YYYY-MM-DD...), which dates every price it holds",
                                       {file, 1, 1}));
  m_state->latest = std::max(m_state->latest, day);
  return summary;
}

std::map<std::string, RegionImport, std::less<>> Importer::regions() const { return m_state->collector.regions(); }

std::string Importer::latest_date() const { return m_state->latest; }

}  // namespace caas::pricelist
