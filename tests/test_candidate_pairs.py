"""The pairs of role groups worth aligning (issue 11) are the pairs the code they
replaced made (``reference_candidate_pairs``: every two groups sharing a block key,
or both one word) less only pairs ``aligns`` rejects: each of them is among the
reference pairs, and each reference pair that aligns is among them. On random
groups and on every document's groups from the samples and a generated export of
each text shape, at two sizes; and on those documents and on random groups, the
roles ``cluster`` makes are the roles the code it replaced made from the reference
pairs (tests/reference_cluster.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners, role_match
from planextract.normalise.role_match import Group, _block_keys, _candidate_pairs, aligns
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def reference_candidate_pairs(groups: list[Group], vocab, tolerance=None
                              ) -> set[tuple[int, int]]:
    """``role_match._candidate_pairs`` as it was: every two groups sharing a block
    key, or both one word, each pair made in Python."""
    index: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for key in _block_keys(group.tokens, vocab):
            index.setdefault(key, []).append(i)
    pairs = set()
    for members in index.values():
        for position, i in enumerate(members):
            pairs.update((i, j) for j in members[position + 1:] if i != j)
    single = [i for i, g in enumerate(groups) if len(g.tokens) == 1]
    pairs.update((i, j) for n, i in enumerate(single) for j in single[n + 1:])
    return {(min(p), max(p)) for p in pairs}


def _same_pairs(groups: list[Group], vocab) -> None:
    """The pairs made now are the reference pairs less some ``aligns`` rejects."""
    made, reference = _candidate_pairs(groups, vocab), reference_candidate_pairs(groups, vocab)
    assert made <= reference
    aligned = {(i, j) for i, j in reference if aligns(groups[i], groups[j], vocab)}
    assert aligned <= made


_WORDS = ["head", "of", "manager", "equality", "diversity", "hr", "vice", "chancellor",
          "officer", "director", "deputy", "service", "unit", "communication", "chief",
          "executive", "department", "pryce", "adviser", "estate", "finance", "business"]
_ALTERNATIVES = {"manager": ["mgr", "mngr", "manger", "managers"], "officer": ["offcer", "off"],
                 "director": ["directr", "dir"], "communication": ["comms", "comm"],
                 "executive": ["exec", "executiv"], "department": ["dept", "dep"],
                 "pryce": ["pryse", "price"], "adviser": ["advisor"], "estate": ["estates"],
                 "finance": ["fin"], "deputy": ["dpty"], "head": ["hd"],
                 "diversity": ["divers", "diversty"]}
_CHANGE = st.tuples(st.sampled_from(["generic", "alternative", "join", "name", "drop"]),
                    st.integers(0, 4), st.sampled_from(["service", "unit", "division", "pryce"]))


def _changed(tokens: tuple[str, ...], changes, dot: bool) -> Group:
    """A spelling of ``tokens`` changed as another export may print it."""
    out, dotted = list(tokens), set()
    for how, at, word in changes:
        at %= len(out)
        if how == "generic":
            out.insert(at, word if word != "pryce" else "service")
        elif how == "alternative" and out[at] in _ALTERNATIVES:
            options = _ALTERNATIVES[out[at]]
            out[at] = options[len(word) % len(options)]
            if dot:
                dotted.add(out[at])
        elif how == "join" and at + 1 < len(out):
            out[at:at + 2] = [out[at] + out[at + 1]]
        elif how == "name":
            out.append(word)
        elif how == "drop" and len(out) > 1:
            del out[at]
    return Group(" ".join(out), [" ".join(out)], tuple(out), frozenset(dotted))


_GROUPS = st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
                             st.lists(st.tuples(st.lists(_CHANGE, max_size=3), st.booleans()),
                                      min_size=1, max_size=5)),
                   min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(_GROUPS)
def test_pairs_are_the_reference_pairs_that_may_align(drawn):
    vocab = load(None)
    groups = [_changed(tuple(base), changes, dot) for base, variants in drawn
              for changes, dot in variants]
    _same_pairs(groups, vocab)


def _recorded_groups(tmp_path, monkeypatch, sizes: tuple[int, ...]) -> list[tuple]:
    """Every ``cluster`` call's arguments on the samples and on a generated export
    of each text shape at each size."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_text_plans

    inputs = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx"))
    for shape, suffix in bench_text_plans.SHAPES.items():
        for size in sizes:
            text, _ = bench_text_plans.build(shape, size, seed=13)
            path = tmp_path / f"{shape}-{size}.{suffix}"
            path.write_text(text, encoding="utf-8")
            inputs.append(path)
    seen: list[tuple] = []
    real = role_match.cluster

    def recording(groups, apart, holders, vocab, *rest):  # noqa: ANN001, ANN002, ANN202
        seen.append((groups, apart, holders, vocab, *rest))
        return real(groups, apart, holders, vocab, *rest)

    monkeypatch.setattr(owners, "cluster", recording)
    for path in inputs:
        assert run_one(str(path)).document["status"] == "ok", path.name
    assert max(len(call[0]) for call in seen) > 150
    return seen


def test_every_documents_groups_pair_and_cluster_alike(tmp_path, monkeypatch):
    seen = _recorded_groups(tmp_path, monkeypatch, (150_000, 600_000))
    for call in seen:
        groups, vocab = call[0], call[3]
        _same_pairs(groups, vocab)
        assert role_match.cluster(*call) == _reference_cluster()(*call)


def _reference_cluster():  # noqa: ANN202 - it imports this module's reference pairs
    from reference_cluster import reference_cluster

    return reference_cluster


@settings(max_examples=200, deadline=None)
@given(_GROUPS, st.data())
def test_random_groups_cluster_as_the_reference(drawn, data):
    """Spellings printed in one cell, named holders and the vocabulary's own sets
    drawn at random too: the roles are the reference's."""
    vocab = load(None)
    groups = [_changed(tuple(base), changes, dot) for base, variants in drawn
              for changes, dot in variants]
    index = st.integers(0, len(groups) - 1)
    apart = {frozenset(p) for p in data.draw(st.lists(st.tuples(index, index), max_size=6))
             if p[0] != p[1]}
    holders = data.draw(st.dictionaries(index, st.sets(st.sampled_from("ABC"), max_size=2),
                                        max_size=8))
    same = [s for s in data.draw(st.lists(st.sets(index, max_size=3), max_size=3)) if len(s) > 1]
    call = (groups, apart, holders, vocab, same, DEFAULT.owners)
    assert role_match.cluster(*call) == _reference_cluster()(*call)
