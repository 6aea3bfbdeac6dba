"""Text of a PDF table cell from its printed lines: wraps joined, bullets
kept as lines, numbers recognised. Shared by the ruled and unruled readers."""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*[•▪●◦‣∙■\uf0b7\uf0a7]\s+")
DASH_BULLET = re.compile(r"^\s*[-–]\s+")
NUMBERED = re.compile(r"^\s*[A-Z]?\s?\d{1,3}(?:\s?\.\s?\d{1,2})?\.?\s")


def cell_text(text: str | None) -> str:
    """Printed lines of one cell joined into its text.

    A wrapped line continues the one before with a space, or with none after
    a hyphen (``anti-`` + ``discrimination``: Word breaks after hyphens). A
    glyph bullet starts a new line; a dash only where the line before ended
    a sentence or was a dash item itself, since a wrap can also put a spaced
    dash (``CPS - Based on``) at a line start."""
    if not text:
        return ""
    out: list[str] = []
    dash_item = False
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        glyph = BULLET.match(line)
        dash = DASH_BULLET.match(line)
        starts_item = bool(glyph) or (bool(dash) and (
            not out or dash_item or out[-1].endswith((".", ":", ";", "!", "?"))))
        if out and not starts_item:
            out[-1] = out[-1] + line if out[-1].endswith("-") else f"{out[-1]} {line}"
            continue
        dash_item = bool(dash) and starts_item
        out.append(DASH_BULLET.sub("", BULLET.sub("", line)) if starts_item else line)
    return "\n".join(out)
