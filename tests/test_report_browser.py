"""The report opened in a real headless browser: Debian's Chromium driven by Playwright.

Playwright's own browser download is not reachable here, so the system Chromium is
launched by path; ``.ci/run`` installs it when missing. This test does not skip: a
machine without Chromium fails it with the command that installs it.
Screenshots go to out/report-*.png.
"""

import os
from pathlib import Path

import pyarrow as pa
import pytest
from conftest import ROOT

from planextract.pipeline.cli import main
from planextract.report.dataset import load
from planextract.report.review import provenance
from planextract.schema import SCHEMAS, write_dataset

CHROMIUM = Path(os.environ.get("PLANEXTRACT_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-extensions", "--disable-dev-shm-usage", "--no-first-run"]
SHOTS = ROOT / "out"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    assert CHROMIUM.exists(), (f"no Chromium at {CHROMIUM}: apt-get install -y chromium "
                               "(or set PLANEXTRACT_CHROMIUM)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A report open in a page, with every console error and page error it raised."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=20_000)

    def count(self) -> str:
        return self.page.text_content("#actions-table .count")

    def type_filter(self, text: str, expected: int, total: int):
        self.page.fill("#actions-table input[type=search]", text)
        self.page.wait_for_function(
            "want => document.querySelector('#actions-table .count').textContent === want",
            arg=f"{expected} of {total} rows", timeout=10_000)

    def column(self, label: str) -> list[str]:
        """The texts of one column of the actions table, page shown, top to bottom."""
        labels = self.page.locator("#actions-table th").all_inner_texts()
        n = [x.strip(" ▲▼") for x in labels].index(label) + 1
        cells = self.page.locator(f"#actions-table tbody tr td:nth-child({n})")
        return [t.strip() for t in cells.all_inner_texts()]

    def shown_rows(self) -> list[str]:
        return self.page.locator("#actions-table tbody tr").all_inner_texts()


def haystack(row: dict) -> str:
    """What the actions filter searches, as the page builds it (report.js, actions table)."""
    cells = [Path(row["source"]).name, row["action_id"], row["action"],
             "; ".join(row["owners"]), row["due_raw"],
             row["due_date"].isoformat() if row["due_date"] else None, row["progress"],
             provenance(row), "; ".join(row["flags"])]
    return "\x01".join("" if c is None else str(c) for c in cells).lower()


def matching(rows: list[dict], text: str) -> list[dict]:
    terms = text.lower().split()
    return [r for r in rows if all(t in haystack(r) for t in terms)]


@pytest.fixture(scope="module")
def samples_report(samples_dataset, tmp_path_factory):
    """The samples' report: its dataset and the page written beside it."""
    page = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(samples_dataset), "-o", str(page)]) == 0
    return samples_dataset, page


def test_samples_report_lists_every_document_and_raises_no_errors(browser, samples_report):
    dataset, page = samples_report
    opened = Opened(browser, page)
    data = load(dataset)
    listed = opened.page.locator("#documents-table tbody tr td:first-child").all_inner_texts()
    assert sorted(listed) == sorted(data.documents.column("source").to_pylist())
    assert opened.count() == f"{data.actions.num_rows} of {data.actions.num_rows} rows"
    # every chart drew its bars: overall deadlines, owners, one per document with dates
    assert opened.page.locator("#charts-overall svg").count() == 2
    assert opened.page.locator("#charts-documents svg").count() == data.documents.num_rows
    SHOTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(SHOTS / "report-samples.png"))
    opened.page.locator("#roles").screenshot(path=str(SHOTS / "report-roles.png"))
    assert opened.errors == []
    assert all(u.startswith("file:") for u in opened.requests), opened.requests


def test_typing_in_the_filter_leaves_the_matching_rows(browser, samples_report):
    dataset, page = samples_report
    opened = Opened(browser, page)
    rows = load(dataset).actions.to_pylist()
    want = matching(rows, "Diversity Manager")
    assert 0 < len(want) < len(rows)
    opened.type_filter("Diversity Manager", len(want), len(rows))
    shown = opened.shown_rows()
    assert len(shown) == min(len(want), 100)
    assert all("diversity" in s.lower() and "manager" in s.lower() for s in shown)
    # two words: both must be in the row, anywhere
    want = matching(rows, "publish 2011")
    assert 0 < len(want)
    opened.type_filter("publish 2011", len(want), len(rows))
    # one document chosen in the selector narrows it further
    docs = load(dataset).documents.to_pylist()
    chosen = next(d for d in docs if d["source"].endswith(
        "cheshire-probation_ses-action-plan-year3-2011-12.txt"))
    opened.page.select_option("#actions-table select",
                              label=f"{chosen['source']} ({chosen['n_actions']})")
    want = [r for r in want if r["source"].endswith("cheshire-probation_ses-action-plan-year3"
                                                    "-2011-12.txt")]
    opened.page.wait_for_function(
        "want => document.querySelector('#actions-table .count').textContent === want",
        arg=f"{len(want)} of {len(rows)} rows")
    assert opened.errors == []


