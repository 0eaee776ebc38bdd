/* storydiff report: filters, search, jumps between the claims and the articles, keyboard.
   State lives in the URL hash (filter, outlet, q, focus) so a link reopens the same view.
   Work per row stays small: filtering toggles `hidden`; the search text of each row is read once. */
(function () {
  "use strict";
  var FILTERS = ["all", "conflicts", "relayed", "unique", "everywhere"];
  var KEY_FILTERS = { c: "conflicts", r: "relayed", u: "unique", e: "everywhere", "0": "all" };
  var rows = Array.prototype.slice.call(document.querySelectorAll("#rows > .row"));
  var form = document.getElementById("filters");
  var search = document.getElementById("q");
  var outletSel = document.getElementById("outlet");
  var status = document.getElementById("status");
  var noRows = document.getElementById("no-rows");
  var backBtn = document.getElementById("back");
  var keys = document.getElementById("keys");
  var keysToggle = document.getElementById("keys-toggle");
  var state = { filter: "all", outlet: "", q: "", focus: "" };
  var texts = null;
  var backStack = [];
  var searchTimer = 0;

  function rowText(i) {
    if (texts === null) {
      texts = rows.map(function (r) { return r.textContent.toLowerCase().replace(/\s+/g, " "); });
    }
    return texts[i];
  }

  function matches(r, i, terms) {
    var d = r.dataset;
    if (state.filter === "conflicts" && d.conflict !== "1") return false;
    if (state.filter === "relayed" && d.relayed !== "1") return false;
    if (state.filter === "everywhere" && d.all !== "1") return false;
    if (state.filter === "unique" && (d.kind !== "unique" || (state.outlet && d.outlet !== state.outlet))) return false;
    for (var k = 0; k < terms.length; k++) {
      if (rowText(i).indexOf(terms[k]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = matches(rows[i], i, terms);
      if (rows[i].hidden === ok) rows[i].hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = shown === rows.length ? rows.length + " rows" : shown + " of " + rows.length + " rows";
    noRows.hidden = shown !== 0;
  }

  function syncControls() {
    var radios = form.elements.namedItem("filter");
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === state.filter;
    outletSel.value = state.outlet;
    if (search.value !== state.q) search.value = state.q;
  }

  function writeHash(push) {
    var p = new URLSearchParams();
    if (state.filter !== "all") p.set("filter", state.filter);
    if (state.outlet) p.set("outlet", state.outlet);
    if (state.q) p.set("q", state.q);
    if (state.focus) p.set("focus", state.focus);
    var h = p.toString();
    var url = h ? "#" + h : location.pathname + location.search;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  function readHash() {
    var raw = location.hash.slice(1);
    if (raw.indexOf("=") < 0) {
      // A plain anchor (#claim-c3, #s-outlet-4): treat it as the focus with every row shown.
      var el = raw ? document.getElementById(decodeURIComponent(raw)) : null;
      var focusable = el && (el.classList.contains("row") || el.classList.contains("s"));
      state = { filter: "all", outlet: "", q: "", focus: focusable ? el.id : "" };
      return;
    }
    var p = new URLSearchParams(raw);
    var f = p.get("filter") || "all";
    state = {
      filter: FILTERS.indexOf(f) >= 0 ? f : "all",
      outlet: p.get("outlet") || "",
      q: p.get("q") || "",
      focus: p.get("focus") || ""
    };
  }

  function setCurrent(el) {
    var old = document.querySelectorAll(".current");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("current");
    if (el) el.classList.add("current");
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function reveal(el) {
    if (el.classList.contains("row") && el.hidden) {
      state.filter = "all"; state.outlet = ""; state.q = "";
      syncControls(); apply();
    }
  }

  function focusEl(el, block) {
    reveal(el);
    el.scrollIntoView({ block: block || "center" });
    if (el.classList.contains("row")) el.focus({ preventScroll: true });
    setCurrent(el);
    state.focus = el.id;
  }

  // Jump to an element by id; `from` is where the reader was, for the back button.
  function jump(id, from) {
    var el = document.getElementById(id);
    if (!el) return;
    if (from) { backStack.push(from); backBtn.hidden = false; }
    focusEl(el, "center");
    flash(el);
    writeHash(true);
  }

  function back() {
    var id = backStack.pop();
    backBtn.hidden = backStack.length === 0;
    if (id) {
      var el = document.getElementById(id);
      if (el) { focusEl(el, "center"); flash(el); writeHash(true); }
    }
  }

  // Step to the next visible row in document order, even from a row the filter has just hidden.
  function move(step) {
    var at = -1;
    for (var i = 0; i < rows.length; i++) if (rows[i].id === state.focus) at = i;
    var k = at < 0 ? (step > 0 ? 0 : rows.length - 1) : at + step;
    while (k >= 0 && k < rows.length && rows[k].hidden) k += step;
    if (k < 0 || k >= rows.length) return;
    focusEl(rows[k], "nearest");
    writeHash(false);
  }

  function setFilter(f) {
    state.filter = f;
    if (f !== "unique") state.outlet = "";
    syncControls(); apply(); writeHash(false);
  }

  function rowOf(el) {
    while (el && !(el.classList && el.classList.contains("row"))) el = el.parentElement;
    return el;
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("change", function (e) {
    var t = e.target;
    if (t.name === "filter") {
      state.filter = t.value;
      if (t.value !== "unique") state.outlet = "";  // no stale outlet in the link after "All"
    } else if (t.name === "outlet") {
      state.outlet = t.value;
      if (t.value) state.filter = "unique";
    } else return;
    syncControls(); apply(); writeHash(false);
  });
  search.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      state.q = search.value.trim();
      apply(); writeHash(false);
    }, 120);
  });

  document.addEventListener("click", function (e) {
    var t = e.target;
    var link = t.closest ? t.closest("a[href^='#']") : null;
    if (link) {
      var href = link.getAttribute("href").slice(1);
      if (href.indexOf("=") >= 0) {
        // A link to a view (#filter=conflicts): apply it and go to the claims.
        e.preventDefault();
        var p = new URLSearchParams(href);
        var f = p.get("filter") || "all";
        state = { filter: FILTERS.indexOf(f) >= 0 ? f : "all", outlet: p.get("outlet") || "", q: "", focus: "" };
        syncControls(); apply(); writeHash(true);
        document.getElementById("claims").scrollIntoView({ block: "start" });
        return;
      }
      var id = decodeURIComponent(href);
      var el = document.getElementById(id);
      if (!el) return;
      e.preventDefault();
      if (el.tagName === "SECTION") { el.scrollIntoView({ block: "start" }); return; }
      var here = rowOf(link);
      var from = here ? here.id : "";
      if (!from) {
        var read = link.closest(".read");
        if (read) {
          var s = link.previousElementSibling;
          while (s && !(s.classList.contains("s"))) s = s.previousElementSibling;
          from = s ? s.id : read.id;
        } else {
          var fig = link.closest("figure, section");
          from = fig ? fig.id : "";
        }
      }
      jump(id, from);
      return;
    }
    if (String(window.getSelection ? window.getSelection() : "")) return;
    var sent = t.closest ? t.closest(".s") : null;
    if (!sent) return;
    if (sent.dataset.target) {
      jump(sent.dataset.target, sent.id);
    } else if (sent.dataset.a) {
      var row = rowOf(sent);
      jump("s-" + sent.dataset.a + "-" + sent.dataset.i, row ? row.id : "");
    }
  });

  backBtn.addEventListener("click", back);
  var allEdits = document.getElementById("all-edits");
  allEdits.addEventListener("change", function () {
    document.getElementById("articles").classList.toggle("all-edits", allEdits.checked);
  });

  function toggleKeys(show) {
    keys.hidden = show === undefined ? !keys.hidden : !show;
    keysToggle.setAttribute("aria-expanded", String(!keys.hidden));
  }
  keysToggle.addEventListener("click", function () { toggleKeys(); });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var tag = t && t.tagName;
    // Radio buttons and check boxes take no letters, so shortcuts keep working after a filter click.
    var typing = tag === "SELECT" || tag === "TEXTAREA" || (t && t.isContentEditable) ||
      (tag === "INPUT" && t.type !== "radio" && t.type !== "checkbox");
    if (typing) {
      if (e.key === "Escape") {
        if (t === search && search.value) { search.value = ""; state.q = ""; apply(); writeHash(false); }
        t.blur();
        e.preventDefault();
      }
      return;
    }
    var k = e.key;
    if (k === "j") move(1);
    else if (k === "k") move(-1);
    else if (k === "/") { search.focus(); search.select(); }
    else if (k === "b") back();
    else if (k === "?") toggleKeys();
    else if (k === "Escape") { toggleKeys(false); setCurrent(null); state.focus = ""; writeHash(false); }
    else if (KEY_FILTERS[k]) setFilter(KEY_FILTERS[k]);
    else if (k === "Enter" && document.activeElement && document.activeElement.classList.contains("row")) {
      var first = document.activeElement.querySelector(".cell .s");
      if (!first) return;
      jump("s-" + first.dataset.a + "-" + first.dataset.i, document.activeElement.id);
    } else return;
    e.preventDefault();
  });

  window.addEventListener("popstate", function () {
    readHash(); syncControls(); apply();
    var el = state.focus && document.getElementById(state.focus);
    if (el) { el.scrollIntoView({ block: "center" }); setCurrent(el); }
  });

  readHash();
  syncControls();
  apply();
  if (state.focus) {
    var start = document.getElementById(state.focus);
    if (start) focusEl(start, "center");
  }
  document.documentElement.classList.add("js");
}());
