"""The drafts packed while a document's owners are resolved (``normalise/draft_pack.py``,
issue 11): each comes back equal, field for field. (``tests/test_speed_equivalence.py``
compares whole datasets with ``records`` as it was, the drafts never packed.) And the
drafts packed as ``drafts_of`` makes them (``ReadyDrafts``): the drafts of the list it
made before, each ``records.prepared``, in the same order; whole documents the same
with ``reference_drafts_of`` (the list) swapped in."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import write_exports

from planextract.normalise import document, records
from planextract.normalise.draft import Context, Draft, Outcome
from planextract.normalise.draft_pack import ReadyDrafts
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("exports")
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".docx", ".md", ".csv", ".html", ".pdf"))
    return samples + write_exports(folder, 40_000, seed=11)


def test_packed_drafts_unpack_equal_field_for_field_in_order(inputs):
    # records packs the drafts while owners are resolved (draft_pack): every draft
    # of the samples and exports comes back equal, its fields of the same types
    from planextract.extract.registry import read_document
    from planextract.normalise.draft_pack import PackedDrafts

    seen = 0
    for path in inputs:
        _, drafts = document.drafts_of(read_document(path.read_bytes()))
        for run in (1, 3, 64, len(drafts) + 1):
            given = list(drafts)
            packed = PackedDrafts(given, run)
            assert given == []  # taken off the list given
            back = []
            while packed:
                back.append(packed.pop())
            assert back == drafts, (path.name, run)
            for got, draft in zip(back, drafts):
                assert got is not draft
                assert [type(got.values), type(got.extra)] == [dict, dict]
                assert list(got.values) == list(draft.values)
                assert list(got.extra) == list(draft.extra)
                assert all(type(v) is list for v in got.values.values())
                assert got.context is draft.context and got.outcome is draft.outcome
                assert type(got.flags) is (set if draft.flags else frozenset)
        seen += len(drafts)
    assert seen > 1000


def test_no_drafts_pack_to_nothing():
    from planextract.normalise.draft_pack import PackedDrafts

    packed = PackedDrafts([], 64)
    assert not packed
    with pytest.raises(IndexError):
        packed.pop()


def test_the_owner_rules_memos_are_not_asked_once_owners_are_resolved(inputs, monkeypatch):
    # owner resolution forgets them once its labels are made (so the rows' owners and
    # the records reuse their memory): asked again, they would only cost time, so none is
    from planextract import memo
    from planextract.normalise import owners
    from planextract.pipeline.document_run import run_one

    owner_memos = [c for c in memo.caches()["document"] if c.__module__ in owners.OWNER_RULES]
    assert {c.__module__ for c in owner_memos} == owners.OWNER_RULES

    def asked() -> list[int]:
        return [c.cache_info().hits + c.cache_info().misses for c in owner_memos]

    after_resolve: list[list[int]] = []
    at_the_end: list[list[int]] = []
    forget_owners, forget_all = owners.forget_document, memo.forget_document
    monkeypatch.setattr(owners, "forget_document",
                        lambda modules: (forget_owners(modules), after_resolve.append(asked())))
    monkeypatch.setattr(memo, "forget_document",
                        lambda modules=None: (at_the_end.append(asked()), forget_all(modules)))
    for path in inputs:
        assert run_one(str(path)).document["status"] in ("ok", "empty"), path.name
    assert after_resolve and len(after_resolve) == len(at_the_end) == len(inputs)
    assert after_resolve == at_the_end


_DRAFTS_OF = document.drafts_of  # as defined (the tests swap the name)


def reference_drafts_of(raw, settings=DEFAULT, *, consume=False, pack=None, give_back=None):
    """``document.drafts_of`` as it was: the drafts a list, sorted at the end,
    which ``records`` prepares and packs itself (its pass 2 trims as now)."""
    return _DRAFTS_OF(raw, settings, consume=consume, pack=False, give_back=give_back)


def _unpacked(ready: ReadyDrafts) -> list[Draft]:
    out = []
    while ready:
        out.append(ready.pop())
    return out


@pytest.mark.parametrize("run", [1, 3, 16, 64])
def test_ready_drafts_are_the_listed_drafts_prepared_in_order(inputs, run):
    # every draft of the samples and exports, packed as drafts_of makes them (the
    # last of each table builder packed only once closed), comes back equal to the
    # list's draft after ``prepared``, with its owner text; the scrutiny pieces alike
    from dataclasses import replace

    from planextract.extract.registry import read_document

    settings = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=run))
    seen = 0
    for path in inputs:
        data = path.read_bytes()
        _, listed = document.drafts_of(read_document(data), settings)
        made = [records.prepared(d) for d in listed]
        _, ready = document.drafts_of(read_document(data), settings, consume=True)
        assert isinstance(ready, ReadyDrafts)
        assert len(ready) == len(listed), path.name  # what the action rows are sized by
        assert ready.owner_cells == [owner for owner, _ in made], path.name
        assert ready.pieces == {p for _, pieces in made for p in pieces}, path.name
        back = _unpacked(ready)
        assert back == listed, (path.name, run)
        for got, draft in zip(back, listed):
            assert [type(got.values), type(got.extra)] == [dict, dict]
            assert list(got.values) == list(draft.values)
            assert all(type(v) is list for v in got.values.values())
            assert type(got.flags) is (set if draft.flags else frozenset)
        seen += len(listed)
    assert seen > 1000


def _draft(line: int | None, page: int | None = None, action: str = "Act") -> Draft:
    return Draft(table=None, context=Context(), outcome=Outcome("1", "Outcome"),
                 action_id_raw=None, action=action, values={}, extra={}, line_start=line,
                 line_end=line, page_start=page, page_end=page)


def test_an_open_draft_packs_as_it_is_when_closed_after_its_run():
    # the builder's last draft may grow after its run is packed: it comes back as
    # closed, in its own place; one closed before its run is packed too
    ready = ReadyDrafts(2, lambda d: (d.action, [d.action[:1]]))
    first, second, third, fourth = (_draft(n, action=f"A{n}") for n in (1, 2, 3, 4))
    ready.add_open(first)
    for draft in (second, third):
        ready.add(draft)
    ready.add_open(fourth)
    first.action = "A1 continued"
    first.values["owner"] = ["HR"]
    first.flag("merged_split_row")
    ready.close(first)
    fourth.action = "A4 too"
    ready.finish()
    assert ready.owner_cells == ["A1 continued", "A2", "A3", "A4 too"]
    assert ready.pieces == {"A"}
    back = _unpacked(ready)
    assert [d.action for d in back] == ["A1 continued", "A2", "A3", "A4 too"]
    assert back[0].values == {"owner": ["HR"]} and back[0].flags == {"merged_split_row"}
    assert back[0] == first and back[0] is not first
    with pytest.raises(IndexError):
        ready.pop()


@pytest.mark.parametrize("run", [1, 2, 5])
def test_ready_drafts_made_out_of_order_come_back_as_a_stable_sort_would(run):
    # drafts_of sorted its list by (line, page), stably: drafts made out of that
    # order come back sorted, their owner texts with them
    made = [_draft(line, page, f"A{i}") for i, (line, page) in enumerate(
        [(5, None), (3, 1), (None, 2), (3, 1), (9, None), (3, 0), (None, None)])]
    ready = ReadyDrafts(run, lambda d: (d.action, []))
    for i, draft in enumerate(made):
        (ready.add_open if i % 3 == 0 else ready.add)(draft)
    ready.finish()
    expected = sorted(made, key=lambda d: (d.page_start or 0, d.line_start or 0))
    assert ready.owner_cells == [d.action for d in expected]
    assert [d.action for d in _unpacked(ready)] == [d.action for d in expected]


def test_whole_documents_are_the_same_with_the_drafts_listed(inputs, monkeypatch):
    from text_exports import everything

    packed = [everything(p) for p in inputs]
    assert all(doc["status"] == "ok" for doc, _, _, _ in packed)
    monkeypatch.setattr(document, "drafts_of", reference_drafts_of)
    for path, got in zip(inputs, packed):
        assert got == everything(path), path.name


def _table(*rows: tuple[str, ...], after_break: bool = False, first_line: int = 1):
    from planextract.extract.model import Cell, Row, Table

    return Table(rows=tuple(
        Row(cells=tuple(Cell(parts=(t,) if t else (), raw=t) for t in texts),
            line_start=first_line + i, line_end=first_line + i,
            after_break=after_break and i == 0)
        for i, texts in enumerate(rows)))


def test_a_draft_grown_by_the_next_block_of_its_table_is_packed_grown():
    # a page break cut the last action of a block: the next block of the same table
    # (no header of its own) opens with the rest, which joins that draft after the
    # block that made it was handed over; packed as soon as made, it would be lost
    from dataclasses import replace

    from planextract.extract.model import Paragraph, RawDocument

    def raw() -> RawDocument:
        return RawDocument("text-tabbed", blocks=[
            Paragraph("Equality action plan", line=1),
            _table(("Action", "Lead officer", "Target date"),
                   ("Review the recruitment policy", "HR Manager", "March 2012"),
                   ("Publish the equality scheme and", "Chief Executive", "April 2012"),
                   first_line=2),
            _table(("consult staff networks on it", "", ""),
                   ("Train every manager", "Training Lead", "May 2012"),
                   after_break=True, first_line=5),
            _table(("and their deputies", "Deputy Lead", ""), after_break=True, first_line=7)])

    _, listed = document.drafts_of(raw())
    for draft in listed:
        records.prepared(draft)
    assert [d.action for d in listed] == [
        "Review the recruitment policy",
        "Publish the equality scheme and consult staff networks on it",
        "Train every manager and their deputies"]
    for run in (1, 2, 64):
        settings = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=run))
        _, ready = document.drafts_of(raw(), settings, consume=True)
        assert ready.owner_cells == [records._text(d, "owner") for d in listed]
        assert _unpacked(ready) == listed, run
