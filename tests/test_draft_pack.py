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
