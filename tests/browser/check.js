// Runs inside headless Chromium on a copy of the examples' page (tests/browser/run.sh puts it first in <head>, with
// the `cost -f json` output of every example as window.CAAS_EXPECTED). It records script errors, then, once the
// page has loaded, checks every chart against the JSON cost table and writes the outcome into the page, where
// --dump-dom shows it.
(function () {
  "use strict";
  var problems = [];
  var counts = { markers: 0, crossings: 0, charts: 0, rankings: 0, pending: 0, shown: 0 };
  window.addEventListener("error", function (e) { problems.push("script error: " + e.message); });
  var consoleError = console.error;
  console.error = function () {
    problems.push("console.error: " + Array.prototype.join.call(arguments, " "));
    consoleError.apply(console, arguments);
  };

  function near(a, b, tolerance, what) {
    if (!(Math.abs(a - b) <= tolerance)) problems.push(what + ": " + a + " is not within " + tolerance + " of " + b);
  }
  function money(text) { return Number(String(text).replace(/[$,\s]/g, "")); }

  // The axis as drawn: two ticks give the mapping from value to position on a log scale.
  function axis(svg, selector, coordinate) {
    var ticks = Array.prototype.map.call(svg.querySelectorAll(selector), function (t) {
      return { v: Number(t.getAttribute("data-v")), p: Number(t.getAttribute(coordinate)) };
    });
    if (ticks.length < 2) { problems.push("fewer than two ticks: " + selector); return null; }
    var a = ticks[0], b = ticks[ticks.length - 1];
    var slope = (b.p - a.p) / (Math.log(b.v) - Math.log(a.v));
    return function (value) { return a.p + slope * (Math.log(value) - Math.log(a.v)); };
  }

  function centre(element) {
    var box = element.getBBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  function checkResult(result) {
    var name = result.workload.file + " " + result.workload.name;
    var article = Array.prototype.find.call(document.querySelectorAll("article.workload"), function (a) {
      return a.getAttribute("data-file") === result.workload.file && a.getAttribute("data-name") === result.workload.name;
    });
    if (!article) { problems.push(name + ": not on the page"); return; }

    // The ranking's monthly cost of each target that fits is the JSON's.
    result.targets.forEach(function (target) {
      if (!target.feasible) return;
      var row = article.querySelector("table.ranking tr[data-target='" + target.target + "']");
      if (!row) { problems.push(name + ": no ranking row for " + target.target); return; }
      var cell = row.cells[row.cells.length - 1].textContent;
      if (target.monthly_cost_usd === null) {
        if (cell !== "—") problems.push(name + ": " + target.target + " cost " + cell + ", expected none");
      } else {
        near(money(cell), target.monthly_cost_usd, 0.001, name + ": ranking cost of " + target.target);
      }
      counts.rankings++;
    });

    var svg = article.querySelector("svg.chart:not(.key)");
    if (!result.traffic.per_month || result.cost_table.length === 0) {
      if (svg) problems.push(name + ": a chart without traffic to scale");
      return;
    }
    if (!svg) { problems.push(name + ": no chart"); return; }
    counts.charts++;
    var label = document.getElementById(svg.getAttribute("aria-labelledby").split(" ")[1]);
    if (!label || label.textContent.length < 20) problems.push(name + ": the chart has no text alternative");
    var x = axis(svg, "line.xtick", "x1");
    var y = axis(svg, "line.ytick", "y1");
    if (!x || !y) return;
    var frame = svg.querySelector("rect.frame");
    var bottom = Number(frame.getAttribute("y")) + Number(frame.getAttribute("height"));

    result.cost_table.forEach(function (row) {
      result.targets.forEach(function (target) {
        var usd = row.monthly_cost_usd[target.target];
        var where = name + ": " + target.target + " at ×" + row.scale;
        var marker = svg.querySelector(".m[data-target='" + target.target + "'][data-scale='" + row.scale + "']");
        var cell = article.querySelector("td[data-target='" + target.target + "'][data-scale='" + row.scale + "']");
        if (usd === null) {
          if (marker) problems.push(where + ": a point where the JSON has no cost");
          return;
        }
        if (!marker) { problems.push(where + ": no point for $" + usd); return; }
        var c = centre(marker);
        near(c.x, x(row.scale), 0.6, where + " x");
        // A cost below the axis is drawn on its bottom edge.
        near(c.y, Math.min(y(Math.max(usd, 1e-9)), bottom), 0.6, where + " y for $" + usd);
        // Through the line, dashes or not: the gaps of a dashed line are not where it does not go.
        var line = svg.querySelector("path.s[data-target='" + target.target + "']");
        if (line) line.style.strokeDasharray = "none";
        if (!line || !line.isPointInStroke(new DOMPoint(c.x, c.y)))
          problems.push(where + ": the line does not pass through its point");
        if (line) line.style.strokeDasharray = "";
        if (!cell) problems.push(where + ": not in the chart's table");
        else near(money(cell.textContent), usd, 0.001, where + " in the chart's table");
        if (!target.feasible && marker.getAttribute("class").indexOf("nofit") < 0)
          problems.push(where + ": a target that does not fit is drawn as one that does");
        counts.markers++;
      });
    });

    var today = svg.querySelector("line.today");
    if (!today) problems.push(name + ": today's traffic is not marked");
    else near(Number(today.getAttribute("x1")), x(1), 0.6, name + ": today's line");

    var lines = svg.querySelectorAll("line.cross");
    var inRange = result.break_even.crossings.filter(function (c) {
      var scale = c.per_month / result.traffic.per_month;
      return scale >= 0.1 && scale <= 10;
    });
    if (lines.length !== inRange.length)
      problems.push(name + ": " + lines.length + " break-even lines, the JSON has " + inRange.length + " in range");
    inRange.forEach(function (crossing, i) {
      if (!lines[i]) return;
      near(Number(lines[i].getAttribute("x1")), x(crossing.per_month / result.traffic.per_month), 0.6,
           name + ": break-even " + (i + 1));
      counts.crossings++;
    });
  }

  // The table shows a hundred rows at a time; Next shows the rest, and Show all every row.
  function checkPaging() {
    var rows = document.querySelectorAll("#portfolio-table tbody tr");
    var visible = function () {
      return Array.prototype.filter.call(rows, function (r) { return !r.classList.contains("hidden"); }).length;
    };
    if (rows.length <= 100) {
      if (visible() !== rows.length) problems.push("a table of " + rows.length + " rows shows " + visible());
      return;
    }
    if (visible() !== 100) problems.push("the first page shows " + visible() + " rows, not 100");
    document.getElementById("page-next").click();
    if (visible() !== Math.min(100, rows.length - 100)) problems.push("the second page shows " + visible() + " rows");
    document.getElementById("page-all").click();
    if (visible() !== rows.length) problems.push("Show all shows " + visible() + " of " + rows.length + " rows");
    // Sorting by a column keeps every row, in order of that column.
    var score = Array.prototype.find.call(document.querySelectorAll("#portfolio-table th"), function (th) {
      return th.textContent.indexOf("score") === 0;
    });
    score.querySelector("button").click();
    var scores = Array.prototype.map.call(document.querySelectorAll("#portfolio-table tbody tr"), function (r) {
      return r.cells[2].getAttribute("data-v");
    }).filter(function (v) { return v !== ""; }).map(Number);
    for (var i = 1; i < scores.length; i++)
      if (scores[i] < scores[i - 1]) { problems.push("sorting by score is out of order at row " + i); break; }
    // The filter by text: only the rows whose name or file hold it.
    var search = document.getElementById("filter-text");
    search.value = "photo-thumbnailer";
    search.dispatchEvent(new Event("input"));
    if (visible() !== 5) problems.push("filtering by photo-thumbnailer shows " + visible() + " rows, not 5");
    search.value = "";
    search.dispatchEvent(new Event("input"));
  }

  function run() {
    if (!window.CAAS_EXPECTED || window.CAAS_EXPECTED.length === 0) { problems.push("no expected data"); return; }
    // Details not yet shown are built as for printing.
    var articles = function () { return document.querySelectorAll("article.workload").length; };
    var before = articles();
    window.dispatchEvent(new Event("beforeprint"));
    counts.shown = articles() - before;
    if (articles() !== document.querySelectorAll("#portfolio-table tbody tr").length)
      problems.push(articles() + " workloads' details after printing, the table has " +
                    document.querySelectorAll("#portfolio-table tbody tr").length);
    window.CAAS_EXPECTED.forEach(function (doc) { doc.results.forEach(checkResult); });
    // Self-contained: nothing was fetched, and nothing could be.
    var external = document.querySelectorAll("link, script[src], img, iframe, object, embed, [style*='url(']");
    if (external.length) problems.push(external.length + " elements that could load something");
    if (performance.getEntriesByType("resource").length)
      problems.push("resources were loaded: " + performance.getEntriesByType("resource").map(function (r) {
        return r.name; }).join(", "));
    // The script ran: the overview is first.
    var sections = document.querySelectorAll("main > section");
    if (!sections.length || sections[0].id !== "overview") problems.push("the overview is not the first section");
    if (counts.markers === 0) problems.push("no chart point was checked");
    checkPaging();
  }

  window.addEventListener("load", function () {
    try { run(); } catch (e) { problems.push("the check failed: " + e); }
    var out = document.createElement("pre");
    out.id = "caas-check";
    out.textContent = (problems.length ? "FAILED\n" + problems.join("\n") : "PASSED") + "\nchecked " +
      counts.charts + " charts, " + counts.markers + " points, " + counts.crossings + " break-evens, " +
      counts.rankings + " ranking costs; " + counts.shown + " workloads' details built on demand\n";
    document.body.appendChild(out);
  });
})();
