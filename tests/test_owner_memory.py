"""Owner resolution's lean working set (issue 11) decides what the old one did.

``lean_cell`` (tuples, one shared empty map) stands in for ``split_cell``'s lists,
``pair_key`` ints for the 2-element frozensets of groups printed in one cell (held
sorted in a ``PairSet``, each distinct cell read once, for the set of ints),
``source_set`` for a fresh frozenset per ``Expansion``, a tuple itself for its copy
in ``_joined_compounds``, one shared empty set of dotted words, an ``Expansion``'s
words read afresh (``read_words``) instead of remembered (``words_of``), one
``RowOwners`` shared by the cells that resolve alike, a cell's printed roles one
string a spelling and its roles' tuple where they read alike, the cells' segments
and peeled pieces forgotten once every cell is cut (``forget_cuts``). Each is swapped back
for the code it replaced (the ``OwnerCell`` itself, ``frozenset((a, b))``, the set,
``frozenset``, the old ``_joined_compounds`` and ``aligns``, one ``RowOwners`` per
cell, the memos kept) over whole documents:
the samples and generated exports of many plans in every text shape, every table
compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_exports import everything, swap_everywhere, write_exports

from planextract.lexicon import role_vocab
from planextract.memo import caches
from planextract.normalise import owner_cells, owner_peel, owners, records, role_match, role_text

ROOT = Path(__file__).resolve().parent.parent
VOCAB = role_vocab.load()


def reference_pair(a: int, b: int, count: int) -> frozenset[int]:
    """The pair as resolution held it before: a frozenset, either way round."""
    return frozenset((a, b))


def reference_lean_cell(cell: owner_cells.OwnerCell) -> owner_cells.OwnerCell:
    """The cell as ``split_cell`` makes it, lists and all."""
    return cell


def reference_as_printed(role: str, cleaned: str) -> str:
    """The printed role as ``split_cell`` made it before: a fresh string each cell."""
    return " ".join(role.split()).strip(" ,;:")


def reference_forget_cuts() -> None:
    """Before: the cells' segments and peeled pieces kept until the labels are made."""


def reference_joined_compounds(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
    """The old ``_joined_compounds``: a copy of ``x`` when nothing is joined."""
    out = list(x)
    for i in range(len(out) - 1):
        if out[i] + out[i + 1] in y:
            return (*out[:i], out[i] + out[i + 1], *out[i + 2:])
    return tuple(out)


def reference_aligns(a, b, vocab, tolerance=role_match.DEFAULT.owners, generic=None) -> bool:
    """The old ``aligns``: a fresh union of the two groups' dotted words each time
    (``generic``: the plan's generic words, its body's name's with the vocabulary's)."""
    if generic is None:
        generic = vocab.generic
    if abs(len(a.tokens) - len(b.tokens)) > tolerance.max_extra_words:
        return False
    dotted = a.dotted | b.dotted
    x, y = (role_match._joined_compounds(a.tokens, b.tokens),
            role_match._joined_compounds(b.tokens, a.tokens))
    if len(x) + len(y) > 2 and not (role_match.reference_block_keys(x, vocab)
                                    & role_match.reference_block_keys(y, vocab)):
        return False
    if role_match._bijection(x, y, vocab, dotted, tolerance):
        return True
    gx = tuple(t for t in x if t not in generic)
    gy = tuple(t for t in y if t not in generic)
    if (gx, gy) != (x, y) and len(gx) >= 2 and len(gy) >= 2:
        return role_match._bijection(gx, gy, vocab, dotted, tolerance)
    return False


def reference_row_owners(split, per_cell, canon, codes) -> list[owners.RowOwners]:
    """The old loop in ``resolve``: one ``RowOwners`` per distinct cell, none shared
    between cells that resolve alike."""
    rows: list[owners.RowOwners] = []
    made: dict[int, owners.RowOwners] = {}
    for held, roles in zip(split, per_cell):
        row = made.get(id(held))
        cell = owner_cells.as_lean(held)  # a cell of roles alone made whole
        if row is None:
            row = made[id(held)] = owners.RowOwners(
                list(dict.fromkeys(canon[r] for r in roles)), list(dict.fromkeys(cell.people)))
            flags = {"owner_fuzzy_matched"} if any(codes[r] == "fuzzy" for r in roles) else set()
            if cell.unsure:
                flags.add("owner_unknown")
            if flags:
                row.flags = flags
        rows.append(row)
    return rows


def old_swaps() -> dict[int, object]:
    return {id(owner_cells.lean_cell): reference_lean_cell,
            id(owner_cells.as_printed): reference_as_printed,
            id(owner_cells.forget_cuts): reference_forget_cuts,
            id(role_match.pair_key): reference_pair,
            id(owners.apart_pairs): owners.reference_apart_pairs,  # a set, every cell read
            id(role_text.source_set): frozenset,
            id(role_match._joined_compounds): reference_joined_compounds,
            id(role_match.aligns): reference_aligns,
            id(role_match._block_keys): role_match.reference_block_keys,  # sets, s18-fixed
            id(role_text.read_words): role_text.words_of,
            id(owners._row_owners): reference_row_owners}  # an Expansion's words remembered


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("exports")
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".docx", ".html"))
    return samples + write_exports(folder, 60_000, seed=11)


