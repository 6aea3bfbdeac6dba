"""Headings outside and inside tables: sections, objectives, strand groups,
and the plan's organisation and title from its first lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.lexicon.text import squash
from planextract.normalise.text import is_all_caps, smart_title

NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# a division's number is closed the same way whatever its word: a colon, a stop, a
# dash, or a bracketed qualifier (``Year 3: 2011-12``, ``Year 1 (2012/13)``)
_CLOSE = r"\s*[:.–(-]"
_SECTION = re.compile(
    r"^(?:section\s+(?:\d+|[a-z]+)\b(?!\s*$)|theme\s+[a-z0-9]\b|year\s+\d{1,2}" + _CLOSE
    + r"|part\s+(?:\d+|[a-z]+)" + _CLOSE + r"|(?:strategic\s+)?priority\s+(?:\d{1,2}|[a-z])"
    + _CLOSE + ")", re.I)
_OBJECTIVE = re.compile(
    r"^objective\s+(?:(?P<word>[a-z]+)\s+)?(?P<num>\d+|[a-z]+)?\s*[:.–-]\s*(?P<title>.+)$", re.I)
# other words plans use for the objective a group of actions serves; these need a
# number or letter (``Goal 3. ...``, ``Equality Objective 2 - ...``, ``Aim B: ...``).
# A priority groups objectives as a theme does: it is a section (``PRIORITY A. OUR STAFF``).
_GROUPING = re.compile(
    r"^(?:strategic\s+|equality\s+|corporate\s+|key\s+)?(?:goal|aim|objective)\s+"
    r"(?P<num>\d{1,2}|[A-Z])\s*[:.–-]\s*(?P<title>.+)$", re.I)
_STRAND_GROUP = re.compile(r"^\((?P<num>\d+|[a-z])\)\s*(?P<title>.+)$", re.I)
ORG_WORDS = {"trust", "probation", "police", "constabulary", "council", "service", "authority",
             "agency", "nhs", "borough", "county", "ministry", "department", "prison",
             "university", "college", "commission", "foundation", "executive"}
PLAN_WORDS = re.compile(r"\b(plan|plans|scheme|strategy)\b", re.I)
_SUBTITLE = re.compile(r"^(?:action|delivery|implementation)\s+plan\b", re.I)


@dataclass(frozen=True)
class Heading:
    kind: str  # "section" or "objective"
    text: str
    number: str | None = None
    title: str | None = None


def classify(text: str) -> Heading | None:
    """What kind of grouping heading ``text`` is, if any."""
    text = squash(text)
    if len(text) > 300:
        return None
    match = _OBJECTIVE.match(text)
    if match:
        word, num = match.group("word"), match.group("num")
        number = None
        if num and num.isdigit():
            number = num
        elif num and num.lower() in NUMBER_WORDS:
            number = NUMBER_WORDS[num.lower()]
        elif word and word.lower() in NUMBER_WORDS:
            number = NUMBER_WORDS[word.lower()]
        elif num and len(num) == 1:
            number = num.upper()
        title = match.group("title").strip()
        return Heading("objective", text, number, smart_title(title) if is_all_caps(title)
                       else title)
    match = _GROUPING.match(text)
    if match:
        title = match.group("title").strip()
        return Heading("objective", text, match.group("num").upper(),
                       smart_title(title) if is_all_caps(title) else title)
    match = _STRAND_GROUP.match(text)
    if match and ":" in match.group("title"):
        return Heading("objective", text, match.group("num").upper(), match.group("title"))
    if _SECTION.match(text):
        return Heading("section", text)
    return None


def _org_in(text: str) -> tuple[str, str] | None:
    """(organisation, rest of the line) when the line opens with a body's name."""
    head, sep, tail = text.partition(":")
    words = re.sub(r"^the\s+", "", head.strip(), flags=re.I).split()
    if not 1 < len(words) <= 12 or not all(w[:1].isupper() for w in words):
        return None
    last = max((i for i, w in enumerate(words) if w.lower().strip(",.") in ORG_WORDS),
               default=None)
    if last is None:
        return None
    # stop before plan words: "Cheshire Probation Single Equality Scheme"
    for i, w in enumerate(words[: last + 1]):
        if PLAN_WORDS.search(w):
            return None if i == 0 else (" ".join(words[:i]), " ".join(words[i:]))
    org = " ".join(words[: last + 1])
    rest = " ".join(words[last + 1:]) + (" " + tail.strip() if sep else "")
    return org, rest.strip()


def title_and_organisation(lines: list[tuple[str, int]]) -> tuple[str | None, str | None]:
    """Organisation and plan title from the lines before the first table.
    ``lines`` are (text, heading level); headings are preferred for the body."""
    organisation = None
    title = None
    ordered = sorted(range(len(lines)), key=lambda i: lines[i][1] == 0)
    for i in ordered:
        found = _org_in(lines[i][0])
        if found:
            organisation = found[0]
            break
    for i, (text, _level) in enumerate(lines):
        if len(text.split()) > 15 or not PLAN_WORDS.search(text):
            continue
        candidate = text
        found = _org_in(text)
        if found and found[1]:
            candidate = found[1]
        if i + 1 < len(lines) and _SUBTITLE.match(lines[i + 1][0]) \
                and not re.search(r"\bplans?\b", candidate, re.I):
            candidate = f"{candidate} {lines[i + 1][0]}"
        title = candidate
        break
    if organisation and is_all_caps(organisation):
        organisation = smart_title(organisation)
    if title and is_all_caps(title):
        title = smart_title(title)
    return organisation, title
