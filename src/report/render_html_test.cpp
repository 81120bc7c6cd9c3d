// The HTML page, its chart and its helpers, on hand-built recommendations.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <regex>

#include "caas/util/text.hpp"

#include "cost_chart.hpp"
#include "html_chart.hpp"
#include "html_text.hpp"
#include "render_fixtures.hpp"
#include "sha256.hpp"

using namespace caas;
using namespace caas::report;
using namespace caas::report::test;

namespace {

std::size_t matches(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A curve of two targets: Lambda proportional to traffic ($20 today), Fargate flat at $10 up to 2× and $20 above,
// with the crossing the break-even search would report at 0.5×.
model::CostCurve two_lines() {
  model::CostCurve curve;
  curve.field = "traffic.requests_per_month";
  curve.events_per_month = 2e6;
  curve.targets = {"lambda", "fargate", "ec2"};
  curve.compared = {"lambda", "fargate"};
  for (const double scale : {0.1, 0.3, 0.5, 1.0, 1.999, 2.001, 3.0, 10.0})
    curve.points.push_back({scale, {20 * scale, scale < 2 ? 10.0 : 20.0, std::nullopt}});
  curve.crossings.push_back({0.5, 1e6, "lambda", "fargate", false, "AWS Lambda is cheaper below 1M requests"});
  return curve;
}

model::Recommendation charted() {
  auto r = thumbnailer();
  r.cost_curve = two_lines();
  return r;
}

}  // namespace

TEST_CASE("html text: the characters of markup become references; control characters become visible", "[html]") {
  CHECK(html_text("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(html_text("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(html_text("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(html_text("\xff") == "\\xff");
}

TEST_CASE("html text: any bytes at all come out as text without markup, control characters or bad UTF-8", "[html]") {
  std::mt19937 random(20261203);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 40, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(random() % 256);
    const std::string text = html_text(bytes);
    INFO(round);
    CHECK(text.find_first_of("<>\"'") == std::string::npos);
    CHECK(util::is_valid_utf8(text));
    for (const char c : text) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
    // Every & starts a character reference of ours.
    for (auto at = text.find('&'); at != std::string::npos; at = text.find('&', at + 1)) {
      const auto rest = text.substr(at, 6);
      CHECK((rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
             rest.starts_with("&quot;") || rest.starts_with("&#39;")));
    }
  }
}

TEST_CASE("html text: only http and https sources become links", "[html]") {
  CHECK(source_url("https://docs.aws.amazon.com/lambda/ (and more)") == "https://docs.aws.amazon.com/lambda/");
  CHECK(source_url("javascript:alert(1)").empty());
  CHECK(source_url("seed: when you have event-driven workloads").empty());
  CHECK(source_url("https://").empty());
}

TEST_CASE("sha256: the digests of FIPS 180-4's examples, and base64 as CSP wants it", "[html]") {
  auto hex = [](std::string_view text) {
    std::string out;
    for (const auto byte : sha256(text)) out += fmt::format("{:02x}", byte);
    return out;
  };
  CHECK(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  CHECK(csp_hash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  const std::uint8_t two[] = {0xfb, 0xff};
  CHECK(base64(two, 2) == "+/8=");
}

TEST_CASE("cost chart: axes span the curves on log scales, with readable ticks", "[html]") {
  const auto layout = layout_chart(two_lines(), target_views(thumbnailer()));
  REQUIRE(layout);
  CHECK(layout->y_lo < 2);
  CHECK(layout->y_hi > 200);
  CHECK(layout->y_ticks.size() >= 3);
  CHECK(layout->y_ticks.size() <= 8);
  for (const auto& tick : layout->y_ticks) {
    CHECK(tick.value >= layout->y_lo);
    CHECK(tick.value <= layout->y_hi);
  }
  CHECK(layout->fx(0.1) == Approx(0));
  CHECK(layout->fx(10) == Approx(1));
  CHECK(layout->fx(1) == Approx(0.5));
  CHECK(layout->fy(layout->y_hi) == Approx(1));
  CHECK(layout->fy(0.0) == 0);  // below the axis: on its bottom edge
  REQUIRE(layout->x_ticks.size() == 5);
  CHECK(layout->x_ticks[0].label == "200k");
  CHECK(layout->x_ticks[2].label == "2M");
  CHECK(layout->x_ticks[4].sublabel == "×10");
  // EC2 has no cost anywhere: not drawn, but named.
  CHECK(layout->series.size() == 2);
  REQUIRE(layout->unpriced.size() == 1);
  CHECK(layout->unpriced[0].id == "ec2");
  CHECK(layout->crossings.size() == 1);
}

TEST_CASE("cost chart: between points the cost follows the straight line of the log-log drawing", "[html]") {
  const auto curve = two_lines();
  CHECK(*cost_at(curve, 0, 0.3) == Approx(6));
  CHECK(*cost_at(curve, 0, 0.7) == Approx(14));  // proportional: a straight line on log-log axes
  CHECK(*cost_at(curve, 1, 2.0) == Approx(std::sqrt(10.0 * 20.0)).epsilon(0.01));
  CHECK_FALSE(cost_at(curve, 2, 1.0));
}

TEST_CASE("cost chart: short labels for counts and dollars", "[html]") {
  CHECK(short_count(950) == "950");
  CHECK(short_count(12'000) == "12k");
  CHECK(short_count(1'500'000) == "1.5M");
  CHECK(short_count(2e9) == "2B");
  CHECK(short_usd(0.05) == "$0.05");
  CHECK(short_usd(3) == "$3");
  CHECK(short_usd(1200) == "$1.2k");
  CHECK(short_usd(40'000) == "$40k");
}

TEST_CASE("html chart: one line per priced target, a point at each cost-table multiple, today and the break-even",
          "[html]") {
  const std::string svg = html_cost_chart(charted(), "w1-c");
  // The chart's lines and points carry their target (the legend's samples do not).
  CHECK(matches(svg, "<path class=\"s s\\d\" d=\"[^\"]*\" data-target=") == 2);
  CHECK(matches(svg,
                "<use class=\"m m1\" href=\"#mk1\" x=\"[^\"]*\" y=\"[^\"]*\" data-target=\"lambda\" data-scale=") == 5);
  CHECK(count(svg, "<line class=\"today\"") == 1);
  CHECK(count(svg, "<line class=\"cross\"") == 1);
  CHECK(svg.find("data-per-month=\"1000000\"") != std::string::npos);
  // A text alternative: the SVG's description and the numbers as a table.
  CHECK(svg.find("aria-labelledby=\"w1-c-t w1-c-d\"") != std::string::npos);
  CHECK(svg.find("<desc id=\"w1-c-d\">At today&#39;s 2M requests a month: AWS Lambda $20.00; AWS Fargate $10.00.") !=
        std::string::npos);
  CHECK(svg.find("<td class=\"num\" data-target=\"fargate\" data-scale=\"3\">$20.00</td>") != std::string::npos);
  CHECK(svg.find("Amazon EC2 is not on the chart") != std::string::npos);
}

TEST_CASE("html chart: a target that does not fit is drawn, marked as such in the line, the legend and the label",
          "[html]") {
  auto r = charted();
  r.ranking[1].feasible = false;  // Fargate
  const std::string svg = html_cost_chart(r, "w1-c");
  CHECK(matches(svg, "<path class=\"s s2 nofit\" d=\"[^\"]*\" data-target=\"fargate\"") == 1);
  CHECK(svg.find("AWS Fargate (does not fit)</text>") != std::string::npos);
  CHECK(svg.find("AWS Fargate — does not fit</li>") != std::string::npos);
}

TEST_CASE("html page: the overview and the table come after the workloads in the file, errors first in it", "[html]") {
  auto results = std::vector<model::Recommendation>{charted(), nightly_report(), gpu_trainer()};
  results[1].findings.push_back({util::Severity::warning, "peak-below-average", "peak_rps is below the average",
                                 "jobs/nightly.yaml", 7, 3, "traffic.peak_rps"});
  const std::string page = render("html", results, {broken_file_error()}, batch_summary());
  const auto details = page.find("<section id=\"details\"");
  const auto overview = page.find("<section id=\"overview\"");
  const auto table = page.find("<section id=\"portfolio\"");
  CHECK(details < overview);
  CHECK(overview < table);
  CHECK(page.find("1 file could not be evaluated</h3>") > overview);
  CHECK(page.find("services/broken.yaml:4:3</code> unknown key &#39;memroy&#39;") != std::string::npos);
  CHECK(page.find("1 workload has errors or warnings</h3>") != std::string::npos);
  CHECK(page.find("<a href=\"#w2\">nightly-report</a>") != std::string::npos);
  CHECK(count(page, "<article class=\"workload\"") == 3);
  CHECK(count(page, "<tr data-i=") == 3);
  CHECK(page.ends_with("</html>\n"));
}

TEST_CASE("html page: workloads by recommended target with their monthly totals", "[html]") {
  const std::string page = render("html", {charted(), nightly_report(), gpu_trainer()}, {}, batch_summary());
  CHECK(page.find("<tr data-target=\"lambda\"><td>AWS Lambda</td><td class=\"num\">1</td>") != std::string::npos);
  CHECK(page.find("<tr data-target=\"none\"><td>no target fits</td><td class=\"num\">1</td>") != std::string::npos);
  // $27.07 (Lambda) + $12.345 (Fargate), to the cent.
  CHECK(page.find("would cost $39.42 a month (2 workloads with a known cost") != std::string::npos);
}

TEST_CASE("html page: each reason has its mark, rule id, weight and source; blockers what would lift them", "[html]") {
  const std::string page = render("html", {nightly_report()}, {}, {});
  CHECK(page.find("<li class=\"blocker\"><span>runs up to 3h") != std::string::npos);
  CHECK(page.find("<code>lambda-max-duration</code>") != std::string::npos);
  CHECK(page.find("<a href=\"https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html\">"
                  "docs.aws.amazon.com</a>") != std::string::npos);
  CHECK(page.find("→ Lambda becomes feasible if the longest run drops to 15 minutes") != std::string::npos);
  const std::string thumbnailer_page = render("html", {thumbnailer()}, {}, {});
  CHECK(thumbnailer_page.find("<li class=\"for\"><span>event-driven") != std::string::npos);
  CHECK(thumbnailer_page.find("<code>lambda-event-driven</code> +2</span>") != std::string::npos);
  CHECK(thumbnailer_page.find("<code>fargate-idle</code> −1.5</span>") != std::string::npos);
}

TEST_CASE("html page: validate shows each workload as valid, without ranking or chart", "[html]") {
  RenderOptions options;
  options.command = Command::validate;
  const std::string page = render("html", {charted()}, {}, {}, options);
  CHECK(page.find("<span class=\"answer\"><span class=\"yes\">valid</span></span>") != std::string::npos);
  CHECK(page.find("<svg class=\"chart\"") == std::string::npos);
  CHECK(page.find("Workloads by recommended target") == std::string::npos);
}

TEST_CASE("html page: an empty batch is still a whole page", "[html]") {
  const std::string page = render("html", {}, {}, {});
  CHECK(page.find("No workload was evaluated.") != std::string::npos);
  CHECK(page.ends_with("</html>\n"));
}

TEST_CASE("html page: after the first hundred workloads, each article is an inert comment built on demand", "[html]") {
  std::vector<model::Recommendation> results(101, nightly_report());
  results.back().name = "the-last";
  results.back().description = "</script><script>alert(1)</script><!-- <b> -->";
  const std::string page = render("html", results, {}, {});
  CHECK(count(page, "<article class=\"workload\" id=") == 101);
  const auto block = page.find("<!--caas-workload w101\n<article class=\"workload\" id=\"w101\"");
  REQUIRE(block != std::string::npos);
  const auto end = page.find("-->", block);
  const std::string inside = page.substr(block, end - block);
  // The whole article is in the comment, and nothing in it can end it: it ends where the article does.
  CHECK(inside.find("<h4>Ranking</h4>") != std::string::npos);
  CHECK(inside.find("lambda-max-duration") != std::string::npos);
  CHECK(inside.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &lt;b&gt; --&gt;") !=
        std::string::npos);
  CHECK(inside.find("--!>") == std::string::npos);
  CHECK(page.substr(end - 10, 14) == "</article>-->\n");
  CHECK(count(page, "<script") == 2);  // the page's own, and nothing from the description
  // The line that builds more as the reader scrolls to it.
  CHECK(page.find("<p id=\"more\" class=\"pending-note\">The details of 1 more workloads") != std::string::npos);
}
