#include <catch2/catch.hpp>

#include <string>

#include "parse_test_support.hpp"

using namespace caas::parse::test;

TEST_CASE("parse: the spec's example file parses into exact values", "[parse]") {
  const auto parsed = parse_ok(R"(apiVersion: caas-advisor/v1
name: thumbnailer
description: Makes thumbnails of images uploaded to a bucket
kind: function
triggers: [s3]
runtime: {language: python, version: "3.12"}
execution:
  duration: {typical: 800ms, max: 30s}
resources: {memory: 1GiB}
package: {type: zip, size: 18MB, unpacked_size: 60MB}
traffic: {pattern: spiky, requests_per_month: 2M, peak_rps: 150}
operations: {ops_capacity: low}
cost: {priority: high}
)");
  const auto& p = parsed.profile;
  CHECK(p.file == "w.yaml");
  CHECK(p.name == "thumbnailer");
  CHECK(p.line == 4);
  CHECK(p.column == 1);
  CHECK(parsed.warnings.empty());
  CHECK(p.text("apiVersion") == "caas-advisor/v1");
  CHECK(p.text("description") == "Makes thumbnails of images uploaded to a bucket");
  CHECK(p.text("kind") == "function");
  CHECK(p.has_trigger("s3"));
  CHECK(p.at("triggers").value.items.size() == 1);
  CHECK(p.at("triggers").written == "s3");
  CHECK(p.text("runtime.language") == "python");
  CHECK(p.text("runtime.version") == "3.12");
  const auto& typical = p.at("execution.duration.typical");
  CHECK(typical.value.kind == Kind::duration);
  CHECK(typical.value.number == Approx(0.8));
  CHECK(typical.written == "800ms");
  CHECK(typical.origin == Origin::written);
  CHECK(typical.line == 8);
  CHECK(typical.column == 23);
  CHECK(p.number("execution.duration.max") == 30.0);
  CHECK(p.at("execution.duration.max").origin == Origin::written);
  CHECK(p.at("resources.memory").value.kind == Kind::size);
  CHECK(p.number("resources.memory") == k_gib);
  CHECK(p.text("package.type") == "zip");
  CHECK(p.number("package.size") == 18e6);
  CHECK(p.number("package.unpacked_size") == 60e6);
  CHECK(p.text("traffic.pattern") == "spiky");
  CHECK(p.at("traffic.requests_per_month").value.kind == Kind::count);
  CHECK(p.number("traffic.requests_per_month") == 2e6);
  CHECK(p.at("traffic.peak_rps").value.kind == Kind::number);
  CHECK(p.number("traffic.peak_rps") == 150.0);
  CHECK(p.text("operations.ops_capacity") == "low");
  CHECK(p.text("cost.priority") == "high");
  // Defaults are applied and marked as such; fields without one stay unknown.
  CHECK(p.text("region") == "us-east-1");
  CHECK(p.at("region").origin == Origin::defaulted);
  CHECK(p.number("execution.concurrency") == 1.0);
  CHECK(p.text("cost.commitment") == "none");
  CHECK(p.at("resources.cpu").origin == Origin::absent);
  CHECK_FALSE(p.at("resources.cpu").value.is_known());
  CHECK(p.extensions.empty());
}

TEST_CASE("parse: durations are read in every unit, with or without a space", "[parse]") {
  const std::pair<const char*, double> cases[] = {{"150ms", 0.15}, {"30s", 30},    {"15m", 900},  {"2min", 120},
                                                  {"2h", 7200},    {"1.5h", 5400}, {"1d", 86400}, {"30 s", 30},
                                                  {"\"45s\"", 45}, {".5s", 0.5},   {"1e3ms", 1.0}};
  for (const auto& [written, seconds] : cases) {
    INFO(written);
    const auto parsed = parse_ok(k_head + "execution: {startup: " + written + "}\n");
    CHECK(number_at(parsed, "execution.startup") == Approx(seconds));
    CHECK(parsed.profile.at("execution.startup").value.kind == Kind::duration);
  }
}

