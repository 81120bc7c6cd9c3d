#include "sarif_support.hpp"

#include <fmt/format.h>

namespace caas::report {

namespace {

bool is_absolute(std::string_view path) {
  if (!path.empty() && (path[0] == '/' || path[0] == '\\')) return true;
  // A Windows drive letter: C:\ or C:/
  return path.size() >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/') &&
         ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z'));
}

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    if (c == '/' || c == '\\')
      out += '/';
    else if (is_unreserved(c))
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string fingerprint_text(const FingerprintKey& key) {
  // The unit separator cannot appear in a rule id, a path or a message shown to the user unescaped.
  std::string text;
  for (const auto part : {key.rule, key.file, key.workload, key.detail}) {
    text.append(part);
    text += '\x1f';
  }
  return text;
}

std::string fingerprint(const FingerprintKey& key, int occurrence) {
  std::string text = fingerprint_text(key);
  if (occurrence > 1) text += std::to_string(occurrence);
  return fmt::format("{:016x}", fnv1a_64(text));
}

std::string artifact_uri(std::string_view path) {
  if (!is_absolute(path)) return encode_path(path);
  std::string uri = "file://";
  if (path[0] != '/' && path[0] != '\\') uri += '/';  // file:///C:/...
  // Keep the drive letter's colon readable: it is allowed in a path after the authority.
  if (path.size() >= 2 && path[1] == ':') {
    uri += path.substr(0, 2);
    path.remove_prefix(2);
  }
  return uri + encode_path(path);
}

void write_artifact_location(JsonWriter& json, std::string_view path) {
  json.begin_object();
  json.key("uri");
  json.string(artifact_uri(path));
  if (!is_absolute(path)) {
    json.key("uriBaseId");
    json.string("%SRCROOT%");
  }
  json.end_object();
}

}  // namespace caas::report
