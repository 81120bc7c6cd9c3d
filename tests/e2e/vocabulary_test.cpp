// One mistake, one code and one wording, whatever file it is made in: a workload, a rule file, a price file, or a
// spec of another format. Each row makes the same mistake in each kind of file and compares what the readers say.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "caas/config/project_config.hpp"
#include "caas/cost/price_table.hpp"
#include "caas/import/import.hpp"
#include "caas/parse/parse_workload.hpp"
#include "caas/rules/rule_set.hpp"
#include "caas/tables/builtin_tables.hpp"

using namespace caas;

namespace {

constexpr std::string_view k_workload = "apiVersion: caas-advisor/v1\nname: a\nkind: service\n";
constexpr std::string_view k_rules =
    "version: 1\nrules:\n  - id: my-rule\n    target: lambda\n    effect: note\n"
    "    when: kind == \"job\"\n    message: m\n    source: s\n";
constexpr std::string_view k_prices =
    "version: 1\nregions:\n  us-east-1:\n    prices:\n      lambda.requests:\n"
    "        usd: 0.20\n        unit: 1M requests\n        source: s\n"
    "        collected: 2026-11-26\n        confidence: DOC\n";
constexpr std::string_view k_compose = "services:\n  web:\n    image: nginx\n";

util::Diagnostics workload_errors(std::string_view text) {
  auto parsed = parse::parse_workload(text, "w.yaml");
  return parsed ? util::Diagnostics{} : parsed.error();
}

util::Diagnostics rule_errors(std::string_view text) {
  static const auto k_base = *tables::builtin_rules();
  rules::LoadOptions options;
  options.base = &k_base;
  auto loaded = rules::load_rules(text, "r.yaml", options);
  return loaded ? util::Diagnostics{} : loaded.error();
}

util::Diagnostics price_errors(std::string_view text) {
  static const auto k_base = tables::builtin_prices();
  auto loaded = cost::load_price_overlay(text, "p.yaml", k_base);
  return loaded ? util::Diagnostics{} : loaded.error();
}

util::Diagnostics spec_errors(std::string_view text) {
  // A spec's YAML mistake: the batch reads the file once and reports the reader's error.
  return parse::parse_file(text, "s.yaml").errors;
}

struct Said {
  std::string code;
  std::string message;  // with the hint, as a user reads it
  int line = 0;
  int column = 0;
};

std::optional<Said> first(const util::Diagnostics& errors) {
  if (errors.empty()) return std::nullopt;
  const auto& e = errors.front();
  return Said{std::string(e.code.id()), e.hint.empty() ? e.message : e.message + "; " + e.hint, e.where.line,
              e.where.column};
}

std::string with(std::string_view text, std::string_view more) { return std::string(text) + std::string(more); }

}  // namespace

TEST_CASE("vocabulary: a YAML mistake has the same code, words and place in every kind of file", "[vocabulary]") {
  struct Row {
    const char* what;
    std::string tail;  // appended to each file: the same mistake on the same line, in the same column
    const char* code;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"an unclosed quote", "x: \"open\n", "yaml-syntax", "not valid YAML: this quoted value is never closed"},
      {"a tab", "x:\n\ty: 1\n", "yaml-syntax", "not valid YAML: a tab; YAML indents with spaces only"},
      {"a raw control character", "x: a\x1b[2Jb\n", "yaml-syntax",
       "not valid YAML: a control character (U+001B) is not allowed"},
      {"a stray comma", "x: [1],\n", "yaml-syntax", "not valid YAML: a ',' outside [ ] or { }"},
      {"an unknown anchor", "x: *nowhere\n", "yaml-syntax", "an alias refers to an unknown anchor"},
      {"deep nesting", "x: " + std::string(70, '[') + std::string(70, ']') + "\n", "too-deep",
       "maps and lists are nested more than 64 levels deep"},
      {"bytes that are not UTF-8", "x: \xff\n", "not-utf8", "the file is not valid UTF-8"},
      {"a NUL byte", std::string("x: a\0b\n", 7), "nul-byte",
       "the file holds a NUL byte, which YAML text cannot (is it a binary or UTF-16 file?)"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    const auto workload = first(workload_errors(with(k_workload, row.tail)));
    const auto rule = first(rule_errors(with(k_rules, row.tail)));
    const auto price = first(price_errors(with(k_prices, row.tail)));
    const auto spec = first(spec_errors(with(k_compose, row.tail)));
    for (const auto* said : {&workload, &rule, &price, &spec}) {
      REQUIRE(said->has_value());
      CHECK((*said)->code == row.code);
      CHECK((*said)->message == row.message);
    }
    // The same place, counted from the end of each file's own lines.
    CHECK(workload->line - 3 == rule->line - 8);
    CHECK(workload->line - 3 == price->line - 10);
    CHECK(workload->line - 3 == spec->line - 3);
    CHECK(workload->column == rule->column);
    CHECK(workload->column == price->column);
    CHECK(workload->column == spec->column);
  }
}

