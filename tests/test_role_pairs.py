"""The rule ``role_pairs`` finds pairs by is local: two words the matcher takes
for one (``role_match._same_word``, with either printed with a dot) share a key,
one's query key and the other's index key, in either order. Checked on words
drawn from the vocabulary and changed as the matcher allows: cut short, a letter
changed, added or dropped, a contraction spelt out. And ``cluster``'s roles, made
from the groups' roots in one pass, are the roles it made one root at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import load
from planextract.normalise.role_match import _by_root, _same_word
from planextract.normalise.role_pairs import folded_contractions, word_keys
from planextract.settings import DEFAULT

VOCAB = load(None)
_LEXICON = folded_contractions(VOCAB)
_BASE = sorted({fold(w) for w in VOCAB.role_words if w.isalpha()} | set(_LEXICON)
               | {e for spelt in _LEXICON.values() for e in spelt}
               | {"pryce", "adviser", "chancellor", "vicechancellor", "estates"})


@st.composite
def _changed(draw) -> tuple[str, str]:
    word = draw(st.sampled_from(_BASE))
    how = draw(st.sampled_from(["same", "cut", "swap", "add", "drop", "spelt", "other"]))
    at = draw(st.integers(0, max(len(word) - 1, 0)))
    letter = draw(st.sampled_from("aeioustrnd"))
    if how == "cut":
        other = word[:max(at, 1)]
    elif how == "swap":
        other = word[:at] + letter + word[at + 1:]
    elif how == "add":
        other = word[:at] + letter + word[at:]
    elif how == "drop":
        other = word[:at] + word[at + 1:]
    elif how == "spelt":
        other = draw(st.sampled_from(sorted(_LEXICON.get(word, {word}))))
    elif how == "other":
        other = draw(st.sampled_from(_BASE))
    else:
        other = word
    return word, other or word


@settings(max_examples=3000, deadline=None)
@given(_changed())
def test_words_taken_for_one_share_a_key(pair):
    t, u = pair
    if not _same_word(t, u, VOCAB, frozenset({t, u}), DEFAULT.owners):
        return
    for a, b in ((t, u), (u, t)):
        query, _ = word_keys(a, VOCAB, DEFAULT.owners)
        _, index = word_keys(b, VOCAB, DEFAULT.owners)
        assert query & index, (a, b)


def reference_by_root(roots: list[int]) -> list[list[int]]:
    """``cluster``'s roles as it made them: one pass over every group per root."""
    return [[j for j in range(len(roots)) if roots[j] == r] for r in sorted(set(roots))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=40))
def test_roles_by_root_are_the_reference_roles(roots):
    assert _by_root(roots) == reference_by_root(roots)
