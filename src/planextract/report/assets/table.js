// DOM helpers and the paged, filterable, sortable table the report uses.
// Values are written with textContent or as text nodes, never as markup.

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

  // A table with typing filter, sort on every column and pages of options.pageRows rows:
  // only one page of rows is ever in the DOM, so 10,000 rows do not freeze the page.
  function DataTable(container, options) {
    this.columns = options.columns;
    this.onRowClick = options.onRowClick || null;
    this.rowClass = options.rowClass || null;
    this.pageRows = options.pageRows;
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

