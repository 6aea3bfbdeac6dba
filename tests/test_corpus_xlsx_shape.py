"""The third round of held-out shapes, its ``xlsx`` part (session 24,
scripts/corpus/write_xlsx.py): it follows every earlier shape's documents (the labelled
ones of test_corpus_shapes3 too) without moving them, its workbooks hold what
it says (real dates under number formats that print them as the gold's printed
value, owners merged down, a hidden column and sheet), and the pipeline reads it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from corpus_score import scored

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, schedule  # noqa: E402
from corpus.shapes import SHAPE_FORMATS  # noqa: E402
from corpus.write_xlsx import as_date  # noqa: E402

from planextract.extract.xlsx_printed import printed  # noqa: E402
from planextract.settings import XlsxSettings  # noqa: E402

SEED = 6
EARLIER = ["pdf-plain", "docx-shapes", "html-shapes", "docx-nested", "html-lists", "text-grid",
           "csv-euro", "docx-labelled", "text-labelled", "pdf-labelled"]
# seed 6, after the labelled shapes: 102 issue-action, 103 theme, 104 delivery (two
# tables), 105 per-strand (its `Equalities Officer` labelled as the vocabulary's
# `Equality Officer`); read whole, every owner right
SLICE = {102, 103, 104, 105}



@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> tuple[Path, dict[int, dict]]:
    out = tmp_path_factory.mktemp("shapes3")
    return out, {m["index"]: m for m in generate(out, SEED, indexes=SLICE, shapes=True)}


def test_the_third_round_follows_the_second():
    # the fourth round (test_corpus_timeline_shape) follows
    assert list(SHAPE_FORMATS)[:len(EARLIER) + 1] == EARLIER + ["xlsx"]
    shaped = schedule(SEED, shapes=True)
    earlier = [d for d in shaped if d[1] in EARLIER]
    assert max(i for i, _, _ in earlier) < min(i for i, f, _ in shaped if f == "xlsx")
    assert [f for _, f, _ in shaped if f == "xlsx"] == ["xlsx"] * 4
    xlsx = [i for i, f, _ in shaped if f == "xlsx"]
    assert xlsx == list(range(xlsx[0], xlsx[0] + 4))  # one run, as before


def test_a_printed_date_is_stored_only_where_a_format_prints_it_back():
    assert as_date("31/03/2012")[0] == dt.datetime(2012, 3, 31)
    assert as_date("Jan-13")[0] == dt.datetime(2013, 1, 1)
    for text in ("Sept 2012", "31.6.10", "30/02/2012", "Q3 2011/12", "31st March 2013"):
        assert as_date(text) is None, text  # no format prints it: typed as text


def test_the_workbooks_hold_what_they_say(workbooks):
    out, entries = workbooks
    dates = hidden_columns = hidden_rows = hidden_sheets = merged = 0
    for entry in entries.values():
        book = openpyxl.load_workbook(out / "docs" / entry["file"], data_only=True)
        hidden_sheets += sum(ws.sheet_state != "visible" for ws in book.worksheets)
        sheet = book.worksheets[0]
        hidden_columns += sum(d.hidden for d in sheet.column_dimensions.values())
        hidden_rows += sum(d.hidden for ws in book.worksheets
                           for d in ws.row_dimensions.values())
        merged += len(sheet.merged_cells.ranges)
        gold = [json.loads(line) for line in
                (out / "gold" / f"{entry['file']}.jsonl").read_text().splitlines()]
        printed_dates = {g["due_raw"] for g in gold} | {
            part for g in gold for part in (g["due_raw"] or "").split(" – ")}
        for cell in sheet._cells.values():
            if isinstance(cell.value, dt.datetime):
                dates += 1  # a real date prints as the gold's printed value
                shown = printed(cell.value, cell.number_format, cell._style.numFmtId,
                                XlsxSettings())
                assert shown in printed_dates, (entry["file"], cell.coordinate, shown)
    assert dates >= 10 and hidden_columns >= 3 and hidden_sheets == 4 and merged >= 8
    assert hidden_rows >= 1  # withdrawn actions: in no gold, so never read


@pytest.mark.parametrize("index", sorted(SLICE))
def test_pipeline_reads_the_workbooks(workbooks, index):
    out, entries = workbooks
    entry = entries[index]
    score = scored(out, entry)
    assert score.share("owners_ok") == 1.0, entry["file"]
