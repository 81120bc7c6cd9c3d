#pragma once
// A tiny XML reader for the JUnit tests: checks that what the renderer emits is well-formed (one root, balanced
// tags, quoted attributes, only the five predefined entities or character references, no characters XML 1.0
// cannot carry) and returns the element tree. It reads the subset the renderer writes — no DTD, CDATA or comments
// — and rejects anything else.
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caas::report::test {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values with entities resolved
  std::vector<XmlElement> children;
  std::string text;  // character data, entities resolved

  std::vector<const XmlElement*> all(std::string_view child) const {
    std::vector<const XmlElement*> found;
    for (const auto& c : children)
      if (c.name == child) found.push_back(&c);
    return found;
  }
  const XmlElement* first(std::string_view child) const {
    for (const auto& c : children)
      if (c.name == child) return &c;
    return nullptr;
  }
  std::string attribute(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? std::string() : it->second;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : m_text(text) {}

  // The root element; throws std::runtime_error naming the offset of the first problem.
  XmlElement read() {
    check_characters();
    skip_space();
    if (m_text.substr(m_pos, 5) == "<?xml") {
      const auto end = m_text.find("?>", m_pos);
      if (end == std::string_view::npos) fail("unterminated XML declaration");
      m_pos = end + 2;
    }
    skip_space();
    XmlElement root = element();
    skip_space();
    if (m_pos != m_text.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("XML: " + what + " at offset " + std::to_string(m_pos));
  }

  // XML 1.0 Char: tab, LF, CR and U+0020 and above (no C0 controls); the renderer also avoids C1 and DEL.
  void check_characters() {
    for (m_pos = 0; m_pos < m_text.size(); ++m_pos) {
      const auto c = static_cast<unsigned char>(m_text[m_pos]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) fail("a control character");
      if (c == 0xC2 && m_pos + 1 < m_text.size() && static_cast<unsigned char>(m_text[m_pos + 1]) < 0xA0)
        fail("a C1 control character");
    }
    m_pos = 0;
  }

  void skip_space() {
    while (m_pos < m_text.size() &&
           (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
      ++m_pos;
  }

  std::string name() {
    const auto start = m_pos;
    while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '-' ||
                                     m_text[m_pos] == '_' || m_text[m_pos] == ':'))
      ++m_pos;
    if (m_pos == start) fail("expected a name");
    return std::string(m_text.substr(start, m_pos - start));
  }

  // Character data up to `stop`, with entities resolved; a raw '<' or a bare '&' is an error.
  std::string data(char stop) {
    std::string out;
    while (m_pos < m_text.size() && m_text[m_pos] != stop) {
      const char c = m_text[m_pos];
      if (c == '<') fail("a raw '<'");
      if (c == '&') {
        const auto end = m_text.find(';', m_pos);
        if (end == std::string_view::npos || end - m_pos > 10) fail("a bare '&'");
        const auto entity = m_text.substr(m_pos + 1, end - m_pos - 1);
        if (entity == "amp")
          out += '&';
        else if (entity == "lt")
          out += '<';
        else if (entity == "gt")
          out += '>';
        else if (entity == "quot")
          out += '"';
        else if (entity == "apos")
          out += '\'';
        else if (!entity.empty() && entity[0] == '#')
          out += '?';
        else
          fail("an unknown entity");
        m_pos = end + 1;
        continue;
      }
      out += c;
      ++m_pos;
    }
    return out;
  }

  XmlElement element() {
    if (m_pos >= m_text.size() || m_text[m_pos] != '<') fail("expected '<'");
    ++m_pos;
    XmlElement e;
    e.name = name();
    for (;;) {
      skip_space();
      if (m_text.substr(m_pos, 2) == "/>") {
        m_pos += 2;
        return e;
      }
      if (m_pos < m_text.size() && m_text[m_pos] == '>') {
        ++m_pos;
        break;
      }
      const std::string key = name();
      if (m_text.substr(m_pos, 2) != "=\"") fail("an attribute without a double-quoted value");
      m_pos += 2;
      std::string value = data('"');
      if (m_pos >= m_text.size()) fail("an unterminated attribute");
      ++m_pos;
      if (!e.attributes.emplace(key, std::move(value)).second) fail("a repeated attribute");
    }
    for (;;) {
      e.text += data('<');
      if (m_pos >= m_text.size()) fail("an unclosed element <" + e.name + ">");
      if (m_text.substr(m_pos, 2) == "</") {
        m_pos += 2;
        if (name() != e.name) fail("a closing tag that does not match <" + e.name + ">");
        skip_space();
        if (m_pos >= m_text.size() || m_text[m_pos] != '>') fail("expected '>'");
        ++m_pos;
        return e;
      }
      e.children.push_back(element());
    }
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

inline XmlElement read_xml(std::string_view text) { return XmlReader(text).read(); }

}  // namespace caas::report::test