TEST_CASE("parse: sizes use decimal, binary and Kubernetes units", "[parse]") {
  const std::pair<const char*, double> cases[] = {{"512MiB", 512 * k_mib}, {"50MB", 50e6},  {"10Gi", 10 * k_gib},
                                                  {"1TB", 1e12},           {"2 KiB", 2048}, {"100B", 100}};
  for (const auto& [written, bytes] : cases) {
    INFO(written);
    const auto parsed = parse_ok(k_head + "resources:\n  memory: " + written + "\n");
    CHECK(number_at(parsed, "resources.memory") == bytes);
    CHECK(parsed.profile.at("resources.memory").written == written);
  }
}

TEST_CASE("parse: counts take k, M and B, or a whole number", "[parse]") {
  const std::pair<const char*, double> cases[] = {{"3M", 3e6}, {"250k", 250e3}, {"5.2B", 5.2e9}, {"1200", 1200}};
  for (const auto& [written, count] : cases) {
    INFO(written);
    const auto parsed = parse_ok(k_head + "traffic: {requests_per_month: " + written + "}\n");
    CHECK(number_at(parsed, "traffic.requests_per_month") == Approx(count));
  }
}

TEST_CASE("parse: rates and money are plain non-negative numbers", "[parse]") {
  const auto parsed = parse_ok(k_head + "traffic: {peak_rps: 0.5}\ncost: {monthly_budget: 1e3}\n");
  CHECK(number_at(parsed, "traffic.peak_rps") == 0.5);
  CHECK(number_at(parsed, "cost.monthly_budget") == 1000.0);
  CHECK(parsed.profile.at("cost.monthly_budget").value.kind == Kind::number);

  auto separator = only_error(k_head + "cost: {monthly_budget: 1_000}\n");
  CHECK(separator.code == "bad-value");
  CHECK(separator.message.find("1_000") != std::string::npos);
  CHECK(separator.where.line == 3);
  CHECK(separator.where.column == 24);

  CHECK(only_error(k_head + "traffic: {peak_rps: .inf}\n").code == "bad-value");
  CHECK(only_error(k_head + "traffic: {peak_rps: .nan}\n").code == "bad-value");
  CHECK(only_error(k_head + "traffic: {peak_rps: lots}\n").code == "bad-value");
}

TEST_CASE("parse: cpu is vCPUs or Kubernetes millicores", "[parse]") {
  CHECK(number_at(parse_ok(k_head + "resources: {cpu: 0.25}\n"), "resources.cpu") == 0.25);
  CHECK(number_at(parse_ok(k_head + "resources: {cpu: 16}\n"), "resources.cpu") == 16.0);
  CHECK(number_at(parse_ok(k_head + "resources: {cpu: 500m}\n"), "resources.cpu") == 0.5);
  const auto quoted = parse_ok(k_head + "resources: {cpu: \"250m\"}\n");
  CHECK(number_at(quoted, "resources.cpu") == 0.25);
  CHECK(quoted.profile.at("resources.cpu").written == "250m");
  const auto bad = only_error(k_head + "resources: {cpu: 2cores}\n");
  CHECK(bad.code == "bad-value");
  CHECK(bad.message.find("millicores") != std::string::npos);
}

TEST_CASE("parse: integer fields take whole numbers only", "[parse]") {
  const auto parsed = parse_ok(k_head + "execution: {concurrency: 8}\nresources: {gpu: 0}\n");
  CHECK(number_at(parsed, "execution.concurrency") == 8.0);
  CHECK(parsed.profile.at("execution.concurrency").origin == Origin::written);
  CHECK(number_at(parsed, "resources.gpu") == 0.0);
  CHECK(parsed.profile.at("resources.gpu").origin == Origin::written);
  const auto fraction = only_error(k_head + "execution: {concurrency: 1.5}\n");
  CHECK(fraction.code == "bad-value");
  CHECK(fraction.message.find("whole number") != std::string::npos);
}

