#include "caas/yaml/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <string>

using caas::yaml::k_no_node;
using caas::yaml::NodeType;
using caas::yaml::read_yaml;
using caas::yaml::YamlNode;
using caas::yaml::YamlRead;
using caas::yaml::YamlTree;

namespace {

YamlRead read(std::string_view text) { return read_yaml(text, "t.yaml", {}); }

const YamlNode& root(const YamlRead& r) {
  REQUIRE(r.errors.empty());
  REQUIRE(r.tree.documents.size() == 1);
  REQUIRE(r.tree.documents[0].root != k_no_node);
  return r.tree.node(r.tree.documents[0].root);
}

const YamlNode& value(const YamlRead& r, std::string_view key) {
  const auto* found = r.tree.find(root(r), key);
  REQUIRE(found != nullptr);
  return *found;
}

// The one error's "line:column message".
std::string error_of(std::string_view text) {
  const auto r = read(text);
  REQUIRE(r.errors.size() == 1);
  const auto& e = r.errors.front();
  return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + " " + e.message;
}

}  // namespace

TEST_CASE("yaml tree: plain, quoted, block and tagged scalars, and the nulls", "[yaml]") {
  const auto r =
      read("a: true\nb: \"true\"\nc: 'x'\nd: |\n  text\ne: !!str 12\nf: ~\ng: null\nh:\ni: \"null\"\nj: NULL\n");
  CHECK(value(r, "a").type == NodeType::scalar);
  CHECK(value(r, "a").plain);
  CHECK(value(r, "a").text == "true");
  CHECK_FALSE(value(r, "b").plain);
  CHECK_FALSE(value(r, "c").plain);
  CHECK_FALSE(value(r, "d").plain);
  CHECK(value(r, "d").text == "text\n");
  CHECK_FALSE(value(r, "e").plain);
  CHECK(value(r, "e").text == "12");
  for (auto key : {"f", "g", "h", "j"}) {
    INFO(key);
    CHECK(value(r, key).type == NodeType::null);
  }
  CHECK(value(r, "i").type == NodeType::scalar);
  CHECK(value(r, "i").text == "null");
}

TEST_CASE("yaml tree: locations are 1-based, columns in bytes", "[yaml]") {
  const auto r = read("name: x\nlist:\n  - 1\n  - {k: \"v\"}\n");
  CHECK(value(r, "name").line == 1);
  CHECK(value(r, "name").column == 7);
  const auto& list = value(r, "list");
  CHECK(list.type == NodeType::sequence);
  CHECK(list.line == 3);
  CHECK(list.column == 3);
  const auto items = r.tree.children_of(list);
  REQUIRE(items.size() == 2);
  const auto& map = r.tree.node(items[1]);
  CHECK(map.column == 5);
  CHECK(r.tree.find(map, "k")->column == 9);  // the opening quote

  // After a two-byte and a three-byte character, the column counts their bytes, as the error excerpts do.
  const auto wide = read("a: {x: é€, y: 1}\n");
  CHECK(wide.tree.find(value(wide, "a"), "y")->column ==
        static_cast<int>(std::string_view("a: {x: é€, y: ").size()) + 1);
  CHECK(error_of("a: é\nb: [1, @x]\n") ==
        "2:8 not valid YAML: a value cannot start with '@' (reserved in YAML): "
        "quote the value");
}

TEST_CASE("yaml tree: lines are counted at LF whatever else libyaml counts as a line break", "[yaml]") {
  const std::string reserved = " not valid YAML: a value cannot start with '@' (reserved in YAML): quote the value";
  CHECK(error_of("a: 1\r\nb: [@x]\r\n") == "2:5" + reserved);
  CHECK(error_of("a: 1\rb: @x\n") == "1:9" + reserved);                         // a lone CR ends no line here
  CHECK(error_of("a: \"x\u2028y\"\nb: @x\n") == "2:4" + reserved);              // nor does LS
  CHECK(error_of("a: \"x\u0085y\u2029\"\nc: é\nb: @x\n") == "3:4" + reserved);  // nor NEL or PS
  const auto r = read("a: \"x\u2028y\"\nb: [1, 2]\n");
  CHECK(value(r, "b").line == 2);
  CHECK(value(r, "b").column == 4);
}

TEST_CASE("yaml tree: a byte-order mark counts in line 1's columns", "[yaml]") {
  // libyaml does not count the mark; the tool's columns count bytes, the mark's three included.
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(error_of(bom + "@x: 1\n") ==
        "1:4 not valid YAML: a value cannot start with '@' (reserved in YAML): quote the value");
  CHECK(error_of(bom + "a: [x\n").find("(while parsing a flow sequence that starts at line 1, column 7)") !=
        std::string::npos);
  const auto r = read(bom + "a: 1\nb: 2\n");
  CHECK(value(r, "a").column == 7);
  CHECK(value(r, "b").column == 4);
}

TEST_CASE("yaml tree: keys repeat as written, documents are counted", "[yaml]") {
  const auto r = read("a: 1\na: 2\n");
  CHECK(root(r).count == 4);
  const auto two = read("a: 1\n---\nb: 2\n");
  REQUIRE(two.errors.empty());
  REQUIRE(two.tree.documents.size() == 2);
  CHECK(two.tree.documents[1].line == 2);
}

