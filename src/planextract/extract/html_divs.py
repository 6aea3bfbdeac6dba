"""Tables drawn without ``<table>``: rows of ``<div>``s, as page builders and
CSS frameworks write them (issue 6).

Three shapes are a table here:

- ARIA roles: a container with ``role="table"`` (or ``grid``) whose ``role="row"``
  descendants hold ``cell``/``gridcell``/``columnheader`` children;
- rows of divs: a container whose child elements are at least three rows with the
  same class structure, each holding the same number (two or more) of cell
  elements;
- a CSS grid: a container styled ``display: grid`` (inline, or by a class rule in
  the page's ``<style>``) with ``grid-template-columns`` naming N tracks, its
  children the cells, N to a row.

Anything else (a page laid out as navigation | content) is left to the paragraph
walk: the rows must repeat one structure, and no cell may hold a whole page.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_CELL_ROLES = {"cell", "gridcell", "columnheader", "rowheader"}
_GRID = re.compile(r"display\s*:\s*(?:inline-)?grid", re.I)
_TRACKS = re.compile(r"grid-template-columns\s*:\s*([^;}]+)", re.I)
_REPEAT = re.compile(r"repeat\(\s*(\d+)\s*,", re.I)
_CALL = re.compile(r"\([^)]*\)")  # minmax(...), fit-content(...)
_RULE = re.compile(r"\.([A-Za-z0-9_-]+)\s*\{([^}]*)\}")
MAX_CELL_TEXT = 4000  # a cell holding more is page layout, not a plan's cell
MIN_ROWS = 3  # a header and two rows: fewer repeat no structure


def _children(tag: Tag) -> list[Tag]:
    return [c for c in tag.children if isinstance(c, Tag)]


def _track_count(value: str) -> int:
    """Columns a ``grid-template-columns`` value names (``repeat(5, 1fr)``,
    ``2fr 1fr 1fr``)."""
    repeat = _REPEAT.search(value)
    if repeat:
        return int(repeat.group(1))
    value = _CALL.sub("x", value)  # minmax(...), fit-content(...)
    return len(value.split())


def grid_classes(soup: BeautifulSoup) -> dict[str, int]:
    """Class name -> column count, for class rules in the page's stylesheets that
    lay an element out as a grid."""
    found: dict[str, int] = {}
    for style in soup.find_all("style"):
        for name, body in _RULE.findall(style.get_text()):
            tracks = _TRACKS.search(body)
            if _GRID.search(body) and tracks:
                found[name] = _track_count(tracks.group(1))
    return found


def _grid_columns(tag: Tag, classes: dict[str, int]) -> int:
    style = str(tag.get("style", "") or "")
    tracks = _TRACKS.search(style)
    if _GRID.search(style) and tracks:
        return _track_count(tracks.group(1))
    return max((classes.get(c, 0) for c in tag.get("class") or []), default=0)


def _small(cells: list[Tag]) -> bool:
    return all(len(c.get_text(" ", strip=True)) <= MAX_CELL_TEXT for c in cells)


def _aria_rows(tag: Tag) -> list[list[Tag]] | None:
    if (tag.get("role") or "").lower() not in ("table", "grid", "treegrid"):
        return None
    rows = [r for r in tag.find_all(attrs={"role": re.compile(r"^row$", re.I)})
            if r.find_parent(attrs={"role": re.compile(r"^(?:table|grid|treegrid)$", re.I)})
            is tag]
    grid = [[c for c in _children(r) if (c.get("role") or "").lower() in _CELL_ROLES]
            for r in rows]
    grid = [cells for cells in grid if cells]
    return grid if len(grid) >= 2 else None


def _signature(tag: Tag) -> tuple[str, tuple[str, ...]]:
    return tag.name, tuple(sorted(tag.get("class") or []))


def header_rows(rows: list[list[Tag]]) -> int:
    """Leading rows marked as the header: ARIA column headers, a class naming a
    head, or a first row whose element carries a class the body rows lack."""
    def marked(cells: list[Tag]) -> bool:
        return any((c.get("role") or "").lower() == "columnheader"
                   or any("head" in k.lower() or k.lower() in ("hdr", "th") for k in
                          [*(c.get("class") or []), *(c.parent.get("class") or [])])
                   for c in cells)
    count = next((i for i, cells in enumerate(rows) if not marked(cells)), len(rows))
    if count == 0 and len(rows) > 2 and rows[0][0].parent is not rows[1][0].parent:
        own = set(rows[0][0].parent.get("class") or [])
        if own - set(rows[1][0].parent.get("class") or []):
            return 1
    return count


def _repeated_rows(tag: Tag) -> list[list[Tag]] | None:
    kids = _children(tag)
    if len(kids) < MIN_ROWS or tag.name in ("ul", "ol", "dl", "table", "tr"):
        return None
    # the body rows share one structure; a header row may add a class of its own
    signatures = {_signature(k) for k in kids[1:]}
    if len(signatures) != 1 or next(iter(signatures))[0] not in ("div", "section", "li"):
        return None
    name, classes = next(iter(signatures))
    first = _signature(kids[0])
    if first[0] != name or not set(classes) <= set(first[1]):
        return None
    grid = [_children(k) for k in kids]
    widths = {len(cells) for cells in grid}
    if len(widths) != 1 or min(widths) < 2:
        return None
    # every column repeats one element structure down the rows
    for column in zip(*grid):
        if len({_signature(c) for c in column}) > 2:
            return None
    return grid if all(_small(cells) for cells in grid) else None


def div_rows(tag: Tag, classes: dict[str, int]) -> list[list[Tag]] | None:
    """The rows of cells of ``tag`` when it is a table drawn with divs, else None."""
    if tag.name == "table":
        return None
    aria = _aria_rows(tag)
    if aria is not None:
        return aria
    columns = _grid_columns(tag, classes)
    if columns >= 2:
        cells = _children(tag)
        if len(cells) >= 2 * columns and _small(cells):
            return [cells[i:i + columns] for i in range(0, len(cells), columns)]
        return None
    return _repeated_rows(tag)
