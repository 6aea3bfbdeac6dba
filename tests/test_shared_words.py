"""A document's words are shared through ``memo.shared_strings``, not ``sys.intern``,
and ``role_match._block_keys`` answers with a tuple (issue 11, session 18: the fixed
part of a 1 MB export's peak).

A warmed worker's intern table had room for about 350 more strings; a text-cells
export's words doubled it (0.94 MiB kept for the process). The references,
``cell_labels.INTERN`` / ``role_text.INTERN`` (``sys.intern``) and
``role_match.reference_block_keys`` (a frozenset), are swapped in over whole documents
(the samples, generated exports of every text shape, the family corpus' text
formats), every table compared. The output must be identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_exports import (
    corpus_text_documents,
    everything,
    swap_everywhere,
    text_samples,
    write_exports,
)

from planextract import memo
from planextract.extract.text import cell_labels
from planextract.normalise import role_match, role_text
from planextract.pipeline.document_run import run_one

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("shared-words")
    made = write_exports(folder, 80_000, seed=29)
    corpus = corpus_text_documents(folder / "corpus", 31, per_format=2)
    return [*text_samples((".txt", ".md", ".csv", ".docx", ".html")), *made, *corpus]


def test_whole_documents_are_the_same_with_interned_words_and_key_sets(inputs, monkeypatch):
    lean = [everything(p) for p in inputs]
    assert all(doc["status"] == "ok" for doc, _, _, _ in lean)
    assert sum(len(roles) for *_, roles in lean) > 100
    assert memo.strings_held() == 0  # each document's words let go at its end
    for cache in memo.caches()["document"]:
        cache.cache_clear()
    cell_labels.forget()
    monkeypatch.setattr(cell_labels, "INTERN", True)
    monkeypatch.setattr(role_text, "INTERN", True)
    assert swap_everywhere(monkeypatch, {
        id(role_match._block_keys): role_match.reference_block_keys}) >= 1
    old = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, lean, old):
        assert got == expected, path.name


_LABEL_WORDS = st.sampled_from(["Owner", "Lead", "Officer", "Date", "Target", "by",
                                "when", "Who", "HR", "Status", "/", "  ", " ", "RAG"])


@given(st.lists(st.lists(_LABEL_WORDS, max_size=6).map(" ".join), max_size=20))
def test_a_cells_words_are_the_interned_words_one_string_each(texts):
    cell_labels.forget()
    got = [cell_labels.word_tuple(t) for t in texts]
    assert got == [tuple(map(sys.intern, cell_labels.words(t))) for t in texts]
    first: dict[str, str] = {}
    for word in (w for words in got for w in words):
        assert first.setdefault(word, word) is word  # one string a word
    cell_labels.forget()
    assert memo.strings_held() == 0


def test_owner_words_are_shared_while_a_document_is_read_and_let_go_after():
    path = min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)
    fresh = "Zyxwvut" + "Officer"  # made at run time: no interned constant
    a, b = role_text.read_words(f"{fresh} of HR"), role_text.read_words(f"Head {fresh}")
    assert a[0] == b[1] == fresh and a[0] is b[1]
    assert sys.intern(fresh) is not a[0]  # not put in the intern table
    assert memo.strings_held() > 0
    assert run_one(str(path)).document["status"] == "ok"
    assert memo.strings_held() == 0
