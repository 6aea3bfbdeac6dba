"""Issue 11, a long PDF's peak memory: what now holds less gives what the plain
code gave.

- ``run_one`` may let the file's bytes go once read (a long PDF's were held to the
  end): its documents row must still say what the bytes said, for read, failed
  and refused files;
- ``squash`` and ``squash_lines`` give back the text itself when there is nothing
  to collapse (an equal copy before: the layout's columns and the caches held a
  second copy of every cell); compared with the plain expressions on every cell
  and paragraph of the samples and edge cases;
- a draft has no flag set of its own until flagged (``Draft.flag``; an empty set
  each before): the records are compared with those made from the same drafts
  given a plain set each, as before, on the samples and a generated plan; a
  draft's value lists are made at their size (``rows._grow``), compared with the
  lists grown one append at a time as before;
- ``drafts_of(consume=True)`` forgets the texts ``squash``, ``squash_lines`` and
  ``split_leading`` remember once the blocks are gone: the same drafts and
  records as when the caches are kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planextract.extract.model import Paragraph, Table
from planextract.extract.registry import read_document
from planextract.lexicon.text import squash, squash_lines
from planextract.normalise.document import drafts_of, records
from planextract.normalise.draft import Draft
from planextract.normalise.rows import _grow, join_continuation
from planextract.pipeline.document_run import path_id, run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir()
                 if p.suffix in (".txt", ".docx", ".pdf"))


def _reference_facts(source: str, data: bytes | None) -> dict:
    """The documents row's facts of the bytes, as ``_document_row`` made them from
    the bytes it was given."""
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return {"doc_id": digest[:16] if digest else path_id(source), "sha256": digest,
            "bytes": len(data or b"")}


def _facts(row: dict) -> dict:
    return {k: row[k] for k in ("doc_id", "sha256", "bytes")}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_read_document_row_says_what_its_bytes_said(path):
    result = run_one(str(path))
    assert result.document["status"] == "ok"
    assert _facts(result.document) == _reference_facts(str(path), path.read_bytes())


def test_failed_and_refused_rows_say_what_their_bytes_said(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"")
    for path in (broken, blank):
        result = run_one(str(path))
        assert result.document["status"] != "ok", path.name
        assert _facts(result.document) == _reference_facts(str(path), path.read_bytes())
    missing = str(tmp_path / "missing.pdf")
    assert _facts(run_one(missing).document) == _reference_facts(missing, None)


def _reference_squash(text: str) -> str:
    return " ".join(text.split())


def _reference_squash_lines(text: str) -> str:
    return "\n".join(ln for ln in (" ".join(x.split()) for x in text.split("\n")) if ln)


EDGES = ["", " ", "a", "a b", "a  b", " a", "a ", "a\nb", "a\n\nb", "a \n b", "\n", "a\tb",
         "a\u00a0b", "a\u2028b", "a\rb", "a\r\nb", "\u3000x", "x\x1fy", "é  ü"]


class _Text(str):
    pass


def test_squash_gives_what_the_plain_expression_gives_and_no_copy():
    texts = list(EDGES)
    for path in SAMPLES:
        for block in read_document(path.read_bytes(), DEFAULT).blocks:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, Table):
                texts.extend(c.text for r in block.rows for c in r.cells)
    squash.cache_clear()
    squash_lines.cache_clear()
    for text in texts:
        for fast, plain in ((squash, _reference_squash),
                            (squash_lines, _reference_squash_lines)):
            got, expected = fast(text), plain(text)
            assert got == expected and type(got) is str, repr(text)
            if expected == text:  # the text itself (the cache may give an equal one)
                assert fast.__wrapped__(text) is text, repr(text)
    sub = _Text("a b")
    assert type(squash(sub)) is str and type(squash_lines(sub)) is str


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """The samples and a generated PDF plan (rows split over pages: flagged drafts)."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_plan_pdf

    target = tmp_path_factory.mktemp("plan") / "plan-40.pdf"
    bench_plan_pdf.build(target, 40)
    return [*SAMPLES, target]


def _records(path: Path, plain_sets: bool) -> list[dict]:
    doc, drafts = drafts_of(read_document(path.read_bytes(), DEFAULT), DEFAULT)
    if plain_sets:  # the reference: every draft a set of its own, as before
        for draft in drafts:
            draft.flags = set(draft.flags)
    return [r.to_row() for r in records(drafts, doc, DEFAULT)]


def test_drafts_share_no_flags_and_make_the_records_plain_sets_make(plans):
    flagged = 0
    for path in plans:
        _, drafts = drafts_of(read_document(path.read_bytes(), DEFAULT), DEFAULT)
        own = [d.flags for d in drafts if d.flags]
        flagged += len(own)
        assert len({id(f) for f in own}) == len(own), path.name  # no set shared
        assert all(isinstance(f, set) for f in own), path.name
        assert all(d.flags == frozenset() for d in drafts if not d.flags), path.name
        assert _records(path, plain_sets=False) == _records(path, plain_sets=True), path.name
    assert flagged  # the flagging paths ran


def test_flagging_one_draft_leaves_the_others_unflagged():
    a, b = (Draft(None, None, None, None, "act", {}, {}, None, None, None, None)
            for _ in range(2))
    a.flag("merged_split_row")
    a.flag("columns_swapped")
    assert a.flags == {"merged_split_row", "columns_swapped"}
    assert not b.flags and b.flags == set()


def _reference_grow(draft: Draft, role: str, column: int, text: str) -> None:
    values = draft.values.setdefault(role, [])
    while len(values) <= column:
        values.append("")
    values[column] = join_continuation(values[column], text)


def test_value_lists_made_at_their_size_hold_what_appending_made():
    steps = [("owner", 0, "HR"), ("owner", 2, "CEO"), ("owner", 1, "and the board"),
             ("due", 1, "March 2012"), ("due", 0, "ongoing"), ("owner", 0, "lead"),
             ("due", 3, "2013"), ("scrutiny", 0, "Board"), ("owner", 4, "x")]
    for n in range(len(steps) + 1):
        fast, plain = (Draft(None, None, None, None, "act", {}, {}, None, None, None, None)
                       for _ in range(2))
        for role, column, text in steps[:n]:
            _grow(fast, role, column, text)
            _reference_grow(plain, role, column, text)
        assert fast.values == plain.values


def test_consuming_drafts_forget_the_cached_cells_and_make_the_same_records(plans):
    from planextract.normalise import numbering

    for path in plans:
        data = path.read_bytes()
        doc, drafts = drafts_of(read_document(data, DEFAULT), DEFAULT)
        assert squash.cache_info().currsize  # kept when the blocks are kept
        expected = [r.to_row() for r in records(drafts, doc, DEFAULT)]
        doc, drafts = drafts_of(read_document(data, DEFAULT), DEFAULT, consume=True)
        for cached in (squash, squash_lines, numbering.split_leading):
            assert cached.cache_info().currsize == 0, path.name
        assert [r.to_row() for r in records(drafts, doc, DEFAULT)] == expected, path.name
