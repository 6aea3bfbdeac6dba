"""One row's owners (``RowOwners``) from its cell's roles once owner resolution has
labelled them: all rows at once (``_row_owners``, shared where equal), or one at a
time as the records ask (``rows_as_made``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planextract.normalise.owner_cells import HeldCell, OwnerCell


@dataclass(slots=True)
class RowOwners:
    """One row's owners: canonical roles and people in printed order, and the
    flags the resolution leaves on the row (``owner_fuzzy_matched``, ...)."""

    owners: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    # most rows carry no flag: one empty set for all of them, not one each (issue 11)
    flags: set[str] | frozenset[str] = frozenset()


def _row_owners(split: list[OwnerCell] | list[HeldCell], per_cell: list[tuple[str, ...]],
                canon: dict[str, str], codes: dict[str, str]) -> list[RowOwners]:
    """Each row's ``RowOwners``: one per distinct value, shared by every row that
    gets it (issue 11).

    What a row gets depends on its cell alone, so the rows printing one cell share
    one; and cells printed differently often resolve alike (``Mgr X`` and ``Manager
    X``), so those share one too. Safe: ``records`` reads them and copies the
    lists."""
    rows: list[RowOwners] = []
    # by the hash of the value alone, not the value nor the cell: a key tuple, or a
    # second map by cell, would outweigh the saving; a row whose unequal value
    # collides with another's is not shared
    alike: dict[int, RowOwners] = {}
    for cell, roles in zip(split, per_cell):
        alone = type(cell) is tuple  # roles alone (owner_cells.ROLES_ALONE)
        owners = tuple(dict.fromkeys(canon[r] for r in roles))
        people = () if alone else tuple(dict.fromkeys(cell.people))
        unsure = not alone and bool(cell.unsure)
        fuzzy = any(codes[r] == "fuzzy" for r in roles)
        value = hash((owners, people, fuzzy, unsure))
        row = alike.get(value)
        if row is None or not _holds(row, owners, people, fuzzy, unsure):
            # lists made at their size, not grown by appends
            row = RowOwners(list(owners), list(people))
            flags = {"owner_fuzzy_matched"} if fuzzy else set()
            if unsure:
                flags.add("owner_unknown")
            if flags:
                row.flags = flags
            alike.setdefault(value, row)
        rows.append(row)
    return rows


def _holds(row: RowOwners, owners: tuple[str, ...], people: tuple[str, ...],
           fuzzy: bool, unsure: bool) -> bool:
    """Does ``row`` hold this value (its hash is no proof)?"""
    return tuple(row.owners) == owners and tuple(row.people) == people \
        and ("owner_fuzzy_matched" in row.flags) == fuzzy \
        and ("owner_unknown" in row.flags) == unsure


def rows_as_made(split: list[HeldCell], per_cell: list[tuple[str, ...]],
                 canon: dict[str, str], codes: dict[str, str]) -> Iterator[RowOwners]:
    """``_row_owners``' rows, one at a time as ``records`` asks for them (issue 11:
    made all at once, a 1 MB export's rows' owners were 0.35 MB on top of the cells
    at owner resolution's peak; ``records`` copies the lists, so none is shared)."""
    for cell, roles in zip(split, per_cell):
        alone = type(cell) is tuple  # roles alone (owner_cells.ROLES_ALONE)
        row = RowOwners(list(dict.fromkeys(canon[r] for r in roles)),
                        [] if alone else list(dict.fromkeys(cell.people)))
        flags = {"owner_fuzzy_matched"} if any(codes[r] == "fuzzy" for r in roles) else set()
        if not alone and cell.unsure:
            flags.add("owner_unknown")
        if flags:
            row.flags = flags
        yield row