TEST_CASE("parse: an unknown key gets did-you-mean and its line and column", "[parse]") {
  const auto error = only_error(k_head + "resources:\n  memroy: 1GiB\n");
  CHECK(error.code == "unknown-key");
  CHECK(error.severity == caas::util::Severity::error);
  CHECK(error.where.file == "w.yaml");
  CHECK(error.where.line == 4);
  CHECK(error.where.column == 3);
  CHECK(error.span == 6);
  CHECK(error.hint == "did you mean 'memory'?");
  CHECK(error.message.find("'memroy' in 'resources'") != std::string::npos);
  CHECK(error.message.find("cpu, memory, ephemeral_storage, gpu or architecture") != std::string::npos);
  CHECK(error.source_line == "  memroy: 1GiB");

  const auto top = only_error(k_head + "runtme: {language: go}\n");
  CHECK(top.code == "unknown-key");
  CHECK(top.where.line == 3);
  CHECK(top.where.column == 1);
  CHECK(top.hint == "did you mean 'runtime'?");

  const auto far = only_error(k_head + "zzzzzz: 1\n");
  CHECK(far.hint.empty());
}

TEST_CASE("parse: x- keys are extensions at the top level only", "[parse]") {
  const auto parsed = parse_ok(k_head +
                               "x-team: payments\nx-pci-scope: true\nx-cost-centre: 42\nx-ratio: -0.5\n"
                               "x-quoted: \"true\"\nx-nested: {a: [1, 2], b: yes}\nx-list: [1, 2]\n");
  const auto& ext = parsed.profile.extensions;
  REQUIRE(ext.size() == 5);
  CHECK(ext[0].first == "cost_centre");
  CHECK(ext[0].second.value.kind == Kind::number);
  CHECK(ext[0].second.value.number == 42.0);
  CHECK(ext[1].first == "pci_scope");
  CHECK(ext[1].second.value.kind == Kind::boolean);
  CHECK(ext[1].second.value.as_bool());
  CHECK(ext[1].second.line == 4);
  CHECK(ext[1].second.column == 14);
  CHECK(ext[2].first == "quoted");
  CHECK(ext[2].second.value.kind == Kind::string);
  CHECK(ext[2].second.value.text == "true");
  CHECK(ext[3].first == "ratio");
  CHECK(ext[3].second.value.number == -0.5);
  CHECK(ext[4].first == "team");
  CHECK(ext[4].second.value.text == "payments");
  CHECK(ext[4].second.written == "payments");
  CHECK(parsed.profile.extension("pci_scope") != nullptr);

  const auto nested = only_error(k_head + "resources:\n  x-note: big\n");
  CHECK(nested.code == "unknown-key");
  CHECK(nested.where.line == 4);
  CHECK(nested.where.column == 3);
  CHECK(nested.message.find("only allowed at the top level") != std::string::npos);

  const auto yes = only_error(k_head + "x-pci: yes\n");
  CHECK(yes.code == "bad-boolean");
  CHECK(yes.hint == "did you mean 'true'?");
}

TEST_CASE("parse: a duplicate key is an error at its second occurrence", "[parse]") {
  const auto top = only_error(k_head + "region: eu-west-1\nregion: us-east-1\n");
  CHECK(top.code == "duplicate-key");
  CHECK(top.where.line == 4);
  CHECK(top.where.column == 1);
  CHECK(top.message.find("first written at line 3") != std::string::npos);

  const auto nested = only_error(k_head + "resources: {memory: 1GiB, cpu: 1, memory: 2GiB}\n");
  CHECK(nested.code == "duplicate-key");
  CHECK(nested.where.line == 3);
  CHECK(nested.where.column == 35);

  const auto extension = only_error(k_head + "x-a-b: 1\nx-a_b: 2\n");
  CHECK(extension.code == "duplicate-key");
  CHECK(extension.where.line == 4);

  CHECK(only_error("name: a\nname: b\nkind: job\n").code == "duplicate-key");
}

TEST_CASE("parse: merge keys are refused even when the anchor exists", "[parse]") {
  const auto error = only_error(k_head + "x-base: &base {memory: 1GiB}\nresources:\n  <<: *base\n");
  CHECK(error.code == "merge-key");
  CHECK(error.where.line == 5);
  CHECK(error.where.column == 3);
  CHECK(error.span == 2);
}

