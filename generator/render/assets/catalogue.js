// Filters, counts and sorting for the mechanism catalogue. The table is complete without this
// script (it works with JavaScript off and prints whole); the script only hides rows, and keeps
// the filter state in the address so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.querySelector("form[data-kb-filters]");
  var table = document.querySelector("table[data-kb-catalogue]");
  if (!form || !table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = form.querySelector(".kb-filter-count");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var checks = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  function matches(row) {
    var ok = selects.every(function (s) {
      return !s.value || (row.getAttribute("data-" + s.name) || "").split(" ").indexOf(s.value) >= 0;
    });
    return ok && checks.every(function (c) {
      var covered = row.getAttribute("data-" + c.name);
      return !c.checked || covered === "yes" || covered === "partial";
    });
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = form.getAttribute("data-shown")
      .replace("{shown}", shown).replace("{total}", rows.length);
    var params = new URLSearchParams();
    selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    checks.forEach(function (c) { if (c.checked) params.set(c.name, "yes"); });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var value = params.get(s.name);
      if (value && s.querySelector('option[value="' + CSS.escape(value) + '"]')) s.value = value;
    });
    checks.forEach(function (c) { c.checked = params.get(c.name) === "yes"; });
  }

  // Sorting: each column heading becomes a button; a second press reverses the order.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-sort";
    button.textContent = cell.textContent;
    button.title = form.getAttribute("data-sort") + ": " + cell.textContent;
    cell.textContent = "";
    cell.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = cell.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var order = a.cells[index].textContent.localeCompare(b.cells[index].textContent);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  form.hidden = false;
  var staticCount = document.querySelector(".kb-count");
  if (staticCount) staticCount.hidden = true;  // the live count replaces it
  if (window.location.search) form.querySelector("details").open = true;
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  restore();
  apply();
})();
