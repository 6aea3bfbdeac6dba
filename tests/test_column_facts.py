"""A logical table's columns are weighed once whatever the number of headers it is
printed under (issue 11: a long export prints one table under a header per plan,
and ``column_evidence.resolve`` read all its rows again for each header, so
normalising grew with rows x headers). ``resolve`` with the ``ColumnFacts``
``detect_layout`` shares decides exactly what ``reference_resolve`` (the function
as it was) decides, call by call and over whole datasets, on the samples and on
generated exports of every text shape at two sizes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reference_resolve import reference_resolve

from planextract.extract.registry import read_document
from planextract.normalise import column_evidence, document, table_texts
from planextract.normalise.column_facts import ColumnFacts, filled_count
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
SIZES = (30_000, 150_000)  # characters: a few plans, and enough for tables under many headers


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> list[Path]:
    """Every text shape at two sizes (plans one after another, as bench_text writes)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_text_plans

    folder = tmp_path_factory.mktemp("facts")
    made = []
    for shape, suffix in bench_text_plans.SHAPES.items():
        for size in SIZES:
            text, _ = bench_text_plans.build(shape, size, seed=7)
            path = folder / f"{shape}-{size}.{suffix}"
            path.write_text(text, encoding="utf-8")
            made.append(path)
    return made


def _samples() -> list[Path]:
    return sorted(p for p in (ROOT / "samples").iterdir()
                  if p.suffix in (".txt", ".docx", ".md", ".csv", ".html"))


def test_every_resolve_call_decides_as_the_reference(exports, monkeypatch):
    calls: list[tuple] = []
    fast = column_evidence.resolve

    def recording(headers, roles, columns, settings=DEFAULT.columns, squashed=False,
                  facts=None, merged=None):  # noqa: ANN001, ANN202
        got = fast(headers, roles, columns, settings, squashed, facts, merged)
        # a copy: detect_layout changes the roles it is given (a theme on every row)
        calls.append((list(headers), list(roles), columns, settings, squashed, facts,
                      merged, (list(got.roles), list(got.notes))))
        return got

    monkeypatch.setattr(column_evidence, "resolve", recording)
    for path in [*_samples(), *exports]:
        document.drafts_of(read_document(path.read_bytes(), DEFAULT), DEFAULT)
    shared = [facts for *_, facts, _, _ in calls if facts is not None]
    assert len(shared) > len({id(f) for f in shared})  # one table weighed under several headers
    for headers, roles, columns, settings, squashed, _facts, merged, got in calls:
        expected = reference_resolve(headers, roles, columns, settings, squashed,
                                     merged=merged)
        assert got == (expected.roles, expected.notes), headers


def _dataset(path: Path) -> tuple:
    result = run_one(str(path))
    doc = {k: v for k, v in result.document.items() if k != "seconds"}
    return doc, result.actions, result.glossary, result.roles


def test_whole_datasets_are_the_reference_datasets(exports, monkeypatch):
    inputs = [*_samples(), *exports]
    fast = [_dataset(p) for p in inputs]
    assert all(doc["status"] == "ok" and actions for doc, actions, _, _ in fast[-len(exports):])
    monkeypatch.setattr(column_evidence, "resolve", reference_resolve)  # detect_layout's
    monkeypatch.setattr(table_texts, "resolve", reference_resolve)  # each block's own
    for path, got in zip(inputs, fast):
        assert got == _dataset(path), path.name


def test_a_column_is_read_once_for_every_header():
    reads: list[int] = []

    def counted(values: list[str]) -> int:
        reads.append(len(values))
        return filled_count(values)

    facts = ColumnFacts([["1.1", "", "1.2"], ["Publish", "Review", ""]])
    assert [facts.ask(counted, i) for i in (0, 1, 0, 1, 2)] == [2, 2, 2, 2, 0]
    assert reads == [3, 3, 0]  # the column beyond the last is empty, as resolve pads it
    columns = [["1.1", "1.2"], ["Publish the plan", "Review the policy"], ["HR", "CEO"]]
    facts = ColumnFacts(columns)
    for headers in (["No", "Action", "Lead"], ["Ref", "Actions", "Lead officer"]):
        roles = ["action_id", "action", "owner"]
        got = column_evidence.resolve(headers, roles, columns, squashed=True, facts=facts)
        assert got == reference_resolve(headers, roles, columns, squashed=True)
    asked = [key for key in facts._known if key[0] is column_evidence.id_like]
    assert len(asked) == len(set(asked))
