// Draws the planextract report from the JSON in #report-data.
// Every value from the dataset reaches the page through textContent or a text
// node, never as markup, so a plan that prints a script tag shows it as text.
// Runs after table.js, inside the same function (page.py joins them).
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
  function docName(i) {
    var d = docs[i];
    return d ? d.source : "";
  }
  function fileName(i) { return docName(i).split(/[\\/]/).pop(); }

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
    pageRows: model.page_rows,
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
    pageRows: model.page_rows,
    placeholder: "Filter documents…",
    columns: [
      { label: "document", get: function (x) { return x.d.source; } },
      { label: "plan", get: function (x) {
        return [x.d.organisation, x.d.plan_title].filter(Boolean).join(": ");
      } },
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
    pageRows: model.page_rows,
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
