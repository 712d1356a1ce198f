// levelscan report: sorting and filtering. The page is complete without
// this script; it only adds header buttons that sort a table by their
// column and shows the filter controls.
(function () {
  "use strict";

  // Sort rows by one column. Empty cells go last in either direction;
  // ties keep the rows' original order so the result is stable.
  function sortTable(table, th, index) {
    var numeric = th.getAttribute("data-kind") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      other.setAttribute("aria-sort", "none");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort") || "";
      var y = b.cells[index].getAttribute("data-sort") || "";
      var order = 0;
      if (x === "" || y === "") {
        order = (x === "" ? 1 : 0) - (y === "" ? 1 : 0);
      } else {
        order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        if (!ascending) order = -order;
      }
      return order || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
      row.setAttribute("data-order", String(i));
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.title = "Sort by this column";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () { sortTable(table, th, index); });
    });
  });

  // Filters: every element marked data-filterable (table rows and cards)
  // is shown only when it matches each chosen value.
  Array.prototype.forEach.call(document.querySelectorAll("form.filters"), function (form) {
    var output = form.querySelector("output");
    function apply() {
      var level = form.elements.level.value;
      var claim = form.elements.claim.value;
      var flag = form.elements.flag.value;
      var shown = 0;
      var total = 0;
      Array.prototype.forEach.call(document.querySelectorAll("[data-filterable]"), function (el) {
        var flags = (el.getAttribute("data-flags") || "").split(" ");
        var match = (!level || el.getAttribute("data-level") === level) &&
          (!claim || el.getAttribute("data-claim") === claim) &&
          (!flag || flags.indexOf(flag) !== -1);
        el.hidden = !match;
        if (el.tagName === "TR") {
          total += 1;
          if (match) shown += 1;
        }
      });
      output.textContent = "Showing " + shown + " of " + total + " candidates";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();
