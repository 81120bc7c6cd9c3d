#include <catch2/catch.hpp>

#include "import_test_support.hpp"
#include "spec_tree.hpp"

using namespace caas::import;

namespace {

// What the importers see of a text: the one reader's tree as their documents, or its errors.
struct SpecRead {
  std::vector<SpecDocument> documents;
  caas::util::Diagnostics errors;
};
SpecRead read_spec(std::string_view text, const std::string& file, const caas::util::InputLimits& limits) {
  auto read = caas::yaml::read_yaml(text, file, limits);
  if (!read.errors.empty()) return {{}, std::move(read.errors)};
  return {to_spec_documents(read.tree), {}};
}

}  // namespace

TEST_CASE("import reader: keeps CloudFormation short-form tags on their nodes", "[import]") {
  const auto read =
      read_spec("a: !Ref Size\nb: !GetAtt [Fn, Arn]\nc: !Sub 'x-${AWS::Region}'\nd: plain\n", "t.yaml", {});
  REQUIRE(read.errors.empty());
  const auto& root = read.documents.at(0).root;
  CHECK(root.get("a")->tag == "!Ref");
  CHECK(root.get("a")->text == "Size");
  CHECK(root.get("b")->tag == "!GetAtt");
  CHECK(root.get("b")->items.size() == 2);
  CHECK(root.get("c")->tag == "!Sub");
  CHECK(root.get("d")->tag.empty());
  CHECK(root.entry("b")->first.line == 2);
}

TEST_CASE("import reader: applies merge keys, the map's own keys winning", "[import]") {
  const auto read = read_spec("base: &b {x: 1, y: 2}\nsvc:\n  <<: *b\n  y: 3\n", "t.yaml", {});
  REQUIRE(read.errors.empty());
  const auto* svc = read.documents.at(0).root.get("svc");
  CHECK(svc->text_at("x") == "1");
  CHECK(svc->text_at("y") == "3");
  CHECK(svc->get("<<") == nullptr);
}

TEST_CASE("import reader: JSON with tabs reads as YAML", "[import]") {
  const auto read = read_spec(
      "{\n\t\"family\": \"web\",\n\t\"containerDefinitions\": [\n\t\t{\"name\": \"a\"}\n\t]\n}\n", "t.json", {});
  REQUIRE(read.errors.empty());
  CHECK(read.documents.at(0).root.text_at("family") == "web");
}

TEST_CASE("import reader: an alias bomb stops at the node budget with a located error", "[import]") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + previous;
    text += "]\n";
    previous = c;
  }
  const auto read = read_spec(text, "bomb.yaml", {});
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].code == "too-many-nodes");
  CHECK(read.errors[0].where.line > 0);
}

TEST_CASE("import reader: nesting deeper than the limit is refused", "[import]") {
  caas::util::InputLimits limits;
  limits.max_depth = 3;
  const auto read = read_spec("a: {b: {c: {d: {e: 1}}}}\n", "deep.yaml", limits);
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].code == "too-deep");
}

TEST_CASE("import reader: a spec reads as a workload file does: one dialect, one set of messages", "[import]") {
  // A compose file with an unclosed quote: its memory and CPUs must not vanish into the image name.
  const std::string compose = "services:\n  web:\n    image: \"nginx\n    mem_limit: 2g\n    cpus: 4\n";
  const auto read = read_spec(compose, "compose.yaml", {});
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].code == "yaml-syntax");
  CHECK(read.errors[0].message == "not valid YAML: this quoted value is never closed");
  CHECK(read.errors[0].where.line == 3);
  CHECK(read.errors[0].where.column == 12);
  CHECK_FALSE(import_spec(compose, "compose.yaml").has_value());
  // JSON allows no raw control character inside a string: a template whose Runtime holds an ESC byte is refused.
  const auto json = read_spec(
      "{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": "
      "{\"Runtime\": \"python3.12\x1b[2J\"}}}}\n",
      "t.json", {});
  REQUIRE(json.errors.size() == 1);
  CHECK(json.errors[0].code == "yaml-syntax");
  CHECK(json.errors[0].message == "not valid YAML: a control character (U+001B) is not allowed");
}

TEST_CASE("import reader: finds a template's first placeholder, not quoted or in-word ones", "[import]") {
  CHECK(find_template_marker("a: \"{{ x }}\"\nb: vt-{{uid}}\nc: {{ .Values.c }}\n") == std::pair{3, 4});
  CHECK(find_template_marker("{{- if .Values.x }}\nkind: Pod\n") == std::pair{1, 1});
  CHECK(find_template_marker("ImageId: '{{resolve:ssm:/x}}'\n") == std::pair{0, 0});
  CHECK(find_template_marker("# {{ in a comment }}\n") == std::pair{0, 0});
}

TEST_CASE("import: a Helm template is refused at its first {{ with advice to render it", "[import]") {
  const std::string text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n"
      "{{- if .Values.replicas }}\n  replicas: 2\n{{- end }}\n";
  const auto result = import_spec(text, "chart/templates/deployment.yaml");
  REQUIRE(result.has_value());
  CHECK(result->workloads.empty());
  REQUIRE(result->errors.size() == 1);
  CHECK(result->errors[0].code == "template-not-yaml");
  CHECK(result->errors[0].where.line == 4);
  CHECK(result->errors[0].where.column == 9);
  CHECK(result->errors[0].message.find("helm template") != std::string::npos);
}

TEST_CASE("import: text in no recognised format is not imported", "[import]") {
  CHECK_FALSE(import_spec("name: x\non: push\njobs: {}\n", "ci.yaml").has_value());
  CHECK_FALSE(import_spec("a: [unclosed\n", "broken.yaml").has_value());
  CHECK_FALSE(import_spec("apiVersion: caas-advisor/v1\nname: a\nkind: service\n", "w.yaml").has_value());
}

TEST_CASE("import: workload names are sanitised and made unique within a file", "[import]") {
  const auto result = test::import_text(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: a, "
      "image: x}]}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\napiVersion: v1\n"
      "kind: Pod\nmetadata: {name: 'my pod!'}\n",
      "k.yaml");
  REQUIRE(result.workloads.size() == 3);
  CHECK(result.workloads[0].profile.name == "web");
  CHECK(result.workloads[1].profile.name == "web-2");
  CHECK(result.workloads[1].profile.file == "k.yaml#web-2");
  CHECK(result.workloads[2].profile.name == "my-pod");
}
