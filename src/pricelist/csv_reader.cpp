// Offer files in CSV (index.csv): five two-column metadata rows ("FormatVersion", "Disclaimer", "Publication Date",
// "Version", "OfferCode"), a header row, then one row per price dimension with its product's attributes. Columns are
// found by their header names, which differ by service and by year. Read a record at a time; a record is bounded.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "caas/util/text.hpp"
#include "stream.hpp"

namespace caas::pricelist {

namespace {

class CsvReader {
 public:
  explicit CsvReader(ReadContext& context) : m_context(context) {}

  util::Result<bool> read() {
    const auto unreadable = [&] {
      return util::fail(error_at(m_context, "unreadable-file", "the file could not be read to its end"));
    };
    if (auto error = read_preamble()) return m_context.stream.failed() ? unreadable() : util::fail(std::move(*error));
    while (true) {
      auto more = next_record();
      // A row cut by a read error is the error's, not the row's.
      if (!more) return m_context.stream.failed() ? unreadable() : util::fail(std::move(more.error()));
      if (!*more) break;
      if (m_count == 1 && m_fields[0].empty()) continue;  // a blank line
      if (m_count != m_columns.size() && m_context.stream.failed()) return unreadable();
      if (m_count != m_columns.size())
        return util::fail(located(m_record_line, "price-list-shape",
                                  fmt::format("this row has {} fields and the header {}{}", m_count, m_columns.size(),
                                              m_context.stream.at_end() ? ": the file is cut short" : "")));
      row();
    }
    if (m_context.stream.failed()) return unreadable();
    return true;
  }

 private:
  util::Diagnostic located(int line, util::Code code, std::string message, std::string hint = {}) const {
    auto diagnostic = util::make_error(code, std::move(message), {m_context.file, line, 1});
    diagnostic.hint = std::move(hint);
    return diagnostic;
  }

  // The metadata rows and the header.
  std::optional<util::Diagnostic> read_preamble() {
    for (int row = 0; row < 12; ++row) {
      auto more = next_record();
      if (!more) return std::move(more.error().front());
      if (!*more) break;
      const std::string& first = m_fields[0];
      if (m_count == 1 && first.rfind("sep=", 0) == 0) continue;  // a spreadsheet's hint, added by some tools
      if (first == "SKU") return read_header();
      if (m_count != 2) break;
      if (first == "OfferCode") {
        if (!is_known_offer(m_fields[1])) {
          std::string offers;
          for (const auto offer : known_offers()) offers += (offers.empty() ? "" : ", ") + std::string(offer);
          return located(m_record_line, "price-list-offer",
                         fmt::format("an offer file of {}, not one the cost model uses", m_fields[1]),
                         "caas-advisor imports " + offers);
        }
        m_offer = m_fields[1];
        m_context.summary.offer = m_offer;
      } else if (first == "Publication Date") {
        m_publication_date = m_fields[1];
        m_context.summary.publication_date = m_publication_date;
      }
    }
    return located(m_record_line, "price-list-shape",
                   "not an AWS Price List CSV file: it starts with metadata rows (\"FormatVersion\", \"OfferCode\", "
                   "...) and then a header row beginning \"SKU\"");
  }

  std::optional<util::Diagnostic> read_header() {
    m_columns.assign(m_count, std::nullopt);
    for (std::size_t i = 0; i < m_count; ++i) {
      const std::string& name = m_fields[i];
      const auto set = [&](std::size_t& slot) { slot = i; };
      if (name == "SKU")
        set(m_sku);
      else if (name == "TermType")
        set(m_term_type);
      else if (name == "RateCode")
        set(m_rate_code);
      else if (name == "StartingRange")
        set(m_begin);
      else if (name == "EndingRange")
        set(m_end);
      else if (name == "Unit")
        set(m_unit);
      else if (name == "PricePerUnit")
        set(m_price);
      else if (name == "Currency")
        set(m_currency);
      else if (name == "Product Family")
        set(m_family);
      else
        m_columns[i] = find_attr(name);
    }
    for (const auto& [index, name] : {std::pair{m_term_type, "TermType"}, std::pair{m_unit, "Unit"},
                                      std::pair{m_price, "PricePerUnit"}, std::pair{m_family, "Product Family"}})
      if (index == k_none)
        return located(m_record_line, "price-list-shape", fmt::format("the header row has no \"{}\" column", name));
    if (m_offer.empty())
      return located(m_record_line, "price-list-shape",
                     "no \"OfferCode\" row before the header: not an offer file as AWS writes them");
    return std::nullopt;
  }

  void row() {
    ++m_context.summary.products;
    if (m_fields[m_term_type] != "OnDemand") return;  // Reserved
    if (m_currency != k_none && !m_fields[m_currency].empty() && m_fields[m_currency] != "USD") return;
    m_product.sku = m_fields[m_sku];
    m_product.family = m_fields[m_family];
    for (auto& attr : m_product.attrs) attr.clear();
    for (std::size_t i = 0; i < m_count; ++i)
      if (m_columns[i]) m_product[*m_columns[i]] = m_fields[i];
    m_dimension.rate_code = m_rate_code == k_none ? std::string() : m_fields[m_rate_code];
    m_dimension.unit = m_fields[m_unit];
    m_dimension.begin = m_begin == k_none ? std::string() : m_fields[m_begin];
    m_dimension.end = m_end == k_none ? std::string() : m_fields[m_end];
    m_dimension.usd = m_fields[m_price];
    if (m_context.collector.add_row(m_product, m_dimension, m_offer, m_publication_date)) ++m_context.summary.prices;
  }

