"""The drafts step's peak (issue 11, session 19): a block's header shared by every
block printing the same one (``document.SHARE_HEADERS``; the reference keeps each
block's own), and the drafts packed 16 to a block of bytes (``draft_run``; it was
64; 32 and squeezed since session 20: ``test_drafts_squeeze.py``). Both against
their references over whole documents: the samples (text, PDF, Word), generated
exports of every text shape at two sizes and the family corpus' text formats. The
output must be identical."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from text_exports import everything, whole_documents

from planextract.extract.registry import read_document
from planextract.normalise import document
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """``text_exports.whole_documents``."""
    return whole_documents(tmp_path_factory.mktemp("drafts-peak"), (5, 13, 23), per_format=3)


def _headers_of(path: Path, monkeypatch, share: bool) -> dict:
    """Each table block's header as the first pass hands it to the layouts and
    pass 2 (``headers_of``), by block index."""
    monkeypatch.setattr(document, "SHARE_HEADERS", share)
    seen: dict = {}
    real = document._layouts

    def spy(blocks, logical, table_of, headers_of, *args, **kwargs):
        seen.update(headers_of)
        return real(blocks, logical, table_of, headers_of, *args, **kwargs)

    monkeypatch.setattr(document, "_layouts", spy)
    document.drafts_of(read_document(path.read_bytes(), DEFAULT), DEFAULT, consume=True)
    monkeypatch.setattr(document, "_layouts", real)
    return seen


def test_each_block_is_handed_the_header_it_found(inputs, monkeypatch):
    """Block by block, the shared header equals the block's own; blocks printing
    the same header hold one object (what the sharing is for), different ones not."""
    shared_somewhere = 0
    for path in inputs:
        own = _headers_of(path, monkeypatch, False)
        shared = _headers_of(path, monkeypatch, True)
        assert shared == own, path.name
        held = [h for h in shared.values() if h is not None]
        assert len({id(h) for h in held}) == len(set(map(_key, held))), path.name
        shared_somewhere += len(held) > len({id(h) for h in held})
    assert shared_somewhere >= 5  # long exports repeat their headers


def _key(header) -> tuple:
    return header.first, header.last, tuple(header.labels), header.printed


def test_whole_documents_are_the_same_with_each_block_its_own_header(inputs, monkeypatch):
    now = [everything(p) for p in inputs]
    monkeypatch.setattr(document, "SHARE_HEADERS", False)
    before = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
    assert sum(len(actions) for _, actions, *_ in now) > 1000


def test_whole_documents_are_the_same_with_the_drafts_packed_64_to_a_block(inputs, monkeypatch):
    """Session 19's run (16) against session 18's 64, with each block's own header
    too: both references at once."""
    now = [everything(p, replace(DEFAULT, run=replace(DEFAULT.run, draft_run=16)))
           for p in inputs]
    old = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=64))
    monkeypatch.setattr(document, "SHARE_HEADERS", False)
    before = [everything(p, old) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
