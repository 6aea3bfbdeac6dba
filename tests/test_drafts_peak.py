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
from text_exports import corpus_text_documents, everything, text_samples, write_exports

from planextract.extract.registry import read_document
from planextract.normalise import document
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample, the PDF and Word samples, generated exports of every
    shape (one table run and many) and the family corpus' text formats."""
    folder = tmp_path_factory.mktemp("drafts-peak")
    made = [*write_exports(folder, 40_000, seed=5, tag="-small"),
            *write_exports(folder, 150_000, seed=13)]
    corpus = corpus_text_documents(folder / "corpus", 23, per_format=3)
    others = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx"))
    return [*text_samples(), *others, *made, *corpus]


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


def _everything(path: Path, settings) -> tuple:
    """``text_exports.everything`` under ``settings``."""
    from planextract.pipeline.document_run import run_one

    result = run_one(str(path), settings)
    doc = {k: v for k, v in result.document.items() if k != "seconds"}
    return doc, result.actions, result.glossary, result.roles


def test_whole_documents_are_the_same_with_the_drafts_packed_64_to_a_block(inputs, monkeypatch):
    """Session 19's run (16) against session 18's 64, with each block's own header
    too: both references at once."""
    now = [_everything(p, replace(DEFAULT, run=replace(DEFAULT.run, draft_run=16)))
           for p in inputs]
    old = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=64))
    monkeypatch.setattr(document, "SHARE_HEADERS", False)
    before = [_everything(p, old) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
