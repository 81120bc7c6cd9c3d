// `cost --chart`: the curves of `cost -f json` drawn in the terminal, within the width, in ASCII under TERM=dumb.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "caas/util/text.hpp"
#include "support/run_tool.hpp"

using namespace caas::test;
using nlohmann::json;

namespace {

// Sets environment variables for the runs of one test, and puts them back.
class Environment {
 public:
  Environment(std::initializer_list<std::pair<const char*, const char*>> values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name);
      m_saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      setenv(name, value, 1);
    }
  }
  ~Environment() {
    for (const auto& [name, value] : m_saved) {
      if (value)
        setenv(name.c_str(), value->c_str(), 1);
      else
        unsetenv(name.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

// The chart: from its heading to the end of the output.
std::vector<std::string> chart_of(const std::string& out) {
  const auto lines = lines_of(out);
  const auto at = std::find(lines.begin(), lines.end(), "Cost against traffic");
  REQUIRE(at != lines.end());
  return {at, lines.end()};
}

double dollars(const std::string& label) {
  std::string digits;
  for (const char c : label)
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
  return std::stod(digits) * (label.find('k') != std::string::npos ? 1000 : 1);
}

}  // namespace

TEST_CASE("cost --chart: every line fits the width the terminal gives", "[e2e][cost_chart]") {
  for (const char* columns : {"40", "72", "100", "150"}) {
    Environment env{{"COLUMNS", columns}, {"TERM", "xterm"}};
    const auto run = run_tool({"cost", "examples/photo-thumbnailer.yaml", "--chart"});
    INFO(columns << "\n" << run.out);
    REQUIRE(run.exit_code == 0);
    const auto chart = chart_of(run.out);
    CHECK(chart.size() > 20);
    for (const auto& line : chart) CHECK(caas::util::display_width(line) <= std::stoul(columns));
  }
}

TEST_CASE("cost --chart: ASCII only under TERM=dumb, Unicode otherwise", "[e2e][cost_chart]") {
  {
    Environment env{{"COLUMNS", "80"}, {"TERM", "dumb"}};
    const auto run = run_tool({"cost", "examples/orders-api.yaml", "--chart"});
    REQUIRE(run.exit_code == 0);
    for (const auto& line : chart_of(run.out))
      for (const char c : line) CHECK(static_cast<unsigned char>(c) < 0x80);
  }
  Environment env{{"COLUMNS", "80"}, {"TERM", "xterm-256color"}};
  const auto run = run_tool({"cost", "examples/orders-api.yaml", "--chart"});
  std::string chart;
  for (const auto& line : chart_of(run.out)) chart += line;
  CHECK(chart.find("└") != std::string::npos);
  CHECK(chart.find("●") != std::string::npos);
}

TEST_CASE("cost --chart: the recommended target's points sit at the rows of the JSON cost table", "[e2e][cost_chart]") {
  Environment env{{"COLUMNS", "100"}, {"TERM", "dumb"}};
  for (const std::string file :
       {"examples/photo-thumbnailer.yaml", "examples/orders-api.yaml", "examples/invoice-ingest-worker.yaml"}) {
    INFO(file);
    const auto table = json::parse(run_tool({"cost", file, "-f", "json"}).out)["results"][0];
    const auto run = run_tool({"cost", file, "--chart"});
    const auto chart = chart_of(run.out);
    // The plot: rows with an axis ('|' or '+') after the labels; the axis line below it ("+---+---").
    std::vector<std::string> rows;
    std::size_t axis_column = 0;
    std::string bottom;
    for (std::size_t i = 1; i < chart.size(); ++i) {
      const auto bar = chart[i].find_first_of("|+");
      if (bar == std::string::npos) continue;
      if (chart[i].find("--") != std::string::npos) {
        bottom = chart[i];
        break;
      }
      if (chart[i].find_first_not_of(' ') >= bar || chart[i][bar - 1] == ' ') {
        axis_column = bar;
        rows.push_back(chart[i]);
      }
    }
    REQUIRE(rows.size() == 15);
    // Two labelled rows give the cost axis (log scale).
    std::vector<std::pair<std::size_t, double>> ticks;
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (rows[r][axis_column] == '+') ticks.emplace_back(r, dollars(rows[r].substr(0, axis_column)));
    REQUIRE(ticks.size() >= 2);
    const double slope = (static_cast<double>(ticks.back().first) - static_cast<double>(ticks.front().first)) /
                         (std::log(ticks.back().second) - std::log(ticks.front().second));
    auto row_of = [&](double usd) {
      return static_cast<double>(ticks.front().first) + slope * (std::log(usd) - std::log(ticks.front().second));
    };
    // The recommended target is drawn last, with 'o' ('*' where another line is in the same cell), at each tick of
    // the traffic axis.
    const std::string recommended = table["recommendation"];
    std::vector<std::size_t> tick_columns;
    for (std::size_t c = axis_column + 1; c < bottom.size(); ++c)
      if (bottom[c] == '+') tick_columns.push_back(c);
    REQUIRE(tick_columns.size() == table["cost_table"].size());
    for (std::size_t t = 0; t < tick_columns.size(); ++t) {
      const double usd = table["cost_table"][t]["monthly_cost_usd"][recommended];
      std::vector<std::size_t> drawn;
      for (std::size_t r = 0; r < rows.size(); ++r)
        if (tick_columns[t] < rows[r].size() && (rows[r][tick_columns[t]] == 'o' || rows[r][tick_columns[t]] == '*'))
          drawn.push_back(r);
      REQUIRE_FALSE(drawn.empty());
      // A step may draw a short vertical run: the value's row is within it.
      CHECK(row_of(usd) >= static_cast<double>(drawn.front()) - 1);
      CHECK(row_of(usd) <= static_cast<double>(drawn.back()) + 1);
    }
  }
}

TEST_CASE("cost --chart: not with -f json", "[e2e][cost_chart]") {
  const auto run = run_tool({"cost", "examples/orders-api.yaml", "--chart", "-f", "json"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
}

TEST_CASE("cost --chart: a workload without traffic says there is no chart", "[e2e][cost_chart]") {
  const auto run = run_tool({"cost", "-", "--chart"},
                            "apiVersion: caas-advisor/v1\nname: quiet\nkind: function\ntriggers: [s3]\n"
                            "execution: {duration: 2s}\n");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("no chart: the workload gives no traffic.requests_per_month to scale") != std::string::npos);
}
