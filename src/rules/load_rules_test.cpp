#include <catch2/catch.hpp>

#include "caas/rules/rule_set.hpp"
#include "caas/tables/embedded_tables.hpp"

using namespace caas;

namespace {
const char* const k_table = R"(version: 1
revision: "2026-01-01"
targets:
  - {id: lambda, name: AWS Lambda, model: FaaS, ops_burden: 1}
  - {id: ec2, name: Amazon EC2, model: IaaS, ops_burden: 3}
rules:
  - id: z-last
    target: lambda
    effect: note
    when: kind == "job"
    message: "a job"
    source: "seed: test"
  - id: a-first
    target: [lambda, ec2]
    effect: prefer
    weight: 2
    when: execution.duration.max > 15m
    message: "runs up to {execution.duration.max}"
    source: https://example.com
    examples:
      match: [{kind: job, execution: {duration: 2h}}]
      no_match: [{execution: {duration: 10m}}]
)";

std::string first_error(const util::Result<rules::RuleSet>& result) {
  REQUIRE_FALSE(result);
  return result.error().front().message;
}
}  // namespace

TEST_CASE("rule loader: reads targets and rules, sorted by id", "[rules]") {
  auto set = rules::load_rules(k_table, "t.yaml", {true, nullptr});
  REQUIRE(set);
  CHECK(set->revision == "2026-01-01");
  REQUIRE(set->targets.size() == 2);
  CHECK(set->targets[1].ops_burden == 3);
  REQUIRE(set->rules.size() == 2);
  CHECK(set->rules[0].info.id == "a-first");
  CHECK(set->rules[0].info.targets == std::vector<std::string>{"lambda", "ec2"});
  CHECK(set->rules[0].info.weight == 2);
  CHECK(set->rules[0].info.origin == "t.yaml:13");
  REQUIRE(set->rules[0].examples.size() == 2);
  CHECK(set->rules[0].examples[0].should_match);
  CHECK(set->rules[0].examples[1].yaml.find("kind: service") != std::string::npos);
  CHECK(set->rules[0].examples[1].yaml.find("name: example") != std::string::npos);
}

TEST_CASE("rule loader: an unknown key gets did-you-mean and a location", "[rules]") {
  std::string text = k_table;
  text.replace(text.find("    weight: 2"), 13, "    wieght: 2");
  auto set = rules::load_rules(text, "t.yaml");
  REQUIRE_FALSE(set);
  const auto& d = set.error().front();
  CHECK(d.code == "unknown-key");
  CHECK(d.hint == "did you mean 'weight'?");
  CHECK(d.where.line == 16);
  CHECK(d.where.column == 5);
}

TEST_CASE("rule loader: a bad condition is located in the rule file", "[rules]") {
  std::string text = k_table;
  text.replace(text.find("execution.duration.max > 15m"), 28, "execution.duraton.max > 15m");
  auto set = rules::load_rules(text, "t.yaml");
  REQUIRE_FALSE(set);
  const auto& d = set.error().front();
  CHECK(d.where.line == 17);
  CHECK(d.where.column == 11);
  CHECK(d.hint.find("execution.duration.max") != std::string::npos);
}

TEST_CASE("rule loader: unknown targets, missing weights and bad message paths are errors", "[rules]") {
  std::string text = k_table;
  text.replace(text.find("target: lambda\n"), 14, "target: lamda\n");
  CHECK(first_error(rules::load_rules(text, "t.yaml")) == "unknown target 'lamda'; expected lambda or ec2");
  text = k_table;
  text.replace(text.find("    weight: 2\n"), 14, "");
  CHECK(first_error(rules::load_rules(text, "t.yaml")).find("has no 'weight'") != std::string::npos);
  text = k_table;
  text.replace(text.find("{execution.duration.max}"), 24, "{execution.duration.maxx}");
  CHECK(first_error(rules::load_rules(text, "t.yaml")).find("unknown field") != std::string::npos);
}

