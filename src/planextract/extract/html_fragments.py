"""Turn a cell printed as an HTML fragment into clean text parts.

Exports put several actions in one cell as ``<p>`` elements and bullet items
as ``<li>`` elements, inline glyphs (``•``, ``▪``) or ``<p>`` elements typed
with a glyph or a dash. Parts keep the first apart; bullets of one part
become lines of that part.
"""

from __future__ import annotations

import html
import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

BULLET_GLYPHS = "•▪●◦‣∙■□➢➤►–\uf0b7\uf0a7"
_INLINE_BULLET = re.compile(r"\s*[•▪●◦‣∙➢➤►\uf0b7\uf0a7]\s*")
_BULLET_GLYPH = re.compile(r"[•▪●◦‣∙➢➤►\uf0b7\uf0a7]")  # those _INLINE_BULLET splits at
_WS = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
_TAG_HINT = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_LINE_TAGS = ("li", "ul", "ol")
_TYPED_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS.replace('–', '')}]\s*|[-–]\s+)")


def collapse(text: str) -> str:
    """Collapse runs of spaces inside each line and drop empty lines (a line alone
    without the lists: most cells are one line, read by the hundred thousand)."""
    if "\n" not in text:
        return _WS.sub(" ", text).strip()
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def split_inline_bullets(text: str) -> str:
    """``Intro • a • b`` -> ``Intro\\na\\nb``: inline bullet glyphs start new lines
    (text with no glyph is only stripped)."""
    if not _BULLET_GLYPH.search(text):
        return text.strip()
    pieces = [p.strip() for p in _INLINE_BULLET.split(text)]
    return "\n".join(p for p in pieces if p)


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


def cell_parts(raw: str) -> tuple[str, ...]:
    """Split a cell's printed text into its fragments, each clean plain text."""
    if not _TAG_HINT.search(raw):
        text = html.unescape(raw)
        return tuple(p for p in [split_inline_bullets(collapse(text))] if p)
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


def plain(raw: str) -> str:
    """The cell as one plain string, HTML removed, whitespace collapsed."""
    return " ".join(" ".join(cell_parts(raw)).split())
