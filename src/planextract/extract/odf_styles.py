"""Paragraph, text and list styles of an OpenDocument text: which paragraphs are
headings, which characters are bold, and the numbers a list draws.

Styles are named in ``styles.xml`` (the common ones: ``Heading_20_1``, shown as
"Heading 1") and in the automatic styles of ``content.xml`` (``P1``, ``T1``: what
the author set by hand, each naming its parent style). A paragraph is a heading by
its own outline level (``text:h``), else by its style's chain: a style named
Heading N or Title, or one with a default outline level (a custom heading style),
as the Word reader reads Word's styles. Bold is ``fo:font-weight`` bold (or 600 and
heavier) on the span's or paragraph's style chain. List numbers are not in the
text: each list style's levels (number format, prefix, suffix, start, levels shown)
are rendered with the Word reader's counters (``docx_styles.list_label``).
"""

from __future__ import annotations

import re

from planextract.extract.docx_styles import list_label

STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_HEADING_STYLE = re.compile(r"^(?:heading|título|titre|überschrift)\s*(\d)", re.I)
_ESCAPE = re.compile(r"_([0-9a-fA-F]{2,4})_")
_NUMBER_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter",
                   "i": "lowerRoman", "I": "upperRoman"}
_MAX_CHAIN = 32  # parent styles followed; a loop of styles ends here


def _display(name: str) -> str:
    """A style's name as shown (``Heading_20_1`` -> ``Heading 1``)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name)


def _bold(style) -> bool | None:
    props = style.find(f"{STYLE}text-properties")
    weight = props.get(f"{_FO}font-weight") if props is not None else None
    if weight is None:
        return None
    return weight == "bold" or (weight.isdigit() and int(weight) >= 600)


def as_int(value: str | None, default: int) -> int:
    """An attribute LibreOffice writes as a small number; anything else the default."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class OdfStyles:
    """Each style's parent, shown name, outline level, boldness and list style."""

    def __init__(self, roots: list) -> None:
        self.parent: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.bold: dict[str, bool] = {}
        self.list_style: dict[str, str] = {}
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.automatic: set[str] = set()
        for root in roots:
            for group in (f"{_OFFICE}styles", f"{_OFFICE}automatic-styles"):
                for holder in root.iterchildren(group):
                    self._read(holder, group == f"{_OFFICE}automatic-styles")

    def _read(self, holder, automatic: bool) -> None:
        for style in holder.iterchildren(f"{STYLE}style", f"{TEXT}list-style"):
            name = style.get(f"{STYLE}name")
            if not name:
                continue
            if style.tag == f"{TEXT}list-style":
                self._list(name, style)
                continue
            if automatic:
                self.automatic.add(name)
            self.name[name] = style.get(f"{STYLE}display-name") or _display(name)
            if parent := style.get(f"{STYLE}parent-style-name"):
                self.parent[name] = parent
            if outline := as_int(style.get(f"{STYLE}default-outline-level"), 0):
                self.outline[name] = outline
            if (bold := _bold(style)) is not None:
                self.bold[name] = bold
            if listed := style.get(f"{STYLE}list-style-name"):
                self.list_style[name] = listed

    def _list(self, name: str, style) -> None:
        for level in style:
            depth = as_int(level.get(f"{TEXT}level"), 1) - 1
            if level.tag != f"{TEXT}list-level-style-number":
                self.levels[(name, depth)] = ("bullet", "", 1)
                continue
            fmt = _NUMBER_FORMATS.get(level.get(f"{STYLE}num-format") or "", "none")
            shown = max(1, min(as_int(level.get(f"{TEXT}display-levels"), 1), depth + 1))
            numbers = ".".join(f"%{i + 1}" for i in range(depth + 1 - shown, depth + 1))
            text = (level.get(f"{STYLE}num-prefix") or "") + numbers + \
                (level.get(f"{STYLE}num-suffix") or "")
            self.levels[(name, depth)] = (fmt, text, as_int(level.get(f"{TEXT}start-value"), 1))

    def chain(self, name: str | None):
        """The style and its parents, nearest first."""
        seen = 0
        while name and seen < _MAX_CHAIN:
            yield name
            name, seen = self.parent.get(name), seen + 1

    def level(self, name: str | None) -> int:
        """The heading level a paragraph of style ``name`` prints at, 0 for text."""
        for style in self.chain(name):
            shown = self.name.get(style, style)
            match = _HEADING_STYLE.match(shown)
            if match:
                return int(match.group(1))
            if shown.lower() == "title":
                return 1
            if style in self.outline:
                return self.outline[style]
        return 0

    def is_bold(self, name: str | None, direct: bool = False) -> bool | None:
        """Whether characters of style ``name`` are bold; None when no style of the
        chain says. ``direct``: only what the author set by hand (the automatic
        styles), not a named paragraph style's look (a heading style is bold by
        design, which the Word reader does not count either)."""
        for style in self.chain(name):
            if direct and style not in self.automatic:
                return None
            if style in self.bold:
                return self.bold[style]
        return None

    def list_of(self, name: str | None) -> str | None:
        """The list style a paragraph style numbers its paragraphs with."""
        for style in self.chain(name):
            if style in self.list_style:
                return self.list_style[style]
        return None

    def restart(self, list_style: str) -> None:
        self.counters.pop(list_style, None)

    def label(self, list_style: str | None, depth: int,
              start: int | None = None) -> tuple[str, str]:
        """("bullet", "") or ("number", the number drawn) for an item of
        ``list_style`` at ``depth`` (0: the outer list); ``start``: the item's own
        start value."""
        if list_style is None or (list_style, depth) not in self.levels:
            return ("bullet", "")
        if start is not None:
            counters = self.counters.setdefault(list_style, [])
            while len(counters) <= depth:
                counters.append(0)
            counters[depth] = start - 1
            del counters[depth + 1:]
        return list_label(self.levels, self.counters, list_style, depth)
