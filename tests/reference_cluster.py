"""``role_match.cluster`` as it was before issue 11's s11-rolepairs: each role's
groups read by a pass over every group, and every candidate pair of
``reference_candidate_pairs`` aligned. The reference the faster one is compared to."""

from __future__ import annotations

from test_candidate_pairs import reference_candidate_pairs

from planextract.normalise.role_match import Clusters, Group, aligns
from planextract.settings import DEFAULT, OwnerSettings


def reference_cluster(groups: list[Group], apart: set[frozenset[int]], holders: dict[int, set[str]],
            vocab, same: list[set[int]] | None = None,
            tolerance: OwnerSettings = DEFAULT.owners) -> Clusters:
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
    for i, j in sorted(reference_candidate_pairs(groups, vocab)):
        if find(i) != find(j) and frozenset((i, j)) not in apart \
                and aligns(groups[i], groups[j], vocab, tolerance):
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
