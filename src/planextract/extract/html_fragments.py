"""Turn a cell printed as an HTML fragment into clean text parts.

Exports put several actions in one cell as ``<p>`` elements and bullet items
as ``<li>`` elements, inline glyphs (``•``, ``▪``) or ``<p>`` elements typed
with a glyph or a dash. Parts keep the first apart; bullets of one part
become lines of that part.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag

from planextract.extract.parts import (  # noqa: F401 - cell_parts, plain: named here before
    _INLINE_BULLET,
    BULLET_GLYPHS,
    cell_parts,
    collapse,
    plain,
    split_inline_bullets,
)

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

_LINE_TAGS = ("li", "ul", "ol")
_TYPED_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS.replace('–', '')}]\s*|[-–]\s+)")


def _inline_text(node: Tag | NavigableString) -> str:
    """Text of an inline run; ``<br>`` becomes a line break, and so does the start
    of every list item and list: each item is one line, its own text once, even
    where an item left open holds the next (``<li>a<li>b`` parses as nested)."""
    if isinstance(node, NavigableString):
        return str(node)
    if node.name == "br":
        return "\n"
    text = "".join(_inline_text(c) for c in node.children)
    return f"\n{text}\n" if node.name in _LINE_TAGS else text


def _list_lines(node: Tag) -> list[str]:
    """The lines of a list: one an item, nested items after their parent's text.
    A list with no <li> has inline glyphs for items, or is plain text."""
    return [split_inline_bullets(collapse(_inline_text(node)))]


def _is_inline_list(node: Tag) -> bool:
    return not node.find_all("li") and not _INLINE_BULLET.search(node.get_text())


def soup_parts(raw: str) -> tuple[str, ...]:
    """``parts.cell_parts`` of a cell holding HTML tags."""
    soup = BeautifulSoup(raw, "html.parser")
    for code in soup.find_all(["script", "style"]):  # code, not printed text (issue 9)
        code.decompose()
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

    for node in soup.children:
        if isinstance(node, Tag) and node.name == "p":
            flush_loose()
            text = collapse(_inline_text(node))
            bullet = bool(_TYPED_BULLET.match(text))
            text = split_inline_bullets(_TYPED_BULLET.sub("", text, count=1))
            if current is not None and bullet:
                current.append(text)  # a paragraph typed as a bullet item: a line of the part
                continue
            current = [text]
            parts.append(current)
        elif isinstance(node, Tag) and node.name in ("ul", "ol") and _is_inline_list(node):
            # a list with no items and no glyphs is inline text ("a) ... b) ...")
            text = collapse(_inline_text(node))
            if current and not "".join(loose).strip():
                loose.clear()
                current[-1] = f"{current[-1]} {text}"
            else:
                loose.append(" " + text)
        elif isinstance(node, Tag) and node.name in ("ul", "ol"):
            flush_loose()
            lines = [ln for ln in _list_lines(node) if ln]
            if current is None:
                current = []
                parts.append(current)
            current.extend(lines)
        else:
            loose.append(_inline_text(node))
    flush_loose()
    cleaned = ("\n".join(x for x in part if x).strip() for part in parts)
    return tuple(p for p in cleaned if p)
