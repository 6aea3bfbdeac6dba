"""Issue 11, memory: a batch of action rows waiting for Arrow holds each row as its
values in the schema's order (``action_rows.held``), not its dict. The tables, the
packed batches and the dicts a refused batch gives back are what the dicts gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import everything, write_exports

from planextract.pipeline import action_rows
from planextract.pipeline.action_rows import ActionRows, as_dicts, as_row, held
from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import arrow_table

ROOT = Path(__file__).resolve().parent.parent


def reference_held(row: dict) -> dict:
    """``held`` as it was: the batch kept the row's dict."""
    return row


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text and PDF sample, and a generated export of each text shape of more
    than one row batch."""
    folder = tmp_path_factory.mktemp("held")
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".html", ".docx", ".pdf"))
    return samples + write_exports(folder, 150_000, seed=7)


def test_a_row_of_the_schema_is_held_as_its_values_and_given_back_as_it_was(inputs):
    rows = run_one(str(inputs[-1])).actions
    assert len(rows) > 512  # more than a batch
    for row in rows:
        kept = held(row)
        assert isinstance(kept, tuple) and len(kept) == len(row)
        back = as_row(kept)
        assert back == row and list(back) == list(row)  # the keys in the same order
        assert all(a is b for a, b in zip(back.values(), row.values()))


def test_a_row_of_other_keys_or_order_stays_its_dict(inputs):
    row = run_one(str(inputs[0])).actions[0]
    names = list(row)
    swapped = {names[1]: row[names[1]], names[0]: row[names[0]],
               **{k: row[k] for k in names[2:]}}
    short = {k: row[k] for k in names[:-1]}
    longer = {**row, "more": 1}
    for other in (swapped, short, longer, {}):
        assert held(other) is other and as_row(other) is other


@pytest.mark.parametrize("batch", [1, 5, 512])
def test_a_batch_of_rows_held_and_of_dicts_makes_the_reference_table(inputs, batch):
    rows = run_one(str(inputs[-2])).actions
    names = list(rows[0])
    # every third row's keys in another order: a batch mixing values and dicts
    mixed = [{names[1]: r[names[1]], **r} if i % 3 == 0 else r for i, r in enumerate(rows)]
    for given in (rows, mixed):
        built = ActionRows(batch)
        for row in given:
            built.add(row)
        table = built.finish()
        assert table.equals(arrow_table("actions", given))
        assert as_dicts(table) == rows


def test_a_refused_row_gives_back_every_row_as_its_dict(inputs):
    rows = run_one(str(inputs[-1])).actions
    bad = {**rows[5], "due_date": "not a date"}
    given = [*rows[:9], bad, *rows[9:20]]
    built = ActionRows(4, "zstd", len(given))
    for row in given:
        built.add(row)
    kept = built.finish()
    assert kept == given
    assert [list(r) for r in kept] == [list(r) for r in given]


def test_whole_documents_are_the_same_with_rows_held_as_dicts(inputs, monkeypatch):
    now = [everything(path) for path in inputs]
    monkeypatch.setattr(action_rows, "held", reference_held)
    then = [everything(path) for path in inputs]
    for path, a, b in zip(inputs, now, then):
        assert a == b, path.name
