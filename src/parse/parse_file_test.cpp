#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parse_test_support.hpp"

using namespace caas::parse::test;

TEST_CASE("parse: every error of a file is reported at once, in file order", "[parse]") {
  const auto errors = parse_errors(R"(name: bad name
kind: servce
resources:
  memroy: 1GiB
  cpu: yes
traffic: {peak_rps: -1}
cost: {interruptible: on}
region: a
region: b
)");
  REQUIRE(errors.size() == 7);
  const std::pair<const char*, int> expected[] = {{"bad-name", 1},     {"bad-value", 2}, {"unknown-key", 4},
                                                  {"bad-value", 5},    {"negative", 6},  {"bad-boolean", 7},
                                                  {"duplicate-key", 9}};
  for (std::size_t i = 0; i < errors.size(); ++i) {
    INFO(i);
    CHECK(errors[i].code == expected[i].first);
    CHECK(errors[i].where.line == expected[i].second);
  }
}

TEST_CASE("parse: contradiction warnings are located at the offending field", "[parse]") {
  auto warnings_of = [](const std::string& text) { return parse_ok(text).warnings; };
  auto single = [&](const std::string& text, std::string_view code, int line) {
    INFO(text);
    const auto warnings = warnings_of(text);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].code == code);
    CHECK(warnings[0].severity == caas::util::Severity::warning);
    CHECK(warnings[0].where.line == line);
    return warnings[0];
  };
  const auto requests =
      single("name: a\nkind: job\ntraffic:\n  requests_per_month: 1M\n", "contradiction-job-requests", 4);
  CHECK(requests.where.column == 23);
  CHECK(requests.span == 2);
  single("name: a\nkind: job\ntraffic: {peak_rps: 5}\n", "contradiction-job-requests", 3);
  single("name: a\nkind: worker\ntraffic: {runs_per_month: 30}\n", "contradiction-runs-per-month", 3);
  single("name: a\nkind: function\ntraffic: {runs_per_month: 30}\n", "contradiction-runs-per-month", 3);
  CHECK(warnings_of("name: a\nkind: job\ntraffic: {runs_per_month: 30}\n").empty());
  const auto peak = single(k_head + "traffic:\n  requests_per_month: 2628M\n  peak_rps: 999\n",
                           "contradiction-peak-below-average", 5);
  CHECK(peak.message.find("1000.00") != std::string::npos);
  CHECK(warnings_of(k_head + "traffic: {requests_per_month: 2628M, peak_rps: 1000}\n").empty());
  single(k_head + "execution: {duration: 300ms}\nlatency: {p99: 200ms}\n", "contradiction-latency-below-duration", 4);
  CHECK(warnings_of(k_head + "execution: {duration: 200ms}\nlatency: {p99: 200ms}\n").empty());
  single("name: a\nkind: job\nstate: {long_lived_connections: true}\n", "contradiction-job-long-lived-connections", 3);
  CHECK(warnings_of("name: a\nkind: job\nstate: {long_lived_connections: false}\n").empty());
  single("name: a\nkind: job\nlatency: {cold_start_sensitive: true}\n", "contradiction-job-cold-start-sensitive", 3);
  CHECK(warnings_of(k_head + "latency: {cold_start_sensitive: true}\n").empty());
  const auto package = single(k_head + "package: {size: 60MB, unpacked_size: 18MB}\n", "contradiction-package-size", 3);
  CHECK(package.where.column == 17);
}

TEST_CASE("parse: files are classified as workload, other or broken", "[parse]") {
  using caas::parse::parse_file;
  const auto by_api = parse_file("apiVersion: caas-advisor/v1\nname: a\nkind: job\n", "a.yaml");
  CHECK(by_api.kind == FileKind::workload);
  REQUIRE(by_api.workloads.size() == 1);
  CHECK(by_api.workloads[0].profile.name == "a");
  CHECK(by_api.errors.empty());

  CHECK(parse_file("name: a\nkind: function\n", "b.yaml").kind == FileKind::workload);
  const auto api_only = parse_file("apiVersion: caas-advisor/v1\nkind: Deployment\n", "c.yaml");
  CHECK(api_only.kind == FileKind::workload);
  CHECK(api_only.workloads.empty());
  CHECK(find_code(api_only.errors, "missing-field") != nullptr);
  CHECK(find_code(api_only.errors, "bad-value") != nullptr);

  const auto with_errors = parse_file("name: a\nkind: service\nresources: {memroy: 1GiB}\n", "d.yaml");
  CHECK(with_errors.kind == FileKind::workload);
  CHECK(with_errors.workloads.empty());
  REQUIRE(with_errors.errors.size() == 1);
  CHECK(with_errors.errors[0].code == "unknown-key");

  const auto k8s = parse_file(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\napiVersion: v1\nkind: Service\n", "k.yaml");
  CHECK(k8s.kind == FileKind::other);
  CHECK(k8s.errors.empty());
  CHECK(parse_file("on: [push]\njobs: {build: {runs-on: ubuntu-latest}}\n", "ci.yml").kind == FileKind::other);
  CHECK(parse_file("kind: service\n", "no-name.yaml").kind == FileKind::other);
  CHECK(parse_file("kind: Service\nname: x\n", "k8s-like.yaml").kind == FileKind::other);
  CHECK(parse_file("- a\n- b\n", "list.yaml").kind == FileKind::other);
  CHECK(parse_file("", "empty.yaml").kind == FileKind::other);

  const auto broken = parse_file("name: [a\n", "e.yaml");
  CHECK(broken.kind == FileKind::broken);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].code == "yaml-syntax");

  const auto two = parse_file("name: a\nkind: job\n---\nname: b\nkind: job\n", "two.yaml");
  CHECK(two.kind == FileKind::workload);
  REQUIRE(two.errors.size() == 1);
  CHECK(two.errors[0].code == "multiple-documents");
}

