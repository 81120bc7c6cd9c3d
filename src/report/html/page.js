// The page's only script: overview first, the table sortable and filterable. The page reads fully without it.
(function () {
  "use strict";
  var main = document.querySelector("main");
  var details = document.getElementById("details");
  // The overview and the table are written after the workloads (they need the whole batch); put them first, so
  // the reading order of screen readers and keyboards is the order on screen.
  ["overview", "portfolio"].forEach(function (id) {
    var section = document.getElementById(id);
    if (main && section && details) main.insertBefore(section, details);
  });

  var table = document.getElementById("portfolio-table");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (row) { return (row.getAttribute("data-text") || "").toLowerCase(); });

  function key(row, column) {
    var cell = row.cells[column];
    var value = cell ? cell.getAttribute("data-v") : null;
    if (value === null) return cell ? cell.textContent : "";
    var number = Number(value);
    return value !== "" && !isNaN(number) ? number : value;
  }

  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (th, column) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a, column), y = key(b, column);
        // Rows without a value (no cost, no target) stay last in either direction.
        if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        if (order === 0) order = Number(a.getAttribute("data-i")) - Number(b.getAttribute("data-i"));
        return ascending ? order : -order;
      });
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
    });
  });

  var search = document.getElementById("filter-text");
  var target = document.getElementById("filter-target");
  var problems = document.getElementById("filter-problems");
  var count = document.getElementById("filter-count");
  function apply() {
    var text = search ? search.value.trim().toLowerCase() : "";
    var wanted = target ? target.value : "";
    var onlyProblems = problems ? problems.checked : false;
    var shown = 0;
    rows.forEach(function (row, i) {
      var visible = (!text || texts[i].indexOf(text) >= 0) &&
                    (!wanted || row.getAttribute("data-target") === wanted) &&
                    (!onlyProblems || row.getAttribute("data-problems") === "1");
      row.classList.toggle("hidden", !visible);
      var article = document.getElementById(row.getAttribute("data-w"));
      if (article) article.classList.toggle("hidden", !visible);
      if (visible) shown++;
    });
    if (count) count.textContent = "Showing " + shown + " of " + rows.length + " workloads";
  }
  [search, target, problems].forEach(function (control) {
    if (control) control.addEventListener("input", apply);
  });
  if (problems) problems.addEventListener("change", apply);

  // Printed, every chart's table of numbers is shown with it.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.alt"), function (d) { d.open = true; });
  });
})();
