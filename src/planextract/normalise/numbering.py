"""Action and outcome numbers: find, normalise, and check them against their place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.memo import per_document
from planextract.normalise.action_words import action_like
from planextract.normalise.column_evidence import reaches
from planextract.settings import DEFAULT

# "1. 1", "15. 2.", "13.10", "3.1.", "A 1", "A9", "14", "1.", "1.1.1", "1000.1", and
# "3)" (a list numbered with a bracket, as Word's "%1)" draws it); a bare
# four-digit number is a year, not an id, unless a dot follows (``1000.``)
_LEADING = re.compile(
    r"^\s*(?P<raw>(?:[A-Z]\s?\d{1,3}(?:\s?\.\s?\d{1,3}){0,2}|\d{1,3}(?:\s?\.\s?\d{1,3}){0,2}"
    r"|\d{4}(?:\s?\.\s?\d{1,3}){1,2}|\d{4}\.)[.)]?)(?=\s|$)"
)
_EMBEDDED = re.compile(
    r"(?<=[\s.;:])(?P<raw>(?P<major>\d{1,4})(?:\s?\.\s?\d{1,3}){1,2}\.?)\s+(?=[A-Z(])")



@dataclass(frozen=True)
class Numbered:
    raw: str | None
    text: str


_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
_DIGITS = re.compile(r"\d+")
_TWO_LEVELS = re.compile(r"(\d+)\.(\d+)")
_LAST_NUMBER = re.compile(r"(\d+)$")
_TOKENS = re.compile(r"[A-Za-z]+|\d+|\.")
_DIGIT_DOT_DIGIT = re.compile(r"\d\s?\.\s?\d")  # in every match of _EMBEDDED


@per_document(DEFAULT.memo.cells)  # pure; a row's number is normalised by several rules (issue 11)
def normalise_id(raw: str) -> str:
    """``1. 1`` -> ``1.1``, ``15. 2.`` -> ``15.2``, ``A 1`` -> ``A1``, ``3)`` -> ``3``."""
    text = _SPACES.sub("", raw)
    text = _DOTS.sub(".", text)
    return text.removesuffix(")").strip(".")


@per_document(DEFAULT.memo.numbers)  # pure, its answer frozen; a table's cells, read again
def split_leading(text: str, dotted_only: bool = False) -> Numbered:
    """Separate a leading number from its text. With ``dotted_only`` only
    ``N.M`` numbers count (an action numbered under its outcome). Remembered:
    each layout of a table reads all its cells again (issue 11)."""
    match = _LEADING.match(text)
    if not match:
        return Numbered(None, text.strip())
    raw = match.group("raw").strip()
    if dotted_only and "." not in raw.rstrip("."):
        return Numbered(None, text.strip())
    return Numbered(raw, text[match.end():].strip())


def mostly_numbered(cells: list[str], share: float = DEFAULT.columns.numbered_share) -> str | None:
    """How a column's cells carry their numbers: ``dotted`` when half of them
    open with an ``N.M`` number (an action numbered under its outcome),
    ``plain`` when ``share`` of them open with any id-like token (``1 Develop``,
    ``A1 Agree``), else None."""
    if not cells:
        return None
    # each count read only until its answer is certain (issue 11: a table's whole
    # action column was read twice over for each of its layouts)
    if reaches((bool(split_leading(v, dotted_only=True).raw) for v in cells), len(cells), 0.5):
        return "dotted"
    plain = (bool((lead := split_leading(v)).raw and lead.text) for v in cells)
    return "plain" if reaches(plain, len(cells), share) else None


def depth(raw: str) -> int:
    """Levels of a number: ``1`` 1, ``1.2`` 2, ``1.2.3`` 3."""
    return normalise_id(raw).count(".") + 1


def split_embedded(text: str, majors: set[str], dotted_only: bool = True) -> list[Numbered]:
    """Split a paragraph holding several numbered actions (``25.1. ... 25. 2 ...``).

    Only numbers whose first part is one of ``majors`` (the outcome's number
    and the numbers already used under it) split, so a reference such as
    ``financing 23.5`` at the end of a sentence stays text."""
    pieces: list[Numbered] = []
    head = split_leading(text, dotted_only=dotted_only)
    rest = head.text
    current_raw = head.raw
    # an embedded number has a dot between digits: most actions have none, and the
    # look-behind pattern is tried at every character (issue 11)
    cuts = [m for m in _EMBEDDED.finditer(rest) if m.group("major") in majors] \
        if majors and _DIGIT_DOT_DIGIT.search(rest) else []
    start = 0
    for cut in cuts:
        pieces.append(Numbered(current_raw, rest[start:cut.start()].strip()))
        current_raw = cut.group("raw").strip()
        start = cut.end()
    pieces.append(Numbered(current_raw, rest[start:].strip()))
    return [p for p in pieces if p.text or p.raw]


def correct_prefix(action_id: str, outcome_id: str | None) -> str:
    """An action ``32.2`` printed under outcome ``31`` is ``31.2``: the place wins
    over a misprint. Returns the id unchanged when there is nothing to check."""
    if not outcome_id or not _DIGITS.fullmatch(outcome_id):
        return action_id
    match = _TWO_LEVELS.fullmatch(action_id)
    if not match or match.group(1) == outcome_id:
        return action_id
    return f"{outcome_id}.{match.group(2)}"


def successor(raw: str) -> str | None:
    """The number after ``raw`` at its last level: ``B 8`` -> ``B9``, ``12`` ->
    ``13``, ``3.1`` -> ``3.2``; None when it ends in no number."""
    match = _LAST_NUMBER.search(normalise_id(raw))
    if not match:
        return None
    head = normalise_id(raw)[:match.start()]
    return f"{head}{int(match.group(1)) + 1}"


@per_document(DEFAULT.memo.cells)
def _successor_pattern(following: str) -> re.Pattern[str]:
    """The number ``following`` as printed before a new sentence, spaces allowed
    between its parts (``B 9``, ``3. 2``): made once per number (issue 11)."""
    spaced = r"\s?".join(re.escape(ch) if not ch.isdigit() else ch
                          for ch in _TOKENS.findall(following))
    return re.compile(rf"(?<=\s)(?P<raw>{spaced}\.?)\s+(?=[A-Z])")


def split_successors(item: Numbered) -> list[Numbered]:
    """Cut a numbered action where the next number in sequence opens a new
    sentence inside it (``B 8 Establish ... B 9 Publish ...``, two actions run
    into one paragraph). Only the very next number before a verb cuts, so a
    figure in the text stays text."""
    out: list[Numbered] = []
    current = item
    while current.raw:
        following = successor(current.raw)
        if following is None:
            break
        match = next((m for m in _successor_pattern(following).finditer(current.text)
                      if action_like(current.text[m.end():])), None)
        if not match:  # an action opens with a verb: "13 Managers" is a figure
            break
        out.append(Numbered(current.raw, current.text[:match.start()].strip()))
        current = Numbered(match.group("raw"), current.text[match.end():].strip())
    out.append(current)
    return out


def own_number(part: str, levels: int) -> bool:
    """Whether a paragraph opens with an action number of the id column's
    shape: a new action, not the rest of the one above a page break."""
    lead = split_leading(part)
    return bool(lead.raw and lead.text) and depth(lead.raw) == levels


def numbered_lines(parts: list[str], levels: int) -> list[str]:
    """Cut a paragraph where one of its lines opens with an action number of
    the plan's shape (a cell of several numbered actions printed as lines)."""
    out: list[str] = []
    for part in parts:
        lines = part.split("\n")
        current = [lines[0]]
        for line in lines[1:]:
            if own_number(line, levels):
                out.append("\n".join(current))
                current = [line]
            else:
                current.append(line)
        out.append("\n".join(current))
    return out
