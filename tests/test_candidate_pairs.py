"""The pairs of role groups worth aligning, made as each group's bitmask of
partners (issue 11), are the pairs the code it replaced made one by one
(``reference_candidate_pairs``), each once and in sorted order (as ``cluster``
asked them, ``sorted(set)``): on random groups and on every document's groups
from the samples and a generated export of each text shape."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from text_exports import write_exports

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners, role_match
from planextract.normalise.role_match import Group, _block_keys, _candidate_pairs
from planextract.pipeline.document_run import run_one

ROOT = Path(__file__).resolve().parent.parent


def reference_candidate_pairs(groups: list[Group], vocab) -> set[tuple[int, int]]:
    """``role_match._candidate_pairs`` as it was: each pair made in Python."""
    index: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for key in role_match.reference_block_keys(group.tokens, vocab):
            index.setdefault(key, []).append(i)
    pairs = set()
    for members in index.values():
        for position, i in enumerate(members):
            pairs.update((i, j) for j in members[position + 1:] if i != j)
    single = [i for i, g in enumerate(groups) if len(g.tokens) == 1]
    pairs.update((i, j) for n, i in enumerate(single) for j in single[n + 1:])
    return {(min(p), max(p)) for p in pairs}


_WORDS = st.sampled_from(["head", "of", "manager", "mgr", "equality", "diversity", "hr",
                          "vice", "chancellor", "vicechancellor", "officer", "director",
                          "deputy", "services", "comms", "chief", "executive"])
_GROUPS = st.lists(st.lists(_WORDS, min_size=1, max_size=5).map(tuple), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_GROUPS)
def test_pairs_are_the_reference_pairs(token_lists):
    vocab = load(None)
    groups = [Group(" ".join(t), [" ".join(t)], t) for t in token_lists]
    assert list(_candidate_pairs(groups, vocab)) == sorted_reference_pairs(groups, vocab)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=6).map(tuple),
       st.lists(_WORDS, min_size=0, max_size=6).map(tuple))
def test_block_keys_are_the_reference_set_each_key_once(x, y):
    """The tuple ``_block_keys`` holds is the old frozenset, no key twice (a key
    twice would pair a group with itself in ``_candidate_pairs``), and two spellings
    share a key exactly when the sets meet."""
    vocab = load(None)
    got, old = _block_keys(x, vocab), role_match.reference_block_keys(x, vocab)
    assert isinstance(got, tuple) and len(got) == len(set(got)) and set(got) == old
    other = role_match.reference_block_keys(y, vocab)
    assert role_match._share_a_key(got, _block_keys(y, vocab)) == bool(old & other)


def sorted_reference_pairs(groups: list[Group], vocab) -> list[tuple[int, int]]:
    """The reference pairs in the order ``cluster`` asked them before (``sorted``)."""
    return sorted(reference_candidate_pairs(groups, vocab))


def test_every_documents_groups_pair_alike(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))

    inputs = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx"))
    inputs.extend(write_exports(tmp_path, 150_000, seed=13))
    seen: list[tuple[list[Group], object]] = []
    real = role_match.cluster

    def recording(groups, apart, holders, vocab, *rest):  # noqa: ANN001, ANN002, ANN202
        seen.append((groups, vocab))
        return real(groups, apart, holders, vocab, *rest)

    monkeypatch.setattr(owners, "cluster", recording)
    for path in inputs:
        assert run_one(str(path)).document["status"] == "ok", path.name
    assert max(len(groups) for groups, _ in seen) > 50
    for groups, vocab in seen:
        assert list(_candidate_pairs(groups, vocab)) == sorted_reference_pairs(groups, vocab)