TEST_CASE("vocabulary: an alias bomb is refused at the same alias in every kind of file", "[vocabulary]") {
  std::string bomb = "x-a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'g'; ++c) {
    bomb += "x-" + std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  const auto workload = first(workload_errors(with(k_workload, bomb)));
  REQUIRE(workload);
  CHECK(workload->code == "too-many-nodes");
  const std::vector<std::pair<std::optional<Said>, int>> others = {{first(rule_errors(with(k_rules, bomb))), 8},
                                                                   {first(price_errors(with(k_prices, bomb))), 10},
                                                                   {first(spec_errors(with(k_compose, bomb))), 3}};
  for (const auto& [said, lines_before] : others) {
    REQUIRE(said);
    CHECK(said->code == "too-many-nodes");
    CHECK(said->message == workload->message);
    CHECK(said->line - lines_before == workload->line - 3);
    CHECK(said->column == workload->column);
  }
}

TEST_CASE("vocabulary: a key mistake has the same code and words in workload, rule and price files", "[vocabulary]") {
  // A misspelt key, each where its format has a 'source'-like neighbour.
  const auto workload = first(workload_errors(with(k_workload, "descriptoin: x\n")));
  const auto rule = first(rule_errors("version: 1\nrevison: x\n"));
  const auto price = first(price_errors("version: 1\ndaet: 2026-11-26\n"));
  REQUIRE(workload);
  REQUIRE(rule);
  REQUIRE(price);
  CHECK(workload->code == "unknown-key");
  CHECK(rule->code == "unknown-key");
  CHECK(price->code == "unknown-key");
  CHECK(workload->message.rfind("unknown key 'descriptoin'; expected apiVersion, name, description", 0) == 0);
  CHECK(workload->message.find("; did you mean 'description'?") != std::string::npos);
  CHECK(rule->message ==
        "unknown key 'revison'; expected version, revision, targets or rules; did you mean 'revision'?");
  CHECK(price->message == "unknown key 'daet'; expected version, date, scoring or regions; did you mean 'date'?");

  // A key written twice.
  CHECK(first(workload_errors(with(k_workload, "name: b\n")))->message ==
        "duplicate key 'name' (first written at line 2)");
  CHECK(first(rule_errors("version: 1\nrevision: a\nrevision: b\n"))->message ==
        "duplicate key 'revision' (first written at line 2)");
  CHECK(first(price_errors("version: 1\ndate: 2026-01-01\ndate: 2026-01-02\n"))->message ==
        "duplicate key 'date' (first written at line 2)");
  for (const auto& errors :
       {workload_errors(with(k_workload, "name: b\n")), rule_errors("version: 1\nrevision: a\nrevision: b\n"),
        price_errors("version: 1\ndate: 2026-01-01\ndate: 2026-01-02\n")})
    CHECK(first(errors)->code == "duplicate-key");

  // A merge key, and a second document.
  for (const auto& errors : {workload_errors(with(k_workload, "<<: {description: x}\n")),
                             rule_errors("version: 1\n<<: {revision: x}\n"), price_errors("version: 1\n<<: {}\n")}) {
    const auto said = first(errors);
    REQUIRE(said);
    CHECK(said->code == "merge-key");
    CHECK(said->message == "merge keys ('<<') are not allowed; write the keys out");
  }
  CHECK(first(workload_errors(with(k_workload, "---\na: 1\n")))->message ==
        "a workload file holds one YAML document, but another one starts here (2 in all)");
  CHECK(first(rule_errors("version: 1\n---\na: 1\n"))->message ==
        "a rule file holds one YAML document, but another one starts here (2 in all)");
  CHECK(first(price_errors("version: 1\n---\na: 1\n"))->message ==
        "a price file holds one YAML document, but another one starts here (2 in all)");

  // A file that is a list.
  CHECK(first(workload_errors("- a\n"))->code == "not-a-mapping");
  CHECK(first(rule_errors("- a\n"))->message ==
        "a rule file is a map of version, revision, targets or rules, not a list");
  CHECK(first(price_errors("- a\n"))->message ==
        "a price file is a map of version, date, scoring or regions, not a list");
}

