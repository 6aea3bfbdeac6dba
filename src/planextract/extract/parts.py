"""A cell's text as parts (one a printed paragraph or action), and the helpers every
reader shares to make them, without BeautifulSoup.

Kept apart from ``html_fragments``/``html_cells`` (which parse HTML with bs4) so the
text readers, whose cells are nearly always plain text, do not import bs4 for
every run (issue 11: start-up): a cell holding tags is handed to
``fragment_parts.fragment_parts`` (bs4 only for fragments its plain parser leaves).
"""

from __future__ import annotations

import html
import re

from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, lone_mark

BULLET_GLYPHS = "•▪●◦‣∙■□➢➤►–\uf0b7\uf0a7"
_INLINE_BULLET = re.compile(r"\s*[•▪●◦‣∙➢➤►\uf0b7\uf0a7]\s*")
_BULLET_GLYPH = re.compile(r"[•▪●◦‣∙➢➤►\uf0b7\uf0a7]")  # those _INLINE_BULLET splits at
_WS = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
_TAG_HINT = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def collapse(text: str) -> str:
    """Collapse runs of spaces inside each line and drop empty lines (a line alone
    without the lists: most cells are one line, read by the hundred thousand)."""
    if "\n" not in text:
        return _WS.sub(" ", text).strip()
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def split_inline_bullets(text: str) -> str:
    """``Intro • a • b`` -> ``Intro\\na\\nb``: inline bullet glyphs start new lines
    (text with no glyph is only stripped; a glyph alone is a mark, kept)."""
    if not _BULLET_GLYPH.search(text) or lone_mark(text):
        return text.strip()
    pieces = [p.strip() for p in _INLINE_BULLET.split(text)]
    return "\n".join(p for p in pieces if p)


def is_bullet_line(text: str) -> bool:
    """A paragraph typed as a bullet item: a glyph or a dash and a space first."""
    return bool(GLYPH_BULLET.match(text) or DASH_BULLET.match(text))


def strip_bullet(text: str) -> str:
    """The item's text without its glyph or dash; a glyph alone is a mark, kept."""
    if lone_mark(text):
        return text.strip()
    text = GLYPH_BULLET.sub("", text, count=1)
    return DASH_BULLET.sub("", text, count=1).strip()


class PartsBuilder:
    """Collects parts; each part is a list of lines."""

    def __init__(self) -> None:
        self.parts: list[list[str]] = []
        self.loose: list[str] = []

    def flush(self) -> None:
        text = "".join(self.loose)
        self.loose.clear()
        self.paragraph(text)

    def paragraph(self, text: str, bullet: bool = False) -> None:
        """A printed paragraph: a new part, unless it is a bullet item; its
        ``<br>`` lines are lines of that part."""
        first = True
        for line in collapse(text).split("\n"):
            if not line:
                continue
            if is_bullet_line(line) or (bullet and first):
                self.line(split_inline_bullets(strip_bullet(line)))
            else:
                if first:
                    self.parts.append([])
                self.line(split_inline_bullets(line))
            first = False

    def run_on(self, text: str) -> None:
        """More of the last line: a sentence wrapped by hand."""
        text = " ".join(text.split())
        if not self.parts or not self.parts[-1]:
            self.paragraph(text)
        elif text:
            self.parts[-1][-1] = f"{self.parts[-1][-1]} {text}"

    def line(self, text: str) -> None:
        if not self.parts:
            self.parts.append([])
        self.parts[-1].extend(x for x in text.split("\n") if x)

    def result(self) -> tuple[str, ...]:
        self.flush()
        return tuple(t for t in ("\n".join(p).strip() for p in self.parts) if t)


def cell_parts(raw: str) -> tuple[str, ...]:
    """Split a cell's printed text into its fragments, each clean plain text."""
    if "<" not in raw or not _TAG_HINT.search(raw):
        part = split_inline_bullets(collapse(html.unescape(raw))) if raw else ""
        return (part,) if part else ()
    from planextract.extract.fragment_parts import fragment_parts

    return fragment_parts(raw)


def plain(raw: str) -> str:
    """The cell as one plain string, HTML removed, whitespace collapsed. Without a
    tag, the parts' lines joined with spaces are the text with its bullet glyphs
    made spaces (the parts are not built: a one-cell-per-line export asks this
    of every line); ``raw`` itself when that reads the same (issue 11: an equal
    copy of most lines of a one-cell-per-line export, made as its first lines are
    let go, was 0.4 times the input at the reader's peak)."""
    if "<" not in raw:
        unescaped = html.unescape(raw)
        text = unescaped.strip() if lone_mark(unescaped) else " ".join(
            _BULLET_GLYPH.sub(" ", unescaped).split())  # a glyph alone is a mark, kept
        return raw if text == raw else text
    return " ".join(" ".join(cell_parts(raw)).split())


def read_plain(raw: str) -> str:
    """``plain`` as it was, an equal copy of ``raw`` when nothing changes (the
    reference of tests/test_speed_equivalence.py and test_text_cell_sharing.py)."""
    if "<" not in raw:
        unescaped = html.unescape(raw)
        if lone_mark(unescaped):
            return unescaped.strip()
        return " ".join(_BULLET_GLYPH.sub(" ", unescaped).split())
    return " ".join(" ".join(cell_parts(raw)).split())
