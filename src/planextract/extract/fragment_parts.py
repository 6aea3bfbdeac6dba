"""The parts of a cell printed as an HTML fragment, read from its parsed tree:
bs4's (``html_fragments.soup_parts``) or the plain fragment tree
(``fragment_tree``), whose nodes answer the same questions (a text node is a
``str``, an element has ``name``, ``children``, ``find_all`` and ``get_text``).

Exports put several actions in one cell as ``<p>`` elements and bullet items
as ``<li>`` elements, inline glyphs (``•``, ``▪``) or ``<p>`` elements typed
with a glyph or a dash. Parts keep the first apart; bullets of one part
become lines of that part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from planextract.extract.parts import (
    _INLINE_BULLET,
    BULLET_GLYPHS,
    collapse,
    split_inline_bullets,
)
from planextract.extract.printed import lone_mark

_LINE_TAGS = ("li", "ul", "ol")
_TYPED_BULLET = re.compile(
    rf"^\s*(?:[{BULLET_GLYPHS.replace('–', '')}]\s*|[-–]\s+|o\s+(?=\S))")  # "o": GLYPH_BULLET


def inline_text(node: Any) -> str:
    """Text of an inline run; ``<br>`` becomes a line break, and so does the start
    of every list item and list: each item is one line, its own text once, even
    where an item left open holds the next (``<li>a<li>b`` parses as nested)."""
    if isinstance(node, str):
        return str(node)
    if node.name == "br":
        return "\n"
    text = "".join(inline_text(c) for c in node.children)
    return f"\n{text}\n" if node.name in _LINE_TAGS else text


def _list_lines(node: Any) -> list[str]:
    """The lines of a list: one an item, nested items after their parent's text.
    A list with no <li> has inline glyphs for items, or is plain text."""
    return [split_inline_bullets(collapse(inline_text(node)))]


def _is_inline_list(node: Any) -> bool:
    return not node.find_all("li") and not _INLINE_BULLET.search(node.get_text())


def tree_parts(children: Iterable[Any]) -> tuple[str, ...]:
    """The parts of a fragment whose top-level nodes are ``children``."""
    parts: list[list[str]] = []
    current: list[str] | None = None
    loose: list[str] = []

    def flush_loose() -> None:
        nonlocal current
        text = split_inline_bullets(collapse("".join(loose)))
        loose.clear()
        if not text:
            return
        if current is None:
            current = []
            parts.append(current)
        current.append(text)

    for node in children:
        name = None if isinstance(node, str) else node.name
        if name == "p":
            flush_loose()
            text = collapse(inline_text(node))
            bullet = bool(_TYPED_BULLET.match(text)) and not lone_mark(text)
            if bullet:
                text = _TYPED_BULLET.sub("", text, count=1)
            text = split_inline_bullets(text)
            if current is not None and bullet:
                current.append(text)  # a paragraph typed as a bullet item: a line of the part
                continue
            current = [text]
            parts.append(current)
        elif name in ("ul", "ol") and _is_inline_list(node):
            # a list with no items and no glyphs is inline text ("a) ... b) ...")
            text = collapse(inline_text(node))
            if current and not "".join(loose).strip():
                loose.clear()
                current[-1] = f"{current[-1]} {text}"
            else:
                loose.append(" " + text)
        elif name in ("ul", "ol"):
            flush_loose()
            lines = [ln for ln in _list_lines(node) if ln]
            if current is None:
                current = []
                parts.append(current)
            current.extend(lines)
        else:
            loose.append(inline_text(node))
    flush_loose()
    cleaned = ("\n".join(x for x in part if x).strip() for part in parts)
    return tuple(p for p in cleaned if p)


def fragment_parts(raw: str) -> tuple[str, ...]:
    """``parts.cell_parts`` of a cell holding HTML tags: the plain fragment tree
    when it is certain, else bs4's."""
    from planextract.extract.fragment_tree import parse_fragment

    tree = parse_fragment(raw)
    if tree is not None:
        return tree_parts(tree.children)
    from planextract.extract.html_fragments import soup_parts

    return soup_parts(raw)