def test_whole_documents_are_the_same_with_the_old_owner_working_set(inputs, monkeypatch):
    lean = [everything(p) for p in inputs]
    assert all(doc["status"] == "ok" for doc, _, _, _ in lean)
    assert any(roles for _, _, _, roles in lean)
    for cache in caches()["document"]:
        cache.cache_clear()
    assert swap_everywhere(monkeypatch, old_swaps()) >= 5  # defined, and owners' imports
    # the rows' owners all made at once, a list, as the swapped ``_row_owners`` makes them
    monkeypatch.setattr(records, "ROWS_AS_MADE", False)
    monkeypatch.setattr(owners, "FORGET_CUT", False)  # the rules' memos kept to the labels
    old = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, lean, old):
        assert got == expected, path.name


@given(st.integers(2, 400), st.data())
def test_a_pair_key_is_one_int_per_unordered_pair(count, data):
    """Same key either way round, and two different pairs never share one."""
    index = st.integers(0, count - 1)
    a, b, c, d = (data.draw(index) for _ in range(4))
    if a == b or c == d:
        return
    assert role_match.pair_key(a, b, count) == role_match.pair_key(b, a, count)
    same = {a, b} == {c, d}
    assert (role_match.pair_key(a, b, count) == role_match.pair_key(c, d, count)) == same


CELLS = ["Head of HR – Jane Smith; ACO OM/BS", "Quill Marrow", "", None,
         "Diversity Manager, Chief Executive", "Jane Smith (Head of HR)\nE&D Officer",
         "Head of Learning and Development: Tomasz Lowe", "ACO – HR – Leona Lowe"]


@pytest.mark.parametrize("text", CELLS)
def test_a_lean_cell_holds_what_the_cell_holds(text):
    cell = owner_cells.split_cell(text, VOCAB)
    lean = owner_cells.as_lean(owner_cells.lean_cell(cell))
    assert list(lean.roles) == cell.roles and list(lean.printed) == cell.printed
    assert list(lean.people) == cell.people and list(lean.unsure) == cell.unsure
    assert dict(lean.holders) == cell.holders
    assert list(lean.holders.items()) == list(cell.holders.items())


@pytest.mark.parametrize("text", CELLS)
def test_a_lean_cell_shares_its_roles_and_their_strings_only_where_they_read_alike(text):
    cell = owner_cells.split_cell(text, VOCAB)
    lean = owner_cells.as_lean(owner_cells.lean_cell(cell))
    assert (lean.printed is lean.roles) == (cell.printed == cell.roles)
    for role, printed in zip(cell.roles, cell.printed):
        assert (printed is role) == (printed == role)


@pytest.mark.parametrize("text", CELLS)
def test_a_cell_of_roles_alone_is_held_as_its_roles_tuple(text):
    """``ROLES_ALONE``: a cell holding nothing but roles printed as cleaned is its
    roles' tuple; any other a ``LeanCell``; and every one a ``LeanCell`` without it."""
    cell = owner_cells.split_cell(text, VOCAB)
    held = owner_cells.lean_cell(cell)
    alone = cell.printed == cell.roles and not (cell.people or cell.holders or cell.unsure)
    assert (type(held) is tuple) == alone
    if alone:
        assert held == tuple(cell.roles)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(owner_cells, "ROLES_ALONE", False)
        assert owner_cells.as_lean(held) == owner_cells.lean_cell(cell)


def test_some_cells_are_held_as_roles_alone_and_some_not():
    kinds = {type(owner_cells.lean_cell(owner_cells.split_cell(t, VOCAB))) for t in CELLS}
    assert kinds == {tuple, owner_cells.LeanCell}


def test_whole_documents_are_the_same_with_every_cell_a_lean_cell(inputs, monkeypatch):
    """The cells of roles alone held as their tuples (``ROLES_ALONE``) against the
    reference, every cell a ``LeanCell``, over whole documents, the rows' owners
    made both ways (as made, and all at once)."""
    for as_made in (True, False):
        monkeypatch.setattr(records, "ROWS_AS_MADE", as_made)
        now = [everything(p) for p in inputs]
        assert all(doc["status"] == "ok" for doc, _, _, _ in now)
        monkeypatch.setattr(owner_cells, "ROLES_ALONE", False)
        before = [everything(p) for p in inputs]
        monkeypatch.setattr(owner_cells, "ROLES_ALONE", True)
        for path, got, expected in zip(inputs, now, before):
            assert got == expected, path.name


def test_a_printed_role_reads_as_before():
    for role, cleaned in (("  Head  of HR ,", "Head of HR"), ("ACO – HR", "ACO HR"),
                          ("T & D Manager;", "T&D Manager")):
        assert owner_cells.as_printed(role, cleaned) == reference_as_printed(role, cleaned)