TEST_CASE("parse: aliases within the limits are followed", "[parse]") {
  const auto parsed = parse_ok(k_head + "x-size: &size 2GiB\nresources: {memory: *size}\npackage: {size: *size}\n");
  CHECK(number_at(parsed, "resources.memory") == 2 * k_gib);
  CHECK(number_at(parsed, "package.size") == 2 * k_gib);
  CHECK(parsed.profile.extension("size")->value.text == "2GiB");
}

TEST_CASE("parse: more than one YAML document is an error at the second", "[parse]") {
  const auto error = only_error(k_head + "---\nname: other\nkind: job\n");
  CHECK(error.code == "multiple-documents");
  CHECK(error.where.line == 3);
  CHECK(error.where.column == 1);
}

TEST_CASE("parse: a document that is not a mapping is an error", "[parse]") {
  const auto list = only_error("- name: a\n- kind: job\n");
  CHECK(list.code == "not-a-mapping");
  CHECK(list.message.find("not a list") != std::string::npos);
  CHECK(only_error("just words\n").code == "not-a-mapping");
  const auto empty = only_error("");
  CHECK(empty.code == "not-a-mapping");
  CHECK(empty.where.line == 1);
  CHECK(only_error("# nothing but a comment\n").code == "not-a-mapping");
  CHECK(only_error("---\n").code == "not-a-mapping");
}

TEST_CASE("parse: booleans are true or false, never yes, on or a quoted string", "[parse]") {
  const auto parsed = parse_ok(k_head + "state: {storage_intensive: true, inter_container: false}\n");
  CHECK(parsed.profile.at("state.storage_intensive").value.kind == Kind::boolean);
  CHECK(parsed.profile.flag("state.storage_intensive"));
  CHECK_FALSE(parsed.profile.flag("state.inter_container"));
  CHECK(parsed.profile.at("state.inter_container").origin == Origin::written);

  const auto yes = only_error(k_head + "state:\n  storage_intensive: yes\n");
  CHECK(yes.code == "bad-boolean");
  CHECK(yes.where.line == 4);
  CHECK(yes.where.column == 22);
  CHECK(yes.hint == "did you mean 'true'?");
  for (const auto* word : {"on", "y", "True", "TRUE", "Yes"}) {
    INFO(word);
    const auto error = only_error(k_head + "cost: {interruptible: " + word + "}\n");
    CHECK(error.code == "bad-boolean");
    CHECK(error.hint == "did you mean 'true'?");
  }
  for (const auto* word : {"no", "off", "n", "False", "NO"}) {
    INFO(word);
    const auto error = only_error(k_head + "cost: {interruptible: " + word + "}\n");
    CHECK(error.code == "bad-boolean");
    CHECK(error.hint == "did you mean 'false'?");
  }
  const auto quoted = only_error(k_head + "cost: {interruptible: \"true\"}\n");
  CHECK(quoted.code == "bad-type");
  CHECK(quoted.where.column == 23);
  CHECK(only_error(k_head + "cost: {interruptible: 1}\n").code == "bad-type");
}

TEST_CASE("parse: name and kind are required, reported at the document start", "[parse]") {
  const auto errors = parse_errors("# a comment\n\nruntime: {language: go}\n");
  REQUIRE(errors.size() == 2);
  for (const auto& error : errors) {
    CHECK(error.code == "missing-field");
    CHECK(error.where.line == 3);
    CHECK(error.where.column == 1);
  }
  CHECK(errors[0].message.find("'name'") != std::string::npos);
  CHECK(errors[1].message.find("'kind'") != std::string::npos);
  CHECK(errors[1].message.find("service, worker, job or function") != std::string::npos);
}

TEST_CASE("parse: a name is 1-63 characters of letters, digits, dot, underscore and dash", "[parse]") {
  CHECK(parse_ok("name: My.app_2-x\nkind: job\n").profile.name == "My.app_2-x");
  CHECK(parse_ok("name: " + std::string(63, 'a') + "\nkind: job\n").profile.name.size() == 63);
  const auto space = only_error("name: my app\nkind: job\n");
  CHECK(space.code == "bad-name");
  CHECK(space.where.line == 1);
  CHECK(space.where.column == 7);
  CHECK(space.message.find("' '") != std::string::npos);
  CHECK(only_error("name: " + std::string(64, 'a') + "\nkind: job\n").code == "bad-name");
  CHECK(only_error("name: \"\"\nkind: job\n").code == "bad-name");
}

