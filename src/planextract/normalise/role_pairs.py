"""Which owner groups could align at all, found without pairing every two groups
that share a common word (issue 11).

Two groups align only through a bijection of their words (``role_match.aligns``):
every word of one side, or the compound it is joined into, is the *same word*
(``role_match._same_word``) as a word of the other side; only a generic word
may be left out, and only by the generic path. So a group need not be paired
with every group sharing a word (a surname, ``manager``): it is paired only
with the groups holding a match for its rarest word that no path may leave out.

A match is found by keys, so that ``same_word(t, u)`` implies
``query(t) & index(u)``: the word itself and its spelt-out contractions; a
dotted abbreviation against the words it begins (``P:``/``S:`` keys, one side
short, the other long); and for a typo, the words left by deleting up to
``typo_distance`` letters (two words that far apart share one).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import combinations

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.settings import OwnerSettings

Keys = frozenset[str]


@lru_cache(maxsize=8)
def folded_contractions(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """The contractions lexicon on folded words (``comms`` -> ``comm``)."""
    out: dict[str, set[str]] = {}
    for short, expansions in vocab.contractions.items():
        out.setdefault(fold(short), set()).update(fold(e) for e in expansions)
    return {k: frozenset(v) for k, v in out.items()}


def _deletions(word: str, distance: int) -> set[str]:
    """``word`` with up to ``distance`` letters deleted: two words within that
    edit distance share one of these."""
    out = {word}
    for n in range(1, min(distance, len(word)) + 1):
        for cut in combinations(range(len(word)), n):
            out.add("".join(c for k, c in enumerate(word) if k not in cut))
    return out


def word_keys(word: str, vocab: Vocabulary, tolerance: OwnerSettings) -> tuple[Keys, Keys]:
    """(query, index) keys of one word: ``same_word(t, u)`` (either order)
    implies ``query(t) & index(u)``."""
    common = {"w:" + word} | {"w:" + e for e in folded_contractions(vocab).get(word, ())}
    query, index = set(common), set(common)
    if len(word) >= 3 and word not in vocab.role_words:  # may be a dotted abbreviation
        query.add("P:" + word)
        index.add("S:" + word)
    for end in range(3, len(word)):  # the abbreviations this word may be spelt out of
        prefix = word[:end]
        if prefix not in vocab.role_words:
            index.add("P:" + prefix)
            query.add("S:" + prefix)
    if len(word) >= tolerance.typo_min_length and word not in vocab.rank_modifiers:
        typos = {"d:" + w for w in _deletions(word, tolerance.typo_distance)}
        query |= typos
        index |= typos
    return frozenset(query), frozenset(index)


def _pieces(tokens: tuple[str, ...]) -> list[str]:
    """Every word an alignment may use: the words and each neighbours' compound."""
    return [*tokens, *(a + b for a, b in zip(tokens, tokens[1:]))]


def _around(tokens: tuple[str, ...], k: int) -> list[str]:
    """The word at ``k`` and the compounds it may be joined into."""
    out = [tokens[k]]
    if k > 0:
        out.append(tokens[k - 1] + tokens[k])
    if k + 1 < len(tokens):
        out.append(tokens[k] + tokens[k + 1])
    return out


def _required(tokens: tuple[str, ...], vocab: Vocabulary) -> list[int]:
    """Positions of words no alignment leaves out: every one for a single word;
    otherwise those which, alone or joined to a neighbour, are not generic (the
    generic path drops only generic words)."""
    if len(tokens) == 1:
        return [0]
    return [k for k in range(len(tokens))
            if not any(w in vocab.generic for w in _around(tokens, k))]


def possible_pairs(token_lists: list[tuple[str, ...]], vocab: Vocabulary,
                   tolerance: OwnerSettings,
                   keep: Callable[[int, int], bool]) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, passing ``keep`` that may align: every pair
    that aligns and passes ``keep`` is among them."""
    keys: dict[str, tuple[Keys, Keys]] = {}

    def of(word: str) -> tuple[Keys, Keys]:
        if word not in keys:
            keys[word] = word_keys(word, vocab, tolerance)
        return keys[word]

    offers = [frozenset().union(*(of(w)[1] for w in _pieces(t))) for t in token_lists]
    needs = [[frozenset().union(*(of(w)[0] for w in _around(t, k))) for k in _required(t, vocab)]
             for t in token_lists]
    postings: dict[str, list[int]] = {}
    for i, offered in enumerate(offers):
        for key in offered:
            postings.setdefault(key, []).append(i)

    def fits(i: int, j: int) -> bool:
        """Every word of ``i`` no alignment leaves out has a match in ``j``."""
        return all(not need.isdisjoint(offers[j]) for need in needs[i])

    holding: dict[Keys, frozenset[int]] = {}  # groups holding a match for one word

    def matching(need: Keys) -> frozenset[int]:
        if need not in holding:
            holding[need] = frozenset().union(*(postings.get(x, ()) for x in need))
        return holding[need]

    pairs: set[tuple[int, int]] = set()
    everyone = frozenset(range(len(token_lists)))
    for i, tokens in enumerate(token_lists):
        if not tokens:
            continue  # no words: aligns with nothing
        # the groups holding a match for each such word (rarest first); generic
        # words only: every group, as before
        found = everyone.intersection(*sorted(map(matching, needs[i]), key=len))
        for j in found:
            pair = (i, j) if i < j else (j, i)
            if j != i and pair not in pairs and fits(j, i) and keep(*pair):
                pairs.add(pair)
    return pairs
