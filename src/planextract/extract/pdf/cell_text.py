"""Text of a PDF table cell from its printed lines, shared by the ruled and
unruled readers.

Two steps. ``cell_raw`` turns the cell's printed lines (words with their
boxes) into raw text: one printed line a line, a blank line before a line
that starts a new paragraph, and a word cut over two lines rejoined.
``cell_parts`` turns raw text (possibly joined over a page break) into the
cell's paragraphs as ``Cell.parts``, the way the Word reader gives them: wraps
joined, bullet items kept as lines of the paragraph they follow.

A line break is a paragraph break when the next line's first word would have
fitted at the end of the line above: no writer wraps a word that fits, so the
author broke the line. So is a line opening with an action number (``2.3``)
in a cell that opens with one, or with the next whole number in turn (``7``
after ``6 Annual review ...``, then ``8``) in a cell that opens with one:
actions stacked in one cell, the line above them filling it. That keeps owners
listed one per line apart, and stacked actions beside their parallel owner
and date paragraphs. Where every line fills the cell, so neither test can
tell, two lines that are each a whole post are two posts (pdf.post_lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from planextract.extract.pdf.page import Word
from planextract.extract.pdf.post_lines import post_shaped, posts_apart, stop_words
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, NUMBERED
from planextract.lexicon.months import MONTHS
from planextract.settings import DEFAULT, PdfSettings

_ENDS_SENTENCE = (".", ":", ";", "!", "?")
# an action number with a dot inside (1.2, 1. 2, A1.3): in a cell that opens
# with one, a line opening with another starts the next stacked action
_DOTTED = re.compile(r"^[A-Z]?\d{1,4} ?\. ?\d{1,3}\b")
# a lettered action number (D 4, A12): a line opening with the same letter
# and a number starts the next stacked action too
_LETTERED = re.compile(r"^([A-Z]) ?\d{1,3}\b(?! ?[./]\d)")
# a whole action number before a capitalised word (``6 Annual review``, ``5. We``): in a cell
# that opens with one, a line opening with the next number in turn starts the next
# stacked action; a month after it is a date wrapped to the line start (``7 March``)
_COUNTED = re.compile(r"^(\d{1,3})\.? ([A-Z][A-Za-z]*)")


def cell_raw(lines: Sequence[Sequence[Word]], left: float, right: float,
             settings: PdfSettings = DEFAULT.pdf, header: bool = False) -> str:
    """The cell's printed lines as raw text (``\\n`` between lines, ``\\n\\n``
    before a paragraph). ``left`` and ``right`` bound the room a line of the
    cell may fill: its text starts at ``left`` and wraps before ``right``.

    A word too long for the cell is cut at any letter (``supervisor`` + ``s``,
    ``Protected Ch`` + ``aracteristic``): a line that runs from the left
    edge to the right, closer than one more letter (or holds one word that
    fills it; a centred line is neither), followed by a lower-case piece that
    with the end of that line is wider than the cell, is one word cut in two.
    The first kind only in a ``header`` cell: in body text a wrap that ends
    within a letter of the edge is too common to take for a cut."""
    if not lines:
        return ""
    room = right - left
    out = [" ".join([w.text for w in lines[0]])]
    numbered = bool(_DOTTED.match(out[0]))
    lettered = _LETTERED.match(out[0])
    count = counted(out[0])
    for previous, line in zip(lines, lines[1:]):
        last, first = previous[-1], line[0]
        text = " ".join([w.text for w in line])
        full = len(previous) == 1 and last.x1 - last.x0 >= settings.cut_fill * room
        if header and not full:  # the letter and slack only a header cell needs
            letter = (first.x1 - first.x0) / max(len(first.text), 1)
            slack = settings.cut_slack * max(last.size, 1)
            full = last.x1 >= right - min(letter, slack) and previous[0].x0 <= left + slack
        cut = (full and (last.x1 - last.x0) + (first.x1 - first.x0) > room
               and last.text[-1].isalpha() and first.text[0].islower()
               and not links_on(line))
        if cut:
            out[-1] += text
        elif fits_above(previous, first, right, settings) or (
                numbered and _DOTTED.match(text)) or (
                lettered and _same_letter(lettered, text)) or (
                count is not None and counted(text) == count + 1) or (
                not header and posts_apart(out[-1].lstrip("\n"), text)):
            out.append("\n" + text)
            if count is not None and counted(text) == count + 1:
                count += 1
        else:
            out.append(text)
    return "\n".join(out)


def links_on(line: Sequence[Word]) -> bool:
    """Whether a line opens with a linking word before a capitalised one (``and
    Information Manager``): the next words of a list of posts, not the end of a
    word cut at the line above (``Services/Performance`` / ``and Information``)."""
    return (len(line) > 1 and line[0].text in stop_words()
            and line[1].text[:1].isupper())


def counted(text: str) -> int | None:
    """The whole action number ``text`` opens with (``6 Annual review``), or None:
    none, a dotted or lettered one (their own rules part them), or a date's day
    (``7 March``)."""
    match = _COUNTED.match(text)
    if match is None or match.group(2).lower() in MONTHS:
        return None
    return int(match.group(1))


def _same_letter(first: re.Match, text: str) -> bool:
    match = _LETTERED.match(text)
    return bool(match) and match.group(1) == first.group(1)


def fits_above(previous: Sequence[Word], first: Word, right: float,
               settings: PdfSettings = DEFAULT.pdf) -> bool:
    """Whether ``first`` (the next line's first word) would have fitted at the
    end of the line ``previous`` before ``right``, with a space and a margin
    to spare: then the line was broken by its author, not wrapped."""
    last = previous[-1]
    space = settings.space_width * max(first.size, 1)
    return last.x1 + space + (first.x1 - first.x0) <= right - settings.fit_margin


def cell_parts(raw: str | None) -> tuple[str, ...]:
    """The paragraphs of a cell from its raw text, each with its wraps joined.

    A bullet item (glyph, or a dash where the line before ended a sentence or
    was a dash item itself, since a wrap can also put a spaced dash at a line
    start) is a line of the paragraph before it, as Word lists are."""
    if not raw:
        return ()
    parts: list[list[str]] = []
    for paragraph in raw.split("\n\n"):
        lines = _joined(paragraph)
        if not lines:
            continue
        if parts and _is_item(paragraph):
            parts[-1].extend(lines)
        else:
            parts.append(lines)
    return tuple("\n".join(lines) for lines in parts if lines)


def _is_item(paragraph: str) -> bool:
    first = next((line for line in paragraph.split("\n") if line.strip()), "")
    return bool(GLYPH_BULLET.match(first) or DASH_BULLET.match(first))


def _word_hyphen(line: str) -> bool:
    """A line ending in a hyphen inside a word (``anti-``), not in a spaced
    dash (``Chief Executive -`` before a name on the next line)."""
    return line.endswith("-") and len(line) > 1 and not line[-2].isspace()


def _joined(paragraph: str) -> list[str]:
    """One paragraph's printed lines joined: a wrapped line continues the one
    before with a space, or with none after a hyphen (``anti-`` +
    ``discrimination``: Word breaks after hyphens); a bullet starts a line."""
    out: list[str] = []
    dash_item = False
    for line in paragraph.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        glyph = GLYPH_BULLET.match(line)
        dash = DASH_BULLET.match(line)
        starts_item = bool(glyph) or (bool(dash) and (
            not out or dash_item or out[-1].endswith(_ENDS_SENTENCE)))
        if out and not starts_item:
            out[-1] = out[-1] + line if _word_hyphen(out[-1]) else f"{out[-1]} {line}"
            continue
        dash_item = bool(dash) and starts_item
        out.append(DASH_BULLET.sub("", GLYPH_BULLET.sub("", line)) if starts_item else line)
    return out


# a date line that runs on into the next: a dash, a linking word, a month
# waiting for its year (``December 2010 –`` / ``2011``, ``April 2011 - March`` / ``2012``)
_RUNS_ON = re.compile(
    r"(?:[-–—,/&]|\b(?:and|to|from|until|till|by|of|or|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)\s*$", re.I)


def parallel_lines(row: Sequence[str]) -> list[str]:
    """A row's raw cells, with a cell of dates or posts one a line beside actions
    stacked in one cell made one paragraph a line.

    Beside ``k`` stacked actions (a cell of two or more paragraphs, each
    opening with a number), a cell of exactly ``k`` printed lines in fewer
    paragraphs, each line holding a digit (``January 2016 and ongoing`` /
    ``2009 – 2012``), gives each action its line: the lines fill the last
    column, so the fit test could not part them. A line that runs on (a
    dash, ``and``, a month waiting for its year) is a wrapped date. So does a
    cell of exactly ``k`` lines each shaped as a post (``Learning and
    Development Adviser`` / ``Customer Services Head``), which the fit test
    and ``posts_apart`` (wary of ``and``) could not part."""
    stacked = max((len(paras) for cell in row
                   if len(paras := [p for p in cell.split("\n\n") if p.strip()]) >= 2
                   and all(NUMBERED.match(p.strip()) for p in paras)), default=0)
    if not stacked:
        return list(row)
    out = []
    for cell in row:
        lines = [line for line in cell.split("\n") if line.strip()]
        paras = [p for p in cell.split("\n\n") if p.strip()]
        if len(lines) == stacked and len(paras) < stacked and (all(
                any(ch.isdigit() for ch in line) for line in lines) and not any(
                _RUNS_ON.search(line) for line in lines[:-1]) or all(
                post_shaped(line.strip()) for line in lines)):
            cell = "\n\n".join(lines)
        elif len(lines) > stacked > len(paras):
            cell = _posts_grouped(cell, stacked) or cell
        out.append(cell)
    return out


def _posts_grouped(cell: str, stacked: int) -> str | None:
    """A cell of more printed lines than the ``stacked`` actions beside it, as
    one post a paragraph, where exactly one way of cutting its lines into
    ``stacked`` runs makes every run one post (``Customer Services Head`` /
    ``Workforce Planning`` / ``Manager``: the second post wrapped), each run's
    breaks wraps; a paragraph break the fit test found stays a break, and two
    lines that are each a whole post (``posts_apart``) are never one run. None
    where no way or several ways do: then the lines cannot tell."""
    paragraphs = [[line for line in p.split("\n") if line.strip()]
                  for p in cell.split("\n\n") if p.strip()]
    lines = [line for p in paragraphs for line in p]
    if len(lines) > DEFAULT.pdf.grouped_lines_max:
        return None
    forced = set()  # the line indexes a paragraph break already opens
    at = 0
    for paragraph in paragraphs[:-1]:
        at += len(paragraph)
        forced.add(at)
    # two lines each a whole post are never one post's wrap
    for at, (above, below) in enumerate(zip(lines, lines[1:]), 1):
        if posts_apart(above.strip(), below.strip()):
            forced.add(at)
    found = None
    for cuts in combinations(range(1, len(lines)), stacked - 1):
        if not forced <= set(cuts):
            continue
        bounds = (0, *cuts, len(lines))
        runs = ["\n".join(x.strip() for x in lines[a:b]) for a, b in zip(bounds, bounds[1:])]
        if all(post_shaped(" ".join(run.split())) for run in runs):
            if found is not None:
                return None
            found = runs
    return "\n\n".join(found) if found else None
