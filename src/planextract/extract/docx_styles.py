"""Paragraph styles and list numbering of a Word document, on plain lxml elements.

The same readings as ``docx_reference`` makes through python-docx's element
classes (a paragraph's heading level from its outline level or its style, the
numbers Word draws for ``w:numPr``), with the element names computed once. Where
python-docx would raise on a value (a missing ``w:val``, a style of no known
type), this raises too, so the reader hands the file to python-docx.
"""

from __future__ import annotations

import re

from lxml import etree

from planextract.extract.docx_package import Unusual, W

_HEADING_STYLE = re.compile(r"^(?:heading|título|titre|überschrift)\s*(\d)", re.I)
VAL = f"{W}val"
PPR, PSTYLE, NUMPR, NUMID, ILVL = (f"{W}pPr", f"{W}pStyle", f"{W}numPr", f"{W}numId",
                                   f"{W}ilvl")
_OUTLINE = f"{W}outlineLvl"
_R, _T, _RPR, _B = f"{W}r", f"{W}t", f"{W}rPr", f"{W}b"
_STYLE, _STYLE_ID, _TYPE, _NAME = f"{W}style", f"{W}styleId", f"{W}type", f"{W}name"
_STYLE_TYPES = {"paragraph", "character", "table", "numbering"}  # python-docx's StyleFactory
# python-docx's BabelFish: the names Word stores in lower case, as its UI shows them
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}


def first(element, tag: str):
    """``element.find(tag)`` for a plain name: its first child ``tag``, or None
    (lxml's ``find`` goes through its path language: twice as slow)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def outline(ppr) -> int | None:
    """A paragraph's outline level (``w:outlineLvl``, 0-8; 9 is body text) as a
    heading level, or None."""
    node = first(ppr, _OUTLINE) if ppr is not None else None
    if node is None:
        return None
    try:
        value = int(node.get(VAL))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value <= 8 else 0


def style_id(ppr) -> str | None:
    """The paragraph's style id (``w:pStyle``), None without one."""
    node = first(ppr, PSTYLE) if ppr is not None else None
    return None if node is None else node.attrib[VAL]


class Styles:
    """Each style's name, outline level and list numbering, by style id."""

    def __init__(self, root: etree._Element) -> None:
        self.names: dict[str, str | None] = {}
        self.outlines: dict[str, int] = {}
        self.numpr: dict[str, etree._Element] = {}
        for style in root.iterchildren(_STYLE):
            if style.get(_TYPE) not in _STYLE_TYPES:
                raise Unusual(f"a style of type {style.get(_TYPE)!r}")
            ident = style.get(_STYLE_ID)
            if not ident:
                continue
            name = style.find(_NAME)
            label = None if name is None else _UI_NAMES.get(name.attrib[VAL],
                                                            name.attrib[VAL])
            self.names[ident] = label
            ppr = style.find(PPR)
            if level := outline(ppr):
                self.outlines[ident] = level
            numpr = ppr.find(NUMPR) if ppr is not None else None
            if numpr is not None:
                self.numpr[ident] = numpr

    def level(self, ppr) -> int:
        """The heading level: the paragraph's outline level, else its style's name
        (``Heading 2``, ``Title``), else its style's outline level (a custom
        heading style)."""
        own = outline(ppr)
        if own is not None:
            return own
        ident = style_id(ppr)
        name = self.names.get(ident or "", ident or "")
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        if name.lower() == "title":
            return 1
        return self.outlines.get(ident or "", 0)


def bold(p) -> bool:
    """Every run of the paragraph that prints text is bold."""
    runs = [r for r in p.iter(_R) if "".join(t.text or "" for t in r.iter(_T))]
    if not runs:
        return False
    for run in runs:
        rpr = first(run, _RPR)
        b = first(rpr, _B) if rpr is not None else None
        if b is None or b.get(VAL) in ("0", "false"):
            return False
    return True


class Numbering:
    """Renders list numbers the way Word draws them: counters per list and level."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles = styles
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl"))] = (
                    fmt.get(VAL) if fmt is not None else "decimal",
                    text.get(VAL) if text is not None else "",
                    int(start.get(VAL)) if start is not None else 1)
            abstract[node.get(f"{W}abstractNumId")] = levels
        for num in root.iterchildren(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for level, spec in abstract.get(ref.get(VAL), {}).items():
                self.levels[(num.get(f"{W}numId"), level)] = spec

    def label(self, ppr) -> tuple[str, str] | None:
        """(kind, label) for a paragraph with properties ``ppr``: kind ``bullet``
        or ``number``. The numbering is the paragraph's own or its style's."""
        style = numpr = None
        if ppr is not None:  # one pass for both (the first of each, as find gives)
            for node in ppr:
                tag = node.tag
                if tag == PSTYLE:
                    style = node if style is None else style
                elif tag == NUMPR:
                    numpr = node if numpr is None else numpr
        ident = None if style is None else style.attrib[VAL]  # a bad one raises, as in
        num_id = first(numpr, NUMID) if numpr is not None else None
        if num_id is None:
            numpr = self.styles.numpr.get(ident) if ident else None
            num_id = first(numpr, NUMID) if numpr is not None else None
            if num_id is None:
                return None
        key = str(int(num_id.attrib[VAL]))
        ilvl = first(numpr, ILVL)
        level = int(ilvl.attrib[VAL]) if ilvl is not None else 0
        return list_label(self.levels, self.counters, key, level)


def list_label(levels: dict, counters_by_list: dict, key: str, level: int
               ) -> tuple[str, str]:
    """The label Word prints before a list paragraph of list ``key`` at ``level``:
    ("bullet", "") or ("number", its rendered number), advancing that list's
    counters (a deeper level restarts when a shallower one moves on)."""
    fmt, text, start = levels.get((key, level), ("bullet", "", 1))
    if fmt in ("bullet", "none") or key == "0":
        return ("bullet", "")
    counters = counters_by_list.setdefault(key, [])
    while len(counters) <= level:
        counters.append(start - 1)
    counters[level] += 1
    del counters[level + 1:]
    rendered = text
    for i, value in enumerate(counters):
        spec = levels.get((key, i), ("decimal", "", 1))
        rendered = rendered.replace(f"%{i + 1}", _format(value, spec[0]))
    return ("number", rendered.strip())


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, rest = "", value
        for n, s in numerals:
            while rest >= n:
                out, rest = out + s, rest - n
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
