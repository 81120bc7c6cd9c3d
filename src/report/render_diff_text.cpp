// The diff for people at a terminal: the headline, then each change with its cause beside its effect — the inputs
// that changed, the targets newly ruled out (by which rule, reading which changed input), scores and costs before
// and after, runs_on's verdict — then the portfolio's total, the errors of each side and the gates.
#include <algorithm>
#include <cmath>

#include "caas/util/text.hpp"
#include "diff_renderers.hpp"
#include "diff_sections.hpp"
#include "text_layout.hpp"

namespace caas::report {

namespace {

constexpr std::size_t k_width = 100;

std::string safe(std::string_view text) { return util::escape_control(text); }

std::string arrow(const std::string& before, const std::string& after) {
  return before == after ? before : before + " → " + after;
}

std::string feasible_text(const std::optional<bool>& feasible) {
  if (!feasible) return "—";
  return *feasible ? "yes" : "no";
}

std::string score_text(const std::optional<double>& score) { return score ? util::format_fixed2(*score) : "—"; }

class TextDiff {
 public:
  TextDiff(std::ostream& out, const DiffRenderOptions& options) : m_out(out), m_paint(options.color) {}

  void render(const model::PortfolioDiff& diff) {
    m_out << m_paint("caas-advisor diff", Style::bold) << ": " << safe(diff.base.label) << " → "
          << safe(diff.head.label) << '\n';
    m_out << m_paint(diff_headline(diff), Style::bold) << '\n';
    m_out << diff_counts(diff) << '\n';
    if (diff.base.rules_version != diff.head.rules_version || diff.base.pricing_date != diff.head.pricing_date)
      m_out << "The sides were judged with different tables: rules " << safe(diff.base.rules_version) << " → "
            << safe(diff.head.rules_version) << ", prices " << safe(diff.base.pricing_date) << " → "
            << safe(diff.head.pricing_date) << '\n';
    for (const auto& change : diff.changes) write_change(change);
    write_total(diff);
    write_errors(diff);
    write_gates(diff);
  }

 private:
  void write_change(const model::WorkloadChange& change) {
    m_out << '\n';
    switch (change.kind) {
      case model::ChangeKind::changed: write_changed(change); break;
      case model::ChangeKind::added:
        m_out << m_paint("+ " + safe(change.name), Style::green) << "  " << safe(change.file) << '\n';
        m_out << "    added: " << target_name(change, change.recommended_after) << ", "
              << usd_or(change.cost_after, "cost unknown") << " a month" << runs_on_note(change.runs_on_after) << '\n';
        break;
      case model::ChangeKind::removed:
        m_out << m_paint("- " + safe(change.name), Style::red) << "  " << safe(change.file) << '\n';
        m_out << "    removed: was " << target_name(change, change.recommended_before) << ", "
              << usd_or(change.cost_before, "cost unknown") << " a month" << runs_on_note(change.runs_on_before)
              << '\n';
        break;
      case model::ChangeKind::moved:
        m_out << "→ " << safe(change.name) << "  " << safe(change.file_before) << " → " << safe(change.file) << '\n';
        m_out << "    moved; the advice is unchanged\n";
        break;
      case model::ChangeKind::not_compared:
        m_out << m_paint("? " + safe(change.name), Style::yellow) << "  " << safe(change.file) << '\n';
        m_out << "    not compared: its file could not be evaluated on the other side (see the errors below)\n";
        break;
    }
  }

  static std::string runs_on_note(const std::string& runs_on) {
    return runs_on.empty() ? std::string() : " (runs_on " + runs_on + ")";
  }

  void write_changed(const model::WorkloadChange& change) {
    const auto marker = change.target_changed() ? m_paint("~ " + safe(change.name), Style::bold_red)
                                                : m_paint("~ " + safe(change.name), Style::yellow);
    m_out << marker << "  " << safe(change.file);
    if (!change.file_before.empty()) m_out << " (moved from " << safe(change.file_before) << ")";
    m_out << '\n';
    if (!change.name_before.empty()) m_out << "    renamed from " << safe(change.name_before) << '\n';
    const auto before = target_name(change, change.recommended_before);
    const auto after = target_name(change, change.recommended_after);
    m_out << "    recommendation  "
          << (change.target_changed() ? m_paint(before + " → " + after, Style::bold) : after + " (unchanged)") << '\n';
    if (!change.runs_on_before.empty() || !change.runs_on_after.empty()) {
      const std::string was = change.runs_on_before.empty()
                                  ? "(not set)"
                                  : change.runs_on_before + ": " + std::string(verdict_words(change.verdict_before));
      const std::string now = change.runs_on_after.empty()
                                  ? "(not set)"
                                  : change.runs_on_after + ": " + std::string(verdict_words(change.verdict_after));
      m_out << "    runs_on         " << arrow(was, now) << '\n';
    }
    write_cost_line(change);
    if (!change.fields.empty()) {
      m_out << "    inputs changed\n";
      for (const auto& field : change.fields) {
        std::string where = field.original_key.empty() ? std::string() : " (" + safe(field.original_key) + ")";
        m_out << "      " << safe(field.field) << where << ": " << safe(field_value(field.before)) << " → "
              << safe(field_value(field.after));
        if (field.line > 0) m_out << m_paint("  line " + std::to_string(field.line), Style::dim);
        m_out << '\n';
      }
    }
    write_targets(change);
    write_findings(change);
  }

