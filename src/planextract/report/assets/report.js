// Draws the planextract report from the JSON in #report-data.
// Every value from the dataset reaches the page through textContent or a text
// node, never as markup, so a plan that prints a script tag shows it as text.
(function () {
  "use strict";
  var startMs = performance.now();
  var model = JSON.parse(document.getElementById("report-data").textContent);
  var parsedMs = performance.now();
  var C = {};
  model.action_columns.forEach(function (name, i) { C[name] = i; });
  var shared = model.shared_columns.map(function (name) { return C[name]; });
  model.actions.forEach(function (row) {
    for (var s = 0; s < shared.length; s++) {
      if (row[shared[s]] !== null) { row[shared[s]] = model.strings[row[shared[s]]]; }
    }
  });
  var docs = model.documents;
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function show(value) {
    if (value === null || value === undefined) { return ""; }
    if (Array.isArray(value)) { return value.join("; "); }
    return String(value);
  }
  function docName(i) {
    var d = docs[i];
    return d ? d.source : "";
  }
  function fileName(i) { return docName(i).split(/[\\/]/).pop(); }

  // A table with typing filter, sort on every column and pages of model.page_rows rows:
  // only one page of rows is ever in the DOM, so 10,000 rows do not freeze the page.
  function DataTable(container, options) {
    this.columns = options.columns;
    this.onRowClick = options.onRowClick || null;
    this.rowClass = options.rowClass || null;
    this.pageRows = options.pageRows || model.page_rows;
    this.extraFilter = null;
    this.sortIndex = -1;
    this.sortDir = 1;
    this.page = 0;
    var controls = el("div", "controls");
    this.input = el("input");
    this.input.type = "search";
    this.input.placeholder = options.placeholder || "Filter by typing…";
    this.input.setAttribute("aria-label", this.input.placeholder);
    controls.appendChild(this.input);
    (options.controls || []).forEach(function (c) { controls.appendChild(c); });
    this.count = el("span", "muted count");
    controls.appendChild(this.count);
    container.appendChild(controls);
    var scroll = el("div", "scroll");
    var table = el("table");
    var thead = el("thead");
    var headRow = el("tr");
    var self = this;
    this.headers = this.columns.map(function (col, i) {
      var th = el("th", null, col.label);
      th.addEventListener("click", function () { self.sortBy(i); });
      headRow.appendChild(th);
      return th;
    });
    thead.appendChild(headRow);
    table.appendChild(thead);
    this.body = el("tbody");
    table.appendChild(this.body);
    scroll.appendChild(table);
    container.appendChild(scroll);
    var pager = el("div", "pager");
    this.prev = el("button", null, "◀ previous");
    this.next = el("button", null, "next ▶");
    this.pageLabel = el("span", "muted");
    pager.appendChild(this.prev);
    pager.appendChild(this.pageLabel);
    pager.appendChild(this.next);
    container.appendChild(pager);
    this.prev.addEventListener("click", function () { self.page -= 1; self.draw(); });
    this.next.addEventListener("click", function () { self.page += 1; self.draw(); });
    var timer = null;
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.page = 0; self.refilter(); }, 60);
    });
    this.setRows(options.rows);
  }
  DataTable.prototype.setRows = function (rows) {
    var columns = this.columns;
    this.rows = rows;
    this.haystack = rows.map(function (row) {
      return columns.map(function (c) { return show(c.get(row)); }).join("\u0001").toLowerCase();
    });
    this.page = 0;
    this.refilter();
  };
  DataTable.prototype.refilter = function () {
    var terms = this.input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var hay = this.haystack;
    var extra = this.extraFilter;
    var rows = this.rows;
    var shown = [];
    for (var i = 0; i < rows.length; i++) {
      if (extra && !extra(rows[i])) { continue; }
      var text = hay[i];
      var all = true;
      for (var t = 0; t < terms.length; t++) {
        if (text.indexOf(terms[t]) < 0) { all = false; break; }
      }
      if (all) { shown.push(i); }
    }
    this.shown = shown;
    this.applySort();
    this.draw();
  };
  DataTable.prototype.sortBy = function (index) {
    this.sortDir = this.sortIndex === index ? -this.sortDir : 1;
    this.sortIndex = index;
    this.headers.forEach(function (th, i) {
      if (i === index) {
        th.setAttribute("aria-sort", this.sortDir > 0 ? "ascending" : "descending");
      } else { th.removeAttribute("aria-sort"); }
    }, this);
    this.applySort();
    this.page = 0;
    this.draw();
  };
  DataTable.prototype.applySort = function () {
    if (this.sortIndex < 0) { return; }
    var col = this.columns[this.sortIndex];
    var key = col.sort || col.get;
    var rows = this.rows;
    var dir = this.sortDir;
    var keys = {};
    this.shown.forEach(function (i) { keys[i] = show(key(rows[i])); });
    this.shown.sort(function (a, b) {
      var ka = keys[a], kb = keys[b];
      if (ka === "" && kb !== "") { return 1; }  // empty cells last either way
      if (kb === "" && ka !== "") { return -1; }
      return dir * collator.compare(ka, kb) || a - b;
    });
  };
  DataTable.prototype.draw = function () {
    var pages = Math.max(1, Math.ceil(this.shown.length / this.pageRows));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    var start = this.page * this.pageRows;
    var slice = this.shown.slice(start, start + this.pageRows);
    var fragment = document.createDocumentFragment();
    var self = this;
    slice.forEach(function (i) {
      var row = self.rows[i];
      var tr = el("tr", self.rowClass ? self.rowClass(row) : null);
      tr.dataset.row = String(i);
      self.columns.forEach(function (col) {
        var td = el("td", col.cls || null);
        if (col.render) { col.render(td, row); } else {
          td.appendChild(el("div", "clip", show(col.get(row))));  // whole text: row detail
        }
        tr.appendChild(td);
      });
      if (self.onRowClick) {
        tr.classList.add("clickable");
        tr.addEventListener("click", function () { self.onRowClick(row, tr); });
      }
      fragment.appendChild(tr);
    });
    this.body.replaceChildren(fragment);
    this.count.textContent = this.shown.length + " of " + this.rows.length + " rows";
    this.pageLabel.textContent = this.shown.length
      ? "rows " + (start + 1) + "–" + (start + slice.length) + " of " + this.shown.length
        + " (page " + (this.page + 1) + " of " + pages + ")"
      : "no rows";
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  };

  // ---- header
  var nActions = model.actions.length;
  var failed = docs.filter(function (d) { return d.status !== "ok"; }).length;
  document.getElementById("title").textContent = model.title;
  var summary = document.getElementById("summary");
  [docs.length + " documents", failed + " not read (failed, empty or missing)",
    nActions + " actions"].forEach(function (text) { summary.appendChild(el("span", null, text)); });

  // ---- actions (built first: the other sections link into it)
  var docSelect = el("select");
  docSelect.setAttribute("aria-label", "document");
  docSelect.appendChild(new Option("All documents (" + nActions + " actions)", "all"));
  docs.forEach(function (d, i) {
    docSelect.appendChild(new Option(d.source + " (" + (d.n_actions || 0) + ")", String(i)));
  });
  var chip = el("button", "chip");
  chip.hidden = true;
  chip.title = "clear this filter";
  var detail = document.getElementById("action-detail");
  var selectedRow = null;
  var actionsTable = new DataTable(document.getElementById("actions-table"), {
    rows: model.actions,
    placeholder: "Filter actions by typing…",
    controls: [docSelect, chip],
    columns: [
      { label: "document", get: function (r) { return fileName(r[C.doc]); } },
      { label: "no.", get: function (r) { return r[C.id]; }, cls: "nowrap" },
      { label: "action", get: function (r) { return r[C.action]; } },
      { label: "owners", get: function (r) { return r[C.owners]; } },
      { label: "due", get: function (r) { return r[C.due_raw]; },
        sort: function (r) { return r[C.due_date]; } },
      { label: "due date", get: function (r) { return r[C.due_date]; }, cls: "nowrap" },
      { label: "status", get: function (r) { return r[C.status]; } },
      { label: "where", get: function (r) { return r[C.where]; }, cls: "nowrap",
        sort: function (r) { return r[C.where].replace(/^\D+/, ""); } },
      { label: "flags", get: function (r) { return r[C.flags]; },
        render: function (td, r) {
          r[C.flags].forEach(function (f) { td.appendChild(el("span", "flag", f)); });
        } },
    ],
    onRowClick: function (row, tr) {
      if (selectedRow) { selectedRow.classList.remove("selected"); }
      tr.classList.add("selected");
      selectedRow = tr;
      showDetail(row);
    },
  });
  var docFilter = null, markFilter = null;
  function applyFilters() {
    actionsTable.extraFilter = (docFilter === null && markFilter === null) ? null : function (r) {
      return (docFilter === null || r[C.doc] === docFilter) && (markFilter === null || markFilter.test(r));
    };
    actionsTable.page = 0;
    actionsTable.refilter();
  }
  docSelect.addEventListener("change", function () {
    docFilter = docSelect.value === "all" ? null : Number(docSelect.value);
    applyFilters();
  });
  chip.addEventListener("click", function () { setMark(null); });
  function setMark(mark) {
    markFilter = mark;
    chip.hidden = mark === null;
    chip.textContent = mark ? mark.label + " ✕" : "";
    applyFilters();
  }
  function showRows(mark) {
    docFilter = null;
    docSelect.value = "all";
    setMark(mark);
    document.getElementById("actions").scrollIntoView();
  }
  function showDocument(i) {
    docFilter = i;
    docSelect.value = String(i);
    setMark(null);
    document.getElementById("actions").scrollIntoView();
  }
  function showDetail(r) {
    detail.hidden = false;
    var dl = el("dl");
    var fields = [["document", docName(r[C.doc])], ["table", r[C.table]], ["section", r[C.section]],
      ["objective", r[C.objective]], ["outcome", r[C.outcome]], ["number", r[C.id]],
      ["number as printed", r[C.id_raw]], ["action", r[C.action]], ["owners", r[C.owners]],
      ["owner cell as printed", r[C.owners_raw]], ["people", r[C.people]],
      ["due as printed", r[C.due_raw]], ["due kind", r[C.due_kind]], ["due date", r[C.due_date]],
      ["due start", r[C.due_start]], ["status", r[C.status]], ["RAG", r[C.rag]],
      ["strands", r[C.strands]], ["where", r[C.where]], ["flags", r[C.flags]],
      ["needs a look", r[C.review]]];
    r[C.extra].forEach(function (kv) { fields.push([kv[0], kv[1]]); });
    fields.forEach(function (f) {
      if (show(f[1]) === "") { return; }
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, show(f[1])));
    });
    detail.replaceChildren(el("h3", null, "Row detail"), dl);
  }

  // ---- documents
  new DataTable(document.getElementById("documents-table"), {
    rows: docs.map(function (d, i) { return { d: d, i: i }; }),
    placeholder: "Filter documents…",
    columns: [
      { label: "document", get: function (x) { return x.d.source; } },
      { label: "format", get: function (x) { return x.d.source_format; }, cls: "nowrap" },
      { label: "pages", get: function (x) { return x.d.pages; }, cls: "num" },
      { label: "status", get: function (x) { return x.d.status; },
        render: function (td, x) { td.textContent = x.d.status; td.className = "status-" + x.d.status; } },
      { label: "actions", get: function (x) { return x.d.n_actions; }, cls: "num" },
      { label: "warnings", get: function (x) { return x.d.warnings; } },
      { label: "error", get: function (x) { return x.d.error; } },
    ],
    onRowClick: function (x) { showDocument(x.i); },
  });

  // ---- flags and rows that need a look
  function countLinks(container, items, makeMark) {
    if (!items.length) { container.appendChild(el("p", "muted", "none")); }
    items.forEach(function (item) {
      var row = el("div");
      var mark = makeMark(item);
      row.appendChild(el("span", null, mark.label));
      var link = el("button", "link", item.count);
      link.dataset.mark = mark.code;
      link.disabled = item.count === 0;
      link.addEventListener("click", function () { showRows(mark); });
      row.appendChild(link);
      container.appendChild(row);
    });
  }
  countLinks(document.getElementById("flag-counts"), model.flags, function (item) {
    return { code: "flag:" + item.flag, label: item.flag,
      test: function (r) { return r[C.flags].indexOf(item.flag) >= 0; } };
  });
  countLinks(document.getElementById("review-counts"), model.review, function (item) {
    return { code: "review:" + item.reason, label: item.label,
      test: function (r) { return r[C.review].indexOf(item.reason) >= 0; } };
  });

  // ---- roles
  document.getElementById("roles-origin").textContent = model.roles_origin === "roles"
    ? "From the dataset's roles table: every printed spelling and how it was tied to its role. "
      + "Roles with several spellings come first (highlighted)."
    : "The dataset has no roles table: each owner is shown with the printed owner cells it "
      + "was read from.";
  new DataTable(document.getElementById("roles-table"), {
    rows: model.roles,
    placeholder: "Filter roles…",
    columns: [
      { label: "role", get: function (x) { return x.role; } },
      { label: "spelling as printed", get: function (x) { return x.spelling; } },
      { label: "how", get: function (x) { return x.match; }, cls: "nowrap" },
      { label: "mentions", get: function (x) { return x.mentions; }, cls: "num" },
      { label: "documents", get: function (x) { return x.docs.map(fileName); } },
    ],
    rowClass: function (x) { return x.spellings > 1 ? "merge" : null; },
  });

  // ---- charts (inline SVG drawn here; labels as text nodes)
  function chart(container, title, bins, horizontal) {
    var box = el("div", "chart");
    box.appendChild(el("h3", null, title));
    if (!bins.length) { box.appendChild(el("p", "muted", "nothing to draw")); container.appendChild(box); return; }
    var max = Math.max.apply(null, bins.map(function (b) { return b[1]; })) || 1;
    var root;
    if (horizontal) {
      var rowH = 16, labelW = 190, barW = 180;
      root = svg("svg", { viewBox: "0 0 " + (labelW + barW + 40) + " " + (bins.length * rowH + 4),
        role: "img" });
      bins.forEach(function (b, i) {
        var y = i * rowH + 2;
        var label = b[0].length > 38 ? b[0].slice(0, 37) + "…" : b[0];
        root.appendChild(svg("text", { x: labelW - 4, y: y + 11, "text-anchor": "end" }, label));
        var w = Math.max(1, b[1] / max * barW);
        var bar = svg("rect", { x: labelW, y: y, width: w, height: rowH - 4, "class": "bar" });
        bar.appendChild(svg("title", {}, b[0] + ": " + b[1]));
        root.appendChild(bar);
        root.appendChild(svg("text", { x: labelW + w + 4, y: y + 11 }, b[1]));
      });
    } else {
      var width = 400, height = 140, base = 110, pad = 24;
      var step = Math.min(40, (width - 2 * pad) / bins.length);
      root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
      root.appendChild(svg("line", { x1: pad, y1: base, x2: width - pad, y2: base }));
      var every = Math.ceil(bins.length / 8);
      bins.forEach(function (b, i) {
        var h = b[1] / max * (base - 14);
        var bar = svg("rect", { x: pad + i * step + 1, y: base - h, width: Math.max(1, step - 2),
          height: h, "class": "bar" });
        bar.appendChild(svg("title", {}, b[0] + ": " + b[1]));
        root.appendChild(bar);
        if (i % every === 0) {
          root.appendChild(svg("text", { x: pad + i * step + step / 2, y: base + 12,
            "text-anchor": "middle" }, b[0]));
        }
      });
      root.appendChild(svg("text", { x: 2, y: 10 }, "max " + max));
    }
    box.appendChild(root);
    container.appendChild(box);
  }
  var overall = document.getElementById("charts-overall");
  chart(overall, "Deadlines over time, all documents", model.deadlines, false);
  chart(overall, "Actions per owner (largest " + model.owners_chart.length + ")",
    model.owners_chart, true);
  var perDoc = document.getElementById("charts-documents");
  var charted = Object.keys(model.deadlines_by_document);
  charted.slice(0, model.document_charts).forEach(function (i) {
    chart(perDoc, docName(Number(i)), model.deadlines_by_document[i], false);
  });
  if (charted.length > model.document_charts) {
    perDoc.appendChild(el("p", "muted", (charted.length - model.document_charts)
      + " more documents not drawn here: choose one under Actions and sort by due date."));
  }

  window.planextractReport = { startMs: startMs, parsedMs: parsedMs, readyMs: performance.now(),
    actions: actionsTable };
  document.body.dataset.ready = "1";
  // the first frame drawn after the tables: when a person sees the page
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.planextractReport.shownMs = performance.now();
      document.body.dataset.shown = "1";
    }, 0);
  });
})();
