"""What the columns of one logical table mean, read once from all its rows:
the roles (``column_evidence``), and how actions and outcomes carry their numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from planextract.extract.model import Cell, Row
from planextract.lexicon.text import squash
from planextract.normalise import column_evidence, numbering
from planextract.normalise.columns import header_labels, repeats_labels
from planextract.settings import DEFAULT, ColumnSettings


@dataclass
class Layout:
    """What the columns of a logical table mean."""

    headers: list[str]
    roles: list[str]
    printed: list[str] = field(default_factory=list)  # every label the header rows print
    numbered_actions: str | None = None  # None, "dotted" (1.1 under outcome 1) or "plain"
    levels: int = 0  # levels of the action numbers (3 for 1.1.1), 0 when unnumbered
    id_depth: int = 0  # levels of the numbers in the id column, 0 when there is none
    numbered_outcomes: bool = False
    # the columns of each role, made again only when ``roles`` changes: asked of
    # every row (issue 11)
    _by_role: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False,
                                                  repr=False, compare=False)
    _indexed: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def columns(self, role: str) -> tuple[int, ...]:
        """The indices of the columns of ``role``, left to right."""
        if self._indexed != self.roles:
            by_role: dict[str, list[int]] = {}
            for i, r in enumerate(self.roles):
                by_role.setdefault(r, []).append(i)
            self._by_role = {r: tuple(found) for r, found in by_role.items()}
            self._indexed = list(self.roles)
        return self._by_role.get(role, ())


def cell_of(row: Row, index: int) -> Cell:
    return row.cells[index] if index < len(row.cells) else Cell()


def detect_layout(rows: list[Row], headers: list[str], roles: list[str],
                  settings: ColumnSettings = DEFAULT.columns,
                  printed: list[str] | None = None) -> Layout:
    """Resolve roles from the headers and the data (``column_evidence``), and
    find whether actions and outcomes carry their numbers in the text."""
    printed = printed or headers
    labels = header_labels(printed)
    data = [r for r in rows if not repeats_labels([c.text for c in r.cells], labels)]
    width = max([len(headers), *(len(r.cells) for r in data)])
    # row by row, then turned into columns: a call per cell less (issue 11)
    padded = [[squash(c.text) for c in r.cells] + [""] * (width - len(r.cells)) for r in data]
    columns = [list(column) for column in zip(*padded)] if padded else [[] for _ in range(width)]
    roles = column_evidence.resolve(headers, roles, columns, settings, squashed=True).roles
    headers = list(headers) + [""] * (len(roles) - len(headers))
    layout = Layout(headers=headers, roles=roles, printed=list(printed))
    ids = [v for i in layout.columns("action_id") for v in columns[i] if v]
    if ids:
        depths = [numbering.depth(v) for v in ids]
        layout.id_depth = max(set(depths), key=depths.count)
    if "action_id" not in roles:
        actions = [v for i in layout.columns("action") for v in columns[i] if v]
        layout.numbered_actions = numbering.mostly_numbered(actions, settings.numbered_share)
        if layout.numbered_actions:
            depths = [numbering.depth(lead.raw) for v in actions
                      if (lead := numbering.split_leading(v)).raw]
            layout.levels = max(set(depths), key=depths.count) if depths else 0
    for i in layout.columns("theme"):
        # a theme printed on every row is the row's own label, kept in extra; one
        # printed once over the rows it groups (a merged cell) is their objective
        actions = sum(1 for k in layout.columns("action") for v in columns[k] if v)
        if sum(1 for v in columns[i] if v) >= actions:
            layout.roles[i] = "extra"
    outcomes = [v for i in layout.columns("outcome") for v in columns[i] if v]
    numbered = sum(1 for v in outcomes if numbering.split_leading(v).raw)
    layout.numbered_outcomes = bool(outcomes) and numbered >= 0.5 * len(outcomes)
    return layout
