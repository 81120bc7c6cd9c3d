// JUnit XML for CI dashboards (GitLab's test report, Jenkins): one <testsuite> per file, one <testcase> per check
// or rule with a stable name that never holds message text (GitLab keeps only the first of two identical names),
// passing cases included (each workload's `parse`, which says which targets fit), input errors as <error>. A finding
// is a <failure> exactly when it fails the run (--fail-on, report::fails_gate), so the XML agrees with the exit
// code; a warning or a check that passes says what it noted in <system-out>, a rule's note is named only.
//
// The <testsuites> root carries the totals, which are known only at the end, so the document waits in memory until
// finish(): about 0.6 KB a workload, a few tens of MB for the largest portfolios — what GitLab accepts (30 MB a
// file) holds about 40,000 workloads.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "caas/util/text.hpp"
#include "finding_status.hpp"
#include "renderers.hpp"

namespace caas::report {

namespace {

// Text for XML 1.0: control characters (which XML 1.0 cannot carry) and invalid UTF-8 become visible escapes, then
// markup characters become entities. Works for element text and double-quoted attribute values alike.
std::string xml(std::string_view text) {
  const std::string safe = util::escape_control(text);
  std::string out;
  out.reserve(safe.size());
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
        if (c == '\xEF' && i + 2 < safe.size() && safe[i + 1] == '\xBF' &&
            (safe[i + 2] == '\xBE' || safe[i + 2] == '\xBF')) {
          out += safe[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string location(std::string_view file, int line, int column) {
  std::string text(file);
  if (line > 0) text += (file.empty() ? "line " : ":") + std::to_string(line);
  if (line > 0 && column > 0) text += ":" + std::to_string(column);
  return text;
}

// The cases of one file, written when the next file starts.
struct Suite {
  std::string name;
  std::string cases;
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;  // waived and known findings
  std::set<std::string> names;
  std::map<std::string, int> next_counter;  // per base: numbers below it are taken, so thousands of errors stay linear

  // `base`, or when a case of that name exists, `base (qualifier)`, then a counter: unique within the suite.
  std::string unique(const std::string& base, std::string_view qualifier) {
    std::string candidate = base;
    if (names.count(candidate) != 0 && !qualifier.empty()) candidate = base + " (" + std::string(qualifier) + ")";
    int& n = next_counter.try_emplace(base, 2).first->second;
    for (; names.count(candidate) != 0; ++n) candidate = base + " #" + std::to_string(n);
    names.insert(candidate);
    return candidate;
  }

  enum class Outcome { passed, failure, error, skipped };
  struct Case {
    std::string classname;
    std::string name;
    Outcome outcome = Outcome::passed;
    std::string message;  // failure and error: the message attribute
    std::string type;     // failure and error: the rule or error code
    std::string text;     // the element's text; for a passing case, its system-out
  };

  void add(const Case& c) {
    ++tests;
    cases +=
        "    <testcase classname=\"" + xml(c.classname) + "\" name=\"" + xml(c.name) + "\" file=\"" + xml(name) + "\"";
    if (c.outcome == Outcome::passed && c.text.empty()) {
      cases += "/>\n";
      return;
    }
    cases += ">\n";
    if (c.outcome == Outcome::passed) {
      cases += "      <system-out>" + xml(c.text) + "</system-out>\n";
    } else if (c.outcome == Outcome::skipped) {
      ++skipped;
      cases += "      <skipped message=\"" + xml(c.message) + "\">" + xml(c.text) + "</skipped>\n";
    } else {
      const std::string_view tag = c.outcome == Outcome::failure ? "failure" : "error";
      (c.outcome == Outcome::failure ? failures : errors) += 1;
      cases += "      <" + std::string(tag) + " message=\"" + xml(c.message) + "\" type=\"" + xml(c.type) + "\">" +
               xml(c.text) + "</" + std::string(tag) + ">\n";
    }
    cases += "    </testcase>\n";
  }
};

// Which targets fit, in one line of the parse case's output: "feasible: fargate, lambda; ruled out: ec2
// (policy-no-ec2)". The blockers by rule id only: their messages are in every other format, and a portfolio's
// JUnit file must stay under GitLab's 30 MB.
std::string feasibility_text(const model::Recommendation& recommendation) {
  std::vector<const model::TargetResult*> targets;
  for (const auto& target : recommendation.ranking) targets.push_back(&target);
  std::sort(targets.begin(), targets.end(), [](auto* a, auto* b) { return a->target.id < b->target.id; });
  std::string fits;
  std::string out;
  for (const auto* target : targets) {
    if (target->feasible) {
      fits += (fits.empty() ? "" : ", ") + target->target.id;
      continue;
    }
    std::string rules;
    for (const auto& blocker : target->blockers) rules += (rules.empty() ? "" : ", ") + blocker.rule;
    out += (out.empty() ? "" : ", ") + target->target.id + (rules.empty() ? "" : " (" + rules + ")");
  }
  if (targets.empty()) return {};
  return "feasible: " + (fits.empty() ? std::string("none") : fits) + (out.empty() ? "" : "; ruled out: " + out);
}

// The parse case's output: which targets fit, then the values the project configuration filled in, with where
// (docs/config.md): "…; from the project configuration: traffic.requests_per_month = 3M (.caas-advisor.yaml:3)".
std::string parse_text(const model::Recommendation& recommendation) {
  std::string text = feasibility_text(recommendation);
  std::string configured;
  for (const auto& a : recommendation.assumptions)
    if (!a.config_file.empty())
      configured += (configured.empty() ? "" : ", ") + a.field + " = " + a.value + " (" + a.config_file + ":" +
                    std::to_string(a.config_line) + ")";
  if (configured.empty()) return text;
  return text + (text.empty() ? "" : "; ") + "from the project configuration: " + configured;
}

class JunitRenderer final : public Renderer {
 public:
  JunitRenderer(std::ostream& out, const RenderOptions& options)
      : m_out(out), m_command(options.command), m_gate(options.gate) {}

  void begin(const ToolInfo& tool) override { m_tool = tool; }

  void result(const model::Recommendation& recommendation) override {
    Suite& suite = suite_for(recommendation.file);
    // The suite and each case's file attribute name the file; the class is the workload.
    const std::string& classname = recommendation.name;
    suite.add({classname,
               suite.unique("parse", recommendation.name),
               Suite::Outcome::passed,
               {},
               {},
               parse_text(recommendation)});
    bool judged = false;
    for (const auto& finding : recommendation.findings) {
      const bool check = finding.rule.rfind("check-", 0) == 0;
      judged = judged || check;
      const std::string name = check ? "check runs_on" : finding.rule;
      // A waived or known finding never fails the run, so it never fails the suite: it is skipped, with why.
      const bool counts = model::counts_for_fail_on(finding);
      const auto outcome = !counts                       ? Suite::Outcome::skipped
                           : fails_gate(finding, m_gate) ? Suite::Outcome::failure
                                                         : Suite::Outcome::passed;
      // The suite and the case's file attribute name the file: the text says where in it.
      const std::string at =
          location(finding.file == recommendation.file ? "" : finding.file, finding.line, finding.column);
      std::string text = std::string(util::to_string(finding.severity)) + (at.empty() ? "" : " at " + at);
      if (!finding.field.empty()) text += " (" + finding.field + ")";
      text += ": " + finding.message;
      // A rule's note that does not fail the run is advice, which every other format holds: the case names it, so
      // that a portfolio's file stays under GitLab's 30 MB.
      if (outcome == Suite::Outcome::passed && finding.severity == util::Severity::info && !check) text.clear();
      suite.add({classname, suite.unique(name, check ? recommendation.name : finding.field), outcome,
                 counts ? finding.message : status_words(finding), finding.rule, std::move(text)});
    }
    // A workload whose runs_on is the recommendation has no check finding: its check passed.
    if (m_command == Command::check && !judged)
      suite.add({classname,
                 suite.unique("check runs_on", recommendation.name),
                 Suite::Outcome::passed,
                 {},
                 {},
                 "runs_on is the recommendation"});
  }

  void error(const util::Diagnostic& error) override {
    Suite& suite = suite_for(error.where.file);
    std::string message = error.message;
    if (!error.hint.empty()) message += "; " + error.hint;
    const std::string code(error.code.id());
    suite.add({error.where.file, suite.unique("parse: " + code, {}), Suite::Outcome::error, message, code,
               location(error.where.file, error.where.line, error.where.column) + ": " + message});
  }

  void finish(const Summary& /*summary*/) override {
    close_suite();
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    m_out << "<testsuites name=\"" << xml(m_tool.name) << "\" tests=\"" << m_tests << "\" failures=\"" << m_failures
          << "\" errors=\"" << m_errors << "\">\n";
    m_out << m_buffer << "</testsuites>\n";
    m_out.flush();
  }

 private:
  Suite& suite_for(const std::string& file) {
    if (!m_suite || m_suite->name != file) {
      close_suite();
      m_suite = Suite{};
      m_suite->name = file;
    }
    return *m_suite;
  }

  void close_suite() {
    if (!m_suite) return;
    const Suite& s = *m_suite;
    m_tests += s.tests;
    m_failures += s.failures;
    m_errors += s.errors;
    std::string text = "  <testsuite name=\"" + xml(s.name) + "\" tests=\"" + std::to_string(s.tests) +
                       "\" failures=\"" + std::to_string(s.failures) + "\" errors=\"" + std::to_string(s.errors) +
                       "\" skipped=\"" + std::to_string(s.skipped) + "\">\n" + s.cases + "  </testsuite>\n";
    m_suite.reset();
    m_buffer += text;
  }

  std::ostream& m_out;
  Command m_command;
  Gate m_gate;
  ToolInfo m_tool;
  std::optional<Suite> m_suite;
  std::string m_buffer;
  int m_tests = 0;
  int m_failures = 0;
  int m_errors = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_junit_renderer(std::ostream& out, const RenderOptions& options) {
  return std::make_unique<JunitRenderer>(out, options);
}

}  // namespace caas::report
