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

from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import permutations

from rapidfuzz.distance import Levenshtein

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.memo import per_document_lean
from planextract.settings import DEFAULT, OwnerSettings

NO_DOTS: frozenset[str] = frozenset()  # one empty set, not 216 bytes a group (issue 11)


@dataclass(slots=True)  # one per fingerprint of a document's spellings (issue 11)
class Group:
    """Spellings whose fingerprints collide; ``tokens`` are the group's words as
    aligned (folded, stop words dropped, in printed order)."""

    key: str
    spellings: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    dotted: frozenset[str] = NO_DOTS  # words printed with a dot: abbreviations


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
    return tuple(tokens), frozenset(dotted) if dotted else NO_DOTS


@lru_cache(maxsize=8)
def _folded_contractions(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """The contractions lexicon on folded words (``comms`` -> ``comm``)."""
    out: dict[str, set[str]] = {}
    for short, expansions in vocab.contractions.items():
        out.setdefault(fold(short), set()).update(fold(e) for e in expansions)
    return {k: frozenset(v) for k, v in out.items()}


def _same_word(a: str, b: str, vocab: Vocabulary, dotted: frozenset[str],
               tolerance: OwnerSettings) -> bool:
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
    if min(len(a), len(b)) >= tolerance.typo_min_length \
            and Levenshtein.distance(a, b) <= tolerance.typo_distance:
        heads = (a in vocab.head_nouns, b in vocab.head_nouns)
        return heads == (False, False) or (all(heads) and a[:5] == b[:5])
    return False


def _unpaired(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The words of ``x`` and of ``y`` left once each word printed alike in both is
    paired with its twin (in order, a repeated word once a time)."""
    rest_y = list(y)
    rest_x = []
    for word in x:
        if word in rest_y:
            rest_y.remove(word)
        else:
            rest_x.append(word)
    return rest_x, rest_y


def _to_search(x: tuple[str, ...], y: tuple[str, ...]
               ) -> bool | tuple[list[str], list[str]]:
    """The words of ``x`` and ``y`` left to pair by search, or the answer when it is
    known without one: words printed alike pair with each other, and more than four
    left unpaired (or lengths that differ) pair no way."""
    if len(x) != len(y) or not x:
        return False
    rest_x, rest_y = _unpaired(x, y)
    if not rest_x:
        return True
    if len(rest_x) > 4:
        return False
    return rest_x, rest_y


def _bijection(x: tuple[str, ...], y: tuple[str, ...], vocab: Vocabulary,
               dotted: frozenset[str], tolerance: OwnerSettings) -> bool:
    rest = _to_search(x, y)
    if isinstance(rest, bool):
        return rest
    rest_x, rest_y = rest
    # which words may pair, each pair asked once (a word pairing with none ends it):
    # trying every ordering asked the same pairs again, k! times for k words
    pairs = []
    for a in rest_x:
        row = [_same_word(a, b, vocab, dotted, tolerance) for b in rest_y]
        if not any(row):
            return False
        pairs.append(row)
    return any(all(row[j] for row, j in zip(pairs, order))
               for order in permutations(range(len(rest_y))))


def bijection_by_orderings(x: tuple[str, ...], y: tuple[str, ...], vocab: Vocabulary,
                           dotted: frozenset[str], tolerance: OwnerSettings) -> bool:
    """``_bijection`` as it was, every ordering of the words tried in turn: the
    reference of tests/test_speed_normalise.py."""
    rest = _to_search(x, y)
    if isinstance(rest, bool):
        return rest
    rest_x, rest_y = rest
    return any(all(_same_word(a, b, vocab, dotted, tolerance) for a, b in zip(rest_x, perm))
               for perm in permutations(rest_y))


@per_document_lean(DEFAULT.memo.pieces)
def _block_keys(tokens: tuple[str, ...], vocab: Vocabulary) -> tuple[str, ...]:
    """Words two spellings of one role must share at least one of: each word
    with an unambiguous contraction spelt out (mgr -> manager), and each pair of
    neighbours joined (vice chancellor -> vicechancellor). Each key once, as a
    tuple: a frozenset answer (216 bytes and up) held 0.19 MiB of the memo at 1 MB
    text-cells' owner peak (issue 11); ``reference_block_keys`` is the set."""
    lexicon = _folded_contractions(vocab)
    keys: dict[str, None] = {}
    for token in tokens:
        spelt = lexicon.get(token, frozenset())
        keys[next(iter(spelt)) if len(spelt) == 1 else token] = None
    for a, b in zip(tokens, tokens[1:]):
        keys[a + b] = None
    return tuple(keys)


def reference_block_keys(tokens: tuple[str, ...], vocab: Vocabulary) -> frozenset[str]:
    """``_block_keys`` as a set, as it was (the tests swap it in)."""
    lexicon = _folded_contractions(vocab)
    keys = set()
    for token in tokens:
        spelt = lexicon.get(token, frozenset())
        keys.add(next(iter(spelt)) if len(spelt) == 1 else token)
    keys.update(a + b for a, b in zip(tokens, tokens[1:]))
    return frozenset(keys)


def _share_a_key(x: Iterable[str], y: Collection[str]) -> bool:
    """Has ``x`` a key ``y`` has (a handful each: a scan, no set made)."""
    for key in x:
        if key in y:
            return True
    return False


def _candidate_pairs(groups: list[Group], vocab: Vocabulary) -> Iterator[tuple[int, int]]:
    """Pairs of groups worth aligning (sharing a block key, or both one word), each
    once, ``i < j``, in sorted order.

    Held as one int bitmask of partners ``j > i`` per group, not a set of pair
    tuples (issue 11: the set set owner resolution's peak, 0.82x a 1 MB export):
    a key's groups are marked as suffix masks, so a common word keying thousands of
    groups costs one OR per group, not one tuple per pair."""
    partners = [0] * len(groups)

    def mark(members: list[int]) -> None:
        later = 0  # the bits of the members after this one (members ascend)
        for i in reversed(members):
            partners[i] |= later
            later |= 1 << i

    index: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for key in _block_keys(group.tokens, vocab):
            index.setdefault(key, []).append(i)
    for members in index.values():
        mark(members)
    del index
    mark([i for i, g in enumerate(groups) if len(g.tokens) == 1])
    for i, mask in enumerate(partners):
        while mask:
            low = mask & -mask
            yield i, low.bit_length() - 1
            mask ^= low


def _joined_compounds(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
    """``vice chancellor`` against ``vicechancellor``: join the pair in ``x``."""
    out = list(x)
    for i in range(len(out) - 1):
        if out[i] + out[i + 1] in y:
            return (*out[:i], out[i] + out[i + 1], *out[i + 2:])
    return x  # itself, not a copy: the memos below keep what they are asked with


def aligns(a: Group, b: Group, vocab: Vocabulary,
           tolerance: OwnerSettings = DEFAULT.owners,
           generic: frozenset[str] | None = None) -> bool:
    """Could two groups be one role? Only a proposal: ``cluster`` decides.
    ``generic``: the generic words, when the plan adds its own to the vocabulary's
    (``cluster``'s ``body_words``)."""
    if abs(len(a.tokens) - len(b.tokens)) > tolerance.max_extra_words:
        return False
    # a union only of two sets with words: the memo of _bijection keeps this set
    dotted = a.dotted | b.dotted if a.dotted and b.dotted else a.dotted or b.dotted
    x, y = _joined_compounds(a.tokens, b.tokens), _joined_compounds(b.tokens, a.tokens)
    if len(x) + len(y) > 2 and not _share_a_key(_block_keys(x, vocab), _block_keys(y, vocab)):
        return False  # not one word in common: never one role (and it keeps this fast)
    if _bijection(x, y, vocab, dotted, tolerance):
        return True
    # a generic word more or less: Business / Business Services, VLU / Vulnerable Lives Unit
    # built from a list, not a generator: tuple(generator) takes a 10-slot tuple and
    # shrinks it, so each freed one went to the free list of its final size, never
    # taken again here: 2,000 a size held (issue 11: 246 KiB at 1 MB text-cells)
    if generic is None:
        generic = vocab.generic
    gx = tuple([t for t in x if t not in generic])
    gy = tuple([t for t in y if t not in generic])
    if (gx, gy) != (x, y) and len(gx) >= 2 and len(gy) >= 2:
        return _bijection(gx, gy, vocab, dotted, tolerance)
    return False


@dataclass
class Clusters:
    """Groups joined into roles: ``members[i]`` lists group indexes of role i;
    ``fuzzy`` the groups of roles that were joined by alignment."""

    members: list[list[int]]
    fuzzy: set[int]


def pair_key(a: int, b: int, count: int) -> int:
    """Two of ``count`` groups as one int, either way round: a set of ints instead
    of 2-element frozensets (216 bytes each) for a long plan's pairs (issue 11)."""
    return a * count + b if a < b else b * count + a


@dataclass(frozen=True, slots=True)
class PairSet:
    """``pair_key`` ints held sorted in an array and found by bisection: 8 bytes a
    pair, where a set held a 28-byte int and 16-byte slots four times over (issue 11:
    a 1 MB text-cells export's 2,243 pairs printed in one cell, 198 KiB of the
    clustering's peak, now 18 KiB). Asked a few thousand times a document."""

    keys: array

    @classmethod
    def of(cls, keys: Iterable[int]) -> PairSet:
        return cls(array("q", sorted(keys)))

    def __contains__(self, key: object) -> bool:
        i = bisect_left(self.keys, key)  # type: ignore[arg-type]
        return i < len(self.keys) and self.keys[i] == key

    def __iter__(self) -> Iterator[int]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def cluster(groups: list[Group], apart: Collection[int], holders: dict[int, set[str]],
            vocab: Vocabulary, same: list[set[int]] | None = None,
            tolerance: OwnerSettings = DEFAULT.owners,
            body_words: frozenset[str] = frozenset()) -> Clusters:
    """Join groups into roles.

    ``apart``: pairs of groups printed in one cell (never one role), as
    ``pair_key``s;
    ``holders``: people named with each group's spellings; ``same``: sets of
    groups already known to be one role (the vocabulary says so); ``body_words``:
    the words of the plan's own body's name (``owners.body_words``), generic in its
    posts as ``Service`` is (``Park Ranger Manager`` / ``Ranger Manager`` at a national
    park authority)."""
    parent = list(range(len(groups)))
    count = len(groups)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def members(root: int) -> list[int]:
        return [j for j in range(len(groups)) if find(j) == root]

    def can_join(i: int, j: int) -> bool:
        return not any(pair_key(a, b, count) in apart for a in members(find(i))
                       for b in members(find(j)))

    vocab_pairs: set[frozenset[int]] = set()
    for known in same or []:
        ordered = sorted(known)
        vocab_pairs.update(frozenset((a, b)) for a in ordered for b in ordered if a != b)
        for other in ordered[1:]:
            if can_join(ordered[0], other):
                parent[find(other)] = find(ordered[0])

    generic = vocab.generic | body_words if body_words else vocab.generic
    candidates: dict[int, set[int]] = {i: set() for i in range(len(groups))}
    for i, j in _candidate_pairs(groups, vocab):
        if find(i) != find(j) and pair_key(i, j, count) not in apart \
                and aligns(groups[i], groups[j], vocab, tolerance, generic):
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