  void write_cost_line(const model::WorkloadChange& change) {
    auto side = [&](const std::optional<double>& usd, const std::string& target) {
      return usd_or(usd, "unknown") + " (" + (target.empty() ? "no target" : target_name(change, target)) + ")";
    };
    const auto before = side(change.cost_before, change.costed_before);
    const auto after = side(change.cost_after, change.costed_after);
    const auto delta = change.cost_change();
    m_out << "    monthly cost    ";
    if (before == after)
      m_out << after << ", unchanged\n";
    else
      m_out << before << " → " << after << (delta ? "  " + signed_usd(*delta) : std::string()) << '\n';
  }

  void write_targets(const model::WorkloadChange& change) {
    std::size_t name_width = 6;
    for (const auto& t : change.targets) name_width = std::max(name_width, display_width(safe(t.name)));
    m_out << "    " << pad("target", name_width) << "  " << pad("fits", 8) << "  " << pad("score", 14) << "  "
          << "per month\n";
    for (const auto& t : change.targets) {
      const auto fits = arrow(feasible_text(t.feasible_before), feasible_text(t.feasible_after));
      const auto score = arrow(score_text(t.score_before), score_text(t.score_after));
      const auto cost = arrow(usd_or(t.cost_before, "—"), usd_or(t.cost_after, "—"));
      m_out << "    " << pad(safe(t.name), name_width) << "  " << pad(fits, 8) << "  " << pad(score, 14) << "  " << cost
            << '\n';
      for (const auto& reason : t.ruled_out_by) write_reason("now ruled out by", change, reason);
      for (const auto& reason : t.no_longer_ruled_out) write_reason("no longer ruled out by", change, reason);
    }
  }

  void write_reason(std::string_view what, const model::WorkloadChange& change, const model::Reason& reason) {
    std::string text = std::string(what) + " " + reason.rule + ": " + one_line(reason.message);
    if (const auto cause = changed_fields_read(change, reason); !cause.empty()) text += " [reads " + cause + "]";
    if (!reason.source.empty()) text += " (source: " + one_line(reason.source) + ")";
    const auto lines = wrap(safe(text), k_width - 8);
    for (std::size_t i = 0; i < lines.size(); ++i) m_out << (i == 0 ? "      · " : "        ") << lines[i] << '\n';
  }

  void write_findings(const model::WorkloadChange& change) {
    for (const auto& finding : change.new_findings) {
      const auto text = "new " + std::string(util::to_string(finding.severity)) + ": " + finding.rule + ": " +
                        one_line(finding.message);
      const auto lines = wrap(safe(text), k_width - 4);
      for (std::size_t i = 0; i < lines.size(); ++i) m_out << (i == 0 ? "    " : "      ") << lines[i] << '\n';
    }
    for (const auto& finding : change.fixed_findings)
      m_out << "    fixed " << util::to_string(finding.severity) << ": " << safe(finding.rule) << '\n';
  }

  void write_total(const model::PortfolioDiff& diff) {
    m_out << '\n'
          << m_paint("Monthly cost", Style::bold)
          << " (runs_on where a workload names it, else the recommendation): " << signed_usd(diff.cost.change)
          << " a month\n";
    if (diff.cost.base_total && diff.cost.head_total)
      m_out << "  " << util::format_usd(*diff.cost.base_total) << " → " << util::format_usd(*diff.cost.head_total)
            << " for the whole portfolio\n";
    if (diff.cost.workloads_without_cost > 0)
      m_out << "  " << diff.cost.workloads_without_cost
            << (diff.cost.workloads_without_cost == 1 ? " workload whose cost is" : " workloads whose cost is")
            << " not known on a side is left out of the total\n";
  }

  void write_errors(const model::PortfolioDiff& diff) {
    if (diff.errors.empty()) return;
    m_out << '\n' << m_paint("Could not be evaluated", Style::bold) << '\n';
    for (const auto& [side, error] : diff.errors) {
      std::string text = util::format_diagnostic(error);
      m_out << side << ": " << text;
      if (text.empty() || text.back() != '\n') m_out << '\n';
    }
  }

  void write_gates(const model::PortfolioDiff& diff) {
    if (diff.gates.empty()) return;
    m_out << '\n' << m_paint("Gates", Style::bold) << '\n';
    for (const auto& gate : diff.gates) {
      const auto mark = gate.reached ? m_paint("✗ reached", Style::bold_red) : m_paint("✓ passed", Style::green);
      m_out << "  " << mark << "  " << gate.gate << (gate.threshold.empty() ? "" : " " + safe(gate.threshold)) << ": "
            << safe(gate.message) << '\n';
    }
  }

  std::ostream& m_out;
  Painter m_paint;
};

}  // namespace

void render_diff_text(std::ostream& out, const model::PortfolioDiff& diff, const DiffRenderOptions& options) {
  TextDiff(out, options).render(diff);
  out.flush();
}

}  // namespace caas::report
