"""The text of one HTML table cell (a parsed ``<td>``) as the parts a plan prints.

A plan saved as a web page puts each paragraph of a cell in a ``<p>`` (or a
``<div>``), bullet items in ``<ul>``/``<ol>`` lists or in paragraphs typed with
a literal glyph, and line breaks as ``<br>``. A part is one printed paragraph;
list items, glyph-typed bullets and ``<br>`` lines are lines of the part before
them, so the normaliser reads them as one action's bullets, as in Word.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from planextract.extract.parts import (  # noqa: F401 - named here before
    PartsBuilder,
    collapse,
    is_bullet_line,
    split_inline_bullets,
    strip_bullet,
)

# elements that start a new printed paragraph inside a cell
PARAGRAPHS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "section", "article", "dd", "dt", "address", "center"}
LISTS = {"ul", "ol", "dl", "menu"}
_SOURCE_WS = re.compile(r"[ \t\r\n\f]+")
_DRAWN_NUMBER = re.compile(r"^[\w]{1,3}[.)]$")  # a number Word drew as a list glyph
_NUMBERED_ITEM = re.compile(r"^\s*\w{1,3}[.)]\s")
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
# Word's "Save as web page" draws a list item's glyph in a span before the text
_WORD_LIST_STYLE = re.compile(r"mso-list\s*:\s*l\d", re.I)
_WORD_GLYPH = re.compile(r"^\s*(?:[·o§ØüÞ\-–•▪]|\d{1,3}[.)]|[a-z][.)]|[ivx]+[.)])\s*$", re.I)


def inline_text(node: Tag | NavigableString) -> str:
    """Text of an inline run: ``<br>`` is a line break, comments are dropped."""
    if isinstance(node, _SKIPPED_STRINGS):
        return ""
    if isinstance(node, NavigableString):
        return _SOURCE_WS.sub(" ", str(node))  # a source line break is a space
    if node.name == "br":
        return "\n"
    return "".join(inline_text(c) for c in node.children)


def _word_list_item(node: Tag) -> str | None:
    """The text of a Word-saved list paragraph without its drawn glyph, or
    None when ``node`` is not one."""
    if not _WORD_LIST_STYLE.search(node.get("style", "") or ""):
        return None
    children = [c for c in node.children if not isinstance(c, _SKIPPED_STRINGS)]
    first = next((c for c in children if inline_text(c).strip()), None)
    if isinstance(first, Tag) and _WORD_GLYPH.match(" ".join(inline_text(first).split())):
        glyph = " ".join(inline_text(first).split())
        rest = "".join(inline_text(c) for c in children if c is not first)
        if _DRAWN_NUMBER.match(glyph):  # a number Word drew: keep it
            return f"{glyph} {rest}"
        return rest
    return "".join(inline_text(c) for c in children)


def _walk(node: Tag, out: PartsBuilder, nested_table) -> None:
    for child in node.children:
        if isinstance(child, _SKIPPED_STRINGS):
            continue
        if isinstance(child, NavigableString):
            out.loose.append(inline_text(child))
            continue
        name = child.name
        if name == "table":
            out.flush()
            for line in nested_table(child):
                out.line(line)
        elif name in LISTS:
            out.flush()
            items = [c for c in child.children if isinstance(c, Tag)
                     and c.name in ("li", "dd", "dt")]
            for item in items:  # a nested list's items are read with their item
                text = collapse(_list_item_text(item))
                if text:
                    out.line(split_inline_bullets(strip_bullet(text)))
            if not items:
                out.paragraph(inline_text(child))
        elif name in PARAGRAPHS:
            out.flush()
            if any(isinstance(c, Tag) and (c.name in PARAGRAPHS or c.name in LISTS
                                            or c.name == "table") for c in child.children):
                _walk(child, out, nested_table)
                out.flush()
                continue
            word_item = _word_list_item(child)
            if word_item is not None:
                out.paragraph(word_item, bullet=not _NUMBERED_ITEM.match(word_item))
            else:
                out.paragraph(inline_text(child))
        else:
            out.loose.append(inline_text(child))


def _list_item_text(item: Tag) -> str:
    """An item's own text, nested lists' items included as further lines."""
    out = []
    for child in item.children:
        if isinstance(child, Tag) and child.name in LISTS:
            out.extend("\n" + _list_item_text(li) for li in child.children
                       if isinstance(li, Tag) and li.name in ("li", "dd", "dt"))
        elif isinstance(child, Tag) and child.name in PARAGRAPHS:
            out.append("\n" + inline_text(child))
        else:
            out.append(inline_text(child))
    return "".join(out)


def cell_parts(cell: Tag, nested_table) -> tuple[str, ...]:
    """The parts of a table cell; ``nested_table(tag)`` renders a table
    inside the cell as lines."""
    out = PartsBuilder()
    _walk(cell, out, nested_table)
    return out.result()
