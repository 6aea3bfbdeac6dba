"""The text a Word paragraph prints, read from its XML.

Text sits in runs, and runs sit inside content controls (``w:sdt``), tracked
insertions (``w:ins``, ``w:moveTo``), hyperlinks, smart tags and fields; all
of it is printed. Tracked deletions (``w:del``, ``w:moveFrom``) are not, nor
is the fallback copy of a text box Word writes beside the modern one, nor a
content control still showing its prompt. A text box's content
(``w:txbxContent``) is no part of the paragraph anchoring it: ``text_boxes``
gives it to the reader to read as blocks of their own. A line
break (``w:br``) is kept as a line break so a cell's lines stay apart; a page
or column break is a space. Block-level content controls and custom XML
around paragraphs, tables, rows and cells are looked through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from docx.oxml.ns import qn

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_BOX = qn("w:txbxContent")
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:rPr"), qn("w:pPr"), qn("w:instrText"),
            qn("w:delText"), _MC_FALLBACK, _TEXT_BOX}
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_HYPHEN = qn("w:noBreakHyphen")
_WRAPPERS = {qn("w:sdt"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo"), qn("w:smartTag")}
_CONTENT = {qn("w:sdtContent")}
_SDT = qn("w:sdt")


def _placeholder(sdt) -> bool:
    """A content control still showing its prompt ("Click here to enter text."):
    nothing was typed into it."""
    properties = sdt.find(qn("w:sdtPr"))
    return properties is not None and properties.find(qn("w:showingPlcHdr")) is not None


def pieces(element) -> Iterator[str]:
    """The printed characters of ``element``: text, ``\\t`` for tabs, ``\\n``
    for line breaks."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _SDT and _placeholder(child):
            continue
        if tag == _T:
            yield child.text or ""
        elif tag == _TAB:
            yield "\t"
        elif tag in (_BR, _CR):
            yield "\n" if child.get(qn("w:type")) in (None, "textWrapping") else " "
        elif tag == _HYPHEN:
            yield "-"
        else:
            yield from pieces(child)


def lines_of(printed: str) -> str:
    """Printed characters as lines: spaces collapsed within each, line breaks kept."""
    lines = (" ".join(line.split()) for line in printed.split("\n"))
    return "\n".join(line for line in lines if line)


def cells_of(printed: str) -> list[str]:
    """The TAB-separated parts of printed characters, empty ones dropped."""
    parts = printed.replace("\n", " ").split("\t")
    return [" ".join(part.split()) for part in parts if part.strip()]


def paragraph_lines(p) -> str:
    """The paragraph's text, spaces collapsed within each line, line breaks kept."""
    return lines_of("".join(pieces(p)))


def paragraph_text(p) -> str:
    """The paragraph's text on one line."""
    return " ".join("".join(pieces(p)).split())


def tab_cells(p) -> list[str]:
    """The TAB-separated parts of a paragraph, empty ones dropped."""
    return cells_of("".join(pieces(p)))


def children(element, *tags: str) -> Iterator:
    """Children of ``element`` with one of ``tags``, looking through content
    controls, custom XML and tracked insertions around them."""
    for child in element:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag == _SDT and _placeholder(child):
            continue
        elif tag in _WRAPPERS:
            yield from children(child, *tags)
        elif tag in _CONTENT:
            yield from children(child, *tags)


def text_boxes(p) -> list:
    """The text boxes anchored in paragraph ``p`` (each a ``w:txbxContent`` holding
    paragraphs and tables), in order; not the VML copy Word writes as the
    fallback of a modern shape, nor boxes nested in another box (read with it)."""
    found = []
    for box in p.iter(_TEXT_BOX):
        ancestors = []
        for ancestor in box.iterancestors():
            if ancestor is p:
                break
            ancestors.append(ancestor.tag)
        if _MC_FALLBACK not in ancestors and _TEXT_BOX not in ancestors:
            found.append(box)
    return found


def is_deleted_row(tr) -> bool:
    """A row removed with tracked changes on."""
    trpr = tr.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:del")) is not None


def header_rows(tbl) -> int:
    """How many leading rows Word repeats as the table's header (``w:tblHeader``)."""
    count = 0
    for tr in children(tbl, qn("w:tr")):
        if is_deleted_row(tr):
            continue
        trpr = tr.find(qn("w:trPr"))
        mark = trpr.find(qn("w:tblHeader")) if trpr is not None else None
        if mark is None or mark.get(qn("w:val")) in ("0", "false", "off"):
            break
        count += 1
    return count


def layout(rows: Iterable[list], nested: Callable, own: Callable) -> list | None:
    """The cells of a layout table of ``rows`` (each a list of cells), read cell by
    cell as if its content stood outside, or None: every row one cell, some
    holding a table (a frame); or every row holding, in one of its cells, a table
    of its own (``own(tbl)``: two rows and two columns or more, or a frame): a
    form-like template printing each plan table beside its label. A plan table
    with a small table in one cell has rows without one, and is read as a table.
    ``nested(tc)``: the cell's first table, or None. Rows are read one at a time
    and the answer given at the first that rules it out (most tables: the first)."""
    flat: list = []
    framed = False  # every row so far one cell
    several = False  # some row of several cells: every row must hold a table of its own
    for row in rows:
        if len(row) > 1 and not several:
            several = True
            if not all(_holds(tc, nested, own) for tc in flat):
                return None
        if several and not any(_holds(tc, nested, own) for tc in row):
            return None
        if not several and not framed:
            framed = any(nested(tc) is not None for tc in row)
        flat.extend(row)
    return flat if flat and (several or framed) else None


def _holds(tc, nested: Callable, own: Callable) -> bool:
    table = nested(tc)
    return table is not None and own(table)
