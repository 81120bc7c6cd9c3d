// Offer files (index.json) and `aws pricing get-products` output, read with nlohmann's SAX parser: one pass, holding
// only the product being read and the products kept. Real offer files list `products` before `terms`, so a term's
// SKU is known to be wanted or not when it is reached; terms of other products are skipped as they stream by.
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "caas/util/text.hpp"
#include "stream.hpp"

namespace caas::pricelist {

namespace {

using nlohmann::json;

enum class Ctx : std::uint8_t {
  root,
  products,
  product,
  attributes,
  terms,
  on_demand,
  term_sku,
  term,
  dimensions,
  dimension,
  price,
  price_list,
  skip
};

std::string offers_list() {
  std::string out;
  for (const auto offer : known_offers()) out += (out.empty() ? "" : ", ") + std::string(offer);
  return out;
}

class OfferSax {
 public:
  explicit OfferSax(ReadContext& context) : m_context(context) { m_stack.reserve(16); }

  bool null() { return true; }
  bool boolean(bool /*value*/) { return true; }
  bool number_integer(json::number_integer_t value) { return scalar(std::to_string(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return scalar(std::to_string(value)); }
  bool number_float(json::number_float_t /*value*/, const json::string_t& text) { return scalar(text); }
  bool binary(json::binary_t& /*value*/) { return true; }
  bool string(json::string_t& value) { return scalar(value); }

  bool start_object(std::size_t /*size*/) {
    if (m_stack.empty()) {
      m_stack.push_back(Ctx::root);
      return true;
    }
    const Ctx parent = m_stack.back();
    Ctx child = Ctx::skip;
    switch (parent) {
      case Ctx::root:
        if (m_key == "products") {
          child = Ctx::products;
          m_seen_products = true;
        } else if (m_key == "terms") {
          child = m_seen_products ? Ctx::terms : Ctx::skip;
          m_terms_first = !m_seen_products;
        }
        break;
      case Ctx::products:
        child = Ctx::product;
        m_product = Product{};
        m_product.sku = m_key;
        break;
      case Ctx::product:
        if (m_key != "attributes") break;
        m_stack.push_back(Ctx::attributes);
        return read_attributes();
      case Ctx::terms: child = m_key == "OnDemand" ? Ctx::on_demand : Ctx::skip; break;
      case Ctx::on_demand:
        child = m_context.collector.wanted(m_key) ? Ctx::term_sku : Ctx::skip;
        m_term_sku = m_key;
        break;
      case Ctx::term_sku: child = Ctx::term; break;
      case Ctx::term: child = m_key == "priceDimensions" ? Ctx::dimensions : Ctx::skip; break;
      case Ctx::dimensions:
        child = Ctx::dimension;
        m_dimension = Dimension{};
        m_dimension.rate_code = m_key;
        break;
      case Ctx::dimension: child = m_key == "pricePerUnit" ? Ctx::price : Ctx::skip; break;
      default: break;
    }
    m_stack.push_back(child);
    if (child == Ctx::skip && parent != Ctx::skip) m_context.stream.skip_value();
    return true;
  }

  bool key(json::string_t& key) {
    m_key.assign(key);
    return true;
  }

  bool end_object() {
    const Ctx ctx = m_stack.back();
    m_stack.pop_back();
    if (ctx == Ctx::product) return end_product();
    if (ctx == Ctx::dimension) {
      if (m_context.collector.add_dimension(m_term_sku, m_dimension, m_offer, m_publication_date))
        ++m_context.summary.prices;
    }
    return true;
  }

  bool start_array(std::size_t /*size*/) {
    const bool price_list = m_stack.size() == 1 && m_key == "PriceList";
    const bool skipping = !m_stack.empty() && m_stack.back() == Ctx::skip;
    m_stack.push_back(price_list ? Ctx::price_list : Ctx::skip);
    if (!price_list && !skipping && !m_stack.empty()) m_context.stream.skip_value();
    if (price_list) m_get_products = true;
    return true;
  }
  bool end_array() {
    m_stack.pop_back();
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const nlohmann::detail::exception& e) {
    if (!m_error) {
      const std::string what = e.what();
      // Whatever the lexer was reading when the bytes ran out, the file is cut short.
      if (what.find("unexpected end of input") != std::string::npos || m_context.stream.at_end())
        cut_short();
      else
        syntax(describe(what));
    }
    return false;
  }

  // After the parse: what the whole file lacked.
  std::optional<util::Diagnostic> finish() {
    if (m_error) return m_error;
    if (m_get_products) {
      m_context.summary.format = "get-products";
      return std::nullopt;
    }
    if (m_offer.empty() || !m_seen_products)
      return error_at(m_context, "price-list-shape",
                      "not an AWS Price List file: an offer file has 'offerCode', 'products' and 'terms', and "
                      "get-products output has 'PriceList'",
                      "give an offer file (index.json) or the output of aws pricing get-products");
    if (m_terms_first)
      return error_at(m_context, "price-list-shape",
                      "'terms' comes before 'products': the importer reads offer files in the order AWS writes "
                      "them, products first");
    return std::nullopt;
  }

  std::optional<util::Diagnostic> m_error;

 private:
  // nlohmann's message without its prefix and its own position (the reader gives line and column).
  static std::string describe(const std::string& what) {
    auto text = what;
    if (const auto colon = text.find(": "); colon != std::string::npos && text.rfind("[json.exception", 0) == 0)
      text = text.substr(colon + 2);
    for (auto& c : text)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return text;
  }

  bool scalar(const std::string& value) {
    if (m_stack.empty()) {
      m_error = error_at(m_context, "price-list-shape", "not an AWS Price List file: the JSON is not an object");
      return false;
    }
    switch (m_stack.back()) {
      case Ctx::root: return root_value(value);
      case Ctx::product:
        if (m_key == "productFamily") m_product.family = value;
        if (m_key == "sku") m_product.sku = value;
        return true;
      case Ctx::dimension:
        if (m_key == "unit") m_dimension.unit = value;
        if (m_key == "beginRange" || m_key == "startingRange") m_dimension.begin = value;
        if (m_key == "endRange" || m_key == "endingRange") m_dimension.end = value;
        return true;
      case Ctx::price:
        if (m_key == "USD") m_dimension.usd = value;
        return true;
      case Ctx::price_list: return price_list_item(value);
      default: return true;
    }
  }

  // A product's attributes, read here rather than by nlohmann's lexer: they are most of the bytes the importer
  // parses, and always a flat object of strings. Reads up to the closing brace, which the parser then reads.
  bool read_attributes() {
    Stream& in = m_context.stream;
    const auto blanks = [&in] {
      while (!in.at_end() && (in.peek() == ' ' || in.peek() == '\n' || in.peek() == '\r' || in.peek() == '\t'))
        in.advance(false);
    };
    const auto expect = [&](char c, const char* what) {
      blanks();
      if (in.at_end()) return cut_short();
      if (in.peek() == c) {
        in.advance(false);
        return true;
      }
      in.advance(false);
      return syntax(fmt::format("expected {} in a product's attributes", what));
    };
    const auto string = [&](std::string& out, const char* what) {
      blanks();
      if (in.at_end()) return cut_short();
      if (in.peek() != '"') {
        const bool value_expected = &out == &m_value;
        in.advance(false);
        if (value_expected)
          return shape(
              fmt::format("the attribute '{}' has a value that is not a string: AWS writes every attribute as "
                          "a string",
                          util::escape_control(m_key)));
        return syntax(fmt::format("expected {} in a product's attributes", what));
      }
      switch (in.read_string(out)) {
        case Stream::StringError::none: return true;
        case Stream::StringError::cut_short: return cut_short();
        case Stream::StringError::control: return syntax("a control character inside a string");
        case Stream::StringError::bad_escape: return syntax("an invalid escape sequence inside a string");
        case Stream::StringError::not_utf8: return syntax("a string that is not valid UTF-8");
      }
      return false;
    };
    blanks();
    if (!in.at_end() && in.peek() == '}') return true;
    for (;;) {
      if (!string(m_key, "an attribute's name") || !expect(':', "':'") || !string(m_value, "an attribute's value"))
        return false;
      if (const auto attr = attr_of(m_key)) m_product[*attr] = m_value;
      blanks();
      if (in.at_end()) return cut_short();
      if (in.peek() == '}') return true;
      if (!expect(',', "',' or '}'")) return false;
    }
  }
  // find_attr, remembered for the names met so far: a file repeats the same few dozen names in every product. The
  // memory stays bounded whatever the file holds.
  std::optional<Attr> attr_of(const std::string& name) {
    if (const auto known = m_attr_of.find(name); known != m_attr_of.end()) return known->second;
    const auto attr = find_attr(name);
    if (m_attr_of.size() < 1024) m_attr_of.emplace(name, attr);
    return attr;
  }
  bool cut_short() {
    m_error = error_at(m_context, "price-list-syntax",
                       "the file ends in the middle of its JSON: it is cut short (an interrupted download?)");
    return false;
  }
  bool shape(const std::string& what) {
    m_error = error_at(m_context, "price-list-shape", "not an AWS Price List file: " + what);
    return false;
  }
  bool syntax(const std::string& what) {
    m_error = error_at(m_context, "price-list-syntax", "not valid JSON: " + what);
    return false;
  }

  bool root_value(const std::string& value) {
    if (m_key == "offerCode") {
      if (!is_known_offer(value)) {
        m_error = error_at(m_context, "price-list-offer",
                           fmt::format("an offer file of {}, not one the cost model uses", value),
                           "caas-advisor imports " + offers_list());
        return false;
      }
      m_offer = value;
      m_context.summary.offer = value;
    } else if (m_key == "publicationDate") {
      m_publication_date = value;
      m_context.summary.publication_date = value;
    }
    return true;
  }

  bool end_product() {
    ++m_context.summary.products;
    if (m_offer.empty()) {
      m_error = error_at(m_context, "price-list-shape",
                         "a product comes before the file's 'offerCode': not an offer file as AWS writes them");
      return false;
    }
    m_context.collector.add_product(std::move(m_product), m_offer);
    return true;
  }

  // One element of get-products' PriceList: a JSON document in a string, read whole (it is one product, a few KB,
  // and the guard has bounded its size).
  bool price_list_item(const std::string& text) {
    ++m_context.summary.products;
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        deepest = std::max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    if (deepest > m_context.limits.max_depth) {
      m_error = error_at(m_context, "too-deep",
                         fmt::format("a PriceList entry nests more than {} levels deep", m_context.limits.max_depth));
      return false;
    }
    const auto item = json::parse(text, nullptr, false);
    const auto bad = [&](const std::string& what) {
      m_error = error_at(m_context, "price-list-shape", "a PriceList entry " + what);
      return false;
    };
    if (item.is_discarded()) return bad("is not valid JSON");
    if (!item.is_object() || !item.contains("product") || !item["product"].is_object())
      return bad("has no 'product' object");
    const auto& product_json = item["product"];
    const auto text_of = [](const json& j, const char* key) {
      const auto found = j.find(key);
      return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    std::string offer = text_of(item, "serviceCode");
    if (!is_known_offer(offer)) {
      m_error = error_at(m_context, "price-list-offer",
                         fmt::format("a PriceList entry of {}, not an offer the cost model uses",
                                     offer.empty() ? std::string("no serviceCode") : offer),
                         "caas-advisor imports " + offers_list());
      return false;
    }
    Product product;
    product.sku = text_of(product_json, "sku");
    product.family = text_of(product_json, "productFamily");
    if (const auto attributes = product_json.find("attributes");
        attributes != product_json.end() && attributes->is_object())
      for (const auto& [name, value] : attributes->items())
        if (const auto attr = find_attr(name); attr && value.is_string()) product[*attr] = value.get<std::string>();
    const std::string publication = text_of(item, "publicationDate");
    m_context.summary.offer = offer;
    if (publication > m_context.summary.publication_date) m_context.summary.publication_date = publication;
    const auto terms = item.find("terms");
    if (terms == item.end() || !terms->is_object()) return true;
    const auto on_demand = terms->find("OnDemand");
    if (on_demand == terms->end() || !on_demand->is_object()) return true;  // reserved only: nothing to take
    for (const auto& [term_code, term] : on_demand->items()) {
      if (!term.is_object() || !term.contains("priceDimensions") || !term["priceDimensions"].is_object()) continue;
      for (const auto& [rate_code, dim] : term["priceDimensions"].items()) {
        if (!dim.is_object()) continue;
        Dimension dimension;
        dimension.rate_code = rate_code;
        dimension.unit = text_of(dim, "unit");
        dimension.begin = text_of(dim, "beginRange");
        dimension.end = text_of(dim, "endRange");
        if (const auto price = dim.find("pricePerUnit"); price != dim.end() && price->is_object())
          dimension.usd = text_of(*price, "USD");
        if (m_context.collector.add_row(product, dimension, offer, publication)) ++m_context.summary.prices;
      }
    }
    return true;
  }

  ReadContext& m_context;
  std::vector<Ctx> m_stack;
  std::string m_key;
  std::string m_value;
  std::unordered_map<std::string, std::optional<Attr>> m_attr_of;
  std::string m_offer;
  std::string m_publication_date;
  std::string m_term_sku;
  Product m_product;
  Dimension m_dimension;
  bool m_seen_products = false;
  bool m_terms_first = false;
  bool m_get_products = false;
};

}  // namespace

util::Result<bool> read_json(ReadContext& context) {
  context.summary.format = "json";
  OfferSax sax(context);
  try {
    json::sax_parse(Stream::Iterator(&context.stream), Stream::Iterator(), &sax);
  } catch (const LimitHit& hit) {
    if (hit.kind == LimitHit::Kind::string)
      return util::fail(error_at(
          context, "price-list-too-long",
          fmt::format("a string longer than {} bytes: no Price List value is that long", context.limits.max_string)));
    return util::fail(error_at(context, "too-deep",
                               fmt::format("objects and arrays nest more than {} levels deep: a Price List file "
                                           "nests about 8",
                                           context.limits.max_depth)));
  }
  if (context.stream.failed())
    return util::fail(error_at(context, "unreadable-file", "the file could not be read to its end"));
  if (auto error = sax.finish()) return util::fail(std::move(*error));
  return true;
}

}  // namespace caas::pricelist
