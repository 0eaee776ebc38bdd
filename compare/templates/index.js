(function () {
  "use strict";
  var table = document.getElementById("events");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = table.tHead.rows[0].cells;
  function key(row, col, type) {
    var v = row.cells[col].getAttribute("data-v");
    return type === "num" ? parseFloat(v) || 0 : v.toLowerCase();
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var type = th.getAttribute("data-type");
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = key(a, col, type), y = key(b, col, type);
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filter = document.getElementById("filter");
  var minOutlets = document.getElementById("min-outlets");
  var onlyConflicts = document.getElementById("only-conflicts");
  var shown = document.getElementById("shown");
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var min = parseInt(minOutlets.value, 10) || 0;
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) !== -1)
        && parseInt(r.getAttribute("data-articles"), 10) >= min
        && (!onlyConflicts.checked || parseInt(r.getAttribute("data-conflicts"), 10) > 0);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + rows.length + " shown";
  }
  [filter, minOutlets, onlyConflicts].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
}());
