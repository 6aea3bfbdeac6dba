"""The drafts made compact after the first pass (``normalise/draft_compact.py``,
issue 11): the same datasets as with the drafts as built, and nothing written into
what the drafts now share."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import write_exports

from planextract.normalise import document, draft_compact
from planextract.normalise.draft import Context, Draft
from planextract.pipeline.document_run import run_one

ROOT = Path(__file__).resolve().parent.parent


def _everything(path: Path) -> tuple:
    result = run_one(str(path))
    doc = {k: v for k, v in result.document.items() if k != "seconds"}
    return doc, result.actions, result.glossary, result.roles


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("exports")
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".docx", ".md", ".csv", ".html", ".pdf"))
    return samples + write_exports(folder, 40_000, seed=11)


def test_whole_documents_are_the_same_without_compacting(inputs, monkeypatch):
    compacted = [_everything(p) for p in inputs]
    assert all(doc["status"] == "ok" for doc, _, _, _ in compacted)
    assert draft_compact.NO_EXTRA == {}  # nothing was written into the shared map
    monkeypatch.setattr(document, "compact", lambda drafts: None)  # the drafts as built
    for path, got in zip(inputs, compacted):
        assert got == _everything(path), path.name


def _draft(values: dict[str, list[str]], flags: set[str] | None = None) -> Draft:
    draft = Draft(table=None, context=Context(), outcome=None, action_id_raw=None,
                  action="Agree the scheme", values=values, extra={}, line_start=1,
                  line_end=1, page_start=None, page_end=None)
    for name in flags or ():
        draft.flag(name)
    return draft


def test_equal_values_are_shared_and_flags_stay_a_drafts_own():
    drafts = [_draft({"owner": ["Chief Executive"], "due": ["2011"]}, {"a"}),
              _draft({"owner": ["Chief Executive"], "due": ["2012"]}, {"a"}),
              _draft({"owner": ["HR Manager"]})]
    draft_compact.compact(drafts)
    first, second, third = drafts
    assert first.values["owner"] is second.values["owner"] == ["Chief Executive"]
    assert first.values["due"] == ["2011"] and second.values["due"] == ["2012"]
    assert third.values == {"owner": ["HR Manager"]}
    assert first.flags == second.flags == {"a"} and first.flags is not second.flags
    assert first.extra is draft_compact.NO_EXTRA
    second.flag("columns_swapped")  # as records does: the other draft unchanged
    assert second.flags == {"a", "columns_swapped"} and first.flags == {"a"}


def test_equal_extra_maps_are_shared_in_their_order():
    drafts = [_draft({}), _draft({}), _draft({})]
    drafts[0].extra = {"Notes": "x", "Cost": "1"}
    drafts[1].extra = {"Notes": "x", "Cost": "1"}
    drafts[2].extra = {"Cost": "1", "Notes": "x"}  # equal as a map, printed in another order
    draft_compact.compact(drafts)
    assert drafts[0].extra is drafts[1].extra
    assert list(drafts[2].extra) == ["Cost", "Notes"]



def test_a_packed_draft_unpacks_equal_field_for_field(inputs):
    # records packs the drafts while owners are resolved (draft_pack): every draft
    # of the samples and exports comes back equal, its fields of the same types
    from planextract.extract.registry import read_document
    from planextract.normalise.draft_pack import pack, pack_all, unpack

    seen = 0
    for path in inputs:
        _, drafts = document.drafts_of(read_document(path.read_bytes()))
        for draft in drafts:
            back = unpack(pack(draft))
            assert back == draft and back is not draft
            assert [type(getattr(back, f)) for f in ("values", "extra")] == [dict, dict]
            assert all(type(v) is list for v in back.values.values())
            assert list(back.values) == list(draft.values)
            assert type(back.flags) is (set if draft.flags else frozenset)
            seen += 1
        waiting = pack_all(list(drafts))
        assert [unpack(waiting.pop()) for _ in range(len(waiting))] == drafts
    assert seen > 1000
