// The readers under the importer: the stream (blocks, lines and columns, the skip of unused parts, its limits),
// the attribute and string reader, CSV records, and read errors.
#include <catch2/catch.hpp>

#include <sstream>

#include "caas/pricelist/pricelist.hpp"
#include "pricelist_test_support.hpp"

using namespace caas;
using namespace caas::pricelist;
using namespace caas::pricelist::test;

TEST_CASE("pricelist: a product's attributes are read as JSON strings, escapes decoded", "[pricelist]") {
  // The importer reads attributes without nlohmann's lexer; what JSON allows in a string must come out the same.
  const std::string attrs = ec2_attributes(R"(m7g.\u006Carge)", R"(Lin\u0075x)", "RunInstances") +
                            R"(, "note\"s" : "caf\u00e9 \ud83d\ude00 \" \\ \b\f\n\r\t")";
  const std::string text =
      offer("AmazonEC2", product("A", "Compute Instance", attrs) + "," + product("E", "Compute Instance", " \n "),
            term("A", dimension("A.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000")));
  Importer importer;
  const auto read = read_text(importer, text);
  REQUIRE(read);
  CHECK(read->products == 2);
  const auto regions = importer.regions();
  const auto& instances = regions.at("eu-west-1").instances;
  REQUIRE(instances.size() == 1);
  CHECK(instances[0].type.name == "m7g.large");
}

TEST_CASE("pricelist: broken attributes are located errors, as nlohmann's would be", "[pricelist]") {
  struct Case {
    std::string attributes;
    std::string_view code;
    std::string_view says;
  };
  const std::vector<Case> cases = {
      {R"("vcpu" : 2)", "price-list-shape", "the attribute 'vcpu' has a value that is not a string"},
      {R"("vcpu" : "2",)", "price-list-syntax", "an attribute's name"},
      {R"("vcpu" "2")", "price-list-syntax", "':'"},
      {R"("vcpu" : "2" "memory" : "8")", "price-list-syntax", "',' or '}'"},
      {"\"vcpu\" : \"2\t\"", "price-list-syntax", "control character"},
      {R"("vcpu" : "\x32")", "price-list-syntax", "escape"},
      {R"("vcpu" : "\u12G4")", "price-list-syntax", "escape"},
      {R"("vcpu" : "\udc00")", "price-list-syntax", "escape"},   // a low surrogate alone
      {R"("vcpu" : "\ud800x")", "price-list-syntax", "escape"},  // a high one without its low one
      {"\"vcpu\" : \"\xC3\x28\"", "price-list-syntax", "UTF-8"},
      {R"(vcpu : "2")", "price-list-syntax", "an attribute's name"},
  };
  for (const auto& c : cases) {
    INFO(c.attributes);
    const std::string text = offer("AmazonEC2", product("A", "Compute Instance", c.attributes), "");
    Importer importer;
    const auto read = read_text(importer, text, "bad.json");
    REQUIRE_FALSE(read);
    CHECK(read.error()[0].code.id() == c.code);
    CHECK(read.error()[0].message.find(c.says) != std::string::npos);
    // Located on the product's line, at or after its attributes' opening brace.
    CHECK(read.error()[0].where.line == 1);
    CHECK(read.error()[0].where.column > static_cast<int>(text.find("\"attributes\"")));
  }
  // Cut short inside the attributes, at every byte.
  const std::string whole = offer("AmazonEC2", product("A", "Compute Instance", R"("vcpu" : "2\u00e9")"), "");
  const auto from = whole.find("\"attributes\"");
  for (std::size_t end = from; end < whole.find('}', from); ++end) {
    Importer importer;
    const auto read = read_text(importer, whole.substr(0, end));
    REQUIRE_FALSE(read);
    CHECK(read.error()[0].code.id() == "price-list-syntax");
    CHECK(read.error()[0].message.find("cut short") != std::string::npos);
  }
}

