#include "caas/util/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

namespace caas::util {

namespace {

struct Stalled {
  YAML::Mark mark;
};

// Reads events only; throws Stalled when a document starts where the previous one did.
class DocumentStarts final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (m_last >= 0 && mark.pos == m_last) throw Stalled{mark};
    m_last = mark.pos;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}

 private:
  int m_last = -1;
};

}  // namespace

std::optional<std::pair<int, int>> find_stalled_document(std::string_view text) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  DocumentStarts starts;
  try {
    while (parser.HandleNextDocument(starts)) {
    }
  } catch (const Stalled& stalled) {
    return std::pair{stalled.mark.line + 1, stalled.mark.column + 1};
  } catch (const YAML::Exception&) {
    return std::nullopt;  // a syntax error: the loader's own parse reports it with its location
  }
  return std::nullopt;
}

}  // namespace caas::util
