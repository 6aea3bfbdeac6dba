"""The drafts packed while a document's owners are resolved (``normalise/draft_pack.py``,
issue 11): each comes back equal, field for field. (``tests/test_speed_equivalence.py``
compares whole datasets with ``records`` as it was, the drafts never packed.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_exports import write_exports

from planextract.normalise import document

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
    # records forgets them right after owner resolution (so making the records
    # reuses their memory): asked again, they would only cost time, so none is
    from planextract import memo
    from planextract.normalise import records
    from planextract.pipeline.document_run import run_one

    owner_memos = [c for c in memo.caches()["document"] if c.__module__ in records.OWNER_RULES]
    assert {c.__module__ for c in owner_memos} == records.OWNER_RULES

    def asked() -> list[int]:
        return [c.cache_info().hits + c.cache_info().misses for c in owner_memos]

    after_resolve: list[list[int]] = []
    at_the_end: list[list[int]] = []
    forget_owners, forget_all = records.forget_document, memo.forget_document
    monkeypatch.setattr(records, "forget_document",
                        lambda modules: (forget_owners(modules), after_resolve.append(asked())))
    monkeypatch.setattr(memo, "forget_document",
                        lambda modules=None: (at_the_end.append(asked()), forget_all(modules)))
    for path in inputs:
        assert run_one(str(path)).document["status"] in ("ok", "empty"), path.name
    assert after_resolve and len(after_resolve) == len(at_the_end) == len(inputs)
    assert after_resolve == at_the_end