TEST_CASE("pricelist: lines and columns are counted across the reader's blocks", "[pricelist]") {
  // Errors past the first megabyte (the stream reads 1 MiB blocks) still point at their line and column, in
  // characters: the reserved terms before them are skipped unparsed, a product's attributes read by the importer.
  const std::string filler = "{\"x\" : \"" + std::string(200, 'a') + "\u00e9\"}";
  std::string reserved = "{";
  int lines = 1;
  for (int i = 0; i < 6000; ++i) {
    reserved += std::string(i ? ",\n" : "\n") + "\"R" + std::to_string(i) + "\" : " + filler;
    ++lines;
  }
  reserved += "\n}";
  ++lines;
  const std::string bad_tail = ", \"after\" : tru";  // a key of "terms", parsed
  const std::string text = offer("AWSELB", "", "", reserved + "\n" + bad_tail);
  REQUIRE(text.size() > (std::size_t{1} << 20) + 100000);
  Importer importer;
  const auto read = read_text(importer, text, "big.json");
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "price-list-syntax");
  CHECK(read.error()[0].where.line == lines + 1);
  // The error is at the end of the file's last line, counted in characters.
  CHECK(read.error()[0].where.column >= static_cast<int>(bad_tail.find("tru")));
  CHECK(read.error()[0].where.column <= static_cast<int>(bad_tail.size()) + 1);
}

TEST_CASE("pricelist: a CSV's reserved rows are counted, not copied, and still checked for their shape",
          "[pricelist]") {
  const std::string head =
      "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"TermType\",\"PriceDescription\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\","
      "\"usageType\",\"Region Code\"\n";
  // Reserved rows with what CSV allows in a field: commas and doubled quotes inside quotes, a line break, a quote
  // inside an unquoted field.
  const std::string reserved =
      "\"R\",\"Reserved\",\"a, \"\"b\"\"\nc\",\"hours\",\"1\",\"USD\",\"Compute\",\"x\",\"eu-west-1\"\n"
      "R2,Reserved,a\"b,hours,1,USD,Compute,x,eu-west-1\n";
  const std::string on_demand =
      "\"K\",\"OnDemand\",\"d\",\"hours\",\"0.0404800000\",\"USD\",\"Compute\",\"EU-Fargate-vCPU-Hours:perCPU\","
      "\"eu-west-1\"\n";
  Importer importer;
  const auto read = read_text(importer, head + reserved + on_demand);
  REQUIRE(read);
  CHECK(read->products == 3);
  CHECK(read->prices == 1);
  CHECK(importer.regions().at("eu-west-1").prices.at("fargate.x86_64.vcpu_hour").usd == Approx(0.04048));
  // A reserved row with a field missing is still an error, at its line.
  Importer again;
  const auto short_row =
      read_text(again, head + "\"R\",\"Reserved\",\"a,b\",\"hours\",\"1\",\"USD\",\"Compute\",\"x\"\n" + on_demand);
  REQUIRE_FALSE(short_row);
  CHECK(short_row.error()[0].code.id() == "price-list-shape");
  CHECK(short_row.error()[0].where.line == 5);
  // And a reserved row is bounded like any other.
  Importer limited(Limits{1000, 64});
  const auto long_row = read_text(limited, head + "\"R\",\"Reserved\",\"" + std::string(5000, 'a') +
                                               "\",\"h\",\"1\",\"USD\",\"C\",\"x\","
                                               "\"eu-west-1\"\n");
  REQUIRE_FALSE(long_row);
  CHECK(long_row.error()[0].code.id() == "price-list-too-long");
}