TEST_CASE("parse: apiVersion when present must be caas-advisor/v1", "[parse]") {
  CHECK(parse_ok("apiVersion: caas-advisor/v1\n" + k_head).profile.text("apiVersion") == "caas-advisor/v1");
  const auto error = only_error("apiVersion: caas-advisor/v2\n" + k_head);
  CHECK(error.code == "bad-api-version");
  CHECK(error.where.line == 1);
  CHECK(error.where.column == 13);
  CHECK(error.hint == "did you mean 'caas-advisor/v1'?");
}

TEST_CASE("parse: an enumeration value must be exact, with did-you-mean", "[parse]") {
  const auto error = only_error("name: a\nkind: servce\n");
  CHECK(error.code == "bad-value");
  CHECK(error.where.line == 2);
  CHECK(error.where.column == 7);
  CHECK(error.span == 6);
  CHECK(error.hint == "did you mean 'service'?");
  CHECK(error.message.find("service, worker, job or function") != std::string::npos);
  CHECK(only_error(k_head + "runs_on: Lambda\n").hint == "did you mean 'lambda'?");
  CHECK(parse_ok(k_head + "cost: {commitment: 1y}\n").profile.text("cost.commitment") == "1y");
}

TEST_CASE("parse: triggers is a list of known values, duplicates collapsed", "[parse]") {
  const auto parsed = parse_ok(k_head + "triggers:\n  - http\n  - sqs\n  - http\n");
  const auto& triggers = parsed.profile.at("triggers");
  REQUIRE(triggers.value.kind == Kind::list);
  REQUIRE(triggers.value.items.size() == 2);
  CHECK(triggers.value.items[0].text == "http");
  CHECK(triggers.value.items[1].text == "sqs");
  CHECK(triggers.written == "http, sqs");
  CHECK(triggers.line == 4);

  const auto scalar = only_error(k_head + "triggers: s3\n");
  CHECK(scalar.code == "bad-type");
  CHECK(scalar.message.find("a list") != std::string::npos);
  CHECK(scalar.hint == "write it as a list: [s3]");

  const auto typo = only_error(k_head + "triggers: [http, sqqs]\n");
  CHECK(typo.code == "bad-value");
  CHECK(typo.where.column == 18);
  CHECK(typo.hint == "did you mean 'sqs'?");
}

TEST_CASE("parse: a duration or size without a unit, or with a wrong one, says which units exist", "[parse]") {
  const auto bare = only_error(k_head + "resources: {memory: 512}\n");
  CHECK(bare.code == "missing-unit");
  CHECK(bare.where.line == 3);
  CHECK(bare.where.column == 24);
  CHECK(bare.message.find("MiB") != std::string::npos);

  const auto wrong_case = only_error(k_head + "resources: {memory: 512kb}\n");
  CHECK(wrong_case.code == "bad-unit");
  CHECK(wrong_case.where.column == 24);
  CHECK(wrong_case.span == 2);
  CHECK(wrong_case.hint == "did you mean 'KB'?");

  const auto spaced = only_error(k_head + "latency: {p99: \"2 secs\"}\n");
  CHECK(spaced.code == "bad-unit");
  CHECK(spaced.where.column == 19);

  CHECK(only_error(k_head + "latency: {p99: 200}\n").code == "missing-unit");
  CHECK(only_error(k_head + "latency: {p99: fast}\n").code == "bad-value");
}

TEST_CASE("parse: negative values are errors in every numeric type", "[parse]") {
  for (const auto* line :
       {"resources: {memory: -1GiB}", "latency: {p99: -5ms}", "traffic: {peak_rps: -3}", "cost: {monthly_budget: -10}",
        "resources: {cpu: -1}", "resources: {gpu: -1}", "traffic: {runs_per_month: -5k}"}) {
    INFO(line);
    const auto error = only_error(k_head + line + "\n");
    CHECK(error.code == "negative");
    CHECK(error.where.line == 3);
  }
}