def test_a_flag_count_shows_the_rows_that_carry_it_and_columns_sort(browser, samples_report):
    dataset, page = samples_report
    opened = Opened(browser, page)
    rows = load(dataset).actions.to_pylist()
    renumbered = [r for r in rows if "renumbered" in r["flags"]]
    opened.page.click("#flag-counts button[data-mark='flag:renumbered']")
    opened.page.wait_for_function(
        "want => document.querySelector('#actions-table .count').textContent === want",
        arg=f"{len(renumbered)} of {len(rows)} rows")
    assert sorted(opened.column("no.")) == sorted(
        r["action_id"] for r in renumbered)
    opened.page.set_viewport_size({"width": 1200, "height": 760})
    opened.page.click("#flag-counts button[data-mark='flag:date_impossible']")
    impossible = [r for r in rows if "date_impossible" in r["flags"]]
    assert opened.count() == f"{len(impossible)} of {len(rows)} rows"
    assert set(opened.column("due date")) == {""}  # an impossible date has no due_date
    opened.page.screenshot(path=str(SHOTS / "report-actions.png"))  # docs/report.png
    opened.page.click("#actions-table button.chip")  # clears the flag filter
    opened.page.click("#actions-table th:has-text('due date')")
    dates = [r["due_date"].isoformat() for r in rows if r["due_date"]]
    assert opened.column("due date")[0] == min(dates)
    opened.page.click("#actions-table th:has-text('due date')")
    assert opened.column("due date")[0] == max(dates)
    assert opened.errors == []


HOSTILE_PLAN = (
    "Hostile Trust &lt;script&gt;window.__pwned=1&lt;/script&gt; Equality Action Plan\n\n"
    "Action No\tAction\tLead\tTarget date\tProgress\n"
    "1.1\tPublish &lt;script&gt;window.__pwned=1&lt;/script&gt; the report\t"
    "HR Manager &lt;img src=x onerror=\"window.__pwned=2\"&gt;\tMarch 2012\t"
    "&lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;\n"
    "1.2\tReview the &lt;!--&lt;script&gt; policy @@JS@@\tDiversity Manager\t31.3.12\tDone\n"
)


def test_a_plan_that_prints_script_shows_it_as_text_and_runs_nothing(browser, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "<img src=x onerror=window.__pwned=4>.txt").write_text(HOSTILE_PLAN)
    (plans / "empty.txt").write_text("")
    (plans / "broken.pdf").write_bytes(b"%PDF-1.4 <script>window.__pwned=5</script>\x00")
    out = tmp_path / "out"
    assert main(["extract", str(plans), "--out", str(out)]) == 1  # one failed, one empty
    assert main(["report", str(out), "-o", str(out / "report.html")]) == 0
    opened = Opened(browser, out / "report.html")
    page = opened.page
    page.click("#actions-table tbody tr >> nth=0")  # the row's detail shows every field
    text = page.inner_text("body")
    assert "Publish <script>window.__pwned=1</script> the report" in text
    assert 'HR Manager <img src=x onerror="window.__pwned=2">' in text
    assert "Review the <!--<script> policy @@JS@@" in text
    assert "Hostile Trust <script>window.__pwned=1</script> Equality Action Plan" in text
    assert "<img src=x onerror=window.__pwned=4>.txt" in text
    statuses = page.locator("#documents-table tbody tr td:nth-child(5)").all_inner_texts()
    assert statuses == ["failed", "empty", "ok"]  # failures first, each with its message
    first = page.locator("#documents-table tbody tr").first.inner_text()
    assert "broken.pdf" in first and "not a readable PDF" in first
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 2
    page.screenshot(path=str(SHOTS / "report-hostile.png"), full_page=True)
    assert opened.errors == []


def replicated(dataset: Path, copies: int, root: Path) -> Path:
    """The samples' dataset ``copies`` times over, each copy its own documents: a large
    dataset with the lengths and repetitions of real plan text."""
    data = load(dataset)
    actions, documents = [], []
    for k in range(copies):
        for rows, into in ((data.actions.to_pylist(), actions),
                           (data.documents.to_pylist(), documents)):
            for row in rows:
                row["doc_id"] = f"{k:03d}" + row["doc_id"][3:]
                row["source"] = f"copy-{k:02d}/" + Path(row["source"]).name
                into.append(row)
    write_dataset(root, {
        "actions": pa.Table.from_pylist(actions, schema=SCHEMAS["actions"]),
        "documents": pa.Table.from_pylist(documents, schema=SCHEMAS["documents"])})
    return root


def test_ten_thousand_rows_page_and_filter(browser, samples_dataset, tmp_path):
    """How fast they show is measured by scripts/bench_report.py, not here."""
    root = replicated(samples_dataset, 12, tmp_path / "big")
    rows = load(root).actions.to_pylist()
    assert len(rows) == 12 * 880 > 10_000
    assert main(["report", str(root), "-o", str(root / "report.html")]) == 0
    opened = Opened(browser, root / "report.html")
    opened.page.wait_for_selector("body[data-shown='1']")
    assert opened.count() == f"{len(rows)} of {len(rows)} rows"
    assert len(opened.shown_rows()) == 100  # one page in the DOM, not 10,000 rows
    opened.page.click("#actions-table .pager button:has-text('next')")
    assert opened.page.text_content("#actions-table .pager span") == (
        f"rows 101–200 of {len(rows)} (page 2 of {-(-len(rows) // 100)})")
    want = matching(rows, "diversity manager")
    assert len(want) == 12 * len(matching(load(samples_dataset).actions.to_pylist(),
                                          "diversity manager"))
    opened.type_filter("diversity manager", len(want), len(rows))
    assert all("diversity" in s.lower() and "manager" in s.lower()
               for s in opened.shown_rows())
    opened.page.screenshot(path=str(SHOTS / "report-10000.png"))
    assert opened.errors == []