TEST_CASE("vocabulary: values are judged in the same words in workload, rule and price files", "[vocabulary]") {
  // A map where a single value goes.
  CHECK(first(workload_errors("apiVersion: caas-advisor/v1\nname: a\nkind: service\ndescription: {a: 1}\n"))->message ==
        "'description' must be a string, not a map");
  CHECK(first(rule_errors("version: 1\nrevision: {a: 1}\n"))->message == "'revision' must be a string, not a map");
  CHECK(first(price_errors("version: 1\ndate: {a: 1}\n"))->message == "'date' must be a string, not a map");
  for (const auto& errors : {workload_errors(with(k_workload, "description: {a: 1}\n")),
                             rule_errors("version: 1\nrevision: {a: 1}\n"), price_errors("version: 1\ndate: [1]\n")})
    CHECK(first(errors)->code == "bad-type");

  // yes for a boolean.
  const auto workload = first(workload_errors(with(k_workload, "latency: {cold_start_sensitive: yes}\n")));
  const auto rule = first(rule_errors(with(k_rules, "    enabled: yes\n")));
  std::string instance = std::string(k_prices) +
                         "    instances:\n      - {name: t4g.nano, vcpu: 2, memory_gib: 0.5, gpus: 0, architecture: "
                         "arm64, burstable: yes, usd_per_hour: 0.0042, source: s, collected: 2026-11-26, "
                         "confidence: DOC}\n";
  const auto price = first(price_errors(instance));
  REQUIRE(workload);
  REQUIRE(rule);
  REQUIRE(price);
  CHECK(workload->code == "bad-boolean");
  CHECK(rule->code == "bad-boolean");
  CHECK(price->code == "bad-boolean");
  CHECK(workload->message ==
        "'latency.cold_start_sensitive' must be true or false; 'yes' is not accepted; did you mean 'true'?");
  CHECK(rule->message == "'rules.my-rule.enabled' must be true or false; 'yes' is not accepted; did you mean 'true'?");
  CHECK(price->message ==
        "'instances.t4g.nano.burstable' must be true or false; 'yes' is not accepted; did you mean 'true'?");
}

