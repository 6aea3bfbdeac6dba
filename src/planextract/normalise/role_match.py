"""Which spellings of one document are one role.

Two steps, as OpenRefine clusters: spellings whose fingerprints collide after
expansion are one group; then token alignment (contractions, abbreviations with
a dot, a generic word more or less, edit distance 1 on long words) only
*proposes* joining two groups, and guards decide:

- two spellings printed in one cell are never one role;
- every word must align, so the head noun and the words qualifying it agree
  (``Head of X`` never joins ``Head of Y``) and a rank modifier (``Deputy``,
  ``Assistant``, ``Senior``, ``Acting``) on one side only blocks the merge;
- a group joins only when it has exactly one candidate (a shared named post
  holder picks one among several);
- the result does not depend on the order the spellings were seen in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import permutations

from rapidfuzz.distance import Levenshtein

from planextract.normalise.role_text import fold
from planextract.normalise.role_vocab import Vocabulary


@dataclass
class Group:
    """Spellings whose fingerprints collide; ``tokens`` are the group's words as
    aligned (folded, stop words dropped, in printed order)."""

    key: str
    spellings: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    dotted: frozenset[str] = frozenset()  # words printed with a dot: abbreviations
    mentions: int = 0


def align_tokens(words: list[str], stop_words: frozenset[str]) -> tuple[tuple[str, ...],
                                                                         frozenset[str]]:
    tokens, dotted = [], set()
    for word in words:
        for part in word.replace("&", " and ").split():
            token = fold(part)
            if token and token not in stop_words:
                tokens.append(token)
                if part.endswith("."):
                    dotted.add(token)
    return tuple(tokens), frozenset(dotted)


@lru_cache(maxsize=8)
def _folded_contractions(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """The contractions lexicon on folded words (``comms`` -> ``comm``)."""
    out: dict[str, set[str]] = {}
    for short, expansions in vocab.contractions.items():
        out.setdefault(fold(short), set()).update(fold(e) for e in expansions)
    return {k: frozenset(v) for k, v in out.items()}


def _same_word(a: str, b: str, vocab: Vocabulary, dotted: frozenset[str]) -> bool:
    if a == b:
        return True
    lexicon = _folded_contractions(vocab)
    for short, long in ((a, b), (b, a)):
        if long in lexicon.get(short, ()):
            return True
        if (len(short) >= 3 and long.startswith(short) and short in dotted
                and short not in vocab.role_words):
            return True
    if a in vocab.rank_modifiers or b in vocab.rank_modifiers:
        return False
    if min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b) <= 1:
        heads = (a in vocab.head_nouns, b in vocab.head_nouns)
        return heads == (False, False) or (all(heads) and a[:5] == b[:5])
    return False


def _bijection(x: tuple[str, ...], y: tuple[str, ...], vocab: Vocabulary,
               dotted: frozenset[str]) -> bool:
    if len(x) != len(y) or not x:
        return False
    if len(x) > 6:
        return sorted(x) == sorted(y)
    return any(all(_same_word(a, b, vocab, dotted) for a, b in zip(x, perm))
               for perm in permutations(y))


def _joined_compounds(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
    """``vice chancellor`` against ``vicechancellor``: join the pair in ``x``."""
    out = list(x)
    for i in range(len(out) - 1):
        if out[i] + out[i + 1] in y:
            return (*out[:i], out[i] + out[i + 1], *out[i + 2:])
    return tuple(out)


def aligns(a: Group, b: Group, vocab: Vocabulary) -> bool:
    """Could two groups be one role? Only a proposal: ``cluster`` decides."""
    dotted = a.dotted | b.dotted
    x, y = _joined_compounds(a.tokens, b.tokens), _joined_compounds(b.tokens, a.tokens)
    if _bijection(x, y, vocab, dotted):
        return True
    # a generic word more or less: Business / Business Services, VLU / Vulnerable Lives Unit
    gx = tuple(t for t in x if t not in vocab.generic)
    gy = tuple(t for t in y if t not in vocab.generic)
    if (gx, gy) != (x, y) and len(gx) >= 2 and len(gy) >= 2:
        return _bijection(gx, gy, vocab, dotted)
    return False


@dataclass
class Clusters:
    """Groups joined into roles: ``members[i]`` lists group indexes of role i;
    ``fuzzy`` the groups of roles that were joined by alignment."""

    members: list[list[int]]
    fuzzy: set[int]


def cluster(groups: list[Group], apart: set[frozenset[int]], holders: dict[int, set[str]],
            vocab: Vocabulary, same: list[set[int]] | None = None) -> Clusters:
    """Join groups into roles.

    ``apart``: pairs of groups printed in one cell (never one role);
    ``holders``: people named with each group's spellings; ``same``: sets of
    groups already known to be one role (the vocabulary says so)."""
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def members(root: int) -> list[int]:
        return [j for j in range(len(groups)) if find(j) == root]

    def can_join(i: int, j: int) -> bool:
        return not any(frozenset((a, b)) in apart for a in members(find(i))
                       for b in members(find(j)))

    vocab_pairs: set[frozenset[int]] = set()
    for known in same or []:
        ordered = sorted(known)
        vocab_pairs.update(frozenset((a, b)) for a in ordered for b in ordered if a != b)
        for other in ordered[1:]:
            if can_join(ordered[0], other):
                parent[find(other)] = find(ordered[0])

    candidates: dict[int, set[int]] = {i: set() for i in range(len(groups))}
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if find(i) != find(j) and frozenset((i, j)) not in apart \
                    and aligns(groups[i], groups[j], vocab):
                candidates[i].add(j)
                candidates[j].add(i)
    fuzzy: set[int] = set()
    edges = []
    for i, found in candidates.items():
        roots = {find(j) for j in found}
        if len(roots) > 1 and holders.get(i):
            shared = {find(j) for j in found if holders.get(j, set()) & holders[i]}
            roots = shared if len(shared) == 1 else roots
        if len(roots) == 1:
            target = next(j for j in sorted(found) if find(j) in roots)
            # exactly one candidate on both sides: Dep Head is not joined to
            # Department Head while Deputy Head is there too
            if {find(k) for k in candidates[target]} == {find(i)}:
                edges.append((i, target))

    def linked(a: int, b: int) -> bool:
        return b in candidates[a] or frozenset((a, b)) in vocab_pairs

    for i, j in sorted(edges):
        if find(i) == find(j) or not can_join(i, j):
            continue
        # complete linkage: every group of one side must align with every one of the other
        if all(linked(a, b) for a in members(find(i)) for b in members(find(j))):
            fuzzy.update(members(find(i)) + members(find(j)))
            parent[find(i)] = find(j)
    roots = sorted({find(i) for i in range(len(groups))})
    return Clusters([members(r) for r in roots], fuzzy)