TEST_CASE("parse: a zero where a positive value is needed is a contradiction", "[parse]") {
  for (const auto* line : {"resources: {memory: 0MiB}", "resources: {cpu: 0}", "execution: {concurrency: 0}",
                           "execution: {duration: 0s}"}) {
    INFO(line);
    const auto error = only_error(k_head + line + "\n");
    CHECK(error.code == "contradiction");
    CHECK(error.message.find("positive") != std::string::npos);
  }
  CHECK(number_at(parse_ok(k_head + "resources: {ephemeral_storage: 0B}\n"), "resources.ephemeral_storage") == 0.0);
}

TEST_CASE("parse: execution.duration is a duration or a {typical, max} map", "[parse]") {
  const auto bare = parse_ok(k_head + "execution:\n  duration: 2s\n");
  const auto& typical = bare.profile.at("execution.duration.typical");
  const auto& max = bare.profile.at("execution.duration.max");
  CHECK(typical.value.number == 2.0);
  CHECK(max.value.number == 2.0);
  CHECK(typical.origin == Origin::written);
  CHECK(max.origin == Origin::written);
  CHECK(max.line == 4);
  CHECK(max.column == 13);
  CHECK(max.written == "2s");

  const auto only_typical = parse_ok(k_head + "execution: {duration: {typical: 3s}}\n");
  CHECK(only_typical.profile.number("execution.duration.typical") == 3.0);
  CHECK(only_typical.profile.number("execution.duration.max") == 3.0);
  CHECK(only_typical.profile.at("execution.duration.max").origin == Origin::derived);

  const auto only_max = parse_ok(k_head + "execution: {duration: {max: 1m}}\n");
  CHECK(only_max.profile.number("execution.duration.max") == 60.0);
  CHECK(only_max.profile.at("execution.duration.typical").origin == Origin::absent);

  const auto empty = only_error(k_head + "execution: {duration: {}}\n");
  CHECK(empty.code == "missing-field");
  CHECK(empty.where.column == 23);

  const auto inverted = only_error(k_head + "execution:\n  duration: {typical: 30s, max: 10s}\n");
  CHECK(inverted.code == "contradiction");
  CHECK(inverted.where.line == 4);
  CHECK(inverted.where.column == 33);
  CHECK(inverted.message.find("30s") != std::string::npos);

  const auto typo = only_error(k_head + "execution: {duration: {typcal: 3s}}\n");
  CHECK(typo.code == "unknown-key");
  CHECK(typo.hint == "did you mean 'typical'?");
}

TEST_CASE("parse: a missing value or a wrong shape is a type error at the key", "[parse]") {
  const auto null_value = only_error(k_head + "region:\n");
  CHECK(null_value.code == "bad-type");
  CHECK(null_value.where.line == 3);
  CHECK(null_value.where.column == 1);
  CHECK(null_value.span == 6);

  const auto section = only_error(k_head + "resources: 1GiB\n");
  CHECK(section.code == "bad-type");
  CHECK(section.where.column == 12);
  CHECK(section.message.find("must be a map of cpu, memory") != std::string::npos);

  CHECK(only_error(k_head + "resources: {memory: [1GiB]}\n").code == "bad-type");
  CHECK(only_error(k_head + "resources:\n").code == "bad-type");
}

TEST_CASE("parse: a JSON workload reads like YAML, quoted values included", "[parse]") {
  const auto parsed = parse_ok(R"({"name": "api", "kind": "service", "triggers": ["http"],
 "resources": {"memory": "512MiB", "cpu": 1},
 "state": {"long_lived_connections": true}})");
  CHECK(parsed.profile.text("kind") == "service");
  CHECK(parsed.profile.number("resources.memory") == 512 * k_mib);
  CHECK(parsed.profile.number("resources.cpu") == 1.0);
  CHECK(parsed.profile.flag("state.long_lived_connections"));
  CHECK(parsed.profile.line == 1);
  CHECK(parsed.profile.column == 17);
  CHECK(caas::parse::parse_file(R"({"name": "api", "kind": "job"})", "w.json").kind == FileKind::workload);
}