  // The next record into m_fields[0..m_count): false at the end of the file. Every field is UTF-8 text, as the
  // JSON reader's strings are, so nothing written from it can carry a byte that no YAML reader takes.
  util::Result<bool> next_record() {
    auto more = next_raw_record();
    if (!more || !*more) return more;
    for (std::size_t i = 0; i < m_count; ++i)
      if (!util::is_valid_utf8(m_fields[i]))
        return util::fail(located(m_record_line, "not-utf8", "this row is not valid UTF-8 text",
                                  "AWS's Price List files are UTF-8: is the file damaged, or another file?"));
    return true;
  }

  // A record is scanned straight from the stream's block, its bytes going into its fields by runs: up to the next
  // quote in a quoted field, else up to the next quote, comma or line end. Once a row's TermType is known not to be
  // OnDemand, the rest of the row is only counted into fields (its field count is still checked), not copied: most
  // rows of a file are reserved terms.
  util::Result<bool> next_raw_record() {
    static constexpr std::array<bool, 256> k_plain_stop = [] {
      std::array<bool, 256> set{};
      for (const unsigned char c : {'"', ',', '\n', '\r'}) set[c] = true;
      return set;
    }();
    enum class State : std::uint8_t { unquoted, quoted, quote_in_quoted };
    Stream& in = m_context.stream;
    m_count = 0;
    m_record_line = in.line() + (in.column() > 0 ? 1 : 0);
    if (in.at_end()) return false;
    const std::size_t max = m_context.limits.max_string;
    std::size_t length = 0;
    std::string* field = &next_field();
    State state = State::unquoted;
    bool was_quoted = false;  // the field began with a quote
    bool field_empty = true;  // as read, whether copied or only counted
    bool copying = true;
    const auto append = [&](const char* from, std::size_t n) {
      if (n == 0) return;
      if (copying) field->append(from, n);
      field_empty = false;
    };
    for (std::string_view view = in.block(); !view.empty(); view = in.block()) {
      const char* p = view.data();
      const std::size_t end = std::min(view.size(), max + 1 - length);
      std::size_t i = 0;
      bool record_done = false;
      while (i < end && !record_done) {
        if (state == State::quoted) {
          const std::size_t from = i;
          while (i < end && p[i] != '"') ++i;
          append(p + from, i - from);
          if (i < end) {
            ++i;
            state = State::quote_in_quoted;
          }
          continue;
        }
        if (state == State::quote_in_quoted) {  // a doubled quote, or the quoted part's end
          if (p[i] == '"') {
            append(p + i, 1);
            ++i;
            state = State::quoted;
          } else {
            state = State::unquoted;
          }
          continue;
        }
        // The usual field, "text", at once: AWS quotes every field and doubles no quote.
        if (field_empty && !was_quoted && p[i] == '"') {
          const auto* close = static_cast<const char*>(std::memchr(p + i + 1, '"', end - i - 1));
          if (close != nullptr && close + 1 < p + end && close[1] == ',') {
            append(p + i + 1, static_cast<std::size_t>(close - p - i - 1));
            i = static_cast<std::size_t>(close - p) + 2;
            next_field_of_row(field, copying);
            was_quoted = false;
            field_empty = true;
            continue;
          }
        }
        const std::size_t from = i;
        while (i < end && !k_plain_stop[static_cast<unsigned char>(p[i])]) ++i;
        append(p + from, i - from);
        if (i == end) break;
        const char c = p[i++];
        if (c == ',') {
          next_field_of_row(field, copying);
          was_quoted = false;
          field_empty = true;
        } else if (c == '\n') {
          if (copying && !field->empty() && field->back() == '\r' && !was_quoted) field->pop_back();
          record_done = true;
        } else if (c == '"' && field_empty && !was_quoted) {
          state = State::quoted;
          was_quoted = true;
        } else if (c != '\r' || !was_quoted) {
          append(&c, 1);
        }
      }
      length += i;
      in.consume(i);
      if (length > max)
        return util::fail(located(m_record_line, "price-list-too-long",
                                  fmt::format("a row longer than {} bytes: no Price List row is that long", max)));
      if (record_done) return true;
    }
    if (state == State::quoted)
      return util::fail(located(m_record_line, "price-list-syntax",
                                "the file ends inside a quoted field of this row: it is cut short (an interrupted "
                                "download?)"));
    return true;
  }

  // After a field's comma: once a row's TermType is known not to be OnDemand, the rest of it is counted, not copied.
  void next_field_of_row(std::string*& field, bool& copying) {
    if (m_count - 1 == m_term_type && *field != "OnDemand") copying = false;
    field = &next_field();
  }

  std::string& next_field() {
    if (m_count == m_fields.size()) m_fields.emplace_back();
    auto& field = m_fields[m_count++];
    field.clear();
    return field;
  }

  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  ReadContext& m_context;
  std::vector<std::string> m_fields;
  std::size_t m_count = 0;
  int m_record_line = 1;
  std::string m_offer;
  std::string m_publication_date;
  std::vector<std::optional<Attr>> m_columns;
  std::size_t m_sku = k_none, m_term_type = k_none, m_rate_code = k_none, m_begin = k_none, m_end = k_none,
              m_unit = k_none, m_price = k_none, m_currency = k_none, m_family = k_none;
  Product m_product;
  Dimension m_dimension;
};

}  // namespace

util::Result<bool> read_csv(ReadContext& context) {
  context.summary.format = "csv";
  return CsvReader(context).read();
}

}  // namespace caas::pricelist