TEST_CASE("pricelist: skipped parts are read 64 bytes at a time, strings and escapes as strings, limits at their byte",
          "[pricelist]") {
  // Reserved terms are skipped by bit masks: brackets inside strings (with escaped quotes before them) must not count,
  // wherever the 64-byte chunks fall; a string or nesting over the limit is stopped at the byte that passes it.
  const std::string good_dims = dimension("A.JRTCKXETXF.6YS6EN2CT7", "Hrs", "0.0892000000");
  const std::string products = product("A", "Compute Instance", ec2_attributes("m7g.large", "Linux", "RunInstances"));
  for (std::size_t pad = 0; pad < 70; ++pad) {
    const std::string tricky = "{\"" + std::string(pad, 'p') + R"(" : "a } ] \" [ { \\", "b" : [ "}", {"c" : "]"} ]})";
    INFO("pad " << pad);
    Importer importer;
    const auto read = read_text(importer, offer("AmazonEC2", products, term("A", good_dims), tricky));
    REQUIRE(read);
    CHECK(read->prices == 1);
  }
  const Limits limits{100, 64};
  for (std::size_t length : {std::size_t{99}, std::size_t{100}, std::size_t{101}, std::size_t{300}}) {
    const std::string file = offer("AWSELB", "", "", "{\"x\" : \"" + std::string(length, 'a') + "\"}");
    INFO("a string of " << length << " bytes");
    Importer importer(limits);
    const auto read = read_text(importer, file);
    if (length <= 100) {
      CHECK(read);  // nothing the model uses, but read to its end
    } else {
      REQUIRE_FALSE(read);
      CHECK(read.error()[0].code.id() == "price-list-too-long");
      // The 101st byte after the opening quote, which is 6 bytes after the key's.
      CHECK(read.error()[0].where.column == static_cast<int>(file.find("\"x\" : \"") + 6 + 101) + 1);
    }
  }
  const std::string deep = offer("AWSELB", "", "", std::string(70, '[') + std::string(70, ']'));
  Importer importer;
  const auto read = read_text(importer, deep);
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "too-deep");
  // The bracket that passes 64 levels: the root, "terms" and the value's first bracket are three of them already,
  // so it is the 62nd bracket after the first.
  CHECK(read.error()[0].where.column == static_cast<int>(deep.find('[')) + 62 + 1);
}

TEST_CASE("pricelist: an escape that passes the string limit stops at its byte", "[pricelist]") {
  // 97 plain bytes, then \u00e9: the backslash is the 98th byte of the string, and the 101st is the escape's second
  // hex digit, where the reader must stop.
  const std::string file =
      offer("AmazonEC2", product("A", "Compute Instance", "\"vcpu\" : \"" + std::string(97, 'a') + "\\u00e9\""), "");
  Importer limited(Limits{100, 64});
  const auto read = read_text(limited, file);
  REQUIRE_FALSE(read);
  CHECK(read.error()[0].code.id() == "price-list-too-long");
  CHECK(read.error()[0].where.column == static_cast<int>(file.find("\"vcpu\" : \"") + 9) + 101 + 1);
}

TEST_CASE("pricelist: a read error in the middle of a file is unreadable-file, in JSON and CSV", "[pricelist]") {
  // A stream that gives the first bytes of a good file, then fails as a disk would.
  class FailingBuffer : public std::streambuf {
   public:
    explicit FailingBuffer(std::string text) : m_text(std::move(text)) {
      setg(m_text.data(), m_text.data(), m_text.data() + m_text.size());
    }

   protected:
    int_type underflow() override { throw std::ios_base::failure("read error"); }

   private:
    std::string m_text;
  };
  // Larger than the reader's 1 MiB block, so that the error comes in the first block or after it.
  std::string csv =
      "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2025-08-31T09:21:55Z\"\n\"OfferCode\",\"AmazonECS\"\n"
      "\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\",\"Product Family\",\"usageType\",\"Region Code\"\n";
  while (csv.size() < (std::size_t{3} << 20))
    csv += "\"K\",\"OnDemand\",\"hours\",\"0.04048\",\"Compute\",\"EU-Fargate-vCPU-Hours:perCPU\",\"eu-west-1\"\n";
  std::string reserved = "{\"R\" : [";
  while (reserved.size() < (std::size_t{3} << 20)) reserved += "\"" + std::string(100, 'r') + "\", ";
  reserved += "\"r\"]}";
  const std::string json =
      offer("AmazonEC2", product("A", "Compute Instance", ec2_attributes("m7g.large", "Linux", "RunInstances")), "",
            reserved);
  for (const std::string* text : {static_cast<const std::string*>(&csv), &json}) {
    for (const std::size_t cut : {std::size_t{100}, text->size() / 3, text->size() * 2 / 3, text->size() - 5}) {
      INFO(text->substr(0, 20) << " cut at " << cut);
      FailingBuffer buffer(text->substr(0, cut));
      std::istream in(&buffer);
      Importer importer;
      const auto read = importer.read(in, "f");
      REQUIRE_FALSE(read);
      CHECK(read.error()[0].code.id() == "unreadable-file");
    }
  }
}