TEST_CASE("vocabulary: numbers are read one way: 0x1A is refused everywhere, never 26", "[vocabulary]") {
  const auto workload = first(workload_errors(with(k_workload, "resources: {cpu: 0x1A}\n")));
  const auto rule =
      first(rule_errors("version: 1\nrules:\n  - id: my-rule\n    target: lambda\n    effect: prefer\n"
                        "    weight: 0x1A\n    when: kind == \"job\"\n    message: m\n    source: s\n"));
  auto hex_price = std::string(k_prices);
  hex_price.replace(hex_price.find("0.20"), 4, "0x1A");
  const auto price = first(price_errors(hex_price));
  REQUIRE(workload);
  REQUIRE(rule);
  REQUIRE(price);
  CHECK(workload->code == "bad-value");
  CHECK(rule->code == "bad-value");
  CHECK(price->code == "bad-value");
  CHECK(workload->message ==
        "'resources.cpu' must be a number of vCPUs such as 0.25 or 2, or millicores such as 500m, not '0x1A'");
  CHECK(rule->message == "'rules.my-rule.weight' must be a number above 0 and up to 100, not '0x1A'");
  CHECK(price->message == "'lambda.requests.usd' must be a number, not '0x1A'");

  // Negative and digit-separated numbers read the same too.
  auto negative_price = std::string(k_prices);
  negative_price.replace(negative_price.find("0.20"), 4, "-1");
  CHECK(first(workload_errors(with(k_workload, "resources: {cpu: -1}\n")))->message ==
        "'resources.cpu' cannot be negative");
  CHECK(first(price_errors(negative_price))->message == "'lambda.requests.usd' cannot be negative");
  auto separated_price = std::string(k_prices);
  separated_price.replace(separated_price.find("0.20"), 4, "1_000");
  CHECK(first(workload_errors(with(k_workload, "resources: {cpu: 1_000}\n")))->message ==
        "'resources.cpu': digit separators such as 1_000 are not accepted");
  CHECK(first(price_errors(separated_price))->message ==
        "'lambda.requests.usd': digit separators such as 1_000 are not accepted");
}

TEST_CASE("vocabulary: a spec of another format that is not YAML is never imported", "[vocabulary][import]") {
  // The slip that once passed as a valid compose file, its memory and CPUs swallowed into the image name.
  const std::string compose = "services:\n  web:\n    image: \"nginx\n    mem_limit: 2g\n    cpus: 4\n";
  CHECK_FALSE(import::import_spec(compose, "compose.yaml").has_value());
  const auto said = first(spec_errors(compose));
  REQUIRE(said);
  CHECK(said->code == "yaml-syntax");
  CHECK(said->message == "not valid YAML: this quoted value is never closed");
  CHECK(said->line == 3);
  CHECK(said->column == 12);
}

TEST_CASE("vocabulary: a project configuration says every shared mistake as a workload file does", "[vocabulary]") {
  const auto config_errors = [](std::string_view text) {
    auto read = config::read_config(text, "c.yaml", ".");
    return read ? util::Diagnostics{} : read.error();
  };
  // The YAML mistakes, at the same place counted from the end of each file's lines.
  for (const std::string& tail :
       {std::string("x: \"open\n"), std::string("x:\n\ty: 1\n"), std::string("x: [1],\n"), std::string("x: *nowhere\n"),
        std::string("x: \xff\n"), "x: " + std::string(70, '[') + std::string(70, ']') + "\n"}) {
    INFO(tail);
    const auto workload = first(workload_errors(with(k_workload, tail)));
    const auto said = first(config_errors(with("fail_on: error\n", tail)));
    REQUIRE(said);
    CHECK(said->code == workload->code);
    CHECK(said->message == workload->message);
    CHECK(said->line - 1 == workload->line - 3);
    CHECK(said->column == workload->column);
  }
  CHECK(first(config_errors("fial_on: error\n"))->message ==
        "unknown key 'fial_on'; expected rules, disable, pricing, region, fail_on, include, exclude, free_tier, "
        "baseline, waivers or workloads; did you mean 'fail_on'?");
  CHECK(first(config_errors("region: a\nregion: b\n"))->message == "duplicate key 'region' (first written at line 1)");
  CHECK(first(config_errors("<<: {region: a}\n"))->message == "merge keys ('<<') are not allowed; write the keys out");
  CHECK(first(config_errors("region: a\n---\nregion: b\n"))->message ==
        "a configuration holds one YAML document, but another one starts here (2 in all)");
  CHECK(first(config_errors("region: {a: 1}\n"))->message == "'region' must be a string, not a map");
  const auto yes = first(config_errors("free_tier: yes\n"));
  const auto workload_yes = first(workload_errors(with(k_workload, "latency: {cold_start_sensitive: yes}\n")));
  CHECK(yes->code == "bad-boolean");
  CHECK(yes->message.substr(yes->message.find(" must")) ==
        workload_yes->message.substr(workload_yes->message.find(" must")));
}