TEST_CASE("rule loader: a user's file replaces rules by id and disables with enabled: false", "[rules]") {
  auto base = rules::load_rules(k_table, "t.yaml");
  REQUIRE(base);
  auto overlay = rules::load_rules(R"(version: 1
rules:
  - id: z-last
    enabled: false
  - id: a-first
    target: ec2
    effect: avoid
    weight: 1
    when: x.pci == true
    message: "PCI"
    source: "policy"
)",
                                   "mine.yaml", {false, &*base});
  REQUIRE(overlay);
  rules::merge(*base, std::move(*overlay));
  REQUIRE(base->rules.size() == 2);
  CHECK(base->find_rule("a-first")->info.effect == model::Effect::avoid);
  CHECK_FALSE(base->find_rule("z-last")->info.enabled);

  auto bad = rules::load_rules("version: 1\nrules:\n  - {id: z-lst, enabled: false}\n", "mine.yaml", {false, &*base});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().front().hint == "did you mean 'z-last'?");
}

TEST_CASE("rule loader: --disable with an unknown id suggests the nearest", "[rules]") {
  auto set = rules::load_rules(k_table, "t.yaml");
  REQUIRE(set);
  auto result = rules::disable(*set, {"a-frist"});
  REQUIRE_FALSE(result);
  CHECK(result.error().front().hint == "did you mean 'a-first'?");
  REQUIRE(rules::disable(*set, {"a-first"}));
  CHECK_FALSE(set->find_rule("a-first")->info.enabled);
}

TEST_CASE("interpolate: fills paths with the text the user wrote", "[rules]") {
  model::WorkloadProfile p;
  auto& max = p.at("execution.duration.max");
  max.value = util::Value::of_quantity(util::Kind::duration, 7200);
  max.origin = model::Origin::written;
  max.written = "120m";
  CHECK(rules::interpolate("runs up to {execution.duration.max}; {resources.memory}", p) == "runs up to 120m; unknown");
}

TEST_CASE("rules loader: hostile files are refused with a located error before they cost time or memory",
          "[rules][hardening]") {
  const auto only_error = [](const std::string& text) {
    auto loaded = rules::load_rules(text, "hostile.yaml");
    REQUIRE_FALSE(loaded);
    REQUIRE(loaded.error().size() == 1);
    return loaded.error().front();
  };
  CHECK(only_error("version: 1\n# " + std::string(1u << 20, 'x') + "\n").code == "too-large");
  const auto utf8 = only_error("version: 1\nrevision: \"caf\xe9\"\n");
  CHECK(utf8.code == "not-utf8");
  CHECK(utf8.where.line == 2);
  CHECK(utf8.where.column == 15);
  const auto flow = only_error("version: 1\nrules: " + std::string(100, '[') + std::string(100, ']') + "\n");
  CHECK(flow.code == "too-deep");
  CHECK(flow.where.column == 8 + 64);
  std::string dashes = "version: 1\nrules:\n  ";
  for (int i = 0; i < 3000; ++i) dashes += "- ";
  CHECK(only_error(dashes + "x\n").code == "too-deep");
  std::string block = "version: 1\nrules:\n";
  for (int i = 1; i <= 70; ++i) block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- k:\n";
  CHECK(only_error(block).code == "too-deep");
  std::string bomb = "version: 1\nrevision: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    bomb += "x" + std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  const auto nodes = only_error(bomb);
  CHECK(nodes.code == "too-many-nodes");
  CHECK(nodes.message.find("100000 nodes") != std::string::npos);
}

TEST_CASE(
    "built-in rules: a normal run, which reads the table without its examples, gets the same rules at the "
    "same lines",
    "[rules]") {
  const auto plain = caas::tables::load_embedded_rules();
  const auto full = caas::tables::load_embedded_rules({true, nullptr});
  REQUIRE(plain);
  REQUIRE(full);
  CHECK(plain->revision == full->revision);
  CHECK(plain->targets.size() == full->targets.size());
  REQUIRE(plain->rules.size() == full->rules.size());
  std::size_t examples = 0;
  for (std::size_t i = 0; i < plain->rules.size(); ++i) {
    const auto& a = plain->rules[i].info;
    const auto& b = full->rules[i].info;
    INFO(b.id);
    CHECK(a.id == b.id);
    CHECK(a.targets == b.targets);
    CHECK(a.effect == b.effect);
    CHECK(a.weight == b.weight);
    CHECK(a.condition == b.condition);
    CHECK(a.message == b.message);
    CHECK(a.source == b.source);
    CHECK(a.origin == b.origin);
    CHECK(plain->rules[i].examples.empty());
    examples += full->rules[i].examples.size();
  }
  CHECK(examples >= 2 * full->rules.size());
}
