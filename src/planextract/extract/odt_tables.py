"""Tables as LibreOffice writes them where ODF has no words for them: two Word
tables one right after the other, and a table in a shape's text.

Word prints two tables with no paragraph between them as two tables (a key of
abbreviations, then the plan). LibreOffice cannot hold two tables without a
paragraph between them, so when it opens or converts such a file it keeps the
second as a table nested in one last row of the first: a row whose one cell spans
every column and holds nothing but that table. Read as it stands, the plan would be
lines of one cell of the key. ``unnest_adjacent`` puts each such table back beside
the table holding it (the rows before it, the table, the rows after it), in the
parsed tree, before the reader walks it; a table nested beside other cells, or in a
cell holding text too, is a table in a cell and stays one.

When the two tables' columns differ, LibreOffice may instead lay both on one grid
of every column edge either has: the rows of the first table span the columns the
second parts, and the other way round, so no inner column edge is shared by a row
above the join and the row below it. ``split_joined`` parts a table there: a real
table's rows share their column edges (a spanning objective row has no inner edge,
and joins nothing).

A table in a drawing shape's text (a Word text box LibreOffice imports as a
shape) is written in LibreOffice's extension namespace (``loext:table``,
``loext:table-row``, ``loext:table-cell``), ODF having none there; ``adopt_loext``
names those elements as the ODF table elements they stand for.
"""

from __future__ import annotations

from planextract.extract.odf_styles import TEXT

_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TABLE, ROW = f"{_TABLE_NS}table", f"{_TABLE_NS}table-row"
CELL, COVERED = f"{_TABLE_NS}table-cell", f"{_TABLE_NS}covered-table-cell"
_P = f"{TEXT}p"
HEADER_ROWS = f"{_TABLE_NS}table-header-rows"
ROW_GROUPS = frozenset({f"{_TABLE_NS}table-rows", f"{_TABLE_NS}table-row-group"})
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
TEXT_BOX = f"{DRAW}text-box"
BLOCKS = frozenset({_P, f"{TEXT}h", f"{TEXT}list", TABLE})
_LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
_TABLE_PARTS = frozenset({"table", "table-row", "table-cell", "covered-table-cell",
                          "table-column", "table-columns", "table-header-rows", "table-rows",
                          "table-row-group", "table-column-group",
                          "table-header-columns"})


def adopt_loext(root) -> None:
    """LibreOffice's extension table elements renamed as ODF's (in place)."""
    for element in list(root.iter(f"{_LOEXT}*")):
        local = element.tag[len(_LOEXT):]
        if local in _TABLE_PARTS:
            element.tag = _TABLE_NS + local


def _own(table) -> bool:
    """A table of its own: two rows or more, two cells or more in one of them."""
    rows = [sum(c.tag == CELL for c in tr) for tr in table if tr.tag == ROW]
    return len(rows) >= 2 and max(rows) >= 2


def sole_table(tr):
    """The table a row holds alone, or None: the row's first cell spans every
    column (the others are covered by it) and holds that table and, at most, empty
    paragraphs (LibreOffice puts one after a table closing a cell)."""
    cells = [c for c in tr if c.tag in (CELL, COVERED)]
    if len(cells) < 2 or cells[0].tag != CELL or any(c.tag != COVERED for c in cells[1:]):
        return None
    tables = [c for c in cells[0] if c.tag == TABLE]
    others = [c for c in cells[0] if c.tag != TABLE]
    if len(tables) != 1 or not _own(tables[0]):
        return None
    if any(c.tag != _P or "".join(c.itertext()).strip() for c in others):
        return None
    return tables[0]


def unnest_adjacent(root) -> None:
    """Each table a row of another holds alone made a table after it (``root``'s
    tree is changed in place)."""
    for table in list(root.iter(TABLE)):
        parent = table.getparent()
        if parent is None:
            continue
        for tr in [c for c in table if c.tag == ROW]:
            inner = sole_table(tr)
            if inner is None:
                continue
            rest = table.makeelement(table.tag, dict(table.attrib))
            for later in list(tr.itersiblings()):
                rest.append(later)  # moved: the rows after it, and soft page breaks
            table.remove(tr)
            at = parent.index(table)
            parent.insert(at + 1, inner)
            if any(c.tag == ROW for c in rest):
                parent.insert(at + 2, rest)
                table = rest
            else:
                break


def _edges(tr) -> set[int] | None:
    """The inner column edges a row's cells start at (a cell covered by one to its
    left starts none; one covered from above does), or None for a row of one cell."""
    edges, column, across = set(), 0, 0
    for cell in tr:
        if cell.tag not in (CELL, COVERED):
            continue
        repeat = _number(cell.get(f"{_TABLE_NS}number-columns-repeated"))
        for _ in range(min(repeat, 1000)):
            if cell.tag == CELL or not across:
                edges.add(column)
            across = max(across - 1, 0)
            if cell.tag == CELL:
                across = _number(cell.get(f"{_TABLE_NS}number-columns-spanned")) - 1
            column += 1
    edges.discard(0)
    return edges if edges else None


def _number(value: str | None) -> int:
    try:
        return max(1, min(int(value), 1000)) if value is not None else 1
    except ValueError:
        return 1


def split_joined(root) -> None:
    """Each table laid on one grid with the table after it parted where the rows
    above and below share no inner column edge (``root``'s tree changed in place)."""
    for table in list(root.iter(TABLE)):
        parent = table.getparent()
        if parent is None:
            continue
        rows = [c for c in table if c.tag == ROW]
        for above, below in zip(rows, rows[1:]):
            upper, lower = _edges(above), _edges(below)
            if upper is None or lower is None or upper & lower:
                continue
            rest = table.makeelement(table.tag, dict(table.attrib))
            for later in list(above.itersiblings()):
                rest.append(later)
            parent.insert(parent.index(table) + 1, rest)
            table = rest


def table_rows(table):
    """A table's rows, in its header and row groups too."""
    for child in table:
        if child.tag == ROW:
            yield child
        elif child.tag == HEADER_ROWS or child.tag in ROW_GROUPS:
            yield from table_rows(child)


def nested(tc):
    """The first table a cell holds, or None."""
    return next((child for child in tc if child.tag == TABLE), None)


def boxes_in(drawing) -> list:
    """The text boxes of a drawing (a frame's ``draw:text-box``, or a shape holding
    paragraphs itself), in order; an image or a shape without text has none."""
    if drawing.tag == TEXT_BOX:
        return [drawing]
    found: list = []
    holds = False
    for child in drawing:
        tag = child.tag
        if tag in BLOCKS:
            holds = True
        elif isinstance(tag, str) and tag.startswith(DRAW):
            found.extend(boxes_in(child))
    return [drawing, *found] if holds else found