def test_the_apart_pairs_are_the_old_frozensets_keyed():
    per_cell = [["a", "b", "c"], ["b", "a"], ["c"], ["a", "d"], []]
    group_of = {"a": 0, "b": 1, "c": 2, "d": 1}
    got = owners.apart_pairs(per_cell, group_of, 3)
    old = {frozenset((group_of[x], group_of[y])) for roles in per_cell
           for x in roles for y in roles if group_of[x] != group_of[y]}
    assert list(got) == sorted({role_match.pair_key(min(p), max(p), 3) for p in old})
    assert set(got) == owners.reference_apart_pairs(per_cell, group_of, 3)


@given(st.sets(st.integers(0, 10**6)), st.lists(st.integers(-5, 10**6 + 5)))
def test_a_pair_set_holds_what_the_set_holds(keys, asked):
    """Sorted and bisected, the array answers ``in`` as the set it stands for: every
    key held, and none else (ends, gaps, an empty set)."""
    pairs = role_match.PairSet.of(keys)
    assert len(pairs) == len(keys) and list(pairs) == sorted(keys)
    for key in [*keys, *asked]:
        assert (key in pairs) == (key in keys)


def test_sources_are_one_shared_frozenset_per_set():
    assert role_text.source_set(set()) is role_text.source_set(set())
    assert role_text.source_set({"key"}) is role_text.source_set({"key"})
    assert role_text.source_set({"key", "builtin"}) == frozenset({"builtin", "key"})


def test_row_owners_are_shared_only_between_equal_values():
    cell = owner_cells.lean_cell
    split = [cell(owner_cells.split_cell(t, VOCAB)) for t in
             ("Mgr X", "Manager X", "Manager X (Jo Bloggs)", "Head of Y", "Mgr X",
                       "manager x")]
    per_cell = [("Mgr X",), ("Manager X",), ("Manager X",), ("Head of Y",), ("Mgr X",),
                ("Manager X",)]
    canon = {"Mgr X": "Manager X", "Manager X": "Manager X", "Head of Y": "Head of Y"}
    codes = {"Mgr X": "fuzzy", "Manager X": "exact", "Head of Y": "exact"}
    rows = owners._row_owners(split, per_cell, canon, codes)
    old = reference_row_owners(split, per_cell, canon, codes)
    assert [(r.owners, r.people, set(r.flags)) for r in rows] \
        == [(r.owners, r.people, set(r.flags)) for r in old]
    assert rows[0] is rows[4]  # one cell
    assert rows[0] is not rows[1]  # a fuzzy match flagged on one side only
    assert rows[1] is not rows[2]  # a person on one side only
    assert rows[1] is rows[5]  # two cells resolved alike


def test_rows_as_made_are_the_rows_owners_one_at_a_time():
    """``rows_as_made`` (what ``records`` reads) gives each row the value
    ``_row_owners`` gives it, flags included, in order, none shared."""
    cell = owner_cells.lean_cell
    texts = ("Mgr X", "Manager X", "Manager X (Jo Bloggs)", "Head of Y", "Mgr X", "manager x",
             "", "Jo Bloggs", "HR / Head of Y")
    split = [cell(owner_cells.split_cell(t, VOCAB)) for t in texts]
    resolved = owners.resolve(list(texts), {})
    made = owners.resolve(list(texts), {}, as_made=True)
    assert made.roles == resolved.roles
    rows = list(made.rows)
    assert [(r.owners, r.people, set(r.flags)) for r in rows] \
        == [(r.owners, r.people, set(r.flags)) for r in resolved.rows]
    assert len({id(r) for r in rows}) == len(rows) == len(texts)
    per_cell = [("Mgr X",), ("Manager X",), ("Manager X",), ("Head of Y",), ("Mgr X",),
                ("Manager X",), (), (), ("Head of Y",)]
    canon = {"Mgr X": "Manager X", "Manager X": "Manager X", "Head of Y": "Head of Y"}
    codes = {"Mgr X": "fuzzy", "Manager X": "exact", "Head of Y": "exact"}
    assert [(r.owners, r.people, set(r.flags))
            for r in owners.rows_as_made(split, per_cell, canon, codes)] \
        == [(r.owners, r.people, set(r.flags))
            for r in owners._row_owners(split, per_cell, canon, codes)]


def test_the_cuts_are_forgotten_and_read_again_alike():
    """``forget_cuts`` empties the segments' and peeled pieces' memos; a cell cut
    after it is cut as before."""
    before = [owner_cells.split_cell(t, VOCAB) for t in CELLS]
    owner_cells.forget_cuts()
    assert owner_cells._segments.cache_info().currsize == 0
    assert owner_peel.peeled_pieces.cache_info().currsize == 0
    assert [owner_cells.split_cell(t, VOCAB) for t in CELLS] == before