TEST_CASE("yaml tree: an alias is its anchored node, the latest of that name", "[yaml]") {
  const auto r = read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
  const auto entries = r.tree.children_of(root(r));
  REQUIRE(entries.size() == 8);
  CHECK(entries[3] == entries[1]);
  CHECK(entries[7] == entries[5]);
  CHECK(r.tree.node(entries[7]).text == "2");
  CHECK(error_of("a: *nowhere\n") == "1:4 an alias refers to an unknown anchor");
  CHECK(error_of("a: &x [1, *x]\n") == "1:11 an alias refers to a node that contains it, which would never end");
}

TEST_CASE("yaml tree: syntax errors are located and said plainly", "[yaml]") {
  CHECK(error_of("a:\n\tb: 1\n") == "2:1 not valid YAML: a tab; YAML indents with spaces only");
  CHECK(error_of("a: 1\nb: x\x1by\n") == "2:5 not valid YAML: a control character (U+001B) is not allowed");
  CHECK(error_of("{a: 1},\n") == "1:7 not valid YAML: a ',' outside [ ] or { }");
  CHECK(error_of("a: 1\nb: [1],\n") == "2:7 not valid YAML: a ',' outside [ ] or { }");
  CHECK(error_of("- 1\n- [2],\n") == "2:6 not valid YAML: a ',' outside [ ] or { }");
  CHECK(error_of("a: \"open\nb: 1\n") == "1:4 not valid YAML: this quoted value is never closed");
  CHECK(error_of("a: {b: 1\nc: 2\n") ==
        "2:2 not valid YAML: did not find expected ',' or '}' (while parsing a flow mapping that starts at line 1, "
        "column 4)");
  CHECK(error_of("a: b: c\n") == "1:5 not valid YAML: mapping values are not allowed in this context");
}

TEST_CASE("yaml tree: tags are kept on scalars, lists and maps; a quoted scalar's '!' is no tag", "[yaml]") {
  const auto r = read("a: !Ref Size\nb: !GetAtt [Fn, Arn]\nc: !Sub {x: 1}\nd: \"q\"\ne: !!str 5\nf: plain\n");
  const auto& tree = r.tree;
  CHECK(tree.tag_of(value(r, "a")) == "!Ref");
  CHECK(value(r, "a").plain);
  CHECK(value(r, "a").text == "Size");
  CHECK(tree.tag_of(value(r, "b")) == "!GetAtt");
  CHECK(value(r, "b").type == NodeType::sequence);
  CHECK(tree.tag_of(value(r, "c")) == "!Sub");
  CHECK(tree.tag_of(value(r, "d")).empty());
  CHECK(tree.tag_of(value(r, "e")) == "tag:yaml.org,2002:str");
  CHECK(tree.tag_of(value(r, "f")).empty());
  CHECK(tree.tags.size() == 5);  // none, !Ref, !GetAtt, !Sub and !!str, each once
}

TEST_CASE("yaml tree: merge keys are left as keys, and refused where the tool's own files are read", "[yaml]") {
  const auto r = read("base: &b {x: 1}\nsvc:\n  <<: *b\n  y: 2\nother: {\"<<\": 3}\n");
  REQUIRE(r.errors.empty());
  CHECK(caas::yaml::YamlTree::is_merge_key(r.tree.node(r.tree.children_of(value(r, "svc"))[0])));
  const auto errors = caas::yaml::refuse_merge_keys(r.tree, "", "t.yaml");
  REQUIRE(errors.size() == 1);  // the quoted "<<" is an ordinary key
  CHECK(errors[0].code == "merge-key");
  CHECK(errors[0].where.line == 3);
  CHECK(errors[0].where.column == 3);
}

TEST_CASE("yaml text: what the tool writes reads back as the same string, with no raw control character",
          "[yaml][hardening]") {
  using caas::yaml::double_quoted;
  using caas::yaml::scalar_text;
  CHECK(scalar_text("python3.12") == "python3.12");
  CHECK(scalar_text("web/api") == "web/api");
  for (const std::string_view reserved : {"true", "No", "null", "~", "1.5", "-x", ".hidden", "", "a b", "a: b"}) {
    INFO(reserved);
    CHECK(scalar_text(reserved).front() == '"');
  }
  CHECK(double_quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(double_quoted("esc\x1b[2J") == "\"esc\\x1b[2J\"");
  CHECK(double_quoted("bell\x07 del\x7f c1\xc2\x85 ls\xe2\x80\xa8") == "\"bell\\x07 del\\x7f c1\\x85 ls\\u2028\"");
  CHECK(double_quoted("tab\tline\n") == "\"tab\\tline\\n\"");
  CHECK(double_quoted("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
  // Each reads back, through the one reader, as what was written.
  for (const std::string_view text : {"esc\x1b[2J", "bell\x07", "c1\xc2\x85", "ls\xe2\x80\xa8ps\xe2\x80\xa9", "q\"\\",
                                      "tab\tnl\n", "bom\xef\xbb\xbf"}) {
    INFO(text);
    const auto yaml = "v: " + double_quoted(text) + "\n";
    for (const char c : yaml) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
    const auto r = read(yaml);
    REQUIRE(r.errors.empty());
    CHECK(value(r, "v").text == text);
  }
}
