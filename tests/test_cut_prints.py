"""Owner resolution's lean cuts (issue 11, session 18) decide what the old ones did.

``_cut_roles`` asks its fingerprints of ``cut_prints.CutPrints``: a piece spelt out
and fingerprinted afresh, its answer kept only while its cell is cut. The reference,
``ReferenceCutPrints``, keeps every answer for the document, the expansion in the
``Expander`` and the fingerprint in ``role_text``'s memo. Swapped in over whole
documents (the samples, generated exports of every text shape, the family corpus'
text formats), every table compared. The output must be identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cut_prints_reference import ReferenceCutPrints
from hypothesis import given
from hypothesis import strategies as st
from text_exports import (
    corpus_text_documents,
    everything,
    swap_everywhere,
    text_samples,
    write_exports,
)

from planextract.lexicon import role_vocab
from planextract.memo import caches
from planextract.normalise import cut_prints, role_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
VOCAB = role_vocab.load()
KEY = {"ACO": "Assistant Chief Officer", "HR": "Human Resources",
       "E&D": "Equality and Diversity", "ACO – BS": "Assistant Chief Officer Business Services"}


def old_swaps() -> dict[int, object]:
    return {id(cut_prints.CutPrints): ReferenceCutPrints}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("cut-prints")
    made = write_exports(folder, 80_000, seed=7)
    corpus = corpus_text_documents(folder / "corpus", 23, per_format=2)
    return [*text_samples((".txt", ".md", ".csv", ".docx", ".html")), *made, *corpus]


def test_whole_documents_are_the_same_with_the_old_cut_prints(inputs, monkeypatch):
    lean = [everything(p) for p in inputs]
    assert all(doc["status"] == "ok" for doc, _, _, _ in lean)
    assert sum(len(roles) for *_, roles in lean) > 100
    for cache in caches()["document"]:
        cache.cache_clear()
    assert swap_everywhere(monkeypatch, old_swaps()) >= 2  # defined, and owners' import
    old = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, lean, old):
        assert got == expected, path.name


_WORDS = st.sampled_from(["ACO", "HR", "BS", "E&D", "Head", "of", "Learning", "and", "&",
                          "Manager", "Mgrs", "SPOs", "Director", "(Finance)", "Off.", "–",
                          "Chief", "Executive", "T&D", "Officer", "All", "CE"])


@given(st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), max_size=30))
def test_a_print_is_the_old_print_before_and_after_forgetting(texts):
    builtin = role_vocab.acronyms_for(VOCAB, None)
    lean = cut_prints.CutPrints(role_text.Expander(KEY, builtin), VOCAB.stop_words)
    old = ReferenceCutPrints(role_text.Expander(KEY, builtin), VOCAB.stop_words)
    for i, text in enumerate(texts):
        assert lean(text) == old(text), text
        if i % 3 == 2:
            lean.forget()
        assert lean(text) == old(text), text


def test_a_print_is_held_only_until_forget_and_nowhere_else():
    """A mutation that remembers the expansion or the fingerprint for the document
    (``Expander.expand``, ``role_text.fingerprint``), or keeps answers over
    ``forget``, is caught."""
    role_text._fingerprint.cache_clear()
    expander = role_text.Expander(KEY, {})
    prints = cut_prints.CutPrints(expander, VOCAB.stop_words)
    assert prints("ACO HR Manager") == prints("ACO HR Manager")
    assert role_text._fingerprint.cache_info().currsize == 0
    assert not expander._expanded
    assert prints._held
    prints.forget()
    assert not prints._held


def test_a_fingerprint_afresh_is_the_fingerprint():
    for words in (("ACO", "HR"), ("Head", "of", "T&D"), ("Managers", "&", "Officers"), ()):
        assert role_text.fingerprint_afresh(words, VOCAB.stop_words) == \
            role_text.fingerprint(words, VOCAB.stop_words)
