// The page's main script: overview first, the table sorted, filtered and paged, and the details of later
// workloads built when they are asked for. The page reads without it (every row and the first workloads' details).
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

  // --- Details on demand: after the first hundred, a workload's article is the text of a comment until it is
  // needed: scrolled to (the "more" line at the end of what is built), linked to, or printed.
  var waiting = [];  // comments of articles not yet built, in page order
  var byId = {};
  if (details) {
    Array.prototype.forEach.call(details.childNodes, function (node) {
      if (node.nodeType !== Node.COMMENT_NODE || node.data.indexOf("caas-workload ") !== 0) return;
      waiting.push(node);
      byId[node.data.slice(14, node.data.indexOf("\n"))] = node;
    });
  }
  var filteredOut = new Set();  // article ids the table's filter hides
  function build(comment) {
    var id = comment.data.slice(14, comment.data.indexOf("\n"));
    if (byId[id] !== comment) return;
    delete byId[id];
    var template = document.createElement("template");
    // The comment is the page's own markup, every piece of input in it escaped when the page was written.
    template.innerHTML = comment.data.slice(comment.data.indexOf("\n") + 1);
    var article = template.content.firstElementChild;
    if (article && filteredOut.has(article.id)) article.classList.add("hidden");
    comment.replaceWith(template.content);
  }
  function buildMore(count) {
    var built = 0;
    while (waiting.length && built < count) {
      var comment = waiting.shift();
      if (byId[comment.data.slice(14, comment.data.indexOf("\n"))] !== comment) continue;
      build(comment);
      built++;
    }
    var more = document.getElementById("more");
    if (more && !waiting.some(function (c) { return c.parentNode; })) more.remove();
  }
  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && byId[id]) {
      build(byId[id]);
      var article = document.getElementById(id);
      if (article) article.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();
  var more = document.getElementById("more");
  var moreButton = document.getElementById("show-more");
  if (moreButton) moreButton.addEventListener("click", function () { buildMore(100); });
  if (more && "IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) buildMore(20);
    }, { rootMargin: "1500px 0px" }).observe(more);
  }
  // Printed, every workload that is not filtered out is shown whole, and every chart's table of numbers with it.
  window.addEventListener("beforeprint", function () {
    buildMore(waiting.length);
    Array.prototype.forEach.call(document.querySelectorAll("details.alt"), function (d) { d.open = true; });
  });

  // --- The table: sorted by any column, filtered, shown a page at a time.
  var table = document.getElementById("portfolio-table");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (row) { return (row.getAttribute("data-text") || "").toLowerCase(); });
  var order = rows.slice();
  var pageSize = 100;
  var page = 0;
  var showAll = false;
  table.classList.add("paged");

  function key(row, column) {
    var cell = row.cells[column];
    var value = cell ? cell.getAttribute("data-v") : null;
    if (value === null) return cell ? cell.textContent : "";
    var number = Number(value);
    return value !== "" && !isNaN(number) ? number : value;
  }

  var search = document.getElementById("filter-text");
  var target = document.getElementById("filter-target");
  var problems = document.getElementById("filter-problems");
  var count = document.getElementById("filter-count");
  var pager = document.getElementById("pager");
  var previous = document.getElementById("page-previous");
  var next = document.getElementById("page-next");
  var all = document.getElementById("page-all");

  function matches(row) {
    var i = Number(row.getAttribute("data-i"));
    var text = search ? search.value.trim().toLowerCase() : "";
    var wanted = target ? target.value : "";
    return (!text || texts[i].indexOf(text) >= 0) &&
           (!wanted || row.getAttribute("data-target") === wanted) &&
           (!problems || !problems.checked || row.getAttribute("data-problems") === "1");
  }

  function render(filterChanged) {
    var shown = order.filter(matches);
    var pages = Math.max(1, Math.ceil(shown.length / pageSize));
    if (page >= pages) page = pages - 1;
    var first = showAll ? 0 : page * pageSize;
    var last = showAll ? shown.length : Math.min(shown.length, first + pageSize);
    var visible = new Set(shown.slice(first, last));
    rows.forEach(function (row) { row.classList.toggle("hidden", !visible.has(row)); });
    if (filterChanged) {
      var kept = new Set(shown);
      filteredOut.clear();
      rows.forEach(function (row) {
        var id = row.getAttribute("data-w");
        if (!kept.has(row)) filteredOut.add(id);
        var article = document.getElementById(id);
        if (article) article.classList.toggle("hidden", !kept.has(row));
      });
    }
    if (count) {
      count.textContent = shown.length === rows.length ? rows.length + " workloads"
                                                       : shown.length + " of " + rows.length + " workloads";
      if (shown.length > last - first) count.textContent += ", " + (first + 1) + "–" + last + " shown";
    }
    if (pager) pager.hidden = shown.length <= pageSize;
    if (previous) previous.disabled = showAll || page === 0;
    if (next) next.disabled = showAll || page >= pages - 1;
    if (all) all.textContent = showAll ? "Show " + pageSize + " at a time" : "Show all";
  }

  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (th, column) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      order = rows.slice().sort(function (a, b) {
        var x = key(a, column), y = key(b, column);
        // Rows without a value (no cost, no target) stay last in either direction.
        if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
        var by = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        if (by === 0) by = Number(a.getAttribute("data-i")) - Number(b.getAttribute("data-i"));
        return ascending ? by : -by;
      });
      var fragment = document.createDocumentFragment();
      order.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
      page = 0;
      render(false);
    });
  });
  [search, target, problems].forEach(function (control) {
    if (!control) return;
    control.addEventListener("input", function () { page = 0; render(true); });
    control.addEventListener("change", function () { page = 0; render(true); });
  });
  if (previous) previous.addEventListener("click", function () { page--; render(false); });
  if (next) next.addEventListener("click", function () { page++; render(false); });
  if (all) all.addEventListener("click", function () { showAll = !showAll; page = 0; render(false); });
  render(false);
})();