TEST_CASE("parse: a YAML syntax error is reported with its location", "[parse]") {
  const auto error = only_error("name: a\nkind: job\nresources: {memory: 1GiB\n");
  CHECK(error.code == "yaml-syntax");
  CHECK(error.where.line == 4);
  CHECK(error.message.find("not valid YAML") != std::string::npos);
  const auto tab = only_error("name: a\n\tkind: job\n");
  CHECK(tab.code == "yaml-syntax");
  CHECK(tab.where.line == 2);
  CHECK(tab.where.column == 1);
  CHECK(tab.message.find("tab") != std::string::npos);
}

TEST_CASE("parse: an alias bomb is refused quickly without being expanded", "[parse]") {
  std::string bomb = "name: a\nkind: job\nx-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 12; ++level) {
    const auto previous = "*a" + std::to_string(level - 1);
    bomb += "x-" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) bomb += (i ? ", " : "") + previous;
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto error = only_error(bomb);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(error.code == "too-many-nodes");
  CHECK(error.message.find("100000") != std::string::npos);
  CHECK(error.where.line == 8);
  CHECK(elapsed < std::chrono::seconds(1));
  CHECK(caas::parse::parse_file(bomb, "bomb.yaml").kind == FileKind::broken);

  InputLimits small;
  small.max_nodes = 20;
  CHECK(only_error(k_head + "x-a: &a [1, 2, 3, 4, 5]\nx-b: [*a, *a, *a]\n", small).code == "too-many-nodes");
}

TEST_CASE("parse: an alias to the node that holds it is refused", "[parse]") {
  const auto error = only_error(k_head + "x-loop: &loop [*loop]\n");
  CHECK(error.code == "yaml-syntax");
  CHECK(error.where.line == 3);
}

TEST_CASE("parse: nesting deeper than the limit is refused before it can exhaust the stack", "[parse]") {
  const auto flow = only_error(k_head + "x-deep: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  CHECK(flow.code == "too-deep");
  CHECK(flow.where.line == 3);
  CHECK(flow.where.column == 9 + 64);

  std::string block = k_head + "x-deep:\n";
  for (int depth = 1; depth <= 70; ++depth) block += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "k:\n";
  const auto blocks = only_error(block);
  CHECK(blocks.code == "too-deep");
  CHECK(blocks.message.find("64") != std::string::npos);

  // Brackets inside quotes and comments are not nesting.
  CHECK(parse_ok(k_head + "description: \"" + std::string(100, '[') + "\"  # " + std::string(100, '{') + "\n")
            .profile.text("description")
            ->size() == 100);

  std::string dashes = k_head + "x-deep:\n  ";
  for (int depth = 0; depth < 5000; ++depth) dashes += "- ";
  CHECK(only_error(dashes + "end\n").code == "too-deep");

  std::string aliased = k_head + "x-a: &a " + std::string(40, '[') + std::string(40, ']') +
                        "\nx-b: " + std::string(30, '[') + "*a" + std::string(30, ']') + "\n";
  CHECK(only_error(aliased).code == "too-deep");

  InputLimits shallow;
  shallow.max_depth = 2;
  CHECK(only_error(k_head + "execution: {duration: {typical: 1s}}\n", shallow).code == "too-deep");
}

TEST_CASE("parse: text that is not UTF-8 is refused at the first bad byte", "[parse]") {
  const auto error = only_error("name: a\nkind: job\ndescription: caf\xe9 bar\n");
  CHECK(error.code == "not-utf8");
  CHECK(error.where.line == 3);
  CHECK(error.where.column == 17);
  CHECK(only_error("name: \xc3\xa9t\xc3\n").where.column == 10);
  CHECK(parse_ok(k_head + "description: caf\xc3\xa9\n").profile.text("description") == "caf\xc3\xa9");
}

TEST_CASE("parse: a file above the size limit is refused before parsing", "[parse]") {
  InputLimits limits;
  limits.max_bytes = 1024;
  const auto error = only_error(k_head + "description: " + std::string(2000, 'a') + "\n", limits);
  CHECK(error.code == "too-large");
  CHECK(error.message.find("1KiB") != std::string::npos);
  CHECK(error.message.find("2038 bytes") != std::string::npos);
  CHECK(error.where.line == 0);
  const auto file = caas::parse::parse_file(std::string(2000, '#'), "big.yaml", limits);
  CHECK(file.kind == FileKind::broken);
}

TEST_CASE("parse: a quoted value that is never closed is an error, not the rest of the file swallowed", "[parse]") {
  const auto error = only_error(k_head + "description: \"never closed\nresources: {memory: 1GiB}\n");
  CHECK(error.code == "yaml-syntax");
  CHECK(error.message == "not valid YAML: this quoted value is never closed");
  CHECK(error.where.line == 3);
  CHECK(error.where.column == 14);
  CHECK(only_error(k_head + "description: 'it''s never closed\n").where.column == 14);
  // Closed quotes, escaped quotes and quotes inside block scalars are fine.
  CHECK(parse_ok(k_head + "description: \"a \\\" quote\"\n").profile.text("description") == "a \" quote");
  CHECK(parse_ok(k_head + "description: 'it''s'\n").profile.text("description") == "it's");
  const auto block = parse_ok(k_head + "description: |\n  say \"hi\n");
  CHECK(std::string(block.profile.text("description").value_or("")).rfind("say \"hi", 0) == 0);
}
